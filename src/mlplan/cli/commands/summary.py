"""``mlplan summary``: the opleider's page per aios, and the overview of a group.

One PATH that is a file gives one page. Several paths, or a directory, give the group:
an overview row per plan, then the pages (unless ``--overview-only``). The framework is
loaded once for the whole group; each plan is read and checked once.

Exit codes: 1 when any plan has errors (a plan that does not load included), else 0;
2 for usage errors: a bad date or number, a path that does not exist (a typo on the
command line is reported before any output, rather than as a row), a directory without
plans, an unreadable single plan, an invalid framework, a bad ``MLPLAN_JOBS``.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import itertools
import os
import pickle
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

from mlplan.cli.commands import documents, options
from mlplan.errors import InputError, UsageError
from mlplan.io import formats, parallel
from mlplan.model import timeline
from mlplan.model.vocabulary import SortKey
from mlplan.render import output

# The models, the checks and the page load where the command runs, not at module level:
# a TAB inside `summary` imports this module (it is the command's declaration) and should
# cost no more than the import floor.
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from mlplan.domain import plandiff
    from mlplan.domain.checking import CheckedPlan
    from mlplan.domain.summary import OverviewRow, Summary
    from mlplan.io.spool import Ref, Spool
    from mlplan.model.framework import Framework
    from mlplan.render.document import Document
    from mlplan.render.svg import MatrixTopic

MAX_MONTHS = 120
SUFFIXES = (".yaml", ".yml")


class SummaryFormat(StrEnum):
    TABLE = "table"
    MARKDOWN = "markdown"
    JSON = "json"
    XLSX = "xlsx"
    PDF = "pdf"
    DOCX = "docx"
    HTML = "html"


# the formats of ``--format`` (their names and files: mlplan.io.formats), in the help's order
FORMATS = tuple(f.value for f in SummaryFormat)
# what an --output file's extension says, when --format does not
EXTENSIONS = formats.extensions(FORMATS)


def collect(paths: list[Path], recursive: bool) -> tuple[list[Path], bool]:
    """The plan files to summarise, and whether this is a group (several, or a directory).

    A directory gives its ``*.yaml``/``*.yml`` files sorted by name (by relative path with
    ``--recursive``), skipping hidden files and subdirectories named like a plan. A path
    that does not exist is a usage error: it is a typo, not a broken plan.
    """
    given = paths or [Path("plan.yaml")]
    files: list[Path] = []
    group = len(given) > 1
    for path in given:
        if path.is_dir():
            group = True
            files += _plans_in(path, recursive)
        elif path.exists() or path.is_symlink():
            files.append(path)
        else:
            raise UsageError("summary.not_found", path=str(path))
    if not files:
        raise UsageError("summary.no_plans", path=", ".join(str(p) for p in given))
    seen: set[str] = set()
    unique = []
    for f in files:  # the same file named twice is summarised once
        key = os.path.normcase(os.path.abspath(f))
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique, group


def _plans_in(directory: Path, recursive: bool) -> list[Path]:
    found: list[Path] = []
    if recursive:
        for root, dirs, names in os.walk(directory):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found += [Path(root, n) for n in sorted(names) if _is_plan_name(n)]
        return [p for p in found if not p.is_dir()]
    with os.scandir(directory) as entries:
        found = [directory / e.name for e in entries if _is_plan_name(e.name) and not _is_dir(e)]
    return sorted(found, key=lambda p: p.name)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    """Like ``entry.is_dir()``, but a symlink loop or a vanished file is no directory
    (it is kept, and becomes a row with its read error) rather than a crash."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def _is_plan_name(name: str) -> bool:
    return name.endswith(SUFFIXES) and not name.startswith(".")


def _check_in_group(path: Path, fw: Framework, today: dt.date) -> CheckedPlan | Summary:
    """Check one plan of a group; an unreadable file becomes a page with its error."""
    from mlplan.domain.checking import check_file
    from mlplan.domain.summary import Summary, check_status
    from mlplan.model.diagnostics import Diagnostic

    try:
        return check_file(path, fw, today)
    except InputError as exc:
        problem = Diagnostic(str(path), 1, 1, "ML001", exc.key, exc.params)
        return Summary(path=str(path), today=today, check=check_status([problem]))


# -- the group ---------------------------------------------------------------------------


def _page(
    path: Path, fw: Framework, day: dt.date, since: dt.date | None, months: int, redact: bool
) -> tuple[Summary, int]:
    """One plan's page, masked with ``--redact``, and how many places of it seem to
    identify a patient and are left in the output (0 when masked)."""
    from mlplan.domain.checking import privacy_count
    from mlplan.domain.checking import redacted as checked_redacted
    from mlplan.domain.summary import Summary, summarise

    checked = _check_in_group(path, fw, day)
    if isinstance(checked, Summary):
        return checked, 0
    if redact:
        return summarise(checked_redacted(checked), fw, day, since, months), 0
    return summarise(checked, fw, day, since, months), privacy_count(checked)


