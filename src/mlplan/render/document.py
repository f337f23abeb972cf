"""The document model: a page (plan, summary, framework, handover, preparation sheet) built
once as blocks, and written by one emitter per format (terminal text, Markdown, HTML, PDF,
Word). Pages are built by ``render/pages/`` or the page's render module; emitters live in
``render/emit_<format>.py`` and know nothing of plans.

Everything here is plain data: text is the user's and the catalogue's words, *unescaped*
(each emitter escapes for its own format) and already in the current language. Styles are
semantic (``Tone``), never ANSI codes or CSS, so each emitter decides what "muted" or "bad"
looks like.

Where the terminal and a document say the same thing in a different shape (the terminal
keeps a page on one screen), the block carries both forms: ``Section.summary`` (the terminal
puts it on the heading's line, documents as a paragraph under it), ``Cell.short`` (what a
narrow medium shows instead of ``Cell.text``), ``Column.terminal``/``Column.document``
(a column only one kind of medium shows). Emitters of media that are read on paper or in a
browser (Markdown, HTML, PDF, Word) are *documents*; the terminal is not.

Adding a block type: the dataclass here, its case in every emitter (a test builds a document
with every block type and runs each emitter over it).

Fields added since the first version (all optional, with defaults that keep the old meaning):

- ``Cell.code``: an identifier users type that goes with the cell's text (a topic id):
  documents set it in code after the text (``Overlegmomenten (`overlegmomenten`)``), the
  terminal on a line of its own under it.
- ``Column.weight``: the column's relative width in documents (pandoc sizes a wide Markdown
  table by its delimiter row); a Markdown table writes widths and ``right`` alignment in
  its delimiter row only when its columns have weights.
- ``Column.items``: its cells list items, one a line; a medium that keeps a cell on one line
  (a Markdown table) puts ``"; "`` between them, where it flattens any other line break in a
  cell (a user's text written over lines) to a space.
- ``Table.stack``: a terminal too narrow for the table's columns shows each row as
  ``header: value`` lines instead of folding words into pieces.
- ``Paragraph.terminal``: the terminal's wording when it says more than documents (the plan's
  legend adds how the edit commands take the Nr).
- ``ListItem.fields``: label–value details of an item (``Hoe: …``); the label is set off
  (italic in Markdown); a terminal puts them on the details' line.
- ``Finding.place``: the position in words (``regel 3, kolom 5``) on a page about one file:
  documents then show the code, the severity and this instead of ``location``.
- ``Findings.more``: a closing line after the findings (how many more are not shown).
- ``Section.new_page``: printed media (PDF, Word, HTML when printed) start the section on a
  new page (each aios's page in a group's document); the terminal and Markdown have no
  pages and ignore it.
- the tone ``code``: an identifier users type (a topic id, a course id): cyan on a
  terminal, a code span in Markdown, ``code`` in HTML.
- ``Quote``: a quoted text (the framework's rule): italic on a terminal, ``> `` in
  Markdown, a block quote in HTML.
- ``Cell.url`` and ``ListItem.url``: where the text links to (a training material): a
  link in Markdown and HTML; on paper and on a terminal the address on a line of its own
  (a list item's only when it is not its text; a terminal shows no table's links).
- ``ListItem.term`` (a term the item explains: ``**Basis**: …`` in Markdown) and
  ``ListItem.label`` (a label set off as a field's is: ``*Voorbeeld:* …``); a terminal
  writes both as ``term: text``.
- ``Medium``: a part of a page that the terminal and documents show differently (a
  heading only documents have, a table a terminal shows as a list, a hint on the command
  to type): each shows its own blocks, nothing of the other's.
- ``Table.narrow``: what a terminal too narrow for the table's columns shows instead
  (each row as an entry of its own), where ``Table.stack`` would stack ``header: value``.
- ``Document.code``: an identifier after the title (``Patiëntveiligheid
  (`patientveiligheid`)``), in code in documents.
- ``Document.outline``: the terminal lays the page out as an outline (a reference page,
  the framework): every line indented by its depth (the blocks directly under the title
  not at all, a section's by two, a nested section's by four), the title wrapped, a
  blank line only before a top-level heading (and before a top-level block after a
  section), and no word cut in pieces: an id or a URL wider than the line stands whole.
  Documents ignore it.
- ``Column.right`` on a terminal: the column never wraps, its header included (``Te doen``
  stands over its numbers on one line); documents may still wrap its header (PDF gives a
  wrapping column's room to the others).
- ``ItemList.lines`` and ``Findings.lines``: a terminal prints each item (finding) as one
  line as it is: no bullet, never wrapped, not indented under its section's heading (the
  group overview's late meetings and first errors: ``plan.yaml:3:5: ML001 …`` starts its
  line, as ``check`` prints it, where editors and ``grep`` look for it). Documents ignore it.
- ``ItemList.entries``: a terminal shows each item as an entry: its text on a line of its
  own in its tone (wrapped, no word cut, no bullet), its details on the lines under it,
  indented by two, joined by `` · `` and broken only between two details (``Te doen 4``
  stays together), not dimmed; no blank line between entries and one after the last, so
  what follows does not read as one more entry (a ``Table.narrow`` of the group overview:
  each aios's name, then its file and figures). Documents ignore it.

:func:`plain_text` reads what documents show: it leaves out the columns only a terminal
shows (``Column.document=False``) and a ``Medium``'s terminal blocks, and includes
``Cell.code``, ``ListItem.fields`` and ``Findings.more`` (not a link's address, which
HTML does not show as text).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

# how a piece of text should stand out; each emitter maps these to its own means
# (ANSI bold/dim/red on a terminal, CSS classes in HTML, font weight and grey in PDF)
Tone = Literal["normal", "strong", "muted", "good", "bad", "warn", "accent", "code"]


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell: its text (may hold newlines: one item per line), an optional short
    form for narrow media, and a tone."""

    text: str
    short: str | None = None
    tone: Tone = "normal"
    code: str = ""  # an identifier users type that goes with the text (a topic id)
    url: str = ""  # where the text links to (see the module docstring)


