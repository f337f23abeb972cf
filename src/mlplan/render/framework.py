"""Rendering the framework: terminal text, Markdown and JSON. No I/O, no loading."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from mlplan.framework import Competency, Course, Framework, Topic
from mlplan.i18n import plural, t
from mlplan.render import textlayout as layout
from mlplan.render.markdown import bullet, cell, escape, table

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


# -- shared text -----------------------------------------------------------------------


def _phase(phase: str | None) -> str:
    return t(f"phase.{phase}") if phase else ""


def _course_details(course: Course) -> str:
    parts = [course.provider or "", course.note or ""]
    if course.duration_minutes:
        parts.append(t("fw.minutes", minutes=course.duration_minutes))
    if course.accreditation_points:
        parts.append(t("fw.points", points=f"{course.accreditation_points:g}"))
    return "; ".join(p for p in parts if p)


# -- Markdown --------------------------------------------------------------------------


def to_markdown(fw: Framework, topic: Topic | None = None) -> str:
    if topic is not None:
        return _topic_markdown(fw, topic)
    # a framework file may be anyone's (--framework): its text is escaped like user text
    source = t("fw.source", publisher=fw.publisher, year=fw.year)
    lines = [f"# {escape(fw.title)}", "", escape(source), ""]
    lines += [f"> {escape(fw.rule)}", ""]
    for comp in fw.competencies:
        lines += [f"## {escape(t('fw.competency', number=comp.number, title=comp.title))}", ""]
        canmeds = t("fw.canmeds", number=comp.canmeds.key_competency, text=comp.canmeds.text)
        lines += [f"*{escape(canmeds)}*", ""]
        rows = [
            [
                f"`{tp.id}`",
                tp.title,
                str(len(tp.objectives)),
                "; ".join(a.title for a in tp.activities),
            ]
            for tp in comp.topics
        ]
        lines += table(
            [t("fw.col.id"), t("fw.col.topic"), t("fw.col.objectives"), t("fw.col.activities")],
            rows,
            escape=(False, True, True, True),
        )
        lines.append("")
    lines += _courses_markdown(fw)
    lines += _phases_markdown(fw)
    lines += [f"## {t('fw.levels')}", ""]
    lines += [bullet(f"**{escape(lv.title)}**: {escape(lv.description)}") for lv in fw.levels]
    lines.append("")
    return "\n".join(lines)


def _min_activities(topic: Topic) -> str:
    return t("fw.min_activities", count=plural("count.activities", topic.min_activities))


def _topic_markdown(fw: Framework, topic: Topic) -> str:
    comp = fw.competency_of(topic.id)
    assert comp is not None
    lines = [f"# {escape(topic.title)} (`{topic.id}`)", ""]
    lines += [escape(t("fw.topic_of", number=comp.number, title=comp.title)), ""]
    lines += [_min_activities(topic), ""]
    lines += [f"## {t('fw.objectives')}", ""]
    if topic.objectives:
        lines += [bullet(escape(o)) for o in topic.objectives]
    else:
        lines.append(bullet(escape(topic.objectives_note or t("fw.no_objectives"))))
    lines += ["", f"## {t('fw.activities')}", ""]
    lines += table(
        [t("fw.col.activities"), t("fw.col.phase")],
        [[a.title, _phase(a.phase)] for a in topic.activities],
    )
    lines += ["", f"## {t('fw.materials')}", ""]
    if not topic.materials:  # a sentence, not a table of headers alone
        lines += [escape(t("fw.no_materials")), ""]
        return "\n".join(lines)
    lines += table(
        [t("fw.col.title"), t("fw.col.provider"), t("fw.col.kind")],
        [
            [f"[{cell(m.title)}]({m.url})" if m.url else m.title, m.provider or "", m.kind]
            for m in topic.materials
        ],
        escape=(False, True, True),
    )
    lines.append("")
    return "\n".join(lines)


def _courses_markdown(fw: Framework) -> list[str]:
    lines = [f"## {t('fw.courses')}", "", f"### {t('fw.required')}", ""]
    lines += [bullet(escape(req.title)) for req in fw.courses.requirements] or [
        escape(t("fw.no_courses"))
    ]
    lines += ["", f"### {t('fw.optional')}", ""]
    if not fw.courses.optional:
        return [*lines, escape(t("fw.no_courses")), ""]
    rows = [
        [f"`{c.id}`", c.title, c.kind, ", ".join(c.level or ()), _course_details(c)]
        for c in fw.courses.optional
    ]
    lines += table(
        [
            t("fw.col.id"),
            t("fw.col.course"),
            t("fw.col.kind"),
            t("fw.col.level"),
            t("fw.col.details"),
        ],
        rows,
        escape=(False, True, True, True, True),
    )
    lines.append("")
    return lines


def _phases_markdown(fw: Framework) -> list[str]:
    lines = [f"## {t('fw.phases')}", ""]
    for phase in fw.phases:
        lines += [f"### {escape(phase.title)}", ""]
        lines += [bullet(escape(g)) for g in phase.goals]
        lines += [bullet(f"*{t('fw.phase_examples')}:* {escape(e)}") for e in phase.examples]
        lines.append("")
    return lines


# -- terminal text ---------------------------------------------------------------------
#
# Laid out as plain text (render/textlayout.py), like the summary's pages, so that at any
# width from 40 columns up nothing is cut: text wraps at spaces, an id or a URL stands
# whole on its line, and a table whose columns cannot hold their longest words is
# stacked instead (each row a heading with its details under it). No trailing spaces.


class _Text:
    """The lines of the terminal text at a width, styled only when ``color`` is on."""

    def __init__(self, width: int, color: bool) -> None:
        self.width = width
        self.color = color
        self.lines: list[str] = []

    def blank(self) -> None:
        self.lines.append("")

    def text(self, text: str, code: str | None = None, indent: int = 0) -> None:
        self.lines += layout.paragraph(
            text, self.width, indent=indent, code=code, color=self.color, fold=False
        )

    def bullets(self, items: Sequence[str], indent: int = 2) -> None:
        self.lines += layout.grid(
            [("•", item, None, None) for item in items],
            self.width,
            indent=indent,
            color=self.color,
            fold=False,
        )

    def fits(self, columns: Sequence[layout.Column], rows: Sequence[Sequence[str]]) -> bool:
        return layout.fits(columns, rows, self.width)

    def table(self, columns: Sequence[layout.Column], rows: Sequence[Sequence[str]]) -> None:
        self.lines += layout.table(columns, rows, self.width, color=self.color)

    def entry(self, head: str, title: str, items: Sequence[str], code: str | None = None) -> None:
        """A stacked table row: the id ``head`` on a line of its own, then the ``title``
        and the ``items`` indented under it (an item that starts with a bullet hangs its
        wrapped lines)."""
        self.text(head, layout.CYAN, indent=2)
        self.text(title, layout.BOLD, indent=4)
        for item in items:
            self.text(item, code, indent=4)

    def result(self) -> str:
        return "\n".join(self.lines) + "\n"


def table_text(fw: Framework, topic: Topic | None, *, width: int, color: bool) -> str:
    """The framework (or one topic) as terminal text, ``width`` columns wide."""
    page = _Text(width, color)
    if topic is not None:
        _topic_text(fw, topic, page)
        return page.result()
    page.text(fw.title, layout.BOLD)
    page.text(t("fw.source", publisher=fw.publisher, year=fw.year))
    page.text(fw.rule, layout.ITALIC)
    for comp in fw.competencies:
        page.blank()
        page.text(t("fw.competency", number=comp.number, title=comp.title), layout.BOLD)
        columns = [
            layout.Column(t("fw.col.id"), wrap=False, style=layout.CYAN),
            layout.Column(t("fw.col.topic")),
            layout.Column(t("fw.col.activities")),
        ]
        rows = [[tp.id, tp.title, _activity_bullets(tp)] for tp in comp.topics]
        if page.fits(columns, rows):
            page.table(columns, rows)
            continue
        for tp in comp.topics:  # too narrow for the columns: each topic under its id
            page.entry(tp.id, tp.title, _activity_bullets(tp).splitlines())
    page.blank()
    _courses_text(fw, page)
    page.blank()
    _phases_text(fw, page)
    page.blank()
    page.text(t("fw.levels"), layout.BOLD)
    page.bullets([f"{lv.title}: {lv.description}" for lv in fw.levels])
    page.blank()
    page.text(t("fw.more", example=_first_topic(fw)))
    return page.result()


def _activity_bullets(topic: Topic) -> str:
    return "\n".join(layout.BULLET + a.title for a in topic.activities)


def _first_topic(fw: Framework) -> str:
    return next(iter(fw.topic_ids()), "")


def _topic_text(fw: Framework, topic: Topic, page: _Text) -> None:
    comp: Competency | None = fw.competency_of(topic.id)
    assert comp is not None
    page.text(f"{topic.title} ({topic.id})", layout.BOLD)
    page.text(t("fw.topic_of", number=comp.number, title=comp.title))
    page.text(_min_activities(topic))
    page.blank()
    page.text(t("fw.objectives"), layout.BOLD)
    page.bullets(topic.objectives or [topic.objectives_note or t("fw.no_objectives")])
    page.blank()
    page.text(t("fw.activities"), layout.BOLD)
    columns = [
        layout.Column(t("fw.col.activities")),
        layout.Column(t("fw.col.phase"), wrap=False),
    ]
    rows = [[layout.BULLET + a.title, _phase(a.phase)] for a in topic.activities]
    if page.fits(columns, rows):
        page.table(columns, rows)
    else:
        page.bullets(
            [f"{a.title} ({_phase(a.phase)})" if a.phase else a.title for a in topic.activities]
        )
    page.blank()
    page.text(t("fw.materials"), layout.BOLD)
    if not topic.materials:
        page.text(t("fw.no_materials"), indent=2)
        return
    # a list, not a table: a URL is as wide as a column gets, and stands whole on its line
    grid: list[tuple[str, str, str | None, str | None]] = []
    for m in topic.materials:
        grid.append(("•", m.title, None, None))
        grid.append(("", " · ".join(p for p in (m.provider, m.kind) if p), None, layout.DIM))
        if m.url and m.url != m.title:
            grid.append(("", m.url, None, None))
    page.lines += layout.grid(grid, page.width, color=page.color, fold=False)


def _courses_text(fw: Framework, page: _Text) -> None:
    page.text(t("fw.required"), layout.BOLD)
    if fw.courses.requirements:
        page.bullets([f"{req.title}  [{', '.join(req.any_of)}]" for req in fw.courses.requirements])
    else:
        page.text(t("fw.no_courses"), indent=2)
    page.blank()
    page.text(t("fw.optional"), layout.BOLD)
    if not fw.courses.optional:
        page.text(t("fw.no_courses"), indent=2)
        return
    columns = [
        layout.Column(t("fw.col.id"), wrap=False, style=layout.CYAN),
        layout.Column(t("fw.col.course")),
        layout.Column(t("fw.col.details")),
    ]
    rows = [[c.id, c.title, _course_details(c)] for c in fw.courses.optional]
    if page.fits(columns, rows):
        page.table(columns, rows)
        return
    for c in fw.courses.optional:  # too narrow: each course under its id
        details = _course_details(c)
        shown = [f"{t('fw.col.details')}: {details}"] if details else []
        page.entry(c.id, c.title, shown, layout.DIM)


def _phases_text(fw: Framework, page: _Text) -> None:
    page.text(t("fw.phases"), layout.BOLD)
    for phase in fw.phases:
        page.text(phase.title, layout.BOLD, indent=2)
        page.bullets([*phase.goals, *(f"{t('fw.phase_examples')}: {e}" for e in phase.examples)], 4)
