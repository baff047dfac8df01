"""The engine's hooks set the generator's finished HTML aside while MkDocs reads a page's Markdown: the
HTML made must be the same as when Python-Markdown reads it all, on every generated page."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import markdown
import pytest
import yaml
from mkdocs.utils.meta import get_data

from generator.engine import mkdocs as engine
from generator.engine import hooks as engine_hooks
from site_testing import GOLDEN

ROOT = Path(__file__).resolve().parents[1]


def read_as_mkdocs_does(text: str) -> str:
    settings = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names = list(engine.MKDOCS_OWN_EXTENSIONS)
    configs: dict[str, dict] = {}
    for entry in settings["markdown_extensions"]:
        name = entry if isinstance(entry, str) else next(iter(entry))
        if name not in names:
            names.append(name)
        if isinstance(entry, dict):
            configs[name] = entry[name] or {}
    return markdown.Markdown(extensions=names, extension_configs=configs).convert(text)


def with_hooks(source: str, uri: str) -> tuple[str, str]:
    """The page's HTML with the hooks, and the Markdown that Python-Markdown was given to read."""
    text, meta = get_data(source)
    page = SimpleNamespace(meta=meta, file=SimpleNamespace(src_uri=uri))
    read = engine_hooks.on_page_markdown(text, page=page)
    return engine_hooks.on_page_content(read_as_mkdocs_does(read), page=page), read


GENERATED = sorted(p for p in (GOLDEN / "docs").rglob("*.md") if "\ngenerated: true\n" in p.read_text(encoding="utf-8"))


def test_the_fixture_has_generated_pages_of_every_kind_in_both_languages():
    names = {p.relative_to(GOLDEN / "docs").as_posix() for p in GENERATED}
    assert "en/index.md" in names and "cy/index.md" in names
    assert "en/swansea-bay/upper-valleys/2022-23/index.md" in names
    assert "cy/betsi-cadwaladr/north-east-flintshire/changes/2022-23-to-2023-24/index.md" in names
    # The hand-written pages (the guide) are read by MkDocs as they are.
    assert "en/guide/index.md" not in names


@pytest.mark.parametrize("page", GENERATED, ids=lambda p: p.relative_to(GOLDEN / "docs").as_posix())
def test_a_generated_page_is_the_same_with_its_html_set_aside(page):
    source = page.read_text(encoding="utf-8")
    html, read = with_hooks(source, page.as_posix())
    assert html == read_as_mkdocs_does(get_data(source)[0])
    assert not engine_hooks._set_aside


def test_most_of_a_plan_page_is_not_read_again():
    source = (GOLDEN / "docs/en/swansea-bay/upper-valleys/2022-23/index.md").read_text(encoding="utf-8")
    _, read = with_hooks(source, "plan")
    assert len(read) < len(source) / 4
    assert "## Activities {: #activities }" in read  # headings are still MkDocs' to anchor


def test_a_page_not_marked_generated_is_read_as_it_is():
    text = '<div class="x">\n<p>kept</p>\n</div>\n\n## Heading\n'
    page = SimpleNamespace(meta={}, file=SimpleNamespace(src_uri="guide.md"))
    assert engine_hooks.on_page_markdown(text, page=page) == text


@pytest.mark.parametrize("block, finished", [
    ('<div class="cp-table-wrap">\n<table><tr><td>1</td></tr></table>\n</div>', True),
    ('<p class="cp-note">One note</p>', True),
    ('<section>\n<div><div>nested</div></div>\n</section>\n', True),
    # Elements side by side on one line: Python-Markdown puts each on a line of its own.
    ('<p>one</p><p>two</p>', False),
    ('<p>one</p>\n<div>two</div>', True),
    ('<div markdown="1">\n*Markdown inside*\n</div>', False),
    ('<span>inline</span>', False),
    ('<div>\nnot closed here', False),
    ('Text first <div>then</div>', False),
    ('## A heading', False),
    ('', False),
])
def test_which_blocks_are_finished_html(block, finished):
    assert engine_hooks.finished_html(block) is finished
