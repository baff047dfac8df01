"""The cluster-plans command line: wires arguments to the command modules and nothing more."""

from __future__ import annotations

import errno
import gc
import os
import sys
from pathlib import Path
from typing import NoReturn

import click

from generator import __version__
from generator.core.languages import LANGUAGES


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
jobs_option = click.option(
    "--jobs", "-j", type=click.IntRange(min=1), default=None, metavar="N",
    help="Worker processes to use (default: one per CPU this process may use).")
format_option = click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text", show_default=True,
    help="text for people, json for tools, github for workflow annotations.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cluster-plans")
def cli() -> None:
    """Validate, compare and publish primary care cluster plans."""


@cli.command()
@click.argument("targets", nargs=-1, metavar="[PATHS | CLUSTERS]...")
@format_option
@click.option("--language", type=click.Choice(["en", "cy"]), default="en", show_default=True,
              help="Language of the messages and hints (cy: Welsh).")
@click.option("--acknowledged", is_flag=True,
              help="Also list the notes on the source documents that the plans record in known_issues (by default"
                   " the text report counts them, one line per plan; json and github always list them).")
@jobs_option
@root_option
def validate(targets: tuple[str, ...], fmt: str, language: str, acknowledged: bool, jobs: int | None,
             root: Path | None) -> None:
    """Check plans and report every problem with its file, line and a hint.

    PATHS are plan folders or files to check, CLUSTERS clusters given as for `new` (with /YEAR
    for one plan); the whole repository when none are given. Problems to look at come first; the
    notes on the source documents that plans already record are counted per plan.
    Exits 0 when there are no errors (warnings allowed) and 1 when there are errors.
    """
    from generator.commands import validate as command
    sys.exit(command.run(list(targets), fmt, root or find_root(Path.cwd()), language, jobs, acknowledged))


@cli.command()
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the schema to this file instead of printing it.")
@click.option("--site-url", default=None, metavar="URL",
              help="The address of the site that publishes the plans, e.g. https://example.org/plans/ "
                   "(default: site_url in mkdocs.yml).")
@click.option("--modeline", is_flag=True,
              help="Print the line to put at the top of each plan.yaml, which tells editors where the schema is.")
@root_option
def schema(output: Path | None, site_url: str | None, modeline: bool, root: Path | None) -> None:
    """Print the JSON Schema of plan.yaml (for editor autocompletion).

    The vocabulary fields (activity status, priorities, funding sources, the board's priority
    areas) list the terms of clusters/vocabularies.yaml and board.yaml, so editors offer them.
    With a site address the schema's $id is where the site publishes it (schema/plan.schema.json
    under the address), and --modeline names that address; without one, --modeline names
    schema/plan.schema.json at the repository's root by its path from each plan.yaml.
    """
    from generator.commands import schema as command
    sys.exit(command.run(output, root or find_root(Path.cwd()), site_url, modeline))


@cli.command()
@click.option("--site-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to publish the site (default: site/ in the repository).")
@click.option("--site-url", default=None, metavar="URL",
              help="The address the site is published at, e.g. https://example.org/plans/ "
                   "(default: site_url in mkdocs.yml).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text", show_default=True,
              help="text for people, json for tools, github for workflow annotations of the problems that stop "
                   "the build.")
@jobs_option
@root_option
def build(site_dir: Path | None, site_url: str | None, fmt: str, jobs: int | None, root: Path | None) -> None:
    """Validate the plans and build the website into site/.

    Errors in the plans, broken links and broken templates stop the build with the same kind of
    messages as `validate`; the previous site is left untouched when a build fails.
    """
    from generator.commands import build as command
    sys.exit(command.run(root or find_root(Path.cwd()), site_dir, site_url, jobs, fmt))


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to serve on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port to serve on (0: any free port).")
@jobs_option
@root_option
def serve(host: str, port: int, jobs: int | None, root: Path | None) -> None:
    """Preview the site locally; it rebuilds and reloads when a plan or page changes."""
    from generator.commands import serve as command
    sys.exit(command.run(root or find_root(Path.cwd()), host, port, jobs))


@cli.command()
@click.argument("cluster", required=False)
@click.option("--from", "from_year", metavar="YEAR", help="Older plan year (default: the year before --to).")
@click.option("--to", "to_year", metavar="YEAR", help="Newer plan year (default: the latest).")
@click.option("--base", metavar="REV", help="Compare every plan changed since this git revision.")
@click.option("--head", metavar="REV", help="With --base: the newer revision (default: the working tree).")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json"]), default="text",
              show_default=True, help="text for a terminal, markdown for a pull-request comment, json for tools.")
