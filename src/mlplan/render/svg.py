"""Pictures of a plan and a group as SVG, built from the domain's data (no library).

Three pictures, each a :class:`~mlplan.render.document.Figure` for a page builder:

- :func:`plan_timeline`: the training years from the plan's one calendar (the overview's
  years, so part-time work and interruptions move them), their phases, the activities per
  competency as marks coloured and *shaped* by status, the meetings as ticks and today as a
  line;
- :func:`coverage_bars`: per competency, one block per topic, done / planned / missing;
- :func:`group_matrix`: a group's aios × topics, each cell coloured by the topic's state.

Every fact comes from ``overview``/``summary`` (which ask ``timeline`` and ``domain``);
this module only places it. Colours are the Okabe–Ito palette (told apart by people with
the common forms of colour blindness) and never the only sign: each status has its own
shape (✓ ▶ ○ ✗, as on the terminal) and each coverage state its own pattern (solid,
stripes, crosses), and every picture has a legend in words.

Text in a picture (a name, a title) is the user's or the framework's: it is escaped here
with :func:`text`, so the SVG can be put inline in HTML as it is. No ``style`` attribute is
written (the HTML's Content-Security-Policy allows only its own style sheet), and no
reference leaves the picture. Ids (the patterns) carry a hash of the picture, so several
pictures on one page never share an id with a different meaning.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from mlplan.i18n import plural, t
from mlplan.render.document import Figure
from mlplan.render.plan import date, month_year
from mlplan.render.safe import escape_controls

if TYPE_CHECKING:
    from mlplan.domain.overview import Overview
    from mlplan.domain.resolved import CoverageState
    from mlplan.domain.summary import Coverage, OverviewRow

# Okabe & Ito (2008), "Color universal design": distinguishable with every common colour
# vision deficiency. Status and coverage share the meaning of green (done) and orange.
STATUS_COLOR = {
    "done": "#009E73",  # bluish green
    "in_progress": "#E69F00",  # orange
    "planned": "#0072B2",  # blue
    "dropped": "#999999",  # grey
}
COVERAGE_COLOR = {"done": "#009E73", "planned": "#E69F00", "missing": "#D55E00"}  # vermillion
TODAY_COLOR = "#CC79A7"  # reddish purple: no status has it
MEETING_COLOR = "#333333"
INK, MUTED, RULE, BAND = "#1a1a1a", "#555555", "#c8c8c8", "#f2f2f2"
PHASE_FILL = {"begin": "#f7f7f7", "midden": "#e6e6e6", "eind": "#d4d4d4"}
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Liberation Sans', sans-serif"
STATUSES = ("done", "in_progress", "planned", "dropped")
STATES: tuple[CoverageState, ...] = ("done", "planned", "missing")


def text(value: str) -> str:
    """User or framework text as SVG (and HTML) character data or attribute value:
    control characters shown escaped (as every output of mlplan shows them), markup and
    quotes as character references."""
    return escape(escape_controls(value), quote=True)


def _num(value: float) -> str:
    """A coordinate: short, and the same on every machine."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _finish(kind: str, width: float, height: float, label: str, body: list[str]) -> str:
    """The whole picture: the root element, its title and ``body``."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="mlplan-{kind}" role="img" '
        f'width="{_num(width)}" height="{_num(height)}" '
        f'viewBox="0 0 {_num(width)} {_num(height)}" font-family="{text(FONT)}" '
        f'font-size="12" fill="{INK}">'
        f"<title>{text(label)}</title>" + "".join(body) + "</svg>"
    )


STRIPE = 6.0  # the distance between a planned block's stripes
CROSS = 8.0  # the distance between a missing block's crosses


def state_block(state: str, x: float, y: float, w: float, h: float, extra: str = "") -> str:
    """A block in a coverage state: solid with a white check (done), stripes (planned),
    crosses on white (missing), drawn as shapes rather than SVG patterns so that every
    renderer (a browser, fpdf2's PDF) shows them alike. ``extra`` (a title) goes first in
    the block's group."""
    color = COVERAGE_COLOR[state]
    box = f'x="{_num(x)}" y="{_num(y)}" width="{_num(w)}" height="{_num(h)}"'
    fill = color if state == "done" else "#ffffff"
    parts = [f'<g class="state-{state}">{extra}<rect {box} fill="{fill}"/>']
    lines = []
    if state == "planned":  # rising stripes: the lines u + v = c within the block
        c = STRIPE / 2
        while c < w + h:
            u1, u2 = max(0.0, c - h), min(w, c)
            lines.append(
                f"M{_num(x + u1)} {_num(y + h - c + u1)}L{_num(x + u2)} {_num(y + h - c + u2)}"
            )
            c += STRIPE
        parts.append(f'<path d="{"".join(lines)}" stroke="{color}" stroke-width="3"/>')
    elif state == "missing":  # small crosses on a grid, centred in the block
        arm = 2.2
        top = y + (h - (max(1, int(h // CROSS)) - 1) * CROSS) / 2
        left = x + (w - (max(1, int(w // CROSS)) - 1) * CROSS) / 2
        cy = top
        while cy < y + h - arm:
            cx = left
            while cx < x + w - arm:
                lines.append(
                    f"M{_num(cx - arm)} {_num(cy - arm)}l{_num(2 * arm)} {_num(2 * arm)}"
                    f"M{_num(cx + arm)} {_num(cy - arm)}l{_num(-2 * arm)} {_num(2 * arm)}"
                )
                cx += CROSS
            cy += CROSS
        parts.append(f'<path d="{"".join(lines)}" stroke="{color}" stroke-width="1.5"/>')
    else:  # done: a white check, as on the activities' marks
        size = min(w, h)
        left, mid = x + w / 2 - size * 0.25, y + h / 2
        check = f"M{_num(left)} {_num(mid)}l{_num(size * 0.17)} {_num(size * 0.2)} "
        check += f"{_num(size * 0.33)} {_num(-size * 0.4)}"
        parts.append(f'<path d="{check}" fill="none" stroke="#ffffff" stroke-width="2"/>')
    parts.append(f'<rect {box} fill="none" stroke="{color}"/></g>')
    return "".join(parts)


def status_mark(status: str, x: float, y: float, r: float = 6.0) -> str:
    """An activity's mark: ✓ in a disc (done), ▶ (in progress), ○ (planned), ✗ (dropped)."""
    color = STATUS_COLOR[status]
    cx, cy = _num(x), _num(y)
    if status == "done":
        return (
            f'<circle cx="{cx}" cy="{cy}" r="{_num(r)}" fill="{color}"/>'
            f'<path d="M{_num(x - r * 0.5)} {_num(y)}l{_num(r * 0.35)} {_num(r * 0.4)} '
            f'{_num(r * 0.6)} {_num(-r * 0.8)}" fill="none" stroke="#ffffff" stroke-width="1.8"/>'
        )
    if status == "in_progress":
        return (
            f'<path d="M{_num(x - r * 0.8)} {_num(y - r)}L{_num(x + r)} {cy}'
            f'L{_num(x - r * 0.8)} {_num(y + r)}Z" fill="{color}"/>'
        )
    if status == "planned":
        return (
            f'<circle cx="{cx}" cy="{cy}" r="{_num(r - 1.2)}" fill="#ffffff" '
            f'stroke="{color}" stroke-width="2.4"/>'
        )
    d = r * 0.75
    return (
        f'<path d="M{_num(x - d)} {_num(y - d)}L{_num(x + d)} {_num(y + d)}'
        f'M{_num(x + d)} {_num(y - d)}L{_num(x - d)} {_num(y + d)}" '
        f'stroke="{color}" stroke-width="2.4"/>'
    )


def _label(
    x: float,
    y: float,
    value: str,
    *,
    anchor: str = "start",
    size: int = 12,
    color: str = INK,
    weight: str = "",
) -> str:
    bold = f' font-weight="{weight}"' if weight else ""
    return (
        f'<text x="{_num(x)}" y="{_num(y)}" text-anchor="{anchor}" font-size="{size}" '
        f'fill="{color}"{bold}>{text(value)}</text>'
    )


def _legend(x: float, y: float, entries: Sequence[tuple[str, str]]) -> tuple[list[str], float]:
    """Symbols with their words in one row from ``x``: (markup of a symbol drawn at its
    centre, word); returns the markup and the x where it ends (about: text is measured at
    0.6 em a character, enough for the short words of a legend)."""
    out = []
    for symbol, word in entries:
        out.append(f'<g transform="translate({_num(x + 7)} {_num(y)})">{symbol}</g>')
        out.append(_label(x + 18, y + 4, word, color=MUTED))
        x += 18 + 7.2 * len(word) + 18
    return out, x


def _swatch(state: str) -> str:
    return state_block(state, -8, -7, 16, 14)


def _short(value: str, limit: int) -> str:
    """A label cut to ``limit`` characters (the whole text stays in the element's title)."""
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def _competency_titles(ov: Overview) -> dict[int, str]:
    """The titles of the competencies the plan has activities in, by number."""
    return {
        g.competency.number: g.competency.title
        for y in ov.years
        for g in y.groups
        if g.competency is not None
    }


# -- the plan's timeline -------------------------------------------------------------------

TIMELINE_WIDTH = 960
LABEL_WIDTH = 150  # the lanes' names
LANE_HEIGHT = 30
MARK_RADIUS = 6.5


@dataclass(frozen=True, slots=True)
class Placed:
    """Where the timeline drew something, for tests that look at the rendered picture."""

    kind: str  # "activity", "meeting", "today"
    x: float
    y: float
    status: str = ""
    radius: float = 0.0  # of an activity's mark


def plan_timeline(ov: Overview) -> Figure:
    """The plan's years, phases, activities, meetings and today, as one picture."""
    svg, _ = timeline_layout(ov)
    counts = {s: sum(1 for a in ov.activities if a.activity.status.value == s) for s in STATUSES}
    alt = t(
        "svg.timeline.alt",
        years=plural("count.years", ov.header.year_count),
        activities=plural("count.activities", len(ov.activities)),
        done=counts["done"],
        in_progress=counts["in_progress"],
        planned=counts["planned"],
        meetings=plural("count.meetings", len(ov.meetings)),
    )
    return Figure(svg, alt)


def timeline_layout(ov: Overview) -> tuple[str, list[Placed]]:
    """The timeline's SVG and where its marks are (see :class:`Placed`)."""
    years = [y for y in ov.years if y.start is not None and y.end is not None]
    first = years[0].start if years else ov.header.start
    last = years[-1].end if years else ov.header.end
    assert first is not None and last is not None
    span = max(1, (last - first).days + 1)
    x0, x1 = LABEL_WIDTH, TIMELINE_WIDTH - 16

    def at(day: dt.date) -> float:
        return x0 + (day - first).days / span * (x1 - x0)

    body: list[str] = []
    placed: list[Placed] = []
    top = 24  # the row above the phases holds today's label
    # phases: consecutive years of one phase form one band
    bands: list[tuple[str, dt.date, dt.date]] = []
    for y in years:
        assert y.start is not None and y.end is not None and y.phase is not None
        if bands and bands[-1][0] == y.phase:
            bands[-1] = (y.phase, bands[-1][1], y.end)
        else:
            bands.append((y.phase, y.start, y.end))
    body.append(_label(8, top + 14, t("svg.timeline.phase"), color=MUTED))
    for phase, start, end in bands:
        left, right = at(start), at(end + dt.timedelta(days=1))
        body.append(
            f'<rect x="{_num(left)}" y="{top}" width="{_num(right - left)}" height="20" '
            f'fill="{PHASE_FILL[phase]}" stroke="#ffffff"/>'
        )
        body.append(_label((left + right) / 2, top + 14, t(f"phase.{phase}"), anchor="middle"))
    top += 22
    body.append(_label(8, top + 15, t("svg.timeline.year"), color=MUTED))
    for i, y in enumerate(years):
        assert y.start is not None and y.end is not None
        left, right = at(y.start), at(y.end + dt.timedelta(days=1))
        current = ov.header.now.year == y.number
        body.append(
            f'<rect x="{_num(left)}" y="{top}" width="{_num(right - left)}" height="22" '
            f'fill="{"#dbe9f6" if current else ("#ffffff" if i % 2 else BAND)}" '
            f'stroke="{RULE}"/>'
        )
        body.append(
            _label(
                (left + right) / 2,
                top + 15,
                t("svg.timeline.year_number", number=y.number),
                anchor="middle",
                weight="600" if current else "",
            )
        )
    top += 26
    cal = ov.header.calendar
    if cal is not None and cal.individual:
        body.append(_label(8, top + 11, t("svg.timeline.calendar"), color=MUTED))
        for p in cal.part_time:
            if p.percent == 100:
                continue
            left = at(max(p.start, first))
            right = at(min(p.end or last, last) + dt.timedelta(days=1))
            if right > left:
                body.append(
                    f'<rect x="{_num(left)}" y="{top}" width="{_num(right - left)}" '
                    f'height="14" fill="#ffffff" stroke="{MUTED}" stroke-dasharray="3 2"/>'
                )
                body.append(_label(left + 4, top + 11, f"{p.percent} %", size=10, color=MUTED))
        for stop in cal.interruptions:
            left = at(max(stop.start, first))
            right = at(min(stop.end, last) + dt.timedelta(days=1))
            if right > left:
                reason = t(f"calendar.reason.{stop.reason}")
                body.append(
                    f'<rect x="{_num(left)}" y="{top}" width="{_num(max(right - left, 2))}" '
                    f'height="14" fill="{MUTED}"><title>{text(reason)}</title></rect>'
                )
        top += 18
    lanes_top = top
    # a lane per competency of the framework (from the coverage, which has every topic),
    # then one for activities whose topic the framework does not know
    numbers = sorted({tv.competency for tv in ov.coverage.topics})
    titles = _competency_titles(ov)
    lanes: list[int | None] = [*numbers]
    if any(a.competency is None for a in ov.activities):
        lanes.append(None)
    for i, lane in enumerate(lanes):
        y_top = lanes_top + i * LANE_HEIGHT
        name = (
            t("svg.timeline.competency", number=lane)
            if lane is not None
            else t("svg.timeline.unknown")
        )
        full = t("fw.competency", number=lane, title=titles[lane]) if lane in titles else name
        body.append(
            f'<rect x="0" y="{y_top}" width="{TIMELINE_WIDTH}" height="{LANE_HEIGHT}" '
            f'fill="{BAND if i % 2 == 0 else "#ffffff"}"/>'
        )
        body.append(f"<g><title>{text(full)}</title>{_label(8, y_top + 19, name)}</g>")
    lanes_bottom = lanes_top + len(lanes) * LANE_HEIGHT
    for y in years:  # year boundaries through the lanes
        assert y.start is not None
        body.append(
            f'<line x1="{_num(at(y.start))}" y1="{lanes_top}" x2="{_num(at(y.start))}" '
            f'y2="{lanes_bottom}" stroke="{RULE}"/>'
        )
    axis = lanes_bottom + 4
    # today: a line through every row (under the marks), its date above the phases
    today = ov.header.now.today
    if first <= today <= last:
        tx = at(today)
        body.append(
            f'<line class="today" x1="{_num(tx)}" y1="18" x2="{_num(tx)}" y2="{axis + 14}" '
            f'stroke="{TODAY_COLOR}" stroke-width="2.5"/>'
        )
        words = t("svg.timeline.today", date=date(today))
        anchor = "end" if tx > (x0 + x1) / 2 else "start"
        body.append(
            _label(tx + (-4 if anchor == "end" else 4), 14, words, anchor=anchor, color=INK)
        )
        placed.append(Placed("today", tx, axis + 14))
    # the marks: per lane and year, spread evenly over the year, in plan order
    for y in years:
        assert y.start is not None and y.end is not None
        left, right = at(y.start), at(y.end + dt.timedelta(days=1))
        for g in y.groups:
            lane_no = g.competency.number if g.competency is not None else None
            row = lanes.index(lane_no)
            cy = lanes_top + row * LANE_HEIGHT + LANE_HEIGHT / 2
            count = len(g.activities)
            # many activities in one year: smaller marks, still side by side
            radius = max(2.5, min(MARK_RADIUS, (right - left) / count / 2 - 1))
            for k, a in enumerate(g.activities):
                cx = left + (k + 0.5) / count * (right - left)
                status = a.activity.status.value
                tip = f"{a.number}. {a.activity.title} · {t(f'status.{status}')}"
                body.append(
                    f'<g class="mark status-{status}"><title>{text(tip)}</title>'
                    f"{status_mark(status, cx, cy, radius)}</g>"
                )
                placed.append(Placed("activity", cx, cy, status, radius))
    # the meetings: ticks under the lanes
    body.append(_label(8, axis + 14, t("svg.timeline.meetings"), color=MUTED))
    body.append(
        f'<line x1="{x0}" y1="{axis}" x2="{x1}" y2="{axis}" stroke="{MUTED}" stroke-width="1"/>'
    )
    for m in ov.meetings:
        if not first <= m.date <= last:
            continue
        mx = at(m.date)
        tip = f"{date(m.date)} · {t(f'meeting.{m.kind.value}')}"
        body.append(
            f'<g class="meeting"><title>{text(tip)}</title>'
            f'<path d="M{_num(mx)} {axis}l-5 12h10z" fill="{MEETING_COLOR}"/></g>'
        )
        placed.append(Placed("meeting", mx, axis + 8))
    # the dates of the year boundaries under the axis
    dates_y = axis + 30
    edges = [y.start for y in years if y.start is not None]
    for i, day in enumerate(edges):
        anchor = "start" if i == 0 else "middle"
        body.append(_label(at(day), dates_y, month_year(day), anchor=anchor, size=10, color=MUTED))
    body.append(
        _label(x1, dates_y, month_year(last), anchor="end", size=10, color=MUTED)
        if len(edges) < 2 or at(last) - at(edges[-1]) > 60
        else ""
    )
    # the legend
    legend_y = dates_y + 24
    entries = [(status_mark(s, 0, 0, MARK_RADIUS), t(f"status.{s}")) for s in STATUSES]
    entries.append((f'<path d="M0 -6l-5 12h10z" fill="{MEETING_COLOR}"/>', t("svg.legend.meeting")))
    entries.append(
        (
            f'<line x1="0" y1="-8" x2="0" y2="8" stroke="{TODAY_COLOR}" stroke-width="2.5"/>',
            t("svg.legend.today"),
        )
    )
    if cal is not None and any(p.percent != 100 for p in cal.part_time):
        entries.append(
            (
                f'<rect x="-7" y="-6" width="14" height="12" fill="#ffffff" stroke="{MUTED}" '
                'stroke-dasharray="3 2"/>',
                t("svg.legend.part_time"),
            )
        )
    if cal is not None and cal.interruptions:
        entries.append(
            (
                f'<rect x="-7" y="-6" width="14" height="12" fill="{MUTED}"/>',
                t("svg.legend.interruption"),
            )
        )
    legend, _ = _legend(8, legend_y, entries)
    body += legend
    height = legend_y + 14
    label = t("svg.timeline.title")
    return _finish("timeline", TIMELINE_WIDTH, height, label, body), placed


# -- coverage per competency -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Bar:
    """One competency's topics, counted by state (the domain's coverage states)."""

    number: int
    title: str
    done: int
    planned: int
    missing: int

    @property
    def total(self) -> int:
        return self.done + self.planned + self.missing


def bars_of_overview(ov: Overview) -> list[Bar]:
    """The plan's coverage (``overview.coverage``, one state per topic) per competency."""
    numbers = sorted({tv.competency for tv in ov.coverage.topics})
    titles = _competency_titles(ov)
    return [
        Bar(
            n,
            titles.get(n, ""),
            *(
                sum(1 for tv in ov.coverage.topics if tv.competency == n and tv.state == s)
                for s in STATES
            ),
        )
        for n in numbers
    ]


def bars_of_summary(cov: Coverage) -> list[Bar]:
    """A summary's coverage per competency (``summary.coverage_of``)."""
    return [
        Bar(c.number, c.title, c.done, c.covered - c.done, c.total - c.covered)
        for c in cov.competencies
    ]


BAR_WIDTH = 720
BLOCK_GAP = 3


def coverage_bars(bars: Sequence[Bar]) -> Figure:
    """Per competency, one block per topic: done first, then planned, then missing."""
    svg, _ = coverage_layout(bars)
    total = sum(b.total for b in bars)
    alt = t(
        "svg.coverage.alt",
        topics=plural("count.topics", total),
        done=sum(b.done for b in bars),
        planned=sum(b.planned for b in bars),
        missing=sum(b.missing for b in bars),
    )
    return Figure(svg, alt)


def coverage_layout(bars: Sequence[Bar]) -> tuple[str, list[tuple[str, float, float]]]:
    """The bars' SVG and the centre of each block as (state, x, y)."""
    x0, row = LABEL_WIDTH, 30
    widest = max((b.total for b in bars), default=1) or 1
    block = min(60.0, (BAR_WIDTH - x0 - 70) / widest)
    body: list[str] = []
    placed: list[tuple[str, float, float]] = []
    for i, b in enumerate(bars):
        y = 8 + i * row
        name = t("svg.timeline.competency", number=b.number)
        full = t("fw.competency", number=b.number, title=b.title) if b.title else name
        body.append(f"<g><title>{text(full)}</title>{_label(8, y + 15, name)}</g>")
        x = float(x0)
        states = [
            s for s, n in zip(STATES, (b.done, b.planned, b.missing), strict=True) for _ in range(n)
        ]
        for s in states:
            body.append(state_block(s, x, y, block - BLOCK_GAP, 20))
            placed.append((s, x + (block - BLOCK_GAP) / 2, y + 10))
            x += block
        covered = b.done + b.planned
        body.append(_label(x + 6, y + 15, f"{covered}/{b.total}", color=MUTED))
    legend_y = 8 + len(bars) * row + 14
    entries = [(_swatch(s), t(f"plan.coverage.{s}")) for s in STATES]
    legend, _ = _legend(8, legend_y, entries)
    body += legend
    height = legend_y + 14
    return _finish("coverage", BAR_WIDTH, height, t("svg.coverage.title"), body), placed


# -- the group's matrix -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MatrixTopic:
    competency: int
    title: str


CELL = 22
NAME_WIDTH = 190
NAME_CHARS = 26  # a longer name is cut; the whole name is the row's title
HEADER_HEIGHT = 172  # the slanted topic titles, under the competencies' labels


def group_matrix(rows: Sequence[OverviewRow], topics: Sequence[MatrixTopic]) -> Figure:
    """A row per aios (in the overview's order), a column per topic, the topic's state in
    each cell (``OverviewRow.topic_states``); a plan that does not load has an empty row."""
    svg, _ = matrix_layout(rows, topics)
    loaded = [r for r in rows if r.topic_states]
    alt = t(
        "svg.matrix.alt",
        plans=plural("count.plans", len(rows)),
        topics=plural("count.topics", len(topics)),
        complete=sum(1 for r in loaded if all(s != "missing" for s in r.topic_states)),
    )
    return Figure(svg, alt)


def matrix_layout(
    rows: Sequence[OverviewRow], topics: Sequence[MatrixTopic]
) -> tuple[str, list[tuple[str, float, float]]]:
    """The matrix's SVG and the centre of each cell as (state, x, y)."""
    x0 = NAME_WIDTH
    gap = 6  # between competencies
    columns: list[float] = []
    x = float(x0)
    for i, topic in enumerate(topics):
        if i and topic.competency != topics[i - 1].competency:
            x += gap
        columns.append(x)
        x += CELL
    width = max(x + 90, 520.0)  # the last slanted title leans right of its column
    body: list[str] = []
    placed: list[tuple[str, float, float]] = []
    y0 = HEADER_HEIGHT
    # competency labels above their columns, topic titles slanted above each column
    for i, topic in enumerate(topics):
        cx = columns[i] + CELL / 2
        if i == 0 or topic.competency != topics[i - 1].competency:
            body.append(
                _label(
                    columns[i],
                    14,
                    t("svg.matrix.competency", number=topic.competency),
                    color=MUTED,
                    weight="600",
                )
            )
        body.append(
            f'<g transform="translate({_num(cx + 4)} {y0 - 6}) rotate(-60)">'
            f"<title>{text(topic.title)}</title>"
            f'<text x="0" y="0" font-size="11">{text(_short(topic.title, 24))}</text></g>'
        )
    for r, row in enumerate(rows):
        y = y0 + r * CELL
        if r % 2 == 0:
            body.append(
                f'<rect x="0" y="{y}" width="{_num(width)}" height="{CELL}" fill="{BAND}"/>'
            )
        name = row.name if row.name is not None else row.path
        body.append(
            f"<g><title>{text(name)}</title>"
            f"{_label(8, y + 15, _short(name, NAME_CHARS), color=INK if row.name else MUTED)}</g>"
        )
        if not row.topic_states:
            body.append(
                _label(x0, y + 15, t("summary.overview.broken"), color=COVERAGE_COLOR["missing"])
            )
            continue
        for i, state in enumerate(row.topic_states[: len(topics)]):
            cx, cy = columns[i] + CELL / 2, y + CELL / 2
            word = t(f"plan.coverage.{state}")
            tip = f"<title>{text(f'{name} · {topics[i].title}: {word}')}</title>"
            body.append(state_block(state, columns[i] + 1, y + 1, CELL - 2, CELL - 2, tip))
            placed.append((state, cx, cy))
    legend_y = y0 + len(rows) * CELL + 22
    entries = [(_swatch(s), t(f"plan.coverage.{s}")) for s in STATES]
    legend, _ = _legend(8, legend_y, entries)
    body += legend
    height = legend_y + 14
    return _finish("matrix", width, height, t("svg.matrix.title"), body), placed
