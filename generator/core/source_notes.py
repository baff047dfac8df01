"""Source notes: the comments of a plan that describe the document it was written down from.

A plan taken from a published document carries comments on how that document was transcribed
("the plan says "None"", "the budget cell is blank in the plan"). Next year's plan is written here,
not taken from that document, so `cluster-plans new` leaves them behind; the lead's other comments stay.
"""

from __future__ import annotations

import re

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.tokens import CommentToken

# Words that only a note about a source document uses: what it says or prints, its cells, columns and rows.
ABOUT_THE_SOURCE = re.compile(
    r"\b(?:the plan(?:'s)?|in the plan|the source(?:'s)?|the document(?:'s)?|as printed|printed|prints|"
    r"cells?|columns?|the table's)\b", re.IGNORECASE)


def is_source_note(comment: str) -> bool:
    return bool(ABOUT_THE_SOURCE.search(comment))


def drop_source_notes(node) -> int:
    """Remove every comment about the source document from a round-trip tree; returns how many paragraphs went.

    A comment of several lines is one note: when any of its lines is about the source, all of them go.
    """
    dropped = 0
    if not isinstance(node, (CommentedMap, CommentedSeq)):
        return 0
    comment = node.ca.comment
    if comment:
        for i, part in enumerate(comment):
            if isinstance(part, list):
                dropped += _filter_list(part)
            elif isinstance(part, CommentToken):
                value, n = _filtered(part.value, end_of_line=False)
                if n:
                    dropped += n
                    comment[i] = _token_or_none(part, value)
    if node.ca.end:
        dropped += _filter_list(node.ca.end)
    eol_slot = 2 if isinstance(node, CommentedMap) else 0
    for entry in node.ca.items.values():
        for i, part in enumerate(entry):
            if isinstance(part, list):
                dropped += _filter_list(part)
            elif isinstance(part, CommentToken):
                value, n = _filtered(part.value, end_of_line=i == eol_slot)
                if n:
                    dropped += n
                    entry[i] = _token_or_none(part, value)
    for child in (node.values() if isinstance(node, CommentedMap) else node):
        dropped += drop_source_notes(child)
    return dropped


def _filter_list(tokens: list) -> int:
    """Tokens of whole comment lines, one line each: a note is the run of lines with no blank line in it."""
    text = "".join(t.value for t in tokens if isinstance(t, CommentToken))
    kept, dropped = _filtered(text, end_of_line=False)
    if dropped:
        lines = kept.splitlines(keepends=True)
        column = next((t.column for t in tokens if isinstance(t, CommentToken)), 0)
        tokens[:] = [_line_token(line, column) for line in lines]
    return dropped


def _line_token(line: str, column: int) -> CommentToken:
    return CommentToken(line, CommentMark(column), None)


def _token_or_none(token: CommentToken, value: str) -> CommentToken | None:
    """The token holding what is left of a comment; an end of line alone (or nothing) needs none."""
    if value in ("", "\n"):
        return None
    token.value = value
    return token


def _filtered(value: str, end_of_line: bool) -> tuple[str, int]:
    """The text of a comment token without its notes about the source, and how many notes went."""
    dropped = 0
    head = ""
    rest = value
    if end_of_line:
        head, newline, rest = value.partition("\n")
        if is_source_note(head):
            head, dropped = "", 1
        head += newline
    lines = rest.splitlines(keepends=True)
    out: list[str] = []
    i = 0
    while i < len(lines):
        if not lines[i].strip().startswith("#"):
            out.append(lines[i])
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].strip().startswith("#"):
            j += 1
        note = lines[i:j]
        if any(is_source_note(line) for line in note):
            dropped += 1
            # A note that stood between two blank lines leaves one of them.
            if out and not out[-1].strip() and j < len(lines) and not lines[j].strip():
                j += 1
        else:
            out.extend(note)
        i = j
    return head + "".join(out), dropped
