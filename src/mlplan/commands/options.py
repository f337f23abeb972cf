"""Command-line values that several commands share, parsed one way everywhere."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from mlplan import timeline
from mlplan.errors import UsageError

if TYPE_CHECKING:
    from mlplan.checking import CheckedPlan


def parse_date(option: str, value: str) -> dt.date:
    """A ``YYYY-MM-DD`` option value, or a usage error that names the option."""
    parsed = timeline.parse_iso_date(value)
    if parsed is None:
        raise UsageError("error.bad_date", option=option, value=value)
    return parsed


def date_option(option: str, value: str | None) -> dt.date | None:
    """An optional date option: ``None`` when not given."""
    return None if value is None else parse_date(option, value)


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
