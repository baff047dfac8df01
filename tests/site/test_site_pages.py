"""The list of the site's pages (generator/sitemap/pages.py) against the site the build makes from it: the same pages,
and, for every page, the anchors validate reckons with are the ones the built page carries."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.sitemap.anchors import page_anchors
from generator.sitemap.pages import CONTENT, EDITOR, PLAN, SitePages
from generator.checks.validate import validate

_ID = re.compile(r' id="([^"]+)"')


@pytest.fixture(scope="module")
def built(fixture_site) -> tuple[Path, SitePages]:
    root = fixture_site.parent
    return root, SitePages(validate(root).repository, root / "content")


def built_file(site: Path, address: str) -> Path:
    return site / (address + "index.html" if address == "" or address.endswith("/") else address)


def content_ids(html: str) -> set[str]:
    """The ids of a built page's own content (the theme's header, navigation and footer left out)."""
    article = html[html.index("<article"):html.index("</article>")]
    return set(_ID.findall(article))


def test_every_page_of_the_list_is_built_and_every_built_page_is_listed(built):
    root, pages = built
    site = root / "site"
    for address in pages.by_address:
        assert built_file(site, address).is_file(), address
    listed = {built_file(site, address) for address in pages.by_address}
    engine_own = {"404.html", "cy/404.html"}
    for html in site.rglob("index.html"):
        rel = html.relative_to(site).as_posix()
        if rel.split("/")[0] not in ("admin", "assets", "search", "pagefind") and \
                not rel.startswith(("cy/admin/", "cy/assets/", "cy/search/")):
            assert html in listed or rel in engine_own, rel


def test_the_anchors_of_every_page_are_those_it_is_built_with(built):
    root, pages = built
    site = root / "site"
    checked = 0
    for address, page in pages.by_address.items():
        if page.kind == EDITOR or not (address == "" or address.endswith("/")):
            continue
        ids = content_ids(built_file(site, address).read_text(encoding="utf-8"))
        known = pages.anchors(page)
        if page.kind == PLAN:
            assert known == ids, address  # a plan page's anchors are known in full before it is built
        else:
            # What the data decides is on the page; the rest comes from its headings.
            assert known is None or known <= ids, address
        if page.kind == CONTENT and page.subject.suffix == ".md":
            # A hand-written page's ids, read from its Markdown without the engine, are those it is built with.
            own = root / "content" / (page.language or "en") / page.subject.relative_to(root / "content")
            text = (own if page.language != "en" and own.is_file() else page.subject).read_text(encoding="utf-8")
            if page.language == "en" or own.is_file():
                assert page_anchors(text) == ids, address
            else:  # a Welsh page not yet translated: the English text under a notice
                assert page_anchors(text) <= ids, address
        checked += 1
    assert checked > 40
