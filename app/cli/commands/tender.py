"""``tender add``: register a tender and, with ``--isv``, its ISV decision."""

from __future__ import annotations

import argparse

from app import locator
from app.cli.base import Invocation, parse_amount, parse_date
from app.domain.applicability import NOTES, applicability
from app.domain.errors import ValidationError
from app.domain.tenderned import normalise_cpv_list
from app.domain.values import IsvDecision
from app.services import registry


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("tender", help="tenders")
    actions = parser.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="register a tender")
    add.add_argument("--ref", required=True)
    add.add_argument("--title", required=True)
    add.add_argument("--category", required=True)
    add.add_argument(
        "--kind",
        required=True,
        help="supplies, services, works, social-services (Annex XIV), "
        "defence-supplies, defence-services or defence-works",
    )
    add.add_argument(
        "--value",
        required=True,
        help="estimated value excl. VAT of the whole contract, options and extensions included",
    )
    add.add_argument("--published", required=True)
    add.add_argument("--organisation")
    add.add_argument("--isv", choices=("applied", "not-applied"))
    add.add_argument("--reason")
    add.add_argument(
        "--form", choices=("contract-condition", "minimum-requirement", "award-criterion")
    )
    add.add_argument("--acceptance", choices=("implicit", "explicit"))
    add.add_argument("--cpv", action="append", default=[], help="CPV code, the main code first")
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=run_add)


def run_add(inv: Invocation) -> int:
    args = inv.args
    published = parse_date(args.published, "--published")
    value = parse_amount(args.value, "--value")
    decision = None
    if args.isv is not None:
        decision = IsvDecision(args.isv == "applied", args.reason, args.form, args.acceptance)
    elif args.reason or args.form:
        raise ValidationError("required_field", field="--isv")
    tender = registry.register_tender(
        inv.context(),
        ref=args.ref,
        title=args.title,
        category=args.category,
        kind=args.kind,
        value=value,
        published=published,
        organisation=args.organisation,
        decision=decision,
        cpv=args.cpv,
    )
    verdict = applicability(locator.reference(), args.category, args.kind, value, published)
    notes = [inv.text(r.code, **r.as_dict()) for r in verdict.reasons if r.code in NOTES]
    if args.json:
        inv.emit_json(
            {
                "ref": tender.ref,
                "verdict": tender.verdict,
                "threshold": tender.threshold,
                "threshold_period": tender.threshold_period,
                "category": tender.category_code,
                "category_set": tender.category_set,
                "notes": notes,
                "cpv": list(normalise_cpv_list(args.cpv)),
            }
        )
    else:
        inv.say(f"{tender.ref}: {tender.verdict}")
        for note in notes:
            inv.say(f"- {note}")
    return 0
