"""Round trip: re-apply the values of a rewritten YAML file onto the original, so only edited lines change.

The online editor saves a plan by writing the whole file anew: comments go, keys are reordered,
flow lists become block lists and long text is wrapped. Reading both files and copying only the
values that differ onto the original (with ruamel.yaml's round-trip mode, which keeps comments,
key order, flow style and quoting) gives a file in which just the lead's edits show in a diff.
"""

from __future__ import annotations

import difflib
import io
from dataclasses import dataclass
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError as RuamelError
from ruamel.yaml.scalarstring import (DoubleQuotedScalarString, FoldedScalarString, LiteralScalarString,
                                      SingleQuotedScalarString)

from generator.load.documents import plain_data

# Indentation styles found in the repository's files, tried in turn until one reproduces the
# original byte for byte (plans indent lists under their key; board and cluster files do not).
LAYOUTS = ({"mapping": 2, "sequence": 4, "offset": 2}, {"mapping": 2, "sequence": 2, "offset": 0})
# Long lines are never folded: a lead's one-line text stays on one line.
WIDTH = 1_000_000
# Keys whose value identifies an item of a list, so items are matched however the list was reordered.
IDENTITY_KEYS = ("id",)


class RoundTripError(Exception):
    """The files could not be combined; the message says why, in the reader's words."""


@dataclass(frozen=True)
class RoundTrip:
    """The combined file and whether it differs from the rewritten one."""
    text: str
    changed_lines: int


def _yaml(layout: dict[str, int]) -> YAML:
    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = WIDTH
    y.indent(**layout)
    return y


def _dump(y: YAML, data: Any) -> str:
    out = io.StringIO()
    y.dump(data, out)
    return out.getvalue()


