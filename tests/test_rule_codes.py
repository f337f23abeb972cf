"""Every rule code is documented and has its messages in both languages.

``test_i18n`` keeps the two catalogues' keys and placeholders equal; this ties the codes
of ``mlplan.model.diagnostics.CODES`` to ``docs/rules.md`` and to the catalogues, and checks
that every message id the source code names exists, so a new rule cannot ship without
its documentation or with a message only one language has.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mlplan.domain import privacy
from mlplan.i18n import en, nl
from mlplan.model.diagnostics import CODES, RULE, RULES

ROOT = Path(__file__).resolve().parents[1]
RULES_DOC = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
SOURCE = "\n".join(
    p.read_text(encoding="utf-8") for p in sorted((ROOT / "src" / "mlplan").rglob("*.py"))
)
# message ids of findings: ML001 is the YAML reader's, ML002 the schema's, the rest rules'
PREFIX = {"ML001": "yaml.", "ML002": "schema."}


@pytest.mark.parametrize("code", sorted(CODES))
def test_documented_with_its_severity(code: str) -> None:
    row = re.search(rf"^\| \[{code}\]\(#{code.lower()}\) \| (\w+) \| (.+) \|$", RULES_DOC, re.M)
    assert row, f"{code} has no row in the table of docs/rules.md"
    assert row.group(1) == CODES[code].value
    assert row.group(2) == RULE[code].summary  # the registry's line is the table's
    assert re.search(rf"^## {code}$", RULES_DOC, re.M), f"{code} has no section"


def test_no_code_is_documented_that_does_not_exist() -> None:
    assert set(re.findall(r"^## (ML\d{3})$", RULES_DOC, re.M)) == set(CODES)


@pytest.mark.parametrize("code", sorted(CODES))
@pytest.mark.parametrize("catalogue", [nl.MESSAGES, en.MESSAGES], ids=["nl", "en"])
def test_messages_in_both_catalogues(code: str, catalogue: dict[str, str]) -> None:
    prefix = PREFIX.get(code, f"rule.{code}")
    assert [k for k in catalogue if k.startswith(prefix)], f"no message for {code}"


MESSAGE_IDS = sorted(
    set(
        re.findall(
            r"[\"']((?:rule|yaml|schema|framework)\.[a-zA-Z0-9_]+(?:\.[a-zA-Z0-9_]+)*)[\"']", SOURCE
        )
    )
    - {"framework.yaml"}  # the file's name, not a message
)


def test_the_source_names_message_ids() -> None:
    assert len(MESSAGE_IDS) > 60  # the pattern above still finds them


@pytest.mark.parametrize("key", MESSAGE_IDS)
def test_every_message_id_in_the_source_exists_in_both_languages(key: str) -> None:
    assert key in nl.MESSAGES and key in en.MESSAGES


def test_every_stated_range_of_codes_spans_the_codes() -> None:
    # the check command's help (both languages) and the README name the range of codes;
    # a new rule at either end must move it
    span = f"{min(CODES)}–{max(CODES)}"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    texts = [readme, *nl.MESSAGES.values(), *en.MESSAGES.values()]
    stated = {m for text in texts for m in re.findall(r"ML\d{3}–ML\d{3}", text)}
    assert stated == {span}


def test_the_table_lists_the_rules_in_the_registrys_order() -> None:
    table = re.findall(r"^\| \[(ML\d{3})\]", RULES_DOC, re.M)
    assert table == [r.code for r in RULES]


def test_the_privacy_detector_reports_the_privacy_rules() -> None:
    assert set(privacy.CODES.values()) == {r.code for r in RULES if r.privacy}
