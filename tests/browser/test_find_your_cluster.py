"""Finding your cluster as a visitor does: by a town, community or GP practice the registry names for it
(cluster.yaml), on its page and in search, in both languages."""

from __future__ import annotations

import pytest
import yaml

from site_testing import PROJECT
from test_search import entries, typed


UV_PAGE = "swansea-bay/upper-valleys/"


def every_link(page, query: str) -> list[str]:
    """The address of every entry and every part beneath one, after typing `query` into the search box of the
    page that is open and showing all its results."""
    typed(page, query)
    return page.eval_on_selector_all(".md-search-result__list a", "links => links.map(a => new URL(a.href).pathname)")


def places_of(root) -> dict[str, list[str]]:
    """Each cluster's page (board/cluster/) and the names of its towns, communities and practices."""
    found = {}
    for path in sorted((root / "clusters").glob("*/*/cluster.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        names = [p if isinstance(p, str) else p["name"] for p in data.get("communities", []) + data.get("practices", [])]
        if names:
            found[f"{path.parent.parent.name}/{path.parent.name}/"] = names
    return found


@pytest.mark.parametrize("language", ["", "cy/"])
def test_the_cluster_page_lists_its_wards(page, base_url, language):
    page.goto(base_url + language + UV_PAGE)
    identity = page.inner_text(".cp-identity")
    assert ("Trefi a chymunedau" if language else "Towns and communities") in identity
    assert "Lower Brynamman, Gwaun-Cae-Gurwen, Cwmllynfell" in identity and "Blaengwrach" in identity
    # No list at all where the registry names none (not an empty heading).
    page.goto(base_url + language + "betsi-cadwaladr/north-east-flintshire/")
    assert "Towns and communities" not in page.inner_text(".cp-identity")


@pytest.mark.parametrize("language", ["", "cy/"])
def test_search_finds_the_cluster_by_each_of_its_wards(page, base_url, language):
    wards = places_of(PROJECT / "tests" / "fixtures" / "repo")[UV_PAGE]
    assert len(wards) == 14
    missing = []
    # Searched one after the other from the home page, as a visitor tries one name, then the next.
    page.goto(base_url + language)
    for ward in wards:
        if "/" + language + UV_PAGE not in every_link(page, ward):
            missing.append(ward)
    assert missing == []


# Each cluster's places are searched for on their own, so that the clusters can be searched side by side.
REAL_PLACES = places_of(PROJECT)


def test_the_real_clusters_name_their_places():
    assert "betsi-cadwaladr/central-wrexham/" in REAL_PLACES


@pytest.mark.parametrize("cluster", REAL_PLACES)
def test_every_real_town_and_practice_finds_its_cluster(real_base_url, page, cluster):
    missing = []
    for language in ("", "cy/"):
        page.goto(real_base_url + language)
        for name in REAL_PLACES[cluster]:
            if "/" + language + cluster not in every_link(page, name):
                missing.append((language, name, cluster))
    assert missing == []


def test_wrexham_town_leads_to_central_wrexham(real_base_url, page):
    """The search a Wrexham resident types: the town's own cluster comes first, not the data-quality pages."""
    page.goto(real_base_url + "?q=Wrexham town")
    shown = entries(page)
    assert shown[0].startswith("/betsi-cadwaladr/central-wrexham/"), shown
