"""Rendering the multi-year plan: the page as a document (terminal text, Markdown, HTML,
PDF, Word from ``render/emit_*``), JSON and CSV.

Layout only: every fact comes from :class:`mlplan.domain.overview.Overview`. Dates are written
with month names from the message catalogue (never the locale), so output is the same on
every machine. User text is flattened to one line in tables and documents (Markdown
escapes it in its emitter), and kept exactly (newlines included) in JSON and CSV.
:func:`plan_document` is the page once; :func:`to_markdown` is its Markdown and
:func:`plan_text` its terminal text. Where a terminal says a thing in another shape (the
activities in three columns, "verplicht" under a course's name, each competency once in the
coverage), the table has a column of each medium (``Column.terminal``/``document``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

from mlplan.domain.overview import (
    ActivityView,
    CompetencyGroup,
    CourseView,
    Overview,
    YearView,
)
from mlplan.domain.rules import OwnerWord
from mlplan.i18n import finding_counts, get_language, plural, t
from mlplan.model.diagnostics import Severity
from mlplan.model.plan import Agreement
from mlplan.render.calendar import calendar_json, calendar_text
from mlplan.render.diagnostics import diagnostic_dict, location
from mlplan.render.document import (
    Block,
    Cell,
    CellLike,
    Column,
    Document,
    Field,
    Fields,
    Finding,
    Findings,
    ItemList,
    ListItem,
    Paragraph,
    Section,
    Table,
    Tone,
)
from mlplan.render.safe import csv_cell

# Symbols are the same in every language; the words next to them come from the catalogue.
STATUS_SYMBOL = {"done": "✓", "in_progress": "▶", "planned": "○", "dropped": "✗"}
COVERAGE_SYMBOL = {"done": "✓", "planned": "◐", "missing": "✗"}

# 2: `current` became `position`, the name `summary --format json` gives the same object
JSON_FORMAT_VERSION = 2


# -- shared text -----------------------------------------------------------------------


def flat(text: str | None) -> str:
    """User text on one line: newlines and runs of spaces become one space."""
    return " ".join(text.split()) if text else ""


def owner_text(owner: str) -> str:
    """An agreement's owner: the catalogue's word for a role (aios, opleider), else the name."""
    return f"{OwnerWord(owner)}"


def agreement_details(agreement: Agreement) -> list[str]:
    """The follow-up of an agreement in words: owner, due date, outcome (each when set)."""
    parts = []
    if agreement.owner:
        parts.append(owner_text(agreement.owner))
    if agreement.due:
        parts.append(t("agreement.due", date=date(agreement.due)))
    if agreement.outcome:
        parts.append(t(f"outcome.{agreement.outcome.value}"))
    return parts


def agreement_line(agreement: Agreement) -> str:
    """An agreement on one line: its text, and its follow-up after it in brackets. An
    agreement of text only reads as its text, as in a version-1 plan."""
    details = agreement_details(agreement)
    if not details:
        return agreement.text
    return t("agreement.line", text=agreement.text, details=" · ".join(details))


def month_year(day: dt.date) -> str:
    return f"{t(f'plan.month.{day.month}')} {day.year}"


def date(day: dt.date) -> str:
    return t("plan.date", day=day.day, month=t(f"plan.month.{day.month}"), year=day.year)


def years_number(years: float) -> str:
    """4.5 as ``4,5`` in Dutch and ``4.5`` in English; whole numbers without decimals."""
    text = f"{years:g}"
    return text.replace(".", ",") if get_language() == "nl" else text


def years_text(years: float) -> str:
    """A training's length with its noun: ``1 jaar``, ``4,5 jaar``, ``1 year``, ``5 years``."""
    whole = int(years) if years == int(years) else 2  # a fraction takes the plural form
    return plural("count.years", whole, shown=years_number(years))


def status_word(status: str) -> str:
    return t(f"status.{status}")


def status_label(status: str) -> str:
    return f"{STATUS_SYMBOL[status]} {status_word(status)}"


def coverage_label(state: str) -> str:
    return f"{COVERAGE_SYMBOL[state]} {t(f'plan.coverage.{state}')}"


def phase_label(phase: str | None) -> str:
    return t(f"phase.{phase}") if phase else ""


