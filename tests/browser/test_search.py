"""Search as a visitor uses it: every plan holding a word found, one entry per plan, a shareable address,
Enter staying on the results, in both languages and from the 404 pages."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

TERM = "audiology"


def plans_containing(site, term: str, language: str = "") -> set[str]:
    """The plans whose published page says `term` (in the page's text, not its markup)."""
    found = set()
    for page in (site / language).glob("*/*/20*/index.html"):
        body = page.read_text(encoding="utf-8").split("data-pagefind-body", 1)[1]
        if term in re.sub(r"<[^>]+>", " ", body).lower():
            found.add("/" + page.parent.relative_to(site).as_posix() + "/")
    return found


def entries(page) -> list[str]:
    """The address of each entry of the results, after showing them all."""
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__list > li').length > 0",
                           timeout=15000)
    more = page.locator("[data-cp-more]")
    while more.is_visible():
        before = page.locator(".md-search-result__list > li").count()
        more.click()
        page.wait_for_function(f"() => document.querySelectorAll('.md-search-result__list > li').length > {before}"
                               " || document.querySelector('[data-cp-more]').hidden", timeout=15000)
    return page.eval_on_selector_all(".md-search-result__list > li > a",
                                     "links => links.map(a => new URL(a.href).pathname)")


def typed(page, query: str) -> list[str]:
    """`query` typed into the search box of the page that is open, as a visitor searches again without
    leaving the page: the address of each entry of its results, after showing them all. The entries of the
    search before are marked, and the results are read once none of them is left."""
    page.eval_on_selector_all(".md-search-result__list > li", "items => items.forEach(li => li.dataset.before = '')")
    page.fill(".md-search__input", query)
    page.wait_for_function("() => !document.querySelector('.md-search-result__list > li[data-before]')"
                           " && document.querySelectorAll('.md-search-result__list > li').length > 0", timeout=15000)
    return entries(page)


@pytest.mark.parametrize("language", ["", "cy/"])
def test_a_search_finds_every_plan_containing_the_word_once(page, site, base_url, language):
    expected = plans_containing(site, TERM, language)
    assert "/" + language + "swansea-bay/upper-valleys/2022-23/" in expected and len(expected) >= 2
    page.goto(base_url + language + "?q=" + TERM)
    shown = entries(page)
    plans = [url for url in shown if re.search(r"/20\d\d-\d\d/$", url)]
    assert set(plans) == expected
    # One entry per plan: its plan on a page and its cluster's page are beneath it, not beside it.
    assert len(plans) == len(set(plans))
    assert not [url for url in shown if url.endswith("/on-a-page/")]
    first = page.locator(".md-search-result__list > li").first
    assert first.locator(".cp-search-part").count() >= 1


def test_a_search_has_an_address_to_share_and_enter_keeps_the_results(page, base_url):
    page.goto(base_url + "?q=" + TERM)
    entries(page)
    assert page.input_value(".md-search__input") == TERM
    page.fill(".md-search__input", "Fletcher")
    page.wait_for_function("() => location.search === '?q=Fletcher'")
    page.press(".md-search__input", "Enter")
    page.wait_for_timeout(300)
    assert urlsplit(page.url).path == "/" and "Fletcher" in page.inner_text(".md-search-result")


@pytest.mark.parametrize("missing", ["404.html", "cy/404.html"])
def test_search_works_on_the_404_pages(page, base_url, missing):
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.goto(base_url + missing + "?q=" + TERM)
    assert any(url.endswith("/upper-valleys/2022-23/") for url in entries(page))
    assert failed == []
