"""The ``mlplan`` program: start-up as fast as the spec asks, then the command.

Most of what ``mlplan check PLAN`` would spend before it reads a file is typer's: the
app, its parser, and the pydantic machinery its type adapters pull in. So a *plain*
check or summary, whose command line :func:`plain_command` can read with certainty, runs
its ``run`` (``mlplan.cli.commands.check``, ``...summary``) directly, through the same :func:`mlplan.cli.launch.run` as the
typer app (the same streams, language, signals, messages and exit codes). Everything
else (``--help``, an unknown or repeated option, a value typer would refuse or might
read differently, completion, a path that starts with ``-``) goes to the typer app
(``mlplan.cli.app``), unchanged; so the fast path never has to say an error typer would.
``tests/test_entry.py`` holds the two to the same bytes and exit codes.

Two more start-up savings here, for every command, each with its fallback (see
docs/decisions.md, *Speed*): the garbage collector stays off while modules load
(``launch.started`` turns it back on), and pydantic's plugin scan is skipped
(:class:`NoPydanticPlugins`).
"""

from __future__ import annotations

import enum
import gc
import os
import sys
import types
import typing
from collections.abc import Callable, Mapping
from importlib.machinery import ModuleSpec
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from mlplan.cli import launch
from mlplan.cli.commands import completion
from mlplan.i18n import parse_language

if TYPE_CHECKING:
    from importlib.abc import Loader

# the pydantic releases whose plugin loader is known to be the module below (checked by
# tests/test_entry.py against the installed pydantic); any other release loads its own
_PYDANTIC_LOADER = "pydantic.plugin._loader"
_PYDANTIC_MAJOR = "2."
# the one option a plain check takes before the command too (``mlplan --lang en check``):
# added to every command by ``mlplan.cli.app``, read by ``mlplan.cli.launch``, not check's own
_LANG = "--lang"


class CommandOptions:
    """A command's command line as its ``run`` declares it (its
    parameters' markers, :mod:`mlplan.cli.commands.options`): the parameter of each option
    name, which of them are flags, and each parameter's type and marker."""

    __slots__ = ("arguments", "flags", "markers", "types", "values")

    def __init__(self, run: Callable[..., int]) -> None:
        from mlplan.cli.commands.options import Arg

        self.values: dict[str, str] = {}  # option name -> parameter, an option with a value
        self.flags: dict[str, str] = {}  # option name -> parameter, a flag
        self.arguments: str | None = None  # the parameter of the paths
        self.types: dict[str, Any] = {}  # parameter -> its type, without ``| None``
        self.markers: dict[str, Any] = {}
        for name, annotation in _annotations(run).items():
            base, marker = typing.get_args(annotation)[:2]
            self.types[name] = _not_none(base)
            self.markers[name] = marker
            if isinstance(marker, Arg):
                self.arguments = name
            else:
                table = self.flags if base is bool else self.values
                table.update(dict.fromkeys(marker.decls, name))


def _annotations(fn: Callable[..., int]) -> dict[str, Any]:
    """``fn``'s parameters' annotations as objects. Each of check's is a name
    (``Strict``, ``options.Today``), looked up here directly: evaluating the strings
    (``typing.get_type_hints``, which any other annotation falls back to) costs a plain
    check 0.2-0.4 ms."""
    names = vars(sys.modules[fn.__module__])
    found: dict[str, Any] = {}
    for name, text in fn.__annotations__.items():
        if name == "return":
            continue
        parts = text.split(".") if isinstance(text, str) else [""]
        if not all(part.isidentifier() for part in parts) or parts[0] not in names:
            hints = typing.get_type_hints(fn, include_extras=True)
            return {k: v for k, v in hints.items() if k != "return"}
        value = names[parts[0]]
        for part in parts[1:]:
            value = getattr(value, part)
        found[name] = value
    return found


def _not_none(kind: Any) -> Any:
    """``X`` of ``X | None``; any other type as it is."""
    if isinstance(kind, types.UnionType):
        rest = [k for k in typing.get_args(kind) if k is not type(None)]
        return rest[0] if len(rest) == 1 else kind
    return kind


class _Unsure(Exception):
    """A value whose reading by typer the fast path does not repeat: typer decides."""


def _converted(kind: Any, marker: Any, text: str) -> object:
    """``text`` as typer passes it to a parameter of type ``kind``: a string, a path, or
    one of an enum's values (without regard to case when the marker says so)."""
    if kind is str:
        return text
    if kind is Path:
        return Path(text)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        wanted = text
        if marker.extra.get("case_sensitive", True) is False:
            if not text.isascii():
                raise _Unsure  # click's casefold() and str.lower() part ways beyond ASCII
            wanted = text.lower()
        for member in kind:
            if member.value == wanted:
                return member
        raise _Unsure  # typer's "not one of …"
    raise _Unsure  # a type the fast path does not read: typer does


