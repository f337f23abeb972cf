"""The interactive wizard of ``mlplan init`` (questionary prompts on a terminal).

Imported only when ``init`` runs on a terminal, so no other command pays for
questionary and prompt_toolkit. Steps: the aios's details, each topic (pick examples
with space, or type an own activity), the training years the scheduler proposes
(change any), the courses, the TOP 3 improvement points, and a last look before
writing. Every question but the first offers "← terug" (back). Ctrl-C anywhere raises
:class:`mlplan.errors.Interrupted`; the plan is written only after the last step.

After every step the answers so far go to the ``save`` callback (``init`` keeps them
in ``PATH.draft``), and a wizard given saved answers offers to go on where they end.

Checkbox and select prompts are erased once answered (prompt_toolkit's
``erase_when_done``) and the answer is printed in the user's language, because
questionary would print its own English summary ("done (2 selections)").
"""

from __future__ import annotations

import datetime as dt
import shutil
import textwrap
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import questionary
from questionary import Choice, Separator

from mlplan.domain.initplan import (
    FULL_TIME,
    Answers,
    Details,
    Draft,
    Pick,
    course_year,
    default_picks,
    parse_date,
    parse_percent,
    parse_years,
    propose,
)
from mlplan.domain.scheduler import first_open_year
from mlplan.errors import Interrupted, MlplanError
from mlplan.i18n import plural, t
from mlplan.model import fields, timeline
from mlplan.model.framework import PHASES, Framework, PhaseId, Topic, normalise_title
from mlplan.model.plan import CourseEntry, ImprovementPoint

BACK = "__back__"
OWN = "__own__"
OK = "__ok__"
MAX_IMPROVEMENT_POINTS = 3

# prompt_toolkit style strings for the text between the questions
TEXT_STYLES = {
    "heading": "bold",
    "topic": "bold fg:ansicyan",
    "muted": "italic",
    "done": "fg:ansigreen",
}


@dataclass
class Defaults:
    """Answers known beforehand (from options); the user may change them."""

    name: str | None
    specialty: str | None
    institution: str | None
    supervisor: str | None
    start: dt.date
    years: float
    percent: int = FULL_TIME


def _ask(question: questionary.Question) -> Any:
    """The answer, or :class:`Interrupted` on Ctrl-C / Ctrl-D (nothing is written)."""
    try:
        answer = question.unsafe_ask()
    except (KeyboardInterrupt, EOFError):
        raise Interrupted() from None
    if answer is None:  # pragma: no cover - unsafe_ask raises instead
        raise Interrupted()
    return answer


def _say(text: str, style: str = "") -> None:
    """A line between the questions, wrapped to the terminal at word boundaries."""
    width = max(40, shutil.get_terminal_size().columns - 1)
    stripped = text.lstrip(" ")
    lead = text[: len(text) - len(stripped)]
    hang = lead + "  " if stripped[:2] in ("• ", "✔ ", "+ ") else lead
    lines = textwrap.wrap(
        stripped, width, initial_indent=lead, subsequent_indent=hang, break_on_hyphens=False
    )
    questionary.print("\n".join(lines) if lines else "", style=TEXT_STYLES.get(style))


T = TypeVar("T")


@dataclass(frozen=True)
class Option(Generic[T]):
    """One answer of a select or checkbox list: the text shown and the value it stands for."""

    title: str
    value: T
    checked: bool = False


_UNSET: Any = object()


def _choices(options: Sequence[Option[Any] | None]) -> list[Choice | Separator]:
    """questionary's choices for ``options`` (``None``: a separator line).

    Each Choice carries its option's *index*, never the wizard's own value: questionary
    replaces a value of ``None`` by the Choice's title (so "geen fase" came back as the
    answer instead of no phase), and it matches a default against titles as well as
    values. Answers are mapped back by index, whatever the values are.
    """
    return [
        Separator() if option is None else Choice(option.title, value=i, checked=option.checked)
        for i, option in enumerate(options)
    ]


