"""Every Markdown output reads the same in the three renderers people put it through.

A summary goes into a GitHub or GitLab issue (markdown-it is the CommonMark/GFM engine
here), through pandoc into a Word document for the e-portfolio, or onto a MkDocs site or
wiki (Python-Markdown). Each Markdown output of mlplan is rendered to HTML by each of them
and reduced to its structure: headings, paragraphs, lists and their nesting, tables with
their rows, cells and alignment, and the text with its inline markup. The structures must
be equal, and each renderer must show user text as typed.

The renderers, as users meet them:

- markdown-it: the ``commonmark`` preset with GFM tables and strikethrough (what GitHub
  and GitLab add to CommonMark for these documents);
- pandoc: its own ``markdown`` reader, the default of ``pandoc gesprek.md -o
  gesprek.docx``, and its ``gfm`` reader; the pandoc binary comes with the test extra
  (``pypandoc-binary``);
- Python-Markdown as MkDocs runs it: the extensions MkDocs always enables (``toc``,
  ``tables``, ``fenced_code``), nothing else.

pandoc's ``markdown`` reader sets quotes and ellipses typographically (its ``smart``
extension): that is typography, not a different text, so ``’`` counts as ``'`` and ``…``
as ``...``. Dashes are not forgiven: ``--since`` must stay an option, not become ``–since``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import pypandoc
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from mlplan.render import markdown as md
from mlplan.render.markdown import bullet, code, escape, numbered, table
from tests.conftest import examples

EXAMPLE_PLAN = Path(__file__).resolve().parents[1] / "data" / "example-plan.yaml"
FRAMEWORK = EXAMPLE_PLAN.with_name("framework.yaml")
TODAY = ("--today", "2026-11-22")

Run = Callable[..., Any]


# -- the renderers ---------------------------------------------------------------------


def _markdown_it(text: str) -> str:
    md = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    return str(md.render(text))


def _pandoc(reader: str) -> Callable[[str], str]:
    def render(text: str) -> str:
        result = subprocess.run(
            [pypandoc.get_pandoc_path(), "--from", reader, "--to", "html"],
            input=text,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=True,
        )
        return result.stdout

    return render


def _python_markdown(text: str) -> str:
    # the extensions MkDocs always enables (mkdocs/config/defaults.py: builtins)
    return markdown.markdown(text, extensions=["toc", "tables", "fenced_code"])


RENDERERS: dict[str, Callable[[str], str]] = {
    "markdown-it": _markdown_it,
    "pandoc": _pandoc("markdown"),
    "pandoc-gfm": _pandoc("gfm"),
    "python-markdown": _python_markdown,
}


# -- HTML reduced to its structure -----------------------------------------------------

BLOCKS = frozenset(
    {"h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "blockquote", "pre", "hr"}
    | {"table", "tr", "th", "td", "dl", "dt", "dd"}
)
INLINE = frozenset({"strong", "em", "code", "a", "del", "s", "sup", "sub", "br", "span"})
# pandoc's smart typography; see the module docstring
_AUTOLINK = re.compile(r"\[a (\S+)\]\1\[/a\]")
TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "…": "..."})


@dataclass
class Node:
    tag: str
    attrs: str = ""  # alignment of a table cell, start of an ordered list
    children: list[Node | str] = field(default_factory=list)

    def find(self, tag: str) -> list[Node]:
        found = []
        for child in self.children:
            if isinstance(child, Node):
                if child.tag == tag:
                    found.append(child)
                found += child.find(tag)
        return found

    def text(self) -> str:
        return " ".join(c if isinstance(c, str) else c.text() for c in self.children)

    def lines(self, depth: int = 0) -> list[str]:
        """One line per block and per text run, indented by depth: a readable diff."""
        out = [f"{'  ' * depth}<{self.tag}{self.attrs}>"]
        for child in self.children:
            out += (
                [f"{'  ' * (depth + 1)}{child}"]
                if isinstance(child, str)
                else child.lines(depth + 1)
            )
        return out


def _align(attrs: list[tuple[str, str | None]]) -> str:
    values = dict(attrs)
    style = (values.get("style") or "").replace(" ", "").rstrip(";")
    align = values.get("align") or (style.split(":", 1)[1] if "text-align:" in style else "")
    return f" align={align}" if align and align != "left" else ""


class _Reducer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("document")
        self.stack = [self.root]
        self.buffer: list[str] = []

    def _flush(self) -> None:
        text = " ".join("".join(self.buffer).translate(TYPOGRAPHY).split())
        # a bare URL that a GFM reader links by itself (as GitHub does) is the same text
        text = _AUTOLINK.sub(r"\1", text)
        if text:
            self.stack[-1].children.append(text)
        self.buffer = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCKS:
            self._flush()
            extra = _align(attrs) if tag in ("th", "td") else ""
            start = dict(attrs).get("start")
            if tag == "ol" and start not in (None, "1"):
                extra = f" start={start}"
            node = Node(tag, extra)
            self.stack[-1].children.append(node)
            if tag != "hr":
                self.stack.append(node)
        elif tag in INLINE and tag != "span":
            href = dict(attrs).get("href")
            self.buffer.append(f"[{tag}{' ' + href if href else ''}]")

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCKS and tag != "hr":
            self._flush()
            while self.stack[-1].tag != tag:  # an unclosed element: close it here
                self.stack.pop()
            self.stack.pop()
        elif tag in INLINE and tag not in ("br", "span"):
            self.buffer.append(f"[/{tag}]")

    def handle_data(self, data: str) -> None:
        self.buffer.append(data)


def structure(html: str) -> Node:
    reducer = _Reducer()
    reducer.feed(html)
    reducer.close()
    reducer._flush()
    return reducer.root


def rendered(text: str) -> dict[str, Node]:
    return {name: structure(render(text)) for name, render in RENDERERS.items()}


def assert_same_everywhere(text: str) -> dict[str, Node]:
    """Every renderer gives markdown-it's structure; the diff names the first difference."""
    import difflib

    trees = rendered(text)
    reference = trees["markdown-it"].lines()
    for name, tree in trees.items():
        diff = list(difflib.unified_diff(reference, tree.lines(), "markdown-it", name, n=2))
        assert not diff, "\n".join(diff[:60])
    return trees


