"""``mlplan schema``: print the plan's JSON Schema, for editors (yaml-language-server)."""

from __future__ import annotations

import json

from mlplan import output, plan


def run() -> None:
    output.out(json.dumps(plan.json_schema(), ensure_ascii=False, indent=2))
