"""Writing files without ever losing the user's work.

Temp file in the same directory, write, flush, fsync, copy the old file's mode, keep
``PATH.bak`` when asked, ``os.replace``, fsync the directory. On any failure the temp
file is removed and the original is untouched. (``click.open_file(atomic=True)`` replaces
the target even when the write failed, and ``atomicwrites`` is unmaintained.)
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import shutil
import stat
import tempfile
from pathlib import Path

from mlplan.errors import WriteError


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def atomic_write(
    path: Path, text: str, *, backup: bool = False, expected_digest: str | None = None
) -> None:
    """Replace ``path`` with ``text`` (UTF-8) atomically.

    ``backup`` keeps the previous version as ``PATH.bak``. ``expected_digest`` aborts the
    write if the file on disk no longer has that SHA-256 (an editor saved in between).
    A symlink is written through: its target is replaced and the link stays (replacing
    the link itself would leave the real plan behind, unchanged). A read-only file is
    never replaced: its mode says the user does not want it changed.
    """
    data = text.encode("utf-8")
    link = path
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    directory = path.parent if str(path.parent) else Path(".")
    fd = -1
    tmp = ""
    try:
        if path.is_symlink():  # realpath stops inside a symlink loop
            raise OSError(errno.ELOOP, os.strerror(errno.ELOOP))
        if path.exists() and not _writable(path):
            raise WriteError("write.read_only", path=str(link))
        if expected_digest is not None:
            try:
                current = path.read_bytes()
            except FileNotFoundError:
                current = b""
            if digest(current) != expected_digest:
                raise WriteError("write.changed_on_disk", path=str(path))
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
        with os.fdopen(fd, "wb") as fh:
            fd = -1  # owned by fh now
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if path.exists():
            os.chmod(tmp, stat.S_IMODE(path.stat().st_mode))
            if backup:
                # next to the name the user gave, where the command says it is
                shutil.copy2(path, link.with_name(link.name + ".bak"))
        else:
            # mkstemp creates 0600; a new plan should get the usual mode under the umask
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
        tmp = ""
        _fsync_dir(directory)
    except WriteError:
        raise
    except OSError as exc:
        raise WriteError("write.failed", path=str(link), reason=exc.strerror or str(exc)) from None
    finally:
        if fd >= 0:
            os.close(fd)
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _writable(path: Path) -> bool:
    """Whether the user may and wants to change ``path``: write permission, and (for root,
    whom ``access`` never refuses) a write bit set in its mode."""
    mode = path.stat().st_mode
    return os.access(path, os.W_OK) and bool(mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _fsync_dir(directory: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        dfd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
