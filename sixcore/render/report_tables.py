"""The report as titled sections of plain tables in one language: what every report format renders.

Screen, Markdown, HTML and ODS all draw these same sections, so the formats cannot drift apart; a light
is a `Mark` (light + its word) so each format can show colour *and* word, never colour alone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from sixcore.messages import LIGHT_WORDS, STATE_WORDS, Lang, word
from sixcore.model.status import ACHIEVEMENT_WORDS, STATUS_WORDS
from sixcore.report import AgencyFiling, AgencyName, QuarterReport
from sixcore.standing import ItemStanding, KpiReason, KpiStanding, Light, State


@dataclass(frozen=True)
class Mark:
    """A 燈號 with its word, e.g. red / 嚴重落後."""

    light: Light
    text: str

    def __str__(self) -> str:
        return self.text


Cell = str | int | float | Decimal | Mark | None


def cell_text(value: Cell) -> str:
    """A cell as text: amounts (Decimal, 億元) with two decimals, so a column reads alike (54.70 beside 133.97);
    other numbers with thousands separators and no trailing zeros; nothing for None."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return str(value)


def rendered_once(render: Callable[[Cell], str]) -> Callable[[Cell], str]:
    """`render`, remembering what it gave for each text cell (a str or a Mark): a report's tables repeat the same states,
    lights, agencies and dates thousands of times. Numbers are rendered each time, as 1, 1.0 and Decimal(1) are equal
    keys that print differently."""
    done: dict[Cell, str] = {}

    def render_once(value: Cell) -> str:
        if type(value) is not str and type(value) is not Mark:
            return render(value)
        found = done.get(value)
        if found is None:
            found = done[value] = render(value)
        return found

    return render_once


@dataclass(frozen=True)
class Note:
    """Said after a table's rows, or instead of them: a sentence ending in a list of ids, which print must not break."""

    text: str
    ids: list[str]
    separator: str  # 、 or ", "

    def __str__(self) -> str:
        return self.text + self.separator.join(self.ids)


@dataclass(frozen=True)
class Table:
    key: str  # stable name: ODS sheet, HTML id, tests
    title: str
    headers: list[str]
    rows: list[list[Cell]]
    empty: str = ""  # said instead of an empty table
    sheet: str | None = None  # a spreadsheet tab's name (31 characters at most) when the title is too long for one
    note: Note | None = None  # said after the rows (what is listed more briefly), or, with no rows, instead of `empty`


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    appendix: str | None = None  # the heading of the appendix it belongs to (附錄一　…); None in the report's body


