"""The vocabularies: each closed set of words that plans, the command line and the pages
share, declared once with its order and the catalogue keys of its labels.

A vocabulary's identifiers are what a plan file holds (``status: in_progress``) and what
an option takes (``--phase midden``); its labels are what the output says (``bezig``,
``in progress``). Every other module reads the identifiers and their order from here:
the plan's and the framework's models (as the types below), the rules, the scheduler,
the edit commands and the command line's choices, so no two of them can disagree.

A vocabulary has two typing forms, for two readers: a ``StrEnum`` where the plan's JSON
Schema names the set (``Status``, ``MeetingKind``, ``Outcome``, ``InterruptionReason``:
their docstrings are the schema's descriptions, Dutch like every description in
``mlplan.model.plan``), else a ``Literal`` whose values are the tuple (``PHASES`` is
``get_args(PhaseId)``). :data:`VOCABULARIES` lists each with its label families;
``tests/test_vocabulary.py`` holds every identifier to a label in every catalogue.

Standard library only and nothing worked out at import: every command loads this
module, the quick ``check`` too.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal, get_args


class Vocabulary:
    """One vocabulary: its identifiers in their order, and the catalogue key prefixes of
    its label families (``label_key`` words an identifier with the first).

    A plain class: ``@dataclass`` would cost every start-up 0.6 ms to build it."""

    __slots__ = ("ids", "labels", "name")

    def __init__(self, name: str, ids: tuple[str, ...], labels: tuple[str, ...] = ()) -> None:
        self.name = name
        self.ids = ids
        self.labels = labels  # ("phase",): the label of "begin" is the key "phase.begin"

    def __repr__(self) -> str:
        return f"Vocabulary({self.name!r}, {self.ids!r}, {self.labels!r})"

    def label_key(self, ident: str, family: int = 0) -> str:
        """The catalogue key of ``ident``'s label (of its ``family``-th label family)."""
        return f"{self.labels[family]}.{ident}"


# -- the learning curve: the three phases of the training, in their order ----------------

PhaseId = Literal["begin", "midden", "eind"]
PHASES: tuple[PhaseId, ...] = get_args(PhaseId)


# -- the plan's entries ------------------------------------------------------------------


class Status(StrEnum):
    """Status: planned (gepland), in_progress (bezig), done (afgerond), dropped (vervallen)."""

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


class MeetingKind(StrEnum):
    """Soort gesprek: introductie, voortgang of geschiktheid."""

    INTRODUCTIE = "introductie"
    VOORTGANG = "voortgang"
    GESCHIKTHEID = "geschiktheid"


class Outcome(StrEnum):
    """Uitkomst van een afspraak: behaald, deels, niet behaald of doorgeschoven."""

    ACHIEVED = "achieved"
    PARTLY = "partly"
    NOT_ACHIEVED = "not_achieved"
    CARRIED_OVER = "carried_over"


class InterruptionReason(StrEnum):
    """Reden van een onderbreking: zwangerschap, ziekte, verlof, onderzoek of overig."""

    ZWANGERSCHAP = "zwangerschap"
    ZIEKTE = "ziekte"
    VERLOF = "verlof"
    ONDERZOEK = "onderzoek"
    OVERIG = "overig"


# who holds an agreement (``owner:``); any other name is kept as written
OWNER_ROLES: tuple[str, ...] = ("aios", "opleider")


# -- the group overview's orders (``summary --sort``): shown as they are, no labels ------

SortKey = Literal["name", "year", "coverage", "overdue"]
SORT_KEYS: tuple[SortKey, ...] = get_args(SortKey)


def _values(kind: type[StrEnum]) -> tuple[str, ...]:
    return tuple(member.value for member in kind)


PHASE = Vocabulary("phase", PHASES, ("phase", "wizard.phase_choice"))
STATUS = Vocabulary("status", _values(Status), ("status",))
MEETING_KIND = Vocabulary("meeting_kind", _values(MeetingKind), ("meeting",))
OUTCOME = Vocabulary("outcome", _values(Outcome), ("outcome", "diff.outcome"))
INTERRUPTION_REASON = Vocabulary(
    "interruption_reason", _values(InterruptionReason), ("calendar.reason",)
)
SORT_KEY = Vocabulary("sort_key", SORT_KEYS)
OWNER_ROLE = Vocabulary("owner_role", OWNER_ROLES, ("agreement.owner",))
VOCABULARIES: tuple[Vocabulary, ...] = (
    PHASE,
    STATUS,
    MEETING_KIND,
    OUTCOME,
    INTERRUPTION_REASON,
    SORT_KEY,
    OWNER_ROLE,
)
