"""The README's two commands are what CI runs, and what they install is pinned."""

from __future__ import annotations

import re
from importlib import metadata

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
CI_RUN = (REPO / ".ci" / "run").read_text(encoding="utf-8")


def readme_command(heading: str) -> str:
    """The one-line shell block that follows `heading` in the README's fresh-machine section."""
    found = re.search(re.escape(heading) + r":\n\n```sh\n(.+)\n```", README)
    assert found, heading
    return found.group(1)


def test_ci_runs_the_readme_commands_exactly():
    ci_lines = CI_RUN.splitlines()
    for heading in ("Install and run the tests", "Install and check the repository's own plan"):
        command = readme_command(heading)
        assert command in ci_lines, command
        assert "-c constraints.txt" in command and command.startswith("python3 -m venv .venv && . .venv/bin/activate && ")


def pinned_versions() -> dict[str, str]:
    pins = {}
    for line in (REPO / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"not an exact pin: {line}"
            pins[canonicalize_name(name)] = version
    return pins


def installed_requirements(name: str, extras: frozenset[str] = frozenset()) -> dict[str, str]:
    """Every distribution `name` (with `extras`) needs on this Python, dependencies of dependencies too → installed version."""
    found: dict[str, str] = {}
    waiting = [(name, extras)]
    while waiting:
        current, wanted = waiting.pop()
        for text in metadata.requires(current) or []:
            requirement = Requirement(text)
            applies = requirement.marker is None or any(requirement.marker.evaluate({"extra": extra}) for extra in wanted | {""})
            key = canonicalize_name(requirement.name)
            if applies and key not in found:
                found[key] = metadata.version(requirement.name)
                waiting.append((requirement.name, frozenset(requirement.extras)))
    return found


def test_the_tests_run_with_exactly_the_pinned_versions():
    # what the README's commands install is what constraints.txt says, every package sixcore[test] pulls in
    pins = pinned_versions()
    installed = installed_requirements("sixcore", frozenset({"test"}))
    assert {"typer", "pydantic", "pydantic-core", "pyyaml", "rich", "odfpy", "pytest", "ruff", "mypy"} <= installed.keys()
    unpinned = sorted(installed.keys() - pins.keys())
    assert not unpinned, f"add to constraints.txt: {unpinned}"
    differ = {name: (version, pins[name]) for name, version in installed.items() if version != pins[name]}
    assert not differ, f"installed ≠ pinned (reinstall with -c constraints.txt): {differ}"
