"""Property: whatever a plan file holds, ``check`` ends with exit 0 or 1, never a
traceback, and every finding points at a line inside the file."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mlplan.domain.checking import check_file
from mlplan.io.loading import load_framework
from mlplan.render import diagnostics as render
from tests.conftest import EXAMPLE_PLAN, Result, examples

Run = Callable[..., Result]
BASE = EXAMPLE_PLAN.read_text(encoding="utf-8")
# Thousands of plans through the reader, the rules and every renderer (~5 ms each); a few
# hundred through the whole CLI in-process (~20 ms each, typer's parsing dominates).
MANY = settings(
    max_examples=examples(1500),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
GENERATED = settings(MANY, max_examples=examples(700))  # generating nested plans is the slow part
CLI = settings(MANY, max_examples=examples(150))
TODAY = dt.date(2026, 11, 22)

TOPICS = ["overlegmomenten", "innovatie", "patientveiligheid", "werk-en-prive", "patient", "x"]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(["2025-09-01", "2026-02-30", "drie", "done", "dropped", "no", "begin", "eind"]),
)
anything = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)


def maybe(value: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Usually a plausible value, sometimes anything at all."""
    return st.one_of(value, value, value, anything)


activity = st.fixed_dictionaries(
    {
        "topic": maybe(st.sampled_from(TOPICS)),
        "title": maybe(st.text(min_size=1, max_size=20)),
        "year": maybe(st.integers(0, 7)),
    },
    optional={
        "status": maybe(st.sampled_from(["planned", "in_progress", "done", "dropped"])),
        "phase": maybe(st.sampled_from(["begin", "midden", "eind"])),
        "done_on": maybe(st.dates().map(str)),
        "evidence": maybe(st.text(min_size=1, max_size=10)),
        "titel": anything,
    },
)
plans = st.fixed_dictionaries(
    {
        "version": maybe(st.just(1)),
        "aios": maybe(st.fixed_dictionaries({"name": maybe(st.text(min_size=1, max_size=10))})),
        "training": maybe(
            st.fixed_dictionaries(
                {
                    "start": maybe(st.dates().map(str)),
                    "years": maybe(st.floats(0.5, 8) | st.integers(1, 7)),
                }
            )
        ),
    },
    optional={
        "activities": maybe(st.lists(activity, max_size=20)),
        "courses": maybe(
            st.lists(
                st.fixed_dictionaries(
                    {
                        "course": maybe(
                            st.sampled_from(
                                ["coach-the-co", "doo-teamwork", "doo-team", "Eigen cursus"]
                            )
                        )
                    },
                    optional={
                        "year": maybe(st.integers(1, 8)),
                        "status": maybe(st.just("dropped")),
                    },
                ),
                max_size=4,
            )
        ),
        "improvement_points": maybe(
            st.lists(
                st.fixed_dictionaries({"point": maybe(st.text(min_size=1, max_size=8))}), max_size=6
            )
        ),
        "meetings": maybe(
            st.lists(
                st.fixed_dictionaries(
                    {
                        "date": maybe(st.sampled_from(["2026-01-01", "2026-13-01"])),
                        "kind": maybe(st.sampled_from(["voortgang", "x"])),
                    }
                ),
                max_size=3,
            )
        ),
    },
)

# Mutations of the example plan, as an editor or a careless paste would make them.
NOISE = st.text(alphabet=":-[]{}&*!#'\"\t\n |>%@`,?\\ abc019é\x00\x85\u2028", max_size=8)
mutation = st.one_of(
    st.tuples(st.just("insert"), st.integers(0, len(BASE)), NOISE),
    st.tuples(st.just("delete"), st.integers(0, len(BASE)), st.integers(1, 40)),
    st.tuples(st.just("dup-line"), st.integers(0, 200), st.just(0)),
    st.tuples(st.just("indent"), st.integers(0, 200), st.integers(-4, 4)),
)


ENCODINGS = st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-16", "latin-1"])


def mutate(text: str, steps: list[tuple[str, int, Any]]) -> str:
    for kind, at, arg in steps:
        if kind == "insert":
            text = text[:at] + arg + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + arg :]
        else:
            lines = text.split("\n")
            i = at % len(lines)
            if kind == "dup-line":
                lines.insert(i, lines[i])
            else:
                lines[i] = " " * max(arg, 0) + lines[i][max(-arg, 0) :]
            text = "\n".join(lines)
    return text


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    return tmp_path / "plan.yaml"


def holds(path: Path, data: bytes) -> None:
    """The library path of ``mlplan check``: read, check, render in every format."""
    path.write_bytes(data)
    found = check_file(path, load_framework(), TODAY).diagnostics  # cached after the first
    last_line = data.count(b"\n") + 1
    for d in found:
        assert 1 <= d.line <= last_line, (d, data[:300])
        assert d.column >= 1
        assert d.message, d
    # every machine format reads back with a finding per diagnostic, at its line
    report = json.loads(render.to_json(found))
    assert [(d["line"], d["code"]) for d in report["diagnostics"]] == [
        (d.line, d.code) for d in found
    ]
    quality = json.loads(render.to_gitlab(found))
    assert [q["location"]["lines"]["begin"] for q in quality] == [d.line for d in found]
    github = render.to_github(found)
    assert len(github.split("\n")) == len(found) or not found  # one line per finding
    assert "\r" not in github


def check_holds(run: Run, path: Path, data: bytes) -> None:
    """The whole command line, in-process."""
    path.write_bytes(data)
    result = run("check", str(path), "--format", "json", "--today", "2026-11-22")
    assert result.exit_code in (0, 1), (result.exit_code, result.stderr, data[:300])
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stderr == ""
    report = json.loads(result.stdout)
    last_line = data.count(b"\n") + 1
    for d in report["diagnostics"]:
        assert 1 <= d["line"] <= last_line, (d, data[:300])
        assert d["column"] >= 1
        assert d["message"], d
    assert result.exit_code == (1 if report["errors"] else 0)


def dump(plan: dict[str, Any]) -> bytes:
    return yaml.safe_dump(plan, allow_unicode=True, sort_keys=False).encode("utf-8")


@GENERATED
@given(plan=plans)
def test_generated_plans(plan_file: Path, plan: dict[str, Any]) -> None:
    holds(plan_file, dump(plan))


@MANY
@given(steps=st.lists(mutation, min_size=1, max_size=4), encoding=ENCODINGS)
def test_mutated_example_plans(
    plan_file: Path, steps: list[tuple[str, int, Any]], encoding: str
) -> None:
    holds(plan_file, mutate(BASE, steps).encode(encoding, errors="replace"))


@CLI
@given(plan=plans)
def test_generated_plans_through_the_cli(run: Run, plan_file: Path, plan: dict[str, Any]) -> None:
    check_holds(run, plan_file, dump(plan))


@CLI
@given(steps=st.lists(mutation, min_size=1, max_size=4), encoding=ENCODINGS)
def test_mutated_example_plans_through_the_cli(
    run: Run, plan_file: Path, steps: list[tuple[str, int, Any]], encoding: str
) -> None:
    check_holds(run, plan_file, mutate(BASE, steps).encode(encoding, errors="replace"))
