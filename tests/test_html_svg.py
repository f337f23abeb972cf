"""The pictures (``render/svg.py``): built from the domain's facts, well-formed, escaped, and
shown by Chromium with each status's colour where the picture says it is."""

from __future__ import annotations

import datetime as dt
import itertools
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from html_browser import blank, count_color, screenshot
from plan_helpers import checked, overview_of, plan_yaml

from mlplan.domain.summary import overview_row, summarise
from mlplan.io.loading import load_framework
from mlplan.model.timeline import Calendar, PartTime
from mlplan.render import svg

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "example-plan.yaml"
TODAY = dt.date(2026, 12, 3)
NS = {"s": "http://www.w3.org/2000/svg"}


def example_overview() -> object:
    return overview_of(EXAMPLE.read_text(encoding="utf-8"), TODAY)


def tree(markup: str) -> ET.Element:
    return ET.fromstring(markup)  # well-formed XML, or this raises


def texts(root: ET.Element) -> list[str]:
    return ["".join(e.itertext()) for e in root.iter(f"{{{NS['s']}}}text")]


def test_the_timeline_shows_the_plans_years_phases_marks_meetings_and_today() -> None:
    ov = overview_of(EXAMPLE.read_text(encoding="utf-8"), TODAY)
    markup, placed = svg.timeline_layout(ov)
    root = tree(markup)
    words = texts(root)
    assert [w for w in words if w.startswith("Jaar ")] == [f"Jaar {n}" for n in range(1, 6)]
    assert [w for w in words if w in ("begin", "midden", "eind")] == ["begin", "midden", "eind"]
    assert "vandaag, 3 dec 2026" in words
    # one mark per activity, with its status (the example: 5 done, 2 in progress, 9 planned)
    marks = [p for p in placed if p.kind == "activity"]
    assert len(marks) == len(ov.activities) == 16
    statuses = [a.activity.status.value for a in ov.activities]
    assert sorted(p.status for p in marks) == sorted(statuses)
    assert len(root.findall(".//s:g[@class='mark status-done']", NS)) == statuses.count("done")
    # a lane per competency: the marks of competency 4 are on the fourth lane
    lanes = sorted({p.y for p in marks})
    assert len(lanes) == 4
    # meetings as ticks, today as a line between the start and end of year 2
    assert len([p for p in placed if p.kind == "meeting"]) == len(ov.meetings) == 2
    (today,) = [p for p in placed if p.kind == "today"]
    year2 = ov.years[1]
    year_marks = sorted(p.x for p in marks if p.y == lanes[0])  # competency 1: years 1,1,2,3,5
    assert year_marks[1] < today.x < year_marks[3]
    assert year2.start is not None and year2.start <= TODAY
    # the legend names every status, the meeting and today
    for word in ("afgerond", "bezig", "gepland", "vervallen", "gesprek", "vandaag"):
        assert word in words


def test_the_timeline_follows_the_part_time_calendar() -> None:
    # 50 % in the second year: year 2 lasts two calendar years, and the picture says so
    extra = "  part_time:\n    - {from: 2026-09-01, to: 2028-08-31, percent: 50}\n"
    text = plan_yaml(years=3).replace("activities:", extra + "activities:", 1)
    ov = overview_of(text, TODAY)
    markup, _ = svg.timeline_layout(ov)
    root = tree(markup)
    cal = Calendar(
        dt.date(2025, 9, 1), 3, (PartTime(dt.date(2026, 9, 1), dt.date(2028, 8, 31), 50),)
    )
    years = cal.training_years()
    assert [(y.start, y.end) for y in years] == [(y.start, y.end) for y in ov.years]
    rects = [r for r in root.iter(f"{{{NS['s']}}}rect") if r.get("height") == "22"]
    widths = [float(r.get("width", 0)) for r in rects]
    days = [(y.end - y.start).days + 1 for y in years]
    assert widths[1] / widths[0] == pytest.approx(days[1] / days[0], rel=0.01)
    assert widths[1] > 1.9 * widths[0]
    assert "deeltijd" in texts(root)  # the legend names the part-time band


def test_user_text_in_a_picture_is_escaped() -> None:
    hostile = '<script>x</script> & "q" \x1b[31m'
    text = plan_yaml(
        activities=[{"topic": "overlegmomenten", "title": hostile, "year": 1}]
    ).replace("Test Aios", "'Anne <b>'")
    ov = overview_of(text, TODAY)
    root = tree(svg.plan_timeline(ov).svg)
    assert not root.findall(".//s:script", NS) and not root.findall(".//s:b", NS)
    tips = ["".join(e.itertext()) for e in root.iter(f"{{{NS['s']}}}title")]
    assert any('<script>x</script> & "q" \\x1b[31m' in tip for tip in tips)
    # the group's matrix: the name as a row label
    page = summarise(checked(text, TODAY), load_framework(), TODAY)
    topics = [svg.MatrixTopic(c.number, tp.title) for c, tp in load_framework().topics()]
    matrix = tree(svg.group_matrix([overview_row(page)], topics).svg)
    assert "Anne <b>" in texts(matrix)
    assert not matrix.findall(".//s:b", NS)


