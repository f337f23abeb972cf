"""Loading a framework file: the shipped one, and every kind of broken one."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Any

import pytest

import mlplan
from mlplan.errors import FrameworkError, InputError
from mlplan.io import loading
from mlplan.io.loading import load_framework, shipped_path
from mlplan.model.framework import normalise_title


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


# -- the terminal text (mlplan framework [TOPIC]) at every width ----------------------------

WIDTHS = (40, 60, 80, 120, 200)
SGR = re.compile(r"\x1b\[[0-9;]*m")
SHIPPED = load_framework()
VIEWS = [None, *SHIPPED.topic_ids()]


def _words_of(*texts: str | None) -> list[str]:
    return [w for text in texts if text for w in text.split()]


def _expected_words(topic_id: str | None) -> list[str]:
    """Every word the view must show: titles, ids, objectives, providers, URLs."""
    fw = SHIPPED
    if topic_id is not None:
        topic = fw.topic(topic_id)
        assert topic is not None
        texts = [topic.id, topic.title, *topic.objectives, topic.objectives_note]
        texts += [a.title for a in topic.activities]
        texts += [x for m in topic.materials for x in (m.title, m.provider, m.kind, m.url)]
        return _words_of(*texts)
    texts = [fw.title, fw.rule]
    for comp in fw.competencies:
        texts += [comp.title, *(x for tp in comp.topics for x in (tp.id, tp.title))]
        texts += [a.title for tp in comp.topics for a in tp.activities]
    texts += [r.title for r in fw.courses.requirements]
    texts += [x for c in fw.courses.optional for x in (c.id, c.title, c.provider, c.note)]
    texts += [x for p in fw.phases for x in (p.title, *p.goals, *p.examples)]
    texts += [x for lv in fw.levels for x in (lv.title, lv.description)]
    return _words_of(*texts)


def _urls(topic_id: str | None) -> list[str]:
    topic = SHIPPED.topic(topic_id) if topic_id else None
    return [m.url for m in topic.materials if m.url] if topic else []


def _assert_nothing_cut(text: str, width: int, topic_id: str | None) -> None:
    lines = text.splitlines()
    assert "…" not in text
    assert all(line == line.rstrip() for line in lines), "trailing spaces"
    # a line wider than asked holds one word that cannot be broken (an id or a URL),
    # perhaps after its bullet
    for line in lines:
        words = [w for w in line.split() if w != "•"]
        assert len(line) <= width or len(words) == 1, (width, line)
    # a word cut or folded over two lines is not in the text whole
    missing = [w for w in _expected_words(topic_id) if w not in text]
    assert not missing, (width, topic_id, missing)
    for url in _urls(topic_id):
        assert any(url in line.split() for line in lines), (width, url)
    # no table without rows: a header rule is always followed by a row
    for k, line in enumerate(lines):
        if line.strip() and set(line.strip()) == {"─"}:
            assert k + 1 < len(lines) and lines[k + 1].strip(), (width, topic_id, k)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("topic_id", VIEWS, ids=lambda v: v or "overview")
def test_piped_text_cuts_nothing_at_any_width(
    run: Any, monkeypatch: pytest.MonkeyPatch, width: int, topic_id: str | None
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    result = run("framework", *([topic_id] if topic_id else []))
    assert result.exit_code == 0, result.stderr
    assert "\x1b[" not in result.stdout
    _assert_nothing_cut(result.stdout, width, topic_id)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("topic_id", VIEWS, ids=lambda v: v or "overview")
def test_terminal_text_cuts_nothing_at_any_width(
    run: Any, monkeypatch: pytest.MonkeyPatch, width: int, topic_id: str | None
) -> None:
    from mlplan.render import output

    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.setattr(output, "use_color", lambda stream: True)  # as on a terminal
    result = run("framework", *([topic_id] if topic_id else []))
    assert result.exit_code == 0, result.stderr
    assert "\x1b[1m" in result.stdout  # bold headings
    _assert_nothing_cut(SGR.sub("", result.stdout), width, topic_id)


def test_in_a_real_terminal_urls_and_titles_are_whole() -> None:
    pexpect = pytest.importorskip("pexpect")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MLPLAN_")}
    env = env | {"TERM": "xterm"}
    for name in ("NO_COLOR", "COLUMNS"):
        env.pop(name, None)
    for view in ("overlegmomenten", "financien"):
        child = pexpect.spawn(
            str(Path(sys.executable).with_name("mlplan")),
            ["framework", view],
            env=env,
            encoding="utf-8",
            timeout=30,
            dimensions=(50, 80),
        )
        out = child.read()
        child.close()
        assert child.exitstatus == 0, out
        assert "\x1b[1m" in out  # a terminal: bold headings
        _assert_nothing_cut(SGR.sub("", out.replace("\r\n", "\n")), 80, view)


def test_the_overview_at_80_columns_is_a_table_and_at_60_stacked(
    run: Any, monkeypatch: Any
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    wide = run("framework").stdout.splitlines()
    assert "  id                 Onderwerp                     Voorbeeldactiviteiten" in wide
    assert "  overlegmomenten    Overlegmomenten               • Voorzitten overdracht" in wide
    # a bullet's wrapped lines hang under its text
    at = wide.index("  overlegmomenten    Overlegmomenten               • Voorzitten overdracht")
    assert wide[at + 2 : at + 4] == [
        "                                                   • Participatie aios-bestuur,",
        "                                                     stafbestuur,",
    ]
    monkeypatch.setenv("COLUMNS", "60")
    narrow = run("framework").stdout.splitlines()
    at = narrow.index("  leidinggeven-en-samenwerken")  # the id on its own line
    assert narrow[at + 1 : at + 3] == [
        "    Leidinggeven en samenwerken",
        "    • Rol in interdisciplinair behandelteam",
    ]
    at = narrow.index("  clinical-business-administration")
    assert narrow[at + 1 : at + 3] == [
        "    Leergang Clinical Business Administration",
        "    Details: TIAS i.s.m. DJS en Stichting Medical Business",
    ]


def test_a_topic_shows_each_url_whole_under_its_title(run: Any, monkeypatch: Any) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    lines = run("framework", "overlegmomenten").stdout.splitlines()
    at = lines.index("  • www.managementsite.nl/kennisbank/vergaderen")
    assert lines[at + 1 : at + 3] == [
        "    literatuur",
        "    https://www.managementsite.nl/kennisbank/vergaderen",
    ]


def test_a_topic_without_material_and_no_optional_courses_draw_no_empty_table(
    run: Any, tmp_path: Path, shipped_text: str, monkeypatch: Any
) -> None:
    import yaml

    data = yaml.safe_load(shipped_text)
    for comp in data["competencies"]:
        for topic in comp["topics"]:
            topic.pop("materials", None)
    data["courses"]["optional"] = []
    data["courses"]["requirements"] = []
    own = tmp_path / "kader.yaml"
    own.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    for lang, none, no_courses in (
        ("nl", "Geen opleidingsmateriaal.", "Geen."),
        ("en", "No training material.", "None."),
    ):
        for width in ("40", "120"):
            monkeypatch.setenv("COLUMNS", width)
            topic = run("framework", "innovatie", "--framework", str(own), "--lang", lang)
            assert topic.exit_code == 0, topic.stderr
            assert topic.stdout.rstrip().endswith(f"\n  {none}")
            _assert_no_empty_table(topic.stdout)
            overview = run("framework", "--framework", str(own), "--lang", lang).stdout
            assert overview.count(f"\n  {no_courses}\n") == 2  # required and optional
            _assert_no_empty_table(overview)
        markdown = run(
            "framework", "innovatie", "--framework", str(own), "-f", "markdown", "--lang", lang
        )
        assert markdown.stdout.rstrip().endswith(none)
        courses = run("framework", "--framework", str(own), "-f", "markdown", "--lang", lang)
        assert (
            "| id |"
            not in courses.stdout.split(f"## {'Cursussen' if lang == 'nl' else 'Courses'}")[1]
        )


def _assert_no_empty_table(text: str) -> None:
    lines = text.splitlines()
    for k, line in enumerate(lines):
        if line.strip() and set(line.strip()) == {"─"}:
            assert k + 1 < len(lines) and lines[k + 1].strip(), text


# -- the pre-built shipped framework (docs/decisions.md, Speed) ------------------------


def _fresh_shipped() -> Any:
    from mlplan.io import yamlloc

    fw, problems = loading.parse_framework(yamlloc.load(shipped_path(), str(shipped_path())))
    assert problems == []
    return fw


def test_the_prebuilt_framework_is_the_shipped_one_validated() -> None:
    """Fails after a change to data/framework.yaml or a framework model until
    ``python tools/prebuild_framework.py`` is run (mlplan reads the YAML meanwhile)."""

    tag = loading.data_file(loading.PREBUILT).read_bytes().partition(b"\n")[0]
    assert tag == loading.fingerprint(shipped_path().read_bytes())
    shipped = Path(os.path.realpath(shipped_path()))
    assert loading.prebuilt(shipped) == _fresh_shipped()


@pytest.mark.parametrize(
    "stored",
    [
        b"0" * 64 + b"\nwhatever",  # built from another file or other models
        None,  # the fingerprint is right, the pickle is not
        b"",  # an empty file
    ],
)
def test_a_stale_or_broken_prebuilt_framework_falls_back_to_the_yaml(
    stored: bytes | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if stored is None:
        stored = loading.fingerprint(shipped_path().read_bytes()) + b"\n\x80\x05garbage"
    (tmp_path / loading.PREBUILT).write_bytes(stored)
    real = loading.data_file
    monkeypatch.setattr(
        loading,
        "data_file",
        lambda name: tmp_path / name if name == loading.PREBUILT else real(name),
    )
    monkeypatch.setattr(loading, "_cache", {})
    assert loading.prebuilt(Path(os.path.realpath(shipped_path()))) is None
    assert load_framework() == _fresh_shipped()


def test_only_the_shipped_file_is_answered_prebuilt(tmp_path: Path) -> None:

    copy = tmp_path / "framework.yaml"
    copy.write_bytes(shipped_path().read_bytes())
    assert loading.prebuilt(copy) is None
