"""``mlplan training``: part-time work, interruptions and the full-time duration.

One command with one change per run, each an option a user can read back as a sentence:

- ``--part-time 80 --from DATE [--to DATE]``: from that day the aios works 80 %;
- ``--interruption ziekte --from DATE --to DATE [--notes TEXT]``: no training time then;
- ``--years N``: the training's full-time length (shorter for earlier competences);
- ``--remove-part-time DATE`` / ``--remove-interruption DATE``: the one starting then;
- nothing: the training's calendar as it stands (its years with their dates).

A period is known by its first day: the same ``--from`` again replaces that period (the
way to correct one). A new part-time period ends an open-ended one that began before it
(``--part-time 100 --from DATE``: full time again from DATE), so a change of percent is
one command; any other overlap is refused by the plan's own check (ML002), as is a
percent the model does not allow. Every edit goes through :mod:`mlplan.cli.commands.edit`
(comments kept, atomic, locked, ``PATH.bak``, ``--dry-run``) and says the end date the
one calendar (``Training.calendar``) gives the edited plan.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from mlplan.cli.commands import edit, options
from mlplan.errors import UsageError
from mlplan.i18n import t
from mlplan.model import timeline
from mlplan.model.vocabulary import INTERRUPTION_REASON
from mlplan.render import output

if TYPE_CHECKING:
    # the models load where the command runs: a TAB imports this module (its declaration)
    from pydantic import BaseModel

    from mlplan.domain import checking
    from mlplan.io import editing

LISTS = {"--part-time": "part_time", "--interruption": "interruptions"}
REMOVALS = {"--remove-part-time": "part_time", "--remove-interruption": "interruptions"}
ACTIONS = ("--part-time", "--interruption", "--years", *REMOVALS)


def _keys(model: type[BaseModel]) -> tuple[str, ...]:
    """The keys of a plan mapping in the model's (the spec's) order, as the file has them."""
    return tuple(info.alias or name for name, info in model.model_fields.items())


@functools.cache
def order(key: str) -> tuple[str, ...]:
    """The keys of the mapping ``key`` (``training``, ``part_time``, ``interruptions``) in
    the spec's order; read from the models on first use, so a TAB does not load them."""
    from mlplan.model.plan import PartTimePeriod, Training, TrainingInterruption

    models: dict[str, type[BaseModel]] = {
        "training": Training,
        "part_time": PartTimePeriod,
        "interruptions": TrainingInterruption,
    }
    return _keys(models[key])


# -- the command line --------------------------------------------------------------------


def parse_reason(value: str) -> str:
    """The reason's identifier for a word typed in Dutch or English (``ziekte``, ``illness``)."""
    return edit.parse_choice(value, INTERRUPTION_REASON, "--interruption")


def _years(value: str) -> int | float:
    from mlplan.domain.initplan import parse_years
    from mlplan.model.plan import MAX_YEARS

    years = parse_years(value)
    if years is None:
        raise UsageError("init.bad_years", value=value, max=MAX_YEARS)
    return int(years) if years.is_integer() else years


def _only(action: str | None, start: str | None, end: str | None, notes: str | None) -> None:
    """``--from``, ``--to`` and ``--notes`` only where they mean something."""
    allowed = {
        "--part-time": ("--from", "--to"),
        "--interruption": ("--from", "--to", "--notes"),
    }.get(action or "", ())
    for option, value in (("--from", start), ("--to", end), ("--notes", notes)):
        if value is not None and option not in allowed:
            if action is None:
                raise UsageError("training.needs_action", option=option)
            raise UsageError("training.not_with", option=option, action=action)


