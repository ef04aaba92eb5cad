"""Plumbing for the window: backups and restores through one service entry point.

The window never imports ``app.persistence``; these thin functions give it what the
``backup``/``restore`` commands do, with a progress callback for the progress bar.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from app import settings
from app.domain.errors import IsvError, StorageError, UsageError
from app.domain.progress import Progress
from app.persistence import anchor
from app.persistence.backup import restore_backup as _restore
from app.persistence.backup import rotate, write_backup
from app.persistence.engine import (
    Database,
    database_url,
    known_revisions,
    open_database,
)
from app.persistence.models import AuditHead
from app.services.context import Context

if TYPE_CHECKING:
    from app.domain.report import YearReport
    from app.persistence.integrity import VerifyResult

log = logging.getLogger(__name__)


def verify_database(ctx: Context, against: anchor.Anchor | None = None) -> VerifyResult:
    """Check the open database: the file, the audit trail against the records (and
    against the last anchored head, and ``against`` a backup's or export's head), and
    every attachment against its digest. Reads only."""
    from app.persistence.integrity import verify

    return verify(ctx.db, against=against)


def backup_file_name(today: dt.date | None = None) -> str:
    """A sortable default name: ``isv-assistent-2026-11-25-1410.zip``."""
    now = dt.datetime.now()
    day = today or now.date()
    return f"isv-assistent-{day.isoformat()}-{now:%H%M}.zip"


def make_backup(ctx: Context, target: Path, progress: Progress | None = None) -> Path:
    """Write a consistent backup of the open database and its attachments."""
    return write_backup(ctx.db, target, progress)


def restore_backup(source: Path, location: str, progress: Progress | None = None) -> str:
    """Restore ``source`` into an SQLite database at ``location`` that holds no user
    record (a file that was there is kept beside it); returns the location."""
    url = database_url(location)
    if not url.startswith("sqlite:///"):
        raise StorageError("restore_needs_sqlite")
    target = Path(url.removeprefix("sqlite:///"))
    if not target.parent.is_dir():
        raise StorageError("database_folder_missing", folder=str(target.parent))
    _restore(source, target, progress, known_revisions=known_revisions())
    open_database(location).dispose()  # an older backup is brought to the current schema
    return location


def anchor_in_file(path: Path) -> anchor.Anchor:
    """The audit head a backup (its manifest) or a year export recorded."""
    import json
    import zipfile

    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                info = archive.getinfo("manifest.json")
                if info.file_size > 16 * 2**20:
                    raise ValueError("manifest too large")
                body = json.loads(archive.read(info))
        else:
            if path.stat().st_size > 256 * 2**20:
                raise ValueError("file too large")
            body = json.loads(path.read_bytes())
    except (OSError, KeyError, ValueError, RecursionError, zipfile.BadZipFile):
        raise UsageError("verify_against_unreadable", path=str(path)) from None
    found = anchor.Anchor.from_json(body.get("audit_head") if isinstance(body, dict) else None)
    if found is None:
        raise UsageError("verify_against_no_head", path=str(path))
    return found


def save_report_files(
    ctx: Context,
    report: YearReport,
    *,
    pdf: Path | None = None,
    xlsx: Path | None = None,
    lang: str | None = None,
    progress: Progress | None = None,
    docx: Path | None = None,
) -> list[Path]:
    """Render a year report (from ``reporting.year_report``) as PDF, Excel and/or Word and
    write each file atomically. The file-format libraries are imported here, when needed."""
    from app.io.files import write_atomically

    language = lang or ctx.lang
    jobs = [
        (kind, path)
        for kind, path in (("pdf", pdf), ("xlsx", xlsx), ("docx", docx))
        if path is not None
    ]
    written: list[Path] = []
    for done, (kind, path) in enumerate(jobs):
        if progress:
            progress(done, len(jobs))
        if kind == "pdf":
            from app.io.report_pdf import render_report_pdf

            data = render_report_pdf(report, ctx.reference, language)
        elif kind == "docx":
            from app.io.report_docx import render_report_docx

            data = render_report_docx(report, ctx.reference, language)
        else:
            from app.io.report_xlsx import render_report_xlsx

            data = render_report_xlsx(report, ctx.reference, language)
        written.append(write_atomically(path, data))
    if progress:
        progress(len(jobs), len(jobs))
    return written


# -- the daily backup ----------------------------------------------------------------------

DAILY_MARK = "daily"


def backup_folder(db: Database, configured: str = "") -> Path | None:
    """Where automatic backups of ``db`` go: the configured backup folder, else a folder
    ``<name>.backups`` beside the SQLite file; ``None`` for a server database (whose
    backups are the server's business)."""
    path = db.sqlite_file
    if path is None:
        return None
    if configured:
        return Path(configured).expanduser()
    return path.with_name(path.stem + ".backups")


def _daily_prefix(db: Database) -> str:
    """Names stay apart when several databases share one backup folder."""
    path = db.sqlite_file
    stem = path.stem if path is not None else "isv-assistent"
    return f"{stem}-{db.installation_id()[:8]}-{DAILY_MARK}-"


def daily_backup(
    db: Database,
    *,
    today: dt.date | None = None,
    folder: Path | None = None,
    keep: int | None = None,
) -> Path | None:
    """Once a day per database, on the first start of that day: a backup of the database
    and its attachments (``<name>-<id>-daily-YYYY-MM-DD.zip``), then the oldest daily
    backups beyond ``keep`` (settings: ``backups_kept``) are removed.

    Returns the new backup, or ``None`` when there was nothing to do: a server database,
    an empty one, or today's backup is already there. Written atomically like every
    backup, so a crash leaves no half file under the final name.
    """
    current = settings.load()
    target_folder = folder or backup_folder(db, current.backup_dir)
    if target_folder is None:
        return None
    with db.read() as session:
        if not session.scalar(select(AuditHead.seq).where(AuditHead.id == 1)):
            return None  # nothing recorded yet
    prefix = _daily_prefix(db)
    day = today or dt.date.today()
    target = target_folder / f"{prefix}{day.isoformat()}.zip"
    if target.exists():
        return None
    try:
        target_folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            "database_unavailable", location=str(target_folder), problem=exc.strerror or str(exc)
        ) from exc
    _remove_stale_work(target_folder)
    write_backup(db, target)
    rotate(target_folder, keep or current.backups_kept, f"{prefix}*.zip")
    return target


