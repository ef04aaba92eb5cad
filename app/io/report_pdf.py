"""The yearly ISV report as a PDF a ministry can publish (reportlab; returns bytes).

Built on the shared base :mod:`app.io.pdf` (bundled fonts embedded, one stylesheet,
"page x of y", metadata). Contents: a cover; a one-page summary in plain sentences; the
tenders and the contracts per category with bar charts; risks and follow-up (those in
:mod:`app.io.report_pdf_sections`); then, here, the SDG targets served, the sources of a
merged report, and an annex that defines every figure. Numbers, money and dates in Dutch
(``1.234,5``, ``€ 140.000``, ``31 december 2026``) or English, through the writer of
:mod:`app.io.report_pdf_style`. Every text from a user or supplier goes through
:func:`app.io.pdf.para`, so markup shows literally.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    PageBreak,
    Paragraph,
    Spacer,
)

from app.domain.formatting import format_date
from app.domain.reference import Reference
from app.domain.report import YearReport
from app.domain.report_figures import FIGURES, GROUPS
from app.io.pdf import PdfMeta, build_pdf, escape, para
from app.io.report_pdf_sections import (
    contracts_section,
    cover,
    risks_section,
    summary,
    tenders_section,
)
from app.io.report_pdf_style import (
    SERIES_COLOURS,
    WIDTH,
    Writer,
    bar_chart,
    chart_block,
    grid_table,
    heading,
    pdf_text,
    shorten,
)


def _sdg_section(w: Writer) -> list[Flowable]:
    r, s = w.report, w.styles
    theme_names = {t.code: t.text(w.lang) for t in w.reference.themes}
    rows: list[list[Any]] = [
        [
            para(w.t("sdg_target"), s["Th"]),
            para(w.t("sdg_themes"), s["Th"]),
            para(w.t("contracts"), s["ThRight"]),
            para(w.t("risks"), s["ThRight"]),
            para(w.t("signals"), s["ThRight"]),
        ]
    ]
    for sdg in r.sdg:
        rows.append(
            [
                para(sdg.name(w.lang), s["Td"]),
                para(", ".join(theme_names.get(t, t) for t in sdg.themes), s["Td"]),
                w.n(sdg.contracts),
                w.n(sdg.risks),
                w.n(sdg.signals),
            ]
        )
    flow: list[Flowable] = [
        heading(w, w.t("sdg_section")),
        para(w.t("sdg_intro"), s["Body"]),
        grid_table(rows, [62 * mm, WIDTH - 62 * mm - 3 * 19 * mm] + [19 * mm] * 3),
        para(w.t("definition_sdg"), s["Small"]),
    ]
    served = [x for x in r.sdg if x.contracts]
    if served:
        flow.append(
            chart_block(
                w,
                w.t("chart_sdg"),
                bar_chart(
                    w,
                    [f"SDG {x.target}" for x in served],
                    [[x.contracts for x in served]],
                    [""],
                    SERIES_COLOURS[1:2],
                    bar_height=10,
                ),
            )
        )
    flow.append(PageBreak())
    return flow


def _sources_section(w: Writer) -> list[Flowable]:
    r, s = w.report, w.styles
    rows: list[list[Any]] = [
        [
            para(w.t("source"), s["Th"]),
            para(w.t("kind"), s["Th"]),
            para(w.t("installation"), s["Th"]),
            para(w.t("organisation"), s["Th"]),
            para(w.t("records_col"), s["ThRight"]),
        ]
    ]
    for source in r.sources:
        rows.append(
            [
                para(source.label, s["Td"]),
                para(w.t(source.kind), s["Td"]),
                para(source.installation_id, s["Mono"]),
                para(", ".join(source.organisations) or "–", s["Td"]),
                w.n(source.records),
            ]
        )
    flow: list[Flowable] = [
        heading(w, w.t("sources_section")),
        grid_table(rows, [38 * mm, 18 * mm, 44 * mm, WIDTH - 118 * mm, 18 * mm]),
        Spacer(1, 3 * mm),
        para(f"{w.t('duplicates')}: {w.n(r.duplicates)}", s["Body"]),
        para(w.t("definition_merge"), s["Small"]),
        para(w.t("conflicts"), s["Heading2"]),
    ]
    if not r.conflicts:
        flow.append(para(w.t("no_conflicts"), s["Body"]))
    for conflict in r.conflicts:
        text = w.t(
            "conflict_line",
            kind=w.t(f"kind_{conflict.kind}").capitalize(),
            ref=conflict.ref or conflict.uid,
            kept=conflict.kept_from,
            other=conflict.other_from,
            fields=", ".join(conflict.fields),
        )
        flow.append(Paragraph(escape(text), s["Bullet"], bulletText="•"))
    flow.append(PageBreak())
    return flow


def _annex(w: Writer) -> list[Flowable]:
    s = w.styles
    flow: list[Flowable] = [heading(w, w.t("annex"))]
    general = [
        (w.t("basis"), w.t("definition_basis")),
        (w.t("share_value"), w.t("definition_share")),
        (w.t("as_of"), w.t("definition_as_of")),
        ("SDG", w.t("definition_sdg")),
        (w.t("step_col"), w.t("definition_steps")),
        (w.t("sources"), w.t("definition_merge")),
    ]
    flow.append(para(w.t("general"), s["Heading2"]))
    for label, text in general:
        flow.append(Paragraph(f"<b>{escape(label)}</b>: {escape(text)}", s["Body"]))
    for group in GROUPS:
        rows: list[list[Any]] = [[para(w.t("figure"), s["Th"]), para(w.t("definition"), s["Th"])]]
        for figure in FIGURES:
            if figure.group == group:
                rows.append(
                    [
                        para(figure.name(w.lang), s["TdBold"]),
                        para(figure.definition(w.lang), s["Td"]),
                    ]
                )
        flow.append(para(w.t(f"group_{group}"), s["Heading2"]))
        flow.append(grid_table(rows, [56 * mm, WIDTH - 56 * mm]))
    return flow


def _footer(report: YearReport, lang: str) -> str:
    """The running footer. The base draws it on the canvas in DejaVu Sans only, so an
    organisation name with characters that font lacks (CJK) is left out of the footer;
    the cover shows it in full."""
    organisation = report.organisation or pdf_text("all", lang)
    if not _in_base_font(organisation):
        organisation = pdf_text("organisation", lang).lower() + " " + pdf_text("see_cover", lang)
    return pdf_text(
        "footer",
        lang,
        year=report.year,
        organisation=shorten(organisation, 60),
        as_of=format_date(report.as_of, lang),
    )


def _in_base_font(text: str) -> bool:
    from reportlab.pdfbase import pdfmetrics

    from app.io.pdf import register_fonts

    covered = pdfmetrics.getFont(register_fonts()).face.charToGlyph
    return all(ord(char) in covered for char in text if not char.isspace())


def report_story(report: YearReport, reference: Reference, lang: str) -> list[Flowable]:
    """The flowables of the report (exposed for the benchmark and for tests)."""
    w = Writer(report, reference, lang)
    story: list[Flowable] = []
    story += cover(w)
    story += summary(w)
    story += tenders_section(w)
    story += contracts_section(w)
    story += risks_section(w)
    story += _sdg_section(w)
    if len(report.sources) > 1 or report.conflicts or report.duplicates:
        story += _sources_section(w)
    story += _annex(w)
    return story


def render_report_pdf(report: YearReport, reference: Reference, lang: str = "nl") -> bytes:
    """The report as PDF bytes, in ``lang`` (``nl`` or ``en``)."""
    title = pdf_text("title", lang, year=report.year)
    organisation = report.organisation or pdf_text("all", lang)
    meta = PdfMeta(
        title=title,
        author=organisation,
        subject=pdf_text("subtitle", lang),
        lang=lang,
        keywords=("ISV", "JBR", str(report.year), f"sha256:{report.fingerprint}"),
        footer=_footer(report, lang),
        created=report.generated_at,
    )
    return build_pdf(report_story(report, reference, lang), meta)
