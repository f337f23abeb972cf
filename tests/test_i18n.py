"""The message catalogues: complete in both languages, and the language choice."""

from __future__ import annotations

import re
import string

import pytest

from mlplan import i18n
from mlplan.i18n import (
    UnknownLanguage,
    en,
    finding_counts,
    nl,
    plural,
    resolve_language,
    set_language,
)


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
        ("fr", {"MLPLAN_LANG": "en"}, "en"),  # typer's callback refuses the bad --lang
        ("en", {"MLPLAN_LANG": "fr"}, "en"),  # --lang decides; MLPLAN_LANG is not read
        (None, {"MLPLAN_LANG": " "}, "nl"),
        (None, {"MLPLAN_LANG": "EN_us"}, "en"),
        (None, {"LANG": "fr_FR.UTF-8"}, "nl"),  # the system's LANG: anything else is Dutch
    ],
)
def test_language_precedence(explicit: str | None, env: dict[str, str], expected: str) -> None:
    assert resolve_language(explicit, env) == expected


@pytest.mark.parametrize(
    ("env", "fallback"),
    [
        ({"MLPLAN_LANG": "fr"}, "nl"),
        ({"MLPLAN_LANG": "english"}, "nl"),
        ({"MLPLAN_LANG": "de", "LANG": "en_US.UTF-8"}, "en"),
    ],
)
def test_an_unknown_mlplan_lang_is_refused_not_dutch(env: dict[str, str], fallback: str) -> None:
    with pytest.raises(UnknownLanguage) as caught:
        resolve_language(None, env)
    assert (caught.value.source, caught.value.value) == ("MLPLAN_LANG", env["MLPLAN_LANG"])
    assert caught.value.fallback == fallback


@pytest.mark.parametrize(
    ("lang", "n", "expected"),
    [
        ("nl", 0, "0 fouten"),
        ("nl", 1, "1 fout"),
        ("nl", 2, "2 fouten"),
        ("nl", 1000, "1000 fouten"),
        ("en", 0, "0 errors"),
        ("en", 1, "1 error"),
        ("en", 2, "2 errors"),
    ],
)
def test_plural_picks_one_for_1_and_many_otherwise(lang: str, n: int, expected: str) -> None:
    set_language(lang)
    assert plural("count.errors", n) == expected


def test_plural_of_a_whole_sentence_agrees_with_its_verb() -> None:
    assert plural("check.unreadable", 1) == "1 bestand kon niet gelezen worden"
    assert plural("check.unreadable", 2) == "2 bestanden konden niet gelezen worden"


def test_finding_counts_words_errors_and_warnings() -> None:
    assert finding_counts(1, 0) == {"errors": "1 fout", "warnings": "0 waarschuwingen"}
    set_language("en")
    assert finding_counts(3, 1) == {"errors": "3 errors", "warnings": "1 warning"}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_counted_noun_has_the_forms_its_language_needs(lang: str) -> None:
    """A plural family has a message for each CLDR category the language's rule can give
    (for Dutch and English: one, other), and none it cannot; "one" says 1, the others {n}."""
    catalogue = {"nl": nl.MESSAGES, "en": en.MESSAGES}[lang]
    needed = {i18n.plural_category(n, lang) for n in range(0, 1000)}
    assert needed <= set(i18n.PLURAL_CATEGORIES)
    families: dict[str, set[str]] = {}
    for key in catalogue:
        head, _, last = key.rpartition(".")
        if last in i18n.PLURAL_CATEGORIES and head.startswith("count."):
            families.setdefault(head, set()).add(last)
    assert families, "no plural families found"
    for head, forms in families.items():
        assert forms == needed, head
        assert catalogue[f"{head}.one"].startswith("1 "), head
        assert placeholders(catalogue[f"{head}.other"]) == {"n"}, head


def test_plural_picks_the_category_of_the_count() -> None:
    assert [i18n.plural("count.errors", n) for n in (0, 1, 2)] == ["0 fouten", "1 fout", "2 fouten"]
    assert i18n.plural("count.years", 2, shown="4,5") == "4,5 jaar"


@pytest.mark.parametrize("catalogue", [nl.MESSAGES, en.MESSAGES], ids=["nl", "en"])
def test_no_lazy_plurals(catalogue: dict[str, str]) -> None:
    """Counts are worded with ``plural``, never "fout(en)" or "error(s)"."""
    lazy = re.compile(r"\w\((en|nen|sen|s)\)|probleem/|afspraak/|activity/")
    assert [k for k, text in catalogue.items() if lazy.search(text)] == []


# The Dutch interface says "je" (see docs/decisions.md, "Je, not u"). A formal pronoun, or a
# verb form that only goes with one ("wilt u", "kunt u"), would mix the two registers again.
FORMAL = re.compile(r"(?<![\w+=/-])(?:u|uw|uzelf)(?![\w+=/-])", re.IGNORECASE)


def test_the_dutch_catalogue_speaks_one_register() -> None:
    formal = {key: text for key, text in nl.MESSAGES.items() if FORMAL.search(text)}
    assert formal == {}, "write 'je'/'jouw', not 'u'/'uw'"


@pytest.mark.parametrize(
    ("text", "formal"),
    [
        ("Hoe pakt u het aan?", True),
        ("Uw gegevens", True),
        ("Wilt U dat?", True),
        ("zoals u, de aios", True),
        ("Hoe pak je het aan?", False),
        ("maak het schrijfbaar met chmod u+w", False),  # a command, not a pronoun
        ("uur, uit, nu, jou", False),
    ],
)
def test_the_register_check_finds_the_formal_pronoun(text: str, formal: bool) -> None:
    assert bool(FORMAL.search(text)) is formal
