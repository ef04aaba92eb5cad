from __future__ import annotations

import datetime as dt
from decimal import Decimal

from app.domain.calendar import add_months, contract_years, overlaps_year
from app.domain.deadlines import month_end_after, plan_due, yearly_reports
from app.domain.formatting import format_date, format_money, format_number


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2024, 2, 29), 12) == dt.date(2025, 2, 28)
    assert add_months(dt.date(2026, 11, 15), 3) == dt.date(2027, 2, 15)


def test_contract_years_cross_year_end_and_leap_day() -> None:
    years = list(contract_years(dt.date(2024, 2, 29), dt.date(2026, 12, 31)))
    assert years[0] == (1, dt.date(2024, 2, 29), dt.date(2025, 2, 27))
    assert years[1][1] == dt.date(2025, 2, 28)
    assert years[-1][2] == dt.date(2026, 12, 31)


def test_yearly_reports_and_plan_due() -> None:
    assert plan_due(dt.date(2026, 11, 30), 3) == dt.date(2027, 2, 28)
    reports = yearly_reports(dt.date(2025, 10, 1), dt.date(2027, 9, 30), 3)
    assert [r.due for r in reports] == [dt.date(2027, 3, 31), dt.date(2028, 3, 31)]
    assert month_end_after(dt.date(2026, 3, 31), 3) == dt.date(2027, 3, 31)
    short = yearly_reports(dt.date(2026, 1, 1), dt.date(2026, 6, 30), 9)
    assert len(short) == 1 and short[0].due == dt.date(2026, 9, 30)


def test_overlaps_year() -> None:
    assert overlaps_year(dt.date(2025, 12, 31), dt.date(2027, 1, 1), 2026)
    assert not overlaps_year(dt.date(2027, 1, 1), dt.date(2028, 1, 1), 2026)


def test_dutch_and_english_formats() -> None:
    assert format_number(Decimal("1234.5"), "nl", 1) == "1.234,5"
    assert format_number(Decimal("1234.5"), "en", 1) == "1,234.5"
    assert format_money(140000, "nl") == "€\u00a0140.000"  # never wrapped apart
    assert format_money(Decimal("1234.5"), "nl") == "€\u00a01.234,50"
    assert format_money(140000, "en") == "€140,000"
    assert format_date(dt.date(2026, 12, 31), "nl") == "31 december 2026"
    assert format_date(dt.date(2026, 12, 31), "en") == "31 December 2026"
