"""`cluster-plans validate`: report every problem in the plans."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click

from generator.core.parallel import WorkerDied
from generator.model.registry import UnknownCluster
from generator.checks.validate import find_cluster, validate


def run(targets: Sequence[str | Path], fmt: str, root: Path, language: str = "en", jobs: int | None = None,
        acknowledged: bool = False) -> int:
    try:
        paths = [checked_path(target, root) for target in targets]
    except UnknownCluster as failure:
        click.echo(f"Error: {failure}", err=True)
        return 1
    try:
        result = validate(root, paths or None, jobs)
    except WorkerDied as died:
        click.echo(f"Validation failed: {died}; nothing was checked to the end. Run it again, with "
                   "fewer --jobs if the machine is short of memory.", err=True)
        return 1
    report = result.report
    if paths and report.plans_checked == 0:
        click.echo(f"note: no plan was checked: there is no plan folder (clusters/BOARD/CLUSTER/YYYY-YY, holding "
                   f"plan.yaml) under {', '.join(str(p) for p in paths)}; only the boards', clusters' and "
                   "vocabularies' files were checked", err=True)
    terminal = sys.stdout.isatty()
    if fmt == "json":
        click.echo(report.as_json(language))
    elif fmt == "github":
        text = report.as_github(language)
        if text:
            click.echo(text)
        click.echo(report.summary(language))
    else:
        text = report.as_text(colour=terminal, language=language, acknowledged=acknowledged)
        if text:
            click.echo(text)
        summary = report.summary(language)
        if terminal:
            summary = click.style(summary, fg="green" if report.valid else "red", bold=True)
        click.echo(summary)
    return 0 if report.valid else 1


# Files whose change can make other plans invalid: each stands for the folder of plans it affects.
SHARED_FILES = frozenset({"vocabularies.yaml", "board.yaml", "cluster.yaml"})


def affected_by(path: Path) -> Path:
    """The folder of plans a changed file can affect: the vocabularies every plan, a board.yaml its board's
    plans, a cluster.yaml its cluster's plans; any other file or folder only itself."""
    if path.is_file() and path.name in SHARED_FILES:
        return path.parent
    return path


def checked_path(target: str | Path, root: Path) -> Path:
    """A file or folder to check, or the folder of the cluster (or of its year) that `target` names."""
    path = Path(target)
    if path.exists():
        return affected_by(path)
    # A board, or any folder, named as it is under clusters/ (betsi-cadwaladr).
    under = root / "clusters" / str(target).replace("\\", "/").strip("/")
    if str(target).strip("/") and under.is_dir():
        return under
    try:
        ref = find_cluster(root, str(target))
    except UnknownCluster as failure:
        raise UnknownCluster(f"there is no file or folder {target}, and {failure}") from None
    folder = root / "clusters" / ref.board / ref.cluster
    if ref.year is None:
        return folder
    if not (folder / ref.year).is_dir():
        raise UnknownCluster(f"{ref.path} has no plan for {ref.year}: there is no folder "
                             f"clusters/{ref.path}/{ref.year}")
    return folder / ref.year
