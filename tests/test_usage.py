"""Mistakes on the command line: typer's usage errors in the user's language, each with
exit code 2, nothing on stdout and no traceback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Result
from mlplan.cli import usage

Run = Callable[..., Result]

DUTCH = [
    (
        ["framework", "--format", "pdf"],
        "fout: --format: 'pdf' kan niet; kies uit table, markdown, json\n"
        "Zie 'mlplan framework --help'.\n",
    ),
    (
        ["summary", "--months", "zes"],
        "fout: --months: 'zes' is geen geheel getal\nZie 'mlplan summary --help'.\n",
    ),
    (
        ["check", "--stict"],
        "fout: onbekende optie '--stict'. Bedoelde je '--strict'?\nZie 'mlplan check --help'.\n",
    ),
    (["check", "--xyz"], "fout: onbekende optie '--xyz'\nZie 'mlplan check --help'.\n"),
    (["chekc"], "fout: onbekende opdracht 'chekc'. Bedoelde je 'check'?\nZie 'mlplan --help'.\n"),
    (
        ["afdrukken"],
        "fout: onbekende opdracht 'afdrukken'. Kies uit: framework, check, schema, init, plan,"
        " summary, prepare, handover, calendar, diff, add, done, status, move, meeting, training.\nZie 'mlplan --help'.\n",
    ),
    (["summary", "--months"], "fout: optie '--months' heeft een waarde nodig\n"),
    (["check", "--strict=ja"], "fout: optie '--strict' neemt geen waarde; laat '=…' weg\n"),
    (
        ["framework", "innovatie", "organisatie"],
        "fout: onverwacht argument: organisatie\nZie 'mlplan framework --help'.\n",
    ),
    (["move", "1"], "fout: optie '--year' ontbreekt\nZie 'mlplan move --help'.\n"),
    (["done"], "fout: argument ontbreekt: [PAD] ACTIVITEIT\nZie 'mlplan done --help'.\n"),
    (
        ["move", "1", "--year", "twee"],
        "fout: --year: 'twee' is geen geheel getal\nZie 'mlplan move --help'.\n",
    ),
    (
        ["framework", "--lang", "fr"],
        "fout: --lang: onbekende taal 'fr'; kies uit nl, en\nZie 'mlplan framework --help'.\n",
    ),
    # the vocabularies' choices fail as --format does: message, choices, the help (issue 13)
    (
        ["summary", "--sort", "leeftijd"],
        "fout: --sort: 'leeftijd' kan niet; kies uit name, year, coverage, overdue\n"
        "Zie 'mlplan summary --help'.\n",
    ),
    (
        ["add", "--topic", "x", "--title", "y", "--phase", "eerst"],
        "fout: --phase: 'eerst' kan niet; kies uit begin, midden, eind\nZie 'mlplan add --help'.\n",
    ),
    (
        ["meeting", "--date", "2026-11-22", "--kind", "jaargesprek"],
        "fout: --kind: 'jaargesprek' kan niet; kies uit introductie, voortgang, geschiktheid\n"
        "Zie 'mlplan meeting --help'.\n",
    ),
    (  # the status is a word mlplan reads itself (Dutch, English or the identifier)
        ["status", "3", "klaar"],
        "fout: STATUS: 'klaar' kan niet; kies uit gepland, bezig, vervallen"
        " (of planned, in_progress, dropped)\nZie 'mlplan status --help'.\n",
    ),
    (
        ["training", "--interruption", "griep", "--from", "2025-01-01", "--to", "2025-01-05"],
        "fout: --interruption: 'griep' kan niet; kies uit zwangerschap, ziekte, verlof,"
        " onderzoek, overig\nZie 'mlplan training --help'.\n",
    ),
]


@pytest.mark.parametrize(("args", "stderr"), DUTCH, ids=lambda v: " ".join(v)[:30])
def test_usage_errors_are_dutch(run: Run, args: list[str], stderr: str) -> None:
    result = run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", stderr)


ENGLISH = [
    (
        ["check", "--stict"],
        "error: unknown option '--stict'. Did you mean '--strict'?\nSee 'mlplan check --help'.\n",
    ),
    (
        ["plan", "--format", "ODT"],
        "error: --format: 'ODT' is not possible; choose from table, markdown, json, csv, xlsx, "
        "pdf, docx, html\n"
        "See 'mlplan plan --help'.\n",
    ),
    (["add"], "error: option '--topic' is missing\nSee 'mlplan add --help'.\n"),
    (
        ["summary", "--sort", "age"],
        "error: --sort: 'age' is not possible; choose from name, year, coverage, overdue\n"
        "See 'mlplan summary --help'.\n",
    ),
    (
        ["add", "--topic", "x", "--title", "y", "--phase", "early"],
        "error: --phase: 'early' is not possible; choose from begin, midden, eind\n"
        "See 'mlplan add --help'.\n",
    ),
    (
        ["meeting", "--date", "2026-11-22", "--kind", "annual"],
        "error: --kind: 'annual' is not possible; choose from introductie, voortgang,"
        " geschiktheid\nSee 'mlplan meeting --help'.\n",
    ),
    (  # "in progress" is two words: the identifier is offered instead
        ["status", "plan.yaml", "3", "finished"],
        "error: STATUS: 'finished' is not possible; choose from planned, in_progress, dropped\n"
        "See 'mlplan status --help'.\n",
    ),
    (
        [],
        "error: give a command, for example 'mlplan check'; 'mlplan --help' lists them all\n"
        "See 'mlplan --help'.\n",
    ),
]


@pytest.mark.parametrize(("args", "stderr"), ENGLISH, ids=lambda v: " ".join(v)[:30])
def test_usage_errors_in_english(run: Run, args: list[str], stderr: str) -> None:
    result = run("--lang", "en", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", stderr)


def test_no_arguments_shows_the_help_and_no_error(run: Run) -> None:
    result = run()
    assert result.exit_code == 2
    assert "Opdrachten" in result.stdout and result.stderr == ""


def test_an_unknown_kind_of_usage_error_keeps_its_own_text() -> None:
    class NewInTyper(Exception):
        ctx = None

        def format_message(self) -> str:
            return "Something typer says one day"

    assert usage.describe(NewInTyper()) == "Something typer says one day"
    assert usage.help_hint(NewInTyper()) is None


@pytest.mark.parametrize(("typed", "chosen"), [("Midden", "midden"), ("EIND", "eind")])
def test_a_choice_in_capitals_is_its_identifier(
    run: Run, example_plan: Path, typed: str, chosen: str
) -> None:
    # a vocabulary's choice ignores case, as --format does, and the plan gets the identifier
    result = run("add", str(example_plan), "--topic", "financien", "--title", "Begroting",
                 "--phase", typed, "--today", "2026-11-22")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "    title: Begroting\n    year: " in example_plan.read_text(encoding="utf-8")
    assert f"    phase: {chosen}\n" in example_plan.read_text(encoding="utf-8")


def test_help_and_version_still_exit_0(run: Run) -> None:
    assert run("check", "--help").exit_code == 0
    assert run("--version").exit_code == 0
