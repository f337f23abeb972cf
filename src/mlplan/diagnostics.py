"""Findings about a file: what the loader, the schema and the rules report.

A diagnostic keeps a message id and its parameters rather than text, so the same
finding renders in either language and the catalogue stays the one place for wording.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from mlplan.i18n import t


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


# Severity per rule code; the spec's table. Codes never change meaning once released.
CODES: dict[str, Severity] = {
    "ML001": Severity.ERROR,  # YAML syntax (and unreadable content: encoding, size, nesting)
    "ML002": Severity.ERROR,  # schema
    "ML003": Severity.ERROR,  # unknown topic or course id
    "ML100": Severity.ERROR,  # a topic has no activity
    "ML101": Severity.ERROR,  # a required course is missing
    "ML102": Severity.ERROR,  # year outside the training
    "ML103": Severity.ERROR,  # done_on after today or before the training started
    "ML200": Severity.WARNING,  # planned before its phase
    "ML201": Severity.WARNING,  # done without evidence or date
    "ML202": Severity.WARNING,  # past year, not done
    "ML203": Severity.WARNING,  # more than three improvement points
    "ML204": Severity.WARNING,  # unbalanced workload
    "ML205": Severity.WARNING,  # done_on or evidence on what is not done
    # patient-identifying free text (mlplan.privacy); an error with --strict like every warning
    "ML300": Severity.WARNING,  # a BSN (passes the elfproef)
    "ML301": Severity.WARNING,  # a date of birth
    "ML302": Severity.WARNING,  # a patient or record number
    "ML303": Severity.WARNING,  # a name after patiënt, mevrouw, dhr., …
}


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding at a 1-based line and column of a file."""

    path: str
    line: int
    column: int
    code: str
    key: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def severity(self) -> Severity:
        return CODES[self.code]

    @property
    def message(self) -> str:
        return t(self.key, **self.params)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)


def count(diagnostics: list[Diagnostic]) -> tuple[int, int]:
    """(errors, warnings)."""
    errors = sum(1 for d in diagnostics if d.severity is Severity.ERROR)
    return errors, len(diagnostics) - errors
