"""The parts a document is made of (headings, paragraphs, lists, tables, notes), which every writer reads."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, Union


@dataclass(frozen=True)
class Run:
    """A stretch of text with one look: plain, bold or italic, perhaps a link."""
    text: str
    bold: bool = False
    italic: bool = False
    link: str | None = None


@dataclass
class Heading:
    level: int
    text: str
    lang: str | None = None          # set when it differs from the document's language
    outlined: bool = True            # in the contents and the bookmarks
    anchor: str | None = None
    kind: str = field(default="heading", init=False)


@dataclass
class Paragraph:
    runs: list[Run]
    lang: str | None = None
    style: str = "body"              # body, signature, note, intro
    kind: str = field(default="paragraph", init=False)


@dataclass
class ListItem:
    body: list["Block"]


@dataclass
class ListBlock:
    items: list[ListItem]
    ordered: bool = False
    start: int = 1
    lang: str | None = None
    kind: str = field(default="list", init=False)


@dataclass
class Cell:
    """A table cell: one or more lines of text, and the marks of the source errors flagged in it."""
    lines: list[list[Run]]
    mark: str = ""
    numeric: bool = False
    strong: bool = False

    @property
    def text(self) -> str:
        return "\n".join("".join(run.text for run in line) for line in self.lines)


@dataclass
class Note:
    """A source error as a note at the foot of a table or section: its mark, what it is, the figure as printed."""
    mark: str
    label: str
    as_written: str
    text: str
    lang: str | None = None


@dataclass
class Table:
    caption: str
    columns: list[str]
    rows: list[list[Cell]]
    widths: list[float]
    row_headers: bool = True         # the first cell of each row names the row
    landscape: bool = False
    small: bool = False
    caption_lang: str | None = None
    lang: str | None = None          # of the cells, when they are the source's words in another language
    notes: list[Note] = field(default_factory=list)
    kind: str = field(default="table", init=False)


@dataclass
class Notes:
    """Source errors noted after a part of a plan that is no table (a section, the key actions)."""
    notes: list[Note]
    kind: str = field(default="notes", init=False)


@dataclass
class PageBreak:
    kind: str = field(default="pagebreak", init=False)


Block = Union[Heading, Paragraph, ListBlock, Table, Notes, PageBreak]


@dataclass
class Cover:
    board: str
    board_other: str | None          # the board's name in the other language, as on the seed's cover
    title: str
    subtitle: str | None = None
    board_other_lang: str | None = None


@dataclass
class Document:
    """A whole document: its metadata, its cover, whether it has a contents page, and its blocks."""
    title: str
    language: str
    author: str
    cover: Cover
    words: dict[str, str]            # the few words the page layout itself shows (Contents, Page)
    blocks: list[Block]
    contents: bool = True
    date: tuple[int, int, int] = (2022, 1, 1)

    def as_data(self) -> dict:
        """The document as plain data (what dataclasses.asdict gives), which the layout reads and which
        names a compiled file: made by one walk, since asdict copies every value it meets, and a national
        build reads some thousands of documents this way."""
        return _plain(self)


# The field names of each kind of part, looked up once; and the values that are plain already.
_FIELDS: dict[type, tuple[str, ...]] = {}
_ATOMS = {str, int, float, bool, type(None)}


def _plain(value: Any) -> Any:
    kind = type(value)
    if kind in _ATOMS:
        return value
    names = _FIELDS.get(kind)
    if names is None and is_dataclass(value):
        names = _FIELDS[kind] = tuple(f.name for f in fields(value))
    if names is not None:
        return {name: item if type(item := getattr(value, name)) in _ATOMS else _plain(item) for name in names}
    if kind is list or kind is tuple:
        return kind([item if type(item) in _ATOMS else _plain(item) for item in value])
    if kind is dict:
        return {key: _plain(item) for key, item in value.items()}
    return value
