"""The words in every language (gettext catalogues under generator/locale), and locale formatting of numbers,
money and dates."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from gettext import c2py
from pathlib import Path

from babel.dates import format_date
from babel.messages.pofile import read_po
from babel.numbers import format_percent, get_decimal_symbol, get_group_symbol

from generator.core.languages import LANGUAGES
from generator.core.money import AMOUNT, TBC, UNSTATED, Money, as_typed, format_pounds, shown, spoken_pounds

# The words of every page, document, editor form and command, as gettext catalogues that translators' tools
# read: the English template and one translation per other language, each entry keyed by its context (the
# key the code and templates use, e.g. "site.name"), its English as the msgid.
LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"
SOURCE_LANGUAGE = "en"


def catalogue_file(language: str) -> Path:
    """Where a language's words are kept: the English in the template every translation is made from."""
    if language == SOURCE_LANGUAGE:
        return LOCALE_DIR / "messages.pot"
    return LOCALE_DIR / language / "LC_MESSAGES" / "messages.po"


def catalogue_name(language: str) -> str:
    """A catalogue's path as a maintainer finds it in the project."""
    return catalogue_file(language).relative_to(LOCALE_DIR.parent.parent).as_posix()


class MissingTranslation(KeyError):
    """A key the catalogues lack, or one without a text in a language."""

    def __init__(self, key: str, language: str):
        super().__init__(f"no '{language}' text for '{key}' in {catalogue_name(language)}")
        self.key, self.language = key, language
        # Where the key is used (template file, line), when that is known.
        self.place: tuple[str, int] | None = None

    @property
    def language_name(self) -> str:
        return {"en": "English", "cy": "Welsh"}.get(self.language, self.language)

    @property
    def catalogue(self) -> str:
        return catalogue_name(self.language)


# A value a text is filled with, in braces: {name}.
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _variant_of(name: str, known: set[str]) -> bool:
    return name in known or any(name.startswith(f"{value}_") for value in known)


@dataclass(frozen=True)
class Catalogue:
    """One language's texts by key (a text with a count in it: its plural forms, in the catalogue's order),
    and the rule that picks a form for a number (the catalogue's Plural-Forms, CLDR's categories)."""

    texts: dict[str, str | tuple[str, ...]]
    forms: int
    # The catalogue's plural rule as gettext writes it, "(n != 1)"; kept as text so a catalogue can be sent
    # to the build's workers.
    plural_rule: str
    # Keys whose text a translator has marked as needing another look since the English changed.
    fuzzy: frozenset[str] = frozenset()

    @classmethod
    def read(cls, path: Path) -> "Catalogue":
        with path.open("rb") as file:
            catalog = read_po(file)
        english = path.suffix == ".pot"
        texts: dict[str, str | tuple[str, ...]] = {}
        fuzzy = set()
        for message in catalog:
            if not message.id or message.context is None:
                continue  # the header
            text = message.id if english else message.string
            texts[message.context] = tuple(text) if isinstance(text, (list, tuple)) else (text or "")
            if message.fuzzy:
                fuzzy.add(message.context)
        return cls(texts, catalog.num_plurals, catalog.plural_expr, frozenset(fuzzy))

    def form_of(self, n: int) -> int:
        """Which of a text's plural forms the number n takes."""
        return _plural_function(self.plural_rule)(n)


@lru_cache(maxsize=None)
def _plural_function(rule: str) -> Callable[[int], int]:
    return c2py(rule)


@dataclass
class Translations:
    """The site's words in every language, read from the gettext catalogues."""

    catalogues: dict[str, Catalogue]

    @classmethod
    def load(cls) -> "Translations":
        return cls({language: Catalogue.read(catalogue_file(language)) for language in LANGUAGES})

    def keys(self) -> list[str]:
        return list(self.catalogues[SOURCE_LANGUAGE].texts)

    def __contains__(self, key: object) -> bool:
        return key in self.catalogues[SOURCE_LANGUAGE].texts

    def malformed(self) -> list[str]:
        """Keys whose translation does not fit its English: plural forms where the English has none (or the
        other way round), a count of forms other than the language's, or values in braces the English lacks
        (a translation may use a variant of one of its values, such as {expected_soft} for {expected}: the
        mutated form Welsh needs, given beside it)."""
        bad = []
        for key, english in self.catalogues[SOURCE_LANGUAGE].texts.items():
            known = set(PLACEHOLDER.findall(str(english)))
            for language, catalogue in self.catalogues.items():
                text = catalogue.texts.get(key, "")
                forms = text if isinstance(text, tuple) else (text,)
                if (isinstance(text, tuple) != isinstance(english, tuple)
                        or (isinstance(text, tuple) and len(text) != catalogue.forms)
                        or any(not _variant_of(name, known) for form in forms for name in PLACEHOLDER.findall(form))):
                    bad.append(f"{key} ({language})")
        return bad

    def missing(self) -> list[tuple[str, str]]:
        """(key, language) for each text a language lacks, has empty or has marked fuzzy."""
        def empty(text) -> bool:
            return not any(form.strip() for form in (text if isinstance(text, tuple) else (text,)))
        return [(key, language) for key in sorted(self.keys()) for language, catalogue in self.catalogues.items()
                if empty(catalogue.texts.get(key, "")) or key in catalogue.fuzzy]

    def template(self, key: str, language: str, n: int | None = None) -> str:
        """The text of `key` in `language` with its values still in braces; for a text with plural forms,
        the form its language's rule gives for the number `n` ("7 bwrdd iechyd", "1 activity")."""
        catalogue = self.catalogues.get(language)
        text = catalogue.texts.get(key) if catalogue is not None else None
        if catalogue is None or not text or key not in self:
            raise MissingTranslation(key, language)
        if isinstance(text, tuple):
            text = text[min(catalogue.form_of(int(n or 0)), len(text) - 1)] or text[-1]
        return text

    def optional(self, key: str, language: str) -> str:
        """A text that may not exist (a problem's hint): in `language`, else in English, else ""."""
        for candidate in (language, SOURCE_LANGUAGE):
            text = self.catalogues[candidate].texts.get(key) if candidate in self.catalogues else None
            if isinstance(text, str) and text:
                return text
        return ""

    def text(self, key: str, language: str, **values) -> str:
        """The text of `key` in `language`, its values filled in; `n` picks a plural form."""
        text = self.template(key, language, values.get("n"))
        return text.format(**values) if values else text


@lru_cache(maxsize=None)
def words() -> Translations:
    """The project's one set of catalogues, read once per process."""
    return Translations.load()


@dataclass(frozen=True)
class Said:
    """A value that is itself a text of the catalogues, said in the language of the text it fills."""

    key: str


def in_each_language(name: str, key: str, /, **values: object) -> dict[str, str]:
    """A problem's value said in every language, as a problem keeps one: {name: the English, name_cy: the
    Welsh}; the problem is printed with the one of its reader's language."""
    said = {}
    for language in LANGUAGES:
        filled = {k: words().text(v.key, language) if isinstance(v, Said) else v for k, v in values.items()}
        said[name if language == SOURCE_LANGUAGE else f"{name}_{language}"] = words().text(key, language, **filled)
    return said


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
