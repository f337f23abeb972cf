"""``mlplan check`` end to end: every finding with its line in every format, exit codes,
several files, unreadable files, defaults."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
import yaml

from mlplan.io import loading
from mlplan.io.loading import load_framework, shipped_path
from mlplan.model import plan as planmod
from mlplan.model.diagnostics import CODES, Diagnostic
from mlplan.render import diagnostics as render
from tests.conftest import EXAMPLE_PLAN, Result

Run = Callable[..., Result]
ROOT = Path(__file__).resolve().parents[1]

RULES_PLAN = """\
version: 1
aios:
  name: Test Aios
training:
  start: 2025-09-01
  years: 3
courses:
  - course: doo-team
    year: 4
activities:
  - topic: overlegmomenten
    title: Voorzitten MDO
    year: 1
  - topic: patientveilgheid
    title: VIM
    year: 2
  - topic: organisatie
    title: Protocol
    year: 2
    status: done
    done_on: 2030-01-01
  - topic: organisatie
    title: protocol
    year: 2
    evidence: verslag
improvement_points:
  - point: a
  - point: b
  - point: c
  - point: d
    how: "mw. Jansen, geb. 12-03-1954, BSN 111222333, patnr 1234567"
meetings:
  - date: 2025-09-15
    kind: introductie
    agreements:
      - text: Symposium organiseren
        owner: aios
      - text: DOO inplannen
        due: 2026-03-01
"""
SYNTAX_PLAN = "version: 1\naios:\n  name: [Anne\ntraining:\n  start: 2025-09-01\n"
SCHEMA_PLAN = "version: 1\naois:\n  name: Anne\ntraining:\n  start: 2025-02-30\n  years: drie\n"

# (path, line, column, code): read by hand against the three files above
EXPECTED: Counter[tuple[str, int, int, str]] = Counter(
    {
        ("rules.yaml", 7, 1, "ML101"): 2,  # courses: neither Coach-the-co nor a DOO course
        ("rules.yaml", 8, 13, "ML003"): 1,  # doo-team -> doo-teamwork
        ("rules.yaml", 9, 11, "ML102"): 1,  # year 4 of 3
        ("rules.yaml", 10, 1, "ML100"): 12,  # activities: 12 of 14 topics missing
        ("rules.yaml", 10, 1, "ML204"): 2,  # year 3 empty, year 2 holds 3 of 4
        ("rules.yaml", 13, 11, "ML200"): 1,  # Voorzitten MDO (eind) in year 1
        ("rules.yaml", 13, 11, "ML202"): 1,  # year 1 ended 2026-08-31, still planned
        ("rules.yaml", 14, 12, "ML003"): 1,  # patientveilgheid
        ("rules.yaml", 17, 5, "ML201"): 1,  # done: no evidence
        ("rules.yaml", 21, 14, "ML103"): 1,  # done_on after today
        ("rules.yaml", 23, 12, "ML002"): 1,  # the same activity twice
        ("rules.yaml", 25, 5, "ML205"): 1,  # evidence, but not done
        ("rules.yaml", 30, 5, "ML203"): 1,  # a fourth improvement point
        ("rules.yaml", 31, 15, "ML303"): 1,  # Jansen
        ("rules.yaml", 31, 28, "ML301"): 1,  # geb. 12-03-1954
        ("rules.yaml", 31, 44, "ML300"): 1,  # 111222333 passes the elfproef
        ("rules.yaml", 31, 61, "ML302"): 1,  # patnr 1234567
        ("rules.yaml", 33, 11, "ML208"): 1,  # no meeting for 14 months
        ("rules.yaml", 36, 9, "ML207"): 1,  # an owner, but no due date
        ("rules.yaml", 39, 14, "ML206"): 1,  # due 2026-03-01, still open
        ("schema.yaml", 1, 1, "ML002"): 1,  # aios missing
        ("schema.yaml", 2, 1, "ML002"): 1,  # aois: did you mean aios
        ("schema.yaml", 5, 10, "ML002"): 1,  # 2025-02-30
        ("schema.yaml", 6, 10, "ML002"): 1,  # years: drie
        ("syntax.yaml", 4, 9, "ML001"): 1,  # unclosed [
    }
)
ERRORS = sum(n for (_, _, _, code), n in EXPECTED.items() if code < "ML200")
WARNINGS = sum(EXPECTED.values()) - ERRORS


@pytest.fixture
def mistakes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The three files in the current directory, so paths print as given."""
    for name, text in (
        ("rules.yaml", RULES_PLAN),
        ("syntax.yaml", SYNTAX_PLAN),
        ("schema.yaml", SCHEMA_PLAN),
    ):
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return ["rules.yaml", "syntax.yaml", "schema.yaml"]


