"""Throwaway git repositories for the pull-request tests: a fixed identity and dates, no user or system git config.

`git_env` (a fixture, see conftest) puts GIT_ENV into os.environ for the whole test, so that git works on a machine
without a global identity (CI's bare Debian) and a developer's own settings (diff.renames, commit.gpgsign …) cannot
change an answer. sixcore's own git calls, through CliRunner or a subprocess, see the same environment.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tests.conftest import MINI

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test Agency",
    "GIT_AUTHOR_EMAIL": "agency@example.invalid",
    "GIT_AUTHOR_DATE": "2024-07-01T09:00:00+08:00",
    "GIT_COMMITTER_NAME": "Test Agency",
    "GIT_COMMITTER_EMAIL": "agency@example.invalid",
    "GIT_COMMITTER_DATE": "2024-07-01T09:00:00+08:00",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_TERMINAL_PROMPT": "0",
}

# a filing for the mini fixture plan that sixcore check accepts: 國科會 reports its work item done
# part 伍's texts, so that a good filing draws no warning (SC212)
_TEXTS = "reported: 111/4/10\nsummary: 依計畫辦理\nhighlights: [亮點]\nnext_quarter: [持續辦理]\n"
# the KPI's actual too: a filing that leaves out a KPI owed that year is warned (SC305)
GOOD_STATUS = 'quarter: {quarter}\nagency: nstc\nwork_items:\n  "1-1/1.1.1": {{status: 完成, completed: 111/3/1}}\nkpis:\n  "1.1.1": {{actual: 1}}\n' + _TEXTS
# the same without the completion date: SC206 on line 4
BAD_STATUS = 'quarter: {quarter}\nagency: nstc\nwork_items:\n  "1-1/1.1.1": {{status: 完成}}\nkpis:\n  "1.1.1": {{actual: 1}}\n' + _TEXTS


class Repo:
    """A git working tree in `path`."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def git(self, *args: str) -> str:
        result = subprocess.run(["git", "-C", str(self.path), *args], capture_output=True, text=True, check=False)
        assert result.returncode == 0, (args, result.stderr)
        return result.stdout.strip()

    def write(self, relative: str, text: str) -> Path:
        path = self.path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def append(self, relative: str, text: str) -> None:
        path = self.path / relative
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")

    def move(self, old: str, new: str) -> None:
        (self.path / new).parent.mkdir(parents=True, exist_ok=True)
        self.git("mv", old, new)

    def commit(self, message: str) -> str:
        self.git("add", "--all")
        self.git("commit", "--quiet", "--no-verify", "-m", message)
        return self.git("rev-parse", "HEAD")


def plan_repository(path: Path) -> Repo:
    """A repository on branch main: the mini fixture's plan/, status/README.md and moea's filing for 111Q1, committed."""
    path.mkdir(parents=True)
    repo = Repo(path)
    repo.git("init", "--quiet", "--initial-branch=main")
    shutil.copytree(MINI / "plan", path / "plan")
    repo.write("status/README.md", "# status\n")
    repo.write("status/111Q1/moea.yaml", 'quarter: 111Q1\nagency: moea\nwork_items:\n  "1-1/1.1.2": {status: 進行中}\n')
    repo.write("sixcore/__init__.py", '"""the project\'s code, as far as these tests care"""\n')
    repo.commit("base: the plan and a first filing")
    return repo
