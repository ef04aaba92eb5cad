"""Numbers, money and dates as a Dutch or English reader expects them.

Dutch: ``1.234,5``, ``€ 140.000``, ``31 december 2026``. English: ``1,234.5``,
``€140,000``, ``31 December 2026``.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

MONTHS_NL = (
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
)
MONTHS_EN = (
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
)


def format_number(value: Decimal | int | float, lang: str = "nl", decimals: int = 0) -> str:
    """Grouped digits with the language's separators, rounded half up."""
    quantum = Decimal(1).scaleb(-decimals)
    number = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    text = f"{number:,.{decimals}f}"
    if lang == "en":
        return text
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_money(value: Decimal | int | float, lang: str = "nl") -> str:
    """Whole euros unless there are cents: ``€ 140.000`` / ``€ 1.234,50``."""
    amount = Decimal(str(value))
    decimals = 0 if amount == amount.to_integral_value() else 2
    digits = format_number(amount, lang, decimals)
    return f"€{digits}" if lang == "en" else f"€ {digits}"


def format_percent(value: float, lang: str = "nl", decimals: int = 1) -> str:
    text = format_number(Decimal(str(value)), lang, decimals)
    return f"{text}%" if lang == "en" else f"{text} %"


def format_date(day: dt.date, lang: str = "nl") -> str:
    months = MONTHS_EN if lang == "en" else MONTHS_NL
    return f"{day.day} {months[day.month - 1]} {day.year}"
