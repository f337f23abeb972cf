"""``mlplan init``: make a new plan (wizard, ``--no-input`` or ``--example``).

Nothing is written until the plan is complete and has been read back through
``check``; an existing file is only replaced with ``--force`` (keeping ``PATH.bak``),
and the write is atomic. The wizard keeps its answers in ``PATH.draft`` as it goes
(removed once the plan is written) and offers to go on with them the next time;
``--no-input`` and ``--example`` never read it, never ask about it and leave it alone.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import shlex
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

from mlplan.cli.commands import options
from mlplan.errors import InputError, Interrupted, UsageError, WriteError
from mlplan.i18n import finding_counts, t
from mlplan.io import fileio
from mlplan.model import timeline
from mlplan.render import output

if TYPE_CHECKING:
    # the models load where the command runs: a TAB imports this module (its declaration)
    from mlplan.domain.checking import CheckedPlan
    from mlplan.domain.initplan import (
        Answers,
        Details,
        Draft,
    )
    from mlplan.model.framework import Framework

DEFAULT_YEARS = 5.0


def _years_option(value: str | None) -> float:
    from mlplan.domain.initplan import parse_years
    from mlplan.model import plan as planfile

    if value is None:
        return DEFAULT_YEARS
    parsed = parse_years(value)
    if parsed is None:
        raise UsageError("init.bad_years", value=value, max=planfile.MAX_YEARS)
    return parsed


def header(today: dt.date) -> list[str]:
    """The comment lines under the modeline."""
    return [t("init.yaml.header1", date=today.isoformat()), t("init.yaml.header2")]


def no_input_draft(details: Details, fw: Framework, today: dt.date) -> Draft:
    """One example activity per topic and the required courses, scheduled."""
    from mlplan.domain.initplan import Draft, default_picks, propose, required_courses
    from mlplan.domain.scheduler import first_open_year

    first = first_open_year(details.calendar(), today)
    picks = default_picks(fw, details.years, first)
    for pick, year in zip(picks, propose(picks, details.years, first), strict=True):
        pick.year = year
    return Draft(details, picks, required_courses(fw, details.years, first))


def render(draft: Draft, fw: Framework, today: dt.date) -> str:
    """The plan file's text, verified to read back as the same plan."""
    from mlplan.domain.checking import check_text
    from mlplan.domain.initplan import build
    from mlplan.render import planfile as emit

    plan = build(draft, fw)
    text = emit.dump(plan, fw, header(today))
    checked = check_text(text, "<init>", fw, today)
    if checked.plan != plan:  # a bug in the emitter: never write what cannot be read back
        raise RuntimeError("generated plan does not read back: " + repr(checked.diagnostics))
    return text


