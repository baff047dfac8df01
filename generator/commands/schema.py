"""`cluster-plans schema`: print or write the plan JSON Schema, with the repository's vocabularies."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import click

from ..editor_schema import editor_schema_text, repository_terms
from ..problems import Report


def schema_text(root: Path | None = None) -> str:
    """The schema for the repository at `root` (default: this project's own repository)."""
    repository, _ = repository_terms(root or Path(__file__).resolve().parents[2])
    return editor_schema_text(repository)


def run(output: Path | None, root: Path) -> int:
    repository, errors = repository_terms(root)
    if errors:
        click.echo(Report(errors).as_text(), err=True)
        click.echo("error: the vocabularies or boards above cannot be read, so the schema would not list their"
                   " terms; fix them and run this again", err=True)
        return 1
    text = editor_schema_text(repository)
    if output is None:
        click.echo(text, nl=False)
        return 0
    folder = output.parent if str(output.parent) else Path(".")
    if not folder.is_dir():
        click.echo(f"error: the folder '{folder}' does not exist; create it first, or give a file in a folder"
                   " that does", err=True)
        return 1
    if output.is_dir():
        click.echo(f"error: '{output}' is a folder; give the name of the file to write, e.g."
                   f" {output / 'plan.schema.json'}", err=True)
        return 1
    # Written beside the target and moved into place, so a failed write never leaves half a file.
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".plan.schema.", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, output)
    except OSError as exc:
        if temporary is not None and os.path.exists(temporary):
            os.unlink(temporary)
        click.echo(f"error: cannot write '{output}': {exc.strerror or exc}", err=True)
        return 1
    return 0
