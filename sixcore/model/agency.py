"""The agency registry (plan/agencies.yaml): bodies, their units, and who succeeded whom."""

from __future__ import annotations

import difflib
import unicodedata
from functools import cached_property

from pydantic import Field

from sixcore.calendar import RocDay
from sixcore.model.base import Bilingual, Model, RocDayField

AGENCY_ID_PATTERN = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"


class Agency(Model):
    id: str = Field(pattern=AGENCY_ID_PATTERN, description="short ASCII id, e.g. moea-idb")
    name: str = Field(description="full name as printed")
    short: str = Field(description="the short name the plan's tables print, e.g. 衛福部")
    name_en: str | None = Field(default=None, description="the official English name (a faithful translation where there is none), shown by --lang en")
    short_en: str | None = Field(default=None, description="the English abbreviation tables print (MOEA, NSTC); name_en where there is none")
    parent: str | None = Field(default=None, description="id of the body this unit belongs to")
    successor: str | None = Field(default=None, description="id of the body that took over after a reorganisation")
    effective: RocDayField | None = Field(default=None, description="ROC date the successor took over")
    reports_through: str | None = Field(
        default=None, description="id of the body that files this one's quarterly reports (a state-owned company through its ministry)")
    confirmed: str | None = Field(default=None, description="where the reorganisation was confirmed")
    note: str | None = None

    @property
    def full_name(self) -> Bilingual:
        """The full name in both languages; the Chinese one stands in where no English name is given."""
        return Bilingual(zh=self.name, en=self.name_en or self.name)

    @property
    def short_name(self) -> Bilingual:
        """The name a table prints: the plan's short form, and the English abbreviation (or name)."""
        return Bilingual(zh=self.short, en=self.short_en or self.name_en or self.short)


class AgencyRegistry(Model):
    agencies: list[Agency]

    @cached_property
    def by_id(self) -> dict[str, Agency]:
        return {agency.id: agency for agency in self.agencies}

    @cached_property
    def reporting_bodies(self) -> dict[str, str]:
        """reporting_body of every agency id, worked out once (rules and standings ask for it per work item)."""
        return {agency.id: self._find_reporting_body(agency.id) for agency in self.agencies}

    def reporting_body(self, agency_id: str) -> str:
        """The body that files today for work the plan gave `agency_id`: follow successors (科技部 → 國科會,
        工業局 → 產業發展署), go up to the top body (產業發展署 → 經濟部), and through the body a company reports
        through (台電 → 經濟部). Status files are filed per body."""
        return self.reporting_bodies.get(agency_id, agency_id)

    def _find_reporting_body(self, agency_id: str) -> str:
        current, seen = agency_id, set()
        while current in self.by_id and current not in seen:
            seen.add(current)
            agency = self.by_id[current]
            current = agency.successor or agency.parent or agency.reports_through or current
            if current == agency.id:
                break
        return current

    def answering(self, agency_id: str, day: RocDay) -> str:
        """The id that answers on `day` for `agency_id`: successors that had taken over by then (科技部 until
        111/7/27, 國科會 after), units kept as units. A successor without a known date is not followed."""
        current, seen = agency_id, set()
        while current in self.by_id and current not in seen:
            seen.add(current)
            agency = self.by_id[current]
            if agency.successor is None or agency.effective is None or day < agency.effective:
                break
            current = agency.successor
        return current

    def top(self, agency_id: str) -> str:
        """The body a unit belongs to (經濟部 for 工業局); a body is its own top."""
        current, seen = agency_id, set()
        while current in self.by_id and current not in seen and self.by_id[current].parent:
            seen.add(current)
            current = self.by_id[current].parent or current
        return current

    def agency_on(self, body: str, day: RocDay) -> Agency | None:
        """The body that answered on `day` for what `body` answers for today (科技部 before 111/7/27 for 國科會)."""
        for agency in self.agencies:
            if (agency.parent is None and agency.successor is not None and agency.effective is not None
                    and day < agency.effective and self.reporting_body(agency.id) == body):
                return agency
        return self.by_id.get(body)

    def find(self, text: str) -> str | None:
        """The id `text` names: an id in any letter case, a full name, or a short name that only one body has."""
        wanted = unicodedata.normalize("NFKC", text).strip()
        by_lower = {agency.id.lower(): agency.id for agency in self.agencies}
        if wanted.lower() in by_lower:
            return by_lower[wanted.lower()]
        named = [agency.id for agency in self.agencies if wanted in (agency.name, agency.short)]
        return named[0] if len(named) == 1 else None

    def near(self, text: str, count: int = 3) -> list[str]:
        """The ids most like `text` (by id or name), for a suggestion after a typo."""
        wanted = unicodedata.normalize("NFKC", text).strip().lower()
        keys = {agency.id.lower(): agency.id for agency in self.agencies}
        keys |= {name.lower(): agency.id for agency in self.agencies for name in (agency.name, agency.short)}
        close = difflib.get_close_matches(wanted, list(keys), n=count * 2, cutoff=0.5)
        return list(dict.fromkeys(keys[match] for match in close))[:count]

    def files_instead(self, agency_id: str, quarter_start: RocDay) -> str | None:
        """The id that must file instead of `agency_id` for a quarter beginning on `quarter_start`, or None when
        `agency_id` may file: a body superseded before the quarter began files under its successor's id, and a
        body that reports through another never files itself."""
        answering = self.answering(agency_id, quarter_start)
        if answering != agency_id:
            return answering
        agency = self.by_id.get(agency_id)
        return self.reporting_body(agency_id) if agency is not None and agency.reports_through else None
