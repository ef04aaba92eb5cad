"""Registry services: lists as values, optimistic locking, decisions."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.errors import ConflictError, ValidationError
from app.domain.values import IsvDecision
from app.services import registry
from app.services.context import Context


def _tender(ctx: Context, ref: str, organisation: str | None = "Defensie") -> None:
    registry.register_tender(
        ctx,
        ref=ref,
        title=f"Kleding {ref}",
        category="bedrijfskleding",
        kind="supplies",
        value=300000,
        published=dt.date(2025, 6, 1),
        organisation=organisation,
    )


def test_lists_carry_organisation_supplier_and_tender(ctx: Context) -> None:
    _tender(ctx, "T-1")
    _tender(ctx, "T-2", organisation=None)
    registry.add_contract(
        ctx,
        ref="C-1",
        tender_ref="T-1",
        supplier="Stof B.V.",
        supplier_country="NL",
        start=dt.date(2025, 9, 1),
        end=dt.date(2027, 8, 31),
    )
    tenders = {t.ref: t for t in registry.list_tenders(ctx)}
    assert tenders["T-1"].organisation == "Defensie" and tenders["T-2"].organisation is None
    assert [t.ref for t in registry.list_tenders(ctx, year=2024)] == []
    (contract,) = registry.list_contracts(ctx)
    assert (contract.tender_ref, contract.supplier.name, contract.supplier.country) == (
        "T-1",
        "Stof B.V.",
        "NL",
    )
    assert contract == registry.get_contract(ctx, "C-1")


def test_second_save_of_a_stale_record_is_refused(ctx: Context) -> None:
    _tender(ctx, "T-1")
    opened = registry.get_tender(ctx, "T-1")
    registry.record_decision(
        ctx, "T-1", IsvDecision(True, form="minimum-requirement"), expected_version=opened.version
    )
    with pytest.raises(ConflictError) as caught:
        registry.record_decision(
            ctx, "T-1", IsvDecision(False, reason="spoed"), expected_version=opened.version
        )
    assert caught.value.code == "changed_by_someone_else"
    assert registry.get_tender(ctx, "T-1").decision == IsvDecision(
        True, None, "minimum-requirement", None
    )


def test_mandatory_not_applied_needs_a_reason(ctx: Context) -> None:
    _tender(ctx, "T-1")
    with pytest.raises(ValidationError) as caught:
        registry.record_decision(ctx, "T-1", IsvDecision(False), expected_version=None)
    assert caught.value.code == "reason_required"
    assert registry.get_tender(ctx, "T-1").decision is None


def test_counts_per_category_and_suppliers_per_contract_match_the_lists(ctx: Context) -> None:
    _tender(ctx, "T-1")
    _tender(ctx, "T-2")
    registry.register_tender(
        ctx,
        ref="T-3",
        title="Laptops",
        category="ict-werkomgeving",
        kind="supplies",
        value=900000,
        published=dt.date(2025, 7, 1),
    )
    registry.add_contract(
        ctx,
        ref="C-1",
        tender_ref="T-1",
        supplier="Stof B.V.",
        supplier_country="NL",
        start=dt.date(2025, 9, 1),
        end=dt.date(2027, 8, 31),
    )
    counted = {(s, c): n for s, c, n in registry.tender_counts(ctx)}
    listed: dict[tuple[str | None, str], int] = {}
    for tender in registry.list_tenders(ctx):
        key = (tender.category_set, tender.category_code)
        listed[key] = listed.get(key, 0) + 1
    assert counted == listed
    assert sorted(counted.values()) == [1, 2]
    assert (
        registry.contract_suppliers(ctx)
        == {c.ref: c.supplier.name for c in registry.list_contracts(ctx)}
        == {"C-1": "Stof B.V."}
    )
