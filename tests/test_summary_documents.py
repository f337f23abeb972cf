"""``mlplan summary`` as documents: PDF, Word and HTML of one aios and of a group, read back
by their real readers (pypdf, python-docx, Chromium), and ``--output`` for every format."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from html_browser import blank, count_color, dump_dom, pdf_text, print_pdf, screenshot
from test_summary_overview import make_group

from conftest import EXAMPLE_PLAN, Result
from mlplan.render import svg

Run = Callable[..., Result]
TODAY = ("--today", "2026-11-22")
NAMES = {"zoe.yaml": "Zoë Zwart", "omer.yaml": "Ömer Yılmaz", "anne.yaml": "Anne de Vries"}


def pdf_pages(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages]


def accented_plan(tmp_path: Path) -> Path:
    plan = tmp_path / "plan.yaml"
    text = EXAMPLE_PLAN.read_text(encoding="utf-8").replace("Anne de Vries", "Anne de Vriës")
    plan.write_text(text, encoding="utf-8")
    return plan


def test_the_example_page_as_pdf_is_searchable_text_on_at_most_two_pages(
    run: Run, tmp_path: Path
) -> None:
    plan = accented_plan(tmp_path)
    out = tmp_path / "gesprek.pdf"
    result = run("summary", str(plan), *TODAY, "--output", str(out))  # format from .pdf
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    pages = pdf_pages(out)
    assert 1 <= len(pages) <= 2  # issue 16: one voortgangsgesprek, at most two pages
    text = " ".join(pages)
    assert "Anne de Vriës — voortgangsgesprek 2026-11-22" in text  # accents and dash intact
    for heading in (
        "Stand van zaken",
        "Controle (mlplan check)",
        "Dekking van de onderwerpen",
        "Gedaan sinds het laatste gesprek (2026-07-01)",
        "Achterstallig",
        "Verbeterpunten (TOP 3)",
        "Gespreksonderwerpen",
    ):
        assert heading in text
    assert "14/14 onderwerpen gedekt, waarvan 5 afgerond." in text
    # every printed page carries the aios and the date in its header
    assert all("Anne de Vriës · 2026-11-22" in page for page in pages)


def test_pdf_without_output_is_refused_before_any_work(run: Run, tmp_path: Path) -> None:
    result = run("summary", str(tmp_path / "missing.yaml"), "-f", "pdf")
    assert result.exit_code == 2
    assert "pdf is een bestand en geen tekst voor het scherm" in result.stderr
    assert "--output plan.pdf" in result.stderr and result.stdout == ""  # a name to use
    group = run("summary", str(tmp_path), "-f", "docx")  # a folder: a group's file name
    assert group.exit_code == 2 and "--output groep.docx" in group.stderr


def test_the_page_in_word_has_headings_and_real_tables(run: Run, tmp_path: Path) -> None:
    import docx

    out = tmp_path / "gesprek.docx"
    assert run("summary", str(EXAMPLE_PLAN), *TODAY, "-o", str(out)).exit_code == 0
    word = docx.Document(str(out))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert "Stand van zaken" in headings and "Gespreksonderwerpen" in headings
    assert word.paragraphs[0].text == "Anne de Vries — voortgangsgesprek 2026-11-22"
    coverage = next(t for t in word.tables if t.rows[0].cells[0].text == "Competentie")
    assert [c.text for c in coverage.rows[0].cells] == [
        "Competentie",
        "Gedekt",
        "Afgerond",
        "Zonder activiteit",
    ]
    from mlplan.io.loading import load_framework

    assert len(coverage.rows) == 1 + len(load_framework().competencies)  # one per competency
    assert word.core_properties.author == "Anne de Vries"


def test_a_group_pdf_has_the_overview_then_each_aios_on_a_page_of_its_own(
    run: Run, tmp_path: Path
) -> None:
    group = make_group(tmp_path / "plannen", NAMES)
    out = tmp_path / "groep.pdf"
    result = run("summary", str(group), *TODAY, "-o", str(out))
    assert result.exit_code == 1  # kapot.yaml does not load, as for the other formats
    pages = pdf_pages(out)
    assert "Overzicht: 4 plannen op 2026-11-22" in pages[0]
    for name in NAMES.values():
        assert name in pages[0]  # a row of the overview
        title = f"{name} — voortgangsgesprek 2026-11-22"
        starts = [n for n, page in enumerate(pages) if title in page]
        assert starts, name
        # the page's section starts a printed page: its title first under the header
        assert pages[starts[0]].split(title)[0].strip().endswith("2026-11-22"), name
    assert "laadt niet" in pages[0] and "kapot.yaml" in pages[0]  # the broken plan's row


def test_the_group_in_word_keeps_the_overview_table_and_every_page(
    run: Run, tmp_path: Path
) -> None:
    import docx

    group = make_group(tmp_path / "plannen", NAMES)
    out = tmp_path / "groep.docx"
    assert run("summary", str(group), *TODAY, "-f", "docx", "-o", str(out)).exit_code == 1
    word = docx.Document(str(out))
    overview = word.tables[0]
    assert overview.rows[0].cells[0].text == "Aios"
    names = [row.cells[0].text for row in overview.rows[1:]]
    assert {"Zoë Zwart", "Ömer Yılmaz", "Anne de Vries"} <= set(names)
    # the terminal's shape: the file last, named without the shared folder; the first
    # errors under the table, not as a column that makes every row a dozen lines high
    header = [c.text for c in overview.rows[0].cells]
    assert header[-2:] == ["Laatste gesprek", "Bestand"] and "Eerste fout" not in header
    assert "kapot.yaml" in [row.cells[-1].text for row in overview.rows[1:]]
    starts = {p.text: p for p in word.paragraphs if p.style.name.startswith("Heading")}
    assert "Eerste fout" in starts
    errors = [p.text for p in word.paragraphs if "kapot.yaml:3:1" in p.text]
    assert errors and "ML001" in errors[0]
    for name in NAMES.values():
        page = starts[f"{name} — voortgangsgesprek 2026-11-22"]
        assert page.paragraph_format.page_break_before  # each aios on a new page


def test_the_group_html_in_a_browser_shows_the_overview_the_matrix_and_the_pages(
    run: Run, tmp_path: Path
) -> None:
    group = make_group(tmp_path / "plannen", NAMES)
    out = tmp_path / "groep.html"
    assert run("summary", str(group), *TODAY, "-o", str(out)).exit_code == 1
    dom = dump_dom(out, tmp_path)
    assert "Overzicht: 4 plannen op 2026-11-22" in dom
    assert "Dekking per aios en onderwerp" in dom  # the matrix's section
    assert dom.count("<svg") >= 1 + len(NAMES)  # the matrix, and a coverage picture per page
    for name in NAMES.values():
        assert f"{name} — voortgangsgesprek 2026-11-22" in dom
    image = screenshot(out, tmp_path, 1200, 1600)
    assert not blank(image)
    # the matrix's cells in the colours of done and planned topics, on the first screen
    whole = (0, 0, image.width, image.height)
    for state in ("done", "planned"):
        assert count_color(image, whole, svg.COVERAGE_COLOR[state], 30) > 200, state
    count, text = pdf_text(print_pdf(out, tmp_path))
    assert count > len(NAMES)  # each aios starts a printed page
    assert "Zoë Zwart" in text


@pytest.mark.parametrize(
    ("suffix", "check"),
    [
        (".md", lambda text: text.startswith("# Anne de Vries — voortgangsgesprek")),
        (".json", lambda text: json.loads(text)["aios"]["name"] == "Anne de Vries"),
        (".txt", lambda text: "Stand van zaken\n  Nu" in text and "\x1b" not in text),
        (".html", lambda text: text.startswith("<!DOCTYPE html>") and "<svg" in text),
    ],
)
def test_output_writes_every_text_format_as_stdout_would_get_it(
    run: Run, tmp_path: Path, suffix: str, check: Callable[[str], bool]
) -> None:
    out = tmp_path / f"gesprek{suffix}"
    result = run("summary", str(EXAMPLE_PLAN), *TODAY, "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert f"{out} geschreven" in result.stderr
    text = out.read_text(encoding="utf-8")
    assert check(text)
    if suffix == ".md":  # the same text as on stdout
        assert text == run("summary", str(EXAMPLE_PLAN), *TODAY, "-f", "markdown").stdout


def test_a_table_written_to_a_file_is_80_columns_wide(run: Run, tmp_path: Path) -> None:
    group = make_group(tmp_path / "plannen", NAMES)
    out = tmp_path / "groep.txt"
    assert run("summary", str(group), *TODAY, "-o", str(out)).exit_code == 1
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "Overzicht: 4 plannen op 2026-11-22"
    assert "─" * 80 in lines and "─" * 81 not in "\n".join(lines)


def test_output_never_writes_over_a_plan_it_reads(run: Run, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(EXAMPLE_PLAN.read_bytes())
    before = plan.read_bytes()
    for fmt in ("markdown", "pdf"):
        result = run("summary", str(plan), *TODAY, "-f", fmt, "-o", str(plan))
        assert result.exit_code == 2
        assert "invoerbestand" in result.stderr
        assert "mlplan plan" not in result.stderr  # summary refused it, not plan
    assert plan.read_bytes() == before


def test_an_unknown_extension_names_the_ones_summary_writes(run: Run, tmp_path: Path) -> None:
    result = run("summary", str(EXAMPLE_PLAN), *TODAY, "-o", str(tmp_path / "x.odt"))
    assert result.exit_code == 2
    assert ".pdf" in result.stderr and ".docx" in result.stderr and ".html" in result.stderr


def test_the_document_says_what_the_terminal_page_says(run: Run) -> None:
    import datetime as dt

    from mlplan.domain.checking import check_file
    from mlplan.domain.summary import summarise
    from mlplan.io.loading import load_framework
    from mlplan.render.document import plain_text
    from mlplan.render.summary import summary_document

    day = dt.date(2026, 11, 22)
    fw = load_framework()
    doc = summary_document(summarise(check_file(EXAMPLE_PLAN, fw, day), fw, day))
    assert doc.header == "Anne de Vries · 2026-11-22"
    terminal = run("summary", str(EXAMPLE_PLAN), *TODAY).stdout
    # every word of the terminal page is in the document, but the tables' rules and the
    # competency titles it cuts with an ellipsis to keep the page on one screen (the
    # terminal shows missing topics by id, documents by title: the example misses none)
    # ("Nu jaar 2" is "Nu: jaar 2" in a document's fields)
    shown = {w.rstrip(":") for w in terminal.split() if w[0] != "─" and w[-1] != "…"}
    assert shown <= {w.rstrip(":") for w in plain_text(doc).split()} | {"•", "1.", "2.", "3."}
    assert io.StringIO(terminal).readline().strip() == doc.title


def test_a_section_on_a_new_page_starts_one_in_print_only() -> None:
    import docx

    from mlplan.render import emit_docx, emit_html, emit_markdown, emit_pdf, emit_text
    from mlplan.render.document import Document, Paragraph, Section

    def doc(new_page: bool) -> Document:
        first = Section("Een", (Paragraph("kort"),))
        return Document(
            "Titel", blocks=(first, Section("Twee", (Paragraph("x"),), new_page=new_page))
        )

    from pypdf import PdfReader

    assert [len(PdfReader(io.BytesIO(emit_pdf.to_pdf(doc(n)))).pages) for n in (False, True)] == [
        1,
        2,
    ]
    word = docx.Document(io.BytesIO(emit_docx.to_docx(doc(True))))
    breaks = {p.text: p.paragraph_format.page_break_before for p in word.paragraphs}
    assert breaks["Twee"] and not breaks["Een"]
    assert '<section class="new-page">' in emit_html.to_html(doc(True))
    # a terminal and Markdown have no pages: the same text either way
    assert emit_markdown.to_markdown(doc(True)) == emit_markdown.to_markdown(doc(False))
    text = [emit_text.to_text(doc(n), width=80, color=False) for n in (True, False)]
    assert text[0] == text[1]


def test_a_quoted_agreement_that_looks_like_a_list_is_escaped_only_where_markdown_needs(
    run: Run, tmp_path: Path
) -> None:
    plan = tmp_path / "plan.yaml"
    agreement = "Verslag en presentatie incidenten/complicaties voor het einde van het jaar"
    text = EXAMPLE_PLAN.read_text(encoding="utf-8")
    assert agreement in text
    plan.write_text(text.replace(agreement, '"1. Wat gaan we doen -- echt"'), encoding="utf-8")
    md = run("summary", str(plan), *TODAY, "-f", "markdown").stdout
    # mid-sentence a "1." starts no list: only the hyphens that pandoc would join are escaped
    assert "- Afspraak ‘1. Wat gaan we doen \\-\\- echt’: niet aan een activiteit" in md
