"""Every page on a phone and on A4 paper: nothing wider than the screen of any phone in use, an activity as a
card with its budget and status first, a full plan printed at body size with every column, no screen-only
controls."""

from __future__ import annotations

import io
from collections import Counter

import pytest
from pypdf import PdfReader

PLAN = "betsi-cadwaladr/north-east-flintshire/2023-24/"
PHONE = {"width": 390, "height": 844}
# The screens a page must fit: 320 px, the narrowest phones in use and the width WCAG 2.2 asks a page to reflow
# to (1.4.10); 360 px, the commonest Android phones; 390 px, today's iPhones.
PHONE_WIDTHS = (320, 360, 390)


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


def site_pages(site) -> list[str]:
    """Every published page of the fixture site in both languages (the online editor is not a public page)."""
    pages = sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html")
                   if "admin" not in p.relative_to(site).parts)
    return [p.removeprefix("./") for p in pages] + ["404.html", "cy/404.html"]


# Each language's pages are measured on their own, so that the two can be measured side by side.
@pytest.mark.parametrize("language", ["", "cy/"])
def test_no_page_is_wider_than_a_phone(phone, site, base_url, language):
    pages = site_pages(site)
    # Every kind of page, in both languages.
    for kind in ("", "cy/", PLAN, "cy/" + PLAN, PLAN + "on-a-page/", "services/", "cy/services/", "themes/",
                 "betsi-cadwaladr/", "betsi-cadwaladr/north-east-flintshire/", "data-quality/", "downloads/",
                 "betsi-cadwaladr/north-east-flintshire/changes/2022-23-to-2023-24/",
                 "cy/betsi-cadwaladr/north-east-flintshire/changes/2022-23-to-2023-24/"):
        assert kind in pages
    wider = {}
    for path in pages:
        if path.startswith("cy/") != bool(language):
            continue
        phone.goto(base_url + path)
        # The phone turned to each width in turn: the page lays itself out again, as when a phone is rotated.
        for screen in PHONE_WIDTHS:
            phone.set_viewport_size({"width": screen, "height": PHONE["height"]})
            width = phone.evaluate("document.documentElement.scrollWidth")
            if width > screen:
                wider[f"{path} at {screen} px"] = width
        phone.set_viewport_size(PHONE)
    assert wider == {}


def box(page, selector: str) -> dict:
    return page.locator(selector).first.bounding_box()


def test_an_activity_is_a_card_on_a_phone_with_its_budget_and_status_first(phone, base_url):
    for language in ("", "cy/"):
        phone.goto(base_url + language + PLAN)
        row = ".cp-activity-table tbody tr:first-child"
        title, budget = box(phone, row + " th"), box(phone, row + " td.cp-num")
        status, description = box(phone, row + " td:nth-child(9)"), box(phone, row + " td:nth-child(3)")
        for cell in (title, budget, status, description):
            assert cell["x"] >= 0 and cell["x"] + cell["width"] <= PHONE["width"]
        # The title heads the card; budget and status side by side under it, before the description.
        assert title["y"] < budget["y"] == status["y"] < description["y"]
        label = phone.evaluate("c => getComputedStyle(c, '::before').content",
                               phone.locator(row + " td.cp-num").element_handle())
        assert label == ('"Budget"' if not language else '"Cyllideb"')
        # The column headers are still there for screen readers.
        assert phone.locator(".cp-activity-table thead th").count() == 10


def test_an_activity_table_is_a_table_on_a_wide_screen(page, base_url):
    page.goto(base_url + PLAN)
    assert page.evaluate("getComputedStyle(document.querySelector('.cp-activity-table tbody tr')).display") == "table-row"
    assert page.locator(".cp-activity-table thead th", has_text="Status").is_visible()


def printed(page, url: str) -> PdfReader:
    page.goto(url)
    page.emulate_media(media="print")
    return PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True, prefer_css_page_size=True)))


def text_sizes(pdf: PdfReader) -> Counter:
    """How many characters the PDF prints at each size (points, to a tenth): the font size as its text
    and current transformation matrices scale it."""
    sizes: Counter = Counter()

    def visit(text, cm, tm, font, size):
        if text.strip():
            scale = (tm[2] ** 2 + tm[3] ** 2) ** .5 * (cm[2] ** 2 + cm[3] ** 2) ** .5
            sizes[round(size * scale, 1)] += len(text.strip())
    for sheet in pdf.pages:
        sheet.extract_text(visitor_text=visit)
    return sizes


def test_a_full_plan_prints_at_body_size_with_every_column(page, base_url):
    for language, status in (("", "Status"), ("cy/", "Statws")):
        pdf = printed(page, base_url + language + PLAN)
        assert all(round(float(sheet.mediabox.width)) == 595 for sheet in pdf.pages)  # A4, upright
        text = "\n".join(sheet.extract_text() for sheet in pdf.pages)
        # Each activity's status and budget are on paper, beside their names.
        assert text.count(status) >= 3 and "Audiology" in text
        # Screen-only controls are not printed: sort arrows, search, navigation.
        assert "⇅" not in text and "▲" not in text
        sizes = text_sizes(pdf)
        body = sizes.most_common(1)[0][0]
        assert 10 <= body <= 11.5
        # Nearly everything is printed at 9 pt or more (the rest: small markers beside figures).
        small = sum(n for size, n in sizes.items() if size < 8.9)
        assert small / sum(sizes.values()) < 0.03


def test_a_plan_on_a_page_fills_its_sheet_and_says_where_it_came_from(page, base_url):
    pdf = printed(page, base_url + PLAN + "on-a-page/")
    assert len(pdf.pages) == 1
    text = pdf.pages[0].extract_text()
    assert "Printed from " + base_url + PLAN + "on-a-page/" in text
    assert "Source: North East Flintshire Cluster IMTP 2023/24, Betsi Cadwaladr University Health Board" in text
    sizes = text_sizes(pdf)
    assert sizes.most_common(1)[0][0] >= 11
