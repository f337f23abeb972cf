"""Every message key the source code names exists in every catalogue.

Read from the source itself (its string literals, and the fixed start of f-string keys such
as ``f"privacy.marker.{kind}"``), so a key added in code without its message fails here,
before ``MLPLAN_I18N_STRICT`` would only catch it on the path a test happens to run.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from mlplan.i18n import en, nl

ROOT = Path(__file__).resolve().parents[1]
CATALOGUES = {"nl": nl.MESSAGES, "en": en.MESSAGES}
PREFIXES = {key.split(".")[0] for cat in CATALOGUES.values() for key in cat}
KEY = re.compile(r"[a-z_]+(?:\.[a-zA-Z0-9_]+)+")
FILE_NAMES = (
    ".yaml",
    ".md",
    ".json",
    ".csv",
    ".txt",
    ".ics",
    ".xlsx",
)  # "plan.yaml" is a file, not a key


def _literals() -> tuple[set[str], set[str]]:
    """(whole keys, fixed starts of f-string keys) named in src/mlplan outside i18n/."""
    whole: set[str] = set()
    starts: set[str] = set()
    for path in sorted((ROOT / "src" / "mlplan").rglob("*.py")):
        if "i18n" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr) and node.values:
                head = node.values[0]
                if isinstance(head, ast.Constant) and isinstance(head.value, str):
                    text = head.value
                    if (
                        text.endswith(".")
                        and KEY.fullmatch(text + "x")
                        and text.split(".")[0] in PREFIXES
                    ):
                        starts.add(text)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value
                if (
                    KEY.fullmatch(text)
                    and text.split(".")[0] in PREFIXES
                    and not text.endswith(FILE_NAMES)
                ):
                    whole.add(text)
    return whole, starts


WHOLE, STARTS = _literals()


def test_the_scan_finds_the_keys() -> None:
    # the patterns above still see the code's keys (a refactor could hide them all)
    assert len(WHOLE) > 400
    assert "privacy.marker." in STARTS


def _known(key: str, catalogue: dict[str, str]) -> bool:
    # a key may be a plural family (count.x.one/.other) or the head of computed keys
    # (phase.<id>, status.<id>) as well as a message
    return key in catalogue or any(k.startswith(key + ".") for k in catalogue)


@pytest.mark.parametrize("lang", sorted(CATALOGUES))
def test_every_key_in_the_code_is_in_the_catalogue(lang: str) -> None:
    catalogue = CATALOGUES[lang]
    assert sorted(k for k in WHOLE if not _known(k, catalogue)) == []


@pytest.mark.parametrize("lang", sorted(CATALOGUES))
def test_every_computed_key_has_messages(lang: str) -> None:
    catalogue = CATALOGUES[lang]
    assert sorted(s for s in STARTS if not any(k.startswith(s) for k in catalogue)) == []
