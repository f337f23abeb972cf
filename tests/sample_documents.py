"""Hand-built documents for the emitters' tests: every block type, accents in every slot,
and a table long enough to run over several pages."""

from __future__ import annotations

from mlplan.render.document import (
    Cell,
    Column,
    Document,
    Field,
    Fields,
    Figure,
    Finding,
    Findings,
    ItemList,
    ListItem,
    Paragraph,
    Section,
    Table,
)

ACCENTS = "Één coördinator, ë ï"

# a picture with shapes and text, as render/svg draws them (a font list of its own)
SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="480" height="90" viewBox="0 0 480 90" '
    'font-family="system-ui, -apple-system, \'Segoe UI\', Roboto, sans-serif" font-size="12">'
    '<rect x="0" y="10" width="150" height="30" fill="#56B4E9"/>'
    '<rect x="160" y="10" width="150" height="30" fill="#E69F00"/>'
    '<rect x="320" y="10" width="150" height="30" fill="#009E73"/>'
    '<line x1="240" y1="0" x2="240" y2="90" stroke="#CC79A7" stroke-width="2"/>'
    '<circle cx="60" cy="60" r="7" fill="#009E73"/>'
    '<text x="10" y="85">Jaar 1 · coördinatie</text>'
    "</svg>"
)


def long_table(rows: int = 70) -> Table:
    """A table of ``rows`` activities whose first column wraps: several pages of PDF."""
    return Table(
        (
            Column("Activiteit"),
            Column("Status", wrap=False),
            Column("Kort", document=False),
            Column("Datum", wrap=False, right=True),
        ),
        tuple(
            (
                f"Rij {n}: {ACCENTS} — een lange omschrijving van een activiteit in het "
                "leiderschapsonderwijs, die in een smalle kolom over regels afbreekt",
                Cell("gedaan", tone="good") if n % 3 == 0 else "gepland",
                "verborgen",
                f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}",
            )
            for n in range(1, rows + 1)
        ),
    )


def every_block(rows: int = 70) -> Document:
    """A document with every block type, accents everywhere, a long table at the end."""
    return Document(
        title=f"Plan medisch leiderschap: {ACCENTS}",
        subtitle="Interne geneeskunde · Ziekenhuis Oost",
        header=f"{ACCENTS} · 3 dec 2026",
        lang="nl",
        meta={"author": "Anne de Vriës", "subject": "IOP medisch leiderschap"},
        blocks=(
            Fields(
                (
                    Field("Aios", ACCENTS),
                    Field("Opleiding", "jaar 2 van 5 (sep 2025 – aug 2030)"),
                    Field("Opleider", "dr. Ïsa Müller-Öztürk"),
                )
            ),
            Section(
                "Jaar 2 · coördinatie",
                (
                    Paragraph(f"Een alinea met {ACCENTS} die doorloopt. " * 6),
                    Paragraph("Let op: deze afspraak is te laat.", tone="bad"),
                    Table(
                        (
                            Column("Onderwerp"),
                            Column("Aantal", right=True, wrap=False),
                            Column("Alleen terminal", document=False),
                        ),
                        (
                            (Cell("Overdracht voorzitten", tone="good"), "2", "x"),
                            ("Regel één\nregel twee", Cell("1", tone="bad"), "x"),
                        ),
                        row_tones=(None, "warn"),
                    ),
                    Section(
                        "Competentie: samenwerken",
                        (
                            ItemList(
                                (
                                    ListItem("Cursus leiderschap", ("gedaan op 3 mrt 2026",)),
                                    ListItem("Te laat: evaluatie", tone="bad"),
                                )
                            ),
                            ItemList(
                                (ListItem("eerste stap"), ListItem("tweede stap")), numbered=True
                            ),
                        ),
                    ),
                    Findings(
                        (
                            Finding("plan.yaml:3:5", "ML101", "error", f"Fout bij {ACCENTS}"),
                            Finding("plan.yaml:9:1", "ML202", "warning", "Een waarschuwing"),
                        )
                    ),
                    Figure(SVG, "Tijdlijn: jaar 1 tot 3, vandaag in jaar 2"),
                ),
                summary="3 gedaan, 2 gepland",
                tone="accent",
                anchor="jaar-2",
            ),
            Section("Alle activiteiten", (long_table(rows),)),
        ),
    )
