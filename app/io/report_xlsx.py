"""The yearly ISV report as an Excel workbook: the figures, and the rows behind them.

Sheets: a summary (every figure, in total and per category, with its definition), then
``write_only`` data sheets with one row per tender, per contract and per risk carrying
the flags (1/0) or counts that produced each figure, so a reader can recount any figure
with a filter and a sum. Every text from a user or supplier goes through
:mod:`app.io.xlsx_safe` and is never a formula. Returns bytes.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from app.domain.formatting import format_date
from app.domain.reference import Reference
from app.domain.report import (
    AS_OF_DEFINITION,
    CONTRACT_FIGURES,
    FIGURE_BY_CODE,
    FIGURES,
    GROUPS,
    MERGE_DEFINITION,
    SDG_DEFINITION,
    STEPS_DEFINITION,
    TENDER_FIGURES,
    YearReport,
)
from app.io.report_words import SHARED_WORDS, word
from app.io.xlsx_safe import clean_xml_text, is_formula_like, set_text

BOLD_FONT = Font(bold=True)
EVERY_CONTRACT = ("contracts_active", "contracts_value", "contracts_isv")
"""Contract figures that apply to every contract; the others only to contracts with ISV
(their cells stay empty on a contract without ISV: not applicable, and a sum skips them)."""

MONEY_FORMAT = '"€" #,##0.00'
DATE_FORMAT = "yyyy-mm-dd"

_T: dict[str, tuple[str, str]] = {
    **SHARED_WORDS,
    "tenders": ("Aanbestedingen", "Tenders"),
    "definitions": ("Definities", "Definitions"),
    "generated": ("Aangemaakt", "Generated"),
    "fingerprint": ("Vingerafdruk gegevens (SHA-256)", "Data fingerprint (SHA-256)"),
    "clause": ("Actuele ISV-tekstversie", "Current ISV text version"),
    "per_category": ("Per categorie", "Per category"),
    "category_code": ("Categoriecode", "Category code"),
    "set": ("Categorieset", "Category set"),
    "ref": ("Referentie", "Reference"),
    "title_col": ("Titel", "Title"),
    "published": ("Publicatiedatum", "Published"),
    "value": ("Geraamde waarde", "Estimated value"),
    "verdict": ("Oordeel verplichting", "Applicability verdict"),
    "applied": ("ISV toegepast", "ISV applied"),
    "form": ("Toepassingsvorm", "Form"),
    "clause_version": ("Tekstversie", "Text version"),
    "reason": ("Reden niet toegepast", "Reason not applied"),
    "tender": ("Aanbesteding", "Tender"),
    "supplier": ("Leverancier", "Supplier"),
    "country": ("Land", "Country"),
    "start": ("Begindatum", "Start"),
    "end": ("Einddatum", "End"),
    "contract_value": ("Contractwaarde", "Contract value"),
    "plan_due": ("Termijn plan van aanpak", "Plan of action due"),
    "first_ra": ("Eerste risicoanalyse ontvangen", "First risk analysis received"),
    "plan_agreed_on": ("Plan afgesproken op", "Plan agreed on"),
    "latest": ("Laatste rapportageversie", "Latest workbook version"),
    "contract": ("Contract", "Contract"),
    "risk_key": ("Risico-ID", "Risk ID"),
    "theme_code": ("Themacode", "Theme code"),
    "priority": ("Prioriteit", "Priority"),
    "sdg": ("SDG-subdoelen", "SDG targets"),
    "sdg_section": ("SDG-subdoelen waaraan wordt bijgedragen", "SDG targets served"),
    "sdg_target": ("Subdoel", "Target"),
    "sdg_contracts": ("Contracten", "Contracts"),
    "sdg_risks": ("Risico's", "Risks"),
    "sdg_signals": ("Signalen", "Signals"),
    "count": ("Aantal", "Number"),
    "yes": ("ja", "yes"),
    "no": ("nee", "no"),
    "none": ("geen besluit", "no decision"),
    "duplicates": ("Dubbele records één keer geteld", "Duplicate records counted once"),
    "escalation": ("Escalatiestap", "Escalation step"),
    "oecd_step": ("OESO-stap", "OECD step"),
    "oecd_section": ("OESO-stappen: contracten met ISV per toestand op de peildatum",
                     "OECD steps: contracts with ISV per state on the reference date"),
    "recount": ("Elk cijfer is de som van zijn kolom op het blad {sheet}.",
                "Each figure is the sum of its column on the sheet {sheet}."),
}


def _t(key: str, lang: str, **params: Any) -> str:
    return word(_T, key, lang, **params)


class _Sheet:
    """A write-only sheet with helpers that keep every text literal.

    This module is imported only when a workbook is written, so openpyxl is imported at
    its top: per-cell imports cost more than the cells on a year of 20,000 tenders."""

    def __init__(self, workbook: Any, title: str, widths: Sequence[int]) -> None:
        self.ws = workbook.create_sheet(title)
        for index, width in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(index)].width = width

    def cell(self, value: Any, *, bold: bool = False, money: bool = False) -> Any:
        if isinstance(value, str):
            cell = WriteOnlyCell(self.ws)
            set_text(cell, value)  # the one rule: literal text, never a formula
        else:
            if isinstance(value, Decimal):
                value = float(value)
            cell = WriteOnlyCell(self.ws, value=value)
            if isinstance(value, dt.date):
                cell.number_format = DATE_FORMAT
            elif money:
                cell.number_format = MONEY_FORMAT
        if bold:
            cell.font = BOLD_FONT
        return cell

    def row(self, values: Sequence[Any], *, bold: bool = False,
            money_columns: Sequence[int] = ()) -> None:
        """Append a row: text, dates, money and bold cells as styled cells; plain numbers
        as they are (openpyxl writes them as numbers)."""
        cells: list[Any] = []
        for index, value in enumerate(values):
            if value is None or (type(value) is int and not bold
                                 and index not in money_columns):
                cells.append(value)
            elif type(value) is str and not bold and not is_formula_like(value):
                # text that cannot start a formula is written as text as it is (openpyxl
                # only treats a leading "=" specially); anything else goes through set_text
                cells.append(clean_xml_text(value))
            else:
                cells.append(self.cell(value, bold=bold, money=index in money_columns))
        self.ws.append(cells)


def _euros(cents: int) -> float:
    return cents / 100


def _figure_value(code: str, value: int) -> float | int:
    return _euros(value) if FIGURE_BY_CODE.get(code) and FIGURE_BY_CODE[code].money else value


def _figure_codes(report: YearReport) -> list[str]:
    codes = [f.code for f in FIGURES]
    codes += [c for c in report.totals if c not in FIGURE_BY_CODE]
    return codes


def _figure_name(code: str, reference: Reference, lang: str) -> str:
    figure = FIGURE_BY_CODE.get(code)
    if figure is not None:
        return figure.name(lang)
    if code.startswith("escalation_"):
        step = reference.label("escalation_steps", code.removeprefix("escalation_"), lang)
        return f"{_t('escalation', lang)}: {step}"
    return code


def render_report_xlsx(report: YearReport, reference: Reference, lang: str = "nl") -> bytes:
    """The workbook's bytes."""
    workbook = Workbook(write_only=True)
    codes = _figure_codes(report)
    _summary(workbook, report, reference, lang, codes)
    _tenders(workbook, report, reference, lang)
    _contracts(workbook, report, reference, lang)
    _risks(workbook, report, reference, lang)
    _definitions(workbook, reference, lang, codes)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _summary(workbook: Any, report: YearReport, reference: Reference, lang: str,
             codes: list[str]) -> None:
    categories = report.categories
    sheet = _Sheet(workbook, _t("summary", lang),
                   [46, 34, 16, *([14] * len(categories)), 90])
    sheet.ws.freeze_panes = "D1"
    sheet.row([_t("title", lang, year=report.year)], bold=True)
    sheet.row([_t("organisation", lang), report.organisation or _t("all", lang)])
    sheet.row([_t("as_of", lang), format_date(report.as_of, lang)])
    sheet.row([_t("generated", lang), report.generated_at.strftime("%Y-%m-%d %H:%M UTC")])
    sheet.row([_t("fingerprint", lang), report.fingerprint])
    sheet.row([_t("clause", lang), report.current_clause_version])
    for source in report.sources:
        sheet.row([_t("sources", lang), f"{source.label} ({source.installation_id})"])
    sheet.row([_t("duplicates", lang), "", report.duplicates])
    sheet.row([_t("conflicts", lang), "", len(report.conflicts)])
    sheet.row([_t("recount", lang, sheet=f"{_t('tenders', lang)} / {_t('contracts', lang)}")])
    sheet.row([])
    header = [_t("figure", lang), _t("code", lang), _t("total", lang),
              *[c.name(lang) for c in categories], _t("definition", lang)]
    sheet.row(header, bold=True)
    group_names = {g: (nl, en) for g, nl, en in GROUPS}
    current_group = None
    for code in codes:
        figure = FIGURE_BY_CODE.get(code)
        group = figure.group if figure else "follow_up"
        if group != current_group:
            current_group = group
            nl, en = group_names[group]
            sheet.row([en if lang == "en" else nl], bold=True)
        money = bool(figure and figure.money)
        values = [_figure_value(code, report.totals.get(code, 0))]
        values += [_figure_value(code, c.figures.get(code, 0)) for c in categories]
        money_cols = tuple(range(2, 3 + len(categories))) if money else ()
        sheet.row([_figure_name(code, reference, lang), code, *values,
                   figure.definition(lang) if figure else ""], money_columns=money_cols)
    sheet.row([])
    sheet.row([_t("oecd_section", lang)], bold=True)
    states = ("not_started", "in_progress", "done", "overdue")
    sheet.row([_t("oecd_step", lang), _t("code", lang), *states], bold=True)
    for step in reference.oecd_steps:
        counts = report.step_states.get(step.code, {})
        sheet.row([f"{step.number}. {step.text(lang)}", f"step_{step.code}",
                   *[counts.get(state, 0) for state in states]])
    sheet.row([_t("definition", lang), STEPS_DEFINITION[1 if lang == "en" else 0]])
    sheet.row([])
    sheet.row([_t("sdg_section", lang)], bold=True)
    sheet.row([_t("sdg_target", lang), _t("code", lang), _t("sdg_contracts", lang),
               _t("sdg_risks", lang), _t("sdg_signals", lang)], bold=True)
    for sdg in report.sdg:
        sheet.row([sdg.name(lang), sdg.target, sdg.contracts, sdg.risks, sdg.signals])
    sheet.row([_t("definition", lang), SDG_DEFINITION[1 if lang == "en" else 0]])
    sheet.row([])
    sheet.row([_t("reasons", lang)], bold=True)
    sheet.row([_t("reason", lang), "", _t("count", lang)], bold=True)
    for reason, count in report.not_applied_reasons:
        sheet.row([reason, "", count])
    sheet.row([])
    sheet.row([_t("as_of", lang), AS_OF_DEFINITION[1 if lang == "en" else 0]])
    if len(report.sources) > 1:
        sheet.row([_t("sources", lang), MERGE_DEFINITION[1 if lang == "en" else 0]])
    if report.conflicts:
        sheet.row([])
        sheet.row([_t("conflicts", lang)], bold=True)
        for conflict in report.conflicts:
            sheet.row([conflict.kind, conflict.ref or conflict.uid, conflict.kept_from,
                       conflict.other_from, ", ".join(conflict.fields)])


