"""End positions in yamlloc's index: what the edit commands splice at."""

from __future__ import annotations

from mlplan.io import yamlloc
from mlplan.io.yamlloc import Position


def _span(text: str, pos: Position) -> str:
    """The text from a node's start to its end (both 1-based line/column)."""
    lines = text.splitlines(keepends=True)
    start = sum(len(x) for x in lines[: pos.line - 1]) + pos.column - 1
    end = sum(len(x) for x in lines[: pos.end_line - 1]) + pos.end_column - 1
    return text[start:end]


TEXT = (
    "name: Ånné é  # comment\n"
    "items:\n"
    "- topic: 'quoted'\n"
    "  empty:\n"
    "  block: |\n"
    "    literal\n"
    "\n"
    "  last: plain text\n"
    "  # trailing comment, not part of the item\n"
    "flow: [1, 2]\n"
    "nested:\n"
    "  -   a: 1\n"
    '      b: "two"\n'
)


def test_scalar_spans_are_the_value_text_only() -> None:
    doc = yamlloc.parse(TEXT, "t.yaml")
    assert _span(TEXT, doc.index[("name",)]) == "Ånné é"  # columns count characters
    assert _span(TEXT, doc.index[("items", 0, "topic")]) == "'quoted'"
    assert _span(TEXT, doc.index[("items", 0, "last")]) == "plain text"
    assert _span(TEXT, doc.index[("nested", 0, "b")]) == '"two"'


def test_empty_value_has_an_empty_span_on_its_key_line() -> None:
    doc = yamlloc.parse(TEXT, "t.yaml")
    pos = doc.index[("items", 0, "empty")]
    assert (pos.line, pos.end_line) == (4, 4)
    assert _span(TEXT, pos) == ""


def test_block_scalar_ends_at_the_start_of_the_next_content_line() -> None:
    doc = yamlloc.parse(TEXT, "t.yaml")
    pos = doc.index[("items", 0, "block")]
    assert (pos.end_line, pos.end_column) == (8, 1)


def test_block_collections_end_at_their_last_child_not_at_following_comments() -> None:
    doc = yamlloc.parse(TEXT, "t.yaml")
    assert _span(TEXT, doc.index[("items",)]).endswith("last: plain text")
    assert _span(TEXT, doc.index[("items", 0)]).endswith("last: plain text")
    assert _span(TEXT, doc.index[("nested", 0)]) == 'a: 1\n      b: "two"'


def test_flow_collections_include_their_brackets() -> None:
    doc = yamlloc.parse(TEXT, "t.yaml")
    assert _span(TEXT, doc.index[("flow",)]) == "[1, 2]"


def test_crlf_line_endings_give_the_same_positions() -> None:
    crlf = TEXT.replace("\n", "\r\n")
    lf_doc = yamlloc.parse(TEXT, "t.yaml")
    crlf_doc = yamlloc.parse(crlf, "t.yaml")
    assert crlf_doc.index == lf_doc.index


def test_existing_positions_are_unchanged() -> None:
    doc = yamlloc.parse(TEXT, "t.yaml")
    assert doc.position(("items", 0, "last")) == (8, 9)
    assert doc.position(("items", 0, "last"), key=True) == (8, 3)
    pos = doc.index[("items", 0, "last")]
    assert Position(pos.line, pos.column, pos.key_line, pos.key_column).end_line == 0
