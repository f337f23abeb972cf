"""Rendering ``mlplan diff``: the changes of a plan as terminal text, Markdown and JSON.

A change is data (:class:`mlplan.domain.plandiff.Change`); :func:`change_text` words it in the
current language, for these pages and for the summary's section on what changed since
the last meeting.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from mlplan.domain.plandiff import FREE_TEXT_PARAMS, Change, Kind, Param, Report, Section, Unread
from mlplan.i18n import plural, t
from mlplan.render import document as doc
from mlplan.render import jsontext
from mlplan.render import textlayout as layout
from mlplan.render.markdown import bullet, escape
from mlplan.render.plan import years_text
from mlplan.render.safe import one_line

FORMAT_VERSION = 1

Escape = Callable[[str], str]


def _plain(text: str) -> str:
    return text


def _markdown(text: str) -> str:
    return escape(text, line_start=False)


# -- wording one change ----------------------------------------------------------------------


def _status(value: Param) -> str:
    return t(f"status.{value}")


def _year(value: Param) -> str:
    return t("diff.year", year=value) if value is not None else t("diff.no_year")


def _record(p: dict[str, Any]) -> str:
    """``op 2026-10-03; bewijs: KPB`` (how something is marked done)."""
    when = t("diff.on", date=p["done_on"]) if p.get("done_on") else t("diff.no_date")
    proof = t("diff.evidence", text=p["evidence"]) if p.get("evidence") else t("diff.no_evidence")
    return t("diff.record", when=when, evidence=proof)


def _fields(names: Param) -> str:
    assert isinstance(names, tuple)
    return ", ".join(t(f"diff.field.{name}") for name in names)


def _agreement_details(p: dict[str, Any]) -> str:
    parts = []
    if p.get("owner"):
        owner = p["owner"]
        parts.append(t(f"diff.owner.{owner}") if owner in ("aios", "opleider") else owner)
    if p.get("due"):
        parts.append(t("diff.due", date=p["due"]))
    if p.get("carried_from"):
        parts.append(t("diff.carried_from", date=p["carried_from"]))
    if p.get("outcome"):
        parts.append(t("diff.outcome_is", outcome=t(f"diff.outcome.{p['outcome']}")))
    return t("diff.details", details=", ".join(parts)) if parts else ""


def _period(start: Param, end: Param, percent: Param) -> str:
    if end is None:
        return t("calendar.part_time_open", percent=percent, start=start)
    return t("calendar.part_time", percent=percent, start=start, end=end)


def _stop(end: Param, reason: Param) -> str:
    return t("diff.interruption", end=end, reason=t(f"calendar.reason.{reason}"))


def _empty(value: Param) -> Param:
    return value if value is not None else t("diff.empty")


# parameters shown as the plan writes them (the rest are ids worded from the catalogue)
_SHOWN_AS_WRITTEN = FREE_TEXT_PARAMS | {"topic", "old_topic", "old", "new", "owner"}


def change_text(change: Change, esc: Escape = _plain) -> str:
    """The change in the current language; ``esc`` escapes the user's text (Markdown)."""
    p: dict[str, Any] = {
        k: esc(v) if k in _SHOWN_AS_WRITTEN and isinstance(v, str) else v
        for k, v in change.params.items()
    }
    key = f"diff.change.{change.kind.value}"
    kind = change.kind
    if "topic" in p and "title" in p and change.section is Section.ACTIVITIES:
        p["activity"] = t("diff.activity", title=p["title"], topic=p["topic"])
    if change.section is Section.COURSES:
        p["course"] = t("diff.course", title=p["title"])
        p["in_year"] = t("diff.in_year", year=p["year"]) if p.get("year") is not None else ""
    if "status" in p and kind in (Kind.ACTIVITY_ADDED, Kind.COURSE_ADDED):
        p["status"] = (
            "" if p["status"] == "planned" else t("diff.with_status", status=_status(p["status"]))
        )
    elif "status" in p:
        p["status"] = _status(p["status"])
    if "old_status" in p:
        p["old_status"] = _status(p["old_status"])
    if "meeting" in p:
        p["meeting_kind"] = t(f"meeting.{p['kind']}")
    if "old_kind" in p:
        p["old_kind"] = t(f"meeting.{p['old_kind']}")
    if "fields" in p:
        p["fields"] = _fields(p["fields"])
    if kind in (Kind.ACTIVITY_DONE, Kind.ACTIVITY_EVIDENCE, Kind.COURSE_DONE, Kind.COURSE_EVIDENCE):
        p["record"] = _record(p)
    if kind is Kind.COURSE_MOVED:
        p["old"], p["new"] = _year(p["old_year"]), _year(p["year"])
    if kind is Kind.TRAINING_YEARS:
        p["old"], p["new"] = years_text(p["old"]), years_text(p["new"])
    if kind in (Kind.PART_TIME_ADDED, Kind.PART_TIME_REMOVED, Kind.PART_TIME_CHANGED):
        p["period"] = _period(p["start"], p["end"], p["percent"])
        if kind is Kind.PART_TIME_CHANGED:
            p["old"] = _period(p["start"], p["old_end"], p["old_percent"])
    if kind in (Kind.INTERRUPTION_ADDED, Kind.INTERRUPTION_REMOVED, Kind.INTERRUPTION_CHANGED):
        p["period"] = _stop(p["end"], p["reason"])
        if kind is Kind.INTERRUPTION_CHANGED:
            p["old"] = _stop(p["old_end"], p["old_reason"])
    if kind is Kind.AIOS_CHANGED:
        p["label"] = t(f"diff.field.{p['field']}")
        p["old"], p["new"] = _empty(p["old"]), _empty(p["new"])
    if change.section is Section.MEETINGS and "text" in p:
        p["details"] = _agreement_details(p)
    if "outcome" in p and p["outcome"] is not None:
        p["outcome"] = t(f"diff.outcome.{p['outcome']}")
    if "old_outcome" in p:
        p["old_outcome"] = t(f"diff.outcome.{p['old_outcome']}")
    if kind in (Kind.MEETING_ADDED, Kind.MEETING_REMOVED):
        count = p["agreements"]
        p["agreements"] = (
            t("diff.with_agreements", count=plural("count.agreements", count)) if count else ""
        )
    return t(key, **p)


