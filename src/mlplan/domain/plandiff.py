"""What changed in a plan between two versions, in the plan's own terms.

Pure: two versions of a plan (each as far as it could be read, a :class:`Snapshot`) and
the framework in, a list of typed :class:`Change` out: a kind and its parameters, worded
only when shown, like a finding. The versions come from git (:mod:`mlplan.io.gitio`, driven
by ``commands/diff.py``); nothing here reads a file.

How an entry is recognised in both versions (docs/git-workflow.md, "What counts as the
same entry"):

- an **activity** is its topic and its title, the title compared as everywhere in mlplan
  (case, surrounding spaces and quotes do not count). A title that left one topic and
  arrived under another, once on each side, is the same activity moved to that topic.
  Any other change of a title is a removal and an addition: a renamed activity and a
  replaced one look the same in a file, and guessing wrong would credit the evidence of
  one activity to another;
- a **course** is the framework course it names (the one matching rule,
  ``resolved.framework_course``), else its name compared as course names are;
- a **meeting** is its date (and kind, when one day holds two); an **agreement** is its
  text within its meeting, case and runs of spaces aside. Closed means: an outcome is set;
- a **part-time period** or an **interruption** is its first day; an **improvement
  point** its text.

Entries with the same identity are paired in the order they stand, those of the same
training year first, so a duplicated activity moved from year 3 to 4 is one move.

Agreements are read defensively: a version-1 plan holds them as text, later plans as
mappings with ``text``, ``owner``, ``due`` and ``outcome``; both work.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import TYPE_CHECKING, Literal, TypeVar

from pydantic import BaseModel, ValidationError

from mlplan.domain import resolved
from mlplan.model.framework import Framework, normalise_title
from mlplan.model.plan import (
    Activity,
    Aios,
    CourseEntry,
    ImprovementPoint,
    Meeting,
    Plan,
    Status,
    Training,
)

if TYPE_CHECKING:
    from mlplan.io.gitio import Commit

Param = str | int | float | tuple[str, ...] | None


class Section(StrEnum):
    """The part of the plan a change is about, in the order a page shows them."""

    TRAINING = "training"
    AIOS = "aios"
    ACTIVITIES = "activities"
    COURSES = "courses"
    MEETINGS = "meetings"
    IMPROVEMENT = "improvement_points"


class Kind(StrEnum):
    """What changed. The value is the change's message id under ``diff.change.``."""

    TRAINING_START = "training_start"
    TRAINING_YEARS = "training_years"
    PART_TIME_ADDED = "part_time_added"
    PART_TIME_REMOVED = "part_time_removed"
    PART_TIME_CHANGED = "part_time_changed"
    INTERRUPTION_ADDED = "interruption_added"
    INTERRUPTION_REMOVED = "interruption_removed"
    INTERRUPTION_CHANGED = "interruption_changed"
    TRAINING_END = "training_end"
    AIOS_CHANGED = "aios_changed"
    ACTIVITY_ADDED = "activity_added"
    ACTIVITY_REMOVED = "activity_removed"
    ACTIVITY_TOPIC = "activity_topic"
    ACTIVITY_MOVED = "activity_moved"
    ACTIVITY_DONE = "activity_done"
    ACTIVITY_DROPPED = "activity_dropped"
    ACTIVITY_STATUS = "activity_status"
    ACTIVITY_EVIDENCE = "activity_evidence"
    ACTIVITY_DETAILS = "activity_details"
    COURSE_ADDED = "course_added"
    COURSE_REMOVED = "course_removed"
    COURSE_MOVED = "course_moved"
    COURSE_DONE = "course_done"
    COURSE_DROPPED = "course_dropped"
    COURSE_STATUS = "course_status"
    COURSE_EVIDENCE = "course_evidence"
    MEETING_ADDED = "meeting_added"
    MEETING_REMOVED = "meeting_removed"
    MEETING_KIND = "meeting_kind"
    MEETING_NOTES = "meeting_notes"
    AGREEMENT_ADDED = "agreement_added"
    AGREEMENT_REMOVED = "agreement_removed"
    AGREEMENT_CLOSED = "agreement_closed"
    AGREEMENT_REOPENED = "agreement_reopened"
    AGREEMENT_OUTCOME = "agreement_outcome"
    AGREEMENT_CHANGED = "agreement_changed"
    IMPROVEMENT_ADDED = "improvement_added"
    IMPROVEMENT_REMOVED = "improvement_removed"
    IMPROVEMENT_CHANGED = "improvement_changed"


