"""The Word emitter (render/emit_docx.py), read back by python-docx and by pandoc (a
second, independent reader of .docx)."""

from __future__ import annotations

import io
import zipfile

import docx
import pypandoc
import pytest
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st
from sample_documents import ACCENTS, every_block

from conftest import examples
from mlplan.render.document import (
    Column,
    Document,
    Finding,
    Findings,
    ItemList,
    ListItem,
    Paragraph,
    Section,
    Table,
)
from mlplan.render.emit_docx import to_docx


@pytest.fixture(scope="module")
def sample() -> bytes:
    return to_docx(every_block())


def opened(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def test_headings_are_word_headings_by_depth(sample: bytes) -> None:
    word = opened(sample)
    styled = [(p.style.name, p.text) for p in word.paragraphs if p.style.name != "Normal"]
    assert styled[:4] == [
        ("Title", f"Plan medisch leiderschap: {ACCENTS}"),
        ("Subtitle", "Interne geneeskunde · Ziekenhuis Oost"),
        ("Heading 1", "Jaar 2 · coördinatie"),
        ("Heading 2", "Competentie: samenwerken"),
    ]
    assert ("Heading 1", "Alle activiteiten") in styled


def test_tables_are_real_tables_with_a_repeating_header_row(sample: bytes) -> None:
    fields, small, activities = opened(sample).tables
    assert [[c.text for c in row.cells] for row in fields.rows] == [
        ["Aios", ACCENTS],
        ["Opleiding", "jaar 2 van 5 (sep 2025 – aug 2030)"],
        ["Opleider", "dr. Ïsa Müller-Öztürk"],
    ]
    # the terminal-only column is not there; a cell's lines are paragraphs of the cell
    assert [[c.text for c in row.cells] for row in small.rows] == [
        ["Onderwerp", "Aantal"],
        ["Overdracht voorzitten (overleg)", "2"],
        ["Regel één\nregel twee", "1"],
    ]
    assert len(small.rows[2].cells[0].paragraphs) == 2
    # the columns' weights (8 and 2) are their widths, of the 17 cm between A4's margins
    assert [round(c.width.cm, 1) for c in small.rows[1].cells] == [13.6, 3.4]
    assert [c.text for c in activities.rows[0].cells] == ["Activiteit", "Status", "Datum"]
    assert len(activities.rows) == 71
    assert activities.rows[3].cells[1].text == "gedaan"
    header = activities.rows[0]._tr.trPr
    assert header is not None and header.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr is None for row in activities.rows[1:])


def test_lists_use_word_list_styles_and_numbering_starts_at_one(sample: bytes) -> None:
    word = opened(sample)
    by_style = [(p.style.name, p.text) for p in word.paragraphs if p.style.name.startswith("List")]
    assert by_style == [
        ("List Bullet", "Cursus leiderschap"),
        ("List Continue", "gedaan op 3 mrt 2026"),
        ("List Continue", "Bewijs: KPB van dr. Öz"),
        ("List Bullet", "Te laat: evaluatie"),
        ("List Number", "eerste stap"),
        ("List Number", "tweede stap"),
    ]
    numbered = [p for p in word.paragraphs if p.style.name == "List Number"]
    ids = {p._p.pPr.numPr.numId.val for p in numbered}
    assert len(ids) == 1  # one list, its own numbering instance
    numbering = word.part.numbering_part.element
    (num,) = [n for n in numbering.num_lst if n.numId in ids]
    start = num.find(qn("w:lvlOverride")).find(qn("w:startOverride"))
    assert start.get(qn("w:val")) == "1"


