"""The output formats, in one place: what each is called, which file names select it, whether
it is text or bytes, which emitter writes it and which optional extra that emitter needs.

Commands ask this registry four things: the format a ``--output`` file's extension selects
(:func:`extensions`), which existing files ``--output`` may replace (:func:`replaceable`,
read by ``fileio.write_output``), whether a format can go to a terminal (binary formats
need ``--output``), and the emitter of a document format (:func:`emitter`, imported only
then, so ``check`` and ``--help`` never load a PDF or Word library).

Plain data and the standard library only (a domain module: ``fileio`` reads it).
Emitters are named by their import path (``"mlplan.render.emit_pdf:to_pdf"``), never
imported here at module level. A document emitter takes a
:class:`mlplan.render.document.Document` and returns ``bytes`` (binary media) or ``str``
(text media).

Adding a format: its :class:`Format` in ``FORMATS`` below, its name in the commands that
offer it (their ``FORMATS`` and the CLI's enum), its catalogue words, docs and tests.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Literal

from mlplan.errors import MissingExtra

# a document emitter: mlplan.render.document.Document -> bytes | str (not imported here: this
# module is read by fileio, below the renderers)
Emitter = Callable[[Any], bytes | str]

Media = Literal["text", "binary"]


@dataclass(frozen=True, slots=True)
class Format:
    """One output format.

    ``extensions`` select it from a ``--output`` name (the first one is the suggested
    name's); ``replaces`` are further extensions an existing file may have for ``--output``
    to replace it without ``--force`` (a table written as ``.text``, Markdown as ``.txt``).
    ``emitter`` is ``"module:function"`` for a document format (empty for the formats
    their commands write themselves); ``extra`` and ``modules`` are the optional extra it
    needs and the top-level modules of it that must import. ``pictures``: its pages carry
    the SVG pictures (a page builder's ``pictures=True``).
    """

    name: str
    extensions: tuple[str, ...]
    media: Media = "text"
    emitter: str = ""
    extra: str | None = None
    modules: tuple[str, ...] = ()
    replaces: tuple[str, ...] = ()
    # whether its pages carry the pictures (render/svg.py's Figures): for media that draw
    # an SVG; the others would show each picture's alternative text as one more paragraph
    pictures: bool = False

    @property
    def binary(self) -> bool:
        return self.media == "binary"


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("table", (".txt",), replaces=(".text",)),
        Format("markdown", (".md", ".markdown"), replaces=(".txt",)),
        Format("json", (".json",), replaces=(".txt",)),
        Format("csv", (".csv",), replaces=(".txt",)),
        Format("ics", (".ics", ".ical"), extra="documents", modules=("icalendar",)),
        # one self-contained file (render/emit_html.py); the standard library suffices
        Format("html", (".html", ".htm"), emitter="mlplan.render.emit_html:to_html", pictures=True),
        # written by its commands themselves (render/xlsx.py): a table, not a document page
        Format("xlsx", (".xlsx",), "binary", extra="documents", modules=("openpyxl",)),
        Format(
            "pdf",
            (".pdf",),
            "binary",
            "mlplan.render.emit_pdf:to_pdf",
            "documents",
            ("fpdf",),
        ),
        Format(
            "docx",
            (".docx",),
            "binary",
            "mlplan.render.emit_docx:to_docx",
            "documents",
            ("docx",),
        ),
    )
}


def get(name: str) -> Format:
    return FORMATS[name]


def extensions(names: Iterable[str]) -> dict[str, str]:
    """Extension → format name for the formats ``names`` (a command's), in their order:
    what ``--output FILE`` selects when ``--format`` is not given."""
    return {ext: name for name in names for ext in FORMATS[name].extensions}


def replaceable(name: str) -> tuple[str, ...]:
    """The extensions of an existing file that ``--output`` in format ``name`` replaces."""
    fmt = FORMATS.get(name)
    return (*fmt.extensions, *fmt.replaces) if fmt else ()


def suggested_name(name: str, stem: str = "plan") -> str:
    """A file name for output in format ``name`` (``plan.pdf``), for messages."""
    return stem + FORMATS[name].extensions[0]


def require(name: str) -> None:
    """Raise :class:`MissingExtra` naming the install command when a module of the extra
    that format ``name`` needs is not installed. Commands call it before any work."""
    fmt = FORMATS[name]
    for module in fmt.modules:
        try:
            importlib.import_module(module)
        except ImportError:
            raise MissingExtra(module, fmt.extra or "documents") from None


def emitter(name: str) -> Emitter:
    """The emitter of document format ``name``, imported now (after :func:`require`)."""
    require(name)
    module, _, function = FORMATS[name].emitter.partition(":")
    found: Emitter = getattr(importlib.import_module(module), function)
    return found