_SECTION_OF_PREFIX = {
    "training": Section.TRAINING,
    "part": Section.TRAINING,
    "interruption": Section.TRAINING,
    "aios": Section.AIOS,
    "activity": Section.ACTIVITIES,
    "course": Section.COURSES,
    "meeting": Section.MEETINGS,
    "agreement": Section.MEETINGS,
    "improvement": Section.IMPROVEMENT,
}

# the parameters that quote what the aios or opleider wrote: what --redact masks (the
# aios's own details are not patient data, as in mlplan.domain.privacy)
FREE_TEXT_PARAMS = frozenset({"title", "evidence", "old_evidence", "text", "point"})


@dataclass(frozen=True, slots=True)
class Change:
    """One change: its kind and parameters (dates as ``YYYY-MM-DD``, years as numbers)."""

    kind: Kind
    params: Mapping[str, Param]

    @property
    def section(self) -> Section:
        return _SECTION_OF_PREFIX[self.kind.value.split("_", 1)[0]]


@dataclass(frozen=True, slots=True)
class Unread:
    """A part of a version that could not be read, so it is not compared: a section
    (``number`` None) or one entry of it (1-based, as ``mlplan plan`` numbers them)."""

    section: str
    number: int | None = None
    # what the entry said of its identity, when that much could be read (its topic and
    # title, a course's name, a meeting's date, a point's text): so the other version's
    # entry is not reported as added or removed
    hint: tuple[str, ...] = ()


@dataclass(frozen=True)
class Snapshot:
    """A version of the plan as far as it could be read: a section is ``None`` when it
    could not be read as a whole; a list leaves out the entries that could not."""

    aios: Aios | None = None
    training: Training | None = None
    activities: tuple[tuple[int, Activity], ...] | None = None  # (number, activity)
    courses: tuple[CourseEntry, ...] | None = None
    improvement_points: tuple[ImprovementPoint, ...] | None = None
    meetings: tuple[Meeting, ...] | None = None
    unread: tuple[Unread, ...] = ()


@dataclass(frozen=True)
class PlanDiff:
    """The changes, section by section, and what either version left unread."""

    changes: tuple[Change, ...]
    unread_old: tuple[Unread, ...] = ()
    unread_new: tuple[Unread, ...] = ()

    def sections(self) -> list[tuple[Section, list[Change]]]:
        """The changes grouped by section, in :class:`Section`'s order (empty ones left out)."""
        grouped: dict[Section, list[Change]] = {s: [] for s in Section}
        for change in self.changes:
            grouped[change.section].append(change)
        return [(s, found) for s, found in grouped.items() if found]


SinceHow = Literal["date", "last_meeting", "revision"]


@dataclass(frozen=True)
class Since:
    """What ``--since`` asked: a date, the last meeting (its date and kind, and the
    meeting's tag when that named the commit) or a revision."""

    given: str
    how: SinceHow
    day: dt.date | None = None
    meeting_kind: str | None = None
    tag: str | None = None


@dataclass(frozen=True)
class Report:
    """The page of ``mlplan diff``: which version was compared with the file as it is
    now, and what changed. ``old_errors``/``new_errors`` count the findings that kept a
    version from loading as a whole (0: it loaded)."""

    path: str
    name: str | None
    since: Since
    base: Commit
    uncommitted: bool
    diff: PlanDiff
    old_errors: int = 0
    new_errors: int = 0


# -- reading a version ---------------------------------------------------------------------


