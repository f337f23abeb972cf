"""editing.py: splice edits into a plan's text; everything else stays byte for byte."""

from __future__ import annotations

import datetime as dt
import difflib

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mlplan.domain import checking
from mlplan.io import editing, yamlloc
from mlplan.io.editing import Append, Refusal, SetKeys
from mlplan.io.loading import load_framework
from mlplan.model import fields
from tests.conftest import examples

TODAY = dt.date(2026, 11, 22)

HEADER = """\
# yaml-language-server: $schema=./mlplan-plan.schema.json
version: 1
aios:
  name: Zoë Çelik-Ørsted   # non-ASCII name
training: {start: 2025-09-01, years: 5}
"""

# comments everywhere: above, beside and below keys, inside items, after the lists
COMMENTED = (
    HEADER
    + """\
# the activities
activities:   # list comment
  # first item comment
  - topic: overlegmomenten  # topic comment
    title: "Voorzitten overdracht"
    year: 1
    # between keys
    goal: 'structureert'
  - topic: organisatie
    title: Organiseren onderwijs, symposium
    year: 2   # year comment
    status: in_progress
    notes: >
      folded
      text
    # comment under the last item
  # comment at list level

meetings:
  - date: 2025-10-15
    kind: introductie
    agreements:
    - Coach-the-co volgen
# trailing comment
"""
)


def diff(old: str, new: str) -> list[str]:
    """Hunk headers and changed lines only (no context): exactly what changed where."""
    return [
        line
        for line in difflib.unified_diff(
            editing.split_lines(old), editing.split_lines(new), n=0, lineterm=""
        )
        if not line.startswith(("---", "+++"))
    ]


def data(text: str) -> object:
    return yamlloc.parse(text.removeprefix(editing.BOM), "t").data


# -- emitting scalars ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "emitted"),
    [
        ("KPB voorzitten overdracht", "KPB voorzitten overdracht"),
        ("Zoë Ørsted", "Zoë Ørsted"),
        ("360°-feedback besproken", "360°-feedback besproken"),
        ("no", "'no'"),
        ("on", "'on'"),
        ("010", "'010'"),
        ("1e3", "'1e3'"),
        ("2025-01-01", "'2025-01-01'"),
        ("null", "'null'"),
        ("a: b", "'a: b'"),
        ("#hashtag", "'#hashtag'"),
        ("KPB #2", "'KPB #2'"),
        ("- item", "'- item'"),
        ("it's", "it's"),
        ("'quoted'", "'''quoted'''"),
        ("two\nlines", '"two\\nlines"'),
        ("", "''"),
    ],
)
def test_emit_text_quotes_only_what_yaml_would_misread(value: str, emitted: str) -> None:
    assert editing.emit_text(value) == emitted


@settings(max_examples=examples(400))
@given(st.text())
def test_emitted_text_reads_back_as_the_same_string(value: str) -> None:
    emitted = editing.emit_text(value)
    for wrapper in ("key: {}\n", "- key: {}\n  other: 1\n", "list:\n  - {}\n"):
        text = wrapper.format(emitted)
        doc = yamlloc.parse(text, "t")
        assert not doc.diagnostics, (text, doc.diagnostics)
        found = doc.data["key"] if isinstance(doc.data, dict) and "key" in doc.data else None
        if found is None:
            found = doc.data[0]["key"] if isinstance(doc.data, list) else doc.data["list"][0]
        assert found == value
        # and a standard YAML reader (with dates and YAML 1.1 booleans) agrees
        standard = yaml.safe_load(text)
        assert standard == doc.data


def test_emit_dates_and_numbers() -> None:
    assert editing.emit(dt.date(2026, 3, 1)) == "2026-03-01"
    assert editing.emit(3) == "3"


# -- setting keys ----------------------------------------------------------------------


