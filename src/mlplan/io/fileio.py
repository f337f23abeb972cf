"""Reading and writing files without ever losing the user's work.

:func:`read_file` is the one way mlplan reads a file (plans, frameworks, group members,
the edit commands' plan, the example): only regular files, opened so that a FIFO cannot
block, and never more than the limit plus one byte, whatever ``st_size`` says.

Writing: temp file in the same directory, write, flush, fsync, copy the old file's mode, keep
``PATH.bak`` when asked, ``os.replace``, fsync the directory. On any failure the temp
file is removed and the original is untouched. (``click.open_file(atomic=True)`` replaces
the target even when the write failed, and ``atomicwrites`` is unmaintained.)
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from mlplan.errors import InputError, WriteError
from mlplan.io.formats import replaceable

# The most mlplan reads of one file; a plan is a few kilobytes.
READ_LIMIT = 5 * 1024 * 1024
# Reads ask for the size the file says it has (and a byte more, to see its end) and then
# for this much at a time: os.read allocates what it is asked for, and a megabyte per read
# of a 3 kB plan was half the time of reading a group's files.
_CHUNK = 1 << 16
# O_NONBLOCK: opening a FIFO for reading waits for a writer otherwise (forever). It has no
# effect on reading a regular file, the only kind read on.
_READ_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def read_file(path: Path, display: str | None = None, *, limit: int = READ_LIMIT) -> bytes:
    """The bytes of the regular file at ``path``: at most ``limit + 1`` of them, so a
    result longer than ``limit`` means the file is larger (and was not read further).

    Raises :class:`InputError` naming the file as ``display`` (default: the path) when it
    cannot be read: missing, a directory, no permission, a symlink loop, or not a regular
    file (a FIFO, a device such as ``/dev/zero``, a socket), which is refused before a
    single byte is read.
    """
    name = display or str(path)
    try:
        fd = os.open(path, _READ_FLAGS)
    except FileNotFoundError:
        raise InputError("error.file_not_found", path=name) from None
    except IsADirectoryError:
        raise InputError("error.is_directory", path=name) from None
    except PermissionError:
        raise InputError("error.permission_denied", path=name) from None
    except OSError as exc:
        raise InputError("error.cannot_read", path=name, reason=exc.strerror or str(exc)) from None
    try:
        info = os.fstat(fd)  # of what was opened, not of what the name is now
        if stat.S_ISDIR(info.st_mode):
            raise InputError("error.is_directory", path=name)
        if not stat.S_ISREG(info.st_mode):
            raise InputError("error.not_regular", path=name)
        chunks: list[bytes] = []
        left = limit + 1
        want = info.st_size + 1 if info.st_size else _CHUNK  # st_size is only a hint
        while left > 0:
            chunk = os.read(fd, min(left, want))
            want = _CHUNK
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise InputError("error.cannot_read", path=name, reason=exc.strerror or str(exc)) from None
    finally:
        os.close(fd)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# How long an edit waits for another edit of the same plan to finish before it gives up.
LOCK_TIMEOUT = 10.0
_held: dict[str, tuple[int, int]] = {}  # lock file -> (fd, depth): re-entrant per process


def lock_path(path: Path) -> Path:
    """``PATH.lock`` beside the file the name leads to (so two links share one lock)."""
    real = Path(os.path.realpath(path))
    return real.with_name(real.name + ".lock")


@contextlib.contextmanager
def plan_lock(path: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold an OS lock on ``PATH.lock`` for a whole read-modify-write of ``path``.

    Waits up to ``timeout`` seconds (default :data:`LOCK_TIMEOUT`) for another mlplan
    process to finish, then refuses with :class:`WriteError`. Re-entrant within a process.
    The lock file exists only while the lock is held.
    """
    lock = str(lock_path(path))
    if lock in _held:
        fd, depth = _held[lock]
        _held[lock] = (fd, depth + 1)
        try:
            yield
        finally:
            fd, depth = _held[lock]
            _held[lock] = (fd, depth - 1)
        return
    _refuse_unplanlike(path)
    import time

    deadline = time.monotonic() + (LOCK_TIMEOUT if timeout is None else timeout)
    fd = _lock_fd(lock, path, deadline)
    _held[lock] = (fd, 1)
    try:
        yield
    finally:
        del _held[lock]
        # removed while still held: whoever opened this file meanwhile sees it is gone
        # (another inode at the name, or none) once it gets the lock, and tries again
        with contextlib.suppress(OSError):
            os.unlink(lock)
        os.close(fd)  # closing the descriptor releases the lock


