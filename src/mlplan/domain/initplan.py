"""Building a new plan: the pure part of ``mlplan init``.

The wizard and ``--no-input`` both end here: details, chosen activities with their
years, courses and improvement points become a :class:`mlplan.model.plan.Plan`. Choosing
activities on the user's behalf (``--no-input``) and the required courses live here too,
so they are tested without a terminal, and so does the wizard's draft: its answers so
far as the text of ``PATH.draft``.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from mlplan.domain.scheduler import ChosenActivity, fair_share, schedule
from mlplan.model import fields, timeline
from mlplan.model.framework import ExampleActivity, Framework, PhaseId, Topic
from mlplan.model.plan import (
    MAX_PERCENT,
    MAX_YEARS,
    MIN_PERCENT,
    Activity,
    Aios,
    CourseEntry,
    ImprovementPoint,
    PartTimePeriod,
    Plan,
    Training,
)


@dataclass
class Details:
    """The aios and the training, as asked or given on the command line."""

    name: str
    start: dt.date
    years: float
    specialty: str | None = None
    institution: str | None = None
    supervisor: str | None = None
    percent: int = 100  # part-time percent (100: full time)
    part_time_from: dt.date | None = None  # since when, if not the start

    def part_time(self) -> list[PartTimePeriod]:
        """The plan's ``training.part_time``: one open-ended period, or none at 100 %."""
        if self.percent == FULL_TIME:
            return []
        since = self.part_time_from or self.start
        return [PartTimePeriod.model_validate({"from": since, "percent": self.percent})]

    def calendar(self) -> timeline.Calendar:
        """A new plan's calendar: at the part-time percent asked (interruptions are
        added later, with ``mlplan training``)."""
        # not validated: the wizard asks for a calendar before it knows the training fits
        training = Training.model_construct(
            start=self.start, years=self.years, part_time=self.part_time(), interruptions=[]
        )
        return training.calendar()


@dataclass
class Pick:
    """A chosen activity and its training year (``None``: not yet scheduled)."""

    topic: str
    title: str
    phase: PhaseId | None = None  # the suggested phase (the example's, or the user's)
    own_phase: bool = False  # the user stated the phase: it goes into the plan
    year: int | None = None

    def item(self) -> ChosenActivity:
        return ChosenActivity(self.topic, self.title, self.phase)


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


FULL_TIME = 100
_PERCENT = re.compile(r"([0-9]{1,3})\s*%?")


def parse_percent(text: str) -> int | None:
    """A part-time percent as people type it, ``80``, ``80%`` or ``80 %``; ``None`` when
    it is not a whole number the plan allows (50 to 100)."""
    match = _PERCENT.fullmatch(text.strip())
    percent = int(match.group(1)) if match else -1
    return percent if MIN_PERCENT <= percent <= MAX_PERCENT else None


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
    return None if fields.is_blank(value) else value


# -- proposals ------------------------------------------------------------------------


def default_picks(fw: Framework, years: float, first_year: int = 1) -> list[Pick]:
    """One example activity per topic, chosen so the learning curve can be followed, and
    more when the years still open need them.

    A topic whose examples all share one phase (or that has one example) takes its
    first example. Every other topic takes, among its examples with a phase, one of the
    phase that still has the most room (room: the years ``first_year ..`` of that phase
    times the fair share of ``ceil(topics / years)``, minus what is already chosen), ties
    to the earlier example; an example without a phase when no phase has room; else its
    first example. When there are fewer topics than open years (every open year needs
    an activity, ML204), topics in order take a further example the same way, until
    each open year can have one or the examples run out.
    """
    count = timeline.year_count(years)
    topics = [topic for _, topic in fw.topics()]
    cap = fair_share(len(topics), count)
    room: Counter[str] = Counter()
    for y in range(first_year, count + 1):
        room[timeline.phase_of_year(y, years)] += cap
    chosen: dict[str, list[Pick]] = {topic.id: [] for topic in topics}

    def take(topic: Topic, example: ExampleActivity) -> None:
        chosen[topic.id].append(Pick(topic.id, example.title, example.phase))
        if example.phase:
            room[example.phase] -= 1

    def best(examples: list[ExampleActivity]) -> ExampleActivity:
        phased = [a for a in examples if a.phase and room[a.phase] > 0]
        if phased:
            return max(phased, key=lambda a: (room[a.phase or ""], -examples.index(a)))
        return next((a for a in examples if a.phase is None), examples[0])

    # first the topics without a choice of phase, so the others see what is left
    for topic in topics:
        if len({a.phase for a in topic.activities}) == 1:
            take(topic, topic.activities[0])
    for topic in topics:
        if not chosen[topic.id]:
            take(topic, best(list(topic.activities)))
    missing = count - first_year + 1 - len(topics)
    while missing > 0:
        before = missing
        for topic in topics:
            taken = {p.title for p in chosen[topic.id]}
            rest = [a for a in topic.activities if a.title not in taken]
            if rest and missing > 0:
                take(topic, best(rest))
                missing -= 1
        if missing == before:  # every example is taken
            break
    return [pick for topic in topics for pick in chosen[topic.id]]


