"""The layers' import contract, as in docs/architecture.md: each layer imports only itself
and the layers below it, and no layer below the command line touches a terminal library.

    mlplan.errors, mlplan.i18n, mlplan.suggest    the base every layer may import
    mlplan.model     what a plan and the framework are (pydantic), vocabularies, calendar
    mlplan.io        YAML with positions, loading files into models, writes, git, workers
    mlplan.domain    what a plan means: the resolved view, rules, the data of every page
    mlplan.render    the document model, its emitters and the output seam
    mlplan.cli       the program, the typer app and one module per command

Every import counts, also one inside a function, since a lazy import is still a
dependency; one under ``if TYPE_CHECKING:`` does not (annotations only, never run), as
import-linter's ``exclude_type_checking_imports``. Read from the source with ``ast``, so
the contract holds for code paths no test happens to run.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "mlplan"

UI_LIBRARIES = ("typer", "rich", "questionary", "click")
BASE = ("mlplan.errors", "mlplan.i18n", "mlplan.suggest", "mlplan.__version__")
LAYERS = ("model", "io", "domain", "render", "cli")  # bottom to top


def layer_of(path: Path) -> str:
    """The layer a source file belongs to: its package, or ``base`` for a top-level module."""
    parts = path.relative_to(SRC).parts
    if parts == ("__main__.py",):  # ``python -m mlplan`` is the program, as the script is
        return "cli"
    return parts[0] if len(parts) > 1 and parts[0] in LAYERS else "base"


def allowed(layer: str) -> tuple[str, ...]:
    """What a module of ``layer`` may import of mlplan: the base, its layer and those below."""
    if layer == "base":
        return BASE
    below = LAYERS[: LAYERS.index(layer) + 1]
    return BASE + tuple(f"mlplan.{name}" for name in below)


def _type_checking_only(tree: ast.Module) -> set[ast.AST]:
    hidden: set[ast.AST] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test) in (
            "TYPE_CHECKING",
            "typing.TYPE_CHECKING",
        ):
            for child in node.body:
                hidden |= set(ast.walk(child))
    return hidden


def imports(module: Path, *, typing_too: bool = True) -> set[str]:
    """The modules ``module`` imports (``from a import b`` names ``a`` and ``a.b``); without
    ``typing_too``, not those imported for annotations only."""
    found: set[str] = set()
    tree = ast.parse(module.read_text(encoding="utf-8"))
    hidden = set() if typing_too else _type_checking_only(tree)
    for node in ast.walk(tree):
        if node in hidden:
            continue
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def _matches(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


MODULES = sorted(SRC.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(SRC).as_posix())
def test_a_module_imports_only_its_layer_and_those_below(path: Path) -> None:
    layer = layer_of(path)
    mine = {i for i in imports(path, typing_too=False) if _matches(i, ("mlplan",))}
    bad = sorted(i for i in mine if i != "mlplan" and not _matches(i, allowed(layer)))
    assert bad == [], f"{path.relative_to(SRC)} is in layer {layer!r}"


@pytest.mark.parametrize(
    "path",
    [p for p in MODULES if layer_of(p) in ("base", "model", "io", "domain")],
    ids=lambda p: p.relative_to(SRC).as_posix(),
)
def test_below_rendering_no_terminal_library(path: Path) -> None:
    # the whole file, annotations too: the models and the domain know no terminal (the
    # renderers may measure with rich's cell widths; only the command line runs typer)
    bad = sorted(i for i in imports(path) if _matches(i, UI_LIBRARIES))
    assert bad == [], f"{path.relative_to(SRC)} is below rendering"


def test_the_layers_are_the_packages() -> None:
    # a new top-level module must be placed in a layer, so the contract covers it
    top = {p.stem for p in SRC.glob("*.py")} - {"__init__", "__main__"}
    assert top == {"errors", "suggest"}
    assert {p.name for p in SRC.iterdir() if (p / "__init__.py").is_file()} == {*LAYERS, "i18n"}


def test_the_contract_catches_an_upward_import(tmp_path: Path) -> None:
    # the check itself can fail: a domain module that renders is caught, a type-only
    # import of the same is not
    bad = tmp_path / "bad.py"
    bad.write_text("from mlplan.render import output\n", encoding="utf-8")
    assert "mlplan.render" in imports(bad)
    assert not _matches("mlplan.render.output", allowed("domain"))
    hidden = tmp_path / "hidden.py"
    hidden.write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from mlplan.render import output\n",
        encoding="utf-8",
    )
    assert imports(hidden, typing_too=False) == {"typing", "typing.TYPE_CHECKING"}


@pytest.mark.parametrize(
    "path",
    sorted((SRC / "render").rglob("*.py")),  # the pages in render/pages/ too
    ids=lambda p: p.relative_to(SRC / "render").with_suffix("").as_posix(),
)
def test_rendering_imports_no_cli(path: Path) -> None:
    bad = sorted(i for i in imports(path) if _matches(i, ("typer", "click", "mlplan.cli")))
    assert bad == [], f"{path.relative_to(SRC)} renders; it does not run commands"


@pytest.mark.parametrize("name", ["launch", "entry"])
def test_start_up_modules_import_no_typer(name: str) -> None:
    # a plain check runs through these without typer (docs/decisions.md, Speed); entry
    # imports the typer app only inside main(), for everything that is not a plain check
    tree = ast.parse((SRC / "cli" / f"{name}.py").read_text(encoding="utf-8"))
    top_level = {
        alias.name if isinstance(node, ast.Import) else f"{node.module}"
        for node in tree.body
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    everywhere = imports(SRC / "cli" / f"{name}.py")
    found = everywhere if name == "launch" else top_level
    bad = sorted(
        i for i in found if _matches(i, (*UI_LIBRARIES, "mlplan.cli.app", "mlplan.cli.usage"))
    )
    assert bad == []


COMMANDS = sorted((SRC / "cli" / "commands").glob("*.py"))


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
