"""The supplier's workbook sent back with every problem marked (openpyxl).

Each problem cell gets a fill (red for an error, amber for a warning, blue for a note)
and a comment with the message in Dutch and English; a first sheet lists all problems.
The workbook is opened with cached values only (``data_only``), so no formula of the
supplier's file is carried over, and every text cell is rewritten through
:func:`app.io.xlsx_safe.set_text`: text that looks like a formula stays text.
Only files the reader accepted come here, so the container is already known to be safe.
"""

from __future__ import annotations

import io
from collections import defaultdict
from typing import Any

from app.domain.messages import Catalog
from app.domain.submission import Problem
from app.io.xlsx_safe import set_text

FILLS = {"error": "FFC7CE", "warning": "FFEB9C", "note": "DDEBF7"}
RANK = {"error": 3, "warning": 2, "note": 1}
SHEET_NL, SHEET_EN = "Problemen", "Problems"
HEADINGS = (("Soort", "Kind"), ("Blad", "Sheet"), ("Rij", "Row"), ("Kolom", "Column"),
            ("Gevonden", "Found"), ("Melding", "Message (NL)"), ("Message", "Message (EN)"))
WIDTHS = (14, 16, 8, 22, 30, 70, 70)


def _messages(problem: Problem, catalog: Catalog) -> tuple[str, str]:
    params = dict(problem.params)
    return catalog.text(problem.code, "nl", **params), catalog.text(problem.code, "en", **params)


def _neutralise(wb: Any) -> None:
    """Every text cell written back as literal text (never a formula)."""
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    set_text(cell, cell.value)


def _problem_sheet(wb: Any, problems: list[Problem], catalog: Catalog) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    title = SHEET_NL
    number = 2
    while title in wb.sheetnames:
        title = f"{SHEET_NL} {number}"
        number += 1
    ws = wb.create_sheet(title, 0)
    bold = Font(bold=True)
    for col, (nl, en) in enumerate(HEADINGS, start=1):
        cell = ws.cell(row=1, column=col)
        set_text(cell, f"{nl} / {en}" if nl != en else nl)
        cell.font = bold
    kinds = {"error": ("Fout", "Error"), "warning": ("Waarschuwing", "Warning"),
             "note": ("Opmerking", "Note")}
    ordered = sorted(problems, key=lambda p: (-RANK.get(p.severity, 0), p.sheet, p.row, p.col))
    for index, problem in enumerate(ordered, start=2):
        nl, en = _messages(problem, catalog)
        kind_nl, kind_en = kinds.get(problem.severity, (problem.severity, problem.severity))
        values: tuple[Any, ...] = (f"{kind_nl} / {kind_en}", problem.sheet, problem.row or None,
                                   problem.column, problem.value, nl, en)
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=index, column=col)
            if isinstance(value, str):
                set_text(cell, value)
            else:
                cell.value = value
            cell.alignment = Alignment(wrap_text=col >= 5, vertical="top")
        ws.cell(row=index, column=1).fill = PatternFill(
            "solid", fgColor=FILLS.get(problem.severity, "FFFFFF"))
    if not problems:
        set_text(ws.cell(row=2, column=6), "Geen problemen gevonden.")
        set_text(ws.cell(row=2, column=7), "No problems found.")
    for col, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[chr(64 + col)].width = width
    ws.freeze_panes = "A2"
    wb.active = 0


def _mark_cells(wb: Any, problems: list[Problem], catalog: Catalog) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    by_cell: dict[tuple[str, int, int], list[Problem]] = defaultdict(list)
    for problem in problems:
        if problem.row > 0 and problem.col > 0 and problem.sheet in wb.sheetnames:
            by_cell[(problem.sheet, problem.row, problem.col)].append(problem)
    for (sheet, row, col), found in by_cell.items():
        cell = wb[sheet].cell(row=row, column=col)
        worst = max(found, key=lambda p: RANK.get(p.severity, 0))
        cell.fill = PatternFill("solid", fgColor=FILLS.get(worst.severity, "FFFFFF"))
        lines = []
        for problem in found:
            nl, en = _messages(problem, catalog)
            lines.append(f"{nl}\n{en}")
        comment = Comment("\n\n".join(lines)[:30_000], "ISV-assistent")
        comment.width = 320
        comment.height = 40 + 60 * len(found)
        cell.comment = comment


def feedback_bytes(data: bytes, problems: list[Problem], catalog: Catalog) -> bytes:
    """The workbook ``data`` with ``problems`` marked, and a first sheet listing them."""
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data), data_only=True)
    _neutralise(wb)
    _mark_cells(wb, problems, catalog)
    _problem_sheet(wb, problems, catalog)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
