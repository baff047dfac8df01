"""The site pipeline, one stage after another: check the plans, render the clusters' pages, render the
overviews, write the docs trees, run the engine, index the pages and check their links, publish.

`build` runs every stage; the preview (`serve`) runs the same stages for what an edit touched."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Callable

from generator.core import addresses
from generator.engine import mkdocs as engine
from generator.core import i18n
from generator.engine import links
from generator.publish import swap as publish
from generator.problems import catalogue as C
from generator.defaults import project_part
from generator.pipeline import extensions
from generator.render.downloads import data_pages
from generator.documents.published import DocumentFailed, document_files
from generator.core.languages import LANGUAGES, OTHER_LANGUAGES
from generator.core.history import folder_dates
from generator.core.parallel import WorkerDied, kept_as_is, share_out
from generator.problems.report import Problem, Report
from generator.render.renderer import Page, Renderer, SiteContext
from generator.schema.address import SiteAddressError, configured_site_url
from generator.render.templating import TemplateFailure, template_problem
from generator.sitemap.urls import page_dir
from generator.checks.validate import Validation, validate
from generator.core import processes

Progress = Callable[[str], None]


class BuildFailure(Exception):
    """The build stopped; `report` holds the problems to show, `details` any other lines."""

    def __init__(self, summary: str, details: list[str] | None = None, report: Report | None = None):
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

    @cached_property
    def site_address(self) -> str | None:
        """The address the site is published at: the build's own, else mkdocs.yml's site_url, else None.
        Raises SiteAddressError when mkdocs.yml's is no web address."""
        return self.site_url or configured_site_url(self.root)

    # A repository's own templates, content and mkdocs.yml, else the package's (see generator.defaults).
    @property
    def config_file(self) -> Path:
        return project_part(self.root, "mkdocs.yml")

    @property
    def templates_dir(self) -> Path:
        return project_part(self.root, "templates")

    @property
    def content_dir(self) -> Path:
        return project_part(self.root, "content")

    @property
    def work_dir(self) -> Path:
        """Scratch space for the docs trees the engine reads."""
        return self.root / ".build"

    def docs_dir(self, language: str) -> Path:
        return self.work_dir / "docs" / language

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
        return self.stages.get("engine", 0.0) + self.stages.get("index", 0.0)

    @property
    def generator(self) -> float:
        return sum(v for k, v in self.stages.items() if k not in ("engine", "index"))


def source_epoch(root: Path) -> int:
    """Build date for reproducible output: the time of the last commit, else a fixed date."""
    try:
        out = processes.git(root, "log", "-1", "--format=%ct", check=False)
        if out.returncode == 0 and out.stdout.strip():
            return int(out.stdout.strip())
    except (processes.ToolFailure, ValueError):
        pass  # not a git repository, or no git: the fixed date
    return 1_640_995_200  # 2022-01-01


# --- 1. Check: every plan read and checked; the valid ones become the model ----------------------

def check(project: Project, jobs: int | None = None, only: list[Path] | None = None) -> Validation:
    """The validator's report and the repository of valid plans (all plans, or those under `only`)."""
    return validate(project.root, only, jobs)


# --- 2. Render the clusters' pages, in every language --------------------------------------------

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


class PageWriter:
    """Renders pages in a worker and writes them straight into their language's docs tree, so that only
    their paths, titles and sources travel back (the content is on disk). A worker keeps its renderers,
    and their compiled templates, from one share of the work to the next."""

    def __init__(self, project: Project, validation: Validation, languages: tuple[str, ...] = LANGUAGES):
        self.project, self.languages = project, languages
        self.ctx = SiteContext(validation.repository, project.content_dir, project.templates_dir,
                               i18n.words(),
                               plan_dates=folder_dates(project.root, [p.folder for p in validation.repository.plans]),
                               plan_editor=extensions.plan_editor(project.root))
        self._renderers: dict[str, Renderer] = {}

    def renderer(self, language: str) -> Renderer:
        if language not in self._renderers:
            self._renderers[language] = Renderer(self.ctx, language)
        return self._renderers[language]

    def write(self, pages: list[Page]) -> list[Page]:
        for language, tree in by_language(pages).items():
            engine.write_pages(tree, self.project.docs_dir(language))
        return [Page(page.path, "", page.sources, page.title) for page in pages]


