"""``mlplan calendar``: the plan's dated events as iCalendar, read back by ``icalendar``.

Dates are worked out by hand from the plan (training years run from the start date to the
day before the same date a year later; docs/calendar.md), never by asking mlplan.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import icalendar
import pytest
from plan_helpers import checked, imported_modules, plan_yaml, write

from conftest import EXAMPLE_PLAN, Result
from mlplan.domain import events
from mlplan.io.loading import load_framework
from mlplan.model.plan import Meeting, Plan
from mlplan.render import ics

Run = Callable[..., Result]
TODAY = ("--today", "2026-11-22")
D = dt.date

# The example plan: start 2025-09-01, 5 years; two meetings, two courses done (the third,
# calling-en-comradeship, is planned and has no date).
EXAMPLE_EVENTS = {
    (D(2025, 10, 15), "Anne de Vries: introductiegesprek"),
    (D(2025, 11, 20), "Anne de Vries: cursus Coach-the-co afgerond"),
    (D(2026, 7, 1), "Anne de Vries: voortgangsgesprek"),
    (D(2026, 8, 31), "Anne de Vries: einde opleidingsjaar 1"),
    (D(2026, 10, 9), "Anne de Vries: cursus DOO leiderschap afgerond"),
    (D(2027, 8, 31), "Anne de Vries: einde opleidingsjaar 2"),
    (D(2028, 8, 31), "Anne de Vries: einde opleidingsjaar 3"),
    (D(2029, 8, 31), "Anne de Vries: einde opleidingsjaar 4"),
    (D(2030, 8, 31), "Anne de Vries: einde opleiding"),
}


def parse(text: str | bytes) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(text)
    return list(calendar.walk("VEVENT"))


def pairs(items: list[icalendar.Event]) -> set[tuple[dt.date, str]]:
    return {(e["DTSTART"].dt, str(e["SUMMARY"])) for e in items}


def uids(items: list[icalendar.Event]) -> dict[tuple[dt.date, str], str]:
    return {(e["DTSTART"].dt, str(e["SUMMARY"])): str(e["UID"]) for e in items}


def calendar_of(run: Run, *args: str) -> list[icalendar.Event]:
    """The calendar's events; exit 1 allowed: the small plans here have rule errors
    (topics without an activity), which never keep a plan's events out."""
    result = run("calendar", *args)
    assert result.exit_code in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    return parse(result.stdout)


# A plan of 4.5 years from 1 March 2024 (with the rule errors of a small plan: ML100, ML002): year 4 ends on leap day 2028-02-29, the training
# (its short fifth year) on 2028-08-31. One meeting is still to come; two are on one day.
CUSTOM = plan_yaml(
    start="2024-03-01",
    years=4.5,
    courses=[
        {"course": "Eigen cursus onderhandelen", "status": "done", "done_on": "2024-06-12"},
        {"course": "coach-the-co", "status": "planned"},
        {"course": "doo-leiderschap", "status": "dropped", "done_on": "2024-05-01"},
    ],
    extra=(
        "meetings:\n"
        "  - {date: 2024-04-02, kind: introductie}\n"
        "  - {date: 2025-03-10, kind: voortgang, notes: eerste}\n"
        "  - {date: 2025-03-10, kind: voortgang, notes: tweede}\n"
        "  - {date: 2027-06-15, kind: geschiktheid}\n"
    ),
)
CUSTOM_EVENTS = {
    (D(2024, 4, 2), "Test Aios: introductiegesprek"),
    (D(2024, 6, 12), "Test Aios: cursus Eigen cursus onderhandelen afgerond"),
    (D(2025, 2, 28), "Test Aios: einde opleidingsjaar 1"),
    (D(2025, 3, 10), "Test Aios: voortgangsgesprek"),
    (D(2026, 2, 28), "Test Aios: einde opleidingsjaar 2"),
    (D(2027, 2, 28), "Test Aios: einde opleidingsjaar 3"),
    (D(2027, 6, 15), "Test Aios: geschiktheidsbeoordeling"),
    (D(2028, 2, 29), "Test Aios: einde opleidingsjaar 4"),
    (D(2028, 8, 31), "Test Aios: einde opleiding"),
}


