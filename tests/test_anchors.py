"""The ids validate reads from a hand-written page's Markdown are those MkDocs gives it, for headings of
every kind a guide writer might type."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.engine.mkdocs import page_ids
from generator.sitemap.anchors import heading_slug, page_anchors

CONFIG = Path(__file__).resolve().parents[1] / "mkdocs.yml"

PAGES = [
    "# Guide\n\n## Where a plan is kept\n\ntext\n\n## Where a plan is kept\n\n## Where a plan is kept\n",
    "# Canllaw\n\n## Gŵyl iechyd a llesiant\n\n## Beth sy'n newid? (2023–24)\n\n## Côd & “dyfyniadau”\n",
    "## The `plan.yaml` file, *briefly*\n\n## Links: [the site](https://example.org/) &amp; more\n",
    "## Chosen id {: #chosen }\n\n## Another {#other}\n\nA paragraph.\n{: #para-id }\n",
    '<div id="raw-block" markdown="1">\n\n## Inside html\n\n</div>\n\n<span id="inline-one">x</span> text\n',
    "Setext heading\n==============\n\nSecond\n------\n\n### 100% done!\n\n#### ---\n",
    "---\ntitle: Front matter\n---\n\n# After front matter\n",
]


@pytest.mark.parametrize("text", PAGES)
def test_page_anchors_are_the_engines(text):
    assert page_anchors(text) == page_ids(text, CONFIG)


def test_heading_slugs_read_as_the_words():
    assert heading_slug("Gŵyl iechyd a llesiant") == "gwyl-iechyd-a-llesiant"
    assert heading_slug("Beth sy'n newid? (2023–24)") == "beth-syn-newid-202324"
