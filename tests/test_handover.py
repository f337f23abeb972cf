"""The overdrachtsdocument (``mlplan handover``): its data (``mlplan.domain.handover``) and its
page (``render/pages/handover.py``), read through ``plain_text``.

``BUSY`` is the example plan with one activity done without a date, one dropped, and a
meeting planned after ``TODAY``; at 2027-10-01 the open items of year 2 are overdue.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mlplan import i18n
from mlplan.domain.checking import check_text
from mlplan.domain.handover import Handover, build
from mlplan.io.loading import load_framework
from mlplan.model.framework import Framework
from mlplan.render.document import Section, Table, plain_text, walk
from mlplan.render.pages import handover as page
from mlplan.render.pages.common import BLANK

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = (ROOT / "data" / "example-plan.yaml").read_text(encoding="utf-8")
TODAY = dt.date(2026, 12, 3)
BUSY = (
    EXAMPLE.replace(
        """  - topic: werk-en-prive
    title: Delen/bespreken life events
    year: 2
""",
        """  - topic: werk-en-prive
    title: Delen/bespreken life events
    year: 2
  - topic: werk-en-prive
    title: Werkplanning per kwartaal
    year: 2
    status: dropped
  - topic: doelmatigheid
    title: Doelmatigheidsproject polikliniek
    year: 1
    status: done
""",
    )
    + """  - date: 2027-03-01
    kind: voortgang
    notes: Gepland.
