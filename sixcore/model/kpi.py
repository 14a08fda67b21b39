"""The KPI tables (全期目標, 分年目標 by year) and the budget table of a programme.

Years are ROC years written as text ("110"); which years a programme has is its period in plan/programme.yaml,
checked by rule SC109, not here.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator
from pydantic.config import JsonDict

from sixcore.model.base import Amount, Bilingual, Model

Year = Annotated[str, StringConstraints(pattern=r"^[1-9][0-9]{0,2}$")]  # an ROC year as the files key it: "110"
YearlyText = str | list[str] | None
_YEAR_KEYS_ONLY: JsonDict = {"additionalProperties": False}  # the schema's patternProperties alone would let any other key pass


class NumericTarget(Model):
    """The machine-readable form of a target text that has a number."""

    value: float | None = None
    min: float | None = None
    max: float | None = None
    unit: str
    cumulative: bool = Field(description="累計 toward the full target (true) or each year alone (false)")
    due_year: int = Field(ge=1, le=999, description="ROC year the full-period target is due")
    note: str | None = None

    @model_validator(mode="after")
    def _value_or_range(self) -> NumericTarget:
        if self.value is None and (self.min is None or self.max is None):
            raise ValueError("a target needs `value`, or `min` and `max`")
        return self


class SubTarget(Model):
    """One figure a year's 分年目標 cell asks for."""

    value: float = Field(description="the figure; for a range (2~3 家) its lower end")
    unit: str
    cumulative: bool = Field(description="累計 since the programme began (true) or that year alone (false)")


ACHIEVEMENT: Literal["achievement"] = "achievement"
YearTargets = list[SubTarget] | Literal["achievement"]


def _slots(targets: list[SubTarget]) -> list[tuple[str, int]]:
    """Each sub-target as (unit, its place among the cell's figures in that unit): the same figure from year to year."""
    units = [target.unit for target in targets]
    return [(unit, units[:n + 1].count(unit)) for n, unit in enumerate(units)]


def sub_target_keys(targets: list[SubTarget]) -> list[str]:
    """How a status file names each sub-target under `actuals:`: its unit, numbered where a unit repeats (案1, 案2)."""
    units = [target.unit for target in targets]
    return [unit if units.count(unit) == 1 else f"{unit}{n}" for unit, n in _slots(targets)]


class Kpi(Model):
    label: str = Field(description="as printed, e.g. 1.1.1")
    id: str | None = Field(default=None, description="unique id when the label repeats, e.g. 6.2.2b")
    agencies: list[str] | None = Field(default=None, description="主協辦機關 printed on this row alone, overriding the strategy's")
    full_target: str
    yearly: dict[Year, YearlyText] = Field(description="分年目標 by ROC year; {} when the document sets none", json_schema_extra=_YEAR_KEYS_ONLY)
    target: NumericTarget | None = None
    targets_more: list[NumericTarget] = Field(default_factory=list)
    seed_line: int | None = Field(default=None, ge=1, description="the row's first line in the plan's text, where the decision below can be checked")
    yearly_targets: dict[Year, YearTargets] = Field(
        default_factory=dict, json_schema_extra=_YEAR_KEYS_ONLY,
        description="per year with a 分年目標: the sub-targets the cell asks for, or `achievement` (a milestone judged 達成/部分達成/未達成)")
    qualitative: bool = Field(default=False, description="judged by achievement (達成/部分達成/未達成) in every year, for the reason given")
    reason: str | None = Field(default=None, description="why the KPI is judged by achievement")
    note: str | None = None

    @model_validator(mode="after")
    def _one_decision(self) -> Kpi:
        if self.qualitative and self.yearly_targets:
            raise ValueError("a KPI is judged by achievement (`qualitative: true`) or by `yearly_targets`, not both")
        if blank := sorted(year for year in self.yearly_targets if not self.yearly.get(year)):
            raise ValueError(f"`yearly_targets` gives years {blank} whose 分年目標 cell is empty")
        return self

    @property
    def key(self) -> str:
        return self.id or self.label

    def targets_in(self, year: int | str) -> YearTargets | None:
        """What the year's cell asks for: its sub-targets, or `achievement`; None when the cell is empty (nothing asked).

        `yearly_targets` decides where the plan gives it; otherwise the single figure in the KPI's unit, and a cell
        without one is a milestone judged by achievement (so no cell goes unjudged)."""
        if not self.yearly_target(year):
            return None
        if self.qualitative:
            return ACHIEVEMENT
        if (decided := self.yearly_targets.get(str(year))) is not None:
            return decided
        figure = self.yearly_figure(year)
        if figure is None or self.target is None:
            return ACHIEVEMENT
        return [SubTarget(value=figure, unit=self.target.unit, cumulative=self.target.cumulative)]

    def asked_before(self, year: int, targets: list[SubTarget], position: int) -> float:
        """What the years before `year` asked of the figure at `position` of `targets` (that year's sub-targets): added
        up back to the latest cumulative figure (1, then 1 that year alone, then 累計 5: 2 asked before the last year).
        Where a cumulative sub-target starts its year."""
        slot = _slots(targets)[position]
        asked = 0.0
        for earlier in range(year - 1, 0, -1):
            if str(earlier) not in self.yearly:
                break
            targets_then = self.targets_in(earlier)
            if not isinstance(targets_then, list):
                continue
            then = dict(zip(_slots(targets_then), targets_then, strict=True)).get(slot)
            if then is None:
                continue
            asked += then.value
            if then.cumulative:
                break
        return asked

    def yearly_target(self, year: int | str) -> YearlyText:
        """The 分年目標 cell for ROC `year`; None for a year without a column or a cell not printed."""
        return self.yearly.get(str(year))

    def yearly_figure(self, year: int | str) -> float | None:
        """The number in the KPI's unit in that year's cell; for a range (2~3 家) its lower end; None when the cell
        gives no single such figure (qualitative, or several sub-targets)."""
        cell = self.yearly_target(year)
        if self.target is None or not cell:
            return None
        text = "\n".join(cell) if isinstance(cell, list) else cell
        unit = re.escape(self.target.unit)
        figures = re.findall(rf"(\d[\d,]*(?:\.\d+)?)\s*(?:[~\-～]\s*\d[\d,]*(?:\.\d+)?\s*)?{unit}", text)
        return float(figures[-1].replace(",", "")) if len(figures) == 1 else None