def section_heading(section: Section) -> str:
    return t(f"diff.section.{section.value}")


def unread_text(parts: Sequence[Unread]) -> str:
    """``de opleiding, activiteit 3``: what a version left unread."""
    return ", ".join(
        t(f"diff.part.{u.section}")
        if u.number is None
        else t(f"diff.entry.{u.section}", number=u.number)
        for u in parts
    )


def notes(report: Report) -> list[str]:
    """What the reader must know about the comparison itself, one sentence each."""
    out = []
    diff = report.diff
    if report.uncommitted:
        out.append(t("diff.uncommitted"))
    if report.old_errors:
        errors = plural("count.errors", report.old_errors)
        if diff.unread_old:
            out.append(t("diff.old_invalid", errors=errors, parts=unread_text(diff.unread_old)))
        else:
            out.append(t("diff.old_invalid_all_read", errors=errors))
    if report.new_errors:
        errors = plural("count.errors", report.new_errors)
        parts = unread_text(diff.unread_new) if diff.unread_new else t("diff.part.none")
        out.append(t("diff.new_invalid", errors=errors, path=report.path, parts=parts))
    return out


def since_text(report: Report) -> str:
    s = report.since
    if s.how == "last_meeting":
        assert s.day is not None
        return t(
            "diff.since.last_meeting", date=s.day.isoformat(), kind=t(f"meeting.{s.meeting_kind}")
        )
    if s.how == "revision":
        return t("diff.since.revision", rev=s.given)
    assert s.day is not None
    return t("diff.since.date", date=s.day.isoformat())


def title(report: Report) -> str:
    since = since_text(report)
    if report.name is None:
        return t("diff.title_unnamed", path=report.path, since=since)
    return t("diff.title", name=report.name, since=since)