def title(ov: Overview) -> str:
    return t("plan.title", name=flat(ov.header.name))


def year_heading(year: YearView, ov: Overview) -> str:
    if year.start is None or year.end is None:
        return t("plan.year_outside", number=year.number)
    text = t(
        "plan.year_heading",
        number=year.number,
        start=month_year(year.start),
        end=month_year(year.end),
        phase=phase_label(year.phase),
    )
    if ov.header.now.year == year.number:
        text += " · " + t("plan.current_year")
    return text


def group_heading(group: CompetencyGroup) -> str:
    if group.competency is None:
        return t("plan.unknown_competency")
    return t("fw.competency", number=group.competency.number, title=group.competency.title)


def now_text(ov: Overview) -> str:
    now = ov.header.now
    if now.state == "not_started":
        return t("plan.now.not_started")
    if now.state == "finished":
        return t("plan.now.finished")
    return t(
        "plan.now.in_training",
        year=now.year,
        count=ov.header.year_count,
        phase=phase_label(now.phase),
    )


def header_fields(ov: Overview) -> list[tuple[str, str]]:
    """(label, value) pairs of the header, user text flattened; empty fields left out."""
    h = ov.header
    fields = [
        (t("plan.label.specialty"), flat(h.specialty)),
        (t("plan.label.supervisor"), flat(h.supervisor)),
        (t("plan.label.institution"), flat(h.institution)),
        (
            t("plan.label.period"),
            t("plan.period", start=date(h.start), end=date(h.end), years=years_text(h.years)),
        ),
        (t("plan.label.calendar"), calendar_text(h.calendar, date) or ""),
        (t("plan.label.now", date=date(h.now.today)), now_text(ov)),
        (t("plan.label.framework"), h.framework_title),
    ]
    return [(label, value) for label, value in fields if value]


def topic_text(a: ActivityView) -> str:
    return a.topic_title or t("plan.unknown_topic", id=a.activity.topic)


def _done(done_on: dt.date | None, evidence: str | None) -> str:
    """The done date and the evidence, as one line."""
    parts = [date(done_on) if done_on else "", flat(evidence) if evidence else ""]
    return " · ".join(p for p in parts if p)


def done_text(a: ActivityView) -> str:
    return _done(a.activity.done_on, a.activity.evidence)


def course_done_text(c: CourseView) -> str:
    return _done(c.entry.done_on, c.entry.evidence)


def course_title(c: CourseView) -> str:
    title = flat(c.title)
    return title if c.known else f"{title} ({t('plan.own_course')})"


def numbers(values: tuple[int, ...]) -> str:
    return ", ".join(str(n) for n in values) if values else "–"


def findings_summary(ov: Overview) -> str:
    if not ov.findings:
        return t("plan.no_findings")
    return t("plan.findings_count", **finding_counts(ov.errors, ov.warnings))


# -- JSON ------------------------------------------------------------------------------


def to_data(ov: Overview) -> dict[str, Any]:
    """The plan with its derived fields; the shape is documented in docs/plan-output.md."""
    h = ov.header
    return {
        "format": "mlplan-plan-overview",
        "format_version": JSON_FORMAT_VERSION,
        "path": ov.path,
        "today": h.now.today.isoformat(),
        "language": get_language(),  # of the findings' messages; keys and values are not translated
        "framework": {"id": h.framework_id, "title": h.framework_title},
        "aios": {
            "name": h.name,
            "specialty": h.specialty,
            "institution": h.institution,
            "supervisor": h.supervisor,
        },
        "training": {
            "start": h.start.isoformat(),
            "end": h.end.isoformat(),
            "years": int(h.years) if float(h.years).is_integer() else h.years,
            "year_count": h.year_count,
            **calendar_json(h.calendar),
        },
        "position": {"state": h.now.state, "year": h.now.year, "phase": h.now.phase},
        "years": [
            {
                "number": y.number,
                "start": y.start.isoformat() if y.start else None,
                "end": y.end.isoformat() if y.end else None,
                "phase": y.phase,
                "in_training": y.in_training,
                "activities": [a.number for a in y.activities],
            }
            for y in ov.years
        ],
        "activities": [
            {
                "number": a.number,
                **a.activity.model_dump(mode="json", exclude_none=False),
                "topic_title": a.topic_title,
                "competency": a.competency,
                "suggested_phase": a.suggested_phase,
            }
            for a in ov.activities
        ],
        "coverage": {
            "covered": ov.coverage.covered,
            "done": ov.coverage.done,
            "total": ov.coverage.total,
            "topics": [
                {
                    "competency": c.competency,
                    "topic": c.topic_id,
                    "title": c.title,
                    "state": c.state,
                    "activities": list(c.activities),
                    "done": c.done,
                    "min_activities": c.needed,
                }
                for c in ov.coverage.topics
            ],
        },
        "courses": [
            {
                "number": c.number,
                **c.entry.model_dump(mode="json"),
                "title": c.title,
                "known": c.known,
                "required": c.required,
                "requirements": list(c.requirements),
            }
            for c in ov.courses
        ],
        "course_requirements": [
            {
                "id": r.id,
                "title": r.title,
                "any_of": list(r.any_of),
                "state": r.state,
                "courses": list(r.courses),
            }
            for r in ov.requirements
        ],
        "improvement_points": [p.model_dump(mode="json") for p in ov.improvement_points],
        "meetings": [m.model_dump(mode="json") for m in ov.meetings],
        "findings": {
            "diagnostics": [diagnostic_dict(d) for d in ov.findings],
            "errors": ov.errors,
            "warnings": ov.warnings,
        },
    }


