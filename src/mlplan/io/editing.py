"""Edit a plan's text without touching anything else: splice at node positions.

The edit commands never dump YAML. They find the node to change in yamlloc's index
(line and column of every key and value, and where each value ends), splice new text in
at that spot, re-parse the result and confirm that the data is exactly the old data with
the intended change: nothing else moved. Comments, blank lines, key order, quoting,
indentation, CRLF line endings and a UTF-8 byte order mark outside the changed lines stay
byte for byte (the technique of pre-commit autoupdate, Renovate and Dependabot).

When an edit cannot be placed safely (a flow-style list, an anchor or alias at the spot,
a value of the wrong kind) it is refused with :class:`Refusal`, which carries the YAML
the user can paste by hand. Pure text in, text out: no terminal, no files.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from mlplan.io import yamlloc
from mlplan.io.yamlloc import Position
from mlplan.model.fields import Loc
from mlplan.model.framework import normalise_title

Scalar = str | int | float | dt.date
# an item of a nested list: text, or a mapping of scalars (an agreement with follow-up)
ListItem = str | Mapping[str, Scalar]
Value = Scalar | list[ListItem]

BOM = "\ufeff"
# the order of an activity's keys in the spec: a new key goes after its predecessor
KEY_ORDER = ("topic", "title", "year", "goal", "phase", "status", "done_on", "evidence", "notes")
# how a list is indented when the file shows no example: "key:\n  - item"
DEFAULT_OFFSET = 2
DEFAULT_PAD = 2


class Refusal(Exception):
    """The edit cannot be placed safely. ``snippet`` is YAML the user can paste by hand;
    ``replaces`` says it is the whole node at ``loc`` (to put in place of it), else it
    is keys to add to that node (or, with ``adds_item``, one item for a flow list).
    ``loc`` is what the refusal is about, if one node."""

    def __init__(
        self,
        key: str,
        /,
        snippet: str = "",
        *,
        loc: Loc | None = None,
        replaces: bool = False,
        adds_item: bool = False,
        **params: Any,
    ) -> None:
        super().__init__(key)
        self.key = key
        self.snippet = snippet
        self.loc = loc
        self.replaces = replaces
        self.adds_item = adds_item  # the snippet is one item to add to the list params["key"]
        self.params = params


@dataclass(frozen=True)
class SetKeys:
    """Set scalar keys of the mapping at ``loc`` (e.g. ``("activities", 2)``), then
    remove the keys in ``remove`` (each with its whole line). A new key goes after the
    key that precedes it in ``order`` (the spec's order of that mapping's keys)."""

    loc: Loc
    values: Mapping[str, Scalar]
    remove: tuple[str, ...] = ()
    order: tuple[str, ...] = KEY_ORDER


@dataclass(frozen=True)
class Expand:
    """Turn the text item at ``loc`` of a block list (an agreement in the version-1 form)
    into a mapping: ``- Tekst`` becomes ``- key: Tekst`` with ``values`` under it. The
    text stays as written, and so does a comment after it."""

    loc: Loc
    key: str
    values: Mapping[str, Scalar]


@dataclass(frozen=True)
class Append:
    """Append a mapping to the list ``key`` of the mapping at ``loc`` (the top level by
    default). A missing list is created: at the end of the file at the top level, else
    in the mapping after the key that precedes ``key`` in ``order`` (else its last key)."""

    key: str
    item: Mapping[str, Value]
    loc: Loc = ()
    order: tuple[str, ...] = ()


@dataclass(frozen=True)
class RemoveItem:
    """Remove item ``index`` of the block list at ``loc`` with its lines (and comment
    lines indented under it); removing the only item removes the list's key too, so no
    empty ``key:`` (a null, not a list) is left behind."""

    loc: Loc
    index: int


Edit = SetKeys | Append | Expand | RemoveItem


# -- emitting scalars ------------------------------------------------------------------


def _printable(ch: str) -> bool:
    """YAML's printable characters, without its extra line breaks and the BOM."""
    o = ord(ch)
    if 0x20 <= o <= 0x7E:
        return True
    if o in (0x85, 0x2028, 0x2029, 0xFEFF):
        return False
    return 0xA0 <= o <= 0xD7FF or 0xE000 <= o <= 0xFFFD or 0x10000 <= o <= 0x10FFFF


_RESOLVER = yaml.resolver.Resolver()
_NUMBERISH = re.compile(
    r"[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|0[oxb][0-9a-fA-F_]+"
)
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")


