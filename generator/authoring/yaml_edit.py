"""YAML editing that keeps a file's comments and layout: values removed, replaced or added in place.

ruamel keeps the comment lines and blank lines that follow a value with the last scalar before them.
Removing or replacing a value would lose them, and with them the layout, so they are moved first.
"""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import PlainScalarString
from ruamel.yaml.tokens import CommentToken


def round_trip() -> YAML:
    """A loader and dumper that writes back what it read, as it was laid out."""
    rt = YAML(typ="rt")
    rt.preserve_quotes = True
    rt.width = 4096  # never re-wrap a long line of the source
    rt.indent(mapping=2, sequence=4, offset=2)
    return rt


def _is_block(node) -> bool:
    return isinstance(node, (CommentedMap, CommentedSeq)) and len(node) > 0 and not node.fa.flow_style()


def _tail(node) -> tuple | None:
    """(container, key) whose comment slot holds the lines after `node`."""
    if not _is_block(node):
        return None
    while True:
        key = list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1
        child = node[key]
        if not _is_block(child):
            return node, key
        node = child


def _slot(container, key) -> int:
    return 2 if isinstance(container, CommentedMap) else 0


def _token(container, key) -> CommentToken | None:
    entry = container.ca.items.get(key)
    i = _slot(container, key)
    return entry[i] if entry and len(entry) > i else None


def _detach_lines(container, key, value=None) -> str:
    """Take the comment and blank lines that follow the value at container[key], keeping its end-of-line comment."""
    place = _tail(container[key]) if value is None else _tail(value)
    holder, at = place if place else (container, key)
    token = _token(holder, at)
    if token is None or "\n" not in token.value:
        return ""
    eol, lines = token.value.split("\n", 1)
    if eol.strip():
        token.value = eol + "\n"
    else:
        holder.ca.items[at][_slot(holder, at)] = None
    return lines


def _attach_lines(container, key, lines: str) -> None:
    """Put comment and blank lines after the value at container[key]."""
    if not lines:
        return
    place = _tail(container[key])
    holder, at = place if place else (container, key)
    token = _token(holder, at)
    if token is None:
        entry = holder.ca.items.setdefault(at, [None, None, None, None] if isinstance(holder, CommentedMap)
                                           else [None, None])
        entry[_slot(holder, at)] = CommentToken("\n" + lines, CommentMark(0), None)
    else:
        value = token.value if token.value.endswith("\n") else token.value + "\n"
        if value.endswith("\n\n") and lines.startswith("\n"):
            lines = lines[1:]  # one blank line between sections, not two
        token.value = value + lines


def _previous(container, key):
    keys = list(container) if isinstance(container, CommentedMap) else list(range(len(container)))
    i = keys.index(key)
    return keys[i - 1] if i > 0 else None


def _drop_introduction(container, key) -> None:
    """Drop the comment lines at the end of what follows container[key]: they introduce the next value."""
    place = _tail(container[key])
    holder, at = place if place else (container, key)
    token = _token(holder, at)
    if token is None or "\n" not in token.value:
        return
    eol, rest = token.value.split("\n", 1)
    lines = rest.splitlines(keepends=True)
    while lines and lines[-1].strip().startswith("#"):
        lines.pop()
    if eol.strip() or lines:
        token.value = eol + "\n" + "".join(lines)
    else:
        holder.ca.items[at][_slot(holder, at)] = None


def remove(container, key, leave: str = "") -> None:
    """Delete container[key] with the comments that introduce it, handing the lines after it to the value before.
    `leave` is comment lines to put in its place."""
    lines = _detach_lines(container, key)
    before = _previous(container, key)
    if before is not None:
        _drop_introduction(container, before)
    del container[key]
    if before is not None:
        _attach_lines(container, before, leave + lines)


def take_lines_after(container, key) -> str:
    """Detach and return the comment and blank lines that follow the value at container[key]."""
    return _detach_lines(container, key)


def add_lines_after(container, key, lines: str) -> None:
    """Put comment and blank lines (each ending with a newline) after the value at container[key]."""
    _attach_lines(container, key, lines)


def replace(container, key, value) -> None:
    """Set container[key] = value, keeping the lines that followed the old value."""
    old = container[key]
    lines = _detach_lines(container, key, old) if _is_block(old) else ""
    container[key] = value
    _attach_lines(container, key, lines)


def put_after(mapping: CommentedMap, after: tuple[str, ...], key: str, value) -> None:
    """Set mapping[key], inserting it after the first of `after` that is present when it is new."""
    if key in mapping:
        replace(mapping, key, value)
        return
    keys = list(mapping)
    anchor = next((a for a in after if a in mapping), None)
    position = keys.index(anchor) + 1 if anchor else len(keys)
    if position == len(keys) and keys:
        lines = _detach_lines(mapping, keys[-1])
        mapping.insert(position, key, value)
        _attach_lines(mapping, key, lines)
    else:
        mapping.insert(position, key, value)


def set_comment(mapping: CommentedMap, key: str, text: str) -> None:
    """An end-of-line comment after mapping[key] (a scalar or flow value), keeping the lines after it."""
    token = _token(mapping, key)
    lines = token.value.split("\n", 1)[1] if token is not None and "\n" in token.value else ""
    mapping.ca.items.setdefault(key, [None, None, None, None])[2] = None
    value = mapping[key]
    width = len(f"{key}: {'[]' if isinstance(value, CommentedSeq) else value}")
    # Line up with the end-of-line comments of the neighbouring keys when they leave room.
    beside = [t.column for k in mapping if k != key and (t := _token(mapping, k)) is not None
              and t.value.startswith("#") and getattr(t, "column", None)]
    column = max([mapping.lc.col + width + 2, *(c for c in beside if c > mapping.lc.col + width)])
    mapping.yaml_add_eol_comment(f"# {text}", key, column=column)
    _attach_lines(mapping, key, lines)


def plain(text: str) -> PlainScalarString:
    """A value written without quotes, whatever the style of the value it replaces."""
    return PlainScalarString(text)


def empty_list() -> CommentedSeq:
    seq = CommentedSeq()
    seq.fa.set_flow_style()
    return seq


def load(text: str) -> Any:
    return round_trip().load(text)


def dump(data: CommentedMap) -> str:
    out = io.StringIO()
    round_trip().dump(data, out)
    # Comments moved to the end (of values dropped there) may leave blank lines after the last value.
    return out.getvalue().rstrip("\n") + "\n"
