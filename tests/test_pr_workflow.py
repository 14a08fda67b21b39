"""The pull-request workflow (.github/workflows/sixcore-check.yml): its shape, the commands it calls, and its steps run.

The steps' own shell scripts are run here, as GitHub runs them (bash --noprofile --norc -eo pipefail), against
throwaway repositories laid out as the two checkouts leave them (base/ at the base commit, pr/ at the pull request's
head with its history), with the sixcore installed in this environment standing for the base's.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from sixcore.cli import app
from tests.conftest import REPO
from tests.gitrepo import BAD_STATUS, GOOD_STATUS, Repo, plan_repository

WORKFLOW_FILE = REPO / ".github/workflows/sixcore-check.yml"
WORKFLOW_TEXT = WORKFLOW_FILE.read_text(encoding="utf-8")
WORKFLOW = yaml.safe_load(WORKFLOW_TEXT)
JOB = WORKFLOW["jobs"]["check"]
STEPS: list[dict[str, Any]] = JOB["steps"]
RUN_STEPS = [step for step in STEPS if "run" in step]

BASE_SHA = "${{ github.event.pull_request.base.sha }}"
HEAD_SHA = "${{ github.event.pull_request.head.sha }}"
AUTHOR = "${{ github.event.pull_request.user.login }}"


# ---- shape ---------------------------------------------------------------------------------------------------------


def test_runs_on_every_pull_request_with_a_read_only_token():
    on = WORKFLOW[True]  # YAML 1.1 reads the key `on` as True
    assert list(on) == ["pull_request"]  # not pull_request_target: no base-repository token or secret for pull requests' data
    assert not (on["pull_request"] or {}).get("paths")  # a required check must start on every pull request
    assert WORKFLOW["permissions"] == {"contents": "read"}
    assert list(WORKFLOW["jobs"]) == ["check"] and JOB.get("permissions", {"contents": "read"}) == {"contents": "read"}
    assert "secrets." not in WORKFLOW_TEXT
    assert JOB["timeout-minutes"] <= 15
    assert JOB["name"] == "sixcore check"  # the check README's branch protection requires


def test_the_shipped_scope_configuration_is_valid():
    from sixcore.prscope import CONFIG_PATH, ScopeConfig

    ScopeConfig.model_validate(yaml.safe_load((REPO / CONFIG_PATH).read_text(encoding="utf-8")))


def test_the_base_and_the_pull_request_are_checked_out_apart_without_credentials():
    checkouts = [step for step in STEPS if str(step.get("uses", "")).startswith("actions/checkout@")]
    assert [(step["with"]["path"], step["with"]["ref"]) for step in checkouts] == [("base", BASE_SHA), ("pr", HEAD_SHA)]
    assert all(step["with"]["persist-credentials"] is False for step in checkouts)
    assert checkouts[1]["with"]["fetch-depth"] == 0  # pr-scope needs the merge base
    setup = next(step for step in STEPS if str(step.get("uses", "")).startswith("actions/setup-python@"))
    assert set(setup["with"]) == {"python-version"}  # no cache: nothing a pull request's run could leave for the next


def test_only_the_base_is_installed_and_nothing_runs_from_the_pull_request():
    installs = [step for step in RUN_STEPS if "pip" in step["run"]]
    assert [(step["working-directory"], step["run"].strip()) for step in installs] == [("base", "python -m pip install -c constraints.txt -e .")]
    for step in RUN_STEPS:
        assert "${{" not in step["run"], step["name"]  # event values come in as environment variables (no script injection)
        if step.get("working-directory") == "pr":
            assert step["run"].strip().startswith("sixcore pr-scope "), step["name"]  # the installed command; cwd is not on its sys.path
    assert "python -m sixcore" not in WORKFLOW_TEXT
    # the pull request's tree is only listed by git, tested and copied: every other mention of pr/ is one of these
    script = "\n".join(step["run"] for step in RUN_STEPS)
    mentions = [line.strip() for line in script.splitlines() if re.search(r"(^|[\s\"'])pr/|-C pr\b", line)]
    allowed = (r"git -C pr diff ", r'if \[ -f "pr/\$file" \] && \[ ! -L "pr/\$file" \]; then', r'cp "pr/\$file" "\$judge/\$file"')
    assert mentions and all(any(re.match(pattern, line) for pattern in allowed) for line in mentions), mentions
    assert set(JOB["env"].values()) - {"1"} == {BASE_SHA, AUTHOR}


def test_the_sixcore_commands_it_runs_exist_with_those_options():
    commands = [shlex.split(line.strip()) for step in RUN_STEPS for line in step["run"].splitlines() if line.strip().startswith("sixcore ")]
    assert sorted({argv[1] for argv in commands}) == ["check", "pr-scope"]
    for argv in commands:
        shown = CliRunner().invoke(app, [argv[1], "--help"], env={"COLUMNS": "200"})
        assert shown.exit_code == 0, shown.output
        for option in (arg.split("=")[0] for arg in argv[2:] if arg.startswith("--")):
            assert re.search(rf"(^|\s){re.escape(option)}\s", shown.output), (argv[1], option)


# ---- the steps, run ------------------------------------------------------------------------------------------------


@dataclass
class WorkflowRun:
    outcome: dict[str, str] = field(default_factory=dict)  # step id → success / failure / skipped
    output: dict[str, str] = field(default_factory=dict)  # step id → what it printed
    summary: str = ""

    @property
    def everything(self) -> str:
        return "\n".join(self.output.values()) + self.summary


def run_workflow(origin: Repo, tmp_path: Path, author: str) -> WorkflowRun:
    """The workflow's run steps in order, as GitHub would run them for the pull request main ← pr of `origin`."""
    base_sha, head_sha = origin.git("rev-parse", "main"), origin.git("rev-parse", "pr")
    workspace, temp, summary = tmp_path / "workspace", tmp_path / "runner-temp", tmp_path / "step-summary.md"
    temp.mkdir(parents=True)
    for folder, commit in (("base", base_sha), ("pr", head_sha)):  # what the two checkouts leave
        subprocess.run(["git", "clone", "--quiet", "--no-checkout", str(origin.path), str(workspace / folder)], check=True)
        subprocess.run(["git", "-C", str(workspace / folder), "checkout", "--quiet", "--detach", commit], check=True)
    sixcore = Path(sys.executable).with_name("sixcore")
    assert sixcore.exists(), "sixcore is not installed in this environment"
    values = {BASE_SHA: base_sha, AUTHOR: author}
    env = {**os.environ, "GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": str(workspace), "RUNNER_TEMP": str(temp),
           "GITHUB_STEP_SUMMARY": str(summary), "PATH": f"{sixcore.parent}{os.pathsep}{os.environ['PATH']}"}
    env.pop("NO_COLOR", None)
    env.update({name: values.get(value, value) for name, value in JOB["env"].items()})
    result, failed = WorkflowRun(), False
    for number, step in enumerate(RUN_STEPS):
        if "pip install" in step["run"]:
            continue  # sixcore is installed already: this checkout stands for the base
        condition = step.get("if")
        assert condition in (None, "${{ !cancelled() }}"), condition  # the only conditions this runner understands
        if failed and condition is None:
            result.outcome[step["id"]] = "skipped"
            continue
        script = temp / f"step-{number}.sh"
        script.write_text(step["run"], encoding="utf-8")
        done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)], cwd=workspace / step.get("working-directory", "."),
                              env=env, capture_output=True, text=True)
        result.outcome[step["id"]] = "success" if done.returncode == 0 else "failure"
        result.output[step["id"]] = done.stdout + done.stderr
        failed = failed or done.returncode != 0
    result.summary = summary.read_text(encoding="utf-8") if summary.exists() else ""
    return result