def _select(message: str, options: Sequence[Option[T]], default: Any = _UNSET) -> T:
    """The value of the option chosen; the cursor starts at the option whose value is
    ``default`` (``None`` is a value like any other), else at the first."""
    choices = _choices(options)
    start = next((c for c, o in zip(choices, options, strict=True) if o.value == default), None)
    index: int = _ask(
        questionary.select(
            message,
            choices=choices,
            default=start,
            instruction=t("wizard.select_instruction"),
            erase_when_done=True,
        )
    )
    return options[index].value


def _checkbox(message: str, options: Sequence[Option[T] | None]) -> list[T]:
    """The values of the options ticked, in the list's order."""
    indexes: list[int] = _ask(
        questionary.checkbox(
            message,
            choices=_choices(options),
            instruction=t("wizard.checkbox_instruction"),
            erase_when_done=True,
        )
    )
    chosen = [options[i] for i in sorted(indexes)]
    return [option.value for option in chosen if option is not None]


def _start_check(text: str, years: float) -> bool | str:
    """A date from which a training of ``years`` (the proposed duration) ends in time."""
    start = parse_date(text)
    if start is None:
        return t("wizard.bad_date")
    if not timeline.fits(start, years):
        return t("wizard.too_late", last=timeline.LAST_DAY.isoformat())
    return True


def _years_check(text: str, start: dt.date) -> bool | str:
    """A duration, and one that ends by the calendar's last day from ``start``."""
    years = parse_years(text)
    if years is None:
        return t("wizard.bad_years")
    if not timeline.fits(start, years):
        return t("wizard.too_late", last=timeline.LAST_DAY.isoformat())
    return True


def _percent_check(text: str) -> bool | str:
    return True if parse_percent(text) is not None else t("wizard.bad_percent")


def _since_check(text: str, start: dt.date) -> bool | str:
    """A date on or after the training's start (before it, no training time accrues)."""
    since = parse_date(text)
    if since is None:
        return t("wizard.bad_date")
    if since < start:
        return t("wizard.before_start", start=start.isoformat())
    return True


def _text(message: str, default: str = "", *, required: bool = False, check: Any = None) -> str:
    def validate(value: str) -> bool | str:
        if required and fields.is_blank(value):
            return t("wizard.required")
        if check is not None and value.strip():
            result: bool | str = check(value)
            return result
        return True

    answer: str = _ask(questionary.text(message, default=default, validate=validate))
    text = " ".join(answer.split())
    return "" if fields.is_blank(text) else text


def _phase_label(phase: PhaseId | None) -> str:
    return t(f"phase.{phase}") if phase else t("wizard.no_phase")


