"""The overdrachtsdocument, as data: pure functions, no I/O.

When an aios moves to another opleider, the opleider must write an overdrachtsdocument
that becomes part of the portfolio (seed 004). ``mlplan handover`` makes the leadership
part of it from the plan: the aios, the training and where it stands, what was done (with
date and evidence), what is open and planned, coverage, courses, improvement points, the
meetings with the agreements still open, and check's status.

Nothing is worked out here that ``overview`` (the plan as ``mlplan plan`` shows it) or
``summary`` (the opleider's page: position, overdue, the last meeting's agreements) already
answers; this module selects from both. Laid out by ``render/pages/handover.py``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mlplan.domain import overview
from mlplan.domain.checking import CheckedPlan
from mlplan.domain.overview import ActivityView, Overview
from mlplan.domain.prepare import open_agreements
from mlplan.domain.summary import Agreement, Summary, summarise
from mlplan.model.framework import Framework
from mlplan.model.plan import Status


@dataclass(frozen=True, slots=True)
class Handover:
    overview: Overview
    summary: Summary
    to: str | None  # the opleider who takes over (``--to``)
    done: tuple[ActivityView, ...]  # done, oldest first; undated ones last, in plan order
    open: tuple[ActivityView, ...]  # planned or in progress, by year, then plan order
    dropped: tuple[ActivityView, ...]
    overdue: frozenset[int]  # numbers of the open activities that are overdue (summary's)
    open_agreements: tuple[Agreement, ...]  # of the last meeting held

    @property
    def today(self) -> dt.date:
        return self.summary.today


def build(checked: CheckedPlan, fw: Framework, today: dt.date, to: str | None = None) -> Handover:
    """The document of a plan that validated (``checked.plan`` is not ``None``)."""
    view = overview.build(checked, fw, today)
    page = summarise(checked, fw, today)
    acts = view.activities
    last = dt.date.max
    return Handover(
        overview=view,
        summary=page,
        to=to,
        done=tuple(
            sorted(
                (a for a in acts if a.activity.status is Status.DONE),
                key=lambda a: (a.activity.done_on or last, a.number),
            )
        ),
        open=tuple(
            sorted(
                (a for a in acts if a.activity.status in (Status.PLANNED, Status.IN_PROGRESS)),
                key=lambda a: (a.activity.year, a.number),
            )
        ),
        dropped=tuple(a for a in acts if a.activity.status is Status.DROPPED),
        # the summary's items count from 0, as the file does; the overview's from 1
        overdue=frozenset(i.index + 1 for i in page.overdue if i.kind == "activity"),
        open_agreements=open_agreements(page),
    )
