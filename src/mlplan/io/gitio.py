"""A plan's history in git: the one place mlplan runs git (for ``mlplan diff``).

git runs as a subprocess rather than through a library: it is the git the user already
has, its plumbing commands (``rev-parse``, ``rev-list``, ``ls-tree``, ``cat-file``) are a
stable interface, and nothing of the user's configuration (a pager, ``log.*`` settings,
colours, signatures) changes their output. Every call is an argument list (never a shell),
paths come after ``--`` and are literal (``GIT_LITERAL_PATHSPECS``: a ``*`` in a file name
is no pattern), git runs in the C locale with no pager and no prompt, never takes the
index lock (``GIT_OPTIONAL_LOCKS=0``, so it cannot get in the way of a commit) and is
stopped after :data:`TIMEOUT` seconds. Nothing here writes.

Every failure is a :class:`~mlplan.errors.HistoryError` with a message id (exit code 2):
no git, not a repository, the file not in git, a revision that does not exist.

The history is the first-parent line of ``HEAD``: what the checked-out branch said on each
day, merges included as the moment their changes arrived (docs/git-workflow.md).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from mlplan.errors import HistoryError

TIMEOUT = 10.0  # seconds per git call; a local repository answers in milliseconds
MAX_BLOB = 5 * 2**20  # an old version larger than a plan file may be is not read
MEETING_TAG = "gesprek-"  # the tag of a meeting's commit: gesprek-2026-11-03

_FIELD = "\x1f"
_FORMAT = "--format=%H%x1f%h%x1f%cI%x1f%s"


@dataclass(frozen=True, slots=True)
class Commit:
    """A commit of the plan's history: its hash (full and short), the day it was
    committed (the committer's date in the committer's own time zone) and its subject."""

    sha: str
    short: str
    day: dt.date
    subject: str


@dataclass(frozen=True, slots=True)
class Repo:
    """A plan file inside a git work tree."""

    git: str  # the git executable
    root: Path  # the work tree's top directory
    file: str  # the plan's path in the repository (POSIX, relative to root)
    shown: str  # the path as the user typed it, for messages


def _environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_MESSAGES")}
    env.update(
        LC_ALL="C",
        GIT_PAGER="cat",
        PAGER="cat",
        GIT_TERMINAL_PROMPT="0",
        GIT_OPTIONAL_LOCKS="0",
        GIT_LITERAL_PATHSPECS="1",
    )
    return env


def _run(git: str, cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """git ``args`` in ``cwd``; its result whatever its exit code. Raises HistoryError
    when git cannot be started or does not answer in time."""
    try:
        return subprocess.run(
            [git, "--no-pager", *args],
            cwd=cwd,
            env=_environment(),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise HistoryError("diff.git_timeout", seconds=f"{TIMEOUT:g}") from None
    except OSError as exc:  # vanished between which() and now, or not executable
        raise HistoryError("diff.no_git", reason=exc.strerror or str(exc)) from None


def _failed(result: subprocess.CompletedProcess[bytes]) -> HistoryError:
    lines = result.stderr.decode("utf-8", "replace").strip().splitlines()
    message = lines[-1] if lines else f"exit {result.returncode}"
    return HistoryError("diff.git_failed", message=message.removeprefix("fatal: "))


def find_git() -> str:
    """The git executable on PATH."""
    git = shutil.which("git")
    if git is None:
        raise HistoryError("diff.no_git", reason="git")
    return git


def open_plan(path: Path, shown: str) -> Repo:
    """The repository holding ``path`` (the file a link points to: its content is the
    plan that is compared). Raises HistoryError when there is none."""
    git = find_git()
    real = path.resolve()
    result = _run(git, real.parent, "rev-parse", "--show-toplevel")
    if result.returncode != 0:
        if b"not a git repository" in result.stderr:
            raise HistoryError("diff.not_repository", path=shown)
        raise _failed(result)
    top = result.stdout.decode("utf-8", "surrogateescape").strip()
    if not top:  # inside the .git directory itself: no work tree
        raise HistoryError("diff.not_repository", path=shown)
    root = Path(top).resolve()
    try:
        file = real.relative_to(root).as_posix()
    except ValueError:
        raise HistoryError("diff.not_repository", path=shown) from None
    return Repo(git, root, file, shown)


def _commits(stdout: bytes) -> list[Commit]:
    """``rev-list --format`` output (a ``commit SHA`` line, then the formatted one)."""
    found = []
    for line in stdout.decode("utf-8", "replace").splitlines():
        parts = line.split(_FIELD, 3)
        if len(parts) != 4:
            continue  # the "commit SHA" header line
        sha, short, stamp, subject = parts
        day = dt.datetime.fromisoformat(stamp).date()  # in the committer's own zone
        found.append(Commit(sha, short, day, subject))
    return found


def history(repo: Repo) -> list[Commit]:
    """The commits of ``HEAD``'s first-parent line that changed the plan, newest first.
    Raises HistoryError when there are none (no commit yet, or the file never committed)."""
    head = _run(repo.git, repo.root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
    if head.returncode != 0:
        raise HistoryError("diff.not_tracked", path=repo.shown, file=repo.file)
    result = _run(
        repo.git, repo.root, "rev-list", "--first-parent", _FORMAT, "HEAD", "--", repo.file
    )
    if result.returncode != 0:
        raise _failed(result)
    commits = _commits(result.stdout)
    if not commits:
        raise HistoryError("diff.not_tracked", path=repo.shown, file=repo.file)
    return commits


def last_before(commits: list[Commit], day: dt.date) -> Commit | None:
    """The newest commit (of :func:`history`'s list) made before ``day``."""
    return next((c for c in commits if c.day < day), None)


def revision(repo: Repo, rev: str) -> Commit | None:
    """The commit a revision names (a tag, a branch, a hash, ``HEAD~2``), or ``None``."""
    if not rev or rev.startswith("-") or any(ch.isspace() or ord(ch) < 32 for ch in rev):
        return None  # never an option to git; git's revisions hold no spaces
    found = _run(repo.git, repo.root, "rev-parse", "--verify", "--quiet", rev + "^{commit}")
    if found.returncode != 0:
        return None
    sha = found.stdout.decode("ascii", "replace").strip()
    result = _run(repo.git, repo.root, "rev-list", "--max-count=1", _FORMAT, sha, "--")
    if result.returncode != 0:
        raise _failed(result)
    commits = _commits(result.stdout)
    return commits[0] if commits else None


def meeting_tag(repo: Repo, day: dt.date) -> Commit | None:
    """The commit tagged ``gesprek-YYYY-MM-DD`` for the meeting of ``day``, if any."""
    return revision(repo, f"refs/tags/{MEETING_TAG}{day.isoformat()}")


def content(repo: Repo, commit: Commit) -> bytes | None:
    """The plan's bytes in ``commit``; ``None`` when the file is not in it (or is no
    regular file there). Raises HistoryError for a version too large to be a plan."""
    listed = _run(repo.git, repo.root, "ls-tree", "-l", commit.sha, "--", repo.file)
    if listed.returncode != 0:
        raise _failed(listed)
    entry = listed.stdout.split(b"\t", 1)[0].split()
    if len(entry) != 4 or entry[1] != b"blob" or entry[0] not in (b"100644", b"100755"):
        return None
    if int(entry[3]) > MAX_BLOB:
        raise HistoryError(
            "diff.too_large", path=repo.shown, commit=commit.short, mb=MAX_BLOB // 2**20
        )
    blob = _run(repo.git, repo.root, "cat-file", "blob", entry[2].decode("ascii"))
    if blob.returncode != 0:
        raise _failed(blob)
    return blob.stdout


def in_work_tree(path: Path) -> bool:
    """Whether ``path`` may lie in a git work tree: a ``.git`` beside it or in a directory
    above. No process is started, so a summary outside git pays nothing for asking."""
    if os.environ.get("GIT_DIR"):
        return True
    try:
        here = path.resolve().parent
    except OSError:
        return False
    return any((directory / ".git").exists() for directory in (here, *here.parents))
