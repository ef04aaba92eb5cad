"""TenderNed's open data in the register: import for review, adopt, dismiss.

An import reads the file for the named contracting authorities, folds the notices of
each procedure into one, and keeps every procedure in ``tenderned_notice``: a new one
for review, a known one brought up to date (a newer file may add the award). The review
list is worked out when asked, so a category the buyer confirms counts at once. Adopting
a notice registers its tender (and, with a winner, its contract) in one transaction;
an adopted notice is never adopted twice, and a re-import never adds a tender.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import locator
from app.domain.errors import ConflictError, NotFoundError, ValidationError
from app.domain.formatting import format_date
from app.domain.tenderned import (
    Check,
    CpvTable,
    Notice,
    OrganisationFilter,
    check_notice,
    cpv_digits,
    fold,
    load_cpv_table,
)
from app.domain.values import clean_text, from_cents, to_cents
from app.persistence import models as m
from app.persistence.audit import AuditWriter, snapshot, snapshots
from app.services import registry
from app.services.context import Context

STATUSES = ("review", "adopted", "dismissed")
FRAMEWORK_YEARS = 4
"""A contract period TenderNed does not give ends this many years after its start: the
usual longest term of a framework agreement (Directive 2014/24/EU, art. 33(1))."""


@functools.cache
def cpv_table() -> CpvTable:
    return load_cpv_table(locator.resource_text("cpv_categories.json"))


@dataclass(frozen=True)
class ReviewRow:
    """A notice with its check and what the register has on record for it."""

    ocid: str
    reference: str
    title: str
    buyer: str
    cpv: tuple[str, ...]
    category_suggested: str | None
    category_confirmed: bool
    kind: str | None
    annex_xiv: bool
    value: Decimal | None
    estimated: Decimal | None
    awarded_value: Decimal | None
    published: dt.date | None
    awarded: dt.date | None
    winner: str
    verdict: str
    mandatory: bool
    on_record: str  # applied, not-applied, no-decision, withdrawn, unknown
    status: str  # review, adopted, dismissed
    reason: str | None
    version: int  # of the kept notice (0 before it is kept): what adopt and dismiss expect
    tender_ref: str | None
    url: str

    def as_json(self) -> dict[str, object]:
        """The review entry of ``tenderned import --json`` (spec/cli.md version 2)."""
        return {
            "ocid": self.ocid,
            "title": self.title,
            "cpv": list(self.cpv),
            "category_suggested": self.category_suggested,
            "kind": self.kind,
            "value": self.value,
            "awarded_value": self.awarded_value,
            "published": self.published,
            "awarded": self.awarded,
            "verdict": self.verdict,
            "mandatory": self.mandatory,
            "on_record": self.on_record,
            "status": self.status,
        }


@dataclass
class ImportResult:
    read: int = 0
    for_organisation: int = 0
    new: int = 0
    known: int = 0
    changed: int = 0
    missing_columns: tuple[str, ...] = ()
    review: list[ReviewRow] = field(default_factory=list)
    dry_run: bool = False

    def counts(self) -> dict[str, int]:
        return {
            "read": self.read,
            "for_organisation": self.for_organisation,
            "new": self.new,
            "known": self.known,
            "review": len(self.review),
        }


# -- rows and notices ------------------------------------------------------------------------


def _notice_from_row(row: m.TenderNedNotice) -> Notice:
    return Notice(
        ocid=row.ocid,
        publication_ids=tuple(json.loads(row.publication_ids)),
        reference=row.reference or "",
        title=row.title,
        buyer_name=row.buyer_name,
        buyer_id=row.buyer_id or "",
        cpv=tuple(json.loads(row.cpv)),
        kind=row.kind,
        estimated=from_cents(row.estimated_cents),
        awarded_value=from_cents(row.awarded_cents),
        published=row.published,
        award_date=row.award_date,
        winner_name=row.winner_name or "",
        winner_kvk=row.winner_kvk or "",
        winner_country=row.winner_country or "",
        contract_start=row.contract_start,
        contract_end=row.contract_end,
        url=row.url or "",
    )


def _fill(row: m.TenderNedNotice, notice: Notice) -> None:
    row.publication_ids = json.dumps(list(notice.publication_ids))
    row.reference = notice.reference[:100] or None
    row.title = notice.title[:500] or notice.reference or notice.ocid
    row.buyer_name = notice.buyer_name[:300]
    row.buyer_id = notice.buyer_id[:100] or None
    row.cpv = json.dumps(list(notice.cpv))
    row.kind = notice.kind
    row.estimated_cents = to_cents(notice.estimated) if notice.estimated is not None else None
    row.awarded_cents = to_cents(notice.awarded_value) if notice.awarded_value is not None else None
    row.published = notice.published
    row.award_date = notice.award_date
    row.winner_name = notice.winner_name[:300] or None
    row.winner_kvk = notice.winner_kvk or None
    row.winner_country = notice.winner_country[:100] or None
    row.contract_start = notice.contract_start
    row.contract_end = notice.contract_end
    row.url = notice.url[:500] or None
    row.fingerprint = notice.fingerprint()
    row.updated_at = m.utcnow()


def _choices(session: Session) -> dict[str, str]:
    rows = session.execute(select(m.CpvChoice.code, m.CpvChoice.category_code))
    return {str(code): str(category) for code, category in rows}


def _on_record(tender: m.Tender | None) -> str:
    if tender is None:
        return "unknown"
    if tender.withdrawn_at is not None:
        return "withdrawn"
    if tender.isv_applied is None:
        return "no-decision"
    return "applied" if tender.isv_applied else "not-applied"


def _review_row(
    notice: Notice,
    check: Check,
    status: str,
    reason: str | None,
    tender: m.Tender | None,
    version: int,
) -> ReviewRow:
    return ReviewRow(
        ocid=notice.ocid,
        reference=notice.reference,
        title=notice.title,
        buyer=notice.buyer_name,
        cpv=notice.cpv,
        category_suggested=check.category,
        category_confirmed=check.category_confirmed,
        kind=check.kind,
        annex_xiv=check.annex_xiv,
        value=check.value,
        estimated=notice.estimated,
        awarded_value=notice.awarded_value,
        published=notice.published,
        awarded=notice.award_date,
        winner=notice.winner_name,
        verdict=check.verdict,
        mandatory=check.mandatory,
        on_record=_on_record(tender),
        status=status,
        reason=reason,
        version=version,
        tender_ref=tender.ref if tender is not None else None,
        url=notice.url,
    )


def _tenders_for(
    session: Session, rows: Sequence[tuple[Notice, m.TenderNedNotice | None]]
) -> dict[str, m.Tender]:
    """The register's tender of each notice: the adopted one, else one registered by hand
    under the notice's TenderNed reference."""
    ids = {row.tender_id for _, row in rows if row is not None and row.tender_id is not None}
    refs = {n.reference for n, _ in rows if n.reference}
    found: dict[str, m.Tender] = {}
    by_id: dict[int, m.Tender] = {}
    if ids:
        by_id = {t.id: t for t in session.scalars(select(m.Tender).where(m.Tender.id.in_(ids)))}
    by_ref: dict[str, m.Tender] = {}
    for chunk in _chunks(sorted(refs)):
        by_ref.update(
            {t.ref: t for t in session.scalars(select(m.Tender).where(m.Tender.ref.in_(chunk)))}
        )
    for notice, row in rows:
        tender = None
        if row is not None and row.tender_id is not None:
            tender = by_id.get(row.tender_id)
        if tender is None and notice.reference:
            tender = by_ref.get(notice.reference)
        if tender is not None:
            found[notice.ocid] = tender
    return found


