"""`cluster-plans template --docx --output FILE.docx`: a blank plan in the national template's shape, as a Word
file a board sends to its clusters; `cluster-plans import` reads it back once a lead has filled it in."""

from __future__ import annotations

from pathlib import Path

import click

from generator.commands.compile import _write
from generator.core import i18n
from generator.core.years import is_year
from generator.documents.blank import blank_plan
from generator.documents.word import docx_bytes


def run(output: Path, year: str, language: str, root: Path) -> int:
    if output.suffix.lower() != ".docx":
        click.echo(f"error: '{output}' must end in .docx: the template is a Word document", err=True)
        return 1
    if not is_year(year):
        click.echo(f"error: '{year}' is not a plan year: write it as YYYY-YY, e.g. 2024-25", err=True)
        return 1
    folder = output.parent if str(output.parent) else Path(".")
    if not folder.is_dir():
        click.echo(f"error: the folder '{folder}' does not exist; create it first", err=True)
        return 1
    templates = root / "templates" if (root / "templates" / "translations.yaml").is_file() else \
        Path(__file__).resolve().parents[2] / "templates"
    translations = i18n.words()
    start = int(year[:4])
    document = blank_plan(lambda key, **values: translations.text(key, language, **values), language, year,
                          (start, 4, 1))
    data = docx_bytes(document)
    _write(output, data)
    click.echo(f"Wrote {output} (Word, {len(data):,} bytes): the blank plan for {year}; bring a filled-in copy back "
               f"with cluster-plans import {output.name} --into clusters/BOARD/CLUSTER/{year}")
    return 0
