"""``template --contract REF -o FILE.xlsx``: the pre-filled supplier workbook."""

from __future__ import annotations

import argparse

from app.cli.base import Invocation, output_path
from app.services import submissions


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("template", help="write the supplier workbook for a contract")
    parser.add_argument("--contract", required=True, help="contract reference")
    parser.add_argument("-o", "--output", required=True, help="the .xlsx file to write")
    parser.add_argument(
        "--workbook-lang",
        choices=("nl", "en"),
        help="the supplier's language for the workbook, sheet names included (remembered "
        "for the contract; default: as last time, else --lang)",
    )
    parser.set_defaults(handler=run)


def run(inv: Invocation) -> int:
    target = output_path(inv.args.output)
    submissions.write_template_file(
        inv.context(), inv.args.contract, target, lang=inv.args.workbook_lang
    )
    inv.say(inv.text("wb_template_written", contract=inv.args.contract.strip(), path=str(target)))
    return 0