def test_done_on_a_commented_plan_inserts_keys_after_their_predecessors() -> None:
    new = editing.apply(
        COMMENTED,
        SetKeys(
            ("activities", 0),
            {"status": "done", "done_on": dt.date(2026, 11, 20), "evidence": "KPB"},
        ),
    )
    assert diff(COMMENTED, new) == [
        "@@ -13,0 +14,3 @@",
        "+    status: done",
        "+    done_on: 2026-11-20",
        "+    evidence: KPB",
    ]


def test_replacing_a_value_keeps_its_trailing_comment() -> None:
    new = editing.apply(COMMENTED, SetKeys(("activities", 1), {"year": 3}))
    assert diff(COMMENTED, new) == [
        "@@ -16 +16 @@",
        "-    year: 2   # year comment",
        "+    year: 3   # year comment",
    ]


def test_existing_key_is_replaced_in_place_and_new_key_follows_it() -> None:
    new = editing.apply(
        COMMENTED, SetKeys(("activities", 1), {"status": "done", "evidence": "verslag: ja"})
    )
    assert diff(COMMENTED, new) == [
        "@@ -17 +17,2 @@",
        "-    status: in_progress",
        "+    status: done",
        "+    evidence: 'verslag: ja'",
    ]


def test_unchanged_value_keeps_its_quoting() -> None:
    new = editing.apply(COMMENTED, SetKeys(("activities", 0), {"title": "Voorzitten overdracht"}))
    assert new == COMMENTED


def test_a_key_without_value_gets_one() -> None:
    text = HEADER + "activities:\n  - topic: innovatie\n    title: EPD\n    year: 3\n    goal:\n"
    new = editing.apply(text, SetKeys(("activities", 0), {"year": 4}))
    new = editing.apply(new, SetKeys(("activities", 0), {"goal": "leert"}))
    assert diff(text, new) == [
        "@@ -9,2 +9,2 @@",
        "-    year: 3",
        "-    goal:",
        "+    year: 4",
        "+    goal: leert",
    ]


def test_new_key_follows_the_key_before_it_in_the_specs_order() -> None:
    new = editing.apply(COMMENTED, SetKeys(("activities", 1), {"phase": "eind"}))
    assert diff(COMMENTED, new) == ["@@ -16,0 +17 @@", "+    phase: eind"]


def test_key_after_a_block_scalar_goes_below_its_text() -> None:
    text = (
        HEADER
        + "activities:\n  - topic: a\n    title: b\n    year: 1\n    goal: |\n      lit\n\n  # next\n"
    )
    new = editing.apply(text, SetKeys(("activities", 0), {"status": "done"}))
    assert diff(text, new) == ["@@ -11,0 +12 @@", "+    status: done"]
    kept = text.replace("goal: |", "goal: |+")  # here the blank line is part of the value
    new = editing.apply(kept, SetKeys(("activities", 0), {"status": "done"}))
    assert diff(kept, new) == ["@@ -12,0 +13 @@", "+    status: done"]


# -- appending items -------------------------------------------------------------------


def test_append_activity_keeps_the_comments_under_the_last_item_with_it() -> None:
    item = {"topic": "innovatie", "title": "EPD-project", "year": 3}
    new = editing.apply(COMMENTED, Append("activities", item))
    assert diff(COMMENTED, new) == [
        "@@ -21,0 +22,3 @@",
        "+  - topic: innovatie",
        "+    title: EPD-project",
        "+    year: 3",
    ]


def test_append_meeting_matches_the_nested_list_style_of_the_file() -> None:
    item: dict[str, editing.Value] = {
        "date": dt.date(2026, 11, 22),
        "kind": "voortgang",
        "notes": "Op schema",
        "agreements": ["DOO leiderschap", "yes"],
    }
    new = editing.apply(COMMENTED, Append("meetings", item))
    assert diff(COMMENTED, new) == [
        "@@ -28,0 +29,6 @@",
        "+  - date: 2026-11-22",
        "+    kind: voortgang",
        "+    notes: Op schema",
        "+    agreements:",
        "+    - DOO leiderschap",
        "+    - 'yes'",
    ]


