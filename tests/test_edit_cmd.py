"""The edit commands end to end: add, done, status, move, meeting."""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mlplan.io import editing, fileio
from tests.conftest import EXAMPLE_PLAN, Result, examples

Run = Callable[..., Result]
TODAY = "2026-11-22"


def changed(old: str, new: str) -> list[str]:
    """Hunk headers and changed lines of a diff without context, like `git diff -U0`."""
    return [
        line
        for line in difflib.unified_diff(
            editing.split_lines(old), editing.split_lines(new), n=0, lineterm=""
        )
        if not line.startswith(("---", "+++"))
    ]


def test_done_and_meeting_on_the_example_plan_change_only_those_lines(
    run: Run, example_plan: Path
) -> None:
    original = example_plan.read_text(encoding="utf-8")
    r = run("done", str(example_plan), "3", "--evidence", "KPB", "--today", TODAY)
    assert r.exit_code == 0, r.stderr
    assert "activiteit 3 'Leiding in actualiseren aspecten van EPD' afgerond op 2026-11-22" in (
        r.stdout
    )
    assert (example_plan.parent / "plan.yaml.bak").read_text(encoding="utf-8") == original
    r = run(
        "meeting",
        str(example_plan),
        "--date",
        TODAY,
        "--kind",
        "voortgang",
        "--notes",
        "Op schema",
        "--agreement",
        "DOO leiderschap inplannen",
        "--agreement",
        "KPB: onderhandelen",
        "--today",
        TODAY,
    )
    assert r.exit_code == 0, r.stderr
    assert "gesprek (voortgang) op 2026-11-22 vastgelegd, 2 afspraken." in r.stdout
    assert changed(original, example_plan.read_text(encoding="utf-8")) == [
        "@@ -33,0 +34,3 @@",
        "+    status: done",
        "+    done_on: 2026-11-22",
        "+    evidence: KPB",
        "@@ -132,0 +136,6 @@",
        "+  - date: 2026-11-22",
        "+    kind: voortgang",
        "+    notes: Op schema",
        "+    agreements:",
        "+      - DOO leiderschap inplannen",
        "+      - 'KPB: onderhandelen'",
    ]
    r = run("done", str(example_plan), "3", "--today", TODAY)
    assert r.exit_code == 0 and "niets te wijzigen" in r.stdout


@pytest.mark.parametrize(
    ("agreements", "said"),
    [((), "0 afspraken."), (("DOO leiderschap inplannen",), "1 afspraak.")],
)
def test_meeting_counts_its_agreements(
    run: Run, example_plan: Path, agreements: tuple[str, ...], said: str
) -> None:
    extra = [arg for text in agreements for arg in ("--agreement", text)]
    r = run("meeting", str(example_plan), "--date", TODAY, "--kind", "voortgang", *extra)
    assert r.exit_code == 0, r.stderr
    assert f"gesprek (voortgang) op 2026-11-22 vastgelegd, {said}" in r.stdout


