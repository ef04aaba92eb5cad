"""The history of a record, and of a tender or contract with everything under it.

Read from the audit trail: each entry says when, who, what (which fields went from what
to what) and why. Money is shown in euros, links to other records by their names.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from app.domain.errors import NotFoundError, UsageError
from app.domain.values import from_cents
from app.persistence import models as m
from app.services.context import Context
from app.services.records import ENTITY, KIND_OF_ENTITY, load_record

_HIDDEN = frozenset(
    {"id", "uid", "version", "created_at", "added_at", "contract_id", "withdrawn_at"}
)
"""Bookkeeping columns a history does not show."""

_LINKS: dict[str, tuple[str, Any, Any]] = {
    "organisation_id": ("organisation", m.Organisation.id, m.Organisation.name),
    "supplier_id": ("supplier", m.Supplier.id, m.Supplier.name),
    "tender_id": ("tender", m.Tender.id, m.Tender.ref),
}
"""Link columns shown as the linked record's name."""

UNDER_CONTRACT: tuple[tuple[str, Any], ...] = (
    ("evidence", m.Evidence),
    ("submission", m.Submission),
    ("assessment", m.Assessment),
    ("signal", m.Signal),
    ("escalation_step", m.EscalationStep),
    ("generated_document", m.GeneratedDocument),
)
"""The audited records that belong to a contract."""


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class HistoryEntry:
    seq: int
    at: dt.datetime
    user: str
    action: str  # create, update, withdraw
    record: str  # tender, contract, evidence, submission, assessment, signal, escalation, …
    ref: str  # the tender's or contract's reference, else the record's number
    changes: tuple[FieldChange, ...]
    reason: str | None

    def as_json(self) -> dict[str, Any]:
        """The entry as ``history --json`` gives it (spec/cli.md version 2)."""
        return {
            "seq": self.seq,
            "at": self.at.replace(tzinfo=dt.UTC).isoformat(timespec="seconds"),
            "user": self.user,
            "action": self.action,
            "record": self.record,
            "ref": self.ref,
            "changes": [{"field": c.field, "old": c.old, "new": c.new} for c in self.changes],
            "reason": self.reason,
        }


NAMING_FIELDS = {
    "evidence": ("type", "file_name"),
    "submission": ("file_name",),
    "signal": ("theme",),
    "escalation": ("step",),
    "assessment": ("subject", "contract_year"),
}
"""What names a numbered record beside its number: an evidence's type and file, a
signal's theme, an escalation's step… (the fields its creation recorded)."""


def naming_values(entries: Sequence[HistoryEntry]) -> dict[tuple[str, str], list[FieldChange]]:
    """Per numbered record (kind, number): the values it was created with that say which
    record it is, for the front ends to show in words beside the number."""
    names: dict[tuple[str, str], list[FieldChange]] = {}
    for entry in entries:
        fields = NAMING_FIELDS.get(entry.record)
        if entry.action != "create" or fields is None:
            continue
        values = {change.field: change for change in entry.changes}
        found = [values[name] for name in fields if values.get(name) and values[name].new]
        if found:
            names[entry.record, entry.ref] = found
    return names


def _contract_parts(session: Session, contract_ids: list[int]) -> dict[str, set[int]]:
    wanted: dict[str, set[int]] = {"contract": set(contract_ids)}
    for entity, model in UNDER_CONTRACT:
        wanted[entity] = set(
            session.scalars(select(model.id).where(model.contract_id.in_(contract_ids)))
        )
    return wanted


def _entries(session: Session, wanted: Mapping[str, Iterable[int]]) -> list[HistoryEntry]:
    """The audit entries of the ``wanted`` records (entity → ids), oldest first; a
    tender's CPV codes (entity ``tender_cpv``, keyed by the tender) show as the tender's."""
    e = m.AuditEntry
    clauses = [
        and_(e.entity == entity, e.entity_id.in_([str(i) for i in ids]))
        for entity, ids in wanted.items()
        if ids
    ]
    if not clauses:
        return []
    rows = session.scalars(select(e).where(or_(*clauses)).order_by(e.seq)).all()
    names = _link_names(session, rows)
    cpv_of = [int(row.entity_id) for row in rows if row.entity == "tender_cpv"]
    names["tender_cpv"] = (
        dict(
            session.execute(select(m.Tender.id, m.Tender.ref).where(m.Tender.id.in_(cpv_of))).all()
        )
        if cpv_of
        else {}
    )
    return [_entry(row, names) for row in rows]


