"""`cluster-plans import FILE.docx --into clusters/BOARD/CLUSTER/YEAR`: a plan edited in Word, in the shape of
the Word file this project exports, brought back into the plan's folder as exactly the lead's edits."""

from __future__ import annotations

from pathlib import Path

import click

from generator.authoring.word_import import compiler_for, import_into_plan
from generator.authoring.word_reading import NotAWordDocument
from generator.checks.validate import validate
from generator.pipeline.build import source_epoch
from generator.problems.report import Report


def run(source: Path, into: Path, root: Path) -> int:
    try:
        data = source.read_bytes()
    except OSError as error:
        click.echo(f"error: {source} cannot be read: {(error.strerror or str(error)).lower()}", err=True)
        return 1
    folder = (into if into.is_absolute() else Path.cwd() / into).resolve()
    try:
        relative = folder.relative_to(root.resolve())
    except ValueError:
        click.echo(f"error: {into} is not inside the repository {root}", err=True)
        return 1
    if len(relative.parts) != 4 or relative.parts[0] != "clusters":
        click.echo(f"error: --into must be a plan's folder, clusters/BOARD/CLUSTER/YEAR, not '{into}'", err=True)
        return 1
    if not (folder / "plan.yaml").is_file():
        click.echo(f"error: {relative.as_posix()} has no plan.yaml: an import brings a lead's edits into a plan "
                   "that is here (export it with `cluster-plans compile`, edit it in Word, import it back); "
                   "start a new plan with `cluster-plans new` first", err=True)
        return 1
    validation = validate(root, [folder])
    plan = next((p for p in validation.repository.plans if p.folder == relative.as_posix()), None)
    if plan is None:
        click.echo(Report(validation.report.errors).as_text(), err=True)
        click.echo(f"error: {relative.as_posix()} has errors: fix them first, so that the lead's edits are read "
                   "against the plan as it is", err=True)
        return 1
    templates = root / "templates" if (root / "templates" / "documents").is_dir() else \
        Path(__file__).resolve().parents[2] / "templates"
    try:
        compiler = compiler_for(plan, data, validation.repository, templates, source_epoch(root))
        imported = import_into_plan(data, plan, compiler, root)
    except NotAWordDocument as refusal:
        click.echo(f"error: {source}: {refusal}", err=True)
        return 1
    for problem in imported.problems:
        click.echo(Report([problem]).as_text().splitlines()[0])
    if imported.written:
        click.echo(f"Wrote {', '.join(imported.written)} ({imported.edits} edit{'s' if imported.edits != 1 else ''}"
                   f" from {source.name}); see them with git diff")
    else:
        click.echo(f"{source.name} holds no edits to {relative.as_posix()}")
    return 0