def _plain_ok(text: str) -> bool:
    if not text or text != text.strip(" "):
        return False
    if text[0] in _INDICATORS or text.startswith("..."):
        return False
    if ": " in text or " #" in text or text.endswith(":"):
        return False
    if not all(_printable(c) for c in text):
        return False
    # YAML 1.1 would read it as something else (no, on, 010, 1e3, null, 2025-01-01):
    # ask the standard resolver, which still knows timestamps, so other tools agree too
    if _NUMBERISH.fullmatch(text):  # YAML 1.2 tools read 1e3 or 0x1f as numbers
        return False
    tag = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    return bool(tag == "tag:yaml.org,2002:str")


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\x00": "\\0"}


def _double_quoted(text: str) -> str:
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif _printable(ch):
            out.append(ch)
        elif ord(ch) <= 0xFF:
            out.append(f"\\x{ord(ch):02x}")
        elif ord(ch) <= 0xFFFF:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(f"\\U{ord(ch):08x}")
    return '"' + "".join(out) + '"'


def emit_text(text: str) -> str:
    """``text`` as a YAML scalar that reads back as exactly this string.

    Plain when nothing could misread it (non-ASCII is fine), else single-quoted, else
    (control characters, line breaks) double-quoted with escapes.
    """
    if _plain_ok(text):
        return text
    if all(_printable(c) for c in text):
        return "'" + text.replace("'", "''") + "'"
    return _double_quoted(text)


def emit(value: Scalar) -> str:
    """A scalar value for the plan: dates as YYYY-MM-DD, whole numbers, text."""
    if isinstance(value, bool):  # bool is an int; the plan has no yes/no fields we set
        raise TypeError("booleans are not plan values")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        # repr reads back as the same float; YAML 1.1 wants a point, never an exponent
        # without one (1e-07 is text to it)
        text = repr(value)
        if "e" in text or "n" in text:  # 1e-07, inf, nan: not plan values
            raise ValueError(f"{value!r} is not a plan number")
        return text
    if isinstance(value, dt.date):
        return value.isoformat()
    return emit_text(value)


