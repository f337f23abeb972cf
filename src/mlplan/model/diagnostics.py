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


class Scope(StrEnum):
    """What a rule looks at, which decides when it can run."""

    FILE = "file"  # the reader and the schema: they run on every file
    # one entry of a list at a time: still run on the other entries when one has a schema
    # error, so one ``check`` shows every mistake rather than half
    ENTRY = "entry"
    # the plan as a whole (coverage, required courses, the spread over the years): not run
    # on a plan with a broken entry, whose absence would make something seem missing
    PLAN = "plan"


@dataclass(frozen=True, slots=True)
class Rule:
    """A finding's code, declared once: what ``check``, the summary, the edit commands and
    the docs know about it (``tests/test_rule_codes.py`` ties it to ``docs/rules.md``).
    Its messages live in the catalogues under ``rule.<code>`` (``yaml.``/``schema.`` for
    ML001/ML002)."""

    code: str
    severity: Severity
    scope: Scope
    summary: str  # the one line of the table in docs/rules.md
    # the summary page has a talking point of its own for it (so "check" does not count it
    # twice there)
    talking_point: bool = False
    # an edit that would add this error is refused (the file must stay one that loads and
    # whose dates are possible)
    refuses_edit: bool = False
    privacy: bool = False  # patient-identifying text: ``--redact`` masks what it finds


_E, _W = Severity.ERROR, Severity.WARNING
# The spec's table. Codes never change meaning once released.
RULES: tuple[Rule, ...] = (
    Rule("ML001", _E, Scope.FILE, "YAML syntax error, or a file that is not usable text",
         refuses_edit=True),
    Rule("ML002", _E, Scope.FILE,
         "schema: missing or unknown key, wrong type, bad value, bad date, obvious duplicate",
         refuses_edit=True),
    Rule("ML003", _E, Scope.ENTRY,
         "unknown topic or course id, or an agreement about what the plan does not hold"),
    Rule("ML100", _E, Scope.PLAN, "a topic has no activity", talking_point=True),
    Rule("ML101", _E, Scope.PLAN, "a required course is missing", talking_point=True),
    Rule("ML102", _E, Scope.ENTRY, "a year outside the training"),
    Rule("ML103", _E, Scope.ENTRY,
         "a completion date after today or before the training started", refuses_edit=True),
    Rule("ML200", _W, Scope.ENTRY,
         "an activity planned before its phase on the learning curve"),
    Rule("ML201", _W, Scope.ENTRY, "done without evidence or without a date"),
    Rule("ML202", _W, Scope.ENTRY, "an activity of a past training year is not done",
         talking_point=True),
    Rule("ML203", _W, Scope.PLAN, "more than three improvement points"),
    Rule("ML204", _W, Scope.PLAN, "unbalanced workload over the years"),
    Rule("ML205", _W, Scope.ENTRY,
         "completion data (`done_on`, `evidence`) on what is not done"),
    Rule("ML206", _W, Scope.ENTRY, "an open agreement past its due date", talking_point=True),
    Rule("ML207", _W, Scope.ENTRY, "a meeting's open agreements without a due date"),
    Rule("ML208", _W, Scope.PLAN,
         "no meeting of the gesprekscyclus within the plan's interval", talking_point=True),
    Rule("ML300", _W, Scope.ENTRY, "free text holds a BSN", privacy=True),
    Rule("ML301", _W, Scope.ENTRY, "free text holds a date of birth", privacy=True),
    Rule("ML302", _W, Scope.ENTRY, "free text holds a patient or record number", privacy=True),
    Rule("ML303", _W, Scope.ENTRY, "free text holds a patient's name", privacy=True),
)  # fmt: skip
RULE: dict[str, Rule] = {r.code: r for r in RULES}
# Views of the registry that the other modules read.
CODES: dict[str, Severity] = {r.code: r.severity for r in RULES}
ENTRY_RULES = frozenset(r.code for r in RULES if r.scope is Scope.ENTRY and not r.privacy)
PRIVACY_CODES = frozenset(r.code for r in RULES if r.privacy)
OWN_TALKING_POINT = frozenset(r.code for r in RULES if r.talking_point)
REFUSED_CODES = frozenset(r.code for r in RULES if r.refuses_edit)


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
