"""Schema words: what a field holds and where it is, in every language, for the schema check's messages.

A lead reads "activity 2, 'Phlebotomy'", not "activities[1]": places are counted from 1 and named
by their title where they have one.
"""

from __future__ import annotations

import re
from typing import Any

from generator.core.i18n import Said, in_each_language, words
from generator.core.languages import OTHER_LANGUAGES

def _key(description: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", description.lower()).strip("-")


def _kind(description: str, language: str, soft: bool = False) -> str:
    """What a value should be, in a language (Welsh after a word that softens it: "Rhowch destun"); a
    description the catalogues do not have (a vocabulary's own) as it is."""
    key = f"schema.{'kind_soft' if soft else 'kind'}.{_key(description)}"
    return words().text(key, language) if key in words() else description


def expected_values(english: str) -> dict[str, str]:
    """The values a message about an expected kind of value needs, in both languages ("text or a number")."""
    parts = english.split(" or ") if f"schema.kind.{_key(english)}" not in words() else [english]
    values = {"expected": english, "expected_soft": english}
    for language in OTHER_LANGUAGES:
        either = f" {words().text('schema.or', language)} "
        values[f"expected_{language}"] = either.join(
            [_kind(parts[0], language), *(_kind(part, language, soft=True) for part in parts[1:])])
        values[f"expected_soft_{language}"] = either.join(_kind(part, language, soft=True) for part in parts)
    return values


# What a value was found to be, by its type in YAML.
RECEIVED: dict[type, str] = {bool: "yes-no", int: "number", float: "number", str: "text", list: "list",
                             dict: "mapping", type(None): "nothing"}


def received_values(value: Any) -> dict[str, str]:
    kind = RECEIVED.get(type(value))
    if isinstance(value, (str, int, float)) and not isinstance(value, bool) and kind is not None:
        shown = str(value)
        shown = shown if len(shown) <= 40 else shown[:37] + "..."
        return in_each_language("received", "schema.received_value", kind=Said(f"schema.received.{kind}"),
                                shown=shown)
    if kind is None:
        return {"received": type(value).__name__, **{f"received_{language}": type(value).__name__
                                                      for language in OTHER_LANGUAGES}}
    return in_each_language("received", f"schema.received.{kind}")


# A list in a file and the field that names one of its entries ("activity 2, 'Phlebotomy'"); the entry's
# word is the catalogues' schema.entry.LIST.
ENTRIES: dict[str, str] = {
    "activities": "title", "lines": "item", "leads": "name", "key_actions": "theme", "priority_areas": "title",
    "action_plan": "priority_area", "goals": "", "risks": "project", "key_facts": "", "members": "name",
    "known_issues": "problem", "tables": "caption", "roles": "role", "terms": "term",
}

# The blocks of a plan a field's place is named by (the catalogues' schema.block.NAME).
BLOCKS = ("finance", "source", "swot", "workforce")

# The files a field's place is named by (the catalogues' schema.file.NAME; any other is "the file").
FILES = ("plan.yaml", "board.yaml", "cluster.yaml", "vocabularies.yaml")


def place(file: str, data: Any, loc: tuple) -> dict[str, str]:
    """The field at `loc` and the place that holds it, as a lead would name them: the field 'title' of
    "activity 2, 'Phlebotomy'"; values name, place and place_cy."""
    named = file.rsplit("/", 1)[-1]
    place = in_each_language("place", f"schema.file.{named if named in FILES else 'other'}")
    name = str(loc[0]) if loc else ""
    current = data
    for i, part in enumerate(loc):
        if isinstance(part, int) and i > 0 and isinstance(loc[i - 1], str) and loc[i - 1] in ENTRIES:
            naming = ENTRIES[loc[i - 1]]
            item = current[part] if isinstance(current, list) and part < len(current) else None
            title = item.get(naming) if naming and isinstance(item, dict) else None
            titled = f", '{title}'" if isinstance(title, str) and title.strip() else ""
            place = in_each_language("place", "schema.entry_place", entry=Said(f"schema.entry.{loc[i - 1]}"),
                                     number=part + 1, titled=titled)
            name = str(loc[i + 1]) if i + 1 < len(loc) and isinstance(loc[i + 1], str) else name
        elif isinstance(part, str) and i + 1 < len(loc) and part in BLOCKS and i == 0:
            place = in_each_language("place", f"schema.block.{part}")
            name = str(loc[i + 1]) if isinstance(loc[i + 1], str) else name
        if isinstance(current, dict):
            current = current.get(part)
        elif isinstance(current, list) and isinstance(part, int) and part < len(current):
            current = current[part]
        else:
            current = None
    return {"name": name, **place}


# What a vocabulary field takes, for a lead who wrote yes, no or on there (the catalogues' schema.takes.NAME),
# and an example. The terms themselves are in clusters/vocabularies.yaml, which the validator checks the value
# against.
TAKES: dict[str, str] = {"status": "ongoing", "new_or_existing": "existing"}
