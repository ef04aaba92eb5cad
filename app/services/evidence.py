"""Evidence documents: the file into the content-addressed store, the record audited.

Documents are never changed; a correction is a new document that supersedes the old one,
and both stay. :func:`store_evidence_in` works inside another service's transaction (the
workbook import keeps the supplier's original file this way); :func:`add_evidence` is
the use case on its own.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.orm import Session, aliased

from app.domain.errors import NotFoundError, UsageError, ValidationError
from app.domain.reference import Label
from app.domain.values import EvidenceRecord, clean_text
from app.persistence import models as m
from app.persistence.attachments import AttachmentStore
from app.persistence.audit import AuditWriter
from app.services.context import Context
from app.services.registry import find_contract


def evidence_record(session: Session, evidence: m.Evidence) -> EvidenceRecord:
    contract_ref = (
        session.scalar(select(m.Contract.ref).where(m.Contract.id == evidence.contract_id)) or ""
    )
    superseded_by = session.scalar(
        select(m.Evidence.id)
        .where(m.Evidence.supersedes_id == evidence.id, m.Evidence.withdrawn_at.is_(None))
        .order_by(m.Evidence.id.desc())
        .limit(1)
    )
    return EvidenceRecord(
        id=evidence.id,
        uid=evidence.uid,
        contract_ref=contract_ref,
        type=evidence.type,
        file_name=evidence.file_name,
        sha256=evidence.sha256,
        size=evidence.size,
        issuer=evidence.issuer,
        issued_on=evidence.issued_on,
        valid_until=evidence.valid_until,
        received_on=evidence.received_on,
        note=evidence.note,
        supersedes_id=evidence.supersedes_id,
        superseded_by_id=superseded_by,
        submission_id=evidence.submission_id,
        site_id=evidence.site_id,
        risk_id=evidence.risk_id,
        measure_id=evidence.measure_id,
        added_by=evidence.added_by,
        version=evidence.version,
        withdrawn_reason=evidence.withdrawn_reason,
        withdrawn_at=evidence.withdrawn_at,
    )


def validate_evidence_type(ctx: Context, type_code: str) -> str:
    code = type_code.strip().lower()
    allowed = [t.code for t in ctx.reference.evidence_types]
    if code not in allowed:
        raise ValidationError("evidence_unknown_type", value=type_code, allowed=", ".join(allowed))
    return code


def evidence_type(code: str) -> Label | str:
    """The evidence type ``code`` as a labelled value, so a message names it in words
    in the reader's language (the code itself when it is not a known type)."""
    from app import locator

    return next((t for t in locator.reference().evidence_types if t.code == code), code)


def _check_attached_to(session: Session, contract_id: int, **ids: int | None) -> None:
    """A document kept for a site, risk or measure must be of this contract's workbooks."""
    links: dict[str, tuple[Any, Any]] = {
        "site_id": (m.Site.id, m.Site.submission_id),
        "risk_id": (m.Risk.id, m.Risk.submission_id),
        "measure_id": (m.Measure.id, m.Measure.submission_id),
        "submission_id": (m.Submission.id, m.Submission.id),
    }
    for name, value in ids.items():
        if value is None:
            continue
        row_id, submission_id = links[name]
        owner = session.scalar(
            select(m.Submission.contract_id).where(
                m.Submission.id == select(submission_id).where(row_id == value).scalar_subquery()
            )
        )
        if owner != contract_id:
            raise NotFoundError("evidence_link_not_found", what=name.removesuffix("_id"), id=value)


