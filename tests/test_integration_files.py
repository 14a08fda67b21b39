"""Promises kept in files: the pre-commit hook calls sixcore as documented (the workflow: tests/test_pr_workflow.py)."""

from __future__ import annotations

import re

import yaml
from typer.testing import CliRunner

from sixcore.cli import app
from tests.conftest import REPO


def test_pre_commit_hook_runs_sixcore_check_on_the_files_it_matches(mini):
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert (hook["id"], hook["entry"], hook["pass_filenames"]) == ("sixcore-check", "sixcore check", True)
    matcher = re.compile(hook["files"])
    assert matcher.search("status/113Q2/moea.yaml") and matcher.search("plan/industries/1-digital.yaml")
    assert not matcher.search("README.md")
    status = mini / "status" / "111Q1" / "nstc.yaml"
    status.parent.mkdir(parents=True)
    status.write_text("quarter: 111Q1\nagency: nstc\nwork_items:\n  \"1-1/1.1.1\": {status: 完成}\n", encoding="utf-8")
    # what pre-commit runs: the entry, then the matched file names
    result = CliRunner().invoke(app, [*hook["entry"].split()[1:], str(status), "--root", str(mini)], env={"NO_COLOR": "1"})
    assert result.exit_code == 1 and "SC206" in result.output

