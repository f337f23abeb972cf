"""``mlplan check``: validate plan files like a linter and report every finding.

Every file is checked, even after one fails; an unreadable file is reported on stderr
and makes the exit code 2. The framework is loaded once for all files. Only plain-text
modules are imported here (no rich, no typer), so a check costs little more than Python's
start; :mod:`mlplan.cli.entry` runs a plain ``mlplan check`` without building the typer app.
"""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated

from mlplan.cli.commands import options
from mlplan.errors import InputError
from mlplan.i18n import plural
from mlplan.model.diagnostics import Diagnostic, count
from mlplan.render import diagnostics as render
from mlplan.render import output

DEFAULT_PATH = Path("plan.yaml")


def default_format() -> str:
    """GitHub annotations inside GitHub Actions (as yamllint does), else text."""
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def exit_code(diagnostics: list[Diagnostic], *, strict: bool, unreadable: int) -> int:
    """The spec's exit code: 2 if a file could not be read, 1 for errors (or warnings with
    ``--strict``), else 0."""
    if unreadable:
        return 2
    errors, warnings = count(diagnostics)
    if errors or (strict and warnings):
        return 1
    return 0


class CheckFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    GITHUB = "github"
    GITLAB = "gitlab"


# check's own parameters, each declared under a name as options.py declares the shared
# ones: a plain check reads them without typer (mlplan.cli.entry), and a name it looks up
# directly, where an expression it would have to evaluate (0.2-0.4 ms of every check)
Paths = Annotated[
    list[Path] | None,
    options.Arg(help="arg.plan_paths", metavar="metavar.path", show_default=False),
]
FormatOption = Annotated[
    CheckFormat | None,
    options.Opt(
        "--format", "-f", help="opt.check_format", case_sensitive=False, show_default=False
    ),
]
Strict = Annotated[bool, options.Opt("--strict", help="opt.strict")]


def run(
    *,
    paths: Paths = None,
    fmt: FormatOption = None,
    strict: Strict = False,
    today: options.Today = None,
    framework_path: options.FrameworkPath = None,
) -> int:
    """Check ``paths`` and return the exit code."""
    # here, not at the top: the module is also the command's declaration, which a TAB
    # reads without checking anything (nor loading the plan's models)
    from mlplan.domain.checking import check_file
    from mlplan.io.loading import load_framework

    fw = load_framework(framework_path)
    day = options.today(today)
    files = paths or [DEFAULT_PATH]
    found: list[Diagnostic] = []
    unreadable = 0
    for path in files:
        try:
            found += check_file(path, fw, day, display=str(path)).diagnostics
        except InputError as exc:
            output.error(exc.message)
            unreadable += 1
    found.sort(key=Diagnostic.sort_key)

    out = output.Output(fmt or default_format())
    if out.format == "json":
        out.page(render.to_json(found))
    elif out.format == "gitlab":
        out.page(render.to_gitlab(found))
    elif out.format == "github":
        if found:
            out.page(render.to_github(found))
    else:
        checked = len(files) - unreadable
        if checked:  # nothing read at all: the errors on stderr say it all
            out.page(render.to_text(found, checked, out.style))
    if unreadable:
        output.err(plural("check.unreadable", unreadable))
    return exit_code(found, strict=strict, unreadable=unreadable)
