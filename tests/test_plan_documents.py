"""``mlplan plan`` as PDF, Word and HTML: the page built once as a document
(``render.plan.plan_document``), written by each medium's emitter, and read back by the
medium's own reader (pypdf, python-docx, Chromium through ``html_browser.py``).

The example plan is made as a user makes it (``mlplan init --example``); what it must show
is read from the plan file itself (its activity titles), or written out here.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from html_browser import count_color, dump_dom, mean_x, screenshot
from pypdf import PdfReader

from mlplan.render import svg

Run = Callable[..., Any]
TODAY = ("--today", "2026-11-22")
HEADER = "Anne de Vries · 22 nov 2026"
# topic titles with their accents, and headings every plan page has
ACCENTED = ("Patiëntveiligheid", "Financiën", "Werk en privé", "Ontwikkelen eigen (toekomst)visie")
HEADINGS = (
    "Jaar 1 (sep 2025 – aug 2026) · begin",
    "Jaar 2 (sep 2026 – aug 2027) · begin · huidig jaar",
    "Jaar 5 (sep 2029 – aug 2030) · eind",
    "Dekking van de onderwerpen",
    "Cursussen",
    "Verbeterpunten (TOP 3)",
    "Gesprekken",
    "Bevindingen van de controle",
)


def activity_titles(plan: Path) -> list[str]:
    data = yaml.safe_load(plan.read_text(encoding="utf-8"))
    return [a["title"] for a in data["activities"]]


def flat(text: str) -> str:
    """Text as a reader finds it: a PDF wraps lines, so runs of white space are one space."""
    return " ".join(text.split())


def write(run: Run, plan: Path, name: str, fmt: str) -> Path:
    """``plan`` written to ``name`` by ``--output`` alone: its extension says ``fmt``."""
    target = plan.with_name(name)
    result = run("plan", str(plan), "--output", str(target), *TODAY)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == f"{target} geschreven ({fmt})\n"
    return target


# -- PDF -------------------------------------------------------------------------------------


def test_the_pdf_has_the_whole_plan_as_text_with_its_accents(run: Run, init_example: Path) -> None:
    """``--output plan.pdf`` without ``--format``: the extension says PDF."""
    pdf = write(run, init_example, "plan.pdf", "pdf")
    assert pdf.read_bytes().startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    pages = [p.extract_text() for p in reader.pages]
    assert 3 <= len(pages) <= 6  # 16 activities in 12 tables, and the rest: a few A4 pages
    text = flat(" ".join(pages))
    assert "Plan medisch leiderschap: Anne de Vries" in text
    for words in (*ACCENTED, *HEADINGS, *activity_titles(init_example)):
        assert words in text, words
    assert "Status: ✓ afgerond · ▶ bezig · ○ gepland · ✗ vervallen." in text
    assert "Geen bevindingen: het plan voldoet aan de regels van het kader." in text
    # every printed page says whose plan it is, of which day, and which page it is
    for n, page in enumerate(pages, 1):
        assert flat(page).startswith(HEADER), page[:80]
        assert f"pagina {n} van {len(pages)}" in page
    # the Markdown's terminal-only wording (how edit commands take the Nr) is not printed
    assert "bewerkcommando" not in text
    # no pictures in a PDF of the plan: the timeline's words are the HTML's
    assert "vandaag, 22 nov 2026" not in text


def test_the_pdf_embeds_its_fonts_and_is_pdfa_with_the_aios_as_author(
    run: Run, init_example: Path
) -> None:
    reader = PdfReader(io.BytesIO(write(run, init_example, "plan.pdf", "pdf").read_bytes()))
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor, font["/BaseFont"]  # the font program is inside
            assert "/ToUnicode" in font  # text copies as text
    xmp = reader.xmp_metadata
    assert xmp is not None
    assert xmp.dc_title == {"x-default": "Plan medisch leiderschap: Anne de Vries"}
    assert xmp.dc_creator == ["Anne de Vries"]
    assert (xmp.pdfaid_part, xmp.pdfaid_conformance) == ("2", "U")
    # the outline (bookmarks) is the page's headings, the years first
    top = [item["/Title"] for item in reader.outline if not isinstance(item, list)]
    assert top[:2] == list(HEADINGS[:2])
    assert top[-1] == "Bevindingen van de controle"


def test_a_plan_with_errors_still_gets_its_pdf_with_the_findings_and_exit_1(
    run: Run, tmp_path: Path
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "version: 1\naios:\n  name: Bram Bakker\ntraining:\n  start: 2025-09-01\n  years: 5\n"
        "activities:\n  - {topic: overlegmomenten, title: Voorzitten MDO, year: 9}\n",
        encoding="utf-8",
    )
    target = tmp_path / "bram.pdf"
    result = run("plan", str(plan), "-o", str(target), *TODAY)
    assert result.exit_code == 1
    assert "het plan heeft" in result.stderr and "fouten" in result.stderr
    text = flat(" ".join(p.extract_text() for p in PdfReader(target).pages))
    assert "Jaar 9 (buiten de opleiding)" in text
    assert "ML102 (fout), regel 8, kolom" in text
    assert "jaar 9 valt buiten de opleiding" in text


# -- Word ------------------------------------------------------------------------------------


def test_the_word_file_has_headings_and_real_tables_of_the_activities(
    run: Run, init_example: Path
) -> None:
    word = docx.Document(str(write(run, init_example, "plan.docx", "docx")))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    for heading in HEADINGS:
        assert heading in headings, heading
    assert "Competentie 2: Beheert de middelen voor optimale gezondheidszorg" in headings
    assert [p.text for p in word.paragraphs if p.style.name == "Title"] == [
        "Plan medisch leiderschap: Anne de Vries"
    ]
    header = ["Nr", "Onderwerp", "Activiteit", "Leerdoel", "Status", "Afgerond / bewijs"]
    activity_tables = [t for t in word.tables if [c.text for c in t.rows[0].cells] == header]
    # one per competency per year: 3, 3, 3, 2 and 1 competencies in the five years
    assert len(activity_tables) == 12
    rows = [[c.text for c in row.cells] for t in activity_tables for row in t.rows[1:]]
    assert sorted(int(r[0]) for r in rows) == list(range(1, 17))
    assert sorted(r[2] for r in rows) == sorted(activity_titles(init_example))
    by_number = {int(r[0]): r for r in rows}
    assert by_number[4][1] == "Patiëntveiligheid (patientveiligheid)"
    assert by_number[4][4] == "✓ afgerond"
    assert by_number[4][5].startswith("20 mei 2026 · Casus ingebracht in VIM-commissie")
    coverage = next(
        t for t in word.tables if t.rows[0].cells[1].text == "Onderwerp" and len(t.columns) == 4
    )
    assert [c.text for c in coverage.rows[0].cells] == [
        "Competentie",
        "Onderwerp",
        "Dekking",
        "Activiteiten (nr)",
    ]
    assert len(coverage.rows) == 15  # the header and the 14 topics


# -- HTML ------------------------------------------------------------------------------------


def test_the_html_in_chromium_shows_the_timeline_and_the_coverage(
    run: Run, init_example: Path, tmp_path: Path
) -> None:
    page = write(run, init_example, "plan.htm", "html")
    dom = dump_dom(page, tmp_path)
    assert dom.count('class="mlplan-timeline"') == 1
    assert dom.count('class="mlplan-coverage"') == 1
    # the timeline stands under the header, before the first year's tables
    assert dom.index("mlplan-timeline") < dom.index("Jaar 1 (sep 2025 – aug 2026)")
    assert dom.index("mlplan-coverage") > dom.index("Dekking van de onderwerpen")
    image = screenshot(page, tmp_path, 1100, 1000)
    # on screen, above the first tables: the activities' marks in their status colours and
    # today's line, the done ones (years 1 and 2) left of today, the planned ones right of it
    upper = (0, 0, image.width, 560)
    done, planned = svg.STATUS_COLOR["done"], svg.STATUS_COLOR["planned"]
    for color in (done, planned, svg.STATUS_COLOR["in_progress"], svg.TODAY_COLOR):
        assert count_color(image, upper, color, 20) > 40, color
    xs = [mean_x(image, upper, color) for color in (done, svg.TODAY_COLOR, planned)]
    assert None not in xs
    assert xs[0] < xs[1] < xs[2]  # type: ignore[operator]


def test_the_html_goes_to_stdout_self_contained_with_the_pictures(
    run: Run, init_example: Path
) -> None:
    result = run("plan", str(init_example), "--format", "html", *TODAY)
    assert result.exit_code == 0, result.stderr
    html = result.stdout
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="nl">' in html
    assert "<svg" in html and "vandaag, 22 nov 2026" in html
    for words in (*ACCENTED, *HEADINGS):
        assert words in html, words
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")


# -- formats, --output and the extra -------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "name", "starts"),
    [
        ("table", "plan.txt", b"Plan medisch leiderschap: Anne de Vries\n"),
        ("markdown", "plan.md", b"# Plan medisch leiderschap: Anne de Vries\n"),
        ("json", "plan.json", b"{\n"),
        ("csv", "plan.csv", b"Nr,Jaar,"),
        ("xlsx", "plan.xlsx", b"PK"),
        ("pdf", "plan.pdf", b"%PDF-"),
        ("docx", "plan.docx", b"PK"),
        ("html", "plan.html", b"<!DOCTYPE html>"),
    ],
)
def test_every_format_is_accepted_by_name_and_by_extension(
    run: Run, init_example: Path, fmt: str, name: str, starts: bytes
) -> None:
    by_name = init_example.with_name(f"by-name-{name}")
    result = run("plan", str(init_example), "--format", fmt.upper(), "-o", str(by_name), *TODAY)
    assert result.exit_code == 0, result.stderr
    by_extension = write(run, init_example, name, fmt)
    assert by_name.read_bytes().startswith(starts)
    assert by_extension.read_bytes().startswith(starts)


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_pdf_and_word_without_output_are_refused_before_any_work(
    run: Run, init_example: Path, fmt: str
) -> None:
    result = run("plan", str(init_example), "--format", fmt, *TODAY)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"fout: {fmt} is een bestand en geen tekst voor het scherm; geef een uitvoerbestand "
        f"met --output, bijvoorbeeld --output plan.{fmt}\n"
    )
    english = run("--lang", "en", "plan", str(init_example), "-f", fmt, *TODAY)
    assert english.exit_code == 2
    assert f"{fmt} is a file, not text for the screen" in english.stderr


@pytest.mark.parametrize(("module", "name"), [("fpdf", "plan.pdf"), ("docx", "plan.docx")])
def test_without_the_extra_the_message_names_the_install_command(
    run: Run, init_example: Path, monkeypatch: pytest.MonkeyPatch, module: str, name: str
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # its import raises ImportError
    target = init_example.with_name(name)
    result = run("plan", str(init_example), "-o", str(target), *TODAY)
    assert result.exit_code == 2
    assert f"'{module}'" in result.stderr and 'pip install "mlplan[documents]"' in result.stderr
    assert "Traceback" not in result.stderr
    assert not target.exists()
