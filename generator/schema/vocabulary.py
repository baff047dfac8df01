"""Controlled vocabularies: canonical terms, their Welsh labels and the variant spellings that map to them."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from dataclasses import dataclass, field

from generator.core.suggest import closest  # noqa: F401  (others find it here too)

from generator.schema.plan import Vocabularies, Vocabulary


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    return re.sub(r"[\s\-–_]+", " ", text.strip().lower().replace("&", "and")).strip(" .")


def slugify(text: str) -> str:
    """A title or name as a slug: Welsh and other accented letters lose their accents (gŵyl -> gwyl), as
    Unicode decomposes them, rather than becoming hyphens; apostrophes go, '&' is 'and'."""
    plain = unicodedata.normalize("NFKD", text.lower().replace("&", "and"))
    plain = "".join(char for char in plain if not unicodedata.combining(char))
    return re.sub(r"[^a-z0-9]+", "-", re.sub(r"['’‘]", "", plain)).strip("-")




@dataclass(frozen=True)
class Match:
    """The outcome of looking a term up: canonical term, and whether the plan used a variant."""
    canonical: str | None
    variant: bool = False
    suggestion: str | None = None


@dataclass
class Lookup:
    """One vocabulary, ready for lookups."""
    name: str
    label: str
    terms: list[str]
    cy: dict[str, str] = field(default_factory=dict)
    label_cy: str = ""
    # Each term's variant spellings as the vocabulary writes them (for the editors' JSON Schema).
    spellings: dict[str, list[str]] = field(default_factory=dict)
    _exact: dict[str, str] = field(default_factory=dict)
    _variants: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_vocabulary(cls, name: str, vocab: Vocabulary) -> "Lookup":
        lookup = cls(name, vocab.label, [t.term for t in vocab.terms], label_cy=vocab.label_cy or vocab.label)
        for t in vocab.terms:
            lookup._exact[normalise(t.term)] = t.term
            if t.cy:
                lookup.cy[t.term] = t.cy
            lookup.spellings[t.term] = list(t.variants)
            for v in t.variants:
                lookup._variants[normalise(v)] = t.term
        return lookup

    @classmethod
    def from_terms(cls, name: str, label: str, terms: list[str]) -> "Lookup":
        lookup = cls(name, label, list(terms))
        lookup._exact = {normalise(t): t for t in terms}
        return lookup

    def match(self, written: str) -> Match:
        key = normalise(written)
        if key in self._exact:
            exact = self._exact[key]
            # Differences of case or spacing alone are still a variant worth pointing out.
            return Match(exact, variant=(exact != written.strip()))
        if key in self._variants:
            return Match(self._variants[key], variant=True)
        return Match(None, suggestion=self.suggest(written))

    def suggest(self, written: str) -> str | None:
        choices = {normalise(c): c for c in list(self._exact.values()) + list(self._variants)}
        best = closest(normalise(written), choices)
        if best is None:
            return None
        chosen = choices[best]
        return self._variants.get(normalise(chosen), chosen)


@dataclass
class VocabularySet:
    ministerial: Lookup
    sppc: Lookup
    status: Lookup
    origin: Lookup
    funding: Lookup

    def label(self, vocabulary: str, term: str | None, language: str) -> str:
        """A canonical term as readers of `language` see it (vocabulary: status, ministerial, ...)."""
        if term is None:
            return ""
        lookup = getattr(self, vocabulary, None) if language != "en" else None
        return lookup.cy.get(term, term) if lookup else term

    @classmethod
    def from_model(cls, v: Vocabularies) -> "VocabularySet":
        return cls(
            Lookup.from_vocabulary("ministerial_priorities", v.ministerial_priorities),
            Lookup.from_vocabulary("sppc_priorities", v.sppc_priorities),
            Lookup.from_vocabulary("activity_statuses", v.activity_statuses),
            Lookup.from_vocabulary("activity_origins", v.activity_origins),
            Lookup.from_vocabulary("funding_sources", v.funding_sources),
        )
