"""Where to look first: the suggested follow-up intensity of a contract beside the user's
own choice, and the organisation's country-risk table it draws on (imported from a
file, replaced per source and year). The points are counted in
:mod:`app.domain.intensity`; the table is parsed by :mod:`app.io.country_risk`.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.domain.errors import ValidationError
from app.domain.intensity import (
    INTENSITIES,
    CountryRiskEntry,
    CountryRiskImport,
    FollowUpRecord,
    IntensityInputs,
    IntensityRules,
    risky_by_table,
    suggest_intensity,
)
from app.domain.values import clean_text
from app.persistence import models as m
from app.persistence.audit import AuditWriter, row_snapshot, snapshot, snapshots
from app.services.context import Context
from app.services.registry import bump_version, check_version, find_contract

DOCUMENT_TYPES = ("policy", "risk-analysis", "plan-of-action", "yearly-report")
OPEN_STATUSES = ("planned", "in_progress", "delayed")


# =======================================================================================
# Where to look first
# =======================================================================================


def _intensity_inputs(ctx: Context, session: Session, contract: m.Contract) -> IntensityInputs:
    tender = session.get_one(m.Tender, contract.tender_id)
    category = ctx.reference.find_category(
        tender.category_code, tender.published, tender.category_set
    )
    newest = session.scalar(
        select(m.Submission.id)
        .where(m.Submission.contract_id == contract.id)
        .order_by(m.Submission.version_no.desc())
        .limit(1)
    )
    priorities: set[str] = set()
    site_countries: set[str] = set()
    if newest is not None:
        priorities = set(
            session.scalars(
                select(m.Risk.priority).distinct().where(m.Risk.submission_id == newest)
            )
        )
        site_countries = set(
            session.scalars(select(m.Site.country).distinct().where(m.Site.submission_id == newest))
        )
    highest = next((p for p in ("high", "medium", "low") if p in priorities), None)
    table = session.execute(
        select(
            m.CountryRisk.country,
            m.CountryRisk.score,
            m.CountryRisk.flag,
            m.CountryRisk.source,
            m.CountryRisk.year,
        )
    ).all()
    risky = risky_by_table(table)
    open_signals = (
        session.scalar(
            select(func.count(m.Signal.id)).where(
                m.Signal.contract_id == contract.id,
                m.Signal.status != "closed",
                m.Signal.withdrawn_at.is_(None),
            )
        )
        or 0
    )
    return IntensityInputs(
        value_cents=contract.value_cents,
        category_code=tender.category_code,
        category_weight=category.risk_weight if category else None,
        highest_priority=highest,
        risky_countries={c: why for c, why in risky.items() if c in site_countries},
        open_signals=int(open_signals),
        countries_known=bool(table),
    )


def follow_up(
    ctx: Context, contract_ref: str, rules: IntensityRules | None = None
) -> FollowUpRecord:
    """The suggested follow-up intensity with its reasons, and the user's own choice."""
    with ctx.db.read() as session:
        contract = find_contract(session, contract_ref)
        inputs = _intensity_inputs(ctx, session, contract)
        return FollowUpRecord(
            contract.ref,
            suggest_intensity(inputs, rules or IntensityRules()),
            contract.follow_up_choice,
            contract.follow_up_note,
            contract.version,
        )


def choose_follow_up(
    ctx: Context,
    contract_ref: str,
    choice: str | None,
    note: str | None = None,
    *,
    expected_version: int | None,
) -> FollowUpRecord:
    """Record the user's own choice of follow-up (beside the suggestion), audited."""
    if choice is not None and choice not in INTENSITIES:
        raise ValidationError(
            "dossier_unknown_intensity", value=choice, allowed=", ".join(INTENSITIES)
        )
    note = clean_text(note, "note", required=False, limit=5000) or None
    with ctx.db.begin() as session:
        contract = find_contract(session, contract_ref)
        check_version(ctx, contract, expected_version, "contract", contract_ref)
        before = snapshot(contract)
        bump_version(ctx, session, m.Contract, contract, contract.version)
        contract.follow_up_choice = choice
        contract.follow_up_note = note
        AuditWriter(session, ctx.actor).changed("contract", contract, before)
    return follow_up(ctx, contract_ref)


# =======================================================================================
# The organisation's country-risk table
# =======================================================================================


def import_country_risk(ctx: Context, path: Path) -> CountryRiskImport:
    """Import a country-risk table; any problem refuses the whole file.

    The rows replace earlier rows of the same source and year (a re-import updates, it
    does not duplicate). Every row removed and every row added is an audit entry of its
    own (before and after), and the import one more, with the file's hash.
    """
    from app.io.country_risk import parse_rows, read_table

    cells = read_table(path)
    rows, problems = parse_rows(cells, ctx.countries)
    if problems:
        first = problems[0]
        raise ValidationError(
            "dossier_country_risk_refused",
            row=first.row,
            column=first.column,
            value=first.value,
            problem=ctx.text(first.code),
            count=len(problems),
            problems=[(p.row, p.column, p.value, p.code) for p in problems],
        )
    if not rows:
        raise ValidationError(
            "dossier_country_risk_refused",
            row=2,
            column="country",
            value="",
            problem=ctx.text("dossier_table_empty"),
            count=1,
            problems=[(2, "country", "", "dossier_table_empty")],
        )
    sources = tuple(sorted({(r.source, r.year) for r in rows}))
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    table = m.CountryRisk.__table__
    with ctx.db.begin() as session:
        audit = AuditWriter(session, ctx.actor)
        entries = []
        replaced = 0
        for source, year in sources:
            which = (table.c.source == source) & (table.c.year == year)
            for old in session.execute(select(table).where(which).order_by(table.c.id)):
                before = row_snapshot(m.CountryRisk, dict(old._mapping))
                entries.append(audit.build("country_risk", old.id, "delete", before, None))
                replaced += 1
            session.execute(delete(m.CountryRisk).where(which))
        now = m.utcnow()
        added = [
            m.CountryRisk(
                country=r.country,
                score=r.score,
                flag=r.flag,
                source=r.source,
                year=r.year,
                imported_at=now,
            )
            for r in rows
        ]
        session.add_all(added)
        session.flush()
        entries.extend(
            audit.build("country_risk", row.id, "create", None, after)
            for row, after in zip(added, snapshots(m.CountryRisk, added), strict=True)
        )
        entries.append(
            audit.build(
                "country_risk_import",
                digest[:16],
                "import",
                None,
                {
                    "file_name": path.name,
                    "sha256": digest,
                    "rows": len(rows),
                    "replaced": replaced,
                    "sources": [list(s) for s in sources],
                },
            )
        )
        audit.append_many(entries)
    return CountryRiskImport(path.name, len(rows), replaced, sources)


def list_country_risk(ctx: Context) -> list[CountryRiskEntry]:
    """The imported table, by source, year and country (for showing it beside reasons)."""
    with ctx.db.read() as session:
        rows = session.execute(
            select(
                m.CountryRisk.country,
                m.CountryRisk.score,
                m.CountryRisk.flag,
                m.CountryRisk.source,
                m.CountryRisk.year,
            ).order_by(m.CountryRisk.source, m.CountryRisk.year.desc(), m.CountryRisk.country)
        ).all()
        return [CountryRiskEntry(*row) for row in rows]


def reasons_text(ctx: Context, record: FollowUpRecord) -> list[str]:
    """The suggestion's reasons as sentences in the context's language."""
    return [
        ctx.text(r.code, **dict(r.params)) + f" (+{r.points})" for r in record.suggestion.reasons
    ]
