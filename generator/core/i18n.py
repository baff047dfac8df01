"""The translation table: every UI string in English and Welsh, and locale formatting of numbers, money and dates."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import yaml
from babel import Locale
from babel.dates import format_date
from babel.numbers import format_percent, get_decimal_symbol, get_group_symbol

from generator.core.languages import LANGUAGES
from generator.core.money import AMOUNT, TBC, UNSTATED, Money, as_typed, format_pounds, shown, spoken_pounds

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


# CLDR's plural categories: a text that depends on a number gives one form per category its language
# uses (English one/other; Welsh zero/one/two/few/many/other), "other" always among them.
PLURAL_CATEGORIES = {"zero", "one", "two", "few", "many", "other"}


@dataclass
class Translations:
    # A text, or for a text with a count in it, its forms by CLDR plural category.
    table: dict[str, dict[str, str | dict[str, str]]]

    @classmethod
    def load(cls, templates_dir: Path) -> "Translations":
        data = yaml.safe_load((templates_dir / TABLE_FILE).read_text(encoding="utf-8")) or {}
        return cls({str(key): dict(entry or {}) for key, entry in data.items()})

    def malformed(self) -> list[str]:
        """Entries with keys other than the languages (e.g. an unquoted comma split a text), or plural
        forms with categories CLDR does not have or without "other"."""
        def bad_forms(text) -> bool:
            return isinstance(text, dict) and (bool(set(text) - PLURAL_CATEGORIES) or "other" not in text)
        return [key for key, entry in sorted(self.table.items())
                if set(entry) - set(LANGUAGES) or any(bad_forms(text) for text in entry.values())]

    def missing(self) -> list[tuple[str, str]]:
        def empty(text) -> bool:
            return not any(str(form or "").strip() for form in (text.values() if isinstance(text, dict) else [text]))
        return [(key, lang) for key, entry in sorted(self.table.items()) for lang in LANGUAGES
                if empty(entry.get(lang))]

    def text(self, key: str, language: str, **values) -> str:
        """The text of `key` in `language`, its values filled in. A text with plural forms takes the form
        its language's CLDR rules give for the value `n` ("7 bwrdd iechyd", "1 activity")."""
        entry = self.table.get(key)
        if entry is None or language not in entry:
            raise MissingTranslation(key, language)
        chosen = entry[language]
        if isinstance(chosen, dict):
            chosen = chosen.get(plural_category(values.get("n", 0), language)) or chosen["other"]
        text = str(chosen)
        return text.format(**values) if values else text


@lru_cache(maxsize=None)
def _plural_rule(language: str):
    return Locale.parse(locale_of(language)).plural_form


def plural_category(n, language: str) -> str:
    """CLDR's plural category of the number n in a language: 'one', 'two', 'few', 'many', 'other'..."""
    return _plural_rule(language)(n)


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


def pounds_spoken(value: Decimal | None, language: str, table: Translations) -> str:
    """An amount the way a reader would say it: "about £2.4 million", "about £340,000", "£5,000"; the
    words (about, million) from the translation table, the figure in the locale's separators."""
    if value is None:
        return ""
    figure, scale, rounded = spoken_pounds(Decimal(value))
    text = _localised(figure, language)
    if scale:
        text = table.text(f"money.{scale}", language, figure=text)
    return table.text("money.about", language, figure=text) if rounded else text


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


# The Welsh alphabet: ch, dd, ff, ng, ll, ph, rh and th are letters of their own, each after its first
# letter's place (Cymraeg: "Llanelli" comes after "Lyn", "Chwilog" after "Cyffordd").
_WELSH_LETTERS = ["a", "b", "c", "ch", "d", "dd", "e", "f", "ff", "g", "ng", "h", "i", "j", "l", "ll", "m", "n",
                  "o", "p", "ph", "r", "rh", "s", "t", "th", "u", "w", "y"]
_WELSH_RANK = {letter: n for n, letter in enumerate(_WELSH_LETTERS)}
_WELSH_DIGRAPHS = tuple(letter for letter in _WELSH_LETTERS if len(letter) == 2)


def collation_key(text: str, language: str) -> tuple:
    """A name's place in an alphabetical list in the reader's language: Welsh letters (ch, dd, ff, ng, ll,
    ph, rh, th) sort as one letter each on Welsh pages; accents and case do not decide the order."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))
    if language != "cy":
        return tuple((0, ord(c)) if c.isalnum() else (-1, 0) for c in plain if not c.isspace()) + (
            (1, text),)
    key: list[tuple[int, int]] = []
    i = 0
    while i < len(plain):
        pair = plain[i:i + 2]
        if pair in _WELSH_DIGRAPHS:
            key.append((0, _WELSH_RANK[pair]))
            i += 2
            continue
        c = plain[i]
        if not c.isspace():
            # Letters of the alphabet by their Welsh place; others (k, q, v, x, z, digits) after them.
            key.append((0, _WELSH_RANK[c]) if c in _WELSH_RANK else ((0, 100 + ord(c)) if c.isalnum() else (-1, 0)))
        i += 1
    return (*key, (1, text))


def percent(value: float, language: str) -> str:
    return format_percent(value, format="#,##0%", locale=locale_of(language))


def day(value: date, language: str) -> str:
    """A date as a reader writes it: 7 December 2026, 7 Rhagfyr 2026."""
    return format_date(value, "long", locale=locale_of(language))


def money_as_text(m: Money | None, text: Callable[[str], str], quote: str = "") -> str:
    """An amount in plain text, as the site shows it (core.money.shown): the figure as printed, to be
    confirmed or not stated (in the source's own words where it gave some), or words that are no amount,
    marked as printed. `text` gives a key's text in the reader's language; the pages' own version, with
    its markup, is render.Renderer.money."""
    s = shown(m)
    if s.form == AMOUNT:
        return s.words or as_typed(s.amount)
    if s.form == TBC:
        return s.words or text("money.tbc")
    if s.form == UNSTATED:
        return s.words or text("money.not_stated")
    return f"{quote}{s.words}{quote} ({text('money.as_printed')})"
