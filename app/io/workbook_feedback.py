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
HEADINGS = (
    ("Soort", "Kind"),
    ("Blad", "Sheet"),
    ("Rij", "Row"),
    ("Kolom", "Column"),
    ("Gevonden", "Found"),
    ("Melding", "Message (NL)"),
    ("Message", "Message (EN)"),
)
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


def _rebuilt(data: bytes, problems: list[Problem], catalog: Catalog) -> bytes:
    """A large workbook, rebuilt from its values in openpyxl's write-only mode.

    Loading a large workbook whole into openpyxl costs minutes and gigabytes; this keeps
    the values, marks the problem cells and drops the formatting. Only the data sheets
    the reader checked are copied (their size is known to be bounded).
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill
    from python_calamine import CalamineWorkbook

    from app.io.workbook_layout import SHEETS, TABLES, sheet_name_key
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

    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    copied: set[str] = set()
    for name in book.sheet_names:
        key = data_keys.get(sheet_name_key(name))
        if key is None or key in copied:
            continue
        copied.add(key)
        ws = wb.create_sheet(name)
        grid = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        for number, values in enumerate(grid, start=1):
            cells: list[Any] = []
            for col, value in enumerate(values, start=1):
                found = by_cell.get((name, number, col))
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


FULL_COPY_LIMIT = 1024 * 1024  # larger files are rebuilt from their values


def feedback_bytes(data: bytes, problems: list[Problem], catalog: Catalog) -> bytes:
    """The workbook ``data`` with ``problems`` marked, and a first sheet listing them.

    Up to :data:`FULL_COPY_LIMIT` bytes the supplier's own workbook is kept with its
    layout; larger ones are rebuilt from their values (bounded time and memory).
    """
    if len(data) > FULL_COPY_LIMIT:
        return _rebuilt(data, problems, catalog)
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data), data_only=True)
    _neutralise(wb)
    _mark_cells(wb, problems, catalog)
    _problem_sheet(wb, problems, catalog)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
