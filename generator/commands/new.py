"""`cluster-plans new`: start a cluster's plan for a new year from its latest plan."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.core import i18n
from generator.load.documents import relative
from generator.model.registry import UnknownCluster
from generator.authoring.scaffold import ScaffoldError, draft_plan, write_draft
from generator.checks.validate import find_cluster


def run(root: Path, cluster: str, year: str | None) -> int:
    root = root.resolve()
    try:
        ref = find_cluster(root, cluster)
        draft = draft_plan(root, ref, year or ref.year)
        write_draft(draft)
    except UnknownCluster as failure:
        click.echo(f"Error: {failure}", err=True)
        return 1
    except ScaffoldError as failure:
        if failure.report is not None:
            click.echo(failure.report.as_text(colour=sys.stdout.isatty()))
        click.echo(f"Error: {failure}", err=True)
        return 1
    folder = relative(draft.folder, root)
    if draft.source_year:
        click.echo(f"Created {folder}/ from the {draft.source_year} plan of {ref.name}.")
        click.echo(f"  Carried over {i18n.words().text('new.activities', 'en', n=len(draft.carried))} still in progress, "
                   "as existing ones with their ids: budgets TBC, status planned, expected results to write.")
        for title, status in draft.left_out:
            click.echo(f"  Left out '{title}' ({status}).")
        click.echo("  Finance figures are TBC until they are agreed.")
        if draft.workforce_stashed:
            click.echo(f"  Workforce tables hold the {draft.source_year} figures: they are in plan.yaml as comments "
                       "until you update and uncomment them.")
    else:
        click.echo(f"Created {folder}/ for {ref.name} from the blank plan template "
                   f"(there is no earlier plan to start from).")
    prose = sorted(name for name in draft.files if name.endswith(".md"))
    if prose:
        click.echo(f"  Section files to write: {', '.join(prose)}.")
    for name in draft.kept:
        click.echo(f"  Kept {name}, which was already there.")
    click.echo(draft.report.summary())
    click.echo(f"Next: edit {folder}/plan.yaml and the section files, then run "
               f"cluster-plans validate {folder}")
    return 0