class Wizard:
    """The wizard's state: one step at a time, forward and back."""

    def __init__(
        self,
        fw: Framework,
        defaults: Defaults,
        today: dt.date,
        path: str,
        *,
        saved: Answers | None = None,
        save: Callable[[Answers], None] | None = None,
        kept_in: str = "",
    ) -> None:
        self.fw = fw
        self.today = today
        self.path = path
        self.saved = saved
        self.save = save
        self.kept_in = kept_in
        self.step = 0
        self._save_failed = False
        self.topics: list[Topic] = [topic for _, topic in fw.topics()]
        self.details = Details(
            name=defaults.name or "",
            start=defaults.start,
            years=defaults.years,
            specialty=defaults.specialty,
            institution=defaults.institution,
            supervisor=defaults.supervisor,
            percent=defaults.percent,
        )
        self.picks: dict[str, list[Pick]] = {}
        self.fixed_years: dict[tuple[str, str], int] = {}  # the user's own choices
        self.course_ids: list[str] | None = None
        self.improvement_points: list[ImprovementPoint] = []
        self._defaults: tuple[timeline.Calendar, dict[str, set[str]]] | None = None

    # -- the steps ----------------------------------------------------------------------
    def run(self) -> Draft:
        steps = [
            self.ask_details,
            *(self._topic_step(i) for i in range(len(self.topics))),
            self.ask_years,
            self.ask_courses,
            self.ask_improvement_points,
            self.ask_write,
        ]
        last = len(steps) - 1
        if self.save is not None:
            _say(t("wizard.welcome_draft", path=self.path, draft=self.kept_in), "heading")
        else:
            _say(t("wizard.welcome", path=self.path), "heading")
        _say(t("wizard.keys"), "muted")
        if self.saved is not None and self.offer_resume(self.saved, last):
            self.restore(self.saved, last)
        while self.step <= last:
            forward = steps[self.step]()
            self.step = self.step + 1 if forward else max(self.step - 1, 0)
            self.keep(min(self.step, last))
        return self.draft()

    # -- the draft ----------------------------------------------------------------------
    def answers(self, step: int) -> Answers:
        return Answers(
            details=self.details,
            picks=self.picks,
            fixed_years=self.fixed_years,
            course_ids=self.course_ids,
            improvement_points=self.improvement_points,
            step=step,
        )

    def keep(self, step: int) -> None:
        """Hand the answers so far to ``save``; a failure is said once, and the wizard
        goes on (the plan itself may still be written at the end)."""
        if self.save is None:
            return
        try:
            self.save(self.answers(step))
        except MlplanError as exc:
            if not self._save_failed:
                _say(t("wizard.draft_failed", reason=exc.message), "muted")
            self._save_failed = True

    def resume_step(self, saved: Answers, last: int) -> int:
        """Where saved answers go on: their step, or the first topic they lack."""
        step = min(saved.step, last)
        for i, topic in enumerate(self.topics):
            if topic.id not in saved.picks:
                return min(step, 1 + i)
        return step

    def step_name(self, step: int) -> str:
        topics = len(self.topics)
        if step == 0:
            return t("wizard.step.details")
        if step <= topics:
            return t("wizard.step.topic", index=step, count=topics)
        names = ("years", "courses", "improve", "write")
        return t(f"wizard.step.{names[min(step - topics - 1, len(names) - 1)]}")

    def offer_resume(self, saved: Answers, last: int) -> bool:
        _say("")
        _say(
            t(
                "wizard.resume_found",
                draft=self.kept_in,
                name=saved.details.name,
                where=self.step_name(self.resume_step(saved, last)),
            ),
            "heading",
        )
        return _select(
            t("wizard.resume_question"),
            [Option(t("wizard.resume_yes"), True), Option(t("wizard.resume_no"), False)],
            default=True,
        )

    def restore(self, saved: Answers, last: int) -> None:
        self.details = saved.details
        self.picks = saved.picks
        self.fixed_years = saved.fixed_years
        self.course_ids = saved.course_ids
        self.improvement_points = saved.improvement_points
        self.step = self.resume_step(saved, last)
        _say("  ✔ " + t("wizard.resumed", where=self.step_name(self.step)), "done")

    def ask_details(self) -> bool:
        d = self.details
        _say("")
        _say(t("wizard.details"), "heading")
        d.name = _text(t("wizard.name"), d.name, required=True)
        d.specialty = _text(t("wizard.specialty"), d.specialty or "") or None
        d.institution = _text(t("wizard.institution"), d.institution or "") or None
        d.supervisor = _text(t("wizard.supervisor"), d.supervisor or "") or None
        while True:
            start = _text(
                t("wizard.start"),
                d.start.isoformat(),
                required=True,
                check=lambda v: _start_check(v, d.years),
            )
            d.start = parse_date(start) or d.start
            years = _text(
                t("wizard.years"),
                _years_text(d.years),
                required=True,
                check=lambda v: _years_check(v, d.start),
            )
            d.years = parse_years(years) or d.years
            self.ask_part_time()
            cal = d.calendar()
            if not cal.fits:  # part-time work made it end past the calendar's last day
                _say(t("wizard.too_late", last=timeline.LAST_DAY.isoformat()))
                continue
            if cal.end >= self.today:
                break
            # a plan for a training already over could only be overdue (ML202)
            _say(t("wizard.training_over", end=cal.end.isoformat(), today=self.today.isoformat()))
        phases = ", ".join(
            t("wizard.year_phase", number=ty.number, phase=t(f"phase.{ty.phase}"))
            for ty in cal.training_years()
        )
        if d.percent == FULL_TIME:
            _say(t("wizard.training", end=cal.end, phases=phases))
        else:
            since = (d.part_time_from or d.start).isoformat()
            _say(
                t(
                    "wizard.training_part_time",
                    end=cal.end,
                    percent=d.percent,
                    since=since,
                    phases=phases,
                )
            )
        first = first_open_year(cal, self.today)
        if first > 1:
            _say(t("wizard.years_behind", first=first), "muted")
        return True

    def ask_part_time(self) -> None:
        """The part-time percent (Enter keeps it: 100 is full time) and, when part-time,
        since when: the calendar, and so every year's dates, follow from it."""
        d = self.details
        answer = _text(t("wizard.part_time"), str(d.percent), required=True, check=_percent_check)
        d.percent = parse_percent(answer) or d.percent
        if d.percent == FULL_TIME:
            d.part_time_from = None
            return
        since = max(d.part_time_from or d.start, d.start)
        answer = _text(
            t("wizard.part_time_from", percent=d.percent),
            since.isoformat(),
            required=True,
            check=lambda v: _since_check(v, d.start),
        )
        chosen = parse_date(answer) or d.start
        d.part_time_from = None if chosen == d.start else chosen

    def _topic_step(self, index: int) -> Any:
        return lambda: self.ask_topic(index)

    def ask_topic(self, index: int) -> bool:
        topic = self.topics[index]
        comp = self.fw.competency_of(topic.id)
        _say("")
        if comp is not None and comp.topics[0].id == topic.id:
            _say(
                t(
                    "wizard.competency",
                    number=comp.number,
                    count=len(self.fw.competencies),
                    title=comp.title,
                ),
                "heading",
            )
        _say(
            t("wizard.topic", index=index + 1, count=len(self.topics), title=topic.title),
            "topic",
        )
        if topic.objectives:
            _say(t("wizard.objectives"))
            for objective in topic.objectives:
                _say(f"  • {objective}")
        previous = self.picks.get(topic.id)
        # a topic not yet answered has the example --no-input would choose ticked, so
        # enter alone gives a sound plan
        chosen_titles = (
            {p.title for p in previous}
            if previous is not None
            else self.default_titles().get(topic.id, set())
        )
        examples = [a.title for a in topic.activities]
        options: list[Option[Any] | None] = [
            Option(
                f"{a.title}" + (f"  [{t(f'phase.{a.phase}')}]" if a.phase else ""),
                ("example", a.title),
                checked=a.title in chosen_titles,
            )
            for a in topic.activities
        ]
        own_previous = [p for p in previous or [] if p.title not in examples]
        options += [
            Option(f"{p.title}  ({t('wizard.own_label')})", ("own", p.title), checked=True)
            for p in own_previous
        ]
        options += [
            None,
            Option(t("wizard.own_new"), OWN),
            Option(t("wizard.back"), BACK),
        ]
        while True:
            answer = _checkbox(t("wizard.pick", title=topic.title), options)
            if BACK in answer:
                return False
            picks: list[Pick] = []
            for value in answer:
                if value == OWN:
                    continue
                kind, title = value
                if kind == "example":
                    example = topic.example(title)
                    picks.append(Pick(topic.id, title, example.phase if example else None))
                else:
                    picks.extend(p for p in own_previous if p.title == title)
            if OWN in answer:
                picks.extend(self.ask_own(topic))
            unique = {normalise_title(p.title): p for p in reversed(picks)}
            picks = [p for p in picks if unique.get(normalise_title(p.title)) is p]
            if picks:
                break
            _say(t("wizard.pick_one"), "muted")
        self.picks[topic.id] = picks
        _say("  ✔ " + "; ".join(p.title for p in picks), "done")
        return True

    def ask_own(self, topic: Topic) -> list[Pick]:
        """Own activities for a topic, each with the phase the aios thinks fits."""
        result: list[Pick] = []
        while True:
            key = "wizard.own_title" if not result else "wizard.own_more"
            title = _text(t(key, title=topic.title))
            if not title:
                return result
            example = topic.example(title)
            if example is not None:  # typed an example's title: it keeps its phase
                result.append(Pick(topic.id, example.title, example.phase))
                continue
            phase_options: list[Option[PhaseId | None]] = [Option(t("wizard.no_phase"), None)]
            phase_options += [Option(t(f"wizard.phase_choice.{p}"), p) for p in PHASES]
            phase = _select(t("wizard.own_phase"), phase_options, default=None)
            result.append(Pick(topic.id, title, phase, own_phase=phase is not None))
            _say(f"  + {title} ({_phase_label(phase)})", "done")

    def default_titles(self) -> dict[str, set[str]]:
        """Per topic, the examples ``--no-input`` would choose for this training."""
        d = self.details
        key = d.calendar()
        if self._defaults is None or self._defaults[0] != key:
            first = first_open_year(key, self.today)
            titles: dict[str, set[str]] = {}
            for pick in default_picks(self.fw, d.years, first):
                titles.setdefault(pick.topic, set()).add(pick.title)
            self._defaults = (key, titles)
        return self._defaults[1]

    def ordered_picks(self) -> list[Pick]:
        return [p for topic in self.topics for p in self.picks.get(topic.id, [])]

    def schedule(self) -> list[Pick]:
        """Every pick with a year: the user's own choice, else the scheduler's."""
        picks = self.ordered_picks()
        d = self.details
        first = first_open_year(d.calendar(), self.today)
        proposed = propose(picks, d.years, first) if picks else []
        last = timeline.year_count(d.years)
        for pick, year in zip(picks, proposed, strict=True):
            fixed = self.fixed_years.get((pick.topic, pick.title))
            pick.year = fixed if fixed is not None and fixed <= last else year
        return picks

    def ask_years(self) -> bool:
        picks = self.schedule()
        d = self.details
        years = {ty.number: ty for ty in d.calendar().training_years()}
        _say("")
        _say(t("wizard.years_heading"), "heading")
        _say(t("wizard.years_intro"), "muted")
        order = {tid: i for i, tid in enumerate(self.fw.topic_ids())}
        while True:
            loads = Counter(p.year for p in picks)
            spread = " · ".join(
                t("wizard.load", number=n, count=loads.get(n, 0)) for n in sorted(years)
            )
            choices: list[Option[Any]] = [Option(t("wizard.years_ok"), OK)]
            shown = sorted(
                range(len(picks)),
                key=lambda i: (picks[i].year or 0, order.get(picks[i].topic, 0), i),
            )
            for i in shown:
                pick = picks[i]
                ty = years[pick.year or 1]
                topic = self.fw.topic(pick.topic)
                choices.append(
                    Option(
                        t(
                            "wizard.pick_line",
                            number=ty.number,
                            phase=t(f"phase.{ty.phase}"),
                            topic=topic.title if topic else pick.topic,
                            title=pick.title,
                        )
                        + (
                            ""
                            if pick.phase in (None, ty.phase)
                            else f"  ({_phase_label(pick.phase)})"
                        ),
                        i,
                    )
                )
            choices.append(Option(t("wizard.back"), BACK))
            answer = _select(t("wizard.years_question", spread=spread), choices, default=OK)
            if answer == OK:
                _say("  ✔ " + t("wizard.years_done"), "done")
                return True
            if answer == BACK:
                return False
            pick = picks[answer]
            year = _select(
                t("wizard.year_for", title=pick.title),
                [
                    Option(
                        t(
                            "wizard.year_choice",
                            number=ty.number,
                            phase=t(f"phase.{ty.phase}"),
                            start=ty.start.isoformat(),
                            end=ty.end.isoformat(),
                        ),
                        ty.number,
                    )
                    for ty in years.values()
                ],
                default=pick.year,
            )
            pick.year = year
            self.fixed_years[(pick.topic, pick.title)] = year
            self.keep(self.step)

    def ask_courses(self) -> bool:
        fw = self.fw
        if self.course_ids is None:
            self.course_ids = [req.any_of[0] for req in fw.courses.requirements]
        _say("")
        _say(t("wizard.courses_heading"), "heading")
        _say(t("wizard.courses_required"), "muted")
        for req in fw.courses.requirements:
            _say(f"  • {req.title}", "muted")
        options: list[Option[str] | None] = [
            Option(course.title, course.id, checked=course.id in self.course_ids)
            for course in (*fw.courses.required, *fw.courses.optional)
        ]
        options += [None, Option(t("wizard.back"), BACK)]
        answer = _checkbox(t("wizard.courses_question"), options)
        if BACK in answer:
            return False
        self.course_ids = answer
        titles = [c.title for c in (*fw.courses.required, *fw.courses.optional) if c.id in answer]
        _say("  ✔ " + ("; ".join(titles) or t("wizard.none")), "done")
        return True

    def ask_improvement_points(self) -> bool:
        _say("")
        _say(t("wizard.improve_heading"), "heading")
        _say(t("wizard.improve_intro"), "muted")
        answer = _select(
            t("wizard.improve_question"),
            [
                Option(t("wizard.improve_later"), OK),
                Option(t("wizard.improve_now"), "now"),
                Option(t("wizard.back"), BACK),
            ],
            default=OK,
        )
        if answer == BACK:
            return False
        if answer == OK:
            return True
        points: list[ImprovementPoint] = []
        for number in range(1, MAX_IMPROVEMENT_POINTS + 1):
            point = _text(t("wizard.improve_point", number=number))
            if not point:
                break
            how = _text(t("wizard.improve_how")) or None
            evidence = _text(t("wizard.improve_evidence")) or None
            points.append(ImprovementPoint(point=point, how=how, evidence=evidence))
        self.improvement_points = points
        _say("  ✔ " + ("; ".join(p.point for p in points) or t("wizard.none")), "done")
        return True

    def ask_write(self) -> bool:
        picks = self.schedule()
        covered = sum(1 for topic in self.topics if self.picks.get(topic.id))
        _say("")
        _say(
            t(
                "wizard.summary",
                activities=plural("count.activities", len(picks)),
                covered=covered,
                topics=len(self.topics),
                courses=plural("count.courses", len(self.course_ids or [])),
                points=plural("count.improvement_points", len(self.improvement_points)),
            ),
            "heading",
        )
        answer = _select(
            t("wizard.write_question", path=self.path),
            [
                Option(t("wizard.write", path=self.path), OK),
                Option(t("wizard.back"), BACK),
            ],
            default=OK,
        )
        return bool(answer == OK)

    # -- the result ---------------------------------------------------------------------
    def draft(self) -> Draft:
        d = self.details
        first = first_open_year(d.calendar(), self.today)
        courses = [
            CourseEntry.model_validate({"course": cid, "year": course_year(i, d.years, first)})
            for i, cid in enumerate(self.course_ids or [])
        ]
        return Draft(
            details=d,
            picks=self.schedule(),
            courses=courses,
            improvement_points=list(self.improvement_points),
        )


def _years_text(years: float) -> str:
    return str(int(years)) if float(years).is_integer() else str(years)


def run(
    fw: Framework,
    defaults: Defaults,
    today: dt.date,
    path: str,
    *,
    saved: Answers | None = None,
    save: Callable[[Answers], None] | None = None,
    kept_in: str = "",
) -> Draft:
    """Ask everything; the draft of the plan to write (Ctrl-C raises Interrupted).

    ``saved``: answers of an earlier run, offered to go on with; ``save`` receives the
    answers after every step; ``kept_in`` names where they are kept, for the messages.
    """
    return Wizard(fw, defaults, today, path, saved=saved, save=save, kept_in=kept_in).run()
