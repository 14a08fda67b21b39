"""sixcore pr-scope: does a pull request keep to one agency's status files? Read from git, returned as values.

CI judges a status pull request with the code and the plan of its base branch (.github/workflows/sixcore-check.yml).
That is only the whole story if the pull request brings nothing else along, so this check runs first. It compares
HEAD with `--base` the way GitHub's "Files changed" does (`git diff <base>...HEAD`: from the merge base) and reports,
each located at the file concerned:

- SC401 status files changed together with any other file (sixcore/, plan/, schema/, .github/, README.md …);
- SC402 the status files of more than one agency (one agency, one pull request: what its code owners review);
- SC403 a status file deleted (a rename or a move is a deletion and an addition: a filing never silently disappears);
- SC404 a status path that is not a regular file (a symbolic link or a submodule).

Coordinators may go beyond the first three: `.github/sixcore-scope.yaml` lists their GitHub logins, and it is read
**as it is on the base commit**, so a pull request cannot grant itself an exception; their pull requests get the
same problems as warnings. SC404 is never allowed. A pull request that changes no status file is not a status pull
request and nothing here applies to it (its code owners review it).
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath
from typing import Annotated, Any, NoReturn

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from sixcore.errors import SixcoreUserError
from sixcore.messages import SCOPE_WORDS, SEVERITY_WORDS, Lang, describe
from sixcore.problem import Problem, Severity, exit_code, sort_problems

CONFIG_PATH = ".github/sixcore-scope.yaml"  # read from the base commit only

# The files sixcore reads as status: status/<quarter>/<agency>.yaml (sixcore.load.status globs status/*/*.y*ml).
STATUS_FOLDER = "status"
STATUS_NAME_GLOB = "*.y*ml"

# what a coordinator may do (as warnings); SC404 never
ALLOWABLE = frozenset({"SC401", "SC402", "SC403"})

# git modes of a regular file; 120000 is a symbolic link, 160000 a submodule, 000000 a deleted path
REGULAR_MODES = frozenset({"100644", "100755"})

# A GitHub login (letters, digits, single inner hyphens, at most 39 characters), or an app's "name[bot]".
GitHubLogin = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?(?:\[bot\])?$")]


class ScopeConfig(BaseModel):
    """`.github/sixcore-scope.yaml`: who may go beyond one agency's status files in one pull request."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    coordinators: tuple[GitHubLogin, ...] = Field(
        default=(),
        description="GitHub logins whose pull requests may mix status files with other changes, carry several agencies' "
                    "status files and delete status files (reported as warnings). A symbolic link is never allowed.",
    )

    def allows(self, author: str | None) -> bool:
        """Whether `author` is a coordinator (GitHub logins are case-insensitive)."""
        return author is not None and author.casefold() in {login.casefold() for login in self.coordinators}


class ChangeKind(str, Enum):
    added = "added"
    modified = "modified"
    deleted = "deleted"


@dataclass(frozen=True)
class Change:
    """One path the pull request changes, relative to the repository's top folder (POSIX separators)."""

    path: str
    kind: ChangeKind
    mode: str  # the git mode at HEAD: 100644 a file, 120000 a symbolic link, 160000 a submodule, 000000 deleted

    @property
    def agency(self) -> str | None:
        """The agency id if this is a status file (status/<quarter>/<agency>.yaml), else None."""
        return status_agency(self.path)


def status_agency(path: str) -> str | None:
    """The agency id of a status file path, None for any other path."""
    parts = PurePosixPath(path).parts
    if len(parts) == 3 and parts[0] == STATUS_FOLDER and fnmatchcase(parts[2], STATUS_NAME_GLOB):
        return PurePosixPath(parts[2]).stem
    return None


