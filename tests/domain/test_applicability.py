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
from app.domain.reference import FILES, ThresholdPeriod, load_reference
from app.domain.reference import KINDS as REFERENCE_KINDS

REF = locator.reference()
TEN = [c.code for c in REF.category_set("tien-2017").categories]
KINDS = REFERENCE_KINDS


def _files() -> dict[str, str]:
    folder = locator.resources_dir()
    return {name: (folder / name).read_text(encoding="utf-8") for name in FILES}


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


@pytest.mark.parametrize(
    ("kind", "period"),
    [(k, p) for k in KINDS for p in REF.regime(k).periods],
    ids=lambda x: x if isinstance(x, str) else x.label,
)
def test_each_threshold_edge(kind: str, period: ThresholdPeriod) -> None:
    threshold = period.amount(kind)
    assert threshold is not None
    first = max(period.start, REF.isv_start.date)
    for day in (first, period.end):
        at = applicability(REF, "bedrijfskleding", kind, threshold, day)
        assert at.verdict is Verdict.MANDATORY, "a value exactly at the threshold is at-or-above"
        cent_below = applicability(
            REF, "bedrijfskleding", kind, Decimal(threshold) - Decimal("0.01"), day
        )
        assert cent_below.verdict is Verdict.VOLUNTARY_BELOW_THRESHOLD
        assert at.threshold_period == period.label


def test_day_before_the_start_is_not_in_force_and_after_the_table_unknown() -> None:
    first = min(p.start for p in REF.thresholds)
    last = max(p.end for p in REF.thresholds)
    before = applicability(REF, "catering", "services", 10**9, first - dt.timedelta(days=1))
    assert before.verdict is Verdict.NOT_IN_FORCE and not before.mandatory
    after = applicability(REF, "catering", "services", 10**9, last + dt.timedelta(days=1))
    assert after.verdict is Verdict.THRESHOLD_UNKNOWN


def test_the_isv_start_31_march_and_1_april_2017() -> None:
    """The ISV apply from 1 April 2017 (a setting); the 2016-2017 thresholds hold then."""
    assert REF.isv_start.date == dt.date(2017, 4, 1) and not REF.isv_start.day_confirmed
    on_eve = applicability(REF, "ict-werkomgeving", "supplies", 10**7, dt.date(2017, 3, 31))
    assert on_eve.verdict is Verdict.NOT_IN_FORCE
    assert [r.code for r in on_eve.reasons] == ["reason_not_in_force"]
    outside = applicability(REF, "overig", "supplies", 10**7, dt.date(2017, 3, 31))
    assert outside.verdict is Verdict.NOT_IN_FORCE
    first = applicability(REF, "ict-werkomgeving", "supplies", 135000, dt.date(2017, 4, 1))
    assert first.verdict is Verdict.MANDATORY
    assert (first.threshold, first.threshold_period) == (135000, "2016-2017")
    below = applicability(REF, "ict-werkomgeving", "supplies", 134999, dt.date(2017, 4, 1))
    assert below.verdict is Verdict.VOLUNTARY_BELOW_THRESHOLD
    works = applicability(REF, "energie", "works", 5225000, dt.date(2017, 12, 31))
    assert works.verdict is Verdict.MANDATORY and works.threshold == 5225000
    words = locator.catalog().text(on_eve.reasons[0].code, "nl", **on_eve.reasons[0].as_dict())
    assert "1 april 2017" in words and "31 maart 2017" in words


def test_the_isv_start_is_a_setting() -> None:
    moved = load_reference(_files().__getitem__, isv_start=dt.date(2017, 5, 1))
    assert moved.isv_start.date == dt.date(2017, 5, 1) and moved.isv_start.overridden
    day = dt.date(2017, 4, 15)
    assert applicability(moved, "energie", "supplies", 10**6, day).verdict is Verdict.NOT_IN_FORCE
    assert applicability(REF, "energie", "supplies", 10**6, day).verdict is Verdict.MANDATORY


@pytest.mark.parametrize("day", [dt.date(2017, 4, 1), dt.date(2022, 6, 1), dt.date(2027, 12, 31)])
def test_annex_xiv_social_services_750000(day: dt.date) -> None:
    for code in ("catering", "consumptieve-dienstverlening"):
        below = applicability(REF, code, "social-services", 749999, day)
        assert below.verdict is Verdict.VOLUNTARY_BELOW_THRESHOLD and below.threshold == 750000
        at = applicability(REF, code, "social-services", 750000, day)
        assert at.verdict is Verdict.MANDATORY
        assert "reason_regime_social_services" in [r.code for r in at.reasons]


