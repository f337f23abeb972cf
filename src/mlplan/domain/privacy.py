"""Patient-identifying text in free-text fields: what it is, where it stands, how to mask it.

A plan's notes, evidence and agreements are written by doctors about their work, and they
travel: to the opleider, the portfolio, a group. This module finds the identifiers that the
Academy of Medical Royal Colleges' guidance tells trainees to leave out (record numbers,
dates of birth, names) plus the Dutch citizen number (BSN), and says where they are in a
text, so that ``check`` can point at them and every export can mask them.

Pure functions over strings: no I/O, no rendering. The patterns aim at few false alarms
on the kind of text a plan holds (the shipped framework and example plan give none); the
measured rates on the test corpus are in ``docs/privacy.md``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from enum import StrEnum
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from mlplan.model.plan import Plan


class Kind(StrEnum):
    """What was found; the value is the stable identifier used in JSON and message keys."""

    BSN = "bsn"
    BIRTH_DATE = "birth_date"
    RECORD_NUMBER = "record_number"
    NAME = "name"


class Finding(NamedTuple):
    """``text[start:end]`` is an identifier of this kind. Immutable; a named tuple, not a
    frozen dataclass, because every ``check`` defines it while it starts (a dataclass
    costs about 0.4 ms to define, a named tuple a tenth of that)."""

    kind: Kind
    start: int
    end: int


def _led(first: str, pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern`` behind a look-ahead at the characters every match of it starts with
    (``first``, a class): the same matches, but the scan passes every other character
    without trying the pattern's alternatives there, in a third to half of the time.
    ``tests/test_privacy.py`` holds each to its plain pattern."""
    return re.compile(f"(?={first}){pattern}", flags)


# -- BSN: nine digits that pass the elfproef -------------------------------------------
# Grouped as people write them: 123456782, 1234.56.782, 123 456 782, 12.34.56.782 …
_BSN = _led(r"\d", r"(?<![\d.,-])(\d(?:[ .]?\d){8})(?![\d]|[.,-]\d)")


def is_bsn(digits: str) -> bool:
    """The elfproef: 9*d1 + 8*d2 + … + 2*d8 - 1*d9 is a multiple of 11 (not all zeros)."""
    if len(digits) != 9 or not digits.isascii() or not digits.isdigit():
        return False
    values = [int(c) for c in digits]
    total = sum(w * v for w, v in zip(range(9, 1, -1), values[:8], strict=True)) - values[8]
    return total % 11 == 0 and digits != "000000000"


def _bsns(text: str) -> Iterator[Finding]:
    for m in _BSN.finditer(text):
        if is_bsn(re.sub(r"[ .]", "", m.group(1))):
            yield Finding(Kind.BSN, m.start(1), m.end(1))


# -- dates -----------------------------------------------------------------------------
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("januari", "jan", "january"),
            ("februari", "feb", "february"),
            ("maart", "mrt", "mar", "march"),
            ("april", "apr"),
            ("mei", "may"),
            ("juni", "jun", "june"),
            ("juli", "jul", "july"),
            ("augustus", "aug", "august"),
            ("september", "sep", "sept"),
            ("oktober", "okt", "oct", "october"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH_WORD = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE = _led(
    r"\d",
    r"(?<!\d)(?:"
    r"(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>\d{4}|\d{2})"  # 12-03-1954, 12/3/54
    r"|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})"  # 1954-03-12
    rf"|(?P<wd>\d{{1,2}})\s+(?P<wm>{_MONTH_WORD})\.?\s+(?P<wy>\d{{4}})"  # 12 maart 1954
    r")(?!\d)",
    re.IGNORECASE,
)


def _date_of(m: re.Match[str]) -> dt.date | None:
    try:
        if m.group("d"):
            year = int(m.group("y"))
            if len(m.group("y")) == 2:
                year += 1900 if year > 30 else 2000
            return dt.date(year, int(m.group("m")), int(m.group("d")))
        if m.group("iy"):
            return dt.date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
        month = _MONTHS[m.group("wm").lower()]
        return dt.date(int(m.group("wy")), month, int(m.group("wd")))
    except ValueError:
        return None


# The patterns asked only after a first hit (a date, a form of address) stay text here and
# are compiled by ``re`` when first used, which it then keeps: most plans never need
# them, and a check saves compiling them as it starts (0.7 ms for the three).
#
# A date right after one of these words is a date of birth, whatever its year.
_BIRTH_CUE = (
    r"(?i)(?:\bgeb(?:oren)?\b\.?|\bgeboortedatum\b|\bgeb\.?\s*datum\b|\bd\.?o\.?b\b\.?"
    r"|\bdate of birth\b|\bborn\b)\s*(?:op|on)?\s*[:=]?\s*$"
)
# Words that make a sentence one about a patient; an old date in such a sentence is
# taken as a date of birth.
_PATIENT_WORDS = (
    r"(?i)\b(?:pati[eë]nte?n?|patient|mevrouw|mevr\b|mw\b|meneer|dhr\b|de heer|casus|case"
    r"|mrs?\b|ms\b|jarige|jarig)"
)
# How far back a date must lie before the training's start to be a birth date rather
# than, say, a guideline's year: no aios is younger than 16 when training starts.
_ADULT_YEARS = 16


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), -1) + 1
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    return text[left : min(stops) if stops else len(text)]