def _category_name(reference: Reference, set_id: str | None, code: str, lang: str) -> str:
    if set_id is None:
        return code
    try:
        category = reference.category_set(set_id).get(code)
    except KeyError:
        category = None
    return category.name(lang) if category else code


def _flag_header(code: str, reference: Reference, lang: str) -> str:
    return f"{_figure_name(code, reference, lang)} [{code}]"


def _tenders(workbook: Any, report: YearReport, reference: Reference, lang: str) -> None:
    base = ["ref", "title_col", "organisation", "published", "category_code", "category",
            "set", "kind", "value", "verdict", "applied", "form", "clause_version", "reason"]
    sheet = _Sheet(workbook, _t("tenders", lang),
                   [18, 40, 30, 12, 22, 30, 12, 10, 16, 26, 12, 22, 10, 40,
                    *([14] * len(TENDER_FIGURES))])
    sheet.ws.freeze_panes = "B2"
    sheet.row([_t(k, lang) for k in base]
              + [_flag_header(c, reference, lang) for c in TENDER_FIGURES], bold=True)
    value_index = base.index("value")
    money_cols = (value_index, len(base) + TENDER_FIGURES.index("tenders_value"))
    for row in report.tender_rows:
        t = row.fact
        applied = (_t("none", lang) if t.isv_applied is None
                   else _t("yes" if t.isv_applied else "no", lang))
        form = reference.label("forms", t.form, lang) if t.form else None
        sheet.row([t.ref, t.title, t.organisation, t.published, t.category_code,
                   _category_name(reference, t.category_set, t.category_code, lang),
                   t.category_set, t.kind, _euros(t.value_cents), t.verdict, applied, form,
                   t.clause_version, t.not_applied_reason,
                   *[_figure_value(c, row.flags[c]) for c in TENDER_FIGURES]],
                  money_columns=money_cols)
    sheet.ws.auto_filter.ref = f"A1:{_last_column(len(base) + len(TENDER_FIGURES))}" \
                               f"{len(report.tender_rows) + 1}"


