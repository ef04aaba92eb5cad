"""Benchmark: the full yearly report, at the ministry or the stress scale.

Builds a fresh SQLite database with the demo data (``load_demo``, 20,000 tenders over
2019–2026 with contracts, workbooks, evidence, assessments, signals and escalation),
then measures in the same run (medians of several runs; each figure in turns with its
baseline, so that on a shared machine both meet the same load):

- the figures (``reporting.year_report``: gathering the year's records, counting,
  fingerprint) against a plain count of the same year's tenders and active contracts;
- the full report (figures + PDF + Excel) against the sum of its floors: reportlab
  rendering the same number of pages of plain tables plus openpyxl ``write_only``
  writing as many plain cells (target at most 1.5×); and the PDF on its own against the
  plain pages;
- for scale: reportlab rendering plain tables with as many rows as the Excel data
  sheets hold (the traceability rows the Excel adds);
- the Excel against its floor: openpyxl ``write_only`` writing as many cells of plain
  values (numbers and short texts, no styles) as the report's workbook holds.

Run: ``.venv/bin/python tests/benchmarks/bench_report.py [ministry|stress|TENDERS] [YEAR]``
(ministry: 10,000 tenders, 2,000 a year over five years' worth; stress: 20,000, the
default).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def median_time(run: Callable[[], Any], repeat: int = 3) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        began = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - began)
    return statistics.median(times), result


def paired_times(
    run: Callable[[], Any], baseline: Callable[[], Any], repeat: int = 3
) -> tuple[float, Any, float, Any]:
    """Medians of ``run`` and of ``baseline`` timed in turns (run, baseline, run, ...):
    on a shared machine both then meet the same load, so their ratio holds."""
    times: tuple[list[float], list[float]] = ([], [])
    results: list[Any] = [None, None]
    for _ in range(repeat):
        for index, function in enumerate((run, baseline)):
            began = time.perf_counter()
            results[index] = function()
            times[index].append(time.perf_counter() - began)
    return (statistics.median(times[0]), results[0], statistics.median(times[1]), results[1])


def plain_tables_pdf(pages: int, rows_per_page: int = 32) -> bytes:
    """reportlab's plain baseline: ``pages`` pages, each one table of text and numbers."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import PageBreak, SimpleDocTemplate, Table, TableStyle

    story: list[Any] = []
    for page in range(pages):
        data = [["Categorie", "Aanbestedingen", "Verplicht", "Toegepast", "Contracten", "Waarde"]]
        data += [
            [
                f"Categorie {page}-{row}",
                str(row),
                str(row * 2),
                str(row * 3),
                str(row * 4),
                f"{row * 1000:,}",
            ]
            for row in range(rows_per_page - 1)
        ]
        table = Table(data, repeatRows=1)
        table.setStyle(
            TableStyle(
                [("FONTSIZE", (0, 0), (-1, -1), 8), ("GRID", (0, 0), (-1, -1), 0.25, "#999999")]
            )
        )
        story += [table, PageBreak()]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story[:-1])
    return buffer.getvalue()


def plain_cells_xlsx(cells: int, width: int = 15) -> bytes:
    """openpyxl's floor: a ``write_only`` workbook of ``cells`` plain values, in rows of
    ``width`` (two numbers to every short text, no styles)."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Data")
    for row in range(cells // width):
        sheet.append([f"T-{row}-{c}" if c % 3 == 0 else row * c for c in range(width)])
    rest = cells % width
    if rest:
        sheet.append(list(range(rest)))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def cell_count(xlsx: bytes) -> tuple[int, int]:
    """(data rows, cells holding a value) of a workbook: rows of the data sheets (all but
    the first and last sheet, each less its header), cells of every sheet."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(xlsx), read_only=True)
    cells = rows = 0
    for index, sheet in enumerate(book.worksheets):
        data = 0 < index < len(book.worksheets) - 1
        for row in sheet.iter_rows(values_only=True):
            cells += sum(1 for value in row if value is not None)
            rows += data
        rows -= data
    book.close()
    return rows, cells


def page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


SCALES = {"ministry": 10_000, "stress": 20_000}
"""Tenders in the database at each scale."""


