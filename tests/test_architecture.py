"""The layers' import contract: domain code never reaches for the terminal or the CLI.

Three layers (docs/decisions.md, guides/style.md): the models and domain functions, the
renderers, and the command line. Every import counts, also one inside a function, since a
lazy import is still a dependency. Read from the source with ``ast``, so the contract holds
for code paths no test happens to run.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "mlplan"

UI_LIBRARIES = ("typer", "rich", "questionary", "click")
CLI = (
    "mlplan.cli",
    "mlplan.commands",
    "mlplan.entry",
    "mlplan.launch",
    "mlplan.usage",
    "mlplan.helptext",
    "mlplan.wizard",
)
RENDERING = ("mlplan.render", "mlplan.output")
DOMAIN = (
    "checking",
    "diagnostics",
    "domain",
    "fields",
    "loading",
    "editing",
    "errors",
    "events",
    "fileio",
    "formats",
    "framework",
    "gitio",
    "handover",
    "initplan",
    "names",
    "overview",
    "parallel",
    "spool",
    "plan",
    "plandiff",
    "prepare",
    "privacy",
    "rules",
    "scheduler",
    "suggest",
    "summary",
    "timeline",
    "vocabulary",
    "yamlloc",
)


def imports(module: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def _matches(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


@pytest.mark.parametrize("name", DOMAIN)
def test_domain_imports_no_rendering_and_no_cli(name: str) -> None:
    bad = sorted(
        i for i in imports(SRC / f"{name}.py") if _matches(i, UI_LIBRARIES + CLI + RENDERING)
    )
    assert bad == [], f"mlplan.{name} is domain code"


@pytest.mark.parametrize(
    "path",
    sorted((SRC / "render").rglob("*.py")),  # the pages in render/pages/ too
    ids=lambda p: p.relative_to(SRC / "render").with_suffix("").as_posix(),
)
def test_rendering_imports_no_cli(path: Path) -> None:
    bad = sorted(i for i in imports(path) if _matches(i, ("typer", "click", *CLI)))
    assert bad == [], f"{path.relative_to(SRC)} renders; it does not run commands"


def test_every_module_is_in_a_layer() -> None:
    # a new top-level module must be placed, so the contract covers it
    top = {p.stem for p in SRC.glob("*.py")} - {"__init__", "__main__"}
    placed = set(DOMAIN) | {"cli", "entry", "launch", "usage", "helptext", "wizard", "output"}
    assert top == placed


@pytest.mark.parametrize("name", ["launch", "entry"])
def test_start_up_modules_import_no_typer(name: str) -> None:
    # a plain check runs through these without typer (docs/decisions.md, Speed); entry
    # imports the typer app only inside main(), for everything that is not a plain check
    tree = ast.parse((SRC / f"{name}.py").read_text(encoding="utf-8"))
    top_level = {
        alias.name if isinstance(node, ast.Import) else f"{node.module}"
        for node in tree.body
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    everywhere = imports(SRC / f"{name}.py")
    found = everywhere if name == "launch" else top_level
    bad = sorted(i for i in found if _matches(i, (*UI_LIBRARIES, "mlplan.cli", "mlplan.usage")))
    assert bad == []


COMMANDS = sorted((SRC / "commands").glob("*.py"))


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: p.stem)
def test_commands_return_their_exit_code(path: Path) -> None:
    """A command's outcome is its return value, and an error's code is chosen in
    ``launch.run`` alone: no command raises typer's (or click's) Exit or Abort."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    raised = [
        ast.unparse(node.exc)
        for node in ast.walk(tree)
        if isinstance(node, ast.Raise) and node.exc is not None
    ]
    bad = [r for r in raised if any(word in r for word in ("Exit", "Abort", "typer", "click"))]
    assert bad == []


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: p.stem)
def test_commands_declare_without_typer(path: Path) -> None:
    """Commands declare their parameters with ``commands.options``' plain markers; only
    ``completion`` drives typer (its shell completion, on a TAB)."""
    found = {i for i in imports(path) if _matches(i, ("typer", "click"))}
    if path.stem == "completion":
        assert found and all(_matches(i, ("typer",)) for i in found)
    else:
        assert found == set()
