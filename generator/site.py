"""The site pipeline end to end: validate, render, write the docs tree, run the engine, check links, publish."""

from __future__ import annotations

import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import engine, i18n, links, publish
from .render import Page, SiteContext, render_site
from .validate import Validation, validate

LANGUAGES = ("en",)


class BuildFailure(Exception):
    """The build stopped; `problems` holds lines to show the user."""

    def __init__(self, summary: str, details: list[str] | None = None, report=None):
        super().__init__(summary)
        self.details = details or []
        self.report = report


@dataclass
class Project:
    """Where things are in a repository."""
    root: Path

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
        """Scratch space for the docs tree the engine reads."""
        return self.root / ".build"

    def engine_config(self) -> engine.EngineConfig:
        return engine.EngineConfig(self.root, self.config_file, self.templates_dir, self.content_dir)


@dataclass
class Timings:
    stages: dict[str, float] = field(default_factory=dict)

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


def nav_for(validation: Validation, translations: i18n.Translations, language: str, content_dir: Path) -> list:
    """A short navigation whose size does not grow with the number of plans."""
    t = lambda key: translations.text(key, language)  # noqa: E731
    boards = [{(b.board.short_name or b.board.name) if language == "en" else (b.board.short_name_cy or b.board.name):
               f"{b.board.slug}/index.md"} for b in validation.repository.boards]
    nav = [{t("nav.home"): "index.md"}, {t("home.boards_heading"): boards},
           {t("themes.title"): "themes/index.md"}, {t("services.title"): "services/index.md"},
           {t("downloads.title"): "downloads/index.md"}, {t("quality.title"): "data-quality/index.md"}]
    for page in sorted(content_dir.glob("*/index.md")):
        title = _title_of(page) or page.parent.name
        nav.append({title: f"{page.parent.name}/index.md"})
    return nav


def _title_of(page: Path) -> str | None:
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return None


Progress = Callable[[str], None]


def render_pages(project: Project, validation: Validation) -> list[Page]:
    translations = i18n.Translations.load(project.templates_dir)
    ctx = SiteContext(validation.repository, project.content_dir, project.templates_dir, translations)
    return render_site(ctx, LANGUAGES)


def build(project: Project, site_dir: Path, progress: Progress = lambda s: None) -> tuple[Validation, Timings]:
    timings = Timings()
    start = time.perf_counter()
    progress("Checking plans")
    validation = validate(project.root)
    timings.add("validate", time.perf_counter() - start)
    if not validation.report.valid:
        raise BuildFailure("the plans have errors; nothing was built", [], validation.report)
    start = time.perf_counter()
    progress("Rendering pages")
    pages = render_pages(project, validation)
    translations = i18n.Translations.load(project.templates_dir)
    docs_dir = project.work_dir / "docs"
    engine.write_docs(pages, docs_dir, project.engine_config())
    timings.add("render", time.perf_counter() - start)
    staging = publish.staging_dir(site_dir)
    try:
        progress("Building the site with MkDocs")
        start = time.perf_counter()
        config = engine.engine_config(project.engine_config(), docs_dir, staging,
                                      nav_for(validation, translations, "en", project.content_dir))
        config_path = engine.write_config(config, project.work_dir / "mkdocs.yml")
        engine.run_mkdocs(config_path, source_epoch(project.root))
        timings.add("engine", time.perf_counter() - start)
        progress("Checking links")
        start = time.perf_counter()
        broken = links.check_site(staging)
        if broken:
            raise BuildFailure(f"{len(broken)} broken internal link{'s' if len(broken) != 1 else ''}",
                               [str(b) for b in broken])
        timings.add("links", time.perf_counter() - start)
        progress("Publishing")
        publish.swap_into_place(staging, site_dir)
    except engine.EngineFailure as failure:
        raise BuildFailure("MkDocs could not build the site", str(failure).splitlines()) from None
    finally:
        publish.discard(staging)
    return validation, timings
