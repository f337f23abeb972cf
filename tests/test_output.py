"""The one output seam: the terminal width every command and the help are laid out at."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Result
from mlplan import output
from mlplan.output import MAX_WIDTH, MIN_WIDTH, settle_width

Run = Callable[..., Result]


@pytest.mark.parametrize(
    ("value", "settled"),
    [
        ("0", "40"),
        ("1", "40"),
        ("39", "40"),
        ("40", "40"),
        ("80", "80"),
        (" 100\n", "100"),
        ("500", "500"),
        ("501", "500"),
        ("10000000", "500"),
        ("9" * 5000, "500"),  # more digits than int() reads by default
        ("0080", "80"),
        ("abc", None),
        ("", None),
        ("-5", None),
        ("80px", None),
        ("²", None),  # isdigit() but not a number: rich's int() crashed on it
        ("٨٠", None),  # Arabic-Indic digits: not what a shell means by COLUMNS
    ],
)
@pytest.mark.parametrize("name", ["COLUMNS", "TERMINAL_WIDTH"])
def test_a_width_variable_is_clamped_or_dropped(
    name: str, value: str, settled: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(output, "_terminal_columns", lambda: None)  # a pipe
    environ = {name: value}
    settle_width(environ)
    assert environ.get(name) == settled


@pytest.mark.parametrize(("measured", "settled"), [(20, "40"), (900, "500"), (120, None)])
def test_a_terminal_outside_the_range_gets_the_nearest_bound(
    measured: int, settled: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(output, "_terminal_columns", lambda: measured)
    environ: dict[str, str] = {}
    settle_width(environ)
    assert environ.get("COLUMNS") == settled  # a terminal in range is left to rich to measure


def test_a_pipe_without_columns_is_left_alone() -> None:
    environ: dict[str, str] = {}
    settle_width(environ)  # pytest's stdout is not a terminal of an odd size
    assert "COLUMNS" not in environ or MIN_WIDTH <= int(environ["COLUMNS"]) <= MAX_WIDTH


# each command with a text it must show
COMMANDS = [
    (("--help",), "Gebruik: mlplan"),
    (("framework",), "Voorwaardelijke cursussen"),
    (("framework", "patientveiligheid"), "Patiëntveiligheid (patientveiligheid)"),
    (("plan", "PLAN", "--today", "2026-11-22"), "Anne de Vries"),
    (("summary", "PLAN", "--today", "2026-11-22"), "Stand van zaken"),
    (("check", "--help"), "Gebruik: mlplan check"),
]


@pytest.mark.parametrize("columns", ["0", "1", "10000000", "abc", "²", "-5"])
@pytest.mark.parametrize(("command", "shown"), COMMANDS, ids=[" ".join(c[:2]) for c, _ in COMMANDS])
def test_every_command_and_the_help_obey_the_clamped_width(
    run: Run,
    example_plan: Path,
    monkeypatch: pytest.MonkeyPatch,
    columns: str,
    command: tuple[str, ...],
    shown: str,
) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    args = [str(example_plan) if a == "PLAN" else a for a in command]
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    assert shown in result.stdout
    lines = result.stdout.splitlines()
    # a summary's title and meta line hold the file path and are never wrapped
    body = lines[2:] if command[0] == "summary" else lines
    widest = max(map(len, body))
    expected = {"0": MIN_WIDTH, "1": MIN_WIDTH, "10000000": MAX_WIDTH}.get(columns)
    if expected == MIN_WIDTH:
        assert widest <= MIN_WIDTH, (columns, widest)
    assert widest <= MAX_WIDTH
    assert len(result.stdout) < 200_000


def test_the_installed_script_clamps_columns_and_typers_terminal_width(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("mlplan")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MLPLAN_")}
    for extra in ({"COLUMNS": "10000000"}, {"TERMINAL_WIDTH": "abc"}, {"TERMINAL_WIDTH": "0"}):
        proc = subprocess.run(
            [str(script), "--help"],
            cwd=tmp_path,
            env=env | {"NO_COLOR": "1"} | extra,
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
        assert proc.returncode == 0, (extra, proc.stderr)
        assert "Gebruik: mlplan" in proc.stdout
        assert max(map(len, proc.stdout.splitlines())) <= MAX_WIDTH, extra
        assert len(proc.stdout) < 100_000, extra