class ClusterPages(PageWriter):
    """One cluster's own pages (its page, each plan, plan on a page, year-to-year changes) in every
    language; they need nothing from other clusters."""

    def __call__(self, index: int) -> list[Page]:
        cluster = self.ctx.repository.clusters[index]
        try:
            return self.write([page for language in self.languages
                               for page in self.renderer(language).cluster_pages(cluster)])
        except Exception as error:  # a broken template, a missing translation: see template_problem
            raise TemplateFailure(template_problem(error, self.project.root)) from None


def render_clusters(project: Project, validation: Validation, jobs: int | None = None,
                    only: list[int] | None = None, languages: tuple[str, ...] = LANGUAGES) -> list[Page]:
    """Render and write the pages of every cluster (or of the clusters at the positions `only`)."""
    clusters = list(range(len(validation.repository.clusters))) if only is None else only
    pages = share_out("rendering pages", ClusterPages(project, validation, languages), clusters, jobs)
    return sorted((page for share in pages for page in share), key=lambda page: page.path)


# --- 3. Render the overviews: pages that look across clusters -------------------------------------

class OverviewPages(PageWriter):
    """One group of overview pages (national, boards, services, a theme) in one language."""

    def __call__(self, part: tuple[str, str]) -> list[Page]:
        language, group = part
        try:
            return self.write(self.renderer(language).overview_pages(group))
        except Exception as error:
            raise TemplateFailure(template_problem(error, self.project.root)) from None


def render_overviews(project: Project, validation: Validation, jobs: int | None = None,
                     languages: tuple[str, ...] = LANGUAGES) -> list[Page]:
    """Render and write the national, board, theme, service, download and data-quality pages and the
    hand-written ones, shared out in groups of about equal work, largest first."""
    writer = OverviewPages(project, validation, languages)
    groups = writer.renderer(languages[0]).overview_groups()
    pages = share_out("rendering pages", writer, [(language, group) for group in groups for language in languages],
                      jobs)
    return [page for share in pages for page in share]


# --- 4. Write the docs trees: assets, no stale files, navigation and the engine's configuration ---

@dataclass
class DocsTree:
    """One language's complete docs tree and the engine configuration that builds it into `site_dir`."""
    language: str
    docs_dir: Path
    pages: list[Page]
    config_file: Path
    site_dir: Path
    # The absolute path the tree is served at, where root-relative links start (/ or /plans/, /cy/ ...).
    served_at: str = "/"


# Hand-written pages linked from every page's footer instead of the main menu: the leads' guide (git, YAML)
# is not for the public, and the statement and contact page are what every public-sector site gives.
FOOTER_PAGES = {"guide": "footer.for_leads", "accessibility": "footer.accessibility", "contact": "footer.contact"}


