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


INSTRUCTION_TEXT = (
    ("ISV-werkmap voor leveranciers", "ISV workbook for suppliers"),
    ("", ""),
    (
        "Met deze werkmap legt u als leverancier verantwoording af over uw gepaste zorgvuldigheid "
        "(due diligence) volgens de Internationale Sociale Voorwaarden (ISV) van het Rijk.",
        "With this workbook you, the supplier, account for your due diligence under the "
        "International Social Conditions (ISV) of the Dutch central government.",
    ),
    ("", ""),
    (
        "1. Leverancier: controleer de vooraf ingevulde gegevens en vul de rest aan. "
        "De contractreferentie niet wijzigen.",
        "1. Supplier: check the pre-filled data and complete the rest. "
        "Do not change the contract reference.",
    ),
    (
        "2. Keten: één rij per productielocatie in uw keten voor dit contract. Schakel 1 is uw "
        "directe leverancier. Elke Locatie-ID komt één keer voor.",
        "2. Supply chain: one row per production site in your chain for this contract. Tier 1 "
        "is your direct supplier. Each Site ID appears once.",
    ),
    (
        "3. Risico's: één rij per risico uit uw risicoanalyse, met thema, ernst en "
        "waarschijnlijkheid uit de keuzelijsten. Een Locatie-ID moet op het blad Keten staan.",
        "3. Risks: one row per risk from your risk analysis, with theme, severity and "
        "likelihood from the drop-down lists. A Site ID must appear on the Supply chain sheet.",
    ),
    (
        "4. Maatregelen: uw plan van aanpak, één rij per maatregel. Elke Risico-ID moet op het "
        "blad Risico's staan; de einddatum ligt niet vóór de startdatum.",
        "4. Measures: your plan of action, one row per measure. Each Risk ID must appear on the "
        "Risks sheet; the due date is not before the start date.",
    ),
    ("", ""),
    (
        "Datums als 31-12-2026; getallen als 1234,5 of 1234.5. Donkere kolomkoppen zijn "
        "verplicht, lichtere zijn aanvullend. U mag kolommen in een andere volgorde zetten en "
        "de kopjes in het Engels schrijven.",
        "Dates as 31-12-2026; numbers as 1234.5 or 1234,5. Dark column headers are required, "
        "lighter ones optional. You may reorder the columns and write the headers in English.",
    ),
    (
        "Prioriteit: de ernst gaat vóór de waarschijnlijkheid (OESO-richtlijnen): een zeer "
        "ernstig risico heeft altijd hoge prioriteit.",
        "Priority: severity comes before likelihood (OECD Guidelines): a very serious risk is "
        "always high priority.",
    ),
    ("", ""),
    (
        "Stuur de ingevulde werkmap als .xlsx terug aan uw contractmanager, zonder wachtwoord.",
        "Send the filled-in workbook back to your contract manager as .xlsx, without a password.",
    ),
)


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


def _lists_sheet(
    wb: Any, reference: Reference, countries: CountryTable, lang: str
) -> dict[str, str]:
    """The hidden, protected ``Lijsten`` sheet; returns a range formula per group."""
    other = "nl" if lang == "en" else "en"
    groups: dict[str, list[tuple[str, str, str]]] = {
        "theme": [(t.text(lang), t.text(other), t.code) for t in reference.themes],
        "severity": [(x.text(lang), x.text(other), x.code) for x in reference.severity.values],
        "likelihood": [(x.text(lang), x.text(other), x.code) for x in reference.likelihood.values],
        "status": [(x.text(lang), x.text(other), x.code) for x in reference.measure_statuses],
        "country": sorted(
            ((c.name(lang), c.name(other), c.alpha2) for c in countries.all()), key=lambda x: x[0]
        ),
    }
    titles = {
        "theme": ("Thema", "Theme"),
        "severity": ("Ernst", "Severity"),
        "likelihood": ("Waarschijnlijkheid", "Likelihood"),
        "status": ("Status", "Status"),
        "country": ("Land", "Country"),
    }
    ws = wb.create_sheet(LISTS.nl)
    formulas: dict[str, str] = {}
    first_col = 1
    for group, entries in groups.items():
        nl_title, en_title = titles[group]
        heads = (
            en_title if lang == "en" else nl_title,
            nl_title if lang == "en" else en_title,
            "code",
        )
        for offset, text in enumerate(heads):
            set_text(ws.cell(row=1, column=first_col + offset), text)
        for index, entry in enumerate(entries, start=2):
            for offset, text in enumerate(entry):
                set_text(ws.cell(row=index, column=first_col + offset), text)
        from openpyxl.utils import get_column_letter

        letter = get_column_letter(first_col)
        formulas[group] = f"{LISTS.nl}!${letter}$2:${letter}${len(entries) + 1}"
        for offset in range(3):
            ws.column_dimensions[get_column_letter(first_col + offset)].width = 28
        first_col += 4
    ws.sheet_state = "hidden"
    ws.protection.sheet = True
    return formulas


