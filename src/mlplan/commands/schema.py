"""``mlplan schema``: print the plan's JSON Schema, for editors (yaml-language-server)."""

from __future__ import annotations

import json

from mlplan import output, plan
from mlplan.commands import options
from mlplan.framework import load_framework


def run(*, framework_path: options.FrameworkPath = None) -> int:
    schema = plan.json_schema(load_framework(framework_path))
    output.out(json.dumps(schema, ensure_ascii=False, indent=2))
    return 0
