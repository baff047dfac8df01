"""Prose links: every link of a plan's section files checked against the pages the build will make.

The build follows every link of every page it writes, but names the built page; a lead needs the
section file and line, and a pull request that only validates must refuse what publishing would.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token

from . import catalogue as C
from .facets import Facets
from .languages import OTHER_LANGUAGES
from .model import PlanRecord, Repository
from .problems import Problem
from .prose import render_markdown
from .urls import page_dir, relative_url
from .vocabulary import VocabularySet, closest, slugify
from .years import is_year

SAFE_SCHEMES = ("http", "https", "mailto", "tel")
# The plan page's own blocks carry fixed ids (`{: #swot }`, `id="data-quality"`): read from its template
# so that a block added there is known here without a second list.
PLAN_TEMPLATE = "pages/plan.md.j2"
_FIXED_ID = re.compile(r'\{: #([a-z0-9-]+) \}|\sid="([a-z0-9-]+)"')
_ID = re.compile(r' id="([^"]+)"')
# Pages every build makes whatever the plans: the overviews and the online editor.
FIXED_PAGES = ("", "themes/", "services/", "downloads/", "data-quality/")
# Written once at the site's root, whatever the language (downloads.national_data_pages, cms.admin).
FIXED_ROOT_ONLY = ("admin/", "downloads/activities.csv", "downloads/plans.json", "schema/plan.schema.json")


def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    # markdown-it leaves javascript: and data: links as text; they are let through here to be reported.
    parser.validateLink = lambda url: True  # type: ignore[method-assign]
    return parser


_markdown = _parser()


def site_pages(root: Path, vocab: VocabularySet | None) -> SitePages:
    """The address of every page and download the build makes, relative to the site's root ("" is the home
    page, folders end in '/'), as the renderer names them (see render.Renderer and downloads)."""
    pages = set(FIXED_PAGES)
    root_only = set(FIXED_ROOT_ONLY)
    clusters = root / "clusters"
    for board in sorted(p.parent for p in clusters.glob("*/board.yaml")):
        pages |= {f"{board.name}/", f"{board.name}/data-quality/"}
        for cluster in sorted(p.parent for p in board.glob("*/cluster.yaml")):
            cluster_url = f"{board.name}/{cluster.name}/"
            pages.add(cluster_url)
            years = sorted(p.parent.name for p in cluster.glob("*/plan.yaml") if is_year(p.parent.name))
            for year in years:
                plan_url = f"{cluster_url}{year}/"
                pages |= {plan_url, f"{plan_url}on-a-page/"}
                root_only |= {f"{plan_url}activities.csv", f"{plan_url}activities.json"}
            pages |= {f"{cluster_url}changes/{before}-to-{after}/" for before, after in zip(years, years[1:])}
    pages |= {f"themes/{slugify(term)}/" for _, term in Facets(Repository(vocab=vocab)).themes()}
    content = root / "content"  # site.Project.content_dir
    if content.is_dir():
        for source in content.rglob("*"):
            rel = source.relative_to(content)
            if source.is_file() and not rel.parts[0].startswith("_") and rel.parts[0] not in OTHER_LANGUAGES:
                pages.add(page_dir(rel.as_posix()) if source.suffix == ".md" else rel.as_posix())
    return SitePages(frozenset(pages), frozenset(root_only))


def plan_anchors(root: Path, plan: PlanRecord) -> set[str]:
    """The ids the plan's page carries: its template's blocks, each section, the prose's own (footnotes)
    as the renderer makes them, each activity's row and each source flag."""
    template = root / "templates" / PLAN_TEMPLATE  # where site.Project finds the templates
    text = template.read_text(encoding="utf-8") if template.is_file() else ""
    anchors: set[str] = set()
    for guard, block in _blocks(text):
        if guard is None or getattr(plan.plan, guard, None):
            anchors |= {a or b for a, b in _FIXED_ID.findall(block)}
    if not plan.flags:
        anchors.discard("data-quality")  # the note on the source's mistakes is shown only when there are some
    anchors.add(f"pop-{plan.cluster.slug}-{plan.year}")
    anchors |= {f"activity-{activity.id}" for activity in plan.plan.activities}
    anchors |= {f"flag-{flag.number}" for flag in plan.flags.all}
    for name, versions in plan.prose.items():
        anchors.add(name)
        for prose in versions.values():
            anchors |= set(_ID.findall(render_markdown(prose.text, id_prefix=name).html))
    return anchors


# A block of the plan page: `{% macro block_swot() %}` whose first line may be `{% if plan.plan.swot %}`.
_MACRO = re.compile(r"\{% macro \w+\([^)]*\) %\}\n(?:\{% if plan\.plan\.(\w+) %\}\n)?(.*?)\{% endmacro %\}", re.S)


def _blocks(template: str) -> list[tuple[str | None, str]]:
    """The plan template's parts, each with the field of the plan it is shown only with (None: always)."""
    return [(None, _MACRO.sub("", template))] + [(m[1], m[2]) for m in _MACRO.finditer(template)]


# With raw HTML off, only these make a link or an image: `](` (inline), `]:` (a reference's definition,
# without which `[text][ref]` is text) and `<` (an autolink such as <https://...>).
_MAY_LINK = re.compile(r"\]\(|\]:|<")


def links_of(text: str) -> Iterator[tuple[str, int, str]]:
    """Each link and image of a Markdown text: (address, 1-based line, the line's text)."""
    if not _MAY_LINK.search(text):
        return  # most sections link nowhere, and need not be parsed to find that out
    lines = text.split("\n")
    for token in _markdown.parse(text):
        if token.type != "inline" or not token.map:
            continue
        line = token.map[0]
        for child in token.children or []:
            if child.type in ("softbreak", "hardbreak"):
                line += 1
            address = _address(child)
            if address is not None:
                yield address, line + 1, lines[line] if line < len(lines) else ""