# the commands a plain command line runs without typer: check (every start-up counts) and
# summary (an opleider's group; typer's start-up is 45 ms of a 1,000-plan group's 0.8 s)
FAST_COMMANDS = ("check", "summary")


def plain_command(args: list[str], environ: Mapping[str, str]) -> tuple[str, dict[str, Any]] | None:
    """The command and the keyword arguments of its ``run`` if ``args`` are a plain
    ``check`` or ``summary`` that typer would run with exactly these values; ``None``
    when in any doubt."""
    if completion.VARIABLE in environ or os.name == "nt":  # click expands globs on Windows
        return None
    given: dict[str, str] = {}
    paths: list[str] = []
    check: CommandOptions | None = None  # known once the command is seen
    command = ""
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        if not arg.startswith("-"):
            if not arg:
                return None  # an empty path: leave its message to typer
            if check is not None:
                paths.append(arg)
            elif arg in FAST_COMMANDS:
                command = arg
                check = command_options(arg)
            else:
                return None
            continue
        name, eq, value = arg.partition("=")
        if eq and not name.startswith("--"):
            return None  # click reads "-f=json" as the value "=json"
        options = {} if check is None else check.values
        if check is not None and name in check.flags and not eq:
            option = check.flags[name]
            value = "1"
        elif name == _LANG or name in options:
            option = "lang" if name == _LANG else options[name]
            if not eq:
                if i == len(args):
                    return None  # "requires an argument": typer says it
                value = args[i]
                i += 1
            if not value or value.startswith("-"):
                return None  # typer may read "-x" as a value or an option: let it
        else:
            return None  # --help, --version, -fjson, --, an unknown option
        key = option if check is not None else "root-" + option
        if key in given:
            return None  # repeated: typer's rule (the last wins) is typer's to apply
        given[key] = value
    if check is None:
        return None
    for lang in (given.pop("lang", None), given.pop("root-lang", None)):
        if lang is not None and parse_language(lang) is None:
            return None  # typer's --lang callback refuses it
    call = _call(check, given, paths, environ)
    return None if call is None else (command, call)


def _call(
    check: CommandOptions, given: dict[str, str], paths: list[str], environ: Mapping[str, str]
) -> dict[str, Any] | None:
    """The values typer would pass for what was given: each converted by its parameter's
    type, a flag as ``True``, the paths as a list; an option left out is read from its
    ``envvar`` as typer reads it (an empty one is no value). ``None`` when unsure."""
    call: dict[str, Any] = {}
    try:
        for name, marker in check.markers.items():
            kind = check.types[name]
            if name == check.arguments:
                if typing.get_origin(kind) is not list:
                    return None  # not a list of paths: typer reads it
                (item,) = typing.get_args(kind)
                call[name] = [_converted(item, marker, path) for path in paths]
            elif name in given:
                call[name] = True if kind is bool else _converted(kind, marker, given[name])
            else:
                envvar = marker.extra.get("envvar")
                if envvar and environ.get(envvar):
                    call[name] = _converted(kind, marker, environ[envvar])
    except _Unsure:
        return None
    return call


def command_options(name: str) -> CommandOptions:
    """The command's declaration (importing its module, which the command runs anyway;
    only its own: a check imports no other command's module)."""
    return CommandOptions(_module(name).run)


def _module(name: str) -> types.ModuleType:
    # import statements, not importlib: each command's own module only, and each import
    # seen by -X importtime as any other (tests/test_entry.py reads what a run loads)
    if name == "check":
        from mlplan.cli.commands import check

        return check
    if name == "summary":
        from mlplan.cli.commands import summary

        return summary
    raise ValueError(f"{name!r} is not one of FAST_COMMANDS")


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
    plain = plain_command(args, os.environ)
    if plain is None:
        from mlplan.cli import app

        app.main()  # the collector comes back on in the command (app.declared)
        return
    launch.run(args, _fast(*plain), own_process=True)


def _fast(name: str, call: dict[str, Any]) -> Callable[[], int]:
    def command() -> int:
        # a command's module imports these only in its run (the module is also the
        # command's declaration, which a TAB reads): loaded here, while the collector is
        # still off
        import mlplan.domain.checking
        import mlplan.model.framework  # noqa: F401

        run = _module(name).run
        launch.started()
        return int(run(**call))

    return command