def summarise_all(
    files: list[Path],
    fw: Framework,
    day: dt.date,
    since: dt.date | None,
    months: int,
    render_page: Callable[[Summary], str] | None,
    jobs: int | None = None,
    redact: bool = False,
    spool: Spool | None = None,
) -> list[tuple[OverviewRow, Ref | None, int]]:
    """The overview row of every plan, with where its page as ``render_page`` lays it out
    stands in ``spool`` (``None`` without them) and the number of places in it that seem to
    identify a patient and were not masked (``redact`` masks them), in the order of
    ``files``; linear in their number, and the pages never all in memory.

    The framework is loaded once (by the caller) and the plans are spread over ``jobs``
    processes (default: ``parallel.auto_jobs``). A child gets the framework by forking
    and sends back only rows and finished pages, which is why pages are rendered here
    rather than by the caller. Each plan's document and model are freed as soon as its
    page is made and nothing here builds reference cycles, so the cyclic GC would only
    re-scan the long-lived imports and framework over and over: those are frozen first
    (a third of the run time for 1,000 plans otherwise).
    """
    from mlplan.domain.summary import overview_row

    def one(path: Path) -> tuple[OverviewRow, Ref | None, int]:
        page, found = _page(path, fw, day, since, months, redact)
        ref = spool.put(render_page(page)) if render_page and spool else None
        return overview_row(page), ref, found

    gc.freeze()
    return parallel.ordered_map(one, files, jobs or parallel.auto_jobs(len(files)))


def _group_parts(
    fmt: str,
    rows: list[OverviewRow],
    pages: Iterator[bytes],
    day: dt.date,
    since: dt.date | None,
    months: int,
    sort: str,
    overview_only: bool,
    out: output.Output,
) -> Iterator[str | bytes]:
    """The overview, then the pages one at a time as they are read back from the spool,
    each as the bytes it was stored as: laid out at its place, cleaned and encoded
    where it was made (see :func:`_finished`); the terminal text at ``out``'s width and
    colour."""
    from mlplan.render import summary as render

    if fmt == "json":
        data = {
            "format": "mlplan-summary-group",
            "format_version": render.FORMAT_VERSION,
            "today": day.isoformat(),
            "since": since.isoformat() if since else None,
            "months": months,
            "sort": sort,
            "plans_with_errors": sum(1 for r in rows if r.errors),
            "overview": [render.row_json(r) for r in rows],
        }
        head = render.to_json(data)
        if overview_only:
            yield head
            return
        # ``render.json_with_list_parts``, with items already laid out at their depth
        assert head.endswith("\n}"), "a non-empty object"
        yield head[:-2] + ',\n  "plans": ['
        separator = "\n"
        for page in pages:
            yield from (separator, page)
            separator = ",\n"
        yield "\n  ]\n}"
    elif fmt == "markdown":
        yield render.overview_markdown(rows, day, since, months)
        for page in pages:
            yield from ("\n", page)
    else:
        from mlplan.render.emit_text import to_text

        width, color = out.width, out.color
        yield to_text(render.overview_document(rows, day, since, months), width=width, color=color)
        for text in pages:
            yield from (render.separator(width, color), text)


# a page's depth in the group's JSON: an item of "plans", a key of the top object
_JSON_MARGIN = "    "


def _json_item(page: Summary) -> str:
    """A page as an item of the group's ``plans``: ``render.page_json_text`` with every
    line indented to its depth, laid out so where the page is made (in a worker)."""
    from mlplan.render import jsontext
    from mlplan.render import summary as render

    return jsontext.dumps(render.page_json(page), _JSON_MARGIN)


def _finished(render_page: Callable[[Summary], str], color: bool) -> Callable[[Summary], str]:
    """``render_page`` with its text cleaned as stdout would clean it (``output.clean``,
    part by part, gives the same text), so that the pages are only copied on the way out:
    cleaning and re-encoding 1,000 pages was a tenth of the group's time, in the one
    process that waits for the others. Cleaning again (``--output``) changes nothing."""

    def finished(page: Summary) -> str:
        return output.clean(render_page(page), color=color)

    return finished


def requested_jobs() -> int | None:
    """``MLPLAN_JOBS``: how many processes a group may use; ``None`` when not set (then
    one per core, with at least ``parallel.MIN_SHARE`` plans each)."""
    value = os.environ.get("MLPLAN_JOBS", "").strip()
    if not value:
        return None
    if not value.isdecimal() or int(value) < 1:
        raise UsageError("summary.bad_jobs", value=value)
    return int(value)


