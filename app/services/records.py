"""Correcting and withdrawing records, and undoing one's own last change.

Every record a buyer enters can be corrected: the changed fields are saved as a new
version, with the reason, in one audit entry that holds the old and the new values. A
record is never deleted: withdrawing it marks it, with the reason, and a withdrawn
record leaves the figures, the due list and the dossier states. Each correction and
withdrawal names the version it was made on (``expected_version``): a colleague's
change in between is refused with ``changed_by_someone_else``, never overwritten.

Implausible combinations (see :mod:`app.domain.consistency`) are refused unless the
user accepts them with a reason (``accept_warning``); that reason goes into the audit
entry beside the reason for the change.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.applicability import applicability, validate_value
from app.domain.consistency import (
    Warning_,
    check_period,
    contract_warnings,
    evidence_warnings,
    settle,
    tender_warnings,
)
from app.domain.errors import ConflictError, NotFoundError, UsageError, ValidationError
from app.domain.values import IsvDecision, clean_text, from_cents, not_in_future, to_cents
from app.persistence import models as m
from app.persistence.audit import AuditWriter, snapshot
from app.services.context import Context
from app.services.registry import (
    bump_version,
    check_awarded,
    checked_decision,
    current_decision,
    decision_columns,
    ensure_organisation,
    ensure_supplier,
    find_contract,
    find_tender,
    replace_cpv,
)
from app.services.signals import check_ladder

KINDS: dict[str, type[m.Base]] = {
    "tender": m.Tender,
    "contract": m.Contract,
    "evidence": m.Evidence,
    "assessment": m.Assessment,
    "signal": m.Signal,
    "escalation": m.EscalationStep,
}
"""The kinds of record that can be corrected and withdrawn, by the name the command
line and the window use."""

ENTITY = {kind: model.__tablename__ for kind, model in KINDS.items()}
"""Each kind's name in the audit trail."""

KIND_OF_ENTITY = {entity: kind for kind, entity in ENTITY.items()}


@dataclass(frozen=True)
class Change:
    """What one correction or withdrawal did: the audit entry that holds it, and the
    record's version after it (what an undo must find)."""

    seq: int
    kind: str
    record_id: int
    label: str
    version: int
    action: str


# -- helpers ---------------------------------------------------------------------------


def _reason(reason: str | None) -> str:
    return clean_text(reason, "reason", limit=2000)


def warning_texts(ctx: Context, warnings: tuple[Warning_, ...]) -> list[str]:
    """The warnings as sentences in the context's language."""
    return [ctx.text(code, **params) for code, params in warnings]


def accepted_note(ctx: Context, warnings: tuple[Warning_, ...], accepted: str | None) -> str | None:
    """The line the audit entry keeps when the user went on despite warnings."""
    if not warnings:
        return None
    return ctx.text(
        "warning_accepted",
        warnings=" ".join(warning_texts(ctx, warnings)),
        reason=clean_text(accepted, "accept-warning", limit=2000),
    )


def _join(*parts: str | None) -> str | None:
    present = [p for p in parts if p]
    return "\n".join(present) if present else None


def label_of(kind: str, record: Any) -> str:
    """A record's name in messages and the history: a reference, else its number."""
    return str(record.ref) if kind in ("tender", "contract") else str(record.id)


def kind_word(ctx: Context, kind: str) -> str:
    """The kind of record in words, in the context's language."""
    return ctx.text(f"history_record_{KINDS[kind].__tablename__}")


def load_record(session: Session, kind: str, ident: str | int, ctx: Context | None = None) -> Any:
    """The record of ``kind`` named by a reference (tender, contract) or a number."""
    if kind not in KINDS:
        raise UsageError("record_unknown_kind", value=kind, allowed=", ".join(KINDS))
    if kind == "tender":
        return find_tender(session, str(ident))
    if kind == "contract":
        return find_contract(session, str(ident))
    text = str(ident).strip().lstrip("#")
    record = session.get(KINDS[kind], int(text)) if text.isdigit() else None
    if record is None:
        raise NotFoundError(
            "record_not_found", kind=kind_word(ctx, kind) if ctx else kind, id=ident
        )
    return record


