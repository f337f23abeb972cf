"""How every run of ``mlplan`` starts and ends, without typer.

:func:`run` is the one place that maps errors to exit codes: it makes the standard
streams safe, settles the width, chooses the language, answers Ctrl-C and SIGTERM, runs
a command and turns whatever it raises into one message and the spec's exit code. Both
ways in use it: the typer app (``cli.main``) and the fast path for a plain ``check``
(``entry.main``), which never imports typer; so nothing here imports typer either.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
import threading
from collections.abc import Callable
from typing import Any, NoReturn

from mlplan.errors import FrameworkError, Interrupted, MlplanError, Refused, UsageError
from mlplan.i18n import LANGUAGES, UnknownLanguage, resolve_language, set_language, t
from mlplan.render.output import degrade_encoding, err, error, finding, settle_width


def scan_lang(args: list[str]) -> str | None:
    """``--lang`` from anywhere on the command line, before any parser runs."""
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def choose_language(args: list[str]) -> None:
    """The run's language, before the app is built (its help is in that language)."""
    try:
        set_language(resolve_language(scan_lang(args)))
    except UnknownLanguage as exc:  # said like typer's "--lang: …", in the fallback language
        set_language(exc.fallback)
        detail = t("error.bad_language", value=exc.value, choices=", ".join(LANGUAGES))
        raise UsageError("usage.bad_value", option=exc.source, detail=detail) from None


def report(exc: MlplanError) -> None:
    """``fout: …`` on stderr, and a framework's findings under it."""
    error(exc.message)
    for line in exc.lines:
        err(line)
    if isinstance(exc, FrameworkError):
        for d in sorted(exc.diagnostics, key=lambda d: d.sort_key()):
            finding(d)


class _Guarded:
    """A standard stream that a closed pipe, a closed descriptor or a full disk cannot
    turn into an error: once a write fails, the descriptor is pointed at ``os.devnull``
    and the rest is dropped. A message that cannot be shown never changes the exit code
    (an edit that wrote its file still exits 0) and never ends the command early."""

    def __init__(self, stream: Any, fd: int) -> None:
        self._stream = stream
        self._fd = fd

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)

    def _lost(self) -> None:
        with contextlib.suppress(OSError):
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, self._fd)
            os.close(null)
        with contextlib.suppress(OSError, ValueError):
            self._stream.flush()  # the buffered rest now goes to os.devnull

    def write(self, text: str) -> int:
        try:
            return int(self._stream.write(text))
        except OSError:
            self._lost()
            return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError:
            self._lost()


def guard_streams() -> None:
    """Make stdin, stdout and stderr safe to use whatever state they were left in: a
    closed descriptor 0-2 is opened on ``os.devnull`` first (otherwise the next file
    mlplan opens, such as a plan's temporary file, would get that number and receive
    the output), then stdout and stderr are wrapped in :class:`_Guarded`."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            null = os.open(os.devnull, os.O_RDWR)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
    for name, fd in (("stdout", 1), ("stderr", 2)):
        stream = getattr(sys, name)
        if isinstance(stream, _Guarded):
            continue
        if stream is None:
            stream = open(fd, "w", encoding="utf-8", errors="replace", closefd=False)  # noqa: SIM115
        degrade_encoding(stream)  # an ASCII or Latin-1 terminal: ë -> e, not a crash
        setattr(sys, name, _Guarded(stream, fd))


def is_interrupt(exc: BaseException) -> bool:
    """Ctrl-C, also when a library caught it and raised its own error (pydantic's
    ``SchemaError`` while it builds a schema)."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, KeyboardInterrupt) or "KeyboardInterrupt" in str(seen):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def started() -> None:
    """The command's own work begins. ``entry.main`` turns the garbage collector off
    while modules load (they allocate objects that all live to the end of the run, and
    the collector would walk them again and again); here they are moved out of its
    sight (``gc.freeze``) and it runs again for what the command allocates. A no-op
    when the collector is on (``cli.main`` called in a test's process)."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _no_translation(exc: Exception) -> int | None:
    return None


def run(
    args: list[str],
    command: Callable[[], int | None],
    *,
    own_process: bool,
    translate: Callable[[Exception], int | None] = _no_translation,
) -> NoReturn:
    """Run ``command`` (which returns its exit code) and exit with the spec's exit codes.

    ``own_process``: this is the ``mlplan`` program, not a caller's process, so SIGTERM
    is ours to answer. ``translate`` reports an error of the parser in front of the
    command (typer's usage errors) and returns its exit code, or ``None`` if it is not
    one.
    """
    import mlplan

    guard_streams()
    settle_width()
    try:
        choose_language(args)
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGINT, signal.default_int_handler)
            if own_process:
                signal.signal(signal.SIGTERM, _terminate)
        if mlplan.interrupted_early:  # Ctrl-C while mlplan was still starting
            mlplan.interrupted_early = False
            raise KeyboardInterrupt
        code = command()
    except Refused as exc:  # said already, by the command
        _exit(exc.exit_code)
    except MlplanError as exc:
        report(exc)
        _exit(exc.exit_code)
    except KeyboardInterrupt:  # Ctrl-C outside a command
        report(Interrupted())
        _exit(130)
    except _Terminated:  # killed: clean-up done on the way here; now die by the signal
        _exit_flush()
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTERM)
        _exit(143)
    except Exception as exc:  # the last line of defence: never a traceback for users
        translated = translate(exc)
        if translated is not None:
            _exit(translated)
        if is_interrupt(exc):
            report(Interrupted())
            _exit(130)
        if os.environ.get("MLPLAN_DEBUG"):
            raise
        error(t("error.internal", detail=f"{type(exc).__name__}: {exc}"))
        _exit(2)
    if code == Interrupted.exit_code:  # typer's answer to a Ctrl-C outside a command
        report(Interrupted())
    _exit(code if isinstance(code, int) else 0)  # a typer.Exit's code, or 0


def _terminate(signum: int, frame: object) -> None:
    """SIGTERM: unwind like Ctrl-C (temporary files removed, workers killed), then die
    by the signal as the sender expects."""
    raise _Terminated


class _Terminated(BaseException):
    pass


def _exit_flush() -> None:
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()


def _exit(code: int) -> NoReturn:
    _exit_flush()
    sys.exit(code)
