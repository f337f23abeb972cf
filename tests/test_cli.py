"""The command line end to end: the framework command, languages, errors, the entry point."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from conftest import Result
from mlplan import __version__
from mlplan.framework import shipped_path

Run = Callable[..., Result]
TOPIC_IDS = [
    "overlegmomenten", "organisatie", "innovatie", "patientveiligheid",
    "financien", "verandermanagement", "doelmatigheid",
    "persoonlijk-leiderschap", "onderhandelen", "incidenten-en-conflicten", "leidinggeven-en-samenwerken",
    "timemanagement", "toekomstvisie", "werk-en-prive",
]  # fmt: skip


def test_overview_lists_every_topic_id_in_order(run: Run) -> None:
    result = run("framework")
    assert result.exit_code == 0, result.stderr
    positions = [result.stdout.index(f"│ {tid} ") for tid in TOPIC_IDS]  # the id column
    assert positions == sorted(positions)
    assert "Competentie 1: Levert een bijdrage aan verbetering van de gezondheidszorg" in " ".join(
        result.stdout.split()
    )
    assert "Voorwaardelijke cursussen" in result.stdout
    assert "\x1b[" not in result.stdout  # NO_COLOR / not a terminal: plain text


def test_one_topic_in_full_in_dutch(run: Run) -> None:
    result = run("framework", "patientveiligheid")
    assert result.exit_code == 0, result.stderr
    text = " ".join(result.stdout.split())
    assert "Patiëntveiligheid (patientveiligheid)" in text
    assert "Concretisering in leerdoelen" in text
    assert (
        "registreert incidenten en complicaties en toont betrokkenheid bij terugkoppeling" in text
    )
    assert "Actieve bijdrage VIM-bespreking" in text
    assert "CanBetter-thema Patiëntveiligheid" in text
    assert "Minimaal 1 activiteit in de praktijk." in text


def test_english_interface_keeps_dutch_content(run: Run) -> None:
    result = run("framework", "patientveiligheid", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert "Learning objectives" in result.stdout
    assert "Concretisering" not in result.stdout
    assert "Actieve bijdrage VIM-bespreking" in result.stdout
    assert "At least 1 activity in practice." in result.stdout


def test_language_from_environment(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MLPLAN_LANG", "en")
    assert "Learning objectives" in run("framework", "financien").stdout


def test_json_matches_the_spec(run: Run) -> None:
    result = run("framework", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"id", "title", "competencies", "courses", "phases"} <= set(data)
    assert data["id"] == "fms-medisch-leiderschap-2017"
    assert [c["number"] for c in data["competencies"]] == [1, 2, 3, 4]
    topics = [t for c in data["competencies"] for t in c["topics"]]
    assert [t["id"] for t in topics] == TOPIC_IDS
    for topic in topics:
        assert {"id", "title", "objectives", "activities", "materials"} <= set(topic)
        assert all(set(a) >= {"title", "phase"} for a in topic["activities"])
        assert all(set(m) >= {"title", "provider", "kind", "url"} for m in topic["materials"])
    assert {"required", "optional"} <= set(data["courses"])
    assert [c["id"] for c in data["courses"]["required"]] == [
        "coach-the-co",
        "doo-teamwork",
        "doo-leiderschap",
    ]
    assert [p["id"] for p in data["phases"]] == ["begin", "midden", "eind"]


def test_json_of_one_topic(run: Run) -> None:
    data = json.loads(run("framework", "verandermanagement", "-f", "json").stdout)
    assert data["id"] == "verandermanagement" and data["competency"] == 2
    assert data["objectives"] == []
    assert data["activities"][0]["phase"] == "midden"


def test_markdown_is_clean_and_parses(run: Run) -> None:
    result = run("framework", "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    assert "\x1b[" not in result.stdout and "┃" not in result.stdout
    tokens = MarkdownIt("commonmark").enable("table").parse(result.stdout)
    h2 = [
        tokens[i + 1].content
        for i, tok in enumerate(tokens)
        if tok.type == "heading_open" and tok.tag == "h2"
    ]
    assert h2[:4] == [
        "Competentie 1: Levert een bijdrage aan verbetering van de gezondheidszorg in teams en organisaties",
        "Competentie 2: Beheert de middelen voor optimale gezondheidszorg",
        "Competentie 3: Toont leiderschap in de beroepspraktijk",
        "Competentie 4: Plant carrière en bewaart een goede balans tussen werk en privé",
    ]
    assert (
        sum(1 for tok in tokens if tok.type == "table_open") == 5
    )  # 4 competencies + optional courses


def test_markdown_of_one_topic_links_material(run: Run) -> None:
    out = run("framework", "innovatie", "--format", "markdown").stdout
    assert out.startswith("# Innovatie en creativiteit (`innovatie`)")
    assert "\nMinimaal 1 activiteit in de praktijk.\n" in out
    assert "](https://www.zorgvisie.nl/Home/Dossiers/E-health/)" in out


def test_unknown_topic_suggests_and_exits_2(run: Run) -> None:
    result = run("framework", "patientveilig")
    assert result.exit_code == 2
    assert "onbekend onderwerp 'patientveilig'. Bedoelde je 'patientveiligheid'?" in result.stderr
    assert result.stdout == ""


def test_unknown_topic_without_a_close_match_lists_the_ids(run: Run) -> None:
    result = run("framework", "xyz", "--lang", "en")
    assert result.exit_code == 2
    assert "Known topics: overlegmomenten, organisatie" in result.stderr


def test_broken_framework_file_gives_locations_and_exit_2(run: Run, tmp_path: Path) -> None:
    text = (
        shipped_path().read_text(encoding="utf-8").replace("  - number: 2\n", "  - numer: 2\n", 1)
    )
    bad = tmp_path / "kader.yaml"
    bad.write_text(text, encoding="utf-8")
    line = text[: text.index("numer: 2")].count("\n") + 1
    result = run("framework", "--framework", str(bad))
    assert result.exit_code == 2
    assert (
        f"{bad}:{line}:5: ML002 onbekende sleutel 'numer'. Bedoelde je 'number'?" in result.stderr
    )
    assert "Traceback" not in result.stderr


def test_framework_from_environment(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "kader.yaml"
    bad.write_text("id: [\n", encoding="utf-8")
    monkeypatch.setenv("MLPLAN_FRAMEWORK", str(bad))
    result = run("framework")
    assert result.exit_code == 2
    assert f"{bad}:2:1: ML001" in result.stderr


def test_missing_framework_file(run: Run, tmp_path: Path) -> None:
    result = run("framework", "--framework", str(tmp_path / "nee.yaml"))
    assert result.exit_code == 2
    assert "bestand niet gevonden" in result.stderr


def test_bad_option_value_is_a_usage_error(run: Run) -> None:
    assert run("framework", "--format", "pdf").exit_code == 2
    assert run("framework", "--lang", "fr").exit_code == 2


def test_version(run: Run) -> None:
    result = run("--version")
    assert (result.exit_code, result.stdout.strip()) == (0, f"mlplan {__version__}")


def test_no_arguments_shows_help(run: Run) -> None:
    result = run()
    assert "framework" in result.stdout + result.stderr


def test_help_is_dutch_by_default_and_english_on_request(run: Run) -> None:
    assert "Blader door het kader" in run("framework", "--help").stdout
    assert "Browse the framework" in run("--lang", "en", "framework", "--help").stdout


@pytest.mark.parametrize("args", [["--help"], ["check", "--help"], ["summary", "-h"]])
def test_help_has_no_english_of_typer_in_dutch(run: Run, args: list[str]) -> None:
    out = run(*args).stdout
    assert "Gebruik: mlplan" in out and "[OPTIES]" in out
    assert "Toon deze hulp en stop." in out
    for english in ("Usage:", "[OPTIONS]", "Show this message", "completion for the current"):
        assert english not in out
    english_help = run("--lang", "en", *args).stdout
    assert "Usage: mlplan" in english_help and "Show this message and exit." in english_help


def test_completion_options_are_explained_in_dutch(run: Run) -> None:
    out = run("--help").stdout
    assert "Installeer het aanvullen met Tab voor de huidige shell." in out
    assert "OPDRACHT [ARGUMENTEN]..." in out


def test_internal_error_never_shows_a_traceback(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(**_: object) -> None:
        raise RuntimeError("kapot")

    monkeypatch.setattr("mlplan.commands.framework.run", boom)
    result = run("framework")
    assert result.exit_code == 2
    assert "interne fout in mlplan (RuntimeError: kapot)" in result.stderr
    assert "Traceback" not in result.stderr


TODAY_COMMANDS = [
    ["check"], ["plan"], ["summary"], ["init", "--no-input", "--name", "A", "nieuw.yaml"],
    ["add", "--topic", "innovatie", "--title", "X"], ["done", "1"], ["status", "1", "dropped"],
    ["move", "1", "--year", "2"], ["meeting", "--date", "2026-11-22", "--kind", "voortgang"],
    ["calendar", "--output", "plan.ics"],
]  # fmt: skip


@pytest.mark.parametrize("args", TODAY_COMMANDS, ids=lambda a: a[0])
@pytest.mark.parametrize("value", ["2026-13-01", "22-11-2026", "20261122", "2026-W47-1", "morgen"])
def test_every_command_reads_today_the_same_strict_way(
    run: Run, example_plan: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], value: str
) -> None:
    monkeypatch.chdir(example_plan.parent)
    before = example_plan.read_bytes()
    result = run(*args, "--today", value)
    assert result.exit_code == 2
    assert f"--today: '{value}' is geen datum; schrijf JJJJ-MM-DD" in result.stderr
    assert example_plan.read_bytes() == before
    assert not (example_plan.parent / "nieuw.yaml").exists()


@pytest.mark.parametrize("args", TODAY_COMMANDS, ids=lambda a: a[0])
def test_ctrl_c_in_any_command_says_why_and_exits_130(
    run: Run, example_plan: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    """typer by itself ends a command on Ctrl-C with a silent exit 130."""

    def interrupt(value: str | None) -> object:
        raise KeyboardInterrupt

    monkeypatch.chdir(example_plan.parent)
    monkeypatch.setattr("mlplan.commands.options.today", interrupt)
    before = example_plan.read_bytes()
    result = run(*args)
    assert result.exit_code == 130
    assert result.stderr == "fout: Afgebroken; er is niets geschreven.\n"
    assert example_plan.read_bytes() == before


# -- the installed package, as a user runs it -------------------------------------------


def installed_script() -> str:
    found = shutil.which("mlplan", path=os.path.dirname(sys.executable))
    assert found, "the mlplan script is installed next to the interpreter"
    return found


def test_installed_script_from_another_directory(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MLPLAN_")} | {"NO_COLOR": "1"}
    proc = subprocess.run(
        [installed_script(), "framework", "patientveiligheid"],
        cwd=tmp_path, capture_output=True, text=True, env=env, check=False, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "Patiëntveiligheid" in proc.stdout


def test_python_dash_m(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "mlplan", "--version"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert (proc.returncode, proc.stdout.strip()) == (0, f"mlplan {__version__}")
