"""``mlplan plan`` end to end: formats, --output, refusing to overwrite inputs, exit codes."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from plan_helpers import plan_yaml, write

from mlplan.domain import rules
from mlplan.domain.rules import Finding

Run = Callable[..., Any]
TODAY = ("--today", "2026-11-22")


def test_default_path_is_plan_yaml(
    run: Run, example_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(example_plan.parent)
    result = run("plan", *TODAY)
    assert result.exit_code == 0, result.stderr
    assert "Plan medisch leiderschap: Anne de Vries" in result.stdout
    assert result.stderr == ""


def test_english(run: Run, example_plan: Path) -> None:
    result = run("plan", str(example_plan), *TODAY, "--lang", "en", "--format", "markdown")
    assert result.exit_code == 0, result.stderr
    assert "## Year 1 (Sep 2025 – Aug 2026) · begin (early)" in result.stdout


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("iop.md", lambda text: text.startswith("# Plan medisch leiderschap: Anne de Vries\n")),
        ("iop.markdown", lambda text: "## Jaar 5 (sep 2029 – aug 2030) · eind" in text),
        ("plan.json", lambda text: json.loads(text)["position"]["year"] == 2),
        ("plan.CSV", lambda text: len(list(csv.reader(io.StringIO(text)))) == 17),
        ("plan.txt", lambda text: "Jaar 1 (sep 2025 – aug 2026)" in text and "\x1b" not in text),
    ],
)
def test_output_format_follows_the_extension(
    run: Run, example_plan: Path, name: str, check: Callable[[str], bool]
) -> None:
    target = example_plan.parent / name
    result = run("plan", str(example_plan), *TODAY, "--output", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert str(target) in result.stderr  # "… geschreven (markdown)"
    assert check(target.read_text(encoding="utf-8"))


def test_table_file_is_80_columns_without_padding(run: Run, example_plan: Path) -> None:
    target = example_plan.parent / "plan.txt"
    assert run("plan", str(example_plan), *TODAY, "-o", str(target)).exit_code == 0
    lines = target.read_text(encoding="utf-8").splitlines()
    assert max(len(line) for line in lines) <= 80
    assert all(line == line.rstrip() for line in lines)


def test_explicit_format_wins_over_the_extension(run: Run, example_plan: Path) -> None:
    target = example_plan.parent / "out.md"
    result = run("plan", str(example_plan), *TODAY, "-o", str(target), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(target.read_text(encoding="utf-8"))["aios"]["name"] == "Anne de Vries"


def test_unknown_extension_is_a_usage_error(run: Run, example_plan: Path) -> None:
    target = example_plan.parent / "plan.odt"
    result = run("plan", str(example_plan), "-o", str(target))
    assert result.exit_code == 2
    assert (
        "gebruik de extensie .txt, .md, .markdown, .json, .csv, .xlsx, .pdf, .docx, .html, .htm, "
        "of geef --format" in result.stderr
    )
    assert not target.exists()


def test_existing_output_file_is_replaced(run: Run, example_plan: Path) -> None:
    target = example_plan.parent / "iop.md"
    target.write_text("oud\n", encoding="utf-8")
    assert run("plan", str(example_plan), *TODAY, "-o", str(target)).exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# Plan medisch leiderschap")
    assert sorted(p.name for p in example_plan.parent.iterdir()) == ["iop.md", "plan.yaml"]


@pytest.mark.parametrize("spelling", ["same", "dotted", "symlink"])
def test_refuses_to_write_over_the_plan(
    run: Run, example_plan: Path, monkeypatch: pytest.MonkeyPatch, spelling: str
) -> None:
    monkeypatch.chdir(example_plan.parent)
    before = example_plan.read_bytes()
    target = {"same": "plan.yaml", "dotted": "./sub/../plan.yaml", "symlink": "link.md"}[spelling]
    (example_plan.parent / "sub").mkdir()
    (example_plan.parent / "link.md").symlink_to(example_plan)
    result = run("plan", "plan.yaml", "--output", target, "--format", "markdown")
    assert result.exit_code == 2
    assert "plan.yaml" in result.stderr or "link.md" in result.stderr
    assert "invoerbestand" in result.stderr
    assert example_plan.read_bytes() == before


def test_refuses_to_write_over_the_framework(run: Run, example_plan: Path, tmp_path: Path) -> None:
    from mlplan.io.loading import shipped_path

    framework = tmp_path / "kader.yaml"
    shutil.copy(shipped_path(), framework)
    before = framework.read_bytes()
    result = run(
        "plan", str(example_plan), "--framework", str(framework), "-o", str(framework), "-f", "json"
    )
    assert result.exit_code == 2
    assert framework.read_bytes() == before


def test_output_to_a_symlink_loop_is_a_clear_error(run: Run, example_plan: Path) -> None:
    loop = example_plan.parent / "iop.md"
    loop.symlink_to("iop.md")
    result = run("plan", str(example_plan), *TODAY, "-o", str(loop))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"fout: {loop}: kan niet geschreven worden (")
    assert loop.is_symlink() and os.readlink(loop) == "iop.md"  # left as it was
    assert sorted(p.name for p in example_plan.parent.iterdir()) == ["iop.md", "plan.yaml"]


def test_output_into_a_directory_is_refused(run: Run, example_plan: Path) -> None:
    result = run("plan", str(example_plan), "-o", str(example_plan.parent), "-f", "json")
    assert result.exit_code == 2
    assert "map" in result.stderr


def test_invalid_plan_is_not_rendered(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "version: 1\naios: {name: X}\ntraining: {start: 2025-09-01}\n")
    result = run("plan", str(path), *TODAY)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"{path}:3:11: ML002" in result.stderr
    assert "niet getoond" in result.stderr


def test_yaml_error_is_not_rendered(run: Run, tmp_path: Path) -> None:
    path = write(tmp_path, "version: 1\naios: [\n")
    result = run("plan", str(path), "-f", "markdown")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "ML001" in result.stderr


def test_rule_errors_render_and_exit_1(run: Run, tmp_path: Path) -> None:
    # a plan for another framework validates but is an ML003 error
    path = write(tmp_path, plan_yaml().replace("version: 1\n", "version: 1\nframework: ander\n"))
    result = run("plan", str(path), *TODAY, "-f", "markdown")
    assert result.exit_code == 1
    assert "## Jaar 1 (sep 2025 – aug 2026) · begin" in result.stdout
    assert "**ML003** (fout), regel 2, kolom 12" in result.stdout
    assert "1 fout, 0 waarschuwingen." in result.stdout
    assert "het plan heeft 1 fout;" in result.stderr


def test_warnings_render_and_exit_0(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def late(view: Any) -> list[Finding]:
        return [Finding("ML202", ("activities", 0, "status"), "status.planned")]

    monkeypatch.setattr(rules, "RULES", [late])
    path = write(tmp_path, plan_yaml())
    result = run("plan", str(path), *TODAY)
    assert result.exit_code == 0, result.stderr
    assert f"{path}:8:5: ML202 gepland" in result.stdout  # the activity (no status key)
    assert "0 fouten, 1 waarschuwing." in result.stdout


@pytest.mark.parametrize("value", ["2026-13-01", "22-11-2026", "gisteren", "2026-1-1"])
def test_bad_today_is_a_usage_error(run: Run, example_plan: Path, value: str) -> None:
    result = run("plan", str(example_plan), "--today", value)
    assert result.exit_code == 2
    assert "--today" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_file_exits_2(run: Run, tmp_path: Path) -> None:
    result = run("plan", str(tmp_path / "geen.yaml"))
    assert result.exit_code == 2
    assert "niet gevonden" in result.stderr


def test_help(run: Run) -> None:
    result = run("plan", "--help")
    assert result.exit_code == 0
    assert "--output" in result.stdout
    assert "--today" in result.stdout


def test_piped_output_has_no_ansi_escapes(
    run: Run, example_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("TERM", "xterm-256color")
    result = run("plan", str(example_plan), *TODAY)
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout
    assert "✓ afgerond" in result.stdout


def _script() -> str:
    found = Path(sys.executable).with_name("mlplan")
    return str(found) if found.exists() else (shutil.which("mlplan") or "mlplan")


def test_installed_script(example_plan: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "MLPLAN_LANG", "COLUMNS")}
    env["TERM"] = "xterm-256color"
    done = subprocess.run(
        [_script(), "plan", str(example_plan), *TODAY, "--format", "table"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout  # a pipe is not a terminal
    lines = done.stdout.splitlines()
    assert lines[0] == "Plan medisch leiderschap: Anne de Vries"
    assert max(len(line) for line in lines) <= 80  # rich's default width off a terminal
