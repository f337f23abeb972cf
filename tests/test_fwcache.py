"""The cache of the validated shipped framework: used when trustworthy, ignored otherwise."""

from __future__ import annotations

import os
import pickle
import stat
from pathlib import Path

import pytest

from mlplan import framework, fwcache
from mlplan.framework import load_framework, shipped_path


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    where = tmp_path / "cache" / "mlplan"
    monkeypatch.setenv(fwcache.ENV_VAR, str(where))
    monkeypatch.setattr(framework, "_cache", {})  # no framework from an earlier test
    return where


def entries(where: Path) -> list[Path]:
    return sorted(where.glob("framework-*.pickle")) if where.exists() else []


def test_first_run_stores_and_the_next_run_reads_it(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    validated = load_framework()
    (entry,) = entries(cache)
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    monkeypatch.setattr(framework, "_cache", {})

    def no_validation(doc: object) -> None:
        raise AssertionError("validated again although the cache holds it")

    monkeypatch.setattr(framework, "parse", no_validation)
    cached = load_framework()
    assert cached == validated and cached is not validated
    assert cached.topic_ids() == validated.topic_ids()
    assert cached.topic("innovatie") == validated.topic("innovatie")


def test_other_bytes_have_another_key() -> None:
    raw = shipped_path().read_bytes()
    assert fwcache._path(raw) != fwcache._path(raw + b"\n")


def test_a_file_others_can_write_is_not_trusted(cache: Path) -> None:
    load_framework()
    (entry,) = entries(cache)
    entry.chmod(0o666)  # someone else could have planted it
    assert fwcache.load(shipped_path().read_bytes()) is None


def test_a_corrupt_or_foreign_entry_is_ignored(cache: Path) -> None:
    load_framework()
    (entry,) = entries(cache)
    raw = shipped_path().read_bytes()
    entry.write_bytes(b"\x80\x05 half a pickle")
    assert fwcache.load(raw) is None
    entry.write_bytes(pickle.dumps({"id": "not a framework"}))
    assert fwcache.load(raw) is None
    framework._cache.clear()
    assert load_framework().id == "fms-medisch-leiderschap-2017"  # validated as usual


def test_switched_off_with_an_empty_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(fwcache.ENV_VAR, "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(framework, "_cache", {})
    load_framework()
    assert fwcache.directory() is None
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_cache_never_fails_the_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv(fwcache.ENV_VAR, str(blocker / "mlplan"))  # a file as parent
    monkeypatch.setattr(framework, "_cache", {})
    assert load_framework().id == "fms-medisch-leiderschap-2017"
    assert sorted(os.listdir(tmp_path)) == ["file"]


def test_a_custom_framework_is_not_cached(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    custom = tmp_path / "kader.yaml"
    custom.write_bytes(shipped_path().read_bytes())
    load_framework(custom)
    assert entries(cache) == []


def test_default_directory_follows_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(fwcache.ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert fwcache.directory() == tmp_path / "mlplan"
