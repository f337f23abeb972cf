"""Every command against every hostile input: a clear message, exit 1 or 2, no traceback,
and the user's file exactly as it was (no half-written file, no stray temp files).

One table: the rows are the hostile inputs of the spec's quality bars plus the ones a
file system can produce (read-only, a symlink loop, a directory where a file was, a full
disk), the columns every command. Where a cell legitimately works (a read-only plan can
be checked; a plan with a schema error can still be edited by an edit command that adds
no new error) the table says so and the test asserts that it works.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import signal
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from mlplan.io import fileio
from mlplan.io.loading import shipped_path
from tests.conftest import EXAMPLE_PLAN, Result

Run = Callable[..., Result]
BASE = EXAMPLE_PLAN.read_text(encoding="utf-8")
FRAMEWORK = shipped_path().read_text(encoding="utf-8")
TODAY = ("--today", "2026-11-22")


def edit(old: str, new: str, text: str = BASE) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def alias_bomb() -> str:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for prev, name in zip("abcde", "bcdef", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    return "\n".join(lines) + "\n"


# -- the hostile inputs ----------------------------------------------------------------


@dataclass
class Target:
    """What a row sets up: the plan path the commands get, and how the world misbehaves."""

    path: Path
    framework: Path | None = None  # given with --framework to every command
    disk_full: bool = False  # every fsync fails with ENOSPC
    replaced_by_dir: bool = False  # the plan becomes a directory just before the write


CONTENT: dict[str, str | bytes] = {
    "malformed YAML": edit("  specialty: Neurologie", "  specialty: Neurologie: hersenen"),
    "a tab": edit("  specialty: Neurologie", "\tspecialty: Neurologie"),
    "duplicate key": edit("  specialty: Neurologie", "  specialty: Neurologie\n  name: Anne"),
    "unknown key": edit("  supervisor: dr. J. Jansen", "  suprevisor: dr. J. Jansen"),
    "wrong type": edit("  name: Anne de Vries", "  name: [Anne, de Vries]"),
    "unknown topic id": edit("  - topic: innovatie\n", "  - topic: inovatie\n"),
    "impossible date": edit("  start: 2025-09-01", "  start: 2025-02-30"),
    "non-UTF-8 bytes": BASE.encode().replace(b"Anne de Vries", b"Ren\xe9e de Vries"),
    "empty file": "",
    "alias bomb": alias_bomb(),
    "deeply nested brackets": "a: " + "[" * 100_000 + "\n",
    "Python object tag": edit(
        "  name: Anne de Vries", "  name: !!python/object/apply:os.system ['echo hi']"
    ),
    "unknown framework id": edit(
        "framework: fms-medisch-leiderschap-2017", "framework: fms-medisch-leiderschap-2071"
    ),
}
# the shipped framework with a course that points at a topic that does not exist
BROKEN_FRAMEWORK = edit("      any_of: [coach-the-co]", "      any_of: [coach-de-co]", FRAMEWORK)


def _write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def setup_row(row: str, tmp: Path, big: Path, valid: str) -> Target:
    """Make the row's file under ``tmp``; ``valid`` is the sound content (a plan, or the
    framework for the framework command) for the rows where only the file system misbehaves."""
    tmp.mkdir(parents=True, exist_ok=True)
    plan = tmp / "plan.yaml"
    if row in CONTENT:
        return Target(_write(plan, CONTENT[row]))
    if row == "file over 5 MB":
        shutil.copyfile(big, plan)
        return Target(plan)
    if row == "a directory":
        plan.mkdir()
        return Target(plan)
    if row == "a FIFO":  # reading one waits for a writer: forever
        os.mkfifo(plan)
        return Target(plan)
    if row == "a symlink to /dev/zero":  # endless bytes
        plan.symlink_to("/dev/zero")
        return Target(plan)
    if row == "a sparse 6 MB file":  # st_size 6 MB, no data on disk
        with open(plan, "wb") as fh:
            fh.truncate(6 * 1024 * 1024)
        return Target(plan)
    if row == "a directory holding a plan":  # a file replaced by a directory, for readers
        _write(plan / "plan.yaml", valid)
        return Target(plan)
    if row == "missing file":
        return Target(plan)
    if row == "symlink loop":
        plan.symlink_to(plan.name)
        return Target(plan)
    if row == "read-only file":
        _write(plan, valid).chmod(0o444)
        return Target(plan)
    if row == "symlink to the plan":  # plan.yaml -> gedeeld/plan.yaml
        _write(tmp / "gedeeld" / "plan.yaml", valid)
        plan.symlink_to(Path("gedeeld") / "plan.yaml")
        return Target(plan)
    if row == "spaces and non-ASCII in the path":
        return Target(_write(tmp / "plannen van Zoë" / "plan Émile ü.yaml", valid))
    if row == "framework with a broken reference":
        return Target(_write(plan, BASE), framework=_write(tmp / "kader.yaml", BROKEN_FRAMEWORK))
    if row == "disk full":
        return Target(_write(plan, valid), disk_full=True)
    if row == "replaced by a directory before the write":
        return Target(_write(plan, valid), replaced_by_dir=True)
    raise AssertionError(row)


ROWS = [
    *CONTENT,
    "file over 5 MB",
    "a sparse 6 MB file",
    "a directory",
    "a FIFO",
    "a symlink to /dev/zero",
    "a directory holding a plan",
    "missing file",
    "symlink loop",
    "symlink to the plan",
    "read-only file",
    "spaces and non-ASCII in the path",
    "framework with a broken reference",
    "disk full",
    "replaced by a directory before the write",
]
assert len(set(ROWS)) == len(ROWS)

# -- the commands ------------------------------------------------------------------------

READERS = (
    "framework",
    "check",
    "plan",
    "summary FILE",
    "summary DIR",
    "calendar FILE",
    "calendar DIR",
    "diff",
    "prepare",
    "handover",
)
WRITERS = ("init", "add", "done", "status", "move", "meeting", "training")
COMMANDS = (*READERS, *WRITERS)


def command_line(command: str, target: Target) -> list[str]:
    f = str(target.path)
    fw = ["--framework", str(target.framework)] if target.framework else []
    if command == "framework":
        # the framework command reads no plan: the hostile file is its framework
        return ["framework", "--framework", str(target.framework or target.path)]
    if command == "init":
        return ["init", "--no-input", "--name", "X", f, *TODAY, *fw]
    if command in ("summary DIR", "calendar DIR"):
        return [command.split()[0], str(target.path.parent), *TODAY, *fw]
    args = {
        "check": ["check", f],
        "plan": ["plan", f],
        "summary FILE": ["summary", f],
        "calendar FILE": ["calendar", f],
        "diff": ["diff", f],
        "prepare": ["prepare", f],
        "handover": ["handover", f],
        "add": ["add", f, "--topic", "innovatie", "--title", "X", "--year", "1"],
        "done": ["done", f, "3"],  # activity 1 is done already: nothing would be written
        "status": ["status", f, "1", "dropped"],
        "move": ["move", f, "1", "--year", "2"],
        "meeting": ["meeting", f, "--date", "2026-11-22", "--kind", "voortgang"],
        "training": ["training", f, "--part-time", "80", "--from", "2026-09-01"],
    }[command]
    return [*args, *TODAY, *fw]


# Cells where the command legitimately does its job (exit 0).
WORKS: set[tuple[str, str]] = {("spaces and non-ASCII in the path", c) for c in COMMANDS}
WORKS |= {("symlink to the plan", c) for c in COMMANDS if c != "init"}  # it exists
# only writing fails, or the file is read-only: reading works
for row in ("disk full", "replaced by a directory before the write", "read-only file"):
    WORKS |= {(row, c) for c in READERS}
# ``summary`` of a directory summarises the plans in it; init makes a file that is missing
WORKS.add(("a directory holding a plan", "summary FILE"))
WORKS.add(("a directory holding a plan", "calendar FILE"))
WORKS.add(("missing file", "init"))
# An edit that adds no new error may change a plan that already has schema or rule errors
# (that is how a user works towards a clean plan); only unsound YAML is refused.
EDITABLE = (
    "unknown key",
    "wrong type",
    "impossible date",
    "unknown topic id",
    "unknown framework id",
)
EDITS = ("add", "done", "status", "move", "meeting", "training")
WORKS |= {(row, c) for row in EDITABLE for c in EDITS}
# diff reads the plan, then its git history: no work directory here is a repository, so
# it refuses every row with a message (tests/test_diff.py makes the histories)
WORKS = {(row, c) for row, c in WORKS if c != "diff"}
# init makes a new file next to these (an existing one it refuses without --force)
INIT_NEW_FILE = (
    "spaces and non-ASCII in the path",
    "framework with a broken reference",
    "disk full",
    "replaced by a directory before the write",
)


def expected_exit(row: str, command: str) -> set[int]:
    if (row, command) in WORKS:
        return {0}
    return {1, 2}


# -- the table ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def big_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A plan padded with comments to 6 MB, made once for the whole session."""
    path = tmp_path_factory.mktemp("big") / "big.yaml"
    path.write_text(BASE + ("# " + "x" * 98 + "\n") * 62_000, encoding="utf-8")
    assert path.stat().st_size > 6_000_000
    return path


