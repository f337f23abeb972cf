"""The plan's dated events, for a calendar: meetings, year ends, the training's end, courses.

Domain data only (no text, no file format): :func:`plan_events` lists what happens on which
day, :mod:`mlplan.render.ics` words it and writes iCalendar. A new kind of dated fact (a
deadline, a rotation) is one more ``_..._events`` function here and one more text there.

Every event has a UID that stays the same across runs and across edits that do not touch
the event itself, so importing a new calendar file updates events instead of doubling them
(docs/calendar.md states the rule for users). It is a hash of:

- the aios: their name, ignoring case and runs of spaces (plus, in a group where two plans
  have the same name, the later plan's file name: :func:`merge`);
- the kind of event;
- what the event is about, never its position in a list: a meeting's kind and date (a
  meeting has no other identity), a training year's number, the course (its framework id,
  else its name as the course matching rule compares names), an agreement's meeting and
  text. Year ends and courses leave out the date, so a corrected start date or ``done_on``
  moves the event rather than adding one;
- only when two events share all of that (the same course done twice, two meetings of one
  kind on one day): the occurrence, counted in date order, from the second on, so the first
  keeps its UID when a second appears.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os.path
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum

from mlplan.domain.resolved import course_identity, framework_course
from mlplan.model import timeline
from mlplan.model.framework import Framework
from mlplan.model.plan import CourseEntry, Meeting, Plan, Status

# Part of every UID's hash: changing the rule above means changing this, deliberately.
UID_RULE = "mlplan-calendar-1"
UID_DOMAIN = "mlplan"


class EventKind(StrEnum):
    MEETING = "meeting"
    YEAR_END = "year_end"
    TRAINING_END = "training_end"
    COURSE = "course"
    AGREEMENT_DUE = "agreement_due"


@dataclass(frozen=True, slots=True)
class Event:
    """One all-day event of one aios's plan.

    ``about`` is what the event is (see the module's UID rule); the other fields are what a
    renderer shows, filled for the kinds they belong to.
    """

    kind: EventKind
    day: dt.date
    aios: str
    about: tuple[str, ...]
    owner: tuple[str, ...] = ()  # the aios's part of the UID; set by plan_events
    meeting: Meeting | None = None  # MEETING, AGREEMENT_DUE (the meeting it was made in)
    year: timeline.TrainingYear | None = None  # YEAR_END
    start: dt.date | None = None  # TRAINING_END: the training's start ...
    years: float | None = None  # ... and length
    course: CourseEntry | None = None  # COURSE
    course_title: str | None = None  # COURSE: the framework's title, else the plan's name
    agreement: str | None = None  # AGREEMENT_DUE

    @property
    def uid(self) -> str:
        """The event's UID: stable as the module docstring says."""
        parts = (UID_RULE, *self.owner, self.kind.value, *self.about)
        digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
        return f"{digest[:32]}@{UID_DOMAIN}"


_ORDER = {kind: i for i, kind in enumerate(EventKind)}


def sort_key(event: Event) -> tuple[dt.date, str, int, tuple[str, ...]]:
    """Date, then aios, then kind: the order of a calendar file, the same on every run."""
    return event.day, name_key(event.aios), _ORDER[event.kind], event.about


def name_key(name: str) -> str:
    """How an aios's name enters a UID: case and runs of spaces do not matter."""
    return " ".join(name.casefold().split())


def plan_events(plan: Plan, fw: Framework) -> list[Event]:
    """Every dated event of ``plan``, in :func:`sort_key` order, with unique UIDs."""
    found = [
        *_meeting_events(plan),
        *_year_events(plan),
        *_course_events(plan, fw),
        *_agreement_events(plan),
    ]
    owner = (name_key(plan.aios.name),)
    return _numbered(sorted((dataclasses.replace(e, owner=owner) for e in found), key=sort_key))


def merge(plans: Sequence[tuple[str, list[Event]]]) -> tuple[list[Event], list[tuple[str, str]]]:
    """The events of a group's plans (path, events) in one list, and the pairs of paths
    (earlier, later) that are plans of the same aios by name. The later plan's events get
    its file name (not the folder: the same on every machine) in their UID, so no two
    events of the group share one; the earlier plan's keep theirs, whatever else is in
    the folder."""
    merged: list[Event] = []
    first: dict[tuple[str, ...], str] = {}
    clashes: list[tuple[str, str]] = []
    for path, events in plans:
        owners = {e.owner for e in events}
        for owner in owners:
            if owner in first:
                clashes.append((first[owner], path))
            else:
                first[owner] = path
        clashed = {o for o in owners if first[o] != path}
        merged += [
            dataclasses.replace(e, owner=(*e.owner, os.path.basename(path)))
            if e.owner in clashed
            else e
            for e in events
        ]
    return sorted(merged, key=sort_key), clashes


def _numbered(events: list[Event]) -> list[Event]:
    """Events that would share a UID told apart by their occurrence (second, third, ...)."""
    seen: dict[tuple[EventKind, tuple[str, ...]], int] = {}
    result = []
    for event in events:
        identity = (event.kind, event.about)
        seen[identity] = seen.get(identity, 0) + 1
        if seen[identity] > 1:
            event = dataclasses.replace(event, about=(*event.about, f"#{seen[identity]}"))
        result.append(event)
    return result


def _meeting_events(plan: Plan) -> Iterator[Event]:
    """Every meeting of the plan, held or planned."""
    for meeting in plan.meetings:
        yield Event(
            EventKind.MEETING,
            meeting.date,
            plan.aios.name,
            (meeting.kind.value, meeting.date.isoformat()),
            meeting=meeting,
        )


def _year_events(plan: Plan) -> Iterator[Event]:
    """The end of every training year but the last, and the end of the training (which is
    the last year's end: one event, not two on the same day)."""
    start, years = plan.training.start, plan.training.years
    calendar = plan.training.calendar()  # part-time work and interruptions move the dates
    for year in calendar.training_years()[:-1]:
        yield Event(EventKind.YEAR_END, year.end, plan.aios.name, (str(year.number),), year=year)
    yield Event(
        EventKind.TRAINING_END,
        calendar.end,
        plan.aios.name,
        (),
        start=start,
        years=years,
    )


def _course_events(plan: Plan, fw: Framework) -> Iterator[Event]:
    """Every course done, on the day it was done (a planned course has no date yet)."""
    for entry in plan.courses:
        if entry.status is not Status.DONE or entry.done_on is None:
            continue
        known = framework_course(entry.course, fw)
        yield Event(
            EventKind.COURSE,
            entry.done_on,
            plan.aios.name,
            (course_identity(entry.course, fw),),
            course=entry,
            course_title=known.title if known else entry.course,
        )


def _agreement_events(plan: Plan) -> Iterator[Event]:
    """Agreements with a due date. A version-1 agreement is plain text and has none; the
    meeting cycle (issue 14) adds ``due`` to agreements, and these events then appear
    without another change here."""
    for meeting in plan.meetings:
        for agreement in meeting.agreements:
            due = getattr(agreement, "due", None)
            text = getattr(agreement, "text", agreement)
            if isinstance(due, dt.date) and isinstance(text, str):
                yield Event(
                    EventKind.AGREEMENT_DUE,
                    due,
                    plan.aios.name,
                    (meeting.kind.value, meeting.date.isoformat(), " ".join(text.split())),
                    meeting=meeting,
                    agreement=text,
                )
