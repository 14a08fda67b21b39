"""Shared fixtures: the repository's own plan, and a small fixture repository to break on purpose."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
MINI = Path(__file__).resolve().parent / "fixtures" / "mini"


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