def _plain(text: str, which: str) -> Any:
    try:
        return plain_data(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise RoundTripError(f"the {which} file is not readable YAML{where}") from None


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _same(a: Any, b: Any) -> bool:
    """Equal as data, with 1 and 1.0 equal but True never equal to 1."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return type(a) in (int, float) and type(b) in (int, float) and a == b or (type(a) is type(b) and a == b)


def _styled(old: Any, new: Any) -> Any:
    """A new text value written the way the old one was (quoted, literal block...) when it can be."""
    if isinstance(new, dict):
        return _inline(new)
    if not isinstance(new, str):
        return _pruned(new)
    if isinstance(old, LiteralScalarString):
        return LiteralScalarString(new)
    if isinstance(old, FoldedScalarString):
        return FoldedScalarString(new)
    if isinstance(old, SingleQuotedScalarString) and "\n" not in new:
        return SingleQuotedScalarString(new)
    if isinstance(old, DoubleQuotedScalarString):
        return DoubleQuotedScalarString(new)
    return new


def _apply(node: Any, plain: Any, edited: Any) -> Any:
    """The original `node` (whose data is `plain`) changed to hold `edited`, keeping what is unchanged."""
    if _same(plain, edited):
        return node
    if isinstance(node, CommentedMap) and isinstance(edited, dict) and isinstance(plain, dict):
        _apply_mapping(node, plain, edited)
        return node
    if isinstance(node, CommentedSeq) and isinstance(edited, list) and isinstance(plain, list):
        _apply_sequence(node, plain, edited)
        return node
    return _styled(node, edited)


def _apply_mapping(node: CommentedMap, plain: dict, edited: dict) -> None:
    for key in list(node):
        if key not in edited and not _empty(plain.get(key)):
            del node[key]
    previous = None
    for key, value in edited.items():
        if key in node:
            node[key] = _apply(node[key], plain.get(key), value)
        elif not _empty(value):
            # A new field goes after the field the editor wrote before it, as a lead would expect.
            at = list(node).index(previous) + 1 if previous in node else len(node)
            node.insert(at, key, _inline(value))
        if key in node:
            previous = key


def _pruned(value: Any) -> Any:
    """A new value without the empty fields an editor's form fills in (blank text, empty lists),
    as ruamel.yaml nodes so that comments can be attached to them."""
    if isinstance(value, dict):
        out = CommentedMap((k, _pruned(v)) for k, v in value.items() if not _empty(v))
        return out
    if isinstance(value, list):
        return CommentedSeq(_pruned(v) for v in value)
    return value


def _inline(value: Any) -> Any:
    """A small mapping of plain values (an amount with its wording, say) on one line, as the plans
    write them: {amount: 1200, as_written: "£1,200"}."""
    value = _pruned(value)
    if isinstance(value, CommentedMap) and all(not isinstance(v, (dict, list)) for v in value.values()):
        value.fa.set_flow_style()
    return value


def _identity(item: Any) -> Any:
    if isinstance(item, dict):
        for key in IDENTITY_KEYS:
            if isinstance(item.get(key), str):
                return (key, item[key])
    return None


def _trailing_slot(node: Any) -> tuple[Any, Any, int] | None:
    """Where the comment after a collection's last line is kept: (holder, key, slot). ruamel.yaml
    attaches the blank line that ends a block, and any comment below it, to the deepest last value."""
    if isinstance(node, CommentedMap) and node:
        key = list(node)[-1]
        inner = _trailing_slot(node[key])
        return inner if inner is not None else (node, key, 2)
    if isinstance(node, CommentedSeq) and node:
        inner = _trailing_slot(node[-1])
        return inner if inner is not None else (node, len(node) - 1, 0)
    return None


def _move_trailing(source: Any, target: Any) -> None:
    """Carry the blank line (and comments) that closed the old last item over to the new last one,
    so the new item is written before it rather than after it."""
    before, after = _trailing_slot(source), _trailing_slot(target)
    if before is None or after is None:
        return
    holder, key, slot = before
    entry = holder.ca.items.get(key)
    if not entry or entry[slot] is None:
        return
    token, entry[slot] = entry[slot], None
    new_holder, new_key, new_slot = after
    new_holder.ca.items.setdefault(new_key, [None, None, None, None])[new_slot] = token


def _apply_sequence(node: CommentedSeq, plain: list, edited: list) -> None:
    ids = [_identity(item) for item in plain]
    new_ids = [_identity(item) for item in edited]
    by_identity = all(ids) and all(new_ids) and len(set(ids)) == len(ids) and len(set(new_ids)) == len(new_ids)
    if by_identity:
        old = {ident: (node[i], plain[i]) for i, ident in enumerate(ids)}
        # Items removed first, then each edited item takes its place in the editor's order.
        for i in reversed(range(len(ids))):
            if ids[i] not in new_ids:
                del node[i]
        kept = [ident for ident in ids if ident in new_ids]
        for position, (ident, item) in enumerate(zip(new_ids, edited)):
            if ident in old:
                current = kept.index(ident)
                if current != position:
                    moved = node.pop(current)
                    node.insert(position, moved)
                    kept.insert(position, kept.pop(current))
                node[position] = _apply(node[position], old[ident][1], item)
            else:
                node.insert(position, _pruned(item))
                kept.insert(position, ident)
                if position == len(node) - 1 and position > 0:
                    _move_trailing(node[position - 1], node[position])
        return
    for i, item in enumerate(edited):
        if i < len(plain):
            node[i] = _apply(node[i], plain[i], item)
        else:
            node.append(_pruned(item))
            if len(node) > 1:
                _move_trailing(node[-2], node[-1])
    for i in reversed(range(len(edited), len(plain))):
        del node[i]


def _load_original(original: str) -> tuple[YAML, Any]:
    for layout in LAYOUTS:
        y = _yaml(layout)
        try:
            doc = y.load(original)
        except RuamelError:
            raise RoundTripError("the original file is not readable YAML") from None
        if _dump(y, doc) == original:
            return y, doc
    raise RoundTripError("the original file's layout cannot be reproduced exactly, so its comments and "
                         "spacing could not be kept")


def reapply(original: str, edited: str) -> RoundTrip:
    """`original` with every value that `edited` changes, adds or removes, and nothing else."""
    edited_data = _plain(edited, "edited")
    plain = _plain(original, "original")
    if not isinstance(edited_data, dict) or not isinstance(plain, dict):
        raise RoundTripError("a plan file must hold fields (name: value), one a line")
    if _same(edited_data, plain):
        # No value changed: the file stays as it is, byte for byte, without reading it for its layout.
        return RoundTrip(original, 0)
    y, doc = _load_original(original)
    result = _dump(y, _apply(doc, plain, edited_data))
    if not _same(_plain(result, "combined"), _normalised(plain, edited_data)):
        raise RoundTripError("the edited values could not be written back without changing them")
    before, after = original.splitlines(), result.splitlines()
    changed = sum(1 for line in difflib.ndiff(before, after) if line[:1] in "+-")
    return RoundTrip(result, changed)


def _normalised(plain: Any, edited: Any) -> Any:
    """What the combined file must hold: the edited data, where empty values the original left
    out stay out and empty values it wrote stay in."""
    if isinstance(plain, dict) and isinstance(edited, dict):
        out = {}
        for key, value in edited.items():
            if key in plain:
                out[key] = _normalised(plain[key], value)
            elif not _empty(value):
                out[key] = _pruned(value)
        for key, value in plain.items():
            if key not in edited and _empty(value):
                out[key] = value
        return out
    if isinstance(plain, list) and isinstance(edited, list):
        ids = [_identity(item) for item in plain]
        if all(ids) and len(set(ids)) == len(ids):
            old = dict(zip(ids, plain))
            return [_normalised(old[_identity(item)], item) if _identity(item) in old else _pruned(item)
                    for item in edited]
        return [_normalised(plain[i], item) if i < len(plain) else _pruned(item) for i, item in enumerate(edited)]
    return edited
