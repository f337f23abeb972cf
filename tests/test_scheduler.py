"""The scheduler: learning curve, every year some work, nobody's year overloaded."""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlplan.domain.scheduler import (
    ChosenActivity,
    fair_share,
    first_open_year,
    propose_year,
    schedule,
)
from mlplan.io.loading import load_framework
from mlplan.model import timeline
from mlplan.model.timeline import Calendar, PhaseId


def _one_per_topic() -> list[ChosenActivity]:
    """The shipped framework's topics, each with its first example that has a phase
    (else its first example): 7 with a phase, 7 without."""
    items = []
    for _, topic in load_framework().topics():
        ex = next((a for a in topic.activities if a.phase), topic.activities[0])
        items.append(ChosenActivity(topic.id, ex.title, ex.phase))
    return items


def _loads(result: list[int]) -> Counter[int]:
    return Counter(result)


def _phase(year: int, years: float) -> PhaseId:
    return timeline.phase_of_year(year, years)


@pytest.mark.parametrize("years", [4, 4.5, 5, 6])
def test_one_per_topic_respects_the_curve_and_spreads(years: float) -> None:
    items = _one_per_topic()
    result = schedule(items, years)
    count = timeline.year_count(years)
    loads = _loads(result)
    assert sorted(loads) == list(range(1, count + 1)), "every year gets some work"
    assert max(loads.values()) == math.ceil(len(items) / count)
    assert max(loads.values()) - min(loads.values()) <= 1, loads
    order = ["begin", "midden", "eind"]
    moved = []
    for item, year in zip(items, result, strict=True):
        if item.phase:
            assert order.index(_phase(year, years)) >= order.index(item.phase), (item, year)
            if _phase(year, years) != item.phase:
                moved.append(item.topic)
    # the 3 begin-activities fit even the single begin year of 4.5 years (room for
    # ceil(14/5) = 3), so nothing moves past its phase
    assert moved == []


def test_five_years_exact_proposal() -> None:
    """Read and found right: begin-activities in years 1-2, midden in 3, three or two
    activities per year, the topics without a phase mixed over the years."""
    items = _one_per_topic()
    result = schedule(items, 5)
    by_topic = {item.topic: year for item, year in zip(items, result, strict=True)}
    assert by_topic == {
        "overlegmomenten": 5,  # Voorzitten MDO (eind)
        "organisatie": 1,
        "innovatie": 2,
        "patientveiligheid": 4,
        "financien": 3,  # midden
        "verandermanagement": 3,  # midden
        "doelmatigheid": 4,
        "persoonlijk-leiderschap": 1,  # Literatuurstudie (begin)
        "onderhandelen": 3,  # Dienstrooster samenstellen (midden)
        "incidenten-en-conflicten": 5,
        "leidinggeven-en-samenwerken": 1,
        "timemanagement": 2,  # begin
        "toekomstvisie": 2,  # begin
        "werk-en-prive": 4,
    }


def test_four_and_a_half_years_use_the_short_fifth_year() -> None:
    items = [ChosenActivity("t", f"a{i}", None) for i in range(10)]
    result = schedule(items, 4.5)
    assert _loads(result) == {1: 2, 2: 2, 3: 2, 4: 2, 5: 2}


def test_eind_activities_go_to_the_eind_years_of_four_and_a_half() -> None:
    # 4.5 years: 1 begin, 2-3 midden, 4-5 eind
    items = [
        ChosenActivity("t", "eind", "eind"),
        ChosenActivity("t", "begin", "begin"),
        ChosenActivity("t", "mid", "midden"),
    ]
    assert schedule(items, 4.5) == [4, 1, 2]


@pytest.mark.parametrize(
    ("phase", "years", "expected"),
    [
        # 5 years, 10 begin-activities: the begin years 1-2 fill up to the fair share (2),
        # the rest goes later (never earlier than the curve), nearest first
        ("begin", 5, {1: 2, 2: 2, 3: 2, 4: 2, 5: 2}),
        # 6 years, 12 eind-activities: eind years 5-6 hold their share; every other year
        # still needs work, so the latest years before the eind phase take it
        ("eind", 6, {1: 2, 2: 2, 3: 2, 4: 2, 5: 2, 6: 2}),
    ],
)
def test_all_activities_of_one_phase(
    phase: PhaseId, years: float, expected: dict[int, int]
) -> None:
    n = sum(expected.values())
    items = [ChosenActivity("t", f"a{i}", phase) for i in range(n)]
    result = schedule(items, years)
    assert _loads(result) == expected
    in_phase = [y for y in result if _phase(y, years) == phase]
    band = [y for y in range(1, timeline.year_count(years) + 1) if _phase(y, years) == phase]
    assert len(in_phase) == fair_share(n, timeline.year_count(years)) * len(band)


def test_all_begin_fewer_than_years_stay_early() -> None:
    # 3 begin-activities in 5 years: one year each; years 1-2 are begin, the third
    # goes to year 3 (the nearest later year), not to year 5
    items = [ChosenActivity("t", f"a{i}", "begin") for i in range(3)]
    assert schedule(items, 5) == [1, 2, 3]


def test_all_eind_fewer_than_years_stay_late() -> None:
    items = [ChosenActivity("t", f"a{i}", "eind") for i in range(3)]
    # 6 years: eind = 5-6; the third goes to year 4 (midden), the nearest earlier year
    assert sorted(schedule(items, 6)) == [4, 5, 6]


def test_fewer_activities_than_years_spread_out() -> None:
    items = [ChosenActivity("t", f"a{i}", None) for i in range(3)]
    # evenly spread over 6 years, in input order
    assert schedule(items, 6) == [2, 4, 6]
    assert schedule(items[:1], 5) == [3]


