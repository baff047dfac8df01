"""Markdown prose (a plan's sections, a board's texts) as document blocks; raw HTML stays text, as on the site."""

from __future__ import annotations

from markdown_it.token import Token

from generator.core.prose import prose_parser, title_at
from generator.documents.blocks import Block, Cell, Heading, ListBlock, ListItem, Paragraph, Run, Table

_md = prose_parser()


def split_title(text: str) -> tuple[str | None, str]:
    """A section file's '#' title apart from its body, as the site takes it."""
    lines = text.split("\n")
    at = title_at(lines)
    if at is None:
        return None, text
    title = lines[at].lstrip("#").strip().rstrip("#").strip() or None
    return title, "\n".join(lines[at + 1:])


def blocks_of(text: str, level: int, lang: str | None = None) -> list[Block]:
    """The blocks of a section body whose own headings ('##') sit at `level`; a heading never skips a level."""
    blocks, _ = _parse(_md.parse(text), 0, None, level, [level - 1], lang)
    return blocks


def inline_runs(text: str) -> list[Run]:
    """A short field (an activity's description, a list item) with its emphasis and links."""
    tokens = _md.parseInline(text or "")
    return runs_of(tokens[0]) if tokens else []


def runs_of(token: Token) -> list[Run]:
    runs: list[Run] = []
    bold = italic = 0
    link: str | None = None
    for child in token.children or []:
        if child.type == "strong_open":
            bold += 1
        elif child.type == "strong_close":
            bold -= 1
        elif child.type == "em_open":
            italic += 1
        elif child.type == "em_close":
            italic -= 1
        elif child.type == "link_open":
            link = str(child.attrGet("href") or "") or None
        elif child.type == "link_close":
            link = None
        elif child.type in ("softbreak",):
            runs.append(Run(" ", bool(bold), bool(italic), link))
        elif child.type == "hardbreak":
            runs.append(Run("\n", bool(bold), bool(italic), link))
        elif child.type in ("text", "code_inline", "html_inline"):
            runs.append(Run(child.content, bool(bold), bool(italic), link))
    return _joined(runs)


def _joined(runs: list[Run]) -> list[Run]:
    out: list[Run] = []
    for run in runs:
        if out and (out[-1].bold, out[-1].italic, out[-1].link) == (run.bold, run.italic, run.link):
            out[-1] = Run(out[-1].text + run.text, run.bold, run.italic, run.link)
        else:
            out.append(run)
    return out


def _parse(tokens: list[Token], i: int, close: str | None, level: int, levels: list[int],
           lang: str | None) -> tuple[list[Block], int]:
    out: list[Block] = []
    while i < len(tokens):
        token = tokens[i]
        if close and token.type == close:
            return out, i + 1
        if token.type == "heading_open":
            wanted = level + int(token.tag[1]) - 2
            # A '###' straight after the title would skip a level in the outline: it is put one below.
            at = max(level, min(wanted, levels[-1] + 1))
            levels.append(at)
            out.append(Heading(min(at, 6), "".join(r.text for r in runs_of(tokens[i + 1])), lang, outlined=False))
            i += 3
        elif token.type == "paragraph_open":
            out.append(Paragraph(runs_of(tokens[i + 1]), lang))
            i += 3
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            ordered = token.type == "ordered_list_open"
            start = int(token.attrGet("start") or 1) if ordered else 1
            items: list[ListItem] = []
            i += 1
            while tokens[i].type == "list_item_open":
                body, i = _parse(tokens, i + 1, "list_item_close", level, levels, None)
                items.append(ListItem(body))
            out.append(ListBlock(items, ordered, start, lang))
            i += 1
        elif token.type == "blockquote_open":
            body, i = _parse(tokens, i + 1, "blockquote_close", level, levels, lang)
            out.extend(body)
        elif token.type in ("fence", "code_block"):
            out.append(Paragraph([Run(token.content.rstrip("\n"))], lang))
            i += 1
        elif token.type == "table_open":
            table, i = _table(tokens, i + 1, lang)
            out.append(table)
        else:
            i += 1
    return out, i


def _table(tokens: list[Token], i: int, lang: str | None) -> tuple[Table, int]:
    columns: list[str] = []
    rows: list[list[Cell]] = []
    in_head = False
    row: list[Cell] = []
    while tokens[i].type != "table_close":
        token = tokens[i]
        if token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and not in_head:
            rows.append(row)
        elif token.type == "inline":
            if in_head:
                columns.append("".join(r.text for r in runs_of(token)))
            else:
                row.append(Cell([runs_of(token)]))
        i += 1
    return Table("", columns, rows, [1.0] * len(columns), row_headers=False, lang=lang), i + 1
