"""The command line: declarations only. Each command's work lives in ``mlplan.commands``.

Help texts come from the message catalogue, so the app is built after the language is
known (``--lang`` anywhere on the command line, then ``MLPLAN_LANG``, then ``LANG``).
Command modules are imported inside the commands so ``mlplan check`` never pays for
rich tables or the wizard. ``main`` is the one place that maps exceptions to exit codes.
"""

# No ``from __future__ import annotations``: typer reads these annotations at runtime,
# and the shared option aliases are local to ``build_app``.
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from mlplan import __version__
from mlplan.errors import FrameworkError, MlplanError
from mlplan.i18n import LANGUAGES, resolve_language, set_language, t
from mlplan.output import err, style


class TextFormat(StrEnum):
    TABLE = "table"
    MARKDOWN = "markdown"
    JSON = "json"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"mlplan {__version__}")
        raise typer.Exit()


def _lang(value: str | None) -> str | None:
    if value is not None and value not in LANGUAGES:
        raise typer.BadParameter(t("error.bad_language", value=value, choices=", ".join(LANGUAGES)))
    return value


def build_app() -> typer.Typer:
    """The typer app, with help in the current language."""
    app = typer.Typer(
        name="mlplan",
        help=t("app.help"),
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    )

    # -- options every command shares, declared once ----------------------------------
    lang_opt = Annotated[
        str | None,
        typer.Option(
            "--lang", help=t("opt.lang"), callback=_lang, metavar="nl|en", show_default=False
        ),
    ]
    framework_opt = Annotated[
        Path | None,
        typer.Option(
            "--framework",
            envvar="MLPLAN_FRAMEWORK",
            help=t("opt.framework"),
            metavar=t("metavar.file"),
            show_default=False,
        ),
    ]

    @app.callback()
    def root(
        version: Annotated[
            bool, typer.Option("--version", callback=_version, is_eager=True, help=t("opt.version"))
        ] = False,
        lang: lang_opt = None,
    ) -> None:
        pass

    @app.command("framework", help=t("cmd.framework.help"), epilog=t("cmd.framework.epilog"))
    def framework_cmd(
        topic: Annotated[
            str | None,
            typer.Argument(help=t("arg.topic"), metavar=t("metavar.topic"), show_default=False),
        ] = None,
        fmt: Annotated[
            TextFormat, typer.Option("--format", "-f", help=t("opt.format"), case_sensitive=False)
        ] = TextFormat.TABLE,
        framework: framework_opt = None,
        lang: lang_opt = None,
    ) -> None:
        from mlplan.commands.framework import run

        run(topic=topic, fmt=fmt.value, framework_path=framework)

    # -- check, schema (issue 3) -------------------------------------------------------
    from datetime import date

    def _parse_today(value: str | date) -> date:
        """``--today``: strictly YYYY-MM-DD (``fromisoformat`` would also take 20261122)."""
        if isinstance(value, date):
            return value
        text = value.strip()
        if len(text) == 10 and text[4] == "-" and text[7] == "-":
            try:
                return date.fromisoformat(text)
            except ValueError:
                pass
        raise typer.BadParameter(t("check.bad_today", value=value))

    # "now" wherever it matters (ML202, current year and phase): reproducible output
    today_opt = Annotated[
        date | None,
        typer.Option(
            "--today",
            parser=_parse_today,
            help=t("opt.today"),
            metavar=t("metavar.date"),
            show_default=False,
        ),
    ]

    class CheckFormat(StrEnum):
        TEXT = "text"
        JSON = "json"
        GITHUB = "github"
        GITLAB = "gitlab"

    @app.command("check", help=t("cmd.check.help"), epilog=t("cmd.check.epilog"))
    def check_cmd(
        paths: Annotated[
            list[Path] | None,
            typer.Argument(help=t("arg.plan_paths"), metavar=t("metavar.path"), show_default=False),
        ] = None,
        fmt: Annotated[
            CheckFormat | None,
            typer.Option(
                "--format",
                "-f",
                help=t("opt.check_format"),
                case_sensitive=False,
                show_default=False,
            ),
        ] = None,
        strict: Annotated[bool, typer.Option("--strict", help=t("opt.strict"))] = False,
        today: today_opt = None,
        framework: framework_opt = None,
        lang: lang_opt = None,
    ) -> None:
        from mlplan.commands.check import run

        run(
            paths=paths or [],
            fmt=fmt.value if fmt else None,
            strict=strict,
            today=today,
            framework_path=framework,
        )

    @app.command("schema", help=t("cmd.schema.help"), epilog=t("cmd.schema.epilog"))
    def schema_cmd(lang: lang_opt = None) -> None:
        from mlplan.commands.schema import run

        run()

    # -- init (issue 4) ----------------------------------------------------------------

    # -- plan (issue 5) ----------------------------------------------------------------

    # -- summary (issue 6) -------------------------------------------------------------

    # -- add, done, status, move, meeting (issue 7) ------------------------------------

    return app


def _scan_lang(args: list[str]) -> str | None:
    """``--lang`` from anywhere on the command line, before the app exists."""
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def _report(exc: MlplanError) -> None:
    err(style(t("label.error"), "1;31") + " " + exc.message)
    if isinstance(exc, FrameworkError):
        for d in sorted(exc.diagnostics, key=lambda d: d.sort_key()):
            err(f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}")


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``mlplan`` script; exits with the spec's exit codes."""
    args = list(sys.argv[1:] if argv is None else argv)
    set_language(resolve_language(_scan_lang(args)))
    try:
        build_app()(args=args, prog_name="mlplan")
    except MlplanError as exc:
        _report(exc)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        err(t("error.interrupted"))
        sys.exit(130)
    except BrokenPipeError:
        # the reader went away (``mlplan plan | head``): not an error worth a message
        sys.stderr.close()
        os._exit(0)
    except Exception as exc:  # the last line of defence: never a traceback for users
        if os.environ.get("MLPLAN_DEBUG"):
            raise
        err(
            style(t("label.error"), "1;31")
            + " "
            + t("error.internal", detail=f"{type(exc).__name__}: {exc}")
        )
        sys.exit(2)