def _validation(ws: Any, column: Column, letter: str, formulas: dict[str, str], lang: str) -> None:
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
    check.error = (
        "Choose a value from the list or within the range."
        if lang == "en"
        else "Kies een waarde uit de lijst of binnen het bereik."
    )
    check.add(area)
    ws.add_data_validation(check)


def _table_sheet(wb: Any, layout: SheetLayout, formulas: dict[str, str], lang: str) -> None:
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(layout.nl)
    for index, column in enumerate(layout.columns, start=1):
        letter = get_column_letter(index)
        _header_cell(ws, 1, index, column.header(lang), column.required)
        _column_style(ws, letter, column)
        _validation(ws, column, letter, formulas, lang)
    ws.row_dimensions[1].height = 30
    ws.freeze_panes = "A2"
    _protect(ws)


def _supplier_sheet(
    wb: Any, data: TemplateData, countries: CountryTable, formulas: dict[str, str]
) -> None:
    from openpyxl.styles import Font, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    lang = data.lang
    ws = wb.create_sheet(SUPPLIER.nl)
    _header_cell(ws, 1, 1, "Item" if lang == "en" else "Gegeven", True)
    _header_cell(ws, 1, 2, "Value" if lang == "en" else "Waarde", True)
    _header_cell(ws, 1, 3, "Notes" if lang == "en" else "Toelichting", False)
    country = countries.get(data.supplier_country)
    prefilled: dict[str, Any] = {
        "name": data.supplier_name,
        "kvk": data.supplier_kvk,
        "country": country.name(lang) if country else data.supplier_country,
        "contract_ref": data.contract_ref,
        "period_from": data.period_from,
        "period_to": data.period_to,
    }
    notes = {
        "text": ("verplicht", "required"),
        "kvk": (
            "8 cijfers; verplicht voor Nederlandse leveranciers",
            "8 digits; required for Dutch suppliers",
        ),
        "country": ("land uit de keuzelijst", "country from the drop-down list"),
        "date": ("datum, bijvoorbeeld 31-12-2026", "date, for example 31-12-2026"),
        "email": ("e-mailadres", "e-mail address"),
    }
    bold = Font(bold=True)
    for row, column in enumerate(SUPPLIER.columns, start=2):
        label = ws.cell(row=row, column=1)
        set_text(label, column.header(lang))
        label.font = bold
        value = ws.cell(row=row, column=2)
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
        nl_note, en_note = notes.get(column.kind, notes["text"])
        set_text(ws.cell(row=row, column=3), en_note if lang == "en" else nl_note)
        if column.kind == "country":
            check = DataValidation(
                type="list",
                formula1=f"={formulas['country']}",
                allow_blank=True,
                showErrorMessage=False,
            )
            check.add(f"B{row}")
            ws.add_data_validation(check)
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 40
    ws.column_dimensions["C"].width = 46
    ws.freeze_panes = "A2"
    _protect(ws)


def _instructions_sheet(wb: Any, data: TemplateData) -> None:
    from openpyxl.styles import Alignment

    _bold_white, big = _fonts()
    ws = wb.active
    ws.title = INSTRUCTIONS.nl
    ws.column_dimensions["A"].width = 80
    ws.column_dimensions["B"].width = 80
    for row, (nl, en) in enumerate(INSTRUCTION_TEXT, start=1):
        for col, text in ((1, nl), (2, en)):
            cell = ws.cell(row=row, column=col)
            set_text(cell, text or None)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if row == 1:
                cell.font = big
    last = len(INSTRUCTION_TEXT) + 2
    set_text(ws.cell(row=last, column=1), f"Contract: {data.contract_ref}")
    set_text(ws.cell(row=last, column=2), f"Template: {TEMPLATE_VERSION}")
    ws.protection.sheet = True


def write_template(data: TemplateData, reference: Reference, countries: CountryTable) -> bytes:
    """The pre-filled workbook as .xlsx bytes."""
    from openpyxl import Workbook
    from openpyxl.packaging.custom import StringProperty

    wb = Workbook()
    _instructions_sheet(wb, data)
    # The lists sheet is made first (its ranges feed the drop-downs) and moved last.
    formulas = _lists_sheet(wb, reference, countries, data.lang)
    _supplier_sheet(wb, data, countries, formulas)
    for layout in (SITES, RISKS, MEASURES):
        _table_sheet(wb, layout, formulas, data.lang)
    lists = wb[LISTS.nl]
    wb.move_sheet(lists, offset=len(wb.sheetnames) - 1 - wb.sheetnames.index(LISTS.nl))
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
