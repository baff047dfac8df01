"""The generator's HTML passes through the engine as it is: a Python-Markdown extension, which MkDocs and
its successor Zensical both load from mkdocs.yml's `markdown_extensions`.

A generated page is mostly HTML the templates have finished: tables, flags, the plan on a page, the
prose already rendered from Markdown. Python-Markdown would parse every tag of it again only to find
where each block ends and then copy it out unchanged: on a national site, two thirds of MkDocs' time.
So each such block is handed to Python-Markdown's own store of raw HTML before its parsers see it, as
its raw-HTML reader would have stored it, and comes out where it was, unchanged. The headings and their
anchors are still the engine's own, and a block that asks for Markdown inside (markdown="1") is read.
"""

from __future__ import annotations

import re

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.util import BLOCK_LEVEL_ELEMENTS

# Blank lines, which end a block of the page.
_BLOCKS = re.compile(r"(\n{2,})")
_OPENING = re.compile(r"<([a-z][a-z0-9]*)[\s>]")
_BLOCK_LEVEL = frozenset(BLOCK_LEVEL_ELEMENTS)
# After the preprocessor that normalises whitespace (30), before the one that reads raw HTML (20).
PRIORITY = 25


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


class FinishedHtml(Preprocessor):
    """Stores each finished block of HTML as raw HTML, leaving a placeholder paragraph in its place."""

    def run(self, lines: list[str]) -> list[str]:
        pieces = _BLOCKS.split("\n".join(lines))
        stored = False
        # The blocks at even places, the blank lines between them at odd ones.
        for i in range(0, len(pieces), 2):
            if finished_html(pieces[i]):
                block = pieces[i].rstrip()
                rest = pieces[i][len(block):]
                # As Python-Markdown's raw-HTML reader stores a block: with its line's end when a blank line
                # follows it (the HTML made has the same line breaks either way).
                ends_line = i + 1 < len(pieces) and rest.strip(" ") == ""
                pieces[i] = self.md.htmlStash.store(block + ("\n" if ends_line else "")) + rest
                stored = True
        return "".join(pieces).split("\n") if stored else lines


class PassThroughExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(FinishedHtml(md), "cluster_plans_finished_html", PRIORITY)


def makeExtension(**kwargs: object) -> PassThroughExtension:  # the name Python-Markdown looks for
    return PassThroughExtension(**kwargs)
