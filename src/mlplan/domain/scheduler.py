"""Proposing training years for activities along the learning curve.

Shared by ``init`` (issue 4) and ``add`` (issue 7). Both functions are pure:
``propose_year`` places one new activity in an existing plan, ``schedule`` places a
whole set of chosen activities at once (the wizard and ``init --no-input``).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

from mlplan.model import timeline
from mlplan.model.timeline import Calendar
from mlplan.model.vocabulary import PHASES, PhaseId


def propose_year(phase: PhaseId | None, cal: Calendar, today: dt.date) -> int:
    """A training year for one new activity: the first year of its suggested phase that
    is not already past, else the current year (or year 1 before the training starts)."""
    current = cal.year_at(today)
    last = cal.year_count
    earliest = last if current is None else max(current, 1)
    for ty in cal.training_years():
        if ty.number >= earliest and (phase is None or ty.phase == phase):
            return ty.number
    return min(earliest, last)


@dataclass(frozen=True, slots=True)
class ChosenActivity:
    """One chosen activity: its topic id, title and suggested phase (``None``: any)."""

    topic: str
    title: str
    phase: PhaseId | None = None


def open_years(cal: Calendar, today: dt.date) -> list[int]:
    """The training years not over at ``today``: the current one and those after it (all
    of them before the start, none after the end). A plan can still put work in these;
    ``check`` asks it of them (ML204) and asks the years before them to be done (ML202)."""
    return [ty.number for ty in cal.training_years() if ty.end >= today]


def first_open_year(cal: Calendar, today: dt.date) -> int:
    """The first training year that is not past at ``today``: year 1 before or in the
    first year, the current year during the training, the last year after it."""
    return next(iter(open_years(cal, today)), cal.year_count)


def fair_share(count: int, years: int) -> int:
    """The most activities one year may hold: ``ceil(count / years)`` (at least 1)."""
    return max(1, math.ceil(count / years))


def schedule(items: Sequence[ChosenActivity], years: float, *, first_year: int = 1) -> list[int]:
    """Propose a training year for every item, in the items' order.

    The rule, with ``Y = ceil(years)`` training years of which the years
    ``first_year .. Y`` are used (``m`` of them; earlier years are past) and ``n`` items:

    1. **Fair share** (hard): no year holds more than ``ceil(n / m)`` items.
    2. **Every year some work** (hard, when ``n >= m``): every used year holds at least
       one item. With fewer items than years, each item gets a year of its own.
    3. **Learning curve**: within 1 and 2, as few items as possible land in a year whose
       phase (``timeline.phase_of_year``) comes *before* their suggested phase (that is
       what ``check`` warns about, ML200), counted in phase steps; then as few as possible
       land in a year whose phase comes *after* theirs, again in phase steps; an item
       that must leave its phase goes to the nearest such year. Items without a phase
       fit every year. So, when the years of each phase have room for that phase's items,
       every item with a phase lands in a year of its phase.
    4. **Balance**: then the loads are as level as possible (the sum of squared loads is
       minimal).
    5. **Spread**: then the k-th item without a phase (0-based, in input order) goes as
       near as possible to its own target year: ``first_year + k mod m`` when there are at
       least ``m`` such items (each year gets a mix of topics), otherwise the evenly spread
       ``first_year + floor((2k + 1) * m / (2 * count))``.
    6. Any remaining tie gives the earlier item the earlier year.

    The levels are strict: a later level never trades away an earlier one. The result
    is computed exactly (a minimum-cost assignment of items to the years' slots), so it
    is deterministic: the same input always gives the same years.
    """
    n = len(items)
    last = timeline.year_count(years)
    if not 1 <= first_year <= last:
        raise ValueError(f"first_year {first_year} outside 1..{last}")
    if n == 0:
        return []
    used = list(range(first_year, last + 1))
    m = len(used)
    cap = fair_share(n, m)
    phase_index = {y: PHASES.index(timeline.phase_of_year(y, years)) for y in used}
    targets = _spread_targets(items, used)

    # Per-item costs at each level; the weights make the levels lexicographic.
    def early(item: ChosenActivity, y: int) -> int:
        if item.phase is None:
            return 0
        return max(0, PHASES.index(item.phase) - phase_index[y])

    def late(item: ChosenActivity, y: int) -> int:
        if item.phase is None:
            return 0
        return max(0, phase_index[y] - PHASES.index(item.phase))

    def nearness(item: ChosenActivity, y: int) -> int:
        # among off-phase years, prefer the nearest: the latest of the earlier years,
        # the earliest of the later ones
        if early(item, y):
            return last - y
        if late(item, y):
            return y - first_year
        return 0

    def spread(i: int, y: int) -> int:
        target = targets[i]
        return 0 if target is None else abs(y - target)

    # Each level's weight exceeds the largest total of all the levels below it.
    w_order = 1
    w_spread = w_order * (n * n * m + 1)
    w_balance = w_spread * (n * m + 1)
    w_near = w_balance * (n * cap + 1)
    w_late = w_near * (n * m + 1)
    w_early = w_late * (2 * n + 1)
    bonus = w_early * (2 * n + 1) if n >= m else 0

    slots = [(y, k) for y in used for k in range(cap)]
    cost = [
        [
            early(item, y) * w_early
            + late(item, y) * w_late
            + nearness(item, y) * w_near
            + k * w_balance
            + spread(i, y) * w_spread
            + (y - first_year) * (n - i) * w_order
            - (bonus if k == 0 else 0)
            for (y, k) in slots
        ]
        for i, item in enumerate(items)
    ]
    assignment = _min_cost_assignment(cost)
    return [slots[j][0] for j in assignment]


def _spread_targets(items: Sequence[ChosenActivity], used: list[int]) -> list[int | None]:
    free = [i for i, item in enumerate(items) if item.phase is None]
    m = len(used)
    count = len(free)
    targets: list[int | None] = [None] * len(items)
    for k, i in enumerate(free):
        offset = k % m if count >= m else (2 * k + 1) * m // (2 * count)
        targets[i] = used[0] + offset
    return targets


def _min_cost_assignment(cost: list[list[int]]) -> list[int]:
    """For each row, its column in a minimum-cost assignment (rows <= columns).

    The Hungarian method with potentials (O(rows² · columns)); exact on integers.
    """
    rows = len(cost)
    cols = len(cost[0])
    inf = (sum(abs(c) for row in cost for c in row) + 1) * (rows + 2)
    u = [0] * (rows + 1)
    v = [0] * (cols + 1)
    owner = [0] * (cols + 1)  # owner[j]: the row (1-based) holding column j; 0 = free
    way = [0] * (cols + 1)
    for i in range(1, rows + 1):
        owner[0] = i
        j0 = 0
        minv = [inf] * (cols + 1)
        done = [False] * (cols + 1)
        while True:
            done[j0] = True
            i0 = owner[j0]
            delta = inf
            j1 = 0
            for j in range(1, cols + 1):
                if not done[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j] = cur
                        way[j] = j0
                    if minv[j] < delta:
                        delta = minv[j]
                        j1 = j
            for j in range(cols + 1):
                if done[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while True:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
            if j0 == 0:
                break
    result = [0] * rows
    for j in range(1, cols + 1):
        if owner[j]:
            result[owner[j] - 1] = j - 1
    return result
