"""The first question of every tender: are the ISV mandatory here?

Mandatory ⇔ the category is an ISV risk category and the estimated value (excl. VAT)
is at or above the European threshold in force on the publication date for its kind.
A date outside the threshold table is ``threshold_unknown``: never a guess.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from decimal import Decimal

from app.domain.errors import ValidationError
from app.domain.reference import KINDS, OUTSIDE_CATEGORIES, Category, Reference


class Verdict(enum.StrEnum):
    MANDATORY = "mandatory"
    VOLUNTARY_BELOW_THRESHOLD = "voluntary_below_threshold"
    VOLUNTARY_OUTSIDE_CATEGORIES = "voluntary_outside_categories"
    THRESHOLD_UNKNOWN = "threshold_unknown"


@dataclass(frozen=True)
class Reason:
    """One reason for a verdict, as a message code with parameters (words come later)."""

    code: str
    params: tuple[tuple[str, object], ...] = ()

    def as_dict(self) -> dict[str, object]:
        return dict(self.params)


@dataclass(frozen=True)
class Applicability:
    verdict: Verdict
    category_code: str
    category: Category | None
    kind: str
    value: Decimal
    date: dt.date
    threshold: int | None
    threshold_period: str | None
    reasons: tuple[Reason, ...]

    @property
    def mandatory(self) -> bool:
        return self.verdict is Verdict.MANDATORY


def validate_kind(kind: str) -> str:
    kind = kind.strip().lower()
    if kind not in KINDS:
        raise ValidationError("unknown_kind", kind=kind, allowed=", ".join(KINDS))
    return kind


def validate_value(value: Decimal | int | float | str) -> Decimal:
    try:
        amount = Decimal(str(value))
    except ArithmeticError:
        raise ValidationError("invalid_value", value=str(value)) from None
    if not amount.is_finite():
        raise ValidationError("invalid_value", value=str(value))
    if amount < 0:
        raise ValidationError("negative_value", value=str(value))
    return amount


def applicability(
    reference: Reference,
    category: str,
    kind: str,
    value: Decimal | int | float | str,
    date: dt.date,
) -> Applicability:
    """The verdict for a tender with this category, kind, estimated value and publication date.

    Raises :class:`ValidationError` for an unknown category or kind or a negative value.
    """
    code = category.strip().lower()
    kind = validate_kind(kind)
    amount = validate_value(value)
    found = reference.find_category(code, date)
    if found is None and code != OUTSIDE_CATEGORIES:
        raise ValidationError("unknown_category", category=category)
    period = reference.threshold_period(date)
    threshold = period.amount(kind) if period else None
    label = period.label if period else None

    def result(verdict: Verdict, *reasons: Reason) -> Applicability:
        return Applicability(
            verdict,
            found.code if found else code,
            found,
            kind,
            amount,
            date,
            threshold,
            label,
            reasons,
        )

    if found is None:
        return result(
            Verdict.VOLUNTARY_OUTSIDE_CATEGORIES,
            Reason("reason_outside_categories"),
            Reason("reason_voluntary_allowed"),
        )
    in_category = Reason(
        "reason_in_category",
        (("category", found.code), ("name_nl", found.name_nl), ("name_en", found.name_en)),
    )
    if period is None or threshold is None:
        return result(
            Verdict.THRESHOLD_UNKNOWN,
            in_category,
            Reason("reason_threshold_unknown", (("date", date.isoformat()),)),
        )
    params = (("value", amount), ("threshold", threshold), ("period", period.label), ("kind", kind))
    if amount >= threshold:
        return result(Verdict.MANDATORY, in_category, Reason("reason_at_or_above", params))
    return result(
        Verdict.VOLUNTARY_BELOW_THRESHOLD,
        in_category,
        Reason("reason_below", params),
        Reason("reason_voluntary_allowed"),
    )
