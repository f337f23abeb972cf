"""Reading the framework and a plan from their files into the models, with every problem
as a finding at its place (through :mod:`mlplan.io.yamlloc`).

The shipped framework also ships validated (``data/framework-prebuilt.pickle``, see
:func:`prebuilt`), which saves every command 12 ms.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

import mlplan
from mlplan.errors import FrameworkError
from mlplan.io import fileio, yamlloc
from mlplan.model.diagnostics import Diagnostic
from mlplan.model.framework import Framework, FrameworkModel, consistency

if TYPE_CHECKING:  # the plan's models load with the first plan, not for the framework alone
    from mlplan.model.plan import Plan

ENV_VAR = "MLPLAN_FRAMEWORK"


def data_file(name: str) -> Path:
    """A file of ``data/``: inside the installed package, or the checkout's ``data/``."""
    packaged = Path(mlplan.__file__).with_name("data") / name
    if packaged.is_file():
        return packaged
    return Path(mlplan.__file__).resolve().parents[2] / "data" / name


def shipped_path() -> Path:
    """The framework that ships with mlplan."""
    return data_file("framework.yaml")


def parse_framework(doc: yamlloc.Document) -> tuple[Framework | None, list[Diagnostic]]:
    """Validate a parsed framework document; every problem comes back with its location."""
    result = yamlloc.validate(doc, Framework)
    if result.model is None:
        return None, result.diagnostics
    extra = [
        doc.diagnostic(loc, "ML002", key, **params)
        for loc, key, params in consistency(result.model)
    ]
    if extra:
        return None, extra
    return result.model, []


# The shipped framework, validated and pickled by tools/prebuild_framework.py: a line
# with the fingerprint it was built from, then the pickle.
PREBUILT = "framework-prebuilt.pickle"


def fingerprint(source: bytes) -> bytes:
    """What a pre-built framework is made from: the YAML file's bytes and the fields of
    every model, so that a changed file or model is never answered from an old build."""
    digest = hashlib.sha256(source)
    models, seen = [FrameworkModel], []
    while models:
        model = models.pop()
        seen.append(model)
        models += model.__subclasses__()
    for model in sorted(seen, key=lambda m: m.__qualname__):
        # the module too: a pickle names its classes' modules, so a model that moved
        # would not load from an old build
        name = f"{model.__module__}.{model.__qualname__}"
        digest.update(f"{name}:{','.join(model.model_fields)};".encode())
    return digest.hexdigest().encode()


def build_prebuilt(source: Path) -> bytes:
    """The contents of :data:`PREBUILT` for the framework file ``source``."""
    import pickle

    fw, problems = parse_framework(yamlloc.load(source, str(source)))
    if fw is None:
        raise FrameworkError(str(source), problems)
    return fingerprint(fileio.read_file(source)) + b"\n" + pickle.dumps(fw, protocol=5)


def prebuilt(file: Path) -> Framework | None:
    """The shipped framework from :data:`PREBUILT` if ``file`` is the shipped file and the
    build was made from exactly its bytes and today's models; ``None`` otherwise (then it
    is read and validated as any other file). The pickle is part of the package, as
    trusted as its code."""
    if file != Path(os.path.realpath(shipped_path())):
        return None
    try:
        stored = fileio.read_file(data_file(PREBUILT))
        tag, _, data = stored.partition(b"\n")
        if tag != fingerprint(fileio.read_file(file)):
            return None
        import pickle

        fw = pickle.loads(data)
    except Exception:  # missing, unreadable, or pickled by another pydantic: read the YAML
        return None
    return fw if isinstance(fw, Framework) else None


_cache: dict[Path, Framework] = {}


def load_framework(path: Path | str | None = None) -> Framework:
    """Load and validate a framework file; the default is ``$MLPLAN_FRAMEWORK`` or the shipped one.

    Raises :class:`FrameworkError` with every diagnostic when the file is invalid. The
    result is cached per file, so a group of plans reads the framework once.
    """
    if path is None:
        path = os.environ.get(ENV_VAR) or shipped_path()
    file = Path(path)
    # realpath, not Path.resolve(): that raises RuntimeError on a symlink loop, which the
    # read below reports as an unreadable file
    key = Path(os.path.realpath(file))
    if key in _cache:
        return _cache[key]
    fw = prebuilt(key)
    if fw is None:
        fw, problems = parse_framework(yamlloc.load(file, str(path)))
        if fw is None:
            raise FrameworkError(str(path), problems)
    _cache[key] = fw
    return fw


# -- a plan ----------------------------------------------------------------------------


def parse_plan(doc: yamlloc.Document) -> tuple[Plan | None, list[Diagnostic]]:
    """Validate a parsed plan document: the model, or ``None`` and every schema problem."""
    from mlplan.model.plan import Plan

    result = yamlloc.validate(doc, Plan)
    return result.model, result.diagnostics


def load_plan(path: Path, display: str | None = None) -> tuple[yamlloc.Document, Plan | None]:
    """Read, parse and validate a plan file. Raises ``InputError`` only if unreadable."""
    doc = yamlloc.load(path, display)
    model, _ = parse_plan(doc)
    return doc, model
