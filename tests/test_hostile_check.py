"""sixcore check over hostile repositories: problems per file bounded, links given as FILES judged (issue #16)."""

from __future__ import annotations

import os

import pytest

from sixcore.audit import check_repo
from sixcore.load.limits import MAX_PROBLEMS_PER_FILE
from tests.test_status_rules import file_status


def test_a_file_lists_at_most_the_limit_and_counts_the_rest(mini):
    entries = "".join(f'  "1-1/9.9.{n}": {{status: 進行中}}\n' for n in range(MAX_PROBLEMS_PER_FILE + 200))
    path = file_status(mini, "111Q1", "nstc", "work_items:\n" + entries)
    file_status(mini, "111Q1", "moea", "kpis: {\"9.9.9\": {actual: 1}}\n")
    problems = check_repo(mini).problems
    mine = [p for p in problems if p.path == path]
    assert len(mine) == MAX_PROBLEMS_PER_FILE + 1
    [summary] = [p for p in mine if p.code == "SC023"]
    # 1,200 unknown ids (SC203), 1-1/1.1.1 unreported (SC302) and KPI 1.1.1's 111 figure left out (SC305; both
    # warnings): 1,202, of which 1,000 are listed, errors first
    assert summary.params == {"count": 202, "limit": MAX_PROBLEMS_PER_FILE} and summary.severity.value == "error"
    assert {p.code for p in mine} == {"SC203", "SC023"}
    assert sorted(p.code for p in problems if p.path.name == "moea.yaml") == ["SC203", "SC302"]  # the other file keeps its own


def test_links_given_as_files_are_judged_not_missing(mini, tmp_path, monkeypatch):
    folder = mini / "status" / "111Q1"
    folder.mkdir(parents=True)
    (tmp_path / "secret.yaml").write_text("token: hunter2\n")
    (folder / "nstc.yaml").symlink_to(tmp_path / "secret.yaml")
    (folder / "gone.yaml").symlink_to("nowhere.yaml")
    (folder / "loop.yaml").symlink_to("loop.yaml")
    monkeypatch.chdir(mini)
    names = [os.path.join("status", "111Q1", name) for name in ("nstc.yaml", "gone.yaml", "loop.yaml")]
    result = check_repo(mini, files=[mini / name for name in names])
    assert sorted((p.path.name, p.code) for p in result.problems) == [("gone.yaml", "SC006"), ("loop.yaml", "SC006"), ("nstc.yaml", "SC008")]
    assert "hunter2" not in repr(result.problems)


def test_the_readme_lists_every_code_and_the_limits_as_coded():
    import re

    from sixcore.load import limits
    from sixcore.messages import CATALOG
    from tests.conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    codes = dict(re.findall(r"^\| (SC\d{3}) \| ([a-z-]+) \|", readme, re.M))
    assert codes == {code: entry[0] for code, entry in CATALOG.items()}
    section = readme[readme.index("### Limits"):]
    section = section[: section.index("\n## ")]
    for figure in (limits.MAX_FILE_BYTES, limits.MAX_VALUES, limits.MAX_TEXT, limits.MAX_PROBLEMS_PER_FILE):
        assert f"{figure:,}" in section
    assert f"{limits.MAX_DEPTH} deep" in section


@pytest.mark.parametrize("fmt", ["text", "parsable", "github", "json"])
def test_a_file_name_that_is_not_utf8_is_printed_escaped(mini, tmp_path, fmt):
    from typer.testing import CliRunner

    from sixcore.cli import app

    folder = mini / "status" / "111Q1"
    folder.mkdir(parents=True)
    try:
        (folder / os.fsdecode(b"\xff\xfe.yaml")).write_text("quarter: 111Q1\nagency: nstc\n", encoding="utf-8")
    except (OSError, UnicodeError):
        pytest.skip("this file system only takes UTF-8 file names")
    summary = tmp_path / "summary.md"
    result = CliRunner().invoke(app, ["check", "--root", str(mini), "--format", fmt], env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == 1, result.output
    assert "\\xff\\xfe" in result.stdout.replace("\\\\", "\\") and "\\xff\\xfe" in summary.read_text(encoding="utf-8")


def test_schema_errors_past_the_limit_are_counted_once(mini):
    path = file_status(mini, "111Q1", "nstc", "highlights: [" + "{}, " * (MAX_PROBLEMS_PER_FILE + 50) + "]\n")
    mine = [p for p in check_repo(mini).problems if p.path == path]
    assert len(mine) == MAX_PROBLEMS_PER_FILE + 1
    [summary] = [p for p in mine if p.code == "SC023"]
    # 50 more schema errors, 1-1/1.1.1 unreported, KPI 1.1.1 unreported (SC305), and highlights, dropped as
    # invalid, left empty (SC212)
    assert summary.params["count"] == 53
