"""``mlplan training`` end to end: part-time periods, interruptions, the full-time years.

The plans start on 2025-01-01 and last 3 full-time years, as in tests/test_part_time.py,
whose hand-worked dates these tests rely on: full time the last day is 2027-12-31; at
80 % from the start it is 2028-09-30 (1095 / 0.8 = 1368.75, so 1369 days: 2028-01-01 +
274 = 2028-10-01 is the first day after it); with the interruption 2025-07-01 ..
2025-12-31 as well, 2029-04-02. Other dates are worked out where they are used.
"""

from __future__ import annotations

import datetime as dt
import re
import shlex
from collections.abc import Callable
from pathlib import Path

import pytest

from mlplan.domain.checking import check_file
from mlplan.io.loading import load_framework
from tests.conftest import EXAMPLE_PLAN, Result
from tests.test_edit_cmd import changed

Run = Callable[..., Result]
TODAY = ("--today", "2025-06-01")
POSITION = re.compile(r"\S+:\d+:\d+:")  # a file:line:column of a finding

# a plan as people write them: comments everywhere, one inside the training mapping
COMMENTED = """\
# Plan van Test Aios, bijgehouden door mij
version: 1
aios:
  name: Test Aios  # zoals in het portfolio
training:
  # de opleiding zelf
  start: 2025-01-01  # eerste werkdag
  years: 3           # bij voltijd
  # (deeltijd volgt)

activities:
  # jaar 1
  - topic: overlegmomenten
    title: Voorzitten overdracht
    year: 1
  # jaar 3
  - topic: organisatie
    title: Organiseren onderwijs, symposium
    year: 3
"""


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    return path


def test_part_time_then_an_interruption_keep_every_comment(run: Run, plan: Path) -> None:
    r = run("training", str(plan), "--part-time", "80", "--from", "2025-01-01", *TODAY)
    assert r.exit_code == 0, r.stderr
    assert r.stdout == (
        f"{plan}: deeltijdperiode 1 vastgelegd: 80 % vanaf 2025-01-01. Einddatum van de "
        f"opleiding: 2028-09-30 (was 2027-12-31). Vorige versie: {plan}.bak\n"
    )
    assert (plan.parent / "plan.yaml.bak").read_text(encoding="utf-8") == COMMENTED
    after_part_time = plan.read_text(encoding="utf-8")
    # only added lines: every comment, blank line and value stays where it was
    assert changed(COMMENTED, after_part_time) == [
        "@@ -8,0 +9,3 @@",
        "+  part_time:",
        "+    - from: 2025-01-01",
        "+      percent: 80",
    ]

    r = run(
        "training", str(plan), "--interruption", "zwangerschap",
        "--from", "2025-07-01", "--to", "2025-12-31", "--notes", "verlof na de bevalling",
        *TODAY,
    )  # fmt: skip
    assert r.exit_code == 0, r.stderr
    assert (
        "onderbreking 1 vastgelegd: 2025-07-01 t/m 2025-12-31 (zwangerschap). Einddatum van "
        "de opleiding: 2029-04-02 (was 2028-09-30)."
    ) in r.stdout
    assert (plan.parent / "plan.yaml.bak").read_text(encoding="utf-8") == after_part_time
    assert changed(after_part_time, plan.read_text(encoding="utf-8")) == [
        "@@ -11,0 +12,5 @@",
        "+  interruptions:",
        "+    - from: 2025-07-01",
        "+      to: 2025-12-31",
        "+      reason: zwangerschap",
        "+      notes: verlof na de bevalling",
    ]
    checked = check_file(plan, load_framework(), dt.date(2025, 6, 1))
    assert checked.plan is not None
    assert checked.plan.training.calendar().end.isoformat() == "2029-04-02"


