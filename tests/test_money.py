"""Money: figures as plans write them are read exactly, or kept as written; never guessed at."""

from __future__ import annotations

import html
import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError
from plan_testing import REAL_REPO

from generator.core import i18n
from generator.commands.diff import Presenter
from generator.model.records import Repository
from generator.core.money import AMOUNT, TBC, UNPARSED, UNSTATED, Money, format_pounds, money_from_yaml, parse_amount
from generator.problems.report import PhrasedError
from generator.render.renderer import Renderer, SiteContext
from generator.schema.plan import MoneyField


@pytest.mark.parametrize("written, amount", [
    ("£12,000", Decimal("12000")),
    ("12000", Decimal("12000")),
    ("£224,786.00", Decimal("224786.00")),
    ("£34,999.50", Decimal("34999.50")),
    ("£ 12,000", Decimal("12000")),
    (" £12,000 ", Decimal("12000")),
    ("£1,234,567", Decimal("1234567")),
    ("12k", Decimal("12000")),
    ("-£500", Decimal("-500")),
    ("0", Decimal("0")),
])
def test_written_figures_are_read(written: str, amount: Decimal):
    money = money_from_yaml(written)
    assert money == Money(AMOUNT, amount, as_written=written)
    assert money.known


@pytest.mark.parametrize("value, amount", [(12000, Decimal("12000")), (12000.5, Decimal("12000.5")),
                                           (0.1, Decimal("0.1"))])
def test_numbers_are_read_exactly(value, amount: Decimal):
    money = money_from_yaml(value)
    assert money == Money(AMOUNT, amount)
    assert money.as_written is None


@pytest.mark.parametrize("written", [
    "£77,0194.24",   # the North East Flintshire misprint: thousands not grouped in threes
    "£72,,000",      # a doubled comma
    "£1,2345",
    "£12,000.505",   # more than pence
    "£12.000,50",    # continental separators
    "twelve thousand",
    "£",
])
def test_misprinted_figures_are_kept_as_written(written: str):
    money = money_from_yaml(written)
    assert money == Money(UNPARSED, None, as_written=written)
    assert not money.known


@pytest.mark.parametrize("written", ["TBC", "£TBC", "tbc", "TBC.", "£ TBC", "To be confirmed", "TBD", "unknown"])
def test_to_be_confirmed(written: str):
    assert money_from_yaml(written) == Money(TBC, None, as_written=written)


@pytest.mark.parametrize("written", ["", "   "])
def test_an_empty_figure_is_not_stated_rather_than_misprinted(written: str):
    assert money_from_yaml(written) == Money(UNSTATED)


def test_note_only():
    assert money_from_yaml({"note": "BCUHB Funded"}) == Money(UNSTATED, None, None, "BCUHB Funded")


def test_amount_with_the_figure_as_written():
    assert money_from_yaml({"amount": 1, "as_written": "£1.00 (one pound)"}) == \
        Money(AMOUNT, Decimal("1"), "£1.00 (one pound)", None)


def test_as_written_alone_is_parsed():
    assert money_from_yaml({"as_written": "£5,000", "note": "estimate"}) == \
        Money(AMOUNT, Decimal("5000"), "£5,000", "estimate")
    assert money_from_yaml({"as_written": "£77,0194.24"}) == Money(UNPARSED, None, "£77,0194.24", None)


def test_explicit_tbc_mapping():
    assert money_from_yaml({"tbc": True, "note": "awaiting WG allocation"}) == \
        Money(TBC, None, None, "awaiting WG allocation")


def test_empty_mapping_is_unstated():
    assert money_from_yaml({}) == Money(UNSTATED)


