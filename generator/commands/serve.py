"""`cluster-plans serve`: a local preview that rebuilds only what an edit touches and reloads the page."""

from __future__ import annotations

import functools
import http.server
import shutil
import textwrap
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import click
import yaml

from .. import engine, i18n
from ..model import ClusterRecord, Repository
from ..render import Renderer, SiteContext, data_pages
from ..site import LANGUAGES, BuildFailure, Project, build, by_language, source_epoch
from ..validate import validate

WATCHED = ("clusters", "content", "templates", "mkdocs.yml")
RELOAD_PATH = "/__cluster_plans_reload"
# Added to every page the preview serves (never to the published site): wait for the next change,
# then reload.
RELOAD_SCRIPT = ("<script>(function poll(v){fetch('%s?since='+v).then(function(r){return r.text()})"
                 ".then(function(n){if(n!==String(v)){location.reload()}else{poll(v)}})"
                 ".catch(function(){setTimeout(function(){poll(v)},1000)})})(%d)</script>")


def snapshot(root: Path) -> dict[Path, int]:
    """Modification times of every file the site is made from."""
    seen = {}
    for name in WATCHED:
        target = root / name
        paths = [target] if target.is_file() else target.rglob("*") if target.is_dir() else []
        for path in paths:
            if path.is_file():
                seen[path] = path.stat().st_mtime_ns
    return seen


def plan_folder(root: Path, path: Path) -> Path | None:
    """The plan folder (clusters/<board>/<cluster>/<year>/) a changed file belongs to, if any."""
    try:
        parts = path.relative_to(root / "clusters").parts
    except ValueError:
        return None
    return root / "clusters" / Path(*parts[:3]) if len(parts) == 4 else None


@dataclass
class Preview:
    """The preview's state: the repository as last validated and the site built from it."""
    project: Project
    site_dir: Path
    version: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    changed: threading.Condition = field(default_factory=threading.Condition)
    ctx: SiteContext | None = None

    def full_build(self) -> bool:
        try:
            validation, timings = build(self.project, self.site_dir)
        except BuildFailure as failure:
            self.show_failure(failure)
            return False
        translations = i18n.Translations.load(self.project.templates_dir)
        self.ctx = SiteContext(validation.repository, self.project.content_dir, self.project.templates_dir,
                               translations)
        click.echo(f"Built the preview ({timings.generator + timings.engine:.1f}s)")
        return True

    def show_failure(self, failure: BuildFailure) -> None:
        click.echo(click.style(f"Not updated: {failure}. The preview keeps the last good version.", fg="red"))
        if failure.report is not None:
            for problem in failure.report.errors[:20]:
                click.echo(textwrap.indent(problem.as_text(), "  "))
        for line in failure.details[:20]:
            click.echo(f"  {line}")

    def bump(self) -> None:
        with self.changed:
            self.version += 1
            self.changed.notify_all()

    def built(self) -> SiteContext:
        """The site as last built in full; an edit is applied to it."""
        if self.ctx is None:
            raise RuntimeError("the preview is updated only after a full build")
        return self.ctx

    def update_plans(self, folders: set[Path]) -> None:
        """Re-check the changed plans, then rebuild first the pages of their clusters (so the edit shows
        at once) and then, in the background, the overview pages and the search index."""
        started = time.perf_counter()
        ctx = self.built()
        result = validate(self.project.root, sorted(folders))
        if not result.report.valid:
            self.show_failure(BuildFailure("the plans have errors", [], result.report))
            return
        touched = merge(ctx.repository, result.repository, folders, self.project.root)
        for key in touched:
            ctx.changes.pop(key, None)
        clusters = [c for c in ctx.repository.clusters if (c.board.slug, c.cluster.slug) in touched]
        english = Renderer(ctx, "en")
        self.write([page for cluster in clusters for page in english.cluster_pages(cluster)], ("en",))
        self.bump()
        click.echo(f"Updated {', '.join(c.cluster.name for c in clusters)} "
                   f"in {time.perf_counter() - started:.2f}s")
        threading.Thread(target=self.update_overviews, args=(clusters,), daemon=True).start()

    def update_overviews(self, clusters: list[ClusterRecord]) -> None:
        with self.lock:
            ctx = self.built()
            pages = data_pages(ctx.repository)
            for language in LANGUAGES:
                renderer = Renderer(ctx, language)
                pages += renderer.overview_pages()
                if language != "en":
                    pages += [page for cluster in clusters for page in renderer.cluster_pages(cluster)]
            self.write(pages, LANGUAGES)
            self.reindex()

    def write(self, pages, languages: tuple[str, ...]) -> None:
        trees = by_language(pages)
        epoch = source_epoch(self.project.root)
        for language in languages:
            docs_dir = self.project.work_dir / "docs" / language
            if engine.write_pages(trees[language], docs_dir):
                config = self.project.work_dir / f"mkdocs.{language}.preview.yml"
                engine.run_mkdocs(config, epoch, dirty=True)

    def reindex(self) -> None:
        """A new search index is written beside the old one and swapped in, so search never shows
        fewer pages than the site has."""
        fresh = self.site_dir / ".pagefind-new"
        shutil.rmtree(fresh, ignore_errors=True)
        engine.run_pagefind(self.site_dir, fresh)
        old = self.site_dir / ".pagefind-old"
        shutil.rmtree(old, ignore_errors=True)
        current = self.site_dir / "pagefind"
        if current.exists():
            current.rename(old)
        fresh.rename(current)
        shutil.rmtree(old, ignore_errors=True)

    def preview_configs(self) -> None:
        """Engine configurations that rebuild into the preview's own folders (English at the root)."""
        for language in LANGUAGES:
            built = self.project.work_dir / f"mkdocs.{language}.yml"
            config = yaml.safe_load(built.read_text(encoding="utf-8"))
            config["site_dir"] = str(self.site_dir if language == "en" else self.site_dir / language)
            engine.write_config(config, self.project.work_dir / f"mkdocs.{language}.preview.yml")