def of(plan: Plan) -> Snapshot:
    """A plan that loaded: every part read."""
    return Snapshot(
        aios=plan.aios,
        training=plan.training,
        activities=tuple(enumerate(plan.activities, 1)),
        courses=tuple(plan.courses),
        improvement_points=tuple(plan.improvement_points),
        meetings=tuple(plan.meetings),
    )


M = TypeVar("M", bound=BaseModel)


def salvage(data: object) -> Snapshot:
    """A version that does not load as a whole (an older form, a mistake since fixed):
    each part on its own, with the plan's own models, so what can be compared is."""
    if not isinstance(data, dict):
        return Snapshot(unread=(Unread("plan"),))
    unread: list[Unread] = []

    def one(model: type[M], name: str) -> M | None:
        try:
            return model.model_validate(data.get(name))
        except ValidationError:
            unread.append(Unread(name))
            return None

    def entries(model: type[M], name: str) -> list[tuple[int, M]] | None:
        value = data.get(name, [])
        if value is None:
            value = []
        if not isinstance(value, list):
            unread.append(Unread(name))
            return None
        kept = []
        for number, entry in enumerate(value, 1):
            try:
                kept.append((number, model.model_validate(entry)))
            except ValidationError:
                unread.append(Unread(name, number, _hint(name, entry)))
        return kept

    aios = one(Aios, "aios")
    training = one(Training, "training")
    activities = entries(Activity, "activities")
    courses = entries(CourseEntry, "courses")
    points = entries(ImprovementPoint, "improvement_points")
    meetings = entries(Meeting, "meetings")

    def values(kept: list[tuple[int, M]] | None) -> tuple[M, ...] | None:
        return None if kept is None else tuple(v for _, v in kept)

    return Snapshot(
        aios=aios,
        training=training,
        activities=None if activities is None else tuple(activities),
        courses=values(courses),
        improvement_points=values(points),
        meetings=values(meetings),
        unread=tuple(unread),
    )


# the keys of an entry that say which entry it is (see the module's docstring)
_IDENTITY_KEYS = {
    "activities": ("topic", "title"),
    "courses": ("course",),
    "meetings": ("date",),
    "improvement_points": ("point",),
}


def _hint(section: str, entry: object) -> tuple[str, ...]:
    if not isinstance(entry, dict):
        return ()
    values = [entry.get(key) for key in _IDENTITY_KEYS[section]]
    strings = tuple(v for v in values if isinstance(v, str))
    return strings if len(strings) == len(values) else ()


# -- comparing -----------------------------------------------------------------------------


def compare(old: Snapshot, new: Snapshot, fw: Framework) -> PlanDiff:
    """Every change from ``old`` to ``new``; a part either version could not read is not
    compared (its entries do not show as added or removed)."""
    changes: list[Change] = []
    if old.training is not None and new.training is not None:
        changes += _training(old.training, new.training)
    if old.aios is not None and new.aios is not None:
        changes += _aios(old.aios, new.aios)
    if old.activities is not None and new.activities is not None:
        changes += _activities(old.activities, new.activities)
    if old.courses is not None and new.courses is not None:
        changes += _courses(old.courses, new.courses, fw)
    if old.meetings is not None and new.meetings is not None:
        changes += _meetings(old.meetings, new.meetings)
    if old.improvement_points is not None and new.improvement_points is not None:
        changes += _improvement(old.improvement_points, new.improvement_points)
    # an entry one version could not read is neither added nor removed in the other
    unread_then = {_identity(u.section, u.hint, fw) for u in old.unread if u.hint}
    unread_now = {_identity(u.section, u.hint, fw) for u in new.unread if u.hint}
    kept = [
        c
        for c in changes
        if not (c.kind in _ADDED and _subject(c, fw) in unread_then)
        and not (c.kind in _REMOVED and _subject(c, fw) in unread_now)
    ]
    return PlanDiff(tuple(kept), old.unread, new.unread)


