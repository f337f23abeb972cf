"""Every command honours ``--lang en``, ``NO_COLOR`` and pipes.

One parametrized test over every command (and its formats): in English no Dutch label
of the catalogue appears (the framework's and the plan's own Dutch content may, by the
spec); piped, with or without ``NO_COLOR``, there is no ANSI escape and no rich markup.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from mlplan.i18n import en, nl
from mlplan.io.loading import shipped_path
from tests.conftest import EXAMPLE_PLAN, Result

Run = Callable[..., Result]
TODAY = ("--today", "2026-11-22")
CONTENT = shipped_path().read_text(encoding="utf-8") + EXAMPLE_PLAN.read_text(encoding="utf-8")


def _is_content(text: str) -> bool:
    """Words the framework or the example plan use themselves (phase ids, course kinds)."""
    return re.search(rf"(?<!\w){re.escape(text)}(?!\w)", CONTENT, re.IGNORECASE) is not None


# Dutch terms of the training that the English interface keeps, as it keeps "aios" and "IOP"
TERMS = {"voortgangsgesprek"}
# Dutch labels and headings: fixed texts that differ in English and are not content
DUTCH_LABELS = sorted(
    {
        v
        for k, v in nl.MESSAGES.items()
        if "{" not in v and 3 <= len(v) <= 40 and v != en.MESSAGES[k] and not _is_content(v)
    }
    - TERMS
)
ANSI = re.compile(r"\x1b\[")
MARKUP = re.compile(
    r"\[/?(bold|italic|dim|underline|reverse|red|green|yellow|blue|cyan|magenta|b|i|link)\b[^\]]*\]"
)

# command -> its arguments; PLAN is a copy of the example plan, GROUP a directory holding
# one, NEW a path that does not exist yet
COMMANDS: dict[str, list[str]] = {
    "framework": ["framework"],
    "framework markdown": ["framework", "--format", "markdown"],
    "framework topic": ["framework", "innovatie"],
    "framework json": ["framework", "--format", "json"],
    "check": ["check", "PLAN", *TODAY],
    "check json": ["check", "PLAN", "--format", "json", *TODAY],
    "check github": ["check", "PLAN", "--format", "github", *TODAY],
    "schema": ["schema"],
    "init": ["init", "--no-input", "--name", "Anne", "NEW", *TODAY],
    "plan": ["plan", "PLAN", *TODAY],
    "plan markdown": ["plan", "PLAN", "--format", "markdown", *TODAY],
    "plan csv": ["plan", "PLAN", "--format", "csv", *TODAY],
    "plan json": ["plan", "PLAN", "--format", "json", *TODAY],
    "plan xlsx": ["plan", "PLAN", "--output", "NEW_XLSX", *TODAY],
    "summary": ["summary", "PLAN", *TODAY],
    "summary markdown": ["summary", "PLAN", "--format", "markdown", *TODAY],
    "summary group": ["summary", "GROUP", *TODAY],
    "summary xlsx": ["summary", "GROUP", "-f", "xlsx", "-o", "NEW_XLSX", *TODAY],
    "calendar": ["calendar", "PLAN", *TODAY],
    "prepare": ["prepare", "PLAN", *TODAY],
    "prepare markdown": ["prepare", "PLAN", "--format", "markdown", *TODAY],
    "prepare json": ["prepare", "PLAN", "--format", "json", *TODAY],
    "handover": ["handover", "PLAN", "--to", "K. de Boer", *TODAY],
    "handover markdown": ["handover", "PLAN", "--format", "markdown", *TODAY],
    "calendar group": ["calendar", "GROUP", "--output", "NEW_ICS", *TODAY],
    "diff outside git": ["diff", "PLAN", *TODAY],
    "add": ["add", "PLAN", "--topic", "innovatie", "--title", "Eigen project", "--year", "3"],
    "add dry-run": ["add", "PLAN", "--topic", "innovatie", "--title", "X", "--dry-run", *TODAY],
    "done": ["done", "PLAN", "3", "--evidence", "verslag", *TODAY],
    "status": ["status", "PLAN", "1", "dropped", *TODAY],
    "move": ["move", "PLAN", "3", "--year", "4", *TODAY],
    "meeting": ["meeting", "PLAN", "--date", "2026-11-22", "--kind", "voortgang", *TODAY],
    "training": ["training", "PLAN", "--part-time", "80", "--from", "2026-09-01", *TODAY],
    "training interruption": [
        "training",
        "PLAN",
        "--interruption",
        "ziekte",
        "--from",
        "2026-10-01",
        "--to",
        "2026-10-31",
        *TODAY,
    ],  # fmt: skip (no --dry-run: its diff shows the file's own word, reason: ziekte)
    "training show": ["training", "PLAN", *TODAY],
    "help": ["--help"],
    "check help": ["check", "--help"],
    "summary help": ["summary", "--help"],
    "a usage error": ["summary", "PLAN", "--months", "0"],
    "a missing file": ["check", "NEW"],
}
# the plan's JSON Schema carries Dutch descriptions on purpose: they are hover help in an
# editor for a Dutch plan file (see mlplan.model.plan)
DUTCH_BY_DESIGN = {"schema"}


def command_line(name: str, tmp_path: Path) -> list[str]:
    plan = tmp_path / "plan.yaml"
    shutil.copy(EXAMPLE_PLAN, plan)
    group = tmp_path / "groep"
    group.mkdir()
    shutil.copy(EXAMPLE_PLAN, group / "anne.yaml")
    names = {
        "PLAN": str(plan),
        "GROUP": str(group),
        "NEW": str(tmp_path / "nieuw.yaml"),
        "NEW_ICS": str(tmp_path / "groep.ics"),
        "NEW_XLSX": str(tmp_path / "overzicht.xlsx"),
    }
    return [names.get(arg, arg) for arg in COMMANDS[name]]


def test_the_labels_are_found() -> None:
    assert len(DUTCH_LABELS) > 100
    assert "Verbeterpunten" in DUTCH_LABELS or "TOP 3 verbeterpunten" in DUTCH_LABELS


@pytest.mark.parametrize("name", list(COMMANDS))
def test_english_has_no_dutch_labels(run: Run, tmp_path: Path, name: str) -> None:
    result = run("--lang", "en", *command_line(name, tmp_path))
    assert result.exit_code in (0, 2), result.stderr  # 2: the usage error rows
    assert "Traceback" not in result.stdout + result.stderr
    if name in DUTCH_BY_DESIGN:
        return
    text = result.stdout + result.stderr
    leaked = [w for w in DUTCH_LABELS if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text)]
    assert not leaked, leaked


@pytest.mark.parametrize("no_color", [True, False], ids=["NO_COLOR", "piped"])
@pytest.mark.parametrize("name", list(COMMANDS))
def test_piped_output_is_plain(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, no_color: bool
) -> None:
    if not no_color:  # not a terminal is enough
        monkeypatch.delenv("NO_COLOR")
    result = run(*command_line(name, tmp_path))
    for stream in (result.stdout, result.stderr):
        assert not ANSI.search(stream), stream[:300]
        assert not MARKUP.search(stream), MARKUP.search(stream)
