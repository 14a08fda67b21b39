"""Wall time and peak memory of sixcore's commands at ×1, ×10 and ×100 against a YAML floor (issue #17). A script,
not a test:

    python benchmarks/run.py                       # ×1 and ×10, 3 interleaved runs each, medians printed
    python benchmarks/run.py --scales 1,10,100 --runs 5
    python benchmarks/run.py --scales 100 --runs 1 --commands floor,check   # ×100, a subset (a full round is long)
    python benchmarks/run.py --keep                # leave the workloads in a temporary folder for a look

Workloads. ×1 is this repository's plan/ plus the 16 quarters (110Q1–113Q4) of the synthetic status set
(tests/synthetic/make_demo.py). ×N replicates its shape N times inside the same files, with suffixed ids so that
every id stays unique: each 事項 (item) of every measure is copied N-1 times, the copy r renumbered by adding
100·r to the leading number of the item, its approaches and its work items (item 1 → 101, 201, …; work item
1.1.1 → 101.1.1); every KPI row likewise (label and id 1.2.1 → 101.2.1); and every status entry (work items and
KPIs) is copied under the renumbered ids, so every copy is filed exactly as its original. Agencies, budget and
quarter texts are not replicated. Each replicated file is dumped once with PyYAML (comments dropped), in a process
of its own: a child's peak RSS counts from its parent's peak, which writing ×100 (about 130 MiB) would inflate.

Limits: the biggest plan file (62 KB, 3,444 values) grows to 0.47 MB and 32,325 values at ×10, inside the loader's
1 MB / 50,000-value file limits (sixcore/load/limits.py), and to 4.7 MB and 321,135 values at ×100. A plan industry
cannot be split into more files (one file per industry; a second file of the same industry is SC101), nor a body's
quarterly status (one file per body and quarter), so at the scales whose largest file passes a default limit every
sixcore command runs with SIXCORE_FILE_LIMIT_MB at the least that file needs (worked out from its bytes and values,
7 at ×100), as a user with legitimately big files would; each scale's table names the limit and the file. The floor
is unchanged: yaml.CSafeLoader has no limits.

Each command runs as its own child process (`python -m sixcore …` with this Python), all commands in turn for
each run (interleaved), and the median of --runs runs is printed with the child's peak RSS (os.wait4) and its
ratio to the floor: `python -c` loading the same YAML files with yaml.CSafeLoader and nothing else. `floor gc-off`
is the same with the cyclic collector off, as sixcore loads (the collector slows the floor on big files), and check's
ratio to it is printed under the table; `imports of check` is what check imports before it reads a file.
`sixcore --help` is compared with `python -c pass`. check-jsonschema and yamllint run only if installed.

`report` writes every file but report.pdf: it runs with SIXCORE_CHROMIUM naming a browser that does not exist, so
it warns and skips the PDF (sixcore/render/report_pdf.py), as it would on a machine without Chromium. Printing the
PDF through headless Chromium takes 6–8 s whatever the plan's size and would swamp the rest, so `report + pdf`
(the browser found as a user's run finds it) is its own line, timed at ×1 only.

    python benchmarks/run.py --against /path/to/main-worktree   # before and after, interleaved run by run

With --against, every sixcore command also runs, right after this checkout's, with the other checkout first on
PYTHONPATH, printed as "<command> (before)" with the ratio after / before. A checkout older than
SIXCORE_FILE_LIMIT_MB refuses the ×100 files (SC020: exit 1 in its line, and a time that is no comparison).

--commands times a subset, named as in the table (floor, check, report, "report json", …; see --help); the
× floor column needs floor, and the --help line `python -c pass`.
"""

from __future__ import annotations

import argparse
import copy
import multiprocessing
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, NamedTuple

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sixcore.load.limits import FILE_LIMIT_VARIABLE, megabytes_needed  # noqa: E402

Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
QUARTER = "113Q4"
_LEADING = re.compile(r"^(\d+)")


def renumber(number: str, copy_index: int) -> str:
    """`number` of copy `copy_index` (≥ 1): 100·copy_index added to its leading number."""
    match = _LEADING.match(number)
    if match is None:
        raise SystemExit(f"cannot renumber {number!r}: no leading number")
    return str(int(match[1]) + 100 * copy_index) + number[match.end():]


