"""The interactive wizard of ``mlplan init`` (questionary prompts on a terminal).

Imported only when ``init`` runs on a terminal, so no other command pays for
questionary and prompt_toolkit. Steps: the aios's details, each topic (pick examples
with space, or type an own activity), the training years the scheduler proposes
(change any), the courses, the TOP 3 improvement points, and a last look before
writing. Every question but the first offers "← terug" (back). Ctrl-C anywhere raises
:class:`mlplan.errors.Interrupted`; nothing is written until the last step.

Checkbox and select prompts are erased once answered (prompt_toolkit's
``erase_when_done``) and the answer is printed in the user's language, because
questionary would print its own English summary ("done (2 selections)").
"""

from __future__ import annotations

import datetime as dt
import shutil
import textwrap
from collections import Counter
from dataclasses import dataclass
from typing import Any

import questionary
from questionary import Choice, Separator

from mlplan import timeline, yamlloc
from mlplan.errors import Interrupted
from mlplan.framework import PHASES, Framework, PhaseId, Topic, normalise_title
from mlplan.i18n import plural, t
from mlplan.initplan import (
    Details,
    Draft,
    Pick,
    course_year,
    parse_date,
    parse_years,
    propose,
)
from mlplan.plan import CourseEntry, ImprovementPoint
from mlplan.scheduler import first_open_year

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


def _select(message: str, choices: list[Any], default: Any = None) -> Any:
    return _ask(
        questionary.select(
            message,
            choices=choices,
            default=default,
            instruction=t("wizard.select_instruction"),
            erase_when_done=True,
        )
    )


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


def _text(message: str, default: str = "", *, required: bool = False, check: Any = None) -> str:
    def validate(value: str) -> bool | str:
        if required and yamlloc.is_blank(value):
            return t("wizard.required")
        if check is not None and value.strip():
            result: bool | str = check(value)
            return result
        return True

    answer: str = _ask(questionary.text(message, default=default, validate=validate))
    text = " ".join(answer.split())
    return "" if yamlloc.is_blank(text) else text


def _phase_label(phase: PhaseId | None) -> str:
    return t(f"phase.{phase}") if phase else t("wizard.no_phase")


