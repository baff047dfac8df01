"""Suggestions: the one "did you mean" of the tool, for field names, terms, clusters, pages and anchors alike."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from rapidfuzz import fuzz, process, utils

T = TypeVar("T")

# How alike a word and a choice must be (0-100) to be offered as what was meant.
CLOSE = 70
# A name of the tool's own (a field) is spelt at least this much like the word typed for it, so that a
# letter found somewhere in a long name ('a' in 'status') is not taken for the name.
SPELT_ALIKE = 40
# Several choices are offered when they are nearly (this many points) as close as the closest: one typo
# should not bring up every cluster that shares a word with the name.
NEARLY = 8
# A word reads as another mistyped (a letter or two out) when they are at least this alike.
SLIP = 85


def closest(word: str, choices: Iterable[str], cutoff: float = CLOSE) -> str | None:
    """The choice most like `word`, or None when none is close enough to be what was meant."""
    best = process.extractOne(word, list(choices), scorer=fuzz.WRatio, score_cutoff=cutoff)
    return best[0] if best else None


def closest_name(word: str, names: Iterable[str]) -> str | None:
    """The name (of a field, say) most like `word` written in any case and with '-', '_' or spaces
    between its words ('Funding Sources', 'short-name'); of those close enough, the one spelt most alike,
    so 'area' is 'areas' rather than 'areas_cy'."""
    spelt = {name: _words(name) for name in names}
    typed = _words(word)
    close = [(fuzz.ratio(typed, words), score, name) for words, score, name in
             process.extract(typed, spelt, scorer=fuzz.WRatio, score_cutoff=CLOSE, limit=None)]
    alike = [(-ratio, -score, name) for ratio, score, name in close if ratio >= SPELT_ALIKE]
    return min(alike)[2] if alike else None


def close_ones(word: str, named: Iterable[tuple[str, T]], most: int = 4, cutoff: float = CLOSE) -> list[T]:
    """What is named most like `word`, closest first and each once, where each thing may have several
    names: those nearly as close as the closest, at most `most`."""
    pairs = list(named)
    scored = process.extract(word, [name for name, _ in pairs], scorer=fuzz.WRatio, score_cutoff=cutoff, limit=None)
    ranked = sorted(scored, key=lambda s: (-s[1], s[2]))
    out: list[T] = []
    for _, score, index in ranked:
        thing = pairs[index][1]
        if score >= ranked[0][1] - NEARLY and thing not in out:
            out.append(thing)
    return out[:most]


def nearest(word: str, choices: Iterable[str], most: int = 5) -> list[str]:
    """The choices nearest `word`, best first (all of a short list), for a list to pick from."""
    return sorted(choices, key=lambda choice: (-fuzz.ratio(word, choice), choice))[:most]


def is_slip(word: str, choice: str) -> bool:
    """Whether `word` reads as `choice` mistyped (a letter or two out) or cut short, not as another word."""
    return fuzz.ratio(word, choice) >= SLIP or (len(word) >= 4 and choice.startswith(word))


def misspelt_start(text: str, terms: Iterable[str]) -> str | None:
    """The term the first words of `text` are a slip of ("Acceleration Cluster Development Demand" against
    "Accelerated Cluster Development"); None when the text starts with a term spelt right, or none is near."""
    words = utils.default_process(text).split()
    best, best_score = None, 0.0
    for term in terms:
        wanted = utils.default_process(term)
        start = " ".join(words[:len(wanted.split())])
        if start == wanted:
            return None
        score = fuzz.ratio(wanted, start)
        if score > best_score:
            best, best_score = term, score
    return best if best_score >= SLIP else None


def _words(name: str) -> str:
    return " ".join(name.lower().replace("-", " ").replace("_", " ").split())
