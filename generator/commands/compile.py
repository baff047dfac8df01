"""`cluster-plans compile`: a board's annual document of its cluster plans for a year, or one plan, as PDF or Word."""

from __future__ import annotations

from pathlib import Path

import click

from generator.checks.validate import registry_of, validate
from generator.core import i18n
from generator.core.files import write_atomic
from generator.core.years import is_year
from generator.defaults import templates_with
from generator.documents.blocks import Document
from generator.documents.compile import Compiler, NothingToCompile
from generator.documents.pdf import LayoutFailed, pdf_bytes
from generator.documents.word import docx_bytes
from generator.model.registry import UnknownCluster
from generator.problems.report import Report

FORMATS = {".pdf": "PDF", ".docx": "Word"}


class Refused(Exception):
    """What the command was asked that it cannot do, in words for the user."""


def run(targets: list[str], output: Path, language: str, root: Path) -> int:
    try:
        data = compiled(targets, output, language, root)
    except Refused as refusal:
        click.echo(f"error: {refusal}", err=True)
        return 1
    _write(output, data)
    click.echo(f"Wrote {output} ({FORMATS[output.suffix.lower()]}, {len(data):,} bytes)")
    return 0


def compiled(targets: list[str], output: Path, language: str, root: Path) -> bytes:
    kind = output.suffix.lower()
    if kind not in FORMATS:
        raise Refused(f"'{output}' must end in .pdf (a PDF) or .docx (a Word document), not"
                      f" '{output.suffix or 'nothing'}'")
    folder = output.parent if str(output.parent) else Path(".")
    if not folder.is_dir():
        raise Refused(f"the folder '{folder}' does not exist; create it first")
    if not (root / "clusters").is_dir():
        raise Refused(f"there is no clusters/ folder in {root}: run the command in the repository")
    document = _document(targets, language, root)
    templates = templates_with(root, "documents")
    if kind == ".docx":
        return docx_bytes(document)
    try:
        return pdf_bytes(document, templates)
    except LayoutFailed as failure:
        raise Refused(f"the PDF could not be laid out: {failure}") from None


def _document(targets: list[str], language: str, root: Path) -> Document:
    board_slug, cluster_slug, year = _scope(targets, root)
    only = [root / "clusters" / board_slug / (cluster_slug or "")]
    validation = validate(root, only)
    errors = validation.report.errors
    if errors:
        click.echo(Report(errors).as_text(), err=True)
        raise Refused("the plans above have errors: fix them first, so that the document leaves no plan out")
    templates = templates_with(root, "translations.yaml")
    compiler = Compiler(validation.repository, i18n.words(), language)
    board = next(b for b in validation.repository.boards if b.board.slug == board_slug)
    try:
        if cluster_slug is None:
            return compiler.board_year(board, year)
        plan = next((p for p in board.plans if p.cluster.slug == cluster_slug and p.year == year), None)
        if plan is None:
            years = sorted(p.year for p in board.plans if p.cluster.slug == cluster_slug)
            raise NothingToCompile(f"{board_slug}/{cluster_slug} has no plan for {year}"
                                   + (f"; its plans are for {', '.join(years)}" if years else ""))
        return compiler.one_plan(plan)
    except NothingToCompile as nothing:
        raise Refused(str(nothing)) from None


def _scope(targets: list[str], root: Path) -> tuple[str, str | None, str]:
    """(board, cluster or None, year) from `BOARD YEAR` or `BOARD/CLUSTER/YEAR`."""
    registry = registry_of(root)
    boards = dict(registry.boards)
    if len(targets) == 2 and "/" not in targets[0]:
        board, year = targets
        if not is_year(year):
            raise Refused(f"'{year}' is not a plan year: write it as YYYY-YY, e.g. 2022-23")
        return _board(board, root, boards), None, year
    if len(targets) == 1 and targets[0].count("/") >= 2:
        try:
            ref = registry.resolve(targets[0])
        except UnknownCluster as unknown:
            raise Refused(str(unknown)) from None
        if ref.year is None:
            raise Refused(f"'{targets[0]}' names no plan year: end it with the year, e.g. {ref.path}/2022-23")
        return ref.board, ref.cluster, ref.year
    raise Refused("give a board and a year (cluster-plans compile betsi-cadwaladr 2022-23) or one plan"
                  " (cluster-plans compile betsi-cadwaladr/north-east-flintshire/2022-23)")


def _board(text: str, root: Path, boards: dict) -> str:
    wanted = text.strip().strip("/").lower()
    folders = sorted(d.name for d in (root / "clusters").iterdir() if (d / "board.yaml").is_file())
    if wanted in folders:
        return wanted
    for slug, board in boards.items():
        names = [board.name, board.short_name or "", *board.aliases]
        if any(wanted == name.lower() for name in names if name):
            return slug
    raise Refused(f"there is no health board '{text}'; the boards are: {', '.join(folders)}")


def _write(output: Path, data: bytes) -> None:
    """Written whole or not at all: a half-written file never replaces a good one."""
    write_atomic(output, data)
