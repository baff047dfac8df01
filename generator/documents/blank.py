"""A blank plan in the national template's shape, for a board to send to its clusters as a Word file: the
sections' headings in the order the compiled plans have them, the activity table with its columns and empty
rows, and the finance table. What a lead writes under each heading comes back with `cluster-plans import`.

The guidance is on the cover, which an import sets aside, never in the body, where a lead's words would be
mistaken for it."""

from __future__ import annotations

from generator.core.years import preceding, start_of
from generator.documents.blocks import Block, Cell, Cover, Document, Heading, PageBreak, Run, Table
from generator.documents.plan_parts import CLOSING, LOOKING_AHEAD, LOOKING_BACK, OPENING, Words

ACTIVITY_KEYS = ("title", "origin", "description", "results", "ministerial", "sppc", "budget", "funding", "status",
                 "comments")
EMPTY_ROWS = 5


def blank_plan(words: Words, language: str, year: str, date: tuple[int, int, int]) -> Document:
    title = words("document.blank_title")
    blocks: list[Block] = [Heading(1, title)]
    for name in OPENING[:1] + ("key-actions",) + LOOKING_BACK[1:]:
        blocks.append(Heading(2, words(f"cms.section.{name}")))
    blocks.append(Heading(2, words("cms.section.finance")))
    blocks.append(_table(words("finance.caption"), [words("document.finance_item"), words("document.finance_amount")],
                         [[words("finance.allocation"), ""]] + [["", ""]] * EMPTY_ROWS +
                         [[words("document.finance_total"), ""]], [3.0, 1.2]))
    blocks.append(Heading(2, words("cms.section.workforce")))
    for name in LOOKING_AHEAD:
        blocks.append(Heading(2, words(f"cms.section.{name}")))
    blocks.append(PageBreak())
    blocks.append(Heading(2, words("document.activities", year=year, previous=preceding(year))))
    columns = [words(f"document.activity.{key}", end=start_of(year) + 1) for key in ACTIVITY_KEYS]
    blocks.append(_table(words("document.blank_activities"), columns, [[""] * len(columns)] * EMPTY_ROWS,
                         [1.5, 1.1, 1.8, 1.9, 1.2, 1.2, 0.9, 1.0, 1.0, 1.5], landscape=True))
    for name in CLOSING[:2]:
        blocks.append(Heading(2, words(f"cms.section.{name}")))
    cover = Cover("", None, title, words("document.blank_guidance", year=year))
    return Document(title, language, "", cover, {key: words(f"document.{key}") for key in
                                                 ("contents", "page", "source_error_notes")},
                    blocks, contents=False, date=date)


def _table(caption: str, columns: list[str], rows: list[list[str]], widths: list[float],
           landscape: bool = False) -> Table:
    return Table(caption, columns, [[Cell([[Run(text)]] if text else [[]]) for text in row] for row in rows],
                 widths, landscape=landscape, small=landscape)
