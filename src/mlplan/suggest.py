"""Did-you-mean: the nearest of a set of known words (ids, keys)."""

from __future__ import annotations

from collections.abc import Iterable


def closest(word: str, options: Iterable[str]) -> str | None:
    """The option most like ``word``, if any is close enough to be a likely typo."""
    choices = list(options)
    lowered = {o.casefold(): o for o in choices}
    if word.casefold() in lowered:
        return lowered[word.casefold()]
    # prefix matches first: users type the start of an id ("patient" -> "patientveiligheid")
    prefixed = [o for o in choices if o.startswith(word.casefold())] if len(word) >= 3 else []
    if len(prefixed) == 1:
        return prefixed[0]
    import difflib  # here: a plan without a typo never asks, and ``check`` skips its import

    found = difflib.get_close_matches(word.casefold(), choices, n=1, cutoff=0.6)
    return found[0] if found else None
