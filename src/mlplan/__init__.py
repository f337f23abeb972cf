"""mlplan: plan, check and summarise medisch leiderschap in the IOP of Dutch aios."""

__version__ = "0.1.0"


def _defer_interrupt() -> None:
    """Run as the ``mlplan`` program: until ``cli.main`` is ready to answer Ctrl-C, a
    SIGINT is only noted (a ``KeyboardInterrupt`` inside an import would print a
    traceback); ``main`` then reports it with the one message and exit 130."""
    import os
    import signal
    import sys
    import threading

    name = os.path.basename(sys.argv[0]) if sys.argv else ""
    if name not in ("mlplan", "mlplan.exe", "-m", "__main__.py"):
        return
    if threading.current_thread() is not threading.main_thread():
        return

    def note(signum: int, frame: object) -> None:
        global interrupted_early
        interrupted_early = True

    signal.signal(signal.SIGINT, note)


interrupted_early = False
_defer_interrupt()