@dataclass(frozen=True)
class SplitGroup:
    """What belongs in one pull request: one agency's status files, or (agency None) everything else."""

    agency: str | None
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class ScopeReport:
    base: str  # as given, e.g. origin/main
    base_commit: str
    merge_base: str
    author: str | None
    config_found: bool  # CONFIG_PATH was consulted (only for changes a coordinator may make) and exists on the base commit
    allowed: bool  # the author is one of its coordinators
    changes: tuple[Change, ...]
    problems: list[Problem]

    @property
    def status_changes(self) -> tuple[Change, ...]:
        return tuple(change for change in self.changes if change.agency is not None)

    @property
    def other_changes(self) -> tuple[Change, ...]:
        return tuple(change for change in self.changes if change.agency is None)

    @property
    def agencies(self) -> tuple[str, ...]:
        return tuple(sorted({change.agency for change in self.status_changes if change.agency is not None}))

    @property
    def is_status_pull_request(self) -> bool:
        return bool(self.status_changes)

    @property
    def groups(self) -> tuple[SplitGroup, ...]:
        """The pull requests this one should be split into: one per agency, then one for all other changes."""
        groups = [SplitGroup(agency, tuple(change for change in self.status_changes if change.agency == agency)) for agency in self.agencies]
        if self.status_changes and self.other_changes:
            groups.append(SplitGroup(None, self.other_changes))
        return tuple(groups)

    @property
    def exit_code(self) -> int:
        return exit_code(self.problems)


def judge(changes: Sequence[Change], allowed: bool) -> list[Problem]:
    """The scope problems of a pull request's changes; `allowed` (a coordinator's) turns SC401–SC403 into warnings."""
    status = [change for change in changes if change.agency is not None]
    if not status:
        return []  # not a status pull request
    severity = Severity.WARNING if allowed else Severity.ERROR
    problems = [
        _problem(change, "SC401", severity, count=len(status))
        for change in changes if change.agency is None
    ]
    agencies = sorted({change.agency for change in status if change.agency is not None})
    if len(agencies) > 1:
        problems += [
            _problem(change, "SC402", severity, agency=change.agency, agencies=", ".join(agencies), count=len(agencies))
            for change in status
        ]
    problems += [_problem(change, "SC403", severity) for change in status if change.kind is ChangeKind.deleted]
    problems += [
        _problem(change, "SC404", Severity.ERROR, mode=change.mode)
        for change in status if change.kind is not ChangeKind.deleted and change.mode not in REGULAR_MODES
    ]
    return sort_problems(problems)


def _problem(change: Change, code: str, severity: Severity, **params: Any) -> Problem:
    return Problem(Path(change.path), 1, 1, code, severity, {"file": change.path, **params})


def check_scope(folder: Path, base: str, author: str | None = None) -> ScopeReport:
    """Read the changes of HEAD since its merge base with `base` from the git repository at `folder`, and judge them.

    Raises SixcoreUserError when git is missing, `folder` is not in a repository, `base` is unknown or shares no
    history with HEAD, or the base's CONFIG_PATH is invalid when an exception is needed.
    """
    if not base or base.startswith("-"):
        raise SixcoreUserError(f"基準「{base}」無效，請給分支或提交，如 origin/main / invalid --base {base!r}: give a branch or a commit, e.g. origin/main")
    inside = _git(folder, "rev-parse", "--is-inside-work-tree")
    if inside.returncode != 0 or inside.stdout.strip() != b"true":
        _fail(f"{folder} 不在 git 版本庫的工作目錄中 / {folder} is not inside the working tree of a git repository", inside)
    head = _commit(folder, "HEAD", "HEAD 沒有任何提交 / HEAD has no commit")
    base_commit = _commit(folder, base, f"找不到基準「{base}」；請確認名稱，並取得完整歷史（如 git fetch origin，或 CI 的 fetch-depth: 0）"
                                         f" / unknown --base {base!r}: check the name and fetch it (git fetch origin; fetch-depth: 0 in CI)")
    found = _git(folder, "merge-base", base_commit, head)
    if found.returncode != 0:
        _fail(f"{base} 與 HEAD 沒有共同的歷史；請取得完整歷史（fetch-depth: 0）/ {base} and HEAD share no history; fetch the full history (fetch-depth: 0)", found)
    merge_base = found.stdout.decode("ascii").strip()
    changes = _changes(folder, base_commit, head)
    problems = judge(changes, allowed=False)
    config, allowed = None, False
    if any(problem.code in ALLOWABLE for problem in problems):
        # consulted only when needed: a broken file then stops only what it could have allowed, never the pull
        # request that repairs it
        config = read_config(folder, base_commit, base)
        allowed = config is not None and config.allows(author)
        if allowed:
            problems = judge(changes, allowed=True)
    return ScopeReport(base, base_commit, merge_base, author, config is not None, allowed, tuple(changes), problems)


