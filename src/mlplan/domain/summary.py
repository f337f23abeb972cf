"""The opleider's page before a voortgangsgesprek, as data: pure functions, no I/O.

``summarise(checked, fw, today, since=None, months=6)`` answers, for one checked plan:
where the aios stands (training year and phase at ``today``), what ``check`` found, the
coverage of the framework's topics, what was done since ``since`` (default: the last
meeting), what is due in the next ``months``, what is overdue, the improvement points, the
agreements of the last meeting and whether what they mention has moved, and suggested
talking points derived from all of that. ``overview_row`` condenses a page into one row
of the group overview. Rendering (tables, Markdown, JSON) lives in ``render.summary``;
the rules are explained for users in ``docs/summary.md``.

"The plan as of ``today``": meetings dated after ``today`` have not happened yet and are
ignored; "done since" only counts completion dates up to ``today``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Sequence
from typing import Any, Literal, NamedTuple

from mlplan.domain import names, resolved
from mlplan.domain.checking import CheckedPlan
from mlplan.domain.resolved import TopicCoverage
from mlplan.domain.rules import OwnerWord
from mlplan.model import timeline
from mlplan.model.diagnostics import OWN_TALKING_POINT, Diagnostic, Severity
from mlplan.model.framework import Framework
from mlplan.model.plan import MEETING_INTERVAL_MONTHS, ImprovementPoint, Meeting, Plan, Status
from mlplan.model.plan import Agreement as PlanAgreement
from mlplan.model.timeline import PhaseId, TrainingState
from mlplan.model.vocabulary import SORT_KEYS as SORT_KEYS  # the orders of sort_rows
from mlplan.model.vocabulary import Outcome
from mlplan.model.vocabulary import SortKey as SortKey

DEFAULT_MONTHS = 6
FIRST_FINDINGS = 5  # findings of check shown on the page; the rest is a count
LISTED = 3  # overdue items, missing topics named in the talking points; more is a count

SinceSource = Literal["option", "meeting", "start"]
ItemKind = Literal["activity", "course"]
MatchState = Literal[
    "done_since", "done_undated", "in_progress", "done_before", "planned", "dropped"
]
MOVED_STATES: frozenset[str] = frozenset({"done_since", "done_undated", "in_progress"})
# an item's status is the plain text of a Status (as JSON shows it); these are read once,
# an enum member's ``.value`` is a Python-level property asked dozens of times per plan
_DONE, _IN_PROGRESS, _DROPPED = Status.DONE.value, Status.IN_PROGRESS.value, Status.DROPPED.value
_STARTED = (_DONE, _IN_PROGRESS)


# -- data --------------------------------------------------------------------------------
# Named tuples, not frozen dataclasses: a group defines them in its one process before the
# work is spread (17 dataclasses took 7 ms of that), makes a dozen per plan (a named tuple
# in a third of the time) and sends each overview row back from a worker in a pickle
# (a slotted dataclass is unpickled field by field in Python).


class TrainingPosition(NamedTuple):
    """Where the aios stands in the training at ``today``."""

    state: TrainingState
    year: int | None  # the training year at today; None before the start and after the end
    year_count: int  # number of training years (a partial last year counts: 4.5 -> 5)
    duration: float  # ``training.years`` as written
    phase: PhaseId | None  # phase of ``year`` on the learning curve
    start: dt.date
    end: dt.date  # last day of training
    year_start: dt.date | None
    year_end: dt.date | None
    calendar: timeline.Calendar | None = None  # part-time and interruptions, when any


class PageItem(NamedTuple):
    """An activity or a course of the plan, as the page shows it."""

    kind: ItemKind
    # position in ``activities`` or ``courses`` of the file (0-based); shadows the tuple's
    # own ``index()``, which nothing asks of an item
    index: int  # type: ignore[assignment]
    title: str  # the activity's title; a course's framework title, or its free title
    year: int | None
    status: str
    done_on: dt.date | None = None
    evidence: str | None = None
    topic: str | None = None  # topic id (activities)
    topic_title: str | None = None
    competency: int | None = None
    course: str | None = None  # the ``course`` value as written (courses)


class CheckStatus(NamedTuple):
    errors: int
    warnings: int
    findings: tuple[Diagnostic, ...]  # the first few, in file order
    more: int  # findings not listed
    # findings that no other talking point already raises (missing topic, course, overdue)
    other_errors: int = 0
    other_warnings: int = 0


class MissingTopic(NamedTuple):
    id: str
    title: str


class CompetencyCoverage(NamedTuple):
    number: int
    title: str
    covered: int  # topics with at least their minimum of planned or done activities
    done: int  # topics whose minimum is done
    total: int
    missing: tuple[MissingTopic, ...]
    # each topic's state, in the framework's order (the group's matrix of aios × topics)
    states: tuple[resolved.CoverageState, ...] = ()


class Coverage(NamedTuple):
    covered: int
    done: int
    total: int
    competencies: tuple[CompetencyCoverage, ...]

    @property
    def text(self) -> str:
        return f"{self.covered}/{self.total}"


class Matched(NamedTuple):
    """An activity or course an agreement mentions, and how it moved since the meeting."""

    item: PageItem
    state: MatchState

    @property
    def moved(self) -> bool:
        return self.state in MOVED_STATES


class Agreement(NamedTuple):
    """An agreement of the last meeting with its follow-up: who, by when, the outcome the
    next meeting recorded (``None`` while open), whether it is overdue (open and past its
    due date), and the activities and courses it is about (named in the plan's
    ``activity``/``course``/``topic``, else found in its text, see :func:`mentions`)."""

    text: str
    matches: tuple[Matched, ...]
    number: int = 0  # 1-based, in the meeting's list (what ``mlplan meeting --outcome`` takes)
    owner: str | None = None
    due: dt.date | None = None
    outcome: Outcome | None = None
    overdue: bool = False
    linked: bool = False  # ``matches`` come from the plan's own reference, not from the text
    plain: bool = True  # text only, as a version-1 plan writes it: nothing to follow up

    @property
    def moved(self) -> bool | None:
        """True if anything it mentions moved, False if nothing did, None if it mentions
        no activity or course of the plan (the opleider checks it by hand)."""
        if not self.matches:
            return None
        return any(m.moved for m in self.matches)

    @property
    def is_open(self) -> bool:
        return self.outcome is None


class LastMeeting(NamedTuple):
    date: dt.date
    kind: str
    notes: str | None
    agreements: tuple[Agreement, ...]


class OverdueAgreement(NamedTuple):
    """An open agreement past its due date, of any meeting held (as check's ML206)."""

    text: str
    meeting: dt.date
    due: dt.date
    owner: str | None


class Rhythm(NamedTuple):
    """The gesprekscyclus at ``today``: the last meeting held, the next one (a meeting in the
    plan dated after today, else the day the plan's interval makes it due) and whether the
    next is late (as check's ML208)."""

    interval: int  # months (``training.meeting_interval_months``, default 12)
    last: dt.date | None
    next: dt.date | None
    next_planned: bool  # ``next`` is a meeting in the plan, not the interval's due date
    due: dt.date | None  # by when the next meeting is due under the interval
    late: bool


class TalkingPoint(NamedTuple):
    """A suggested subject for the meeting: a message id and its parameters."""

    code: str  # stable, for JSON readers: missing_topics, overdue, meeting_overdue, …
    key: str  # message id in the catalogue
    # shared by the points that give none: never changed after a point is made
    params: dict[str, Any] = {}  # noqa: RUF012
    # params that are counts, with the noun that words them ("3 onderwerpen"); the params
    # themselves stay numbers for JSON readers
    nouns: dict[str, str] = {}  # noqa: RUF012


class Aios(NamedTuple):
    name: str
    specialty: str | None
    institution: str | None
    supervisor: str | None


class Summary(NamedTuple):
    """One plan's page. ``plan`` sections are ``None`` when the plan does not load."""

    path: str
    today: dt.date
    check: CheckStatus
    aios: Aios | None = None
    position: TrainingPosition | None = None
    coverage: Coverage | None = None
    since: dt.date | None = None
    since_source: SinceSource | None = None
    done_since: tuple[PageItem, ...] = ()
    months: int = DEFAULT_MONTHS
    due_until: dt.date | None = None  # exclusive end of the due window
    due: tuple[PageItem, ...] = ()
    overdue: tuple[PageItem, ...] = ()
    improvement_points: tuple[ImprovementPoint, ...] = ()
    last_meeting: LastMeeting | None = None
    overdue_agreements: tuple[OverdueAgreement, ...] = ()
    rhythm: Rhythm | None = None
    talking_points: tuple[TalkingPoint, ...] = ()

    @property
    def loaded(self) -> bool:
        return self.aios is not None


class OverviewRow(NamedTuple):
    """One aios in the group overview."""

    path: str
    name: str | None  # None when the plan does not load
    state: TrainingState | None
    year: int | None
    year_count: int | None
    phase: PhaseId | None
    covered: int | None
    total: int | None
    done: int | None  # done since ``since``
    due: int | None
    overdue: int | None
    errors: int
    warnings: int
    first_error: Diagnostic | None
    start: dt.date | None = None  # the training's first and last day (a spreadsheet's dates)
    end: dt.date | None = None
    last_meeting: dt.date | None = None
    next_meeting: dt.date | None = None
    next_meeting_planned: bool = False
    meeting_late: bool | None = None  # None when the plan does not load
    # the state of every topic of the framework, in its order; empty when it does not load
    topic_states: tuple[resolved.CoverageState, ...] = ()


# -- the page ------------------------------------------------------------------------------


def summarise(
    checked: CheckedPlan,
    fw: Framework,
    today: dt.date,
    since: dt.date | None = None,
    months: int = DEFAULT_MONTHS,
) -> Summary:
    """The page for one checked plan at ``today``; ``since`` defaults to the last meeting."""
    status = check_status(checked.diagnostics)
    plan = checked.plan
    if plan is None:
        return Summary(path=checked.path, today=today, check=status, months=months)

    r = resolved.resolve(plan, fw, today, reuse=checked.resolved)
    items = _items(r)
    meeting = r.last_meeting
    source: SinceSource
    if since is not None:
        since_date, source = since, "option"
    elif meeting is not None:
        since_date, source = meeting.date, "meeting"
    else:
        since_date, source = plan.training.start, "start"
    until = timeline.add_months(today, months)
    cov = coverage_of(r.coverage)
    summary = Summary(
        path=checked.path,
        today=today,
        check=status,
        aios=Aios(plan.aios.name, plan.aios.specialty, plan.aios.institution, plan.aios.supervisor),
        position=position_at(r),
        coverage=cov,
        since=since_date,
        since_source=source,
        # a meeting's own day was discussed in it (the example's IOP was done and talked
        # about at the introductiegesprek): after a meeting means from the next day on
        done_since=done_since(
            items, since_date + dt.timedelta(days=1) if source == "meeting" else since_date, today
        ),
        months=months,
        due_until=until,
        due=due(r, items, until),
        overdue=overdue(r, items),
        improvement_points=tuple(plan.improvement_points),
        last_meeting=_agreements(meeting, plan, fw, items, today) if meeting is not None else None,
        overdue_agreements=overdue_agreements(r),
        rhythm=rhythm(r),
    )
    return summary._replace(talking_points=talking_points(summary, r, items))


def check_status(diagnostics: list[Diagnostic]) -> CheckStatus:
    errors = sum(1 for d in diagnostics if d.severity is Severity.ERROR)
    # errors first (they block the IOP), each group in file order
    ordered = sorted(diagnostics, key=lambda d: (d.severity is not Severity.ERROR, d.sort_key()))
    shown = tuple(ordered[:FIRST_FINDINGS])
    other = [d for d in diagnostics if d.code not in OWN_TALKING_POINT]
    other_errors = sum(1 for d in other if d.severity is Severity.ERROR)
    return CheckStatus(
        errors,
        len(diagnostics) - errors,
        shown,
        len(diagnostics) - len(shown),
        other_errors,
        len(other) - other_errors,
    )


def position_at(r: resolved.Resolved) -> TrainingPosition:
    current = r.standing.year
    return TrainingPosition(
        state=r.standing.state,
        year=current.number if current else None,
        year_count=r.year_count,
        duration=r.plan.training.years,
        phase=current.phase if current else None,
        start=r.plan.training.start,
        end=r.calendar.end,
        year_start=current.start if current else None,
        year_end=current.end if current else None,
        calendar=r.calendar,
    )


def coverage_of(cov: Sequence[TopicCoverage]) -> Coverage:
    per: dict[int, list[TopicCoverage]] = {}
    titles: dict[int, str] = {}
    for c in cov:
        per.setdefault(c.competency.number, []).append(c)
        titles[c.competency.number] = c.competency.title
    comps = tuple(
        CompetencyCoverage(
            number=n,
            title=titles[n],
            covered=sum(1 for c in group if c.state != "missing"),
            done=sum(1 for c in group if c.state == "done"),
            total=len(group),
            missing=tuple(
                MissingTopic(c.topic.id, c.topic.title) for c in group if c.state == "missing"
            ),
            states=tuple(c.state for c in group),
        )
        for n, group in per.items()
    )
    return Coverage(
        covered=sum(c.covered for c in comps),
        done=sum(c.done for c in comps),
        total=len(cov),
        competencies=comps,
    )


def last_meeting(plan: Plan, today: dt.date) -> Meeting | None:
    """The latest meeting on or before ``today`` (a later date has not happened yet)."""
    return resolved.last_held(resolved.held_meetings(plan, today))


def _items(r: resolved.Resolved) -> list[PageItem]:
    """The page's items: the activities, then the courses, as the resolved view has them
    (:func:`due` and :func:`overdue` read their facts by this order)."""
    items = [_activity_item(a) for a in r.activities]
    items += [_course_item(c) for c in r.courses]
    return items


def _activity_item(facts: resolved.ActivityFacts) -> PageItem:
    act, topic, comp = facts.activity, facts.topic, facts.competency
    return PageItem(
        kind="activity",
        index=facts.position,
        title=act.title,
        year=act.year,
        status=act.status.value,
        done_on=act.done_on,
        evidence=act.evidence,
        topic=act.topic,
        topic_title=topic.title if topic else None,
        competency=comp.number if comp else None,
    )


def _course_item(facts: resolved.CourseFacts) -> PageItem:
    entry = facts.entry
    return PageItem(
        kind="course",
        index=facts.position,
        title=facts.title,
        year=entry.year,
        status=entry.status.value,
        done_on=entry.done_on,
        evidence=entry.evidence,
        course=entry.course,
    )


def done_since(items: list[PageItem], since: dt.date, today: dt.date) -> tuple[PageItem, ...]:
    """Done with a completion date from ``since`` up to ``today``, both inclusive; oldest
    first. A done item without a date, or dated after today or before the training
    started, cannot be placed and is left out (check's ML201 and ML103 report it)."""
    found = [
        i
        for i in items
        if i.status == _DONE and i.done_on is not None and since <= i.done_on <= today
    ]
    return tuple(sorted(found, key=lambda i: (i.done_on or since, i.kind, i.index)))


def _facts(r: resolved.Resolved) -> list[resolved.ActivityFacts | resolved.CourseFacts]:
    return [*r.activities, *r.courses]  # the order of :func:`_items`


def due(r: resolved.Resolved, items: list[PageItem], until: dt.date) -> tuple[PageItem, ...]:
    """Open activities and courses whose training year overlaps [today, until): no year
    (a course may have none) or one outside the training (ML102) has no dates."""
    today = r.today
    found = [
        item
        for item, f in zip(items, _facts(r), strict=True)
        if f.open and f.year is not None and f.year.start < until and f.year.end >= today
    ]
    return tuple(sorted(found, key=lambda i: (i.year or 0, i.kind, i.index)))


def overdue(r: resolved.Resolved, items: list[PageItem]) -> tuple[PageItem, ...]:
    """Open activities and courses of a training year that has fully passed: the resolved
    view's ``overdue``, which ML202 reports for the activities."""
    found = [item for item, f in zip(items, _facts(r), strict=True) if f.overdue]
    return tuple(sorted(found, key=lambda i: (i.year or 0, i.kind, i.index)))


# -- agreements ------------------------------------------------------------------------------

# Words that carry no subject: Dutch (and English) function words and planning words that
# appear in agreements ("… in het eerste jaar inplannen") but say nothing about *what*.
# fmt: off
_STOPWORDS = frozenset({
    "aan", "als", "bij", "door", "een", "het", "met", "naar", "nog", "over", "tot", "uit",
    "van", "voor", "zijn", "wordt", "worden", "jaar", "jaren", "eerste", "tweede", "derde",
    "vierde", "vijfde", "laatste", "einde", "begin", "zomer", "winter", "najaar", "voorjaar",
    "volgen", "inplannen", "plannen", "afronden", "maken", "doen", "graag", "samen",
    "the", "and", "for", "with", "year",
})
# fmt: on
_WORD = re.compile(r"[a-z0-9]+")


@functools.lru_cache(maxsize=4096)
def words(text: str) -> tuple[str, ...]:
    """Lower-case words without accents; punctuation, hyphens and slashes separate words
    (``360°-feedback`` -> ``360 feedback``, ``coach-the-co`` -> ``coach the co``).

    Cached: titles and agreements repeat across the plans of a group (example activities).
    """
    flat = text.casefold()
    if not flat.isascii():  # é -> e; other non-ASCII characters separate words anyway
        flat = unicodedata.normalize("NFKD", flat).encode("ascii", "ignore").decode("ascii")
    return tuple(_WORD.findall(flat))


class _Words(NamedTuple):
    """A text as words: joined with spaces around (for whole-word containment) and the
    significant ones (three letters or more, not a stopword)."""

    joined: str
    significant: frozenset[str]


@functools.lru_cache(maxsize=4096)
def _as_words(text: str) -> _Words:
    ws = words(text)
    joined = f" {' '.join(ws)} " if ws else ""
    return _Words(joined, frozenset(w for w in ws if len(w) >= 3 and w not in _STOPWORDS))


def mentions(agreement: str, item: PageItem) -> bool:
    """Whether an agreement mentions an activity or course. Two ways to match:

    1. containment: the item's title (or a course's id, or the text written in the plan),
       as whole words, occurs in the agreement: "DOO leiderschap inplannen" mentions
       ``doo-leiderschap``;
    2. strong word overlap: at least two significant words (three letters or more, not a
       stopword) in common, and at least half of the title's significant words:
       "Symposium organiseren in jaar 2" mentions "Organiseren onderwijs, symposium".
    """
    return _mentioned(_as_words(agreement), _names_of(item))


def _names_of(item: PageItem) -> tuple[_Words, ...]:
    """The words an agreement may name ``item`` by: its title, and a course as written."""
    title = _as_words(item.title)
    return (title, _as_words(item.course)) if item.course else (title,)


def _mentioned(said: _Words, names: tuple[_Words, ...]) -> bool:
    """:func:`mentions`, with the agreement and the item (:func:`_names_of`) as words."""
    for name in names:
        if name.joined and name.joined in said.joined:
            return True
    title = names[0]
    common = title.significant & said.significant
    return len(common) >= 2 and 2 * len(common) >= len(title.significant)


def _match_state(item: PageItem, meeting: dt.date) -> MatchState:
    if item.status == _DONE:
        if item.done_on is None:
            return "done_undated"
        return "done_since" if item.done_on > meeting else "done_before"
    if item.status == _IN_PROGRESS:
        return "in_progress"
    if item.status == _DROPPED:
        return "dropped"
    return "planned"


def linked_items(
    agreement: PlanAgreement, plan: Plan, fw: Framework, items: list[PageItem]
) -> list[PageItem]:
    """The items an agreement names itself: its ``activity`` and ``course`` (the plan's
    entry of that title or course), and the activities of its ``topic``. Unknown names
    (check's ML003) name nothing."""
    found: list[PageItem] = []
    if agreement.activity is not None:
        index = resolved.activity_named(plan, agreement.activity)
        found += [i for i in items if i.kind == "activity" and i.index == index]
    if agreement.course is not None:
        index = resolved.course_named(plan, agreement.course, fw)
        found += [i for i in items if i.kind == "course" and i.index == index]
    if agreement.topic is not None:
        found += [
            i
            for i in items
            if i.kind == "activity" and i.topic == agreement.topic and i not in found
        ]
    return found


def _agreements(
    meeting: Meeting, plan: Plan, fw: Framework, items: list[PageItem], today: dt.date
) -> LastMeeting:
    agreements = []
    named: list[tuple[PageItem, tuple[_Words, ...]]] | None = None  # made once, when needed
    for number, agreement in enumerate(meeting.agreements, start=1):
        linked = linked_items(agreement, plan, fw, items)
        about = linked
        if not linked:
            # every item against every agreement (:func:`mentions`), the items' words
            # looked up once for all the meeting's agreements rather than per agreement
            named = named or [(i, _names_of(i)) for i in items]
            said = _as_words(agreement.text)
            about = [i for i, names in named if _mentioned(said, names)]
        agreements.append(
            Agreement(
                agreement.text,
                tuple(Matched(i, _match_state(i, meeting.date)) for i in about),
                number=number,
                owner=agreement.owner,
                due=agreement.due,
                outcome=agreement.outcome,
                overdue=resolved.agreement_overdue(agreement, today),
                linked=bool(linked),
                plain=agreement.plain,
            )
        )
    return LastMeeting(meeting.date, meeting.kind.value, meeting.notes, tuple(agreements))


def overdue_agreements(r: resolved.Resolved) -> tuple[OverdueAgreement, ...]:
    """Open agreements past their due date in the meetings held by ``today``, the oldest
    due first."""
    found = [
        OverdueAgreement(a.text, m.date, a.due, a.owner)
        for _, _, m, a in r.overdue_agreements
        if a.due is not None  # always so when overdue: for the type checker
    ]
    return tuple(sorted(found, key=lambda a: (a.due, a.meeting)))


def rhythm(r: resolved.Resolved) -> Rhythm:
    plan, today, held, due = r.plan, r.today, r.held, r.next_meeting_due
    planned = sorted(m.date for m in plan.meetings if m.date > today)
    in_training = today <= r.calendar.end
    if planned:
        upcoming: dt.date | None = planned[0]
    else:
        upcoming = due if in_training else None
    return Rhythm(
        interval=plan.training.meeting_interval,
        last=held[-1][1].date if held else None,
        next=upcoming,
        next_planned=bool(planned),
        due=due if in_training else None,
        late=r.meeting_late,
    )


# -- talking points --------------------------------------------------------------------------


def idle_years(r: resolved.Resolved, items: list[PageItem]) -> list[tuple[int, bool]]:
    """Started training years with no work, as (number, is_current).

    A past year has no work when nothing was done in it: no item of that year is done or
    in progress, and no completion date falls within its dates. The current year also
    counts anything planned for it, so early in a year only an empty year is flagged.
    """
    found, today = [], r.today
    for ty in r.years:
        if ty.start > today:
            break
        current = ty.end >= today
        worked = any(
            item.status != _DROPPED
            and (
                (item.done_on is not None and ty.start <= item.done_on <= ty.end)
                or (item.year == ty.number and (current or item.status in _STARTED))
            )
            for item in items
        )
        if not worked:
            found.append((ty.number, current))
    return found


def talking_points(
    summary: Summary, r: resolved.Resolved, items: list[PageItem]
) -> tuple[TalkingPoint, ...]:
    """Suggested subjects, most pressing first. See docs/summary.md for each rule."""
    points: list[TalkingPoint] = []
    today = summary.today
    if summary.rhythm is not None and summary.rhythm.late:
        points.append(_meeting_late(summary.rhythm, today))
    for item in summary.overdue[:LISTED]:
        points.append(
            TalkingPoint(
                "overdue",
                "summary.tp.overdue_course" if item.kind == "course" else "summary.tp.overdue",
                {"title": item.title, "year": item.year},
            )
        )
    points += _more("overdue", "summary.tp.overdue_more", len(summary.overdue), "count.overdue")
    assert summary.coverage is not None
    missing = [m.title for c in summary.coverage.competencies for m in c.missing]
    if len(missing) > LISTED:  # a long list belongs in the coverage section, not here
        points.append(
            TalkingPoint(
                "missing_topics", "summary.tp.missing_topics_many", {"count": len(missing)}
            )
        )
    elif missing:
        points.append(
            TalkingPoint(
                "missing_topics",
                "summary.tp.missing_topics",
                {"count": len(missing), "topics": ", ".join(missing)},
                {"count": "count.topics"},
            )
        )
    plan = r.plan
    for req in r.missing_requirements:
        points.append(
            TalkingPoint("missing_course", "summary.tp.missing_course", {"title": req.title})
        )
    for number, current in idle_years(r, items):
        key = "summary.tp.idle_current_year" if current else "summary.tp.idle_past_year"
        points.append(TalkingPoint("idle_year", key, {"year": number}))
    for late in summary.overdue_agreements[:LISTED]:
        params: dict[str, Any] = {
            "text": late.text,
            "meeting": late.meeting.isoformat(),
            "due": late.due.isoformat(),
        }
        key = "summary.tp.agreement_overdue"
        if late.owner is not None:
            params["owner"] = OwnerWord(late.owner)
            key = "summary.tp.agreement_overdue_owner"
        points.append(TalkingPoint("agreement_overdue", key, params))
    late_count = len(summary.overdue_agreements)
    points += _more(
        "agreement_overdue", "summary.tp.agreement_overdue_more", late_count, "count.agreements"
    )
    if summary.last_meeting is not None:
        for agreement in summary.last_meeting.agreements:
            if not agreement.is_open or agreement.overdue:
                continue  # settled in the meeting after it, or raised as overdue above
            if agreement.moved is False:
                points.append(
                    TalkingPoint(
                        "agreement_stalled",
                        "summary.tp.agreement_stalled",
                        {"text": agreement.text},
                    )
                )
            elif agreement.moved is None:
                points.append(
                    TalkingPoint(
                        "agreement_unmatched",
                        "summary.tp.agreement_unmatched",
                        {"text": agreement.text},
                    )
                )
    position = summary.position
    if not plan.improvement_points and position is not None and position.state == "in_training":
        points.append(TalkingPoint("no_improvement_points", "summary.tp.no_improvement_points"))
    if summary.check.other_errors or summary.check.other_warnings:
        points.append(
            TalkingPoint(
                "check",
                "summary.tp.check",
                {"errors": summary.check.other_errors, "warnings": summary.check.other_warnings},
                {"errors": "count.errors", "warnings": "count.warnings"},
            )
        )
    return tuple(points)


def _more(code: str, key: str, count: int, noun: str) -> list[TalkingPoint]:
    """ "And N more" after the first :data:`LISTED` of a kind, when there are more."""
    if count <= LISTED:
        return []
    return [TalkingPoint(code, key, {"count": count - LISTED}, {"count": noun})]


def _meeting_late(rhythm: Rhythm, today: dt.date) -> TalkingPoint:
    """The talking point of a late meeting, worded for the plan's interval (a year: "at
    least one a year", as the page has always said)."""
    yearly = rhythm.interval == MEETING_INTERVAL_MONTHS
    if rhythm.last is None:
        if yearly:
            return TalkingPoint("meeting_overdue", "summary.tp.no_meeting_year")
        return TalkingPoint(
            "meeting_overdue",
            "summary.tp.no_meeting_every",
            {"due": rhythm.due.isoformat() if rhythm.due else None, "interval": rhythm.interval},
            {"interval": "count.months"},
        )
    params: dict[str, Any] = {
        "date": rhythm.last.isoformat(),
        "months": timeline.months_between(rhythm.last, today),
    }
    if yearly:
        return TalkingPoint(
            "meeting_overdue", "summary.tp.meeting_overdue", params, {"months": "count.months"}
        )
    params["interval"] = rhythm.interval
    return TalkingPoint(
        "meeting_overdue",
        "summary.tp.meeting_overdue_every",
        params,
        {"months": "count.months", "interval": "count.months"},
    )


# -- the group overview -----------------------------------------------------------------------


def overview_row(summary: Summary) -> OverviewRow:
    first_error = next((d for d in summary.check.findings if d.severity is Severity.ERROR), None)
    pos, cov = summary.position, summary.coverage
    return OverviewRow(
        path=summary.path,
        name=summary.aios.name if summary.aios else None,
        state=pos.state if pos else None,
        year=pos.year if pos else None,
        year_count=pos.year_count if pos else None,
        phase=pos.phase if pos else None,
        covered=cov.covered if cov else None,
        total=cov.total if cov else None,
        done=len(summary.done_since) if summary.loaded else None,
        due=len(summary.due) if summary.loaded else None,
        overdue=len(summary.overdue) if summary.loaded else None,
        errors=summary.check.errors,
        warnings=summary.check.warnings,
        first_error=first_error,
        start=pos.start if pos else None,
        end=pos.end if pos else None,
        last_meeting=summary.rhythm.last if summary.rhythm else None,
        next_meeting=summary.rhythm.next if summary.rhythm else None,
        next_meeting_planned=summary.rhythm.next_planned if summary.rhythm else False,
        meeting_late=summary.rhythm.late if summary.rhythm else None,
        topic_states=tuple(s for c in cov.competencies for s in c.states) if cov else (),
    )


def sort_rows(rows: list[OverviewRow], by: SortKey) -> list[OverviewRow]:
    """Rows in the requested order; plans that do not load come last, by file name.

    name: by achternaam, as a Dutch opleider expects (``names.sort_key``: "Anne de Vries"
    under V, accents folded); year: by position in the training (not started, year 1 …
    last, finished); coverage: fewest covered topics first; overdue: most overdue first.
    Ties keep the order by name, then file.
    """
    loaded = [r for r in rows if r.name is not None]
    broken = sorted((r for r in rows if r.name is None), key=lambda r: r.path)
    loaded.sort(key=lambda r: (names.sort_key(r.name or ""), r.path))
    if by == "year":
        loaded.sort(key=_training_order)
    elif by == "coverage":
        loaded.sort(key=lambda r: (r.covered or 0) / (r.total or 1))
    elif by == "overdue":
        loaded.sort(key=lambda r: -(r.overdue or 0))
    return loaded + broken


def _training_order(row: OverviewRow) -> int:
    if row.state == "not_started":
        return 0
    if row.state == "finished":
        return 1000
    return row.year or 0
