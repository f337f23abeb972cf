"""``mlplan add / done / status / move / meeting``: change a plan without an editor.

Every edit follows the same steps: read the file once (bytes and their digest), check
it, compute the new text with :mod:`mlplan.io.editing` (which splices only the affected
lines), check the new text (no *new* YAML or schema errors), then either print a
unified diff (``--dry-run``) or write it atomically, keeping ``PATH.bak`` and aborting
if the file changed on disk since it was read.

Positional arguments: ``mlplan done [PATH] ACTIVITY`` takes one or two words; with two,
the first is the plan file. ``status`` takes ``[PATH] ACTIVITY STATE`` the same way.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, TypeVar

from mlplan.cli.commands import completion, options
from mlplan.errors import Refused, UsageError
from mlplan.i18n import plural, t
from mlplan.io import fileio
from mlplan.model import timeline
from mlplan.model.diagnostics import REFUSED_CODES, Diagnostic
from mlplan.model.vocabulary import (
    OUTCOME,
    OWNER_ROLES,
    STATUS,
    MeetingKind,
    Outcome,
    PhaseId,
    Status,
    Vocabulary,
)
from mlplan.render import output

if TYPE_CHECKING:
    # the models load where the command runs: a TAB imports this module (its declaration)
    from mlplan.domain import checking
    from mlplan.io import editing
    from mlplan.model import fields
    from mlplan.model.framework import Framework
    from mlplan.model.plan import Agreement, Meeting, Plan, Training

P = ParamSpec("P")
R = TypeVar("R")
DEFAULT_PATH = Path("plan.yaml")
# what `status` sets; done is `mlplan done`, which also asks for the date and evidence
STATES = tuple(s.value for s in Status if s is not Status.DONE)
COMPLETION_KEYS = ("done_on", "evidence")  # what only a done activity has
_UTF8_BOM = b"\xef\xbb\xbf"


# -- arguments -------------------------------------------------------------------------


def _status_key(word: str) -> str:
    """How status words are compared: case, and spaces, dashes or underscores between
    words do not matter (``In progress``, ``in-progress`` and ``in_progress`` are one)."""
    return "_".join(word.replace("-", " ").replace("_", " ").casefold().split())


def choice_words(prefix: str, values: Iterable[str]) -> dict[str, str]:
    """Every word for one of ``values`` a user may type, in either language, to the
    value: the identifiers of the YAML and the words the output shows (``prefix.value``),
    compared as :func:`_status_key` does."""
    from mlplan.i18n import in_every_language

    words: dict[str, str] = {}
    for value in values:
        words[_status_key(value)] = value
        for word in in_every_language(f"{prefix}.{value}").values():
            words[_status_key(word)] = value
    return words


def typed_choice(value: str, prefix: str, values: Iterable[str]) -> str | None:
    """The identifier for a word typed on the command line (see :func:`choice_words`)."""
    return choice_words(prefix, values).get(_status_key(value))


def typed_word(vocabulary: Vocabulary, ident: str) -> str:
    """The word for ``ident`` to show as a choice: its label in the current language when
    that is one word on the command line, else the identifier (``in_progress``)."""
    word = t(vocabulary.label_key(ident))
    return word if " " not in word else ident


def parse_choice(
    value: str, vocabulary: Vocabulary, name: str, allowed: tuple[str, ...] | None = None
) -> str:
    """The identifier of ``vocabulary`` (one of ``allowed``, default all) for a word a
    command reads itself: a label in either language or the identifier (see
    :func:`choice_words`). Any other word fails as a bad choice of a typed option does
    (``usage.not_a_choice``, then the help): the words in the current language listed,
    and the identifiers, which the plan file holds, where they differ.

    The one checker of the words that no typed option can take (``mlplan status``'s
    status, ``training --interruption``'s reason); the options whose values are
    identifiers only (``--phase``, ``--kind``, ``--sort``) are typer's choices of the
    vocabulary, checked and worded by typer and :mod:`mlplan.cli.usage`.
    """
    values = vocabulary.ids if allowed is None else allowed
    chosen = typed_choice(value, vocabulary.labels[0], values)
    if chosen is None:
        from mlplan.cli import usage

        words = ", ".join(typed_word(vocabulary, v) for v in values)
        identifiers = ", ".join(values)
        also = t("edit.bad_status_also", words=identifiers) if identifiers != words else ""
        raise usage.not_a_choice(name, value, words + also)
    return chosen


def status_words() -> dict[str, str]:
    """Every word for a status a user may type, in either language, to its identifier:
    the identifiers of the YAML and the words ``mlplan plan`` shows (``status.*``)."""
    return choice_words(STATUS.labels[0], STATUS.ids)


def parse_status(value: str) -> str:
    """The status identifier for a word typed after ``mlplan status`` (Dutch or English
    word, or the identifier); ``done`` is refused: that is ``mlplan done``."""
    if status_words().get(_status_key(value)) == Status.DONE:
        raise UsageError("edit.status_done")
    return parse_choice(value, STATUS, "STATUS", STATES)


def split_args(args: list[str], wanted: int, usage_key: str) -> tuple[Path, list[str]]:
    """``[PATH] WORD…``: ``wanted`` words, optionally preceded by the plan's path."""
    usage = t(usage_key)
    if len(args) == wanted + 1:
        return Path(args[0]), args[1:]
    if len(args) == wanted:
        first = args[0]
        if wanted == 1 and first.lower().endswith((".yaml", ".yml")) and Path(first).is_file():
            raise UsageError("edit.missing_activity", path=first, usage=usage)
        return DEFAULT_PATH, list(args)
    raise UsageError("edit.args", usage=usage)


# -- reading, checking, writing ----------------------------------------------------------


@dataclass
class Session:
    """One plan file as read: its exact text (BOM included), digest and findings."""

    path: Path
    display: str
    text: str
    digest: str
    fw: Framework
    today: dt.date
    checked: checking.CheckedPlan

    @property
    def data(self) -> Any:
        return self.checked.document.data


def _print_diagnostics(diagnostics: list[Diagnostic]) -> None:
    for d in diagnostics:
        output.finding(d)


def _refuse(msg_id: str, /, **params: Any) -> Refused:
    output.error(t(msg_id, **params))
    return Refused()


_locks: list[contextlib.ExitStack] = []  # the running command's locks (see ``locked``)


def locked(fn: Callable[P, R]) -> Callable[P, R]:
    """Run an edit command holding the plan's lock from the read in :func:`open_plan` to
    the end of the write, so two edits of one plan never lose one another's change."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with contextlib.ExitStack() as stack:
            _locks.append(stack)
            try:
                return fn(*args, **kwargs)
            finally:
                _locks.remove(stack)

    return wrapper


def open_plan(path: Path, framework_path: Path | None, today: dt.date) -> Session:
    """Read the plan once; refuse (exit 1) when its YAML cannot be edited safely."""
    from mlplan.domain import checking
    from mlplan.io import editing, yamlloc
    from mlplan.io.loading import load_framework

    display = str(path)
    fw = load_framework(framework_path)
    if _locks:  # before the read: the whole read-modify-write is one step for others
        _locks[-1].enter_context(fileio.plan_lock(path))
    raw = yamlloc.read_bytes(path, display)
    body, problem = yamlloc.decode(raw, display)
    if body is None:
        assert problem is not None
        _print_diagnostics([problem])
        raise _refuse("edit.refuse.yaml_errors", path=display)
    text = (editing.BOM if raw.startswith(_UTF8_BOM) else "") + body
    checked = checking.check_text(body, display, fw, today)
    yaml_errors = [d for d in checked.diagnostics if d.code == "ML001"]
    if yaml_errors:
        _print_diagnostics(yaml_errors)
        raise _refuse("edit.refuse.yaml_errors", path=display)
    return Session(path, display, text, fileio.digest(raw), fw, today, checked)


# Errors an edit must never add: YAML, schema, and an impossible completion date (ML103,
# e.g. ``done --on`` after today or before the training started).


def _structural(checked: checking.CheckedPlan) -> Counter[tuple[str, str, str]]:
    """The errors of :data:`REFUSED_CODES`, without their positions (an edit moves lines)."""
    return Counter(
        (d.code, d.key, repr(sorted(d.params.items())))
        for d in checked.diagnostics
        if d.code in REFUSED_CODES
    )


def _diff(old: str, new: str, name: str) -> str:
    import difflib

    from mlplan.io import editing

    return "\n".join(
        difflib.unified_diff(
            editing.split_lines(old),
            editing.split_lines(new),
            fromfile=f"a/{name}",
            tofile=f"b/{name}",
            lineterm="",
        )
    )


def _where(loc: fields.Loc | None, fallback: Any) -> Any:
    """``activiteit 2`` for an activity (the number ``mlplan plan`` shows), else the
    path in the file as editing names it."""
    if loc is not None and len(loc) == 2 and loc[0] == "activities" and isinstance(loc[1], int):
        return t("edit.where.activity", number=loc[1] + 1)
    return fallback


def apply_edit(session: Session, edit: editing.Edit, text: str | None = None) -> str:
    """The new text (the edit applied to ``text``, by default the plan as read), or exit 1
    with the reason and the YAML to paste by hand."""
    from mlplan.io import editing

    try:
        return editing.apply(session.text if text is None else text, edit)
    except editing.Refusal as refusal:
        params = dict(refusal.params)
        if "where" in params:
            params["where"] = _where(refusal.loc, params["where"])
        exit_ = _refuse(refusal.key, path=session.display, **params)
        if refusal.snippet:
            if refusal.replaces:
                # the node the refusal's own message names ("activiteit 2",
                # "training.part_time[1]")
                where = params.get("where") or _where(refusal.loc, "")
                output.err(t("edit.replace_hint", where=where))
            elif refusal.adds_item:
                output.err(t("edit.add_item_hint", key=params.get("key", "")))
            else:
                output.err(t("edit.paste_hint"))
            output.out(refusal.snippet.rstrip("\n"))
        raise exit_ from None


def commit(
    session: Session,
    new_text: str,
    *,
    dry_run: bool,
    message: str | Callable[[checking.CheckedPlan], str],
) -> None:
    """Re-validate, then show the diff or write atomically (keeping ``PATH.bak``).
    ``message`` may be worked out from the edited plan as checked (its new end date)."""
    from mlplan.domain import checking
    from mlplan.io import editing

    if new_text == session.text:
        output.out(t("edit.unchanged", path=session.display))
        return
    body = new_text.removeprefix(editing.BOM)
    after = checking.check_text(body, session.display, session.fw, session.today)
    new_errors = _structural(after) - _structural(session.checked)
    if new_errors:
        fresh = {(code, key) for code, key, _ in new_errors}
        _print_diagnostics([d for d in after.diagnostics if (d.code, d.key) in fresh])
        raise _refuse("edit.refuse.new_errors", path=session.display)
    if callable(message):
        message = message(after)
    if dry_run:
        output.out(_diff(session.text, new_text, session.display))
        output.err(t("edit.dry_run", message=message))
        return
    fileio.atomic_write(session.path, new_text, backup=True, expected_digest=session.digest)
    output.out(t("edit.written", message=message, backup=session.display + ".bak"))


# -- the commands ----------------------------------------------------------------------


def _activities(session: Session) -> list[Any]:
    data = session.data
    activities = data.get("activities") if isinstance(data, dict) else None
    if not isinstance(activities, list) or not activities:
        raise UsageError("edit.no_activities", path=session.display)
    return activities


def select(session: Session, query: str) -> tuple[int, str]:
    """The 0-based index and title of the activity the user means, or a usage error."""
    from mlplan.io import editing

    activities = _activities(session)
    try:
        index = editing.find_activity(activities, query)
    except editing.Ambiguous as exc:
        lines = [
            t(
                "edit.candidate",
                number=c.number,
                year=c.year if c.year is not None else "?",
                title=c.title,
            )
            for c in exc.candidates
        ]
        raise UsageError("edit.ambiguous", query=query, lines=lines) from None
    except editing.NoMatch as exc:
        if exc.by_number:
            raise UsageError(
                "edit.no_number", number=exc.query, count=exc.count, path=session.display
            ) from None
        raise UsageError("edit.no_match", query=query, path=session.display) from None
    except editing.NotANumber as exc:
        raise UsageError("edit.not_a_number", query=exc.query, count=len(activities)) from None
    except editing.EmptyChoice:
        raise UsageError("edit.empty_choice") from None
    return index, editing.candidates(activities)[index].title


def _training(session: Session) -> Training | None:
    from mlplan.model.plan import Training

    if session.checked.plan is not None:
        return session.checked.plan.training
    data = session.data
    raw = data.get("training") if isinstance(data, dict) else None
    try:
        return Training.model_validate(raw)
    except ValueError:
        return None


def _check_year(session: Session, year: int) -> None:
    training = _training(session)
    last = timeline.year_count(training.years) if training else None
    if year < 1 or (last is not None and year > last):
        raise UsageError("edit.year_range", year=year, last=last if last is not None else "…")


@locked
def run_add(
    *,
    topic: Annotated[
        str,
        options.Opt(
            "--topic",
            help="opt.edit.topic",
            metavar="metavar.topic",
            show_default=False,
            autocompletion=completion.complete_topic,
        ),
    ],
    title: Annotated[str, options.text("--title", "opt.edit.title")],
    path: options.EditPath = DEFAULT_PATH,
    year: Annotated[int | None, options.text("--year", "opt.edit.year", "metavar.year")] = None,
    goal: Annotated[str | None, options.text("--goal", "opt.edit.goal")] = None,
    phase: Annotated[
        PhaseId | None,
        options.Opt("--phase", help="opt.edit.phase", case_sensitive=False, show_default=False),
    ] = None,
    today: options.Today = None,
    dry_run: options.DryRun = False,
    framework_path: options.FrameworkPath = None,
) -> int:
    from mlplan.cli.commands.framework import resolve_topic
    from mlplan.domain.resolved import phase_for
    from mlplan.domain.scheduler import propose_year
    from mlplan.io import editing

    day = options.today(today)
    clean_title = options.text_option("--title", title)
    clean_goal = options.text_option("--goal", goal)
    session = open_plan(path, framework_path, day)
    found = resolve_topic(session.fw, topic)
    assert clean_title is not None
    proposed = year is None
    if year is None:
        training = _training(session)
        if training is None:
            raise UsageError("edit.need_year", path=session.display)
        suggested = phase_for(found, clean_title, phase)
        year = propose_year(suggested, training.calendar(), day)
    _check_year(session, year)
    item: dict[str, editing.Value] = {"topic": found.id, "title": clean_title, "year": year}
    if clean_goal:
        item["goal"] = clean_goal
    if phase:
        item["phase"] = phase
    new = apply_edit(session, editing.Append("activities", item))
    existing = session.data.get("activities") if isinstance(session.data, dict) else None
    number = (len(existing) if isinstance(existing, list) else 0) + 1
    key = "edit.added_proposed" if proposed else "edit.added"
    message = t(
        key, path=session.display, number=number, title=clean_title, topic=found.id, year=year
    )
    commit(session, new, dry_run=dry_run, message=message)
    return 0


@locked
def run_done(
    *,
    args: options.ActivityArgs,
    on: Annotated[str | None, options.date("--on", "opt.edit.on")] = None,
    evidence: Annotated[str | None, options.text("--evidence", "opt.edit.evidence")] = None,
    today: options.Today = None,
    dry_run: options.DryRun = False,
    framework_path: options.FrameworkPath = None,
) -> int:
    from mlplan.io import editing

    path, (query,) = split_args(args, 1, "edit.usage.done")
    day = options.today(today)
    on_date = options.date_option("--on", on)
    clean_evidence = options.text_option("--evidence", evidence)
    session = open_plan(path, framework_path, day)
    index, title = select(session, query)
    activity = _activities(session)[index]
    before = activity if isinstance(activity, dict) else {}
    values: dict[str, editing.Scalar] = {"status": "done"}
    if on_date is not None or not before.get("done_on"):
        values["done_on"] = on_date or day
    if clean_evidence:
        values["evidence"] = clean_evidence
    new = apply_edit(session, editing.SetKeys(("activities", index), values))
    shown = values.get("done_on") or before.get("done_on", "")
    key = "edit.done_evidence" if clean_evidence else "edit.done"
    message = t(
        key, path=session.display, number=index + 1, title=title, on=shown, evidence=clean_evidence
    )
    if before.get("status") == "done":
        # done already: say what this changes, old -> new, so a wrong number is noticed
        changes = [
            t("edit.change", key=k, old=_shown(before.get(k)), new=_shown(values[k]))
            for k in ("done_on", "evidence")
            if k in values and not _equal(before.get(k), values[k])
        ]
        if changes:
            message = t(
                "edit.redone",
                path=session.display,
                number=index + 1,
                title=title,
                changes="; ".join(changes),
            )
    commit(session, new, dry_run=dry_run, message=message)
    return 0


def _shown(value: Any) -> str:
    """A plan value in a message: dates as YYYY-MM-DD, text quoted, nothing as such."""
    if value is None or value == "":
        return t("edit.nothing")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and not _is_date(value):
        return f"'{value}'"
    return str(value)


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def _equal(old: Any, new: editing.Scalar) -> bool:
    wanted = new.isoformat() if isinstance(new, dt.date) else new
    return bool(str(old) == str(wanted)) if old is not None else False


@locked
def run_status(
    *,
    args: Annotated[
        list[str],
        options.Arg(
            help="arg.edit.status",
            metavar="metavar.edit_activity_status",
            autocompletion=completion.complete_status_args,
        ),
    ],
    today: options.Today = None,
    dry_run: options.DryRun = False,
    framework_path: options.FrameworkPath = None,
) -> int:
    from mlplan.io import editing

    path, (query, state) = split_args(args, 2, "edit.usage.status")
    chosen = parse_status(state)
    session = open_plan(path, framework_path, options.today(today))
    index, title = select(session, query)
    activity = _activities(session)[index]
    before = activity if isinstance(activity, dict) else {}
    # only a done activity has a completion date and evidence: taking it back out of
    # done removes them, and the message (and the --dry-run diff) says what went
    cleared = [k for k in COMPLETION_KEYS if k in before]
    edit = editing.SetKeys(("activities", index), {"status": chosen}, remove=tuple(cleared))
    new = apply_edit(session, edit)
    message = t(
        "edit.status",
        path=session.display,
        number=index + 1,
        title=title,
        status=t(f"status.{chosen}"),
    )
    if cleared:
        message += " " + t(
            "edit.cleared",
            removed="; ".join(f"{k}: {_shown(before[k])}" for k in cleared),
        )
    commit(session, new, dry_run=dry_run, message=message)
    return 0


@locked
def run_move(
    *,
    args: options.ActivityArgs,
    year: Annotated[int, options.Opt("--year", help="opt.edit.move_year", metavar="metavar.year")],
    today: options.Today = None,
    dry_run: options.DryRun = False,
    framework_path: options.FrameworkPath = None,
) -> int:
    from mlplan.io import editing

    path, (query,) = split_args(args, 1, "edit.usage.move")
    session = open_plan(path, framework_path, options.today(today))
    index, title = select(session, query)
    _check_year(session, year)
    new = apply_edit(session, editing.SetKeys(("activities", index), {"year": year}))
    message = t("edit.moved", path=session.display, number=index + 1, title=title, year=year)
    commit(session, new, dry_run=dry_run, message=message)
    return 0


# -- mlplan meeting: a new meeting, its agreements, the outcomes of the previous one ------


@dataclass(frozen=True)
class NewAgreement:
    """An agreement as given on the command line: ``--agreement`` with the ``--owner`` and
    ``--due`` that follow it."""

    text: str
    owner: str | None = None
    due: dt.date | None = None

    def item(self) -> editing.ListItem:
        """The plan's form: plain text unless there is follow-up (as version 1 writes it)."""
        if self.owner is None and self.due is None:
            return self.text
        item: dict[str, editing.Scalar] = {"text": self.text}
        if self.owner is not None:
            item["owner"] = self.owner
        if self.due is not None:
            item["due"] = self.due
        return item


def pair_agreements(
    texts: list[str], owners: list[str], dues: list[str], order: list[str] | None
) -> list[NewAgreement]:
    """Each ``--owner`` and ``--due`` belongs to the ``--agreement`` before it on the command
    line (``order``: the option names as typed). Without the order (not typed, e.g. a
    direct call) they pair by position, which needs as many of each as agreements."""
    found: list[dict[str, Any]] = []
    pending = {"agreement": iter(texts), "owner": iter(owners), "due": iter(dues)}
    if order is None:
        if any(len(values) not in (0, len(texts)) for values in (owners, dues)):
            raise UsageError("edit.owner_without_order")
        order = [
            name
            for i in range(len(texts))
            for name, values in (("agreement", texts), ("owner", owners), ("due", dues))
            if name == "agreement" or i < len(values)
        ]
    for name in order:
        if name not in pending:
            continue
        value = next(pending[name])
        if name == "agreement":
            found.append({"text": value})
            continue
        option = f"--{name}"
        if not found:
            raise UsageError("edit.follow_up_first", option=option)
        if name in found[-1]:
            raise UsageError("edit.follow_up_twice", option=option, text=found[-1]["text"])
        found[-1][name] = value
    result = []
    for given in found:
        text = options.text_option("--agreement", given["text"])
        assert text is not None
        owner = options.text_option("--owner", given.get("owner"))
        if owner is not None and owner.casefold() in OWNER_ROLES:
            owner = owner.casefold()  # the role as the plan writes it
        due = options.date_option("--due", given.get("due"))
        result.append(NewAgreement(text, owner, due))
    return result


def outcome_words() -> dict[str, str]:
    """Every word for an outcome (``not_achieved``, ``niet behaald``) to its identifier."""
    return choice_words(OUTCOME.labels[0], OUTCOME.ids)


def _outcome_choices() -> str:
    return ", ".join(OUTCOME.ids)


def parse_outcome(value: str) -> Outcome:
    chosen = outcome_words().get(_status_key(value))
    if chosen is None:
        raise UsageError("edit.bad_outcome", value=value, choices=_outcome_choices())
    return Outcome(chosen)


def parse_outcomes(values: list[str]) -> dict[int, Outcome]:
    """``--outcome N=OUTCOME`` (repeatable): the agreement's number in the previous
    meeting, 1-based as ``mlplan plan`` lists them, and its outcome."""
    found: dict[int, Outcome] = {}
    for value in values:
        number, sep, word = value.partition("=")
        if not sep or not number.strip().isascii() or not number.strip().isdigit():
            raise UsageError("edit.outcome_form", value=value, choices=_outcome_choices())
        n = int(number.strip())
        if n in found:
            raise UsageError("edit.outcome_twice", number=n)
        found[n] = parse_outcome(word)
    return found


@dataclass(frozen=True)
class Previous:
    """The meeting before the new one: its index in the file, and its agreements."""

    index: int
    meeting: Meeting


def previous_meeting(plan: Plan | None, day: dt.date) -> Previous | None:
    """The latest meeting dated before ``day`` (of two on one date, the later in the file)."""
    if plan is None:
        return None
    before = [(m.date, i) for i, m in enumerate(plan.meetings) if m.date < day]
    if not before:
        return None
    _, index = max(before)
    return Previous(index, plan.meetings[index])


def _agreement_label(number: int, agreement: Agreement) -> str:
    from mlplan.render.plan import agreement_line

    return t("edit.agreement_label", number=number, text=agreement_line(agreement))


def _check_outcomes(
    outcomes: dict[int, Outcome], previous: Previous | None, session: Session
) -> None:
    if not outcomes:
        return
    if previous is None:
        if session.checked.plan is None:
            raise UsageError("edit.outcome_invalid_plan", path=session.display)
        raise UsageError("edit.no_previous_meeting", path=session.display)
    agreements = previous.meeting.agreements
    # on one line: a message is one line on stderr, whatever its parameters hold
    listing = ", ".join(f"{n} '{a.text}'" for n, a in enumerate(agreements, 1))
    for number in outcomes:
        if not 1 <= number <= len(agreements):
            raise UsageError(
                "edit.outcome_number",
                number=number,
                date=previous.meeting.date.isoformat(),
                count=plural("count.agreements", len(agreements)),
                agreements=listing or t("edit.no_agreements"),
            )
        settled = agreements[number - 1].outcome
        if settled is not None:
            raise UsageError(
                "edit.outcome_settled",
                number=number,
                text=agreements[number - 1].text,
                outcome=t(f"outcome.{settled.value}"),
            )


def _ask_outcomes(
    previous: Previous, given: dict[int, Outcome], day: dt.date
) -> tuple[dict[int, Outcome], dict[int, dt.date | None]]:
    """On a terminal: the outcome of each open agreement of the previous meeting that the
    options leave open (Enter keeps it open), and for one carried over, its new due date."""
    outcomes = dict(given)
    dues: dict[int, dt.date | None] = {}
    open_ = [
        (n, a)
        for n, a in enumerate(previous.meeting.agreements, 1)
        if a.is_open and n not in outcomes
    ]
    if not open_:
        return outcomes, dues
    meeting = previous.meeting
    output.out(
        t(
            "edit.ask.heading",
            date=meeting.date.isoformat(),
            kind=t(f"meeting.{meeting.kind.value}"),
            count=plural("count.open_agreements", len(open_)),
        )
    )
    numbered = list(Outcome)
    output.out(
        t(
            "edit.ask.choices",
            choices=" · ".join(f"{i} {t(f'outcome.{o.value}')}" for i, o in enumerate(numbered, 1)),
        )
    )
    for number, agreement in open_:
        while True:
            answer = output.ask(_agreement_label(number, agreement) + " ").strip()
            if not answer:
                break
            if answer.isdigit() and 1 <= int(answer) <= len(numbered):
                outcomes[number] = numbered[int(answer) - 1]
                break
            try:
                outcomes[number] = parse_outcome(answer)
                break
            except UsageError:
                output.out(t("edit.ask.again", count=len(numbered)))
        if outcomes.get(number) is Outcome.CARRIED_OVER:
            dues[number] = _ask_due(agreement, day)
    return outcomes, dues


def _kept_due(agreement: Agreement, day: dt.date) -> dt.date | None:
    """A carried-over agreement keeps its due date when that is not before the new meeting."""
    return agreement.due if agreement.due is not None and agreement.due >= day else None


def _ask_due(agreement: Agreement, day: dt.date) -> dt.date | None:
    kept = _kept_due(agreement, day)
    shown = kept.isoformat() if kept else t("edit.ask.no_due")
    while True:
        answer = output.ask(t("edit.ask.due", default=shown) + " ").strip()
        if not answer:
            return kept
        parsed = timeline.parse_iso_date(answer)
        if parsed is not None:
            return parsed
        output.out(t("edit.ask.bad_due", value=answer))


def carried_copy(agreement: Agreement, due: dt.date | None) -> editing.ListItem:
    """A carried-over agreement as it opens again in the new meeting: the same text, owner
    and reference, no outcome, ``due`` as given."""
    from mlplan.model.plan import AGREEMENT_KEYS

    item: dict[str, editing.Scalar] = {"text": agreement.text}
    for key in AGREEMENT_KEYS[1:]:
        value = due if key == "due" else getattr(agreement, key)
        if key != "outcome" and value is not None:
            item[key] = value
    return agreement.text if len(item) == 1 else item


def _outcome_edit(
    session: Session, previous: Previous, number: int, outcome: Outcome
) -> editing.Edit:
    from mlplan.io import editing
    from mlplan.model.plan import AGREEMENT_KEYS

    loc: fields.Loc = ("meetings", previous.index, "agreements", number - 1)
    raw = session.data["meetings"][previous.index]["agreements"][number - 1]
    if isinstance(raw, str):  # the version-1 form becomes a mapping to hold its outcome
        return editing.Expand(loc, "text", {"outcome": outcome.value})
    return editing.SetKeys(loc, {"outcome": outcome.value}, order=AGREEMENT_KEYS)


@locked
def run_meeting(
    *,
    date: Annotated[str, options.date("--date", "opt.edit.date")],
    kind: Annotated[
        MeetingKind,
        options.Opt(
            "--kind",
            help="opt.edit.kind",
            metavar="metavar.kind",
            case_sensitive=False,
            show_default=False,
        ),
    ],
    path: options.EditPath = DEFAULT_PATH,
    notes: Annotated[str | None, options.text("--notes", "opt.edit.notes")] = None,
    agreement: Annotated[
        list[str] | None, options.text("--agreement", "opt.edit.agreement")
    ] = None,
    owner: Annotated[
        list[str] | None, options.text("--owner", "opt.edit.owner", "metavar.owner")
    ] = None,
    due: Annotated[list[str] | None, options.date("--due", "opt.edit.due")] = None,
    outcomes: Annotated[
        list[str] | None, options.text("--outcome", "opt.edit.outcome", "metavar.outcome")
    ] = None,
    no_input: Annotated[bool, options.Opt("--no-input", help="opt.edit.no_input")] = False,
    today: options.Today = None,
    dry_run: options.DryRun = False,
    framework_path: options.FrameworkPath = None,
    order: Annotated[list[str] | None, options.TypedOrder()] = None,
) -> int:
    from mlplan.io import editing

    day = options.parse_date("--date", date)
    chosen = MeetingKind(kind).value
    clean_notes = options.text_option("--notes", notes)
    new_agreements = pair_agreements(agreement or [], owner or [], due or [], order)
    given = parse_outcomes(outcomes or [])
    session = open_plan(path, framework_path, options.today(today))
    previous = previous_meeting(session.checked.plan, day)
    _check_outcomes(given, previous, session)
    carried_dues: dict[int, dt.date | None] = {}
    if previous is not None and not no_input and output.interactive():
        given, carried_dues = _ask_outcomes(previous, given, day)

    edits: list[editing.Edit] = []
    carried: list[editing.ListItem] = []
    undated: list[str] = []
    if previous is not None:
        for number, outcome in sorted(given.items()):
            edits.append(_outcome_edit(session, previous, number, outcome))
            if outcome is Outcome.CARRIED_OVER:
                old = previous.meeting.agreements[number - 1]
                new_due = carried_dues.get(number, _kept_due(old, day))
                carried.append(carried_copy(old, new_due))
                if new_due is None and old.due is not None:
                    undated.append(old.text)
    item: dict[str, editing.Value] = {"date": day, "kind": chosen}
    if clean_notes:
        item["notes"] = clean_notes
    listed = carried + [a.item() for a in new_agreements]
    if listed:
        item["agreements"] = listed
    edits.append(editing.Append("meetings", item))
    new = session.text
    for edit in edits:
        new = apply_edit(session, edit, new)

    message = t(
        "edit.meeting",
        path=session.display,
        kind=chosen,
        date=day.isoformat(),
        count=plural("count.agreements", len(listed)),
    )
    if given and previous is not None:
        message += " " + t(
            "edit.meeting.outcomes",
            count=plural("count.outcomes", len(given)),
            date=previous.meeting.date.isoformat(),
            carried=plural("count.carried", len(carried)),
        )
    if undated:
        message += " " + t("edit.meeting.undated", texts=", ".join(f"'{x}'" for x in undated))
    commit(session, new, dry_run=dry_run, message=message)
    return 0
