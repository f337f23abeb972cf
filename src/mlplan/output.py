"""Where text goes: data on stdout, errors and hints on stderr.

Colour only on a terminal and never with ``NO_COLOR``; rich is imported only by the
commands that draw tables, so plain formats start fast.

This is the one seam every byte passes on its way out (``out``, ``err``, the rich
consoles, ``--output`` files through :func:`clean`): control characters in user text
(a plan, a framework file, a file name) are shown escaped here, so no renderer can let
an ESC sequence, a CR or a bidi override through. Line feeds and tabs are the layout of
every format and stay; so does CR LF (a CSV dialect's line end). On a stream that shows
colour, the SGR styles (``ESC [ … m``) that mlplan and rich add stay too.

The width of every page is decided here too (:func:`settle_width`), once, before anything
is drawn.
"""

from __future__ import annotations

import codecs
import contextlib
import itertools
import os
import re
import sys
import unicodedata
from collections.abc import Iterable, MutableMapping
from typing import IO, TYPE_CHECKING, Any

from mlplan.render.safe import escape_controls

if TYPE_CHECKING:
    from rich.console import Console

_SGR = re.compile(r"(\x1b\[[0-9;]*m|\r\n)")
_CRLF = re.compile(r"(\r\n)")
# the SGR parameters mlplan's and rich's styles use: reset, bold, dim, italic, underline,
# normal intensity and the foreground colours. Anything else (conceal, reverse, blink,
# backgrounds) is never mlplan's, so it is escaped even on a colour terminal.
_OWN_SGR = frozenset(
    {"", "0", "1", "2", "3", "4", "22", "23", "24", "39", *map(str, range(30, 38))}
)


def _kept(separator: str, keep: str) -> bool:
    if separator == "\r\n":
        return "\n" in keep
    return all(p in _OWN_SGR for p in separator[2:-1].split(";"))


def clean(text: str, *, color: bool = False, keep: str = "\n\t") -> str:
    """``text`` as it may be written: every control character escaped except those in
    ``keep`` (line feeds and tabs), CR LF line ends and, when ``color`` is on, SGR colour
    codes."""
    if text.isprintable():
        return text
    if "\r" not in text and (not color or "\x1b" not in text):
        return escape_controls(text, keep=keep)  # nothing to split off (most pages)
    parts = (_SGR if color else _CRLF).split(text)
    # split() with one group: odd items are the kept separators
    return "".join(
        part if i % 2 and _kept(part, keep) else escape_controls(part, keep=keep)
        for i, part in enumerate(parts)
    )


# -- streams that cannot hold every character ------------------------------------------
# ``PYTHONIOENCODING=ascii``, ``latin-1`` or a POSIX locale without UTF-8: mlplan's Dutch
# text (ë, –, …, •) would be a UnicodeEncodeError. On such a stream a character it cannot
# hold degrades to its nearest ASCII form (ë -> e, – -> -, … -> ...), else "?".
# ``--output`` files are always UTF-8 (fileio); this is for the terminal only.
DEGRADE = "mlplan.degrade"
_ASCII = {
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2015": "-", "\u2212": "-", "\u2018": "'", "\u2019": "'", "\u201a": ",",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2026": "...", "\u2022": "*",
    "\u00b7": "*", "\u2192": "->", "\u2190": "<-", "\u2264": "<=", "\u2265": ">=",
    "\u00d7": "x", "\u00a0": " ", "\u202f": " ", "\u2500": "-", "\u2502": "|",
    "\u00b0": "o", "\u2713": "v", "\u2717": "x", "\u00ab": '"', "\u00bb": '"',
}  # fmt: skip


