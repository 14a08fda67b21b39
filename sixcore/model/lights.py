"""plan/lights.yaml: the thresholds of the 燈號 (traffic lights) used by report and gantt, as 管考 judges progress."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from sixcore.model.base import Model


class WorkItemLights(Model):
    behind_above: float = Field(ge=0, le=100, description="落差（預定−實際累計進度，百分點）大於此值 → 落後（黃燈）")
    severe_from: float = Field(gt=0, le=100, description="落差達此值以上，或已逾期 → 嚴重落後（紅燈）")
    consecutive_quarters: int = Field(ge=2, le=8, description="連續幾季落後即加註「連續落後」")

    @model_validator(mode="after")
    def _ordered(self) -> WorkItemLights:
        if self.severe_from <= self.behind_above:
            raise ValueError("severe_from must be larger than behind_above")
        return self


class KpiLights(Model):
    prorate: bool = Field(description="true: 年度目標依季別按比例（Q1 1/4 … Q4 全額）計算預期值；false: 每季都與全年目標比較")
    behind_below: float = Field(gt=0, le=1, description="實際值／預期值 低於此比例 → 落後（黃燈）")
    severe_below: float = Field(gt=0, le=1, description="低於此比例 → 嚴重落後（紅燈）")
    sub_targets: Literal["worst", "shares"] = Field(
        default="worst", description="分年目標含多項子目標時，KPI 燈號取 worst：最差一項；shares：依 measures 之紅、黃燈比例")

    @model_validator(mode="after")
    def _ordered(self) -> KpiLights:
        if self.severe_below > self.behind_below:
            raise ValueError("severe_below must not be larger than behind_below")
        return self


class BudgetLights(Model):
    behind_below: float = Field(default=0.9, gt=0, le=1, description="執行率（執行數／累計分配數）低於此比例 → 落後（黃燈）")
    severe_below: float = Field(default=0.8, gt=0, le=1, description="低於此比例 → 嚴重落後（紅燈）")

    @model_validator(mode="after")
    def _ordered(self) -> BudgetLights:
        if self.severe_below > self.behind_below:
            raise ValueError("severe_below must not be larger than behind_below")
        return self


class RollupLights(Model):
    """How a measure's (or industry's) light follows from its judged work items' lights: by shares, so that one
    red item among forty does not paint the whole measure red (management by exception)."""

    red_share: float = Field(default=0.5, gt=0, le=1, description="此比例以上之評定項目為紅燈 → 措施紅燈（嚴重落後）")
    yellow_share: float = Field(default=0.2, gt=0, le=1, description="此比例以上之評定項目為黃燈或紅燈 → 措施黃燈（落後）")

    @model_validator(mode="after")
    def _ordered(self) -> RollupLights:
        if self.yellow_share > self.red_share:
            raise ValueError("yellow_share must not be larger than red_share")
        return self


class LightRules(Model):
    work_items: WorkItemLights
    kpis: KpiLights
    measures: RollupLights = Field(default_factory=RollupLights, description="措施與產業燈號：依所屬評定項目中紅燈、黃燈之比例")
    budget: BudgetLights = Field(default_factory=BudgetLights, description="經費執行率 thresholds (sixcore's defaults: 0.9 and 0.8)")
