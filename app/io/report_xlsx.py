"""The yearly ISV report as an Excel workbook: the figures, and the rows behind them.

Sheets: a summary (every figure, in total and per category, with its definition), then
``write_only`` data sheets with one row per tender and per contract carrying the flags
(1/0) or counts that produced each figure, so a reader can recount any figure with a
filter and a sum; the risks of each contract's latest workbook are counted per theme and
priority in columns of the contract sheet. Every text from a user or supplier goes
through :mod:`app.io.xlsx_safe` and is never a formula. Returns bytes.

A year of a large database means hundreds of thousands of cells, and openpyxl spends
most of its time per cell: the data sheets write plain values (numbers, dates, text
checked once) and make a styled cell only where a value needs one (money, headers).
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

from app import locator
from app.domain.formatting import format_date
from app.domain.reference import OUTSIDE_CATEGORIES, Reference
from app.domain.report import YearReport
from app.domain.report_figures import (
    CONTRACT_FIGURES,
    FIGURE_BY_CODE,
    FIGURES,
    NO_REASON_CODE,
    TENDER_FIGURES,
)
from app.io.report_words import report_word
from app.io.xlsx_safe import literal_value, set_text

BOLD_FONT = Font(bold=True)
EVERY_CONTRACT = ("contracts_active", "contracts_value", "contracts_isv")
"""Contract figures that apply to every contract; the others only to contracts with ISV
(their cells stay empty on a contract without ISV: not applicable, and a sum skips them)."""

MONEY_FORMAT = '"€" #,##0.00'
DATE_FORMAT = "yyyy-mm-dd"
RISK_COLUMN_PREFIX = "risks:"
"""Code of a risk column on the contract sheet: ``risks:<theme>:<priority>``."""


def _t(key: str, lang: str, **params: Any) -> str:
    return report_word("xlsx", key, lang, **params)


class _Sheet:
    """A write-only sheet with helpers that keep every text literal.

    This module is imported only when a workbook is written, so openpyxl is imported at
    its top: an import statement per cell would cost more than the cells themselves."""

    def __init__(
        self, workbook: Any, title: str, widths: Sequence[int], *, header_rows: int = 1
    ) -> None:
        self.ws = workbook.create_sheet(title)
        for index, width in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(index)].width = width
        _print_setup(self.ws, header_rows)

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

    def literal(self, value: str | None) -> Any:
        """``value`` for a data row, always literal text (see xlsx_safe.literal_value)."""
        return None if value is None else literal_value(self.ws, value)

    def money(self, cents: int) -> Any:
        """An amount in cents as euros in a cell with the money format."""
        return self.cell(_euros(cents), money=True)

    def row(
        self, values: Sequence[Any], *, bold: bool = False, money_columns: Sequence[int] = ()
    ) -> None:
        """Append a row: text, dates, money and bold cells as styled cells; plain numbers
        as they are (openpyxl writes them as numbers)."""
        cells: list[Any] = []
        for index, value in enumerate(values):
            if value is None or (type(value) is int and not bold and index not in money_columns):
                cells.append(value)
            elif type(value) is str and not bold:
                cells.append(literal_value(self.ws, value))
            else:
                cells.append(self.cell(value, bold=bold, money=index in money_columns))
        self.ws.append(cells)


def _print_setup(ws: Any, header_rows: int) -> None:
    """Printable as it is: landscape A4, every column on the page width (as many pages
    down as needed), the header rows repeated on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4 (openpyxl: Worksheet.PAPERSIZE_A4)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if header_rows:
        ws.print_title_rows = f"1:{header_rows}"


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
    _definitions(workbook, reference, lang, codes)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _summary(
    workbook: Any, report: YearReport, reference: Reference, lang: str, codes: list[str]
) -> None:
    categories = report.categories
    sheet = _Sheet(workbook, _t("summary", lang), [46, 34, 16, *([14] * len(categories)), 90])
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
    header = [
        _t("figure", lang),
        _t("code", lang),
        _t("total", lang),
        *[c.name(lang) for c in categories],
        _t("definition", lang),
    ]
    sheet.row(header, bold=True)
    current_group = None
    for code in codes:
        figure = FIGURE_BY_CODE.get(code)
        group = figure.group if figure else "follow_up"
        if group != current_group:
            current_group = group
            sheet.row([_t(f"group_{group}", lang)], bold=True)
        money = bool(figure and figure.money)
        values = [_figure_value(code, report.totals.get(code, 0))]
        values += [_figure_value(code, c.figures.get(code, 0)) for c in categories]
        money_cols = tuple(range(2, 3 + len(categories))) if money else ()
        sheet.row(
            [
                _figure_name(code, reference, lang),
                code,
                *values,
                figure.definition(lang) if figure else "",
            ],
            money_columns=money_cols,
        )
    sheet.row([])
    sheet.row([_t("oecd_section", lang)], bold=True)
    states = ("not_started", "in_progress", "done", "overdue", "not_applicable")
    sheet.row(
        [_t("oecd_step", lang), _t("code", lang), *(_state_word(state, lang) for state in states)],
        bold=True,
    )
    for step in reference.oecd_steps:
        counts = report.step_states.get(step.code, {})
        sheet.row(
            [
                f"{step.number}. {step.text(lang)}",
                f"step_{step.code}",
                *[counts.get(state, 0) for state in states],
            ]
        )
    sheet.row([_t("definition", lang), _t("definition_steps", lang)])
    sheet.row([])
    sheet.row([_t("sdg_section", lang)], bold=True)
    sheet.row(
        [
            _t("sdg_target", lang),
            _t("code", lang),
            _t("contracts", lang),
            _t("risks", lang),
            _t("sdg_signals", lang),
        ],
        bold=True,
    )
    for sdg in report.sdg:
        sheet.row([sdg.name(lang), sdg.target, sdg.contracts, sdg.risks, sdg.signals])
    sheet.row([_t("definition", lang), _t("definition_sdg", lang)])
    sheet.row([])
    sheet.row([_t("reasons", lang)], bold=True)
    sheet.row([_t("reason_words", lang), _t("code", lang), _t("count", lang)], bold=True)
    labels = {r.code: r.text(lang) for r in reference.not_applied_reasons}
    labels[NO_REASON_CODE] = _t("no_code", lang)
    for code, count in report.not_applied_reasons:
        sheet.row([labels.get(code, code), code, count])
    if report.award_date_unknown:
        sheet.row([])
        sheet.row([_t("award_unknown", lang)], bold=True)
        sheet.row([_t("ref", lang), _t("title_col", lang), _t("published", lang)], bold=True)
        for tender in report.award_date_unknown:
            sheet.row([tender.ref, tender.title, tender.published])
    sheet.row([])
    sheet.row([_t("as_of", lang), _t("definition_as_of", lang)])
    if len(report.sources) > 1:
        sheet.row([_t("sources", lang), _t("definition_merge", lang)])
    if report.conflicts:
        sheet.row([])
        sheet.row([_t("conflicts", lang)], bold=True)
        for conflict in report.conflicts:
            sheet.row(
                [
                    conflict.kind,
                    conflict.ref or conflict.uid,
                    conflict.kept_from,
                    conflict.other_from,
                    ", ".join(conflict.fields),
                ]
            )


