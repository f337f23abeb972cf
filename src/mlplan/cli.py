"""The command line: declarations only. Each command's work lives in ``mlplan.commands``.

Help texts come from the message catalogue, so the app is built after the language is
known (``--lang`` anywhere on the command line, then ``MLPLAN_LANG``, then ``LANG``).
Command modules are imported inside the commands so ``mlplan check`` never pays for
rich tables or the wizard. ``main`` runs the app through :func:`mlplan.launch.run`, the
one place that maps exceptions to exit codes; a plain ``mlplan check`` does not come here
at all (:mod:`mlplan.entry`).
"""

# No ``from __future__ import annotations``: typer reads these annotations at runtime,
# and the shared option aliases are local to ``build_app``.
import functools
import os
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, ParamSpec

import typer

from mlplan import __version__, launch
from mlplan.commands import completion
from mlplan.errors import Interrupted
from mlplan.i18n import LANGUAGES, parse_language, t
from mlplan.output import err, style
from mlplan.vocabulary import MeetingKind, PhaseId, SortKey

P = ParamSpec("P")


class TextFormat(StrEnum):
    TABLE = "table"
    MARKDOWN = "markdown"
    JSON = "json"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"mlplan {__version__}")
        raise typer.Exit()


def _lang(value: str | None) -> str | None:
    if value is not None and parse_language(value) is None:
        raise typer.BadParameter(t("error.bad_language", value=value, choices=", ".join(LANGUAGES)))
    return value