FOUR_SPACES = (
    HEADER.replace("  name", "    name")
    + """\
activities:
    -   topic: overlegmomenten
        title: Voorzitten overdracht
        year: 1
"""
)

INDENTLESS = (
    HEADER
    + """\
activities:
- topic: overlegmomenten
  title: Voorzitten overdracht
  year: 1
"""
)


def test_four_space_indentation_and_wide_dashes_are_matched() -> None:
    new = editing.apply(FOUR_SPACES, Append("activities", {"topic": "a", "title": "b", "year": 2}))
    assert diff(FOUR_SPACES, new) == [
        "@@ -9,0 +10,3 @@",
        "+    -   topic: a",
        "+        title: b",
        "+        year: 2",
    ]
    new = editing.apply(FOUR_SPACES, SetKeys(("activities", 0), {"status": "done"}))
    assert diff(FOUR_SPACES, new) == ["@@ -9,0 +10 @@", "+        status: done"]


def test_dashes_not_indented_are_matched() -> None:
    new = editing.apply(INDENTLESS, Append("activities", {"topic": "a", "title": "b", "year": 2}))
    assert diff(INDENTLESS, new) == [
        "@@ -9,0 +10,3 @@",
        "+- topic: a",
        "+  title: b",
        "+  year: 2",
    ]
    # a new meetings list follows the file's own list style
    meeting: dict[str, editing.Value] = {"date": dt.date(2026, 1, 5), "kind": "voortgang"}
    new = editing.apply(INDENTLESS, Append("meetings", meeting))
    assert diff(INDENTLESS, new) == [
        "@@ -9,0 +10,4 @@",
        "+",
        "+meetings:",
        "+- date: 2026-01-05",
        "+  kind: voortgang",
    ]


def test_missing_list_is_created_at_the_end_of_a_file_without_final_newline() -> None:
    text = HEADER.rstrip("\n")
    new = editing.apply(text, Append("activities", {"topic": "a", "title": "b", "year": 1}))
    assert new == text + "\n\nactivities:\n  - topic: a\n    title: b\n    year: 1\n"


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("activities: []  # none yet", "activities:  # none yet"),
        ("activities: ~  # none yet", "activities:  # none yet"),
        ("activities:  # none yet", "activities:  # none yet"),
        ("activities: []", "activities:"),
    ],
)
def test_empty_list_is_filled_keeping_the_comment_on_its_line(line: str, kept: str) -> None:
    text = HEADER + line + "\ncourses: []\n"
    new = editing.apply(text, Append("activities", {"topic": "a", "title": "b", "year": 1}))
    assert new == HEADER + kept + "\n  - topic: a\n    title: b\n    year: 1\ncourses: []\n"


# -- line endings, BOM ---------------------------------------------------------------------


def test_crlf_and_bom_are_preserved() -> None:
    text = editing.BOM + COMMENTED.replace("\n", "\r\n")
    new = editing.apply(text, SetKeys(("activities", 0), {"status": "done"}))
    new = editing.apply(new, Append("activities", {"topic": "a", "title": "b", "year": 1}))
    new = editing.apply(new, Append("meetings", {"date": dt.date(2026, 1, 5), "kind": "voortgang"}))
    assert new.startswith(editing.BOM) and new.count(editing.BOM) == 1
    assert new.count("\n") == new.count("\r\n")
    plain = editing.apply(COMMENTED, SetKeys(("activities", 0), {"status": "done"}))
    plain = editing.apply(plain, Append("activities", {"topic": "a", "title": "b", "year": 1}))
    plain = editing.apply(
        plain, Append("meetings", {"date": dt.date(2026, 1, 5), "kind": "voortgang"})
    )
    assert new == editing.BOM + plain.replace("\n", "\r\n")


# -- refusals --------------------------------------------------------------------------------


