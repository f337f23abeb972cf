"""The rules of ``mlplan check``: one small pure function per rule code.

A rule takes the validated plan, its framework and the context (``today``) and returns
findings: a rule code, the path of the YAML node it is about, a message id and its
parameters. The checking module turns paths into file:line:column.

Rules run only on a plan that validates (ML001/ML002 come from the loader and the
schema); ``checking`` may hand them a plan without its broken list entries and keep
only the findings of the rules about single entries. Each rule points at the most specific node it can: a value such as an
activity's ``year``, else the activity, else the list's key, else line 1.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import Any, NamedTuple

from mlplan.domain import resolved
from mlplan.i18n import plural, t
from mlplan.model import timeline
from mlplan.model.fields import Loc
from mlplan.model.framework import PHASES, Framework, Topic, normalise_title
from mlplan.model.plan import Activity, CourseEntry, Plan, Status
from mlplan.model.vocabulary import OWNER_ROLES
from mlplan.suggest import closest


# Named tuples, not frozen dataclasses: every ``check`` defines them while it starts, and
# a dataclass costs about 0.4 ms to define, a named tuple a tenth of that.
class Context(NamedTuple):
    today: dt.date


class Finding(NamedTuple):
    code: str
    loc: Loc
    key: str
    # shared by the findings that give none: never changed after it is made
    params: dict[str, Any] = {}  # noqa: RUF012
    at_key: bool = False  # point at the key rather than its value


# A rule reads the plan resolved once against its framework (``resolved.resolve``): it
# decides no derived fact itself (years, phases, course matching, coverage, overdue).
Rule = Callable[[resolved.Resolved], list[Finding]]

RULES: list[Rule] = []


def rule(fn: Rule) -> Rule:
    """Register a rule; rules run in registration order."""
    RULES.append(fn)
    return fn


def run(
    plan: Plan, fw: Framework, ctx: Context, view: resolved.Resolved | None = None
) -> list[Finding]:
    """Every rule's findings; ``view`` is the plan's resolved view when the caller has it."""
    view = resolved.resolve(plan, fw, ctx.today, reuse=view)
    return [finding for check in RULES for finding in check(view)]


# -- helpers ---------------------------------------------------------------------------

# What a course id looks like (the framework's id pattern). A course entry in this form
# that is not a framework course is almost certainly a mistyped id; a title with spaces
# or capitals is the aios's own course and is allowed.
_QUOTES = "‘’“”‚„"
_ID_LIKE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class StatusWord(str):
    """A status as a message parameter: its identifier as a value (JSON, fingerprints and
    comparisons stay stable), the catalogue's word for it when a message is worded, in
    the language of the run ("gepland", "in progress"; ``status.*`` in the catalogues)."""

    __slots__ = ()

    def __format__(self, spec: str) -> str:
        return format(t(f"status.{str.__str__(self)}"), spec)


class OwnerWord(str):
    """An agreement's owner as a message parameter: as written for a value, and when a
    message is worded the catalogue's word for a role (``aios``, ``opleider``: "supervisor"
    in English), or the name as written."""

    __slots__ = ()

    def __format__(self, spec: str) -> str:
        written = str.__str__(self)
        role = written.strip().casefold()
        return format(t(f"agreement.owner.{role}") if role in OWNER_ROLES else written, spec)


def _list_loc(plan: Plan, name: str) -> tuple[Loc, bool]:
    """Where a finding about a whole list points: its key, or line 1 when it is absent.

    ``((), True)`` is the document's own key position, which the loader puts at 1:1.
    """
    if name in plan.model_fields_set:
        return (name,), True
    return (), True


def _counting(plan: Plan) -> list[tuple[int, Activity]]:
    return [(i, a) for i, a in enumerate(plan.activities) if resolved.counts(a)]


def example_for(topic: Topic, phase: timeline.PhaseId) -> str:
    """An example activity of ``topic`` for ``phase``: one suggested for that phase, else
    one without a phase, else the first."""
    chosen = next(
        (e for wanted in (phase, None) for e in topic.activities if e.phase == wanted),
        topic.activities[0],
    )
    # the source's typographic quotes (‘Verwonder en Verbeter’) would read as doubled
    # quotes in the message; titles match without them anyway
    return chosen.title.strip(_QUOTES)


# -- ML002: obvious duplicates -----------------------------------------------------------


def _repeats(keys: Iterable[tuple[int, Hashable]]) -> Iterator[tuple[int, int]]:
    """(index, index of the first with the same key) for every repeated key."""
    first: dict[Hashable, int] = {}
    for i, key in keys:
        if key in first:
            yield i, first[key]
        else:
            first[key] = i


@rule
def duplicates(r: resolved.Resolved) -> list[Finding]:
    """ML002: the same activity (topic and title) twice, the same course twice, two meetings
    on one date, the same improvement point twice. Dropped entries do not count: dropping
    an activity and planning it again later is normal. Points at the second one."""
    plan = r.plan
    acts = plan.activities
    found = [
        Finding(
            "ML002",
            ("activities", i, "title"),
            "rule.duplicate_activity",
            {"title": acts[i].title, "topic": acts[i].topic, "first": first + 1},
        )
        for i, first in _repeats(
            (i, (a.topic, normalise_title(a.title))) for i, a in _counting(plan)
        )
    ]
    courses = plan.courses
    found += [
        Finding(
            "ML002",
            ("courses", i, "course"),
            "rule.duplicate_course",
            {"course": courses[i].course, "first": first + 1},
        )
        for i, first in _repeats(
            (c.position, c.identity) for c in r.courses if c.entry.status is not Status.DROPPED
        )
    ]
    meetings = plan.meetings
    found += [
        Finding(
            "ML002",
            ("meetings", i, "date"),
            "rule.duplicate_meeting",
            {"date": meetings[i].date.isoformat(), "first": first + 1},
        )
        for i, first in _repeats((i, m.date) for i, m in enumerate(meetings))
    ]
    found += [
        Finding(
            "ML002",
            ("improvement_points", i, "point"),
            "rule.duplicate_point",
            {"first": first + 1},
        )
        for i, first in _repeats(
            (i, normalise_title(p.point)) for i, p in enumerate(plan.improvement_points)
        )
    ]
    return found


# -- ML002: training periods that cannot be ----------------------------------------------


@rule
def training_periods(r: resolved.Resolved) -> list[Finding]:
    """ML002: a part-time period or interruption that ends before it starts, and two
    part-time periods (or two interruptions) that overlap: the calendar would have to
    guess which percent counts. Points at the later-listed one."""
    plan = r.plan
    found: list[Finding] = []
    lists: list[tuple[str, str, list[tuple[dt.date, dt.date | None]]]] = [
        (
            "part_time",
            "rule.part_time_overlap",
            [(p.start, p.end) for p in plan.training.part_time],
        ),
        (
            "interruptions",
            "rule.interruptions_overlap",
            [(i.start, i.end) for i in plan.training.interruptions],
        ),
    ]
    for name, overlap, periods in lists:
        for i, (start, end) in enumerate(periods):
            if end is not None and end < start:
                found.append(
                    Finding(
                        "ML002",
                        ("training", name, i, "to"),
                        "rule.period_reversed",
                        {"start": start.isoformat(), "end": end.isoformat()},
                    )
                )
                continue
            for j, (other_start, other_end) in enumerate(periods[:i]):
                if other_end is not None and other_end < other_start:
                    continue  # reported on its own
                if (end is None or other_start <= end) and (
                    other_end is None or start <= other_end
                ):
                    found.append(
                        Finding(
                            "ML002",
                            ("training", name, i, "from"),
                            overlap,
                            {"number": i + 1, "other": j + 1},
                        )
                    )
                    break
    return found


# -- ML003: unknown ids ------------------------------------------------------------------


@rule
def unknown_topic(r: resolved.Resolved) -> list[Finding]:
    """ML003: an activity's topic is not a topic id of the framework."""
    plan, fw = r.plan, r.fw
    found: list[Finding] = []
    ids = fw.topic_ids()
    for i, act in enumerate(plan.activities):
        if fw.topic(act.topic) is not None:
            continue
        hint = closest(act.topic, ids)
        loc: Loc = ("activities", i, "topic")
        if hint:
            found.append(
                Finding("ML003", loc, "rule.ML003.topic_hint", {"id": act.topic, "hint": hint})
            )
        else:
            found.append(
                Finding("ML003", loc, "rule.ML003.topic", {"id": act.topic, "ids": ", ".join(ids)})
            )
    return found


