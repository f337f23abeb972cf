"""No byte of user data reaches an output as a control character; CSV never runs a formula.

A hostile plan (ESC sequences that set the window title and clear the screen, an OSC 8
link, BEL, backspace, CR, LF, other C0, DEL, the C1 CSI ``\\x9b``, bidi overrides) and a
hostile framework file go through every command in every format. stdout, stderr and any
``--output`` file may hold line feeds (the layout of every format) and nothing else
below U+0020; a ``check`` finding is one line; JSON keeps the exact text.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import Result, examples
from mlplan.render import output
from mlplan.render.safe import csv_cell, escape_char, escape_controls

TODAY = "2026-11-22"
# everything a terminal, a log viewer or an editor may act on
HOSTILE = (
    "X\x1b]0;pwned\x07\x1b[2J\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\\x08\x00"
    "\rY\n::error file=a.yaml,line=1::forged\nplan.yaml:1:1: ML001 fake\x01\x0b\x0c\x1f"
    "\x7f\x9b31m\x85\u202eZ\u2066\u2069\u2028"
)
# control characters, bidi controls and line/paragraph separators that must never appear
RAW = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)

# the same, with line feeds and lone surrogates: everything escaped when not kept
CONTROLS = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)

TAB_NOTES = "\tnotes" + HOSTILE
CR_TITLE = "\rcr" + HOSTILE


def q(text: str) -> str:
    return json.dumps(text)  # JSON is YAML: a double-quoted scalar with escapes


def hostile_plan(tmp_path: Path, name: str = "plan.yaml") -> Path:
    path = tmp_path / name
    path.write_text(
        f"""version: 1
aios:
  name: {q("Anne" + HOSTILE)}
  specialty: {q("Neuro" + HOSTILE)}
  institution: {q("LUMC" + HOSTILE)}
  supervisor: {q("Jansen" + HOSTILE)}
training:
  start: 2025-09-01
  years: 5
activities:
  - topic: overlegmomenten
    title: {q('=HYPERLINK("http://evil","click")' + HOSTILE)}
    year: 1
    goal: {q("+cmd|' /C calc'!A0" + HOSTILE)}
    status: done
    done_on: 2026-03-12
    evidence: {q("@SUM(1+1)" + HOSTILE)}
  - topic: {q("onbekend" + HOSTILE)}
    title: {q("-2+3" + HOSTILE)}
    year: 2
    notes: {q(TAB_NOTES)}
  - topic: innovatie
    title: {q(CR_TITLE)}
    year: 1
    status: in_progress
courses:
  - course: {q("eigen" + HOSTILE)}
    year: 1
    status: done
    done_on: 2025-11-20
    evidence: {q("Cert" + HOSTILE)}
improvement_points:
  - point: {q("Punt" + HOSTILE)}
    how: {q("Hoe" + HOSTILE)}
    evidence: {q("Bewijs" + HOSTILE)}
meetings:
  - date: 2025-10-15
    kind: introductie
    notes: {q("Notities" + HOSTILE)}
    agreements:
      - {q("Afspraak" + HOSTILE)}
