"""Mistakes on the command line, said in the user's language.

typer (its bundled click) parses the command line and raises its usage errors with
English text: "No such option", "Missing option", "Invalid value for '--months': Input
should be a valid integer". ``main`` hands each one here and prints what :func:`describe`
returns, from the message catalogue, in the same ``fout: …`` form as every other error,
with a did-you-mean where a typo is likely. A usage error this module does not recognise
keeps typer's own text, so a new typer can only make a message English again, never lose it.
"""

from __future__ import annotations

import enum
import re
import typing
from typing import Any

from mlplan.i18n import t
from mlplan.suggest import closest

# the few usage errors that typer raises as a plain UsageError, known by their text
_NO_SUCH_COMMAND = re.compile(r"No such command '(?P<name>.*?)'\.")
_EXTRA_ARGUMENTS = re.compile(r"Got unexpected extra argument(?:s|\(s\))? \((?P<args>.*)\)$")
_MISSING_COMMAND = "Missing command."
# typer's own checks of a path argument (exists, readable, file or directory), in English
_PATH_PROBLEM = re.compile(
    r"(?:file|directory|path) (?P<path>'.*'|\".*\") "
    r"(?P<what>does not exist|is a file|is a directory|is not readable|is not writable)\.",
    re.DOTALL,
)
_PATH_KEYS = {
    "does not exist": "error.file_not_found",
    "is a directory": "error.is_directory",
    "is not readable": "error.permission_denied",
    "is a file": "usage.path_is_file",
    "is not writable": "usage.path_not_writable",
}
_INTEGER_ERRORS = {"int_parsing", "int_from_float", "int_type"}
_NUMBER_ERRORS = {"float_parsing", "float_type"}


def describe(exc: Any) -> str:
    """The message for a usage error raised by typer (a ``typer.TyperException`` with
    the command's context), without the ``fout:`` label."""
    kind = type(exc).__name__
    ctx = getattr(exc, "ctx", None)
    if kind == "NoSuchOption":
        return _with_hint(
            t("usage.no_such_option", option=exc.option_name),
            closest(exc.option_name, _options(ctx)) if ctx else None,
        )
    if kind == "BadOptionUsage":
        key = "usage.takes_no_value" if "does not take" in exc.message else "usage.needs_value"
        return t(key, option=exc.option_name)
    if kind == "MissingParameter":
        return _missing(exc)
    if kind == "BadParameter":
        return _bad_value(exc)
    text = exc.format_message()
    if found := _NO_SUCH_COMMAND.match(text):
        name = found["name"]
        commands = ctx.command.list_commands(ctx) if ctx else []
        suggestion = closest(name, commands)
        if suggestion is None and commands:
            return (
                t("usage.no_such_command", name=name)
                + ". "
                + t("usage.commands", names=", ".join(commands))
            )
        return _with_hint(t("usage.no_such_command", name=name), suggestion)
    if found := _EXTRA_ARGUMENTS.match(text):
        return t("usage.extra_arguments", args=found["args"])
    if text == _MISSING_COMMAND:
        return t("usage.missing_command")
    return str(text)


def help_hint(exc: Any) -> str | None:
    """Where to read more: ``Zie 'mlplan check --help'.``, when the command is known."""
    ctx = getattr(exc, "ctx", None)
    if ctx is None:
        return None
    return t("usage.help_hint", command=ctx.command_path)


def _with_hint(message: str, suggestion: str | None) -> str:
    if suggestion is None:
        return message
    return message + ". " + t("usage.did_you_mean", hint=suggestion)


def _options(ctx: Any) -> list[str]:
    return [
        name
        for param in ctx.command.get_params(ctx)
        for name in (*param.opts, *param.secondary_opts)
        if name.startswith("--")
    ]


def _name(param: Any) -> str:
    """``--format`` for an option (its long name), ``PAD`` for an argument."""
    if param is None:
        return "?"
    if getattr(param, "param_type_name", "") == "argument":
        return str(param.metavar or param.name or "?").rstrip(".…")
    return str(max(param.opts, key=len))


def _missing(exc: Any) -> str:
    param = exc.param
    if getattr(param, "param_type_name", "") == "argument":
        return t("usage.missing_argument", name=_name(param))
    return t("usage.missing_option", option=_name(param))


def _bad_value(exc: Any) -> str:
    """A value that does not fit its option: typer checks it with a pydantic type
    adapter, whose error says what was given and what kind of value was expected."""
    option = _name(exc.param)
    if found := _PATH_PROBLEM.fullmatch(str(exc.message)):
        import ast

        path = ast.literal_eval(found["path"])  # typer wrote it with repr()
        return t(_PATH_KEYS[found["what"]], path=path)
    cause = exc.__cause__
    errors = cause.errors() if hasattr(cause, "errors") else []
    if errors:
        kind, value = errors[0]["type"], errors[0].get("input")
        if kind in _INTEGER_ERRORS:
            return t("usage.not_an_integer", option=option, value=value)
        if kind in _NUMBER_ERRORS:
            return t("usage.not_a_number", option=option, value=value)
        choices = choices_of(exc.param)
        if choices and isinstance(value, str):
            return t("usage.not_a_choice", option=option, value=value, choices=", ".join(choices))
    return t("usage.bad_value", option=option, detail=exc.message)


def choices_of(param: Any) -> list[str]:
    """The values of an option typed as a choice: an enum (``--format table|markdown|json``)
    or a vocabulary's ``Literal`` (``--phase begin|midden|eind``)."""
    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return [str(member.value) for member in annotation]
    if typing.get_origin(annotation) is typing.Literal:
        return [str(value) for value in typing.get_args(annotation)]
    return []


def not_a_choice(option: str, value: str, choices: str) -> Exception:
    """The error for a word that is none of its choices where a command reads the word
    itself: the status after ``mlplan status [PAD] ACTIVITEIT``, a positional word that
    takes the Dutch and English labels as well as the identifiers, which no typed option
    could check. It is the kind of error typer raises for a bad choice, with the same
    message (``usage.not_a_choice``), so it reads, points to the help and exits (2) as a
    bad ``--format`` does. Outside a command line (no click context): a plain usage error."""
    from typer._click.exceptions import UsageError as ClickUsageError
    from typer._click.globals import get_current_context

    from mlplan.errors import UsageError

    ctx = get_current_context(silent=True)
    if ctx is None:
        return UsageError("usage.not_a_choice", option=option, value=value, choices=choices)
    return ClickUsageError(
        t("usage.not_a_choice", option=option, value=value, choices=choices), ctx
    )
