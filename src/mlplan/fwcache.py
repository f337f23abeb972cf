"""A cache of the validated shipped framework, so a run does not pay for validating it.

Reading and validating ``framework.yaml`` (YAML, building the pydantic validators of a
dozen models, the cross-reference check) costs about a tenth of a ``mlplan check``; the
file never changes between releases. The validated :class:`~mlplan.framework.Framework`
is pickled once into the user's cache directory and unpickled (under a millisecond) by
later runs.

Safe because the key is the SHA-256 of everything the result depends on (the framework
file's bytes, the source of ``framework.py`` that defines the classes, the versions of
mlplan, pydantic and Python), so a changed file or upgrade never meets a stale entry;
and because a cache file is only read when it belongs to the user and nobody else can
write it (the directory is made 0700, the file 0600). Any problem reading or writing the
cache is ignored: the framework is then validated as usual.

``MLPLAN_CACHE_DIR`` chooses the directory (empty: no cache); the default is
``$XDG_CACHE_HOME/mlplan`` or ``~/.cache/mlplan``.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mlplan.framework import Framework

ENV_VAR = "MLPLAN_CACHE_DIR"
_FORMAT = b"mlplan-framework-cache-1"


def directory() -> Path | None:
    """Where cache files live, or ``None`` when caching is switched off."""
    chosen = os.environ.get(ENV_VAR)
    if chosen is not None:
        return Path(chosen) if chosen.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "mlplan"


def _path(raw: bytes) -> Path | None:
    where = directory()
    if where is None:
        return None
    import pydantic

    from mlplan import __version__, framework

    digest = hashlib.sha256(_FORMAT)
    try:
        source = Path(framework.__file__).read_bytes()
    except OSError:
        return None  # no source to key on: do not guess
    for part in (
        raw,
        source,
        __version__.encode(),
        pydantic.VERSION.encode(),
        sys.version.encode(),
    ):
        digest.update(len(part).to_bytes(8, "big") + part)
    return where / f"framework-{digest.hexdigest()[:40]}.pickle"


def _trusted(path: Path) -> bool:
    """The file is ours and only we can write it (else someone could plant a pickle)."""
    info = path.lstat()
    if not stat.S_ISREG(info.st_mode) or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return False
    return not hasattr(os, "getuid") or info.st_uid == os.getuid()


def load(raw: bytes) -> Framework | None:
    """The validated framework for these file bytes, if a trusted cache entry exists."""
    try:
        path = _path(raw)
        if path is None or not _trusted(path):
            return None
        import pickle

        from mlplan.framework import Framework

        found = pickle.loads(path.read_bytes())
    except Exception:  # a missing, partial or foreign file: validate as usual
        return None
    return found if isinstance(found, Framework) else None


def store(raw: bytes, fw: Framework) -> None:
    """Remember the validated framework for these bytes; never fails the command."""
    tmp = ""
    try:
        path = _path(raw)
        if path is None:
            return
        import pickle

        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".framework-", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:  # mkstemp makes it 0600
            fh.write(pickle.dumps(fw, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, path)
        tmp = ""
    except Exception:  # a read-only home, a full disk: the next run validates again
        pass
    finally:
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