def test_full_time_again_ends_the_running_period(run: Run, plan: Path) -> None:
    """80 % in 2025 with no training time from July: 80 * 181 = 14480 percent-days by
    2026-01-01; then full time, 109500 - 14480 = 95020, so 951 days: 2026-01-01 + 730 =
    2028-01-01, + 221 (leap year: Aug 1 is + 213) = 2028-08-09, the first day after."""
    for args in (
        ["--part-time", "80", "--from", "2025-01-01"],
        ["--interruption", "zwangerschap", "--from", "2025-07-01", "--to", "2025-12-31"],
    ):
        assert run("training", str(plan), *args, *TODAY).exit_code == 0
    before = plan.read_text(encoding="utf-8")
    r = run("training", str(plan), "--part-time", "100", "--from", "2026-01-01", *TODAY)
    assert r.exit_code == 0, r.stderr
    assert (
        "deeltijdperiode 2 vastgelegd: 100 % vanaf 2026-01-01. Deeltijdperiode 1 loopt nu tot "
        "en met 2025-12-31. Einddatum van de opleiding: 2028-08-08 (was 2029-04-02)."
    ) in r.stdout
    assert changed(before, plan.read_text(encoding="utf-8")) == [
        "@@ -10,0 +11 @@",
        "+      to: 2025-12-31",
        "@@ -11,0 +13,2 @@",
        "+    - from: 2026-01-01",
        "+      percent: 100",
    ]


def test_dry_run_shows_the_change_and_writes_nothing(run: Run, plan: Path) -> None:
    r = run("training", str(plan), "--part-time", "80", "--from", "2025-01-01", "--dry-run", *TODAY)
    assert r.exit_code == 0, r.stderr
    assert plan.read_text(encoding="utf-8") == COMMENTED
    assert not (plan.parent / "plan.yaml.bak").exists()
    assert not list(plan.parent.glob("*.lock"))
    assert "+  part_time:\n+    - from: 2025-01-01\n+      percent: 80\n" in r.stdout
    assert " # (deeltijd volgt)" in r.stdout  # the diff's context: the comment stays
    assert r.stderr == (
        "Proefdraai: er is niets geschreven. Zonder --dry-run: "
        f"{plan}: deeltijdperiode 1 vastgelegd: 80 % vanaf 2025-01-01. Einddatum van de "
        "opleiding: 2028-09-30 (was 2027-12-31).\n"
    )


@pytest.mark.parametrize("percent", ["120", "49", "0", "80.5", "0,8", "tachtig", "", "-80"])
def test_a_bad_percent_is_a_usage_error(run: Run, plan: Path, percent: str) -> None:
    r = run("training", str(plan), "--part-time", percent, "--from", "2025-01-01", *TODAY)
    assert r.exit_code == 2
    assert (
        f"--part-time: '{percent}' is geen deeltijdpercentage; geef een heel getal van 50 t/m "
        "100 (100 is voltijd), bijvoorbeeld 80"
    ) in r.stderr
    assert not POSITION.search(r.stderr)  # about the command line, not a place in the file
    assert plan.read_text(encoding="utf-8") == COMMENTED


@pytest.mark.parametrize("percent", ["50", "100", "80%", " 80 % "])
def test_percents_as_people_type_them(run: Run, plan: Path, percent: str) -> None:
    r = run("training", str(plan), "--part-time", percent, "--from", "2025-01-01", *TODAY)
    assert r.exit_code == 0, r.stderr
    assert f"      percent: {percent.strip(' %')}\n" in plan.read_text(encoding="utf-8")


def _with_periods(plan: Path) -> str:
    text = COMMENTED.replace(
        "  # (deeltijd volgt)\n",
        "  part_time:\n"
        "    - from: 2025-01-01\n"
        "      to: 2025-12-31  # het eerste jaar\n"
        "      percent: 80\n"
        "  interruptions:\n"
        "    - from: 2026-03-01\n"
        "      to: 2026-04-30\n"
        "      reason: ziekte\n"
        "      notes: knie\n",
    )
    plan.write_text(text, encoding="utf-8")
    return text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--part-time", "60", "--from", "2025-06-01", "--to", "2025-08-31"],
            "ML002 deeltijdperiode nr. 2 overlapt met nr. 1",
        ),
        (
            ["--part-time", "60", "--from", "2024-06-01"],  # open-ended: over the other
            "ML002 deeltijdperiode nr. 2 overlapt met nr. 1",
        ),
        (
            ["--interruption", "verlof", "--from", "2026-04-30", "--to", "2026-05-31"],
            "ML002 onderbreking nr. 2 overlapt met nr. 1",
        ),
    ],
)
def test_an_overlapping_period_is_refused_at_its_line(
    run: Run, plan: Path, args: list[str], message: str
) -> None:
    text = _with_periods(plan)
    r = run("training", str(plan), *args, *TODAY)
    assert r.exit_code == 1
    assert re.search(rf"{re.escape(str(plan))}:\d+:\d+: {message}", r.stderr), r.stderr
    assert "de wijziging zou nieuwe fouten geven (zie boven); er is niets geschreven." in r.stderr
    assert plan.read_text(encoding="utf-8") == text
    assert not (plan.parent / "plan.yaml.bak").exists()


