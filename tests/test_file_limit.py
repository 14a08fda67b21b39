"""SIXCORE_FILE_LIMIT_MB: the per-file limits raised for one run, the defaults otherwise, a bad value refused (issue #17)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from sixcore.cli import app
from sixcore.load.limits import DEFAULT_LIMITS, FileLimits, file_limits, megabytes_needed
from sixcore.load.marked import parse_marked
from tests.conftest import REPO
from tests.test_hostile_yaml import billion_laughs

VARIABLE = "SIXCORE_FILE_LIMIT_MB"
HALF_MB = 524_288
runner = CliRunner()


def big_filing(root: Path) -> Path:
    """nstc's 111Q1 filing padded with comments to exactly 1.5 MB (1,572,864 bytes): one unknown work item, so a
    run that reads the file says so (SC203 at its key, line 4 column 3)."""
    head = 'quarter: 111Q1\nagency: nstc\nwork_items:\n  "1-1/9.9.9": {status: 進行中}\n'.encode()
    padding = 3 * HALF_MB - len(head)
    path = root / "status" / "111Q1" / "nstc.yaml"
    path.parent.mkdir(parents=True)
    path.write_bytes(head + b"#" * (padding - 1) + b"\n")
    assert path.stat().st_size == 1_572_864
    return path


def check(root: Path, *options: str, limit: str | None = None) -> tuple[int, str]:
    env = {"NO_COLOR": "1", **({VARIABLE: limit} if limit is not None else {})}
    result = runner.invoke(app, ["check", "--root", str(root), "--quarter", "111Q1", *options], env=env)
    return result.exit_code, result.output


def test_a_file_of_one_and_a_half_mb_is_refused_by_default_and_the_hint_names_the_variable(mini):
    big_filing(mini)
    code, output = check(mini, "--lang", "en")
    assert code == 1
    # 1,572,864 bytes > 1,048,576; the least whole MB that holds it is 2
    assert "status/111Q1/nstc.yaml\n  1:1  error  the file has 1,572,864 bytes, over the limit of 1,048,576 bytes (1 MB)" in output
    assert "raise the per-file limit for the run with the environment variable SIXCORE_FILE_LIMIT_MB=2" in output
    assert "9.9.9" not in output  # not read


def test_the_same_file_is_checked_with_the_variable_at_2(mini):
    big_filing(mini)
    code, output = check(mini, "--format", "parsable", limit="2")
    assert code == 1  # the unknown work item is an error
    assert "SC020" not in output
    assert "status/111Q1/nstc.yaml:4:3: [error] 方案中沒有工作項目「1-1/9.9.9」 (SC203)" in output


def test_the_zh_tw_message_names_the_limit_in_mb_and_the_variable(mini):
    big_filing(mini)
    _, output = check(mini)
    assert "檔案有 1,572,864 位元組，超過 1,048,576 位元組（1 MB）的上限" in output
    assert "可於執行時設環境變數 SIXCORE_FILE_LIMIT_MB=2 放寬每檔上限" in output


def test_past_a_raised_limit_the_message_gives_it(mini):
    big_filing(mini)
    (mini / "status" / "111Q1" / "nstc.yaml").write_bytes(b"#" * (2 * 1_048_576 + 1))
    _, output = check(mini, "--lang", "en", limit="2")
    # 2 MB is 2,097,152 bytes; one more needs 3
    assert "the file has 2,097,153 bytes, over the limit of 2,097,152 bytes (2 MB)" in output
    assert "SIXCORE_FILE_LIMIT_MB=3" in output


@pytest.mark.parametrize("written", ["0", "-1", "abc", "1.5", "101", "１", "9" * 5000, "2 MB"])
def test_a_bad_value_is_exit_2_with_what_to_write(mini, written):
    code, output = check(mini, limit=written)
    assert code == 2
    assert output.startswith(f"sixcore: 環境變數 SIXCORE_FILE_LIMIT_MB「{written}」無效：請寫 1 到 100 的整數")
    assert "write a whole number of MB from 1 to 100 (the per-file limit, 1 when unset), e.g. SIXCORE_FILE_LIMIT_MB=5" in output
    assert "Traceback" not in output and "internal error" not in output


def test_empty_is_unset_and_spaces_around_a_number_are_ignored(monkeypatch):
    monkeypatch.setenv(VARIABLE, "")
    assert file_limits() == DEFAULT_LIMITS
    monkeypatch.setenv(VARIABLE, " 5 ")
    assert file_limits() == FileLimits(5, 5_242_880, 250_000, 5_242_880)


def test_the_limits_scale_with_the_megabytes_but_an_alias_bomb_stays_refused(monkeypatch):
    text = "l: [" + "0," * 60_000 + "]\n"  # a mapping, a key, a list and 60,000 numbers: 60,003 values
    assert [(p.code, p.params["limit"]) for p in parse_marked(text, Path("t.yaml"))[1]] == [("SC021", 50_000)]
    monkeypatch.setenv(VARIABLE, "2")
    document, problems = parse_marked(text, Path("t.yaml"))
    assert problems == [] and document is not None and len(document.data["l"]) == 60_000
    # nine levels of nine aliases expand to 9**9 (387,420,489) values, far past even 100 × 50,000 (at 100 the refusal
    # takes some 20 s and 900 MB, hence a smaller figure here)
    [bomb] = parse_marked(billion_laughs(), Path("t.yaml"))[1]
    assert (bomb.code, bomb.params["kind"], bomb.params["limit"]) == ("SC021", "alias", 100_000)


def test_megabytes_needed():
    assert megabytes_needed(1_048_576) == 1
    assert megabytes_needed(1_048_577) == 2
    assert megabytes_needed(0) == 1
    assert megabytes_needed(4_700_000, 240_000) == 5  # 4.48 MB → 5; 240,000 values → 5
    assert megabytes_needed(100, 150_001) == 4


def test_the_readme_tells_how_to_raise_the_limits():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Limits"):]
    section = section[: section.index("\n## ")]
    assert f"`{VARIABLE}`" in section and "1 to 100" in section


def test_the_checks_of_pull_requests_keep_the_default_limits():
    # the limits are what keeps a pull request's file from taking CI down: no workflow, hook or CI script raises them
    files = [*(REPO / ".github").rglob("*.y*ml"), REPO / ".ci" / "run", REPO / ".pre-commit-hooks.yaml"]
    assert len(files) >= 4
    assert [path.name for path in files if VARIABLE in path.read_text(encoding="utf-8")] == []
