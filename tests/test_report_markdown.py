"""report.md's tables: GitHub-flavoured Markdown as tabulate's "github" format writes it, without tabulate's per-cell
general path for plain one-line cells."""

from __future__ import annotations

import pytest
from tabulate import tabulate

from sixcore.render.report_markdown import _github_table


def test_table_worked_out_by_hand():
    """Each column as wide as its widest stripped cell and at least its header and two more (ID: 9 from the id; 狀態:
    2 + 2 = 4 over 進行中's 3); a cell is stripped, then padded on the right; the rule under the header is a column's width
    and the two spaces around its cells."""
    assert _github_table(["ID", "狀態"], [[" 1-1/1.1.1 ", "進行中"], ["2-1/1.1.1", ""]]).split("\n") == [
        "| ID        | 狀態   |",
        "|-----------|------|",
        "| 1-1/1.1.1 | 進行中  |",
        "| 2-1/1.1.1 |      |",
    ]


@pytest.mark.parametrize(("headers", "rows"), [
    (["a", "bb"], [[" x ", ""], ["True", "1"]]),  # tabulate types True as a bool and 1 as text here: both print as they are
    (["ID"], [["False"], ["True"]]),
    (["數值", "x"], [["１２", "  "], ["", "\u3000全形\u3000"]]),  # a full-width space is whitespace, stripped too
    (["long header here"], [["1,234.5"], ["-3"]]),
    (["h"], [["a\x1b[31mred\x1b[0m"]]),  # ANSI codes: tabulate's own width, which leaves them out
    (["h"], [["a\rb"]]),  # a line break: tabulate's multi-line row
    (["h", "g"], [["\x01", "x"]]),  # tabulate's separating line
])
def test_same_as_tabulate(headers: list[str], rows: list[list[str]]):
    assert _github_table(headers, rows) == tabulate(rows, headers=headers, tablefmt="github", disable_numparse=True)
