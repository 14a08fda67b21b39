"""sixcore pr-scope on throwaway git repositories: one agency's status files, nothing else, nothing deleted.

Each test commits a base on main, then a pull request's commits on the branch pr, and runs the command through
typer's CliRunner (tests/gitrepo.py keeps git away from the machine's own identity and settings).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sixcore.cli import app
from sixcore.prscope import Change, ChangeKind, ScopeConfig, judge, parse_raw, status_agency
from tests.gitrepo import GOOD_STATUS, Repo, plan_repository

runner = CliRunner()

COORDINATORS = "# who may go beyond one agency's status files (sixcore pr-scope)\ncoordinators:\n  - NDC-Coordinator\n"


@pytest.fixture
def repo(tmp_path: Path, git_env: None) -> Repo:
    """The base committed on main, and the branch pr checked out for the pull request's commits."""
    repo = plan_repository(tmp_path / "repo")
    repo.git("switch", "--quiet", "--create", "pr")
    return repo


def scope(repo: Repo, *args: str, env: dict[str, str] | None = None):
    return runner.invoke(app, ["pr-scope", "--base", "main", "--root", str(repo.path), *args], env={"NO_COLOR": "1", **(env or {})})


def codes(result) -> list[tuple[str, str, str]]:
    """(code, severity, file) of every problem, from --format json."""
    return [(problem["code"], problem["severity"], problem["path"]) for problem in json.loads(result.stdout)["problems"]]


def test_status_files_of_one_agency_pass(repo):
    repo.write("status/111Q2/nstc.yaml", GOOD_STATUS.format(quarter="111Q2"))
    repo.write("status/111Q3/nstc.yaml", GOOD_STATUS.format(quarter="111Q3"))  # two quarters, one agency
    repo.commit("nstc files 111Q2 and 111Q3")
    result = scope(repo)
    assert result.exit_code == 0, result.output
    assert "變更 2 個檔案，其中填報檔 2 個（機關：nstc）" in result.output
    assert "範圍正確：只含機關「nstc」的填報檔。" in result.output
    assert "Traceback" not in result.output


def test_a_modified_status_file_passes(repo):
    repo.append("status/111Q1/moea.yaml", "summary: 補充說明\n")
    repo.commit("moea corrects its 111Q1 filing")
    assert scope(repo).exit_code == 0


@pytest.mark.parametrize("other", ["plan/agencies.yaml", "plan/lights.yaml", "plan/industries/1-mini.yaml", "schema/status.schema.json",
                                   "sixcore/__init__.py", ".github/workflows/sixcore-check.yml", "status/README.md", "README.md"])
def test_status_with_any_other_change_fails(repo, other):
    repo.write("status/111Q2/nstc.yaml", GOOD_STATUS.format(quarter="111Q2"))
    if (repo.path / other).exists():
        repo.append(other, "\n# changed along with a filing\n")
    else:
        repo.write(other, "# added along with a filing\n")
    repo.commit("a filing, and something else")
    result = scope(repo)
    assert result.exit_code == 1
    assert f"{other}\n  1:1  錯誤  填報的拉取請求只能變更填報檔，本拉取請求除填報檔外也變更了 {other}  (SC401 pr-mixed)" in result.output
    assert "範圍不符，請拆成 2 個拉取請求：\n  1. 機關「nstc」的填報檔：status/111Q2/nstc.yaml\n  2. 其他變更（交協調者審查）：" + other in result.output
    assert codes(scope(repo, "--format", "json")) == [("SC401", "error", other)]


def test_status_with_a_plan_change_explains_the_split_in_english(repo):
    repo.write("status/111Q2/nstc.yaml", GOOD_STATUS.format(quarter="111Q2"))
    repo.append("plan/lights.yaml", "# looser thresholds\n")
    repo.append("plan/agencies.yaml", "  - {id: newco, name: 新機關, short: 新機關}\n")
    repo.commit("a filing, its own thresholds and a new agency")
    result = scope(repo, "--lang", "en")
    assert result.exit_code == 1
    assert "a status pull request may change status files only, but besides its status files this one also changes plan/lights.yaml" in result.output
    assert ("out of scope: split it into 2 pull requests:\n  1. the status files of 'nstc': status/111Q2/nstc.yaml\n"
            "  2. the other changes (for the coordinators to review): plan/agencies.yaml, plan/lights.yaml") in result.output


