"""The report's body is management by exception, the appendices come after it (issue 13, "What to build" 2), and
`--lang en` leaves no Chinese but the plan's and the agencies' own texts. On the SYNTHETIC set at 113Q2; expected
items are worked out from the status files and README's rules (tests/synthetic/independent.py, or by hand)."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from tests.clirun import run
from tests.synthetic.independent import Independent, previous_quarter, quarter_key

runner = CliRunner()
QUARTER = "113Q2"
ATTENTION = "三、需關注事項（依產業）"


@pytest.fixture(scope="module")
def exported(demo: Path) -> dict:
    result = run("export", "--root", str(demo))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def written(demo: Path) -> dict[str, Path]:
    """The report in both languages: language → its folder."""
    folders = {}
    for lang in ("zh-TW", "en"):
        folders[lang] = demo / "reports" / f"{QUARTER}-{lang}"
        result = run("report", "--root", str(demo), "--quarter", QUARTER, "--lang", lang, "--out", str(folders[lang]))
        assert result.exit_code == 0, result.output
    return folders


def sections(markdown: str) -> dict[str, str]:
    """report.md's `## ` sections: title → text, in order."""
    return {part.split("\n", 1)[0]: part.split("\n", 1)[1] for part in markdown.split("\n## ")[1:]}