def _contract_codes(report: YearReport) -> list[str]:
    extra = [c for c in report.totals if c not in FIGURE_BY_CODE]
    return list(CONTRACT_FIGURES) + extra


def _contracts(workbook: Any, report: YearReport, reference: Reference, lang: str) -> None:
    base = ["ref", "tender", "supplier", "country", "category_code", "category", "set",
            "start", "end", "contract_value", "plan_due", "first_ra", "plan_agreed_on",
            "latest"]
    codes = _contract_codes(report)
    steps = [s.code for s in reference.oecd_steps]
    sheet = _Sheet(workbook, _t("contracts", lang),
                   [18, 18, 30, 8, 22, 30, 12, 12, 12, 16, 12, 12, 12, 10,
                    *([14] * len(codes)), *([16] * len(steps))])
    sheet.ws.freeze_panes = "B2"
    sheet.row([_t(k, lang) for k in base]
              + [_flag_header(c, reference, lang) for c in codes]
              + [f"{_t('oecd_step', lang)} {s.number}: {s.text(lang)} [step_{s.code}]"
                 for s in reference.oecd_steps], bold=True)
    money_cols = (base.index("contract_value"), len(base) + codes.index("contracts_value"))
    for row in report.contract_rows:
        c = row.fact
        sheet.row([c.ref, row.tender_ref, c.supplier, c.supplier_country, row.category_code,
                   _category_name(reference, row.category_set, row.category_code, lang),
                   row.category_set, c.start, c.end,
                   _euros(c.value_cents) if c.value_cents is not None else None,
                   row.plan_due, row.risk_analysis_first, c.plan_agreed_on,
                   row.latest_submission,
                   *[_figure_value(code, row.flags.get(code, 0))
                     if row.isv or code in EVERY_CONTRACT else None for code in codes],
                   *[row.steps.get(code) for code in steps]],
                  money_columns=money_cols)
    sheet.ws.auto_filter.ref = f"A1:{_last_column(len(base) + len(codes) + len(steps))}" \
                               f"{len(report.contract_rows) + 1}"


