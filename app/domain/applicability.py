"""The first question of every tender: are the ISV mandatory here?

Mandatory ⇔ the category is an ISV risk category and the estimated value (excl. VAT)
is at or above the European threshold in force on the publication date for its kind.
The kind decides the regime: the general thresholds, Annex XIV's social and other
specific services (EUR 750,000), or defence and security (Directive 2009/81/EC, whose
use by the ISV policy is unconfirmed). A date before the ISV's start (1 April 2017 by
default, a setting) is ``not_in_force``; a date outside the regime's threshold table
is ``threshold_unknown``: never a guess.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import NamedTuple

from app.domain.errors import ValidationError
from app.domain.reference import KINDS, OUTSIDE_CATEGORIES, Category, Reference


class Verdict(enum.StrEnum):
    MANDATORY = "mandatory"
    VOLUNTARY_BELOW_THRESHOLD = "voluntary_below_threshold"
    VOLUNTARY_OUTSIDE_CATEGORIES = "voluntary_outside_categories"
    THRESHOLD_UNKNOWN = "threshold_unknown"
    NOT_IN_FORCE = "not_in_force"


class Reason(NamedTuple):
    """One reason for a verdict, as a message code with parameters (words come later)."""

    code: str
    params: tuple[tuple[str, object], ...] = ()

    def as_dict(self) -> dict[str, object]:
        return dict(self.params)


class Applicability(NamedTuple):
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
    start = reference.isv_start
    regime = reference.regime(kind)
    period = regime.period(date) if date >= start.date else None
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

    notes = _notes(reference, found, kind, date)
    if date < start.date:
        return result(
            Verdict.NOT_IN_FORCE,
            Reason(
                "reason_not_in_force",
                (("date", date), ("start", start.date)),
            ),
            *notes,
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
            *notes,
        )
    params = (("value", amount), ("threshold", threshold), ("period", period.label), ("kind", kind))
    if not period.confirmed:
        notes = (*notes, Reason("reason_threshold_unconfirmed", (("period", period.label),)))
    if amount >= threshold:
        return result(Verdict.MANDATORY, in_category, Reason("reason_at_or_above", params), *notes)
    return result(
        Verdict.VOLUNTARY_BELOW_THRESHOLD,
        in_category,
        Reason("reason_below", params),
        Reason("reason_voluntary_allowed"),
        *notes,
    )


NOTES = frozenset(
    {
        "reason_regime_social_services",
        "reason_regime_defence",
        "reason_regime_unconfirmed",
        "reason_threshold_unconfirmed",
        "reason_suggest_social_services",
        "reason_other_set",
    }
)
"""The reason codes that are notes beside the verdict (``tender add`` repeats them)."""


def _notes(
    reference: Reference, found: Category | None, kind: str, date: dt.date
) -> tuple[Reason, ...]:
    """What the buyer should know beside the verdict: which regime applies and why, a
    catering service that may be an Annex XIV service, a code of the other category set."""
    notes: list[Reason] = []
    regime = reference.regime(kind)
    if regime.id == "social-services":
        notes.append(Reason("reason_regime_social_services"))
    elif regime.id == "defence":
        notes.append(Reason("reason_regime_defence"))
        if not regime.policy_confirmed:
            notes.append(Reason("reason_regime_unconfirmed"))
    if found is not None and found.annex_xiv_nl and kind == "services":
        notes.append(
            Reason(
                "reason_suggest_social_services",
                (("name_nl", found.name_nl), ("name_en", found.name_en)),
            )
        )
    if found is not None:
        in_force = reference.set_in_force(date)
        if found.set_id != in_force.id:
            mapped = [c for c in reference.mapped(found) if c.set_id == in_force.id]
            notes.append(
                Reason(
                    "reason_other_set",
                    (
                        ("category", found.code),
                        ("set_nl", reference.category_set(found.set_id).name_nl),
                        ("set_en", reference.category_set(found.set_id).name_en),
                        ("mapped_nl", ", ".join(c.name_nl for c in mapped) or "-"),
                        ("mapped_en", ", ".join(c.name_en for c in mapped) or "-"),
                        ("date", date),
                    ),
                )
            )
    return tuple(notes)
