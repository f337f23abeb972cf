"""Mistakes on the command line: typer's usage errors in the user's language, each with
exit code 2, nothing on stdout and no traceback."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conftest import Result
from mlplan import usage

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


def test_help_and_version_still_exit_0(run: Run) -> None:
    assert run("check", "--help").exit_code == 0
    assert run("--version").exit_code == 0