_TEXT: dict[str, tuple[str, str]] = {
    "headline": ("一、總覽", "1. Headline"),
    "as_of": ("基準日：{day}（{label}）", "As of {day} ({quarter})"),
    "scope": ("範圍：{scope}", "Scope: {scope}"),
    "chosen_latest_filed": ("未指定季別：以 status/ 中最新的填報季別為基準。", "No quarter given: the latest quarter filed in status/."),
    "chosen_current": ("未指定季別，且尚無任何填報：以本季為基準。", "No quarter given and nothing filed: the current quarter."),
    "chosen_programme_end": ("未指定季別，且尚無任何填報；本方案已於 {last} 年結束，故以方案最後一季（{quarter}）為基準。",
                             "No quarter given and nothing filed; the programme ended in {last}, so its last quarter ({quarter})."),
    "filed": ("填報機關：應填報 {due} 個機關，已填報 {filed} 個", "Agencies: {filed} of {due} due have filed"),
    "no_work_items": ("本方案未列具體措施及重點工作項目（無辦理重點及期程表），不判定工作項目之逾期、未填報與燈號；本報告僅就 KPI 及各機關填報辦理情形管考。",
                      "The programme sets no measures or work items (no schedule tables): no work item is judged overdue, unreported or by "
                      "light; this report covers the KPIs and what the agencies filed."),
    "no_work_items_here": ("本方案未列重點工作項目，本節從缺。", "The programme sets no work items: nothing to show here."),
    "filed_only": ("填報機關：本季已填報 {filed} 個機關：{names}", "Agencies: {filed} filed this quarter: {names}"),
    "nothing_filed": ("本季尚無任何機關填報。下列為本季應辦與已到期事項；燈號與統計僅反映應辦情形，不代表執行成果。",
                      "No agency has filed for this quarter. What follows is what is due; lights and counts show what is owed, not progress made."),
    "not_yet_filed": ("尚未填報：{names}", "Not yet filed: {names}"),
    "check_terms": ("依 sixcore check 之定義：逾期 {overdue} 項；未填報 {unreported} 項（其中 {both} 項同時逾期）。",
                    "As sixcore check counts them: {overdue} overdue; {unreported} unreported ({both} of them also overdue)."),
    "continuous": ("連續 {n} 季以上落後（連續落後）：{count} 項。", "Behind for {n} or more consecutive quarters: {count}."),
    "items_by_state": ("工作項目（期程已開始者）", "Work items whose schedule has begun"),
    "kpis_by_light": ("KPI（{year} 年分年目標）", "KPIs ({year} yearly targets)"),
    "kpis_by_light_no_yearly": ("KPI（未訂分年目標）", "KPIs (no yearly targets)"),
    "state": ("狀態", "State"),
    "count": ("項數", "Count"),
    "total": ("合計", "Total"),
    "later": ("尚未開始（排定於本季之後）", "Scheduled after this quarter"),
    "lights_section": ("二、產業及措施燈號", "2. Lights by industry and measure"),
    "lights_rule": ("燈號：落差＝預定累計進度－實際累計進度。落差 ≤ {yellow} 百分點為正常，> {yellow} 為落後，≥ {red} 百分點或逾期為嚴重落後；"
                    "措施與產業依所屬評定項目之比例：紅燈占 {red_share:.0%} 以上為紅燈，黃燈與紅燈合占 {yellow_share:.0%} 以上為黃燈，否則綠燈"
                    "（各燈號項數見表）。標準見 plan/lights.yaml。",
                    "Lights: lag = planned − actual cumulative progress. Lag ≤ {yellow} points is on track, > {yellow} behind, ≥ {red} points "
                    "or overdue seriously behind. A measure or industry is red when at least {red_share:.0%} of its judged items are red, "
                    "yellow when at least {yellow_share:.0%} are yellow or red, green otherwise (counts in the table). Thresholds: plan/lights.yaml."),
    "industry": ("產業", "Industry"),
    "measure": ("措施", "Measure"),
    "light": ("燈號", "Light"),
    "industry_total": ("【{name}】合計", "[{name}] total"),
    "items_table": ("工作項目燈號", "Work items and lights"),
    "id": ("編號", "ID"),
    "work_item": ("重點工作項目", "Work item"),
    "schedule": ("期程", "Schedule"),
    "lead": ("主辦機關", "Lead"),
    "due_month": ("到期", "Due"),
    "last_report": ("最近填報", "Last report"),
    "planned": ("預定進度%", "Planned %"),
    "actual": ("實際進度%", "Actual %"),
    "lag": ("落差", "Lag"),
    "delay_reason": ("落後原因", "Reason for delay"),
    "countermeasure": ("因應對策", "Countermeasure"),
    "streak": ("連續落後", "Behind in a row"),
    "attention": ("三、需關注事項（依產業）", "3. What needs attention, by industry"),
    "attention_rule": ("本節僅列需關注者：尚未填報之機關，以及逾期、嚴重落後或連續 {n} 季以上落後之工作項目（附最近填報之落後原因及因應對策）。"
                       "其餘項目見附錄。",
                       "Only what needs attention: agencies that have not filed, and work items overdue, seriously behind or behind for {n} or "
                       "more quarters in a row (with the reason and countermeasure last filed). Everything else is in the appendices."),
    "not_filed_table": ("尚未填報之機關", "Agencies that have not filed"),
    "all_filed": ("應填報之機關均已填報。", "Every agency due has filed."),
    "owed_overdue": ("其中逾期", "Of them overdue"),
    "attention_table": ("{number}【{name}】", "Industry {number} ({name})"),
    "none_attention": ("無需關注之工作項目。", "No work item needs attention."),
    "never_reported": ("逾期而從未填報者 {count} 項（無落後原因及因應對策可列，見附錄一各機關應填項目）：",
                       "Overdue and never reported, {count} (no reason or countermeasure to show; see each agency's items due in "
                       "appendix 1): "),
    "streak_quarters": ("連續 {n} 季", "{n} quarters"),
    "suspended": ("停辦項目", "Suspended"),
    "suspend_reason": ("停辦原因", "Why suspended"),
    "none_suspended": ("無停辦項目。", "Nothing is suspended."),
    "formerly": ("{now}（原{then}）", "{now} (formerly {then})"),
    "kpis": ("四、落後之關鍵績效指標（KPI）", "4. Key performance indicators behind"),
    "kpis_behind_only": ("本節僅列燈號為落後或嚴重落後之 KPI；全部 KPI 見附錄。", "Only the KPIs whose light is behind or seriously behind; "
                         "every KPI is in the appendices."),
    "none_kpis_behind": ("無落後之 KPI。", "No KPI is behind."),
    "kpis_all": ("關鍵績效指標（KPI）一覽", "Key performance indicators"),
    "kpi": ("指標", "KPI"),
    "full_target": ("全期目標", "Full-period target"),
    "yearly_target": ("{year} 年目標", "{year} target"),
    "expected": ("本季預期值", "Expected by now"),
    "kpi_actual": ("實際值", "Actual"),
    "cumulative_mark": ("（累計）", " (cumulative)"),
    "yes": ("是", "yes"),
    "reported_by": ("填報機關", "Reported by"),
    "kpi_rule": ("KPI 燈號：分年目標之各項數值（子目標）分別與本季預期值比較（{rule}），未達預期為落後，低於 {severe:.0%} 為嚴重落後；{combine}。"
                 "分年目標無數值者（里程碑）依機關填報之達成情形於該年第 4 季評定：達成為正常，部分達成為落後，未達成為嚴重落後，之前為進行中。"
                 "本季應填而未填實際值或達成情形者為未填報（與 sixcore check 之 SC305 相同）。",
                 "KPI lights compare each figure of the yearly target (sub-target) with what is expected by this quarter ({rule}): below it "
                 "is behind, below {severe:.0%} seriously behind; {combine}. A yearly target without a figure (a milestone) is judged in the "
                 "year's Q4 by the achievement the agency reports: achieved is on track, partly achieved behind, not achieved seriously behind; "
                 "before Q4 it is in progress. A KPI owed a figure or an achievement this quarter and given none is unreported (as SC305 of sixcore check)."),
    "sub_targets_worst": ("KPI 取最差一項子目標之燈號", "a KPI takes its worst sub-target's light"),
    "sub_targets_shares": ("KPI 依子目標中紅、黃燈之比例（同措施）", "a KPI's light follows the shares of red and yellow sub-targets (as measures)"),
    "light_reason": ("燈號說明", "Why"),
    "in_progress": ("進行中", "in progress"),
    "in_progress_milestones": ("進行中（里程碑，於第 4 季評定）", "in progress (milestones, judged in Q4)"),
    "reason_no_target": ("{year} 年無分年目標", "no target for {year}"),
    "reason_not_reviewed": ("首次管考前，未填報", "not reported, before the first review"),
    "reason_unreported": ("未填 {missing}", "{missing} not filled in"),
    "reason_in_progress": ("里程碑，於 {year} 年第 4 季評定", "a milestone, judged in {year}Q4"),
    "reason_achieved": ("達成", "achieved"),
    "reason_partly_achieved": ("部分達成", "partly achieved"),
    "reason_not_achieved": ("未達成", "not achieved"),
    "reason_on_track": ("均達本季預期值", "at or above the expectation"),
    "reason_behind": ("未達本季預期值（實際 / 預期）：{which}", "below the expectation (actual / expected): {which}"),
    "kpis_behind": ("{year} 年未達分年目標之 KPI 及機關說明", "KPIs below their {year} targets, with the agencies' explanations"),
    "explanation": ("機關說明", "Explanation"),
    "none_behind": ("無未達分年目標之 KPI。", "No KPI is below its yearly target."),
    "kpi_no_yearly": ("本方案 KPI 未訂分年目標，僅列全期目標及其目標年與填報之實際值，不評定燈號。",
                      "The programme sets its KPIs no yearly targets: the full-period targets are listed with their year and the actuals "
                      "filed, not judged."),
    "due_year": ("目標年", "Due"),
    "kpi_no_year": ("KPI 分年目標僅訂 {years} 年；{year} 年無分年目標，不評定燈號。", "Yearly KPI targets exist for {years} only; {year} has none, so KPIs are not judged."),
    "prorated": ("年度目標按季比例；累計型以以前年度目標之累計為起點", "the yearly target prorated by quarter, cumulative ones from what earlier years asked"),
    "whole_year": ("全年目標", "the whole year's target"),
    "appendix": ("附錄{number}　{title}", "Appendix {number}. {title}"),
    "sub_appendix": ("附錄{number}之{sub}　{title}", "Appendix {number}.{sub} {title}"),
    "agencies": ("各機關填報情形", "Agency filings"),
    "agencies_intro": ("各機關應填報之工作項目（本季應辦者）、本季所填報者，及其填報之辦理情形{part}，每機關一節。",
                       "For each agency: the work items it owes a report on this quarter, what it filed, and its quarterly texts{part}."),
    "review_part": ("（方案{part}）", " (part {part} of the programme)"),
    "agency": ("機關", "Agency"),
    "expected_items": ("應填項目", "Items due"),
    "reported_items": ("本季已填報", "Reported"),
    "filed_on": ("填報日期", "Filed on"),
    "agency_texts": ("{name}填報內容", "Report of the {name}"),
    "agency_items": ("{name}應填項目", "Items due from the {name}"),
    "topic": ("項目", "Part"),
    "text": ("內容", "Text"),
    "due_now": ("本季應填", "Due now"),
    "filed_now": ("本季填報", "Filed now"),
    "no_items_due": ("本季無應填報之工作項目。", "No work item is due this quarter."),
    "items_appendix": ("工作項目一覽", "Work items"),
    "summary": ("辦理情形", "Progress"),
    "highlights": ("重要執行亮點", "Highlights"),
    "next_quarter": ("下一季重點工作", "Next quarter"),
    "not_filed": ("未填報", "not filed"),
    "no_agencies": ("本季沒有應填報的機關。", "No agency owes a report this quarter."),
    "changes": ("五、與上季（{previous}）比較", "5. Change since {previous}"),
    "newly_completed": ("本季新完成", "Newly completed"),
    "newly_overdue": ("本季新逾期", "Newly overdue"),
    "light_changes": ("燈號變動", "Lights that changed"),
    "before": ("上季燈號", "Before"),
    "now": ("本季燈號", "Now"),
    "none_changed": ("無。", "None."),
    "budget": ("六、經費（{table}）", "6. Budget ({table})"),
    "no_budget_section": ("六、經費", "6. Budget"),
    "no_budget": ("本方案未列經費表（無 plan/budget.yaml）。", "The programme has no budget table (no plan/budget.yaml)."),
    "budget_year": ("{year} 年（{unit}）", "{year} ({unit})"),
    "budget_total": ("{first}–{last} 年合計（{unit}）", "{first}–{last} total ({unit})"),
    "budget_none": ("（{year} 年不在{table} 範圍）", "({year} is outside {table})"),
    "subtotal": ("小計", "Total"),
    "execution": ("經費執行（{year} 年累計，{unit}）", "Budget execution ({year} to date, {unit})"),
    "execution_rule": ("執行率＝執行數（實支＋應付未付＋賸餘）÷ 累計分配數；達成率＝執行數 ÷ 年度核定數。執行率未達 {yellow:.0%} 為落後，"
                       "未達 {red:.0%} 為嚴重落後（sixcore 預設門檻，見 plan/lights.yaml）；未分配經費者不評定。",
                       "Execution rate = executed (spent + payable + saved) ÷ allocated; achievement rate = executed ÷ approved. Below "
                       "{yellow:.0%} is behind, below {red:.0%} seriously behind (sixcore's default thresholds, plan/lights.yaml); "
                       "nothing allocated is not judged."),
    "budget_scope": ("{table}只分產業、不分措施與機關：此處為範圍內各產業之全數，非所選措施或機關之經費。",
                     "{table} is given per industry only, not per measure or agency: these are the whole industries' figures in scope."),
    "execution_none": ("本季無機關填報經費執行。", "No agency has reported budget execution."),
    "all_agencies": ("（各機關合計）", "(all agencies)"),
    "table3_year": ("預算表", "Budget table"),
    "approved": ("核定數", "Approved"),
    "allocated": ("累計分配數", "Allocated"),
    "executed": ("執行數", "Executed"),
    "execution_rate": ("執行率", "Execution rate"),
    "achievement_rate": ("達成率", "Achievement rate"),
    "note": ("說明", "Note"),
    "generated": ("產製時間：{when}", "Generated: {when}"),
}


