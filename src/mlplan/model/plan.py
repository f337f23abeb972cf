"""The plan file, version 1: the aios's leadership plan for the IOP.

Exactly the keys of the spec, ``extra="forbid"`` everywhere so a typo is an error and
never silently dropped data. Descriptions are Dutch: they show up as hover help in an
editor through ``mlplan schema``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    model_serializer,
    model_validator,
)
from pydantic_core import PydanticCustomError

from mlplan.model import fields, timeline

# the plan's vocabularies are declared in mlplan.model.vocabulary, and importable from here
from mlplan.model.vocabulary import InterruptionReason as InterruptionReason
from mlplan.model.vocabulary import MeetingKind as MeetingKind
from mlplan.model.vocabulary import Outcome as Outcome
from mlplan.model.vocabulary import PhaseId
from mlplan.model.vocabulary import Status as Status

if TYPE_CHECKING:
    from mlplan.model.framework import Framework

MAX_YEARS = 15


def _iso_date(value: Any) -> Any:
    """Accept ``YYYY-MM-DD`` only: YAML gives dates as strings (see yamlloc), and an
    integer would otherwise be read by pydantic as a Unix timestamp."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("mlplan.schema.date_format", "expected a date YYYY-MM-DD")
    if not timeline.iso_shape(value.strip()):
        raise PydanticCustomError("mlplan.schema.date_format", "expected a date YYYY-MM-DD")
    parsed = timeline.parse_iso_date(value)
    if parsed is None:
        raise PydanticCustomError("mlplan.schema.date_impossible", "impossible date")
    return parsed


def _version(value: Any) -> Any:
    """``version: true`` and ``version: 1.0`` equal 1 to Python; only the integer is 1."""
    if type(value) is not int:
        raise PydanticCustomError("mlplan.schema.expected_choice", "expected 1", {"expected": "1"})
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
Text = fields.Text
Year = Annotated[fields.Int, Field(ge=1)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)


class Aios(_Model):
    """De aios (arts in opleiding tot specialist) van wie dit plan is."""

    name: Text = Field(description="Naam van de aios.")
    specialty: Text | None = Field(None, description="Specialisme, bijvoorbeeld Neurologie.")
    institution: Text | None = Field(None, description="Opleidingsinstelling, bijvoorbeeld LUMC.")
    supervisor: Text | None = Field(None, description="Opleider, bijvoorbeeld dr. J. Jansen.")


MIN_PERCENT, MAX_PERCENT = 50, 100


class PartTimePeriod(_Model):
    """Een periode van deeltijd: de opleidingstijd telt naar rato van het percentage."""

    model_config = ConfigDict(extra="forbid", defer_build=True, populate_by_name=True)

    start: IsoDate = Field(alias="from", description="Eerste dag van de periode (JJJJ-MM-DD).")
    end: IsoDate | None = Field(
        None,
        alias="to",
        description="Laatste dag van de periode (JJJJ-MM-DD); zonder: tot nader order.",
    )
    percent: Annotated[fields.Int, Field(ge=MIN_PERCENT, le=MAX_PERCENT)] = Field(
        description="Deeltijdpercentage, 50 tot en met 100."
    )


class TrainingInterruption(_Model):
    """Een onderbreking: in deze periode telt er geen opleidingstijd."""

    model_config = ConfigDict(extra="forbid", defer_build=True, populate_by_name=True)

    start: IsoDate = Field(alias="from", description="Eerste dag van de onderbreking (JJJJ-MM-DD).")
    end: IsoDate = Field(alias="to", description="Laatste dag van de onderbreking (JJJJ-MM-DD).")
    reason: InterruptionReason = Field(
        description="zwangerschap, ziekte, verlof, onderzoek of overig."
    )
    notes: Text | None = Field(None, description="Vrije aantekeningen.")


def _no_items() -> list[Any]:
    """An empty list. Not ``default_factory=_no_items``: pydantic reads its factory's signature,
    which for a builtin on Python < 3.13 costs a check 5 ms of compiling tokenize's patterns."""
    return []