def test_flow_style_list_is_refused_with_the_yaml_to_paste() -> None:
    text = HEADER + "activities: [{topic: a, title: b, year: 1}]\n"
    with pytest.raises(Refusal) as caught:
        editing.apply(text, Append("activities", {"topic": "c", "title": "d", "year": 2}))
    assert caught.value.key == "edit.refuse.flow_list"
    assert caught.value.snippet == "{topic: c, title: d, year: 2}\n" and caught.value.adds_item
    agreements = Append(
        "activities", {"topic": "c", "title": "d, e: [f]", "agreements": ["x, y", "z"]}
    )
    with pytest.raises(Refusal) as caught:
        editing.apply(text, agreements)
    assert caught.value.snippet == "{topic: c, title: 'd, e: [f]', agreements: ['x, y', z]}\n"
    with pytest.raises(Refusal) as caught:
        editing.apply(text, SetKeys(("activities", 0), {"status": "done"}))
    assert caught.value.key == "edit.refuse.flow"
    # the whole item with the change, to put in its place in the flow list
    assert caught.value.snippet == "{topic: a, title: b, year: 1, status: done}\n"
    assert caught.value.replaces and caught.value.loc == ("activities", 0)


def test_flow_style_activity_in_a_block_list_gets_a_block_item_at_its_dash_column() -> None:
    text = (
        HEADER + "activities:\n    - topic: x\n      title: y\n      year: 1\n"
        "    - {topic: a, title: 'b, c', year: 1, status: done, done_on: 2026-01-02}\n"
    )
    with pytest.raises(Refusal) as caught:
        editing.apply(text, SetKeys(("activities", 1), {"status": "planned"}, ("done_on",)))
    assert caught.value.key == "edit.refuse.flow" and caught.value.replaces
    assert caught.value.snippet == (
        "    - topic: a\n      title: 'b, c'\n      year: 1\n      status: planned\n"
    )
    pasted = text.replace(text.splitlines(keepends=True)[-1], caught.value.snippet)
    assert yaml.safe_load(pasted)["activities"][1] == {
        "topic": "a",
        "title": "b, c",
        "year": 1,
        "status": "planned",
    }


def test_keys_to_paste_are_indented_like_the_mapping() -> None:
    text = HEADER + "activities:\n  - topic: a\n    title: b\n    status: &s planned\n"
    with pytest.raises(Refusal) as caught:
        editing.apply(text, SetKeys(("activities", 0), {"status": "done", "done_on": "x"}))
    assert caught.value.key == "edit.refuse.value" and not caught.value.replaces
    assert caught.value.snippet == "    status: done\n    done_on: x\n"


def test_removing_keys_takes_their_lines_and_keeps_everything_else() -> None:
    text = (
        HEADER + "activities:\n  - topic: a  # mine\n    title: b\n    status: done\n"
        "    done_on: 2026-01-02   # the day\n    # about the evidence\n"
        "    evidence: |\n      KPB\n      en verslag\n    notes: n\n"
    )
    new = editing.apply(
        text, SetKeys(("activities", 0), {"status": "planned"}, ("done_on", "evidence"))
    )
    assert new == (
        HEADER + "activities:\n  - topic: a  # mine\n    title: b\n    status: planned\n"
        "    # about the evidence\n    notes: n\n"
    )
    for eol in ("\r\n", "\r"):
        assert editing.apply(
            text.replace("\n", eol),
            SetKeys(("activities", 0), {"status": "planned"}, ("done_on", "evidence")),
        ) == new.replace("\n", eol)


def test_a_key_that_starts_its_item_is_not_removed() -> None:
    text = HEADER + "activities:\n  - done_on: 2026-01-02\n    title: b\n"
    with pytest.raises(Refusal) as caught:
        editing.apply(text, SetKeys(("activities", 0), {}, ("done_on",)))
    assert caught.value.key == "edit.refuse.remove"


def test_cr_only_line_endings_are_edited_and_kept() -> None:
    text = HEADER.replace("\n", "\r") + "activities:\r  - topic: a\r    title: b\r"
    new = editing.apply(text, SetKeys(("activities", 0), {"status": "done"}))
    assert new == text + "    status: done\r"
    added = editing.apply(new, Append("activities", {"topic": "c", "title": "d", "year": 2}))
    assert added == new + "  - topic: c\r    title: d\r    year: 2\r"