class KpiStrategy(Model):
    """發展策略 row of a KPI table."""

    label: str
    title: str
    group: str | None = None
    agencies: list[str]
    measures: list[str] = Field(description="schedule measures of part 參 this strategy reports on")
    kpis: list[Kpi]
    note: str | None = None


class KpiTable(Model):
    industry: int = Field(ge=1)
    title: str
    lead: list[str]
    sector: str | None = None
    source: tuple[int, int]
    strategies: list[KpiStrategy]
    note: str | None = None


class KpiTableSet(Model):
    """A KPI file holding several tables (industry 4: 航空與船艦 and 太空)."""

    tables: list[KpiTable]


class BudgetAmounts(Model):
    amounts: dict[Year, Amount] = Field(json_schema_extra=_YEAR_KEYS_ONLY)
    subtotal: Amount

    def amount_in(self, year: int | str) -> Decimal | None:
        """The figure for ROC `year`; None for a year the table has no column for."""
        return self.amounts.get(str(year))


class BudgetRow(BudgetAmounts):
    industry: int = Field(ge=1)
    name: str


class BudgetPart(Model):
    """One part of the text's split of the total, e.g. 110 年法定預算."""

    label: str = Field(description="as the text words it, e.g. 110 年法定預算")
    years: list[Year] = Field(description="the table's years this part covers")
    amount: Amount


class BudgetSplit(Model):
    """How the text divides the total (e.g. 法定預算 of the first year and 預算需求 of the rest)."""

    total: Amount
    parts: list[BudgetPart]


class Budget(Model):
    """plan/budget.yaml: the programme's budget table by industry and year, figures as printed (optional)."""

    table: Bilingual = Field(description="the table's name as printed (e.g. 表 3), and in English (table 3)")
    unit: str
    source: tuple[int, int]
    years: list[Year] = Field(min_length=1)
    rows: list[BudgetRow]
    total: BudgetAmounts
    text_split: BudgetSplit | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _years_line_up(self) -> Budget:
        wanted = set(self.years)
        for amounts in [*self.rows, self.total]:
            if set(amounts.amounts) != wanted:
                raise ValueError(f"amounts are keyed {sorted(amounts.amounts)}, not the table's years {self.years}")
        for part in self.text_split.parts if self.text_split else []:
            if not set(part.years) <= wanted:
                raise ValueError(f"text_split part {part.label!r} names years outside the table's {self.years}")
        return self
