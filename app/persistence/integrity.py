"""``verify``: the database file, the audit chain, audited records, submissions, files.

Each problem names its kind and its place; the first break in the chain is named
exactly, and every changed record or attachment is listed.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import operator
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.exc import StatementError
from sqlalchemy.orm import Session

from app.domain.canonical import canonical_text
from app.persistence import models as m
from app.persistence.anchor import Anchor
from app.persistence.anchor import compare as compare_anchor
from app.persistence.anchor import load as load_anchor
from app.persistence.attachments import AttachmentStore
from app.persistence.audit import (
    AUDITED,
    AUDITED_LISTS,
    GENESIS,
    entry_hash,
    matches_after_image,
    row_snapshot,
    values_digest,
)
from app.persistence.engine import Database, is_sqlite

SITE_COLUMNS = (
    "site_key",
    "name",
    "country",
    "city",
    "tier",
    "product",
    "workers",
    "certifications",
    "last_audit",
    "osh_id",
)
RISK_COLUMNS = (
    "risk_key",
    "site_key",
    "theme",
    "description",
    "severity",
    "likelihood",
    "priority",
    "source",
    "country",
    "product",
)
MEASURE_COLUMNS = (
    "measure_key",
    "risk_key",
    "description",
    "owner",
    "start",
    "due",
    "status",
    "progress",
    "evidence_name",
)


@dataclass(frozen=True)
class Problem:
    kind: str  # integrity, audit, record, submission, attachment
    code: str  # message catalog code
    location: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class VerifyResult:
    problems: list[Problem] = field(default_factory=list)
    entries: int = 0
    files: int = 0
    records: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


Columns = Mapping[str, Sequence[Any]]
"""A table's rows column by column: each column name with the values of every row."""


DIGEST_ADDED_LATER = frozenset({"country", "product"})
"""Columns added to a submission's rows after digests were first stored (revision
0006): one that is empty in every row of a table is left out of that table's digest, so
a digest stored before it existed still matches; one that holds a value anywhere is
covered (emptying it afterwards changes the digest as well)."""


def _as_columns(rows: Columns | Sequence[Mapping[str, Any]], names: Sequence[str]) -> Columns:
    if isinstance(rows, Mapping):
        if not any(len(values) for values in rows.values()):  # no rows: no columns needed
            return dict.fromkeys(names, ())
        return rows
    return {
        name: [row.get(name) if name in DIGEST_ADDED_LATER else row[name] for row in rows]
        for name in names
    }


def _dates_as_text(values: list[Any]) -> list[Any]:
    """A column of dates as the text the digest holds, made here once per column rather
    than through the JSON encoder's fallback, one Python call per value."""
    first = next((v for v in values if v is not None), None)
    if type(first) is not dt.date:
        return values
    return [v.isoformat() if type(v) is dt.date else v for v in values]


def table_digest(
    rows: Columns | Sequence[Mapping[str, Any]], key: str, names: Sequence[str]
) -> str:
    """The digest of one table's rows (given row by row or column by column), in the
    text order of ``key``: the same for an import's columns and for rows read back."""
    columns = _as_columns(rows, names)
    names = [
        name
        for name in names
        if name not in DIGEST_ADDED_LATER or any(v is not None for v in columns.get(name, ()))
    ]
    keys = [str(k) for k in columns[key]]
    order = sorted(range(len(keys)), key=keys.__getitem__)
    if len(order) > 1:
        pick = operator.itemgetter(*order)  # one C call per column puts it in key order
        picked = [_dates_as_text(list(pick(columns[name]))) for name in names]
    else:
        picked = [_dates_as_text(list(columns[name])) for name in names]
    return values_digest(zip(*picked, strict=True))


def _combine(parts: list[str]) -> str:
    return values_digest([[p] for p in parts])


def submission_digest(
    sites: Columns | Sequence[Mapping[str, Any]],
    risks: Columns | Sequence[Mapping[str, Any]],
    measures: Columns | Sequence[Mapping[str, Any]],
) -> str:
    """The content hash of a submission's rows, in key order (import and verify share it)."""
    return _combine(
        [
            table_digest(sites, "site_key", SITE_COLUMNS),
            table_digest(risks, "risk_key", RISK_COLUMNS),
            table_digest(measures, "measure_key", MEASURE_COLUMNS),
        ]
    )


def _digests_by_submission(
    session: Session, model: type[m.Base], key: str, columns: tuple[str, ...]
) -> dict[int, str]:
    """Per submission, the digest of its rows of one table, in one streamed query."""
    table = model.__table__
    query = (
        select(table.c.submission_id, *(table.c[c] for c in columns))
        .order_by(table.c.submission_id)
        .execution_options(yield_per=5000)
    )
    result: dict[int, str] = {}
    rows = session.execute(query).mappings()
    for submission_id, group in itertools.groupby(rows, key=lambda r: r["submission_id"]):
        result[submission_id] = table_digest([dict(r) for r in group], key, columns)
    return result


