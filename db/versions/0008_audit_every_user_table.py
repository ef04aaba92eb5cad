"""audit trail: every row of the country-risk table, CPV choices and codes, TenderNed notices

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 23:05:00

No schema change. From this revision on, every row of ``country_risk``, ``cpv_choice``
and ``tenderned_notice`` is audited like the other records (its newest audit entry holds
its current values), and a tender's CPV codes (``tender_cpv``) as one list per tender.
Rows written before were not (or, for the country-risk table, only as a digest of the
whole table in each import's entry), so this revision writes one ``create`` entry for
each row, and each tender's codes, that has no entry yet: the row as the upgrade finds
it, with the reason saying so. Existing rows and entries are left as they are; the
chain only grows.

The country-risk rows are taken in only when the table is still what its newest import
left (the digest that import recorded; an import from before the digest was recorded is
trusted). A table changed behind the application's back, or rows without any import,
are left without entries: ``verify`` then names each such row as unaudited, until an
import of its source and year replaces it.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

from app.persistence.audit import AuditWriter, values_digest, values_snapshot

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

ACTOR = "isv-assistent (upgrade 0008)"
REASON = "audited from schema revision 0008 on: the row as the upgrade found it"

# The tables as this revision knows them (a later revision may add columns; this one
# must keep reading only these).
COUNTRY_RISK = sa.table(
    "country_risk",
    sa.column("id", sa.Integer),
    sa.column("country", sa.String),
    sa.column("score", sa.Float),
    sa.column("flag", sa.Boolean),
    sa.column("source", sa.String),
    sa.column("year", sa.Integer),
    sa.column("imported_at", sa.DateTime),
)
CPV_CHOICE = sa.table(
    "cpv_choice",
    sa.column("id", sa.Integer),
    sa.column("code", sa.String),
    sa.column("category_code", sa.String),
    sa.column("chosen_by", sa.String),
    sa.column("chosen_at", sa.DateTime),
)
TENDERNED_NOTICE = sa.table(
    "tenderned_notice",
    sa.column("id", sa.Integer),
    sa.column("uid", sa.String),
    sa.column("version", sa.Integer),
    sa.column("ocid", sa.String),
    sa.column("publication_ids", sa.Text),
    sa.column("reference", sa.String),
    sa.column("title", sa.String),
    sa.column("buyer_name", sa.String),
    sa.column("buyer_id", sa.String),
    sa.column("cpv", sa.Text),
    sa.column("kind", sa.String),
    sa.column("estimated_cents", sa.BigInteger),
    sa.column("awarded_cents", sa.BigInteger),
    sa.column("published", sa.Date),
    sa.column("award_date", sa.Date),
    sa.column("winner_name", sa.String),
    sa.column("winner_kvk", sa.String),
    sa.column("winner_country", sa.String),
    sa.column("contract_start", sa.Date),
    sa.column("contract_end", sa.Date),
    sa.column("url", sa.String),
    sa.column("fingerprint", sa.String),
    sa.column("status", sa.String),
    sa.column("reason", sa.Text),
    sa.column("tender_id", sa.Integer),
    sa.column("first_seen_at", sa.DateTime),
    sa.column("updated_at", sa.DateTime),
)
TENDER_CPV = sa.table(
    "tender_cpv",
    sa.column("tender_id", sa.Integer),
    sa.column("position", sa.Integer),
    sa.column("code", sa.String),
)
AUDIT_ENTRY = sa.table(
    "audit_entry",
    sa.column("seq", sa.BigInteger),
    sa.column("at", sa.DateTime),
    sa.column("actor", sa.String),
    sa.column("entity", sa.String),
    sa.column("entity_id", sa.String),
    sa.column("action", sa.String),
    sa.column("before_json", sa.Text),
    sa.column("after_json", sa.Text),
    sa.column("prev_hash", sa.String),
    sa.column("hash", sa.String),
    sa.column("reason", sa.Text),
)
AUDIT_HEAD = sa.table(
    "audit_head", sa.column("id", sa.Integer), sa.column("seq", sa.BigInteger)
)


def _audited(connection: sa.Connection, entity: str) -> set[str]:
    """The ids that already have an entry of ``entity``."""
    query = sa.select(AUDIT_ENTRY.c.entity_id).where(AUDIT_ENTRY.c.entity == entity).distinct()
    return {str(found) for found in connection.scalars(query)}


def _country_risk_as_imported(connection: sa.Connection) -> bool:
    """Whether the country-risk table is what its newest import left (by the digest of
    the whole table that import recorded, in the form it was recorded in)."""
    newest = connection.scalar(
        sa.select(AUDIT_ENTRY.c.after_json)
        .where(AUDIT_ENTRY.c.entity == "country_risk_import")
        .order_by(AUDIT_ENTRY.c.seq.desc())
        .limit(1)
    )
    if newest is None:
        return False  # rows without any import were put there by hand
    recorded = json.loads(newest).get("table_sha256")
    if recorded is None:
        return True  # an import from before the digest was recorded
    return bool(recorded == table_digest(connection))


def table_digest(connection: sa.Connection) -> str:
    """The digest of the whole country-risk table as imports recorded it before this
    revision (its values, in a fixed order)."""
    t = COUNTRY_RISK
    rows = connection.execute(sa.select(t.c.country, t.c.score, t.c.flag, t.c.source, t.c.year))
    values = sorted(
        ([c, None if s is None else float(s), f, src, y] for c, s, f, src, y in rows),
        key=lambda r: (r[3], r[4], r[0], repr(r[1]), repr(r[2])),
    )
    return values_digest(values)


def _rows(connection: sa.Connection, table: Any, entity: str) -> list[tuple[int, dict[str, Any]]]:
    """The rows of ``table`` without an entry yet, by id, as their after-images."""
    known = _audited(connection, entity)
    found = connection.execute(sa.select(table).order_by(table.c.id)).mappings()
    return [(row["id"], values_snapshot(row)) for row in found if str(row["id"]) not in known]


def _cpv_lists(connection: sa.Connection) -> list[tuple[int, dict[str, Any]]]:
    known = _audited(connection, "tender_cpv")
    lists: dict[int, list[str]] = {}
    t = TENDER_CPV
    for tender_id, code in connection.execute(
        sa.select(t.c.tender_id, t.c.code).order_by(t.c.tender_id, t.c.position)
    ):
        lists.setdefault(int(tender_id), []).append(str(code))
    return [(tid, {"cpv": codes}) for tid, codes in lists.items() if str(tid) not in known]


def upgrade() -> None:
    connection = op.get_bind()
    pending: list[tuple[str, int, dict[str, Any]]] = []
    if _country_risk_as_imported(connection):
        pending += [("country_risk", i, v) for i, v in _rows(connection, COUNTRY_RISK, "country_risk")]
    pending += [("cpv_choice", i, v) for i, v in _rows(connection, CPV_CHOICE, "cpv_choice")]
    pending += [
        ("tenderned_notice", i, v)
        for i, v in _rows(connection, TENDERNED_NOTICE, "tenderned_notice")
    ]
    pending += [("tender_cpv", i, v) for i, v in _cpv_lists(connection)]
    if not pending:
        return
    if connection.scalar(sa.select(AUDIT_HEAD.c.id).where(AUDIT_HEAD.c.id == 1)) is None:
        connection.execute(sa.text("INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, :h)"), {"h": "0" * 64})
    session = Session(bind=connection)
    try:
        writer = AuditWriter(session, ACTOR)
        entries = [
            writer.build(entity, entity_id, "create", None, after, reason=REASON)
            for entity, entity_id, after in pending
        ]
        connection.execute(sa.insert(AUDIT_ENTRY), entries)
        writer.flush_head()
        session.flush()
    finally:
        session.close()


def downgrade() -> None:
    """The entries stay: the audit trail is append-only."""
