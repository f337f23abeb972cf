"""Spreadsheets (.xlsx) of the plan's activities and of a group's overview, read back with
openpyxl: header row, frozen header, filter, real date and number cells, text never a
formula; through ``plan`` and ``summary`` end to end."""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from plan_helpers import imported_modules

from tests.conftest import EXAMPLE_PLAN, Result

Run = Callable[..., Result]
TODAY = ("--today", "2026-11-22")
EXAMPLE = EXAMPLE_PLAN.read_text(encoding="utf-8")


def sheet(path: Path) -> Any:
    book = openpyxl.load_workbook(path)
    assert len(book.worksheets) == 1
    return book.active


def rows(ws: Any) -> list[tuple[Any, ...]]:
    return list(ws.iter_rows(values_only=True))


def midnight(text: str) -> dt.datetime:
    """How openpyxl reads a date cell back: a datetime at midnight."""
    return dt.datetime.fromisoformat(text)


@pytest.mark.parametrize("how", [["-f", "xlsx", "-o"], ["-o"], ["--format", "XLSX", "--output"]])
def test_plan_as_a_spreadsheet(run: Run, example_plan: Path, how: list[str]) -> None:
    target = example_plan.with_name("plan.xlsx")
    r = run("plan", str(example_plan), *how, str(target), *TODAY)
    assert r.exit_code == 0, r.stderr
    assert r.stdout == ""
    assert f"{target} geschreven (xlsx)" in r.stderr
    ws = sheet(target)
    assert ws.title == "Activiteiten"
    table = rows(ws)
    assert table[0] == (
        "Nr", "Jaar", "Jaar begint", "Jaar eindigt", "Fase", "Competentie", "Onderwerp",
        "Onderwerp-id", "Activiteit", "Leerdoel", "Status", "Afgerond op", "Bewijs",
    )  # fmt: skip
    assert len(table) == 1 + 16  # the example plan's 16 activities, in plan order
    assert [row[0] for row in table[1:]] == list(range(1, 17))
    # activity 1 as the example plan has it; year 1 of a training from 2025-09-01
    assert table[1] == (
        1, 1, midnight("2025-09-01"), midnight("2026-08-31"), "begin", 1, "Overlegmomenten",
        "overlegmomenten", "Voorzitten overdracht", "structureert en bewaakt voortgang",
        "afgerond", midnight("2026-03-12"), "KPB voorzitten overdracht",
    )  # fmt: skip
    # activity 2: in progress, no completion: empty cells, not empty text
    assert table[2][10:] == ("bezig", None, None)
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:M17"
    assert all(cell.font.bold for cell in ws[1])
    for cell in (ws["C2"], ws["D2"], ws["L2"]):
        assert cell.is_date and cell.number_format == "yyyy-mm-dd"
    assert ws["A2"].data_type == "n" and ws["B2"].data_type == "n"
    widths = {letter: d.width for letter, d in ws.column_dimensions.items()}
    assert set(widths) == set("ABCDEFGHIJKLM")
    assert all(8 <= w <= 62 for w in widths.values()), widths
    assert widths["A"] < widths["I"]  # the number narrower than the activity
    assert openpyxl.load_workbook(target).properties.title == (
        "Plan medisch leiderschap: Anne de Vries"
    )


