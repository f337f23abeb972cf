"""Rendering summaries: the one-plan page built once as a document
(:func:`summary_document`, written by every emitter: terminal text, Markdown, PDF, Word,
HTML), its JSON, and the group overview as a document, as terminal text, Markdown and JSON.
No I/O, no loading.

No emitter is imported at module level: ``--format json`` never pays for the others.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from mlplan.domain.summary import (
    Agreement,
    Matched,
    OverviewRow,
    PageItem,
    Summary,
    TalkingPoint,
    TrainingPosition,
)
from mlplan.i18n import finding_counts, get_language, plural, t
from mlplan.render import jsontext
from mlplan.render import textlayout as layout
from mlplan.render.calendar import calendar_json, calendar_text
from mlplan.render.diagnostics import diagnostic_dict, short_finding
from mlplan.render.document import (
    Block,
    Cell,
    CellLike,
    Column,
    Document,
    Field,
    Fields,
    Findings,
    ItemList,
    ListItem,
    Paragraph,
    Section,
    Table,
    Tone,
)
from mlplan.render.markdown import escape, table
from mlplan.render.pages.common import findings, improvement_list
from mlplan.render.plan import owner_text, years_text
from mlplan.render.safe import one_line

if TYPE_CHECKING:
    from mlplan.render.svg import MatrixTopic


# -- shared text ---------------------------------------------------------------------------


def _date(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def position_text(pos: TrainingPosition, *, dates: bool = False) -> str:
    """``jaar 2 van 5, begin`` (with the year's dates if asked), or before/after."""
    if pos.state == "not_started":
        return t("summary.position.before", start=_date(pos.start))
    if pos.state == "finished":
        return t("summary.position.after", end=_date(pos.end))
    phase = t(f"phase.{pos.phase}")
    if dates:
        return t(
            "summary.position.during_dates",
            year=pos.year,
            years=pos.year_count,
            phase=phase,
            start=_date(pos.year_start),
            end=_date(pos.year_end),
        )
    return t("summary.position.during", year=pos.year, years=pos.year_count, phase=phase)


def _status(status: str) -> str:
    return t(f"status.{status}")


def item_topic(item: PageItem) -> str:
    return t("summary.course") if item.kind == "course" else (item.topic_title or item.topic or "")


def moved_text(m: Matched, show: Callable[[dt.date], str] | None = None) -> str:
    """Whether an item an agreement mentions moved; its date as ``show`` writes dates
    (ISO, as on the summary page, by default)."""
    day = m.item.done_on
    return t(f"summary.moved.{m.state}", date=(show or _date)(day) if day else "")


def meeting_kind(kind: str) -> str:
    return t(f"meeting.{kind}")


def done_heading(s: Summary) -> str:
    return t(f"summary.h.done.{s.since_source}", date=_date(s.since))


def coming(months: int) -> str:
    """The period ahead: "de komende 6 maanden", but "de komende maand" (not "1 maand")."""
    if months == 1:
        return t("summary.coming.month")
    return t("summary.coming.months", months=plural("count.months", months))


def due_heading(s: Summary) -> str:
    return t("summary.h.due", coming=coming(s.months), until=_date(s.due_until))


def agreement_text(a: Agreement) -> str:
    """An agreement of the last meeting with who keeps it and by when (dates as on the page);
    one of text only reads as its text, as before."""
    parts = []
    if a.owner:
        parts.append(owner_text(a.owner))
    if a.due:
        parts.append(t("agreement.due", date=_date(a.due)))
    return t("agreement.line", text=a.text, details=" · ".join(parts)) if parts else a.text


def outcome_text(a: Agreement) -> str:
    """The outcome the next meeting recorded, else open, or open and past its due date."""
    if a.outcome is not None:
        return t(f"outcome.{a.outcome}")
    return t("summary.outcome.overdue") if a.overdue else t("summary.outcome.open")


def _agreements_heading(s: Summary) -> str:
    m = s.last_meeting
    if m is None:
        return t("summary.h.agreements_none")
    return t("summary.h.agreements", date=_date(m.date), kind=meeting_kind(m.kind))


def talking_point_text(point: TalkingPoint) -> str:
    """The point in the current language, its counts worded."""
    params = dict(point.params)
    params.update({k: plural(noun, point.params[k]) for k, noun in point.nouns.items()})
    return t(point.key, **params)


def meta_line(s: Summary) -> str:
    parts: list[str] = []
    if s.aios is not None:
        parts += [p for p in (s.aios.specialty, s.aios.institution) if p]
        if s.aios.supervisor:
            parts.append(t("summary.supervisor", name=s.aios.supervisor))
    parts.append(t("summary.file", path=s.path))
    return " · ".join(parts)


def _title(s: Summary) -> str:
    if s.aios is None:
        return t("summary.title_broken", path=s.path, date=_date(s.today))
    return t("summary.title", name=s.aios.name, date=_date(s.today))


def overview_position(row: OverviewRow) -> str:
    if row.name is None:
        return ""
    if row.state == "not_started":
        return t("summary.overview.before")
    if row.state == "finished":
        return t("summary.overview.after")
    return t(
        "summary.overview.year", year=row.year, years=row.year_count, phase=t(f"phase.{row.phase}")
    )


def _num(value: int | None) -> str:
    return "" if value is None else str(value)


def next_meeting_text(row: OverviewRow) -> str:
    """The next meeting of a row: planned in the plan, or by when the interval makes it due;
    late when that day has passed. Empty after the training and for a plan that does not load."""
    day = row.next_meeting
    if day is None:
        return ""
    if row.meeting_late:
        key = "meeting_late_planned" if row.next_meeting_planned else "meeting_late"
    else:
        key = "meeting_planned" if row.next_meeting_planned else "meeting_due"
    return t(f"summary.overview.{key}", date=_date(day))


def late_meeting_text(row: OverviewRow) -> str:
    """A late meeting as the lines under the overview say it (``Bram Bakker: was uiterlijk
    2027-01-01 aan de beurt``), on the terminal and in documents alike."""
    key = "late_planned" if row.next_meeting_planned else "late_due"
    return t(f"summary.overview.{key}", name=row.name, date=_date(row.next_meeting))


def _overview_cells(row: OverviewRow, *, meetings: bool = True) -> list[str]:
    """A row's cells; ``meetings``: with the last and the next meeting (documents; the
    terminal names the late ones under its table)."""
    loaded = row.name is not None
    error = short_finding(row.first_error) if row.first_error else ""
    cells = [
        row.name if loaded and row.name else t("summary.overview.broken"),
        overview_position(row),
        f"{row.covered}/{row.total}" if loaded else "",
        _num(row.done),
        _num(row.due),
        _num(row.overdue),
        str(row.errors),
    ]
    if meetings:
        last = _date(row.last_meeting) if row.last_meeting else t("summary.overview.no_meeting")
        cells += [last if loaded else "", next_meeting_text(row)]
    cells += [row.path, error]
    return [one_line(c) for c in cells]  # a row stays one row: no user newline breaks it


def _overview_headers(*, meetings: bool = True) -> list[str]:
    headers = [
        t("summary.col.aios"),
        t("summary.col.position"),
        t("summary.col.coverage"),
        t("summary.col.done"),
        t("summary.col.due"),
        t("summary.col.overdue"),
        t("summary.col.errors"),
    ]
    if meetings:
        headers += [t("summary.col.last_meeting"), t("summary.col.next_meeting")]
    return [*headers, t("summary.col.file"), t("summary.col.first_error")]


def _overview_heading(rows: Sequence[OverviewRow], today: dt.date) -> str:
    return t("summary.h.overview", count=plural("count.plans", len(rows)), date=_date(today))


def overview_note(since: dt.date | None, months: int) -> str:
    if since is not None:
        return t("summary.overview.note_since", date=_date(since), coming=coming(months))
    return t("summary.overview.note", coming=coming(months))


# -- JSON ----------------------------------------------------------------------------------


def item_json(item: PageItem) -> dict[str, Any]:
    return {
        "kind": item.kind,
        "number": item.index + 1,  # as `mlplan plan` numbers it, and the edit commands take it
        "title": item.title,
        "topic": item.topic,
        "topic_title": item.topic_title,
        "competency": item.competency,
        "course": item.course,
        "year": item.year,
        "status": item.status,
        "done_on": _date(item.done_on) or None,
        "evidence": item.evidence,
    }


# The JSON of a page and of a group: documented in docs/summary.md. Version 2 took the
# vocabulary of `plan --format json`: the training state's identifiers (timeline), the
# `training` object and `diagnostics`.
FORMAT_VERSION = 2


def page_json(s: Summary) -> dict[str, Any]:
    """Every section of the page; sections of a plan that does not load are null/empty."""
    pos, cov, meeting = s.position, s.coverage, s.last_meeting
    return {
        "format": "mlplan-summary",
        "format_version": FORMAT_VERSION,
        "path": s.path,
        "today": _date(s.today),
        "aios": None
        if s.aios is None
        else {
            "name": s.aios.name,
            "specialty": s.aios.specialty,
            "institution": s.aios.institution,
            "supervisor": s.aios.supervisor,
        },
        "training": None
        if pos is None
        else {
            "start": _date(pos.start),
            "end": _date(pos.end),
            "years": _number(pos.duration),
            "year_count": pos.year_count,
            **calendar_json(pos.calendar),
        },
        "position": None if pos is None else _position_json(pos),
        "check": {
            "errors": s.check.errors,
            "warnings": s.check.warnings,
            "diagnostics": [diagnostic_dict(d) for d in s.check.findings],
            "more": s.check.more,
        },
        "coverage": None
        if cov is None
        else {
            "covered": cov.covered,
            "done": cov.done,
            "total": cov.total,
            "text": cov.text,
            "competencies": [
                {
                    "number": c.number,
                    "title": c.title,
                    "covered": c.covered,
                    "done": c.done,
                    "total": c.total,
                    "missing": [{"id": m.id, "title": m.title} for m in c.missing],
                }
                for c in cov.competencies
            ],
        },
        "done_since": {
            "since": _date(s.since) or None,
            "source": s.since_source,
            "items": [item_json(i) for i in s.done_since],
        },
        "due": {
            "months": s.months,
            "from": _date(s.today),
            "until": _date(s.due_until) or None,
            "items": [item_json(i) for i in s.due],
        },
        "overdue": [item_json(i) for i in s.overdue],
        "improvement_points": [
            {"point": p.point, "how": p.how, "evidence": p.evidence} for p in s.improvement_points
        ],
        "last_meeting": None
        if meeting is None
        else {
            "date": _date(meeting.date),
            "kind": meeting.kind,
            "notes": meeting.notes,
            "agreements": [
                {
                    "number": a.number,
                    "text": a.text,
                    "owner": a.owner,
                    "due": _date(a.due) or None,
                    "outcome": a.outcome,
                    "overdue": a.overdue,
                    "moved": a.moved,
                    "linked": a.linked,
                    "items": [
                        {**item_json(m.item), "state": m.state, "moved": m.moved} for m in a.matches
                    ],
                }
                for a in meeting.agreements
            ],
        },
        "overdue_agreements": [
            {
                "text": a.text,
                "meeting": _date(a.meeting),
                "due": _date(a.due),
                "owner": a.owner,
            }
            for a in s.overdue_agreements
        ],
        "meetings": None
        if s.rhythm is None
        else {
            "interval_months": s.rhythm.interval,
            "last": _date(s.rhythm.last) or None,
            "next": _date(s.rhythm.next) or None,
            "next_planned": s.rhythm.next_planned,
            "due": _date(s.rhythm.due) or None,
            "late": s.rhythm.late,
        },
        "talking_points": [
            {"code": p.code, "message": talking_point_text(p), "params": p.params}
            for p in s.talking_points
        ],
    }


def _number(value: float) -> int | float:
    """``5`` for 5.0 (as the plan has it), ``4.5`` for 4.5."""
    return int(value) if float(value).is_integer() else value


def _position_json(pos: TrainingPosition) -> dict[str, Any]:
    return {
        "state": pos.state,
        "year": pos.year,
        "phase": pos.phase,
        "year_start": _date(pos.year_start) or None,
        "year_end": _date(pos.year_end) or None,
        "text": position_text(pos),
    }


def row_json(row: OverviewRow) -> dict[str, Any]:
    return {
        "path": row.path,
        "name": row.name,
        "position": None
        if row.state is None
        else {
            "state": row.state,
            "year": row.year,
            "phase": row.phase,
            "text": overview_position(row),
        },
        "year_count": row.year_count,
        "covered": row.covered,
        "total": row.total,
        "done_since": row.done,
        "due": row.due,
        "overdue": row.overdue,
        "errors": row.errors,
        "warnings": row.warnings,
        "first_error": diagnostic_dict(row.first_error) if row.first_error else None,
        "last_meeting": _date(row.last_meeting) or None,
        "next_meeting": _date(row.next_meeting) or None,
        "next_meeting_planned": row.next_meeting_planned,
        "meeting_late": row.meeting_late,
    }


def to_json(data: Any) -> str:
    return jsontext.dumps(data)  # json.dumps(data, ensure_ascii=False, indent=2), faster


def page_json_text(s: Summary) -> str:
    """The page's JSON as text, ready for :func:`with_json_list`."""
    return to_json(page_json(s))


def with_json_list(data: dict[str, Any], key: str, items: Sequence[str]) -> str:
    """``to_json(data | {key: [...]})``, the items given as their ``to_json`` text.

    A group's pages are encoded where they are made, in parallel (``summarise_all``);
    encoding 1,000 pages here took a fifth of the run. The text is the same: at depth 2
    every line of an item is indented by four more spaces, and JSON text has no line
    breaks inside its strings.
    """
    assert items, "a non-empty list"
    return "".join(json_with_list_parts(data, key, iter(items)))


def json_with_list_parts(data: dict[str, Any], key: str, items: Iterator[str]) -> Iterator[str]:
    """:func:`with_json_list` in pieces, an item at a time, so a group's pages can be
    written as they are read back rather than joined in memory first."""
    head = to_json(data)
    assert head.endswith("\n}"), "a non-empty object"
    yield f"{head[:-2]},\n  {json.dumps(key)}: ["
    separator = "\n"
    for item in items:
        yield separator + "    " + item.replace("\n", "\n    ")
        separator = ",\n"
    yield "\n  ]\n}"


# -- the page as a document ----------------------------------------------------------------
#
# The one-plan page is built once, here, as a document; the terminal (render/emit_text.py),
# Markdown, PDF, Word and HTML are its emitters. Where the terminal says it shorter to keep
# the page on one screen, the block carries both forms (see render/document.py).


def summary_document(
    s: Summary, *, changes: Section | None = None, pictures: bool = False
) -> Document:
    """The page of one plan: where the aios stands, what check finds, coverage, what was
    done, what is due and overdue, the improvement points, the last meeting's agreements
    and their follow-up, the talking points, and ``changes`` (what changed in git since the
    last meeting, :func:`mlplan.render.diff.summary_section`) when given. A plan that does
    not load has its title and its check only. ``pictures``: the coverage as an SVG picture
    (the timeline needs the plan's overview, which a summary does not keep)."""
    blocks: list[Block] = []
    if s.aios is not None:
        blocks.append(Section(t("summary.h.position"), (_fields(position_fields(s)),)))
    blocks.append(_check_section(s))
    if s.aios is not None:
        blocks += [
            _coverage_section(s, pictures),
            Section(done_heading(s), (_items(s.done_since, "done", "summary.none.done"),)),
            Section(due_heading(s), (_items(s.due, "open", "summary.none.due"),)),
            Section(t("summary.h.overdue"), (_items(s.overdue, "open", "summary.none.overdue"),)),
            _improvement_section(s),
            Section(_agreements_heading(s), (_agreements_block(s),)),
            _talking_section(s),
        ]
    if changes is not None:
        blocks.append(changes)
    title = _title(s)
    name = s.aios.name if s.aios is not None else s.path
    return Document(
        title=title,
        subtitle=meta_line(s),
        blocks=tuple(blocks),
        header=f"{name} · {_date(s.today)}",
        lang=get_language(),
        meta={"author": name, "subject": t("summary.subject"), "title": title},
    )


def _fields(pairs: Sequence[tuple[str, str]]) -> Fields:
    return Fields(tuple(Field(label, value) for label, value in pairs))


def _check_section(s: Summary) -> Section:
    if not s.check.findings:
        return Section(t("summary.h.check"), (Paragraph(t("summary.check.clean")),))
    counts = t("summary.check.counts", **finding_counts(s.check.errors, s.check.warnings))
    more = t("summary.check.more", count=s.check.more, path=s.path) if s.check.more else ""
    found = findings(s.check.findings)
    return Section(t("summary.h.check"), (Paragraph(counts), Findings(found.findings, more=more)))


def _coverage_section(s: Summary, pictures: bool) -> Section:
    """The totals (on the heading's line on a terminal), a row per competency; the missing
    topics by title in documents, by the ids users type (``mlplan framework ID``) on a
    terminal, which shows that column only when a topic is missing and keeps each
    competency's long title on one line, to keep the page on one screen."""
    cov = s.coverage
    assert cov is not None
    any_missing = cov.covered < cov.total
    columns = (
        Column(t("summary.col.competency"), wrap=False, max_width=44),
        Column(t("summary.col.covered")),
        Column(t("summary.col.done_topics")),
        Column(t("summary.col.missing"), terminal=any_missing),
    )
    rows = tuple(
        (
            f"{c.number}. {c.title}",
            f"{c.covered}/{c.total}",
            str(c.done),
            Cell(", ".join(m.title for m in c.missing), short=", ".join(m.id for m in c.missing)),
        )
        for c in cov.competencies
    )
    blocks: list[Block] = [Table(columns, rows)]
    if pictures:
        from mlplan.render import svg

        blocks.append(svg.coverage_bars(svg.bars_of_summary(cov)))
    total = t("summary.coverage.total", covered=cov.covered, total=cov.total, done=cov.done)
    return Section(t("summary.h.coverage"), tuple(blocks), summary=total)


def _items(items: Sequence[PageItem], kind: str, empty: str) -> Block:
    """Done items with their date and evidence, open ones with their year and status."""
    if not items:
        return Paragraph(t(empty))
    if kind == "done":
        keys = ("summary.col.date", "summary.col.item", "summary.col.topic", "summary.col.evidence")
        rows = [(_date(i.done_on), i.title, item_topic(i), i.evidence or "") for i in items]
    else:
        keys = ("summary.col.year", "summary.col.item", "summary.col.topic", "summary.col.status")
        rows = [(_num(i.year), i.title, item_topic(i), _status(i.status)) for i in items]
    return Table(tuple(Column(t(key)) for key in keys), tuple(rows))


def _improvement_section(s: Summary) -> Section:
    if not s.improvement_points:
        return Section(t("summary.h.improvement"), (Paragraph(t("summary.none.improvement")),))
    return Section(t("summary.h.improvement"), (improvement_list(s.improvement_points),))


def _lines(values: Sequence[str]) -> Cell:
    """Items one a line; in documents each item's own line breaks become spaces (a cell of
    a Markdown table lists them apart by ``; ``), where a terminal keeps them."""
    lines = "\n".join(values)
    flat = "\n".join(" ".join(v.split()) for v in values)
    return Cell(flat, short=None if flat == lines else lines)


def _agreements_block(s: Summary) -> Block:
    """The last meeting's agreements: what each mentions and whether it moved; the outcome
    column only when an agreement has follow-up (a version-1 plan's table stays as it was)."""
    m = s.last_meeting
    if m is None:
        return Paragraph(t("summary.none.meeting"))
    if not m.agreements:
        return Paragraph(t("summary.none.agreements"))
    follow_up = any(not a.plain for a in m.agreements)
    columns = [Column(t("summary.col.agreement"))]
    if follow_up:
        columns.append(Column(t("summary.col.outcome")))
    columns += [
        Column(t("summary.col.mentions"), items=True),
        Column(t("summary.col.moved"), items=True),
    ]
    rows = []
    for a in m.agreements:
        row: list[CellLike] = [agreement_text(a)]
        if follow_up:
            row.append(outcome_text(a))
        moved = [moved_text(x) for x in a.matches] or [t("summary.moved.unmatched")]
        row += [_lines([x.item.title for x in a.matches]), _lines(moved)]
        rows.append(tuple(row))
    return Table(tuple(columns), tuple(rows))


def _talking_section(s: Summary) -> Section:
    if not s.talking_points:
        return Section(t("summary.h.talking"), (Paragraph(t("summary.none.talking")),))
    points = ItemList(tuple(ListItem(talking_point_text(p)) for p in s.talking_points))
    return Section(t("summary.h.talking"), (points,))


def page_markdown(s: Summary, *, level: int = 1) -> str:
    """The page as GitHub-flavoured Markdown; ``level=2`` nests it under a group overview."""
    from mlplan.render.emit_markdown import to_markdown

    return to_markdown(summary_document(s), level=level)


def position_fields(s: Summary) -> list[tuple[str, str]]:
    """(label, value) of the page's "Stand van zaken": the year at ``today`` with its
    dates, the training, part-time work when any, and the last meeting."""
    assert s.position is not None
    pos = s.position
    meeting = (
        t(
            "summary.meeting",
            date=_date(s.last_meeting.date),
            kind=meeting_kind(s.last_meeting.kind),
        )
        if s.last_meeting
        else t("summary.no_meeting")
    )
    training = t(
        "summary.training",
        start=_date(pos.start),
        end=_date(pos.end),
        years=years_text(pos.duration),
    )
    fields = [
        (t("summary.label.year"), position_text(pos, dates=True)),
        (t("summary.label.training"), training),
        (t("summary.label.calendar"), calendar_text(pos.calendar, _date) or ""),
        (t("summary.label.last_meeting"), meeting),
    ]
    return [(label, value) for label, value in fields if value]


def overview_markdown(
    rows: Sequence[OverviewRow], today: dt.date, since: dt.date | None, months: int
) -> str:
    lines = [f"# {_overview_heading(rows, today)}", ""]
    lines += table(_overview_headers(), [_overview_cells(r) for r in rows])
    lines += ["", escape(overview_note(since, months)), ""]
    return "\n".join(lines)


# -- the terminal ----------------------------------------------------------------------------
#
# Pages and the overview are laid out as plain lines by ``textlayout`` (through
# render/emit_text.py) and written in one go: rich's Table took about 14 ms per page, most
# of a large group's run.


def page_text(s: Summary, *, width: int, color: bool, changes: Section | None = None) -> str:
    """The terminal page as text, ``width`` columns wide, with ANSI styles if ``color``."""
    from mlplan.render.emit_text import to_text

    return to_text(summary_document(s, changes=changes), width=width, color=color)


def separator(width: int, color: bool) -> str:
    """A blank line and a dim rule across the width: between the pages of a group."""
    return "\n" + layout.paint("─" * width, layout.DIM, color) + "\n"


def _short_paths(paths: Sequence[str]) -> dict[str, str]:
    """File names without the directory they all share (``plans/anne.yaml`` -> ``anne.yaml``)."""
    import os.path

    parents = [os.path.dirname(p) for p in paths]
    try:
        common = os.path.commonpath(parents) if all(parents) else ""
    except ValueError:  # absolute and relative mixed
        common = ""
    if not common:
        return {p: p for p in paths}
    return {p: os.path.relpath(p, common) for p in paths}


# -- the group as a document (HTML) ----------------------------------------------------------


def overview_document(
    rows: Sequence[OverviewRow],
    today: dt.date,
    since: dt.date | None,
    months: int,
    topics: Sequence[MatrixTopic] = (),
) -> Document:
    """The group overview, on the terminal (``mlplan summary DIR``) and in documents: the
    table (a row per aios; documents add its last meeting), the note, the meetings that
    are late and each plan's first error under it (as eleven columns on paper, the first
    error made every row a dozen lines high), and with ``topics`` (the framework's, in its
    order) the matrix of aios × topics drawn from each row's topic states.

    On a terminal names and positions wrap at their spaces; no word, number or file name
    is ever cut. When the columns cannot hold their longest words (at 60 columns always,
    with a long name or file name at 80 or more), each aios is an entry instead: the name,
    then the file, the position and each figure after its header, wrapped between them.
    The late meetings and first errors stand whole on their lines, as ``check`` prints
    findings."""
    headers = _overview_headers()
    columns = (
        Column(headers[0]),
        Column(headers[1]),
        *(Column(h, right=True) for h in headers[2:7]),
        # the last meeting, on paper only (a terminal names the late ones under its table)
        Column(headers[7], terminal=False),
        Column(headers[9]),  # the file
    )
    # the file as the terminal names it, without the folder every plan shares: a full path
    # in a narrow column on paper broke into pieces ("kapot.ya" / "ml")
    shown = _short_paths([r.path for r in rows])
    cells = []
    entries = []
    for r in rows:
        row = _overview_cells(r)
        cells.append((*row[:8], one_line(shown[r.path])))
        # the file first, then the position, then each figure after its header
        figures = [cells[-1][-1], row[1]]
        figures += [
            f"{h} {value}" for h, value in zip(headers[2:7], row[2:7], strict=True) if value
        ]
        tone: Tone = "bad" if r.errors else "strong"
        entries.append(ListItem(row[0], details=tuple(f for f in figures if f), tone=tone))
    table = Table(
        columns,
        tuple(cells),
        row_tones=tuple("bad" if r.errors else None for r in rows),
        narrow=(ItemList(tuple(entries), entries=True),),
    )
    blocks: list[Block] = [table, Paragraph(overview_note(since, months), tone="muted")]
    late = [r for r in rows if r.meeting_late]
    if late:
        items = tuple(ListItem(late_meeting_text(r)) for r in late)
        blocks.append(Section(t("summary.overview.late_heading"), (ItemList(items, lines=True),)))
    broken = [r.first_error for r in rows if r.first_error is not None]
    if broken:
        first_errors = replace(findings(broken), lines=True)
        blocks.append(Section(t("summary.col.first_error"), (first_errors,)))
    if topics:
        from mlplan.render import svg

        blocks.append(Section(t("svg.matrix.title"), (svg.group_matrix(rows, topics),)))
    return Document(
        title=_overview_heading(rows, today),
        blocks=tuple(blocks),
        header=_overview_heading(rows, today),
        lang=get_language(),
        outline=True,  # the terminal's table and lines stand at the left, as the title
    )


def group_document(overview: Document, pages: Iterable[Document]) -> Document:
    """A group as one document (PDF, Word): the overview's blocks, then each aios's page
    as a section of its own (its title the heading, its file and supervisor under it),
    on a new page in print."""
    sections = tuple(
        Section(
            page.title,
            (Paragraph(page.subtitle, tone="muted"), *page.blocks),
            new_page=True,
        )
        for page in pages
    )
    return replace(overview, blocks=(*overview.blocks, *sections))
