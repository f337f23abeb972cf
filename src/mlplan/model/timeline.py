"""Training years, their calendar dates and their phase on the learning curve.

Pure functions over dates; every command that needs "which year is it" or "which phase
is year 3 in" asks here, so the spec's rule lives in one place.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from fractions import Fraction
from typing import Literal, NamedTuple

from mlplan.model.vocabulary import PhaseId as PhaseId  # importable from here, as before

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


def months_between(earlier: dt.date, later: dt.date) -> int:
    """Whole months from ``earlier`` to ``later`` (as :func:`add_months` counts them)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if add_months(earlier, months) > later:
        months -= 1
    return months


def training_months(years: float) -> int:
    return round(years * 12)


def training_end(start: dt.date, years: float) -> dt.date:
    """``Calendar.end`` for a full-time training; :class:`OverflowError` past
    :data:`LAST_DAY`."""
    return Calendar(start, years).end


def fits(start: dt.date, years: float) -> bool:
    """Whether a full-time training of ``years`` from ``start`` ends by :data:`LAST_DAY`;
    a plan's own is ``Calendar.fits``."""
    return Calendar(start, years).fits


# The calendar's records are named tuples, not frozen dataclasses: every ``check`` defines
# them while it starts (five dataclasses took 2 ms of it, five named tuples a tenth).


class TrainingYear(NamedTuple):
    number: int
    start: dt.date
    end: dt.date  # inclusive
    phase: PhaseId


class Standing(NamedTuple):
    """Where ``today`` falls in a training: not started, in one of its years, or finished."""

    state: TrainingState
    year: TrainingYear | None = None  # the training year, only when in training


class PartTime(NamedTuple):
    """A period in which the aios works ``percent`` of a full-time week."""

    start: dt.date
    end: dt.date | None  # inclusive; ``None``: until further notice
    percent: int

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


