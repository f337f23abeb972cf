"""``mlplan add / done / status / move / meeting``: change a plan without an editor.

Every edit follows the same steps: read the file once (bytes and their digest), check
it, compute the new text with :mod:`mlplan.editing` (which splices only the affected
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
from typing import Any, ParamSpec, cast

import typer

from mlplan import checking, editing, fileio, output, timeline, yamlloc
from mlplan.commands import options
from mlplan.diagnostics import REFUSED_CODES, Diagnostic
from mlplan.errors import UsageError
from mlplan.framework import Framework, load_framework
from mlplan.i18n import plural, t
from mlplan.plan import MeetingKind, Training
from mlplan.timeline import PhaseId

P = ParamSpec("P")
DEFAULT_PATH = Path("plan.yaml")
STATES = ("planned", "in_progress", "dropped")  # what `status` sets; done is `mlplan done`
COMPLETION_KEYS = ("done_on", "evidence")  # what only a done activity has
PHASES = ("begin", "midden", "eind")
_UTF8_BOM = b"\xef\xbb\xbf"


# -- arguments -------------------------------------------------------------------------


def _choice(value: str, option: str, choices: tuple[str, ...]) -> str:
    chosen = value.strip().lower()
    if chosen not in choices:
        raise UsageError("edit.bad_choice", option=option, value=value, choices=", ".join(choices))
    return chosen


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


def status_words() -> dict[str, str]:
    """Every word for a status a user may type, in either language, to its identifier:
    the identifiers of the YAML and the words ``mlplan plan`` shows (``status.*``)."""
    from mlplan.plan import Status

    return choice_words("status", (s.value for s in Status))


def typed_status(status: str) -> str:
    """The word for ``status`` to show as a choice: the current language's word when it
    is one word on the command line, else the identifier (``in_progress``)."""
    word = t(f"status.{status}")
    return word if " " not in word else status


def parse_status(value: str) -> str:
    """The status identifier for a word typed after ``mlplan status`` (Dutch or English
    word, or the identifier); ``done`` is refused: that is ``mlplan done``."""
    chosen = status_words().get(_status_key(value))
    if chosen == "done":
        raise UsageError("edit.status_done")
    if chosen is None:
        choices = ", ".join(typed_status(s) for s in STATES)
        identifiers = ", ".join(STATES)  # what the plan file holds
        also = t("edit.bad_status_also", words=identifiers) if identifiers != choices else ""
        raise UsageError("edit.bad_status", value=value, choices=choices, also=also)
    return chosen


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
        output.err(f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}")


def _refuse(msg_id: str, /, **params: Any) -> typer.Exit:
    output.err(output.style(t("label.error"), "1;31") + " " + t(msg_id, **params))
    return typer.Exit(1)


_locks: list[contextlib.ExitStack] = []  # the running command's locks (see ``locked``)


def locked(fn: Callable[P, None]) -> Callable[P, None]:
    """Run an edit command holding the plan's lock from the read in :func:`open_plan` to
    the end of the write, so two edits of one plan never lose one another's change."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> None:
        with contextlib.ExitStack() as stack:
            _locks.append(stack)
            try:
                fn(*args, **kwargs)
            finally:
                _locks.remove(stack)

    return wrapper


def open_plan(path: Path, framework_path: Path | None, today: dt.date) -> Session:
    """Read the plan once; refuse (exit 1) when its YAML cannot be edited safely."""
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

    return "\n".join(
        difflib.unified_diff(
            editing.split_lines(old),
            editing.split_lines(new),
            fromfile=f"a/{name}",
            tofile=f"b/{name}",
            lineterm="",
        )
    )


def _where(loc: yamlloc.Loc | None, fallback: Any) -> Any:
    """``activiteit 2`` for an activity (the number ``mlplan plan`` shows), else the
    path in the file as editing names it."""
    if loc is not None and len(loc) == 2 and loc[0] == "activities" and isinstance(loc[1], int):
        return t("edit.where.activity", number=loc[1] + 1)
    return fallback


