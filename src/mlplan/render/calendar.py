"""The training's own calendar in words: part-time work, interruptions and the end date
they give, as ``plan`` and ``summary`` show it, and the periods as JSON."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from mlplan.i18n import t
from mlplan.model.timeline import Calendar


def calendar_text(cal: Calendar | None, show: Callable[[dt.date], str]) -> str | None:
    """ "80 % vanaf 1 sep 2026 · onderbreking … · einddatum 30 nov 2031 (80 % deeltijd)";
    ``None`` for a full-time training without interruptions (nothing moved)."""
    if cal is None or not cal.individual:
        return None
    parts = [
        t("calendar.part_time", percent=p.percent, start=show(p.start), end=show(p.end))
        if p.end is not None
        else t("calendar.part_time_open", percent=p.percent, start=show(p.start))
        for p in cal.part_time
        if p.percent != 100
    ]
    parts += [
        t(
            "calendar.interruption",
            start=show(i.start),
            end=show(i.end),
            reason=t(f"calendar.reason.{i.reason}"),
        )
        for i in cal.interruptions
    ]
    percents = sorted({p.percent for p in cal.part_time if p.percent != 100})
    if percents:
        why = t("calendar.why_part_time", percent="/".join(map(str, percents)))
    else:
        why = t("calendar.why_interrupted")
    parts.append(t("calendar.end", end=show(cal.end), why=why))
    return " · ".join(parts)


def calendar_json(cal: Calendar | None) -> dict[str, Any]:
    """The periods, for JSON readers; empty for a plan without them (its output unchanged)."""
    if cal is None or not (cal.part_time or cal.interruptions):
        return {}
    return {
        "part_time": [
            {
                "from": p.start.isoformat(),
                "to": p.end.isoformat() if p.end else None,
                "percent": p.percent,
            }
            for p in cal.part_time
        ],
        "interruptions": [
            {"from": i.start.isoformat(), "to": i.end.isoformat(), "reason": i.reason}
            for i in cal.interruptions
        ],
    }