class Interruption(NamedTuple):
    """A period in which no training time accrues (pregnancy, illness, leave, …)."""

    start: dt.date
    end: dt.date  # inclusive
    reason: str

    def covers(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


class Calendar(NamedTuple):
    """The one calendar of a training: which real days belong to which training year.

    Training time accrues day by day: a full day at 100 %, ``percent`` of a day in a
    part-time period and nothing during an interruption. A *full-time year* is what the
    full-time calendar gives it (year k ends ``12 k`` months after ``start``), counted in
    days; training year ``k`` starts on the first day on which ``k - 1`` full-time years
    have accrued, and the training ends the day before ``years`` have. Without part-time
    periods and interruptions this is the full-time calendar itself, date for date.
    """

    start: dt.date
    years: float
    part_time: tuple[PartTime, ...] = ()
    interruptions: tuple[Interruption, ...] = ()

    @property
    def year_count(self) -> int:
        return year_count(self.years)

    @property
    def end(self) -> dt.date:
        """The last day of training; :class:`OverflowError` past :data:`LAST_DAY`."""
        return self.training_years()[-1].end

    @property
    def fits(self) -> bool:
        """Whether the training ends by :data:`LAST_DAY` (part-time work and interruptions
        included): every date mlplan works out for it exists."""
        try:
            self.training_years()
        except OverflowError:
            return False
        return True

    @property
    def individual(self) -> bool:
        """Whether part-time work or an interruption moves any date."""
        return any(p.percent != 100 for p in self.part_time) or bool(self.interruptions)

    def rate(self, day: dt.date) -> int:
        """The percent of a day that ``day`` adds to training time. Overlapping part-time
        periods are a plan error (ML002); the first one listed counts."""
        return self._rate_on(day.toordinal())

    def _rate_on(self, day: int) -> int:
        # by ordinal: the day after an end on LAST_DAY has no date but still a rate
        if any(i.start.toordinal() <= day <= i.end.toordinal() for i in self.interruptions):
            return 0
        return next(
            (
                p.percent
                for p in self.part_time
                if p.start.toordinal() <= day and (p.end is None or day <= p.end.toordinal())
            ),
            100,
        )

    def training_years(self) -> tuple[TrainingYear, ...]:
        """Every training year with its dates (the last one may be shorter) and phase."""
        return _calendar_years(self)

    def standing_at(self, today: dt.date) -> Standing:
        """The one place that decides the training state of a day (``plan``, ``summary``,
        the group overview and ``check`` all ask here)."""
        if today < self.start:
            return Standing("not_started")
        for ty in self.training_years():
            if ty.start <= today <= ty.end:
                return Standing("in_training", ty)
        return Standing("finished")

    def year_at(self, today: dt.date) -> int | None:
        """The training year ``today`` falls in; 0 before the start, ``None`` after the end."""
        standing = self.standing_at(today)
        if standing.year is not None:
            return standing.year.number
        return 0 if standing.state == "not_started" else None

    def phase_of_year(self, year: int) -> PhaseId:
        """The phase of training year ``year``: it is measured in training time, so the
        calendar does not move it."""
        return phase_of_year(year, self.years)

    def _day_reached(self, full_time_days: int) -> int:
        """The first day (an ordinal, which may lie just past :data:`LAST_DAY`) at whose
        start ``full_time_days`` days of training time have accrued; rounded up, so a year
        is never over before all of it has accrued."""
        need = 100 * full_time_days  # in percent-days: exact integer arithmetic
        first = self.start.toordinal()
        edges = sorted(
            {first}
            | {o for p in self.part_time if (o := p.start.toordinal()) > first}
            | {o + 1 for p in self.part_time if p.end and (o := p.end.toordinal()) >= first}
            | {o for i in self.interruptions if (o := i.start.toordinal()) > first}
            | {o + 1 for i in self.interruptions if (o := i.end.toordinal()) >= first}
        )
        accrued = 0
        for here, following in zip(edges, [*edges[1:], None], strict=True):
            rate = self._rate_on(here)  # constant from one edge to the next
            if accrued >= need:
                return here
            if rate and (following is None or accrued + rate * (following - here) >= need):
                return here - (-(need - accrued) // rate)
            if following is None:  # pragma: no cover - the last stretch is never interrupted
                raise ValueError("training time never accrues")
            accrued += rate * (following - here)
        raise AssertionError("unreachable")  # pragma: no cover


def _months_later(day: dt.date, months: int) -> int:
    """The ordinal of ``add_months(day, months)``, also for the 1st of January 10000, the
    day after :data:`LAST_DAY` (a period that ends on the last day starts again there)."""
    if day.year * 12 + day.month - 1 + months == (dt.MAXYEAR + 1) * 12 and day.day == 1:
        return LAST_DAY.toordinal() + 1
    return add_months(day, months).toordinal()


def _date(ordinal: int) -> dt.date:
    if ordinal > LAST_DAY.toordinal():
        raise OverflowError(f"day {ordinal} is after {LAST_DAY}")
    return dt.date.fromordinal(ordinal)


@functools.lru_cache(maxsize=1024)  # rules, summary and year_at ask for the same plan's years
def _calendar_years(cal: Calendar) -> tuple[TrainingYear, ...]:
    months = training_months(cal.years)

    def boundary(full_time_months: int) -> int:
        later = _months_later(cal.start, full_time_months)
        return cal._day_reached(later - cal.start.toordinal())

    return tuple(
        TrainingYear(
            n,
            _date(boundary(12 * (n - 1))),
            _date(boundary(min(12 * n, months)) - 1),
            phase_of_year(n, cal.years),
        )
        for n in range(1, year_count(cal.years) + 1)
    )


def training_years(start: dt.date, years: float) -> tuple[TrainingYear, ...]:
    """The years of a full-time training; a plan's own calendar is ``Calendar``."""
    return Calendar(start, years).training_years()


def standing_at(start: dt.date, years: float, today: dt.date) -> Standing:
    """``Calendar.standing_at`` for a full-time training."""
    return Calendar(start, years).standing_at(today)


def year_at(start: dt.date, years: float, today: dt.date) -> int | None:
    """``Calendar.year_at`` for a full-time training."""
    return Calendar(start, years).year_at(today)
