"""``mlplan handover`` end to end, through the CLI on temporary files: the example plan as
``mlplan init --example`` writes it, and a plan with more history (``BUSY``)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Result
from tests.test_handover import BUSY
from tests.test_markdown_renderers import RENDERERS, assert_same_everywhere
from tests.test_privacy import PLAN as PATIENT_PLAN
from tests.test_privacy import SECRETS

Run = Callable[..., Result]
TODAY = ("--today", "2026-12-03")


@pytest.fixture
def busy(tmp_path: Path) -> Path:
    path = tmp_path / "busy.yaml"
    path.write_text(BUSY, encoding="utf-8")
    return path


def test_handover_on_the_terminal(run: Run, init_example: Path) -> None:
    result = run("handover", "--to", "dr. K. de Boer", *TODAY)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("Overdrachtsdocument medisch leiderschap: Anne de Vries\n")
    for heading in (
        "Aios en opleiding",
        "Afgeronde activiteiten",
        "Open en gepland",
        "Dekking van de onderwerpen",
        "Cursussen",
        "Verbeterpunten (TOP 3)",
        "Gesprekken",
        "Bevindingen van de controle",
    ):
        assert heading in out, heading
    assert "dr. K. de Boer" in out
    assert "KPB voorzitten overdracht" in out
    assert result.stderr == ""


def test_handover_markdown_reads_the_same_in_every_renderer(run: Run, busy: Path) -> None:
    result = run("handover", str(busy), "-f", "markdown", "--to", "dr. K. de Boer", *TODAY)
    assert result.exit_code == 0, result.stderr  # ML201 is a warning
    text = result.stdout
    html = RENDERERS["markdown-it"](text)
    assert "<h1>Overdrachtsdocument medisch leiderschap: Anne de Vries</h1>" in html
    assert "<td>Doelmatigheidsproject polikliniek</td>" in html  # done, without a date
    assert "1 mrt 2027 · voortgangsgesprek (gepland)" in html
    assert_same_everywhere(text)


def test_handover_json(run: Run, busy: Path) -> None:
    result = run("handover", str(busy), "--format", "json", "--to", "dr. K. de Boer", *TODAY)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["format"] == "mlplan-handover"
    assert (data["from"], data["to"]) == ("dr. J. Jansen", "dr. K. de Boer")
    assert len(data["done"]) == 6 and len(data["dropped"]) == 1
    assert data["plan"]["format"] == "mlplan-plan-overview"
    assert data["summary"]["position"]["text"] == "jaar 2 van 5, begin"


def test_handover_in_english(run: Run, init_example: Path) -> None:
    result = run("--lang", "en", "handover", str(init_example), "-f", "markdown", *TODAY)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# Handover document on medical leadership: Anne de Vries")
    assert "Handed over to" in result.stdout


def test_handover_to_must_name_someone(run: Run, init_example: Path) -> None:
    result = run("handover", str(init_example), "--to", "  ", *TODAY)
    assert result.exit_code == 2
    assert "--to" in result.stderr
    assert result.stdout == ""


def test_handover_writes_its_file_and_keeps_other_files(run: Run, init_example: Path) -> None:
    target = init_example.with_name("overdracht.md")
    assert run("handover", str(init_example), "-o", str(target), *TODAY).exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# Overdrachtsdocument")
    notes = init_example.with_name("notities.docx")
    notes.write_text("mijn aantekeningen", encoding="utf-8")
    result = run("handover", str(init_example), "-o", str(notes), "-f", "markdown", *TODAY)
    assert result.exit_code == 2
    assert notes.read_text(encoding="utf-8") == "mijn aantekeningen"


@pytest.mark.parametrize("fmt", ["table", "markdown", "json"])
def test_handover_with_redact_masks_patient_data(run: Run, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PATIENT_PLAN, encoding="utf-8")
    plain = run("handover", str(path), "-f", fmt, "--today", "2026-04-01")
    assert "de Boer" in plain.stdout  # the meeting's agreement, as written
    assert plain.stderr.startswith(f"let op: {path} bevat mogelijk patiëntgegevens")
    masked = run("handover", str(path), "-f", fmt, "--redact", "--today", "2026-04-01")
    for secret in SECRETS:
        assert secret not in masked.stdout + masked.stderr, (fmt, secret)
    assert "[naam]" in masked.stdout.replace("\\[", "[").replace("\\]", "]")
    assert "patiëntgegevens" not in masked.stderr
    assert path.read_text(encoding="utf-8") == PATIENT_PLAN


def test_handover_as_pdf_and_word_for_the_portfolio(run: Run, busy: Path) -> None:
    """The same document through the PDF and Word emitters: written with --output (their
    bytes are no text for a terminal), every section there for a reader to find."""
    import io

    import docx
    from pypdf import PdfReader

    pdf = busy.with_name("overdracht.pdf")
    result = run("handover", str(busy), "-o", str(pdf), "--to", "dr. K. de Boer", *TODAY)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"{pdf} geschreven (pdf)\n"
    pages = PdfReader(io.BytesIO(pdf.read_bytes())).pages
    text = " ".join(" ".join(p.extract_text() for p in pages).split())  # spaced out, wrapped
    for words in (
        "Overdrachtsdocument medisch leiderschap",
        "Afgeronde activiteiten",
        "Doelmatigheidsproject polikliniek",
        "dr. K. de Boer",
        "Open afspraken",
    ):
        assert words in text, words
    word = busy.with_name("overdracht.docx")
    assert run("handover", str(busy), "-o", str(word), *TODAY).exit_code == 0
    paragraphs = [p.text for p in docx.Document(io.BytesIO(word.read_bytes())).paragraphs]
    assert "Overdrachtsdocument medisch leiderschap: Anne de Vries" in paragraphs
    assert "Gesprekken" in paragraphs
    # to a terminal, bytes of PDF or Word are refused before any work
    refused = run("handover", str(busy), "-f", "pdf", *TODAY)
    assert refused.exit_code == 2
    assert refused.stdout == ""
    # the file it suggests is the handover's, not the plan's
    assert "--output overdracht.pdf" in refused.stderr


def test_handover_as_html_in_a_real_browser(run: Run, busy: Path, tmp_path: Path) -> None:
    """One self-contained HTML file (the format from its extension): Chromium shows the
    document's sections, and the page asks the network for nothing."""
    from tests import html_browser

    page = busy.with_name("overdracht.html")
    result = run("handover", str(busy), "-o", str(page), "--to", "dr. K. de Boer", *TODAY)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"{page} geschreven (html)\n"
    dom = html_browser.dump_dom(page, tmp_path)
    for words in ("Overdrachtsdocument medisch leiderschap", "Open afspraken", "dr. K. de Boer"):
        assert words in dom, words
    assert html_browser.page_requests(page, tmp_path) == []
    pages, text = html_browser.pdf_text(html_browser.print_pdf(page, tmp_path))
    assert pages >= 1 and "Doelmatigheidsproject polikliniek" in " ".join(text.split())
