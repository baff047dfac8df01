"""The real plans as the public reads them: the plan comes before the notes about it, and no page shows the
validator's own words (field paths, file:line, problem codes), which belong to the lead's preview."""

from __future__ import annotations

import re

import pytest

from generator.problems import catalogue  # noqa: F401  (fills the catalogue)
from generator.problems.report import CATALOGUE
from site_testing import PROJECT

PHONE = {"width": 390, "height": 844}
# Upper Valleys 2022-23 carries the most notes of all the plans on the site.
HEAVIEST = "swansea-bay/upper-valleys/2022-23/"

FIELD_PATH = re.compile(r"\b[a-z_]+\[\d+\](?:\.[a-z_]+|\[\d+\])*")
FILE_LINE = re.compile(r"\b[\w./-]+\.(?:yaml|md):\d+")
CODES = re.compile(r"\b(?:%s)\b" % "|".join(sorted(map(re.escape, CATALOGUE), key=len, reverse=True)))


def test_heaviest_plan_starts_within_two_phone_screens(real_base_url, browser):
    base = real_base_url
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


# The site's pages in parts that can be checked side by side: each board's own pages, and the rest (the home
# page, the overviews, the hand-written pages), in each language. Every page falls in exactly one part.
BOARDS = sorted(path.parent.name for path in (PROJECT / "clusters").glob("*/board.yaml"))
PARTS = [(language, part) for language in ("", "cy/") for part in [*BOARDS, "the rest"]]


def part_of(path: str) -> tuple[str, str]:
    language = "cy/" if path.startswith("cy/") else ""
    first = path.removeprefix(language).split("/", 1)[0]
    return language, first if first in BOARDS else "the rest"


def test_the_parts_hold_every_board_of_the_site(real_site):
    assert "swansea-bay" in BOARDS
    assert {part_of(p.parent.relative_to(real_site).as_posix() + "/") for p in real_site.rglob("index.html")} \
        == set(PARTS)


@pytest.mark.parametrize("language, part", PARTS, ids=[f"{language}{part}" for language, part in PARTS])
def test_no_public_page_shows_field_paths_file_lines_or_problem_codes(real_site, real_base_url, browser,
                                                                      language, part):
    site, base = real_site, real_base_url
    leads = ("guide/", "cy/guide/", "admin/", "cy/admin/")
    pages = sorted(path for p in site.rglob("index.html")
                   if part_of(path := p.parent.relative_to(site).as_posix() + "/") == (language, part))
    assert pages
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
