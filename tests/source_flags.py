"""What the source-flag tests of the real plans share: the validator's problems at one place of a plan,
and what plan.yaml holds at a field path."""

from __future__ import annotations

import re

import yaml

from generator.problems.report import Problem
from site_testing import PROJECT


def reported_at(problems: list[Problem], plan_dir: str, field: str) -> list[Problem]:
    """The problems reported at one place of the plan in plan_dir: a plan.yaml field or a section file."""
    file = f"{plan_dir}/{field}" if field.endswith(".md") else f"{plan_dir}/plan.yaml"
    return [p for p in problems if p.file == file and p.field == field]


def plan_value(plan_dir: str, field: str) -> object:
    """What plan.yaml holds at a field path such as workforce.tables[0].rows[0][5]; None where it holds nothing."""
    current: object = yaml.safe_load((PROJECT / plan_dir / "plan.yaml").read_text(encoding="utf-8"))
    for part in re.findall(r"[a-z_]+|\d+", field):
        if part.isdigit():
            assert isinstance(current, list), field
            current = current[int(part)]
        else:
            assert isinstance(current, dict), field
            current = current.get(part)
            if current is None:
                return None
    return current
