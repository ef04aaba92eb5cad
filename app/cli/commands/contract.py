"""``contract add``: register an awarded contract with its supplier; ``contract list``
and ``contract correct`` (version 2)."""

from __future__ import annotations

import argparse

from app.cli.base import Invocation, parse_date
from app.cli.records import add_accept_warning, report_change, withdrawn_suffix
from app.domain.amounts import parse_amount
from app.domain.formatting import format_date
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
    add.add_argument(
        "--risk-months",
        type=int,
        metavar="N",
        help="months after the start for the risk analysis (default: with the plan)",
    )
    add_accept_warning(add)
    add.set_defaults(handler=run_add)
    register_v2(actions)


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
        accept_warning=args.accept_warning,
        risk_months=args.risk_months,
    )
    inv.say(
        f"{contract.ref}: {contract.supplier.name} ({contract.supplier.country}), "
        f"{format_date(contract.start, inv.lang)} – {format_date(contract.end, inv.lang)}"
    )
    return 0


# -- version 2: list and correct ----------------------------------------------------------


def register_v2(actions: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    listing = actions.add_parser("list", help="list the contracts")
    listing.add_argument("--tender", metavar="REF")
    listing.add_argument("--withdrawn", action="store_true", help="also withdrawn contracts")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_list)
    correct = actions.add_parser("correct", help="correct a contract")
    correct.add_argument("contract", metavar="REF")
    correct.add_argument("--reason", required=True, metavar="TEXT", help="why it is corrected")
    correct.add_argument("--ref", help="a new reference")
    correct.add_argument("--tender", metavar="REF")
    correct.add_argument("--supplier")
    correct.add_argument("--supplier-country")
    correct.add_argument("--start")
    correct.add_argument("--end")
    correct.add_argument("--value")
    correct.add_argument("--kvk")
    correct.add_argument("--plan-months", type=int)
    correct.add_argument("--report-month", type=int)
    correct.add_argument("--penalty")
    risk = correct.add_mutually_exclusive_group()
    risk.add_argument(
        "--risk-months",
        type=int,
        metavar="N",
        help="months after the start for the risk analysis",
    )
    risk.add_argument(
        "--risk-with-plan",
        action="store_true",
        help="the risk analysis is due with the plan of action again",
    )
    add_accept_warning(correct)
    correct.add_argument("--json", action="store_true")
    correct.set_defaults(handler=run_correct)


def run_list(inv: Invocation) -> int:
    contracts = registry.list_contracts(
        inv.context(), inv.args.tender, withdrawn=inv.args.withdrawn
    )
    if inv.args.json:
        inv.emit_json(
            [
                {
                    "id": c.id,
                    "ref": c.ref,
                    "tender": c.tender_ref,
                    "supplier": c.supplier.name,
                    "supplier_country": c.supplier.country,
                    "start": c.start,
                    "end": c.end,
                    "value": c.value,
                    "version": c.version,
                    "withdrawn": c.withdrawn_reason is not None,
                    "withdrawn_reason": c.withdrawn_reason,
                }
                for c in contracts
            ]
        )
        return 0
    if not contracts:
        inv.say(inv.text("list_empty"))
    for c in contracts:
        inv.say(
            f"{c.ref}  {c.tender_ref}  {c.supplier.name} ({c.supplier.country})  "
            f"{format_date(c.start, inv.lang)} – {format_date(c.end, inv.lang)}"
            f"{withdrawn_suffix(inv, c.withdrawn_reason)}"
        )
    return 0


def run_correct(inv: Invocation) -> int:
    from app.services import records

    args = inv.args
    change = records.correct_contract(
        inv.context(),
        args.contract,
        reason=args.reason,
        expected_version=None,  # one command reads and writes the current record
        accept_warning=args.accept_warning,
        new_ref=args.ref,
        tender_ref=args.tender,
        supplier=args.supplier,
        supplier_country=args.supplier_country,
        kvk=args.kvk,
        start=parse_date(args.start, "--start") if args.start else None,
        end=parse_date(args.end, "--end") if args.end else None,
        value=parse_amount(args.value, "--value") if args.value is not None else None,
        plan_months=args.plan_months,
        report_month=args.report_month,
        penalty=parse_amount(args.penalty, "--penalty") if args.penalty is not None else None,
        risk_months=args.risk_months,
        risk_with_plan=args.risk_with_plan,
    )
    return report_change(inv, change)
