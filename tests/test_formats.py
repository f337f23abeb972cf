"""The registry of output formats (mlplan.formats): extensions, what --output may replace,
binary media, and the emitters' extra, checked before any work."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from mlplan import fileio, formats
from mlplan.errors import MissingExtra, WriteError


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
