"""`cluster-plans validate`: report every problem in the plans."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..validate import validate


def run(paths: list[Path], fmt: str, root: Path) -> int:
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise click.UsageError(f"no such file or folder: {missing[0]}")
    result = validate(root, paths or None)
    report = result.report
    if paths and report.plans_checked == 0:
        click.echo(f"note: no plan folder under {', '.join(str(p) for p in paths)}; only the registry and "
                   "vocabularies were checked", err=True)
    terminal = sys.stdout.isatty()
    if fmt == "json":
        click.echo(report.as_json())
    elif fmt == "github":
        text = report.as_github()
        if text:
            click.echo(text)
        click.echo(report.summary())
    else:
        text = report.as_text(colour=terminal)
        if text:
            click.echo(text)
        summary = report.summary()
        if terminal:
            summary = click.style(summary, fg="green" if report.valid else "red", bold=True)
        click.echo(summary)
    return 0 if report.valid else 1
