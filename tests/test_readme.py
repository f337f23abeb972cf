"""Every command line the README shows works as shown, on the shipped example plan."""

from __future__ import annotations

import re
import shlex
import shutil
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from git_helpers import Repo, isolate_git
from packaging.requirements import Requirement

from conftest import EXAMPLE_PLAN, Result
from mlplan.io.loading import shipped_path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"


def usage_lines() -> list[str]:
    text = README.read_text(encoding="utf-8")
    usage = text[text.index("## Usage") : text.index("## Documentation")]
    blocks = re.findall(r"```sh\n(.*?)```", usage, flags=re.S)
    return [line for block in blocks for line in block.splitlines() if line.startswith("mlplan ")]


def argv(line: str) -> list[str]:
    words = shlex.split(line, comments=True)
    if ">" in words:  # a shell redirection: the command is what comes before it
        words = words[: words.index(">")]
    return words[1:]


@pytest.mark.parametrize("line", usage_lines())
def test_readme_command_works_as_shown(
    run: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, line: str
) -> None:
    monkeypatch.chdir(tmp_path)
    args = argv(line)
    if args[0] != "init":  # init writes a new plan; every other command uses one
        shutil.copy(EXAMPLE_PLAN, "plan.yaml")
    Path("plannen").mkdir()
    for name in ("anne.yaml", "bram.yaml"):
        shutil.copy(EXAMPLE_PLAN, Path("plannen") / name)
    shutil.copy(shipped_path(), "mijn-kader.yaml")
    if args[0] == "diff":  # the plan's history: committed, and tagged at its last meeting
        isolate_git(monkeypatch, tmp_path / "home")
        repo = Repo(tmp_path)
        repo.commit(EXAMPLE_PLAN.read_text(encoding="utf-8"), "IOP", "2025-10-01T10:00:00+02:00")
        repo.tag("gesprek-2026-07-01")
    result = run(*args)
    if args == ["init"]:  # the wizard needs a terminal; without one it says how to go on
        assert result.exit_code == 2
        assert "--no-input" in result.stderr
    else:
        assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_the_readme_shows_every_command() -> None:
    shown = {argv(line)[0] for line in usage_lines()}
    assert {
        "init",
        "check",
        "plan",
        "summary",
        "framework",
        "done",
        "add",
        "status",
        "meeting",
        "training",
        "calendar",
        "diff",
        "prepare",
        "handover",
    } <= shown


def test_quickstart_runs_in_an_empty_directory(
    run: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = README.read_text(encoding="utf-8")
    quickstart = re.search(r"## Quickstart\n\n```sh\n(.*?)```", text, flags=re.S)
    assert quickstart is not None
    first, second = quickstart.group(1).splitlines()
    steps = [s.strip() for s in first.split("&&")]
    assert steps[0] == "pip install ."
    assert second == 'pip install -c constraints.txt ".[test]" && python -m pytest'
    monkeypatch.chdir(tmp_path)
    for step in steps[1:]:
        result = run(*shlex.split(step)[1:])
        assert result.exit_code == 0, (step, result.stderr)
    assert "Jaar 1 (sep 2025 – aug 2026)" in result.stdout  # the plan, per training year


def _normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_the_lock_pins_every_dependency_inside_its_range() -> None:
    """The README's test command and CI install with ``-c constraints.txt``: a dependency
    added to pyproject.toml without regenerating the lock (tools/update-constraints), or a
    range moved past its pin, would leave the test run unpinned or unresolvable."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    wanted = [Requirement(r) for r in [*project["dependencies"], *extras["test"], *extras["dev"]]]
    for req in [r for r in wanted if _normalised(r.name) == "mlplan"]:  # "mlplan[documents]"
        wanted.remove(req)
        wanted += [Requirement(r) for extra in sorted(req.extras) for r in extras[extra]]
    pins: dict[str, str] = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, sep, version = line.partition("==")
            assert sep, f"not a pin: {line!r}"
            pins[_normalised(name)] = version.strip()
    assert "mlplan" not in pins  # the project itself comes from the checkout
    for req in wanted:
        pinned = pins.get(_normalised(req.name))
        assert pinned is not None, f"{req.name} is not in constraints.txt"
        assert req.specifier.contains(pinned, prereleases=True), (req.name, pinned)