def _check_current(ctx: Context, kind: str, record: Any, expected_version: int | None) -> None:
    if record.withdrawn_at is not None:
        raise ValidationError(
            "record_is_withdrawn", kind=kind_word(ctx, kind), id=label_of(kind, record)
        )
    if expected_version is not None and record.version != expected_version:
        raise ConflictError(
            "changed_by_someone_else", entity=kind_word(ctx, kind), ref=label_of(kind, record)
        )


def _save(
    session: Session,
    ctx: Context,
    kind: str,
    record: Any,
    changes: dict[str, Any],
    reason: str | None,
    action: str = "update",
) -> Change:
    """Write ``changes`` (only those that differ) as a new version with its audit entry."""
    changed = {k: v for k, v in changes.items() if getattr(record, k) != v}
    if not changed:
        raise ValidationError(
            "correction_nothing_changed", kind=kind_word(ctx, kind), id=label_of(kind, record)
        )
    before = snapshot(record)
    bump_version(ctx, session, KINDS[kind], record, record.version)
    for key, value in changed.items():
        setattr(record, key, value)
    audit = AuditWriter(session, ctx.actor)
    audit.changed(ENTITY[kind], record, before, reason=reason, action=action)
    assert audit.last_seq is not None
    return Change(audit.last_seq, kind, record.id, label_of(kind, record), record.version, action)


def _free_ref(session: Session, model: Any, entity: str, ref: str, own_id: int) -> str:
    """A new reference for a record, refused when another record of its kind has it."""
    ref = clean_text(ref, "ref", limit=100)
    other = session.scalar(select(model.id).where(model.ref == ref))
    if other is not None and other != own_id:
        raise ValidationError("duplicate_reference", entity=entity, ref=ref)
    return ref


def _amount(value: Decimal | int | str | None) -> int | None:
    return to_cents(validate_value(value)) if value is not None else None


# -- tenders ---------------------------------------------------------------------------


def correct_tender(
    ctx: Context,
    ref: str,
    *,
    reason: str,
    expected_version: int | None,
    accept_warning: str | None = None,
    new_ref: str | None = None,
    title: str | None = None,
    organisation: str | None = None,
    category: str | None = None,
    kind: str | None = None,
    value: Decimal | int | str | None = None,
    published: dt.date | None = None,
    decision: IsvDecision | None = None,
    cpv: Sequence[str] | None = None,
    awarded: dt.date | None = None,
) -> Change:
    """Correct the named fields of a tender or its ISV decision (``None``: unchanged);
    ``cpv`` replaces the tender's CPV codes (the main code first); ``awarded`` sets the
    award date (on or after the publication date).

    The verdict is worked out again when the category, kind, value or publication date
    changes, and the decision (the new one, or the one on record) must fit it."""
    why = _reason(reason)
    with ctx.db.begin() as session:
        tender = find_tender(session, ref)
        _check_current(ctx, "tender", tender, expected_version)
        changes: dict[str, Any] = {}
        if new_ref is not None:
            changes["ref"] = _free_ref(session, m.Tender, "tender", new_ref, tender.id)
        if title is not None:
            changes["title"] = clean_text(title, "title", limit=500)
        if organisation is not None:
            audit = AuditWriter(session, ctx.actor)
            changes["organisation_id"] = ensure_organisation(session, audit, organisation)
        verdict_value = tender.verdict
        basis = (category, kind, value, published)
        current_value = from_cents(tender.value_cents)
        assert current_value is not None
        if any(part is not None for part in basis):
            verdict = applicability(
                ctx.reference,
                category if category is not None else tender.category_code,
                kind if kind is not None else tender.kind,
                validate_value(value) if value is not None else current_value,
                published if published is not None else tender.published,
            )
            changes.update(
                kind=verdict.kind,
                value_cents=to_cents(verdict.value),
                published=published if published is not None else tender.published,
                category_code=verdict.category_code,
                category_set=verdict.category.set_id if verdict.category else None,
                verdict=verdict.verdict.value,
                threshold_cents=to_cents(Decimal(verdict.threshold)) if verdict.threshold else None,
                threshold_period=verdict.threshold_period,
            )
            verdict_value = verdict.verdict.value
        if awarded is not None or published is not None:
            day = awarded if awarded is not None else tender.awarded
            check_awarded(published if published is not None else tender.published, day)
            if awarded is not None:
                changes["awarded"] = awarded
        wanted = decision
        if wanted is None and tender.isv_applied is not None and verdict_value != tender.verdict:
            wanted = current_decision(tender)
        if wanted is not None:
            checked = checked_decision(ctx, changes.get("ref", tender.ref), verdict_value, wanted)
            changes.update(decision_columns(tender, checked))
        warnings: list[Warning_] = []
        if published is not None:
            starts = session.execute(
                select(m.Contract.ref, m.Contract.start).where(
                    m.Contract.tender_id == tender.id, m.Contract.withdrawn_at.is_(None)
                )
            ).all()
            warnings = tender_warnings(
                changes.get("ref", tender.ref), published, [(r, s) for r, s in starts]
            )
        accepted = settle(warnings, accept_warning)
        note = accepted_note(ctx, accepted, accept_warning)
        audit = AuditWriter(session, ctx.actor)
        cpv_changed = cpv is not None and replace_cpv(session, audit, tender, cpv, _join(why, note))
        if cpv_changed and not any(getattr(tender, k) != v for k, v in changes.items()):
            assert audit.last_seq is not None  # only the codes changed: that entry records it
            label = label_of("tender", tender)
            return Change(audit.last_seq, "tender", tender.id, label, tender.version, "update")
        return _save(session, ctx, "tender", tender, changes, _join(why, note))


