"""`cluster-plans build`: validate, render and publish the site into site/."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import addresses
from ..problems import Report
from ..site import BuildFailure, Project, build


def run(root: Path, site_dir: Path | None, site_url: str | None = None, fmt: str = "text") -> int:
    if site_url is not None and not addresses.is_site_address(site_url):
        click.echo(f"Error: --site-url '{site_url}' is not a web address: give the full address the site is "
                   "published at, e.g. https://example.org/plans/", err=True)
        return 1
    project = Project(root, site_url)
    target = (site_dir or root / "site").resolve()
    terminal = sys.stderr.isatty()

    def progress(stage: str) -> None:
        if terminal:
            click.echo(click.style(f"• {stage}…", fg="cyan"), err=True)

    try:
        validation, timings = build(project, target, progress)
    except BuildFailure as failure:
        if failure.report is not None:
            errors_only = Report(failure.report.errors, plans_checked=failure.report.plans_checked)
            click.echo(errors_only.as_github() if fmt == "github" else errors_only.as_text(colour=terminal))
            click.echo(failure.report.summary())
        for line in failure.details:
            if fmt == "github":
                # A problem found in the built pages has no source line: it is annotated on the run.
                click.echo(f"::error title=Build failed::{line.replace('%', '%25')}")
            else:
                click.echo(f"  {line}", err=True)
        click.echo(click.style(f"Build failed: {failure}. The previous site was left as it was.",
                               fg="red", bold=True) if terminal else
                   f"Build failed: {failure}. The previous site was left as it was.", err=True)
        return 1
    report = validation.report
    pages = sum(1 for _ in target.rglob("index.html"))
    click.echo(f"{report.summary()}")
    click.echo(f"Built {pages} pages into {target} "
               f"(generator {timings.generator:.1f}s, MkDocs {timings.engine:.1f}s)")
    stages = timings.stages
    click.echo(f"Time: checking plans and rendering their clusters {stages.get('validate', 0):.1f}s, "
               f"rendering overviews {stages.get('render', 0):.1f}s, "
               f"MkDocs and search index {timings.engine:.1f}s; downloads written and links checked in "
               f"{timings.alongside.get('downloads and links', 0):.1f}s while the index was made")
    return 0
