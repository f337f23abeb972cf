"""The HTML emitter (``render/emit_html.py``) without a browser: escaping, structure, the
Content-Security-Policy, print CSS and self-containment. ``test_html_browser.py`` shows
the same files in Chromium."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

from mlplan.render import emit_html
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
    Medium,
    Paragraph,
    Quote,
    Section,
    Table,
)
from mlplan.render.output import clean

HOSTILE = '<script>alert(\'x\')</script> "onmouseover="x" & é </style> \x1b[2J\x07\u202e\x00 \x9b'


class Parsed(HTMLParser):
    """Start tags with their attributes, text per tag, the style sheets, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)
        else:
            self.text.append(data)

    def names(self) -> list[str]:
        return [tag for tag, _ in self.tags]

    def attrs(self, tag: str) -> list[dict[str, str | None]]:
        return [a for name, a in self.tags if name == tag]


def parse(html: str) -> Parsed:
    parser = Parsed()
    parser.feed(html)
    parser.close()
    return parser


def every_block(text: str = "tekst") -> Document:
    """A document with every block type, every text slot filled with ``text``."""
    return Document(
        title=f"Titel {text}",
        subtitle=f"Onder {text}",
        header=f"Kop {text}",
        lang="nl",
        meta={"author": f"Auteur {text}"},
        code=f"id {text}",
        blocks=(
            Fields((Field(f"Label {text}", f"Waarde {text}"),)),
            Quote(f"Citaat {text}"),
            Medium(
                terminal=(Paragraph("alleen terminal-blok"),),
                document=(
                    ItemList(
                        (
                            ListItem(f"Def {text}", term=f"Term {text}"),
                            ListItem(f"Vb {text}", label=f"Etiket {text}"),
                        )
                    ),
                ),
            ),
            Section(
                f"Sectie {text}",
                (
                    Paragraph(f"Alinea {text}", tone="bad"),
                    Table(
                        (
                            Column(f"Kolom {text}", right=True),
                            Column("Alleen terminal", document=False),
                            Column("Status", tone="muted"),
                        ),
                        (
                            (Cell(f"Cel {text}", short="kort", tone="good"), "verborgen", "x"),
                            ("2", "verborgen", f"regel één\nregel twee {text}"),
                        ),
                        row_tones=(None, "warn"),
                    ),
                    Section(
                        f"Sub {text}", (ItemList((ListItem(f"Item {text}", (f"Detail {text}",)),)),)
                    ),
                    ItemList((ListItem("genummerd"),), numbered=True),
                    Findings((Finding(f"plan.yaml:3:5 {text}", "ML101", "error", f"Fout {text}"),)),
                    Figure(
                        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>',
                        f"Alt {text}",
                    ),
                ),
                summary=f"Samenvatting {text}",
                tone="accent",
                anchor=f"sectie-{text}",
            ),
        ),
    )


def test_every_block_type_has_its_semantic_element() -> None:
    html = emit_html.to_html(every_block())
    parsed = parse(html)
    names = parsed.names()
    assert html.startswith("<!DOCTYPE html>\n")
    assert parsed.attrs("html") == [{"lang": "nl"}]
    assert names.count("h1") == 1 and names.count("h2") == 1 and names.count("h3") == 1
    for tag in (
        "section",
        "dl",
        "dt",
        "dd",
        "table",
        "thead",
        "tbody",
        "th",
        "td",
        "ul",
        "ol",
        "li",
        "figure",
        "svg",
        "code",
        "blockquote",
        "strong",
        "em",
    ):
        assert tag in names, tag
    assert "alleen terminal-blok" not in html  # a Medium's terminal blocks
    assert "<h1>Titel tekst (<code>id tekst</code>)</h1>" in html
    # a table's header cells name their column; a column only the terminal shows is absent
    assert [a.get("scope") for a in parsed.attrs("th")] == ["col", "col"]
    assert "Alleen terminal" not in html and "verborgen" not in html
    assert "kort" not in html  # the short form is for narrow media
    # tones are classes; numbers go right
    assert '<p class="tone-bad">' in html
    assert '<tr class="tone-warn">' in html
    assert '<td class="tone-good num">' in html
    assert '<td class="tone-muted">' in html  # the column's tone where the cell has none
    assert '<h2 class="tone-accent">' in html
    assert 'id="sectie-tekst"' in html
    # line breaks of a cell stay line breaks
    assert "regel één<br>regel twee" in html
    # a finding says its severity in words, not only in colour
    assert '<span class="severity">fout</span>' in html
    assert '<figure role="img" aria-label="Alt tekst">' in html
    assert '<meta name="author" content="Auteur tekst">' in html


