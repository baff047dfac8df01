"""Preview: the site pipeline run again for only what an edit touched, and the problems the preview shows."""

from __future__ import annotations

import json
import shutil
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from generator.engine import mkdocs as engine
from generator.core import i18n
from generator.core.internal import InternalError, explain
from generator.engine import links
from generator.render import templating
from generator.core.parallel import WorkerDied
from generator.problems.report import Problem
from generator.render.renderer import Page
from generator.core.languages import LANGUAGES, OTHER_LANGUAGES
from generator.pipeline import extensions
from generator.pipeline.build import BuildFailure, DocsTree, Project, build, built_page, check, link_problems, site_files, render_clusters, render_overviews, run_engine, source_epoch, write_docs_trees
from generator.render.templating import TemplateFailure
from generator.checks.validate import Validation
from generator.preview.server import PROBLEMS_FILE
from generator.core.files import write_atomic

# Read by the preview's web server (another process): the version of the site and the problems banner.
STATE_FILE = "preview-state.json"
# The banner lists this many problems; the terminal shows them all.
BANNER_LIMIT = 30
PREVIEW_CONFIG = "mkdocs.{}.preview.yml"

Say = Callable[[str], None]


def _plan_key(problem: Problem) -> str:
    """The plan folder a problem belongs to (clusters/B/C/Y), or "repository" for the registry's files."""
    parts = problem.file.split("/")
    return "/".join(parts[:4]) if len(parts) > 4 and parts[0] == "clusters" else "repository"


def by_plan(problems: list[Problem]) -> dict[str, list[Problem]]:
    """Every problem of each plan folder, as validate reports them (errors and warnings), in its order."""
    found: dict[str, list[Problem]] = {}
    for problem in sorted(set(problems), key=Problem.sort_key):
        key = _plan_key(problem)
        if key != "repository":
            found.setdefault(key, []).append(problem)
    return found


def write_plan_problems(path: Path, plans: dict[str, list[Problem]], version: int) -> None:
    """The problems of each plan in every language, as `validate --format json` gives them, written whole
    (the preview's server may be reading the previous version)."""
    data = {"version": version,
            "plans": {key: {language: [p.as_dict(language) for p in found] for language in LANGUAGES}
                      for key, found in sorted(plans.items())}}
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, json.dumps(data, ensure_ascii=False))


