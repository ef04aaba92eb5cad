"""The database schema as typed SQLAlchemy 2 models.

Conventions: money as whole cents (``*_cents``, BigInteger) so sums are exact on every
backend; dates as DATE; times as timezone-naive UTC; every record that is edited by
people carries ``version`` (optimistic locking: a stale save is refused, never silently
overwritten) and ``uid`` (a UUID that identifies the record across installations, for
the coordinator's merge). Nothing here is SQLite-specific.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_uid() -> str:
    return str(uuid.uuid4())


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Versioned:
    """Optimistic locking and a cross-installation identity."""

    uid: Mapped[str] = mapped_column(String(36), default=new_uid, unique=True)
    version: Mapped[int] = mapped_column(Integer, default=1)


class Withdrawable:
    """A record a buyer can withdraw (revision 0004): never deleted, only marked, with
    the reason. A withdrawn record leaves the figures, the due list and the dossier
    states; it stays in the database and in the audit trail."""

    withdrawn_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    withdrawn_reason: Mapped[str | None] = mapped_column(Text)


class Meta(Base):
    """Key-value facts about this database: its installation id, creation time."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Organisation(Versioned, Base):
    __tablename__ = "organisation"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class Tender(Withdrawable, Versioned, Base):
    __tablename__ = "tender"
    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(100), unique=True)
    title: Mapped[str] = mapped_column(String(500))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"))
    kind: Mapped[str] = mapped_column(String(20))
    value_cents: Mapped[int] = mapped_column(BigInteger)
    published: Mapped[dt.date] = mapped_column(Date)
    category_code: Mapped[str] = mapped_column(String(60))
    category_set: Mapped[str | None] = mapped_column(String(40))
    verdict: Mapped[str] = mapped_column(String(40))
    threshold_cents: Mapped[int | None] = mapped_column(BigInteger)
    threshold_period: Mapped[str | None] = mapped_column(String(20))
    isv_applied: Mapped[bool | None] = mapped_column(Boolean)
    not_applied_reason: Mapped[str | None] = mapped_column(Text)
    form: Mapped[str | None] = mapped_column(String(40))
    acceptance: Mapped[str | None] = mapped_column(String(20))
    clause_version: Mapped[str | None] = mapped_column(String(20))
    awarded: Mapped[dt.date | None] = mapped_column(Date)
    not_applied_code: Mapped[str | None] = mapped_column(String(40))
    text_source: Mapped[str | None] = mapped_column(String(20))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (
        Index("ix_tender_published_category", "published", "category_code"),
        Index("ix_tender_awarded", "awarded"),
        Index("ix_tender_organisation", "organisation_id"),
    )


class Supplier(Versioned, Base):
    __tablename__ = "supplier"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    country: Mapped[str] = mapped_column(String(2))
    kvk: Mapped[str | None] = mapped_column(String(8))

    __table_args__ = (UniqueConstraint("name", "country"),)


class Contract(Withdrawable, Versioned, Base):
    __tablename__ = "contract"
    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(100), unique=True)
    tender_id: Mapped[int] = mapped_column(ForeignKey("tender.id"))
    supplier_id: Mapped[int] = mapped_column(ForeignKey("supplier.id"))
    start: Mapped[dt.date] = mapped_column(Date)
    end: Mapped[dt.date] = mapped_column(Date)
    value_cents: Mapped[int | None] = mapped_column(BigInteger)
    plan_months: Mapped[int] = mapped_column(Integer, default=3)
    report_month: Mapped[int] = mapped_column(Integer, default=3)
    risk_months: Mapped[int | None] = mapped_column(Integer)
    """Months after the start within which the risk analysis is due; ``None``: with the
    plan of action (``plan_months``), as before it had its own term (revision 0007)."""
    penalty_cents: Mapped[int | None] = mapped_column(BigInteger)
    independent_check: Mapped[bool] = mapped_column(Boolean, default=False)
    plan_agreed_on: Mapped[dt.date | None] = mapped_column(Date)
    follow_up_choice: Mapped[str | None] = mapped_column(String(40))
    follow_up_note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (
        Index("ix_contract_tender", "tender_id"),
        Index("ix_contract_supplier", "supplier_id"),
        Index("ix_contract_period", "start", "end"),
    )


