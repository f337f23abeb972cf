"""Docs that cannot go stale: the CLI reference, and help with an example for every command."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from conftest import Result

ROOT = Path(__file__).resolve().parents[1]


def load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "cli_reference", ROOT / "tools" / "cli_reference.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TOOL = load_tool()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_cli_reference_is_current(lang: str) -> None:
    committed = TOOL.TARGETS[lang].read_text(encoding="utf-8")
    assert committed == TOOL.render(lang), (
        "stale CLI reference: run `python tools/cli_reference.py`"
    )


@pytest.mark.parametrize("command", TOOL.commands())
@pytest.mark.parametrize(("lang", "example"), [("nl", "Voorbeeld"), ("en", "Example")])
def test_every_command_has_help_with_an_example(
    run: Callable[..., Result], command: str, lang: str, example: str
) -> None:
    result = run("--lang", lang, command, "--help")
    assert result.exit_code == 0
    assert example in result.stdout