def to_json(ov: Overview) -> str:
    return json.dumps(to_data(ov), ensure_ascii=False, indent=2) + "\n"


# -- CSV -------------------------------------------------------------------------------


CSV_DIALECTS = ("standard", "excel-nl")


# the columns of the plan's activities as a table file (CSV here, render/xlsx.py), in order
ACTIVITY_COLUMNS = (
    "plan.col.number",
    "plan.col.year",
    "plan.col.competency",
    "plan.col.topic",
    "plan.col.topic_id",
    "plan.col.activity",
    "plan.col.goal",
    "plan.col.status",
    "plan.col.done_on",
    "plan.col.evidence",
)


def to_csv(ov: Overview, dialect: str = "standard") -> str:
    """One row per activity, in plan order; user text as written (the csv module quotes
    commas, quotes and newlines), except that every cell passes :func:`csv_cell`: no
    formula runs and no control character is written raw.

    ``standard`` is RFC 4180 with ``,`` and LF line ends; ``excel-nl`` is what Excel with
    Dutch regional settings opens with a double click: ``;`` between fields, CR LF line
    ends and a UTF-8 byte order mark (without it Excel reads the file as Windows-1252)."""
    buffer = io.StringIO()
    if dialect == "excel-nl":
        buffer.write("\ufeff")
        writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    else:
        writer = csv.writer(buffer, lineterminator="\n")

    def write(cells: list[Any]) -> None:
        writer.writerow([csv_cell(c) for c in cells])

    write([t(key) for key in ACTIVITY_COLUMNS])
    for a in ov.activities:
        act = a.activity
        write(
            [
                a.number,
                act.year,
                a.competency if a.competency is not None else "",
                a.topic_title or "",
                act.topic,
                act.title,
                act.goal or "",
                status_word(act.status.value),
                act.done_on.isoformat() if act.done_on else "",
                act.evidence or "",
            ]
        )
    return buffer.getvalue()


# -- the page as a document -------------------------------------------------------------

# how a status or a coverage state stands out in media that colour it
STATUS_TONE: dict[str, Tone] = {
    "done": "good",
    "in_progress": "warn",
    "planned": "normal",
    "dropped": "muted",
}
COVERAGE_TONE: dict[str, Tone] = {"done": "good", "planned": "warn", "missing": "bad"}


