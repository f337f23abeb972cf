"""The aios's preparation sheet before a meeting, as data: pure functions, no I/O.

``mlplan prepare`` answers what the aios brings to the next voortgangsgesprek: per
competency what was done since the last meeting (with its evidence), the agreements of
the last meeting that are still open, what is due next, what ``check`` finds, and the
questions the framework's tips ask (``Framework.reflection``). Every fact is the summary's
(:func:`mlplan.domain.summary.summarise`): this module only arranges them per competency, so the
sheet and the opleider's page never disagree. Laid out by ``render/pages/prepare.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

from mlplan.domain.summary import Agreement, CompetencyCoverage, OverdueAgreement, PageItem, Summary
from mlplan.model.framework import Framework, Reflection


@dataclass(frozen=True, slots=True)
class CompetencyWork:
    """One competency: its coverage, and its activities done since the last meeting."""

    coverage: CompetencyCoverage
    done_since: tuple[PageItem, ...]


@dataclass(frozen=True, slots=True)
class Preparation:
    summary: Summary  # loaded: the plan validated
    competencies: tuple[CompetencyWork, ...]
    courses_done: tuple[PageItem, ...]  # courses done since the last meeting (no competency)
    # activities done since whose topic the framework does not know (check's ML003)
    unplaced_done: tuple[PageItem, ...]
    open_agreements: tuple[Agreement, ...]  # of the last meeting
    earlier_overdue: tuple[OverdueAgreement, ...]  # open and past due, from meetings before it
    framework: Framework  # whose tips the reflection quotes
    reflection: Reflection | None  # None for a framework without tips


def open_agreements(summary: Summary) -> tuple[Agreement, ...]:
    """The agreements of the last meeting held that have no outcome yet. A version-1
    agreement is plain text and has none: every agreement of the last meeting is open until
    the next meeting records one."""
    meeting = summary.last_meeting
    return tuple(a for a in meeting.agreements if a.is_open) if meeting else ()


def earlier_overdue(summary: Summary) -> tuple[OverdueAgreement, ...]:
    """Open agreements past their due date from meetings before the last one (those of the
    last one are among :func:`open_agreements`)."""
    meeting = summary.last_meeting
    return tuple(
        a for a in summary.overdue_agreements if meeting is None or a.meeting < meeting.date
    )


def prepare(summary: Summary, fw: Framework) -> Preparation:
    """The sheet for a summary of a plan that validated (``summary.loaded``)."""
    if summary.coverage is None:
        raise ValueError("prepare() needs the summary of a plan that validated")  # a caller's bug
    done = summary.done_since
    competencies = tuple(
        CompetencyWork(c, tuple(i for i in done if i.competency == c.number))
        for c in summary.coverage.competencies
    )
    numbers = {c.number for c in summary.coverage.competencies}
    return Preparation(
        summary=summary,
        competencies=competencies,
        courses_done=tuple(i for i in done if i.kind == "course"),
        unplaced_done=tuple(
            i for i in done if i.kind == "activity" and i.competency not in numbers
        ),
        open_agreements=open_agreements(summary),
        earlier_overdue=earlier_overdue(summary),
        framework=fw,
        reflection=fw.reflection,
    )
