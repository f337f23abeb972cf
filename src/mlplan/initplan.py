"""Building a new plan: the pure part of ``mlplan init``.

The wizard and ``--no-input`` both end here: details, chosen activities with their
years, courses and improvement points become a :class:`mlplan.plan.Plan`. Choosing
activities on the user's behalf (``--no-input``) and the required courses live here too,
so they are tested without a terminal.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from mlplan import timeline, yamlloc
from mlplan.framework import Framework, PhaseId
from mlplan.plan import MAX_YEARS, Activity, Aios, CourseEntry, ImprovementPoint, Plan, Training
from mlplan.scheduler import Item, fair_share, schedule


@dataclass
class Details:
    """The aios and the training, as asked or given on the command line."""

    name: str
    start: dt.date
    years: float
    specialty: str | None = None
    institution: str | None = None
    supervisor: str | None = None

    def calendar(self) -> timeline.Calendar:
        """A new plan's calendar: full time (part-time and interruptions are added later)."""
        return timeline.Calendar(self.start, self.years)


@dataclass
class Pick:
    """A chosen activity and its training year (``None``: not yet scheduled)."""

    topic: str
    title: str
    phase: PhaseId | None = None  # the suggested phase (the example's, or the user's)
    own_phase: bool = False  # the user stated the phase: it goes into the plan
    year: int | None = None

    def item(self) -> Item:
        return Item(self.topic, self.title, self.phase)


@dataclass
class Draft:
    details: Details
    picks: list[Pick] = field(default_factory=list)
    courses: list[CourseEntry] = field(default_factory=list)
    improvement_points: list[ImprovementPoint] = field(default_factory=list)


# -- parsing what users type ------------------------------------------------------------


def parse_date(text: str) -> dt.date | None:
    """``YYYY-MM-DD`` only (the plan's format); ``None`` when it is not a real date."""
    return timeline.parse_iso_date(text)


def parse_years(text: str) -> float | None:
    """A duration in years, ``4.5`` or the Dutch ``4,5``; ``None`` when not in (0, 15]."""
    value = text.strip().replace(",", ".")
    try:
        years = float(value)
    except ValueError:
        return None
    if not math.isfinite(years) or not 0 < years <= MAX_YEARS:
        return None
    return years


def clean(text: str | None) -> str | None:
    """Optional free text: surrounding spaces removed, blank means absent."""
    if text is None:
        return None
    value = " ".join(text.split())
    return None if yamlloc.is_blank(value) else value


# -- proposals ------------------------------------------------------------------------


def default_picks(fw: Framework, years: float) -> list[Pick]:
    """One example activity per topic, chosen so the learning curve can be followed.

    A topic whose examples all share one phase (or that has one example) takes its
    first example. Every other topic takes, among its examples with a phase, one of the
    phase that still has the most room (room: the phase's years times the fair share
    of ``ceil(topics / years)``, minus what is already chosen), ties to the earlier
    example; an example without a phase when no phase has room; else its first example.
    """
    count = timeline.year_count(years)
    topics = [topic for _, topic in fw.topics()]
    cap = fair_share(len(topics), count)
    room: Counter[str] = Counter()
    for y in range(1, count + 1):
        room[timeline.phase_of_year(y, years)] += cap
    chosen: dict[str, Pick] = {}
    # first the topics without a choice of phase, so the others see what is left
    for topic in topics:
        phases = {a.phase for a in topic.activities}
        if len(phases) == 1:
            first = topic.activities[0]
            chosen[topic.id] = Pick(topic.id, first.title, first.phase)
            if first.phase:
                room[first.phase] -= 1
    for topic in topics:
        if topic.id in chosen:
            continue
        phased = [a for a in topic.activities if a.phase and room[a.phase] > 0]
        if phased:
            best = max(phased, key=lambda a: (room[a.phase or ""], -topic.activities.index(a)))
            room[best.phase or ""] -= 1
        else:
            best = next((a for a in topic.activities if a.phase is None), topic.activities[0])
        chosen[topic.id] = Pick(topic.id, best.title, best.phase)
    return [chosen[topic.id] for topic in topics]


def propose(picks: Sequence[Pick], years: float, first_year: int = 1) -> list[int]:
    """The scheduler's years for these picks (see :func:`mlplan.scheduler.schedule`)."""
    return schedule([p.item() for p in picks], years, first_year=first_year)


def course_year(index: int, years: float, first_year: int = 1) -> int:
    """The year for the ``index``-th course: the first in the first open year (coaching
    helps from the start), the others in the middle of the remaining years."""
    last = timeline.year_count(years)
    return first_year if index == 0 else first_year + (last - first_year) // 2


def required_courses(fw: Framework, years: float, first_year: int = 1) -> list[CourseEntry]:
    """One course for each of the framework's course requirements (Coach-the-co, one
    DOO course): its first option, in the year :func:`course_year` gives."""
    return [
        CourseEntry.model_validate(
            {"course": req.any_of[0], "year": course_year(i, years, first_year)}
        )
        for i, req in enumerate(fw.courses.requirements)
    ]


def build(draft: Draft, fw: Framework) -> Plan:
    """The plan: activities grouped in the framework's topic order, each topic's by year."""
    order = {tid: i for i, tid in enumerate(fw.topic_ids())}
    picks = sorted(
        (p for p in draft.picks if p.year is not None),
        key=lambda p: (order.get(p.topic, len(order)), p.year or 0),
    )
    d = draft.details
    return Plan(
        version=1,
        framework=fw.id,
        aios=Aios(
            name=d.name,
            specialty=clean(d.specialty),
            institution=clean(d.institution),
            supervisor=clean(d.supervisor),
        ),
        training=Training(start=d.start, years=d.years),
        activities=[
            Activity.model_validate(
                {
                    "topic": p.topic,
                    "title": p.title,
                    "year": p.year or 1,
                    "phase": p.phase if p.own_phase else None,
                }
            )
            for p in picks
        ],
        courses=list(draft.courses),
        improvement_points=list(draft.improvement_points),
    )
