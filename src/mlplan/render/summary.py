"""Rendering summaries: the one-plan page and the group overview as rich tables,
Markdown and JSON. No I/O beyond the console it is given, no loading.

rich is imported inside the table functions only, so ``--format json`` and
``--format markdown`` never pay for it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from mlplan import output
from mlplan.diagnostics import Diagnostic
from mlplan.i18n import finding_counts, get_language, plural, t
from mlplan.render import jsontext
from mlplan.render import textlayout as layout
from mlplan.render.calendar import calendar_json, calendar_text
from mlplan.render.diagnostics import diagnostic_dict
from mlplan.render.document import Block, Column, Document, Paragraph, Section, Table
from mlplan.render.markdown import bullet, code, escape, numbered, table
from mlplan.render.plan import owner_text, years_text
from mlplan.render.safe import one_line
from mlplan.summary import (
    Agreement,
    Item,
    Matched,
    OverviewRow,
    Position,
    Summary,
    TalkingPoint,
)

if TYPE_CHECKING:
    from rich.console import Console

    from mlplan.render.svg import MatrixTopic


# -- shared text ---------------------------------------------------------------------------


def _date(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def position_text(pos: Position, *, dates: bool = False) -> str:
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


def item_topic(item: Item) -> str:
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


def agreement_table(agreements: Sequence[Agreement], sep: str) -> tuple[list[str], list[list[str]]]:
    """(headers, rows) of the last meeting's agreements, items joined by ``sep``. The outcome
    column only when an agreement has follow-up: a version-1 plan's table stays as it was."""
    follow_up = any(not a.plain for a in agreements)
    headers = [t("summary.col.agreement")]
    if follow_up:
        headers.append(t("summary.col.outcome"))
    headers += [t("summary.col.mentions"), t("summary.col.moved")]
    rows = []
    for a in agreements:
        row = [agreement_text(a)]
        if follow_up:
            row.append(outcome_text(a))
        row += [
            sep.join(x.item.title for x in a.matches),
            sep.join(moved_text(x) for x in a.matches) or t("summary.moved.unmatched"),
        ]
        rows.append(row)
    return headers, rows


def _agreements_heading(s: Summary) -> str:
    m = s.last_meeting
    if m is None:
        return t("summary.h.agreements_none")
    return t("summary.h.agreements", date=_date(m.date), kind=meeting_kind(m.kind))


def talking_point_text(point: TalkingPoint, *, markdown: bool = False) -> str:
    """The point in the current language; user text escaped for Markdown if asked."""
    params = {  # f"{v}": a parameter may word itself (an owner's role)
        k: escape(f"{v}") if markdown and isinstance(v, str) else v for k, v in point.params.items()
    }
    params.update({k: plural(noun, point.params[k]) for k, noun in point.nouns.items()})
    return t(point.key, **params)


def _finding(d: Diagnostic) -> str:
    return f"{one_line(d.path)}:{d.line}:{d.column}: {d.code} {one_line(d.message)}"


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


def _overview_cells(row: OverviewRow, *, meetings: bool = True) -> list[str]:
    """A row's cells; ``meetings``: with the last and the next meeting (documents; the
    terminal names the late ones under its table)."""
    loaded = row.name is not None
    first = row.first_error
    error = f"{first.line}:{first.column} {first.code} {first.message}" if first else ""
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


def item_json(item: Item) -> dict[str, Any]:
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


def _position_json(pos: Position) -> dict[str, Any]:
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


# -- Markdown ------------------------------------------------------------------------------