_UNITS_EN = {"億元": "NT$100 million", "元": "NT$", "萬元": "NT$10,000"}
_REPORTED_EN = {plan_word: english for english, plan_word in STATUS_WORDS.items() if english.isascii()}
_ACHIEVED_EN = {plan_word: english for english, plan_word in ACHIEVEMENT_WORDS.items() if english.isascii()}


class _Words:
    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self._index = 0 if lang is Lang.zh else 1

    def __call__(self, key: str, **params: object) -> str:
        return _TEXT[key][self._index].format(**params)

    def state(self, state: State) -> str:
        return word(STATE_WORDS, state, self.lang)

    def light(self, light: Light) -> Mark:
        return Mark(light, word(LIGHT_WORDS, light, self.lang))

    def listing(self, parts: Iterable[str]) -> str:
        """Names or ids one after another: 、 in Chinese, a comma in English."""
        return self.comma.join(parts)

    @property
    def comma(self) -> str:
        return "、" if self.lang is Lang.zh else ", "

    def series(self, parts: Iterable[str]) -> str:
        """Figures of one cell one after another: ；in Chinese, a semicolon in English."""
        return ("；" if self.lang is Lang.zh else "; ").join(parts)

    def unit(self, unit: str) -> str:
        """A unit as the plan prints it (億元), in English where we know it."""
        return unit if self.lang is Lang.zh else _UNITS_EN.get(unit, unit)

    def achievement(self, plan_word: str) -> str:
        """An achievement as the plan words it (達成 …), in the report's language."""
        return plan_word if self.lang is Lang.zh else _ACHIEVED_EN[plan_word]

    def reported(self, status_word: str) -> str:
        """A status as the file said it (完成 …), in the report's language."""
        return status_word if self.lang is Lang.zh else _REPORTED_EN[status_word]