# -- contracts -------------------------------------------------------------------------


def check_contract_ranges(
    plan_months: int, report_month: int, risk_months: int | None = None
) -> None:
    if not 1 <= plan_months <= 24:
        raise ValidationError(
            "out_of_range", field="plan-months", low=1, high=24, value=plan_months
        )
    if risk_months is not None and not 1 <= risk_months <= 24:
        raise ValidationError(
            "out_of_range", field="risk-months", low=1, high=24, value=risk_months
        )
    if not 1 <= report_month <= 12:
        raise ValidationError(
            "out_of_range", field="report-month", low=1, high=12, value=report_month
        )


def correct_contract(
    ctx: Context,
    ref: str,
    *,
    reason: str,
    expected_version: int | None,
    accept_warning: str | None = None,
    new_ref: str | None = None,
    tender_ref: str | None = None,
    supplier: str | None = None,
    supplier_country: str | None = None,
    kvk: str | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    value: Decimal | int | str | None = None,
    plan_months: int | None = None,
    report_month: int | None = None,
    penalty: Decimal | int | str | None = None,
    independent_check: bool | None = None,
    risk_months: int | None = None,
    risk_with_plan: bool = False,
) -> Change:
    """Correct the named fields of a contract (``None``: unchanged). ``risk_with_plan``
    drops the risk analysis's own term: it is due with the plan of action again."""
    why = _reason(reason)
    with ctx.db.begin() as session:
        contract = find_contract(session, ref)
        _check_current(ctx, "contract", contract, expected_version)
        changes: dict[str, Any] = {}
        if new_ref is not None:
            changes["ref"] = _free_ref(session, m.Contract, "contract", new_ref, contract.id)
        tender = session.get_one(m.Tender, contract.tender_id)
        if tender_ref is not None:
            tender = find_tender(session, tender_ref)
            if tender.withdrawn_at is not None:
                raise ValidationError(
                    "record_is_withdrawn", kind=kind_word(ctx, "tender"), id=tender.ref
                )
            changes["tender_id"] = tender.id
        if supplier is not None or supplier_country is not None or kvk is not None:
            current = session.get_one(m.Supplier, contract.supplier_id)
            row = ensure_supplier(
                session,
                AuditWriter(session, ctx.actor),
                ctx,
                supplier if supplier is not None else current.name,
                supplier_country if supplier_country is not None else current.country,
                kvk if kvk is not None else current.kvk,
            )
            changes["supplier_id"] = row.id
        new_start = start if start is not None else contract.start
        new_end = end if end is not None else contract.end
        changes.update(start=new_start, end=new_end)
        check_contract_ranges(
            plan_months if plan_months is not None else contract.plan_months,
            report_month if report_month is not None else contract.report_month,
            risk_months,
        )
        if plan_months is not None:
            changes["plan_months"] = plan_months
        if risk_months is not None:
            changes["risk_months"] = risk_months
        elif risk_with_plan:
            changes["risk_months"] = None
        if report_month is not None:
            changes["report_month"] = report_month
        if value is not None:
            changes["value_cents"] = _amount(value)
        if penalty is not None:
            changes["penalty_cents"] = _amount(penalty)
        if independent_check is not None:
            changes["independent_check"] = independent_check
        warnings = contract_warnings(
            changes.get("ref", contract.ref), new_start, new_end, tender.ref, tender.published
        )
        if start is None and tender_ref is None:
            warnings = []  # the period's start and the tender are as they were accepted
        accepted = settle(warnings, accept_warning)
        note = accepted_note(ctx, accepted, accept_warning)
        return _save(session, ctx, "contract", contract, changes, _join(why, note))