_ADDED = frozenset(
    {Kind.ACTIVITY_ADDED, Kind.COURSE_ADDED, Kind.MEETING_ADDED, Kind.AGREEMENT_ADDED}
    | {Kind.IMPROVEMENT_ADDED}
)
_REMOVED = frozenset(
    {Kind.ACTIVITY_REMOVED, Kind.COURSE_REMOVED, Kind.MEETING_REMOVED, Kind.AGREEMENT_REMOVED}
    | {Kind.IMPROVEMENT_REMOVED}
)


def _identity(section: str, values: tuple[str, ...], fw: Framework) -> tuple[str, ...]:
    """An entry's identity from what it says: its section and the compared form of its
    identifying values."""
    if section == "activities":
        return (section, values[0], normalise_title(values[1]))
    if section == "courses":
        return (section, resolved.course_identity(values[0], fw))
    if section == "meetings":
        return (section, values[0].strip())
    return (section, " ".join(values[0].split()).casefold())


def _subject(change: Change, fw: Framework) -> tuple[str, ...]:
    """The identity of the entry an addition or removal is about (an agreement: its
    meeting's)."""
    p = change.params
    section = change.section
    if section is Section.ACTIVITIES:
        return _identity("activities", (str(p["topic"]), str(p["title"])), fw)
    if section is Section.COURSES:
        return _identity("courses", (str(p["course"] or p["title"]),), fw)
    if section is Section.MEETINGS:
        return _identity("meetings", (str(p["meeting"]),), fw)
    return _identity("improvement_points", (str(p["point"]),), fw)


def masked(diff: PlanDiff, mask: Callable[[str], str]) -> PlanDiff:
    """The changes with ``mask`` applied to every parameter that quotes free text."""

    def params(change: Change) -> dict[str, Param]:
        return {
            k: mask(v) if k in FREE_TEXT_PARAMS and isinstance(v, str) else v
            for k, v in change.params.items()
        }

    return replace(diff, changes=tuple(Change(c.kind, params(c)) for c in diff.changes))


def free_texts(diff: PlanDiff) -> Iterator[str]:
    """Every parameter value that quotes free text (for the privacy notice)."""
    for change in diff.changes:
        for k, v in change.params.items():
            if k in FREE_TEXT_PARAMS and isinstance(v, str):
                yield v


T = TypeVar("T")


def _pair(
    old: Sequence[T], new: Sequence[T], keys: Sequence[Callable[[T], Hashable]]
) -> tuple[dict[int, int], list[int]]:
    """Which old entry each new entry is (new index -> old index), trying ``keys`` in
    turn on what is still unpaired, in order; and the old indexes left over."""
    pairs: dict[int, int] = {}
    left = list(range(len(old)))
    for key in keys:
        waiting: dict[Hashable, deque[int]] = defaultdict(deque)
        for i in left:
            waiting[key(old[i])].append(i)
        for j, entry in enumerate(new):
            if j not in pairs and (queue := waiting.get(key(entry))):
                pairs[j] = queue.popleft()
        taken = set(pairs.values())
        left = [i for i in left if i not in taken]
    return pairs, left


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else float(value)


# -- training and aios ---------------------------------------------------------------------


def _training(old: Training, new: Training) -> list[Change]:
    out: list[Change] = []
    if old.start != new.start:
        out.append(Change(Kind.TRAINING_START, {"old": _day(old.start), "new": _day(new.start)}))
    if old.years != new.years:
        out.append(
            Change(Kind.TRAINING_YEARS, {"old": _number(old.years), "new": _number(new.years)})
        )
    out += _periods(
        old.part_time,
        new.part_time,
        lambda p: {"start": _day(p.start), "end": _day(p.end), "percent": p.percent},
        (Kind.PART_TIME_ADDED, Kind.PART_TIME_CHANGED, Kind.PART_TIME_REMOVED),
    )
    out += _periods(
        old.interruptions,
        new.interruptions,
        lambda i: {"start": _day(i.start), "end": _day(i.end), "reason": i.reason.value},
        (Kind.INTERRUPTION_ADDED, Kind.INTERRUPTION_CHANGED, Kind.INTERRUPTION_REMOVED),
    )
    if out:  # what the changes above do to the last day of training
        old_end, new_end = old.calendar().end, new.calendar().end
        if old_end != new_end:
            out.append(Change(Kind.TRAINING_END, {"old": _day(old_end), "new": _day(new_end)}))
    return out