def run(
    *,
    path: options.EditPath = Path("plan.yaml"),
    part_time: Annotated[
        str | None, options.text("--part-time", "opt.training.part_time", "metavar.percent")
    ] = None,
    interruption: Annotated[
        str | None,
        options.text("--interruption", "opt.training.interruption", "metavar.reason"),
    ] = None,
    start: Annotated[str | None, options.date("--from", "opt.training.from")] = None,
    end: Annotated[str | None, options.date("--to", "opt.training.to")] = None,
    notes: Annotated[str | None, options.text("--notes", "opt.training.notes")] = None,
    years: Annotated[
        str | None, options.text("--years", "opt.training.years", "metavar.init.years")
    ] = None,
    remove_part_time: Annotated[
        str | None, options.date("--remove-part-time", "opt.training.remove_part_time")
    ] = None,
    remove_interruption: Annotated[
        str | None, options.date("--remove-interruption", "opt.training.remove_interruption")
    ] = None,
    today: options.Today = None,
    dry_run: options.DryRun = False,
    framework_path: options.FrameworkPath = None,
) -> int:
    day = options.today(today)
    given = {
        "--part-time": part_time,
        "--interruption": interruption,
        "--years": years,
        "--remove-part-time": remove_part_time,
        "--remove-interruption": remove_interruption,
    }
    chosen = [option for option in ACTIONS if given[option] is not None]
    if len(chosen) > 1:
        raise UsageError("training.one_action", given=", ".join(chosen))
    action = chosen[0] if chosen else None
    _only(action, start, end, notes)
    if action is None:
        if dry_run:
            raise UsageError("training.needs_action", option="--dry-run")
        return _show(path, framework_path, day)
    value = given[action]
    assert value is not None
    if action in LISTS:
        item: dict[str, editing.Value] = {}
        if action == "--part-time":  # the value first: the mistake most worth saying
            percent = options.percent_option("--part-time", value)
        else:
            reason = parse_reason(value)
        first = options.date_option("--from", start)
        last = options.date_option("--to", end)
        if first is None:
            raise UsageError("training.needs_from", action=action)
        if last is None and action == "--interruption":
            raise UsageError("training.needs_to")
        if last is not None and last < first:
            raise UsageError("training.reversed", start=first.isoformat(), end=last.isoformat())
        item["from"] = first
        if last is not None:
            item["to"] = last
        if action == "--part-time":
            item["percent"] = percent
        else:
            item["reason"] = reason
            clean_notes = options.text_option("--notes", notes)
            if clean_notes:
                item["notes"] = clean_notes
        _edit_period(path, LISTS[action], item, day, dry_run, framework_path)
    elif action == "--years":
        _edit_years(path, _years(value), day, dry_run, framework_path)
    else:
        first = options.parse_date(action, value)
        _remove(path, REMOVALS[action], first, day, dry_run, framework_path)
    return 0


# -- what the plan holds -----------------------------------------------------------------


def _training_data(session: edit.Session) -> dict[Any, Any]:
    data = session.data
    training = data.get("training") if isinstance(data, dict) else None
    return training if isinstance(training, dict) else {}


def _items(session: edit.Session, key: str) -> list[tuple[int, dict[Any, Any]]]:
    """The periods of ``training.<key>`` as written, with their 0-based positions."""
    items = _training_data(session).get(key)
    if not isinstance(items, list):
        return []
    return [(i, item) for i, item in enumerate(items) if isinstance(item, dict)]


def _starting(items: list[tuple[int, dict[Any, Any]]], day: dt.date) -> int | None:
    """The position of the period that begins on ``day`` (a period's name, in effect)."""
    return next((i for i, item in items if _day(item.get("from")) == day), None)


def _day(value: Any) -> dt.date | None:
    return timeline.parse_iso_date(value) if isinstance(value, str) else None


def _said(value: Any) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def describe(key: str, item: dict[Any, Any]) -> str:
    """A period in words: ``80 % vanaf 2026-09-01``, ``2027-03-01 t/m 2027-04-14 (ziekte)``."""
    start = _said(item.get("from", "?"))
    end = item.get("to")
    if key == "part_time":
        percent = item.get("percent", "?")
        if end is None:
            return t("calendar.part_time_open", percent=percent, start=start)
        return t("calendar.part_time", percent=percent, start=start, end=_said(end))
    reason = item.get("reason")
    known = reason in INTERRUPTION_REASON.ids
    word = t(INTERRUPTION_REASON.label_key(str(reason))) if known else str(reason)
    return t("training.interruption_period", start=start, end=_said(end), reason=word)


def _calendar(checked: checking.CheckedPlan) -> timeline.Calendar | None:
    """The training's calendar, also when something else in the plan is wrong."""
    if checked.plan is not None:
        return checked.plan.training.calendar()
    from mlplan.model.plan import Training

    data = checked.document.data
    raw = data.get("training") if isinstance(data, dict) else None
    try:
        return Training.model_validate(raw).calendar()
    except ValueError:
        return None


def _with_end(message: str, before: timeline.Calendar | None) -> Any:
    """The confirmation, completed with the end date of the edited plan's calendar."""

    def said(after: checking.CheckedPlan) -> str:
        cal = _calendar(after)
        if cal is None:
            return message
        new = cal.end.isoformat()
        if before is None:
            return message + " " + t("training.end", end=new)
        if before.end == cal.end:
            return message + " " + t("training.end_same", end=new)
        return message + " " + t("training.end_moved", end=new, old=before.end.isoformat())

    return said


# -- the edits ---------------------------------------------------------------------------


