"""The preparation sheet (``mlplan prepare``): its data (``mlplan.domain.prepare``) and its page
(``render/pages/prepare.py``), read through ``plain_text``, the words every format shows.

The example plan (Anne de Vries; meetings 2025-10-15 introductie and 2026-07-01 voortgang)
at 2026-12-03: since the last meeting only the course DOO leiderschap was done
(2026-10-09). ``BUSY`` adds an activity done after it, with evidence.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from mlplan import i18n
from mlplan.domain.checking import check_text
from mlplan.domain.prepare import Preparation, prepare
from mlplan.domain.summary import summarise
from mlplan.io.loading import load_framework
from mlplan.model.framework import Framework
from mlplan.render.document import Fields, Section, Table, walk
from mlplan.render.pages import prepare as page
from mlplan.render.pages.common import BLANK

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = (ROOT / "data" / "example-plan.yaml").read_text(encoding="utf-8")
SOURCE = ROOT / "tests" / "assets" / "basisdocument-2017.txt"
TODAY = dt.date(2026, 12, 3)
# the third competency's activity, in progress in the example, done after the last meeting
BUSY = EXAMPLE.replace(
    """    title: Rol in interdisciplinair behandelteam
    year: 2
    goal: is in staat jongere aios en coassistenten te begeleiden en te onderwijzen
    status: in_progress""",
    """    title: Rol in interdisciplinair behandelteam
    year: 2
    goal: is in staat jongere aios en coassistenten te begeleiden en te onderwijzen
    status: done
    done_on: 2026-11-05
    evidence: KPB begeleiden coassistenten""",
)


@pytest.fixture(scope="module")
def fw() -> Framework:
    return load_framework()


def sheet(fw: Framework, text: str = EXAMPLE, today: dt.date = TODAY) -> Preparation:
    checked = check_text(text, "plan.yaml", fw, today)
    return prepare(summarise(checked, fw, today), fw)


def competency_section(doc_blocks: tuple[object, ...], number: int) -> Section:
    found = [
        b
        for b in walk(doc_blocks)  # type: ignore[arg-type]
        if isinstance(b, Section) and b.heading.startswith(f"Competentie {number}:")
    ]
    assert len(found) == 1
    return found[0]


def test_busy_plan_differs_from_the_example() -> None:
    assert BUSY != EXAMPLE


def test_done_since_the_last_meeting_is_grouped_per_competency(fw: Framework) -> None:
    prep = sheet(fw, BUSY)
    done = {w.coverage.number: [i.title for i in w.done_since] for w in prep.competencies}
    assert done == {1: [], 2: [], 3: ["Rol in interdisciplinair behandelteam"], 4: []}
    assert [i.title for i in prep.courses_done] == ["DOO leiderschap"]
    assert prep.unplaced_done == ()


def test_each_competency_shows_its_work_with_evidence_and_a_line_to_assess_it(
    fw: Framework,
) -> None:
    doc = page.document(sheet(fw, BUSY))
    third = competency_section(doc.blocks, 3)
    assert third.heading == "Competentie 3: Toont leiderschap in de beroepspraktijk"
    assert third.summary == "4/4 gedekt, 2 afgerond"
    text = page_text(third)
    assert "2026-11-05 Rol in interdisciplinair behandelteam" in text
    assert "KPB begeleiden coassistenten" in text
    for number in (1, 2, 3, 4):
        fields = [b for b in competency_section(doc.blocks, number).blocks if isinstance(b, Fields)]
        assert [(f.label, f.value) for f in fields[0].fields] == [("Zelfbeoordeling", BLANK)]
    first = page_text(competency_section(doc.blocks, 1))
    assert "Niets afgerond in deze periode." in first


def page_text(section: Section) -> str:
    from mlplan.render.document import Document, plain_text

    return plain_text(Document(title="", blocks=(section,)))


def test_the_questions_are_the_tips_word_for_word(fw: Framework) -> None:
    """Quoted as the source asks them (tests/assets holds the source's text)."""
    text = _plain(sheet(fw))
    source = " ".join(SOURCE.read_text(encoding="utf-8").split())
    questions = re.findall(r"^‘(.*)’$", text, flags=re.MULTILINE)
    assert questions[:2] == [
        "Wat weet/kan ik al en wat wil ik hierin ontwikkelen?",
        "Hoe past dat binnen de activiteiten die ik de komende tijd (half jaar /jaar) ga uitvoeren",
    ]
    assert len(questions) == 3
    for question in questions:
        words = question.removesuffix(")").replace("supervisie/feedback", "supervisie/ feedback")
        assert words in source, question
    assert "Ga voor de 4 beschreven competenties na:" in text
    assert (
        "Uit: Tips voor aios: hoe pas ik de ontwikkeling van medisch leiderschap in in mijn "
        "opleiding? — Medisch leiderschap in de medische vervolgopleiding (Federatie Medisch "
        "Specialisten, 2017)." in text
    )


def test_a_framework_without_tips_gives_a_sheet_without_questions(fw: Framework) -> None:
    bare = fw.model_copy(update={"reflection": None})
    text = _plain(sheet(bare))
    assert "‘Wat weet" not in text
    assert "Zelfbeoordeling" in text


def test_open_agreements_with_what_they_mention_and_whether_it_moved(fw: Framework) -> None:
    text = _plain(sheet(fw))
    assert "Open afspraken van het laatste gesprek (2026-07-01, voortgangsgesprek)" in text
    assert "DOO leiderschap inplannen DOO leiderschap ja, afgerond 2026-10-09" in text
    assert (
        "Verslag en presentatie incidenten/complicaties voor het einde van het jaar "
        "Verslag en presentatie incidenten/complicaties nee, nog gepland"
    ) in text
    # version-1 agreements are text: no owner or due date to show, so no such columns
    assert "Wie" not in text and "Uiterlijk" not in text


def test_due_next_overdue_and_the_check(fw: Framework) -> None:
    text = _plain(sheet(fw))
    assert "Aan de beurt in de komende 6 maanden (tot 2027-06-03)" in text
    assert "2 Delen/bespreken life events Werk en privé gepland" in text
    assert "Achterstallig" not in text  # nothing overdue: no empty section on one page
    assert "Controle (mlplan check)\nGeen fouten of waarschuwingen." in text
    late = _plain(sheet(fw, today=dt.date(2027, 10, 1)))
    assert "Achterstallig\nJaar Activiteit of cursus Onderwerp Status" in late
    assert "mlplan check" in late and "ML202" in late


def test_without_a_meeting_the_period_starts_at_the_training(fw: Framework) -> None:
    text = EXAMPLE[: EXAMPLE.index("meetings:")]
    doc = _plain(sheet(fw, text))
    assert "Gedaan sinds de start van de opleiding (2025-09-01)" in doc
    assert "Open afspraken\nNog geen gesprek vastgelegd." in doc
    assert "Laatste gesprek: nog geen gesprek vastgelegd" in doc


def test_the_sheet_in_english(fw: Framework) -> None:
    i18n.set_language("en")
    try:
        doc = page.document(sheet(fw, BUSY))
    finally:
        i18n.set_language(i18n.DEFAULT_LANGUAGE)
    from mlplan.render.document import plain_text

    text = plain_text(doc)
    assert doc.title == "Anne de Vries — meeting preparation 2026-12-03"
    assert doc.lang == "en"
    assert "Self-assessment: " + BLANK in text
    assert "Open agreements of the last meeting (2026-07-01, progress meeting (voortgang))" in text
    # the source's questions stay in its Dutch, and the sheet says so
    assert "‘Wat weet/kan ik al en wat wil ik hierin ontwikkelen?’" in text
    assert "quoted in the source's Dutch" in text


def test_json_has_the_sheet_per_competency(fw: Framework) -> None:
    data = page.to_data(sheet(fw, BUSY))
    assert data["format"] == "mlplan-prepare"
    third = data["competencies"][2]
    assert third["number"] == 3
    assert [(i["title"], i["evidence"]) for i in third["done_since"]] == [
        ("Rol in interdisciplinair behandelteam", "KPB begeleiden coassistenten")
    ]
    assert [i["course"] for i in data["courses_done_since"]] == ["doo-leiderschap"]
    assert [a["text"] for a in data["open_agreements"]] == [
        "Symposium organiseren in jaar 2",
        "DOO leiderschap inplannen",
        "Verslag en presentatie incidenten/complicaties voor het einde van het jaar",
    ]
    assert data["open_agreements"][0]["owner"] is None
    assert (
        data["reflection"]["questions"][0] == "Wat weet/kan ik al en wat wil ik hierin ontwikkelen?"
    )
    assert data["since"] == "2026-07-01" and data["since_source"] == "meeting"


def _plain(prep: Preparation) -> str:
    from mlplan.render.document import plain_text

    return plain_text(page.document(prep))


# the agreements recorded with follow-up (owner, due, outcome): the last meeting's open ones
# with who and by when (one past due), an achieved one left out, and an earlier meeting's
# agreement still open past its due date
FOLLOWED = (
    EXAMPLE[: EXAMPLE.index("meetings:")]
    + """meetings:
  - date: 2025-10-15
    kind: introductie
    agreements:
      - Coach-the-co volgen in het eerste jaar
      - text: Mentor kiezen
        owner: aios
        due: 2026-01-15
  - date: 2026-07-01
    kind: voortgang
    agreements:
      - text: DOO leiderschap inplannen
        owner: aios
        due: 2026-09-01
        outcome: achieved
      - text: Symposium organiseren in jaar 2
        owner: opleider
        due: 2026-11-01
      - text: Verslag en presentatie incidenten/complicaties voor het einde van het jaar
        owner: dr. P. Pieters
        due: 2027-08-31
"""
)


def test_open_agreements_with_owner_and_due_date(fw: Framework) -> None:
    prep = sheet(fw, FOLLOWED)
    assert [a.text for a in prep.open_agreements] == [
        "Symposium organiseren in jaar 2",
        "Verslag en presentatie incidenten/complicaties voor het einde van het jaar",
    ]
    doc = page.document(prep)
    text = _plain(prep)
    assert "Afspraak Wie Uiterlijk Gaat over In beweging?" in text
    assert "Symposium organiseren in jaar 2 opleider 2026-11-01, te laat" in text
    assert "dr. P. Pieters 2027-08-31" in text
    assert "DOO leiderschap inplannen" not in text  # achieved: settled
    assert "Nog open uit eerdere gesprekken, over de termijn:\nMentor kiezen\n" in text
    assert "aios · gesprek van 2025-10-15 · 2026-01-15, te laat" in text
    table = next(
        b for b in walk(doc.blocks) if isinstance(b, Table) and b.columns[1].header == "Wie"
    )
    assert table.row_tones == ("bad", None)
    data = page.to_data(prep)
    assert [(a["owner"], a["due"], a["overdue"]) for a in data["open_agreements"]] == [
        ("opleider", "2026-11-01", True),
        ("dr. P. Pieters", "2027-08-31", False),
    ]
    assert data["earlier_overdue_agreements"] == [
        {"text": "Mentor kiezen", "meeting": "2025-10-15", "due": "2026-01-15", "owner": "aios"}
    ]
