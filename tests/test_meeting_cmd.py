"""``mlplan meeting`` end to end: new agreements with owner and due date, the outcomes of the
previous meeting's agreements (options or questions on a terminal), carried-over agreements
opening again, and the edit guarantees (only those lines, comments, .bak, --dry-run)."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

from mlplan.render import output
from tests.conftest import EXAMPLE_PLAN, Result
from tests.test_edit_cmd import changed

Run = Callable[..., Result]
TODAY = "2026-11-22"
MEETING = ("--date", TODAY, "--kind", "voortgang", "--today", TODAY)
# the example plan's last meeting (2026-07-01) and its three agreements, in the text form
PREVIOUS_LINE = EXAMPLE_PLAN.read_text(encoding="utf-8").splitlines().index("  - date: 2026-07-01")


def meeting(run: Run, plan: Path, *args: str) -> Result:
    return run("meeting", str(plan), *MEETING, *args)


def test_new_agreements_with_owner_and_due_the_plain_form_kept(
    run: Run, example_plan: Path
) -> None:
    original = example_plan.read_text(encoding="utf-8")
    r = meeting(
        run, example_plan,
        "--agreement", "Symposium voorbereiden", "--owner", "Aios", "--due", "2027-03-01",
        "--agreement", "Meer sporten",
        "--agreement", "Terugkoppeling geven", "--due", "2027-01-15", "--owner", "dr. J. Jansen",
    )  # fmt: skip
    assert r.exit_code == 0, r.stderr
    assert "gesprek (voortgang) op 2026-11-22 vastgelegd, 3 afspraken." in r.stdout
    assert changed(original, example_plan.read_text(encoding="utf-8")) == [
        "@@ -132,0 +133,10 @@",
        "+  - date: 2026-11-22",
        "+    kind: voortgang",
        "+    agreements:",
        "+      - text: Symposium voorbereiden",
        "+        owner: aios",  # a role as the plan writes it
        "+        due: 2027-03-01",
        "+      - Meer sporten",  # no follow-up: the text form, as before
        "+      - text: Terugkoppeling geven",
        "+        owner: dr. J. Jansen",
        "+        due: 2027-01-15",
    ]
    assert run("check", str(example_plan), "--today", TODAY, "--strict").exit_code == 0


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("--owner", "aios", "--agreement", "x"), "--owner hoort bij een afspraak"),
        (
            ("--agreement", "x", "--due", "2027-01-01", "--due", "2027-02-01"),
            "--due staat twee keer",
        ),
        (("--agreement", "x", "--due", "2027-02-30"), "--due"),
        (("--agreement", "x", "--owner", "  "), "--owner mag niet leeg zijn"),
    ],
)
def test_owner_and_due_belong_to_the_agreement_before_them(
    run: Run, example_plan: Path, args: tuple[str, ...], said: str
) -> None:
    original = example_plan.read_text(encoding="utf-8")
    r = meeting(run, example_plan, *args)
    assert r.exit_code == 2 and said in r.stderr, r.stderr
    assert example_plan.read_text(encoding="utf-8") == original


def test_outcomes_of_the_previous_meeting_and_a_carried_over_agreement(
    run: Run, example_plan: Path
) -> None:
    text = example_plan.read_text(encoding="utf-8").replace(
        "      - DOO leiderschap inplannen\n",
        "      - DOO leiderschap inplannen  # samen met de opleider\n",
    )
    example_plan.write_text(text, encoding="utf-8")
    r = meeting(
        run, example_plan, "--outcome", "1=achieved", "--outcome", "2=doorgeschoven",
        "--outcome", "3=niet behaald", "--agreement", "Nieuw", "--owner", "opleider",
        "--due", "2027-02-01",
    )  # fmt: skip
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith(
        f"{example_plan}: gesprek (voortgang) op 2026-11-22 vastgelegd, 2 afspraken. Van het "
        "gesprek van 2026-07-01: 3 uitkomsten vastgelegd, 1 doorgeschoven. Vorige versie: "
    )
    assert (example_plan.parent / "plan.yaml.bak").read_text(encoding="utf-8") == text
    line = PREVIOUS_LINE + 5  # the 1-based line of that meeting's first agreement
    assert changed(text, example_plan.read_text(encoding="utf-8")) == [
        f"@@ -{line},3 +{line},13 @@",  # the new meeting follows right after them
        "-      - Symposium organiseren in jaar 2",
        "-      - DOO leiderschap inplannen  # samen met de opleider",
        "-      - Verslag en presentatie incidenten/complicaties voor het einde van het jaar",
        "+      - text: Symposium organiseren in jaar 2",
        "+        outcome: achieved",
        "+      - text: DOO leiderschap inplannen  # samen met de opleider",
        "+        outcome: carried_over",
        "+      - text: Verslag en presentatie incidenten/complicaties voor het einde van het jaar",
        "+        outcome: not_achieved",
        "+  - date: 2026-11-22",
        "+    kind: voortgang",
        "+    agreements:",
        "+      - DOO leiderschap inplannen",  # carried over: open again, without retyping
        "+      - text: Nieuw",
        "+        owner: opleider",
        "+        due: 2027-02-01",
    ]
    assert run("check", str(example_plan), "--today", TODAY, "--strict").exit_code == 0


PLAN_WITH_FOLLOW_UP = """\
  - date: 2026-09-15
    kind: voortgang
    agreements:
      - text: DOO leiderschap inplannen
        owner: aios
        due: 2026-11-01
        course: doo-leiderschap
      - text: Feedback geven
        owner: opleider
        due: 2027-01-15
      - {text: Plat, owner: aios}
