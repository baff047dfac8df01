"""Links: check every internal link and anchor of the built site, whatever engine built it."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

_HREF = re.compile(r'\s(?:href|src)="([^"]*)"')
_ID = re.compile(r'\sid="([^"]+)"')
# Links the theme writes for its own machinery are not ours to check.
_SKIP_PREFIXES = ("#", "mailto:", "javascript:", "data:", "tel:")


@dataclass(frozen=True)
class BrokenLink:
    page: str
    target: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: link to '{self.target}' {self.reason}"


def _target_file(site: Path, page_rel: str, href: str) -> tuple[Path, str] | None:
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    page_dir = posixpath.dirname(page_rel)
    path = unquote(parts.path)
    if path.startswith("/"):
        # Root-relative links (the theme's 404 page) resolve from the top of the site.
        page_dir, path = "", path.lstrip("/") or "./"
    resolved = posixpath.normpath(posixpath.join(page_dir, path)) if path else page_rel
    if resolved.startswith(".."):
        return site / "__outside__", parts.fragment
    target = site / resolved
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def check_site(site: Path) -> list[BrokenLink]:
    broken: list[BrokenLink] = []
    ids: dict[Path, set[str]] = {}

    def ids_of(path: Path) -> set[str]:
        if path not in ids:
            ids[path] = set(_ID.findall(path.read_text(encoding="utf-8", errors="replace")))
        return ids[path]

    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        text = page.read_text(encoding="utf-8", errors="replace")
        for href in set(_HREF.findall(text)):
            href = href.replace("&amp;", "&")
            if not href or href.startswith(_SKIP_PREFIXES):
                if href.startswith("#") and len(href) > 1 and unquote(href[1:]) not in ids_of(page):
                    broken.append(BrokenLink(rel, href, "points to an anchor missing from the page"))
                continue
            found = _target_file(site, rel, href)
            if found is None:
                continue
            target, fragment = found
            if not target.exists():
                broken.append(BrokenLink(rel, href, "points to a page that does not exist"))
            elif fragment and target.suffix == ".html" and unquote(fragment) not in ids_of(target):
                broken.append(BrokenLink(rel, href, "points to an anchor missing from its page"))
    return broken


def external_requests(site: Path) -> list[str]:
    """Scripts, styles, fonts or images the pages would fetch from another site."""
    found = []
    pattern = re.compile(r'<(?:script|link|img|iframe|source)\b[^>]*\s(?:src|href)="((?:https?:)?//[^"]+)"')
    for page in sorted(site.rglob("*.html")):
        for url in pattern.findall(page.read_text(encoding="utf-8", errors="replace")):
            found.append(f"{page.relative_to(site).as_posix()}: {url}")
    for css in sorted(site.rglob("*.css")):
        for url in re.findall(r'url\(["\']?((?:https?:)?//[^)"\']+)', css.read_text(encoding="utf-8", errors="replace")):
            found.append(f"{css.relative_to(site).as_posix()}: {url}")
    return found
