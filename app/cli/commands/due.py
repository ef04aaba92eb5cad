"""``due [--within DAYS] [--json]``: what is overdue or falls due within DAYS.

Plans of action, yearly reports, expiring evidence and escalation steps' response
dates of the contracts whose tender applied the ISV, soonest first. JSON: a list of
``{"contract", "kind", "due", "days_left", "overdue", "key"}`` where ``kind`` is
plan-of-action, yearly-report, evidence-expiry or escalation-response, ``days_left`` is
negative when overdue, and ``key`` is the contract year, the evidence id or the
escalation step id (null for a plan of action).
"""

from __future__ import annotations

import argparse

from app.cli.base import Invocation
from app.domain.formatting import format_date
from app.services import dossier


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number of days: {text!r}") from None
    if not 0 <= value <= 36500:
        raise argparse.ArgumentTypeError(f"expected 0 to 36500 days, got {value}")
    return value


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "due",
        help="what is overdue or falls due soon (plans, yearly reports, "
        "expiring evidence, escalation responses)",
    )
    parser.add_argument(
        "--within", type=_days, default=30, metavar="DAYS", help="days ahead to look (default 30)"
    )
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(handler=run)


def run(inv: Invocation) -> int:
    within: int = inv.args.within
    items = dossier.due_items(inv.context(), within=within)
    if inv.args.json:
        inv.emit_json(
            [
                {
                    "contract": i.contract_ref,
                    "kind": i.kind,
                    "due": i.due,
                    "days_left": i.days_left,
                    "overdue": i.overdue,
                    "key": i.key,
                }
                for i in items
            ]
        )
        return 0
    if not items:
        inv.say(inv.text("dossier_due_none", within=within))
        return 0
    for item in items:
        if item.days_left < 0:
            when = inv.text("dossier_due_overdue", days=-item.days_left)
        elif item.days_left == 0:
            when = inv.text("dossier_due_today")
        else:
            when = inv.text("dossier_due_days_left", days=item.days_left)
        what = inv.text(f"dossier_kind_{item.kind}", key=item.key)
        inv.say(f"{format_date(item.due, inv.lang)} ({when})  {item.contract_ref}  {what}")
    return 0
