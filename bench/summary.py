"""Benchmark: ``mlplan summary DIR --overview-only --format json`` over a group of plans.

Generates N plans (variations of the shipped example plan: other names, start dates,
durations and statuses; one in a hundred with a typo so the error path runs too) in a
temporary directory, then times the installed ``mlplan`` end to end, as a user runs it,
for 250, 500 and 1,000 plans (median of several runs) to show the cost grows linearly.

    python bench/summary.py              # 250/500/1000 plans, 5 runs each
    python bench/summary.py --plans 2000 --runs 3

The target (product spec): 1,000 plans well under 2.5 s on a 2-core machine. This is a
benchmark, not a test: it prints figures and exits 0.
"""

from __future__ import annotations

import argparse
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

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "example-plan.yaml"
STATUSES = ("planned", "in_progress", "done", "done", "dropped")


def variation(text: str, n: int, rng: random.Random) -> str:
    """One plausible plan: the example with another aios, start, duration and progress."""
    start = f"{rng.randint(2019, 2026)}-{rng.choice(('03', '09'))}-01"
    years = rng.choice(("4", "4.5", "5", "5", "6"))
    text = text.replace("Anne de Vries", f"Aios {n:04d}")
    text = text.replace("start: 2025-09-01", f"start: {start}")
    text = text.replace("years: 5\n", f"years: {years}\n")

    def status(match: re.Match[str]) -> str:
        return f"status: {rng.choice(STATUSES)}"

    text = re.sub(r"status: \w+", status, text)
    if n % 100 == 99:  # a typo: the plan does not load and becomes a row with its error
        text = text.replace("  specialty:", "  specialtie:")
    return text


def generate(directory: Path, count: int, seed: int = 6) -> None:
    rng = random.Random(seed)
    text = EXAMPLE.read_text(encoding="utf-8")
    for n in range(count):
        (directory / f"aios-{n:04d}.yaml").write_text(variation(text, n, rng), encoding="utf-8")


def mlplan_command() -> list[str]:
    script = Path(sys.executable).with_name("mlplan")
    return [str(script)] if script.exists() else [sys.executable, "-m", "mlplan"]


def time_run(command: list[str]) -> tuple[float, float]:
    """Wall-clock seconds and CPU seconds (user + system) of one run.

    CPU time is reported too because wall time on a shared machine swings with the load
    of other processes; CPU time is what mlplan itself costs.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        sys.exit(f"mlplan failed ({done.returncode}): {done.stderr.decode()[:500]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=1000, help="largest group (default 1000)")
    parser.add_argument("--runs", type=int, default=5, help="runs per size (default 5)")
    args = parser.parse_args()
    sizes = sorted({max(1, args.plans // 4), max(1, args.plans // 2), args.plans})
    command = mlplan_command()
    env_note = f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs"
    print(f"mlplan summary DIR --overview-only --format json ({env_note})")
    print(f"{'plans':>6} {'median s':>9} {'min s':>7} {'cpu s':>7} {'ms/plan':>8}")
    root = Path(tempfile.mkdtemp(prefix="mlplan-bench-"))
    try:
        results = []
        for size in [1, *sizes]:
            directory = root / str(size)
            directory.mkdir()
            generate(directory, size)
            run = [*command, "summary", str(directory), "--overview-only", "--format", "json"]
            run += ["--today", "2026-11-22"]
            time_run(run)  # warm the file cache and the bytecode
            runs = [time_run(run) for _ in range(args.runs)]
            median = statistics.median(w for w, _ in runs)
            cpu = statistics.median(c for _, c in runs)
            results.append((size, median, cpu))
            print(
                f"{size:>6} {median:>9.3f} {min(w for w, _ in runs):>7.3f} {cpu:>7.3f} "
                f"{1000 * median / size:>8.3f}"
            )
        (small, w_small, c_small), (large, w_large, c_large) = results[1], results[-1]
        per_wall = (w_large - w_small) / (large - small) if large > small else float("nan")
        per_cpu = (c_large - c_small) / (large - small) if large > small else float("nan")
        print(
            f"marginal cost per plan: {1000 * per_wall:.3f} ms wall, {1000 * per_cpu:.3f} ms CPU; "
            f"1 plan (start-up and framework): {results[0][1]:.3f} s"
        )
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
