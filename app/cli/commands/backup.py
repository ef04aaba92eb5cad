"""``backup -o FILE`` and ``restore FILE``: a consistent copy with attachments, and back."""

from __future__ import annotations

import argparse
from pathlib import Path

from app import settings
from app.cli.base import Invocation, input_path, output_path
from app.domain.errors import StorageError, ValidationError
from app.persistence.backup import restore_backup, write_backup
from app.persistence.engine import database_url, open_database


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    backup = subparsers.add_parser("backup", help="write a backup")
    backup.add_argument("-o", "--output", required=True)
    backup.set_defaults(handler=run_backup)
    restore = subparsers.add_parser("restore", help="restore a backup into a new database")
    restore.add_argument("file")
    restore.set_defaults(handler=run_restore)


def run_backup(inv: Invocation) -> int:
    target = write_backup(inv.context().db, output_path(inv.args.output))
    inv.say(str(target))
    return 0


def run_restore(inv: Invocation) -> int:
    source = input_path(inv.args.file)
    location = inv.args.db or settings.default_database()
    url = database_url(location)
    if not url.startswith("sqlite:///"):
        raise StorageError("restore_needs_sqlite")
    target = Path(url.removeprefix("sqlite:///"))
    if not target.parent.is_dir():
        raise StorageError("database_folder_missing", folder=str(target.parent))
    if target.exists():
        db = open_database(location, upgrade=False)
        try:
            from app.services.context import Context
            from app.services.registry import count_tenders

            holds_data = count_tenders(Context(db=db, actor="")) > 0
        finally:
            db.dispose()
        if holds_data:
            raise ValidationError("restore_target_not_empty", location=location)
    restore_backup(source, target)
    open_database(location).dispose()  # upgrade an older backup to the current schema
    inv.say(str(target))
    return 0
