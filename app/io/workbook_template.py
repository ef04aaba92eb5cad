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
from app.domain.languages import in_order
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
    (
        "Met deze werkmap legt u als leverancier verantwoording af over uw gepaste zorgvuldigheid "
        "(due diligence) volgens de Internationale Sociale Voorwaarden (ISV) van het Rijk.",
        "With this workbook you, the supplier, account for your due diligence under the "
        "International Social Conditions (ISV) of the Dutch central government.",
    ),
    (
        "1. {supplier}: controleer de vooraf ingevulde gegevens en vul de rest aan. "
        "De contractreferentie niet wijzigen.",
        "1. {supplier}: check the pre-filled data and complete the rest. "
        "Do not change the contract reference.",
    ),
    (
        "Geef daar ook aan of werknemers en omwonenden bij u een klacht kunnen indienen "
        "(klachtenmechanisme: ja, nee of in voorbereiding) en hoe, en welke belanghebbenden "
        "(vakbonden, ngo’s, werknemers) u voor de risicoanalyse raadpleegde, en hoe.",
        "State there too whether workers and communities can raise a complaint with you "
        "(grievance mechanism: yes, no or in preparation) and how, and which stakeholders "
        "(unions, NGOs, workers) you consulted for the risk analysis, and how.",
    ),
    (
        "2. {sites}: één rij per productielocatie in uw keten voor dit contract. Schakel 1 is uw "
        "directe leverancier. Elke Locatie-ID komt één keer voor.",
        "2. {sites}: one row per production site in your chain for this contract. Tier 1 "
        "is your direct supplier. Each Site ID appears once.",
    ),
    (
        "3. {risks}: één rij per risico uit uw risicoanalyse, met thema, ernst en "
        "waarschijnlijkheid uit de keuzelijsten. Een Locatie-ID moet op het blad {sites} staan.",
        "3. {risks}: one row per risk from your risk analysis, with theme, severity and "
        "likelihood from the drop-down lists. A Site ID must appear on the {sites} sheet.",
    ),
    (
        "De risicoanalyse gaat per product en per land: noemt een risico geen Locatie-ID, "
        "vul dan Land en Product of dienst in. Bij een Locatie-ID gelden die van de locatie.",
        "The risk analysis is per product and per country: when a risk names no Site ID, "
        "fill in Country and Product or service. With a Site ID, the site's apply.",
    ),
    (
        "4. {measures}: uw plan van aanpak, één rij per maatregel. Elke Risico-ID moet op het "
        "blad {risks} staan; de einddatum ligt niet vóór de startdatum.",
        "4. {measures}: your plan of action, one row per measure. Each Risk ID must appear on "
        "the {risks} sheet; the due date is not before the start date.",
    ),
    (
        "Verplicht zijn de velden en kolommen met een * achter de naam (ook donkerder "
        "gekleurd); de andere zijn aanvullend. Per blad:",
        "Required are the fields and columns with a * after their name (also in a darker "
        "colour); the others are optional. Per sheet:",
    ),
    ("{required}", "{required}"),
    (
        "Datums als 31-12-2026; getallen als 1234,5 of 1234.5. U mag kolommen in een andere "
        "volgorde zetten en de kopjes in het Engels schrijven.",
        "Dates as 31-12-2026; numbers as 1234.5 or 1234,5. You may reorder the columns and "
        "write the headers in Dutch.",
    ),
    (
        "Prioriteit: de ernst gaat vóór de waarschijnlijkheid (OESO-richtlijnen): een zeer "
        "ernstig risico heeft altijd hoge prioriteit.",
        "Priority: severity comes before likelihood (OECD Guidelines): a very serious risk is "
        "always high priority.",
    ),
    (
        "Stuur de ingevulde werkmap als .xlsx terug aan uw contractmanager, zonder wachtwoord.",
        "Send the filled-in workbook back to your contract manager as .xlsx, without a password.",
    ),
)
"""The instructions, in the workbook's language ({supplier} and the like: the sheet
names, {required}: the required fields per sheet)."""
INSTRUCTIONS_WIDTH = 72  # characters of column A: fits an A4 page within its margins
NOTES_WIDTH = 46  # the supplier sheet's notes column (its width, in Excel's units)
NOTE_LINE = 55  # characters of the notes' smaller font that fit on one line of it
LINE_HEIGHT = 15.0  # points per line of 11-point text


CONDITIONAL_LINE = (
    "  (*) alleen bij een risico zonder Locatie-ID: ",
    "  (*) only for a risk without a Site ID: ",
)


