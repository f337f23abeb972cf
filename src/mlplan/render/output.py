"""Where text goes: data on stdout, errors and hints on stderr.

Colour only on a terminal and never with ``NO_COLOR``; the width of a terminal page is
measured here as rich measures it (:func:`terminal_width`), without importing rich.

This is the one seam every byte passes on its way out: a command's page goes through the
one :class:`Output` it makes from its options (format, ``--output`` file or stdout,
``--force``), which decides the page's width and colour once and writes text pages,
documents (text or bytes) and pages that come in parts; the lines around it (``err``,
:func:`error`, :func:`finding`, ``out`` for the edit commands' messages) are the module's
functions. Control characters in user text (a plan, a framework file, a file name) are
shown escaped here (:func:`clean`), so no renderer can let an ESC sequence, a CR or a
bidi override through. Line feeds and tabs are the layout of every format and stay; so
does CR LF (a CSV dialect's line end). On a stream that shows colour, the SGR styles
(``ESC [ … m``) that mlplan and rich add stay too.

The width limits are settled here too (:func:`settle_width`), once, before anything is
drawn.
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
from typing import IO, TYPE_CHECKING, Any, BinaryIO, cast

from mlplan.render.safe import escape_controls, paint

if TYPE_CHECKING:
    from pathlib import Path

    from mlplan.model.diagnostics import Diagnostic

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


# The widths mlplan lays text out at. Below 40 columns no table of mlplan reads; above 500
# a page is not read, only written (COLUMNS=10000000 made `--help` write 330 MB).
MIN_WIDTH = 40
MAX_WIDTH = 500
# rich's (every console, the help included) and typer's own (the help only)
_WIDTH_VARIABLES = ("COLUMNS", "TERMINAL_WIDTH")
_STD_FDS = (0, 1, 2)  # the descriptors rich measures, in its order
FILE_WIDTH = 80  # a terminal page written to a file: readable anywhere, printable
RICH_WIDTH = 80  # rich's width where it measures none (a pipe, a dumb terminal)


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


def terminal_width(
    fixed: int | None = None,
    *,
    color: bool = False,
    environ: MutableMapping[str, str] = os.environ,
) -> int:
    """The width rich's ``Console(width=fixed, force_terminal=color)`` gives a page, worked
    out as rich works it out (its ``size``), so that no page needs rich to know its width:
    ``COLUMNS`` (or ``fixed``) when ``LINES`` is set too; 80 on a dumb terminal; else the
    first standard stream's terminal, overridden by ``COLUMNS``, 80 without one. A test
    holds it to rich's own answer."""
    columns = environ.get("COLUMNS")
    lines = environ.get("LINES")
    width = fixed
    if width is None and columns is not None and columns.isdigit():
        width = int(columns)
    if width is not None and lines is not None and lines.isdigit():
        return width
    if color and environ.get("TERM", "").lower() in ("dumb", "unknown"):
        return RICH_WIDTH
    measured: int | None = None
    for fd in _STD_FDS:
        try:
            measured = os.get_terminal_size(fd).columns
        except (AttributeError, ValueError, OSError):
            continue
        break
    if columns is not None and columns.isdigit():
        measured = int(columns)
    return width if width is not None else (measured or RICH_WIDTH)


def use_color(stream: IO[str]) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("TERM") == "dumb":
        return False
    return _isatty(stream)


def _isatty(stream: IO[str]) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


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
    return paint(text, code, use_color(stream or sys.stderr))


def error(message: str) -> None:
    """``fout: message`` on stderr, the label in red on a colour terminal: how every error
    mlplan reports reads."""
    from mlplan.i18n import t

    err(style(t("label.error"), "1;31") + " " + message)


def finding(d: Diagnostic) -> None:
    """A finding on stderr as ``check`` prints it: ``path:line:col: CODE message``."""
    from mlplan.render.diagnostics import finding_line

    err(finding_line(d))


