"""Spreading a group's work over the machine's cores: an ordered map in forked processes.

A group summary is the same work for every plan, and each plan's result is small next to
what it took to make (a page of text, an overview row). Forked children inherit the loaded
framework, the language and the imports, so nothing but the results crosses a pipe.

Why not ``multiprocessing`` or ``concurrent.futures``: their pools pickle the work
function, which here is a closure over the framework and the render options (it does not
pickle, and pickling the framework per task would cost more than the work), they print
tracebacks from children on Ctrl-C, and importing them costs 15-35 ms, more than this whole
module does (measured with ``python -X importtime``).
What is needed here is narrow: fork, compute a share, send it back once.

Failures never lose or change output: a child that dies, or a fork the system refuses,
leaves its share to this process, which computes it as if there were no children. An
exception raised by the work in a child is not swallowed or redone: it is sent back and
raised here, as the same loop in this process would have raised it. Ctrl-C
is answered by this process alone (children ignore it); the children are killed and
reaped before ``KeyboardInterrupt`` goes on up.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
from collections.abc import Callable, Sequence
from typing import BinaryIO, NoReturn, TypeVar

T = TypeVar("T")
_BLOCKED = {signal.SIGINT, signal.SIGTERM}
R = TypeVar("R")

# A child is worth its fork (a few ms, and the results' trip back) from about this many
# plans on; below it the automatic choice stays in one process.
MIN_SHARE = 32
# macOS offers fork, but its system libraries are not fork-safe (Python itself stopped
# forking there by default); Windows has no fork.
CAN_FORK = hasattr(os, "fork") and sys.platform != "darwin"
# More processes than this never help and can exhaust the machine (``MLPLAN_JOBS=99999``):
# at most 4 per core, and never more than 64.
JOBS_PER_CORE = 4
MAX_JOBS = 64
_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def max_jobs() -> int:
    """The most processes a group may use on this machine."""
    return min(MAX_JOBS, JOBS_PER_CORE * available_cores())


def available_cores() -> int:
    """The cores this process may run on (its affinity mask, where the system has one)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def auto_jobs(count: int) -> int:
    """Processes for ``count`` items: one per core, but none with less than a full share."""
    return max(1, min(available_cores(), count // MIN_SHARE))


def ordered_map(func: Callable[[T], R], items: Sequence[T], jobs: int) -> list[R]:
    """``[func(x) for x in items]``, computed by ``jobs`` processes (this one included).

    The items are dealt out in turn (item *i* to share *i* mod ``jobs``), so a run of
    large files is spread over all processes. ``func`` runs in forked children with this
    process's state; it must not write to stdout or stderr, and its results must pickle.
    """
    jobs = min(jobs, len(items), max_jobs())
    if jobs <= 1 or not CAN_FORK:
        return [func(x) for x in items]
    shares = [items[k::jobs] for k in range(jobs)]
    children: dict[int, tuple[int, BinaryIO]] = {}  # share -> (pid, its pipe's read end)
    results: dict[int, list[R]] = {}
    try:
        # SIGINT and SIGTERM wait until every child is started and known, so a Ctrl-C
        # can neither land in a child before it ignores the signal (it would unwind into
        # this process's code) nor leave a child unknown to the clean-up below.
        old_mask = signal.pthread_sigmask(signal.SIG_BLOCK, _BLOCKED)
        try:
            for k in range(1, jobs):
                started = _fork(func, shares[k])
                if started is None:
                    break  # the system refuses more processes: this one does the rest
                children[k] = started
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, old_mask)
        results[0] = [func(x) for x in shares[0]]
        for k in list(children):
            got: list[R] | None = _collect(*children[k])
            del children[k]
            if got is not None:
                results[k] = got
    finally:
        for pid, pipe in children.values():  # only after an exception, Ctrl-C above all
            _kill(pid, pipe)
    for k in range(1, jobs):
        if k not in results:
            results[k] = [func(x) for x in shares[k]]
    return [results[i % jobs][i // jobs] for i in range(len(items))]


def _fork(func: Callable[[T], R], share: Sequence[T]) -> tuple[int, BinaryIO] | None:
    """Start a child computing ``share``; its pid and the pipe its results come through."""
    read_end, write_end = os.pipe()
    parent = os.getpid()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:
        _child(func, share, read_end, write_end, parent)
    os.close(write_end)
    return pid, os.fdopen(read_end, "rb")


def _child(
    func: Callable[[T], R], share: Sequence[T], read_end: int, write_end: int, parent: int
) -> NoReturn:
    code = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent answers Ctrl-C
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent's handler unwinds its code
        _die_with(parent)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _BLOCKED)  # blocked by the parent
        os.close(read_end)
        try:
            data = pickle.dumps((True, [func(x) for x in share]), pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # the work failed: the parent raises it
            data = _pickled_error(exc)
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(data)
        code = 0
    except BaseException:  # the pipe or the signal set-up failed: the parent redoes it
        code = 1
    finally:
        # No atexit handlers, no flushing of stdio buffers inherited from the parent.
        os._exit(code)


def _die_with(parent: int) -> None:
    """Have the kernel kill this child when its parent dies (Linux), however it died:
    a SIGKILL of the parent leaves no orphan computing on. Elsewhere the pipe does it:
    a child whose parent is gone fails its write and exits."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


def _pickled_error(exc: Exception) -> bytes:
    """The work's exception as the parent will raise it; one that does not pickle (or
    whose results did not) as a ``RuntimeError`` that names it."""
    try:
        return pickle.dumps((False, exc), pickle.HIGHEST_PROTOCOL)
    except Exception:
        failure = RuntimeError(f"{type(exc).__name__}: {exc}")
        return pickle.dumps((False, failure), pickle.HIGHEST_PROTOCOL)


def _collect(pid: int, pipe: BinaryIO) -> list[R] | None:
    """The child's results, or ``None`` when it died and its share must be redone; the
    work's own exception is raised."""
    with pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        return None
    try:
        ok, got = pickle.loads(data)
    except Exception:  # a truncated stream: the share is redone
        return None
    if not ok:
        raise got
    results: list[R] = got
    return results


def _kill(pid: int, pipe: BinaryIO) -> None:
    """Stop and reap a child, whatever state an interrupted ``_collect`` left it in."""
    pipe.close()
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):  # already reaped
        os.waitpid(pid, 0)
