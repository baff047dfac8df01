"""A Word document read as a lead's tools show it: its headings, and under each the paragraphs and tables, every
table cell a list of lines. Each part knows its place in the document (heading, table, row, cell, paragraph), so
that whatever the import cannot place is reported there.

The marks the compiled document puts beside a source error (⚠3) are its own, not the plan's words: they are set
aside, as are the cover and the table of contents, which the plan does not hold."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from docx import Document as open_docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

from generator.problems import catalogue as C
from generator.problems.report import Phrase

MARK = re.compile(r"\s*⚠\d+")
NOTE = re.compile(r"\s*⚠\d+ ")
# Paragraph styles of the compiled document's own furniture, never the plan's words.
FURNITURE = ("Title", "Subtitle", "TOC Heading")


class NotAWordDocument(Exception):
    """The file is not a Word document (.docx) python-docx can open: said in words."""


@dataclass(frozen=True)
class WordPlace:
    """Where something is in the Word document, as a lead finds it there."""
    heading: str
    table: int | None = None          # the table's number in the document, from 1
    row: int | None = None            # from 1, the header row being 1
    cell: int | None = None           # the column, from 1
    paragraph: int | None = None      # the paragraph's number under its heading, from 1

    def phrase(self) -> Phrase:
        """The place said in the language a problem is printed in."""
        values = {name: str(value) for name, value in (("table", self.table), ("row", self.row), ("cell", self.cell),
                                                        ("paragraph", self.paragraph)) if value is not None}
        return C.WORD_PLACE(heading=self.heading, **values) if self.heading else C.WORD_PLACE_FIRST(**values)

    def __str__(self) -> str:
        where = [f"under the heading '{self.heading}'" if self.heading else "before the first heading"]
        if self.table is not None:
            where.append(f"table {self.table}")
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.cell is not None:
            where.append(f"cell {self.cell}")
        if self.paragraph is not None:
            where.append(f"paragraph {self.paragraph}")
        return ", ".join(where)


@dataclass
class WordTable:
    number: int
    caption: str
    rows: list[list[list[str]]]       # row -> cell -> lines

    def cell_text(self, row: int, cell: int) -> str:
        lines = self.rows[row][cell] if row < len(self.rows) and cell < len(self.rows[row]) else []
        return " ".join(line for line in lines if line)


@dataclass
class WordSection:
    heading: str
    level: int
    paragraphs: list[str] = field(default_factory=list)
    tables: list[WordTable] = field(default_factory=list)
    # Whether each paragraph is an item of a list (Word's List Bullet and List Number styles).
    listed: list[bool] = field(default_factory=list)
    # The compiled document's notes on the source's errors (⚠3 Note 3 · ...), which the plan's known issues make.
    notes: list[str] = field(default_factory=list)


@dataclass
class Reading:
    title: str
    sections: list[WordSection]

    def find(self, heading: str, nth: int = 0) -> WordSection | None:
        found = [s for s in self.sections if s.heading == heading]
        return found[nth] if nth < len(found) else None


def plain(text: str) -> str:
    """A paragraph's or cell's words without the document's marks and with single spaces."""
    return " ".join(MARK.sub("", text).split())


def read_docx(data: bytes) -> Reading:
    try:
        document = open_docx(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise NotAWordDocument("it is not a Word document (.docx): open it in Word and save it as .docx") from None
    sections = [WordSection("", 0)]
    caption = ""
    tables = 0
    # Each paragraph's style by its id, looked up once: python-docx searches the styles part on every call.
    names = {style.style_id: style.name or "" for style in document.styles if style.type == WD_STYLE_TYPE.PARAGRAPH}
    default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    unstyled = default.name or "" if default is not None else ""
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = DocxParagraph(child, document)
            style = names.get(child.style, unstyled) if child.style else unstyled
            text = plain(paragraph.text)
            if style.startswith("Heading") and text:
                level = int(style.split()[-1]) if style.split()[-1].isdigit() else 1
                sections.append(WordSection(text, level))
            elif style == "Caption":
                caption = text
            elif style in FURNITURE or _is_contents(child) or not text:
                continue
            elif NOTE.match(paragraph.text):
                sections[-1].notes.append(text)
            else:
                sections[-1].paragraphs.append(text)
                sections[-1].listed.append(style.startswith("List"))
        elif tag == "tbl":
            tables += 1
            table = DocxTable(child, document)
            rows = [[[plain(p.text) for p in cell.paragraphs] for cell in _cells(row)] for row in table.rows]
            sections[-1].tables.append(WordTable(tables, caption, rows))
            caption = ""
    title = next((s.heading for s in sections if s.level == 1), "")
    return Reading(title, sections)


def _cells(row) -> list:
    """A row's cells, each once however many columns it spans."""
    seen, cells = set(), []
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            cells.append(cell)
    return cells


def _is_contents(element) -> bool:
    """The table of contents field the compiled document opens with."""
    return any("TOC" in (node.text or "") for node in element.iter() if node.tag.endswith("}instrText"))
