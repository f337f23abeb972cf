"""``mlplan handover``'s overdrachtsdocument as a document, and its JSON.

For the portfolio: the aios and the training, what was done (date and evidence), what is
open and planned, coverage per competency, courses, improvement points, every meeting with
its agreements and the ones still open, and check's findings. Every fact comes from
:class:`mlplan.domain.handover.Handover` (the plan's overview and the summary); labels and wording
are those of ``mlplan plan`` and ``mlplan summary`` wherever they say the same thing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from mlplan.domain import resolved
from mlplan.domain.handover import Handover
from mlplan.domain.overview import ActivityView
from mlplan.i18n import get_language, plural, t
from mlplan.model.plan import Meeting
from mlplan.render import plan as planpage
from mlplan.render import summary as summarypage
from mlplan.render.document import (
    Block,
    Cell,
    Column,
    Document,
    Field,
    Fields,
    ItemList,
    ListItem,
    Paragraph,
    Section,
    Table,
    Tone,
)
from mlplan.render.pages import prepare as preparepage
from mlplan.render.pages.common import BLANK, findings, improvement_list

FORMAT_VERSION = 1


def document(h: Handover) -> Document:
    """The overdrachtsdocument of a plan that validated."""
    ov = h.overview
    title = t("handover.title", name=ov.header.name)
    blocks: tuple[Block, ...] = (
        _who(h),
        _done(h),
        _open(h),
        _coverage(h),
        _courses(h),
        _improvement(h),
        _meetings(h),
        _check(h),
    )
    return Document(
        title=title,
        subtitle=t("summary.file", path=ov.path),
        blocks=blocks,
        header=f"{ov.header.name} · {planpage.date(h.today)}",
        lang=get_language(),
        meta={
            "author": ov.header.supervisor or "",
            "subject": t("handover.subject"),
            "title": title,
        },
    )


def _who(h: Handover) -> Section:
    """The aios, the training and where it stands, who hands over to whom and when."""
    ov = h.overview
    pairs = [(t("handover.label.aios"), ov.header.name), *planpage.header_fields(ov)]
    if not ov.header.supervisor:  # the one who hands over signs; room to write the name
        pairs.insert(2, (t("plan.label.supervisor"), BLANK))
    pairs += [
        (t("handover.label.to"), h.to or BLANK),
        (t("handover.label.date"), planpage.date(h.today)),
    ]
    return Section(
        t("handover.h.who"), (Fields(tuple(Field(label, value) for label, value in pairs)),)
    )


def _topic(a: ActivityView) -> str:
    return planpage.topic_text(a)


def _done(h: Handover) -> Section:
    heading = t("handover.h.done")
    count = plural("count.activities", len(h.done))
    if not h.done:
        return Section(heading, (Paragraph(t("handover.none.done"), tone="muted"),), summary=count)
    columns = (
        Column(t("plan.col.done_on"), wrap=False),
        Column(t("plan.col.activity")),
        Column(t("plan.col.topic")),
        Column(t("plan.col.evidence")),
    )
    rows = tuple(
        (
            planpage.date(a.activity.done_on) if a.activity.done_on else "",
            a.activity.title,
            _topic(a),
            planpage.flat(a.activity.evidence),
        )
        for a in h.done
    )
    return Section(heading, (Table(columns, rows),), summary=count)


def _open(h: Handover) -> Section:
    heading = t("handover.h.open")
    count = plural("count.activities", len(h.open))
    blocks: list[Block] = []
    if h.open:
        columns = (
            Column(t("plan.col.year"), right=True, wrap=False),
            Column(t("plan.col.activity")),
            Column(t("plan.col.topic")),
            Column(t("plan.col.status"), wrap=False),
        )
        rows = []
        tones: list[Tone | None] = []
        for a in h.open:
            late = a.number in h.overdue
            status = planpage.status_label(a.activity.status.value)
            rows.append(
                (
                    str(a.activity.year),
                    a.activity.title,
                    _topic(a),
                    Cell(f"{status} · {t('handover.overdue')}" if late else status),
                )
            )
            tones.append("bad" if late else None)
        blocks.append(Table(columns, tuple(rows), row_tones=tuple(tones)))
    else:
        blocks.append(Paragraph(t("handover.none.open"), tone="muted"))
    if h.overdue:
        blocks.append(Paragraph(t("handover.overdue_note"), tone="muted"))
    if h.dropped:
        blocks.append(
            Section(
                t("handover.h.dropped"),
                (
                    ItemList(
                        tuple(
                            ListItem(
                                t("handover.dropped", title=a.activity.title, year=a.activity.year),
                                tone="muted",
                            )
                            for a in h.dropped
                        )
                    ),
                ),
            )
        )
    return Section(heading, tuple(blocks), summary=count)


def _coverage(h: Handover) -> Section:
    cov = h.summary.coverage
    assert cov is not None
    total = t("summary.coverage.total", covered=cov.covered, total=cov.total, done=cov.done)
    columns = (
        Column(t("summary.col.competency")),
        Column(t("summary.col.covered"), right=True, wrap=False),
        Column(t("summary.col.done_topics"), right=True, wrap=False),
        Column(t("summary.col.missing")),
    )
    rows = tuple(
        (
            f"{c.number}. {c.title}",
            f"{c.covered}/{c.total}",
            str(c.done),
            Cell(
                ", ".join(m.title for m in c.missing) or "–", tone="bad" if c.missing else "normal"
            ),
        )
        for c in cov.competencies
    )
    return Section(
        t("plan.coverage"),
        (Paragraph(total), Table(columns, rows)),
    )


def _courses(h: Handover) -> Section:
    ov = h.overview
    blocks: list[Block] = []
    if ov.courses:
        columns = (
            Column(t("plan.col.year"), right=True, wrap=False),
            Column(t("plan.col.course")),
            Column(t("plan.col.required"), wrap=False),
            Column(t("plan.col.status"), wrap=False),
            Column(t("plan.col.done")),
        )
        rows = tuple(
            (
                str(c.entry.year) if c.entry.year is not None else "",
                planpage.course_title(c),
                t("plan.required") if c.required else "",
                planpage.status_label(c.entry.status.value),
                planpage.course_done_text(c),
            )
            for c in ov.courses
        )
        blocks.append(Table(columns, rows))
    else:
        blocks.append(Paragraph(t("plan.no_courses"), tone="muted"))
    if ov.requirements:
        blocks.append(
            Section(
                t("plan.requirements"),
                (
                    ItemList(
                        tuple(
                            ListItem(
                                f"{planpage.coverage_label(r.state)}: {r.title}",
                                tone="bad" if r.state == "missing" else "normal",
                            )
                            for r in ov.requirements
                        )
                    ),
                ),
            )
        )
    return Section(t("plan.courses"), tuple(blocks))


def _improvement(h: Handover) -> Section:
    points = h.overview.improvement_points
    if not points:
        return Section(t("plan.improvement"), (Paragraph(t("plan.no_improvement"), tone="muted"),))
    return Section(t("plan.improvement"), (improvement_list(points),))


def _meetings(h: Handover) -> Section:
    """Every meeting, oldest first (one dated after today is planned), then the agreements
    of the last one held that are still open, as the preparation sheet shows them."""
    meetings = h.overview.meetings
    if not meetings:
        return Section(t("plan.meetings"), (Paragraph(t("plan.no_meetings"), tone="muted"),))
    blocks: list[Block] = [_meeting(m, h.today) for m in meetings]
    if h.summary.last_meeting is not None:
        blocks.append(
            preparepage.agreements_section(
                h.summary.last_meeting, h.open_agreements, show=planpage.date
            )
        )
    return Section(
        t("plan.meetings"), tuple(blocks), summary=plural("count.meetings", len(meetings))
    )


def _meeting(m: Meeting, today: dt.date) -> Section:
    """A meeting with its notes and agreements, each with its follow-up as the plan view
    writes it; an agreement recorded with a due date or owner and still without an outcome
    is marked open (past its due date: in red). Plain-text agreements (version 1) have no
    outcome to tell, and are listed as they are."""
    planned = m.date > today
    heading = f"{planpage.date(m.date)} · {summarypage.meeting_kind(m.kind.value)}"
    if planned:
        heading += f" ({t('handover.planned')})"
    blocks: list[Block] = []
    if m.notes:
        blocks.append(Paragraph(m.notes))
    if m.agreements:  # a label, not a heading: the meeting is the deepest heading
        items = []
        for a in m.agreements:
            if not planned and resolved.agreement_overdue(a, today):  # as check's ML206
                item = ListItem(planpage.agreement_line(a), (t("handover.agreement_late"),), "bad")
            elif a.is_open and not a.plain and not planned:
                item = ListItem(planpage.agreement_line(a), (t("handover.agreement_open"),))
            else:
                item = ListItem(planpage.agreement_line(a))
            items.append(item)
        blocks += [Paragraph(t("handover.agreements"), tone="strong"), ItemList(tuple(items))]
    return Section(heading, tuple(blocks), tone="muted" if planned else "strong")


def _check(h: Handover) -> Section:
    ov = h.overview
    heading = t("plan.findings")
    if not ov.findings:
        return Section(heading, (Paragraph(t("plan.no_findings")),))
    return Section(
        heading,
        (Paragraph(planpage.findings_summary(ov)), findings(ov.findings)),
        tone="bad" if ov.errors else "strong",
    )


# -- JSON ----------------------------------------------------------------------------------


def to_data(h: Handover) -> dict[str, Any]:
    """The document's facts: ``plan --format json``'s object (every activity, course,
    meeting and finding) and ``summary --format json``'s page (position, coverage per
    competency, overdue, the last meeting's agreements), under one roof with who hands
    over to whom. Documented in docs/meetings.md."""
    ov = h.overview
    return {
        "format": "mlplan-handover",
        "format_version": FORMAT_VERSION,
        "path": ov.path,
        "today": h.today.isoformat(),
        "from": ov.header.supervisor,
        "to": h.to,
        "done": [a.number for a in h.done],
        "open": [a.number for a in h.open],
        "overdue": sorted(h.overdue),
        "dropped": [a.number for a in h.dropped],
        "plan": planpage.to_data(ov),
        "summary": summarypage.page_json(h.summary),
    }