def test_past_years_are_not_used() -> None:
    items = _one_per_topic()
    result = schedule(items, 5, first_year=3)
    assert set(result) == {3, 4, 5}
    assert max(_loads(result).values()) == 5  # ceil(14 / 3)
    # begin-activities whose years are past go to the nearest open years; year 3
    # (midden) cannot hold all three beside the three midden-activities, so one moves
    # to 4, none to 5
    begin_years = [y for i, y in zip(items, result, strict=True) if i.phase == "begin"]
    assert sorted(begin_years) == [3, 3, 4]
    assert set(begin_years) == {3, 4}


def test_first_open_year() -> None:
    start = dt.date(2025, 9, 1)
    assert first_open_year(Calendar(start, 5), dt.date(2025, 1, 1)) == 1
    assert first_open_year(Calendar(start, 5), dt.date(2027, 10, 1)) == 3
    assert first_open_year(Calendar(start, 4.5), dt.date(2035, 1, 1)) == 5


def test_empty_and_bad_input() -> None:
    assert schedule([], 5) == []
    with pytest.raises(ValueError):
        schedule([ChosenActivity("t", "a")], 5, first_year=6)


def test_deterministic() -> None:
    items = _one_per_topic() * 2
    assert schedule(items, 4.5) == schedule(list(items), 4.5)


def test_propose_year_on_the_calendar() -> None:
    cal = Calendar(dt.date(2025, 9, 1), 5)
    assert propose_year("eind", cal, dt.date(2025, 9, 1)) == 4
    assert propose_year("begin", cal, dt.date(2028, 1, 1)) == 3
    assert propose_year(None, cal, dt.date(2024, 1, 1)) == 1


# -- properties ------------------------------------------------------------------------

phases = st.sampled_from(["begin", "midden", "eind", None])
durations = st.sampled_from([1, 2, 2.5, 3, 4, 4.5, 5, 5.5, 6, 7])


@st.composite
def plans(draw: st.DrawFn) -> tuple[list[ChosenActivity], float, int]:
    years = draw(durations)
    first = draw(st.integers(1, timeline.year_count(years)))
    chosen = draw(st.lists(phases, max_size=30))
    return [ChosenActivity("t", f"a{i}", p) for i, p in enumerate(chosen)], years, first


@settings(max_examples=150, deadline=None)
@given(plans())
def test_property_hard_limits(plan: tuple[list[ChosenActivity], float, int]) -> None:
    items, years, first = plan
    result = schedule(items, years, first_year=first)
    last = timeline.year_count(years)
    m = last - first + 1
    assert len(result) == len(items)
    assert all(first <= y <= last for y in result)
    loads = _loads(result)
    if items:
        assert max(loads.values()) <= math.ceil(len(items) / m)
    if len(items) >= m:
        assert set(loads) == set(range(first, last + 1)), "every year gets some work"


def _fits(items: list[ChosenActivity], years: float) -> bool:
    """Whether the years of each phase have room for that phase's activities and the
    activities without a phase can give every other year some work."""
    count = timeline.year_count(years)
    cap = fair_share(len(items), count)
    band = Counter(_phase(y, years) for y in range(1, count + 1))
    wanted = Counter(i.phase for i in items if i.phase)
    if any(band[p] == 0 or n > cap * band[p] for p, n in wanted.items()):
        return False
    if len(items) < count:
        return True
    covered = sum(min(n, band[p]) for p, n in wanted.items())
    return count - covered <= sum(1 for i in items if i.phase is None)


@settings(max_examples=150, deadline=None)
@given(plans())
def test_property_activity_lands_in_its_phase_when_there_is_room(
    plan: tuple[list[ChosenActivity], float, int],
) -> None:
    items, years, _ = plan
    result = schedule(items, years)
    if _fits(items, years):
        for item, year in zip(items, result, strict=True):
            if item.phase:
                assert _phase(year, years) == item.phase


@settings(max_examples=200, deadline=None)
@given(plans())
def test_property_earlier_than_the_curve_only_when_forced(
    plan: tuple[list[ChosenActivity], float, int],
) -> None:
    """An activity lands before its phase only when no move or swap could avoid it:
    every year of its phase or later is full (or taking it away would leave its year
    without work), and none of them holds an activity that would fit its year."""
    items, years, first = plan
    result = schedule(items, years, first_year=first)
    last = timeline.year_count(years)
    m = last - first + 1
    cap = fair_share(len(items), m)
    loads = _loads(result)
    order: list[PhaseId | None] = ["begin", "midden", "eind"]
    for item, year in zip(items, result, strict=True):
        if item.phase is None or order.index(_phase(year, years)) >= order.index(item.phase):
            continue
        later = [
            y
            for y in range(first, last + 1)
            if order.index(_phase(y, years)) >= order.index(item.phase)
        ]
        forced_to_stay = loads[year] == 1 and len(items) >= m
        for z in later:
            assert loads[z] == cap or forced_to_stay, (item, year, z, result)
            for other, other_year in zip(items, result, strict=True):
                if other_year == z:
                    fits_here = other.phase is None or order.index(other.phase) <= order.index(
                        _phase(year, years)
                    )
                    assert not fits_here, (item, year, other, z, result)


@settings(max_examples=60, deadline=None)
@given(plans())
def test_property_deterministic(plan: tuple[list[ChosenActivity], float, int]) -> None:
    items, years, first = plan
    assert schedule(items, years, first_year=first) == schedule(
        list(items), years, first_year=first
    )