def compared_text(report: Report) -> str:
    b = report.base
    base = t("diff.base", commit=b.short, date=b.day.isoformat(), subject=b.subject)
    if report.since.tag:
        base = t("diff.base_tag", base=base, tag=report.since.tag)
    return t("diff.compared", path=report.path, base=base)


def count_text(report: Report) -> str:
    n = len(report.diff.changes)
    return t("diff.count", count=plural("count.changes", n)) if n else t("diff.none")


# -- the formats -----------------------------------------------------------------------------


def to_text(report: Report, *, width: int, color: bool) -> str:
    lines = [layout.paint(one_line(title(report)), layout.BOLD, color)]
    # the title and the file path stay whole on their lines (a terminal wraps them), as
    # on the summary's page
    lines.append(layout.paint(one_line(compared_text(report)), layout.DIM, color))
    for note in notes(report):
        lines += layout.paragraph(note, width, color=color)
    for section, changes in report.diff.sections():
        lines.append("")
        lines += layout.paragraph(section_heading(section), width, code=layout.BOLD, color=color)
        lines += layout.grid(
            [("•", change_text(c), None, None) for c in changes], width, color=color
        )
    lines += ["", count_text(report)]
    return "\n".join(lines) + "\n"


def to_markdown(report: Report, *, level: int = 1) -> str:
    h = "#" * level
    lines = [f"{h} {escape(title(report))}", "", escape(compared_text(report))]
    for note in notes(report):
        lines += ["", escape(note)]
    for section, changes in report.diff.sections():
        lines += ["", f"{h}# {escape(section_heading(section))}", ""]
        lines += [bullet(change_text(c, _markdown)) for c in changes]
    lines += ["", escape(count_text(report))]
    return "\n".join(lines) + "\n"


def summary_section(report: Report) -> doc.Section:
    """The summary page's section on what changed in the plan since the last meeting (or
    since the summary's ``--since``), as a block of the document model."""
    blocks: list[doc.Block] = [doc.Paragraph(compared_text(report), tone="muted")]
    blocks += [doc.Paragraph(note) for note in notes(report)]
    changes = report.diff.changes
    if changes:
        blocks.append(doc.ItemList(tuple(doc.ListItem(change_text(c)) for c in changes)))
    else:
        blocks.append(doc.Paragraph(t("diff.none")))
    since = report.since
    heading = (
        t("summary.h.changes_since_meeting", date=since.day.isoformat() if since.day else "")
        if since.how == "last_meeting"
        else t("summary.h.changes_since", since=since_text(report))
    )
    return doc.Section(
        heading, tuple(blocks), summary=count_text(report) if changes else None, anchor="changes"
    )


def _params(change: Change) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in change.params.items()}


def changes_json(changes: Sequence[Change]) -> list[dict[str, Any]]:
    return [
        {
            "kind": c.kind.value,
            "section": c.section.value,
            "message": change_text(c),
            "params": _params(c),
        }
        for c in changes
    ]


def _unread_json(parts: Sequence[Unread]) -> list[dict[str, Any]]:
    return [{"section": u.section, "number": u.number} for u in parts]


def to_data(report: Report) -> dict[str, Any]:
    s, b = report.since, report.base
    return {
        "format": "mlplan-diff",
        "format_version": FORMAT_VERSION,
        "path": report.path,
        "name": report.name,
        "since": {
            "given": s.given,
            "kind": s.how,
            "date": s.day.isoformat() if s.day else None,
            "meeting_kind": s.meeting_kind,
            "tag": s.tag,
        },
        "base": {
            "commit": b.sha,
            "short": b.short,
            "date": b.day.isoformat(),
            "subject": b.subject,
        },
        "uncommitted": report.uncommitted,
        "old_errors": report.old_errors,
        "new_errors": report.new_errors,
        "not_compared": {
            "old": _unread_json(report.diff.unread_old),
            "new": _unread_json(report.diff.unread_new),
        },
        "count": len(report.diff.changes),
        "changes": changes_json(report.diff.changes),
    }


def to_json(report: Report) -> str:
    return jsontext.dumps(to_data(report)) + "\n"
