"""User text made safe to show: control characters escaped, spreadsheet formulas disarmed.

A plan, a framework file or a file name may hold any character: ESC sequences that set a
terminal's title or clear its screen, OSC 8 links, BEL, backspace, CR that overwrites a
line, C1 controls (``\\x9b`` is CSI on some terminals) and bidi overrides that reorder
what is shown. None of them may reach an output raw. :func:`escape_controls` shows each
one as an escape (``\\x1b``, ``\\n``, ``\\u202e``); :mod:`mlplan.render.output` applies it to
every byte mlplan writes (stdout, stderr, ``--output`` files), so no renderer has to.

Only the escapes ``\\xNN`` (C0), ``\\n``, ``\\r``, ``\\t`` and ``\\uNNNN`` (DEL and
above) are produced, so an escaped JSON document stays valid JSON: json.dumps already
writes C0 as ``\\u00NN``, and the rest gets the same form.

The one escape sequence mlplan writes itself, an ANSI style around a text when colour is
on, is made here too (:func:`paint`), beside the escapes that keep every other one out.

Pure functions, nothing imported beyond ``re``.
"""

from __future__ import annotations

import functools
import re

# C0 (tab and line feed are handled by the caller's ``keep``), DEL, C1, the Arabic letter
# mark, LRM/RLM, line/paragraph separators, bidi embeddings/overrides/isolates, and lone
# surrogates (a file name with bytes that are not UTF-8).
_CONTROL_RANGES = (
    (0x00, 0x1F),
    (0x7F, 0x9F),
    (0x061C, 0x061C),
    (0x200E, 0x200F),
    (0x2028, 0x2029),
    (0x202A, 0x202E),
    (0x2066, 0x2069),
    (0xD800, 0xDFFF),
)


def _class(keep: str = "") -> str:
    """The control characters but those in ``keep``, as a regular expression's class
    (a plain class: a page of many lines is scanned at C speed, with no look-ahead at
    every character)."""
    kept = sorted(ord(c) for c in set(keep))
    pieces = []
    for low, high in _CONTROL_RANGES:
        start = low
        for code in kept:
            if start <= code <= high:
                if code > start:
                    pieces.append((start, code - 1))
                start = code + 1
        if start <= high:
            pieces.append((start, high))
    return "".join(f"\\u{a:04x}-\\u{b:04x}" if a < b else f"\\u{a:04x}" for a, b in pieces)


_CONTROL_CLASS = _class()
_CONTROL = re.compile(f"[{_CONTROL_CLASS}]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}

# OWASP, "CSV Injection": a cell starting with one of these is run as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def escape_char(ch: str) -> str:
    """The visible escape of one control character."""
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x20 else f"\\u{code:04x}"


def escape_controls(text: str, keep: str = "") -> str:
    """``text`` with every control character escaped, except those in ``keep``
    (e.g. ``"\\n\\t"`` where the format itself lays out lines and tabs)."""
    if text.isprintable():
        return text  # the common case, fast: printable text holds no control character
    return _pattern(keep).sub(lambda m: escape_char(m.group()), text)


@functools.cache
def _pattern(keep: str) -> re.Pattern[str]:
    """The control characters minus ``keep``: a page of many lines matches no line feed."""
    if not keep:
        return _CONTROL
    return re.compile(f"[{_class(keep)}]")


def one_line(text: str) -> str:
    """User text for a line-oriented output (a finding, an overview row): newlines,
    tabs and every other control character escaped, so it can never start a line."""
    return escape_controls(text)


def has_control(text: str, keep: str = "") -> bool:
    """Whether ``text`` holds a control character not in ``keep``."""
    return any(ch not in keep for ch in _CONTROL.findall(text))


def csv_cell(value: object) -> object:
    """A spreadsheet cell that shows what was typed and never runs as a formula.

    Text starting with ``= + - @``, a tab or a CR gets a leading single quote (OWASP's
    advice; Excel and LibreOffice then show it as text). Control characters are escaped
    except a line feed: a quoted CSV cell (and an xlsx cell) holds it as a line break, so
    multi-line text reads back as written. Numbers and other non-text values are returned
    unchanged. For every CSV and xlsx writer of mlplan.
    """
    if not isinstance(value, str):
        return value
    if value.startswith(FORMULA_START):
        value = "'" + value
    return escape_controls(value, keep="\n")


def paint(text: str, code: str | None, color: bool) -> str:
    """``text`` in the ANSI style ``code`` (SGR: ``1`` bold, ``31`` red) when ``color`` is
    on; plain otherwise, and without a style an empty text or code needs none."""
    if not color or not code or not text:
        return text
    return f"\x1b[{code}m{text}\x1b[0m"