CellLike = Cell | str


def cell(value: CellLike) -> Cell:
    """A cell from a string or a cell (tables accept both)."""
    return value if isinstance(value, Cell) else Cell(value)


@dataclass(frozen=True, slots=True)
class Column:
    """A table column: its header, how its cells behave in a narrow terminal (``wrap``:
    else cut with an ellipsis; ``max_width``: a cap), numbers on the right (``right``: a
    terminal never wraps such a column, its header included), and in which media it is
    shown at all."""

    header: str
    wrap: bool = True
    max_width: int | None = None
    right: bool = False
    terminal: bool = True
    document: bool = True
    tone: Tone = "normal"
    weight: int | None = None  # relative width in documents; None: as the medium chooses
    items: bool = False  # its cells list items, one a line (see the module docstring)


@dataclass(frozen=True, slots=True)
class Table:
    columns: tuple[Column, ...]
    rows: tuple[tuple[CellLike, ...], ...]
    # a tone per row (a late row in red), None for the column's own
    row_tones: tuple[Tone | None, ...] | None = None
    # a terminal too narrow for the columns: each row as `header: value` lines, whole words
    stack: bool = False
    # a terminal too narrow for the columns shows these instead (before `stack`)
    narrow: tuple[Block, ...] = ()


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    tone: Tone = "normal"
    terminal: str | None = None  # the terminal's wording, when it says more than documents


@dataclass(frozen=True, slots=True)
class Field:
    label: str
    value: str


@dataclass(frozen=True, slots=True)
class Fields:
    """Label–value pairs (``Jaar: 2 van 5``): a grid on a terminal, a definition list or
    a two-column table in a document."""

    fields: tuple[Field, ...]


@dataclass(frozen=True, slots=True)
class ListItem:
    text: str
    details: tuple[str, ...] = ()  # lines under the item (muted, indented)
    tone: Tone = "normal"
    fields: tuple[Field, ...] = ()  # label–value details (``Hoe: …``), after ``details``
    term: str = ""  # a term the item explains, before its text (``Basis: …``)
    label: str = ""  # a label before its text, set off as a field's (``Voorbeeld: …``)
    url: str = ""  # where the item links to (see the module docstring)


@dataclass(frozen=True, slots=True)
class ItemList:
    items: tuple[ListItem, ...]
    numbered: bool = False
    lines: bool = False  # a terminal: one line each, as it is (see the module docstring)
    entries: bool = False  # a terminal: each item as an entry (see the module docstring)


@dataclass(frozen=True, slots=True)
class Finding:
    """A check finding as the page shows it: the location (``plan.yaml:3:5``), the rule
    code, its severity and its message in the current language."""

    location: str
    code: str
    severity: Literal["error", "warning"]
    message: str
    place: str = ""  # ``regel 3, kolom 5``: for a page about one file (see the docstring)