def test_metadata_language_header_and_page_numbers(sample: bytes) -> None:
    word = opened(sample)
    props = word.core_properties
    assert props.title == f"Plan medisch leiderschap: {ACCENTS}"
    assert props.author == "Anne de Vriës"
    assert props.subject == "IOP medisch leiderschap"
    assert props.language == "nl-NL"
    defaults = word.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(".//" + qn("w:lang")).get(qn("w:val")) == "nl-NL"
    section = word.sections[0]
    assert section.header.paragraphs[0].text == f"{ACCENTS} · 3 dec 2026"
    footer = section.footer.paragraphs[0]._p
    fields = [f.get(qn("w:instr")).strip() for f in footer.iter(qn("w:fldSimple"))]
    assert fields == ["PAGE", "NUMPAGES"]
    # Word fills the fields in; until then they read "1"
    assert "".join(t.text for t in footer.iter(qn("w:t"))) == "pagina 1 van 1"


def test_findings_and_the_pictures_alt_text(sample: bytes) -> None:
    texts = [p.text for p in opened(sample).paragraphs]
    assert f"ML101 plan.yaml:3:5: Fout bij {ACCENTS}" in texts
    assert "ML202 (waarschuwing), regel 9: Een waarschuwing" in texts
    assert "… en nog 3; alles met: mlplan check plan.yaml" in texts
    assert "Tijdlijn: jaar 1 tot 3, vandaag in jaar 2" in texts


def test_pandoc_reads_the_same_document(sample: bytes) -> None:
    markdown = pypandoc.convert_text(sample, "gfm", format="docx")
    assert "# Jaar 2 · coördinatie" in markdown
    assert "## Competentie: samenwerken" in markdown
    assert "| **Activiteit** | **Status** | **Datum** |" in markdown  # the header row
    assert "|----|----|---:|" in markdown  # the date column on the right
    assert "Rij 70:" in markdown
    assert "1.  eerste stap\n\n2.  tweede stap" in markdown
    assert ACCENTS in markdown


def test_control_characters_never_reach_the_xml() -> None:
    data = to_docx(Document("Titel \x1b[2J\x00", blocks=(Paragraph("bel \x07 en\nregel"),)))
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    assert "Titel \\x1b[2J\\x00" in xml and "bel \\x07 en" in xml
    assert "\x1b" not in xml and "\x07" not in xml
    assert [p.text for p in opened(data).paragraphs][1] == "bel \\x07 en\nregel"


@settings(max_examples=examples(100), deadline=None)
@given(st.lists(st.text(max_size=80), min_size=1, max_size=6))
def test_any_text_makes_a_word_file_that_reads_back(texts: list[str]) -> None:
    table = Table((Column(texts[0]), Column("B")), tuple((t, t) for t in texts))
    blocks = (
        Section(texts[-1], (Paragraph(texts[0]), table), summary=texts[0]),
        ItemList(tuple(ListItem(t, (t,)) for t in texts), numbered=True),
        Findings(tuple(Finding(t, "ML001", "warning", t) for t in texts[:2])),
    )
    word = opened(to_docx(Document(texts[0], header=texts[-1], blocks=blocks)))
    assert word.tables and word.paragraphs[0].style.name == "Title"


def test_quotes_identifiers_terms_and_addresses_are_in_the_word_file() -> None:
    from test_emitters import OUTLINE, SAMPLE

    word = opened(to_docx(SAMPLE))
    styled = [(p.style.name, p.text) for p in word.paragraphs if p.text]
    assert ("Quote", "Van ieder onderwerp *minimaal* één uitwerken.") in styled
    assert not any("Meer: mlplan framework" in text for _, text in styled)
    assert ("List Bullet", "Basis: voor alle aios") in styled
    assert ("List Bullet", "Voorbeeld: visite lopen") in styled
    assert ("List Continue", "https://e.org/k") in styled  # the address under the item
    identifier, link = word.tables[-1].rows[1].cells
    assert identifier.paragraphs[0].runs[0].font.name == "Consolas"  # an identifier
    assert link.text == "Canbetter [thema]\nhttps://e.org/a"
    title = opened(to_docx(OUTLINE)).paragraphs[0]
    assert (title.style.name, title.text) == (
        "Title",
        "Medisch leiderschap in de medische vervolgopleiding (kader-id)",
    )
