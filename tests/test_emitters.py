"""The document model's emitters: terminal text and Markdown.

One document holds every block type (``SAMPLE``), with every optional field set somewhere;
each emitter has a case per block type in ``SHOWS`` that says what of the block its output
must show. A block type added to ``document.Block`` without its sample or without its case
for an emitter fails here, as does an emitter that drops a block silently.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Callable

import pytest
from rich.cells import cell_len
from test_markdown_renderers import assert_same_everywhere

from mlplan.render import emit_markdown, emit_text
from mlplan.render.document import (
    Block,
    Cell,
    Column,
    Document,
    Field,
    Fields,
    Figure,
    Finding,
    Findings,
    ItemList,
    ListItem,
    Medium,
    Paragraph,
    Quote,
    Section,
    Table,
    plain_text,
    walk,
)

ANSI = re.compile(r"\x1b\[[0-9;]*m")

TABLE = Table(
    columns=(
        Column("Nr", wrap=False, right=True, weight=4),
        Column("Onderwerp", weight=16),
        Column("Activiteit", terminal=False, weight=20),
        Column("Activiteit en doel", document=False),
        Column("Status", wrap=False, weight=10),
        Column("Gaat over", items=True, weight=12),
    ),
    rows=(
        (
            "1",
            Cell("Overlegmomenten", code="overlegmomenten"),
            "Voorzitten overdracht",
            "Voorzitten overdracht\nDoel: structureert",
            Cell("afgerond", tone="good"),
            "Visite\nPoli",
        ),
        (
            "12",
            Cell("Organisatie van ziekenhuis en zorg", short="organisatie"),
            "Organiseren *onderwijs*",
            "Organiseren *onderwijs*",
            Cell("bezig", tone="warn"),
            "",
        ),
    ),
    row_tones=(None, "bad"),
    stack=True,
)

SAMPLE = Document(
    title="Plan van Anne *de* Vries",
    subtitle="Neurologie · LUMC",
    blocks=(
        Fields((Field("Specialisme", "Neurologie"), Field("Opleider", "dr. J. Jansen"))),
        Paragraph("Status: afgerond of bezig.", terminal="Status: afgerond of bezig. Met het Nr."),
        Section(
            "Jaar 2 (sep 2026 – aug 2027)",
            tone="accent",
            anchor="year-2",
            blocks=(
                Section("Competentie 1", blocks=(TABLE,)),
                Paragraph("Geen cursussen in dit jaar.", tone="muted"),
            ),
        ),
        Section(
            "Dekking",
            summary="12 van 20 gedekt",
            blocks=(
                Paragraph("Voorwaardelijke cursussen", tone="strong"),
                ItemList((ListItem("✓ afgerond: Coach-the-co", tone="good"), ListItem("- los"))),
            ),
        ),
        Section(
            "Verbeterpunten",
            blocks=(
                ItemList(
                    (
                        ListItem(
                            "Vaker het initiatief nemen",
                            details=("Hoe: elke week",),
                            fields=(Field("Bewijs", "twee KPB's"),),
                            tone="strong",
                        ),
                        ListItem("Grenzen aangeven"),
                    ),
                    numbered=True,
                ),
            ),
        ),
        Section(
            "Bevindingen",
            blocks=(
                Findings(
                    (
                        Finding("plan.yaml:3:5", "ML101", "error", "onbekend onderwerp 'x'"),
                        Finding(
                            "plan.yaml:9:1", "ML201", "warning", "geen cursus", "regel 9, kolom 1"
                        ),
                    ),
                    more="… en nog 3; alles met: mlplan check plan.yaml",
                ),
                Figure("<svg xmlns='http://www.w3.org/2000/svg'/>", alt="Tijdlijn van vijf jaar"),
                Figure("<svg xmlns='http://www.w3.org/2000/svg'/>"),
            ),
        ),
        Section(
            "Kader",
            blocks=(
                Quote("Van ieder onderwerp *minimaal* één uitwerken."),
                Medium(
                    terminal=(Paragraph("Meer: mlplan framework ID"),),
                    document=(
                        Table(
                            (Column("id", wrap=False, tone="code"), Column("Materiaal")),
                            (("coach-the-co", Cell("Canbetter [thema]", url="https://e.org/a")),),
                        ),
                    ),
                ),
                ItemList(
                    (
                        ListItem("voor alle aios", term="Basis"),
                        ListItem("visite lopen", label="Voorbeeld"),
                        ListItem("Inspiratiekaartjes", details=("website",), url="https://e.org/k"),
                    )
                ),
            ),
        ),
    ),
)


def _text(width: int = 100, color: bool = False) -> str:
    return emit_text.to_text(SAMPLE, width=width, color=color)


def _markdown() -> str:
    return emit_markdown.to_markdown(SAMPLE)


BLOCK_TYPES = typing.get_args(Block)


def test_the_sample_holds_every_block_type() -> None:
    held = {type(b) for b in walk(SAMPLE.blocks)}
    missing = [t.__name__ for t in BLOCK_TYPES if t not in held]
    assert not missing, f"add a {missing} to SAMPLE"


# -- what each emitter shows of each block type ------------------------------------------------

Check = Callable[[str], None]


def _text_section(out: str) -> None:
    lines = out.splitlines()
    # a heading after a blank line; a nested one indented like the blocks; the summary on
    # the heading's line
    year = lines.index("Jaar 2 (sep 2026 – aug 2027)")
    assert lines[year - 1] == ""
    assert "  Competentie 1" in lines
    assert "Dekking: 12 van 20 gedekt" in lines


def _text_paragraph(out: str) -> None:
    assert "  Status: afgerond of bezig. Met het Nr." in out.splitlines()  # the terminal's words
    assert "  Geen cursussen in dit jaar." in out.splitlines()


def _text_fields(out: str) -> None:
    assert re.search(r"^  Specialisme +Neurologie$", out, re.M)


def _text_table(out: str) -> None:
    header = next(line for line in out.splitlines() if "Onderwerp" in line)
    assert header.split() == [
        "Nr",
        "Onderwerp",
        "Activiteit",
        "en",
        "doel",
        "Status",
        "Gaat",
        "over",
    ]
    assert "organisatie" in out and "Organisatie van ziekenhuis" not in out  # the short form
    assert re.search(r"^   1  Overlegmomenten", out, re.M)
    assert re.search(r"^ +overlegmomenten +Doel: structureert", out, re.M)  # the code under it


def _text_item_list(out: str) -> None:
    assert re.search(r"^  1\. Vaker het initiatief nemen$", out, re.M)
    assert re.search(r"^     Hoe: elke week · Bewijs: twee KPB's$", out, re.M)
    assert re.search(r"^  • ✓ afgerond: Coach-the-co$", out, re.M)


def _text_findings(out: str) -> None:
    lines = out.splitlines()
    assert "  plan.yaml:3:5: ML101 onbekend onderwerp 'x'" in lines
    assert "  plan.yaml:9:1: ML201 geen cursus" in lines  # the location, not the words
    assert "  … en nog 3; alles met: mlplan check plan.yaml" in lines


def _text_quote(out: str) -> None:
    assert "  Van ieder onderwerp *minimaal* één uitwerken." in out.splitlines()


def _text_medium(out: str) -> None:
    lines = out.splitlines()
    assert "  Meer: mlplan framework ID" in lines  # the terminal's blocks
    assert "Canbetter" not in out and "coach-the-co" not in out  # not the documents'
    assert "  • Basis: voor alle aios" in lines and "  • Voorbeeld: visite lopen" in lines
    # a list item's address on a line of its own under its details
    at = lines.index("  • Inspiratiekaartjes")
    assert lines[at + 1 : at + 3] == ["    website", "    https://e.org/k"]


def _text_figure(out: str) -> None:
    assert "  Tijdlijn van vijf jaar" in out.splitlines()
    assert "<svg" not in out


def _md_section(out: str) -> None:
    assert "\n## Jaar 2 (sep 2026 – aug 2027)\n\n### Competentie 1\n\n" in out
    assert "\n## Dekking\n\n12 van 20 gedekt\n\n" in out


def _md_paragraph(out: str) -> None:
    assert "\nStatus: afgerond of bezig.\n" in out and "Met het Nr" not in out
    assert "\n*Geen cursussen in dit jaar.*\n" in out
    assert "\n**Voorwaardelijke cursussen**\n" in out


def _md_fields(out: str) -> None:
    assert "- **Specialisme:** Neurologie\n- **Opleider:** dr. J. Jansen\n" in out


def _md_table(out: str) -> None:
    assert "| Nr | Onderwerp | Activiteit | Status | Gaat over |\n|---:|" in out
    assert "|---:|----------------|--------------------|----------|------------|" in out
    assert "| 1 | Overlegmomenten (`overlegmomenten`) | Voorzitten overdracht |" in out
    assert "| Visite; Poli |" in out  # a list's items on one line
    assert "Organiseren \\*onderwijs\\*" in out and "Doel: structureert" not in out


def _md_item_list(out: str) -> None:
    assert (
        "1. **Vaker het initiatief nemen**\n    - Hoe: elke week\n    - *Bewijs:* twee KPB's\n"
        in out
    )
    assert "\n2. Grenzen aangeven\n" in out
    assert "- ✓ afgerond: Coach-the-co\n- \\- los\n" in out


def _md_findings(out: str) -> None:
    assert "- `plan.yaml:3:5` ML101 onbekend onderwerp 'x'\n" in out
    assert "- **ML201** (waarschuwing), regel 9, kolom 1: geen cursus\n" in out
    assert "- … en nog 3; alles met: mlplan check plan.yaml\n" in out


def _md_quote(out: str) -> None:
    assert "\n> Van ieder onderwerp \\*minimaal\\* één uitwerken.\n\n" in out


def _md_medium(out: str) -> None:
    assert "Meer: mlplan framework" not in out  # the terminal's blocks
    # the documents': an identifier in code, a link with its text escaped
    assert "| `coach-the-co` | [Canbetter \\[thema\\]](https://e.org/a) |" in out
    assert "- **Basis**: voor alle aios\n- *Voorbeeld:* visite lopen\n" in out
    assert "- [Inspiratiekaartjes](https://e.org/k)\n    - website\n" in out


def _md_figure(out: str) -> None:
    assert "\nTijdlijn van vijf jaar\n" in out and "<svg" not in out


SHOWS: dict[str, dict[type, Check]] = {
    "text": {
        Section: _text_section,
        Paragraph: _text_paragraph,
        Fields: _text_fields,
        Table: _text_table,
        ItemList: _text_item_list,
        Findings: _text_findings,
        Figure: _text_figure,
        Quote: _text_quote,
        Medium: _text_medium,
    },
    "markdown": {
        Section: _md_section,
        Paragraph: _md_paragraph,
        Fields: _md_fields,
        Table: _md_table,
        ItemList: _md_item_list,
        Findings: _md_findings,
        Figure: _md_figure,
        Quote: _md_quote,
        Medium: _md_medium,
    },
}
EMITTED: dict[str, Callable[[], str]] = {"text": _text, "markdown": _markdown}


@pytest.mark.parametrize("block_type", BLOCK_TYPES, ids=lambda b: b.__name__)
@pytest.mark.parametrize("emitter", sorted(EMITTED))
def test_every_emitter_shows_every_block_type(emitter: str, block_type: type) -> None:
    case = SHOWS[emitter].get(block_type)
    assert case is not None, f"{emitter}: no case for {block_type.__name__} in SHOWS"
    case(EMITTED[emitter]())


@pytest.mark.parametrize("emitter", [emit_text.to_text, emit_markdown.to_markdown])
def test_an_emitter_refuses_a_block_it_has_no_case_for(emitter: Callable[..., str]) -> None:
    doc = Document("x", blocks=(object(),))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="object"):
        emitter(doc, width=80, color=False) if emitter is emit_text.to_text else emitter(doc)


def test_every_word_of_the_document_is_in_the_markdown() -> None:
    out = _markdown().replace("\\", "")
    words = set(re.findall(r"\w+", plain_text(SAMPLE)))
    assert words - set(re.findall(r"\w+", out)) == set()


# -- the terminal ------------------------------------------------------------------------------


def test_the_title_is_bold_and_the_subtitle_dim_only_with_colour() -> None:
    plain, coloured = _text(), _text(color=True)
    assert not ANSI.search(plain)
    assert coloured.startswith("\x1b[1mPlan van Anne *de* Vries\x1b[0m\n\x1b[2mNeurologie")
    assert ANSI.sub("", coloured) == plain  # the styles add nothing to the layout


def test_tones_become_styles_on_a_colour_terminal() -> None:
    out = _text(color=True)
    assert "\x1b[1;36mJaar 2 (sep 2026 – aug 2027)\x1b[0m" in out  # accent
    assert "\x1b[32mafgerond\x1b[0m" in out  # a good cell
    assert "\x1b[31m12\x1b[0m" in out  # a bad row over its cells' own tone
    assert "\x1b[2mGeen cursussen in dit jaar.\x1b[0m" in out
    assert "\x1b[31mplan.yaml:3:5: ML101" in out and "\x1b[2mHoe: elke week" in out


@pytest.mark.parametrize("width", [40, 50, 60, 80, 120, 200])
def test_no_line_is_wider_than_the_screen_and_no_word_is_cut(width: int) -> None:
    out = _text(width)
    for line in out.splitlines():
        assert cell_len(line) <= width, line
        assert line == line.rstrip()
    # every word of the terminal's cells stands whole (the table stacks when it must)
    for row in TABLE.rows:
        for value in row:
            for word in emit_text.terminal_text(
                Cell(value) if isinstance(value, str) else value
            ).split():
                assert re.search(rf"(^|\s){re.escape(word)}(\s|$)", out, re.M), (width, word)


def test_a_table_too_wide_for_the_screen_stacks_its_rows() -> None:
    lines = _text(40).splitlines()
    assert "  Nr: 1" in lines and "  Nr: 12" in lines
    assert "  Onderwerp: Overlegmomenten" in lines
    assert "    overlegmomenten" in lines  # a cell's next line under its first
    assert "  Gaat over: Visite" in lines and "    Poli" in lines
    assert "  Gaat over:" not in lines  # an empty cell is left out
    wide = _text(120)
    assert "Nr: 1" not in wide and "──" in wide


def test_a_table_without_stack_folds_as_the_summary_page_always_did() -> None:
    table = Table((Column("A"), Column("B")), (("x" * 30, "y" * 30),))
    out = emit_text.to_text(Document("t", blocks=(table,)), width=40, color=False)
    assert "A:" not in out and max(map(cell_len, out.splitlines())) <= 40


# -- Markdown ----------------------------------------------------------------------------------


def test_user_text_is_escaped_and_the_level_nests_the_page() -> None:
    out = emit_markdown.to_markdown(SAMPLE, level=2)
    assert out.startswith("## Plan van Anne \\*de\\* Vries\n\nNeurologie · LUMC\n\n")
    assert "\n### Jaar 2" in out and "\n#### Competentie 1" in out
    assert out.endswith("\n") and not out.endswith("\n\n")


def test_a_table_without_weights_keeps_the_plain_delimiter() -> None:
    table = Table((Column("A", right=True), Column("B")), (("1", "b"),))
    out = emit_markdown.to_markdown(Document("t", blocks=(table,)))
    assert "| A | B |\n|---|---|\n| 1 | b |\n" in out


def test_the_markdown_reads_alike_in_every_renderer() -> None:
    assert_same_everywhere(_markdown())


# -- an outline (the framework's page) ---------------------------------------------------------

OUTLINE = Document(
    title="Medisch leiderschap in de medische vervolgopleiding",
    code="kader-id",
    outline=True,
    blocks=(
        Paragraph("Bron: de federatie (2017)"),
        Quote("Van ieder onderwerp minimaal één"),
        Section(
            "Fasen",
            (
                Section("Begin", (ItemList((ListItem("inzicht"),)),)),
                Section("Eind", (ItemList((ListItem("voorzitten", label="Voorbeeld"),)),)),
            ),
        ),
        Section(
            "Cursussen",
            (
                Table(
                    (Column("id", wrap=False, tone="code"), Column("Cursus")),
                    (("clinical-business-administration", "Leergang Clinical Business"),),
                    narrow=(
                        Section(
                            "clinical-business-administration",
                            (Paragraph("Leergang Clinical Business", tone="strong"),),
                            tone="code",
                        ),
                    ),
                ),
            ),
        ),
        Medium(
            terminal=(Paragraph("Eén onderwerp: mlplan framework https://e.org/heel/lang/adres"),)
        ),
    ),
)


def test_an_outline_indents_every_line_by_its_depth_and_cuts_no_word() -> None:
    out = emit_text.to_text(OUTLINE, width=40, color=False)
    assert out.splitlines() == [
        "Medisch leiderschap in de medische",  # the title wraps, with its code
        "vervolgopleiding (kader-id)",
        "Bron: de federatie (2017)",  # the blocks under the title: not indented
        "Van ieder onderwerp minimaal één",
        "",
        "Fasen",
        "  Begin",  # a nested heading: no blank line, indented like its parent's blocks
        "    • inzicht",
        "  Eind",
        "    • Voorbeeld: voorzitten",
        "",
        "Cursussen",
        "  clinical-business-administration",  # too narrow: the table's own entries
        "    Leergang Clinical Business",
        "",  # a top-level block after a section stands apart
        "Eén onderwerp: mlplan framework",
        "https://e.org/heel/lang/adres",  # whole, never folded
    ]
    coloured = emit_text.to_text(OUTLINE, width=40, color=True)
    assert "\x1b[3mVan ieder onderwerp minimaal één\x1b[0m" in coloured  # a quote in italics
    assert "  \x1b[36mclinical-business-administration\x1b[0m" in coloured  # code in cyan
    wide = emit_text.to_text(OUTLINE, width=80, color=True).splitlines()
    assert wide[0] == "\x1b[1mMedisch leiderschap in de medische vervolgopleiding (kader-id)\x1b[0m"
    assert "  \x1b[36mclinical-business-administration\x1b[0m  Leergang Clinical Business" in wide


# the group overview's shapes: a table that a narrow screen shows as entries, lines as they are
LATE = "Bram Bakker: was uiterlijk 2027-01-01 aan de beurt"
FIRST_ERROR = Finding("plannen/bram.yaml:3:1", "ML001", "error", "haakje '[' is niet gesloten")


def _entry(name: str, file: str, due: str, tone: typing.Any) -> ListItem:
    return ListItem(name, details=(file, f"Te doen {due}", "Fouten 0"), tone=tone)


OVERVIEW = Document(
    "Overzicht",
    blocks=(
        Table(
            (Column("Aios"), Column("Te doen", right=True), Column("Bestand")),
            (("Anne de Vries", "4", "anne.yaml"), ("Bram Bakker", "12", "bram.yaml")),
            row_tones=(None, "bad"),
            narrow=(
                ItemList(
                    (
                        _entry("Anne de Vries", "anne.yaml", "4", "strong"),
                        _entry("Bram Bakker", "bram.yaml", "12", "bad"),
                    ),
                    entries=True,
                ),
            ),
        ),
        Paragraph("Te doen: de komende 6 maanden.", tone="muted"),
        Section("Gesprek te laat", (ItemList((ListItem(LATE),), lines=True),)),
        Section("Eerste fout", (Findings((FIRST_ERROR,), lines=True),)),
    ),
    outline=True,
)
LINES = [
    "",
    "Gesprek te laat",
    LATE,
    "",
    "Eerste fout",
    f"{FIRST_ERROR.location}: ML001 haakje '[' is niet gesloten",
]


def test_lines_stand_whole_at_their_heading_and_entries_join_their_details() -> None:
    # at 24 columns the table does not fit: "Te doen" over its numbers never wraps
    assert emit_text.to_text(OVERVIEW, width=24, color=False).splitlines() == [
        "Overzicht",
        "Anne de Vries",  # an entry: its text on a line, no bullet
        "  anne.yaml · Te doen 4",  # its details joined, broken only between two
        "  Fouten 0",
        "Bram Bakker",  # no blank line between entries
        "  bram.yaml · Te doen 12",
        "  Fouten 0",
        "",  # one after the last: the note is not one more entry
        "Te doen: de komende 6",
        "maanden.",
        *LINES,  # wider than the screen, yet whole, at the heading's indent, no bullet
    ]
    assert emit_text.to_text(OVERVIEW, width=40, color=False).splitlines() == [
        "Overzicht",
        "Aios           Te doen  Bestand",
        "─" * 33,
        "Anne de Vries        4  anne.yaml",
        "Bram Bakker         12  bram.yaml",
        "Te doen: de komende 6 maanden.",
        *LINES,
    ]
    coloured = emit_text.to_text(OVERVIEW, width=24, color=True).splitlines()
    assert coloured[1:3] == ["\x1b[1mAnne de Vries\x1b[0m", "  anne.yaml · Te doen 4"]
    assert coloured[4] == "\x1b[31mBram Bakker\x1b[0m"  # the entry's tone
    assert coloured[-4:] == [
        LATE,  # a list item in the normal tone is not styled
        "",
        "\x1b[1mEerste fout\x1b[0m",
        f"\x1b[31m{LINES[-1]}\x1b[0m",  # an error in red, from the start of its line
    ]


def test_lines_stand_at_the_heading_of_a_page_that_is_no_outline() -> None:
    doc = Document(
        "Pagina",
        blocks=(
            Section("Fouten", (Findings((FIRST_ERROR,), lines=True),)),
            Section("Jaar", (Section("Te laat", (ItemList((ListItem(LATE),), lines=True),)),)),
        ),
    )
    lines = emit_text.to_text(doc, width=30, color=False).splitlines()
    assert lines[3] == LINES[-1]  # under a top-level heading: at the left, as it
    assert lines[-2:] == ["  Te laat", "  " + LATE]  # under a nested one: at its indent


def test_documents_show_lines_and_entries_as_any_list() -> None:
    out = emit_markdown.to_markdown(OVERVIEW)
    assert f"- {LATE}\n" in out
    assert "- `plannen/bram.yaml:3:1` ML001 haakje '\\[' is niet gesloten\n" in out
    assert "| Bram Bakker | 12 | bram.yaml |" in out and "Fouten 0" not in out  # no entries


def test_a_page_keeps_its_title_on_one_line_and_folds_a_word_wider_than_the_line() -> None:
    doc = Document(
        "Een titel die breder is dan de regel van veertig", blocks=(Paragraph("x" * 50),)
    )
    lines = emit_text.to_text(doc, width=40, color=False).splitlines()
    assert lines[0] == "Een titel die breder is dan de regel van veertig"
    assert lines[1:] == ["  " + "x" * 38, "  " + "x" * 12]


def test_an_identifier_after_the_title_is_code_in_markdown() -> None:
    out = emit_markdown.to_markdown(OUTLINE)
    assert out.startswith("# Medisch leiderschap in de medische vervolgopleiding (`kader-id`)\n")
    assert "| `clinical-business-administration` | Leergang Clinical Business |" in out
    assert "Eén onderwerp" not in out and "Leergang Clinical Business\n" not in out
    assert "\n### Eind\n\n- *Voorbeeld:* voorzitten\n" in out
