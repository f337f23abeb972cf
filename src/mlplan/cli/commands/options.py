"""Command-line parameters: how a command declares them, the ones several commands
share (declared once, here), and the values they share, parsed one way everywhere.

Every command module imports this one, and so does a TAB that completes the command
(:mod:`mlplan.cli.commands.completion`): it imports the plan's models only where they are used.

A command *is* its ``run`` function: each keyword parameter is annotated with
:class:`Opt` or :class:`Arg` (``Annotated[Path | None, Opt("--output", ...)]``), and
``mlplan.cli.app`` turns those into typer's parameters when it builds the app. The markers
are plain data, so a command module imports no typer (a plain ``check`` runs without it,
see :mod:`mlplan.cli.entry`), and their help and metavars are catalogue keys, worded in the
run's language when the app is built. ``--lang`` is added to every command by
``mlplan.cli.app`` itself: no command reads it (:mod:`mlplan.cli.launch` does).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from mlplan.errors import Refused, UsageError

if TYPE_CHECKING:
    from mlplan.domain.checking import CheckedPlan
    from mlplan.model.framework import Framework


class Opt:
    """An option: its names, the catalogue key of its help, its metavar (a catalogue key
    when it starts with ``metavar.``, else shown as written: ``N``) and any further
    argument of ``typer.Option`` as given (``case_sensitive=False``, ``envvar=…``).

    A plain class, not a dataclass: every command module makes a dozen of these while a
    plain check starts, and a dataclass costs more to define."""

    __slots__ = ("decls", "extra", "help", "metavar")

    def __init__(self, *decls: str, help: str, metavar: str | None = None, **extra: Any) -> None:
        self.decls = decls
        self.help = help
        self.metavar = metavar
        self.extra = extra


class Arg(Opt):
    """An argument, declared like :class:`Opt` (without names: the parameter's)."""

    __slots__ = ()

    def __init__(self, *, help: str, metavar: str | None = None, **extra: Any) -> None:
        super().__init__(help=help, metavar=metavar, **extra)


class Group:
    """A group of parameters several commands share, declared once: a subclass, a frozen
    keyword-only dataclass, lists them as fields exactly as a ``run`` lists its own
    (``fmt: Annotated[..., Opt(...)] = None``), and a command takes the group as one
    parameter (``page: PageOptions = PageOptions()``). ``mlplan.cli.app`` declares the fields
    in the group's place, in their order (the help lists them there), and hands the
    command one instance with their values."""

    __slots__ = ()


class TypedOrder:
    """Not a parameter of the command line: the names of the command's options in the
    order they were typed (``mlplan meeting`` pairs each ``--owner`` with the
    ``--agreement`` before it), filled in by ``mlplan.cli.app``."""

    __slots__ = ()


class TextFormat(StrEnum):
    """``--format`` of the commands that print a page as text only (framework, diff)."""

    TABLE = "table"
    MARKDOWN = "markdown"
    JSON = "json"


# -- the options several commands share --------------------------------------------------

FrameworkPath = Annotated[
    Path | None,
    Opt(
        "--framework",
        envvar="MLPLAN_FRAMEWORK",
        help="opt.framework",
        metavar="metavar.file",
        show_default=False,
    ),
]
# "now" wherever it matters (ML202, the current year and phase), so output is
# reproducible; parsed by :func:`today` so a bad date gets the same message everywhere
Today = Annotated[
    str | None, Opt("--today", help="opt.today", metavar="metavar.date", show_default=False)
]
# every export: mask what looks like patient data in the output, never in the plan
Redact = Annotated[bool, Opt("--redact", help="opt.redact")]
Force = Annotated[bool, Opt("--force", help="opt.plan.force")]
Output = Annotated[
    Path | None,
    Opt("--output", "-o", help="opt.output", metavar="metavar.file", show_default=False),
]
Recursive = Annotated[bool, Opt("--recursive", "-r", help="opt.summary.recursive")]
DryRun = Annotated[bool, Opt("--dry-run", help="opt.edit.dry_run")]
Format = Annotated[TextFormat, Opt("--format", "-f", help="opt.format", case_sensitive=False)]
# one plan file to read (plan, diff, prepare, handover)
PlanPath = Annotated[Path, Arg(help="arg.plan_path", metavar="metavar.file")]
# the plan an edit changes (training, add, meeting)
EditPath = Annotated[Path, Arg(help="arg.edit.path", metavar="metavar.edit_plan")]
# the words of done, move and status: [PATH] ACTIVITY, which the command splits itself
ActivityArgs = Annotated[list[str], Arg(help="arg.edit.activity", metavar="metavar.edit_activity")]


def many_formats(key: str) -> Opt:
    """``--format`` of a command with more formats than the value column holds: the
    column says ``FORMAAT`` and the help (``key``) names each."""
    return Opt(
        "--format",
        "-f",
        help=key,
        metavar="metavar.format",
        case_sensitive=False,
        show_default=False,
    )


def date(option: str, key: str) -> Opt:
    """A date option (``YYYY-MM-DD``), parsed by the command (:func:`date_option`)."""
    return Opt(option, help=key, metavar="metavar.date", show_default=False)


def text(option: str, key: str, metavar: str = "metavar.text") -> Opt:
    """A free-text option (``--name``, ``--notes``) without a default shown."""
    return Opt(option, help=key, metavar=metavar, show_default=False)


def parse_date(option: str, value: str) -> dt.date:
    """A ``YYYY-MM-DD`` option value, or a usage error that names the option."""
    from mlplan.model import timeline

    parsed = timeline.parse_iso_date(value)
    if parsed is None:
        raise UsageError("error.bad_date", option=option, value=value)
    return parsed


def date_option(option: str, value: str | None) -> dt.date | None:
    """An optional date option: ``None`` when not given."""
    return None if value is None else parse_date(option, value)


def percent_option(option: str, value: str) -> int:
    """A part-time percent (``80``, ``80%``), or a usage error that names the option."""
    from mlplan.domain.initplan import parse_percent
    from mlplan.model.plan import MAX_PERCENT, MIN_PERCENT

    parsed = parse_percent(value)
    if parsed is None:
        raise UsageError(
            "error.bad_percent", option=option, value=value, min=MIN_PERCENT, max=MAX_PERCENT
        )
    return parsed


def text_option(option: str, value: str | None, *, blank_is_absent: bool = False) -> str | None:
    """Free text for the plan from ``option``, spaces around it removed; ``None`` when not
    given.

    Blank text (see :func:`mlplan.model.fields.is_blank`) is a usage error, or ``None`` with
    ``blank_is_absent``. So are bytes that are not UTF-8: the shell hands ``$'\\xff'`` to
    Python as a lone surrogate, which no plan file can hold.
    """
    from mlplan.model import fields

    if value is None:
        return None
    text = value.strip()
    if fields.is_blank(text):
        if blank_is_absent:
            return None
        raise UsageError("edit.empty_text", option=option)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise UsageError("edit.bad_text", option=option) from None
    return text


def today(value: str | None) -> dt.date:
    """``--today``: the given date, for reproducible output, else the real date."""
    return date_option("--today", value) or dt.date.today()


def shareable(checked: CheckedPlan, redact: bool) -> CheckedPlan:
    """The plan as an export shows it: masked with ``--redact``; otherwise as it is, with
    one line on stderr when its free text seems to identify a patient, so that nothing
    identifying is shared unnoticed."""
    from mlplan.domain import checking
    from mlplan.i18n import plural, t
    from mlplan.render import output

    if redact:
        return checking.redacted(checked)
    found = checking.privacy_count(checked)
    if found:
        output.err(t("privacy.unredacted", path=checked.path, count=plural("count.places", found)))
    return checked


def say_unredacted(paths: list[str]) -> None:
    """The group's form of :func:`shareable`'s notice: one line on stderr naming the plans
    whose patient-identifying text is in the output (nothing when there are none)."""
    from mlplan.i18n import plural, t
    from mlplan.render import output

    if paths:
        count = plural("count.plans", len(paths))
        output.err(t("privacy.unredacted_group", count=count, paths=", ".join(paths)))


def say_invalid(checked: CheckedPlan, key: str) -> None:
    """On stderr, for a plan that does not validate and so gets no output: its findings as
    ``check`` prints them, their count, and ``key``'s line on what was not made."""
    from mlplan.i18n import finding_counts, t
    from mlplan.render import output
    from mlplan.render.diagnostics import to_text

    for line in to_text(checked.diagnostics, 1).splitlines()[:-1]:  # not its count line
        output.err(line)
    output.err(t("plan.check_count", **finding_counts(checked.errors, checked.warnings)))
    output.err(t(key, path=checked.path))


def valid_for_export(
    path: Path, fw: Framework, day: dt.date, redact: bool, not_made: str
) -> CheckedPlan:
    """The plan at ``path`` checked and made :func:`shareable`, for a command that shows
    it whole (plan, prepare, handover). A plan that does not validate gets no half output:
    its findings go to stderr (:func:`say_invalid`, with ``not_made``'s line) and the
    command ends with exit code 1 (:class:`~mlplan.errors.Refused`)."""
    from mlplan.domain.checking import check_file

    checked = check_file(path, fw, day, str(path))
    if checked.plan is None:
        say_invalid(checked, not_made)
        raise Refused()
    return shareable(checked, redact)