def build_app() -> typer.Typer:
    """The typer app, with help in the current language."""
    from mlplan.helptext import OPTION_ORDER, Command, Group, OrderedCommand

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

    def command(
        name: str, cls: type[Command] = Command
    ) -> Callable[[Callable[P, int]], Callable[P, int]]:
        """``app.command`` with its help from the catalogue, and Ctrl-C turned into
        :class:`Interrupted` so ``main`` says why it stops: typer itself would end a command
        on Ctrl-C with a silent exit 130."""

        def register(fn: Callable[P, int]) -> Callable[P, int]:
            @functools.wraps(fn)
            def interruptible(*args: P.args, **kwargs: P.kwargs) -> int:
                launch.started()
                try:
                    return fn(*args, **kwargs)
                except KeyboardInterrupt:
                    raise Interrupted() from None

            app.command(
                name,
                cls=cls,
                options_metavar=t("help.options_metavar"),
                help=t(f"cmd.{name}.help"),
                epilog=t(f"cmd.{name}.epilog"),
            )(interruptible)
            return fn

        return register

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

    # "now" wherever it matters (ML202, the current year and phase), so output is reproducible;
    # parsed by commands.options so a bad date gets the same Dutch message everywhere
    today_opt = Annotated[
        str | None,
        typer.Option("--today", help=t("opt.today"), metavar=t("metavar.date"), show_default=False),
    ]

    # every export: mask what looks like patient data in the output, never in the plan
    redact_opt = Annotated[bool, typer.Option("--redact", help=t("opt.redact"))]

    @app.callback()
    def root(
        version: Annotated[
            bool, typer.Option("--version", callback=_version, is_eager=True, help=t("opt.version"))
        ] = False,
        lang: lang_opt = None,
    ) -> None:
        pass

    @command("framework")
    def framework_cmd(
        topic: Annotated[
            str | None,
            typer.Argument(
                help=t("arg.topic"),
                metavar=t("metavar.topic"),
                show_default=False,
                autocompletion=completion.complete_topic,
            ),
        ] = None,
        fmt: Annotated[
            TextFormat, typer.Option("--format", "-f", help=t("opt.format"), case_sensitive=False)
        ] = TextFormat.TABLE,
        framework: framework_opt = None,
        lang: lang_opt = None,
    ) -> int:
        from mlplan.commands.framework import run

        return run(topic=topic, fmt=fmt.value, framework_path=framework)

    # -- check, schema (issue 3) -------------------------------------------------------
    class CheckFormat(StrEnum):
        TEXT = "text"
        JSON = "json"
        GITHUB = "github"
        GITLAB = "gitlab"

    @command("check")
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
    ) -> int:
        from mlplan.commands.check import run

        return run(
            paths=paths or [],
            fmt=fmt.value if fmt else None,
            strict=strict,
            today=today,
            framework_path=framework,
        )

    @command("schema")
    def schema_cmd(framework: framework_opt = None, lang: lang_opt = None) -> int:
        from mlplan.commands.schema import run

        return run(framework_path=framework)

    # -- init (issue 4) ----------------------------------------------------------------
    @command("init")
    def init_cmd(
        path: Annotated[
            Path, typer.Argument(help=t("arg.init_path"), metavar=t("metavar.file"))
        ] = Path("plan.yaml"),
        no_input: Annotated[bool, typer.Option("--no-input", help=t("opt.init.no_input"))] = False,
        example: Annotated[bool, typer.Option("--example", help=t("opt.init.example"))] = False,
        force: Annotated[bool, typer.Option("--force", help=t("opt.init.force"))] = False,
        name: Annotated[
            str | None,
            typer.Option(
                "--name",
                help=t("opt.init.name"),
                metavar=t("metavar.text"),
                show_default=False,
            ),
        ] = None,
        start: Annotated[
            str | None,
            typer.Option(
                "--start",
                help=t("opt.init.start"),
                metavar=t("metavar.date"),
                show_default=False,
            ),
        ] = None,
        years: Annotated[
            str | None,
            typer.Option(
                "--years",
                help=t("opt.init.years"),
                metavar=t("metavar.init.years"),
                show_default=False,
            ),
        ] = None,
        part_time: Annotated[
            str | None,
            typer.Option(
                "--part-time",
                help=t("opt.init.part_time"),
                metavar=t("metavar.percent"),
                show_default=False,
            ),
        ] = None,
        specialty: Annotated[
            str | None,
            typer.Option(
                "--specialty",
                help=t("opt.init.specialty"),
                metavar=t("metavar.text"),
                show_default=False,
            ),
        ] = None,
        institution: Annotated[
            str | None,
            typer.Option(
                "--institution",
                help=t("opt.init.institution"),
                metavar=t("metavar.text"),
                show_default=False,
            ),
        ] = None,
        supervisor: Annotated[
            str | None,
            typer.Option(
                "--supervisor",
                help=t("opt.init.supervisor"),
                metavar=t("metavar.text"),
                show_default=False,
            ),
        ] = None,
        today: today_opt = None,
        framework: framework_opt = None,
        lang: lang_opt = None,
    ) -> int:
        from mlplan.commands.init import run

        return run(
            path=path,
            no_input=no_input,
            example=example,
            force=force,
            name=name,
            start=start,
            years=years,
            part_time=part_time,
            specialty=specialty,
            institution=institution,
            supervisor=supervisor,
            today=today,
            framework_path=framework,
        )

    # -- plan (issue 5) ----------------------------------------------------------------
    class PlanFormat(StrEnum):
        TABLE = "table"
        MARKDOWN = "markdown"
        JSON = "json"
        CSV = "csv"
        XLSX = "xlsx"
        PDF = "pdf"
        DOCX = "docx"
        HTML = "html"

    class CsvDialect(StrEnum):
        STANDARD = "standard"
        EXCEL_NL = "excel-nl"

    # one plan file to read (plan, diff, prepare, handover)
    plan_path_arg = Annotated[
        Path, typer.Argument(help=t("arg.plan_path"), metavar=t("metavar.file"))
    ]

    @command("plan")
    def plan_cmd(
        path: plan_path_arg = Path("plan.yaml"),
        fmt: Annotated[
            PlanFormat | None,
            typer.Option(
                "--format",
                "-f",
                help=t("opt.plan_format"),
                metavar=t("metavar.format"),  # the help lists them: too many for the column
                case_sensitive=False,
                show_default=False,
            ),
        ] = None,
        output_file: Annotated[
            Path | None,
            typer.Option(
                "--output",
                "-o",
                help=t("opt.output"),
                metavar=t("metavar.file"),
                show_default=False,
            ),
        ] = None,
        csv_dialect: Annotated[
            CsvDialect | None,
            typer.Option(
                "--csv-dialect",
                help=t("opt.csv_dialect"),
                case_sensitive=False,
                show_default=False,
            ),
        ] = None,
        redact: redact_opt = False,
        force: Annotated[bool, typer.Option("--force", help=t("opt.plan.force"))] = False,
        today: today_opt = None,
        framework: framework_opt = None,
        lang: lang_opt = None,
    ) -> int:
        from mlplan.commands.plan import run

        return run(
            force=force,
            path=path,
            fmt=fmt.value if fmt else None,
            csv_dialect=csv_dialect.value if csv_dialect else None,
            output_path=output_file,
            today=today,
            framework_path=framework,
            redact=redact,
        )

    # -- summary (issue 6) -------------------------------------------------------------
    class SummaryFormat(StrEnum):
        TABLE = "table"
        MARKDOWN = "markdown"
        JSON = "json"
        XLSX = "xlsx"
        PDF = "pdf"
        DOCX = "docx"
        HTML = "html"

    @command("summary")
    def summary_cmd(
        paths: Annotated[
            list[Path] | None,
            typer.Argument(
                help=t("arg.summary.paths"), metavar=t("metavar.path"), show_default=False
            ),
        ] = None,
        since: Annotated[
            str | None,
            typer.Option(
                "--since",
                help=t("opt.summary.since"),
                metavar=t("metavar.date"),
                show_default=False,
            ),
        ] = None,
        months: Annotated[
            int, typer.Option("--months", help=t("opt.summary.months"), metavar="N")
        ] = 6,
        today: today_opt = None,
        fmt: Annotated[
            SummaryFormat | None,
            typer.Option(
                "--format",
                "-f",
                help=t("opt.summary_format"),
                metavar=t("metavar.format"),  # the help lists them: too many for the column
                case_sensitive=False,
                show_default=False,
            ),
        ] = None,
        output_file: Annotated[
            Path | None,
            typer.Option(
                "--output",
                "-o",
                help=t("opt.summary.output"),
                metavar=t("metavar.file"),
                show_default=False,
            ),
        ] = None,
        sort: Annotated[
            SortKey,
            typer.Option(
                "--sort",
                help=t("opt.summary.sort"),
                metavar=t("metavar.order"),
                case_sensitive=False,
            ),
        ] = "name",
        overview_only: Annotated[
            bool, typer.Option("--overview-only", help=t("opt.summary.overview_only"))
        ] = False,
        recursive: Annotated[
            bool, typer.Option("--recursive", "-r", help=t("opt.summary.recursive"))
        ] = False,
        framework: framework_opt = None,
        redact: redact_opt = False,
        force: Annotated[bool, typer.Option("--force", help=t("opt.plan.force"))] = False,
        lang: lang_opt = None,
    ) -> int:
        from mlplan.commands.summary import run

        return run(
            paths=paths or [],
            since=since,
            months=months,
            today=today,
            fmt=fmt.value if fmt else None,
            output_path=output_file,
            force=force,
            sort=sort,
            overview_only=overview_only,
            recursive=recursive,
            framework_path=framework,
            redact=redact,
        )

    # -- prepare and handover (issue 14): one document of one plan ----------------------

    class PageFormat(StrEnum):
        TABLE = "table"
        MARKDOWN = "markdown"
        JSON = "json"
        PDF = "pdf"
        DOCX = "docx"
        HTML = "html"

    page_format_opt = Annotated[
        PageFormat | None,
        typer.Option(
            "--format",
            "-f",
            help=t("opt.page_format"),
            # the choices are too many for the value column; the help names each
            metavar=t("metavar.format"),
            case_sensitive=False,
            show_default=False,
        ),
    ]
    output_opt = Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help=t("opt.output"), metavar=t("metavar.file"), show_default=False
        ),
    ]
    force_opt = Annotated[bool, typer.Option("--force", help=t("opt.plan.force"))]

    @command("prepare")
    def prepare_cmd(
        path: plan_path_arg = Path("plan.yaml"),
        fmt: page_format_opt = None,
        output_file: output_opt = None,
        redact: redact_opt = False,
        force: force_opt = False,
        today: today_opt = None,
        framework: framework_opt = None,
        lang: lang_opt = None,
    ) -> int:
        from mlplan.commands.prepare import run

        return run(
            path=path,
            fmt=fmt.value if fmt else None,
            output_path=output_file,
            today=today,
            framework_path=framework,
            redact=redact,
            force=force,
        )

    @command("handover")
    def handover_cmd(
        path: plan_path_arg = Path("plan.yaml"),
        to: Annotated[
            str | None,
            typer.Option(
                "--to", help=t("opt.handover.to"), metavar=t("metavar.name"), show_default=False
            ),
        ] = None,
        fmt: page_format_opt = None,
        output_file: output_opt = None,
        redact: redact_opt = False,
        force: force_opt = False,
        today: today_opt = None,
        framework: framework_opt = None,
        lang: lang_opt = None,
    ) -> int:
        from mlplan.commands.handover import run

        return run(
            path=path,
            to=to,
            fmt=fmt.value if fmt else None,
            output_path=output_file,
            today=today,
            framework_path=framework,
            redact=redact,
            force=force,
        )

    # -- calendar (issue 16) -----------------------------------------------------------
    @command("calendar")
    def calendar_cmd(
        paths: Annotated[
            list[Path] | None,
            typer.Argument(
                help=t("arg.calendar.paths"), metavar=t("metavar.path"), show_default=False
            ),
        ] = None,
        output_file: Annotated[
            Path | None,
            typer.Option(
                "--output",
                "-o",
                help=t("opt.output"),
                metavar=t("metavar.file"),
                show_default=False,
            ),
        ] = None,
        recursive: Annotated[
            bool, typer.Option("--recursive", "-r", help=t("opt.summary.recursive"))
        ] = False,
        redact: redact_opt = False,
        force: Annotated[bool, typer.Option("--force", help=t("opt.plan.force"))] = False,
        today: today_opt = None,
        framework: framework_opt = None,
        lang: lang_opt = None,
    ) -> int:
        from mlplan.commands.calendar import run

        return run(
            paths=paths or [],
            output_path=output_file,
            recursive=recursive,
            today=today,
            framework_path=framework,
            redact=redact,
            force=force,
        )

    # -- diff (issue 14 item 5) ---------------------------------------------------------
    @command("diff")
    def diff_cmd(
        path: plan_path_arg = Path("plan.yaml"),
        since: Annotated[
            str | None,
            typer.Option(
                "--since",
                help=t("opt.diff.since"),
                metavar=t("metavar.since"),
                show_default=False,
            ),
        ] = None,
        fmt: Annotated[
            TextFormat, typer.Option("--format", "-f", help=t("opt.format"), case_sensitive=False)
        ] = TextFormat.TABLE,
        redact: redact_opt = False,
        today: today_opt = None,
        framework: framework_opt = None,
        lang: lang_opt = None,
    ) -> int:
        from mlplan.commands.diff import run

        return run(
            path=path,
            since=since,
            today=today,
            fmt=fmt.value,
            framework_path=framework,
            redact=redact,
        )

    # -- add, done, status, move, meeting (issue 7) ------------------------------------

    dry_run_opt = Annotated[bool, typer.Option("--dry-run", help=t("opt.edit.dry_run"))]
    edit_path_arg = Annotated[
        Path,
        typer.Argument(help=t("arg.edit.path"), metavar=t("metavar.edit_plan")),
    ]

    @command("add")
    def add_cmd(
        topic: Annotated[
            str,
            typer.Option(
                "--topic",
                help=t("opt.edit.topic"),
                metavar=t("metavar.topic"),
                show_default=False,
                autocompletion=completion.complete_topic,
            ),
        ],
        title: Annotated[
            str,
            typer.Option(
                "--title", help=t("opt.edit.title"), metavar=t("metavar.text"), show_default=False
            ),
        ],
        path: edit_path_arg = Path("plan.yaml"),
        year: Annotated[
            int | None,
            typer.Option(
                "--year", help=t("opt.edit.year"), metavar=t("metavar.year"), show_default=False
            ),
        ] = None,
        goal: Annotated[
            str | None,
            typer.Option(
                "--goal", help=t("opt.edit.goal"), metavar=t("metavar.text"), show_default=False
            ),
        ] = None,
        phase: Annotated[
            PhaseId | None,
            typer.Option(
                "--phase", help=t("opt.edit.phase"), case_sensitive=False, show_default=False
            ),
        ] = None,
        today: today_opt = None,
        dry_run: dry_run_opt = False,
        framework: framework_opt = None,
        lang: lang_opt = None,
    ) -> int:
        from mlplan.commands.edit import run_add

        return run_add(
            path=path,
            topic=topic,
            title=title,
            year=year,
            goal=goal,
            phase=phase,
            today=today,
            dry_run=dry_run,
            framework_path=framework,
        )

    @command("done")
    def done_cmd(
        args: Annotated[
            list[str],
            typer.Argument(help=t("arg.edit.activity"), metavar=t("metavar.edit_activity")),
        ],
        on: Annotated[
            str | None,
            typer.Option(
                "--on", help=t("opt.edit.on"), metavar=t("metavar.date"), show_default=False
            ),
        ] = None,
        evidence: Annotated[
            str | None,
            typer.Option(
                "--evidence",
                help=t("opt.edit.evidence"),
                metavar=t("metavar.text"),
                show_default=False,
            ),
        ] = None,
        today: today_opt = None,
        dry_run: dry_run_opt = False,
        framework: framework_opt = None,
        lang: lang_opt = None,
    ) -> int:
        from mlplan.commands.edit import run_done

        return run_done(
            args=args,
            on=on,
            evidence=evidence,
            today=today,
            dry_run=dry_run,
            framework_path=framework,
        )

    @command("status")
    def status_cmd(
        args: Annotated[
            list[str],
            typer.Argument(
                help=t("arg.edit.status"),
                metavar=t("metavar.edit_activity_status"),
                autocompletion=completion.complete_status_args,
            ),
        ],
        today: today_opt = None,
        dry_run: dry_run_opt = False,
        framework: framework_opt = None,
        lang: lang_opt = None,
    ) -> int:
        from mlplan.commands.edit import run_status

        return run_status(args=args, today=today, dry_run=dry_run, framework_path=framework)

    @command("move")
    def move_cmd(
        args: Annotated[
            list[str],
            typer.Argument(help=t("arg.edit.activity"), metavar=t("metavar.edit_activity")),
        ],
        year: Annotated[
            int,
            typer.Option("--year", help=t("opt.edit.move_year"), metavar=t("metavar.year")),
        ],
        today: today_opt = None,
        dry_run: dry_run_opt = False,
        framework: framework_opt = None,
        lang: lang_opt = None,
    ) -> int:
        from mlplan.commands.edit import run_move

        return run_move(
            args=args, year=year, today=today, dry_run=dry_run, framework_path=framework
        )

    @command("meeting", cls=OrderedCommand)
    def meeting_cmd(
        ctx: typer.Context,
        date: Annotated[
            str,
            typer.Option(
                "--date", help=t("opt.edit.date"), metavar=t("metavar.date"), show_default=False
            ),
        ],
        kind: Annotated[
            MeetingKind,
            typer.Option(
                "--kind",
                help=t("opt.edit.kind"),
                metavar=t("metavar.kind"),
                case_sensitive=False,
                show_default=False,
            ),
        ],
        path: edit_path_arg = Path("plan.yaml"),
        notes: Annotated[
            str | None,
            typer.Option(
                "--notes", help=t("opt.edit.notes"), metavar=t("metavar.text"), show_default=False
            ),
        ] = None,
        agreement: Annotated[
            list[str] | None,
            typer.Option(
                "--agreement",
                help=t("opt.edit.agreement"),
                metavar=t("metavar.text"),
                show_default=False,
            ),
        ] = None,
        owner: Annotated[
            list[str] | None,
            typer.Option(
                "--owner",
                help=t("opt.edit.owner"),
                metavar=t("metavar.owner"),
                show_default=False,
            ),
        ] = None,
        due: Annotated[
            list[str] | None,
            typer.Option(
                "--due", help=t("opt.edit.due"), metavar=t("metavar.date"), show_default=False
            ),
        ] = None,
        outcome: Annotated[
            list[str] | None,
            typer.Option(
                "--outcome",
                help=t("opt.edit.outcome"),
                metavar=t("metavar.outcome"),
                show_default=False,
            ),
        ] = None,
        no_input: Annotated[bool, typer.Option("--no-input", help=t("opt.edit.no_input"))] = False,
        today: today_opt = None,
        dry_run: dry_run_opt = False,
        framework: framework_opt = None,
        lang: lang_opt = None,
    ) -> int:
        from mlplan.commands.edit import run_meeting

        order = ctx.meta.get(OPTION_ORDER)
        return run_meeting(
            path=path,
            date=date,
            kind=kind,
            notes=notes,
            agreements=agreement or [],
            owners=owner or [],
            dues=due or [],
            outcomes=outcome or [],
            order=list(order) if isinstance(order, list) else None,
            no_input=no_input,
            today=today,
            dry_run=dry_run,
            framework_path=framework,
        )

    # -- training: part-time work, interruptions, duration (issue 15) --------------------
    def date_opt(name: str, help_key: str) -> Any:
        """A date option of ``mlplan training`` (what ``typer.Option`` gives)."""
        return typer.Option(name, help=t(help_key), metavar=t("metavar.date"), show_default=False)

    @command("training")
    def training_cmd(
        path: edit_path_arg = Path("plan.yaml"),
        part_time: Annotated[
            str | None,
            typer.Option(
                "--part-time",
                help=t("opt.training.part_time"),
                metavar=t("metavar.percent"),
                show_default=False,
            ),
        ] = None,
        interruption: Annotated[
            str | None,
            typer.Option(
                "--interruption",
                help=t("opt.training.interruption"),
                metavar=t("metavar.reason"),
                show_default=False,
            ),
        ] = None,
        start: Annotated[str | None, date_opt("--from", "opt.training.from")] = None,
        end: Annotated[str | None, date_opt("--to", "opt.training.to")] = None,
        notes: Annotated[
            str | None,
            typer.Option(
                "--notes",
                help=t("opt.training.notes"),
                metavar=t("metavar.text"),
                show_default=False,
            ),
        ] = None,
        years: Annotated[
            str | None,
            typer.Option(
                "--years",
                help=t("opt.training.years"),
                metavar=t("metavar.init.years"),
                show_default=False,
            ),
        ] = None,
        remove_part_time: Annotated[
            str | None, date_opt("--remove-part-time", "opt.training.remove_part_time")
        ] = None,
        remove_interruption: Annotated[
            str | None, date_opt("--remove-interruption", "opt.training.remove_interruption")
        ] = None,
        today: today_opt = None,
        dry_run: dry_run_opt = False,
        framework: framework_opt = None,
        lang: lang_opt = None,
    ) -> int:
        from mlplan.commands.training import run

        return run(
            path=path,
            part_time=part_time,
            interruption=interruption,
            start=start,
            end=end,
            notes=notes,
            years=years,
            remove_part_time=remove_part_time,
            remove_interruption=remove_interruption,
            today=today,
            dry_run=dry_run,
            framework_path=framework,
        )

    return app


def _localise_help(args: list[str]) -> None:
    """Retitle typer's help panels in the user's language. Only when help is shown (or
    completion, whose descriptions typer renders with them): importing typer's rich
    helpers costs start-up time every other command can skip."""
    if args and not {"--help", "-h"} & set(args) and completion.VARIABLE not in os.environ:
        return
    from mlplan.helptext import load_rich_utils

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
    from mlplan import usage

    err(style(t("label.error"), "1;31") + " " + usage.describe(exc))
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


def main(argv: list[str] | None = None) -> None:
    """Run the typer app; exits with the spec's exit codes (:func:`mlplan.launch.run`)."""
    args = list(sys.argv[1:] if argv is None else argv)

    def app() -> int | None:
        if completion.VARIABLE in os.environ:  # a TAB: answered without typer's parsing
            answered = completion.answer(build_app, os.environ)
            if answered is not None:
                sys.stdout.write(answered + "\n")  # what typer's click.echo writes
                return 0
        _localise_help(args)
        # not standalone: typer's usage errors come here, to be said in the user's language
        code = build_app()(args=args, prog_name="mlplan", standalone_mode=False)
        return code if isinstance(code, int) else None

    launch.run(args, app, own_process=argv is None, translate=_translate)
