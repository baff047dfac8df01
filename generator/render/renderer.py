"""Render: turn the model into a page tree (Markdown pages and data files) using the Jinja2 templates."""

from __future__ import annotations

import html
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from markupsafe import Markup

from generator.render import fragments
from generator.core import i18n, licence
from generator.render import templating
from generator.model.diff import PlanDiff, consecutive
from generator.model.facets import Facets
from generator.problems.guide import problem_reference_markdown
from generator.model.records import BoardRecord, ClusterRecord, PlanRecord, Repository
from generator.sitemap import pages as P
from generator.sitemap.records import Page
from generator.sitemap.pages import Anchor, Documents, SitePage, SitePages
from generator.sitemap.plan_page import READING_ORDER, plan_parts
from generator.core.money import AMOUNT, TBC, UNSTATED, Money, as_typed, shown
from generator.core.prose import RenderedProse, render_inline, render_markdown, shift_headings, title_at, title_of
from generator.schema.plan import SOURCE_ERROR_KINDS
from generator.sitemap.urls import page_dir, relative_url
from generator.schema.vocabulary import slugify


# A link's address in the prose's safe HTML (the sanitiser writes every attribute in double quotes).
_HREF = re.compile(r' href="([^"]*)"')


@dataclass
class SiteContext:
    repository: Repository
    content_dir: Path
    templates_dir: Path
    translations: i18n.Translations
    # Comparisons of consecutive plan years, shared by the renderers of every language.
    changes: dict = field(default_factory=dict)
    # When each plan (by its folder) was first published and last changed, where git's history says.
    plan_dates: dict = field(default_factory=dict)
    # Where a plan is edited, from the site's root ("admin/"), when the site has an editor that can save;
    # None: the plan pages have no "Edit this plan" link.
    plan_editor: str | None = None
    _prose: dict = field(default_factory=dict)
    _site_pages: SitePages | None = None

    @property
    def site_pages(self) -> SitePages:
        """The pages the build makes, which the renderers of every language write."""
        if self._site_pages is None:
            self._site_pages = SitePages(self.repository, self.content_dir)
        return self._site_pages

    def prose_html(self, text: str, section: str, plan_url: str = "", language: str = "en"):
        """A prose section made safe once, whichever languages show it; made again for a page in another
        language only when it links to a download (see SitePages.shared_file_link)."""
        key = (text, section)
        if key not in self._prose:
            self._prose[key] = render_markdown(text, id_prefix=section)
        rendered: RenderedProse = self._prose[key]
        if language == "en":
            return rendered

        def link(href: str) -> str:
            return self.site_pages.shared_file_link(href, plan_url, language)

        if all(link(href) == href for href in _HREF.findall(rendered.html)):
            return rendered
        for_language = (text, section, plan_url, language)
        if for_language not in self._prose:
            self._prose[for_language] = render_markdown(text, id_prefix=section, link=link)
        return self._prose[for_language]


