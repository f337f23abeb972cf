"""The multi-year plan as data: what ``mlplan plan`` shows, in every format.

A pure view model built from a checked plan, its framework and "today". Renderers
(``render/plan.py``) only lay it out; every derived fact (training years and their
phases, the current year, coverage, required courses) is decided here once, by asking
``timeline`` and ``domain``, so the table, Markdown, JSON and CSV always agree.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from mlplan.domain import resolved
from mlplan.domain.checking import CheckedPlan
from mlplan.domain.resolved import CoverageState
from mlplan.model import timeline
from mlplan.model.diagnostics import Diagnostic
from mlplan.model.framework import Competency, Framework, PhaseId
from mlplan.model.plan import Activity, CourseEntry, ImprovementPoint, Meeting, Status
from mlplan.model.timeline import TrainingState

# The view's parts are named tuples, not frozen dataclasses: a group's summary loads this
# module before it spreads its work, and ten dataclasses took 4 ms of that.


class Now(NamedTuple):
    """Where the aios is at ``today``: before, in (with year and phase) or after training."""

    today: dt.date
    state: TrainingState
    year: int | None = None  # only when in training
    phase: PhaseId | None = None


class Header(NamedTuple):
    name: str
    specialty: str | None
    supervisor: str | None
    institution: str | None
    start: dt.date
    end: dt.date  # last day of training, inclusive
    years: float
    year_count: int
    now: Now
    framework_id: str
    framework_title: str
    calendar: timeline.Calendar | None = None  # part-time and interruptions, when any


class ActivityView(NamedTuple):
    number: int  # 1-based position in the plan's ``activities``: the edit commands' handle
    activity: Activity
    topic_title: str | None  # ``None`` when the topic id is not in the framework
    competency: int | None
    suggested_phase: PhaseId | None  # the learning curve's phase (own ``phase`` or example's)


class CompetencyGroup(NamedTuple):
    """The activities of one competency in one year; ``competency`` is ``None`` for
    activities whose topic id the framework does not know."""

    competency: Competency | None
    activities: tuple[ActivityView, ...]


class YearView(NamedTuple):
    number: int
    start: dt.date | None  # ``None`` for a year outside the training (an ML102 error)
    end: dt.date | None
    phase: PhaseId | None
    groups: tuple[CompetencyGroup, ...]

    @property
    def in_training(self) -> bool:
        return self.start is not None

    @property
    def activities(self) -> list[ActivityView]:
        return [a for g in self.groups for a in g.activities]


class TopicView(NamedTuple):
    competency: int
    topic_id: str
    title: str
    state: CoverageState
    activities: tuple[int, ...]  # numbers of the activities that count (not dropped)
    done: int
    needed: int


class CoverageView(NamedTuple):
    topics: tuple[TopicView, ...]
    covered: int  # topics with at least their minimum of planned or done activities
    done: int  # topics whose minimum is done

    @property
    def total(self) -> int:
        return len(self.topics)


class CourseView(NamedTuple):
    number: int  # 1-based position in the plan's ``courses``
    entry: CourseEntry
    title: str  # the framework's title, or the free title as written
    known: bool  # a course of the framework (by id or title, see resolved.course_key)
    requirements: tuple[str, ...]  # ids of the framework's requirements it satisfies

    @property
    def required(self) -> bool:
        """Whether it satisfies one of the framework's course requirements."""
        return bool(self.requirements)


class RequirementView(NamedTuple):
    id: str
    title: str
    any_of: tuple[str, ...]
    state: CoverageState
    courses: tuple[int, ...]  # numbers of the plan's courses that satisfy it


class Overview(NamedTuple):
    path: str
    header: Header
    years: tuple[YearView, ...]
    activities: tuple[ActivityView, ...]
    coverage: CoverageView
    courses: tuple[CourseView, ...]
    requirements: tuple[RequirementView, ...]
    improvement_points: tuple[ImprovementPoint, ...]
    meetings: tuple[Meeting, ...]
    findings: tuple[Diagnostic, ...]

    @property
    def errors(self) -> int:
        return sum(1 for d in self.findings if d.severity == "error")

    @property
    def warnings(self) -> int:
        return len(self.findings) - self.errors


def now_at(r: resolved.Resolved) -> Now:
    ty = r.standing.year
    return Now(r.today, r.standing.state, ty.number if ty else None, ty.phase if ty else None)


