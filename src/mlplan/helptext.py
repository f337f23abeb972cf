"""typer's own words in ``--help``, in the user's language.

typer writes a few strings of its own into every help page: the ``Usage:`` line with
``[OPTIONS]`` and ``COMMAND [ARGS]...``, "Show this message and exit." for ``--help``, and
the help of the completion options. The command classes here take them from the message
catalogue instead; ``cli.build_app`` uses them for the app and every command.
"""

from __future__ import annotations

from typing import Any

from typer.core import TyperCommand, TyperGroup

from mlplan.i18n import t

# typer's completion options, by parameter name
_COMPLETION_HELP = {
    "install_completion": "help.install_completion",
    "show_completion": "help.show_completion",
}


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
        return params


class Command(_Localised, TyperCommand):
    """A command whose help is entirely in the user's language."""


class Group(_Localised, TyperGroup):
    """The app (a group of commands), its help entirely in the user's language."""
