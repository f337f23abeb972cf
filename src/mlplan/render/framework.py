"""Rendering the framework: the page built once as a document (:func:`framework_document`,
written by the terminal and Markdown emitters), and its JSON. No I/O, no loading.

On a terminal the page is an outline (``Document.outline``) laid out so that at any width
from 40 columns up nothing is cut: text wraps at spaces, an id or a URL stands whole on its
line, and a table whose columns cannot hold their longest words shows each row as an entry
instead (its id on a line of its own, the title and the rest under it).
"""

from __future__ import annotations

import json
from typing import Any

from mlplan.i18n import get_language, plural, t
from mlplan.model.framework import Course, Framework, Phase, Topic
from mlplan.render.document import (
    Block,
    Cell,
    Column,
    Document,
    ItemList,
    ListItem,
    Medium,
    Paragraph,
    Quote,
    Section,
    Table,
)
from mlplan.render.textlayout import BULLET

# -- JSON ------------------------------------------------------------------------------


def to_json(fw: Framework, topic: Topic | None = None) -> str:
    """The spec's shape; one topic (with its competency number) when ``topic`` is given."""
    if topic is not None:
        competency = fw.competency_of(topic.id)
        data: dict[str, Any] = {
            "competency": competency.number if competency else None,
            **topic.model_dump(mode="json"),
        }
    else:
        data = fw.model_dump(mode="json")
    return json.dumps(data, ensure_ascii=False, indent=2)


# -- the page as a document --------------------------------------------------------------


def framework_document(fw: Framework, topic: Topic | None = None) -> Document:
    """The framework (or one ``topic`` in full) as a page: per competency its topics, the
    courses, the learning curve and the levels. A framework file may be anyone's
    (``--framework``): its text is user text, escaped by each emitter."""
    if topic is not None:
        return _topic_document(fw, topic)
    blocks: list[Block] = [
        Paragraph(t("fw.source", publisher=fw.publisher, year=fw.year)),
        Quote(fw.rule),
    ]
    for comp in fw.competencies:
        canmeds = t("fw.canmeds", number=comp.canmeds.key_competency, text=comp.canmeds.text)
        heading = t("fw.competency", number=comp.number, title=comp.title)
        blocks.append(
            Section(
                heading, (Medium(document=(Paragraph(canmeds, "muted"),)), _topics(comp.topics))
            )
        )
    courses = (_required(fw), _optional(fw))
    blocks += [
        # the terminal has no room for a heading above these two
        Medium(terminal=courses, document=(Section(t("fw.courses"), courses),)),
        Section(t("fw.phases"), tuple(_phase(phase) for phase in fw.phases)),
        Section(
            t("fw.levels"),
            (ItemList(tuple(ListItem(lv.description, term=lv.title) for lv in fw.levels)),),
        ),
        Medium(terminal=(Paragraph(t("fw.more", example=next(iter(fw.topic_ids()), ""))),)),
    ]
    return Document(title=fw.title, blocks=tuple(blocks), lang=get_language(), outline=True)


def _id_column() -> Column:
    return Column(t("fw.col.id"), wrap=False, tone="code")


def _lines(titles: list[str]) -> Cell:
    """Example activities, one a line: a terminal bullets them and keeps a title's own line
    breaks, where documents flatten each title (a Markdown cell lists them apart by ``; ``)."""
    return Cell(
        "\n".join(" ".join(title.split()) for title in titles),
        short="\n".join(BULLET + title for title in titles),
    )


def _topics(topics: list[Topic]) -> Table:
    """A competency's topics; on a terminal too narrow for the columns, each topic under its
    id, its example activities bulleted."""
    rows = []
    entries: list[Block] = []
    for tp in topics:
        titles = [a.title for a in tp.activities]
        rows.append((tp.id, tp.title, str(len(tp.objectives)), _lines(titles)))
        body = (Paragraph(tp.title, "strong"), *(Paragraph(BULLET + title) for title in titles))
        entries.append(Section(tp.id, body, tone="code"))
    columns = (
        _id_column(),
        Column(t("fw.col.topic")),
        Column(t("fw.col.objectives"), terminal=False),
        Column(t("fw.col.activities"), items=True),
    )
    return Table(columns, tuple(rows), narrow=tuple(entries))


