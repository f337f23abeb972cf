"""The message catalogues: every user-facing string, one dict per language.

Messages are looked up by stable ids with ``str.format`` placeholders. Dutch is the
default; English is complete (a test keeps the two catalogues' keys and placeholders
equal). The language is process-wide: a CLI run speaks one language.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
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
    if lang == "en":
        from mlplan.i18n.en import MESSAGES as en

        return en
    from mlplan.i18n.nl import MESSAGES as nl

    return nl


def resolve_language(explicit: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """Pick the language: ``--lang`` > ``MLPLAN_LANG`` > ``LANGUAGE``/``LANG`` (en*) > Dutch."""
    env = os.environ if environ is None else environ
    for candidate in (explicit, env.get("MLPLAN_LANG")):
        if candidate:
            code = candidate.strip().lower()[:2]
            if code in LANGUAGES:
                return code
    for var in ("LANGUAGE", "LANG"):
        if env.get(var, "").lower().startswith("en"):
            return "en"
    return DEFAULT_LANGUAGE


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


def plural(key: str, n: int, /) -> str:
    """``n`` with its noun: ``{key}.one`` when n is 1, else ``{key}.many`` (zero is plural).

    "1 fout", "0 fouten", "3 fouten": messages take this text whole, so no catalogue has to
    write "fout(en)". Dutch and English both need just these two forms.
    """
    return t(f"{key}.one", n=n) if n == 1 else t(f"{key}.many", n=n)


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
