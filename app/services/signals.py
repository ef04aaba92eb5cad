"""Signals about a contract's supply chain and the buyer's escalation ladder: logging a
signal and moving it through its statuses, recording escalation steps and the
supplier's responses, and listing both for the dossier. Every change is one transaction
with its audit entries; the ladder's rules are in :mod:`app.domain.followup`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.errors import NotFoundError, ValidationError
from app.domain.followup import (
    SIGNAL_STATUSES,
    EscalationRecord,
    SignalRecord,
    check_escalation_step,
)
from app.domain.values import clean_text, not_in_future, to_cents
from app.persistence import models as m
from app.persistence.audit import AuditWriter, snapshot
from app.services.context import Context
from app.services.registry import bump_version, check_version, find_contract

DOCUMENT_TYPES = ("policy", "risk-analysis", "plan-of-action", "yearly-report")
OPEN_STATUSES = ("planned", "in_progress", "delayed")


# =======================================================================================
# Signals
# =======================================================================================


def _signal_record(signal: m.Signal, ref: str) -> SignalRecord:
    return SignalRecord(
        signal.id,
        signal.uid,
        ref,
        signal.received_on,
        signal.source,
        signal.theme,
        signal.site_id,
        signal.description,
        signal.status,
        signal.closed_on,
        signal.version,
        signal.withdrawn_reason,
    )


def _check_site(session: Session, contract_id: int, site_id: int | None) -> None:
    if site_id is None:
        return
    owner = session.scalar(
        select(m.Submission.contract_id)
        .join(m.Site, m.Site.submission_id == m.Submission.id)
        .where(m.Site.id == site_id)
    )
    if owner != contract_id:
        raise NotFoundError("dossier_site_not_found", id=site_id)


def check_signal_status(status: str, closed_on: dt.date | None, received_on: dt.date) -> None:
    if status not in SIGNAL_STATUSES:
        raise ValidationError(
            "dossier_unknown_signal_status", value=status, allowed=", ".join(SIGNAL_STATUSES)
        )
    if status == "closed" and closed_on is None:
        raise ValidationError("dossier_closed_needs_date")
    if status != "closed" and closed_on is not None:
        raise ValidationError("dossier_closed_date_only_when_closed")
    if closed_on is not None and closed_on < received_on:
        raise ValidationError("end_before_start", start=received_on, end=closed_on)


def log_signal(
    ctx: Context,
    *,
    contract_ref: str,
    received_on: dt.date,
    source: str,
    theme: str,
    description: str,
    site_id: int | None = None,
    status: str = "open",
    closed_on: dt.date | None = None,
) -> SignalRecord:
    """Log a signal of a possible abuse in the supplier's chain."""
    source = clean_text(source, "source", limit=300)
    description = clean_text(description, "description", limit=10_000)
    if theme not in {t.code for t in ctx.reference.themes}:
        raise ValidationError(
            "dossier_unknown_theme",
            value=theme,
            allowed=", ".join(t.code for t in ctx.reference.themes),
        )
    check_signal_status(status, closed_on, received_on)
    not_in_future(received_on, "received-on")
    not_in_future(closed_on, "closed-on")
    with ctx.db.begin() as session:
        contract = find_contract(session, contract_ref)
        _check_site(session, contract.id, site_id)
        signal = m.Signal(
            contract_id=contract.id,
            received_on=received_on,
            source=source,
            theme=theme,
            site_id=site_id,
            description=description,
            status=status,
            closed_on=closed_on,
        )
        session.add(signal)
        AuditWriter(session, ctx.actor).created("signal", signal)
        return _signal_record(signal, contract.ref)


def set_signal_status(
    ctx: Context,
    signal_id: int,
    status: str,
    closed_on: dt.date | None = None,
    *,
    expected_version: int | None,
) -> SignalRecord:
    """Move a signal to open, in progress or closed (closed needs the date)."""
    not_in_future(closed_on, "closed-on")
    with ctx.db.begin() as session:
        signal = session.get(m.Signal, signal_id)
        if signal is None:
            raise NotFoundError("dossier_signal_not_found", id=signal_id)
        check_version(ctx, signal, expected_version, "signal", str(signal_id))
        check_signal_status(status, closed_on, signal.received_on)
        before = snapshot(signal)
        bump_version(ctx, session, m.Signal, signal, signal.version)
        signal.status = status
        signal.closed_on = closed_on
        AuditWriter(session, ctx.actor).changed("signal", signal, before)
        ref = session.scalar(select(m.Contract.ref).where(m.Contract.id == signal.contract_id))
        return _signal_record(signal, ref or "")