def _periods(
    old: Sequence[T],
    new: Sequence[T],
    describe: Callable[[T], dict[str, Param]],
    kinds: tuple[Kind, Kind, Kind],
) -> list[Change]:
    """Part-time periods or interruptions, each known by its first day: added, changed
    (with the old values as ``old_…``) or removed."""
    added, changed, removed = kinds
    pairs, left = _pair(old, new, [lambda period: describe(period)["start"]])
    out: list[Change] = []
    for j, period in enumerate(new):
        params = describe(period)
        if j not in pairs:
            out.append(Change(added, params))
            continue
        before = describe(old[pairs[j]])
        if before != params:
            was = {f"old_{k}": v for k, v in before.items() if k != "start"}
            out.append(Change(changed, {**params, **was}))
    out += [Change(removed, describe(old[i])) for i in left]
    return out


AIOS_FIELDS = ("name", "specialty", "institution", "supervisor")


def _aios(old: Aios, new: Aios) -> list[Change]:
    return [
        Change(Kind.AIOS_CHANGED, {"field": name, "old": before, "new": after})
        for name in AIOS_FIELDS
        if (before := getattr(old, name)) != (after := getattr(new, name))
    ]


# -- activities ----------------------------------------------------------------------------


def _title(activity: Activity) -> str:
    return normalise_title(activity.title)


def _activities(
    old: Sequence[tuple[int, Activity]], new: Sequence[tuple[int, Activity]]
) -> list[Change]:
    olds = [a for _, a in old]
    news = [a for _, a in new]
    pairs, left = _pair(
        olds,
        news,
        [lambda a: (a.topic, _title(a), a.year), lambda a: (a.topic, _title(a))],
    )
    # a title that left one topic and arrived under another, once on each side
    gone = Counter(_title(olds[i]) for i in left)
    came = Counter(_title(a) for j, a in enumerate(news) if j not in pairs)
    for j, activity in enumerate(news):
        title = _title(activity)
        if j not in pairs and gone[title] == 1 and came[title] == 1:
            i = next(i for i in left if _title(olds[i]) == title)
            pairs[j] = i
            left.remove(i)

    out: list[Change] = []
    for j, (number, activity) in enumerate(new):
        subject: dict[str, Param] = {
            "number": number,
            "title": activity.title,
            "topic": activity.topic,
            "year": activity.year,
        }
        if j not in pairs:
            out.append(Change(Kind.ACTIVITY_ADDED, {**subject, "status": activity.status.value}))
            continue
        out += _activity_changes(olds[pairs[j]], activity, subject)
    for i in left:
        activity = olds[i]
        out.append(
            Change(
                Kind.ACTIVITY_REMOVED,
                {
                    "number": None,
                    "title": activity.title,
                    "topic": activity.topic,
                    "year": activity.year,
                    "status": activity.status.value,
                },
            )
        )
    return out


def _activity_changes(old: Activity, new: Activity, subject: dict[str, Param]) -> list[Change]:
    out: list[Change] = []
    if old.topic != new.topic:
        out.append(Change(Kind.ACTIVITY_TOPIC, {**subject, "old_topic": old.topic}))
    out += _year_and_status(old, new, subject, _ACTIVITY_KINDS)
    details = tuple(
        name for name in ("goal", "phase", "notes") if getattr(old, name) != getattr(new, name)
    )
    if details:
        out.append(Change(Kind.ACTIVITY_DETAILS, {**subject, "fields": details}))
    return out


# moved to another year, done, dropped, another status, done with other date or evidence
_ACTIVITY_KINDS = (
    Kind.ACTIVITY_MOVED,
    Kind.ACTIVITY_DONE,
    Kind.ACTIVITY_DROPPED,
    Kind.ACTIVITY_STATUS,
    Kind.ACTIVITY_EVIDENCE,
)
_COURSE_KINDS = (
    Kind.COURSE_MOVED,
    Kind.COURSE_DONE,
    Kind.COURSE_DROPPED,
    Kind.COURSE_STATUS,
    Kind.COURSE_EVIDENCE,
)