def _refuse_unplanlike(path: Path) -> None:
    """A plan is a regular file (or not there yet): for a FIFO, a device or a link to one
    no ``PATH.lock`` is made beside it (``/dev/zero.lock``), and nothing is read."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # missing (a new plan), or a loop: the read or the write says so
    if stat.S_ISDIR(mode):
        raise InputError("error.is_directory", path=str(path))
    if not stat.S_ISREG(mode):
        raise InputError("error.not_regular", path=str(path))


def _lock_fd(lock: str, path: Path, deadline: float) -> int:
    """A descriptor of ``lock`` holding its lock, the file still at that name."""
    while True:
        try:
            # O_NOFOLLOW: a link planted at PATH.lock never makes mlplan create a file
            # elsewhere
            fd = os.open(lock, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
        except OSError as exc:
            raise WriteError(
                "write.failed", path=str(path), reason=exc.strerror or str(exc)
            ) from None
        try:
            _acquire(fd, lock, path, deadline)
            try:
                same = os.path.samestat(os.fstat(fd), os.lstat(lock))
            except FileNotFoundError:
                same = False
        except BaseException:
            os.close(fd)
            raise
        if same:
            return fd
        os.close(fd)


def _acquire(fd: int, lock: str, path: Path, deadline: float) -> None:
    import time

    while True:
        try:
            if os.name == "nt":  # pragma: no cover - Windows
                import msvcrt

                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK, errno.EDEADLK):
                raise WriteError(
                    "write.failed", path=str(path), reason=exc.strerror or str(exc)
                ) from None
        if time.monotonic() >= deadline:
            raise WriteError("write.locked", path=str(path), lock=lock, seconds=round(LOCK_TIMEOUT))
        time.sleep(0.02)


def atomic_write(
    path: Path, text: str | bytes, *, backup: bool = False, expected_digest: str | None = None
) -> None:
    """Replace ``path`` with ``text`` (UTF-8; bytes as they are) atomically.

    ``backup`` keeps the previous version as ``PATH.bak`` (itself written atomically: a
    link there is replaced, never followed). ``expected_digest`` aborts the write if the
    file on disk no longer has that SHA-256; the check and the replace happen under
    :func:`plan_lock`. A symlink is written through: its target is replaced and the link
    stays. A read-only file is never replaced. The owner, group and mode are kept where
    the system permits. A target that is not a regular file (a device, a FIFO,
    ``/dev/stdout``) is written to directly, never renamed over.
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    if expected_digest is not None or backup:
        with plan_lock(path):
            _write(path, data, backup, expected_digest)
    else:
        _write(path, data, backup, expected_digest)


