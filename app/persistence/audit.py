"""The append-only audit trail, chained by SHA-256.

Each entry's hash covers its own fields and the previous entry's hash, in the canonical
JSON form of :mod:`app.domain.canonical`; :mod:`app.persistence.integrity` recomputes
the chain. Every audited record's current state must
equal the after-image of its newest entry, so a change made behind the application's
back (in the database file itself) is found too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import operator
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session

from app.domain.canonical import canonical_text, json_value
from app.persistence import models as m

GENESIS = "0" * 64

AUDITED: dict[str, type[m.Base]] = {
    "organisation": m.Organisation,
    "tender": m.Tender,
    "supplier": m.Supplier,
    "contract": m.Contract,
    "submission": m.Submission,
    "evidence": m.Evidence,
    "assessment": m.Assessment,
    "signal": m.Signal,
    "escalation_step": m.EscalationStep,
    "generated_document": m.GeneratedDocument,
    "country_risk": m.CountryRisk,
    "cpv_choice": m.CpvChoice,
    "tenderned_notice": m.TenderNedNotice,
}
"""Entities whose every row must match its newest audit entry (keyed by the row's id)."""

AUDITED_LISTS: dict[str, tuple[type[m.Base], str, str, str]] = {
    "tender_cpv": (m.TenderCpv, "tender_id", "position", "code"),
}
"""Tables audited as one list per parent record: the entity's entries are keyed by the
parent's id, their after-image ``{"cpv": [codes in position order]}`` (a tender's CPV
codes are replaced as a whole, main code first)."""

COVERED_BY_DIGEST = ("site", "risk", "measure")
"""The rows of an imported workbook: never edited, covered by the content digest of
their submission (an audited record), which ``verify`` recomputes."""

NOT_USER_TABLES: dict[str, str] = {
    "alembic_version": "Alembic's own note of the schema revision, written by upgrades only",
    "audit_entry": "the trail itself: each entry checked by the hash chain",
    "audit_head": "the chain's head: checked against the chain and the anchor",
    "meta": (
        "the installation's bookkeeping (its id, creation time, the language a contract's "
        "workbook was last written in): no record of the buyer's, nothing reported from it"
    ),
}
"""Tables that hold no user-editable record, with the reason; every other table of the
schema is audited (a test holds the schema against these lists)."""

ADDED_LATER: dict[str, Any] = {
    "withdrawn_at": None,
    "withdrawn_reason": None,
    "version": 1,
    "awarded": None,
    "not_applied_code": None,
    "text_source": None,
    "grievance_mechanism": None,
    "grievance_description": None,
    "stakeholders": None,
    "risk_months": None,
}
"""Columns added after records were first audited (revisions 0004 to 0007), with the
value the upgrade gave existing rows: an after-image written before the column existed
lacks the key, and matches a row that still holds that value."""


def matches_after_image(after: Mapping[str, Any], current: Mapping[str, Any]) -> bool:
    """Whether a record's current values (as JSON values) are its newest after-image."""
    if after.keys() == current.keys():
        return after == current
    rest = {
        key: value
        for key, value in current.items()
        if key in after or key not in ADDED_LATER or value != ADDED_LATER[key]
    }
    return dict(after) == rest


_AS_IS = frozenset({str, int, bool, type(None)})


def _plain(value: Any) -> Any:
    if type(value) in _AS_IS:  # most values: one set lookup
        return value
    if isinstance(value, dt.date | Decimal):
        return json_value(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def snapshot(record: m.Base) -> dict[str, Any]:
    """The record's column values as plain JSON values."""
    mapper = sa_inspect(type(record))
    return {c.key: _plain(getattr(record, c.key)) for c in mapper.column_attrs}


def snapshots(model: type[m.Base], records: Iterable[m.Base]) -> list[dict[str, Any]]:
    """:func:`snapshot` of many records of one model (an import's thousands), with the
    columns looked up once."""
    keys = [c.key for c in sa_inspect(model).column_attrs]
    values = operator.attrgetter(*keys)
    return [dict(zip(keys, map(_plain, values(record)), strict=True)) for record in records]


def row_snapshot(model: type[m.Base], row: Mapping[str, Any]) -> dict[str, Any]:
    """Like :func:`snapshot`, for a row read with Core (a mapping of column values)."""
    mapper = sa_inspect(model)
    return {c.key: _plain(row[c.key]) for c in mapper.column_attrs}


def values_snapshot(row: Mapping[str, Any]) -> dict[str, Any]:
    """Like :func:`row_snapshot`, for every value of ``row`` (a migration's own columns)."""
    return {key: _plain(value) for key, value in row.items()}


def entry_hash(
    seq: int,
    at: str,
    actor: str,
    entity: str,
    entity_id: str,
    action: str,
    before: str | None,
    after: str | None,
    prev_hash: str,
    reason: str | None = None,
) -> str:
    """The entry's hash. ``reason`` (why a record was corrected or withdrawn, revision
    0004) is covered only when there is one, so entries written before it keep their
    hash."""
    fields = {
        "seq": seq,
        "at": at,
        "actor": actor,
        "entity": entity,
        "entity_id": entity_id,
        "action": action,
        "before": before,
        "after": after,
        "prev": prev_hash,
    }
    if reason is not None:
        fields["reason"] = reason
    payload = canonical_text(fields)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


_DIGEST_CHUNK = 2_000


def values_digest(rows: Iterable[Sequence[Any]]) -> str:
    """A digest of rows of values (each row a list or tuple, its values in column order).

    One JSON document for all rows, so the C encoder does the work; float columns must
    hold floats (as the database returns them), never ints.
    """
    # Encoded a few thousand rows at a time: the same bytes as one JSON array, without
    # holding the interpreter for the whole table in one call (a window stays responsive
    # while an import runs on a worker thread), the whole text in memory, or (given an
    # iterator) every row at once.
    each = iter(rows)
    digest = hashlib.sha256(b"[")
    separator = b""
    while chunk := list(itertools.islice(each, _DIGEST_CHUNK)):
        text = json.dumps(chunk, ensure_ascii=False, separators=(",", ":"), default=json_value)
        digest.update(separator + text[1:-1].encode("utf-8"))
        separator = b","
    digest.update(b"]")
    return digest.hexdigest()


class AuditWriter:
    """Appends entries within the caller's transaction.

    The first append locks the head row (an UPDATE), so concurrent writers queue
    instead of forking the chain; later appends in the same transaction reuse it.
    """

    def __init__(self, session: Session, actor: str) -> None:
        self.session = session
        self.actor = actor
        self._seq: int | None = None
        self._hash = GENESIS

    def _claim(self) -> None:
        self.session.execute(
            update(m.AuditHead).where(m.AuditHead.id == 1).values(seq=m.AuditHead.seq)
        )
        head = self.session.execute(
            select(m.AuditHead.seq, m.AuditHead.hash).where(m.AuditHead.id == 1)
        ).one()
        self._seq, self._hash = int(head.seq), str(head.hash)

    def build(
        self,
        entity: str,
        entity_id: object,
        action: str,
        before: Mapping[str, Any] | None,
        after: Mapping[str, Any] | None,
        at: dt.datetime | None = None,
        reason: str | None = None,
    ) -> dict[str, Any]:
        """The next entry as a row dict (not yet written); advances the chain."""
        if self._seq is None:
            self._claim()
        assert self._seq is not None
        seq = self._seq + 1
        when = at or m.utcnow()
        at_text = _plain(when)
        before_json = canonical_text(before) if before is not None else None
        after_json = canonical_text(after) if after is not None else None
        digest = entry_hash(
            seq,
            at_text,
            self.actor,
            entity,
            str(entity_id),
            action,
            before_json,
            after_json,
            self._hash,
            reason,
        )
        row = {
            "seq": seq,
            "at": when,
            "actor": self.actor,
            "entity": entity,
            "entity_id": str(entity_id),
            "action": action,
            "before_json": before_json,
            "after_json": after_json,
            "prev_hash": self._hash,
            "hash": digest,
            "reason": reason,
        }
        self._seq, self._hash = seq, digest
        return row

    def append(
        self,
        entity: str,
        entity_id: object,
        action: str,
        before: Mapping[str, Any] | None,
        after: Mapping[str, Any] | None,
        reason: str | None = None,
    ) -> None:
        row = self.build(entity, entity_id, action, before, after, reason=reason)
        self.session.add(m.AuditEntry(**row))
        self.flush_head()

    def append_many(self, rows: list[dict[str, Any]]) -> None:
        """Write entries made with :meth:`build` in one bulk insert."""
        if rows:
            self.session.execute(insert(m.AuditEntry), rows)
        self.flush_head()

    @property
    def last_seq(self) -> int | None:
        """The sequence number of the newest entry this writer made (or read)."""
        return self._seq

    def flush_head(self) -> None:
        if self._seq is not None:
            self.session.execute(
                update(m.AuditHead)
                .where(m.AuditHead.id == 1)
                .values(seq=self._seq, hash=self._hash)
            )

    # -- conveniences for services -----------------------------------------------------
    def created(self, entity: str, record: m.Base, reason: str | None = None) -> None:
        self.session.flush()
        self.append(entity, record.id, "create", None, snapshot(record), reason)  # type: ignore[attr-defined]

    def changed(
        self,
        entity: str,
        record: m.Base,
        before: Mapping[str, Any],
        reason: str | None = None,
        action: str = "update",
    ) -> None:
        self.session.flush()
        self.append(entity, record.id, action, before, snapshot(record), reason)  # type: ignore[attr-defined]
