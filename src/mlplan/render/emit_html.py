"""The HTML emitter of the document model: one self-contained, printable file.

Self-contained: the style sheet is inline, pictures are inline SVG, fonts are the
reader's own (a system font stack), so the file opens the same from an e-mail, a USB stick
or an e-portfolio's upload, with no network. A Content-Security-Policy in the file says so
to the browser as well: nothing may be fetched, no script runs, and only this file's own
style sheet applies (by its hash); a link, an image or a style that user text could
smuggle in is refused by the browser even if escaping failed.

Every text of the document is the user's or the catalogue's and is escaped here
(:func:`esc`): markup and quotes become character references, control characters the
visible escapes every output of mlplan shows. ``Figure.svg`` is markup built by
``render/svg.py``, which escapes the text it holds; it is put in as it is. What only a
terminal shows (``Column.terminal``-only columns, ``Paragraph.terminal``, ``Table.stack``,
``Cell.short``, a ``Medium``'s terminal blocks) is left out; ``Column.weight`` becomes the
columns' widths. Identifiers (the tone ``code``, ``Document.code``) are ``code``, links
(``Cell.url``, ``ListItem.url``) ``a`` elements: following a link is no fetch.

Semantic HTML: ``h1`` for the title, ``h2``… for sections by depth, ``table`` with
``thead`` and ``th scope``, ``dl`` for fields, ``ol``/``ul`` for lists, ``figure`` for
pictures, ``lang`` on the root. Tones are CSS classes (``tone-bad``…), each with a colour
and a weight, so they also read in black and white. Printed (A4), table rows, list items,
field pairs and pictures are not split over pages, headings stay with what follows, and
each page repeats the document's header line.

A group (``summary`` of a folder) is one file of many pages: :func:`page_parts` writes the
file around fragments (:func:`fragment`) that are made one at a time, elsewhere.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from html import escape

from mlplan import __version__
from mlplan.i18n import t
from mlplan.render.document import (
    Block,
    Cell,
    Column,
    Document,
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
    Tone,
    cell,
)
from mlplan.render.paper import shares
from mlplan.render.safe import escape_controls


def esc(text: str) -> str:
    """Text as HTML character data or a quoted attribute value."""
    return escape(escape_controls(text, keep="\n"), quote=True)


def _lines(text: str) -> str:
    """Escaped text whose line feeds are line breaks."""
    return "<br>".join(esc(line) for line in text.split("\n"))


def _tone(tone: Tone | None, *more: str) -> str:
    """A class attribute for a tone (nothing for "normal" and for "code", which is an
    element: :func:`_text`) and further classes."""
    shown = tone and tone not in ("normal", "code")
    classes = [*([f"tone-{tone}"] if shown else []), *(m for m in more if m)]
    return f' class="{" ".join(classes)}"' if classes else ""


def _text(text: str, tone: Tone | None = None, url: str = "") -> str:
    """Escaped text with its line breaks, in ``code`` when it is an identifier, a link
    when it has an address of the web (no other scheme becomes a link: ``javascript:``)."""
    out = _lines(text)
    if tone == "code" and text:
        out = f"<code>{out}</code>"
    if url.startswith(("https://", "http://")):
        return f'<a href="{esc(url)}">{out}</a>'
    return out


CSS = """\
:root { color-scheme: light; --ink: #1a1a1a; --muted: #595959; --rule: #c8c8c8;
  --band: #f4f4f4; --good: #007a56; --bad: #b3261e; --warn: #8a5a00; --accent: #0b57a4; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 62rem; padding: 1.5rem 1.25rem 3rem; color: var(--ink);
  background: #ffffff; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto,
  "Liberation Sans", "DejaVu Sans", sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 .2rem; }
h2 { font-size: 1.25rem; margin: 1.8rem 0 .5rem; padding-bottom: .2rem;
  border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.08rem; margin: 1.2rem 0 .4rem; }
h4, h5, h6 { font-size: 1rem; margin: 1rem 0 .3rem; }
p { margin: .4rem 0; }
.subtitle, .summary { color: var(--muted); }
.running { display: none; }
.tone-strong { font-weight: 650; }
.tone-muted { color: var(--muted); }
.tone-good { color: var(--good); font-weight: 600; }
.tone-bad { color: var(--bad); font-weight: 650; }
.tone-warn { color: var(--warn); font-weight: 600; }
.tone-accent { color: var(--accent); font-weight: 650; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem;
  border-bottom: 1px solid var(--rule); }
thead th { border-bottom: 2px solid var(--ink); font-weight: 650; }
tbody tr:nth-child(even) { background: var(--band); }
.num { text-align: right; font-variant-numeric: tabular-nums; }
dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem;
  margin: .5rem 0 1rem; }