def main() -> None:
    scale = sys.argv[1] if len(sys.argv) > 1 else "stress"
    tenders = SCALES[scale] if scale in SCALES else int(scale)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["ISV_ASSISTENT_HOME"] = str(Path(folder) / "home")
        from sqlalchemy import func, select

        from app.io.report_pdf import render_report_pdf
        from app.io.report_xlsx import render_report_xlsx
        from app.persistence import models as m
        from app.services import reporting
        from app.services.context import open_context
        from app.services.demo import load_demo

        ctx = open_context(str(Path(folder) / "bench.sqlite"), lang="nl", actor="bench")
        began = time.perf_counter()
        load_demo(ctx, seed=2026, tenders=tenders)
        print(f"database: {tenders} tenders built in {time.perf_counter() - began:.1f} s")
        year = int(sys.argv[2]) if len(sys.argv) > 2 else dt.date.today().year - 1
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)

        def plain_count() -> tuple[int, int]:
            # the report counts tenders by award date (as the JBR does) and leaves
            # withdrawn records out
            with ctx.db.read() as session:
                awarded = session.scalar(
                    select(func.count())
                    .select_from(m.Tender)
                    .where(
                        m.Tender.awarded >= first,
                        m.Tender.awarded <= last,
                        m.Tender.withdrawn_at.is_(None),
                    )
                )
                active = session.scalar(
                    select(func.count())
                    .select_from(m.Contract)
                    .where(
                        m.Contract.start <= last,
                        m.Contract.end >= first,
                        m.Contract.withdrawn_at.is_(None),
                    )
                )
                return int(awarded or 0), int(active or 0)

        def figures() -> Any:
            return reporting.year_report(ctx, year)

        def full() -> tuple[bytes, bytes]:
            report = reporting.year_report(ctx, year)
            return (
                render_report_pdf(report, ctx.reference, "nl"),
                render_report_xlsx(report, ctx.reference, "nl"),
            )

        # each measured thing alternates with its baseline (see paired_times); the PDF
        # and the workbook are made once first, for their page and cell counts
        figures_time, report, count_time, counts = paired_times(figures, plain_count, repeat=5)
        assert (report.totals["tenders"], report.totals["contracts_active"]) == counts
        pages = page_count(render_report_pdf(report, ctx.reference, "nl"))
        rows, cells = cell_count(render_report_xlsx(report, ctx.reference, "nl"))
        assert rows == len(report.tender_rows) + len(report.contract_rows)
        pdf_time, pdf, baseline_time, baseline = paired_times(
            lambda: render_report_pdf(report, ctx.reference, "nl"), lambda: plain_tables_pdf(pages)
        )
        assert page_count(baseline) == pages
        xlsx_time, xlsx, floor_time, _ = paired_times(
            lambda: render_report_xlsx(report, ctx.reference, "nl"), lambda: plain_cells_xlsx(cells)
        )
        full_time, _, full_baseline_time, _ = paired_times(full, lambda: plain_tables_pdf(pages))

        def floors() -> tuple[bytes, bytes]:
            return plain_tables_pdf(pages), plain_cells_xlsx(cells)

        full_again, _, floors_time, _ = paired_times(full, floors)
        row_pages = -(-rows // 31)
        rows_time, _ = median_time(lambda: plain_tables_pdf(row_pages), repeat=1)
        export_path = Path(folder) / "export.json"
        export_time, _ = median_time(lambda: reporting.save_export(ctx, year, export_path))
        merged_time, merged = median_time(
            lambda: reporting.year_report(ctx, year, merge=[export_path])
        )
        assert merged.totals == report.totals and merged.duplicates > 0
        export_size = export_path.stat().st_size
        ctx.db.dispose()

    print(
        f"year {year}: {counts[0]} tenders awarded, {counts[1]} contracts active, "
        f"{report.totals['risks']} risks; PDF {pages} pages ({len(pdf):,} bytes), "
        f"Excel {rows:,} data rows, {cells:,} cells ({len(xlsx):,} bytes)"
    )
    print(f"plain count (tenders + active contracts)  {count_time * 1000:8.1f} ms")
    print(
        f"figures (year_report)                     {figures_time * 1000:8.1f} ms"
        f"   ratio {figures_time / count_time:6.1f}x the plain count"
    )
    print(f"PDF rendering                             {pdf_time * 1000:8.1f} ms")
    print(f"Excel rendering                           {xlsx_time * 1000:8.1f} ms")
    print(
        f"floor: openpyxl write_only, {cells:,} plain cells {floor_time * 1000:8.1f} ms"
        f"   Excel / floor {xlsx_time / floor_time:5.2f}x"
    )
    print(
        f"baseline: reportlab, {pages} pages of plain tables {baseline_time * 1000:8.1f} ms"
        f" (in turns with the PDF), {full_baseline_time * 1000:.1f} ms (with the full report)"
    )
    print(f"  PDF alone / baseline                    {pdf_time / baseline_time:8.1f}x")
    print(f"full report (figures + PDF + Excel)       {full_time * 1000:8.1f} ms")
    print(f"  full report / plain pages               {full_time / full_baseline_time:8.1f}x")
    print(
        f"floors (plain pages + plain cells)        {floors_time * 1000:8.1f} ms"
        f" (in turns with the full report, {full_again * 1000:.1f} ms)"
    )
    print(
        f"  full report / floors                    {full_again / floors_time:8.2f}x"
        "   (target at most 1.5x)"
    )
    print(f"export of the year ({export_size:,} bytes)   {export_time * 1000:8.1f} ms")
    print(
        f"figures merged with that export           {merged_time * 1000:8.1f} ms"
        f"   ({merged.duplicates:,} duplicates counted once)"
    )
    print(
        f"scale: reportlab, {row_pages} pages of plain tables holding the Excel's {rows:,} "
        f"rows {rows_time * 1000:8.1f} ms; full report / that {full_time / rows_time:5.2f}x"
    )


if __name__ == "__main__":
    main()