# the tone of a finding's code in media that colour it
SEVERITY_TONE: dict[str, Tone] = {"error": "bad", "warning": "warn"}


@dataclass(frozen=True, slots=True)
class Findings:
    findings: tuple[Finding, ...]
    more: str = ""  # a closing line: how many more there are, and where to see them all
    lines: bool = False  # a terminal: one line each, as it is (see the module docstring)


@dataclass(frozen=True, slots=True)
class Figure:
    """A picture (an SVG timeline, a coverage chart): media that cannot show it show
    ``alt`` instead, or nothing when ``alt`` is empty."""

    svg: str
    alt: str = ""


@dataclass(frozen=True, slots=True)
class Quote:
    """A quoted text, as its source wrote it (the framework's rule)."""

    text: str


@dataclass(frozen=True, slots=True)
class Medium:
    """What the terminal shows (``terminal``) and what documents show (``document``) of one
    part of a page, where the two differ in shape, not only in words."""

    terminal: tuple[Block, ...] = ()
    document: tuple[Block, ...] = ()


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and what stands under it; sections nest (a year, its competencies)."""

    heading: str
    blocks: tuple[Block, ...] = ()
    summary: str | None = None  # a short total: on the heading's line on a terminal
    tone: Tone = "strong"  # of the heading (the current year: "accent")
    # a stable id for links and anchors in HTML/PDF ("year-2"), empty: none
    anchor: str = ""
    new_page: bool = False  # printed media start it on a new page (see the docstring)


# what a section or a document holds
Block = Paragraph | Fields | Table | ItemList | Findings | Figure | Quote | Medium | Section


@dataclass(frozen=True, slots=True)
class Document:
    """One page: its title, a muted line under it (specialty, institution, file), what a
    printed page repeats in its header (the aios and the date), and its sections."""

    title: str
    subtitle: str = ""
    blocks: tuple[Block, ...] = ()
    # for printed media: the running header ("Anne de Vries · 3 dec 2026") and the language
    header: str = ""
    lang: str = "nl"
    meta: dict[str, str] = field(default_factory=dict)  # author, subject, for PDF/Word
    code: str = ""  # an identifier after the title (a topic id)
    outline: bool = False  # the terminal's layout (see the module docstring)


def item_text(item: ListItem) -> str:
    """A list item's words on one medium without emphasis: ``term: text``, ``label: text``."""
    lead = item.term or item.label
    return f"{lead}: {item.text}" if lead else item.text


def title_text(doc: Document) -> str:
    """The title with its identifier after it, as plain text: ``Patiëntveiligheid
    (patientveiligheid)``."""
    return f"{doc.title} ({doc.code})" if doc.code else doc.title


def walk(blocks: Sequence[Block]) -> list[Block]:
    """Every block, depth first, sections before their contents (for tests and emitters
    that need to look ahead, such as a PDF's outline); of a ``Medium``, what documents show."""
    out: list[Block] = []
    for block in blocks:
        out.append(block)
        if isinstance(block, Section):
            out.extend(walk(block.blocks))
        elif isinstance(block, Medium):
            out.extend(walk(block.document))
    return out


def plain_text(doc: Document) -> str:
    """Every word the document shows, one block a line: what a reader of any emitted
    format must find again (tests compare a PDF's or a browser's text with it)."""
    lines = [title_text(doc), doc.subtitle]
    for block in walk(doc.blocks):
        if isinstance(block, Section):
            lines += [block.heading, block.summary or ""]
        elif isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Fields):
            lines += [f"{f.label}: {f.value}" for f in block.fields]
        elif isinstance(block, Table):
            shown = [i for i, c in enumerate(block.columns) if c.document]
            lines.append(" ".join(block.columns[i].header for i in shown))
            lines += [" ".join(_cell_words(cell(row[i])) for i in shown) for row in block.rows]
        elif isinstance(block, ItemList):
            for item in block.items:
                lines += [item_text(item), *item.details]
                lines += [f"{f.label}: {f.value}" for f in item.fields]
        elif isinstance(block, Findings):
            lines += [f"{f.location} {f.code} {f.message}" for f in block.findings]
            lines.append(block.more)
        elif isinstance(block, Figure):
            lines.append(block.alt)
        elif isinstance(block, Quote):
            lines.append(block.text)
    return "\n".join(line for line in lines if line)


def _cell_words(c: Cell) -> str:
    return f"{c.text} {c.code}" if c.code else c.text
