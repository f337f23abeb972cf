"""Check a plan file: YAML, schema and rules, every finding with its location.

The one entry point that ``check``, ``plan``, ``summary``, ``init`` and the edit commands
use to get a plan and what is wrong with it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from pydantic import ValidationError

from mlplan.domain import resolved, rules
from mlplan.io import loading, yamlloc
from mlplan.model.diagnostics import ENTRY_RULES, PRIVACY_CODES, Diagnostic, Severity
from mlplan.model.framework import Framework
from mlplan.model.plan import Plan
from mlplan.suggest import closest

if TYPE_CHECKING:  # an annotation only: privacy is imported where it is used
    from mlplan.domain.privacy import Kind


class CheckedPlan(NamedTuple):
    """A plan file with its model (``None`` if it does not validate) and all findings.
    Immutable; a named tuple, not a dataclass: every ``check`` defines it while it starts
    (a dataclass costs about 0.3 ms to define, a named tuple a tenth)."""

    path: str
    document: yamlloc.Document
    plan: Plan | None
    diagnostics: list[Diagnostic]
    # the plan resolved for the rules, for the pages to read again (``resolved.resolve``)
    resolved: resolved.Resolved | None = None

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return len(self.diagnostics) - self.errors


# The entries of these lists stand on their own: one with a schema error can be left out
# and the rules still say something true about the others.
ENTRY_LISTS = ("activities", "courses", "improvement_points", "meetings")


def check_document(doc: yamlloc.Document, fw: Framework, today: dt.date) -> CheckedPlan:
    """Validate a parsed document and run every rule when it validates.

    A plan whose schema errors all sit inside entries of its lists (a misspelt status, a
    year that is not a number) still gets the findings of the entry rules on its other
    entries, so one run of ``check`` shows every mistake a user has to fix, not half.
    """
    model, _ = loading.parse_plan(doc)
    found = list(doc.diagnostics)
    view = None
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
            view = resolved.resolve(model, fw, today)
            found += _rule_findings(doc, model, fw, today, view=view)
            found += privacy_findings(doc, model)
    else:
        found += _salvaged_findings(doc, fw, today)
    found.sort(key=Diagnostic.sort_key)
    return CheckedPlan(doc.path, doc, model, found, view)


def _rule_findings(
    doc: yamlloc.Document,
    model: Plan,
    fw: Framework,
    today: dt.date,
    kept: dict[str, list[int]] | None = None,
    codes: frozenset[str] | None = None,
    view: resolved.Resolved | None = None,
) -> list[Diagnostic]:
    """The rules' findings at their file positions; ``kept`` maps the entries of a
    salvaged plan back to their index in the file, ``codes`` limits the rules."""
    found = []
    for f in rules.run(model, fw, rules.Context(today=today), view):
        if codes is not None and f.code not in codes:
            continue
        loc = f.loc
        if kept and len(loc) > 1 and loc[0] in kept and isinstance(loc[1], int):
            loc = (loc[0], kept[str(loc[0])][loc[1]], *loc[2:])
        line, column = doc.position(loc, key=f.at_key)
        found.append(Diagnostic(doc.path, line, column, f.code, f.key, f.params))
    return found


def privacy_findings(doc: yamlloc.Document, model: Plan) -> list[Diagnostic]:
    """Patient-identifying text (ML300-ML303), each at the line and column where it stands.

    The message names the kind and the field, never the text itself, so that a finding
    shown in a CI log does not repeat the identifier it warns about.
    """
    from mlplan.domain import privacy

    found = []
    for loc, text, hit in privacy.scan(model):
        line, column = _text_position(doc, loc, text[hit.start : hit.end])
        field = next(str(s) for s in reversed(loc) if isinstance(s, str))
        code = privacy.CODES[hit.kind]
        found.append(Diagnostic(doc.path, line, column, code, f"rule.{code}", {"field": field}))
    return found


def privacy_count(checked: CheckedPlan) -> int:
    """How many places of the plan seem to identify a patient (what ``--redact`` masks)."""
    return sum(1 for d in checked.diagnostics if d.code in PRIVACY_CODES)


def redacted(checked: CheckedPlan) -> CheckedPlan:
    """The checked plan as exports show it with ``--redact``: identifiers in its free text
    replaced by markers, in the model and in the findings' parameters (a rule's message
    quotes a title). The file and its document are untouched."""
    from mlplan.domain import privacy

    if checked.plan is None or not privacy_count(checked):
        return checked
    markers = _markers()
    text_mask = text_masker(checked.plan.training.start)

    def mask(value: object) -> object:
        return text_mask(value) if isinstance(value, str) else value

    findings = [
        Diagnostic(
            d.path, d.line, d.column, d.code, d.key, {k: mask(v) for k, v in d.params.items()}
        )
        for d in checked.diagnostics
    ]
    return CheckedPlan(
        checked.path, checked.document, privacy.redacted(checked.plan, markers), findings
    )


def _markers() -> dict[Kind, str]:
    """The marker of each kind of identifier, in the current language (``[BSN]``)."""
    from mlplan.domain import privacy
    from mlplan.i18n import t

    return {kind: t(f"privacy.marker.{kind.value}") for kind in privacy.Kind}


def text_masker(reference: dt.date | None) -> Callable[[str], str]:
    """What ``--redact`` does to one text: each identifier replaced by the marker of its
    kind in the current language (``[BSN]``). ``reference`` is the training's start."""
    from mlplan.domain import privacy

    markers = _markers()

    def mask(text: str) -> str:
        found = privacy.find(text, reference)
        return privacy.redact(text, found, markers) if found else text

    return mask