""",
        encoding="utf-8",
    )
    return path


def hostile_framework(tmp_path: Path) -> Path:
    shipped = (Path(__file__).resolve().parents[1] / "data" / "framework.yaml").read_text(
        encoding="utf-8"
    )

    def title(m: re.Match[str]) -> str:
        return f"{m.group(1)}title: {q(m.group(2) + HOSTILE)}"

    text = re.sub(r"^(\s*(?:- )?)title: (.*)$", title, shipped, flags=re.M)
    assert text.count("pwned") > 20
    path = tmp_path / "framework.yaml"
    path.write_text(text, encoding="utf-8")
    return path


# file names that hold a newline, an ESC sequence and a bidi override
BAD_NAMES = ["x\n::error file=a::y.yaml", "e\x1b]0;t\x07\x1b[2J.yaml", "r\u202elmy.yaml"]


def group(tmp_path: Path) -> Path:
    directory = tmp_path / "groep"
    directory.mkdir()
    for name in BAD_NAMES:
        hostile_plan(directory, name)
    return directory


def raw_controls(text: str, allowed: str = "\n") -> list[str]:
    return [repr(c) for c in RAW.findall(text) if c not in allowed]


def assert_clean(result: Result, *files: Path, crlf: bool = False) -> None:
    assert "Traceback" not in result.stderr
    for where, text in (("stdout", result.stdout), ("stderr", result.stderr)):
        if crlf:
            text = text.replace("\r\n", "\n")
        assert not raw_controls(text), (where, raw_controls(text)[:5], text[:2000])
    for file in files:
        text = file.read_text(encoding="utf-8")
        if crlf:
            text = text.replace("\r\n", "\n")
        assert not raw_controls(text), (file, raw_controls(text)[:5])


def strings(data: object) -> list[str]:
    """Every string value inside a JSON document."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for v in data.values() for s in strings(v)]
    if isinstance(data, list):
        return [s for v in data for s in strings(v)]
    return []


def assert_no_forged_lines(text: str) -> None:
    """No line starts with user text that looks like a workflow command or a finding."""
    for line in text.splitlines():
        assert not line.startswith("::"), line
        assert not line.startswith("plan.yaml:1:1"), line


# -- every command x every format ------------------------------------------------------

CHECK_FORMATS = ["text", "json", "github", "gitlab"]
PLAN_FORMATS = ["table", "markdown", "json", "csv"]
SUMMARY_FORMATS = ["table", "markdown", "json"]
FRAMEWORK_FORMATS = ["table", "markdown", "json"]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("fmt", CHECK_FORMATS)
def test_check(run, tmp_path: Path, fmt: str, lang: str) -> None:
    plans = [hostile_plan(tmp_path), *(hostile_plan(tmp_path, n) for n in BAD_NAMES)]
    result = run("check", *map(str, plans), "-f", fmt, "--today", TODAY, "--lang", lang)
    assert result.exit_code == 1
    assert_clean(result)
    if fmt == "text":
        *findings, _count = result.stdout.splitlines()
        assert len(findings) > 10
        for line in findings:  # one finding, one line, each starting with a real path
            assert re.match(r"^\S.*:\d+:\d+: ML\d{3} ", line), line
            assert any(line.startswith(escape_controls(str(p))) for p in plans), line
        assert_no_forged_lines(result.stdout)
    if fmt == "github":
        assert all(
            line.startswith(("::error ", "::warning ")) for line in result.stdout.splitlines()
        )
    if fmt in ("json", "gitlab"):
        data = json.loads(result.stdout)
        paths = (
            {d["path"] for d in data["diagnostics"]}
            if fmt == "json"
            else {d["location"]["path"] for d in data}
        )
        assert paths == {str(p) for p in plans}  # JSON keeps the exact text


def test_check_message_with_user_text_is_one_line(run, tmp_path: Path) -> None:
    """A finding whose message quotes plan text (an unknown course id with a newline)."""
    plan = hostile_plan(tmp_path)
    result = run("check", str(plan), "--today", TODAY)
    quoting = [line for line in result.stdout.splitlines() if "pwned" in line]
    assert quoting, result.stdout
    for line in quoting:
        assert line.startswith(f"{plan}:"), line
        assert "\\x1b]0;pwned\\x07" in line and "\\n::error" in line


@pytest.mark.parametrize("fmt", PLAN_FORMATS)
def test_plan_stdout(run, tmp_path: Path, fmt: str) -> None:
    result = run("plan", str(hostile_plan(tmp_path)), "-f", fmt, "--today", TODAY)
    assert result.exit_code == 1, result.stderr  # the plan has errors: shown anyway
    assert_clean(result)
    if fmt in ("table", "markdown"):
        assert "\\x1b]0;pwned" in result.stdout.replace("\\\\", "\\").replace("\\]", "]")
    if fmt == "markdown":  # (a table wraps long text at its spaces, wherever they are)
        assert_no_forged_lines(result.stdout)
    if fmt == "json":
        assert json.loads(result.stdout)["aios"]["name"] == "Anne" + HOSTILE


