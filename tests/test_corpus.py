"""The bad-input corpus: every folder of tests/corpus/ is one case, run through `sixcore check` (issue #16).

A case is tests/fixtures/mini with the case's `repo/` tree laid over it, and `case.yaml` saying what else to make
and what to expect:

    about: what the case is
    args: [--quarter, 111Q1]        # more arguments for sixcore check (FILES are relative to the repository)
    exit: 1                         # the exit status expected
    errors:                         # every error, exactly: "path:line:column CODE"
      - status/111Q1/nstc.yaml:3:11 SC003
    error_counts: {SC203: 1000}     # instead of `errors`, for long lists: how many errors of each code
    warnings: [...]                 # when given, every warning, exactly
    remove: [plan/lights.yaml]      # files of the fixture to delete
    dirs: [status/111Q1/nstc.yaml]  # folders to make (a folder named like a file)
    fifos: [status/111Q1/nstc.yaml] # named pipes to make
    links: {status/111Q1/nstc.yaml: "@outside/secret.yaml"}   # symbolic links; @outside and @repo are folders
    make:                           # generated files, too big or too odd to keep in git
      - {path: status/111Q1/nstc.yaml, parts: [["quarter: 111Q1\n", 1], ["# padding\n", 120000]]}
      - {path: status/111Q1/ids.yaml, head: "work_items:\n", line: "  \"1-1/9.9.{n}\": {}\n", count: 1100}   # {n} = 0, 1, …
      - {path: status/111Q1/big.yaml, head: "quarter: 111Q1\n", size: 52428800}   # the rest sparse NUL bytes

Every case also asserts what holds for any input: no traceback, exit 0 or 1 as expected in every format and
language, every problem at line ≥ 1 and column ≥ 1 of a path, and nothing of the secret file outside the
repository (@outside/secret.yaml, also copied into the repository's .git/config) ever printed.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from sixcore.cli import app
from tests.conftest import MINI

CORPUS = Path(__file__).resolve().parent / "corpus"
CASES = sorted(case.name for case in CORPUS.iterdir() if (case / "case.yaml").is_file())
SECRET = "leaked-7f3a9c"
KEYS = {"about", "args", "exit", "errors", "error_counts", "warnings", "remove", "dirs", "fifos", "links", "make"}

runner = CliRunner()


def test_the_corpus_is_big_enough_and_covers_every_kind():
    assert len(CASES) >= 40
    kinds = {name.split("-")[0] for name in CASES}
    assert kinds >= {"syntax", "alias", "merge", "encoding", "types", "ids", "dates", "quarters", "folders", "links", "sizes"}


def build(case: dict, source: Path, tmp_path: Path) -> Path:
    root, outside = tmp_path / "repo", tmp_path / "outside"
    shutil.copytree(MINI, root)
    outside.mkdir()
    (outside / "secret.yaml").write_text(f"{SECRET}: {SECRET}\n", encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text(f"token: {SECRET}\n", encoding="utf-8")
    if (source / "repo").is_dir():
        shutil.copytree(source / "repo", root, dirs_exist_ok=True)
    for relative in case.get("remove", []):
        (root / relative).unlink()
    for relative in case.get("dirs", []):
        (root / relative).mkdir(parents=True)
    for relative in case.get("fifos", []):
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(root / relative)
    for relative, target in case.get("links", {}).items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).symlink_to(target.replace("@outside", str(outside)).replace("@repo", str(root)))
    for made in case.get("make", []):
        path = root / made["path"]
        path.parent.mkdir(parents=True, exist_ok=True)
        if "parts" in made:
            path.write_bytes(b"".join(text.encode("utf-8") * count for text, count in made["parts"]))
        elif "line" in made:
            path.write_text(made["head"] + "".join(made["line"].replace("{n}", str(n)) for n in range(made["count"])), encoding="utf-8")
        else:
            path.write_bytes(made["head"].encode("utf-8"))
            os.truncate(path, made["size"])
    return root


def where(problem: dict, root: Path) -> str:
    path = Path(problem["path"])
    return f"{path.relative_to(root).as_posix() if path.is_absolute() else path.as_posix()}:{problem['line']}:{problem['column']} {problem['code']}"


@pytest.mark.parametrize("name", CASES)
def test_case(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    source = CORPUS / name
    case = yaml.safe_load((source / "case.yaml").read_text(encoding="utf-8"))
    assert set(case) <= KEYS and "about" in case and "exit" in case, f"{name}/case.yaml: unknown or missing keys"
    root = build(case, source, tmp_path)
    monkeypatch.chdir(root)
    args = ["check", "--root", str(root), *case.get("args", [])]
    summary = tmp_path / "summary.md"
    env = {"NO_COLOR": "1", "GITHUB_STEP_SUMMARY": str(summary)}

    result = runner.invoke(app, [*args, "--format", "json"], env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code == case["exit"], result.output
    problems = json.loads(result.stdout)
    assert all(problem["line"] >= 1 and problem["column"] >= 1 and problem["path"] for problem in problems)
    errors = sorted(where(problem, root) for problem in problems if problem["severity"] == "error")
    if "error_counts" in case:
        counts: dict[str, int] = {}
        for problem in problems:
            if problem["severity"] == "error":
                counts[problem["code"]] = counts.get(problem["code"], 0) + 1
        assert counts == case["error_counts"]
    else:
        assert errors == sorted(case.get("errors", []))
    if "warnings" in case:
        assert sorted(where(problem, root) for problem in problems if problem["severity"] == "warning") == sorted(case["warnings"])

    for extra in (["--format", "text", "--lang", "en", "-v"], ["--format", "github", "-v"], ["--format", "parsable", "-v", "--strict"]):
        again = runner.invoke(app, [*args, *extra], env=env)
        assert again.exit_code in ((0, 1) if "--strict" in extra else (case["exit"],)), again.output
        assert "Traceback" not in again.output and "internal error" not in again.output
        assert SECRET not in again.output
        if "text" not in extra:  # one line per problem, whatever a key or a file name holds
            assert again.stdout.count("\n") == len(problems), again.stdout
    assert SECRET not in result.output and SECRET not in summary.read_text(encoding="utf-8")
