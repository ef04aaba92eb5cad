"""``tender add``: register a tender and, with ``--isv``, its ISV decision; ``tender
list`` and ``tender correct`` (version 2)."""

from __future__ import annotations

import argparse

from app import locator
from app.cli.base import Invocation, parse_date
from app.cli.records import add_accept_warning, report_change, shown, withdrawn_suffix
from app.domain.amounts import parse_amount
from app.domain.applicability import NOTES, applicability
from app.domain.decision import corrected_decision
from app.domain.errors import ValidationError
from app.domain.formatting import format_date
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
    add.add_argument("--awarded", help="the award date")
    add.add_argument(
        "--not-applied-reason",
        metavar="CODE",
        help="reason code for not applying the ISV (categories --reasons lists them)",
    )
    add.add_argument(
        "--text-source",
        choices=("generated", "official", "own"),
        help="which ISV text the tender used",
    )
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=run_add)
    register_v2(actions)


def run_add(inv: Invocation) -> int:
    args = inv.args
    published = parse_date(args.published, "--published")
    value = parse_amount(args.value, "--value")
    awarded = parse_date(args.awarded, "--awarded") if args.awarded else None
    decision = None
    if args.isv is not None:
        decision = IsvDecision(
            args.isv == "applied",
            args.reason,
            args.form,
            args.acceptance,
            reason_code=args.not_applied_reason,
            text_source=args.text_source,
        )
    elif args.reason or args.form or args.not_applied_reason or args.text_source:
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
        awarded=awarded,
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
                "awarded": tender.awarded,
                "notes": notes,
                "cpv": list(normalise_cpv_list(args.cpv)),
            }
        )
    else:
        inv.say(f"{tender.ref}: {inv.text('check_headline_' + tender.verdict)}")
        for note in notes:
            inv.say(f"- {note}")
    return 0


# -- version 2: list and correct ----------------------------------------------------------


def register_v2(actions: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    listing = actions.add_parser("list", help="list the tenders")
    listing.add_argument("--year", type=int, metavar="YYYY")
    listing.add_argument("--withdrawn", action="store_true", help="also withdrawn tenders")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=run_list)
    correct = actions.add_parser("correct", help="correct a tender or its ISV decision")
    correct.add_argument("tender", metavar="REF")
    correct.add_argument("--reason", required=True, metavar="TEXT", help="why it is corrected")
    correct.add_argument("--ref", help="a new reference")
    correct.add_argument("--title")
    correct.add_argument("--category")
    correct.add_argument("--kind")
    correct.add_argument("--value")
    correct.add_argument("--published")
    correct.add_argument("--organisation")
    correct.add_argument("--isv", choices=("applied", "not-applied"))
    correct.add_argument("--explanation", help="the ISV explanation (tender add's --reason)")
    correct.add_argument(
        "--form", choices=("contract-condition", "minimum-requirement", "award-criterion")
    )
    correct.add_argument("--acceptance", choices=("implicit", "explicit"))
    correct.add_argument("--cpv", action="append", help="CPV code, the main code first")
    correct.add_argument("--awarded", help="the award date")
    correct.add_argument(
        "--not-applied-reason",
        metavar="CODE",
        help="reason code for not applying the ISV (categories --reasons lists them)",
    )
    correct.add_argument(
        "--text-source",
        choices=("generated", "official", "own"),
        help="which ISV text the tender used",
    )
    add_accept_warning(correct)
    correct.add_argument("--json", action="store_true")
    correct.set_defaults(handler=run_correct)


def run_list(inv: Invocation) -> int:
    tenders = registry.list_tenders(inv.context(), inv.args.year, withdrawn=inv.args.withdrawn)
    if inv.args.json:
        inv.emit_json(
            [
                {
                    "id": t.id,
                    "ref": t.ref,
                    "title": t.title,
                    "organisation": t.organisation,
                    "category": t.category_code,
                    "kind": t.kind,
                    "value": t.value,
                    "published": t.published,
                    "verdict": t.verdict,
                    "isv_applied": t.decision.applied if t.decision else None,
                    "version": t.version,
                    "withdrawn": t.withdrawn_reason is not None,
                    "withdrawn_reason": t.withdrawn_reason,
                }
                for t in tenders
            ]
        )
        return 0
    if not tenders:
        inv.say(inv.text("list_empty"))
    for t in tenders:
        inv.say(
            f"{t.ref}  {format_date(t.published, inv.lang)}  {t.title}  "
            f"{shown(t.value, inv)}{withdrawn_suffix(inv, t.withdrawn_reason)}"
        )
    return 0


def run_correct(inv: Invocation) -> int:
    from app.services import records

    args = inv.args
    ctx = inv.context()
    decision = None
    decided = (args.isv, args.explanation, args.form, args.acceptance)
    if any(decided) or args.not_applied_reason or args.text_source:
        current = registry.get_tender(ctx, args.tender).decision
        applied = (args.isv == "applied") if args.isv is not None else None
        if applied is None:
            if current is None:
                raise ValidationError("required_field", field="--isv")
            applied = current.applied
        given = {
            "reason": args.explanation,
            "form": args.form,
            "acceptance": args.acceptance,
            "reason_code": args.not_applied_reason,
            "text_source": args.text_source,
        }
        decision = corrected_decision(
            current, applied, {k: v for k, v in given.items() if v is not None}
        )
    change = records.correct_tender(
        ctx,
        args.tender,
        reason=args.reason,
        expected_version=None,  # one command reads and writes the current record
        accept_warning=args.accept_warning,
        new_ref=args.ref,
        title=args.title,
        organisation=args.organisation,
        category=args.category,
        kind=args.kind,
        value=parse_amount(args.value, "--value") if args.value is not None else None,
        published=parse_date(args.published, "--published") if args.published else None,
        decision=decision,
        cpv=args.cpv,
        awarded=parse_date(args.awarded, "--awarded") if args.awarded else None,
    )
    return report_change(inv, change)