def store_evidence_in(
    session: Session,
    audit: AuditWriter,
    *,
    contract_id: int,
    type_code: str,
    sha256: str,
    size: int,
    file_name: str,
    received_on: dt.date,
    issuer: str | None = None,
    issued_on: dt.date | None = None,
    valid_until: dt.date | None = None,
    note: str | None = None,
    supersedes_id: int | None = None,
    submission_id: int | None = None,
    site_id: int | None = None,
    risk_id: int | None = None,
    measure_id: int | None = None,
    reason: str | None = None,
) -> m.Evidence:
    """Add the evidence row (the file is already in the store) and its audit entry
    (with ``reason``: why a warning was accepted)."""
    if issued_on and valid_until and valid_until < issued_on:
        raise ValidationError("end_before_start", start=issued_on, end=valid_until)
    if supersedes_id is not None:
        old = session.get(m.Evidence, supersedes_id)
        if old is None or old.contract_id != contract_id:
            raise NotFoundError("evidence_not_found", id=supersedes_id)
        if old.type != type_code:
            raise ValidationError(
                "evidence_supersede_other_type",
                id=supersedes_id,
                found=evidence_type(old.type),
                given=evidence_type(type_code),
            )
        newer = session.scalar(
            select(m.Evidence.id)
            .where(m.Evidence.supersedes_id == old.id, m.Evidence.withdrawn_at.is_(None))
            .order_by(m.Evidence.id.desc())
            .limit(1)
        )
        if newer is not None:
            raise ValidationError("evidence_already_superseded", id=supersedes_id, newer=newer)
    _check_attached_to(
        session,
        contract_id,
        site_id=site_id,
        risk_id=risk_id,
        measure_id=measure_id,
        submission_id=submission_id,
    )
    evidence = m.Evidence(
        contract_id=contract_id,
        type=type_code,
        sha256=sha256,
        size=size,
        file_name=Path(file_name).name[:500] or "document",
        issuer=issuer,
        issued_on=issued_on,
        valid_until=valid_until,
        received_on=received_on,
        note=note,
        supersedes_id=supersedes_id,
        submission_id=submission_id,
        site_id=site_id,
        risk_id=risk_id,
        measure_id=measure_id,
        added_by=audit.actor,
    )
    session.add(evidence)
    audit.created("evidence", evidence, reason=reason)
    return evidence


def add_evidence(
    ctx: Context,
    *,
    contract_ref: str,
    path: Path,
    type_code: str,
    issued_on: dt.date | None = None,
    valid_until: dt.date | None = None,
    issuer: str | None = None,
    note: str | None = None,
    supersedes_id: int | None = None,
    received_on: dt.date | None = None,
    site_id: int | None = None,
    risk_id: int | None = None,
    measure_id: int | None = None,
    accept_warning: str | None = None,
) -> EvidenceRecord:
    """Store ``path`` as evidence for the contract; the original name is kept as metadata.

    A plan of action or yearly report dated before the contract starts is stored only
    with ``accept_warning`` (the reason, kept in the audit trail)."""
    from app.domain.consistency import evidence_warnings, settle
    from app.services.records import accepted_note

    type_code = validate_evidence_type(ctx, type_code)
    issuer = clean_text(issuer, "issuer", required=False, limit=300) or None
    note = clean_text(note, "note", required=False, limit=5000) or None
    if not path.is_file():
        raise UsageError("file_not_found", path=str(path))
    with ctx.db.read() as session:  # refuse before copying the file
        contract = find_contract(session, contract_ref)
        if contract.withdrawn_at is not None:
            raise ValidationError(
                "record_is_withdrawn", kind=ctx.text("history_record_contract"), id=contract.ref
            )
        warnings = evidence_warnings(
            type_code, issued_on, valid_until, contract.ref, contract.start
        )
    note_accepted = accepted_note(ctx, settle(warnings, accept_warning), accept_warning)
    store = AttachmentStore(ctx.db.attachments_dir)
    sha, size = store.put_file(path)
    with ctx.db.begin() as session:
        contract = find_contract(session, contract_ref)
        audit = AuditWriter(session, ctx.actor)
        evidence = store_evidence_in(
            session,
            audit,
            contract_id=contract.id,
            type_code=type_code,
            sha256=sha,
            size=size,
            file_name=path.name,
            received_on=received_on or dt.date.today(),
            issuer=issuer,
            issued_on=issued_on,
            valid_until=valid_until,
            note=note,
            supersedes_id=supersedes_id,
            site_id=site_id,
            risk_id=risk_id,
            measure_id=measure_id,
            reason=note_accepted,
        )
        return evidence_record(session, evidence)


