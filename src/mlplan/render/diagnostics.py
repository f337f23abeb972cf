"""Rendering ``check`` findings: text, JSON, GitHub workflow commands, GitLab Code Quality.

Pure functions from diagnostics to text; no I/O and nothing heavy imported, so ``check``
starts fast.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable

from mlplan.i18n import finding_counts, plural, t
from mlplan.model.diagnostics import Diagnostic, Severity, count
from mlplan.render import jsontext
from mlplan.render.safe import one_line

FORMATS = ("text", "json", "github", "gitlab")

Styler = Callable[[str, str], str]


def _plain(text: str, code: str) -> str:
    return text


def summary(diagnostics: list[Diagnostic], files: int) -> str:
    """The count line under the text output."""
    errors, warnings = count(diagnostics)
    shown = plural("count.files", files)
    if not diagnostics:
        return t("check.clean", files=shown)
    return t("check.count", **finding_counts(errors, warnings), files=shown)


def location(d: Diagnostic) -> str:
    """Where a finding is: ``path:line:col``."""
    return f"{d.path}:{d.line}:{d.column}"


def finding_text(
    where: str, code: str, message: str, style: Styler = _plain, colour: str = ""
) -> str:
    """**The finding line**, ``path:line:col: CODE message``, the one place it is built
    (``check``'s text, stderr, a page's findings): on one line whatever the path or the
    message holds (newlines and other control characters escaped), the location in bold
    and the code in ``colour`` when ``style`` paints."""
    return f"{style(one_line(where) + ':', '1')} {style(code, colour)} {one_line(message)}"


def finding_line(d: Diagnostic, style: Styler = _plain) -> str:
    """``d``'s finding line (:func:`finding_text`), its code red for an error, yellow for a warning."""
    colour = "1;31" if d.severity is Severity.ERROR else "1;33"
    return finding_text(location(d), d.code, d.message, style, colour)


def short_finding(d: Diagnostic) -> str:
    """A finding where its file is already named (a group overview's row, its
    spreadsheet): ``line:col CODE message``."""
    return f"{d.line}:{d.column} {d.code} {d.message}"


def to_text(diagnostics: list[Diagnostic], files: int, style: Styler = _plain) -> str:
    """The finding line (:func:`finding_line`) per finding, then the count line."""
    lines = [finding_line(d, style) for d in diagnostics]
    lines.append(summary(diagnostics, files))
    return "\n".join(lines)


def diagnostic_dict(d: Diagnostic) -> dict[str, str | int]:
    """A finding as JSON: the shape of the spec's ``check --format json``, used everywhere."""
    return {
        "path": d.path,
        "line": d.line,
        "column": d.column,
        "code": d.code,
        "severity": d.severity.value,
        "message": d.message,
    }


def to_json(diagnostics: list[Diagnostic]) -> str:
    errors, warnings = count(diagnostics)
    data = {
        "diagnostics": [diagnostic_dict(d) for d in diagnostics],
        "errors": errors,
        "warnings": warnings,
    }
    return jsontext.dumps(data)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(diagnostics: list[Diagnostic]) -> str:
    """GitHub Actions workflow commands; annotations show on the pull request's diff."""
    lines = []
    for d in diagnostics:
        props = ",".join(
            [
                f"file={_escape_property(d.path)}",
                f"line={d.line}",
                f"col={d.column}",
                f"title={_escape_property(d.code)}",
            ]
        )
        lines.append(f"::{d.severity.value} {props}::{_escape_data(d.message)}")
    return "\n".join(lines)


def fingerprint(d: Diagnostic, occurrence: int) -> str:
    """Stable across runs, languages and line shifts: path, code, message id and params
    (not the line, so an edit above a finding does not make GitLab see a new one)."""
    identity = json.dumps(
        [d.path, d.code, d.key, d.params, occurrence], sort_keys=True, default=str
    )
    return hashlib.sha256(identity.encode("utf-8")).hexdigest()


def to_gitlab(diagnostics: list[Diagnostic]) -> str:
    """A GitLab Code Quality report: a JSON array."""
    seen: Counter[str] = Counter()
    items = []
    for d in diagnostics:
        base = fingerprint(d, 0)
        occurrence = seen[base]
        seen[base] += 1
        items.append(
            {
                "description": d.message,
                "check_name": d.code,
                "fingerprint": base if occurrence == 0 else fingerprint(d, occurrence),
                "severity": "major" if d.severity is Severity.ERROR else "minor",
                "location": {"path": d.path, "lines": {"begin": d.line}},
            }
        )
    return json.dumps(items, ensure_ascii=False, indent=2)
