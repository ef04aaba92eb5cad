"""``template --contract REF -o FILE.xlsx``: the pre-filled supplier workbook."""

from __future__ import annotations

import argparse

from app.cli.base import Invocation, output_path
from app.services import submissions


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("template", help="write the supplier workbook for a contract")
    parser.add_argument("--contract", required=True, help="contract reference")
    parser.add_argument("-o", "--output", required=True, help="the .xlsx file to write")
    parser.set_defaults(handler=run)


def run(inv: Invocation) -> int:
    target = output_path(inv.args.output)
    submissions.write_template_file(inv.context(), inv.args.contract, target, lang=inv.lang)
    inv.say(inv.text("wb_template_written", contract=inv.args.contract.strip(), path=str(target)))
    return 0