@pytest.mark.parametrize("suffix", [".md", ".csv", ".txt", ".json"])
def test_plan_output_file(run, tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"uit{suffix}"
    result = run("plan", str(hostile_plan(tmp_path)), "-o", str(target), "--today", TODAY)
    assert result.exit_code == 1
    assert_clean(result, target)
    if suffix == ".json":  # escaped, and still exactly the plan's text
        data = json.loads(target.read_text(encoding="utf-8"))
        assert data["aios"]["name"] == "Anne" + HOSTILE


def test_plan_broken_plan_findings_on_stderr_are_one_line_each(run, tmp_path: Path) -> None:
    """A plan with schema errors is not shown; its findings go to stderr, one per line."""
    path = tmp_path / BAD_NAMES[0]
    path.write_text(f"version: 1\naios:\n  name: {q(HOSTILE)}\n  bogus: 1\n", encoding="utf-8")
    result = run("plan", str(path), "--today", TODAY)
    assert result.exit_code == 1
    assert_clean(result)
    findings = [line for line in result.stderr.splitlines() if re.search(r":\d+:\d+: ML", line)]
    assert findings
    assert all(line.startswith(escape_controls(str(path)) + ":") for line in findings)
    assert_no_forged_lines(result.stderr)


@pytest.mark.parametrize("fmt", SUMMARY_FORMATS)
def test_summary_page(run, tmp_path: Path, fmt: str) -> None:
    result = run("summary", str(hostile_plan(tmp_path)), "-f", fmt, "--today", TODAY)
    assert_clean(result)
    if fmt == "json":  # the exact text, as JSON escapes
        assert "Anne" + HOSTILE in strings(json.loads(result.stdout))


@pytest.mark.parametrize("fmt", SUMMARY_FORMATS)
@pytest.mark.parametrize("command", ["prepare", "handover"])
def test_prepare_and_handover(run, tmp_path: Path, command: str, fmt: str) -> None:
    plan = hostile_plan(tmp_path)
    result = run(command, str(plan), "-f", fmt, "--today", TODAY)
    assert_clean(result)
    if fmt == "json":
        assert "Anne" + HOSTILE in strings(json.loads(result.stdout))
    target = tmp_path / "out.txt"
    written = run(command, str(plan), "-f", fmt, "-o", str(target), "--today", TODAY)
    assert written.exit_code in (0, 1), written.stderr
    assert not RAW.search(target.read_text(encoding="utf-8"))


@pytest.mark.parametrize("fmt", SUMMARY_FORMATS)
def test_summary_group_overview(run, tmp_path: Path, fmt: str) -> None:
    result = run("summary", str(group(tmp_path)), "-f", fmt, "--today", TODAY)
    assert_clean(result)
    if fmt == "table":
        overview = result.stdout.split("─" * 20)[0]
        assert_no_forged_lines(overview)
        # each file name shows once, escaped, on one line
        for name in BAD_NAMES:
            assert escape_controls(name) in result.stdout
    if fmt == "json":
        data = json.loads(result.stdout)
        assert sorted(Path(r["path"]).name for r in data["overview"]) == sorted(BAD_NAMES)


@pytest.mark.parametrize("fmt", FRAMEWORK_FORMATS)
@pytest.mark.parametrize("topic", [None, "overlegmomenten"])
def test_framework(run, tmp_path: Path, fmt: str, topic: str | None) -> None:
    fw = hostile_framework(tmp_path)
    args = ["framework", *([topic] if topic else []), "--framework", str(fw), "-f", fmt]
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    assert_clean(result)


def test_plan_with_hostile_framework(run, tmp_path: Path) -> None:
    fw = hostile_framework(tmp_path)
    for fmt in PLAN_FORMATS:
        result = run(
            "plan", str(hostile_plan(tmp_path)), "-f", fmt, "--framework", str(fw), "--today", TODAY
        )
        assert_clean(result)


def test_edit_messages(run, tmp_path: Path) -> None:
    plan = hostile_plan(tmp_path, BAD_NAMES[1])
    result = run("done", str(plan), "3", "--evidence", "KPB\x1b[2J", "--today", TODAY)
    assert result.exit_code == 0, result.stderr
    assert "pwned" in result.stdout + result.stderr  # the title is named, escaped
    assert_clean(result)


def test_unreadable_file_name_in_an_error(run, tmp_path: Path) -> None:
    result = run("check", str(tmp_path / "weg\x1b]0;t\x07\n::error::x.yaml"))
    assert result.exit_code == 2
    assert_clean(result)
    assert "\\x1b]0;t\\x07\\n::error" in result.stderr


# -- the writer keeps mlplan's own colours on a terminal ------------------------------------


def test_colour_codes_of_mlplan_stay_user_sequences_do_not() -> None:
    styled = "\x1b[1mplan.yaml:1:1:\x1b[0m \x1b[1;31mML001\x1b[0m Anne\x1b]0;t\x07\x1b[2J"
    assert output.clean(styled, color=True) == (
        "\x1b[1mplan.yaml:1:1:\x1b[0m \x1b[1;31mML001\x1b[0m Anne\\x1b]0;t\\x07\\x1b[2J"
    )
    # a plan's own "colours" that hide text (conceal, black on black) are not mlplan's
    hiding = "a\x1b[8mhidden\x1b[0m \x1b[30;40minvisible\x1b[7m"
    assert output.clean(hiding, color=True) == (
        "a\\x1b[8mhidden\x1b[0m \\x1b[30;40minvisible\\x1b[7m"
    )
    # without colour nothing of the kind may be written at all
    assert "\x1b" not in output.clean(styled, color=False)


def test_a_page_on_a_colour_terminal_keeps_its_styles_not_the_users(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("TERM", "xterm")
    stream = Tty()
    monkeypatch.setattr("sys.stdout", stream)
    out = output.Output("table")
    out.page(out.style("Anne\x1b]0;pwned\x1b\\\u202e", "1"))
    written = stream.getvalue()
    assert "\x1b[1m" in written  # the page's bold
    assert "\x1b]" not in written and "\u202e" not in written
    assert "Anne\\x1b]0;pwned\\x1b\\\\u202e" in written


# -- the escapes --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("a\x1bb", "a\\x1bb"),
        ("\n\r\t", "\\n\\r\\t"),
        ("\x00\x07\x08", "\\x00\\x07\\x08"),
        ("\x7f\x9b\x85", "\\u007f\\u009b\\u0085"),
        ("\u202e\u2066\u2069\u200f", "\\u202e\\u2066\\u2069\\u200f"),
        ("\u2028\u2029", "\\u2028\\u2029"),
        ("Zoë 日本 ✓ —", "Zoë 日本 ✓ —"),  # printable text is left alone
        ("\udcff", "\\udcff"),  # a byte of a file name that is not UTF-8
    ],
)
def test_escape_controls(raw: str, shown: str) -> None:
    assert escape_controls(raw) == shown
    assert not RAW.findall(escape_controls(raw))


