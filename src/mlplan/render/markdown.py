"""Markdown building blocks that are safe for user text and read the same everywhere.

mlplan's Markdown goes to GitHub and GitLab (CommonMark with GFM tables), through pandoc's
own ``markdown`` reader into a Word document, and onto MkDocs sites and wikis
(Python-Markdown). The three disagree at the edges, so everything here keeps to what all
three read alike (tests/test_markdown_renderers.py renders every output with each):

- user text is escaped with a backslash only for the characters all three un-escape;
  ``<``, ``&``, ``~``, ``^``, ``$`` and ``:`` become character references instead
  (Python-Markdown shows ``\\<`` or ``\\~`` as typed, pandoc reads ``~x~``, ``^x^`` and
  ``$x$`` as sub/superscript and maths);
- two hyphens stay two hyphens (pandoc would set ``--since`` as ``–since``);
- text that would start a block at the beginning of a line (``- x``, ``1. x``, pandoc's
  ``a. x``, ``iv) x``, ``(b) x``, ``: x``) is escaped wherever it stands;
- a list inside a numbered item is indented by four spaces (Python-Markdown needs four;
  CommonMark and pandoc take it as long as it reaches past the marker).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# escaped with a backslash: ASCII punctuation that CommonMark, pandoc and Python-Markdown
# (with its tables extension, for ``|``) all un-escape
_BACKSLASHED = re.compile(r"([\\`*_{}\[\]#>|])")
# written as character references: Python-Markdown would show a backslash before them
_REFERENCES = {"<": "&lt;", "~": "&#126;", "^": "&#94;", "$": "&#36;"}
_REFERENCED = re.compile(r"[<~^$]|&(?=#?\w+;)")  # a bare & is text everywhere
_DASHES = re.compile(r"-(?=-)|(?<=-)-")  # every hyphen of a run of two or more
# any of the three above: most text (a title, a status) has none and is left as it is
_ANY_ESCAPED = re.compile(r"[\\`*_{}\[\]#>|<~^$&]|--")
# list markers at the start of a line: bullets, numbers and pandoc's letters and roman
# numerals (``a.``, ``iv)``, ``(b)``); and pandoc's definition marker
_LEADING_BULLET = re.compile(r"[-+](?=\s|$)")
_LEADING_NUMBER = re.compile(r"\(?(?:\d+|[A-Za-z]|[ivxlcdm]+|[IVXLCDM]+)(?=[.)](?:\s|$))")
# the indentation of a list inside a numbered item
NESTED_INDENT = "    "


def _reference(match: re.Match[str]) -> str:
    text = match.group()
    return "&amp;" if text == "&" else _REFERENCES[text]


def escape(text: str, *, line_start: bool = True) -> str:
    """User text as inline Markdown that every renderer shows as typed; newlines and runs
    of spaces become one space. Unless ``line_start`` is false (a table cell, which never
    starts a block), text that would start a list or a definition is escaped too."""
    flat = " ".join(text.split())
    out = flat
    if _ANY_ESCAPED.search(flat):
        out = _BACKSLASHED.sub(r"\\\1", out)
        out = _REFERENCED.sub(_reference, out)
        out = _DASHES.sub(r"\\-", out)
    if not line_start:
        return out
    if _LEADING_BULLET.match(flat):
        out = "\\" + out if not out.startswith("\\") else out
    elif number := _LEADING_NUMBER.match(out):
        end = number.end()  # the ``.`` or ``)`` after the number is what makes the list
        out = out[:end].replace("(", "\\(", 1) + "\\" + out[end:]
    elif out.startswith(":"):
        out = "&#58;" + out[1:]
    return out


def cell(text: str) -> str:
    """Text for a table cell: escaped, on one line."""
    return escape(text, line_start=False)


def code(text: str) -> str:
    """A code span that holds any text: its fence is longer than any run of backticks
    inside, and a space pads text that starts or ends with one."""
    flat = " ".join(text.split())
    longest = max((len(run) for run in re.findall(r"`+", flat)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def bullet(text: str) -> str:
    """A list item; inline Markdown in ``text`` is kept (callers escape user text)."""
    return f"- {text}"


def numbered(number: int, text: str, details: Sequence[str] = ()) -> list[str]:
    """A numbered list item with its details as a bulleted list inside it."""
    indent = " " * max(len(NESTED_INDENT), len(f"{number}. "))
    return [f"{number}. {text}", *(indent + bullet(d) for d in details)]


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