def report_sections(report: QuarterReport, lang: Lang, generated: str | None = None) -> list[Section]:
    """The body first (what needs attention), then the appendices, each under a heading that starts with 附錄 / Appendix."""
    words = _Words(lang)
    return [
        _headline(report, words, generated),
        _lights(report, words),
        _attention(report, words),
        _kpis(report, words),
        _changes(report, words),
        _budget(report, words),
        *_agency_appendix(report, words, number=1),
        _items_appendix(report, words, number=2),
        _kpi_appendix(report, words, number=3),
    ]


def notice(report: QuarterReport, lang: Lang) -> str | None:
    """The paragraph to set apart at the top, if any: that nothing has been filed."""
    return _Words(lang)("nothing_filed") if report.nothing_filed else None


def title(report: QuarterReport, lang: Lang) -> str:
    """The report's title: plan/programme.yaml's report_title and the quarter."""
    return f"{report.programme.report_title.get(lang)}　{report.quarter.label_zh}" if lang is Lang.zh else f"{report.programme.report_title.get(lang)} {report.quarter}"


def scope_text(report: QuarterReport, lang: Lang) -> str:
    scope = report.scope
    kinds = (("產業", "industry", scope.industries), ("措施", "measure", scope.measures), ("機關", "agency", scope.agencies))
    parts = [f"{zh if lang is Lang.zh else en} {value}" for zh, en, values in kinds for value in values]
    return "、".join(parts) if lang is Lang.zh else ", ".join(parts)