# -- what the calendar holds -------------------------------------------------------------


def test_the_example_plan_as_a_calendar(run: Run, example_plan: Path) -> None:
    result = run("calendar", str(example_plan), *TODAY)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.endswith("END:VCALENDAR\r\n")
    calendar = icalendar.Calendar.from_ical(result.stdout)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]).startswith("-//mlplan//mlplan ")
    assert str(calendar["X-WR-CALNAME"]) == "Medisch leiderschap: Anne de Vries"
    found = parse(result.stdout)
    assert pairs(found) == EXAMPLE_EVENTS
    assert len(found) == len(EXAMPLE_EVENTS)
    assert len({str(e["UID"]) for e in found}) == len(found)
    for event in found:  # all-day: a date, never a time, and the next day as its end
        start = event["DTSTART"]
        assert type(start.dt) is dt.date and start.params["VALUE"] == "DATE"
        assert event["DTEND"].dt == start.dt + dt.timedelta(days=1)
        assert event["DTSTAMP"].dt == dt.datetime(2026, 11, 22, tzinfo=dt.UTC)
        assert str(event["TRANSP"]) == "TRANSPARENT"
    assert "DTSTART;VALUE=DATE:20251015\r\n" in result.stdout


def test_the_descriptions_say_what_the_plan_says(run: Run, example_plan: Path) -> None:
    found = {
        str(e["SUMMARY"]): str(e.get("DESCRIPTION", ""))
        for e in calendar_of(run, str(example_plan), *TODAY)
    }
    assert found["Anne de Vries: voortgangsgesprek"] == (
        "Goede start; 360°-feedback besproken.\n"
        "Afspraken:\n"
        "- Symposium organiseren in jaar 2\n"
        "- DOO leiderschap inplannen\n"
        "- Verslag en presentatie incidenten/complicaties voor het einde van het jaar"
    )
    assert found["Anne de Vries: einde opleidingsjaar 3"] == (
        "Opleidingsjaar 3: 1 sep 2027 – 31 aug 2028, fase midden."
    )
    assert found["Anne de Vries: einde opleiding"] == (
        "Laatste dag van de opleiding: 1 sep 2025 – 31 aug 2030 (5 jaar)."
    )
    assert (
        found["Anne de Vries: cursus Coach-the-co afgerond"] == "Bewijs: Certificaat Coach-the-co"
    )


def test_a_custom_plan_leap_year_partial_year_and_planned_meeting(run: Run, tmp_path: Path) -> None:
    found = calendar_of(run, str(write(tmp_path, CUSTOM)), *TODAY)
    assert pairs(found) == CUSTOM_EVENTS
    # two voortgangsgesprekken on one day are two events, each with a UID of its own
    same_day = [e for e in found if e["DTSTART"].dt == D(2025, 3, 10)]
    assert sorted(str(e["DESCRIPTION"]) for e in same_day) == ["eerste", "tweede"]
    assert len({str(e["UID"]) for e in found}) == len(found) == 10


def test_english_texts(run: Run, example_plan: Path) -> None:
    result = run("--lang", "en", "calendar", str(example_plan), *TODAY)
    found = {str(e["SUMMARY"]): str(e.get("DESCRIPTION", "")) for e in parse(result.stdout)}
    assert "Anne de Vries: progress meeting (voortgang)" in found
    assert "Anne de Vries: course Coach-the-co done" in found
    assert found["Anne de Vries: end of training year 1"] == (
        "Training year 1: 1 Sep 2025 – 31 Aug 2026, phase begin (early)."
    )
    assert "Agreements:" in found["Anne de Vries: introductory meeting (introductie)"]
    assert "Anne de Vries: end of training" in found
    calendar = icalendar.Calendar.from_ical(result.stdout)
    assert str(calendar["X-WR-CALNAME"]) == "Medical leadership: Anne de Vries"


