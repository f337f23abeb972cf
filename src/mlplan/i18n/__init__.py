"""The message catalogues: every user-facing string, one dict per language.

Messages are looked up by stable ids with ``str.format`` placeholders. Dutch is the
default; English is complete (a test keeps the two catalogues' keys and placeholders
equal). The language is process-wide: a CLI run speaks one language.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from typing import Final

# Set by the test suite (tests/conftest.py): a message id missing from the catalogue of the
# current language raises instead of printing the id (or the Dutch text in English output).
STRICT_VAR: Final = "MLPLAN_I18N_STRICT"


class MissingMessage(LookupError):
    """A message id that the current language's catalogue does not hold."""


LANGUAGES: Final = ("nl", "en")
DEFAULT_LANGUAGE: Final = "nl"

_current = DEFAULT_LANGUAGE


def _catalogue(lang: str) -> Mapping[str, str]:
    found = _LOADED.get(lang)
    if found is not None:  # no import statement per message: a group's page asks for 20
        return found
    if lang == "en":
        from mlplan.i18n.en import MESSAGES as en

        found = en
    else:
        from mlplan.i18n.nl import MESSAGES as nl

        found = nl
    _LOADED[lang] = found
    return found


_LOADED: dict[str, Mapping[str, str]] = {}  # a catalogue once imported, by language


class UnknownLanguage(ValueError):
    """``MLPLAN_LANG`` names a language mlplan does not speak. ``fallback`` is the language
    to say so in (from ``LANGUAGE``/``LANG``, else Dutch)."""

    def __init__(self, source: str, value: str, fallback: str) -> None:
        super().__init__(f"{source}={value!r}")
        self.source = source
        self.value = value
        self.fallback = fallback


def parse_language(value: str) -> str | None:
    """The language ``value`` names, or ``None``: a code of :data:`LANGUAGES` in any case,
    alone or as a locale (``en_GB.UTF-8``, ``en-GB``). One rule for ``--lang`` and
    ``MLPLAN_LANG``, so neither accepts what the other refuses."""
    code = re.split(r"[_.@-]", value.strip(), maxsplit=1)[0].lower()
    return code if code in LANGUAGES else None


def resolve_language(explicit: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """Pick the language: ``--lang`` > ``MLPLAN_LANG`` > ``LANGUAGE``/``LANG`` (en*) > Dutch.

    An unknown ``--lang`` is passed over here: typer's option callback refuses it with the
    command's help hint. An unknown ``MLPLAN_LANG`` that would decide raises
    :class:`UnknownLanguage`, so ``MLPLAN_LANG=fr`` is the same usage error as ``--lang fr``
    instead of silently Dutch. ``LANG`` is the system's, so any other value there is Dutch.
    """
    env = os.environ if environ is None else environ
    fallback = DEFAULT_LANGUAGE
    for var in ("LANGUAGE", "LANG"):
        if env.get(var, "").lower().startswith("en"):
            fallback = "en"
            break
    if explicit and (code := parse_language(explicit)):
        return code
    chosen = env.get("MLPLAN_LANG", "")
    if chosen.strip():
        code = parse_language(chosen)
        if code is None:
            raise UnknownLanguage("MLPLAN_LANG", chosen, fallback)
        return code
    return fallback


def set_language(lang: str) -> None:
    global _current
    _current = lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def get_language() -> str:
    return _current


def t(key: str, /, **params: object) -> str:
    """The message ``key`` in the current language, formatted with ``params``."""
    template = _catalogue(_current).get(key)
    if template is None:  # a missing key is a bug: loud under test, else say what we can
        if os.environ.get(STRICT_VAR) == "1":
            raise MissingMessage(key)
        template = _catalogue(DEFAULT_LANGUAGE).get(key, key)
    # always format, so a literal brace is written the same way ("{{") in every message
    return template.format(**params)


# CLDR plural categories (https://cldr.unicode.org, "Language Plural Rules"), in the order
# CLDR lists them. A language names the categories its nouns need and a rule that picks
# one for a count; Dutch and English need "one" and "other" (zero is plural in both), but a
# catalogue for, say, Polish would add "few" and "many" and its own rule, nothing else.
PLURAL_CATEGORIES: Final = ("zero", "one", "two", "few", "many", "other")


def _one_other(n: int) -> str:
    return "one" if n == 1 else "other"


PLURAL_RULES: Final[dict[str, Callable[[int], str]]] = {"nl": _one_other, "en": _one_other}


def plural_category(n: int, lang: str | None = None) -> str:
    """The CLDR plural category of the count ``n`` in ``lang`` (default: the current one)."""
    return PLURAL_RULES[lang or _current](n)


def plural(key: str, n: int, /, shown: object = None) -> str:
    """``n`` with its noun: the message ``{key}.{category}`` for ``n``'s CLDR category in
    the current language ("1 fout", "0 fouten", "3 fouten"), so no catalogue has to write
    "fout(en)". ``shown`` is the number as written when it is not ``n`` itself (``4,5``)."""
    return t(f"{key}.{plural_category(n)}", n=n if shown is None else shown)


def finding_counts(errors: int, warnings: int) -> dict[str, str]:
    """``errors`` and ``warnings`` worded, for the many messages that say both."""
    return {
        "errors": plural("count.errors", errors),
        "warnings": plural("count.warnings", warnings),
    }


def in_every_language(key: str, /) -> dict[str, str]:
    """The message ``key`` (without placeholders) in each language, for words a user may
    type in either language on the command line (status words)."""
    return {lang: _catalogue(lang).get(key, key) for lang in LANGUAGES}