@click.option("--language", type=click.Choice(LANGUAGES), default=LANGUAGES[0], show_default=True,
              help="Language of the text and markdown output.")
@root_option
def diff(cluster: str | None, from_year: str | None, to_year: str | None, base: str | None, head: str | None,
         fmt: str, language: str, root: Path | None) -> None:
    """Compare plans: activities added, dropped and renamed, budgets, statuses, finance and prose.

    CLUSTER (BOARD/CLUSTER, a name or an abbreviation, as for `new`) compares two years of that
    cluster's plan, by default its two latest.
    --base REV compares every plan changed between REV and --head (default: the working tree),
    reading old versions with git; with CLUSTER as well, only that cluster's plans.
    Exits 0, or 1 when a plan to compare has errors (the validator's messages are printed).
    """
    from generator.commands import diff as command
    sys.exit(command.run(cluster, from_year, to_year, base, head, fmt, language, root or find_root(Path.cwd())))


@cli.command()
@click.argument("cluster")
@click.argument("year", required=False)
@root_option
def new(cluster: str, year: str | None, root: Path | None) -> None:
    """Start a cluster's plan for a new year from its latest plan.

    CLUSTER is board/cluster (e.g. betsi-cadwaladr/north-east-flintshire), any name the
    cluster is known by, or an abbreviation that fits only it (NEF, "n e flint");
    YEAR (e.g. 2024-25) defaults to the year after the latest plan.
    Activities still in progress are carried over; figures are left to be confirmed and the
    section files ask for this year's text. An existing plan is never overwritten.
    """
    from generator.commands import new as command
    sys.exit(command.run(root or find_root(Path.cwd()), cluster, year))


@cli.command()
@click.option("--check", is_flag=True, help="Only check that the file is up to date; exit 1 if it is not.")
@format_option
@root_option
def codeowners(check: bool, fmt: str, root: Path | None) -> None:
    """Write .github/CODEOWNERS from the maintainers named in each cluster.yaml.

    Each cluster's folder is owned by its maintainers, so GitHub asks them to review
    every change to their cluster's plans.
    """
    from generator.commands import codeowners as command
    sys.exit(command.run(root or find_root(Path.cwd()), check, fmt))