# -- stable UIDs --------------------------------------------------------------------------


def test_uids_are_the_same_across_runs_and_unrelated_edits(run: Run, example_plan: Path) -> None:
    first = uids(calendar_of(run, str(example_plan)))  # without --today: another DTSTAMP
    assert uids(calendar_of(run, str(example_plan))) == first

    added = run(
        "add", str(example_plan), "--topic", "innovatie", "--title", "Eigen project", "--year", "3"
    )
    assert added.exit_code == 0, added.stderr
    assert uids(calendar_of(run, str(example_plan), *TODAY)) == first

    # another meeting adds one event; every other keeps its UID
    met = run("meeting", str(example_plan), "--date", "2026-11-22", "--kind", "voortgang", *TODAY)
    assert met.exit_code == 0, met.stderr
    after = uids(calendar_of(run, str(example_plan), *TODAY))
    assert set(after.items()) - set(first.items()) == {
        (
            (D(2026, 11, 22), "Anne de Vries: voortgangsgesprek"),
            after[(D(2026, 11, 22), "Anne de Vries: voortgangsgesprek")],
        )
    }
    assert set(first.items()) <= set(after.items())


def test_uids_do_not_depend_on_order_or_a_corrected_date(run: Run, tmp_path: Path) -> None:
    def by_event(found: list[icalendar.Event]) -> dict[str, str]:
        """The UID of each event; the two meetings of 2025-03-10 told apart by their notes."""
        keys = {}
        for event in found:
            summary = str(event["SUMMARY"])
            notes = str(event.get("DESCRIPTION", "")) if "gesprek" in summary else ""
            keys[f"{summary} {notes}"] = str(event["UID"])
        return keys

    path = write(tmp_path, CUSTOM)
    before = by_event(calendar_of(run, str(path)))
    # the last meeting moved to the top, a course's done_on and the start date corrected
    text = CUSTOM.replace("2024-03-01", "2024-04-01").replace("2024-06-12", "2024-06-13")
    last = "  - {date: 2027-06-15, kind: geschiktheid}\n"
    text = text.replace(last, "").replace("meetings:\n", "meetings:\n" + last)
    path.write_text(text, encoding="utf-8")
    found = calendar_of(run, str(path))
    assert by_event(found) == before  # every event kept its UID ...
    moved = {str(e["SUMMARY"]): e["DTSTART"].dt for e in found}
    assert moved["Test Aios: einde opleidingsjaar 4"] == D(2028, 3, 31)  # ... and moved
    assert moved["Test Aios: einde opleiding"] == D(2028, 9, 30)
    assert moved["Test Aios: cursus Eigen cursus onderhandelen afgerond"] == D(2024, 6, 13)


def test_the_uid_rule() -> None:
    """The documented rule, checked against the hash itself (docs/calendar.md)."""
    result = checked(CUSTOM)
    assert result.plan is not None
    found = events.plan_events(result.plan, load_framework())
    end = next(e for e in found if e.kind is events.EventKind.TRAINING_END)
    expected = hashlib.sha256(b"mlplan-calendar-1\x1ftest aios\x1ftraining_end").hexdigest()
    assert end.uid == f"{expected[:32]}@mlplan"
    # a name differing only in case and spaces is the same aios
    other = checked(CUSTOM.replace("name: Test Aios", "name: '  test   AIOS '"))
    assert other.plan is not None
    assert [e.uid for e in events.plan_events(other.plan, load_framework())] == [
        e.uid for e in found
    ]