def correct_follow_up(
    ctx: Context,
    ref: str,
    *,
    reason: str,
    choice: str | None,
    note: str | None = None,
    expected_version: int | None,
) -> Change:
    """Correct the user's own choice of follow-up intensity for a contract."""
    from app.domain.intensity import INTENSITIES

    why = _reason(reason)
    if choice is not None and choice not in INTENSITIES:
        raise ValidationError(
            "dossier_unknown_intensity", value=choice, allowed=", ".join(INTENSITIES)
        )
    with ctx.db.begin() as session:
        contract = find_contract(session, ref)
        _check_current(ctx, "contract", contract, expected_version)
        changes = {
            "follow_up_choice": choice,
            "follow_up_note": clean_text(note, "note", required=False, limit=5000) or None,
        }
        return _save(session, ctx, "contract", contract, changes, why)


# -- records under a contract ----------------------------------------------------------


def correct_evidence(
    ctx: Context,
    evidence_id: int,
    *,
    reason: str,
    expected_version: int | None,
    accept_warning: str | None = None,
    type_code: str | None = None,
    issuer: str | None = None,
    issued_on: dt.date | None = None,
    valid_until: dt.date | None = None,
    received_on: dt.date | None = None,
    note: str | None = None,
    clear: tuple[str, ...] = (),
) -> Change:
    """Correct a document's description (type, issuer, dates, note); the file itself is
    never changed. ``clear`` names optional fields to empty (``issued_on``,
    ``valid_until``, ``issuer``, ``note``)."""
    from app.services.evidence import validate_evidence_type

    why = _reason(reason)
    with ctx.db.begin() as session:
        row = load_record(session, "evidence", evidence_id, ctx)
        _check_current(ctx, "evidence", row, expected_version)
        changes: dict[str, Any] = {}
        if type_code is not None:
            changes["type"] = validate_evidence_type(ctx, type_code)
        if issuer is not None:
            changes["issuer"] = clean_text(issuer, "issuer", required=False, limit=300) or None
        if note is not None:
            changes["note"] = clean_text(note, "note", required=False, limit=5000) or None
        if issued_on is not None:
            changes["issued_on"] = issued_on
        if valid_until is not None:
            changes["valid_until"] = valid_until
        if received_on is not None:
            not_in_future(received_on, "received")
            changes["received_on"] = received_on
        for name in clear:
            if name not in ("issued_on", "valid_until", "issuer", "note"):
                raise ValidationError("record_unknown_field", field=name)
            changes[name] = None
        contract = session.get_one(m.Contract, row.contract_id)
        warnings = evidence_warnings(
            changes.get("type", row.type),
            changes.get("issued_on", row.issued_on),
            changes.get("valid_until", row.valid_until),
            contract.ref,
            contract.start,
        )
        if "issued_on" not in changes and "type" not in changes:
            warnings = []  # the date and type are as they were accepted
        accepted = settle(warnings, accept_warning)
        return _save(
            session,
            ctx,
            "evidence",
            row,
            changes,
            _join(why, accepted_note(ctx, accepted, accept_warning)),
        )


