"""The real plans as the public reads them: the plan comes before the notes about it, and no page shows the
validator's own words (field paths, file:line, problem codes), which belong to the lead's preview."""

from __future__ import annotations

import re

from generator.problems import catalogue  # noqa: F401  (fills the catalogue)
from generator.problems.report import CATALOGUE
from test_real_site import real_site  # noqa: F401  (the real plans, built and served once)

PHONE = {"width": 390, "height": 844}
# Upper Valleys 2022-23 carries the most notes of all the plans on the site.
HEAVIEST = "swansea-bay/upper-valleys/2022-23/"

FIELD_PATH = re.compile(r"\b[a-z_]+\[\d+\](?:\.[a-z_]+|\[\d+\])*")
FILE_LINE = re.compile(r"\b[\w./-]+\.(?:yaml|md):\d+")
CODES = re.compile(r"\b(?:%s)\b" % "|".join(sorted(map(re.escape, CATALOGUE), key=len, reverse=True)))


def test_heaviest_plan_starts_within_two_phone_screens(real_site, browser):  # noqa: F811
    _, base = real_site
    for language in ("", "cy/"):
        page = browser.new_page(viewport=PHONE)
        page.goto(base + language + HEAVIEST)
        first = page.locator("article .cp-pop ~ h2").first
        assert first.inner_text().startswith("2. FORWARD LOOK")
        top = first.evaluate("h => h.getBoundingClientRect().top + window.scrollY")
        assert top < 2 * PHONE["height"], f"{language}{HEAVIEST}: the plan's first section starts at {top:.0f} px"
        # Each note is a marker that opens to it, and the full list is at the end of the page.
        marker = page.locator("button.cp-flag-marker").first
        marker.click()
        assert page.locator(".cp-flag-pop:popover-open").count() == 1
        page.close()


def test_no_public_page_shows_field_paths_file_lines_or_problem_codes(real_site, browser):  # noqa: F811
    site, base = real_site
    leads = ("guide/", "cy/guide/", "admin/", "cy/admin/")
    pages = sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html"))
    page = browser.new_page()
    found = {}
    for path in pages:
        path = "" if path == "./" else path
        if path.startswith(leads):
            continue
        page.goto(base + path)
        text = page.locator("article").inner_text()
        leaks = FIELD_PATH.findall(text) + FILE_LINE.findall(text) + CODES.findall(text)
        if leaks:
            found[path] = leaks[:3]
    page.close()
    assert found == {}