def _risks(workbook: Any, report: YearReport, reference: Reference, lang: str) -> None:
    sheet = _Sheet(workbook, _t("risks", lang), [18, 22, 10, 16, 24, 40, 12, 24])
    sheet.ws.freeze_panes = "A2"
    sheet.row([_t("contract", lang), _t("category_code", lang), _t("latest", lang),
               _t("risk_key", lang), _t("theme_code", lang), _t("theme", lang),
               _t("priority", lang), _t("sdg", lang)], bold=True)
    themes = {t.code: t for t in reference.themes}
    for risk in report.risk_rows:
        theme = themes.get(risk.theme)
        sheet.row([risk.contract_ref, risk.category_code, risk.submission_version,
                   risk.risk_key, risk.theme, theme.text(lang) if theme else risk.theme,
                   reference.label("priorities", risk.priority, lang),
                   ", ".join(theme.sdg) if theme else ""])
    sheet.ws.auto_filter.ref = f"A1:H{len(report.risk_rows) + 1}"


def _definitions(workbook: Any, reference: Reference, lang: str, codes: list[str]) -> None:
    sheet = _Sheet(workbook, _t("definitions", lang), [22, 46, 110])
    sheet.row([_t("code", lang), _t("figure", lang), _t("definition", lang)], bold=True)
    for code in codes:
        figure = FIGURE_BY_CODE.get(code)
        sheet.row([code, _figure_name(code, reference, lang),
                   figure.definition(lang) if figure else FIGURE_BY_CODE[
                       "escalation_steps"].definition(lang)])
    sheet.row(["as_of", _t("as_of", lang), AS_OF_DEFINITION[1 if lang == "en" else 0]])
    sheet.row(["sdg", _t("sdg", lang), SDG_DEFINITION[1 if lang == "en" else 0]])
    sheet.row(["step_*", _t("oecd_step", lang), STEPS_DEFINITION[1 if lang == "en" else 0]])
    sheet.row(["merge", _t("sources", lang), MERGE_DEFINITION[1 if lang == "en" else 0]])


def _last_column(count: int) -> str:
    return str(get_column_letter(max(count, 1)))