def snapshot(directory: Path) -> dict[str, bytes | str]:
    """Every entry under ``directory``: file bytes, or a marker for links and directories."""
    found: dict[str, bytes | str] = {}
    for root, dirs, files in os.walk(directory):
        for name in dirs + files:
            p = Path(root, name)
            rel = str(p.relative_to(directory))
            if p.is_symlink():
                found[rel] = "-> " + os.readlink(p)
            elif p.is_dir():
                found[rel] = "<dir>"
            elif p.is_fifo():
                found[rel] = "<fifo>"
            else:
                found[rel] = p.read_bytes()
    return found


DUTCH = re.compile(
    r"\b(fout|fouten|bestand|map|niet|geen|onbekende?|moet|sleutel|regel|kader|bestaat)\b"
)


@pytest.fixture
def world(monkeypatch: pytest.MonkeyPatch) -> Callable[[Target], None]:
    """Makes the file system misbehave as a row asks."""

    def apply(target: Target) -> None:
        if target.disk_full:

            def no_space(fd: int) -> None:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

            monkeypatch.setattr(os, "fsync", no_space)
        if target.replaced_by_dir:
            real = fileio.atomic_write

            def racing(path: Path, text: str, **kwargs: object) -> None:
                if path == target.path:  # another program swaps the plan for a directory
                    if path.exists():
                        path.unlink()
                    path.mkdir()
                real(path, text, **kwargs)  # type: ignore[arg-type]

            monkeypatch.setattr(fileio, "atomic_write", racing)

    return apply