def _format(fmt: str | None, output_path: Path | None, paths: list[Path]) -> str:
    """The format: ``--format``, else the one an ``--output`` file's extension names, else
    the terminal's. A binary format (xlsx, PDF, Word) needs ``--output`` and its extra,
    before any work (the file name it suggests: a group's for a folder or several)."""
    from mlplan.cli.commands.plan import resolve_format

    chosen = resolve_format(fmt, output_path, EXTENSIONS)
    one = len(paths) <= 1 and not (paths and paths[0].is_dir())
    documents.prepare(chosen, output_path, stem="plan" if one else "groep")
    return chosen


def _spreadsheet(
    files: list[Path],
    group: bool,
    framework_path: Path | None,
    day: dt.date,
    since: dt.date | None,
    months: int,
    order: SortKey,
    jobs: int | None,
    redact: bool,
    out: output.Output,
) -> int:
    """The overview as a spreadsheet: a row per plan (one for a single plan), in
    ``--sort``'s order, written through the safe ``--output`` writer."""
    from mlplan.domain.checking import check_file
    from mlplan.domain.checking import redacted as checked_redacted
    from mlplan.domain.summary import overview_row, sort_rows, summarise
    from mlplan.io.loading import load_framework
    from mlplan.render import xlsx

    assert out.path is not None  # _format asked for it
    fw = load_framework(framework_path)
    if group:
        results = summarise_all(files, fw, day, since, months, None, jobs, redact)
        rows = sort_rows([row for row, _, _ in results], order)
    else:  # an unreadable single plan is a usage error, as for its page
        checked = check_file(files[0], fw, day)
        page = summarise(checked_redacted(checked) if redact else checked, fw, day, since, months)
        rows = [overview_row(page)]
    out.document(xlsx.overview_xlsx(rows, day))
    return 1 if any(r.errors for r in rows) else 0


def _write_page(
    page: Summary,
    changes: plandiff.Report | None,
    out: output.Output,
) -> None:
    """One plan's page in ``fmt``, with the section on what changed in git when known."""
    from mlplan.render import diff as render_diff
    from mlplan.render import summary as render

    if out.format == "json":
        data = render.page_json(page)
        if changes is not None:
            data["changes"] = render_diff.to_data(changes)
        out.parts([render.to_json(data)])
        return
    section = render_diff.summary_section(changes) if changes is not None else None
    if documents.is_document(out.format):
        pictures = formats.get(out.format).pictures
        doc = render.summary_document(page, changes=section, pictures=pictures)
        documents.write(doc, out)
    elif out.format == "markdown":
        from mlplan.render.emit_markdown import to_markdown

        out.parts([to_markdown(render.summary_document(page, changes=section))])
    else:
        text = render.page_text(page, width=out.width, color=out.color, changes=section)
        out.parts([text])


def _group_document(
    rows: list[OverviewRow],
    pages: Iterator[str],
    fw: Framework,
    day: dt.date,
    since: dt.date | None,
    months: int,
    out: output.Output,
) -> None:
    """The group as a document: the overview (with the matrix of aios × topics where the
    format draws pictures), then each aios's page. HTML is written around the pages as
    they are read back; PDF and Word are laid out whole, so the group is held in memory."""
    from mlplan.render import summary as render

    fmt = out.format
    pictures = formats.get(fmt).pictures
    topics = _matrix_topics(fw) if pictures else ()
    overview = render.overview_document(rows, day, since, months, topics)
    if fmt == "html":
        from mlplan.render import emit_html

        head = emit_html.fragment(overview, css_class="overview")
        parts = emit_html.page_parts(
            overview.title, itertools.chain([head], pages), lang=overview.lang,
            header=overview.header, meta=overview.meta,
        )  # fmt: skip
        out.parts(parts)
        return
    whole = render.group_document(overview, (_unpickled(page) for page in pages))
    documents.write(whole, out)


def _matrix_topics(fw: Framework) -> list[MatrixTopic]:
    from mlplan.render.svg import MatrixTopic

    return [MatrixTopic(c.number, topic.title) for c, topic in fw.topics()]


def _html_page(page: Summary) -> str:
    """A page of a group's HTML file, made where the page is made (in a worker)."""
    from mlplan.render import emit_html
    from mlplan.render.summary import summary_document

    return emit_html.fragment(summary_document(page, pictures=True), level=2)


def _pickled_page(page: Summary) -> str:
    """A page of a group's PDF or Word file as its document, built where the page is made
    (in a worker) and sent through the spool as text; the file is laid out whole."""
    from mlplan.render.summary import summary_document

    return pickle.dumps(summary_document(page)).decode("latin-1")


def _unpickled(text: str) -> Document:
    found: Document = pickle.loads(text.encode("latin-1"))  # our own spool (0700)
    return found


