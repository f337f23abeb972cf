"""Plain-text layout for terminal pages: aligned column tables and hanging-indent grids.

rich's Table measures and renders every cell through its segment machinery, about 14 ms
for one summary page; a group of 1,000 plans spent most of its time there. These
functions lay out the same shapes with string operations only. Widths are display cells
(``rich.cells.cell_len``: a CJK character takes two), so columns line up and no line is
wider than asked. Lines carry no trailing spaces. ANSI styles are added only when the
caller says the stream shows colour, and after the layout, so they never count as width.

Text wraps at spaces only. A word wider than the room (a URL, an id, a file name) is
folded into pieces by :func:`table` only as its last resort on a very narrow screen;
callers that must keep every word whole ask :func:`fits` first and stack otherwise, and
pass ``fold=False`` so such a word stands whole on a line of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len as _rich_cell_len

from mlplan.render.safe import paint as paint  # the pages' styler, defined with the escapes


def cell_len(text: str) -> int:
    """Display width of ``text`` in terminal cells.

    Below U+0300 every character takes one cell (no combining marks, no wide characters),
    which covers almost all Dutch text; only the rest is measured by rich, which is slow
    enough to matter over a thousand pages.
    """
    if text.isascii() or max(text) < "\u0300":
        return len(text)
    return _rich_cell_len(text)


BOLD = "1"
DIM = "2"
ITALIC = "3"
RED = "31"
CYAN = "36"
BULLET = "• "  # a paragraph that starts with it hangs its wrapped lines under its text
RULE = "─"
ELLIPSIS = "…"


def _fold(word: str, width: int) -> list[str]:
    """A word wider than ``width`` cut into pieces of at most ``width`` cells."""
    pieces: list[str] = []
    piece, used = "", 0
    for ch in word:
        w = cell_len(ch)
        if used + w > width and piece:
            pieces.append(piece)
            piece, used = "", 0
        piece += ch
        used += w
    if piece:
        pieces.append(piece)
    return pieces


def wrap(text: str, width: int, *, fold: bool = True) -> list[str]:
    """``text`` in lines of at most ``width`` cells, broken at spaces; a line break in the
    text starts a new line, and a paragraph that starts with ``BULLET`` hangs its wrapped
    lines under its text. A word longer than the width is folded, or with ``fold=False``
    stands whole on a line of its own (wider than asked). Never an empty list."""
    width = max(1, width)
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        if cell_len(paragraph) <= width and "\t" not in paragraph:
            lines.append(paragraph.rstrip())
            continue
        if paragraph.startswith(BULLET) and width > len(BULLET):
            hang = " " * len(BULLET)
            body = _wrap_paragraph(paragraph[len(BULLET) :], width - len(BULLET), fold)
            lines += [(hang if k else BULLET) + line for k, line in enumerate(body)]
        else:
            lines += _wrap_paragraph(paragraph, width, fold)
    return lines


def _wrap_paragraph(paragraph: str, width: int, fold: bool) -> list[str]:
    lines: list[str] = []
    line, used = "", 0
    for word in paragraph.split():
        w = cell_len(word)
        if w > width and fold:
            if line:
                lines.append(line)
            *whole, line = _fold(word, width)
            lines += whole
            used = cell_len(line)
        elif not line:
            line, used = word, w
        elif used + 1 + w <= width:
            line, used = f"{line} {word}", used + 1 + w
        else:
            lines.append(line)
            line, used = word, w
    lines.append(line)
    return lines


def truncate(text: str, width: int) -> str:
    """``text`` on one line of at most ``width`` cells, ending in an ellipsis if cut."""
    text = " ".join(text.split())
    if cell_len(text) <= width:
        return text
    if width <= 1:
        return ELLIPSIS[:width]
    kept, used = "", 0
    for ch in text:
        w = cell_len(ch)
        if used + w > width - 1:
            break
        kept += ch
        used += w
    return kept.rstrip() + ELLIPSIS


# Both run for every cell of every table; ASCII text (most cells) is measured by len alone.


def _longest_word(text: str) -> int:
    """The narrowest a cell can be without cutting a word: its longest word, plus the
    hanging indent of a bulleted paragraph."""
    measure = len if text.isascii() else cell_len
    longest = max(map(measure, text.split()), default=0)
    if BULLET not in text:
        return longest
    return max(
        longest,
        *(
            len(BULLET) + max(map(measure, p.split()), default=0)
            for p in text.splitlines()
            if p.startswith(BULLET)
        ),
    )


def _widest_line(text: str) -> int:
    lines = text.splitlines()
    if len(lines) == 1:
        return cell_len(lines[0])
    return max(map(cell_len, lines), default=0)


@dataclass(frozen=True)
class Column:
    """A table column: its header, whether its cells wrap (else they are cut with an
    ellipsis when the column must be narrower), and an optional cap on its width."""

    header: str
    wrap: bool = True
    max_width: int | None = None
    right: bool = False  # numbers line up on the right
    style: str | None = None  # of its cells (not the header), unless the row has a style


def _shrink(widths: list[int], floors: list[int], excess: int) -> int:
    """Narrow the widest column first, none below its floor, until ``excess`` cells are
    gone or nothing can give; returns what is left of the excess."""
    while excess > 0:
        movable = [i for i, w in enumerate(widths) if w > floors[i]]
        if not movable:
            break
        widest = max(movable, key=lambda i: widths[i])
        others = [widths[i] for i in movable if i != widest]
        target = max([floors[widest], *others])
        cut = min(excess, max(1, widths[widest] - target))
        widths[widest] -= cut
        excess -= cut
    return excess


def _measure(
    columns: Sequence[Column], rows: Sequence[Sequence[str]]
) -> tuple[list[int], list[int]]:
    """Each column's natural width (its widest cell, or its cap) and its floor: the
    narrowest it can be without cutting a word (a column that does not wrap: its width)."""
    widths: list[int] = []
    floors: list[int] = []
    for c, col in enumerate(columns):
        column = [col.header, *(row[c] for row in rows)]
        widest = max(map(_widest_line, column))
        if col.max_width is not None:
            widest = min(widest, col.max_width)
        widths.append(widest)
        floors.append(min(widest, max(map(_longest_word, column))) if col.wrap else widest)
    return widths, floors


def fits(
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    width: int,
    *,
    indent: int = 2,
    gap: int = 2,
) -> bool:
    """Whether :func:`table` lays these rows out within ``width`` without cutting a word
    or a cell: every column at least as wide as its longest word."""
    _, floors = _measure(columns, rows)
    return indent + sum(floors) + gap * (len(columns) - 1) <= width


def table(
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    width: int,
    *,
    indent: int = 2,
    gap: int = 2,
    color: bool = False,
    row_styles: Sequence[str | None] | None = None,
    cell_styles: Sequence[Sequence[str | None]] | None = None,
) -> list[str]:
    """Aligned columns under a bold header and a rule, at most ``width`` cells wide.

    Each column is as wide as its widest cell (or its cap). When that is too wide, the
    widest wrapping columns give way first, down to their longest word; then, on a very
    narrow screen, any column, folding words and cutting cells that do not wrap.

    A cell's style is its row's (``row_styles``), else its own (``cell_styles``, a style
    per cell of each row), else its column's.
    """
    n = len(columns)
    room = max(n, width - indent - gap * (n - 1))
    widths, floors = _measure(columns, rows)
    excess = _shrink(widths, floors, sum(widths) - room)
    if excess > 0:
        _shrink(widths, [1] * n, excess)
    pad = " " * indent
    sep = " " * gap
    lines: list[str] = []
    styles = row_styles or [None] * len(rows)
    own: Sequence[Sequence[str | None] | None] = cell_styles or [None] * len(rows)
    header = tuple(col.header for col in columns)
    body = zip(rows, styles, own, strict=True)
    for c_row, style, cell_codes in ((header, BOLD, None), *body):
        cells = [
            wrap(text, widths[c]) if col.wrap else [truncate(text, widths[c])]
            for c, (col, text) in enumerate(zip(columns, c_row, strict=True))
        ]
        for k in range(max(len(cell) for cell in cells)):
            parts = []
            for c, cell in enumerate(cells):
                text = cell[k] if k < len(cell) else ""
                room_left = " " * (widths[c] - cell_len(text))
                code = style or (cell_codes[c] if cell_codes else None) or columns[c].style
                if columns[c].right and style != BOLD:
                    parts.append(room_left + paint(text, code, color))
                else:
                    parts.append(paint(text, code, color) + room_left)
            lines.append((pad + sep.join(parts)).rstrip())
        if style == BOLD:
            lines.append(pad + RULE * (sum(widths) + gap * (n - 1)))
    return lines


def grid(
    rows: Sequence[tuple[str, str, str | None, str | None]],
    width: int,
    *,
    indent: int = 2,
    gap: int = 1,
    color: bool = False,
    fold: bool = True,
) -> list[str]:
    """Rows of a label (a bullet, a number, a word) and text that wraps with a hanging
    indent under itself; each row is ``(label, text, label style, text style)``."""
    if not rows:
        return []
    label_width = max(cell_len(label) for label, *_ in rows)
    text_width = max(1, width - indent - label_width - gap)
    pad = " " * indent
    hang = " " * (label_width + gap)
    lines: list[str] = []
    for label, text, label_style, text_style in rows:
        first = pad + paint(label, label_style, color) + " " * (label_width - cell_len(label) + gap)
        for k, line in enumerate(wrap(text, text_width, fold=fold)):
            lines.append(
                ((first if k == 0 else pad + hang) + paint(line, text_style, color)).rstrip()
            )
    return lines


def paragraph(
    text: str,
    width: int,
    *,
    indent: int = 0,
    code: str | None = None,
    color: bool = False,
    fold: bool = True,
) -> list[str]:
    """``text`` wrapped at ``width``, every line indented by ``indent`` spaces."""
    pad = " " * indent
    return [
        (pad + paint(line, code, color)).rstrip() for line in wrap(text, width - indent, fold=fold)
    ]


def joined(
    items: Sequence[str],
    width: int,
    *,
    indent: int = 0,
    sep: str = " · ",
    code: str | None = None,
    color: bool = False,
) -> list[str]:
    """``items`` on as few lines as fit, ``sep`` between them; a line breaks only between
    items (``Te doen 4`` stays together), and an item wider than the line wraps on its own
    without cutting a word."""
    room = width - indent
    lines: list[str] = []
    line = ""
    for item in items:
        candidate = f"{line}{sep}{item}" if line else item
        if not line or cell_len(candidate) <= room:
            line = candidate
        else:
            lines.append(line)
            line = item
    if line:
        lines.append(line)
    pad = " " * indent
    return [
        (pad + paint(part, code, color)).rstrip()
        for line in lines
        for part in wrap(line, room, fold=False)
    ]