@dataclass
class Preview:
    """The preview's state: the model of the last good plans, the pages made from it, and what is wrong."""
    project: Project
    site_dir: Path
    jobs: int | None = None
    say: Say = print
    validation: Validation | None = None
    pages: dict[str, Page] = field(default_factory=dict)
    # The files written beside the engine's pages: the editor's and the downloads (see site_files).
    files: set[str] = field(default_factory=set)
    # Errors by what they belong to: a plan folder, "repository", "links" or "build".
    problems: dict[str, list[Problem]] = field(default_factory=dict)
    # Every problem of each plan folder, warnings too: what the editor shows beside a plan's form.
    plan_problems: dict[str, list[Problem]] = field(default_factory=dict)
    broken: dict[str, list[links.BrokenLink]] = field(default_factory=dict)
    failure: str = ""
    version: int = 0

    @property
    def site_dirs(self) -> dict[str, Path]:
        return {language: self.site_dir if language == "en" else self.site_dir / language for language in LANGUAGES}

    # --- the whole site ---------------------------------------------------------------------

    def full(self) -> None:
        """Build the whole preview: the plans with errors are left out (or keep their last good pages when
        the preview has them), and the problems are shown."""
        started = time.perf_counter()
        try:
            built = build(self.project, self.site_dir, jobs=self.jobs, strict=False)
        except BuildFailure as failure:
            self.failure = str(failure)
            self.problems["build"] = failure.report.errors if failure.report else []
            if failure.report:
                self.plan_problems = by_plan(failure.report.problems)
            self.show(f"Not updated: {failure}. The preview keeps the last good version.", failure.details)
            self.show_problems()
            self.publish_state()
            return
        self.failure = ""
        self.validation = built.validation
        self.pages = {page.path: page for page in built.pages}
        self.files = built.site_files
        self.problems = {"build": []}
        self.plan_problems = by_plan(built.validation.report.problems)
        for problem in built.validation.report.errors:
            self.problems.setdefault(_plan_key(problem), []).append(problem)
        self.problems["links"] = built.link_problems
        self.broken = {}
        self.docs_trees()
        self.show(f"Built the preview ({time.perf_counter() - started:.1f}s)")
        self.show_problems()
        self.publish_state()

    def docs_trees(self) -> list[DocsTree]:
        """Complete the docs trees of the current pages, with engine configs that build into the preview."""
        assert self.validation is not None
        return write_docs_trees(self.project, self.validation, list(self.pages.values()), self.site_dirs,
                                PREVIEW_CONFIG)

    # --- what an edit touched -------------------------------------------------------------

    def update(self, folders: set[Path]) -> None:
        """Check the changed plan folders and rebuild their clusters' pages: first in English, so that the
        edit shows at once, then the other languages, the overview pages, downloads, links and search."""
        if self.validation is None or self.failure:
            self.full()
            return
        started = time.perf_counter()
        try:
            touched = self.merge(folders, check(self.project, self.jobs, sorted(folders)))
            if touched is None:
                self.full()
                return
            if touched:
                self.rerender(touched, ("en",))
                self.publish_state()
                names = ", ".join(self.validation.repository.clusters[i].cluster.name for i in touched)
                self.show(f"Updated {names} in {time.perf_counter() - started:.2f}s")
                self.rerender(touched, OTHER_LANGUAGES, overviews=True)
            self.show_problems()
            self.publish_state()
        except InternalError as error:
            self.problems["build"] = []
            self.failure = explain(error)
            self.show(f"Not updated: {self.failure} The preview keeps the last good version.")
            self.publish_state()
        except (TemplateFailure, WorkerDied, engine.EngineFailure) as error:
            problem = [error.problem] if isinstance(error, TemplateFailure) else []
            self.problems["build"] = problem
            self.failure = "" if problem else str(error)
            self.show(f"Not updated: {error}. The preview keeps the last good version.")
            self.publish_state()

    def merge(self, folders: set[Path], fresh: Validation) -> list[int] | None:
        """Put the re-checked plans into the model; a plan with errors keeps its last good version, a plan
        whose folder is gone is taken out. The positions of the clusters touched, or None when the
        registry changed under the preview (a full build is needed)."""
        assert self.validation is not None
        repository = self.validation.repository
        errors = fresh.report.errors
        checked = by_plan(fresh.report.problems)
        self.problems["repository"] = [p for p in errors if _plan_key(p) == "repository"]
        found = {plan.folder: plan for plan in fresh.repository.plans}
        positions = {(c.board.slug, c.cluster.slug): n for n, c in enumerate(repository.clusters)}
        touched = set()
        for folder in folders:
            key = folder.relative_to(self.project.root).as_posix()
            self.problems[key] = [p for p in errors if _plan_key(p) == key]
            self.plan_problems[key] = checked.get(key, [])
            _, board, cluster, year = key.split("/")
            if (board, cluster) not in positions:
                return None
            record = repository.clusters[positions[(board, cluster)]]
            plans = {plan.year: plan for plan in record.plans}
            if key in found:
                plans[year] = found[key]
            elif not (folder / "plan.yaml").exists():
                plans.pop(year, None)
            else:
                continue  # errors: the last good version stays
            record.plans = [plans[y] for y in sorted(plans)]
            touched.add(positions[(board, cluster)])
        return sorted(touched)

    def rerender(self, touched: list[int], languages: tuple[str, ...], overviews: bool = False) -> None:
        """The render, docs and engine stages for the touched clusters in `languages`; with the overviews,
        those in every language too, then the downloads, links and search stages."""
        assert self.validation is not None
        urls = tuple(self.validation.repository.clusters[i].url for i in touched)
        prefixes = tuple(_in(language, url) for language in languages for url in urls)
        before = set(self.pages)
        clusters = render_clusters(self.project, self.validation, self.jobs, touched, languages)
        fresh = render_overviews(self.project, self.validation, self.jobs) if overviews else []
        # The order of the pages is kept (overview pages first), as the navigation lists the
        # hand-written pages in the order they come.
        kept = [page for path, page in self.pages.items()
                if not path.startswith(prefixes) and (not overviews or self.is_cluster_page(path))]
        self.pages = {page.path: page for page in fresh + kept + clusters}
        trees = [tree for tree in self.docs_trees() if overviews or tree.language in languages]
        run_engine(trees, source_epoch(self.project.root), dirty=True)
        self.remove_built(before - set(self.pages))
        if overviews:
            self.finish(clusters + fresh)

    def is_cluster_page(self, path: str) -> bool:
        assert self.validation is not None
        urls = tuple(_in(language, c.url) for language in LANGUAGES for c in self.validation.repository.clusters)
        return path.startswith(urls)

    def remove_built(self, gone: set[str]) -> None:
        """Take out the HTML of pages the site no longer has (the engine's dirty build leaves them)."""
        for path in gone:
            built = self.site_dir / built_page(Page(path, ""))
            if built.is_file():
                built.unlink()
                folder = built.parent
                while folder != self.site_dir and folder.is_dir() and not any(folder.iterdir()):
                    folder.rmdir()
                    folder = folder.parent

    def finish(self, fresh: list[Page]) -> None:
        """The editor's files and the downloads where the build writes them, the links of the re-rendered pages, and a new search index."""
        assert self.validation is not None
        files = site_files(self.project, self.validation, self.site_dir, self.jobs)
        engine.write_pages(files, self.site_dir)
        for path in self.files - {page.path for page in files}:
            (self.site_dir / path).unlink(missing_ok=True)
        self.files = {page.path for page in files}
        checked = sorted({built_page(page) for page in fresh})
        current = {built_page(page) for page in self.pages.values()}
        self.broken = {page: found for page, found in self.broken.items() if page in current and page not in checked}
        served_at = next(tree.served_at for tree in self.docs_trees() if tree.language == LANGUAGES[0])
        for link in links.check_site(self.site_dir, self.jobs, [self.site_dir / page for page in checked], served_at):
            self.broken.setdefault(link.page, []).append(link)
        self.problems["links"] = link_problems([b for found in self.broken.values() for b in found],
                                               list(self.pages.values()), self.project.root)
        self.reindex()

    def reindex(self) -> None:
        """A new search index is written beside the old one and swapped in, so search never shows
        fewer pages than the site has."""
        fresh = self.site_dir / ".pagefind-new"
        shutil.rmtree(fresh, ignore_errors=True)
        engine.run_pagefind(self.site_dir, fresh, unsearched=extensions.unsearched())
        old = self.site_dir / ".pagefind-old"
        shutil.rmtree(old, ignore_errors=True)
        current = self.site_dir / "pagefind"
        if current.exists():
            current.rename(old)
        fresh.rename(current)
        shutil.rmtree(old, ignore_errors=True)

    # --- what the preview shows -------------------------------------------------------------

    def errors(self) -> list[Problem]:
        return sorted({p for found in self.problems.values() for p in found}, key=Problem.sort_key)

    def show(self, line: str, details: list[str] | None = None) -> None:
        self.say(line)
        for detail in details or []:
            self.say(f"  {detail}")

    def show_problems(self) -> None:
        errors = self.errors()
        if errors:
            self.say(i18n.words().text("preview.problems_to_fix", "en", n=len(errors)))
        for problem in errors:
            self.say(textwrap.indent(problem.as_text(), "  "))

    def banner(self, language: str) -> tuple[str, str]:
        """The problems banner for every page and the page shown where there is no good page, in `language`;
        both empty when all is well."""
        errors = self.errors()
        if not errors and not self.failure:
            return "", ""
        translations = i18n.words()
        env = templating.environment(self.project.templates_dir, translations, language)
        env.globals.update(t=lambda key, **values: translations.text(key, language, **values), lang=language)
        shown = [_banner_entry(problem, language) for problem in errors[:BANNER_LIMIT]]
        values = dict(problems=shown, hidden=max(0, len(errors) - BANNER_LIMIT), failure=self.failure)
        return (env.get_template("preview/problems.html.j2").render(**values),
                env.get_template("preview/unavailable.html.j2").render(**values))

    def publish_state(self) -> None:
        """Tell the web server (and, through it, every open page) that the site or its problems changed."""
        self.version += 1
        state: dict = {"version": self.version, "banner": {}, "unavailable": {}}
        try:
            for language in LANGUAGES:
                state["banner"][language], state["unavailable"][language] = self.banner(language)
        except Exception as error:  # a broken preview template must not stop the preview
            self.say(f"The problems banner could not be made: {error}")
        path = self.project.work_dir / STATE_FILE
        # The problems first: a page told of the new version then finds them.
        write_plan_problems(path.with_name(PROBLEMS_FILE), self.plan_problems, self.version)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps(state, ensure_ascii=False))


def _banner_entry(problem: Problem, language: str) -> dict[str, object]:
    """A problem as the banner shows it: its place, its message and hint in the page's language, and the
    address of its entry in the problem reference in that language (the preview is served from the root)."""
    return {"file": problem.file, "line": problem.line, "column": problem.column, "code": problem.code,
            "message": problem.message_in(language), "hint": problem.hint_in(language),
            "reference": "/" + _in(language, f"guide/problems/#{problem.code}")}


def _in(language: str, path: str) -> str:
    """A site path in a language's tree."""
    return path if language == "en" else f"{language}/{path}"
