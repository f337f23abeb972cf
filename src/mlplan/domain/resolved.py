"""Pure domain questions about a plan against its framework: phases, coverage, courses,
what an agreement is about, and when the next meeting of the gesprekscyclus is due.

Shared by ``check``'s rules, ``plan`` and ``summary`` so each answers them the same way.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from typing import Literal, NamedTuple

from mlplan.domain import scheduler
from mlplan.model import timeline
from mlplan.model.framework import (
    Competency,
    Course,
    Framework,
    PhaseId,
    Requirement,
    Topic,
    normalise_title,
)
from mlplan.model.plan import Activity, Agreement, CourseEntry, Meeting, Plan, Status

CoverageState = Literal["done", "planned", "missing"]


def suggested_phase(activity: Activity, fw: Framework) -> PhaseId | None:
    """The phase the learning curve suggests: the activity's own ``phase``, else that of
    the framework's example activity with the same title (ignoring case and quotes)."""
    return phase_for(fw.topic(activity.topic), activity.title, activity.phase)


def phase_for(topic: Topic | None, title: str, phase: PhaseId | None) -> PhaseId | None:
    """:func:`suggested_phase` of an activity with this topic, title and own ``phase``,
    also before it is in a plan (``mlplan add`` proposes its year from it)."""
    if phase is not None:
        return phase
    example = topic.example(title) if topic else None
    return example.phase if example else None


def counts(activity: Activity) -> bool:
    """Whether an activity counts towards a topic: dropped ones do not."""
    return activity.status is not Status.DROPPED


class TopicCoverage(NamedTuple):
    """A topic with the plan's activities that count for it, how many of them are done
    and so its state (immutable, as :class:`ActivityFacts`; also cheaper to define while
    ``check`` starts). Made by :func:`topic_coverage`, which decides ``done`` and
    ``state`` once: the pages ask each topic's state several times."""

    competency: Competency
    topic: Topic
    activities: tuple[Activity, ...]  # those that count (not dropped)
    done: int  # of ``activities``
    state: CoverageState


def topic_coverage(
    competency: Competency, topic: Topic, activities: tuple[Activity, ...]
) -> TopicCoverage:
    """A topic's coverage by ``activities``: done once the topic's minimum is done,
    planned once that many are planned (or done), else missing."""
    done = sum(1 for a in activities if a.status is Status.DONE)
    needed = topic.min_activities
    state: CoverageState
    if done >= needed:
        state = "done"
    elif len(activities) >= needed:
        state = "planned"
    else:
        state = "missing"
    return TopicCoverage(competency, topic, activities, done, state)


def coverage(plan: Plan, fw: Framework) -> list[TopicCoverage]:
    """Every topic of the framework, in its order, with the plan's counting activities."""
    by_topic: dict[str, list[Activity]] = {tid: [] for tid in fw.topic_ids()}
    for activity in plan.activities:
        if counts(activity) and activity.topic in by_topic:
            by_topic[activity.topic].append(activity)
    return _coverage(fw, by_topic)


def _coverage(fw: Framework, by_topic: dict[str, list[Activity]]) -> list[TopicCoverage]:
    return [topic_coverage(comp, topic, tuple(by_topic[topic.id])) for comp, topic in fw.topics()]


def covered(cov: Sequence[TopicCoverage]) -> int:
    """How many topics have at least their minimum of (planned or done) activities."""
    return sum(1 for c in cov if c.state != "missing")


# -- courses: the one matching rule (docs/plan-format.md, "courses") ----------------------

_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015_]+")


def course_key(text: str) -> str:
    """How a course name is compared with the framework's course ids and titles: case,
    quotes and surrounding spaces do not matter (as for titles), and runs of spaces,
    hyphens and underscores count as one space, so ``Coach-the-co``, ``coach the co`` and
    ``COACH-THE-CO`` are all ``coach-the-co``."""
    return _SEPARATORS.sub(" ", normalise_title(text)).strip()


# The lookups below are asked once per course of every plan; a framework is frozen, so each
# is built once per framework object (kept with it: ``id`` alone could be reused).
_INDEXES: dict[int, tuple[Framework, dict[str, Course], dict[str, list[Requirement]]]] = {}