def test_every_user_text_is_escaped() -> None:
    html = emit_html.to_html(every_block(HOSTILE))
    parsed = parse(html)
    # no element, attribute or style came from the text
    assert "script" not in parsed.names()
    assert all("onmouseover" not in attrs for _, attrs in parsed.tags)
    assert len(parsed.styles) == 1 and parsed.names().count("style") == 1
    assert "</style> " not in parsed.styles[0]
    # the text reads as written, its control characters shown as escapes
    shown = "".join(parsed.text)
    visible = '<script>alert(\'x\')</script> "onmouseover="x" & é </style> \\x1b[2J\\x07\\u202e\\x00 \\u009b'
    for slot in (
        "Titel",
        "Onder",
        "Kop",
        "Label",
        "Waarde",
        "Sectie",
        "Alinea",
        "Kolom",
        "Cel",
        "Item",
        "Detail",
        "Fout",
        "Samenvatting",
        "id",
        "Citaat",
        "Term",
        "Def",
        "Etiket",
        "Vb",
    ):
        assert f"{slot} {visible}" in shown, slot
    assert f"regel twee {visible}" in shown
    # attributes hold it quoted: the figure's alt, the section's id, the author
    assert parsed.attrs("figure")[0]["aria-label"] == f"Alt {visible}"
    assert parsed.attrs("section")[0]["id"] == f"sectie-{visible}"
    # not one control character reaches the file (the output seam would have nothing to do)
    assert clean(html) == html
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]", html)


def test_the_running_header_cannot_leave_its_css_string() -> None:
    css = emit_html.style_sheet(HOSTILE)
    running = re.search(r"@top-left \{ content: (\"[^\"]*\");", css)
    assert running is not None
    assert "<" not in running.group(1) and "\x1b" not in running.group(1)
    # CSS hex escapes give the text back
    decoded = re.sub(r"\\([0-9a-f]{6})", lambda m: chr(int(m.group(1), 16)), running.group(1))
    assert decoded[1:-1] == HOSTILE.replace("\x1b", "\\x1b").replace("\x07", "\\x07").replace(
        "\u202e", "\\u202e"
    ).replace("\x00", "\\x00").replace("\x9b", "\\u009b")


def test_a_strict_content_security_policy_allows_only_its_own_style_sheet() -> None:
    html = emit_html.to_html(every_block())
    parsed = parse(html)
    policy = next(
        a["content"]
        for a in parsed.attrs("meta")
        if a.get("http-equiv") == "Content-Security-Policy"
    )
    assert policy is not None
    rules = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert rules["default-src"] == "'none'"  # no fetch of any kind: images, fonts, scripts…
    assert rules["base-uri"] == "'none'" and rules["form-action"] == "'none'"
    assert "unsafe-inline" not in policy and "script-src" not in rules
    digest = base64.b64encode(hashlib.sha256(parsed.styles[0].encode()).digest()).decode()
    assert rules["style-src"] == f"'sha256-{digest}'"
    # the policy comes before anything it must govern
    assert html.index("Content-Security-Policy") < html.index("<style>")


def test_print_css_keeps_rows_and_pictures_whole_on_a4() -> None:
    css = emit_html.style_sheet("Anne de Vries · 3 dec 2026")
    assert "@page { size: A4;" in css
    media = css[css.index("@media print") :]
    assert re.search(r"tr, li, [^{]*figure[^{]*\{ break-inside: avoid;", media)
    assert "break-after: avoid" in media  # a heading stays with what follows it
    assert "thead { display: table-header-group; }" in media  # repeated on every page
    assert "counter(page)" in css and "Anne de Vries" in css


