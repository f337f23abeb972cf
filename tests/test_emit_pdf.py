"""The PDF emitter (render/emit_pdf.py), read back by real readers: pypdf for the text,
the fonts, the outline and the metadata; pdfium (Chrome's and Edge's engine) for the text
again and the pixels of a page."""

from __future__ import annotations

import io
import re

import pypdfium2 as pdfium
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from sample_documents import ACCENTS, every_block, long_table

from conftest import examples
from mlplan.render.document import (
    Column,
    Document,
    Field,
    Fields,
    Figure,
    Finding,
    Findings,
    ItemList,
    ListItem,
    Paragraph,
    Section,
    Table,
    plain_text,
)
from mlplan.render.emit_pdf import to_pdf


@pytest.fixture(scope="module")
def sample() -> bytes:
    return to_pdf(every_block())


def pages_text(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def words(text: str) -> set[str]:
    """The words of ``text``, without the colon a label or a location ends in."""
    return {w.rstrip(":") for w in re.findall(r"[\w:.·–—-]+", text)}


def test_every_word_of_the_document_is_text_a_reader_finds(sample: bytes) -> None:
    doc = every_block()
    found = words("\n".join(pages_text(sample)))
    hidden = {"Kort", "verborgen", "Alleen", "terminal", "x"}  # columns only a terminal shows
    # the picture is drawn, so its alternative text is the picture's, not the page's
    alt = words("Tijdlijn: jaar 1 tot 3, vandaag in jaar 2")
    # a finding with its position in words shows that instead of its location
    placed = {"plan.yaml:9:1"}
    assert words(plain_text(doc)) - hidden - alt - placed - found == set()
    assert "ML202 (waarschuwing), regel 9: Een waarschuwing" in "\n".join(pages_text(sample))
    assert "Overdracht voorzitten (overleg)" in pages_text(sample)[0]  # a cell's code
    assert hidden & found == set()
    assert ACCENTS in pages_text(sample)[0]  # the accents as one piece of text, not glyphs


def test_the_long_table_runs_over_pages_with_its_header_row_on_each(sample: bytes) -> None:
    texts = pages_text(sample)
    assert len(texts) >= 3
    with_rows = [text for text in texts if "Rij " in text]
    assert len(with_rows) >= 2
    for text in with_rows:
        assert re.search(r"^Activiteit\s+Status\s+Datum$", text, re.MULTILINE), text[:300]
    numbers = [int(n) for text in with_rows for n in re.findall(r"Rij (\d+):", text)]
    assert numbers == list(range(1, 71))  # every row once, in order


def test_every_page_has_the_running_header_and_its_number(sample: bytes) -> None:
    texts = pages_text(sample)
    for n, text in enumerate(texts, 1):
        assert text.startswith(f"{ACCENTS} · 3 dec 2026"), text[:80]
        assert f"pagina {n} van {len(texts)}" in text


def test_every_font_is_embedded_and_no_other_font_is_used(sample: bytes) -> None:
    reader = PdfReader(io.BytesIO(sample))
    names: set[str] = set()
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            assert font["/Subtype"] == "/Type0"  # Unicode (Identity-H with a ToUnicode map)
            assert "/ToUnicode" in font
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor  # the TrueType program is in the file
            names.add(str(font["/BaseFont"]).split("+")[-1])
    assert names == {"DejaVuSansBook", "DejaVuSansBold"}  # the picture's text too


def test_title_author_subject_language_and_pdfa(sample: bytes) -> None:
    reader = PdfReader(io.BytesIO(sample))
    xmp = reader.xmp_metadata
    assert xmp is not None
    assert xmp.dc_title == {"x-default": f"Plan medisch leiderschap: {ACCENTS}"}
    assert xmp.dc_creator == ["Anne de Vriës"]
    assert xmp.dc_description == {"x-default": "IOP medisch leiderschap"}
    assert (xmp.pdfaid_part, xmp.pdfaid_conformance) == ("2", "U")
    assert reader.trailer["/Root"]["/Lang"] == "nl"


def test_the_headings_are_the_outline(sample: bytes) -> None:
    outline = PdfReader(io.BytesIO(sample)).outline
    top = [item["/Title"] for item in outline if not isinstance(item, list)]
    nested = [item["/Title"] for group in outline if isinstance(group, list) for item in group]
    assert top == ["Jaar 2 · coördinatie", "Alle activiteiten"]
    assert nested == ["Competentie: samenwerken"]


def test_pdfium_reads_the_text_and_draws_the_page(sample: bytes) -> None:
    pdf = pdfium.PdfDocument(sample)
    try:
        assert len(pdf) == len(pages_text(sample))
        page = pdf[0]
        text = page.get_textpage().get_text_range()
        assert ACCENTS in text and "Jaar 2 · coördinatie" in text
        image = page.render(scale=1).to_pil().convert("RGB")
        width, height = image.size
        assert (round(width / 10), height) == (60, 842)  # A4 at 72 dpi
        # ink in the header band and in the title, white in the margins
        band = image.crop((40, 20, width - 40, 40)).getextrema()
        assert min(low for low, _ in band) < 160
        margin = image.crop((0, 100, 30, height - 100)).getextrema()
        assert all(low == 255 for low, _ in margin)
        # the picture is drawn: its first bar's blue (#56B4E9) is somewhere on the page
        colours = {rgb for _, rgb in image.getcolors(maxcolors=1 << 20) or ()}
        assert any(
            abs(r - 0x56) < 8 and abs(g - 0xB4) < 8 and abs(b - 0xE9) < 8 for r, g, b in colours
        )
    finally:
        pdf.close()


def test_characters_the_fonts_lack_and_control_characters_are_escaped_not_lost() -> None:
    doc = Document("Naam: 漢字 en \x1b[2J", blocks=(Paragraph("emoji 😀 · tab\there"),))
    text = "\n".join(pages_text(to_pdf(doc)))
    assert "Naam: \\u6f22\\u5b57 en \\x1b[2J" in text
    assert "emoji \\U0001f600" in text or "emoji \\ud83d" in text or "\\u1f600" in text
    assert "tab\\there" in text


def test_combining_accents_are_composed() -> None:
    decomposed = "Cafe\u0301 coo\u0308rdinator"
    text = pages_text(to_pdf(Document(decomposed)))[0]
    assert "Café coördinator" in text


def test_a_picture_it_cannot_draw_is_its_alt_text() -> None:
    broken = Figure("<svg xmlns='http://www.w3.org/2000/svg'><rect", "Tijdlijn in woorden")
    text = pages_text(to_pdf(Document("Plan", blocks=(Section("Jaar 1", (broken,)),))))[0]
    assert "Tijdlijn in woorden" in text


def test_a_table_of_many_columns_still_fits_the_page() -> None:
    table = long_table(5)
    wide = Document("Plan", blocks=(table,) * 2)
    reader = PdfReader(io.BytesIO(to_pdf(wide)))
    assert len(reader.pages) == 1
    assert "2026-02-02" in reader.pages[0].extract_text()  # the right column is on the page


def test_a_cell_longer_than_a_page_and_an_endless_word_are_kept_whole() -> None:
    tall = "\n".join(f"regel {n}" for n in range(200))
    table = Table((Column("A"), Column("B")), ((tall, "x"), ("y" * 3000, "z")))
    doc = Document("Plan", blocks=(table, Fields((Field("Lang", tall),))))
    text = "\n".join(pages_text(to_pdf(doc)))
    assert [n for n in range(200) if f"regel {n}\n" not in text + "\n"] == []
    assert text.count("regel 199") == 2  # the table's and the field's
    assert text.count("y") >= 3000


def test_many_columns_share_the_page() -> None:
    columns = tuple(Column(f"Kolom nummer {n}", wrap=False) for n in range(14))
    table = Table(columns, (tuple(f"waarde{n}" for n in range(14)),))
    text = pages_text(to_pdf(Document("Plan", blocks=(table,))))[0]
    assert all(f"waarde{n}" in text.replace("\n", "") for n in range(14))


def test_a_weighted_column_is_never_narrower_than_its_longest_word() -> None:
    """The page builder's weights are for Markdown's and Word's sake; on paper a topic id
    cut into "persoonlijk-leidersc" and "hap" is no longer what the aios types or
    searches for, so a narrow column takes its longest word's width from the others."""
    columns = (
        Column("Nr", right=True, weight=4),
        Column("Onderwerp", weight=8),
        Column("Activiteit", weight=40),
        Column("Leerdoel", weight=40),
    )
    row = ("8", "Persoonlijk leiderschap (persoonlijk-leiderschap)", "360 graden feedback", "x")
    text = pages_text(to_pdf(Document("Plan", blocks=(Table(columns, (row,)),))))[0]
    assert "(persoonlijk-leiderschap)" in text.split()


def test_an_endless_word_is_cut_but_a_file_name_beside_it_keeps_its_width() -> None:
    """Eleven columns (the group overview): the longest words cannot all stand side by
    side, so the widest are cut, and only they: a file name stays whole."""
    columns = (*(Column(f"Kolom{n}") for n in range(9)), Column("Bestand"), Column("Fout"))
    row = (*(f"waarde{n}" for n in range(9)), "kapot.yaml", "x" * 400)
    text = pages_text(to_pdf(Document("Groep", blocks=(Table(columns, (row,)),))))[0]
    assert "kapot.yaml" in text.split()
    assert text.count("x") >= 400


@settings(max_examples=examples(60), deadline=None)
@given(
    st.lists(st.text(max_size=80), min_size=1, max_size=6),
    st.lists(st.lists(st.text(max_size=60), min_size=2, max_size=2), max_size=8),
)
def test_any_text_makes_a_pdf(texts: list[str], rows: list[list[str]]) -> None:
    table = Table((Column(texts[0]), Column("B", right=True)), tuple(tuple(r) for r in rows))
    blocks = (
        Section(texts[-1], (Paragraph(texts[0]), table)),
        ItemList(tuple(ListItem(t, (t,)) for t in texts)),
        Findings(tuple(Finding(t, "ML001", "error", t) for t in texts[:2])),
    )
    data = to_pdf(Document(texts[0], subtitle=texts[-1], header=texts[0], blocks=blocks))
    assert PdfReader(io.BytesIO(data)).pages


def test_text_is_set_ragged_right_not_justified() -> None:
    """A justified line of a wrapped paragraph is wider than its words: fpdf2 stretches its
    spaces (offsets in a TJ array), which reads badly in a short line such as a title."""
    title = "Overdrachtsdocument medisch leiderschap: Anne de Vries van der Berg-Koster"
    data = to_pdf(Document(title))
    page = PdfReader(io.BytesIO(data)).pages[0]
    content = page.get_contents()
    assert content is not None
    assert b"] TJ" not in content.get_data()  # every line one plain string (Tj)


def test_quotes_identifiers_terms_and_addresses_are_on_the_page() -> None:
    from test_emitters import OUTLINE, SAMPLE

    text = "\n".join(pages_text(to_pdf(SAMPLE)))
    assert "Van ieder onderwerp *minimaal* één uitwerken." in text
    assert "Meer: mlplan framework" not in text  # a Medium's terminal blocks
    # paper has no links to follow: the address under the text
    assert re.search(r"coach-the-co\s+Canbetter \[thema\]\s+https://e\.org/a", text)
    assert "Basis: voor alle aios" in text and "Voorbeeld: visite lopen" in text
    assert re.search(r"Inspiratiekaartjes\s+website\s+https://e\.org/k", text)
    title = "Medisch leiderschap in de medische vervolgopleiding (kader-id)"
    assert title in re.sub(r"\s+", " ", pages_text(to_pdf(OUTLINE))[0])
