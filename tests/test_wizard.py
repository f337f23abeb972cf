"""The wizard's prompts without a terminal: what an answer maps back to.

questionary is replaced by a stand-in that answers the way a user's keys would (enter at
the default, or the choices named), so these tests see exactly what the wizard gets back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import questionary

from mlplan.cli import wizard
from mlplan.cli.wizard import Option


class _Prompt:
    def __init__(self, answer: Any) -> None:
        self.answer = answer

    def unsafe_ask(self) -> Any:
        return self.answer


def _fake(
    monkeypatch: pytest.MonkeyPatch, name: str, answer: Callable[[list[Any], Any], Any]
) -> None:
    """Let ``questionary.<name>`` answer with ``answer(choices, default)``, as questionary
    itself would: the chosen Choice's ``value``."""

    def prompt(message: str, choices: list[Any], default: Any = None, **_: Any) -> _Prompt:
        return _Prompt(answer(choices, default))

    monkeypatch.setattr(questionary, name, prompt)


def _enter(choices: list[Any], default: Any) -> Any:
    """Enter: the choice the cursor starts on (the default, else the first)."""
    selectable = [c for c in choices if isinstance(c, questionary.Choice)]
    if default is None:
        return selectable[0].value
    if isinstance(default, questionary.Choice):
        return default.value
    matches = [c for c in selectable if default in (c.value, c.title)]
    return matches[0].value


def test_none_is_a_value_not_its_label(monkeypatch: pytest.MonkeyPatch) -> None:
    """questionary gives a Choice whose value is None its title as value: "geen fase"
    came back instead of no phase."""
    _fake(monkeypatch, "select", _enter)
    options = [Option("geen fase", None), Option("begin", "begin"), Option("eind", "eind")]
    assert wizard._select("fase?", options) is None
    assert wizard._select("fase?", options, default=None) is None
    assert wizard._select("fase?", options, default="eind") == "eind"


def test_a_default_is_matched_by_value_never_by_title(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake(monkeypatch, "select", _enter)
    # the first option's title is the second one's value
    options = [Option("2", 1), Option("jaar 2", 2)]
    assert wizard._select("jaar?", options, default=2) == 2
    assert wizard._select("jaar?", options, default=1) == 1
    assert wizard._select("jaar?", options, default=9) == 1  # unknown: the first


def test_checkbox_answers_are_the_values_ticked(monkeypatch: pytest.MonkeyPatch) -> None:
    def ticked(choices: list[Any], default: Any) -> list[Any]:
        return [c.value for c in choices if isinstance(c, questionary.Choice) and c.checked]

    _fake(monkeypatch, "checkbox", ticked)
    options: list[Option[Any] | None] = [
        Option("geen", None, checked=True),
        Option("voorbeeld", ("example", "Voorzitten MDO"), checked=True),
        Option("niet", "x"),
        None,
        Option("← terug", wizard.BACK),
    ]
    assert wizard._checkbox("kies", options) == [None, ("example", "Voorzitten MDO")]
