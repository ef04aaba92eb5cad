"""``check``: are the ISV mandatory for this category, kind, value and date, and why."""

from __future__ import annotations

import argparse

from app import locator
from app.cli.base import Invocation, parse_amount, parse_date
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
    headline = {
        "mandatory": ("De ISV zijn verplicht.", "The ISV are mandatory."),
        "voluntary_below_threshold": (
            "De ISV zijn niet verplicht (onder de drempel).",
            "The ISV are not mandatory (below the threshold).",
        ),
        "voluntary_outside_categories": (
            "De ISV zijn niet verplicht (buiten de categorieën).",
            "The ISV are not mandatory (outside the categories).",
        ),
        "threshold_unknown": (
            "Onbekend: geen drempelwaarde voor deze datum.",
            "Unknown: no threshold for this date.",
        ),
        "not_in_force": (
            "De ISV waren op deze datum nog niet van kracht.",
            "The ISV were not yet in force on this date.",
        ),
    }[result.verdict.value]
    inv.say(headline[1] if inv.lang == "en" else headline[0])
    for reason in reasons:
        inv.say(f"- {reason}")
    return 0
