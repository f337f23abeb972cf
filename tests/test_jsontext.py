"""``jsontext.dumps`` writes the text ``json.dumps(..., ensure_ascii=False, indent=2)`` does."""

from __future__ import annotations

import enum
import json
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlplan.render import jsontext
from tests.conftest import examples


def standard(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()  # any code point: controls, quotes, backslashes, lone surrogates
)
keys = st.text() | st.integers() | st.floats() | st.booleans() | st.none()
data = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=5)
        | st.lists(inner, max_size=3).map(tuple)
        | st.dictionaries(keys, inner, max_size=5)
    ),
    max_leaves=40,
)


@settings(max_examples=examples(1500))
@given(data)
def test_drawn_data_encodes_as_the_standard_library_does(value: Any) -> None:
    assert jsontext.dumps(value) == standard(value)


class Colour(enum.StrEnum):
    RED = "rood"


class Count(enum.IntEnum):
    ONE = 1


@pytest.mark.parametrize(
    "value",
    [
        {},
        [],
        {"a": {}, "b": [], "c": [[], {}]},
        {"status": Colour.RED, Colour.RED: Count.ONE, "n": Count.ONE},
        {7: "zeven", 2.5: "x", True: "ja", False: "nee", None: "niets"},
        [math.nan, math.inf, -math.inf, -0.0, 1e300, 0.1],
        ("tuple", ("in", "tuple")),
        {"controls": "\x00\x1f\x7f\u2028 \"'\\ ✓ \udcff"},
    ],
)
def test_the_corner_cases_encode_alike(value: Any) -> None:
    assert jsontext.dumps(value) == standard(value)


def test_what_json_refuses_it_refuses_with_the_same_error() -> None:
    loop: list[Any] = []
    loop.append(loop)
    for bad in ({"x": object()}, {("a",): 1}, loop):
        with pytest.raises((TypeError, ValueError)) as ours:
            jsontext.dumps(bad)
        with pytest.raises((TypeError, ValueError)) as theirs:
            standard(bad)
        assert type(ours.value) is type(theirs.value)
        assert str(ours.value) == str(theirs.value)


def test_deep_data_that_json_takes_is_taken() -> None:
    deep: Any = "bodem"
    for _ in range(300):
        deep = [deep]
    assert jsontext.dumps(deep) == standard(deep)


def nested(data: Any, margin: str) -> str:
    """An item's text inside a larger document: every line after ``margin``."""
    return margin + standard(data).replace("\n", "\n" + margin)


@settings(max_examples=examples(500))
@given(data)
def test_an_item_laid_out_at_its_depth_is_the_item_indented(value: Any) -> None:
    assert jsontext.dumps(value, "    ") == nested(value, "    ")


def test_an_item_too_deep_for_the_fast_pass_is_indented_too() -> None:
    deep: Any = {"a": "b"}
    for _ in range(300):  # past _MAX_DEPTH: json.dumps writes it, then it is indented
        deep = [deep]
    assert jsontext.dumps(deep, "    ") == nested(deep, "    ")
