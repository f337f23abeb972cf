"""The real wizard in a pseudo-terminal: the installed ``mlplan`` driven by keystrokes.

Each step waits for the question's own text before it answers, so the tests do not
depend on timing; the timeouts are generous only for a slow machine.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from mlplan.domain.checking import check_file
from mlplan.domain.resolved import coverage, covered
from mlplan.io.loading import load_framework

DOWN = "\x1b[B"
UP = "\x1b[A"
ENTER = "\r"
SPACE = " "
CLEAR = "\x15"  # Ctrl-U: clear the line (the date and years prompts have defaults)
CTRL_C = "\x03"
TIMEOUT = 15
TODAY = dt.date(2025, 8, 15)

TOPICS = [topic.title for _, topic in load_framework().topics()]
# the questions about the aios and the training, up to the part-time percent
DETAILS = (
    "Naam van de aios:",
    "Specialisme (optioneel):",
    "Opleidingsinstelling (optioneel):",
    "Opleider (optioneel):",
    "Startdatum van de opleiding",
    "Duur van de opleiding in jaren",
)
# the questions after the topics, each answered by its default with enter
LAST_STEPS = (
    "Jaren akkoord?",
    "Welke cursussen komen in het plan?",
    "Verbeterpunten nu invullen?",
    "Plan schrijven naar plan.yaml?",
)


def _spawn(tmp_path: Path, *args: str) -> pexpect.spawn:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MLPLAN_", "LC_", "LANG"))}
    env.update(
        TERM="xterm",
        COLUMNS="100",
        LINES="40",
        NO_COLOR="1",
        PROMPT_TOOLKIT_NO_CPR="1",  # no cursor-position request that nobody answers
    )
    script = str(Path(sys.executable).with_name("mlplan"))
    child = pexpect.spawn(
        script,
        ["init", "--today", TODAY.isoformat(), *args, "plan.yaml"],
        cwd=str(tmp_path),
        env=env,
        encoding="utf-8",
        timeout=TIMEOUT,
        dimensions=(40, 100),
    )
    return child


def _answer(child: pexpect.spawn, question: str, keys: str) -> None:
    child.expect_exact(question)
    child.send(keys)


def _expect_words(child: pexpect.spawn, text: str) -> None:
    """``text`` in the output, wherever the wizard wraps it to the terminal's width."""
    child.expect(r"\s+".join(re.escape(word) for word in text.split()))


def _details(child: pexpect.spawn, name: str) -> None:
    _answer(child, "Naam van de aios:", name + ENTER)
    _answer(child, "Specialisme (optioneel):", "Neurologie" + ENTER)
    _answer(child, "Opleidingsinstelling (optioneel):", ENTER)
    _answer(child, "Opleider (optioneel):", "dr. J. Jansen" + ENTER)


def _finish(child: pexpect.spawn) -> int:
    child.expect(pexpect.EOF)
    child.close()
    status = child.exitstatus
    assert isinstance(status, int)
    return status


