"""Backups: one zip with a consistent copy of the SQLite file and every attachment.

The copy is made with SQLite's online backup API, so it is consistent while the
application is open. A manifest lists every member with its SHA-256; restore checks
them all before anything is written, then writes to temporary names and renames.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
import tempfile
import zipfile
from pathlib import Path
from typing import Any
from zlib import error as zlib_error

from app import __version__
from app.domain.errors import StorageError, UsageError, ValidationError
from app.domain.progress import Progress
from app.persistence.attachments import AttachmentStore
from app.persistence.engine import Database, current_revision, sqlite_copy

FORMAT = "isv-assistent-backup"
FORMAT_VERSION = 1
DB_MEMBER = "database.sqlite"


def _fsync_file(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def write_backup(db: Database, target: Path, progress: Progress | None = None) -> Path:
    """Write a backup of ``db`` to ``target`` (a .zip), atomically."""
    source_path = db.sqlite_file
    if source_path is None:
        raise StorageError(
            "database_unavailable",
            location=db.location,
            problem="backups are made of SQLite databases; use the server's "
            "own backup for PostgreSQL",
        )
    target = target.expanduser().resolve()
    if not target.parent.is_dir():
        raise UsageError("file_not_writable", path=str(target), problem="the folder does not exist")
    store = AttachmentStore(db.attachments_dir)
    files = sorted(store.all_files())
    total = len(files) + 1
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".backup-") as work:
        copy_path = Path(work) / DB_MEMBER
        sqlite_copy(source_path, copy_path)
        if progress:
            progress(1, total)
        manifest: dict[str, object] = {
            "audit_head": _head_of_copy(copy_path),
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "app_version": __version__,
            "schema_revision": current_revision(db.engine),
            "installation_id": db.installation_id(),
            "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "members": {DB_MEMBER: AttachmentStore.hash_of(copy_path)},
        }
        partial = Path(work) / "backup.zip"
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.write(copy_path, DB_MEMBER)
            members: dict[str, str] = manifest["members"]  # type: ignore[assignment]
            for done, path in enumerate(files, start=2):
                name = f"attachments/{path.parent.name}/{path.name}"
                archive.write(path, name)
                members[name] = path.name
                if progress:
                    progress(done, total)
            archive.writestr("manifest.json", json.dumps(manifest, indent=2))
        _fsync_file(partial)
        try:
            partial.replace(target)
        except OSError as exc:
            raise UsageError(
                "file_not_writable", path=str(target), problem=exc.strerror or str(exc)
            ) from exc
    return target


def _head_of_copy(path: Path) -> dict[str, object]:
    """The audit chain's head in the copy (the backup's own consistent cut)."""
    connection = sqlite3.connect(str(path))
    try:
        row = connection.execute("SELECT seq, hash FROM audit_head WHERE id = 1").fetchone()
    finally:
        connection.close()
    return {"seq": int(row[0]), "hash": str(row[1])} if row else {"seq": 0, "hash": "0" * 64}


def _read_manifest(archive: zipfile.ZipFile, path: Path) -> dict[str, object]:
    try:
        manifest = json.loads(archive.read("manifest.json"))
    except (KeyError, ValueError):
        raise UsageError(
            "backup_invalid", path=str(path), problem="manifest.json is missing or unreadable"
        ) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise UsageError("backup_invalid", path=str(path), problem="not an ISV-assistent backup")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise UsageError(
            "backup_invalid",
            path=str(path),
            problem=f"format version {manifest.get('format_version')} is unknown",
        )
    return manifest


# Tables that hold the database's own bookkeeping; a row anywhere else is a user record.
BOOKKEEPING = frozenset({"alembic_version", "meta", "audit_head"})
MAX_RESTORED_BYTES = 16 * 1024**3  # everything a backup unpacks to, at most
MAX_RATIO = 1_000  # unpacked to packed, for members above a megabyte
MAX_MANIFEST_BYTES = 16 * 1024 * 1024
_COPY_CHUNK = 1 << 20


def holds_records(path: Path) -> bool:
    """Whether the file at ``path`` holds any user record (a row in any table but the
    bookkeeping). A file that is not a readable SQLite database counts as holding data:
    restore never replaces what it cannot see into."""
    if not path.exists() or path.stat().st_size == 0:
        return False
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = [
                row[0]
                for row in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite_%'"
                )
            ]
            for table in tables:
                if table in BOOKKEEPING:
                    continue
                quoted = table.replace('"', '""')
                if connection.execute(f'SELECT 1 FROM "{quoted}" LIMIT 1').fetchone():
                    return True
            return False
        finally:
            connection.close()
    except sqlite3.Error:
        return True


def _invalid(source: Path, problem: str) -> UsageError:
    return UsageError("backup_invalid", path=str(source), problem=problem)


def _bounded_copy(archive: zipfile.ZipFile, info: zipfile.ZipInfo, out: Path, source: Path) -> None:
    """Unpack one member to ``out``, stopping as soon as it exceeds its declared size."""
    written = 0
    try:
        with archive.open(info) as src, out.open("wb") as target:
            while chunk := src.read(_COPY_CHUNK):
                written += len(chunk)
                if written > info.file_size:
                    raise _invalid(source, f"{info.filename} is larger than it declares")
                target.write(chunk)
    except (zipfile.BadZipFile, EOFError, zlib_error, ValueError, RuntimeError):
        raise _invalid(source, f"{info.filename} is damaged") from None


def _check_sizes(archive: zipfile.ZipFile, source: Path, folder: Path) -> None:
    """Declared sizes within bounds, before anything is unpacked."""
    total = 0
    for info in archive.infolist():
        total += info.file_size
        if info.file_size > _COPY_CHUNK and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _invalid(source, f"{info.filename} unpacks to far more than it holds")
    free = shutil.disk_usage(folder).free
    if total > MAX_RESTORED_BYTES or total > free:
        raise StorageError("restore_no_room", path=str(source), needed=total // 2**20 + 1)


def _schema_revision(path: Path, source: Path) -> str | None:
    """The restored database's schema revision, once it passed SQLite's own check."""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            if connection.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise _invalid(source, "the database inside fails its integrity check")
            row = connection.execute(
                "SELECT name FROM sqlite_master WHERE name = 'alembic_version'"
            ).fetchone()
            if row is None:
                return None
            found = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            return None if found is None else str(found[0])
        finally:
            connection.close()
    except sqlite3.Error:
        raise _invalid(source, "the database inside is not an SQLite database") from None


def restore_backup(
    source: Path,
    target_db: Path,
    progress: Progress | None = None,
    *,
    known_revisions: frozenset[str] = frozenset(),
) -> Path | None:
    """See :func:`_restore`; a fault of the disk (full, unwritable) is a sentence."""
    try:
        return _restore(source, target_db, progress, known_revisions)
    except OSError as exc:
        raise StorageError(
            "restore_failed", path=str(source), problem=exc.strerror or type(exc).__name__
        ) from None


def _checked_members(
    archive: zipfile.ZipFile, source: Path, target_db: Path
) -> tuple[dict[str, Any], set[str]]:
    """The manifest's members (name: hash) and the archive's names, once they agree, every
    name is the database or an attachment, and the declared sizes fit."""
    try:
        info = archive.getinfo("manifest.json")
    except KeyError:
        raise _invalid(source, "manifest.json is missing or unreadable") from None
    if info.file_size > MAX_MANIFEST_BYTES:
        raise _invalid(source, "manifest.json is missing or unreadable")
    manifest = _read_manifest(archive, source)
    members = manifest.get("members")
    if not isinstance(members, dict) or DB_MEMBER not in members:
        raise _invalid(source, "no database inside")
    names = set(archive.namelist()) - {"manifest.json"}
    if names != set(members):
        raise _invalid(source, "its contents do not match its manifest")
    for name in names:
        if name != DB_MEMBER and not _is_attachment_name(name):
            raise _invalid(source, f"unexpected member {name}")
    _check_sizes(archive, source, target_db.parent)
    return members, names


def _restore(
    source: Path,
    target_db: Path,
    progress: Progress | None,
    known_revisions: frozenset[str],
) -> Path | None:
    """Restore a backup into ``target_db``, which must hold no user record.

    Everything is unpacked into a temporary folder beside the target, bounded by the
    declared sizes (and stopped as soon as a member exceeds its own), and checked there:
    the manifest's hashes, SQLite's integrity check, a schema revision among
    ``known_revisions`` (when given), every attachment's hash. Only then does anything
    move into place; a database file that was there is kept beside it (its name is
    returned). A failed restore leaves nothing behind.
    """
    if holds_records(target_db):
        raise ValidationError("restore_target_not_empty", location=str(target_db))
    try:
        archive = zipfile.ZipFile(source)
    except (OSError, zipfile.BadZipFile, ValueError) as exc:
        raise _invalid(source, str(exc)) from None
    with archive:
        members, names = _checked_members(archive, source, target_db)
        attachments = target_db.with_name(target_db.stem + ".attachments")
        total = len(names)
        with tempfile.TemporaryDirectory(dir=target_db.parent, prefix=".restore-") as work:
            db_copy = Path(work) / DB_MEMBER
            _bounded_copy(archive, archive.getinfo(DB_MEMBER), db_copy, source)
            if AttachmentStore.hash_of(db_copy) != members[DB_MEMBER]:
                raise _invalid(source, "the database inside is damaged")
            revision = _schema_revision(db_copy, source)
            if known_revisions and revision is not None and revision not in known_revisions:
                raise StorageError("database_newer", revision=revision)
            staged: list[tuple[Path, str]] = []
            for done, name in enumerate(sorted(names - {DB_MEMBER}), start=1):
                piece = Path(work) / name.rsplit("/", 1)[1]
                _bounded_copy(archive, archive.getinfo(name), piece, source)
                if AttachmentStore.hash_of(piece) != members[name]:
                    raise _invalid(source, f"attachment {name} is damaged")
                staged.append((piece, name.split("/", 1)[1]))
                if progress:
                    progress(done, total)
            _fsync_file(db_copy)
            kept = None
            if target_db.exists() and target_db.stat().st_size > 0:
                stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
                kept = target_db.with_name(f"{target_db.stem}.replaced-{stamp}{target_db.suffix}")
                shutil.copy2(target_db, kept)
            for piece, relative in staged:
                place = attachments / relative
                place.parent.mkdir(parents=True, exist_ok=True)
                if not place.exists():
                    piece.replace(place)
            for suffix in ("-wal", "-shm"):
                Path(str(target_db) + suffix).unlink(missing_ok=True)
            db_copy.replace(target_db)
        _anchor_restored(target_db)
        if progress:
            progress(total, total)
    return kept


def _anchor_restored(path: Path) -> None:
    """The restored head becomes the database's anchor: history after the backup is gone
    by the user's own choice, so ``verify`` must not report it as cut off."""
    from app.persistence import anchor

    connection = sqlite3.connect(str(path))
    try:
        head = connection.execute("SELECT seq, hash FROM audit_head WHERE id = 1").fetchone()
        found = connection.execute(
            "SELECT value FROM meta WHERE key = 'installation_id'"
        ).fetchone()
    except sqlite3.Error:  # a database of a schema without these: nothing to anchor
        return
    finally:
        connection.close()
    if head is not None and found is not None:
        restored = anchor.Anchor(int(head[0]), str(head[1]))
        anchor.record(str(found[0]), anchor.sqlite_place(path), restored)


def _is_attachment_name(name: str) -> bool:
    parts = name.split("/")
    return (
        len(parts) == 3
        and parts[0] == "attachments"
        and len(parts[2]) == 64
        and parts[1] == parts[2][:2]
        and all(c in "0123456789abcdef" for c in parts[2])
    )


def rotate(folder: Path, keep: int, pattern: str = "*.zip") -> list[Path]:
    """Delete the oldest backups in ``folder`` beyond ``keep``; returns what was removed."""
    found = sorted(folder.glob(pattern), key=lambda p: p.name)
    removed = found[:-keep] if keep > 0 else []
    for path in removed:
        path.unlink(missing_ok=True)
    return removed
