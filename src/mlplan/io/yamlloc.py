"""YAML with locations: the one module that reads YAML for mlplan.

It builds plain Python data *and* an index from every path (``("activities", 0,
"topic")``) to the line and column of its key and value, then validates the data with a
pydantic model and turns every problem into a :class:`Diagnostic` at the right place.

We compose from libyaml's event stream ourselves instead of calling ``yaml.compose``:
libyaml's recursive composer crashes the interpreter on deeply nested input, and one
iterative pass lets us catch duplicate keys, cap nesting and alias expansion ("billion
laughs"), refuse non-standard tags and keep dates as strings (pydantic parses them, so a
bad date is reported at its line) without walking the tree twice.
"""

from __future__ import annotations

import bisect
import re
import types
import typing
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Generic, NamedTuple, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from mlplan.io import fileio
from mlplan.model.diagnostics import Diagnostic
from mlplan.model.fields import Loc
from mlplan.suggest import closest

MAX_BYTES = fileio.READ_LIMIT
MAX_DEPTH = 64
MAX_NODES = 200_000  # counted with aliases expanded, so an alias bomb stops early


_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# Numbers are decimal, as people write them (and as in YAML 1.2): YAML 1.1's hex, octal,
# binary, ``1_000`` and sexagesimal ``1:30`` forms hide typos (``year: 010`` is 8 to
# PyYAML, ``year: 0x1`` is 1). Plain text in those forms is text, so a number field
# reports it; a tagged value in them is not a number (``!!int 0x1F`` is a finding).
_INT_TEXT = re.compile(r"[-+]?[0-9]+")
_FLOAT_TEXT = re.compile(
    r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)
# a plain scalar is a float only with a point in it (``5`` is an int, ``1e3`` text, as in
# YAML 1.1)
_IMPLICIT_FLOAT = re.compile(
    r"^(?:[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"


class _Loader(_BaseLoader):  # type: ignore[misc]
    """Safe loader for plain YAML: dates stay strings, numbers are decimal only."""

    def construct_decimal_int(self, node: yaml.ScalarNode) -> int:
        if not _INT_TEXT.fullmatch(node.value):
            raise ValueError(node.value)
        return int(node.value)  # base 10: ``010`` is ten

    def construct_decimal_float(self, node: yaml.ScalarNode) -> float:
        if not _FLOAT_TEXT.fullmatch(node.value):
            raise ValueError(node.value)
        return float(self.construct_yaml_float(node))


_Loader.add_constructor(_INT, _Loader.construct_decimal_int)
_Loader.add_constructor(_FLOAT, _Loader.construct_decimal_float)

# the safe loader's implicit types but timestamps (dates stay strings), YAML 1.1's
# ``=`` value and ``!``/``&``/``*`` yaml types (they are text), with decimal numbers
_DROPPED = {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:value", "tag:yaml.org,2002:yaml"}
_Loader.yaml_implicit_resolvers = {}
for _first, _resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items():
    for _tag, _rx in _resolvers:
        if _tag in _DROPPED:
            continue
        if _tag == _INT:
            _rx = re.compile(r"^[-+]?[0-9]+$")
        elif _tag == _FLOAT:
            _rx = _IMPLICIT_FLOAT
        _Loader.yaml_implicit_resolvers.setdefault(_first, []).append((_tag, _rx))

_SCALAR_TAGS = {
    "tag:yaml.org,2002:str": "construct_yaml_str",
    _INT: "construct_decimal_int",
    _FLOAT: "construct_decimal_float",
    "tag:yaml.org,2002:bool": "construct_yaml_bool",
    "tag:yaml.org,2002:null": "construct_yaml_null",
}
_MERGE_TAG = "tag:yaml.org,2002:merge"
_NULL_TAG = "tag:yaml.org,2002:null"
_NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})  # YAML 1.1's null forms
_STANDARD = "tag:yaml.org,2002:"
_STR_TAG = "tag:yaml.org,2002:str"
# First characters that may start an implicitly typed plain scalar (int, bool, null, …);
# the loader has no wildcard (``None``) resolver, so any other first character means text.
_IMPLICIT_FIRST = frozenset(k for k in _Loader.yaml_implicit_resolvers if k)
_RESOLVED: dict[str, str] = {}
_SEQ_TAG = "tag:yaml.org,2002:seq"
# The composer takes the common events (text, decimal integers, collections opened and
# closed in place) inline rather than through its general methods, a third of its time
# for a plan; ``False`` sends every event through them (the tests compare the two).
INLINE = True
_MAP_TAG = "tag:yaml.org,2002:map"