def _refuse_existing(path: Path, force: bool) -> bytes:
    """The current bytes at ``path`` (empty when absent); refuses without ``--force``."""
    if path.is_dir():
        raise InputError("error.is_directory", path=str(path))
    if not path.exists():
        return b""
    if not force:
        raise UsageError("init.exists", path=str(path))
    try:
        data = fileio.read_file(path)
    except InputError as exc:
        if exc.key == "error.not_regular":  # a device or FIFO is never replaced by a plan
            raise WriteError("write.not_regular", path=str(path)) from None
        raise
    if len(data) > fileio.READ_LIMIT:  # PATH.bak holds the whole file or is not made
        raise WriteError("write.too_large", path=str(path), mb=fileio.READ_LIMIT // 2**20)
    return data


def _interactive() -> bool:
    return output.interactive()


MAX_DRAFT_BYTES = 1_000_000  # a draft is a few kilobytes; anything larger is not one


def _read_draft(kept: Path, fw: Framework) -> Answers | None:
    """The answers in ``PATH.draft``, if there is one mlplan can read; an unreadable
    one is said (the wizard then starts afresh and replaces it)."""
    from mlplan.domain.initplan import load_answers

    if not kept.exists():
        return None
    try:
        with kept.open("rb") as fh:
            data = fh.read(MAX_DRAFT_BYTES + 1)
        answers = None if len(data) > MAX_DRAFT_BYTES else load_answers(data.decode(), fw)
    except (OSError, UnicodeDecodeError):
        answers = None
    if answers is None:
        output.err(t("init.draft_unreadable", draft=str(kept)))
    return answers


def _resume_command(path: Path, force: bool, framework_path: Path | None) -> str:
    """The command that goes on with the draft for ``path``."""
    words = ["mlplan", "init"]
    if force:
        words.append("--force")
    if framework_path is not None:
        words += ["--framework", str(framework_path)]
    return shlex.join([*words, str(path)])


def _wizard(
    details: Details,
    fw: Framework,
    day: dt.date,
    path: Path,
    force: bool,
    framework_path: Path | None,
) -> Draft:
    """The plan as the wizard's answers make it, its answers kept in ``PATH.draft``."""
    from mlplan.cli import wizard
    from mlplan.domain.initplan import draft_path, dump_answers

    kept = draft_path(path)
    defaults = wizard.Defaults(
        name=details.name or None,
        specialty=details.specialty,
        institution=details.institution,
        supervisor=details.supervisor,
        start=details.start,
        years=details.years,
        percent=details.percent,
    )

    def save(answers: Answers) -> None:
        fileio.atomic_write(kept, dump_answers(answers, fw))

    saved = _read_draft(kept, fw)
    try:
        return wizard.run(fw, defaults, day, str(path), saved=saved, save=save, kept_in=str(kept))
    except Interrupted:
        if not kept.exists():
            raise
        command = _resume_command(path, force, framework_path)
        raise Interrupted("init.interrupted_draft", draft=str(kept), command=command) from None


def run(
    *,
    path: Annotated[Path, options.Arg(help="arg.init_path", metavar="metavar.file")] = Path(
        "plan.yaml"
    ),
    no_input: Annotated[bool, options.Opt("--no-input", help="opt.init.no_input")] = False,
    example: Annotated[bool, options.Opt("--example", help="opt.init.example")] = False,
    force: Annotated[bool, options.Opt("--force", help="opt.init.force")] = False,
    name: Annotated[str | None, options.text("--name", "opt.init.name")] = None,
    start: Annotated[str | None, options.date("--start", "opt.init.start")] = None,
    years: Annotated[
        str | None, options.text("--years", "opt.init.years", "metavar.init.years")
    ] = None,
    part_time: Annotated[
        str | None, options.text("--part-time", "opt.init.part_time", "metavar.percent")
    ] = None,
    specialty: Annotated[str | None, options.text("--specialty", "opt.init.specialty")] = None,
    institution: Annotated[
        str | None, options.text("--institution", "opt.init.institution")
    ] = None,
    supervisor: Annotated[str | None, options.text("--supervisor", "opt.init.supervisor")] = None,
    today: options.Today = None,
    framework_path: options.FrameworkPath = None,
) -> int:
    from mlplan.domain.checking import check_text
    from mlplan.domain.initplan import FULL_TIME, Details, clean, draft_path
    from mlplan.io.loading import data_file, load_framework
    from mlplan.model import plan as planfile

    day = options.today(today)
    given = [name, start, years, part_time, specialty, institution, supervisor]
    if example and any(v is not None for v in given):
        raise UsageError("init.example_no_details")
    name, specialty, institution, supervisor = (
        options.text_option(option, value, blank_is_absent=True)
        for option, value in (
            ("--name", name),
            ("--specialty", specialty),
            ("--institution", institution),
            ("--supervisor", supervisor),
        )
    )
    start_date = options.date_option("--start", start) or day
    duration = _years_option(years)
    details = Details(
        name=clean(name) or "",
        start=start_date,
        years=duration,
        specialty=clean(specialty),
        institution=clean(institution),
        supervisor=clean(supervisor),
        percent=FULL_TIME
        if part_time is None
        else options.percent_option("--part-time", part_time),
    )
    calendar = details.calendar()  # at the part-time percent: its end comes later
    if not calendar.fits:
        raise UsageError(
            "init.training_too_late",
            start=start_date.isoformat(),
            years=f"{duration:g}",
            last=timeline.LAST_DAY.isoformat(),
        )
    if no_input and not example and not clean(name):
        raise UsageError("init.name_required")
    end = calendar.end
    if no_input and not example and end < day:  # every year past: nothing left to plan
        raise UsageError(
            "init.training_over",
            start=start_date.isoformat(),
            years=f"{duration:g}",
            end=end.isoformat(),
            today=day.isoformat(),
        )
    if not (example or no_input or _interactive()):
        raise UsageError("init.no_tty", path=str(path))
    previous = _refuse_existing(path, force)
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():  # said now, not after a quarter of an hour of questions
        raise WriteError("write.failed", path=str(path), reason=os.strerror(errno.ENOENT))
    fw = load_framework(framework_path)
    interactive = not (example or no_input)

    if example:
        text = fileio.read_file(data_file("example-plan.yaml")).decode("utf-8")
    else:
        if no_input:
            draft = no_input_draft(details, fw, day)
        else:
            draft = _wizard(details, fw, day, path, force, framework_path)
        text = render(draft, fw, day)

    existed = path.exists()
    fileio.atomic_write(path, text, backup=existed, expected_digest=fileio.digest(previous))
    schema = path.parent / planfile.SCHEMA_FILENAME
    schema_written = False
    if not schema.exists():
        fileio.atomic_write(
            schema, json.dumps(planfile.json_schema(fw), indent=2, ensure_ascii=False) + "\n"
        )
        schema_written = True
    _report(path, check_text(text, str(path), fw, day), fw, existed, schema_written, schema)
    kept = draft_path(path)
    if interactive:  # its answers are in the plan now
        with contextlib.suppress(OSError):
            kept.unlink()
    elif kept.exists():
        resume = _resume_command(path, True, framework_path)
        output.err(t("init.draft_ignored", draft=str(kept), command=resume, path=str(path)))
    return 0


def _report(
    path: Path,
    checked: CheckedPlan,
    fw: Framework,
    backup: bool,
    schema_written: bool,
    schema: Path,
) -> None:
    from mlplan.domain.resolved import coverage, covered
    from mlplan.render.diagnostics import finding_line

    output.out(t("init.written", path=str(path)))
    if backup:
        output.out(t("init.backup", path=str(path) + ".bak"))
    if schema_written:
        output.out(t("init.schema_written", path=str(schema)))
    if checked.plan is not None:
        cov = coverage(checked.plan, fw)
        output.out(t("init.coverage", covered=covered(cov), total=len(cov)))
    output.out(t("init.check", **finding_counts(checked.errors, checked.warnings)))
    for d in checked.diagnostics:
        output.out("  " + finding_line(d))
    output.out(t("init.next", path=str(path)))
