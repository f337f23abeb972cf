"""Sorting people as a Dutch opleider does: by achternaam, tussenvoegsels and accents aside."""

from __future__ import annotations

import random

import pytest

from mlplan.domain.names import fold, sort_key, split_name

# the order an opleider expects, as a table: name as written, and why it sorts there
EXPECTED_ORDER = [
    ("Fatima Zahra El Amrani-Benali", "El is a particle (BRP): under A"),
    ("Bram Bakker", "no tussenvoegsel: the last word"),
    ("Jan van den Berg", "van den: under B"),
    ("Jan van der Berg", "same achternaam and given name: 'van den' before 'van der'"),
    ("Kees Berg", "same achternaam: by given name, K after J"),
    ("Maria de la Cruz", "a run of particles: under C"),
    ("Piet 't Hart", "'t: under H"),
    ("Sanne ’t Hooft", "a typographic apostrophe is the same 't"),
    ("Émile ter Horst", "ter: under H; É as E"),
    ("Eva de Jong", "de: under J"),
    ("Thi Le", "a last word is never a tussenvoegsel: under L"),
    ("Ahmed Öztürk", "Ö as O, ü as u"),
    ("Henk in 't Veld", "in 't: under V"),
    ("Anne de Vries", "de: under V"),
    ("Jan de Vries-van Dam", "a double name after its tussenvoegsel: Vries-van Dam"),
    ("Ömer Yilmaz", "Ö folds, and does not sort after Z"),
    ("Zoë Zwart", "Z last"),
]


def test_a_group_sorts_by_achternaam() -> None:
    names = [name for name, _ in EXPECTED_ORDER]
    shuffled = names[:]
    random.Random(12).shuffle(shuffled)
    assert sorted(shuffled, key=sort_key) == names


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("Anne de Vries", ("Anne", "de", "Vries")),
        ("Jan van der Berg", ("Jan", "van der", "Berg")),
        ("J.H. van den Berg", ("J.H.", "van den", "Berg")),
        ("Ömer Yilmaz", ("Ömer", "", "Yilmaz")),
        ("Fatima Zahra El Amrani-Benali", ("Fatima Zahra", "El", "Amrani-Benali")),
        ("Henk in 't Veld", ("Henk", "in 't", "Veld")),
        ("Anna-Lena op den Brink", ("Anna-Lena", "op den", "Brink")),
        ("Ben de Boer", ("Ben", "de", "Boer")),  # a first word is a given name, even "Ben"
        ("Van Dijk", ("Van", "", "Dijk")),  # capitalised first word: a given name
        ("de Vries", ("", "de", "Vries")),  # the achternaam alone, in lower case
        ("Karel van", ("Karel", "", "van")),  # the last word is always part of it
        ("Jan in Hout", ("Jan in", "", "Hout")),  # "in" alone is not a tussenvoegsel
        ("Cher", ("", "", "Cher")),
        ("", ("", "", "")),
    ],
)
def test_split_name(name: str, parts: tuple[str, str, str]) -> None:
    assert split_name(name) == parts


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Öztürk", "ozturk"),
        ("Zoë", "zoe"),
        ("Søren Ærø", "soren aero"),
        ("Amrani-Benali", "amrani benali"),
        ("'t", "t"),
        ("STRAßE", "strasse"),
        ("J.H.", "j h"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded
