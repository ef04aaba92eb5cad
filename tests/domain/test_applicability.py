"""The applicability rule at and around every threshold and period boundary."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app import locator
from app.domain.applicability import Verdict, applicability
from app.domain.errors import ValidationError

REF = locator.reference()
TEN = [c.code for c in REF.category_set("tien-2017").categories]
KINDS = ("supplies", "services", "works")


def test_example_from_the_issue() -> None:
    result = applicability(REF, "ict-werkomgeving", "supplies", 140000, dt.date(2026, 3, 1))
    assert result.verdict is Verdict.MANDATORY
    assert (result.threshold, result.threshold_period) == (140000, "2026-2027")
    below = applicability(REF, "ict-werkomgeving", "supplies", 139999, dt.date(2026, 3, 1))
    assert below.verdict is Verdict.VOLUNTARY_BELOW_THRESHOLD
    later = applicability(REF, "ict-werkomgeving", "supplies", 10**7, dt.date(2028, 1, 1))
    assert later.verdict is Verdict.THRESHOLD_UNKNOWN and later.threshold is None
    outside = applicability(REF, "overig", "supplies", 10**7, dt.date(2026, 1, 1))
    assert outside.verdict is Verdict.VOLUNTARY_OUTSIDE_CATEGORIES


@pytest.mark.parametrize("period", REF.thresholds, ids=lambda p: p.label)
@pytest.mark.parametrize("kind", KINDS)
def test_each_threshold_edge(period: object, kind: str) -> None:
    threshold = period.amount(kind)  # type: ignore[attr-defined]
    for day in (period.start, period.end):  # type: ignore[attr-defined]
        at = applicability(REF, "bedrijfskleding", kind, threshold, day)
        assert at.verdict is Verdict.MANDATORY, "a value exactly at the threshold is at-or-above"
        cent_below = applicability(
            REF, "bedrijfskleding", kind, Decimal(threshold) - Decimal("0.01"), day
        )
        assert cent_below.verdict is Verdict.VOLUNTARY_BELOW_THRESHOLD
        assert at.threshold_period == period.label  # type: ignore[attr-defined]


def test_day_before_the_table_and_after_it_are_unknown() -> None:
    first = min(p.start for p in REF.thresholds)
    last = max(p.end for p in REF.thresholds)
    for day in (first - dt.timedelta(days=1), last + dt.timedelta(days=1)):
        result = applicability(REF, "catering", "services", 10**9, day)
        assert result.verdict is Verdict.THRESHOLD_UNKNOWN


@settings(max_examples=300, deadline=None)
@given(
    category=st.sampled_from(TEN),
    kind=st.sampled_from(KINDS),
    day=st.dates(dt.date(2017, 6, 1), dt.date(2029, 12, 31)),
    offset=st.integers(-1000, 1000),
)
def test_property_around_thresholds(category: str, kind: str, day: dt.date, offset: int) -> None:
    period = next((p for p in REF.thresholds if p.start <= day <= p.end), None)
    base = period.amount(kind) if period else 140000
    value = max(0, base + offset)
    result = applicability(REF, category, kind, value, day)
    if period is None:
        assert result.verdict is Verdict.THRESHOLD_UNKNOWN
    elif value >= base:
        assert result.verdict is Verdict.MANDATORY and result.threshold == base
    else:
        assert result.verdict is Verdict.VOLUNTARY_BELOW_THRESHOLD


@settings(max_examples=200, deadline=None)
@given(
    day=st.dates(dt.date(2018, 1, 1), dt.date(2027, 12, 31)),
    value=st.integers(0, 10**8),
    kind=st.sampled_from(KINDS),
)
def test_property_monotone_in_value(day: dt.date, value: int, kind: str) -> None:
    """Raising the value never turns a mandatory verdict into a voluntary one."""
    low = applicability(REF, "energie", kind, value, day)
    high = applicability(REF, "energie", kind, value + 1, day)
    if low.mandatory:
        assert high.mandatory


@pytest.mark.parametrize(
    ("category", "kind", "value", "code"),
    [
        ("meubels", "supplies", 1, "unknown_category"),
        ("energie", "goods", 1, "unknown_kind"),
        ("energie", "works", -1, "negative_value"),
        ("energie", "works", "abc", "invalid_value"),
    ],
)
def test_bad_input_is_a_typed_error(category: str, kind: str, value: object, code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        applicability(REF, category, kind, value, dt.date(2026, 1, 1))  # type: ignore[arg-type]
    assert caught.value.code == code
    assert locator.catalog().has(code)