def plan_document(ov: Overview, *, pictures: bool = False) -> Document:
    """The plan page built once, for every document medium (Markdown, HTML, PDF, Word):
    the header, per training year its activities per competency, coverage, courses,
    improvement points, meetings with their agreements and check's findings. ``pictures``:
    the SVG timeline (under the header) and the coverage chart (in its section), for media
    that draw them (``formats.Format.pictures``)."""
    h = ov.header
    blocks: list[Block] = [
        Fields(tuple(Field(label, value) for label, value in header_fields(ov))),
        Paragraph(t("plan.legend_status"), terminal=t("plan.legend")),
    ]
    if pictures:
        from mlplan.render import svg

        blocks.append(svg.plan_timeline(ov))
    blocks += [_year_section(year, ov) for year in ov.years]
    blocks += [
        _coverage_section(ov, pictures),
        _courses_section(ov),
        _improvement_section(ov),
        _meetings_section(ov),
        _findings_section(ov),
    ]
    name = flat(h.name)
    page_title = title(ov)
    return Document(
        title=page_title,
        blocks=tuple(blocks),
        header=f"{name} · {date(h.now.today)}",
        lang=get_language(),
        meta={"author": name, "subject": t("plan.subject"), "title": page_title},
    )


def to_markdown(ov: Overview) -> str:
    """The plan page as Markdown (the IOP's leadership part, for a portfolio or pandoc)."""
    from mlplan.render import emit_markdown

    return emit_markdown.to_markdown(plan_document(ov))


def _year_section(year: YearView, ov: Overview) -> Section:
    current = ov.header.now.year == year.number
    blocks: list[Block] = [
        Section(group_heading(group), (_activity_table(group),)) for group in year.groups
    ]
    if not year.groups:
        blocks.append(Paragraph(t("plan.no_activities")))
    return Section(
        year_heading(year, ov),
        tuple(blocks),
        tone="accent" if current else "strong",
        anchor=f"year-{year.number}",
    )


def _status_cell(status: str) -> Cell:
    return Cell(status_label(status), tone=STATUS_TONE[status])


def _activity_table(group: CompetencyGroup) -> Table:
    """Documents: a column per field. A terminal keeps a page on one screen: number, status
    and one column with the activity and, under it, its topic (with the id users type),
    objective and evidence."""
    rows: list[tuple[CellLike, ...]] = []
    for a in group.activities:
        act = a.activity
        status = _status_cell(act.status.value)
        # a known topic's id goes with its title (users type it); an unknown one's text
        # already names its id
        topic = Cell(a.topic_title, code=act.topic) if a.topic_title else Cell(topic_text(a))
        rows.append(
            (
                str(a.number),
                status,
                topic,
                flat(act.title),
                flat(act.goal),
                status,
                done_text(a),
                _activity_lines(a),
            )
        )
    columns = (
        Column(t("plan.col.number"), wrap=False, right=True, weight=4),
        Column(t("plan.col.status"), wrap=False, document=False),
        Column(t("plan.col.topic"), weight=16, terminal=False),
        Column(t("plan.col.activity"), weight=20, terminal=False),
        Column(t("plan.col.goal"), weight=20, terminal=False),
        Column(t("plan.col.status"), wrap=False, weight=10, terminal=False),
        Column(t("plan.col.done"), weight=18, terminal=False),
        Column(t("plan.col.activity"), document=False),
    )
    return Table(columns, tuple(rows))


def _activity_lines(a: ActivityView) -> str:
    """The terminal's activity cell: the title, then its topic, objective and evidence."""
    act = a.activity
    lines = [
        flat(act.title),
        t("plan.topic_line", title=a.topic_title, id=act.topic)
        if a.topic_title
        else t("plan.topic_line_unknown", text=topic_text(a)),
    ]
    if act.goal:
        lines.append(t("plan.goal", goal=flat(act.goal)))
    if done_text(a):
        lines.append(t("plan.done_line", text=done_text(a)))
    return "\n".join(lines)


def _coverage_section(ov: Overview, pictures: bool) -> Section:
    cov = ov.coverage
    blocks: list[Block] = [
        Paragraph(t("plan.coverage_summary", covered=cov.covered, total=cov.total, done=cov.done))
    ]
    if pictures:
        from mlplan.render import svg

        blocks.append(svg.coverage_bars(svg.bars_of_overview(ov)))
    columns = (
        Column(t("plan.col.competency"), wrap=False, right=True, weight=8, terminal=False),
        # a terminal names each competency once, on its first topic's row
        Column(t("plan.col.competency_short"), wrap=False, right=True, document=False),
        Column(t("plan.col.topic"), weight=34),
        Column(t("plan.col.coverage"), wrap=False, weight=12),
        Column(t("plan.col.activities"), weight=12),
    )
    rows = tuple(
        (
            str(c.competency),
            str(c.competency) if i == 0 or cov.topics[i - 1].competency != c.competency else "",
            c.title,
            Cell(coverage_label(c.state), tone=COVERAGE_TONE[c.state]),
            numbers(c.activities),
        )
        for i, c in enumerate(cov.topics)
    )
    blocks.append(Table(columns, rows))
    return Section(t("plan.coverage"), tuple(blocks), anchor="coverage")


