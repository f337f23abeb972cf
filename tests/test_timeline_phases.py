"""The phase of each training year (the spec's table), also when asked again (cached)."""

from __future__ import annotations

import pytest

from mlplan.model.timeline import phase_of_year

TABLE = {
    5: "begin begin midden eind eind",
    4: "begin midden midden eind",
    4.5: "begin midden midden eind eind",
    6: "begin begin midden midden eind eind",
}


@pytest.mark.parametrize("years", list(TABLE))
def test_phase_of_each_year_as_the_spec_says(years: float) -> None:
    expected = TABLE[years].split()
    for _ in range(2):  # the second round comes from the cache
        assert [phase_of_year(n, years) for n in range(1, len(expected) + 1)] == expected