def list_evidence(
    ctx: Context, contract_ref: str | None = None, withdrawn: bool = False
) -> list[EvidenceRecord]:
    """The documents (of one contract), newest first; withdrawn ones only with
    ``withdrawn``."""
    with ctx.db.read() as session:
        query = select(m.Evidence).order_by(m.Evidence.received_on.desc(), m.Evidence.id)
        if not withdrawn:
            query = query.where(m.Evidence.withdrawn_at.is_(None))
        if contract_ref is not None:
            query = query.where(m.Evidence.contract_id == find_contract(session, contract_ref).id)
        return [evidence_record(session, e) for e in session.scalars(query)]


def supersede_evidence(
    ctx: Context,
    old_id: int,
    path: Path,
    *,
    issued_on: dt.date | None = None,
    valid_until: dt.date | None = None,
    issuer: str | None = None,
    note: str | None = None,
    received_on: dt.date | None = None,
) -> EvidenceRecord:
    """Store a correction of evidence ``old_id``: same contract and type; both are kept."""
    with ctx.db.read() as session:
        old = session.get(m.Evidence, old_id)
        if old is None:
            raise NotFoundError("evidence_not_found", id=old_id)
        contract_ref = (
            session.scalar(select(m.Contract.ref).where(m.Contract.id == old.contract_id)) or ""
        )
        type_code, site_id, risk_id, measure_id = old.type, old.site_id, old.risk_id, old.measure_id
    return add_evidence(
        ctx,
        contract_ref=contract_ref,
        path=path,
        type_code=type_code,
        issued_on=issued_on,
        valid_until=valid_until,
        issuer=issuer,
        note=note,
        supersedes_id=old_id,
        received_on=received_on,
        site_id=site_id,
        risk_id=risk_id,
        measure_id=measure_id,
    )


def evidence_history(ctx: Context, evidence_id: int) -> list[EvidenceRecord]:
    """The chain of versions ``evidence_id`` belongs to, oldest first."""
    with ctx.db.read() as session:
        first = session.get(m.Evidence, evidence_id)
        if first is None:
            raise NotFoundError("evidence_not_found", id=evidence_id)
        while first.supersedes_id is not None:
            first = session.get_one(m.Evidence, first.supersedes_id)
        chain = [first]
        while True:
            newer = session.scalar(
                select(m.Evidence)
                .where(m.Evidence.supersedes_id == chain[-1].id)
                .order_by(m.Evidence.id)
                .limit(1)
            )
            if newer is None:
                break
            chain.append(newer)
        return [evidence_record(session, e) for e in chain]


def expiring_evidence(
    ctx: Context, within: int = 30, as_of: dt.date | None = None
) -> list[EvidenceRecord]:
    """Current (not superseded) documents whose validity ends within ``within`` days or
    has ended, for contracts still running whose end lies after that validity."""
    day = as_of or dt.date.today()
    horizon = day + dt.timedelta(days=within)
    newer = aliased(m.Evidence)
    with ctx.db.read() as session:
        rows = session.scalars(
            select(m.Evidence)
            .join(m.Contract, m.Contract.id == m.Evidence.contract_id)
            .outerjoin(
                newer, and_(newer.supersedes_id == m.Evidence.id, newer.withdrawn_at.is_(None))
            )
            .where(
                newer.id.is_(None),
                m.Evidence.withdrawn_at.is_(None),
                m.Contract.withdrawn_at.is_(None),
                m.Evidence.valid_until.is_not(None),
                m.Evidence.valid_until <= horizon,
                m.Evidence.valid_until < m.Contract.end,
                m.Contract.end >= day,
            )
            .order_by(m.Evidence.valid_until, m.Evidence.id)
        ).all()
        return [evidence_record(session, e) for e in rows]


def evidence_path(ctx: Context, sha256: str) -> Path:
    """Where the stored file is, for opening it with the system viewer."""
    return AttachmentStore(ctx.db.attachments_dir).path_for(sha256)