def _chunks(values: Sequence[str], size: int = 500) -> list[Sequence[str]]:
    return [values[i : i + size] for i in range(0, len(values), size)]


def _review(
    ctx: Context,
    session: Session,
    rows: Sequence[tuple[Notice, m.TenderNedNotice | None]],
    only_mandatory: bool,
) -> list[ReviewRow]:
    choices = _choices(session)
    tenders = _tenders_for(session, rows)
    table = cpv_table()
    result = []
    for notice, row in rows:
        tender = tenders.get(notice.ocid)
        category = tender.category_code if tender is not None else None
        check = check_notice(notice, table, ctx.reference, choices, category)
        if only_mandatory and not check.mandatory:
            continue
        status = row.status if row is not None else "review"
        reason = row.reason if row is not None else None
        version = row.version if row is not None else 0
        result.append(_review_row(notice, check, status, reason, tender, version))
    return result


# -- import ----------------------------------------------------------------------------------


def import_open_data(
    ctx: Context,
    path: Path,
    organisations: Sequence[str] = (),
    *,
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportResult:
    """Read TenderNed's release package or workbook and keep its notices for review.

    ``dry_run`` counts and checks without writing. Returns the counts and the review list
    (the notices in a risk category at or above the threshold)."""
    from app.io.tenderned import read_open_data

    read = read_open_data(
        path, OrganisationFilter(tuple(organisations)), progress=progress, cancelled=cancelled
    )
    notices = fold(read.parts)
    result = ImportResult(
        read=read.read,
        for_organisation=len(notices),
        missing_columns=read.missing_columns,
        dry_run=dry_run,
    )
    session_of = ctx.db.read if dry_run else ctx.db.begin
    with session_of() as session:
        known: dict[str, m.TenderNedNotice] = {}
        for chunk in _chunks([n.ocid for n in notices]):
            known.update(
                {
                    r.ocid: r
                    for r in session.scalars(
                        select(m.TenderNedNotice).where(m.TenderNedNotice.ocid.in_(chunk))
                    )
                }
            )
        pairs: list[tuple[Notice, m.TenderNedNotice | None]] = []
        added: list[m.TenderNedNotice] = []
        updated: list[tuple[m.TenderNedNotice, dict[str, object]]] = []
        for notice in notices:
            row = known.get(notice.ocid)
            if row is None:
                result.new += 1
                if not dry_run:
                    row = m.TenderNedNotice(ocid=notice.ocid, status="review", version=1)
                    _fill(row, notice)
                    session.add(row)
                    added.append(row)
            else:
                result.known += 1
                if row.fingerprint != notice.fingerprint() and _newer(notice, row):
                    result.changed += 1
                    if not dry_run:
                        updated.append((row, snapshot(row)))
                        _fill(row, notice)
                        row.version += 1
            pairs.append((notice, row))
        if not dry_run:
            session.flush()
            _audit_import(session, ctx.actor, added, updated)
        result.review = _review(ctx, session, pairs, only_mandatory=True)
    return result


def _audit_import(
    session: Session,
    actor: str,
    added: Sequence[m.TenderNedNotice],
    updated: Sequence[tuple[m.TenderNedNotice, dict[str, object]]],
) -> None:
    """Every notice an import kept or brought up to date is an audit entry (written in
    one bulk insert: an import may keep thousands)."""
    if not added and not updated:
        return
    audit = AuditWriter(session, actor)
    entries = [
        audit.build("tenderned_notice", r.id, "create", None, after)
        for r, after in zip(added, snapshots(m.TenderNedNotice, added), strict=True)
    ]
    changed = [r for r, _ in updated]
    entries.extend(
        audit.build("tenderned_notice", r.id, "update", before, after)
        for (r, before), after in zip(updated, snapshots(m.TenderNedNotice, changed), strict=True)
    )
    audit.append_many(entries)


def _newer(notice: Notice, row: m.TenderNedNotice) -> bool:
    """Whether the file's facts are at least as new as the kept ones (an older file read
    after a newer one changes nothing)."""
    kept = len(json.loads(row.publication_ids))
    return len(notice.publication_ids) >= kept


# -- the review list -------------------------------------------------------------------------


def review_list(
    ctx: Context,
    *,
    status: str | None = None,
    year: int | None = None,
    only_mandatory: bool = True,
) -> list[ReviewRow]:
    """The kept notices through the rule, newest publication first; by default only those
    in a risk category at or above the threshold."""
    with ctx.db.read() as session:
        query = select(m.TenderNedNotice).order_by(
            m.TenderNedNotice.published.desc(), m.TenderNedNotice.ocid
        )
        if status is not None:
            query = query.where(m.TenderNedNotice.status == status)
        if year is not None:
            query = query.where(
                m.TenderNedNotice.published >= dt.date(year, 1, 1),
                m.TenderNedNotice.published <= dt.date(year, 12, 31),
            )
        rows = [(_notice_from_row(r), r) for r in session.scalars(query)]
        return _review(ctx, session, rows, only_mandatory)


def _find(session: Session, ocid: str) -> m.TenderNedNotice:
    row = session.scalar(select(m.TenderNedNotice).where(m.TenderNedNotice.ocid == ocid.strip()))
    if row is None:
        raise NotFoundError("tn_notice_not_found", ocid=ocid)
    return row


def remember_category(ctx: Context, cpv: str, category: str) -> None:
    """The buyer's category for a CPV code (its eight digits), used from the next import."""
    with ctx.db.begin() as session:
        _remember(session, AuditWriter(session, ctx.actor), ctx, cpv, category)


def _remember(session: Session, audit: AuditWriter, ctx: Context, cpv: str, category: str) -> None:
    """Keep the choice, audited (a new one, or a changed one with its old value)."""
    code = category.strip().lower()
    if not ctx.reference.is_known_category(code) and code != "overig":
        raise ValidationError("unknown_category", category=category)
    digits = cpv_digits(cpv)
    found = session.scalar(select(m.CpvChoice).where(m.CpvChoice.code == digits))
    if found is None:
        chosen = m.CpvChoice(
            code=digits, category_code=code, chosen_by=ctx.actor, chosen_at=m.utcnow()
        )
        session.add(chosen)
        audit.created("cpv_choice", chosen)
    elif found.category_code != code:
        before = snapshot(found)
        found.category_code = code
        found.chosen_by = ctx.actor
        found.chosen_at = m.utcnow()
        audit.changed("cpv_choice", found, before)


@dataclass(frozen=True)
class Adopted:
    ocid: str
    tender_ref: str
    contract_ref: str | None
    linked: bool  # the tender was already in the register (registered by hand)
    end_assumed: dt.date | None = None  # the contract's end, assumed: TenderNed gives none


def _check_notice_version(
    row: m.TenderNedNotice, expected_versions: Mapping[str, int] | None
) -> None:
    """A notice changed since the window showed it is refused (None: the command line's
    single read-then-write of the current notices)."""
    if expected_versions is None:
        return
    expected = expected_versions.get(row.ocid)
    if expected is not None and expected != row.version:
        raise ConflictError("changed_by_someone_else", entity="tenderned_notice", ref=row.ocid)


def adopt(
    ctx: Context,
    ocids: Sequence[str],
    category: str | None = None,
    *,
    expected_versions: Mapping[str, int] | None,
) -> list[Adopted]:
    """Take the notices into the register, all or none: each becomes a tender (its
    TenderNed reference, CPV codes, category, kind, value, first publication date) and,
    when TenderNed names the winner, a contract with the winner as supplier. The category
    is the buyer's ``category`` or the suggestion; it is remembered for the main CPV code."""
    if not ocids:
        raise ValidationError("required_field", field="OCID")
    results = []
    with ctx.db.begin() as session:
        audit = AuditWriter(session, ctx.actor)
        choices = _choices(session)
        for ocid in dict.fromkeys(o.strip() for o in ocids):
            row = _find(session, ocid)
            _check_notice_version(row, expected_versions)
            if row.status == "adopted":
                raise ValidationError("tn_already_adopted", ocid=ocid)
            notice = _notice_from_row(row)
            results.append(_adopt_one(ctx, session, audit, row, notice, choices, category))
    return results


def _adopt_one(
    ctx: Context,
    session: Session,
    audit: AuditWriter,
    row: m.TenderNedNotice,
    notice: Notice,
    choices: dict[str, str],
    category: str | None,
) -> Adopted:
    check = check_notice(notice, cpv_table(), ctx.reference, choices, category)
    if check.missing:
        raise ValidationError(
            "tn_notice_incomplete", ocid=notice.ocid, missing=", ".join(check.missing)
        )
    assert check.kind is not None and check.value is not None and notice.published is not None
    chosen = check.category
    if chosen is None:
        raise ValidationError("tn_category_needed", ocid=notice.ocid)
    ref = notice.reference or notice.ocid
    tender = session.scalar(select(m.Tender).where(m.Tender.ref == ref[:100]))
    linked = tender is not None
    if tender is None:
        tender = registry.insert_tender(
            session,
            audit,
            ctx,
            ref=ref,
            title=notice.title or ref,
            category=chosen,
            kind=check.kind,
            value=check.value,
            published=notice.published,
            organisation=notice.buyer_name or None,
            cpv=notice.cpv,
            awarded=_award_date(notice),
        )
    contract_ref = end_assumed = None
    if not linked and notice.winner_name:
        added = _add_contract(ctx, session, audit, tender, notice)
        if added is not None:
            contract_ref, end_assumed = added
    if notice.cpv:
        _remember(session, audit, ctx, notice.cpv[0], chosen)
        choices[cpv_digits(notice.cpv[0])] = chosen
    before = snapshot(row)
    row.status = "adopted"
    row.reason = None
    row.tender_id = tender.id
    row.version += 1
    audit.changed("tenderned_notice", row, before)
    return Adopted(notice.ocid, tender.ref, contract_ref, linked, end_assumed)


def adopted_text(ctx: Context, adopted: Adopted) -> str:
    """What adopting a notice did, in the user's language; an assumed end date is named,
    so the buyer knows to correct it when the contract runs otherwise."""
    if adopted.linked:
        return ctx.text("tn_adopted_linked", ocid=adopted.ocid, tender=adopted.tender_ref)
    contract = (
        ctx.text("tn_adopted_contract", contract=adopted.contract_ref)
        if adopted.contract_ref
        else ""
    )
    text = ctx.text("tn_adopted", ocid=adopted.ocid, tender=adopted.tender_ref, contract=contract)
    if adopted.end_assumed is not None:
        text += " " + ctx.text(
            "tn_end_assumed",
            contract=adopted.contract_ref,
            end=format_date(adopted.end_assumed, ctx.lang),
            years=str(FRAMEWORK_YEARS),
        )
    return text


def _award_date(notice: Notice) -> dt.date | None:
    """TenderNed's award date, unless it lies before the first publication (a notice of a
    procedure without prior publication may carry such a date; the register refuses it)."""
    award, published = notice.award_date, notice.published
    if award is None or published is None or award < published:
        return None
    return award


def _add_contract(
    ctx: Context, session: Session, audit: AuditWriter, tender: m.Tender, notice: Notice
) -> tuple[str, dt.date | None] | None:
    """The winner's contract and its end date when that was assumed; None when TenderNed
    gives no country for a winner without a KvK number (a Dutch KvK number means a Dutch
    company)."""
    country = ctx.countries.normalise(notice.winner_country) if notice.winner_country else None
    if country is None and notice.winner_kvk:
        country = "NL"
    if country is None:
        return None
    start = notice.contract_start or notice.award_date or notice.published
    assert start is not None
    end = notice.contract_end
    assumed = end is None or end < start
    if end is None or end < start:
        end = _years_later(start, FRAMEWORK_YEARS)
    ref = f"{tender.ref[:96]}-1"
    if session.scalar(select(m.Contract.id).where(m.Contract.ref == ref)) is not None:
        return None
    supplier = registry.ensure_supplier(
        session, audit, ctx, notice.winner_name, country, notice.winner_kvk or None
    )
    contract = m.Contract(
        ref=ref,
        tender_id=tender.id,
        supplier_id=supplier.id,
        start=start,
        end=end,
        value_cents=to_cents(notice.awarded_value) if notice.awarded_value is not None else None,
    )
    session.add(contract)
    audit.created("contract", contract)
    return ref, end if assumed else None


def _years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def dismiss(
    ctx: Context,
    ocids: Sequence[str],
    reason: str,
    *,
    expected_versions: Mapping[str, int] | None,
) -> int:
    """Mark the notices not relevant, with the reason; an adopted one cannot be."""
    reason = clean_text(reason, "--reason", limit=1000)
    if not ocids:
        raise ValidationError("required_field", field="OCID")
    with ctx.db.begin() as session:
        audit = AuditWriter(session, ctx.actor)
        count = 0
        for ocid in dict.fromkeys(o.strip() for o in ocids):
            row = _find(session, ocid)
            _check_notice_version(row, expected_versions)
            if row.status == "adopted":
                raise ValidationError("tn_dismiss_adopted", ocid=ocid)
            before = snapshot(row)
            row.status = "dismissed"
            row.reason = reason
            row.version += 1
            audit.changed("tenderned_notice", row, before)
            count += 1
        return count


def notice_counts(ctx: Context) -> dict[str, int]:
    """How many kept notices each status has."""
    from sqlalchemy import func

    with ctx.db.read() as session:
        rows = session.execute(
            select(m.TenderNedNotice.status, func.count()).group_by(m.TenderNedNotice.status)
        )
        found = {str(status): int(count) for status, count in rows}
    return {status: int(found.get(status, 0)) for status in STATUSES}