def test_anchored_value_is_refused() -> None:
    text = HEADER + "activities:\n  - topic: a\n    title: b\n    year: &y 1\n"
    with pytest.raises(Refusal) as caught:
        editing.apply(text, SetKeys(("activities", 0), {"year": 2}))
    assert caught.value.key == "edit.refuse.value"


def test_edit_that_would_change_an_alias_elsewhere_is_refused() -> None:
    text = HEADER + ("activities:\n  - &base\n    topic: a\n    title: b\n    year: 1\n  - *base\n")
    with pytest.raises(Refusal) as caught:
        editing.apply(text, SetKeys(("activities", 0), {"status": "done"}))
    assert caught.value.key == "edit.refuse.unsafe"


def test_block_list_of_flow_mappings_takes_a_new_block_item() -> None:
    text = HEADER + "activities:\n  - {topic: a, title: b, year: 1}  # compact\n"
    new = editing.apply(text, Append("activities", {"topic": "c", "title": "d", "year": 2}))
    assert diff(text, new) == [
        "@@ -7,0 +8,3 @@",
        "+  - topic: c",
        "+    title: d",
        "+    year: 2",
    ]
    with pytest.raises(Refusal) as caught:
        editing.apply(text, SetKeys(("activities", 0), {"status": "done"}))
    assert caught.value.key == "edit.refuse.flow"


def test_wrong_kind_of_value_is_refused() -> None:
    with pytest.raises(Refusal) as caught:
        editing.apply("{version: 1, aios: {name: A}}\n", Append("meetings", {"kind": "x"}))
    assert caught.value.key == "edit.refuse.root"
    with pytest.raises(Refusal) as caught:
        editing.apply("# only a comment\n", Append("meetings", {"kind": "x"}))
    assert caught.value.key == "edit.refuse.empty"
    with pytest.raises(Refusal) as caught:
        editing.apply(HEADER + "activities: none\n", Append("activities", {"topic": "a"}))
    assert caught.value.key == "edit.refuse.not_list"
    with pytest.raises(Refusal) as caught:
        editing.apply(HEADER + "activities:\n  - text\n", SetKeys(("activities", 0), {"year": 1}))
    assert caught.value.key == "edit.refuse.not_mapping"
    with pytest.raises(Refusal) as caught:
        editing.apply("key: [unclosed\n", Append("activities", {"topic": "a"}))
    assert caught.value.key == "edit.refuse.yaml"


# -- nested lists: training.part_time, training.interruptions (issue 15) ---------------------

TRAINING_ORDER = ("start", "years", "part_time", "interruptions")
NESTED = """\
version: 1
training:
  start: 2025-01-01   # start comment
  years: 3
    # indented under years: stays with it
  interruptions:
    - from: 2026-03-01
      to: 2026-04-30
      reason: ziekte
  # training comment

activities:
    -   topic: a
        title: b
        year: 1
"""
PERIOD = {"from": dt.date(2025, 1, 1), "percent": 80}


def test_a_new_nested_list_goes_after_its_predecessor_in_the_given_order() -> None:
    new = editing.apply(NESTED, Append("part_time", PERIOD, ("training",), TRAINING_ORDER))
    # after years (and the comment indented under it), before interruptions; the dash
    # offset of the file's other nested list
    assert diff(NESTED, new) == [
        "@@ -5,0 +6,3 @@",
        "+  part_time:",
        "+    - from: 2025-01-01",
        "+      percent: 80",
    ]
    # without an order, at the end of the mapping; a list of its own extends it
    item = {"from": dt.date(2027, 1, 1), "to": dt.date(2027, 1, 31), "reason": "verlof"}
    newer = editing.apply(new, Append("interruptions", item, ("training",)))
    assert diff(new, newer) == [
        "@@ -12,0 +13,3 @@",
        "+    - from: 2027-01-01",
        "+      to: 2027-01-31",
        "+      reason: verlof",
    ]


