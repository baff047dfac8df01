"""The engine's Markdown extension hands the generator's finished HTML to Python-Markdown's store of raw
HTML before its parsers read it: every page, generated or hand-written, must come out the same as when
Python-Markdown reads it all, and most of a generated page must not be read again."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
import yaml
from mkdocs.utils.meta import get_data

from generator.engine import mkdocs as engine
from generator.engine import passthrough
from site_testing import GOLDEN

ROOT = Path(__file__).resolve().parents[1]


def read_as_mkdocs_does(text: str, extra: tuple[str, ...] = ()) -> str:
    settings = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names = [*extra, *engine.MKDOCS_OWN_EXTENSIONS]
    configs: dict[str, dict] = {}
    for entry in settings["markdown_extensions"]:
        name = entry if isinstance(entry, str) else next(iter(entry))
        if name not in names:
            names.append(name)
        if isinstance(entry, dict):
            configs[name] = entry[name] or {}
    return markdown.Markdown(extensions=names, extension_configs=configs).convert(text)


PAGES = sorted((GOLDEN / "docs").rglob("*.md"))


def test_the_fixture_has_pages_of_every_kind_in_both_languages():
    names = {p.relative_to(GOLDEN / "docs").as_posix() for p in PAGES}
    assert {"en/index.md", "cy/index.md", "en/swansea-bay/upper-valleys/2022-23/index.md",
            "cy/betsi-cadwaladr/north-east-flintshire/changes/2022-23-to-2023-24/index.md",
            "en/guide/index.md"} <= names


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(GOLDEN / "docs").as_posix())
def test_a_page_is_the_same_with_its_finished_html_passed_through(page):
    text = get_data(page.read_text(encoding="utf-8"))[0]
    assert read_as_mkdocs_does(text, (engine.PASSTHROUGH,)) == read_as_mkdocs_does(text)


def test_most_of_a_plan_page_is_not_read_again():
    text = get_data((GOLDEN / "docs/en/swansea-bay/upper-valleys/2022-23/index.md").read_text(encoding="utf-8"))[0]
    md = markdown.Markdown(extensions=[engine.PASSTHROUGH])
    read = "\n".join(passthrough.FinishedHtml(md).run(text.split("\n")))
    assert len(read) < len(text) / 4
    assert "## Activities {: #activities }" in read  # headings are still the engine's to anchor


def test_the_engine_is_given_the_extension():
    config = engine.engine_config(engine.EngineConfig(ROOT, ROOT / "mkdocs.yml", ROOT / "templates",
                                                      ROOT / "content"), ROOT / "docs", ROOT / "site", None)
    assert config["markdown_extensions"][0] == engine.PASSTHROUGH
    assert "hooks" not in config  # Zensical ignores MkDocs hooks; an extension both engines load


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
    assert passthrough.finished_html(block) is finished
