"""The run every one-plan document command shares (``prepare``, ``handover``): read and
check the plan, mask it with ``--redact``, build the page once as a document, and emit it
as terminal text, Markdown, HTML, PDF or Word (``mlplan.io.formats`` names the emitter), or its facts
as JSON, to stdout or through the safe ``--output`` writer.

Exit codes, as ``mlplan plan``: 0 when the document is made and the plan has no errors;
1 when it has errors (a plan with rule errors still gets its document, whose last section
lists them; a plan that does not validate gets none, and its findings go to stderr as
``check`` prints them); 2 for usage errors, an unreadable file, an invalid framework, or an
output file that cannot be written or is one of the inputs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

from mlplan.cli.commands import documents, options
from mlplan.cli.commands.plan import refuse_output, resolve_format
from mlplan.i18n import plural, t
from mlplan.io import formats
from mlplan.render import output

if TYPE_CHECKING:  # the models load where the page is made, not for a TAB
    from mlplan.domain.checking import CheckedPlan
    from mlplan.model.framework import Framework
    from mlplan.render.document import Document


class PageFormat(StrEnum):
    TABLE = "table"
    MARKDOWN = "markdown"
    JSON = "json"
    PDF = "pdf"
    DOCX = "docx"
    HTML = "html"


# the formats of ``--format`` (their names and files: mlplan.io.formats), in the help's order
FORMATS = tuple(f.value for f in PageFormat)


# ``--format`` of prepare and handover
PageFormatOption = Annotated[
    PageFormat | None,
    options.many_formats("opt.page_format"),
]
# what an --output file's extension says, when --format does not
EXTENSIONS = formats.extensions(FORMATS)

T = TypeVar("T")


@dataclass(frozen=True, slots=True, kw_only=True)
class PageOptions(options.Group):
    """The options of every one-plan document command (prepare, handover), declared once:
    the command's help lists them where its ``run`` names the group."""

    fmt: PageFormatOption = None
    output_path: options.Output = None
    redact: options.Redact = False
    force: options.Force = False
    today: options.Today = None
    framework_path: options.FrameworkPath = None


PAGE_DEFAULTS = PageOptions()  # a run's default: every option left out (frozen, so shared)


def run_page(
    *,
    path: Path,
    shared: PageOptions,
    make: Callable[[CheckedPlan, Framework, dt.date], T],
    document: Callable[[T], Document],
    data: Callable[[T], dict[str, Any]],
    stem: str,
) -> int:
    """Make one page of the plan at ``path`` with the ``shared`` options: ``make`` gives its
    facts, ``document`` the page and ``data`` its JSON; ``stem`` names the file a message
    suggests (``overdracht.pdf``)."""
    fmt, output_path, framework_path = shared.fmt, shared.output_path, shared.framework_path
    day = options.today(shared.today)
    if output_path is not None:
        refuse_output(
            output_path, [path], framework_path, resolve_format(fmt, output_path, EXTENSIONS)
        )
    chosen = resolve_format(fmt, output_path, EXTENSIONS)
    documents.prepare(chosen, output_path, stem)  # PDF and Word: --output, and their extra
    from mlplan.io.loading import load_framework

    fw = load_framework(framework_path)
    checked = options.valid_for_export(path, fw, day, shared.redact, "page.not_made")
    facts = make(checked, fw, day)
    out = output.Output(chosen, output_path, force=shared.force)
    if documents.is_document(chosen):
        documents.write(document(facts), out)
    elif chosen == "json":
        from mlplan.render.summary import to_json

        out.page(to_json(data(facts)) + "\n")
    else:
        out.page(emit(document(facts), out))
    if checked.errors:
        errors = plural("count.errors", checked.errors)
        output.err(t("plan.has_errors", path=checked.path, errors=errors))
        return 1
    return 0


def emit(doc: Document, out: output.Output) -> str:
    """The document as Markdown, or as terminal text at ``out``'s width and colour (the
    terminal's; ``FILE_WIDTH`` wide and plain in a file)."""
    if out.format == "markdown":
        from mlplan.render.emit_markdown import to_markdown

        return to_markdown(doc)
    from mlplan.render.emit_text import to_text

    return to_text(doc, width=out.width, color=out.color)