def read_config(folder: Path, commit: str, shown_as: str) -> ScopeConfig | None:
    """CONFIG_PATH as it is at `commit` (never the working tree's), or None if the commit has no such file."""
    spec = f"{commit}:{CONFIG_PATH}"
    where = f"{shown_as}:{CONFIG_PATH}"
    if _git(folder, "cat-file", "-e", spec).returncode != 0:
        return None
    blob = _git(folder, "cat-file", "blob", spec)
    if blob.returncode != 0:
        _fail(f"無法讀取 {where} / cannot read {where}", blob)
    try:
        data = yaml.safe_load(blob.stdout.decode("utf-8-sig"))
    except (UnicodeDecodeError, yaml.YAMLError) as error:
        raise SixcoreUserError(f"{where} 不是有效的 UTF-8 YAML / is not valid UTF-8 YAML: {error}") from None
    try:
        return ScopeConfig.model_validate({} if data is None else data)
    except ValidationError as error:
        details = "; ".join(_config_error(item) for item in error.errors())
        raise SixcoreUserError(f"{where} 格式有誤（僅可有 coordinators: GitHub 帳號清單）/ invalid (only `coordinators:`, a list of GitHub logins): {details}") from None


def _config_error(item: Any) -> str:
    where = ".".join(str(part) for part in item["loc"]) or "(top)"
    if item["type"] == "string_pattern_mismatch":
        return f"{where}: {item['input']!r} 不是 GitHub 帳號 / is not a GitHub login"
    return f"{where}: {item['msg']}"


def _changes(folder: Path, base_commit: str, head: str) -> list[Change]:
    # Options fixed here so that no user or repository setting changes the answer: renames are a deletion and an
    # addition (diff.renames is on by default), paths from the top folder (diff.relative), no colour, submodules shown.
    result = _git(folder, "diff", "--raw", "-z", "--no-abbrev", "--no-renames", "--no-relative", "--no-color",
                  "--no-ext-diff", "--ignore-submodules=none", f"{base_commit}...{head}")
    if result.returncode != 0:
        _fail("無法比較變更 / git diff failed", result)
    return parse_raw(result.stdout)


def parse_raw(output: bytes) -> list[Change]:
    """`git diff --raw -z --no-renames` output: `:old_mode new_mode old_sha new_sha status` NUL path NUL, repeated."""
    fields = output.split(b"\0")
    changes = []
    for meta, raw_path in zip(fields[0::2], fields[1::2], strict=False):
        if not meta:
            break
        _old_mode, new_mode, _old, _new, status = meta.decode("ascii").lstrip(":").split(" ")
        kind = {"A": ChangeKind.added, "D": ChangeKind.deleted}.get(status[:1], ChangeKind.modified)  # M, T (type change)
        changes.append(Change(raw_path.decode("utf-8", errors="replace"), kind, new_mode))
    return changes


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise SixcoreUserError("找不到 git 指令，請先安裝 git / git is not installed (no `git` command)") from None


