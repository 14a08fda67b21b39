"""Problem formatters: text (rich, for agency readers), parsable, github (Actions annotations), json."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence
from enum import Enum
from io import StringIO
from itertools import groupby

from sixcore.messages import SEVERITY_WORDS, Lang, describe, hint, rule_name
from sixcore.problem import Problem, Severity


class OutputFormat(str, Enum):
    auto = "auto"
    text = "text"
    parsable = "parsable"
    github = "github"
    json = "json"


_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def summary_line(problems: Sequence[Problem], lang: Lang) -> str:
    counts = Counter(problem.severity for problem in problems)
    if lang is Lang.zh:
        return f"錯誤 {counts[Severity.ERROR]} 項、警告 {counts[Severity.WARNING]} 項、資訊 {counts[Severity.INFO]} 項"
    def count(n: int, word: str) -> str:
        return f"{n} {word}" + ("s" if n != 1 and word != "info" else "")

    return f"{count(counts[Severity.ERROR], 'error')}, {count(counts[Severity.WARNING], 'warning')}, {count(counts[Severity.INFO], 'info')}"


def format_text(problems: Sequence[Problem], lang: Lang = Lang.zh, color: bool = False, verbose: bool = False, width: int = 100) -> str:
    """Grouped by file, one problem per line with position, severity word, message, code; then what to do."""
    shown = [problem for problem in problems if verbose or problem.severity is not Severity.INFO]
    hidden = len(problems) - len(shown)
    tail = summary_line(problems, lang)
    if hidden:
        tail += f"（另有 {hidden} 項資訊，加 -v 顯示）" if lang is Lang.zh else f" ({hidden} info hidden; -v shows them)"
    return _lines_text(shown, tail, lang, width, color)


Segment = tuple[str, str]  # text and its rich style ("" for none)


def _lines_text(shown: Sequence[Problem], tail: str, lang: Lang, width: int, color: bool) -> str:
    """format_text's lines, byte for byte as rich prints them, without rich's per-line rendering (most of the time
    of thousands of problems): a line of printable characters only is written here, each styled piece between the
    codes rich writes for its style (asked of rich once a style), and any other line (a tab, a control character)
    is printed by rich itself."""
    out: list[str] = []
    console = None
    codes: dict[str, tuple[str, str]] = {}

    def rich_print(segments: Sequence[Segment]) -> str:
        nonlocal console
        from rich.text import Text

        if console is None:
            from rich.console import Console

            console = Console(file=StringIO(), force_terminal=color, no_color=not color, width=width, highlight=False, soft_wrap=True)
        buffer = console.file
        assert isinstance(buffer, StringIO)
        buffer.seek(0)
        buffer.truncate()
        line = Text()
        for text, style in segments:
            line.append(text, style=style or None)
        console.print(line)
        return buffer.getvalue()

    def styled(text: str, style: str) -> str:
        if not (color and style and text):
            return text
        if style not in codes:
            before, _, after = rich_print([("X", style)]).rpartition("\n")[0].partition("X")
            codes[style] = (before, after)
        before, after = codes[style]
        return before + text + after

    def emit(*segments: Segment) -> None:
        if all(text.isprintable() for text, _ in segments):
            out.append("".join(styled(text, style) for text, style in segments) + "\n")
        else:
            out.append(rich_print(segments))

    for path, group in groupby(shown, key=lambda problem: str(problem.path)):
        emit((path, "bold underline"))
        for problem in group:
            emit((f"  {problem.position}  ", ""), (SEVERITY_WORDS[problem.severity][lang.value], _STYLE[problem.severity]),
                 (f"  {describe(problem, lang)}  ", ""), (f"({problem.code} {rule_name(problem.code)})", "dim"))
            emit((f"      → {hint(problem, lang)}", "dim"))
        out.append("\n")
    emit((tail, "bold"))
    return "".join(out)


def format_parsable(problems: Sequence[Problem], lang: Lang = Lang.zh) -> str:
    """`path:line:col: [severity] message (CODE)`, one per line, for editors and grep."""
    return "".join(
        f"{problem.path}:{problem.position}: [{problem.severity.value}] {describe(problem, lang)} ({problem.code})\n"
        for problem in problems
    )


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def format_github(problems: Sequence[Problem], lang: Lang = Lang.zh) -> str:
    """GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`."""
    return "".join(
        f"::{_GITHUB_LEVEL[problem.severity]} file={_escape_property(str(problem.path))},line={problem.line},"
        f"col={problem.column},title={_escape_property(problem.code + ' ' + rule_name(problem.code))}::"
        f"{_escape_data(describe(problem, lang) + ' — ' + hint(problem, lang))}\n"
        for problem in problems
    )


def format_json(problems: Sequence[Problem], lang: Lang = Lang.zh) -> str:
    """Language-neutral fields plus the message in `lang`."""
    return json.dumps(
        [
            {
                "path": str(problem.path), "line": problem.line, "column": problem.column,
                "severity": problem.severity.value, "code": problem.code, "rule": rule_name(problem.code),
                "params": problem.params, "message": describe(problem, lang),
                **({"cell": problem.cell} if problem.cell is not None else {}),
            }
            for problem in problems
        ],
        ensure_ascii=False, indent=2, default=str,
    ) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def format_markdown_summary(problems: Sequence[Problem], lang: Lang = Lang.zh) -> str:
    """All problems as a Markdown table, for $GITHUB_STEP_SUMMARY (annotations show only the first 10)."""
    header = "| 檔案:行 | 嚴重度 | 說明 | 代碼 |\n|---|---|---|---|\n" if lang is Lang.zh else "| file:line | severity | message | code |\n|---|---|---|---|\n"
    rows = "".join(
        f"| `{problem.path}:{problem.cell or problem.line}` | {SEVERITY_WORDS[problem.severity][lang.value]} | {_cell(describe(problem, lang))} | {problem.code} |\n"
        for problem in problems
    )
    return f"## sixcore check\n\n{summary_line(problems, lang)}\n\n" + (header + rows if problems else "")


PlainFormatter = Callable[[Sequence[Problem], Lang], str]
FORMATTERS: dict[OutputFormat, PlainFormatter] = {
    OutputFormat.parsable: format_parsable,
    OutputFormat.github: format_github,
    OutputFormat.json: format_json,
}
