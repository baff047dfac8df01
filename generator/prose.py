"""Prose: turn a plan's untrusted Markdown into safe HTML before the engine ever sees it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import nh3
from markdown_it import MarkdownIt
from markupsafe import escape
from mdit_py_plugins.footnote import footnote_plugin

# Raw HTML in prose is shown as text (html=False); the sanitiser is a second fence that also
# drops unsafe link schemes such as javascript: and data:.
_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}) \
    .enable("table").enable("strikethrough").use(footnote_plugin)

ALLOWED_TAGS = {"p", "ul", "ol", "li", "strong", "em", "a", "h2", "h3", "h4", "h5", "h6", "blockquote",
                "table", "thead", "tbody", "tr", "th", "td", "code", "pre", "br", "hr", "del", "sup",
                "section", "div", "span"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "id"}, "li": {"id"}, "sup": {"id"},
                      "th": {"style", "scope"}, "td": {"style"}, "section": {"class"},
                      "ol": {"start"}, "div": {"class"}, "span": {"class"}, "hr": {"class"}}
URL_SCHEMES = {"http", "https", "mailto"}


@dataclass(frozen=True)
class RenderedProse:
    title: str | None
    html: str
    words: int


def _shift_headings(tokens) -> None:
    """A section file's '#' title becomes the page's section heading; its '##' become '###' and so on."""
    for tok in tokens:
        if tok.type in ("heading_open", "heading_close"):
            level = min(int(tok.tag[1]) + 1, 6)
            tok.tag = f"h{level}"


def render_markdown(text: str, id_prefix: str = "") -> RenderedProse:
    title = None
    lines = text.lstrip("\n").split("\n")
    if lines and re.match(r"^# +\S", lines[0]):
        title = lines[0][1:].strip().rstrip("#").strip()
        text = "\n".join(lines[1:])
    env: dict = {}
    tokens = _md.parse(text, env)
    _shift_headings(tokens)
    html = _md.renderer.render(tokens, _md.options, env)
    if id_prefix:
        # Footnote anchors must be unique when several sections share one page.
        html = html.replace('id="fn', f'id="{id_prefix}-fn').replace('href="#fn', f'href="#{id_prefix}-fn')
    clean = nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
                      link_rel="noopener noreferrer")
    words = len(re.findall(r"\w+", text))
    return RenderedProse(title, clean.strip(), words)


# Characters that can start Markdown or HTML markup in a short field; text without any of them
# is plain, and escaping it is all the rendering it needs.
_MARKUP = re.compile(r"[*_`\[\]<>&\\~!]|https?:")


@lru_cache(maxsize=65536)
def render_inline(text: str) -> str:
    """A short field (an activity description, a list item) with emphasis and links, made safe."""
    if not _MARKUP.search(text or ""):
        return str(escape(text or ""))
    html = _md.renderInline(text or "")
    return nh3.clean(html, tags={"strong", "em", "a", "code", "del"}, attributes={"a": {"href", "title"}},
                     url_schemes=URL_SCHEMES, link_rel="noopener noreferrer")
