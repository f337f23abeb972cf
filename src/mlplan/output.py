"""Where text goes: data on stdout, errors and hints on stderr.

Colour only on a terminal and never with ``NO_COLOR``; rich is imported only by the
commands that draw tables, so plain formats start fast.
"""

from __future__ import annotations

import os
import sys
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


def use_color(stream: IO[str]) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def console(*, stderr: bool = False, width: int | None = None) -> Console:
    """A rich console on stdout (or stderr) that is plain text unless on a colour terminal."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    color = use_color(stream)
    return Console(
        file=stream,
        force_terminal=color,
        no_color=not color,
        color_system="auto" if color else None,
        highlight=False,
        emoji=False,
        markup=False,
        width=width,
        soft_wrap=False,
    )


def out(text: str = "") -> None:
    """Write a line of data to stdout."""
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def err(text: str) -> None:
    """Write a line of diagnostics to stderr."""
    sys.stderr.write(text if text.endswith("\n") else text + "\n")


def style(text: str, code: str, stream: IO[str] | None = None) -> str:
    """Wrap ``text`` in an ANSI style when ``stream`` (default stderr) shows colour."""
    if not use_color(stream or sys.stderr):
        return text
    return f"\x1b[{code}m{text}\x1b[0m"
