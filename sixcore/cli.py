"""The command line: parses arguments, calls one core function, renders, returns an exit code."""

from __future__ import annotations

import functools
import gc
import json
import os
import shutil
import sys
import traceback
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional, ParamSpec, TypeVar, overload

import typer

from sixcore.errors import SixcoreUserError
from sixcore.messages import Lang
from sixcore.render.problems import OutputFormat

# A run makes hundreds of thousands of objects that live until it ends (the loaded files, their models, the
# standings); at the default thresholds the cyclic collector rescans them over and over, a fifth of `check`'s time
# at x10. Young garbage is still collected; full collections are left for the rare heap that keeps growing.
gc.set_threshold(50_000, 50, 100)

if TYPE_CHECKING:  # imported where used at run time, to keep start-up quick
    from sixcore.audit import Chosen
    from sixcore.calendar import Quarter, RocMonth
    from sixcore.load.status import AuditContext
    from sixcore.problem import Problem

app = typer.Typer(
    name="sixcore",
    help="推動方案里程碑與 KPI 管考工具（方案見 plan/programme.yaml）/ milestone and KPI auditor for the programme under plan/.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain help, the same whatever typer release is installed: option values named in words (QUARTER, DIR)
    # through metavar, flags without a value, and no Python type names.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 120},
)

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")

_debug = False


