"""Every bad input of the issue: one clear message with line:column, exit 1 or 2, no traceback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_PLAN, Result

Run = Callable[..., Result]
BASE = EXAMPLE_PLAN.read_text(encoding="utf-8")


def edit(old: str, new: str) -> str:
    assert old in BASE, old
    return BASE.replace(old, new, 1)


def alias_bomb() -> str:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for prev, name in zip("abcde", "bcdef", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    return "\n".join(lines) + "\n"  # 10**6 strings once expanded


# name -> (file content, expected line:col, code, words of the Dutch message)
CASES: dict[str, tuple[str | bytes, str, str, str]] = {
    "malformed YAML": (
        edit("  specialty: Neurologie", "  specialty: Neurologie: hersenen"),
        "8:24",
        "ML001",
        "onverwachte ':' — zet tekst met een dubbele punt tussen aanhalingstekens",
    ),
    "a tab": (
        edit("  specialty: Neurologie", "\tspecialty: Neurologie"),
        "8:1",
        "ML001",
        "tab gevonden; YAML gebruikt spaties voor inspringen",
    ),
    "duplicate key": (
        edit("  specialty: Neurologie", "  specialty: Neurologie\n  name: Anne"),
        "9:3",
        "ML001",
        "sleutel 'name' komt twee keer voor (eerst op regel 7)",
    ),
    "unknown key": (
        edit("  supervisor: dr. J. Jansen", "  suprevisor: dr. J. Jansen"),
        "10:3",
        "ML002",
        "onbekende sleutel 'suprevisor'. Bedoelde je 'supervisor'?",
    ),
    "wrong type": (
        edit("  name: Anne de Vries", "  name: [Anne, de Vries]"),
        "7:9",
        "ML002",
        "'name' moet tekst zijn",
    ),
    "no read as a boolean": (
        edit("  specialty: Neurologie", "  specialty: no"),
        "8:14",
        "ML002",
        "zet de waarde tussen aanhalingstekens",
    ),
    "year: drie": (
        edit("    year: 3\n", "    year: drie\n"),
        "32:11",
        "ML002",
        "'year' moet een geheel getal zijn, niet 'drie'",
    ),
    "impossible date": (
        edit("  start: 2025-09-01", "  start: 2025-02-30"),
        "12:10",
        "ML002",
        "'start': 2025-02-30 bestaat niet als datum",
    ),
    "date in another form": (
        edit("    done_on: 2026-03-12", "    done_on: 12-03-2026"),
        "22:14",
        "ML002",
        "'done_on' moet een datum zijn als JJJJ-MM-DD, niet '12-03-2026'",
    ),
    # loose types (issue 18 item 15): booleans are never numbers, quotes make text, 1.0 is
    # not a year, a number is decimal, blank text is empty
    "version: true": (
        edit("version: 1\n", "version: true\n"),
        "4:10",
        "ML002",
        "'version' moet een van 1 zijn, niet 'true'",
    ),
    "version: 1.0": (
        edit("version: 1\n", "version: 1.0\n"),
        "4:10",
        "ML002",
        "'version' moet een van 1 zijn, niet '1.0'",
    ),
    "years: '5'": (
        edit("  years: 5", "  years: '5'"),
        "13:10",
        "ML002",
        "'years' moet een getal zijn; '5' staat tussen aanhalingstekens en is daardoor tekst",
    ),
    "years: yes": (
        edit("  years: 5", "  years: yes"),
        "13:10",
        "ML002",
        "'years' moet een getal zijn, niet 'true'",
    ),
    "year: 1.0": (
        edit("    year: 3\n", "    year: 3.0\n"),
        "32:11",
        "ML002",
        "'year' moet een geheel getal zijn, niet '3.0'",
    ),
    "year: 0x1": (
        edit("    year: 3\n", "    year: 0x3\n"),
        "32:11",
        "ML002",
        "'year' moet een geheel getal zijn, niet '0x3'",
    ),
    "year: true": (
        edit("    year: 3\n", "    year: true\n"),
        "32:11",
        "ML002",
        "'year' moet een geheel getal zijn, niet 'true'",
    ),
    "name of spaces": (
        edit("  name: Anne de Vries", "  name: '   '"),
        "7:9",
        "ML002",
        "'name' mag niet leeg zijn",
    ),
    "title of a zero-width space": (
        edit("    title: Voorzitten overdracht", '    title: "\\u200b "'),
        "18:12",
        "ML002",
        "'title' mag niet leeg zijn",
    ),
    "negative years": (
        edit("  years: 5", "  years: -5"),
        "13:10",
        "ML002",
        "'years' moet groter zijn dan 0, niet -5",
    ),
    "a list instead of a mapping": (
        "- version: 1\n- aios: Anne\n",
        "1:1",
        "ML002",
        "een plan is een mapping van sleutels",
    ),
    "empty file": ("", "1:1", "ML002", "bestand is leeg"),
    "only comments": ("# nog niets\n", "1:1", "ML002", "bestand is leeg"),
    "non-UTF-8 bytes": (
        BASE.encode("utf-8").replace(b"Anne de Vries", b"Ren\xe9e de Vries"),
        "7:12",
        "ML001",
        "bestand is geen UTF-8-tekst (byte 0xe9); sla het op als UTF-8",
    ),
    "a Python object tag": (
        edit("  name: Anne de Vries", "  name: !!python/object/apply:os.system ['echo hi']"),
        "7:9",
        "ML001",
        "wordt niet ondersteund; gebruik gewone tekst",
    ),
    "an alias bomb": (alias_bomb(), "6:8", "ML001", "mogelijk een 'alias bomb'"),
    "a 6 MB file": (
        BASE + ("# " + "x" * 98 + "\n") * 62_000,
        "1:1",
        "ML001",
        "bestand is groter dan 5 MB",
    ),
    "deeply nested brackets": (
        "a: " + "[" * 100_000 + "\n",
        "1:67",
        "ML001",
        "te diep genest (meer dan 64 niveaus)",
    ),
    "deeply nested mappings": (
        "a: " + "{b: " * 10_000 + "\n",
        "1:256",
        "ML001",
        "te diep genest",
    ),
    "an unclosed bracket": (
        edit("  name: Anne de Vries", "  name: [Anne de Vries"),
        "8:12",  # where libyaml notices: the next line's ':'
        "ML001",
        "haakje '[' of '{' is niet gesloten",
    ),
    "a Windows path in double quotes": (
        edit("    notes: Regionaal", '    notes: "C:\\Users\\anne" Regionaal'),
        "29:17",
        "ML001",
        "ongeldige \\-reeks in tekst tussen dubbele aanhalingstekens",
    ),
}


def one_finding(result: Result) -> str:
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2, result.stdout  # one finding, then the count line
    assert lines[1] == "1 fout, 0 waarschuwingen in 1 bestand."
    return lines[0]


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input_gives_one_clear_message(run: Run, tmp_path: Path, name: str) -> None:
    content, where, code, words = CASES[name]
    plan = tmp_path / "plan.yaml"
    if isinstance(content, bytes):
        plan.write_bytes(content)
    else:
        plan.write_text(content, encoding="utf-8")
    result = run("check", str(plan), "--today", "2026-11-22")
    assert result.exit_code == 1
    line = one_finding(result)
    assert line.startswith(f"{plan}:{where}"), line
    assert f" {code} " in line
    assert words in line
    assert result.stderr == ""


def test_missing_file(run: Run, tmp_path: Path) -> None:
    result = run("check", str(tmp_path / "plan.yaml"))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == f"fout: {tmp_path / 'plan.yaml'}: bestand niet gevonden"
    assert result.stdout == ""


def test_directory(run: Run, tmp_path: Path) -> None:
    result = run("check", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == f"fout: {tmp_path}: is een map, geen bestand"


@pytest.mark.parametrize(
    ("name", "english"),
    [
        ("unknown key", "unknown key 'suprevisor'. Did you mean 'supervisor'?"),
        ("a tab", "tab found; YAML indents with spaces"),
        ("impossible date", "'start': 2025-02-30 is not a date that exists"),
        ("a list instead of a mapping", "a plan is a mapping of keys"),
        ("non-UTF-8 bytes", "not UTF-8 text"),
    ],
)
def test_english(run: Run, tmp_path: Path, name: str, english: str) -> None:
    content = CASES[name][0]
    plan = tmp_path / "plan.yaml"
    if isinstance(content, bytes):
        plan.write_bytes(content)
    else:
        plan.write_text(content, encoding="utf-8")
    result = run("check", str(plan), "--lang", "en", "--today", "2026-11-22")
    assert result.exit_code == 1
    assert english in result.stdout.splitlines()[0]
    assert result.stdout.splitlines()[1] == "1 error, 0 warnings in 1 file."


def test_english_missing_file(run: Run, tmp_path: Path) -> None:
    result = run("check", str(tmp_path / "x.yaml"), "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {tmp_path / 'x.yaml'}: file not found")


def test_unicode_line_separators_do_not_shift_lines(run: Run, tmp_path: Path) -> None:
    # libyaml breaks lines at U+2028/U+0085 too; editors do not, so neither do we
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        edit("  name: Anne de Vries", "  name: 'Anne\u2028de Vries'\n  nam: x"), encoding="utf-8"
    )
    line = one_finding(run("check", str(plan), "--today", "2026-11-22"))
    assert line.startswith(f"{plan}:8:3: ML002 onbekende sleutel 'nam'. Bedoelde je 'name'?")


def test_an_error_at_the_end_of_a_file_without_final_newline(run: Run, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(BASE + "0", encoding="utf-8")  # libyaml reports the line after it
    line = one_finding(run("check", str(plan), "--today", "2026-11-22"))
    last = BASE.count("\n") + 1
    assert line.startswith(f"{plan}:{last}:2: ML001 ':' verwacht na een sleutel"), line


# a standard tag with a value that does not fit it (issue 18 item 11), per command and in a
# group: a finding at the node, never an internal error
BAD_TAGS = [
    "!!bool abc",
    '!!bool ""',
    "!!int abc",
    '!!int ""',
    "!!float _",
    "!!null abc",
    "!!timestamp abc",
    "!!binary '%%%'",
]


@pytest.mark.parametrize("value", BAD_TAGS)
def test_a_bad_tagged_value_is_a_finding_for_every_reader(
    run: Run, tmp_path: Path, value: str
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(edit("  years: 5", f"  years: {value}"), encoding="utf-8")
    line = one_finding(run("check", str(plan), "--today", "2026-11-22"))
    assert line.startswith(f"{plan}:13:10: ML001 "), line
    assert value.split()[0] in line
    for command in ("plan", "summary"):
        result = run(command, str(plan), "--today", "2026-11-22")
        assert result.exit_code == 1, result
        assert f"{plan}:13:10: ML001" in result.stdout + result.stderr
        assert "interne fout" not in result.stdout + result.stderr
    add = run("add", str(plan), "--topic", "innovatie", "--title", "X", "--year", "1")
    assert add.exit_code == 1, add
    assert "interne fout" not in add.stderr


@pytest.mark.parametrize("value", BAD_TAGS)
def test_a_bad_tagged_value_is_one_row_of_a_group(run: Run, tmp_path: Path, value: str) -> None:
    (tmp_path / "anne.yaml").write_text(BASE, encoding="utf-8")
    (tmp_path / "bram.yaml").write_text(edit("  years: 5", f"  years: {value}"), encoding="utf-8")
    result = run("summary", str(tmp_path), "--today", "2026-11-22")
    assert result.exit_code == 1, result
    assert "interne fout" not in result.stdout + result.stderr
    assert "Anne de Vries — voortgangsgesprek 2026-11-22" in result.stdout
    assert f"{tmp_path / 'bram.yaml'}:13:10: ML001" in result.stdout


def test_blank_text_from_the_command_line_is_empty(run: Run, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(BASE, encoding="utf-8")
    before = plan.read_bytes()
    done = run("done", str(plan), "3", "--evidence", "\u200b ", "--today", "2026-11-22")
    assert (done.exit_code, done.stderr) == (2, "fout: --evidence mag niet leeg zijn\n")
    assert plan.read_bytes() == before
    new = tmp_path / "nieuw.yaml"
    init = run("init", "--no-input", "--name", "\u200b", str(new), "--today", "2026-11-22")
    assert init.exit_code == 2 and "--no-input heeft de naam van de aios nodig" in init.stderr
    assert not new.exists()
    init = run(
        "init", "--no-input", "--name", "Zoë", "--specialty", "\u200b", str(new),
        "--today", "2026-11-22",
    )  # fmt: skip
    assert init.exit_code == 0, init
    assert "specialty" not in new.read_text(encoding="utf-8")
    assert run("check", str(new), "--today", "2026-11-22").exit_code == 0


@pytest.mark.parametrize("option", ["--name", "--specialty", "--institution", "--supervisor"])
def test_init_text_that_is_not_utf8_is_a_usage_error(run: Run, tmp_path: Path, option: str) -> None:
    # the shell hands $'\xff' to Python as the lone surrogate '\udcff'
    args = {"--name": "Anne", option: "Anne \udcff"}
    given = [part for item in args.items() for part in item]
    result = run("init", "--no-input", *given, str(tmp_path / "p.yaml"), "--today", "2026-11-22")
    assert (result.exit_code, result.stderr) == (
        2,
        f"fout: {option} bevat tekens die geen UTF-8-tekst zijn\n",
    )
    assert not (tmp_path / "p.yaml").exists()


def test_undecodable_argument_bytes_through_the_real_entry_point(tmp_path: Path) -> None:
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "mlplan", "init", "--no-input", "--name", b"\xff", "p.yaml"],
        cwd=tmp_path, capture_output=True, check=False, timeout=60,
        env={"PATH": "", "LC_ALL": "C.UTF-8", "NO_COLOR": "1"},
    )  # fmt: skip
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr == b"fout: --name bevat tekens die geen UTF-8-tekst zijn\n"
    assert not (tmp_path / "p.yaml").exists()


# dates past 9999-12-31, the calendar's last day (issue 18 item 10): a finding at the start
# or a usage error, never an internal error, and a group goes on
TOO_LATE = edit("  start: 2025-09-01", "  start: 9995-01-02")  # 5 years: ends in 10000


@pytest.mark.parametrize("start", ["9995-01-02", "9999-12-31"])
def test_a_training_that_ends_after_the_calendar_is_one_finding(
    run: Run, tmp_path: Path, start: str
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(edit("  start: 2025-09-01", f"  start: {start}"), encoding="utf-8")
    line = one_finding(run("check", str(plan), "--today", "2026-11-22"))
    assert line == (
        f"{plan}:12:10: ML002 'start': een opleiding van 5 jaar vanaf {start} eindigt na "
        "9999-12-31, de laatste datum die mlplan kent; klopt de startdatum?"
    )
    for args in (["plan"], ["plan", "-f", "json"], ["summary"], ["summary", "-f", "json"]):
        result = run(*args, str(plan), "--today", "2026-11-22")
        assert result.exit_code == 1, result
        assert "interne fout" not in result.stdout + result.stderr
        if "json" not in args:
            assert f"{plan}:12:10: ML002" in result.stdout + result.stderr
    add = run("add", str(plan), "--topic", "innovatie", "--title", "X", "--year", "1")
    assert add.exit_code in (0, 1) and "interne fout" not in add.stderr, add


def test_a_training_that_ends_after_the_calendar_is_one_row_of_a_group(
    run: Run, tmp_path: Path
) -> None:
    (tmp_path / "anne.yaml").write_text(BASE, encoding="utf-8")
    (tmp_path / "bram.yaml").write_text(TOO_LATE, encoding="utf-8")
    result = run("summary", str(tmp_path), "--today", "2026-11-22")
    assert result.exit_code == 1, result
    assert "Anne de Vries — voortgangsgesprek 2026-11-22" in result.stdout
    assert f"{tmp_path / 'bram.yaml'}:12:10: ML002 'start'" in result.stdout


def test_a_training_that_ends_on_the_last_day_works_to_its_end(run: Run, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    text = edit("  start: 2025-09-01", "  start: 9995-01-01")  # ends on 9999-12-31
    # a meeting within a year of the end: the next one would be due after 9999-12-31
    plan.write_text(text + "  - date: 9999-06-30\n    kind: voortgang\n", encoding="utf-8")
    for today in ("9995-06-01", "9999-06-30"):
        for args in (["check"], ["plan"], ["summary"], ["summary", "-f", "json"]):
            result = run(*args, str(plan), "--today", today)
            assert result.exit_code == 1, result  # the done_on dates lie before the start
            assert "interne fout" not in result.stdout + result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["--today", "9999-12-31"],
        ["--today", "9999-07-01"],
        ["--months", "120", "--today", "9999-06-01"],
    ],
)
def test_a_summary_window_past_the_calendar_is_a_usage_error(
    run: Run, tmp_path: Path, args: list[str]
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(BASE, encoding="utf-8")
    for paths in ([str(plan)], [str(tmp_path)]):
        result = run("summary", *paths, *args)
        assert result.exit_code == 2, result
        assert result.stderr.startswith(f"fout: --today {args[-1]}: de komende "), result.stderr
        assert "lopen voorbij 9999-12-31" in result.stderr
        assert result.stdout == ""
    assert run("summary", str(plan), "--today", "9999-06-30").exit_code == 0
    assert run("check", str(plan), "--today", "9999-12-31").exit_code == 0
    assert run("plan", str(plan), "--today", "9999-12-31").exit_code == 0


@pytest.mark.parametrize(
    "args",
    [
        ["--start", "9999-12-31"],
        ["--start", "9995-01-02"],
        ["--today", "9999-12-31"],  # the start defaults to --today
        ["--start", "9999-06-01", "--years", "1"],
    ],
)
def test_init_refuses_a_training_past_the_calendar(
    run: Run, tmp_path: Path, args: list[str]
) -> None:
    new = tmp_path / "plan.yaml"
    result = run("init", "--no-input", "--name", "Zoë", str(new), *args)
    assert result.exit_code == 2, result
    assert "eindigt na 9999-12-31, de laatste datum die mlplan kent" in result.stderr
    assert "kies een eerdere --start" in result.stderr
    assert not new.exists()


def test_init_may_plan_up_to_the_last_day(run: Run, tmp_path: Path) -> None:
    new = tmp_path / "plan.yaml"
    result = run("init", "--no-input", "--name", "Zoë", str(new), "--start", "9995-01-01")
    assert result.exit_code == 0, result
    assert run("check", str(new), "--today", "9995-01-01").exit_code == 0
