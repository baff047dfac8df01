"""How a value was written other than its field takes it, in a lead's words, with the value as it should be.

Each reader takes what a lead typed (a year, an id, an amount, a list) and, when it is one of the ways
people write such a value by habit (Word's long dash in 2021–22, '56,000 GBP', 'a, b, c' for a list),
says why it is not read and writes it out as it should be. Nothing here changes the plan: the validator
reports the value with the fix, and the lead decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from generator.core.money import AMOUNT, parse_amount
from generator.load import characters
from generator.problems import catalogue as C
from generator.problems.report import Phrase
from generator.schema.vocabulary import slugify


@dataclass(frozen=True)
class Reading:
    """Why a value is not read as its field wants, the value as it should be (or ''), and where in the
    written value the trouble starts (an index, or None for the whole value)."""

    why: Phrase
    fixed: str = ""
    at: int | None = None


def _first_pasted(text: str) -> int | None:
    return next((i for i, char in enumerate(text) if characters.is_pasted(char)), None)


def _has_char(text: str, at: int) -> Phrase:
    char = text[at]
    plain = characters.plain(char)
    wanted = C.WANTED_HYPHEN() if plain == "-" else C.WANTED_STRAIGHT_QUOTE() if plain in "\"'" else C.WANTED_NOTHING()
    return C.WHY_HAS_CHAR(char=characters.name(char), wanted=wanted)


def _financial_year(first: int) -> str:
    return f"{first}-{(first + 1) % 100:02d}"


def year(value: object) -> Reading | None:
    """A financial year written another way: 2021–22, 2021/22, 21/22, 2021-2022, a date, 2021."""
    if isinstance(value, int) and not isinstance(value, bool) and 1990 <= value <= 2100:
        return Reading(C.WHY_YEAR_ALONE(), _financial_year(value))
    if not isinstance(value, str):
        return None
    text = value.strip()
    pasted = _first_pasted(text)
    if pasted is not None:
        mended = "".join(characters.plain(c) for c in text).replace(" ", "")
        if re.fullmatch(r"\d{4}-\d{2}", mended):
            return Reading(_has_char(text, pasted), mended, value.index(text[pasted]))
        return Reading(_has_char(text, pasted), "", value.index(text[pasted]))
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        first = int(m[1]) if int(m[2]) >= 4 else int(m[1]) - 1
        return Reading(C.WHY_YEAR_DATE(), _financial_year(first))
    m = re.fullmatch(r"(\d{2}|\d{4})\s*([/\\]|-|–)\s*(\d{2}|\d{4})", text)
    if m:
        first = int(m[1]) if len(m[1]) == 4 else 2000 + int(m[1])
        fixed = _financial_year(first)
        if m[2] != "-":
            return Reading(C.WHY_YEAR_SLASH(), fixed, value.index(m[2]))
        if len(m[1]) == 2:
            return Reading(C.WHY_YEAR_SHORT(), fixed)
        if len(m[3]) == 4:
            return Reading(C.WHY_YEAR_LONG(), fixed)
    m = re.fullmatch(r"(?i)(fy|financial year|year)\s*(\d.*)", text)
    if m:
        inner = year(m[2])
        return Reading(inner.why if inner else C.WHY_YEAR_PREFIX(prefix=m[1]), inner.fixed if inner else "",
                       value.index(m[2]) + inner.at if inner and inner.at is not None else value.index(text[0]))
    m = re.fullmatch(r"(\d{4})", text)
    if m:
        return Reading(C.WHY_YEAR_ALONE(), _financial_year(int(m[1])))
    return None


def slug(value: object) -> Reading | None:
    """An id that is not a slug: its first character an id cannot hold, and the id written as a slug."""
    if not isinstance(value, str):
        return None
    fixed = slugify(value)
    at = next((i for i, char in enumerate(value) if not re.match(r"[a-z0-9-]", char)), None)
    if at is None:
        return Reading(C.WHY_SLUG_CHAR(char=C.CHAR_OTHER(char="-")), fixed) if fixed else None
    return Reading(C.WHY_SLUG_CHAR(char=characters.name(value[at])), fixed, at)


_SEPARATORS = ((";", C.SEPARATOR_SEMICOLONS), (",", C.SEPARATOR_COMMAS))


def list_items(value: str) -> tuple[Phrase | None, list[str]]:
    """A list written as one line of text: why (None for a single entry) and its entries."""
    bullet = characters.bullet_at_start(value.strip())
    if bullet is not None:
        return C.WHY_LIST_AS_TEXT(separator=C.SEPARATOR_BULLETS()), characters.split_bullets(value, bullet)
    for mark, named in _SEPARATORS:
        if mark in value:
            items = [item.strip() for item in value.split(mark) if item.strip()]
            if len(items) > 1:
                return C.WHY_LIST_AS_TEXT(separator=named()), items
    return None, [value.strip()]


# Words written beside a figure: a currency, or "a year" (the amounts are the plan year's already).
_CURRENCY_WORDS = re.compile(r"(?i)^(gbp|pounds?|sterling|stg|p)$")
_PER_YEAR_WORDS = re.compile(r"(?i)^(p\.?a\.?|per (annum|year)|a year|/ ?(yr|year|annum)|pcm)$")
_MILLION = re.compile(r"(?i)^£?\s*(\d+(?:\.\d+)?)\s*(m|mn|million)$")
_FIGURE = r"£?\s*\d[\d,.]*(?:\.\d{1,2})?k?"


def _pounds(value: Decimal) -> str:
    text = f"{value:,.2f}"
    return "£" + (text[:-3] if text.endswith(".00") else text)


def money(written: str) -> Reading | None:
    """An amount written as a person writes it that the plan does not read, and the amount as it should be."""
    text = written.strip()
    m = re.fullmatch(rf"({_FIGURE})\s*[-–—]\s*({_FIGURE})", text)
    if m and parse_amount(m[1]).kind == AMOUNT and parse_amount(m[2]).kind == AMOUNT:
        return Reading(C.MONEY_WHY_RANGE(), f'{{tbc: true, note: "{text}"}}')
    pasted = _first_pasted(text)
    if pasted is not None:
        mended = "".join(characters.plain(c) for c in text)
        fixed = mended.strip() if parse_amount(mended.replace("-", "")).kind == AMOUNT else ""
        return Reading(_has_char(text, pasted), fixed, written.index(text[pasted]))
    m = _MILLION.fullmatch(text)
    if m:
        try:
            return Reading(C.MONEY_WHY_MILLION(word=m[2]), _pounds(Decimal(m[1]) * 1_000_000),
                           written.lower().rindex(m[2].lower()))
        except InvalidOperation:
            return None
    m = re.fullmatch(r"([$€])\s*\d.*|.*\d\s*([$€])", text)
    if m:
        char = m[1] or m[2]
        return Reading(C.MONEY_WHY_OTHER_CURRENCY(char=char), "", written.index(char))
    m = re.fullmatch(r"£\s*-\s*(.+)", text)
    if m and parse_amount("£" + m[1]).kind == AMOUNT:
        return Reading(C.MONEY_WHY_SIGN(), "-£" + m[1].strip(), written.index("-"))
    m = re.fullmatch(r"\((.+)\)", text)
    if m and parse_amount(m[1]).kind == AMOUNT:
        return Reading(C.MONEY_WHY_BRACKETS(), "-" + m[1].strip() if m[1].strip().startswith("£") else "-£" + m[1].strip())
    m = re.fullmatch(r"(£?)\s*(\d{1,3}(?:\.\d{3})+)", text)
    if m:
        return Reading(C.MONEY_WHY_DOT(), "£" + m[2].replace(".", ","), written.index("."))
    m = re.fullmatch(r"(£?)\s*(\d{1,3}(?: \d{3})+)(\.\d{1,2})?", text)
    if m:
        return Reading(C.MONEY_WHY_SPACE(), "£" + m[2].replace(" ", ",") + (m[3] or ""),
                       written.index(" ", written.index(m[2])))
    # Words before or after a figure the plan reads: a currency, 'per year', or words of the lead's own.
    m = re.fullmatch(rf"(.*?)\s*({_FIGURE})\s*(.*?)", text)
    if m and (m[1] or m[3]) and parse_amount(m[2]).kind == AMOUNT:
        figure = m[2].strip()
        figure = figure if figure.startswith("£") else "£" + figure
        words = " ".join(w for w in (m[1], m[3]) if w).strip()
        at = written.index(words.split()[0]) if words else None
        if _CURRENCY_WORDS.match(words):
            return Reading(C.MONEY_WHY_CURRENCY(word=words), figure, at)
        if _PER_YEAR_WORDS.match(words):
            return Reading(C.MONEY_WHY_PER_YEAR(word=words), figure, at)
        amount = parse_amount(figure).amount
        # Words that hold a number of their own ('½ of £37,000', '1e4', '2 x £500') change the amount: the
        # figure alone is not offered as it.
        counted = any(char.isnumeric() for char in words)
        return Reading(C.MONEY_WHY_WORDS(words=words),
                       f"{{amount: {amount}, as_written: \"{text}\"}}" if amount is not None and not counted else "", at)
    return None


def money_mapping(value: dict) -> Reading | None:
    """`{amount: £56,000}`: the comma split the braces, or the amount is text; the amount as it should be."""
    amount = value.get("amount")
    strays = [str(k) for k in value if k not in ("amount", "as_written", "tbc", "note")]
    if isinstance(amount, (str, int)) and not isinstance(amount, bool) and strays \
            and all(re.fullmatch(r"\d+", s) for s in strays):
        # {amount: £56,000} is read as {amount: '£56', 0: null}: put the figure together again.
        rest = strays[0].zfill(3) if len(strays[0]) < 3 else strays[0]
        written = f"{amount},{rest}"  # 27,128 read as {amount: 27, 128: null}
        parsed = parse_amount(written)
        if parsed.amount is not None:
            return Reading(C.MONEY_WHY_COMMA_SPLIT(written=written, rest=rest), _mapping(value, parsed.amount))
    if isinstance(amount, str) and not strays:
        parsed = parse_amount(amount)
        if parsed.amount is not None:
            return Reading(C.MONEY_WHY_AMOUNT_TEXT(), _mapping(value, parsed.amount))
    return None


def _mapping(value: dict, amount: Decimal) -> str:
    figure = format(amount, "f")
    figure = figure.rstrip("0").rstrip(".") if "." in figure else figure
    parts = [f"amount: {figure}"]
    for key in ("as_written", "tbc", "note"):
        if key in value and value[key] is not None:
            shown = value[key]
            parts.append(f"{key}: " + (f'"{shown}"' if isinstance(shown, str) else str(shown).lower()))
    return "{" + ", ".join(parts) + "}"
