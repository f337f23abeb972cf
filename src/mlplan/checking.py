"""Check a plan file: YAML, schema and rules, every finding with its location.

The one entry point that ``check``, ``plan``, ``summary``, ``init`` and the edit commands
use to get a plan and what is wrong with it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from mlplan import plan as planfile
from mlplan import rules, yamlloc
from mlplan.diagnostics import Diagnostic, Severity
from mlplan.framework import Framework
from mlplan.plan import Plan
from mlplan.suggest import closest


@dataclass
class CheckedPlan:
    """A plan file with its model (``None`` if it does not validate) and all findings."""

    path: str
    document: yamlloc.Document
    plan: Plan | None
    diagnostics: list[Diagnostic]

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return len(self.diagnostics) - self.errors


def check_document(doc: yamlloc.Document, fw: Framework, today: dt.date) -> CheckedPlan:
    """Validate a parsed document and run every rule when it validates."""
    model, _ = planfile.parse(doc)
    found = list(doc.diagnostics)
    if model is not None:
        if model.framework is not None and model.framework != fw.id:
            hint = closest(model.framework, [fw.id])
            found.append(
                doc.diagnostic(
                    ("framework",),
                    "ML003",
                    "rule.unknown_framework",
                    id=model.framework,
                    expected=hint or fw.id,
                )
            )
        else:
            for f in rules.run(model, fw, rules.Context(today=today)):
                line, column = doc.position(f.loc, key=f.at_key)
                found.append(Diagnostic(doc.path, line, column, f.code, f.key, f.params))
    found.sort(key=Diagnostic.sort_key)
    return CheckedPlan(doc.path, doc, model, found)


def check_file(
    path: Path, fw: Framework, today: dt.date, display: str | None = None
) -> CheckedPlan:
    """Read and check one plan file. Raises ``InputError`` only if it cannot be read."""
    return check_document(yamlloc.load(path, display), fw, today)


def check_text(text: str, path: str, fw: Framework, today: dt.date) -> CheckedPlan:
    """Check plan text that is not (yet) on disk: the wizard and the edit commands."""
    return check_document(yamlloc.parse(text, path), fw, today)
