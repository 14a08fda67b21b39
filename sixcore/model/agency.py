"""The agency registry (plan/agencies.yaml): bodies, their units, and who succeeded whom."""

from __future__ import annotations

from pydantic import Field

from sixcore.model.base import Model, RocDayField

AGENCY_ID_PATTERN = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"


class Agency(Model):
    id: str = Field(pattern=AGENCY_ID_PATTERN, description="short ASCII id, e.g. moea-idb")
    name: str = Field(description="full name as printed")
    short: str = Field(description="the short name the plan's tables print, e.g. 衛福部")
    parent: str | None = Field(default=None, description="id of the body this unit belongs to")
    successor: str | None = Field(default=None, description="id of the body that took over after a reorganisation")
    effective: RocDayField | None = Field(default=None, description="ROC date the successor took over")
    confirmed: str | None = Field(default=None, description="where the reorganisation was confirmed")
    note: str | None = None


class AgencyRegistry(Model):
    agencies: list[Agency]

    def reporting_body(self, agency_id: str) -> str:
        """The body that answers today for work the plan gave `agency_id`: follow successors (科技部 → 國科會,
        工業局 → 產業發展署), then go up to the top body (產業發展署 → 經濟部). Status files are filed per body."""
        by_id = {agency.id: agency for agency in self.agencies}
        current, seen = agency_id, set()
        while current in by_id and current not in seen:
            seen.add(current)
            agency = by_id[current]
            current = agency.successor or agency.parent or current
            if current == agency.id:
                break
        return current