dl.fields > div { display: contents; }
dt { font-weight: 650; }
dd { margin: 0; }
ol, ul { margin: .4rem 0 1rem; padding-left: 1.6rem; }
li { margin: .2rem 0; }
.details { color: var(--muted); font-size: .92rem; }
ul.findings { list-style: none; padding-left: 0; }
.findings code, td code { font-size: .88rem; }
.findings .more { color: var(--muted); }
.finding-error .severity { color: var(--bad); font-weight: 650; }
.finding-warning .severity { color: var(--warn); font-weight: 650; }
figure { margin: .8rem 0 1.2rem; overflow-x: auto; }
figure svg { display: block; max-width: 100%; height: auto; }
article.page + article.page, .overview + article.page { margin-top: 3rem;
  border-top: 3px double var(--rule); padding-top: 1rem; }
@page { size: A4; margin: 16mm 14mm 16mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h1, h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; }
  section.new-page { break-before: page; page-break-before: always; }
  tr, li, dl.fields > div, figure, .finding { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  tbody tr:nth-child(even) { background: none; }
  figure { overflow: visible; }
  article.page + article.page, .overview + article.page { break-before: page;
    page-break-before: always; margin-top: 0; border-top: none; padding-top: 0; }
}
"""


def _css_string(text: str) -> str:
    """Text as a CSS string literal: quotes, backslashes and everything that could end the
    style element or the string (``<``, line ends) as CSS escapes."""
    out = []
    for ch in escape_controls(text):
        if ch.isalnum() or ch in " .,:;·–-_()/'@+&%#!?*":
            out.append(ch)
        else:
            out.append(f"\\{ord(ch):06x}")
    return '"' + "".join(out) + '"'


def style_sheet(header: str = "") -> str:
    """The page's CSS; a printed page repeats ``header`` at its top and numbers itself."""
    running = _css_string(header) if header else '""'
    return (
        CSS
        + "@page { @top-left { content: "
        + running
        + "; font: 8pt sans-serif; color: #595959; }\n"
        + '  @bottom-right { content: counter(page) " / " counter(pages); '
        + "font: 8pt sans-serif; color: #595959; } }\n"
    )


def content_security_policy(css: str) -> str:
    """Nothing may be fetched or run; only the page's own style sheet (by its hash)."""
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    return f"default-src 'none'; style-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"


def page_parts(
    title: str,
    parts: Iterable[str],
    *,
    lang: str = "nl",
    header: str = "",
    meta: dict[str, str] | None = None,
) -> Iterator[str]:
    """A whole HTML file around ``parts`` (fragments already HTML), a part at a time."""
    css = style_sheet(header)
    lines = [
        "<!DOCTYPE html>",
        f'<html lang="{esc(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(css)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="mlplan {esc(__version__)}">',
        *(
            f'<meta name="{esc(name)}" content="{esc(value)}">'
            for name, value in sorted((meta or {}).items())
            if name in ("author", "description", "keywords", "subject")
        ),
        f"<title>{esc(title)}</title>",
        f"<style>{css}</style>",
        "</head>",
        "<body>",
    ]
    if header:
        lines.append(f'<p class="running">{esc(header)}</p>')
    yield "\n".join(lines) + "\n"
    yield from parts
    yield "</body>\n</html>\n"


def to_html(doc: Document) -> str:
    """The document as one self-contained HTML file."""
    parts = page_parts(doc.title, [fragment(doc)], lang=doc.lang, header=doc.header, meta=doc.meta)
    return "".join(parts)


def fragment(doc: Document, level: int = 1, *, css_class: str = "page") -> str:
    """The document as an ``article`` (its title a heading of ``level``): one page of a
    group's file, or the whole body of one page's file."""
    code = f" (<code>{esc(doc.code)}</code>)" if doc.code else ""
    out = [f'<article class="{esc(css_class)}">', f"<h{level}>{esc(doc.title)}{code}</h{level}>"]
    if doc.subtitle:
        out.append(f'<p class="subtitle">{_lines(doc.subtitle)}</p>')
    out += blocks(doc.blocks, level + 1)
    out.append("</article>")
    return "\n".join(out) + "\n"


def blocks(items: Sequence[Block], level: int) -> list[str]:
    out: list[str] = []
    for block in items:
        out += _block(block, level)
    return out


