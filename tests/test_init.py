"""``mlplan init`` without a terminal: --no-input, --example, refusing to overwrite."""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mlplan.cli.commands.init import render
from mlplan.domain.checking import check_file, check_text
from mlplan.domain.initplan import (
    Answers,
    Details,
    Draft,
    Pick,
    dump_answers,
    load_answers,
    parse_years,
)
from mlplan.domain.resolved import coverage, covered, suggested_phase
from mlplan.io.loading import load_framework
from mlplan.model import fields, timeline
from mlplan.model.plan import SCHEMA_FILENAME, ImprovementPoint, json_schema

EXAMPLE_PLAN = Path(__file__).resolve().parents[1] / "data" / "example-plan.yaml"
Run = Callable[..., Any]
TODAY = "2025-08-15"
ORDER = ["begin", "midden", "eind"]
LINE = re.compile(r"^ *(#.*|(- )?[a-z_]+:( .+)?|- .+)$")


def _no_input(run: Run, path: Path, *extra: str) -> Any:
    return run(
        "init",
        "--no-input",
        "--name",
        "Anne de Vries",
        "--start",
        "2025-09-01",
        "--today",
        TODAY,
        *extra,
        str(path),
    )


def _assert_sound(path: Path, today: dt.date) -> None:
    """What check's rules demand of a new plan, asserted on their substance:
    no error, every topic covered (ML100), the required courses (ML101), years in
    range (ML102), nothing before its phase (ML200), every year some work and none
    with more than half (ML204)."""
    fw = load_framework()
    checked = check_file(path, fw, today)
    assert checked.errors == 0, checked.diagnostics
    plan = checked.plan
    assert plan is not None
    cov = coverage(plan, fw)
    assert covered(cov) == len(cov) == 14
    courses = {c.course for c in plan.courses}
    for req in fw.courses.requirements:
        assert courses & set(req.any_of), req.id
    count = timeline.year_count(plan.training.years)
    loads = Counter(a.year for a in plan.activities)
    assert set(loads) == set(range(1, count + 1))
    assert max(loads.values()) <= len(plan.activities) / 2
    assert max(loads.values()) <= math.ceil(len(plan.activities) / count)
    for c in plan.courses:
        assert c.year is not None and 1 <= c.year <= count
    for a in plan.activities:
        phase = suggested_phase(a, fw)
        if phase:
            year_phase = timeline.phase_of_year(a.year, plan.training.years)
            assert ORDER.index(year_phase) >= ORDER.index(phase), a