def _headline(report: QuarterReport, words: _Words, generated: str | None) -> Section:
    paragraphs = [words("as_of", day=report.as_of, label=report.quarter.label_zh, quarter=report.quarter)]
    if report.chosen.value != "given":
        paragraphs.append(words(f"chosen_{report.chosen.value}", last=report.programme.period.last, quarter=report.quarter))
    if report.scope.narrowed:
        paragraphs.append(words("scope", scope=scope_text(report, words.lang)))
    if generated:
        paragraphs.append(words("generated", when=generated))
    kpi_lights = report.kpi_lights
    kpi_rows: list[list[Cell]] = [[words.light(light), kpi_lights[light]] for light in (Light.green, Light.yellow, Light.red, Light.unreported)]
    # a milestone before its year's Q4 is not left unjudged but not yet due: counted apart from 不評定
    in_progress = sum(standing.reason is KpiReason.in_progress for standing in report.kpis)
    if in_progress:
        kpi_rows.append([Mark(Light.none, words("in_progress_milestones")), in_progress])
    kpi_rows += [[words.light(Light.none), kpi_lights[Light.none] - in_progress], [words("total"), len(report.kpis)]]
    kpi_title = words("kpis_by_light", year=report.quarter.year) if report.has_yearly_targets else words("kpis_by_light_no_yearly")
    kpi_table = Table("kpis_by_light", kpi_title, [words("light"), words("count")], kpi_rows)
    if not report.has_work_items:
        # nobody is due by a schedule: say who filed, and what the report cannot judge
        names = [agency.name.get(words.lang) for agency in report.filed]
        paragraphs.append(words("nothing_filed") if report.nothing_filed else
                          words("filed_only", filed=len(names), names=words.listing(names)))
        paragraphs.append(words("no_work_items"))
        return Section("headline", words("headline"), paragraphs, [kpi_table])
    paragraphs.append(words("filed", due=len(report.due), filed=len([agency for agency in report.due if agency.status])))
    if report.nothing_filed:
        paragraphs.append(words("nothing_filed"))
    elif missing := [agency.name.get(words.lang) for agency in report.due if agency.status is None]:
        paragraphs.append(words("not_yet_filed", names=words.listing(missing)))
    both = len({standing.id for standing in report.overdue} & {standing.id for standing in report.unreported})
    paragraphs.append(words("check_terms", overdue=len(report.overdue), unreported=len(report.unreported), both=both))
    paragraphs.append(words("continuous", n=report.rules.work_items.consecutive_quarters, count=len(report.continuously_behind())))

    states = report.states
    begun = [State.completed, State.on_schedule, State.behind, State.overdue, State.unreported, State.suspended, State.idle, State.not_reviewed]
    optional = (State.suspended, State.idle, State.not_reviewed)
    rows: list[list[Cell]] = [[words.state(state), states[state]] for state in begun if states[state] or state not in optional]
    rows.append([words("total"), len(report.begun)])
    rows.append([words("later"), states[State.not_started]])
    if states[State.undated]:
        rows.append([words.state(State.undated), states[State.undated]])
    return Section("headline", words("headline"), paragraphs, [
        Table("items_by_state", words("items_by_state"), [words("state"), words("count")], rows),
        kpi_table,
    ])


def _lights(report: QuarterReport, words: _Words) -> Section:
    shown = [State.completed, State.on_schedule, State.behind, State.overdue, State.unreported]
    headers = [words("industry"), words("measure"), words("light"), *(words.state(state) for state in shown), words("streak")]
    rows: list[list[Cell]] = []
    for industry in report.industries:
        states = sum((measure.states for measure in industry.measures), start=Counter[State]())
        number = industry.industry.industry
        rows.append([number, words("industry_total", name=industry.industry.name), words.light(industry.light),
                     *(states[state] for state in shown), sum(measure.continuously_behind for measure in industry.measures)])
        # the industry's row, then one per measure: a loop says that plainer than extend() on a generator
        for measure in industry.measures:
            rows.append([number, f"{measure.measure.id} {measure.measure.title}", words.light(measure.light),  # noqa: PERF401
                         *(measure.states[state] for state in shown), measure.continuously_behind])
    thresholds = report.rules.work_items
    rule = words("lights_rule", yellow=cell_text(thresholds.behind_above), red=cell_text(thresholds.severe_from),
                 red_share=report.rules.measures.red_share, yellow_share=report.rules.measures.yellow_share)
    if not report.has_work_items:
        return Section("lights", words("lights_section"), [words("no_work_items_here")])
    return Section("lights", words("lights_section"), [rule], [Table("measures", words("lights_section"), headers, rows)])


def _schedule(standing: ItemStanding, words: _Words) -> str:
    return words.listing(phase.printed or str(phase.range) for phase in standing.placed.work_item.schedule)


def _name(words: _Words, name: AgencyName) -> str:
    now = name.now.get(words.lang)
    return words("formerly", now=now, then=name.then.get(words.lang)) if name.then else now


def _lead(report: QuarterReport, standing: ItemStanding, words: _Words) -> str:
    """The lead bodies as of the quarter (國科會（原科技部） after 111/7/27)."""
    return words.listing(_name(words, name) for name in report.lead_names(standing))


