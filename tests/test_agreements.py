"""A meeting's agreements in the plan file: the text form of version 1 and the mapping with
follow-up (owner, due, outcome, what it is about), end to end through the CLI."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import EXAMPLE_PLAN, Result

Run = Callable[..., Result]
TODAY = ("--today", "2026-12-01")

FOLLOW_UP = """\
  - date: 2026-11-22
    kind: voortgang
    agreements:
      - text: DOO leiderschap inplannen
        owner: aios
        due: 2027-03-01
        course: doo-leiderschap
      - text: Terugkoppeling 360°-feedback
        owner: dr. J. Jansen
        due: 2027-01-15
        outcome: partly
      - text: Alleen tekst in een mapping
"""


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    """The example plan with a third meeting whose agreements have follow-up."""
    path = tmp_path / "plan.yaml"
    path.write_text(EXAMPLE_PLAN.read_text(encoding="utf-8") + FOLLOW_UP, encoding="utf-8")
    return path


def write(tmp_path: Path, extra: str) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(EXAMPLE_PLAN.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return path


def test_both_forms_check_clean(run: Run, plan: Path) -> None:
    result = run("check", str(plan), *TODAY, "--strict")
    assert result.exit_code == 0, result.stdout + result.stderr


def test_mistakes_in_an_agreement_are_ml002_at_their_place(run: Run, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
  - date: 2026-11-22
    kind: voortgang
    agreements:
      - text: DOO leiderschap inplannen
        owne: aios
      - 5
      - owner: aios
      - text: x
        outcome: done
        due: 2027-02-30
""",
    )
    first = EXAMPLE_PLAN.read_text(encoding="utf-8").count("\n") + 1
    result = run("check", str(path), *TODAY)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:5] == [
        f"{path}:{first + 4}:9: ML002 onbekende sleutel 'owne'. Bedoelde je 'owner'?",
        f"{path}:{first + 5}:9: ML002 een afspraak is tekst, of een mapping met text (en "
        "eventueel owner, due, outcome), niet 5",
        f"{path}:{first + 6}:9: ML002 verplichte sleutel 'text' ontbreekt",
        f"{path}:{first + 8}:18: ML002 'outcome' moet een van achieved, partly, not_achieved, "
        "carried_over zijn, niet 'done'",
        f"{path}:{first + 9}:14: ML002 'due': 2027-02-30 bestaat niet als datum",
    ]


def test_the_plan_shows_the_follow_up_and_a_text_agreement_as_before(run: Run, plan: Path) -> None:
    text = run("plan", str(plan), *TODAY).stdout
    assert "• DOO leiderschap inplannen (aios · uiterlijk 1 mrt 2027)" in text
    assert "• Terugkoppeling 360°-feedback (dr. J. Jansen · uiterlijk 15 jan 2027 · deels" in text
    assert "• Alleen tekst in een mapping\n" in text
    assert "• Symposium organiseren in jaar 2\n" in text  # the text form, unchanged
    english = run("plan", str(plan), *TODAY, "--lang", "en", "-f", "markdown").stdout
    assert "- DOO leiderschap inplannen (aios · due 1 Mar 2027)" in english
    assert "- Terugkoppeling 360°-feedback (dr. J. Jansen · due 15 Jan 2027 · partly achieved)" in (
        english
    )


def test_plan_json_keeps_text_agreements_as_text(run: Run, plan: Path) -> None:
    meetings = json.loads(run("plan", str(plan), *TODAY, "-f", "json").stdout)["meetings"]
    assert meetings[1]["agreements"][0] == "Symposium organiseren in jaar 2"
    first, second, plain = meetings[2]["agreements"]
    assert first == {
        "text": "DOO leiderschap inplannen",
        "owner": "aios",
        "due": "2027-03-01",
        "outcome": None,
        "topic": None,
        "activity": None,
        "course": "doo-leiderschap",
    }
    assert second["outcome"] == "partly"
    assert plain == "Alleen tekst in een mapping"  # {text: …} alone is the text form


def test_the_privacy_rules_read_an_agreements_text(run: Run, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
  - date: 2026-11-22
    kind: voortgang
    agreements:
      - text: casus van mevrouw Pietersen nabespreken
        owner: opleider
        due: 2027-01-15
""",
    )
    line = EXAMPLE_PLAN.read_text(encoding="utf-8").count("\n") + 4
    result = run("check", str(path), *TODAY)
    assert f"{path}:{line}:33: ML303 " in result.stdout  # at the name itself
    shown = run("plan", str(path), *TODAY, "--redact").stdout
    assert "Pietersen" not in shown
    assert "casus van mevrouw [naam] nabespreken (opleider" in shown


class _DatesAsText(yaml.SafeLoader):
    """Dates stay text, as the schema (and an editor reading YAML 1.2) sees them."""


_DatesAsText.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def test_the_json_schema_accepts_both_forms_and_offers_the_ids(run: Run, plan: Path) -> None:
    schema = json.loads(run("schema").stdout)
    validator = jsonschema.Draft202012Validator(schema)
    data = yaml.load(plan.read_text(encoding="utf-8"), Loader=_DatesAsText)
    assert list(validator.iter_errors(data)) == []
    agreement = data["meetings"][2]["agreements"][0]
    agreement["outcome"] = "done"
    agreement["topic"] = "overleg"
    errors = sorted(list(e.absolute_path) for e in validator.iter_errors(data))
    assert errors == [["meetings", 2, "agreements", 0]]  # neither text nor a valid mapping
    props = schema["$defs"]["Agreement"]["properties"]
    assert {"const": "overlegmomenten", "description": "Overlegmomenten"} in (
        props["topic"]["anyOf"][0]["oneOf"]
    )
    assert schema["$defs"]["Training"]["properties"]["meeting_interval_months"]


def test_an_agreements_due_date_is_a_calendar_event(run: Run, plan: Path, tmp_path: Path) -> None:
    target = tmp_path / "gesprekken.ics"
    result = run("calendar", str(plan), *TODAY, "--output", str(target))
    assert result.exit_code == 0, result.stderr
    ics = target.read_text(encoding="utf-8")
    assert "SUMMARY:Anne de Vries: afspraak klaar: DOO leiderschap inplannen" in ics
    assert "DTSTART;VALUE=DATE:20270301" in ics
    # the meeting's own event lists its agreements with their follow-up (lines unfolded)
    assert "- DOO leiderschap inplannen (aios · uiterlijk 1 mrt 2027)" in ics.replace("\n ", "")
