"""``export --year YYYY -o FILE``: the year's records for a coordinator to ``--merge``."""

from __future__ import annotations

import argparse

from app.cli.base import Invocation, output_path
from app.services import reporting


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("export", help="the year's records for merging elsewhere")
    parser.add_argument("--year", type=int, required=True)
    parser.add_argument("-o", dest="output", required=True, metavar="FILE")
    parser.set_defaults(handler=run)


def run(inv: Invocation) -> int:
    path = reporting.save_export(inv.context(), inv.args.year, output_path(inv.args.output))
    inv.say(inv.text("export_written", year=inv.args.year, path=str(path)))
    return 0
