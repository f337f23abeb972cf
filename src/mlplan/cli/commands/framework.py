"""``mlplan framework``: browse the framework."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from mlplan.cli.commands import completion, options
from mlplan.errors import UsageError
from mlplan.render import output
from mlplan.suggest import closest

if TYPE_CHECKING:  # the models load when the command runs, not for a TAB
    from mlplan.model.framework import Framework, Topic


def resolve_topic(fw: Framework, topic_id: str) -> Topic:
    """The topic with this id, or a usage error that suggests the nearest id."""
    topic = fw.topic(topic_id.strip())
    if topic is not None:
        return topic
    hint = closest(topic_id, fw.topic_ids())
    if hint:
        raise UsageError("framework.unknown_topic_arg", id=topic_id, hint=hint)
    raise UsageError(
        "framework.unknown_topic_arg_nohint", id=topic_id, ids=", ".join(fw.topic_ids())
    )


def run(
    *,
    topic: Annotated[
        str | None,
        options.Arg(
            help="arg.topic",
            metavar="metavar.topic",
            show_default=False,
            autocompletion=completion.complete_topic,
        ),
    ] = None,
    fmt: options.Format = options.TextFormat.TABLE,
    framework_path: options.FrameworkPath = None,
) -> int:
    from mlplan.io.loading import load_framework
    from mlplan.render import framework as render

    fw = load_framework(framework_path)
    chosen = resolve_topic(fw, topic) if topic else None
    out = output.Output(fmt)
    if fmt == "json":
        out.page(render.to_json(fw, chosen))
    elif fmt == "markdown":
        from mlplan.render.emit_markdown import to_markdown

        out.page(to_markdown(render.framework_document(fw, chosen)))
    else:  # the terminal's width, or COLUMNS; 80 in a pipe
        from mlplan.render.emit_text import to_text

        doc = render.framework_document(fw, chosen)
        out.page(to_text(doc, width=out.width, color=out.color))
    return 0
