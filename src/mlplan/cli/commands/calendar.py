"""``mlplan calendar``: the plan's dated events as an iCalendar file (docs/calendar.md).

One PATH gives the aios's calendar; several paths or a directory give one calendar for the
whole group (an opleider imports one file, and every event still names its aios). Without
``--output`` the calendar goes to stdout.

Exit codes: 0 when the calendar is made and no plan has errors; 1 when a plan has errors
(a plan with rule errors still gets its events; a plan that does not validate gets none: on
its own nothing is written, in a group it is skipped with a line on stderr); 2 for usage
errors, a missing ``icalendar`` (the ``documents`` extra), an unreadable single plan, an
invalid framework, or an output file that cannot be written or is one of the inputs.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

from mlplan.cli.commands import options
from mlplan.cli.commands.plan import refuse_output
from mlplan.errors import InputError
from mlplan.i18n import plural, t
from mlplan.render import output

if TYPE_CHECKING:  # the models load when the command runs, not for a TAB
    from mlplan.domain.checking import CheckedPlan
    from mlplan.domain.events import Event
    from mlplan.model.framework import Framework

FORMAT = "ics"


def run(
    *,
    paths: Annotated[
        list[Path] | None,
        options.Arg(help="arg.calendar.paths", metavar="metavar.path", show_default=False),
    ] = None,
    output_path: options.Output = None,
    recursive: options.Recursive = False,
    redact: options.Redact = False,
    force: options.Force = False,
    today: options.Today = None,
    framework_path: options.FrameworkPath = None,
) -> int:
    from mlplan.cli.commands.summary import collect
    from mlplan.domain.checking import privacy_count
    from mlplan.domain.checking import redacted as checked_redacted
    from mlplan.domain.events import merge, plan_events
    from mlplan.io.loading import load_framework
    from mlplan.render import ics

    day = options.today(today)
    ics.require()  # before any work: without the extra there is nothing to make
    files, group = collect(paths or [], recursive)
    if output_path is not None:
        refuse_output(output_path, files, framework_path, FORMAT)
    fw = load_framework(framework_path)

    per_plan: list[tuple[str, list[Event]]] = []
    names: dict[str, str] = {}  # path -> the aios's name
    unredacted: list[str] = []
    with_errors: list[CheckedPlan] = []
    failed = False
    for path in files:
        checked = _checked(path, fw, day, group)
        if checked is None or checked.plan is None:
            failed = True
            continue
        if not group:
            checked = options.shareable(checked, redact)
        elif redact:
            checked = checked_redacted(checked)
        elif privacy_count(checked):
            unredacted.append(checked.path)
        assert checked.plan is not None  # redacting keeps a model
        per_plan.append((checked.path, plan_events(checked.plan, fw)))
        names[checked.path] = checked.plan.aios.name
        if checked.errors:
            with_errors.append(checked)
    options.say_unredacted(unredacted)

    if not per_plan:
        if group:
            output.err(t("calendar.nothing"))
        return 1
    events, clashes = merge(per_plan)
    for first, later in clashes:
        output.err(t("calendar.same_aios", first=first, later=later, name=names[later]))

    title = (
        t("calendar.title_group", count=plural("count.plans", len(per_plan)))
        if group
        else t("calendar.title", name=names[per_plan[0][0]])
    )
    text = ics.to_ics(events, title=title, stamp=_stamp(today, day))
    count = plural("count.calendar_events", len(events))
    written = t("calendar.written", path=str(output_path), count=count) if output_path else None
    output.Output(FORMAT, output_path, force=force).page(text, written)
    _say_errors(with_errors, group)  # after the calendar: it says the calendar was made
    return 1 if failed or with_errors else 0


def _say_errors(with_errors: list[CheckedPlan], group: bool) -> None:
    """The plans whose rule errors did not keep their events out: one line."""
    if len(with_errors) == 1 and not group:
        errors = plural("count.errors", with_errors[0].errors)
        output.err(t("calendar.has_errors", path=with_errors[0].path, errors=errors))
    elif with_errors:  # one line for the group, as its overview would say it
        count = plural("count.plans", len(with_errors))
        named = ", ".join(c.path for c in with_errors)
        output.err(t("calendar.have_errors", count=count, paths=named))


def _checked(path: Path, fw: Framework, day: dt.date, group: bool) -> CheckedPlan | None:
    """The checked plan; in a group, an unreadable or invalid plan is reported on one line
    and skipped (``None``, or no model); a single one stops the command as ``plan`` does."""
    from mlplan.domain.checking import check_file

    try:
        checked = check_file(path, fw, day, str(path))
    except InputError as exc:
        if not group:
            raise
        output.err(t("calendar.skipped_unreadable", path=str(path), message=exc.message))
        return None
    if checked.plan is not None:
        return checked
    if group:
        errors = plural("count.errors", checked.errors)
        output.err(t("calendar.skipped_invalid", path=checked.path, errors=errors))
        return checked
    options.say_invalid(checked, "calendar.not_written")
    return checked


def _stamp(given: str | None, day: dt.date) -> dt.datetime:
    """DTSTAMP: midnight UTC of ``--today`` when given (reproducible output), else now."""
    if given is not None:
        return dt.datetime.combine(day, dt.time(0), dt.UTC)
    return dt.datetime.now(dt.UTC).replace(microsecond=0)
