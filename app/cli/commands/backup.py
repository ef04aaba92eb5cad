"""``backup -o FILE`` and ``restore FILE``: a consistent copy with attachments, and back."""

from __future__ import annotations

import argparse

from app import settings
from app.cli.base import Invocation, input_path, output_path
from app.services import maintenance


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    backup = subparsers.add_parser("backup", help="write a backup")
    backup.add_argument("-o", "--output", required=True)
    backup.set_defaults(handler=run_backup)
    restore = subparsers.add_parser("restore", help="restore a backup into a new database")
    restore.add_argument("file")
    restore.set_defaults(handler=run_restore)


def run_backup(inv: Invocation) -> int:
    target = maintenance.make_backup(inv.context(), output_path(inv.args.output))
    inv.say(inv.text("backup_written", path=str(target)))
    return 0


def run_restore(inv: Invocation) -> int:
    source = input_path(inv.args.file)
    location = maintenance.restore_backup(source, inv.args.db or settings.default_database())
    inv.say(inv.text("backup_restored", location=location))
    return 0