def _course_details(course: Course) -> str:
    parts = [course.provider or "", course.note or ""]
    if course.duration_minutes:
        parts.append(t("fw.minutes", minutes=course.duration_minutes))
    if course.accreditation_points:
        parts.append(t("fw.points", points=f"{course.accreditation_points:g}"))
    return "; ".join(p for p in parts if p)


def _required(fw: Framework) -> Section:
    """The required courses; the terminal adds the ids of the courses that satisfy each."""
    reqs = fw.courses.requirements
    if not reqs:
        return Section(t("fw.required"), (Paragraph(t("fw.no_courses")),))
    terminal = tuple(ListItem(f"{r.title}  [{', '.join(r.any_of)}]") for r in reqs)
    document = tuple(ListItem(r.title) for r in reqs)
    return Section(
        t("fw.required"), (Medium(terminal=(ItemList(terminal),), document=(ItemList(document),)),)
    )


def _optional(fw: Framework) -> Section:
    """The optional courses; on a terminal too narrow for the columns, each under its id."""
    if not fw.courses.optional:
        return Section(t("fw.optional"), (Paragraph(t("fw.no_courses")),))
    details_header = t("fw.col.details")
    columns = (
        _id_column(),
        Column(t("fw.col.course")),
        Column(t("fw.col.kind"), terminal=False),
        Column(t("fw.col.level"), terminal=False),
        Column(details_header),
    )
    rows = []
    entries: list[Block] = []
    for c in fw.courses.optional:
        details = _course_details(c)
        rows.append((c.id, c.title, c.kind, ", ".join(c.level or ()), details))
        shown = (Paragraph(f"{details_header}: {details}", "muted"),) if details else ()
        entries.append(Section(c.id, (Paragraph(c.title, "strong"), *shown), tone="code"))
    return Section(t("fw.optional"), (Table(columns, tuple(rows), narrow=tuple(entries)),))


def _phase(phase: Phase) -> Section:
    items = [ListItem(goal) for goal in phase.goals]
    items += [ListItem(e, label=t("fw.phase_examples")) for e in phase.examples]
    return Section(phase.title, (ItemList(tuple(items)),))


def _phase_name(phase: str | None) -> str:
    return t(f"phase.{phase}") if phase else ""


def _topic_document(fw: Framework, topic: Topic) -> Document:
    """One topic in full: its competency, objectives, example activities and materials."""
    comp = fw.competency_of(topic.id)
    assert comp is not None
    objectives = topic.objectives or [topic.objectives_note or t("fw.no_objectives")]
    activities = Table(
        (Column(t("fw.col.activities")), Column(t("fw.col.phase"), wrap=False)),
        tuple(
            (Cell(a.title, short=BULLET + a.title), _phase_name(a.phase)) for a in topic.activities
        ),
        # too narrow for the columns: a list with each activity's phase after it
        narrow=(
            ItemList(
                tuple(
                    ListItem(f"{a.title} ({_phase_name(a.phase)})" if a.phase else a.title)
                    for a in topic.activities
                )
            ),
        ),
    )
    blocks: list[Block] = [
        Paragraph(t("fw.topic_of", number=comp.number, title=comp.title)),
        Paragraph(t("fw.min_activities", count=plural("count.activities", topic.min_activities))),
        Section(t("fw.objectives"), (ItemList(tuple(ListItem(o) for o in objectives)),)),
        Section(t("fw.activities"), (activities,)),
        Section(t("fw.materials"), (_materials(topic),)),
    ]
    return Document(
        title=topic.title, code=topic.id, blocks=tuple(blocks), lang=get_language(), outline=True
    )


def _materials(topic: Topic) -> Block:
    """A table in documents; a list on a terminal, where a URL is as wide as a column gets
    and stands whole on its line."""
    if not topic.materials:  # a sentence, not a table of headers alone
        return Paragraph(t("fw.no_materials"))
    table = Table(
        (Column(t("fw.col.title")), Column(t("fw.col.provider")), Column(t("fw.col.kind"))),
        tuple((Cell(m.title, url=m.url or ""), m.provider or "", m.kind) for m in topic.materials),
    )
    items = tuple(
        ListItem(
            m.title,
            details=(" · ".join(p for p in (m.provider, m.kind) if p),),
            url=m.url or "",
        )
        for m in topic.materials
    )
    return Medium(terminal=(ItemList(items),), document=(table,))
