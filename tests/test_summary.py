"""The summary domain: what the opleider's page says about a plan at a given day.

Most tests use the shipped example plan (Anne de Vries, start 2025-09-01, 5 years;
meetings 2025-10-15 introductie and 2026-07-01 voortgang) at several ``today`` dates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from mlplan.domain.checking import check_text
from mlplan.domain.summary import (
    OverviewRow,
    PageItem,
    Summary,
    mentions,
    overview_row,
    sort_rows,
    summarise,
    words,
)
from mlplan.io.loading import load_framework
from mlplan.model.framework import Framework

EXAMPLE = (Path(__file__).resolve().parents[1] / "data" / "example-plan.yaml").read_text(
    encoding="utf-8"
)
D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def fw() -> Framework:
    return load_framework()


@pytest.fixture
def page(fw: Framework) -> Callable[..., Summary]:
    """The page for plan text (default: the example plan) at ``today``."""

    def _page(
        today: str,
        text: str = EXAMPLE,
        since: str | None = None,
        months: int = 6,
    ) -> Summary:
        day = D(today)
        checked = check_text(text, "plan.yaml", fw, day)
        return summarise(checked, fw, day, D(since) if since else None, months)

    return _page


def titles(items: tuple[PageItem, ...]) -> list[str]:
    return [i.title for i in items]


def codes(s: Summary) -> list[str]:
    return [p.code for p in s.talking_points]


# -- the example plan at several days ----------------------------------------------------


def test_mid_year_two(page: Callable[..., Summary]) -> None:
    s = page("2026-11-22")
    assert s.loaded and s.aios is not None and s.aios.name == "Anne de Vries"
    pos = s.position
    assert pos is not None
    assert (pos.state, pos.year, pos.year_count, pos.phase) == ("in_training", 2, 5, "begin")
    assert (pos.year_start, pos.year_end) == (D("2026-09-01"), D("2027-08-31"))
    assert pos.end == D("2030-08-31")
    assert s.check.errors == 0
    cov = s.coverage
    assert cov is not None
    assert (cov.text, cov.done) == ("14/14", 5)
    assert [(c.number, c.covered, c.total) for c in cov.competencies] == [
        (1, 4, 4),
        (2, 3, 3),
        (3, 4, 4),
        (4, 3, 3),
    ]
    # since defaults to the last meeting (2026-07-01); the DOO course was completed after it
    assert (s.since, s.since_source) == (D("2026-07-01"), "meeting")
    assert [(i.kind, i.title, i.done_on, i.evidence) for i in s.done_since] == [
        ("course", "DOO leiderschap", D("2026-10-09"), "Certificaat DOO leiderschap"),
    ]
    # due: the open items of year 2 (2026-09-01 .. 2027-08-31); the done course is not due
    assert s.due_until == D("2027-05-22")
    assert titles(s.due) == [
        "Organiseren onderwijs, symposium",
        "Verslag en presentatie incidenten/complicaties",
        "Rol in interdisciplinair behandelteam",
        "Delen/bespreken life events",
    ]
    assert [i.kind for i in s.due] == ["activity"] * 4
    assert s.overdue == ()
    assert s.improvement_points[0].point == "Vaker het initiatief nemen in de overdracht"
    meeting = s.last_meeting
    assert meeting is not None and (meeting.date, meeting.kind) == (D("2026-07-01"), "voortgang")
    moved = [(a.text.split()[0], a.moved, [m.state for m in a.matches]) for a in meeting.agreements]
    assert moved == [
        ("Symposium", True, ["in_progress"]),
        ("DOO", True, ["done_since"]),  # the course was done on 2026-10-09
        ("Verslag", False, ["planned"]),
    ]
    assert codes(s) == ["agreement_stalled"]
    assert s.talking_points[0].params == {
        "text": "Verslag en presentatie incidenten/complicaties voor het einde van het jaar"
    }


def test_before_the_first_meeting(page: Callable[..., Summary]) -> None:
    s = page("2025-10-01")  # the introductiegesprek is on 2025-10-15
    assert s.position is not None and (s.position.year, s.position.phase) == (1, "begin")
    assert s.last_meeting is None
    assert (s.since, s.since_source) == (D("2025-09-01"), "start")
    assert s.done_since == ()  # every completion date is later than today
    assert "meeting_overdue" not in codes(s)  # the first year has only just begun


def test_between_the_meetings_tracks_the_introductory_agreements(
    page: Callable[..., Summary],
) -> None:
    s = page("2026-03-01")
    assert s.last_meeting is not None and s.last_meeting.kind == "introductie"
    # the IOP was done on the day of the introductiegesprek (2025-10-15) and discussed in
    # it: "since the last meeting" starts the day after
    assert titles(s.done_since) == [
        "Coach-the-co",  # 2025-11-20, a course
        "Visite en poli volgens schema",  # 2026-02-15
    ]
    explicit = page("2026-03-01", since="2025-10-15")  # --since itself is inclusive
    assert titles(explicit.done_since)[0] == "Opstellen en bewaken eigen IOP"
    agreements = s.last_meeting.agreements
    assert [(a.moved, [m.item.title for m in a.matches]) for a in agreements] == [
        (True, ["Coach-the-co"]),
        (True, ["360 graden feedback"]),
    ]


def test_before_the_start(page: Callable[..., Summary]) -> None:
    s = page("2025-08-01")
    assert s.position is not None
    assert (s.position.state, s.position.year, s.position.phase) == ("not_started", None, None)
    assert s.overdue == () and "meeting_overdue" not in codes(s)


def test_after_training(page: Callable[..., Summary]) -> None:
    s = page("2030-09-01")
    assert s.position is not None and s.position.state == "finished"
    assert s.due == ()
    # everything open from years 2-5 is overdue, courses included, oldest year first
    # (11 activities and the year-3 course; the DOO course of year 2 is done)
    assert len(s.overdue) == 12
    assert [i.year for i in s.overdue] == sorted(i.year or 0 for i in s.overdue)
    assert {i.title for i in s.overdue if i.kind == "course"} == {
        "Calling en Comradeship",
    }
    assert codes(s)[:4] == ["overdue", "overdue", "overdue", "overdue"]
    assert s.talking_points[3].params == {"count": 9}
    idle = [p.params["year"] for p in s.talking_points if p.code == "idle_year"]
    assert idle == [3, 4, 5]  # year 2 has work in progress
    assert "meeting_overdue" not in codes(s)  # the training is over


# -- since, due, overdue ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("since", "expected"),
    [
        ("2026-01-01", ["2026-02-15", "2026-03-12", "2026-05-20", "2026-06-30", "2026-10-09"]),
        ("2026-05-20", ["2026-05-20", "2026-06-30", "2026-10-09"]),  # the boundary day counts
        ("2026-05-21", ["2026-06-30", "2026-10-09"]),
        ("2026-06-30", ["2026-06-30", "2026-10-09"]),
    ],
)
def test_since_moves_the_done_boundary(
    page: Callable[..., Summary], since: str, expected: list[str]
) -> None:
    s = page("2026-11-22", since=since)
    assert s.since_source == "option"
    assert [i.done_on.isoformat() for i in s.done_since if i.done_on] == expected
    assert all(i.evidence for i in s.done_since)


def test_done_since_stops_at_today(page: Callable[..., Summary]) -> None:
    s = page("2026-04-01", since="2026-01-01")
    assert [i.done_on for i in s.done_since] == [D("2026-02-15"), D("2026-03-12")]


def test_overdue_once_the_year_has_passed(page: Callable[..., Summary]) -> None:
    assert page("2027-08-31").overdue == ()  # the last day of year 2
    s = page("2027-09-01")
    # the open activities of year 2; the DOO course of year 2 was done on 2026-10-09
    assert [i.year for i in s.overdue] == [2, 2, 2, 2]
    assert titles(s.overdue) == [
        "Organiseren onderwijs, symposium",
        "Verslag en presentatie incidenten/complicaties",
        "Rol in interdisciplinair behandelteam",
        "Delen/bespreken life events",
    ]
    assert codes(s)[:2] == ["meeting_overdue", "overdue"]  # 14 months since 2026-07-01


def test_due_window_reaches_a_year_that_starts_inside_it(page: Callable[..., Summary]) -> None:
    # year 3 starts 2027-09-01; the window [today, today + N months) is half-open
    two = page("2027-07-01", months=2)
    assert two.due_until == D("2027-09-01")
    assert {i.year for i in two.due} == {2}
    three = page("2027-07-01", months=3)
    assert {i.year for i in three.due} == {2, 3}
    assert "Calling en Comradeship" in titles(three.due)


def test_dropped_and_done_are_never_due(page: Callable[..., Summary]) -> None:
    text = EXAMPLE.replace(
        "    title: Delen/bespreken life events\n    year: 2\n",
        "    title: Delen/bespreken life events\n    year: 2\n    status: dropped\n",
    )
    assert "Delen/bespreken life events" not in titles(page("2026-11-22", text).due)


# -- agreements --------------------------------------------------------------------------------


def _item(title: str, course: str | None = None) -> PageItem:
    kind = "course" if course else "activity"
    return PageItem(kind=kind, index=0, title=title, year=1, status="planned", course=course)


@pytest.mark.parametrize(
    ("agreement", "item", "expected"),
    [
        ("DOO leiderschap inplannen", _item("DOO leiderschap", "doo-leiderschap"), True),
        ("Coach-the-co volgen in het eerste jaar", _item("Coach-the-co", "coach-the-co"), True),
        ("Symposium organiseren in jaar 2", _item("Organiseren onderwijs, symposium"), True),
        ("360 graden feedback voor de zomer", _item("360 graden feedback"), True),
        ("Patiëntveiligheid: VIM-casus inbrengen", _item("VIM casus inbrengen"), True),
        ("Vaker overdracht voorzitten", _item("Voorzitten overdracht"), True),
        # one word in common is not enough, nor are stopwords ("jaar", "inplannen")
        ("Voorzitten overdracht", _item("Voorzitten MDO"), False),
        ("In het eerste jaar inplannen", _item("Stage in het eerste jaar inplannen x"), False),
        ("Stage bij zorgverzekeraar", _item("DOO leiderschap", "doo-leiderschap"), False),
        # half of a long title's significant words are needed
        (
            "Inkoopbesprekingen bijwonen",
            _item(
                "Als toehoorder aanwezig bij (staf)vergaderingen of loopt mee met "
                "inkoopbesprekingen, staf/maatschap"
            ),
            False,
        ),
    ],
)
def test_mentions(agreement: str, item: PageItem, expected: bool) -> None:
    assert mentions(agreement, item) is expected


def test_words_ignore_case_accents_and_punctuation() -> None:
    assert words("Patiëntveiligheid, 360°-feedback (KPB)") == (
        "patientveiligheid",
        "360",
        "feedback",
        "kpb",
    )


def test_agreement_states(page: Callable[..., Summary]) -> None:
    text = EXAMPLE.replace(
        "      - Symposium organiseren in jaar 2\n",
        "      - Symposium organiseren in jaar 2\n"
        "      - Voorzitten overdracht blijven oefenen\n"
        "      - Meer sporten\n",
    ).replace(
        "    title: Verwonder en Verbeter\n    year: 3\n",
        "    title: Verwonder en Verbeter\n    year: 3\n    status: dropped\n",
    )
    text = text.replace("      - DOO leiderschap inplannen\n", "      - Verwonder en Verbeter\n")
    meeting = page("2026-11-22", text).last_meeting
    assert meeting is not None
    states = {a.text: (a.moved, [m.state for m in a.matches]) for a in meeting.agreements}
    assert states["Voorzitten overdracht blijven oefenen"] == (False, ["done_before"])
    assert states["Meer sporten"] == (None, [])
    assert states["Verwonder en Verbeter"] == (False, ["dropped"])
    tp = page("2026-11-22", text).talking_points
    assert ("agreement_unmatched", {"text": "Meer sporten"}) in [(p.code, p.params) for p in tp]


def test_a_later_meeting_has_not_happened_yet(page: Callable[..., Summary]) -> None:
    text = EXAMPLE + "  - date: 2027-01-10\n    kind: voortgang\n    agreements: [Later]\n"
    s = page("2026-11-22", text)
    assert s.last_meeting is not None and s.last_meeting.date == D("2026-07-01")
    assert page("2027-01-10", text).since == D("2027-01-10")


# -- talking points ----------------------------------------------------------------------------

MINIMAL = """\
version: 1
aios:
  name: Cees Claassen
