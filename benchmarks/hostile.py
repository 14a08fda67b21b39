"""Time and peak memory of `sixcore check` on hostile input (issue #16). A script, not a test:

    python benchmarks/hostile.py                 # the sixcore of the Python that runs this script
    python benchmarks/hostile.py --keep          # and leave the temporary repositories for a look
    python benchmarks/hostile.py --source ../old # the sixcore of another checkout (its dependencies from here)

Each input is put into a temporary copy of this repository's plan/ beside a valid status file, and
`python -m sixcore check` runs on it in a child process; its wall time and peak resident memory (the
child's getrusage) are printed with the first error it reports. Children run under a memory cap
(--cap-mb, default 4096) and a timeout, so an old sixcore without the limits fails here instead of
taking the machine down.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
STATUS = Path("status/113Q2/moea.yaml")
VALID = "quarter: 113Q2\nagency: moea\nsummary: 依計畫辦理\n"


def billion_laughs() -> bytes:
    """Nine levels of nine aliases: under 1 KB, 9^9 (387 million) strings once expanded."""
    lines = ['a0: &a0 "lol"'] + [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    return ("\n".join(lines) + "\n").encode()


def status_bomb(root: Path) -> None:
    (root / STATUS).write_bytes(VALID.encode() + billion_laughs())


def lights_bomb(root: Path) -> None:
    (root / "plan" / "lights.yaml").write_bytes(billion_laughs())


def fifty_megabytes(root: Path) -> None:
    line = b"# " + "填報說明".encode() * 10 + b"\n"
    with (root / STATUS).open("wb") as handle:
        handle.write(VALID.encode())
        handle.write(line * (50 * 1024 * 1024 // len(line) + 1))


def nested_flow(root: Path) -> None:
    (root / STATUS).write_bytes((VALID + "highlights: " + "[" * 10_000 + "]" * 10_000 + "\n").encode())


def nested_block(root: Path) -> None:
    (root / STATUS).write_bytes((VALID + "next_quarter:\n" + "".join(" " * depth + "- \n" for depth in range(1, 1_001))).encode())


def wrong_entries(root: Path) -> None:
    """Just under 1 MB and the value limit: 49,990 wrong highlights, each one problem (the slowest 1 MB found)."""
    (root / STATUS).write_bytes((VALID + "highlights: [" + "{}, " * 49_990 + "]\n").encode())


CASES: dict[str, tuple[str, Callable[[Path], None] | None]] = {
    "baseline": ("the plan and one valid status file", None),
    "alias-bomb-status": ("billion laughs in a status file (< 1 KB)", status_bomb),
    "alias-bomb-lights": ("billion laughs as plan/lights.yaml (< 1 KB)", lights_bomb),
    "50mb": ("a 50 MB status file", fifty_megabytes),
    "nested-10000": ("lists nested 10,000 deep in one line (20 KB)", nested_flow),
    "nested-block-1000": ("block lists nested 1,000 deep (500 KB)", nested_block),
    "1mb-wrong-entries": ("49,990 wrong entries (200 KB), every one a problem", wrong_entries),
}


def run_child(command: list[str], cap_mb: int, timeout: float) -> tuple[float, int, int | None, str]:
    """Wall seconds, peak RSS in KB, exit status (None when killed by the timeout), first error line."""

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (cap_mb * 1024 * 1024, cap_mb * 1024 * 1024))

    started = time.perf_counter()
    with tempfile.TemporaryFile() as output:
        child = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, preexec_fn=cap)
        status: int | None = None
        while True:
            pid, wait_status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                status = os.waitstatus_to_exitcode(wait_status)
                break
            if time.perf_counter() - started > timeout:
                child.kill()
                _, _, usage = os.wait4(child.pid, 0)
                break
            time.sleep(0.005)
        child.returncode = status if status is not None else -9  # reaped here, not by Popen
        elapsed = time.perf_counter() - started
        output.seek(0)
        lines = output.read().decode("utf-8", "replace").splitlines()
    first = next((line for line in lines if "[error]" in line or "internal error" in line or "Error" in line), lines[-1] if lines else "")
    return elapsed, usage.ru_maxrss, status, first


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cap-mb", type=int, default=4096, help="memory cap of each child, MB (default 4096)")
    parser.add_argument("--timeout", type=float, default=120, help="seconds before a child is killed (default 120)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per case; the fastest is shown, as others on the machine only slow it down")
    parser.add_argument("--keep", action="store_true", help="keep the temporary repositories")
    parser.add_argument("--source", type=Path, help="run the sixcore package of this checkout instead of the installed one")
    parser.add_argument("cases", nargs="*", choices=[[], *CASES], help="cases to run (default: all)")
    options = parser.parse_args()

    base = Path(tempfile.mkdtemp(prefix="sixcore-hostile-"))
    print(f"sixcore check with {sys.executable}{' on ' + str(options.source) if options.source else ''}; memory cap {options.cap_mb} MB; timeout {options.timeout:.0f} s; best of {options.repeat}")
    print(f"{'case':<20} {'input':>10} {'wall s':>8} {'peak MB':>8} {'exit':>5}  first error")
    try:
        for name in options.cases or CASES:
            about, make = CASES[name]
            root = base / name
            shutil.copytree(REPO / "plan", root / "plan")
            (root / STATUS).parent.mkdir(parents=True)
            (root / STATUS).write_text(VALID, encoding="utf-8")
            if make:
                make(root)
            size = sum(path.stat().st_size for path in (root / "plan" / "lights.yaml", root / STATUS))
            command = [sys.executable, "-m", "sixcore", "check", "--root", str(root), "--format", "parsable", "-q"]
            if options.source:
                start = f"import sys; sys.path.insert(0, {str(options.source.resolve())!r}); from sixcore.cli import app; app(prog_name='sixcore')"
                command[1:3] = ["-c", start]
            elapsed, peak_kb, status, first = min(run_child(command, options.cap_mb, options.timeout) for _ in range(options.repeat))
            shown = "kill" if status is None else str(status)
            print(f"{name:<20} {size:>10,} {elapsed:>8.2f} {peak_kb / 1024:>8.0f} {shown:>5}  {first.replace(str(root) + '/', '')[:110]}")
            print(f"{'':<20} {about}")
    finally:
        if options.keep:
            print(f"kept: {base}")
        else:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