def _indexes(fw: Framework) -> tuple[dict[str, Course], dict[str, list[Requirement]]]:
    hit = _INDEXES.get(id(fw))
    if hit is not None and hit[0] is fw:
        return hit[1], hit[2]
    courses = (*fw.courses.required, *fw.courses.optional)
    by_key = {course_key(c.title): c for c in courses}
    by_key.update({course_key(c.id): c for c in courses})  # an id wins over a title
    targets: dict[str, list[Requirement]] = {}
    for req in fw.courses.requirements:
        for name in (req.id, *req.any_of):
            found = targets.setdefault(course_key(name), [])
            if all(r.id != req.id for r in found):
                found.append(req)
    if len(_INDEXES) >= 8:
        _INDEXES.clear()
    _INDEXES[id(fw)] = (fw, by_key, targets)
    return by_key, targets


def framework_course(name: str, fw: Framework) -> Course | None:
    """The framework course that a plan's ``course`` value names, by id or by title."""
    return _indexes(fw)[0].get(course_key(name))


def requirement_targets(fw: Framework) -> dict[str, list[Requirement]]:
    """What a course's ``satisfies`` may name, by :func:`course_key`: a requirement's id,
    or a course id one of the requirements accepts; each with the requirements it meets."""
    return _indexes(fw)[1]


def target_ids(fw: Framework) -> list[str]:
    """The values ``satisfies`` accepts, as the framework writes them (for did-you-mean)."""
    ids = [name for req in fw.courses.requirements for name in (req.id, *req.any_of)]
    return list(dict.fromkeys(ids))


def _met_by(course: Course | None, satisfies: str | None, fw: Framework) -> tuple[Requirement, ...]:
    """The framework's course requirements that a plan course meets, whatever its status:
    those that accept the framework ``course`` it names, and the one its ``satisfies``
    declares (an aios's own, similar course). An unknown ``satisfies`` meets nothing
    (ML003 reports it)."""
    declared = {r.id for r in requirement_targets(fw).get(course_key(satisfies or ""), [])}
    return tuple(
        req
        for req in fw.courses.requirements
        if (course is not None and course.id in req.any_of) or req.id in declared
    )


def course_identity(name: str, fw: Framework) -> str:
    """The framework course a plan course names (by id or title), else its own title as
    :func:`course_key` compares it: two names with one identity are one course."""
    key = course_key(name)
    return _identity(_indexes(fw)[0].get(key), key)


def _identity(known: Course | None, key: str) -> str:
    return known.id if known is not None else key


# -- what an agreement is about --------------------------------------------------------------


def activity_named(plan: Plan, title: str) -> int | None:
    """The 0-based index of the plan's activity with this title (ignoring case, spaces and
    quotes, as duplicates are compared), preferring one that is not dropped."""
    wanted = normalise_title(title)
    found = [i for i, a in enumerate(plan.activities) if normalise_title(a.title) == wanted]
    return next((i for i in found if counts(plan.activities[i])), found[0] if found else None)


def course_named(plan: Plan, name: str, fw: Framework) -> int | None:
    """The 0-based index of the plan's course that ``name`` names (the course matching
    rule: by framework id or title, else by its own title), preferring one not dropped."""
    wanted = course_identity(name, fw)
    found = [i for i, c in enumerate(plan.courses) if course_identity(c.course, fw) == wanted]
    dropped = Status.DROPPED
    return next(
        (i for i in found if plan.courses[i].status is not dropped), found[0] if found else None
    )


def agreements(plan: Plan) -> Iterator[tuple[int, int, Meeting, Agreement]]:
    """(meeting index, agreement index, meeting, agreement) of every agreement, in file order."""
    for i, meeting in enumerate(plan.meetings):
        for j, agreement in enumerate(meeting.agreements):
            yield i, j, meeting, agreement


def agreement_overdue(agreement: Agreement, today: dt.date) -> bool:
    """Open (no outcome yet) and its due date has passed: the day itself is still in time."""
    return agreement.is_open and agreement.due is not None and agreement.due < today


# -- the rhythm of the gesprekscyclus ---------------------------------------------------------


def held_meetings(plan: Plan, today: dt.date) -> list[tuple[int, Meeting]]:
    """(index, meeting) of the meetings on or before ``today``, oldest first (a later date
    has not happened yet); two on one date keep their file order."""
    held = [(i, m) for i, m in enumerate(plan.meetings) if m.date <= today]
    return sorted(held, key=lambda pair: pair[1].date)