def _birth_dates(text: str, reference: dt.date | None) -> Iterator[Finding]:
    for m in _DATE.finditer(text):
        when = _date_of(m)
        if when is None:
            continue
        cued = re.search(_BIRTH_CUE, text[max(0, m.start() - 30) : m.start()]) is not None
        old = (
            reference is not None
            and when.year < reference.year - _ADULT_YEARS
            and re.search(_PATIENT_WORDS, _sentence_around(text, m.start(), m.end())) is not None
        )
        if cued or old:
            yield Finding(Kind.BIRTH_DATE, m.start(), m.end())


# -- record numbers --------------------------------------------------------------------
_RECORD = _led(
    "[pzdrhecmn]",  # the first letters of the words below
    r"\b(?:pati[eë]nt(?:en)?nummer|pati[eë]ntnr|pat\.?\s?nr|ziekenhuisnummer|ziekenhuisnr"
    r"|dossiernummer|dossiernr|registratienummer|zis|hix|epd|ezis|chipsoft|mrn"
    r"|(?:medical\s+)?record\s+(?:number|no)|hospital\s+number|nhs\s+number)"
    r"(?:[\s-]*(?:nummer|nr|no|number|id))?\.?\s*[:#=]?\s*"
    r"(?P<number>[A-Z]{0,3}\d[\d .-]{3,}\d)",
    re.IGNORECASE,
)


def _record_numbers(text: str) -> Iterator[Finding]:
    for m in _RECORD.finditer(text):
        number = m.group("number").rstrip(" .-")
        if sum(c.isdigit() for c in number) >= 5:
            yield Finding(Kind.RECORD_NUMBER, m.start("number"), m.start("number") + len(number))


