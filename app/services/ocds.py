"""``ocds export``: the year's tenders, awards and contracts as an OCDS release package."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app import settings
from app.domain.ocds import ContractFact, TenderFact, release_package
from app.domain.values import from_cents
from app.persistence import models as m
from app.services.context import Context


def year_facts(ctx: Context, year: int) -> list[TenderFact]:
    """The tenders published in ``year``, each with its CPV codes, contracts, award date
    (the register's, else TenderNed's) and, when it came from TenderNed, TenderNed's OCID."""
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    with ctx.db.read() as session:
        tenders = list(
            session.scalars(
                select(m.Tender)
                .where(
                    m.Tender.published >= first,
                    m.Tender.published <= last,
                    m.Tender.withdrawn_at.is_(None),  # a withdrawn tender is not published
                )
                .order_by(m.Tender.published, m.Tender.ref)
            )
        )
        ids: list[int] = [t.id for t in tenders]
        names = {
            i: str(n) for i, n in session.execute(select(m.Organisation.id, m.Organisation.name))
        }
        cpv: dict[int, list[str]] = {}
        notices: dict[int, tuple[str | None, dt.date | None]] = {}
        contracts: dict[int, list[ContractFact]] = {}
        for chunk in [ids[i : i + 500] for i in range(0, len(ids), 500)]:
            for tender_id, code in session.execute(
                select(m.TenderCpv.tender_id, m.TenderCpv.code)
                .where(m.TenderCpv.tender_id.in_(chunk))
                .order_by(m.TenderCpv.tender_id, m.TenderCpv.position)
            ):
                cpv.setdefault(tender_id, []).append(code)
            for notice_tender, notice_ocid, notice_award in session.execute(
                select(
                    m.TenderNedNotice.tender_id,
                    m.TenderNedNotice.ocid,
                    m.TenderNedNotice.award_date,
                ).where(m.TenderNedNotice.tender_id.in_(chunk))
            ):
                if notice_tender is not None:
                    notices[int(notice_tender)] = (str(notice_ocid), notice_award)
            for contract, supplier in session.execute(
                select(m.Contract, m.Supplier)
                .join(m.Supplier, m.Supplier.id == m.Contract.supplier_id)
                .where(m.Contract.tender_id.in_(chunk), m.Contract.withdrawn_at.is_(None))
                .order_by(m.Contract.ref)
            ):
                contracts.setdefault(contract.tender_id, []).append(
                    ContractFact(
                        ref=contract.ref,
                        uid=contract.uid,
                        supplier_uid=supplier.uid,
                        supplier_name=supplier.name,
                        supplier_country=supplier.country,
                        supplier_kvk=supplier.kvk,
                        start=contract.start,
                        end=contract.end,
                        value=from_cents(contract.value_cents),
                    )
                )
        facts = []
        for tender in tenders:
            tenderned_ocid, award_date = notices.get(tender.id, (None, None))
            value = from_cents(tender.value_cents)
            assert value is not None
            facts.append(
                TenderFact(
                    ref=tender.ref,
                    uid=tender.uid,
                    version=tender.version,
                    title=tender.title,
                    organisation=names.get(tender.organisation_id or -1),
                    kind=tender.kind,
                    value=value,
                    published=tender.published,
                    cpv=tuple(cpv.get(tender.id, ())),
                    isv_applied=tender.isv_applied,
                    form=tender.form,
                    tenderned_ocid=tenderned_ocid,
                    award_date=tender.awarded or award_date,
                    contracts=tuple(contracts.get(tender.id, ())),
                )
            )
        return facts


def export_package(
    ctx: Context, year: int, at: dt.datetime | None = None, prefix: str | None = None
) -> dict[str, Any]:
    """The year's package (not yet checked or written)."""
    facts = year_facts(ctx, year)
    organisations = sorted({f.organisation for f in facts if f.organisation})
    publisher = organisations[0] if len(organisations) == 1 else "ISV-assistent"
    return release_package(
        facts,
        year=year,
        prefix=prefix if prefix is not None else settings.ocid_prefix(),
        publisher=publisher,
        at=at or dt.datetime.now(dt.UTC),
        lang=ctx.lang,
    )


def save_package(ctx: Context, year: int, path: Path) -> tuple[Path, int]:
    """Check the year's package against the schema and write it; returns the path and
    the number of releases."""
    from app.io.ocds_export import write_package

    package = export_package(ctx, year)
    return write_package(package, path), len(package["releases"])
