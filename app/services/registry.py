"""Organisations, tenders (with their ISV decision), suppliers and contracts.

Each public function is one transaction and writes its audit entries in it. A save
that names an ``expected_version`` older than the stored one is refused with
``changed_by_someone_else``: nothing is overwritten silently.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.domain.applicability import applicability, validate_value
from app.domain.consistency import check_period, contract_warnings, settle
from app.domain.decision import validate_decision
from app.domain.errors import ConflictError, NotFoundError, ValidationError
from app.domain.tenderned import normalise_cpv_list
from app.domain.values import (
    ContractRecord,
    IsvDecision,
    SupplierRecord,
    TenderRecord,
    clean_text,
    from_cents,
    to_cents,
)
from app.persistence import models as m
from app.persistence.audit import AuditWriter, snapshot
from app.services.context import Context

CURRENT_CLAUSE_VERSION = "2026"


# -- reading -------------------------------------------------------------------------------


def _tender_record(tender: m.Tender, organisation: str | None) -> TenderRecord:
    decision = current_decision(tender)
    value = from_cents(tender.value_cents)
    assert value is not None
    return TenderRecord(
        id=tender.id,
        uid=tender.uid,
        ref=tender.ref,
        title=tender.title,
        organisation=organisation,
        kind=tender.kind,
        value=value,
        published=tender.published,
        category_code=tender.category_code,
        category_set=tender.category_set,
        verdict=tender.verdict,
        threshold=from_cents(tender.threshold_cents),
        threshold_period=tender.threshold_period,
        decision=decision,
        clause_version=tender.clause_version,
        version=tender.version,
        withdrawn_reason=tender.withdrawn_reason,
        withdrawn_at=tender.withdrawn_at,
        awarded=tender.awarded,
    )


def _supplier_record(supplier: m.Supplier) -> SupplierRecord:
    return SupplierRecord(supplier.id, supplier.uid, supplier.name, supplier.country, supplier.kvk)


def _contract_record(
    session: Session,
    contract: m.Contract,
    supplier: m.Supplier | None = None,
    tender_ref: str | None = None,
) -> ContractRecord:
    """The contract as a value; list callers pass supplier and tender ref they joined."""
    if supplier is None:
        supplier = session.get_one(m.Supplier, contract.supplier_id)
    if tender_ref is None:
        tender_ref = session.scalar(select(m.Tender.ref).where(m.Tender.id == contract.tender_id))
    return ContractRecord(
        id=contract.id,
        uid=contract.uid,
        ref=contract.ref,
        tender_ref=tender_ref or "",
        supplier=_supplier_record(supplier),
        start=contract.start,
        end=contract.end,
        value=from_cents(contract.value_cents),
        plan_months=contract.plan_months,
        report_month=contract.report_month,
        penalty=from_cents(contract.penalty_cents),
        independent_check=contract.independent_check,
        plan_agreed_on=contract.plan_agreed_on,
        version=contract.version,
        withdrawn_reason=contract.withdrawn_reason,
        withdrawn_at=contract.withdrawn_at,
        risk_months=contract.risk_months,
    )


def find_tender(session: Session, ref: str) -> m.Tender:
    tender = session.scalar(select(m.Tender).where(m.Tender.ref == ref.strip()))
    if tender is None:
        raise NotFoundError("tender_not_found", ref=ref)
    return tender


def find_contract(session: Session, ref: str) -> m.Contract:
    """The contract with ``ref`` inside a service's session (for other services)."""
    contract = session.scalar(select(m.Contract).where(m.Contract.ref == ref.strip()))
    if contract is None:
        raise NotFoundError("contract_not_found", ref=ref)
    return contract


def _organisation_name(session: Session, organisation_id: int | None) -> str | None:
    if organisation_id is None:
        return None
    return session.scalar(select(m.Organisation.name).where(m.Organisation.id == organisation_id))


def get_tender(ctx: Context, ref: str) -> TenderRecord:
    with ctx.db.read() as session:
        tender = find_tender(session, ref)
        return _tender_record(tender, _organisation_name(session, tender.organisation_id))