class Output:
    """Where one command's page goes and how it looks, decided once from its options.

    ``format`` (the chosen ``--format``), ``path`` (the ``--output`` file; ``None`` for
    stdout) and ``force`` (may it replace a file mlplan did not write) come from the
    command; ``color`` and ``width`` follow from them: a page on stdout is in colour only
    on a colour terminal and as wide as the terminal (rich's measure; ``pipe_width`` when
    piped without ``COLUMNS``, where no terminal wraps a wide table), a page in a file is
    plain and ``FILE_WIDTH`` wide. Renderers are given ``width`` and ``color``; the page
    itself goes out through :meth:`page`, :meth:`document` or :meth:`parts`, to stdout or
    through ``fileio``'s safe writer, escaped (:func:`clean`) either way.
    """

    __slots__ = ("_width", "color", "force", "format", "path", "pipe_width")

    def __init__(
        self,
        fmt: str = "table",
        path: Path | None = None,
        *,
        force: bool = False,
        pipe_width: int | None = None,
    ) -> None:
        self.format = fmt
        self.path = path
        self.force = force
        self.pipe_width = pipe_width
        self.color = path is None and use_color(sys.stdout)
        self._width: int | None = None

    @property
    def width(self) -> int:
        """The width a terminal page is laid out at (measured when first asked)."""
        if self._width is None:
            if self.path is not None:
                self._width = FILE_WIDTH
            elif self.pipe_width and not _isatty(sys.stdout) and not os.environ.get("COLUMNS"):
                self._width = self.pipe_width
            else:
                self._width = terminal_width(color=self.color)
        return self._width

    def style(self, text: str, code: str) -> str:
        """``text`` in an ANSI style when the page is in colour."""
        return paint(text, code, self.color)

    def page(self, text: str, written: str | None = None) -> None:
        """A page of text: on stdout, ending in a line end; or in the ``--output`` file as
        stdout would get it (without colour), and then ``written`` (by default "written
        to FILE as FORMAT") said on stderr."""
        if self.path is None:
            out(text)  # in colour exactly when this page is (``self.color``)
            return
        self._write(clean(text), written)

    def document(self, data: str | bytes) -> None:
        """A document an emitter wrote: its text escaped and never in colour; bytes (PDF,
        Word, xlsx) only to the ``--output`` file (the command refused them without one,
        see ``commands.documents.prepare``)."""
        if isinstance(data, str):
            data = clean(data)  # as stdout gets it
        if self.path is None:
            assert isinstance(data, str), "a binary format needs --output"
            out(data)
            return
        self._write(data)

    def parts(self, parts: Iterable[str | bytes]) -> None:
        """A large page in parts (a group's pages), ending in a line end: to stdout a part
        at a time, so it never needs to be in memory whole; whole to the ``--output``
        file. A part in bytes is text already clean, in UTF-8 (a group's pages are
        cleaned where they are made)."""
        if self.path is None:
            self._stream(parts)
            return
        text = clean("".join(_decoded(parts)))
        self._write(text if text.endswith("\n") else text + "\n")

    def _write(self, data: str | bytes, written: str | None = None) -> None:
        from mlplan.i18n import t
        from mlplan.io.fileio import write_output

        assert self.path is not None
        write_output(self.path, data, self.format, force=self.force)
        err(written or t("plan.written", path=str(self.path), format=self.format))

    def _stream(self, parts: Iterable[str | bytes]) -> None:
        """The parts copied to stdout's own bytes when stdout is UTF-8 text with plain line
        ends (every POSIX system), as it would write them; decoded and written as text
        anywhere else. A failed write (a closed pipe, a full disk) ends the output as the
        text stream ends it (``launch._Guarded``: the rest is dropped)."""
        binary = _utf8_bytes(sys.stdout)
        if binary is None:
            out_parts(_decoded(parts))
            return
        sys.stdout.flush()  # what was written as text goes first
        last = b"\n"
        for part in parts:
            data = part if isinstance(part, bytes) else clean(part, color=self.color).encode()
            if not data:
                continue
            last = data
            try:
                binary.write(data)
            except OSError:
                sys.stdout.flush()  # the guarded stream meets the failure and drops the rest
                return
        if not last.endswith(b"\n"):
            binary.write(b"\n")


def _decoded(parts: Iterable[str | bytes]) -> Iterable[str]:
    for part in parts:
        yield part if isinstance(part, str) else part.decode("utf-8", "surrogatepass")


def _utf8_bytes(stream: object) -> BinaryIO | None:
    """The byte stream under a text stream that writes UTF-8 and leaves line ends as they
    are (every POSIX system), else ``None``."""
    encoding = str(getattr(stream, "encoding", None) or "").lower().replace("_", "-")
    binary = getattr(stream, "buffer", None)
    if os.linesep != "\n" or encoding not in ("utf-8", "utf8") or binary is None:
        return None
    return cast("BinaryIO", binary)
