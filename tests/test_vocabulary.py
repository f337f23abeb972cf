"""The vocabularies (mlplan.model.vocabulary): each identifier has its labels in every catalogue,
and what a user meets (the plan's JSON Schema, the help of an option) offers exactly the
vocabulary's identifiers."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from conftest import Result
from mlplan.i18n import en, nl
from mlplan.model import vocabulary
from mlplan.model.vocabulary import VOCABULARIES, Vocabulary

CATALOGUES = {"nl": nl.MESSAGES, "en": en.MESSAGES}


@pytest.mark.parametrize("lang", sorted(CATALOGUES))
@pytest.mark.parametrize("vocab", VOCABULARIES, ids=lambda v: v.name)
def test_every_identifier_has_its_labels(vocab: Vocabulary, lang: str) -> None:
    catalogue = CATALOGUES[lang]
    missing = [
        vocab.label_key(ident, family)
        for family in range(len(vocab.labels))
        for ident in vocab.ids
        if vocab.label_key(ident, family) not in catalogue
    ]
    assert missing == []


def test_the_vocabularies_are_listed_once_each() -> None:
    names = [v.name for v in VOCABULARIES]
    assert len(set(names)) == len(names)
    assert all(len(set(v.ids)) == len(v.ids) > 1 for v in VOCABULARIES)


def test_the_plans_schema_offers_the_vocabularies(run: Callable[..., Result]) -> None:
    # what an editor offers while a plan is typed (mlplan schema) is the vocabulary, in order
    schema = json.loads(run("schema").stdout)
    defs = schema["$defs"]
    assert defs["Status"]["enum"] == list(vocabulary.STATUS.ids)
    assert defs["MeetingKind"]["enum"] == list(vocabulary.MEETING_KIND.ids)
    assert defs["Outcome"]["enum"] == list(vocabulary.OUTCOME.ids)
    assert defs["InterruptionReason"]["enum"] == list(vocabulary.INTERRUPTION_REASON.ids)
    phase = defs["Activity"]["properties"]["phase"]["anyOf"][0]
    assert phase["enum"] == list(vocabulary.PHASES)


@pytest.mark.parametrize("lang", sorted(CATALOGUES))
@pytest.mark.parametrize(
    ("key", "vocab"),
    [
        ("opt.summary.sort", vocabulary.SORT_KEY),
        ("opt.edit.phase", vocabulary.PHASE),
        ("opt.edit.kind", vocabulary.MEETING_KIND),
    ],
)
def test_an_options_help_names_each_of_its_choices(key: str, vocab: Vocabulary, lang: str) -> None:
    # the help sentence lists the choices in words; it may not fall behind the vocabulary
    text = CATALOGUES[lang][key]
    assert [ident for ident in vocab.ids if ident not in text] == []
