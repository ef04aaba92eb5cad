"""Reading a filled-in supplier workbook: refuse what is not safe, forgive what the spec forgives.

The file comes in through the one guarded way into a spreadsheet
(:mod:`app.io.xlsx_guard`: the container, then every sheet counted by a streaming XML
parse before python-calamine reads it). Then, in the workbook's order:

1. the sheets are matched by name (Dutch or English);
2. the ``Leverancier`` sheet is read label by label;
3. each table sheet is read row by row in one plain loop: each column has the one
   validator of its kind (:mod:`app.io.workbook_cells`), and every problem is collected
   with its sheet, row, column and the value found (the first ones of each sheet and
   column in full, the rest counted);
4. the sheets are checked against each other (unknown sites and risks, dates in order)
   and put together: :mod:`app.io.workbook_tables`.

The result is a :class:`~app.domain.submission.Submission` and a list of
:class:`~app.domain.submission.Problem`. An unreadable file raises
:class:`~app.domain.errors.UsageError` with one message code.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from app.domain.countries import CountryTable
from app.domain.errors import ValidationError
from app.domain.progress import Stage, staged
from app.domain.reference import Reference
from app.domain.submission import (
    Problem,
    Submission,
    SupplierBlock,
)
from app.io.workbook_cells import CellError, Rules, as_text, is_empty, validator
from app.io.workbook_layout import (
    MEASURES,
    RISKS,
    SHEETS,
    SITES,
    SUPPLIER,
    Column,
    SheetLayout,
    header_key,
    sheet_name_key,
)
from app.io.workbook_tables import Collector, Table, assemble
from app.io.xlsx_guard import LIMITS, SheetPart, SheetScan, open_workbook
from app.io.xlsx_safe import is_formula_like

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

MAX_FILE_BYTES = LIMITS["supplier"].file_bytes
EMPTY_RUN = 10_000  # this many empty rows in a row end a sheet
TICK = 5_000  # rows between progress reports
# Of each table sheet's share of the work, the part its reading takes: parsing the XML
# (the guard's count, then the parser's) costs several times the checking of its rows.
READ_SHARE = 0.8


@dataclass
class _Sheet:
    layout: SheetLayout
    name: str
    rows: Iterator[list[Any]]  # read as they are taken, each once
    scan: SheetScan


class WorkbookReader:
    """One read of one workbook. Use :func:`read_workbook`."""

    def __init__(
        self,
        reference: Reference,
        countries: CountryTable,
        *,
        expected_contract: str | None,
        contract_period: tuple[dt.date, dt.date] | None,
        progress: Progress | None,
        cancelled: Cancelled | None,
    ) -> None:
        self.rules = Rules.from_reference(reference, countries)
        self.expected_contract = expected_contract
        self.contract_period = contract_period
        self.stages = staged(progress)
        self.cancelled = cancelled
        self.out = Collector()
        self.done = 0  # rows checked of the sheet being read
        self.total = 0  # its rows
        self.part = ""  # its name
        self.span = (0.0, 1.0)  # its checking's slice of the whole read

    # -- the sheets ----------------------------------------------------------------------
    def match_sheets(self, parts: list[SheetPart]) -> dict[str, SheetPart]:
        by_key: dict[str, SheetLayout] = {}
        for layout in SHEETS:
            by_key[sheet_name_key(layout.nl)] = layout
            by_key[sheet_name_key(layout.en)] = layout
        found: dict[str, SheetPart] = {}
        for part in parts:
            match = by_key.get(sheet_name_key(part.name))
            if match is None:
                self.out.add(part.name, 0, "", "", "wb_sheet_ignored", severity="note")
            elif match.key in found:
                self.out.add(part.name, 0, "", "", "wb_sheet_twice", other=found[match.key].name)
            else:
                found[match.key] = part
        for layout in (SUPPLIER, SITES, RISKS, MEASURES):
            if layout.key not in found:
                self.out.add(layout.nl, 0, "", "", "wb_sheet_missing", english=layout.en)
        return found

    def _tick(self, rows: int) -> None:
        self.done += rows
        if self.cancelled is not None and self.cancelled():
            raise ValidationError("cancelled")
        self.stages.stage(Stage("checking", self.done, self.total, self.part), *self.span)

    # -- Leverancier -----------------------------------------------------------------------
    def read_supplier(self, sheet: _Sheet) -> SupplierBlock | None:
        labels: dict[str, Column] = {}
        for column in SUPPLIER.columns:
            labels[header_key(column.nl)] = column
            labels[header_key(column.en)] = column
        values: dict[str, Any] = {}
        places: dict[str, tuple[int, str]] = {}
        ok = True
        for index, cells in enumerate(sheet.rows):
            label = cells[0] if cells else ""
            value = cells[1] if len(cells) > 1 else ""
            if is_empty(label):
                continue
            known = labels.get(header_key(as_text(label)))
            number = index + 1
            if known is None:
                if index > 0 and not is_empty(value):
                    self.out.add(
                        sheet.name,
                        number,
                        as_text(label),
                        value,
                        "wb_label_ignored",
                        severity="note",
                        col=1,
                    )
                continue
            if known.field in places:
                self.out.add(
                    sheet.name,
                    number,
                    as_text(label),
                    value,
                    "wb_label_twice",
                    col=2,
                    first=places[known.field][0],
                )
                ok = False
                continue
            places[known.field] = (number, as_text(label))
            ok = (
                self._supplier_value(
                    sheet, number, as_text(label), known, value=value, values=values
                )
                and ok
            )
        for column in SUPPLIER.columns:
            if column.field in places or not column.required:
                continue
            if column.since > 1:  # a workbook of an older version: it may lack the label
                self.out.add(
                    sheet.name,
                    0,
                    column.nl,
                    "",
                    "wb_label_missing_older",
                    severity="warning",
                    english=column.en,
                )
            else:
                self.out.add(sheet.name, 0, column.nl, "", "wb_label_missing", english=column.en)
                ok = False
        invalid_kvk = any(
            p.code == "wb_invalid_kvk" and p.sheet == sheet.name for p in self.out.problems
        )
        for column in SUPPLIER.columns:
            if not column.required or column.since > 1:
                values.setdefault(column.field, None)
        if values.get("country") == "NL" and values["kvk"] is None and not invalid_kvk:
            row, label = places.get("kvk", (0, SUPPLIER.columns[1].nl))
            self.out.add(sheet.name, row, label, "", "wb_kvk_required", col=2 if row else 0)
            ok = False
        start, end = values.get("period_from"), values.get("period_to")
        if start is not None and end is not None and end < start:
            row, label = places["period_to"]
            self.out.add(sheet.name, row, label, end, "wb_end_before_start", col=2, start=start)
            ok = False
        if start is not None and end is not None and self.contract_period is not None:
            first, last = self.contract_period
            if start < first or end > last:
                row, label = places["period_from"]
                self.out.add(
                    sheet.name,
                    row,
                    label,
                    start,
                    "wb_period_outside_contract",
                    severity="warning",
                    col=2,
                    start=first,
                    end=last,
                )
        if not ok or any(c.field not in values for c in SUPPLIER.columns):
            return None
        return SupplierBlock(**values)

    def _supplier_value(
        self,
        sheet: _Sheet,
        number: int,
        label: str,
        column: Column,
        *,
        value: Any,
        values: dict[str, Any],
    ) -> bool:
        if is_empty(value):
            if (number, 2) in sheet.scan.formulas_without_value:
                self.out.add(sheet.name, number, label, "", "wb_formula_no_value", col=2)
                return False
            if column.required:
                self.out.add(sheet.name, number, label, "", "wb_required", col=2)
                return False
            values[column.field] = None
            return True
        try:
            parsed = validator(self.rules, column)(value)
        except CellError as bad:
            self.out.add(sheet.name, number, label, value, bad.code, col=2, **bad.params)
            return False
        if (
            column.field == "contract_ref"
            and self.expected_contract is not None
            and (header_key(parsed) != header_key(self.expected_contract))
        ):
            self.out.add(
                sheet.name,
                number,
                label,
                value,
                "wb_contract_mismatch",
                col=2,
                expected=self.expected_contract,
            )
            return False
        if column.kind == "text":
            self._note_formula_like(sheet.name, number, label, 2, parsed)
        values[column.field] = parsed
        return True

    def _note_formula_like(self, sheet: str, row: int, label: str, col: int, text: str) -> None:
        if is_formula_like(text):
            self.out.add(sheet, row, label, text, "wb_formula_text_kept", severity="note", col=col)

    # -- the tables ------------------------------------------------------------------------
    def _header(self, sheet: _Sheet) -> list[tuple[int, Column, str]] | None:
        """``(index, column, header as found)`` for each known column; problems noted.
        Takes the header row off the sheet's rows."""
        layout = sheet.layout
        wanted: dict[str, Column] = {}
        for column in layout.columns:
            wanted[header_key(column.nl)] = column
            wanted[header_key(column.en)] = column
        header = next(sheet.rows, [])
        mapped: list[tuple[int, Column, str]] = []
        seen: dict[str, int] = {}
        ok = True
        for index, cell in enumerate(header):
            if is_empty(cell):
                continue
            text = as_text(cell)
            known = wanted.get(header_key(text))
            if known is None:
                self.out.add(
                    sheet.name, 1, text, text, "wb_column_ignored", severity="note", col=index + 1
                )
                continue
            if known.field in seen:
                self.out.add(
                    sheet.name,
                    1,
                    text,
                    text,
                    "wb_column_twice",
                    col=index + 1,
                    first=_column_letter(seen[known.field] + 1),
                )
                ok = False
                continue
            seen[known.field] = index
            mapped.append((index, known, text))
        for column in layout.columns:
            if column.field in seen or not column.required:
                continue
            if column.since > 1:  # a workbook of an older version: it may lack the column
                self.out.add(
                    sheet.name,
                    1,
                    column.nl,
                    "",
                    "wb_column_missing_older",
                    severity="warning",
                    english=column.en,
                )
            else:
                self.out.add(sheet.name, 1, column.nl, "", "wb_column_missing", english=column.en)
                ok = False
        return mapped if ok else None

    def read_table(self, sheet: _Sheet) -> Table:
        """A table sheet read row by row, each cell by its column's validator."""
        table = Table(sheet.name)
        mapped = self._header(sheet)
        if mapped is None:
            return table
        table.header_ok = True
        checks = []
        for index, column, header in mapped:
            table.places[column.field] = (header, index + 1)
            checks.append(
                (index, column, header, validator(self.rules, column), column.kind == "text")
            )
        columns: dict[str, list[Any]] = {c.field: [] for c in sheet.layout.columns}
        unmapped = [columns[c.field] for c in sheet.layout.columns if c.field not in table.places]
        formulas = sheet.scan.formulas_without_value
        out, name, rows = self.out, sheet.name, sheet.rows
        previous = 0
        for index, cells in enumerate(rows, start=1):
            if not _has_content(cells):
                continue
            number = index + 1
            if index - previous - 1 >= EMPTY_RUN:
                out.add(
                    name,
                    number,
                    "",
                    "",
                    "wb_rows_after_gap_ignored",
                    severity="warning",
                    gap=EMPTY_RUN,
                )
                break
            previous = index
            bad = False
            for col_index, column, header, check, text in checks:
                value = cells[col_index] if col_index < len(cells) else ""
                stored: Any = None
                if is_empty(value):
                    if (number, col_index + 1) in formulas:
                        out.add(name, number, header, "", "wb_formula_no_value", col=col_index + 1)
                        bad = True
                    elif column.required:
                        out.add(name, number, header, "", "wb_required", col=col_index + 1)
                        bad = True
                else:
                    try:
                        stored = check(value)
                    except CellError as error:
                        out.add(
                            name,
                            number,
                            header,
                            value,
                            error.code,
                            col=col_index + 1,
                            **error.params,
                        )
                        bad = True
                    else:
                        if text and is_formula_like(stored):
                            out.add(
                                name,
                                number,
                                header,
                                stored,
                                "wb_formula_text_kept",
                                severity="note",
                                col=col_index + 1,
                            )
                columns[column.field].append(stored)
            for missing in unmapped:
                missing.append(None)
            if bad:
                table.invalid.add(len(table.numbers))
            table.numbers.append(number)
            if len(table.numbers) % TICK == 0:
                self._tick(TICK)
        self._tick(len(table.numbers) % TICK)
        # as tuples: the collector walks a young tuple of plain values once and then
        # leaves it, where it would walk a list again in each older generation
        table.columns = {name: tuple(values) for name, values in columns.items()}
        key_field = sheet.layout.columns[0].field
        header, col = table.places.get(key_field, (sheet.layout.columns[0].nl, 0))
        first: dict[str, int] = {}
        for position, key in enumerate(columns[key_field]):
            if key is None:
                continue
            seen = first.get(key)
            if seen is None:
                first[key] = table.numbers[position]
            else:
                out.add(
                    name,
                    table.numbers[position],
                    header,
                    key,
                    "wb_duplicate_id",
                    col=col,
                    first=seen,
                )
                table.invalid.add(position)
        return table

    # -- the whole workbook ----------------------------------------------------------------
    def read(self, data: bytes, file_name: str) -> Submission:
        book = open_workbook(data, file_name, "supplier")
        found = self.match_sheets(book.sheets)
        layouts = {"supplier": SUPPLIER, "sites": SITES, "risks": RISKS, "measures": MEASURES}
        keys = [key for key in ("supplier", "sites", "risks", "measures") if key in found]
        slices = _slices(book.archive, [found[key] for key in keys])
        supplier = None
        tables: dict[str, Table] = {}
        for number, key in enumerate(keys):
            if self.cancelled is not None and self.cancelled():
                raise ValidationError("cancelled")
            part = found[key]
            start, end = slices[number]
            self.stages.stage(Stage("reading", number, len(keys), part.name), start, start)
            grid, scan = book.rows(part)
            sheet = _Sheet(layouts[key], part.name, grid, scan)
            checking = start + (end - start) * READ_SHARE
            if key == "supplier":
                supplier = self.read_supplier(sheet)
            else:
                self.done, self.total, self.part = 0, max(scan.last_row - 1, 0), part.name
                self.span = (checking, end)
                self._tick(0)
                tables[key] = self.read_table(sheet)
                self._tick(self.total - self.done)  # empty rows skipped count as checked
            del grid, sheet
        return assemble(self.out, supplier, tables)


def _has_content(row: list[Any]) -> bool:
    for value in row:  # noqa: SIM110  (a plain loop beats any() over a generator here)
        if value != "" and (type(value) is not str or value.strip()):
            return True
    return False


def _slices(archive: zipfile.ZipFile, parts: list[SheetPart]) -> list[tuple[float, float]]:
    """Each sheet's slice of the whole read, in proportion to its unpacked size (known
    from the zip's directory before anything is parsed), so the bar moves evenly."""
    sizes = []
    for part in parts:
        try:
            sizes.append(max(archive.getinfo(part.part).file_size, 1))
        except KeyError:  # the guard refuses the sheet when it is read
            sizes.append(1)
    whole = sum(sizes) or 1
    slices, at = [], 0
    for size in sizes:
        slices.append((at / whole, (at + size) / whole))
        at += size
    return slices


def _column_letter(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def read_workbook(
    data: bytes,
    *,
    file_name: str,
    reference: Reference,
    countries: CountryTable,
    expected_contract: str | None = None,
    contract_period: tuple[dt.date, dt.date] | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> tuple[Submission, list[Problem]]:
    """Read a supplier workbook's bytes: its submission and every problem found.

    Raises :class:`UsageError` (one message code, parameter ``name``) for a file that is
    not a readable, safe .xlsx; ``ValidationError("cancelled")`` when ``cancelled()``
    turns true. ``expected_contract`` is the contract the workbook is imported into, and
    ``contract_period`` its start and end (a reporting period outside it is a warning).
    """
    reader = WorkbookReader(
        reference,
        countries,
        expected_contract=expected_contract,
        contract_period=contract_period,
        progress=progress,
        cancelled=cancelled,
    )
    submission = reader.read(data, file_name)
    return submission, reader.out.finish()