def merge(repository: Repository, fresh: Repository, folders: set[Path], root: Path) -> set[tuple[str, str]]:
    """Put the re-checked plans into the repository (and take out plans whose folder is gone)."""
    touched = set()
    found = {(p.board.slug, p.cluster.slug, p.year): p for p in fresh.plans}
    for folder in folders:
        board, cluster, year = folder.relative_to(root / "clusters").parts
        touched.add((board, cluster))
        for record in repository.clusters:
            if (record.board.slug, record.cluster.slug) == (board, cluster):
                plans = {p.year: p for p in record.plans if p.year != year}
                if (board, cluster, year) in found:
                    plans[year] = found[(board, cluster, year)]
                record.plans = [plans[y] for y in sorted(plans)]
    return touched


class _Handler(http.server.SimpleHTTPRequestHandler):
    preview: Preview

    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path.startswith(RELOAD_PATH):
            return self.wait_for_change()
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            body = path.read_bytes().replace(
                b"</body>", (RELOAD_SCRIPT % (RELOAD_PATH, self.preview.version)).encode() + b"</body>", 1)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)
            return None
        return super().do_GET()

    def wait_for_change(self):
        since = self.path.partition("since=")[2]
        with self.preview.changed:
            self.preview.changed.wait_for(lambda: str(self.preview.version) != since, timeout=25)
            answer = str(self.preview.version).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(answer)


def watch(preview: Preview, interval: float = 0.2) -> None:
    root = preview.project.root
    before = snapshot(root)
    while True:
        time.sleep(interval)
        now = snapshot(root)
        if now == before:
            continue
        changed = {p for p in set(now) | set(before) if now.get(p) != before.get(p)}
        before = now
        found = {plan_folder(root, p) for p in changed}
        folders = {folder for folder in found if folder is not None}
        try:
            if None in found or preview.ctx is None:
                # Templates, content, the registry or vocabularies: everything may change.
                with preview.lock:
                    if preview.full_build():
                        preview.preview_configs()
                        preview.bump()
            else:
                with preview.lock:
                    preview.update_plans(folders)
        except engine.EngineFailure as failure:
            click.echo(click.style(f"The engine failed: {failure}", fg="red"))


def run(root: Path, host: str, port: int) -> int:
    project = Project(root)
    preview = Preview(project, project.work_dir / "preview")
    click.echo("Building the preview…")
    if not preview.full_build():
        return 1
    preview.preview_configs()
    threading.Thread(target=watch, args=(preview,), daemon=True).start()
    handler = functools.partial(type("Handler", (_Handler,), {"preview": preview}), directory=str(preview.site_dir))
    server = http.server.ThreadingHTTPServer((host, port), handler)
    click.echo(f"Previewing on http://{host}:{server.server_address[1]}/ (Ctrl+C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("Stopped.")
    finally:
        server.server_close()
    return 0
