"""Consistency between records: what cannot be, and what is unlikely.

An impossible combination (a contract ending before it starts, a document valid until
a date before it was issued) raises :class:`ValidationError` and nothing is written. An
implausible one (a contract starting before its tender was published, a plan of action
dated before its contract) is a warning: :func:`settle` refuses it with
:class:`ImplausibleError` unless the user accepts it with a reason, which is recorded
with the change. Pure rules: dates in, findings out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from app.domain.errors import ImplausibleError, ValidationError

Warning_ = tuple[str, dict[str, Any]]
"""A warning: its message code and parameters."""

MADE_DURING_CONTRACT = ("plan-of-action", "yearly-report")
"""Evidence types a supplier makes for the running contract: dated before the contract
starts, they are most likely a typing error (a certificate or a policy usually is older
than the contract, and is not warned about)."""


def check_period(start: dt.date, end: dt.date) -> None:
    """A period that ends before it starts is impossible."""
    if end < start:
        raise ValidationError("end_before_start", start=start, end=end)


def contract_warnings(
    ref: str, start: dt.date, end: dt.date, tender_ref: str, published: dt.date
) -> list[Warning_]:
    """Refuses a contract that ends before it starts; warns when it starts before its
    tender was published."""
    check_period(start, end)
    if start < published:
        return [
            (
                "warning_contract_before_tender",
                {"ref": ref, "start": start, "tender": tender_ref, "published": published},
            )
        ]
    return []


def tender_warnings(
    ref: str, published: dt.date, contracts: Iterable[tuple[str, dt.date]]
) -> list[Warning_]:
    """Warns when a tender (corrected) is published after one of its contracts started."""
    return [
        (
            "warning_contract_before_tender",
            {"ref": contract, "start": start, "tender": ref, "published": published},
        )
        for contract, start in contracts
        if start < published
    ]


def evidence_warnings(
    type_code: str,
    issued_on: dt.date | None,
    valid_until: dt.date | None,
    contract_ref: str,
    contract_start: dt.date,
) -> list[Warning_]:
    """Refuses a document valid until before it was issued; warns when a plan of action
    or yearly report is dated before its contract started."""
    if issued_on is not None and valid_until is not None:
        check_period(issued_on, valid_until)
    if type_code in MADE_DURING_CONTRACT and issued_on is not None and issued_on < contract_start:
        return [
            (
                "warning_evidence_before_contract",
                {"issued": issued_on, "contract": contract_ref, "start": contract_start},
            )
        ]
    return []


def settle(warnings: Sequence[Warning_], accepted: str | None) -> tuple[Warning_, ...]:
    """The warnings the user accepted (none when there were none); raises
    :class:`ImplausibleError` when there are warnings and no reason to accept them."""
    if not warnings:
        return ()
    if accepted is None or not accepted.strip():
        raise ImplausibleError(tuple(warnings))
    return tuple(warnings)
