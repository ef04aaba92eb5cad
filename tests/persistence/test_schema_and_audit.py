"""Migrations give exactly the models' schema; the audit chain and verify catch tampering."""

from __future__ import annotations

import datetime as dt
import itertools
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select, text, update

from app.domain.values import IsvDecision
from app.persistence import models as m
from app.persistence.engine import (
    current_revision,
    head_revision,
    newest_revision,
    open_database,
)
from app.persistence.integrity import verify
from app.services import registry
from app.services.context import Context
from app.services.evidence import add_evidence


def _fill(ctx: Context, tmp_path: Path) -> None:
    registry.register_tender(
        ctx,
        ref="T-1",
        title="Laptops",
        category="ict-werkomgeving",
        kind="supplies",
        value=250000,
        published=dt.date(2026, 3, 1),
        organisation="BZK",
        decision=IsvDecision(True, form="contract-condition"),
    )
    registry.add_contract(
        ctx,
        ref="C-1",
        tender_ref="T-1",
        supplier="Acme B.V.",
        supplier_country="NL",
        start=dt.date(2026, 5, 1),
        end=dt.date(2028, 4, 30),
        kvk="12345678",
    )
    document = tmp_path / "beleid.pdf"
    document.write_bytes(b"%PDF-1.4 ISV-beleid")
    add_evidence(ctx, contract_ref="C-1", path=document, type_code="policy")


def test_migrations_produce_the_models_schema(ctx: Context) -> None:
    with ctx.db.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), m.Base.metadata)
    assert diff == []
    assert current_revision(ctx.db.engine) == head_revision(ctx.db.engine)


def test_the_newest_script_is_alembic_head(ctx: Context) -> None:
    """Opening a current database skips alembic on the newest script's revision: that is
    alembic's head as long as the chain is linear and its files numbered in order."""
    assert newest_revision() == head_revision(ctx.db.engine)


@pytest.mark.sqlite_only
def test_sqlite_settings(sqlite_location: str) -> None:
    db = open_database(sqlite_location)
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
    db.dispose()


def test_chain_and_verify_pass(ctx: Context, tmp_path: Path) -> None:
    _fill(ctx, tmp_path)
    result = verify(ctx.db)
    assert result.ok, result.problems
    assert result.entries >= 5 and result.files == 1
    with ctx.db.read() as session:
        entries = session.scalars(select(m.AuditEntry).order_by(m.AuditEntry.seq)).all()
        assert [e.seq for e in entries] == list(range(1, len(entries) + 1))
        assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(entries))
        assert {e.actor for e in entries} == {"tester"}


def test_changed_audit_row_is_named(ctx: Context, tmp_path: Path) -> None:
    _fill(ctx, tmp_path)
    with ctx.db.begin() as session:
        session.execute(
            update(m.AuditEntry).where(m.AuditEntry.seq == 2).values(actor="iemand anders")
        )
    result = verify(ctx.db)
    assert not result.ok
    assert result.problems[0].code == "verify_audit_hash"
    assert result.problems[0].location == "audit_entry seq 2"


def test_deleted_audit_row_is_named(ctx: Context, tmp_path: Path) -> None:
    _fill(ctx, tmp_path)
    with ctx.db.begin() as session:
        session.execute(m.AuditEntry.__table__.delete().where(m.AuditEntry.seq == 3))
    codes = [(p.code, p.location) for p in verify(ctx.db).problems]
    assert ("verify_audit_gap", "audit_entry seq 3") in codes


def test_record_changed_behind_the_back(ctx: Context, tmp_path: Path) -> None:
    _fill(ctx, tmp_path)
    with ctx.db.begin() as session:
        session.execute(update(m.Tender).where(m.Tender.ref == "T-1").values(value_cents=1))
    problems = verify(ctx.db).problems
    assert [(p.code, p.location) for p in problems] == [("verify_record_changed", "tender id 1")]


def test_attachment_byte_changed(ctx: Context, tmp_path: Path) -> None:
    _fill(ctx, tmp_path)
    files = list(ctx.store.all_files())
    assert len(files) == 1
    data = bytearray(files[0].read_bytes())
    data[0] ^= 0x01
    files[0].write_bytes(bytes(data))
    problems = verify(ctx.db).problems
    assert [p.code for p in problems] == ["verify_file_changed"]
    assert files[0].name in problems[0].location


@pytest.mark.sqlite_only
def test_unknown_revision_is_refused(tmp_path: Path) -> None:
    location = tmp_path / "oud.sqlite"
    open_database(str(location)).dispose()
    connection = sqlite3.connect(location)
    connection.execute("UPDATE alembic_version SET version_num = '0000'")
    connection.commit()
    connection.close()
    # a revision this code does not know is refused rather than guessed at
    from app.domain.errors import StorageError

    try:
        open_database(str(location))
    except StorageError as exc:
        assert exc.code == "database_newer"
    else:  # pragma: no cover - the assertion below explains
        raise AssertionError("an unknown revision must be refused")
