"""Suggestions: the one "did you mean" of the tool, for field names, terms, pages and anchors alike."""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz, process

# How alike a word and a choice must be (0-100) to be offered as what was meant.
CLOSE = 70


def closest(word: str, choices: Iterable[str], cutoff: float = CLOSE) -> str | None:
    """The choice most like `word`, or None when none is close enough to be what was meant."""
    best = process.extractOne(word, list(choices), scorer=fuzz.WRatio, score_cutoff=cutoff)
    return best[0] if best else None


def nearest(word: str, choices: Iterable[str], most: int = 5) -> list[str]:
    """The choices nearest `word`, best first (all of a short list), for a list to pick from."""
    return sorted(choices, key=lambda choice: (-fuzz.ratio(word, choice), choice))[:most]


def is_slip(word: str, choice: str) -> bool:
    """Whether `word` reads as `choice` mistyped (a letter or two out) or cut short, not as another word."""
    return fuzz.ratio(word, choice) >= 85 or (len(word) >= 4 and choice.startswith(word))