def last_held(held: Sequence[tuple[int, Meeting]]) -> Meeting | None:
    """The last meeting of :func:`held_meetings`; of two on its date, the first in the file
    (the one whose agreements the summary follows up)."""
    if not held:
        return None
    latest = held[-1][1].date
    return next(m for _, m in held if m.date == latest)


def next_meeting_due(plan: Plan, today: dt.date) -> dt.date | None:
    """The day by which the next meeting of the gesprekscyclus is due: the plan's interval
    (``training.meeting_interval_months``, default 12) after the last meeting held on or
    before ``today`` (any kind: an introductiegesprek starts the cycle with an opleider, a
    geschiktheidsbeoordeling is held in a voortgangsgesprek), or after the training's start
    when there is none. Interruptions in between add their days: no meetings are due
    during leave. ``None`` when that day would lie past the calendar's last day."""
    held = held_meetings(plan, today)
    training = plan.training
    reference = held[-1][1].date if held else training.start
    try:
        base = timeline.add_months(reference, training.meeting_interval)
    except OverflowError:
        return None
    periods = [(i.start, i.end) for i in training.interruptions if i.end >= reference]
    due = base
    while True:  # each extension may reach into a further interruption
        extra = sum(
            (min(end, due) - max(start, reference)).days + 1
            for start, end in periods
            if start <= due and max(start, reference) <= min(end, due)
        )
        try:
            extended = base + dt.timedelta(days=extra)
        except OverflowError:
            return None
        if extended == due:
            return due
        due = extended


def _late(plan: Plan, cal: timeline.Calendar, today: dt.date, due: dt.date | None) -> bool:
    if not plan.training.start <= today <= cal.end:
        return False
    return due is not None and due <= today


# -- the resolved view: every derived fact of one plan, once ----------------------------------


class ActivityFacts(NamedTuple):
    """One activity of the plan as the framework and the calendar place it. Immutable; a
    named tuple rather than a frozen dataclass because a plan has many and a group has
    thousands of plans (made in a third of the time)."""

    position: int  # 0-based index in the plan's ``activities``
    activity: Activity
    topic: Topic | None  # ``None`` when the framework does not know the topic (ML003)
    competency: Competency | None
    year: timeline.TrainingYear | None  # its training year; ``None`` beyond the last (ML102)
    open: bool  # neither done nor dropped
    overdue: bool  # open, in a training year that ended before today (ML202)

    @property
    def suggested_phase(self) -> PhaseId | None:
        """The learning curve's phase (:func:`suggested_phase`); asked on read, since only
        ML200's open activities and ``plan``'s view need it."""
        return phase_for(self.topic, self.activity.title, self.activity.phase)


class CourseFacts(NamedTuple):
    """One course of the plan: the framework course it names and what it satisfies
    (immutable, as :class:`ActivityFacts`)."""

    position: int  # 0-based index in the plan's ``courses``
    entry: CourseEntry
    known: Course | None  # the framework course it names, by id or title (course_key)
    identity: str  # :func:`course_identity`: two courses with one identity are one course
    requirements: tuple[Requirement, ...]  # what it meets, whatever its status
    year: timeline.TrainingYear | None  # ``None`` without a year or beyond the last
    open: bool
    overdue: bool  # open, in a training year that ended before today

    @property
    def title(self) -> str:
        """The framework's title, else the free title as written."""
        return self.known.title if self.known is not None else self.entry.course


class Resolved(NamedTuple):
    """A plan resolved against its framework at ``today``: the one place each derived fact
    is decided (rules, ``plan``, ``summary`` and the pages built on them read it).
    Immutable; a named tuple because every ``check`` defines it while it starts, and a
    frozen dataclass of this size costs 0.8 ms to define (a named tuple a tenth)."""

    plan: Plan
    fw: Framework
    today: dt.date
    calendar: timeline.Calendar
    years: tuple[timeline.TrainingYear, ...]
    standing: timeline.Standing
    phase_now: PhaseId  # year 1's before the start, the last year's after the end
    open_years: tuple[int, ...]  # training years not over at today (scheduler.open_years)
    activities: tuple[ActivityFacts, ...]
    courses: tuple[CourseFacts, ...]
    coverage: tuple[TopicCoverage, ...]
    # per course requirement's id: the (not dropped) courses that meet it, in file order
    requirement_courses: dict[str, tuple[CourseFacts, ...]]
    missing_requirements: tuple[Requirement, ...]
    held: tuple[tuple[int, Meeting], ...]  # :func:`held_meetings`
    next_meeting_due: dt.date | None
    meeting_late: bool
    # (meeting index, agreement index, meeting, agreement) open and past due, in file order,
    # of the meetings held by today: a later meeting has not happened, nor its agreements
    overdue_agreements: tuple[tuple[int, int, Meeting, Agreement], ...]

    @property
    def year_count(self) -> int:
        return len(self.years)

    @property
    def last_meeting(self) -> Meeting | None:
        """The latest meeting held by today (:func:`last_held`)."""
        return last_held(self.held)

    def year(self, number: int | None) -> timeline.TrainingYear | None:
        """Training year ``number``; ``None`` for no year or one outside the training."""
        return _year_in(self.years, number)


