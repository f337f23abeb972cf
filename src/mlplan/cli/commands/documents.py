"""Writing a page in a document format (PDF, Word, and any format ``mlplan.io.formats`` gives
an emitter): the checks made before any work, and the one write through ``--output``.

A command builds its page once as a :class:`~mlplan.render.document.Document` and hands it
here; the registry says which emitter writes the format, whether its bytes can go to a
terminal (binary formats need ``--output``) and which extra it needs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mlplan.errors import UsageError
from mlplan.io import formats

if TYPE_CHECKING:
    from mlplan.render.document import Document
    from mlplan.render.output import Output


def is_document(fmt: str) -> bool:
    """Whether ``fmt`` is written by a document emitter (rather than by the command)."""
    return bool(formats.get(fmt).emitter)


def prepare(fmt: str, output_path: Path | None, stem: str = "plan") -> None:
    """Before any work: a binary format needs ``--output`` (its bytes are no text for a
    terminal or a pipe of text), and a format of an extra (PDF, Word, xlsx) needs that
    extra installed."""
    if formats.get(fmt).binary and output_path is None:
        raise UsageError(
            "output.binary_needs_output",
            format=fmt,
            suggestion=formats.suggested_name(fmt, stem),
        )
    formats.require(fmt)


def write(doc: Document, out: Output) -> None:
    """Emit ``doc`` in ``out``'s format, to its ``--output`` file through the safe writer
    (saying so on stderr), or, for a text format without ``--output``, to stdout
    (:meth:`~mlplan.render.output.Output.document`)."""
    out.document(formats.emitter(out.format)(doc))
