"""Pure domain questions about a plan against its framework: phases, coverage, courses,
what an agreement is about, and when the next meeting of the gesprekscyclus is due.

Shared by ``check``'s rules, ``plan`` and ``summary`` so each answers them the same way.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from mlplan import timeline
from mlplan.framework import (
    Competency,
    Course,
    Framework,
    PhaseId,
    Requirement,
    Topic,
    normalise_title,
)
from mlplan.plan import Activity, Agreement, CourseEntry, Meeting, Plan, Status

CoverageState = Literal["done", "planned", "missing"]


def suggested_phase(activity: Activity, fw: Framework) -> PhaseId | None:
    """The phase the learning curve suggests: the activity's own ``phase``, else that of
    the framework's example activity with the same title (ignoring case and quotes)."""
    if activity.phase is not None:
        return activity.phase
    topic = fw.topic(activity.topic)
    example = topic.example(activity.title) if topic else None
    return example.phase if example else None


def counts(activity: Activity) -> bool:
    """Whether an activity counts towards a topic: dropped ones do not."""
    return activity.status is not Status.DROPPED


@dataclass(frozen=True, slots=True)
class TopicCoverage:
    competency: Competency
    topic: Topic
    activities: tuple[Activity, ...]  # those that count (not dropped)

    @property
    def done(self) -> int:
        return sum(1 for a in self.activities if a.status is Status.DONE)

    @property
    def state(self) -> CoverageState:
        needed = self.topic.min_activities
        if self.done >= needed:
            return "done"
        if len(self.activities) >= needed:
            return "planned"
        return "missing"


def coverage(plan: Plan, fw: Framework) -> list[TopicCoverage]:
    """Every topic of the framework, in its order, with the plan's counting activities."""
    by_topic: dict[str, list[Activity]] = {tid: [] for tid in fw.topic_ids()}
    for activity in plan.activities:
        if counts(activity) and activity.topic in by_topic:
            by_topic[activity.topic].append(activity)
    return [TopicCoverage(comp, topic, tuple(by_topic[topic.id])) for comp, topic in fw.topics()]


def covered(cov: list[TopicCoverage]) -> int:
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


def satisfied_requirements(entry: CourseEntry, fw: Framework) -> list[Requirement]:
    """The framework's course requirements that a plan course meets, whatever its status:
    those that accept the framework course it names, and the one its ``satisfies``
    declares (an aios's own, similar course). An unknown ``satisfies`` meets nothing
    (ML003 reports it)."""
    course = framework_course(entry.course, fw)
    targets = requirement_targets(fw).get(course_key(entry.satisfies or ""), [])
    declared = {r.id for r in targets}
    return [
        req
        for req in fw.courses.requirements
        if (course is not None and course.id in req.any_of) or req.id in declared
    ]


def requirement_courses(plan: Plan, fw: Framework) -> dict[str, list[tuple[int, CourseEntry]]]:
    """For each course requirement's id: (0-based index, entry) of the plan's courses that
    meet it and are not dropped, in file order."""
    met: dict[str, list[tuple[int, CourseEntry]]] = {r.id: [] for r in fw.courses.requirements}
    for i, entry in enumerate(plan.courses):
        if entry.status is Status.DROPPED:
            continue
        for req in satisfied_requirements(entry, fw):
            met[req.id].append((i, entry))
    return met


def missing_requirements(plan: Plan, fw: Framework) -> list[Requirement]:
    """The framework's course requirements that no (non-dropped) course of the plan meets."""
    met = requirement_courses(plan, fw)
    return [r for r in fw.courses.requirements if not met[r.id]]


def course_identity(name: str, fw: Framework) -> str:
    """The framework course a plan course names (by id or title), else its own title as
    :func:`course_key` compares it: two names with one identity are one course."""
    known = framework_course(name, fw)
    return known.id if known is not None else course_key(name)


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


def meeting_late(plan: Plan, today: dt.date) -> bool:
    """During training (from its start to its last day) the next meeting is late on and
    after the day :func:`next_meeting_due` gives; before the start and after the end never."""
    if not plan.training.start <= today <= plan.training.calendar().end:
        return False
    due = next_meeting_due(plan, today)
    return due is not None and due <= today
