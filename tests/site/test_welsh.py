"""Cymraeg / English: complete translations, a Welsh tree beside the English one, a switcher between them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.core import i18n
from generator.core.languages import LANGUAGES
from site_testing import PROJECT

NEF_2023 = "betsi-cadwaladr/north-east-flintshire/2023-24/"


@pytest.fixture(scope="module")
def site(fixture_site) -> Path:
    return fixture_site


def test_every_key_has_english_and_welsh():
    table = i18n.words()
    assert table.missing() == []
    assert table.malformed() == []
    assert set(LANGUAGES) == {"en", "cy"}


def test_every_key_the_templates_use_is_in_the_table():
    table = i18n.words()
    used = set()
    for source in list((PROJECT / "templates").rglob("*.j2")) + list((PROJECT / "generator").rglob("*.py")):
        used |= set(re.findall(r"""\bt\(\s*['"]([a-z_]+\.[a-z_.]*[a-z_])['"]""", source.read_text(encoding="utf-8")))
    assert used, "no translated strings found"
    assert sorted(used - set(table.keys())) == []


def test_pages_declare_their_language(site):
    assert '<html lang="en"' in (site / NEF_2023 / "index.html").read_text()
    assert '<html lang="cy"' in (site / "cy" / NEF_2023 / "index.html").read_text()


def switcher(html: str) -> str:
    match = re.search(r'<a href="([^"]+)" hreflang="(en|cy)"[^>]*class="cp-language-link"', html)
    assert match, "no language switcher on the page"
    return match.group(1)


@pytest.mark.parametrize("page", ["", "betsi-cadwaladr/", "betsi-cadwaladr/north-east-flintshire/", NEF_2023,
                                  "themes/a-healthier-wales/", "downloads/", "guide/"])
def test_switcher_leads_to_the_same_page_in_the_other_language(site, page):
    english = site / page / "index.html"
    welsh = site / "cy" / page / "index.html"
    to_welsh = (english.parent / switcher(english.read_text())).resolve()
    to_english = (welsh.parent / switcher(welsh.read_text())).resolve()
    assert to_welsh in (welsh.parent.resolve(), welsh.resolve())
    assert to_english in (english.parent.resolve(), english.resolve())


def test_welsh_ui_and_names(site):
    html = (site / "cy" / NEF_2023 / "index.html").read_text()
    assert "Cynllun ar dudalen" in html
    assert "Gogledd Ddwyrain Sir y Fflint" in html
    assert "Bwrdd Iechyd Prifysgol Betsi Cadwaladr" in html
    assert 'placeholder="Chwilio"' in html


def test_welsh_section_is_shown_and_missing_translations_are_flagged(site):
    welsh = (site / "cy" / NEF_2023 / "index.html").read_text()
    english = (site / NEF_2023 / "index.html").read_text()
    summary = (PROJECT / "tests/fixtures/repo/clusters" / NEF_2023 / "executive-summary.cy.md").read_text()
    first_welsh_line = next(line for line in summary.splitlines()[1:] if line.strip())
    assert first_welsh_line.strip()[:40] in welsh
    assert first_welsh_line.strip()[:40] not in english
    assert "Mae&#39;r adran hon ar gael yn yr iaith y&#39;i hysgrifennwyd ynddi yn unig." in welsh or \
        "Mae'r adran hon ar gael yn yr iaith y'i hysgrifennwyd ynddi yn unig." in welsh
    assert 'lang="en"' in welsh


def test_search_index_for_each_language(site):
    assert (site / "search" / "search_index.json").exists()
    assert (site / "cy" / "search" / "search_index.json").exists()


def test_downloads_are_published_once_and_welsh_pages_link_to_them(site):
    assert (site / "downloads" / "plans.json").exists()
    assert not (site / "cy" / "downloads" / "plans.json").exists()
    welsh = (site / "cy" / "downloads" / "index.html").read_text()
    assert 'href="../../downloads/plans.json"' in welsh
    plan = (site / "cy" / NEF_2023 / "index.html").read_text()
    assert f'href="../../../../{NEF_2023}activities.csv"' in plan


# Text escaped twice shows its entity to the reader: "Caerdydd a&#39;r Fro", "wedi&#39;i".
ESCAPED_TWICE = re.compile(r"&amp;(?:#\d+|#x[0-9a-f]+|quot|amp|lt|gt|apos);", re.IGNORECASE)


def test_no_page_shows_an_entity_for_an_apostrophe_or_any_other_character(site):
    """Welsh is full of apostrophes (a'r, wedi'i): in headings, their table of contents and anchors, and in
    sentences with a figure put in (the committed budget), each is written once, as readers see it."""
    shown = {page.relative_to(site).as_posix(): ESCAPED_TWICE.findall(page.read_text(encoding="utf-8"))
             for page in site.rglob("*.html") if "admin" not in page.parts}
    assert {path: found for path, found in shown.items() if found} == {}
    quality = (site / "cy" / "data-quality" / "index.html").read_text(encoding="utf-8")
    assert '<h1 id="ansawdd-datar-cynlluniau-cyhoeddedig">Ansawdd data\'r cynlluniau cyhoeddedig' in quality
    changes = (site / "cy" / "betsi-cadwaladr" / "north-east-flintshire" / "changes" / "2022-23-to-2023-24"
               / "index.html").read_text(encoding="utf-8")
    assert "<p>Cyllideb wedi&#39;i hymrwymo: £37,000 (wedi&#39;i gyfrifo, heb ei nodi yn y cynllun" in changes


# Words of English prose: two or more in one piece of text mark it as English.
ENGLISH = re.compile(r"\b(the|and|of|is|are|with|for|this|that|which|but|gives|not|was|has|to)\b", re.I)


def test_every_english_fragment_on_a_welsh_page_is_marked(site):
    """The plan's own words stay as written on Welsh pages and say they are English (WCAG 3.1.2): every
    piece of English prose on a plan, theme, board, services or What changed page is inside lang="en"."""
    from lxml import html

    unmarked = {}
    for path in sorted((site / "cy").rglob("index.html")):
        rel = path.relative_to(site).as_posix()
        if any(part in rel for part in ("/guide/", "/admin/", "/data-quality/", "/accessibility/", "/contact/")):
            continue  # the leads' pages, and the notes whose Welsh sentences quote the plans' words
        article = html.parse(str(path)).getroot().xpath("//article")
        for text in article[0].xpath(".//text()") if article else []:
            element = text.getparent().getparent() if text.is_tail else text.getparent()
            if element.tag in ("script", "style") or element.xpath("ancestor-or-self::*[@lang][1][@lang='en']"):
                continue
            if len(ENGLISH.findall(text)) >= 2:
                unmarked.setdefault(rel, []).append(text.strip()[:80])
    assert sorted(f"{page}: {text}" for page, texts in unmarked.items() for text in texts) == []
    # A note in Welsh beside the plan's English words says it is Welsh.
    plan = (site / "cy" / NEF_2023 / "index.html").read_text(encoding="utf-8")
    assert 'class="cp-flag-pop" popover id="note-1" role="note" lang="cy"' in plan


def test_the_welsh_404_page_is_in_welsh(site):
    page = (site / "cy" / "404.html").read_text(encoding="utf-8")
    assert "Heb ddod o hyd i&#39;r dudalen" in page or "Heb ddod o hyd i'r dudalen" in page
    assert "Not found" not in page
    assert "Page not found" in (site / "404.html").read_text(encoding="utf-8")
