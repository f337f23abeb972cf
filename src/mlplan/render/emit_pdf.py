"""The document model as PDF, written by fpdf2 (the ``documents`` extra).

A4, one column. Every page repeats ``Document.header`` (the aios and the date) at the top
and "page N of M" at the foot; headings are the PDF's outline (bookmarks); ``Fields`` are a
grid of labels and values; a ``Table`` is a real table whose header row is repeated on
every page it runs onto; lists, findings and pictures (an SVG ``Figure``, drawn as vectors;
its ``alt`` when it cannot be drawn) follow the page's order.

The file is PDF/A-2U (archival, every character mapped to Unicode): the text can be
copied and searched, accents intact, and the fonts are embedded: DejaVu Sans and its bold,
shipped cut down to the scripts a plan uses (``render/fonts``, ``tools/subset-fonts``),
subset once more by fpdf2 to the characters a page uses. A character those fonts do not
have (a CJK name, an emoji) would be dropped by fpdf2 without a trace; it is written as
its escape (``\\u6f22``) instead, as control characters are everywhere in mlplan. The
title, author, subject and language are the document's metadata (XMP, as PDF/A has it).

This module imports fpdf2 at its top: only :func:`mlplan.io.formats.emitter` imports it, after
:func:`mlplan.io.formats.require` has said whether the extra is installed, so ``check`` and
``--help`` never load it.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import MethodReturnValue, TableBordersLayout, TableCellFillMode, XPos, YPos
from fpdf.fonts import CoreFont, FontFace, TTFFont

from mlplan import __version__
from mlplan.i18n import t
from mlplan.render.document import (
    SEVERITY_TONE,
    Block,
    Column,
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
from mlplan.render.safe import escape_char

FONTS = Path(__file__).with_name("fonts")
FAMILY = "dejavu"
COMPLIANCE = "PDF/A-2U"

# mm on A4 (210 × 297)
MARGIN = 18.0
TOP = 20.0  # below the running header
BOTTOM = 16.0
LINE = 1.35  # line height as a multiple of the font size

SIZE = {"title": 17.0, "subtitle": 10.0, "body": 9.5, "small": 8.0}
HEADING_SIZE = (13.5, 11.5, 10.0)  # section depth 1, 2, 3 and deeper

RGB = tuple[int, int, int]
COLOR: dict[Tone, RGB] = {
    "normal": (26, 26, 26),
    "strong": (26, 26, 26),
    "muted": (96, 96, 96),
    "good": (0, 110, 70),
    "bad": (178, 34, 20),
    "warn": (150, 85, 0),
    "accent": (0, 84, 150),
    "code": (26, 26, 26),  # an identifier: the page's fonts have no monospace to set it in
}
RULE: RGB = (190, 190, 190)
HEAD_FILL: RGB = (236, 236, 236)

_FONT_FAMILY = re.compile(r'font-family="[^"]*"')
# a picture's <title>s are a browser's tooltips; fpdf2 logs a warning for each one it skips
# (58 lines on stderr for the plan's pictures), so they are taken out first
_TITLE = re.compile(r"<title>[^<]*</title>")


def to_pdf(doc: Document) -> bytes:
    """The PDF file of ``doc``."""
    pdf = _Pdf(doc)
    pdf.add_page()
    pdf.title_block(doc)
    pdf.blocks(doc.blocks, depth=1)
    return bytes(pdf.output())


class _Pdf(FPDF):
    def __init__(self, doc: Document) -> None:
        super().__init__(orientation="P", unit="mm", format="A4", enforce_compliance=COMPLIANCE)
        self.doc = doc
        self.set_margins(MARGIN, TOP, MARGIN)
        self.set_auto_page_break(True, margin=BOTTOM)
        self.add_font(FAMILY, "", FONTS / "DejaVuSans.ttf")
        self.add_font(FAMILY, "B", FONTS / "DejaVuSans-Bold.ttf")
        # an SVG's text without a font of its own: in ours too (fpdf2 would take Helvetica,
        # which is not embedded and is not PDF/A)
        self.add_font("sans-serif", "", FONTS / "DejaVuSans.ttf")
        self.add_font("sans-serif", "B", FONTS / "DejaVuSans-Bold.ttf")
        self.glyphs = _glyphs(self.fonts[FAMILY]) & _glyphs(self.fonts[FAMILY + "B"])
        self.set_title(self.safe(doc.title))
        self.set_lang(doc.lang)
        self.set_creator(f"mlplan {__version__}")
        if author := doc.meta.get("author", ""):
            self.set_author(self.safe(author))
        if subject := doc.meta.get("subject", ""):
            self.set_subject(self.safe(subject))
        self.set_creation_date(dt.datetime.now(dt.UTC).replace(microsecond=0))
        self.c_margin = 1.2  # cell padding (mm)

    # -- text ---------------------------------------------------------------------------

    def safe(self, text: str) -> str:
        """User text as the fonts can write it: composed (NFC, so "e" + combining acute
        is the one glyph "é"), control characters and characters the fonts lack escaped."""
        text = unicodedata.normalize("NFC", text)
        if all(ord(ch) in self.glyphs or ch == "\n" for ch in text):
            return text
        return "".join(
            ch if ch == "\n" or (ord(ch) in self.glyphs and ch.isprintable()) else escape_char(ch)
            for ch in text
        )

    def fit(self, text: str, width: float) -> str:
        """``text`` cut with an ellipsis to ``width`` in the current font (the header's
        title: one line, next to the aios and the date)."""
        if self.get_string_width(text) <= width:
            return text
        while text and self.get_string_width(text + "…") > width:
            text = text[:-1]
        return text.rstrip() + "…" if text else ""

    def style(self, tone: Tone = "normal", size: str | float = "body", bold: bool = False) -> None:
        self.set_font(FAMILY, "B" if bold or tone == "strong" else "", _size(size))
        self.set_text_color(*COLOR[tone])

    def text_block(self, text: str, indent: float = 0.0, after: float = 1.2) -> None:
        """A paragraph in the current style, wrapped to the width left after ``indent``."""
        self.set_x(self.l_margin + indent)
        self.multi_cell(
            self.epw - indent,
            self.font_size * LINE,
            self.safe(text),
            align="L",  # ragged right, as a letter: fpdf2 justifies by default
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        self.ln(after)

    # -- the page's frame -------------------------------------------------------------------

    def header(self) -> None:
        self.set_y(9)
        self.style("muted", "small")
        header = self.safe(self.doc.header)
        self.cell(self.get_string_width(header) + 1, 4, header, align="L")
        room = self.w - self.r_margin - self.get_x() - 6
        self.cell(0, 4, self.fit(self.safe(self.doc.title), room), align="R")
        self.set_draw_color(*RULE)
        self.set_line_width(0.2)
        self.line(self.l_margin, 14, self.w - self.r_margin, 14)
        self.set_y(TOP)

    def footer(self) -> None:
        self.set_y(-11)
        self.style("muted", "small")
        # fpdf2 replaces {nb} by the page count when the file is written
        self.cell(0, 4, t("document.page", page=self.page_no(), pages="{nb}"), align="C")

    def title_block(self, doc: Document) -> None:
        self.style("strong", "title")
        self.text_block(title_text(doc), after=0.5)
        if doc.subtitle:
            self.style("muted", "subtitle")
            self.text_block(doc.subtitle, after=0)
        self.ln(3)

    # -- blocks -----------------------------------------------------------------------------

    def blocks(self, blocks: Sequence[Block], depth: int) -> None:
        for block in blocks:
            self.block(block, depth)

    def block(self, block: Block, depth: int) -> None:
        if isinstance(block, Section):
            self.section(block, depth)
        elif isinstance(block, Paragraph):
            self.style(block.tone)
            self.text_block(block.text, after=1.8)
        elif isinstance(block, Fields):
            self.fields(block)
        elif isinstance(block, Table):
            self.table_block(block)
        elif isinstance(block, ItemList):
            self.item_list(block)
        elif isinstance(block, Findings):
            self.findings(block)
        elif isinstance(block, Figure):
            self.figure(block)
        elif isinstance(block, Quote):  # set in from the margin, muted: no italic font
            self.style("muted")
            self.text_block(block.text, indent=6.0, after=1.8)
        elif isinstance(block, Medium):
            self.blocks(block.document, depth)
        else:  # pragma: no cover - a new block type needs its case here
            raise TypeError(block)

    def section(self, section: Section, depth: int) -> None:
        size = HEADING_SIZE[min(depth, len(HEADING_SIZE)) - 1]
        # keep a heading with the first lines under it: never alone at a page's foot
        fresh = self.y <= self.t_margin + 1  # a new page's own section needs no other
        if (section.new_page and not fresh) or self.will_page_break(size * 0.35 * 2 + 14):
            self.add_page()
        self.ln(2.5 if depth == 1 else 1.2)
        # the outline's levels may not skip one; the pages' sections never do
        self.start_section(self.safe(section.heading), level=depth - 1, strict=False)
        self.style(section.tone if section.tone != "normal" else "strong", size, bold=True)
        self.text_block(section.heading, after=0.8)
        if section.summary:
            self.style("muted")
            self.text_block(section.summary, after=1.2)
        self.blocks(section.blocks, depth + 1)

    def fields(self, block: Fields) -> None:
        labels = [self.safe(f.label) for f in block.fields]
        self.style("strong")
        widest = max((self.get_string_width(label) for label in labels), default=0)
        label_width = min(widest + 2 * self.c_margin + 1, self.epw * 0.4)
        self.style()
        with self.table(
            col_widths=(label_width, self.epw - label_width),
            first_row_as_headings=False,
            borders_layout=TableBordersLayout.NONE,
            text_align="LEFT",
            line_height=self.font_size * LINE,
            padding=(0.4, self.c_margin),
            v_align="TOP",
        ) as grid:
            widths = (label_width, self.epw - label_width)
            for label, f in zip(labels, block.fields, strict=True):
                for texts in self.pieces([label, self.safe(f.value)], widths):
                    row = grid.row()
                    row.cell(texts[0], style=FontFace(emphasis="B", color=COLOR["muted"]))
                    row.cell(texts[1])
        self.ln(2)

    def table_block(self, block: Table) -> None:
        shown = [i for i, c in enumerate(block.columns) if c.document]
        if not shown:
            return
        columns = [block.columns[i] for i in shown]
        rows = [[cell(row[i]) for i in shown] for row in block.rows]
        self.style("normal", "small")
        texts = [[self.safe(cell_text(c)) for c in r] for r in rows]
        natural, least = self.measure(columns, texts)
        portions = shares(columns)
        widths = (
            _weighted(
                [p * self.epw for p in portions], [min(w, WORD_SHARE * self.epw) for w in least]
            )
            if portions
            else self.column_widths(columns, natural, least)
        )
        tones = block.row_tones or (None,) * len(rows)
        with self.table(
            col_widths=widths,
            width=min(sum(widths), self.epw),  # never over it by a rounding
            align="LEFT",
            text_align=tuple("RIGHT" if c.right else "LEFT" for c in columns),
            headings_style=FontFace(emphasis="B", color=COLOR["normal"], fill_color=HEAD_FILL),
            borders_layout=TableBordersLayout.HORIZONTAL_LINES,
            cell_fill_mode=TableCellFillMode.NONE,
            line_height=self.font_size * LINE,
            padding=(0.8, self.c_margin),
            repeat_headings=1,
            v_align="TOP",
        ) as table:
            self.set_draw_color(*RULE)
            heading = table.row()
            for column in columns:
                heading.cell(self.safe(column.header))
            for values, row_texts, row_tone in zip(rows, texts, tones, strict=True):
                styles = []
                for value, column in zip(values, columns, strict=True):
                    tone = value.tone if value.tone != "normal" else row_tone or column.tone
                    styles.append(
                        FontFace(emphasis="B" if tone == "strong" else "", color=COLOR[tone])
                    )
                for piece in self.pieces(row_texts, widths):
                    row = table.row()
                    for text, style in zip(piece, styles, strict=True):
                        row.cell(text, style=style)
        self.ln(2.5)

    def pieces(self, texts: list[str], widths: Sequence[float]) -> list[list[str]]:
        """A row's cells, as one row, or as several rows when a cell is longer than a page
        (fpdf2 cannot break a row across pages): each piece as many lines as a page holds."""
        line = self.font_size * LINE
        most = int((self.h - TOP - BOTTOM - 30) / line)  # below a repeated header row
        if all(text.count("\n") < most // 4 and len(text) < most * 20 for text in texts):
            return [texts]  # the common case: far from a page
        lines: list[list[str]] = []
        for text, width in zip(texts, widths, strict=True):
            wrapped = self.multi_cell(  # its own padding is the table's (c_margin)
                width, line, text, dry_run=True, output=MethodReturnValue.LINES
            )
            assert isinstance(wrapped, list)  # what output=LINES returns
            lines.append(wrapped)
        count = max(len(cell_lines) for cell_lines in lines)
        return [
            ["\n".join(cell_lines[start : start + most]) for cell_lines in lines]
            for start in range(0, max(count, 1), most)
        ]

    def measure(
        self, columns: Sequence[Column], rows: list[list[str]]
    ) -> tuple[list[float], list[float]]:
        """Each column's natural width (its longest line, its header's words in bold) and
        its least (its longest word: narrower, a word would be cut in pieces), neither
        wider than the page."""
        pad = 2 * self.c_margin + 0.5
        natural: list[float] = []
        least: list[float] = []
        for i, column in enumerate(columns):
            lines = [line for r in rows for line in r[i].splitlines()] or [""]
            self.set_font(style="B")
            head = self.get_string_width(column.header)
            head_word = max((self.get_string_width(w) for w in column.header.split()), default=0)
            self.set_font(style="")
            longest = max(self.get_string_width(line) for line in lines)
            words = [w for line in lines for w in line.split()]
            word = max((self.get_string_width(w) for w in words), default=0)
            natural.append(min(max(head, longest) + pad, self.epw))
            least.append(min(max(head_word, word) + pad, natural[-1]))
        return natural, least

    def column_widths(
        self, columns: Sequence[Column], natural: list[float], least: list[float]
    ) -> list[float]:
        """Each column as wide as its longest line, but no narrower than its longest word;
        when they do not fit, the wrapping columns give way, in proportion to how much
        they would take. When the longest words do not fit side by side, only the widest
        of them are cut, to one width that makes them fit (an endless word wraps; a file
        name beside it keeps its width)."""
        if sum(natural) <= self.epw:
            return natural
        least = _capped(least, self.epw)
        # shrink the columns that may wrap; if that is not enough, every column
        wrapping = [i for i, c in enumerate(columns) if c.wrap]
        room = self.epw - sum(w for i, w in enumerate(natural) if i not in wrapping)
        if not wrapping or room <= sum(least[i] for i in wrapping):
            wrapping, room = list(range(len(columns))), self.epw
        widths = list(natural)
        spare = sum(natural[i] - least[i] for i in wrapping)
        need = sum(natural[i] for i in wrapping) - room
        for i in wrapping:
            if spare >= need and spare > 0:
                widths[i] = natural[i] - need * (natural[i] - least[i]) / spare
            else:  # even at their least they do not fit: the least, in proportion
                widths[i] = least[i] * room / sum(least[j] for j in wrapping)
        return widths

    def item_list(self, block: ItemList) -> None:
        indent = 5.0
        for n, item in enumerate(block.items, 1):
            self.style(item.tone)
            y = self.y
            if self.will_page_break(self.font_size * LINE):
                self.add_page()
                y = self.y
            self.set_xy(self.l_margin, y)
            self.cell(indent, self.font_size * LINE, f"{n}." if block.numbered else "•")
            self.set_xy(self.l_margin + indent, y)
            self.text_block(item_text(item), indent=indent, after=0.3)
            link = [item.url] if item.url and item.url != item.text else []
            if item.details or item.fields or link:
                self.style("muted", "small")
                for detail in (*item.details, *link):
                    self.text_block(detail, indent=indent + 3, after=0.2)
                for f in item.fields:
                    label, value = field_text(f)
                    self.text_block(f"{label} {value}", indent=indent + 3, after=0.2)
            self.ln(0.6)
        self.ln(1.2)

    def findings(self, block: Findings) -> None:
        for finding in block.findings:
            tone = SEVERITY_TONE.get(finding.severity, "normal")
            self.style(tone, bold=True)
            y = self.y
            code_width = self.get_string_width(finding.code) + 3
            self.cell(code_width, self.font_size * LINE, self.safe(finding.code))
            self.set_xy(self.l_margin + code_width, y)
            self.style()
            self.text_block(finding_text(finding), indent=code_width, after=0.8)
        if block.more:
            self.style("muted")
            self.text_block(block.more)
        self.ln(1)

    def figure(self, block: Figure) -> None:
        """The SVG drawn as vectors in the page's font, the full width of the text; its
        ``alt`` instead when fpdf2 cannot draw it (an SVG feature it does not know)."""
        svg = _TITLE.sub("", _FONT_FAMILY.sub(f'font-family="{FAMILY}"', block.svg))
        try:
            self.image(
                io.BytesIO(svg.encode("utf-8")),
                x=self.l_margin,
                w=self.epw,
                alt_text=self.safe(block.alt) or None,
            )
        except Exception:  # an unknown SVG must not cost the aios the document
            if block.alt:
                self.style("muted")
                self.text_block(block.alt)
            return
        self.ln(2)


def _capped(widths: Sequence[float], total: float) -> list[float]:
    """``widths`` with the largest cut to one cap, so that they sum to at most ``total``
    (water-filling: the narrow ones keep their width)."""
    if sum(widths) <= total:
        return list(widths)
    rest, count = total, len(widths)
    for w in sorted(widths):
        if w * count > rest:  # this one and every wider one share what is left
            cap = rest / count
            return [min(x, cap) for x in widths]
        rest -= w
        count -= 1
    return list(widths)  # pragma: no cover (the sum exceeded the total)


# the most of the page's width that a weighted column widens to for its longest word
WORD_SHARE = 0.3


def _weighted(widths: list[float], least: Sequence[float]) -> list[float]:
    """The page builder's weighted widths, with every column at least as wide as its longest
    word (a topic id cut into "persoonlijk-leidersc" and "hap" reads as two words): what a
    narrow column lacks is taken from the others, in proportion to their room above their
    own least. When even the least widths do not fit, the weights stand."""
    short = [i for i, w in enumerate(widths) if w < least[i]]
    need = sum(least[i] - widths[i] for i in short)
    room = {i: widths[i] - least[i] for i in range(len(widths)) if i not in short}
    spare = sum(r for r in room.values() if r > 0)
    if not short or spare < need:
        return widths
    out = list(widths)
    for i in short:
        out[i] = least[i]
    for i, r in room.items():
        if r > 0:
            out[i] -= need * r / spare
    return out


def _glyphs(font: CoreFont | TTFFont) -> set[int]:
    """The code points a font has a glyph for."""
    return set(font.cmap) if isinstance(font, TTFFont) else set()


def _size(size: str | float) -> float:
    return SIZE[size] if isinstance(size, str) else size
