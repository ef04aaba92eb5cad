"""``withdraw tender|contract|evidence|signal|escalation|assessment ID --reason TEXT``.

Marks a record withdrawn, never deletes it: it leaves the figures, the due list and the
dossier states, and stays visible with ``list … --withdrawn`` and in ``history``. ID is
the reference of a tender or contract, else the number the list commands show.
"""

from __future__ import annotations

import argparse

from app.cli.base import Invocation
from app.cli.records import report_change


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("withdraw", help="withdraw a record (it is never deleted)")
    parser.add_argument(
        "kind", choices=("tender", "contract", "evidence", "signal", "escalation", "assessment")
    )
    parser.add_argument(
        "id", metavar="ID", help="a tender's or contract's reference, else a number"
    )
    parser.add_argument("--reason", required=True, metavar="TEXT", help="why it is withdrawn")
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(handler=run)


def run(inv: Invocation) -> int:
    from app.services import records

    change = records.withdraw(
        inv.context(), inv.args.kind, inv.args.id, reason=inv.args.reason, expected_version=None
    )
    return report_change(inv, change)
