"""The published site carries the real plans: facts taken from the source documents appear on each plan's page.

The facts are pinned here, read off the source documents once; the list of plans is not, so that a
lead adding or changing a plan never has to edit this file.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from generator.checks.validate import validate
from site_testing import PROJECT

# For each plan taken from a source document: facts read off that document (lead, figures, activities,
# referral counts), misprints included as printed.
FACTS = {
    "betsi-cadwaladr/south-wrexham/2022-23": ["Dr Alison Hughes", "656", "Cluster Hub – Plas yn Rhos"],
    "betsi-cadwaladr/central-wrexham/2022-23": ["Dr Phillip Alstead", "2569", "Home visiting"],
    "betsi-cadwaladr/north-west-wrexham/2022-23": ["Dr Peter Collin", "1150", "Allied professionals"],
    "betsi-cadwaladr/south-flintshire/2022-23": ["Dr Jo Parry-James", "617", "£54,000"],
    "betsi-cadwaladr/north-east-flintshire/2022-23": ["Dr Angharad Fletcher", "485", "First Contact Physiotherapist"],
    "betsi-cadwaladr/north-east-flintshire/2023-24": ["Dr Angharad Fletcher", "£77,0194.24", "Audiology",
                                                     "WTE 21.41"],
    "betsi-cadwaladr/north-west-flintshire/2022-23": ["Dr Bisola Ekwueme", "Waiting List initiative",
                                                     "Diabetes specialist service"],
    "betsi-cadwaladr/central-and-south-denbighshire/2022-23": ["Dr Matthew Davies", "£40,000", "My Surgery App"],
    "betsi-cadwaladr/north-denbighshire/2022-23": ["Dr Jane Bellamy", "£72,,000", "Mental Health Crisis Service"],
    "betsi-cadwaladr/conwy-east/2022-23": ["Dr J Williamson", "£79,083", "Occupational Therapy Service"],
    "betsi-cadwaladr/conwy-west/2022-23": ["Geraint Davies", "£129,369", "MY LIFE"],
    "betsi-cadwaladr/arfon/2022-23": ["Dr Nia Hughes", "£393,258", "COVID recovery"],
    "betsi-cadwaladr/dwyfor/2022-23": ["Dr Eilir Hughes", "£246,566", "£690"],
    "betsi-cadwaladr/meirionnydd/2022-23": ["Dr Jonathan Butcher", "£135,000", "Develop Frailty project"],
    "betsi-cadwaladr/anglesey/2022-23": ["Dr Dyfrig ap Dafydd", "£437,434", "Advanced Physiotherapist"],
    "swansea-bay/upper-valleys/2022-23": ["Dr Rebecca Jones", "£33,768", "Improving Unscheduled Care",
                                          "9.4%"],
}


@pytest.fixture(scope="module")
def site(real_site) -> Path:
    return real_site


def page_text(site: Path, plan: str) -> str:
    raw = (site / plan / "index.html").read_text(encoding="utf-8")
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", raw)))


def repository_plans() -> set[str]:
    return {p.parent.relative_to(PROJECT / "clusters").as_posix()
            for p in (PROJECT / "clusters").glob("*/*/*/plan.yaml")}


def test_the_repository_validates_with_no_errors():
    result = validate(PROJECT)
    assert result.report.errors == []
    assert {p.folder.removeprefix("clusters/") for p in result.repository.plans} == repository_plans()


def test_the_plans_of_the_source_documents_are_all_in_the_repository():
    assert set(FACTS) <= repository_plans()


def test_every_plan_of_the_repository_has_its_pages(site):
    for plan in sorted(repository_plans()):
        for page in ("", "on-a-page/", "cy/"):
            folder = site / "cy" / plan if page == "cy/" else site / plan / page
            assert (folder / "index.html").is_file(), f"no page {folder.relative_to(site)}"


@pytest.mark.parametrize("plan", sorted(FACTS))
def test_facts_of_the_source_are_on_the_plan_page(site, plan):
    text = page_text(site, plan)
    for fact in FACTS[plan]:
        assert fact in text, f"{fact!r} missing from the page of {plan}"


def test_source_misprints_are_shown_with_a_data_quality_note(site):
    text = page_text(site, "betsi-cadwaladr/north-east-flintshire/2023-24")
    assert "£77,0194.24 (as printed in the source)" in text
    assert "Notes on the source document" in text
    quality = page_text(site, "betsi-cadwaladr/data-quality")
    assert "£72,,000" in quality and "Known issue of the source" in quality


def test_the_same_activity_is_followed_across_years(site):
    changes = page_text(site, "betsi-cadwaladr/north-east-flintshire/changes/2022-23-to-2023-24")
    assert "Improving access" in changes and "Audiology" in changes


def test_every_plan_points_editors_to_the_schema():
    header = "# yaml-language-server: $schema=../../../../schema/plan.schema.json"
    for plan in sorted((PROJECT / "clusters").glob("*/*/*/plan.yaml")):
        assert plan.read_text(encoding="utf-8").splitlines()[0] == header, plan
    assert (PROJECT / "schema" / "plan.schema.json").is_file()
