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
from collections.abc import Callable
from pathlib import Path

from app import __version__
from app.domain.errors import StorageError, UsageError, ValidationError
from app.persistence.attachments import AttachmentStore
from app.persistence.engine import Database, current_revision, sqlite_copy, sqlite_path

FORMAT = "isv-assistent-backup"
FORMAT_VERSION = 1
DB_MEMBER = "database.sqlite"
Progress = Callable[[int, int], None]


def _fsync_file(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def write_backup(db: Database, target: Path, progress: Progress | None = None) -> Path:
    """Write a backup of ``db`` to ``target`` (a .zip), atomically."""
    source_path = sqlite_path(db.engine)
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


def restore_backup(source: Path, target_db: Path, progress: Progress | None = None) -> None:
    """Restore a backup into ``target_db`` (which must not hold data yet)."""
    try:
        archive = zipfile.ZipFile(source)
    except (OSError, zipfile.BadZipFile) as exc:
        raise UsageError("backup_invalid", path=str(source), problem=str(exc)) from None
    with archive:
        manifest = _read_manifest(archive, source)
        members = manifest.get("members")
        if not isinstance(members, dict) or DB_MEMBER not in members:
            raise UsageError("backup_invalid", path=str(source), problem="no database inside")
        names = set(archive.namelist()) - {"manifest.json"}
        if names != set(members):
            raise ValidationError(
                "backup_invalid", path=str(source), problem="its contents do not match its manifest"
            )
        for name in names:
            if name != DB_MEMBER and not _is_attachment_name(name):
                raise ValidationError(
                    "backup_invalid", path=str(source), problem=f"unexpected member {name}"
                )
        attachments = target_db.with_name(target_db.stem + ".attachments")
        store = AttachmentStore(attachments)
        total = len(names)
        with tempfile.TemporaryDirectory(dir=target_db.parent, prefix=".restore-") as work:
            db_copy = Path(work) / DB_MEMBER
            with archive.open(DB_MEMBER) as src, db_copy.open("wb") as out:
                shutil.copyfileobj(src, out)
            if AttachmentStore.hash_of(db_copy) != members[DB_MEMBER]:
                raise ValidationError(
                    "backup_invalid", path=str(source), problem="the database inside is damaged"
                )
            check = sqlite3.connect(str(db_copy))
            try:
                ok = check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            finally:
                check.close()
            if not ok:
                raise ValidationError(
                    "backup_invalid",
                    path=str(source),
                    problem="the database inside fails its integrity check",
                )
            for done, name in enumerate(sorted(names - {DB_MEMBER}), start=1):
                with archive.open(name) as src:
                    sha, _ = store.put_stream(src)
                if sha != members[name]:
                    raise ValidationError(
                        "backup_invalid", path=str(source), problem=f"attachment {name} is damaged"
                    )
                if progress:
                    progress(done, total)
            _fsync_file(db_copy)
            for suffix in ("-wal", "-shm"):
                Path(str(target_db) + suffix).unlink(missing_ok=True)
            db_copy.replace(target_db)
        if progress:
            progress(total, total)


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