def test_escaped_json_stays_valid_json() -> None:
    """The writer escapes what json.dumps leaves raw (DEL, C1, bidi) in JSON's own form."""
    text = json.dumps({"k": HOSTILE}, ensure_ascii=False)
    cleaned = output.clean(text)
    assert not raw_controls(cleaned)
    assert json.loads(cleaned) == {"k": HOSTILE}


# -- CSV ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("http://evil","click")', '\'=HYPERLINK("http://evil","click")'),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\\t=1"),
        ("\r=1", "'\\r=1"),
        ("Voorzitten = leren", "Voorzitten = leren"),
        ("regel 1\nregel 2", "regel 1\nregel 2"),  # a quoted cell holds the line break
        ("a\x1b[2Jb", "a\\x1b[2Jb"),
        (3, 3),  # numbers are numbers
    ],
)
def test_csv_cell(value: object, cell: object) -> None:
    assert csv_cell(value) == cell


def csv_rows(text: str, **fmt: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), **fmt))


@pytest.mark.parametrize("dialect", [None, "standard", "excel-nl"])
def test_csv_formulas_are_neutralised(run, tmp_path: Path, dialect: str | None) -> None:
    target = tmp_path / "plan.csv"
    extra = ["--csv-dialect", dialect] if dialect else []
    result = run("plan", str(hostile_plan(tmp_path)), "-o", str(target), *extra, "--today", TODAY)
    assert result.exit_code == 1
    data = target.read_bytes()
    excel = dialect == "excel-nl"
    text = data.decode("utf-8-sig" if excel else "utf-8")
    rows = csv_rows(text, delimiter=";" if excel else ",")
    assert len(rows) == 4  # the header and three activities
    cells = [c for row in rows[1:] for c in row]
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))], cells
    titles = [row[5] for row in rows[1:]]
    assert titles[0].startswith("'=HYPERLINK(")
    assert titles[1].startswith("'-2+3")
    assert titles[2].startswith("'\\rcr")
    assert rows[1][6].startswith("'+cmd|")
    assert rows[1][9].startswith("'@SUM(")


