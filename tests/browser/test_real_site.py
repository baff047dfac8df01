"""The real plans in the browser: each plan on a page prints on one A4 page, each plan page passes axe-core."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from site_testing import PROJECT


def test_every_real_plan_on_a_page_prints_on_one_a4_page(real_site, real_base_url, browser):
    site, base = real_site, real_base_url
    pages = sorted(p.parent.relative_to(site).as_posix() for p in site.glob("*/*/*/on-a-page/index.html"))
    assert len(pages) == len(list((PROJECT / "clusters").glob("*/*/*/plan.yaml")))
    page = browser.new_page()
    longer = []
    for path in pages + ["cy/" + p for p in pages]:
        page.goto(base + path + "/")
        page.emulate_media(media="print")
        count = len(PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True))).pages)
        if count != 1:
            longer.append((path, count))
    page.close()
    assert longer == []


# Each cluster's plan pages are checked on their own, so that the clusters can be checked side by side.
CLUSTERS = sorted({path.parent.parent.relative_to(PROJECT / "clusters").as_posix()
                   for path in (PROJECT / "clusters").glob("*/*/*/plan.yaml")})


def test_every_cluster_with_plans_has_its_plan_pages_checked(real_site):
    assert "swansea-bay/upper-valleys" in CLUSTERS
    assert {p.parent.parent.relative_to(real_site).as_posix() for p in real_site.glob("*/*/20*/index.html")} \
        == set(CLUSTERS)


@pytest.mark.parametrize("cluster", CLUSTERS)
def test_every_real_plan_page_passes_axe(real_site, real_base_url, browser, cluster):
    from test_accessibility import violations

    site, base = real_site, real_base_url
    pages = sorted(p.parent.relative_to(site).as_posix()
                   for p in [*site.glob(f"{cluster}/20*/index.html"), *site.glob(f"{cluster}/changes/*/index.html")])
    assert pages
    page = browser.new_page()
    found = {}
    for path in pages:
        page.goto(base + path + "/")
        problems = violations(page)
        if problems:
            found[path] = problems
    page.close()
    assert found == {}