def test_expected_covers_every_code() -> None:
    assert {code for _, _, _, code in EXPECTED} == set(CODES)


# -- every finding in every format --------------------------------------------------------

TEXT_LINE = re.compile(
    r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>ML\d{3}) (?P<msg>.+)$"
)
GITHUB_LINE = re.compile(
    r"^::(?P<sev>error|warning) file=(?P<path>[^,]+),line=(?P<line>\d+),col=(?P<col>\d+),"
    r"title=(?P<code>ML\d{3})::(?P<msg>.+)$"
)


def parse_text(stdout: str) -> tuple[Counter[tuple[str, int, int, str]], str]:
    *lines, last = stdout.strip().splitlines()
    found: Counter[tuple[str, int, int, str]] = Counter()
    for line in lines:
        m = TEXT_LINE.match(line)
        assert m, line
        found[(m["path"], int(m["line"]), int(m["col"]), m["code"])] += 1
    return found, last


def test_text_format(run: Run, mistakes: list[str]) -> None:
    result = run("check", *mistakes, "--today", "2026-11-22")
    assert result.exit_code == 1, result.stderr
    found, count_line = parse_text(result.stdout)
    assert found == EXPECTED
    assert count_line == f"{ERRORS} fouten, {WARNINGS} waarschuwingen in 3 bestanden."
    lines = result.stdout.splitlines()

    def position(line: str) -> tuple[str, int]:
        path, number = line.split(":")[:2]
        return path, int(number)

    assert lines[:-1] == sorted(lines[:-1], key=position)  # by path, then line
    assert (
        "rules.yaml:14:12: ML003 onbekend onderwerp 'patientveilgheid'. Bedoelde je 'patientveiligheid'?"
        in lines
    )
    assert "\x1b" not in result.stdout
    assert result.stderr == ""