def _courses_section(ov: Overview) -> Section:
    blocks: list[Block] = []
    if ov.courses:
        columns = (
            Column(t("plan.col.year"), wrap=False, right=True, weight=4),
            Column(t("plan.col.course"), weight=26, terminal=False),
            # a terminal has no room for a column of its own: "verplicht" under the name
            Column(t("plan.col.course"), document=False),
            Column(t("plan.col.required"), wrap=False, weight=9, terminal=False),
            Column(t("plan.col.status"), wrap=False, weight=10),
            Column(t("plan.col.done"), weight=23),
        )
        rows = tuple(
            (
                str(c.entry.year) if c.entry.year is not None else "",
                course_title(c),
                f"{course_title(c)}\n{t('plan.required')}" if c.required else course_title(c),
                t("plan.required") if c.required else "",
                _status_cell(c.entry.status.value),
                course_done_text(c),
            )
            for c in ov.courses
        )
        blocks.append(Table(columns, rows))
    else:
        blocks.append(Paragraph(t("plan.no_courses")))
    if ov.requirements:
        blocks.append(Paragraph(t("plan.requirements"), tone="strong"))
        items = tuple(
            ListItem(f"{coverage_label(r.state)}: {r.title}", tone=COVERAGE_TONE[r.state])
            for r in ov.requirements
        )
        blocks.append(ItemList(items))
    return Section(t("plan.courses"), tuple(blocks), anchor="courses")


def _improvement_section(ov: Overview) -> Section:
    if not ov.improvement_points:
        return Section(t("plan.improvement"), (Paragraph(t("plan.no_improvement")),))
    items = tuple(
        ListItem(
            flat(p.point),
            tone="strong",
            fields=tuple(
                Field(t(label), flat(text))
                for label, text in (("plan.how", p.how), ("plan.evidence", p.evidence))
                if text
            ),
        )
        for p in ov.improvement_points
    )
    return Section(t("plan.improvement"), (ItemList(items, numbered=True),), anchor="improvement")


def _meetings_section(ov: Overview) -> Section:
    if not ov.meetings:
        return Section(t("plan.meetings"), (Paragraph(t("plan.no_meetings")),))
    meetings: list[Block] = []
    for m in ov.meetings:
        blocks: list[Block] = []
        if m.notes:
            blocks.append(Paragraph(flat(m.notes)))
        if m.agreements:
            blocks.append(Paragraph(f"{t('plan.agreements')}:", tone="muted"))
            blocks.append(ItemList(tuple(ListItem(flat(agreement_line(a))) for a in m.agreements)))
        heading = f"{date(m.date)} · {t(f'meeting.{m.kind.value}')}"
        meetings.append(Section(heading, tuple(blocks)))
    return Section(t("plan.meetings"), tuple(meetings), anchor="meetings")


def _findings_section(ov: Overview) -> Section:
    found = Findings(
        tuple(
            Finding(
                location(d),
                d.code,
                "error" if d.severity is Severity.ERROR else "warning",
                flat(d.message),
                place=t("plan.at_line", line=d.line, column=d.column),
            )
            for d in ov.findings
        )
    )
    blocks: tuple[Block, ...] = (Paragraph(findings_summary(ov)), found)
    return Section(t("plan.findings"), blocks, anchor="findings")


# -- the terminal ------------------------------------------------------------------------


def plan_text(ov: Overview, width: int, *, color: bool = False) -> str:
    """The plan page for a terminal, ``width`` columns wide, in colour if ``color``: the
    same document as Markdown and PDF, laid out by ``render/emit_text.py``."""
    from mlplan.render.emit_text import to_text

    return to_text(plan_document(ov), width=width, color=color)


def table_text(ov: Overview, width: int) -> str:
    """The terminal page as plain text, for writing to a file (and for tests)."""
    return plan_text(ov, width)
