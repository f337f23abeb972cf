"""The ``mlplan`` program: start-up as fast as the spec asks, then the command.

Most of what ``mlplan check PLAN`` would spend before it reads a file is typer's: the
app, its parser, and the pydantic machinery its type adapters pull in. So a *plain*
check, whose command line :func:`plain_check` can read with certainty, runs
``mlplan.commands.check`` directly, through the same :func:`mlplan.launch.run` as the
typer app (the same streams, language, signals, messages and exit codes). Everything
else (``--help``, an unknown or repeated option, a value typer would refuse or might
read differently, completion, a path that starts with ``-``) goes to the typer app
(``mlplan.cli``), unchanged; so the fast path never has to say an error typer would.
``tests/test_entry.py`` holds the two to the same bytes and exit codes.

Two more start-up savings here, for every command, each with its fallback (see
docs/decisions.md, *Speed*): the garbage collector stays off while modules load
(``launch.started`` turns it back on), and pydantic's plugin scan is skipped
(:class:`NoPydanticPlugins`).
"""

from __future__ import annotations

import gc
import os
import sys
import types
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib.machinery import ModuleSpec
from pathlib import Path
from typing import TYPE_CHECKING, cast

from mlplan import launch
from mlplan.commands import completion
from mlplan.i18n import parse_language

if TYPE_CHECKING:
    from importlib.abc import Loader

# ``mlplan check``'s options as ``commands.check.run`` declares them: the value options
# (option -> parameter) and the flags. A change there must be made here too, or the
# option goes to typer (test_entry.py compares the two for every option).
_CHECK_VALUES = {
    "--format": "fmt",
    "-f": "fmt",
    "--today": "today",
    "--framework": "framework",
    "--lang": "lang",
}
_CHECK_FLAGS = {"--strict": "strict"}
_CHECK_FORMATS = ("text", "json", "github", "gitlab")  # check.CheckFormat, case-insensitive
# the pydantic releases whose plugin loader is known to be the module below (checked by
# tests/test_entry.py against the installed pydantic); any other release loads its own
_PYDANTIC_LOADER = "pydantic.plugin._loader"
_PYDANTIC_MAJOR = "2."


@dataclass(frozen=True)
class CheckCall:
    """The arguments of ``mlplan.commands.check.run``."""

    paths: list[Path]
    fmt: str | None
    strict: bool
    today: str | None
    framework_path: Path | None


def plain_check(args: list[str], environ: Mapping[str, str]) -> CheckCall | None:
    """The call of ``mlplan.commands.check.run`` if ``args`` are a check that typer
    would run with exactly these values; ``None`` when in any doubt."""
    if completion.VARIABLE in environ or os.name == "nt":  # click expands globs on Windows
        return None
    given: dict[str, str] = {}
    paths: list[Path] = []
    command_seen = False
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        if not arg.startswith("-"):
            if not arg:
                return None  # an empty path: leave its message to typer
            if command_seen:
                paths.append(Path(arg))
            elif arg == "check":
                command_seen = True
            else:
                return None
            continue
        name, eq, value = arg.partition("=")
        if eq and not name.startswith("--"):
            return None  # click reads "-f=json" as the value "=json"
        if command_seen and name in _CHECK_FLAGS and not eq:
            option = _CHECK_FLAGS[name]
            value = "1"
        elif name in _CHECK_VALUES and (command_seen or name == "--lang"):
            option = _CHECK_VALUES[name]
            if not eq:
                if i == len(args):
                    return None  # "requires an argument": typer says it
                value = args[i]
                i += 1
            if not value or value.startswith("-"):
                return None  # typer may read "-x" as a value or an option: let it
        else:
            return None  # --help, --version, -fjson, --, an unknown option
        key = option if command_seen else "root-" + option
        if key in given:
            return None  # repeated: typer's rule (the last wins) is typer's to apply
        given[key] = value
    if not command_seen:
        return None
    for lang in (given.get("lang"), given.get("root-lang")):
        if lang is not None and parse_language(lang) is None:
            return None  # typer's --lang callback refuses it
    fmt = given.get("fmt")
    if fmt is not None:
        if not fmt.isascii() or fmt.lower() not in _CHECK_FORMATS:
            return None  # typer's "not one of …"
        fmt = fmt.lower()
    framework = given.get("framework")
    return CheckCall(
        paths=paths,
        fmt=fmt,
        strict="strict" in given,
        today=given.get("today"),
        framework_path=None if framework is None else Path(framework),
    )


class NoPydanticPlugins:
    """Stands in for pydantic's plugin loader, so that building a model neither imports
    ``importlib.metadata`` nor scans every installed package for a ``pydantic`` entry
    point (16-22 ms of a check): mlplan uses no pydantic plugin.

    An import hook, consulted only when pydantic imports its loader (``--help`` never
    does), and only once. On another pydantic major version than the one whose loader
    this replaces, or when the user configured plugins (``PYDANTIC_DISABLE_PLUGINS``),
    it steps aside and pydantic loads its own."""

    def __init__(self, environ: Mapping[str, str]) -> None:
        # decided now, from the user's environment: typer sets PYDANTIC_DISABLE_PLUGINS
        # itself while it builds its type adapters (which is when pydantic first asks for
        # its loader), and the real loader would then import importlib.metadata for nothing
        self._configured = "PYDANTIC_DISABLE_PLUGINS" in environ

    def find_spec(self, fullname: str, path: object, target: object = None) -> ModuleSpec | None:
        if fullname != _PYDANTIC_LOADER:
            return None
        sys.meta_path.remove(self)
        from pydantic.version import VERSION  # loaded already: pydantic is importing

        if not VERSION.startswith(_PYDANTIC_MAJOR) or self._configured:
            return None
        return ModuleSpec(fullname, cast("Loader", self))  # a loader by protocol

    def create_module(self, spec: ModuleSpec) -> None:
        return None  # the default module object

    def exec_module(self, module: types.ModuleType) -> None:
        module.get_plugins = _no_plugins  # type: ignore[attr-defined]


def _no_plugins() -> tuple[()]:
    return ()


def main() -> None:
    """Entry point of the ``mlplan`` script."""
    # off while ~300 modules load; back on when the command starts (launch.started)
    gc.disable()
    if _PYDANTIC_LOADER not in sys.modules:
        sys.meta_path.insert(0, NoPydanticPlugins(os.environ))
    args = sys.argv[1:]
    check = plain_check(args, os.environ)
    if check is None:
        from mlplan import cli

        cli.main()  # the collector comes back on in the command (cli.declared)
        return
    launch.run(args, _fast_check(check), own_process=True)


def _fast_check(call: CheckCall) -> Callable[[], int]:
    def command() -> int:
        # check's module imports these only in its run (the module is also the command's
        # declaration, which a TAB reads): loaded here, while the collector is still off
        import mlplan.checking
        import mlplan.framework  # noqa: F401
        from mlplan.commands import check

        launch.started()
        return check.run(
            paths=call.paths,
            fmt=None if call.fmt is None else check.CheckFormat(call.fmt),
            strict=call.strict,
            today=call.today,
            framework_path=call.framework_path,
        )

    return command
