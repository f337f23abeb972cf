"""Patient-identifying text: the detector on a labelled corpus, the ML3xx findings at their
place in the file, and redaction that changes the output but never the plan."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from mlplan.domain import privacy
from mlplan.io.loading import load_framework
from mlplan.model.plan import Plan
from tests.conftest import EXAMPLE_PLAN, Result, examples

Run = Callable[..., Result]
ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "assets" / "privacy-corpus.tsv"
START = dt.date(2025, 9, 1)


# -- the BSN's elfproef ------------------------------------------------------------------


@pytest.mark.parametrize("number", ["111222333", "123456782", "100000009"])
def test_elfproef_accepts_valid_numbers(number: str) -> None:
    assert privacy.is_bsn(number)


@pytest.mark.parametrize(
    "number", ["123456789", "111222334", "000000000", "12345678", "1234567890", "12345678x"]
)
def test_elfproef_refuses_other_numbers(number: str) -> None:
    assert not privacy.is_bsn(number)


def test_a_number_that_fails_the_elfproef_is_not_reported() -> None:
    assert privacy.find("ordernummer 123456789 en 987654321") == []
    (found,) = privacy.find("BSN 1234.56.782 op de lijst")
    assert (found.kind, found.start, found.end) == (privacy.Kind.BSN, 4, 15)


# -- the corpus ----------------------------------------------------------------------------


def _corpus() -> list[tuple[set[str], str]]:
    rows = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            labels, text = line.split("\t")
            rows.append((set() if labels == "-" else set(labels.split(",")), text))
    return rows


def measure() -> tuple[int, int, int, int]:
    """(texts without identifiers, false alarms among them, identifiers, missed ones).

    A false alarm is a text without identifiers that gets any finding; a miss is a labelled
    identifier whose kind is not found in its text.
    """
    clean = alarms = wanted = missed = 0
    for labels, text in _corpus():
        kinds = {f.kind.value for f in privacy.find(text, START)}
        if not labels:
            clean += 1
            alarms += bool(kinds)
        wanted += len(labels)
        missed += len(labels - kinds)
    return clean, alarms, wanted, missed


def test_the_corpus_has_both_kinds_of_text_in_both_languages() -> None:
    rows = _corpus()
    assert sum(1 for labels, _ in rows if not labels) >= 40
    assert {k.value for k in privacy.Kind} <= set().union(*(labels for labels, _ in rows))


def test_rates_on_the_corpus_are_the_ones_the_docs_state() -> None:
    clean, alarms, wanted, missed = measure()
    doc = (ROOT / "docs" / "privacy.md").read_text(encoding="utf-8")
    stated = re.search(
        r"false alarms: (\d+) of (\d+) texts without identifiers.*?missed: (\d+) of (\d+) identifiers",
        doc,
        re.S,
    )
    assert stated, "docs/privacy.md states the measured rates"
    assert tuple(map(int, stated.groups())) == (alarms, clean, missed, wanted)
    assert alarms / clean <= 0.1
    assert missed / wanted <= 0.1


@settings(max_examples=examples(800))
@given(
    st.lists(
        st.sampled_from(["Patiënt", "MEVR.", "Dhr", "de heer", "hr.", "mw", "Ms", "x", " ", "7"])
        | st.text(max_size=4),
        max_size=8,
    ).map("".join)
)
def test_the_quick_screen_lets_through_what_digits_or_an_address_would(text: str) -> None:
    """``find``'s first look (a look-ahead on the first characters) passes the texts that
    hold a digit or a form of address, no more and no fewer."""
    plain = re.compile(rf"\d|{privacy._ADDRESS.pattern}", re.IGNORECASE)
    assert (privacy._SCREEN.search(text) is None) == (plain.search(text) is None)


_WORDS = st.sampled_from(
    ["Patiëntnummer", "ZIS", "Dossiernr.", "NHS number", "Mw.", "dhr", "De Heer", "Mrs", "hr.", "geb.",
     "12", "3", "-", ".", "/", " ", "1954", "maart", "Jansen", "van der", "123456782", ":"]
)  # fmt: skip


@settings(max_examples=examples(800))
@given(st.lists(_WORDS | st.text(max_size=3), max_size=10).map("".join))
@example("hr. Jansen, Mw. de Vries, ZIS 1234567, Dossiernr: 123.456, geb. 12 maart 1954")
@example("NHS number 943 476 5919; 1234.56.782 op 1954-03-12 en 3/4/54")
def test_the_led_patterns_match_where_their_plain_patterns_do(text: str) -> None:
    """The look-ahead in front of each detector's pattern only skips characters no match
    starts with: every match is the plain pattern's, at the same place."""
    for led in (privacy._BSN, privacy._DATE, privacy._RECORD, privacy._ADDRESS):
        plain = re.compile(re.sub(r"^\(\?=[^)]*\)", "", led.pattern), led.flags)
        assert plain.pattern != led.pattern
        assert [m.group() for m in led.finditer(text)] == [m.group() for m in plain.finditer(text)]