def _as_data(value: Value | ListItem) -> Any:
    """What yamlloc reads back for an emitted value (dates stay strings)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_as_data(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _as_data(v) for k, v in value.items()}
    return value


# -- text geometry ---------------------------------------------------------------------


class _TextLines:
    """Offsets of the lines of a text, counted as :mod:`mlplan.io.yamlloc` counts them (as
    editors do: NEL, LS and PS are inside a line), so a node's position is its offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0]
        self.breaks: list[str] = []
        for m in yamlloc.LINE_BREAK.finditer(text):
            self.starts.append(m.end())
            self.breaks.append(m.group())

    @property
    def count(self) -> int:
        return len(self.starts)

    def offset(self, line: int, column: int) -> int:
        """Offset of a 1-based line and column."""
        return self.starts[line - 1] + column - 1

    def line_text(self, line: int) -> str:
        """The content of a 1-based line, without its line break."""
        start = self.starts[line - 1]
        end = (
            self.starts[line] - len(self.breaks[line - 1]) if line < self.count else len(self.text)
        )
        return self.text[start:end]

    def eol(self, line: int | None = None) -> str:
        """The line break used at ``line`` (else the file's first one, else LF)."""
        if line is not None and 1 <= line <= len(self.breaks):
            return self.breaks[line - 1]
        return self.breaks[0] if self.breaks else "\n"

    def after_line(self, line: int) -> tuple[int, str]:
        """Where text goes to become the line after ``line``, and what must precede it
        (a line break when ``line`` is the last line and has none)."""
        if line < self.count:
            return self.starts[line], ""
        return len(self.text), self.eol()

    def last_line(self, pos: Position) -> int:
        """The last line holding the node's text. A block scalar's end sits at the start
        of the line after it, past trailing blank lines, which are not part of its value
        unless it keeps them (``|+``)."""
        if not (pos.end_column == 1 and pos.end_line > pos.line):
            return pos.end_line
        line = pos.end_line - 1
        header = self.line_text(pos.line)[pos.column - 1 :].split("#")[0]
        if "+" not in header:
            while line > pos.line and not self.line_text(line).strip():
                line -= 1
        return line

    def after_node(self, pos: Position) -> tuple[int, str]:
        """Where a new line goes after the node at ``pos``."""
        return self.after_line(self.last_line(pos))


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` without their line breaks, as an editor shows them."""
    lines = yamlloc.LINE_BREAK.split(text)
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()  # the final line break ends the last line, it does not start one
    return lines


def _char_at(lines: _TextLines, pos: Position) -> str:
    offset = lines.offset(pos.line, pos.column)
    return lines.text[offset : offset + 1]


# -- applying edits --------------------------------------------------------------------


def apply(text: str, edit: Edit) -> str:
    """The text with ``edit`` applied; raises :class:`Refusal` if it cannot be placed
    safely. A leading byte order mark is kept."""
    bom = BOM if text.startswith(BOM) else ""
    body = text[len(bom) :]
    if isinstance(edit, SetKeys):
        try:
            for key, value in edit.values.items():
                body = _set_key(body, edit.loc, key, value, edit)
            for key in edit.remove:
                body = _remove_key(body, edit.loc, key)
        except Refusal as refusal:
            if refusal.loc is None:
                raise
            # the YAML to paste, worked out on the text as it was, laid out to fit there
            text_ = text[len(bom) :]
            snippet, replaces = _fitting_snippet(text_, edit)
            raise Refusal(
                refusal.key, snippet, loc=refusal.loc, replaces=replaces, **refusal.params
            ) from None
    elif isinstance(edit, Expand):
        body = _expand(body, edit)
    elif isinstance(edit, Append):
        body = _append(body, edit)
    else:
        body = _remove_item(body, edit)
    return bom + body


def _parse(text: str) -> yamlloc.Document:
    doc = yamlloc.parse(text, "<plan>")
    problems = [d for d in doc.diagnostics if d.code == "ML001"]
    if problems:
        raise Refusal("edit.refuse.yaml", line=problems[0].line, column=problems[0].column)
    return doc


def _get(data: Any, loc: Loc) -> Any:
    for segment in loc:
        in_list = isinstance(segment, int) and isinstance(data, list) and 0 <= segment < len(data)
        in_map = isinstance(segment, str) and isinstance(data, dict) and segment in data
        if in_list or in_map:
            data = data[segment]
        else:
            raise Refusal("edit.refuse.not_found", where=_where(loc))
    return data


def _where(loc: Loc) -> str:
    """``activities[3]`` style, 1-based like the commands' numbers."""
    out = ""
    for segment in loc:
        out += (
            f"[{segment + 1}]" if isinstance(segment, int) else (f".{segment}" if out else segment)
        )
    return out


def _same(a: Any, b: Any) -> bool:
    """Equal data, where 1 and True (or 1 and 1.0) are different things."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return bool(a == b)


def _plain_copy(data: Any) -> Any:
    """A deep copy that does not share what aliases share: an edit that would change
    an alias's target elsewhere then shows up as a difference (and is refused)."""
    if isinstance(data, dict):
        return {k: _plain_copy(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_plain_copy(v) for v in data]
    return data


def _verify(text: str, expected: Any, snippet: str, loc: Loc | None = None) -> None:
    """The edited text must parse to exactly the expected data; else refuse."""
    doc = yamlloc.parse(text, "<plan>")
    if any(d.code == "ML001" for d in doc.diagnostics) or not _same(doc.data, expected):
        raise Refusal("edit.refuse.unsafe", snippet, loc=loc)


def _set_snippet(edit: SetKeys) -> str:
    return "".join(f"{key}: {emit(value)}\n" for key, value in edit.values.items())


def _set_key(text: str, loc: Loc, key: str, value: Scalar, edit: SetKeys) -> str:
    doc = _parse(text)
    mapping = _get(doc.data, loc)
    where = _where(loc)
    snippet = _set_snippet(edit)
    if not isinstance(mapping, dict):
        raise Refusal("edit.refuse.not_mapping", snippet, loc=loc, where=where)
    wanted = _as_data(value)
    if key in mapping and _same(mapping[key], wanted):
        return text  # already so: leave its text (and quoting) alone
    lines = _TextLines(text)
    mpos = doc.index.get(loc)
    if mpos is None or _char_at(lines, mpos) == "{":
        raise Refusal("edit.refuse.flow", snippet, loc=loc, where=where)
    expected = _plain_copy(doc.data)
    _get(expected, loc)[key] = wanted
    emitted = emit(value)
    vpos = doc.index.get((*loc, key))
    if key in mapping and vpos is not None and vpos.end_line:
        start = lines.offset(vpos.line, vpos.column)
        end = lines.offset(vpos.end_line, vpos.end_column)
        if text[start:end][:1] in tuple("*&!|>[{"):  # alias, anchor, tag, block, collection
            raise Refusal("edit.refuse.value", snippet, loc=loc, where=where, key=key)
        if start == end and (start == 0 or text[start - 1] not in " \t"):
            emitted = " " + emitted  # "goal:" had no value: "goal: text"
        new = text[:start] + emitted + text[end:]
    else:
        order = edit.order or KEY_ORDER
        new = _insert_key(text, doc, lines, loc, mapping, key, emitted, where, snippet, order)
    _verify(new, expected, snippet, loc)
    return new


def _insert_key(
    text: str,
    doc: yamlloc.Document,
    lines: _TextLines,
    loc: Loc,
    mapping: dict[Any, Any],
    key: str,
    emitted: str,
    where: str,
    snippet: str,
    order: tuple[str, ...],
) -> str:
    """A new ``key: value`` line after the key that precedes it in ``order``."""
    anchor = _anchor_key(doc, loc, mapping, key, order)
    if anchor is None:
        raise Refusal("edit.refuse.flow", snippet, loc=loc, where=where)
    at, prefix = lines.after_node(anchor)
    # the line break of the line we follow, so CRLF files stay CRLF
    eol = lines.eol(lines.last_line(anchor))
    line = " " * (anchor.key_column - 1) + f"{key}: {emitted}" + eol
    return text[:at] + prefix + line + text[at:]


def _anchor_key(
    doc: yamlloc.Document, loc: Loc, mapping: dict[Any, Any], key: str, order: tuple[str, ...]
) -> Position | None:
    """The value of the key in the block mapping at ``loc`` after which a new ``key``
    goes: the last one written that precedes ``key`` in ``order``, else the last one
    written; ``None`` when no key has a position (a flow mapping)."""
    present = [
        (pos, k)
        for k in mapping
        if (pos := doc.index.get((*loc, k))) is not None and pos.end_line and isinstance(k, str)
    ]
    if not present:
        return None
    present.sort(key=lambda item: (item[0].key_line, item[0].key_column))
    rank = order.index(key) if key in order else len(order)
    before = [(pos, k) for pos, k in present if k in order and order.index(k) < rank]
    return (before or present)[-1][0]


def _remove_key(text: str, loc: Loc, key: str) -> str:
    """The text without the line(s) of ``key`` in the mapping at ``loc`` (its value and a
    comment after it go too); refused where the key does not start its own line."""
    doc = _parse(text)
    mapping = _get(doc.data, loc)
    where = _where(loc)
    if not isinstance(mapping, dict):
        raise Refusal("edit.refuse.not_mapping", loc=loc, where=where)
    if key not in mapping:
        return text
    lines = _TextLines(text)
    mpos = doc.index.get(loc)
    pos = doc.index.get((*loc, key))
    if mpos is None or _char_at(lines, mpos) == "{":
        raise Refusal("edit.refuse.flow", loc=loc, where=where)
    if pos is None or not pos.end_line or len(mapping) < 2:
        raise Refusal("edit.refuse.remove", loc=loc, where=where, key=key)
    if lines.line_text(pos.key_line)[: pos.key_column - 1].strip(" \t"):
        raise Refusal("edit.refuse.remove", loc=loc, where=where, key=key)  # "- key: …"
    last = lines.last_line(pos)
    start = lines.starts[pos.key_line - 1]
    end = lines.starts[last] if last < lines.count else len(text)
    new = text[:start] + text[end:]
    expected = _plain_copy(doc.data)
    del _get(expected, loc)[key]
    _verify(new, expected, "", loc)
    return new


def _expand(text: str, edit: Expand) -> str:
    """See :class:`Expand`. Refused (with the mapping to paste in place of the item) unless
    the item is text on one line of a block list: not a block scalar, alias, anchor or tag."""
    doc = _parse(text)
    value = _get(doc.data, edit.loc)
    where = _where(edit.loc)
    if not isinstance(value, str):
        raise Refusal("edit.refuse.not_text", loc=edit.loc, where=where)
    wanted: dict[str, Scalar] = {edit.key: value, **edit.values}
    snippet = render_item(wanted, 0, _Style())
    lines = _TextLines(text)
    pos = doc.index.get(edit.loc)
    parent = doc.index.get(edit.loc[:-1])
    if pos is None or parent is None or _char_at(lines, parent) != "-":
        raise Refusal("edit.refuse.flow", snippet, loc=edit.loc, replaces=True, where=where)
    written = _source(lines, pos)
    if written is None or written[:1] in tuple("*&!|>"):
        raise Refusal("edit.refuse.unsafe", snippet, loc=edit.loc, replaces=True)
    start = lines.offset(pos.line, pos.column)
    new = text[:start] + f"{edit.key}: " + text[start:]
    lines = _TextLines(new)
    at, prefix = lines.after_line(pos.line)
    eol = lines.eol(pos.line)
    indent = " " * (pos.column - 1)
    added = "".join(f"{indent}{k}: {emit(v)}{eol}" for k, v in edit.values.items())
    new = new[:at] + prefix + added + new[at:]
    expected = _plain_copy(doc.data)
    _set_in(expected, edit.loc, {k: _as_data(v) for k, v in wanted.items()})
    _verify(new, expected, snippet, edit.loc)
    return new


def _set_in(data: Any, loc: Loc, value: Any) -> None:
    """Replace the node at ``loc`` (which exists) in plain data."""
    _get(data, loc[:-1])[loc[-1]] = value


def _source(lines: _TextLines, pos: Position) -> str | None:
    """A value's text as written, when it is on one line."""
    if not pos.end_line or pos.end_line != pos.line:
        return None
    return lines.text[
        lines.offset(pos.line, pos.column) : lines.offset(pos.end_line, pos.end_column)
    ]


_FLOW_UNSAFE = frozenset(",[]{}")


def _fitting_snippet(text: str, edit: SetKeys) -> tuple[str, bool]:
    """What to paste by hand for a refused ``edit``, laid out to fit where it goes.

    For a list item (an activity) the whole item with the change made, to put in its
    place: in block style at the list's dash column, or as one flow mapping when the
    list itself is in flow style. Else the keys to add, indented like the mapping's keys.
    Each value the edit leaves alone is copied as written. ``(snippet, replaces)``."""
    keys_only = _set_snippet(edit)
    try:
        doc = yamlloc.parse(text, "<plan>")
        lines = _TextLines(text)
        mapping = _get(doc.data, edit.loc)
    except Refusal:
        return keys_only, False
    if not isinstance(mapping, dict):
        return keys_only, False
    loc = edit.loc
    mpos = doc.index.get(loc)
    parent = doc.index.get(loc[:-1]) if loc and isinstance(loc[-1], int) else None
    words: dict[str, str] = {}
    for k in mapping:
        if not isinstance(k, str):
            words = {}
            break
        vpos = doc.index.get((*loc, k))
        written = _source(lines, vpos) if vpos is not None else None
        if written is None:
            break
        words[k] = written
    else:
        for k in edit.remove:
            words.pop(k, None)
        for k, value in edit.values.items():
            words[k] = _flow_scalar(value)
        expected = _plain_copy(mapping)
        expected.update({k: _as_data(v) for k, v in edit.values.items()})
        for k in edit.remove:
            expected.pop(k, None)
        if parent is not None and mpos is not None and _char_at(lines, mpos) == "{":
            if _char_at(lines, parent) == "-":
                dash = " " * (parent.column - 1)
                body = "".join(
                    (f"{dash}- " if i == 0 else f"{dash}  ") + f"{k}: {v}\n"
                    for i, (k, v) in enumerate(words.items())
                )
                probe = body
            else:
                body = "{" + ", ".join(f"{k}: {v}" for k, v in words.items()) + "}\n"
                probe = "- " + body
            check = yamlloc.parse(probe, "<snippet>")
            ok = not any(d.code == "ML001" for d in check.diagnostics)
            data = check.data
            if ok and isinstance(data, list) and len(data) == 1 and _same(data[0], expected):
                return body, True
    column = 1
    firsts = [p.key_column for k in mapping if (p := doc.index.get((*loc, k))) is not None]
    if mpos is not None and _char_at(lines, mpos) != "{" and firsts:
        column = min(firsts)
    elif mpos is not None:
        column = mpos.column + 1
    return "".join(" " * (column - 1) + line + "\n" for line in keys_only.splitlines()), False


# -- appending list items --------------------------------------------------------------


@dataclass(frozen=True)
class _Style:
    """How a block list is laid out: dash column (0-based), spaces from dash to text,
    and the same for a list nested in its items (agreements)."""

    offset: int = DEFAULT_OFFSET  # dash column minus the column of the list's key
    pad: int = DEFAULT_PAD
    nested_offset: int = DEFAULT_OFFSET
    nested_pad: int = DEFAULT_PAD


def _lookup(data: Any, loc: Loc) -> Any:
    """The node at ``loc`` in the data, or ``None`` where there is none."""
    try:
        return _get(data, loc)
    except Refusal:
        return None


def _list_style(doc: yamlloc.Document, lines: _TextLines, loc: Loc) -> tuple[int, int] | None:
    """(offset, pad) of the block list at ``loc``, if it is one with items."""
    seq = _lookup(doc.data, loc)
    pos = doc.index.get(loc)
    if not isinstance(seq, list) or not seq or pos is None or _char_at(lines, pos) != "-":
        return None
    offset = pos.column - pos.key_column
    pad = DEFAULT_PAD
    first = doc.index.get((*loc, 0))
    if first is not None and first.line == pos.line and first.column - pos.column >= 2:
        pad = first.column - pos.column
    return offset, pad


def _nested_style(doc: yamlloc.Document, lines: _TextLines, key: str) -> tuple[int, int] | None:
    """(offset, pad) of the first block list nested in an item of ``key`` (agreements)."""
    seq = doc.data.get(key) if isinstance(doc.data, dict) else None
    if not isinstance(seq, list):
        return None
    for i, item in enumerate(seq):
        if not isinstance(item, dict):
            continue
        for k, v in item.items():
            if isinstance(v, list) and (style := _list_style(doc, lines, (key, i, k))):
                return style
    return None


def _house_style(doc: yamlloc.Document, lines: _TextLines, loc: Loc) -> _Style:
    """The layout of the list at ``loc``, else of another list in the same mapping, else
    of a top-level list in the file, else the default."""
    parent = _lookup(doc.data, loc[:-1]) if len(loc) > 1 else None
    siblings = (
        [(*loc[:-1], k) for k in parent if isinstance(k, str)] if isinstance(parent, dict) else []
    )
    top = [(k,) for k in (doc.data or {}) if isinstance(k, str)]
    others = [at for at in [*siblings, *top] if at != loc]
    main = next((s for at in [loc, *others] if (s := _list_style(doc, lines, at))), None)
    keys = [at[0] for at in [loc, *others] if len(at) == 1 and isinstance(at[0], str)]
    nested = next((s for k in keys if (s := _nested_style(doc, lines, k)) is not None), None)
    offset, pad = main or (DEFAULT_OFFSET, DEFAULT_PAD)
    nested_offset, nested_pad = nested or (offset, pad)
    return _Style(offset, pad, nested_offset, nested_pad)


def render_item(item: Mapping[str, Value], dash: int, style: _Style, eol: str = "\n") -> str:
    """One list item as block YAML, its dash at column ``dash`` (0-based)."""
    content = dash + style.pad
    out = []
    for i, (key, value) in enumerate(item.items()):
        lead = " " * dash + "-" + " " * (style.pad - 1) if i == 0 else " " * content
        if isinstance(value, list):
            out.append(f"{lead}{key}:")
            dash_col = content + style.nested_offset
            nested = " " * dash_col + "-" + " " * (style.nested_pad - 1)
            for x in value:
                if isinstance(x, Mapping):  # its keys under the first, after the dash
                    out.extend(
                        (nested if i == 0 else " " * (dash_col + style.nested_pad))
                        + f"{k}: {emit(v)}"
                        for i, (k, v) in enumerate(x.items())
                    )
                else:
                    out.append(nested + emit_text(x))
        else:
            out.append(f"{lead}{key}: {emit(value)}")
    return "".join(line + eol for line in out)


def _flow_scalar(value: Scalar) -> str:
    emitted = emit(value)
    if _FLOW_UNSAFE & set(emitted) and not emitted.startswith(("'", '"')):
        emitted = "'" + emitted.replace("'", "''") + "'"
    return emitted


def _flow_value(value: ListItem) -> str:
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k}: {_flow_scalar(v)}" for k, v in value.items()) + "}"
    return _flow_scalar(value)


def flow_item(item: Mapping[str, Value]) -> str | None:
    """``item`` as one flow mapping (``{date: 2026-11-22, kind: voortgang}``) that reads
    back as exactly the item; ``None`` if it would not."""
    parts = []
    for key, value in item.items():
        if isinstance(value, list):
            parts.append(f"{key}: [" + ", ".join(_flow_value(x) for x in value) + "]")
        else:
            parts.append(f"{key}: {_flow_scalar(value)}")
    text = "{" + ", ".join(parts) + "}"
    doc = yamlloc.parse(f"- {text}\n", "<snippet>")
    wanted = {k: _as_data(v) for k, v in item.items()}
    ok = not any(d.code == "ML001" for d in doc.diagnostics)
    if ok and isinstance(doc.data, list) and len(doc.data) == 1 and _same(doc.data[0], wanted):
        return text + "\n"
    return None


def paste_snippet(edit: Append) -> str:
    """What to paste by hand under the list's key, in the default layout."""
    return f"{edit.key}:\n" + render_item(edit.item, DEFAULT_OFFSET, _Style())


def _append(text: str, edit: Append) -> str:
    snippet = paste_snippet(edit)
    doc = _parse(text)
    lines = _TextLines(text)
    loc = edit.loc
    if doc.data is None:
        raise Refusal("edit.refuse.empty", snippet=snippet)
    mapping = _get(doc.data, loc) if loc else doc.data
    mpos = doc.index.get(loc)
    if not isinstance(mapping, dict) or mpos is None or _char_at(lines, mpos) == "{":
        if not loc:
            raise Refusal("edit.refuse.root", snippet=snippet)
        key = "edit.refuse.not_mapping" if not isinstance(mapping, dict) else "edit.refuse.flow"
        raise Refusal(key, snippet, loc=loc, where=_where(loc))
    expected = _plain_copy(doc.data)
    target = _get(expected, loc)
    item = {k: _as_data(v) for k, v in edit.item.items()}
    list_loc = (*loc, edit.key)
    style = _house_style(doc, lines, list_loc)
    current = mapping.get(edit.key)
    pos = doc.index.get(list_loc)

    if edit.key not in mapping:
        target[edit.key] = [item]
        if loc:
            new = _append_new_nested_key(text, doc, lines, edit, style, mapping)
        else:
            new = _append_new_key(text, doc, lines, edit, style)
    elif pos is None or not pos.end_line:
        raise Refusal("edit.refuse.not_list", key=edit.key, snippet=snippet)
    elif isinstance(current, list) and current and _char_at(lines, pos) == "-":
        target[edit.key].append(item)
        new = _append_block(text, doc, lines, edit, style, pos, len(current))
    elif (current is None or current == []) and _char_at(lines, pos) not in ("-", "|", ">"):
        target[edit.key] = [item]
        new = _fill_empty(text, lines, edit, style, pos)
    elif isinstance(current, list):
        # a new item for the flow list itself, written as a flow mapping to put between
        # its brackets (block lines would not fit there)
        flow = flow_item(edit.item)
        if flow is not None:
            raise Refusal("edit.refuse.flow_list", flow, adds_item=True, key=edit.key)
        raise Refusal("edit.refuse.flow_list", key=edit.key, snippet=snippet)
    else:
        raise Refusal("edit.refuse.not_list", key=edit.key, snippet=snippet)
    _verify(new, expected, snippet)
    return new


def _end_with_comments(lines: _TextLines, pos: Position, column: int) -> int:
    """The last line of the node at ``pos``, with the comment lines after it that are
    indented deeper than ``column`` (0-based): they belong to it."""
    end_line = lines.last_line(pos)
    while end_line < lines.count:
        following = lines.line_text(end_line + 1)
        stripped = following.lstrip(" ")
        if not stripped.startswith("#") or len(following) - len(stripped) <= column:
            break
        end_line += 1
    return end_line


def _append_block(
    text: str,
    doc: yamlloc.Document,
    lines: _TextLines,
    edit: Append,
    style: _Style,
    pos: Position,
    count: int,
) -> str:
    dash = pos.column - 1
    last = doc.index[(*edit.loc, edit.key, count - 1)]
    # comments indented under the last item belong to it: keep them above the new one
    end_line = _end_with_comments(lines, last, dash)
    at, prefix = lines.after_line(end_line)
    eol = lines.eol(end_line)
    return text[:at] + prefix + render_item(edit.item, dash, style, eol) + text[at:]


def _fill_empty(text: str, lines: _TextLines, edit: Append, style: _Style, pos: Position) -> str:
    """``activities:`` / ``activities: []`` / ``activities: ~``: remove the empty value
    (keeping a comment on that line) and put the block list under the key."""
    start = lines.offset(pos.line, pos.column)
    end = lines.offset(pos.end_line, pos.end_column)
    if pos.end_line != pos.key_line:
        raise Refusal("edit.refuse.flow_list", key=edit.key, snippet=paste_snippet(edit))
    line_start = lines.starts[pos.key_line - 1]
    head = text[line_start:start].rstrip(" \t")
    rest_of_line = lines.line_text(pos.key_line)[end - line_start :]
    tail = rest_of_line if rest_of_line.strip() else ""
    if tail and not tail.startswith((" ", "\t")):
        tail = " " + tail
    new_line = head + tail
    line_end = line_start + len(lines.line_text(pos.key_line))
    text = text[:line_start] + new_line + text[line_end:]
    lines = _TextLines(text)
    at, prefix = lines.after_line(pos.key_line)
    dash = pos.key_column - 1 + style.offset
    block = render_item(edit.item, dash, style, lines.eol(pos.key_line))
    return text[:at] + prefix + block + text[at:]


def _append_new_key(
    text: str, doc: yamlloc.Document, lines: _TextLines, edit: Append, style: _Style
) -> str:
    """The list did not exist: add ``key:`` and the item at the end of the file."""
    root_keys = [p for k in doc.data if (p := doc.index.get((k,))) is not None]
    column = min((p.key_column for p in root_keys), default=1) - 1
    eol = lines.eol()
    prefix = ""
    if text and not yamlloc.LINE_BREAK.search(text[-2:]):
        prefix = eol
    if text.strip() and lines.line_text(lines.count - (0 if prefix else 1)).strip():
        prefix += eol  # a blank line before a new section, like the rest of the plan
    block = " " * column + f"{edit.key}:" + eol
    block += render_item(edit.item, column + style.offset, style, eol)
    return text + prefix + block


def _append_new_nested_key(
    text: str,
    doc: yamlloc.Document,
    lines: _TextLines,
    edit: Append,
    style: _Style,
    mapping: dict[Any, Any],
) -> str:
    """The list did not exist in a nested block mapping (``training.part_time``): add
    ``key:`` and the item after the key that precedes it in ``edit.order``, indented
    like the mapping's keys."""
    anchor = _anchor_key(doc, edit.loc, mapping, edit.key, edit.order)
    if anchor is None:
        raise Refusal("edit.refuse.flow", paste_snippet(edit), loc=edit.loc, where=_where(edit.loc))
    column = anchor.key_column - 1
    end_line = _end_with_comments(lines, anchor, column)
    at, prefix = lines.after_line(end_line)
    eol = lines.eol(end_line)
    block = " " * column + f"{edit.key}:" + eol
    block += render_item(edit.item, column + style.offset, style, eol)
    return text[:at] + prefix + block + text[at:]


# -- removing list items ---------------------------------------------------------------


def _remove_item(text: str, edit: RemoveItem) -> str:
    doc = _parse(text)
    loc = edit.loc
    seq = _get(doc.data, loc)
    key = _where(loc)
    if not isinstance(seq, list):
        raise Refusal("edit.refuse.not_list", key=key)
    _get(doc.data, (*loc, edit.index))  # an item that is not there: not found
    lines = _TextLines(text)
    lpos = doc.index.get(loc)
    if lpos is None or _char_at(lines, lpos) != "-":
        raise Refusal("edit.refuse.flow_list", key=key)
    if len(seq) == 1 and loc and isinstance(loc[-1], str):
        return _remove_key(text, loc[:-1], loc[-1])  # the key goes with its only item
    ipos = doc.index.get((*loc, edit.index))
    head = lines.line_text(ipos.line)[: ipos.column - 1] if ipos is not None else ""
    if ipos is None or head.strip(" ") != "-":  # "-" alone on a line of its own
        raise Refusal("edit.refuse.unsafe", loc=loc)
    end_line = _end_with_comments(lines, ipos, head.index("-"))
    start = lines.starts[ipos.line - 1]
    end = lines.starts[end_line] if end_line < lines.count else len(text)
    new = text[:start] + text[end:]
    expected = _plain_copy(doc.data)
    del _get(expected, loc)[edit.index]
    _verify(new, expected, "", loc)
    return new


# -- choosing an activity --------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """An activity as the user sees it in ``mlplan plan``: number, year and title."""

    number: int
    year: Any
    title: str


class NoMatch(Exception):
    """No activity matches the user's choice. ``by_number``: the choice was a number
    outside ``1 .. count``."""

    def __init__(self, query: str, count: int, by_number: bool) -> None:
        super().__init__(query)
        self.query = query
        self.count = count
        self.by_number = by_number


class NotANumber(Exception):
    """The choice is written with digits that are not 0-9 (``²``, ``٣``, ``½``): neither
    a number mlplan reads nor something a title search should guess at."""

    def __init__(self, query: str) -> None:
        super().__init__(query)
        self.query = query


class EmptyChoice(Exception):
    """The choice is empty or only spaces."""


class Ambiguous(Exception):
    """Several activities match the user's choice."""

    def __init__(self, query: str, candidates: list[Candidate]) -> None:
        super().__init__(query)
        self.query = query
        self.candidates = candidates


def candidates(activities: Sequence[Any]) -> list[Candidate]:
    out = []
    for i, item in enumerate(activities):
        if isinstance(item, dict):
            title = item.get("title")
            out.append(Candidate(i + 1, item.get("year"), title if isinstance(title, str) else ""))
        else:
            out.append(Candidate(i + 1, None, ""))
    return out


# a number as people type it: ASCII digits, perhaps a sign; more digits than any plan
# has activities are out of range without asking int() (which refuses > 4300 digits)
_NUMBER = re.compile(r"[+-]?[0-9]+")
_MAX_DIGITS = 9


def find_activity(activities: Sequence[Any], query: str) -> int:
    """The 0-based index of the activity the user means: a number as ``mlplan plan``
    shows it (1-based), or a part of its title that only one activity has (ignoring
    case). An exact title wins over titles that merely contain it.

    A number is always a number: out of range it is :class:`NoMatch` with ``by_number``,
    never a title search (``0`` must not find "360 graden feedback"). A choice made only
    of other numeric characters (``²``, ``٣``, ``½``) is :class:`NotANumber`."""
    query = query.strip()
    all_ = candidates(activities)
    if not query:
        raise EmptyChoice(query)
    if _NUMBER.fullmatch(query):
        digits = query.lstrip("+-").lstrip("0")
        number = int(query) if len(digits) <= _MAX_DIGITS else 0
        if 1 <= number <= len(all_):
            return number - 1
        raise NoMatch(query, len(all_), by_number=True)
    if query.lstrip("+-").isnumeric():
        raise NotANumber(query)
    wanted = normalise_title(query)
    if not wanted:
        raise NoMatch(query, len(all_), by_number=False)
    exact = [c for c in all_ if c.title and normalise_title(c.title) == wanted]
    if len(exact) == 1:
        return exact[0].number - 1
    found = exact or [c for c in all_ if wanted in c.title.casefold()]
    if len(found) == 1:
        return found[0].number - 1
    if found:
        raise Ambiguous(query, found)
    raise NoMatch(query, len(all_), by_number=False)
