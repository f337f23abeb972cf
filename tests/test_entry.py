"""The ``mlplan`` program's start-up shortcuts (``mlplan.cli.entry``, docs/decisions.md, Speed):
each one gives the same bytes and exit code as the plain typer app, and each is taken
only where it is meant to be.

Everything runs the installed script in a subprocess, as a user does. The reference is
``cli.main`` with typer as typer ships it (``rich.markdown`` and ``rich.traceback``
imported first, so the help's stand-ins stay unused).
"""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
import typing
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import pytest

from mlplan.cli import entry
from mlplan.cli.commands.options import Arg, Opt
from tests.conftest import EXAMPLE_PLAN
from tests.test_check import installed_mlplan

TODAY = ["--today", "2026-11-22"]
TYPER_APP = (
    "import sys, rich.markdown, rich.traceback\n"
    "sys.argv[0] = 'mlplan'\n"
    "from mlplan.cli.app import main\n"
    "main()\n"
)
BROKEN = "version: 1\naios:\n  name: [unclosed\n"
WARNED = EXAMPLE_PLAN.read_text(encoding="utf-8").replace("years: 5\n", "years: 3\n")


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "plan.yaml").write_text(EXAMPLE_PLAN.read_text(encoding="utf-8"), "utf-8")
    (tmp_path / "bad-framework.yaml").write_text("id: x\n", encoding="utf-8")
    (tmp_path / "dir").mkdir()
    return tmp_path


def environment(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("MLPLAN_", "GITHUB_", "_MLPLAN_", "PYDANTIC_"))
    }
    return env | {"NO_COLOR": "1", "COLUMNS": "100", "MLPLAN_I18N_STRICT": "1"} | extra


