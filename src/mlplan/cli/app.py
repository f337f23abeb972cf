"""The command line: the typer app, built from the commands' own declarations.

Each command is its module's ``run`` function (``mlplan.cli.commands.<name>``), its
parameters declared there once with the typer-free markers of
:mod:`mlplan.cli.commands.options`; :func:`build_app` turns them into typer's parameters,
with help and metavars from the message catalogue in the run's language (known before
the app is built: ``--lang`` anywhere on the command line, then ``MLPLAN_LANG``, then
``LANG``). The group is lazy: a run imports only the module of the command it runs;
every other command is a stand-in that knows its name and help, enough for the group's
help and for "no such command". ``main`` runs the app through :func:`mlplan.cli.launch.run`,
the one place that maps exceptions to exit codes; a command's return value is its exit
code. A plain ``mlplan check`` does not come here at all (:mod:`mlplan.cli.entry`).
"""

import dataclasses
import importlib
import inspect
import os
import sys
import typing
from collections.abc import Callable, Collection, Mapping
from typing import Annotated, Any

import typer

from mlplan import __version__
from mlplan.cli import launch
from mlplan.cli.commands import completion
from mlplan.errors import Interrupted
from mlplan.i18n import LANGUAGES, parse_language, t
from mlplan.render.output import err, error

# every command, in the order the group's help lists them: the module and the function
# that is the command
COMMANDS: dict[str, tuple[str, str]] = {
    "framework": ("mlplan.cli.commands.framework", "run"),
    "check": ("mlplan.cli.commands.check", "run"),
    "schema": ("mlplan.cli.commands.schema", "run"),
    "init": ("mlplan.cli.commands.init", "run"),
    "plan": ("mlplan.cli.commands.plan", "run"),
    "summary": ("mlplan.cli.commands.summary", "run"),
    "prepare": ("mlplan.cli.commands.prepare", "run"),
    "handover": ("mlplan.cli.commands.handover", "run"),
    "calendar": ("mlplan.cli.commands.calendar", "run"),
    "diff": ("mlplan.cli.commands.diff", "run"),
    "add": ("mlplan.cli.commands.edit", "run_add"),
    "done": ("mlplan.cli.commands.edit", "run_done"),
    "status": ("mlplan.cli.commands.edit", "run_status"),
    "move": ("mlplan.cli.commands.edit", "run_move"),
    "meeting": ("mlplan.cli.commands.edit", "run_meeting"),
    "training": ("mlplan.cli.commands.training", "run"),
}


def _version(value: bool) -> None:
    if value:
        typer.echo(f"mlplan {__version__}")
        raise typer.Exit()


def _lang(value: str | None) -> str | None:
    if value is not None and parse_language(value) is None:
        raise typer.BadParameter(t("error.bad_language", value=value, choices=", ".join(LANGUAGES)))
    return value


def _lang_option() -> Any:
    """``--lang``, accepted before the command and after it (:mod:`mlplan.cli.launch` reads
    it from anywhere on the command line; typer only checks it)."""
    return typer.Option(
        "--lang", help=t("opt.lang"), callback=_lang, metavar="nl|en", show_default=False
    )


def _typer_parameter(marker: Any) -> Any:
    """A marker of :mod:`mlplan.cli.commands.options` as typer's parameter, worded now."""
    from mlplan.cli.commands.options import Arg

    words: dict[str, Any] = {"help": t(marker.help), **marker.extra}
    if marker.metavar is not None:
        metavar = marker.metavar
        words["metavar"] = t(metavar) if metavar.startswith("metavar.") else metavar
    if isinstance(marker, Arg):
        return typer.Argument(**words)
    return typer.Option(*marker.decls, **words)


def _declared_parameter(param: inspect.Parameter, hint: Any) -> inspect.Parameter:
    """``param``, annotated with a marker of :mod:`mlplan.cli.commands.options` (``hint``),
    as typer's parameter."""
    base, marker = typing.get_args(hint)[:2]
    annotation = Annotated[base, _typer_parameter(marker)]  # type: ignore[valid-type]
    return param.replace(annotation=annotation)


def declared(fn: Callable[..., int]) -> Callable[..., int]:
    """``fn``, a command as its module declares it, as typer's callback: the same
    parameters with typer's declarations, ``--lang``, Ctrl-C said as
    :class:`Interrupted` (typer itself would end a command on Ctrl-C with a silent exit
    130), and its return value (the exit code) handed back."""
    from mlplan.cli.commands.options import Group, TypedOrder
    from mlplan.cli.helptext import OPTION_ORDER

    hints = typing.get_type_hints(fn, include_extras=True)
    params: list[inspect.Parameter] = []
    typed_order: str | None = None
    # a group's parameter name -> its class and the names of its fields
    groups: dict[str, tuple[type[Any], list[str]]] = {}
    for param in inspect.signature(fn).parameters.values():
        hint = hints[param.name]
        if isinstance(hint, type) and issubclass(hint, Group):
            fields = dataclasses.fields(hint)  # type: ignore[arg-type]
            member_hints = typing.get_type_hints(hint, include_extras=True)
            kind = inspect.Parameter.KEYWORD_ONLY
            for field in fields:
                member = inspect.Parameter(field.name, kind, default=field.default)
                params.append(_declared_parameter(member, member_hints[field.name]))
            groups[param.name] = (hint, [field.name for field in fields])
            continue
        if isinstance(typing.get_args(hint)[1], TypedOrder):
            typed_order = param.name
            continue
        params.append(_declared_parameter(param, hint))
    lang = Annotated[str | None, _lang_option()]
    params.append(
        inspect.Parameter("lang", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=lang)
    )
    if typed_order is not None:
        kind = inspect.Parameter.KEYWORD_ONLY
        params.append(inspect.Parameter("ctx", kind, annotation=typer.Context))

    def command(**kwargs: Any) -> int:
        kwargs.pop("lang", None)
        for name, (group, members) in groups.items():
            kwargs[name] = group(**{member: kwargs.pop(member) for member in members})
        if typed_order is not None:
            order = kwargs.pop("ctx").meta.get(OPTION_ORDER)
            kwargs[typed_order] = list(order) if isinstance(order, list) else None
        launch.started()
        try:
            return fn(**kwargs)
        except KeyboardInterrupt:
            raise Interrupted() from None

    command.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    command.__doc__ = fn.__doc__
    command.typed_order = typed_order is not None  # type: ignore[attr-defined]
    return command