def _address(token: Token) -> str | None:
    if token.type == "link_open":
        return str(token.attrGet("href") or "")
    if token.type == "image":
        return str(token.attrGet("src") or "")
    return None


def _resolve(from_url: str, path: str) -> str | None:
    """The site address a link reaches from a page; None when it climbs out of the site."""
    parts = [] if path.startswith("/") else from_url.strip("/").split("/")
    for part in path.split("/"):
        if part == "..":
            if not parts:
                return None
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    address = "/".join(parts)
    if address.endswith("index.html"):
        address = address[: -len("index.html")]
    elif address and (path.endswith("/") or not posixpath.splitext(address)[1]):
        address += "/"
    return address


@dataclass(frozen=True)
class SitePages:
    """What the build makes: pages of every language's tree (English at the root, Welsh under cy/), and the
    downloads and the online editor, which only the root has."""
    pages: frozenset[str]
    root_only: frozenset[str]

    def reaches(self, address: str | None) -> bool:
        if address is None:
            return False
        language, _, rest = address.partition("/")
        if language in OTHER_LANGUAGES:
            return rest in self.pages
        return address in self.pages or address in self.root_only

    def everything(self) -> list[str]:
        return sorted(self.pages | self.root_only)


def check_links(root: Path, repository: Repository) -> list[Problem]:
    """Every unsafe, broken or dangling link of the plans' prose, at its section file and line."""
    pages = site_pages(root, repository.vocab)
    problems: list[Problem] = []
    by_url = {plan.url: plan for plan in repository.plans}
    known: dict[str, set[str]] = {}

    def anchors_of(url: str) -> set[str] | None:
        """The ids of the plan page at `url`, read only when a link needs them; None for other pages."""
        if url not in by_url:
            return None
        if url not in known:
            known[url] = plan_anchors(root, by_url[url])
        return known[url]

    for plan in repository.plans:
        for versions in plan.prose.values():
            for prose in versions.values():
                for address, line, text in links_of(prose.text):
                    problem = _check(address, plan, pages, anchors_of, prose.file, line, text)
                    if problem is not None:
                        problems.append(problem)
    return problems


def _check(address: str, plan: PlanRecord, pages: SitePages, anchors_of: Callable[[str], set[str] | None], file: str, line: int,
           text: str) -> Problem | None:
    problem = _problem(address, plan, pages, anchors_of, file, line, text)
    if problem is None:
        return None
    # The column of the address on its line, when it is written there (a reference link's is not).
    return replace(problem, column=text.find(address) + 1 if address and address in text else 1)


def _problem(address: str, plan: PlanRecord, pages: SitePages, anchors_of: Callable[[str], set[str] | None], file: str,
             line: int, text: str) -> Problem | None:
    stripped = "".join(address.split()).lower()
    parts = urlsplit(address.strip())
    scheme = parts.scheme.lower()
    if scheme or stripped.startswith(("javascript:", "data:", "vbscript:")):
        if scheme in SAFE_SCHEMES:
            return None
        return Problem.of(C.ProseUnsafeLink, file, line, 1, excerpt=text, target=address,
                          scheme=scheme or stripped.split(":", 1)[0])
    if parts.netloc:
        return None  # another site, written without its scheme
    path = unquote(parts.path)
    anchor = unquote(parts.fragment)
    if not path:
        return _missing_anchor(address, anchor, anchors_of(plan.url), file, line, text)
    # The prose is shown on the plan's page in every language: a relative link must hold from each.
    reached = [_resolve(page, path) for page in [plan.url] + [f"{lang}/{plan.url}" for lang in OTHER_LANGUAGES]]
    if all(pages.reaches(a) for a in reached):
        if path.startswith("/") and reached[0] is not None and reached[0] not in pages.root_only:
            # The publishing workflow serves the site under a sub-path, where '/' is another site's root.
            page = reached[0].removeprefix("cy/")
            return Problem.of(C.ProseRootLink, file, line, 1, excerpt=text, target=address,
                              relative=_link_to(plan.url, page) + (f"#{parts.fragment}" if parts.fragment else ""))
        target = reached[0].removeprefix("cy/") if reached[0] is not None else ""
        return _missing_anchor(address, anchor, anchors_of(target), file, line, text)
    wanted = next((a for a in reached if a is not None), None)
    close = closest(wanted.removeprefix("cy/"), pages.everything()) if wanted else None
    written_from_root = path.startswith("/") or close in pages.root_only
    return Problem.of(C.ProseMissingPage, file, line, 1, excerpt=text, target=address,
                      close="" if close is None else "/" + close if written_from_root else _link_to(plan.url, close))


def _missing_anchor(address: str, anchor: str, anchors: set[str] | None, file: str, line: int,
                    text: str) -> Problem | None:
    """An anchor missing from a plan's page; other pages' anchors are left to the build's link check."""
    if not anchor or anchors is None or anchor in anchors:
        return None
    return Problem.of(C.ProseMissingAnchor, file, line, 1, excerpt=text, target=address,
                      choices=", ".join(f"#{a}" for a in sorted(anchors)))


def _link_to(plan_url: str, page: str) -> str:
    """How the plan's prose links to a page of the site, relative as the lead wrote it (the home page is the
    site's root folder); a link written from the site's root is suggested from the root."""
    return relative_url(plan_url, page) + ("/" if page == "" else "")
