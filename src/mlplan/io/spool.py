"""Pages kept on disk while a group is made, so memory stays flat however large it is.

A group summary prints its pages in the overview's order, which is known only when every
plan's row is in; holding 8,000 finished pages until then took about 1 GB. Instead each
process (the workers of :mod:`mlplan.io.parallel` included) appends the pages it makes to a
file of its own in a private temporary directory and hands back only where each one
stands; the caller reads them back one at a time, in whatever order it prints them.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from types import TracebackType
from typing import BinaryIO, NamedTuple


class Ref(NamedTuple):
    """Where one page stands: the spool file of the process that wrote it, and its bytes.
    A named tuple: a worker sends one back per plan, and the main process unpickles a
    slotted dataclass field by field in Python, a tuple in C."""

    name: str
    offset: int
    size: int


class Spool:
    """A private directory of append-only page files, one per process, removed on close."""

    def __init__(self) -> None:
        self._dir = tempfile.mkdtemp(prefix="mlplan-pages-")  # mode 0700: only this user
        self._writer: tuple[int, str, BinaryIO] | None = None
        self._readers: dict[str, BinaryIO] = {}

    def put(self, text: str) -> Ref:
        """Append a page to this process's file (a forked worker gets a file of its own)."""
        pid = os.getpid()
        if self._writer is None or self._writer[0] != pid:
            # unbuffered: a worker leaves by os._exit, which flushes nothing
            name = os.path.join(self._dir, f"{pid}.pages")
            self._writer = (pid, name, open(name, "ab", buffering=0))  # noqa: SIM115
        _, name, file = self._writer
        data = text.encode("utf-8", "surrogatepass")
        offset = file.seek(0, os.SEEK_END)
        file.write(data)
        return Ref(name, offset, len(data))

    def get(self, ref: Ref) -> str:
        """The page at ``ref``, read back."""
        return self.get_bytes(ref).decode("utf-8", "surrogatepass")

    def get_bytes(self, ref: Ref) -> bytes:
        """The page at ``ref`` as it was stored: UTF-8 (lone surrogates passed through),
        for a caller that copies it out without decoding it."""
        file = self._readers.get(ref.name)
        if file is None:
            file = self._readers[ref.name] = open(ref.name, "rb")  # noqa: SIM115
        file.seek(ref.offset)
        return file.read(ref.size)

    def close(self) -> None:
        for file in self._readers.values():
            file.close()
        if self._writer is not None and self._writer[0] == os.getpid():
            self._writer[2].close()
        shutil.rmtree(self._dir, ignore_errors=True)

    def __enter__(self) -> Spool:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
