"""The one exception hierarchy. :func:`mlplan.cli.launch.run` maps each class to its exit code.

Domain code raises these with a message id (and parameters); only the CLI prints them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from mlplan.i18n import plural, t

if TYPE_CHECKING:  # not at run time: every start-up imports this module (mlplan.cli.launch)
    from mlplan.model.diagnostics import Diagnostic


class MlplanError(Exception):
    """Base class: a problem the user can fix, reported without a traceback."""

    exit_code = 2

    def __init__(self, key: str, /, *, lines: Sequence[str] = (), **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params
        # lines shown under the message, one each (a list of candidates): stderr keeps
        # every message on one line, escaping a newline in it, so a list is given apart
        self.lines = tuple(lines)

    @property
    def message(self) -> str:
        return t(self.key, **self.params)


class UsageError(MlplanError):
    """The command line itself is wrong: an unknown topic id, a bad option value."""


class InputError(MlplanError):
    """A file cannot be read at all: missing, a directory, no permission."""


class FrameworkError(MlplanError):
    """The framework file is invalid; carries every diagnostic with its location."""

    def __init__(self, path: str, diagnostics: list[Diagnostic]) -> None:
        super().__init__("framework.invalid", path=path, count=len(diagnostics))
        self.diagnostics = diagnostics

    @property
    def message(self) -> str:
        # worded when printed, in the language of the run: "(1 probleem)", "(3 problemen)"
        count = plural("count.problems", len(self.diagnostics))
        return t(self.key, **{**self.params, "count": count})


class HistoryError(MlplanError):
    """The plan's git history cannot be read: no git, not a repository, the file never
    committed, no version before the asked date, a revision that does not exist."""


class WriteError(MlplanError):
    """A file could not be written; the original is left as it was."""


class Interrupted(MlplanError):
    """The user pressed Ctrl-C; nothing was written (or the message says what was kept)."""

    exit_code = 130

    def __init__(self, key: str = "error.interrupted", /, **params: Any) -> None:
        super().__init__(key, **params)


class MissingExtra(MlplanError):
    """A command needs a library of an optional extra (``mlplan[documents]``) that is not
    installed; the message names the install command."""

    def __init__(self, module: str, extra: str = "documents") -> None:
        super().__init__("error.missing_extra", module=module, extra=extra)


class Refused(Exception):
    """A step deep inside a command refuses, having said why on stderr itself (an edit
    that would add errors, a plan too broken to show): the command ends with exit code 1
    and nothing more is said. A command's own outcome is its return value; this is for
    the helpers several commands share, so that each need not pass a code up."""

    exit_code = 1