# -- names after a form of address -----------------------------------------------------
_ADDRESS = _led(
    "[pmdh]",  # the first letters of the forms of address
    r"(?:\b(?:pati[eë]nte?|patient|mevrouw|meneer|mevr\.?|mw\.?|dhr\.?|de heer|mr\.?|mrs\.?"
    r"|ms\.?|miss)|\bhr\.)"
    r"[ \t]+",
    re.IGNORECASE,
)
_PARTICLES = (
    "van der",
    "van den",
    "van de",
    "in 't",
    "in het",
    "van 't",
    "van",
    "de",
    "der",
    "den",
    "ter",
    "ten",
    "te",
    "het",
    "'t",
    "op de",
    "uit den",
    "el",
    "al",
    "bin",
    "da",
    "di",
    "du",
    "le",
    "la",
)
_SURNAME = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:-[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+)?"
_PARTICLE = "|".join(re.escape(p) for p in sorted(_PARTICLES, key=len, reverse=True))
# compiled when first asked, as _BIRTH_CUE
_NAME = (
    r"(?P<initials>(?:[A-ZÀ-Þ]\.\s?){1,4}\s*)?"
    rf"(?P<particles>(?:(?i:{_PARTICLE})\s+)*)"  # "Van den Berg" as well as "van den Berg"
    rf"(?P<surname>{_SURNAME})"
)
# Capitalised words that follow "patiënt" or "mevrouw" in ordinary plan text and are not
# names: sentence starts, roles, placeholders. Lower-cased for the comparison.
COMMON_WORDS = frozenset(
    [
        "de",
        "het",
        "een",
        "die",
        "dat",
        "deze",
        "dit",
        "met",
        "en",
        "of",
        "in",
        "op",
        "uit",
        "van",
        "voor",
        "na",
        "bij",
        "als",
        "is",
        "was",
        "werd",
        "wordt",
        "heeft",
        "had",
        "kreeg",
        "wil",
        "zou",
        "kan",
        "moet",
        "mag",
        "gaat",
        "ging",
        "komt",
        "kwam",
        "was",
        "zijn",
        "waren",
        "ook",
        "niet",
        "wel",
        "nog",
        "al",
        "maar",
        "toen",
        "dan",
        "zo",
        "hier",
        "daar",
        "waar",
        "wie",
        "wat",
        "hoe",
        "want",
        "omdat",
        "terwijl",
        "echter",
        "verder",
        "daarna",
        "eerst",
        "later",
        "vandaag",
        "gisteren",
        "morgen",
        "tijdens",
        "zonder",
        "over",
        "onder",
        "tegen",
        "door",
        "naar",
        "the",
        "a",
        "an",
        "and",
        "or",
        "with",
        "who",
        "was",
        "is",
        "had",
        "has",
        "to",
        "at",
        "on",
        "in",
        "of",
        "for",
        "from",
        "this",
        "that",
        "then",
        "x",
        "y",
        "z",
        "n.n.",
        "nn",
        "pt",
        "patient",
        "patiënt",
        "patiënte",
        "patienten",
        "patiënten",
        "mevrouw",
        "meneer",
        "familie",
        "partner",
        "dochter",
        "zoon",
        "moeder",
        "vader",
        "echtgenoot",
        "echtgenote",
        "kinderen",
        "kind",
        "collega",
        "arts",
        "dokter",
        "opleider",
        "aios",
        "specialist",
        "verpleegkundige",
        "zaalarts",
        "supervisor",
        "casus",
        "case",
        "casuïstiek",
        "bespreking",
        "overdracht",
        "mdo",
        "poli",
        "kliniek",
        "spoed",
        "seh",
        "ic",
    ]
)


def _names(text: str) -> Iterator[Finding]:
    for cue in _ADDRESS.finditer(text):
        m = re.compile(_NAME).match(text, cue.end())  # re's own cache after the first
        if m is None:
            continue
        surname = m.group("surname")
        if surname.lower() in COMMON_WORDS:
            continue
        yield Finding(Kind.NAME, m.start(), m.end())


# -- together --------------------------------------------------------------------------

_DIGIT = re.compile(r"\d")
# a digit or a form of address, in one look: most texts have neither. The look-ahead
# names the characters either can start with (every form of address starts with one of
# p, m, d, h), so the scan skips the others without trying the alternatives at each:
# the same matches, in half the time.
_SCREEN = re.compile(rf"(?=[\dpmdh])(?:\d|{_ADDRESS.pattern})", re.IGNORECASE)


def find(text: str, reference: dt.date | None = None) -> list[Finding]:
    """Every identifier in ``text``, in order, without overlaps.

    ``reference`` is the training's start: a date more than 16 years before it, in a
    sentence about a patient, is taken as a date of birth.
    """
    # most texts (titles, short notes) hold no digit and no form of address: one quick
    # look decides, so a group of a thousand plans pays almost nothing for this
    if _SCREEN.search(text) is None:
        return []
    numbers = _DIGIT.search(text) is not None
    found = sorted(
        [
            *(_bsns(text) if numbers else ()),
            *(_birth_dates(text, reference) if numbers else ()),
            *(_record_numbers(text) if numbers else ()),
            *_names(text),
        ],
        key=lambda f: (f.start, -f.end),
    )
    kept: list[Finding] = []
    for f in found:
        if kept and f.start < kept[-1].end:
            continue  # a number inside a record number, a date inside a longer match
        kept.append(f)
    return kept


