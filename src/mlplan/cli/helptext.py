"""``--help`` that reads like a well-made CLI, in the user's language.

typer writes a few strings of its own into every help page: the ``Usage:`` line with
``[OPTIONS]`` and ``COMMAND [ARGS]...``, "Show this message and exit." for ``--help``, and
the help of the completion options. The command classes here take them from the message
catalogue instead; ``cli.build_app`` uses them for the app and every command.

They also say each parameter the way a reader expects (typer 0.29 shows Python types):

- the value column shows an option's metavar (``BESTAND``, ``JJJJ-MM-DD``) or its choices
  (``table|markdown|json``); a flag and an argument show nothing there (an argument's
  name column already is its metavar), never a type label such as ``<bool>`` or
  ``<list[Path]>``;
- the usage line writes an argument as ``PAD``, ``[PAD]`` when optional and ``PAD...`` when
  it takes several, as click does for its own; a metavar that already holds brackets or
  spaces (``[PAD] ACTIVITEIT``, which the edit commands parse themselves) is written as it is.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

from typer.core import TyperCommand, TyperGroup

from mlplan.i18n import t

# What ``typer.rich_utils`` imports at module level but a help page never uses: Markdown
# (markdown-it and pygments, for rich_markup_mode="markdown", which mlplan does not set)
# and Traceback (pretty exceptions, which mlplan turns off). Together 45 ms of --help.
_UNUSED_BY_HELP = {"rich.markdown": "Markdown", "rich.traceback": "Traceback"}

# typer's completion options, by parameter name
_COMPLETION_HELP = {
    "install_completion": "help.install_completion",
    "show_completion": "help.show_completion",
}


def value_label(param: Any) -> str | None:
    """What the help's value column shows for ``param``: ``None`` for a flag or an argument."""
    from mlplan.cli.usage import choices_of

    if param.param_type_name == "argument" or getattr(param, "is_flag", False):
        return None
    if param.metavar:
        return str(param.metavar)
    choices = choices_of(param)
    return "|".join(choices) if choices else str(param.name).upper()


def usage_piece(param: Any) -> str:
    """How the usage line writes the argument ``param``."""
    name = str(param.metavar or str(param.name).upper())
    if any(c in name for c in " []"):  # a composite the command parses itself
        return name
    if not param.required:
        name = f"[{name}]"
    return f"{name}..." if param.nargs != 1 else name


class _Localised:
    """Shared by the app (a group) and its commands."""

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=t("help.usage"))

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = t("help.help_option")
        return option

    def get_params(self, ctx: Any) -> Any:
        params = super().get_params(ctx)  # type: ignore[misc]
        for param in params:
            if param.name in _COMPLETION_HELP:
                param.help = t(_COMPLETION_HELP[param.name])
            # per instance: typer builds its parameter objects itself, from the annotations
            param.display_type_rich = lambda ctx, param=param: value_label(param)
            if param.param_type_name == "argument":
                param.get_usage_pieces = lambda ctx, param=param: [usage_piece(param)]
        return params


class Command(_Localised, TyperCommand):
    """A command whose help is entirely in the user's language."""


# ``ctx.meta`` key: the names of the options of an :class:`OrderedCommand`, once per use,
# in the order they were typed
OPTION_ORDER = "mlplan.option_order"


class OrderedCommand(Command):
    """A command that also knows the order in which its options were typed: ``mlplan
    meeting`` pairs each ``--owner`` and ``--due`` with the ``--agreement`` before it, and
    parsed options keep only their values. The arguments are tokenised once more here; any
    mistake in them is left for the real parse to report."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        try:
            _, _, order = self.make_parser(ctx).parse_args(args=list(args))
        except Exception:  # the parse below says what is wrong
            order = []
        ctx.meta[OPTION_ORDER] = [getattr(param, "name", None) for param in order]
        return list(super().parse_args(ctx, args))


class Group(_Localised, TyperGroup):
    """The app (a group of commands), its help entirely in the user's language."""


class _Deferred(type):
    """A stand-in for a class that is imported when first used: calling it or reading
    an attribute (``Traceback.from_exception``) imports the real module and hands over."""

    _module: str
    _name: str

    def _real(cls) -> Any:
        return getattr(importlib.import_module(cls._module), cls._name)

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        return cls._real()(*args, **kwargs)

    def __getattr__(cls, name: str) -> Any:
        return getattr(cls._real(), name)


def load_rich_utils() -> None:
    """Import ``typer.rich_utils`` without importing what a help page does not use
    (:data:`_UNUSED_BY_HELP`): while it loads, those modules are stand-ins whose class
    imports the real one if it is ever used, and they are gone from ``sys.modules``
    afterwards, so any other import gets the real module. A module loaded already stays
    as it is."""
    stand_ins: dict[str, types.ModuleType] = {}
    for module, name in _UNUSED_BY_HELP.items():
        if module in sys.modules:
            continue
        stand_in = types.ModuleType(module, "mlplan: imported when first used")
        setattr(stand_in, name, _Deferred(name, (), {"_module": module, "_name": name}))
        stand_ins[module] = sys.modules[module] = stand_in
    try:
        import typer.rich_utils  # noqa: F401
    finally:
        for module, stand_in in stand_ins.items():
            if sys.modules.get(module) is stand_in:
                del sys.modules[module]
