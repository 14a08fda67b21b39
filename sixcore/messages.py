"""Message catalog: problem code → wording in zh-TW (default) and en, with a hint on what to do.

Problems carry only a code and language-neutral facts; wording lives here, so JSON output stays stable
and the wording can improve without touching rules or tests of rules.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from sixcore.problem import Problem, Severity


class Lang(str, Enum):
    zh = "zh-TW"
    en = "en"


# code: (name, {lang: message}, {lang: what to do})
CATALOG: dict[str, tuple[str, dict[str, str], dict[str, str]]] = {
    "SC001": ("yaml-syntax",
              {"zh-TW": "YAML 語法錯誤：{problem}", "en": "YAML syntax error: {problem}"},
              {"zh-TW": "請檢查此行附近的縮排、冒號與括號。", "en": "check indentation, colons and brackets near this line."}),
    "SC002": ("duplicate-key",
              {"zh-TW": "欄位「{key}」重複（第 {first_line} 行已出現）", "en": "key '{key}' appears twice (first on line {first_line})"},
              {"zh-TW": "刪除或合併重複的欄位；否則先填的內容會被覆蓋。", "en": "remove or merge the duplicate; otherwise one value silently replaces the other."}),
    "SC003": ("file-encoding",
              {"zh-TW": "檔案編碼不是 UTF-8（{encoding}）", "en": "the file is not UTF-8 ({encoding})"},
              {"zh-TW": "請以 UTF-8 編碼另存檔案。", "en": "save the file as UTF-8."}),
    "SC004": ("tab-indentation",
              {"zh-TW": "使用了 Tab 字元縮排", "en": "a tab character is used for indentation"},
              {"zh-TW": "YAML 只能以空白縮排，請將 Tab 改為空白。", "en": "YAML indents with spaces only; replace the tab with spaces."}),
    "SC005": ("empty-file",
              {"zh-TW": "檔案是空的", "en": "the file is empty"},
              {"zh-TW": "請填入內容，或刪除此檔。", "en": "fill it in, or delete it."}),
    "SC006": ("unreadable-file",
              {"zh-TW": "無法讀取檔案：{reason}", "en": "cannot read the file: {reason}"},
              {"zh-TW": "請確認檔案存在且有讀取權限。", "en": "check that the file exists and is readable."}),
    "SC007": ("missing-file",
              {"zh-TW": "缺少必要的檔案 {file}", "en": "the required file {file} is missing"},
              {"zh-TW": "請自版本庫還原此檔。", "en": "restore it from the repository."}),
    "SC010": ("schema",
              {"zh-TW": "欄位「{field}」{explain}", "en": "field '{field}': {detail}"},
              {"zh-TW": "請依 plan/README.md（或 sixcore schema）所定格式修正。", "en": "fix it as plan/README.md (or sixcore schema) describes."}),
    "SC103": ("invalid-date",
              {"zh-TW": "欄位「{field}」的日期「{value}」無效：{reason}", "en": "field '{field}': date '{value}' is invalid: {detail}"},
              {"zh-TW": "請以民國年月填寫，例如 {example}。", "en": "write an ROC date such as {example}."}),
    "SC101": ("duplicate-id",
              {"zh-TW": "{kind_zh}編號「{id}」重複（首見於 {first}）", "en": "{kind} id '{id}' is used twice (first at {first})"},
              {"zh-TW": "文件重複編號時保留原編號，並加上 suffix: b 使其唯一。", "en": "keep the printed number and add `suffix: b` to make the id unique."}),
    "SC102": ("unknown-agency",
              {"zh-TW": "未知的機關代碼「{agency}」", "en": "unknown agency id '{agency}'"},
              {"zh-TW": "請使用 plan/agencies.yaml 中的機關代碼。", "en": "use an id from plan/agencies.yaml."}),
    "SC104": ("schedule-outside-plan",
              {"zh-TW": "工作項目 {item} 期程（{schedule}）全在方案期程 110–113 年之外，且未加註說明",
               "en": "work item {item} is scheduled ({schedule}) wholly outside the plan's years 110–113, without a note"},
              {"zh-TW": "若文件如此記載，請於 note: 註明；否則請更正日期。", "en": "if the document says so, add a `note:`; otherwise correct the date."}),
    "SC105": ("unknown-reference",
              {"zh-TW": "{target} 引用了不存在的{kind_zh}「{ref}」", "en": "{target} refers to {kind} '{ref}', which does not exist"},
              {"zh-TW": "請更正引用，或補上被引用的項目。", "en": "correct the reference or add what it refers to."}),
    "SC106": ("undated-work-item",
              {"zh-TW": "工作項目 {item} 文件未載明期程", "en": "work item {item}: the document gives no schedule"},
              {"zh-TW": "無法判斷是否逾期；可請主辦機關補充期程。", "en": "it cannot be judged overdue; the lead agency may be asked for a schedule."}),
    "SC108": ("budget-sums",
              {"zh-TW": "表 3「{what}」所列 {printed} 億元與加總 {computed} 億元不符",
               "en": "table 3 '{what}': printed {printed} differs from the computed sum {computed} (億元)"},
              {"zh-TW": "文件數字保留原樣；請於 plan/NOTES.md 記錄此差異。", "en": "the printed figure is kept; record the mismatch in plan/NOTES.md."}),
}

SEVERITY_WORDS = {
    Severity.ERROR: {"zh-TW": "錯誤", "en": "error"},
    Severity.WARNING: {"zh-TW": "警告", "en": "warning"},
    Severity.INFO: {"zh-TW": "資訊", "en": "info"},
}

_KIND_ZH = {"agency": "機關", "industry": "產業", "measure": "措施", "work item": "工作項目", "KPI": "KPI", "strategy": "推動策略"}

# pydantic error types, explained in the plan's words
_SCHEMA_ZH = {
    "missing": "為必填，尚未填寫",
    "extra_forbidden": "不是可用的欄位（可能拼錯了）",
    "string_type": "應為文字；數字樣式的編號請加引號，例如 \"1.1\"",
    "int_type": "應為整數",
    "int_parsing": "應為整數",
    "float_type": "應為數字",
    "float_parsing": "應為數字",
    "decimal_parsing": "應為數字",
    "decimal_type": "應為數字",
    "bool_type": "應為 true 或 false",
    "bool_parsing": "應為 true 或 false",
    "list_type": "應為清單（以 - 開頭的項目）",
    "dict_type": "應為對照表（欄位: 值）",
    "model_type": "應為對照表（欄位: 值）",
    "literal_error": "的值不在允許範圍內：{expected}",
    "enum": "的值不在允許範圍內：{expected}",
    "string_pattern_mismatch": "的格式不符（{pattern}）",
    "greater_than_equal": "應不小於 {ge}",
    "less_than_equal": "應不大於 {le}",
    "greater_than": "應大於 {gt}",
    "less_than": "應小於 {lt}",
    "tuple_type": "應為清單",
    "too_short": "項目太少",
    "too_long": "項目太多",
    "value_error": "：{detail}",
}

_DATE_REASON_ZH = {
    "format": "格式不符",
    "month": "月份應在 1 到 12 之間",
    "day": "該月沒有這一天",
    "year": "民國年自 1 年起，沒有 0 年",
    "quarter": "季別應在 1 到 4 之間",
    "inverted": "結束早於開始",
}


class _Defaults(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def describe(problem: Problem, lang: Lang = Lang.zh) -> str:
    """The problem in words, in `lang`."""
    name, messages, _ = CATALOG.get(problem.code, (problem.code, {"zh-TW": "{detail}", "en": "{detail}"}, {}))
    params = _Defaults(problem.params)
    params["kind_zh"] = _KIND_ZH.get(str(problem.params.get("kind")), problem.params.get("kind", ""))
    params["reason"] = _DATE_REASON_ZH.get(str(problem.params.get("kind")), problem.params.get("detail", ""))
    if problem.code == "SC010":
        params["explain"] = _SCHEMA_ZH.get(str(problem.params.get("type")), "：" + str(problem.params.get("detail", ""))).format_map(params)
    return messages[lang.value].format_map(params)


def hint(problem: Problem, lang: Lang = Lang.zh) -> str:
    """What the reader should do about it."""
    entry = CATALOG.get(problem.code)
    return entry[2][lang.value].format_map(_Defaults(problem.params)) if entry else ""


def rule_name(code: str) -> str:
    return CATALOG[code][0] if code in CATALOG else code
