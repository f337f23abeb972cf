"""The group overview on the terminal (``mlplan summary DIR``): its layout at every width
and its order."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import EXAMPLE_PLAN, Result

Run = Callable[..., Result]
TODAY = ("--today", "2026-11-22")

# file name -> aios name: long names, a very long single word, long file names
VARIED = {
    "aios-00.yaml": "Fatima Zahra El Amrani-Benali",
    "aios-01.yaml": "Ömer Yilmaz",
    "aios-02.yaml": "Zoë Zwart",
    "aios-03.yaml": "Anne de Vries",
    "jan-van-der-berg-neurologie-cohort-2025.yaml": "Jan van der Berg",
    "aios-05.yaml": "Maximiliaan Alexander van Oldenbarnevelt-Wittelsbach",
    "aios-06.yaml": "Émile ter Horst",
    "aios-07.yaml": "Piet 't Hart",
}
ORDINARY = {
    "anne.yaml": "Anne de Vries",
    "bram.yaml": "Bram Bakker",
    "cees.yaml": "Cees Claassen",
}
HEADERS = {
    "nl": ["Aios", "Jaar", "Dekking", "Gedaan", "Te doen", "Achterstallig", "Fouten", "Bestand"],
    "en": ["Aios", "Year", "Coverage", "Done", "Due", "Overdue", "Errors", "File"],
}


def make_group(directory: Path, names: dict[str, str]) -> Path:
    directory.mkdir()
    example = EXAMPLE_PLAN.read_text(encoding="utf-8")
    for file, name in names.items():
        (directory / file).write_text(example.replace("Anne de Vries", name), encoding="utf-8")
    (directory / "kapot.yaml").write_text("version: 1\naios: [name\n", encoding="utf-8")
    return directory


def overview_lines(
    run: Run, monkeypatch: pytest.MonkeyPatch, group: Path, width: int, lang: str
) -> list[str]:
    monkeypatch.setenv("COLUMNS", str(width))
    result = run("summary", str(group), *TODAY, "--overview-only", "--lang", lang)
    assert result.exit_code == 1, result.stderr  # kapot.yaml does not load
    lines = result.stdout.splitlines()
    end = next(i for i, line in enumerate(lines) if line.startswith(("Gedaan: ", "Done: ")))
    return lines[:end]  # the heading and the rows; the note and first errors follow


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("width", [40, 60, 80, 120])
@pytest.mark.parametrize("names", [VARIED, ORDINARY], ids=["varied", "ordinary"])
def test_no_name_file_name_or_header_is_cut(
    run: Run,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    width: int,
    lang: str,
    names: dict[str, str],
) -> None:
    lines = overview_lines(run, monkeypatch, make_group(tmp_path / "plannen", names), width, lang)
    text = "\n".join(lines)
    assert "…" not in text
    assert all(line == line.rstrip() for line in lines)
    for line in lines[1:]:  # the heading is a sentence
        # wider than asked only for a file name that is wider itself
        assert len(line) <= width or any(len(w) > width - 2 for w in line.split()), line
    tokens = set(re.split(r"\s+", text))
    for file, name in names.items():
        assert file in tokens, (width, file)  # whole, as one word
        for word in name.split():  # each word whole; a name may wrap at its spaces
            assert word in tokens, (width, word)
    for header in HEADERS[lang][2:-1]:  # the figures' headers, or their labels when stacked
        assert header in text, (width, header)


def test_at_60_columns_each_aios_is_stacked(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = overview_lines(run, monkeypatch, make_group(tmp_path / "plannen", VARIED), 60, "nl")
    at = lines.index("Fatima Zahra El Amrani-Benali")
    assert lines[at + 1 : at + 3] == [
        "  aios-00.yaml · 2/5 begin · Dekking 14/14 · Gedaan 1",
        "  Te doen 4 · Achterstallig 0 · Fouten 0",
    ]
    at = lines.index("Jan van der Berg")
    assert lines[at + 1] == "  jan-van-der-berg-neurologie-cohort-2025.yaml · 2/5 begin"
    assert lines[lines.index("laadt niet") + 1] == "  kapot.yaml · Fouten 1"
    assert lines[-1] == ""  # the note that follows is not read as one more name
    english = overview_lines(run, monkeypatch, make_group(tmp_path / "plans", ORDINARY), 60, "en")
    at = english.index("Bram Bakker")
    assert english[at + 1 : at + 3] == [
        "  bram.yaml · 2/5 begin (early) · Coverage 14/14 · Done 1",
        "  Due 4 · Overdue 0 · Errors 0",
    ]


def test_at_80_columns_ordinary_names_are_a_table_that_wraps_at_spaces(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = overview_lines(run, monkeypatch, make_group(tmp_path / "plannen", ORDINARY), 80, "nl")
    assert lines[1].split() == [*HEADERS["nl"][:4], "Te", "doen", *HEADERS["nl"][5:]]
    assert set(lines[2]) == {"─"}
    # names wrap between their words, in their column, never inside a word
    row = next(i for i, line in enumerate(lines) if line.startswith("Cees "))
    assert lines[row].split()[-1] == "cees.yaml"
    assert lines[row + 1].split()[0] == "Claassen" and lines[row + 1].startswith("Claassen")


# -- the order --------------------------------------------------------------------------

BY_ACHTERNAAM = [
    "Fatima Zahra El Amrani-Benali",
    "Jan van der Berg",
    "Piet 't Hart",
    "Émile ter Horst",
    "Maximiliaan Alexander van Oldenbarnevelt-Wittelsbach",
    "Anne de Vries",
    "Ömer Yilmaz",
    "Zoë Zwart",
]


@pytest.mark.parametrize("fmt", ["table", "markdown", "json"])
def test_the_overview_is_in_achternaam_order_in_every_format(
    run: Run, tmp_path: Path, fmt: str
) -> None:
    group = make_group(tmp_path / "plannen", VARIED)
    result = run("summary", str(group), *TODAY, "--overview-only", "-f", fmt)
    assert result.exit_code == 1, result.stderr
    if fmt == "json":
        import json

        shown = [r["name"] for r in json.loads(result.stdout)["overview"]]
        assert shown == [*BY_ACHTERNAAM, None]  # a plan that does not load comes last
        return
    # each name's first word, in the order the rows come
    firsts = [name.split()[0] for name in BY_ACHTERNAAM]
    text = result.stdout
    positions = [text.index(f"\n{'| ' if fmt == 'markdown' else ''}{first} ") for first in firsts]
    assert positions == sorted(positions)


def test_sort_by_year_keeps_achternaam_order_within_a_year(run: Run, tmp_path: Path) -> None:
    import json

    group = make_group(tmp_path / "plannen", VARIED)
    result = run("summary", str(group), *TODAY, "--overview-only", "-f", "json", "--sort", "year")
    assert [r["name"] for r in json.loads(result.stdout)["overview"]] == [*BY_ACHTERNAAM, None]


def test_at_40_columns_the_first_errors_stand_whole_at_the_left(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    group = make_group(tmp_path / "plannen", ORDINARY)
    monkeypatch.setenv("COLUMNS", "40")
    result = run("summary", str(group), *TODAY, "--overview-only")
    lines = result.stdout.splitlines()
    at = lines.index("Eerste fout")
    # one line, wider than the screen, as `check` prints it: editors find the file there
    assert lines[at + 1].startswith(f"{group / 'kapot.yaml'}:3:1: ML001 ")
    assert len(lines[at + 1]) > 40 and lines[at + 2 :] == []