def _block(block: Block, level: int) -> list[str]:
    if isinstance(block, Section):
        return _section(block, level)
    if isinstance(block, Paragraph):
        return [f"<p{_tone(block.tone)}>{_text(block.text, block.tone)}</p>"]
    if isinstance(block, Quote):
        return [f"<blockquote><p>{_lines(block.text)}</p></blockquote>"]
    if isinstance(block, Medium):
        return blocks(block.document, level)
    if isinstance(block, Fields):
        pairs = "".join(
            f"<div><dt>{esc(f.label)}</dt><dd>{_lines(f.value)}</dd></div>" for f in block.fields
        )
        return [f'<dl class="fields">{pairs}</dl>']
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, ItemList):
        tag = "ol" if block.numbered else "ul"
        items = []
        for item in block.items:
            details = "".join(f'<div class="details">{_lines(d)}</div>' for d in item.details)
            details += "".join(
                f'<div class="details"><em>{esc(f.label)}:</em> {_lines(f.value)}</div>'
                for f in item.fields
            )
            items.append(f"<li{_tone(item.tone)}>{_item(item)}{details}</li>")
        return [f"<{tag}>", *items, f"</{tag}>"]
    if isinstance(block, Findings):
        items = [_finding(f) for f in block.findings]
        if block.more:
            items.append(f'<li class="more">{_lines(block.more)}</li>')
        return ['<ul class="findings">', *items, "</ul>"]
    if isinstance(block, Figure):
        label = f' aria-label="{esc(block.alt)}"' if block.alt else ""
        return [f'<figure role="img"{label}>{block.svg}</figure>']
    raise TypeError(f"no HTML for {type(block).__name__}")  # a new block type: add it here


def _item(item: ListItem) -> str:
    """An item's text after its term in bold or its label in italics, as a link when it
    has an address."""
    text = _text(item.text, item.tone, item.url)
    if item.term:
        return f"<strong>{esc(item.term)}</strong>: {text}"
    if item.label:
        return f"<em>{esc(item.label)}:</em> {text}"
    return text


def _finding(f: Finding) -> str:
    """A finding with its severity in words (not only in colour): on a page about one
    file, the code, the severity and the place in words; else the location as ``check``
    prints it."""
    severity = esc(t(f"label.{f.severity}").rstrip(":"))
    if f.place:
        head = (
            f'<strong class="code">{esc(f.code)}</strong> '
            f'(<span class="severity">{severity}</span>), {esc(f.place)}:'
        )
    else:
        head = (
            f'<code>{esc(f.location)}</code> <span class="severity">{severity}</span> '
            f'<span class="code">{esc(f.code)}</span>'
        )
    return f'<li class="finding finding-{f.severity}">{head} {_lines(f.message)}</li>'


def _section(section: Section, level: int) -> list[str]:
    h = min(level, 6)
    anchor = f' id="{esc(section.anchor)}"' if section.anchor else ""
    tone = None if section.tone == "strong" else section.tone  # a heading is strong anyway
    page = ' class="new-page"' if section.new_page else ""
    heading = esc(section.heading)
    if tone == "code":
        heading = f"<code>{heading}</code>"
    out = [f"<section{anchor}{page}>", f"<h{h}{_tone(tone)}>{heading}</h{h}>"]
    if section.summary:
        out.append(f'<p class="summary">{_lines(section.summary)}</p>')
    out += blocks(section.blocks, level + 1)
    out.append("</section>")
    return out


def _table(table: Table) -> list[str]:
    shown = [i for i, c in enumerate(table.columns) if c.document]
    columns = [table.columns[i] for i in shown]
    head = "".join(
        f'<th scope="col"{_tone(None, "num" if c.right else "")}>{esc(c.header)}</th>'
        for c in columns
    )
    out = ["<table>"]
    widths = shares(columns)  # as the page builder weighed them, as on paper
    if widths is not None:
        cols = "".join(f'<col width="{round(100 * w)}%">' for w in widths)
        out.append(f"<colgroup>{cols}</colgroup>")
    out += [f"<thead><tr>{head}</tr></thead>", "<tbody>"]
    tones = table.row_tones or ()
    for r, row in enumerate(table.rows):
        row_tone = tones[r] if r < len(tones) else None
        cells = "".join(
            _cell(cell(row[i]), columns[k]) for k, i in enumerate(shown) if i < len(row)
        )
        out.append(f"<tr{_tone(row_tone)}>{cells}</tr>")
    out += ["</tbody>", "</table>"]
    return out


def _cell(value: Cell, column: Column) -> str:
    """A cell: its lines (a list's items, one a line), its code (a topic id) after them."""
    tone = value.tone if value.tone != "normal" else column.tone
    code = f" (<code>{esc(value.code)}</code>)" if value.code else ""
    text = _text(value.text, tone, value.url)
    return f"<td{_tone(tone, 'num' if column.right else '')}>{text}{code}</td>"
