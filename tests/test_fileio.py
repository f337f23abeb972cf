"""Crash-safe writes: the user's file is replaced whole or not at all."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from mlplan.errors import InputError, WriteError
from mlplan.io.fileio import READ_LIMIT, atomic_write, digest, read_file


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


def test_new_file_gets_the_usual_mode_under_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "plan.yaml", "version: 1\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "plan.yaml").stat().st_mode) == 0o644


def test_existing_mode_is_kept_and_backup_made(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("oud\n", encoding="utf-8")
    path.chmod(0o600)
    atomic_write(path, "nieuw\n", backup=True)
    assert path.read_text(encoding="utf-8") == "nieuw\n"
    assert (tmp_path / "plan.yaml.bak").read_text(encoding="utf-8") == "oud\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_changed_on_disk_since_read_aborts(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("gelezen\n", encoding="utf-8")
    seen = digest(path.read_bytes())
    path.write_text("door een editor opgeslagen\n", encoding="utf-8")
    with pytest.raises(WriteError) as info:
        atomic_write(path, "nieuw\n", backup=True, expected_digest=seen)
    assert info.value.key == "write.changed_on_disk"
    assert path.read_text(encoding="utf-8") == "door een editor opgeslagen\n"
    assert not (tmp_path / "plan.yaml.bak").exists()


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_crash_mid_write_leaves_the_original_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("origineel\n", encoding="utf-8")

    def fail(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, step, fail)
    with pytest.raises(WriteError) as info:
        atomic_write(path, "half\n")
    assert info.value.key == "write.failed"
    assert path.read_text(encoding="utf-8") == "origineel\n"
    assert leftovers(tmp_path) == []


def test_unwritable_target_is_a_clear_error(tmp_path: Path) -> None:
    # a parent that is a file fails for every user, root included
    blocker = tmp_path / "file.txt"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(WriteError) as info:
        atomic_write(blocker / "plan.yaml", "x\n")
    assert info.value.key == "write.failed"
    assert blocker.read_text(encoding="utf-8") == "x"


def test_read_only_file_is_not_replaced(tmp_path: Path) -> None:
    # os.replace only needs a writable directory, so a plan the user made read-only would
    # be replaced silently (root passes every access check: the mode bits decide)
    path = tmp_path / "plan.yaml"
    path.write_text("origineel\n", encoding="utf-8")
    path.chmod(0o444)
    with pytest.raises(WriteError) as info:
        atomic_write(path, "nieuw\n", backup=True)
    assert info.value.key == "write.read_only"
    assert info.value.message.startswith(f"{path} is alleen-lezen; er is niets geschreven")
    assert path.read_text(encoding="utf-8") == "origineel\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.yaml"]


def test_a_symlink_is_written_through(tmp_path: Path) -> None:
    # plan.yaml -> shared/plan.yaml: the shared plan changes, the link stays a link
    shared = tmp_path / "shared"
    shared.mkdir()
    real = shared / "plan.yaml"
    real.write_text("oud\n", encoding="utf-8")
    link = tmp_path / "plan.yaml"
    link.symlink_to(Path("shared") / "plan.yaml")
    atomic_write(link, "nieuw\n", backup=True, expected_digest=digest(b"oud\n"))
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "nieuw\n"
    assert (tmp_path / "plan.yaml.bak").read_text(encoding="utf-8") == "oud\n"
    assert leftovers(tmp_path) == leftovers(shared) == []


def test_a_symlink_loop_is_a_clear_error(tmp_path: Path) -> None:
    loop = tmp_path / "plan.yaml"
    loop.symlink_to("plan.yaml")
    with pytest.raises(WriteError) as info:
        atomic_write(loop, "nieuw\n", expected_digest=digest(b""))
    assert info.value.key == "write.failed"
    assert loop.is_symlink() and os.readlink(loop) == "plan.yaml"


# -- reading: the one reader (issue 18 item 12) ----------------------------------------


@pytest.fixture
def deadline() -> Iterator[None]:
    """Fail a test that blocks (a FIFO's open waits for a writer) instead of hanging."""
    import signal

    class Blocked(BaseException):  # not an OSError, which the reader reports as unreadable
        pass

    def stop(*_: object) -> None:
        raise Blocked

    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(10)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def test_read_file_reads_at_most_the_limit_plus_one_byte(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_bytes(b"x" * 100)
    assert read_file(path, limit=100) == b"x" * 100
    assert read_file(path, limit=99) == b"x" * 100  # one more than the limit: too large
    assert read_file(path, limit=10) == b"x" * 11


def test_a_sparse_file_is_read_no_further_than_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "sparse.yaml"
    with open(path, "wb") as fh:
        fh.truncate(6 * 1024 * 1024)  # 6 MB of holes: st_size says 6 MB, nothing on disk
    assert len(read_file(path)) == READ_LIMIT + 1


def test_a_file_larger_than_st_size_says_is_still_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    # /proc files say 0 bytes; the reader never asks st_size how much to read
    status = Path("/proc/self/status")
    if not status.exists():
        pytest.skip("no /proc")
    assert status.stat().st_size == 0
    assert 0 < len(read_file(status, limit=16)) == 17


@pytest.mark.usefixtures("deadline")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "plan.yaml"
    os.mkfifo(fifo)
    with pytest.raises(InputError) as info:
        read_file(fifo, "plan.yaml")
    assert info.value.key == "error.not_regular"
    assert info.value.message.startswith("plan.yaml: is geen gewoon bestand")


@pytest.mark.usefixtures("deadline")
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_device_or_a_link_to_one_is_refused_unread(tmp_path: Path, device: str) -> None:
    link = tmp_path / "plan.yaml"
    link.symlink_to(device)
    for path in (Path(device), link):
        with pytest.raises(InputError) as info:
            read_file(path)
        assert info.value.key == "error.not_regular"


def test_read_file_names_what_cannot_be_read(tmp_path: Path) -> None:
    loop = tmp_path / "loop.yaml"
    loop.symlink_to("loop.yaml")
    for path, key in [
        (tmp_path / "nope.yaml", "error.file_not_found"),
        (tmp_path, "error.is_directory"),
        (loop, "error.cannot_read"),
    ]:
        with pytest.raises(InputError) as info:
            read_file(path)
        assert info.value.key == key


def test_every_reader_goes_through_read_file() -> None:
    # the one reader: no other module opens a file to read it
    src = Path(__file__).resolve().parents[1] / "src" / "mlplan"
    pattern = re.compile(
        r"(?<!yamlloc)\.read_(text|bytes)\(|(?<![\w.])open\((?![^)]*['\"][wax])|os\.O_RDONLY\b"
    )
    found = [
        f"{p.relative_to(src)}:{n}"
        for p in sorted(src.rglob("*.py"))
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    # fileio's own reader, and the directory it opens to fsync it; the page spool reads
    # back only the files it wrote itself, in its own private temporary directory
    assert [f for f in found if not f.startswith(("io/fileio.py:", "io/spool.py:"))] == []


def test_a_fifo_and_a_link_to_dev_zero_through_the_real_entry_point(tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests.conftest import EXAMPLE_PLAN

    group = tmp_path / "groep"
    group.mkdir()
    (group / "anne.yaml").write_bytes(EXAMPLE_PLAN.read_bytes())
    os.mkfifo(group / "fifo.yaml")
    (group / "nul.yaml").symlink_to("/dev/zero")
    env = {"PATH": os.environ.get("PATH", ""), "NO_COLOR": "1", "COLUMNS": "100"}
    for args, code in [
        (["check", "groep/fifo.yaml"], 2),
        (["add", "groep/fifo.yaml", "--topic", "innovatie", "--title", "X", "--year", "1"], 2),
        (["framework", "--framework", "groep/nul.yaml"], 2),
        (["summary", "groep", "--overview-only", "--today", "2026-11-22"], 1),
    ]:
        proc = subprocess.run(
            [sys.executable, "-m", "mlplan", *args],
            cwd=tmp_path, capture_output=True, text=True, env=env, check=False, timeout=60,
        )  # fmt: skip
        output = proc.stdout + proc.stderr
        assert proc.returncode == code, (args, output)
        assert "is geen gewoon bestand" in output, output
    assert "Anne de Vries" in proc.stdout  # the group's readable plan still comes out
    assert proc.stdout.count("is geen gewoon bestand") == 2


@pytest.mark.usefixtures("deadline")
@pytest.mark.parametrize("kind", ["fifo", "/dev/zero"])
def test_no_lock_file_is_made_beside_a_device(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    # the lock sits beside the file a link leads to: /dev/zero.lock, as root
    from mlplan.io.fileio import plan_lock

    plan = tmp_path / "plan.yaml"
    if kind == "fifo":
        os.mkfifo(plan)
    else:
        plan.symlink_to(kind)
    opened: list[str] = []
    real = os.open

    def spy(path: object, flags: int, *args: object, **kwargs: object) -> int:
        opened.append(str(path))
        return real(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", spy)
    with pytest.raises(InputError) as info, plan_lock(plan):
        pass
    assert info.value.key == "error.not_regular"
    assert opened == []
