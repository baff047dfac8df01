"""Links: check every internal link and anchor of the built site, whatever engine built it."""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from generator.problems import catalogue as C
from generator.core.parallel import share_out, worker_count
from generator.problems.report import Phrase

# A literal space before the attribute lets the regex engine scan fast: pages are searched after
# their other whitespace is turned into spaces (see _spaced).
# Only attributes inside a tag count: a page's text that reads `src="x"` (a plan quoting some HTML, which
# the page shows escaped, as &lt;img src="x"&gt;) is neither a link nor an anchor. In text and attribute
# values '<' is always escaped, so each '<' and a letter starts a tag.
_HREF = re.compile(r'<[a-zA-Z][^<>]*? (?:href|src)="([^"]*)"')
_ID = re.compile(r'<[a-zA-Z][^<>]*? id="([^"]+)"')
# Links the theme writes for its own machinery are not ours to check.
_SKIP_PREFIXES = ("#", "mailto:", "javascript:", "data:", "tel:")


@dataclass(frozen=True)
class BrokenLink:
    page: str
    target: str
    reason: Phrase

    def __str__(self) -> str:
        return f"{self.page}: link to '{self.target}' {self.reason}"


def _target_file(site: str, page_rel: str, href: str, base: str = "/") -> tuple[str, str] | None:
    """The file a link points to (as a path string) and its fragment; None for other sites. `base` is the
    absolute path the site is served at (/plans/ for a site under a sub-path)."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    page_dir = posixpath.dirname(page_rel)
    path = unquote(parts.path)
    if path.startswith("/"):
        # Root-relative links (the theme's 404 page) resolve from the top of the site, wherever it is served.
        if not (path + "/").startswith(base):
            return site + "/__outside__", parts.fragment
        page_dir, path = "", path[len(base):] or "./"
    resolved = posixpath.normpath(posixpath.join(page_dir, path)) if path else page_rel
    if resolved.startswith(".."):
        return site + "/__outside__", parts.fragment
    target = site + "/" + resolved
    if path.endswith("/") or not posixpath.splitext(resolved)[1]:
        target += "/index.html"
    return target, parts.fragment


def check_site(site: Path, jobs: int | None = None, only: list[Path] | None = None,
               base: str = "/") -> list[BrokenLink]:
    """Every broken link of the site (or of the pages `only`), served at the absolute path `base`, header,
    navigation and language switcher included: each page's links are its own (the switcher points at that
    very page in the other language)."""
    pages = sorted(site.rglob("*.html")) if only is None else sorted(page for page in only if page.is_file())
    workers = worker_count(jobs)
    shares = [pages[i::workers] for i in range(workers) if pages[i::workers]]
    found = share_out("checking links", lambda share: _check_pages(site, share, base), shares, jobs)
    return sorted((b for share in found for b in share), key=lambda b: (b.page, b.target, str(b.reason)))


def _spaced(html: str) -> str:
    return html.replace("\n", " ").replace("\t", " ").replace("\r", " ").replace("\f", " ")


def _check_pages(site_dir: Path, pages: list[Path], base: str = "/") -> list[BrokenLink]:
    broken: list[BrokenLink] = []
    site = str(site_dir)
    ids: dict[str, set[str]] = {}
    existing: dict[str, bool] = {}
    # Most links recur on every page of a folder (the navigation, the header): each is resolved once per folder.
    resolved: dict[tuple[str, str], tuple[str, str] | None] = {}

    def exists(path: str) -> bool:
        if path not in existing:
            existing[path] = os.path.isfile(path)
        return existing[path]

    def ids_of(path: str) -> set[str]:
        if path not in ids:
            with open(path, encoding="utf-8", errors="replace") as handle:
                ids[path] = set(_ID.findall(_spaced(handle.read())))
        return ids[path]

    for page in pages:
        rel = page.relative_to(site_dir).as_posix()
        folder = posixpath.dirname(rel)
        text = _spaced(page.read_text(encoding="utf-8", errors="replace"))
        hrefs = sorted(set(_HREF.findall(text)))
        if any(href.startswith("#") for href in hrefs):
            ids[str(page)] = set(_ID.findall(text))
        for href in hrefs:
            href = href.replace("&amp;", "&")
            if not href or href.startswith(_SKIP_PREFIXES):
                if href.startswith("#") and len(href) > 1 and unquote(href[1:]) not in ids_of(str(page)):
                    broken.append(BrokenLink(rel, href, C.LINK_NO_ANCHOR_HERE()))
                continue
            key = (rel if href.startswith("?") else folder, href)
            if key not in resolved:
                resolved[key] = _target_file(site, rel, href, base)
            found = resolved[key]
            if found is None:
                continue
            target, fragment = found
            if not exists(target):
                broken.append(BrokenLink(rel, href, C.LINK_NO_PAGE()))
            elif fragment and target.endswith(".html") and unquote(fragment) not in ids_of(target):
                broken.append(BrokenLink(rel, href, C.LINK_NO_ANCHOR_THERE()))
    return broken


def external_requests(site: Path) -> list[str]:
    """Scripts, styles, fonts or images the pages would fetch from another site."""
    found = []
    # A page's canonical and hreflang links name addresses; the browser fetches nothing from them.
    pattern = re.compile(r'<(?:script|link(?![^>]*\srel="(?:canonical|alternate)")|img|iframe|source)\b[^>]*'
                         r'\s(?:src|href)="((?:https?:)?//[^"]+)"')
    for page in sorted(site.rglob("*.html")):
        for url in pattern.findall(page.read_text(encoding="utf-8", errors="replace")):
            found.append(f"{page.relative_to(site).as_posix()}: {url}")
    for css in sorted(site.rglob("*.css")):
        for url in re.findall(r'url\(["\']?((?:https?:)?//[^)"\']+)', css.read_text(encoding="utf-8", errors="replace")):
            found.append(f"{css.relative_to(site).as_posix()}: {url}")
    return found