@pytest.fixture
def origin(tmp_path: Path, git_env: None) -> Repo:
    repo = plan_repository(tmp_path / "origin")
    repo.git("switch", "--quiet", "--create", "pr")
    return repo


def test_a_good_filing_passes(origin, tmp_path):
    origin.write("status/111Q2/nstc.yaml", GOOD_STATUS.format(quarter="111Q2"))
    origin.commit("nstc 111Q2")
    run = run_workflow(origin, tmp_path, "nstc-staff")
    assert run.outcome == {"scope": "success", "check": "success"}, run.output
    assert "範圍正確：只含機關「nstc」的填報檔。" in run.output["scope"]
    assert "錯誤 0 項、警告 0 項" in run.output["check"]
    assert "## sixcore pr-scope" in run.summary and "## sixcore check" in run.summary


def test_problems_are_annotated_at_the_repository_paths(origin, tmp_path):
    origin.write("status/111Q2/nstc.yaml", BAD_STATUS.format(quarter="111Q2"))
    origin.commit("nstc 111Q2, without the completion date")
    run = run_workflow(origin, tmp_path, "nstc-staff")
    assert run.outcome == {"scope": "success", "check": "failure"}
    annotations = [line for line in run.output["check"].splitlines() if line.startswith("::")]
    assert len(annotations) == 1 and annotations[0].startswith("::error file=status/111Q2/nstc.yaml,line=4,col=")
    assert "(SC206)" not in annotations[0] and "title=SC206 completed-without-date" in annotations[0]
    assert "| `status/111Q2/nstc.yaml:4` | 錯誤 |" in run.summary