def test_agreements_with_a_due_date_become_events() -> None:
    """Version-1 agreements are text without a date; the meeting cycle (issue 14) adds
    ``due``. An agreement that has one is listed without a change to the calendar."""
    result = checked(CUSTOM)
    assert result.plan is not None
    due = SimpleNamespace(text="Verslag  inleveren", due=D(2025, 6, 1))
    meeting = Meeting.model_construct(
        date=D(2025, 3, 10), kind=result.plan.meetings[1].kind, notes=None, agreements=[due, "los"]
    )
    plan = Plan.model_construct(**{**dict(result.plan), "meetings": [meeting]})
    found = [
        e
        for e in events.plan_events(plan, load_framework())
        if e.kind is events.EventKind.AGREEMENT_DUE
    ]
    assert [(e.day, e.agreement, e.about) for e in found] == [
        (D(2025, 6, 1), "Verslag  inleveren", ("voortgang", "2025-03-10", "Verslag inleveren"))
    ]
    assert ics.summary(found[0]) == "Test Aios: afspraak klaar: Verslag inleveren"
    assert ics.description(found[0]) == "Afgesproken op 10 mrt 2025 (voortgangsgesprek)."


# -- a group ------------------------------------------------------------------------------


def test_a_folder_gives_one_calendar_for_the_group(run: Run, tmp_path: Path) -> None:
    group = tmp_path / "plannen"
    group.mkdir()
    (group / "anne.yaml").write_text(EXAMPLE_PLAN.read_text(encoding="utf-8"), encoding="utf-8")
    write(group, CUSTOM, "test.yaml")
    result = run("calendar", str(group), *TODAY)
    assert result.exit_code == 1  # test.yaml has rule errors; its events are there all the same
    assert result.stderr == (
        f"1 plan met fouten: {group / 'test.yaml'}; hun agenda-items staan er wel in, zie mlplan check\n"
    )
    found = parse(result.stdout)
    assert pairs(found) == EXAMPLE_EVENTS | CUSTOM_EVENTS
    assert len(found) == len(EXAMPLE_EVENTS) + 10
    assert str(icalendar.Calendar.from_ical(result.stdout)["X-WR-CALNAME"]) == (
        "Medisch leiderschap: 2 plannen"
    )
    # each aios's events have the UIDs of their own calendar
    alone = uids(calendar_of(run, str(group / "anne.yaml"), *TODAY))
    assert set(alone.items()) <= set(uids(found).items())


def test_a_broken_plan_in_the_group_is_skipped_and_named(run: Run, tmp_path: Path) -> None:
    write(tmp_path, CUSTOM, "goed.yaml")
    write(tmp_path, "version: 1\naios: [\n", "kapot.yaml")
    output = tmp_path / "groep.ics"
    result = run("calendar", str(tmp_path), "--output", str(output), *TODAY)
    assert result.exit_code == 1
    assert "kapot.yaml: overgeslagen, het plan is niet geldig" in result.stderr
    assert pairs(parse(output.read_bytes())) == CUSTOM_EVENTS


def test_two_plans_of_one_aios_never_share_a_uid(run: Run, tmp_path: Path) -> None:
    for name in ("a.yaml", "b.yaml"):
        write(tmp_path, CUSTOM, name)
    result = run("calendar", str(tmp_path), *TODAY)
    assert result.exit_code == 1, result.stderr  # the rule errors of CUSTOM
    found = parse(result.stdout)
    assert len({str(e["UID"]) for e in found}) == len(found) == 20
    assert (
        "a.yaml en " in result.stderr
        and "zijn plannen van dezelfde aios (Test Aios)" in result.stderr
    )
    # the first keeps the UIDs of its own calendar
    alone = {str(e["UID"]) for e in calendar_of(run, str(tmp_path / "a.yaml"), *TODAY)}
    assert alone <= {str(e["UID"]) for e in found}


# -- --output, --redact, user text ----------------------------------------------------------


