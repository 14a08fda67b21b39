"""Writing the report files into reports/<quarter>/: all rendered first, then each moved into place atomically.

A reader never sees a half-written file: every file is written beside its target and renamed over it,
and nothing is touched at all unless every format rendered.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from sixcore.errors import SixcoreUserError
from sixcore.messages import Lang

if TYPE_CHECKING:  # the renderers are imported where used: gantt imports this module for write_files alone
    from sixcore.render.report_html import PageFoot
    from sixcore.render.report_tables import Section
    from sixcore.report import QuarterReport

REPORTS_DIR = Path("reports")


def default_report_dir(root: Path, report: QuarterReport, lang: Lang) -> Path:
    """reports/113Q2/, or reports/113Q2-measure-1-2-en/ for a narrowed or English report, so none overwrites another."""
    parts = [str(report.quarter), *report.scope.name_parts()] + (["en"] if lang is Lang.en else [])
    return root / REPORTS_DIR / "-".join(parts)


def page_foot(report: QuarterReport, lang: Lang) -> PageFoot:
    """Every printed page: the issuing unit (plan/programme.yaml issued_by) and the as-of date, the report's date."""
    from sixcore.render.report_html import PageFoot

    issued_by = report.programme.issued_by
    return PageFoot(issued_by.get(lang) if issued_by else None, report.as_of)


def render_report_html(report: QuarterReport, sections: list[Section], lang: Lang) -> bytes:
    """report.html, which report.pdf is also printed from."""
    from sixcore.render.report_charts import charts_section
    from sixcore.render.report_html import format_report_html
    from sixcore.render.report_tables import notice, title

    return format_report_html(title(report, lang), sections, lang, notice(report, lang), page_foot(report, lang),
                              charts_section(report, lang)).encode()


def render_report_files(report: QuarterReport, sections: list[Section], lang: Lang) -> dict[str, bytes]:
    """File name → content, every format of one report (`sections`: report_sections of it, in `lang`)."""
    from sixcore.render.report_csv import format_items_csv
    from sixcore.render.report_json import format_report_json
    from sixcore.render.report_markdown import format_report_markdown
    from sixcore.render.report_ods import format_report_ods
    from sixcore.render.report_tables import title

    return {
        "report.md": format_report_markdown(title(report, lang), sections).encode(),
        "report.html": render_report_html(report, sections, lang),
        "items.csv": format_items_csv(sections),
        "report.json": format_report_json(report).encode(),
        "report.ods": format_report_ods(sections, sections[0].title),
    }


def write_files(files: dict[str, bytes], out_dir: Path) -> list[Path]:
    """Write every file into out_dir, each by rename; used by report and gantt."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".sixcore-", dir=out_dir))
    except OSError as error:
        raise SixcoreUserError(f"無法建立輸出資料夾 / cannot create the output folder: {error.strerror}", path=out_dir) from None
    try:
        for name, content in files.items():
            (staging / name).write_bytes(content)
        written = []
        for name in files:
            os.replace(staging / name, out_dir / name)
            written.append(out_dir / name)
        return written
    except OSError as error:
        raise SixcoreUserError(f"無法寫入報告 / cannot write the report: {error.strerror}", path=out_dir) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