def page_markdown(s: Summary, *, level: int = 1) -> str:
    """The page as GitHub-flavoured Markdown: a heading with name and date, a section per
    subject. ``level=2`` nests it under a group overview."""
    h1, h2 = "#" * level, "#" * (level + 1)
    lines = [f"{h1} {escape(_title(s))}", "", escape(meta_line(s)), ""]
    if s.aios is not None:
        lines += _position_markdown(s, h2)
    lines += [f"{h2} {t('summary.h.check')}", ""]
    if not s.check.findings:
        lines.append(t("summary.check.clean"))
    else:
        lines += [t("summary.check.counts", **finding_counts(s.check.errors, s.check.warnings)), ""]
        lines += [
            bullet(
                f"{code(f'{one_line(d.path)}:{d.line}:{d.column}')} {d.code} {escape(d.message)}"
            )
            for d in s.check.findings
        ]
        if s.check.more:
            lines.append(bullet(escape(t("summary.check.more", count=s.check.more, path=s.path))))
    lines.append("")
    if s.aios is None:
        return "\n".join(lines)
    lines += _coverage_markdown(s, h2)
    lines += [f"{h2} {escape(done_heading(s))}", ""]
    lines += _items_markdown(s.done_since, "done", "summary.none.done")
    lines += [f"{h2} {escape(due_heading(s))}", ""]
    lines += _items_markdown(s.due, "open", "summary.none.due")
    lines += [f"{h2} {t('summary.h.overdue')}", ""]
    lines += _items_markdown(s.overdue, "open", "summary.none.overdue")
    lines += [f"{h2} {t('summary.h.improvement')}", ""]
    if not s.improvement_points:
        lines.append(t("summary.none.improvement"))
    for n, p in enumerate(s.improvement_points, 1):
        details = [
            escape(t(key, text=text))
            for key, text in (
                ("summary.improvement.how", p.how),
                ("summary.improvement.evidence", p.evidence),
            )
            if text
        ]
        lines += numbered(n, escape(p.point), details)
    lines.append("")
    lines += [f"{h2} {escape(_agreements_heading(s))}", ""]
    lines += _agreements_markdown(s)
    lines += [f"{h2} {t('summary.h.talking')}", ""]
    if not s.talking_points:
        lines.append(t("summary.none.talking"))
    lines += [bullet(talking_point_text(p, markdown=True)) for p in s.talking_points]
    lines.append("")
    return "\n".join(lines)


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


def _position_markdown(s: Summary, h2: str) -> list[str]:
    return [
        f"{h2} {t('summary.h.position')}",
        "",
        *[bullet(f"**{label}:** {escape(value)}") for label, value in position_fields(s)],
        "",
    ]


def _coverage_markdown(s: Summary, h2: str) -> list[str]:
    cov = s.coverage
    assert cov is not None
    lines = [f"{h2} {t('summary.h.coverage')}", ""]
    lines += [t("summary.coverage.total", covered=cov.covered, total=cov.total, done=cov.done), ""]
    lines += table(
        [
            t("summary.col.competency"),
            t("summary.col.covered"),
            t("summary.col.done_topics"),
            t("summary.col.missing"),
        ],
        [
            [
                f"{c.number}. {c.title}",
                f"{c.covered}/{c.total}",
                str(c.done),
                ", ".join(m.title for m in c.missing),
            ]
            for c in cov.competencies
        ],
    )
    lines.append("")
    return lines


def _items_markdown(items: Sequence[Item], kind: str, empty: str) -> list[str]:
    if not items:
        return [t(empty), ""]
    if kind == "done":
        headers = [
            t("summary.col.date"),
            t("summary.col.item"),
            t("summary.col.topic"),
            t("summary.col.evidence"),
        ]
        rows = [[_date(i.done_on), i.title, item_topic(i), i.evidence or ""] for i in items]
    else:
        headers = [
            t("summary.col.year"),
            t("summary.col.item"),
            t("summary.col.topic"),
            t("summary.col.status"),
        ]
        rows = [[_num(i.year), i.title, item_topic(i), _status(i.status)] for i in items]
    return [*table(headers, rows), ""]


def _agreements_markdown(s: Summary) -> list[str]:
    m = s.last_meeting
    if m is None:
        return [t("summary.none.meeting"), ""]
    if not m.agreements:
        return [t("summary.none.agreements"), ""]
    headers, rows = agreement_table(m.agreements, "; ")
    return [*table(headers, rows), ""]


def overview_markdown(
    rows: Sequence[OverviewRow], today: dt.date, since: dt.date | None, months: int
) -> str:
    lines = [f"# {_overview_heading(rows, today)}", ""]
    lines += table(_overview_headers(), [_overview_cells(r) for r in rows])
    lines += ["", escape(overview_note(since, months)), ""]
    return "\n".join(lines)


# -- the terminal page -----------------------------------------------------------------------
#
# A page is laid out as plain lines by ``textlayout`` and written in one go: rich's Table
# took about 14 ms per page, most of a large group's run. The group overview stays a
# rich table (one per run).


class _Page:
    """The lines of one page at a width, styled only when ``color`` is on."""

    def __init__(self, width: int, color: bool) -> None:
        self.width = width
        self.color = color
        self.lines: list[str] = []

    def line(self, text: str, code: str | None = None) -> None:
        """One line as it is (a title, a file path): a terminal wraps it if it must."""
        self.lines.append(layout.paint(one_line(text), code, self.color))

    def heading(self, text: str) -> None:
        self.lines.append("")
        self.lines += layout.paragraph(text, self.width, code=layout.BOLD, color=self.color)

    def text(self, text: str, code: str | None = None) -> None:
        """A line of text under a heading, indented like the tables."""
        self.lines += layout.paragraph(text, self.width, indent=2, code=code, color=self.color)

    def table(self, columns: Sequence[layout.Column], rows: Sequence[Sequence[str]]) -> None:
        self.lines += layout.table(columns, rows, self.width, color=self.color)

    def grid(self, rows: Sequence[tuple[str, str, str | None, str | None]]) -> None:
        self.lines += layout.grid(rows, self.width, color=self.color)


