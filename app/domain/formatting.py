"""Numbers, money and dates as a Dutch or English reader expects them.

Dutch: ``1.234,5``, ``€ 140.000``, ``31 december 2026``, ``20-11-2026`` in a table.
English: ``1,234.5``, ``€140,000``, ``31 December 2026``, ``20 Nov 2026``. What differs
per language is data (:data:`CONVENTIONS`), looked up by language code.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from app.domain.languages import choose


class Conventions(NamedTuple):
    """How one language writes numbers, money, percentages and dates."""

    thousands: str
    decimal_mark: str
    money: str  # with {amount}
    percent: str  # with {number}
    months: tuple[str, ...]
    short_date: str  # with {day}, {month}, {year} (numbers) and {abbr} (month, short)
    yes: str
    no: str


CONVENTIONS = {
    "nl": Conventions(
        thousands=".",
        decimal_mark=",",
        money="€\u00a0{amount}",  # a no-break space: € never wraps away from its amount
        percent="{number} %",
        months=(
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ),
        short_date="{day:02d}-{month:02d}-{year}",
        yes="ja",
        no="nee",
    ),
    "en": Conventions(
        thousands=",",
        decimal_mark=".",
        money="€{amount}",
        percent="{number}%",
        months=(
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ),
        short_date="{day} {abbr} {year}",
        yes="yes",
        no="no",
    ),
}


def conventions(lang: str) -> Conventions:
    return choose(lang, CONVENTIONS)


def month_names(lang: str) -> tuple[str, ...]:
    return conventions(lang).months


def format_number(value: Decimal | int | float, lang: str = "nl", decimals: int = 0) -> str:
    """Grouped digits with the language's separators, rounded half up."""
    quantum = Decimal(1).scaleb(-decimals)
    number = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    marks = conventions(lang)
    return f"{number:,.{decimals}f}".translate(
        {ord(","): marks.thousands, ord("."): marks.decimal_mark}
    )


def format_money(value: Decimal | int | float, lang: str = "nl") -> str:
    """Whole euros unless there are cents: ``€ 140.000`` / ``€ 1.234,50``."""
    amount = Decimal(str(value))
    decimals = 0 if amount == amount.to_integral_value() else 2
    return conventions(lang).money.format(amount=format_number(amount, lang, decimals))


def format_percent(value: float, lang: str = "nl", decimals: int = 1) -> str:
    number = format_number(Decimal(str(value)), lang, decimals)
    return conventions(lang).percent.format(number=number)


def format_date(day: dt.date, lang: str = "nl") -> str:
    return f"{day.day} {month_names(lang)[day.month - 1]} {day.year}"


def format_short_date(day: dt.date, lang: str = "nl") -> str:
    """A date in a table: ``20-11-2026`` / ``20 Nov 2026``."""
    words = conventions(lang)
    return words.short_date.format(
        day=day.day, month=day.month, year=day.year, abbr=words.months[day.month - 1][:3]
    )


def format_yes_no(value: bool, lang: str = "nl") -> str:
    words = conventions(lang)
    return words.yes if value else words.no