def _category_name(reference: Reference, set_id: str | None, code: str, lang: str) -> str:
    if code == OUTSIDE_CATEGORIES:
        return _t("outside", lang)
    if set_id is None:
        return code
    try:
        category = reference.category_set(set_id).get(code)
    except KeyError:
        category = None
    return category.name(lang) if category else code


def _value_word(kind: str, code: str, lang: str) -> str:
    """A tender's kind or verdict in words (the codes are in the JSON and the export)."""
    return locator.message(f"value_{kind}_{code}", lang)


def _state_word(state: str | None, lang: str) -> str | None:
    """An OECD step's state in words, as the PDF shows it."""
    return report_word("pdf", f"state_{state}", lang) if state else None


def _flag_header(code: str, reference: Reference, lang: str) -> str:
    return f"{_figure_name(code, reference, lang)} [{code}]"


def _tenders(workbook: Any, report: YearReport, reference: Reference, lang: str) -> None:
    base = [
        "ref",
        "title_col",
        "organisation",
        "published",
        "awarded",
        "category_code",
        "category",
        "set",
        "kind",
        "value",
        "verdict",
        "applied",
        "form",
        "text_source",
        "clause_version",
        "reason",
        "reason_words",
        "explanation",
    ]
    sheet = _Sheet(
        workbook,
        _t("tenders", lang),
        [18, 40, 30, 12, 12, 22, 30, 12, 10, 16, 26, 12, 22, 22, 10, 26, 34, 40]
        + [14] * len(TENDER_FIGURES),
    )
    sheet.ws.freeze_panes = "B2"
    sheet.row(
        [_t(k, lang) for k in base] + [_flag_header(c, reference, lang) for c in TENDER_FIGURES],
        bold=True,
    )
    text, words, money = sheet.literal, _Words(sheet), sheet.money
    applied_word = {
        None: words(_t("none", lang)),
        True: words(_t("yes", lang)),
        False: words(_t("no", lang)),
    }
    money_flags = [i for i, c in enumerate(TENDER_FIGURES) if FIGURE_BY_CODE[c].money]
    reasons = {r.code: r.text(lang) for r in reference.not_applied_reasons}
    append = sheet.ws.append
    for row in report.tender_rows:
        t = row.fact
        flags: list[Any] = [row.flags[c] for c in TENDER_FIGURES]
        for i in money_flags:
            flags[i] = money(flags[i])
        not_applied = t.isv_applied is False
        append(
            [
                text(t.ref),
                text(t.title),
                text(t.organisation),
                t.published,
                t.awarded,
                words(t.category_code),
                words.category(reference, t.category_set, t.category_code, lang),
                words(t.category_set),
                words(_value_word("kind", t.kind, lang)),
                money(t.value_cents),
                words(_value_word("verdict", t.verdict, lang)),
                applied_word[t.isv_applied],
                words(reference.label("forms", t.form, lang)) if t.form else None,
                words(reference.label("text_sources", t.text_source, lang))
                if t.text_source
                else None,
                text(t.clause_version),
                words(t.not_applied_code) if not_applied and t.not_applied_code else None,
                words(reasons.get(t.not_applied_code or "", t.not_applied_code or ""))
                if not_applied and t.not_applied_code
                else None,
                text(t.not_applied_reason),
                *flags,
            ]
        )
    sheet.ws.auto_filter.ref = (
        f"A1:{_last_column(len(base) + len(TENDER_FIGURES))}{len(report.tender_rows) + 1}"
    )


