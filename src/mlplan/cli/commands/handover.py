"""``mlplan handover``: the overdrachtsdocument for the next opleider (docs/meetings.md).

The aios, the training and where it stands, everything done with date and evidence, what
is open and planned, coverage, courses, improvement points, the meetings with the
agreements still open, and check's findings. Exit codes as ``mlplan plan`` (see
:mod:`mlplan.cli.commands.pages`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

from mlplan.cli.commands import options
from mlplan.cli.commands.pages import PAGE_DEFAULTS, PageOptions, run_page
from mlplan.i18n import t

if TYPE_CHECKING:  # the models load where the page is made, not for a TAB
    from mlplan.domain.checking import CheckedPlan
    from mlplan.domain.handover import Handover
    from mlplan.model.framework import Framework


def run(
    *,
    path: options.PlanPath = Path("plan.yaml"),
    to: Annotated[str | None, options.text("--to", "opt.handover.to", "metavar.name")] = None,
    shared: PageOptions = PAGE_DEFAULTS,
) -> int:
    from mlplan.domain.handover import build
    from mlplan.render.pages import handover as page

    receiver = options.text_option("--to", to)

    def make(checked: CheckedPlan, fw: Framework, day: dt.date) -> Handover:
        return build(checked, fw, day, receiver)

    return run_page(
        path=path,
        shared=shared,
        make=make,
        document=page.document,
        data=page.to_data,
        stem=t("page.file.handover"),
    )
