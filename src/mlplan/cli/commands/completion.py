"""Shell completion (TAB): values that only the framework knows, and a quicker answer.

Imported by ``cli`` at start-up for every command, so it imports nothing at module level:
the framework is loaded only when the shell asks for a completion.

Every TAB runs ``mlplan``. typer answers it by parsing the typed words as it would for a
run, through its type adapters, which load pydantic's schema machinery: half of a TAB's
time. :func:`answer` gives typer's answer without that: it builds the same app and lets
click's own completion find the command, option or argument being completed and its
candidates, but reads the typed words with click's parser alone (no value converted, no
callback run). Anything it is not sure of (another shell, ``--help``, an unknown option)
gets ``None``, and typer answers as before.
``tests/test_completion.py`` holds the two to the same answer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

# typer's shell completion is driven by this variable (``_<PROG>_COMPLETE``)
VARIABLE = "_MLPLAN_COMPLETE"
PROG = "mlplan"
# the instructions answered here (``mlplan --install-completion`` installs one of them)
_SHELLS = {"complete_bash": "BashComplete", "complete_zsh": "ZshComplete"}
# words whose effect on completion is typer's to decide (eager callbacks)
_TYPERS = frozenset({"--help", "-h", "--version", "--install-completion", "--show-completion"})


def typed_words(environ: Mapping[str, str]) -> list[str] | None:
    """The words before the one being completed, read as typer's completion reads them
    for the shell ``environ`` names; ``None`` for a shell answered by typer alone."""
    from typer._click.shell_completion import split_arg_string

    shell = environ.get(VARIABLE, "")
    if shell == "complete_bash":
        words = split_arg_string(environ.get("COMP_WORDS", ""))
        return words[1 : int(environ.get("COMP_CWORD", "0") or 0)]
    if shell == "complete_zsh":
        typed = environ.get("_TYPER_COMPLETE_ARGS", "")
        words = split_arg_string(typed)[1:]
        return words if typed.endswith(" ") else words[:-1]
    return None


class _Unsure(Exception):
    """Leave this completion to typer."""


def answer(build_app: Callable[[], Any], environ: Mapping[str, str]) -> str | None:
    """What typer would print for the completion the shell asks for in ``environ``, or
    ``None`` when typer should answer itself."""
    shell = _SHELLS.get(environ.get(VARIABLE, ""))
    if shell is None:
        return None
    try:
        from typer import _completion_classes
        from typer.main import get_command

        cli = get_command(build_app())
        comp = getattr(_completion_classes, shell)(cli, {}, PROG, VARIABLE)

        def completions(args: list[str], incomplete: str) -> list[Any]:
            from typer._click import shell_completion

            if _TYPERS & {*args, incomplete}:
                raise _Unsure
            ctx = _context(cli, args)
            found, incomplete = shell_completion._resolve_incomplete(ctx, args, incomplete)
            items: list[Any] = found.shell_complete(ctx, incomplete)
            return items

        comp.get_completions = completions
        if shell == "ZshComplete":  # its descriptions are rendered by typer's rich helpers
            from mlplan.cli.helptext import load_rich_utils

            load_rich_utils()  # without what only a help page uses
        text: str = comp.complete()
    except Exception:  # anything unforeseen: typer's own completion answers instead
        return None
    return text


def _context(cli: Any, args: list[str]) -> Any:
    """The context of the command being completed, as click's completion builds it, but
    with the parameters as typed: no type adapter, no callback."""
    ctx = _parsed(cli, PROG, list(args), None)
    rest = [*ctx._protected_args, *ctx.args]
    while rest:
        name, command, rest = ctx.command.resolve_command(ctx, rest)
        if command is None:
            return ctx
        ctx = _parsed(command, name, rest, ctx)
        rest = [*ctx._protected_args, *ctx.args]
    return ctx


def _parsed(command: Any, name: str | None, args: list[str], parent: Any) -> Any:
    from typer._click.core import ParameterSource

    settings = {**command.context_settings, "resilient_parsing": True}
    ctx = command.context_class(command, info_name=name, parent=parent, **settings)
    parser = command.make_parser(ctx)
    opts, rest, _ = parser.parse_args(args=args)
    for param in command.get_params(ctx):  # where click's consume_value finds each value
        value, source = opts.get(param.name), ParameterSource.COMMANDLINE
        if value is None or (param.nargs == -1 and not value):
            value, source = param.value_from_envvar(ctx), ParameterSource.ENVIRONMENT
        if value is None:
            source = ParameterSource.DEFAULT
        ctx.params[param.name] = value
        ctx.set_parameter_source(param.name, source)
    ctx._opt_prefixes.update(parser._opt_prefixes)
    if hasattr(command, "commands") and rest:  # a group: its command, then that one's words
        ctx._protected_args, ctx.args = rest[:1], rest[1:]
    else:
        ctx.args = rest
    return ctx


def complete_topic(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """Shell completion (TAB) for a topic id: the ids that start with what is typed, each
    with its title, from the framework the command line names (``--framework``) or the
    default one. A framework that does not load offers nothing: TAB never shows an error."""
    from mlplan.errors import MlplanError
    from mlplan.io.loading import load_framework

    given = ctx.params.get("framework_path")  # typed text on the quick path (answer), else a Path
    try:
        fw = load_framework(None if given is None else Path(given))
    except MlplanError:
        return []
    typed = incomplete.casefold()
    return [(topic.id, topic.title) for _, topic in fw.topics() if topic.id.startswith(typed)]


def complete_status_args(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """Shell completion for ``mlplan status [PATH] ACTIVITY STATUS``: the status words,
    once the activity is typed (after a ``.yaml`` path, one word later). Typed words in
    the user's language first; a start of a word also finds the identifiers and the
    other language's words (``in`` → ``in_progress``)."""
    from mlplan.cli.commands.edit import STATES, status_words, typed_word
    from mlplan.i18n import t
    from mlplan.model.vocabulary import STATUS

    before = [str(a) for a in ctx.params.get("args") or []]  # the words already typed
    words_before = 2 if before and before[0].lower().endswith((".yaml", ".yml")) else 1
    if len(before) != words_before:  # still at the activity, or the status is given
        return []
    start = incomplete.casefold()
    offered: dict[str, str] = {}
    for state in STATES:
        offered[typed_word(STATUS, state)] = t(STATUS.label_key(state))
    if start:
        for word, state in status_words().items():
            if state in STATES and " " not in word:
                offered.setdefault(word, t(STATUS.label_key(state)))
    return [(word, help_) for word, help_ in offered.items() if word.startswith(start)]