def list_signals(
    ctx: Context, contract_ref: str | None = None, open_only: bool = False, withdrawn: bool = False
) -> list[SignalRecord]:
    """The signals log, newest first; withdrawn signals only with ``withdrawn``."""
    with ctx.db.read() as session:
        query = (
            select(m.Signal, m.Contract.ref)
            .join(m.Contract, m.Contract.id == m.Signal.contract_id)
            .order_by(m.Signal.received_on.desc(), m.Signal.id.desc())
        )
        if contract_ref is not None:
            query = query.where(m.Signal.contract_id == find_contract(session, contract_ref).id)
        if open_only:
            query = query.where(m.Signal.status != "closed")
        if not withdrawn:
            query = query.where(m.Signal.withdrawn_at.is_(None))
        return [_signal_record(signal, ref) for signal, ref in session.execute(query)]


# =======================================================================================
# Escalation ladder
# =======================================================================================


def _escalation_record(step: m.EscalationStep, ref: str) -> EscalationRecord:
    ids = tuple(int(i) for i in json.loads(step.evidence_ids)) if step.evidence_ids else ()
    return EscalationRecord(
        step.id,
        step.uid,
        ref,
        step.signal_id,
        step.step,
        step.taken_on,
        step.response_due,
        step.responded_on,
        step.amount_cents,
        ids,
        step.note,
        step.version,
        step.withdrawn_reason,
    )


def _check_evidence_ids(session: Session, contract_id: int, ids: Iterable[int]) -> list[int]:
    wanted = sorted(set(ids))
    if not wanted:
        return []
    found = set(
        session.scalars(
            select(m.Evidence.id).where(
                m.Evidence.id.in_(wanted), m.Evidence.contract_id == contract_id
            )
        )
    )
    for evidence_id in wanted:
        if evidence_id not in found:
            raise NotFoundError("evidence_not_found", id=evidence_id)
    return wanted


def record_escalation_step(
    ctx: Context,
    *,
    contract_ref: str,
    step: str,
    taken_on: dt.date,
    response_due: dt.date | None = None,
    amount: Decimal | int | str | None = None,
    evidence_ids: Sequence[int] = (),
    signal_id: int | None = None,
    note: str | None = None,
    skip_reason: str | None = None,
) -> EscalationRecord:
    """Record one rung of the ladder, dated, with its documents and a response date.

    A penalty without an amount takes the contract's penalty amount when one is set.
    The ladder runs in its order (:func:`~app.domain.followup.check_escalation_step`): a
    penalty or termination that skips earlier rungs needs ``skip_reason``, which is
    recorded with the step's note; neither comes without a notice of default before it.
    """
    note = clean_text(note, "note", required=False, limit=5000) or None
    skip_reason = clean_text(skip_reason, "skip-reason", required=False, limit=2000) or None
    not_in_future(taken_on, "taken-on")
    if response_due is not None and response_due < taken_on:
        raise ValidationError("end_before_start", start=taken_on, end=response_due)
    amount_cents = to_cents(Decimal(str(amount))) if amount is not None else None
    with ctx.db.begin() as session:
        contract = find_contract(session, contract_ref)
        if step == "penalty" and amount_cents is None:
            amount_cents = contract.penalty_cents
        check_ladder(ctx, session, contract.id, step, taken_on, amount_cents, skip_reason)
        if skip_reason:
            skipped = ctx.text("escalation_skipped_because", reason=skip_reason)
            note = f"{note}\n{skipped}" if note else skipped
        if signal_id is not None:
            owner = session.scalar(select(m.Signal.contract_id).where(m.Signal.id == signal_id))
            if owner != contract.id:
                raise NotFoundError("dossier_signal_not_found", id=signal_id)
        ids = _check_evidence_ids(session, contract.id, evidence_ids)
        row = m.EscalationStep(
            contract_id=contract.id,
            signal_id=signal_id,
            step=step,
            taken_on=taken_on,
            response_due=response_due,
            amount_cents=amount_cents,
            evidence_ids=json.dumps(ids) if ids else None,
            note=note,
        )
        session.add(row)
        AuditWriter(session, ctx.actor).created("escalation_step", row)
        return _escalation_record(row, contract.ref)


