"""Training years, their calendar dates and their phase on the learning curve.

Pure functions over dates; every command that needs "which year is it" or "which phase
is year 3 in" asks here, so the spec's rule lives in one place.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

PhaseId = Literal["begin", "midden", "eind"]
# Where a day falls in the training: the one vocabulary of every output (JSON `state`)
TrainingState = Literal["not_started", "in_training", "finished"]
TRAINING_STATES: tuple[TrainingState, ...] = ("not_started", "in_training", "finished")


def parse_iso_date(text: str) -> dt.date | None:
    """A date written exactly as ``YYYY-MM-DD`` (the plan's format), else ``None``.

    Stricter than ``date.fromisoformat``, which also takes ``20261122`` and the week date
    ``2026-W47-1``: a date a user types should look like the dates in their plan.
    """
    value = text.strip()
    if not iso_shape(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:  # the right shape, but no such day (2025-02-30)
        return None


def iso_shape(text: str) -> bool:
    """Whether ``text`` has the form ``YYYY-MM-DD`` (digits and two dashes)."""
    return (
        len(text) == 10
        and text[4] == "-"
        and text[7] == "-"
        and (text[:4] + text[5:7] + text[8:]).isdigit()
    )


def year_count(years: float) -> int:
    """The number of training years, counting a partial last year: 4.5 -> 5."""
    return max(1, math.ceil(round(years, 6)))


def _fraction(years: float) -> Fraction:
    return Fraction(str(round(years, 6)))


@functools.lru_cache(maxsize=1024)  # exact Fractions are slow; few (year, years) pairs exist
def phase_of_year(year: int, years: float) -> PhaseId:
    """The phase in which the midpoint of training year ``year`` falls.

    The training is split in three equal parts; a partial last year's midpoint is the
    middle of what remains (4.5 years: year 5 covers 4 .. 4.5, midpoint 4.25).
    """
    total = _fraction(years)
    start = Fraction(year - 1)
    end = min(Fraction(year), total)
    midpoint = (start + end) / 2
    if midpoint < total / 3:
        return "begin"
    if midpoint < 2 * total / 3:
        return "midden"
    return "eind"


# Python's calendar, and so mlplan's, ends on 9999-12-31: a training must end by then
# (the plan's model checks it), and a command's window (``summary --months``) too.
LAST_DAY = dt.date.max


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, clamped to the month's end (31 Jan + 1 = 28/29 Feb).

    Raises :class:`OverflowError` when that is past :data:`LAST_DAY` (or before year 1).
    """
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise OverflowError(f"{day} + {months} months is outside the calendar")
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - 28 always exists


def training_months(years: float) -> int:
    return round(years * 12)


def _last_day(start: dt.date, months: int) -> dt.date:
    """The last day of a period of ``months`` from ``start``: the day before ``start``
    moved by ``months`` (which may itself be just past :data:`LAST_DAY`)."""
    if start.day == 1 and (start.year * 12 + start.month - 1 + months) == (dt.MAXYEAR + 1) * 12:
        return LAST_DAY
    return add_months(start, months) - dt.timedelta(days=1)


def training_end(start: dt.date, years: float) -> dt.date:
    """The last day of training; :class:`OverflowError` past :data:`LAST_DAY`."""
    return _last_day(start, training_months(years))


def fits(start: dt.date, years: float) -> bool:
    """Whether a training of ``years`` from ``start`` ends by :data:`LAST_DAY`."""
    try:
        training_end(start, years)
    except OverflowError:
        return False
    return True


@dataclass(frozen=True, slots=True)
class TrainingYear:
    number: int
    start: dt.date
    end: dt.date  # inclusive
    phase: PhaseId


@functools.lru_cache(maxsize=1024)  # rules, summary and year_at ask for the same plan's years
def training_years(start: dt.date, years: float) -> tuple[TrainingYear, ...]:
    """Every training year with its dates (the last one may be shorter) and phase."""
    months = training_months(years)
    return tuple(
        TrainingYear(
            n,
            add_months(start, 12 * (n - 1)),
            _last_day(start, min(12 * n, months)),
            phase_of_year(n, years),
        )
        for n in range(1, year_count(years) + 1)
    )


@dataclass(frozen=True, slots=True)
class Standing:
    """Where ``today`` falls in a training: not started, in one of its years, or finished."""

    state: TrainingState
    year: TrainingYear | None = None  # the training year, only when in training


def standing_at(start: dt.date, years: float, today: dt.date) -> Standing:
    """The one place that decides the training state of a day (``plan``, ``summary`` and
    the group overview all ask here)."""
    if today < start:
        return Standing("not_started")
    for ty in training_years(start, years):
        if ty.start <= today <= ty.end:
            return Standing("in_training", ty)
    return Standing("finished")


def year_at(start: dt.date, years: float, today: dt.date) -> int | None:
    """The training year ``today`` falls in; 0 before the start, ``None`` after the end."""
    standing = standing_at(start, years, today)
    if standing.year is not None:
        return standing.year.number
    return 0 if standing.state == "not_started" else None
