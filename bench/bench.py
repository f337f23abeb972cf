"""Benchmark: how much ``mlplan check`` on one plan costs over importing its libraries.

Prints the ratio of the median wall time of ``mlplan check data/example-plan.yaml`` to
that of ``python -c "import typer, pydantic, yaml"``, from interleaved runs (so drift in
the machine's load hits both alike). The spec's target is at most 1.2. A benchmark, not
a test: run it by hand, ``python bench/bench.py [--runs N]``, with the venv's Python.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "data" / "example-plan.yaml"


def mlplan_script() -> str:
    """The installed ``mlplan`` next to this Python (the venv's script)."""
    name = "mlplan.exe" if os.name == "nt" else "mlplan"
    script = Path(sys.executable).parent / name
    if not script.exists():
        sys.exit(f"{script} not found: install mlplan into this Python's environment first")
    return str(script)


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.decode()[:500]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of each command (default 15)")
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "MLPLAN_FRAMEWORK")}
    env["NO_COLOR"] = "1"
    check = [mlplan_script(), "check", str(PLAN), "--today", "2026-11-22"]
    baseline = [sys.executable, "-c", "import typer, pydantic, yaml"]
    for cmd in (check, baseline):  # warm the file cache and the bytecode
        timed(cmd, env)
    check_times: list[float] = []
    base_times: list[float] = []
    for _ in range(args.runs):
        check_times.append(timed(check, env))
        base_times.append(timed(baseline, env))
    c, b = statistics.median(check_times), statistics.median(base_times)
    print(f"mlplan check (median of {args.runs}): {c * 1000:.0f} ms")
    print(f"import typer, pydantic, yaml:   {b * 1000:.0f} ms")
    print(f"ratio: {c / b:.2f} (target <= 1.2)")


if __name__ == "__main__":
    main()