def run(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[int, str, str]:
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    return done.returncode, done.stdout, done.stderr


# (arguments, extra environment, whether the fast path runs it); paths are relative to
# the temporary directory the commands run in
INVOCATIONS: list[tuple[list[str], dict[str, str], bool]] = [
    (["check", "plan.yaml", *TODAY], {}, True),
    (["check", "plan.yaml"], {}, True),
    (["check"], {}, True),  # plan.yaml in the working directory
    (["check", "missing.yaml", *TODAY], {}, True),
    (["check", "plan.yaml", "--today", "2026-13-01"], {}, True),
    (["check", "plan.yaml", "--today", "20261122"], {}, True),
    (["check", "plan.yaml", "broken.yaml", "missing.yaml", *TODAY], {}, True),
    (["check", "plan.yaml", "broken.yaml", "-f", "json", *TODAY], {}, True),
    (["check", "broken.yaml", "-f", "github", *TODAY], {}, True),
    (["check", "broken.yaml", "--format=GitLab", *TODAY], {}, True),
    (["check", "broken.yaml", *TODAY], {"GITHUB_ACTIONS": "true"}, True),
    (["check", "dir", *TODAY], {}, True),
    (["check", ".", *TODAY], {}, True),
    (["check", "warned.yaml", "--strict", *TODAY], {}, True),
    (["check", "warned.yaml", *TODAY], {}, True),
    (["--lang", "en", "check", "broken.yaml", "missing.yaml", *TODAY], {}, True),
    (["check", "broken.yaml", "--lang=en", *TODAY], {}, True),
    (["--lang", "en", "check", "plan.yaml", "--lang", "nl", *TODAY], {}, True),
    (["check", "plan.yaml", *TODAY], {"MLPLAN_LANG": "en"}, True),
    (["check", "plan.yaml", *TODAY], {"MLPLAN_LANG": "fr"}, True),
    (["check", "plan.yaml", "--framework", "bad-framework.yaml", *TODAY], {}, True),
    (["check", "plan.yaml", "--framework", "missing.yaml", *TODAY], {}, True),
    (["check", "plan.yaml", *TODAY], {"MLPLAN_FRAMEWORK": "bad-framework.yaml"}, True),
    (["check", "plan.yaml", *TODAY], {"MLPLAN_FRAMEWORK": ""}, True),
    # summary: a plain one too (an opleider's group), the rest to typer
    (["summary", "plan.yaml", *TODAY], {}, True),
    (["summary", ".", "-f", "json", *TODAY], {}, True),
    (["summary", ".", "--overview-only", *TODAY], {}, True),
    (["summary", ".", "--sort", "OVERDUE", *TODAY], {}, False),  # a Literal: typer reads it
    (
        ["summary", "plan.yaml", "warned.yaml", "-f", "markdown", "--since", "2026-01-01", *TODAY],
        {},
        True,
    ),
    (["summary", "plan.yaml", "--since", "2027-01-01", *TODAY], {}, True),
    (["summary", "plan.yaml", "--since", "1 jan", *TODAY], {}, True),
    (["summary", "broken.yaml", "--redact", "--lang", "en", *TODAY], {}, True),
    (["summary", "dir", *TODAY], {}, True),
    (["summary", "missing.yaml", *TODAY], {}, True),
    (["summary", *TODAY], {}, True),
    (["summary", "plan.yaml", "-f", "pdf", *TODAY], {}, True),
    (["summary", ".", "--recursive", "--framework", "bad-framework.yaml", *TODAY], {}, True),
    (["summary", "plan.yaml", "--months", "3", *TODAY], {}, False),  # a number: typer reads it
    (["summary", "plan.yaml", "--sort", "naam", *TODAY], {}, False),
    (["summary", "plan.yaml", "-f", "xml"], {}, False),
    (["summary", "--help"], {}, False),
    (["check", "plan.yaml", "--bogus"], {}, False),
    (["check", "plan.yaml", "--today"], {}, False),
    (["check", "plan.yaml", "--today="], {}, False),
    (["check", "plan.yaml", "--today", "--strict"], {}, False),
    (["check", "plan.yaml", "--lang", "fr"], {}, False),
    (["--lang", "fr", "check", "plan.yaml"], {}, False),
    (["check", "plan.yaml", "-f", "xml"], {}, False),
    (["check", "plan.yaml", "-fjson", *TODAY], {}, False),
    (["check", "plan.yaml", "-f=json", *TODAY], {}, False),
    (["check", "plan.yaml", "--strict=yes", *TODAY], {}, False),
    (["check", "plan.yaml", *TODAY, "--today", "2026-11-23"], {}, False),
    (["check", "--", "plan.yaml", *TODAY], {}, False),
    (["check", "-", *TODAY], {}, False),
    (["check", "", *TODAY], {}, False),
    (["check", "--help"], {}, False),
    (["check", "-h"], {"MLPLAN_LANG": "en"}, False),
    (["--help"], {}, False),
    (["--lang", "en", "plan", "--help"], {}, False),
    ([], {}, False),
    (["--version"], {}, False),
    (["chek", "plan.yaml"], {}, False),
    (["plan", "plan.yaml", *TODAY], {}, False),
    (["check", "plan.yaml"], {"_MLPLAN_COMPLETE": "complete_zsh"}, False),
]


# -- the fast path reads check's own declaration -----------------------------------------


def _declared_elsewhere(
    *,
    paths: Annotated[list[Path] | None, Arg(help="arg.plan_paths")] = None,
    colour: Annotated[Colour | None, Opt("--colour", "-c", help="opt.strict")] = None,
    quiet: Annotated[bool, Opt("--quiet", help="opt.strict")] = False,
    name: Annotated[str | None, Opt("--name", envvar="NAME", help="opt.strict")] = None,
) -> int:
    """A command declared as check is, its annotations expressions (not names)."""
    return 0


class Colour(StrEnum):
    RED = "red"


def test_the_fast_path_reads_checks_options_from_checks_declaration() -> None:
    """By name, without evaluating the annotations: the same as typing does."""
    from mlplan.cli.commands import check

    read = entry.CommandOptions(check.run)
    hints = typing.get_type_hints(check.run, include_extras=True)
    assert read.markers == {k: typing.get_args(v)[1] for k, v in hints.items() if k != "return"}
    assert set(read.values) | set(read.flags) == {
        decl for marker in read.markers.values() for decl in marker.decls
    }
    assert read.arguments == "paths" and read.flags == {"--strict": "strict"}
    # each of check's annotations is a name, which the fast path looks up rather than
    # evaluates (the fallback below): an expression here would cost every check
    assert all(
        all(part.isidentifier() for part in text.split("."))
        for text in check.run.__annotations__.values()
    )


def test_a_declaration_written_as_expressions_is_read_the_same_way() -> None:
    """The fallback of the lookup by name (``typing.get_type_hints``), and a command line
    read by any declaration's markers: a new option needs no change to ``entry``."""
    read = entry.CommandOptions(_declared_elsewhere)
    assert read.values == {"--colour": "colour", "-c": "colour", "--name": "name"}
    assert read.flags == {"--quiet": "quiet"} and read.arguments == "paths"
    given = {"colour": "red", "quiet": "1"}
    call = entry._call(read, given, ["a.yaml"], {"NAME": "x"})
    assert call == {"paths": [Path("a.yaml")], "colour": Colour.RED, "quiet": True, "name": "x"}
    assert entry._call(read, {}, [], {"NAME": ""}) == {"paths": []}  # empty: no value
    assert entry._call(read, {"colour": "blue"}, [], {}) is None  # typer's "not one of"
    assert entry._call(read, {"colour": "RED"}, [], {}) is None  # case-sensitive, as declared


def test_a_value_of_a_type_the_fast_path_does_not_read_goes_to_typer() -> None:
    def run(*, count: Annotated[int, Opt("--count", help="opt.strict")] = 0) -> int:
        return count

    read = entry.CommandOptions(run)
    assert entry._call(read, {"count": "3"}, [], {}) is None
    assert entry._call(read, {}, [], {}) == {}


def _id(case: tuple[list[str], dict[str, str], bool]) -> str:
    args, env, _ = case
    return " ".join(args) + "".join(f" {k}={v}" for k, v in env.items())


def _split_imports(stderr: str) -> tuple[str, set[str]]:
    """The program's own stderr, and the modules ``PYTHONPROFILEIMPORTTIME`` listed."""
    lines = stderr.splitlines(keepends=True)
    imported = {line.rsplit("|", 1)[1].strip() for line in lines if line.startswith("import time:")}
    return "".join(line for line in lines if not line.startswith("import time:")), imported


def _imported(args: list[str], cwd: Path, **extra: str) -> set[str]:
    env = environment(PYTHONPROFILEIMPORTTIME="1", **extra)
    return _split_imports(run([installed_mlplan(), *args], cwd, env)[2])[1]


@pytest.mark.parametrize("case", INVOCATIONS, ids=[_id(c) for c in INVOCATIONS])
def test_the_program_says_what_the_typer_app_says(
    case: tuple[list[str], dict[str, str], bool], files: Path
) -> None:
    """Byte for byte and exit code, and the fast path runs exactly the plain checks."""
    args, extra, fast = case
    (files / "warned.yaml").write_text(WARNED, encoding="utf-8")
    env = environment(**extra)
    code, stdout, stderr = run(
        [installed_mlplan(), *args], files, env | {"PYTHONPROFILEIMPORTTIME": "1"}
    )
    stderr, imported = _split_imports(stderr)
    assert (code, stdout, stderr) == run([sys.executable, "-c", TYPER_APP, *args], files, env)
    assert "Traceback" not in stderr
    assert ("typer" not in imported) is fast
    assert (entry.plain_command(args, env) is not None) is fast


def test_a_plain_check_loads_only_what_it_needs(tmp_path: Path) -> None:
    """No typer, rich or importlib.metadata (pydantic's plugin scan): each costs a check
    15-40 ms."""
    loaded = _imported(["check", str(EXAMPLE_PLAN), *TODAY], tmp_path)
    assert "mlplan.cli.commands.check" in loaded
    heavy = {"typer", "rich", "click", "importlib.metadata", "questionary"}
    assert heavy & loaded == set()


COMMAND_MODULES = (
    "import atexit, json, os, sys\n"
    "def said():\n"
    "    found = sorted(m for m in sys.modules if m.startswith('mlplan.cli.commands'))\n"
    "    with open(os.environ['LOADED'], 'w') as out:\n"
    "        json.dump(found, out)\n"
    "atexit.register(said)\n"
    "sys.argv[0] = 'mlplan'\n"
    "from mlplan.cli.entry import main\n"
    "main()\n"
)


def _command_modules(args: list[str], cwd: Path) -> set[str]:
    """The ``mlplan.cli.commands`` modules loaded when the program ends (the script's way in,
    ``entry.main``)."""
    import json

    loaded = cwd / "loaded.json"
    env = environment(LOADED=str(loaded))
    run([sys.executable, "-c", COMMAND_MODULES, *args], cwd, env)
    return set(json.loads(loaded.read_text(encoding="utf-8")))


# the command modules a check needs: its own, the shared options, and completion (which
# cli imports for every run: it only answers a TAB)
CHECK_MODULES = {"mlplan.cli.commands", "mlplan.cli.commands.check", "mlplan.cli.commands.options"}


@pytest.mark.parametrize(
    "args",
    [
        ["check", str(EXAMPLE_PLAN), *TODAY],  # the fast path
        ["check", str(EXAMPLE_PLAN), "-fjson", *TODAY],  # the typer app: a lazy group
        ["--lang", "en", "check", str(EXAMPLE_PLAN), "--strict=", *TODAY],  # typer refuses
    ],
)
def test_check_imports_no_other_commands_module(args: list[str], tmp_path: Path) -> None:
    commands = _command_modules(args, tmp_path)
    assert commands - {"mlplan.cli.commands.completion"} == CHECK_MODULES


@pytest.mark.parametrize(
    ("args", "module"),
    [
        (["plan", "--help"], "mlplan.cli.commands.plan"),
        (["meeting", "--help"], "mlplan.cli.commands.edit"),
        (["--help"], None),
    ],
)
def test_the_typer_app_declares_only_the_command_it_runs(
    args: list[str], module: str | None, tmp_path: Path
) -> None:
    own = {"mlplan.cli.commands", "mlplan.cli.commands.completion", "mlplan.cli.commands.options"}
    commands = _command_modules(args, tmp_path) - own
    # a command module may import a helper module of its own kind (plan: documents)
    assert module is None or module in commands
    others = {
        "mlplan.cli.commands.summary",
        "mlplan.cli.commands.diff",
        "mlplan.cli.commands.training",
    }
    assert commands & others == set()


@pytest.mark.parametrize("module", ["mlplan.model.plan", "mlplan.model.framework"])
def test_no_model_field_has_a_builtin_default_factory(module: str) -> None:
    """pydantic reads a default factory's signature; for a builtin such as ``list`` that
    compiles tokenize's patterns on Python < 3.13, 5 ms of every check."""
    import importlib

    from pydantic import BaseModel

    models = [
        obj
        for obj in vars(importlib.import_module(module)).values()
        if isinstance(obj, type) and issubclass(obj, BaseModel)
    ]
    assert models
    builtin = [
        f"{model.__name__}.{name}"
        for model in models
        for name, field in model.model_fields.items()
        if isinstance(field.default_factory, type) or inspect.isbuiltin(field.default_factory)
    ]
    assert builtin == []


def test_help_loads_neither_pydantic_nor_what_rich_help_does_not_use(tmp_path: Path) -> None:
    loaded = _imported(["--help"], tmp_path)
    assert "typer.rich_utils" in loaded
    assert {"pydantic", "rich.markdown", "rich.traceback", "markdown_it"} & loaded == set()


def test_the_help_stand_ins_hand_over_to_the_real_classes() -> None:
    code = (
        "import sys\n"
        "from mlplan.cli.helptext import load_rich_utils\n"
        "load_rich_utils()\n"
        "from typer import rich_utils\n"
        "assert 'rich.markdown' not in sys.modules and 'rich.traceback' not in sys.modules\n"
        "import rich.markdown, rich.traceback\n"
        "assert isinstance(rich_utils.Markdown('# x'), rich.markdown.Markdown)\n"
        "assert rich_utils.Traceback.from_exception == rich.traceback.Traceback.from_exception\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


# -- the stand-in for pydantic's plugin loader and its fallbacks ------------------------


def test_pydantic_still_loads_its_plugins_where_the_stand_in_is_unsure() -> None:
    """The premise of :class:`entry.NoPydanticPlugins`: the installed pydantic gets its
    plugins from ``pydantic.plugin._loader.get_plugins`` and nowhere else. If this fails,
    a new pydantic changed its loader: check the stand-in before widening its guard."""
    from pydantic.plugin import _schema_validator

    assert "from ._loader import get_plugins" in inspect.getsource(_schema_validator)
    assert "get_plugins()" in inspect.getsource(_schema_validator.create_schema_validator)


def _find(environ: dict[str, str], version: str, monkeypatch: pytest.MonkeyPatch) -> object:
    import pydantic.version

    monkeypatch.setattr(pydantic.version, "VERSION", version)
    hook = entry.NoPydanticPlugins(environ)
    monkeypatch.setattr(sys, "meta_path", [hook, *sys.meta_path])
    spec = hook.find_spec("pydantic.plugin._loader", None)
    assert hook not in sys.meta_path  # asked once, then out of the way
    return spec


def test_the_plugin_stand_in_serves_pydantic_2(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    spec = _find({}, "2.99.0", monkeypatch)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[attr-defined]
    assert tuple(module.get_plugins()) == ()


@pytest.mark.parametrize(
    ("environ", "version"),
    [({}, "3.0.0"), ({"PYDANTIC_DISABLE_PLUGINS": "some-plugin"}, "2.11.0")],
)
def test_the_plugin_stand_in_steps_aside(
    environ: dict[str, str], version: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _find(environ, version, monkeypatch) is None


def test_the_plugin_stand_in_decides_on_the_users_environment_not_typers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """typer sets PYDANTIC_DISABLE_PLUGINS while it builds its type adapters, which is
    when pydantic imports its loader: that is not the user configuring plugins."""
    environ: dict[str, str] = {}
    import pydantic.version

    monkeypatch.setattr(pydantic.version, "VERSION", "2.99.0")
    hook = entry.NoPydanticPlugins(environ)
    environ["PYDANTIC_DISABLE_PLUGINS"] = "1"  # typer's, after the start
    monkeypatch.setattr(sys, "meta_path", [hook, *sys.meta_path])
    assert hook.find_spec("pydantic.plugin._loader", None) is not None


@pytest.mark.parametrize(
    "args",
    [["plan", str(EXAMPLE_PLAN), *TODAY], ["summary", str(EXAMPLE_PLAN), "--months", "6", *TODAY]],
)
def test_the_typer_path_does_not_scan_for_plugins_either(args: list[str], tmp_path: Path) -> None:
    loaded = _imported(args, tmp_path)
    assert "typer._adapters" in loaded  # typer built its adapters, under its own variable
    assert "importlib.metadata" not in loaded


def test_the_plugin_stand_in_ignores_other_modules() -> None:
    assert entry.NoPydanticPlugins({}).find_spec("pydantic.main", None) is None
