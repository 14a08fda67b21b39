"""Headless Chromium for tests of the HTML outputs (report, gantt): the page as a browser builds it.

`.ci/run` installs Debian's chromium and sets SIXCORE_REQUIRE_BROWSER=1, so in CI a missing browser fails
the tests instead of skipping them; on a developer machine without it they are skipped with a reason.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

CHROMIUM = next((found for name in ("chromium", "chromium-browser", "google-chrome") if (found := shutil.which(name))), None)

requires_chromium = pytest.mark.skipif(
    CHROMIUM is None and os.environ.get("SIXCORE_REQUIRE_BROWSER") != "1",
    reason="headless Chromium not installed (apt-get install chromium); CI installs it",
)

_QUIET = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
          "--disable-sync", "--no-first-run", "--disable-extensions", "--hide-scrollbars"]


def _chromium(page: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    if CHROMIUM is None:
        pytest.fail("SIXCORE_REQUIRE_BROWSER=1 but no chromium on PATH")
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [CHROMIUM, *_QUIET, f"--user-data-dir={profile}", *arguments, page.resolve().as_uri()],
            capture_output=True, text=True, timeout=120, check=True,
        )


def dump_dom(page: Path) -> str:
    """The DOM after the browser has parsed (and run) the page, as HTML text."""
    return _chromium(page, "--dump-dom", "--virtual-time-budget=2000").stdout


def screenshot(page: Path, png: Path, width: int = 1280, height: int = 900) -> Path:
    _chromium(page, f"--screenshot={png}", f"--window-size={width},{height}")
    return png


def print_to_pdf(page: Path, pdf: Path) -> int:
    """Print the page as the browser would on paper; returns the number of pages."""
    _chromium(page, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))


def visible_text(dom: str) -> str:
    """The text of a dumped DOM without tags, scripts and styles, whitespace collapsed."""
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", dom, flags=re.S | re.I)
    text = re.sub(r"<[^>]+>", " ", body)
    return re.sub(r"\s+", " ", text.replace("&nbsp;", " ").replace("&amp;", "&")).strip()