def build(checked: CheckedPlan, fw: Framework, today: dt.date) -> Overview:
    """The view of a plan that validated (``checked.plan`` is not ``None``)."""
    plan = checked.plan
    if plan is None:
        raise ValueError("build() needs a plan that validated")  # a caller's bug
    r = resolved.resolve(plan, fw, today, reuse=checked.resolved)
    header = Header(
        name=plan.aios.name,
        specialty=plan.aios.specialty,
        supervisor=plan.aios.supervisor,
        institution=plan.aios.institution,
        start=plan.training.start,
        end=r.calendar.end,
        years=plan.training.years,
        year_count=r.year_count,
        now=now_at(r),
        framework_id=fw.id,
        framework_title=fw.title,
        calendar=r.calendar,
    )
    activities = tuple(_activity(a) for a in r.activities)
    return Overview(
        path=checked.path,
        header=header,
        years=_years(r, activities, fw),
        activities=activities,
        coverage=_coverage(r, activities),
        courses=tuple(_course(c) for c in r.courses),
        requirements=_requirements(r),
        improvement_points=tuple(plan.improvement_points),
        meetings=tuple(sorted(plan.meetings, key=lambda m: m.date)),
        findings=tuple(checked.diagnostics),
    )


def _activity(facts: resolved.ActivityFacts) -> ActivityView:
    topic, competency = facts.topic, facts.competency
    return ActivityView(
        number=facts.position + 1,
        activity=facts.activity,
        topic_title=topic.title if topic else None,
        competency=competency.number if competency else None,
        suggested_phase=facts.suggested_phase,
    )


def _years(
    r: resolved.Resolved, activities: tuple[ActivityView, ...], fw: Framework
) -> tuple[YearView, ...]:
    spans = {ty.number: ty for ty in r.years}
    # years outside the training (an ML102 error) still show, after the real ones
    numbers = sorted(set(spans) | {a.activity.year for a in activities})
    result = []
    for n in numbers:
        in_year = [a for a in activities if a.activity.year == n]
        span = spans.get(n)
        result.append(
            YearView(
                number=n,
                start=span.start if span else None,
                end=span.end if span else None,
                phase=span.phase if span else None,
                groups=_groups(in_year, fw),
            )
        )
    return tuple(result)


def _groups(activities: list[ActivityView], fw: Framework) -> tuple[CompetencyGroup, ...]:
    """Per competency in the framework's order, activities in plan order; unknown topics last."""
    groups = []
    for comp in fw.competencies:
        mine = tuple(a for a in activities if a.competency == comp.number)
        if mine:
            groups.append(CompetencyGroup(comp, mine))
    unknown = tuple(a for a in activities if a.competency is None)
    if unknown:
        groups.append(CompetencyGroup(None, unknown))
    return tuple(groups)


def _coverage(r: resolved.Resolved, activities: tuple[ActivityView, ...]) -> CoverageView:
    cov = r.coverage
    # resolved.coverage hands back the Activity objects; map them to their numbers by identity
    number_of = {id(a.activity): a.number for a in activities}
    topics = tuple(
        TopicView(
            competency=c.competency.number,
            topic_id=c.topic.id,
            title=c.topic.title,
            state=c.state,
            activities=tuple(number_of[id(a)] for a in c.activities),
            done=c.done,
            needed=c.topic.min_activities,
        )
        for c in cov
    )
    return CoverageView(
        topics=topics,
        covered=resolved.covered(cov),
        done=sum(1 for c in cov if c.state == "done"),
    )


def _course(facts: resolved.CourseFacts) -> CourseView:
    return CourseView(
        number=facts.position + 1,
        entry=facts.entry,
        title=facts.title,
        known=facts.known is not None,
        requirements=tuple(req.id for req in facts.requirements),
    )


def _requirements(r: resolved.Resolved) -> tuple[RequirementView, ...]:
    result = []
    for req in r.fw.courses.requirements:
        matching = [(c.position + 1, c.entry) for c in r.requirement_courses[req.id]]
        state: CoverageState
        if any(c.status is Status.DONE for _, c in matching):
            state = "done"
        elif matching:
            state = "planned"
        else:
            state = "missing"
        result.append(
            RequirementView(
                req.id, req.title, tuple(req.any_of), state, tuple(i for i, _ in matching)
            )
        )
    return tuple(result)
