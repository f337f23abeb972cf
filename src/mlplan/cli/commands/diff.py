"""``mlplan diff``: what changed in the plan since a date, the last meeting or a tag, read
from the plan's git history (docs/git-workflow.md).

The version then comes from git (:mod:`mlplan.io.gitio`), the version now is the file as it
is on disk (changes not yet committed included, and said so); :mod:`mlplan.domain.plandiff`
compares them. ``--since`` is read in this order:

- a date ``YYYY-MM-DD``: what was committed on or after that day (as ``summary --since``,
  inclusive): the base is the last commit made *before* it;
- ``last-meeting`` (the default; also ``laatste-gesprek``): after the plan's last meeting
  (on or before ``--today``): the commit tagged ``gesprek-YYYY-MM-DD`` for it when there
  is one, else the last commit made on or before the meeting's day, so that recording
  the meeting that day belongs to the meeting and not to what changed since;
- anything else is a git revision: a tag, a branch, a commit hash, ``HEAD~3``.

Exit codes: 0 when the changes are shown (also when there are none); 1 when the plan
as it is now does not load (what could be compared is still shown); 2 for usage errors
(a bad date, ``--since`` after today, an unknown revision), a plan that cannot be read,
an invalid framework, and every case without history: no git, not a repository, the
plan never committed, no version before the date, the plan not in the revision.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

from mlplan.cli.commands import options
from mlplan.errors import HistoryError, UsageError
from mlplan.io import gitio
from mlplan.model import timeline
from mlplan.render import output

if TYPE_CHECKING:
    # the models load where the command runs: a TAB imports this module (its declaration)
    from mlplan.domain import plandiff
    from mlplan.domain.checking import CheckedPlan
    from mlplan.model.framework import Framework
    from mlplan.model.plan import Plan

LAST_MEETING = ("last-meeting", "laatste-gesprek")


def run(
    *,
    path: options.PlanPath = Path("plan.yaml"),
    since: Annotated[
        str | None,
        options.Opt("--since", help="opt.diff.since", metavar="metavar.since", show_default=False),
    ] = None,
    fmt: options.Format = options.TextFormat.TABLE,
    redact: options.Redact = False,
    today: options.Today = None,
    framework_path: options.FrameworkPath = None,
) -> int:
    from mlplan.domain import plandiff
    from mlplan.io import loading, yamlloc
    from mlplan.io.loading import load_framework
    from mlplan.render import diff as render

    day = options.today(today)
    given = (since or LAST_MEETING[0]).strip()
    since_day = _since_date(given, day)
    fw = load_framework(framework_path)
    shown = str(path)
    doc = yamlloc.load(path, shown)  # an unreadable plan stops here, before git
    model, _ = loading.parse_plan(doc)
    now = plandiff.of(model) if model is not None else plandiff.salvage(doc.data)
    report = compare(
        path, shown, doc.text, now, model, given, since_day, day, fw, len(doc.diagnostics)
    )
    report = _shareable(report, now, redact)

    out = output.Output(fmt)
    if fmt == "json":
        out.page(render.to_json(report))
    elif fmt == "markdown":
        out.page(render.to_markdown(report))
    else:
        out.page(render.to_text(report, width=out.width, color=out.color))
    return 1 if model is None else 0


def _since_date(given: str, day: dt.date) -> dt.date | None:
    """``--since`` as a date when it is written as one (a bad date is a usage error)."""
    if not timeline.iso_shape(given):
        return None
    since_day = options.parse_date("--since", given)
    if since_day > day:
        raise UsageError(
            "summary.since_after_today", since=since_day.isoformat(), today=day.isoformat()
        )
    return since_day


def compare(
    path: Path,
    shown: str,
    text: str,
    now: plandiff.Snapshot,
    model: Plan | None,
    given: str,
    since_day: dt.date | None,
    day: dt.date,
    fw: Framework,
    errors_now: int,
) -> plandiff.Report:
    """The report of the plan at ``path`` (read as ``text``, ``now``) against its version
    in git that ``given`` names. Raises HistoryError or UsageError without history."""
    from mlplan.domain import plandiff
    from mlplan.io import loading, yamlloc

    repo = gitio.open_plan(path, shown)
    commits = gitio.history(repo)
    spec, base = _base(repo, commits, now, model, given, since_day, day)
    raw = gitio.content(repo, base)
    if raw is None:
        raise HistoryError("diff.not_in_revision", path=shown, rev=given, commit=base.short)
    old_text, problem = yamlloc.decode(raw, f"{shown}@{base.short}")
    old_doc = (
        yamlloc.parse(old_text, f"{shown}@{base.short}")
        if old_text is not None
        else yamlloc.Document(path=shown, text="", diagnostics=[problem] if problem else [])
    )
    old_model, _ = loading.parse_plan(old_doc)
    then = plandiff.of(old_model) if old_model is not None else plandiff.salvage(old_doc.data)
    head = raw if base.sha == commits[0].sha else gitio.content(repo, commits[0])
    return plandiff.Report(
        path=shown,
        name=now.aios.name if now.aios is not None else None,
        since=spec,
        base=base,
        uncommitted=_differs(head, text),
        diff=plandiff.compare(then, now, fw),
        old_errors=0 if old_model is not None else max(1, len(old_doc.diagnostics)),
        new_errors=0 if model is not None else max(1, errors_now),
    )


def _base(
    repo: gitio.Repo,
    commits: list[gitio.Commit],
    now: plandiff.Snapshot,
    model: Plan | None,
    given: str,
    since_day: dt.date | None,
    day: dt.date,
) -> tuple[plandiff.Since, gitio.Commit]:
    """What ``--since`` asks for, and the commit whose version is compared."""
    from mlplan.domain import plandiff

    first = commits[-1]
    if since_day is not None:
        base = gitio.last_before(commits, since_day)
        if base is None:
            raise HistoryError(
                "diff.none_before",
                path=repo.shown,
                date=since_day.isoformat(),
                commit=first.short,
                first=first.day.isoformat(),
            )
        return plandiff.Since(given, "date", since_day), base
    if given.casefold() in LAST_MEETING:
        return _after_last_meeting(repo, commits, now, model, given, day)
    found = gitio.revision(repo, given)
    if found is None:
        raise UsageError("diff.unknown_since", value=given, path=repo.shown)
    return plandiff.Since(given, "revision", found.day), found


def _after_last_meeting(
    repo: gitio.Repo,
    commits: list[gitio.Commit],
    now: plandiff.Snapshot,
    model: Plan | None,
    given: str,
    day: dt.date,
) -> tuple[plandiff.Since, gitio.Commit]:
    from mlplan.domain import plandiff
    from mlplan.domain.summary import last_meeting
    from mlplan.model.plan import Plan

    # the summary's rule (a meeting after --today has not happened yet), also for the
    # meetings salvaged from a plan that does not load as a whole
    plan = model or Plan.model_construct(meetings=list(now.meetings or ()))
    meeting = last_meeting(plan, day)
    if meeting is None:
        raise HistoryError("diff.no_meeting", path=repo.shown, today=day.isoformat())
    kind = meeting.kind.value
    tagged = gitio.meeting_tag(repo, meeting.date)
    if tagged is not None:
        tag = f"{gitio.MEETING_TAG}{meeting.date.isoformat()}"
        return plandiff.Since(given, "last_meeting", meeting.date, kind, tag), tagged
    base = gitio.last_before(commits, meeting.date + dt.timedelta(days=1))
    if base is None:
        first = commits[-1]
        raise HistoryError(
            "diff.none_before_meeting",
            path=repo.shown,
            date=meeting.date.isoformat(),
            commit=first.short,
            first=first.day.isoformat(),
        )
    return plandiff.Since(given, "last_meeting", meeting.date, kind), base


def for_summary(
    path: Path,
    checked: CheckedPlan,
    since_day: dt.date | None,
    day: dt.date,
    fw: Framework,
    redact: bool,
) -> plandiff.Report | None:
    """What changed since the summary's period began (``--since``, else the last
    meeting), for the page of one plan; ``None`` when there is no history to read.

    Only a plan in a git work tree asks git (:func:`gitio.in_work_tree` looks for a
    ``.git`` without starting a process), and a plan without history (no git, not
    committed, nothing before the date) simply has no such section: the summary never
    fails for want of it. ``checked`` must be the plan as read, before any masking: the
    changes are masked afterwards with ``redact``.
    """
    from mlplan.domain import plandiff

    if checked.plan is None or not gitio.in_work_tree(path):
        return None
    given = since_day.isoformat() if since_day is not None else LAST_MEETING[0]
    try:
        report = compare(
            path,
            checked.path,
            checked.document.text,
            plandiff.of(checked.plan),
            checked.plan,
            given,
            since_day,
            day,
            fw,
            0,
        )
    except (HistoryError, UsageError):
        return None
    return masked(report, checked.plan.training.start) if redact else report


def masked(report: plandiff.Report, reference: dt.date | None) -> plandiff.Report:
    """The report with what looks like patient data masked in its quoted texts
    (``reference``: the training's start, as for the plan itself)."""
    from dataclasses import replace

    from mlplan.domain import plandiff
    from mlplan.domain.checking import text_masker

    return replace(report, diff=plandiff.masked(report.diff, text_masker(reference)))


def identifiers(report: plandiff.Report, reference: dt.date | None) -> int:
    """How many places in the report's quoted texts seem to identify a patient."""
    from mlplan.domain import plandiff
    from mlplan.domain.privacy import find

    return sum(len(find(text, reference)) for text in plandiff.free_texts(report.diff))


def _differs(committed: bytes | None, text: str) -> bool:
    """Whether the file on disk says something else than its last commit (line endings
    aside: git may convert them on checkout)."""
    if committed is None:
        return True
    then = committed.decode("utf-8-sig", "replace").replace("\r\n", "\n")
    return then != text.replace("\r\n", "\n")


def _shareable(report: plandiff.Report, now: plandiff.Snapshot, redact: bool) -> plandiff.Report:
    """``--redact`` masks what looks like patient data in the quoted texts; without it, a
    line on stderr says when such text is in the output (as every export does)."""
    from mlplan.i18n import plural, t

    reference = now.training.start if now.training is not None else None
    if redact:
        return masked(report, reference)
    found = identifiers(report, reference)
    if found:
        output.err(t("privacy.unredacted", path=report.path, count=plural("count.places", found)))
    return report