def test_two_agencies_fail(repo):
    repo.write("status/111Q2/nstc.yaml", GOOD_STATUS.format(quarter="111Q2"))
    repo.write("status/111Q2/moea.yaml", "quarter: 111Q2\nagency: moea\n")
    repo.commit("two agencies at once")
    result = scope(repo)
    assert result.exit_code == 1
    assert "一個拉取請求只能含一個機關的填報檔，本拉取請求含 2 個機關（moea, nstc）；此檔屬「moea」" in result.output
    assert "請拆成 2 個拉取請求：\n  1. 機關「moea」的填報檔：status/111Q2/moea.yaml\n  2. 機關「nstc」的填報檔：status/111Q2/nstc.yaml" in result.output
    assert codes(scope(repo, "--format", "json")) == [("SC402", "error", "status/111Q2/moea.yaml"), ("SC402", "error", "status/111Q2/nstc.yaml")]


def test_a_deleted_status_file_is_reported(repo):
    repo.git("rm", "--quiet", "status/111Q1/moea.yaml")
    repo.commit("moea withdraws its filing")
    result = scope(repo)
    assert result.exit_code == 1
    assert "status/111Q1/moea.yaml\n  1:1  錯誤  刪除了填報檔 status/111Q1/moea.yaml（更名或搬移也算刪除）  (SC403 pr-deleted-status)" in result.output
    assert "範圍不符，請依上列說明修正。" in result.output


