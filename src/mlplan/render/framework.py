"""Rendering the framework: rich tables, Markdown and JSON. No I/O, no loading."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from mlplan.framework import Competency, Course, Framework, Topic
from mlplan.i18n import plural, t
from mlplan.render.markdown import bullet, cell, escape, table

if TYPE_CHECKING:
    from rich.console import Console


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
    lines += [bullet(escape(req.title)) for req in fw.courses.requirements]
    lines += ["", f"### {t('fw.optional')}", ""]
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


# -- rich tables -----------------------------------------------------------------------


def _bullets(console: Console, items: list[str], indent: int = 2, prefix: str = "•") -> None:
    """A bulleted list whose wrapped lines hang under the text, not under the bullet."""
    from rich.padding import Padding
    from rich.table import Table

    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for item in items:
        grid.add_row(prefix, item)
    console.print(Padding(grid, (0, 0, 0, indent), expand=False))


def print_table(fw: Framework, topic: Topic | None, console: Console) -> None:
    from rich.table import Table
    from rich.text import Text

    if topic is not None:
        _print_topic(fw, topic, console)
        return
    console.print(Text(fw.title, style="bold"))
    console.print(t("fw.source", publisher=fw.publisher, year=fw.year))
    console.print(Text(fw.rule, style="italic"))
    for comp in fw.competencies:
        console.print()
        table = Table(
            title=t("fw.competency", number=comp.number, title=comp.title),
            title_justify="left",
            title_style="bold",
            expand=False,
        )
        table.add_column(t("fw.col.id"), style="cyan", no_wrap=True)
        table.add_column(t("fw.col.topic"))
        table.add_column(t("fw.col.activities"))
        for tp in comp.topics:
            table.add_row(tp.id, tp.title, "\n".join(f"• {a.title}" for a in tp.activities))
        console.print(table)
    console.print()
    _print_courses(fw, console)
    console.print()
    _print_phases(fw, console)
    console.print()
    console.print(Text(t("fw.levels"), style="bold"))
    _bullets(console, [f"{lv.title}: {lv.description}" for lv in fw.levels])
    console.print()
    console.print(t("fw.more", example=_first_topic(fw)))


def _first_topic(fw: Framework) -> str:
    return next(iter(fw.topic_ids()), "")


def _print_topic(fw: Framework, topic: Topic, console: Console) -> None:
    from rich.table import Table
    from rich.text import Text

    comp: Competency | None = fw.competency_of(topic.id)
    assert comp is not None
    console.print(Text(f"{topic.title} ({topic.id})", style="bold"))
    console.print(t("fw.topic_of", number=comp.number, title=comp.title))
    console.print(_min_activities(topic))
    console.print()
    console.print(Text(t("fw.objectives"), style="bold"))
    _bullets(console, topic.objectives or [topic.objectives_note or t("fw.no_objectives")])
    console.print()
    acts = Table(title=t("fw.activities"), title_justify="left", title_style="bold")
    acts.add_column(t("fw.col.activities"))
    acts.add_column(t("fw.col.phase"), no_wrap=True)
    for a in topic.activities:
        acts.add_row(a.title, _phase(a.phase))
    console.print(acts)
    console.print()
    mats = Table(title=t("fw.materials"), title_justify="left", title_style="bold")
    mats.add_column(t("fw.col.title"))
    mats.add_column(t("fw.col.provider"))
    mats.add_column(t("fw.col.kind"), no_wrap=True)
    for m in topic.materials:
        title = f"{m.title}\n{m.url}" if m.url and m.url != m.title else m.title
        mats.add_row(title, m.provider or "", m.kind)
    console.print(mats)


def _print_courses(fw: Framework, console: Console) -> None:
    from rich.table import Table
    from rich.text import Text

    console.print(Text(t("fw.required"), style="bold"))
    _bullets(
        console, [f"{req.title}  [{', '.join(req.any_of)}]" for req in fw.courses.requirements]
    )
    console.print()
    table = Table(title=t("fw.optional"), title_justify="left", title_style="bold")
    table.add_column(t("fw.col.id"), style="cyan", no_wrap=True)
    table.add_column(t("fw.col.course"))
    table.add_column(t("fw.col.details"))
    for c in fw.courses.optional:
        table.add_row(c.id, c.title, _course_details(c))
    console.print(table)


def _print_phases(fw: Framework, console: Console) -> None:
    from rich.text import Text

    console.print(Text(t("fw.phases"), style="bold"))
    for phase in fw.phases:
        console.print(Text(f"  {phase.title}", style="bold"))
        _bullets(
            console, [*phase.goals, *(f"{t('fw.phase_examples')}: {e}" for e in phase.examples)], 4
        )