def references(html: str) -> list[str]:
    """Everything in an HTML file that could make a browser fetch: URL attributes, CSS
    ``url()`` other than a reference inside the file (``url(#id)``), ``@import``."""
    parsed = parse(html)
    found = [
        f"{tag} {name}={value}"
        for tag, attrs in parsed.tags
        for name, value in attrs.items()
        if name in ("src", "href", "xlink:href", "srcset", "action", "poster", "data", "background")
    ]
    found += re.findall(r"url\((?!#)[^)]*\)", html)
    found += re.findall(r"@import", html)
    # the only URL is the SVG namespace's name, which no browser fetches
    found += [
        u
        for u in re.findall(r"[a-z][a-z0-9+.-]*://[^\s\"'<>)]*", html)
        if u != "http://www.w3.org/2000/svg"
    ]
    return found


def test_the_file_references_nothing_outside_itself() -> None:
    assert references(emit_html.to_html(every_block(HOSTILE))) == []
    # the check sees a reference when there is one
    assert references('<img src="x.png"><p style="background:url(http://a/b)">') != []


def test_a_group_file_is_written_in_parts_around_its_pages() -> None:
    pages = [emit_html.fragment(every_block(f"nr {n}"), level=2) for n in (1, 2)]
    parts = list(emit_html.page_parts("Groep", iter(pages), lang="en", header="Groep"))
    html = "".join(parts)
    assert len(parts) == 4  # head, the two pages, the end: none of them built twice
    parsed = parse(html)
    assert parsed.attrs("html") == [{"lang": "en"}]
    assert parsed.names().count("article") == 2 and parsed.names().count("h2") == 2
    assert html.rstrip().endswith("</html>")


# -- the emitters' shared sample (tests/test_emitters.py): what HTML shows of each block ----


def _sample() -> str:
    from test_emitters import SAMPLE

    return emit_html.to_html(SAMPLE)


def _html_section(out: str) -> None:
    assert '<section id="year-2">\n<h2 class="tone-accent">Jaar 2 (sep 2026 – aug 2027)</h2>' in out
    assert "<h3>Competentie 1</h3>" in out
    assert '<h2>Dekking</h2>\n<p class="summary">12 van 20 gedekt</p>' in out


def _html_paragraph(out: str) -> None:
    assert (
        "<p>Status: afgerond of bezig.</p>" in out and "Met het Nr" not in out
    )  # documents' words
    assert '<p class="tone-muted">Geen cursussen in dit jaar.</p>' in out


def _html_fields(out: str) -> None:
    assert "<div><dt>Specialisme</dt><dd>Neurologie</dd></div>" in out


def _html_table(out: str) -> None:
    parsed = parse(out)
    assert [a.get("width") for a in parsed.attrs("col")] == ["6%", "26%", "32%", "16%", "19%"]
    headers = '<th scope="col" class="num">Nr</th><th scope="col">Onderwerp</th>'
    assert f"<thead><tr>{headers}" in out and "Activiteit en doel" not in out
    assert "<td>Overlegmomenten (<code>overlegmomenten</code>)</td>" in out
    assert "<td>Visite<br>Poli</td>" in out  # a list's items, one a line
    assert "Organisatie van ziekenhuis en zorg" in out and ">organisatie<" not in out
    assert '<tr class="tone-bad"><td class="num">12</td>' in out


def _html_item_list(out: str) -> None:
    assert (
        '<li class="tone-strong">Vaker het initiatief nemen<div class="details">Hoe: elke week'
        '</div><div class="details"><em>Bewijs:</em> twee KPB&#x27;s</div></li>'
    ) in out
    assert "<ol>" in out and '<li class="tone-good">✓ afgerond: Coach-the-co</li>' in out


def _html_findings(out: str) -> None:
    assert (
        '<li class="finding finding-error"><code>plan.yaml:3:5</code> '
        '<span class="severity">fout</span> <span class="code">ML101</span> '
        "onbekend onderwerp &#x27;x&#x27;</li>"
    ) in out
    assert (
        '<strong class="code">ML201</strong> (<span class="severity">waarschuwing</span>), '
        "regel 9, kolom 1: geen cursus</li>"
    ) in out
    assert '<li class="more">… en nog 3; alles met: mlplan check plan.yaml</li>' in out