def test_a_pull_request_is_judged_by_the_base_not_by_the_rules_it_brings(origin, tmp_path):
    # a new body files, registering itself in plan/agencies.yaml and bringing code of its own
    origin.append("plan/agencies.yaml", "  - {id: newco, name: 新機關, short: 新機關}\n")
    origin.write("status/111Q2/newco.yaml", "quarter: 111Q2\nagency: newco\n")
    origin.write("sixcore/__init__.py", 'raise SystemExit("the pull request\'s sixcore ran")\n')
    origin.write("yaml.py", 'raise SystemExit("the pull request\'s yaml.py ran")\n')  # would shadow PyYAML were pr/ on sys.path
    origin.commit("newco files, with its own agency entry and code")
    run = run_workflow(origin, tmp_path, "newco-staff")
    assert run.outcome == {"scope": "failure", "check": "failure"}
    scope = run.output["scope"]
    assert all(f"::error file={path},line=1,col=1,title=SC401 pr-mixed::" in scope for path in ("plan/agencies.yaml", "sixcore/__init__.py", "yaml.py"))
    # the filing is judged by main's plan/agencies.yaml, where newco does not exist
    assert "::error file=status/111Q2/newco.yaml,line=2," in run.output["check"] and "title=SC202 status-agency" in run.output["check"]
    assert "sixcore ran" not in run.everything and "yaml.py ran" not in run.everything  # neither was imported


def test_a_coordinators_mix_passes_and_is_still_judged(origin, tmp_path):
    origin.git("switch", "--quiet", "main")
    origin.write(".github/sixcore-scope.yaml", "coordinators: [ndc-coordinator]\n")
    origin.commit("coordinators")
    origin.git("switch", "--quiet", "pr")
    origin.git("rebase", "--quiet", "main")
    origin.write("status/111Q2/nstc.yaml", GOOD_STATUS.format(quarter="111Q2"))
    origin.write("status/111Q2/moea.yaml", "quarter: 111Q2\nagency: moea\n")
    origin.append("plan/lights.yaml", "# a coordinator's note\n")
    origin.commit("a coordinator files for two agencies and edits the plan")
    run = run_workflow(origin, tmp_path, "ndc-coordinator")
    assert run.outcome == {"scope": "success", "check": "success"}, run.output
    assert "::warning file=plan/lights.yaml,line=1,col=1,title=SC401 pr-mixed::" in run.output["scope"]
    assert "協調者 ndc-coordinator 的拉取請求" in run.output["scope"]
    assert "錯誤 0 項" in run.output["check"]
    # the same pull request by an agency's staff fails
    assert run_workflow(origin, tmp_path / "again", "moea-staff").outcome == {"scope": "failure", "check": "success"}


def test_a_deleted_filing_fails_and_is_not_judged(origin, tmp_path):
    origin.git("rm", "--quiet", "status/111Q1/moea.yaml")
    origin.commit("moea withdraws its filing")
    run = run_workflow(origin, tmp_path, "moea-staff")
    assert run.outcome == {"scope": "failure", "check": "success"}
    assert "::error file=status/111Q1/moea.yaml,line=1,col=1,title=SC403 pr-deleted-status::" in run.output["scope"]
    assert "no status file changed: nothing to judge" in run.output["check"]
    assert not (tmp_path / "runner-temp/judge/status/111Q1/moea.yaml").exists()


def test_a_renamed_filing_is_judged_where_it_now_is(origin, tmp_path):
    origin.move("status/111Q1/moea.yaml", "status/111Q2/moea.yaml")
    origin.commit("moea moves its filing to 111Q2")
    run = run_workflow(origin, tmp_path, "moea-staff")
    assert run.outcome == {"scope": "failure", "check": "failure"}  # a deletion, and the file now sits in the wrong quarter
    assert "::error file=status/111Q1/moea.yaml,line=1,col=1,title=SC403" in run.output["scope"]
    assert "::error file=status/111Q2/moea.yaml,line=1," in run.output["check"] and "title=SC201 status-quarter" in run.output["check"]


def test_the_readme_names_the_check_the_command_and_the_codes():
    from sixcore.messages import rule_name

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"**{JOB['name']}**" in readme  # the status check its branch protection steps require
    assert "| `sixcore pr-scope --base origin/main` |" in readme
    for code in ("SC401", "SC402", "SC403", "SC404"):
        assert f"| {code} | {rule_name(code)} |" in readme