class Blocked(BaseException):
    """The command blocked (not an OSError, which mlplan would report as unreadable)."""


def _blocked(*_: object) -> None:
    raise Blocked


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("row", ROWS)
def test_hostile_input(
    run: Run,
    tmp_path: Path,
    big_file: Path,
    world: Callable[[Target], None],
    row: str,
    command: str,
) -> None:
    valid = FRAMEWORK if command == "framework" else BASE
    target = setup_row(row, tmp_path / "work", big_file, valid)
    if command == "init" and row in INIT_NEW_FILE:
        target.path = target.path.with_name("nieuw plan ö.yaml")
    before = snapshot(tmp_path)
    original = target.path.read_bytes() if target.path.is_file() else None
    world(target)

    signal.signal(signal.SIGALRM, _blocked)
    signal.alarm(30)  # a command that waits on a FIFO fails instead of hanging the run
    try:
        result = run(*command_line(command, target))
    finally:
        signal.alarm(0)
    output = result.stdout + result.stderr

    assert "Traceback" not in output
    assert result.exit_code in expected_exit(row, command), (result.exit_code, output)
    after = snapshot(tmp_path)
    stray = [n for n in after if n not in before and not n.endswith((".bak", ".schema.json"))]
    assert not [n for n in stray if n != str(target.path.relative_to(tmp_path))], stray
    if result.exit_code == 0:
        changed = {n for n in after if before.get(n) != after[n]}
        if command in READERS:
            assert not changed, "a command that only reads wrote files"
        else:  # the plan (the link's target, for a link) changed, its .bak is beside it
            assert target.path.is_file() and target.path.is_symlink() == (
                row == "symlink to the plan"
            )
            assert any(n.endswith(".yaml") for n in changed), changed
            if command != "init":
                assert target.path.with_name(target.path.name + ".bak").read_bytes() == original
        return
    # refused: a clear message that names the file, in Dutch, and nothing changed (but
    # for the directory that another program put in the plan's place)
    if target.replaced_by_dir and command not in READERS:  # a reader never writes
        before[str(target.path.relative_to(tmp_path))] = "<dir>"
    assert after == before, "a refused command changed files"
    # the broken framework, else the plan (for summary DIR: the directory, which names it)
    named = (
        target.path.parent
        if command in ("summary DIR", "calendar DIR")
        else target.framework or target.path
    )
    # check and summary report a plan's findings on stdout (they are the output)
    messages = output if command in ("check", "summary FILE", "summary DIR") else result.stderr
    assert messages.strip(), "no message"
    assert "interne fout" not in output, output  # an internal error is a bug, never a message
    assert str(named) in messages, messages
    assert DUTCH.search(messages), messages
    assert not result.stderr.startswith("error:"), result.stderr


