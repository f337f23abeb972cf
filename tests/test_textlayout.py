"""The plain-text layout of terminal pages: column tables and hanging-indent grids."""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len

from mlplan.render import textlayout as layout
from mlplan.render.textlayout import Column

EXAMPLE_PLAN = Path(__file__).resolve().parents[1] / "data" / "example-plan.yaml"
TODAY = ("--today", "2026-11-22")

ROWS = [
    ["2", "Organiseren onderwijs, symposium", "Organisatie van ziekenhuis en zorg", "bezig"],
    ["2", "Verslag en presentatie incidenten/complicaties", "Incident- en conflicthantering", "x"],
]
COLUMNS = [Column("Jaar"), Column("Activiteit of cursus"), Column("Onderwerp"), Column("Status")]


def test_a_table_that_fits_is_one_line_per_row_under_a_header_and_rule() -> None:
    lines = layout.table(COLUMNS, ROWS, 200)
    assert lines[0].split("  ")[1:3] == ["Jaar", "Activiteit of cursus"]
    assert set(lines[1].strip()) == {"─"} and len(lines[1]) == max(len(x) for x in lines)
    assert len(lines) == 4
    # aligned: every column starts at the same offset in the header and in each row
    start = lines[0].index("Onderwerp")
    assert lines[2][start:].startswith("Organisatie") and lines[3][start:].startswith("Incident")


def test_cells_wrap_within_their_column_and_no_line_is_too_wide() -> None:
    lines = layout.table(COLUMNS, ROWS, 60)
    assert all(cell_len(line) <= 60 for line in lines)
    assert all(line == line.rstrip() for line in lines)
    start = lines[0].index("Activiteit")
    body = lines[2:]
    # the activity's words continue on the next line, in the same column
    assert body[0][start:].startswith("Organiseren") and body[1][:start].strip() == ""
    words = " ".join(line[start:].split("  ")[0] for line in body[:2]).split()
    assert "symposium" in words
    # the narrow columns kept their width: the widest gave way first
    assert "Jaar" in lines[0] and "Status" in lines[0]


def test_never_wider_than_asked_even_with_long_words_and_wide_characters() -> None:
    rows = [["x" * 50, "漢字" * 20, "kort"], ["", "a\nb", "✓ ◐ ✗ • –"]]
    for width in (80, 40, 20, 12):
        lines = layout.table([Column("A"), Column("B"), Column("C", wrap=False)], rows, width)
        assert all(cell_len(line) <= width for line in lines), (width, lines)
        assert all(line == line.rstrip() for line in lines)


def test_a_column_that_does_not_wrap_is_cut_with_an_ellipsis_at_its_cap() -> None:
    lines = layout.table(
        [Column("Competentie", wrap=False, max_width=12)], [["1. Levert een bijdrage"]], 80
    )
    assert lines[2] == "  1. Levert e…"  # 12 cells


def test_grid_has_a_hanging_indent() -> None:
    lines = layout.grid([("•", "een twee drie vier vijf zes zeven", None, None)], 20)
    assert lines == ["  • een twee drie", "    vier vijf zes", "    zeven"]


def test_styles_only_when_asked() -> None:
    plain = layout.table(COLUMNS, ROWS, 80)
    assert not any("\x1b[" in line for line in plain)
    coloured = layout.table(COLUMNS, ROWS, 80, color=True)
    assert "\x1b[1mJaar\x1b[0m" in coloured[0]
    # the styles do not shift the columns
    strip = [line.replace("\x1b[1m", "").replace("\x1b[0m", "") for line in coloured]
    assert strip == plain


