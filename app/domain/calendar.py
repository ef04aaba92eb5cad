"""Date arithmetic for deadlines: months that end short, contract years, leap days."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

_ONE_DAY = dt.timedelta(days=1)
_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def month_days(year: int, month: int) -> int:
    """The number of days in ``month`` of ``year``. (``calendar.monthrange`` also works
    out a weekday, which is not needed, and the dashboard asks this for every contract.)"""
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _DAYS[month - 1]


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus ``months`` calendar months; the 31st becomes the month's last day,
    29 February becomes 28 February in a common year."""
    index = day.month - 1 + months
    year = day.year + index // 12
    month = index % 12 + 1
    last = month_days(year, month)
    return dt.date(year, month, day.day if day.day <= last else last)


def contract_years(start: dt.date, end: dt.date) -> Iterator[tuple[int, dt.date, dt.date]]:
    """The contract years ``(number, first day, last day)`` from ``start`` to ``end``.

    Year n runs from ``start + (n-1) years`` to the day before ``start + n years``; the
    last one is cut at ``end``. A contract starting 29 February has its anniversaries on
    28 February in common years.
    """
    year, month, day = start.year, start.month, start.day
    leap_day = month == 2 and day == 29
    number = 1
    first = start
    while first <= end:
        # start + number years (add_months(start, 12 * number), written out: the
        # dashboard works out every contract's years at once)
        following_year = year + number
        following = dt.date(
            following_year, month, day if not leap_day else month_days(following_year, 2)
        )
        last = following - _ONE_DAY
        yield number, first, last if last < end else end
        number += 1
        first = following


def overlaps_year(start: dt.date, end: dt.date, year: int) -> bool:
    """True when the period ``start``–``end`` (inclusive) touches calendar ``year``."""
    return start <= dt.date(year, 12, 31) and end >= dt.date(year, 1, 1)


def parse_iso_date(text: str) -> dt.date:
    """A date as YYYY-MM-DD exactly (machine-written data); ValueError otherwise."""
    text = text.strip()
    if len(text) != 10:
        raise ValueError(text)
    return dt.date.fromisoformat(text)


_SEPARATORS = str.maketrans({"/": "-", ".": "-", " ": "-"})


def parse_typed_date(text: str) -> dt.date:
    """A date as a person types it, in the window and on the command line alike:
    ``dd-mm-jjjj``, ``d-m-jjjj``, ``ddmmjjjj`` or ``jjjj-mm-dd`` (``/`` and ``.`` may
    stand for ``-``). ValueError for anything else, or for a day that does not exist."""
    cleaned = text.strip().translate(_SEPARATORS)
    parts = cleaned.split("-")
    if len(parts) == 1 and len(cleaned) == 8 and cleaned.isdigit():
        parts = [cleaned[:2], cleaned[2:4], cleaned[4:]]
    if len(parts) != 3 or not all(p.isdigit() and p.isascii() for p in parts):
        raise ValueError(text)
    if len(parts[0]) == 4 and len(parts[1]) <= 2 and len(parts[2]) <= 2:
        year, month, day = parts
    elif len(parts[2]) == 4 and len(parts[0]) <= 2 and len(parts[1]) <= 2:
        day, month, year = parts
    else:
        raise ValueError(text)
    return dt.date(int(year), int(month), int(day))
