"""``history REF [--tender|--contract] [--json]``: the audit entries of a tender or a
contract and everything under it, oldest first: when, who, what changed from what to
what, and why. JSON: a list of ``{"seq", "at", "user", "action", "record", "ref",
"changes": [{"field", "old", "new"}], "reason"}``.
"""

from __future__ import annotations

import argparse
import datetime as dt

from app.cli.base import Invocation
from app.cli.records import shown


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "history", help="the history of a tender or contract and everything under it"
    )
    parser.add_argument("ref", metavar="REF")
    scope = parser.add_mutually_exclusive_group()
    scope.add_argument("--tender", dest="scope", action="store_const", const="tender")
    scope.add_argument("--contract", dest="scope", action="store_const", const="contract")
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(handler=run)


def field_label(inv: Invocation, field: str) -> str:
    code = f"history_field_{field}"
    return inv.text(code) if inv.context().catalog.has(code) else field


def run(inv: Invocation) -> int:
    from app.services.history import history, naming_values

    entries = history(inv.context(), inv.args.ref, inv.args.scope)
    if inv.args.json:
        inv.emit_json([e.as_json() for e in entries])
        return 0
    if not entries:
        inv.say(inv.text("history_empty"))
    named = {
        key: ", ".join(
            inv.text("history_contract_year", year=v.new)
            if v.field == "contract_year"
            else shown(v.new, inv, v.field)
            for v in values
        )
        for key, values in naming_values(entries).items()
    }
    for e in entries:
        record = inv.text(f"history_record_{_entity(e.record)}")
        if (e.record, e.ref) in named:
            record = f"{record} {e.ref} ({named[e.record, e.ref]})"
        else:
            record = f"{record} {e.ref}"
        inv.say(
            f"{e.seq}  {local_time(e.at)}  {e.user}  "
            f"{record}  {inv.text(f'history_action_{e.action}')}"
        )
        # a creation's values and a withdrawal's reason field are in --json; the reason
        # line below says why a record was withdrawn
        for change in e.changes if e.action not in ("create", "withdraw") else ():
            inv.say(
                f"    {field_label(inv, change.field)}: "
                f"{shown(change.old, inv, change.field)} → {shown(change.new, inv, change.field)}"
            )
        if e.reason:
            inv.say(f"    {inv.text('history_reason', reason=e.reason)}")
    return 0


def local_time(at: dt.datetime) -> str:
    """An audit time (UTC) as the local clock shows it."""
    return at.replace(tzinfo=dt.UTC).astimezone().strftime("%d-%m-%Y %H:%M")


def _entity(record: str) -> str:
    return "escalation_step" if record == "escalation" else record