# -- the documents -----------------------------------------------------------------------

# User text that means something in one Markdown dialect or another: list markers (also
# pandoc's lettered and roman lists), a definition, a quote, a heading, a rule, HTML, an
# entity, strikethrough, pandoc's sub/superscript and maths, a citation, a link, code,
# a table pipe, emphasis and an option name with its two dashes.
TRICKY = [
    "- streepje vooraan",
    "+ plus vooraan",
    "1. genummerd",
    "2) met haakje",
    "a. letter",
    "(b) letter tussen haakjes",
    "iv. romeins",
    ": dubbele punt",
    "> citaat",
    "# kop",
    "* ster",
    "---",
    "1986. Een goed jaar",
    "<b>vet</b> & &amp; ~~door~~ H~2~O 2^10^ $x$ @bron",
    "[link](http://example.org) `code` a|b \\ *nadruk* _ook_ <!-- x -->",
    "na --since en -- los",
]


def tricky_plan() -> str:
    """A plan whose every free-text field holds one of ``TRICKY``; each of them is in a
    field the summary shows too (goals and notes are shown by ``plan`` only)."""
    import json

    texts = iter(TRICKY * 2)
    others = iter(TRICKY[::-1] * 2)

    def q(source: Iterator[str] = texts) -> str:
        return json.dumps(next(source), ensure_ascii=False)

    acts = "\n".join(
        f"  - {{topic: {topic}, title: {q()}, year: {year}, goal: {q(others)}, status: {status}"
        + (f", done_on: 2026-0{year + 1}-10, evidence: {q()}" if status == "done" else "")
        + "}"
        for topic, year, status in (
            ("overlegmomenten", 1, "done"),
            ("organisatie", 1, "planned"),
            ("innovatie", 2, "in_progress"),
            ("patientveiligheid", 3, "done"),
        )
    )
    return f"""\
version: 1
aios:
  name: {q()}
  specialty: {q()}
  institution: {q()}
  supervisor: {q()}
training:
  start: 2025-09-01
  years: 5
activities:
{acts}
courses:
  - {{course: {q()}, year: 1}}
improvement_points:
  - {{point: {q()}, how: {q()}, evidence: {q()}}}
  - {{point: {q()}, how: {q()}, evidence: {q()}}}
meetings:
  - date: 2026-03-01
    kind: voortgang
    notes: {q(others)}
    agreements: [{q()}, {q()}]
"""


