"""``demo [--seed N] [--tenders N]``: realistic, reproducible demo data."""

from __future__ import annotations

import argparse

from app.cli.base import Invocation
from app.services.demo import load_demo


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("demo", help="fill an empty database with demo data")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--tenders", type=int, default=400)
    parser.add_argument("--risks-per-submission", type=int, default=6, help=argparse.SUPPRESS)
    parser.set_defaults(handler=run)


def run(inv: Invocation) -> int:
    summary = load_demo(
        inv.context(),
        seed=inv.args.seed,
        tenders=inv.args.tenders,
        risks_per_submission=inv.args.risks_per_submission,
    )
    inv.say(
        inv.text(
            "demo_done", tenders=summary.tenders, contracts=summary.contracts, risks=summary.risks
        )
    )
    return 0