def _attention(report: QuarterReport, words: _Words) -> Section:
    """The body's exceptions: agencies not filed, then per industry the work items overdue, seriously behind or behind in a row."""
    if not report.has_work_items:
        return Section("attention", words("attention"), [words("no_work_items_here")])
    missing: list[list[Cell]] = [[agency.name.get(words.lang), agency.expected_items, sum(standing.is_overdue for standing in agency.owed)]
                                 for agency in report.due if agency.status is None]
    tables = [Table("not_filed", words("not_filed_table"), [words("agency"), words("expected_items"), words("owed_overdue")], missing,
                    words("all_filed"))]
    headers = [words("id"), words("work_item"), words("lead"), words("due_month"), words("last_report"), words("state"), words("light"),
               words("streak"), words("delay_reason"), words("countermeasure")]
    for industry in report.industries:
        rows: list[list[Cell]] = []
        attention = report.needing_attention(industry)
        # overdue with no word ever filed: nothing to say but the id, and in a 管考 body a row each would bury the rest
        never = [standing.id for standing in attention if standing.word is None]
        for standing in attention:
            if (word := standing.word) is None:
                continue
            rows.append([standing.id, standing.placed.work_item.text, _lead(report, standing, words), str(standing.placed.work_item.end or ""),
                         f"{words.reported(word.state)} ({word.quarter})", words.state(standing.state), words.light(standing.light),
                         words("streak_quarters", n=report.behind_quarters[standing.id]) if standing.continuously_behind else "",
                         word.report.delay_reason or "", word.report.countermeasure or ""])
        number = industry.industry.industry
        note = Note(words("never_reported", count=len(never)), never, words.comma) if never else None
        tables.append(Table(f"attention-{number}", words("attention_table", number=number, name=industry.industry.name), headers, rows,
                            words("none_attention"), note=note))
    rule = words("attention_rule", n=report.rules.work_items.consecutive_quarters)
    return Section("attention", words("attention"), [rule], tables)


def _kpis(report: QuarterReport, words: _Words) -> Section:
    """The KPIs behind (yellow or red) in the body, at a Q4 with the owning agency's explanation; every KPI is in the
    appendix (_kpi_appendix)."""
    behind = sorted((standing for standing in report.kpis if standing.light in (Light.yellow, Light.red)),
                    key=lambda standing: standing.placed.table.industry)
    paragraphs, table = _kpi_table(report, words, behind, "kpis", words("kpis"), words("none_kpis_behind"))
    if report.quarter.number == 4 and report.has_yearly_targets:
        table = Table("kpis_behind", words("kpis_behind", year=report.quarter.year),
                      [words("id"), words("kpi"), words("yearly_target", year=report.quarter.year), words("kpi_actual"), words("light"),
                       words("explanation"), words("reported_by")],
                      [[standing.id, standing.placed.kpi.full_target, _asked(standing, words), _actual(standing, words), words.light(standing.light),
                        standing.report.note if standing.report else None, _reporter(report, standing, words)] for standing in behind],
                      words("none_behind"))
    return Section("kpis", words("kpis"), [*paragraphs, words("kpis_behind_only")], [table])


def _kpi_appendix(report: QuarterReport, words: _Words, number: int) -> Section:
    title = words("appendix", number=_appendix_number(words, number), title=words("kpis_all"))
    paragraphs, table = _kpi_table(report, words, report.kpis, "kpis_all", words("kpis_all"))
    return Section("kpis_all", title, paragraphs, [table], appendix=title)


def _kpi_table(report: QuarterReport, words: _Words, standings: list[KpiStanding], key: str, title: str,
               empty: str = "") -> tuple[list[str], Table]:
    if report.has_yearly_targets:
        thresholds = report.rules.kpis
        paragraphs = [words("kpi_rule", rule=words("prorated") if thresholds.prorate else words("whole_year"), severe=thresholds.severe_below,
                            combine=words(f"sub_targets_{thresholds.sub_targets}"))]
        years = sorted({year for standing in report.kpis for year, cell in standing.placed.kpi.yearly.items() if cell}, key=int)
        if years and str(report.quarter.year) not in years:
            paragraphs.insert(0, words("kpi_no_year", years=f"{years[0]}–{years[-1]}", year=report.quarter.year))
        middle = [words("yearly_target", year=report.quarter.year), words("expected")]
    else:  # nothing to prorate or compare: the year the full-period target is due instead
        paragraphs = [words("kpi_no_yearly")]
        middle = [words("due_year")]
    headers = [words("id"), words("industry"), words("kpi"), *middle, words("kpi_actual"), words("light"), words("light_reason"), words("reported_by")]
    ordered = sorted(standings, key=lambda standing: standing.placed.table.industry)  # per industry, as the plan lists them
    return paragraphs, Table(key, title, headers, [_kpi_row(report, standing, words) for standing in ordered], empty)


def _kpi_row(report: QuarterReport, standing: KpiStanding, words: _Words) -> list[Cell]:
    kpi = standing.placed.kpi
    if report.has_yearly_targets:
        expected = words.series(f"{cell_text(sub.expected)} {sub.target.unit}" for sub in standing.sub_targets)
        middle: list[Cell] = [_asked(standing, words), expected or None]
    else:
        middle = [kpi.target.due_year if kpi.target else None]
    light = Mark(standing.light, words("in_progress")) if standing.reason is KpiReason.in_progress else words.light(standing.light)
    industry = standing.placed.table.title.split("-")[0] if words.lang is Lang.zh else str(standing.placed.table.industry)  # the plan names industries in Chinese only
    return [standing.id, industry, kpi.full_target, *middle, _actual(standing, words), light,
            _reason(standing, words), _reporter(report, standing, words)]


