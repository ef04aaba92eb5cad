"""The supplier's workbook sent back with every problem marked (openpyxl).

Each problem cell gets a fill (red for an error, amber for a warning, blue for a note)
and a comment with the message in Dutch and English; a first sheet lists the problems
(as bounded as the check keeps them). The data sheets are rebuilt from their values
through the guarded reader, so no formula of the supplier's file is carried over and
every text cell is literal text (:mod:`app.io.xlsx_safe`).
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
HEADINGS = (
    ("Soort", "Kind"),
    ("Blad", "Sheet"),
    ("Rij", "Row"),
    ("Kolom", "Column"),
    ("Gevonden", "Found"),
    ("Melding", "Message"),
    ("Melding (Engels)", "Message (English)"),
)
WIDTHS = (14, 16, 8, 22, 30, 70, 70)


def _messages(problem: Problem, catalog: Catalog) -> tuple[str, str]:
    params = dict(problem.params)
    return catalog.text(problem.code, "nl", **params), catalog.text(problem.code, "en", **params)


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
    kinds = {
        "error": ("Fout", "Error"),
        "warning": ("Waarschuwing", "Warning"),
        "note": ("Opmerking", "Note"),
    }
    ordered = sorted(problems, key=lambda p: (-RANK.get(p.severity, 0), p.sheet, p.row, p.col))
    for index, problem in enumerate(ordered, start=2):
        nl, en = _messages(problem, catalog)
        kind_nl, kind_en = kinds.get(problem.severity, (problem.severity, problem.severity))
        values: tuple[Any, ...] = (
            f"{kind_nl} / {kind_en}",
            problem.sheet,
            problem.row or None,
            problem.column,
            problem.value,
            nl,
            en,
        )
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=index, column=col)
            if isinstance(value, str):
                set_text(cell, value)
            else:
                cell.value = value
            cell.alignment = Alignment(wrap_text=col >= 5, vertical="top")
        ws.cell(row=index, column=1).fill = PatternFill(
            "solid", fgColor=FILLS.get(problem.severity, "FFFFFF")
        )
    if not problems:
        set_text(ws.cell(row=2, column=6), "Geen problemen gevonden.")
        set_text(ws.cell(row=2, column=7), "No problems found.")
    for col, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[chr(64 + col)].width = width
    ws.freeze_panes = "A2"
    wb.active = 0


def feedback_bytes(data: bytes, name: str, problems: list[Problem], catalog: Catalog) -> bytes:
    """The workbook ``data`` rebuilt from its values with ``problems`` marked, and a first
    sheet listing them.

    Only the data sheets the reader checks are copied, read through the same guard and
    limits as the check (a sheet the reader ignores is never walked); the formatting is
    dropped. Time and memory are bounded by the check's own limits.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    from app.io.workbook_layout import SHEETS, TABLES, sheet_name_key
    from app.io.xlsx_guard import open_workbook
    from app.io.xlsx_safe import clean_xml_text, is_formula_like

    data_keys = {sheet_name_key(layout.nl): layout.key for layout in (*TABLES, SHEETS[1])}
    data_keys.update({sheet_name_key(layout.en): layout.key for layout in (*TABLES, SHEETS[1])})
    by_cell: dict[tuple[str, int, int], list[Problem]] = defaultdict(list)
    for problem in problems:
        if problem.row > 0 and problem.col > 0:
            by_cell[(problem.sheet, problem.row, problem.col)].append(problem)

    listing = Workbook()
    _problem_sheet(listing, problems, catalog)
    wb = Workbook(write_only=True)
    target = wb.create_sheet(listing.worksheets[0].title)
    for row in listing.worksheets[0].iter_rows(values_only=True):
        target.append([_safe_cell(target, v) for v in row])

    book = open_workbook(data, name, "supplier")
    copied: set[str] = set()
    for part in book.sheets:
        key = data_keys.get(sheet_name_key(part.name))
        if key is None or key in copied:
            continue
        copied.add(key)
        ws = wb.create_sheet(part.name)
        grid, _scan = book.rows(part)
        for number, values in enumerate(grid, start=1):
            cells: list[Any] = []
            for col, value in enumerate(values, start=1):
                found = by_cell.get((part.name, number, col))
                if found is None:
                    if value == "":
                        cells.append(None)
                    elif type(value) is str:
                        text = clean_xml_text(value)
                        cells.append(_safe_cell(ws, text) if is_formula_like(text) else text)
                    else:
                        cells.append(value)
                    continue
                cell = WriteOnlyCell(ws)
                if isinstance(value, str):
                    set_text(cell, value or None)
                else:
                    cell.value = value
                worst = max(found, key=lambda p: RANK.get(p.severity, 0))
                cell.fill = PatternFill("solid", fgColor=FILLS.get(worst.severity, "FFFFFF"))
                cell.comment = Comment(
                    "\n\n".join("\n".join(_messages(p, catalog)) for p in found)[:30_000],
                    "ISV-assistent",
                )
                cells.append(cell)
            ws.append(cells)
        del grid
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _safe_cell(ws: Any, value: Any) -> Any:
    from app.io.xlsx_safe import text_cell

    return text_cell(ws, value) if isinstance(value, str) else value
