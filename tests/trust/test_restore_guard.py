"""Restore never replaces a database holding a user record, unpacks within bounds, checks
everything before it moves anything, and leaves nothing behind when it fails."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from app.domain.errors import StorageError, UsageError, ValidationError
from app.persistence.backup import holds_records, restore_backup, write_backup
from app.persistence.engine import known_revisions
from app.services import follow_up, maintenance, registry
from app.services.context import Context, open_context


def _tender(ctx: Context) -> None:
    registry.register_tender(
        ctx,
        ref="T-1",
        title="Kleding",
        category="bedrijfskleding",
        kind="supplies",
        value=500_000,
        published=dt.date(2025, 9, 1),
    )


def _country_risk(ctx: Context) -> None:

    path = Path(str(ctx.db.location)).with_name("landen.csv")
    path.write_text("land;score;bron;jaar\nCN;7;Index;2025\n", encoding="utf-8")
    follow_up.import_country_risk(ctx, path)


KINDS: dict[str, Callable[[Context], None]] = {"tender": _tender, "country_risk": _country_risk}


@pytest.fixture
def backup(tmp_path: Path) -> Path:
    ctx = open_context(str(tmp_path / "bron.sqlite"), actor="tester")
    try:
        _tender(ctx)
        return write_backup(ctx.db, tmp_path / "backup.zip")
    finally:
        ctx.db.dispose()


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.sqlite_only
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_restore_refuses_a_database_holding_any_record(
    kind: str, backup: Path, tmp_path: Path
) -> None:
    target = tmp_path / "doel" / "isv.sqlite"
    target.parent.mkdir()
    ctx = open_context(str(target), actor="tester")
    try:
        KINDS[kind](ctx)
    finally:
        ctx.db.dispose()
    before = target.read_bytes()
    with pytest.raises(ValidationError) as info:
        maintenance.restore_backup(backup, str(target))
    assert info.value.code == "restore_target_not_empty"
    assert target.read_bytes() == before


@pytest.mark.sqlite_only
def test_restore_refuses_a_file_it_cannot_see_into(backup: Path, tmp_path: Path) -> None:
    target = tmp_path / "notities.sqlite"
    target.write_text("mijn aantekeningen", encoding="utf-8")
    assert holds_records(target)
    with pytest.raises(ValidationError):
        maintenance.restore_backup(backup, str(target))
    assert target.read_text(encoding="utf-8") == "mijn aantekeningen"


@pytest.mark.sqlite_only
def test_restore_over_an_empty_database_keeps_a_copy(backup: Path, tmp_path: Path) -> None:
    target = tmp_path / "doel" / "isv.sqlite"
    target.parent.mkdir()
    open_context(str(target), actor="tester").db.dispose()
    maintenance.restore_backup(backup, str(target))
    kept = [p for p in target.parent.iterdir() if ".replaced-" in p.name]
    assert len(kept) == 1 and not holds_records(kept[0])
    ctx = open_context(str(target), actor="tester")
    try:
        assert registry.count_tenders(ctx) == 1
    finally:
        ctx.db.dispose()


def _rewritten(backup: Path, target: Path, change: Callable[[str, bytes], bytes]) -> Path:
    with zipfile.ZipFile(backup) as source, zipfile.ZipFile(target, "w") as out:
        for info in source.infolist():
            out.writestr(info, change(info.filename, source.read(info.filename)))
    return target


def _with_manifest(backup: Path, target: Path, database: bytes) -> Path:
    from app.persistence.attachments import AttachmentStore

    def change(name: str, data: bytes) -> bytes:
        if name == "database.sqlite":
            return database
        if name == "manifest.json":
            manifest = json.loads(data)
            scratch = target.with_suffix(".db")
            scratch.write_bytes(database)
            manifest["members"]["database.sqlite"] = AttachmentStore.hash_of(scratch)
            scratch.unlink()
            return json.dumps(manifest).encode()
        return data

    return _rewritten(backup, target, change)


@pytest.mark.sqlite_only
def test_a_lying_member_size_stops_at_its_declared_size(backup: Path, tmp_path: Path) -> None:
    """A member that unpacks to more than its header says is cut off there."""
    big = _with_manifest(backup, tmp_path / "groot.zip", b"\0" * (3 * 1024 * 1024))
    data = bytearray(big.read_bytes())
    with zipfile.ZipFile(big) as archive:
        info = archive.getinfo("database.sqlite")
    # the central directory's and the local header's uncompressed size: 1 KB
    for offset in (info.header_offset + 22,):
        data[offset : offset + 4] = (1024).to_bytes(4, "little")
    start = bytes(data).rfind(b"PK\x01\x02", 0)
    while start != -1:
        name_length = int.from_bytes(data[start + 28 : start + 30], "little")
        if data[start + 46 : start + 46 + name_length] == b"database.sqlite":
            data[start + 24 : start + 28] = (1024).to_bytes(4, "little")
        start = bytes(data).rfind(b"PK\x01\x02", 0, start)
    big.write_bytes(bytes(data))
    folder = tmp_path / "doel"
    folder.mkdir()
    with pytest.raises(UsageError) as info_error:
        restore_backup(big, folder / "isv.sqlite")
    assert info_error.value.code == "backup_invalid"  # cut off at 1 KB: damaged
    assert _listing(folder) == []


@pytest.mark.sqlite_only
def test_a_declared_size_beyond_the_disk_is_refused_before_unpacking(
    backup: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.persistence.backup as module

    monkeypatch.setattr(module, "MAX_RESTORED_BYTES", 1024)
    folder = tmp_path / "doel"
    folder.mkdir()
    with pytest.raises(StorageError) as info:
        restore_backup(backup, folder / "isv.sqlite")
    assert info.value.code == "restore_no_room"
    assert _listing(folder) == []


@pytest.mark.sqlite_only
@pytest.mark.parametrize(
    "content", [b"dit is geen database", b"SQLite format 3\0" + b"\xff" * 4000]
)
def test_a_non_sqlite_or_corrupt_database_inside_is_a_sentence(
    content: bytes, backup: Path, tmp_path: Path
) -> None:
    broken = _with_manifest(backup, tmp_path / "kapot.zip", content)
    folder = tmp_path / "doel"
    folder.mkdir()
    with pytest.raises(UsageError) as info:
        restore_backup(broken, folder / "isv.sqlite", known_revisions=known_revisions())
    assert info.value.code == "backup_invalid"
    assert _listing(folder) == []


@pytest.mark.sqlite_only
def test_a_newer_schema_is_refused_and_the_retry_is_not_blocked(
    backup: Path, tmp_path: Path
) -> None:
    scratch = tmp_path / "nieuwer.sqlite"
    with zipfile.ZipFile(backup) as archive:
        scratch.write_bytes(archive.read("database.sqlite"))
    connection = sqlite3.connect(scratch)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    newer = _with_manifest(backup, tmp_path / "nieuwer.zip", scratch.read_bytes())
    folder = tmp_path / "doel"
    folder.mkdir()
    target = folder / "isv.sqlite"
    with pytest.raises(StorageError) as info:
        maintenance.restore_backup(newer, str(target))
    assert info.value.code == "database_newer"
    assert _listing(folder) == []
    maintenance.restore_backup(backup, str(target))  # the retry with a good backup works
    assert holds_records(target)
