"""The text rendering of problems, in colour: written here line by line, with the codes rich would write."""

from __future__ import annotations

from pathlib import Path

from sixcore.messages import Lang
from sixcore.problem import Problem, Severity
from sixcore.render.problems import format_text

# SGR codes as a terminal reads them: 1 bold, 4 underline, 2 dim, 31 red, 33 yellow, 0 reset
BOLD_UNDERLINE, BOLD_RED, YELLOW, DIM, BOLD, RESET = "\x1b[1;4m", "\x1b[1;31m", "\x1b[33m", "\x1b[2m", "\x1b[1m", "\x1b[0m"
HINT = "      → remove or merge the duplicate; otherwise one value silently replaces the other."


def duplicate(path: str, line: int, severity: Severity, key: str) -> Problem:
    return Problem(Path(path), line, 1, "SC002", severity, {"key": key, "first_line": 1})


def test_colour_text_is_each_piece_between_its_style_codes():
    problems = [duplicate("plan/x.yaml", 3, Severity.ERROR, "a"), duplicate("status/113Q4/moea.yaml", 2, Severity.WARNING, "b")]
    # worked out by hand: file name bold underlined, severity word in its colour, code and hint dim, summary bold
    expected = (
        f"{BOLD_UNDERLINE}plan/x.yaml{RESET}\n"
        f"  3:1  {BOLD_RED}error{RESET}  key 'a' appears twice (first on line 1)  {DIM}(SC002 duplicate-key){RESET}\n"
        f"{DIM}{HINT}{RESET}\n\n"
        f"{BOLD_UNDERLINE}status/113Q4/moea.yaml{RESET}\n"
        f"  2:1  {YELLOW}warning{RESET}  key 'b' appears twice (first on line 1)  {DIM}(SC002 duplicate-key){RESET}\n"
        f"{DIM}{HINT}{RESET}\n\n"
        f"{BOLD}1 error, 1 warning, 0 info{RESET}\n"
    )
    assert format_text(problems, Lang.en, color=True) == expected


def test_a_line_that_is_not_all_printable_is_left_to_rich_and_comes_out_the_same():
    # a zero-width space is not printable (so that line is printed by rich itself) but is no control character
    # either, so the problem keeps it as it is: the line must read exactly as a printable one would
    problems = [duplicate("plan/x.yaml", 3, Severity.ERROR, "a\u200b")]
    lines = format_text(problems, Lang.en, color=True).splitlines()
    assert lines[1] == f"  3:1  {BOLD_RED}error{RESET}  key 'a\u200b' appears twice (first on line 1)  {DIM}(SC002 duplicate-key){RESET}"
    assert lines[0] == f"{BOLD_UNDERLINE}plan/x.yaml{RESET}"
