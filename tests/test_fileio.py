"""Crash-safe writes: the user's file is replaced whole or not at all."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from mlplan.errors import WriteError
from mlplan.fileio import atomic_write, digest


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
