"""Prose: turn a plan's untrusted Markdown into safe HTML before the engine ever sees it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import markdown_it_pyrs
import nh3
from markdown_it import MarkdownIt
from markupsafe import escape

# Raw HTML in prose is shown as text (no html rules); the sanitiser is a second fence that also
# drops unsafe link schemes such as javascript: and data:.
# Sections are parsed by markdown-it's Rust port: the same CommonMark parser and footnote, table and
# strikethrough rules as markdown-it-py, an order of magnitude faster on a national corpus of prose.
_sections = markdown_it_pyrs.MarkdownIt("zero")
for _rule in ("blockquote", "code", "fence", "heading", "hr", "lheading", "list", "paragraph", "reference",
              "autolink", "backticks", "emphasis", "entity", "escape", "image", "link", "newline",
              "table", "strikethrough", "footnote"):
    _sections.enable(_rule)


def prose_parser() -> MarkdownIt:
    """markdown-it-py read as the site reads a plan's prose: CommonMark with tables and strikethrough,
    raw HTML as text. The documents, the link check and short fields read prose with it."""
    return MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])


# Short fields are rendered inline, which only markdown-it-py offers.
_inline = prose_parser()

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


# Raw HTML is escaped by the parser, so every heading tag in its output is one it made.
_HEADING_TAG = re.compile(r"<(/?)h([1-6])>")


def shift_headings(html: str) -> str:
    """A section file's '#' title becomes the page's section heading; its '##' become '###' and so on."""
    return _HEADING_TAG.sub(lambda m: f"<{m[1]}h{min(int(m[2]) + 1, 6)}>", html)


# A level-one heading: '#', spaces, then the title.
_TITLE = re.compile(r"^# +\S")


def title_at(lines: Sequence[str]) -> int | None:
    """Where a Markdown file's title is: its first line that is not empty, when that is a level-one
    heading ('# Achievements of the 2022/23 plan'). Section files and content pages are titled so."""
    for index, line in enumerate(lines):
        if line:
            return index if _TITLE.match(line) else None
    return None


def heading_text(line: str) -> str:
    """The words of a heading line: '# Title #' -> 'Title'."""
    return line[1:].strip().rstrip("#").strip()


def title_of(text: str) -> str | None:
    """A Markdown file's title (see title_at), or None when it has none."""
    lines = text.split("\n")
    at = title_at(lines)
    return None if at is None else heading_text(lines[at]) or None


# The line that opens or closes a fenced code block: three or more backticks or tildes.
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def outside_code(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    """Each line of a section, numbered from 1, that is read as Markdown: not a fenced code block's, nor its
    fences (what a code block holds is published as written, so no check of the text applies to it)."""
    fence = ""
    for number, line in enumerate(lines, 1):
        opened = _FENCE.match(line)
        if opened:
            marker = opened.group(1)[0]
            fence = "" if fence == marker else (fence or marker)
            continue
        if not fence:
            yield number, line


# An HTML comment in a section (<!-- to do -->) is a note to the plan's editors, hidden in every Markdown
# preview: it is not published, nor counted as the section's text. Its lines stay, blank, so that every line
# after it keeps its number.
_COMMENT = re.compile(r"<!--.*?-->", re.S)


def without_comments(text: str) -> str:
    """A section's text with its HTML comments taken out (their lines left blank)."""
    return _COMMENT.sub(lambda m: "\n" * m[0].count("\n"), text) if "<!--" in text else text


def render_markdown(text: str, id_prefix: str = "", link: Callable[[str], str] | None = None) -> RenderedProse:
    """A section's Markdown as safe HTML, its title apart; `link` rewrites each link's address (a page in
    another language reaches the shared downloads by another path)."""
    title = None
    lines = text.split("\n")
    at = title_at(lines)
    if at is not None:
        # The title becomes the section's heading on the page, so the body goes on without it.
        title = heading_text(lines[at]) or None
        text = "\n".join(lines[at + 1:])
    html = shift_headings(_sections.render(text)).replace('class="footnote-item">\n', 'class="footnote-item">')
    if id_prefix:
        # Footnote anchors must be unique when several sections share one page.
        html = html.replace('id="fn', f'id="{id_prefix}-fn').replace('href="#fn', f'href="#{id_prefix}-fn')
    rewrite = None if link is None else (
        lambda tag, attribute, value: link(value) if tag == "a" and attribute == "href" else value)
    clean = nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
                      link_rel="noopener noreferrer", attribute_filter=rewrite)
    return RenderedProse(title, clean.strip())


# Characters that can start Markdown or HTML markup in a short field; text without any of them
# is plain, and escaping it is all the rendering it needs.
_MARKUP = re.compile(r"[*_`\[\]<>&\\~!]|https?:")


@lru_cache(maxsize=65536)
def render_inline(text: str) -> str:
    """A short field (an activity description, a list item) with emphasis and links, made safe."""
    if not _MARKUP.search(text or ""):
        return str(escape(text or ""))
    html = _inline.renderInline(text or "")
    return nh3.clean(html, tags={"strong", "em", "a", "code", "del"}, attributes={"a": {"href", "title"}},
                     url_schemes=URL_SCHEMES, link_rel="noopener noreferrer")