def handle_user_errors(command: Callable[P, R]) -> Callable[P, R]:
    """The one error boundary: user errors → message, exit 2; anything else → bug note (traceback with --debug)."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.Abort):
            raise
        except BrokenPipeError:
            # the reader went away (sixcore report | head): stop quietly, as a command-line tool does
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(141) from None
        except SixcoreUserError as error:
            typer.secho(f"sixcore: {error}", fg=typer.colors.RED, err=True)
            raise typer.Exit(2) from None
        except Exception as error:  # noqa: BLE001 — the boundary that keeps tracebacks from users
            if _debug:
                traceback.print_exc()
            typer.secho(
                f"sixcore: 內部錯誤 / internal error: {type(error).__name__}: {error}\n"
                "這是 sixcore 的錯誤，請回報並附上 --debug 的輸出 / this is a bug in sixcore; please report it with the output of --debug.",
                fg=typer.colors.RED, err=True,
            )
            raise typer.Exit(2) from None

    return wrapper


def _choices(kind: type[Enum]) -> str:
    """The metavar of an option with fixed values: the values themselves."""
    return "[" + "|".join(str(member.value) for member in kind) + "]"


def _print_version(wanted: bool) -> None:
    if wanted:
        from importlib.metadata import version

        typer.echo(f"sixcore {version('sixcore')}")
        raise typer.Exit()


@app.callback()
def main(
    debug: Annotated[bool, typer.Option("--debug", help="內部錯誤時顯示完整追蹤 / show tracebacks of internal errors")] = False,
    _version: Annotated[bool, typer.Option("--version", callback=_print_version, is_eager=True, help="顯示版本 / show the version and exit")] = False,
) -> None:
    global _debug
    _debug = debug


RootOption = Annotated[Optional[Path], typer.Option("--root", metavar="DIR", help="方案資料庫根目錄 / repository root (default: nearest folder with plan/)")]
LangOption = Annotated[Lang, typer.Option("--lang", metavar=_choices(Lang), help="訊息語言 / message language")]


def _root(root: Optional[Path]) -> Path:
    from sixcore.audit import find_root

    if root is not None and not (root / "plan").is_dir():
        raise SixcoreUserError("此目錄下沒有 plan/ / no plan/ folder here", path=root)
    return root if root is not None else find_root(Path("."))


def _agency_ids(context: AuditContext, texts: list[str] | None) -> tuple[str, ...]:
    """--agency values as registry ids: an id in any case or a name; a typo gets the nearest ids suggested."""
    registry = context.plan.agencies.model if context.plan.agencies else None
    if registry is None:
        return tuple(texts or ())
    ids = []
    for text in texts or ():
        found = registry.find(text)
        if found is None:
            near = registry.near(text)
            guess = "、".join(f"{agency}（{registry.by_id[agency].short}）" for agency in near)
            raise SixcoreUserError(
                f"未知的機關「{text}」" + (f"；您是否指 {guess}？" if near else "；") + "可用 sixcore agencies 列出全部機關代碼"
                f" / unknown agency {text!r}" + (f"; did you mean {', '.join(near)}?" if near else ";") + " sixcore agencies lists every id")
        ids.append(found)
    return tuple(ids)


def _use_color() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _parsed(text: Optional[str], parse: Callable[[str], T], what_zh: str, example: str, what_en: str) -> T | None:
    """An ROC date option parsed, or a user error that says how to write it."""
    from sixcore.calendar import RocDateError

    if text is None:
        return None
    try:
        return parse(text)
    except RocDateError as error:
        raise SixcoreUserError(f"{what_zh}「{text}」無效，請寫成 {example} / invalid {what_en} {text!r}: {error.detail}") from None


@overload
def _quarter(text: str) -> Quarter: ...
@overload
def _quarter(text: Optional[str]) -> Quarter | None: ...


def _quarter(text: Optional[str]) -> Quarter | None:
    from sixcore.calendar import Quarter

    return _parsed(text, Quarter.parse, "季別", "113Q2", "quarter")


def _as_of(context: AuditContext, base: Path, text: Optional[str]) -> tuple[Quarter, Chosen]:
    """--quarter, else the default (the latest filed, else now, but not after the programme's end), and why;
    the context is judged as of it."""
    from sixcore.audit import Chosen, default_quarter

    given = _quarter(text)
    programme = context.plan.programme.model if context.plan.programme else None
    as_of, chosen = (given, Chosen.given) if given else default_quarter(base, last=programme.period.months.end.quarter if programme else None)
    context.as_of = as_of
    return as_of, chosen


QuarterOption = Annotated[Optional[str], typer.Option("--quarter", metavar="QUARTER", help="基準季別，如 113Q2（預設：status/ 最新一季）/ as-of quarter (default: the latest in status/)")]

# report and gantt narrow alike (sixcore.scope.Scope)
MeasureOption = Annotated[Optional[list[str]], typer.Option("--measure", "-m", metavar="MEASURE", help="只看這些措施，如 1-2（可重複）/ only these measures")]
IndustryOption = Annotated[Optional[list[int]], typer.Option("--industry", "-i", metavar="INDUSTRY", help="只看這些產業，如 4（可重複）/ only these industries, e.g. 4")]
AgencyOption = Annotated[Optional[list[str]], typer.Option(
    "--agency", "-a", metavar="AGENCY", help="只看此機關（含所屬單位與改制後機關）主辦或協辦者，如 moea / only work items this body leads or co-leads")]

# report and gantt show something even when nothing is filed: they fall back to the quarter we are in
CurrentQuarterOption = Annotated[Optional[str], typer.Option(
    "--quarter", metavar="QUARTER", help="基準季別，如 113Q2（預設：status/ 最新一季，若無則本季，不晚於方案最後一季）/ as-of quarter (default: the latest in status/, else the current one, never after the programme's last)")]


@app.command()
@handle_user_errors
def check(
    files: Annotated[Optional[list[Path]], typer.Argument(metavar="FILES", hidden=True)] = None,
    quarter: QuarterOption = None,
    root: RootOption = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", metavar=_choices(OutputFormat), help="輸出格式 / output format")] = OutputFormat.auto,
    lang: LangOption = Lang.zh,
    strict: Annotated[bool, typer.Option("--strict", help="警告也視為失敗 / warnings fail too")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="也顯示資訊類訊息 / show info too")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="只顯示錯誤 / errors only")] = False,
) -> None:
    """檢查方案與季度填報 / validate plan/ and status/; exit 0 ok, 1 problems, 2 could not run.

    FILES: 只檢查這些檔案（預設：plan/ 與 status/ 全部）/ only these files (default: all of plan/ and status/).

    Judgments (逾期, 未填報) are made as of the last day of --quarter (default: the latest folder in status/).
    """
    from sixcore.audit import check_repo
    from sixcore.problem import Severity, exit_code
    from sixcore.render.problems import FORMATTERS, format_markdown_summary, format_text, summary_line

    result = check_repo(_root(root), as_of=_quarter(quarter), files=files or ())
    problems = result.problems
    if quiet:
        problems = [problem for problem in problems if problem.severity is Severity.ERROR]
    if fmt is OutputFormat.auto:
        fmt = OutputFormat.github if os.environ.get("GITHUB_ACTIONS") == "true" else OutputFormat.text
    if fmt is OutputFormat.text:
        typer.echo(format_text(problems, lang, color=_use_color(), verbose=verbose), nl=False)
    else:
        typer.echo(FORMATTERS[fmt](problems, lang), nl=False)
        if fmt is OutputFormat.github:
            typer.echo(summary_line(problems, lang), err=True)
    if summary_file := os.environ.get("GITHUB_STEP_SUMMARY"):
        with open(summary_file, "a", encoding="utf-8") as handle:
            handle.write(format_markdown_summary(problems, lang))
    raise typer.Exit(exit_code(result.problems, strict=strict))


@app.command("pr-scope")
@handle_user_errors
def pr_scope(
    base: Annotated[str, typer.Option("--base", metavar="REF", help="拉取請求的基準分支或提交，如 origin/main / the branch or commit the pull request goes into")],
    author: Annotated[Optional[str], typer.Option(
        "--author", metavar="LOGIN", help="拉取請求作者的 GitHub 帳號（協調者不受限）/ the pull request author's GitHub login (coordinators may go beyond)")] = None,
    root: Annotated[Optional[Path], typer.Option("--root", metavar="DIR", help="git 版本庫中的資料夾（預設：目前資料夾）/ a folder in the git repository (default: the current one)")] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", metavar=_choices(OutputFormat), help="輸出格式 / output format")] = OutputFormat.auto,
    lang: LangOption = Lang.zh,
) -> None:
    """拉取請求的範圍：只含一個機關的填報檔 / a pull request's scope: one agency's status files and nothing else.

    Compares HEAD (its commits, not uncommitted edits) with its merge base with --base, as GitHub's "Files changed"
    does (git diff REF...HEAD). If it changes status files, it fails (exit 1) when it also changes any other file,
    carries more than one agency's status files, or deletes one (a rename counts as a deletion), unless --author is a
    coordinator listed in .github/sixcore-scope.yaml as that file is on --base: then these are warnings.
    Exit 2: git missing, not a git repository, or an unknown --base.
    """
    from sixcore.problem import exit_code
    from sixcore.prscope import as_data, check_scope, markdown_summary, overview, verdict
    from sixcore.render.problems import FORMATTERS, format_json, format_text, summary_line

    report = check_scope(root if root is not None else Path("."), base, author)
    if fmt is OutputFormat.auto:
        fmt = OutputFormat.github if os.environ.get("GITHUB_ACTIONS") == "true" else OutputFormat.text
    if fmt is OutputFormat.json:
        typer.echo(json.dumps({**as_data(report), "problems": json.loads(format_json(report.problems, lang))}, ensure_ascii=False, indent=2))
    else:
        aside = fmt is not OutputFormat.text  # words go to stderr when stdout is for machines
        typer.echo(overview(report, lang), err=aside)
        if fmt is OutputFormat.text:
            typer.echo(format_text(report.problems, lang, color=_use_color(), verbose=True), nl=False)
        else:
            typer.echo(FORMATTERS[fmt](report.problems, lang), nl=False)
            typer.echo(summary_line(report.problems, lang), err=True)
        typer.echo("\n".join(verdict(report, lang)), err=aside)
    if summary_file := os.environ.get("GITHUB_STEP_SUMMARY"):
        with open(summary_file, "a", encoding="utf-8") as handle:
            handle.write(markdown_summary(report, lang))
    raise typer.Exit(exit_code(report.problems))


def _refuse_plan_errors(problems: list[Problem], root: Path) -> None:
    """Commands that build on the plan stop when plan/ has errors, listing them on stderr."""
    from sixcore.problem import Severity
    from sixcore.render.problems import format_parsable

    plan_dir = os.path.realpath(root / "plan")  # realpath, not resolve: a link loop is a problem to list, not a crash
    errors = [problem for problem in problems
              if problem.severity is Severity.ERROR and os.path.commonpath([plan_dir, os.path.realpath(problem.path.parent)]) == plan_dir]
    if errors:
        typer.echo(format_parsable(errors, Lang.zh), err=True, nl=False)
        raise SixcoreUserError(f"方案資料有 {len(errors)} 項錯誤，無法執行；請先執行 sixcore check / the plan has {len(errors)} errors; run sixcore check")


class ExportFormat(str, Enum):
    json = "json"


@app.command()
@handle_user_errors
def export(
    root: RootOption = None,
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", metavar=_choices(ExportFormat), help="輸出格式 / output format")] = ExportFormat.json,
) -> None:
    """輸出正規化的方案資料 / print the normalised plan (measures, work items, KPIs, budget)."""
    from sixcore.audit import check_plan

    base = _root(root)
    plan, problems = check_plan(base)
    _refuse_plan_errors(problems, base)
    from sixcore.export import export_plan

    typer.echo(json.dumps(export_plan(plan), ensure_ascii=False, indent=2))


class ReportFormat(str, Enum):
    text = "text"
    json = "json"
    pdf = "pdf"


@app.command()
@handle_user_errors
def report(
    quarter: CurrentQuarterOption = None,
    industry: IndustryOption = None,
    measure: MeasureOption = None,
    agency: AgencyOption = None,
    out: Annotated[Optional[Path], typer.Option("--out", metavar="DIR", help="報告資料夾（預設 reports/<季別>/）/ folder for the report files")] = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", metavar=_choices(ReportFormat), help="text：畫面並寫檔；json：只輸出 report.json；pdf：只寫 report.pdf / text: screen and files; json: print report.json; pdf: write report.pdf only")] = ReportFormat.text,
    rows: Annotated[int, typer.Option("--rows", min=0, metavar="N", help="畫面上每張清單最多列數，0 為全部 / rows per list on screen, 0 for all")] = 15,
    timestamp: Annotated[bool, typer.Option("--timestamp", help="在報告中註記產製時間（預設不加，使相同輸入產生相同檔案）/ stamp the time of writing")] = False,
    lang: LangOption = Lang.zh,
    root: RootOption = None,
) -> None:
    """季度管考報告 / the quarterly compliance report: first what needs attention (overview, lights and progress curves,
    agencies not filed, items overdue or behind with their reasons, KPIs behind, changes, budget), then the appendices
    (附錄: each agency's filing, every work item, every KPI).

    Writes report.md, report.html, items.csv, report.json, report.ods and report.pdf under reports/<quarter>/; the screen
    shows the body only.
    """
    from sixcore.audit import load_for_command
    from sixcore.publish import default_report_dir, render_report_files, render_report_html, write_files
    from sixcore.render.report_charts import curve_lines
    from sixcore.render.report_json import format_report_json
    from sixcore.render.report_pdf import PdfUnavailable, print_pdf
    from sixcore.render.report_tables import report_sections, title
    from sixcore.render.report_text import format_report_text
    from sixcore.report import build_report
    from sixcore.scope import Scope

    base = _root(root)
    context, problems = load_for_command(base)
    _refuse_plan_errors(problems, base)
    as_of, chosen = _as_of(context, base, quarter)
    result = build_report(context, as_of, Scope(tuple(measure or ()), tuple(industry or ()), _agency_ids(context, agency)), chosen)
    if fmt is ReportFormat.json:
        typer.echo(format_report_json(result), nl=False)
        if out is None:
            return
    generated = _now_roc() if timestamp else None
    target = out or default_report_dir(base, result, lang)
    sections = report_sections(result, lang, generated)
    # --format pdf writes the PDF alone: of the other formats only the HTML it is printed from is rendered
    files = {"report.html": render_report_html(result, sections, lang)} if fmt is ReportFormat.pdf else render_report_files(result, sections, lang)
    no_pdf: PdfUnavailable | None = None
    try:
        files["report.pdf"] = print_pdf(files["report.html"])
    except PdfUnavailable as missing:
        if fmt is ReportFormat.pdf:
            typer.secho(f"sixcore: {missing.text(lang)}", fg=typer.colors.RED, err=True)
            raise typer.Exit(1) from None
        no_pdf = missing  # the other formats need no browser: they are written, then a warning says what to install
    written = write_files({"report.pdf": files["report.pdf"]} if fmt is ReportFormat.pdf else files, target)
    if fmt is ReportFormat.text:
        width = shutil.get_terminal_size((120, 40)).columns
        shown = format_report_text(title(result, lang), sections, lang, color=_use_color(), width=width,
                                   max_rows=rows or None, more_in=str(target / "report.html"))
        typer.echo(shown, nl=False)
        typer.echo("".join(f"{line}\n" for line in curve_lines(result, lang)), nl=False)
    if fmt is not ReportFormat.json:
        typer.echo(("報告已寫入 " if lang is Lang.zh else "Written: ") + "、".join(str(path) for path in written))
    if no_pdf:
        typer.secho(("注意：" if lang is Lang.zh else "warning: ") + no_pdf.text(lang), fg=typer.colors.YELLOW, err=True)
    if problems and fmt is not ReportFormat.json:
        typer.echo(f"注意：status/ 有 {len(problems)} 項問題未計入，請執行 sixcore check / {len(problems)} problems in status/ were left out; run sixcore check",
                   err=True)


def _now_roc() -> str:
    import datetime as dt

    from sixcore.calendar import RocDay

    now = dt.datetime.now()
    return f"{RocDay.from_date(now.date())} {now:%H:%M}"


status_app = typer.Typer(help="季度填報檔 / quarterly status files.", no_args_is_help=True)
app.add_typer(status_app, name="status")


class FilingFormat(str, Enum):
    yaml = "yaml"
    ods = "ods"
    xlsx = "xlsx"


class SheetFormat(str, Enum):
    ods = "ods"
    xlsx = "xlsx"


@status_app.command("new")
@handle_user_errors
def status_new(
    quarter: Annotated[str, typer.Option("--quarter", metavar="QUARTER", help="填報季別，如 113Q3 / quarter to report")],
    agency: Annotated[str, typer.Option("--agency", metavar="AGENCY", help="機關代碼，如 moea / agency id from plan/agencies.yaml")],
    root: RootOption = None,
    fmt: Annotated[FilingFormat, typer.Option("--format", metavar=_choices(FilingFormat), help="YAML 或試算表（ods、xlsx）/ YAML or a workbook")] = FilingFormat.yaml,
) -> None:
    """產生待填的季度填報檔（不覆蓋既有檔案）/ write a ready-to-fill status file (never overwrites)."""
    from sixcore.audit import load_context

    base = _root(root)
    context, _ = load_context(base)
    agency_id = _agency_ids(context, [agency])[0]
    if fmt is FilingFormat.yaml:
        from sixcore.template import write_status_template

        path = write_status_template(context, base, _quarter(quarter), agency_id)
        typer.echo(f"已建立 {path}；填寫後請執行 sixcore check {path} / created {path}; fill it in, then run sixcore check {path}")
        return
    from sixcore.sheet.filing import write_status_workbook

    path = write_status_workbook(context, base, _quarter(quarter), agency_id, f".{fmt.value}")
    typer.echo(f"已建立 {path}；填寫後請執行 sixcore status import {path} / created {path}; fill it in, then run sixcore status import {path}")


@status_app.command("import")
@handle_user_errors
def status_import(
    workbook: Annotated[Path, typer.Argument(metavar="WORKBOOK", help="填好的試算表，如 status/113Q3/moea.ods / the filled-in workbook")],
    root: RootOption = None,
    force: Annotated[bool, typer.Option("--force", help="取代內容不同的既有 YAML 檔 / replace an existing YAML file with other content")] = False,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", metavar=_choices(OutputFormat), help="問題的輸出格式 / output format of problems")] = OutputFormat.auto,
    lang: LangOption = Lang.zh,
) -> None:
    """檢查試算表並轉為 YAML 填報檔（有錯誤時不寫入）/ judge a workbook and write it as the status YAML file (not when it has errors).

    Exit 0 written (or already identical), 1 problems (nothing written), 2 could not run.
    """
    from sixcore.audit import load_context
    from sixcore.render.problems import FORMATTERS, format_text
    from sixcore.sheet.filing import import_workbook

    base = _root(root)
    context, _ = load_context(base)
    imported, written = import_workbook(context, base, workbook, force=force)
    if fmt is OutputFormat.auto:
        fmt = OutputFormat.text
    if imported.problems:
        text = format_text(imported.problems, lang, color=_use_color()) if fmt is OutputFormat.text else FORMATTERS[fmt](imported.problems, lang)
        typer.echo(text, nl=False)
    shown = Path(os.path.relpath(imported.target, Path.cwd()))
    if imported.failed:
        typer.echo(f"有錯誤，未寫入 {shown}；請修正試算表後再匯入 / errors: {shown} was not written; fix the workbook and import again", err=True)
        raise typer.Exit(1)
    if written:
        typer.echo(f"已寫入 {shown} / wrote {shown}", err=True)
    else:
        typer.echo(f"{shown} 內容相同，未變更 / {shown} already holds this filing", err=True)


@status_app.command("export-sheet")
@handle_user_errors
def status_export_sheet(
    status_file: Annotated[Path, typer.Argument(metavar="FILE", help="填報檔，如 status/113Q3/moea.yaml / a status YAML file")],
    fmt: Annotated[SheetFormat, typer.Option("--format", metavar=_choices(SheetFormat), help="試算表格式 / workbook format")] = SheetFormat.ods,
    root: RootOption = None,
    force: Annotated[bool, typer.Option("--force", help="取代內容不同的既有試算表 / replace an existing workbook with other content")] = False,
) -> None:
    """將 YAML 填報檔轉為試算表（放在同一資料夾）/ write a status YAML file as a workbook beside it."""
    from sixcore.audit import load_context
    from sixcore.sheet.filing import export_status_workbook

    base = _root(root)
    context, _ = load_context(base)
    path = export_status_workbook(context, base, status_file, f".{fmt.value}", force=force)
    typer.echo(f"已建立 {path} / wrote {path}")


class SchemaName(str, Enum):
    status = "status"
    plan = "plan"
    kpis = "kpis"
    agencies = "agencies"
    budget = "budget"
    lights = "lights"
    programme = "programme"


@app.command()
@handle_user_errors
def schema(name: Annotated[SchemaName, typer.Argument(metavar="KIND", hidden=True)]) -> None:
    """輸出 JSON Schema，供編輯器與 check-jsonschema 使用 / print the JSON Schema for editors and check-jsonschema.

    KIND: status, plan, kpis, agencies, budget, lights, programme.
    """
    from sixcore.schema import render_schema

    typer.echo(render_schema(name.value), nl=False)


@app.command()
@handle_user_errors
def agencies(root: RootOption = None) -> None:
    """列出機關代碼 / list the agency ids: names, units, successors and who files for whom.

    Any command's --agency takes an id in any letter case (MOEA) or a name (經濟部).
    """
    from rich.console import Console
    from rich.table import Table

    from sixcore.audit import load_for_command
    from sixcore.export import agency_rows

    base = _root(root)
    context, problems = load_for_command(base)
    _refuse_plan_errors(problems, base)
    table = Table("代碼 id", "簡稱 short", "名稱 name", "隸屬 unit of", "改制 successor", "由誰填報 files through", box=None, pad_edge=False)
    for row in agency_rows(context.plan):
        table.add_row(*row)
    Console(width=max(shutil.get_terminal_size((160, 40)).columns, 160), no_color=not _use_color(), highlight=False).print(table)


class GanttFormat(str, Enum):
    text = "text"
    mermaid = "mermaid"
    html = "html"
    svg = "svg"
    json = "json"


def _month(text: Optional[str], option: str) -> RocMonth | None:
    from sixcore.calendar import RocMonth

    return _parsed(text, RocMonth.parse, option, "民國年月如 110/1", option)


@app.command()
@handle_user_errors
def gantt(
    quarter: CurrentQuarterOption = None,
    measure: MeasureOption = None,
    industry: IndustryOption = None,
    agency: AgencyOption = None,
    detail: Annotated[bool, typer.Option("--detail", help="也逐列顯示工作項目 / a row per work item too")] = False,
    start: Annotated[Optional[str], typer.Option("--from", metavar="MONTH", help="顯示期間起月，如 110/1 / first month shown")] = None,
    end: Annotated[Optional[str], typer.Option("--to", metavar="MONTH", help="顯示期間迄月，如 113/12 / last month shown")] = None,
    fmt: Annotated[GanttFormat, typer.Option("--format", "-f", metavar=_choices(GanttFormat), help="text 畫面；mermaid 貼入 Markdown；html / svg 寫檔；json 資料 / output format")] = GanttFormat.text,
    out: Annotated[Optional[Path], typer.Option(
        "--out", "-o", metavar="FILE", help="寫入此檔（html/svg 預設 reports/gantt-<季別>.html）/ write to this file (html/svg default reports/gantt-<quarter>.html)")] = None,
    lang: LangOption = Lang.zh,
    root: RootOption = None,
) -> None:
    """甘特圖：各措施何時執行，及基準季的狀態 / what runs when: measures (or work items) over ROC months, coloured by state.

    The as-of quarter is --quarter, else the latest folder in status/, else the current quarter (never after the programme's last).
    --format mermaid prints a Mermaid gantt diagram: paste it into Markdown between a line ```mermaid and a line ```,
    and GitHub draws it. --format html or svg writes one self-contained file (no network) for slides.
    """
    from sixcore.audit import load_for_command
    from sixcore.publish import write_files
    from sixcore.render.gantt_html import format_gantt_html, format_gantt_svg
    from sixcore.render.gantt_json import format_gantt_json
    from sixcore.render.gantt_mermaid import MAX_TEXT as MERMAID_MAX_TEXT
    from sixcore.render.gantt_mermaid import format_gantt_mermaid
    from sixcore.render.gantt_text import format_gantt_text
    from sixcore.timeline import Selection, build_timeline, default_out

    base = _root(root)
    context, problems = load_for_command(base)
    _refuse_plan_errors(problems, base)
    as_of, _ = _as_of(context, base, quarter)
    selection = Selection(tuple(measure or ()), tuple(industry or ()), _agency_ids(context, agency), detail, _month(start, "--from"), _month(end, "--to"))
    timeline = build_timeline(context, as_of, selection)
    renderers: dict[GanttFormat, Callable[[], str]] = {
        GanttFormat.text: lambda: format_gantt_text(timeline, lang, width=shutil.get_terminal_size((100, 40)).columns,
                                                    color=_use_color() and out is None),
        GanttFormat.mermaid: lambda: format_gantt_mermaid(timeline, lang),
        GanttFormat.html: lambda: format_gantt_html(timeline, lang),
        GanttFormat.svg: lambda: format_gantt_svg(timeline, lang),
        GanttFormat.json: lambda: format_gantt_json(timeline),
    }
    shown = renderers[fmt]()
    if fmt is GanttFormat.mermaid and len(shown) > MERMAID_MAX_TEXT:
        typer.echo(f"注意：圖長 {len(shown)} 字元，超過 Mermaid 上限 {MERMAID_MAX_TEXT}，GitHub 不會繪出；請以 --measure / --industry 縮小範圍"
                   f" / the diagram has {len(shown)} characters, over Mermaid's limit of {MERMAID_MAX_TEXT}; narrow it", err=True)
    if out is None and fmt in (GanttFormat.text, GanttFormat.mermaid, GanttFormat.json):
        typer.echo(shown, nl=False)
        return
    target = out or default_out(base, as_of, selection, lang, f".{fmt.value}")
    written = write_files({target.name: shown.encode()}, target.parent)
    typer.echo(f"已寫入 {written[0]} / written: {written[0]}", err=True)
