"""The plan's dated events as an iCalendar file (RFC 5545), written by ``icalendar``.

Words only: which events there are, on which day and with which UID comes from
:mod:`mlplan.domain.events`. Every event is all-day (``DTSTART;VALUE=DATE`` and the next day as
``DTEND``): a plan knows no times. Events are transparent (they do not block the day as
busy), and the aios's name leads every SUMMARY so a group's calendar reads at a glance.

``icalendar`` belongs to the ``documents`` extra: it is imported here, inside the
functions, so ``check`` and ``--help`` never load it, and a missing one is a
:class:`~mlplan.errors.MissingExtra` naming the install command. User text has its control
characters escaped before ``icalendar`` escapes what RFC 5545 asks (``\\n``, ``,``, ``;``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from mlplan import __version__
from mlplan.domain.events import Event, EventKind
from mlplan.errors import MissingExtra
from mlplan.i18n import get_language, t
from mlplan.render.plan import agreement_line, date, flat, years_text
from mlplan.render.safe import escape_controls

if TYPE_CHECKING:
    from types import ModuleType


def require() -> ModuleType:
    """The ``icalendar`` module, or :class:`MissingExtra` when it is not installed."""
    try:
        import icalendar
    except ImportError:
        raise MissingExtra("icalendar") from None
    return icalendar


def prodid() -> str:
    return f"-//mlplan//mlplan {__version__}//{get_language().upper()}"


def to_ics(events: Sequence[Event], *, title: str, stamp: dt.datetime) -> str:
    """The calendar ``title`` holding ``events``; ``stamp`` (UTC) is every DTSTAMP.

    Lines end in CR LF and are folded at 75 octets, as RFC 5545 asks.
    """
    icalendar = require()
    calendar = icalendar.Calendar()
    calendar.add("prodid", prodid())
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", _safe(title))
    for event in events:
        item = icalendar.Event()
        item.add("uid", event.uid)
        item.add("dtstamp", stamp)
        item.add("dtstart", event.day)
        item.add("dtend", event.day + dt.timedelta(days=1))
        item.add("summary", _safe(summary(event)))
        text = description(event)
        if text:
            item.add("description", _safe(text))
        item.add("transp", "TRANSPARENT")
        calendar.add_component(item)
    return str(calendar.to_ical().decode("utf-8"))


def summary(event: Event) -> str:
    """One line: the aios, then what happens."""
    if event.kind is EventKind.MEETING and event.meeting is not None:
        what = t(f"meeting.{event.meeting.kind.value}")
    elif event.kind is EventKind.YEAR_END and event.year is not None:
        what = t("calendar.year_end", number=event.year.number)
    elif event.kind is EventKind.COURSE:
        what = t("calendar.course", title=flat(event.course_title))
    elif event.kind is EventKind.AGREEMENT_DUE:
        what = t("calendar.agreement_due", text=flat(event.agreement))
    else:
        what = t("calendar.training_end")
    return t("calendar.summary", name=flat(event.aios), what=what)


def description(event: Event) -> str:
    """The detail of an event, in lines; empty when there is nothing to add."""
    lines: list[str] = []
    if event.kind is EventKind.MEETING and event.meeting is not None:
        if event.meeting.notes:
            lines.append(event.meeting.notes)
        if event.meeting.agreements:
            lines.append(t("calendar.agreements"))
            lines += [f"- {flat(agreement_line(a))}" for a in event.meeting.agreements]
    elif event.kind is EventKind.YEAR_END and event.year is not None:
        year = event.year
        lines.append(
            t(
                "calendar.year_end.detail",
                number=year.number,
                start=date(year.start),
                end=date(year.end),
                phase=t(f"phase.{year.phase}"),
            )
        )
    elif event.kind is EventKind.TRAINING_END and event.start and event.years:
        period = t(
            "plan.period",
            start=date(event.start),
            end=date(event.day),
            years=years_text(event.years),
        )
        lines.append(t("calendar.training_end.detail", period=period))
    elif event.kind is EventKind.COURSE and event.course is not None:
        if event.course.evidence:
            lines.append(t("calendar.evidence", text=event.course.evidence))
        if event.course.notes:
            lines.append(event.course.notes)
    elif event.kind is EventKind.AGREEMENT_DUE and event.meeting is not None:
        lines.append(
            t(
                "calendar.agreement_due.detail",
                meeting=t(f"meeting.{event.meeting.kind.value}"),
                date=date(event.meeting.date),
            )
        )
    return "\n".join(lines)


def _safe(text: str) -> str:
    """User text with every control character but the line feed shown as an escape; RFC
    5545 has no way to carry them, and a calendar would show them raw."""
    return escape_controls(text, keep="\n")
