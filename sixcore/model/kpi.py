"""Part 肆 of the plan: the KPI tables (全期目標, 分年目標 110–113) and the budget table 表 3."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, TypeGuard, get_args

from pydantic import Field, model_validator

from sixcore.model.base import Amount, Model

Year = Literal["110", "111", "112", "113"]
YEARS: tuple[Year, ...] = get_args(Year)
YearlyText = str | list[str] | None


def is_year(text: str) -> TypeGuard[Year]:
    """A year the plan has a column for (110–113)."""
    return text in YEARS


class NumericTarget(Model):
    """The machine-readable form of a target text that has a number."""

    value: float | None = None
    min: float | None = None
    max: float | None = None
    unit: str
    cumulative: bool = Field(description="累計 toward the full target (true) or each year alone (false)")
    due_year: int = Field(ge=110, le=120, description="ROC year the full-period target is due")
    note: str | None = None

    @model_validator(mode="after")
    def _value_or_range(self) -> NumericTarget:
        if self.value is None and (self.min is None or self.max is None):
            raise ValueError("a target needs `value`, or `min` and `max`")
        return self


class Kpi(Model):
    label: str = Field(description="as printed, e.g. 1.1.1")
    id: str | None = Field(default=None, description="unique id when the label repeats, e.g. 6.2.2b")
    agencies: list[str] | None = Field(default=None, description="主協辦機關 printed on this row alone, overriding the strategy's")
    full_target: str
    yearly: dict[Year, YearlyText]
    target: NumericTarget | None = None
    targets_more: list[NumericTarget] = Field(default_factory=list)
    qualitative: bool = False
    note: str | None = None

    @property
    def key(self) -> str:
        return self.id or self.label

    def yearly_target(self, year: int | str) -> YearlyText:
        """The 分年目標 cell for ROC `year`; None for a year outside 110–113 or a cell not printed."""
        key = str(year)
        return self.yearly.get(key) if is_year(key) else None


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
    industry: int = Field(ge=1, le=6)
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
    amounts: dict[Year, Amount]
    subtotal: Amount

    def amount_in(self, year: int | str) -> Decimal | None:
        """The figure for ROC `year`; None for a year outside 110–113 or one not printed."""
        key = str(year)
        return self.amounts.get(key) if is_year(key) else None


class BudgetRow(BudgetAmounts):
    industry: int = Field(ge=1, le=6)
    name: str


class BudgetSplit(Model):
    total: Amount
    enacted_110: Amount = Field(description="110 年法定預算")
    requested_111_113: Amount = Field(description="111-113 年預算需求")


class Budget(Model):
    """表 3：六大核心戰略產業各年度經費, figures as printed."""

    unit: str
    source: tuple[int, int]
    years: list[Year]
    rows: list[BudgetRow]
    total: BudgetAmounts
    text_split: BudgetSplit
    note: str | None = None