# How often the gesprekscyclus meets by default: a voortgangsgesprek at least once a year.
# A product default, not a claim about the Kaderbesluit or a specialty's opleidingsplan;
# ``training.meeting_interval_months`` sets a plan's own rhythm (docs/rules.md, ML208).
MEETING_INTERVAL_MONTHS = 12
MAX_MEETING_INTERVAL_MONTHS = 36
IntervalMonths = Annotated[fields.Int, Field(ge=1, le=MAX_MEETING_INTERVAL_MONTHS)]


class Training(_Model):
    """De opleiding: startdatum en (geïndividualiseerde) duur."""

    start: IsoDate = Field(description="Startdatum van de opleiding (JJJJ-MM-DD).")
    years: Annotated[fields.Number, Field(gt=0, le=MAX_YEARS)] = Field(
        description="Duur in jaren bij voltijd, groter dan 0; mag een breuk zijn, "
        "bijvoorbeeld 4.5. Deeltijd en onderbrekingen verlengen de opleiding vanzelf."
    )
    part_time: list[PartTimePeriod] = Field(
        default_factory=_no_items,
        description="Perioden van deeltijd (from, to, percent); daarbuiten voltijd.",
    )
    interruptions: list[TrainingInterruption] = Field(
        default_factory=_no_items,
        description="Onderbrekingen (from, to, reason, notes), waarin geen opleidingstijd telt.",
    )
    meeting_interval_months: IntervalMonths | None = Field(
        default=None,
        description="Hoeveel maanden er hoogstens tussen twee gesprekken uit de "
        "gesprekscyclus zitten; standaard 12. Een eigen afspraak, geen wettelijke termijn.",
    )

    @property
    def meeting_interval(self) -> int:
        """The months between two meetings of the gesprekscyclus (the plan's, else the default)."""
        return self.meeting_interval_months or MEETING_INTERVAL_MONTHS

    def calendar(self) -> timeline.Calendar:
        """The training's calendar: every command's years, dates and phases."""
        return timeline.Calendar(
            self.start,
            self.years,
            tuple(timeline.PartTime(p.start, p.end, p.percent) for p in self.part_time),
            tuple(
                timeline.Interruption(i.start, i.end, i.reason.value) for i in self.interruptions
            ),
        )

    @model_validator(mode="after")
    def _ends_in_the_calendar(self) -> Training:
        """Every date mlplan works out (years, phases, windows) lies within the calendar."""
        if not self.calendar().fits:  # part-time work and interruptions move the end
            raise PydanticCustomError(
                "mlplan.schema.training_too_late",
                "the training ends after 9999-12-31",
                {
                    "at": "start",
                    "start": self.start.isoformat(),
                    "years": f"{self.years:g}",
                    "last": timeline.LAST_DAY.isoformat(),
                },
            )
        return self


class Activity(_Model):
    """Een activiteit in de praktijk bij een onderwerp van het kader."""

    topic: Text = Field(
        description="Id van het onderwerp, bijvoorbeeld overlegmomenten (zie mlplan framework)."
    )
    title: Text = Field(
        description="Een voorbeeldactiviteit uit het kader of een eigen omschrijving."
    )
    year: Year = Field(description="Opleidingsjaar: 1 tot en met het laatste jaar.")
    goal: Text | None = Field(
        None, description="Leerdoel (concretisering) waaraan de activiteit werkt."
    )
    phase: PhaseId | None = Field(
        None,
        description="Fase van de leercurve (begin, midden, eind); overschrijft de fase uit het kader.",
    )
    status: Status = Field(Status.PLANNED, description="planned, in_progress, done of dropped.")
    done_on: IsoDate | None = Field(
        None, description="Datum waarop de activiteit is afgerond (JJJJ-MM-DD)."
    )
    evidence: Text | None = Field(
        None, description="Hoe het is aangetoond: KPB, 360°-feedback, verslag, …"
    )
    notes: Text | None = Field(None, description="Vrije aantekeningen.")