@rule
def unknown_course(r: resolved.Resolved) -> list[Finding]:
    """ML003: a course written like an id (lower case, hyphens, no spaces) that is not a
    framework course (by id or title, see ``resolved.course_key``); a single word counts as
    an id only when it resembles one. And a ``satisfies`` that names no course requirement."""
    plan, fw = r.plan, r.fw
    found: list[Finding] = []
    ids = fw.course_ids()
    targets = resolved.requirement_targets(fw)
    for i, entry in enumerate(plan.courses):
        found += _unknown_course_id(entry.course, ("courses", i, "course"), fw, ids)
        if entry.satisfies is not None and resolved.course_key(entry.satisfies) not in targets:
            loc: Loc = ("courses", i, "satisfies")
            valid = resolved.target_ids(fw)
            hint = closest(entry.satisfies.strip(), valid)
            if hint:
                params = {"id": entry.satisfies, "hint": hint}
                found.append(Finding("ML003", loc, "rule.ML003.satisfies_hint", params))
            else:
                params = {"id": entry.satisfies, "ids": ", ".join(valid)}
                found.append(Finding("ML003", loc, "rule.ML003.satisfies", params))
    return found


def _unknown_course_id(value: str, loc: Loc, fw: Framework, ids: list[str]) -> list[Finding]:
    name = value.strip()
    if resolved.framework_course(name, fw) is not None or not _ID_LIKE.match(name):
        return []
    hint = closest(name, ids)
    if "-" not in name and hint is None:
        return []  # e.g. "mindfulness": the aios's own course
    if hint:
        return [Finding("ML003", loc, "rule.ML003.course_hint", {"id": name, "hint": hint})]
    return [Finding("ML003", loc, "rule.ML003.course", {"id": name, "ids": ", ".join(ids)})]