class Wizard:
    """The wizard's state: one step at a time, forward and back."""

    def __init__(self, fw: Framework, defaults: Defaults, today: dt.date, path: str) -> None:
        self.fw = fw
        self.today = today
        self.path = path
        self.topics: list[Topic] = [topic for _, topic in fw.topics()]
        self.details = Details(
            name=defaults.name or "",
            start=defaults.start,
            years=defaults.years,
            specialty=defaults.specialty,
            institution=defaults.institution,
            supervisor=defaults.supervisor,
        )
        self.picks: dict[str, list[Pick]] = {}
        self.fixed_years: dict[tuple[str, str], int] = {}  # the user's own choices
        self.course_ids: list[str] | None = None
        self.improvement_points: list[ImprovementPoint] = []

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
        _say(t("wizard.welcome", path=self.path), "heading")
        _say(t("wizard.keys"), "muted")
        step = 0
        while step < len(steps):
            forward = steps[step]()
            step = step + 1 if forward else max(step - 1, 0)
        return self.draft()

    def ask_details(self) -> bool:
        d = self.details
        _say("")
        _say(t("wizard.details"), "heading")
        d.name = _text(t("wizard.name"), d.name, required=True)
        d.specialty = _text(t("wizard.specialty"), d.specialty or "") or None
        d.institution = _text(t("wizard.institution"), d.institution or "") or None
        d.supervisor = _text(t("wizard.supervisor"), d.supervisor or "") or None
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
        first = timeline.training_years(d.start, d.years)
        phases = ", ".join(
            t("wizard.year_phase", number=ty.number, phase=t(f"phase.{ty.phase}")) for ty in first
        )
        _say(t("wizard.training", end=timeline.training_end(d.start, d.years), phases=phases))
        return True

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
        previous = self.picks.get(topic.id, [])
        chosen_titles = {p.title for p in previous}
        examples = [a.title for a in topic.activities]
        choices: list[Any] = [
            Choice(
                f"{a.title}" + (f"  [{t(f'phase.{a.phase}')}]" if a.phase else ""),
                value=("example", a.title),
                checked=a.title in chosen_titles,
            )
            for a in topic.activities
        ]
        own_previous = [p for p in previous if p.title not in examples]
        choices += [
            Choice(f"{p.title}  ({t('wizard.own_label')})", value=("own", p.title), checked=True)
            for p in own_previous
        ]
        choices += [
            Separator(),
            Choice(t("wizard.own_new"), value=OWN),
            Choice(t("wizard.back"), value=BACK),
        ]
        while True:
            answer: list[Any] = _ask(
                questionary.checkbox(
                    t("wizard.pick", title=topic.title),
                    choices=choices,
                    instruction=t("wizard.checkbox_instruction"),
                    erase_when_done=True,
                )
            )
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
            phase: PhaseId | None = _select(
                t("wizard.own_phase"),
                [Choice(t("wizard.no_phase"), value=None)]
                + [Choice(t(f"wizard.phase_choice.{p}"), value=p) for p in PHASES],
            )
            result.append(Pick(topic.id, title, phase, own_phase=phase is not None))
            _say(f"  + {title} ({_phase_label(phase)})", "done")

    def ordered_picks(self) -> list[Pick]:
        return [p for topic in self.topics for p in self.picks.get(topic.id, [])]

    def schedule(self) -> list[Pick]:
        """Every pick with a year: the user's own choice, else the scheduler's."""
        picks = self.ordered_picks()
        d = self.details
        first = first_open_year(d.start, d.years, self.today)
        proposed = propose(picks, d.years, first) if picks else []
        last = timeline.year_count(d.years)
        for pick, year in zip(picks, proposed, strict=True):
            fixed = self.fixed_years.get((pick.topic, pick.title))
            pick.year = fixed if fixed is not None and fixed <= last else year
        return picks

    def ask_years(self) -> bool:
        picks = self.schedule()
        d = self.details
        years = {ty.number: ty for ty in timeline.training_years(d.start, d.years)}
        _say("")
        _say(t("wizard.years_heading"), "heading")
        _say(t("wizard.years_intro"), "muted")
        order = {tid: i for i, tid in enumerate(self.fw.topic_ids())}
        while True:
            loads = Counter(p.year for p in picks)
            spread = " · ".join(
                t("wizard.load", number=n, count=loads.get(n, 0)) for n in sorted(years)
            )
            choices: list[Any] = [Choice(t("wizard.years_ok"), value=OK)]
            shown = sorted(
                range(len(picks)),
                key=lambda i: (picks[i].year or 0, order.get(picks[i].topic, 0), i),
            )
            for i in shown:
                pick = picks[i]
                ty = years[pick.year or 1]
                topic = self.fw.topic(pick.topic)
                choices.append(
                    Choice(
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
                        value=i,
                    )
                )
            choices.append(Choice(t("wizard.back"), value=BACK))
            answer = _select(t("wizard.years_question", spread=spread), choices)
            if answer == OK:
                _say("  ✔ " + t("wizard.years_done"), "done")
                return True
            if answer == BACK:
                return False
            pick = picks[answer]
            year = _select(
                t("wizard.year_for", title=pick.title),
                [
                    Choice(
                        t(
                            "wizard.year_choice",
                            number=ty.number,
                            phase=t(f"phase.{ty.phase}"),
                            start=ty.start.isoformat(),
                            end=ty.end.isoformat(),
                        ),
                        value=ty.number,
                    )
                    for ty in years.values()
                ],
                default=pick.year,
            )
            pick.year = year
            self.fixed_years[(pick.topic, pick.title)] = year

    def ask_courses(self) -> bool:
        fw = self.fw
        if self.course_ids is None:
            self.course_ids = [req.any_of[0] for req in fw.courses.requirements]
        _say("")
        _say(t("wizard.courses_heading"), "heading")
        _say(t("wizard.courses_required"), "muted")
        for req in fw.courses.requirements:
            _say(f"  • {req.title}", "muted")
        choices: list[Any] = [
            Choice(course.title, value=course.id, checked=course.id in self.course_ids)
            for course in (*fw.courses.required, *fw.courses.optional)
        ]
        choices += [Separator(), Choice(t("wizard.back"), value=BACK)]
        answer: list[str] = _ask(
            questionary.checkbox(
                t("wizard.courses_question"),
                choices=choices,
                instruction=t("wizard.checkbox_instruction"),
                erase_when_done=True,
            )
        )
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
                Choice(t("wizard.improve_later"), value=OK),
                Choice(t("wizard.improve_now"), value="now"),
                Choice(t("wizard.back"), value=BACK),
            ],
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
                Choice(t("wizard.write", path=self.path), value=OK),
                Choice(t("wizard.back"), value=BACK),
            ],
        )
        return bool(answer == OK)

    # -- the result ---------------------------------------------------------------------
    def draft(self) -> Draft:
        d = self.details
        first = first_open_year(d.start, d.years, self.today)
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


def run(fw: Framework, defaults: Defaults, today: dt.date, path: str) -> Draft:
    """Ask everything; the draft of the plan to write (Ctrl-C raises Interrupted)."""
    return Wizard(fw, defaults, today, path).run()
