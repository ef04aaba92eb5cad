"""Date arithmetic for deadlines: months that end short, contract years, leap days."""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
from collections.abc import Iterator


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus ``months`` calendar months; the 31st becomes the month's last day,
    29 February becomes 28 February in a common year."""
    index = day.month - 1 + months
    year = day.year + index // 12
    month = index % 12 + 1
    last = _calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))


def contract_years(start: dt.date, end: dt.date) -> Iterator[tuple[int, dt.date, dt.date]]:
    """The contract years ``(number, first day, last day)`` from ``start`` to ``end``.

    Year n runs from ``start + (n-1) years`` to the day before ``start + n years``; the
    last one is cut at ``end``. A contract starting 29 February has its anniversaries on
    28 February in common years.
    """
    number = 1
    first = start
    while first <= end:
        following = add_months(start, 12 * number)
        last = min(following - dt.timedelta(days=1), end)
        yield number, first, last
        number += 1
        first = following


def overlaps_year(start: dt.date, end: dt.date, year: int) -> bool:
    """True when the period ``start``–``end`` (inclusive) touches calendar ``year``."""
    return start <= dt.date(year, 12, 31) and end >= dt.date(year, 1, 1)


def parse_iso_date(text: str) -> dt.date:
    """A date as YYYY-MM-DD; ValueError otherwise."""
    text = text.strip()
    if len(text) != 10:
        raise ValueError(text)
    return dt.date.fromisoformat(text)
