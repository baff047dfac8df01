"""`cluster-plans serve`: a local preview that rebuilds only what an edit touches and reloads the page."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import click
from watchfiles import watch as watch_files

from generator.preview import server as preview_server
from generator.preview.rebuild import STATE_FILE, Preview
from generator.pipeline.build import Project

WATCHED = ("clusters", "content", "templates", "mkdocs.yml")


def plan_folder(root: Path, path: Path) -> Path | None:
    """The plan folder (clusters/<board>/<cluster>/<year>/) a changed file belongs to, if any."""
    try:
        parts = path.relative_to(root / "clusters").parts
    except ValueError:
        return None
    return root / "clusters" / Path(*parts[:3]) if len(parts) == 4 else None


def watch(preview: Preview) -> None:
    """Rebuild what each edit touches, in this (the main) thread: the builder never runs beside threads.
    The system tells of each change (inotify, through watchfiles), so a large repository costs nothing
    while nothing changes; changes that come together (an editor's save, a git checkout) come as one."""
    root = preview.project.root
    watched = [root / name for name in WATCHED if (root / name).exists()]
    for changes in watch_files(*watched, step=50, ignore_permission_denied=True):
        folders = {plan_folder(root, Path(path)) for _, path in changes}
        if None in folders:
            # Templates, content, the registry or vocabularies: everything may change.
            preview.full()
        else:
            preview.update({folder for folder in folders if folder is not None})


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def run(root: Path, host: str, port: int, jobs: int | None = None) -> int:
    if not (root / "clusters").is_dir():
        click.echo(f"Cannot start the preview: there is no clusters/ folder in {root}, so no plans to show. Run it "
                   "in a plans repository, or give its folder with --root.", err=True)
        return 1
    project = Project(root)
    try:
        # Listening first: a port in use is reported before a long build, not after it.
        server = preview_server.bind(host, port, say=click.echo)
    except preview_server.ServeError as error:
        click.echo(f"Cannot start the preview: {error}.", err=True)
        return 1
    preview = Preview(project, project.work_dir / "preview", jobs, say=click.echo)
    click.echo("Building the preview…")
    signal.signal(signal.SIGTERM, _stop)
    child = 0
    try:
        preview.full()
        child = preview_server.start(server, preview.site_dir, project.work_dir / STATE_FILE)
        click.echo(f"Previewing on http://{host}:{server.server_address[1]}/ (Ctrl+C to stop)")
        watch(preview)
    except KeyboardInterrupt:
        click.echo("Stopped.")
    finally:
        server.server_close()
        if child:
            os.kill(child, signal.SIGTERM)
            os.waitpid(child, 0)
    return 0
