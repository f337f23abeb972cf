"""The command line end to end: the framework command, languages, errors, the entry point."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from conftest import Result
from mlplan import __version__
from mlplan.io.loading import shipped_path

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
    positions = [result.stdout.index(f"\n  {tid}  ") for tid in TOPIC_IDS]  # the id column
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


def test_a_narrow_terminal_shows_each_topic_and_course_under_its_whole_id(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    lines = run("framework").stdout.splitlines()
    assert all(len(line) <= 40 for line in lines if "://" not in line)
    for tid in TOPIC_IDS:  # no column of ids: each topic an entry under its id
        assert f"  {tid}" in lines, tid
    at = lines.index("  clinical-business-administration")  # 34 wide: whole, never folded
    assert lines[at + 1 : at + 3] == ["    Leergang Clinical Business", "    Administration"]
    assert lines[at + 3] == "    Details: TIAS i.s.m. DJS en"  # muted, under the title


def test_a_material_title_without_a_link_is_escaped_in_markdown(run: Run, tmp_path: Path) -> None:
    text = shipped_path().read_text(encoding="utf-8")
    own = tmp_path / "kader.yaml"
    title = "- title: Inspiratiekaartjes"  # without a url in the shipped file
    assert title in text
    own.write_text(text.replace(title, "- title: Handboek *verbeter* | deel 2"), encoding="utf-8")
    out = run("framework", "patientveiligheid", "--framework", str(own), "-f", "markdown").stdout
    assert "\n| Handboek \\*verbeter\\* \\| deel 2 |" in out  # one cell, as written


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


@pytest.mark.parametrize("lang", ["fr", "de", "english", "n"])
def test_an_unknown_language_is_the_same_usage_error_by_option_and_environment(
    run: Run, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    by_option = run("framework", "--lang", lang)
    monkeypatch.setenv("MLPLAN_LANG", lang)
    by_env = run("framework")
    for result, source in ((by_option, "--lang"), (by_env, "MLPLAN_LANG")):
        assert (result.exit_code, result.stdout) == (2, ""), source
        first = result.stderr.splitlines()[0]
        assert first == f"fout: {source}: onbekende taal '{lang}'; kies uit nl, en"


def test_an_unknown_mlplan_lang_is_said_in_the_language_of_lang(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MLPLAN_LANG", "fr")
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    result = run("check", "plan.yaml")
    assert result.exit_code == 2
    assert result.stderr == "error: MLPLAN_LANG: unknown language 'fr'; choose from nl, en\n"
    # --lang decides first, so a valid one makes MLPLAN_LANG irrelevant, as with any envvar
    assert "Learning objectives" in run("framework", "financien", "--lang", "en").stdout


@pytest.mark.parametrize("lang", ["en", "EN", " en ", "en_GB.UTF-8", "en-GB"])
def test_option_and_environment_accept_the_same_spellings(
    run: Run, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    assert "Learning objectives" in run("framework", "financien", "--lang", lang).stdout
    monkeypatch.setenv("MLPLAN_LANG", lang)
    assert "Learning objectives" in run("framework", "financien").stdout


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


# -- help that reads like a well-made CLI, for every command in both languages ----------


def _commands() -> dict[str, Any]:
    from typer.main import get_command

    from mlplan.cli.app import build_app

    return dict(getattr(get_command(build_app()), "commands", {}))


COMMANDS = sorted(_commands())
HELP_PAGES = [[], *([name] for name in COMMANDS)]  # the app's own page, then each command's


def _params(name: str | None) -> list[Any]:
    """The parameters a help page shows, as its command builds them."""
    from typer.main import get_command

    from mlplan.cli.app import build_app

    group = get_command(build_app())
    cmd = group if name is None else _commands()[name]
    ctx = cmd.make_context(name or "mlplan", [], resilient_parsing=True)
    return [p for p in cmd.get_params(ctx) if not getattr(p, "hidden", False)]


def _help(run: Run, monkeypatch: pytest.MonkeyPatch, lang: str, page: list[str], width: int) -> str:
    monkeypatch.setenv("COLUMNS", str(width))
    result = run("--lang", lang, *page, "--help")
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("page", HELP_PAGES, ids=lambda p: p[0] if p else "mlplan")
def test_help_shows_no_python_type_labels(
    run: Run, monkeypatch: pytest.MonkeyPatch, lang: str, page: list[str]
) -> None:
    out = _help(run, monkeypatch, lang, page, 80)
    assert not re.findall(r"<[\w\[\]|, .-]+>", out)  # <bool>, <str>, <list[Path]>, <int>
    assert max(len(line) for line in out.splitlines()) <= 80


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("page", HELP_PAGES, ids=lambda p: p[0] if p else "mlplan")
def test_the_usage_line_is_written_as_click_writes_its_own(
    run: Run, monkeypatch: pytest.MonkeyPatch, lang: str, page: list[str]
) -> None:
    out = _help(run, monkeypatch, lang, page, 80)
    usage = [
        line.strip() for line in out.splitlines() if line.strip().startswith(("Gebruik:", "Usage:"))
    ]
    assert len(usage) == 1
    prefix = f"{'Gebruik' if lang == 'nl' else 'Usage'}: {' '.join(['mlplan', *page])} "
    assert usage[0].startswith(prefix)
    # [OPTIES] PAD [PAD] PAD... [PAD]...: no [[PAD]], {PAD}..., PAD…... or [PAD] ACTIVITEIT...
    for word in usage[0][len(prefix) :].split():
        assert re.fullmatch(r"\[[A-Z]+\](\.\.\.)?|[A-Z]+(\.\.\.)?", word), (word, usage[0])


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("page", HELP_PAGES, ids=lambda p: p[0] if p else "mlplan")
def test_help_says_each_default_and_environment_variable_once(
    run: Run, monkeypatch: pytest.MonkeyPatch, lang: str, page: list[str]
) -> None:
    """``(standaard 6). [standaard: 6]``: typer adds the bracket, so the text must not say it.
    Wide enough that every option is one line, to read each option's own text."""
    out = _help(run, monkeypatch, lang, page, 400)
    word = {"nl": "standaard", "en": "default"}[lang]
    envvar = {"nl": "omgevingsvariabele", "en": "env var"}[lang]
    for line in out.splitlines():
        if f"[{word}:" in line:
            assert line.lower().count(word) == 1, line
        if found := re.search(rf"\[{envvar}: (\w+)\]", line):
            assert line.count(found[1]) == 1, line