def test_the_quick_screen_passes_every_labelled_text_of_the_corpus() -> None:
    assert all(privacy._SCREEN.search(text) for labels, text in _corpus() if labels)


def test_no_finding_in_the_shipped_framework() -> None:
    fw = load_framework()
    texts = [json.dumps(fw.model_dump(mode="json"), ensure_ascii=False)]
    for _, topic in fw.topics():
        texts += topic.objectives + [a.title for a in topic.activities]
        texts += [f"{m.title} {m.provider or ''}" for m in topic.materials]
    assert [(t, privacy.find(t, START)) for t in texts if privacy.find(t, START)] == []


# -- check ---------------------------------------------------------------------------------

PLAN = """\
version: 1
aios: {name: Anne de Vries}
training: {start: 2025-09-01, years: 5}
activities:
  - topic: patientveiligheid
    title: VIM-bespreking
    year: 1
    notes: casus van mevrouw Jansen, geb. 12-03-1954, BSN 111222333
  - topic: innovatie
    title: EPD
    year: 2
    evidence: |
      Verslag in portfolio.
      HIX 12345678 in de bijlage.
meetings:
  - date: 2026-03-01
    kind: voortgang
    agreements: ["Casus dhr. de Boer uitwerken"]
"""


def test_check_points_at_each_identifier(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    result = run("check", str(path), "--today", "2026-01-01", "-f", "json")
    found = [
        (d["line"], d["column"], d["code"], d["severity"])
        for d in json.loads(result.stdout)["diagnostics"]
        if d["code"].startswith("ML3")
    ]
    # columns read off the plan above: "Jansen" at 30, the date at 43, the BSN at 59
    assert found == [
        (8, 30, "ML303", "warning"),
        (8, 43, "ML301", "warning"),
        (8, 59, "ML300", "warning"),
        (14, 11, "ML302", "warning"),
        (18, 30, "ML303", "warning"),
    ]


def test_a_finding_never_repeats_the_identifier(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    for fmt in ("text", "json", "github", "gitlab"):
        out = run("check", str(path), "--today", "2026-01-01", "-f", fmt).stdout
        # GitLab's fingerprints are hex digests: digits in them are no identifier
        out = re.sub(r'"fingerprint": "[0-9a-f]+"', "", out)
        for secret in ("Jansen", "12-03-1954", "111222333", "12345678", "de Boer"):
            assert secret not in out, (fmt, secret)


def test_warnings_by_default_errors_with_strict(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    clean = EXAMPLE_PLAN.read_text(encoding="utf-8")
    path.write_text(
        clean.replace("evidence: KPB voorzitten overdracht", "evidence: KPB, patiënt Pietersen"),
        encoding="utf-8",
    )
    assert run("check", str(path), "--today", "2026-11-22").exit_code == 0
    strict = run("check", str(path), "--today", "2026-11-22", "--strict")
    assert strict.exit_code == 1
    assert "ML303" in strict.stdout


def test_the_example_plan_has_no_finding(run: Run) -> None:
    result = run("check", str(EXAMPLE_PLAN), "--today", "2026-11-22", "--strict")
    assert result.exit_code == 0, result.stdout


# -- redaction -----------------------------------------------------------------------------

MARKERS = {
    privacy.Kind.BSN: "[BSN]",
    privacy.Kind.BIRTH_DATE: "[geboortedatum]",
    privacy.Kind.RECORD_NUMBER: "[patiëntnummer]",
    privacy.Kind.NAME: "[naam]",
}


def test_redacted_copy_masks_every_field_and_leaves_the_original() -> None:
    import yaml

    data = yaml.safe_load(
        PLAN.replace("2025-09-01", "'2025-09-01'").replace("2026-03-01", "'2026-03-01'")
    )
    plan = Plan.model_validate(data)
    masked = privacy.redacted(plan, MARKERS)
    assert masked.activities[0].notes == "casus van mevrouw [naam], geb. [geboortedatum], BSN [BSN]"
    assert (
        masked.activities[1].evidence
        == "Verslag in portfolio.\nHIX [patiëntnummer] in de bijlage.\n"
    )
    assert [a.text for a in masked.meetings[0].agreements] == ["Casus dhr. [naam] uitwerken"]
    assert "Jansen" in (plan.activities[0].notes or "")
    assert list(privacy.scan(masked)) == []


# -- exports -------------------------------------------------------------------------------

SECRETS = ("Jansen", "12-03-1954", "111222333", "12345678", "de Boer")


@pytest.mark.parametrize("fmt", ["table", "markdown", "json", "csv"])
def test_plan_with_redact_shows_markers_and_leaves_the_file(
    run: Run, tmp_path: Path, fmt: str
) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    result = run("plan", str(path), "-f", fmt, "--redact", "--today", "2026-01-01")
    shown = result.stdout + result.stderr
    for secret in SECRETS:
        assert secret not in shown, (fmt, secret)
    assert "[patiëntnummer]" in result.stdout.replace("\\[", "[").replace("\\]", "]")
    assert "patiëntgegevens" not in result.stderr  # masked: nothing to warn about
    assert path.read_text(encoding="utf-8") == PLAN
    assert not (tmp_path / "plan.yaml.bak").exists()


def test_plan_without_redact_says_so_on_stderr(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    result = run("plan", str(path), "-f", "markdown", "--today", "2026-01-01")
    assert "Verslag in portfolio. HIX 12345678" in result.stdout  # shown as written
    assert result.stderr.splitlines()[0] == (
        f"let op: {path} bevat mogelijk patiëntgegevens (5 plaatsen) die nu in de uitvoer "
        "staan; 'mlplan check' wijst ze aan, --redact vervangt ze"
    )
    # and the finding lines name the severity in words
    assert "- **ML303** (waarschuwing), regel 8, kolom 30" in result.stdout


def test_the_example_plan_gives_no_notice(run: Run) -> None:
    result = run("plan", str(EXAMPLE_PLAN), "-f", "markdown", "--today", "2026-11-22")
    assert result.stderr == ""


# -- summary -------------------------------------------------------------------------------

CLEAN = PLAN.split("activities:")[0].replace("Anne de Vries", "Bram Bakker") + "activities: []\n"


@pytest.mark.parametrize("fmt", ["table", "markdown", "json"])
def test_summary_with_redact_masks_the_page(run: Run, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    plain = run("summary", str(path), "-f", fmt, "--today", "2026-04-01")
    assert "de Boer" in plain.stdout  # the open agreement is on the page as written
    assert plain.stderr.startswith(f"let op: {path} bevat mogelijk patiëntgegevens (5 plaatsen)")
    result = run("summary", str(path), "-f", fmt, "--redact", "--today", "2026-04-01")
    for secret in SECRETS:
        assert secret not in result.stdout + result.stderr, (fmt, secret)
    assert "[naam]" in result.stdout.replace("\\[", "[").replace("\\]", "]")
    assert result.stderr == ""
    assert path.read_text(encoding="utf-8") == PLAN


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("fmt", ["table", "markdown", "json"])
def test_group_summary_names_the_plans_with_patient_data(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str, jobs: str
) -> None:
    monkeypatch.setenv("MLPLAN_JOBS", jobs)  # the count comes back from the workers too
    (tmp_path / "anne.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "bram.yaml").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "carla.yaml").write_text(PLAN.replace("Anne de Vries", "Carla"), encoding="utf-8")
    plain = run("summary", str(tmp_path), "-f", fmt, "--today", "2026-04-01")
    assert plain.stderr == (
        "let op: de uitvoer bevat mogelijk patiëntgegevens uit 2 plannen: "
        f"{tmp_path / 'anne.yaml'}, {tmp_path / 'carla.yaml'}; "
        "'mlplan check' wijst ze aan, --redact vervangt ze\n"
    )
    assert "de Boer" in plain.stdout
    masked = run("summary", str(tmp_path), "-f", fmt, "--redact", "--today", "2026-04-01")
    for secret in SECRETS:
        assert secret not in masked.stdout, (fmt, secret)
    assert masked.stderr == ""
    assert "Bram Bakker" in masked.stdout and "Carla" in masked.stdout  # aios names stay
    # the overview alone quotes no free text: nothing to warn about
    only = run("summary", str(tmp_path), "--overview-only", "--today", "2026-04-01")
    assert only.stderr == ""


def test_group_notice_in_english(run: Run, tmp_path: Path) -> None:
    (tmp_path / "anne.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "bram.yaml").write_text(CLEAN, encoding="utf-8")
    result = run("--lang", "en", "summary", str(tmp_path), "--today", "2026-04-01")
    assert result.stderr.startswith(
        f"note: the output may hold patient data from 1 plan: {tmp_path / 'anne.yaml'};"
    )
