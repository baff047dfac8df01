"""The cluster-plans command line: wires arguments to the command modules and nothing more."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__


def find_root(start: Path) -> Path:
    """The repository root: the nearest folder, from `start` up, that holds clusters/."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / "clusters").is_dir():
            return folder
    return start


root_option = click.option(
    "--root", type=click.Path(file_okay=False, path_type=Path), default=None,
    help="Repository root (default: the nearest folder holding clusters/).")
format_option = click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text", show_default=True,
    help="text for people, json for tools, github for workflow annotations.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cluster-plans")
def cli() -> None:
    """Validate, compare and publish primary care cluster plans."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@format_option
@root_option
def validate(paths: tuple[Path, ...], fmt: str, root: Path | None) -> None:
    """Check plans and report every problem with its file, line and a hint.

    PATHS are plan folders or files to check; the whole repository when none are given.
    Exits 0 when there are no errors (warnings allowed) and 1 when there are errors.
    """
    from .commands import validate as command
    sys.exit(command.run(list(paths), fmt, root or find_root(Path.cwd())))


@cli.command()
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the schema to this file instead of printing it.")
def schema(output: Path | None) -> None:
    """Print the JSON Schema of plan.yaml (for editor autocompletion)."""
    from .commands import schema as command
    command.run(output)


@cli.command()
@click.option("--site-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to publish the site (default: site/ in the repository).")
@root_option
def build(site_dir: Path | None, root: Path | None) -> None:
    """Validate the plans and build the website into site/.

    Errors in the plans stop the build with the same messages as `validate`;
    the previous site is left untouched when a build fails.
    """
    from .commands import build as command
    sys.exit(command.run(root or find_root(Path.cwd()), site_dir))


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to serve on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to serve on.")
@root_option
def serve(host: str, port: int, root: Path | None) -> None:
    """Preview the site locally; it rebuilds and reloads when a plan or page changes."""
    from .commands import serve as command
    sys.exit(command.run(root or find_root(Path.cwd()), host, port))


def main() -> None:
    cli(prog_name="cluster-plans")