def _stand_in() -> int:
    """A command the group lists but this run does not declare (:func:`command_named`
    found another one): never run, and said as an internal error if it ever were."""
    raise RuntimeError("a stand-in command ran; main declares the command it runs")


def build_app(commands: Collection[str] | None = None) -> typer.Typer:
    """The typer app, with help in the current language: the ``commands`` named (every
    command when ``None``) declared for real, the rest as stand-ins for the group's help."""
    from mlplan.cli.helptext import Command, Group, OrderedCommand

    app = typer.Typer(
        name="mlplan",
        cls=Group,
        options_metavar=t("help.options_metavar"),
        subcommand_metavar=t("help.subcommand_metavar"),
        help=t("app.help"),
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    )

    @app.callback()
    def root(
        version: Annotated[
            bool, typer.Option("--version", callback=_version, is_eager=True, help=t("opt.version"))
        ] = False,
        lang: Annotated[str | None, _lang_option()] = None,
    ) -> None:
        pass

    for name, (module, function) in COMMANDS.items():
        real = commands is None or name in commands
        callback = (
            declared(getattr(importlib.import_module(module), function)) if real else _stand_in
        )
        app.command(
            name,
            cls=OrderedCommand if getattr(callback, "typed_order", False) else Command,
            options_metavar=t("help.options_metavar"),
            help=t(f"cmd.{name}.help"),
            epilog=t(f"cmd.{name}.epilog"),
        )(callback)
    return app


def command_named(args: list[str]) -> str | None:
    """The command ``args`` run: the first word that is neither an option nor the value
    of the root's ``--lang``; ``None`` when there is none."""
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--lang":
            i += 2
            continue
        if arg == "--":
            return args[i + 1] if i + 1 < len(args) else None
        if not arg.startswith("-"):
            return arg
        i += 1
    return None


def _localise_help(args: list[str]) -> None:
    """Retitle typer's help panels in the user's language. Only when help is shown (or
    completion, whose descriptions typer renders with them): importing typer's rich
    helpers costs start-up time every other command can skip."""
    if args and not {"--help", "-h"} & set(args) and completion.VARIABLE not in os.environ:
        return
    from mlplan.cli.helptext import load_rich_utils

    load_rich_utils()
    from typer import rich_utils

    rich_utils.ARGUMENTS_PANEL_TITLE = t("help.arguments")
    rich_utils.OPTIONS_PANEL_TITLE = t("help.options")
    rich_utils.COMMANDS_PANEL_TITLE = t("help.commands")
    rich_utils.DEFAULT_STRING = t("help.default")
    rich_utils.ENVVAR_STRING = t("help.envvar")
    rich_utils.REQUIRED_LONG_STRING = t("help.required")


def _report_usage(exc: typer.TyperException) -> None:
    """A mistake on the command line: what is wrong, and where the help is."""
    if type(exc).__name__ == "NoArgsIsHelpError":  # the help is already shown
        return
    from mlplan.cli import usage

    error(usage.describe(exc))
    hint = usage.help_hint(exc)
    if hint:
        err(hint)


def _translate(exc: Exception) -> int | None:
    """typer's own errors: a usage error said in the user's language (exit 2), Ctrl-D at
    a prompt (exit 130); ``None`` for anything else."""
    if isinstance(exc, typer.TyperException):
        _report_usage(exc)
        return int(getattr(exc, "exit_code", 2))
    if isinstance(exc, typer.Abort):
        launch.report(Interrupted())
        return Interrupted.exit_code
    return None


def declared_for(args: list[str], environ: Mapping[str, str]) -> Collection[str] | None:
    """The commands a run declares for real (:func:`build_app`): the one it runs, none
    when it names none (the group's help); for a TAB, the one in the typed words, or
    every command for a shell that typer completes alone."""
    words = completion.typed_words(environ) if completion.VARIABLE in environ else args
    if words is None:
        return None
    name = command_named(words)
    return {name} if name in COMMANDS else ()


def main(argv: list[str] | None = None) -> None:
    """Run the typer app; exits with the spec's exit codes (:func:`mlplan.cli.launch.run`)."""
    args = list(sys.argv[1:] if argv is None else argv)

    def app() -> int | None:
        commands = declared_for(args, os.environ)
        if completion.VARIABLE in os.environ:  # a TAB: answered without typer's parsing
            answered = completion.answer(lambda: build_app(commands), os.environ)
            if answered is not None:
                sys.stdout.write(answered + "\n")  # what typer's click.echo writes
                return 0
        _localise_help(args)
        # only the command that runs is imported and declared (a lazy group); not
        # standalone: typer's usage errors come here, to be said in the user's language,
        # and the command's return value is its exit code
        code = build_app(commands)(args=args, prog_name="mlplan", standalone_mode=False)
        return code if isinstance(code, int) else None

    launch.run(args, app, own_process=argv is None, translate=_translate)
