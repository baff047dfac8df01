"""Finding your cluster as a visitor does: by a town, community or GP practice the registry names for it
(cluster.yaml), on its page and in search, in both languages."""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading

import pytest
import yaml

from site_testing import PROJECT
from test_search import entries

UV_PAGE = "swansea-bay/upper-valleys/"


def every_link(page) -> list[str]:
    """The address of every entry and every part beneath one, after showing them all."""
    entries(page)
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
    for ward in wards:
        page.goto(base_url + language + "?q=" + ward)
        if "/" + language + UV_PAGE not in every_link(page):
            missing.append(ward)
    assert missing == []


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def real_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("real-places") / "site"
    result = subprocess.run([sys.executable, "-m", "generator", "build", "--root", str(PROJECT), "--site-dir", str(out)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_every_real_town_and_practice_finds_its_cluster(real_site, page):
    places = places_of(PROJECT)
    assert "betsi-cadwaladr/central-wrexham/" in places
    missing = []
    for cluster, names in places.items():
        for language in ("", "cy/"):
            for name in names:
                page.goto(real_site + language + "?q=" + name)
                if "/" + language + cluster not in every_link(page):
                    missing.append((language, name, cluster))
    assert missing == []


def test_wrexham_town_leads_to_central_wrexham(real_site, page):
    """The search a Wrexham resident types: the town's own cluster comes first, not the data-quality pages."""
    page.goto(real_site + "?q=Wrexham town")
    shown = entries(page)
    assert shown[0].startswith("/betsi-cadwaladr/central-wrexham/"), shown