def replicate_industry(data: dict[str, Any], scale: int) -> None:
    for measure in data.get("measures", []):
        items = measure["items"]
        copies = []
        for r in range(1, scale):
            for item in items:
                twin = copy.deepcopy(item)
                twin["number"] = renumber(str(twin["number"]), r)
                for approach in twin.get("approaches") or []:
                    approach["number"] = renumber(str(approach["number"]), r)
                    for work_item in approach.get("work_items") or []:
                        work_item["number"] = renumber(str(work_item["number"]), r)
                copies.append(twin)
        items.extend(copies)


def replicate_kpis(data: dict[str, Any], scale: int) -> None:
    tables = data.get("tables") if "tables" in data else [data]
    for table in tables or []:
        for strategy in table.get("strategies", []):
            rows = strategy.get("kpis") or []
            copies = []
            for r in range(1, scale):
                for row in rows:
                    twin = copy.deepcopy(row)
                    twin["label"] = renumber(str(twin["label"]), r)
                    if twin.get("id"):
                        twin["id"] = renumber(str(twin["id"]), r)
                    copies.append(twin)
            rows.extend(copies)


def replicate_status(data: dict[str, Any], scale: int) -> None:
    for key in ("work_items", "kpis"):
        entries = data.get(key)
        if not isinstance(entries, dict):
            continue
        copies = {}
        for r in range(1, scale):
            for ident, entry in entries.items():
                if key == "work_items":
                    measure, _, number = str(ident).partition("/")
                    twin_id = f"{measure}/{renumber(number, r)}"
                else:
                    twin_id = renumber(str(ident), r)
                copies[twin_id] = copy.deepcopy(entry)
        entries.update(copies)


def count_values(data: Any) -> int:
    """Values as the loader counts them: each scalar, list, mapping and mapping key."""
    if isinstance(data, dict):
        return 1 + sum(1 + count_values(value) for value in data.values())
    if isinstance(data, list):
        return 1 + sum(count_values(value) for value in data)
    return 1


REPLICATORS = {"plan/industries/*.yaml": replicate_industry, "plan/kpis/*.yaml": replicate_kpis, "status/*/*.yaml": replicate_status}
WORKLOAD = ("plan/**/*.yaml", "status/*/*.yaml")  # what sixcore and the floor read


class Largest(NamedTuple):
    """The workload's file that needs the highest per-file limit, and that limit (SIXCORE_FILE_LIMIT_MB)."""

    megabytes: int
    size: int
    values: int
    path: str


def write_scaled(source: Path, target: Path, scale: int) -> Largest:
    """The ×scale workload written to `target`, each replicated file dumped once; its file that needs the highest
    per-file limit (the other files are measured as they are)."""
    shutil.copytree(source, target)
    replicators = {path: replicate for pattern, replicate in REPLICATORS.items() for path in target.glob(pattern)} if scale > 1 else {}
    largest = Largest(0, 0, 0, "")
    for path in sorted(path for pattern in WORKLOAD for path in target.glob(pattern)):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)
        replicate = replicators.get(path)
        if replicate is None:
            size = path.stat().st_size
        else:
            replicate(data, scale)
            raw = yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=1000).encode()
            path.write_bytes(raw)
            size = len(raw)
        values = count_values(data)
        largest = max(largest, Largest(megabytes_needed(size, values), size, values, path.relative_to(target).as_posix()))
    return largest


def write_scaled_apart(source: Path, target: Path, scale: int) -> Largest:
    """write_scaled in a process of its own. A child's peak RSS (os.wait4) starts from this process's peak when it is
    started, so building 66 MB of YAML here (about 130 MiB at ×100) would be counted in every command timed after."""
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        largest: Largest = pool.apply(write_scaled, (source, target, scale))
    return largest


def run_child(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, int, int]:
    """Wall seconds, peak RSS in KiB and exit status of one child process."""
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss, child.returncode


NO_BROWSER = "no-chromium-here"  # SIXCORE_CHROMIUM for `report`, under the workload: no such file, so no PDF
PDF_SCALES = (1,)  # `report + pdf` is timed at these scales only: the browser's time hardly depends on the plan's size


COMMAND_NAMES = ("floor", "floor gc-off", "check", "report", "report json", "gantt text", "gantt html", "export", "python -c pass", "imports of check", "sixcore --help",
                 "report + pdf", "check-jsonschema", "yamllint")


