"""Shared fixtures: run the CLI in-process through its real entry point."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from mlplan import i18n
from mlplan.cli.app import main

EXAMPLE_PLAN = Path(__file__).resolve().parents[1] / "data" / "example-plan.yaml"

# Property tests run their full counts in CI (``HYPOTHESIS_PROFILE=ci``, set by .ci/run)
# and a fifth of them by default, so the README's test command stays quick on a laptop.
FULL_COUNTS = os.environ.get("HYPOTHESIS_PROFILE") == "ci"


# Time is not what property tests assert: on a shared 2-core machine under load, drawing or
# running one example can take seconds, which Hypothesis would report as a failure
# (``too_slow``, a deadline). Tests that are about speed live in bench/, not here.
settings.register_profile(
    "mlplan", deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.load_profile("mlplan")


def examples(full: int) -> int:
    """How many examples a property test draws: ``full`` in CI, a fifth otherwise."""
    return full if FULL_COUNTS else max(20, full // 5)


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never depend on the developer's language, colour or CI settings."""
    for var in (
        "MLPLAN_LANG",
        "LANGUAGE",
        "LANG",
        "LC_ALL",
        "MLPLAN_FRAMEWORK",
        "MLPLAN_JOBS",
        "GITHUB_ACTIONS",
        "FORCE_COLOR",
    ):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    # a message id missing from a catalogue fails the test that reaches it
    monkeypatch.setenv(i18n.STRICT_VAR, "1")
    monkeypatch.setenv("COLUMNS", "100")
    i18n.set_language(i18n.DEFAULT_LANGUAGE)


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    """Run ``mlplan ARGS…`` through ``mlplan.cli.app.main`` and return code and output."""

    def _run(*args: str) -> Result:
        capsys.readouterr()
        try:
            main(list(args))
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return _run


@pytest.fixture
def example_plan(tmp_path: Path) -> Path:
    """A copy of the shipped example plan in a temporary directory."""
    target = tmp_path / "plan.yaml"
    target.write_text(EXAMPLE_PLAN.read_text(encoding="utf-8"), encoding="utf-8")
    return target


@pytest.fixture
def init_example(
    run: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """The example plan made the way a user makes it (``mlplan init --example`` in an empty
    directory, which becomes the working directory)."""
    monkeypatch.chdir(tmp_path)
    assert run("init", "--example").exit_code == 0
    return tmp_path / "plan.yaml"
