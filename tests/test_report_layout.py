"""report.html's print layout without a browser: column widths worked out from the contents, landscape pages for
tables too wide for portrait ones (report.pdf prints this HTML; tests/test_report_pdf.py reads the result)."""

from __future__ import annotations

from sixcore.messages import Lang
from sixcore.render.report_html import format_report_html
from sixcore.render.report_tables import Section, Table


def test_column_widths_worked_out_by_hand():
    small = Table("small", "T", ["編號", "說明"], [["1-2/1.1.1", "短"]])
    html = format_report_html("t", [Section("s", "S", tables=[small])], Lang.zh)
    # by hand (em at 8 pt, 0.9 padding): 編號 needs its id whole, 9 ASCII × 0.6 = 5.4 (+0.9 = 6.3); 說明 its header,
    # 2 × 1.05 bold = 2.1 (+0.9 = 3.0). 9.3 em is under half the 64 em portrait width: the table keeps it, 9.3/64 = 14.5 %
    assert '<table id="table-small" class="short" style="width: 14.5%">' in html  # one row: kept on one page
    assert '<colgroup><col style="width: 67.7%"><col style="width: 32.3%"></colgroup>' in html
    assert '<td class="atom">1-2/1.1.1</td>' in html and 'class="wide"' not in html


def test_a_table_too_wide_for_portrait_gets_landscape_pages():
    headers = ["編號", "重點工作項目", "期程", "主辦機關", "狀態", "預定進度%", "實際進度%", "落差", "落後原因", "因應對策"]
    text = "推動國產化並建立完整供應鏈及驗證平台以利產業升級"  # 24 characters a cell: three text columns want 75 em
    row = ["1-2/1.1.1", text, "110/1-113/12", "經濟部", "進度正常", 50, 40, 10, text, text]
    wide = Table("wide", "W", headers, [row] * 5)
    html = format_report_html("t", [Section("first", "F", tables=[wide]), Section("later", "L", tables=[Table("small", "T", ["a"], [["b"]]), wide])], Lang.zh)
    # the first table of a section takes the section (and its heading) onto landscape pages; a later one its own
    assert '<section id="first" class="wide"' in html and '<section id="later" aria-labelledby' in html
    assert '<div class="wide"><table id="table-wide" class="short">' in html
    assert "@page wide { size: A4 landscape; }" in html


def test_a_table_of_more_than_fifteen_rows_may_break_across_pages():
    rows = [[f"1-2/1.1.{n}", "短"] for n in range(16)]
    html = format_report_html("t", [Section("s", "S", tables=[Table("long", "T", ["編號", "說明"], rows[:15]),
                                                             Table("longer", "T", ["編號", "說明"], rows)])], Lang.zh)
    assert '<table id="table-long" class="short"' in html and '<table id="table-longer" style=' in html