def _text_position(
    doc: yamlloc.Document, loc: tuple[str | int, ...], needle: str
) -> tuple[int, int]:
    """Where ``needle`` stands inside the value at ``loc``; the value's start if the source
    spells it otherwise (escapes, folded lines)."""
    if loc not in doc.index:
        return doc.position(loc)
    pos = doc.index[loc]
    lines = doc.text.splitlines(keepends=True)
    starts = [0]
    for text in lines:
        starts.append(starts[-1] + len(text))
    begin = starts[pos.line - 1] + pos.column - 1
    end = (
        starts[pos.end_line - 1] + pos.end_column - 1
        if pos.end_line and pos.end_line <= len(lines)
        else len(doc.text)
    )
    at = doc.text.find(needle, begin, max(end, begin + len(needle)))
    if at == -1:
        return pos.line, pos.column
    line = next(i for i in range(len(starts) - 1, -1, -1) if starts[i] <= at)
    return line + 1, at - starts[line] + 1


def _salvaged_findings(doc: yamlloc.Document, fw: Framework, today: dt.date) -> list[Diagnostic]:
    """The entry rules on the plan without its broken list entries, when the schema errors
    are the file's only problems and all sit inside list entries; else nothing."""
    data = doc.data
    if not isinstance(data, dict):
        return []
    try:
        Plan.model_validate(data)
        return []  # the data is valid: the loader's finding (a duplicate key) stands alone
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    if len(errors) != len(doc.diagnostics):  # the loader found more than the schema
        return []
    broken: dict[str, set[int]] = {}
    for error in errors:
        loc = tuple(error["loc"])
        if not _is_entry(loc, data):
            return []
        broken.setdefault(str(loc[0]), set()).add(int(loc[1]))
    salvaged = dict(data)
    kept: dict[str, list[int]] = {}
    for key, bad in broken.items():
        kept[key] = [i for i in range(len(data[key])) if i not in bad]
        salvaged[key] = [data[key][i] for i in kept[key]]
    try:
        model = Plan.model_validate(salvaged)
    except ValidationError:
        return []
    if model.framework is not None and model.framework != fw.id:
        return []
    return _rule_findings(doc, model, fw, today, kept, ENTRY_RULES)


def _is_entry(loc: object, data: object) -> bool:
    """Whether ``loc`` is inside an entry of one of the plan's entry lists."""
    return (
        isinstance(loc, tuple)
        and len(loc) >= 2
        and loc[0] in ENTRY_LISTS
        and isinstance(loc[1], int)
        and isinstance(data, dict)
        and isinstance(data.get(loc[0]), list)
    )


def check_file(
    path: Path, fw: Framework, today: dt.date, display: str | None = None
) -> CheckedPlan:
    """Read and check one plan file. Raises ``InputError`` only if it cannot be read."""
    return check_document(yamlloc.load(path, display), fw, today)


def check_text(text: str, path: str, fw: Framework, today: dt.date) -> CheckedPlan:
    """Check plan text that is not (yet) on disk: the wizard and the edit commands."""
    return check_document(yamlloc.parse(text, path), fw, today)
