"""The YAML loader: data, locations, and every kind of bad input at the right place."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlplan.errors import InputError
from mlplan.io import yamlloc
from mlplan.model.plan import Plan
from tests.conftest import EXAMPLE_PLAN


def problems(text: str) -> list[tuple[int, int, str]]:
    doc = yamlloc.parse(text, "f.yaml")
    return [(d.line, d.column, d.key) for d in doc.diagnostics]


def test_index_gives_lines_and_columns_of_keys_and_values() -> None:
    doc = yamlloc.parse("a: 1\nlist:\n  - name: x\n    year: 2\n", "f.yaml")
    assert doc.data == {"a": 1, "list": [{"name": "x", "year": 2}]}
    assert doc.position(("list", 0, "year")) == (4, 11)
    assert doc.position(("list", 0, "year"), key=True) == (4, 5)
    # a path that is not in the file falls back to its deepest existing ancestor
    assert doc.position(("list", 0, "missing")) == (3, 5)
    assert doc.position(("nothing",)) == (1, 1)


def test_dates_stay_strings_so_pydantic_reports_them() -> None:
    doc = yamlloc.parse("start: 2025-13-01\n", "f.yaml")
    assert doc.data == {"start": "2025-13-01"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\nb: [1, 2\n", "yaml.unclosed_flow"),
        ("a: 1\nb: @x\n", "yaml.reserved_char"),
        ("%FOO\n---\na: 1\n", "yaml.syntax"),  # rare problems keep libyaml's own words
        ("a:\n\tb: 1\n", "yaml.tab"),
        ("a: 1\na: 2\n", "yaml.duplicate_key"),
        ("a: !!python/object/apply:os.system ['ls']\n", "yaml.unsupported_tag"),
        ("a: *nowhere\n", "yaml.undefined_alias"),
        ("a: 'open\n", "yaml.unexpected_end"),
        ("a: 1\n---\nb: 2\n", "yaml.multiple_documents"),
        ("? [a, b]\n: 1\n", "yaml.complex_key"),
        ("a: b: c\n", "yaml.mapping_values"),
        ("a: b\x07\n", "yaml.control_char"),
    ],
)
def test_bad_yaml_gives_one_located_ml001(text: str, expected: str) -> None:
    doc = yamlloc.parse(text, "f.yaml")
    assert [d.key for d in doc.diagnostics] == [expected]
    assert all(d.code == "ML001" for d in doc.diagnostics)


def test_duplicate_key_names_both_lines() -> None:
    doc = yamlloc.parse("name: a\nother: 1\nname: b\n", "f.yaml")
    (d,) = doc.diagnostics
    assert (d.line, d.column) == (3, 1)
    assert d.params == {"key": "name", "first": 1}
    assert "regel 1" in d.message


def test_tab_is_located_where_it_is() -> None:
    assert problems("a:\n  b: 1\n\tc: 2\n") == [(3, 1, "yaml.tab")]


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    doc = yamlloc.parse("\n".join(lines) + "\n", "f.yaml")
    assert [d.key for d in doc.diagnostics] == ["yaml.too_many_nodes"]
    assert doc.data is None


def test_a_few_aliases_are_fine() -> None:
    doc = yamlloc.parse("goal: &g leidt de overdracht\nagain: *g\n", "f.yaml")
    assert doc.data == {"goal": "leidt de overdracht", "again": "leidt de overdracht"}
    assert doc.diagnostics == []


def test_merge_keys_work() -> None:
    doc = yamlloc.parse("base: &b {x: 1}\nn:\n  <<: *b\n  y: 2\n", "f.yaml")
    assert doc.data["n"] == {"x": 1, "y": 2}


@pytest.mark.parametrize("opener", ["[", "{a: ", "- "])
def test_deep_nesting_is_refused_without_crashing(opener: str) -> None:
    # libyaml's own composer crashes the interpreter on this; ours stops at MAX_DEPTH
    closer = {"[": "]", "{a: ": "}", "- ": ""}[opener]
    text = opener * 100_000 + "x" + closer * 100_000
    doc = yamlloc.parse(text, "f.yaml")
    assert [d.key for d in doc.diagnostics] == ["yaml.too_deep"]


def test_non_utf8_is_located(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_bytes(b"name: ok\nplace: caf\xe9\n")
    doc = yamlloc.load(path)
    (d,) = doc.diagnostics
    assert (d.line, d.column, d.key) == (2, 11, "yaml.not_utf8")
    assert d.params == {"byte": "e9"}


def test_bom_and_crlf_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_bytes("\ufeffname: Zoë\r\nyear: 2\r\n".encode())
    doc = yamlloc.load(path)
    assert doc.data == {"name": "Zoë", "year": 2}
    assert doc.position(("year",)) == (2, 7)


def test_oversize_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"# " + b"x" * (6 * 1024 * 1024) + b"\n")
    doc = yamlloc.load(path)
    assert [(d.line, d.key) for d in doc.diagnostics] == [(1, "yaml.too_large")]


def test_missing_file_and_directory_raise_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as missing:
        yamlloc.load(tmp_path / "nope.yaml")
    assert missing.value.key == "error.file_not_found"
    with pytest.raises(InputError) as directory:
        yamlloc.load(tmp_path)
    assert directory.value.key == "error.is_directory"


PLAN_HEAD = "version: 1\naios:\n  name: A\ntraining:\n  start: 2025-09-01\n  years: 5\n"


def schema_problems(text: str) -> list[tuple[int, int, str, dict[str, object]]]:
    result = yamlloc.validate(yamlloc.parse(text, "p.yaml"), Plan)
    return [(d.line, d.column, d.key, d.params) for d in result.diagnostics]


def test_unknown_key_points_at_the_key_with_did_you_mean() -> None:
    text = PLAN_HEAD + "activities:\n  - topic: organisatie\n    titel: X\n    year: 1\n"
    found = schema_problems(text)
    assert (9, 5, "schema.unknown_key_hint", {"key": "titel", "hint": "title"}) in found
    # the missing 'title' is reported at the activity mapping
    assert (8, 5, "schema.missing", {"field": "title"}) in found


def test_wrong_types_point_at_the_value() -> None:
    text = (
        PLAN_HEAD.replace("years: 5", "years: vijf")
        + "activities:\n  - {topic: x, title: y, year: drie}\n"
    )
    found = {(line, col, key) for line, col, key, _ in schema_problems(text)}
    assert (6, 10, "schema.expected_number") in found
    assert (8, 32, "schema.expected_int") in found


@pytest.mark.parametrize(
    ("value", "key"),
    [
        ("2025-13-01", "schema.date_impossible"),
        ("2025-02-30", "schema.date_impossible"),
        ("1-9-2025", "schema.date_format"),
        ("20250901", "schema.date_format"),
    ],
)
def test_bad_dates_are_located(value: str, key: str) -> None:
    found = schema_problems(PLAN_HEAD.replace("2025-09-01", value))
    assert found[0][:3] == (5, 10, key)


def test_yaml_booleans_in_text_fields_get_a_quoting_hint() -> None:
    found = schema_problems(PLAN_HEAD.replace("name: A", "name: no"))
    assert found[0][2] == "schema.expected_text_bool"


def test_a_list_instead_of_a_mapping() -> None:
    assert schema_problems("- version: 1\n")[0][:3] == (1, 1, "schema.root_mapping")


def test_empty_file() -> None:
    assert schema_problems("") == [(1, 1, "schema.empty", {})]
    assert schema_problems("# only a comment\n") == [(1, 1, "schema.empty", {})]


def test_negative_years() -> None:
    found = schema_problems(PLAN_HEAD.replace("years: 5", "years: -1"))
    assert found[0][:3] == (6, 10, "schema.greater_than")


def test_allowed_values_are_listed_without_english_words() -> None:
    text = PLAN_HEAD + "activities:\n  - {topic: x, title: y, year: 1, status: klaar}\n"
    (found,) = [d for d in schema_problems(text) if d[2] == "schema.expected_choice"]
    assert found[3]["expected"] == "planned, in_progress, done, dropped"


# every standard YAML tag with a value that does not fit it (issue 18 item 11): PyYAML's
# constructors raise KeyError / IndexError or return None for these
BAD_TAGGED = [
    ("!!bool abc", "yaml.bad_scalar", "!!bool"),
    ('!!bool ""', "yaml.bad_scalar", "!!bool"),
    ("!!int abc", "yaml.bad_scalar", "!!int"),
    ('!!int ""', "yaml.bad_scalar", "!!int"),
    ("!!int _", "yaml.bad_scalar", "!!int"),
    ("!!int 0x_", "yaml.bad_scalar", "!!int"),
    ("!!int 0x1F", "yaml.bad_scalar", "!!int"),  # numbers are decimal, tagged or not
    ("!!float 1:30", "yaml.bad_scalar", "!!float"),
    ("!!float abc", "yaml.bad_scalar", "!!float"),
    ('!!float ""', "yaml.bad_scalar", "!!float"),
    ("!!float _", "yaml.bad_scalar", "!!float"),
    ("!!null abc", "yaml.bad_scalar", "!!null"),
    ("!<tag:yaml.org,2002:bool> abc", "yaml.bad_scalar", "!!bool"),
    ("!!timestamp abc", "yaml.unsupported_tag", "!!timestamp"),
    ("!!timestamp 2025-09-01", "yaml.unsupported_tag", "!!timestamp"),
    ("!!binary '%%%'", "yaml.unsupported_tag", "!!binary"),
    ("!!str [x]", "yaml.unsupported_tag", "!!str"),
    ("!!seq x", "yaml.unsupported_tag", "!!seq"),
    ("!!map x", "yaml.unsupported_tag", "!!map"),
    ("!!set x", "yaml.unsupported_tag", "!!set"),
    ("!!omap x", "yaml.unsupported_tag", "!!omap"),
    ("!!pairs x", "yaml.unsupported_tag", "!!pairs"),
    ("!!merge x", "yaml.unsupported_tag", "!!merge"),
    ("!!value x", "yaml.unsupported_tag", "!!value"),
    ("!!yaml x", "yaml.unsupported_tag", "!!yaml"),
]


@pytest.mark.parametrize(("value", "key", "tag"), BAD_TAGGED)
def test_a_standard_tag_with_a_bad_value_is_one_finding_at_the_node(
    value: str, key: str, tag: str
) -> None:
    doc = yamlloc.parse(f"a: 1\nyears: {value}\n", "f.yaml")
    assert [(d.line, d.column, d.code, d.key) for d in doc.diagnostics] == [(2, 8, "ML001", key)]
    assert doc.diagnostics[0].params["tag"] == tag


def test_a_bad_tagged_key_is_a_finding_too() -> None:
    assert problems("a: 1\n!!bool x: 2\n") == [(2, 1, "yaml.bad_scalar")]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("!!bool yes", True),
        ("!!int 12", 12),
        ("!!float 1.5", 1.5),
        ("!!float 5", 5.0),
        ("!!null ~", None),
    ],
)
def test_standard_tags_with_fitting_values_still_work(value: str, expected: object) -> None:
    doc = yamlloc.parse(f"a: {value}\n", "f.yaml")
    assert doc.diagnostics == []
    assert doc.data == {"a": expected}


@pytest.mark.parametrize("text", ["._", "0x_", "0b_", "+._"])
def test_plain_text_that_only_looks_like_a_number_is_text(text: str) -> None:
    # the resolver guesses int or float from the looks; the value is then just text
    doc = yamlloc.parse(f"title: {text}\n", "f.yaml")
    assert doc.diagnostics == []
    assert doc.data == {"title": text}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2", 2),
        ("+7", 7),
        ("-3", -3),
        ("010", 10),  # YAML 1.1 (PyYAML) reads 8
        ("08", 8),
        ("4.5", 4.5),
        (".5", 0.5),
        ("1.0e5", 100000.0),
        ("0x1", "0x1"),  # YAML 1.1 reads 1
        ("0o7", "0o7"),
        ("0b11", "0b11"),
        ("1_000", "1_000"),  # YAML 1.1 reads 1000
        ("1:30", "1:30"),  # YAML 1.1 reads 90
        ("1:30.5", "1:30.5"),
        ("1e3", "1e3"),
        ("=", "="),  # YAML 1.1's value type
        ("<<", "<<"),  # a merge key only where a key is expected
    ],
)
def test_numbers_are_decimal_and_other_forms_are_text(text: str, expected: object) -> None:
    doc = yamlloc.parse(f"a: {text}\nb: [{text}]\n", "f.yaml")
    assert doc.diagnostics == []
    assert doc.data == {"a": expected, "b": [expected]}
    assert type(doc.data["a"]) is type(expected)


# YAML that takes every branch of the composer: block and flow collections, anchors and
# aliases, merge keys, duplicate keys (also of collections), integer and tagged keys,
# numbers, nulls, a complex key, comments after a collection, too many levels.
_VARIED = [
    EXAMPLE_PLAN.read_text(encoding="utf-8"),
    "a: &x {b: [1, 2, {c: 3}]}\nd: *x\ne:\n  <<: *x\n  f: [g, &y [h], *y]\n",
    "a:\n  - b: 1\n    c: [x, 010, -7, +3, 1.5, null, ~, true]\n  - [ [ ], { } ]\n# end\n",
    "a: {b: 1}\na: [2]\nb:\n  c: 1\n  c: {d: 2}\n1: one\n? [k]\n: v\n",
    "a: !!str 5\nb: !!int '7'\n3: {x: y}\n- broken\n",
    "x:\n  y:\n    - 1\n    - z: [a, b]\n\n\n# comment\nw: 2\n",
    "[" * 70 + "]" * 70,
    "top: " + "[" * 63 + "]" * 63 + "\n",
]


@pytest.mark.parametrize("text", _VARIED)
def test_the_inline_paths_give_what_the_general_ones_give(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The composer's fast paths (text and integer scalars, collections opened and closed
    in place) only save calls: data, every position and every finding are the same as
    through ``scalar``, ``start`` and ``end`` alone."""

    def seen(doc: yamlloc.Document) -> tuple[object, ...]:
        positions = {loc: doc.index[loc] for loc in doc.index}
        return repr(doc.data), positions, doc.diagnostics

    fast = seen(yamlloc.parse(text, "p.yaml"))
    monkeypatch.setattr(yamlloc, "INLINE", False)
    slow = seen(yamlloc.parse(text, "p.yaml"))
    assert fast == slow