def _contract_codes(report: YearReport) -> list[str]:
    extra = [c for c in report.totals if c not in FIGURE_BY_CODE]
    return list(CONTRACT_FIGURES) + extra


def _risk_columns(report: YearReport, reference: Reference) -> list[tuple[str, str]]:
    """(theme, priority) pairs of the risk columns: every theme and priority of the
    reference, then any other a merged export brought."""
    themes = [t.code for t in reference.themes]
    themes += sorted(set(report.risk_matrix) - set(themes))
    priorities = [p.code for p in reference.priorities]
    priorities += sorted(
        {p for counts in report.risk_matrix.values() for p in counts} - set(priorities)
    )
    return [(theme, priority) for theme in themes for priority in priorities]


def _risk_header(theme: str, priority: str, reference: Reference, lang: str) -> str:
    names = {t.code: t.text(lang) for t in reference.themes}
    return (
        f"{_t('risks', lang)}: {names.get(theme, theme)}, "
        f"{reference.label('priorities', priority, lang).lower()} "
        f"[{RISK_COLUMN_PREFIX}{theme}:{priority}]"
    )


def _contracts(workbook: Any, report: YearReport, reference: Reference, lang: str) -> None:
    base = [
        "ref",
        "tender",
        "supplier",
        "country",
        "category_code",
        "category",
        "set",
        "start",
        "end",
        "contract_value",
        "plan_due",
        "first_ra",
        "plan_agreed_on",
        "latest",
    ]
    codes = _contract_codes(report)
    steps = [s.code for s in reference.oecd_steps]
    risk_columns = _risk_columns(report, reference)
    sheet = _Sheet(
        workbook,
        _t("contracts", lang),
        [
            18,
            18,
            30,
            8,
            22,
            30,
            12,
            12,
            12,
            16,
            12,
            12,
            12,
            10,
            *([14] * len(codes)),
            *([16] * len(steps)),
            *([14] * len(risk_columns)),
        ],
    )
    sheet.ws.freeze_panes = "B2"
    sheet.row(
        [_t(k, lang) for k in base]
        + [_flag_header(c, reference, lang) for c in codes]
        + [
            f"{_t('oecd_step', lang)} {s.number}: {s.text(lang)} [step_{s.code}]"
            for s in reference.oecd_steps
        ]
        + [_risk_header(theme, priority, reference, lang) for theme, priority in risk_columns],
        bold=True,
    )
    text, words, money = sheet.literal, _Words(sheet), sheet.money
    value_flag = codes.index("contracts_value")
    every = [code in EVERY_CONTRACT for code in codes]
    append = sheet.ws.append
    flags: list[Any]
    states: list[Any]
    risks: list[Any]
    for row in report.contract_rows:
        c, get = row.fact, row.flags.get
        if row.isv:
            flags = [get(code, 0) for code in codes]
            states = [words(_state_word(row.steps.get(code), lang)) for code in steps]
            risks = [row.risk_counts.get(pair) for pair in risk_columns] if row.risk_counts else []
        else:  # figures about due diligence do not apply: blank cells
            flags = [
                get(code, 0) if applies else None
                for code, applies in zip(codes, every, strict=True)
            ]
            states, risks = [], []
        flags[value_flag] = money(flags[value_flag])
        append(
            [
                text(c.ref),
                text(row.tender_ref),
                text(c.supplier),
                words(c.supplier_country),
                words(row.category_code),
                words.category(reference, row.category_set, row.category_code, lang),
                words(row.category_set),
                c.start,
                c.end,
                money(c.value_cents) if c.value_cents is not None else None,
                row.plan_due,
                row.risk_analysis_first,
                c.plan_agreed_on,
                row.latest_submission,
                *flags,
                *states,
                *risks,
            ]
        )
    width = len(base) + len(codes) + len(steps) + len(risk_columns)
    sheet.ws.auto_filter.ref = f"A1:{_last_column(width)}{len(report.contract_rows) + 1}"


