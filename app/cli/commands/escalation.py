"""``escalation add --contract REF --step STEP --date YYYY-MM-DD``: record a rung of the
buyer's escalation ladder (dialogue, external advice, notice of default, penalty,
termination). The ladder runs in its order: a penalty or termination is refused when
earlier rungs were not taken, unless ``--skip-reason`` says why they were skipped, and
never comes without a notice of default before it."""

from __future__ import annotations

import argparse

from app.cli.base import Invocation, parse_date
from app.domain.amounts import parse_amount
from app.domain.followup import ESCALATION_ORDER


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("escalation", help="the buyer's escalation ladder")
    actions = parser.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="record an escalation step")
    add.add_argument("--contract", required=True, metavar="REF")
    add.add_argument("--step", required=True, choices=ESCALATION_ORDER)
    add.add_argument("--date", required=True, help="the day the step was taken")
    add.add_argument("--response-due", help="the date a response is expected")
    add.add_argument("--amount", help="the penalty in euros (default: the contract's)")
    add.add_argument("--note")
    add.add_argument(
        "--skip-reason",
        metavar="TEXT",
        help="why earlier steps of the ladder were skipped (a penalty or termination)",
    )
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=run_add)


def run_add(inv: Invocation) -> int:
    from app.services import signals

    args = inv.args
    step = signals.record_escalation_step(
        inv.context(),
        contract_ref=args.contract,
        step=args.step,
        taken_on=parse_date(args.date, "--date"),
        response_due=parse_date(args.response_due, "--response-due") if args.response_due else None,
        amount=parse_amount(args.amount, "--amount") if args.amount else None,
        note=args.note,
        skip_reason=args.skip_reason,
    )
    if args.json:
        inv.emit_json({"id": step.id, "contract": step.contract_ref, "step": step.step})
    else:
        word = inv.context().reference.label("escalation_steps", step.step, inv.lang)
        inv.say(inv.text("escalation_recorded", id=step.id, step=word))
    return 0
