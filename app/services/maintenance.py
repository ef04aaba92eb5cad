"""Plumbing for the window: backups and restores through one service entry point.

The window never imports ``app.persistence``; these thin functions give it what the
``backup``/``restore`` commands do, with a progress callback for the progress bar.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from app.domain.errors import StorageError, ValidationError
from app.persistence.backup import restore_backup as _restore
from app.persistence.backup import write_backup
from app.persistence.engine import database_url, open_database
from app.services.context import Context

Progress = Callable[[int, int], None]


def backup_file_name(today: dt.date | None = None) -> str:
    """A sortable default name: ``isv-assistent-2026-11-25-1410.zip``."""
    now = dt.datetime.now()
    day = today or now.date()
    return f"isv-assistent-{day.isoformat()}-{now:%H%M}.zip"


def make_backup(ctx: Context, target: Path, progress: Progress | None = None) -> Path:
    """Write a consistent backup of the open database and its attachments."""
    return write_backup(ctx.db, target, progress)


def restore_backup(source: Path, location: str, progress: Progress | None = None) -> str:
    """Restore ``source`` into a new or empty SQLite database at ``location``; returns it."""
    url = database_url(location)
    if not url.startswith("sqlite:///"):
        raise StorageError("restore_needs_sqlite")
    target = Path(url.removeprefix("sqlite:///"))
    if not target.parent.is_dir():
        raise StorageError("database_folder_missing", folder=str(target.parent))
    if target.exists() and target.stat().st_size > 0:
        db = open_database(location, upgrade=False)
        try:
            from app.services.registry import count_tenders

            holds_data = count_tenders(Context(db=db, actor="")) > 0
        finally:
            db.dispose()
        if holds_data:
            raise ValidationError("restore_target_not_empty", location=location)
    _restore(source, target, progress)
    open_database(location).dispose()  # an older backup is brought to the current schema
    return location


def save_report_files(ctx: Context, report: object, *, pdf: Path | None = None,
                      xlsx: Path | None = None, lang: str | None = None,
                      progress: Progress | None = None) -> list[Path]:
    """Render a year report (from ``reporting.year_report``) as PDF and/or Excel and write
    each file atomically. The file-format libraries are imported here, when needed."""
    import os
    import tempfile

    from app.domain.report import YearReport

    assert isinstance(report, YearReport)
    language = lang or ctx.lang
    jobs = [(kind, path) for kind, path in (("pdf", pdf), ("xlsx", xlsx)) if path is not None]
    written: list[Path] = []
    for done, (kind, path) in enumerate(jobs):
        if progress:
            progress(done, len(jobs))
        if kind == "pdf":
            from app.io.report_pdf import render_report_pdf

            data = render_report_pdf(report, ctx.reference, language)
        else:
            from app.io.report_xlsx import render_report_xlsx

            data = render_report_xlsx(report, ctx.reference, language)
        fd, partial = tempfile.mkstemp(dir=path.parent, prefix=".isv-")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        Path(partial).replace(path)
        written.append(path)
    if progress:
        progress(len(jobs), len(jobs))
    return written
