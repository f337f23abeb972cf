"""``mlplan diff``: a real git history of the example plan, read end to end through the CLI.

The history (tests/git_helpers.py), each commit on a fixed date:

- v1, 2026-07-01 18:00, tagged ``gesprek-2026-07-01``: the example plan (last meeting 1 July);
- v2, 2026-08-15: Dienstrooster year 3 -> 4; Organiseren onderwijs done on 2026-08-10 with
  evidence; Woordvoerder dropped; Voorzitten MDO removed; Eigen project added; Calling en
  Comradeship done; DOO teamwork added;
- v3, 2026-11-03 21:00: the meeting of 3 November with two agreements;
- v4, 2026-11-10: 80 % part-time from 2026-12-01, a new opleider, an improvement point.

Expected lines are worked out from these edits and docs/git-workflow.md, not copied from
mlplan's output.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from git_helpers import V1, V2, V3, V4, Repo, edited, history, isolate_git

from conftest import Result
from mlplan.io import gitio

Run = Callable[..., Result]
TODAY = ("--today", "2026-11-22")

# the last day of training once 80 % part-time starts on 2026-12-01: 5 full-time years
# from 2025-09-01 end on 2030-08-31; the 1,370 full-time days left from 2026-12-01 take
# 1370 / 0.8 days, rounded up
END_PART_TIME = dt.date(2026, 12, 1) + dt.timedelta(days=math.ceil(1370 / 0.8) - 1)

ACTIVITIES_V2 = [
    "Afgerond: ‘Organiseren onderwijs, symposium’ (organisatie), op 2026-08-10; bewijs: Verslag symposium",
    "Vervallen, was gepland: ‘Woordvoerder aiosgroep’ (persoonlijk-leiderschap)",
    "Verschoven van jaar 3 naar jaar 4: ‘Dienstrooster samenstellen’ (onderhandelen)",
    "Nieuw: ‘Eigen project’ (innovatie), jaar 3",
    "Uit het plan gehaald: ‘Voorzitten MDO’ (overlegmomenten), jaar 5",
]
COURSES_V2 = [
    "Cursus afgerond: ‘Calling en Comradeship’, op 2026-08-01; bewijs: Certificaat",
    "Nieuwe cursus: ‘DOO teamwork’, jaar 3",
]
MEETING_V3 = [
    "Gesprek vastgelegd: voortgangsgesprek van 2026-11-03, 2 afspraken",
    "Nieuwe afspraak (gesprek van 2026-11-03): ‘DOO teamwork inplannen’",
    "Nieuwe afspraak (gesprek van 2026-11-03): ‘Eigen project starten’",
]
TRAINING_V4 = [
    "Deeltijd toegevoegd: 80 % vanaf 2026-12-01",
    f"Laatste dag van de opleiding daardoor: 2030-08-31 → {END_PART_TIME.isoformat()}",
]
AIOS_V4 = ["Opleider gewijzigd: dr. J. Jansen → dr. K. de Boer"]
IMPROVEMENT_V4 = ["Nieuw verbeterpunt: ‘Vaker delegeren’"]


@pytest.fixture(autouse=True)
def _git(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate_git(monkeypatch, tmp_path / "home")


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Repo, dict[str, str]]:
    return history(tmp_path / "plannen")


def sections(text: str) -> dict[str, list[str]]:
    """The text page's sections: heading -> its bullets (continuation lines joined)."""
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines():
        if line and not line.startswith(" "):
            heading = line
            current = found.setdefault(heading, [])
        elif line.startswith("  • ") and current is not None:
            current.append(line[4:])
        elif line.startswith("    ") and current:
            current[-1] += " " + line.strip()
    return found


def diff(run: Run, repo: Repo, *args: str) -> Result:
    return run("diff", str(repo.plan), *args, *TODAY)


# -- what changed, in the plan's own terms ----------------------------------------------


