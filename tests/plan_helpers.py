"""Small plans for the tests of ``mlplan plan``: YAML text built from a few fields."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

from mlplan.domain.checking import CheckedPlan, check_text
from mlplan.domain.overview import Overview, build
from mlplan.io.loading import load_framework

TODAY = dt.date(2026, 11, 22)


def plan_yaml(
    *,
    years: float = 5,
    start: str = "2025-09-01",
    activities: list[dict[str, object]] | None = None,
    courses: list[dict[str, object]] | None = None,
    extra: str = "",
) -> str:
    """A valid plan; values are written as JSON, which is YAML, so any text is safe."""
    acts = (
        activities
        if activities is not None
        else [{"topic": "overlegmomenten", "title": "Voorzitten overdracht", "year": 1}]
    )
    lines = [
        "version: 1",
        "aios:",
        "  name: Test Aios",
        "training:",
        f"  start: {start}",
        f"  years: {years}",
        "activities:",
    ]
    lines += [f"  - {json.dumps(a, ensure_ascii=False)}" for a in acts]
    if courses:
        lines.append("courses:")
        lines += [f"  - {json.dumps(c, ensure_ascii=False)}" for c in courses]
    return "\n".join(lines) + "\n" + extra


def checked(text: str, today: dt.date = TODAY) -> CheckedPlan:
    return check_text(text, "plan.yaml", load_framework(), today)


def overview_of(text: str, today: dt.date = TODAY) -> Overview:
    result = checked(text, today)
    assert result.plan is not None, [d.message for d in result.diagnostics]
    return build(result, load_framework(), today)


def write(tmp_path: Path, text: str, name: str = "plan.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def imported_modules(args: list[str], cwd: Path) -> list[str]:
    """The modules ``python -m mlplan ARGS`` imports (``-X importtime``), run in ``cwd``:
    to show that a command never loads a library it does not need."""
    env = {**os.environ, "NO_COLOR": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "mlplan", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    imported = [line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if "|" in line]
    assert "mlplan.cli.entry" in imported  # the import log is what it seems
    return imported