def list_tenders(
    ctx: Context, year: int | None = None, withdrawn: bool = False
) -> list[TenderRecord]:
    """The tenders, newest first; withdrawn ones only with ``withdrawn``."""
    with ctx.db.read() as session:
        names = dict(session.execute(select(m.Organisation.id, m.Organisation.name)).all())
        query = select(m.Tender).order_by(m.Tender.published.desc(), m.Tender.ref)
        if not withdrawn:
            query = query.where(m.Tender.withdrawn_at.is_(None))
        if year is not None:
            query = query.where(
                m.Tender.published >= dt.date(year, 1, 1),
                m.Tender.published <= dt.date(year, 12, 31),
            )
        return [
            _tender_record(t, names.get(t.organisation_id or -1)) for t in session.scalars(query)
        ]


def get_contract(ctx: Context, ref: str) -> ContractRecord:
    with ctx.db.read() as session:
        return _contract_record(session, find_contract(session, ref))


def list_contracts(
    ctx: Context, tender_ref: str | None = None, withdrawn: bool = False
) -> list[ContractRecord]:
    """The contracts (of one tender), by reference; withdrawn ones only with ``withdrawn``."""
    with ctx.db.read() as session:
        query = (
            select(m.Contract, m.Supplier, m.Tender.ref)
            .join(m.Supplier, m.Supplier.id == m.Contract.supplier_id)
            .join(m.Tender, m.Tender.id == m.Contract.tender_id)
            .order_by(m.Contract.ref)
        )
        if tender_ref is not None:
            query = query.where(m.Contract.tender_id == find_tender(session, tender_ref).id)
        if not withdrawn:
            query = query.where(m.Contract.withdrawn_at.is_(None))
        rows = session.execute(query).all()
        return [_contract_record(session, c, s, ref) for c, s, ref in rows]


def list_organisations(ctx: Context) -> list[str]:
    with ctx.db.read() as session:
        return list(session.scalars(select(m.Organisation.name).order_by(m.Organisation.name)))


def tender_counts(ctx: Context) -> list[tuple[str | None, str, int]]:
    """How many tenders each category has, as ``(category set, category code, count)``:
    one grouped query, for a dashboard that needs the counts and not the tenders."""
    with ctx.db.read() as session:
        return [
            (category_set, code, int(count))
            for category_set, code, count in session.execute(
                select(m.Tender.category_set, m.Tender.category_code, func.count())
                .where(m.Tender.withdrawn_at.is_(None))
                .group_by(m.Tender.category_set, m.Tender.category_code)
            )
        ]


def contract_suppliers(ctx: Context) -> dict[str, str]:
    """Each contract's reference with its supplier's name."""
    with ctx.db.read() as session:
        rows = session.execute(
            select(m.Contract.ref, m.Supplier.name).join(
                m.Supplier, m.Supplier.id == m.Contract.supplier_id
            )
        )
        return {str(ref): str(name) for ref, name in rows}


def count_tenders(ctx: Context) -> int:
    with ctx.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(m.Tender)) or 0)


# -- writing -------------------------------------------------------------------------------


def ensure_organisation(session: Session, audit: AuditWriter, name: str | None) -> int | None:
    if name is None or not name.strip():
        return None
    name = clean_text(name, "organisation", limit=200)
    found = session.scalar(select(m.Organisation).where(m.Organisation.name == name))
    if found is not None:
        return found.id
    organisation = m.Organisation(name=name)
    session.add(organisation)
    audit.created("organisation", organisation)
    return organisation.id


def check_version(ctx: Context, record: Any, expected: int | None, table: str, ref: str) -> None:
    """Refuse a change made from a view of an older version of the record (named in words:
    ``table`` is its table's name)."""
    if expected is not None and record.version != expected:
        raise ConflictError(
            "changed_by_someone_else", entity=ctx.text(f"history_record_{table}"), ref=ref
        )