class CourseEntry(_Model):
    """Een cursus: een id uit het kader (bijvoorbeeld coach-the-co) of een eigen titel."""

    course: Text = Field(
        description="Id of titel van een cursus uit het kader, of een eigen titel "
        "(hoofdletters, spaties en koppeltekens tellen niet)."
    )
    satisfies: Text | None = Field(
        None,
        description="Voor een eigen, soortgelijke cursus: de verplichte cursus waaraan hij "
        "voldoet, bijvoorbeeld coach-the-co of doo-teamwork.",
    )
    year: Year | None = Field(None, description="Opleidingsjaar waarin de cursus valt.")
    status: Status = Field(Status.PLANNED, description="planned, in_progress, done of dropped.")
    done_on: IsoDate | None = Field(
        None, description="Datum waarop de cursus is afgerond (JJJJ-MM-DD)."
    )
    evidence: Text | None = Field(None, description="Bewijs, bijvoorbeeld een certificaat.")
    notes: Text | None = Field(None, description="Vrije aantekeningen.")


class ImprovementPoint(_Model):
    """Een van de TOP 3 verbeterpunten."""

    point: Text = Field(description="Het verbeterpunt.")
    how: Text | None = Field(None, description="Hoe de aios eraan werkt.")
    evidence: Text | None = Field(None, description="Hoe de aios aantoont dat het doel bereikt is.")


# the keys of an agreement in the order the spec lists them (the edit commands insert a new
# key after its predecessor)
AGREEMENT_KEYS = ("text", "owner", "due", "outcome", "topic", "activity", "course")


def _agreement_form(value: Any) -> Any:
    """An agreement is text (the version-1 form) or a mapping with ``text``: the text form
    reads as the mapping ``{text: ...}``, so every reader sees one shape. Anything else is
    one clear error rather than one per form."""
    if isinstance(value, str):
        return {"text": value}
    if isinstance(value, dict | Agreement):
        return value
    raise PydanticCustomError("mlplan.schema.agreement_type", "expected text or a mapping")


class Agreement(_Model):
    """Een afspraak uit een gesprek: tekst, of een mapping met tekst, eigenaar, termijn en uitkomst."""

    text: Text = Field(description="De afspraak.")
    owner: Text | None = Field(
        None, description="Wie de afspraak nakomt: aios, opleider of een naam."
    )
    due: IsoDate | None = Field(None, description="Wanneer de afspraak rond is (JJJJ-MM-DD).")
    outcome: Outcome | None = Field(
        None,
        description="Uitkomst, in het volgende gesprek vastgelegd: achieved, partly, "
        "not_achieved of carried_over; leeg zolang de afspraak openstaat.",
    )
    topic: Text | None = Field(None, description="Id van het onderwerp waarover de afspraak gaat.")
    activity: Text | None = Field(
        None, description="Titel van de activiteit uit dit plan waarover de afspraak gaat."
    )
    course: Text | None = Field(
        None, description="Id of titel van de cursus waarover de afspraak gaat."
    )

    @property
    def plain(self) -> bool:
        """Only text: what a version-1 plan writes as a string (and outputs show as one)."""
        return all(getattr(self, k) is None for k in AGREEMENT_KEYS[1:])

    @property
    def is_open(self) -> bool:
        """No outcome recorded yet."""
        return self.outcome is None

    @model_serializer(mode="wrap")
    def _as_written(self, handler: SerializerFunctionWrapHandler) -> Any:
        # a text-only agreement dumps as text, so JSON of a version-1 plan is unchanged
        return self.text if self.plain else handler(self)


def _agreements_schema(schema: dict[str, Any]) -> None:
    """In the JSON Schema an agreement is text or the mapping (the model reads both)."""
    prop = schema["properties"]["agreements"]
    prop["items"] = {"anyOf": [{"type": "string", "minLength": 1, "pattern": r"\S"}, prop["items"]]}


