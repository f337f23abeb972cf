"""Rendering helpers of ``render/summary.py`` that the end-to-end tests cannot pin down."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from mlplan.domain.summary import TalkingPoint
from mlplan.i18n import set_language
from mlplan.render.summary import talking_point_text, to_json, with_json_list

# JSON values as a page can hold them: text with line breaks, quotes and non-ASCII
# characters, numbers, nulls, and empty or nested lists and objects
leaves = st.none() | st.booleans() | st.integers() | st.text(alphabet=st.characters())
values = st.recursive(
    leaves,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


@given(
    head=st.dictionaries(st.text(), values, min_size=1, max_size=4),
    items=st.lists(values, min_size=1, max_size=5),
)
def test_a_list_of_encoded_items_gives_the_same_text_as_encoding_it_whole(
    head: dict[str, Any], items: list[Any]
) -> None:
    head.pop("plans", None)
    expected = to_json(head | {"plans": items})
    assert with_json_list(head, "plans", [to_json(item) for item in items]) == expected


def test_a_group_in_json_keeps_its_shape() -> None:
    text = with_json_list({"today": "2026-11-22"}, "plans", [to_json({"a": [1, "x\ny"]})])
    assert text == (
        '{\n  "today": "2026-11-22",\n  "plans": [\n    {\n      "a": [\n        1,\n'
        '        "x\\ny"\n      ]\n    }\n  ]\n}'
    )


def _check_point(errors: int, warnings: int) -> TalkingPoint:
    params = {"errors": errors, "warnings": warnings}
    nouns = {"errors": "count.errors", "warnings": "count.warnings"}
    return TalkingPoint("check", "summary.tp.check", params, nouns)


def test_talking_points_word_their_counts() -> None:
    text = talking_point_text

    more = TalkingPoint(
        "overdue", "summary.tp.overdue_more", {"count": 1}, {"count": "count.overdue"}
    )
    assert text(more) == "En nog 1 achterstallige activiteit of cursus; zie Achterstallig."
    assert text(_check_point(1, 0)) == (
        "mlplan check meldt nog 1 fout en 0 waarschuwingen die hierboven niet genoemd zijn;"
        " zie Controle."
    )
    set_language("en")
    assert text(more) == "Plus 1 overdue activity or course; see Overdue."
    assert text(_check_point(0, 2)) == (
        "mlplan check also reports 0 errors and 2 warnings not named above; see Check."
    )
