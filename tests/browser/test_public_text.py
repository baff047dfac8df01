"""The real plans as the public reads them: the plan comes before the notes about it, and no page shows the
validator's own words (field paths, file:line, problem codes), which belong to the lead's preview.

Every public page is read whole from the built file: its article's text, the parts a click opens (a note's
pop-up) included, so a leak is found wherever on the page it is. The scripts that add words once a page is open
(the activity filters, search, the address a printout shows) do the same on every page of one kind, so the
fullest page of each kind is also read in the browser after they have run, as a visitor sees it."""

from __future__ import annotations

import re

import pytest
from lxml import html

from generator.checks.validate import validate
from generator.problems import catalogue  # noqa: F401  (fills the catalogue)
from generator.problems.report import CATALOGUE
from generator.sitemap.pages import EDITOR, SitePages
from site_testing import PROJECT

PHONE = {"width": 390, "height": 844}
# Upper Valleys 2022-23 carries the most notes of all the plans on the site.
HEAVIEST = "swansea-bay/upper-valleys/2022-23/"

FIELD_PATH = re.compile(r"\b[a-z_]+\[\d+\](?:\.[a-z_]+|\[\d+\])*")
FILE_LINE = re.compile(r"\b[\w./-]+\.(?:yaml|md):\d+")
CODES = re.compile(r"\b(?:%s)\b" % "|".join(sorted(map(re.escape, CATALOGUE), key=len, reverse=True)))
# The leads' own pages, which name problem codes and files on purpose.
LEADS = ("guide/", "cy/guide/", "admin/", "cy/admin/")


def leaks(text: str) -> list[str]:
    """The field paths, file:line places and problem codes `text` shows, the first three."""
    return (FIELD_PATH.findall(text) + FILE_LINE.findall(text) + CODES.findall(text))[:3]


def article_text(page) -> str:
    """Everything a built page's article says, hidden parts included, its scripts and styles left out."""
    article = html.parse(str(page)).getroot().xpath("//article")[0]
    for code in article.xpath(".//script | .//style"):
        code.drop_tree()
    return article.text_content()


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


# The site's pages in parts: each board's own pages, and the rest (the home page, the overviews, the
# hand-written pages), in each language. Every page falls in exactly one part.
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
def test_no_public_page_shows_field_paths_file_lines_or_problem_codes(real_site, language, part):
    pages = sorted(path for p in real_site.rglob("index.html")
                   if part_of(path := p.parent.relative_to(real_site).as_posix() + "/") == (language, part))
    assert pages
    found = {}
    for path in pages:
        if path.startswith(LEADS):
            continue
        if shown := leaks(article_text(real_site / path / "index.html")):
            found[path] = shown
    assert found == {}


def fullest_of_each_kind(site) -> dict[tuple[str, str], str]:
    """For each kind of public page (site map: plan, board, theme...) in each language, the address of the
    one whose built file is largest, so the one the scripts add most to."""
    pages = SitePages(validate(PROJECT).repository, PROJECT / "content").everything()
    fullest: dict[tuple[str, str], tuple[int, str]] = {}
    for page in pages:
        built = site / page.address / "index.html"
        if page.language is None or page.kind == EDITOR or page.address.startswith(LEADS) or not built.is_file():
            continue
        size = built.stat().st_size
        key = (page.kind, page.language)
        if size > fullest.get(key, (-1, ""))[0]:
            fullest[key] = (size, page.address)
    return {key: address for key, (size, address) in fullest.items()}


def test_no_kind_of_page_shows_them_once_its_scripts_have_run(real_site, real_base_url, browser):
    fullest = fullest_of_each_kind(real_site)
    # Every kind a visitor reaches, in both languages.
    assert {kind for kind, language in fullest if language == "cy"} >= {
        "home", "board", "cluster", "plan", "on-a-page", "changes", "theme", "services", "data-quality"}
    page = browser.new_page()
    found = {}
    for address in sorted(fullest.values()):
        page.goto(real_base_url + address)
        if shown := leaks(page.locator("article").inner_text()):
            found[address] = shown
    page.close()
    assert found == {}