training:
  start: 2025-09-01
  years: 5
"""


def test_meeting_overdue_after_twelve_months(page: Callable[..., Summary]) -> None:
    assert "meeting_overdue" not in codes(page("2027-06-30"))
    s = page("2027-07-01")  # twelve months after 2026-07-01
    point = next(p for p in s.talking_points if p.code == "meeting_overdue")
    assert point.key == "summary.tp.meeting_overdue"
    assert point.params == {"date": "2026-07-01", "months": 12}
    assert s.talking_points[0] is point  # the most pressing point comes first


def test_no_meeting_at_all_is_overdue_after_the_first_year(
    page: Callable[..., Summary],
) -> None:
    assert "meeting_overdue" not in codes(page("2026-08-31", MINIMAL))
    s = page("2026-09-01", MINIMAL)
    assert s.talking_points[0].key == "summary.tp.no_meeting_year"


def test_empty_plan_points(page: Callable[..., Summary]) -> None:
    s = page("2026-01-15", MINIMAL)
    assert s.coverage is not None and s.coverage.text == "0/14"
    assert codes(s) == [
        "missing_topics",
        "missing_course",
        "missing_course",
        "idle_year",
        "no_improvement_points",
        "check",
    ]
    assert s.talking_points[0].key == "summary.tp.missing_topics_many"
    assert s.talking_points[3].key == "summary.tp.idle_current_year"
    # ML100 and ML101 already have their own points; only ML204 (empty future years) is left
    assert s.talking_points[-1].params == {"errors": 0, "warnings": 1}


def test_few_missing_topics_are_named(page: Callable[..., Summary]) -> None:
    text = EXAMPLE.replace("  - topic: doelmatigheid\n", "  - topic: innovatie\n")
    point = next(p for p in page("2026-11-22", text).talking_points if p.code == "missing_topics")
    assert point.params == {"count": 1, "topics": "Doelmatigheid"}


def test_missing_required_course_and_idle_past_year(page: Callable[..., Summary]) -> None:
    text = MINIMAL + (
        "activities:\n"
        "  - {topic: innovatie, title: EPD, year: 2, status: in_progress}\n"
        "courses:\n"
        "  - {course: doo-teamwork, year: 1, status: dropped}\n"
    )
    s = page("2026-11-22", text)
    courses = [p.params["title"] for p in s.talking_points if p.code == "missing_course"]
    assert len(courses) == 2 and any("DOO" in c for c in courses)  # dropped does not count
    idle = [(p.key, p.params) for p in s.talking_points if p.code == "idle_year"]
    assert idle == [("summary.tp.idle_past_year", {"year": 1})]


def test_check_findings_become_a_talking_point(page: Callable[..., Summary]) -> None:
    s = page("2026-11-22", EXAMPLE.replace("version: 1", "version: 1\nextra: x"))
    assert not s.loaded
    assert s.check.errors == 1 and s.check.findings[0].code == "ML002"
    assert s.position is None and s.talking_points == ()


# -- the overview ------------------------------------------------------------------------------


def test_overview_rows_and_sorting(page: Callable[..., Summary]) -> None:
    anne = page("2026-11-22")
    finished = page(
        "2026-11-22", EXAMPLE.replace("2025-09-01", "2019-09-01").replace("Anne de Vries", "Bob")
    )
    new = page(
        "2026-11-22", MINIMAL.replace("2025-09-01", "2027-01-01").replace("Cees Claassen", "Zoë")
    )
    broken = page("2026-11-22", "version: [1")
    rows = [overview_row(s) for s in (broken, new, anne, finished)]
    assert rows[2] == OverviewRow(
        path="plan.yaml",
        name="Anne de Vries",
        state="in_training",
        year=2,
        year_count=5,
        phase="begin",
        covered=14,
        total=14,
        done=1,
        due=4,
        overdue=0,
        errors=0,
        warnings=0,
        first_error=None,
        # the example's last meeting, and the next a year later (the default rhythm)
        last_meeting=dt.date(2026, 7, 1),
        next_meeting=dt.date(2027, 7, 1),
        next_meeting_planned=False,
        meeting_late=False,
        # per topic in the framework's order: done where the example has a done activity
        topic_states=(
            *("done", "planned", "planned", "done"),
            *("planned", "planned", "planned"),
            *("done", "planned", "planned", "planned"),
            *("done", "done", "planned"),
        ),
        start=dt.date(2025, 9, 1),  # the example's training: 5 years from its start
        end=dt.date(2030, 8, 31),
    )
    assert rows[0].name is None and rows[0].first_error is not None
    assert rows[0].meeting_late is None and rows[0].next_meeting is None
    assert rows[0].topic_states == ()  # a plan that does not load has no coverage
    assert rows[0].start is None and rows[0].end is None
    assert rows[0].first_error.code == "ML001"

    def names(by: str) -> list[str | None]:
        return [r.name for r in sort_rows(rows, by)]  # type: ignore[arg-type]

    assert names("name") == ["Bob", "Anne de Vries", "Zoë", None]  # by achternaam: (de) Vries
    assert names("year") == ["Zoë", "Anne de Vries", "Bob", None]
    assert names("coverage") == ["Zoë", "Bob", "Anne de Vries", None]
    assert names("overdue") == ["Bob", "Anne de Vries", "Zoë", None]


# -- agreements with follow-up and the rhythm of the gesprekscyclus (issue 14) ---------------

FOLLOW_UP = """\
  - date: 2026-11-22
    kind: voortgang
    agreements:
      - text: Leiderschap cursus regelen
        owner: aios
        due: 2027-03-01
        course: doo-leiderschap
      - text: Terugkoppeling geven
        owner: opleider
        due: 2027-01-15
        outcome: achieved
      - text: Iets over innovatie
        topic: innovatie
        due: 2027-01-31
      - Meer sporten