@edit.locked
def _edit_period(
    path: Path,
    key: str,
    item: dict[str, editing.Value],
    day: dt.date,
    dry_run: bool,
    framework_path: Path | None,
) -> None:
    from mlplan.io import editing

    session = edit.open_plan(path, framework_path, day)
    before = _calendar(session.checked)
    items = _items(session, key)
    first = item["from"]
    assert isinstance(first, dt.date)
    kind = t(f"training.kind.{key}")
    same = _starting(items, first)
    edits: list[editing.Edit] = []
    if same is not None:
        # the same first day: this period, with what the command line says changed and
        # the rest (an end date, notes) kept, the way to correct one
        old = dict(items)[same]
        values: dict[str, editing.Scalar] = {}
        for k, v in item.items():
            if k != "from" and not isinstance(v, list):
                values[k] = v
        edits.append(editing.SetKeys(("training", key, same), values, order=order(key)))
        message = t(
            "training.changed",
            path=session.display,
            kind=kind,
            number=same + 1,
            old=describe(key, old),
            new=describe(key, {**old, **values}),
        )
    else:
        number = len(_training_data(session).get(key) or []) + 1
        message = t(
            "training.added",
            path=session.display,
            kind=kind,
            number=number,
            period=describe(key, item),
        )
        if key == "part_time":
            # a new percent ends the open-ended period that was running: 80 % from
            # September, then 100 % from next September, is two commands, not an overlap
            running = [
                (start, i)
                for i, old in items
                if "to" not in old and (start := _day(old.get("from"))) and start < first
            ]
            if running:
                _, index = max(running)
                until = first - dt.timedelta(days=1)
                edits.append(
                    editing.SetKeys(("training", key, index), {"to": until}, order=order(key))
                )
                message += " " + t("training.closed", number=index + 1, end=until.isoformat())
        edits.append(editing.Append(key, item, loc=("training",), order=order("training")))
    new = session.text
    for change in edits:
        new = edit.apply_edit(session, change, new)
    edit.commit(session, new, dry_run=dry_run, message=_with_end(message, before))


@edit.locked
def _edit_years(
    path: Path, years: int | float, day: dt.date, dry_run: bool, framework_path: Path | None
) -> None:
    from mlplan.io import editing

    session = edit.open_plan(path, framework_path, day)
    before = _calendar(session.checked)
    last = timeline.year_count(years)
    data = session.data if isinstance(session.data, dict) else {}
    for key in ("activities", "courses"):
        entries = data.get(key)
        for i, entry in enumerate(entries if isinstance(entries, list) else []):
            year = entry.get("year") if isinstance(entry, dict) else None
            if type(year) is int and year > last:
                what = t(f"training.where.{key}", number=i + 1)
                raise UsageError(
                    "training.years_too_short",
                    path=session.display,
                    years=f"{years:g}",
                    last=last,
                    what=what,
                    year=year,
                )
    old = _training_data(session).get("years")
    change = editing.SetKeys(("training",), {"years": years}, order=order("training"))
    new = edit.apply_edit(session, change)
    message = t("training.years", path=session.display, old=_said(old), new=f"{years:g}")
    edit.commit(session, new, dry_run=dry_run, message=_with_end(message, before))


@edit.locked
def _remove(
    path: Path, key: str, first: dt.date, day: dt.date, dry_run: bool, framework_path: Path | None
) -> None:
    from mlplan.io import editing

    session = edit.open_plan(path, framework_path, day)
    before = _calendar(session.checked)
    items = _items(session, key)
    index = _starting(items, first)
    kind = t(f"training.kind.{key}")
    if index is None:
        raise UsageError(
            "training.not_found", path=session.display, kind=kind, date=first.isoformat()
        )
    new = edit.apply_edit(session, editing.RemoveItem(("training", key), index))
    message = t(
        "training.removed",
        path=session.display,
        kind=kind,
        number=index + 1,
        period=describe(key, dict(items)[index]),
    )
    edit.commit(session, new, dry_run=dry_run, message=_with_end(message, before))


# -- showing the calendar ------------------------------------------------------------------


def _show(path: Path, framework_path: Path | None, day: dt.date) -> int:
    """The training as the plan has it: duration, periods, end date and the years; the
    exit code (1: the plan has no calendar to show)."""
    from mlplan.domain import checking
    from mlplan.io.loading import load_framework
    from mlplan.render.calendar import calendar_text

    fw = load_framework(framework_path)
    checked = checking.check_file(path, fw, day, str(path))
    cal = _calendar(checked)
    if cal is None:
        output.err(t("training.broken", path=str(path)))
        return 1
    output.out(
        t(
            "training.show",
            path=str(path),
            start=cal.start.isoformat(),
            years=f"{cal.years:g}",
        )
    )
    text = calendar_text(cal, dt.date.isoformat)
    output.out("  " + (text or t("training.show_full_time", end=cal.end.isoformat())))
    current = cal.year_at(day)
    for ty in cal.training_years():
        output.out(
            t(
                "training.show_year",
                number=ty.number,
                start=ty.start.isoformat(),
                end=ty.end.isoformat(),
                phase=t(f"phase.{ty.phase}"),
            )
            + (" " + t("training.show_now") if ty.number == current else "")
        )
    return 0
