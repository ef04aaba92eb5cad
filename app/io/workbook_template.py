"""Writing the blank supplier workbook, pre-filled with the contract's data (openpyxl).

The layout is :mod:`app.io.workbook_layout`; the reader accepts everything this writer
offers (the drop-down values are labels the reader knows). Every text that comes from a
user or supplier goes through :func:`app.io.xlsx_safe.set_text`, so it never becomes a
formula. Header rows are frozen and locked; sheet protection (without a password: it
guards against slips, not people) leaves the data cells editable and rows insertable.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

from app.domain.countries import CountryTable
from app.domain.messages import Catalog
from app.domain.reference import Reference
from app.io.workbook_layout import (
    INSTRUCTIONS,
    LISTS,
    MEASURES,
    RISKS,
    SITES,
    SUPPLIER,
    TEMPLATE_VERSION,
    Column,
    SheetLayout,
)
from app.io.xlsx_safe import set_text

DATA_ROWS = 10_000  # rows that carry drop-downs and checks
DATE_FORMAT = "DD-MM-YYYY"
HEADER_FILL = "1F4E79"
OPTIONAL_FILL = "5B7FA6"
HEADER_FONT = "FFFFFF"


@dataclass(frozen=True)
class TemplateData:
    """What the template is pre-filled with."""

    contract_ref: str
    supplier_name: str
    supplier_kvk: str | None
    supplier_country: str  # ISO alpha-2
    period_from: dt.date
    period_to: dt.date
    lang: str = "nl"


INSTRUCTION_CODES = (
    "wbt_title",
    "wbt_intro",
    "wbt_step_supplier",
    "wbt_step_grievance",
    "wbt_step_sites",
    "wbt_step_risks",
    "wbt_step_risk_place",
    "wbt_step_measures",
    "wbt_required",
    "",  # the required fields per sheet (:func:`_required_lines`)
    "wbt_formats",
    "wbt_priority",
    "wbt_send",
    "wbt_footer",
)
"""The instructions sheet, one paragraph a row: codes of ``resources/messages/
workbook_template.json`` (the one place of the workbook's texts), filled with the sheet
names, the contract and the template version, all as text."""
INSTRUCTIONS_WIDTH = 72  # characters of column A: fits an A4 page within its margins
NOTES_WIDTH = 46  # the supplier sheet's notes column (its width, in Excel's units)
NOTE_LINE = 55  # characters of the notes' smaller font that fit on one line of it
LINE_HEIGHT = 15.0  # points per line of 11-point text


@dataclass(frozen=True)
class _Words:
    """The workbook's texts in its language (and the other one, for the lists)."""

    catalog: Catalog
    lang: str

    def __call__(self, code: str, **params: str) -> str:
        return self.catalog.text(code, self.lang, **params)

    def other(self, code: str) -> str:
        return self.catalog.text(code, OTHER_LANGUAGE[self.lang])


def _required_lines(words: _Words) -> list[str]:
    lang = words.lang
    lines = []
    for layout in (SUPPLIER, SITES, RISKS, MEASURES):
        required = ", ".join(c.header(lang) for c in layout.columns if c.required)
        lines.append(words("wbt_required_sheet", sheet=layout.name(lang), columns=required))
        conditional = [c.header(lang) for c in layout.columns if c.required_without]
        if conditional:
            lines.append(words("wbt_required_without_site", columns=", ".join(conditional)))
    return lines


def _row_height(text: str, width: int) -> float:
    """Enough height for ``text`` wrapped in a column ``width`` characters wide: Excel
    and LibreOffice do not grow a row for wrapped text when printing or converting, so
    without it the lines overprint each other."""
    lines = sum(max(1, -(-len(part) // int(width * 0.95))) for part in text.split("\n"))
    return LINE_HEIGHT * lines + 3


def _fonts() -> tuple[Any, Any]:
    from openpyxl.styles import Font

    return Font(bold=True, color=HEADER_FONT), Font(bold=True, size=14)


def _protect(ws: Any) -> None:
    """Protection without a password, leaving rows, sorting and filtering free."""
    ws.protection.sheet = True
    ws.protection.insertRows = False
    ws.protection.deleteRows = False
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.sort = False
    ws.protection.autoFilter = False


def _header_cell(ws: Any, row: int, col: int, text: str, required: bool) -> None:
    from openpyxl.styles import Alignment, PatternFill, Protection

    bold_white, _big = _fonts()
    cell = ws.cell(row=row, column=col)
    set_text(cell, text)
    cell.font = bold_white
    cell.fill = PatternFill("solid", fgColor=HEADER_FILL if required else OPTIONAL_FILL)
    cell.alignment = Alignment(vertical="center", wrap_text=True)
    cell.protection = Protection(locked=True)


def _column_style(ws: Any, letter: str, column: Column) -> None:
    from openpyxl.styles import Protection

    dimension = ws.column_dimensions[letter]
    dimension.width = column.width
    dimension.protection = Protection(locked=False)
    if column.kind == "date":
        dimension.number_format = DATE_FORMAT
    elif column.kind == "int":
        dimension.number_format = "0"
    elif column.kind == "number":
        dimension.number_format = "0.0"
    elif column.kind in ("text", "key"):
        dimension.number_format = "@"


OTHER_LANGUAGE = {"nl": "en", "en": "nl"}
"""The language shown beside the workbook's own in the drop-down lists."""


def _lists_sheet(
    wb: Any, reference: Reference, countries: CountryTable, words: _Words
) -> dict[str, str]:
    """The hidden, protected ``Lijsten`` sheet; returns a range formula per group."""
    lang = words.lang
    other = OTHER_LANGUAGE[lang]
    groups: dict[str, list[tuple[str, str, str]]] = {
        "theme": [(t.text(lang), t.text(other), t.code) for t in reference.themes],
        "severity": [(x.text(lang), x.text(other), x.code) for x in reference.severity.values],
        "likelihood": [(x.text(lang), x.text(other), x.code) for x in reference.likelihood.values],
        "status": [(x.text(lang), x.text(other), x.code) for x in reference.measure_statuses],
        "grievance": [
            (x.text(lang), x.text(other), x.code) for x in reference.grievance_mechanisms
        ],
        "country": sorted(
            ((c.name(lang), c.name(other), c.alpha2) for c in countries.all()), key=lambda x: x[0]
        ),
    }
    ws = wb.create_sheet(LISTS.name(lang))
    formulas: dict[str, str] = {}
    first_col = 1
    for group, entries in groups.items():
        title = f"wbt_list_{group}"
        heads = (words(title), words.other(title), "code")
        for offset, text in enumerate(heads):
            set_text(ws.cell(row=1, column=first_col + offset), text)
        for index, entry in enumerate(entries, start=2):
            for offset, text in enumerate(entry):
                set_text(ws.cell(row=index, column=first_col + offset), text)
        from openpyxl.utils import get_column_letter

        letter = get_column_letter(first_col)
        formulas[group] = f"{LISTS.name(lang)}!${letter}$2:${letter}${len(entries) + 1}"
        for offset in range(3):
            ws.column_dimensions[get_column_letter(first_col + offset)].width = 28
        first_col += 4
    ws.sheet_state = "hidden"
    ws.protection.sheet = True
    return formulas


def _validation(
    ws: Any, column: Column, letter: str, formulas: dict[str, str], words: _Words
) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    area = f"{letter}2:{letter}{DATA_ROWS + 1}"
    group = "country" if column.kind == "country" else column.kind
    if group in formulas:
        check = DataValidation(
            type="list", formula1=f"={formulas[group]}", allow_blank=True, showErrorMessage=False
        )
    elif column.kind == "int":
        low = int(column.low or 0)
        if column.high is not None:
            check = DataValidation(
                type="whole",
                operator="between",
                formula1=str(low),
                formula2=str(int(column.high)),
                allow_blank=True,
            )
        else:
            check = DataValidation(
                type="whole", operator="greaterThanOrEqual", formula1=str(low), allow_blank=True
            )
    elif column.kind == "number":
        check = DataValidation(
            type="decimal",
            operator="between",
            formula1=str(column.low),
            formula2=str(column.high),
            allow_blank=True,
        )
    else:
        return
    check.error = words("wbt_choose_from_list")
    check.add(area)
    ws.add_data_validation(check)


def _table_sheet(wb: Any, layout: SheetLayout, formulas: dict[str, str], words: _Words) -> None:
    from openpyxl.utils import get_column_letter

    lang = words.lang
    ws = wb.create_sheet(layout.name(lang))
    for index, column in enumerate(layout.columns, start=1):
        letter = get_column_letter(index)
        _header_cell(ws, 1, index, column.marked(lang), column.required)
        _column_style(ws, letter, column)
        _validation(ws, column, letter, formulas, words)
    ws.row_dimensions[1].height = 30
    ws.freeze_panes = "A2"
    _one_page(ws, landscape=True)
    ws.page_setup.fitToHeight = 0  # as many pages down as the rows need, one page wide
    ws.print_title_rows = "1:1"
    _protect(ws)


def _note(words: _Words, column: Column) -> str:
    """The supplier sheet's note beside a field: its own, else its kind's."""
    for code in (f"wbt_note_{column.field}", f"wbt_note_{column.kind}", "wbt_note_text"):
        if words.catalog.has(code):
            note = words(code)
            break
    return words("wbt_required_prefix", note=note) if column.required else note


def _supplier_sheet(
    wb: Any, data: TemplateData, countries: CountryTable, formulas: dict[str, str], words: _Words
) -> None:
    from openpyxl.styles import Alignment, Font, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    lang = data.lang
    ws = wb.create_sheet(SUPPLIER.name(lang))
    _header_cell(ws, 1, 1, words("wbt_head_item"), True)
    _header_cell(ws, 1, 2, words("wbt_head_value"), True)
    _header_cell(ws, 1, 3, words("wbt_head_notes"), False)
    country = countries.get(data.supplier_country)
    prefilled: dict[str, Any] = {
        "name": data.supplier_name,
        "kvk": data.supplier_kvk,
        "country": country.name(lang) if country else data.supplier_country,
        "contract_ref": data.contract_ref,
        "period_from": data.period_from,
        "period_to": data.period_to,
    }
    bold = Font(bold=True)
    for row, column in enumerate(SUPPLIER.columns, start=2):
        label = ws.cell(row=row, column=1)
        set_text(label, column.marked(lang))
        label.font = bold
        label.alignment = Alignment(vertical="top")
        value = ws.cell(row=row, column=2)
        value.alignment = Alignment(vertical="top", wrap_text=column.kind == "text")
        given = prefilled.get(column.field)
        if isinstance(given, dt.date):
            value.value = given
            value.number_format = DATE_FORMAT
        else:
            set_text(value, given)
            if column.kind == "date":
                value.number_format = DATE_FORMAT
            else:
                value.number_format = "@"
        value.protection = Protection(locked=column.field == "contract_ref")
        note = _note(words, column)
        note_cell = ws.cell(row=row, column=3)
        set_text(note_cell, note)
        note_cell.alignment = Alignment(wrap_text=True, vertical="top")
        if len(note) > NOTE_LINE:
            ws.row_dimensions[row].height = _row_height(note, NOTE_LINE)
        if column.kind in ("country", "grievance"):
            check = DataValidation(
                type="list",
                formula1=f"={formulas[column.kind]}",
                allow_blank=True,
                showErrorMessage=False,
            )
            check.add(f"B{row}")
            ws.add_data_validation(check)
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 40
    ws.column_dimensions["C"].width = NOTES_WIDTH
    ws.freeze_panes = "A2"
    ws.print_area = f"A1:C{len(SUPPLIER.columns) + 1}"
    _one_page(ws, landscape=True)
    _protect(ws)


def _instructions_sheet(wb: Any, data: TemplateData, words: _Words) -> None:
    """The instructions in the workbook's language, one paragraph a row, each row as
    high as its wrapped text, set up to print on A4 pages one column wide."""
    from openpyxl.styles import Alignment, Font

    _bold_white, big = _fonts()
    lang = data.lang
    names = {
        "supplier": SUPPLIER.name(lang),
        "sites": SITES.name(lang),
        "risks": RISKS.name(lang),
        "measures": MEASURES.name(lang),
        "contract": data.contract_ref,
        "version": TEMPLATE_VERSION,
    }
    ws = wb.active
    ws.title = INSTRUCTIONS.name(lang)
    ws.column_dimensions["A"].width = INSTRUCTIONS_WIDTH
    required = "\n".join(_required_lines(words))
    paragraphs = [words(code, **names) if code else required for code in INSTRUCTION_CODES]
    for row, text in enumerate(paragraphs, start=1):
        cell = ws.cell(row=row, column=1)
        set_text(cell, text)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if row == 1:
            cell.font = big
            ws.row_dimensions[row].height = 24
        else:
            cell.font = Font(size=11)
            ws.row_dimensions[row].height = _row_height(text, INSTRUCTIONS_WIDTH)
    ws.print_area = f"A1:A{len(paragraphs)}"
    _one_page(ws, landscape=False)
    ws.protection.sheet = True


def _one_page(ws: Any, *, landscape: bool) -> None:
    """Print (and convert to PDF) on one A4 page: the sheet is scaled to fit."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE if landscape else ws.ORIENTATION_PORTRAIT
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1
    ws.page_margins.left = ws.page_margins.right = 0.6
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def write_template(
    data: TemplateData, reference: Reference, countries: CountryTable, catalog: Catalog
) -> bytes:
    """The pre-filled workbook as .xlsx bytes; its texts come from ``catalog``."""
    from openpyxl import Workbook
    from openpyxl.packaging.custom import StringProperty

    words = _Words(catalog, data.lang)
    wb = Workbook()
    _instructions_sheet(wb, data, words)
    # The lists sheet is made first (its ranges feed the drop-downs) and moved last.
    formulas = _lists_sheet(wb, reference, countries, words)
    _supplier_sheet(wb, data, countries, formulas, words)
    for layout in (SITES, RISKS, MEASURES):
        _table_sheet(wb, layout, formulas, words)
    lists = wb[LISTS.name(data.lang)]
    wb.move_sheet(lists, offset=len(wb.sheetnames) - 1 - wb.sheetnames.index(lists.title))
    wb.active = 1
    props = wb.properties
    props.title = "ISV-werkmap / ISV workbook"
    props.subject = f"ISV {data.contract_ref}"[:255]
    props.identifier = data.contract_ref
    props.version = TEMPLATE_VERSION
    props.keywords = f"{TEMPLATE_VERSION}; {data.contract_ref}"
    props.creator = "ISV-assistent"
    props.language = data.lang
    wb.custom_doc_props.append(StringProperty(name="ISV template version", value=TEMPLATE_VERSION))
    wb.custom_doc_props.append(
        StringProperty(name="ISV contract reference", value=data.contract_ref)
    )
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