def test_a_nested_list_copies_the_file_s_top_level_style_when_it_is_the_first() -> None:
    text = NESTED.replace(
        "  interruptions:\n    - from: 2026-03-01\n      to: 2026-04-30\n      reason: ziekte\n",
        "",
    )
    new = editing.apply(text, Append("part_time", PERIOD, ("training",), TRAINING_ORDER))
    assert diff(text, new) == [
        "@@ -5,0 +6,3 @@",
        "+  part_time:",
        "+      -   from: 2025-01-01",
        "+          percent: 80",
    ]
    training = yamlloc.parse(new, "t").data["training"]
    assert training["part_time"] == [{"from": "2025-01-01", "percent": 80}]


def test_a_new_key_in_a_list_item_follows_the_given_order() -> None:
    new = editing.apply(
        NESTED,
        SetKeys(("training", "interruptions", 0), {"notes": "knie"}, order=("from", "to", "notes")),
    )
    assert diff(NESTED, new) == ["@@ -8,0 +9 @@", "+      notes: knie"]
    new = editing.apply(
        NESTED,
        SetKeys(("training", "interruptions", 0), {"notes": "knie"}, order=("from", "notes")),
    )
    assert diff(NESTED, new) == ["@@ -7,0 +8 @@", "+      notes: knie"]


def test_a_nested_mapping_in_flow_style_is_refused_with_the_list_to_paste() -> None:
    text = "version: 1\ntraining: {start: 2025-01-01, years: 3}\n"
    with pytest.raises(Refusal) as refused:
        editing.apply(text, Append("part_time", PERIOD, ("training",), TRAINING_ORDER))
    assert refused.value.key == "edit.refuse.flow"
    assert refused.value.snippet == "part_time:\n  - from: 2025-01-01\n    percent: 80\n"


def test_remove_an_item_with_the_comments_under_it() -> None:
    text = NESTED.replace(
        "      reason: ziekte\n",
        "      reason: ziekte\n      # under the first\n"
        "    # above the second\n    - {from: 2027-01-01, to: 2027-01-31, reason: verlof}\n",
    )
    new = editing.apply(text, editing.RemoveItem(("training", "interruptions"), 0))
    assert diff(text, new) == [
        "@@ -7,4 +6,0 @@",
        "-    - from: 2026-03-01",
        "-      to: 2026-04-30",
        "-      reason: ziekte",
        "-      # under the first",
    ]
    # the only item left: its key goes with it, and so do the lines between them
    newer = editing.apply(new, editing.RemoveItem(("training", "interruptions"), 0))
    assert diff(new, newer) == [
        "@@ -6,3 +5,0 @@",
        "-  interruptions:",
        "-    # above the second",
        "-    - {from: 2027-01-01, to: 2027-01-31, reason: verlof}",
    ]
    assert data(newer) == data(
        NESTED.replace(
            NESTED[NESTED.index("  interruptions:") : NESTED.index("  # training comment")], ""
        )
    )


def test_remove_refuses_what_it_cannot_place() -> None:
    flow = "version: 1\nmeetings: [{date: 2025-01-01, kind: voortgang}, {date: 2025-02-01, kind: voortgang}]\n"
    with pytest.raises(Refusal) as refused:
        editing.apply(flow, editing.RemoveItem(("meetings",), 0))
    assert refused.value.key == "edit.refuse.flow_list"
    with pytest.raises(Refusal) as refused:
        editing.apply(NESTED, editing.RemoveItem(("training", "interruptions"), 1))
    assert refused.value.key == "edit.refuse.not_found"
    dash_alone = "version: 1\nmeetings:\n  -\n    date: 2025-01-01\n  - date: 2025-02-01\n"
    with pytest.raises(Refusal) as refused:
        editing.apply(dash_alone, editing.RemoveItem(("meetings",), 0))
    assert refused.value.key == "edit.refuse.unsafe"


