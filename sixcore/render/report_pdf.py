"""report.pdf: the report's own HTML printed by headless Chromium (HTML in, PDF bytes out).

Chromium rather than a Python PDF library: it is the browser the HTML tests already drive, it lays out CJK text,
tables split across pages with repeated headers and CSS named pages (landscape) as a reader's browser prints
them, and since 131 it draws CSS page-margin boxes, so page numbers and the running foot are plain CSS in
report_html.py. It embeds the fonts it uses; for Chinese text the Ming face AR PL UMing TW (Debian: fonts-arphic-uming).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from sixcore.messages import PRINT_WORDS, Lang, word

BROWSER_VARIABLE = "SIXCORE_CHROMIUM"
_NAMES = ("chromium", "chromium-browser", "google-chrome")
_TIMEOUT_S = 180
_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--disable-background-networking",
          "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions"]


class PdfUnavailable(Exception):
    """report.pdf could not be made: no browser, or the browser failed. Said in the report's language."""

    def __init__(self, key: str, **params: str) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def text(self, lang: Lang) -> str:
        return word(PRINT_WORDS, self.key, lang).format(**self.params)


def find_chromium() -> str:
    """$SIXCORE_CHROMIUM when set (it must run), else the first of chromium, chromium-browser, google-chrome on PATH."""
    chosen = os.environ.get(BROWSER_VARIABLE)
    if chosen:
        if found := shutil.which(chosen):
            return found
        raise PdfUnavailable("no_browser", tried=f"{BROWSER_VARIABLE}={chosen}")
    if found := next((path for name in _NAMES if (path := shutil.which(name))), None):
        return found
    raise PdfUnavailable("no_browser", tried=", ".join(_NAMES))


def print_pdf(html: bytes) -> bytes:
    """The page printed on A4 as its print CSS says (margins, landscape pages, the page foot); PdfUnavailable if it cannot be."""
    browser = find_chromium()
    with tempfile.TemporaryDirectory(prefix="sixcore-pdf-") as folder:
        page, pdf = Path(folder) / "report.html", Path(folder) / "report.pdf"
        page.write_bytes(html)
        command = [browser, *_FLAGS, f"--user-data-dir={Path(folder) / 'profile'}", f"--print-to-pdf={pdf}", page.as_uri()]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=_TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired:
            raise PdfUnavailable("print_failed", browser=browser, detail=f"> {_TIMEOUT_S} s") from None
        except OSError as error:
            raise PdfUnavailable("print_failed", browser=browser, detail=error.strerror or str(error)) from None
        content = pdf.read_bytes() if pdf.exists() else b""
        if done.returncode != 0 or not content.startswith(b"%PDF"):
            last = (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1]
            raise PdfUnavailable("print_failed", browser=browser, detail=last)
        return content
