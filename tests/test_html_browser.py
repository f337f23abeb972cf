"""mlplan's HTML in a real browser (Chromium, see ``html_browser.py``): what a person sees on
screen and on paper, what the browser builds of the file, and that it asks the network
for nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from html_browser import (
    blank,
    count_color,
    dump_dom,
    mean_x,
    page_requests,
    pdf_text,
    print_pdf,
    screenshot,
)
from plan_helpers import overview_of

from mlplan.render import emit_html, svg
from mlplan.render.document import Document, Field, Fields, Figure, Paragraph, Section

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "example-plan.yaml"
TODAY = dt.date(2026, 12, 3)
HOSTILE_NAME = (
    'Anne <img src="http://127.0.0.1:9/naam.png"> de Vriës <script>document.title="x"</script>'
)


def example_document(name: str = "Anne de Vriës") -> Document:
    """A page as a builder makes it, around the real pictures of the example plan."""
    ov = overview_of(EXAMPLE.read_text(encoding="utf-8"), TODAY)
    return Document(
        title=f"Plan medisch leiderschap — {name}",
        subtitle="Neurologie · LUMC · opleider dr. J. Jansen",
        header=f"{name} · 3 dec 2026",
        blocks=(
            Fields((Field("Specialisme", "Neurologie"), Field("Nu", "jaar 2 van 5 · begin"))),
            Section("Tijdlijn", (svg.plan_timeline(ov),)),
            Section("Dekking per competentie", (svg.coverage_bars(svg.bars_of_overview(ov)),)),
            Section("Verbeterpunten", (Paragraph("Vaker het initiatief nemen in de overdracht"),)),
        ),
    )


def write(tmp_path: Path, doc: Document, name: str = "page") -> Path:
    page = tmp_path / f"{name}.html"
    page.write_text(emit_html.to_html(doc), encoding="utf-8")
    return page


def test_the_page_on_screen_shows_the_pictures_status_colours_in_their_places(
    tmp_path: Path,
) -> None:
    image = screenshot(write(tmp_path, example_document()), tmp_path, 1100, 1400)
    assert not blank(image)
    done, in_progress, planned = (svg.STATUS_COLOR[s] for s in ("done", "in_progress", "planned"))
    whole = (0, 0, image.width, image.height)
    for color in (done, in_progress, planned, svg.TODAY_COLOR):
        assert count_color(image, whole, color, 20) > 40, color
    # the example's done activities are in year 1 and 2, the planned ones mostly later: on
    # screen, green lies left of blue in the timeline (the upper part of the page)
    upper = (0, 0, image.width, 600)
    xs = [mean_x(image, upper, color) for color in (done, svg.TODAY_COLOR, planned)]
    assert None not in xs
    assert xs[0] < xs[1] < xs[2]  # type: ignore[operator]


def test_the_printed_page_has_the_title_headings_and_accents_as_text(tmp_path: Path) -> None:
    pages, text = pdf_text(print_pdf(write(tmp_path, example_document()), tmp_path))
    assert 1 <= pages <= 2
    flat = " ".join(text.split())
    assert "Plan medisch leiderschap — Anne de Vriës" in flat  # accents and the dash intact
    for heading in ("Tijdlijn", "Dekking per competentie", "Verbeterpunten"):
        assert heading in flat
    # the pictures' words are text too, and each printed page repeats the header
    assert "vandaag, 3 dec 2026" in flat and "Competentie 4" in flat
    assert flat.count("Anne de Vriës · 3 dec 2026") == pages
    assert f"1 / {pages}" in flat


def test_the_browser_makes_text_of_hostile_input_and_runs_nothing(tmp_path: Path) -> None:
    page = write(tmp_path, example_document(HOSTILE_NAME))
    dom = dump_dom(page, tmp_path)
    assert "<script" not in dom and "<img" not in dom
    assert "&lt;script&gt;" in dom and "&lt;img src=" in dom
    assert "<title>Plan medisch leiderschap — Anne &lt;img" in dom  # no script renamed it
    assert page_requests(page, tmp_path) == []


def test_the_page_asks_the_network_for_nothing(tmp_path: Path) -> None:
    # the net log sees a page's requests: a page with an image and a style sheet elsewhere
    leaky = tmp_path / "leaky.html"
    leaky.write_text(
        '<!DOCTYPE html><img src="http://127.0.0.1:9/a.png">'
        '<link rel="stylesheet" href="https://fonts.example.invalid/font.css">',
        encoding="utf-8",
    )
    assert sorted(page_requests(leaky, tmp_path)) == [
        "http://127.0.0.1:9/a.png",
        "https://fonts.example.invalid/font.css",
    ]
    # mlplan's page asks for nothing
    assert page_requests(write(tmp_path, example_document()), tmp_path) == []
    # and its Content-Security-Policy stops a reference even if one got into the file
    # (a picture is put in as it is)
    smuggled = Document(
        "Titel",
        blocks=(
            Figure(
                '<img src="http://127.0.0.1:9/b.png">'
                '<svg xmlns="http://www.w3.org/2000/svg"><image href="http://127.0.0.1:9/c.png"/>'
                '<style>@import url("http://127.0.0.1:9/d.css");</style></svg>'
            ),
        ),
    )
    assert page_requests(write(tmp_path, smuggled, "smuggled"), tmp_path) == []


def test_the_browser_reads_the_file_as_written(tmp_path: Path) -> None:
    # no element moved, dropped or added by the parser's error recovery: the DOM Chromium
    # builds has the file's elements in the file's order (valid nesting, closed elements),
    # for the pictures and for every block type with hostile text in every slot
    from test_html import HOSTILE, every_block, parse

    for name, doc in (("pictures", example_document()), ("blocks", every_block(HOSTILE))):
        page = write(tmp_path, doc, name)
        written = parse(page.read_text(encoding="utf-8")).names()
        assert parse(dump_dom(page, tmp_path)).names() == written, name
        assert ("thead" in written) == (name == "blocks")
