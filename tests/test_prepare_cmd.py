"""``mlplan prepare`` end to end, through the CLI on temporary files: the example plan as
``mlplan init --example`` writes it, and a plan with work done after its last meeting."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from mlplan.render.pages.common import BLANK
from tests.conftest import Result
from tests.test_prepare import BUSY
from tests.test_privacy import PLAN as PATIENT_PLAN
from tests.test_privacy import SECRETS

Run = Callable[..., Result]
TODAY = ("--today", "2026-12-03")


@pytest.fixture
def busy(tmp_path: Path) -> Path:
    path = tmp_path / "busy.yaml"
    path.write_text(BUSY, encoding="utf-8")
    return path


def test_prepare_on_the_terminal(run: Run, init_example: Path) -> None:
    result = run("prepare", *TODAY)  # PATH defaults to plan.yaml
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("Anne de Vries — voorbereiding gesprek 2026-12-03\n")
    assert "Gedaan sinds het laatste gesprek (2026-07-01)" in out
    assert "‘Wat weet/kan ik al en wat wil ik hierin ontwikkelen?’" in out
    assert out.count("Zelfbeoordeling") == 4
    assert "Open afspraken van het laatste gesprek (2026-07-01, voortgangsgesprek)" in out
    assert "Aan de beurt in de komende 6 maanden (tot 2027-06-03)" in out
    assert result.stderr == ""


def test_prepare_shows_the_work_of_each_competency_with_its_evidence(run: Run, busy: Path) -> None:
    result = run("prepare", str(busy), "-f", "markdown", *TODAY)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    third = out.split("Competentie 3: Toont leiderschap in de beroepspraktijk")[1]
    third = third.split("Competentie 4:")[0]
    assert "Rol in interdisciplinair behandelteam" in third
    assert "KPB begeleiden coassistenten" in third
    assert "2026-11-05" in third
    assert "Zelfbeoordeling" in third and BLANK in third


def test_prepare_json(run: Run, busy: Path) -> None:
    result = run("prepare", str(busy), "--format", "json", *TODAY)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["format"] == "mlplan-prepare"
    assert data["today"] == "2026-12-03"
    assert [c["number"] for c in data["competencies"]] == [1, 2, 3, 4]
    assert [i["title"] for i in data["competencies"][2]["done_since"]] == [
        "Rol in interdisciplinair behandelteam"
    ]
    assert data["open_agreements"][0]["text"] == "Symposium organiseren in jaar 2"
    assert data["check"]["errors"] == 0


def test_prepare_in_english(run: Run, init_example: Path) -> None:
    result = run("--lang", "en", "prepare", str(init_example), *TODAY)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Anne de Vries — meeting preparation 2026-12-03\n")
    words = " ".join(result.stdout.split())  # the terminal wraps the long lines
    assert "Self-assessment" in words
    assert "quoted in the source's Dutch" in words


def test_prepare_writes_an_output_file_by_its_extension(run: Run, init_example: Path) -> None:
    target = init_example.with_name("voorbereiding.md")
    result = run("prepare", str(init_example), "-o", str(target), *TODAY)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == f"{target} geschreven (markdown)\n"
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Anne de Vries — voorbereiding gesprek 2026-12-03")
    # the same bytes as on stdout
    piped = run("prepare", str(init_example), "-f", "markdown", *TODAY).stdout
    assert piped.rstrip("\n") == text.rstrip("\n")


def test_prepare_never_writes_over_the_plan(run: Run, init_example: Path) -> None:
    before = init_example.read_bytes()
    result = run("prepare", str(init_example), "-o", str(init_example), "-f", "markdown", *TODAY)
    assert result.exit_code == 2
    assert "invoerbestand" in result.stderr
    assert init_example.read_bytes() == before


def test_prepare_refuses_an_extension_it_cannot_write(run: Run, init_example: Path) -> None:
    result = run(
        "prepare", str(init_example), "-o", str(init_example.with_name("blad.csv")), *TODAY
    )
    assert result.exit_code == 2
    assert "kan het formaat niet afleiden uit" in result.stderr
    assert (
        ".txt, .md, .markdown, .json, .pdf, .docx, .html, .htm, of geef --format" in result.stderr
    )
    assert not init_example.with_name("blad.csv").exists()


def test_prepare_of_a_plan_that_does_not_validate(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("version: 1\naios: {name: A}\ntraining: {start: 2025-09-01}\n", "utf-8")
    result = run("prepare", str(path), *TODAY)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "ML002" in result.stderr
    assert result.stderr.splitlines()[-1] == (
        f"{path}: er is geen document gemaakt omdat het plan niet geldig is; "
        "herstel eerst de fouten hierboven."
    )


@pytest.mark.parametrize("fmt", ["table", "markdown", "json"])
def test_prepare_with_redact_masks_patient_data(run: Run, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PATIENT_PLAN, encoding="utf-8")
    plain = run("prepare", str(path), "-f", fmt, "--today", "2026-04-01")
    assert "de Boer" in plain.stdout  # the open agreement, as written
    assert plain.stderr.startswith(f"let op: {path} bevat mogelijk patiëntgegevens")
    masked = run("prepare", str(path), "-f", fmt, "--redact", "--today", "2026-04-01")
    for secret in SECRETS:
        assert secret not in masked.stdout + masked.stderr, (fmt, secret)
    assert "[naam]" in masked.stdout.replace("\\[", "[").replace("\\]", "]")
    assert "patiëntgegevens" not in masked.stderr
    assert path.read_text(encoding="utf-8") == PATIENT_PLAN


def test_prepare_of_a_plan_with_rule_errors_shows_them_and_exits_1(
    run: Run, tmp_path: Path
) -> None:
    """A plan that validates but breaks a rule still gets its sheet; check's findings are
    its last section, and stderr says the plan has errors."""
    path = tmp_path / "plan.yaml"
    path.write_text(BUSY.replace("topic: innovatie", "topic: innovatiee"), encoding="utf-8")
    result = run("prepare", str(path), "-f", "markdown", *TODAY)
    assert result.exit_code == 1
    check = result.stdout.split("## Controle (mlplan check)")[1]
    assert "ML003" in check and "ML100" in check
    assert result.stderr.startswith(f"{path}: het plan heeft 2 fouten")


def test_prepare_as_word_to_fill_in(run: Run, busy: Path) -> None:
    import io

    import docx

    target = busy.with_name("voorbereiding.docx")
    result = run("prepare", str(busy), "-o", str(target), *TODAY)
    assert result.exit_code == 0, result.stderr
    word = docx.Document(io.BytesIO(target.read_bytes()))
    text = "\n".join(p.text for p in word.paragraphs)
    text += "\n".join(c.text for table in word.tables for row in table.rows for c in row.cells)
    assert "‘Wat weet/kan ik al en wat wil ik hierin ontwikkelen?’" in text
    assert "KPB begeleiden coassistenten" in text
    assert text.count(BLANK) == 4


def test_prepare_as_html_to_send(run: Run, busy: Path) -> None:
    """``.html`` selects one self-contained file: the sheet's questions and blanks are in
    it, and it loads nothing from elsewhere (no src or href to another file)."""
    from html.parser import HTMLParser

    target = busy.with_name("voorbereiding.html")
    result = run("prepare", str(busy), "-o", str(target), *TODAY)
    assert result.exit_code == 0, result.stderr
    html = target.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "‘Wat weet/kan ik al en wat wil ik hierin ontwikkelen?’" in html
    assert "KPB begeleiden coassistenten" in html
    links: list[str] = []

    class Links(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            links.extend(v or "" for k, v in attrs if k in ("src", "href"))

    Links().feed(html)
    assert [link for link in links if not link.startswith("#")] == []


def test_prepare_follows_up_agreements_in_english(run: Run, tmp_path: Path) -> None:
    from tests.test_prepare import FOLLOWED

    path = tmp_path / "plan.yaml"
    path.write_text(FOLLOWED, encoding="utf-8")
    result = run("--lang", "en", "prepare", str(path), "-f", "markdown", *TODAY)
    assert result.exit_code == 0, result.stderr  # ML206 is a warning
    assert "| Agreement | Who | Due | Concerns | Moved? |" in result.stdout
    assert "| Symposium organiseren in jaar 2 | supervisor | 2026-11-01, overdue |" in result.stdout
    assert "Still open from earlier meetings, past their due date:" in result.stdout
    assert "- Mentor kiezen\n" in result.stdout
