"""JSON text as mlplan writes it: ``json.dumps(data, ensure_ascii=False, indent=2)``, faster.

With ``indent``, the standard library encodes in Python (its C encoder knows no indent,
before Python 3.13's), through a chain of generators that yield a piece at a time; a
group summary's pages spent a quarter of their time there. :func:`dumps` gives the same
text, byte for byte, in one recursive pass that appends to one list and leaves every
string to the C escaper (``tests/test_jsontext.py`` compares the two on drawn data).
Anything it does not know (a type ``json`` would refuse, a container inside itself) is
left to ``json.dumps`` itself, so errors stay the standard library's.
"""

from __future__ import annotations

import itertools
import json
from json.encoder import encode_basestring  # the C escaper where _json is built
from typing import Any

_INDENT = "  "
_NO_KEY = object()  # a list's items have none
_NO_KEYS = itertools.repeat(_NO_KEY)


def dumps(data: Any, margin: str = "") -> str:
    """``json.dumps(data, ensure_ascii=False, indent=2)``, every line of it after
    ``margin``: the text of an item nested in a larger document (a group's page in its
    list of ``plans``), laid out where the item is made rather than re-indented after."""
    out: list[str] = [margin]
    try:
        _value(data, out, "\n" + margin, 0)
    except _Unusual:
        text = json.dumps(data, ensure_ascii=False, indent=2)
        # JSON text has no line break inside a string: every one starts a line
        return margin + text.replace("\n", "\n" + margin) if margin else text
    return "".join(out)


class _Unusual(Exception):
    """A value :func:`dumps` leaves to the standard library."""


# ``json`` checks for cycles; this pass does not, so it stops well before the recursion
# limit and lets ``json`` raise its own ValueError
_MAX_DEPTH = 100


def _scalar(value: Any) -> str:
    """A value that is no container, as ``json`` writes it (``_Unusual`` if none)."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    raise _Unusual


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == float("inf"):
        return "Infinity"
    if value == -float("inf"):
        return "-Infinity"
    return float.__repr__(value)


def _key(key: Any) -> str:
    """A mapping key as ``json`` writes it: text, or a scalar turned into text."""
    if isinstance(key, str):
        return encode_basestring(key)
    if key is None or isinstance(key, (bool, int, float)):
        return encode_basestring(_scalar(key))
    raise _Unusual


def _value(value: Any, out: list[str], newline: str, depth: int) -> None:
    kind = type(value)
    if kind is str:
        out.append(encode_basestring(value))
    elif isinstance(value, (dict, list, tuple)):
        _container(value, out, newline, depth)
    else:
        out.append(_scalar(value))


def _container(value: Any, out: list[str], newline: str, depth: int) -> None:
    if depth >= _MAX_DEPTH:
        raise _Unusual
    is_map = isinstance(value, dict)
    if not value:
        out.append("{}" if is_map else "[]")
        return
    inner = newline + _INDENT
    append = out.append
    separator = ("{" if is_map else "[") + inner
    comma = "," + inner
    # the common scalars inline (a page is mostly small mappings of them): one append
    # per entry, no call
    for key, item in value.items() if is_map else zip(_NO_KEYS, value, strict=False):
        if key is not _NO_KEY:
            head = f"{separator}{encode_basestring(key) if type(key) is str else _key(key)}: "
        else:
            head = separator
        kind = type(item)
        if kind is str:
            append(head + encode_basestring(item))
        elif item is None:
            append(head + "null")
        elif item is True:
            append(head + "true")
        elif item is False:
            append(head + "false")
        elif kind is int:
            append(head + int.__repr__(item))
        else:
            append(head)
            _value(item, out, inner, depth + 1)
        separator = comma
    append(newline + ("}" if is_map else "]"))
