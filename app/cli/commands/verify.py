"""``verify [--json] [--against FILE] [--orphans [--remove]]``: the database file, the
audit trail (also against the head a backup or export recorded) and every attachment;
with ``--orphans`` also the files no record points to."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.base import Invocation


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("verify", help="check database, audit trail and files")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--against", metavar="FILE")
    parser.add_argument("--orphans", action="store_true")
    parser.add_argument("--remove", action="store_true")
    parser.set_defaults(handler=run)


def run(inv: Invocation) -> int:
    from app.services import maintenance

    ctx = inv.context()
    against = None
    if inv.args.against:
        against = maintenance.anchor_in_file(Path(inv.args.against))
    result = maintenance.verify_database(ctx, against=against)
    orphans: list[Path] = []
    if inv.args.orphans:
        orphans = (
            maintenance.remove_orphan_files(ctx)
            if inv.args.remove
            else maintenance.orphan_files(ctx)
        )
    if inv.args.json:
        inv.emit_json(
            {
                "ok": result.ok,
                "orphans": [str(p) for p in orphans],
                "orphans_removed": bool(inv.args.remove and orphans),
                "audit_entries": result.entries,
                "records": result.records,
                "attachments": result.files,
                "problems": [
                    {
                        "kind": p.kind,
                        "code": p.code,
                        "location": p.location,
                        "message": inv.text(p.code, **p.params),
                    }
                    for p in result.problems
                ],
            }
        )
        return 0 if result.ok else 1
    if inv.args.orphans:
        if inv.args.remove and orphans:
            inv.say(inv.text("verify_orphans_removed", count=len(orphans)))
        for path in orphans:
            inv.say(inv.text("verify_orphan", path=str(path)))
        if not orphans:
            inv.say(inv.text("verify_orphans_none"))
    if result.ok:
        inv.say(inv.text("verify_ok", entries=result.entries, files=result.files))
    else:
        for problem in result.problems:
            inv.error_line(f"{problem.location}: {inv.text(problem.code, **problem.params)}")
    return 0 if result.ok else 1