def _check_file(session: Session, db: Database, result: VerifyResult) -> None:
    """The database file itself (SQLite's own integrity check)."""
    if is_sqlite(db.engine):
        rows = [r[0] for r in session.execute(text("PRAGMA integrity_check"))]
        if rows != ["ok"]:
            for detail in rows[:20]:
                result.problems.append(
                    Problem("integrity", "verify_integrity", "database", {"detail": detail})
                )


def _check_chain(session: Session, result: VerifyResult) -> dict[tuple[str, str], str | None]:
    """The audit trail: every entry's hash recomputed, the chain unbroken, the head in
    step. Returns each audited record's last state (``None`` once deleted)."""
    latest: dict[tuple[str, str], str | None] = {}
    expected_seq = 1
    prev = GENESIS
    chain_broken = False
    query = select(m.AuditEntry).order_by(m.AuditEntry.seq).execution_options(yield_per=2000)
    for entry in session.scalars(query):
        result.entries += 1
        if not chain_broken:
            at = entry.at.isoformat(timespec="microseconds")
            recomputed = entry_hash(
                entry.seq,
                at,
                entry.actor,
                entry.entity,
                entry.entity_id,
                entry.action,
                entry.before_json,
                entry.after_json,
                entry.prev_hash,
                entry.reason,
            )
            if entry.seq != expected_seq:
                code = "verify_audit_gap" if entry.seq > expected_seq else "verify_audit_chain"
                result.problems.append(
                    Problem("audit", code, f"audit_entry seq {expected_seq}", {"seq": expected_seq})
                )
                chain_broken = True
            elif recomputed != entry.hash:
                result.problems.append(
                    Problem(
                        "audit",
                        "verify_audit_hash",
                        f"audit_entry seq {entry.seq}",
                        {"seq": entry.seq},
                    )
                )
                chain_broken = True
            elif entry.prev_hash != prev:
                result.problems.append(
                    Problem(
                        "audit",
                        "verify_audit_chain",
                        f"audit_entry seq {entry.seq}",
                        {"seq": entry.seq},
                    )
                )
                chain_broken = True
        prev = entry.hash
        expected_seq = entry.seq + 1
        latest[(entry.entity, entry.entity_id)] = (
            None if entry.action == "delete" else entry.after_json
        )
    head = session.get(m.AuditHead, 1)
    if (
        head is not None
        and not chain_broken
        and (head.seq != result.entries or (result.entries and head.hash != prev))
    ):
        result.problems.append(
            Problem(
                "audit",
                "verify_audit_head",
                "audit_head",
                {"found": result.entries, "expected": head.seq},
            )
        )
    return latest


def _check_records(
    session: Session, latest: dict[tuple[str, str], str | None], result: VerifyResult
) -> None:
    """Every audited record equals its last state in the trail, and none is missing."""
    for entity, model in AUDITED.items():
        table = model.__table__
        seen: set[str] = set()
        for row in session.execute(select(table)).mappings():
            result.records += 1
            key = str(row["id"])
            seen.add(key)
            after = latest.get((entity, key), "<none>")
            location = f"{entity} id {key}"
            if after == "<none>" or after is None:
                result.problems.append(
                    Problem(
                        "record",
                        "verify_record_unaudited",
                        location,
                        {"entity": entity, "id": key},
                    )
                )
                continue
            assert isinstance(after, str)
            current = json.loads(canonical_text(row_snapshot(model, dict(row))))
            if not matches_after_image(json.loads(after), current):
                result.problems.append(
                    Problem(
                        "record",
                        "verify_record_changed",
                        location,
                        {"entity": entity, "id": key},
                    )
                )
        for (ent, key), after in latest.items():
            if ent == entity and after is not None and key not in seen:
                result.problems.append(
                    Problem(
                        "record",
                        "verify_record_missing",
                        f"{entity} id {key}",
                        {"entity": entity, "id": key},
                    )
                )


def _check_submissions(session: Session, result: VerifyResult) -> None:
    """Every imported workbook's rows still give the digest stored with it."""
    empty = values_digest([])
    sites = _digests_by_submission(session, m.Site, "site_key", SITE_COLUMNS)
    risks = _digests_by_submission(session, m.Risk, "risk_key", RISK_COLUMNS)
    measures = _digests_by_submission(session, m.Measure, "measure_key", MEASURE_COLUMNS)
    for sub in session.execute(
        select(m.Submission.id, m.Submission.contract_id, m.Submission.content_sha256)
    ):
        digest = _combine(
            [sites.get(sub.id, empty), risks.get(sub.id, empty), measures.get(sub.id, empty)]
        )
        if digest != sub.content_sha256:
            result.problems.append(
                Problem(
                    "submission",
                    "verify_submission_changed",
                    f"submission id {sub.id}",
                    {"id": sub.id, "contract": sub.contract_id},
                )
            )