class Position(NamedTuple):
    """1-based positions of a mapping entry's key (if any) and of its value.

    ``end_line``/``end_column`` mark where the value's text ends (the column just past
    its last character; for a block collection, the end of its last child), so the edit
    commands can splice text at a node. 0 means unknown (aliases, merged keys).

    Immutable; a named tuple, not a frozen dataclass, because every ``check`` defines it
    while it starts (a dataclass costs about 0.5 ms to define, a named tuple a tenth).
    """

    line: int
    column: int
    key_line: int
    key_column: int
    end_line: int = 0
    end_column: int = 0


_TOP = object()  # a "key mark" meaning the top of the file (the document has no key)


class PositionIndex(Mapping[Loc, Position]):
    """Where each path of the document sits.

    The composer stores libyaml's marks as they come and a :class:`Position` is worked out
    only when asked for: a plan has hundreds of nodes, and only the few that a finding or
    an edit points at are ever looked up (this halves the time to read a group of plans).
    """

    __slots__ = ("_lines", "_raw")

    def __init__(self, lines: _MarkPositions | None = None) -> None:
        self._lines = lines
        self._raw: dict[Loc, tuple[Any, Any, Any]] = {}  # loc -> value, key, end marks

    def __getitem__(self, loc: Loc) -> Position:
        mark, key_mark, end = self._raw[loc]
        at = self._lines
        assert at is not None  # entries exist only when a composer made them
        line, column = at(mark)
        if key_mark is _TOP:
            key_line, key_column = 1, 1
        elif key_mark is None:
            key_line, key_column = line, column
        else:
            key_line, key_column = at(key_mark)
        end_line, end_column = at(end) if end is not None else (0, 0)
        return Position(line, column, key_line, key_column, end_line, end_column)

    def __contains__(self, loc: object) -> bool:
        return loc in self._raw

    def __iter__(self) -> Iterator[Loc]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def put(self, loc: Loc, mark: Any, key_mark: Any = None, end: Any = None) -> None:
        self._raw[loc] = (mark, key_mark, end)

    def set_end(self, loc: Loc, end: Any) -> None:
        found = self._raw.get(loc)
        if found is not None:
            self._raw[loc] = (found[0], found[1], end)


class Document:
    """A parsed YAML file: its data, where each path sits, and what went wrong.

    A plain class (the reader fills it in as it goes), not a dataclass: every ``check``
    defines it while it starts, and a dataclass costs about 0.3 ms to define."""

    __slots__ = ("data", "diagnostics", "index", "path", "text")

    def __init__(
        self,
        path: str,
        text: str,
        data: Any = None,
        index: PositionIndex | None = None,
        diagnostics: list[Diagnostic] | None = None,
    ) -> None:
        self.path = path
        self.text = text
        self.data = data
        self.index = PositionIndex() if index is None else index
        self.diagnostics = [] if diagnostics is None else diagnostics

    def position(self, loc: Iterable[str | int], *, key: bool = False) -> tuple[int, int]:
        """Line and column of the deepest indexed node along ``loc`` (line 1 if none)."""
        # the index's own marks, and only the one asked for worked out (not the whole
        # Position): every finding of every plan of a group comes here
        raw = self.index._raw
        best: Loc | None = () if () in raw else None
        current: Loc = ()
        for segment in loc:
            candidate = (*current, segment)
            if candidate in raw:
                current = best = candidate
            # segments that are not in the file (pydantic union tags, missing keys) are skipped
        if best is None:
            return 1, 1
        mark, key_mark, _ = raw[best]
        at = self.index._lines
        assert at is not None  # entries exist only when a composer made them
        if key and key_mark is _TOP:
            return 1, 1
        return at(key_mark if key and key_mark is not None else mark)

    def diagnostic(
        self,
        loc: Iterable[str | int],
        code: str,
        msg_id: str,
        /,
        *,
        at_key: bool = False,
        **params: Any,
    ) -> Diagnostic:
        line, column = self.position(loc, key=at_key)
        return Diagnostic(self.path, line, column, code, msg_id, params)


class _Stop(Exception):
    """Abort composing; the diagnostic is already recorded."""


def read_bytes(path: Path, display: str | None = None) -> bytes:
    """The file's bytes, at most :data:`MAX_BYTES` + 1 (more means too large, which
    :func:`decode` reports); see :func:`mlplan.io.fileio.read_file`.

    A file that cannot be read at all (missing, a directory, no permission, not a regular
    file) raises :class:`InputError` with the path as the user typed it.
    """
    return fileio.read_file(path, display, limit=MAX_BYTES)