def test_floats_are_written_to_read_back_as_the_same_number() -> None:
    assert editing.emit(4.5) == "4.5"
    assert editing.emit(5.0) == "5.0"
    new = editing.apply(NESTED, SetKeys(("training",), {"years": 2.75}))
    assert diff(NESTED, new) == ["@@ -4 +4 @@", "-  years: 3", "+  years: 2.75"]
    with pytest.raises(ValueError):
        editing.emit(1e-07)


# -- choosing an activity ----------------------------------------------------------------------

ACTIVITIES = [
    {"title": "Voorzitten overdracht", "year": 1},
    {"title": "360 graden feedback", "year": 1},
    {"title": "Voorzitten MDO", "year": 5},
    {"title": "Voorzitten", "year": 2},
    "not a mapping",
]


def test_find_by_number_title_part_and_exact_title() -> None:
    assert editing.find_activity(ACTIVITIES, "3") == 2
    assert editing.find_activity(ACTIVITIES, "mdo") == 2
    assert editing.find_activity(ACTIVITIES, "  OVERDRACHT ") == 0
    assert editing.find_activity(ACTIVITIES, "voorzitten") == 3  # the exact title wins
    assert editing.find_activity(ACTIVITIES, "360 graden") == 1


@pytest.mark.parametrize("number", ["0", "6", "360", "00", "-1", "+9", "9" * 5000])
def test_a_number_is_never_a_title(number: str) -> None:
    with pytest.raises(editing.NoMatch) as missing:
        editing.find_activity(ACTIVITIES, number)  # "360 graden feedback" holds 0 and 360
    assert missing.value.by_number and missing.value.count == 5


@pytest.mark.parametrize("query", ["²", "٣", "３", "½", "Ⅻ", "-²"])
def test_other_digits_are_not_a_number_nor_a_title(query: str) -> None:
    with pytest.raises(editing.NotANumber):
        editing.find_activity(ACTIVITIES, query)


@given(st.text(max_size=12))
def test_any_choice_finds_one_activity_or_says_why(query: str) -> None:
    try:
        index = editing.find_activity(ACTIVITIES, query)
    except (editing.NoMatch, editing.Ambiguous, editing.NotANumber, editing.EmptyChoice):
        return
    assert 0 <= index < len(ACTIVITIES)


def test_ambiguous_and_missing_choices() -> None:
    with pytest.raises(editing.Ambiguous) as ambiguous:
        editing.find_activity(ACTIVITIES, "zitten")
    assert [(c.number, c.year) for c in ambiguous.value.candidates] == [(1, 1), (3, 5), (4, 2)]
    with pytest.raises(editing.NoMatch) as missing:
        editing.find_activity(ACTIVITIES, "99")
    assert missing.value.by_number and missing.value.count == 5
    with pytest.raises(editing.NoMatch):
        editing.find_activity(ACTIVITIES, "onderhandelen")


# -- random sequences of edits ---------------------------------------------------------------

# text as the edit commands pass it on: never blank (they refuse that, as the plan does)
texts = st.text(min_size=1, max_size=30).filter(lambda s: not fields.is_blank(s))
edits = st.one_of(
    st.tuples(st.just("done"), st.integers(0, 20), texts),
    st.tuples(st.just("status"), st.integers(0, 20), st.sampled_from(["planned", "dropped"])),
    st.tuples(st.just("move"), st.integers(0, 20), st.integers(1, 5)),
    st.tuples(st.just("add"), texts, st.integers(1, 5)),
    st.tuples(st.just("meeting"), texts, st.lists(texts, max_size=3)),
)


def _comment_lines(text: str) -> list[str]:
    return [line for line in editing.split_lines(text) if line.lstrip().startswith("#")]


