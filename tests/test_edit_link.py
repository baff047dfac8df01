"""Plan pages link to the online editor only where it can save: where cms.yml names the repository."""

from __future__ import annotations

import html

import pytest

from generator.checks.validate import validate
from generator.core import i18n
from generator.pipeline import extensions
from generator.render.renderer import Renderer, SiteContext
from plan_testing import REAL_REPO

NEF = "clusters/betsi-cadwaladr/north-east-flintshire/2023-24"


@pytest.mark.parametrize("settings, editor", [
    (None, None),
    ("branch: main\n", None),
    ("repo: betsi-cadwaladr/cluster-plans\n", "admin/"),
])
def test_the_editor_is_linked_only_where_cms_yml_names_the_repository(tmp_path, settings, editor):
    if settings is not None:
        (tmp_path / "cms.yml").write_text(settings, encoding="utf-8")
    assert extensions.plan_editor(tmp_path) == editor


def test_a_cms_yml_in_error_gives_no_link_and_is_left_to_the_editor_to_report(tmp_path):
    (tmp_path / "cms.yml").write_text("repo: [not, text]\n", encoding="utf-8")
    assert extensions.plan_editor(tmp_path) is None


def plan_page(editor: str | None, language: str) -> str:
    validation = validate(REAL_REPO, [REAL_REPO / NEF])
    ctx = SiteContext(validation.repository, REAL_REPO / "content", REAL_REPO / "templates",
                      i18n.words(), plan_editor=editor)
    cluster = next(c for c in validation.repository.clusters if c.cluster.slug == "north-east-flintshire")
    pages = Renderer(ctx, language).cluster_pages(cluster)
    return next(html.unescape(str(page.content)) for page in pages if page.path.endswith("north-east-flintshire/2023-24/index.md"))


@pytest.mark.parametrize("language, words", [("en", "Edit this plan"), ("cy", "Golygu'r cynllun hwn")])
def test_a_plan_page_links_to_its_form_in_the_editor_only_where_there_is_one(language, words):
    with_editor = plan_page("admin/", language)
    assert f"admin/?plan=betsi-cadwaladr-north-east-flintshire-2023-24\"" in with_editor
    assert words in with_editor
    without = plan_page(None, language)
    assert words not in without and "admin/" not in without
    # The rest of the line of links is the same.
    assert "activities.csv" in without and "on-a-page/" in without
