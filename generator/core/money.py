"""Money: an amount in pounds, or explicitly to be confirmed, with the figure as the source wrote it."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

AMOUNT = "amount"
TBC = "tbc"
UNSTATED = "unstated"
UNPARSED = "unparsed"

_TBC_WORDS = {"tbc", "£tbc", "tbc.", "to be confirmed", "tbd", "to be determined", "unknown",
              "not known", "£ tbc"}
# Thousands separators must group digits in threes, so a misprint like £77,0194.24 is refused.
_AMOUNT = re.compile(r"^(?P<sign>-)?£?\s*(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d{1,2})?(?P<k>\s*k)?$",
                     re.IGNORECASE)


@dataclass(frozen=True)
class Money:
    """A figure of a plan. Only an AMOUNT has an amount in pounds; the other kinds have none, so that
    `amount is not None` tells a known figure (see known_amount)."""
    kind: str
    amount: Decimal | None = None
    as_written: str | None = None
    note: str | None = None

    def __post_init__(self) -> None:
        if (self.kind == AMOUNT) != (self.amount is not None):
            raise ValueError(f"a {self.kind} figure {'needs' if self.kind == AMOUNT else 'has no'} amount")

    @property
    def known(self) -> bool:
        return self.kind == AMOUNT

    def to_json(self) -> Any:
        out: dict[str, Any] = {"kind": self.kind}
        if self.amount is not None:
            out["amount"] = float(self.amount) if self.amount % 1 else int(self.amount)
        if self.as_written is not None:
            out["as_written"] = self.as_written
        if self.note is not None:
            out["note"] = self.note
        return out


@dataclass(frozen=True)
class Shown:
    """What a reader is shown for an amount, in whatever format: the figure (AMOUNT), to be confirmed
    (TBC), not stated (UNSTATED, with the plan's note on it if any) or the figure as the source printed
    it (UNPARSED, flagged as such, never guessed at). `words` is the figure as the plan writes it."""
    form: str
    amount: Decimal | None = None
    words: str | None = None


def shown(m: Money | None) -> Shown:
    """How an amount, or a missing one (None), is shown to readers."""
    if m is None:
        return Shown(UNSTATED)
    # The figure as the source printed it is what readers see ('£1000', '£TBC', 'Cluster funds £67,897'):
    # never reformatted, never given a '£' it did not have.
    written = m.as_written.strip() if m.as_written else None
    if m.amount is not None:
        return Shown(AMOUNT, amount=m.amount, words=written)
    if m.kind == TBC:
        return Shown(TBC, words=written)
    if m.as_written:
        return Shown(UNPARSED, words=m.as_written)
    return Shown(UNSTATED, words=m.note)


def known_amount(m: Money | None) -> Decimal | None:
    """The amount in pounds of a figure that is known; None when it is to be confirmed, unreadable or absent."""
    return m.amount if m is not None else None


def known_amounts(figures: Iterable[Money | None]) -> list[Decimal]:
    """The amounts of the figures that are known, leaving out the others."""
    return [m.amount for m in figures if m is not None and m.amount is not None]


def as_typed(value: Decimal | None) -> str:
    """A figure the plan gives as a bare number (8000, 34999.5), shown as it is typed: no '£' or
    thousands separator the source may not have had."""
    if value is None:
        return ""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def parse_amount(text: str) -> Money:
    """Read a written figure. Unreadable figures are kept as written, never guessed at."""
    written = text.strip()
    if not written:
        # An empty cell states no amount; it is no misprint of one.
        return Money(UNSTATED)
    if written.lower().replace(" ", "") in {w.replace(" ", "") for w in _TBC_WORDS}:
        return Money(TBC, as_written=text)
    m = _AMOUNT.match(written)
    if not m:
        return Money(UNPARSED, as_written=text)
    try:
        value = Decimal(m["int"].replace(",", "") + (m["frac"] or ""))
    except InvalidOperation:  # pragma: no cover - the pattern only admits digits
        return Money(UNPARSED, as_written=text)
    if m["k"]:
        value *= 1000
    if m["sign"]:
        value = -value
    return Money(AMOUNT, value, as_written=text)


class NotAnAmount(TypeError):
    """A value that is no amount of money: `what` says what it is instead (yes-no, list ...), with its values."""

    def __init__(self, what: str, **values: object):
        super().__init__(what)
        self.what, self.values = what, values


def money_from_yaml(value: Any) -> Money:
    """Accept a number, a written figure, or a mapping {amount, as_written, tbc, note}."""
    if isinstance(value, Money):
        return value
    if isinstance(value, bool):
        raise NotAnAmount("yes-no")
    if isinstance(value, (int, float)):
        # YAML's .inf and .nan are numbers to Python but not amounts; Decimal arithmetic would fail later.
        if not math.isfinite(value):
            raise NotAnAmount("not-finite", number=value)
        return Money(AMOUNT, Decimal(str(value)))
    if isinstance(value, str):
        return parse_amount(value)
    if isinstance(value, dict):
        allowed = {"amount", "as_written", "tbc", "note"}
        extra = set(value) - allowed
        if extra:
            raise KeyError(sorted(extra)[0])
        note = value.get("note")
        written = value.get("as_written")
        if note is not None and not isinstance(note, str):
            raise NotAnAmount("note")
        if written is not None and not isinstance(written, (str, int, float)):
            raise NotAnAmount("as-written")
        written = None if written is None else str(written)
        amount = value.get("amount")
        if amount is not None:
            if isinstance(amount, bool) or not isinstance(amount, (int, float)) or not math.isfinite(amount):
                raise NotAnAmount("amount")
            return Money(AMOUNT, Decimal(str(amount)), written, note)
        if value.get("tbc"):
            return Money(TBC, None, written, note)
        if written is not None:
            parsed = parse_amount(written)
            return Money(parsed.kind, parsed.amount, written, note)
        return Money(UNSTATED, None, None, note)
    raise NotAnAmount("list") if isinstance(value, list) else NotAnAmount("other", kind=type(value).__name__)


MONEY_JSON_SCHEMA = {
    "description": ("An amount in pounds: a number (12000), a figure as written ('£12,000'),"
                    " TBC when not yet known, or a mapping keeping the source's wording."),
    "anyOf": [
        {"type": "number"},
        {"type": "string", "examples": ["£12,000", "TBC"]},
        {"type": "object", "additionalProperties": False, "properties": {
            "amount": {"type": "number", "description": "The amount in pounds."},
            "as_written": {"type": ["string", "number"], "description": "The figure exactly as the source prints it."},
            "tbc": {"type": "boolean", "description": "True when the amount is to be confirmed."},
            "note": {"type": "string", "description": "A short note, e.g. 'Funded by the health board'."},
        }},
    ],
}


def format_pounds(value: Decimal | None, places: int | None = None) -> str:
    """£12,345 or £12,345.67: pence shown only when the figure has them."""
    if value is None:
        return ""
    q = value.quantize(Decimal("0.01"))
    if places is None:
        places = 0 if q == q.to_integral_value() else 2
    sign = "-" if q < 0 else ""
    return f"{sign}£{abs(q):,.{places}f}"


def spoken_pounds(value: Decimal) -> tuple[str, str, bool]:
    """An amount rounded the way a reader says it, as (figure, scale, rounded): £2,363,026.50 is
    ('£2.4', 'million', True), £337,360 ('£340,000', '', True), £5,000 ('£5,000', '', False). Two
    significant figures from £10,000 up; the exact figure belongs one step away, in a table."""
    if abs(value) >= 1_000_000:
        figure = (value / 1_000_000).quantize(Decimal("0.1"))
        millions = figure.normalize() if figure == figure.to_integral_value() else figure
        text = format_pounds(Decimal(millions), places=0 if figure == figure.to_integral_value() else 1)
        return text, "million", figure * 1_000_000 != value
    if abs(value) >= 10_000:
        step = Decimal(10) ** (len(str(int(abs(value)))) - 2)
        figure = (value / step).quantize(Decimal(1)) * step
        return format_pounds(figure, places=0), "", figure != value
    figure = value.quantize(Decimal(1))
    return format_pounds(figure, places=0), "", figure != value
