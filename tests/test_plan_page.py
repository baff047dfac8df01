"""The plan page's anchors, which `validate` knows before anything is built (generator/sitemap/plan_page.py),
are the ids the page is rendered with, for every plan of the fixture and of the real content, in every
language. The ids are read from the rendered Markdown as the engine reads them (tests/test_anchors.py);
tests/site/test_site_pages.py holds the fixture's built pages to the same list."""

from __future__ import annotations

from pathlib import Path

import pytest
from plan_testing import FIXTURE_REPO, REAL_REPO

from generator.checks.validate import validate
from generator.core import i18n
from generator.core.languages import LANGUAGES
from generator.render.renderer import Renderer, SiteContext
from generator.sitemap.anchors import page_anchors
from generator.sitemap.pages import PLAN, SitePages
from generator.sitemap.plan_page import PLAN_PARTS, READING_ORDER, plan_parts

TEMPLATES = REAL_REPO / "templates"
CONTENT = REAL_REPO / "content"


def rendered_anchors(root: Path) -> dict[str, tuple[set[str], frozenset[str] | None]]:
    """Each plan page of the repository at `root`: the ids it is rendered with, and those the site map gives it."""
    repository = validate(root).repository
    context = SiteContext(repository, CONTENT, TEMPLATES, i18n.words())
    pages = SitePages(repository, CONTENT)
    out = {}
    for language in LANGUAGES:
        renderer = Renderer(context, language)
        for cluster in repository.clusters:
            for page in pages.cluster(cluster, language):
                if page.kind == PLAN:
                    content = renderer.page(page).content
                    text = content if isinstance(content, str) else content.decode("utf-8")
                    out[page.address] = (page_anchors(text), pages.anchors(page))
    return out


@pytest.mark.parametrize("root", [FIXTURE_REPO, REAL_REPO], ids=["fixture", "real"])
def test_a_plan_page_carries_the_anchors_the_site_map_gives_it(root: Path):
    anchors = rendered_anchors(root)
    assert anchors
    for address, (rendered, known) in anchors.items():
        assert rendered == known, address


def test_every_part_of_the_plan_page_is_shown_by_some_plan():
    """So the comparison above holds each part's id and the plans it is shown for to the page."""
    shown = {name for root in (FIXTURE_REPO, REAL_REPO) for plan in validate(root).repository.plans
             for name in plan_parts(plan)}
    assert shown == {part.name for part in PLAN_PARTS}


def test_each_block_has_its_place_in_the_reading_order():
    blocks = {name[1:] for name in READING_ORDER if name.startswith("@")}
    assert blocks == {part.name for part in PLAN_PARTS} - {"title", "notes"}
