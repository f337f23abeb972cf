"""The resolved view of a plan (``resolved.resolve``): each fact decided once, so that
``check``, ``plan``, ``summary`` and ``handover`` say the same about the same plan.

Each test asks the commands themselves (through the CLI, in JSON) and compares what they
say with each other and with what the plan's author expects."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from mlplan.domain import handover, resolved
from mlplan.io.loading import load_framework
from mlplan.model.framework import Framework
from tests.conftest import Result
from tests.plan_helpers import checked, plan_yaml, write

Run = Callable[..., Result]


@pytest.fixture(scope="module")
def fw() -> Framework:
    return load_framework()


def _json(run: Run, *args: str) -> Any:
    result = run(*args, "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


def _row(run: Run, path: Path, today: str) -> Any:
    """The plan's row in the group overview (its directory holds only this plan)."""
    data = _json(run, "summary", str(path.parent), "--today", today, "--overview-only")
    (row,) = data["overview"]
    return row


def _codes(run: Run, path: Path, today: str) -> list[str]:
    data = _json(run, "check", str(path), "--today", today)
    return [d["code"] for d in data["diagnostics"]]


def _activities(fw: Framework, year_of: Callable[[int], int]) -> list[dict[str, object]]:
    """One activity per topic of the framework (each needs one): no ML100 to distract."""
    ids = fw.topic_ids()
    return [{"topic": t, "title": f"Werk aan {t}", "year": year_of(i)} for i, t in enumerate(ids)]


@pytest.mark.parametrize("written", ["DOO Teamwork", "doo teamwork", "DOO-teamwork"])
def test_a_course_given_by_title_meets_its_requirement_everywhere(
    run: Run, tmp_path: Path, fw: Framework, written: str
) -> None:
    text = plan_yaml(
        years=3,
        activities=_activities(fw, lambda i: i % 3 + 1),
        courses=[
            {"course": "Coach-the-co", "year": 1},  # the title, not the id
            {"course": written, "year": 2},
        ],
    )
    path = write(tmp_path, text)
    today = "2026-01-15"
    assert "ML101" not in _codes(run, path, today)
    assert "ML003" not in _codes(run, path, today)
    shown = _json(run, "plan", str(path), "--today", today)
    assert [(r["id"], r["state"], r["courses"]) for r in shown["course_requirements"]] == [
        ("coach-the-co", "planned", [1]),
        ("doo", "planned", [2]),
    ]
    assert [c["title"] for c in shown["courses"]] == ["Coach-the-co", "DOO teamwork"]
    page = _json(run, "summary", str(path), "--today", today)
    assert "missing_course" not in [p["code"] for p in page["talking_points"]]


def test_an_unknown_course_misses_its_requirement_everywhere(
    run: Run, tmp_path: Path, fw: Framework
) -> None:
    text = plan_yaml(
        years=3,
        activities=_activities(fw, lambda i: i % 3 + 1),
        courses=[{"course": "Coach-the-co", "year": 1}, {"course": "Mindfulness", "year": 2}],
    )
    path = write(tmp_path, text)
    assert _codes(run, path, "2026-01-15").count("ML101") == 1
    shown = _json(run, "plan", str(path), "--today", "2026-01-15")
    assert [r["state"] for r in shown["course_requirements"]] == ["planned", "missing"]
    page = _json(run, "summary", str(path), "--today", "2026-01-15")
    missing = [p for p in page["talking_points"] if p["code"] == "missing_course"]
    assert len(missing) == 1


def test_overdue_activities_count_the_same_in_check_summary_and_handover(
    run: Run, tmp_path: Path, fw: Framework
) -> None:
    # year 1 holds five activities: two done, one dropped, two still open (one in progress);
    # a course of year 1 is still planned too
    acts = _activities(fw, lambda i: 1 if i < 5 else 3)
    acts[0] |= {"status": "done", "done_on": "2026-01-10", "evidence": "KPB"}
    acts[1] |= {"status": "done", "done_on": "2026-02-10", "evidence": "KPB"}
    acts[2] |= {"status": "dropped"}
    acts[3] |= {"status": "in_progress"}
    courses = [{"course": "coach-the-co", "year": 1}, {"course": "doo-teamwork", "year": 3}]
    path = write(tmp_path, plan_yaml(years=3, activities=acts, courses=courses))
    today = "2026-11-22"  # year 1 ended on 2026-08-31
    assert _codes(run, path, today).count("ML202") == 2
    page = _json(run, "summary", str(path), "--today", today)
    overdue = [(i["kind"], i["number"]) for i in page["overdue"]]
    # the summary's Achterstallig: the same two activities, and the open course (docs/summary.md)
    assert overdue == [("activity", 4), ("activity", 5), ("course", 1)]
    assert _row(run, path, today)["overdue"] == 3
    result = checked(path.read_text(encoding="utf-8"), dt.date(2026, 11, 22))
    doc = handover.build(result, fw, dt.date(2026, 11, 22))
    assert doc.overdue == frozenset({4, 5})  # the handover marks the activities


