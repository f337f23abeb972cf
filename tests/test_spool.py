"""The page spool: pages written where they are made, read back in any order, then gone."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from mlplan.io import parallel
from mlplan.io.spool import Spool
from tests.conftest import EXAMPLE_PLAN, Result

Run = Callable[..., Result]


def test_pages_come_back_in_any_order_with_their_text() -> None:
    with Spool() as spool:
        texts = ["eerste\n", "Zoë – ✓ 'ä'\n", "", "x" * 100_000, "\udcff los"]
        refs = [spool.put(text) for text in texts]
        assert [spool.get(ref) for ref in reversed(refs)] == list(reversed(texts))


def test_workers_write_their_own_files_and_the_caller_reads_them() -> None:
    with Spool() as spool:
        refs = parallel.ordered_map(
            lambda n: spool.put(f"pagina {n} uit {os.getpid()}"), range(80), 3
        )
        pages = [spool.get(ref) for ref in refs]
        assert [p.split()[1] for p in pages] == [str(n) for n in range(80)]
        assert len({ref.name for ref in refs}) == 3  # one file per process


def test_the_directory_is_removed_even_after_an_error() -> None:
    with pytest.raises(RuntimeError), Spool() as spool:
        ref = spool.put("geheim")
        raise RuntimeError
    assert not Path(ref.name).parent.exists()


def test_the_directory_is_private() -> None:
    with Spool() as spool:
        ref = spool.put("tekst")
        assert Path(ref.name).parent.stat().st_mode & 0o077 == 0


@pytest.mark.parametrize("fmt", ["json", "markdown", "table"])
def test_a_group_leaves_no_spool_behind(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)  # read TMPDIR again
    group = tmp_path / "plannen"
    group.mkdir()
    text = EXAMPLE_PLAN.read_text(encoding="utf-8")
    for n in range(3):
        (group / f"aios-{n}.yaml").write_text(text.replace("Anne", f"Aios{n}"), encoding="utf-8")
    result = run("summary", str(group), "-f", fmt, "--today", "2026-11-22")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("Aios") >= 3
    assert list(scratch.iterdir()) == []


def _group_with_controls(root: Path) -> Path:
    group = root / "plannen"
    group.mkdir()
    text = EXAMPLE_PLAN.read_text(encoding="utf-8")
    hostile = 'title: "Zoë \\e]0;titel\\a\\e[1mvet\\e[0m \\r terug \\u202e om\\u0085 ✓"'
    for n in range(70):  # enough for the workers (parallel.MIN_SHARE)
        plan = text.replace("Anne", f"Aios{n}")
        if n % 3 == 0:
            plan = plan.replace("title: Organiseren onderwijs, symposium", hostile)
        (group / f"aios-{n:02}.yaml").write_text(plan, encoding="utf-8")
    return group


@pytest.mark.parametrize("fmt", ["json", "markdown", "table"])
def test_pages_copied_out_as_bytes_read_as_the_text_a_text_stream_gets(
    tmp_path: Path, fmt: str
) -> None:
    """Pages are cleaned and encoded where they are made and copied to a UTF-8 stdout as
    bytes; any other stdout gets them as text. Both read the same, controls escaped."""
    import subprocess
    import sys

    group = _group_with_controls(tmp_path)
    env = {k: v for k, v in os.environ.items() if not k.startswith("MLPLAN_")}
    env |= {"NO_COLOR": "1", "COLUMNS": "100", "MLPLAN_JOBS": "2"}
    outputs = []
    for encoding in ("utf-8", "utf-16"):
        done = subprocess.run(
            [sys.executable, "-m", "mlplan", "summary", str(group), "-f", fmt],
            env=env | {"PYTHONIOENCODING": encoding},
            capture_output=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout.decode(encoding))
    assert outputs[0] == outputs[1]
    assert outputs[0].count("Aios") >= 70
    shown = outputs[0]
    assert shown.count("Zoë \\x1b") + shown.count("Zoë \\u001b") >= 24  # 24 plans, 1 page each
    assert "\\u202e om" in shown  # escaped where the page was made: JSON leaves it
    assert "\x1b" not in outputs[0] and "\u202e" not in outputs[0] and "\r" not in outputs[0]


@pytest.mark.parametrize("target", ["closed pipe", "full disk"])
def test_a_failed_write_of_the_pages_ends_the_output_quietly(tmp_path: Path, target: str) -> None:
    """Pages copied out as bytes fail as text does: no traceback, the exit code the group
    has anyway (0 here), whatever part of the output was taken."""
    import subprocess
    import sys

    group = _group_with_controls(tmp_path)
    env = {k: v for k, v in os.environ.items() if not k.startswith("MLPLAN_")}
    command = [sys.executable, "-m", "mlplan", "summary", str(group), "-f", "json"]
    if target == "full disk":
        if not Path("/dev/full").exists():
            pytest.skip("no /dev/full on this system")
        with open("/dev/full", "wb") as full:
            done = subprocess.run(command, env=env, stdout=full, stderr=subprocess.PIPE)
        code, err = done.returncode, done.stderr
    else:
        with subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        ) as proc:
            assert proc.stdout is not None and proc.stderr is not None
            assert proc.stdout.read(10) == b'{\n  "forma'
            proc.stdout.close()
            err = proc.stderr.read()
            code = proc.wait(timeout=60)
    assert (code, err) == (0, b"")
