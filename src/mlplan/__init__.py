"""mlplan: plan, check and summarise medisch leiderschap in the IOP of Dutch aios."""

__version__ = "0.1.0"


def _defer_interrupt() -> None:
    """Run as the ``mlplan`` program: until ``cli.main`` is ready to answer Ctrl-C, a
    SIGINT is only noted (a ``KeyboardInterrupt`` inside an import would print a
    traceback); ``main`` then reports it with the one message and exit 130."""
    # first thing, and only with modules the interpreter has loaded already: each import
    # before the handler is a moment in which Ctrl-C prints a traceback. ``_signal`` is
    # the C module under ``signal``, which would import ``enum`` first (6 ms).
    import os
    import sys

    try:
        import _signal as signal  # type: ignore[import-not-found]  # no stub: CPython's C part
    except ImportError:  # pragma: no cover - not CPython
        import signal

    name = os.path.basename(sys.argv[0]) if sys.argv else ""
    if name not in ("mlplan", "mlplan.exe", "-m", "__main__.py"):
        return

    def note(signum: int, frame: object) -> None:
        global interrupted_early
        interrupted_early = True

    try:  # noqa: SIM105 - contextlib is not loaded yet
        signal.signal(signal.SIGINT, note)
    except ValueError:  # not the main thread: a program that imports mlplan
        pass


interrupted_early = False
_defer_interrupt()