def record_escalation_response(
    ctx: Context,
    step_id: int,
    responded_on: dt.date | None,
    add_evidence_ids: Sequence[int] = (),
    *,
    expected_version: int | None,
) -> EscalationRecord:
    """Record the supplier's response date (and any documents) on a ladder step.

    ``expected_version`` is the step's ``version`` as shown; a step changed since is
    refused."""
    not_in_future(responded_on, "responded-on")
    with ctx.db.begin() as session:
        row = session.get(m.EscalationStep, step_id)
        if row is None:
            raise NotFoundError("dossier_escalation_not_found", id=step_id)
        check_version(ctx, row, expected_version, "escalation_step", str(step_id))
        if responded_on is not None and responded_on < row.taken_on:
            raise ValidationError("end_before_start", start=row.taken_on, end=responded_on)
        before = snapshot(row)
        current = json.loads(row.evidence_ids) if row.evidence_ids else []
        ids = _check_evidence_ids(session, row.contract_id, [*current, *add_evidence_ids])
        # a new version: stale edits fail
        bump_version(ctx, session, m.EscalationStep, row, row.version)
        row.responded_on = responded_on
        row.evidence_ids = json.dumps(ids) if ids else None
        AuditWriter(session, ctx.actor).changed("escalation_step", row, before)
        ref = session.scalar(select(m.Contract.ref).where(m.Contract.id == row.contract_id))
        return _escalation_record(row, ref or "")


def list_escalation(
    ctx: Context, contract_ref: str, withdrawn: bool = False
) -> list[EscalationRecord]:
    """The contract's ladder in the order the steps were taken; withdrawn steps only
    with ``withdrawn``."""
    with ctx.db.read() as session:
        contract = find_contract(session, contract_ref)
        query = (
            select(m.EscalationStep)
            .where(m.EscalationStep.contract_id == contract.id)
            .order_by(m.EscalationStep.taken_on, m.EscalationStep.id)
        )
        if not withdrawn:
            query = query.where(m.EscalationStep.withdrawn_at.is_(None))
        rows = session.scalars(query)
        return [_escalation_record(r, contract.ref) for r in rows]


def check_ladder(
    ctx: Context,
    session: Session,
    contract_id: int,
    step: str,
    taken_on: dt.date,
    amount_cents: int | None,
    skip_reason: str | None,
    *,
    leaving_out: int | None = None,
) -> None:
    """The ladder's rules (:func:`~app.domain.followup.check_escalation_step`) for a step
    of this contract against its other steps not withdrawn (``leaving_out``: the step
    being corrected), refused with the steps named in words."""
    query = select(m.EscalationStep.step, m.EscalationStep.taken_on).where(
        m.EscalationStep.contract_id == contract_id,
        m.EscalationStep.withdrawn_at.is_(None),  # a withdrawn step was not taken
    )
    if leaving_out is not None:
        query = query.where(m.EscalationStep.id != leaving_out)
    existing = [(code, day) for code, day in session.execute(query)]
    try:
        check_escalation_step(existing, step, taken_on, amount_cents, skip_reason)
    except ValidationError as refused:
        raise _steps_in_words(ctx, refused) from None


def _steps_in_words(ctx: Context, refused: ValidationError) -> ValidationError:
    """The ladder's refusal with its steps named in words, not their codes."""

    def word(code: str) -> str:
        return ctx.reference.label("escalation_steps", code.strip(), ctx.lang)

    params = dict(refused.params)
    if isinstance(params.get("step"), str):
        params["step"] = word(params["step"])
    if isinstance(params.get("missing"), str):
        params["missing"] = ", ".join(word(c) for c in params["missing"].split(","))
    return ValidationError(refused.code, **params)
