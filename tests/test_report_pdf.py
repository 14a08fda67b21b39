"""report.pdf: written by a plain `sixcore report` (and alone by --format pdf), printed by headless Chromium from
report.html, read back with pypdf: every overdue id unbroken, a page number and the page foot on every page,
every font embedded; and without a browser, the other files still, or a clear error when the PDF was asked for."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject
from typer.testing import CliRunner

from sixcore.audit import load_context
from sixcore.calendar import Quarter
from sixcore.cli import app
from sixcore.standing import Standings
from tests.browser import requires_chromium
from tests.clirun import run

runner = CliRunner()
OTHER_FILES = {"report.md", "report.html", "items.csv", "report.json", "report.ods"}


def page_texts(pdf: Path) -> list[str]:
    """Each page's text as a reader searching or copying it gets it: not normalised, so a font that copies 頁 as the
    radical ⾴ (U+2F74) fails the tests below."""
    return [page.extract_text() for page in PdfReader(pdf).pages]


def body_pages(texts: list[str]) -> int:
    """Pages before the first appendix: the first page with a line starting 附錄 (or Appendix) is not body."""
    heading = re.compile(r"^(附錄|Appendix)", re.M)
    return next((number for number, text in enumerate(texts) if heading.search(text)), len(texts))


def test_body_pages_counts_up_to_the_first_appendix_heading():
    # by hand: the heading opens the third page, so two pages of body; a mention inside a line is no heading
    assert body_pages(["一、總覽", "見附錄一", "附錄一、各機關\n...", "附錄二"]) == 2
    assert body_pages(["一、總覽", "二、燈號"]) == 2


@pytest.fixture(scope="module")
def printed(demo: Path) -> Path:
    """A plain `sixcore report` of the synthetic set at 113Q2 (the test using it is marked prints_pdf)."""
    result = run("report", "--root", str(demo), "--quarter", "113Q2")
    assert result.exit_code == 0, result.output
    out = demo / "reports" / "113Q2"
    assert {path.name for path in out.iterdir()} == {*OTHER_FILES, "report.pdf"}
    assert str(out / "report.pdf") in result.output
    return out / "report.pdf"


@requires_chromium
@pytest.mark.prints_pdf
class TestPrinted:

    def test_every_overdue_id_unbroken(self, demo: Path, printed: Path):
        context, _ = load_context(demo, Quarter.parse("113Q2"))
        overdue = [standing.id for standing in Standings.of(context).items.values() if standing.is_overdue]
        assert len(overdue) > 100  # the synthetic set at 113Q2 has a couple of hundred: the check below means something
        words = set(" ".join(page_texts(printed)).split())
        assert [item_id for item_id in overdue if item_id not in words] == []

    def test_page_number_issuer_and_date_on_every_page(self, printed: Path):
        texts = page_texts(printed)
        assert len(texts) > 10
        for number, text in enumerate(texts, start=1):
            assert f"第 {number} 頁，共 {len(texts)} 頁" in text, number
            assert "國家發展委員會" in text and "基準日 113/6/30" in text, number

    def test_wide_tables_on_landscape_pages(self, printed: Path):
        # the work-item tables carry eleven columns: they are printed across the page, the overview is not
        sizes = [(float(page.mediabox.width), float(page.mediabox.height)) for page in PdfReader(printed).pages]
        assert sizes[0][0] < sizes[0][1]
        assert any(width > height for width, height in sizes)

    def test_body_before_the_appendices_at_most_20_pages(self, printed: Path):
        texts = page_texts(printed)
        assert body_pages(texts) <= 20
        assert any(re.search(r"^附錄一　各機關填報情形", text, re.M) for text in texts)  # as written: 一, not the radical ⼀

    def test_every_font_embedded_and_searchable(self, printed: Path):
        """Every font is a font program in the file (FontFile2: TrueType, as AR PL UMing TW and DejaVu Sans are), with a
        ToUnicode map so its text can be found; no Type 3 outlines (how Chromium embeds CFF faces and synthesised bold)."""
        fonts = {id(font): font for page in PdfReader(printed).pages for font in _fonts(page["/Resources"])}
        assert fonts
        for font in fonts.values():
            assert "/ToUnicode" in font and font["/Subtype"] != "/Type3", font.get("/BaseFont")
            described = font["/DescendantFonts"][0].get_object() if font["/Subtype"] == "/Type0" else font
            descriptor = described["/FontDescriptor"].get_object()
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), font.get("/BaseFont")


def _fonts(resources: DictionaryObject) -> list[DictionaryObject]:
    return [font.get_object() for font in resources.get_object().get("/Font", {}).values()]


@requires_chromium
@pytest.mark.prints_pdf
def test_format_pdf_writes_only_the_pdf(mini: Path, tmp_path: Path):
    out = tmp_path / "out"
    result = run("report", "--root", str(mini), "--format", "pdf", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert [path.name for path in out.iterdir()] == ["report.pdf"]
    assert result.output.strip() == f"報告已寫入 {out / 'report.pdf'}"
    assert (out / "report.pdf").read_bytes().startswith(b"%PDF")


def test_without_a_browser_the_other_files_and_a_warning(mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("SIXCORE_CHROMIUM", str(tmp_path / "chromium"))
    result = run("report", "--root", str(mini), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert {path.name for path in (tmp_path / "out").iterdir()} == OTHER_FILES
    assert f"未產製 report.pdf：找不到 Chromium（SIXCORE_CHROMIUM={tmp_path / 'chromium'}）" in result.stderr
    assert "fonts-arphic-uming" in result.stderr and "Traceback" not in result.output


def test_without_a_browser_format_pdf_fails_clearly(mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("SIXCORE_CHROMIUM", str(tmp_path / "chromium"))
    result = runner.invoke(app, ["report", "--root", str(mini), "--format", "pdf", "--out", str(tmp_path / "out"), "--lang", "en"])
    assert result.exit_code == 1
    assert result.stderr.startswith("sixcore: report.pdf not written: no Chromium found")
    assert "apt-get install chromium fonts-arphic-uming" in result.stderr and "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_a_browser_that_fails_is_a_clear_error(mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    broken = tmp_path / "chromium"
    broken.write_text("#!/bin/sh\necho 'cannot open display' >&2\nexit 3\n")
    broken.chmod(0o755)
    monkeypatch.setenv("SIXCORE_CHROMIUM", str(broken))
    result = runner.invoke(app, ["report", "--root", str(mini), "--format", "pdf", "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert f"Chromium（{broken}）列印失敗：cannot open display" in result.stderr