def test_coverage_bars_count_the_domains_states() -> None:
    ov = overview_of(EXAMPLE.read_text(encoding="utf-8"), TODAY)
    bars = svg.bars_of_overview(ov)
    page = summarise(checked(EXAMPLE.read_text(encoding="utf-8"), TODAY), load_framework(), TODAY)
    assert page.coverage is not None
    # the plan's view and the summary's agree, competency by competency
    assert bars == svg.bars_of_summary(page.coverage)
    assert [(b.done, b.planned, b.missing) for b in bars] == [
        (2, 2, 0),
        (0, 3, 0),
        (1, 3, 0),
        (2, 1, 0),
    ]
    _, blocks = svg.coverage_layout(bars)
    assert [s for s, _, _ in blocks].count("done") == 5 and len(blocks) == 14


def test_the_matrix_has_a_cell_per_aios_and_topic_with_its_state() -> None:
    fw = load_framework()
    text = EXAMPLE.read_text(encoding="utf-8")
    rows = [overview_row(summarise(checked(text, TODAY), fw, TODAY))]
    dropped = [
        {"topic": "overlegmomenten", "title": "Voorzitten MDO", "year": 1, "status": "dropped"}
    ]
    rows.append(overview_row(summarise(checked(plan_yaml(activities=dropped), TODAY), fw, TODAY)))
    topics = [svg.MatrixTopic(c.number, tp.title) for c, tp in fw.topics()]
    assert len(rows[0].topic_states) == len(topics) == 14
    assert rows[1].topic_states == ("missing",) * 14
    _, cells = svg.matrix_layout(rows, topics)
    assert len(cells) == 28
    assert [s for s, _, _ in cells[:14]] == list(rows[0].topic_states)
    # the state of each topic is the domain's (done in the example: voorzitten overdracht)
    assert rows[0].topic_states[0] == "done"


# -- in the browser -----------------------------------------------------------------------


def shown(markup: str, tmp_path: Path, name: str) -> object:
    """The picture alone in Chromium: an SVG file is drawn from the window's top left at
    its own size, so the picture's coordinates are the screenshot's pixels."""
    root = tree(markup)
    width, height = (round(float(root.get(k, 0))) for k in ("width", "height"))
    page = tmp_path / f"{name}.svg"
    page.write_text(markup, encoding="utf-8")
    image = screenshot(page, tmp_path, width, height)
    assert not blank(image)
    return image


STATUSES = ("done", "in_progress", "planned", "dropped")
CROWDED = plan_yaml(
    years=2,
    activities=[
        {
            "topic": "overlegmomenten",
            "title": f"Overdracht {n}",
            "year": 1,
            "status": STATUSES[n % 4],
        }
        for n in range(40)
    ],
)


def test_many_activities_in_one_year_get_smaller_marks_side_by_side() -> None:
    _, placed = svg.timeline_layout(overview_of(CROWDED, TODAY))
    marks = sorted((p for p in placed if p.kind == "activity"), key=lambda p: p.x)
    assert len(marks) == 40 and len({p.y for p in marks}) == 1
    assert marks[0].radius < svg.MARK_RADIUS
    assert all(b.x - a.x >= a.radius + b.radius for a, b in itertools.pairwise(marks))


