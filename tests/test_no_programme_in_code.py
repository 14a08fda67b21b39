"""sixcore/ assumes no programme: its name, its years and how many industries it has come from plan/.

Every sixcore/**/*.py is read token by token (tokenize), so a year inside an example such as "110/1" or 113Q2
is not taken for an assumption, while a literal "110" or 113, a range 110–113 in any string or comment, the
programme's name, or a limit of six industries is. Before plan/programme.yaml held them, sixcore had each of
these: `Year = Literal["110", "111", "112", "113"]`, `Field(ge=1, le=6)`, `^[1-6]-\\d{1,2}$`,
`range(self.quarter.year - 1, 109, -1)`, "六大核心戰略產業推動方案　季度管考報告", "110–113 total", "請用 1 到 6".
"""

from __future__ import annotations

import io
import re
import tokenize

from tests.conftest import REPO

# the period of the 六大核心 plan (and the year before it, which code used as a stop), as a literal year
YEAR = re.compile(r"1(?:09|1[0-3])")
IN_TEXT = {
    "the programme's name": re.compile(r"六大核心|six core", re.IGNORECASE),
    "its period": re.compile(r"(?<![\d/.])11[0-3]\s*[–~\-至]\s*11[0-3](?![\d/])"),  # 110–113, 111-113; not 110/1-111/12
    "six industries": re.compile(r"\b1\s*(?:–|到|to)\s*6\b|\[1-6\]|\ble=6\b|range\(1,\s*7\)|1-1 … 6-8"),
}
_QUOTED = re.compile(r"[A-Za-z]*('''|\"\"\"|'|\")(.*)\1", re.DOTALL)

# (file, text found) → why it may stay. None today: every such place now reads plan/programme.yaml or the plan's files.
ALLOWED: dict[tuple[str, str], str] = {}


def assumptions(source: str) -> list[tuple[int, str]]:
    """(line, text) of every place in Python `source` that assumes the 六大核心 plan's name, years or six industries:
    in its strings and comments, and in its code (tokens joined without spaces, so `le = 6` reads le=6)."""
    found: list[tuple[int, str]] = []
    code: list[str] = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type in (tokenize.NEWLINE, tokenize.NL):
            line = "".join(code)
            found += [(token.start[0], match.group()) for pattern in IN_TEXT.values() for match in pattern.finditer(line)]
            code = []
        elif token.type == tokenize.NUMBER and YEAR.fullmatch(token.string):
            found.append((token.start[0], token.string))
        elif token.type in (tokenize.STRING, tokenize.COMMENT):
            quoted = _QUOTED.fullmatch(token.string) if token.type == tokenize.STRING else None
            if quoted and YEAR.fullmatch(quoted.group(2)):
                found.append((token.start[0], token.string))
            found += [(token.start[0] + token.string[: match.start()].count("\n"), match.group())
                      for pattern in IN_TEXT.values() for match in pattern.finditer(token.string)]
        else:
            code.append(token.string)
    return found


def test_the_search_finds_what_sixcore_used_to_assume():
    old = '''
Year = Literal["110", "111", "112", "113"]
industry: int = Field(ge=1, le=6)
id: str = Field(pattern=r"^[1-6]-\\d{1,2}$")
earlier = (figure(kpi, str(year)) for year in range(self.quarter.year - 1, 109, -1))
PLAN_PERIOD = MonthRange(RocMonth(110, 1), RocMonth(113, 12))
unloaded = {str(number) for number in range(1, 7)}
TEXT = {"report": ("六大核心戰略產業推動方案　季度管考報告", "Six Core Strategic Industries programme"),
        "budget_total": ("110–113 年合計（{unit}）", "110–113 total ({unit})")}
error = f"請用 1 到 6 / use 1 to 6（1-1 … 6-8）"  # requested 111-113
'''
    assert assumptions(old) == [
        (2, '"110"'), (2, '"111"'), (2, '"112"'), (2, '"113"'), (3, "le=6"), (4, "[1-6]"), (5, "109"), (6, "110"), (6, "113"),
        (7, "range(1,7)"), (8, "六大核心"), (8, "Six Core"), (9, "110–113"), (9, "110–113"),
        (10, "1 到 6"), (10, "1 to 6"), (10, "1-1 … 6-8"), (10, "111-113"),
    ]
    # examples of how to write a date are not assumptions
    assert assumptions('help = "基準季別，如 113Q2 / 110/1-111/12 / 民國年月如 110/1"  # 113/6/30\n') == []


def test_sixcore_assumes_no_programme():
    found = {}
    for path in sorted((REPO / "sixcore").rglob("*.py")):
        relative = path.relative_to(REPO).as_posix()
        for line, text in assumptions(path.read_text(encoding="utf-8")):
            if (relative, text) not in ALLOWED:
                found.setdefault(f"{relative}:{line}", []).append(text)
    assert found == {}, "read it from plan/ (plan/programme.yaml), or justify it in ALLOWED"


def test_every_allowed_place_is_still_there():
    for (relative, text), why in ALLOWED.items():
        assert why and text in [found for _, found in assumptions((REPO / relative).read_text(encoding="utf-8"))], relative