def print_page(s: Summary, console: Console) -> None:
    """The page at the console's width, in colour only when the console's stream shows
    colour (never with NO_COLOR or piped)."""
    console.file.write(page_text(s, width=console.width, color=output.use_color(console.file)))


def page_text(s: Summary, *, width: int, color: bool) -> str:
    """The terminal page as text, ``width`` columns wide, with ANSI styles if ``color``."""
    page = _Page(width, color)
    page_lines(s, page)
    return "\n".join(page.lines) + "\n"


def print_separator(console: Console) -> None:
    """A blank line and a dim rule across the width: between the pages of a group."""
    rule = "─" * console.width
    if output.use_color(console.file):
        rule = output.style(rule, "2", console.file)
    console.file.write("\n" + rule + "\n")


def page_lines(s: Summary, page: _Page) -> None:
    page.line(_title(s), layout.BOLD)
    page.line(meta_line(s), layout.DIM)
    if s.aios is not None:
        assert s.position is not None
        page.heading(t("summary.h.position"))
        page.grid([(label, value, layout.BOLD, None) for label, value in position_fields(s)])
    page.heading(t("summary.h.check"))
    if not s.check.findings:
        page.text(t("summary.check.clean"))
    else:
        page.text(t("summary.check.counts", **finding_counts(s.check.errors, s.check.warnings)))
        for d in s.check.findings:
            page.text(_finding(d), layout.RED if d.severity == "error" else None)
        if s.check.more:
            page.text(t("summary.check.more", count=s.check.more, path=s.path))
    if s.aios is None:
        return
    cov = s.coverage
    assert cov is not None
    # on a terminal the totals share the heading's line, to keep the page on one screen
    page.heading(
        t("summary.h.coverage")
        + ": "
        + t("summary.coverage.total", covered=cov.covered, total=cov.total, done=cov.done)
    )
    any_missing = cov.covered < cov.total
    # framework titles are long; on a terminal one line each keeps the page on one screen,
    # and missing topics are named by the ids users type (mlplan framework ID)
    columns = [
        layout.Column(t("summary.col.competency"), wrap=False, max_width=44),
        layout.Column(t("summary.col.covered")),
        layout.Column(t("summary.col.done_topics")),
    ]
    if any_missing:
        columns.append(layout.Column(t("summary.col.missing")))
    rows = []
    for c in cov.competencies:
        cells = [f"{c.number}. {c.title}", f"{c.covered}/{c.total}", str(c.done)]
        if any_missing:
            cells.append(", ".join(m.id for m in c.missing))
        rows.append(cells)
    page.table(columns, rows)
    page.heading(done_heading(s))
    _page_items(page, s.done_since, "done", "summary.none.done")
    page.heading(due_heading(s))
    _page_items(page, s.due, "open", "summary.none.due")
    page.heading(t("summary.h.overdue"))
    _page_items(page, s.overdue, "open", "summary.none.overdue")
    page.heading(t("summary.h.improvement"))
    if not s.improvement_points:
        page.text(t("summary.none.improvement"))
    grid: list[tuple[str, str, str | None, str | None]] = []
    for n, ip in enumerate(s.improvement_points, 1):
        grid.append((f"{n}.", ip.point, None, None))
        details = _improvement_details(ip.how, ip.evidence)
        if details:
            grid.append(("", details, None, layout.DIM))
    page.grid(grid)
    page.heading(_agreements_heading(s))
    _page_agreements(page, s)
    page.heading(t("summary.h.talking"))
    if not s.talking_points:
        page.text(t("summary.none.talking"))
    page.grid([("•", talking_point_text(tp), None, None) for tp in s.talking_points])


def _improvement_details(how: str | None, evidence: str | None) -> str:
    parts = []
    if how:
        parts.append(t("summary.improvement.how", text=how))
    if evidence:
        parts.append(t("summary.improvement.evidence", text=evidence))
    return " · ".join(parts)


def _page_items(page: _Page, items: Sequence[Item], kind: str, empty: str) -> None:
    if not items:
        page.text(t(empty))
        return
    if kind == "done":
        headers = (
            "summary.col.date",
            "summary.col.item",
            "summary.col.topic",
            "summary.col.evidence",
        )
        rows = [[_date(i.done_on), i.title, item_topic(i), i.evidence or ""] for i in items]
    else:
        headers = (
            "summary.col.year",
            "summary.col.item",
            "summary.col.topic",
            "summary.col.status",
        )
        rows = [[_num(i.year), i.title, item_topic(i), _status(i.status)] for i in items]
    page.table([layout.Column(t(h)) for h in headers], rows)


