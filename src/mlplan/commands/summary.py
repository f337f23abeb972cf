"""``mlplan summary``: the opleider's page per aios, and the overview of a group.

One PATH that is a file gives one page. Several paths, or a directory, give the group:
an overview row per plan, then the pages (unless ``--overview-only``). The framework is
loaded once for the whole group; each plan is read and checked once.

Exit codes: 1 when any plan has errors (a plan that does not load included), else 0;
2 for usage errors: a bad date or number, a path that does not exist (a typo on the
command line is reported before any output, rather than as a row), a directory without
plans, an unreadable single plan, an invalid framework.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from mlplan import output
from mlplan.checking import CheckedPlan, check_file
from mlplan.commands import options
from mlplan.diagnostics import Diagnostic
from mlplan.errors import InputError, UsageError
from mlplan.framework import Framework, load_framework
from mlplan.summary import (
    SORT_KEYS,
    Summary,
    check_status,
    overview_row,
    sort_rows,
    summarise,
)

if TYPE_CHECKING:
    from rich.console import Console

MAX_MONTHS = 120
SUFFIXES = (".yaml", ".yml")


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


def _console() -> Console:
    """The rich console; written to a file or pipe without COLUMNS, 120 columns wide
    rather than rich's 80, so the overview's columns do not fold where no terminal wraps."""
    piped = not sys.stdout.isatty() and not os.environ.get("COLUMNS")
    return output.console(width=120 if piped else None)


def _check_in_group(path: Path, fw: Framework, today: dt.date) -> CheckedPlan | Summary:
    """Check one plan of a group; an unreadable file becomes a page with its error."""
    try:
        return check_file(path, fw, today)
    except InputError as exc:
        problem = Diagnostic(str(path), 1, 1, "ML001", exc.key, exc.params)
        return Summary(path=str(path), today=today, check=check_status([problem]))


# -- the group ---------------------------------------------------------------------------


def _page(path: Path, fw: Framework, day: dt.date, since: dt.date | None, months: int) -> Summary:
    checked = _check_in_group(path, fw, day)
    if isinstance(checked, Summary):
        return checked
    return summarise(checked, fw, day, since, months)


def summarise_all(
    files: list[Path], fw: Framework, day: dt.date, since: dt.date | None, months: int
) -> list[Summary]:
    """The page of every plan, in the order of ``files``; linear in their number.

    The framework is loaded once (by the caller). Each plan's document and model are freed
    as soon as its page is made and nothing here builds reference cycles, so the cyclic
    GC would only re-scan the long-lived imports and framework over and over: those are
    frozen first (a third of the run time for 1,000 plans otherwise). Forked worker
    processes were tried and dropped: pickling the pages back cost most of the gain.
    """
    gc.freeze()
    return [_page(p, fw, day, since, months) for p in files]


def run(
    *,
    paths: list[Path],
    since: str | None,
    months: int,
    today: str | None,
    fmt: str,
    sort: str,
    overview_only: bool,
    recursive: bool,
    framework_path: Path | None,
) -> None:
    from mlplan.render import summary as render

    day = options.today(today)
    since_day = options.date_option("--since", since)
    if since_day is not None and since_day > day:
        raise UsageError(
            "summary.since_after_today", since=since_day.isoformat(), today=day.isoformat()
        )
    if not 1 <= months <= MAX_MONTHS:
        raise UsageError("summary.bad_months", max=MAX_MONTHS, value=months)
    order = next((k for k in SORT_KEYS if k == sort), None)
    if order is None:
        raise UsageError("summary.bad_sort", value=sort, choices=", ".join(SORT_KEYS))
    files, group = collect(paths, recursive)
    fw = load_framework(framework_path)

    if not group:
        page = summarise(check_file(files[0], fw, day), fw, day, since_day, months)
        if fmt == "json":
            output.out(render.to_json(render.page_json(page)))
        elif fmt == "markdown":
            output.out(render.page_markdown(page))
        else:
            render.print_page(page, _console())
        if page.check.errors:
            raise typer.Exit(1)
        return

    pages = summarise_all(files, fw, day, since_day, months)
    by_path = {p.path: p for p in pages}
    rows = sort_rows([overview_row(p) for p in pages], order)
    ordered = [by_path[r.path] for r in rows]
    if fmt == "json":
        data = {
            "today": day.isoformat(),
            "since": since_day.isoformat() if since_day else None,
            "months": months,
            "sort": sort,
            "plans_with_errors": sum(1 for r in rows if r.errors),
            "overview": [render.row_json(r) for r in rows],
        }
        if not overview_only:
            data["plans"] = [render.page_json(p) for p in ordered]
        output.out(render.to_json(data))
    elif fmt == "markdown":
        parts = [render.overview_markdown(rows, day, since_day, months)]
        if not overview_only:
            parts += [render.page_markdown(p, level=2) for p in ordered]
        output.out("\n".join(parts))
    else:
        console = _console()
        render.print_overview(rows, day, since_day, months, console)
        if not overview_only:
            for p in ordered:
                render.print_separator(console)
                render.print_page(p, console)
    if any(r.errors for r in rows):
        raise typer.Exit(1)
