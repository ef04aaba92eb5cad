"""The yearly ISV report as a Word document that a coordinator can paste into the JBR
text: real headings (Title, Heading 1, Heading 2) and real tables, the same summary
sentences and figures as the PDF and the JSON, and an annex that defines every figure in
words. The creation date is the real time of generation; the data fingerprint stands
beside it.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from app.domain.formatting import format_date, format_money, format_number, format_percent
from app.domain.languages import TAGS
from app.domain.reference import Reference
from app.domain.report import YearReport
from app.domain.report_figures import FIGURE_BY_CODE, FIGURES, NO_REASON_CODE
from app.io.report_summary import summary_sentences
from app.io.report_words import figure_name, report_word


def _t(key: str, lang: str, **params: Any) -> str:
    return report_word("docx", key, lang, **params)


class _Doc:
    def __init__(self, report: YearReport, reference: Reference, lang: str) -> None:
        import docx

        from app.io.docx_render import set_language

        self.document = docx.Document()
        set_language(self.document, TAGS[lang])
        self.report = report
        self.reference = reference
        self.lang = lang

    def value(self, code: str, value: int) -> str:
        figure = FIGURE_BY_CODE.get(code)
        if figure is not None and figure.money:
            return format_money(Decimal(value).scaleb(-2), self.lang)
        return format_number(value, self.lang)

    def name(self, code: str) -> str:
        return figure_name(code, self.reference, self.lang)

    def table(
        self, header: Sequence[str], rows: Sequence[Sequence[str]], numeric_from: int = 1
    ) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Cm

        table = self.document.add_table(rows=1, cols=len(header))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            cell.text = text
            for run in cell.paragraphs[0].runs:
                run.bold = True
        for row in rows:
            cells = table.add_row().cells
            for i, (cell, text) in enumerate(zip(cells, row, strict=True)):
                cell.text = text
                if i >= numeric_from:
                    cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        # the first column (the words) wide, the numbers narrow; 16 cm of text width
        first = 16.0 - 2.6 * (len(header) - 1) if len(header) > 1 else 16.0
        widths = [max(first, 5.0)] + [2.6] * (len(header) - 1)
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = Cm(width)
        self.document.add_paragraph()


def render_report_docx(report: YearReport, reference: Reference, lang: str = "nl") -> bytes:
    """The report as DOCX bytes in ``lang``."""
    d = _Doc(report, reference, lang)
    doc = d.document

    def t(key: str, **params: Any) -> str:
        return _t(key, lang, **params)

    tot = report.totals
    props = doc.core_properties
    props.title = t("title", year=report.year)
    props.language = TAGS[lang]
    props.created = report.generated_at.replace(tzinfo=None)
    doc.add_heading(t("title", year=report.year), level=0)
    set_name = report.grouping or ""
    with contextlib.suppress(KeyError):
        set_name = reference.category_set(report.grouping or "").name(lang)
    facts = [
        (t("organisation"), report.organisation or t("all")),
        (t("as_of"), format_date(report.as_of, lang)),
        (t("basis"), t("basis_awarded" if report.basis == "awarded" else "basis_published")),
        (t("category_set"), set_name),
        (t("generated"), report.generated_at.strftime("%Y-%m-%d %H:%M UTC")),
        (t("fingerprint"), report.fingerprint),
    ]
    for label, text in facts:
        paragraph = doc.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(text)

    doc.add_heading(t("summary"), level=1)
    for sentence in summary_sentences(report, lang):
        doc.add_paragraph(sentence)

    doc.add_heading(t("key_figures"), level=1)
    codes = [
        "tenders",
        "tenders_value",
        "tenders_isv_mandatory",
        "tenders_isv_applied_mandatory",
        "tenders_isv_not_applied_mandatory",
        "tenders_isv_undecided_mandatory",
        "tenders_isv_applied_voluntary",
        "tenders_value_mandatory",
        "tenders_value_applied_mandatory",
        "contracts_active",
        "contracts_isv",
        "risk_analysis_received",
        "risk_analysis_on_time",
        "risk_analysis_late",
        "risk_analysis_overdue",
        "plan_agreed",
        "yearly_report_due",
        "yearly_report_received",
        "yearly_report_sufficient",
        "measures_overdue",
        "signals_received",
        "escalation_steps",
    ]
    previous = report.previous_totals
    header = [t("figure"), str(report.year)] + ([str(report.year - 1)] if previous else [])
    rows = []
    for code in codes:
        row = [d.name(code), d.value(code, tot.get(code, 0))]
        if previous:
            row.append(d.value(code, previous.get(code, 0)))
        rows.append(row)
    d.table(header, rows)
    doc.add_heading(t("shares"), level=2)
    d.table(
        [t("shares"), str(report.year)],
        [
            [
                t("by_count"),
                _share(tot, "tenders_isv_applied_mandatory", "tenders_isv_mandatory", lang),
            ],
            [
                t("by_value"),
                _share(tot, "tenders_value_applied_mandatory", "tenders_value_mandatory", lang),
            ],
        ],
    )

    doc.add_heading(f"{t('per_category')} ({set_name})", level=1)
    cat_codes = [
        "tenders",
        "tenders_isv_mandatory",
        "tenders_isv_applied_mandatory",
        "tenders_isv_applied_voluntary",
        "contracts_active",
    ]
    heads = [
        t("category"),
        t("col_tenders"),
        t("col_mandatory"),
        t("col_applied"),
        t("col_voluntary"),
        t("col_active"),
    ]
    cat_rows = [
        [c.name(lang)] + [d.value(code, c.figures.get(code, 0)) for code in cat_codes]
        for c in report.categories
    ]
    cat_rows.append([t("total")] + [d.value(code, tot.get(code, 0)) for code in cat_codes])
    d.table(heads, cat_rows)

    doc.add_heading(t("reasons"), level=1)
    if report.not_applied_reasons:
        labels = {r.code: r.text(lang) for r in reference.not_applied_reasons}
        labels[NO_REASON_CODE] = t("no_code")
        d.table(
            [t("reason_code"), t("total")],
            [
                [f"{labels.get(code, code)} ({code})", format_number(n, lang)]
                for code, n in report.not_applied_reasons
            ],
        )
    else:
        doc.add_paragraph(t("no_reasons"))

    doc.add_heading(t("texts_used"), level=1)
    text_codes = [
        "tenders_clause_current",
        "tenders_text_generated_older",
        "tenders_text_official",
        "tenders_text_own",
        "tenders_text_unknown",
    ]
    d.table([t("figure"), t("total")], [[d.name(c), d.value(c, tot.get(c, 0))] for c in text_codes])

    if report.organisations:
        doc.add_heading(t("per_organisation"), level=1)
        org_codes = [
            "tenders",
            "tenders_isv_mandatory",
            "tenders_isv_applied_mandatory",
            "tenders_isv_applied_voluntary",
        ]
        d.table(
            [
                t("organisation"),
                t("col_tenders"),
                t("col_mandatory"),
                t("col_applied"),
                t("col_voluntary"),
            ],
            [
                [name] + [d.value(c, figures.get(c, 0)) for c in org_codes]
                for name, figures in report.organisations
            ],
        )

    if report.award_date_unknown:
        doc.add_heading(t("award_unknown"), level=1)
        doc.add_paragraph(t("award_unknown_intro"))
        d.table(
            [t("ref"), t("title_col"), t("published")],
            [[x.ref, x.title, format_date(x.published, lang)] for x in report.award_date_unknown],
            numeric_from=3,
        )

    doc.add_heading(t("sdg_section"), level=1)
    doc.add_paragraph(t("definition_sdg"))
    d.table(
        [t("sdg_target"), t("col_contracts"), t("col_risks"), t("col_signals")],
        [
            [
                s.name(lang),
                format_number(s.contracts, lang),
                format_number(s.risks, lang),
                format_number(s.signals, lang),
            ]
            for s in report.sdg
        ],
    )

    doc.add_heading(t("annex"), level=1)
    doc.add_heading(t("terms"), level=2)
    for term in ("basis", "share", "as_of", "steps", "merge"):
        doc.add_paragraph(t(f"definition_{term}"))
    doc.add_heading(t("definition"), level=2)
    for figure in FIGURES:
        paragraph = doc.add_paragraph()
        paragraph.add_run(figure.name(lang) + ": ").bold = True
        paragraph.add_run(figure.definition(lang))

    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _share(totals: Any, part: str, whole: str, lang: str) -> str:
    total = totals.get(whole, 0)
    return format_percent(100 * totals.get(part, 0) / total, lang) if total else "–"
