"""quarter-texts-missing (SC212, warning): a status file without what the quarterly review asks every quarter.

The quarterly review (`review:` in plan/programme.yaml: part 伍 of the repository's plan/) asks each lead agency every
quarter for 辦理情形 (`summary:`), 重要執行亮點 (`highlights:`) and 下一季重點工作 (`next_quarter:`), and the report
shows them; `reported:` (填報日期) dates the filing. A file that leaves any of them empty is flagged, once, at its
first empty field.

PASS: all four filled in.  WARN: `summary:` left empty.
"""

from __future__ import annotations

from collections.abc import Iterator

from sixcore.load.status import AuditContext
from sixcore.problem import Problem, Severity

CODE = "SC212"
NAME = "quarter-texts-missing"
DEFAULT_SEVERITY = Severity.WARNING

# field → its name in the plan's words
TEXTS = {"reported": "填報日期", "summary": "辦理情形", "highlights": "重要執行亮點", "next_quarter": "下一季重點工作"}


def check(ctx: AuditContext) -> Iterator[Problem]:
    review = ctx.plan.programme.model.review if ctx.plan.programme else None
    cited = {"part": review.part} if review else {}
    for status in ctx.statuses:
        model = status.model
        empty = [key for key in TEXTS
                 if not (value := getattr(model, key)) or (isinstance(value, str) and not value.strip())
                 or (isinstance(value, list) and not any(str(line).strip() for line in value))]
        if empty:
            yield status.loaded.problem((empty[0],), prefer_key=True, fields="、".join(TEXTS[key] for key in empty),
                                        keys=", ".join(empty), **cited)