def propose(picks: Sequence[Pick], years: float, first_year: int = 1) -> list[int]:
    """The scheduler's years for these picks (see :func:`mlplan.domain.scheduler.schedule`)."""
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
        training=Training(start=d.start, years=d.years, part_time=d.part_time()),
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


# -- the wizard's draft -------------------------------------------------------------------


@dataclass
class Answers:
    """The wizard's answers so far: what it asks with, and what its draft file keeps."""

    details: Details
    picks: dict[str, list[Pick]] = field(default_factory=dict)  # per topic id, once answered
    fixed_years: dict[tuple[str, str], int] = field(default_factory=dict)  # (topic, title)
    course_ids: list[str] | None = None  # None: the courses step was not answered yet
    improvement_points: list[ImprovementPoint] = field(default_factory=list)
    step: int = 0  # the step to ask next (the wizard's numbering)


DRAFT_SUFFIX = ".draft"


def draft_path(path: Path) -> Path:
    """Where the wizard keeps its answers for the plan at ``path``: ``PATH.draft``."""
    return path.with_name(path.name + DRAFT_SUFFIX)


class _Saved(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _SavedPick(_Saved):
    title: str
    phase: PhaseId | None = None
    own_phase: bool = False


class _SavedYear(_Saved):
    topic: str
    title: str
    year: int = Field(ge=1)


class _SavedDraft(_Saved):
    mlplan_draft: Literal[1]  # the format; a draft of another format is not read
    framework: str
    step: int = Field(ge=0)
    name: str
    start: dt.date
    years: float = Field(gt=0, le=MAX_YEARS)
    specialty: str | None = None
    institution: str | None = None
    supervisor: str | None = None
    percent: int = Field(FULL_TIME, ge=MIN_PERCENT, le=MAX_PERCENT)
    part_time_from: dt.date | None = None
    picks: dict[str, list[_SavedPick]] = {}
    fixed_years: list[_SavedYear] = []
    courses: list[str] | None = None
    improvement_points: list[ImprovementPoint] = []


def dump_answers(answers: Answers, fw: Framework) -> str:
    """The draft file's text (JSON) for ``answers``."""
    d = answers.details
    saved = _SavedDraft(
        mlplan_draft=1,
        framework=fw.id,
        step=answers.step,
        name=d.name,
        start=d.start,
        years=d.years,
        specialty=d.specialty,
        institution=d.institution,
        supervisor=d.supervisor,
        percent=d.percent,
        part_time_from=d.part_time_from,
        picks={
            topic: [_SavedPick(title=p.title, phase=p.phase, own_phase=p.own_phase) for p in ps]
            for topic, ps in answers.picks.items()
        },
        fixed_years=[
            _SavedYear(topic=topic, title=title, year=year)
            for (topic, title), year in answers.fixed_years.items()
        ],
        courses=answers.course_ids,
        improvement_points=answers.improvement_points,
    )
    return json.dumps(saved.model_dump(mode="json"), ensure_ascii=False, indent=1) + "\n"


def load_answers(text: str, fw: Framework) -> Answers | None:
    """The answers a draft file holds; ``None`` when it is not a draft mlplan can read.

    Answers about topics or courses that ``fw`` does not have are left out (the draft may
    come from another framework); the wizard asks those steps again.
    """
    try:
        saved = _SavedDraft.model_validate_json(text)
    except (ValidationError, ValueError):
        return None
    topics = set(fw.topic_ids())
    courses = set(fw.course_ids())
    return Answers(
        details=Details(
            name=saved.name,
            start=saved.start,
            years=saved.years,
            specialty=saved.specialty,
            institution=saved.institution,
            supervisor=saved.supervisor,
            percent=saved.percent,
            part_time_from=saved.part_time_from,
        ),
        picks={
            topic: [Pick(topic, p.title, p.phase, own_phase=p.own_phase) for p in ps]
            for topic, ps in saved.picks.items()
            if topic in topics and ps
        },
        fixed_years={(y.topic, y.title): y.year for y in saved.fixed_years if y.topic in topics},
        course_ids=(None if saved.courses is None else [c for c in saved.courses if c in courses]),
        improvement_points=saved.improvement_points,
        step=saved.step,
    )