def test_the_day_a_year_ends_nothing_is_overdue_yet(
    run: Run, tmp_path: Path, fw: Framework
) -> None:
    acts = _activities(fw, lambda i: i % 3 + 1)
    path = write(tmp_path, plan_yaml(years=3, activities=acts))
    assert "ML202" not in _codes(run, path, "2026-08-31")  # year 1's last day
    assert _json(run, "summary", str(path), "--today", "2026-08-31")["overdue"] == []
    assert "ML202" in _codes(run, path, "2026-09-01")
    assert _json(run, "summary", str(path), "--today", "2026-09-01")["overdue"] != []


@pytest.mark.parametrize(
    ("today", "state", "year", "phase"),
    [
        ("2025-08-31", "not_started", None, None),
        ("2025-09-01", "in_training", 1, "begin"),
        ("2027-10-01", "in_training", 3, "midden"),
        ("2030-09-01", "finished", None, None),
    ],
)
def test_plan_and_summary_place_the_aios_alike(
    run: Run, tmp_path: Path, today: str, state: str, year: int | None, phase: str | None
) -> None:
    path = write(tmp_path, plan_yaml(years=5))
    shown = _json(run, "plan", str(path), "--today", today)["position"]
    page = _json(run, "summary", str(path), "--today", today)["position"]
    assert (shown["state"], shown["year"], shown["phase"]) == (state, year, phase)
    assert (page["state"], page["year"], page["phase"]) == (state, year, phase)


def test_an_activity_planned_before_its_phase_is_flagged_where_plan_shows_it(
    run: Run, tmp_path: Path, fw: Framework
) -> None:
    acts = _activities(fw, lambda i: i % 3 + 1)
    acts[0] |= {"year": 1, "phase": "eind"}
    path = write(tmp_path, plan_yaml(years=3, activities=acts))
    assert _codes(run, path, "2026-01-15").count("ML200") == 1
    shown = _json(run, "plan", str(path), "--today", "2026-01-15")
    assert shown["activities"][0]["suggested_phase"] == "eind"
    assert shown["years"][0]["phase"] == "begin"


def test_a_late_meeting_is_late_in_check_and_summary(run: Run, tmp_path: Path) -> None:
    meeting = "meetings:\n  - {date: 2025-10-01, kind: voortgang}\n"
    path = write(tmp_path, plan_yaml(years=5, extra=meeting))
    for today, late in (("2026-09-30", False), ("2026-10-01", True)):
        assert ("ML208" in _codes(run, path, today)) is late
        assert _row(run, path, today)["meeting_late"] is late
        page = _json(run, "summary", str(path), "--today", today)
        assert ("meeting_overdue" in [p["code"] for p in page["talking_points"]]) is late


def test_resolve_places_each_entry_once(fw: Framework) -> None:
    acts = _activities(fw, lambda i: 1)
    acts.append({"topic": "onderwijs", "title": "Buiten de opleiding", "year": 9})
    text = plan_yaml(years=3, activities=acts, courses=[{"course": "COACH THE CO"}])
    result = checked(text, dt.date(2027, 1, 1))
    # year 9 is ML102: the plan still validates and so resolves
    assert result.plan is not None
    view = resolved.resolve(result.plan, fw, dt.date(2027, 1, 1))
    assert view.standing.state == "in_training" and view.phase_now == "midden"
    assert view.open_years == (2, 3)
    assert [a.year.number if a.year else None for a in view.activities][-2:] == [1, None]
    assert sum(a.overdue for a in view.activities) == len(acts) - 1  # not the one of year 9
    (course,) = view.courses
    assert course.known is not None and course.identity == "coach-the-co"
    assert not course.overdue  # a course without a year has no dates
    assert [r.id for r in view.missing_requirements] == ["doo"]


def test_an_agreement_of_a_meeting_to_come_is_overdue_nowhere_yet(run: Run, tmp_path: Path) -> None:
    # held on 2026-07-01, due 2026-10-01: late on 2026-11-22; the meeting of 2027-03-01 has
    # not happened, so its agreement (due, oddly, before today) is not late yet
    meetings = (
        "meetings:\n"
        "  - date: 2026-07-01\n    kind: voortgang\n"
        "    agreements:\n      - {text: DOO leiderschap inplannen, due: 2026-10-01}\n"
        "  - date: 2027-03-01\n    kind: voortgang\n"
        "    agreements:\n      - {text: Symposium organiseren, due: 2026-10-15}\n"
    )
    path = write(tmp_path, plan_yaml(years=5, extra=meetings))
    today = "2026-11-22"
    check = _json(run, "check", str(path), "--today", today)
    late = [d["message"] for d in check["diagnostics"] if d["code"] == "ML206"]
    assert len(late) == 1 and "DOO leiderschap inplannen" in late[0]
    page = _json(run, "summary", str(path), "--today", today)
    assert [a["text"] for a in page["overdue_agreements"]] == ["DOO leiderschap inplannen"]
    points = [p for p in page["talking_points"] if p["code"] == "agreement_overdue"]
    assert [p["params"]["text"] for p in points] == ["DOO leiderschap inplannen"]
