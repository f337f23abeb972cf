"""The plan's activities and a group's overview as a spreadsheet (.xlsx), for opleiders who
keep lists in Excel.

One sheet each: a header row (bold, frozen, with a filter), then one row per activity or per
aios. Every cell has its real type: dates are date cells (shown ``yyyy-mm-dd``), counts and
years are numbers, so Excel sorts, filters and sums them; text is a text cell, never a
formula, whatever it starts with (the cell's type says so, no quote is added), with control
characters escaped as everywhere (XML cannot hold them) and line breaks kept. Columns are
as wide as their contents, within bounds; longer text wraps.

Written by ``openpyxl`` (the ``documents`` extra), imported inside the functions, so
``check`` and ``--help`` never load it; a missing one is a
:class:`~mlplan.errors.MissingExtra` naming the install command (``formats.require``).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from mlplan import __version__
from mlplan.i18n import get_language, t
from mlplan.io import formats
from mlplan.render.diagnostics import short_finding
from mlplan.render.plan import phase_label, status_word
from mlplan.render.safe import escape_controls
from mlplan.render.summary import overview_position

if TYPE_CHECKING:
    from mlplan.domain.overview import Overview
    from mlplan.domain.summary import OverviewRow

Cell = str | int | float | dt.date | None

DATE_FORMAT = "yyyy-mm-dd"  # the plan's own way of writing a date, in every locale
MIN_WIDTH, MAX_WIDTH = 6, 60  # characters; wider text wraps within MAX_WIDTH
HEADER_FILL = "DDE4EE"


def _text(value: Cell) -> Cell:
    """A cell's value as written: text with its control characters escaped (a line break
    stays one: a cell may hold several lines)."""
    return escape_controls(value, keep="\n") if isinstance(value, str) else value


def _width(value: Cell) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.date):
        return len(DATE_FORMAT)
    return max(len(line) for line in str(value).split("\n"))


def workbook(
    title: str, sheet: str, headers: Sequence[str], rows: Iterable[Sequence[Cell]]
) -> bytes:
    """One sheet named ``sheet``: ``headers``, then ``rows``; the file's bytes."""
    formats.require("xlsx")  # MissingExtra naming the install command
    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet

    book = openpyxl.Workbook()
    ws = book.active
    assert isinstance(ws, Worksheet)  # a new workbook's one sheet
    ws.title = sheet[:31]  # Excel's limit for a sheet's name
    book.properties.title = escape_controls(title)
    book.properties.creator = f"mlplan {__version__}"
    book.properties.language = get_language()
    widths = [_width(h) for h in headers]
    ws.append(list(headers))
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(vertical="top")
    for number, values in enumerate(rows, start=2):
        for column, value in enumerate(values, start=1):
            cell = ws.cell(row=number, column=column, value=_text(value))
            wrap = False
            if isinstance(value, str):
                cell.data_type = "s"  # text, even "=SUM(A1)": openpyxl would make it a formula
                wrap = _width(value) > MAX_WIDTH or "\n" in value
            elif isinstance(value, dt.date):
                cell.number_format = DATE_FORMAT
            cell.alignment = Alignment(wrap_text=wrap, vertical="top")
            widths[column - 1] = max(widths[column - 1], _width(value))
    for column, width in enumerate(widths, start=1):
        letter = get_column_letter(column)
        ws.column_dimensions[letter].width = min(max(width, MIN_WIDTH), MAX_WIDTH) + 2
    ws.freeze_panes = "A2"  # the header stays in view
    last = get_column_letter(len(headers))
    ws.auto_filter.ref = f"A1:{last}{max(ws.max_row, 1)}"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# -- the plan's activities -------------------------------------------------------------------


def plan_headers() -> list[str]:
    """The CSV's columns, with the training year's dates and phase after the year (a
    spreadsheet sorts and filters on them)."""
    from mlplan.render.plan import ACTIVITY_COLUMNS

    year = ACTIVITY_COLUMNS.index("plan.col.year") + 1
    keys = (
        *ACTIVITY_COLUMNS[:year],
        "xlsx.col.year_start",
        "xlsx.col.year_end",
        "xlsx.col.phase",
        *ACTIVITY_COLUMNS[year:],
    )
    return [t(key) for key in keys]


def plan_rows(ov: Overview) -> list[list[Cell]]:
    """One row per activity, in plan order (the numbers the edit commands take), with its
    training year's first and last day on the plan's calendar."""
    years = {y.number: y for y in ov.years}
    rows: list[list[Cell]] = []
    for a in ov.activities:
        act = a.activity
        year = years.get(act.year)
        rows.append(
            [
                a.number,
                act.year,
                year.start if year else None,
                year.end if year else None,
                phase_label(year.phase) if year else None,
                a.competency,
                a.topic_title,
                act.topic,
                act.title,
                act.goal,
                status_word(act.status.value),
                act.done_on,
                act.evidence,
            ]
        )
    return rows


def plan_xlsx(ov: Overview) -> bytes:
    name = ov.header.name
    title = t("plan.title", name=name)
    return workbook(title, t("xlsx.sheet.activities"), plan_headers(), plan_rows(ov))


# -- the group overview ----------------------------------------------------------------------


def overview_headers() -> list[str]:
    return [
        t("summary.col.aios"),
        t("summary.col.position"),
        t("xlsx.col.year_number"),
        t("xlsx.col.year_count"),
        t("xlsx.col.phase"),
        t("xlsx.col.covered"),
        t("xlsx.col.topics"),
        t("summary.col.done"),
        t("summary.col.due"),
        t("summary.col.overdue"),
        t("summary.col.errors"),
        t("xlsx.col.warnings"),
        t("xlsx.col.start"),
        t("xlsx.col.end"),
        t("summary.col.file"),
        t("summary.col.first_error"),
    ]


def overview_rows(rows: Sequence[OverviewRow]) -> list[list[Cell]]:
    """One row per plan, in the overview's order; a plan that does not load has its file,
    its error count and its first error, the rest empty."""
    out: list[list[Cell]] = []
    for r in rows:
        first = r.first_error
        out.append(
            [
                r.name if r.name is not None else t("summary.overview.broken"),
                overview_position(r) or None,
                r.year,
                r.year_count,
                phase_label(r.phase) or None,
                r.covered,
                r.total,
                r.done,
                r.due,
                r.overdue,
                r.errors,
                r.warnings,
                r.start,
                r.end,
                r.path,
                short_finding(first) if first else None,
            ]
        )
    return out


def overview_xlsx(rows: Sequence[OverviewRow], today: dt.date) -> bytes:
    return workbook(
        t("xlsx.title_group", date=today.isoformat()),
        t("xlsx.sheet.overview"),
        overview_headers(),
        overview_rows(rows),
    )