def redact(text: str, findings: Iterable[Finding], markers: dict[Kind, str]) -> str:
    """``text`` with each finding replaced by the marker for its kind."""
    out: list[str] = []
    at = 0
    for f in sorted(findings, key=lambda f: f.start):
        out += [text[at : f.start], markers[f.kind]]
        at = f.end
    out.append(text[at:])
    return "".join(out)


# -- where free text stands in a plan ----------------------------------------------------

# The plan's free-text fields, per entry list: what a doctor writes in their own words.
# The aios's own details (name, supervisor) are not patient data and are left alone.
FIELDS: dict[str, tuple[str, ...]] = {
    "activities": ("title", "goal", "notes", "evidence"),
    "courses": ("course", "notes", "evidence"),
    "improvement_points": ("point", "how", "evidence"),
    "meetings": ("notes", "agreements"),
}
CODES: dict[Kind, str] = {
    Kind.BSN: "ML300",
    Kind.BIRTH_DATE: "ML301",
    Kind.RECORD_NUMBER: "ML302",
    Kind.NAME: "ML303",
}


def free_text(plan: Plan) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """(path in the file, text) for every free-text value of the plan."""
    from mlplan.model.plan import Agreement  # the plan module is loaded: a plan exists

    for list_name, fields in FIELDS.items():
        for i, entry in enumerate(getattr(plan, list_name)):
            for name in fields:
                value = getattr(entry, name)
                if isinstance(value, str):
                    yield (list_name, i, name), value
                elif isinstance(value, list):
                    for j, item in enumerate(value):
                        if isinstance(item, str):
                            yield (list_name, i, name, j), item
                        elif isinstance(item, Agreement):
                            # the text form is the item itself, the mapping form its ``text``
                            at = (
                                (list_name, i, name, j)
                                if item.plain
                                else (list_name, i, name, j, "text")
                            )
                            yield at, item.text
    for i, interruption in enumerate(plan.training.interruptions):
        if interruption.notes is not None:  # "ziekte: ..." may well name a patient
            yield ("training", "interruptions", i, "notes"), interruption.notes


def scan(plan: Plan) -> Iterator[tuple[tuple[str | int, ...], str, Finding]]:
    """Every identifier in the plan's free text, with the path of the value it stands in."""
    reference = plan.training.start
    for loc, text in free_text(plan):
        for found in find(text, reference):
            yield loc, text, found


def redacted(plan: Plan, markers: dict[Kind, str]) -> Plan:
    """A copy of ``plan`` whose free text has every identifier replaced by its marker.

    The file is never touched: exports render this copy.
    """
    from mlplan.model.plan import Agreement

    changes: dict[tuple[str | int, ...], str] = {}
    reference = plan.training.start
    for loc, text in free_text(plan):
        found = find(text, reference)
        if found:
            changes[loc] = redact(text, found, markers)
    if not changes:
        return plan
    lists: dict[str, list[Any]] = {}
    stops = list(plan.training.interruptions)
    for loc, text in list(changes.items()):
        if loc[0] == "training":
            k = int(loc[2])
            stops[k] = stops[k].model_copy(update={"notes": text})
            del changes[loc]
    if stops != plan.training.interruptions:
        plan = plan.model_copy(
            update={"training": plan.training.model_copy(update={"interruptions": stops})}
        )
    for (list_name, index, name, *rest), text in changes.items():
        entries = lists.setdefault(str(list_name), list(getattr(plan, str(list_name))))
        entry = entries[int(index)]
        if rest:
            items = list(getattr(entry, str(name)))
            item = items[int(rest[0])]
            items[int(rest[0])] = (
                item.model_copy(update={"text": text}) if isinstance(item, Agreement) else text
            )
            entries[int(index)] = entry.model_copy(update={str(name): items})
        else:
            entries[int(index)] = entry.model_copy(update={str(name): text})
    return plan.model_copy(update=lists)