def correct_signal(
    ctx: Context,
    signal_id: int,
    *,
    reason: str,
    expected_version: int | None,
    received_on: dt.date | None = None,
    source: str | None = None,
    theme: str | None = None,
    description: str | None = None,
    status: str | None = None,
    closed_on: dt.date | None = None,
) -> Change:
    """Correct a signal's date, source, theme, description or status."""
    from app.services.signals import check_signal_status

    why = _reason(reason)
    with ctx.db.begin() as session:
        row = load_record(session, "signal", signal_id, ctx)
        _check_current(ctx, "signal", row, expected_version)
        changes: dict[str, Any] = {}
        if received_on is not None:
            changes["received_on"] = received_on
        if source is not None:
            changes["source"] = clean_text(source, "source", limit=300)
        if description is not None:
            changes["description"] = clean_text(description, "description", limit=10_000)
        if theme is not None:
            if theme not in {t.code for t in ctx.reference.themes}:
                raise ValidationError(
                    "dossier_unknown_theme",
                    value=theme,
                    allowed=", ".join(t.code for t in ctx.reference.themes),
                )
            changes["theme"] = theme
        if status is not None:
            changes["status"] = status
            changes["closed_on"] = closed_on
        elif closed_on is not None:
            changes["closed_on"] = closed_on
        not_in_future(changes.get("received_on"), "received-on")  # as when it was logged
        not_in_future(changes.get("closed_on"), "closed-on")
        check_signal_status(
            changes.get("status", row.status),
            changes.get("closed_on", row.closed_on),
            changes.get("received_on", row.received_on),
        )
        return _save(session, ctx, "signal", row, changes, why)


def correct_escalation(
    ctx: Context,
    step_id: int,
    *,
    reason: str,
    expected_version: int | None,
    taken_on: dt.date | None = None,
    response_due: dt.date | None = None,
    responded_on: dt.date | None = None,
    amount: Decimal | int | str | None = None,
    note: str | None = None,
) -> Change:
    """Correct an escalation step's dates, amount or note (the rung itself is a new
    step: withdraw this one and record the right one, so the ladder's order is checked)."""
    why = _reason(reason)
    with ctx.db.begin() as session:
        row = load_record(session, "escalation", step_id, ctx)
        _check_current(ctx, "escalation", row, expected_version)
        changes: dict[str, Any] = {}
        if taken_on is not None:
            changes["taken_on"] = taken_on
        if response_due is not None:
            changes["response_due"] = response_due
        if responded_on is not None:
            changes["responded_on"] = responded_on
        if amount is not None:
            changes["amount_cents"] = _amount(amount)
        if note is not None:
            changes["note"] = clean_text(note, "note", required=False, limit=5000) or None
        for field in ("taken_on", "responded_on"):
            if changes.get(field) is not None:
                not_in_future(changes[field], field.replace("_", "-"))
        start = changes.get("taken_on", row.taken_on)
        # the rung stays what it was: its order was checked when it was recorded (a skip
        # is explained in its note); dates and amount must still fit the ladder's rules
        check_ladder(
            ctx,
            session,
            row.contract_id,
            row.step,
            start,
            changes.get("amount_cents", row.amount_cents),
            row.note,
            leaving_out=row.id,
        )
        for later in (
            changes.get("response_due", row.response_due),
            changes.get("responded_on", row.responded_on),
        ):
            if later is not None:
                check_period(start, later)
        return _save(session, ctx, "escalation", row, changes, why)


def correct_assessment(
    ctx: Context,
    assessment_id: int,
    *,
    reason: str,
    expected_version: int | None,
    assessed_on: dt.date | None = None,
    note: str | None = None,
    verdict: str | None = None,
) -> Change:
    """Correct an assessment's date, note or overall verdict."""
    why = _reason(reason)
    with ctx.db.begin() as session:
        row = load_record(session, "assessment", assessment_id, ctx)
        _check_current(ctx, "assessment", row, expected_version)
        changes: dict[str, Any] = {}
        if assessed_on is not None:
            not_in_future(assessed_on, "assessed-on")
            changes["assessed_on"] = assessed_on
        if note is not None:
            changes["note"] = clean_text(note, "note", required=False, limit=5000) or None
        if verdict is not None:
            if verdict not in ("sufficient", "insufficient"):
                raise ValidationError(
                    "record_unknown_value",
                    field="verdict",
                    value=verdict,
                    allowed="sufficient, insufficient",
                )
            changes["verdict"] = verdict
        return _save(session, ctx, "assessment", row, changes, why)


