"""Places in a plan named by stable keys: activities[phlebotomy].budget, finance.lines[Phlebotomy].amount,
workforce.tables[GPs by year].rows["2021"][WTE GPs]. A known issue names its place this way so that adding,
removing or reordering activities, lines or rows never moves its note to another item."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Union

# The field of a list's items that names each of them, by the list's own field name.
ITEM_KEYS: dict[str, str] = {
    "activities": "id",
    "lines": "item",
    "tables": "caption",
    "roles": "role",
    "leads": "name",
    "members": "name",
    "key_actions": "theme",
    "priority_areas": "title",
    "action_plan": "priority_area",
    "goals": "goal",
    "key_facts": "fact",
    "risks": "risk",
}

# What an item of each keyed list is called in a message, with the field its key is.
ITEM_WORDS: dict[str, str] = {
    "activities": "the activity with id", "lines": "the finance line", "tables": "the table",
    "roles": "the workforce role", "leads": "the lead", "members": "the member", "key_actions": "the key action theme",
    "priority_areas": "the priority area", "action_plan": "the priority area", "goals": "the goal",
    "key_facts": "the key fact", "risks": "the risk", "rows": "the row", "cells": "the column",
    "text": "the entry",
}

# A text key is written in full up to this length; a longer one by its first words, as long as they name one item.
SHORT_KEY = 40
FIRST_WORDS = 24
# Ends a key written as an item's first words.
FIRST_WORDS_MARK = "…"


@dataclass(frozen=True)
class Key:
    """An item of a list named by its key (an activity's id, a line's item, a row's label)."""
    text: str


Step = Union[str, int, Key]


@dataclass(frozen=True)
class Missing:
    """Why a reference names no item: the list it looks in, what it names, and what the list holds now."""
    holder: tuple          # the place of the list, by position
    list_name: str         # the list's kind, a key of ITEM_WORDS
    key: str               # the key it was written with
    choices: tuple[str, ...]
    ambiguous: bool = False
    size: int = 0          # how many items the list has
    by_position: bool = False  # whether it counted past the list's end rather than naming a key


_NAME = re.compile(r"[a-z_]+")
_POSITION = re.compile(r"-?\d+")


def parse(text: str) -> list[Step] | None:
    """The steps of a reference, or None when it is not one (a key with an unclosed bracket, say)."""
    steps: list[Step] = []
    at, text = 0, text.strip()
    while at < len(text):
        if text[at] == "[":
            if text.startswith('["', at):
                # A quoted key, for keys that hold brackets or look like positions: rows["2021"].
                end = at + 2
                while end < len(text) and not (text[end] == '"' and text[end - 1] != "\\"):
                    end += 1
                if not text.startswith('"]', end):
                    return None
                try:
                    steps.append(Key(json.loads(text[at + 1:end + 1])))
                except ValueError:
                    return None
                at = end + 2
                continue
            end = text.find("]", at)
            if end < 0:
                return None
            inside = text[at + 1:end].strip()
            if not inside:
                return None
            steps.append(int(inside) if _POSITION.fullmatch(inside) else Key(inside))
            at = end + 1
            continue
        if steps:
            if text[at] != ".":
                return None
            at += 1
        m = _NAME.match(text, at)
        if m is None:
            return None
        steps.append(m.group())
        at = m.end()
    return steps if steps and isinstance(steps[0], str) else None


def list_kind(loc: tuple, n: int) -> str:
    """What the list holding the item at loc[n] is: a key of ITEM_KEYS, 'rows', 'cells' (a row's cells) or 'text'."""
    before = loc[n - 1] if n else None
    if isinstance(before, str):
        return before if before in ITEM_KEYS or before == "rows" else "text"
    if isinstance(before, (int, Key)) and n >= 2 and loc[n - 2] == "rows":
        return "cells"
    return "text"


def key_of(item: Any, kind: str, container: Any = None) -> str | None:
    """The key that names an item of a list of `kind`, or None when it has none (a list of figures)."""
    if kind == "rows":
        return _text(item[0]) if isinstance(item, list) and item else None
    if kind == "cells":
        return None
    if isinstance(item, dict):
        field = ITEM_KEYS.get(kind)
        return _text(item.get(field)) if field else None
    return _text(item)


def _text(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def resolve(text: str, data: Any) -> tuple[tuple, Missing | None] | None:
    """The place (by position) a reference names in a plan's data, with why it names none; None when the
    text is no reference at all. Positions are taken as written: see `positions`."""
    steps = parse(text)
    if steps is None:
        return None
    loc: list = []
    current = data
    for n, step in enumerate(steps):
        if isinstance(step, str):
            loc.append(step)
            current = current.get(step) if isinstance(current, dict) else None
            continue
        kind = list_kind(tuple(steps), n)
        items = current if isinstance(current, list) else []
        if kind == "cells":
            columns = _columns(data, loc)
            names = [_text(c) or "" for c in columns]
            index = _find(names, step) if isinstance(step, Key) else step
        else:
            names = [key_of(item, kind) or "" for item in items]
            index = _find(names, step) if isinstance(step, Key) else step
        if isinstance(index, int) and -len(items) <= index < len(items):
            index = index % len(items) if index < 0 else index
            loc.append(index)
            current = items[index]
            continue
        return (), Missing(tuple(loc), kind, step.text if isinstance(step, Key) else str(step),
                           tuple(n for n in names if n), ambiguous=index == "many", size=len(items),
                           by_position=isinstance(step, int))
    return tuple(loc), None


def _find(names: list[str], key: Key) -> int | str | None:
    """The one item a key names: by its whole key, or, for a key ending in '…', by its first words; 'many' when
    several share it. A whole key never matches by its start, so that a note on a removed item cannot slide
    onto another whose name begins the same way."""
    if key.text.endswith(FIRST_WORDS_MARK):
        wanted = " ".join(key.text[:-len(FIRST_WORDS_MARK)].split()).casefold()
        found = [i for i, name in enumerate(names) if " ".join(name.split()).casefold().startswith(wanted)]
    else:
        found = [i for i, name in enumerate(names) if _same(name, key.text)]
    if len(found) == 1:
        return found[0]
    return "many" if found else None


def _columns(data: Any, table_loc: list) -> list:
    """The column names of the table whose rows a cell is in (table_loc ends with 'rows', row)."""
    current = data
    for step in table_loc[:-2]:
        try:
            current = current[step]
        except (KeyError, IndexError, TypeError):
            return []
    columns = current.get("columns") if isinstance(current, dict) else None
    return columns if isinstance(columns, list) else []


def counted(text: str) -> int:
    """How many items a reference names by their position in a list rather than by their key."""
    return sum(isinstance(step, int) for step in parse(text) or [])


def keyed(loc: tuple, data: Any) -> str:
    """The reference that names the place at `loc` (by position) by each item's key where it has a unique one:
    ('activities', 3, 'budget') -> 'activities[phlebotomy].budget'."""
    out = ""
    current = data
    for n, step in enumerate(loc):
        if isinstance(step, str):
            out += ("." if out else "") + step
            current = current.get(step) if isinstance(current, dict) else None
            continue
        kind = list_kind(loc, n)
        items = current if isinstance(current, list) else []
        if kind == "cells":
            names = [_text(c) or "" for c in _columns(data, list(loc[:n]))]
        else:
            names = [key_of(item, kind) or "" for item in items]
        out += _written_key(names, step)
        current = items[step] if isinstance(step, int) and 0 <= step < len(items) else None
    return out


def _written_key(names: list[str], index: int) -> str:
    """An item's key as a reference writes it: its whole key, or its first words when long; its position
    when it has no key of its own, or one it shares with another item."""
    if not 0 <= index < len(names) or not names[index]:
        return f"[{index}]"
    name = names[index]
    if sum(_same(other, name) for other in names) > 1:
        return f"[{index}]"
    written = name
    if len(name) > SHORT_KEY:
        words = name.split(" ")
        for end in range(1, len(words)):
            written = " ".join(words[:end]) + FIRST_WORDS_MARK
            if len(written) > FIRST_WORDS and _find(names, Key(written)) == index:
                break
        else:
            written = name
    if "[" in written or "]" in written or '"' in written or _POSITION.fullmatch(written) or written != written.strip():
        return "[" + json.dumps(written, ensure_ascii=False) + "]"
    return f"[{written}]"


def what_it_named(missing: Missing) -> str:
    """What a reference whose item is gone used to name, in words: the activity with id 'phlebotomy'."""
    return f"{ITEM_WORDS.get(missing.list_name, 'the entry')} '{missing.key}'"