@pytest.mark.parametrize("variant", ["lf", "crlf-bom", "cr", "four", "indentless"])
@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=st.lists(edits, min_size=1, max_size=6))
def test_random_edits_keep_the_plan_valid_and_every_comment(
    variant: str, steps: list[tuple[object, ...]]
) -> None:
    base = {
        "lf": COMMENTED,
        "crlf-bom": editing.BOM + COMMENTED.replace("\n", "\r\n"),
        "cr": COMMENTED.replace("\n", "\r"),
        "four": FOUR_SPACES + "# the end\n",
        "indentless": INDENTLESS + "# the end\n",
    }[variant]
    fw = load_framework()
    text = base
    expected_activities = len(data(base)["activities"])  # type: ignore[index]
    for number, step in enumerate(steps):
        count = len(data(text)["activities"])  # type: ignore[index]
        kind = step[0]
        if kind == "done":
            assert isinstance(step[1], int) and isinstance(step[2], str)
            edit: editing.Edit = SetKeys(
                ("activities", step[1] % count),
                {"status": "done", "done_on": TODAY, "evidence": step[2]},
            )
        elif kind == "status":
            assert isinstance(step[1], int) and isinstance(step[2], str)
            # as `mlplan status` does: out of done, without the completion data
            edit = SetKeys(
                ("activities", step[1] % count), {"status": step[2]}, ("done_on", "evidence")
            )
        elif kind == "move":
            assert isinstance(step[1], int) and isinstance(step[2], int)
            edit = SetKeys(("activities", step[1] % count), {"year": step[2]})
        elif kind == "add":
            assert isinstance(step[1], str) and isinstance(step[2], int)
            # a plan may not hold the same activity twice (ML002): each added title is new
            title = f"{step[1]} ({number})"
            edit = Append("activities", {"topic": "innovatie", "title": title, "year": step[2]})
            expected_activities += 1
        else:
            assert isinstance(step[1], str) and isinstance(step[2], list)
            # nor two meetings on one date (ML002): each recorded meeting is a day later
            day = TODAY + dt.timedelta(days=number)
            item: dict[str, editing.Value] = {"date": day, "kind": "voortgang", "notes": step[1]}
            if step[2]:
                item["agreements"] = step[2]
            edit = Append("meetings", item)
        text = editing.apply(text, edit)
        if kind == "status":  # taken out of done: no completion data is left
            assert isinstance(edit, SetKeys) and isinstance(edit.loc[1], int)
            activity = data(text)["activities"][edit.loc[1]]  # type: ignore[index]
            assert "done_on" not in activity and "evidence" not in activity
    checked = checking.check_text(text.removeprefix(editing.BOM), "t", fw, TODAY)
    assert [d for d in checked.diagnostics if d.code in ("ML001", "ML002")] == []
    assert checked.plan is not None and len(checked.plan.activities) == expected_activities
    assert _comment_lines(text) == _comment_lines(base)
    if variant == "crlf-bom":
        assert text.startswith(editing.BOM) and text.count("\n") == text.count("\r\n")
    if variant == "cr":
        assert "\n" not in text


@settings(max_examples=examples(80), deadline=None)
@given(evidence=texts, title=texts, remove=st.booleans())
def test_the_item_to_paste_for_a_flow_activity_is_exactly_the_edited_item(
    evidence: str, title: str, remove: bool
) -> None:
    item = {"topic": "a", "title": title, "year": 1, "done_on": "2026-01-02"}
    flow = editing.flow_item(item)
    if flow is None:
        return
    text = HEADER + "activities:\n  - topic: x\n    title: y\n  - " + flow
    edit = SetKeys(("activities", 1), {"evidence": evidence}, ("done_on",) if remove else ())
    with pytest.raises(Refusal) as caught:
        editing.apply(text, edit)
    assert caught.value.key == "edit.refuse.flow"
    if not caught.value.replaces:  # a title that cannot be copied as written: keys only
        return
    pasted = text.replace("  - " + flow, caught.value.snippet)
    expected = {k: v for k, v in item.items() if not (remove and k == "done_on")}
    assert data(pasted)["activities"][1] == expected | {"evidence": evidence}  # type: ignore[index]