@cli.command()
@click.option("--port", default=8000, show_default=True, type=int, help="Port of the editor and preview.")
@click.option("--scratch", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder for the scratch copy (default: a new temporary folder); give it again to carry on.")
@root_option
def edit(port: int, scratch: Path | None, root: Path | None) -> None:
    """Edit plans in the online editor on this computer, with a live preview of the site.

    The editor works on a scratch copy of this repository (decap-server on 127.0.0.1:8081); each save
    becomes a branch cms/..., with the plan's comments and layout kept and its problems listed here.
    """
    from generator.commands import edit as command
    sys.exit(command.run(root or find_root(Path.cwd()), port, scratch))


@cli.command("cms-merge")
@click.option("--base", metavar="REV", default="origin/main", show_default=True,
              help="The branch the edits will be merged into.")
@click.option("--check", is_flag=True, help="Only report files whose layout was lost; exit 1 if any.")
@format_option
@root_option
def cms_merge(base: str, check: bool, fmt: str, root: Path | None) -> None:
    """Put back the comments and layout the online editor drops, then validate.

    Every plan.yaml changed since BASE gets the saved values re-applied onto its BASE version, so
    only the lines the lead edited differ. Exits 1 when a plan has errors or cannot be combined.
    """
    from generator.commands import cms_merge as command
    sys.exit(command.run(root or find_root(Path.cwd()), base, check, fmt))


@cli.command("compile")
@click.argument("targets", nargs=-1, required=True, metavar="BOARD YEAR | BOARD/CLUSTER/YEAR")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The file to write: .pdf for a PDF, .docx for a Word document.")
@click.option("--language", type=click.Choice(["en", "cy"]), default="en", show_default=True,
              help="Language of the document's own words: headings, column names, notes (cy: Welsh).")
@root_option
def compile_(targets: tuple[str, ...], output: Path, language: str, root: Path | None) -> None:
    """Compile a board's annual document of its cluster plans, or one plan, as PDF or Word.

    BOARD YEAR gives the board's document for that year, as the boards publish it: cover,
    contents with page numbers, the board's introduction and overview, then each area and each
    cluster's plan. BOARD/CLUSTER/YEAR gives one plan. Figures are as printed, with each source
    error marked and noted at the foot of its table. The PDF is tagged (PDF/UA-1).
    """
    from generator.commands import compile as command
    sys.exit(command.run(list(targets), output, language, root or find_root(Path.cwd())))


@cli.command("import")
@click.argument("source", type=click.Path(dir_okay=False, exists=True, path_type=Path), metavar="FILE.docx")
@click.option("--into", "into", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="The plan's folder, clusters/BOARD/CLUSTER/YEAR.")
@root_option
def import_(source: Path, into: Path, root: Path | None) -> None:
    """Bring a plan edited in Word back into its folder, as exactly the edits made.

    FILE.docx is a plan exported with `cluster-plans compile BOARD/CLUSTER/YEAR --output FILE.docx`
    and edited in Word. What changed is written into plan.yaml (comments and layout kept) and the
    section files; figures as written; anything with no place in the plan is kept in its appendix,
    and every doubt is reported with its place in the Word document and in the plan. Into a folder
    with no plan.yaml yet, a filled-in blank (`cluster-plans template --docx`) or a plan exported
    from elsewhere becomes a new plan, as a draft.
    """
    from generator.commands import word_in as command
    sys.exit(command.run(source, into, root or find_root(Path.cwd())))


@cli.command("template")
@click.option("--docx", "as_docx", is_flag=True, required=True, help="Write the template as a Word document.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The .docx file to write.")
@click.option("--year", default="2024-25", show_default=True, help="The plan year the template is for.")
@click.option("--language", type=click.Choice(["en", "cy"]), default="en", show_default=True,
              help="Language of the headings and columns (cy: Welsh).")
@root_option
def template(as_docx: bool, output: Path, year: str, language: str, root: Path | None) -> None:
    """Write a blank plan in the national template's shape, as a Word file to send to clusters.

    Its headings and activity table are what `cluster-plans import` reads back once a lead has
    filled it in: import FILE.docx --into clusters/BOARD/CLUSTER/YEAR makes the plan as a draft.
    """
    from generator.commands import template as command
    sys.exit(command.run(output, year, language, root or find_root(Path.cwd())))


# The exit status of a fault in the tool itself (sysexits' EX_SOFTWARE), apart from 1 for a mistake in the plans.
INTERNAL_ERROR = 70


def main() -> None:
    # A run builds hundreds of thousands of small objects that live until it ends; collecting them
    # over and over cost a quarter of a national validation, so the collector runs far less often.
    gc.set_threshold(100_000, 50, 100)
    try:
        cli(prog_name="cluster-plans", standalone_mode=True)
    except OSError as error:
        # Not a fault of the tool: the folder it was asked to write to does not exist or cannot take the file.
        path = Path(os.fsdecode(error.filename)) if error.filename else None
        if path is not None and error.errno in (errno.ENOENT, errno.ENOTDIR) and not path.parent.is_dir():
            click.echo(f"Error: cannot write {_written(path)}: the folder '{path.parent}' does not exist. "
                       "Make it, or give a folder that exists, then run the command again.", err=True)
            sys.exit(1)
        if path is None or error.errno not in _REFUSED_BY_THE_SYSTEM:
            _internal(error)
        click.echo(f"Error: cannot write {_written(path)}: {error.strerror}. Check that you may write to "
                   "that folder and that the disk is not full, then run the command again.", err=True)
        sys.exit(1)
    except Exception as error:  # a fault of the tool itself: one line, the traceback to a file
        _internal(error)


# What the system answers when a folder or disk will not take a file: no right to write there, a read-only
# disk, a full disk or quota.
_REFUSED_BY_THE_SYSTEM = {errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, errno.EDQUOT}


def _written(path: Path) -> str:
    """The file a refused write was for, as the user knows it: a write goes first to a hidden file beside it
    ('.plan.pdf.x1y2.tmp'), which is named by its folder."""
    return f"in the folder '{path.parent}'" if path.name.startswith(".") else f"'{path}'"


def _internal(error: BaseException) -> NoReturn:
    from generator.core.internal import explain
    click.echo(explain(error), err=True)
    sys.exit(INTERNAL_ERROR)
