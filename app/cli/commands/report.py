"""``report --year YYYY [--organisation ORG] [--merge EXPORT…] [--pdf FILE] [--xlsx FILE]
[--json] [--group-into SET]``: the yearly ISV report, optionally merged with other
installations' exports. ``--group-into`` (an extension of the spec) counts the categories
in the other category set too (``acht`` or ``tien-2017``), as the window can.

The figures come from :func:`app.services.reporting.year_report`; the files are written
by :func:`app.services.maintenance.save_report_files` (renderers in :mod:`app.io`)."""

from __future__ import annotations

import argparse

from app.cli.base import Invocation, input_path, output_path
from app.domain.report_figures import SPEC_FIGURES
from app.services import reporting


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("report", help="the yearly ISV report (PDF, Excel, JSON)")
    parser.add_argument("--year", type=int, required=True)
    parser.add_argument("--organisation")
    parser.add_argument("--merge", nargs="+", default=[], metavar="EXPORT")
    parser.add_argument("--pdf")
    parser.add_argument("--xlsx")
    parser.add_argument("--docx", help="the report as a Word document (headings and tables)")
    parser.add_argument(
        "--basis",
        choices=("awarded", "published"),
        default="awarded",
        help="count tenders by award date (default, as the JBR) or by publication date",
    )
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--group-into",
        metavar="SET",
        help="count per category of this category set (tien-2017, acht)",
    )
    parser.set_defaults(handler=run)


def run(inv: Invocation) -> int:
    args = inv.args
    merge = [input_path(p) for p in args.merge]
    pdf = output_path(args.pdf) if args.pdf else None
    xlsx = output_path(args.xlsx) if args.xlsx else None
    docx = output_path(args.docx) if args.docx else None
    ctx = inv.context()
    report = reporting.year_report(
        ctx,
        args.year,
        organisation=args.organisation,
        merge=merge,
        group_into=args.group_into,
        basis=args.basis,
    )
    if pdf is not None or xlsx is not None or docx is not None:
        from app.services.maintenance import save_report_files  # the window's way too

        save_report_files(ctx, report, pdf=pdf, xlsx=xlsx, docx=docx, lang=inv.lang)
    for conflict in report.conflicts:
        inv.error_line(
            inv.text(
                "report_conflict",
                kind=inv.text(f"report_text_kind_{conflict.kind}"),
                ref=conflict.ref or conflict.uid,
                kept=conflict.kept_from,
                other=conflict.other_from,
                fields=", ".join(conflict.fields),
            )
        )
    if args.json:
        inv.emit_json(reporting.report_document(report))
        return 0
    totals = report.totals
    inv.say(
        inv.text(
            "report_summary",
            year=report.year,
            organisation=report.organisation or inv.text("report_all_organisations"),
            **{code: totals[code] for code in SPEC_FIGURES},
        )
    )
    if report.duplicates or len(report.sources) > 1:
        inv.say(
            inv.text(
                "report_merged",
                sources=len(report.sources),
                duplicates=report.duplicates,
                conflicts=len(report.conflicts),
            )
        )
    if report.award_date_unknown:
        inv.say(
            inv.text(
                "report_award_date_unknown",
                count=len(report.award_date_unknown),
                refs=", ".join(t.ref for t in report.award_date_unknown),
            )
        )
    for path in (pdf, xlsx, docx):
        if path is not None:
            inv.say(inv.text("report_written", path=str(path)))
    return 0