def test_output_goes_through_the_safe_writer(run: Run, example_plan: Path) -> None:
    target = example_plan.with_name("plan.ics")
    result = run("calendar", str(example_plan), "--output", str(target), *TODAY)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert f"{target} geschreven (9 agenda-items)" in result.stderr
    data = target.read_bytes()
    assert data.startswith(b"BEGIN:VCALENDAR\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    assert pairs(parse(data)) == EXAMPLE_EVENTS
    again = run("calendar", str(example_plan), "--output", str(target), *TODAY)  # its own file
    assert again.exit_code == 0, again.stderr


def test_output_never_overwrites_a_plan(run: Run, example_plan: Path) -> None:
    plan_bytes = example_plan.read_bytes()
    result = run("calendar", str(example_plan), "--output", str(example_plan), *TODAY)
    assert result.exit_code == 2
    assert "het plan" in result.stderr and "plan.ics" in result.stderr
    assert example_plan.read_bytes() == plan_bytes

    other = example_plan.with_name("bram.yaml")  # a plan, but not the one being read
    other.write_bytes(plan_bytes)
    refused = run("calendar", str(example_plan), "--output", str(other), *TODAY)
    assert refused.exit_code == 2
    assert "is een plan; mlplan schrijft er niet overheen" in refused.stderr
    assert other.read_bytes() == plan_bytes

    notes = example_plan.with_name("notities.docx")
    notes.write_bytes(b"eigen werk")
    assert run("calendar", str(example_plan), "-o", str(notes), *TODAY).exit_code == 2
    assert notes.read_bytes() == b"eigen werk"
    forced = run("calendar", str(example_plan), "-o", str(notes), "--force", *TODAY)
    assert forced.exit_code == 0, forced.stderr
    assert notes.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_a_group_never_writes_over_one_of_its_plans(run: Run, tmp_path: Path) -> None:
    plan = write(tmp_path, CUSTOM, "test.yaml")
    before = plan.read_bytes()
    result = run("calendar", str(tmp_path), "--output", str(plan), "--force", *TODAY)
    assert result.exit_code == 2
    assert plan.read_bytes() == before


PATIENT = "Casus van mevrouw Jansen besproken, BSN 111222333."


def with_meeting(tmp_path: Path, entry: str, name: str = "plan.yaml") -> Path:
    """The example plan (no errors) with one more meeting, written as a YAML flow mapping."""
    text = EXAMPLE_PLAN.read_text(encoding="utf-8").rstrip("\n") + f"\n  - {entry}\n"
    return write(tmp_path, text, name)


def test_redact_masks_patient_data_in_meeting_text(run: Run, tmp_path: Path) -> None:
    entry = f"{{date: 2026-03-01, kind: voortgang, notes: '{PATIENT}', agreements: ['Terugkoppelen aan mevrouw Jansen']}}"
    path = with_meeting(tmp_path, entry)
    plain = run("calendar", str(path), *TODAY)
    assert plain.exit_code == 0
    (event,) = [e for e in parse(plain.stdout) if e["DTSTART"].dt == D(2026, 3, 1)]
    assert "111222333" in str(event["DESCRIPTION"])
    assert "patiëntgegevens" in plain.stderr and "--redact" in plain.stderr

    masked = run("calendar", str(path), "--redact", *TODAY)
    assert masked.exit_code == 0, masked.stderr
    assert masked.stderr == ""
    (event,) = [e for e in parse(masked.stdout) if e["DTSTART"].dt == D(2026, 3, 1)]
    assert "[BSN]" in str(event["DESCRIPTION"]) and "[naam]" in str(event["DESCRIPTION"])
    for secret in ("111222333", "Jansen"):
        assert secret not in masked.stdout
    assert uids(parse(masked.stdout)) == uids(parse(plain.stdout))


def test_redact_in_a_group(run: Run, tmp_path: Path) -> None:
    with_meeting(tmp_path, f"{{date: 2026-03-01, kind: voortgang, notes: '{PATIENT}'}}", "a.yaml")
    bram = EXAMPLE_PLAN.read_text(encoding="utf-8").replace("Anne de Vries", "Bram Bakker")
    write(tmp_path, bram, "b.yaml")
    plain = run("calendar", str(tmp_path), *TODAY)
    assert "111222333" in plain.stdout
    assert plain.exit_code == 0
    assert "1 plan: " in plain.stderr and "a.yaml" in plain.stderr and "b.yaml" not in plain.stderr
    masked = run("calendar", str(tmp_path), "--redact", *TODAY)
    assert masked.stderr == ""
    assert masked.exit_code == 0 and "111222333" not in masked.stdout and "[BSN]" in masked.stdout


def test_control_characters_in_user_text_never_pass_raw(run: Run, tmp_path: Path) -> None:
    notes = "rood \\e[31m, regel\\rterug, \\u202eomgekeerd\\x07"
    path = with_meeting(tmp_path, f'{{date: 2026-03-01, kind: voortgang, notes: "{notes}"}}')
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "name: Anne de Vries", 'name: "Anne\\e]0;titel\\a de Vries"'
        ),
        encoding="utf-8",
    )
    result = run("calendar", str(path), *TODAY)
    assert result.exit_code == 0, result.stderr
    raw = result.stdout.replace("\r\n", "")
    for ch in ("\x1b", "\r", "\u202e", "\x07"):
        assert ch not in raw
    (event,) = [e for e in parse(result.stdout) if e["DTSTART"].dt == D(2026, 3, 1)]
    assert str(event["DESCRIPTION"]) == "rood \\x1b[31m, regel\\rterug, \\u202eomgekeerd\\x07"
    assert str(event["SUMMARY"]) == "Anne\\x1b]0;titel\\x07 de Vries: voortgangsgesprek"


