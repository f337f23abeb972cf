"""The one output seam: the terminal width every command and the help are laid out at."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Result
from mlplan.render import output
from mlplan.render.output import MAX_WIDTH, MIN_WIDTH, settle_width

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


# -- the width a page is laid out at, without rich ---------------------------------------


class _Size:
    def __init__(self, columns: int) -> None:
        self.columns = columns
        self.lines = 24

    def __iter__(self):  # type: ignore[no-untyped-def]  # rich unpacks (columns, lines)
        return iter((self.columns, self.lines))


@pytest.mark.parametrize("columns", [None, "100"])
@pytest.mark.parametrize("lines", [None, "30"])
@pytest.mark.parametrize("term", ["xterm", "dumb", "unknown"])
@pytest.mark.parametrize("terminal", [None, 0, 132])
@pytest.mark.parametrize("color", [False, True])
@pytest.mark.parametrize("fixed", [None, 120])
def test_the_width_is_the_one_rich_would_measure(
    monkeypatch: pytest.MonkeyPatch,
    columns: str | None,
    lines: str | None,
    term: str,
    terminal: int | None,
    color: bool,
    fixed: int | None,
) -> None:
    """Every page used to ask a rich console for its width; the seam works it out alone
    (rich is no longer imported to print a table) and must give rich's answer."""
    from rich.console import Console

    environ = {"TERM": term}
    for name, value in (("COLUMNS", columns), ("LINES", lines)):
        if value is not None:
            environ[name] = value

    def size(fd: int = 1) -> _Size:
        if terminal is None:
            raise OSError("not a terminal")
        return _Size(terminal)

    monkeypatch.setattr(os, "get_terminal_size", size)
    monkeypatch.setattr(os, "environ", environ)
    expected = Console(
        force_terminal=color, no_color=not color, width=fixed, _environ=environ
    ).width
    assert output.terminal_width(fixed, color=color, environ=environ) == expected


def test_a_page_in_a_file_is_plain_and_file_wide(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(output, "use_color", lambda stream: True)  # as on a terminal
    target = tmp_path / "page.txt"
    out = output.Output("table", target, pipe_width=120)
    assert (out.width, out.color) == (output.FILE_WIDTH, False)
    out.page("\x1b[1mKop\x1b[0m\n")
    assert target.read_text(encoding="utf-8") == "\\x1b[1mKop\\x1b[0m\n"  # no colour in a file
    assert str(target) in capsys.readouterr().err  # "written to …"


def test_a_page_on_stdout_keeps_colour_and_ends_in_a_line_end(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(output, "use_color", lambda stream: True)
    out = output.Output("table")
    out.page("\x1b[1mKop\x1b[0m \x1b]0;titel\x07")
    assert capsys.readouterr().out == "\x1b[1mKop\x1b[0m \\x1b]0;titel\\x07\n"


def test_a_piped_group_is_wider_than_a_piped_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.delenv("LINES", raising=False)
    monkeypatch.setattr(os, "get_terminal_size", lambda fd=1: (_ for _ in ()).throw(OSError()))
    assert output.Output("table", pipe_width=120).width == 120
    assert output.Output("table").width == 80
    monkeypatch.setenv("COLUMNS", "90")  # a width asked for wins over the pipe's
    assert output.Output("table", pipe_width=120).width == 90


def test_the_finding_line_is_built_in_one_place() -> None:
    """``path:line:col`` (and with it ``path:line:col: CODE message``) is written by
    ``render.diagnostics.location`` alone: every output that names a finding's place
    reads it from there, so check, the pages and stderr cannot word it apart."""
    import re

    shape = re.compile(r"\{[^{}]*path\)?\}:\{[^{}]*\.line\}:\{[^{}]*\.column\}")
    src = Path(output.__file__).parents[1]  # the package: output is in render/
    found = sorted(
        str(p.relative_to(src))
        for p in src.rglob("*.py")
        if shape.search(p.read_text(encoding="utf-8"))
    )
    assert found == ["render/diagnostics.py"]
