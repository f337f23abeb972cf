"""Proposing training years for activities along the learning curve.

Interface shared by ``init`` (issue 4) and ``add`` (issue 7); issue 4 owns the full
scheduler. ``propose_year`` is a pure function.
"""

from __future__ import annotations

import datetime as dt

from mlplan import timeline
from mlplan.timeline import PhaseId


def propose_year(phase: PhaseId | None, start: dt.date, years: float, today: dt.date) -> int:
    """A training year for one new activity: the first year of its suggested phase that
    is not already past, else the current year (or year 1 before the training starts)."""
    current = timeline.year_at(start, years, today)
    last = timeline.year_count(years)
    earliest = last if current is None else max(current, 1)
    for ty in timeline.training_years(start, years):
        if ty.number >= earliest and (phase is None or ty.phase == phase):
            return ty.number
    return min(earliest, last)
