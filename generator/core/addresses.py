"""Addresses: where each language's tree of the site is published, worked out from the site address.

The site address (`site_url` in mkdocs.yml) is where the English tree is served, sub-path included
(https://example.org/plans/); each other language is a folder under it (/plans/cy/). Without one the site
is taken to be served at the root of its host, and pages link to each other by relative paths only.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from generator.core.languages import LANGUAGES, NAMES


def is_site_address(text: str) -> bool:
    """Whether text is a full web address (http or https, with a host) that a site can be published at."""
    parts = urlsplit(text)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not parts.query and not parts.fragment


def tree_url(site_url: str, language: str) -> str:
    """The address of a language's tree: the site address itself for English, its folder for the others."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    return base if language == LANGUAGES[0] else f"{base}{language}/"


def tree_path(site_url: str | None, language: str) -> str:
    """The absolute path of a language's tree on its host: / or /cy/, under the site address's sub-path."""
    return urlsplit(tree_url(site_url or "/", language)).path or "/"


def alternates(site_url: str | None, language: str) -> list[dict]:
    """The other languages as a page of `language` offers them: the switcher's name, the path from this
    tree's root to the other's (for the same page there), its absolute path (for pages with no place in
    either tree, such as 404) and, with a site address, its full address (for hreflang links)."""
    back = "" if language == LANGUAGES[0] else "../"
    return [{"name": NAMES[other], "lang": other,
             "root": back + ("" if other == LANGUAGES[0] else f"{other}/"),
             "home": tree_path(site_url, other),
             "url": tree_url(site_url, other) if site_url else None}
            for other in LANGUAGES if other != language]
