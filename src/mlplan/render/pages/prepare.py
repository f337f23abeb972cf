"""``mlplan prepare``'s sheet as a document, and its JSON.

One page that the aios fills in and sends to the opleider before a meeting: where the
training stands, per competency what was done since the last meeting with its evidence
and a line for a short self-assessment (guided by the questions of the framework's tips,
quoted as the source words them), the open agreements, what is due next, and what check
finds. Every fact comes from :class:`mlplan.domain.prepare.Preparation` (that is: the summary);
the wording and the labels are the summary page's wherever the two say the same thing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from mlplan.domain.prepare import CompetencyWork, Preparation
from mlplan.domain.summary import Agreement, LastMeeting, OverdueAgreement, PageItem, Summary
from mlplan.i18n import finding_counts, get_language, t
from mlplan.render import plan as planpage
from mlplan.render import summary as page
from mlplan.render.document import (
    Block,
    Cell,
    CellLike,
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
from mlplan.render.pages.common import BLANK, findings

FORMAT_VERSION = 1


def _date(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def document(prep: Preparation) -> Document:
    """The sheet of a plan that validated."""
    s = prep.summary
    assert s.aios is not None
    title = t("prepare.title", name=s.aios.name, date=_date(s.today))
    blocks: list[Block] = [
        Section(t("summary.h.position"), (_fields(page.position_fields(s)),)),
        _work(prep),
        agreements_section(s.last_meeting, prep.open_agreements, prep.earlier_overdue),
        Section(page.due_heading(s), _items(s.due, "open", "summary.none.due")),
    ]
    if s.overdue:  # on a sheet of one page, only when there is something
        blocks.append(Section(t("summary.h.overdue"), _items(s.overdue, "open", ""), tone="bad"))
    blocks.append(_check(s))
    return Document(
        title=title,
        subtitle=page.meta_line(s),
        blocks=tuple(blocks),
        header=f"{s.aios.name} · {_date(s.today)}",
        lang=get_language(),
        meta={"author": s.aios.name, "subject": t("prepare.subject"), "title": title},
    )


def _fields(pairs: Sequence[tuple[str, str]]) -> Fields:
    return Fields(tuple(Field(label, value) for label, value in pairs))


def _work(prep: Preparation) -> Section:
    """Per competency: what was done since the last meeting, and room to assess it."""
    s = prep.summary
    blocks: list[Block] = [Paragraph(t("prepare.work.intro"))]
    if prep.reflection is not None:
        r = prep.reflection
        fw = prep.framework
        blocks += [
            Paragraph(r.intro),
            ItemList(tuple(ListItem(t("prepare.quote", text=q)) for q in r.questions)),
            Paragraph(
                t("prepare.source", title=r.title, work=fw.title, by=fw.publisher, year=fw.year),
                tone="muted",
            ),
        ]
    blocks += [_competency(c) for c in prep.competencies]
    if prep.courses_done:
        blocks.append(Section(t("plan.courses"), _items(prep.courses_done, "done", "")))
    if prep.unplaced_done:
        blocks.append(Section(t("plan.unknown_competency"), _items(prep.unplaced_done, "done", "")))
    return Section(page.done_heading(s), tuple(blocks))


def _competency(work: CompetencyWork) -> Section:
    c = work.coverage
    return Section(
        t("fw.competency", number=c.number, title=c.title),
        (
            *_items(work.done_since, "done", "summary.none.done"),
            Fields((Field(t("prepare.self_assessment"), BLANK),)),
        ),
        summary=t("prepare.competency.summary", covered=c.covered, total=c.total, done=c.done),
    )


def _items(items: Sequence[PageItem], kind: str, empty: str) -> tuple[Block, ...]:
    """A table of items as the summary page shows them: done ones with date and evidence,
    open ones with year and status; ``empty``'s text when there are none."""
    if not items:
        return (Paragraph(t(empty), tone="muted"),) if empty else ()
    if kind == "done":
        columns = (
            "summary.col.date",
            "summary.col.item",
            "summary.col.topic",
            "summary.col.evidence",
        )
        rows = [(_date(i.done_on), i.title, page.item_topic(i), i.evidence or "") for i in items]
    else:
        columns = (
            "summary.col.year",
            "summary.col.item",
            "summary.col.topic",
            "summary.col.status",
        )
        rows = [
            (str(i.year or ""), i.title, page.item_topic(i), t(f"status.{i.status}")) for i in items
        ]
    return (Table(tuple(Column(t(key)) for key in columns), tuple(rows)),)


# -- agreements ------------------------------------------------------------------------------


def agreements_section(
    meeting: LastMeeting | None,
    agreements: Sequence[Agreement],
    earlier: Sequence[OverdueAgreement] = (),
    show: Callable[[dt.date], str] = dt.date.isoformat,
) -> Section:
    """The open agreements of the last meeting: what each is about and whether it moved
    (the summary's reading), with its owner and due date when it has them (past due: in
    red, marked); then the ones of earlier meetings still open past their due date. Dates
    as ``show`` writes them (ISO, as the summary page, by default)."""
    if meeting is None:
        return Section(
            t("prepare.h.agreements_none"), (Paragraph(t("summary.none.meeting"), tone="muted"),)
        )
    heading = t(
        "prepare.h.agreements", date=show(meeting.date), kind=page.meeting_kind(meeting.kind)
    )
    blocks: list[Block] = []
    if agreements:
        blocks.append(_agreements_table(agreements, show))
    else:
        blocks.append(Paragraph(t("prepare.none.agreements"), tone="muted"))
    if earlier:
        blocks += [
            Paragraph(t("prepare.earlier_overdue"), tone="strong"),
            ItemList(tuple(_overdue_item(a, show) for a in earlier)),
        ]
    return Section(heading, tuple(blocks))