def _page_agreements(page: _Page, s: Summary) -> None:
    m = s.last_meeting
    if m is None:
        page.text(t("summary.none.meeting"))
        return
    if not m.agreements:
        page.text(t("summary.none.agreements"))
        return
    headers, rows = agreement_table(m.agreements, "\n")
    page.table([layout.Column(h) for h in headers], rows)


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


def print_overview(
    rows: Sequence[OverviewRow],
    today: dt.date,
    since: dt.date | None,
    months: int,
    console: Console,
) -> None:
    """The overview table at the console's width; laid out as plain text like the pages
    (a rich table of 1,000 rows took most of a second).

    Names and positions wrap at their spaces; no word, number or file name is ever cut.
    When the columns cannot hold their longest words (at 60 columns always, with a long
    name or file name at 80 or more), each aios is stacked instead: the name, then the
    file and the figures, labelled, wrapped between them.
    """
    page = _Page(console.width, output.use_color(console.file))
    page.line(_overview_heading(rows, today), layout.BOLD)
    # the first errors and the late meetings follow the table, unsqueezed
    headers = _overview_headers(meetings=False)[:-1]
    shown = _short_paths([r.path for r in rows])
    columns = [
        layout.Column(headers[0]),
        layout.Column(headers[1]),
        *(layout.Column(h, wrap=False, right=True) for h in headers[2:-1]),
        layout.Column(headers[-1]),
    ]
    cells = []
    for r in rows:
        row = _overview_cells(r, meetings=False)[:-1]
        row[-1] = one_line(shown[r.path])
        cells.append(row)
    if layout.fits(columns, cells, page.width, indent=0):
        styles = [layout.RED if r.errors else None for r in rows]
        page.lines += layout.table(
            columns, cells, page.width, indent=0, color=page.color, row_styles=styles
        )
    else:
        for r, row in zip(rows, cells, strict=True):
            page.lines += layout.paragraph(
                row[0],
                page.width,
                code=layout.RED if r.errors else layout.BOLD,
                color=page.color,
                fold=False,
            )
            # the file first, then the position, then each figure after its header
            figures = [row[-1], row[1]] + [
                f"{h} {value}" for h, value in zip(headers[2:-1], row[2:-1], strict=True) if value
            ]
            page.lines += layout.joined(
                [f for f in figures if f], page.width, indent=2, color=page.color
            )
        page.lines.append("")  # the note is not one more name
    page.lines += layout.paragraph(
        overview_note(since, months), page.width, code=layout.DIM, color=page.color
    )
    late = [r for r in rows if r.meeting_late]
    if late:
        page.lines.append("")
        page.line(t("summary.overview.late_heading"), layout.BOLD)
        for r in late:
            key = "late_planned" if r.next_meeting_planned else "late_due"
            page.line(t(f"summary.overview.{key}", name=r.name, date=_date(r.next_meeting)))
    broken = [r for r in rows if r.first_error is not None]
    if broken:
        page.lines.append("")
        page.line(t("summary.col.first_error"), layout.BOLD)
        for r in broken:
            assert r.first_error is not None
            page.line(_finding(r.first_error), layout.RED)
    console.file.write("\n".join(page.lines) + "\n")


# -- the group as a document (HTML) ----------------------------------------------------------


def overview_document(
    rows: Sequence[OverviewRow],
    today: dt.date,
    since: dt.date | None,
    months: int,
    topics: Sequence[MatrixTopic] = (),
) -> Document:
    """The group overview for documents: the table (as in Markdown, a row per aios with its
    first error), the note, and with ``topics`` (the framework's, in its order) the matrix
    of aios × topics drawn from each row's topic states."""
    headers = _overview_headers()
    columns = (
        Column(headers[0]),
        Column(headers[1]),
        *(Column(h, right=True) for h in headers[2:7]),
        *(Column(h) for h in headers[7:]),  # the meetings, the file, the first error
    )
    table = Table(
        columns,
        tuple(tuple(_overview_cells(r)) for r in rows),
        row_tones=tuple("bad" if r.errors else None for r in rows),
    )
    blocks: list[Block] = [table, Paragraph(overview_note(since, months), tone="muted")]
    if topics:
        from mlplan.render import svg

        blocks.append(Section(t("svg.matrix.title"), (svg.group_matrix(rows, topics),)))
    return Document(
        title=_overview_heading(rows, today),
        blocks=tuple(blocks),
        header=_overview_heading(rows, today),
        lang=get_language(),
    )