def tables(text: str) -> dict[str, list[list[str]]]:
    """A section's tables by their `### ` title (the section's own title: ""): rows of cells, header row left out."""
    found: dict[str, list[list[str]]] = {}
    heading = ""
    for line in text.splitlines():
        if line.startswith("### "):
            heading = line[4:]
        elif line.startswith("|") and not line.startswith("|--"):
            found.setdefault(heading, []).append([cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", line)[1:-1]])
    return {title: rows[1:] for title, rows in found.items()}


def markdown(written: dict[str, Path], lang: str = "zh-TW") -> str:
    return (written[lang] / "report.md").read_text(encoding="utf-8")


def test_the_body_lists_exactly_the_items_overdue_seriously_behind_or_behind_in_a_row(demo: Path, exported: dict, written: dict[str, Path]):
    independent = Independent.read(demo, exported)
    key = quarter_key(QUARTER)
    now, before = independent.states(key), independent.states(previous_quarter(key))
    severe = yaml.safe_load((demo / "plan" / "lights.yaml").read_text(encoding="utf-8"))["work_items"]["severe_from"]

    def lag(item_id: str) -> float:
        word = independent.latest(item_id, key) or {}
        return (word.get("planned") or 0) - (word.get("actual") or 0)

    behind = {"behind", "overdue"}
    expected = (independent.overdue(key)
                | {item_id for item_id, state in now.items() if state == "behind" and lag(item_id) >= severe}
                | {item_id for item_id, state in now.items() if state in behind and before[item_id] in behind})
    text = sections(markdown(written))[ATTENTION]
    body = tables(text)
    industries = {industry["industry"]: industry["name"] for industry in exported["industries"]}
    listed: dict[str, list[str]] = {}
    for number, name in industries.items():
        for row in body.get(f"{number}【{name}】", []):
            assert row[0].split("-")[0] == str(number), row  # each under its own industry
            listed[row[0]] = row
    # overdue items no report ever named have no reason to show: listed by id after their industry's table
    notes, number = [], ""
    for line in text.splitlines():
        if line.startswith("### "):
            number = line[4:].split("【")[0]
        elif found := re.fullmatch(r"逾期而從未填報者 (\d+) 項（.*?）：(.*)", line):
            notes.append((number, found[1], found[2]))
    never = {item_id: number for number, count, ids in notes for item_id in ids.split("、")}
    assert all(item_id.split("-")[0] == number for item_id, number in never.items())
    assert sum(int(count) for _, count, _ in notes) == len(never)
    assert set(never) == {item_id for item_id in expected if independent.latest(item_id, key) is None}
    assert set(listed) | set(never) == expected and not set(listed) & set(never)

    # by hand, from status/113Q2 and plan: 1-1/1.3.1 ends 113/4 and nstc filed 落後 (75 of 100): 逾期, with its reason
    assert listed["1-1/1.3.1"][5:7] == ["逾期", "🔴 嚴重落後"]
    assert listed["1-1/1.3.1"][-2:] == ["（虛構）法規修正草案尚在預告，配套措施順延", "（虛構）先行辦理可獨立執行之項目"]
    # 2-1/1.1.2 runs to 113/12; moea filed 落後 13 points behind (≥ 10: 嚴重落後), after 進行中 on plan in 113Q1: not in a row
    assert listed["2-1/1.1.2"][5:8] == ["落後", "🔴 嚴重落後", ""]
    assert listed["2-1/1.1.2"][-2:] == ["（虛構）法規修正草案尚在預告，配套措施順延", "（虛構）先行辦理可獨立執行之項目"]
    # 1-1/2.3.2 (nstc): 落後 92/72 in 112Q1 (20 points: red), then 100/75 every quarter to 113Q2 (25: red, and 逾期
    # from its end 112/4 on): six quarters in a row, 112Q1–113Q2, all counted, not only as far as 連續落後 needs
    assert listed["1-1/2.3.2"][5:8] == ["逾期", "🔴 嚴重落後", "連續 6 季"]
    data = json.loads((written["zh-TW"] / "report.json").read_text(encoding="utf-8"))
    assert next(item for item in data["work_items"] if item["id"] == "1-1/2.3.2")["behind_quarters"] == 6
    # 1-1/2.4.1 ends 113/4, filed 進行中 at 100 %: still not 完成, so 逾期, with no reason to show
    assert listed["1-1/2.4.1"][5] == "逾期" and listed["1-1/2.4.1"][-2:] == ["", ""]
    # 1-1/1.4.1 (113/5–114/4) filed 進行中 17 of 17, and 1-1/2.4.2 filed 完成 113/4/20: nothing to flag
    assert "1-1/1.4.1" not in listed and "1-1/2.4.2" not in listed
    # the agencies not filed: those owing the quarter whose file is missing, each with what it owes
    not_filed = {row[0]: int(row[1]) for row in body["尚未填報之機關"]}
    missing = independent.owing(key) - independent.filers(key)
    names = yaml.safe_load((demo / "plan" / "agencies.yaml").read_text(encoding="utf-8"))["agencies"]
    assert not_filed == {agency["name"]: len(independent.owed_by(agency["id"], key)) for agency in names if agency["id"] in missing}


def test_the_body_comes_before_every_appendix(written: dict[str, Path]):
    for lang, word in (("zh-TW", "附錄"), ("en", "Appendix")):
        titles = list(sections(markdown(written, lang)))
        first = next(index for index, title in enumerate(titles) if title.startswith(word))
        assert first == 6 and all(title.startswith(word) for title in titles[first:]), titles  # six body sections, then appendices only
    zh = list(sections(markdown(written)))
    assert zh[:6] == ["一、總覽", "二、產業及措施燈號", ATTENTION, "四、落後之關鍵績效指標（KPI）", "五、與上季（113Q1）比較", "六、經費（表 3）"]
    assert {"附錄一　各機關填報情形", "附錄二　工作項目一覽", "附錄三　關鍵績效指標（KPI）一覽"} <= set(zh[6:])


def test_the_screen_shows_the_body_and_says_where_the_appendices_are(demo: Path, tmp_path: Path):
    result = run("report", "--root", str(demo), "--quarter", QUARTER, "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert ATTENTION in result.stdout and "附錄一之" not in result.stdout and "工作項目燈號" not in result.stdout
    screen = result.stdout.replace("\n", "")  # the line wraps at the terminal's width
    assert f"附錄一　各機關填報情形、附錄二　工作項目一覽、附錄三　關鍵績效指標（KPI）一覽：見 {tmp_path / 'report.html'}" in screen


def test_each_agency_appendix_has_what_it_owes_what_it_filed_and_its_texts(demo: Path, exported: dict, written: dict[str, Path]):
    independent = Independent.read(demo, exported)
    key = quarter_key(QUARTER)
    parts = sections(markdown(written))
    filed = yaml.safe_load((demo / "status" / QUARTER / "mohw.yaml").read_text(encoding="utf-8"))
    mohw = next(text for title, text in parts.items() if title.startswith("附錄一之") and title.endswith("　衛生福利部"))
    texts = dict(row[:2] for row in tables(mohw)["衛生福利部填報內容"])
    assert texts["辦理情形"] == filed["summary"] and texts["填報日期"] == filed["reported"]
    assert texts["重要執行亮點"] == "<br>".join(filed["highlights"]) and texts["下一季重點工作"] == "<br>".join(filed["next_quarter"])
    items = {row[0]: row for row in tables(mohw)["衛生福利部應填項目"]}
    assert set(items) == independent.owed_by("mohw", key) | set(filed["work_items"])
    assert {item_id for item_id, row in items.items() if row[2] == "是"} == independent.owed_by("mohw", key)
    # as mohw filed it, in the plan's words (README: a file may say done / on-track / behind / not-started / suspended)
    plan_word = {"done": "完成", "on-track": "進行中", "behind": "落後", "not-started": "未開始", "suspended": "停辦"}
    assert all(items[item_id][3] == plan_word.get(report["status"], report["status"]) for item_id, report in filed["work_items"].items())
    # ncc owes items in 113Q2 and filed nothing (the demo's ncc never files): said so, with what it owes
    ncc = next(text for title, text in parts.items() if title.startswith("附錄一之") and title.endswith("　國家通訊傳播委員會"))
    assert "### 國家通訊傳播委員會填報內容\n\n未填報" in ncc
    owed = {row[0]: row for row in tables(ncc)["國家通訊傳播委員會應填項目"]}
    assert set(owed) == independent.owed_by("ncc", key) and {row[3] for row in owed.values()} == {"未填報"}


def test_english_leaves_only_the_plans_and_the_agencies_own_texts_in_chinese(demo: Path, exported: dict, written: dict[str, Path]):
    own: set[str] = {measure["title"] for measure in exported["measures"]} | {industry["name"] for industry in exported["industries"]}
    for item in exported["work_items"]:
        own |= {item["text"], *(phase["printed"] for phase in item["phases"] if phase["printed"])}
    for kpi in exported["kpis"]:
        own.add(kpi["full_target"])
        own |= {target["unit"] for targets in kpi["yearly_targets"].values() if isinstance(targets, list) for target in targets}  # 項, 家: the plan's units
        for cell in [*kpi["yearly"].values(), *kpi["yearly_items"].values()]:
            own |= set(cell) if isinstance(cell, list) else {cell} if cell else set()

    def filed_texts(node: object, key: str = "") -> set[str]:
        """Every text an agency wrote in its status file; not the status words (完成 …), which English translates."""
        if isinstance(node, dict):
            return {text for field, value in node.items() for text in filed_texts(value, field)}
        if isinstance(node, list):
            return {text for value in node for text in filed_texts(value, key)}
        return {node} if isinstance(node, str) and key not in ("status", "agency", "quarter") else set()

    for path in (demo / "status").glob("*/*.yaml"):
        own |= filed_texts(yaml.safe_load(path.read_text(encoding="utf-8")))
    cjk = re.compile(r"[\u2e80-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+")
    md = markdown(written, "en")
    page = (written["en"] / "report.html").read_text(encoding="utf-8")
    assert "Ministry of Health and Welfare" in md and "衛福部" in markdown(written)  # the agencies named in English
    for text in sorted(own, key=len, reverse=True):  # the longest first, so no shorter text leaves part of a longer one
        md = md.replace(text.replace("|", "\\|").replace("\n", "<br>"), "")
        page = page.replace(html.escape(text).replace("\n", "<br>"), "")
    assert not cjk.findall(md), sorted({line for line in md.splitlines() if cjk.search(line)})[:5]
    assert not cjk.findall(page), sorted({line[:200] for line in page.splitlines() if cjk.search(line)})[:5]


def test_the_body_lists_the_kpis_behind_and_the_appendix_every_kpi(demo: Path, written: dict[str, Path]):
    """Which KPI is behind is the KPI standing's judgment (report.json's light); the body lists just those."""
    kpis = json.loads((written["zh-TW"] / "report.json").read_text(encoding="utf-8"))["kpis"]
    parts = sections(markdown(written))
    behind = tables(parts["四、落後之關鍵績效指標（KPI）"])[""]
    assert [row[0] for row in behind] == [kpi["id"] for kpi in kpis if kpi["light"] in ("yellow", "red")]
    assert behind and all(row[-3] in ("🟡 落後", "🔴 嚴重落後") for row in behind)  # …, 燈號, 燈號說明, 填報機關
    every = tables(parts["附錄三　關鍵績效指標（KPI）一覽"])["關鍵績效指標（KPI）一覽"]
    assert [row[0] for row in every] == [kpi["id"] for kpi in kpis]
