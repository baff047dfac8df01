"""The translation table: every UI string in English and Welsh, and locale formatting of numbers, money and dates."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import yaml
from babel.numbers import format_percent, get_decimal_symbol, get_group_symbol

from generator.core.languages import LANGUAGES
from generator.core.money import format_pounds

TABLE_FILE = "translations.yaml"


class MissingTranslation(KeyError):
    """A key of the translation table without a text in one language."""

    def __init__(self, key: str, language: str):
        super().__init__(f"no '{language}' text for '{key}' in templates/{TABLE_FILE}")
        self.key, self.language = key, language
        # Where the key is used (template file, line), when that is known.
        self.place: tuple[str, int] | None = None

    @property
    def language_name(self) -> str:
        return {"en": "English", "cy": "Welsh"}.get(self.language, self.language)


@dataclass
class Translations:
    table: dict[str, dict[str, str]]

    @classmethod
    def load(cls, templates_dir: Path) -> "Translations":
        data = yaml.safe_load((templates_dir / TABLE_FILE).read_text(encoding="utf-8")) or {}
        return cls({str(key): dict(entry or {}) for key, entry in data.items()})

    def malformed(self) -> list[str]:
        """Entries with keys other than the languages (e.g. an unquoted comma split a text)."""
        return [key for key, entry in sorted(self.table.items()) if set(entry) - set(LANGUAGES)]

    def missing(self) -> list[tuple[str, str]]:
        return [(key, lang) for key, entry in sorted(self.table.items()) for lang in LANGUAGES
                if not str(entry.get(lang) or "").strip()]

    def text(self, key: str, language: str, **values) -> str:
        entry = self.table.get(key)
        if entry is None or language not in entry:
            raise MissingTranslation(key, language)
        text = str(entry[language])
        return text.format(**values) if values else text


def locale_of(language: str) -> str:
    return {"en": "en_GB", "cy": "cy_GB"}[language]


@lru_cache(maxsize=None)
def _symbols(language: str) -> tuple[str, str]:
    locale = locale_of(language)
    return get_group_symbol(locale), get_decimal_symbol(locale)


def _localised(text: str, language: str) -> str:
    """A figure written with ',' grouping and '.' decimals, in the locale's own separators."""
    group, decimal = _symbols(language)
    return text.replace(",", "\0").replace(".", decimal).replace("\0", group)


def number(value, language: str, places: int = 0) -> str:
    """A number grouped in thousands with the locale's own separators."""
    if value is None:
        return ""
    return _localised(f"{Decimal(value):,.{places}f}", language)


def pounds(value: Decimal | None, language: str) -> str:
    """£12,345 (or £12,345.67 when the figure has pence), in the reader's locale."""
    if value is None:
        return ""
    return _localised(format_pounds(Decimal(value)), language)


def board_name(board, language: str, short: bool = True) -> str:
    """A health board's name in the reader's language, short ("Betsi Cadwaladr") or full."""
    if language == "cy":
        return (board.short_name_cy if short else board.name_cy) or board.name_cy or board.name
    return (board.short_name if short else board.name) or board.name


def name_in(thing, language: str) -> str:
    """A cluster's or board's name in the reader's language, where the registry has one."""
    if language == "cy" and getattr(thing, "name_cy", None):
        return thing.name_cy
    return thing.name


def percent(value: float, language: str) -> str:
    return format_percent(value, format="#,##0%", locale=locale_of(language))