@pytest.mark.parametrize("page", HELP_PAGES, ids=lambda p: p[0] if p else "mlplan")
def test_every_value_is_named_in_the_language_of_the_help(
    run: Run, monkeypatch: pytest.MonkeyPatch, page: list[str]
) -> None:
    """No ``JJJJ-MM-DD`` or ``BESTAND`` in English help, no ``FILE`` in Dutch help."""
    from mlplan.i18n import en, nl

    def words(text: str) -> set[str]:
        return set(re.findall(r"[A-Z][A-Z-]+", text))

    keys = [k for k in nl.MESSAGES if k.startswith("metavar.")]
    dutch = set().union(*(words(nl.MESSAGES[k]) - words(en.MESSAGES[k]) for k in keys))
    english = set().union(*(words(en.MESSAGES[k]) - words(nl.MESSAGES[k]) for k in keys))
    assert {"JJJJ-MM-DD", "BESTAND"} <= dutch and {"YYYY-MM-DD", "FILE"} <= english
    for lang, foreign in (("en", dutch), ("nl", english)):
        out = _help(run, monkeypatch, lang, page, 80)
        assert not words(out) & foreign, lang


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", [None, *COMMANDS])
def test_every_value_label_is_named_and_stays_whole_at_80_columns(
    run: Run, monkeypatch: pytest.MonkeyPatch, lang: str, name: str | None
) -> None:
    from mlplan.cli.helptext import value_label
    from mlplan.cli.usage import choices_of
    from mlplan.i18n import set_language

    out = _help(run, monkeypatch, lang, [name] if name else [], 80)
    set_language(lang)
    for param in _params(name):
        if param.param_type_name == "argument":
            assert param.metavar and param.metavar in out, param.name  # its name column
            continue
        label = value_label(param)
        if label is None:
            assert param.is_flag
            continue
        # a metavar from the catalogue or the choices, never the NAME fallback
        assert param.metavar or choices_of(param), param.name
        assert re.search(rf"(?<![\w|]){re.escape(label)}(?![\w|])", out), (label, out)


def test_completion_options_are_explained_in_dutch(run: Run) -> None:
    out = run("--help").stdout
    assert "Installeer het aanvullen met Tab voor de huidige shell." in out
    assert "OPDRACHT [ARGUMENTEN]..." in out


def test_internal_error_never_shows_a_traceback(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_: object) -> None:
        raise RuntimeError("kapot")

    # inside the command: the command module is its declaration, so it stays as it is
    monkeypatch.setattr("mlplan.io.loading.load_framework", boom)
    result = run("framework")
    assert result.exit_code == 2
    assert "interne fout in mlplan (RuntimeError: kapot)" in result.stderr
    assert "Traceback" not in result.stderr


TODAY_COMMANDS = [
    ["check"], ["plan"], ["summary"], ["init", "--no-input", "--name", "A", "nieuw.yaml"],
    ["add", "--topic", "innovatie", "--title", "X"], ["done", "1"], ["status", "1", "dropped"],
    ["move", "1", "--year", "2"], ["meeting", "--date", "2026-11-22", "--kind", "voortgang"],
    ["calendar", "--output", "plan.ics"], ["training", "--part-time", "80", "--from", "2026-09-01"],
    ["training"], ["diff"], ["prepare"], ["handover", "--to", "K. de Boer"],
    ["plan", "-o", "plan.xlsx"], ["summary", "-o", "groep.xlsx"],
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
    monkeypatch.setattr("mlplan.cli.commands.options.today", interrupt)
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


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["check", "plan.yaml"], "check"),
        (["--lang", "en", "plan", "--help"], "plan"),
        (["--lang=en", "-h"], None),
        (["--version"], None),
        (["--", "summary"], "summary"),
        ([], None),
    ],
)
def test_the_lazy_group_declares_the_command_typed(args: list[str], named: str | None) -> None:
    from mlplan.cli.app import command_named

    assert command_named(args) == named


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_command_after_the_root_lang_gets_its_own_help(run: Run, lang: str) -> None:
    # the lazy group declares "meeting" for real (not its stand-in): its options show
    out = run("--lang", lang, "meeting", "--help").stdout
    assert "--agreement" in out
    assert "--kind" in out
