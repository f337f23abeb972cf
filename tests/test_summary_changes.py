"""The summary's page of one plan kept in git shows what changed since the last meeting
(issue 14, item 5): the same changes `mlplan diff` reports, as a section of the page in
every format; a plan without history has no such section and nothing fails."""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Callable
from pathlib import Path

import pytest
from git_helpers import Repo, history, isolate_git

from conftest import Result

Run = Callable[..., Result]
TODAY = ("--today", "2026-11-22")
# worked out by hand in tests/test_diff.py: 80 % from 2026-12-01 with 1,370 full-time days left
END = dt.date(2026, 12, 1) + dt.timedelta(days=math.ceil(1370 / 0.8) - 1)
SINCE_MEETING = [
    "Deeltijd toegevoegd: 80 % vanaf 2026-12-01",
    f"Laatste dag van de opleiding daardoor: 2030-08-31 → {END.isoformat()}",
    "Opleider gewijzigd: dr. J. Jansen → dr. K. de Boer",
    "Nieuw verbeterpunt: ‘Vaker delegeren’",
]


@pytest.fixture(autouse=True)
def _git(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate_git(monkeypatch, tmp_path / "home")


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return history(tmp_path / "plannen")[0]


def _section(text: str, heading: str) -> list[str]:
    """The bullets under ``heading`` on a terminal page (wrapped lines joined)."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(heading))
    items: list[str] = []
    for line in lines[start + 1 :]:
        if line and not line.startswith(" "):
            break
        if line.startswith("  • "):
            items.append(line[4:])
        elif line.startswith("    ") and items:
            items[-1] += " " + line.strip()
    return items


def test_the_page_shows_what_changed_since_the_last_meeting(run: Run, repo: Repo) -> None:
    result = run("summary", str(repo.plan), *TODAY)
    assert result.exit_code == 0, result.stderr
    heading = "Gewijzigd sinds het laatste gesprek (2026-11-03): 4 wijzigingen."
    assert heading in result.stdout
    assert _section(result.stdout, heading) == SINCE_MEETING
    # after every other section: the page reads as before, then what git adds
    assert result.stdout.index("Gespreksonderwerpen") < result.stdout.index(heading)


def test_since_moves_the_section_with_the_page(run: Run, repo: Repo) -> None:
    result = run("summary", str(repo.plan), *TODAY, "--since", "2026-08-01")
    assert result.exit_code == 0, result.stderr
    assert "Gewijzigd sinds 2026-08-01: " in result.stdout
    # the meeting of 2026-11-03 was committed after that day: it is one of the changes
    assert "Gesprek vastgelegd: voortgangsgesprek van 2026-11-03, 2 afspraken" in result.stdout


def test_markdown_and_json_carry_the_same_changes(run: Run, repo: Repo) -> None:
    md = run("summary", str(repo.plan), *TODAY, "-f", "markdown")
    assert md.exit_code == 0, md.stderr
    assert "## Gewijzigd sinds het laatste gesprek (2026-11-03)" in md.stdout
    for change in SINCE_MEETING:
        # Markdown escapes nothing in these lines but the hyphen runs it never has
        assert f"- {change}" in md.stdout
    js = run("summary", str(repo.plan), *TODAY, "-f", "json")
    assert js.exit_code == 0, js.stderr
    data = json.loads(js.stdout)
    assert data["changes"]["since"]["kind"] == "last_meeting"
    assert [c["message"] for c in data["changes"]["changes"]] == SINCE_MEETING


def test_the_pdf_and_word_documents_end_with_the_same_changes(
    run: Run, repo: Repo, tmp_path: Path
) -> None:
    import docx
    from pypdf import PdfReader

    pdf = tmp_path / "gesprek.pdf"
    assert run("summary", str(repo.plan), *TODAY, "-o", str(pdf)).exit_code == 0
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(pdf).pages)
    heading = "Gewijzigd sinds het laatste gesprek (2026-11-03)"
    assert text.index("Gespreksonderwerpen") < text.index(heading)
    for change in SINCE_MEETING:
        assert change in text
    word = tmp_path / "gesprek.docx"
    assert run("summary", str(repo.plan), *TODAY, "-o", str(word)).exit_code == 0
    paragraphs = [p.text for p in docx.Document(str(word)).paragraphs]
    assert heading in paragraphs
    assert paragraphs[paragraphs.index(heading) :][-len(SINCE_MEETING) :] == SINCE_MEETING


def test_a_plan_without_history_has_no_such_section(run: Run, tmp_path: Path) -> None:
    plan = tmp_path / "los" / "plan.yaml"
    plan.parent.mkdir()
    assert run("init", "--example", str(plan)).exit_code == 0
    result = run("summary", str(plan), *TODAY)
    assert result.exit_code == 0, result.stderr
    assert "Gewijzigd sinds" not in result.stdout
    assert "changes" not in json.loads(run("summary", str(plan), *TODAY, "-f", "json").stdout)


def test_a_group_has_no_such_section(run: Run, repo: Repo) -> None:
    result = run("summary", str(repo.plan.parent), *TODAY, "-f", "markdown")
    assert result.exit_code == 0, result.stderr
    assert "Gewijzigd sinds" not in result.stdout
