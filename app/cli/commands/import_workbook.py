"""``import FILE --contract REF [--dry-run] [--json] [--feedback FILE.xlsx]``.

Checks a filled-in supplier workbook and imports it as the contract's next submission
version. Exit status: 0 imported (or a passing dry run, or the same file again), 1 the
workbook has errors or the contract is unknown (nothing written), 2 wrong usage or a
file that is not a readable .xlsx, 3 the database cannot be written. With ``--json``
exactly one JSON document goes to standard output (spec/cli.md).

The work is :func:`app.services.submissions.import_workbook` (read and check with
:mod:`app.io.workbook_reader`, store in one transaction with its audit entries).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.base import Invocation, input_path, output_path
from app.domain.errors import IsvError, StorageError, UsageError
from app.domain.submission import Problem, SupplierBlock
from app.services import submissions


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("import", help="check and import a supplier workbook")
    parser.add_argument("file", help="the filled-in .xlsx workbook")
    parser.add_argument("--contract", required=True, help="contract reference")
    parser.add_argument("--dry-run", action="store_true", help="check only, store nothing")
    parser.add_argument("--json", action="store_true", help="one JSON document on stdout")
    parser.add_argument("--feedback", help="write the workbook back with problems marked")
    parser.set_defaults(handler=run)


def _problem_json(inv: Invocation, problem: Problem) -> dict[str, Any]:
    return {
        "sheet": problem.sheet,
        "row": problem.row,
        "column": problem.column,
        "value": problem.value,
        "message": inv.text(problem.code, **dict(problem.params)),
    }


def _problem_line(inv: Invocation, problem: Problem) -> str:
    found = inv.text("wb_found", value=problem.value) if problem.value else ""
    label = inv.text(f"wb_severity_{problem.severity}")
    # a problem of a whole sheet or column has no row (0) or column to name
    place = {
        (True, True): "wb_problem_line",
        (True, False): "wb_problem_line_row",
        (False, True): "wb_problem_line_column",
        (False, False): "wb_problem_line_sheet",
    }[(problem.row > 0, bool(problem.column))]
    line = inv.text(
        place,
        sheet=problem.sheet,
        row=problem.row,
        column=problem.column,
        message=inv.text(problem.code, **dict(problem.params)),
        found=found,
    )
    return f"{label}: {line}"


def _document(
    inv: Invocation,
    status: str,
    check: submissions.CheckResult | None,
    counts: dict[str, int] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    problems = check.problems if check is not None else ()
    document: dict[str, Any] = {
        "status": status,
        "counts": counts
        or (check.counts if check is not None else {"sites": 0, "risks": 0, "measures": 0}),
        "errors": [_problem_json(inv, p) for p in problems if p.severity == "error"],
        "warnings": [_problem_json(inv, p) for p in problems if p.severity == "warning"],
        "notes": [_problem_json(inv, p) for p in problems if p.severity == "note"],
    }
    document.update(extra)
    return document


def _refused(inv: Invocation, exc: IsvError) -> dict[str, Any]:
    """The JSON document for a file or contract that could not be checked at all."""
    status = "unreadable" if isinstance(exc, UsageError) else "invalid"
    message = inv.text(exc.code, **exc.params)
    return {
        "status": status,
        "counts": {"sites": 0, "risks": 0, "measures": 0},
        "errors": [{"sheet": "", "row": 0, "column": "", "value": "", "message": message}],
        "warnings": [],
        "notes": [],
    }


def run(inv: Invocation) -> int:
    args = inv.args
    as_json = bool(args.json)
    feedback: Path | None = None
    try:
        path = input_path(args.file)
        feedback = output_path(args.feedback) if args.feedback else None
        ctx = inv.context()
        if args.dry_run:
            check = submissions.check(ctx, path, args.contract)
            result = None
        else:
            result = submissions.import_workbook(
                ctx, path, args.contract, allow_warnings=True, feedback=feedback
            )
            check = result.check
    except StorageError:
        raise
    except IsvError as exc:
        if as_json:
            inv.emit_json(_refused(inv, exc))
        inv.fail(exc)
        if feedback is not None and exc.code.startswith("wb_"):
            inv.error_line(inv.text("wb_feedback_unavailable"))
        return exc.exit_status

    if feedback is not None and result is None:
        submissions.write_feedback(ctx, path, check, feedback)
    if check.errors:
        status, code = "invalid", 1
    elif result is None:
        status, code = "dry-run", 0
    else:
        status, code = "imported", 0
    extra: dict[str, Any] = {}
    if result is not None and result.version_no is not None:
        extra = {"version": result.version_no, "duplicate": result.status == "duplicate"}
    if as_json:
        inv.emit_json(_document(inv, status, check, **extra))
    else:
        for problem in check.problems:
            inv.say(_problem_line(inv, problem))
    summary = _summary(inv, status, check, result)
    if code != 0:
        inv.error_line(summary)
    elif not as_json:
        _say_passed(inv, summary, check, feedback)
    return code


def _say_passed(
    inv: Invocation, summary: str, check: submissions.CheckResult, feedback: Path | None
) -> None:
    """The human output of a workbook that passed: what was done, and what the supplier
    said about its grievance mechanism and stakeholders."""
    inv.say(summary)
    if check.submission.supplier is not None:
        inv.say(_grievance_line(inv, check.submission.supplier))
    if feedback is not None:
        inv.say(inv.text("wb_feedback_written", path=str(feedback)))


def _grievance_line(inv: Invocation, supplier: SupplierBlock) -> str:
    """What the supplier said about its grievance mechanism and whom it consulted."""
    from app import locator

    code = supplier.grievance_mechanism
    state = (
        inv.text("wb_not_stated")
        if code is None
        else locator.reference().label("grievance_mechanisms", code, inv.lang)
    )
    if supplier.grievance_description:
        state = f"{state} ({supplier.grievance_description})"
    return inv.text(
        "wb_grievance_line", state=state, who=supplier.stakeholders or inv.text("wb_not_stated")
    )


def _summary(
    inv: Invocation,
    status: str,
    check: submissions.CheckResult,
    result: submissions.ImportResult | None,
) -> str:
    counts = check.counts
    if status == "invalid":
        return inv.text(
            "wb_invalid_summary", errors=len(check.errors), warnings=len(check.warnings)
        )
    if status == "dry-run":
        return inv.text("wb_dry_run_ok", **counts)
    assert result is not None
    if result.status == "duplicate":
        return inv.text("wb_duplicate_file", version=result.version_no, contract=check.contract_ref)
    return inv.text("wb_imported", version=result.version_no, contract=check.contract_ref, **counts)