@pytest.mark.parametrize("plan", ["example", "crowded"])
def test_chromium_draws_each_mark_in_its_status_colour(plan: str, tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8") if plan == "example" else CROWDED
    ov = overview_of(text, TODAY)
    markup, placed = svg.timeline_layout(ov)
    image = shown(markup, tmp_path, "timeline")
    for p in placed:
        r = p.radius or svg.MARK_RADIUS
        box = (p.x - r, p.y - r, p.x + r, p.y + r)
        if p.kind == "activity":
            own = count_color(image, box, svg.STATUS_COLOR[p.status])
            assert own > 2 * r * r * 0.4, (p, own)
            for other, color in svg.STATUS_COLOR.items():
                if other != p.status:
                    assert count_color(image, box, color, tolerance=20) < 4, (p, other)
        elif p.kind == "meeting":
            assert count_color(image, box, svg.MEETING_COLOR) > 10, p
        else:  # today: a line of its own colour from top to bottom
            column = (p.x - 2, 20, p.x + 2, p.y)
            assert count_color(image, column, svg.TODAY_COLOR) > 0.5 * 2 * (p.y - 20)
    # nothing of a status colour in the lanes but the marks
    ys = [p.y for p in placed if p.kind == "activity"]
    half = svg.LANE_HEIGHT / 2
    lanes_only = (svg.LABEL_WIDTH, min(ys) - half, svg.TIMELINE_WIDTH, max(ys) + half)
    everywhere = sum(count_color(image, lanes_only, c, 20) for c in svg.STATUS_COLOR.values())
    inside = sum(
        count_color(
            image,
            (p.x - p.radius, p.y - p.radius, p.x + p.radius, p.y + p.radius),
            svg.STATUS_COLOR[p.status],
            20,
        )
        for p in placed
        if p.kind == "activity"
    )
    assert everywhere == pytest.approx(inside, rel=0.05)


def test_chromium_draws_coverage_and_matrix_states_with_colour_and_pattern(tmp_path: Path) -> None:
    fw = load_framework()
    text = EXAMPLE.read_text(encoding="utf-8")
    half = plan_yaml(
        activities=[
            {
                "topic": "overlegmomenten",
                "title": "Voorzitten overdracht",
                "year": 1,
                "status": "done",
            },
            {"topic": "organisatie", "title": "Iets", "year": 2},
        ]
    )
    rows = [overview_row(summarise(checked(t, TODAY), fw, TODAY)) for t in (text, half)]
    topics = [svg.MatrixTopic(c.number, tp.title) for c, tp in fw.topics()]
    markup, cells = svg.matrix_layout(rows, topics)
    assert {s for s, _, _ in cells} == {"done", "planned", "missing"}
    image = shown(markup, tmp_path, "matrix")
    half_cell = svg.CELL / 2 - 2
    for state, x, y in cells:
        box = (x - half_cell, y - half_cell, x + half_cell, y + half_cell)
        area = (2 * half_cell) ** 2
        own = count_color(image, box, svg.COVERAGE_COLOR[state])
        white = count_color(
            image,
            box,
            "#ffffff",
        )
        if state == "done":  # solid, a white check on it
            assert own > 0.6 * area and white < 0.3 * area, (state, x, y, own, white)
        elif state == "planned":  # stripes: colour and white side by side
            assert 0.3 * area < own < 0.8 * area and white > 0.15 * area, (state, x, y, own)
        else:  # crosses on white
            assert 0.08 * area < own < 0.5 * area and white > 0.4 * area, (state, x, y, own)
        for other, color in svg.COVERAGE_COLOR.items():
            if other != state and color != svg.COVERAGE_COLOR[state]:
                assert count_color(image, box, color, tolerance=20) < 4, (state, other)
    bars, blocks = svg.coverage_layout(
        svg.bars_of_summary(summarise(checked(half, TODAY), fw, TODAY).coverage)
    )  # type: ignore[arg-type]
    image = shown(bars, tmp_path, "bars")
    for state, x, y in blocks:
        assert count_color(image, (x - 6, y - 6, x + 6, y + 6), svg.COVERAGE_COLOR[state]) > 10


def test_the_pdf_draws_the_pictures_quietly(caplog: pytest.LogCaptureFixture) -> None:
    # the same pictures in fpdf2's PDF: drawn (their words are text on the page, the
    # alternative text is not), and nothing on stderr about the browser's tooltips
    import io
    import logging

    from pypdf import PdfReader

    from mlplan.render import emit_pdf
    from mlplan.render.document import Document

    fw = load_framework()
    text = EXAMPLE.read_text(encoding="utf-8")
    ov = overview_of(text, TODAY)
    rows = [overview_row(summarise(checked(text, TODAY), fw, TODAY))]
    topics = [svg.MatrixTopic(c.number, tp.title) for c, tp in fw.topics()]
    figures = (
        svg.plan_timeline(ov),
        svg.coverage_bars(svg.bars_of_overview(ov)),
        svg.group_matrix(rows, topics),
    )
    with caplog.at_level(logging.WARNING):
        data = emit_pdf.to_pdf(Document("Plaatjes", blocks=figures))
    assert caplog.records == []
    page = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "vandaag, 3 dec 2026" in page and "Competentie 4" in page and "Comp. 4" in page
    assert all(f.alt not in page for f in figures)


def test_the_group_overview_document_has_the_table_the_note_and_the_matrix() -> None:
    from mlplan.render import emit_html
    from mlplan.render.document import Figure, Table, walk
    from mlplan.render.summary import overview_document

    fw = load_framework()
    text = EXAMPLE.read_text(encoding="utf-8")
    rows = [
        overview_row(summarise(checked(text, TODAY), fw, TODAY)),
        overview_row(summarise(checked("version: [1", TODAY), fw, TODAY)),
    ]
    topics = [svg.MatrixTopic(c.number, tp.title) for c, tp in fw.topics()]
    doc = overview_document(rows, TODAY, None, 6, topics)
    (table,) = [b for b in walk(doc.blocks) if isinstance(b, Table)]
    assert list(table.rows[0][:3]) == ["Anne de Vries", "2/5 begin", "14/14"]
    assert table.row_tones == (None, "bad")  # the plan that does not load
    (figure,) = [b for b in walk(doc.blocks) if isinstance(b, Figure)]
    assert figure.svg.count('class="state-') == 14 + 3  # the cells of one aios, the legend
    assert doc.title == "Overzicht: 2 plannen op 2026-12-03"
    html = emit_html.to_html(doc)
    assert "<h2>Dekking per aios en onderwerp</h2>" in html and "laadt niet" in html
    # without the framework's topics, no matrix
    assert not [
        b for b in walk(overview_document(rows, TODAY, None, 6).blocks) if isinstance(b, Figure)
    ]