def commands(root: Path, python: str, scale: int, wanted: set[str]) -> dict[str, tuple[list[str], dict[str, str]]]:
    """Each of the `wanted` commands to time, with the environment variables it needs besides the benchmark's own."""
    floor = ("import glob, yaml\n"
             "for p in sorted(glob.glob('plan/**/*.yaml', recursive=True) + glob.glob('status/*/*.yaml')):\n"
             "    yaml.load(open(p, encoding='utf-8').read(), Loader=yaml.CSafeLoader)\n")
    six = [python, "-m", "sixcore"]
    report = [*six, "report", "--quarter", QUARTER, "--root", str(root)]
    found: dict[str, tuple[list[str], dict[str, str]]] = {
        "floor": ([python, "-c", floor], {}),
        # the same with Python's cyclic collector off, as sixcore loads: with the default thresholds the collector
        # rescans a file's growing heap while CSafeLoader builds it, which costs more the bigger the file (×100)
        "floor gc-off": ([python, "-c", "import gc; gc.disable()\n" + floor], {}),
        "check": ([*six, "check", "--quarter", QUARTER, "--root", str(root)], {}),
        "report": ([*report, "--out", str(root / "out-report")], {"SIXCORE_CHROMIUM": str(root / NO_BROWSER)}),
        "report json": ([*report, "--format", "json"], {}),
        "gantt text": ([*six, "gantt", "--quarter", QUARTER, "--root", str(root)], {}),
        "gantt html": ([*six, "gantt", "--quarter", QUARTER, "--root", str(root), "--format", "html", "--out", str(root / "g.html")], {}),
        "export": ([*six, "export", "--root", str(root)], {}),
        "python -c pass": ([python, "-c", "pass"], {}),
        # what every run of check pays before reading a file (typer, pydantic and the models built): at ×1 about the
        # floor's whole time
        "imports of check": ([python, "-c", "import sixcore.cli, sixcore.audit, sixcore.rules, sixcore.render.problems"], {}),
        "sixcore --help": ([*six, "--help"], {}),
    }
    if scale in PDF_SCALES:
        found["report + pdf"] = ([*report, "--out", str(root / "out-report-pdf")], {})
    checker = shutil.which("check-jsonschema") or str(Path(python).parent / "check-jsonschema")
    if "check-jsonschema" in wanted and Path(checker).exists():
        schema = root / "status.schema.json"
        schema.write_text(subprocess.run([*six, "schema", "status"], capture_output=True, text=True, check=True).stdout)
        files = sorted(str(path) for path in (root / "status").glob("*/*.yaml"))
        found["check-jsonschema"] = ([checker, "--schemafile", str(schema), *files], {})
    yamllint = shutil.which("yamllint")
    if yamllint:
        found["yamllint"] = ([yamllint, "-d", "relaxed", str(root / "plan"), str(root / "status")], {})
    return {name: found[name] for name in found if name in wanted}


BEFORE = " (before)"


def bench(root: Path, scale: int, runs: int, python: str, wanted: set[str], limit_mb: int,
          against: Path | None = None) -> dict[str, tuple[float, int, int]]:
    """Median wall time, largest peak RSS and last exit status of each command. sixcore's commands run with
    SIXCORE_FILE_LIMIT_MB at `limit_mb` when that is past the default's 1. With `against` (another checkout
    of sixcore), each sixcore command is also run with that checkout first on the path, right after this one's,
    as "<name> (before)": before and after then share the machine's state run by run."""
    table: dict[str, tuple[list[str], dict[str, str] | None]] = {}
    limit = {FILE_LIMIT_VARIABLE: str(limit_mb)} if limit_mb > 1 else {}
    for name, (command, variables) in commands(root, python, scale, wanted).items():
        if command[1:3] == ["-m", "sixcore"]:
            variables = {**variables, **limit}
        table[name] = (command, {**os.environ, **variables} if variables else None)
        if against is not None and command[1:3] == ["-m", "sixcore"]:
            table[name + BEFORE] = (command, {**os.environ, **variables, "PYTHONPATH": str(against)})
    times: dict[str, list[tuple[float, int, int]]] = {name: [] for name in table}
    for command, env in table.values():  # warm-up
        run_child(command, root, env)
    for _ in range(runs):
        for name, (command, env) in table.items():
            times[name].append(run_child(command, root, env))
    return {name: (statistics.median(t for t, _, _ in rows), max(m for _, m, _ in rows), rows[-1][2]) for name, rows in times.items()}