def bump_version(
    ctx: Context, session: Session, model: type[Any], record: Any, expected: int
) -> None:
    """Raise the version only if nobody raised it in between (compare-and-set)."""
    result = session.execute(
        update(model)
        .where(model.id == record.id, model.version == expected)
        .values(version=expected + 1)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise ConflictError(
            "changed_by_someone_else",
            entity=ctx.text(f"history_record_{model.__tablename__}"),
            ref=getattr(record, "ref", record.id),
        )
    session.refresh(record)


def register_tender(
    ctx: Context,
    *,
    ref: str,
    title: str,
    category: str,
    kind: str,
    value: Decimal | int | str,
    published: dt.date,
    organisation: str | None = None,
    decision: IsvDecision | None = None,
    cpv: Sequence[str] = (),
    awarded: dt.date | None = None,
) -> TenderRecord:
    """Register a tender with its verdict (and, when given, the ISV decision and its CPV
    codes, the main code first)."""
    with ctx.db.begin() as session:
        audit = AuditWriter(session, ctx.actor)
        tender = insert_tender(
            session,
            audit,
            ctx,
            ref=ref,
            title=title,
            category=category,
            kind=kind,
            value=value,
            published=published,
            organisation=organisation,
            decision=decision,
            cpv=cpv,
            awarded=awarded,
        )
        return _tender_record(tender, organisation.strip() if organisation else None)


def insert_tender(
    session: Session,
    audit: AuditWriter,
    ctx: Context,
    *,
    ref: str,
    title: str,
    category: str,
    kind: str,
    value: Decimal | int | str,
    published: dt.date,
    organisation: str | None = None,
    decision: IsvDecision | None = None,
    cpv: Sequence[str] = (),
    awarded: dt.date | None = None,
) -> m.Tender:
    """A new tender inside a service's transaction (for :func:`register_tender` and the
    adoption of a TenderNed notice)."""
    ref = clean_text(ref, "ref", limit=100)
    title = clean_text(title, "title", limit=500)
    codes = normalise_cpv_list(cpv)
    verdict = applicability(ctx.reference, category, kind, validate_value(value), published)
    checked = _checked(ctx, ref, verdict.verdict, decision) if decision else None
    check_awarded(published, awarded)
    if session.scalar(select(m.Tender.id).where(m.Tender.ref == ref)) is not None:
        raise ValidationError("duplicate_reference", entity="tender", ref=ref)
    organisation_id = ensure_organisation(session, audit, organisation)
    tender = m.Tender(
        ref=ref,
        title=title,
        organisation_id=organisation_id,
        kind=verdict.kind,
        value_cents=to_cents(verdict.value),
        published=published,
        category_code=verdict.category_code,
        category_set=verdict.category.set_id if verdict.category else None,
        verdict=verdict.verdict.value,
        threshold_cents=to_cents(Decimal(verdict.threshold)) if verdict.threshold else None,
        threshold_period=verdict.threshold_period,
        awarded=awarded,
    )
    if checked is not None:
        _apply_decision(tender, checked)
    session.add(tender)
    audit.created("tender", tender)
    if codes:
        session.add_all(
            m.TenderCpv(tender_id=tender.id, position=i, code=code) for i, code in enumerate(codes)
        )
        audit.append("tender_cpv", tender.id, "create", None, {"cpv": list(codes)})
    return tender


def replace_cpv(
    session: Session,
    audit: AuditWriter,
    tender: m.Tender,
    codes: Sequence[str],
    reason: str | None = None,
) -> bool:
    """Give the tender these CPV codes (main code first) in the caller's transaction, with
    an audit entry of the old and new list; False when they are the codes it has."""
    new = list(normalise_cpv_list(codes))
    rows = list(
        session.scalars(
            select(m.TenderCpv)
            .where(m.TenderCpv.tender_id == tender.id)
            .order_by(m.TenderCpv.position)
        )
    )
    old = [row.code for row in rows]
    if old == new:
        return False
    for row in rows:
        session.delete(row)
    session.flush()
    session.add_all(
        m.TenderCpv(tender_id=tender.id, position=i, code=code) for i, code in enumerate(new)
    )
    audit.append("tender_cpv", tender.id, "update", {"cpv": old}, {"cpv": new}, reason)
    return True


def tender_cpv(ctx: Context, refs: Sequence[str] | None = None) -> dict[str, tuple[str, ...]]:
    """The CPV codes of the named tenders (all tenders without ``refs``), main code first."""
    with ctx.db.read() as session:
        query = (
            select(m.Tender.ref, m.TenderCpv.code)
            .join(m.TenderCpv, m.TenderCpv.tender_id == m.Tender.id)
            .order_by(m.Tender.ref, m.TenderCpv.position)
        )
        if refs is not None:
            query = query.where(m.Tender.ref.in_([r.strip() for r in refs]))
        result: dict[str, list[str]] = {}
        for ref, code in session.execute(query):
            result.setdefault(ref, []).append(code)
        return {ref: tuple(codes) for ref, codes in result.items()}


def check_awarded(published: dt.date, awarded: dt.date | None) -> None:
    """An award date is on or after the publication date."""
    if awarded is not None and awarded < published:
        raise ValidationError("awarded_before_published", awarded=awarded, published=published)


def checked_decision(ctx: Context, ref: str, verdict: str, decision: IsvDecision) -> IsvDecision:
    """The decision checked against the verdict and the fixed reason codes."""
    codes = [r.code for r in ctx.reference.not_applied_reasons]
    return validate_decision(ref, verdict, decision, codes)


_checked = checked_decision


def decision_columns(tender: m.Tender, decision: IsvDecision) -> dict[str, Any]:
    """The tender columns of a checked decision. The text version is only recorded for a
    text generated here: the official texts and an own text have none of ours, and a
    tender whose text is not named keeps what the clause generation recorded."""
    clause_version = tender.clause_version
    if not decision.applied or decision.text_source in ("official", "own"):
        clause_version = None
    elif decision.text_source == "generated":
        clause_version = clause_version or CURRENT_CLAUSE_VERSION
    return {
        "isv_applied": decision.applied,
        "not_applied_reason": decision.reason,
        "not_applied_code": decision.reason_code,
        "form": decision.form,
        "acceptance": decision.acceptance,
        "text_source": decision.text_source,
        "clause_version": clause_version,
    }


def current_decision(tender: m.Tender) -> IsvDecision | None:
    """The decision on record, with its code and text source."""
    if tender.isv_applied is None:
        return None
    return IsvDecision(
        tender.isv_applied,
        tender.not_applied_reason,
        tender.form,
        tender.acceptance,
        tender.not_applied_code,
        tender.text_source,
    )


def _apply_decision(tender: m.Tender, decision: IsvDecision) -> None:
    """Store a checked decision (see :func:`decision_columns`)."""
    for name, value in decision_columns(tender, decision).items():
        setattr(tender, name, value)


def record_decision(
    ctx: Context, ref: str, decision: IsvDecision, expected_version: int | None
) -> TenderRecord:
    """Record (or change) the ISV decision of a tender."""
    with ctx.db.begin() as session:
        tender = find_tender(session, ref)
        check_version(ctx, tender, expected_version, "tender", ref)
        checked = _checked(ctx, tender.ref, tender.verdict, decision)
        before = snapshot(tender)
        bump_version(ctx, session, m.Tender, tender, tender.version)
        _apply_decision(tender, checked)
        AuditWriter(session, ctx.actor).changed("tender", tender, before)
        return _tender_record(tender, _organisation_name(session, tender.organisation_id))


def set_clause_version(ctx: Context, ref: str, version: str, expected_version: int | None) -> None:
    """Record which clause template version the tender's texts were made from."""
    with ctx.db.begin() as session:
        tender = find_tender(session, ref)
        check_version(ctx, tender, expected_version, "tender", ref)
        if tender.clause_version == version:
            return
        before = snapshot(tender)
        bump_version(ctx, session, m.Tender, tender, tender.version)
        tender.clause_version = version
        AuditWriter(session, ctx.actor).changed("tender", tender, before)


KVK = re.compile(r"^\d{8}$")


def ensure_supplier(
    session: Session, audit: AuditWriter, ctx: Context, name: str, country: str, kvk: str | None
) -> m.Supplier:
    name = clean_text(name, "supplier", limit=300)
    code = ctx.country(country, "supplier-country")
    kvk = (kvk or "").strip() or None
    if kvk is not None and not KVK.match(kvk):
        raise ValidationError("invalid_kvk", value=kvk)
    found = session.scalar(
        select(m.Supplier).where(m.Supplier.name == name, m.Supplier.country == code)
    )
    if found is not None:
        if kvk and found.kvk != kvk:
            before = snapshot(found)
            bump_version(ctx, session, m.Supplier, found, found.version)
            found.kvk = kvk
            audit.changed("supplier", found, before)
        return found
    supplier = m.Supplier(name=name, country=code, kvk=kvk)
    session.add(supplier)
    audit.created("supplier", supplier)
    return supplier


def add_contract(
    ctx: Context,
    *,
    ref: str,
    tender_ref: str,
    supplier: str,
    supplier_country: str,
    start: dt.date,
    end: dt.date,
    value: Decimal | int | str | None = None,
    kvk: str | None = None,
    plan_months: int = 3,
    report_month: int = 3,
    penalty: Decimal | int | str | None = None,
    independent_check: bool = False,
    accept_warning: str | None = None,
    risk_months: int | None = None,
) -> ContractRecord:
    """Register an awarded contract and its supplier.

    A contract that ends before it starts is refused; one that starts before its tender
    was published only with ``accept_warning`` (the reason, kept in the audit trail)."""
    from app.services.records import accepted_note, check_contract_ranges

    ref = clean_text(ref, "ref", limit=100)
    check_period(start, end)
    check_contract_ranges(plan_months, report_month, risk_months)
    amount = validate_value(value) if value is not None else None
    penalty_amount = validate_value(penalty) if penalty is not None else None
    with ctx.db.begin() as session:
        if session.scalar(select(m.Contract.id).where(m.Contract.ref == ref)) is not None:
            raise ValidationError("duplicate_reference", entity="contract", ref=ref)
        tender = find_tender(session, tender_ref)
        if tender.withdrawn_at is not None:
            raise ValidationError(
                "record_is_withdrawn", kind=ctx.text("history_record_tender"), id=tender.ref
            )
        warnings = contract_warnings(ref, start, end, tender.ref, tender.published)
        note = accepted_note(ctx, settle(warnings, accept_warning), accept_warning)
        audit = AuditWriter(session, ctx.actor)
        supplier_row = ensure_supplier(session, audit, ctx, supplier, supplier_country, kvk)
        contract = m.Contract(
            ref=ref,
            tender_id=tender.id,
            supplier_id=supplier_row.id,
            start=start,
            end=end,
            value_cents=to_cents(amount) if amount is not None else None,
            plan_months=plan_months,
            report_month=report_month,
            risk_months=risk_months,
            penalty_cents=to_cents(penalty_amount) if penalty_amount is not None else None,
            independent_check=independent_check,
        )
        session.add(contract)
        audit.created("contract", contract, reason=note)
        return _contract_record(session, contract)


def mark_plan_agreed(
    ctx: Context, ref: str, agreed_on: dt.date | None, expected_version: int | None
) -> ContractRecord:
    """Record the dated agreement on the plan of action (the reasonable effort)."""
    with ctx.db.begin() as session:
        contract = find_contract(session, ref)
        check_version(ctx, contract, expected_version, "contract", ref)
        before = snapshot(contract)
        bump_version(ctx, session, m.Contract, contract, contract.version)
        contract.plan_agreed_on = agreed_on
        AuditWriter(session, ctx.actor).changed("contract", contract, before)
        return _contract_record(session, contract)
