"""``mlplan schema``: print the plan's JSON Schema, for editors (yaml-language-server)."""

from __future__ import annotations

import json

from mlplan.cli.commands import options
from mlplan.render import output


def run(*, framework_path: options.FrameworkPath = None) -> int:
    from mlplan.io.loading import load_framework
    from mlplan.model import plan  # the models load when the command runs, not for a TAB

    schema = plan.json_schema(load_framework(framework_path))
    output.Output("json").page(json.dumps(schema, ensure_ascii=False, indent=2))
    return 0
