"""``mlplan summary`` end to end: one page, a group directory, formats, exit codes.

The golden Markdown page (tests/golden/summary-example.md) was read line by line against
the example plan. Regenerate it after a deliberate change with
``MLPLAN_UPDATE_GOLDEN=1 python -m pytest tests/test_summary_cmd.py`` and read the diff.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests import test_summary as summary_tests

EXAMPLE_PLAN = Path(__file__).resolve().parents[1] / "data" / "example-plan.yaml"
GOLDEN = Path(__file__).parent / "golden" / "summary-example.md"
TODAY = ("--today", "2026-11-22")

Run = Callable[..., Any]  # the ``run`` fixture: returns Result(exit_code, stdout, stderr)

EMPTY_PLAN = """\
version: 1
aios:
  name: Cees Claassen
training:
  start: 2026-03-01
  years: 4.5
"""


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory holding the example plan as plan.yaml (the default PATH)."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(EXAMPLE_PLAN, tmp_path / "plan.yaml")
    return tmp_path


@pytest.fixture
def group(here: Path) -> Path:
    """plans/: the example, a finished plan, an empty plan, a broken one, a dangling
    link, a text file and a subdirectory with one more plan."""
    plans = here / "plans"
    (plans / "sub").mkdir(parents=True)
    example = EXAMPLE_PLAN.read_text(encoding="utf-8")
    (plans / "anne.yaml").write_text(example, encoding="utf-8")
    finished = example.replace("Anne de Vries", "Bram Bakker").replace("2025-09-01", "2019-09-01")
    (plans / "bram.yml").write_text(finished, encoding="utf-8")
    (plans / "cees.yaml").write_text(EMPTY_PLAN, encoding="utf-8")
    (plans / "kapot.yaml").write_text("version: 1\naios: [name\n", encoding="utf-8")
    (plans / "notities.txt").write_text("geen plan", encoding="utf-8")
    (plans / "sub" / "dirk.yaml").write_text(
        example.replace("Anne de Vries", "Dirk Dekker"), encoding="utf-8"
    )
    return plans


def overview(result: Any) -> list[dict[str, Any]]:
    return json.loads(result.stdout)["overview"]


# -- one plan --------------------------------------------------------------------------------


def test_markdown_page_matches_golden(run: Run, here: Path) -> None:
    result = run("summary", *TODAY, "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    if os.environ.get("MLPLAN_UPDATE_GOLDEN"):
        GOLDEN.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == GOLDEN.read_text(encoding="utf-8")


def test_markdown_is_valid_and_escapes_user_text(run: Run, here: Path) -> None:
    from markdown_it import MarkdownIt

    plan = here / "plan.yaml"
    text = plan.read_text(encoding="utf-8").replace(
        "Symposium organiseren in jaar 2", "Symposium | *organiseren* <b>jaar 2</b>"
    )
    plan.write_text(text, encoding="utf-8")
    result = run("summary", "plan.yaml", *TODAY, "--format", "markdown")
    assert "Symposium \\| \\*organiseren\\* &lt;b\\>jaar 2&lt;/b\\>" in result.stdout
    html = MarkdownIt("commonmark").enable("table").render(result.stdout)
    assert html.count("<table>") == 4  # coverage, done since, due, agreements
    assert "<b>" not in html and "<em>" not in html


def test_table_page_has_every_section_on_one_screen(run: Run, here: Path) -> None:
    result = run("summary", *TODAY)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    for heading in (
        "Anne de Vries — voortgangsgesprek 2026-11-22",
        "Stand van zaken",
        "Controle (mlplan check)",
        "Dekking van de onderwerpen",
        "Gedaan sinds het laatste gesprek (2026-07-01)",
        "Aan de beurt in de komende 6 maanden (tot 2027-05-22)",
        "Achterstallig",
        "Verbeterpunten (TOP 3)",
        "Afspraken van het laatste gesprek (2026-07-01, voortgangsgesprek)",
        "Gespreksonderwerpen",
    ):
        assert heading in out
    assert "jaar 2 van 5, begin (2026-09-01 t/m 2027-08-31)" in out
    assert "14/14 onderwerpen gedekt, waarvan 5 afgerond." in out
    assert "nee, nog gepland" in out
    assert "\x1b[" not in out  # NO_COLOR: plain text
    assert len(out.splitlines()) <= 60  # one screen at COLUMNS=100


def test_json_has_every_section(run: Run, here: Path) -> None:
    result = run("summary", *TODAY, "--format", "json", "--since", "2026-01-01", "--months", "3")
    assert result.exit_code == 0, result.stderr
    page = json.loads(result.stdout)
    assert set(page) == {
        "format",
        "format_version",
        "path",
        "today",
        "aios",
        "training",
        "position",
        "check",
        "coverage",
        "done_since",
        "due",
        "overdue",
        "improvement_points",
        "last_meeting",
        "overdue_agreements",
        "meetings",
        "talking_points",
    }
    assert page["aios"]["supervisor"] == "dr. J. Jansen"
    assert (page["format"], page["format_version"]) == ("mlplan-summary", 2)
    assert page["training"] == {
        "start": "2025-09-01",
        "end": "2030-08-31",
        "years": 5,
        "year_count": 5,
    }
    assert page["position"] == {
        "state": "in_training",
        "year": 2,
        "phase": "begin",
        "year_start": "2026-09-01",
        "year_end": "2027-08-31",
        "text": "jaar 2 van 5, begin",
    }
    assert page["check"] == {"errors": 0, "warnings": 0, "diagnostics": [], "more": 0}
    assert page["coverage"]["text"] == "14/14"
    assert page["coverage"]["competencies"][1]["title"].startswith("Beheert de middelen")
    assert page["done_since"]["since"] == "2026-01-01"
    assert page["done_since"]["source"] == "option"
    assert [i["done_on"] for i in page["done_since"]["items"]] == [
        "2026-02-15",
        "2026-03-12",
        "2026-05-20",
        "2026-06-30",
        "2026-10-09",
    ]
    assert page["done_since"]["items"][0]["evidence"] == "KPB polikliniek"
    # the DOO course of year 2 was done on 2026-10-09: listed as done, no longer due
    assert page["done_since"]["items"][4] == {
        "kind": "course",
        "number": 2,  # the plan's second course, as `mlplan plan` numbers it
        "title": "DOO leiderschap",
        "topic": None,
        "topic_title": None,
        "competency": None,
        "course": "doo-leiderschap",
        "year": 2,
        "status": "done",
        "done_on": "2026-10-09",
        "evidence": "Certificaat DOO leiderschap",
    }
    assert page["due"]["until"] == "2027-02-22" and len(page["due"]["items"]) == 4
    assert [i["kind"] for i in page["due"]["items"]] == ["activity"] * 4
    assert page["overdue"] == []
    assert len(page["improvement_points"]) == 3
    agreements = page["last_meeting"]["agreements"]
    assert [a["moved"] for a in agreements] == [True, True, False]
    # the example's agreements are text: no follow-up, open, never overdue
    assert {k: agreements[0][k] for k in ("number", "owner", "due", "outcome", "overdue")} == {
        "number": 1,
        "owner": None,
        "due": None,
        "outcome": None,
        "overdue": False,
    }
    assert page["overdue_agreements"] == []
    assert page["meetings"] == {  # a year after the last meeting, the default interval
        "interval_months": 12,
        "last": "2026-07-01",
        "next": "2027-07-01",
        "next_planned": False,
        "due": "2027-07-01",
        "late": False,
    }
    assert agreements[0]["items"][0]["state"] == "in_progress"
    assert agreements[1]["items"][0]["state"] == "done_since"
    assert page["talking_points"][0]["code"] == "agreement_stalled"
    assert page["talking_points"][0]["message"].startswith(
        "Afspraak ‘Verslag en presentatie incidenten/complicaties voor het einde van het jaar’"
    )


def test_english(run: Run, here: Path) -> None:
    result = run("summary", *TODAY, "--lang", "en")
    assert result.exit_code == 0, result.stderr
    assert "Anne de Vries — progress meeting 2026-11-22" in result.stdout
    assert "year 2 of 5, begin (early) (2026-09-01 to 2027-08-31)" in result.stdout
    assert "Talking points" in result.stdout and "no, still planned" in result.stdout
    md = run("summary", *TODAY, "--lang", "en", "--format", "markdown").stdout
    assert "## Done since the last meeting (2026-07-01)" in md
    assert "Voortgangsgesprek" not in md


def test_a_plan_that_does_not_load_is_a_page_with_its_errors(run: Run, here: Path) -> None:
    (here / "plan.yaml").write_text("version: 1\naios:\n  nam: x\n", encoding="utf-8")
    result = run("summary", *TODAY, "--format", "markdown")
    assert result.exit_code == 1
    assert result.stdout.startswith("# plan.yaml — voortgangsgesprek 2026-11-22")
    assert "`plan.yaml:3:3` ML002 onbekende sleutel 'nam'" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("missing.yaml",), "missing.yaml: bestand of map niet gevonden"),
        (("--today", "2026-13-01"), "--today: '2026-13-01' is geen datum"),
        (("--since", "gisteren"), "--since: 'gisteren' is geen datum"),
        (("--since", "2027-01-01", *TODAY), "--since (2027-01-01) ligt na vandaag (2026-11-22)"),
        (("--months", "0"), "--months moet tussen 1 en 120 liggen, niet 0"),
        (("--sort", "age", "plans"), "--sort: 'age' kan niet; kies uit name, year"),
    ],
)
def test_usage_errors_exit_2(run: Run, here: Path, args: tuple[str, ...], message: str) -> None:
    result = run("summary", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == "" and "Traceback" not in result.stderr


def test_unreadable_single_plan_exits_2(run: Run, here: Path) -> None:
    (here / "plan.yaml").unlink()
    (here / "plan.yaml").symlink_to(here / "nowhere.yaml")
    result = run("summary", *TODAY)
    assert result.exit_code == 2
    assert "bestand niet gevonden" in result.stderr


# -- a group ---------------------------------------------------------------------------------


def test_group_overview_table(run: Run, group: Path) -> None:
    (group / "weg.yaml").symlink_to(group / "nowhere.yaml")  # a dangling link: a row
    result = run("summary", "plans", *TODAY, "--overview-only")
    assert result.exit_code == 1  # kapot.yaml and weg.yaml do not load
    lines = result.stdout.splitlines()
    assert lines[0] == "Overzicht: 5 plannen op 2026-11-22"
    rows = [line.split() for line in lines[3:8]]
    # by achternaam: Bakker, Claassen, (de) Vries
    # Bram: the example moved to 2019; DOO still done after his last meeting, the rest overdue
    assert rows[0] == ["Bram", "Bakker", "voorbij", "14/14", "1", "0", "12", "0", "bram.yml"]
    # the empty plan: 14 topics without an activity (ML100) and 2 missing courses (ML101)
    assert rows[1] == ["Cees", "Claassen", "1/5", "begin", "0/14", "0", "0", "0", "16", "cees.yaml"]
    assert rows[2] == [
        "Anne",
        "de",
        "Vries",
        "2/5",
        "begin",
        "14/14",
        "1",
        "4",
        "0",
        "0",
        "anne.yaml",
    ]
    assert rows[3] == ["laadt", "niet", "1", "kapot.yaml"]
    assert rows[4] == ["laadt", "niet", "1", "weg.yaml"]
    assert "plans/kapot.yaml:3:1: ML001" in result.stdout
    assert "plans/weg.yaml:1:1: ML001 plans/weg.yaml: bestand niet gevonden" in result.stdout
    assert "Stand van zaken" not in result.stdout  # --overview-only
    assert "dirk" not in result.stdout and "notities" not in result.stdout


def test_the_overview_counts_one_plan_and_more_plans(run: Run, here: Path) -> None:
    one, two = here / "one", here / "two"
    one.mkdir()
    two.mkdir()
    shutil.copy(EXAMPLE_PLAN, one / "anne.yaml")
    shutil.copy(EXAMPLE_PLAN, two / "anne.yaml")
    shutil.copy(EXAMPLE_PLAN, two / "bram.yaml")
    first = run("summary", "one", *TODAY, "--overview-only").stdout.splitlines()[0]
    assert first == "Overzicht: 1 plan op 2026-11-22"
    first = run("summary", "two", *TODAY, "--overview-only").stdout.splitlines()[0]
    assert first == "Overzicht: 2 plannen op 2026-11-22"
    english = run(
        "summary", "one", *TODAY, "--overview-only", "--format", "markdown", "--lang", "en"
    )
    assert english.stdout.startswith("# Overview: 1 plan on 2026-11-22\n")


@pytest.mark.parametrize(
    ("topics", "nl", "en"),
    [
        (
            ["innovatie"],
            "1 onderwerp zonder activiteit: Innovatie en creativiteit.",
            "1 topic without an activity: Innovatie en creativiteit.",
        ),
        (
            ["innovatie", "financien"],
            "2 onderwerpen zonder activiteit: Innovatie en creativiteit, Financiën.",
            "2 topics without an activity: Innovatie en creativiteit, Financiën.",
        ),
    ],
)
def test_talking_point_counts_the_topics_without_an_activity(
    run: Run, here: Path, topics: list[str], nl: str, en: str
) -> None:
    text = EXAMPLE_PLAN.read_text(encoding="utf-8")
    for topic in topics:  # its only activity moves to another topic
        text = text.replace(f"topic: {topic}\n", "topic: organisatie\n")
    (here / "plan.yaml").write_text(text, encoding="utf-8")
    assert f"  • {nl}" in run("summary", *TODAY).stdout.splitlines()
    assert f"  • {en}" in run("summary", *TODAY, "--lang", "en").stdout.splitlines()
    data = json.loads(run("summary", *TODAY, "--format", "json").stdout)
    point = next(p for p in data["talking_points"] if p["code"] == "missing_topics")
    assert point["message"] == nl
    assert point["params"]["count"] == len(topics)  # a number for JSON readers, not text


def test_the_overview_note_wraps_at_the_terminal_width(run: Run, group: Path) -> None:
    result = run("summary", "plans", *TODAY, "--overview-only")  # 100 columns (conftest)
    lines = result.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Gedaan: "))
    note = lines[start : start + 2]
    assert all(len(line) <= 100 for line in note)
    assert " ".join(note) == (
        "Gedaan: sinds het laatste gesprek van elke aios (of --since). Te doen: de komende 6"
        " maanden. Achterstallig: uit een afgelopen opleidingsjaar, niet af."
    )


def test_group_pages_follow_the_overview(run: Run, group: Path) -> None:
    result = run("summary", "plans", *TODAY, "--format", "markdown")
    assert result.exit_code == 1
    out = result.stdout
    assert out.startswith("# Overzicht: 4 plannen op 2026-11-22\n")
    assert (
        "| Anne de Vries | 2/5 begin | 14/14 | 1 | 4 | 0 | 0 | 2026-07-01 | uiterlijk 2027-07-01 "
        "| plans/anne.yaml |   |" in out
    )
    # no meeting yet: the first is due a year after the start; a finished training has no
    # next meeting
    assert "| geen | uiterlijk 2027-03-01 | plans/cees.yaml |" in out
    assert "| 12 | 0 | 2026-07-01 |   | plans/bram.yml |" in out
    assert "| laadt niet |" in out and "| 1 |   |   | plans/kapot.yaml | 3:1 ML001 " in out
    pages = [line for line in out.splitlines() if line.startswith("## ")]
    assert pages == [  # by achternaam: Bakker, Claassen, (de) Vries
        "## Bram Bakker — voortgangsgesprek 2026-11-22",
        "## Cees Claassen — voortgangsgesprek 2026-11-22",
        "## Anne de Vries — voortgangsgesprek 2026-11-22",
        "## plans/kapot.yaml — voortgangsgesprek 2026-11-22",
    ]
    assert "### Gespreksonderwerpen" in out
    # Bram's training ended in 2024: his open work is overdue
    assert "- Achterstallig: ‘Organiseren onderwijs, symposium’ (jaar 2) is niet afgerond." in out


def test_group_json(run: Run, group: Path) -> None:
    result = run("summary", "plans", *TODAY, "--format", "json", "--sort", "overdue")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["plans_with_errors"] == 2 and data["sort"] == "overdue"  # kapot and cees
    assert [r["name"] for r in data["overview"]] == [
        "Bram Bakker",
        "Cees Claassen",  # 0 overdue, like Anne: by achternaam, Claassen before (de) Vries
        "Anne de Vries",
        None,
    ]
    broken = data["overview"][3]
    assert broken["path"] == "plans/kapot.yaml" and broken["errors"] == 1
    assert broken["first_error"]["code"] == "ML001" and broken["first_error"]["line"] == 3
    assert [p["path"] for p in data["plans"]] == [r["path"] for r in data["overview"]]
    assert data["plans"][3]["aios"] is None and data["plans"][3]["check"]["errors"] == 1
    only = json.loads(run("summary", "plans", *TODAY, "-f", "json", "--overview-only").stdout)
    assert "plans" not in only


@pytest.mark.parametrize(
    ("sort", "names"),
    [
        ("name", ["Bram Bakker", "Cees Claassen", "Anne de Vries", None]),  # by achternaam
        ("year", ["Cees Claassen", "Anne de Vries", "Bram Bakker", None]),
        ("coverage", ["Cees Claassen", "Bram Bakker", "Anne de Vries", None]),
        ("overdue", ["Bram Bakker", "Cees Claassen", "Anne de Vries", None]),
    ],
)
def test_sort(run: Run, group: Path, sort: str, names: list[str | None]) -> None:
    result = run("summary", "plans", *TODAY, "-f", "json", "--overview-only", "--sort", sort)
    assert [r["name"] for r in overview(result)] == names


def test_recursive_and_explicit_paths(run: Run, group: Path) -> None:
    deep = overview(run("summary", "plans", "-r", *TODAY, "-f", "json", "--overview-only"))
    assert "plans/sub/dirk.yaml" in [r["path"] for r in deep] and len(deep) == 5
    # several files are a group too; the same file twice counts once; all fine: exit 0
    result = run(
        "summary", "plans/anne.yaml", "plans/sub/dirk.yaml", "plans/anne.yaml", *TODAY, "-f", "json"
    )
    assert result.exit_code == 0, result.stderr
    # Dirk Dekker before Anne de Vries: by achternaam
    assert [r["path"] for r in overview(result)] == ["plans/sub/dirk.yaml", "plans/anne.yaml"]


def test_missing_path_in_a_group_is_a_usage_error(run: Run, group: Path) -> None:
    result = run("summary", "plans/anne.yaml", "plans/typo.yaml", *TODAY)
    assert result.exit_code == 2
    assert "plans/typo.yaml: bestand of map niet gevonden" in result.stderr
    assert result.stdout == ""


def test_directory_without_plans(run: Run, here: Path) -> None:
    (here / "leeg").mkdir()
    result = run("summary", "leeg", *TODAY)
    assert result.exit_code == 2
    assert "leeg: geen plannen (*.yaml, *.yml) gevonden" in result.stderr


def test_help(run: Run) -> None:
    result = run("summary", "--help")
    assert result.exit_code == 0
    for option in ("--since", "--months", "--today", "--sort", "--overview-only", "--recursive"):
        assert option in result.stdout


def test_installed_script(here: Path) -> None:
    script = Path(sys.executable).with_name("mlplan")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MLPLAN_")} | {"NO_COLOR": "1"}
    done = subprocess.run(
        [str(script), "summary", *TODAY, "--format", "json", "--lang", "en"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    page = json.loads(done.stdout)
    assert page["position"]["text"] == "year 2 of 5, begin (early)"
    assert page["talking_points"][0]["message"].startswith("Agreement ‘Verslag en presentatie")


def test_a_symlink_loop_in_a_group_is_a_row_with_its_error(run: Run, group: Path) -> None:
    # os.DirEntry.is_dir() raises on a loop, where Path.is_dir() says False
    (group / "lus.yaml").symlink_to("lus.yaml")
    result = run("summary", "plans", *TODAY, "-f", "json", "--overview-only")
    assert result.exit_code == 1
    assert "interne fout" not in result.stderr
    loop = next(r for r in overview(result) if r["path"] == "plans/lus.yaml")
    assert loop["errors"] == 1 and loop["first_error"]["code"] == "ML001"
    assert "kan niet gelezen worden" in loop["first_error"]["message"]


# -- several processes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("-f", "table"),
        ("-f", "markdown"),
        ("-f", "json"),
        ("-f", "json", "--sort", "overdue"),
        ("--overview-only", "--sort", "coverage"),
        ("-r", "-f", "markdown", "--since", "2026-01-01", "--months", "12"),
    ],
)
def test_several_processes_give_the_output_of_one(
    run: Run, group: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    from mlplan.io import parallel

    forks: list[int] = []
    real_fork = parallel._fork
    monkeypatch.setattr(parallel, "_fork", lambda *a: forks.append(1) or real_fork(*a))
    (group / "weg.yaml").symlink_to(group / "nowhere.yaml")  # a row with a read error
    monkeypatch.setenv("MLPLAN_JOBS", "1")
    one = run("summary", "plans", *TODAY, *args)
    assert forks == []
    monkeypatch.setenv("MLPLAN_JOBS", "3")
    three = run("summary", "plans", *TODAY, *args)
    assert len(forks) == 2  # two children beside this process
    assert one.exit_code == 1 and "Anne de Vries" in one.stdout
    assert (three.exit_code, three.stdout, three.stderr) == (one.exit_code, one.stdout, one.stderr)


@pytest.mark.parametrize("value", ["0", "twee", "-1", "1.5", "²"])
def test_a_bad_mlplan_jobs_is_a_usage_error(
    run: Run, group: Path, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("MLPLAN_JOBS", value)
    result = run("summary", "plans", *TODAY)
    assert result.exit_code == 2
    assert f"MLPLAN_JOBS moet een geheel getal van 1 of meer zijn, niet '{value}'" in result.stderr
    assert result.stdout == ""


def _installed_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MLPLAN_", "LC_", "LANG"))}
    return env | extra


def test_pages_from_children_are_in_colour_on_a_terminal(here: Path) -> None:
    """The colour and width a terminal gets are decided once and hold for the pages that
    other processes render."""
    pexpect = pytest.importorskip("pexpect")
    plans = here / "plans"
    plans.mkdir()
    example = EXAMPLE_PLAN.read_text(encoding="utf-8")
    for name in ("Anne de Vries", "Bram Bakker", "Cees Claassen", "Dirk Dekker"):
        (plans / f"{name.split()[0].lower()}.yaml").write_text(
            example.replace("Anne de Vries", name), encoding="utf-8"
        )
    env = _installed_env(TERM="xterm", MLPLAN_JOBS="2")
    env.pop("NO_COLOR", None)
    env.pop("COLUMNS", None)
    child = pexpect.spawn(
        str(Path(sys.executable).with_name("mlplan")),
        ["summary", "plans", *TODAY],
        cwd=str(here),
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=(50, 90),
    )
    out = child.read()
    child.close()
    assert child.exitstatus == 0, out
    assert out.count("\x1b[1mStand van zaken\x1b[0m") == 4  # a bold heading on every page
    widest = max(len(re.sub(r"\x1b\[[0-9;]*m", "", line)) for line in out.splitlines())
    assert 80 < widest <= 90


def test_ctrl_c_in_a_large_group_stops_every_process(tmp_path: Path) -> None:
    """Ctrl-C reaches the whole process group: exit 130, one message, no traceback, and no
    process left behind."""
    plans = tmp_path / "plans"
    plans.mkdir()
    example = EXAMPLE_PLAN.read_text(encoding="utf-8")
    for i in range(1500):
        (plans / f"p{i:04}.yaml").write_text(example.replace("Anne de Vries", f"Aios {i}"))
    proc = subprocess.Popen(
        [str(Path(sys.executable).with_name("mlplan")), "summary", "plans", *TODAY],
        cwd=tmp_path,
        env=_installed_env(MLPLAN_JOBS="2", NO_COLOR="1"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    children_file = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
    deadline = time.monotonic() + 20
    children: list[int] = []
    while not children and time.monotonic() < deadline and proc.poll() is None:
        children = [int(p) for p in children_file.read_text().split()]
        time.sleep(0.005)
    assert children, "the worker process never started"
    os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130
    assert err == "fout: Afgebroken; er is niets geschreven.\n"
    assert out == ""
    for pid in children:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def test_one_month_ahead_is_singular(run: Run, here: Path) -> None:
    one = run("summary", *TODAY, "--months", "1", "-f", "markdown").stdout
    assert "## Aan de beurt in de komende maand (tot 2026-12-22)" in one
    six = run("summary", *TODAY, "-f", "markdown").stdout
    assert "## Aan de beurt in de komende 6 maanden (tot 2027-05-22)" in six
    english = run("summary", *TODAY, "--months", "1", "-f", "markdown", "--lang", "en").stdout
    assert "## Due in the next month (until 2026-12-22)" in english
    english = run("summary", *TODAY, "--months", "2", "-f", "markdown", "--lang", "en").stdout
    assert "## Due in the next 2 months (until 2027-01-22)" in english


# -- counts and words read naturally ------------------------------------------------------

# a word said twice ("Training year year 3", "Opleidingsjaar jaar 3"), a number 1 with a
# plural noun, and a count where the language says none ("de komende 1 maand")
UNNATURAL = re.compile(
    r"\b([a-z]+)\W+\1\b"  # lower case: "Overlegmomenten (overlegmomenten)" is title and id
    r"|(?i:(year|jaar)\W+(year|jaar) \d)"
    r"|(?i:\b1 (maanden|months|years|jaren|fouten|errors|waarschuwingen|warnings|plannen|plans)\b)"
    r"|komende 1 maand|next 1 month"
)
FINDING = re.compile(r"\bML\d{3}\b")  # rules' own messages: tests/test_rules.py


def _unnatural(text: str) -> list[str]:
    lines = (line for line in text.splitlines() if not FINDING.search(line))
    return [m.group() for line in lines for m in UNNATURAL.finditer(line)]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(("years", "months"), [(1, 1), (5, 1), (4.5, 2), (5, 6), (5, 12)])
def test_counts_and_labels_read_naturally(
    run: Run, here: Path, lang: str, years: float, months: int
) -> None:
    """Every page, overview and plan, in both languages, for one month and more, a training
    of one year and more, before, during and after it: no doubled word, no "1 months",
    no "de komende 1 maand"."""
    text = EXAMPLE_PLAN.read_text(encoding="utf-8").replace("years: 5", f"years: {years}")
    plans = here / "plans"
    plans.mkdir()
    (plans / "anne.yaml").write_text(text, encoding="utf-8")
    (plans / "bram.yaml").write_text(text.replace("Anne de Vries", "Bram Bakker"), "utf-8")
    for today in ("2025-06-01", "2026-11-22", "2031-01-01"):
        common = ("--today", today, "--lang", lang)
        window = ("--months", str(months))
        outputs = [
            run("summary", "plans/anne.yaml", *common, *window, "-f", fmt).stdout
            for fmt in ("table", "markdown")
        ]
        page = json.loads(run("summary", "plans/anne.yaml", *common, *window, "-f", "json").stdout)
        outputs += [page["position"]["text"], *(p["message"] for p in page["talking_points"])]
        outputs += [run("summary", "plans", *common, *window, "-f", "markdown").stdout]
        outputs += [run("summary", "plans", *common, *window).stdout]
        outputs += [
            run("plan", "plans/anne.yaml", *common, "-f", fmt).stdout
            for fmt in ("table", "markdown")
        ]
        for out in outputs:
            assert out.strip()
            assert _unnatural(out) == [], (today, out)
    one = run(
        "summary",
        "plans/anne.yaml",
        "--today",
        "2026-11-22",
        "--months",
        "1",
        "-f",
        "markdown",
        "--lang",
        lang,
    ).stdout
    assert ("in de komende maand (tot" if lang == "nl" else "Due in the next month (until") in one


# -- the follow-up of agreements and the rhythm of meetings (issue 14) -------------------------

# the last meeting's agreements with follow-up, as the summary domain's tests have them
FOLLOW_UP = summary_tests.FOLLOW_UP


@pytest.fixture
def followed(here: Path) -> Path:
    (here / "plan.yaml").write_text(
        EXAMPLE_PLAN.read_text(encoding="utf-8") + FOLLOW_UP, encoding="utf-8"
    )
    return here / "plan.yaml"


def test_the_page_follows_up_each_agreement(run: Run, followed: Path) -> None:
    text = run("summary", "--today", "2027-02-01").stdout
    section = text[text.index("Afspraken van het laatste gesprek (2026-11-22") :]
    header = section.splitlines()[1].split()
    assert header == ["Afspraak", "Uitkomst", "Gaat", "over", "In", "beweging?"]
    rows = section[: section.index("Gespreksonderwerpen")]
    assert "behaald" in rows and "open, over de termijn" in rows  # settled; past its due date
    markdown = run("summary", "--today", "2027-02-01", "-f", "markdown").stdout
    assert "| Afspraak | Uitkomst | Gaat over | In beweging? |" in markdown
    assert (
        "| Leiderschap cursus regelen (aios · uiterlijk 2027-03-01) | open | DOO leiderschap | "
        in markdown
    )
    assert "| Terugkoppeling geven (opleider · uiterlijk 2027-01-15) | behaald | " in markdown
    # the topic it names decides what it is about, not its words
    assert "| Iets over innovatie (uiterlijk 2027-01-31) | open, over de termijn | Leiding in" in (
        markdown
    )
    assert "| Meer sporten | open |   | niet gekoppeld; navragen |" in markdown
    assert (
        "- Afspraak ‘Iets over innovatie’ van 2026-11-22 moest uiterlijk 2027-01-31 rond zijn "
        "en staat nog open: wat is de uitkomst?" in markdown
    )
    english = run("summary", "--today", "2027-03-02", "-f", "markdown", "--lang", "en").stdout
    assert "| Terugkoppeling geven (supervisor · due 2027-01-15) | achieved | " in english
    assert (
        "- Agreement ‘Leiderschap cursus regelen’ of 2026-11-22 (aios) was due by 2027-03-01"
        in (english)
    )


def test_a_version_1_page_keeps_its_agreements_table(run: Run, here: Path) -> None:
    markdown = run("summary", *TODAY, "-f", "markdown").stdout
    assert "| Afspraak | Gaat over | In beweging? |" in markdown  # no outcome column


def test_json_carries_the_follow_up(run: Run, followed: Path) -> None:
    page = json.loads(run("summary", "--today", "2027-02-01", "-f", "json").stdout)
    first, settled, topic, plain = page["last_meeting"]["agreements"]
    assert {k: first[k] for k in ("number", "owner", "due", "outcome", "overdue", "linked")} == {
        "number": 1,
        "owner": "aios",
        "due": "2027-03-01",
        "outcome": None,
        "overdue": False,
        "linked": True,  # its course: doo-leiderschap
    }
    assert (settled["outcome"], settled["overdue"]) == ("achieved", False)
    assert (topic["overdue"], topic["linked"]) == (True, True)
    assert (plain["owner"], plain["due"], plain["number"]) == (None, None, 4)
    assert page["overdue_agreements"] == [
        {"text": "Iets over innovatie", "meeting": "2026-11-22", "due": "2027-01-31", "owner": None}
    ]
    point = next(p for p in page["talking_points"] if p["code"] == "agreement_overdue")
    assert point["params"] == {
        "text": "Iets over innovatie",
        "meeting": "2026-11-22",
        "due": "2027-01-31",
    }
    assert page["meetings"]["last"] == "2026-11-22" and page["meetings"]["next"] == "2027-11-22"


def test_the_overview_names_each_late_meeting(run: Run, here: Path) -> None:
    plans = here / "plans"
    plans.mkdir()
    example = EXAMPLE_PLAN.read_text(encoding="utf-8")
    (plans / "anne.yaml").write_text(example, encoding="utf-8")
    six = example.replace("Anne de Vries", "Bram Bakker").replace(
        "  years: 5\n", "  years: 5\n  meeting_interval_months: 6\n", 1
    )
    (plans / "bram.yaml").write_text(six, encoding="utf-8")
    planned = (
        six.replace("Bram Bakker", "Cees Claassen") + "  - {date: 2027-02-01, kind: voortgang}\n"
    )
    (plans / "cees.yaml").write_text(planned, encoding="utf-8")
    result = run("summary", "plans", "--today", "2027-01-10", "--overview-only")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    at = lines.index("Gesprek te laat")
    assert lines[at + 1 : at + 3] == [
        "Bram Bakker: was uiterlijk 2027-01-01 aan de beurt",
        "Cees Claassen: te laat, gepland op 2027-02-01",
    ]
    markdown = run("summary", "plans", "--today", "2027-01-10", "--overview-only", "-f", "markdown")
    assert "| 2026-07-01 | te laat; gepland op 2027-02-01 | plans/cees.yaml |" in markdown.stdout
    assert "| 2026-07-01 | uiterlijk 2027-07-01 | plans/anne.yaml |" in markdown.stdout
    as_json = run("summary", "plans", "--today", "2027-01-10", "--overview-only", "-f", "json")
    rows = {r["name"]: r for r in overview(as_json)}
    keys = ("last_meeting", "next_meeting", "next_meeting_planned", "meeting_late")
    assert {k: rows["Cees Claassen"][k] for k in keys} == {
        "last_meeting": "2026-07-01",
        "next_meeting": "2027-02-01",
        "next_meeting_planned": True,
        "meeting_late": True,
    }
    assert rows["Anne de Vries"]["meeting_late"] is False
    on_time = run("summary", "plans", "--today", "2026-12-31", "--overview-only")
    assert "Gesprek te laat" not in on_time.stdout
