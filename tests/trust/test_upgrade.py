"""Upgrades: every committed fixture ``tests/fixtures/schema_<revision>.sqlite`` (a
database made by that schema revision, with rows in every table) is opened by the
current code: upgraded to the head revision, every record intact, ``verify`` passing,
and, when a migration ran, a backup copy written beside it first.

Each future revision adds its own fixture (tests/fixtures/README.md); the tests below
pick them all up. The last test adds a throw-away revision after the head, so the
upgrade path and the backup before migration are exercised even while the head is
still the first revision.
"""

from __future__ import annotations

import gzip
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from app import locator
from app.persistence.engine import current_revision, head_revision
from app.persistence.integrity import verify
from app.services.context import open_context

from .helpers import dump_files, integrity_check

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _revision(schema: Path) -> str:
    """``0005`` of ``schema_0005.sqlite`` or ``schema_0005.sqlite.gz``."""
    return schema.name.removeprefix("schema_").split(".")[0]


SCHEMAS = sorted(
    [*FIXTURES.glob("schema_*.sqlite"), *FIXTURES.glob("schema_*.sqlite.gz")], key=_revision
)
"""The fixtures, oldest first; a newer one may be gzip-compressed (the fixtures stay
under 1 MB together)."""

pytestmark = pytest.mark.sqlite_only

GROWN_BY_UPGRADE = {"audit_entry"}
"""Tables a revision appends to: every old row stays as it was, new rows follow.
Revision 0008 audits the rows of the tables audited from then on (one entry each)."""
MOVED_BY_UPGRADE = {"audit_head"}
"""The chain's head moves with the entries 0008 appends (``verify`` checks it)."""


def _raw_dump(path: Path) -> dict[str, dict[str, list[tuple[Any, ...]]]]:
    """Every table of the file as it is, without the application's models: per table
    its columns and its rows in rowid order (so a newer schema can be compared on the
    columns the older one had)."""
    connection = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
            )
        ]
        result: dict[str, dict[str, list[tuple[Any, ...]]]] = {}
        for table in tables:
            columns = [r[1] for r in connection.execute(f"PRAGMA table_info('{table}')")]
            order = "rowid" if table != "meta" else "key"
            rows = connection.execute(f'SELECT * FROM "{table}" ORDER BY {order}').fetchall()
            result[table] = {"columns": [tuple(columns)], "rows": rows}
        return result
    finally:
        connection.close()


def _columns_of(dump: dict[str, list[tuple[Any, ...]]]) -> tuple[str, ...]:
    return tuple(dump["columns"][0])


def _project(
    dump: dict[str, list[tuple[Any, ...]]], columns: tuple[str, ...]
) -> list[tuple[Any, ...]]:
    index = [_columns_of(dump).index(c) for c in columns]
    return [tuple(row[i] for i in index) for row in dump["rows"]]


def _copy(schema: Path, folder: Path) -> Path:
    target = folder / f"schema_{_revision(schema)}.sqlite"
    if schema.suffix == ".gz":
        target.write_bytes(gzip.decompress(schema.read_bytes()))
    else:
        shutil.copyfile(schema, target)
    attachments = FIXTURES / f"schema_{_revision(schema)}.attachments"
    if attachments.is_dir():
        shutil.copytree(attachments, target.with_suffix(".attachments"))
    return target


def test_there_is_a_fixture_for_the_first_revision() -> None:
    assert FIXTURES / "schema_0001.sqlite.gz" in SCHEMAS
    assert sum(p.stat().st_size for p in FIXTURES.rglob("*") if p.is_file()) < 1_000_000


@pytest.mark.parametrize("schema", SCHEMAS, ids=[f"schema_{_revision(p)}" for p in SCHEMAS])
def test_fixture_opens_upgraded_with_every_record_intact(schema: Path, tmp_path: Path) -> None:
    copy = _copy(schema, tmp_path)
    revision = _revision(schema)
    connection = sqlite3.connect(copy)
    assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == revision
    connection.close()
    before = _raw_dump(copy)
    assert all(t["rows"] for t in before.values()), [n for n, t in before.items() if not t["rows"]]
    files = dump_files(copy.with_suffix(".attachments"))

    ctx = open_context(str(copy), lang="nl", actor="upgrade-test")
    try:
        head = head_revision(ctx.db.engine)
        assert current_revision(ctx.db.engine) == head
        result = verify(ctx.db)
        assert result.ok, [(p.kind, p.code, p.location) for p in result.problems]
        assert result.records > 0 and 0 < result.files <= len(files)
    finally:
        ctx.db.dispose()

    assert integrity_check(copy) == ["ok"]
    after = _raw_dump(copy)
    for table, old in before.items():  # every old record, every old column, unchanged
        assert table in after, f"table {table} lost"
        columns = _columns_of(old)
        assert set(columns) <= set(_columns_of(after[table])), f"columns of {table} lost"
        if table in GROWN_BY_UPGRADE:
            kept = _project(old, columns)
            assert _project(after[table], columns)[: len(kept)] == kept, table
        elif table not in MOVED_BY_UPGRADE:
            assert _project(after[table], columns) == _project(old, columns), table
    assert dump_files(copy.with_suffix(".attachments")) == files
    copies = sorted(tmp_path.glob(f"{copy.stem}.before-upgrade-{revision}-*.sqlite"))
    if revision != head:  # the migration ran: the file was copied first, unchanged
        assert len(copies) == 1
        assert _raw_dump(copies[0]) == before
    else:
        assert copies == []


NEXT_REVISION = '''"""a test-only revision after the head

Revision ID: 9999
Revises: {head}
"""

import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("tender") as batch:
        batch.add_column(sa.Column("upgrade_probe", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("tender") as batch:
        batch.drop_column("upgrade_probe")
'''


def test_a_later_revision_upgrades_the_oldest_fixture_after_a_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With one more revision than the code has (added in a copy of the migrations
    folder), opening the oldest fixture runs a real migration: copy first, then upgrade,
    every record and file intact."""
    migrations = tmp_path / "db"
    shutil.copytree(
        locator.migrations_dir(), migrations, ignore=shutil.ignore_patterns("__pycache__")
    )
    head = _revision(SCHEMAS[-1])
    (migrations / "versions" / "9999_upgrade_probe.py").write_text(
        NEXT_REVISION.format(head=head), encoding="utf-8"
    )
    monkeypatch.setattr(locator, "migrations_dir", lambda: migrations)

    copy = _copy(SCHEMAS[0], tmp_path)
    revision = _revision(SCHEMAS[0])
    before = _raw_dump(copy)
    files = dump_files(copy.with_suffix(".attachments"))
    ctx = open_context(str(copy), lang="nl", actor="upgrade-test")
    try:
        assert current_revision(ctx.db.engine) == "9999"
        assert verify(ctx.db).ok
    finally:
        ctx.db.dispose()
    after = _raw_dump(copy)
    assert "upgrade_probe" in _columns_of(after["tender"])
    for table, old in before.items():
        kept = _project(old, _columns_of(old))
        if table in GROWN_BY_UPGRADE:
            assert _project(after[table], _columns_of(old))[: len(kept)] == kept
        elif table not in MOVED_BY_UPGRADE:
            assert _project(after[table], _columns_of(old)) == kept
    assert dump_files(copy.with_suffix(".attachments")) == files
    copies = sorted(tmp_path.glob(f"{copy.stem}.before-upgrade-{revision}-*.sqlite"))
    assert len(copies) == 1 and _raw_dump(copies[0]) == before
    assert dump_files(copies[0].with_suffix(".attachments")) == files
    assert not list(tmp_path.glob("*.partial"))