class Renderer:
    """Renders every page of the site in one language."""

    def __init__(self, ctx: SiteContext, language: str = "en"):
        self.ctx = ctx
        self.repo = ctx.repository
        self.language = language
        self.prefix = "" if language == "en" else f"{language}/"
        self.facets = Facets(self.repo)
        self.env = templating.environment(ctx.templates_dir, ctx.translations, language)
        self.env.globals.update(t=self.t, lang=language, money=self.money, pounds=self.pounds,
                                pounds_spoken=self.pounds_spoken,
                                number=self.number, percent=self.percent, inline=self.inline,
                                term=self.term, name_of=self.name_of, board_name=self.board_name,
                                svg_bars=self.svg_bars, slugify=slugify,
                                status_rows=self.status_rows, local=self.local, area_name=self.area_name,
                                has_local=self.has_local, anchor=Anchor, documents=Documents)
        self.env.filters["md"] = markdown_text
        self.env.tests["has_year"] = lambda by_year, year: year in by_year
        self._current = ""
        self._money_cache: dict = {}
        self._inline_cache: dict = {}
        self.env.globals["changes_of"] = self.cluster_changes
        self.env.globals["activity_table"] = lambda plan: fragments.activity_table(self, plan)
        self.env.globals["word_diff"] = lambda hunk: fragments.word_diff(self, hunk)
        self.env.globals["theme_rows"] = lambda rows: fragments.theme_rows(self, rows)
        self.env.globals["activity_changes"] = lambda changes, before, after: fragments.activity_changes(
            self, changes, before, after)
        self.env.globals["plan_on_a_page"] = self.plan_on_a_page
        self.env.globals["data_table"] = lambda table, plan=None: self.partial("partials/data_table.html.j2",
                                                                               table=table, plan=plan)
        self.env.globals["finance_table"] = lambda finance, plan=None: self.partial("partials/finance_table.html.j2",
                                                                                   f=finance, plan=plan)
        self.env.globals["flag_notes"] = self.flag_notes
        self.env.globals["flag_markers"] = self.flag_markers
        self.env.globals.update(budget=self.budget, budget_markers=self.budget_markers, figure_markers=self.figure_markers,
                                line_markers=self.line_markers, dates_of=self.dates_of,
                                licence_address=licence.address)
        self.env.globals["by_name"] = self.by_name
        self.env.globals["repo"] = self.repo
        # Pieces of HTML that recur on many pages of this language (see fragments.py).
        self.fragment_cache: dict = {}

    # --- helpers available to templates ------------------------------------

    def t(self, key: str, **values) -> str:
        if any(isinstance(value, Markup) for value in values.values()):
            # A piece of HTML among the values (a committed budget, say) goes in as it is, escaped once.
            return Markup.escape(self.ctx.translations.text(key, self.language)).format(**values)
        return self.ctx.translations.text(key, self.language, **values)

    def number(self, value, places: int = 0) -> str:
        return i18n.number(value, self.language, places)

    def pounds(self, value: Decimal | None) -> str:
        return i18n.pounds(value, self.language)

    def pounds_spoken(self, value: Decimal | None) -> str:
        return i18n.pounds_spoken(value, self.language, self.ctx.translations)

    def percent(self, value: float) -> str:
        return i18n.percent(value, self.language)

    def money(self, m: Money | None) -> Markup:
        """An amount as readers see it: the figure, TBC, or the source's own words with a flag."""
        cached = self._money_cache.get(m)
        if cached is None:
            cached = self._money_cache[m] = self._money(m)
        return cached

    def _money(self, m: Money | None) -> Markup:
        s = shown(m)
        if s.form == AMOUNT:
            return Markup("{}").format(s.words or as_typed(s.amount))
        if s.form == TBC:
            if not s.words:
                return Markup('<span class="cp-tbc">{}</span>').format(self.t("money.tbc"))
            # On a page in another language, the source's words are English; their meaning follows.
            meaning = self.t("money.tbc")
            if self.language == "en" or meaning == s.words:
                return Markup('<span class="cp-tbc">{}</span>').format(s.words)
            return Markup('<span class="cp-tbc"><span lang="en">{}</span> ({})</span>').format(s.words, meaning)
        if s.form == UNSTATED:
            return Markup('<span class="cp-unstated">{}</span>').format(s.words or self.t("money.not_stated"))
        return Markup('<span class="cp-as-written">{} <span class="cp-flag">({})</span></span>').format(
            s.words, self.t("money.as_printed"))

    def flag_notes(self, flags, first: bool = True) -> Markup:
        """The flags on one place of a plan (see flags.py), or nothing; `first` where the page shows them first."""
        if not flags:
            return Markup("")
        html = self.env.get_template("partials/flags.html.j2").render(flags=flags, first=first)
        return Markup(html.strip())

    def flag_markers(self, flags, plan: PlanRecord) -> Markup:
        """Markers linking a figure shown away from its plan's page to its notes there, or nothing."""
        if not flags:
            return Markup("")
        html = self.env.get_template("partials/flag_markers.html.j2").render(flags=flags, plan=plan)
        return Markup(html.strip())

    def budget(self, plan: PlanRecord, activity) -> Markup:
        """An activity's budget shown away from its plan's page (the plan on a page, a theme, a board's
        services, what changed), with a marker to each note the plan's page has on that figure: a figure
        shown twice agrees with the plan's finance table or carries the same flag."""
        return self.money(activity.budget) + self.budget_markers(plan, activity.id)

    def budget_markers(self, plan: PlanRecord, activity_id: str) -> Markup:
        """The markers of an activity's budget alone (see budget), or nothing."""
        if not plan.flags:
            return Markup("")
        index = next((i for i, a in enumerate(plan.plan.activities) if a.id == activity_id), None)
        if index is None:
            return Markup("")
        return self.flag_markers(plan.flags.under(f"activities[{index}].budget"), plan)

    def figure_markers(self, plan: PlanRecord, field: str) -> Markup:
        """The markers of one of a plan's figures shown away from its page (finance.total), or nothing."""
        return self.flag_markers(plan.flags.under(field), plan) if plan.flags else Markup("")

    def line_markers(self, plan: PlanRecord, item: str) -> Markup:
        """The markers of the amount of a plan's finance line, found by its item's words, or nothing."""
        finance = plan.plan.finance
        if not plan.flags or finance is None:
            return Markup("")
        index = next((i for i, line in enumerate(finance.lines) if line.item == item), None)
        return Markup("") if index is None else self.figure_markers(plan, f"finance.lines[{index}].amount")

    def dates_of(self, plan: PlanRecord) -> tuple[str, str] | None:
        """When a plan was first published and last changed, in the reader's words, or None without its
        history."""
        dates = self.ctx.plan_dates.get(plan.folder)
        if dates is None:
            return None
        return i18n.day(dates.published, self.language), i18n.day(dates.updated, self.language)

    def inline(self, text: str | None) -> Markup:
        cached = self._inline_cache.get(text)
        if cached is None:
            cached = self._inline_cache[text] = Markup(render_inline(text or ""))
        return cached

    def term(self, vocabulary: str, term: str | None) -> str:
        """A vocabulary term in the reader's language."""
        return self.repo.vocab.label(vocabulary, term, self.language) if self.repo.vocab else (term or "")

    def name_of(self, record) -> str:
        thing = getattr(record, "cluster", None) or getattr(record, "board", None) or record
        return i18n.name_in(thing, self.language)

    def by_name(self, items) -> list:
        """Clusters or boards (or pairs led by one) in alphabetical order of their names in the reader's
        language, by its own alphabet (on Welsh pages ch, dd, ll ... are letters)."""
        def name(item) -> str:
            record = item[0] if isinstance(item, tuple) else item
            board = getattr(record, "board", None)
            if getattr(record, "cluster", None) is None and board is not None:
                return self.board_name(board)
            return self.name_of(record)
        return sorted(items, key=lambda item: i18n.collation_key(name(item), self.language))

    def area_name(self, board, area: str | None) -> str:
        """A board's area (e.g. East) in the reader's language."""
        if not area:
            return ""
        if self.language == "cy" and area in board.areas and len(board.areas_cy) == len(board.areas):
            return board.areas_cy[board.areas.index(area)]
        return area

    def board_name(self, board, short: bool = True) -> str:
        return i18n.board_name(board, self.language, short)

    def url(self, target: str) -> str:
        """A link from the page being rendered to `target` (a site path like 'b/c/2022-23/')."""
        return relative_url(self._current, self.prefix + target)

    def data_url(self, target: str) -> str:
        """A link to a download; data files are published once, in the English tree, for both languages."""
        return relative_url(self._current, target)

    def local(self, thing, field: str) -> str:
        """A short field in the reader's language: its Welsh version (field_cy) when the plan has one."""
        if self.language != "en":
            translated = getattr(thing, f"{field}_{self.language}", None)
            if translated:
                return translated
        return getattr(thing, field)

    def has_local(self, thing, field: str) -> bool:
        return self.language == "en" or bool(getattr(thing, f"{field}_{self.language}", None))

    def status_rows(self, mix: list[tuple[str, int]]) -> list[tuple[str, int]]:
        return [(self.t("status.not_stated") if s == "not stated" else self.term("status", s), n) for s, n in mix]

    def svg_bars(self, rows: list[tuple[str, int]], label: str) -> Markup:
        template = self.env.get_template("partials/bars.svg.j2")
        total = max((n for _, n in rows), default=0) or 1
        return Markup(template.render(rows=rows, total=total, label=label))

    # --- pages --------------------------------------------------------------

    def render(self, template: str, path: str, sources: tuple[str, ...] = (), **context) -> Page:
        self._current = self.prefix + page_dir(path)
        self.env.globals["url"] = self.url
        self.env.globals["data_url"] = self.data_url
        text = self.env.get_template(template).render(page_path=path, **context)
        return Page(self.prefix + path, text, sources, context.get("title", ""))

    def pages(self) -> list[Page]:
        pages = self.overview_pages()
        for cluster in self.repo.clusters:
            pages += self.cluster_pages(cluster)
        return pages

    def overview_groups(self) -> list[str]:
        return self.ctx.site_pages.overview_groups()

    def overview_pages(self, group: str | None = None) -> list[Page]:
        """Pages that look across clusters (all, or one of overview_groups()): national, board, theme,
        service, download and quality pages."""
        groups = self.overview_groups() if group is None else [group]
        return [self.page(page) for g in groups for page in self.ctx.site_pages.overview(g, self.language)]

    def cluster_pages(self, cluster: ClusterRecord) -> list[Page]:
        """One cluster's own pages: its page, each plan, each plan on a page, each year-to-year change."""
        return [self.page(page) for page in self.ctx.site_pages.cluster(cluster, self.language)]

    def page(self, page: SitePage) -> Page:
        """One page of the list the build makes, by the template of its kind."""
        return getattr(self, _MADE_BY[page.kind])(page)

    def content_page(self, page: SitePage) -> Page:
        """A hand-written page of content/; a Welsh page comes from content/cy/ and falls back to the
        English one with a notice."""
        base = self.ctx.content_dir
        source: Path = page.subject
        rel = source.relative_to(base)
        data = source.read_bytes()
        title = _title(data) if source.suffix == ".md" else ""
        read = f"{base.name}/{rel.as_posix()}"
        if self.language != "en":
            translated = base / self.language / rel
            if translated.exists():
                data = translated.read_bytes()
                title = _title(data) if source.suffix == ".md" else ""
                read = f"{base.name}/{self.language}/{rel.as_posix()}"
            elif source.suffix == ".md":
                notice = self.env.get_template("partials/content_notice.md.j2").render()
                data = _untranslated(data.decode("utf-8"), notice).encode("utf-8")
        return Page(self.prefix + page.path, data, (read,), title)

    def problem_codes(self, page: SitePage) -> Page:
        """The leads' guide to every problem code, in the reader's language, made from the catalogue."""
        data = problem_reference_markdown(self.language).encode("utf-8")
        return Page(self.prefix + page.path, data, (), _title(data))

    def home(self, page: SitePage) -> Page:
        intro = self.content_prose("index")
        return self.render("pages/home.md.j2", page.path, title=self.t("site.name"),
                           repo=self.repo, facets=self.facets, intro=intro)

    def board(self, page: SitePage) -> Page:
        board: BoardRecord = page.subject
        texts = {year: self.board_texts(board, year) for year in board.text_years}
        sources = tuple(p.folder for p in board.plans) + tuple(sorted(
            {text["file"].rsplit("/", 1)[0] for year in texts.values() for text in year}))
        return self.render("pages/board.md.j2", page.path, sources,
                           title=self.board_name(board.board, short=False), board=board, facets=self.facets,
                           texts=texts)

    def board_texts(self, board: BoardRecord, year: str) -> list[dict]:
        """The board's introduction and overview for a year, as its page shows them under the year's heading:
        each text's own title one level below it, and its headings one further."""
        out = []
        for name, default_heading, prose in board.texts_of(year, self.language):
            rendered = self.ctx.prose_html(prose.text, f"{year}-{name}", board.url, self.language)
            out.append({"name": name, "heading": rendered.title or default_heading, "file": prose.file,
                        "html": Markup(shift_headings(rendered.html)), "language": prose.language,
                        "translated": prose.language == self.language})
        return out

    def cluster(self, page: SitePage) -> Page:
        cluster: ClusterRecord = page.subject
        return self.render("pages/cluster.md.j2", page.path,
                           tuple(p.folder for p in cluster.plans),
                           title=self.name_of(cluster), cluster=cluster, facets=self.facets,
                           plan_prose=self.plan_prose)

    def plan(self, page: SitePage) -> Page:
        plan: PlanRecord = page.subject
        cluster = self.cluster_of(plan)
        index = cluster.plans.index(plan)
        previous = cluster.plans[index - 1] if index > 0 else None
        following = cluster.plans[index + 1] if index + 1 < len(cluster.plans) else None
        return self.render("pages/plan.md.j2", page.path, (plan.folder,),
                           title=f"{self.name_of(cluster)} {plan.year}", plan=plan, cluster=cluster,
                           sections_by_name={s["name"]: s for s in self.plan_prose(plan)},
                           reading_order=READING_ORDER, parts=plan_parts(plan), tables=self.tables_by_section(plan),
                           previous=previous, following=following, facets=self.facets,
                           editor=self.ctx.plan_editor)

    def on_a_page(self, page: SitePage) -> Page:
        plan: PlanRecord = page.subject
        cluster = self.cluster_of(plan)
        return self.render("pages/on_a_page.md.j2", page.path, (plan.folder,),
                           title=f"{self.t('pop.title')}: {self.name_of(cluster)} {plan.year}", plan=plan,
                           cluster=cluster)

    def changes(self, page: SitePage) -> Page:
        """What changed between two consecutive plan years of a cluster."""
        cluster, before_year, after_year = page.subject
        change = next(c for c in self.cluster_changes(cluster)
                      if c.before is not None and c.after is not None
                      and (c.before.year, c.after.year) == (before_year, after_year))
        before, after = change.before, change.after
        if before is None or after is None:
            raise ValueError("a page of changes compares two plans of the cluster")
        return self.render("pages/changes.md.j2", page.path,
                           (before.folder, after.folder),
                           title=self.t("changes.title", cluster=self.name_of(cluster), before=before.year,
                                        after=after.year),
                           change=change, cluster=cluster, before=before, after=after)

    def cluster_of(self, plan: PlanRecord) -> ClusterRecord:
        return next(c for c in self.repo.clusters if any(p is plan for p in c.plans))

    def cluster_changes(self, cluster: ClusterRecord) -> list[PlanDiff]:
        """Each consecutive pair of a cluster's plan years compared, once for every language."""
        key = (cluster.board.slug, cluster.cluster.slug)
        if key not in self.ctx.changes:
            self.ctx.changes[key] = consecutive(cluster.plans)
        return self.ctx.changes[key]

    def theme(self, page: SitePage) -> Page:
        vocabulary, term = page.subject
        groups = self.facets.activities_for(vocabulary, term)
        return self.render("pages/theme.md.j2", page.path,
                           title=self.term(vocabulary, term), vocabulary=vocabulary, term_name=term,
                           groups=groups)

    def boards_index(self, page: SitePage) -> Page:
        return self.render("pages/boards.md.j2", page.path, title=self.t("home.boards_heading"))

    def themes_index(self, page: SitePage) -> Page:
        return self.render("pages/themes.md.j2", page.path, title=self.t("themes.title"),
                           facets=self.facets)

    def services(self, page: SitePage) -> Page:
        return self.render("pages/services.md.j2", page.path, title=self.t("services.title"),
                           services=self.facets.shared_services(self.repo.plans, minimum=1))

    def downloads_page(self, page: SitePage) -> Page:
        return self.render("pages/downloads.md.j2", page.path, title=self.t("downloads.title"),
                           repo=self.repo)

    def data_quality(self, page: SitePage) -> Page:
        board: BoardRecord | None = page.subject
        boards = [board] if board else self.repo.boards
        return self.render("pages/data_quality.md.j2", page.path, title=self.t("quality.title"),
                           board=board, boards=boards, kinds=list(SOURCE_ERROR_KINDS), facets=self.facets)

    # --- pieces -------------------------------------------------------------

    def plan_on_a_page(self, plan: PlanRecord, compact: bool = False) -> Markup:
        """The plan on a page, made once: the plan page, its printable page and the cluster page show it.
        `compact` (on the plan's own page) gives its priority areas without their goals, which the plan's
        action plan sets out below, so that the plan itself starts within two phone screens."""
        # Its notes' markers link to the plan's page, relative to the page showing it: a plan with notes
        # is made once for each page.
        key = ("plan-on-a-page", plan.url, compact, self._current if plan.flags else "")
        if key not in self.fragment_cache:
            html = self.env.get_template("partials/plan_on_a_page.html.j2").render(plan=plan, compact=compact)
            self.fragment_cache[key] = Markup(html.removesuffix("\n"))
        return self.fragment_cache[key]

    def partial(self, template: str, **context: object) -> Markup:
        """A piece of a page made by a template of templates/partials/ (a plan's finance or source tables)."""
        return Markup(self.env.get_template(template).render(**context))

    def plan_prose(self, plan: PlanRecord) -> list[dict]:
        out = []
        for name, default_heading, prose in plan.sections(self.language):
            rendered = self.ctx.prose_html(prose.text, name, plan.url, self.language)
            out.append({"name": name, "heading": rendered.title or default_heading,
                        "html": Markup(rendered.html), "language": prose.language,
                        "translated": prose.language == self.language})
        return out

    def tables_by_section(self, plan: PlanRecord) -> dict[str, list]:
        grouped: dict[str, list] = defaultdict(list)
        for table in plan.plan.tables:
            grouped[table.section or "appendix"].append(table)
        return grouped

    def content_prose(self, name: str) -> Markup | None:
        candidates = ([f"{name}.{self.language}.md"] if self.language != "en" else []) + [f"{name}.md"]
        for candidate in candidates:
            path = self.ctx.content_dir / "_fragments" / candidate
            if path.exists():
                return Markup(render_markdown(path.read_text(encoding="utf-8")).html)
        return None