def test_the_same_first_day_changes_that_period_and_keeps_the_rest(run: Run, plan: Path) -> None:
    text = _with_periods(plan)
    r = run("training", str(plan), "--part-time", "60", "--from", "2025-01-01", *TODAY)
    assert r.exit_code == 0, r.stderr
    assert (
        "deeltijdperiode 1 gewijzigd: 80 % van 2025-01-01 t/m 2025-12-31 → 60 % van "
        "2025-01-01 t/m 2025-12-31."
    ) in r.stdout
    after = plan.read_text(encoding="utf-8")
    assert changed(text, after) == ["@@ -12 +12 @@", "-      percent: 80", "+      percent: 60"]
    # a longer illness: the end moves, the notes stay
    r = run(
        "training", str(plan), "--interruption", "illness", "--from", "2026-03-01",
        "--to", "2026-05-31", *TODAY,
    )  # fmt: skip
    assert r.exit_code == 0, r.stderr
    assert (
        "onderbreking 1 gewijzigd: 2026-03-01 t/m 2026-04-30 (ziekte) → 2026-03-01 t/m "
        "2026-05-31 (ziekte)."
    ) in r.stdout
    assert changed(after, plan.read_text(encoding="utf-8")) == [
        "@@ -15 +15 @@",
        "-      to: 2026-04-30",
        "+      to: 2026-05-31",
    ]


def test_remove_a_period_and_the_last_one_takes_its_key(run: Run, plan: Path) -> None:
    text = _with_periods(plan)
    r = run("training", str(plan), "--remove-interruption", "2026-03-01", *TODAY)
    assert r.exit_code == 0, r.stderr
    assert "onderbreking 1 weggehaald: 2026-03-01 t/m 2026-04-30 (ziekte)." in r.stdout
    # 80 % in 2025 only: 292 days accrued by 2026-01-01, then 803 more at full time:
    # 2026-01-01 + 730 = 2028-01-01, + 73 (Jan 31, Feb 29) = 2028-03-14, the first day after
    assert "Einddatum van de opleiding: 2028-03-13 (was 2028-05-13)." in r.stdout
    assert changed(text, plan.read_text(encoding="utf-8")) == [
        "@@ -13,5 +12,0 @@",
        "-  interruptions:",
        "-    - from: 2026-03-01",
        "-      to: 2026-04-30",
        "-      reason: ziekte",
        "-      notes: knie",
    ]
    r = run("training", str(plan), "--remove-interruption", "2026-03-01", *TODAY)
    assert r.exit_code == 2
    assert f"{plan} heeft geen onderbreking die op 2026-03-01 begint" in r.stderr
    r = run("training", str(plan), "--remove-part-time", "2025-01-01", *TODAY)
    assert r.exit_code == 0, r.stderr
    assert "Einddatum van de opleiding: 2027-12-31 (was 2028-03-13)." in r.stdout
    # back to the plan before the periods (whose test text took that comment's place)
    assert plan.read_text(encoding="utf-8") == COMMENTED.replace("  # (deeltijd volgt)\n", "")


