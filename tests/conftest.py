"""Shared fixtures: the repository's own plan, the synthetic status set, and a small fixture repository to break on purpose."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.synthetic.make_demo import make_demo

REPO = Path(__file__).resolve().parent.parent
MINI = Path(__file__).resolve().parent / "fixtures" / "mini"


@pytest.fixture(autouse=True)
def outside_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests see the plain environment even when CI itself runs under GitHub Actions: `--format auto` means text,
    and nothing is appended to the real job summary. A test of the GitHub format sets these itself."""
    for name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def default_file_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    """The loader's limits as shipped, even in a shell that raised them (SIXCORE_FILE_LIMIT_MB): the tests of
    SC020–SC022 count on them. A test of the variable sets it itself."""
    monkeypatch.delenv("SIXCORE_FILE_LIMIT_MB", raising=False)


@pytest.fixture(autouse=True)
def no_browser_unless_printing(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """`sixcore report` prints report.pdf with Chromium, 1–5 s a report: only tests marked `prints_pdf` get the
    browser; the others run `report` as on a machine without one (every other file, and a warning)."""
    if "prints_pdf" not in request.keywords:
        monkeypatch.setenv("SIXCORE_CHROMIUM", str(REPO / "tests" / "no-such-browser"))


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A writable copy of the minimal fixture repository."""
    root = tmp_path / "repo"
    shutil.copytree(MINI, root)
    return root


@pytest.fixture(scope="session")
def real_plan():
    from sixcore.load.loader import load_plan

    return load_plan(REPO)


@pytest.fixture
def git_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """git with a fixed identity and dates and no user or system config, for this test and what it runs (tests/gitrepo.py)."""
    from tests.gitrepo import GIT_ENV

    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_CEILING_DIRECTORIES"):
        monkeypatch.delenv(name, raising=False)
    for name, value in GIT_ENV.items():
        monkeypatch.setenv(name, value)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The synthetic status set (tests/synthetic/make_demo.py) beside the real plan, made once per test module."""
    return make_demo(tmp_path_factory.mktemp("demo") / "repo")
