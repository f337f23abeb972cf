"""What the paper emitters (``emit_pdf``, ``emit_docx``) say alike: the words of a cell, of
a finding and of an item's fields, and a table's column shares. Plain text, unescaped: each
emitter makes it safe for its format. No library is imported here.
"""

from __future__ import annotations

from collections.abc import Sequence

from mlplan.i18n import t
from mlplan.render.document import Cell, Column, Field, Finding

DEFAULT_WEIGHT = 3  # a column without a weight, in a table whose other columns have one


def cell_text(value: Cell) -> str:
    """A cell's text, with the identifier users type after it: ``Overlegmomenten
    (overlegmomenten)``, and the address it links to on a line of its own (paper has no
    links to follow)."""
    text = f"{value.text} ({value.code})" if value.code else value.text
    return f"{text}\n{value.url}" if value.url and value.url != value.text else text


def finding_text(finding: Finding) -> str:
    """What follows a finding's code: on a page about one file its severity and position
    in words (``(fout), regel 3, kolom 5: …``), else its location (``plan.yaml:3:5: …``)."""
    if finding.place:
        severity = t(f"label.{finding.severity}").rstrip(":")
        return f"({severity}), {finding.place}: {finding.message}"
    return f"{finding.location}: {finding.message}" if finding.location else finding.message


def field_text(f: Field) -> tuple[str, str]:
    """An item's label–value detail as its label (with the colon) and its value."""
    return f"{f.label}:", f.value


def shares(columns: Sequence[Column]) -> list[float] | None:
    """Each column's part of the table's width from the columns' weights (``None`` when
    no column has one: the emitter sizes the columns by their content)."""
    if not any(c.weight for c in columns):
        return None
    weights = [c.weight or DEFAULT_WEIGHT for c in columns]
    return [w / sum(weights) for w in weights]
