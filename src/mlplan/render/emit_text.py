"""The terminal emitter of the document model: a page as plain lines, laid out by
``render/textlayout.py`` (string operations only; 17–35× faster than rich for the same
shapes), at a given width, with ANSI styles only when the stream shows colour.

The look, for every page alike: the title in bold and the subtitle dimmed on the first
lines; a section's heading in bold after a blank line (its ``summary`` on the same line,
after a colon), a nested section's heading indented like the blocks; every block indented
by two spaces: paragraphs wrapped at spaces, fields as a grid of bold labels, tables as
aligned columns under a bold header and a rule, lists with a number or a bullet and their
details dimmed on one line under them, findings as ``check`` prints them (errors red).
Lists and findings marked ``lines`` print each item whole on one line at their heading's
indent; a list of ``entries`` puts each item's text on a line and its details, joined, under
it (see ``render/document.py``).

A document laid out as an outline (``Document.outline``: the framework, the group
overview) indents every line by its depth instead, wraps its title, has a blank line only
before a top-level heading and cuts no word (see ``render/document.py``).

Tones become SGR codes only when ``color`` is on; without it the page is plain text with
no trailing spaces. User text is not escaped here beyond keeping titles and findings on one
line: the output seam (``mlplan.render.output``) escapes every control character.
"""

from __future__ import annotations

from collections.abc import Sequence

