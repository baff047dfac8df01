"""Pages: every page and download the build makes, in every language, and the anchors its data gives each.

The renderer writes these pages and no others, and `validate` checks the prose's links against them, so
that what a link may point to and what the build writes cannot drift apart.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from generator.model.facets import Facets
from generator.core.languages import LANGUAGES, OTHER_LANGUAGES
from generator.model.records import BoardRecord, ClusterRecord, PlanRecord, Repository
from generator.core.prose import render_markdown
from generator.problems.guide import problem_reference_markdown
from generator.schema.address import SCHEMA_PATH
from generator.sitemap.anchors import page_anchors
from generator.sitemap.plan_page import PLAN_PARTS, plan_parts
from generator.sitemap.urls import page_dir, relative_url
from generator.schema.vocabulary import slugify

# The kinds of page, each rendered by its own template (see render.Renderer.page).
HOME, THEMES, DOWNLOADS, QUALITY, CONTENT, SERVICES = "home", "themes", "downloads", "data-quality", "content", "services"
BOARD, BOARD_QUALITY, THEME = "board", "board-data-quality", "theme"
# The leads' guide to every problem code, made from the problem catalogue and its words in each language.
PROBLEM_CODES = "problem-codes"
PROBLEM_CODES_PATH = "guide/problems.md"
# Every health board, alphabetically: what the "Health boards" tab opens.
BOARDS = "boards"
CLUSTER, PLAN, ON_A_PAGE, CHANGES = "cluster", "plan", "on-a-page", "changes"
# Files that are the same in every language, published once at the site's root (see downloads.py).
PLAN_CSV, PLAN_JSON, NATIONAL_CSV, NATIONAL_JSON, SCHEMA = (
    "plan-csv", "plan-json", "national-csv", "national-json", "schema")
# The data package: every data file above with its format and licence (a CSV file cannot state its own).
DATA_PACKAGE = "data-package"
# Compiled documents (generator/documents): each plan, and each board's year, as PDF and Word in each language,
# published once at the site's root like the other downloads.
PLAN_DOCUMENT, BOARD_DOCUMENT = "plan-document", "board-document"
DOCUMENT_FORMATS = ("pdf", "docx")
# The online editor, written by cms.admin in every language.
EDITOR = "editor"

# The ids the prose's own HTML carries (footnotes), in the safe HTML it is rendered as.
_ID = re.compile(r' id="([^"]+)"')

# --- Anchors a page's data gives it: the templates write them with these (the `anchor` global) ---------

class Anchor:
    """The ids of the parts of pages that stand for one board, cluster, plan, activity or service."""

    @staticmethod
    def board(board: str) -> str:
        """A board among all boards (the home page's list of clusters)."""
        return f"board-{board}"

    @staticmethod
    def activity(activity: str) -> str:
        """An activity's row in its plan's table of activities."""
        return f"activity-{activity}"

    @staticmethod
    def service(service: str) -> str:
        """A kind of activity several clusters run (the services page, a board's page)."""
        return f"service-{service}"

    @staticmethod
    def cluster(board: str, cluster: str) -> str:
        """A cluster among a theme's activities."""
        return f"{board}-{cluster}"

    @staticmethod
    def plan(board: str, cluster: str, year: str) -> str:
        """A plan among the data-quality notes."""
        return f"{board}-{cluster}-{year}"

    @staticmethod
    def plan_part(name: str) -> str:
        """A part of the plan page (see plan_page.PLAN_PARTS), for a link to it from elsewhere on the page."""
        return next(part.anchor for part in PLAN_PARTS if part.name == name)

    @staticmethod
    def on_a_page(cluster: str, year: str) -> str:
        """A plan on a page, on its plan's page, its own page and its cluster's."""
        return f"pop-{cluster}-{year}"

    @staticmethod
    def flag(number: int) -> str:
        """A note's marker where the plan shows what it concerns."""
        return f"flag-{number}"

    @staticmethod
    def note(number: int) -> str:
        """A note's words, opened from its marker."""
        return f"note-{number}"

    @staticmethod
    def listed_note(number: int) -> str:
        """A note in the list of all the plan's notes at the end of its page."""
        return f"note-list-{number}"


@dataclass(frozen=True)
class CompiledDocument:
    """What a compiled document download holds: one plan (`year` None) or a board's plans of a year, with
    the headings in `language`, as `format` (pdf or docx)."""
    record: PlanRecord | BoardRecord
    year: str | None
    language: str
    format: str


class Documents:
    """Where the compiled documents are published: beside the plan's CSV and JSON, and in the board's folder.
    The file names say what they hold, so a download keeps its meaning in a folder of others."""

    @staticmethod
    def plan(plan: PlanRecord, language: str, format: str) -> str:
        return f"{plan.url}{plan.cluster.slug}-{plan.year}{_language_part(language)}.{format}"

    @staticmethod
    def board_year(board: BoardRecord, year: str, language: str, format: str) -> str:
        return f"{board.url}{board.board.slug}-cluster-plans-{year}{_language_part(language)}.{format}"

    @staticmethod
    def board_years(board: BoardRecord) -> list[str]:
        """The years a board has a compiled document for: those it has plans in, latest first."""
        return sorted({plan.year for plan in board.plans}, reverse=True)


def _language_part(language: str) -> str:
    return "" if language == LANGUAGES[0] else f"-{language}"


@dataclass(frozen=True)
class SitePage:
    """One file the build makes: its path in its language's docs tree (b/c/2023-24/index.md), or from the
    site's root for the files every language shares (`language` None: downloads, the schema)."""
    path: str
    language: str | None
    kind: str
    # What the page shows: a board, cluster or plan record, a theme's (vocabulary, term), the years a
    # page of changes compares, a hand-written page's source file.
    subject: Any = None

    @property
    def address(self) -> str:
        """Where it is served from the site's root: '' is the home page, folders end in '/', the pages of
        another language are under its code (cy/...)."""
        if self.path.endswith(".md"):
            where = page_dir(self.path)
        elif self.path == "index.html" or self.path.endswith("/index.html"):
            where = self.path[: -len("index.html")]
        else:
            where = self.path
        return where if self.language in (None, LANGUAGES[0]) else f"{self.language}/{where}"


@dataclass(frozen=True)
class Unchecked:
    """A plan folder the run did not check (not asked for, or with errors): its pages exist once it builds."""
    board: str
    cluster: str
    year: str


class SitePages:
    """Every page of the site, worked out from the checked repository and the hand-written content."""

    def __init__(self, repository: Repository, content_dir: Path | None = None, unchecked: tuple[Unchecked, ...] = ()):
        self.repository = repository
        self.content_dir = content_dir
        self.unchecked = unchecked
        self.facets = Facets(repository)
        self._anchors: dict[str, frozenset[str] | None] = {}

    # --- what the build writes ------------------------------------------------------------------

    def overview_groups(self) -> list[str]:
        """The overview pages in groups of about equal work, largest first, for workers to share."""
        return ["national", "services", "boards"] + [f"theme:{n}" for n in range(len(self.facets.themes()))]

    def overview(self, group: str, language: str) -> list[SitePage]:
        """The pages of one overview group that look across clusters: national, board, theme, service,
        download and quality pages, and the hand-written ones."""
        if group == "national":
            return [SitePage("index.md", language, HOME), SitePage("boards/index.md", language, BOARDS),
                    SitePage("themes/index.md", language, THEMES),
                    SitePage("downloads/index.md", language, DOWNLOADS),
                    SitePage("data-quality/index.md", language, QUALITY),
                    SitePage(PROBLEM_CODES_PATH, language, PROBLEM_CODES), *self.content(language)]
        if group == "services":
            return [SitePage("services/index.md", language, SERVICES)]
        if group == "boards":
            return [page for board in self.repository.boards
                    for page in (SitePage(f"{board.url}index.md", language, BOARD, board),
                                 SitePage(f"{board.url}data-quality/index.md", language, BOARD_QUALITY, board))]
        vocabulary, term = self.facets.themes()[int(group.removeprefix("theme:"))]
        return [SitePage(f"themes/{slugify(term)}/index.md", language, THEME, (vocabulary, term))]

    def content(self, language: str) -> list[SitePage]:
        """Hand-written pages and files of content/ (a Welsh page comes from content/cy/ when it is there);
        folders starting with '_' hold pieces of other pages."""
        base = self.content_dir
        if base is None or not base.is_dir():
            return []
        pages = []
        for source in sorted(p for p in base.rglob("*") if p.is_file()):
            rel = source.relative_to(base)
            # The page of problem codes is made from the catalogue; a copy left in content/ is not used.
            if not (rel.parts[0].startswith("_") or rel.parts[0] in OTHER_LANGUAGES
                    or rel.as_posix() == PROBLEM_CODES_PATH):
                pages.append(SitePage(rel.as_posix(), language, CONTENT, source))
        return pages

    def cluster(self, cluster: ClusterRecord, language: str) -> list[SitePage]:
        """One cluster's own pages: its page, each plan, each plan on a page, each year-to-year change."""
        pages = [SitePage(f"{cluster.url}index.md", language, CLUSTER, cluster)]
        for plan in cluster.plans:
            pages += [SitePage(f"{plan.url}index.md", language, PLAN, plan),
                      SitePage(f"{plan.url}on-a-page/index.md", language, ON_A_PAGE, plan)]
        years = sorted({plan.year for plan in cluster.plans} | self._unchecked_years(cluster))
        pages += [SitePage(f"{cluster.url}changes/{before}-to-{after}/index.md", language, CHANGES,
                           (cluster, before, after))
                  for before, after in zip(years, years[1:])]
        return pages

    def downloads(self) -> list[SitePage]:
        """The files every language shares: the data (see data) and the compiled documents."""
        return self.data() + self.documents()

    def data(self) -> list[SitePage]:
        """Each plan's activities as CSV and JSON, the whole data set, the plan schema and the data package."""
        pages = [SitePage(f"{plan.url}{name}", None, kind, plan) for plan in self.repository.plans
                 for name, kind in (("activities.csv", PLAN_CSV), ("activities.json", PLAN_JSON))]
        pages += [SitePage(f"{u.board}/{u.cluster}/{u.year}/{name}", None, kind, u) for u in self.unchecked
                  for name, kind in (("activities.csv", PLAN_CSV), ("activities.json", PLAN_JSON))]
        return pages + [SitePage("downloads/activities.csv", None, NATIONAL_CSV),
                        SitePage("downloads/plans.json", None, NATIONAL_JSON),
                        SitePage(SCHEMA_PATH, None, SCHEMA),
                        SitePage("datapackage.json", None, DATA_PACKAGE)]

    def documents(self) -> list[SitePage]:
        """Each plan, and each board's plans of a year, compiled as PDF and Word with the headings in each
        language."""
        pages = [SitePage(Documents.plan(plan, language, fmt), None, PLAN_DOCUMENT,
                          CompiledDocument(plan, None, language, fmt))
                 for plan in self.repository.plans for language in LANGUAGES for fmt in DOCUMENT_FORMATS]
        return pages + [SitePage(Documents.board_year(board, year, language, fmt), None, BOARD_DOCUMENT,
                                 CompiledDocument(board, year, language, fmt))
                        for board in self.repository.boards for year in Documents.board_years(board)
                        for language in LANGUAGES for fmt in DOCUMENT_FORMATS]


    def everything(self) -> list[SitePage]:
        pages = []
        for language in LANGUAGES:
            pages += [page for group in self.overview_groups() for page in self.overview(group, language)]
            pages += [page for cluster in self.repository.clusters for page in self.cluster(cluster, language)]
            pages += [SitePage(f"{u.board}/{u.cluster}/{u.year}/{name}", language, kind, u) for u in self.unchecked
                      for name, kind in (("index.md", PLAN), ("on-a-page/index.md", ON_A_PAGE))]
            pages.append(SitePage("admin/index.html", language, EDITOR))
        return pages + self.downloads()

    @cached_property
    def by_address(self) -> dict[str, SitePage]:
        return {page.address: page for page in self.everything()}

    @cached_property
    def shared_files(self) -> frozenset[str]:
        """The addresses of the files every language shares, published once at the site's root."""
        return frozenset(page.address for page in self.downloads())

    def shared_file_link(self, href: str, page_url: str, language: str) -> str:
        """A link of a plan's prose as the plan's page in `language` must write it. The lead writes a link to
        a download relative to the plan's page (`activities.csv`, `../../../../downloads/plans.json`), as
        for any page; the download is published once, at the site's root, so on a page under cy/ the link
        climbs one folder more to reach it. It stays relative, so it holds under any sub-path."""
        if language == LANGUAGES[0]:
            return href
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
            return href
        target = posixpath.normpath(posixpath.join(page_url, unquote(parts.path)))
        if target not in self.shared_files:
            return href
        return relative_url(f"{language}/{page_url}", target) + (f"#{parts.fragment}" if parts.fragment else "")

    def _unchecked_years(self, cluster: ClusterRecord) -> set[str]:
        return {u.year for u in self.unchecked if (u.board, u.cluster) == (cluster.board.slug, cluster.cluster.slug)}

    # --- the anchors each page carries ----------------------------------------------------------

    def anchors(self, page: SitePage) -> frozenset[str] | None:
        """The ids a page carries where its data decides them; None when they are not known before the
        page is built (the build's link check follows those links)."""
        if page.address not in self._anchors:
            self._anchors[page.address] = self._anchors_of(page)
        return self._anchors[page.address]

    def _anchors_of(self, page: SitePage) -> frozenset[str] | None:
        if page.kind == PLAN and isinstance(page.subject, PlanRecord):
            return frozenset(self.plan_anchors(page.subject))
        if page.kind == SERVICES:
            return frozenset(Anchor.service(g.id) for g in self.facets.shared_services(self.repository.plans, 1))
        if page.kind == BOARD and isinstance(page.subject, BoardRecord):
            plans = self.facets.latest_plans(page.subject)
            return frozenset(Anchor.service(g.id) for g in self.facets.shared_services(plans))
        if page.kind == THEME:
            vocabulary, term = page.subject
            return frozenset(anchor for board, clusters in self.facets.activities_for(vocabulary, term)
                             for anchor in [board.board.slug] + [Anchor.cluster(board.board.slug, c.cluster.slug)
                                                                 for c, _ in clusters])
        if page.kind in (QUALITY, BOARD_QUALITY):
            boards = [page.subject] if page.kind == BOARD_QUALITY else self.repository.boards
            return frozenset(anchor for board in boards
                             for anchor in ([] if page.kind == BOARD_QUALITY else [board.board.slug]) +
                             [Anchor.plan(board.board.slug, cluster.cluster.slug, plan.year)
                              for cluster, plan, _ in self.facets.problems_by_cluster(board)])
        if page.kind == HOME:
            return frozenset(Anchor.board(board.board.slug) for board in self.repository.boards)
        if page.kind == PROBLEM_CODES:
            # Each code's part, the same in every language (the page's other headings are in its words).
            return frozenset.intersection(*(frozenset(page_anchors(problem_reference_markdown(language)))
                                            for language in LANGUAGES))
        return None

    def plan_anchors(self, plan: PlanRecord) -> set[str]:
        """The ids the plan's page carries: the parts it shows, each section, the prose's own (footnotes)
        as the renderer makes them, each activity's row and each note on the source's mistakes."""
        anchors = set(plan_parts(plan).values())
        anchors.add(Anchor.on_a_page(plan.cluster.slug, plan.year))
        anchors |= {Anchor.activity(activity.id) for activity in plan.plan.activities}
        # A note's marker where it is in the plan (a note on the plan as a whole has none), and its entry in
        # the full list at the end of the page.
        unplaced = plan.flags.unplaced(plan.prose.keys())
        anchors |= {anchor for flag in plan.flags.all if flag not in unplaced
                    for anchor in (Anchor.flag(flag.number), Anchor.note(flag.number))}
        anchors |= {Anchor.listed_note(flag.number) for flag in plan.flags.all}
        for name, versions in plan.prose.items():
            anchors.add(name)
            for prose in versions.values():
                anchors |= set(_ID.findall(render_markdown(prose.text, id_prefix=name).html))
        return anchors
