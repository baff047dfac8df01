"""The published site as search engines, spreadsheets and screen readers meet it: language alternates, the
site address (canonical links, sitemap), titles, Welsh pages and CSV downloads, on the built fixture site."""

from __future__ import annotations

import csv
import io
import json
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from site_testing import run_build as build, site_repo

SITE_URL = "https://plans.example.org/cluster-plans/"
NEF_2023 = "betsi-cadwaladr/north-east-flintshire/2023-24/"
ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">')
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]*)">')


@pytest.fixture(scope="module")
def addressed(tmp_path_factory) -> Path:
    """The fixture site built for its address, with an activity whose words a spreadsheet would run."""
    root = site_repo(tmp_path_factory.mktemp("addressed") / "repo")
    plan = root / "clusters" / NEF_2023 / "plan.yaml"
    text = plan.read_text(encoding="utf-8")
    text = text.replace("    comments:\n      - Local ear wax removal clinics within the community\n",
                        "    comments:\n      - \"=HYPERLINK(\\\"http://evil.example\\\",\\\"Click\\\")\"\n"
                        "      - \"@SUM(A1:A9)\"\n")
    text = text.replace("    title: Audiology\n", "    title: \"-Audiology £18,500\"\n", 1)
    plan.write_text(text, encoding="utf-8")
    result = build(root, "--site-url", SITE_URL)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def unaddressed(tmp_path_factory) -> Path:
    """The fixture site built with no address, with a hand-written page in English only."""
    root = site_repo(tmp_path_factory.mktemp("unaddressed") / "repo")
    (root / "content/about-the-data").mkdir()
    (root / "content/about-the-data/index.md").write_text(
        "# About the data\n\nFigures are as printed in the plans.\n\n| Source | Plans |\n|---|---|\n| BCUHB | 14 |\n",
        encoding="utf-8")
    result = build(root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html")
                  if not p.relative_to(site).as_posix().startswith(("admin/", "cy/admin/")))


def address_of(page: str) -> str:
    return page.removesuffix("index.html")


def in_other_language(page: str) -> tuple[str, str]:
    return ("en", page.removeprefix("cy/")) if page.startswith("cy/") else ("cy", "cy/" + page)


def test_every_page_names_itself_in_the_other_language(addressed):
    checked = 0
    for page in pages(addressed):
        html = (addressed / page).read_text(encoding="utf-8")
        alternates = dict((lang, href) for href, lang in ALTERNATE.findall(html))
        own = "cy" if page.startswith("cy/") else "en"
        other, counterpart = in_other_language(page)
        assert alternates[own] == SITE_URL + address_of(page), page
        assert alternates[other] == SITE_URL + address_of(counterpart), page
        assert alternates["x-default"] == SITE_URL + address_of(page if own == "en" else counterpart), page
        assert (addressed / counterpart).is_file(), f"{page}: its {other} page {counterpart} is missing"
        checked += 1
    assert checked > 50


def test_alternates_without_a_site_address_are_relative_and_resolve(unaddressed):
    for page in pages(unaddressed):
        html = (unaddressed / page).read_text(encoding="utf-8")
        other, counterpart = in_other_language(page)
        [href] = [h for h, lang in ALTERNATE.findall(html) if lang == other]
        assert not urlsplit(href).netloc
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), href))
        assert resolved + "/index.html" == counterpart or (resolved == "." and counterpart == "index.html"), page
        assert not CANONICAL.search(html)  # no address is guessed


def test_canonical_links_and_the_sitemap_use_the_site_address(addressed):
    html = (addressed / NEF_2023 / "index.html").read_text(encoding="utf-8")
    assert CANONICAL.findall(html) == [SITE_URL + NEF_2023]
    welsh = (addressed / "cy" / NEF_2023 / "index.html").read_text(encoding="utf-8")
    assert CANONICAL.findall(welsh) == [SITE_URL + "cy/" + NEF_2023]
    listed = set(re.findall(r"<loc>([^<]*)</loc>", (addressed / "sitemap.xml").read_text(encoding="utf-8")))
    listed |= set(re.findall(r"<loc>([^<]*)</loc>", (addressed / "cy/sitemap.xml").read_text(encoding="utf-8")))
    assert SITE_URL in listed and SITE_URL + NEF_2023 in listed and SITE_URL + "cy/" + NEF_2023 in listed
    assert {SITE_URL + address_of(page) for page in pages(addressed)} <= listed


