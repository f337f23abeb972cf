"""A plan as clean, block-style YAML text: what ``mlplan init`` writes.

Hand-written emission so the file reads like the example plan: the editor modeline on
line 1, a short comment header, keys in the model's order, a comment above each
competency's activities, dates as plain ``YYYY-MM-DD``. Each scalar goes through the
edit commands' emitter, so text YAML would misread (``no``, ``010``, ``a: b``, ``# x``) is
quoted. Fields at their default (``status: planned``) are left out.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

from pydantic import BaseModel

from mlplan.i18n import t
from mlplan.io.editing import emit
from mlplan.model.framework import Framework
from mlplan.model.plan import SCHEMA_FILENAME, Agreement, Plan

MODELINE = f"# yaml-language-server: $schema=./{SCHEMA_FILENAME}"
INDENT = "  "


def scalar(value: object) -> str:
    """One YAML scalar on one line, quoted only where YAML would misread it: the edit
    commands' emitter (:func:`mlplan.io.editing.emit`), so ``init`` and ``mlplan add`` write
    the same text the same way."""
    if isinstance(value, Enum):  # a status or kind: its value
        value = str(value.value)
    if isinstance(value, float) and value.is_integer():  # training.years: 5, not 5.0
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, str | int | float | dt.date):
        raise TypeError(type(value).__name__)
    return emit(value)


def _fields(model: BaseModel) -> list[tuple[str, Any]]:
    """The fields worth writing, in the model's order: not ``None``, not an empty list,
    not a default (``status: planned``)."""
    result = []
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        if value is None or value == []:
            continue
        if not info.is_required() and info.default is not None and value == info.default:
            continue
        result.append((info.alias or name, value))
    return result


def _block(model: BaseModel, indent: str) -> list[str]:
    lines = []
    for name, value in _fields(model):
        if isinstance(value, list):
            lines.append(f"{indent}{name}:")
            for v in value:  # mappings (training.part_time, agreements) or scalars
                if isinstance(v, Agreement) and v.plain:  # written as text, as version 1 does
                    lines.append(f"{indent}{INDENT}- {scalar(v.text)}")
                elif isinstance(v, BaseModel):
                    lines.extend(_item(v, indent))
                else:
                    lines.append(f"{indent}{INDENT}- {scalar(v)}")
        else:
            lines.append(f"{indent}{name}: {scalar(value)}")
    return lines


def _item(model: BaseModel, indent: str = "") -> list[str]:
    """A list item under a key at ``indent``: ``- first: …`` then the other keys
    indented under it."""
    inner = indent + INDENT * 2
    body = _block(model, inner)
    body[0] = indent + INDENT + "- " + body[0][len(inner) :]
    return body


def dump(plan: Plan, fw: Framework, header: list[str]) -> str:
    """The plan file's text: modeline, ``header`` comment lines, then the plan."""
    lines = [MODELINE, *(f"# {h}" if h else "#" for h in header)]
    lines.append(f"version: {plan.version}")
    if plan.framework:
        lines.append(f"framework: {scalar(plan.framework)}")
    lines.append("aios:")
    lines.extend(_block(plan.aios, INDENT))
    lines.append("training:")
    lines.extend(_block(plan.training, INDENT))

    lines.append("")
    lines.append("activities:" if plan.activities else "activities: []")
    current = None
    for activity in plan.activities:
        comp = fw.competency_of(activity.topic)
        if comp is not None and comp.number != current:
            current = comp.number
            lines.append(
                f"{INDENT}# " + t("init.yaml.competency", number=comp.number, title=comp.title)
            )
        lines.extend(_item(activity))

    for key, items in (
        ("courses", plan.courses),
        ("improvement_points", plan.improvement_points),
        ("meetings", plan.meetings),
    ):
        if items:
            lines.append("")
            lines.append(f"{key}:")
            for entry in items:
                lines.extend(_item(entry))
    return "\n".join(lines) + "\n"