# -- errors -----------------------------------------------------------------------------------


def test_an_invalid_plan_writes_nothing(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, plan_yaml().replace("years: 5", "years: vijf"))
    target = tmp_path / "plan.ics"
    result = run("calendar", str(path), "--output", str(target), *TODAY)
    assert result.exit_code == 1
    assert "er is geen agenda gemaakt omdat het plan niet geldig is" in result.stderr
    assert "ML002" in result.stderr or "ML001" in result.stderr
    assert not target.exists()


def test_a_plan_with_rule_errors_still_gets_its_calendar(run: Run, tmp_path: Path) -> None:
    bad = plan_yaml(activities=[{"topic": "onbestaand", "title": "X", "year": 1}])
    result = run("calendar", str(write(tmp_path, bad)), *TODAY)
    assert result.exit_code == 1
    assert "de agenda is wel gemaakt" in result.stderr
    assert (D(2030, 8, 31), "Test Aios: einde opleiding") in pairs(parse(result.stdout))


def test_a_missing_path_is_a_usage_error(run: Run, tmp_path: Path) -> None:
    result = run("calendar", str(tmp_path / "weg.yaml"), *TODAY)
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr


def test_without_icalendar_the_message_names_the_install_command(
    run: Run, example_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "icalendar", None)  # import raises ImportError
    target = example_plan.with_name("plan.ics")
    result = run("calendar", str(example_plan), "-o", str(target), *TODAY)
    assert result.exit_code == 2
    assert "'icalendar'" in result.stderr and 'pip install "mlplan[documents]"' in result.stderr
    assert "Traceback" not in result.stderr
    assert not target.exists()
    english = run("--lang", "en", "calendar", str(example_plan), *TODAY)
    assert 'install it with: pip install "mlplan[documents]"' in english.stderr


@pytest.mark.parametrize(
    "args",
    [["check", "plan.yaml"], ["--help"], ["calendar", "--help"], ["plan", "plan.yaml"]],
    ids=" ".join,
)
def test_check_and_help_never_import_icalendar(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "plan.yaml").write_bytes(EXAMPLE_PLAN.read_bytes())
    today = ["--today", "2026-11-22"] if args[0] in ("check", "plan") else []
    imported = imported_modules([*args, *today], tmp_path)
    assert not [m for m in imported if m.split(".")[0] == "icalendar"]
