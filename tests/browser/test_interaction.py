"""What readers do in the browser: sort and filter activities, search, print the plan on a page."""

from __future__ import annotations

import io

import yaml
from pypdf import PdfReader

from site_testing import FIXTURE_REPO

PLAN = "betsi-cadwaladr/north-east-flintshire/2023-24/"


def plan_activities() -> list[dict]:
    return yaml.safe_load((FIXTURE_REPO / "clusters" / PLAN / "plan.yaml").read_text())["activities"]


def visible_titles(page) -> list[str]:
    return page.eval_on_selector_all(
        ".cp-activity-table tbody tr:not([hidden]) th", "cells => cells.map(c => c.textContent.trim())")


def test_sorting_by_budget_and_title(page, base_url):
    page.goto(base_url + PLAN)
    page.click(".cp-activity-table thead button:has-text('Budget')")
    ascending = page.eval_on_selector_all(".cp-activity-table tbody td.cp-num",
                                          "cells => cells.map(c => parseFloat(c.dataset.sortValue))")
    assert ascending == sorted(ascending)
    page.click(".cp-activity-table thead button:has-text('Budget')")
    descending = page.eval_on_selector_all(".cp-activity-table tbody td.cp-num",
                                           "cells => cells.map(c => parseFloat(c.dataset.sortValue))")
    assert descending == sorted(descending, reverse=True)
    header = page.locator(".cp-activity-table thead th", has_text="Budget")
    assert header.get_attribute("aria-sort") == "descending"
    page.click(".cp-activity-table thead button:has-text('Activity or project')")
    titles = visible_titles(page)
    assert titles == sorted(titles, key=str.lower)


def test_filtering_by_status_funding_and_priority(page, base_url):
    page.goto(base_url + PLAN)
    everything = visible_titles(page)
    page.select_option("select[data-cp-filter=status]", "ongoing")
    ongoing = visible_titles(page)
    assert 0 < len(ongoing) < len(everything)
    statuses = page.eval_on_selector_all(".cp-activity-table tbody tr:not([hidden])",
                                         "rows => rows.map(r => r.dataset.status)")
    assert set(statuses) == {"ongoing"}
    assert page.text_content("[data-cp-count]") == f"{len(ongoing)} of {len(everything)} activities shown"
    page.select_option("select[data-cp-filter=status]", "")
    page.select_option("select[data-cp-filter=funding]", "Health board core funding")
    assert visible_titles(page) == ["Audiology"]
    page.select_option("select[data-cp-filter=funding]", "")
    page.select_option("select[data-cp-filter=priority]", "NHS recovery")
    assert "Improving access" in visible_titles(page)
    assert len(visible_titles(page)) < len(everything)


def test_table_is_complete_and_readable_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + PLAN)
    rows = page.locator(".cp-activity-table tbody tr")
    assert rows.count() == len(plan_activities())
    assert page.locator("[data-cp-filters]").is_hidden()
    assert page.locator(".cp-activity-table thead th").count() == 10
    assert "TBC" in page.locator(".cp-activity-table").inner_text()
    context.close()


def test_search_finds_an_activity_and_a_lead(page, base_url):
    page.goto(base_url)
    page.wait_for_load_state("networkidle")  # the search index is fetched by a worker after load
    page.click(".md-search__input")
    page.type(".md-search__input", "audiology", delay=30)
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    results = page.inner_text(".md-search-result")
    assert "North East Flintshire" in results
    page.fill(".md-search__input", "")
    page.type(".md-search__input", "Fletcher", delay=30)
    page.wait_for_function(
        "() => document.querySelector('.md-search-result').innerText.includes('Fletcher')", timeout=15000)


def test_plan_on_a_page_prints_on_one_a4_page(page, base_url):
    page.goto(base_url + PLAN + "on-a-page/")
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=True)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Dr Angharad Fletcher" in text and "Audiology" in text


def test_pages_request_nothing_from_other_sites(page, base_url):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    for path in ["", PLAN, "betsi-cadwaladr/", "themes/a-healthier-wales/"]:
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
    assert requested
    assert [url for url in requested if not url.startswith(base_url)] == []