class Submission(Base):
    """One imported supplier workbook: a version per contract, never changed afterwards."""

    __tablename__ = "submission"
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), default=new_uid, unique=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contract.id"))
    version_no: Mapped[int] = mapped_column(Integer)
    file_sha256: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(String(500))
    supplier_name: Mapped[str] = mapped_column(String(300))
    supplier_kvk: Mapped[str | None] = mapped_column(String(8))
    supplier_country: Mapped[str] = mapped_column(String(2))
    period_from: Mapped[dt.date] = mapped_column(Date)
    period_to: Mapped[dt.date] = mapped_column(Date)
    contact_person: Mapped[str] = mapped_column(String(300))
    email: Mapped[str] = mapped_column(String(300))
    signed_on: Mapped[dt.date] = mapped_column(Date)
    signed_by: Mapped[str] = mapped_column(String(300))
    grievance_mechanism: Mapped[str | None] = mapped_column(String(20))
    grievance_description: Mapped[str | None] = mapped_column(Text)
    stakeholders: Mapped[str | None] = mapped_column(Text)
    received_on: Mapped[dt.date] = mapped_column(Date)
    content_sha256: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    imported_by: Mapped[str] = mapped_column(String(200))

    __table_args__ = (
        UniqueConstraint("contract_id", "version_no"),
        UniqueConstraint("contract_id", "file_sha256"),
    )


class Site(Base):
    __tablename__ = "site"
    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id"))
    site_key: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(Text)
    country: Mapped[str] = mapped_column(String(2))
    city: Mapped[str | None] = mapped_column(Text)
    tier: Mapped[int] = mapped_column(Integer)
    product: Mapped[str] = mapped_column(Text)
    workers: Mapped[int | None] = mapped_column(Integer)
    certifications: Mapped[str | None] = mapped_column(Text)
    last_audit: Mapped[dt.date | None] = mapped_column(Date)
    osh_id: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (Index("ix_site_submission", "submission_id"),)


class Risk(Base):
    __tablename__ = "risk"
    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id"))
    risk_key: Mapped[str] = mapped_column(String(100))
    site_key: Mapped[str | None] = mapped_column(String(100))
    theme: Mapped[str] = mapped_column(String(40))
    description: Mapped[str] = mapped_column(Text)
    severity: Mapped[int] = mapped_column(Integer)
    likelihood: Mapped[int] = mapped_column(Integer)
    priority: Mapped[str] = mapped_column(String(10))
    source: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String(2))
    product: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_risk_submission_theme", "submission_id", "theme", "priority"),)


class Measure(Base):
    __tablename__ = "measure"
    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submission.id"))
    measure_key: Mapped[str] = mapped_column(String(100))
    risk_key: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(Text)
    start: Mapped[dt.date | None] = mapped_column(Date)
    due: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20))
    progress: Mapped[float | None] = mapped_column()
    evidence_name: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_measure_submission_status", "submission_id", "status", "due"),)


