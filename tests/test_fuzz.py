"""Fuzzing ``check`` with raw bytes and ``summary`` with broken plans, through the whole CLI.

Bounded for CI (a few seconds each). ``tests/test_check_property.py`` fuzzes ``check`` with
generated and mutated *text*; this adds arbitrary bytes (any encoding, control
characters, NULs, truncated UTF-8) and ``summary``, one plan and a group, in every format.
Whatever the file holds: exit 0, 1 or 2, text on both streams, never a traceback or an
internal error.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLE_PLAN, Result, examples
from tests.test_check_property import ENCODINGS, mutate, mutation

Run = Callable[..., Result]
BASE = EXAMPLE_PLAN.read_text(encoding="utf-8")
TODAY = ("--today", "2026-11-22")
BOUNDED = settings(
    max_examples=examples(250),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# bytes a file may really hold: the example with raw bytes spliced in, or anything at all
splices = st.tuples(st.integers(0, len(BASE.encode())), st.binary(min_size=1, max_size=12))
plan_bytes = st.one_of(
    st.binary(max_size=400),
    st.lists(splices, min_size=1, max_size=4).map(
        lambda cuts: _splice(BASE.encode(), cuts)  # in order, as an editor would damage it
    ),
    st.builds(
        lambda steps, enc: mutate(BASE, steps).encode(enc, errors="replace"),
        st.lists(mutation, min_size=1, max_size=4),
        ENCODINGS,
    ),
)


def _splice(data: bytes, cuts: list[tuple[int, bytes]]) -> bytes:
    for at, junk in cuts:
        data = data[:at] + junk + data[at:]
    return data


def survived(result: Result, allowed: tuple[int, ...] = (0, 1, 2)) -> None:
    assert result.exit_code in allowed, (result.exit_code, result.stderr[-500:])
    both = result.stdout + result.stderr
    assert "Traceback" not in both
    assert "interne fout" not in both, result.stderr[-500:]


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    return tmp_path / "plan.yaml"


@BOUNDED
@given(data=plan_bytes)
def test_check_any_bytes(run: Run, plan_file: Path, data: bytes) -> None:
    plan_file.write_bytes(data)
    result = run("check", str(plan_file), "--format", "json", *TODAY)
    survived(result, (0, 1))  # a readable file: findings, never a usage error
    report = json.loads(result.stdout)
    assert result.exit_code == (1 if report["errors"] else 0)


@BOUNDED
@given(data=plan_bytes, fmt=st.sampled_from(["table", "markdown", "json"]))
def test_summary_of_one_plan(run: Run, plan_file: Path, data: bytes, fmt: str) -> None:
    plan_file.write_bytes(data)
    result = run("summary", str(plan_file), "--format", fmt, *TODAY)
    survived(result, (0, 1))
    if fmt == "json":
        page: dict[str, Any] = json.loads(result.stdout)
        assert result.exit_code == (1 if page["check"]["errors"] else 0)


@settings(BOUNDED, max_examples=examples(80))
@given(
    plans=st.lists(plan_bytes, min_size=1, max_size=3),
    fmt=st.sampled_from(["table", "markdown", "json"]),
)
def test_summary_of_a_group(run: Run, tmp_path: Path, plans: list[bytes], fmt: str) -> None:
    group = tmp_path / "groep"
    group.mkdir(exist_ok=True)
    for old in group.iterdir():
        old.unlink()
    (group / "anne.yaml").write_text(BASE, encoding="utf-8")  # one sound plan
    for i, data in enumerate(plans):
        (group / f"aios-{i}.yaml").write_bytes(data)
    result = run("summary", str(group), "--format", fmt, *TODAY)
    survived(result, (0, 1))
    if fmt == "json":
        overview = json.loads(result.stdout)["overview"]
        assert len(overview) == len(plans) + 1  # a broken plan is a row, never missing
        assert "Anne de Vries" in [row["name"] for row in overview]
