"""The training calendar with part-time work and interruptions (issue 15).

Every expected date below is worked out by hand, not copied from the output. The plans all
start on 2025-01-01 and last 3 full-time years, so a full-time year is 365 days (2025, 2026
and 2027 are not leap years): year 2 starts when 365 days of training time have accrued,
year 3 at 730, the training ends the day before 1095 have. Day offsets from 2025-01-01:
2026-01-01 = +365, 2027-01-01 = +730, 2028-01-01 = +1095, 2029-01-01 = +1461 (2028 has 366
days), 2030-01-01 = +1826. The first day at whose start ``need`` days have accrued at
``p`` % is offset ``ceil(need / p)`` (a fraction of a day rounds up).

The interruption is 2025-07-01 .. 2025-12-31: 184 days (31+31+30+31+30+31), after the 181
days of January-June 2025 (31+28+31+30+31+30), so it ends exactly at offset +365.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from plan_helpers import checked, write

from mlplan.domain.scheduler import first_open_year
from mlplan.model.timeline import Calendar, Interruption, PartTime

D = dt.date.fromisoformat
START = D("2025-01-01")
SIX_MONTHS = Interruption(D("2025-07-01"), D("2025-12-31"), "zwangerschap")

# (percent, interrupted) -> (start of year 2, start of year 3, last day of training)
EXPECTED = {
    # 100 %: the full-time calendar itself.
    (100, False): ("2026-01-01", "2027-01-01", "2027-12-31"),
    # 80 %: ceil(365/0.8) = ceil(456.25) = 457 = 2026-01-01 + 92 = 2026-04-03
    # (Jan 31 + Feb 28 + Mar 31 = 90 -> Apr 1 is +90); ceil(730/0.8) = ceil(912.5) = 913 =
    # 2027-01-01 + 183 = 2027-07-03 (Jan-Jun 181 -> Jul 1 is +181); ceil(1095/0.8) =
    # ceil(1368.75) = 1369 = 2028-01-01 + 274 = 2028-10-01 (leap year: Oct 1 is +274), so
    # the last day is 2028-09-30 (3 years at 80 % = 3.75 years).
    (80, False): ("2026-04-03", "2027-07-03", "2028-09-30"),
    # 60 %: ceil(365/0.6) = 609 = 2026-01-01 + 244 = 2026-09-02 (Sep 1 is +243);
    # ceil(730/0.6) = 1217 = 2028-01-01 + 122 = 2028-05-02 (leap year: May 1 is +121);
    # 1095/0.6 = 1825 exactly = 2029-12-31 (2030-01-01 is +1826): last day 2029-12-30.
    (60, False): ("2026-09-02", "2028-05-02", "2029-12-30"),
    # 100 % with the interruption: 181 days accrued by 2025-07-01, none until 2026-01-01;
    # year 2 after 365 - 181 = 184 more days = 2026-01-01 + 184 = 2026-07-04 (Jul 1 is
    # +181); year 3 = 2027-01-01 + 184 = 2027-07-04; the end at 2028-01-01 + 184 =
    # 2028-07-03 (leap year: Jul 1 is +182), last day 2028-07-02 (2027-12-31 + 184 days).
    (100, True): ("2026-07-04", "2027-07-04", "2028-07-02"),
    # 80 % with the interruption, in percent-days: 80 * 181 = 14480 before it. Year 2:
    # (36500 - 14480) / 80 = 275.25 -> 276 = 2026-01-01 + 276 = 2026-10-04 (Oct 1 is +273);
    # year 3: (73000 - 14480) / 80 = 731.5 -> 732 = 2028-01-01 + 2 = 2028-01-03; end:
    # (109500 - 14480) / 80 = 1187.75 -> 1188 = 2029-01-01 + 92 = 2029-04-03 (2029-01-01 is
    # 2026-01-01 + 1096; Apr 1 is +90), last day 2029-04-02.
    (80, True): ("2026-10-04", "2028-01-03", "2029-04-02"),
    # 60 % with the interruption: 60 * 181 = 10860 before it. Year 2: (36500 - 10860) / 60
    # = 427.33 -> 428 = 2027-01-01 + 63 = 2027-03-05 (Mar 1 is +59); year 3: (73000 -
    # 10860) / 60 = 1035.67 -> 1036 = 2028-01-01 + 306 = 2028-11-02 (leap: Nov 1 is +305);
    # end: (109500 - 10860) / 60 = 1644 exactly = 2030-01-01 + 183 = 2030-07-03 (2030-01-01
    # is 2026-01-01 + 1461; Jul 1 is +181), last day 2030-07-02.
    (60, True): ("2027-03-05", "2028-11-02", "2030-07-02"),
}


def calendar(percent: int, interrupted: bool) -> Calendar:
    part_time = (PartTime(START, None, percent),) if percent != 100 else ()
    return Calendar(START, 3, part_time, (SIX_MONTHS,) if interrupted else ())


@pytest.mark.parametrize(("percent", "interrupted"), list(EXPECTED))
def test_year_boundaries_end_and_phases(percent: int, interrupted: bool) -> None:
    second, third, last = (D(d) for d in EXPECTED[percent, interrupted])
    cal = calendar(percent, interrupted)
    years = cal.training_years()
    assert [(y.start, y.end) for y in years] == [
        (START, second - dt.timedelta(days=1)),
        (second, third - dt.timedelta(days=1)),
        (third, last),
    ]
    assert cal.end == last
    # 3 years: thirds of training time, so one phase per year, wherever its dates fall
    assert [y.phase for y in years] == ["begin", "midden", "eind"]
    assert cal.year_at(second - dt.timedelta(days=1)) == 1
    assert cal.year_at(second) == 2
    assert cal.year_at(last) == 3
    assert cal.year_at(last + dt.timedelta(days=1)) is None
    assert cal.year_at(START - dt.timedelta(days=1)) == 0


def test_an_explicit_full_time_period_changes_nothing() -> None:
    assert Calendar(START, 3, (PartTime(START, None, 100),)).training_years() == (
        calendar(100, False).training_years()
    )
    assert not Calendar(START, 3, (PartTime(START, None, 100),)).individual
    assert calendar(80, False).individual and calendar(100, True).individual


def test_part_time_from_the_second_year() -> None:
    # 2025 at 100 % (365 days): year 2 starts 2026-01-01; then 50 %: 730 at 365 + 2 * 365
    # = +1095 = 2028-01-01; 1095 at 365 + 2 * 730 = +1825 = 2029-12-31, last day 2029-12-30.
    cal = Calendar(START, 3, (PartTime(D("2026-01-01"), None, 50),))
    assert [y.start for y in cal.training_years()] == [START, D("2026-01-01"), D("2028-01-01")]
    assert cal.end == D("2029-12-30")


def test_a_closed_period_returns_to_full_time() -> None:
    # 50 % in 2025 only: 182.5 days accrued by 2026-01-01, then full time. Year 2 at
    # 365 - 182.5 = 182.5 -> 183 days after 2026-01-01 = 2026-07-03 (Jul 1 is +181); the end
    # at 2026-01-01 + ceil(1095 - 182.5) = +913 = 2028-07-02 (2028-01-01 is +730; leap
    # year: Jul 1 is +182): last day 2028-07-01.
    cal = Calendar(START, 3, (PartTime(START, D("2025-12-31"), 50),))
    assert cal.training_years()[1].start == D("2026-07-03")
    assert cal.end == D("2028-07-01")


# -- the plan file and the rules -------------------------------------------------------


def plan_text(percent: int, interrupted: bool, activity_year: int = 1) -> str:
    lines = [
        "version: 1",
        "aios:",
        "  name: Test Aios",
        "training:",
        "  start: 2025-01-01",
        "  years: 3",
    ]
    if percent != 100:
        lines += ["  part_time:", "    - from: 2025-01-01", f"      percent: {percent}"]
    if interrupted:
        lines += [
            "  interruptions:",
            "    - from: 2025-07-01",
            "      to: 2025-12-31",
            "      reason: zwangerschap",
        ]
    lines += [
        "activities:",
        f"  - {{topic: overlegmomenten, title: Voorzitten overdracht, year: {activity_year}}}",
    ]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(("percent", "interrupted"), list(EXPECTED))
def test_ml202_waits_until_the_year_is_over_in_training_time(
    percent: int, interrupted: bool
) -> None:
    second = D(EXPECTED[percent, interrupted][0])
    text = plan_text(percent, interrupted)
    # on the last day of year 1 it is not past; the day after it is
    on_last_day = checked(text, second - dt.timedelta(days=1))
    assert on_last_day.plan is not None
    assert not [d for d in on_last_day.diagnostics if d.code == "ML202"]
    after = [d for d in checked(text, second).diagnostics if d.code == "ML202"]
    assert len(after) == 1
    assert after[0].params["end"] == (second - dt.timedelta(days=1)).isoformat()


def test_the_plan_file_builds_the_calendar() -> None:
    result = checked(plan_text(80, True), D("2026-01-01"))
    assert result.plan is not None
    assert result.plan.training.calendar() == calendar(80, True)


@pytest.mark.parametrize(
    ("training", "line", "key"),
    [
        # percent outside 50..100: the schema, at the value
        ("  part_time:\n    - {from: 2025-01-01, percent: 40}\n", 8, "schema."),
        ("  part_time:\n    - {from: 2025-01-01, percent: 101}\n", 8, "schema."),
        # overlapping periods: at the later one's from (line 9)
        (
            "  part_time:\n    - {from: 2025-01-01, to: 2025-12-31, percent: 80}\n"
            "    - {from: 2025-06-01, percent: 60}\n",
            9,
            "rule.part_time_overlap",
        ),
        # an open-ended period overlaps everything after it
        (
            "  part_time:\n    - {from: 2025-01-01, percent: 80}\n"
            "    - {from: 2027-06-01, to: 2027-12-31, percent: 60}\n",
            9,
            "rule.part_time_overlap",
        ),
        (
            "  interruptions:\n    - {from: 2025-07-01, to: 2025-12-31, reason: ziekte}\n"
            "    - {from: 2025-12-31, to: 2026-01-31, reason: verlof}\n",
            9,
            "rule.interruptions_overlap",
        ),
        (
            "  interruptions:\n    - {from: 2025-07-01, to: 2025-06-30, reason: ziekte}\n",
            8,
            "rule.period_reversed",
        ),
        (
            "  interruptions:\n    - {from: 2025-07-01, to: 2025-12-31, reason: vakantie}\n",
            8,
            "schema.",
        ),
    ],
)
def test_bad_periods_are_ml002_at_their_line(training: str, line: int, key: str) -> None:
    text = "version: 1\naios:\n  name: T\ntraining:\n  start: 2025-01-01\n  years: 3\n" + training
    found = [d for d in checked(text, D("2025-03-01")).diagnostics if d.code == "ML002"]
    assert [d.line for d in found] == [line], [d.message for d in found]
    assert found[0].key.startswith(key)


def test_adjacent_periods_do_not_overlap() -> None:
    text = (
        "version: 1\naios:\n  name: T\ntraining:\n  start: 2025-01-01\n  years: 3\n"
        "  part_time:\n    - {from: 2025-01-01, to: 2025-12-31, percent: 80}\n"
        "    - {from: 2026-01-01, percent: 60}\n"
    )
    assert not [d for d in checked(text, D("2025-03-01")).diagnostics if d.code == "ML002"]


def test_interruption_notes_are_free_text() -> None:
    text = plan_text(100, True).replace(
        "      reason: zwangerschap\n",
        "      reason: ziekte\n      notes: opgenomen, BSN 111222333\n",
    )
    found = [d for d in checked(text, D("2025-03-01")).diagnostics if d.code == "ML300"]
    assert [(d.line, d.params["field"]) for d in found] == [(11, "notes")]


# -- through the command line ------------------------------------------------------------

Run = Callable[..., Any]


@pytest.mark.parametrize(("percent", "interrupted"), list(EXPECTED))
def test_plan_json_has_the_moved_years(
    run: Run, tmp_path: Path, percent: int, interrupted: bool
) -> None:
    second, third, last = EXPECTED[percent, interrupted]
    path = write(tmp_path, plan_text(percent, interrupted))
    result = run("plan", str(path), "-f", "json", "--today", second)
    data = json.loads(result.stdout)
    assert [y["start"] for y in data["years"]] == ["2025-01-01", second, third]
    assert data["training"]["end"] == last
    assert data["position"] == {"state": "in_training", "year": 2, "phase": "midden"}


def test_summary_position_follows_training_time(run: Run, tmp_path: Path) -> None:
    # at 80 % 2026-03-01 is still year 1 (it runs until 2026-04-02), not year 2
    path = write(tmp_path, plan_text(80, False))
    result = run("summary", str(path), "-f", "json", "--today", "2026-03-01")
    data = json.loads(result.stdout)
    assert (data["position"]["year"], data["training"]["end"]) == (1, "2028-09-30")


def test_plan_and_summary_state_percent_interruption_and_end(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, plan_text(80, True))
    shown = run("plan", str(path), "--today", "2026-03-01", "-f", "markdown").stdout
    assert (
        "80 % vanaf 1 jan 2025 · onderbroken 1 jul 2025 t/m 31 dec 2025 (zwangerschap)"
        " · einddatum 2 apr 2029 (80 % deeltijd)"
    ) in shown
    page = run("summary", str(path), "--today", "2026-03-01", "--lang", "en", "-f", "markdown")
    assert "end date 2029-04-02 (80 % part-time)" in page.stdout
    data = json.loads(run("summary", str(path), "--today", "2026-03-01", "-f", "json").stdout)
    assert data["training"]["part_time"] == [{"from": "2025-01-01", "to": None, "percent": 80}]
    assert data["training"]["interruptions"] == [
        {"from": "2025-07-01", "to": "2025-12-31", "reason": "zwangerschap"}
    ]


def test_a_full_time_plan_shows_no_calendar_line(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, plan_text(100, False))
    shown = run("plan", str(path), "--today", "2026-03-01").stdout
    assert "Deeltijd" not in shown and "einddatum" not in shown
    data = json.loads(run("plan", str(path), "--today", "2026-03-01", "-f", "json").stdout)
    assert "part_time" not in data["training"]


# -- main's training state and open years read the same calendar ---------------------------


def test_first_open_year_and_state_follow_training_time() -> None:
    # at 80 % 2026-03-01 is still year 1 (full time: year 2)
    cal = calendar(80, False)
    assert first_open_year(cal, D("2026-03-01")) == 1
    assert first_open_year(Calendar(START, 3), D("2026-03-01")) == 2
    # after the full-time end, before the real one: still in training, year 3
    standing = cal.standing_at(D("2028-03-01"))
    assert (standing.state, standing.year and standing.year.number) == ("in_training", 3)
    assert cal.standing_at(D("2028-10-01")).state == "finished"


def test_state_and_ml204_after_the_full_time_end(run: Run, tmp_path: Path) -> None:
    """2028-03-01 is past the full-time end (2027-12-31) but in year 3 at 80 %: every JSON
    output says in_training, and ML204 still asks year 3 for work (it is open)."""
    write(tmp_path, plan_text(80, False))
    path = tmp_path / "plan.yaml"
    today = ("--today", "2028-03-01")
    plan = json.loads(run("plan", str(path), "-f", "json", *today).stdout)
    assert plan["position"] == {"state": "in_training", "year": 3, "phase": "eind"}
    page = json.loads(run("summary", str(path), "-f", "json", *today).stdout)
    assert (page["position"]["state"], page["position"]["year"]) == ("in_training", 3)
    group = json.loads(run("summary", str(tmp_path), "-f", "json", *today).stdout)
    assert group["overview"][0]["position"]["state"] == "in_training"
    found = checked(plan_text(80, False), D("2028-03-01")).diagnostics
    assert [d.params["years"] for d in found if d.code == "ML204"] == ["3"]


def test_the_calendar_reaches_the_last_day_and_no_further() -> None:
    # full time from 9995-01-01: five years end exactly on 9999-12-31
    assert Calendar(D("9995-01-01"), 5).end == D("9999-12-31")
    # a period ending on the last day (its day after has no date) changes nothing here
    open_to_the_end = (PartTime(D("9995-01-01"), D("9999-12-31"), 100),)
    assert Calendar(D("9995-01-01"), 5, open_to_the_end).end == D("9999-12-31")
    # 80 % makes it end after 9999-12-31: the calendar says it does not fit
    slower = Calendar(D("9995-01-01"), 5, (PartTime(D("9995-01-01"), None, 80),))
    assert not slower.fits and Calendar(D("9995-01-01"), 5).fits


def test_part_time_past_the_last_day_is_ml002_at_start(run: Run, tmp_path: Path) -> None:
    text = plan_text(80, False).replace("2025-01-01", "9997-01-01")
    found = [d for d in checked(text, D("9997-03-01")).diagnostics if d.code == "ML002"]
    assert [(d.line, d.key) for d in found] == [(5, "schema.training_too_late")]
    result = run("plan", str(write(tmp_path, text)), "--today", "9997-03-01")
    assert result.exit_code == 1 and "Traceback" not in result.stdout + result.stderr
