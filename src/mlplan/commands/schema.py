"""``mlplan schema``: print the plan's JSON Schema, for editors (yaml-language-server)."""

from __future__ import annotations

import json
from pathlib import Path

from mlplan import output, plan
from mlplan.framework import load_framework


def run(*, framework_path: Path | None = None) -> int:
    schema = plan.json_schema(load_framework(framework_path))
    output.out(json.dumps(schema, ensure_ascii=False, indent=2))
    return 0
