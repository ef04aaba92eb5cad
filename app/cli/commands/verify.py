"""``verify [--json]``: the database file, the audit trail and every attachment."""

from __future__ import annotations

import argparse

from app.cli.base import Invocation
from app.services.maintenance import verify_database


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("verify", help="check database, audit trail and files")
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(handler=run)


def run(inv: Invocation) -> int:
    result = verify_database(inv.context())
    if inv.args.json:
        inv.emit_json(
            {
                "ok": result.ok,
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
    elif result.ok:
        inv.say(inv.text("verify_ok", entries=result.entries, files=result.files))
    else:
        for problem in result.problems:
            inv.error_line(f"{problem.location}: {inv.text(problem.code, **problem.params)}")
    return 0 if result.ok else 1