def _asked(standing: KpiStanding, words: _Words) -> str:
    """The year's target: each sub-target's figure (累計 marked), or the milestone's text."""
    if standing.sub_targets:
        return words.series(f"{cell_text(sub.target.value)} {sub.target.unit}" + (words("cumulative_mark") if sub.target.cumulative else "")
                        for sub in standing.sub_targets)
    cell = standing.placed.kpi.yearly_target(standing.year)
    return words.series(cell) if isinstance(cell, list) else (cell or "")


def _actual(standing: KpiStanding, words: _Words) -> Cell:
    """The figures filed (one per sub-target), or the achievement with its evidence."""
    report = standing.report
    if report is None:
        return None
    if standing.by_achievement:
        said = words.achievement(report.achievement) if report.achievement else ""
        return f"{said}（{report.evidence}）" if report.evidence else said
    if not standing.sub_targets:
        return report.actual
    return words.series(cell_text(sub.actual) if sub.actual is not None else "—" for sub in standing.sub_targets)


def _reason(standing: KpiStanding, words: _Words) -> str:
    if standing.reason is KpiReason.unreported:
        return words("reason_unreported", missing=words.listing(standing.missing))
    if standing.reason is KpiReason.behind:
        return words("reason_behind", which=words.listing(f"{cell_text(sub.actual)} / {cell_text(sub.expected)} {sub.target.unit}" for sub in standing.behind))
    return words(f"reason_{standing.reason.value}", year=standing.year)


def _reporter(report: QuarterReport, standing: KpiStanding, words: _Words) -> str:
    reporter = _name(words, report.names[standing.reported_by]) if standing.reported_by in report.names else standing.reported_by or ""
    if standing.reported_in and standing.reported_in != report.quarter:
        reporter += f" ({standing.reported_in})"  # an earlier quarter's figure of a KPI owed nothing this quarter, as the latest known
    return reporter


def _appendix_number(words: _Words, number: int) -> str:
    return _zh_numeral(number) if words.lang is Lang.zh else str(number)


def _zh_numeral(number: int) -> str:
    """1–99 as 一 … 九十九, as appendices are numbered in Chinese documents."""
    digits = "〇一二三四五六七八九"
    tens, ones = divmod(number, 10)
    if not tens:
        return digits[ones]
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


def _agency_appendix(report: QuarterReport, words: _Words, number: int) -> list[Section]:
    """An overview of who owes and who filed, then one section per agency: what it owes, what it filed, its texts."""
    title = words("appendix", number=_appendix_number(words, number), title=words("agencies"))
    review = report.programme.review
    part = words("review_part", part=review.part if words.lang is Lang.zh else _FORMAL_NUMERALS.get(review.part, review.part)) if review else ""
    overview: list[list[Cell]] = []
    for agency in report.agencies:
        filed = agency.status.model if agency.status else None
        reported = filed.work_items if filed else {}
        overview.append([agency.name.get(words.lang), agency.expected_items, sum(standing.id in reported for standing in agency.owed),
                         sum(standing.is_overdue for standing in agency.owed), str(filed.reported or "") if filed else words("not_filed")])
    headers = [words("agency"), words("expected_items"), words("reported_items"), words("owed_overdue"), words("filed_on")]
    head = Section("agencies", title, [words("agencies_intro", part=part)],
                   [Table("agencies", title, headers, overview, words("no_agencies"))], appendix=title)
    position = {standing.id: index for index, standing in enumerate(report.items)}
    return [head, *(_agency_section(report, words, agency, words("sub_appendix", number=_appendix_number(words, number),
                                                                  sub=_appendix_number(words, sub), title=agency.name.get(words.lang)),
                                    title, position)
                    for sub, agency in enumerate(report.agencies, start=1))]


def _agency_section(report: QuarterReport, words: _Words, agency: AgencyFiling, title: str, appendix: str,
                    position: dict[str, int]) -> Section:
    """One agency's page: its part 伍 texts as filed, and each work item it owes or its file names, with what the file said.
    `position`: each item's place in report.items, to list an agency's items in plan order without a pass over them all."""
    name = agency.name.get(words.lang)
    filed = agency.status.model if agency.status else None
    reported = filed.work_items if filed else {}
    texts: list[list[Cell]] = [] if filed is None else [
        [words("filed_on"), str(filed.reported or "")], [words("summary"), filed.summary or ""],
        [words("highlights"), "\n".join(filed.highlights)], [words("next_quarter"), "\n".join(filed.next_quarter)]]
    owed = {standing.id for standing in agency.owed}
    items: list[list[Cell]] = []
    for item_id in sorted((owed | reported.keys()) & position.keys(), key=position.__getitem__):
        standing = report.items[position[item_id]]
        own = reported.get(item_id)
        items.append([item_id, standing.placed.work_item.text, words("yes") if item_id in owed else "",
                      words.reported(own.state) if own and own.state else words("not_filed"),
                      own.planned if own else None, own.actual if own else None, words.state(standing.state), words.light(standing.light)])
    # English names are too long for a sheet's 31 characters: there the abbreviation stands in (MOEA, NSTC)
    short = name if words.lang is Lang.zh or agency.body not in report.names else report.names[agency.body].now.en
    return Section(f"agency-{agency.body}", title, [], [
        Table(f"agency-{agency.body}-texts", words("agency_texts", name=name), [words("topic"), words("text")], texts, words("not_filed"),
              sheet=words("agency_texts", name=short)),
        Table(f"agency-{agency.body}-items", words("agency_items", name=name),
              [words("id"), words("work_item"), words("due_now"), words("filed_now"), words("planned"), words("actual"), words("state"),
               words("light")], items, words("no_items_due"), sheet=words("agency_items", name=short)),
    ], appendix=appendix)