def test_catering_services_keep_the_general_threshold_and_suggest_annex_xiv() -> None:
    day = dt.date(2026, 3, 1)
    general = applicability(REF, "consumptieve-dienstverlening", "services", 200000, day)
    assert general.verdict is Verdict.MANDATORY and general.threshold == 140000
    assert "reason_suggest_social_services" in [r.code for r in general.reasons]
    social = applicability(REF, "consumptieve-dienstverlening", "social-services", 200000, day)
    assert social.verdict is Verdict.VOLUNTARY_BELOW_THRESHOLD
    # other categories and supplies get no suggestion
    for code, kind in (("energie", "services"), ("consumptieve-dienstverlening", "supplies")):
        result = applicability(REF, code, kind, 200000, day)
        assert "reason_suggest_social_services" not in [r.code for r in result.reasons]
    after = applicability(REF, "catering", "social-services", 10**7, dt.date(2028, 1, 1))
    assert after.verdict is Verdict.THRESHOLD_UNKNOWN


def test_defence_and_security_regime() -> None:
    regime = REF.regime("defence-supplies")
    assert regime.id == "defence" and not regime.policy_confirmed
    known = applicability(REF, "ict-werkomgeving", "defence-supplies", 431000, dt.date(2022, 1, 1))
    assert known.verdict is Verdict.MANDATORY and known.threshold == 431000
    codes = [r.code for r in known.reasons]
    assert "reason_regime_defence" in codes and "reason_regime_unconfirmed" in codes
    assert "reason_threshold_unconfirmed" not in codes
    below = applicability(
        REF, "ict-werkomgeving", "defence-services", 430999, dt.date(2023, 12, 31)
    )
    assert below.verdict is Verdict.VOLUNTARY_BELOW_THRESHOLD
    works = applicability(REF, "energie", "defence-works", 5538000, dt.date(2025, 12, 31))
    assert works.verdict is Verdict.MANDATORY and works.threshold == 5538000
    # 2018-2021 amounts are unconfirmed: the verdict says so
    old = applicability(REF, "ict-werkomgeving", "defence-supplies", 500000, dt.date(2020, 3, 1))
    assert old.threshold == 428000
    assert "reason_threshold_unconfirmed" in [r.code for r in old.reasons]
    # unknown periods stay unknown, a general amount is never borrowed
    for day in (dt.date(2017, 6, 1), dt.date(2026, 3, 1)):
        unknown = applicability(REF, "ict-werkomgeving", "defence-supplies", 10**7, day)
        assert unknown.verdict is Verdict.THRESHOLD_UNKNOWN and unknown.threshold is None


def test_the_set_of_eight_starts_2022_unconfirmed_and_overridable() -> None:
    eight = REF.category_set("acht")
    assert eight.valid_from == dt.date(2022, 1, 1) and not eight.valid_from_confirmed
    assert REF.set_in_force(dt.date(2021, 12, 31)).id == "tien-2017"
    assert REF.set_in_force(dt.date(2022, 1, 1)).id == "acht"
    later = load_reference(_files().__getitem__, set_valid_from={"acht": dt.date(2024, 1, 1)})
    assert later.set_in_force(dt.date(2023, 6, 1)).id == "tien-2017"


def test_a_code_of_the_other_set_is_accepted_with_a_note() -> None:
    result = applicability(REF, "catering", "supplies", 200000, dt.date(2026, 3, 1))
    assert result.category is not None and result.category.set_id == "tien-2017"
    assert result.verdict is Verdict.MANDATORY
    note = next(r for r in result.reasons if r.code == "reason_other_set")
    words = locator.catalog().text(note.code, "nl", **note.as_dict())
    assert "Consumptieve dienstverlening" in words
    same = applicability(REF, "catering", "supplies", 200000, dt.date(2021, 3, 1))
    assert "reason_other_set" not in [r.code for r in same.reasons]


@settings(max_examples=300, deadline=None)
@given(
    category=st.sampled_from(TEN),
    kind=st.sampled_from(KINDS),
    day=st.dates(dt.date(2017, 6, 1), dt.date(2029, 12, 31)),
    offset=st.integers(-1000, 1000),
)
def test_property_around_thresholds(category: str, kind: str, day: dt.date, offset: int) -> None:
    period = REF.threshold_period(day, kind)
    base = (period.amount(kind) if period else None) or 140000
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