# -- terminals that cannot show every character (issue 18 item 13) ----------------------

ENCODINGS = {
    "ascii": {"PYTHONIOENCODING": "ascii"},
    "latin-1": {"PYTHONIOENCODING": "latin-1"},
    "POSIX locale": {"LC_ALL": "POSIX", "PYTHONUTF8": "0"},
}


@pytest.mark.parametrize("encoding", list(ENCODINGS))
def test_a_terminal_without_utf8_gets_degraded_text_not_an_error(
    tmp_path: Path, encoding: str
) -> None:
    import subprocess
    import sys

    shutil.copyfile(EXAMPLE_PLAN, tmp_path / "plan.yaml")
    env = {"PATH": os.environ.get("PATH", ""), "NO_COLOR": "1", "COLUMNS": "100"}
    env |= ENCODINGS[encoding]
    codec = "latin-1" if encoding == "latin-1" else "ascii"

    def mlplan(*args: str) -> tuple[int, str, str]:
        proc = subprocess.run(
            [sys.executable, "-m", "mlplan", *args],
            cwd=tmp_path, capture_output=True, env=env, check=False, timeout=60,
        )  # fmt: skip
        # every byte is in the terminal's encoding
        return proc.returncode, proc.stdout.decode(codec), proc.stderr.decode(codec)

    for args in (
        ["framework"],
        ["framework", "patientveiligheid"],
        ["plan", "plan.yaml", *TODAY],
        ["plan", "plan.yaml", "-f", "markdown", *TODAY],
        ["summary", "plan.yaml", *TODAY],
        ["summary", ".", *TODAY],
        ["schema"],
        ["check", "plan.yaml", *TODAY],
        ["--help"],
        ["summary", "--help"],
    ):
        code, out, err = mlplan(*args)
        assert (code, err) == (0, ""), (args, err)
        assert out.strip(), args
    _, out, _ = mlplan("framework", "patientveiligheid")
    shown = "Patiëntveiligheid" if encoding == "latin-1" else "Patientveiligheid"
    assert out.startswith(shown + " (patientveiligheid)"), out
    _, out, _ = mlplan("summary", "plan.yaml", *TODAY)
    assert out.startswith("Anne de Vries - voortgangsgesprek 2026-11-22"), out
    # a message on stderr degrades too (Python's default would write \xeb)
    code, _, err = mlplan("check", "Zoë.yaml")
    assert code == 2
    # (in the POSIX locale the name's UTF-8 bytes reach Python undecoded: shown escaped)
    name = {"latin-1": "Zoë", "ascii": "Zoe", "POSIX locale": "Zo\\udcc3\\udcab"}[encoding]
    assert err.splitlines()[0] == f"fout: {name}.yaml: bestand niet gevonden"
    # an --output file is UTF-8 whatever the terminal
    code, _, _ = mlplan("plan", "plan.yaml", "-o", "iop.md", *TODAY)
    assert code == 0
    written = (tmp_path / "iop.md").read_text(encoding="utf-8")
    assert "Patiëntveiligheid" in written and "–" in written


def test_the_degraded_forms() -> None:
    import io

    from mlplan.render import output

    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii")
    output.degrade_encoding(stream)
    stream.write("Patiëntveiligheid – „KPB“ … • 360°-feedback ≥ 2 ﬁ ☃\n")
    stream.flush()
    assert raw.getvalue() == b'Patientveiligheid - "KPB" ... * 360o-feedback >= 2 fi ?\n'
    utf8 = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    output.degrade_encoding(utf8)
    assert utf8.errors == "strict"


# -- Ctrl-C while mlplan starts (issue 18 item 16) --------------------------------------


def test_the_ctrl_c_handler_comes_before_any_import(tmp_path: Path) -> None:
    """The first thing the mlplan program does is note Ctrl-C (cli.main then says it once,
    exit 130): any module imported before that is a moment for a traceback (threading,
    signal's enum cost 6 ms). Only the interpreter's own start-up comes before it."""
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "before = set(sys.modules)\n"
        "sys.argv[0] = 'mlplan'\n"
        "import mlplan\n"
        "print(sorted(set(sys.modules) - before))\n"
        "import signal\n"
        "print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True,
        check=True, timeout=60,
    )  # fmt: skip
    assert proc.stdout.splitlines() == ["['mlplan']", "False"], proc.stdout