class _Words:
    """Texts that repeat down a data sheet (codes, category names, labels), each made
    literal once: the same safe value is then written in every row."""

    def __init__(self, sheet: _Sheet) -> None:
        self.sheet = sheet
        self.known: dict[str, Any] = {}
        self.categories: dict[tuple[str | None, str], Any] = {}

    def __call__(self, value: str | None) -> Any:
        if value is None:
            return None
        found = self.known.get(value)
        if found is None:
            found = self.sheet.literal(value)
            if isinstance(found, str):  # a cell object is made afresh for every use
                self.known[value] = found
        return found

    def category(self, reference: Reference, set_id: str | None, code: str, lang: str) -> Any:
        key = (set_id, code)
        found = self.categories.get(key)
        if found is None:
            found = self(_category_name(reference, set_id, code, lang))
            if isinstance(found, str):
                self.categories[key] = found
        return found


def _definitions(workbook: Any, reference: Reference, lang: str, codes: list[str]) -> None:
    sheet = _Sheet(workbook, _t("definitions", lang), [22, 46, 110])
    sheet.ws.freeze_panes = "A2"
    sheet.row([_t("code", lang), _t("figure", lang), _t("definition", lang)], bold=True)
    for code in codes:
        figure = FIGURE_BY_CODE.get(code)
        sheet.row(
            [
                code,
                _figure_name(code, reference, lang),
                figure.definition(lang)
                if figure
                else FIGURE_BY_CODE["escalation_steps"].definition(lang),
            ]
        )
    sheet.row(["as_of", _t("as_of", lang), _t("definition_as_of", lang)])
    sheet.row(["sdg", _t("sdg", lang), _t("definition_sdg", lang)])
    sheet.row(["step_*", _t("oecd_step", lang), _t("definition_steps", lang)])
    sheet.row(
        [f"{RISK_COLUMN_PREFIX}*", _t("risk_columns", lang), _t("risk_columns_definition", lang)]
    )
    sheet.row(["merge", _t("sources", lang), _t("definition_merge", lang)])


def _last_column(count: int) -> str:
    return str(get_column_letter(max(count, 1)))
