"""One rule for amounts people type: the command line's plain notation and the window's
Dutch or English one, each read one way only, every refusal naming the value."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app import locator
from app.domain.amounts import parse_amount
from app.domain.clauses import parse_penalty
from app.domain.errors import ValidationError

PLAIN = None  # the command line


@pytest.mark.parametrize(
    ("text", "lang", "amount"),
    [
        ("250000", PLAIN, "250000"),
        ("250000.50", PLAIN, "250000.50"),
        ("250000.5", PLAIN, "250000.5"),
        ("250_000", PLAIN, "250000"),
        (" 250000 ", PLAIN, "250000"),
        ("€ 2500", PLAIN, "2500"),
        ("0", PLAIN, "0"),
        ("250000", "nl", "250000"),
        ("250.000", "nl", "250000"),
        ("250.000,50", "nl", "250000.50"),
        ("1.234.567,8", "nl", "1234567.8"),
        ("250000,50", "nl", "250000.50"),
        ("€ 250.000", "nl", "250000"),
        ("250 000", "nl", "250000"),
        ("250\u00a0000,50", "nl", "250000.50"),
        ("250000", "en", "250000"),
        ("250,000", "en", "250000"),
        ("250,000.50", "en", "250000.50"),
        ("€250,000", "en", "250000"),
        ("1,234,567.8", "en", "1234567.8"),
    ],
)
def test_accepted_forms(text: str, lang: str | None, amount: str) -> None:
    assert parse_amount(text, "--value", lang) == Decimal(amount)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("", PLAIN),
        ("abc", PLAIN),
        ("250.000", PLAIN),  # a Dutch thousands mark, or 250 with three decimals: refused
        ("250,000", PLAIN),  # the command line takes no thousands mark
        ("250000,50", PLAIN),
        ("250000.505", PLAIN),  # no fraction of a cent
        ("2.5e5", PLAIN),
        ("Infinity", PLAIN),
        ("NaN", PLAIN),
        ("1.2.3", PLAIN),
        (".50", PLAIN),
        ("250000.", PLAIN),
        ("\u0663\u0660\u0660", PLAIN),  # digits of another script
        ("250.50", "nl"),  # a point in Dutch groups three digits
        ("2500.000", "nl"),  # a group before the first point has at most three digits
        ("250.000.5", "nl"),
        ("250,505", "nl"),  # more than two decimals
        ("250.000,50,1", "nl"),
        ("250,000", "nl"),  # 250 with three decimals in Dutch: refused, not read as 250
        ("250.000", "en"),  # the same the other way round
        ("250,50", "en"),
        ("1,2345.00", "en"),
        ("twee", "en"),
    ],
)
def test_refused_forms_name_the_value_and_field(text: str, lang: str | None) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_amount(text, "--value", lang)
    assert caught.value.code == "invalid_amount"
    for words in ("nl", "en"):
        sentence = locator.catalog().error(caught.value, words)
        assert f"‘{text}’" in sentence and "--value" in sentence
    dutch = locator.catalog().error(caught.value, "nl")
    english = locator.catalog().error(caught.value, "en")
    assert "bedrag" in dutch and "amount" in english
    example = {PLAIN: "250000.50", "nl": "250.000,50", "en": "250,000.50"}[lang]
    assert example in dutch and example in english


@pytest.mark.parametrize(("text", "lang"), [("-5", PLAIN), ("-250.000,50", "nl"), ("-1", "en")])
def test_a_negative_amount_is_refused_as_such(text: str, lang: str | None) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_amount(text, "Boete", lang)
    assert caught.value.code == "negative_amount"
    sentence = locator.catalog().error(caught.value, "nl")
    assert f"‘{text}’" in sentence and "Boete" in sentence and "negatief" in sentence


def test_the_penalty_of_the_clauses_reads_the_command_line_notation() -> None:
    assert parse_penalty("€ 5_000") == Decimal(5000)
    assert parse_penalty("1234.50") == Decimal("1234.50")
    for text, code in (
        ("5.000", "clauses_invalid_penalty"),
        ("1e3", "clauses_invalid_penalty"),
        ("-5", "clauses_penalty_not_positive"),
        ("0", "clauses_penalty_not_positive"),
    ):
        with pytest.raises(ValidationError) as caught:
            parse_penalty(text)
        assert caught.value.code == code
        assert caught.value.params["value"] == text


@pytest.mark.parametrize(
    ("text", "lang"),
    [("1000000000000", PLAIN), ("99999999999999999999999", PLAIN), ("1.000.000.000.000", "nl")],
)
def test_an_amount_too_large_to_store_is_refused_as_such(text: str, lang: str | None) -> None:
    """A cent amount beyond what storage holds ended in an unexpected OverflowError."""
    assert parse_amount("999999999999.99", "--value") == Decimal("999999999999.99")
    with pytest.raises(ValidationError) as caught:
        parse_amount(text, "--value", lang)
    assert caught.value.code == "amount_too_large"
    dutch = locator.catalog().error(caught.value, "nl")
    english = locator.catalog().error(caught.value, "en")
    assert f"‘{text}’ bij --value is te groot" in dutch and "1.000.000.000.000" in dutch
    assert f"‘{text}’ for --value is too large" in english and "1,000,000,000,000" in english