from mlplan.render import textlayout as layout
from mlplan.render.diagnostics import finding_text
from mlplan.render.document import (
    Block,
    Cell,
    Document,
    Fields,
    Figure,
    Findings,
    ItemList,
    ListItem,
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
from mlplan.render.safe import one_line

GREEN = "32"
YELLOW = "33"
# what each tone looks like on a terminal (None: as the text is)
TONE: dict[Tone, str | None] = {
    "normal": None,
    "strong": layout.BOLD,
    "muted": layout.DIM,
    "good": GREEN,
    "bad": layout.RED,
    "warn": YELLOW,
    "accent": f"{layout.BOLD};{layout.CYAN}",
    "code": layout.CYAN,
}
INDENT = 2  # of every block under a heading
STACK_INDENT = 4  # of a stacked row's wrapped lines


def to_text(doc: Document, *, width: int, color: bool) -> str:
    """The document as terminal text, ``width`` columns wide, ANSI styles if ``color``."""
    if doc.outline:
        emitter = _Emitter(width, color, [], outline=True)
        emitter.text(title_text(doc), layout.BOLD, 0)
        if doc.subtitle:
            emitter.text(doc.subtitle, layout.DIM, 0)
    else:
        lines = [layout.paint(one_line(title_text(doc)), layout.BOLD, color)]
        if doc.subtitle:
            lines.append(layout.paint(one_line(doc.subtitle), layout.DIM, color))
        emitter = _Emitter(width, color, lines)
    emitter.blocks(doc.blocks, depth=0)
    return "\n".join(emitter.lines) + "\n"


def blocks_text(blocks: Sequence[Block], *, width: int, color: bool) -> str:
    """Blocks without a title of their own, as terminal text: a section added to a page
    that another layout wrote (the summary's "what changed" from git history)."""
    lines: list[str] = []
    _Emitter(width, color, lines).blocks(blocks, depth=0)
    return "\n".join(lines) + "\n"


def terminal_text(value: Cell) -> str:
    """What a terminal shows of a cell: its short form, else its text with its code (a
    topic id) on a line of its own under it."""
    if value.short is not None:
        return value.short
    return f"{value.text}\n{value.code}" if value.code else value.text


def _shown(blocks: Sequence[Block]) -> list[Block]:
    """The blocks a terminal shows: a ``Medium``'s terminal blocks in its place."""
    out: list[Block] = []
    for block in blocks:
        out += _shown(block.terminal) if isinstance(block, Medium) else [block]
    return out


def _details(item: ListItem, *, url: bool = True) -> list[str]:
    """An item's details and fields as a terminal words them, with its address to open
    (``url``) when it is not its text."""
    details = [*item.details, *(f"{f.label}: {f.value}" for f in item.fields)]
    if url and item.url and item.url != item.text:
        details.append(item.url)
    return details


class _Emitter:
    def __init__(self, width: int, color: bool, lines: list[str], *, outline: bool = False) -> None:
        self.width = width
        self.color = color
        self.lines = lines
        self.outline = outline
        self.fold = not outline  # an outline cuts no word (its ids and URLs are typed)
        self.indent = INDENT  # of the blocks being laid out
        self.heading_indent = 0  # of the section they stand in (``lines`` stand there)

    def blocks(self, blocks: Sequence[Block], depth: int) -> None:
        after_section = False
        for block in _shown(blocks):
            if self.outline:
                self.indent = INDENT * depth
                if after_section and depth == 0 and not isinstance(block, Section):
                    self.lines.append("")  # a closing line is not one more of the section's
            self.block(block, depth)
            after_section = isinstance(block, Section)

    def block(self, block: Block, depth: int) -> None:
        if isinstance(block, Section):
            self.section(block, depth)
        elif isinstance(block, Paragraph):
            text = block.text if block.terminal is None else block.terminal
            self.paragraph(text, TONE[block.tone])
        elif isinstance(block, Quote):
            self.paragraph(block.text, layout.ITALIC)
        elif isinstance(block, Fields):
            rows = [(f.label, f.value, layout.BOLD, None) for f in block.fields]
            # two spaces: a label without a colon must not run into its value
            # ("Laatste gesprek 2026-07-01" read as one phrase)
            self.lines += layout.grid(
                rows, self.width, indent=self.indent, gap=2, color=self.color, fold=self.fold
            )
        elif isinstance(block, Table):
            self.table(block, depth)
        elif isinstance(block, ItemList):
            self.item_list(block)
        elif isinstance(block, Findings):
            show = self.line if block.lines else self.paragraph
            for f in block.findings:
                line = finding_text(f.location, f.code, f.message)
                show(line, layout.RED if f.severity == "error" else None)
            if block.more:
                show(block.more)
        elif isinstance(block, Figure):
            if block.alt:
                self.paragraph(block.alt)
        else:  # pragma: no cover - a new block type without its case here
            raise TypeError(f"no terminal form for {type(block).__name__}")

    def section(self, section: Section, depth: int) -> None:
        heading = section.heading
        if section.summary:  # the totals share the heading's line: one screen per page
            heading += ": " + section.summary
        if not self.outline or depth == 0:
            self.lines.append("")
        indent = INDENT * depth if self.outline else INDENT if depth else 0
        self.text(heading, TONE[section.tone], indent)
        outer, self.heading_indent = self.heading_indent, indent
        self.blocks(section.blocks, depth + 1)
        self.heading_indent = outer

    def text(self, text: str, code: str | None, indent: int) -> None:
        self.lines += layout.paragraph(
            text, self.width, indent=indent, code=code, color=self.color, fold=self.fold
        )

    def paragraph(self, text: str, code: str | None = None) -> None:
        self.text(text, code, self.indent)

    def line(self, text: str, code: str | None = None) -> None:
        """``text`` whole on one line at the heading's indent, however wide (``lines``)."""
        self.lines.append(
            " " * self.heading_indent + layout.paint(one_line(text), code, self.color)
        )

    def item_list(self, block: ItemList) -> None:
        if block.lines:
            for item in block.items:
                self.line(" · ".join([item_text(item), *_details(item)]), TONE[item.tone])
            return
        if block.entries:
            for item in block.items:
                self.lines += layout.paragraph(
                    item_text(item),
                    self.width,
                    indent=self.indent,
                    code=TONE[item.tone],
                    color=self.color,
                    fold=False,
                )
                self.lines += layout.joined(
                    _details(item), self.width, indent=self.indent + INDENT, color=self.color
                )
            self.lines.append("")  # what follows is not one more entry
            return
        rows: list[tuple[str, str, str | None, str | None]] = []
        for n, item in enumerate(block.items, 1):
            marker = f"{n}." if block.numbered else "•"
            rows.append((marker, item_text(item), None, TONE[item.tone]))
            details = _details(item, url=False)
            if details:
                rows.append(("", " · ".join(details), None, layout.DIM))
            if item.url and item.url != item.text:  # the address to open, whole on its line
                rows.append(("", item.url, None, None))
        self.lines += layout.grid(
            rows, self.width, indent=self.indent, color=self.color, fold=self.fold
        )

    def table(self, block: Table, depth: int) -> None:
        shown = [i for i, col in enumerate(block.columns) if col.terminal]
        if not shown:
            return
        columns = [
            # numbers never wrap, nor their header: "Te doen" stands over them on one line
            layout.Column(c.header, c.wrap and not c.right, c.max_width, c.right, TONE[c.tone])
            for c in (block.columns[i] for i in shown)
        ]
        cells = [[cell(row[i]) for i in shown] for row in block.rows]
        rows = [[terminal_text(c) for c in row] for row in cells]
        row_styles = [TONE[t] if t else None for t in block.row_tones] if block.row_tones else None
        cell_styles = None
        if any(c.tone != "normal" for row in cells for c in row):
            cell_styles = [[TONE[c.tone] for c in row] for row in cells]
        if (block.narrow or block.stack) and not layout.fits(
            columns, rows, self.width, indent=self.indent
        ):
            if block.narrow:
                self.blocks(block.narrow, depth)
                self.indent = INDENT * depth if self.outline else INDENT
            else:
                self.stacked(columns, rows, row_styles, cell_styles)
            return
        self.lines += layout.table(
            columns,
            rows,
            self.width,
            indent=self.indent,
            color=self.color,
            row_styles=row_styles,
            cell_styles=cell_styles,
        )

    def stacked(
        self,
        columns: Sequence[layout.Column],
        rows: Sequence[Sequence[str]],
        row_styles: Sequence[str | None] | None,
        cell_styles: Sequence[Sequence[str | None]] | None,
    ) -> None:
        """Each row as ``header: value`` lines, rows apart by a blank line, the first
        column's line in bold: no word is cut however narrow the screen (a word wider than
        the line stands whole on a line of its own)."""
        room = self.width - STACK_INDENT
        for r, row in enumerate(rows):
            if r:
                self.lines.append("")
            for c, (column, value) in enumerate(zip(columns, row, strict=True)):
                if not value:
                    continue
                code = (
                    layout.BOLD
                    if c == 0
                    else (row_styles[r] if row_styles else None)
                    or (cell_styles[r][c] if cell_styles else None)
                    or column.style
                )
                for k, part in enumerate(value.split("\n")):
                    text = f"{column.header}: {part}" if k == 0 else part
                    for j, line in enumerate(layout.wrap(text, room, fold=False)):
                        pad = " " * (INDENT if k == 0 and j == 0 else STACK_INDENT)
                        self.lines.append((pad + layout.paint(line, code, self.color)).rstrip())