def _write(link: Path, data: bytes, backup: bool, expected_digest: str | None) -> None:
    path = Path(os.path.realpath(link)) if link.is_symlink() else link
    directory = path.parent if str(path.parent) else Path(".")
    fd = -1
    tmps: list[str] = []
    try:
        if path.is_symlink():  # realpath stops inside a symlink loop
            raise OSError(errno.ELOOP, os.strerror(errno.ELOOP))
        try:
            st: os.stat_result | None = os.stat(link)
        except FileNotFoundError:
            st = None
        if st is not None and not stat.S_ISREG(st.st_mode):
            if stat.S_ISDIR(st.st_mode):
                raise WriteError("error.is_directory", path=str(link))
            if backup or expected_digest is not None:  # a plan is a regular file
                raise WriteError("write.not_regular", path=str(link))
            _write_direct(link, data)
            return
        if st is not None and not _writable(path):
            raise WriteError("write.read_only", path=str(link))
        current = b""
        if st is not None and (expected_digest is not None or backup):
            try:
                current = read_file(path, str(link))
            except InputError as exc:
                raise WriteError(exc.key, **exc.params) from None
            if len(current) > READ_LIMIT:  # a backup holds the whole file or is not made
                raise WriteError("write.too_large", path=str(link), mb=READ_LIMIT // 2**20)
        if expected_digest is not None and digest(current) != expected_digest:
            raise WriteError("write.changed_on_disk", path=str(path))
        bak = link.with_name(link.name + ".bak")  # next to the name the user gave
        if backup and st is not None:
            _check_backup(bak, path)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
        tmps.append(tmp)
        fd, owned = -1, fd  # _fill closes it
        _fill(owned, data)
        if st is not None:
            _copy_owner(tmp, st)
            if backup:
                bfd, btmp = tempfile.mkstemp(
                    prefix=f".{bak.name}.",
                    suffix=".tmp",
                    dir=bak.parent if str(bak.parent) else ".",
                )
                tmps.append(btmp)
                _fill(bfd, current)
                _copy_owner(btmp, st)
                os.replace(btmp, bak)  # replaces a link at PATH.bak, never follows it
                tmps.remove(btmp)
        else:
            # mkstemp creates 0600; a new plan should get the usual mode under the umask
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
        tmps.remove(tmp)
        _fsync_dir(directory)
    except WriteError:
        raise
    except OSError as exc:
        raise WriteError("write.failed", path=str(link), reason=exc.strerror or str(exc)) from None
    finally:
        if fd >= 0:
            os.close(fd)
        for tmp in tmps:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _fill(fd: int, data: bytes) -> None:
    """Write ``data`` to the new file ``fd`` (and close it), flushed to the disk."""
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def _copy_owner(tmp: str, st: os.stat_result) -> None:
    """Give the new file the old one's mode, and its owner and group where permitted
    (root may; others may keep a group they belong to)."""
    if hasattr(os, "chown"):
        try:
            os.chown(tmp, st.st_uid, st.st_gid)
        except OSError:
            with contextlib.suppress(OSError):
                os.chown(tmp, -1, st.st_gid)
    os.chmod(tmp, stat.S_IMODE(st.st_mode))


def _check_backup(bak: Path, plan: Path) -> None:
    """Refuse a ``PATH.bak`` that is a directory or the plan itself (a link to it)."""
    try:
        bst = os.lstat(bak)
    except FileNotFoundError:
        return
    if stat.S_ISDIR(bst.st_mode):
        raise WriteError("write.backup_not_file", path=str(bak))
    with contextlib.suppress(OSError):
        if os.path.samefile(bak, plan):
            raise WriteError("write.backup_is_plan", path=str(bak))


def _write_direct(path: Path, data: bytes) -> None:
    """Write to a device, FIFO or ``/dev/stdout``: opened as it is, never created or renamed."""
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)


def looks_like_plan(path: Path) -> bool:
    """Whether an existing file starts like a plan: top-level ``aios:`` and ``training:``
    or ``activities:`` keys in its first 64 KB."""
    try:
        head = read_file(path, limit=65536)
    except InputError:
        return False
    keys = {line.split(b":", 1)[0].strip() for line in head.splitlines() if b":" in line}
    return b"aios" in keys and bool({b"training", b"activities"} & keys)


def write_output(path: Path, data: str | bytes, fmt: str, *, force: bool) -> None:
    """Write an ``--output`` file: the one writer for every command's ``--output``.

    An existing regular file is replaced only when its name has an extension of ``fmt``
    (``formats.replaceable``) and it does not look like a plan, or with ``force``. Anything else (``bram.yaml``,
    ``notes.docx``) is refused: it is not a file mlplan wrote for this output. Through a
    symbolic link, the name that counts is the target's, whose bytes would be replaced.
    """
    try:
        st: os.stat_result | None = os.stat(path)
    except OSError:
        st = None
    if st is not None and stat.S_ISREG(st.st_mode) and not force:
        if looks_like_plan(path):
            raise WriteError("write.output_is_plan", path=str(path))
        replaced = Path(os.path.realpath(path))
        if replaced.suffix.lower() not in replaceable(fmt):
            raise WriteError("write.output_exists", path=str(path))
    atomic_write(path, data)


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