# the programme's parts are numbered 壹、貳、參 …; English says 5 for 伍
_FORMAL_NUMERALS = {numeral: str(value) for value, numeral in enumerate("壹貳參肆伍陸柒捌玖拾", start=1)}


def _items_appendix(report: QuarterReport, words: _Words, number: int) -> Section:
    """Every work item in scope (items.csv is this table), then the suspended ones with their reason."""
    title = words("appendix", number=_appendix_number(words, number), title=words("items_appendix"))
    headers = [words("id"), words("work_item"), words("measure"), words("schedule"), words("lead"), words("state"), words("light"),
               words("planned"), words("actual"), words("lag"), words("streak")]
    items: list[list[Cell]] = [[standing.id, standing.placed.work_item.text, standing.placed.measure.id, _schedule(standing, words),
                                _lead(report, standing, words), words.state(standing.state), words.light(standing.light),
                                standing.report.planned if standing.report else None, standing.report.actual if standing.report else None,
                                standing.lag, words("yes") if standing.continuously_behind else ""] for standing in report.items]
    items_table = Table("items", words("items_table"), headers, items)
    if not report.has_work_items:
        return Section("items", title, [words("no_work_items_here")], [items_table], appendix=title)  # items.csv: the headers alone
    suspended: list[list[Cell]] = [[standing.id, standing.placed.work_item.text, _lead(report, standing, words), str(standing.reported_in or ""),
                                    (standing.report.suspend_reason or "") if standing.report else ""] for standing in report.suspended]
    return Section("items", title, [], [
        items_table,
        Table("suspended", words("suspended"), [words("id"), words("work_item"), words("lead"), words("last_report"), words("suspend_reason")],
              suspended, words("none_suspended")),
    ], appendix=title)


def _changes(report: QuarterReport, words: _Words) -> Section:
    if not report.has_work_items:
        return Section("changes", words("changes", previous=report.quarter.previous()), [words("no_work_items_here")])
    short = [words("id"), words("work_item"), words("lead"), words("due_month")]

    def listed(standings: list[ItemStanding]) -> list[list[Cell]]:
        return [[standing.id, standing.placed.work_item.text, _lead(report, standing, words), str(standing.placed.work_item.end or "")]
                for standing in standings]

    changed: list[list[Cell]] = [[change.now.id, change.now.placed.work_item.text, words.light(change.before), words.light(change.now.light)]
                                 for change in report.light_changes]
    return Section("changes", words("changes", previous=report.quarter.previous()), [], [
        Table("newly_completed", words("newly_completed"), short, listed(report.newly_completed), words("none_changed")),
        Table("newly_overdue", words("newly_overdue"), short, listed(report.newly_overdue), words("none_changed")),
        Table("light_changes", words("light_changes"), [words("id"), words("work_item"), words("before"), words("now")], changed,
              words("none_changed")),
    ])


def _budget(report: QuarterReport, words: _Words) -> Section:
    budget = report.budget
    year = report.quarter.year
    table = budget.name.get(words.lang) if budget else ""
    title = words("budget", table=table)
    tables = []
    if budget is not None:
        headers = [words("industry"), words("budget_year", year=year, unit=words.unit(budget.unit)),
                   words("budget_total", first=budget.years[0], last=budget.years[-1], unit=words.unit(budget.unit))]
        rows: list[list[Cell]] = [
            [f"{line.industry} {line.name}" if line.industry is not None else words("subtotal"),
             line.year if line.year is not None else words("budget_none", year=year, table=table), line.programme]
            for line in budget.lines
        ]
        tables.append(Table("budget", title, headers, rows))
    scope_note = [words("budget_scope", table=table)] if report.scope.narrowed and budget is not None else []
    if budget is None and not report.execution:
        return Section("budget", words("no_budget_section"), [words("no_budget")])
    thresholds = report.rules.budget
    unit = budget.unit if budget else EXECUTION_UNIT
    execution_headers = [words("industry"), words("agency"), table or words("table3_year"), words("approved"), words("allocated"),
                         words("executed"), words("execution_rate"), words("achievement_rate"), words("light"), words("note")]
    execution: list[list[Cell]] = [
        [line.industry, _body_name(report, words, line.body) if line.body else words("all_agencies"), line.table3, line.approved,
         line.allocated, line.executed, _percent(line.execution_rate), _percent(line.achievement_rate), words.light(line.light), line.note]
        for line in report.execution
    ]
    tables.append(Table("execution", words("execution", year=year, unit=words.unit(unit)), execution_headers, execution, words("execution_none")))
    return Section("budget", title, [*scope_note, words("execution_rule", yellow=thresholds.behind_below, red=thresholds.severe_below)], tables)


# status files report budget execution in 億元 (README, 經費執行) when the programme has no budget table to take a unit from
EXECUTION_UNIT = "億元"


def _percent(fraction: float | None) -> str | None:
    return f"{fraction:.1%}" if fraction is not None else None


def _body_name(report: QuarterReport, words: _Words, body: str) -> str:
    return _name(words, report.names[body]) if body in report.names else body
