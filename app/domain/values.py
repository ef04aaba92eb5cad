"""Frozen values that cross layer boundaries: services return these, never ORM objects."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from app.domain.characters import NOT_XML
from app.domain.errors import ValidationError

# The range of a whole-number column (``Integer``) on every database the application
# supports: a value outside it is refused when read, never found out when written.
STORED_INT_MIN = -(2**31)
STORED_INT_MAX = 2**31 - 1


def to_cents(amount: Decimal) -> int:
    return int((amount * 100).to_integral_value())


def from_cents(cents: int | None) -> Decimal | None:
    if cents is None:
        return None
    amount = Decimal(cents).scaleb(-2)
    return amount.quantize(Decimal(1)) if amount == amount.to_integral_value() else amount


def clean_text(value: str | None, field: str, *, required: bool = True, limit: int = 500) -> str:
    """Trimmed text; an empty required field or an over-long one is refused."""
    text = (value or "").strip()
    if required and not text:
        raise ValidationError("required_field", field=field)
    if len(text) > limit:
        raise ValidationError("field_too_long", field=field, limit=limit)
    odd = NOT_XML.search(text)
    if odd is not None:
        raise ValidationError("field_invalid_character", field=field, at=odd.start() + 1)
    return text


@dataclass(frozen=True)
class IsvDecision:
    """The buyer's decision on the ISV for one tender."""

    applied: bool
    reason: str | None = None
    form: str | None = None  # contract-condition, minimum-requirement, award-criterion
    acceptance: str | None = None  # implicit, explicit (for contract-condition)
    reason_code: str | None = None  # one of the fixed codes, for not applying (spec v2)
    text_source: str | None = None  # generated, official, own (which ISV text was used)


@dataclass(frozen=True)
class TenderRecord:
    id: int
    uid: str
    ref: str
    title: str
    organisation: str | None
    kind: str
    value: Decimal
    published: dt.date
    category_code: str
    category_set: str | None
    verdict: str
    threshold: Decimal | None
    threshold_period: str | None
    decision: IsvDecision | None
    clause_version: str | None
    version: int
    withdrawn_reason: str | None = None  # set when the tender was withdrawn
    withdrawn_at: dt.datetime | None = None
    awarded: dt.date | None = None


@dataclass(frozen=True)
class SupplierRecord:
    id: int
    uid: str
    name: str
    country: str
    kvk: str | None


@dataclass(frozen=True)
class ContractRecord:
    id: int
    uid: str
    ref: str
    tender_ref: str
    supplier: SupplierRecord
    start: dt.date
    end: dt.date
    value: Decimal | None
    plan_months: int
    report_month: int
    penalty: Decimal | None
    independent_check: bool
    plan_agreed_on: dt.date | None
    version: int
    withdrawn_reason: str | None = None  # set when the contract was withdrawn
    withdrawn_at: dt.datetime | None = None
    risk_months: int | None = None  # the risk analysis's own term; None: with the plan


@dataclass(frozen=True)
class EvidenceRecord:
    """A document kept as evidence for a contract (and optionally a site, risk, measure)."""

    id: int
    uid: str
    contract_ref: str
    type: str
    file_name: str
    sha256: str
    size: int
    issuer: str | None
    issued_on: dt.date | None
    valid_until: dt.date | None
    received_on: dt.date
    note: str | None
    supersedes_id: int | None
    superseded_by_id: int | None
    submission_id: int | None
    site_id: int | None
    risk_id: int | None
    measure_id: int | None
    added_by: str
    version: int = 1
    withdrawn_reason: str | None = None  # set when the document was withdrawn
    withdrawn_at: dt.datetime | None = None


def not_in_future(day: dt.date | None, field_name: str) -> None:
    """Something that happened cannot be dated after today."""
    if day is not None and day > dt.date.today():
        raise ValidationError("dossier_date_in_future", field=field_name, date=day)
