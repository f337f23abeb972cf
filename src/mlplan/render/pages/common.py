"""Blocks that several pages build the same way."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mlplan.i18n import t
from mlplan.model.diagnostics import Diagnostic, Severity
from mlplan.render.diagnostics import location
from mlplan.render.document import Finding, Findings, ItemList, ListItem

if TYPE_CHECKING:
    from mlplan.model.plan import ImprovementPoint

# Room to write in, on a sheet that is filled in by hand or in a word processor: a dotted
# line, which every medium shows as it is (no Markdown, HTML or terminal meaning).
BLANK = "." * 40


def findings(diagnostics: Sequence[Diagnostic]) -> Findings:
    """Check's findings as a page shows them: ``path:line:column``, code, message."""
    return Findings(
        tuple(
            Finding(
                location(d),
                d.code,
                "error" if d.severity is Severity.ERROR else "warning",
                d.message,
            )
            for d in diagnostics
        )
    )


def improvement_list(points: Sequence[ImprovementPoint]) -> ItemList:
    """The improvement points, numbered, each with how and with what evidence under it
    (``Hoe: …``, ``Aantonen: …``), as the summary and the handover show them."""
    return ItemList(
        tuple(
            ListItem(
                p.point,
                tuple(
                    t(key, text=text)
                    for key, text in (
                        ("summary.improvement.how", p.how),
                        ("summary.improvement.evidence", p.evidence),
                    )
                    if text
                ),
            )
            for p in points
        ),
        numbered=True,
    )
