"""Rendering the plan: golden files, Markdown that parses, CSV that round-trips, widths.

Golden files live in ``tests/golden/plan.<lang>.<ext>``: the example plan at
``--today 2026-11-22``, the table at 80 columns. After a deliberate change to the
output, regenerate them with

    MLPLAN_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_render_plan.py

and READ every changed file (``git diff tests/golden``) before committing it.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token
from plan_helpers import overview_of, plan_yaml

from mlplan.i18n import set_language
from mlplan.render import plan as render

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("MLPLAN_UPDATE_GOLDEN") == "1"
FORMATS = {"table": "txt", "markdown": "md", "json": "json", "csv": "csv"}


@pytest.fixture
def in_plan_dir(example_plan: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from the plan's directory so the output names ``plan.yaml``, not a temp path."""
    monkeypatch.chdir(example_plan.parent)
    return example_plan


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("fmt", list(FORMATS))
def test_golden(
    run: Callable[..., object],
    in_plan_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    fmt: str,
    lang: str,
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = run("plan", "plan.yaml", "--today", "2026-11-22", "--format", fmt, "--lang", lang)
    assert result.exit_code == 0, result.stderr  # type: ignore[attr-defined]
    golden = GOLDEN / f"plan.{lang}.{FORMATS[fmt]}"
    actual = result.stdout  # type: ignore[attr-defined]
    if UPDATE:
        golden.parent.mkdir(exist_ok=True)
        golden.write_bytes(actual.encode("utf-8"))
    assert actual == golden.read_bytes().decode("utf-8")


# -- Markdown parses as intended -------------------------------------------------------


def parse(markdown: str) -> list[Token]:
    return MarkdownIt("commonmark").enable("table").parse(markdown)


def headings(tokens: list[Token], level: int) -> list[str]:
    tag = f"h{level}"
    return [
        tokens[i + 1].content
        for i, tok in enumerate(tokens)
        if tok.type == "heading_open" and tok.tag == tag
    ]


def table_cells(tokens: list[Token]) -> list[list[list[Token]]]:
    """Each table as rows of cells, a cell being its inline token (header row first)."""
    result: list[list[list[Token]]] = []
    rows: list[list[Token]] = []
    for i, tok in enumerate(tokens):
        if tok.type == "table_open":
            rows = []
        elif tok.type == "tr_open":
            rows.append([])
        elif tok.type in ("th_open", "td_open"):
            rows[-1].append(tokens[i + 1])
        elif tok.type == "table_close":
            result.append(rows)
    return result


def tables(tokens: list[Token]) -> list[list[list[str]]]:
    """Each table as rows of cell texts: escapes resolved, code spans kept as their text."""
    return [
        [["".join(c.content for c in cell.children or []) for cell in row] for row in rows]
        for rows in table_cells(tokens)
    ]


def test_markdown_structure_of_the_example(example_plan: Path) -> None:
    ov = overview_of(example_plan.read_text(encoding="utf-8"))
    tokens = parse(render.to_markdown(ov))
    assert headings(tokens, 1) == ["Plan medisch leiderschap: Anne de Vries"]
    h2 = headings(tokens, 2)
    assert [h for h in h2 if h.startswith("Jaar ")] == [
        "Jaar 1 (sep 2025 – aug 2026) · begin",
        "Jaar 2 (sep 2026 – aug 2027) · begin · huidig jaar",
        "Jaar 3 (sep 2027 – aug 2028) · midden",
        "Jaar 4 (sep 2028 – aug 2029) · eind",
        "Jaar 5 (sep 2029 – aug 2030) · eind",
    ]
    assert h2[5:] == [
        "Dekking van de onderwerpen",
        "Cursussen",
        "Verbeterpunten (TOP 3)",
        "Gesprekken",
        "Bevindingen van de controle",
    ]
    found = tables(tokens)
    activity_tables = [t for t in found if t[0][0] == "Nr"]
    # every activity appears once, as a row of six cells, with its number first
    rows = [row for t in activity_tables for row in t[1:]]
    assert sorted(int(r[0]) for r in rows) == list(range(1, 17))
    assert all(len(r) == 6 for r in rows)
    coverage = next(t for t in found if t[0][0] == "Competentie")
    assert len(coverage) == 1 + 14
    courses = next(t for t in found if t[0][0] == "Jaar")
    assert len(courses) == 1 + 3
    assert courses[1][:3] == ["1", "Coach-the-co", "verplicht"]


def test_markdown_headings_in_english(example_plan: Path) -> None:
    set_language("en")
    ov = overview_of(example_plan.read_text(encoding="utf-8"))
    tokens = parse(render.to_markdown(ov))
    assert headings(tokens, 1) == ["Medical leadership plan: Anne de Vries"]
    assert headings(tokens, 2)[0] == "Year 1 (Sep 2025 – Aug 2026) · begin (early)"


def test_markdown_has_no_escapes_or_box_drawing(example_plan: Path) -> None:
    text = render.to_markdown(overview_of(example_plan.read_text(encoding="utf-8")))
    assert "\x1b" not in text
    assert not any("\u2500" <= ch <= "\u257f" for ch in text)


NASTY = {
    "title": "Kosten | baten *analyse* van `EPD`",
    "goal": "leert _onderhandelen_\nmet <b>inkoop</b> | finance",
    "evidence": "KPB #1 | verslag\n\n- geen lijst",
}


def nasty_plan() -> str:
    return plan_yaml(
        activities=[
            {"topic": "financien", "year": 1, "status": "done", "done_on": "2026-01-10", **NASTY}
        ]
    )


def test_user_text_with_markdown_syntax_stays_in_its_cell() -> None:
    tokens = parse(render.to_markdown(overview_of(nasty_plan())))
    (table,) = [t for t in tables(tokens) if t[0][0] == "Nr"]
    assert len(table) == 2
    row = table[1]
    assert len(row) == 6
    assert row[2] == "Kosten | baten *analyse* van `EPD`"
    assert row[3] == "leert _onderhandelen_ met <b>inkoop</b> | finance"
    assert row[5] == "10 jan 2026 · KPB #1 | verslag - geen lijst"
    # nothing in the user's text turned into emphasis, code or HTML
    (cells,) = [rows for rows in table_cells(tokens) if rows[0][0].content == "Nr"]
    for cell in cells[1][2:]:
        assert {c.type for c in cell.children or []} == {"text"}


def test_csv_round_trips_user_text() -> None:
    text = render.to_csv(overview_of(nasty_plan()))
    header, row = list(csv.reader(io.StringIO(text)))
    assert header == [
        "Nr",
        "Jaar",
        "Competentie",
        "Onderwerp",
        "Onderwerp-id",
        "Activiteit",
        "Leerdoel",
        "Status",
        "Afgerond op",
        "Bewijs",
    ]
    assert row == [
        "1",
        "1",
        "2",
        "Financiën",
        "financien",
        NASTY["title"],
        NASTY["goal"],
        "afgerond",
        "2026-01-10",
        NASTY["evidence"],
    ]


@pytest.mark.parametrize("dialect", ["standard", "excel-nl"])
def test_csv_cells_never_start_a_formula(dialect: str) -> None:
    """OWASP's CSV injection: Excel runs a cell starting with = + - @ tab or CR."""
    starts = ['=HYPERLINK("http://evil","click")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)"]
    starts += ["\t=1+1", "\r=1+1"]
    acts = [{"topic": "financien", "title": s, "year": 1, "goal": s} for s in starts]
    text = render.to_csv(overview_of(plan_yaml(activities=acts)), dialect)
    rows = list(
        csv.reader(
            io.StringIO(text.removeprefix("\ufeff"), newline=""),
            delimiter=";" if dialect == "excel-nl" else ",",
        )
    )[1:]
    assert [row[5] for row in rows] == [
        "'" + s.replace("\t", "\\t").replace("\r", "\\r") for s in starts
    ]
    assert [row[6] for row in rows] == [row[5] for row in rows]
    assert [row[0] for row in rows] == ["1", "2", "3", "4", "5", "6"]  # numbers untouched


def test_csv_header_in_english(example_plan: Path) -> None:
    set_language("en")
    text = render.to_csv(overview_of(example_plan.read_text(encoding="utf-8")))
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["No.", "Year", "Competency"]
    assert len(rows) == 1 + 16
    assert rows[1][7] == "done"


# -- the terminal table ----------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_table_fits_80_columns(example_plan: Path, lang: str) -> None:
    set_language(lang)
    long_word = "https://www.example.org/" + "x" * 90
    for text in (
        example_plan.read_text(encoding="utf-8"),
        nasty_plan(),
        plan_yaml(
            activities=[
                {
                    "topic": "leidinggeven-en-samenwerken",
                    "title": "Heel lange titel " * 8,
                    "year": 1,
                    "status": "in_progress",
                    "evidence": long_word,
                }
            ]
        ),
    ):
        out = render.table_text(overview_of(text), 80)
        too_long = [line for line in out.splitlines() if len(line) > 80]
        assert not too_long


def test_topic_ids_are_never_cut(example_plan: Path) -> None:
    """Users type topic ids; at 80 and at 120 columns each appears whole."""
    ov = overview_of(example_plan.read_text(encoding="utf-8"))
    for width in (80, 120):
        out = render.table_text(ov, width)
        for topic_id in ("leidinggeven-en-samenwerken", "incidenten-en-conflicten"):
            assert topic_id in out
        assert "…" not in out


def test_table_sections_and_status_words(example_plan: Path) -> None:
    out = render.table_text(overview_of(example_plan.read_text(encoding="utf-8")), 100)
    assert "Jaar 1 (sep 2025 – aug 2026) · begin" in out
    assert "Jaar 2 (sep 2026 – aug 2027) · begin · huidig jaar" in out
    for label in ("✓ afgerond", "▶ bezig", "○ gepland"):
        assert label in out
    # the header's values line up after the longest label (a space after it), as on the
    # summary page: the label and its value share one line
    assert "  Stand op 22 nov 2026  jaar 2 van 5, begin\n" in out
    assert "  Specialisme           Neurologie\n" in out
    assert "14 van de 14 onderwerpen gedekt, waarvan 5 afgerond." in out


def test_four_and_a_half_years_has_five_sections() -> None:
    ov = overview_of(plan_yaml(years=4.5))
    out = render.table_text(ov, 80)
    sections = [line.rstrip(" ═") for line in out.splitlines() if line.startswith("Jaar ")]
    assert sections == [
        "Jaar 1 (sep 2025 – aug 2026) · begin",
        "Jaar 2 (sep 2026 – aug 2027) · midden · huidig jaar",
        "Jaar 3 (sep 2027 – aug 2028) · midden",
        "Jaar 4 (sep 2028 – aug 2029) · eind",
        "Jaar 5 (sep 2029 – feb 2030) · eind",
    ]
    assert "1 sep 2025 – 28 feb 2030 (4,5 jaar)" in out
    md = headings(parse(render.to_markdown(ov)), 2)
    assert md[4] == "Jaar 5 (sep 2029 – feb 2030) · eind"
    set_language("en")
    assert "(4.5 years)" in render.table_text(ov, 80)


def test_empty_year_and_unknown_topic_are_said_plainly() -> None:
    ov = overview_of(
        plan_yaml(years=2, activities=[{"topic": "bestaat-niet", "title": "X", "year": 1}])
    )
    out = render.table_text(ov, 80)
    assert "Geen activiteiten in dit jaar." in out
    assert "Onderwerpen die niet in het kader staan" in out
    assert "onbekend onderwerp 'bestaat-niet'" in out
    assert "0 van de 14 onderwerpen gedekt" in out


def test_unknown_topic_is_named_once_and_outside_year_has_its_section() -> None:
    ov = overview_of(
        plan_yaml(
            years=2,
            activities=[
                {"topic": "bestaat-niet", "title": "X", "year": 1},
                {"topic": "financien", "title": "Y", "year": 4},
            ],
        )
    )
    for width in (80, 120):
        out = render.table_text(ov, width)
        assert "(bestaat-niet)" not in out
        assert "Jaar 4 (buiten de opleiding)" in out
    h2 = headings(parse(render.to_markdown(ov)), 2)
    assert h2[:3] == [
        "Jaar 1 (sep 2025 – aug 2026) · begin",
        "Jaar 2 (sep 2026 – aug 2027) · eind · huidig jaar",
        "Jaar 4 (buiten de opleiding)",
    ]
