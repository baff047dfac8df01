"""`cluster-plans schema`: print the plan JSON Schema."""

from __future__ import annotations

from pathlib import Path

import click

from ..schema import plan_json_schema_text as schema_text


def run(output: Path | None) -> None:
    text = schema_text()
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
