"""Training years, their dates and phases: the spec's examples."""

from __future__ import annotations

import datetime as dt

import pytest

from mlplan.model.timeline import (
    add_months,
    phase_of_year,
    training_end,
    training_years,
    year_at,
    year_count,
)


@pytest.mark.parametrize(
    ("years", "phases"),
    [
        (5, ["begin", "begin", "midden", "eind", "eind"]),
        (4, ["begin", "midden", "midden", "eind"]),
        (4.5, ["begin", "midden", "midden", "eind", "eind"]),
        (6, ["begin", "begin", "midden", "midden", "eind", "eind"]),
    ],
)
def test_phases_of_the_spec(years: float, phases: list[str]) -> None:
    assert [phase_of_year(n, years) for n in range(1, year_count(years) + 1)] == phases


def test_fractional_training_has_a_short_last_year() -> None:
    years = training_years(dt.date(2025, 9, 1), 4.5)
    assert len(years) == 5
    assert (years[0].start, years[0].end) == (dt.date(2025, 9, 1), dt.date(2026, 8, 31))
    assert (years[4].start, years[4].end) == (dt.date(2029, 9, 1), dt.date(2030, 2, 28))
    assert training_end(dt.date(2025, 9, 1), 4.5) == dt.date(2030, 2, 28)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        ("2025-08-31", 0),
        ("2025-09-01", 1),
        ("2026-08-31", 1),
        ("2026-11-22", 2),
        ("2030-08-31", 5),
        ("2030-09-01", None),
    ],
)
def test_year_at(today: str, expected: int | None) -> None:
    assert year_at(dt.date(2025, 9, 1), 5, dt.date.fromisoformat(today)) == expected


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert add_months(dt.date(2023, 8, 31), 6) == dt.date(2024, 2, 29)


def test_the_calendar_ends_on_9999_12_31() -> None:
    from mlplan.model.timeline import LAST_DAY, fits

    assert dt.date(9999, 12, 31) == LAST_DAY
    # a training may end on the last day: its end is the day before 10000-01-01
    assert training_end(dt.date(9995, 1, 1), 5) == LAST_DAY
    assert training_years(dt.date(9995, 1, 1), 5)[-1].end == LAST_DAY
    assert fits(dt.date(9995, 1, 1), 5)
    assert not fits(dt.date(9995, 1, 2), 5)
    assert not fits(dt.date(9999, 12, 31), 0.5)
    with pytest.raises(OverflowError):
        training_end(dt.date(9999, 12, 31), 5)
    with pytest.raises(OverflowError):
        add_months(dt.date(9999, 12, 31), 1)
    with pytest.raises(OverflowError):
        add_months(dt.date(1, 1, 1), -1)
    assert add_months(dt.date(9999, 10, 31), 2) == LAST_DAY