def test_remove_one_of_several_keeps_the_others(run: Run, plan: Path) -> None:
    for args in (
        ["--part-time", "80", "--from", "2025-01-01", "--to", "2025-06-30"],
        ["--part-time", "60", "--from", "2025-07-01", "--to", "2025-12-31"],
        ["--part-time", "90", "--from", "2026-01-01"],
    ):
        assert run("training", str(plan), *args, *TODAY).exit_code == 0
    r = run("training", str(plan), "--remove-part-time", "2025-07-01", *TODAY)
    assert r.exit_code == 0, r.stderr
    assert "deeltijdperiode 2 weggehaald: 60 % van 2025-07-01 t/m 2025-12-31." in r.stdout
    plan_ = check_file(plan, load_framework(), dt.date(2025, 6, 1)).plan
    assert plan_ is not None
    assert [p.percent for p in plan_.training.part_time] == [80, 90]


def test_years_refused_where_an_activity_would_fall_outside(run: Run, plan: Path) -> None:
    r = run("training", str(plan), "--years", "2", *TODAY)
    assert r.exit_code == 2
    assert (
        f"{plan}: met --years 2 heeft de opleiding 2 jaar, maar activiteit 2 staat in jaar 3; "
        "verplaats die eerst (mlplan move)"
    ) in r.stderr
    assert plan.read_text(encoding="utf-8") == COMMENTED


def test_years_a_shortened_training(run: Run, plan: Path) -> None:
    # 2.5 full-time years from 2025-01-01: 30 months, to 2027-07-01
    r = run("training", str(plan), "--years", "2,5", *TODAY)
    assert r.exit_code == 0, r.stderr
    assert (
        f"{plan}: duur bij voltijd 3 → 2.5 jaar. Einddatum van de opleiding: 2027-06-30 "
        "(was 2027-12-31)."
    ) in r.stdout
    assert changed(COMMENTED, plan.read_text(encoding="utf-8")) == [
        "@@ -8 +8 @@",
        "-  years: 3           # bij voltijd",
        "+  years: 2.5           # bij voltijd",
    ]


def test_without_options_it_shows_the_calendar(run: Run, plan: Path) -> None:
    assert run("training", str(plan), "--part-time", "80", "--from", "2025-01-01").exit_code == 0
    r = run("training", str(plan), "--today", "2026-05-01")
    assert r.exit_code == 0, r.stderr
    # year 2 from 2026-04-03, year 3 from 2027-07-03 (tests/test_part_time.py)
    assert r.stdout == (
        f"{plan}: opleiding vanaf 2025-01-01, 3 jaar bij voltijd.\n"
        "  80 % vanaf 2025-01-01 · einddatum 2028-09-30 (80 % deeltijd)\n"
        "  jaar 1: 2025-01-01 t/m 2026-04-02 (begin)\n"
        "  jaar 2: 2026-04-03 t/m 2027-07-02 (midden) ← nu\n"
        "  jaar 3: 2027-07-03 t/m 2028-09-30 (eind)\n"
    )
    assert not (plan.parent / "plan.yaml.lock").exists()


def test_english(run: Run, plan: Path) -> None:
    r = run(
        "--lang", "en", "training", str(plan), "--interruption", "research",
        "--from", "2025-07-01", "--to", "2025-12-31", *TODAY,
    )  # fmt: skip
    assert r.exit_code == 0, r.stderr
    # 184 days without training time: 2027-12-31 + 184 = 2028-07-02 (tests/test_part_time.py)
    assert (
        "interruption 1 recorded: 2025-07-01 to 2025-12-31 (research). End of the training: "
        "2028-07-02 (was 2027-12-31). Previous version:"
    ) in r.stdout
    assert "      reason: onderzoek\n" in plan.read_text(encoding="utf-8")
    r = run("--lang", "en", "training", str(plan), "--interruption", "flu", "--from", "2025-01-01")
    assert r.exit_code == 2
    assert r.stderr == (
        "error: --interruption: 'flu' is not possible; choose from pregnancy, illness, leave,"
        " research, other (or zwangerschap, ziekte, verlof, onderzoek, overig)\n"
        "See 'mlplan training --help'.\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2025-01-01"], "--from hoort bij een wijziging (--part-time of --interruption)"),
        (["--dry-run"], "--dry-run hoort bij een wijziging"),
        (["--part-time", "80"], "--part-time heeft --from nodig"),
        (["--interruption", "ziekte", "--from", "2025-01-01"], "--interruption heeft --to nodig"),
        (
            ["--part-time", "80", "--from", "2025-05-01", "--to", "2025-04-30"],
            "--to 2025-04-30 ligt vóór --from 2025-05-01",
        ),
        (
            ["--part-time", "80", "--from", "2025-01-01", "--notes", "x"],
            "--notes hoort niet bij --part-time",
        ),
        (["--years", "3", "--part-time", "80"], "één wijziging per keer: kies één van --part-time, --years"),
        (["--part-time", "80", "--from", "1-1-2025"], "--from: '1-1-2025' is geen datum"),
        (["--remove-part-time", "morgen"], "--remove-part-time: 'morgen' is geen datum"),
        (["--interruption", "griep", "--from", "2025-01-01", "--to", "2025-01-05"],
         "'griep' kan niet; kies uit zwangerschap, ziekte, verlof, onderzoek, overig"),
        (["--years", "16"], "--years: '16' is geen geldige duur"),
    ],
)  # fmt: skip
def test_usage_errors(run: Run, plan: Path, args: list[str], message: str) -> None:
    r = run("training", str(plan), *args, *TODAY)
    assert r.exit_code == 2
    assert message in r.stderr
    assert plan.read_text(encoding="utf-8") == COMMENTED