class Meeting(_Model):
    """Een gesprek uit de gesprekscyclus."""

    model_config = ConfigDict(
        extra="forbid", defer_build=True, json_schema_extra=_agreements_schema
    )

    date: IsoDate = Field(description="Datum van het gesprek (JJJJ-MM-DD).")
    kind: MeetingKind = Field(description="introductie, voortgang of geschiktheid.")
    notes: Text | None = Field(None, description="Verslag of aantekeningen.")
    agreements: list[Annotated[Agreement, BeforeValidator(_agreement_form)]] = Field(
        default_factory=_no_items,
        description="Gemaakte afspraken: elk een tekst, of een mapping met text (verplicht), "
        "owner, due, outcome en eventueel topic, activity of course.",
    )


class Plan(_Model):
    """Plan medisch leiderschap voor het individueel opleidingsplan (IOP), versie 1."""

    model_config = ConfigDict(
        extra="forbid",
        title="mlplan-plan",
        json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema"},
    )

    version: Annotated[Literal[1], BeforeValidator(_version)] = Field(
        description="Versie van het planformaat; altijd 1."
    )
    framework: Text | None = Field(
        None, description="Id van het kader; standaard fms-medisch-leiderschap-2017."
    )
    aios: Aios = Field(description="De aios van wie dit plan is: naam (verplicht) en gegevens.")
    training: Training = Field(
        description="De opleiding: startdatum en duur in jaren (beide verplicht)."
    )
    activities: list[Activity] = Field(
        default_factory=_no_items, description="Activiteiten per onderwerp."
    )
    courses: list[CourseEntry] = Field(
        default_factory=_no_items, description="Cursussen, verplichte en facultatieve."
    )
    improvement_points: list[ImprovementPoint] = Field(
        default_factory=_no_items, description="TOP 3 verbeterpunten (hoogstens drie)."
    )
    meetings: list[Meeting] = Field(
        default_factory=_no_items, description="Gesprekken uit de gesprekscyclus."
    )


SCHEMA_FILENAME = "mlplan-plan.schema.json"


def json_schema(fw: Framework | None = None) -> dict[str, Any]:
    """The plan's JSON Schema (2020-12) with Dutch descriptions, for editors.

    With a framework, the ids people type most (topics and courses) become completion
    choices with their titles as descriptions; a course stays free text as well, since an
    aios may name a course of their own.
    """
    schema = Plan.model_json_schema()
    if fw is not None:
        defs = schema["$defs"]
        topics = [{"const": topic.id, "description": topic.title} for _, topic in fw.topics()]
        defs["Activity"]["properties"]["topic"].update(type="string", oneOf=topics)
        agreement = defs["Agreement"]["properties"]
        agreement["topic"]["anyOf"] = [{"oneOf": topics}, {"type": "null"}]
        courses = [
            {"const": course_id, "description": course.title}
            for course_id in fw.course_ids()
            if (course := fw.course(course_id)) is not None
        ]
        # any text is valid (an own course); the framework's ids are offered first
        defs["CourseEntry"]["properties"]["course"]["anyOf"] = [{"oneOf": courses}, {}]
        agreement["course"]["anyOf"] = [{"oneOf": courses}, *agreement["course"]["anyOf"]]
        # what an own course may stand in for: a requirement, or a course one accepts
        requirements = [{"const": r.id, "description": r.title} for r in fw.courses.requirements]
        accepted = {c for r in fw.courses.requirements for c in r.any_of}
        ids = {r["const"] for r in requirements}
        stand_ins = [c for c in courses if c["const"] in accepted and c["const"] not in ids]
        # offered, not enforced: check matches them as leniently as course ids (ML003)
        satisfies = defs["CourseEntry"]["properties"]["satisfies"]
        satisfies["anyOf"] = [{"oneOf": requirements + stand_ins}, *satisfies["anyOf"]]
    return schema