def _year_and_status(
    old: Activity | CourseEntry,
    new: Activity | CourseEntry,
    subject: dict[str, Param],
    kinds: tuple[Kind, Kind, Kind, Kind, Kind],
) -> list[Change]:
    """Moved to another year; then marked done (with its date and evidence), dropped,
    another status, or the date or evidence of something that stays done."""
    moved, done, dropped, status, evidence = kinds
    out = [Change(moved, {**subject, "old_year": old.year})] if old.year != new.year else []
    record = {"done_on": _day(new.done_on), "evidence": new.evidence}
    was = {"old_status": old.status.value}
    if new.status != old.status:
        if new.status is Status.DONE:
            out.append(Change(done, {**subject, **record, **was}))
        elif new.status is Status.DROPPED:
            out.append(Change(dropped, {**subject, **was}))
        else:
            out.append(Change(status, {**subject, **was, "status": new.status.value}))
    elif new.status is Status.DONE and (old.done_on, old.evidence) != (new.done_on, new.evidence):
        previous = {"old_done_on": _day(old.done_on), "old_evidence": old.evidence}
        out.append(Change(evidence, {**subject, **record, **previous}))
    return out


# -- courses -------------------------------------------------------------------------------


def _courses(old: Sequence[CourseEntry], new: Sequence[CourseEntry], fw: Framework) -> list[Change]:
    def key(entry: CourseEntry) -> str:
        return resolved.course_identity(entry.course, fw)

    def subject(entry: CourseEntry) -> dict[str, Param]:
        course = resolved.framework_course(entry.course, fw)
        return {
            "title": course.title if course is not None else entry.course,
            "course": course.id if course is not None else None,
            "year": entry.year,
        }

    pairs, left = _pair(old, new, [lambda c: (key(c), c.year), key])
    out: list[Change] = []
    for j, entry in enumerate(new):
        about = subject(entry)
        if j not in pairs:
            out.append(Change(Kind.COURSE_ADDED, {**about, "status": entry.status.value}))
            continue
        out += _year_and_status(old[pairs[j]], entry, about, _COURSE_KINDS)
    for i in left:
        out.append(Change(Kind.COURSE_REMOVED, {**subject(old[i]), "status": old[i].status.value}))
    return out


# -- meetings and agreements ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AgreementView:
    """An agreement however the plan writes it: text, or a mapping (issue 14)."""

    text: str
    owner: str | None = None
    due: str | None = None
    outcome: str | None = None
    key: str = field(default="", compare=False)


def _agreement(value: object) -> AgreementView | None:
    text = value if isinstance(value, str) else getattr(value, "text", None)
    if not isinstance(text, str):
        return None
    owner = getattr(value, "owner", None)
    due = getattr(value, "due", None)
    outcome = getattr(value, "outcome", None)
    outcome = getattr(outcome, "value", outcome)  # an enum member or its text
    return AgreementView(
        text,
        owner if isinstance(owner, str) else None,
        due.isoformat() if isinstance(due, dt.date) else None,
        outcome if isinstance(outcome, str) else None,
        " ".join(text.split()).casefold(),
    )


def agreements(meeting: Meeting) -> list[AgreementView]:
    """The meeting's agreements, each as text, owner, due date and outcome."""
    found = (_agreement(a) for a in getattr(meeting, "agreements", ()) or ())
    return [a for a in found if a is not None]


