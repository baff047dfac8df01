"""`cluster-plans schema`: print the plan JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..schema import plan_json_schema


def schema_text() -> str:
    return json.dumps(plan_json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def run(output: Path | None) -> None:
    text = schema_text()
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
