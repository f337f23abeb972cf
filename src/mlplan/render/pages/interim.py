"""Interim terminal-text and Markdown emitters of the document model, for ``prepare`` and
``handover`` until the model's own emitters (``render/emit_text.py``,
``render/emit_markdown.py``) are there; then ``commands/pages.emit`` calls those instead and
this module goes. Deliberately small: every block in the plainest form of each medium, laid
out with the summary page's building blocks (``textlayout``, ``render/markdown``).
"""

from __future__ import annotations

from collections.abc import Sequence

from mlplan.render import textlayout as layout
from mlplan.render.document import (
    Block,
    Document,
    Fields,
    Figure,
    Findings,
    ItemList,
    Paragraph,
    Section,
    Table,
    Tone,
    cell,
)
from mlplan.render.markdown import bullet, code, escape, numbered
from mlplan.render.markdown import table as md_table
from mlplan.render.safe import one_line

_STYLE: dict[Tone, str | None] = {
    "normal": None,
    "strong": layout.BOLD,
    "muted": layout.DIM,
    "good": None,
    "bad": layout.RED,
    "warn": None,
    "accent": layout.CYAN,
}


# -- terminal text ---------------------------------------------------------------------------


def to_text(doc: Document, *, width: int, color: bool) -> str:
    lines = [layout.paint(one_line(doc.title), layout.BOLD, color)]
    if doc.subtitle:
        lines.append(layout.paint(one_line(doc.subtitle), layout.DIM, color))
    lines += _text_blocks(doc.blocks, width, color, indent=0)
    return "\n".join(lines) + "\n"


def _text_blocks(blocks: Sequence[Block], width: int, color: bool, indent: int) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        lines += _text_block(block, width, color, indent)
    return lines


def _text_block(block: Block, width: int, color: bool, indent: int) -> list[str]:
    if isinstance(block, Section):
        heading = block.heading + (f" · {block.summary}" if block.summary else "")
        return [
            "",
            *layout.paragraph(heading, width, indent=indent, code=_STYLE[block.tone], color=color),
            *_text_blocks(block.blocks, width, color, indent + 2),
        ]
    if isinstance(block, Paragraph):
        return layout.paragraph(
            block.text, width, indent=indent, code=_STYLE[block.tone], color=color
        )
    if isinstance(block, Fields):
        rows = [(f.label, f.value, layout.BOLD, None) for f in block.fields]
        return layout.grid(rows, width, indent=indent, color=color)
    if isinstance(block, Table):
        columns = [c for c in block.columns if c.terminal]
        shown = [i for i, c in enumerate(block.columns) if c.terminal]
        cells: list[list[str]] = [[_short(row[i]) for i in shown] for row in block.rows]
        tones = block.row_tones or [None] * len(cells)
        return layout.table(
            [layout.Column(c.header, c.wrap, c.max_width, c.right) for c in columns],
            cells,
            width,
            indent=indent,
            color=color,
            row_styles=[_STYLE[t] if t else None for t in tones],
        )
    if isinstance(block, ItemList):
        grid: list[tuple[str, str, str | None, str | None]] = []
        for n, item in enumerate(block.items, 1):
            grid.append((f"{n}." if block.numbered else "•", item.text, None, _STYLE[item.tone]))
            grid += [("", detail, None, layout.DIM) for detail in item.details]
        return layout.grid(grid, width, indent=indent, color=color)
    if isinstance(block, Findings):
        return [
            line
            for f in block.findings
            for line in layout.paragraph(
                f"{f.location}: {f.code} {f.message}",
                width,
                indent=indent,
                code=layout.RED if f.severity == "error" else None,
                color=color,
            )
        ]
    if isinstance(block, Figure):
        return layout.paragraph(block.alt, width, indent=indent) if block.alt else []
    raise TypeError(block)  # pragma: no cover - a new block type needs its case here


def _short(value: object) -> str:
    c = cell(value)  # type: ignore[arg-type]
    return c.short if c.short is not None else c.text


# -- Markdown --------------------------------------------------------------------------------


def to_markdown(doc: Document) -> str:
    lines = [f"# {escape(doc.title)}", ""]
    if doc.subtitle:
        lines += [escape(doc.subtitle), ""]
    lines += _md_blocks(doc.blocks, level=2)
    return "\n".join(lines)


def _md_blocks(blocks: Sequence[Block], level: int) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        lines += _md_block(block, level)
    return lines


def _md_block(block: Block, level: int) -> list[str]:
    if isinstance(block, Section):
        lines = [f"{'#' * level} {escape(block.heading)}", ""]
        if block.summary:
            lines += [escape(block.summary), ""]
        return lines + _md_blocks(block.blocks, level + 1)
    if isinstance(block, Paragraph):
        text = escape(block.text)
        return [f"**{text}**" if block.tone == "strong" else text, ""]
    if isinstance(block, Fields):
        return [*(bullet(f"**{escape(f.label)}:** {escape(f.value)}") for f in block.fields), ""]
    if isinstance(block, Table):
        shown = [i for i, c in enumerate(block.columns) if c.document]
        headers = [block.columns[i].header for i in shown]
        rows = [["; ".join(cell(row[i]).text.splitlines()) for i in shown] for row in block.rows]
        return [*md_table(headers, rows), ""]
    if isinstance(block, ItemList):
        lines = []
        for n, item in enumerate(block.items, 1):
            details = [escape(d) for d in item.details]
            if block.numbered:
                lines += numbered(n, escape(item.text), details)
            else:
                lines += [bullet(escape(item.text)), *(f"  {bullet(d)}" for d in details)]
        return [*lines, ""]
    if isinstance(block, Findings):
        return [
            *(bullet(f"{code(f.location)} {f.code} {escape(f.message)}") for f in block.findings),
            "",
        ]
    if isinstance(block, Figure):
        return [escape(block.alt), ""] if block.alt else []
    raise TypeError(block)  # pragma: no cover - a new block type needs its case here