def test_json_format(run: Run, mistakes: list[str]) -> None:
    result = run("check", *mistakes, "--today", "2026-11-22", "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert set(data) == {"diagnostics", "errors", "warnings"}
    assert (data["errors"], data["warnings"]) == (ERRORS, WARNINGS)
    found = Counter((d["path"], d["line"], d["column"], d["code"]) for d in data["diagnostics"])
    assert found == EXPECTED
    for d in data["diagnostics"]:
        assert set(d) == {"path", "line", "column", "code", "severity", "message"}
        assert d["severity"] == ("warning" if d["code"] >= "ML200" else "error")
        assert d["message"]


def test_github_format(run: Run, mistakes: list[str]) -> None:
    result = run("check", *mistakes, "--today", "2026-11-22", "--format", "github")
    assert result.exit_code == 1
    found: Counter[tuple[str, int, int, str]] = Counter()
    for line in result.stdout.splitlines():
        m = GITHUB_LINE.match(line)
        assert m, line
        assert m["sev"] == ("warning" if m["code"] >= "ML200" else "error")
        found[(m["path"], int(m["line"]), int(m["col"]), m["code"])] += 1
    assert found == EXPECTED


def test_gitlab_format(run: Run, mistakes: list[str]) -> None:
    result = run("check", *mistakes, "--today", "2026-11-22", "--format", "gitlab")
    assert result.exit_code == 1
    items = json.loads(result.stdout)
    assert isinstance(items, list)
    found = Counter(
        (i["location"]["path"], i["location"]["lines"]["begin"], 0, i["check_name"]) for i in items
    )
    assert found == Counter({(p, line, 0, c): n for (p, line, _, c), n in EXPECTED.items()})
    for item in items:
        assert item["severity"] == ("minor" if item["check_name"] >= "ML200" else "major")
        assert item["description"]
    fingerprints = [i["fingerprint"] for i in items]
    assert len(set(fingerprints)) == len(items)
    again = json.loads(
        run("check", *mistakes, "--today", "2026-11-22", "-f", "gitlab", "--lang", "en").stdout
    )
    assert [i["fingerprint"] for i in again] == fingerprints  # stable, whatever the language
    assert again[0]["description"] != items[0]["description"]


def test_english_text(run: Run, mistakes: list[str]) -> None:
    result = run("check", "rules.yaml", "--today", "2026-11-22", "--lang", "en")
    assert (
        "rules.yaml:23:12: ML002 activity 'protocol' under 'organisatie' is already in the plan (activity no. 3); remove one or give them different titles"
        in result.stdout
    )
    assert result.stdout.splitlines()[-1] == "19 errors, 14 warnings in 1 file."


# -- the shipped example plan, strictness, exit codes --------------------------------------


def test_example_plan_passes(run: Run, example_plan: Path) -> None:
    result = run("check", str(example_plan), "--today", "2026-11-22")
    assert result.exit_code == 0, result.stdout
    assert result.stdout == "Geen fouten of waarschuwingen in 1 bestand.\n"
    assert run("check", str(example_plan), "--today", "2026-11-22", "--strict").exit_code == 0


def test_strict_makes_warnings_fail(run: Run, example_plan: Path) -> None:
    later = run("check", str(example_plan), "--today", "2031-01-01")
    assert later.exit_code == 0
    assert later.stdout.splitlines()[-1] == "0 fouten, 11 waarschuwingen in 1 bestand."
    assert all(" ML202 " in line for line in later.stdout.splitlines()[:-1])
    strict = run("check", str(example_plan), "--today", "2031-01-01", "--strict")
    assert strict.exit_code == 1
    assert strict.stdout == later.stdout


def test_several_files_and_a_missing_one(run: Run, mistakes: list[str]) -> None:
    result = run("check", "missing.yaml", "rules.yaml", "--today", "2026-11-22")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "fout: missing.yaml: bestand niet gevonden",
        "1 bestand kon niet gelezen worden",
    ]
    found, count_line = parse_text(result.stdout)  # the readable file is still checked
    assert sum(found.values()) == 33
    assert count_line.endswith("in 1 bestand.")


def test_a_directory_is_exit_2(run: Run, tmp_path: Path) -> None:
    result = run("check", str(tmp_path))
    assert result.exit_code == 2
    assert f"{tmp_path}: is een map, geen bestand" in result.stderr
    assert result.stdout == ""


