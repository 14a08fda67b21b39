"""report.html as a browser shows it: headline, headings, table headers, lights in words; one A4-printable file."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sixcore.cli import app
from tests.browser import dump_dom, print_to_pdf, requires_chromium, visible_text
from tests.synthetic.make_demo import make_demo

pytestmark = requires_chromium
runner = CliRunner()


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    demo = make_demo(tmp_path_factory.mktemp("demo") / "repo")
    out = demo / "reports" / "113Q2"
    result = runner.invoke(app, ["report", "--root", str(demo), "--quarter", "113Q2", "--measure", "1-1", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_html_renders_in_chromium(written: Path):
    data = json.loads((written / "report.json").read_text(encoding="utf-8"))
    dom = dump_dom(written / "report.html")
    text = visible_text(dom)
    assert "六大核心戰略產業推動方案" in text and "基準日：113/6/30" in text
    assert f"逾期 {len(data['overdue'])} 項；未填報 {len(data['unreported'])} 項" in text
    # the body's six sections and the pictures, then 附錄一 (and a section per agency due or filed), 附錄二 and 附錄三
    assert len(re.findall(r"<h2\b", dom)) == 6 + 1 + 1 + len(data["agencies"]) + 2 and '<th scope="col">燈號</th>' in dom
    for item_id in data["overdue"]:  # every overdue item is on the page, with its light in words
        rows = re.findall(rf"<tr><td[^>]*>{re.escape(item_id)}</td>.*?</tr>", dom)
        assert any("嚴重落後" in row for row in rows), item_id
    assert 'aria-hidden="true">●' in dom  # the dot is decoration; the word is what is read


def test_html_is_self_contained(written: Path):
    html = (written / "report.html").read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html) and "@import" not in html and "<script" not in html


def test_html_prints_on_a4(written: Path, tmp_path: Path):
    pdf = tmp_path / "report.pdf"
    pages = print_to_pdf(written / "report.html", pdf)
    assert pages >= 1
    width, height = (float(value) for value in re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", pdf.read_bytes()).groups())
    assert (round(width), round(height)) == (595, 842)  # A4 in points
