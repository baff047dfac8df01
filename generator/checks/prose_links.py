"""Prose links: every link of a plan's section files checked against the pages the build will make.

The build follows every link of every page it writes, but names the built page; a lead needs the
section file and line, and a pull request that only validates must refuse what publishing would.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token

from generator.defaults import project_part
from generator.problems import catalogue as C
from generator.sitemap import pages as P
from generator.core.languages import LANGUAGES, OTHER_LANGUAGES
from generator.model.records import PlanRecord, Repository
from generator.sitemap.anchors import page_anchors
from generator.sitemap.pages import SitePage, SitePages, Unchecked
from generator.problems.report import Problem
from generator.sitemap.urls import relative_url
from generator.core.prose import prose_parser
from generator.core.suggest import closest, is_slip, nearest


SAFE_SCHEMES = ("http", "https", "mailto", "tel")


def _parser() -> MarkdownIt:
    parser = prose_parser()
    # markdown-it leaves javascript: and data: links as text; they are let through here to be reported.
    parser.validateLink = lambda url: True  # type: ignore[method-assign]
    return parser


_markdown = _parser()


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


class Reachable:
    """What a link may point to: the pages the build makes (the English ones at the site's root, the others
    under their language's folder, cy/...) and the downloads, which only the root has; and their anchors."""

    def __init__(self, pages: SitePages):
        self.pages = pages
        self.by_address = pages.by_address
        self.root_only = frozenset(a for a, page in self.by_address.items() if page.language is None)

    def reaches(self, address: str | None) -> bool:
        return address is not None and address in self.by_address

    def everything(self) -> list[str]:
        """Every address of the site's root (the other languages' are the same under cy/...)."""
        return sorted(a for a, page in self.by_address.items() if page.language in (None, LANGUAGES[0]))

    def has_anchor(self, address: str, anchor: str) -> tuple[bool, set[str], bool]:
        """Whether the page at `address` carries the anchor in every language (the prose is shown in each);
        the anchors it keeps in every language; and whether it is a page whose other parts are named in
        each language's words (a heading's anchor is made from them), so a part may be there in one language
        and not in another. A plan's page names all its parts the same in every language."""
        page = self.by_address.get(address)
        if page is None:
            return True, set(), False
        known = self.pages.anchors(page)
        if known is not None and anchor in known:
            return True, set(known), False
        if page.kind == P.PLAN:
            return known is None, set(known or ()), False
        shared = set(known or ())
        if page.kind == P.CONTENT:
            shared |= self.content_anchors(page)
        return anchor in shared, shared, True

    def content_anchors(self, page: SitePage) -> set[str]:
        """The ids a hand-written page carries in every language: each language's own text, where it has
        one, else the English text it falls back to."""
        source: Path = page.subject
        if source.suffix != ".md":
            return set()
        base = self.pages.content_dir
        ids = page_anchors(source.read_text(encoding="utf-8", errors="replace"))
        for language in OTHER_LANGUAGES:
            translated = None if base is None else base / language / source.relative_to(base)
            if translated is not None and translated.is_file():
                ids &= page_anchors(translated.read_text(encoding="utf-8", errors="replace"))
        return ids


def check_links(root: Path, repository: Repository, unchecked: tuple[Unchecked, ...] = ()) -> list[Problem]:
    """Every unsafe, broken or dangling link of the plans' prose, at its section file and line. The plans
    not checked in this run (`unchecked`) count as pages: they are there once they build. The pages are
    those the build makes: from the repository's own content and templates, else the package's."""
    pages = SitePages(repository, project_part(root, "content"), unchecked)
    reachable = Reachable(pages)
    problems: list[Problem] = []
    for plan in repository.plans:
        for versions in plan.prose.values():
            for prose in versions.values():
                for address, line, text in links_of(prose.text):
                    problem = _check(address, plan, reachable, prose.file, line, text)
                    if problem is not None:
                        problems.append(problem)
    return problems


def _check(address: str, plan: PlanRecord, pages: Reachable, file: str, line: int, text: str) -> Problem | None:
    problem = _problem(address, plan, pages, file, line, text)
    if problem is None:
        return None
    # The column of the address on its line, when it is written there (a reference link's is not).
    return replace(problem, column=text.find(address) + 1 if address and address in text else 1)


def _problem(address: str, plan: PlanRecord, pages: Reachable, file: str, line: int, text: str) -> Problem | None:
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
        return _missing_anchor(address, anchor, pages, plan.url, file, line, text)
    # The prose is shown on the plan's page in every language: a relative link must hold from each.
    reached = [_resolve(page, path) for page in [plan.url] + [f"{lang}/{plan.url}" for lang in OTHER_LANGUAGES]]
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    if reached[0] in pages.root_only:
        # A download is published once, at the site's root, for every language: written relative to the
        # plan's page, it reaches it from the English page, and the build makes each other language's page
        # climb one folder more to it (pages.SitePages.shared_file_link).
        if path.startswith("/"):
            return Problem.of(C.ProseRootLink, file, line, 1, excerpt=text, target=address,
                              relative=_link_to(plan.url, reached[0]) + fragment)
        return None
    if all(pages.reaches(a) for a in reached):
        if path.startswith("/") and reached[0] is not None:
            # The publishing workflow serves the site under a sub-path, where '/' is another site's root.
            page = reached[0].removeprefix("cy/")
            return Problem.of(C.ProseRootLink, file, line, 1, excerpt=text, target=address,
                              relative=_link_to(plan.url, page) + fragment)
        target = reached[0].removeprefix("cy/") if reached[0] is not None else ""
        return _missing_anchor(address, anchor, pages, target, file, line, text)
    wanted = next((a for a in reached if a is not None), None)
    close = closest(wanted.removeprefix("cy/"), pages.everything()) if wanted else None
    # Suggested relative to the plan's page, as every link of the prose is written (see ProseRootLink).
    return Problem.of(C.ProseMissingPage, file, line, 1, excerpt=text, target=address,
                      close="" if close is None else _link_to(plan.url, close))


def _missing_anchor(address: str, anchor: str, pages: Reachable, target: str, file: str, line: int,
                    text: str) -> Problem | None:
    """An anchor missing from the page the link reaches, with the closest ones the page has."""
    if not anchor:
        return None
    found, anchors, by_language = pages.has_anchor(target, anchor)
    if found:
        return None
    near = closest_anchors(anchor, anchors)
    if by_language and not (near and is_slip(anchor, near[0])):
        return Problem.of(C.ProseAnchorNotShared, file, line, 1, excerpt=text, target=address,
                          page=_page_name(target), page_link=address.split("#", 1)[0],
                          choices=", ".join(f"#{a}" for a in near) or "-")
    return Problem.of(C.ProseMissingAnchor, file, line, 1, excerpt=text, target=address,
                      page=_page_name(target), choices=", ".join(f"#{a}" for a in near))


def closest_anchors(anchor: str, anchors: set[str], most: int = 5) -> list[str]:
    """The page's anchors nearest the one written, best first (all of a short list)."""
    return nearest(anchor, anchors, most)


def _page_name(address: str) -> str:
    """The page as the built site names it: its file under site/."""
    return f"{address}index.html" if address == "" or address.endswith("/") else address


def _link_to(plan_url: str, page: str) -> str:
    """How the plan's prose links to a page of the site, relative as the lead wrote it (the home page is the
    site's root folder); a link written from the site's root is suggested from the root."""
    return relative_url(plan_url, page) + ("/" if page == "" else "")
