"""Tamper evidence: every change made behind the application's back makes ``verify``
exit 1 and name what and where; ``verify --json`` gives each problem's kind and place.

One test per kind of tampering, on SQLite and (in the PostgreSQL pass) on PostgreSQL.
The tampering is done the way a curious hand would: straight SQL on the database, or
bytes in the attachment folder.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, text

from app.domain.values import IsvDecision
from app.persistence.audit import entry_hash
from app.persistence.engine import database_url
from app.services import registry, submissions
from app.services.context import Context
from app.services.evidence import add_evidence

from .helpers import supplier_workbook

Cli = Callable[..., Any]


@pytest.fixture
def filled(ctx: Context, tmp_path: Path) -> Context:
    """A tender with its decision, a contract, a policy document and an imported
    supplier workbook (a submission with sites, risks and measures and its file)."""
    registry.register_tender(
        ctx,
        ref="T-1",
        title="Bedrijfskleding",
        category="bedrijfskleding",
        kind="supplies",
        value=500_000,
        published=dt.date(2025, 9, 1),
        organisation="Ministerie van Defensie",
        decision=IsvDecision(True, form="contract-condition"),
    )
    registry.add_contract(
        ctx,
        ref="C-1",
        tender_ref="T-1",
        supplier="Textiel B.V.",
        supplier_country="NL",
        start=dt.date(2026, 1, 1),
        end=dt.date(2029, 12, 31),
        kvk="12345678",
    )
    document = tmp_path / "beleid.pdf"
    document.write_bytes(b"%PDF-1.4 ISV-beleid van Textiel B.V.")
    add_evidence(ctx, contract_ref="C-1", path=document, type_code="policy")
    workbook = supplier_workbook(tmp_path / "werkmap.xlsx", "C-1", sites=3, risks=4, measures=4)
    result = submissions.import_workbook(ctx, workbook, "C-1", allow_warnings=True)
    assert result.status == "imported", result.check.problems
    return ctx


@pytest.fixture
def sql(db_location: str) -> Iterator[Callable[..., Any]]:
    """Run one statement on the database directly, committed; returns its rows, if any."""
    engine: Engine = create_engine(database_url(db_location))

    def run(statement: str, **params: Any) -> list[Any]:
        with engine.begin() as connection:
            result = connection.execute(text(statement), params)
            return list(result) if result.returns_rows else []

    yield run
    engine.dispose()


def problems(cli: Cli) -> list[tuple[str, str, str]]:
    """``verify --json``: exit 1 and each problem as (kind, code, location); the plain
    form says the same on standard error, one line per problem naming its place."""
    run = cli("verify", "--json")
    assert run.status == 1, run.out
    document = json.loads(run.out)
    assert document["ok"] is False
    found = [(p["kind"], p["code"], p["location"]) for p in document["problems"]]
    assert all(p["message"] for p in document["problems"])
    plain = cli("verify")
    assert plain.status == 1 and "Traceback" not in plain.err
    for _kind, _code, location in found:
        assert location in plain.err
    return found


def test_untouched_database_verifies(filled: Context, cli: Cli) -> None:
    run = cli("verify", "--json")
    assert run.status == 0, run.out
    document = json.loads(run.out)
    assert document["ok"] is True and document["problems"] == []
    assert document["audit_entries"] == 7 and document["attachments"] == 2


def _entry(sql: Callable[..., Any], entity: str, action: str = "create") -> Any:
    return sql(
        "SELECT seq, entity_id FROM audit_entry WHERE entity = :e AND action = :a "
        "ORDER BY seq LIMIT 1",
        e=entity,
        a=action,
    )[0]


def test_changed_audit_entry(filled: Context, cli: Cli, sql: Callable[..., Any]) -> None:
    seq = _entry(sql, "contract").seq
    sql("UPDATE audit_entry SET actor = 'iemand anders' WHERE seq = :s", s=seq)
    assert problems(cli)[0] == ("audit", "verify_audit_hash", f"audit_entry seq {seq}")


def test_changed_after_image_in_audit_entry(
    filled: Context, cli: Cli, sql: Callable[..., Any]
) -> None:
    """Hiding a change by rewriting the record's after-image breaks the entry's hash."""
    seq = _entry(sql, "tender").seq
    after = sql("SELECT after_json FROM audit_entry WHERE seq = :s", s=seq)[0][0]
    sql(
        "UPDATE audit_entry SET after_json = :a WHERE seq = :s",
        a=after.replace("500000", "5000"),
        s=seq,
    )
    assert ("audit", "verify_audit_hash", f"audit_entry seq {seq}") in problems(cli)


def test_rehashed_audit_entry_breaks_the_chain(
    filled: Context, cli: Cli, sql: Callable[..., Any]
) -> None:
    """Someone who also recomputes the changed entry's own hash is caught by the next
    entry, which names the old hash as its predecessor."""
    seq = _entry(sql, "contract").seq
    row = sql(
        "SELECT seq, at, actor, entity, entity_id, action, before_json, after_json, "
        "prev_hash FROM audit_entry WHERE seq = :s",
        s=seq,
    )[0]
    at = row.at if isinstance(row.at, dt.datetime) else dt.datetime.fromisoformat(row.at)
    forged = entry_hash(
        row.seq,
        at.isoformat(timespec="microseconds"),
        "iemand anders",
        row.entity,
        row.entity_id,
        row.action,
        row.before_json,
        row.after_json,
        row.prev_hash,
    )
    sql("UPDATE audit_entry SET actor = 'iemand anders', hash = :h WHERE seq = :s", h=forged, s=seq)
    assert problems(cli)[0] == ("audit", "verify_audit_chain", f"audit_entry seq {seq + 1}")


def test_deleted_audit_entry(filled: Context, cli: Cli, sql: Callable[..., Any]) -> None:
    seq = _entry(sql, "supplier").seq
    sql("DELETE FROM audit_entry WHERE seq = :s", s=seq)
    assert problems(cli)[0] == ("audit", "verify_audit_gap", f"audit_entry seq {seq}")


def test_deleted_newest_audit_entry(filled: Context, cli: Cli, sql: Callable[..., Any]) -> None:
    last = sql("SELECT MAX(seq) FROM audit_entry")[0][0]
    sql("DELETE FROM audit_entry WHERE seq = :s", s=last)
    found = problems(cli)
    assert ("audit", "verify_audit_head", "audit_head") in found


def test_reordered_audit_entries(filled: Context, cli: Cli, sql: Callable[..., Any]) -> None:
    """Swapping two entries' sequence numbers (the order of events) is found at the first
    of the two places."""
    first, second = 2, 5
    sql("UPDATE audit_entry SET seq = -1 WHERE seq = :a", a=first)
    sql("UPDATE audit_entry SET seq = :a WHERE seq = :b", a=first, b=second)
    sql("UPDATE audit_entry SET seq = :b WHERE seq = -1", b=second)
    assert problems(cli)[0] == ("audit", "verify_audit_hash", f"audit_entry seq {first}")


def test_changed_evidence_record(filled: Context, cli: Cli, sql: Callable[..., Any]) -> None:
    evidence_id = _entry(sql, "evidence").entity_id
    sql("UPDATE evidence SET valid_until = '2099-12-31' WHERE id = :i", i=int(evidence_id))
    assert problems(cli) == [("record", "verify_record_changed", f"evidence id {evidence_id}")]


def test_evidence_pointed_at_another_file(
    filled: Context, cli: Cli, sql: Callable[..., Any]
) -> None:
    evidence_id = _entry(sql, "evidence").entity_id
    other = hashlib.sha256(b"iets anders").hexdigest()
    sql("UPDATE evidence SET sha256 = :h WHERE id = :i", h=other, i=int(evidence_id))
    found = problems(cli)
    assert ("record", "verify_record_changed", f"evidence id {evidence_id}") in found
    assert any(kind == "attachment" and other in location for kind, _c, location in found)


def test_deleted_evidence_record(filled: Context, cli: Cli, sql: Callable[..., Any]) -> None:
    evidence_id = _entry(sql, "evidence").entity_id
    sql("DELETE FROM evidence WHERE id = :i", i=int(evidence_id))
    assert problems(cli) == [("record", "verify_record_missing", f"evidence id {evidence_id}")]


def test_evidence_record_added_behind_the_back(
    filled: Context, cli: Cli, sql: Callable[..., Any]
) -> None:
    row = sql("SELECT contract_id, sha256, size FROM evidence ORDER BY id LIMIT 1")[0]
    sql(
        "INSERT INTO evidence (uid, contract_id, type, sha256, file_name, size, received_on, "
        "added_at, added_by) VALUES ('00000000-0000-0000-0000-000000000001', :c, 'audit-report',"
        " :h, 'vals.pdf', :s, '2026-03-01', '2026-03-01 10:00:00', 'niemand')",
        c=row.contract_id,
        h=row.sha256,
        s=row.size,
    )
    new_id = sql("SELECT MAX(id) FROM evidence")[0][0]
    assert problems(cli) == [("record", "verify_record_unaudited", f"evidence id {new_id}")]


def _attachment(filled: Context) -> Path:
    files = sorted(filled.store.all_files())
    assert len(files) == 2
    return files[0]


def test_changed_attachment_byte(filled: Context, cli: Cli) -> None:
    path = _attachment(filled)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x20  # one bit of one byte
    path.write_bytes(bytes(data))
    assert problems(cli) == [("attachment", "verify_file_changed", str(path))]


def test_truncated_attachment(filled: Context, cli: Cli) -> None:
    path = _attachment(filled)
    path.write_bytes(path.read_bytes()[:-1])
    assert problems(cli) == [("attachment", "verify_file_changed", str(path))]


def test_deleted_attachment(filled: Context, cli: Cli) -> None:
    path = _attachment(filled)
    path.unlink()
    assert problems(cli) == [("attachment", "verify_file_missing", str(path))]


def test_changed_submission_row(filled: Context, cli: Cli, sql: Callable[..., Any]) -> None:
    submission_id = sql("SELECT id FROM submission")[0][0]
    sql("UPDATE risk SET severity = 1 WHERE risk_key = 'R4'")
    assert problems(cli) == [
        ("submission", "verify_submission_changed", f"submission id {submission_id}")
    ]


def test_deleted_submission_row(filled: Context, cli: Cli, sql: Callable[..., Any]) -> None:
    submission_id = sql("SELECT id FROM submission")[0][0]
    sql("DELETE FROM measure WHERE measure_key = 'M2'")
    assert problems(cli) == [
        ("submission", "verify_submission_changed", f"submission id {submission_id}")
    ]


def test_changed_record_of_each_audited_kind(
    filled: Context, cli: Cli, sql: Callable[..., Any]
) -> None:
    """A tender and a contract changed behind the back are each named by id."""
    sql("UPDATE tender SET value_cents = 100 WHERE ref = 'T-1'")
    sql("UPDATE contract SET penalty_cents = 1 WHERE ref = 'C-1'")
    tender_id = sql("SELECT id FROM tender")[0][0]
    contract_id = sql("SELECT id FROM contract")[0][0]
    assert sorted(problems(cli)) == [
        ("record", "verify_record_changed", f"contract id {contract_id}"),
        ("record", "verify_record_changed", f"tender id {tender_id}"),
    ]