def compile_ahead(python: str, checkout: Path) -> None:
    """Write the .pyc files of a checkout's sixcore before timing it: with PYTHONDONTWRITEBYTECODE set (as on this
    machine) Python never writes them, so every timed run would compile every module again, and a checkout whose
    files are older or were compiled by the test suite would look faster than one just made (pip compiles an install)."""
    subprocess.run([python, "-m", "compileall", "-q", str(checkout / "sixcore")], check=True, stdout=subprocess.DEVNULL)


def input_bytes(root: Path) -> int:
    return sum(path.stat().st_size for pattern in WORKLOAD for path in root.glob(pattern))


def command_names(written: str) -> set[str]:
    """--commands: names from COMMAND_NAMES, comma-separated."""
    names = {name.strip() for name in written.split(",")}
    unknown = names - set(COMMAND_NAMES)
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown {', '.join(sorted(unknown))}; choose from {', '.join(COMMAND_NAMES)}")
    return names


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,10", help="comma-separated, e.g. 1,10,100 (default 1,10)")
    parser.add_argument("--runs", type=int, default=3, help="counted runs per command, after one warm-up (default 3)")
    parser.add_argument("--commands", type=command_names, default=set(COMMAND_NAMES), metavar="NAMES",
                        help="time only these, comma-separated, e.g. floor,check (the × floor column needs floor; "
                             "default: all of " + ", ".join(COMMAND_NAMES) + ")")
    parser.add_argument("--keep", action="store_true", help="keep the workloads")
    parser.add_argument("--python", default=sys.executable, help="the Python whose sixcore runs (default: this one)")
    parser.add_argument("--against", type=Path, metavar="CHECKOUT",
                        help="another checkout of sixcore (e.g. a worktree of main) to time interleaved with this one")
    args = parser.parse_args()
    scales = [int(scale) for scale in args.scales.split(",")]
    for checkout in (REPO, *([args.against] if args.against else [])):
        compile_ahead(args.python, checkout)
    work = Path(tempfile.mkdtemp(prefix="sixcore-bench-"))
    try:
        subprocess.run([args.python, str(REPO / "tests" / "synthetic" / "make_demo.py"), str(work / "x1")],
                       check=True, stdout=subprocess.DEVNULL, cwd=REPO)
        print(f"# {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, nproc {os.cpu_count()}, "
              f"{_model_name()}, Python {sys.version.split()[0]}, median of {args.runs} runs")
        for scale in scales:
            root = work / f"scale{scale}"
            started = time.perf_counter()
            largest = write_scaled_apart(work / "x1", root, scale)
            written = time.perf_counter() - started
            files = sum(1 for pattern in WORKLOAD for _ in root.glob(pattern))
            size = input_bytes(root)
            results = bench(root, scale, args.runs, args.python, args.commands, largest.megabytes, args.against)
            limit = f"{FILE_LIMIT_VARIABLE}={largest.megabytes}, the least the" if largest.megabytes > 1 else "the default (1 MB), enough for the"
            print(f"\n## ×{scale}: {files} files, {size / 1e6:.2f} MB (written in {written:.0f} s)\n")
            print(f"Per-file limit: {limit} largest file needs ({largest.path}, {largest.size / 1e6:.2f} MB, "
                  f"{largest.values:,} values)\n")
            print("| command | wall s | × floor | peak RSS MiB | exit |" + (" after / before |" if args.against else ""))
            print("|---|---|---|---|---|" + ("---|" if args.against else ""))
            for name, (wall, rss, code) in results.items():
                base = results.get("python -c pass" if name.startswith("sixcore --help") else "floor")
                ratio = "" if base is None or name in ("floor", "floor gc-off", "python -c pass") else f"{wall / base[0]:.2f}"
                before = results.get(name + BEFORE)
                change = f" {wall / before[0]:.2f} |" if before else (" |" if args.against else "")
                print(f"| {name} | {wall:.3f} | {ratio} | {rss / 1024:.0f} | {code} |{change}")
            if "check" in results and "floor gc-off" in results:
                print(f"\ncheck × the floor with the collector off: {results['check'][0] / results['floor gc-off'][0]:.2f}")
            if "check" in results:
                check_rss = results["check"][1] / 1024
                print(f"\ncheck peak memory {check_rss:.0f} MiB; goal ≤ 10 × input + 60 = {10 * size / 2**20 + 60:.0f} MiB")
            sys.stdout.flush()
    finally:
        if args.keep:
            print(f"\nworkloads kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def _model_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


if __name__ == "__main__":
    sys.exit(main())
