"""``check``: are the ISV mandatory for this category, kind, value and date, and why."""

from __future__ import annotations

import argparse

from app import locator
from app.cli.base import Invocation, parse_date
from app.domain.amounts import parse_amount
from app.domain.applicability import applicability


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("check", help="are the ISV mandatory?")
    parser.add_argument("--category", required=True)
    parser.add_argument(
        "--kind",
        required=True,
        help="supplies, services, works, social-services (Annex XIV), "
        "defence-supplies, defence-services or defence-works",
    )
    parser.add_argument(
        "--value",
        required=True,
        help="estimated value excl. VAT of the whole contract, options and extensions included",
    )
    parser.add_argument("--date", required=True)
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(handler=run)


def run(inv: Invocation) -> int:
    args = inv.args
    day = parse_date(args.date, "--date")
    value = parse_amount(args.value, "--value")
    result = applicability(locator.reference(), args.category, args.kind, value, day)
    reasons = [inv.text(r.code, **r.as_dict()) for r in result.reasons]
    if args.json:
        inv.emit_json(
            {
                "mandatory": result.mandatory,
                "verdict": result.verdict.value,
                "category": result.category_code,
                "kind": result.kind,
                "value": result.value,
                "date": result.date,
                "threshold": result.threshold,
                "threshold_period": result.threshold_period,
                "reasons": reasons,
            }
        )
        return 0
    inv.say(inv.text(f"check_headline_{result.verdict.value}"))
    for reason in reasons:
        inv.say(f"- {reason}")
    return 0
