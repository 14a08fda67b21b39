"""Property: whatever a valid status file is mutated into, sixcore check judges it (issue #16).

Valid status documents for tests/fixtures/mini are mutated at the level of text (YAML's own characters,
indentation, lines, control characters), of bytes (invalid UTF-8, truncation) and of structure (a value
replaced by another of any YAML type). For every result, through the command line in any format and either
language: no uncaught exception, exit status 0 or 1, and every problem at line ≥ 1 and column ≥ 1 of a path.
Bounded and derandomized, so it is the same few seconds in CI every time.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from sixcore.cli import app
from sixcore.messages import CATALOG, Lang
from tests.conftest import MINI

STATUS = Path("status/111Q1/nstc.yaml")

SEEDS = [
    """\
quarter: 111Q1
agency: nstc
work_items:
  "1-1/1.1.1":
    status: 進行中
    planned: 50
    actual: 50
""",
    """\
# 國科會 111 年第 1 季填報
quarter: 111Q1
agency: nstc
reported: 111/4/10
contact: 王小明 02-1234-5678
summary: |
  本季依計畫推動，
  完成兩項審查。
highlights:
  - 完成第一階段驗證
  - "辦理說明會 3 場"
next_quarter: [持續推動, 召開審查會議]
work_items:
  "1-1/1.1.1": {status: 落後, planned: 60, actual: 45, delay_reason: 採購延宕, countermeasure: 加速辦理}
  "1-1/1.1.2":
    status: 完成
    completed: 111/3/15
    done: 已完成
kpis:
  "1.1.1": {actual: 1, note: 依進度辦理}
""",
    """\
quarter: 111Q1
agency: nstc
work_items:
  "1-1/1.1.1": &base
    status: 進行中
    planned: 40
    actual: 40
  "1-1/1.1.2":
    <<: *base
    planned: 50
    note: 'co-report'
""",
    '{quarter: 111Q1, agency: nstc, work_items: {"1-1/1.1.1": {status: on-track, planned: 10.5, actual: 10}}}\n',
]

SNIPPETS = [
    ":", ": ", "- ", "? ", "[", "]", "{", "}", ",", "&a ", "*a", "*base", "<<: *base\n", "<<: 1\n", "!!str ", "!!int ",
    "!!python/object:os.system ", "!custom ", "\t", "\0", "\x07", "\x1b", "\x80", "\ufeff", "\u200b", "\r", "\r\n", "\n", "  ",
    "# ", "'", '"', "|", ">", "%YAML 1.1\n", "---\n", "...\n", "~", "null", ".nan", "-.inf", "9" * 30, "9" * 5000, "-1",
    "2024-13-45", "2022-03-01", "111/2/30", "113Q5", "0Q1", "完成", "停辦", "進行中", "落後", "done", "work_items:", "kpis:",
    "quarter: ", "agency: ", '"1-1/1.1.1": ', '"1-1/9.9.9": ', "\u2028", "\x85", "=", "@", "`", "%", "\\", "\\u0000",
]

yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.integers(min_value=10**30, max_value=10**40)
    | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=12) | st.sampled_from(SNIPPETS)
    | st.dates(min_value=dt.date(1, 1, 1)) | st.binary(max_size=6),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6) | st.integers(), inner, max_size=4),
    max_leaves=12,
)


def leaf_paths(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += leaf_paths(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += leaf_paths(value, path + (index,))
    return found


def replaced(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    copy: Any = dict(data) if isinstance(data, dict) else list(data)
    copy[path[0]] = replaced(copy[path[0]], path[1:], value)
    return copy


@st.composite
def mutated_documents(draw: st.DrawFn) -> bytes:
    text = draw(st.sampled_from(SEEDS))
    if draw(st.booleans()):  # structure: a value (or a whole subtree) becomes something else
        data = yaml.safe_load(text)
        path = draw(st.sampled_from(leaf_paths(data)))
        text = yaml.safe_dump(replaced(data, path, draw(yaml_values)), allow_unicode=True, default_flow_style=draw(st.booleans()))
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        lines = text.split("\n")
        kind = draw(st.sampled_from(["insert", "delete", "line", "indent", "swap"]))
        at = draw(st.integers(min_value=0, max_value=len(text)))
        if kind == "insert":
            text = text[:at] + draw(st.sampled_from(SNIPPETS) | st.text(max_size=4)) + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + draw(st.integers(min_value=1, max_value=12)):]
        elif kind == "line":  # a line doubled or dropped
            index = draw(st.integers(min_value=0, max_value=len(lines) - 1))
            lines[index:index + 1] = [lines[index]] * draw(st.integers(min_value=0, max_value=2))
            text = "\n".join(lines)
        elif kind == "indent":
            index = draw(st.integers(min_value=0, max_value=len(lines) - 1))
            lines[index] = draw(st.sampled_from(["", " ", "  ", "    ", "\t"])) + lines[index].lstrip(" ")
            text = "\n".join(lines)
        else:
            first, second = draw(st.permutations(range(len(lines))))[:2] if len(lines) > 1 else (0, 0)
            lines[first], lines[second] = lines[second], lines[first]
            text = "\n".join(lines)
    data = text.encode(draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16"])), errors="surrogatepass")
    if draw(st.integers(min_value=0, max_value=5)) == 0:  # bytes: invalid UTF-8, or cut short
        at = draw(st.integers(min_value=0, max_value=len(data)))
        data = data[:at] + draw(st.binary(min_size=1, max_size=4)) + data[at:] if draw(st.booleans()) else data[:at]
    return data


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fuzz") / "repo"
    shutil.copytree(MINI, root)
    (root / STATUS).parent.mkdir(parents=True)
    return root


LOCATED = {  # where each format says a problem is: path, line, column
    "parsable": re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): \["),
    "github": re.compile(r"^::(?:error|warning|notice) file=(?P<path>[^,]+),line=(?P<line>\d+),col=(?P<column>\d+),"),
}


@settings(max_examples=200, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=mutated_documents(), fmt=st.sampled_from(["json", "json", "parsable", "github", "text"]), lang=st.sampled_from(list(Lang)))
def test_any_mutation_of_a_status_file_is_judged(repo: Path, document: bytes, fmt: str, lang: Lang):
    (repo / STATUS).write_bytes(document)
    args = ["check", "--root", str(repo), "--format", fmt, "--lang", lang.value, "--verbose"]
    result = CliRunner().invoke(app, args, env={"NO_COLOR": "1", "GITHUB_STEP_SUMMARY": str(repo / "summary.md")})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code in (0, 1), result.output
    if fmt == "json":
        located = [(problem["path"], problem["line"], problem["column"]) for problem in json.loads(result.stdout)]
        assert all(problem["code"] in CATALOG for problem in json.loads(result.stdout))
    elif fmt in LOCATED:
        lines = result.stdout.split("\n")[:-1]  # lines end with \n (splitlines would also split at \x1e, \x85 …)
        matches = [LOCATED[fmt].match(line) for line in lines]
        assert all(matches), lines
        located = [(found["path"], int(found["line"]), int(found["column"])) for found in matches if found]
    else:
        located = []
    assert all(path and line >= 1 and column >= 1 for path, line, column in located), located
