"""The document model as a Word file (.docx), written by python-docx (the ``documents``
extra), for a secretary or an opleider to edit and file.

Everything is Word's own: the title in the *Title* style, each section's heading in
*Heading 1*, *Heading 2*, … by its depth (so Word's navigation pane and table of contents
find them), tables as real tables (the header row marked to repeat on every page, each line
of a cell its own paragraph), lists in *List Bullet* / *List Number* (each numbered list
starts at 1), and the running header (the aios and the date) and "page N of M" (Word's
PAGE and NUMPAGES fields) in the page's header and footer. The text's language is the
document's, so Word checks the spelling in Dutch. A ``Figure`` is its ``alt`` text: Word
cannot be handed an SVG by python-docx.

User text is escaped of control characters (XML cannot hold most of them) and composed
(NFC). python-docx is imported at this module's top: only :func:`mlplan.io.formats.emitter`
imports it, after :func:`mlplan.io.formats.require`.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from mlplan import __version__
from mlplan.i18n import t
from mlplan.render.document import (
    SEVERITY_TONE,
    Block,
    Document,
    Fields,
    Figure,
    Findings,
    ItemList,
    Medium,
    Paragraph,
    Quote,
    Section,
    Table,
    Tone,
    cell,
    item_text,
    title_text,
)
from mlplan.render.paper import cell_text, field_text, finding_text, shares
from mlplan.render.safe import escape_controls

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph as WordParagraph

COLOR: dict[Tone, RGBColor | None] = {
    "normal": None,
    "strong": None,
    "muted": RGBColor(0x60, 0x60, 0x60),
    "good": RGBColor(0x00, 0x6E, 0x46),
    "bad": RGBColor(0xB2, 0x22, 0x14),
    "warn": RGBColor(0x96, 0x55, 0x00),
    "accent": RGBColor(0x00, 0x54, 0x96),
    "code": None,  # an identifier: in a monospace font (CODE_FONT)
}
CODE_FONT = "Consolas"
LANGUAGE = {"nl": "nl-NL", "en": "en-GB"}  # Word's language tags: spelling, hyphenation
PAGE_CM = (21.0, 29.7)  # A4, as Dutch hospitals print (python-docx's template is Letter)
MARGIN_CM = 2.0
TEXT_WIDTH_CM = PAGE_CM[0] - 2 * MARGIN_CM
FIELD_MARK = "\x00"  # stands for a field (PAGE, NUMPAGES) in the translated footer line


def to_docx(doc: Document) -> bytes:
    """The .docx file of ``doc``."""
    word = docx.Document()
    _properties(word, doc)
    _frame(word, doc)
    word.add_paragraph(_safe(title_text(doc)), style="Title")
    if doc.subtitle:
        word.add_paragraph(_safe(doc.subtitle), style="Subtitle")
    _blocks(word, doc.blocks, depth=1)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _safe(text: str) -> str:
    """User text as XML can hold it: composed, control characters escaped (a line break
    stays one: python-docx writes it as Word's)."""
    return escape_controls(unicodedata.normalize("NFC", text), keep="\n")


def _properties(word: WordDocument, doc: Document) -> None:
    props = word.core_properties
    props.title = _safe(doc.title)
    props.author = _safe(doc.meta.get("author", ""))
    props.subject = _safe(doc.meta.get("subject", ""))
    props.language = LANGUAGE.get(doc.lang, doc.lang)
    props.comments = f"mlplan {__version__}"
    props.last_modified_by = "mlplan"
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props.created = props.modified = now
    props.revision = 1
    # the text's language: Word's default run properties, which every style inherits
    rpr = word.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), LANGUAGE.get(doc.lang, doc.lang))


def _frame(word: WordDocument, doc: Document) -> None:
    """A4 pages, the running header (the aios and the date), the page numbers at the foot."""
    section = word.sections[0]
    section.page_width, section.page_height = Cm(PAGE_CM[0]), Cm(PAGE_CM[1])
    section.left_margin = section.right_margin = Cm(MARGIN_CM)
    section.top_margin = section.bottom_margin = Cm(MARGIN_CM)
    header = section.header.paragraphs[0]
    header.text = _safe(doc.header)
    _tone(header.runs, "muted")
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    line = t("document.page", page=_mark("PAGE"), pages=_mark("NUMPAGES"))
    for n, part in enumerate(line.split(FIELD_MARK)):
        if n % 2:  # between two marks: a field's name
            _field(footer, part)
        elif part:
            footer.add_run(part)
    _tone(footer.runs, "muted")


def _mark(name: str) -> str:
    return f"{FIELD_MARK}{name}{FIELD_MARK}"


