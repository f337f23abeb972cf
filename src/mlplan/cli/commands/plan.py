"""``mlplan plan``: the multi-year plan as a terminal table, Markdown, JSON, CSV, a
spreadsheet, or a document (PDF, Word, HTML with pictures) emitted from the page built once
(``render.plan.plan_document``); binary formats need ``--output``.

Exit codes: 0 when the plan is shown and has no errors (warnings allowed); 1 when the
plan has errors — a plan with rule errors is still shown in full (with the findings at
the bottom), while a plan with YAML or schema errors is not shown at all: its findings go
to stderr as ``check`` prints them; 2 for usage errors, an unreadable file, an invalid
framework, or an output file that cannot be written or is one of the inputs.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from typing import Annotated

from mlplan.cli.commands import documents, options
from mlplan.errors import UsageError
from mlplan.i18n import plural, t
from mlplan.io import formats
from mlplan.render import output


class PlanFormat(StrEnum):
    TABLE = "table"
    MARKDOWN = "markdown"
    JSON = "json"
    CSV = "csv"
    XLSX = "xlsx"
    PDF = "pdf"
    DOCX = "docx"
    HTML = "html"


# the formats of ``--format`` (their names and files: mlplan.io.formats), in the help's order
FORMATS = tuple(f.value for f in PlanFormat)
# what an --output file's extension says, when --format does not
EXTENSIONS = formats.extensions(FORMATS)


def resolve_format(
    fmt: str | None, out_path: Path | None, extensions: Mapping[str, str] = EXTENSIONS
) -> str:
    """The explicit ``--format``, else the output file's extension (one of the command's
    ``extensions``), else a table."""
    if fmt is not None:
        return fmt
    if out_path is None:
        return "table"
    found = extensions.get(out_path.suffix.lower())
    if found is None:
        raise UsageError(
            "plan.unknown_extension", path=str(out_path), extensions=", ".join(extensions)
        )
    return found


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    # realpath, not Path.resolve(): that raises RuntimeError on a symlink loop
    return os.path.realpath(a) == os.path.realpath(b)


def refuse_output(out_path: Path, plans: list[Path], framework_path: Path | None, fmt: str) -> None:
    """Refuse an ``--output`` the command cannot write: one of the files it reads (its
    plans, the framework in use, given or from ``MLPLAN_FRAMEWORK``), or a directory.
    Said first, before any work: it is the most important thing to say about --output."""
    from mlplan.io.loading import shipped_path

    env_framework = os.environ.get("MLPLAN_FRAMEWORK")
    framework_file = framework_path or (Path(env_framework) if env_framework else None)
    inputs = [(p, "plan") for p in plans] + [(framework_file or shipped_path(), "framework")]
    refuse_inputs(out_path, inputs, fmt)
    if out_path.is_dir():
        raise UsageError("error.is_directory", path=str(out_path))


def refuse_inputs(out_path: Path, inputs: list[tuple[Path, str]], fmt: str) -> None:
    """Never write over a file the command reads (the plan, the framework)."""
    for path, what in inputs:
        if _same_file(out_path, path):
            raise UsageError(
                "plan.output_is_input",
                path=str(out_path),
                what=t(f"plan.input.{what}"),
                suggestion=str(out_path.with_name(formats.suggested_name(fmt))),
            )


class CsvDialect(StrEnum):
    STANDARD = "standard"
    EXCEL_NL = "excel-nl"


def run(
    *,
    path: options.PlanPath = Path("plan.yaml"),
    fmt: Annotated[
        PlanFormat | None,
        options.many_formats("opt.plan_format"),
    ] = None,
    output_path: options.Output = None,
    csv_dialect: Annotated[
        CsvDialect | None,
        options.Opt(
            "--csv-dialect", help="opt.csv_dialect", case_sensitive=False, show_default=False
        ),
    ] = None,
    redact: options.Redact = False,
    force: options.Force = False,
    today: options.Today = None,
    framework_path: options.FrameworkPath = None,
) -> int:
    from mlplan.domain import overview
    from mlplan.render import plan as render

    day = options.today(today)
    if output_path is not None:
        suffix_format = EXTENSIONS.get(output_path.suffix.lower(), "markdown")
        refuse_output(output_path, [path], framework_path, fmt or suffix_format)
    chosen = resolve_format(fmt, output_path)
    if csv_dialect is not None and chosen != "csv":
        raise UsageError("plan.csv_dialect_needs_csv")
    documents.prepare(chosen, output_path)  # binary formats: --output, and their extra
    from mlplan.io.loading import load_framework

    fw = load_framework(framework_path)

    # YAML or schema errors: no half plan; the findings as ``check`` prints them
    checked = options.valid_for_export(path, fw, day, redact, "plan.not_shown")
    view = overview.build(checked, fw, day)
    out = output.Output(chosen, output_path, force=force)
    if documents.is_document(chosen):  # PDF, Word, HTML: the page's one document
        doc = render.plan_document(view, pictures=formats.get(chosen).pictures)
        documents.write(doc, out)
    elif chosen == "xlsx":  # a spreadsheet's cells are escaped by its writer
        from mlplan.render import xlsx

        out.document(xlsx.plan_xlsx(view))
    elif chosen == "json":
        out.page(render.to_json(view))
    elif chosen == "csv":  # ends in its own line end (CR LF in the excel-nl dialect)
        out.page(render.to_csv(view, csv_dialect or "standard"))
    elif chosen == "markdown":
        out.page(render.to_markdown(view))
    else:
        out.page(render.plan_text(view, out.width, color=out.color))
    return _said_errors(checked.errors, checked.path)


def _said_errors(count: int, path: str) -> int:
    """A plan with rule errors is shown in full, and then said to have them: the exit
    code, 1 when it has them."""
    if count:
        output.err(t("plan.has_errors", path=path, errors=plural("count.errors", count)))
        return 1
    return 0