def nav_for(validation: Validation, translations: i18n.Translations, language: str,
            pages: list[Page]) -> list[dict[str, Any]]:
    """A short navigation whose size does not grow with the number of plans."""
    t = lambda key: translations.text(key, language)  # noqa: E731
    # The tab opens the list of every board; the boards follow in the alphabet of the reader's language.
    named = sorted(((i18n.board_name(b.board, language), b) for b in validation.repository.boards),
                   key=lambda pair: i18n.collation_key(pair[0], language))
    # The list of boards is named here, as every other page is: a preview's engine, which reads only the
    # pages an edit touched, would otherwise not know its title for the links to it from the others.
    boards: list[Any] = [{t("home.boards_heading"): "boards/index.md"},
                         *({name: f"{b.board.slug}/index.md"} for name, b in named)]
    nav: list[dict[str, Any]] = [{t("nav.home"): "index.md"}, {t("home.boards_heading"): boards},
           {t("themes.title"): "themes/index.md"}, {t("services.title"): "services/index.md"},
           {t("downloads.title"): "downloads/index.md"}, {t("quality.title"): "data-quality/index.md"}]
    # Hand-written pages (content/<name>/index.md) join the navigation after the generated ones.
    listed = {path for entry in nav for value in entry.values()
              for path in ([value] if isinstance(value, str)
                           else [p for e in value for p in ([e] if isinstance(e, str) else e.values())])}
    for page in pages:
        parts = page.path.split("/")
        if len(parts) == 2 and parts[1] == "index.md" and page.title and page.path not in listed \
                and parts[0] not in FOOTER_PAGES:
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
    extra["search_more"] = translations.text("search.more", language)
    extra["not_found"] = {part: translations.text(f"notfound.{part}", language) for part in ("heading", "text")}
    extra["footer_links"] = [{"title": translations.text(key, language), "path": f"{name}/"}
                             for name, key in FOOTER_PAGES.items()
                             if any(page.path == f"{name}/index.md" for page in pages)]
    config["site_name"] = translations.text("site.name", language)
    config["copyright"] = translations.text("site.copyright", language)
    return config


def language_site_dirs(site_dir: Path) -> dict[str, Path]:
    """Where the engine builds each language: English at the root of the site, the others beside it
    first (each engine run cleans its own folder) and moved under it when all are built."""
    return {language: site_dir if language == "en" else site_dir.with_name(f"{site_dir.name}-{language}")
            for language in LANGUAGES}


def write_docs_trees(project: Project, validation: Validation, pages: list[Page],
                     site_dirs: dict[str, Path], config_name: str = "mkdocs.{}.yml") -> list[DocsTree]:
    """Complete each language's docs tree, whose pages the render stages wrote, and its engine config."""
    translations = i18n.words()
    trees = []
    for language, tree in by_language(pages).items():
        docs_dir = project.docs_dir(language)
        engine.finish_docs(docs_dir, {page.path for page in tree}, project.engine_config())
        config = language_config(project, validation, translations, language, docs_dir, site_dirs[language], tree)
        trees.append(DocsTree(language, docs_dir, tree,
                              engine.write_config(config, project.work_dir / config_name.format(language)),
                              site_dirs[language], addresses.tree_path(config.get("site_url") or None, language)))
    return trees


# --- 5. The engine: MkDocs + Material builds each docs tree into HTML -----------------------------

def run_engine(trees: list[DocsTree], epoch: int, dirty: bool = False) -> None:
    """One engine run per language, side by side: they share nothing."""
    with ThreadPoolExecutor(max_workers=len(trees)) as pool:
        list(pool.map(lambda tree: engine.run_mkdocs(tree.config_file, epoch, dirty), trees))


def gather_languages(trees: list[DocsTree], site_dir: Path) -> None:
    """Move the languages built beside the English site into it (/cy/)."""
    for tree in trees:
        if tree.site_dir != site_dir:
            shutil.move(str(tree.site_dir), str(site_dir / tree.language))


# --- 6. Index for search, write the downloads and check every link --------------------------------

def built_page(page: Page) -> str:
    """The HTML file (relative to the site) a docs page becomes (directory URLs)."""
    return page_dir(page.path) + "index.html" if page.path.endswith(".md") else page.path


def link_problems(broken: list[links.BrokenLink], pages: list[Page], root: Path) -> list[Problem]:
    """Broken links as problems at the file and line a lead can correct: the prose or content file that
    holds the link when one does, else the plan folder or the built page."""
    made_from = {built_page(page): page.sources for page in pages}
    problems = []
    for link in broken:
        sources = made_from.get(link.page, ())
        file, line, column = _where_written(link.target, sources, root) or (
            sources[0] if sources else f"site/{link.page}", 0, 0)
        problems.append(Problem.of(C.LinkBroken, file, line, column, target=link.target, reason=link.reason))
    return problems


