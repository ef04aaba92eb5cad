"""``country-risk import FILE [--json]``: the organisation's country-risk table.

Not in spec/cli.md version 1; added because issue 5 asks for the import and the
command line should reach every service. Any problem refuses the whole file; each one is
named with its row and column.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.base import Invocation, input_path
from app.domain.errors import ValidationError
from app.services import follow_up


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("country-risk", help="the organisation's country-risk table")
    actions = parser.add_subparsers(dest="action", required=True)
    load = actions.add_parser("import", help="import a country-risk table (CSV or xlsx)")
    load.add_argument("file")
    load.add_argument("--json", action="store_true")
    load.set_defaults(handler=run_import)


def run_import(inv: Invocation) -> int:
    path: Path = input_path(inv.args.file)
    ctx = inv.context()
    try:
        result = follow_up.import_country_risk(ctx, path)
    except ValidationError as exc:
        problems = exc.params.get("problems") or []
        if inv.args.json:
            inv.emit_json(
                {
                    "status": "invalid",
                    "errors": [
                        {"row": row, "column": column, "value": value, "message": inv.text(code)}
                        for row, column, value, code in problems
                    ],
                }
            )
        else:
            inv.fail(exc)
            for row, column, value, code in problems[1:]:
                line = inv.text(
                    "cli_table_row_problem",
                    row=row,
                    column=column,
                    value=value,
                    problem=inv.text(code),
                )
                inv.error_line(f"  {line}")
        return exc.exit_status
    if inv.args.json:
        inv.emit_json(
            {
                "status": "imported",
                "rows": result.rows,
                "replaced": result.replaced,
                "sources": [list(s) for s in result.sources],
            }
        )
    else:
        replaced = (
            inv.text("country_risk_replaced", replaced=result.replaced) if result.replaced else ""
        )
        inv.say(
            inv.text(
                "country_risk_imported", file=result.file_name, rows=result.rows, replaced=replaced
            )
        )
    return 0