def _html_quote(out: str) -> None:
    assert "<blockquote><p>Van ieder onderwerp *minimaal* één uitwerken.</p></blockquote>" in out


def _html_medium(out: str) -> None:
    assert "Meer: mlplan framework" not in out  # the terminal's blocks
    assert (
        '<td><code>coach-the-co</code></td><td><a href="https://e.org/a">Canbetter [thema]</a>'
        in out
    )
    assert "<li><strong>Basis</strong>: voor alle aios</li>" in out
    assert "<li><em>Voorbeeld:</em> visite lopen</li>" in out
    assert '<li><a href="https://e.org/k">Inspiratiekaartjes</a><div class="details">' in out


def test_a_link_is_an_address_to_follow_only_when_it_is_one_of_the_web() -> None:
    links = ItemList(
        (
            ListItem("web", url='https://e.org/?a=1&b="x"'),
            ListItem("script", url="javascript:alert(1)"),
        )
    )
    html = emit_html.to_html(Document("t", blocks=(links,)))
    assert '<a href="https://e.org/?a=1&amp;b=&quot;x&quot;">web</a>' in html
    assert "javascript" not in html and "<li>script</li>" in html


def _html_figure(out: str) -> None:
    assert (
        '<figure role="img" aria-label="Tijdlijn van vijf jaar"><svg xmlns=\'http://www.w3.org/2000/svg\'/>'
        in out
    )
    assert "<figure role=\"img\"><svg xmlns='http://www.w3.org/2000/svg'/></figure>" in out


HTML_SHOWS = {
    Section: _html_section,
    Paragraph: _html_paragraph,
    Fields: _html_fields,
    Table: _html_table,
    ItemList: _html_item_list,
    Findings: _html_findings,
    Figure: _html_figure,
    Quote: _html_quote,
    Medium: _html_medium,
}


def test_html_shows_every_block_type_of_the_emitters_sample() -> None:
    from test_emitters import BLOCK_TYPES

    out = _sample()
    for block_type in BLOCK_TYPES:
        case = HTML_SHOWS.get(block_type)
        assert case is not None, f"no HTML case for {block_type.__name__}"
        case(out)


def test_html_refuses_a_block_it_has_no_case_for() -> None:
    import pytest

    with pytest.raises(TypeError, match="object"):
        emit_html.to_html(Document("x", blocks=(object(),)))  # type: ignore[arg-type]


def test_every_word_of_the_document_is_in_the_html() -> None:
    from test_emitters import SAMPLE

    from mlplan.render.document import plain_text

    parsed = parse(emit_html.to_html(SAMPLE))
    # a picture's text alternative is its figure's label, for those who cannot see it
    labels = [str(a.get("aria-label")) for a in parsed.attrs("figure")]
    text = " ".join([*parsed.text, *labels])
    words = set(re.findall(r"\w+", plain_text(SAMPLE)))
    assert words - set(re.findall(r"\w+", text)) == set()


def test_html_is_a_text_format_of_the_registry_that_needs_no_extra(tmp_path: Path) -> None:
    from mlplan.cli.commands import documents
    from mlplan.io import fileio, formats

    fmt = formats.get("html")
    assert not fmt.binary and fmt.extra is None and fmt.modules == ()
    assert fmt.pictures and not formats.get("markdown").pictures
    assert formats.extensions(("table", "html")) == {
        ".txt": "table",
        ".html": "html",
        ".htm": "html",
    }
    assert formats.emitter("html") is emit_html.to_html
    assert documents.is_document("html")
    documents.prepare("html", None)  # text: it may go to stdout, no --output needed
    # an existing .html/.htm is replaced; anything else is refused without --force
    page = tmp_path / "plan.htm"
    page.write_text("oud", encoding="utf-8")
    fileio.write_output(page, "<!DOCTYPE html>", "html", force=False)
    assert page.read_text(encoding="utf-8") == "<!DOCTYPE html>"
    notes = tmp_path / "notes.md"
    notes.write_text("mijn notities", encoding="utf-8")
    import pytest

    from mlplan.errors import WriteError

    with pytest.raises(WriteError):
        fileio.write_output(notes, "<!DOCTYPE html>", "html", force=False)
    assert notes.read_text(encoding="utf-8") == "mijn notities"
