"""The rules of ``mlplan check``: one small pure function per rule code.

A rule takes the validated plan, its framework and the context (``today``) and returns
findings: a rule code, the path of the YAML node it is about, a message id and its
parameters. The checking module turns paths into file:line:column.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from mlplan.framework import Framework
from mlplan.plan import Plan
from mlplan.yamlloc import Loc


@dataclass(frozen=True, slots=True)
class Context:
    today: dt.date


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    loc: Loc
    key: str
    params: dict[str, Any] = field(default_factory=dict)
    at_key: bool = False  # point at the key rather than its value


Rule = Callable[[Plan, Framework, Context], list[Finding]]

RULES: list[Rule] = []


def rule(fn: Rule) -> Rule:
    """Register a rule; rules run in registration order."""
    RULES.append(fn)
    return fn


def run(plan: Plan, fw: Framework, ctx: Context) -> list[Finding]:
    return [finding for check in RULES for finding in check(plan, fw, ctx)]