def test_a_training_in_flow_style_is_refused_with_the_yaml_to_paste(run: Run, plan: Path) -> None:
    text = COMMENTED.replace(
        "training:\n  # de opleiding zelf\n  start: 2025-01-01  # eerste werkdag\n"
        "  years: 3           # bij voltijd\n",
        "training: {start: 2025-01-01, years: 3}\n",
    )
    plan.write_text(text, encoding="utf-8")
    r = run("training", str(plan), "--part-time", "80", "--from", "2025-01-01", *TODAY)
    assert r.exit_code == 1
    assert "training staat in flow-stijl" in r.stderr
    assert r.stdout == "part_time:\n  - from: 2025-01-01\n    percent: 80\n"
    assert plan.read_text(encoding="utf-8") == text


def test_a_period_in_flow_style_is_named_where_to_paste_its_replacement(
    run: Run, tmp_path: Path
) -> None:
    plan = tmp_path / "plan.yaml"
    text = (
        "version: 1\naios: {name: A}\ntraining:\n  start: 2025-09-01\n  years: 5\n"
        "  part_time:\n    - {from: 2026-01-01, percent: 90}\n"
    )
    plan.write_text(text, encoding="utf-8")
    r = run("training", str(plan), "--part-time", "80", "--from", "2026-03-01", *TODAY)
    assert r.exit_code == 1
    assert "Vervang training.part_time[1] in het plan zelf door dit" in r.stderr, r.stderr
    assert plan.read_text(encoding="utf-8") == text


def test_crlf_and_a_byte_order_mark_stay(run: Run, plan: Path) -> None:
    raw = ("\ufeff" + COMMENTED).replace("\n", "\r\n").encode("utf-8")
    plan.write_bytes(raw)
    r = run("training", str(plan), "--part-time", "80", "--from", "2025-01-01", *TODAY)
    assert r.exit_code == 0, r.stderr
    new = plan.read_bytes()
    assert new.startswith(b"\xef\xbb\xbf") and b"\n" not in new.replace(b"\r\n", b"")
    assert b"  part_time:\r\n    - from: 2025-01-01\r\n      percent: 80\r\n" in new


def test_the_example_in_docs_editing_is_what_mlplan_says(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/editing.md shows three commands on the example plan and their output."""
    doc = (Path(__file__).resolve().parents[1] / "docs" / "editing.md").read_text("utf-8")
    section = doc[doc.index("## Part-time work, interruptions") :]
    start = section.index("```console\n") + len("```console\n")
    console = section[start : section.index("\n```", start)]
    lines = console.splitlines()
    assert len(lines) == 6
    monkeypatch.chdir(tmp_path)
    Path("plan.yaml").write_bytes(EXAMPLE_PLAN.read_bytes())
    for command, said in zip(lines[::2], lines[1::2], strict=True):
        assert command.startswith("$ mlplan training ")
        r = run(*shlex.split(command)[2:], "--today", "2026-11-22")
        assert r.exit_code == 0, r.stderr
        assert r.stdout == said + "\n"