def test_since_the_last_meeting_by_default(run: Run, repo: tuple[Repo, dict[str, str]]) -> None:
    r, commits = repo
    result = run("diff", str(r.plan), "--today", "2026-11-22")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "Anne de Vries: wijzigingen in het plan sinds het laatste gesprek "
        "(voortgangsgesprek, 2026-11-03)"
    )
    # the commit of the meeting's own day is the base: recording it is not a change since
    assert lines[1] == (
        f"{r.plan}: vergeleken met commit {commits['v3']} van 2026-11-03 (Gesprek 3 november)"
    )
    page = sections(result.stdout)
    assert page["Opleiding"] == TRAINING_V4
    assert page["Gegevens van de aios"] == AIOS_V4
    assert page["Verbeterpunten"] == IMPROVEMENT_V4
    assert "Activiteiten" not in page and "Gesprekken en afspraken" not in page
    assert lines[-1] == "4 wijzigingen."
    assert "nog niet in git" not in result.stdout  # nothing uncommitted


def test_since_a_date_counts_what_was_committed_on_that_day(
    run: Run, repo: tuple[Repo, dict[str, str]]
) -> None:
    r, commits = repo
    on_the_day = sections(diff(run, r, "--since", "2026-08-15").stdout)
    assert on_the_day["Activiteiten"] == ACTIVITIES_V2
    assert on_the_day["Cursussen"] == COURSES_V2
    assert on_the_day["Gesprekken en afspraken"] == MEETING_V3
    assert on_the_day["Opleiding"] == TRAINING_V4
    day_after = diff(run, r, "--since", "2026-08-16")
    assert f"commit {commits['v2']} van 2026-08-15" in day_after.stdout
    page = sections(day_after.stdout)
    assert "Activiteiten" not in page
    assert page["Gesprekken en afspraken"] == MEETING_V3


def test_since_a_tag(run: Run, repo: tuple[Repo, dict[str, str]]) -> None:
    r, commits = repo
    result = diff(run, r, "--since", "gesprek-2026-07-01")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0].endswith("sinds gesprek-2026-07-01")
    assert f"commit {commits['v1']} van 2026-07-01 (Voortgangsgesprek 1 juli)" in result.stdout
    assert sections(result.stdout)["Activiteiten"] == ACTIVITIES_V2
    by_hash = diff(run, r, "--since", commits["v3"])
    assert sections(by_hash.stdout)["Opleiding"] == TRAINING_V4


def test_the_last_meeting_takes_its_tag_when_there_is_one(
    run: Run, repo: tuple[Repo, dict[str, str]]
) -> None:
    r, commits = repo
    # on 1 October the last meeting is that of 1 July, and gesprek-2026-07-01 names it
    result = run("diff", str(r.plan), "--today", "2026-10-01")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0].endswith("(voortgangsgesprek, 2026-07-01)")
    assert f"commit {commits['v1']} van 2026-07-01 (Voortgangsgesprek 1 juli), tag " in (
        result.stdout
    )
    # a meeting committed the day after: its tag is the base, not the day's last commit
    r.tag("gesprek-2026-11-03", commits["v4"])
    tagged = diff(run, r)
    assert "tag gesprek-2026-11-03" in tagged.stdout
    assert f"commit {commits['v4']}" in tagged.stdout
    assert tagged.stdout.splitlines()[-1] == "Geen wijzigingen in het plan."


def test_uncommitted_changes_count_and_are_said(
    run: Run, repo: tuple[Repo, dict[str, str]]
) -> None:
    r, _ = repo
    r.edit("    title: Eigen project\n    year: 3\n", "    title: Eigen project\n    year: 4\n")
    result = diff(run, r)
    assert "Het bestand heeft wijzigingen die nog niet in git staan; die tellen mee." in (
        result.stdout
    )
    assert sections(result.stdout)["Activiteiten"] == [
        "Verschoven van jaar 3 naar jaar 4: ‘Eigen project’ (innovatie)"
    ]


