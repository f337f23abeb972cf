"""Loading a framework file: the shipped one, and every kind of broken one."""

from __future__ import annotations

from pathlib import Path

import pytest

import mlplan
from mlplan.errors import FrameworkError, InputError
from mlplan.framework import load_framework, normalise_title, shipped_path


@pytest.fixture
def shipped_text() -> str:
    return shipped_path().read_text(encoding="utf-8")


def broken(tmp_path: Path, text: str) -> FrameworkError:
    path = tmp_path / "kader.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FrameworkError) as info:
        load_framework(path)
    return info.value


def located(exc: FrameworkError) -> list[tuple[int, int, str]]:
    return [(d.line, d.column, d.key) for d in exc.diagnostics]


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_shipped_framework_loads() -> None:
    fw = load_framework()
    assert fw.id == "fms-medisch-leiderschap-2017"
    assert len(fw.topic_ids()) == 14


def test_data_ships_inside_the_installed_package() -> None:
    # CI installs the wheel (not editable): there the data must sit inside the package.
    package = Path(mlplan.__file__).parent
    editable_checkout = (package.parents[1] / "pyproject.toml").is_file()
    for name in ("framework.yaml", "example-plan.yaml"):
        assert editable_checkout or (package / "data" / name).is_file(), name
    assert shipped_path().is_file()


def test_environment_variable_selects_another_framework(
    tmp_path: Path, shipped_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "ander.yaml"
    path.write_text(
        shipped_text.replace("id: fms-medisch-leiderschap-2017", "id: mijn-kader"), encoding="utf-8"
    )
    monkeypatch.setenv("MLPLAN_FRAMEWORK", str(path))
    assert load_framework().id == "mijn-kader"


def test_syntax_error(tmp_path: Path, shipped_text: str) -> None:
    text = shipped_text.replace("title: Overlegmomenten", "title: [Overlegmomenten", 1)
    assert located(broken(tmp_path, text))[0][2].startswith("yaml.")


def test_duplicate_key(tmp_path: Path, shipped_text: str) -> None:
    text = shipped_text.replace("publisher: Federatie", "year: 2018\npublisher: Federatie", 1)
    (d,) = broken(tmp_path, text).diagnostics
    # reported at the second occurrence, naming the line of the first
    assert (d.line, d.column, d.key) == (line_of(text, "year: 2017"), 1, "yaml.duplicate_key")
    assert d.params["first"] == line_of(text, "year: 2018")


def test_unknown_key_with_did_you_mean(tmp_path: Path, shipped_text: str) -> None:
    text = shipped_text.replace("    title: Overlegmomenten", "    titel: Overlegmomenten", 1)
    text = text.replace("        title: Overlegmomenten", "        titel: Overlegmomenten", 1)
    exc = broken(tmp_path, text)
    line = line_of(text, "titel: Overlegmomenten")
    unknown = [d for d in exc.diagnostics if d.key == "schema.unknown_key_hint"]
    assert [(d.line, d.params["hint"]) for d in unknown] == [(line, "title")]


def test_wrong_type(tmp_path: Path, shipped_text: str) -> None:
    text = shipped_text.replace("year: 2017", "year: tweeduizendzeventien", 1)
    assert located(broken(tmp_path, text)) == [
        (line_of(text, "year: twee"), 7, "schema.expected_int")
    ]


def test_unknown_phase_of_an_activity(tmp_path: Path, shipped_text: str) -> None:
    text = shipped_text.replace("phase: eind", "phase: laat", 1)
    (d,) = broken(tmp_path, text).diagnostics
    assert (d.line, d.key) == (line_of(text, "phase: laat"), "schema.expected_choice")


def test_duplicate_topic_id_and_broken_course_reference(tmp_path: Path, shipped_text: str) -> None:
    text = shipped_text.replace("id: organisatie", "id: overlegmomenten", 1)
    text = text.replace(
        "any_of: [doo-teamwork, doo-leiderschap]", "any_of: [doo-teamwork, doo-leiderschip]", 1
    )
    found = {(d.line, d.key) for d in broken(tmp_path, text).diagnostics}
    assert found == {
        (
            line_of(text, "id: overlegmomenten\n        title: Organisatie"),
            "framework.duplicate_id",
        ),
        (line_of(text, "any_of: [doo-teamwork, doo-leiderschip]"), "framework.unknown_course"),
    }


def test_alias_bomb(tmp_path: Path) -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    assert [k for *_, k in located(broken(tmp_path, "\n".join(lines)))] == ["yaml.too_many_nodes"]


def test_oversize(tmp_path: Path) -> None:
    assert located(broken(tmp_path, "#" * (5 * 1024 * 1024 + 1))) == [(1, 1, "yaml.too_large")]


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "kader.yaml"
    path.write_bytes(b"id: x\ntitle: \xff\n")
    with pytest.raises(FrameworkError) as info:
        load_framework(path)
    assert located(info.value) == [(2, 8, "yaml.not_utf8")]


def test_symlink_loop_is_an_unreadable_file(tmp_path: Path) -> None:
    # Path.resolve() raises RuntimeError on a loop: it was an internal error
    loop = tmp_path / "kader.yaml"
    loop.symlink_to("kader.yaml")
    with pytest.raises(InputError) as info:
        load_framework(loop)
    assert info.value.key == "error.cannot_read"
    assert info.value.message.startswith(f"{loop}: kan niet gelezen worden")


def test_empty(tmp_path: Path) -> None:
    assert located(broken(tmp_path, "")) == [(1, 1, "schema.empty")]


@pytest.mark.parametrize(
    ("typed", "source"),
    [("verwonder en verbeter", "‘Verwonder en Verbeter’"), ("  Voorzitten MDO ", "Voorzitten MDO")],
)
def test_titles_compare_without_case_spaces_or_quotes(typed: str, source: str) -> None:
    assert normalise_title(typed) == normalise_title(source)


def test_example_lookup_uses_that_comparison() -> None:
    topic = load_framework().topic("verandermanagement")
    assert topic is not None
    example = topic.example("Verwonder en verbeter")
    assert example is not None and example.phase == "midden"


@pytest.mark.parametrize(
    ("old", "new", "key"),
    [
        ("year: 2017", "year: '2017'", "schema.expected_int_quoted"),
        ("year: 2017", "year: 2017.0", "schema.expected_int"),
        ("key_competency: 1", "key_competency: true", "schema.expected_int"),
        (
            "title: Medisch leiderschap in de medische vervolgopleiding",
            "title: ' '",
            "schema.empty_text",
        ),
    ],
)
def test_loose_types_are_as_strict_as_in_a_plan(
    tmp_path: Path, shipped_text: str, old: str, new: str, key: str
) -> None:
    assert old in shipped_text
    text = shipped_text.replace(old, new, 1)
    ((line, _, found),) = located(broken(tmp_path, text))
    assert (line, found) == (line_of(text, new), key)
