"""``parallel.ordered_map``: the same list as a plain loop, computed on several cores,
and never a lost or changed result when a child fails, a fork is refused or Ctrl-C comes."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from mlplan.io import parallel

pytestmark = pytest.mark.skipif(not parallel.CAN_FORK, reason="this platform has no safe fork")


def square(x: int) -> int:
    return x * x


@pytest.mark.parametrize("jobs", [1, 2, 3, 5, 8])
@pytest.mark.parametrize("count", [0, 1, 2, 7, 40])
def test_same_results_in_the_same_order_as_a_loop(jobs: int, count: int) -> None:
    items = list(range(count))
    assert parallel.ordered_map(square, items, jobs) == [x * x for x in items]


def test_the_work_is_shared_by_the_processes() -> None:
    pids = parallel.ordered_map(lambda _: os.getpid(), range(12), 3)
    assert len(set(pids)) == 3 and os.getpid() in pids
    # item i is computed by share i mod 3: this process has items 0, 3, 6, 9
    assert [i for i, pid in enumerate(pids) if pid == os.getpid()] == [0, 3, 6, 9]


def test_children_are_reaped() -> None:
    pids = set(parallel.ordered_map(lambda _: os.getpid(), range(6), 3)) - {os.getpid()}
    for pid in pids:
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)


def _fails_in_children(how: str) -> list[tuple[int, int]]:
    parent = os.getpid()

    def work(x: int) -> tuple[int, int]:
        if os.getpid() != parent:
            if how == "exit":
                os._exit(3)
            if how == "raise":
                raise ValueError("kapot")
            if how == "unpicklable":
                return (x, lambda: None)  # type: ignore[return-value]
        return (x, os.getpid())

    return parallel.ordered_map(work, range(10), 3)


@pytest.mark.parametrize("how", ["exit"])
def test_a_child_that_dies_leaves_its_share_to_this_process(how: str) -> None:
    assert _fails_in_children(how) == [(x, os.getpid()) for x in range(10)]


def test_an_error_in_a_child_is_raised_here_not_redone() -> None:
    with pytest.raises(ValueError, match="kapot"):
        _fails_in_children("raise")


def test_results_that_do_not_pickle_are_an_error_that_says_so() -> None:
    with pytest.raises(Exception, match=r"(?i)pickle"):
        _fails_in_children("unpicklable")


def test_a_refused_fork_leaves_the_work_to_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", refuse)
    assert parallel.ordered_map(lambda x: (x, os.getpid()), range(5), 2) == [
        (x, os.getpid()) for x in range(5)
    ]


def _announce(started: Path) -> None:
    """Write this process's pid where the parent waits for it, in one rename: the parent
    polls for the file and must never read it half-written."""
    part = started.with_suffix(f".{os.getpid()}")
    part.write_text(str(os.getpid()))
    part.rename(started)


def test_an_exception_here_kills_and_reaps_the_children(tmp_path: Path) -> None:
    """Ctrl-C while this process works on its share: the children (which would run for a
    minute) are gone before KeyboardInterrupt reaches the caller."""
    parent = os.getpid()
    started = tmp_path / "child"

    def work(x: int) -> int:
        if os.getpid() != parent:
            _announce(started)
            time.sleep(60)
            return x
        deadline = time.monotonic() + 10
        while not started.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        raise KeyboardInterrupt

    begun = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        parallel.ordered_map(work, range(2), 2)
    assert time.monotonic() - begun < 10
    child = int(started.read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(child, 0)  # killed and reaped: not even a zombie is left


def test_children_leave_ctrl_c_to_this_process(tmp_path: Path) -> None:
    """A SIGINT that reaches a child (the terminal sends it to the whole process group)
    does not stop it: its results still come back."""
    parent = os.getpid()
    started = tmp_path / "child"

    def work(x: int) -> tuple[int, int]:
        if os.getpid() != parent:
            _announce(started)
            time.sleep(0.3)
        else:
            deadline = time.monotonic() + 10
            while not started.exists() and time.monotonic() < deadline:
                time.sleep(0.01)
            os.kill(int(started.read_text()), signal.SIGINT)
        return (x, os.getpid())

    results = parallel.ordered_map(work, range(2), 2)
    assert results[0] == (0, parent)
    assert results[1] == (1, int(started.read_text()))  # computed by the child after all


def test_auto_jobs_needs_a_full_share_per_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "available_cores", lambda: 2)
    assert parallel.auto_jobs(1) == 1
    assert parallel.auto_jobs(2 * parallel.MIN_SHARE - 1) == 1
    assert parallel.auto_jobs(2 * parallel.MIN_SHARE) == 2
    assert parallel.auto_jobs(1000) == 2