def test_markdown(run: Run, repo: tuple[Repo, dict[str, str]]) -> None:
    r, _ = repo
    result = diff(run, r, "--since", "2026-08-01", "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert text.startswith("# Anne de Vries: wijzigingen in het plan sinds 2026-08-01\n\n")
    assert "\n## Activiteiten\n\n- Afgerond: ‘Organiseren onderwijs, symposium’" in text
    assert "\n## Gesprekken en afspraken\n\n- Gesprek vastgelegd" in text
    # 5 activities, 2 courses, a meeting with 2 agreements, part-time and its end date,
    # the opleider, an improvement point
    assert text.endswith("\n\n14 wijzigingen.\n")


def test_json(run: Run, repo: tuple[Repo, dict[str, str]]) -> None:
    r, commits = repo
    result = diff(run, r, "--since", "gesprek-2026-07-01", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["format"] == "mlplan-diff" and data["format_version"] == 1
    assert data["since"] == {
        "given": "gesprek-2026-07-01",
        "kind": "revision",
        "date": "2026-07-01",
        "meeting_kind": None,
        "tag": None,
    }
    assert data["base"]["short"] == commits["v1"]
    assert data["base"]["subject"] == "Voortgangsgesprek 1 juli"
    assert data["uncommitted"] is False
    kinds = [c["kind"] for c in data["changes"]]
    assert kinds == [
        "part_time_added",
        "training_end",
        "aios_changed",
        "activity_done",
        "activity_dropped",
        "activity_moved",
        "activity_added",
        "activity_removed",
        "course_done",
        "course_added",
        "meeting_added",
        "agreement_added",
        "agreement_added",
        "improvement_added",
    ]
    assert data["count"] == len(kinds)
    moved = data["changes"][kinds.index("activity_moved")]
    assert moved["params"] == {
        "number": 10,
        "title": "Dienstrooster samenstellen",
        "topic": "onderhandelen",
        "year": 4,
        "old_year": 3,
    }
    done = data["changes"][kinds.index("activity_done")]["params"]
    assert (done["done_on"], done["evidence"], done["old_status"]) == (
        "2026-08-10",
        "Verslag symposium",
        "in_progress",
    )
    assert data["changes"][kinds.index("training_end")]["params"] == {
        "old": "2030-08-31",
        "new": END_PART_TIME.isoformat(),
    }


def test_english(run: Run, repo: tuple[Repo, dict[str, str]]) -> None:
    r, _ = repo
    result = run("--lang", "en", "diff", str(r.plan), "--since", "2026-08-15", *TODAY)
    assert result.exit_code == 0, result.stderr
    page = sections(result.stdout)
    assert page["Activities"][:3] == [
        "Done: ‘Organiseren onderwijs, symposium’ (organisatie), on 2026-08-10; evidence: Verslag symposium",
        "Dropped, was planned: ‘Woordvoerder aiosgroep’ (persoonlijk-leiderschap)",
        "Moved from year 3 to year 4: ‘Dienstrooster samenstellen’ (onderhandelen)",
    ]
    assert page["Meetings and agreements"][0] == (
        "Meeting recorded: progress meeting (voortgang) of 2026-11-03, 2 agreements"
    )
    assert result.stdout.splitlines()[-1] == "14 changes."


def test_run_from_inside_the_repository_with_the_default_path(
    run: Run, repo: tuple[Repo, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    r, _ = repo
    sub = r.root / "sub"
    sub.mkdir()
    monkeypatch.chdir(r.root)
    assert run("diff", *TODAY).exit_code == 0
    # a plan in a subdirectory, named relative to a directory elsewhere in the repository
    (sub / "anne.yaml").write_text(V1, encoding="utf-8")
    r.git("add", "sub/anne.yaml")
    r.git("commit", "-q", "-m", "Anne", date="2026-07-02T10:00:00+02:00")
    (sub / "anne.yaml").write_text(V2, encoding="utf-8")
    monkeypatch.chdir(sub)
    result = run("diff", "anne.yaml", "--since", "2026-07-03", *TODAY)
    assert result.exit_code == 0, result.stderr
    assert sections(result.stdout)["Activiteiten"] == ACTIVITIES_V2


def test_a_file_name_that_looks_like_a_pattern(run: Run, tmp_path: Path) -> None:
    r = Repo(tmp_path / "r", name="plan*.yaml")
    r.commit(V1, "een", "2026-07-01T10:00:00+02:00")
    (r.root / "plan-b.yaml").write_text(V2, encoding="utf-8")  # what the pattern would match
    r.git("add", "plan-b.yaml")
    r.git("commit", "-q", "-m", "twee", date="2026-08-01T10:00:00+02:00")
    r.plan.write_text(V2, encoding="utf-8")
    result = run("diff", str(r.plan), "--since", "2026-07-15", *TODAY)
    assert result.exit_code == 0, result.stderr
    assert sections(result.stdout)["Activiteiten"] == ACTIVITIES_V2


def test_history_follows_the_branch_through_a_merge(run: Run, tmp_path: Path) -> None:
    r = Repo(tmp_path / "r")
    r.commit(V1, "een", "2026-07-01T10:00:00+02:00")
    r.git("checkout", "-q", "-b", "opleider")
    r.commit(V2, "bijgewerkt op een zijtak", "2026-08-15T10:00:00+02:00")
    r.git("checkout", "-q", "main")
    r.git(
        "merge", "-q", "--no-ff", "-m", "samengevoegd", "opleider", date="2026-09-01T10:00:00+02:00"
    )
    # on 2026-08-20 the main branch still said V1: the side branch's commit does not count
    result = diff(run, r, "--since", "2026-08-20")
    assert result.exit_code == 0, result.stderr
    assert "(een)" in result.stdout.splitlines()[1]
    assert sections(result.stdout)["Activiteiten"] == ACTIVITIES_V2


# -- versions that do not load ------------------------------------------------------------


def test_an_old_version_that_no_longer_parses_says_so(run: Run, tmp_path: Path) -> None:
    r = Repo(tmp_path / "r")
    r.commit("version: 1\naios: [kapot\n", "kapot", "2026-07-01T10:00:00+02:00")
    r.commit(V1, "hersteld", "2026-07-02T10:00:00+02:00")
    result = diff(run, r, "--since", "2026-07-02")
    assert result.exit_code == 0, result.stderr
    assert (
        "De versie van toen is geen geldig plan (1 fout); vergeleken is wat nog te lezen was. "
        "Niet vergeleken: het hele plan." in " ".join(result.stdout.split())
    )
    assert result.stdout.splitlines()[-1] == "Geen wijzigingen in het plan."


def test_an_old_version_with_a_broken_entry_compares_the_rest(run: Run, tmp_path: Path) -> None:
    r = Repo(tmp_path / "r")
    # activity 3 had a year in words, and the training's start was an impossible date
    old = edited(
        V1,
        ("    title: Leiding in actualiseren aspecten van EPD\n    year: 3\n",
         "    title: Leiding in actualiseren aspecten van EPD\n    year: drie\n"),
        ("  start: 2025-09-01\n", "  start: 2025-09-31\n"),
    )  # fmt: skip
    r.commit(old, "oud", "2026-07-01T10:00:00+02:00")
    r.plan.write_text(V2, encoding="utf-8")
    result = diff(run, r, "--since", "2026-07-02", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["old_errors"] == 2
    assert data["not_compared"]["old"] == [
        {"section": "training", "number": None},
        {"section": "activities", "number": 3},
    ]
    messages = [c["message"] for c in data["changes"] if c["section"] == "activities"]
    # the unread activity 3 (its topic and title could be read) is not new now; the
    # others compare as usual
    assert messages == ACTIVITIES_V2
    assert not [c for c in data["changes"] if c["section"] == "training"]
    text = diff(run, r, "--since", "2026-07-02").stdout
    assert "Niet vergeleken: de opleiding, activiteit 3." in " ".join(text.split())


def test_a_plan_that_does_not_load_now_exits_1_after_what_can_be_compared(
    run: Run, repo: tuple[Repo, dict[str, str]]
) -> None:
    r, _ = repo
    r.edit("    title: Eigen project\n    year: 3\n", "    title: Eigen project\n    year: nul\n")
    result = diff(run, r, "--since", "2026-11-04")
    assert result.exit_code == 1
    text = " ".join(result.stdout.split())
    assert (
        f"Het plan heeft nu 1 fout; zie mlplan check {r.plan}. Niet vergeleken: activiteit 16."
        in text
    )
    # the unread activity is not reported as removed
    assert "Activiteiten" not in sections(result.stdout)


# -- no history: a clear message and exit 2, never a traceback ------------------------------


def _refused(result: Result, *needles: str) -> None:
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout == ""
    message = " ".join(result.stderr.split())
    for needle in needles:
        assert needle in message, message


def test_no_git_installed(
    run: Run, repo: tuple[Repo, dict[str, str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    r, _ = repo
    empty = tmp_path / "leeg"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    _refused(diff(run, r), "git is niet gevonden", "docs/git-workflow.md")


def test_not_a_repository(run: Run, tmp_path: Path) -> None:
    plan = tmp_path / "los" / "plan.yaml"
    plan.parent.mkdir()
    plan.write_text(V1, encoding="utf-8")
    _refused(run("diff", str(plan), *TODAY), f"{plan} staat niet in een git-repository")


def test_not_tracked(run: Run, tmp_path: Path) -> None:
    r = Repo(tmp_path / "r")
    r.plan.write_text(V1, encoding="utf-8")
    _refused(diff(run, r), f"{r.plan} staat nog niet in git", "git add plan.yaml && git commit")
    (r.root / "ander.yaml").write_text(V1, encoding="utf-8")  # commits, but not of the plan
    r.git("add", "ander.yaml")
    r.git("commit", "-q", "-m", "ander", date="2026-07-01T10:00:00+02:00")
    _refused(diff(run, r), f"{r.plan} staat nog niet in git")


def test_no_version_before_the_date(run: Run, repo: tuple[Repo, dict[str, str]]) -> None:
    r, commits = repo
    _refused(
        diff(run, r, "--since", "2026-07-01"),
        f"{r.plan} heeft in git geen versie van vóór 2026-07-01",
        f"de eerste is commit {commits['v1']} van 2026-07-01",
        f"--since {commits['v1']}",
    )


def test_no_version_on_or_before_the_last_meeting(run: Run, tmp_path: Path) -> None:
    r = Repo(tmp_path / "r")
    first = r.commit(V1, "later vastgelegd", "2026-07-05T10:00:00+02:00")
    _refused(
        run("diff", str(r.plan), "--today", "2026-10-01"),
        "geen versie van op of vóór het laatste gesprek (2026-07-01)",
        f"--since {first}",
    )


def test_no_meeting(run: Run, tmp_path: Path) -> None:
    r = Repo(tmp_path / "r")
    r.commit(V1, "een", "2026-07-01T10:00:00+02:00")
    _refused(
        run("diff", str(r.plan), "--today", "2025-10-01"),
        f"{r.plan} heeft geen gesprek op of vóór 2025-10-01",
    )


@pytest.mark.parametrize("value", ["gesprek-2030-01-01", "2026-8-1", "--all", "HEAD HEAD", "a..b"])
def test_an_unknown_revision(run: Run, repo: tuple[Repo, dict[str, str]], value: str) -> None:
    r, _ = repo
    _refused(
        diff(run, r, f"--since={value}"),
        f"--since: '{value}' is geen datum (JJJJ-MM-DD), geen last-meeting en geen revisie",
    )


def test_a_revision_without_the_plan(run: Run, tmp_path: Path) -> None:
    r = Repo(tmp_path / "r")
    (r.root / "README").write_text("plannen\n", encoding="utf-8")
    r.git("add", "README")
    r.git("commit", "-q", "-m", "begin", date="2026-06-01T10:00:00+02:00")
    r.tag("begin")
    r.commit(V1, "plan", "2026-07-01T10:00:00+02:00")
    _refused(diff(run, r, "--since", "begin"), f"{r.plan} stond nog niet in git in begin")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2026-11-23", "--since (2026-11-23) ligt na vandaag (2026-11-22)"),
        ("2026-02-30", "--since: '2026-02-30' is geen datum"),
    ],
)
def test_a_bad_date_is_a_usage_error_before_git_runs(
    run: Run, tmp_path: Path, value: str, message: str
) -> None:
    plan = tmp_path / "plan.yaml"  # not even in a repository: the date is wrong first
    plan.write_text(V1, encoding="utf-8")
    _refused(run("diff", str(plan), "--since", value, *TODAY), message)


def test_a_missing_plan(run: Run, tmp_path: Path) -> None:
    _refused(run("diff", str(tmp_path / "weg.yaml"), *TODAY), "weg.yaml")


def _fake_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str) -> None:
    bin_dir = tmp_path / "nep"
    bin_dir.mkdir()
    git = bin_dir / "git"
    git.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    git.chmod(git.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}/bin{os.pathsep}/usr/bin")


def test_git_that_hangs_is_stopped(
    run: Run, repo: tuple[Repo, dict[str, str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    r, _ = repo
    _fake_git(tmp_path, monkeypatch, "exec sleep 30\n")
    monkeypatch.setattr(gitio, "TIMEOUT", 0.3)
    _refused(diff(run, r), "git gaf binnen 0.3 s geen antwoord")


def test_git_that_fails_is_quoted(
    run: Run, repo: tuple[Repo, dict[str, str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    r, _ = repo
    _fake_git(tmp_path, monkeypatch, "echo 'fatal: detected dubious ownership' >&2\nexit 128\n")
    _refused(diff(run, r), "git gaf een fout: detected dubious ownership")


def test_english_messages(run: Run, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(V1, encoding="utf-8")
    result = run("--lang", "en", "diff", str(plan), *TODAY)
    _refused(result, f"{plan} is not in a git repository")


# -- privacy ---------------------------------------------------------------------------------


def test_redact_masks_patient_data_in_the_changes(run: Run, tmp_path: Path) -> None:
    r = Repo(tmp_path / "r")
    r.commit(V1, "een", "2026-07-01T10:00:00+02:00")
    r.edit(
        "    evidence: KPB voorzitten overdracht\n",
        "    evidence: KPB overdracht van mevrouw Jansen\n",
    )
    plain = diff(run, r, "--since", "2026-07-02")
    assert "mevrouw Jansen" in plain.stdout
    assert "patiëntgegevens (1 plaats)" in plain.stderr
    masked = diff(run, r, "--since", "2026-07-02", "--redact")
    assert masked.exit_code == 0
    assert "Jansen" not in masked.stdout
    assert sections(masked.stdout)["Activiteiten"] == [
        "Afronding bijgewerkt: ‘Voorzitten overdracht’ (overlegmomenten), nu op 2026-03-12; "
        "bewijs: KPB overdracht van mevrouw [naam]"
    ]
    assert masked.stderr == ""


def test_the_plan_history_is_read_only(run: Run, repo: tuple[Repo, dict[str, str]]) -> None:
    r, _ = repo
    before = {p: p.read_bytes() for p in r.root.rglob("*") if p.is_file()}
    assert diff(run, r, "--since", "2026-08-01").exit_code == 0
    after = {p: p.read_bytes() for p in r.root.rglob("*") if p.is_file()}
    assert after == before  # not even git's index was touched


def test_v2_and_v3_differ_only_by_the_meeting() -> None:
    # the fixture's own promise, so the expectations above rest on it
    assert V3.startswith(V2) and V4 != V3 and V2 != V1


# -- hostile history --------------------------------------------------------------------------

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
    for p, c in zip("abcdefgh", "bcdefghi", strict=True)
)


@pytest.mark.parametrize(
    "old",
    [b"\xff\xfe niet utf-8\n", BOMB.encode(), b"", b"version: 1\x00\n", b"- een lijst\n"],
    ids=["not UTF-8", "alias bomb", "empty", "NUL byte", "not a mapping"],
)
def test_an_old_version_that_is_not_a_plan_at_all(run: Run, tmp_path: Path, old: bytes) -> None:
    r = Repo(tmp_path / "r")
    r.plan.write_bytes(old)
    r.git("add", "plan.yaml")
    r.git("commit", "-q", "-m", "vreemd", date="2026-07-01T10:00:00+02:00")
    r.plan.write_text(V1, encoding="utf-8")
    result = diff(run, r, "--since", "2026-07-02")
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "Niet vergeleken: het hele plan." in " ".join(result.stdout.split())
    assert result.stdout.splitlines()[-1] == "Geen wijzigingen in het plan."


def test_an_old_version_too_large_to_be_a_plan(run: Run, tmp_path: Path) -> None:
    r = Repo(tmp_path / "r")
    r.commit(V1 + ("# " + "x" * 98 + "\n") * 55_000, "groot", "2026-07-01T10:00:00+02:00")
    r.commit(V1, "klein", "2026-07-02T10:00:00+02:00")
    _refused(diff(run, r, "--since", "2026-07-02"), "groter dan 5 MB en dus geen plan")


def test_a_link_to_the_plan_follows_the_file_it_points_to(
    run: Run, repo: tuple[Repo, dict[str, str]], tmp_path: Path
) -> None:
    r, _ = repo
    link = tmp_path / "elders" / "anne.yaml"
    link.parent.mkdir()
    link.symlink_to(r.plan)
    result = run("diff", str(link), "--since", "2026-08-15", *TODAY)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1].startswith(f"{link}: vergeleken met commit")
    assert sections(result.stdout)["Activiteiten"] == ACTIVITIES_V2


def test_agreements_closed_and_carried_over_by_mlplan_meeting(run: Run, tmp_path: Path) -> None:
    """Agreements as mappings (text, owner, due, outcome), written by mlplan meeting itself:
    the outcomes of the 1 July agreements, and the new meeting with a carried-over one."""
    r = Repo(tmp_path / "r")
    r.commit(V1, "Voortgangsgesprek 1 juli", "2026-07-01T18:00:00+02:00")
    r.tag("gesprek-2026-07-01")
    recorded = run(
        "meeting", str(r.plan), "--date", "2026-11-03", "--kind", "voortgang",
        "--agreement", "KPB onderhandelen", "--owner", "aios", "--due", "2027-01-15",
        "--outcome", "1=achieved", "--outcome", "2=carried_over", "--no-input",
        "--today", "2026-11-03",
    )  # fmt: skip
    assert recorded.exit_code == 0, recorded.stderr
    result = diff(run, r)  # since the last meeting: 3 November, recorded but not committed
    assert result.exit_code == 0, result.stderr
    assert "sinds het laatste gesprek (voortgangsgesprek, 2026-11-03)" in result.stdout
    changes = sections(result.stdout)["Gesprekken en afspraken"]
    assert changes[:3] == [
        "Afspraak afgesloten (gesprek van 2026-07-01): ‘Symposium organiseren in jaar 2’: behaald",
        "Afspraak afgesloten (gesprek van 2026-07-01): ‘DOO leiderschap inplannen’: doorgeschoven",
        "Gesprek vastgelegd: voortgangsgesprek van 2026-11-03, 2 afspraken",
    ]
    assert sorted(changes[3:]) == [
        "Nieuwe afspraak (gesprek van 2026-11-03): ‘DOO leiderschap inplannen’ (doorgeschoven van 2026-07-01)",
        "Nieuwe afspraak (gesprek van 2026-11-03): ‘KPB onderhandelen’ (aios, uiterlijk 2027-01-15)",
    ]
    # committed and tagged, the next diff starts from there
    r.git("commit", "-q", "-am", "Voortgangsgesprek 3 november", date="2026-11-03T20:00:00+01:00")
    r.tag("gesprek-2026-11-03")
    again = diff(run, r)
    assert again.stdout.splitlines()[-1] == "Geen wijzigingen in het plan."
    assert "tag gesprek-2026-11-03" in again.stdout