# An agreement's reference that names nothing: (message with a hint, without one).
_UNKNOWN_REFERENCE = {
    "topic": ("rule.ML003.topic_hint", "rule.ML003.topic"),  # as an activity's unknown topic
    "activity": ("rule.ML003.agreement_activity_hint", "rule.ML003.agreement_activity"),
    "course": ("rule.ML003.agreement_course_hint", "rule.ML003.agreement_course"),
}


@rule
def unknown_agreement_reference(r: resolved.Resolved) -> list[Finding]:
    """ML003: what an agreement says it is about must exist: a ``topic`` of the framework,
    an ``activity`` of this plan (by title, as duplicates compare titles), a ``course`` of
    the framework or of this plan (the course matching rule). At the value, with a
    did-you-mean."""
    plan, fw = r.plan, r.fw
    topics = fw.topic_ids()
    titles = [a.title for a in plan.activities]
    courses = list(dict.fromkeys([*(c.course for c in plan.courses), *fw.course_ids()]))
    known = {"topic": topics, "activity": titles, "course": courses}
    found: list[Finding] = []
    for i, j, _, agreement in resolved.agreements(plan):
        unknown = {
            "topic": agreement.topic is not None and fw.topic(agreement.topic) is None,
            "activity": agreement.activity is not None
            and resolved.activity_named(plan, agreement.activity) is None,
            "course": agreement.course is not None
            and resolved.framework_course(agreement.course, fw) is None
            and resolved.course_named(plan, agreement.course, fw) is None,
        }
        for key, missing in unknown.items():
            value = getattr(agreement, key)
            if not missing or value is None:
                continue
            hint = closest(value.strip(), known[key])
            with_hint, without = _UNKNOWN_REFERENCE[key]
            loc: Loc = ("meetings", i, "agreements", j, key)
            if hint:
                found.append(Finding("ML003", loc, with_hint, {"id": value, "hint": hint}))
            else:
                params = {"id": value, "ids": ", ".join(known[key])}
                found.append(Finding("ML003", loc, without, params))
    return found


