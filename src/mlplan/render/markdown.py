"""GitHub-flavoured Markdown building blocks that are safe for user text.

User text may hold ``|``, ``*``, ``_``, backticks, ``<`` or newlines; escaped here it
renders as typed on GitHub, in pandoc and in an e-portfolio, and never breaks a table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|#~])")


def escape(text: str) -> str:
    """Escape Markdown syntax in inline text; newlines become spaces."""
    flat = " ".join(text.split())
    return _SPECIAL.sub(r"\\\1", flat)


def cell(text: str) -> str:
    """Text for a table cell: escaped, on one line (newlines become ``<br>``-free spaces)."""
    return escape(text)


def bullet(text: str) -> str:
    """A list item; inline Markdown in ``text`` is kept (callers escape user text)."""
    return f"- {text}"


def table(
    headers: Sequence[str], rows: Sequence[Sequence[str]], escape: Sequence[bool] | bool = True
) -> list[str]:
    """A GFM table. ``escape`` says per column whether its cells are raw user text."""
    flags = [escape] * len(headers) if isinstance(escape, bool) else list(escape)
    out = [
        "| " + " | ".join(cell(h) for h in headers) + " |",
        "|" + "|".join("---" for _ in headers) + "|",
    ]
    for row in rows:
        cells = [
            cell(c) if flag else " ".join(c.split()) for c, flag in zip(row, flags, strict=True)
        ]
        out.append("| " + " | ".join(c if c else " " for c in cells) + " |")
    return out
