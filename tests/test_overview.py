"""The plan's view model: years, phases, numbering, grouping, coverage and courses."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from plan_helpers import TODAY, overview_of, plan_yaml

from mlplan.domain.overview import Overview


def example(example_plan: Path, today: dt.date = TODAY) -> Overview:
    return overview_of(example_plan.read_text(encoding="utf-8"), today)


def test_header_of_the_example_plan(example_plan: Path) -> None:
    h = example(example_plan).header
    assert (h.name, h.specialty, h.supervisor, h.institution) == (
        "Anne de Vries",
        "Neurologie",
        "dr. J. Jansen",
        "LUMC",
    )
    assert (h.start, h.end, h.year_count) == (dt.date(2025, 9, 1), dt.date(2030, 8, 31), 5)
    assert (h.now.state, h.now.year, h.now.phase) == ("in_training", 2, "begin")


def test_years_have_dates_and_the_spec_phases(example_plan: Path) -> None:
    years = example(example_plan).years
    assert [(y.number, y.phase) for y in years] == [
        (1, "begin"),
        (2, "begin"),
        (3, "midden"),
        (4, "eind"),
        (5, "eind"),
    ]
    assert (years[0].start, years[0].end) == (dt.date(2025, 9, 1), dt.date(2026, 8, 31))
    assert (years[4].start, years[4].end) == (dt.date(2029, 9, 1), dt.date(2030, 8, 31))


def test_activity_numbers_are_positions_in_the_plan(example_plan: Path) -> None:
    ov = example(example_plan)
    assert [a.number for a in ov.activities] == list(range(1, 17))
    last = ov.activities[-1]
    assert (last.activity.title, last.activity.year, last.competency) == ("Voorzitten MDO", 5, 1)
    # year 1 holds activities 1, 4, 8, 13 and 14, grouped by competency 1, 3, 4
    year1 = ov.years[0]
    assert [g.competency.number if g.competency else None for g in year1.groups] == [1, 3, 4]
    assert [a.number for a in year1.activities] == [1, 4, 8, 13, 14]


def test_topic_titles_and_suggested_phase(example_plan: Path) -> None:
    ov = example(example_plan)
    first = ov.activities[0]
    assert (first.activity.topic, first.topic_title) == ("overlegmomenten", "Overlegmomenten")
    # "Voorzitten overdracht" is an example activity the learning curve gives no phase;
    # "Voorzitten MDO" is one it puts in eind
    assert first.suggested_phase is None
    last = ov.activities[-1]
    assert (last.activity.title, last.suggested_phase) == ("Voorzitten MDO", "eind")


def test_coverage_of_the_example_plan(example_plan: Path) -> None:
    cov = example(example_plan).coverage
    assert (cov.covered, cov.total, cov.done) == (14, 14, 5)
    by_id = {c.topic_id: c for c in cov.topics}
    assert by_id["overlegmomenten"].activities == (1, 16)
    assert by_id["overlegmomenten"].state == "done"
    assert by_id["financien"].state == "planned"


def test_courses_and_requirements(example_plan: Path) -> None:
    ov = example(example_plan)
    assert [(c.title, c.required, c.known) for c in ov.courses] == [
        ("Coach-the-co", True, True),
        ("DOO leiderschap", True, True),
        ("Calling en Comradeship", False, True),
    ]
    assert [(r.id, r.state, r.courses) for r in ov.requirements] == [
        ("coach-the-co", "done", (1,)),
        ("doo", "done", (2,)),  # DOO leiderschap, done on 2026-10-09
    ]


def test_free_title_course_and_missing_requirement() -> None:
    ov = overview_of(plan_yaml(courses=[{"course": "Eigen leergang Lean", "year": 2}]))
    (course,) = ov.courses
    assert (course.title, course.known, course.required) == ("Eigen leergang Lean", False, False)
    assert [r.state for r in ov.requirements] == ["missing", "missing"]


def test_dropped_activity_is_shown_but_does_not_cover() -> None:
    ov = overview_of(
        plan_yaml(
            activities=[
                {"topic": "financien", "title": "Begroting", "year": 1, "status": "dropped"}
            ]
        )
    )
    assert [a.number for a in ov.years[0].activities] == [1]
    assert {c.topic_id: c.state for c in ov.coverage.topics}["financien"] == "missing"
    assert ov.coverage.covered == 0


def test_four_and_a_half_years() -> None:
    ov = overview_of(plan_yaml(years=4.5))
    assert ov.header.end == dt.date(2030, 2, 28)
    assert [y.phase for y in ov.years] == ["begin", "midden", "midden", "eind", "eind"]
    assert (ov.years[-1].start, ov.years[-1].end) == (dt.date(2029, 9, 1), dt.date(2030, 2, 28))


def test_before_and_after_the_training() -> None:
    text = plan_yaml()
    before = overview_of(text, dt.date(2025, 8, 31)).header.now
    assert (before.state, before.year, before.phase) == ("not_started", None, None)
    after = overview_of(text, dt.date(2030, 9, 1)).header.now
    assert (after.state, after.year) == ("finished", None)
    last_day = overview_of(text, dt.date(2030, 8, 31)).header.now
    assert (last_day.state, last_day.year, last_day.phase) == ("in_training", 5, "eind")


def test_unknown_topic_and_year_outside_the_training_still_show() -> None:
    ov = overview_of(
        plan_yaml(
            years=2,
            activities=[
                {"topic": "overlegmomenten", "title": "A", "year": 1},
                {"topic": "bestaat-niet", "title": "B", "year": 1},
                {"topic": "financien", "title": "C", "year": 4},
            ],
        )
    )
    assert [y.number for y in ov.years] == [1, 2, 4]
    year1 = ov.years[0]
    assert year1.groups[-1].competency is None
    assert year1.groups[-1].activities[0].topic_title is None
    outside = ov.years[-1]
    assert (outside.in_training, outside.start, outside.phase) == (False, None, None)
    assert [a.number for a in outside.activities] == [3]


def test_meetings_are_in_date_order() -> None:
    extra = (
        "meetings:\n"
        "  - {date: 2026-07-01, kind: voortgang}\n"
        "  - {date: 2025-10-15, kind: introductie}\n"
    )
    ov = overview_of(plan_yaml(extra=extra))
    assert [m.date for m in ov.meetings] == [dt.date(2025, 10, 15), dt.date(2026, 7, 1)]