# -- errors: the framework's requirements ------------------------------------------------


@rule
def topic_coverage(r: resolved.Resolved) -> list[Finding]:
    """ML100: every topic needs at least ``min_activities`` activities that are not dropped."""
    plan = r.plan
    loc, at_key = _list_loc(plan, "activities")
    phase = r.phase_now
    found: list[Finding] = []
    for cov in r.coverage:
        have, need = len(cov.activities), cov.topic.min_activities
        if have >= need:
            continue
        params = {
            "id": cov.topic.id,
            "title": cov.topic.title,
            "example": example_for(cov.topic, phase),
            "phase": phase,
            "count": have,
            "min": need,
        }
        key = "rule.ML100" if have == 0 else "rule.ML100.few"
        found.append(Finding("ML100", loc, key, params, at_key=at_key))
    return found


@rule
def required_courses(r: resolved.Resolved) -> list[Finding]:
    """ML101: each of the framework's course requirements needs a course that is not dropped."""
    plan = r.plan
    loc, at_key = _list_loc(plan, "courses")
    return [
        Finding(
            "ML101",
            loc,
            "rule.ML101",
            {"title": req.title, "ids": " / ".join(req.any_of)},
            at_key=at_key,
        )
        for req in r.missing_requirements
    ]


def _completions(plan: Plan) -> Iterator[tuple[str, int, Activity | CourseEntry, str]]:
    """(list name, index, entry, title) of every activity and course, in file order."""
    for i, act in enumerate(plan.activities):
        yield "activities", i, act, act.title
    for i, course in enumerate(plan.courses):
        yield "courses", i, course, course.course


@rule
def impossible_done_on(r: resolved.Resolved) -> list[Finding]:
    """ML103: a ``done_on`` after today (it has not happened yet) or before the training
    started (it is not part of this training). Activities and courses, at the date."""
    plan, today = r.plan, r.today
    start = plan.training.start
    found: list[Finding] = []
    for name, i, entry, title in _completions(plan):
        on = entry.done_on
        if on is None:
            continue
        params = {"title": title, "on": on.isoformat()}
        if on > today:
            params["today"] = today.isoformat()
            found.append(Finding("ML103", (name, i, "done_on"), "rule.ML103.future", params))
        elif on < start:
            params["start"] = start.isoformat()
            found.append(Finding("ML103", (name, i, "done_on"), "rule.ML103.before_start", params))
    return found


@rule
def year_in_training(r: resolved.Resolved) -> list[Finding]:
    """ML102: a year beyond the last training year (year >= 1 is the schema's job)."""
    plan = r.plan
    last = r.year_count
    found: list[Finding] = []
    entries: list[tuple[str, int, int | None]] = [
        ("activities", i, a.year) for i, a in enumerate(plan.activities)
    ]
    entries += [("courses", i, c.year) for i, c in enumerate(plan.courses)]
    for name, i, year in entries:
        if year is not None and year > last:
            found.append(
                Finding(
                    "ML102",
                    (name, i, "year"),
                    "rule.ML102",
                    {"year": year, "last": last, "years": f"{plan.training.years:g}"},
                )
            )
    return found


# -- warnings: the learning curve and the plan's upkeep ----------------------------------