def test_no_input_makes_a_complete_plan(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    result = _no_input(run, path, "--specialty", "Neurologie", "--supervisor", "dr. J. Jansen")
    assert result.exit_code == 0, result.stderr
    assert "Plan geschreven: " in result.stdout
    assert "Dekking: 14/14 onderwerpen" in result.stdout
    assert "Controle: 0 fouten, 0 waarschuwingen" in result.stdout
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == f"# yaml-language-server: $schema=./{SCHEMA_FILENAME}"
    assert lines[1].startswith("# Plan medisch leiderschap voor het IOP")
    assert "  start: 2025-09-01" in lines  # a plain date, not quoted
    assert "  years: 5" in lines
    assert "  supervisor: dr. J. Jansen" in lines
    assert "  # Competentie 1 — Levert een bijdrage" in text
    assert "status:" not in text  # defaults are left out
    assert "{" not in text and "[" not in text.replace("[staf", "")  # block style
    _assert_sound(path, dt.date.fromisoformat(TODAY))
    # the schema the modeline points to, beside the plan
    schema = json.loads((tmp_path / SCHEMA_FILENAME).read_text(encoding="utf-8"))
    assert schema == json_schema(load_framework())
    assert f"Schema voor de editor geschreven: {tmp_path / SCHEMA_FILENAME}" in result.stdout


@pytest.mark.parametrize("years", ["4", "4.5", "4,5", "5", "6"])
def test_no_input_durations(run: Run, tmp_path: Path, years: str) -> None:
    path = tmp_path / "plan.yaml"
    result = _no_input(run, path, "--years", years)
    assert result.exit_code == 0, result.stderr
    _assert_sound(path, dt.date.fromisoformat(TODAY))
    expected = years.replace(",", ".")
    assert f"  years: {expected}" in path.read_text(encoding="utf-8").splitlines()


def test_four_and_a_half_years_uses_the_short_fifth_year(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    assert _no_input(run, path, "--years", "4.5").exit_code == 0
    plan = check_file(path, load_framework(), dt.date(2025, 8, 15)).plan
    assert plan is not None and plan.training.years == 4.5
    years = {a.year for a in plan.activities}
    assert years == {1, 2, 3, 4, 5}
    mdo = [a for a in plan.activities if a.topic == "overlegmomenten"]
    assert [(a.title, a.year) for a in mdo] == [("Voorzitten MDO", 5)]  # eind: year 4 or 5


def test_no_input_during_the_training_plans_from_the_current_year(run: Run, tmp_path: Path) -> None:
    """An aios who starts using mlplan in year 3 gets no activities in past years (which
    check would flag as not done)."""
    path = tmp_path / "plan.yaml"
    result = run(
        "init", "--no-input", "--name", "A", "--start", "2023-09-01", "--today", "2025-10-01",
        str(path),
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    plan = check_file(path, load_framework(), dt.date(2025, 10, 1)).plan
    assert plan is not None
    assert {a.year for a in plan.activities} == {3, 4, 5}
    assert {c.year for c in plan.courses} == {3, 4}


@pytest.mark.parametrize("percent", ["80", "80%", "80 %"])
def test_no_input_part_time_from_the_start(run: Run, tmp_path: Path, percent: str) -> None:
    """By hand: 5 full-time years from 2025-09-01 are 1826 days (29 Feb 2028 among them);
    at 80 % 2282.5, so 2283 days: 2025-09-01 + 2191 = 2031-09-01, + 92 = 2031-12-02, the
    first day after the training."""
    path = tmp_path / "plan.yaml"
    result = _no_input(run, path, "--part-time", percent)
    assert result.exit_code == 0, result.stderr
    assert "Controle: 0 fouten, 0 waarschuwingen" in result.stdout
    text = path.read_text(encoding="utf-8")
    assert "training:\n  start: 2025-09-01\n  years: 5\n  part_time:\n" in text
    assert "    - from: 2025-09-01\n      percent: 80\n\nactivities:" in text
    _assert_sound(path, dt.date.fromisoformat(TODAY))
    plan = check_file(path, load_framework(), dt.date.fromisoformat(TODAY)).plan
    assert plan is not None and plan.training.calendar().end == dt.date(2031, 12, 1)


def test_no_input_full_time_writes_no_part_time(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    assert _no_input(run, path, "--part-time", "100").exit_code == 0
    assert "part_time" not in path.read_text(encoding="utf-8")


def test_no_input_part_time_during_the_training(run: Run, tmp_path: Path) -> None:
    """In training time, not calendar time: from 2023-09-01 at 60 %, the first full-time
    year is 366 days (29 Feb 2024), so year 2 starts after 366 / 0.6 = 610 days
    (2023-09-01 + 366 = 2024-09-01, + 244 = 2025-05-03), and year 3 after two full-time
    years, 731 days: 731 / 0.6 = 1218.33, so 1219 days (2026-09-01 is + 1096, + 123 =
    2027-01-02). On 2025-10-01 that is year 2 (full time it would be year 3), so the
    proposal plans from year 2."""
    path = tmp_path / "plan.yaml"
    result = run(
        "init", "--no-input", "--name", "A", "--start", "2023-09-01", "--part-time", "60",
        "--today", "2025-10-01", str(path),
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    plan = check_file(path, load_framework(), dt.date(2025, 10, 1)).plan
    assert plan is not None
    years = plan.training.calendar().training_years()
    assert (years[1].start, years[2].start) == (dt.date(2025, 5, 3), dt.date(2027, 1, 2))
    assert {a.year for a in plan.activities} == {2, 3, 4, 5}


def test_start_defaults_to_today_and_five_years(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    result = run("init", "--no-input", "--name", "A", "--today", "2026-02-03", str(path))
    assert result.exit_code == 0, result.stderr
    lines = path.read_text(encoding="utf-8").splitlines()
    assert "  start: 2026-02-03" in lines
    assert "  years: 5" in lines


def test_default_path_is_plan_yaml(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("init", "--no-input", "--name", "A").exit_code == 0
    assert (tmp_path / "plan.yaml").is_file()


def test_example_writes_the_worked_example(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "voorbeeld.yaml"
    result = run("init", "--example", "--today", "2026-11-22", str(path))
    assert result.exit_code == 0, result.stderr
    assert path.read_text(encoding="utf-8") == EXAMPLE_PLAN.read_text(encoding="utf-8")
    assert (tmp_path / SCHEMA_FILENAME).is_file()
    assert "Dekking: 14/14 onderwerpen" in result.stdout
    checked = check_file(path, load_framework(), dt.date(2026, 11, 22))
    assert checked.errors == 0, checked.diagnostics
    plan = checked.plan
    assert plan is not None
    assert any(a.status == "done" and a.evidence and a.done_on for a in plan.activities)
    assert plan.courses and plan.improvement_points and len(plan.meetings) == 2


def test_refuses_to_overwrite(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("mijn plan\n", encoding="utf-8")
    for args in (["--no-input", "--name", "A"], ["--example"], []):
        result = run("init", *args, str(path))
        assert result.exit_code == 2, (args, result)
        assert path.read_text(encoding="utf-8") == "mijn plan\n"
    result = run("init", "--example", str(path))
    assert "bestaat al" in result.stderr and "--force" in result.stderr
    assert not (tmp_path / "plan.yaml.bak").exists()
    assert not (tmp_path / SCHEMA_FILENAME).exists()


def test_force_keeps_the_old_plan_as_bak(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("mijn plan\n", encoding="utf-8")
    result = run("init", "--example", "--force", str(path))
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "plan.yaml.bak").read_text(encoding="utf-8") == "mijn plan\n"
    assert path.read_text(encoding="utf-8") == EXAMPLE_PLAN.read_text(encoding="utf-8")
    assert f"{path}.bak" in result.stdout


def test_existing_schema_is_left_alone(run: Run, tmp_path: Path) -> None:
    schema = tmp_path / SCHEMA_FILENAME
    schema.write_text("{}\n", encoding="utf-8")
    result = run("init", "--example", str(tmp_path / "plan.yaml"))
    assert result.exit_code == 0
    assert schema.read_text(encoding="utf-8") == "{}\n"
    assert "Schema" not in result.stdout


def test_no_terminal_without_no_input_stops(run: Run, tmp_path: Path) -> None:
    # under pytest stdin is not a terminal
    path = tmp_path / "plan.yaml"
    result = run("init", str(path))
    assert result.exit_code == 2
    assert "geen terminal" in result.stderr
    assert "mlplan init --no-input --name" in result.stderr
    assert "Traceback" not in result.stderr
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--no-input"], "--no-input heeft de naam van de aios nodig"),
        (["--no-input", "--name", "  "], "--no-input heeft de naam van de aios nodig"),
        (["--no-input", "--name", "A", "--years", "0"], "--years: '0' is geen geldige duur"),
        (["--no-input", "--name", "A", "--years", "16"], "hoogstens 15"),
        (["--no-input", "--name", "A", "--years", "vijf"], "geen geldige duur"),
        (["--no-input", "--name", "A", "--start", "2025-02-30"], "--start: '2025-02-30'"),
        (
            ["--no-input", "--name", "A", "--start", "1-9-2025"],
            "--start: '1-9-2025' is geen datum; schrijf JJJJ-MM-DD",
        ),
        (["--no-input", "--name", "A", "--today", "morgen"], "--today: 'morgen'"),
        (["--example", "--name", "A"], "--example schrijft het vaste voorbeeldplan"),
        (["--example", "--part-time", "80"], "--example schrijft het vaste voorbeeldplan"),
        (
            ["--no-input", "--name", "A", "--part-time", "120"],
            "--part-time: '120' is geen deeltijdpercentage; geef een heel getal van 50 t/m 100",
        ),
        (["--no-input", "--name", "A", "--part-time", "0,8"], "'0,8' is geen deeltijdpercentage"),
        (["--no-input", "--name", "A", "--part-time", "49"], "'49' is geen deeltijdpercentage"),
        # fits the calendar at full time (ends 9998-12-31), not at 50 % (twice as long)
        (
            [
                "--no-input",
                "--name",
                "A",
                "--start",
                "9990-01-01",
                "--years",
                "9",
                "--part-time",
                "50",
            ],
            "eindigt na 9999-12-31",
        ),
    ],
)
def test_bad_options(run: Run, tmp_path: Path, args: list[str], message: str) -> None:
    path = tmp_path / "plan.yaml"
    result = run("init", *args, str(path))
    assert result.exit_code == 2
    assert message in result.stderr
    assert not path.exists()


def test_directory_and_missing_parent(run: Run, tmp_path: Path) -> None:
    result = run("init", "--no-input", "--name", "A", str(tmp_path))
    assert result.exit_code == 2 and "is een map" in result.stderr
    result = run("init", "--no-input", "--name", "A", str(tmp_path / "nope" / "plan.yaml"))
    assert result.exit_code == 2 and "kan niet geschreven worden" in result.stderr
    assert "Traceback" not in result.stderr


def test_english(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    result = run("init", "--no-input", "--name", "A", "--lang", "en", str(path))
    assert result.exit_code == 0
    assert "Coverage: 14/14 topics" in result.stdout
    assert "# Competency 1 — " in path.read_text(encoding="utf-8")
    result = run("init", "--lang", "en", str(tmp_path / "other.yaml"))
    assert result.exit_code == 2 and "no terminal" in result.stderr


def test_help(run: Run) -> None:
    result = run("init", "--help")
    assert result.exit_code == 0
    for option in ("--no-input", "--example", "--force", "--name", "--years", "--today"):
        assert option in result.stdout


def test_catalogues_agree_on_init_messages() -> None:
    from mlplan.i18n import en, nl

    ours = [k for k in nl.MESSAGES if k.split(".")[0] in ("init", "wizard") or ".init" in k]
    assert ours
    for key in ours:
        assert key in en.MESSAGES, key
        assert _fields(nl.MESSAGES[key]) == _fields(en.MESSAGES[key]), key


def _fields(template: str) -> set[str]:
    import string

    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


# -- the emitted YAML reads back exactly ------------------------------------------------

awkward = st.sampled_from(
    [
        "no", "on", "yes", "null", "~", "true", "010", "1e3", ".inf", "2025-01-01",
        "a: b", "# niet", "- streep", "[lijst]", "{map}", "&anker", "*alias", "!tag",
        "%", "@", "`x`", "'enkel'", '"dubbel"', "‘Verwonder en Verbeter’", "tab\there",
        "regel\nnieuw", "x #y", "Zoë Çelik-Öztürk", "dr. J. Jansen", "ends with:",
        "?", "|", ">", "\u00a0nbsp", "emoji 🩺", "trailing space ",
    ]
)  # fmt: skip
texts = st.one_of(
    awkward, st.text(min_size=1, max_size=40).filter(lambda s: not fields.is_blank(s))
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=texts, title=texts, point=texts)
def test_emitted_yaml_round_trips(name: str, title: str, point: str) -> None:
    fw = load_framework()
    name = " ".join(name.split()) or "x"
    title = " ".join(title.split()) or "x"
    details = Details(name=name, start=dt.date(2025, 9, 1), years=4.5, supervisor=name)
    draft = Draft(
        details,
        [Pick("overlegmomenten", title, "midden", own_phase=True, year=2)],
        improvement_points=[ImprovementPoint(point=point, how=None, evidence=point)],
    )
    text = render(draft, fw, dt.date(2025, 9, 1))  # raises if it does not read back
    checked = check_text(text, "p.yaml", fw, dt.date(2025, 9, 1))
    assert checked.plan is not None
    assert checked.plan.aios.name == name
    assert checked.plan.activities[0].title == title
    assert checked.plan.improvement_points[0].point == point
    # block style, one key or item per line: nothing spills onto a continuation line
    for line in text.splitlines():
        assert not line or LINE.match(line), line


def test_parse_years() -> None:
    assert parse_years("4.5") == parse_years("4,5") == 4.5
    assert parse_years(" 6 ") == 6
    for bad in ("0", "-1", "15.5", "nan", "inf", "", "vijf"):
        assert parse_years(bad) is None


# -- the installed script -----------------------------------------------------------------


def _script() -> str:
    return str(Path(sys.executable).with_name("mlplan"))


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MLPLAN_")}
    env["NO_COLOR"] = "1"
    return env


def test_installed_script_without_terminal(tmp_path: Path) -> None:
    done = subprocess.run(
        [_script(), "init", "plan.yaml"],
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=_env(),
        timeout=30,
    )
    assert done.returncode == 2
    assert "--no-input" in done.stderr
    assert list(tmp_path.iterdir()) == []
    done = subprocess.run(
        [_script(), "init", "--no-input", "--name", "Anne", "--today", TODAY, "plan.yaml"],
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=_env(),
        timeout=30,
    )
    assert done.returncode == 0, done.stderr
    _assert_sound(tmp_path / "plan.yaml", dt.date.fromisoformat(TODAY))


# -- the wizard's draft (PATH.draft) ----------------------------------------------------


def _answers() -> Answers:
    details = Details(
        name="Anne Concept",
        start=dt.date(2025, 9, 1),
        years=4.5,
        supervisor="dr. J",
        percent=80,
        part_time_from=dt.date(2026, 9, 1),
    )
    return Answers(
        details=details,
        picks={
            "overlegmomenten": [
                Pick("overlegmomenten", "Voorzitten MDO", "eind"),
                Pick("overlegmomenten", "Eigen overleg", "midden", own_phase=True),
            ],
            "organisatie": [Pick("organisatie", "Eigen project")],
        },
        fixed_years={("overlegmomenten", "Eigen overleg"): 3},
        course_ids=["coach-the-co", "doo-leiderschap"],
        improvement_points=[ImprovementPoint(point="Delegeren", how=None, evidence="KPB")],
        step=3,
    )


def test_draft_round_trips() -> None:
    fw = load_framework()
    answers = _answers()
    assert load_answers(dump_answers(answers, fw), fw) == answers
    unanswered = Answers(details=answers.details)
    assert load_answers(dump_answers(unanswered, fw), fw) == unanswered


def test_a_draft_keeps_only_what_the_framework_knows() -> None:
    fw = load_framework()
    data = json.loads(dump_answers(_answers(), fw))
    data["picks"]["geen-onderwerp"] = [{"title": "x"}]
    data["fixed_years"].append({"topic": "geen-onderwerp", "title": "x", "year": 1})
    data["courses"].append("geen-cursus")
    loaded = load_answers(json.dumps(data), fw)
    assert loaded == _answers()


@pytest.mark.parametrize(
    "text",
    ["", "geen concept", "[]", '{"mlplan_draft": 2}', '{"mlplan_draft": 1, "name": 3}'],
)
def test_what_is_not_a_draft(text: str) -> None:
    assert load_answers(text, load_framework()) is None
    fw = load_framework()
    data = json.loads(dump_answers(_answers(), fw))
    data["years"] = 0  # a value the wizard never accepts
    assert load_answers(json.dumps(data), fw) is None


@pytest.mark.parametrize("how", [["--no-input", "--name", "A"], ["--example"]])
def test_no_input_and_example_leave_a_draft_alone(run: Run, tmp_path: Path, how: list[str]) -> None:
    """They never ask about it (nothing may wait for an answer) and never remove it; they
    say it is there and how to go on with it."""
    path = tmp_path / "plan.yaml"
    draft = tmp_path / "plan.yaml.draft"
    text = dump_answers(_answers(), load_framework())
    draft.write_text(text, encoding="utf-8")
    result = run("init", *how, "--today", TODAY, str(path))
    assert result.exit_code == 0, result.stderr
    assert draft.read_text(encoding="utf-8") == text
    assert f"{draft} bevat de antwoorden van een onderbroken wizard" in result.stderr
    assert f"`mlplan init --force {path}`" in result.stderr
    assert f"Plan geschreven: {path}" in result.stdout


def test_the_wizard_refuses_a_missing_directory_before_asking(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mlplan.cli.commands.init as init_cmd

    monkeypatch.setattr(init_cmd, "_interactive", lambda: True)
    result = run("init", str(tmp_path / "nope" / "plan.yaml"))
    assert result.exit_code == 2
    assert "kan niet geschreven worden" in result.stderr
    assert not (tmp_path / "nope").exists()


# -- a plan fresh from init passes check, whenever it is made (issue 12, item 3) ----------


def _init_then_check(
    run: Run, directory: Path, start: dt.date, years: str, today: dt.date, percent: int = 100
) -> None:
    """``init --no-input`` then ``check`` at the same day, both through the entry point:
    no finding at all, or (only when the training is over at ``today``) a clear refusal
    that writes nothing."""
    path = directory / "plan.yaml"
    made = run(
        "init", "--no-input", "--name", "Anne", "--start", start.isoformat(), "--years", years,
        "--part-time", str(percent), "--today", today.isoformat(), str(path),
    )  # fmt: skip
    duration = parse_years(years)
    assert duration is not None
    part_time = (timeline.PartTime(start, None, percent),)
    if timeline.Calendar(start, duration, part_time).end < today:
        assert made.exit_code == 2, made
        assert "init maakt geen plan voor een afgelopen opleiding" in made.stderr
        assert not path.exists()
        return
    assert made.exit_code == 0, (start, years, today, made)
    assert "Controle: 0 fouten, 0 waarschuwingen" in made.stdout
    checked = run("check", "--today", today.isoformat(), str(path))
    assert checked.exit_code == 0, checked
    assert checked.stdout == "Geen fouten of waarschuwingen in 1 bestand.\n", (start, years, today)
    path.unlink()


durations = st.one_of(
    st.sampled_from(["1", "1.5", "2", "3", "4", "4.5", "4,5", "5", "5.5", "6", "7", "10", "15"]),
    st.integers(1, 180).map(lambda months: f"{months / 12:g}"),  # whole months, 1 .. 15 years
)


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    today=st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31)),
    offset=st.integers(-16 * 366, 2 * 366),  # the start, in days after today
    years=durations,
    percent=st.sampled_from([100, 100, 80, 60, 50]),
)
def test_a_plan_fresh_from_init_passes_check_at_any_day(
    run: Run, tmp_path: Path, today: dt.date, offset: int, years: str, percent: int
) -> None:
    _init_then_check(run, tmp_path, today + dt.timedelta(days=offset), years, today, percent)


def _edges() -> list[tuple[dt.date, str, dt.date]]:
    """The days where a year or the training begins or ends, for a few durations."""
    start = dt.date(2024, 2, 29)  # a leap day: the month arithmetic's hardest start
    cases = []
    for years in ("1", "4.5", "5", "14", "15"):
        duration = parse_years(years)
        assert duration is not None
        end = timeline.training_end(start, duration)
        days = {start - dt.timedelta(days=1), start, end, end + dt.timedelta(days=1)}
        for ty in timeline.training_years(start, duration):
            days |= {ty.end, ty.end + dt.timedelta(days=1)}
        cases += [(start, years, day) for day in sorted(days)]
    return cases


@pytest.mark.parametrize(
    ("start", "years", "today"), _edges(), ids=lambda v: v if isinstance(v, str) else str(v)
)
def test_a_plan_fresh_from_init_passes_check_on_the_edges(
    run: Run, tmp_path: Path, start: dt.date, years: str, today: dt.date
) -> None:
    _init_then_check(run, tmp_path, start, years, today)


def test_init_refuses_a_training_that_is_over(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    args = ["init", "--no-input", "--name", "A", "--start", "2015-09-01", "--today", TODAY]
    result = run(*args, str(path))
    assert result.exit_code == 2
    assert result.stderr == (
        "fout: --start 2015-09-01 en --years 5: die opleiding is op 2020-08-31 afgelopen, "
        "vóór vandaag (2025-08-15); init maakt geen plan voor een afgelopen opleiding. "
        "Geef de echte startdatum en duur (of --today)\n"
    )
    assert list(tmp_path.iterdir()) == []
    result = run(*args, "--lang", "en", str(path))
    assert "that training ended on 2020-08-31, before today (2025-08-15)" in result.stderr


def test_no_input_with_a_past_start_the_readme_example(run: Run, tmp_path: Path) -> None:
    """The README's own example, a year and a bit later: year 1 is behind the aios."""
    path = tmp_path / "plan.yaml"
    result = run(
        "init", "--no-input", "--name", "Anne de Vries", "--start", "2025-09-01",
        "--years", "4.5", "--today", "2026-12-02", str(path),
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "Controle: 0 fouten, 0 waarschuwingen" in result.stdout
    plan = check_file(path, load_framework(), dt.date(2026, 12, 2)).plan
    assert plan is not None and {a.year for a in plan.activities} == {2, 3, 4, 5}


def test_more_years_than_topics_gives_each_year_an_activity(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    assert _no_input(run, path, "--years", "15").exit_code == 0
    plan = check_file(path, load_framework(), dt.date.fromisoformat(TODAY)).plan
    assert plan is not None and {a.year for a in plan.activities} == set(range(1, 16))