def test_full_run_with_arrow_keys_space_and_enter(tmp_path: Path) -> None:
    child = _spawn(tmp_path)
    try:
        _details(child, "Anne Test")
        # a bad date is asked again with a clear message
        _answer(child, "Startdatum van de opleiding", CLEAR + "2025-13-01" + ENTER)
        child.expect_exact("Geen geldige datum")
        child.send(CLEAR + "2025-09-01" + ENTER)
        _answer(child, "Duur van de opleiding in jaren", CLEAR + "4,5" + ENTER)
        _answer(child, "Werk je in deeltijd?", ENTER)  # 100: full time
        child.expect_exact("leercurve: jaar 1 begin, jaar 2 midden")
        # topic 1: two examples (the second is ticked already; space ticks the first)
        _answer(child, f"Activiteiten voor {TOPICS[0]}", SPACE + ENTER)
        # topic 2: "← terug" (the last choice: up wraps round to it) goes back to topic 1,
        # which still has its two picks; enter keeps them
        _answer(child, f"Activiteiten voor {TOPICS[1]}", UP + SPACE + ENTER)
        _answer(child, f"Activiteiten voor {TOPICS[0]}", ENTER)
        # enter without a pick is refused with a hint (space unticks the ticked example)
        _answer(child, f"Activiteiten voor {TOPICS[1]}", SPACE + ENTER)
        child.expect_exact("Kies minstens één activiteit")
        child.send(ENTER)  # asked again with the suggestion ticked
        for title in TOPICS[2:]:  # the ticked example
            _answer(child, f"Activiteiten voor {title}", ENTER)
        # the proposal: move the first listed activity (a year-1 one) to year 2
        _answer(child, "Jaren akkoord?", DOWN + ENTER)
        child.expect(r"Jaar voor '([^']+)'")
        moved = child.match.group(1)
        child.send(DOWN + ENTER)
        _answer(child, "Jaren akkoord?", ENTER)
        _answer(child, "Welke cursussen komen in het plan?", ENTER)
        _answer(child, "Verbeterpunten nu invullen?", DOWN + ENTER)
        _answer(child, "Verbeterpunt 1", "Vaker delegeren" + ENTER)
        _answer(child, "Hoe pak je het aan?", "Elke dienst één taak overdragen" + ENTER)
        _answer(child, "Hoe toon je het aan?", ENTER)
        _answer(child, "Verbeterpunt 2", ENTER)
        # counts in words: one improvement point, several courses
        child.expect_exact(
            "Het plan: 15 activiteiten, 14/14 onderwerpen gedekt, 2 cursussen, 1 verbeterpunt."
        )
        _answer(child, "Plan schrijven naar plan.yaml?", ENTER)
        child.expect_exact("Plan geschreven: plan.yaml")
        child.expect_exact("Dekking: 14/14")
        assert _finish(child) == 0
    finally:
        child.close(force=True)

    fw = load_framework()
    checked = check_file(tmp_path / "plan.yaml", fw, TODAY)
    assert checked.errors == 0, checked.diagnostics
    plan = checked.plan
    assert plan is not None
    assert plan.aios.name == "Anne Test" and plan.aios.specialty == "Neurologie"
    assert plan.aios.institution is None and plan.aios.supervisor == "dr. J. Jansen"
    assert plan.training.start == dt.date(2025, 9, 1) and plan.training.years == 4.5
    assert covered(coverage(plan, fw)) == 14
    assert len(plan.activities) == 15
    titles = [a.title for a in plan.activities if a.topic == "overlegmomenten"]
    assert titles == ["Voorzitten overdracht", "Voorzitten MDO"]
    assert [a.year for a in plan.activities if a.title == moved] == [2]
    assert {c.course for c in plan.courses} == {"coach-the-co", "doo-teamwork"}
    assert [(p.point, p.how, p.evidence) for p in plan.improvement_points] == [
        ("Vaker delegeren", "Elke dienst één taak overdragen", None)
    ]
    assert (tmp_path / "mlplan-plan.schema.json").is_file()


def test_own_activity(tmp_path: Path) -> None:
    child = _spawn(tmp_path, "--start", "2025-09-01", "--years", "5")
    try:
        _details(child, "Bram Eigen")
        _answer(child, "Startdatum van de opleiding", ENTER)  # the default from --start
        _answer(child, "Duur van de opleiding in jaren", ENTER)
        _answer(child, "Werk je in deeltijd?", ENTER)  # 100: full time
        # "✎ Eigen activiteit typen…" sits just above "← terug": up, up
        _answer(child, f"Activiteiten voor {TOPICS[0]}", UP + UP + SPACE + ENTER)
        _answer(
            child, f"Eigen activiteit voor {TOPICS[0]}", "Leiden van de ochtendoverdracht" + ENTER
        )
        _answer(child, "In welke fase van de leercurve", DOWN + DOWN + ENTER)  # midden
        _answer(child, f"Nog een eigen activiteit voor {TOPICS[0]}", ENTER)
        for title in TOPICS[1:]:
            _answer(child, f"Activiteiten voor {title}", ENTER)
        _answer(child, "Jaren akkoord?", ENTER)
        _answer(child, "Welke cursussen komen in het plan?", ENTER)
        _answer(child, "Verbeterpunten nu invullen?", ENTER)  # no, later
        _answer(child, "Plan schrijven naar plan.yaml?", ENTER)
        child.expect_exact("Plan geschreven: plan.yaml")
        assert _finish(child) == 0
    finally:
        child.close(force=True)

    text = (tmp_path / "plan.yaml").read_text(encoding="utf-8")
    assert re.search(
        r"- topic: overlegmomenten\n    title: Leiden van de ochtendoverdracht\n"
        r"    year: 3\n    phase: midden\n",
        text,
    ), text
    plan = check_file(tmp_path / "plan.yaml", load_framework(), TODAY).plan
    assert plan is not None and plan.improvement_points == []


