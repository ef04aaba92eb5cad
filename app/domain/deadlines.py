"""Deadlines that follow from a contract and its clause parameters.

- The plan of action is due ``plan_months`` after the contract starts.
- A yearly report covers each contract year; it is due on the last day of the first
  ``report_month`` (1–12) after that contract year ends. A contract shorter than a year
  has one report, over its whole period (the report at completion).
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import NamedTuple

from app.domain.calendar import add_months, contract_years, month_days


@functools.lru_cache(maxsize=65_536)
def plan_due(start: dt.date, plan_months: int) -> dt.date:
    return add_months(start, plan_months)


def risk_analysis_due(start: dt.date, plan_months: int, risk_months: int | None) -> dt.date:
    """When the risk analysis is due: ``risk_months`` after the start when the contract
    gives it a term of its own, else with the plan of action."""
    return plan_due(start, plan_months if risk_months is None else risk_months)


def month_end_after(day: dt.date, month: int) -> dt.date:
    """The last day of the first ``month`` that ends after ``day``."""
    year = day.year
    last = dt.date(year, month, month_days(year, month))
    if last <= day:
        year += 1
        last = dt.date(year, month, month_days(year, month))
    return last


class ReportDue(NamedTuple):
    """One yearly report: the contract year it covers and its due date. (A named tuple:
    the dashboard makes these for every contract at once.)"""

    contract_year: int
    period_from: dt.date
    period_to: dt.date
    due: dt.date


def yearly_reports(start: dt.date, end: dt.date, report_month: int) -> list[ReportDue]:
    """The yearly reports a contract owes, one per contract year."""
    return list(report_schedule(start, end, report_month))


@functools.lru_cache(maxsize=65_536)
def report_schedule(start: dt.date, end: dt.date, report_month: int) -> tuple[ReportDue, ...]:
    """:func:`yearly_reports` as an immutable, remembered tuple: the dashboard asks for
    the same contracts' schedules on every refresh."""
    return tuple(
        ReportDue(number, first, last, month_end_after(last, report_month))
        for number, first, last in contract_years(start, end)
    )


def next_report(start: dt.date, end: dt.date, report_month: int, today: dt.date) -> ReportDue:
    """The yearly report that falls due next on ``today`` (the last one once all are due):
    the period a new supplier workbook is written for."""
    schedule = report_schedule(start, end, report_month)
    if not schedule:  # no contract year at all (an end before the start)
        return ReportDue(1, start, end, month_end_after(end, report_month))
    return next((r for r in schedule if r.due >= today), schedule[-1])
