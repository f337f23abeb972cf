"""Shell completion (TAB) of values that only the framework knows.

Imported by ``cli`` at start-up for every command, so it imports nothing at module level:
the framework is loaded only when the shell asks for a completion.
"""

from __future__ import annotations

from typing import Any


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
