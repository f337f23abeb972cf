"""``mlplan prepare``: the aios's preparation sheet before a meeting (docs/meetings.md).

One page to fill in and send to the opleider: per competency what was done since the last
meeting with its evidence and a line for a self-assessment, the questions of the
framework's tips, the open agreements, what is due next and what check finds. Exit codes
as ``mlplan plan`` (see :mod:`mlplan.cli.commands.pages`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from mlplan.cli.commands import options
from mlplan.cli.commands.pages import PAGE_DEFAULTS, PageOptions, run_page
from mlplan.i18n import t

if TYPE_CHECKING:  # the models load where the page is made, not for a TAB
    from mlplan.domain.checking import CheckedPlan
    from mlplan.domain.prepare import Preparation
    from mlplan.model.framework import Framework


def _make(checked: CheckedPlan, fw: Framework, day: dt.date) -> Preparation:
    from mlplan.domain.prepare import prepare
    from mlplan.domain.summary import summarise

    return prepare(summarise(checked, fw, day), fw)


def run(
    *,
    path: options.PlanPath = Path("plan.yaml"),
    shared: PageOptions = PAGE_DEFAULTS,
) -> int:
    from mlplan.render.pages import prepare as page

    return run_page(
        path=path,
        shared=shared,
        make=_make,
        document=page.document,
        data=page.to_data,
        stem=t("page.file.prepare"),
    )