# -- withdrawing -----------------------------------------------------------------------


def withdraw(
    ctx: Context,
    kind: str,
    ident: str | int,
    *,
    reason: str,
    expected_version: int | None,
) -> Change:
    """Mark a record withdrawn, with the reason; it stays in the database.

    A tender with contracts that are not withdrawn is refused (withdraw those first), so
    a contract in the figures always has its tender there too."""
    why = _reason(reason)
    with ctx.db.begin() as session:
        record = load_record(session, kind, ident, ctx)
        _check_current(ctx, kind, record, expected_version)
        if kind == "tender":
            open_contracts = list(
                session.scalars(
                    select(m.Contract.ref)
                    .where(m.Contract.tender_id == record.id, m.Contract.withdrawn_at.is_(None))
                    .order_by(m.Contract.ref)
                )
            )
            if open_contracts:
                raise ValidationError(
                    "withdraw_tender_has_contracts",
                    ref=record.ref,
                    contracts=", ".join(open_contracts),
                )
        changes = {"withdrawn_at": m.utcnow(), "withdrawn_reason": why}
        return _save(session, ctx, kind, record, changes, why, action="withdraw")


# -- undo ------------------------------------------------------------------------------

_NOT_RESTORED = frozenset({"id", "uid", "version", "created_at", "added_at", "added_by"})


def undo(ctx: Context, change: Change) -> Change:
    """Undo ``change`` (the user's own, made in this session) as a new correction: the
    fields it changed get their old values back, the reason says so. Refused when the
    record changed since (its version is no longer the one ``change`` left)."""
    with ctx.db.begin() as session:
        entry = session.scalar(select(m.AuditEntry).where(m.AuditEntry.seq == change.seq))
        if entry is None or entry.actor != ctx.actor or entry.before_json is None:
            raise ValidationError("undo_nothing", seq=change.seq)
        model = KINDS[change.kind]
        record: Any = session.get(model, change.record_id)
        if record is None:
            raise ValidationError("undo_nothing", seq=change.seq)
        if record.version != change.version:
            raise ConflictError(
                "changed_by_someone_else",
                entity=kind_word(ctx, change.kind),
                ref=label_of(change.kind, record),
            )
        before = json.loads(entry.before_json)
        if entry.entity == "tender_cpv":  # a correction of the CPV codes only
            audit = AuditWriter(session, ctx.actor)
            why = ctx.text("undo_reason", seq=change.seq)
            if not replace_cpv(session, audit, record, before.get("cpv", []), why):
                raise ValidationError("undo_nothing", seq=change.seq)
            assert audit.last_seq is not None
            label = label_of("tender", record)
            return Change(audit.last_seq, "tender", record.id, label, record.version, "update")
        after = json.loads(entry.after_json or "{}")
        columns = {c.key: c for c in model.__table__.columns}
        restore: dict[str, Any] = {}
        for key, old in before.items():
            if key in _NOT_RESTORED or key not in columns or after.get(key) == old:
                continue
            restore[key] = _from_json(columns[key].type.python_type, old)
        if change.kind == "contract" and "withdrawn_at" in restore:
            tender = session.get_one(m.Tender, record.tender_id)
            if tender.withdrawn_at is not None:
                raise ValidationError(
                    "record_is_withdrawn", kind=kind_word(ctx, "tender"), id=tender.ref
                )
        why = ctx.text("undo_reason", seq=change.seq)
        return _save(session, ctx, change.kind, record, restore, why)


def _from_json(python_type: type, value: Any) -> Any:
    """A value from an audit image back as the column's Python value."""
    if value is None:
        return None
    if python_type is dt.datetime:
        return dt.datetime.fromisoformat(value)
    if python_type is dt.date:
        return dt.date.fromisoformat(value)
    return value
