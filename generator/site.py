"""The site pipeline end to end: validate, render, write the docs trees, run the engine, check links, publish."""

from __future__ import annotations

import shutil
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from . import addresses, engine, i18n, links, publish
from .cms.admin import admin_pages
from .cms.config import SettingsError
from .cms.node import NodeMissing
from .languages import LANGUAGES, OTHER_LANGUAGES
from .render import ClusterPages, Page, SiteContext, data_pages, render_site
from .validate import Validation, validate


class BuildFailure(Exception):
    """The build stopped; `details` holds lines to show the user."""

    def __init__(self, summary: str, details: list[str] | None = None, report=None):
        super().__init__(summary)
        self.details = details or []
        self.report = report


@dataclass
class Project:
    """Where things are in a repository."""
    root: Path
    # The address the site is published at, when the build is given one; else mkdocs.yml's site_url.
    site_url: str | None = None

    def __post_init__(self) -> None:
        # The engine runs in other processes and folders: every path it is given must be absolute.
        self.root = Path(self.root).resolve()

    @property
    def config_file(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def templates_dir(self) -> Path:
        return self.root / "templates"

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def work_dir(self) -> Path:
        """Scratch space for the docs trees the engine reads."""
        return self.root / ".build"

    def engine_config(self) -> engine.EngineConfig:
        return engine.EngineConfig(self.root, self.config_file, self.templates_dir, self.content_dir)


@dataclass
class Timings:
    """Where a build's time went. Each stage counts the time the build waited for it, so the stages add
    up to the whole; work done alongside another stage is recorded in `alongside` (its own duration)."""
    stages: dict[str, float] = field(default_factory=dict)
    alongside: dict[str, float] = field(default_factory=dict)

    def add(self, name: str, seconds: float) -> None:
        self.stages[name] = self.stages.get(name, 0.0) + seconds

    @property
    def engine(self) -> float:
        return self.stages.get("engine", 0.0)

    @property
    def generator(self) -> float:
        return sum(v for k, v in self.stages.items() if k != "engine")


def source_epoch(root: Path) -> int:
    """Build date for reproducible output: the time of the last commit, else a fixed date."""
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True,
                             timeout=10)
        if out.returncode == 0 and out.stdout.strip():
            return int(out.stdout.strip())
    except (OSError, ValueError, subprocess.TimeoutExpired):
        pass
    return 1_640_995_200  # 2022-01-01


def by_language(pages: list[Page]) -> dict[str, list[Page]]:
    """Split the page tree into one docs tree per language, paths relative to that tree."""
    trees: dict[str, list[Page]] = {language: [] for language in LANGUAGES}
    for page in pages:
        head, _, rest = page.path.partition("/")
        if head in OTHER_LANGUAGES and rest:
            trees[head].append(Page(rest, page.content, page.sources, page.title))
        else:
            # Data files (downloads, the schema) are the same in every language: they are published once,
            # in the English tree, and the pages of every language link there.
            trees["en"].append(page)
    return trees


def nav_for(validation: Validation, translations: i18n.Translations, language: str,
            pages: list[Page]) -> list[dict[str, Any]]:
    """A short navigation whose size does not grow with the number of plans."""
    t = lambda key: translations.text(key, language)  # noqa: E731
    boards = [{i18n.board_name(b.board, language): f"{b.board.slug}/index.md"} for b in validation.repository.boards]
    nav: list[dict[str, Any]] = [{t("nav.home"): "index.md"}, {t("home.boards_heading"): boards},
           {t("themes.title"): "themes/index.md"}, {t("services.title"): "services/index.md"},
           {t("downloads.title"): "downloads/index.md"}, {t("quality.title"): "data-quality/index.md"}]
    # Hand-written pages (content/<name>/index.md) join the navigation after the generated ones.
    listed = {path for entry in nav for value in entry.values()
              for path in ([value] if isinstance(value, str) else [p for e in value for p in e.values()])}
    for page in pages:
        parts = page.path.split("/")
        if len(parts) == 2 and parts[1] == "index.md" and page.title and page.path not in listed:
            nav.append({page.title: page.path})
    return nav


def language_config(project: Project, validation: Validation, translations: i18n.Translations,
                    language: str, docs_dir: Path, site_dir: Path, pages: list[Page]) -> dict:
    config = engine.engine_config(project.engine_config(), docs_dir, site_dir,
                                  nav_for(validation, translations, language, pages))
    site_url = project.site_url or config.get("site_url") or None
    if site_url:
        config["site_url"] = addresses.tree_url(site_url, language)
    config.setdefault("theme", {})["language"] = language
    extra = config.setdefault("extra", {})
    extra["alternate"] = addresses.alternates(site_url, language)
    extra["home"] = addresses.tree_path(site_url, language)
    extra["made_with"] = translations.text("site.made_with", language)
    config["site_name"] = translations.text("site.name", language)
    config["copyright"] = translations.text("site.copyright", language)
    return config


Progress = Callable[[str], None]


