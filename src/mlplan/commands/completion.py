"""Shell completion (TAB) of values that only the framework knows.

Imported by ``cli`` at start-up for every command, so it imports nothing at module level:
the framework is loaded only when the shell asks for a completion.
"""

from __future__ import annotations

from typing import Any

# typer's shell completion is driven by this variable (``_<PROG>_COMPLETE``)
VARIABLE = "_MLPLAN_COMPLETE"


def complete_topic(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """Shell completion (TAB) for a topic id: the ids that start with what is typed, each
    with its title, from the framework the command line names (``--framework``) or the
    default one. A framework that does not load offers nothing: TAB never shows an error."""
    from mlplan.errors import MlplanError
    from mlplan.framework import load_framework

    try:
        fw = load_framework(ctx.params.get("framework"))
    except MlplanError:
        return []
    typed = incomplete.casefold()
    return [(topic.id, topic.title) for _, topic in fw.topics() if topic.id.startswith(typed)]


def complete_status_args(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """Shell completion for ``mlplan status [PATH] ACTIVITY STATUS``: the status words,
    once the activity is typed (after a ``.yaml`` path, one word later). Typed words in
    the user's language first; a start of a word also finds the identifiers and the
    other language's words (``in`` → ``in_progress``)."""
    from mlplan.commands.edit import STATES, status_words, typed_status
    from mlplan.i18n import t

    before = [str(a) for a in ctx.params.get("args") or []]  # the words already typed
    words_before = 2 if before and before[0].lower().endswith((".yaml", ".yml")) else 1
    if len(before) != words_before:  # still at the activity, or the status is given
        return []
    start = incomplete.casefold()
    offered: dict[str, str] = {}
    for state in STATES:
        offered[typed_status(state)] = t(f"status.{state}")
    if start:
        for word, state in status_words().items():
            if state in STATES and " " not in word:
                offered.setdefault(word, t(f"status.{state}"))
    return [(word, help_) for word, help_ in offered.items() if word.startswith(start)]