def _commit(folder: Path, ref: str, unknown: str) -> str:
    result = _git(folder, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    if result.returncode != 0:
        _fail(unknown, result)
    return result.stdout.decode("ascii").strip()


def _fail(message: str, result: subprocess.CompletedProcess[bytes]) -> NoReturn:
    said = result.stderr.decode("utf-8", errors="replace").strip().splitlines()
    raise SixcoreUserError(message + (f"\n  git: {said[-1]}" if said else ""))


# ---- in words (SCOPE_WORDS in sixcore.messages) --------------------------------------------------------------------

_LISTED = 10  # files named per group before "… and N more"


def _words(key: str, lang: Lang, **params: Any) -> str:
    return SCOPE_WORDS[key][lang.value].format(**params)


def overview(report: ScopeReport, lang: Lang) -> str:
    """One line: what was compared, and how many files of which kind changed."""
    agencies = _words("agencies", lang, agencies=", ".join(report.agencies)) if report.agencies else ""
    return _words("overview", lang, base=report.base, merge_base=report.merge_base[:12], files=len(report.changes),
                  status=len(report.status_changes), agencies=agencies)


def verdict(report: ScopeReport, lang: Lang) -> list[str]:
    """The outcome in words, and when the pull request should be split, what goes into which pull request."""
    if not report.is_status_pull_request:
        return [_words("not_status", lang)]
    errors = any(problem.severity is Severity.ERROR for problem in report.problems)
    if not errors:
        if report.problems:
            return [_words("allowed", lang, author=report.author, config=CONFIG_PATH)]
        return [_words("in_scope", lang, agency=report.agencies[0])]
    groups = report.groups
    if report.allowed or len(groups) < 2:
        return [_words("fix", lang)]
    lines = [_words("split", lang, count=len(groups))]
    for number, group in enumerate(groups, 1):
        files = _file_list(group.changes, lang)
        key, params = ("group_agency", {"agency": group.agency}) if group.agency is not None else ("group_other", {})
        lines.append(f"  {number}. " + _words(key, lang, files=files, **params))
    return lines


def _file_list(changes: Sequence[Change], lang: Lang) -> str:
    names = [_words("deleted", lang, file=change.path) if change.kind is ChangeKind.deleted else change.path for change in changes]
    shown = _words("separator", lang).join(names[:_LISTED])
    return shown + (_words("more", lang, count=len(names) - _LISTED) if len(names) > _LISTED else "")


def markdown_summary(report: ScopeReport, lang: Lang) -> str:
    """For $GITHUB_STEP_SUMMARY: the overview, the outcome and every problem (annotations show only the first 10)."""
    header = "| 檔案 | 嚴重度 | 說明 | 代碼 |\n|---|---|---|---|\n" if lang is Lang.zh else "| file | severity | message | code |\n|---|---|---|---|\n"
    rows = "".join(
        f"| `{problem.path}` | {SEVERITY_WORDS[problem.severity][lang.value]} | {_cell(describe(problem, lang))} | {problem.code} |\n"
        for problem in report.problems
    )
    outcome = "\n".join(line.strip() for line in verdict(report, lang))  # the numbered groups become a Markdown list
    return f"## sixcore pr-scope\n\n{overview(report, lang)}\n\n{outcome}\n\n" + (header + rows + "\n" if report.problems else "")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def as_data(report: ScopeReport) -> dict[str, Any]:
    """The report as plain data (sixcore pr-scope --format json), problems apart."""
    return {
        "base": report.base,
        "base_commit": report.base_commit,
        "merge_base": report.merge_base,
        "author": report.author,
        "config": CONFIG_PATH if report.config_found else None,
        "allowed": report.allowed,
        "status_pull_request": report.is_status_pull_request,
        "agencies": list(report.agencies),
        "changes": [{"path": change.path, "change": change.kind.value, "mode": change.mode, "agency": change.agency} for change in report.changes],
        "split": [[change.path for change in group.changes] for group in report.groups] if len(report.groups) > 1 else [],
    }