"""


def test_each_agreement_of_the_last_meeting_with_its_follow_up(
    page: Callable[..., Summary],
) -> None:
    s = page("2027-02-01", EXAMPLE + FOLLOW_UP)
    assert s.last_meeting is not None and s.last_meeting.date == D("2026-11-22")
    course, feedback, topic, sport = s.last_meeting.agreements
    assert [a.number for a in s.last_meeting.agreements] == [1, 2, 3, 4]
    assert (course.owner, course.due, course.outcome, course.overdue) == (
        "aios",
        D("2027-03-01"),
        None,
        False,
    )
    # the plan's own reference decides what it is about, not the words of its text
    assert course.linked and [m.item.course for m in course.matches] == ["doo-leiderschap"]
    assert (feedback.outcome, feedback.overdue, feedback.is_open) == ("achieved", False, False)
    assert topic.overdue and topic.linked
    assert {m.item.topic for m in topic.matches} == {"innovatie"}
    assert (sport.owner, sport.due, sport.outcome, sport.overdue) == (None, None, None, False)
    assert not sport.linked and sport.matches == ()


def test_an_overdue_agreement_is_a_talking_point(page: Callable[..., Summary]) -> None:
    s = page("2027-02-01", EXAMPLE + FOLLOW_UP)
    late = [p for p in s.talking_points if p.code == "agreement_overdue"]
    assert [(p.key, p.params) for p in late] == [
        (
            "summary.tp.agreement_overdue",
            {"text": "Iets over innovatie", "meeting": "2026-11-22", "due": "2027-01-31"},
        )
    ]
    # an overdue or settled agreement is not asked about again as stalled or unmatched; the
    # course agreement is open, in time, and its course is still planned
    others = [(p.code, p.params["text"]) for p in s.talking_points if "agreement" in p.code]
    assert others == [
        ("agreement_overdue", "Iets over innovatie"),
        ("agreement_stalled", "Leiderschap cursus regelen"),
        ("agreement_unmatched", "Meer sporten"),
    ]
    later = page("2027-03-02", EXAMPLE + FOLLOW_UP)
    owner = next(p for p in later.talking_points if p.key.endswith("_owner"))
    assert owner.params["text"] == "Leiderschap cursus regelen"
    assert f"{owner.params['owner']}" == "aios" and owner.params["owner"] == "aios"


def test_more_than_three_overdue_agreements_end_in_a_count(
    page: Callable[..., Summary],
) -> None:
    many = "".join(
        f"      - text: Afspraak {n}\n        owner: aios\n        due: 2027-01-0{n}\n"
        for n in range(1, 6)
    )
    text = EXAMPLE + "  - date: 2026-11-22\n    kind: voortgang\n    agreements:\n" + many
    s = page("2027-02-01", text)
    late = [p for p in s.talking_points if p.code == "agreement_overdue"]
    assert [p.params.get("text") for p in late] == ["Afspraak 1", "Afspraak 2", "Afspraak 3", None]
    assert late[-1].params == {"count": 2} and late[-1].nouns == {"count": "count.agreements"}


def test_the_rhythm_last_and_next_meeting(page: Callable[..., Summary]) -> None:
    s = page("2026-11-22")
    assert s.rhythm is not None
    assert (s.rhythm.last, s.rhythm.next, s.rhythm.next_planned, s.rhythm.late) == (
        D("2026-07-01"),
        D("2027-07-01"),
        False,
        False,
    )
    planned = page("2026-11-22", EXAMPLE + "  - {date: 2027-01-20, kind: voortgang}\n")
    assert planned.rhythm is not None
    assert (planned.rhythm.next, planned.rhythm.next_planned) == (D("2027-01-20"), True)
    row = overview_row(planned)
    assert (row.last_meeting, row.next_meeting, row.next_meeting_planned, row.meeting_late) == (
        D("2026-07-01"),
        D("2027-01-20"),
        True,
        False,
    )
    assert overview_row(page("2027-07-01")).meeting_late is True
    over = page("2031-01-01")  # after the training: no next meeting, never late
    assert over.rhythm is not None and (over.rhythm.next, over.rhythm.late) == (None, False)


def test_the_plans_interval_words_the_late_meeting(page: Callable[..., Summary]) -> None:
    six = EXAMPLE.replace("  years: 5\n", "  years: 5\n  meeting_interval_months: 6\n", 1)
    assert "meeting_overdue" not in codes(page("2026-12-31", six))
    s = page("2027-01-01", six)
    point = s.talking_points[0]
    assert (point.code, point.key) == ("meeting_overdue", "summary.tp.meeting_overdue_every")
    assert point.params == {"date": "2026-07-01", "months": 6, "interval": 6}
    none = page("2026-03-01", MINIMAL + "  meeting_interval_months: 6\n")
    assert none.talking_points[0].key == "summary.tp.no_meeting_every"
    assert none.talking_points[0].params == {"due": "2026-03-01", "interval": 6}
