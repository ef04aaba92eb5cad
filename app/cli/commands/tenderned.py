"""``tenderned import``, ``tenderned adopt`` and ``tenderned dismiss`` (spec/cli.md v2)."""

from __future__ import annotations

import argparse

from app.cli.base import Invocation, input_path
from app.domain.formatting import format_date, format_money


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("tenderned", help="TenderNed's open data")
    actions = parser.add_subparsers(dest="action", required=True)
    read = actions.add_parser("import", help="read a release package or the XLSX workbook")
    read.add_argument("file")
    read.add_argument("--organisation", action="extend", nargs="+", default=[])
    read.add_argument("--dry-run", action="store_true")
    read.add_argument("--json", action="store_true")
    read.set_defaults(handler=run_import)
    adopt = actions.add_parser("adopt", help="take reviewed notices into the register")
    adopt.add_argument("ocids", nargs="+", metavar="OCID")
    adopt.add_argument("--category")
    adopt.add_argument("--json", action="store_true")
    adopt.set_defaults(handler=run_adopt)
    dismiss = actions.add_parser("dismiss", help="mark notices not relevant")
    dismiss.add_argument("ocids", nargs="+", metavar="OCID")
    dismiss.add_argument("--reason", required=True)
    dismiss.set_defaults(handler=run_dismiss)


def run_import(inv: Invocation) -> int:
    from app.services import tenderned

    args = inv.args
    path = input_path(args.file)
    result = tenderned.import_open_data(
        inv.context(), path, args.organisation, dry_run=args.dry_run
    )
    if args.json:
        inv.emit_json(
            {
                "status": "dry-run" if result.dry_run else "imported",
                "counts": result.counts(),
                "missing_columns": list(result.missing_columns),
                "review": [row.as_json() for row in result.review],
            }
        )
        return 0
    counts = result.counts()
    inv.say(
        inv.text(
            "tn_import_done",
            read=counts["read"],
            procedures=counts["for_organisation"],
            new=counts["new"],
            known=counts["known"],
            changed=result.changed,
            review=counts["review"],
        )
    )
    if result.missing_columns:
        inv.say(inv.text("tn_columns_absent", columns=", ".join(result.missing_columns)))
    ctx = inv.context()
    for row in result.review:
        category = ctx.reference.find_category(row.category_suggested or "", row.published)
        parts = (
            row.ocid,
            format_date(row.published, inv.lang) if row.published else "-",
            category.name(inv.lang) if category else inv.text("tn_no_category"),
            format_money(row.value, inv.lang) if row.value is not None else "-",
            inv.text(f"tn_on_record_{row.on_record}"),
            row.title,
        )
        inv.say("  " + "  ".join(parts))
    if result.dry_run:
        inv.say(inv.text("tn_import_dry_run"))
    return 0


def run_adopt(inv: Invocation) -> int:
    from app.services import tenderned

    # one command reads and writes the current notices: no earlier view to compare with
    adopted = tenderned.adopt(
        inv.context(), inv.args.ocids, inv.args.category, expected_versions=None
    )
    if inv.args.json:
        inv.emit_json(
            [
                {
                    "ocid": a.ocid,
                    "tender": a.tender_ref,
                    "contract": a.contract_ref,
                    "linked": a.linked,
                    "end_assumed": a.end_assumed.isoformat() if a.end_assumed else None,
                }
                for a in adopted
            ]
        )
        return 0
    ctx = inv.context()
    for a in adopted:
        inv.say(tenderned.adopted_text(ctx, a))
    return 0


def run_dismiss(inv: Invocation) -> int:
    from app.services import tenderned

    count = tenderned.dismiss(
        inv.context(), inv.args.ocids, inv.args.reason, expected_versions=None
    )
    inv.say(inv.text("tn_dismissed", count=count))
    return 0
