"""`cluster-plans import FILE.docx --into clusters/BOARD/CLUSTER/YEAR`: a plan edited in Word, in the shape of
the Word file this project exports, brought back into the plan's folder as exactly the lead's edits."""

from __future__ import annotations

from pathlib import Path

import click

from generator.authoring.word_import import compiler_for, import_into_plan, new_plan
from generator.authoring.word_reading import NotAWordDocument
from generator.checks.validate import registry_of, validate
from generator.core import i18n
from generator.core.languages import LANGUAGES
from generator.core.years import is_year
from generator.model.registry import UnknownCluster
from generator.schema.address import SiteAddressError, configured_site_url, modeline
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
        return _new(data, source, folder, relative, root)
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
        compiler = compiler_for(plan, data, validation.repository, templates)
        imported = import_into_plan(data, plan, compiler, root)
    except NotAWordDocument as refusal:
        click.echo(f"error: {source}: {refusal}", err=True)
        return 1
    for problem in imported.problems:
        click.echo(Report([problem]).as_text().splitlines()[0])
    if imported.written:
        click.echo(i18n.words().text("word_in.wrote", "en", files=", ".join(imported.written), n=imported.edits,
                                     source=source.name))
    else:
        click.echo(f"{source.name} holds no edits to {relative.as_posix()}")
    return 0


def _new(data: bytes, source: Path, folder: Path, relative: Path, root: Path) -> int:
    """A plan that is not here yet, made from a filled-in template (or a plan exported from elsewhere)."""
    _, board, cluster, year = relative.parts
    if not is_year(year):
        click.echo(f"error: '{year}' is not a plan year: end --into with the year, e.g. clusters/{board}/{cluster}/"
                   "2024-25", err=True)
        return 1
    try:
        ref = registry_of(root).resolve(f"{board}/{cluster}")
    except UnknownCluster as unknown:
        click.echo(f"error: {unknown}", err=True)
        return 1
    # The board and cluster may be named as a lead says them ('Betsi Cadwaladr', 'NEF'): the plan goes in the
    # cluster's own folder, whose name the site's addresses are made from.
    relative = Path("clusters", ref.board, ref.cluster, year)
    folder = root.resolve() / relative
    try:
        schema_line = modeline(configured_site_url(root))
    except SiteAddressError:
        schema_line = modeline(None)
    translations = i18n.words()
    words = {language: (lambda key, _l=language, **values: translations.text(key, _l, **values))
             for language in LANGUAGES}
    try:
        made = new_plan(data, ref.board, ref.cluster, ref.name, year, words, schema_line)
    except NotAWordDocument as refusal:
        click.echo(f"error: {source}: {refusal}", err=True)
        return 1
    there = sorted(name for name in made.files if (folder / name).exists())
    if there:
        click.echo(f"error: {relative.as_posix()} already has {', '.join(there)}; an import never overwrites a file "
                   "of a plan that is not here yet: move them away first", err=True)
        return 1
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in sorted(made.files.items()):
        (folder / name).write_text(text, encoding="utf-8")
    for problem in made.imported.problems:
        click.echo(Report([problem]).as_text().splitlines()[0])
    report = validate(root, [folder]).report
    click.echo(f"Wrote {relative.as_posix()}/ ({', '.join(sorted(made.files))}) from {source.name}, as a draft "
               f"(status: draft). {report.summary()}")
    if report.errors:
        click.echo(Report(report.errors).as_text())
    return 0


def _templates(root: Path) -> Path:
    return root / "templates" if (root / "templates" / "translations.yaml").is_file() else \
        Path(__file__).resolve().parents[2] / "templates"
