"""MkDocs hooks (loaded by the engine's configuration): the generator's HTML passes through MkDocs as it is.

A generated page is mostly HTML the templates have finished: tables, flags, the plan on a page, the
prose already rendered from Markdown. Python-Markdown would parse every tag of it again only to find
where each block ends and then copy it out unchanged: on a national site, two thirds of MkDocs' time.
So, on a page whose front matter says `generated: true`, each such block is set aside before the
Markdown is read, a one-line placeholder read in its place, and the block put back into the HTML made.
The page is the same, byte for byte; the headings and their anchors are still MkDocs' own.
"""

from __future__ import annotations

import re
from typing import Any

from markdown.util import BLOCK_LEVEL_ELEMENTS

# Blank lines, which end a block of the page.
_BLOCKS = re.compile(r"(\n{2,})")
_OPENING = re.compile(r"<([a-z][a-z0-9]*)[\s>]")
_PLACEHOLDER = '<div data-cp-block="{}"></div>'
_PLACED = re.compile(r'<div data-cp-block="(\d+)"></div>')
_BLOCK_LEVEL = frozenset(BLOCK_LEVEL_ELEMENTS)

# The blocks set aside, by page, from its Markdown being read to its HTML being made.
_set_aside: dict[str, list[str]] = {}


def finished_html(block: str) -> bool:
    """Whether Python-Markdown would copy `block` out unchanged: whole elements of a block-level kind,
    each beginning a line and ending one, none asking for Markdown inside (markdown="1"). (Elements
    side by side on one line it would set on lines of their own, so those are left to it.)"""
    block = block.rstrip()
    if not block or "markdown=" in block:
        return False
    at = 0
    while at < len(block):
        end = _element_end(block, at)
        if end is None:
            return False
        if end < len(block) and block[end] != "\n":
            return False
        at = end + 1
    return True


def _element_end(block: str, at: int) -> int | None:
    """Where the block-level element that begins at `at` ends, or None if none begins there or it does
    not end within the block."""
    opening = _OPENING.match(block, at)
    if not opening or opening[1] not in _BLOCK_LEVEL:
        return None
    depth = 0
    for tag in re.compile(rf"<(/?){opening[1]}[\s>]").finditer(block, at):
        depth += -1 if tag[1] else 1
        if depth == 0:
            return tag.end()
    return None


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    if not page.meta.get("generated"):
        return markdown
    # The blocks at even places, the blank lines between them at odd ones.
    pieces = _BLOCKS.split(markdown)
    aside: list[str] = []
    for i in range(0, len(pieces), 2):
        if finished_html(pieces[i]):
            block = pieces[i].rstrip()
            pieces[i] = _PLACEHOLDER.format(len(aside)) + pieces[i][len(block):]
            aside.append(block)
    if not aside:
        return markdown
    _set_aside[page.file.src_uri] = aside
    return "".join(pieces)


def on_page_content(html: str, page: Any, **_: Any) -> str:
    aside = _set_aside.pop(page.file.src_uri, None)
    if aside is None:
        return html
    return _PLACED.sub(lambda m: aside[int(m[1])], html)