class Evidence(Withdrawable, Base):
    """A document kept as evidence. The file never changes (a new file supersedes it);
    its description (type, dates, issuer, note) can be corrected, with a reason."""

    __tablename__ = "evidence"
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), default=new_uid, unique=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contract.id"))
    submission_id: Mapped[int | None] = mapped_column(ForeignKey("submission.id"))
    site_id: Mapped[int | None] = mapped_column(ForeignKey("site.id"))
    risk_id: Mapped[int | None] = mapped_column(ForeignKey("risk.id"))
    measure_id: Mapped[int | None] = mapped_column(ForeignKey("measure.id"))
    type: Mapped[str] = mapped_column(String(40))
    sha256: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(String(500))
    size: Mapped[int] = mapped_column(BigInteger)
    issuer: Mapped[str | None] = mapped_column(String(300))
    issued_on: Mapped[dt.date | None] = mapped_column(Date)
    valid_until: Mapped[dt.date | None] = mapped_column(Date)
    received_on: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("evidence.id"))
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    added_by: Mapped[str] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __table_args__ = (
        # the dashboard sums up each contract's current documents from this index alone
        Index(
            "ix_evidence_contract_type_received",
            "contract_id",
            "type",
            "received_on",
            "withdrawn_at",
        ),
        # the few documents that correct another (revision 0002)
        Index(
            "ix_evidence_supersedes",
            "supersedes_id",
            sqlite_where=text("supersedes_id IS NOT NULL"),
            postgresql_where=text("supersedes_id IS NOT NULL"),
        ),
    )


class Assessment(Withdrawable, Base):
    """The contract manager's judgement of a risk analysis, plan or yearly report."""

    __tablename__ = "assessment"
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), default=new_uid, unique=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contract.id"))
    subject: Mapped[str] = mapped_column(String(40))  # risk-analysis, plan-of-action, yearly-report
    evidence_id: Mapped[int | None] = mapped_column(ForeignKey("evidence.id"))
    submission_id: Mapped[int | None] = mapped_column(ForeignKey("submission.id"))
    rubric_version: Mapped[str] = mapped_column(String(20))
    elements_json: Mapped[str] = mapped_column(Text)
    verdict: Mapped[str] = mapped_column(String(20))  # sufficient, insufficient
    assessor: Mapped[str] = mapped_column(String(200))
    assessed_on: Mapped[dt.date] = mapped_column(Date)
    contract_year: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")


class Signal(Withdrawable, Versioned, Base):
    """A signal of a possible abuse in the supplier's chain."""

    __tablename__ = "signal"
    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contract.id"))
    received_on: Mapped[dt.date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(300))
    theme: Mapped[str] = mapped_column(String(40))
    site_id: Mapped[int | None] = mapped_column(ForeignKey("site.id"))
    description: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="open")  # open, in_progress, closed
    closed_on: Mapped[dt.date | None] = mapped_column(Date)


class EscalationStep(Withdrawable, Base):
    """One rung of the buyer's ladder, dated; the order rule lives in the domain."""

    __tablename__ = "escalation_step"
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), default=new_uid, unique=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contract.id"))
    signal_id: Mapped[int | None] = mapped_column(ForeignKey("signal.id"))
    step: Mapped[str] = mapped_column(String(40))
    taken_on: Mapped[dt.date] = mapped_column(Date)
    response_due: Mapped[dt.date | None] = mapped_column(Date)
    responded_on: Mapped[dt.date | None] = mapped_column(Date)
    amount_cents: Mapped[int | None] = mapped_column(BigInteger)
    evidence_ids: Mapped[str | None] = mapped_column(Text)  # JSON list of evidence ids
    note: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")


class GeneratedDocument(Base):
    """A text generated for a tender: which template version, with which parameters."""

    __tablename__ = "generated_document"
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), default=new_uid, unique=True)
    tender_id: Mapped[int] = mapped_column(ForeignKey("tender.id"))
    contract_id: Mapped[int | None] = mapped_column(ForeignKey("contract.id"))
    kind: Mapped[str] = mapped_column(String(40))
    template_version: Mapped[str] = mapped_column(String(20))
    parameters_json: Mapped[str] = mapped_column(Text)
    format: Mapped[str] = mapped_column(String(10))
    language: Mapped[str] = mapped_column(String(2))
    sha256: Mapped[str] = mapped_column(String(64))
    generated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    generated_by: Mapped[str] = mapped_column(String(200))


