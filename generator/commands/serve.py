"""`cluster-plans serve`: a local preview that rebuilds and reloads when a plan or page changes."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import click

from .. import engine, i18n
from ..site import Project, by_language, language_config, render_pages
from ..validate import validate

WATCHED = ("clusters", "content", "templates")


def snapshot(root: Path) -> dict[Path, float]:
    """Modification times of every file the site is made from."""
    seen = {}
    for folder in WATCHED:
        for path in (root / folder).rglob("*"):
            if path.is_file():
                seen[path] = path.stat().st_mtime_ns
    return seen


def regenerate(project: Project, docs_dir: Path) -> tuple[bool, int]:
    """Re-render the docs tree; only files whose content changed are rewritten, so the engine
    rebuilds from those. Returns whether the plans are valid and how many files changed."""
    result = validate(project.root)
    if not result.report.valid:
        errors = [p for p in result.report.errors]
        click.echo(click.style(f"{len(errors)} error(s); the preview keeps the last good version:", fg="red"))
        for p in errors[:20]:
            click.echo(f"  {p.file}:{p.line}:{p.column}: {p.code}: {p.message}")
        return False, 0
    pages = by_language(render_pages(project, result))["en"]
    return True, engine.write_docs(pages, docs_dir, project.engine_config())


def run(root: Path, host: str, port: int) -> int:
    from mkdocs.commands.serve import serve  # the engine's own live-reload server

    project = Project(root)
    docs_dir = project.work_dir / "serve" / "docs"
    ok, _ = regenerate(project, docs_dir)
    if not ok:
        return 1
    translations = i18n.Translations.load(project.templates_dir)
    result = validate(root)
    pages = by_language(render_pages(project, result))["en"]
    config = language_config(project, result, translations, "en", docs_dir, project.work_dir / "serve" / "site",
                             pages)
    # The preview shows the English tree; the Welsh tree is built by `cluster-plans build`.
    config["extra"].pop("alternate", None)
    config_path = engine.write_config(config, project.work_dir / "serve" / "mkdocs.yml")

    def watch() -> None:
        before = snapshot(root)
        while True:
            time.sleep(0.3)
            now = snapshot(root)
            if now != before:
                before = now
                ok, changed = regenerate(project, docs_dir)
                if ok:
                    click.echo(f"Updated {changed} page(s) of the preview")

    threading.Thread(target=watch, daemon=True).start()
    click.echo(f"Previewing on http://{host}:{port}/ (Ctrl+C to stop)")
    serve(str(config_path), livereload=True, dev_addr=f"{host}:{port}")
    return 0