def test_default_path_is_plan_yaml(
    run: Run, example_plan: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(example_plan.parent)
    assert run("check", "--today", "2026-11-22").exit_code == 0
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.chdir(empty)
    result = run("check")
    assert result.exit_code == 2
    assert "plan.yaml: bestand niet gevonden" in result.stderr


def test_github_is_the_default_in_github_actions(
    run: Run, mistakes: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = run("check", "syntax.yaml")
    assert result.stdout.startswith("::error file=syntax.yaml,line=4,col=9,title=ML001::")
    assert run("check", "syntax.yaml", "--format", "text").stdout.startswith("syntax.yaml:4:9:")


def test_bad_format_is_a_usage_error(run: Run, example_plan: Path) -> None:
    assert run("check", str(example_plan), "--format", "sarif").exit_code == 2


def test_unreadable_files_are_counted_with_the_verb_agreeing(run: Run, tmp_path: Path) -> None:
    result = run("check", str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml"))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "2 bestanden konden niet gelezen worden"
    result = run("check", str(tmp_path / "a.yaml"), "--lang", "en")
    assert result.stderr.splitlines()[-1] == "1 file could not be read"


def test_invalid_framework_is_exit_2(run: Run, example_plan: Path, tmp_path: Path) -> None:
    bad = tmp_path / "fw.yaml"
    bad.write_text("id: x\n", encoding="utf-8")
    result = run("check", str(example_plan), "--framework", str(bad))
    assert result.exit_code == 2
    assert f"{bad}: ongeldig kaderbestand (8 problemen)" in result.stderr  # 8 missing keys
    assert re.search(r"fw\.yaml:1:1: ML002", result.stderr)
    bad.write_text("id: [x\n", encoding="utf-8")
    result = run("check", str(example_plan), "--framework", str(bad))
    assert f"{bad}: ongeldig kaderbestand (1 probleem)" in result.stderr


def test_framework_is_loaded_once(
    run: Run, mistakes: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []

    real = loading.load_framework

    def counting(path: Path | None = None) -> object:
        calls.append(path)
        return real(path)

    # where check's run finds it (imported there: the module is also the declaration)
    monkeypatch.setattr("mlplan.io.loading.load_framework", counting)
    run("check", *mistakes)
    assert len(calls) == 1


def test_ctrl_c_is_130(run: Run, example_plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupt(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("mlplan.domain.checking.check_file", interrupt)
    result = run("check", str(example_plan))
    assert result.exit_code == 130
    assert "Afgebroken" in result.stderr


def test_internal_error_is_exit_2_without_traceback(
    run: Run, example_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("mlplan.domain.checking.check_file", crash)
    result = run("check", str(example_plan))
    assert result.exit_code == 2
    assert "interne fout" in result.stderr and "Traceback" not in result.stderr


# -- rendering details ---------------------------------------------------------------------


def test_github_escapes_properties_and_message() -> None:
    d = Diagnostic("dir,a:b/plan%.yaml", 3, 4, "ML001", "yaml.syntax", {"detail": "50%\r\nx, y: z"})
    assert render.to_github([d]) == (
        "::error file=dir%2Ca%3Ab/plan%25.yaml,line=3,col=4,title=ML001::"
        "YAML-syntaxfout: 50%25%0D%0Ax, y: z"
    )


def test_gitlab_fingerprint_ignores_the_line_and_separates_repeats() -> None:
    params = {"id": "x", "title": "X", "example": "Y"}
    a = Diagnostic("p.yaml", 3, 1, "ML100", "rule.ML100", params)
    moved = Diagnostic("p.yaml", 9, 1, "ML100", "rule.ML100", params)
    assert render.fingerprint(a, 0) == render.fingerprint(moved, 0)
    items = json.loads(render.to_gitlab([a, a]))
    assert items[0]["fingerprint"] != items[1]["fingerprint"]


def test_text_colour_only_through_the_styler() -> None:
    d = Diagnostic("p.yaml", 1, 1, "ML203", "rule.ML203", {"count": 4, "max": 3})
    plain = render.to_text([d], 1)
    assert "\x1b" not in plain
    coloured = render.to_text([d], 1, lambda text, code: f"\x1b[{code}m{text}\x1b[0m")
    assert "\x1b[1;33mML203\x1b[0m" in coloured


# -- schema and the pre-commit hook --------------------------------------------------------


def test_schema_prints_the_plan_schema_with_descriptions(run: Run) -> None:
    result = run("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema == json.loads(json.dumps(planmod.json_schema(load_framework())))
    assert schema["additionalProperties"] is False
    missing = []
    for name, node in [("Plan", schema), *schema["$defs"].items()]:
        assert node.get("description"), name
        for key, prop in node.get("properties", {}).items():
            if not prop.get("description"):
                missing.append(f"{name}.{key}")
    assert missing == []
    assert "Naam van de aios." in result.stdout  # Dutch, not escaped


def _choices(node: dict[str, object]) -> dict[str, str]:
    """The completion choices an editor offers for a property: const -> description."""
    alts = node.get("oneOf") or next(
        (a["oneOf"] for a in node.get("anyOf", []) if isinstance(a, dict) and "oneOf" in a), []
    )
    return {alt["const"]: alt["description"] for alt in alts}


def test_schema_offers_topic_and_course_ids_with_their_titles(run: Run) -> None:
    schema = json.loads(run("schema").stdout)
    props = schema["$defs"]
    topics = _choices(props["Activity"]["properties"]["topic"])
    assert len(topics) == 14
    assert topics["patientveiligheid"] == "Patiëntveiligheid"
    courses = _choices(props["CourseEntry"]["properties"]["course"])
    assert courses["coach-the-co"] == "Coach-the-co"
    assert courses["doo-leiderschap"] == "DOO leiderschap"
    stand_ins = _choices(props["CourseEntry"]["properties"]["satisfies"])
    assert set(stand_ins) == {"coach-the-co", "doo", "doo-teamwork", "doo-leiderschap"}


def test_schema_follows_the_framework_in_use(run: Run, tmp_path: Path) -> None:
    own = tmp_path / "kader.yaml"
    own.write_text(
        shipped_path().read_text(encoding="utf-8").replace("id: financien", "id: geldzaken"),
        encoding="utf-8",
    )
    schema = json.loads(run("schema", "--framework", str(own)).stdout)
    topics = _choices(schema["$defs"]["Activity"]["properties"]["topic"])
    assert "geldzaken" in topics
    assert "financien" not in topics


def test_schema_validates_the_example_and_catches_a_wrong_topic(run: Run) -> None:
    # a real JSON Schema validator, as an editor uses: the example plan passes (its own
    # course titles too), an unknown topic does not
    schema = json.loads(run("schema").stdout)
    validator = jsonschema.Draft202012Validator(schema)
    example = yaml.load(EXAMPLE_PLAN.read_text(encoding="utf-8"), Loader=_DatesAsText)
    assert list(validator.iter_errors(example)) == []
    example["courses"].append({"course": "Mijn eigen cursus leiderschap"})
    example["courses"].append({"course": "Coachen van coassistenten", "satisfies": "coach-the-co"})
    assert list(validator.iter_errors(example)) == []
    example["activities"][0]["topic"] = "overleg"
    errors = list(validator.iter_errors(example))
    assert [list(e.absolute_path) for e in errors] == [["activities", 0, "topic"]]


class _DatesAsText(yaml.SafeLoader):
    """Dates stay text, as the schema (and an editor reading YAML 1.2) sees them."""


_DatesAsText.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def test_pre_commit_hook_matches_plan_files() -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "mlplan-check"
    assert hook["entry"] == "mlplan check"
    assert hook["language"] == "python"
    pattern = re.compile(hook["files"])
    for name in ("plan.yaml", "iop/plan.yml", "plan-anne.yaml"):
        assert pattern.search(name), name
    for name in ("data/framework.yaml", "mlplan-plan.schema.json", "myplan.yaml"):
        assert not pattern.search(name), name


# -- the installed script ------------------------------------------------------------------


def installed_mlplan() -> str:
    script = Path(sys.executable).parent / ("mlplan.exe" if os.name == "nt" else "mlplan")
    found = str(script) if script.exists() else shutil.which("mlplan")
    assert found, "mlplan is not installed next to this Python"
    return found


def test_installed_script(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("MLPLAN_LANG", "GITHUB_ACTIONS")}
    ok = subprocess.run(
        [installed_mlplan(), "check", str(EXAMPLE_PLAN), "--today", "2026-11-22", "-f", "json"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout) == {"diagnostics": [], "errors": 0, "warnings": 0}
    bad = tmp_path / "plan.yaml"
    bad.write_bytes(b"version: 1\naios:\n  name: \xff\n")
    broken = subprocess.run(
        [installed_mlplan(), "check", str(bad)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert broken.returncode == 1
    assert f"{bad}:3:9: ML001" in broken.stdout
    assert "Traceback" not in broken.stdout + broken.stderr


def test_check_imports_nothing_heavy() -> None:
    """Start-up speed: a check never loads rich, the wizard or ruamel."""
    code = (
        "import sys\n"
        "from mlplan.cli.app import main\n"
        "try:\n"
        f"    main(['check', {str(EXAMPLE_PLAN)!r}, '--today', '2026-11-22'])\n"
        "except SystemExit as exc:\n"
        "    assert not exc.code, exc.code\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('rich', 'questionary', 'ruamel'))\n"
        "print(heavy)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "[]"


# -- schema errors and rules in one run ---------------------------------------------------

BROKEN_ENTRIES = """\
version: 1
aios:
  name: Test Aios
training:
  start: 2025-09-01
  years: 5
activities:
  - topic: overlegmomenten
    title: Voorzitten overdracht
    year: 1
    status: klaar
  - topic: patientveiligheid
    title: VIM-melding
    year: twee
  - topic: inovatie
    title: Project
    year: 9
  - topic: organisatie
    title: Iets
    year: 1
    status: done
"""


def test_schema_errors_in_entries_do_not_hide_the_other_entries_findings(
    run: Run, tmp_path: Path
) -> None:
    """One run shows every mistake to fix: the two broken activities (ML002) and, on the
    other two, an unknown topic, a year past the training and a done activity without
    proof, each at its own line in the file (not at its place among the valid entries)."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(BROKEN_ENTRIES, encoding="utf-8")
    result = run("check", str(plan), "--today", "2026-11-22")
    assert result.exit_code == 1
    found = [line.split(" ", 2)[:2] for line in result.stdout.splitlines()[:-1]]
    name = str(plan)
    assert found == [
        [f"{name}:11:13:", "ML002"],  # status: klaar
        [f"{name}:14:11:", "ML002"],  # year: twee
        [f"{name}:15:12:", "ML003"],  # inovatie, did you mean innovatie
        [f"{name}:17:11:", "ML102"],  # year 9 of 5
        [f"{name}:18:5:", "ML201"],  # done without evidence
        [f"{name}:18:5:", "ML201"],  # done without a date
    ]
    assert "Bedoelde je 'innovatie'?" in result.stdout
    # the whole-plan rules wait: without the broken entries, topics only seem uncovered
    assert "ML100" not in result.stdout and "ML101" not in result.stdout


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (("  years: 5\n", "  years: vijf\n"), "an error outside the entries: no years, no rules"),
        (("  name: Test Aios\n", "  name: Test Aios\n  name: Ander\n"), "a duplicate key"),
        (("version: 1\n", "version: 1\nonbekend: x\n"), "an unknown top-level key"),
    ],
)
def test_no_rules_when_more_than_entries_is_broken(
    run: Run, tmp_path: Path, change: tuple[str, str], why: str
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(BROKEN_ENTRIES.replace(*change), encoding="utf-8")
    result = run("check", str(plan), "--today", "2026-11-22")
    assert result.exit_code == 1
    codes = {line.split()[1] for line in result.stdout.splitlines()[:-1]}
    assert codes <= {"ML001", "ML002"}, why


# -- one course-matching rule for check, plan and summary (issue 12, item 5) ---------------

COURSE_PLAN = """\
version: 1
aios:
  name: Test Aios
training:
  start: 2025-09-01
  years: 3
activities:
  - {topic: overlegmomenten, title: Voorzitten overdracht, year: 1}
courses:
"""
REQUIREMENT_TITLES = {
    "coach-the-co": "Coach-the-co (of soortgelijke cursus)",
    "doo": "Minimaal 1x Discipline Overstijgend Onderwijs: DOO teamwork of DOO leiderschap",
}


@pytest.mark.parametrize(
    ("courses", "missing"),
    [
        ("  - course: Coach-the-co\n  - course: DOO teamwork\n", []),
        ("  - course: COACH THE CO\n", ["doo"]),
        ("  - course: ' coach-the-co '\n  - course: doo_leiderschap\n", []),
        (
            "  - course: Leergang coachen voor aios\n    satisfies: Coach-the-co\n"
            "  - course: Teamtraining\n    satisfies: doo\n",
            [],
        ),
        (
            "  - course: Leergang coachen voor aios\n    satisfies: coach-the-co\n"
            "    status: dropped\n  - course: doo-teamwork\n",
            ["coach-the-co"],
        ),
        ("  - course: Leergang coachen voor aios\n", ["coach-the-co", "doo"]),
    ],
)
def test_check_plan_and_summary_agree_on_required_courses(
    run: Run, tmp_path: Path, courses: str, missing: list[str]
) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(COURSE_PLAN + courses, encoding="utf-8")
    today = ("--today", "2025-10-01")

    checked = json.loads(run("check", str(path), *today, "--format", "json").stdout)
    ml101 = [d["message"] for d in checked["diagnostics"] if d["code"] == "ML101"]
    assert ml101 == [
        f"verplichte cursus ontbreekt: {REQUIREMENT_TITLES[r]}; voeg toe onder courses: "
        f"course: {'coach-the-co' if r == 'coach-the-co' else 'doo-teamwork / doo-leiderschap'}"
        for r in missing
    ]
    assert not [d for d in checked["diagnostics"] if d["code"] == "ML003"]

    planned = json.loads(run("plan", str(path), *today, "--format", "json").stdout)
    states = {r["id"]: r["state"] for r in planned["course_requirements"]}
    assert [rid for rid, state in states.items() if state == "missing"] == missing
    met = {rid for c in planned["courses"] if c["status"] != "dropped" for rid in c["requirements"]}
    assert met == set(REQUIREMENT_TITLES) - set(missing)
    for c in planned["courses"]:
        assert c["required"] == bool(c["requirements"])
        # a spelling of a framework course is that course, not the aios's own
        assert c["known"] == (c["satisfies"] is None and not c["course"].startswith("Leergang"))

    summary = json.loads(run("summary", str(path), *today, "--format", "json").stdout)
    points = [
        p["params"]["title"] for p in summary["talking_points"] if p["code"] == "missing_course"
    ]
    assert points == [REQUIREMENT_TITLES[r] for r in missing]
    summary_ml101 = [d["message"] for d in summary["check"]["diagnostics"] if d["code"] == "ML101"]
    assert summary_ml101 == ml101[: len(summary_ml101)]

    # the group overview counts the same findings
    group = json.loads(run("summary", str(tmp_path), *today, "--format", "json").stdout)
    (row,) = group["overview"]
    assert (row["errors"], row["warnings"]) == (checked["errors"], checked["warnings"])


def test_a_framework_course_spelt_as_its_title_shows_the_framework_title(
    run: Run, tmp_path: Path
) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(COURSE_PLAN + "  - course: coach THE co\n    year: 1\n", encoding="utf-8")
    planned = json.loads(run("plan", str(path), "--today", "2025-10-01", "--format", "json").stdout)
    assert planned["courses"][0]["title"] == "Coach-the-co"
    assert planned["courses"][0]["known"] is True
    summary = json.loads(
        run("summary", str(path), "--today", "2025-10-01", "--format", "json").stdout
    )
    assert [i["title"] for i in summary["due"]["items"] if i["kind"] == "course"] == [
        "Coach-the-co"
    ]


def test_schema_offers_satisfies_on_a_course(run: Run) -> None:
    schema = json.loads(run("schema").stdout)
    course = schema["$defs"]["CourseEntry"]["properties"]
    assert "satisfies" in course
    assert "coach-the-co" in course["satisfies"]["description"]
