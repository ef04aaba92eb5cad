"""``contract add``: register an awarded contract with its supplier."""

from __future__ import annotations

import argparse

from app.cli.base import Invocation, parse_amount, parse_date
from app.services import registry


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("contract", help="contracts")
    actions = parser.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="register an awarded contract")
    add.add_argument("--ref", required=True)
    add.add_argument("--tender", required=True)
    add.add_argument("--supplier", required=True)
    add.add_argument("--supplier-country", required=True)
    add.add_argument("--start", required=True)
    add.add_argument("--end", required=True)
    add.add_argument("--value")
    add.add_argument("--kvk")
    add.add_argument("--plan-months", type=int, default=3)
    add.add_argument("--report-month", type=int, default=3)
    add.add_argument("--penalty")
    add.set_defaults(handler=run_add)


def run_add(inv: Invocation) -> int:
    args = inv.args
    contract = registry.add_contract(
        inv.context(),
        ref=args.ref,
        tender_ref=args.tender,
        supplier=args.supplier,
        supplier_country=args.supplier_country,
        start=parse_date(args.start, "--start"),
        end=parse_date(args.end, "--end"),
        value=parse_amount(args.value, "--value") if args.value else None,
        kvk=args.kvk,
        plan_months=args.plan_months,
        report_month=args.report_month,
        penalty=parse_amount(args.penalty, "--penalty") if args.penalty else None,
    )
    inv.say(
        f"{contract.ref}: {contract.supplier.name} ({contract.supplier.country}), "
        f"{contract.start.isoformat()} – {contract.end.isoformat()}"
    )
    return 0