def _where_written(target: str, sources: tuple[str, ...], root: Path) -> tuple[str, int, int] | None:
    """The first place among a page's source files (a plan folder's prose, a content page) where `target`
    is written."""
    for source in sources:
        path = root / source
        files = sorted(path.glob("*.md")) + [path / "plan.yaml"] if path.is_dir() else [path]
        for file in files:
            if not file.is_file():
                continue
            for number, text in enumerate(file.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
                column = text.find(target)
                if column >= 0:
                    return file.relative_to(root).as_posix(), number, column + 1
    return None


@dataclass
class Checked:
    """What the last stage before publishing found, and how long its parts took."""
    problems: list[Problem]
    # Writing the extensions' files and the downloads.
    editor_seconds: float
    links_seconds: float
    index_seconds: float
    waited_for_links: float
    # The site files written beside the engine's pages (see site_files).
    files: set[str] = field(default_factory=set)
    # Compiling the documents (PDF and Word), part of writing the site files.
    documents_seconds: float = 0.0


def site_files(project: Project, validation: Validation, site_dir: Path, jobs: int | None = None,
               spent: dict[str, float] | None = None) -> list[Page]:
    """The files written into the built site beside the engine's pages: every installed extension's (the
    online editor's pages, whose configuration names every plan) and the downloads (CSV and JSON files,
    which the engine would only copy, and each plan and board year compiled as PDF and Word). `build` and
    `serve` both write them here. `spent` gets the seconds the compiled documents took."""
    translations = i18n.words()
    inputs = extensions.SiteInputs(project.root, validation.repository, translations, project.templates_dir, site_dir)
    files = [page for extension in extensions.installed() for page in extension.files(inputs)]
    files += data_pages(validation.repository, project.site_address)
    start = time.perf_counter()
    try:
        files += document_files(validation.repository, translations, project.templates_dir,
                                jobs, project.work_dir / "documents")
    except DocumentFailed as failure:
        raise BuildFailure(f"a compiled document could not be made: {failure}") from None
    if spent is not None:
        spent["documents"] = time.perf_counter() - start
    return files


def index_and_check_links(project: Project, validation: Validation, site_dir: Path, pages: list[Page],
                          jobs: int | None = None, served_at: str = "/") -> Checked:
    """While Pagefind indexes the pages, the extensions' files (the editor's: not searched) and the
    downloads are written into the site and every link is checked. Pagefind reads only the HTML pages
    outside the extensions' folders and writes none, so these can run together."""
    start = time.perf_counter()
    search = engine.start_pagefind(site_dir, unsearched=extensions.unsearched())
    try:
        # The editor's pages link to the style sheets the engine wrote, and their links are checked too.
        spent: dict[str, float] = {}
        files = site_files(project, validation, site_dir, jobs, spent)
        engine.write_pages(files, site_dir)
        editor = time.perf_counter()
        broken = links.check_site(site_dir, jobs, base=served_at)
    except BaseException:
        search.kill()
        search.wait()
        raise
    checked = time.perf_counter()
    indexed = checked
    if search.poll() is not None:
        # Pagefind was done first; it writes its entry file last, so that file's age says when it ended.
        entry = site_dir / "pagefind" / "pagefind-entry.json"
        if entry.exists():
            indexed = checked - min(checked - start, max(0.0, time.time() - entry.stat().st_mtime))
    engine.finish_pagefind(search)
    if indexed == checked:
        indexed = time.perf_counter()
    return Checked(link_problems(broken, pages, project.root), editor - start, checked - editor, indexed - start,
                   max(0.0, checked - indexed), {page.path for page in files}, spent.get("documents", 0.0))


# --- 7. Publish: the new site replaces the old one in one move --------------------------------------

def ensure_writable(site_dir: Path) -> None:
    """Refuse at once, before any work is done, a site folder that cannot be written: a folder is made
    and removed where the site will go (asking the system is not enough: it says yes to root on a
    read-only disk)."""
    existing = site_dir.parent
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise BuildFailure(f"the site cannot be written to {site_dir}: {existing} is a file, not a folder "
                           "(choose another folder with --site-dir)")
    try:
        os.rmdir(tempfile.mkdtemp(prefix=".cluster-plans-", dir=existing))
    except OSError as error:
        raise BuildFailure(f"the site cannot be written to {site_dir}: {(error.strerror or str(error)).lower()} "
                           "(choose another folder with --site-dir, or ask for write access to this one)") from None


# --- The whole build ----------------------------------------------------------------------------

@dataclass
class Built:
    validation: Validation
    timings: Timings
    pages: list[Page]
    # Broken links found (a build stops for them; the preview publishes and shows them).
    link_problems: list[Problem] = field(default_factory=list)
    # The files written beside the engine's pages (the editor's, the downloads).
    site_files: set[str] = field(default_factory=set)


def build(project: Project, site_dir: Path, progress: Progress = lambda s: None, jobs: int | None = None,
          strict: bool = True) -> Built:
    """Every stage, from plan.yaml to the published site; a failure leaves `site_dir` as it was. A preview
    is not `strict`: it publishes the valid plans and the pages with broken links, and shows the problems."""
    ensure_writable(site_dir)
    try:
        project.site_address
    except SiteAddressError as failure:
        raise BuildFailure(str(failure)) from None
    timings = Timings()
    try:
        start = time.perf_counter()
        progress("Checking plans")
        validation = check(project, jobs)
        timings.add("check", time.perf_counter() - start)
        if strict and not validation.report.valid:
            raise BuildFailure("the plans have errors; nothing was built", [], validation.report)

        # From here on the checked plans only get read: the collector can leave them be (see kept_as_is).
        with kept_as_is():
            start = time.perf_counter()
            progress("Rendering the clusters' pages")
            pages = render_clusters(project, validation, jobs)
            timings.add("clusters", time.perf_counter() - start)
            start = time.perf_counter()
            progress("Rendering overview pages")
            pages = render_overviews(project, validation, jobs) + pages
            timings.add("overviews", time.perf_counter() - start)

            staging = publish.staging_dir(site_dir)
            site_dirs = language_site_dirs(staging)
            try:
                start = time.perf_counter()
                trees = write_docs_trees(project, validation, pages, site_dirs)
                timings.add("docs", time.perf_counter() - start)

                progress("Building the site with MkDocs")
                start = time.perf_counter()
                run_engine(trees, source_epoch(project.root))
                gather_languages(trees, staging)
                timings.add("engine", time.perf_counter() - start)

                progress("Indexing for search, adding the online editor, writing the downloads and checking links")
                served_at = next(tree.served_at for tree in trees if tree.language == LANGUAGES[0])
                checked = index_and_check_links(project, validation, staging, pages, jobs, served_at)
                timings.add("index", checked.index_seconds)
                timings.add("links", checked.waited_for_links)
                timings.alongside["site files"] = checked.editor_seconds
                timings.alongside["documents"] = checked.documents_seconds
                timings.alongside["links"] = checked.links_seconds
                if strict and checked.problems:
                    report = Report(checked.problems)
                    n = len(report.errors)
                    raise BuildFailure(i18n.words().text("build.broken_links", "en", n=n), [], report)

                progress("Publishing")
                publish.swap_into_place(staging, site_dir)
            finally:
                for folder in site_dirs.values():
                    publish.discard(folder)
    except TemplateFailure as failure:
        raise BuildFailure("a template could not be used; nothing was published", [],
                           Report([failure.problem])) from None
    except WorkerDied as died:
        raise BuildFailure(f"{died}; nothing was published") from None
    except engine.EngineFailure as failure:
        raise BuildFailure("MkDocs could not build the site", str(failure).splitlines()) from None
    except extensions.ExtensionFailure as failure:
        raise BuildFailure(str(failure)) from None
    except OSError as error:
        raise BuildFailure(f"a file could not be written: {error.strerror or error}"
                           f"{f' ({error.filename})' if error.filename else ''}") from None
    return Built(validation, timings, pages, checked.problems, checked.files)