def test_ctrl_c_before_any_answer_is_kept_writes_nothing(tmp_path: Path) -> None:
    child = _spawn(tmp_path)
    try:
        _answer(child, "Naam van de aios:", CTRL_C)
        child.expect_exact("Afgebroken; er is niets geschreven.")
        assert _finish(child) == 130
    finally:
        child.close(force=True)
    assert list(tmp_path.iterdir()) == []


def test_ctrl_c_keeps_the_answers_and_says_how_to_go_on(tmp_path: Path) -> None:
    child = _spawn(tmp_path)
    try:
        _expect_words(child, "tot dan bewaart mlplan je antwoorden in plan.yaml.draft")
        _details(child, "Anne Stop")
        _answer(child, "Startdatum van de opleiding", ENTER)
        _answer(child, "Duur van de opleiding in jaren", ENTER)
        _answer(child, "Werk je in deeltijd?", ENTER)  # 100: full time
        _answer(child, f"Activiteiten voor {TOPICS[0]}", SPACE + ENTER)
        _answer(child, f"Activiteiten voor {TOPICS[1]}", CTRL_C)
        child.expect_exact("Afgebroken; het plan is niet geschreven.")
        _expect_words(
            child,
            "Je antwoorden zijn bewaard in plan.yaml.draft: `mlplan init plan.yaml` gaat verder",
        )
        assert _finish(child) == 130
    finally:
        child.close(force=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.yaml.draft"]


def test_resume_after_ctrl_c_keeps_every_answer(tmp_path: Path) -> None:
    """Answer part of the wizard (details, own and extra activities, a year changed),
    Ctrl-C, run again, go on, finish: the plan holds the answers of both runs and the
    draft is gone."""
    child = _spawn(tmp_path, "--start", "2025-09-01")
    try:
        _details(child, "Anne Verder")
        _answer(child, "Startdatum van de opleiding", ENTER)
        _answer(child, "Duur van de opleiding in jaren", CLEAR + "4,5" + ENTER)
        _answer(child, "Werk je in deeltijd?", ENTER)  # 100: full time
        _answer(child, f"Activiteiten voor {TOPICS[0]}", SPACE + ENTER)  # and the ticked one
        _answer(child, f"Activiteiten voor {TOPICS[1]}", UP + UP + SPACE + ENTER)
        _answer(child, f"Eigen activiteit voor {TOPICS[1]}", "Eigen organisatieproject" + ENTER)
        _answer(child, "In welke fase van de leercurve", DOWN + DOWN + ENTER)  # midden
        _answer(child, f"Nog een eigen activiteit voor {TOPICS[1]}", ENTER)
        for title in TOPICS[2:]:
            _answer(child, f"Activiteiten voor {title}", ENTER)
        _answer(child, "Jaren akkoord?", DOWN + ENTER)
        child.expect(r"Jaar voor '([^']+)'")
        moved = child.match.group(1)
        child.send(DOWN + ENTER)
        _answer(child, "Jaren akkoord?", CTRL_C)
        child.expect_exact("Je antwoorden zijn bewaard in plan.yaml.draft")
        assert _finish(child) == 130
    finally:
        child.close(force=True)
    assert not (tmp_path / "plan.yaml").exists()

    child = _spawn(tmp_path)
    try:
        _expect_words(
            child,
            "plan.yaml.draft bevat de antwoorden van een onderbroken wizard "
            "(Anne Verder, gestopt bij de opleidingsjaren).",
        )
        _answer(child, "Verder met die antwoorden?", ENTER)
        child.expect_exact("verder bij de opleidingsjaren")
        # back to the last topic: its answer is there
        _answer(child, "Jaren akkoord?", UP + ENTER)
        _answer(child, f"Activiteiten voor {TOPICS[-1]}", ENTER)
        _answer(child, "Jaren akkoord?", ENTER)
        _answer(child, "Welke cursussen komen in het plan?", ENTER)
        _answer(child, "Verbeterpunten nu invullen?", ENTER)
        child.expect_exact("Het plan: 16 activiteiten, 14/14 onderwerpen gedekt")
        _answer(child, "Plan schrijven naar plan.yaml?", ENTER)
        child.expect_exact("Plan geschreven: plan.yaml")
        child.expect_exact("Controle: 0 fouten, 0 waarschuwingen")
        assert _finish(child) == 0
    finally:
        child.close(force=True)

    assert not (tmp_path / "plan.yaml.draft").exists()
    checked = check_file(tmp_path / "plan.yaml", load_framework(), TODAY)
    assert checked.diagnostics == []
    plan = checked.plan
    assert plan is not None
    assert plan.aios.name == "Anne Verder" and plan.aios.supervisor == "dr. J. Jansen"
    assert plan.training.start == dt.date(2025, 9, 1) and plan.training.years == 4.5
    assert [a.title for a in plan.activities if a.topic == "overlegmomenten"] == [
        "Voorzitten overdracht",
        "Voorzitten MDO",
    ]
    own = [a for a in plan.activities if a.title == "Eigen organisatieproject"]
    assert len(own) == 1 and own[0].phase == "midden"
    assert [a.year for a in plan.activities if a.title == moved] == [2]


def test_start_again_and_an_unreadable_draft(tmp_path: Path) -> None:
    draft = tmp_path / "plan.yaml.draft"
    draft.write_text("geen concept\n", encoding="utf-8")
    child = _spawn(tmp_path)
    try:
        _expect_words(child, "plan.yaml.draft is geen leesbaar concept van mlplan")
        _details(child, "Anne Opnieuw")
        _answer(child, "Startdatum van de opleiding", ENTER)
        _answer(child, "Duur van de opleiding in jaren", ENTER)
        _answer(child, "Werk je in deeltijd?", ENTER)  # 100: full time
        _answer(child, f"Activiteiten voor {TOPICS[0]}", CTRL_C)
        assert _finish(child) == 130
    finally:
        child.close(force=True)
    child = _spawn(tmp_path)
    try:
        _expect_words(child, "(Anne Opnieuw, gestopt bij onderwerp 1 van 14)")
        _answer(child, "Verder met die antwoorden?", DOWN + ENTER)  # no, start again
        _answer(child, "Naam van de aios:", CTRL_C)  # asked afresh: empty
        child.expect_exact("Je antwoorden zijn bewaard in plan.yaml.draft")
        assert _finish(child) == 130
    finally:
        child.close(force=True)
    assert "Anne Opnieuw" in draft.read_text(encoding="utf-8")  # kept until replaced


def _check_cli(tmp_path: Path, today: dt.date = TODAY) -> str:
    """``mlplan check`` on the written plan through the installed script: its output."""
    done = subprocess.run(
        [str(Path(sys.executable).with_name("mlplan")), "check", "--today", today.isoformat(),
         "plan.yaml"],
        cwd=tmp_path, capture_output=True, text=True, timeout=30,
        env={**{k: v for k, v in os.environ.items() if not k.startswith("MLPLAN_")},
             "NO_COLOR": "1"},
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


# The last day of a full-time training, worked out by hand: the day before the start's
# anniversary after ``years`` (4.5 years from 2023-03-01: 54 months, to 2027-09-01).
@pytest.mark.parametrize(
    ("own_at", "years", "start", "last_day"),
    [
        (None, "5", TODAY, "2030-08-14"),
        (0, "5", TODAY, "2030-08-14"),
        (len(TOPICS) - 1, "5", TODAY, "2030-08-14"),
        # in year 3: years 1 and 2 are behind
        (None, "4.5", dt.date(2023, 3, 1), "2027-08-31"),
        (None, "15", TODAY, "2040-08-14"),  # more years than topics
    ],
)
def test_enter_at_every_prompt_gives_a_plan_that_passes_check(
    tmp_path: Path, own_at: int | None, years: str, start: dt.date, last_day: str
) -> None:
    """The default answer everywhere (the name comes from --name); with ``own_at`` one
    topic also gets an own activity whose phase is left at its default, "geen fase"
    (that answer used to come back as the label and crash the wizard after topic 14)."""
    child = _spawn(tmp_path, "--name", "Anne Enter", "--years", years, "--start", start.isoformat())
    try:
        for question in (*DETAILS, "Werk je in deeltijd?"):
            _answer(child, question, ENTER)
        for i, title in enumerate(TOPICS):
            if i != own_at:
                _answer(child, f"Activiteiten voor {title}", ENTER)
                continue
            # "✎ Eigen activiteit typen…" sits just above "← terug": up, up
            _answer(child, f"Activiteiten voor {title}", UP + UP + SPACE + ENTER)
            _answer(child, f"Eigen activiteit voor {title}", "Eigen leiderschapsproject" + ENTER)
            _answer(child, "In welke fase van de leercurve", ENTER)
            child.expect_exact("+ Eigen leiderschapsproject (geen fase)")
            _answer(child, f"Nog een eigen activiteit voor {title}", ENTER)
        for question in LAST_STEPS:
            _answer(child, question, ENTER)
        child.expect_exact("Plan geschreven: plan.yaml")
        child.expect_exact("Controle: 0 fouten, 0 waarschuwingen")
        assert _finish(child) == 0
    finally:
        child.close(force=True)

    assert _check_cli(tmp_path) == "Geen fouten of waarschuwingen in 1 bestand.\n"
    checked = check_file(tmp_path / "plan.yaml", load_framework(), TODAY)
    assert checked.diagnostics == []
    plan = checked.plan
    assert plan is not None and plan.aios.name == "Anne Enter"
    assert plan.training.start == start and plan.training.years == float(years)
    # Enter at "Werk je in deeltijd?" keeps 100: full time, nothing about it in the file
    assert plan.training.part_time == []
    assert "part_time" not in (tmp_path / "plan.yaml").read_text(encoding="utf-8")
    assert plan.training.calendar().end == dt.date.fromisoformat(last_day)
    first = 3 if start < TODAY else 1
    assert {a.year for a in plan.activities} == set(range(first, math.ceil(float(years)) + 1))
    extra = max(0, math.ceil(float(years)) - first + 1 - len(TOPICS))
    assert len(plan.activities) == len(TOPICS) + extra + (own_at is not None)
    own = [a for a in plan.activities if a.title == "Eigen leiderschapsproject"]
    if own_at is not None:
        assert len(own) == 1 and own[0].phase is None  # no phase: none in the plan


def test_a_training_already_over_is_asked_again(tmp_path: Path) -> None:
    child = _spawn(tmp_path, "--name", "Anne Klaar")
    try:
        for question in (
            "Naam van de aios:",
            "Specialisme (optioneel):",
            "Opleidingsinstelling (optioneel):",
            "Opleider (optioneel):",
        ):
            _answer(child, question, ENTER)
        _answer(child, "Startdatum van de opleiding", CLEAR + "2019-09-01" + ENTER)
        _answer(child, "Duur van de opleiding in jaren", ENTER)
        _answer(child, "Werk je in deeltijd?", ENTER)  # 100: full time
        _expect_words(child, "Die opleiding is op 2024-08-31 afgelopen, vóór vandaag (2025-08-15)")
        _answer(child, "Startdatum van de opleiding", CLEAR + "2021-09-01" + ENTER)
        _answer(child, "Duur van de opleiding in jaren", ENTER)
        _answer(child, "Werk je in deeltijd?", ENTER)  # 100: full time
        _expect_words(child, "De jaren vóór jaar 4 liggen achter je")
        _answer(child, f"Activiteiten voor {TOPICS[0]}", CTRL_C)
        assert _finish(child) == 130
    finally:
        child.close(force=True)


def _enter_through_topics(child: pexpect.spawn) -> None:
    for title in TOPICS:
        _answer(child, f"Activiteiten voor {title}", ENTER)
    for question in LAST_STEPS:
        _answer(child, question, ENTER)


def test_part_time_80_from_the_start(tmp_path: Path) -> None:
    """80 % from the start (the default of "sinds wanneer"), worked out by hand: 5
    full-time years from 2025-09-01 are 1826 days (to 2030-09-01, with 29 Feb 2028); at
    80 % they take 1826 / 0.8 = 2282.5, so 2283 days: 2025-09-01 + 2191 days is
    2031-09-01, + 92 more (Sep 30, Oct 31, Nov 30, then 1) is 2031-12-02, the first day
    after the training. Year 2 starts after 365 / 0.8 = 456.25, so 457 days: 2026-09-01
    + 92 = 2026-12-02."""
    child = _spawn(tmp_path, "--name", "Anne Deeltijd", "--start", "2025-09-01")
    try:
        for question in DETAILS:
            _answer(child, question, ENTER)
        # a percent outside 50-100 is asked again
        _answer(child, "Werk je in deeltijd?", CLEAR + "120" + ENTER)
        child.expect_exact("Geen geldig percentage")
        child.send(CLEAR + "80" + ENTER)
        _answer(child, "Sinds wanneer werk je 80 %", ENTER)  # the start
        _expect_words(child, "Opleiding tot en met 2031-12-01 (80 % deeltijd vanaf 2025-09-01)")
        _enter_through_topics(child)
        child.expect_exact("Plan geschreven: plan.yaml")
        child.expect_exact("Controle: 0 fouten, 0 waarschuwingen")
        assert _finish(child) == 0
    finally:
        child.close(force=True)

    assert _check_cli(tmp_path) == "Geen fouten of waarschuwingen in 1 bestand.\n"
    text = (tmp_path / "plan.yaml").read_text(encoding="utf-8")
    assert "  years: 5\n  part_time:\n    - from: 2025-09-01\n      percent: 80\n" in text
    plan = check_file(tmp_path / "plan.yaml", load_framework(), TODAY).plan
    assert plan is not None
    cal = plan.training.calendar()
    assert cal.end == dt.date(2031, 12, 1)
    assert cal.training_years()[1].start == dt.date(2026, 12, 2)
    assert {a.year for a in plan.activities} == {1, 2, 3, 4, 5}


def test_part_time_since_a_later_day_moves_the_current_year(tmp_path: Path) -> None:
    """A training in progress, 80 % since its second year, by hand: year 1 is full time,
    2023-09-01 .. 2024-08-31 (366 days). Year 2's 365 full-time days at 80 % take 457
    days, from 2024-09-01 to 2025-12-01: on 2025-08-15 (today) the aios is still in year
    2 (full time it would be year 2 as well, but only until 2025-08-31), so the proposal
    plans from year 2. The 5 full-time years are 1827 days (two leap days); 1461 remain
    after year 1, at 80 % 1826.25, so 1827 days from 2024-09-01 (2029-09-01 is + 1826):
    the last day is 2029-09-01."""
    child = _spawn(tmp_path, "--name", "Bram Later", "--start", "2023-09-01")
    try:
        for question in DETAILS:
            _answer(child, question, ENTER)
        _answer(child, "Werk je in deeltijd?", CLEAR + "80 %" + ENTER)
        # before the start is refused: no training time accrues then
        _answer(child, "Sinds wanneer werk je 80 %", CLEAR + "2023-01-01" + ENTER)
        child.expect_exact("vóór de start van de opleiding")
        child.send(CLEAR + "2024-09-01" + ENTER)
        _expect_words(child, "Opleiding tot en met 2029-09-01 (80 % deeltijd vanaf 2024-09-01)")
        _expect_words(child, "De jaren vóór jaar 2 liggen achter je")
        _enter_through_topics(child)
        child.expect_exact("Controle: 0 fouten, 0 waarschuwingen")
        assert _finish(child) == 0
    finally:
        child.close(force=True)

    assert _check_cli(tmp_path) == "Geen fouten of waarschuwingen in 1 bestand.\n"
    plan = check_file(tmp_path / "plan.yaml", load_framework(), TODAY).plan
    assert plan is not None
    assert [(p.start, p.end, p.percent) for p in plan.training.part_time] == [
        (dt.date(2024, 9, 1), None, 80)
    ]
    cal = plan.training.calendar()
    assert cal.end == dt.date(2029, 9, 1)
    assert cal.training_years()[1].end == dt.date(2025, 12, 1)
    assert {a.year for a in plan.activities} == {2, 3, 4, 5}