def read_text(path: Path, display: str | None = None) -> tuple[str | None, Diagnostic | None]:
    """Read a file as UTF-8 text (BOM allowed), refusing huge or non-text files.

    A file that cannot be opened at all raises :class:`InputError`; content that is not
    usable text comes back as an ML001 diagnostic so a linter run can report it per file.
    """
    name = display or str(path)
    return decode(read_bytes(path, name), name)


def decode(raw: bytes, name: str) -> tuple[str | None, Diagnostic | None]:
    if len(raw) > MAX_BYTES:
        return None, Diagnostic(name, 1, 1, "ML001", "yaml.too_large", {"mb": MAX_BYTES // 2**20})
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        byte = raw[exc.start : exc.start + 1].hex()
        return None, Diagnostic(name, line, column, "ML001", "yaml.not_utf8", {"byte": byte})


def parse(text: str, path: str) -> Document:
    """Parse YAML text into a :class:`Document`; problems become ML001 diagnostics."""
    doc = Document(path=path, text=text)
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        doc.diagnostics.append(Diagnostic(path, line, 1, "ML001", "yaml.binary", {}))
        return doc
    composer = _Composer(doc)
    try:
        composer.run()
    except _Stop:
        pass
    except yaml.MarkedYAMLError as exc:
        if _LIBYAML_TOO_DEEP in (exc.problem or ""):
            line, column = composer.too_deep_at()
            doc.diagnostics.append(
                Diagnostic(path, line, column, "ML001", "yaml.too_deep", {"depth": MAX_DEPTH})
            )
            doc.data = None
            return doc
        mark = exc.problem_mark or exc.context_mark
        line, column = _MarkPositions(text)(mark) if mark else (1, 1)
        doc.diagnostics.append(Diagnostic(path, line, column, "ML001", *_explain(exc, text)))
        doc.data = None
    except yaml.YAMLError as exc:  # e.g. a reader error on a control character
        offset = getattr(exc, "position", 0) or 0
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        doc.diagnostics.append(Diagnostic(path, line, column, "ML001", "yaml.control_char", {}))
        doc.data = None
    return doc


def load(path: Path, display: str | None = None) -> Document:
    """Read and parse a file. Raises :class:`InputError` only when it cannot be opened."""
    name = display or str(path)
    text, problem = read_text(path, name)
    if text is None:
        assert problem is not None
        return Document(path=name, text="", diagnostics=[problem])
    return parse(text, name)


# libyaml (from PyYAML 6.0.4) caps flow nesting at about 1,000 levels *while scanning
# ahead*, before the composer has seen the 65th level; see _Composer.too_deep_at.
_LIBYAML_TOO_DEEP = "exceeded maximum nesting depth"

# Known libyaml problems, explained in the user's language; others keep libyaml's words.
_PROBLEMS = (
    ("mapping values are not allowed", "yaml.mapping_values"),
    ("found undefined alias", "yaml.undefined_alias"),
    ("found unexpected end of stream", "yaml.unexpected_end"),
    ("could not find expected ':'", "yaml.expected_colon"),
    ("did not find expected key", "yaml.expected_key"),
    ("did not find expected '-' indicator", "yaml.expected_dash"),
    ("found duplicate anchor", "yaml.duplicate_anchor"),
    ("that cannot start any token", "yaml.reserved_char"),
    ("unknown escape character", "yaml.bad_escape"),
    ("expected hexdecimal number", "yaml.bad_escape"),
    ("did not find expected ',' or", "yaml.unclosed_flow"),
    ("did not find expected node content", "yaml.unclosed_flow"),
)


def _explain(exc: yaml.MarkedYAMLError, text: str) -> tuple[str, dict[str, Any]]:
    problem = exc.problem or ""
    mark = exc.problem_mark
    at_tab = mark is not None and text[mark.index : mark.index + 1] == "\t"
    if at_tab or "\t" in problem or "tab character" in problem:
        return "yaml.tab", {}
    for needle, key in _PROBLEMS:
        if needle in problem:
            return key, {}
    return "yaml.syntax", {"detail": problem or str(exc).splitlines()[0]}


# A line break as editors, grep -n and every finding count lines: LF, CRLF or a lone CR,
# never NEL, LS or PS (which libyaml also breaks at). The one definition; editing uses it.
LINE_BREAK = re.compile(r"\r\n|[\r\n]")


class _MarkPositions:
    """1-based line and column of a libyaml mark, counting lines as editors do.

    libyaml also breaks lines at NEL, LS and PS (U+0085, U+2028, U+2029), which editors
    and ``grep -n`` show inside a line; in a text holding one, positions are recomputed
    from the mark's character index. Other texts take libyaml's numbers as they are.
    """

    __slots__ = ("end", "starts")

    def __init__(self, text: str) -> None:
        self.starts: list[int] | None = None
        if "\x85" in text or "\u2028" in text or "\u2029" in text:
            self.starts = [0, *(m.end() for m in LINE_BREAK.finditer(text))]
        # libyaml puts "end of stream" after an implied final newline: one line too far.
        # Lines end at LF, CRLF or a lone CR (old Mac files), as libyaml counts them.
        breaks = text.count("\n") + text.count("\r") - text.count("\r\n")
        last = max(text.rfind("\n"), text.rfind("\r")) + 1
        self.end = (breaks + 1, len(text) - last + 1)

    def __call__(self, mark: Any) -> tuple[int, int]:
        if self.starts is None:
            if mark.line + 1 > self.end[0]:
                return self.end
            return mark.line + 1, mark.column + 1
        row = bisect.bisect_right(self.starts, mark.index) - 1
        return row + 1, mark.index - self.starts[row] + 1


def short_tag(tag: str) -> str:
    """A tag as users write it: ``!!bool`` for ``tag:yaml.org,2002:bool``."""
    return "!!" + tag.removeprefix(_STANDARD) if tag.startswith(_STANDARD) else tag


class _Frame:
    __slots__ = ("anchor", "container", "first", "flow", "key", "last_end", "loc", "pending_key")

    def __init__(
        self, container: Any, loc: Loc, anchor: str | None, flow: bool, first: int
    ) -> None:
        self.container = container
        self.loc = loc
        self.anchor = anchor
        self.flow = flow
        self.pending_key: tuple[Any, Any] | None = None
        self.key: Any = None
        # the composer's node count before this collection: its size (nodes, aliases
        # expanded) is the count at its end minus this, kept by no step in between
        self.first = first
        self.last_end: Any = None  # end mark of the latest child, for block collections


class _Composer:
    """Turns libyaml events into Python data plus a location index, iteratively."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.loader = _Loader(doc.text)
        self.at = _MarkPositions(doc.text)
        doc.index = PositionIndex(self.at)
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.stack: list[_Frame] = []
        self.nodes = 0
        self.documents = 0
        # where the latest collection started, and the depth after it (for too_deep_at)
        self.last_open: tuple[int, int] = (0, 0)

    def fail(self, mark: Any | None, key: str, **params: Any) -> typing.NoReturn:
        line, column = self.at(mark) if mark else (1, 1)
        self.doc.diagnostics.append(Diagnostic(self.doc.path, line, column, "ML001", key, params))
        self.doc.data = None
        raise _Stop

    def run(self) -> None:
        loader = self.loader
        check, get = loader.check_event, loader.get_event
        scalar, event, scalar_event = self.scalar, self.event, yaml.ScalarEvent
        map_start, seq_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
        map_end, seq_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
        stack, raw = self.stack, self.doc.index._raw
        str_tag, int_tag, implicit_first, resolved = _STR_TAG, _INT, _IMPLICIT_FIRST, _RESOLVED
        max_nodes = MAX_NODES
        try:
            if not INLINE:  # the general methods alone, for the tests to compare with
                while check():
                    event(get())
                return
            # ``get`` alone (None after the stream's end): half the calls into libyaml
            while (ev := get()) is not None:
                kind = type(ev)
                if kind is not scalar_event:
                    if kind is map_start or kind is seq_start:
                        if not self._opened(ev, kind is map_start):
                            event(ev)
                    elif kind is map_end or kind is seq_end:
                        if not self._closed(ev):
                            event(ev)
                    else:
                        event(ev)
                    continue
                # The common case inline: untagged text or a decimal integer without an
                # anchor as a key, a mapping value or a list item. The same as ``scalar``
                # would do, without its calls (a plan is mostly this); anything else takes
                # ``scalar``.
                text = ev.value
                if ev.tag is not None or ev.anchor is not None or not stack:
                    scalar(ev)
                    continue
                value: Any = text
                if ev.implicit[0] and not (text and text[0] not in implicit_first):
                    tag = resolved.get(text)
                    if tag == int_tag:  # as construct_decimal_int: the resolver's form
                        value = int(text)
                    elif tag != str_tag:  # a float, bool, null, not yet seen
                        scalar(ev)
                        continue
                nodes = self.nodes + 1
                top = stack[-1]
                container = top.container
                if nodes > max_nodes:
                    scalar(ev)
                    continue
                end = ev.end_mark
                if type(container) is dict:
                    pending = top.pending_key
                    if pending is None:  # a key
                        top.pending_key = (value, ev.start_mark)
                    else:
                        key = pending[0]
                        if type(key) is not str or key in container:
                            scalar(ev)  # a merge or a duplicate key
                            continue
                        top.pending_key = None
                        raw[(*top.loc, key)] = (ev.start_mark, pending[1], end)
                        container[key] = value
                else:
                    raw[(*top.loc, len(container))] = (ev.start_mark, None, end)
                    container.append(value)
                self.nodes = nodes
                top.last_end = end
        finally:
            loader.dispose()

    def _opened(self, ev: yaml.MappingStartEvent | yaml.SequenceStartEvent, is_map: bool) -> bool:
        """:meth:`start` for the common case (an untagged collection as a mapping's
        value under a text key, or as a list item), with none of its checks that can
        fail; ``False`` (nothing done) for anything else, which :meth:`start` takes."""
        stack = self.stack
        if ev.tag is not None or not stack or len(stack) >= MAX_DEPTH or self.nodes >= MAX_NODES:
            return False
        top = stack[-1]
        container = top.container
        if type(container) is list:
            loc = (*top.loc, len(container))
            key_mark = None
        else:
            pending = top.pending_key
            if pending is None or type(pending[0]) is not str:
                return False
            loc = (*top.loc, pending[0])
            key_mark = pending[1]
        self.nodes += 1
        self.doc.index._raw[loc] = (ev.start_mark, key_mark, None)
        stack.append(
            _Frame({} if is_map else [], loc, ev.anchor, bool(ev.flow_style), self.nodes - 1)
        )
        if ev.end_mark is not None:
            self.last_open = (ev.end_mark.index, len(stack))
        return True

    def _closed(self, ev: yaml.MappingEndEvent | yaml.SequenceEndEvent) -> bool:
        """:meth:`end` for a collection without an anchor that goes into a list or under
        a new text key; ``False`` (nothing done) for anything else."""
        stack = self.stack
        if len(stack) < 2 or stack[-1].anchor:
            return False
        frame, top = stack[-1], stack[-2]
        container = top.container
        is_list = type(container) is list
        key = None
        if not is_list:
            pending = top.pending_key
            if pending is None or type(pending[0]) is not str or pending[0] in container:
                return False
            key = pending[0]
        stack.pop()
        end: Any = ev.end_mark if frame.flow or frame.last_end is None else frame.last_end
        raw = self.doc.index._raw
        found = raw.get(frame.loc)
        if found is not None:
            raw[frame.loc] = (found[0], found[1], end)
        if end is not None:
            top.last_end = end
        if is_list:
            container.append(frame.container)
        else:
            top.pending_key = None
            container[key] = frame.container
        return True

    def event(self, ev: yaml.Event) -> None:
        if isinstance(ev, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.fail(ev.start_mark, "yaml.multiple_documents")
        elif isinstance(ev, yaml.ScalarEvent):
            self.scalar(ev)
        elif isinstance(ev, yaml.AliasEvent):
            self.alias(ev)
        elif isinstance(ev, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            self.start(ev)
        elif isinstance(ev, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            self.end(ev)

    def too_deep_at(self) -> tuple[int, int]:
        """Line and column of the bracket that opens level ``MAX_DEPTH + 1``.

        Used when libyaml refuses deep flow nesting in its look-ahead, before sending the
        events that would let :meth:`start` stop at that bracket: the text is scanned on
        from the latest collection the composer did see, counting ``[``/``{`` and their
        closers outside quoted scalars and comments. The same place the composer reports
        when libyaml lets it get there, whatever the PyYAML version.
        """
        text = self.doc.text
        offset, depth = self.last_open
        i, n = offset, len(text)
        found = -1
        while i < n:
            c = text[i]
            if c in "[{":
                depth += 1
                if depth > MAX_DEPTH:
                    found = i
                    break
            elif c in "]}":
                depth -= 1
            elif c == "#" and (i == 0 or text[i - 1] in " \t\n"):
                i = text.find("\n", i)
                if i < 0:
                    break
            elif c in "'\"" and (i == 0 or text[i - 1] in " \t\n[{,:"):
                i = _quoted_end(text, i)
            i += 1
        if found < 0:  # not found (should not happen): where libyaml stopped
            found = min(offset, n)
        line = text.count("\n", 0, found) + 1
        return line, found - (text.rfind("\n", 0, found) + 1) + 1

    # -- nodes -------------------------------------------------------------------------
    def scalar(self, ev: yaml.ScalarEvent) -> None:
        tag = ev.tag
        text = ev.value
        explicit = tag is not None and tag != "!"
        if tag is None or tag == "!":
            tag = self._resolve(text) if ev.implicit[0] else _STR_TAG
        if tag == _STR_TAG:  # most scalars of a plan: no node, no constructor call
            value: Any = text
        elif tag == _MERGE_TAG and self._expecting_key():
            value = _MergeKey()
        else:
            method = _SCALAR_TAGS.get(tag)
            if method is not None:
                value = self._construct(tag, method, text, ev, explicit)
            elif explicit:
                self.fail(ev.start_mark, "yaml.unsupported_tag", tag=short_tag(tag))
            else:  # ``<<`` where no key is expected: text
                value = text
        self.count(1, ev.start_mark)
        if ev.anchor:
            self.anchors[ev.anchor] = (value, 1)
        self.add(value, ev.start_mark, end=ev.end_mark)

    def _construct(
        self, tag: str, method: str, text: str, ev: yaml.ScalarEvent, explicit: bool
    ) -> Any:
        """The value of a scalar with a standard tag.

        PyYAML's constructors trust the text to fit the tag: ``!!bool abc`` is a
        KeyError, ``!!int ""`` an IndexError, ``!!null abc`` quietly None. A value the
        user tagged that does not fit is a finding at the node; one the resolver only
        guessed from its looks (``0x_``, ``._``) is the text it is.
        """
        try:
            if explicit and tag == _NULL_TAG and text not in _NULL_WORDS:
                raise ValueError(text)
            node = yaml.ScalarNode(tag, text, None, None, style=ev.style)  # marks unused
            return getattr(self.loader, method)(node)
        except (ValueError, KeyError, IndexError, OverflowError, yaml.YAMLError):
            if not explicit:
                return text
            self.fail(ev.start_mark, "yaml.bad_scalar", value=text[:40], tag=short_tag(tag))

    def _resolve(self, text: str) -> str:
        """The implicit tag of a plain scalar, as the loader's resolver decides it.

        Plain text whose first character starts no implicit type is a string; other
        short values (keys such as ``topic``, statuses, years) repeat across plans, so
        their tag is remembered. Together this halves the time to read a group of plans.
        """
        if text and text[0] not in _IMPLICIT_FIRST:
            return _STR_TAG
        tag = _RESOLVED.get(text)
        if tag is None:
            tag = str(self.loader.resolve(yaml.ScalarNode, text, (True, False)))
            if len(text) <= 40 and len(_RESOLVED) < 10_000:
                _RESOLVED[text] = tag
        return tag

    def alias(self, ev: yaml.AliasEvent) -> None:
        if ev.anchor not in self.anchors:
            self.fail(ev.start_mark, "yaml.undefined_alias")
        value, size = self.anchors[ev.anchor]
        self.count(size, ev.start_mark)
        self.add(value, ev.start_mark, index=False, end=ev.end_mark)

    def start(self, ev: yaml.SequenceStartEvent | yaml.MappingStartEvent) -> None:
        is_map = isinstance(ev, yaml.MappingStartEvent)
        if ev.tag not in (None, "!", _MAP_TAG if is_map else _SEQ_TAG):
            self.fail(ev.start_mark, "yaml.unsupported_tag", tag=short_tag(str(ev.tag)))
        if len(self.stack) >= MAX_DEPTH:
            self.fail(ev.start_mark, "yaml.too_deep", depth=MAX_DEPTH)
        if self._expecting_key():
            self.fail(ev.start_mark, "yaml.complex_key")
        self.count(1, ev.start_mark)
        container: Any = {} if is_map else []
        loc = self._child_loc()
        self._record(loc, ev.start_mark)
        frame = _Frame(container, loc, ev.anchor, bool(ev.flow_style), self.nodes - 1)
        self.stack.append(frame)
        if ev.end_mark is not None:  # libyaml always gives one; the types allow None
            self.last_open = (ev.end_mark.index, len(self.stack))

    def end(self, ev: yaml.SequenceEndEvent | yaml.MappingEndEvent) -> None:
        frame = self.stack.pop()
        if frame.anchor:
            self.anchors[frame.anchor] = (frame.container, self.nodes - frame.first)
        # a block collection's end event sits at the next token, past any comments and
        # blank lines; its text really ends where its last child ends
        end: Any = ev.end_mark if frame.flow or frame.last_end is None else frame.last_end
        self.doc.index.set_end(frame.loc, end)
        self.add(frame.container, None, index=False, end=end)

    # -- plumbing ----------------------------------------------------------------------
    def count(self, size: int, mark: Any) -> None:
        self.nodes += size
        if self.nodes > MAX_NODES:
            self.fail(mark, "yaml.too_many_nodes", limit=MAX_NODES)

    def _expecting_key(self) -> bool:
        return bool(
            self.stack
            and isinstance(self.stack[-1].container, dict)
            and self.stack[-1].pending_key is None
        )

    def _child_loc(self) -> Loc:
        if not self.stack:
            return ()
        top = self.stack[-1]
        if isinstance(top.container, list):
            return (*top.loc, len(top.container))
        assert top.pending_key is not None
        key = top.pending_key[0]
        return (*top.loc, key if isinstance(key, (str, int)) else str(key))

    def _record(
        self, loc: Loc, mark: Any, key_mark: Any | None = None, end: Any | None = None
    ) -> None:
        if key_mark is None and self.stack and self.stack[-1].pending_key is not None:
            key_mark = self.stack[-1].pending_key[1]
        if key_mark is None and not loc:  # the document has no key: the top of the file
            key_mark = _TOP
        self.doc.index.put(loc, mark, key_mark, end)

    def add(
        self,
        value: Any,
        mark: Any | None,
        *,
        index: bool = True,
        end: Any | None = None,
    ) -> None:
        if not self.stack:
            self.doc.data = value
            if mark is not None:
                self.doc.index.put((), mark, _TOP)
            return
        top = self.stack[-1]
        if end is not None:
            top.last_end = end
        if isinstance(top.container, list):
            if index and mark is not None:
                self._record((*top.loc, len(top.container)), mark, end=end)
            top.container.append(value)
            return
        if top.pending_key is None:  # this scalar is a key
            if mark is None:
                self.fail(None, "yaml.complex_key")
            try:
                hash(value)
            except TypeError:
                self.fail(mark, "yaml.complex_key")
            top.pending_key = (value, mark)
            return
        key, key_mark = top.pending_key
        top.pending_key = None
        if isinstance(key, _MergeKey):
            self._merge(top, value, key_mark)
            return
        if key in top.container:
            first = self.doc.index.get((*top.loc, key))
            self.doc.diagnostics.append(
                Diagnostic(
                    self.doc.path,
                    *self.at(key_mark),
                    "ML001",
                    "yaml.duplicate_key",
                    {"key": key, "first": first.key_line if first else "?"},
                )
            )
            return  # keep the first value; the file is in error anyway
        if index and mark is not None:
            self._record((*top.loc, key), mark, key_mark, end)
        elif (*top.loc, key) not in self.doc.index:
            self.doc.index.put((*top.loc, key), key_mark, key_mark)
        top.container[key] = value

    def _merge(self, top: _Frame, value: Any, mark: Any) -> None:
        sources = value if isinstance(value, list) else [value]
        for source in sources:
            if not isinstance(source, dict):
                self.fail(mark, "yaml.bad_merge")
            for k, v in source.items():
                top.container.setdefault(k, v)


def _quoted_end(text: str, start: int) -> int:
    """Index of the quote that closes the quoted scalar opening at ``start``."""
    quote = text[start]
    i = start + 1
    while i < len(text):
        c = text[i]
        if quote == '"' and c == "\\":
            i += 2
            continue
        if c == quote:
            if quote == "'" and text[i + 1 : i + 2] == "'":  # '' is an escaped quote
                i += 2
                continue
            return i
        i += 1
    return len(text)


class _MergeKey:
    """Marks a ``<<`` key (YAML 1.1 merge), applied when its value arrives."""

    def __hash__(self) -> int:
        return 0


# -- validation ------------------------------------------------------------------------

M = TypeVar("M", bound=BaseModel)


class Validated(NamedTuple, Generic[M]):
    """A document with its validated model, or ``None`` and the reasons why not (a named
    tuple, as :class:`Position`)."""

    document: Document
    model: M | None

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return self.document.diagnostics


def validate(
    doc: Document, model: type[M], *, context: dict[str, Any] | None = None
) -> Validated[M]:
    """Validate the document's data against ``model``; schema errors become ML002."""
    if doc.diagnostics and doc.data is None:
        return Validated(doc, None)
    if doc.data is None:
        doc.diagnostics.append(Diagnostic(doc.path, 1, 1, "ML002", "schema.empty", {}))
        return Validated(doc, None)
    try:
        result = model.model_validate(doc.data, context=context)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            doc.diagnostics.append(_schema_diagnostic(doc, model, error))
        return Validated(doc, None)
    except RecursionError:  # defensive: nesting is capped while composing
        doc.diagnostics.append(
            Diagnostic(doc.path, 1, 1, "ML001", "yaml.too_deep", {"depth": MAX_DEPTH})
        )
        return Validated(doc, None)
    if doc.diagnostics:  # e.g. duplicate keys: the data validated, the file is still wrong
        return Validated(doc, None)
    return Validated(doc, result)


def _schema_diagnostic(doc: Document, root: type[BaseModel], error: Any) -> Diagnostic:
    loc: Loc = tuple(error["loc"])
    kind: str = error["type"]
    # bounds print as written (years > 0, not 0.0)
    ctx: dict[str, Any] = {
        k: f"{v:g}" if isinstance(v, float) else v for k, v in (error.get("ctx") or {}).items()
    }
    value = error.get("input")
    if "at" in ctx:  # a check of a whole mapping that is about one of its keys
        loc = (*loc, ctx.pop("at"))
    field = next((str(s) for s in reversed(loc) if isinstance(s, str)), "")
    shown = _show(value)
    if not loc and kind in ("model_type", "model_attributes_type", "dict_type"):
        return doc.diagnostic((), "ML002", "schema.root_mapping", value=shown)
    if kind == "extra_forbidden":
        allowed = _fields_at(root, loc[:-1])
        key = str(loc[-1])
        hint = closest(key, allowed)
        if hint:
            return doc.diagnostic(
                loc, "ML002", "schema.unknown_key_hint", at_key=True, key=key, hint=hint
            )
        return doc.diagnostic(
            loc, "ML002", "schema.unknown_key", at_key=True, key=key, allowed=", ".join(allowed)
        )
    if kind == "missing":
        return doc.diagnostic(loc[:-1], "ML002", "schema.missing", field=field)
    if kind.startswith("mlplan."):  # our own PydanticCustomError: the type is a message id
        return doc.diagnostic(
            loc, "ML002", kind.removeprefix("mlplan."), field=field, value=shown, **ctx
        )
    found = _SCHEMA_KEYS.get(kind)
    if found is None:
        return doc.diagnostic(loc, "ML002", "schema.invalid", field=field, detail=error["msg"])
    key = found
    if kind == "literal_error" or kind == "enum":
        # pydantic writes "'a', 'b' or 'c'" in English; list the values without its "or"
        values = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        ctx["expected"] = ", ".join(values) if values else str(ctx.get("expected", ""))
    if key == "schema.expected_text" and isinstance(value, bool):
        key = "schema.expected_text_bool"
    elif key in _NUMBER_KEYS and isinstance(value, str) and _FLOAT_TEXT.fullmatch(value.strip()):
        key += "_quoted"  # '5': the quotes make it text
    return doc.diagnostic(loc, "ML002", key, field=field, value=shown, **ctx)


_SCHEMA_KEYS = {
    "string_type": "schema.expected_text",
    "string_too_short": "schema.empty_text",
    "int_type": "schema.expected_int",
    "int_parsing": "schema.expected_int",
    "int_from_float": "schema.expected_int",
    "float_type": "schema.expected_number",
    "float_parsing": "schema.expected_number",
    "bool_type": "schema.expected_bool",
    "bool_parsing": "schema.expected_bool",
    "literal_error": "schema.expected_choice",
    "enum": "schema.expected_choice",
    "greater_than": "schema.greater_than",
    "greater_than_equal": "schema.greater_equal",
    "less_than": "schema.less_than",
    "less_than_equal": "schema.less_equal",
    "too_long": "schema.too_long",
    "too_short": "schema.too_short",
    "model_type": "schema.expected_mapping",
    "model_attributes_type": "schema.expected_mapping",
    "dict_type": "schema.expected_mapping",
    "list_type": "schema.expected_list",
    "string_pattern_mismatch": "schema.pattern",
}


_NUMBER_KEYS = ("schema.expected_int", "schema.expected_number")


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, list):
        return "[…]"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _fields_at(root: type[BaseModel], loc: Loc) -> list[str]:
    """The field names of the model found at ``loc`` under ``root`` (for did-you-mean)."""
    current: Any = root
    for segment in loc:
        current = _unwrap(current, prefer_list=isinstance(segment, int))
        if isinstance(segment, int):
            args = typing.get_args(current)
            current = args[0] if args else Any
        elif isinstance(current, type) and issubclass(current, BaseModel):
            info = _keys_of(current).get(segment)
            current = info.annotation if info else Any
        else:
            return []
    current = _unwrap(current, prefer_list=False)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(_keys_of(current))
    return []


def _keys_of(model: type[BaseModel]) -> dict[str, Any]:
    """A model's fields by the key a file writes (``from`` for the field ``start``)."""
    return {info.alias or name: info for name, info in model.model_fields.items()}


def _unwrap(tp: Any, *, prefer_list: bool) -> Any:
    """Strip Optional/Annotated, keeping the list or model member of a union."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            members = [a for a in typing.get_args(tp) if a is not type(None)]
            lists = [a for a in members if typing.get_origin(a) is list]
            models = [a for a in members if isinstance(a, type) and issubclass(a, BaseModel)]
            pick = (lists if prefer_list else models) or lists or models or members
            tp = pick[0]
        else:
            return tp
