"""Message catalog: problem code → wording in zh-TW (default) and en, with a hint on what to do.

Problems carry only a code and language-neutral facts; wording lives here, so JSON output stays stable
and the wording can improve without touching rules or tests of rules.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from sixcore.load.limits import FILE_LIMIT_VARIABLE, MAX_FILE_BYTES, MAX_VALUES, megabytes_needed
from sixcore.problem import Problem, Severity


class Lang(str, Enum):
    zh = "zh-TW"
    en = "en"


# code: (name, {lang: message}, {lang: what to do})
CATALOG: dict[str, tuple[str, dict[str, str], dict[str, str]]] = {
    "SC001": ("yaml-syntax",
              {"zh-TW": "YAML 語法錯誤：{problem}", "en": "YAML syntax error: {problem}"},
              {"zh-TW": "請檢查此行附近的縮排、冒號與括號。", "en": "check indentation, colons and brackets near this line."}),
    "SC014": ("full-width-colon",
              {"zh-TW": "「{key}」後面是全形冒號「：」，YAML 只認半形冒號「:」", "en": "'{key}' is followed by a full-width colon '：'; YAML needs an ASCII ':'"},
              {"zh-TW": "請改成半形冒號加一個空白，例如 {key}: 落後（輸入法切到英數再打冒號）。", "en": "write an ASCII colon and a space, e.g. {key}: 落後."}),
    "SC002": ("duplicate-key",
              {"zh-TW": "欄位「{key}」重複（第 {first_line} 行已出現）", "en": "key '{key}' appears twice (first on line {first_line})"},
              {"zh-TW": "刪除或合併重複的欄位；否則先填的內容會被覆蓋。", "en": "remove or merge the duplicate; otherwise one value silently replaces the other."}),
    "SC003": ("file-encoding",
              {"zh-TW": "檔案編碼不是 UTF-8", "en": "the file is not UTF-8"},
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
    "SC008": ("outside-repository",
              {"zh-TW": "此檔（或它所在的資料夾）是連結（symlink），指向版本庫以外的位置，因此不予讀取",
               "en": "this file (or a folder on its path) is a link (symlink) to a place outside the repository, so it is not read"},
              {"zh-TW": "請提交檔案本身，不要提交連結。", "en": "commit the file itself, not a link to it."}),
    "SC010": ("schema",
              {"zh-TW": "欄位「{field}」{explain}", "en": "field '{field}': {detail}"},
              {"zh-TW": "請依檔案開頭的填寫說明（或 status/README.md、plan/README.md）修正。", "en": "fix it as the file's comment header (or status/README.md, plan/README.md) describes."}),
    "SC020": ("file-too-large",
              {"zh-TW": "檔案有 {size:,} 位元組，超過 {limit:,} 位元組（{limit_mb} MB）的上限，不予檢查",
               "en": "the file has {size:,} bytes, over the limit of {limit:,} bytes ({limit_mb} MB); it is not checked"},
              {"zh-TW": "一季的填報檔遠小於此；請確認沒有誤貼其他資料（例如圖片或整份報告）。若檔案確實這麼大，"
                        "可於執行時設環境變數 {variable}={need_mb} 放寬每檔上限（機關拉取請求的 CI 請維持預設）。",
               "en": "a quarter's status file is far smaller; check that nothing else (an image, a whole report) was pasted in. If the file "
                     "really is this big, raise the per-file limit for the run with the environment variable {variable}={need_mb} "
                     "(keep the default in CI on agencies' pull requests)."}),
    "SC021": ("too-many-values",
              {"zh-TW": "檔案內容超過 {limit:,} 個值的上限，不予檢查", "en": "the file holds more than {limit:,} values, the limit; it is not checked"},
              {"zh-TW": "填報檔不會有這麼多項目；請確認沒有誤貼其他資料。若檔案確實這麼大，可於執行時設環境變數 {variable} "
                        "放寬每檔上限（目前 {limit_mb}，每 MB 可有 {values_per_mb:,} 個值；機關拉取請求的 CI 請維持預設）。",
               "en": "a status file never has this many entries; check that nothing else was pasted in. If the file really is this big, "
                     "raise the per-file limit for the run with the environment variable {variable} (now {limit_mb}; {values_per_mb:,} "
                     "values per MB; keep the default in CI on agencies' pull requests)."}),
    "SC022": ("too-deep",
              {"zh-TW": "清單或對照表一層套一層，超過 {limit} 層的上限，不予檢查", "en": "lists and mappings are nested more than {limit} deep, the limit; it is not checked"},
              {"zh-TW": "請檢查此處的括號 [ ] {{ }} 是否成對、縮排是否正確；填報檔只需要幾層。",
               "en": "check that the brackets [ ] {{ }} here pair up and the indentation is right; a status file needs only a few levels."}),
    "SC023": ("more-problems",
              {"zh-TW": "此檔另有 {count:,} 項問題未列出（每檔最多列出 {limit:,} 項）", "en": "{count:,} more problems in this file are not listed (at most {limit:,} per file)"},
              {"zh-TW": "請先修正以上問題，再執行 sixcore check 看其餘的問題。", "en": "fix the problems above, then run sixcore check again to see the rest."}),
    "SC103": ("invalid-date",
              {"zh-TW": "欄位「{field}」的{what_zh}「{value}」無效：{reason}", "en": "field '{field}': {what} '{value}' is invalid: {detail}"},
              {"zh-TW": "請以民國{what_zh}填寫，例如 {example}。", "en": "write an ROC {what} such as {example}."}),
    "SC101": ("duplicate-id",
              {"zh-TW": "{kind_zh}編號「{id}」重複（首見於 {first}）", "en": "{kind} id '{id}' is used twice (first at {first})"},
              {"zh-TW": "文件重複編號時保留原編號，並加上 suffix: b 使其唯一。", "en": "keep the printed number and add `suffix: b` to make the id unique."}),
    "SC102": ("unknown-agency",
              {"zh-TW": "未知的機關代碼「{agency}」", "en": "unknown agency id '{agency}'"},
              {"zh-TW": "請使用 plan/agencies.yaml 中的機關代碼。", "en": "use an id from plan/agencies.yaml."}),
    "SC104": ("schedule-outside-plan",
              {"zh-TW": "工作項目 {item} 期程（{schedule}）全在方案期程 {period} 年之外，且未加註說明",
               "en": "work item {item} is scheduled ({schedule}) wholly outside the programme's years {period}, without a note"},
              {"zh-TW": "若文件如此記載，請於 note: 註明；否則請更正日期。", "en": "if the document says so, add a `note:`; otherwise correct the date."}),
    "SC105": ("unknown-reference",
              {"zh-TW": "{target} 引用了不存在的{kind_zh}「{ref}」", "en": "{target} refers to {kind} '{ref}', which does not exist"},
              {"zh-TW": "請更正引用，或補上被引用的項目。", "en": "correct the reference or add what it refers to."}),
    "SC106": ("undated-work-item",
              {"zh-TW": "工作項目 {item} 文件未載明期程", "en": "work item {item}: the document gives no schedule"},
              {"zh-TW": "無法判斷是否逾期；可請主辦機關補充期程。", "en": "it cannot be judged overdue; the lead agency may be asked for a schedule."}),
    "SC108": ("budget-sums",
              {"zh-TW": "{table_zh}「{what}」所列 {printed} {unit}與加總 {computed} {unit}不符",
               "en": "{table} '{what}': printed {printed} differs from the computed sum {computed} ({unit})"},
              {"zh-TW": "文件數字保留原樣；請於 plan/NOTES.md 記錄此差異。", "en": "the printed figure is kept; record the mismatch in plan/NOTES.md."}),
    "SC109": ("year-outside-period",
              {"zh-TW": "{kind_zh} {id} 的年度 {year} 不在方案期程 {period} 年之內", "en": "{kind} {id}: the year {year} is outside the programme's period {period}"},
              {"zh-TW": "年度須在 plan/programme.yaml 的 period 之內；請更正年度，或更正方案期程。",
               "en": "years must lie within `period:` of plan/programme.yaml; correct the year, or the period."}),
    "SC201": ("status-quarter",
              {"zh-TW": "檔案內的季別 {quarter} 與所在資料夾 {folder} 不符", "en": "the file says quarter {quarter} but sits in folder {folder}"},
              {"zh-TW": "請將 quarter: 改為 {folder}，或將檔案移到正確季別的資料夾（如 status/113Q2/）。", "en": "set `quarter: {folder}` or move the file to the right folder (e.g. status/113Q2/)."}),
    "SC202": ("status-agency",
              {"zh-TW": "填報機關「{agency}」與檔名「{file_agency}」不符，或不是已登錄的機關代碼", "en": "agency '{agency}' differs from the file name '{file_agency}' or is not a registered id"},
              {"zh-TW": "agency: 須與檔名相同，且為 plan/agencies.yaml 的代碼（例如 status/113Q2/nstc.yaml 填 agency: nstc）。", "en": "`agency:` must equal the file name and be an id of plan/agencies.yaml."}),
    "SC203": ("unknown-status-id",
              {"zh-TW": "方案中沒有{kind_zh}「{id}」", "en": "the plan has no {kind} '{id}'"},
              {"zh-TW": "請核對編號：工作項目如 1-2/2.1.1，KPI 如 1.1.1（可用 sixcore export 查詢）。", "en": "check the id: work items look like 1-2/2.1.1, KPIs like 1.1.1 (see sixcore export)."}),
    "SC204": ("not-responsible",
              {"zh-TW": "{agency} 非工作項目 {item} 的主辦、協辦或主政機關（應由 {responsible} 填報）", "en": "{agency} neither leads, co-leads nor oversees work item {item} (responsible: {responsible})"},
              {"zh-TW": "請刪除此項，或由主協辦機關或產業主政機關填報。", "en": "remove it, or let the lead, a co-lead or the industry's lead ministry report it."}),
    "SC205": ("progress-range",
              {"zh-TW": "工作項目 {item} 的進度 {field} = {value}，超出 0–100%", "en": "work item {item}: {field} progress {value} is outside 0–100 %"},
              {"zh-TW": "累計進度以百分比 0 到 100 填寫。", "en": "write cumulative progress as a percentage from 0 to 100."}),
    "SC206": ("completed-without-date",
              {"zh-TW": "工作項目 {item} 填報「完成」但未填完成日期", "en": "work item {item} is reported 完成 (done) without a completion date"},
              {"zh-TW": "請填 completed: 實際完成日期，例如 113/6/28。", "en": "add `completed:` with the actual date, e.g. 113/6/28."}),
    "SC207": ("completed-after-quarter",
              {"zh-TW": "工作項目 {item} 的完成日期 {completed} 晚於本季（{quarter}）最後一日 {last_day}", "en": "work item {item}: completion date {completed} is after the end of {quarter} ({last_day})"},
              {"zh-TW": "本季報告只能填至季末已完成者；請更正日期，或下一季再報完成。", "en": "correct the date, or report completion next quarter."}),
    "SC208": ("behind-without-reason",
              {"zh-TW": "工作項目 {item} 填報「落後」但未說明落後原因及因應對策", "en": "work item {item} is reported 落後 (behind) without delay_reason and countermeasure"},
              {"zh-TW": "請填寫 delay_reason:（落後原因）與 countermeasure:（因應對策）。", "en": "fill in `delay_reason:` and `countermeasure:`."}),
    "SC209": ("suspended-without-reason",
              {"zh-TW": "工作項目 {item} 填報「停辦」但未說明停辦原因", "en": "work item {item} is reported 停辦 (suspended) without suspend_reason"},
              {"zh-TW": "請填寫 suspend_reason:（停辦原因，例如奉行政院核定停止辦理）。", "en": "fill in `suspend_reason:` (why the work stopped)."}),
    "SC210": ("superseded-agency",
              {"zh-TW": "{quarter} 不再以「{agency}」（{name}）填報，應由「{instead}」（{instead_name}）填報",
               "en": "'{agency}' ({name}) does not file for {quarter}; '{instead}' ({instead_name}) files instead"},
              {"zh-TW": "請將檔案改名為 {instead}.yaml，並將 agency: 改為 {instead}（或以 sixcore status new --agency {instead} 重新產生）。",
               "en": "rename the file to {instead}.yaml and set `agency: {instead}` (or run sixcore status new --agency {instead})."}),
    "SC211": ("status-missing",
              {"zh-TW": "工作項目 {item} 尚未填寫執行狀態", "en": "work item {item} has no status"},
              {"zh-TW": "請於 status: 後填寫 {allowed} 其中之一（見檔案開頭的填寫說明）。", "en": "after `status:` write one of {allowed} (see the file's comment header)."}),
    "SC212": ("quarter-texts-missing",
              {"zh-TW": "本季填報缺少：{fields}", "en": "the filing leaves empty: {keys}"},
              {"zh-TW": "{asked_by_zh}每季提供辦理情形、重要執行亮點與下一季重點工作；請填寫 {keys}（見檔案開頭的填寫說明）。",
               "en": "{asked_by} every quarter for 辦理情形, 重要執行亮點 and 下一季重點工作; fill in {keys} (see the file's comment header)."}),
    "SC213": ("misplaced-file",
              {"zh-TW": "{file} 不在填報位置（{why_zh}），不會被採計", "en": "{file} is not where a filing counts ({why}); it is not counted"},
              {"zh-TW": "請將檔案移到 {target}：每季每機關一檔，放在 status/<季別>/<機關代碼>.yaml（例如 status/113Q3/moea.yaml）。",
               "en": "move it to {target}: one file per agency per quarter, as status/<quarter>/<agency-id>.yaml (e.g. status/113Q3/moea.yaml)."}),
    "SC214": ("workbook-not-imported",
              {"zh-TW": "{file} 是試算表，不會被採計；只有匯入後的 {target} 才算填報{imported_zh}", "en": "{file} is a workbook and does not count; only the imported {target} does{imported}"},
              {"zh-TW": "請執行 sixcore status import {file}，檢查通過後提交 {target}；試算表本身不必提交（可移出 status/）。",
               "en": "run sixcore status import {file} and commit {target} once it passes; the workbook itself need not be committed (move it out of status/)."}),
    "SC230": ("workbook-unreadable",
              {"zh-TW": "無法讀取試算表：{why_zh}", "en": "cannot read the workbook: {why}"},
              {"zh-TW": "{fix_zh}", "en": "{fix}"}),
    "SC231": ("workbook-sheet-missing",
              {"zh-TW": "找不到工作表「{sheet}」（檔案中的工作表：{found}）", "en": "there is no sheet '{sheet}' (the workbook has: {found})"},
              {"zh-TW": "請勿更名或刪除工作表；可用 sixcore status new --format ods 重新產生範本再貼上內容。",
               "en": "do not rename or delete sheets; sixcore status new --format ods writes a fresh template to paste the answers into."}),
    "SC232": ("workbook-column-missing",
              {"zh-TW": "工作表「{sheet}」找不到「{column}」（欄位依第 1 列的標題尋找，或依 A 欄的項目名稱）",
               "en": "sheet '{sheet}' has no '{column}' (columns are found by their header in row 1, items by their label in column A)"},
              {"zh-TW": "請還原被改名或刪除的標題「{column}」；欄位可以搬移，但標題文字不可更改。",
               "en": "restore the header '{column}'; columns may be moved, but their header text must stay."}),
    "SC233": ("workbook-merged-cell",
              {"zh-TW": "工作表「{sheet}」有合併儲存格", "en": "sheet '{sheet}' has a merged cell here"},
              {"zh-TW": "請取消合併儲存格（每一格只填一個項目的一個值）。", "en": "unmerge the cells: each cell holds one value of one item."}),
    "SC234": ("workbook-formula",
              {"zh-TW": "工作表「{sheet}」此格是公式（{formula}），不是填寫的值", "en": "sheet '{sheet}': this cell holds a formula ({formula}), not a value"},
              {"zh-TW": "請直接填入數值或文字（可複製後「選擇性貼上」只貼值）。", "en": "type the value itself (or copy and paste values only)."}),
    "SC235": ("workbook-date-cell",
              {"zh-TW": "工作表「{sheet}」此格是試算表的日期格式（{date}），已改為民國 {roc}", "en": "sheet '{sheet}': this cell is a spreadsheet date ({date}), taken as ROC {roc}"},
              {"zh-TW": "日期請以文字填民國年，例如 113/9/30（儲存格格式設為「文字」，或先輸入單引號 '113/9/30）。",
               "en": "type dates as ROC text such as 113/9/30 (format the cell as text, or type a leading apostrophe: '113/9/30)."}),
    "SC236": ("workbook-row",
              {"zh-TW": "工作表「{sheet}」{what_zh}", "en": "sheet '{sheet}': {what_en}"},
              {"zh-TW": "{row_hint_zh}", "en": "{row_hint_en}"}),
    "SC237": ("workbook-cell-not-asked",
              {"zh-TW": "工作表「{sheet}」此列的填報項目是「{item}」，「{column}」不在此列填寫", "en": "sheet '{sheet}': this row takes {item}; {column} is not filled in on it"},
              {"zh-TW": "實際值填在「實際值」或子目標（單位）的列，達成情形與佐證填在「達成情形」的列，說明填在該 KPI 的第一列；請把此格內容移到應填的格並清空此格。",
               "en": "figures go on the row of 實際值 or of the sub-target (its unit), 達成情形 and 佐證 on the row of 達成情形, 說明 on the KPI's first row: move this value there and clear this cell."}),
    "SC215": ("achieved-without-evidence",
              {"zh-TW": "KPI {kpi} 填報「達成」但未提供佐證", "en": "KPI {kpi} is reported 達成 (achieved) without evidence"},
              {"zh-TW": "請填寫 evidence:（佐證，如驗收紀錄、核定文號、成果報告）。", "en": "fill in `evidence:` (what shows it: an acceptance record, an approval, a results report)."}),
    "SC216": ("unknown-sub-target",
              {"zh-TW": "KPI {kpi} 的 actuals 填了「{key}」，但 {year} 年分年目標沒有這個子目標（可填：{keys}）",
               "en": "KPI {kpi}: `actuals` names '{key}', which is no sub-target of its {year} target (it takes: {keys})"},
              {"zh-TW": "actuals: 以子目標的單位為名（同一單位出現兩次者為 案1、案2）；請改用上列名稱，或見 sixcore status new 產生的範本。",
               "en": "`actuals:` names each figure by its sub-target's unit (案1, 案2 where a unit repeats): use one of the names above, or see the template from sixcore status new."}),
    "SC220": ("budget-negative",
              {"zh-TW": "產業 {industry} 經費的 {field} 為負數（{value}）", "en": "industry {industry}: budget {field} is negative ({value})"},
              {"zh-TW": "經費填年度累計數（億元），不得為負；更正時填更正後的累計數並於 note: 說明。", "en": "budget figures are year-to-date sums (億元) and never negative; report a correction as the corrected sum, with a note."}),
    "SC221": ("budget-exceeds",
              {"zh-TW": "產業 {industry} 經費：{what_zh} {value} 億元超過{limit_zh} {limit} 億元，且未說明", "en": "industry {industry}: {what} {value} exceeds {limit_what} {limit}, without a note"},
              {"zh-TW": "請核對數字；確有其事（如以前年度保留款、追加預算）請於 note: 說明。", "en": "check the figures; if right (e.g. carried-over funds, a supplementary budget), explain in `note:`."}),
    "SC222": ("budget-behind-without-note",
              {"zh-TW": "產業 {industry} 經費執行率 {rate} 低於 {threshold}，且未說明", "en": "industry {industry}: execution rate {rate} is below {threshold}, without a note"},
              {"zh-TW": "請於 note: 說明執行落後原因及改善措施（門檻見 plan/lights.yaml 的 budget）。", "en": "explain the low execution and what is done about it in `note:` (threshold: budget in plan/lights.yaml)."}),
    "SC223": ("budget-decreased",
              {"zh-TW": "產業 {industry} 經費的 {field} {value} 億元低於上季填報的 {previous} 億元，且未說明", "en": "industry {industry}: budget {field} {value} is below the previous quarter's {previous}, without a note"},
              {"zh-TW": "年度累計數通常不會下降；請於 note: 說明（如更正或刪減）。", "en": "year-to-date sums rarely go down; explain in `note:` (a correction, a cut)."}),
    "SC224": ("budget-over-table",
              {"zh-TW": "產業 {industry} {year} 年各機關核定數合計 {total} 億元，超過表 3 所列 {table3} 億元 {excess} 億元（{agencies}）",
               "en": "industry {industry}: the agencies' approved amounts for {year} add up to {total}, above table 3's {table3} by {excess} ({agencies})"},
              {"zh-TW": "請各機關核對核定數；表 3 為方案核定時之經費，如已調整請於 note: 說明。", "en": "let the agencies check their approved amounts; table 3 is the budget as approved, so explain changes in `note:`."}),
    "SC301": ("overdue-work-item",
              {"zh-TW": "工作項目 {item} 已逾期：預定於 {end} 完成，截至 {quarter} 未報完成（最近狀態：{status}）", "en": "work item {item} is overdue: due {end}, not reported done by {quarter} (last status: {status})"},
              {"zh-TW": "完成者請填報「完成」與完成日期；未完成者請填「落後」並說明原因及對策。", "en": "report 完成 with its date, or 落後 with reason and countermeasure."}),
    "SC302": ("unreported-work-item",
              {"zh-TW": "工作項目 {item} 於 {quarter} 未填報（主辦：{agency}）", "en": "work item {item} is not reported for {quarter} (lead: {agency})"},
              {"zh-TW": "請主辦機關於該季填報檔的 work_items: 下補列此項（可用 sixcore status new 產生範本）。", "en": "the lead agency should add it under `work_items:` of its file for the quarter (sixcore status new writes a template)."}),
    "SC303": ("progress-decreased",
              {"zh-TW": "工作項目 {item} 的實際累計進度 {actual}% 低於上次填報的 {previous}%，且未說明", "en": "work item {item}: actual progress {actual}% is below the previous report's {previous}%, without a note"},
              {"zh-TW": "累計進度通常不會下降；請於 note: 說明原因。", "en": "cumulative progress rarely goes down; explain why in `note:`."}),
    "SC304": ("kpi-behind",
              {"zh-TW": "KPI {kpi} 的 {year} 年實際值 {actual} 未達分年目標 {target}", "en": "KPI {kpi}: actual {actual} for {year} is below the yearly target {target}"},
              {"zh-TW": "請於 note: 說明未達原因及後續作法。", "en": "explain the shortfall and next steps in `note:`."}),
    "SC305": ("unreported-kpi",
              {"zh-TW": "KPI {kpi} 於 {quarter} 未填報（缺 {missing}；主協辦：{agency}）", "en": "KPI {kpi} is not reported for {quarter} (missing {missing}; owners: {agency})"},
              {"zh-TW": "請主協辦機關於該季填報檔的 kpis: 下填實際值（actual；多項子目標依單位填 actuals）或達成情形（achieved）；可用 sixcore status new 產生範本。",
               "en": "the owners should fill in, under `kpis:` of their file for the quarter, the figures (`actual`, or `actuals` by unit for several sub-targets) or `achieved`; sixcore status new writes a template."}),
    # sixcore pr-scope: what one pull request changes (sixcore.prscope), located at the file concerned
    "SC401": ("pr-mixed",
              {"zh-TW": "填報的拉取請求只能變更填報檔，本拉取請求除填報檔外也變更了 {file}",
               "en": "a status pull request may change status files only, but besides its status files this one also changes {file}"},
              {"zh-TW": "請拆成兩個拉取請求：一個只含 status/ 下的填報檔，另一個含 {file} 等其他變更，交協調者審查。",
               "en": "split it in two: one with the status files under status/ only, another with {file} and the other changes, for the coordinators to review."}),
    "SC402": ("pr-several-agencies",
              {"zh-TW": "一個拉取請求只能含一個機關的填報檔，本拉取請求含 {count} 個機關（{agencies}）；此檔屬「{agency}」",
               "en": "a pull request may carry one agency's status files only; this one has {count} agencies' ({agencies}), and this file is '{agency}'"},
              {"zh-TW": "請每個機關各開一個拉取請求：將「{agency}」的填報檔移到它自己的拉取請求。",
               "en": "open one pull request per agency: move the files of '{agency}' to a pull request of their own."}),
    "SC403": ("pr-deleted-status",
              {"zh-TW": "刪除了填報檔 {file}（更名或搬移也算刪除）", "en": "the status file {file} is deleted (a rename or a move counts as a deletion)"},
              {"zh-TW": "已提交的填報不可刪除；要更正請修改檔案內容。放錯季別或機關的檔案，請由協調者提出刪除。",
               "en": "a filing is never deleted: correct its content instead; a file in the wrong quarter or under the wrong agency is removed by a coordinator."}),
    "SC404": ("pr-status-not-a-file",
              {"zh-TW": "填報檔 {file} 不是一般檔案（git 檔案模式 {mode}：符號連結或子模組）",
               "en": "the status file {file} is not a regular file (git mode {mode}: a symbolic link or a submodule)"},
              {"zh-TW": "請以一般的 YAML 檔案提交。", "en": "commit it as a plain YAML file."}),
}

_SAVE_AS_UTF8 = {"zh-TW": "請以 UTF-8 編碼另存檔案（例如記事本：另存新檔 → 編碼選「UTF-8」）。",
                 "en": "save the file as UTF-8 (e.g. in Notepad: Save As → Encoding: UTF-8)."}
_NO_ALIASES = {"zh-TW": "請不要用 YAML 別名（&名稱、*名稱）重複引用內容；每一項請直接寫出。",
               "en": "do not repeat content with YAML aliases (&name, *name); write each entry out."}

# Wordings for one `kind` of a problem (its params["kind"]): the message and what to do, in place of the code's own.
VARIANTS: dict[tuple[str, str], tuple[dict[str, str], dict[str, str]]] = {
    ("SC001", "mapping_value"): ({"zh-TW": "YAML 語法錯誤：此處不能再接「鍵: 值」", "en": "YAML syntax error: a 'key: value' is not allowed here"},
                                 {"zh-TW": "常見原因：上一行或此行的縮排不對齊，或文字中有「: 」（冒號加空白）而未加引號；含冒號的文字請用引號括起，例如 done: \"說明：已完成\"。",
                                  "en": "usually the indentation of this or the previous line is off, or text holds ': ' without quotes; quote such text."}),
    ("SC001", "no_colon"): ({"zh-TW": "YAML 語法錯誤：找不到預期的冒號「:」", "en": "YAML syntax error: the expected ':' is missing"},
                            {"zh-TW": "每個欄位寫成「欄位: 值」，冒號用半形「:」且後面空一格；也請檢查引號是否成對。",
                             "en": "write each field as 'key: value' with an ASCII ':' and a space after it; check that quotes pair up."}),
    ("SC001", "indent"): ({"zh-TW": "YAML 語法錯誤：縮排不一致", "en": "YAML syntax error: the indentation does not line up"},
                          {"zh-TW": "同一層的欄位要對齊（以空白縮排，每層 2 格）；請對照檔案中其他項目的縮排。",
                           "en": "fields of one level must line up (indent with spaces, 2 per level); compare with the other entries."}),
    ("SC001", "alias"): ({"zh-TW": "YAML 語法錯誤：「*」開頭的文字被當成未定義的別名", "en": "YAML syntax error: text starting with '*' is read as an undefined alias"},
                         {"zh-TW": "以 * 開頭的文字請用引號括起，例如 note: \"*補充說明\"。", "en": "quote text that starts with '*', e.g. note: \"*remark\"."}),
    ("SC001", "unclosed"): ({"zh-TW": "YAML 語法錯誤：引號沒有成對，檔案到此結束", "en": "YAML syntax error: a quote is not closed before the end of the file"},
                            {"zh-TW": "請找出少了結尾引號的文字（從此處往上找），補上引號。", "en": "find the text missing its closing quote (look upwards from here) and close it."}),
    ("SC001", "bad_start"): ({"zh-TW": "YAML 語法錯誤：此處的字元不能作為值的開頭（如 @ 或 `）", "en": "YAML syntax error: this character cannot start a value (e.g. @ or `)"},
                             {"zh-TW": "請將整段文字用引號括起。", "en": "put the whole text in quotes."}),
    ("SC001", "bracket"): ({"zh-TW": "YAML 語法錯誤：[ ] 或 { } 沒有成對，或項目間少了逗號", "en": "YAML syntax error: [ ] or { } do not pair up, or a comma is missing between items"},
                           {"zh-TW": "請檢查此行的括號與逗號；文字中含逗號或括號時請用引號括起。", "en": "check this line's brackets and commas; quote text that contains them."}),
    ("SC001", "merge"): ({"zh-TW": "合併鍵 << 之後須是對照表（或對照表的清單），例如 <<: *預設值",
                          "en": "a merge key << must be followed by a mapping (or a list of mappings), e.g. <<: *defaults"},
                         {"zh-TW": "請改正此處，或不用 <<，直接寫出各欄位。", "en": "correct it, or write the fields out instead of using <<."}),
    ("SC216", "none"): ({"zh-TW": "KPI {kpi} 的 actuals 填了「{key}」，但 {year} 年分年目標沒有分項子目標",
                         "en": "KPI {kpi}: `actuals` names '{key}', but its {year} target has no sub-targets"},
                        {"zh-TW": "單一數值請填在 actual:；以達成情形評定者請填 achieved: 與 evidence:（見 sixcore status new 產生的範本）。",
                         "en": "report a single figure as `actual:`, a milestone as `achieved:` with `evidence:` (see the template from sixcore status new)."}),
    ("SC003", "utf16"): ({"zh-TW": "檔案以 UTF-16（Unicode）編碼儲存，不是 UTF-8", "en": "the file is saved as UTF-16 (Unicode), not UTF-8"}, _SAVE_AS_UTF8),
    ("SC003", "utf8"): ({"zh-TW": "此處起的內容不是 UTF-8 編碼（全檔共 {count:,} 處），檔案可能以 Big5 等其他編碼儲存",
                         "en": "the text from here is not UTF-8 ({count:,} places in the file); the file may be saved as Big5 or another encoding"},
                        _SAVE_AS_UTF8),
    ("SC003", "nul"): ({"zh-TW": "此處有 NUL 字元（{char}，全檔共 {count:,} 個），YAML 檔不能含有；通常表示檔案以 UTF-16 儲存，或不是文字檔",
                        "en": "a NUL character ({char}; {count:,} in the file), which YAML cannot contain; usually the file was saved as UTF-16 or is not text"},
                       {"zh-TW": "請以 UTF-8 純文字另存檔案；若只有一兩處，刪除該字元即可。",
                        "en": "save the file as plain UTF-8 text; if there are only one or two, delete them."}),
    ("SC003", "control"): ({"zh-TW": "此處有看不見的控制字元 {char}（全檔共 {count:,} 個），YAML 不允許",
                            "en": "an invisible control character {char} ({count:,} in the file), which YAML does not allow"},
                           {"zh-TW": "請刪除此字元（常隨著從 Word、PDF 或網頁複製的文字貼入）；編輯器若看不到，可刪除此處前後的字再重新輸入。",
                            "en": "delete it (it often comes with text pasted from Word, PDF or web pages); if your editor does not show it, "
                                  "delete the characters around it and type them again."}),
    ("SC006", "not-file"): ({"zh-TW": "這不是一般檔案（可能是資料夾或裝置），無法讀取", "en": "this is not a regular file (perhaps a folder or a device)"},
                            {"zh-TW": "填報檔須是副檔名 .yaml 的一般文字檔；請更名或移除此項。",
                             "en": "a status file must be a plain text file named .yaml; rename or remove this one."}),
    ("SC008", "git"): ({"zh-TW": "此檔（或它所在的資料夾）是連結（symlink），指向版本庫的 .git 管理資料夾，因此不予讀取",
                        "en": "this file (or a folder on its path) is a link (symlink) into the repository's .git folder, so it is not read"},
                       {"zh-TW": "請提交檔案本身，不要提交連結。", "en": "commit the file itself, not a link to it."}),
    ("SC021", "alias"): ({"zh-TW": "別名 *{alias} 展開後，檔案內容超過 {limit:,} 個值的上限，不予檢查",
                          "en": "with the alias *{alias} expanded the file holds more than {limit:,} values, the limit; it is not checked"},
                         _NO_ALIASES),
    ("SC021", "text"): ({"zh-TW": "別名 *{alias} 展開後，檔案文字超過 {limit:,} 字的上限，不予檢查",
                         "en": "with the alias *{alias} expanded the file's text is longer than {limit:,} characters, the limit; it is not checked"},
                        _NO_ALIASES),
    ("SC021", "loop"): ({"zh-TW": "別名 *{alias} 用在它自己所代表的內容之中，展開永無止境",
                         "en": "the alias *{alias} is used inside the very value it names, so it never ends"},
                        _NO_ALIASES),
}

SEVERITY_WORDS = {
    Severity.ERROR: {"zh-TW": "錯誤", "en": "error"},
    Severity.WARNING: {"zh-TW": "警告", "en": "warning"},
    Severity.INFO: {"zh-TW": "資訊", "en": "info"},
}

# Where a work item stands (sixcore.standing.State) and its 燈號 (Light), in the plan's words.
STATE_WORDS: dict[str, dict[str, str]] = {
    "completed": {"zh-TW": "完成", "en": "completed"},
    "on_schedule": {"zh-TW": "進度正常", "en": "on schedule"},
    "behind": {"zh-TW": "落後", "en": "behind"},
    "overdue": {"zh-TW": "逾期", "en": "overdue"},
    "unreported": {"zh-TW": "未填報", "en": "unreported"},
    "suspended": {"zh-TW": "停辦", "en": "suspended"},
    "not_started": {"zh-TW": "未開始", "en": "not started"},
    "idle": {"zh-TW": "期程間隔", "en": "between phases"},
    "not_reviewed": {"zh-TW": "未列管", "en": "before the first review"},
    "undated": {"zh-TW": "無期程", "en": "undated"},
}

LIGHT_WORDS: dict[str, dict[str, str]] = {
    "green": {"zh-TW": "正常", "en": "on track"},
    "yellow": {"zh-TW": "落後", "en": "behind"},
    "red": {"zh-TW": "嚴重落後", "en": "seriously behind"},
    "done": {"zh-TW": "完成", "en": "done"},
    "unreported": {"zh-TW": "未填報", "en": "unreported"},
    "none": {"zh-TW": "不評定", "en": "not judged"},
}

# sixcore pr-scope: the lines around its problems (sixcore.prscope.explain)
SCOPE_WORDS: dict[str, dict[str, str]] = {
    "overview": {"zh-TW": "比較 {base}（共同祖先 {merge_base}）與 HEAD：變更 {files} 個檔案，其中填報檔 {status} 個{agencies}",
                 "en": "{base} (merge base {merge_base}) to HEAD: {files} files changed, {status} of them status files{agencies}"},
    "agencies": {"zh-TW": "（機關：{agencies}）", "en": " (agencies: {agencies})"},
    "not_status": {"zh-TW": "未變更任何填報檔：不是填報的拉取請求，不受此限；其他檔案的變更由程式碼擁有者（CODEOWNERS）審查。",
                   "en": "no status file changed: not a status pull request, so no limit applies; changes to other files are for the code owners (CODEOWNERS) to review."},
    "in_scope": {"zh-TW": "範圍正確：只含機關「{agency}」的填報檔。", "en": "in scope: the status files of '{agency}' only."},
    "allowed": {"zh-TW": "協調者 {author} 的拉取請求：依基準分支的 {config} 允許，以上僅列為警告。",
                "en": "a coordinator's pull request ({author}): allowed by {config} on the base branch, so the above are warnings only."},
    "split": {"zh-TW": "範圍不符，請拆成 {count} 個拉取請求：", "en": "out of scope: split it into {count} pull requests:"},
    "fix": {"zh-TW": "範圍不符，請依上列說明修正。", "en": "out of scope: fix what is listed above."},
    "group_agency": {"zh-TW": "機關「{agency}」的填報檔：{files}", "en": "the status files of '{agency}': {files}"},
    "group_other": {"zh-TW": "其他變更（交協調者審查）：{files}", "en": "the other changes (for the coordinators to review): {files}"},
    "deleted": {"zh-TW": "{file}（刪除）", "en": "{file} (deleted)"},
    "more": {"zh-TW": "…另 {count} 個", "en": "… and {count} more"},
    "separator": {"zh-TW": "、", "en": ", "},
}

# report.pdf and report.html on paper: the foot of every page, and the warning when no browser can print it
PRINT_WORDS: dict[str, dict[str, str]] = {
    "page": {"zh-TW": "第 {page} 頁，共 {pages} 頁", "en": "Page {page} of {pages}"},
    "as_of": {"zh-TW": "基準日 {day}", "en": "As of {day}"},
    "no_browser": {"zh-TW": "未產製 report.pdf：找不到 Chromium（{tried}）。請安裝 chromium 及 fonts-arphic-uming（Debian：apt-get install chromium fonts-arphic-uming），"
                            "或以環境變數 SIXCORE_CHROMIUM 指定其路徑",
                   "en": "report.pdf not written: no Chromium found ({tried}). Install chromium and fonts-arphic-uming (Debian: apt-get install chromium "
                         "fonts-arphic-uming), or name its path in the environment variable SIXCORE_CHROMIUM"},
    "print_failed": {"zh-TW": "未產製 report.pdf：Chromium（{browser}）列印失敗：{detail}", "en": "report.pdf not written: Chromium ({browser}) could not print: {detail}"},
}

# the report's pictures: the 管考 progress curves and the light distribution (sixcore.render.report_charts)
CHART_WORDS: dict[str, dict[str, str]] = {
    "section": {"zh-TW": "管考進度曲線及燈號分布", "en": "Progress curves and lights"},
    "rule": {"zh-TW": "預定累計進度：各工作項目期程（起訖年月）於該季底已經過之比例，期程結束後為 100%；實際累計進度：該季判定時最近一次填報之實際進度，"
                      "完成為 100%，未填實際進度者以 0 計。曲線為有期程之工作項目之簡單平均（每項權重相同），自首次管考季（{first}）至 {quarter}。",
             "en": "Planned cumulative progress: the share of each work item's schedule (its ROC months) elapsed by the quarter's end, 100% after "
                   "it ends; actual: the progress of its latest report as judged that quarter, 100% when done, 0 when no figure was filed. Each "
                   "curve is the plain mean over the work items with a schedule (each weighs the same), from the first review ({first}) to {quarter}."},
    "programme": {"zh-TW": "全方案（{items} 項）", "en": "Whole programme ({items} items)"},
    "industry": {"zh-TW": "{number} {name}（{items} 項）", "en": "Industry {number}: {name} ({items} items)"},
    "planned": {"zh-TW": "預定", "en": "Planned"},
    "actual": {"zh-TW": "實際", "en": "Actual"},
    "y_axis": {"zh-TW": "累計進度（%）", "en": "Cumulative progress (%)"},
    "x_axis": {"zh-TW": "季別", "en": "Quarter"},
    "describe": {"zh-TW": "{quarter}：預定 {planned}%，實際 {actual}%", "en": "{quarter}: planned {planned}%, actual {actual}%"},
    "lights": {"zh-TW": "各產業工作項目燈號分布（{quarter}）", "en": "Work-item lights by industry ({quarter})"},
    "line": {"zh-TW": "{name}：預定 {planned}%，實際 {actual}%（落差 {lag} 百分點）；燈號 {lights}",
             "en": "{name}: planned {planned}%, actual {actual}% (lag {lag} points); lights {lights}"},
    "screen": {"zh-TW": "管考進度曲線（{quarter}，詳見 report.html）", "en": "Progress curves ({quarter}; see report.html)"},
}


def word(table: dict[str, dict[str, str]], key: Enum | str, lang: Lang) -> str:
    """A state's or light's word in `lang`."""
    return table[key.value if isinstance(key, Enum) else key][lang.value]


_KIND_ZH = {"agency": "機關", "industry": "產業", "measure": "措施", "work item": "工作項目", "KPI": "KPI", "strategy": "推動策略",
            "budget": "經費表"}

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
    "number_text": "的「{input}」不是數字；請填數字，例如 50（可含 %）",
    "status_word": "的「{input}」不是可用的狀態；請填 {allowed} 其中之一",
    "achievement_word": "的「{input}」不是可用的達成情形；請填 {allowed} 其中之一",
}

_DATE_REASON_ZH = {
    "format": "格式不符",
    "month": "月份應在 1 到 12 之間",
    "day": "該月沒有這一天",
    "year": "民國年自 1 年起，沒有 0 年",
    "quarter": "季別應在 1 到 4 之間",
    "inverted": "結束早於開始",
    "gregorian": "這是西元日期，請改寫為民國年",
}


# why a file is not where a filing counts (SC213)
_PLACE = {
    "outside": ("不在本方案資料庫的 status/ 資料夾內", "it is not inside the repository's status/ folder"),
    "depth": ("應直接放在 status/<季別>/ 資料夾中", "it belongs directly in a status/<quarter>/ folder"),
    "extension": ("副檔名應為 .yaml", "the file name must end in .yaml"),
    "folder": ("資料夾名稱「{folder}」不是季別，應寫成 113Q3 這樣", "the folder name '{folder}' is no quarter; write it like 113Q3"),
}


# why a workbook cannot be read (SC230): (zh, en, what to do zh, what to do en)
_UNREADABLE = {
    "corrupt": ("檔案損毀或不是試算表", "the file is damaged or not a spreadsheet",
                "請以 Excel 或 LibreOffice Calc 開啟確認，另存為 .ods 或 .xlsx 再匯入。", "open it in Excel or LibreOffice Calc and save it again as .ods or .xlsx."),
    "encrypted": ("檔案設有密碼（加密），或是舊版 .xls 格式", "the file is password-protected (encrypted), or an old .xls file",
                  "請移除開啟密碼（保護工作表不影響），另存為 .ods 或 .xlsx 再匯入。", "remove the password to open (sheet protection is fine) and save as .ods or .xlsx."),
    "large": ("檔案過大（超過 20 MB，或解壓縮後超過 100 MB），不像季度填報表", "the file is too large (over 20 MB, or over 100 MB unpacked) for a quarterly filing",
              "請以 sixcore status new 產生的範本填寫，勿貼入圖片或大量資料。", "fill in the template sixcore status new writes, without pictures or bulk data."),
    "format": ("不是試算表文件（ODF 內容缺漏）", "not a spreadsheet document (no ODF content)",
               "請另存為 .ods 或 .xlsx 再匯入。", "save it as .ods or .xlsx and import again."),
}

# what is wrong with a row of a workbook (SC236)
_ROW = {
    "empty": ("中間有空白列", "an empty row between filled rows",
              "請刪除空白列（整列刪除），讓各列連續；空白列之後的列仍會讀取。", "delete the empty row so the rows follow one another; rows after it are still read."),
    "key": ("此列有填寫內容，但編號（或產業）欄是空的", "this row is filled in but its id (or industry) is empty",
            "請填入編號（工作項目、KPI）或產業編號（經費），或刪除此列。", "fill in the id (work item, KPI) or the industry number (budget), or delete the row."),
}


# In a workbook (Problem.cell set), what to do in the sheet's words rather than the YAML keys of the hint above.
SHEET_HINTS: dict[str, dict[str, str]] = {
    "SC010": {"zh-TW": "請依「填寫說明」工作表修正此格。", "en": "correct this cell as the sheet 填寫說明 describes."},
    "SC103": {"zh-TW": "請以文字填民國{what_zh}，例如 {example}。", "en": "type an ROC {what} as text, such as {example}."},
    "SC002": {"zh-TW": "同一編號只能有一列；請刪除或合併重複的列。", "en": "one row per id: delete or merge the repeated row."},
    "SC206": {"zh-TW": "請在「完成日期」欄填實際完成日期，例如 113/6/28。", "en": "fill in 完成日期 with the actual date, e.g. 113/6/28."},
    "SC208": {"zh-TW": "請填寫同一列的「落後原因」與「因應對策」。", "en": "fill in 落後原因 and 因應對策 on the same row."},
    "SC209": {"zh-TW": "請填寫同一列的「停辦原因」。", "en": "fill in 停辦原因 on the same row."},
    "SC211": {"zh-TW": "請在「狀態」欄以下拉選單選 {allowed} 其中之一。", "en": "pick one of {allowed} in the 狀態 column's drop-down."},
    "SC212": {"zh-TW": "請在「辦理情形」工作表填寫{fields}。", "en": "fill in {fields} on the sheet 辦理情形."},
    "SC303": {"zh-TW": "累計進度通常不會下降；請於「備註」欄說明原因。", "en": "cumulative progress rarely goes down; explain why under 備註."},
    "SC215": {"zh-TW": "請在同一列的「佐證」欄寫出佐證（如驗收紀錄、核定文號）。", "en": "fill in 佐證 on the same row with what shows it (an acceptance record, an approval)."},
    "SC305": {"zh-TW": "請在「KPI」工作表此 KPI 的各列填「實際值」（有子目標者每項一列），或以下拉選單選「達成情形」。",
              "en": "on the sheet KPI, fill in 實際值 on each of this KPI's rows (one per sub-target), or pick 達成情形 from the drop-down."},
}


class _Defaults(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _wording(problem: Problem) -> tuple[dict[str, str], dict[str, str]] | None:
    variant = VARIANTS.get((problem.code, str(problem.params.get("kind"))))
    if variant is not None:
        return variant
    entry = CATALOG.get(problem.code)
    return (entry[1], entry[2]) if entry else None


def _params(problem: Problem) -> _Defaults:
    """The problem's facts, with the words its message and hint are written with."""
    params = _Defaults(problem.params)
    params["kind_zh"] = _KIND_ZH.get(str(problem.params.get("kind")), problem.params.get("kind", ""))
    if problem.code == "SC103":
        params["reason"] = _DATE_REASON_ZH.get(str(problem.params.get("kind")), problem.params.get("detail", ""))
        params["what_zh"] = "季別" if problem.params.get("what") == "quarter" else "日期"
        params.setdefault("what", "date")
    if problem.code == "SC221":
        executed = problem.params.get("what") == "executed"
        params["what_zh"], params["limit_zh"] = ("執行數", "累計分配數") if executed else ("累計分配數", "年度核定數")
        params["limit_what"] = "allocated" if executed else "approved"
    if problem.code == "SC213":
        zh, en = _PLACE.get(str(problem.params.get("reason")), ("", ""))
        params["why_zh"], params["why"] = zh.format_map(params), en.format_map(params)
    if problem.code == "SC230":
        params["why_zh"], params["why"], params["fix_zh"], params["fix"] = _UNREADABLE.get(str(problem.params.get("reason")), _UNREADABLE["corrupt"])
    if problem.code == "SC236":
        params["what_zh"], params["what_en"], params["row_hint_zh"], params["row_hint_en"] = _ROW.get(str(problem.params.get("what")), _ROW["empty"])
    if problem.code == "SC214":
        imported = bool(problem.params.get("imported"))
        params["imported_zh"] = "（已有匯入的 YAML 檔）" if imported else "，目前尚未匯入"
        params["imported"] = " (it has been imported)" if imported else ", and it has not been imported yet"
    if problem.code == "SC212":  # who asks for the texts: the programme's review part when its text has one (part 伍)
        part = problem.params.get("part")
        params["asked_by_zh"] = f"方案{part}請各主政單位" if part else "請各主政單位"
        params["asked_by"] = f"part {part} of the plan asks" if part else "the quarterly review asks"
    if problem.code == "SC020":
        params["variable"], params["limit_mb"] = FILE_LIMIT_VARIABLE, problem.params["limit"] // MAX_FILE_BYTES
        params["need_mb"] = megabytes_needed(problem.params["size"])
    if problem.code == "SC021":
        params["variable"], params["values_per_mb"] = FILE_LIMIT_VARIABLE, MAX_VALUES
        params["limit_mb"] = problem.params.get("limit", 0) // MAX_VALUES
    if problem.code == "SC010":
        params["explain"] = _SCHEMA_ZH.get(str(problem.params.get("type")), "：" + str(problem.params.get("detail", ""))).format_map(params)
    return params


def describe(problem: Problem, lang: Lang = Lang.zh) -> str:
    """The problem in words, in `lang`."""
    wording = _wording(problem)
    messages = wording[0] if wording else {"zh-TW": "{detail}", "en": "{detail}"}
    return messages[lang.value].format_map(_params(problem))


def hint(problem: Problem, lang: Lang = Lang.zh) -> str:
    """What the reader should do about it."""
    if problem.cell is not None and problem.code in SHEET_HINTS:
        return SHEET_HINTS[problem.code][lang.value].format_map(_params(problem))
    wording = _wording(problem)
    return wording[1][lang.value].format_map(_params(problem)) if wording else ""


def rule_name(code: str) -> str:
    return CATALOG[code][0] if code in CATALOG else code