def _agreements_table(agreements: Sequence[Agreement], show: Callable[[dt.date], str]) -> Table:
    # a version-1 agreement is text: no owner or due date, and then no such columns
    owners = any(a.owner for a in agreements)
    dues = any(a.due for a in agreements)
    columns = [Column(t("summary.col.agreement"))]
    columns += [Column(t("prepare.col.owner"))] if owners else []
    columns += [Column(t("prepare.col.due"), wrap=False)] if dues else []
    # one item a line: what the agreement mentions, and how each moved
    columns += [
        Column(t("summary.col.mentions"), items=True),
        Column(t("summary.col.moved"), items=True),
    ]
    rows = []
    for a in agreements:
        row: list[CellLike] = [a.text]
        row += [planpage.owner_text(a.owner) if a.owner else ""] if owners else []
        if dues:
            due = show(a.due) if a.due else ""
            row.append(Cell(t("prepare.late", due=due), tone="bad") if a.overdue else due)
        row += [
            "\n".join(m.item.title for m in a.matches),
            "\n".join(page.moved_text(m, show) for m in a.matches) or t("summary.moved.unmatched"),
        ]
        rows.append(tuple(row))
    tones: tuple[Tone | None, ...] = tuple("bad" if a.overdue else None for a in agreements)
    return Table(tuple(columns), tuple(rows), row_tones=tones)


def _overdue_item(a: OverdueAgreement, show: Callable[[dt.date], str]) -> ListItem:
    details = [t("prepare.from_meeting", date=show(a.meeting)), t("prepare.late", due=show(a.due))]
    if a.owner:
        details.insert(0, planpage.owner_text(a.owner))
    return ListItem(a.text, (" · ".join(details),), tone="bad")


def _check(s: Summary) -> Section:
    status = s.check
    if not status.findings:
        return Section(t("summary.h.check"), (Paragraph(t("summary.check.clean")),))
    blocks: list[Block] = [
        Paragraph(t("summary.check.counts", **finding_counts(status.errors, status.warnings))),
        findings(status.findings),
    ]
    if status.more:
        blocks.append(Paragraph(t("summary.check.more", count=status.more, path=s.path)))
    return Section(t("summary.h.check"), tuple(blocks), tone="bad" if status.errors else "strong")


# -- JSON ----------------------------------------------------------------------------------


def to_data(prep: Preparation) -> dict[str, Any]:
    """The sheet's facts; the shape is documented in docs/meetings.md. Items, position,
    training and findings are written as ``summary --format json`` writes them."""
    s = prep.summary
    full = page.page_json(s)
    r = prep.reflection
    return {
        "format": "mlplan-prepare",
        "format_version": FORMAT_VERSION,
        "path": s.path,
        "today": _date(s.today),
        "aios": full["aios"],
        "training": full["training"],
        "position": full["position"],
        "last_meeting": None
        if s.last_meeting is None
        else {"date": _date(s.last_meeting.date), "kind": s.last_meeting.kind},
        "since": full["done_since"]["since"],
        "since_source": full["done_since"]["source"],
        "competencies": [
            {
                "number": w.coverage.number,
                "title": w.coverage.title,
                "covered": w.coverage.covered,
                "done": w.coverage.done,
                "total": w.coverage.total,
                "done_since": [page.item_json(i) for i in w.done_since],
            }
            for w in prep.competencies
        ],
        "courses_done_since": [page.item_json(i) for i in prep.courses_done],
        "unplaced_done_since": [page.item_json(i) for i in prep.unplaced_done],
        "open_agreements": _open_agreements_json(prep, full),
        "earlier_overdue_agreements": [
            {
                "text": a.text,
                "meeting": _date(a.meeting),
                "due": _date(a.due),
                "owner": a.owner,
            }
            for a in prep.earlier_overdue
        ],
        "due": full["due"],
        "overdue": full["overdue"],
        "check": full["check"],
        "reflection": None
        if r is None
        else {"title": r.title, "intro": r.intro, "questions": list(r.questions)},
    }


def _open_agreements_json(prep: Preparation, full: dict[str, Any]) -> list[dict[str, Any]]:
    """The summary's JSON of each open agreement (the last meeting's, in its order), with
    its number in the meeting, owner, due date and whether it is past due."""
    meeting = prep.summary.last_meeting
    if meeting is None:
        return []
    written = full["last_meeting"]["agreements"]
    return [
        {
            "number": a.number,
            "owner": a.owner,
            "due": _date(a.due) or None,
            "overdue": a.overdue,
            **data,
        }
        for a, data in zip(meeting.agreements, written, strict=True)
        if a.is_open
    ]