def _link_names(session: Session, rows: Iterable[m.AuditEntry]) -> dict[str, dict[Any, str]]:
    ids: dict[str, set[Any]] = {key: set() for key in _LINKS}
    for row in rows:
        for image in (row.before_json, row.after_json):
            if image:
                data = json.loads(image)
                for key in _LINKS:
                    if data.get(key) is not None:
                        ids[key].add(data[key])
    names: dict[str, dict[Any, str]] = {}
    for key, (_label, id_column, name_column) in _LINKS.items():
        names[key] = (
            {
                i: str(n)
                for i, n in session.execute(
                    select(id_column, name_column).where(id_column.in_(ids[key]))
                )
            }
            if ids[key]
            else {}
        )
    return names


def _shown(key: str, value: Any, names: Mapping[str, Mapping[Any, str]]) -> tuple[str, Any]:
    if key in _LINKS:
        return _LINKS[key][0], names[key].get(value, value) if value is not None else None
    if key.endswith("_cents"):
        return key.removesuffix("_cents"), from_cents(value) if value is not None else None
    return key, value


def _entry(row: m.AuditEntry, names: Mapping[str, Mapping[Any, str]]) -> HistoryEntry:
    before = json.loads(row.before_json) if row.before_json else {}
    after = json.loads(row.after_json) if row.after_json else {}
    changes = []
    for key in sorted(set(before) | set(after)):
        if key in _HIDDEN:
            continue
        old, new = before.get(key), after.get(key)
        if old == new or (not before and new is None):
            continue
        field, shown_old = _shown(key, old, names)
        _field, shown_new = _shown(key, new, names)
        changes.append(FieldChange(field, shown_old, shown_new))
    ref = after.get("ref") or before.get("ref")
    if row.entity == "tender_cpv":  # the tender's CPV codes: a change of the tender
        ref = names["tender_cpv"].get(int(row.entity_id), row.entity_id)
        changes = [
            FieldChange(c.field, ", ".join(c.old or ()) or None, ", ".join(c.new or ()) or None)
            for c in changes
        ]
        return HistoryEntry(
            row.seq, row.at, row.actor, row.action, "tender", str(ref), tuple(changes), row.reason
        )
    return HistoryEntry(
        seq=row.seq,
        at=row.at,
        user=row.actor,
        action=row.action,
        record=KIND_OF_ENTITY.get(row.entity, row.entity),
        ref=str(ref) if ref and row.entity in ("tender", "contract") else row.entity_id,
        changes=tuple(changes),
        reason=row.reason,
    )


def history(ctx: Context, ref: str, scope: str | None = None) -> list[HistoryEntry]:
    """The audit entries of the tender or contract ``ref`` and everything under it,
    oldest first. ``scope`` (``tender`` or ``contract``) is needed when ``ref`` names
    both."""
    with ctx.db.read() as session:
        tender = session.scalar(select(m.Tender).where(m.Tender.ref == ref.strip()))
        contract = session.scalar(select(m.Contract).where(m.Contract.ref == ref.strip()))
        if scope == "tender":
            contract = None
        elif scope == "contract":
            tender = None
        if tender is not None and contract is not None:
            raise UsageError("history_ambiguous", ref=ref)
        if tender is not None:
            ids = list(
                session.scalars(select(m.Contract.id).where(m.Contract.tender_id == tender.id))
            )
            wanted = _contract_parts(session, ids)
            wanted["tender"] = {tender.id}
            wanted["tender_cpv"] = {tender.id}
            wanted["generated_document"] |= set(
                session.scalars(
                    select(m.GeneratedDocument.id).where(m.GeneratedDocument.tender_id == tender.id)
                )
            )
            return _entries(session, wanted)
        if contract is not None:
            return _entries(session, _contract_parts(session, [contract.id]))
        raise NotFoundError("history_not_found", ref=ref)


def record_history(ctx: Context, kind: str, ident: str | int) -> list[HistoryEntry]:
    """The audit entries of one record (a tender or contract alone, a document, a
    signal, …), oldest first."""
    with ctx.db.read() as session:
        record = load_record(session, kind, ident, ctx)
        wanted = {ENTITY[kind]: [record.id]}
        if kind == "tender":
            wanted["tender_cpv"] = [record.id]
        return _entries(session, wanted)