def test_a_rename_is_a_deletion_and_an_addition(repo):
    repo.move("status/111Q1/moea.yaml", "status/111Q2/moea.yaml")
    repo.commit("moea moves its filing to 111Q2")
    result = scope(repo, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert [(change["path"], change["change"]) for change in data["changes"]] == [("status/111Q1/moea.yaml", "deleted"), ("status/111Q2/moea.yaml", "added")]
    assert codes(result) == [("SC403", "error", "status/111Q1/moea.yaml")]


def test_deleting_another_agencys_filing_is_two_agencies_and_a_deletion(repo):
    repo.git("rm", "--quiet", "status/111Q1/moea.yaml")
    repo.write("status/111Q1/nstc.yaml", GOOD_STATUS.format(quarter="111Q1"))
    repo.commit("nstc files, and removes moea's")
    assert codes(scope(repo, "--format", "json")) == [
        ("SC402", "error", "status/111Q1/moea.yaml"), ("SC403", "error", "status/111Q1/moea.yaml"), ("SC402", "error", "status/111Q1/nstc.yaml")]


def coordinators_on_main(repo: Repo) -> None:
    repo.git("switch", "--quiet", "main")
    repo.write(".github/sixcore-scope.yaml", COORDINATORS)
    repo.commit("coordinators")
    repo.git("switch", "--quiet", "pr")
    repo.git("rebase", "--quiet", "main")


def test_a_coordinator_may_mix_with_warnings(repo):
    coordinators_on_main(repo)
    repo.write("status/111Q2/nstc.yaml", GOOD_STATUS.format(quarter="111Q2"))
    repo.write("status/111Q2/moea.yaml", "quarter: 111Q2\nagency: moea\n")
    repo.git("rm", "--quiet", "status/111Q1/moea.yaml")
    repo.append("plan/agencies.yaml", "# a coordinator's correction\n")
    repo.commit("a coordinator's correction across agencies")
    result = scope(repo, "--author", "ndc-coordinator")  # logins are case-insensitive
    assert result.exit_code == 0, result.output
    assert "警告  填報的拉取請求只能變更填報檔" in result.output and "錯誤 0 項、警告 5 項" in result.output
    assert "協調者 ndc-coordinator 的拉取請求：依基準分支的 .github/sixcore-scope.yaml 允許，以上僅列為警告。" in result.output
    data = json.loads(scope(repo, "--author", "ndc-coordinator", "--format", "json").stdout)
    assert (data["config"], data["allowed"]) == (".github/sixcore-scope.yaml", True)
    assert {problem["severity"] for problem in data["problems"]} == {"warning"}
    # the same changes by anyone else, or by nobody named, fail
    assert scope(repo, "--author", "moea-staff").exit_code == 1
    assert scope(repo).exit_code == 1


def test_a_pull_request_cannot_make_its_author_a_coordinator(repo):
    repo.write(".github/sixcore-scope.yaml", "coordinators: [moea-staff]\n")
    repo.write("status/111Q2/nstc.yaml", GOOD_STATUS.format(quarter="111Q2"))
    repo.append("plan/lights.yaml", "# looser thresholds\n")
    repo.commit("a filing, and an exception for myself")
    result = scope(repo, "--author", "moea-staff", "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["config"] is None  # read from main, which has none
    assert codes(result) == [("SC401", "error", ".github/sixcore-scope.yaml"), ("SC401", "error", "plan/lights.yaml")]


def test_a_pull_request_without_status_files_is_not_limited(repo):
    repo.append("plan/lights.yaml", "# a coordinator's plan change\n")
    repo.write("sixcore/prscope.py", "# code\n")
    repo.commit("plan and code")
    result = scope(repo)
    assert result.exit_code == 0
    assert "未變更任何填報檔：不是填報的拉取請求，不受此限" in result.output


def test_a_symbolic_link_is_never_a_status_file(repo):
    coordinators_on_main(repo)
    (repo.path / "status/111Q2").mkdir()
    os.symlink("../111Q1/moea.yaml", repo.path / "status/111Q2/moea.yaml")
    repo.commit("a link instead of a filing")
    result = scope(repo, "--author", "NDC-Coordinator", "--format", "json")
    assert result.exit_code == 1
    assert codes(result) == [("SC404", "error", "status/111Q2/moea.yaml")]
    assert "git 檔案模式 120000" in json.loads(result.stdout)["problems"][0]["message"]


def test_github_annotations_and_job_summary(repo, tmp_path):
    repo.write("status/111Q2/nstc.yaml", GOOD_STATUS.format(quarter="111Q2"))
    repo.append("plan/lights.yaml", "# looser thresholds\n")
    repo.commit("a filing and its own thresholds")
    summary = tmp_path / "summary.md"
    result = scope(repo, env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
    assert result.exit_code == 1
    assert "::error file=plan/lights.yaml,line=1,col=1,title=SC401 pr-mixed::填報的拉取請求只能變更填報檔" in result.stdout
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## sixcore pr-scope\n\n比較 main（共同祖先 ")
    assert "範圍不符，請拆成 2 個拉取請求：\n1. 機關「nstc」的填報檔：status/111Q2/nstc.yaml\n2. 其他變更" in text
    assert "| `plan/lights.yaml` | 錯誤 | 填報的拉取請求只能變更填報檔" in text


def test_the_answer_ignores_git_settings_and_the_current_folder(repo, tmp_path, monkeypatch):
    settings = tmp_path / "gitconfig"
    settings.write_text("[diff]\n\trenames = copies\n\trelative = true\n\tignoreSubmodules = all\n[color]\n\tui = always\n"
                        "[core]\n\tquotePath = true\n", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(settings))
    repo.move("status/111Q1/moea.yaml", "status/111Q1/經濟部.yaml")
    repo.commit("a file name that is not an agency id")
    inside = runner.invoke(app, ["pr-scope", "--base", "main", "--root", str(repo.path / "plan"), "--format", "json"])
    assert inside.exit_code == 1
    assert [(change["path"], change["change"], change["agency"]) for change in json.loads(inside.stdout)["changes"]] == [
        ("status/111Q1/moea.yaml", "deleted", "moea"), ("status/111Q1/經濟部.yaml", "added", "經濟部")]


@pytest.mark.parametrize("base, said", [
    ("no-such-branch", "找不到基準「no-such-branch」"),
    ("--output=/tmp/x", "基準「--output=/tmp/x」無效"),  # never passed to git as an option
    ("", "基準「」無效"),
])
def test_an_unknown_base_is_exit_2(repo, base, said):
    result = runner.invoke(app, ["pr-scope", "--base", base, "--root", str(repo.path)])
    assert result.exit_code == 2
    assert said in result.output and "Traceback" not in result.output


def test_no_common_history_is_exit_2(repo):
    repo.git("switch", "--quiet", "--orphan", "unrelated")
    repo.write("status/111Q2/nstc.yaml", GOOD_STATUS.format(quarter="111Q2"))
    repo.commit("unrelated history")
    result = scope(repo)
    assert result.exit_code == 2 and "沒有共同的歷史" in result.output and "Traceback" not in result.output


def test_not_a_repository_is_exit_2(tmp_path, git_env):
    result = runner.invoke(app, ["pr-scope", "--base", "main", "--root", str(tmp_path)], env={"GIT_CEILING_DIRECTORIES": str(tmp_path.parent)})
    assert result.exit_code == 2
    assert "不在 git 版本庫的工作目錄中" in result.output and "git: fatal: not a git repository" in result.output
    assert "Traceback" not in result.output


def test_git_not_installed_is_exit_2(repo, tmp_path):
    empty = tmp_path / "no-git"
    empty.mkdir()
    result = runner.invoke(app, ["pr-scope", "--base", "main", "--root", str(repo.path)], env={"PATH": str(empty)})
    assert result.exit_code == 2
    assert "找不到 git 指令，請先安裝 git / git is not installed" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("config, said", [
    ("coordinators: ndc-coordinator\n", "coordinators"),  # a list is needed
    ("coordinator: [ndc-coordinator]\n", "coordinator: Extra inputs are not permitted"),
    ("coordinators: [not a login]\n", "coordinators.0: 'not a login' 不是 GitHub 帳號"),
    ("coordinators: [a\n", "不是有效的 UTF-8 YAML"),
])
def test_an_invalid_configuration_on_the_base_is_exit_2(repo, config, said):
    repo.git("switch", "--quiet", "main")
    repo.write(".github/sixcore-scope.yaml", config)
    repo.commit("a broken configuration")
    repo.git("switch", "--quiet", "pr")
    repo.git("rebase", "--quiet", "main")
    repo.write("status/111Q2/nstc.yaml", GOOD_STATUS.format(quarter="111Q2"))
    repo.commit("a filing")
    assert scope(repo).exit_code == 0  # the file is read only when an exception could be needed
    repo.append("plan/lights.yaml", "# and a plan change\n")
    repo.commit("and a plan change")
    result = scope(repo, "--author", "ndc-coordinator")
    assert result.exit_code == 2
    assert "main:.github/sixcore-scope.yaml" in result.output and said in result.output and "Traceback" not in result.output


def test_the_pull_request_that_repairs_a_broken_configuration_passes(repo):
    repo.git("switch", "--quiet", "main")
    repo.write(".github/sixcore-scope.yaml", "coordinator: [ndc-coordinator]\n")
    repo.commit("a broken configuration")
    repo.git("switch", "--quiet", "pr")
    repo.git("rebase", "--quiet", "main")
    repo.write(".github/sixcore-scope.yaml", COORDINATORS)
    repo.commit("repaired")
    assert scope(repo).exit_code == 0


# ---- the pieces, without git ------------------------------------------------------------------------------------


def test_status_paths_are_those_sixcore_reads():
    assert status_agency("status/113Q2/moea.yaml") == "moea"
    assert status_agency("status/113Q2/moea.yml") == "moea"
    for other in ("status/README.md", "status/moea.yaml", "status/113Q2/sub/moea.yaml", "plan/status/113Q2/moea.yaml", "status/113Q2/moea.txt"):
        assert status_agency(other) is None, other


def test_parse_raw_output():
    raw = (b":000000 100644 " + b"0" * 40 + b" " + b"1" * 40 + b" A\0status/113Q2/moea.yaml\0"
           b":100644 000000 " + b"1" * 40 + b" " + b"0" * 40 + b" D\0status/113Q1/moea.yaml\0"
           b":100644 120000 " + b"1" * 40 + b" " + b"2" * 40 + b" T\0status/113Q3/moea.yaml\0")
    assert parse_raw(raw) == [
        Change("status/113Q2/moea.yaml", ChangeKind.added, "100644"),
        Change("status/113Q1/moea.yaml", ChangeKind.deleted, "000000"),
        Change("status/113Q3/moea.yaml", ChangeKind.modified, "120000"),
    ]
    assert parse_raw(b"") == []


def test_judge_without_status_files_finds_nothing():
    assert judge([Change("plan/lights.yaml", ChangeKind.modified, "100644"), Change("status/README.md", ChangeKind.deleted, "000000")], allowed=False) == []


def test_configuration_logins():
    config = ScopeConfig.model_validate({"coordinators": ["NDC-Coordinator", "sixcore-bot[bot]"]})
    assert config.allows("ndc-coordinator") and config.allows("sixcore-bot[bot]")
    assert not config.allows(None) and not config.allows("moea-staff")
    assert not ScopeConfig().allows("ndc-coordinator")