def _degrade(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    out = []
    for ch in exc.object[exc.start : exc.end]:
        simple = _ASCII.get(ch)
        if simple is None:  # ë -> e + combining diaeresis -> e; ﬁ -> fi
            decomposed = unicodedata.normalize("NFKD", ch)
            simple = "".join(c for c in decomposed if not unicodedata.combining(c))
        try:
            simple.encode(exc.encoding)
        except (UnicodeError, LookupError):
            simple = "?"
        out.append(simple or "?")
    return "".join(out), exc.end


codecs.register_error(DEGRADE, _degrade)


def degrade_encoding(stream: Any) -> None:
    """Let ``stream`` degrade the characters its encoding cannot hold instead of failing
    (see :data:`DEGRADE`); a UTF-8 stream, or one that is not a text file, is left alone."""
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
    if encoding in ("utf-8", "utf8", "utf-16", "utf-32") or not encoding:
        return
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(ValueError, OSError):  # a closed stream: nothing to show
            reconfigure(errors=DEGRADE)


class SafeStream:
    """A text stream that writes through :func:`clean`; everything else is the wrapped
    stream's (``isatty``, ``encoding``, ``fileno``, ...)."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        self._color = use_color(stream)

    def write(self, text: str) -> int:
        self._stream.write(clean(text, color=self._color))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


# The widths mlplan lays text out at. Below 40 columns no table of mlplan reads; above 500
# a page is not read, only written (COLUMNS=10000000 made `--help` write 330 MB).
MIN_WIDTH = 40
MAX_WIDTH = 500
# rich's (every console, the help included) and typer's own (the help only)
_WIDTH_VARIABLES = ("COLUMNS", "TERMINAL_WIDTH")
_STD_FDS = (0, 1, 2)  # the descriptors rich measures, in its order


def clamp_width(width: int) -> int:
    """``width`` moved into ``MIN_WIDTH .. MAX_WIDTH``."""
    return min(MAX_WIDTH, max(MIN_WIDTH, width))


def settle_width(environ: MutableMapping[str, str] = os.environ) -> None:
    """Make the terminal width sane for everything that reads it: mlplan's consoles,
    typer's help and the wizard all take ``COLUMNS`` (and the help ``TERMINAL_WIDTH``)
    from the environment, so that is where the width is clamped, once, at start-up.

    A whole number is moved into ``MIN_WIDTH .. MAX_WIDTH`` (``0`` printed nothing, ``1``
    one letter a line, ``10000000`` hundreds of megabytes); anything else (``abc``, ``-5``,
    ``²``, which crashed rich) is dropped, as if it were not set. Without ``COLUMNS`` a
    terminal narrower or wider than that range is given the nearest bound; a pipe keeps
    the width each command chooses for it.
    """
    for name in _WIDTH_VARIABLES:
        value = environ.get(name)
        if value is None:
            continue
        value = value.strip()
        if value.isascii() and value.isdecimal():
            # more digits than any screen: no int() of a 5,000-digit string
            environ[name] = str(clamp_width(int(value)) if len(value) < 6 else MAX_WIDTH)
        else:
            del environ[name]
    if "COLUMNS" not in environ:
        measured = _terminal_columns()
        if measured and clamp_width(measured) != measured:
            environ["COLUMNS"] = str(clamp_width(measured))


def _terminal_columns() -> int | None:
    """The terminal's width as rich measures it (the first standard stream that is a
    terminal); ``None`` without one, or when it says 0 (a fresh pseudo-terminal)."""
    for fd in _STD_FDS:
        try:
            return os.get_terminal_size(fd).columns or None
        except (OSError, ValueError):
            continue
    return None


def use_color(stream: IO[str]) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("TERM") == "dumb":
        return False
    return _isatty(stream)


def _isatty(stream: IO[str]) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def console(*, stderr: bool = False, width: int | None = None) -> Console:
    """A rich console on stdout (or stderr) that is plain text unless on a colour terminal."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    color = use_color(stream)
    return Console(
        file=SafeStream(stream),  # type: ignore[arg-type]  # a TextIO in all it is used for
        force_terminal=color,
        no_color=not color,
        color_system="auto" if color else None,
        highlight=False,
        emoji=False,
        markup=False,
        width=width,
        soft_wrap=False,
    )


def out(text: str = "") -> None:
    """Write a line of data to stdout."""
    text = clean(text, color=use_color(sys.stdout))
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def out_parts(parts: Iterable[str], first: str = "") -> None:
    """``out(first + "".join(parts))``, written a part at a time: a large output (a group's
    pages) never needs to be in memory whole. Each part is cleaned on its own, which gives
    the same text as cleaning the whole, as escaping works character by character."""
    color = use_color(sys.stdout)
    last = ""
    for part in itertools.chain((first,), parts):
        if part:
            text = clean(part, color=color)
            sys.stdout.write(text)
            last = text
    if not last.endswith("\n"):
        sys.stdout.write("\n")


def interactive() -> bool:
    """Whether a person is at the keyboard: stdin and stdout are terminals."""
    return _isatty(sys.stdin) and _isatty(sys.stdout)


def ask(prompt: str) -> str:
    """Show ``prompt`` on stdout (no line break) and read one line of the answer, without
    its line break. End of input (Ctrl-D) is :class:`mlplan.errors.Interrupted`: the
    command stops and writes nothing."""
    from mlplan.errors import Interrupted

    sys.stdout.write(clean(prompt, color=use_color(sys.stdout)))
    sys.stdout.flush()
    line = sys.stdin.readline()
    if not line:
        sys.stdout.write("\n")
        raise Interrupted()
    return line.rstrip("\r\n")


def err(text: str) -> None:
    """Write a line of diagnostics to stderr: one line, whatever a file name or a message
    holds (a newline in it is shown as ``\\n``, so it cannot start a line of its own)."""
    text = clean(text.removesuffix("\n"), color=use_color(sys.stderr), keep="\t")
    sys.stderr.write(text + "\n")


def style(text: str, code: str, stream: IO[str] | None = None) -> str:
    """Wrap ``text`` in an ANSI style when ``stream`` (default stderr) shows colour."""
    if not use_color(stream or sys.stderr):
        return text
    return f"\x1b[{code}m{text}\x1b[0m"