def test_csv_excel_nl_dialect(run, tmp_path: Path) -> None:
    """What Excel with Dutch settings opens directly: ``;``, UTF-8 with BOM, CR LF."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        (Path(__file__).resolve().parents[1] / "data" / "example-plan.yaml").read_text("utf-8"),
        encoding="utf-8",
    )
    target = tmp_path / "plan.csv"
    result = run(
        "plan", str(plan), "-o", str(target), "--csv-dialect", "excel-nl", "--today", TODAY
    )
    assert result.exit_code == 0, result.stderr
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.endswith(b"\r\n")
    assert data.count(b"\r\n") == data.count(b"\n")  # every line end is CR LF
    rows = csv_rows(data.decode("utf-8-sig"), delimiter=";")
    assert rows[0][1:3] == ["Jaar", "Competentie"]
    # the same cells as the standard dialect, read back
    standard = run("plan", str(plan), "-f", "csv", "--today", TODAY)
    assert rows == csv_rows(standard.stdout)
    assert any("," in c for row in rows for c in row)  # commas stay inside cells
    # on stdout as well
    piped = run("plan", str(plan), "-f", "csv", "--csv-dialect", "excel-nl", "--today", TODAY)
    assert piped.stdout.encode() == data


def test_csv_dialect_needs_csv(run, tmp_path: Path) -> None:
    result = run("plan", str(hostile_plan(tmp_path)), "-f", "json", "--csv-dialect", "excel-nl")
    assert result.exit_code == 2
    assert "--csv-dialect" in result.stderr and "Traceback" not in result.stderr


@settings(max_examples=examples(500))
@given(
    text=st.text(
        alphabet=st.characters(max_codepoint=0x2100)
        | st.sampled_from("\r\n\t\x1b[ma\x00\x7f\x85\u061c\u200e\u2028\u202e\u2066\ud800\udfff")
    ),
    keep=st.sampled_from(["", "\n", "\t", "\n\t", "\t\n\r"]),
    color=st.booleans(),
)
def test_escaping_is_character_by_character(text: str, keep: str, color: bool) -> None:
    """What the seam writes is the text with each control character not kept replaced by
    its escape (and, around them, CR LF and colour codes kept as ``clean`` keeps them)."""
    expected = "".join(
        escape_char(c) if CONTROLS.fullmatch(c) and c not in keep else c for c in text
    )
    assert escape_controls(text, keep=keep) == expected
    if "\r" not in text and "\x1b" not in text:
        assert output.clean(text, color=color, keep=keep) == expected
