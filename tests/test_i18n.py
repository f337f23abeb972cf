"""The message catalogues: complete in both languages, and the language choice."""

from __future__ import annotations

import string

import pytest

from mlplan.i18n import en, nl, resolve_language


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_both_catalogues_have_the_same_keys() -> None:
    assert set(nl.MESSAGES) == set(en.MESSAGES)


@pytest.mark.parametrize("key", sorted(nl.MESSAGES))
def test_same_placeholders_in_both_languages(key: str) -> None:
    assert placeholders(nl.MESSAGES[key]) == placeholders(en.MESSAGES[key])


@pytest.mark.parametrize("catalogue", [nl.MESSAGES, en.MESSAGES], ids=["nl", "en"])
def test_every_message_is_a_valid_format_string(catalogue: dict[str, str]) -> None:
    for key, template in catalogue.items():
        names = placeholders(template)
        assert template.format(**dict.fromkeys(names, "x")), key


def test_no_empty_messages() -> None:
    assert all(text.strip() for text in (*nl.MESSAGES.values(), *en.MESSAGES.values()))


@pytest.mark.parametrize(
    ("explicit", "env", "expected"),
    [
        (None, {}, "nl"),
        ("en", {}, "en"),
        (None, {"MLPLAN_LANG": "en"}, "en"),
        ("nl", {"MLPLAN_LANG": "en"}, "nl"),
        (None, {"LANG": "en_GB.UTF-8"}, "en"),
        (None, {"LANG": "nl_NL.UTF-8"}, "nl"),
        (None, {"MLPLAN_LANG": "nl", "LANG": "en_US.UTF-8"}, "nl"),
        (None, {"MLPLAN_LANG": "fr"}, "nl"),
    ],
)
def test_language_precedence(explicit: str | None, env: dict[str, str], expected: str) -> None:
    assert resolve_language(explicit, env) == expected
