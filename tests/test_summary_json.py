"""One vocabulary in every JSON output: ``plan``, ``summary`` (a page, a group, the overview
alone), ``check`` and ``framework``.

A script that reads several outputs of mlplan meets each concept under one name with one
set of identifiers: the training state (``timeline.TRAINING_STATES``, decided in one place),
phases, statuses, severities, coverage states. Identifiers never depend on ``--lang``: the
outputs in Dutch and in English differ only in the fields meant as text.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from mlplan.model import timeline
from mlplan.model.framework import PHASES
from mlplan.model.plan import Status

EXAMPLE_PLAN = Path(__file__).resolve().parents[1] / "data" / "example-plan.yaml"
START = dt.date(2025, 9, 1)  # the example's start; 5 years
Run = Callable[..., Any]

# the only keys whose values may follow --lang
TEXT_KEYS = frozenset({"text", "message", "language"})


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    """The example (in training), the same aios not started yet, and finished; a broken file."""
    directory = tmp_path / "plans"
    directory.mkdir()
    example = EXAMPLE_PLAN.read_text(encoding="utf-8")
    shutil.copy(EXAMPLE_PLAN, directory / "anne.yaml")
    (directory / "bram.yaml").write_text(
        example.replace("Anne de Vries", "Bram Bakker").replace("2025-09-01", "2019-09-01"),
        encoding="utf-8",
    )
    (directory / "cees.yaml").write_text(
        example.replace("Anne de Vries", "Cees Claassen").replace("2025-09-01", "2027-09-01"),
        encoding="utf-8",
    )
    (directory / "kapot.yaml").write_text("version: 1\naios: [name\n", encoding="utf-8")
    return directory


def outputs(run: Run, plans: Path, lang: str) -> dict[str, Any]:
    """Every JSON output of mlplan, parsed."""
    today = ("--today", "2026-11-22", "--lang", lang)
    anne = str(plans / "anne.yaml")
    commands = {
        "plan": ("plan", anne, "-f", "json"),
        "summary": ("summary", anne, "-f", "json"),
        "summary-broken": ("summary", str(plans / "kapot.yaml"), "-f", "json"),
        "group": ("summary", str(plans), "-f", "json"),
        "overview": ("summary", str(plans), "--overview-only", "-f", "json"),
        "check": ("check", *sorted(str(p) for p in plans.iterdir()), "-f", "json"),
        "framework": ("framework", "-f", "json"),
        "framework-topic": ("framework", "patientveiligheid", "-f", "json"),
    }
    result = {}
    for name, args in commands.items():
        done = run(*args, *(today if args[0] != "framework" else today[2:]))
        assert done.exit_code in (0, 1), (name, done.stderr)
        result[name] = json.loads(done.stdout)
    return result


def leaves(data: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    """(path of keys, value) for every scalar; list indices count as keys."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from leaves(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from leaves(value, (*path, str(i)))
    else:
        yield path, data


def test_json_is_the_same_in_every_language_but_for_its_text(run: Run, plans: Path) -> None:
    """The group overview's ``position`` was "2/5 begin" / "2/5 begin (early)": text where
    a script expects an identifier."""
    dutch, english = outputs(run, plans, "nl"), outputs(run, plans, "en")
    for name in dutch:
        nl, en = dict(leaves(dutch[name])), dict(leaves(english[name]))
        assert nl.keys() == en.keys(), name
        for path in (path for path in nl if nl[path] != en[path]):
            assert path[-1] in TEXT_KEYS, (name, "/".join(path), nl[path], en[path])


def _positions(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, dict):
        if "position" in data and data["position"] is not None:
            yield data["position"]
        for value in data.values():
            yield from _positions(value)
    elif isinstance(data, list):
        for value in data:
            yield from _positions(value)