@pytest.mark.parametrize("value, text", [
    (True, "expected an amount of money, received a yes/no value"),
    ([12000], "expected an amount of money, received a list"),
    (float("inf"), "expected an amount of money, received the number inf, which is not an amount"),
    (float("nan"), "expected an amount of money, received the number nan, which is not an amount"),
    ({"amount": "12000"}, "expected an amount of money, received an amount that is not a number"),
    ({"amount": float("inf")}, "expected an amount of money, received an amount that is not a number"),
    ({"amount": True}, "expected an amount of money, received an amount that is not a number"),
    ({"note": 5}, "expected an amount of money, received a note that is not text"),
    ({"as_written": ["£5"]}, "expected an amount of money, received an as_written that is not text"),
    ({"amout": 5}, "unknown field 'amout' in an amount of money"),
])
def test_values_that_are_not_money(value, text: str):
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(MoneyField).validate_python(value)
    [error] = caught.value.errors()
    refused = error["ctx"]["error"]
    assert isinstance(refused, PhrasedError) and refused.money
    assert str(refused.phrase) == text
    assert refused.phrase.text_in("cy").startswith(("disgwyliwyd swm o arian, cafwyd ", "maes anhysbys 'amout'"))


def test_parse_amount_keeps_the_original_text():
    assert parse_amount("  £12,000").as_written == "  £12,000"


@pytest.mark.parametrize("money, json", [
    (Money(AMOUNT, Decimal("12000"), "£12,000"), {"kind": "amount", "amount": 12000, "as_written": "£12,000"}),
    (Money(AMOUNT, Decimal("34999.50")), {"kind": "amount", "amount": 34999.5}),
    (Money(TBC, None, "TBC"), {"kind": "tbc", "as_written": "TBC"}),
    (Money(UNSTATED, note="BCUHB Funded"), {"kind": "unstated", "note": "BCUHB Funded"}),
    (Money(UNPARSED, None, "£72,,000"), {"kind": "unparsed", "as_written": "£72,,000"}),
])
def test_to_json(money: Money, json: dict):
    assert money.to_json() == json


@pytest.mark.parametrize("amount, shown", [
    (Decimal("12000"), "£12,000"),
    (Decimal("202382.50"), "£202,382.50"),
    (Decimal("12345.6"), "£12,345.60"),
    (Decimal("-5"), "-£5"),
    (Decimal("0"), "£0"),
    (Decimal("0.004"), "£0"),
    (None, ""),
])
def test_format_pounds(amount, shown: str):
    assert format_pounds(amount) == shown


@given(st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_formatted_amounts_read_back_to_the_same_amount(amount: Decimal):
    money = parse_amount(format_pounds(amount))
    assert money.kind == AMOUNT
    assert money.amount == amount


@given(st.text(max_size=30))
def test_any_text_is_an_amount_tbc_or_kept_as_written(text: str):
    money = parse_amount(text)
    if not text.strip():
        assert money == Money(UNSTATED)
        return
    assert money.kind in (AMOUNT, TBC, UNPARSED)
    assert money.as_written == text
    if money.kind != AMOUNT:
        assert money.amount is None


# --- How amounts are shown ----------------------------------------------------------------------

SHOWN_EVERYWHERE = [
    (None, "not stated"),
    (Money(AMOUNT, Decimal("12000.5"), "£12,000.50"), "£12,000.50"),
    # Figures read as the source writes them: never reformatted, never given a '£' they did not have.
    (Money(TBC, as_written="tbc", note="awaiting the board"), "tbc"),
    (Money(TBC, as_written="£TBC"), "£TBC"),
    (Money(TBC), "TBC"),
    (Money(AMOUNT, Decimal("1000"), "£1000"), "£1000"),
    (Money(AMOUNT, Decimal("8000")), "8000"),
    (Money(UNPARSED, as_written="£77,0194.24"), "'£77,0194.24' (as printed in the source)"),
    (Money(UNSTATED, note="Funded by the health board"), "Funded by the health board"),
    (Money(UNSTATED), "not stated"),
]


@pytest.mark.parametrize("money, words", SHOWN_EVERYWHERE)
def test_an_amount_reads_the_same_on_the_site_and_in_the_terminal(money, words):
    templates = REAL_REPO / "templates"
    terminal = Presenter(templates, "en", colour=False).money(money)
    site = Renderer(SiteContext(Repository(), REAL_REPO / "content", templates,
                                i18n.words()), "en").money(money)
    assert terminal == words
    page_words = html.unescape(re.sub(r"<[^>]+>", "", str(site)))
    assert page_words == words.replace("'", "")