"""


@pytest.fixture
def follow_up(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(EXAMPLE_PLAN.read_text(encoding="utf-8") + PLAN_WITH_FOLLOW_UP, "utf-8")
    return path


def test_carried_over_keeps_what_it_is_about_and_a_due_date_still_ahead(
    run: Run, follow_up: Path
) -> None:
    before = follow_up.read_text(encoding="utf-8")
    checked = run("check", str(follow_up), "--today", TODAY)
    assert " ML206 afspraak 'DOO leiderschap inplannen'" in checked.stdout  # due 2026-11-01
    r = meeting(run, follow_up, "--outcome", "1=carried_over", "--outcome", "2=carried over")
    assert r.exit_code == 0, r.stderr
    # the first one's due date lay before this meeting: it opens again without one
    assert (
        "Zonder termijn doorgeschoven (de oude lag voor dit gesprek): 'DOO leiderschap "
        "inplannen'; spreek een nieuwe af (due: JJJJ-MM-DD)." in r.stdout
    )
    last = before.count("\n")
    assert changed(before, follow_up.read_text(encoding="utf-8")) == [
        f"@@ -{last - 5},0 +{last - 4} @@",  # after its due date, before its course
        "+        outcome: carried_over",
        f"@@ -{last - 1},0 +{last + 1} @@",
        "+        outcome: carried_over",
        f"@@ -{last},0 +{last + 3},9 @@",
        "+  - date: 2026-11-22",
        "+    kind: voortgang",
        "+    agreements:",
        "+      - text: DOO leiderschap inplannen",
        "+        owner: aios",
        "+        course: doo-leiderschap",
        "+      - text: Feedback geven",
        "+        owner: opleider",
        "+        due: 2027-01-15",
    ]
    after = run("check", str(follow_up), "--today", TODAY).stdout
    assert " ML206 " not in after  # settled; its copy has no due date yet:
    assert " ML207 afspraak 'DOO leiderschap inplannen' uit het gesprek van 2026-11-22" in after


def test_a_flow_agreement_is_refused_with_what_to_paste(run: Run, follow_up: Path) -> None:
    before = follow_up.read_text(encoding="utf-8")
    r = meeting(run, follow_up, "--outcome", "3=achieved")
    assert r.exit_code == 1
    assert "staat in flow-stijl" in r.stderr
    assert "      - text: Plat\n        owner: aios\n        outcome: achieved" in r.stdout
    assert follow_up.read_text(encoding="utf-8") == before


@pytest.mark.parametrize(
    ("outcome", "said"),
    [
        ("4=achieved", "--outcome 4: het gesprek van 2026-09-15 heeft 3 afspraken: 1 'DOO "
         "leiderschap inplannen', 2 'Feedback geven', 3 'Plat'"),
        ("1=klaar", "--outcome: 'klaar' is geen uitkomst; kies uit achieved, partly, "
         "not_achieved, carried_over"),
        ("achieved", "--outcome 'achieved': schrijf N=UITKOMST"),
        ("²=achieved", "schrijf N=UITKOMST"),
    ],
)  # fmt: skip
def test_outcome_mistakes_are_usage_errors(
    run: Run, follow_up: Path, outcome: str, said: str
) -> None:
    before = follow_up.read_text(encoding="utf-8")
    r = meeting(run, follow_up, "--outcome", outcome)
    assert r.exit_code == 2 and said in r.stderr, r.stderr
    assert follow_up.read_text(encoding="utf-8") == before


def test_an_outcome_is_recorded_once(run: Run, follow_up: Path) -> None:
    r = meeting(run, follow_up, "--outcome", "2=partly", "--outcome", "2=achieved")
    assert r.exit_code == 2 and "--outcome 2 staat er twee keer" in r.stderr
    settled = follow_up.read_text(encoding="utf-8").replace(
        "        due: 2027-01-15\n", "        due: 2027-01-15\n        outcome: partly\n"
    )
    follow_up.write_text(settled, encoding="utf-8")
    r = meeting(run, follow_up, "--outcome", "2=achieved")
    assert r.exit_code == 2
    assert (
        "afspraak 2 'Feedback geven' heeft al een uitkomst (deels behaald); verander die zo "
        "nodig in het plan zelf" in r.stderr
    )
    assert follow_up.read_text(encoding="utf-8") == settled


def test_the_previous_meeting_is_the_one_before_the_date(run: Run, follow_up: Path) -> None:
    """Recording a meeting late: its previous meeting is the one before its own date."""
    r = run(
        "meeting", str(follow_up), "--date", "2026-08-01", "--kind", "voortgang",
        "--outcome", "3=achieved", "--today", TODAY, "--dry-run",
    )  # fmt: skip
    assert r.exit_code == 0, r.stderr
    assert "Van het gesprek van 2026-07-01: 1 uitkomst vastgelegd, 0 doorgeschoven." in r.stderr
    assert "+      - text: Verslag en presentatie" in r.stdout
    none = run(
        "meeting", str(follow_up), "--date", "2025-10-01", "--kind", "introductie",
        "--outcome", "1=achieved", "--today", TODAY,
    )  # fmt: skip
    assert none.exit_code == 2 and "heeft geen gesprek voor deze datum" in none.stderr


def test_dry_run_writes_nothing(run: Run, follow_up: Path) -> None:
    before = follow_up.read_text(encoding="utf-8")
    r = meeting(run, follow_up, "--outcome", "1=achieved", "--dry-run")
    assert r.exit_code == 0
    assert "+        outcome: achieved" in r.stdout and "Proefdraai" in r.stderr
    assert follow_up.read_text(encoding="utf-8") == before
    assert not (follow_up.parent / "plan.yaml.bak").exists()


def test_crlf_and_the_english_words(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_bytes(EXAMPLE_PLAN.read_text(encoding="utf-8").replace("\n", "\r\n").encode())
    r = meeting(run, path, "--outcome", "2=not achieved", "--lang", "en")
    assert r.exit_code == 0, r.stderr
    assert "Of the meeting of 2026-07-01: 1 outcome recorded, 0 carried over." in r.stdout
    data = path.read_bytes()
    assert b"      - text: DOO leiderschap inplannen\r\n        outcome: not_achieved\r\n" in data
    assert b"\n" not in data.replace(b"\r\n", b"")


# -- on a terminal: asked, not typed ----------------------------------------------------


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    """A terminal whose user types ``answers`` (one per line)."""

    def _type(answers: str) -> None:
        monkeypatch.setattr(output, "interactive", lambda: True)
        monkeypatch.setattr("sys.stdin", io.StringIO(answers))

    return _type


def test_the_open_agreements_are_asked_for(
    run: Run, follow_up: Path, terminal: Callable[[str], None]
) -> None:
    # 1: carried over with a new due date; 2 was given as an option; 3: "deels" is not a
    # word mlplan knows, then 2 (partly)
    terminal("4\n2027-04-01\ndeels\n2\n")
    r = meeting(run, follow_up, "--outcome", "2=achieved")
    assert r.exit_code == 1  # the flow agreement (3) cannot be changed: nothing is written
    assert "staat in flow-stijl" in r.stderr
    assert r.stdout.startswith(
        "Vorig gesprek (2026-09-15, voortgangsgesprek): 2 open afspraken. Wat is de uitkomst?\n"
        "Kies 1 behaald · 2 deels behaald · 3 niet behaald · 4 doorgeschoven; Enter: laat open.\n"
        "  1. DOO leiderschap inplannen (aios · uiterlijk 1 nov 2026) "
        "    Nieuwe termijn (JJJJ-MM-DD; Enter: geen): "
        "  3. Plat (aios) Kies een nummer van 1 tot en met 4, of Enter om de afspraak open te "
        "laten.\n  3. Plat (aios) "
    )
    text = follow_up.read_text(encoding="utf-8").replace(
        "      - {text: Plat, owner: aios}\n", "      - text: Plat\n        owner: aios\n"
    )
    follow_up.write_text(text, encoding="utf-8")
    terminal("4\n2027-04-01\n\n")  # 3 stays open
    r = meeting(run, follow_up, "--outcome", "2=achieved")
    assert r.exit_code == 0, r.stderr
    assert "Van het gesprek van 2026-09-15: 2 uitkomsten vastgelegd, 1 doorgeschoven." in r.stdout
    new = follow_up.read_text(encoding="utf-8")
    assert new.endswith(
        "        owner: aios\n  - date: 2026-11-22\n    kind: voortgang\n    agreements:\n"
        "      - text: DOO leiderschap inplannen\n        owner: aios\n        due: 2027-04-01\n"
        "        course: doo-leiderschap\n"
    )
    assert new.count("outcome: carried_over") == 1 and new.count("outcome: achieved") == 1


def test_no_input_and_end_of_input(
    run: Run, follow_up: Path, terminal: Callable[[str], None]
) -> None:
    before = follow_up.read_text(encoding="utf-8")
    terminal("")
    r = meeting(run, follow_up, "--no-input", "--dry-run")
    assert r.exit_code == 0 and "Vorig gesprek" not in r.stdout
    terminal("")  # Ctrl-D at the first question: stop, write nothing
    r = meeting(run, follow_up)
    assert r.exit_code == 130
    assert follow_up.read_text(encoding="utf-8") == before