@rule
def phase_order(r: resolved.Resolved) -> list[Finding]:
    """ML200: an activity planned in a year whose phase comes before its suggested phase.
    Done and dropped activities are history, not a plan: they are left alone."""
    found: list[Finding] = []
    for a in r.activities:
        if not a.open or a.year is None:
            continue
        act, wanted = a.activity, a.suggested_phase
        if wanted is None:
            continue
        actual = a.year.phase
        if PHASES.index(actual) < PHASES.index(wanted):
            found.append(
                Finding(
                    "ML200",
                    ("activities", a.position, "year"),
                    "rule.ML200",
                    {"title": act.title, "year": act.year, "phase": actual, "suggested": wanted},
                )
            )
    return found


@rule
def done_has_proof(r: resolved.Resolved) -> list[Finding]:
    """ML201: a done activity without evidence, or without done_on (one finding each)."""
    plan = r.plan
    found: list[Finding] = []
    for i, act in enumerate(plan.activities):
        if act.status is not Status.DONE:
            continue
        if act.evidence is None:
            found.append(
                Finding("ML201", ("activities", i), "rule.ML201.evidence", {"title": act.title})
            )
        if act.done_on is None:
            found.append(
                Finding("ML201", ("activities", i), "rule.ML201.date", {"title": act.title})
            )
    return found


@rule
def past_not_done(r: resolved.Resolved) -> list[Finding]:
    """ML202: an activity of a training year that ended before today is neither done nor dropped."""
    found: list[Finding] = []
    for a in r.activities:
        act = a.activity
        if a.overdue and a.year is not None:  # an overdue one has its (ended) year
            found.append(
                Finding(
                    "ML202",
                    ("activities", a.position, "year"),
                    "rule.ML202",
                    {
                        "title": act.title,
                        "year": act.year,
                        "end": a.year.end.isoformat(),
                        "status": StatusWord(act.status.value),
                    },
                )
            )
    return found


@rule
def completion_not_done(r: resolved.Resolved) -> list[Finding]:
    """ML205: ``done_on`` or ``evidence`` on an activity or course that is not done; the
    data says it happened while the status says it did not. At the first such key."""
    plan = r.plan
    found: list[Finding] = []
    for name, i, entry, title in _completions(plan):
        if entry.status is Status.DONE:
            continue
        keys = [k for k in ("done_on", "evidence") if getattr(entry, k) is not None]
        if keys:
            found.append(
                Finding(
                    "ML205",
                    (name, i, keys[0]),
                    "rule.ML205",
                    {
                        "title": title,
                        "status": StatusWord(entry.status.value),
                        "keys": ", ".join(keys),
                    },
                    at_key=True,
                )
            )
    return found


MAX_IMPROVEMENT_POINTS = 3


@rule
def top_three(r: resolved.Resolved) -> list[Finding]:
    """ML203: the IOP asks for a TOP 3 of improvement points; point at the fourth."""
    plan = r.plan
    count = len(plan.improvement_points)
    if count <= MAX_IMPROVEMENT_POINTS:
        return []
    return [
        Finding(
            "ML203",
            ("improvement_points", MAX_IMPROVEMENT_POINTS),
            "rule.ML203",
            {"count": count, "max": MAX_IMPROVEMENT_POINTS},
        )
    ]