def test_the_training_state_has_one_vocabulary(run: Run, plans: Path) -> None:
    """``plan``, a summary page and an overview row give each plan the state that
    ``timeline.standing_at`` decides, under the same key, with the same identifiers."""
    data = outputs(run, plans, "nl")
    today = dt.date(2026, 11, 22)
    states = {
        "Anne de Vries": timeline.standing_at(START, 5, today).state,
        "Bram Bakker": timeline.standing_at(dt.date(2019, 9, 1), 5, today).state,
        "Cees Claassen": timeline.standing_at(dt.date(2027, 9, 1), 5, today).state,
    }
    assert list(states.values()) == ["in_training", "finished", "not_started"]
    assert data["plan"]["position"] == {"state": "in_training", "year": 2, "phase": "begin"}
    assert data["summary"]["position"]["state"] == "in_training"
    rows = {r["name"]: r for r in data["group"]["overview"]}
    pages = {p["aios"]["name"]: p for p in data["group"]["plans"] if p["aios"]}
    for name, state in states.items():
        assert rows[name]["position"]["state"] == state
        assert pages[name]["position"]["state"] == state
    assert rows[None]["position"] is None and pages.get(None) is None
    for name in ("plan", "summary", "group", "overview"):
        for position in _positions(data[name]):
            assert position["state"] in timeline.TRAINING_STATES, name
            assert position["phase"] in (*PHASES, None), name
            assert (position["year"] is None) == (position["state"] != "in_training"), name


VOCABULARIES: dict[str, tuple[Any, ...]] = {
    "phase": (*PHASES, None),
    "suggested_phase": (*PHASES, None),
    "status": tuple(s.value for s in Status),
    "severity": ("error", "warning"),
}


def test_every_identifier_field_speaks_one_vocabulary(run: Run, plans: Path) -> None:
    """A phase is ``begin|midden|eind``, a status ``planned|in_progress|done|dropped``, a
    severity ``error|warning`` wherever it appears; coverage states are one set."""
    data = outputs(run, plans, "en")
    seen: set[str] = set()
    for name, output in data.items():
        for path, value in leaves(output):
            key = path[-1]
            if key in VOCABULARIES:
                seen.add(key)
                assert value in VOCABULARIES[key], (name, "/".join(path), value)
            if key == "state" and "position" not in path and "items" not in path:
                assert value in ("done", "planned", "missing"), (name, "/".join(path), value)
    assert seen == set(VOCABULARIES)


def test_one_name_for_each_concept(run: Run, plans: Path) -> None:
    """The list of findings is ``diagnostics`` (as in ``check``); the training's dates and
    length are ``training: {start, end, years, year_count}`` (as in ``plan``); a row's
    count of done items is ``done_since`` (as the page's section), not ``done`` (which the
    coverage uses for topics)."""
    data = outputs(run, plans, "nl")
    assert set(data["check"]) == {"diagnostics", "errors", "warnings"}
    assert set(data["plan"]["findings"]) == {"diagnostics", "errors", "warnings"}
    assert {"diagnostics", "errors", "warnings"} <= set(data["summary"]["check"])
    assert data["summary-broken"]["check"]["diagnostics"][0]["code"] == "ML001"
    assert data["summary"]["training"] == data["plan"]["training"]
    assert data["summary-broken"]["training"] is None
    row = next(r for r in data["overview"]["overview"] if r["name"] == "Anne de Vries")
    assert row["year_count"] == data["plan"]["training"]["year_count"] == 5
    assert row["done_since"] == len(data["summary"]["done_since"]["items"])
    assert not {"years", "done", "state", "year", "phase"} & set(row)
    assert "current" not in data["plan"]
    # an activity or course is named by its number in `mlplan plan` (1-based), everywhere
    numbers = {a["title"]: a["number"] for a in data["plan"]["activities"]}
    numbers |= {c["title"]: c["number"] for c in data["plan"]["courses"]}
    items = data["summary"]["done_since"]["items"] + data["summary"]["due"]["items"]
    assert items and all(i["number"] == numbers[i["title"]] for i in items)
    assert all("index" not in i for i in items)


def test_every_versioned_output_is_version_two(run: Run, plans: Path) -> None:
    data = outputs(run, plans, "nl")
    assert (data["plan"]["format"], data["plan"]["format_version"]) == ("mlplan-plan-overview", 2)
    assert (data["summary"]["format"], data["summary"]["format_version"]) == ("mlplan-summary", 2)
    for name in ("group", "overview"):
        assert (data[name]["format"], data[name]["format_version"]) == ("mlplan-summary-group", 2)
    assert all(page["format_version"] == 2 for page in data["group"]["plans"])
