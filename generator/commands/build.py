"""`cluster-plans build`: validate, render and publish the site into site/."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.publish import swap as publish
from generator.core import addresses, i18n
from generator.problems.report import Report
from generator.pipeline.build import BuildFailure, Project, build


def show_report(report: Report, fmt: str, colour: bool) -> None:
    """The problems that stopped a build, in the same shapes as `validate` prints them."""
    errors_only = Report(report.errors, plans_checked=report.plans_checked)
    if fmt == "json":
        click.echo(errors_only.as_json())
        return
    text = errors_only.as_github() if fmt == "github" else errors_only.as_text(colour=colour)
    if text:
        click.echo(text)
    click.echo(report.summary() if report.plans_checked else i18n.words().text("problems.errors", "en", n=len(report.errors)))


def run(root: Path, site_dir: Path | None, site_url: str | None = None, jobs: int | None = None,
        fmt: str = "text") -> int:
    if site_url is not None and not addresses.is_site_address(site_url):
        click.echo(f"Error: --site-url '{site_url}' is not a web address: give the full address the site is "
                   "published at, e.g. https://example.org/plans/", err=True)
        return 1
    project = Project(root, site_url)
    target = (site_dir or root / "site").resolve()
    if (refused := publish.not_a_site_folder(target, root)) is not None:
        click.echo(f"Error: the site cannot be built into '{site_dir or target}': {refused}. Give --site-dir a new or "
                   "empty folder, or one an earlier build made; nothing was built.", err=True)
        return 1
    terminal = sys.stderr.isatty()

    def progress(stage: str) -> None:
        if terminal:
            click.echo(click.style(f"• {stage}…", fg="cyan"), err=True)

    try:
        built = build(project, target, progress, jobs)
    except BuildFailure as failure:
        if failure.report is not None:
            show_report(failure.report, fmt, terminal)
        for line in failure.details:
            if fmt == "github":
                # A problem found in the built pages has no source line: it is annotated on the run.
                click.echo(f"::error title=Build failed::{line.replace('%', '%25')}")
            else:
                click.echo(f"  {line}", err=True)
        message = f"Build failed: {failure}. The previous site was left as it was."
        click.echo(click.style(message, fg="red", bold=True) if terminal else message, err=True)
        return 1
    report, timings = built.validation.report, built.timings
    pages = sum(1 for _ in target.rglob("index.html"))
    click.echo(f"{report.summary()}")
    if report.recorded:
        click.echo(f"{report.recorded} of the warnings are notes on the source documents that the plans already record"
                   f" in known_issues; `cluster-plans validate` lists the others first.")
    click.echo(f"Built {pages} pages into {target} "
               f"(generator {timings.generator:.1f}s, MkDocs {timings.engine:.1f}s)")
    stages = timings.stages
    click.echo(f"Time: checking plans {stages.get('check', 0):.1f}s, "
               f"rendering clusters {stages.get('clusters', 0):.1f}s, "
               f"rendering overviews {stages.get('overviews', 0):.1f}s, "
               f"docs trees {stages.get('docs', 0):.1f}s, "
               f"MkDocs {stages.get('engine', 0):.1f}s, search index {stages.get('index', 0):.1f}s, "
               f"waiting for the link check {stages.get('links', 0):.1f}s; while the index was made, the online "
               f"editor and the downloads were written in {timings.alongside.get('site files', 0):.1f}s (the PDF and "
               f"Word documents {timings.alongside.get('documents', 0):.1f}s of it) and the "
               f"links checked in {timings.alongside.get('links', 0):.1f}s")
    return 0