class CountryRisk(Base):
    """A country-risk table row imported by the organisation (none is shipped)."""

    __tablename__ = "country_risk"
    id: Mapped[int] = mapped_column(primary_key=True)
    country: Mapped[str] = mapped_column(String(2))
    score: Mapped[float | None] = mapped_column()
    flag: Mapped[bool | None] = mapped_column(Boolean)
    source: Mapped[str] = mapped_column(String(300))
    year: Mapped[int] = mapped_column(Integer)
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class AuditHead(Base):
    """One row: the sequence number and hash of the newest audit entry.

    Updating it first in every writing transaction serialises audit writers on every
    backend (it takes the row's write lock), so the chain never forks.
    """

    __tablename__ = "audit_head"
    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, default=0)
    hash: Mapped[str] = mapped_column(String(64), default="0" * 64)


class AuditEntry(Base):
    __tablename__ = "audit_entry"
    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, unique=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(200))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(20))
    before_json: Mapped[str | None] = mapped_column(Text)
    after_json: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str | None] = mapped_column(Text)  # why a correction or withdrawal (0004)

    __table_args__ = (Index("ix_audit_entity", "entity", "entity_id"),)


class TenderCpv(Base):
    """A tender's CPV codes, the main code at position 0 (revision 0003)."""

    __tablename__ = "tender_cpv"
    id: Mapped[int] = mapped_column(primary_key=True)
    tender_id: Mapped[int] = mapped_column(ForeignKey("tender.id"))
    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(12))

    __table_args__ = (
        UniqueConstraint("tender_id", "position"),
        Index("ix_tender_cpv_code", "code"),
    )


class TenderNedNotice(Versioned, Base):
    """One procedure read from TenderNed's open data, folded from all its notices, kept
    for review: adopted into the register (``tender_id``), dismissed with a reason, or
    still to be reviewed (revision 0003)."""

    __tablename__ = "tenderned_notice"
    id: Mapped[int] = mapped_column(primary_key=True)
    ocid: Mapped[str] = mapped_column(String(100), unique=True)
    publication_ids: Mapped[str] = mapped_column(Text)  # JSON list
    reference: Mapped[str | None] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(String(500))
    buyer_name: Mapped[str] = mapped_column(String(300))
    buyer_id: Mapped[str | None] = mapped_column(String(100))
    cpv: Mapped[str] = mapped_column(Text)  # JSON list, the main code first
    kind: Mapped[str | None] = mapped_column(String(20))
    estimated_cents: Mapped[int | None] = mapped_column(BigInteger)
    awarded_cents: Mapped[int | None] = mapped_column(BigInteger)
    published: Mapped[dt.date | None] = mapped_column(Date)
    award_date: Mapped[dt.date | None] = mapped_column(Date)
    winner_name: Mapped[str | None] = mapped_column(String(300))
    winner_kvk: Mapped[str | None] = mapped_column(String(8))
    winner_country: Mapped[str | None] = mapped_column(String(100))
    contract_start: Mapped[dt.date | None] = mapped_column(Date)
    contract_end: Mapped[dt.date | None] = mapped_column(Date)
    url: Mapped[str | None] = mapped_column(String(500))
    fingerprint: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(20), default="review")  # review/adopted/dismissed
    reason: Mapped[str | None] = mapped_column(Text)
    tender_id: Mapped[int | None] = mapped_column(ForeignKey("tender.id"))
    first_seen_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    __table_args__ = (
        Index("ix_tenderned_notice_status", "status", "published"),
        Index("ix_tenderned_notice_tender", "tender_id"),
    )


class CpvChoice(Base):
    """The buyer's category for a CPV code, remembered for the next import (revision 0003)."""

    __tablename__ = "cpv_choice"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(8), unique=True)  # eight digits
    category_code: Mapped[str] = mapped_column(String(60))
    chosen_by: Mapped[str] = mapped_column(String(200))
    chosen_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
