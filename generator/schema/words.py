"""Schema words: what a field holds and where it is, in English and Welsh, for the schema check's messages.

A lead reads "activity 2, 'Phlebotomy'", not "activities[1]": places are counted from 1 and named
by their title where they have one.
"""

from __future__ import annotations

from typing import Any

# What a value should be: (English, Welsh, Welsh after a word that softens it, e.g. "Rhowch destun").
KINDS: dict[str, tuple[str, str, str]] = {
    "text": ("text", "testun", "destun"),
    "a whole number": ("a whole number", "rhif cyfan", "rif cyfan"),
    "a number": ("a number", "rhif", "rif"),
    "yes or no (true/false)": ("yes or no (true/false)", "ie neu na (true/false)", "ie neu na (true/false)"),
    "a list (lines starting with '- ')": ("a list (lines starting with '- ')",
                                          "rhestr (llinellau sy'n dechrau gyda '- ')",
                                          "restr (llinellau sy'n dechrau gyda '- ')"),
    "a mapping of fields": ("a mapping of fields", "set o feysydd", "set o feysydd"),
    "a mapping of fields (lines like 'name: value')": ("a mapping of fields (lines like 'name: value')",
                                                       "set o feysydd (llinellau fel 'name: value')",
                                                       "set o feysydd (llinellau fel 'name: value')"),
    "a financial year such as 2023-24": ("a financial year such as 2023-24", "blwyddyn ariannol fel 2023-24",
                                         "flwyddyn ariannol fel 2023-24"),
    "a slug of lowercase letters, digits and hyphens": (
        "a slug of lowercase letters, digits and hyphens", "slyg o lythrennau bach, digidau a chysylltnodau",
        "slyg o lythrennau bach, digidau a chysylltnodau"),
}

# What a value was found to be: English and Welsh.
RECEIVED: dict[type, tuple[str, str]] = {
    bool: ("yes/no", "ie/na"), int: ("a number", "rhif"), float: ("a number", "rhif"), str: ("text", "testun"),
    list: ("a list", "rhestr"), dict: ("a mapping", "set o feysydd"), type(None): ("nothing", "dim byd"),
}


def expected_values(english: str) -> dict[str, str]:
    """The values a message about an expected kind of value needs, in both languages ("text or a number")."""
    parts = english.split(" or ") if english not in KINDS else [english]
    rows = [KINDS.get(p, (p, p, p)) for p in parts]
    welsh = " neu ".join([rows[0][1], *(row[2] for row in rows[1:])])
    welsh_soft = " neu ".join(row[2] for row in rows)
    return {"expected": english, "expected_cy": welsh, "expected_soft": english, "expected_soft_cy": welsh_soft}


def received_values(value: Any) -> dict[str, str]:
    english, welsh = RECEIVED.get(type(value), (type(value).__name__, type(value).__name__))
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        shown = str(value)
        shown = shown if len(shown) <= 40 else shown[:37] + "..."
        return {"received": f"{english} '{shown}'", "received_cy": f"{welsh} '{shown}'"}
    return {"received": english, "received_cy": welsh}


# A list in a file and how one of its entries is named: (English, Welsh, the field that names it).
ENTRIES: dict[str, tuple[str, str, str]] = {
    "activities": ("activity", "gweithgaredd", "title"),
    "lines": ("finance line", "llinell gyllid", "item"),
    "leads": ("lead", "arweinydd", "name"),
    "key_actions": ("key action theme", "thema camau gweithredu", "theme"),
    "priority_areas": ("priority area", "maes blaenoriaeth", "title"),
    "action_plan": ("action plan area", "maes y cynllun gweithredu", "priority_area"),
    "goals": ("goal", "nod", ""),
    "risks": ("risk", "risg", "project"),
    "key_facts": ("key fact", "ffaith allweddol", ""),
    "members": ("member", "aelod", "name"),
    "known_issues": ("known issue", "gwall hysbys", "problem"),
    "tables": ("table", "tabl", "caption"),
    "roles": ("workforce role", "rôl yn y gweithlu", "role"),
    "terms": ("term", "term", "term"),
}

BLOCKS: dict[str, tuple[str, str]] = {
    "finance": ("the finance block", "y bloc cyllid"), "source": ("the source", "y ffynhonnell"),
    "swot": ("the SWOT", "y dadansoddiad SWOT"), "workforce": ("the workforce block", "bloc y gweithlu"),
}

FILES: dict[str, tuple[str, str]] = {
    "plan.yaml": ("the plan", "y cynllun"), "board.yaml": ("the board", "y bwrdd"),
    "cluster.yaml": ("the cluster", "y clwstwr"), "vocabularies.yaml": ("the vocabularies", "yr eirfa"),
}


def place(file: str, data: Any, loc: tuple) -> dict[str, str]:
    """The field at `loc` and the place that holds it, as a lead would name them: the field 'title' of
    "activity 2, 'Phlebotomy'"; values name, place and place_cy."""
    english, welsh = FILES.get(file.rsplit("/", 1)[-1], ("the file", "y ffeil"))
    name = str(loc[0]) if loc else ""
    current = data
    for i, part in enumerate(loc):
        if isinstance(part, int) and i > 0 and isinstance(loc[i - 1], str) and loc[i - 1] in ENTRIES:
            entry_en, entry_cy, naming = ENTRIES[loc[i - 1]]
            item = current[part] if isinstance(current, list) and part < len(current) else None
            title = item.get(naming) if naming and isinstance(item, dict) else None
            titled = f", '{title}'" if isinstance(title, str) and title.strip() else ""
            english, welsh = f"{entry_en} {part + 1}{titled}", f"{entry_cy} {part + 1}{titled}"
            name = str(loc[i + 1]) if i + 1 < len(loc) and isinstance(loc[i + 1], str) else name
        elif isinstance(part, str) and i + 1 < len(loc) and part in BLOCKS and i == 0:
            english, welsh = BLOCKS[part]
            name = str(loc[i + 1]) if isinstance(loc[i + 1], str) else name
        if isinstance(current, dict):
            current = current.get(part)
        elif isinstance(current, list) and isinstance(part, int) and part < len(current):
            current = current[part]
        else:
            current = None
    return {"name": name, "place": english, "place_cy": welsh}


# What a vocabulary field takes, for a lead who wrote yes, no or on there: (English, Welsh, an example).
# The terms themselves are in clusters/vocabularies.yaml, which the validator checks the value against.
TAKES: dict[str, tuple[str, str, str]] = {
    "status": ("an activity status: planned, started, ongoing, delayed, completed or stopped",
               "statws gweithgaredd: planned, started, ongoing, delayed, completed neu stopped", "ongoing"),
    "new_or_existing": ("new or existing", "new neu existing", "existing"),
}