def test_the_year_dates_follow_the_part_time_calendar(run: Run, tmp_path: Path) -> None:
    """80 % from 2025-01-01 for 3 years: year 2 from 2026-04-03, year 3 from 2027-07-03,
    the last day 2028-09-30 (worked out in tests/test_part_time.py)."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "version: 1\naios:\n  name: Test Aios\ntraining:\n  start: 2025-01-01\n  years: 3\n"
        "  part_time:\n    - from: 2025-01-01\n      percent: 80\nactivities:\n"
        "  - {topic: overlegmomenten, title: Voorzitten MDO, year: 2}\n"
        "  - {topic: organisatie, title: Organiseren onderwijs, year: 3}\n",
        encoding="utf-8",
    )
    target = tmp_path / "plan.xlsx"
    r = run("plan", str(plan), "-o", str(target), "--today", "2025-06-01")
    assert r.exit_code == 1  # topics without an activity: shown and written all the same
    table = rows(sheet(target))
    assert table[1][2:4] == (midnight("2026-04-03"), midnight("2027-07-02"))
    assert table[2][2:4] == (midnight("2027-07-03"), midnight("2028-09-30"))


def test_text_is_never_a_formula_and_controls_are_escaped(run: Run, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    text = EXAMPLE.replace(
        "    title: Voorzitten overdracht\n", '    title: \'=HYPERLINK("http://x","klik")\'\n'
    ).replace(
        "    goal: structureert en bewaakt voortgang\n",
        '    goal: "regel 1\\nregel 2 \\a bel"\n',
    )
    plan.write_text(text, encoding="utf-8")
    target = tmp_path / "plan.xlsx"
    assert run("plan", str(plan), "-o", str(target), *TODAY).exit_code == 0
    ws = sheet(target)
    assert ws["I2"].value == '=HYPERLINK("http://x","klik")' and ws["I2"].data_type == "s"
    assert ws["J2"].value == "regel 1\nregel 2 \\x07 bel"  # a line break stays one
    assert ws["J2"].alignment.wrap_text


def test_a_spreadsheet_is_never_written_to_the_screen(run: Run, example_plan: Path) -> None:
    r = run("plan", str(example_plan), "-f", "xlsx", *TODAY)
    assert r.exit_code == 2
    assert r.stdout == ""
    assert (
        "xlsx is een bestand en geen tekst voor het scherm; geef een uitvoerbestand met "
        "--output, bijvoorbeeld --output plan.xlsx"
    ) in r.stderr
    r = run("summary", str(example_plan.parent), "-f", "xlsx", *TODAY)
    assert r.exit_code == 2 and "bijvoorbeeld --output groep.xlsx" in r.stderr


def test_replacing_a_spreadsheet_and_refusing_the_plan(run: Run, example_plan: Path) -> None:
    target = example_plan.with_name("plan.xlsx")
    target.write_bytes(b"an older export")
    assert run("plan", str(example_plan), "-o", str(target), *TODAY).exit_code == 0
    assert target.read_bytes().startswith(b"PK")  # a zip: the spreadsheet replaced it
    before = example_plan.read_bytes()
    r = run("plan", str(example_plan), "-f", "xlsx", "-o", str(example_plan), *TODAY)
    assert r.exit_code == 2
    assert "is een invoerbestand (het plan)" in r.stderr
    assert example_plan.read_bytes() == before
    notes = example_plan.with_name("notities.docx")
    notes.write_bytes(b"not ours")
    r = run("plan", str(example_plan), "-f", "xlsx", "-o", str(notes), *TODAY)
    assert r.exit_code == 2 and notes.read_bytes() == b"not ours"


def test_without_openpyxl_the_message_names_the_install_command(
    run: Run, example_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import raises ImportError
    target = example_plan.with_name("plan.xlsx")
    for args in (
        ["plan", str(example_plan), "-o", str(target)],
        ["summary", str(example_plan.parent), "-o", str(target)],
    ):
        r = run(*args, *TODAY)
        assert r.exit_code == 2
        assert "'openpyxl'" in r.stderr and 'pip install "mlplan[documents]"' in r.stderr
        assert "Traceback" not in r.stderr
        assert not target.exists()


def _group(tmp_path: Path) -> Path:
    group = tmp_path / "groep"
    group.mkdir()
    (group / "anne.yaml").write_text(EXAMPLE, encoding="utf-8")
    (group / "bram.yaml").write_text(
        EXAMPLE.replace("Anne de Vries", "Bram Bakker").replace(
            "  years: 5\n", "  years: 5\n  part_time:\n    - from: 2026-09-01\n      percent: 80\n"
        ),
        encoding="utf-8",
    )
    (group / "kapot.yaml").write_text("version: 1\naios: [\n", encoding="utf-8")
    return group


def test_group_overview_as_a_spreadsheet(run: Run, tmp_path: Path) -> None:
    group = _group(tmp_path)
    target = tmp_path / "groep.xlsx"
    r = run("summary", str(group), "-o", str(target), *TODAY)
    assert r.exit_code == 1  # one plan does not load
    assert r.stdout == ""
    assert f"{target} geschreven (xlsx)" in r.stderr
    ws = sheet(target)
    assert ws.title == "Groep"
    table = rows(ws)
    assert table[0] == (
        "Aios", "Jaar", "Opleidingsjaar", "Jaren", "Fase", "Onderwerpen gedekt", "Onderwerpen",
        "Gedaan", "Te doen", "Achterstallig", "Fouten", "Waarschuwingen", "Start opleiding",
        "Einde opleiding", "Bestand", "Eerste fout",
    )  # fmt: skip
    # by achternaam (Bakker, de Vries), the broken plan last
    assert [row[0] for row in table[1:]] == ["Bram Bakker", "Anne de Vries", "laadt niet"]
    anne = table[2]
    # 2026-11-22 is in year 2 (2026-09-01 .. 2027-08-31) of 5, begin; 14 of 14 topics
    assert anne[2:7] == (2, 5, "begin", 14, 14)
    assert anne[12:15] == (midnight("2025-09-01"), midnight("2030-08-31"), str(group / "anne.yaml"))
    assert all(isinstance(v, int) for v in anne[7:12])
    # 80 % from 2026-09-01: the four full-time years after the first (1461 days, one leap
    # day) take 1461 / 0.8 = 1826.25, so 1827 days: 2026-09-01 + 1826 = 2031-09-01, the last
    assert table[1][13] == midnight("2031-09-01")
    broken = table[3]
    assert broken[1:10] == (None,) * 9
    assert broken[10] == 1 and broken[14] == str(group / "kapot.yaml")
    assert broken[15].startswith("3:1 ML001 ")  # the bracket still open where the file ends
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:P4"
    assert ws["M2"].is_date and ws["M2"].number_format == "yyyy-mm-dd"


def test_group_spreadsheet_follows_sort_and_a_single_plan_is_one_row(
    run: Run, tmp_path: Path
) -> None:
    group = _group(tmp_path)
    (group / "kapot.yaml").unlink()
    target = tmp_path / "groep.xlsx"
    r = run("summary", str(group), "-f", "xlsx", "-o", str(target), "--sort", "name", *TODAY)
    assert r.exit_code == 0, r.stderr
    assert [row[0] for row in rows(sheet(target))[1:]] == ["Bram Bakker", "Anne de Vries"]
    one = tmp_path / "anne.xlsx"
    r = run("summary", str(group / "anne.yaml"), "-o", str(one), *TODAY)
    assert r.exit_code == 0, r.stderr
    assert [row[0] for row in rows(sheet(one))] == ["Aios", "Anne de Vries"]


@pytest.mark.parametrize("fmt", ["markdown", "json", "table"])
def test_summary_output_in_a_text_format_is_that_text_not_a_spreadsheet(
    run: Run, example_plan: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # --output wrote only xlsx once; now any format, as stdout would get it (a table in a
    # file is 80 columns wide, as stdout's at COLUMNS=80)
    target = example_plan.with_name("gesprek.txt")
    r = run("summary", str(example_plan), "-f", fmt, "-o", str(target), *TODAY)
    assert r.exit_code == 0, r.stderr
    assert not target.read_bytes().startswith(b"PK")  # no zip: not a spreadsheet
    monkeypatch.setenv("COLUMNS", "80")
    stdout = run("summary", str(example_plan), "-f", fmt, *TODAY).stdout
    assert target.read_text(encoding="utf-8") == stdout


def test_english_headers(run: Run, example_plan: Path) -> None:
    target = example_plan.with_name("plan.xlsx")
    assert run("--lang", "en", "plan", str(example_plan), "-o", str(target), *TODAY).exit_code == 0
    ws = sheet(target)
    assert ws.title == "Activities"
    assert rows(ws)[0][:5] == ("No.", "Year", "Year starts", "Year ends", "Phase")


@pytest.mark.parametrize(
    "args",
    [["check", "plan.yaml"], ["--help"], ["plan", "--help"], ["summary", "--help"],
     ["plan", "plan.yaml"]],
    ids=" ".join,
)  # fmt: skip
def test_check_help_and_text_formats_never_import_openpyxl(tmp_path: Path, args: list[str]) -> None:
    shutil.copy(EXAMPLE_PLAN, tmp_path / "plan.yaml")
    today = ["--today", "2026-11-22"] if "--help" not in args else []
    imported = imported_modules([*args, *today], tmp_path)
    assert not [m for m in imported if m.split(".")[0] == "openpyxl"]
    assert "mlplan.render.xlsx" not in imported
