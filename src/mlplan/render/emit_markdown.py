"""The Markdown emitter of the document model, on ``render/markdown.py``'s building blocks:
every text is escaped there, so what a plan or a framework file holds reads as typed on
GitHub, in pandoc and in Python-Markdown alike.

The shapes: the title as a heading of ``level`` (``#``; ``##`` for a page under a group
overview), the subtitle as a paragraph, each section a heading one level deeper than the
one it stands in (its ``summary`` as a paragraph under it); paragraphs (``strong`` in bold,
``muted`` in italics: Markdown has no other means), fields as a list of ``**label:** value``,
tables as GFM tables (cells on one line; see ``Column.items`` and ``Column.weight``), lists
(numbered, with details as a nested list), findings as a list, a figure by its ``alt``, a
quote as ``> ``; identifiers (the tone ``code``, ``Document.code``) in code spans and links
as ``[text](url)``.
Every block ends with a blank line; the page with exactly one line end.
"""

from __future__ import annotations

from collections.abc import Sequence

from mlplan.i18n import t
from mlplan.render.document import (
    Block,
    Cell,
    Column,
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
)
from mlplan.render.markdown import NESTED_INDENT, bullet, code, escape, numbered, table
from mlplan.render.markdown import cell as md_cell
from mlplan.render.safe import one_line

MAX_LEVEL = 6  # Markdown's deepest heading


def to_markdown(doc: Document, *, level: int = 1) -> str:
    """The document as Markdown; ``level`` is its title's heading level."""
    title = escape(doc.title)
    if doc.code:
        title += f" ({code(doc.code)})"
    lines = [f"{_hashes(level)} {title}", ""]
    if doc.subtitle:
        lines += [escape(doc.subtitle), ""]
    lines += blocks(doc.blocks, level + 1)
    return "\n".join(lines).rstrip("\n") + "\n"


def blocks(items: Sequence[Block], level: int) -> list[str]:
    """The lines of ``items``, sections' headings at ``level``."""
    lines: list[str] = []
    for item in items:
        lines += block(item, level)
    return lines


def _hashes(level: int) -> str:
    return "#" * min(level, MAX_LEVEL)


def inline(text: str, tone: Tone = "normal") -> str:
    """Text escaped, in bold when strong and in italics when muted; an identifier in code."""
    if tone == "code":
        return code(text)
    out = escape(text)
    if tone == "strong":
        return f"**{out}**"
    if tone == "muted":
        return f"*{out}*"
    return out


def block(item: Block, level: int) -> list[str]:
    if isinstance(item, Section):
        lines = [f"{_hashes(level)} {escape(item.heading)}", ""]
        if item.summary:
            lines += [escape(item.summary), ""]
        return lines + blocks(item.blocks, level + 1)
    if isinstance(item, Paragraph):
        return [inline(item.text, item.tone), ""] if item.text else []
    if isinstance(item, Fields):
        if not item.fields:
            return []
        return [*(bullet(f"**{escape(f.label)}:** {escape(f.value)}") for f in item.fields), ""]
    if isinstance(item, Table):
        return _table(item)
    if isinstance(item, ItemList):
        return _item_list(item)
    if isinstance(item, Findings):
        return _findings(item)
    if isinstance(item, Figure):
        return [escape(item.alt), ""] if item.alt else []
    if isinstance(item, Quote):
        return [f"> {escape(item.text)}", ""]
    if isinstance(item, Medium):
        return blocks(item.document, level)
    raise TypeError(f"no Markdown form for {type(item).__name__}")  # pragma: no cover


def table_cell(value: Cell, column: Column) -> str:
    """A cell on one line: a list's items apart by ``; ``, the code (a topic id) after
    the text in a code span; an identifier in code; a link as ``[text](url)``."""
    text = "; ".join(value.text.split("\n")) if column.items else value.text
    out = code(text) if text and "code" in (value.tone, column.tone) else md_cell(text)
    if value.url:
        out = f"[{out}]({value.url})"
    return f"{out} ({code(value.code)})" if value.code else out


def _table(item: Table) -> list[str]:
    shown = [i for i, column in enumerate(item.columns) if column.document]
    if not shown:
        return []
    columns = [item.columns[i] for i in shown]
    rows = [[table_cell(cell(row[i]), item.columns[i]) for i in shown] for row in item.rows]
    lines = table([c.header for c in columns], rows, escape=False)  # escaped above
    if any(c.weight for c in columns):
        lines[1] = _delimiter(columns)
    return [*lines, ""]


def _delimiter(columns: Sequence[Column]) -> str:
    """The delimiter row of a sized table: as many dashes as the column's weight (pandoc
    gives a wide table's columns their share by them; equal dashes would give a number
    column as much room as the activity), ``:`` on the right of a right-aligned column."""
    parts = []
    for c in columns:
        weight = c.weight or 3
        parts.append("-" * (weight - 1) + ":" if c.right else "-" * weight)
    return "|" + "|".join(parts) + "|"


def _item_list(item: ItemList) -> list[str]:
    lines: list[str] = []
    for n, entry in enumerate(item.items, 1):
        text = _item_text(entry)
        details = [escape(d) for d in entry.details]
        details += [f"*{escape(f.label)}:* {escape(f.value)}" for f in entry.fields]
        if item.numbered:
            lines += numbered(n, text, details)
        else:
            lines += [bullet(text), *(NESTED_INDENT + bullet(d) for d in details)]
    return [*lines, ""] if lines else []


def _item_text(entry: ListItem) -> str:
    """An item's text with its term in bold (``**Basis**: …``) or its label as a field's
    (``*Voorbeeld:* …``), a link as ``[text](url)``."""
    text = inline(entry.text, entry.tone)
    if entry.url:
        text = f"[{text}]({entry.url})"
    if entry.term:
        return f"**{escape(entry.term)}**: {text}"
    if entry.label:
        return f"*{escape(entry.label)}:* {text}"
    return text


def _findings(item: Findings) -> list[str]:
    lines = []
    for f in item.findings:
        if f.place:  # a page about one file: the position in words, with the severity
            severity = escape(t(f"label.{f.severity}").rstrip(":"))
            lines.append(
                bullet(f"**{f.code}** ({severity}), {escape(f.place)}: {escape(f.message)}")
            )
        else:
            lines.append(bullet(f"{code(one_line(f.location))} {f.code} {escape(f.message)}"))
    if item.more:
        lines.append(bullet(escape(item.more)))
    return [*lines, ""] if lines else []