def _meetings(old: Sequence[Meeting], new: Sequence[Meeting]) -> list[Change]:
    pairs, left = _pair(old, new, [lambda m: (m.date, m.kind), lambda m: m.date])
    carried = _carried_over(new)
    out: list[Change] = []
    for j, meeting in enumerate(new):
        about: dict[str, Param] = {"meeting": _day(meeting.date), "kind": meeting.kind.value}
        said = agreements(meeting)
        if j not in pairs:
            out.append(Change(Kind.MEETING_ADDED, {**about, "agreements": len(said)}))
            out += [_added(a, about, carried, meeting.date) for a in said]
            continue
        before = old[pairs[j]]
        if before.kind != meeting.kind:
            out.append(Change(Kind.MEETING_KIND, {**about, "old_kind": before.kind.value}))
        if before.notes != meeting.notes:
            out.append(Change(Kind.MEETING_NOTES, about))
        out += _agreement_changes(agreements(before), said, about, carried, meeting.date)
    for i in left:
        meeting = old[i]
        out.append(
            Change(
                Kind.MEETING_REMOVED,
                {
                    "meeting": _day(meeting.date),
                    "kind": meeting.kind.value,
                    "agreements": len(agreements(meeting)),
                },
            )
        )
    return out


def _carried_over(meetings: Sequence[Meeting]) -> dict[str, list[dt.date]]:
    """Agreement text -> the dates of the meetings that carried it over."""
    found: dict[str, list[dt.date]] = defaultdict(list)
    for meeting in meetings:
        for a in agreements(meeting):
            if a.outcome == "carried_over":
                found[a.key].append(meeting.date)
    return found


def _added(
    a: AgreementView, about: dict[str, Param], carried: dict[str, list[dt.date]], day: dt.date
) -> Change:
    earlier = [d for d in carried.get(a.key, ()) if d < day]
    return Change(
        Kind.AGREEMENT_ADDED,
        {
            **about,
            "text": a.text,
            "owner": a.owner,
            "due": a.due,
            "outcome": a.outcome,
            "carried_from": _day(max(earlier)) if earlier else None,
        },
    )


def _agreement_changes(
    old: list[AgreementView],
    new: list[AgreementView],
    about: dict[str, Param],
    carried: dict[str, list[dt.date]],
    day: dt.date,
) -> list[Change]:
    pairs, left = _pair(old, new, [lambda a: a.key])
    out: list[Change] = []
    for j, a in enumerate(new):
        if j not in pairs:
            out.append(_added(a, about, carried, day))
            continue
        before = old[pairs[j]]
        said: dict[str, Param] = {**about, "text": a.text, "owner": a.owner, "due": a.due}
        if before.outcome is None and a.outcome is not None:
            out.append(Change(Kind.AGREEMENT_CLOSED, {**said, "outcome": a.outcome}))
        elif before.outcome is not None and a.outcome is None:
            out.append(Change(Kind.AGREEMENT_REOPENED, {**said, "old_outcome": before.outcome}))
        elif before.outcome != a.outcome:
            out.append(
                Change(
                    Kind.AGREEMENT_OUTCOME,
                    {**said, "outcome": a.outcome, "old_outcome": before.outcome},
                )
            )
        fields = tuple(
            name for name in ("owner", "due") if getattr(before, name) != getattr(a, name)
        )
        if fields:
            out.append(Change(Kind.AGREEMENT_CHANGED, {**said, "fields": fields}))
    for i in left:
        out.append(Change(Kind.AGREEMENT_REMOVED, {**about, "text": old[i].text}))
    return out


# -- improvement points --------------------------------------------------------------------


def _improvement(old: Sequence[ImprovementPoint], new: Sequence[ImprovementPoint]) -> list[Change]:
    def key(p: ImprovementPoint) -> str:
        return " ".join(p.point.split()).casefold()

    pairs, left = _pair(old, new, [key])
    out: list[Change] = []
    for j, point in enumerate(new):
        if j not in pairs:
            out.append(Change(Kind.IMPROVEMENT_ADDED, {"point": point.point}))
            continue
        before = old[pairs[j]]
        fields = tuple(n for n in ("how", "evidence") if getattr(before, n) != getattr(point, n))
        if fields:
            out.append(Change(Kind.IMPROVEMENT_CHANGED, {"point": point.point, "fields": fields}))
    out += [Change(Kind.IMPROVEMENT_REMOVED, {"point": old[i].point}) for i in left]
    return out
