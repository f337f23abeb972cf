"""The registry of output formats (mlplan.io.formats): extensions, what --output may replace,
binary media, and the emitters' extra, checked before any work."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLE_PLAN
from mlplan.errors import MissingExtra, WriteError
from mlplan.io import fileio, formats


def test_an_extension_selects_one_format_of_the_command() -> None:
    found = formats.extensions(("table", "markdown", "json", "csv", "pdf", "docx"))
    assert found == {
        ".txt": "table",
        ".md": "markdown",
        ".markdown": "markdown",
        ".json": "json",
        ".csv": "csv",
        ".pdf": "pdf",
        ".docx": "docx",
    }
    # a command that does not offer a format does not infer it
    assert ".pdf" not in formats.extensions(("table", "markdown"))


def test_every_extension_names_one_format_only() -> None:
    seen: dict[str, str] = {}
    for fmt in formats.FORMATS.values():
        for ext in fmt.extensions:
            assert ext.startswith(".") and ext == ext.lower()
            assert seen.setdefault(ext, fmt.name) == fmt.name, ext


def test_what_output_may_replace() -> None:
    assert formats.replaceable("markdown") == (".md", ".markdown", ".txt")
    assert formats.replaceable("table") == (".txt", ".text")
    assert formats.replaceable("pdf") == (".pdf",)
    assert formats.replaceable("no such format") == ()
    assert formats.suggested_name("pdf") == "plan.pdf"
    assert formats.suggested_name("docx", "samenvatting") == "samenvatting.docx"


def test_document_formats_are_binary_with_an_emitter_in_the_documents_extra() -> None:
    for name in ("pdf", "docx"):
        fmt = formats.get(name)
        assert fmt.binary and fmt.extra == "documents" and fmt.modules
        module, _, function = fmt.emitter.partition(":")
        assert module.startswith("mlplan.render.emit_") and function


def test_a_missing_library_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "fpdf", None)  # as if not installed: import fails
    with pytest.raises(MissingExtra) as caught:
        formats.require("pdf")
    assert caught.value.params == {"module": "fpdf", "extra": "documents"}
    assert 'pip install "mlplan[documents]"' in caught.value.message


def test_write_output_writes_bytes_and_replaces_only_its_own_extension(tmp_path: Path) -> None:
    data = b"%PDF-1.7\n\x00\xff binary"
    target = tmp_path / "plan.pdf"
    fileio.write_output(target, data, "pdf", force=False)
    assert target.read_bytes() == data
    fileio.write_output(target, data + b"2", "pdf", force=False)  # its own: replaced
    assert target.read_bytes() == data + b"2"
    notes = tmp_path / "notes.docx"
    notes.write_bytes(b"someone's letter")
    with pytest.raises(WriteError):
        fileio.write_output(notes, data, "pdf", force=False)
    assert notes.read_bytes() == b"someone's letter"


HEAVY = ("fpdf", "docx", "fontTools", "PIL", "lxml", "defusedxml")


@pytest.mark.parametrize(
    "args",
    [["check", "plan.yaml"], ["--help"], ["plan", "--help"], ["summary", "--help"], ["plan"]],
    ids=" ".join,
)
def test_check_and_help_never_import_the_document_writers(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "plan.yaml").write_bytes(EXAMPLE_PLAN.read_bytes())
    today = ["--today", "2026-11-22"] if "--help" not in args else []
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "mlplan", *args, *today],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1", "PYTHONDONTWRITEBYTECODE": "1"},
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    imported = [line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if "|" in line]
    assert "mlplan.cli.entry" in imported  # the import log is what it seems
    assert [m for m in imported if m.split(".")[0] in HEAVY] == []
    # the terminal's own emitter (emit_text, on textlayout) lays out ``plan``'s table; no
    # document emitter is loaded for it
    emitters = [m for m in imported if m.startswith("mlplan.render.emit_")]
    assert [m for m in emitters if m != "mlplan.render.emit_text"] == []