def tricky_framework() -> str:
    """The shipped framework with ``TRICKY`` texts in its titles, rule and publisher: a
    framework file may be anyone's (``--framework``)."""
    data = yaml.safe_load(FRAMEWORK.read_text(encoding="utf-8"))
    texts = iter(TRICKY * 4)
    data["title"], data["publisher"], data["rule"] = next(texts), next(texts), next(texts)
    for comp in data["competencies"]:
        comp["title"] = next(texts)
        comp["canmeds"]["text"] = next(texts)
        for topic in comp["topics"]:
            topic["title"] = next(texts)
            topic["objectives"][:1] = [next(texts)]
            for material in topic.get("materials", [])[:1]:
                material["title"] = next(texts)
    for phase in data["phases"]:
        phase["title"] = next(texts)
    return str(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    """plans/: the example, the same aios finished, the tricky plan and a broken file."""
    directory = tmp_path / "plans"
    directory.mkdir()
    example = EXAMPLE_PLAN.read_text(encoding="utf-8")
    (directory / "anne.yaml").write_text(example, encoding="utf-8")
    finished = example.replace("Anne de Vries", "Bram Bakker").replace("2025-09-01", "2019-09-01")
    (directory / "bram.yaml").write_text(finished, encoding="utf-8")
    (directory / "tricky.yaml").write_text(tricky_plan(), encoding="utf-8")
    (directory / "kapot.yaml").write_text("version: 1\naios: [name\n", encoding="utf-8")
    (tmp_path / "kader.yaml").write_text(tricky_framework(), encoding="utf-8")
    return directory


DOCUMENTS = {
    "summary": ("summary", "{plans}/anne.yaml", "-f", "markdown", *TODAY),
    "summary-tricky": ("summary", "{plans}/tricky.yaml", "-f", "markdown", *TODAY),
    "summary-broken": ("summary", "{plans}/kapot.yaml", "-f", "markdown", *TODAY),
    "summary-group": ("summary", "{plans}", "-f", "markdown", *TODAY),
    "summary-overview": ("summary", "{plans}", "--overview-only", "-f", "markdown", *TODAY),
    "summary-since": ("summary", "{plans}", "--since", "2026-01-01", "-f", "markdown", *TODAY),
    "plan": ("plan", "{plans}/anne.yaml", "-f", "markdown", *TODAY),
    "plan-tricky": ("plan", "{plans}/tricky.yaml", "-f", "markdown", *TODAY),
    "framework": ("framework", "-f", "markdown"),
    "framework-topic": ("framework", "patientveiligheid", "-f", "markdown"),
    "framework-tricky": ("framework", "--framework", "{plans}/../kader.yaml", "-f", "markdown"),
    "framework-tricky-topic": (
        "framework",
        "patientveiligheid",
        "--framework",
        "{plans}/../kader.yaml",
        "-f",
        "markdown",
    ),
}


def produce(run: Run, plans: Path, name: str, lang: str) -> str:
    args = [a.replace("{plans}", str(plans)) for a in DOCUMENTS[name]]
    result = run(*args, "--lang", lang)
    assert result.exit_code in (0, 1), result.stderr  # 1: a plan with errors (the broken one)
    assert result.stdout.strip()
    return str(result.stdout)


# -- the tests ---------------------------------------------------------------------------


def test_the_renderers_are_installed() -> None:
    """The test extra brings all three; a missing renderer fails, it never skips."""
    assert Path(pypandoc.get_pandoc_path()).exists() or shutil.which("pandoc")
    assert _python_markdown("- a").startswith("<ul>")


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_every_markdown_output_renders_alike(run: Run, plans: Path, name: str, lang: str) -> None:
    assert_same_everywhere(produce(run, plans, name, lang))


def _section_after(tree: Node, heading: str, page: str) -> list[Node | str]:
    """The blocks between the first heading starting with ``heading`` after the heading
    that names ``page`` and the next heading."""
    blocks = tree.children

    def is_heading(i: int, text: str) -> bool:
        b = blocks[i]
        return isinstance(b, Node) and b.tag[0] == "h" and text in b.text()

    first = next(i for i in range(len(blocks)) if is_heading(i, page))
    start = next(i for i in range(first, len(blocks)) if is_heading(i, heading))
    rest = blocks[start + 1 :]
    end = next(
        (i for i, b in enumerate(rest) if isinstance(b, Node) and b.tag.startswith("h")), len(rest)
    )
    return rest[:end]


@pytest.mark.parametrize(
    ("name", "heading", "first"),
    [
        ("summary", "Verbeterpunten", "Hoe: Elke week één overdracht voorzitten"),
        ("summary-group", "Verbeterpunten", "Hoe: Elke week één overdracht voorzitten"),
        ("plan", "Verbeterpunten", "[em]Hoe:[/em] Elke week één overdracht voorzitten"),
    ],
)
def test_improvement_points_keep_their_details_nested(
    run: Run, plans: Path, name: str, heading: str, first: str
) -> None:
    """Three numbered points, each with its "how" and "evidence" as a list inside the point;
    Python-Markdown used to flatten them into one list of nine."""
    text = produce(run, plans, name, "nl")
    for renderer, tree in rendered(text).items():
        section = _section_after(tree, heading, page="Anne de Vries")
        lists = [b for b in section if isinstance(b, Node)]
        assert [b.tag for b in lists] == ["ol"], renderer
        points = [c for c in lists[0].children if isinstance(c, Node)]
        assert len(points) == 3, renderer
        for point in points:
            (details,) = point.find("ul")
            assert len(details.find("li")) == 2, renderer
        assert points[0].find("li")[0].text().startswith(first), renderer


@pytest.mark.parametrize("renderer", sorted(RENDERERS))
def test_user_text_shows_as_typed(run: Run, plans: Path, renderer: str) -> None:
    """Each tricky text shows character for character in every renderer: no list, quote,
    heading, rule, strikethrough, sub/superscript or maths is made of it."""
    for name in ("plan-tricky", "summary-tricky", "framework-tricky"):
        tree = structure(RENDERERS[renderer](produce(run, plans, name, "nl")))
        whole = tree.text()  # a text made into a list or a heading loses its marker
        for typed in TRICKY:
            assert typed.translate(TYPOGRAPHY) in whole, (renderer, name, typed)
        for tag in ("h4", "hr", "dl", "del", "sub", "sup", "pre"):
            assert not tree.find(tag), (renderer, name, tag)
        # the framework's rule is its one quote
        assert len(tree.find("blockquote")) == name.startswith("framework"), (renderer, name)


# -- the building blocks -------------------------------------------------------------------


@pytest.mark.parametrize("typed", TRICKY)
def test_escaped_text_reads_as_typed_in_every_place(typed: str) -> None:
    """As a paragraph, a list item, a numbered item, a heading and a table cell."""
    text = "\n".join(
        [
            f"# {escape(typed)}",
            "",
            escape(typed),
            "",
            bullet(escape(typed)),
            "",
            "## ...",  # Python-Markdown would join two lists with only a blank line between
            "",
            *numbered(1, escape(typed), [escape(typed)]),
            "",
            *table(["h"], [[typed]]),
            "",
        ]
    )
    trees = assert_same_everywhere(text)
    shown = typed.translate(TYPOGRAPHY)
    tree = trees["pandoc"]
    blocks = [b.tag for b in tree.children if isinstance(b, Node)]
    assert blocks == ["h1", "p", "ul", "h2", "ol", "table"]
    for node in (*tree.find("h1"), *tree.find("p"), *tree.find("td")):
        assert node.text() == shown
    assert [li.children[0] for li in tree.find("li")] == [shown, shown, shown]


def test_numbered_items_nest_their_details_past_any_number() -> None:
    """From item 10 the marker is four characters wide, from 100 five: the details still
    belong to their item in every renderer."""
    lines = [line for n in range(1, 102) for line in numbered(n, f"punt {n}", ["hoe", "bewijs"])]
    trees = assert_same_everywhere("\n".join(lines) + "\n")
    for tree in trees.values():
        (ol,) = tree.find("ol")
        items = [c for c in ol.children if isinstance(c, Node)]
        assert len(items) == 101
        assert all(len(item.find("li")) == 2 for item in items)


def test_code_span_holds_backticks() -> None:
    trees = assert_same_everywhere(bullet(code("plan`s ``x``.yaml:3:1")) + "\n")
    assert trees["python-markdown"].text() == "[code]plan`s ``x``.yaml:3:1[/code]"


@settings(max_examples=examples(500))
@given(
    st.lists(
        st.sampled_from(["a", " ", "-", "--", "1.", "(", "&", "&amp;", "&#1;", ";", "\n"])
        | st.sampled_from("\\`*_{}[]#>|<~^$")
        | st.text(max_size=3)
    ).map("".join)
)
def test_text_without_markup_characters_skips_the_escaping_unchanged(typed: str) -> None:
    """The quick look (no character that needs escaping: the text as it is) gives what
    the three substitutions give, on any text (the line-start rules come after both)."""
    flat = " ".join(typed.split())
    full = md._DASHES.sub(
        r"\\-", md._REFERENCED.sub(md._reference, md._BACKSLASHED.sub(r"\\\1", flat))
    )
    assert escape(typed, line_start=False) == full
