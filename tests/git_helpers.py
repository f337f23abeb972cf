"""Real git repositories for the tests of ``mlplan diff``: a plan committed several times,
each commit on a fixed date, made with the git that is installed."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import EXAMPLE_PLAN

GIT = shutil.which("git")
EXAMPLE = EXAMPLE_PLAN.read_text(encoding="utf-8")


def isolate_git(monkeypatch: pytest.MonkeyPatch, home: Path) -> None:
    """git reads neither the machine's nor the developer's configuration."""
    assert GIT is not None, "git is needed to test mlplan diff"
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("HOME", str(home))
    for var in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_CEILING_DIRECTORIES"):
        monkeypatch.delenv(var, raising=False)


class Repo:
    """A work tree with ``plan.yaml`` (or another file) committed on chosen dates."""

    def __init__(self, root: Path, name: str = "plan.yaml") -> None:
        self.root = root
        self.plan = root / name
        root.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")
        self.git("config", "user.name", "Test Opleider")
        self.git("config", "user.email", "opleider@example.org")
        self.git("config", "commit.gpgsign", "false")

    def git(self, *args: str, date: str | None = None) -> str:
        env = dict(os.environ)
        if date is not None:  # e.g. 2026-07-01T18:00:00+02:00
            env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
        assert GIT is not None
        done = subprocess.run(
            [GIT, *args], cwd=self.root, env=env, capture_output=True, text=True, check=True
        )
        return done.stdout.strip()

    def commit(self, text: str, message: str, date: str) -> str:
        """Write the plan, commit it on ``date`` and return the short hash."""
        self.plan.write_text(text, encoding="utf-8")
        self.git("add", "--", self.plan.name)
        self.git("commit", "-q", "-m", message, date=date)
        return self.git("rev-parse", "--short", "HEAD")

    def edit(self, old: str, new: str) -> None:
        """Change the plan on disk (not committed): ``old`` replaced by ``new`` once."""
        self.plan.write_text(
            edited(self.plan.read_text(encoding="utf-8"), (old, new)), encoding="utf-8"
        )

    def tag(self, name: str, rev: str = "HEAD") -> None:
        self.git("tag", name, rev)


def edited(text: str, *replacements: tuple[str, str]) -> str:
    """``text`` with each (old, new) replaced once; an old text that is not there fails."""
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


# The example plan's history in four versions (see tests/test_diff.py for what changed).
V1 = EXAMPLE
V2 = edited(
    V1,
    (
        "    title: Dienstrooster samenstellen\n    year: 3\n",
        "    title: Dienstrooster samenstellen\n    year: 4\n",
    ),
    (
        "    goal: maakt problemen in de organisatie van zorg bespreekbaar\n"
        "    status: in_progress\n",
        "    goal: maakt problemen in de organisatie van zorg bespreekbaar\n"
        "    status: done\n    done_on: 2026-08-10\n    evidence: Verslag symposium\n",
    ),
    (
        "    title: Woordvoerder aiosgroep\n    year: 4\n",
        "    title: Woordvoerder aiosgroep\n    year: 4\n    status: dropped\n",
    ),
    ("  - topic: overlegmomenten\n    title: Voorzitten MDO\n    year: 5\n", ""),
    ("\ncourses:\n", "  - topic: innovatie\n    title: Eigen project\n    year: 3\n\ncourses:\n"),
    (
        "  - course: calling-en-comradeship\n    year: 3\n",
        "  - course: calling-en-comradeship\n    year: 3\n    status: done\n"
        "    done_on: 2026-08-01\n    evidence: Certificaat\n"
        "  - course: doo-teamwork\n    year: 3\n",
    ),
)
V3 = (
    V2
    + "  - date: 2026-11-03\n    kind: voortgang\n    agreements:\n"
    + "      - DOO teamwork inplannen\n      - Eigen project starten\n"
)
V4 = edited(
    V3,
    ("  years: 5\n", "  years: 5\n  part_time:\n    - from: 2026-12-01\n      percent: 80\n"),
    ("  supervisor: dr. J. Jansen\n", "  supervisor: dr. K. de Boer\n"),
    ("\nmeetings:\n", "  - point: Vaker delegeren\n\nmeetings:\n"),
)


def history(root: Path) -> tuple[Repo, dict[str, str]]:
    """The example plan committed as V1 (tagged gesprek-2026-07-01) .. V4."""
    repo = Repo(root)
    commits = {
        "v1": repo.commit(V1, "Voortgangsgesprek 1 juli", "2026-07-01T18:00:00+02:00"),
    }
    repo.tag("gesprek-2026-07-01")
    commits["v2"] = repo.commit(V2, "Na de zomer bijgewerkt", "2026-08-15T10:00:00+02:00")
    commits["v3"] = repo.commit(V3, "Gesprek 3 november", "2026-11-03T21:00:00+01:00")
    commits["v4"] = repo.commit(V4, "Deeltijd en nieuwe opleider", "2026-11-10T09:00:00+01:00")
    return repo, commits
