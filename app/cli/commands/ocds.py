"""``ocds export --year YYYY -o FILE`` (spec/cli.md version 2)."""

from __future__ import annotations

import argparse

from app.cli.base import Invocation, output_path


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("ocds", help="Open Contracting Data Standard")
    actions = parser.add_subparsers(dest="action", required=True)
    export = actions.add_parser("export", help="the year as an OCDS 1.1 release package")
    export.add_argument("--year", type=int, required=True)
    export.add_argument("-o", dest="output", required=True, metavar="FILE")
    export.set_defaults(handler=run_export)


def run_export(inv: Invocation) -> int:
    from app.services import ocds

    path, count = ocds.save_package(inv.context(), inv.args.year, output_path(inv.args.output))
    inv.say(inv.text("ocds_written", year=inv.args.year, count=count, path=str(path)))
    return 0