STALE_AFTER = dt.timedelta(hours=1)


def _remove_stale_work(folder: Path) -> None:
    """A backup that was cut off (power lost, process killed) leaves its temporary
    ``.backup-*`` folder behind, never a zip; in the automatic backup folder, such
    folders older than an hour are removed."""
    import shutil

    limit = (dt.datetime.now() - STALE_AFTER).timestamp()
    for work in folder.glob(".backup-*"):
        try:
            if work.is_dir() and work.stat().st_mtime < limit:
                shutil.rmtree(work, ignore_errors=True)
        except OSError:
            continue


def daily_backup_quietly(db: Database) -> Path | None:
    """:func:`daily_backup` at start-up: a failure is logged, never stops the work."""
    try:
        return daily_backup(db)
    except (IsvError, OSError, sqlite3.Error) as exc:
        log.warning("daily backup of %s not made: %s", db.location, exc)
        return None


def orphan_files(ctx: Context) -> list[Path]:
    """Files in the attachment store that no record points to (left by a killed write)."""
    from app.persistence.integrity import orphan_files as found

    return found(ctx.db)


def remove_orphan_files(ctx: Context) -> list[Path]:
    """Remove the files :func:`orphan_files` finds; returns them."""
    removed = orphan_files(ctx)
    for path in removed:
        path.unlink(missing_ok=True)
    return removed
