"""Blocks that several pages build the same way."""

from __future__ import annotations

from collections.abc import Sequence

from mlplan.diagnostics import Diagnostic, Severity
from mlplan.render.document import Finding, Findings

# Room to write in, on a sheet that is filled in by hand or in a word processor: a dotted
# line, which every medium shows as it is (no Markdown, HTML or terminal meaning).
BLANK = "." * 40


def findings(diagnostics: Sequence[Diagnostic]) -> Findings:
    """Check's findings as a page shows them: ``path:line:column``, code, message."""
    return Findings(
        tuple(
            Finding(
                f"{d.path}:{d.line}:{d.column}",
                d.code,
                "error" if d.severity is Severity.ERROR else "warning",
                d.message,
            )
            for d in diagnostics
        )
    )