@rule
def balance(r: resolved.Resolved) -> list[Finding]:
    """ML204: a training year still open at today (the current one or a later one; all
    of them before the start) without any activity, or one holding more than half of
    the plan's activities. The years behind the aios are history: an aios who starts
    the plan in year 3 has nothing to spread over years 1 and 2 (ML202 is about what was
    left undone there), and a past year that held much is not a plan to change. With a
    single open year nothing is crowded. One finding per problem: all empty years
    together, the overloaded year."""
    plan = r.plan
    per_year = dict.fromkeys(range(1, r.year_count + 1), 0)
    for _, act in _counting(plan):
        if act.year in per_year:
            per_year[act.year] += 1
    total = sum(per_year.values())
    still_open = r.open_years
    loc, at_key = _list_loc(plan, "activities")
    found: list[Finding] = []
    empty = [year for year in still_open if per_year[year] == 0]
    if empty:
        found.append(
            Finding(
                "ML204",
                loc,
                "rule.ML204.empty" if len(empty) == 1 else "rule.ML204.empty_many",
                {"years": ", ".join(map(str, empty))},
                at_key=at_key,
            )
        )
    if len(still_open) > 1 and total > 0:
        for year in still_open:
            if per_year[year] > total / 2:
                found.append(
                    Finding(
                        "ML204",
                        loc,
                        "rule.ML204.crowded",
                        {"year": year, "count": per_year[year], "total": total},
                        at_key=at_key,
                    )
                )
    return found


# -- warnings: the gesprekscyclus --------------------------------------------------------


class Months(int):
    """A number of months as a message parameter: a number as a value (JSON, fingerprints),
    "1 maand" / "5 maanden" in the language of the run when a message is worded."""

    __slots__ = ()

    def __format__(self, spec: str) -> str:
        return format(plural("count.months", int(self)), spec)


@rule
def agreement_overdue(r: resolved.Resolved) -> list[Finding]:
    """ML206: an agreement of a meeting held (on or before today) without an outcome whose
    due date lies before today, as the summary's overdue agreements. At its ``due``."""
    return [
        Finding(
            "ML206",
            ("meetings", i, "agreements", j, "due"),
            "rule.ML206",
            {
                "text": agreement.text,
                "meeting": meeting.date.isoformat(),
                "due": agreement.due.isoformat(),
            },
        )
        for i, j, meeting, agreement in r.overdue_agreements
        if agreement.due is not None  # always so when overdue: for the type checker
    ]


@rule
def agreements_without_due(r: resolved.Resolved) -> list[Finding]:
    """ML207: a meeting whose open agreements in the mapping form have no ``due``: the
    next meeting cannot follow them up. The text form (version 1) is a note without
    follow-up and is left alone; a closed agreement needs no date. One finding per
    meeting, at its first such agreement."""
    plan = r.plan
    found: list[Finding] = []
    for i, meeting in enumerate(plan.meetings):
        undated = [
            (j, a)
            for j, a in enumerate(meeting.agreements)
            if not a.plain and a.is_open and a.due is None
        ]
        if not undated:
            continue
        first, agreement = undated[0]
        loc: Loc = ("meetings", i, "agreements", first)
        date = meeting.date.isoformat()
        if len(undated) == 1:
            params: dict[str, Any] = {"date": date, "text": agreement.text}
            found.append(Finding("ML207", loc, "rule.ML207", params))
        else:
            texts = ", ".join(f"'{a.text}'" for _, a in undated)
            params = {"date": date, "count": len(undated), "texts": texts}
            found.append(Finding("ML207", loc, "rule.ML207.many", params))
    return found


@rule
def meeting_rhythm(r: resolved.Resolved) -> list[Finding]:
    """ML208: during training, no meeting of the gesprekscyclus within the plan's interval
    (``training.meeting_interval_months``, default 12; ``resolved.next_meeting_due``) after
    the last one held. At that meeting's date. A plan that records no meeting held yet is
    left alone: mlplan does not follow a cycle it has not seen begin, and a plan fresh from
    ``init`` passes check whatever its start (the summary still asks for a first meeting)."""
    plan, today = r.plan, r.today
    held, due = r.held, r.next_meeting_due
    if not held or not r.meeting_late:
        return []
    assert due is not None  # late means there is a due date
    index, last = held[-1]
    params = {
        "date": last.date.isoformat(),
        "months": Months(timeline.months_between(last.date, today)),
        "due": due.isoformat(),
        "interval": Months(plan.training.meeting_interval),
    }
    return [Finding("ML208", ("meetings", index, "date"), "rule.ML208", params)]