"""
)


@pytest.fixture(scope="module")
def fw() -> Framework:
    return load_framework()


def handover(
    fw: Framework, text: str = EXAMPLE, today: dt.date = TODAY, to: str | None = None
) -> Handover:
    return build(check_text(text, "plan.yaml", fw, today), fw, today, to)


def section(h: Handover, heading: str) -> str:
    doc = page.document(h)
    found = [b for b in walk(doc.blocks) if isinstance(b, Section) and b.heading == heading]
    assert len(found) == 1, heading
    from mlplan.render.document import Document

    return plain_text(Document(title="", blocks=(found[0],)))


def test_busy_plan_differs_from_the_example() -> None:
    assert BUSY.count("- topic:") == EXAMPLE.count("- topic:") + 2
    assert BUSY.endswith("notes: Gepland.\n")


def test_who_hands_over_to_whom_with_the_training_and_where_it_stands(fw: Framework) -> None:
    text = section(handover(fw, to="dr. K. de Boer"), "Aios en opleiding")
    assert text.splitlines()[1:] == [
        "Aios: Anne de Vries",
        "Specialisme: Neurologie",
        "Opleider: dr. J. Jansen",
        "Instelling: LUMC",
        "Opleidingsperiode: 1 sep 2025 – 31 aug 2030 (5 jaar)",
        "Stand op 3 dec 2026: jaar 2 van 5, begin",
        "Kader: Medisch leiderschap in de medische vervolgopleiding",
        "Overgedragen aan: dr. K. de Boer",
        "Datum van overdracht: 3 dec 2026",
    ]


def test_without_to_or_supervisor_there_is_room_to_write_the_names(fw: Framework) -> None:
    text = EXAMPLE.replace("  supervisor: dr. J. Jansen\n", "")
    lines = section(handover(fw, text), "Aios en opleiding").splitlines()
    assert f"Opleider: {BLANK}" in lines
    assert f"Overgedragen aan: {BLANK}" in lines


def test_every_done_activity_with_date_and_evidence_oldest_first(fw: Framework) -> None:
    h = handover(fw, BUSY)
    text = section(h, "Afgeronde activiteiten")
    rows = text.splitlines()[3:]
    assert rows[0] == (
        "15 okt 2025 Opstellen en bewaken eigen IOP Ontwikkelen eigen (toekomst)visie "
        "IOP besproken in introductiegesprek"
    )
    assert rows[4] == (
        "30 jun 2026 360 graden feedback Persoonlijk leiderschap 360°-feedback besproken met opleider"
    )
    # done without a date (check's ML201): listed last, with an empty date
    assert rows[5].strip() == "Doelmatigheidsproject polikliniek Doelmatigheid"
    assert "6 activiteiten" in text


def test_open_and_planned_by_year_with_overdue_ones_marked(fw: Framework) -> None:
    h = handover(fw, BUSY, today=dt.date(2027, 10, 1))
    text = section(h, "Open en gepland")
    assert (
        "2 Organiseren onderwijs, symposium Organisatie van ziekenhuis en zorg ▶ bezig · achterstallig"
        in text
    )
    assert "3 Verwonder en Verbeter Verandermanagement ○ gepland" in text
    assert "Werkplanning per kwartaal" not in text.split("Vervallen")[0]
    assert "Vervallen\nWerkplanning per kwartaal (jaar 2)" in text
    table = next(b for b in walk(page.document(h).blocks) if isinstance(b, Table) and b.row_tones)
    assert table.row_tones is not None
    assert table.row_tones.count("bad") == len(h.overdue) == 4  # the open ones of year 2


def test_coverage_courses_and_improvement_points(fw: Framework) -> None:
    h = handover(fw)
    coverage = section(h, "Dekking van de onderwerpen")
    assert "14/14 onderwerpen gedekt, waarvan 5 afgerond." in coverage
    assert "2. Beheert de middelen voor optimale gezondheidszorg 3/3 0 –" in coverage
    courses = section(h, "Cursussen")
    assert (
        "2 DOO leiderschap verplicht ✓ afgerond 9 okt 2026 · Certificaat DOO leiderschap" in courses
    )
    assert "✓ afgerond: Coach-the-co (of soortgelijke cursus)" in courses
    points = section(h, "Verbeterpunten (TOP 3)")
    assert "Kennis van ziekenhuisfinanciën vergroten\nHoe: Video's" in points


def test_meeting_history_with_the_open_agreements(fw: Framework) -> None:
    h = handover(fw, BUSY)
    text = section(h, "Gesprekken")
    assert text.splitlines()[1] == "3 gesprekken"
    assert "15 okt 2025 · introductiegesprek\nKennismaking;" in text
    assert "Coach-the-co volgen in het eerste jaar" in text
    assert "1 mrt 2027 · voortgangsgesprek (gepland)\nGepland." in text
    assert "Open afspraken van het laatste gesprek (1 jul 2026, voortgangsgesprek)" in text
    assert "DOO leiderschap inplannen DOO leiderschap ja, afgerond 9 okt 2026" in text


def test_check_status_lists_every_finding(fw: Framework) -> None:
    h = handover(fw, BUSY)
    text = section(h, "Bevindingen van de controle")
    assert "ML201" in text  # the undated done activity
    clean = section(handover(fw), "Bevindingen van de controle")
    assert "Geen bevindingen" in clean


def test_the_document_in_english(fw: Framework) -> None:
    i18n.set_language("en")
    try:
        doc = page.document(handover(fw, to="Dr K. de Boer"))
    finally:
        i18n.set_language(i18n.DEFAULT_LANGUAGE)
    text = plain_text(doc)
    assert doc.title == "Handover document on medical leadership: Anne de Vries"
    assert "Handed over to: Dr K. de Boer" in text
    assert "Completed activities" in text and "Open and planned" in text


def test_json_joins_the_plan_and_the_summary(fw: Framework) -> None:
    h = handover(fw, BUSY, to="dr. K. de Boer")
    data = page.to_data(h)
    assert data["format"] == "mlplan-handover"
    assert (data["from"], data["to"]) == ("dr. J. Jansen", "dr. K. de Boer")
    by_number = {a["number"]: a for a in data["plan"]["activities"]}
    assert [by_number[n]["status"] for n in data["done"]] == ["done"] * 6
    assert {by_number[n]["status"] for n in data["open"]} == {"planned", "in_progress"}
    assert [by_number[n]["title"] for n in data["dropped"]] == ["Werkplanning per kwartaal"]
    assert data["summary"]["format"] == "mlplan-summary"


def test_meeting_history_shows_each_agreements_follow_up(fw: Framework) -> None:
    from tests.test_prepare import FOLLOWED

    text = section(handover(fw, FOLLOWED), "Gesprekken")
    assert "Coach-the-co volgen in het eerste jaar\n" in text  # text only: as written
    assert "Mentor kiezen (aios · uiterlijk 15 jan 2026)\nstaat nog open, over de termijn" in text
    assert "DOO leiderschap inplannen (aios · uiterlijk 1 sep 2026 · behaald)\n" in text
    assert (
        "Verslag en presentatie incidenten/complicaties voor het einde van het jaar "
        "(dr. P. Pieters · uiterlijk 31 aug 2027)\nstaat nog open"
    ) in text
    open_part = text.split("Open afspraken van het laatste gesprek")[1]
    assert "Symposium organiseren in jaar 2 opleider 1 nov 2026, te laat" in open_part
    assert "DOO leiderschap inplannen" not in open_part
