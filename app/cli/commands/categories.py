"""``categories [--json]``: the ISV risk categories of both sets, with their mapping."""

from __future__ import annotations

import argparse

from app import locator
from app.cli.base import Invocation


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("categories", help="list the ISV risk categories")
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--reasons",
        action="store_true",
        help="list the reason codes for not applying the ISV, with their words",
    )
    parser.set_defaults(handler=run)


def run(inv: Invocation) -> int:
    reference = locator.reference()
    if inv.args.reasons:
        reasons = [{"code": r.code, "nl": r.nl, "en": r.en} for r in reference.not_applied_reasons]
        if inv.args.json:
            inv.emit_json(reasons)
        else:
            for r in reference.not_applied_reasons:
                inv.say(f"{r.code:<36} {r.text(inv.lang)}")
        return 0
    rows = [
        {
            "code": c.code,
            "name_nl": c.name_nl,
            "name_en": c.name_en,
            "set": c.set_id,
            "valid_from": reference.category_set(c.set_id).valid_from.isoformat(),
            "maps_to": list(c.maps_to),
        }
        for c in reference.all_categories()
    ]
    if inv.args.json:
        inv.emit_json(rows)
        return 0
    for cat_set in reference.category_sets:
        confirmed = "" if cat_set.valid_from_confirmed else inv.text("cli_date_not_confirmed")
        inv.say(f"{cat_set.name(inv.lang)}: {cat_set.valid_from.isoformat()}{confirmed}")
        for c in cat_set.categories:
            inv.say(f"  {c.code:<30} {c.name(inv.lang)}  → {', '.join(c.maps_to)}")
    return 0
