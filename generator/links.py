"""Links: check every internal link and anchor of the built site, whatever engine built it."""

from __future__ import annotations

import multiprocessing
import os
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

# A literal space before the attribute lets the regex engine scan fast: pages are searched after
# their other whitespace is turned into spaces (see _spaced).
_HREF = re.compile(r' (?:href|src)="([^"]*)"')
_ID = re.compile(r' id="([^"]+)"')
# Links the theme writes for its own machinery are not ours to check.
_SKIP_PREFIXES = ("#", "mailto:", "javascript:", "data:", "tel:")


@dataclass(frozen=True)
class BrokenLink:
    page: str
    target: str
    reason: str

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


def check_site(site: Path, workers: int | None = None, base: str = "/") -> list[BrokenLink]:
    """Every broken link of the site (served at the absolute path `base`); the pages are shared out
    between forked workers, one per core."""
    pages = sorted(site.rglob("*.html"))
    workers = workers if workers is not None else min(os.cpu_count() or 1, 4)
    if workers <= 1 or len(pages) < 200 or "fork" not in multiprocessing.get_all_start_methods():
        return _check_pages(site, pages, base)
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        shares = pool.starmap(_check_pages, [(site, pages[i::workers], base) for i in range(workers)])
    return sorted((b for share in shares for b in share), key=lambda b: (b.page, b.target, b.reason))


def _spaced(html: str) -> str:
    return html.replace("\n", " ").replace("\t", " ").replace("\r", " ").replace("\f", " ")


def _check_pages(site_dir: Path, pages: list[Path], base: str = "/") -> list[BrokenLink]:
    broken: list[BrokenLink] = []
    site = str(site_dir)
    ids: dict[str, set[str]] = {}
    existing: dict[str, bool] = {}

    def exists(path: str) -> bool:
        if path not in existing:
            existing[path] = os.path.isfile(path)
        return existing[path]

    def ids_of(path: str) -> set[str]:
        if path not in ids:
            with open(path, encoding="utf-8", errors="replace") as handle:
                ids[path] = set(_ID.findall(_spaced(handle.read())))
        return ids[path]

    chrome_checked: set[tuple[str, int]] = set()
    for page in pages:
        rel = page.relative_to(site_dir).as_posix()
        text = _spaced(page.read_text(encoding="utf-8", errors="replace"))
        # The theme's header, navigation and footer are the same on every page of a folder depth and
        # language: they are checked on the first such page, and elsewhere only the page's own content.
        kind = (rel.split("/", 1)[0] if rel.startswith("cy/") else "", rel.count("/"))
        scope = text
        if kind in chrome_checked:
            start, end = text.find("<article"), text.rfind("</article>")
            if start >= 0 and end > start:
                scope = text[start:end]
        chrome_checked.add(kind)
        hrefs = sorted(set(_HREF.findall(scope)))
        if any(href.startswith("#") for href in hrefs):
            ids[str(page)] = set(_ID.findall(text))
        for href in hrefs:
            href = href.replace("&amp;", "&")
            if not href or href.startswith(_SKIP_PREFIXES):
                if href.startswith("#") and len(href) > 1 and unquote(href[1:]) not in ids_of(str(page)):
                    broken.append(BrokenLink(rel, href, "points to an anchor missing from the page"))
                continue
            found = _target_file(site, rel, href, base)
            if found is None:
                continue
            target, fragment = found
            if not exists(target):
                broken.append(BrokenLink(rel, href, "points to a page that does not exist"))
            elif fragment and target.endswith(".html") and unquote(fragment) not in ids_of(target):
                broken.append(BrokenLink(rel, href, "points to an anchor missing from its page"))
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
