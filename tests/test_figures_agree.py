"""A figure shown twice agrees or carries the same flag: every money figure of one flagged plan (Arfon
2022-23, whose activity table gives COVID recovery £90,000 and Phlebotomy £10,000 where its finance table
gives £5,000 each), on every page of the built site, in both languages, is the plan's own figure and links
to the same notes as the plan's page has on it."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest
from lxml import html


PLAN = "/betsi-cadwaladr/arfon/2022-23/"
TOTAL = "the stated total"
POUNDS = re.compile(r"£\d[\d,]*(?:\.\d\d)?")


@pytest.fixture(scope="module")
def site(real_site):
    return real_site


def _address(site, path) -> str:
    rel = path.relative_to(site).as_posix()
    return "/" + rel.removesuffix("index.html")


def _text(element) -> str:
    """What an element says, its notes' markers and the notes they open aside."""
    copy = html.fromstring(html.tostring(element))
    for hidden in copy.xpath(".//*[contains(@class, 'cp-flag-marker') or contains(@class, 'cp-flag-pop')]"):
        hidden.drop_tree()
    return copy.text_content().strip()


def _figure(element) -> tuple[list[str], set[int]]:
    """The amounts an element shows and the numbers of the notes its markers open or link to."""
    flags = {int(m.group(1)) for marker in element.xpath(".//*[contains(@class, 'cp-flag-marker')]")
             for m in [re.search(r"flag-(\d+)$", marker.get("href") or marker.get("id") or "")] if m}
    return POUNDS.findall(_text(element)), flags


def _plan_figures(site, language: str) -> dict[str, tuple[list[str], set[int]]]:
    """Each activity's budget and the stated total as the plan's own page shows them: amounts and notes."""
    page = html.parse(str(site / language.strip("/") / PLAN.strip("/") / "index.html")).getroot()
    figures = {row.get("id").removeprefix("activity-"): _figure(row.xpath("./td[contains(@class, 'cp-num')]")[0])
               for row in page.xpath("//table[contains(@class, 'cp-activity-table')]//tr[starts-with(@id, 'activity-')]")}
    figures[TOTAL] = _figure(page.xpath("//table[@class='cp-finance-table']/tfoot/tr[1]/td")[0])
    return figures


def _shown_elsewhere(site, language: str, titles: dict[str, str]):
    """Every place a page other than the plan's own shows one of its activities' budgets: (page, activity,
    amounts, notes linked to on the plan's page)."""
    plan = language + PLAN.lstrip("/")
    for path in sorted(site.rglob("index.html")):
        address = _address(site, path)
        if address.startswith("/cy/") != bool(language):
            continue
        page = html.parse(str(path)).getroot()

        def target(href: str | None) -> tuple[str, str]:
            joined = urlsplit(urljoin(address, href or ""))
            return joined.path, joined.fragment

        def notes(element) -> set[int]:
            # Markers away from the plan's page link to its notes there; only those count.
            return {int(fragment.removeprefix("flag-")) for a in element.xpath(".//a[contains(@class, 'cp-flag-marker')]")
                    for where, fragment in [target(a.get("href"))] if where == "/" + plan}

        # A row or item linking to an activity on the plan's page (a theme's table, a board's services), or
        # to the plan itself (its committed budget on the board's and the cluster's pages).
        for link in page.xpath("//a[@href]"):
            where, fragment = target(link.get("href"))
            if where != "/" + plan or (fragment and not fragment.startswith("activity-")):
                continue
            if not fragment:
                holder = link.xpath("ancestor::tr[1]")
                for cell in holder[0].xpath("./td[contains(@class, 'cp-num')]") if holder else []:
                    amounts, _ = _figure(cell)
                    if amounts:
                        yield address, TOTAL, amounts, notes(cell)
                continue
            holder = link.xpath("ancestor::tr[1] | ancestor::li[1]")[-1]
            cells = holder.xpath("./td[contains(@class, 'cp-num')]") if holder.tag == "tr" else [holder]
            for cell in cells:
                amounts, _ = _figure(cell)
                if amounts:
                    yield address, fragment.removeprefix("activity-"), amounts, notes(cell)
        # The plan on a page's top activities, wherever it is shown (the plan's page, its printable page,
        # its cluster's page).
        for item in page.xpath("//section[@aria-labelledby='pop-arfon-2022-23']//ul[@class='cp-pop-list']/li"):
            title = item.xpath("string(./strong)")
            amounts, _ = _figure(item)
            yield address, titles[title], amounts, notes(item)


def _titles(site, language: str) -> dict[str, str]:
    page = html.parse(str(site / language.strip("/") / PLAN.strip("/") / "index.html")).getroot()
    return {_text(row.xpath("./th")[0]): row.get("id").removeprefix("activity-")
            for row in page.xpath("//table[contains(@class, 'cp-activity-table')]//tr[starts-with(@id, 'activity-')]")}


@pytest.mark.parametrize("language", ["", "cy/"])
def test_every_figure_of_a_flagged_plan_agrees_or_carries_its_flag(site, language):
    budgets = _plan_figures(site, language)
    # The plan's page flags the two budgets that disagree with its finance table.
    assert budgets["covid-recovery"][0] == ["£90,000"] and budgets["covid-recovery"][1]
    assert budgets["phlebotomy"][0] == ["£10,000"] and budgets["phlebotomy"][1]
    assert budgets[TOTAL][0] == ["£337,360"]
    shown = list(_shown_elsewhere(site, language, _titles(site, language)))
    wrong = [(address, activity, amounts, flags, budgets[activity]) for address, activity, amounts, flags in shown
             if (amounts, flags) != budgets[activity]]
    assert wrong == []
    # The walk saw the flagged figures where a reader meets them: on a theme's page, the board's services,
    # the cluster's page and the printable plan on a page.
    pages = {address for address, activity, _, _ in shown if activity == "covid-recovery"}
    prefix = "/" + language
    assert any(address.startswith(prefix + "themes/") for address in pages)
    assert {prefix + "betsi-cadwaladr/", prefix + "betsi-cadwaladr/arfon/",
            prefix + "betsi-cadwaladr/arfon/2022-23/on-a-page/"} <= pages
    # Its committed budget, in the board's and the cluster's tables.
    assert {address for address, figure, _, _ in shown if figure == TOTAL} >= {
        prefix + "betsi-cadwaladr/", prefix + "betsi-cadwaladr/arfon/"}
