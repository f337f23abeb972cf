"""The framework: competencies, topics, activities, material, courses, phases, levels.

The models only; :mod:`mlplan.io.loading` reads them from ``data/framework.yaml`` (shipped
inside the package) or from a file given with ``--framework`` / ``MLPLAN_FRAMEWORK``.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from mlplan.model import fields
from mlplan.model.vocabulary import PHASES as PHASES  # importable from here, as before
from mlplan.model.vocabulary import PhaseId as PhaseId

LevelId = Literal["basis", "verdieping", "specialisatie"]
MaterialKind = Literal[
    "video",
    "cursus",
    "workshop",
    "literatuur",
    "zelftest",
    "website",
    "document",
    "training",
    "overig",
]
CourseKind = Literal["cursus", "talentprogramma", "leergang", "traject", "module", "nascholing"]

Id = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]
Text = fields.Text
Int = fields.Int


def _one_or_more(value: object) -> object:
    """``level: verdieping`` and ``level: [verdieping, specialisatie]`` both read as a list."""
    return [value] if isinstance(value, str) else value


# A course may sit at more than one level: the source's optional courses are
# "verdieping- en specialisatieniveau" as a whole list.
Levels = Annotated[list[LevelId], BeforeValidator(_one_or_more), Field(min_length=1)]


_QUOTES = "'\"‘’“”‚„"


def normalise_title(title: str) -> str:
    """How titles are compared: case, surrounding spaces and quotes do not matter
    (the source writes ‘Verwonder en Verbeter’ with typographic quotes)."""
    return title.strip().strip(_QUOTES).strip().casefold()


class FrameworkModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Level(FrameworkModel):
    id: LevelId
    title: Text
    description: Text


class Phase(FrameworkModel):
    id: PhaseId
    title: Text
    goals: list[Text] = []
    examples: list[Text] = []


class CanMeds(FrameworkModel):
    key_competency: Annotated[Int, Field(ge=1)]
    text: Text


class ExampleActivity(FrameworkModel):
    title: Text
    phase: PhaseId | None = None


class Material(FrameworkModel):
    title: Text
    provider: Text | None = None
    kind: MaterialKind
    url: Annotated[str, Field(pattern=r"^https?://\S+$")] | None = None


class Topic(FrameworkModel):
    id: Id
    title: Text
    heading: Text | None = None
    min_activities: Annotated[Int, Field(ge=1)] = 1
    objectives: list[Text] = []
    objectives_note: Text | None = None
    activities: Annotated[list[ExampleActivity], Field(min_length=1)]
    materials: list[Material] = []

    def example(self, title: str) -> ExampleActivity | None:
        """The example activity with this title, ignoring case, surrounding spaces and quotes."""
        return self._examples.get(normalise_title(title))

    @cached_property
    def _examples(self) -> dict[str, ExampleActivity]:
        """The examples by normalised title (the first of equal ones), made once: every
        activity of every plan in a group is looked up here."""
        found: dict[str, ExampleActivity] = {}
        for activity in self.activities:
            found.setdefault(normalise_title(activity.title), activity)
        return found


class Competency(FrameworkModel):
    number: Annotated[Int, Field(ge=1)]
    title: Text
    canmeds: CanMeds
    topics: Annotated[list[Topic], Field(min_length=1)]


class Course(FrameworkModel):
    id: Id
    title: Text
    kind: CourseKind = "cursus"
    level: Levels | None = None
    provider: Text | None = None
    description: Text | None = None
    note: Text | None = None
    duration_minutes: Annotated[Int, Field(gt=0)] | None = None
    accreditation_points: Annotated[fields.Number, Field(gt=0)] | None = None
    goals: list[Text] = []
    topics: list[Id] = []
    url: Annotated[str, Field(pattern=r"^https?://\S+$")] | None = None
    source: Text | None = None


class Requirement(FrameworkModel):
    """One required-course rule: any one of ``any_of`` satisfies it."""

    id: Id
    title: Text
    any_of: Annotated[list[Id], Field(min_length=1)]


class Courses(FrameworkModel):
    requirements: list[Requirement] = []
    required: list[Course] = []
    optional: list[Course] = []


class Reflection(FrameworkModel):
    """The questions the source's tips ask an aios to go through for each competency
    before making plans (``mlplan prepare`` puts them on the preparation sheet)."""

    title: Text  # where they come from, as the source heads them
    intro: Text
    questions: Annotated[list[Text], Field(min_length=1)]


class Framework(FrameworkModel):
    id: Id
    title: Text
    publisher: Text
    year: Int
    rule: Text
    levels: list[Level]
    phases: list[Phase]
    competencies: Annotated[list[Competency], Field(min_length=1)]
    courses: Courses
    # optional: a framework of one's own may have no such tips
    reflection: Reflection | None = None

    # -- lookups (the framework is frozen, so these are computed once) ----------------
    @cached_property
    def _topics(self) -> dict[str, tuple[Competency, Topic]]:
        return {t.id: (c, t) for c in self.competencies for t in c.topics}

    @cached_property
    def _courses(self) -> dict[str, Course]:
        return {c.id: c for c in (*self.courses.required, *self.courses.optional)}

    def topics(self) -> Iterator[tuple[Competency, Topic]]:
        yield from self._topics.values()

    def topic_ids(self) -> list[str]:
        return list(self._topics)

    def topic(self, topic_id: str) -> Topic | None:
        found = self._topics.get(topic_id)
        return found[1] if found else None

    def competency_of(self, topic_id: str) -> Competency | None:
        found = self._topics.get(topic_id)
        return found[0] if found else None

    def course(self, course_id: str) -> Course | None:
        return self._courses.get(course_id)

    def course_ids(self) -> list[str]:
        return list(self._courses)

    def phase(self, phase_id: str) -> Phase | None:
        return next((p for p in self.phases if p.id == phase_id), None)


def consistency(fw: Framework) -> list[tuple[fields.Loc, str, dict[str, Any]]]:
    """Cross-references pydantic cannot see: unique ids, resolvable references."""
    problems: list[tuple[fields.Loc, str, dict[str, Any]]] = []
    if [p.id for p in fw.phases] != list(PHASES):
        problems.append((("phases",), "framework.phases", {"expected": ", ".join(PHASES)}))
    seen: dict[str, fields.Loc] = {}
    numbers: set[int] = set()
    for ci, comp in enumerate(fw.competencies):
        if comp.number in numbers:
            problems.append(
                (
                    ("competencies", ci, "number"),
                    "framework.duplicate_number",
                    {"number": comp.number},
                )
            )
        numbers.add(comp.number)
        for ti, topic in enumerate(comp.topics):
            loc: fields.Loc = ("competencies", ci, "topics", ti, "id")
            if topic.id in seen:
                problems.append((loc, "framework.duplicate_id", {"id": topic.id}))
            seen[topic.id] = loc
    course_ids: set[str] = set()
    for group in ("required", "optional"):
        for i, course in enumerate(getattr(fw.courses, group)):
            loc = ("courses", group, i, "id")
            if course.id in seen or course.id in course_ids:
                problems.append((loc, "framework.duplicate_id", {"id": course.id}))
            course_ids.add(course.id)
            for j, ref in enumerate(course.topics):
                if ref not in fw.topic_ids():
                    problems.append(
                        (("courses", group, i, "topics", j), "framework.unknown_topic", {"id": ref})
                    )
    required = {c.id for c in fw.courses.required}
    for i, req in enumerate(fw.courses.requirements):
        for j, ref in enumerate(req.any_of):
            if ref not in required:
                problems.append(
                    (
                        ("courses", "requirements", i, "any_of", j),
                        "framework.unknown_course",
                        {"id": ref},
                    )
                )
    return problems