def _required_lines(lang: str) -> list[str]:
    lines = []
    for layout in (SUPPLIER, SITES, RISKS, MEASURES):
        required = [c.header(lang) for c in layout.columns if c.required]
        lines.append(f"• {layout.name(lang)}: " + ", ".join(required))
        conditional = [c.header(lang) for c in layout.columns if c.required_without]
        if conditional:
            lines.append(in_order(lang, CONDITIONAL_LINE) + ", ".join(conditional))
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
    wb: Any, reference: Reference, countries: CountryTable, lang: str
) -> dict[str, str]:
    """The hidden, protected ``Lijsten`` sheet; returns a range formula per group."""
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
    titles = {
        "theme": ("Thema", "Theme"),
        "severity": ("Ernst", "Severity"),
        "likelihood": ("Waarschijnlijkheid", "Likelihood"),
        "status": ("Status", "Status"),
        "grievance": ("Klachtenmechanisme", "Grievance mechanism"),
        "country": ("Land", "Country"),
    }
    ws = wb.create_sheet(LISTS.name(lang))
    formulas: dict[str, str] = {}
    first_col = 1
    for group, entries in groups.items():
        heads = (in_order(lang, titles[group]), in_order(other, titles[group]), "code")
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
    check.error = in_order(
        lang,
        (
            "Kies een waarde uit de lijst of binnen het bereik.",
            "Choose a value from the list or within the range.",
        ),
    )
    check.add(area)
    ws.add_data_validation(check)


def _table_sheet(wb: Any, layout: SheetLayout, formulas: dict[str, str], lang: str) -> None:
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(layout.name(lang))
    for index, column in enumerate(layout.columns, start=1):
        letter = get_column_letter(index)
        _header_cell(ws, 1, index, column.marked(lang), column.required)
        _column_style(ws, letter, column)
        _validation(ws, column, letter, formulas, lang)
    ws.row_dimensions[1].height = 30
    ws.freeze_panes = "A2"
    _one_page(ws, landscape=True)
    ws.page_setup.fitToHeight = 0  # as many pages down as the rows need, one page wide
    ws.print_title_rows = "1:1"
    _protect(ws)


def _supplier_sheet(
    wb: Any, data: TemplateData, countries: CountryTable, formulas: dict[str, str]
) -> None:
    from openpyxl.styles import Alignment, Font, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    lang = data.lang
    ws = wb.create_sheet(SUPPLIER.name(lang))
    _header_cell(ws, 1, 1, in_order(lang, ("Gegeven", "Item")), True)
    _header_cell(ws, 1, 2, in_order(lang, ("Waarde", "Value")), True)
    _header_cell(ws, 1, 3, in_order(lang, ("Toelichting", "Notes")), False)
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
        "text": ("tekst", "text"),
        "kvk": (
            "8 cijfers; verplicht voor Nederlandse leveranciers",
            "8 digits; required for Dutch suppliers",
        ),
        "country": ("land uit de keuzelijst", "country from the drop-down list"),
        "date": ("datum, bijvoorbeeld 31-12-2026", "date, for example 31-12-2026"),
        "email": ("e-mailadres", "e-mail address"),
        "grievance": (
            "ja, nee of in voorbereiding (keuzelijst)",
            "yes, no or in preparation (drop-down list)",
        ),
        "grievance_description": (
            "tekst: hoe werknemers en omwonenden een klacht kunnen indienen",
            "text: how workers and communities can raise a complaint",
        ),
        "stakeholders": (
            "tekst: wie u voor de risicoanalyse raadpleegde (vakbonden, ngo’s …), en hoe",
            "text: whom you consulted for the risk analysis (unions, NGOs …), and how",
        ),
    }
    required = ("Verplicht: ", "Required: ")
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
        note = in_order(lang, notes.get(column.field, notes.get(column.kind, notes["text"])))
        if column.required:
            note = in_order(lang, required) + note
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


def _instructions_sheet(wb: Any, data: TemplateData) -> None:
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
        "required": "\n".join(_required_lines(lang)),
    }
    ws = wb.active
    ws.title = INSTRUCTIONS.name(lang)
    ws.column_dimensions["A"].width = INSTRUCTIONS_WIDTH
    paragraphs = [in_order(lang, pair).format(**names) for pair in INSTRUCTION_TEXT]
    paragraphs.append(f"Contract: {data.contract_ref}    Template: {TEMPLATE_VERSION}")
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