def _field(paragraph: WordParagraph, name: str) -> None:
    """A simple field (``PAGE``, ``NUMPAGES``) that Word fills in; "1" until it does."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {name} ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _tone(runs: Sequence[object], tone: Tone) -> None:
    for run in runs:
        font = run.font  # type: ignore[attr-defined]
        if tone == "strong":
            font.bold = True
        if tone == "code":
            font.name = CODE_FONT
        if (color := COLOR[tone]) is not None:
            font.color.rgb = color


def _blocks(word: WordDocument, blocks: Sequence[Block], depth: int) -> None:
    for block in blocks:
        _block(word, block, depth)


def _block(word: WordDocument, block: Block, depth: int) -> None:
    if isinstance(block, Section):
        heading = word.add_heading(_safe(block.heading), level=min(depth, 9))
        if block.new_page:
            heading.paragraph_format.page_break_before = True
        if block.tone in ("accent", "bad", "warn", "good", "code"):
            _tone(heading.runs, block.tone)
        if block.summary:
            _tone(word.add_paragraph(_safe(block.summary)).runs, "muted")
        _blocks(word, block.blocks, depth + 1)
    elif isinstance(block, Paragraph):
        _tone(word.add_paragraph(_safe(block.text)).runs, block.tone)
    elif isinstance(block, Fields):
        _fields(word, block)
    elif isinstance(block, Table):
        _table(word, block)
    elif isinstance(block, ItemList):
        _list(word, block)
    elif isinstance(block, Findings):
        for finding in block.findings:
            paragraph = word.add_paragraph()
            code = paragraph.add_run(_safe(finding.code))
            _tone([code], SEVERITY_TONE.get(finding.severity, "normal"))
            code.font.bold = True
            paragraph.add_run(f" {_safe(finding_text(finding))}")
        if block.more:
            _tone(word.add_paragraph(_safe(block.more)).runs, "muted")
    elif isinstance(block, Figure):
        if block.alt:
            _tone(word.add_paragraph(_safe(block.alt)).runs, "muted")
    elif isinstance(block, Quote):
        word.add_paragraph(_safe(block.text), style="Quote")
    elif isinstance(block, Medium):
        _blocks(word, block.document, depth)
    else:  # pragma: no cover - a new block type needs its case here
        raise TypeError(block)


def _fields(word: WordDocument, block: Fields) -> None:
    """Label–value pairs as a two-column table without lines: editable, aligned."""
    grid = word.add_table(rows=0, cols=2)
    for f in block.fields:
        label, value = grid.add_row().cells
        _write(label, f.label, "muted").runs[0].font.bold = True
        _write(value, f.value, "normal")
    word.add_paragraph()


def _table(word: WordDocument, block: Table) -> None:
    shown = [i for i, c in enumerate(block.columns) if c.document]
    if not shown:
        return
    columns = [block.columns[i] for i in shown]
    table = word.add_table(rows=1, cols=len(columns))
    table.style = "Light List Accent 1"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    heading = table.rows[0]
    _repeat_as_header(heading._tr)
    for word_cell, column in zip(heading.cells, columns, strict=True):
        _write(word_cell, column.header, "strong", right=column.right)
    tones = block.row_tones or (None,) * len(block.rows)
    for values, row_tone in zip(block.rows, tones, strict=True):
        cells = table.add_row().cells
        for word_cell, i, column in zip(cells, shown, columns, strict=True):
            value = cell(values[i])
            tone = value.tone if value.tone != "normal" else row_tone or column.tone
            _write(word_cell, cell_text(value), tone, right=column.right)
    if portions := shares(columns):  # Word sizes a column by its cells' widths
        table.autofit = False
        for column_cells, portion in zip(table.columns, portions, strict=True):
            for word_cell in column_cells.cells:
                word_cell.width = Cm(TEXT_WIDTH_CM * portion)
    word.add_paragraph()


def _repeat_as_header(tr: object) -> None:
    """Mark a table row as the header Word repeats at the top of every page."""
    trpr = tr.get_or_add_trPr()  # type: ignore[attr-defined]
    trpr.append(OxmlElement("w:tblHeader"))


def _write(target: _Cell, text: str, tone: Tone, *, right: bool = False) -> WordParagraph:
    """A cell's text, one paragraph per line; returns the first paragraph."""
    lines = _safe(text).split("\n")
    first: WordParagraph = target.paragraphs[0]
    first.text = lines[0]
    paragraphs = [first] + [target.add_paragraph(line) for line in lines[1:]]
    for paragraph in paragraphs:
        if right:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _tone(paragraph.runs, tone)
    return first


def _list(word: WordDocument, block: ItemList) -> None:
    style = "List Number" if block.numbered else "List Bullet"
    num_id = _restart_numbering(word) if block.numbered else None
    for item in block.items:
        paragraph = word.add_paragraph(_safe(item_text(item)), style=style)
        _tone(paragraph.runs, item.tone)
        if num_id is not None:
            _number(paragraph, num_id)
        link = [item.url] if item.url and item.url != item.text else []
        for detail in (*item.details, *link):
            _detail(word.add_paragraph(_safe(detail), style="List Continue"))
        for f in item.fields:
            label, value = field_text(f)
            extra = word.add_paragraph(style="List Continue")
            extra.add_run(_safe(label)).font.bold = True
            extra.add_run(f" {_safe(value)}")
            _detail(extra)


def _detail(paragraph: WordParagraph) -> None:
    """A line under a list item: muted and a size smaller."""
    _tone(paragraph.runs, "muted")
    for run in paragraph.runs:
        run.font.size = Pt(9)


def _restart_numbering(word: WordDocument) -> int:
    """A new numbering instance of the *List Number* style's list, starting at 1: without
    it Word counts on from the previous numbered list in the document."""
    numbering = word.part.numbering_part.element
    style = word.styles["List Number"].element
    style_num = style.pPr.numPr.numId.val
    base = next(n for n in numbering.num_lst if n.numId == style_num)
    abstract = base.abstractNumId.val
    num = numbering.add_num(abstract)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start = OxmlElement("w:startOverride")
    start.set(qn("w:val"), "1")
    override.append(start)
    num.append(override)
    return int(num.numId)


def _number(paragraph: WordParagraph, num_id: int) -> None:
    numpr = copy.deepcopy(paragraph.style.element.pPr.numPr)  # type: ignore[union-attr]
    numpr.numId.val = num_id
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), "0")
    numpr.insert(0, ilvl)
    paragraph._p.get_or_add_pPr().append(numpr)
