"""`cluster-plans schema`: print or write the plan JSON Schema, with the repository's vocabularies, or the line
at the top of each plan.yaml that tells editors where it is."""

from __future__ import annotations

from pathlib import Path

import click

from generator.core.addresses import is_site_address
from generator.render.editor_schema import editor_schema_text, repository_terms
from generator.problems.report import Report
from generator.schema.address import SCHEMA_PATH, SiteAddressError, configured_site_url, modeline
from generator.core.files import write_atomic


def schema_text(root: Path | None = None) -> str:
    """The schema for the repository at `root` (default: this project's own repository), with the site
    address its mkdocs.yml gives."""
    root = root or Path(__file__).resolve().parents[2]
    repository, _ = repository_terms(root)
    return editor_schema_text(repository, configured_site_url(root))


def run(output: Path | None, root: Path, site_url: str | None = None, show_modeline: bool = False) -> int:
    if site_url is not None and not is_site_address(site_url):
        click.echo(f"error: --site-url '{site_url}' is not a web address: give the full address the site is"
                   " published at, e.g. https://example.org/plans/", err=True)
        return 1
    try:
        address = site_url or configured_site_url(root)
    except SiteAddressError as failure:
        click.echo(f"error: {failure}", err=True)
        return 1
    if show_modeline:
        click.echo(modeline(address))
        if address is None and not (root / SCHEMA_PATH).is_file():
            click.echo(f"note: {root / SCHEMA_PATH} does not exist yet, so editors find no schema at this path:"
                       f" make the folder schema/ and write it with `cluster-plans schema -o {SCHEMA_PATH}` (again"
                       " whenever the vocabularies change), or give the address of the site that publishes these"
                       " plans with --site-url",
                       err=True)
        return 0
    repository, errors = repository_terms(root)
    if errors:
        click.echo(Report(errors).as_text(), err=True)
        click.echo("error: the vocabularies or boards above cannot be read, so the schema would not list their"
                   " terms; fix them and run this again", err=True)
        return 1
    text = editor_schema_text(repository, address)
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
    try:
        write_atomic(output, text)
    except OSError as exc:
        click.echo(f"error: cannot write '{output}': {exc.strerror or exc}", err=True)
        return 1
    return 0