def _year_in(
    years: tuple[timeline.TrainingYear, ...], number: int | None
) -> timeline.TrainingYear | None:
    return years[number - 1] if number is not None and 1 <= number <= len(years) else None


def resolve(
    plan: Plan, fw: Framework, today: dt.date, *, reuse: Resolved | None = None
) -> Resolved:
    """Resolve ``plan`` against ``fw`` at ``today``: one pass over its entries. ``reuse`` is
    a view made before (``CheckedPlan.resolved``, made for the rules): it is handed back
    when it is of this very plan, framework and day, so a page does not resolve again."""
    if reuse is not None and reuse.plan is plan and reuse.fw is fw and reuse.today == today:
        return reuse
    cal = plan.training.calendar()
    years = cal.training_years()
    standing = cal.standing_at(today)
    if standing.year is not None:
        now = standing.year.number
    else:  # year 1's phase before the start, the last year's after the end
        now = 1 if standing.state == "not_started" else cal.year_count

    # a group resolves thousands of plans: this loop is kept plain (positional tuples,
    # the year looked up inline)
    activities = []
    closed, dropped, count = (Status.DONE, Status.DROPPED), Status.DROPPED, len(years)
    by_topic: dict[str, list[Activity]] = {tid: [] for tid in fw.topic_ids()}
    for i, act in enumerate(plan.activities):
        ty = years[act.year - 1] if 0 < act.year <= count else None
        still = act.status not in closed
        topic = fw.topic(act.topic)
        if topic is not None and act.status is not dropped:  # coverage, in the same pass
            by_topic[act.topic].append(act)
        overdue = still and ty is not None and ty.end < today
        competency = fw.competency_of(act.topic)
        activities.append(ActivityFacts(i, act, topic, competency, ty, still, overdue))
    by_key = _indexes(fw)[0]
    courses = []
    met: dict[str, list[CourseFacts]] = {r.id: [] for r in fw.courses.requirements}
    for i, entry in enumerate(plan.courses):
        key = course_key(entry.course)
        known = by_key.get(key)
        reqs = _met_by(known, entry.satisfies, fw)
        ty = _year_in(years, entry.year)
        still = entry.status not in closed
        facts = CourseFacts(
            position=i,
            entry=entry,
            known=known,
            identity=_identity(known, key),
            requirements=reqs,
            year=ty,
            open=still,
            overdue=still and ty is not None and ty.end < today,
        )
        courses.append(facts)
        if entry.status is not dropped:
            for r in reqs:
                met[r.id].append(facts)
    held = tuple(held_meetings(plan, today))
    due = next_meeting_due(plan, today)
    return Resolved(
        plan=plan,
        fw=fw,
        today=today,
        calendar=cal,
        years=years,
        standing=standing,
        phase_now=cal.phase_of_year(max(now, 1)),
        open_years=tuple(scheduler.open_years(cal, today)),
        activities=tuple(activities),
        courses=tuple(courses),
        coverage=tuple(_coverage(fw, by_topic)),
        requirement_courses={k: tuple(v) for k, v in met.items()},
        missing_requirements=tuple(r for r in fw.courses.requirements if not met[r.id]),
        held=held,
        next_meeting_due=due,
        meeting_late=_late(plan, cal, today, due),
        overdue_agreements=tuple(
            (i, j, m, a)
            for i, j, m, a in agreements(plan)
            if m.date <= today and agreement_overdue(a, today)
        ),
    )