def test_path_defaults_to_plan_yaml_in_the_current_directory(
    run: Run, example_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(example_plan.parent)
    r = run("done", "Stage bij", "--on", "2026-10-01", "--today", TODAY)
    assert r.exit_code == 0, r.stderr
    assert "activiteit 7 'Stage bij zorgverzekeraar' afgerond op 2026-10-01" in r.stdout
    r = run("done", "plan.yaml", "--today", TODAY)
    assert r.exit_code == 2
    assert "welke activiteit in plan.yaml?" in r.stderr
    r = run("status", "9", "in_progress", "--today", TODAY)
    assert r.exit_code == 0, r.stderr
    r = run("move", "plan.yaml", "MDO", "--year", "4", "--today", TODAY)
    assert r.exit_code == 0, r.stderr
    r = run("add", "--topic", "onderhandelen", "--title", "Dienstsein dragen", "--year", "3")
    assert r.exit_code == 0, r.stderr
    assert "activiteit 17 toegevoegd" in r.stdout
    assert changed(EXAMPLE_PLAN.read_text(encoding="utf-8"), Path("plan.yaml").read_text()) == [
        "@@ -50,0 +51,2 @@",
        "+    status: done",
        "+    done_on: 2026-10-01",
        "@@ -61,0 +64 @@",
        "+    status: in_progress",
        "@@ -92 +95,4 @@",
        "-    year: 5",
        "+    year: 4",
        "+  - topic: onderhandelen",
        "+    title: Dienstsein dragen",
        "+    year: 3",
    ]


def test_add_proposes_a_year_and_checks_the_topic(run: Run, example_plan: Path) -> None:
    r = run("add", str(example_plan), "--topic", "onderhandel", "--title", "x")
    assert r.exit_code == 2
    assert "Bedoelde je 'onderhandelen'?" in r.stderr
    # 'Voorzitten MDO' is an 'eind' example: in a 5-year plan the first such year is 4.
    # The example plan has it already (a duplicate is refused), so take it out first.
    mdo = "  - topic: overlegmomenten\n    title: Voorzitten MDO\n    year: 5\n"
    text = example_plan.read_text(encoding="utf-8")
    assert mdo in text
    example_plan.write_text(text.replace(mdo, ""), encoding="utf-8")
    r = run(
        "add",
        str(example_plan),
        "--topic",
        "overlegmomenten",
        "--title",
        "voorzitten mdo",
        "--today",
        TODAY,
        "--lang",
        "en",
    )
    assert r.exit_code == 0, r.stderr
    assert "(overlegmomenten, year 4, proposed along the learning curve)" in r.stdout
    # no suggested phase and no --phase: the current training year (2 on 2026-11-22)
    r = run("add", str(example_plan), "--topic", "financien", "--title", "Eigen", "--today", TODAY)
    assert r.exit_code == 0, r.stderr
    assert "(financien, jaar 2, voorgesteld volgens de leercurve)" in r.stdout
    r = run(
        "add",
        str(example_plan),
        *(
            "--topic",
            "financien",
            "--title",
            "Eigen project",
            "--phase",
            "midden",
            "--today",
            TODAY,
        ),
    )
    assert r.exit_code == 0, r.stderr
    assert "(financien, jaar 3, voorgesteld volgens de leercurve)" in r.stdout
    assert (
        "    title: Delen/bespreken life events\n    year: 2\n"
        "  - topic: overlegmomenten\n    title: voorzitten mdo\n    year: 4\n"
        "  - topic: financien\n    title: Eigen\n    year: 2\n"
        "  - topic: financien\n    title: Eigen project\n    year: 3\n    phase: midden\n"
        "\ncourses:\n"
    ) in example_plan.read_text(encoding="utf-8")
    r = run("add", str(example_plan), "--topic", "innovatie", "--title", "x", "--year", "9")
    assert r.exit_code == 2
    assert "jaar 9 valt buiten de opleiding (1 t/m 5)" in r.stderr


def test_ambiguous_and_unknown_activity_exit_2(run: Run, example_plan: Path) -> None:
    before = example_plan.read_bytes()
    r = run("done", str(example_plan), "voorzitten")
    assert r.exit_code == 2
    assert "'voorzitten' past bij meer dan één activiteit" in r.stderr
    # the candidates one a line, as the user reads them (not one line with "\n" in it)
    lines = r.stderr.splitlines()
    assert lines[0].endswith("kies een nummer of een langer stuk van de titel:")
    assert "    1  jaar 1  Voorzitten overdracht" in lines
    assert "   16  jaar 5  Voorzitten MDO" in lines
    r = run("done", str(example_plan), "bestaat niet")
    assert r.exit_code == 2
    assert "geen activiteit in" in r.stderr and "mlplan plan toont" in r.stderr
    r = run("move", str(example_plan), "40", "--year", "2")
    assert r.exit_code == 2
    assert "er is geen activiteit 40 in" in r.stderr and "van 1 t/m 16" in r.stderr
    r = run("status", str(example_plan), "3", "done")
    assert r.exit_code == 2 and "mlplan done" in r.stderr
    r = run("status", str(example_plan), "3", "klaar")
    assert r.exit_code == 2
    assert "kies uit gepland, bezig, vervallen (of planned, in_progress, dropped)" in r.stderr
    r = run("done", str(example_plan), "3", "--on", "22-11-2026")
    assert r.exit_code == 2 and "schrijf JJJJ-MM-DD" in r.stderr
    assert example_plan.read_bytes() == before
    assert not (example_plan.parent / "plan.yaml.bak").exists()


def test_dry_run_prints_the_diff_and_writes_nothing(run: Run, example_plan: Path) -> None:
    before = example_plan.read_bytes()
    r = run("done", str(example_plan), "3", "--evidence", "KPB", "--today", TODAY, "--dry-run")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines()[:3] == [
        f"--- a/{example_plan}",
        f"+++ b/{example_plan}",
        "@@ -31,6 +31,9 @@",
    ]
    assert "+    evidence: KPB" in r.stdout.splitlines()
    assert "er is niets geschreven" in r.stderr
    assert example_plan.read_bytes() == before
    assert sorted(p.name for p in example_plan.parent.iterdir()) == ["plan.yaml"]


def test_crlf_bom_plan_keeps_its_bytes(run: Run, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    text = EXAMPLE_PLAN.read_text(encoding="utf-8")
    plan.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    r = run("done", str(plan), "3", "--evidence", "KPB", "--today", TODAY)
    assert r.exit_code == 0, r.stderr
    raw = plan.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\n") == raw.count(b"\r\n")
    expected = text.replace(
        "behandelmethodes\n",
        "behandelmethodes\n    status: done\n    done_on: 2026-11-22\n    evidence: KPB\n",
        1,
    )
    assert raw == b"\xef\xbb\xbf" + expected.replace("\n", "\r\n").encode("utf-8")


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_a_line_separator_inside_a_value_does_not_shift_the_edits(
    run: Run, tmp_path: Path, separator: str
) -> None:
    """NEL, LS and PS are inside a line for an editor and for a finding's line number;
    the edits count lines the same way, so text pasted with one of them does not move an
    edit to another line (``add`` took the activities for a flow list and refused)."""
    text = EXAMPLE_PLAN.read_text(encoding="utf-8")
    results = []
    for name, inside in (("with", separator), ("without", " ")):
        plan = tmp_path / f"{name}.yaml"
        plan.write_text(
            text.replace("name: Anne de Vries", f'name: "Anne de{inside}Vries"', 1),
            encoding="utf-8",
        )
        r = run("add", str(plan), "--topic", "financien", "--title", "Budgetcursus")
        assert r.exit_code == 0, r.stderr
        r = run("done", str(plan), "3", "--evidence", "KPB", "--today", TODAY)
        assert r.exit_code == 0, r.stderr
        assert run("check", str(plan)).exit_code == 0
        results.append(plan.read_text(encoding="utf-8"))
    with_separator, without = results
    assert with_separator.count(separator) == 1
    assert with_separator.replace(separator, " ") == without
    assert "+    title: Budgetcursus" in changed(text, without)


@pytest.mark.parametrize("victim", ["replace", "fsync"])
def test_crash_mid_write_leaves_the_old_file_and_no_temp_file(
    run: Run, example_plan: Path, monkeypatch: pytest.MonkeyPatch, victim: str
) -> None:
    before = example_plan.read_bytes()

    def crash(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, victim, crash)
    r = run("done", str(example_plan), "3", "--today", TODAY)
    monkeypatch.undo()
    assert r.exit_code == 2
    assert "kan niet geschreven worden (No space left on device)" in r.stderr
    assert "het bestand is niet gewijzigd" in r.stderr
    assert example_plan.read_bytes() == before
    leftovers = {p.name for p in example_plan.parent.iterdir()} - {"plan.yaml", "plan.yaml.bak"}
    assert leftovers == set()


def test_file_changed_on_disk_between_read_and_write_aborts(
    run: Run, example_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_apply = editing.apply
    editor = "# saved by an editor meanwhile\n" + example_plan.read_text(encoding="utf-8")

    def apply_while_an_editor_saves(text: str, edit: editing.Edit) -> str:
        example_plan.write_text(editor, encoding="utf-8")
        return real_apply(text, edit)

    monkeypatch.setattr(editing, "apply", apply_while_an_editor_saves)
    r = run("done", str(example_plan), "3", "--today", TODAY)
    assert r.exit_code == 2
    assert "is gewijzigd sinds mlplan het las" in r.stderr
    assert example_plan.read_text(encoding="utf-8") == editor
    assert not (example_plan.parent / "plan.yaml.bak").exists()


def test_plan_with_yaml_errors_is_refused(run: Run, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("version: 1\naios: {name: [unclosed\n", encoding="utf-8")
    before = plan.read_bytes()
    r = run("meeting", str(plan), "--date", TODAY, "--kind", "voortgang")
    assert r.exit_code == 1
    assert f"{plan}:" in r.stderr and "ML001" in r.stderr
    assert "herstel die eerst" in r.stderr
    assert plan.read_bytes() == before


def test_schema_errors_elsewhere_do_not_block_an_edit(run: Run, example_plan: Path) -> None:
    text = example_plan.read_text(encoding="utf-8").replace("  specialty:", "  specialtyy:")
    example_plan.write_text(text, encoding="utf-8")
    r = run("done", str(example_plan), "3", "--today", TODAY)
    assert r.exit_code == 0, r.stderr


def test_flow_style_list_is_refused_with_yaml_to_paste(run: Run, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "version: 1\naios: {name: A}\ntraining: {start: 2025-09-01, years: 5}\n"
        "meetings: [{date: 2025-10-01, kind: introductie}]\n",
        encoding="utf-8",
    )
    before = plan.read_bytes()
    r = run("meeting", str(plan), "--date", TODAY, "--kind", "voortgang", "--lang", "en")
    assert r.exit_code == 1
    assert "the list 'meetings' is in flow style" in r.stderr
    assert "Add this yourself as a new item between the brackets of the list 'meetings'" in (
        r.stderr
    )
    assert r.stdout == "{date: 2026-11-22, kind: voortgang}\n"
    assert plan.read_bytes() == before
    pasted = before.decode().replace("}]", "}, " + r.stdout.strip() + "]")
    plan.write_text(pasted, encoding="utf-8")
    r = run("check", str(plan), "--today", TODAY)
    assert "ML001" not in r.stdout and "ML002" not in r.stdout


def test_an_edit_with_new_schema_errors_is_refused(
    run: Run, example_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = example_plan.read_bytes()

    def bad_edit(text: str, edit: editing.Edit) -> str:
        return text.replace("version: 1", "version: 1\nunknown: x", 1)

    monkeypatch.setattr(editing, "apply", bad_edit)
    r = run("done", str(example_plan), "3", "--today", TODAY)
    assert r.exit_code == 1
    assert "ML002" in r.stderr and "nieuwe fouten" in r.stderr
    assert example_plan.read_bytes() == before


def test_missing_file_exits_2(run: Run, tmp_path: Path) -> None:
    r = run("done", str(tmp_path / "nope.yaml"), "3")
    assert r.exit_code == 2
    assert "bestand niet gevonden" in r.stderr


@pytest.mark.parametrize("command", ["add", "done", "status", "move", "meeting", "training"])
def test_help(run: Run, command: str) -> None:
    r = run(command, "--help", "--lang", "en")
    assert r.exit_code == 0
    assert "--dry-run" in r.stdout and "--today" in r.stdout


def test_installed_script_records_a_finished_activity(tmp_path: Path) -> None:
    script = shutil.which("mlplan", path=str(Path(sys.executable).parent))
    assert script is not None
    shutil.copy(EXAMPLE_PLAN, tmp_path / "plan.yaml")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MLPLAN_", "LANG", "LC_"))}
    proc = subprocess.run(
        [script, "done", "VIM", "--evidence", "Casus", "--on", "2026-05-20", "--today", TODAY],
        cwd=tmp_path,
        env={**env, "NO_COLOR": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("plan.yaml: activiteit 4 'Actieve bijdrage VIM-bespreking'")
    assert fileio.digest((tmp_path / "plan.yaml.bak").read_bytes()) == fileio.digest(
        EXAMPLE_PLAN.read_bytes()
    )


def test_edit_messages_exist_in_both_languages_with_the_same_placeholders() -> None:
    import string

    from mlplan.i18n import en, nl

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    prefixes = ("edit.", "cmd.add.", "cmd.done.", "cmd.status.", "cmd.move.", "cmd.meeting.")
    prefixes += ("opt.edit.", "arg.edit.", "metavar.edit_")
    mine = {k for k in nl.MESSAGES if k.startswith(prefixes)}
    assert mine == {k for k in en.MESSAGES if k.startswith(prefixes)}
    assert len(mine) > 60
    for key in mine:
        assert fields(nl.MESSAGES[key]) == fields(en.MESSAGES[key]), key


@pytest.mark.parametrize("on", ["2026-11-23", "2025-08-31"])
def test_done_on_an_impossible_date_is_refused(run: Run, example_plan: Path, on: str) -> None:
    # the example plan's training starts 2025-09-01; today is 2026-11-22 (ML103)
    before = example_plan.read_bytes()
    r = run("done", str(example_plan), "3", "--on", on, "--evidence", "KPB", "--today", TODAY)
    assert r.exit_code == 1
    assert "ML103" in r.stderr and "nieuwe fouten" in r.stderr
    assert example_plan.read_bytes() == before
    assert run("done", str(example_plan), "3", "--on", TODAY, "--today", TODAY).exit_code == 0


# -- choosing an activity: a number is a number (issue 12 item 4, issue 18 item 14) -------


@pytest.mark.parametrize("command", ["done", "move", "status"])
@pytest.mark.parametrize("number", ["0", "17", "360", "99999999999999999999999"])
def test_a_number_out_of_range_names_the_range_and_changes_nothing(
    run: Run, example_plan: Path, command: str, number: str
) -> None:
    before = example_plan.read_bytes()
    extra = {"done": [], "move": ["--year", "2"], "status": ["bezig"]}[command]
    r = run(command, str(example_plan), number, *extra, "--today", TODAY)
    assert r.exit_code == 2, r.stdout
    assert f"er is geen activiteit {number} in {example_plan}" in r.stderr
    assert "kies een nummer van 1 t/m 16" in r.stderr
    assert example_plan.read_bytes() == before


@pytest.mark.parametrize("query", ["²", "٣", "３", "½", "1²"])
def test_other_unicode_digits_are_a_clear_usage_error(
    run: Run, example_plan: Path, query: str
) -> None:
    before = example_plan.read_bytes()
    r = run("done", str(example_plan), query, "--lang", "en", "--today", TODAY)
    assert r.exit_code == 2
    assert f"'{query}' is not a number mlplan reads: write the number with the digits 0-9" in (
        r.stderr
    )
    assert "internal" not in r.stderr
    assert example_plan.read_bytes() == before


def test_an_empty_choice_asks_which_activity(run: Run, example_plan: Path) -> None:
    r = run("done", str(example_plan), "  ", "--today", TODAY)
    assert r.exit_code == 2 and "welke activiteit?" in r.stderr


@settings(
    max_examples=examples(60),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(query=st.text(min_size=1, max_size=8))
def test_any_selector_is_an_answer_never_an_internal_error(
    run: Run, example_plan: Path, query: str
) -> None:
    r = run("move", str(example_plan), query, "--year", "2", "--dry-run", "--today", TODAY)
    assert r.exit_code in (0, 2), r.stderr
    assert "interne fout" not in r.stderr and "Traceback" not in r.stderr
    r = run("status", str(example_plan), "1", query, "--dry-run", "--today", TODAY)
    assert r.exit_code in (0, 2), r.stderr
    assert "interne fout" not in r.stderr and "Traceback" not in r.stderr


# -- done on a done activity says what it changes ----------------------------------------


def test_done_again_with_a_new_date_says_old_and_new(run: Run, example_plan: Path) -> None:
    r = run("done", str(example_plan), "4", "--on", "2026-06-01", "--evidence", "KPB")
    assert r.exit_code == 0, r.stderr
    assert (
        "activiteit 4 'Actieve bijdrage VIM-bespreking' was al afgerond; gewijzigd: "
        "done_on 2026-05-20 → 2026-06-01; evidence 'Casus ingebracht in VIM-commissie, "
        "verslag in portfolio' → 'KPB'."
    ) in r.stdout
    # without --on the date stays; the same evidence again changes nothing
    r = run("done", str(example_plan), "4", "--evidence", "KPB", "--today", TODAY)
    assert r.exit_code == 0 and "niets te wijzigen" in r.stdout


# -- status words, and taking an activity out of done -------------------------------------


@pytest.mark.parametrize(
    ("word", "lang", "said"),
    [
        ("bezig", "nl", "heeft nu status bezig."),
        ("in_progress", "nl", "heeft nu status bezig."),
        ("In-Progress", "en", "now has status in progress."),
        ("in progress", "en", "now has status in progress."),
        ("bezig", "en", "now has status in progress."),
        ("VERVALLEN", "nl", "heeft nu status vervallen."),
        ("dropped", "nl", "heeft nu status vervallen."),
    ],
)
def test_status_takes_dutch_and_english_words_and_speaks_the_language(
    run: Run, example_plan: Path, word: str, lang: str, said: str
) -> None:
    r = run("status", str(example_plan), "5", word, "--lang", lang, "--today", TODAY)
    assert r.exit_code == 0, r.stderr
    assert said in r.stdout
    state = {"b": "in_progress", "i": "in_progress", "I": "in_progress"}.get(word[0], "dropped")
    assert f"    status: {state}\n" in example_plan.read_text(encoding="utf-8")


def test_an_unknown_status_word_lists_the_words_to_type(run: Run, example_plan: Path) -> None:
    r = run("status", str(example_plan), "5", "klaar", "--lang", "en")
    assert r.exit_code == 2
    assert "STATUS: 'klaar' is not possible; choose from planned, in_progress, dropped\n" in (
        r.stderr
    )


@pytest.mark.parametrize("word", ["afgerond", "done", "Done"])
def test_status_done_in_any_language_points_to_mlplan_done(
    run: Run, example_plan: Path, word: str
) -> None:
    r = run("status", str(example_plan), "5", word)
    assert r.exit_code == 2 and "gebruik mlplan done" in r.stderr


def test_status_of_a_done_activity_removes_its_completion_data_visibly(
    run: Run, example_plan: Path
) -> None:
    original = example_plan.read_text(encoding="utf-8")
    r = run("status", str(example_plan), "1", "gepland", "--dry-run", "--today", TODAY)
    assert r.exit_code == 0, r.stderr
    assert [
        line
        for line in r.stdout.splitlines()
        if line[:1] in "+-" and line[:3] not in ("---", "+++")
    ] == [
        "-    status: done",
        "-    done_on: 2026-03-12",
        "-    evidence: KPB voorzitten overdracht",
        "+    status: planned",
    ]
    assert "weggehaald" in r.stderr and "evidence: 'KPB voorzitten overdracht'" in r.stderr
    r = run("status", str(example_plan), "1", "planned", "--lang", "en", "--today", TODAY)
    assert r.exit_code == 0, r.stderr
    assert (
        "now has status planned. Completion data removed (only a done activity has it): "
        "done_on: 2026-03-12; evidence: 'KPB voorzitten overdracht'."
    ) in r.stdout
    assert changed(original, example_plan.read_text(encoding="utf-8")) == [
        "@@ -21,3 +21 @@",
        "-    status: done",
        "-    done_on: 2026-03-12",
        "-    evidence: KPB voorzitten overdracht",
        "+    status: planned",
    ]
    r = run("check", str(example_plan), "--today", TODAY)
    assert "ML201" not in r.stdout


# -- flow style: mlplan plan's numbers and paste text that fits (issue 12 item 18) --------


def test_flow_style_activity_is_named_by_its_number_with_an_indented_item_to_paste(
    run: Run, tmp_path: Path
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "version: 1\naios: {name: A}\ntraining: {start: 2025-09-01, years: 5}\n"
        "activities:\n"
        "    - topic: innovatie\n      title: Eerste\n      year: 1\n"
        "    - {topic: innovatie, title: Tweede, year: 2}\n",
        encoding="utf-8",
    )
    before = plan.read_bytes()
    r = run("done", str(plan), "2", "--evidence", "KPB", "--today", TODAY)
    assert r.exit_code == 1
    assert "activiteit 2 staat in flow-stijl" in r.stderr and "activities[" not in r.stderr
    assert "Vervang activiteit 2 in het plan zelf door dit" in r.stderr
    assert r.stdout == (
        "    - topic: innovatie\n      title: Tweede\n      year: 2\n      status: done\n"
        "      done_on: 2026-11-22\n      evidence: KPB\n"
    )
    assert plan.read_bytes() == before
    plan.write_text(
        before.decode().replace("    - {topic: innovatie, title: Tweede, year: 2}\n", r.stdout)
    )
    r = run("check", str(plan), "--today", TODAY)
    assert "ML001" not in r.stdout and "ML002" not in r.stdout
    r = run("done", str(plan), "2", "--evidence", "KPB", "--today", TODAY)
    assert r.exit_code == 0 and "niets te wijzigen" in r.stdout  # the pasted item is it


# -- line endings and unreadable files (issue 18 item 18) ---------------------------------


def test_cr_only_plan_is_edited_keeping_its_line_endings(run: Run, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    text = EXAMPLE_PLAN.read_text(encoding="utf-8")
    plan.write_bytes(text.replace("\n", "\r").encode("utf-8"))
    r = run("done", str(plan), "3", "--evidence", "KPB", "--today", TODAY)
    assert r.exit_code == 0, r.stderr
    r = run("add", str(plan), "--topic", "innovatie", "--title", "Nieuw", "--year", "2")
    assert r.exit_code == 0, r.stderr
    expected = text.replace(
        "behandelmethodes\n",
        "behandelmethodes\n    status: done\n    done_on: 2026-11-22\n    evidence: KPB\n",
        1,
    ).replace("\ncourses:", "  - topic: innovatie\n    title: Nieuw\n    year: 2\n\ncourses:", 1)
    assert plan.read_bytes() == expected.replace("\n", "\r").encode("utf-8")


@pytest.mark.parametrize(
    ("lang", "said"), [("nl", "geen toestemming om te lezen"), ("en", "permission denied")]
)
@pytest.mark.parametrize("command", ["add", "meeting", "done", "check"])
def test_unreadable_plan_is_said_in_the_users_language(
    run: Run,
    example_plan: Path,
    monkeypatch: pytest.MonkeyPatch,
    command: str,
    lang: str,
    said: str,
) -> None:
    """Tests run as root, who may read anything: make the plan unreadable by telling every
    permission check (typer's os.access and the read itself) that it is."""
    real_access, real_open = os.access, os.open

    def access(path: object, mode: int, *args: object, **kwargs: object) -> bool:
        if Path(str(path)) == example_plan and mode & os.R_OK:
            return False
        return real_access(path, mode, *args, **kwargs)  # type: ignore[arg-type]

    def open_(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if Path(str(path)) == example_plan and not flags & (os.O_WRONLY | os.O_RDWR):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(os, "open", open_)  # fileio.read_file, the one reader
    args = {
        "add": ["--topic", "innovatie", "--title", "x", "--year", "1"],
        "meeting": ["--date", TODAY, "--kind", "voortgang"],
        "done": ["3"],
        "check": [],
    }[command]
    r = run(command, str(example_plan), *args, "--lang", lang)
    assert r.exit_code == 2
    assert f"{example_plan}: {said}" in r.stderr
    assert "not readable" not in r.stderr


def test_cr_only_plan_gets_the_same_finding_positions_as_lf(run: Run, tmp_path: Path) -> None:
    text = EXAMPLE_PLAN.read_text(encoding="utf-8").replace("    evidence: KPB", "    evidenc: KPB")
    (tmp_path / "lf.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "cr.yaml").write_bytes(text.replace("\n", "\r").encode("utf-8"))
    lf = run("check", str(tmp_path / "lf.yaml"), "--today", TODAY).stdout
    cr = run("check", str(tmp_path / "cr.yaml"), "--today", TODAY).stdout
    assert "ML002" in lf and ":1:1: ML002" not in lf
    assert cr.replace("cr.yaml", "lf.yaml") == lf