def test_the_404_pages_load_from_the_site_address(addressed):
    english = (addressed / "404.html").read_text(encoding="utf-8")
    assert 'href="/cluster-plans/assets/stylesheets/cluster-plans.css"' in english
    assert 'href="/cluster-plans/cy/" hreflang="cy"' in english
    welsh = (addressed / "cy/404.html").read_text(encoding="utf-8")
    assert 'href="/cluster-plans/" hreflang="en"' in welsh
    assert 'href="//' not in english + welsh


def test_a_bad_site_address_is_refused_in_one_line(tmp_path):
    root = site_repo(tmp_path / "repo")
    result = build(root, "--site-url", "plans.example.org")
    assert result.returncode == 1
    assert result.stderr.strip() == ("Error: --site-url 'plans.example.org' is not a web address: give the full "
                                     "address the site is published at, e.g. https://example.org/plans/")
    assert "Traceback" not in result.stdout + result.stderr and not (root / "site").exists()


def test_the_site_name_appears_once_in_every_title(addressed):
    for page in pages(addressed) + ["404.html", "cy/404.html"]:
        [title] = re.findall(r"<title>([^<]*)</title>", (addressed / page).read_text(encoding="utf-8"))
        name = "Cynlluniau clwstwr Cymru" if page.startswith("cy/") else "Cluster plans Wales"
        assert title.count(name) == 1, (page, title)
    assert re.findall(r"<title>([^<]*)</title>", (addressed / "index.html").read_text())[0] == "Cluster plans Wales"


def test_welsh_pages_footer_is_welsh(addressed):
    html = (addressed / "cy/index.html").read_text(encoding="utf-8")
    footer = html[html.index('<div class="md-copyright">'):]
    assert "Cynlluniau a gyhoeddwyd gan fyrddau iechyd Cymru a'u clystyrau gofal sylfaenol." in footer
    assert "Gwnaed gyda" in footer and "Made with" not in footer
    assert '<a href="https://squidfunk.github.io/mkdocs-material/" target="_blank" rel="noopener" lang="en">' in footer


def test_an_english_page_on_the_welsh_site_is_marked_english(unaddressed):
    # A hand-written page with no Welsh version is shown in English under a Welsh notice.
    html = (unaddressed / "cy/about-the-data/index.html").read_text(encoding="utf-8")
    assert re.search(r'<h1 id="about-the-data" lang="en">About the data', html)
    notice, english = html.split('<div lang="en">', 1)
    assert "Mae&#39;r dudalen hon ar gael yn Saesneg yn unig." in notice
    assert "<table>" in english and "Figures are as printed" in english


def test_a_boards_data_quality_page_goes_from_h1_to_h2(addressed):
    for page in ("betsi-cadwaladr/data-quality/index.html", "cy/betsi-cadwaladr/data-quality/index.html",
                 "data-quality/index.html"):
        html = (addressed / page).read_text(encoding="utf-8")
        article = html[html.index("<article"):html.index("</article>")]
        levels = [int(n) for n in re.findall(r"<h([1-6])", article)]
        assert levels[0] == 1 and all(b - a <= 1 for a, b in zip(levels, levels[1:])), (page, levels)


def spreadsheet_rows(path: Path) -> list[dict]:
    """The CSV as a spreadsheet opens it: UTF-8 told by its byte order mark."""
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_csv_downloads_open_in_a_spreadsheet_as_text_never_as_formulas(addressed):
    for path in (addressed / NEF_2023 / "activities.csv", addressed / "downloads/activities.csv"):
        rows = {row["id"]: row for row in spreadsheet_rows(path) if row["cluster"] == "north-east-flintshire"
                and row["year"] == "2023-24"}
        audiology = rows["audiology"]
        assert audiology["title"] == "'-Audiology £18,500"
        assert audiology["comments"] == "'=HYPERLINK(\"http://evil.example\",\"Click\"); @SUM(A1:A9)"
        for row in rows.values():
            for column, value in row.items():
                assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), (column, value)
        assert rows["frail-and-vulnerable"]["budget"] == "18500"
    # The JSON keeps the exact values.
    [audiology] = [r for r in json.loads((addressed / NEF_2023 / "activities.json").read_text(encoding="utf-8"))["activities"]
                   if r["id"] == "audiology"]
    assert audiology["title"] == "-Audiology £18,500"
    assert audiology["comments"] == "=HYPERLINK(\"http://evil.example\",\"Click\"); @SUM(A1:A9)"


def test_a_negative_amount_stays_a_number():
    from generator.render.downloads import spreadsheet_cell
    assert spreadsheet_cell("-1250.50") == "-1250.50"
    assert spreadsheet_cell("-1250.50+cmd") == "'-1250.50+cmd"
    assert spreadsheet_cell("\tTab") == "'\tTab"
    assert spreadsheet_cell("Audiology") == "Audiology"
