"""Anchors of a hand-written page: the ids its Markdown gives it once built, read without the engine.

MkDocs gives each heading the id its `toc` extension makes of the heading's words (or the one written
after it, `{: #id }`), and keeps the ids of HTML written in the page. `validate` reads them here, so it
checks a link to a part of the leads' guide without loading the engine; the suite holds the result to
the engine's own reading of every content page (tests/site/test_site_pages.py).
"""

from __future__ import annotations

import html
import re
import unicodedata

from markdown_it import MarkdownIt

_markdown = MarkdownIt("commonmark", {"html": True}).enable("table")

# An id set by attr_list at the end of a block: `{: #where-plans-live }` or `{#where-plans-live}`.
_ATTR_ID = re.compile(r"\{:?[^}]*?#([\w-]+)[^}]*\}\s*$")
# An id in a tag of the page's own HTML.
_TAG_ID = re.compile(r'<[a-zA-Z][^<>]*?\sid="([^"]+)"')
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def heading_slug(words: str, separator: str = "-") -> str:
    """The id Python-Markdown's toc extension gives a heading: accents dropped, punctuation removed,
    lower case, spaces joined by the separator."""
    value = unicodedata.normalize("NFKD", words).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(rf"[{separator}\s]+", separator, value)


def page_anchors(text: str) -> set[str]:
    """Every id a Markdown page carries once built: its headings' and those of its own HTML."""
    ids: set[str] = set()
    taken: list[str] = []
    tokens = _markdown.parse(_FRONT_MATTER.sub("", text))
    for index, token in enumerate(tokens):
        if token.type == "html_block":
            ids |= set(_TAG_ID.findall(token.content))
        elif token.type == "inline":
            ids |= set(_TAG_ID.findall(token.content))
            if index and tokens[index - 1].type == "heading_open":
                taken.append(_heading_id(token.content, taken))
            else:
                written = _ATTR_ID.search(token.content)
                if written:
                    ids.add(written[1])
    return ids | set(taken)


def _heading_id(content: str, taken: list[str]) -> str:
    written = _ATTR_ID.search(content)
    if written:
        return written[1]
    words = html.unescape(re.sub(r"<[^>]+>", "", _markdown.renderInline(content)))
    slug = base = heading_slug(words)
    # toc keeps ids unique on a page: a second "Example" heading is example_1, a third example_2.
    number = 0
    while slug in taken or not slug:
        number += 1
        slug = f"{base}_{number}"
    return slug
