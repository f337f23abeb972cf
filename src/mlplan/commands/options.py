"""Command-line values that several commands share, parsed one way everywhere."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from mlplan import timeline, yamlloc
from mlplan.errors import Refused, UsageError

if TYPE_CHECKING:
    from pathlib import Path

    from mlplan.checking import CheckedPlan
    from mlplan.framework import Framework


def parse_date(option: str, value: str) -> dt.date:
    """A ``YYYY-MM-DD`` option value, or a usage error that names the option."""
    parsed = timeline.parse_iso_date(value)
    if parsed is None:
        raise UsageError("error.bad_date", option=option, value=value)
    return parsed


def date_option(option: str, value: str | None) -> dt.date | None:
    """An optional date option: ``None`` when not given."""
    return None if value is None else parse_date(option, value)


def percent_option(option: str, value: str) -> int:
    """A part-time percent (``80``, ``80%``), or a usage error that names the option."""
    from mlplan.initplan import parse_percent
    from mlplan.plan import MAX_PERCENT, MIN_PERCENT

    parsed = parse_percent(value)
    if parsed is None:
        raise UsageError(
            "error.bad_percent", option=option, value=value, min=MIN_PERCENT, max=MAX_PERCENT
        )
    return parsed


def text_option(option: str, value: str | None, *, blank_is_absent: bool = False) -> str | None:
    """Free text for the plan from ``option``, spaces around it removed; ``None`` when not
    given.

    Blank text (see :func:`mlplan.yamlloc.is_blank`) is a usage error, or ``None`` with
    ``blank_is_absent``. So are bytes that are not UTF-8: the shell hands ``$'\\xff'`` to
    Python as a lone surrogate, which no plan file can hold.
    """
    if value is None:
        return None
    text = value.strip()
    if yamlloc.is_blank(text):
        if blank_is_absent:
            return None
        raise UsageError("edit.empty_text", option=option)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise UsageError("edit.bad_text", option=option) from None
    return text


def today(value: str | None) -> dt.date:
    """``--today``: the given date, for reproducible output, else the real date."""
    return date_option("--today", value) or dt.date.today()


def shareable(checked: CheckedPlan, redact: bool) -> CheckedPlan:
    """The plan as an export shows it: masked with ``--redact``; otherwise as it is, with
    one line on stderr when its free text seems to identify a patient, so that nothing
    identifying is shared unnoticed."""
    from mlplan import checking, output
    from mlplan.i18n import plural, t

    if redact:
        return checking.redacted(checked)
    found = checking.privacy_count(checked)
    if found:
        output.err(t("privacy.unredacted", path=checked.path, count=plural("count.places", found)))
    return checked


def say_unredacted(paths: list[str]) -> None:
    """The group's form of :func:`shareable`'s notice: one line on stderr naming the plans
    whose patient-identifying text is in the output (nothing when there are none)."""
    from mlplan import output
    from mlplan.i18n import plural, t

    if paths:
        count = plural("count.plans", len(paths))
        output.err(t("privacy.unredacted_group", count=count, paths=", ".join(paths)))


def say_invalid(checked: CheckedPlan, key: str) -> None:
    """On stderr, for a plan that does not validate and so gets no output: its findings as
    ``check`` prints them, their count, and ``key``'s line on what was not made."""
    from mlplan import output
    from mlplan.i18n import finding_counts, t
    from mlplan.render.diagnostics import to_text

    for line in to_text(checked.diagnostics, 1).splitlines()[:-1]:  # not its count line
        output.err(line)
    output.err(t("plan.check_count", **finding_counts(checked.errors, checked.warnings)))
    output.err(t(key, path=checked.path))


def valid_for_export(
    path: Path, fw: Framework, day: dt.date, redact: bool, not_made: str
) -> CheckedPlan:
    """The plan at ``path`` checked and made :func:`shareable`, for a command that shows
    it whole (plan, prepare, handover). A plan that does not validate gets no half output:
    its findings go to stderr (:func:`say_invalid`, with ``not_made``'s line) and the
    command ends with exit code 1 (:class:`~mlplan.errors.Refused`)."""
    from mlplan.checking import check_file

    checked = check_file(path, fw, day, str(path))
    if checked.plan is None:
        say_invalid(checked, not_made)
        raise Refused()
    return shareable(checked, redact)
