"""status-agency (SC202): a status file's `agency` differs from its file name, or is no registry id.

GitHub's CODEOWNERS decides who may change status/*/moea.yaml by its name; the `agency` inside must
therefore be the same, or one agency could file for another.

PASS: status/113Q2/nstc.yaml with `agency: nstc`.  FAIL: the same file with `agency: moea`.
"""

from __future__ import annotations

from collections.abc import Iterator

from sixcore.load.status import AuditContext
from sixcore.problem import Problem, Severity

CODE = "SC202"
NAME = "status-agency"
DEFAULT_SEVERITY = Severity.ERROR


def check(ctx: AuditContext) -> Iterator[Problem]:
    known = ctx.plan.agency_by_id
    for status in ctx.statuses:
        agency = status.model.agency
        if agency != status.file_agency or (known and agency not in known):
            yield status.loaded.problem(("agency",), agency=agency, file_agency=status.file_agency, known=agency in known)
