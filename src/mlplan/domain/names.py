"""Names of people as a Dutch opleider sorts them: by achternaam.

A plan holds the aios's name as one string (``Anne de Vries``), so the achternaam is read
from it: after the first word (always a given name or an initial), the first run of
tussenvoegsels that is followed by another word starts it, and those following words are
the achternaam (``Vries``; ``Vries-van Dam`` for a double name). Without tussenvoegsels
the last word is the achternaam (``Yilmaz``). As in Dutch registers and telephone books,
the tussenvoegsels do not count for the order ("de Vries" under V), and neither do accents,
case or punctuation: ``Ömer Yilmaz`` sorts under Y, before ``Zoë Zwart``; ``Émile`` as E.

A name in another order (a Spanish double surname, a Hungarian family name first) cannot
be told from the text and sorts by its last word. See docs/summary.md.
"""

from __future__ import annotations

import unicodedata

# The tussenvoegsels of Dutch names and the particles of names common in the Netherlands
# that Dutch registers treat the same way (Basisregistratie Personen, table 36, in part).
# Several words are one tussenvoegsel ("van der"); a run of them counts as one too
# ("de la"). A single "in", "op" or "aan" is not one: it is only part of a longer one.
TUSSENVOEGSELS = frozenset(
    {
        "van",
        "de",
        "der",
        "den",
        "het",
        "'t",
        "te",
        "ten",
        "ter",
        "van de",
        "van den",
        "van der",
        "van het",
        "van 't",
        "in de",
        "in den",
        "in het",
        "in 't",
        "op de",
        "op den",
        "op het",
        "op 't",
        "aan de",
        "aan den",
        "aan het",
        "uit de",
        "uit den",
        "uit het",
        "onder de",
        "over de",
        "voor de",
        "bij de",
        "von",
        "von der",
        "zu",
        "le",
        "la",
        "les",
        "du",
        "des",
        "da",
        "das",
        "do",
        "dos",
        "di",
        "del",
        "della",
        "el",
        "al",
        "bin",
        "ben",
    }
)
_LONGEST = max(len(t.split()) for t in TUSSENVOEGSELS)
# letters NFKD does not take apart
_LETTERS = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}
)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


def fold(text: str) -> str:
    """``text`` for comparing: no accents, no case, letters and digits only (a hyphen or
    full stop counts as a space), single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_LETTERS))
    kept = "".join(
        ch if ch.isalnum() else " " if ch in "-. " or ch.isspace() else ""
        for ch in decomposed
        if not unicodedata.combining(ch)
    )
    return " ".join(kept.split())


def _tussenvoegsel_at(words: list[str], i: int, stop: int) -> int:
    """How many words from ``words[i]`` on, before ``stop``, form one tussenvoegsel
    (the longest that does), or 0."""
    for size in range(min(_LONGEST, stop - i), 0, -1):
        phrase = " ".join(words[i : i + size]).casefold().translate(_APOSTROPHES)
        if phrase in TUSSENVOEGSELS:
            return size
    return 0


def split_name(name: str) -> tuple[str, str, str]:
    """``(given names, tussenvoegsels, achternaam)`` of a name as written.

    >>> split_name("Jan van der Berg")
    ('Jan', 'van der', 'Berg')
    >>> split_name("Ömer Yilmaz")
    ('Ömer', '', 'Yilmaz')
    """
    words = name.split()
    if len(words) < 2:
        return "", "", " ".join(words)
    # "de Vries" on its own: the name starts with its tussenvoegsel (written in lower case)
    first = 0 if words[0].islower() else 1
    last = len(words) - 1  # the achternaam has at least the last word
    for i in range(first, last):
        end = i
        while size := _tussenvoegsel_at(words, end, last):
            end += size
        if end > i:
            return " ".join(words[:i]), " ".join(words[i:end]), " ".join(words[end:])
    return " ".join(words[:-1]), "", words[-1]


def sort_key(name: str) -> tuple[str, str, str, str]:
    """The key to sort people by: achternaam, then given names, then tussenvoegsels, each
    folded; the name as written breaks a last tie."""
    given, tussenvoegsels, surname = split_name(name)
    return fold(surname), fold(given), fold(tussenvoegsels), name
