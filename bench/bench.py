"""Benchmark mlplan against the product spec's targets, in one run.

1. Start-up: the median wall time of ``mlplan check data/example-plan.yaml`` over that of
   ``python -c "import typer, pydantic, yaml"`` (target: at most 1.5, aim 1.2; ``--help``
   at most 1.3), from interleaved
   runs so drift in the machine's load hits both alike; also ``mlplan --help``,
   ``mlplan plan`` and TAB completion (a command name, and an option inside ``summary``;
   target at most 1.3).
2. A group: ``mlplan summary DIR --format json`` (the overview and every page) over 250,
   500 and 1,000 generated plans; the 1,000-plan time against one ``check`` run in turn
   with it, so both meet the same load (target: at most 6x), the cost per plan at each size beyond one check's start-up (linear growth
   means a flat ms/plan) and the peak memory per size (flat: pages are streamed). Then 1,000 plans on all cores against
   one process (``MLPLAN_JOBS=1``), in JSON, or with ``--formats`` in every format.

Everything runs the installed ``mlplan`` script end to end, as a user does. A benchmark,
not a test: it prints figures and exits 0. Run it with the venv's Python::

    python bench/bench.py                 # 15 start-up runs, 5 runs per group size
    python bench/bench.py --runs 31 --group-runs 3 --formats

Wall time on a shared machine swings with the load of other processes, so CPU time
(user + system, of the child) is printed beside it.
"""

from __future__ import annotations

import argparse
import compileall
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "data" / "example-plan.yaml"
TODAY = ["--today", "2026-11-22"]
STATUSES = ("planned", "in_progress", "done", "done", "dropped")
# The floor for any typer app: one command with a path argument that validates one small
# pydantic model. typer (0.26+) builds a pydantic TypeAdapter per parameter at parse time,
# which loads pydantic's schema machinery and its plugin loader (importlib.metadata).
FLOOR = """
from pathlib import Path
import typer, yaml
from pydantic import BaseModel
class M(BaseModel):
    a: int
app = typer.Typer()
@app.command()
def check(path: Path, strict: bool = False) -> None:
    M.model_validate({"a": 1})
app()
"""


# -- running ---------------------------------------------------------------------------


def mlplan_script() -> str:
    """The installed ``mlplan`` next to this Python (the venv's script)."""
    script = Path(sys.executable).parent / ("mlplan.exe" if os.name == "nt" else "mlplan")
    if not script.exists():
        sys.exit(f"{script} not found: install mlplan into this Python's environment first")
    return str(script)


def compile_mlplan() -> None:
    """An editable install under PYTHONDONTWRITEBYTECODE has no ``.pyc`` for mlplan's
    own modules and would be measured compiling them on every run (pip compiles a
    normal install); write them first."""
    import mlplan

    compileall.compile_dir(Path(mlplan.__file__).parent, quiet=1)


def timed(cmd: list[str], env: dict[str, str], ok: tuple[int, ...] = (0,)) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in ok:
        sys.exit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.decode()[:500]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def peak_rss(cmd: list[str], env: dict[str, str]) -> float:
    """The largest resident set (KiB) of ``cmd`` or any of its workers, measured in a
    fresh Python so no earlier child counts (Linux reports the maximum over children)."""
    probe = (
        "import resource, subprocess, sys;"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, *cmd], env=env, capture_output=True, text=True, check=True
    )
    return float(done.stdout.strip())


def interleaved(
    commands: dict[str, tuple[list[str], dict[str, str]]], runs: int, ok: tuple[int, ...] = (0,)
) -> dict[str, tuple[float, float]]:
    """Median wall and CPU seconds of each command, the runs taken in turn."""
    for cmd, env in commands.values():  # warm the file cache and the bytecode
        timed(cmd, env, ok)
    walls: dict[str, list[float]] = {k: [] for k in commands}
    cpus: dict[str, list[float]] = {k: [] for k in commands}
    for _ in range(runs):
        for name, (cmd, env) in commands.items():
            wall, cpu = timed(cmd, env, ok)
            walls[name].append(wall)
            cpus[name].append(cpu)
    return {k: (statistics.median(walls[k]), statistics.median(cpus[k])) for k in commands}


# -- a group of plans ------------------------------------------------------------------


def variation(text: str, n: int, rng: random.Random) -> str:
    """One plausible plan: the example with another aios, start, duration and progress."""
    start = f"{rng.randint(2019, 2026)}-{rng.choice(('03', '09'))}-01"
    years = rng.choice(("4", "4.5", "5", "5", "6"))
    text = text.replace("Anne de Vries", f"Aios {n:04d}")
    text = text.replace("start: 2025-09-01", f"start: {start}")
    text = text.replace("years: 5\n", f"years: {years}\n")
    text = re.sub(r"status: \w+", lambda _: f"status: {rng.choice(STATUSES)}", text)
    if n % 100 == 99:  # a typo: the plan does not load and becomes a row with its error
        text = text.replace("  specialty:", "  specialtie:")
    return text


def tab(words: str, word: int) -> dict[str, str]:
    """The environment in which bash's completion asks ``mlplan`` for the words at
    ``word`` of ``words`` (what the completion script that mlplan installs sets)."""
    return {"_MLPLAN_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(word)}


def generate(directory: Path, count: int, seed: int = 6) -> None:
    rng = random.Random(seed)
    text = PLAN.read_text(encoding="utf-8")
    for n in range(count):
        (directory / f"aios-{n:04d}.yaml").write_text(variation(text, n, rng), encoding="utf-8")


# -- the report ------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="start-up runs (default 15)")
    parser.add_argument("--group-runs", type=int, default=5, help="runs per group size (5)")
    parser.add_argument("--plans", type=int, default=1000, help="largest group (default 1000)")
    parser.add_argument("--formats", action="store_true", help="also time the other formats")
    args = parser.parse_args()

    compile_mlplan()
    mlplan = mlplan_script()
    scratch = Path(tempfile.mkdtemp(prefix="mlplan-bench-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MLPLAN_", "GITHUB_"))}
    env["NO_COLOR"] = "1"
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"python {sys.version.split()[0]}, {cores} cores; medians, wall (CPU)")
    try:
        check = [mlplan, "check", str(PLAN), *TODAY]
        start = interleaved(
            {
                "import typer, pydantic, yaml": (
                    [sys.executable, "-c", "import typer, pydantic, yaml"],
                    env,
                ),
                "typer app, 1 command, 1 model": ([sys.executable, "-c", FLOOR, "x"], env),
                "mlplan check": (check, env),
                "mlplan --help": ([mlplan, "--help"], env),
                "mlplan plan": ([mlplan, "plan", str(PLAN), *TODAY], env),
                # TAB completion as bash asks for it: a command name, and an option
                # inside the command whose module imports the most
                "TAB: mlplan su<TAB>": ([mlplan], env | tab("mlplan su", 1)),
                "TAB: mlplan summary --<TAB>": ([mlplan], env | tab("mlplan summary --", 2)),
            },
            args.runs,
        )
        base_wall, base_cpu = start["import typer, pydantic, yaml"]
        print(f"\nstart-up ({args.runs} interleaved runs each)")
        for name, (wall, cpu) in start.items():
            print(
                f"  {name:34} {wall * 1000:5.0f} ms ({cpu * 1000:4.0f})"
                f"  {wall / base_wall:4.2f}x ({cpu / base_cpu:4.2f}x)"
            )
        check_wall = start["mlplan check"][0]
        help_wall = start["mlplan --help"][0]
        tab_wall = max(w for name, (w, _) in start.items() if name.startswith("TAB"))
        print(
            f"  check / import: {check_wall / base_wall:.2f} (target <= 1.5, aim 1.2); "
            f"--help / import: {help_wall / base_wall:.2f}, slowest TAB / import: "
            f"{tab_wall / base_wall:.2f} (targets <= 1.3)"
        )

        sizes = sorted({max(1, args.plans // 4), max(1, args.plans // 2), args.plans})
        print(f"\nmlplan summary DIR --format json ({args.group_runs} runs per size)")
        print(f"  {'plans':>6} {'wall s':>8} {'cpu s':>7} {'ms/plan':>8} {'x check':>8}")
        results: dict[int, tuple[float, float]] = {}
        checks: dict[int, float] = {}  # one check's wall time, measured beside each size
        for size in sizes:
            group = scratch / f"plans-{size}"
            group.mkdir()
            generate(group, size)
            run = [mlplan, "summary", str(group), "--format", "json", *TODAY]
            # a check between the group's runs: the ratio compares the two under the same
            # load (start-up times swing by half from one minute to the next here)
            pair = interleaved(
                {"group": (run, env), "check": (check, env)}, args.group_runs, (0, 1)
            )
            wall, cpu = pair["group"]
            near = pair["check"][0]
            results[size] = (wall, cpu)
            checks[size] = near
            print(
                f"  {size:>6} {wall:>8.3f} {cpu:>7.3f} {1000 * (wall - near) / size:>8.3f}"
                f" {wall / near:>8.1f}"
            )
        small, large = sizes[0], sizes[-1]
        if large > small:
            marginal = (results[large][0] - results[small][0]) / (large - small)
            print(
                f"  marginal cost per plan {1000 * marginal:.3f} ms; "
                f"{large} plans: {results[large][0]:.2f} s = "
                f"{results[large][0] / checks[large]:.1f}x one check "
                f"({checks[large] * 1000:.0f} ms, taken in turn with it; target <= 6x)"
            )
        print("\npeak memory (max RSS of any one process) of summary DIR, per size")
        for size in sizes:
            group = scratch / f"plans-{size}"
            for fmt in ("json", "markdown"):
                run = [mlplan, "summary", str(group), "--format", fmt, *TODAY]
                print(f"  {size:>6} plans {fmt:9} {peak_rss(run, env) / 1024:7.1f} MiB")
        group = scratch / f"plans-{large}"
        formats = [["--format", "json"]]
        if args.formats:
            formats = [
                ["--overview-only", "--format", "json"],
                ["--format", "json"],
                ["--format", "markdown"],
                ["--format", "table"],
            ]
        print(
            f"\n{large} plans per format, all cores against one process (MLPLAN_JOBS=1);"
            f" {args.group_runs} interleaved runs each"
        )
        one_process = env | {"MLPLAN_JOBS": "1"}
        timings = interleaved(
            {
                f"{' '.join(extra)} {label}": ([mlplan, "summary", str(group), *extra, *TODAY], e)
                for extra in formats
                for label, e in (("cores", env), ("1 process", one_process))
            },
            args.group_runs,
            ok=(0, 1),
        )
        for name, (wall, cpu) in timings.items():
            print(f"  {name:48} {wall:5.2f} s ({cpu:5.2f} CPU)")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