def _check_attachments(session: Session, db: Database, result: VerifyResult) -> None:
    """Every attachment is there and still has its digest."""
    store = AttachmentStore(db.attachments_dir)
    files = session.execute(
        select(m.Evidence.sha256, m.Evidence.file_name).group_by(
            m.Evidence.sha256, m.Evidence.file_name
        )
    ).all()
    checked: set[str] = set()
    for sha, name in files:
        if sha in checked:
            continue
        checked.add(sha)
        state = store.check(sha)
        result.files += 1
        if state is not None:
            result.problems.append(
                Problem(
                    "attachment",
                    f"verify_file_{state}",
                    str(db.attachments_dir / str(sha)[:2] / str(sha)),
                    {"sha256": sha, "name": name},
                )
            )


MALFORMED = (ValueError, TypeError, AttributeError, KeyError, LookupError, StatementError)


def _malformed(section: str, exc: Exception) -> Problem:
    return Problem("integrity", "verify_malformed", section, {"detail": type(exc).__name__})


def verify(
    db: Database,
    progress: Callable[[int, int], None] | None = None,
    against: Anchor | None = None,
) -> VerifyResult:
    """Check the database file, the audit trail (and that it still reaches the head last
    anchored outside the database, and the head ``against`` a backup or export
    recorded), every audited record against it (the country-risk table row by row, and
    a tender's CPV codes as one list), every imported
    workbook against its digest, and every attachment (``progress`` after each part). A
    value of the wrong shape is a finding, never a crash."""
    result = VerifyResult()
    known = load_anchor(db.installation_id(), db.place)
    with db.read() as session:
        _check_file(session, db, result)
        latest: dict[tuple[str, str], str | None] = {}
        try:
            latest = _check_chain(session, result)
        except MALFORMED as exc:
            result.problems.append(_malformed("audit_entry", exc))
        for found in (known, against):  # the chain must still reach the heads seen before
            if found is not None:
                went = compare_anchor(session, found)
                if went is not None:
                    result.problems.append(
                        Problem("audit", went, f"audit_entry seq {found.seq}", {"seq": found.seq})
                    )
        parts: tuple[tuple[str, Callable[[], None]], ...] = (
            ("records", lambda: _check_records(session, latest, result)),
            ("lists", lambda: _check_lists(session, latest, result)),
            ("submission", lambda: _check_submissions(session, result)),
            ("attachments", lambda: _check_attachments(session, db, result)),
        )
        if progress:
            progress(1, len(parts) + 1)
        for done, (section, check) in enumerate(parts, start=2):
            try:
                check()
            except MALFORMED as exc:  # a value of the wrong shape: a finding, not a crash
                result.problems.append(_malformed(section, exc))
            if progress:
                progress(done, len(parts) + 1)
    return result


def _check_lists(
    session: Session, latest: dict[tuple[str, str], str | None], result: VerifyResult
) -> None:
    """Every table audited as one list per parent record (a tender's CPV codes) equals
    the list in its parent's newest entry, and no audited list has gone."""
    for entity, (model, parent, position, value) in AUDITED_LISTS.items():
        table = model.__table__
        current: dict[str, list[Any]] = {}
        query = select(table.c[parent], table.c[value]).order_by(table.c[parent], table.c[position])
        for owner, item in session.execute(query):
            current.setdefault(str(owner), []).append(item)
        recorded = {
            key: json.loads(after)
            for (ent, key), after in latest.items()
            if ent == entity and after is not None
        }
        for key in sorted(current.keys() | recorded.keys(), key=_id_order):
            values = current.get(key, [])
            after = recorded.get(key)
            result.records += 1 if values else 0
            if after is None and not values:
                continue
            location = f"{entity} {parent} {key}"
            params = {"entity": entity, "id": key}
            if after is None:
                code = "verify_record_unaudited"
            elif not isinstance(after, dict) or after.get("cpv") != values:
                code = "verify_record_missing" if not values else "verify_record_changed"
            else:
                continue
            result.problems.append(Problem("record", code, location, params))


def _id_order(key: str) -> tuple[int, str]:
    return (int(key), key) if key.isdigit() else (-1, key)


def referenced_files(db: Database) -> set[str]:
    """The digests of every stored file a record points to (evidence, submitted
    workbooks, generated documents)."""
    with db.read() as session:
        found: set[str] = set()
        for column in (m.Evidence.sha256, m.Submission.file_sha256, m.GeneratedDocument.sha256):
            found.update(str(sha) for sha in session.scalars(select(column).distinct()))
    return found


def orphan_files(db: Database) -> list[Path]:
    """Files in the attachment store that no record points to (a killed write's)."""
    return AttachmentStore(db.attachments_dir).orphans(referenced_files(db))