def test_example_page_at_80_columns(run: Any, tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    shutil.copy(EXAMPLE_PLAN, tmp_path / "plan.yaml")
    result = run("summary", str(tmp_path / "plan.yaml"), *TODAY)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    # the title and the meta line hold the file path and are not wrapped; the rest fits
    assert all(cell_len(line) <= 80 for line in lines[2:]), lines
    assert all(line == line.rstrip() for line in lines)
    assert "\x1b[" not in result.stdout
    for heading in (
        "Stand van zaken",
        "Controle (mlplan check)",
        "Dekking van de onderwerpen: 14/14 onderwerpen gedekt, waarvan 5 afgerond.",
        "Gedaan sinds het laatste gesprek (2026-07-01)",
        "Aan de beurt in de komende 6 maanden (tot 2027-05-22)",
        "Achterstallig",
        "Verbeterpunten (TOP 3)",
        "Afspraken van het laatste gesprek (2026-07-01, voortgangsgesprek)",
        "Gespreksonderwerpen",
    ):
        assert heading in lines
    # key facts, each in its aligned place
    assert "  Nu               jaar 2 van 5, begin (2026-09-01 t/m 2027-08-31)" in lines
    # two spaces after the longest label: it does not run into its value
    assert "  Laatste gesprek  2026-07-01, voortgangsgesprek" in lines
    assert "  2026-10-09  DOO leiderschap       cursus     Certificaat DOO leiderschap" in lines
    assert "  Niets achterstallig." in lines
    moved = next(line for line in lines if line.startswith("  DOO leiderschap inplannen"))
    assert moved.endswith("ja, afgerond 2026-10-09")
    assert (
        "  • Afspraak ‘Verslag en presentatie incidenten/complicaties voor het einde van" in lines
    )


def test_colour_only_on_a_terminal(monkeypatch: Any) -> None:
    import datetime as dt

    from mlplan.domain.checking import check_file
    from mlplan.domain.summary import summarise
    from mlplan.io.loading import load_framework
    from mlplan.render import output
    from mlplan.render.summary import page_text

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    fw, day = load_framework(), dt.date(2026, 11, 22)
    page = summarise(check_file(EXAMPLE_PLAN, fw, day), fw, day, None, 6)

    def shown(stream: io.StringIO) -> str:
        monkeypatch.setattr("sys.stdout", stream)
        out = output.Output("table")
        out.page(page_text(page, width=80, color=out.color))
        return stream.getvalue()

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert "\x1b[1mStand van zaken\x1b[0m" in shown(Tty())
    monkeypatch.setenv("NO_COLOR", "1")
    plain = shown(Tty())
    assert "\x1b[" not in plain
    monkeypatch.delenv("NO_COLOR")
    piped = shown(io.StringIO())
    assert "\x1b[" not in piped
    assert plain == piped


@pytest.mark.parametrize(
    "text",
    ["", "Dienstrooster", "Patiëntveiligheid é ë ï", "✓ afgerond", "漢字 x", "e\u0301", "–•◐"],
)
def test_cell_len_fast_path_agrees_with_rich(text: str) -> None:
    from rich.cells import cell_len as rich_cell_len

    from mlplan.render.textlayout import cell_len

    assert cell_len(text) == rich_cell_len(text)


def test_wrap_keeps_a_long_word_whole_when_asked() -> None:
    url = "https://www.managementsite.nl/kennisbank/vergaderen"
    assert layout.wrap(f"zie {url} nu", 20, fold=False) == ["zie", url, "nu"]
    assert all(len(line) <= 20 for line in layout.wrap(url, 20))  # the default folds


def test_a_bulleted_paragraph_hangs_its_wrapped_lines() -> None:
    lines = layout.wrap("• Participatie aios-bestuur, stafbestuur\n• Voorzitten MDO", 30)
    assert lines == ["• Participatie aios-bestuur,", "  stafbestuur", "• Voorzitten MDO"]


def test_fits_when_every_column_holds_its_longest_word() -> None:
    columns = [Column("id", wrap=False), Column("Onderwerp"), Column("Activiteiten")]
    rows = [["leidinggeven-en-samenwerken", "Leidinggeven en samenwerken", "• Rol in team"]]
    # indent 2, the id 27, "Leidinggeven" 12, "Activiteiten" 12, two gaps of 2
    need = 2 + 27 + 12 + 12 + 4
    assert layout.fits(columns, rows, need) and not layout.fits(columns, rows, need - 1)
    lines = layout.table(columns, rows, need)
    assert "…" not in "".join(lines) and "leidinggeven-en-samenwerken" in lines[2]
    # a bullet's hanging indent counts: "• " + the longest word
    assert not layout.fits([Column("A")], [["• ziekenhuiscommissies"]], 2 + 20)
    assert layout.fits([Column("A")], [["• ziekenhuiscommissies"]], 2 + 22)


def test_a_column_style_paints_its_cells_not_its_header() -> None:
    lines = layout.table(
        [Column("id", style=layout.CYAN), Column("B")], [["x", "y"]], 40, color=True
    )
    assert lines[0].startswith("  \x1b[1mid")
    assert lines[2].startswith("  \x1b[36mx\x1b[0m")


def test_joined_breaks_only_between_items() -> None:
    items = ["aios-00.yaml", "2/5 begin", "Dekking 14/14", "Te doen 4", "Achterstallig 0"]
    lines = layout.joined(items, 42, indent=2)  # the first line is exactly 42 wide
    assert lines == ["  aios-00.yaml · 2/5 begin · Dekking 14/14", "  Te doen 4 · Achterstallig 0"]
    long = "jan-van-der-berg-neurologie-cohort-2025.yaml"
    assert layout.joined([long, "2/5 begin"], 30, indent=2) == [f"  {long}", "  2/5 begin"]