def apply_edit(session: Session, edit: editing.Edit, text: str | None = None) -> str:
    """The new text (the edit applied to ``text``, by default the plan as read), or exit 1
    with the reason and the YAML to paste by hand."""
    try:
        return editing.apply(session.text if text is None else text, edit)
    except editing.Refusal as refusal:
        params = dict(refusal.params)
        if "where" in params:
            params["where"] = _where(refusal.loc, params["where"])
        exit_ = _refuse(refusal.key, path=session.display, **params)
        if refusal.snippet:
            if refusal.replaces:
                output.err(t("edit.replace_hint", where=_where(refusal.loc, "")))
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
    activities = _activities(session)
    try:
        index = editing.find_activity(activities, query)
    except editing.Ambiguous as exc:
        lines = "\n".join(
            t(
                "edit.candidate",
                number=c.number,
                year=c.year if c.year is not None else "?",
                title=c.title,
            )
            for c in exc.candidates
        )
        raise UsageError("edit.ambiguous", query=query, candidates=lines) from None
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
    path: Path,
    topic: str,
    title: str,
    year: int | None,
    goal: str | None,
    phase: str | None,
    today: str | None,
    dry_run: bool,
    framework_path: Path | None,
) -> None:
    from mlplan.commands.framework import resolve_topic
    from mlplan.scheduler import propose_year

    day = options.today(today)
    chosen_phase = _choice(phase, "--phase", PHASES) if phase is not None else None
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
        example = found.example(clean_title)
        suggested = chosen_phase or (example.phase if example else None)
        year = propose_year(cast(PhaseId | None, suggested), training.calendar(), day)
    _check_year(session, year)
    item: dict[str, editing.Value] = {"topic": found.id, "title": clean_title, "year": year}
    if clean_goal:
        item["goal"] = clean_goal
    if chosen_phase:
        item["phase"] = chosen_phase
    new = apply_edit(session, editing.Append("activities", item))
    existing = session.data.get("activities") if isinstance(session.data, dict) else None
    number = (len(existing) if isinstance(existing, list) else 0) + 1
    key = "edit.added_proposed" if proposed else "edit.added"
    message = t(
        key, path=session.display, number=number, title=clean_title, topic=found.id, year=year
    )
    commit(session, new, dry_run=dry_run, message=message)


@locked
def run_done(
    *,
    args: list[str],
    on: str | None,
    evidence: str | None,
    today: str | None,
    dry_run: bool,
    framework_path: Path | None,
) -> None:
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
    *, args: list[str], today: str | None, dry_run: bool, framework_path: Path | None
) -> None:
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


@locked
def run_move(
    *, args: list[str], year: int, today: str | None, dry_run: bool, framework_path: Path | None
) -> None:
    path, (query,) = split_args(args, 1, "edit.usage.move")
    session = open_plan(path, framework_path, options.today(today))
    index, title = select(session, query)
    _check_year(session, year)
    new = apply_edit(session, editing.SetKeys(("activities", index), {"year": year}))
    message = t("edit.moved", path=session.display, number=index + 1, title=title, year=year)
    commit(session, new, dry_run=dry_run, message=message)


@locked
def run_meeting(
    *,
    path: Path,
    date: str,
    kind: str,
    notes: str | None,
    agreements: list[str],
    today: str | None,
    dry_run: bool,
    framework_path: Path | None,
) -> None:
    day = options.parse_date("--date", date)
    chosen = _choice(kind, "--kind", tuple(k.value for k in MeetingKind))
    clean_notes = options.text_option("--notes", notes)
    clean_agreements = [a for a in (options.text_option("--agreement", x) for x in agreements) if a]
    session = open_plan(path, framework_path, options.today(today))
    item: dict[str, editing.Value] = {"date": day, "kind": chosen}
    if clean_notes:
        item["notes"] = clean_notes
    if clean_agreements:
        item["agreements"] = clean_agreements
    new = apply_edit(session, editing.Append("meetings", item))
    message = t(
        "edit.meeting",
        path=session.display,
        kind=chosen,
        date=day.isoformat(),
        count=plural("count.agreements", len(clean_agreements)),
    )
    commit(session, new, dry_run=dry_run, message=message)
