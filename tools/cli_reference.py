"""Generate the CLI reference (docs/cli.md, docs/cli.en.md) from the commands' --help.

Run ``python tools/cli_reference.py`` after changing a command; a test fails while the
committed reference differs from what the code prints, so the docs never go stale.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {"nl": ROOT / "docs" / "cli.md", "en": ROOT / "docs" / "cli.en.md"}
TITLES = {"nl": "Opdrachtregel-referentie", "en": "Command-line reference"}
NOTES = {
    "nl": "Gegenereerd uit `--help` door `tools/cli_reference.py`; niet met de hand bewerken.",
    "en": "Generated from `--help` by `tools/cli_reference.py`; do not edit by hand.",
}


def _help(args: list[str]) -> str:
    from mlplan.cli.app import main

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer), contextlib.suppress(SystemExit):
        main([*args, "--help"])
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()).strip()


def commands() -> list[str]:
    from typer.main import get_command

    from mlplan.cli.app import build_app

    group = get_command(build_app())
    return sorted(getattr(group, "commands", {}))


PINNED_ENV = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}


def render(lang: str) -> str:
    """The reference in ``lang``, rendered at a pinned width without colour."""
    saved = {
        k: os.environ.get(k) for k in (*PINNED_ENV, "MLPLAN_LANG", "GITHUB_ACTIONS", "FORCE_COLOR")
    }
    os.environ.update(PINNED_ENV)
    for k in ("MLPLAN_LANG", "GITHUB_ACTIONS", "FORCE_COLOR"):
        os.environ.pop(k, None)
    try:
        args = ["--lang", lang]
        parts = [
            f"# {TITLES[lang]}",
            "",
            NOTES[lang],
            "",
            "## mlplan",
            "",
            "```text",
            _help(args),
            "```",
            "",
        ]
        for name in commands():
            parts += [f"## mlplan {name}", "", "```text", _help([*args, name]), "```", ""]
        return "\n".join(parts)
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def main() -> int:
    for lang, target in TARGETS.items():
        target.write_text(render(lang), encoding="utf-8")
        print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
