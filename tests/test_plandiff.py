"""``plandiff``: two versions of a plan in, typed changes out (no git, no files)."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from types import SimpleNamespace
from typing import Any

import pytest

from mlplan.domain import plandiff
from mlplan.domain.plandiff import Kind, Snapshot, Unread
from mlplan.io.loading import load_framework
from mlplan.model.plan import Activity, CourseEntry, ImprovementPoint, Meeting, Training

FW = load_framework()


def acts(*entries: dict[str, Any]) -> tuple[tuple[int, Activity], ...]:
    return tuple(enumerate((Activity.model_validate(e) for e in entries), 1))


def act(title: str, topic: str = "innovatie", year: int = 2, **more: Any) -> dict[str, Any]:
    return {"topic": topic, "title": title, "year": year, **more}


def kinds(old: Snapshot, new: Snapshot) -> list[tuple[Kind, dict[str, Any]]]:
    return [(c.kind, dict(c.params)) for c in plandiff.compare(old, new, FW).changes]


def only_activities(old: tuple[dict[str, Any], ...], new: tuple[dict[str, Any], ...]) -> list[Any]:
    return kinds(Snapshot(activities=acts(*old)), Snapshot(activities=acts(*new)))


# -- which activity is which -----------------------------------------------------------------


def test_a_title_in_other_case_quotes_or_spaces_is_the_same_activity() -> None:
    assert (
        only_activities((act("Verwonder en Verbeter"),), (act("  ‘verwonder en verbeter’ "),)) == []
    )


def test_a_changed_title_is_a_removal_and_an_addition() -> None:
    found = only_activities((act("EPD-project"),), (act("EPD-project leiden"),))
    assert [k for k, _ in found] == [Kind.ACTIVITY_ADDED, Kind.ACTIVITY_REMOVED]
    assert found[0][1]["number"] == 1 and found[1][1]["number"] is None


def test_the_same_title_under_another_topic_is_moved_there_once_on_each_side() -> None:
    found = only_activities(
        (act("Eigen project", "innovatie"),), (act("Eigen project", "organisatie"),)
    )
    assert found == [
        (
            Kind.ACTIVITY_TOPIC,
            {
                "number": 1,
                "title": "Eigen project",
                "topic": "organisatie",
                "year": 2,
                "old_topic": "innovatie",
            },
        )
    ]
    # twice on one side: which one moved cannot be told
    twice = only_activities(
        (act("Eigen project", "innovatie"), act("Eigen project", "financien")),
        (act("Eigen project", "organisatie"),),
    )
    assert [k for k, _ in twice] == [
        Kind.ACTIVITY_ADDED,
        Kind.ACTIVITY_REMOVED,
        Kind.ACTIVITY_REMOVED,
    ]


def test_duplicates_pair_by_year_first() -> None:
    old = (act("Voorzitten MDO", year=2), act("Voorzitten MDO", year=3))
    new = (act("Voorzitten MDO", year=3), act("Voorzitten MDO", year=4))
    found = only_activities(old, new)
    # year 3 stays year 3; the year-2 one went to year 4 (not: both moved)
    assert [(k, p["old_year"], p["year"]) for k, p in found] == [(Kind.ACTIVITY_MOVED, 2, 4)]


@pytest.mark.parametrize(
    ("before", "after", "kind", "expected"),
    [
        ({}, {"status": "in_progress"}, Kind.ACTIVITY_STATUS, {"old_status": "planned", "status": "in_progress"}),
        ({"status": "done", "done_on": "2026-03-01"}, {}, Kind.ACTIVITY_STATUS, {"old_status": "done", "status": "planned"}),
        ({}, {"status": "dropped"}, Kind.ACTIVITY_DROPPED, {"old_status": "planned"}),
        ({"status": "in_progress"}, {"status": "done"}, Kind.ACTIVITY_DONE, {"done_on": None, "evidence": None, "old_status": "in_progress"}),
        (
            {"status": "done", "done_on": "2026-03-01"},
            {"status": "done", "done_on": "2026-03-01", "evidence": "KPB"},
            Kind.ACTIVITY_EVIDENCE,
            {"done_on": "2026-03-01", "evidence": "KPB", "old_done_on": "2026-03-01", "old_evidence": None},
        ),
        ({"goal": "a"}, {"goal": "b", "notes": "n"}, Kind.ACTIVITY_DETAILS, {"fields": ("goal", "notes")}),
    ],
)  # fmt: skip
def test_status_and_details(
    before: dict[str, Any], after: dict[str, Any], kind: Kind, expected: dict[str, Any]
) -> None:
    found = only_activities((act("X", **before),), (act("X", **after),))
    assert len(found) == 1
    assert found[0][0] is kind
    assert {k: found[0][1][k] for k in expected} == expected


def test_marked_done_and_moved_at_once_is_two_changes() -> None:
    found = only_activities(
        (act("X", year=3),),
        (act("X", year=4, status="done", done_on="2027-01-05", evidence="verslag"),),
    )
    assert [k for k, _ in found] == [Kind.ACTIVITY_MOVED, Kind.ACTIVITY_DONE]


# -- courses -------------------------------------------------------------------------------


def test_a_course_is_its_framework_course_however_it_is_written() -> None:
    old = Snapshot(courses=(CourseEntry.model_validate({"course": "Coach-the-co", "year": 1}),))
    new = Snapshot(courses=(CourseEntry.model_validate({"course": "coach the co", "year": 2}),))
    assert kinds(old, new) == [
        (
            Kind.COURSE_MOVED,
            {"title": "Coach-the-co", "course": "coach-the-co", "year": 2, "old_year": 1},
        )
    ]


def test_an_own_course() -> None:
    old = Snapshot(courses=())
    new = Snapshot(
        courses=(CourseEntry.model_validate({"course": "Lean Six Sigma", "status": "done"}),)
    )
    assert kinds(old, new) == [
        (
            Kind.COURSE_ADDED,
            {"title": "Lean Six Sigma", "course": None, "year": None, "status": "done"},
        )
    ]


# -- meetings and agreements -----------------------------------------------------------------


class Outcome(StrEnum):  # the shape of the agreement model of issue 14 (an enum member)
    ACHIEVED = "achieved"
    CARRIED_OVER = "carried_over"


def agreement(text: str, **fields: Any) -> SimpleNamespace:
    values = {"owner": None, "due": None, "outcome": None, **fields}
    return SimpleNamespace(text=text, **values)


def meeting(date: str, *said: object, kind: str = "voortgang", notes: str | None = None) -> Meeting:
    # built without validation, so agreements may take either shape the plan allows
    return Meeting.model_construct(
        date=dt.date.fromisoformat(date), kind=kind_of(kind), notes=notes, agreements=list(said)
    )


def kind_of(kind: str) -> Any:
    from mlplan.model.plan import MeetingKind

    return MeetingKind(kind)


def test_agreements_as_text_and_as_mappings() -> None:
    old = Snapshot(meetings=(meeting("2026-07-01", "DOO inplannen", "Meer sporten", "Symposium"),))
    new = Snapshot(
        meetings=(
            meeting(
                "2026-07-01",
                agreement("DOO  inplannen", outcome=Outcome.ACHIEVED),  # closed
                agreement("Meer sporten", owner="aios", due=dt.date(2026, 12, 1)),  # details
                agreement("Symposium", outcome=Outcome.CARRIED_OVER),
            ),
            meeting("2026-11-03", agreement("Symposium", owner="aios"), "Nieuw punt"),
        )
    )
    found = kinds(old, new)
    assert [k for k, _ in found] == [
        Kind.AGREEMENT_CLOSED,
        Kind.AGREEMENT_CHANGED,
        Kind.AGREEMENT_CLOSED,
        Kind.MEETING_ADDED,
        Kind.AGREEMENT_ADDED,
        Kind.AGREEMENT_ADDED,
    ]
    assert found[0][1]["outcome"] == "achieved" and found[0][1]["meeting"] == "2026-07-01"
    assert found[1][1]["fields"] == ("owner", "due") and found[1][1]["due"] == "2026-12-01"
    assert found[3][1] == {"meeting": "2026-11-03", "kind": "voortgang", "agreements": 2}
    assert found[4][1]["carried_from"] == "2026-07-01" and found[4][1]["owner"] == "aios"
    assert found[5][1]["carried_from"] is None


def test_an_outcome_undone_or_changed() -> None:
    old = Snapshot(
        meetings=(
            meeting(
                "2026-07-01", agreement("A", outcome="achieved"), agreement("B", outcome="achieved")
            ),
        )
    )
    new = Snapshot(
        meetings=(meeting("2026-07-01", agreement("A"), agreement("B", outcome="partly")),)
    )
    found = kinds(old, new)
    assert [(k, p.get("old_outcome"), p.get("outcome")) for k, p in found] == [
        (Kind.AGREEMENT_REOPENED, "achieved", None),
        (Kind.AGREEMENT_OUTCOME, "achieved", "partly"),
    ]


def test_a_meeting_is_its_date() -> None:
    old = Snapshot(
        meetings=(meeting("2026-07-01", "A", kind="introductie"), meeting("2026-08-01", "B"))
    )
    new = Snapshot(meetings=(meeting("2026-07-01", "A", notes="verslag"),))
    assert [k for k, _ in kinds(old, new)] == [
        Kind.MEETING_KIND,
        Kind.MEETING_NOTES,
        Kind.MEETING_REMOVED,
    ]


# -- training, aios, improvement points ------------------------------------------------------


def training(**fields: Any) -> Training:
    return Training.model_validate({"start": "2025-09-01", "years": 5, **fields})


def test_training_changes_and_their_end_date() -> None:
    old = Snapshot(
        training=training(
            part_time=[{"from": "2026-01-01", "percent": 80}],
            interruptions=[{"from": "2027-01-01", "to": "2027-03-31", "reason": "ziekte"}],
        )
    )
    new = Snapshot(
        training=training(
            years=4.5,
            part_time=[{"from": "2026-01-01", "to": "2026-12-31", "percent": 90}],
            interruptions=[{"from": "2028-01-01", "to": "2028-01-31", "reason": "verlof"}],
        )
    )
    found = kinds(old, new)
    assert [k for k, _ in found] == [
        Kind.TRAINING_YEARS,
        Kind.PART_TIME_CHANGED,
        Kind.INTERRUPTION_ADDED,
        Kind.INTERRUPTION_REMOVED,
        Kind.TRAINING_END,
    ]
    assert found[0][1] == {"old": 5, "new": 4.5}
    assert found[1][1] == {
        "start": "2026-01-01", "end": "2026-12-31", "percent": 90, "old_end": None, "old_percent": 80,
    }  # fmt: skip
    assert found[4][1]["old"] != found[4][1]["new"]


def test_a_start_date_change() -> None:
    found = kinds(Snapshot(training=training()), Snapshot(training=training(start="2025-10-01")))
    assert found == [
        (Kind.TRAINING_START, {"old": "2025-09-01", "new": "2025-10-01"}),
        (Kind.TRAINING_END, {"old": "2030-08-31", "new": "2030-09-30"}),
    ]


def test_improvement_points() -> None:
    def points(*texts: tuple[str, str | None]) -> tuple[ImprovementPoint, ...]:
        return tuple(ImprovementPoint(point=p, how=h) for p, h in texts)

    found = kinds(
        Snapshot(improvement_points=points(("Delegeren", None), ("Grenzen", None))),
        Snapshot(
            improvement_points=points(
                ("delegeren", "elke week"),
            )
        ),
    )
    assert found == [
        (Kind.IMPROVEMENT_CHANGED, {"point": "delegeren", "fields": ("how",)}),
        (Kind.IMPROVEMENT_REMOVED, {"point": "Grenzen"}),
    ]


# -- versions that do not load as a whole -------------------------------------------------------


def test_salvage_reads_each_part_on_its_own() -> None:
    snap = plandiff.salvage(
        {
            "version": 1,
            "aios": {"name": "A"},
            "training": {"start": "2025-09-31", "years": 5},
            "activities": [act("Goed"), {"topic": "innovatie", "title": "Kapot", "year": "drie"}],
            "courses": "geen lijst",
            "meetings": None,
            "onbekend": True,
        }
    )
    assert snap.aios is not None and snap.training is None
    assert snap.activities is not None and [(n, a.title) for n, a in snap.activities] == [
        (1, "Goed")
    ]
    assert snap.courses is None and snap.meetings == () and snap.improvement_points == ()
    assert snap.unread == (
        Unread("training"),
        Unread("activities", 2, ("innovatie", "Kapot")),
        Unread("courses"),
    )
    assert plandiff.salvage("tekst").unread == (Unread("plan"),)


def test_an_unread_entry_is_not_added_or_removed() -> None:
    old = plandiff.salvage({"activities": [{"topic": "innovatie", "title": "Kapot", "year": "x"}]})
    new = Snapshot(activities=acts(act("kapot"), act("Nieuw")))
    assert [p["title"] for _, p in kinds(old, new)] == ["Nieuw"]
    assert kinds(new, old) == [(Kind.ACTIVITY_REMOVED, kinds(new, old)[0][1])]
    assert kinds(new, old)[0][1]["title"] == "Nieuw"


def test_masked_masks_only_free_text() -> None:
    diff = plandiff.compare(
        Snapshot(activities=()), Snapshot(activities=acts(act("X", topic="innovatie"))), FW
    )
    masked = plandiff.masked(diff, lambda text: "*" * len(text))
    assert dict(masked.changes[0].params) == {
        "number": 1, "title": "*", "topic": "innovatie", "year": 2, "status": "planned",
    }  # fmt: skip