class DocsWriter:
    """Writes pages into their language's docs tree, in whichever process made them, and keeps only
    their paths and titles (the content is on disk)."""

    def __init__(self, project: Project):
        self.docs = {language: project.work_dir / "docs" / language for language in LANGUAGES}

    def __call__(self, pages: list[Page]) -> list[Page]:
        for language, tree in by_language(pages).items():
            engine.write_pages(tree, self.docs[language])
        return [Page(page.path, "", page.sources, page.title) for page in pages]


def check_and_render_clusters(project: Project) -> Validation:
    """Check every plan; each cluster's own pages are rendered and written as soon as its plans are checked."""
    translations = i18n.Translations.load(project.templates_dir)
    clusters = ClusterPages(project.content_dir, project.templates_dir, translations, LANGUAGES,
                            sink=DocsWriter(project))
    return validate(project.root, after_cluster=clusters)


def render_overviews(project: Project, validation: Validation) -> dict[str, tuple[Path, list[Page]]]:
    """Render the pages that look across clusters (the clusters' own pages were rendered while their
    plans were checked) and complete each language's docs tree; returns {language: (docs_dir, pages)}."""
    translations = i18n.Translations.load(project.templates_dir)
    ctx = SiteContext(validation.repository, project.content_dir, project.templates_dir, translations)
    writer = DocsWriter(project)
    pages = render_site(ctx, LANGUAGES, sink=writer, clusters=False, downloads=False)
    pages += sorted((page for cluster in validation.cluster_results for page in cluster), key=lambda p: p.path)
    trees = {}
    for language, tree in by_language(pages).items():
        engine.finish_docs(writer.docs[language], {page.path for page in tree}, project.engine_config())
        trees[language] = (writer.docs[language], tree)
    return trees


def build(project: Project, site_dir: Path, progress: Progress = lambda s: None) -> tuple[Validation, Timings]:
    timings = Timings()
    start = time.perf_counter()
    progress("Checking plans and rendering their clusters")
    validation = check_and_render_clusters(project)
    timings.add("validate", time.perf_counter() - start)
    if not validation.report.valid:
        raise BuildFailure("the plans have errors; nothing was built", [], validation.report)
    start = time.perf_counter()
    progress("Rendering overview pages")
    trees = render_overviews(project, validation)
    translations = i18n.Translations.load(project.templates_dir)
    timings.add("render", time.perf_counter() - start)
    staging = publish.staging_dir(site_dir)
    staged = {language: (staging if language == "en" else staging.with_name(f"{staging.name}-{language}"))
              for language in LANGUAGES}
    try:
        progress("Building the site with MkDocs")
        start = time.perf_counter()
        epoch = source_epoch(project.root)
        configs = []
        served_at = "/"  # the absolute path of the English tree, where root-relative links start
        for language, (docs_dir, tree) in trees.items():
            config = language_config(project, validation, translations, language, docs_dir, staged[language],
                                     tree)
            if language == LANGUAGES[0]:
                served_at = addresses.tree_path(config.get("site_url") or None, language)
            configs.append(engine.write_config(config, project.work_dir / f"mkdocs.{language}.yml"))
        # One engine run per language, side by side: they share nothing until the swap.
        with ThreadPoolExecutor(max_workers=len(configs)) as pool:
            list(pool.map(lambda path: engine.run_mkdocs(path, epoch), configs))
        for language, folder in staged.items():
            if language != "en":
                shutil.move(str(folder), str(staging / language))
        timings.add("engine", time.perf_counter() - start)
        # The online editor joins the site here, before its links are checked.
        engine.write_pages(admin_pages(project.root, validation.repository, translations, project.templates_dir,
                                       staging, LANGUAGES), staging)
        # While Pagefind indexes the pages, which leaves part of the second core idle, the downloads
        # (CSV and JSON files, which MkDocs would only copy) are written into the site and the links
        # are checked. Pagefind reads only the HTML pages, and writes none.
        progress("Indexing for search, writing the downloads and checking links")
        start = time.perf_counter()
        search = engine.start_pagefind(staging)
        try:
            engine.write_pages(data_pages(validation.repository), staging)
            broken = links.check_site(staging, base=served_at)
        finally:
            checked = time.perf_counter()
            engine.finish_pagefind(search, staging)
        indexed = time.perf_counter()
        timings.add("engine", indexed - start)
        timings.add("links", max(0.0, checked - indexed))
        timings.alongside["downloads and links"] = checked - start
        if broken:
            raise BuildFailure(f"{len(broken)} broken internal link{'s' if len(broken) != 1 else ''}",
                               [str(b) for b in broken])
        progress("Publishing")
        publish.swap_into_place(staging, site_dir)
    except engine.EngineFailure as failure:
        raise BuildFailure("MkDocs could not build the site", str(failure).splitlines()) from None
    except (NodeMissing, SettingsError) as failure:
        raise BuildFailure(f"the online editor (/admin/) could not be added: {failure}") from None
    finally:
        for folder in staged.values():
            publish.discard(folder)
    return validation, timings