def run(
    *,
    paths: Annotated[
        list[Path] | None,
        options.Arg(help="arg.summary.paths", metavar="metavar.path", show_default=False),
    ] = None,
    since: Annotated[str | None, options.date("--since", "opt.summary.since")] = None,
    months: Annotated[int, options.Opt("--months", help="opt.summary.months", metavar="N")] = 6,
    today: options.Today = None,
    fmt: Annotated[
        SummaryFormat | None,
        options.many_formats("opt.summary_format"),
    ] = None,
    output_path: Annotated[
        Path | None,
        options.Opt(
            "--output",
            "-o",
            help="opt.summary.output",
            metavar="metavar.file",
            show_default=False,
        ),
    ] = None,
    sort: Annotated[
        SortKey,
        options.Opt(
            "--sort", help="opt.summary.sort", metavar="metavar.order", case_sensitive=False
        ),
    ] = "name",
    overview_only: Annotated[
        bool, options.Opt("--overview-only", help="opt.summary.overview_only")
    ] = False,
    recursive: options.Recursive = False,
    framework_path: options.FrameworkPath = None,
    redact: options.Redact = False,
    force: options.Force = False,
) -> int:
    from mlplan.domain.checking import check_file
    from mlplan.domain.summary import sort_rows, summarise
    from mlplan.io.loading import load_framework
    from mlplan.io.spool import Spool
    from mlplan.render import summary as render

    paths = paths or []
    day = options.today(today)
    fmt = SummaryFormat(_format(fmt, output_path, paths))
    since_day = options.date_option("--since", since)
    if since_day is not None and since_day > day:
        raise UsageError(
            "summary.since_after_today", since=since_day.isoformat(), today=day.isoformat()
        )
    if not 1 <= months <= MAX_MONTHS:
        raise UsageError("summary.bad_months", max=MAX_MONTHS, value=months)
    try:
        timeline.add_months(day, months)  # the end of the "due" window of every page
    except OverflowError:
        from mlplan.i18n import plural

        raise UsageError(
            "summary.window_too_late",
            today=day.isoformat(),
            months=plural("count.months", months),
            last=timeline.LAST_DAY.isoformat(),
        ) from None
    jobs = requested_jobs()
    files, group = collect(paths, recursive)
    if output_path is not None:  # never over an input: said before any work
        from mlplan.cli.commands.plan import refuse_output

        refuse_output(output_path, files, framework_path, fmt)
    # a file or a pipe without COLUMNS: 120 columns rather than rich's 80, so the
    # overview's columns do not fold where no terminal wraps
    out = output.Output(fmt, output_path, force=force, pipe_width=120)
    if fmt == "xlsx":
        return _spreadsheet(files, group, framework_path, day, since_day, months, sort, jobs,
                            redact, out)  # fmt: skip
    fw = load_framework(framework_path)

    if not group:
        read = check_file(files[0], fw, day)
        checked = options.shareable(read, redact)
        page = summarise(checked, fw, day, since_day, months)
        # what changed since the last meeting (or --since), when the plan is kept in git;
        # one page only: a git call per plan would make a group's summary minutes long
        from mlplan.cli.commands.diff import for_summary

        changes = for_summary(files[0], read, since_day, day, fw, redact)
        _write_page(page, changes, out)
        return 1 if page.check.errors else 0

    # each page is laid out where it is made (in a worker, see summarise_all): the
    # terminal's width and colour are decided here, once
    render_page: Callable[[Summary], str] | None = None
    if overview_only:
        pass
    elif fmt == "table":
        render_page = functools.partial(render.page_text, width=out.width, color=out.color)
    elif fmt == "json":
        render_page = _json_item
    elif fmt == "markdown":
        render_page = functools.partial(render.page_markdown, level=2)
    else:
        render_page = _html_page if fmt == "html" else _pickled_page
    streamed = render_page is not None and not documents.is_document(fmt)
    if streamed and render_page is not None:
        render_page = _finished(render_page, out.color)
    with Spool() as spool:
        results = summarise_all(files, fw, day, since_day, months, render_page, jobs, redact, spool)
        rows = sort_rows([row for row, _, _ in results], sort)
        ref_of = {row.path: ref for row, ref, _ in results}
        if render_page:  # the overview alone quotes no free text (errors never quote it)
            options.say_unredacted([row.path for row, _, found in results if found])
        del results
        refs = [ref for r in rows if (ref := ref_of[r.path]) is not None]
        if documents.is_document(fmt):
            pages = (spool.get(ref) for ref in refs)
            _group_document(rows, pages, fw, day, since_day, months, out)
        else:
            parts = _group_parts(
                fmt, rows, map(spool.get_bytes, refs), day, since_day, months, sort,
                overview_only, out,
            )  # fmt: skip
            out.parts(parts)
    return 1 if any(r.errors for r in rows) else 0
