"""Languages: the site's languages, English first, and how a file says which one it is written in."""

from __future__ import annotations

# English is the site's root and every plan's first language; each other language has a folder (/cy/)
# and its own version of a prose file (executive-summary.cy.md).
LANGUAGES = ("en", "cy")
OTHER_LANGUAGES = LANGUAGES[1:]
# Each language's name in itself, as the language switcher shows it.
NAMES = {"en": "English", "cy": "Cymraeg"}


def of_section_file(name: str) -> tuple[str, str]:
    """A prose file's section and language: executive-summary.cy.md -> (executive-summary, cy)."""
    stem = name.removesuffix(".md")
    for language in OTHER_LANGUAGES:
        if stem.endswith(f".{language}"):
            return stem.removesuffix(f".{language}"), language
    return stem, LANGUAGES[0]