# The Renderer method that makes each kind of page.
_MADE_BY = {P.HOME: "home", P.BOARDS: "boards_index", P.THEMES: "themes_index", P.DOWNLOADS: "downloads_page", P.QUALITY: "data_quality",
            P.CONTENT: "content_page", P.SERVICES: "services", P.BOARD: "board", P.BOARD_QUALITY: "data_quality",
            P.THEME: "theme", P.PROBLEM_CODES: "problem_codes", P.CLUSTER: "cluster", P.PLAN: "plan", P.ON_A_PAGE: "on_a_page", P.CHANGES: "changes"}


def _title(data: bytes) -> str:
    return title_of(data.decode("utf-8", "replace")) or ""


def _untranslated(text: str, notice: str) -> str:
    """An English page shown on another language's site: the notice (in that language) after the title, and
    the English marked as such (lang="en"), so that screen readers read it with English voices."""
    lines = text.split("\n")
    at = title_at(lines)
    head, body = (lines[: at + 1], lines[at + 1:]) if at is not None else ([], lines)
    if head and head[-1].startswith("# ") and "{:" not in head[-1]:
        head[-1] += ' { lang="en" }'
    return "\n".join(head + ["", notice, "", '<div lang="en" markdown="1">', "", *body, "", "</div>", ""])


def markdown_text(text: str) -> Markup:
    """Escape text for use in a Markdown heading or link label."""
    # Quotes stay as they are: an entity such as &#39; would have its # escaped below and show as text.
    escaped = html.escape(text, quote=False)
    for ch in "\\`*_{}[]<>#+-!|":
        escaped = escaped.replace(ch, "\\" + ch)
    return Markup(escaped)
