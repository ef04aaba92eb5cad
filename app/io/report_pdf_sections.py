"""The body of the yearly report's PDF, one function per part in reading order: the cover,
the one-page summary in plain sentences, the tenders and the contracts per category
with their bar charts, and risks and follow-up. Every text from a user or supplier goes
through :func:`app.io.pdf.para`, so markup shows literally.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.domain.report_figures import NO_REASON_CODE
from app.io.pdf import BOLD, FAMILY, escape, outline, para
from app.io.report_pdf_style import (
    GRID,
    PRIORITY_COLOURS,
    SERIES_COLOURS,
    TOTAL_BACKGROUND,
    WIDTH,
    Writer,
    bar_chart,
    chart_block,
    grid_table,
    heading,
)
from app.io.report_summary import summary_sentences

# ---------------------------------------------------------------------------------------
# Sections
# ---------------------------------------------------------------------------------------


def cover(w: Writer) -> list[Flowable]:
    r, s = w.report, w.styles
    organisation = r.organisation or w.t("all")
    rows = [
        [para(w.t("year"), s["Label"]), para(str(r.year), s["Cell"])],
        [para(w.t("organisation"), s["Label"]), para(organisation, s["Cell"])],
        [para(w.t("as_of"), s["Label"]), para(w.date(r.as_of), s["Cell"])],
        [
            para(w.t("generated"), s["Label"]),
            para(
                f"{w.date(r.generated_at.date())}, {r.generated_at.strftime('%H:%M')} UTC",
                s["Cell"],
            ),
        ],
    ]
    if r.grouping:
        rows.append(
            [
                para(w.t("grouping"), s["Label"]),
                para(w.reference.category_set(r.grouping).name(w.lang), s["Cell"]),
            ]
        )
    sources = "; ".join(
        f"{source.label} ({w.t(source.kind)}, {w.n(source.records)} {w.t('records')})"
        for source in r.sources
    )
    rows.append([para(w.t("sources"), s["Label"]), para(sources, s["Cell"])])
    rows.append([para(w.t("fingerprint"), s["Label"]), para(r.fingerprint, s["Mono"])])
    info = Table(rows, colWidths=[52 * mm, WIDTH - 52 * mm], hAlign="LEFT")
    info.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FAMILY),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, GRID),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    title = w.t("title", year=r.year)
    return [
        Spacer(1, 42 * mm),
        outline(para(title, s["CoverTitle"]), title, 0),
        para(w.t("subtitle"), s["Subtitle"]),
        Spacer(1, 8 * mm),
        info,
        Spacer(1, 10 * mm),
        para(w.t("cover_note"), s["Note"]),
        PageBreak(),
    ]


def _summary_sentences(w: Writer) -> list[str]:
    """The year in plain sentences, from the report's own totals (one source for the PDF
    and the DOCX: :mod:`app.io.report_summary`)."""
    return summary_sentences(w.report, w.lang)


def summary(w: Writer) -> list[Flowable]:
    s, tot = w.styles, w.report.totals
    sentences = _summary_sentences(w)
    flow: list[Flowable] = [heading(w, w.t("summary"))]
    flow.append(
        para(w.t("basis_awarded" if w.report.basis == "awarded" else "basis_published"), s["Small"])
    )
    flow += [para(text, s["Lead"] if i == 0 else s["Body"]) for i, text in enumerate(sentences)]
    key_codes = (
        "tenders",
        "tenders_isv_mandatory",
        "tenders_isv_applied_mandatory",
        "tenders_value_mandatory",
        "tenders_value_applied_mandatory",
        "tenders_isv_not_applied_mandatory",
        "tenders_isv_applied_voluntary",
        "contracts_active",
        "contracts_isv",
        "risk_analysis_received",
        "plan_agreed",
        "yearly_report_received",
        "yearly_report_sufficient",
        "measures_overdue",
        "signals_received",
    )
    previous = w.report.previous_totals
    year = w.report.year
    head = [para(w.t("figure"), s["Th"]), para(str(year), s["ThRight"])]
    if previous:
        head.append(para(str(year - 1), s["ThRight"]))
    rows: list[list[Any]] = [head]
    for code in key_codes:
        row = [para(w.name(code), s["Td"]), w.value(code, tot[code])]
        if previous:
            row.append(w.value(code, previous.get(code, 0)))
        rows.append(row)
    share = [para(w.t("share_value"), s["Td"])]
    for figures in (tot, previous) if previous else (tot,):
        share.append(
            w.pct(
                figures.get("tenders_value_applied_mandatory", 0),
                figures.get("tenders_value_mandatory", 0),
            )
        )
    rows.append(share)
    widths = [WIDTH - 70 * mm, 35 * mm, 35 * mm] if previous else [WIDTH - 40 * mm, 40 * mm]
    flow += [
        Spacer(1, 3 * mm),
        para(w.t("key_figures"), s["Heading2"]),
        grid_table(rows, widths),
    ]
    if w.report.organisations:
        org_codes = (
            "tenders",
            "tenders_isv_mandatory",
            "tenders_isv_applied_mandatory",
            "tenders_isv_applied_voluntary",
        )
        org_rows: list[list[Any]] = [
            [para(w.t("organisation"), s["Th"])]
            + [para(w.name(c), s["ThRight"]) for c in org_codes]
        ]
        for name, figures in w.report.organisations:
            org_rows.append([para(name, s["Td"])] + [w.n(figures.get(c, 0)) for c in org_codes])
        flow += [
            CondPageBreak(40 * mm),
            para(w.t("per_organisation"), s["Heading2"]),
            grid_table(org_rows, [WIDTH - 100 * mm] + [25 * mm] * 4),
        ]
    flow.append(PageBreak())
    return flow


def _word_width(text: str, size: float) -> float:
    """The width of the longest word of a header (headers wrap only between words)."""
    return max((stringWidth(word, BOLD, size) for word in text.split()), default=0)


def _category_table(
    w: Writer,
    codes: Sequence[str],
    groups: Sequence[tuple[str, int]],
    heads: Sequence[str],
    keep: str,
) -> Table:
    """Categories down, figures across, under a two-row header: ``groups`` are the upper
    labels with the number of columns each spans (1 = a single header over two rows).
    Categories without ``keep`` are left out; with several category sets in the year,
    each set gets its own heading row."""
    s = w.styles
    padding = 6
    widths = [max(_word_width(h, 7) + padding + 1, 10 * mm) for h in heads]
    widths = [
        max(width, stringWidth(w.plain(c, w.report.totals.get(c, 0)), BOLD, 8) + padding)
        for width, c in zip(widths, codes, strict=True)
    ]
    first = WIDTH - sum(widths)
    top: list[Any] = [para(w.t("category"), s["Th"])]
    second: list[Any] = [""]
    spans: list[tuple[Any, ...]] = [("SPAN", (0, 0), (0, 1))]
    column = 1
    head_iter = iter(heads)
    for label, span in groups:
        if span == 1:
            top.append(para(next(head_iter), s["ThRight"]))
            second.append("")
            spans.append(("SPAN", (column, 0), (column, 1)))
        else:
            top.append(para(label, s["ThCenter"]))
            top += [""] * (span - 1)
            second += [para(next(head_iter), s["ThRight"]) for _ in range(span)]
            spans += [
                ("SPAN", (column, 0), (column + span - 1, 0)),
                ("LINEBELOW", (column, 0), (column + span - 1, 0), 0.4, GRID),
            ]
        column += span
    rows: list[list[Any]] = [top, second]
    shown = [c for c in w.report.categories if c.figures.get(keep, 0)]
    sets = {c.key.set_id for c in shown}
    set_rows: list[int] = []
    current: object = object()
    for category in shown:
        if len(sets) > 1 and category.key.set_id != current and category.key.set_id:
            current = category.key.set_id
            set_rows.append(len(rows))
            rows.append([para(_set_name(w, category.key.set_id), s["TdBold"])] + [""] * len(codes))
        rows.append(
            [para(category.name(w.lang), s["Td"])]
            + [w.plain(c, category.figures.get(c, 0)) for c in codes]
        )
    rows.append(
        [para(w.t("total"), s["TdBold"])] + [w.plain(c, w.report.totals.get(c, 0)) for c in codes]
    )
    table = grid_table(rows, [first, *widths], header_rows=2, total_row=True)
    extra = [*spans, ("VALIGN", (0, 0), (-1, 1), "BOTTOM")]
    for index in set_rows:
        extra += [
            ("SPAN", (0, index), (-1, index)),
            ("BACKGROUND", (0, index), (-1, index), TOTAL_BACKGROUND),
        ]
    table.setStyle(TableStyle(extra))
    return table


def _set_name(w: Writer, set_id: str | None) -> str:
    if set_id is None:
        return w.t("outside")
    try:
        return w.reference.category_set(set_id).name(w.lang)
    except KeyError:
        return set_id


def tenders_section(w: Writer) -> list[Flowable]:
    r, s = w.report, w.styles
    codes = (
        "tenders",
        "tenders_isv_mandatory",
        "tenders_isv_applied_mandatory",
        "tenders_isv_not_applied_mandatory",
        "tenders_isv_applied_voluntary",
        "tenders_clause_current",
        "tenders_value",
    )
    heads = [
        w.t(k)
        for k in (
            "col_tenders",
            "col_total",
            "col_applied",
            "col_not_applied",
            "col_voluntary",
            "col_current",
            "col_value",
        )
    ]
    groups = [("", 1), (w.t("col_mandatory"), 3), ("", 1), ("", 1), ("", 1)]
    flow: list[Flowable] = [
        heading(w, w.t("tenders_section")),
        _category_table(w, codes, groups, heads, keep="tenders"),
        para(w.t("clause_version", version=r.current_clause_version), s["Small"]),
    ]
    with_tenders = [c for c in r.categories if c.figures.get("tenders", 0)]
    if with_tenders:
        flow.append(
            chart_block(
                w,
                w.t("chart_tenders"),
                bar_chart(
                    w,
                    [c.name(w.lang) for c in with_tenders],
                    [
                        [c.figures.get(k, 0) for c in with_tenders]
                        for k in (
                            "tenders_isv_mandatory",
                            "tenders_isv_applied_mandatory",
                            "tenders_isv_applied_voluntary",
                        )
                    ],
                    [w.t("series_mandatory"), w.t("series_applied"), w.t("series_voluntary")],
                    SERIES_COLOURS[:3],
                    bar_height=6,
                ),
            )
        )
    forms = [[para(w.t("forms"), s["Th"]), para(w.t("number"), s["ThRight"])]]
    for form, count in r.forms.items():
        forms.append([para(w.reference.label("forms", form, w.lang), s["Td"]), w.n(count)])
    flow += [
        CondPageBreak(40 * mm),
        para(w.t("forms"), s["Heading2"]),
        grid_table(forms, [WIDTH - 40 * mm, 40 * mm]),
    ]
    text_codes = (
        "tenders_clause_current",
        "tenders_text_generated_older",
        "tenders_text_official",
        "tenders_text_own",
        "tenders_text_unknown",
    )
    texts = [[para(w.t("texts_used"), s["Th"]), para(w.t("number"), s["ThRight"])]]
    for code in text_codes:
        texts.append([para(w.name(code), s["Td"]), w.n(r.totals.get(code, 0))])
    flow += [
        CondPageBreak(40 * mm),
        para(w.t("texts_used"), s["Heading2"]),
        grid_table(texts, [WIDTH - 40 * mm, 40 * mm]),
    ]
    flow.append(para(w.t("reasons"), s["Heading2"]))
    if not r.not_applied_reasons:
        flow.append(para(w.t("no_reasons"), s["Body"]))
    labels = {x.code: x.text(w.lang) for x in w.reference.not_applied_reasons}
    explained: dict[str, list[tuple[str, str]]] = {}
    for row in r.tender_rows:
        if row.flags["tenders_isv_not_applied_mandatory"] and row.fact.not_applied_reason:
            code = row.fact.not_applied_code or NO_REASON_CODE
            explained.setdefault(code, []).append((row.fact.ref, row.fact.not_applied_reason))
    for code, count in r.not_applied_reasons:
        tenders = w.t("tenders_count", n=w.n(count), count=count)
        label = w.t("no_code") if code == NO_REASON_CODE else labels.get(code, code)
        flow.append(
            Paragraph(
                f"<b>{escape(tenders)}</b>: {escape(label)}",  # the code is in the Excel
                s["Bullet"],
                bulletText="•",
            )
        )
        # the buyers' explanations beside the code; paragraphs, so a long one can cross
        # a page
        for ref, text in explained.get(code, ()):
            flow.append(Paragraph(f"{escape(ref)}: {escape(text)}", s["Bullet"], bulletText="–"))
    if r.award_date_unknown:
        flow.append(para(w.t("award_unknown"), s["Heading2"]))
        flow.append(para(w.t("award_unknown_intro"), s["Body"]))
        for tender in r.award_date_unknown:
            flow.append(
                Paragraph(
                    f"{escape(tender.ref)}: {escape(tender.title)} "
                    f"({escape(w.date(tender.published))})",
                    s["Bullet"],
                    bulletText="•",
                )
            )
    flow.append(PageBreak())
    return flow


def contracts_section(w: Writer) -> list[Flowable]:
    r = w.report
    codes = (
        "contracts_active",
        "contracts_isv",
        "contracts_value",
        "risk_analysis_received",
        "risk_analysis_on_time",
        "plan_agreed",
        "yearly_report_received",
        "yearly_report_sufficient",
    )
    heads = [
        w.t(k)
        for k in (
            "col_active",
            "col_isv",
            "col_contract_value",
            "col_received",
            "col_ra_on_time",
            "col_plan",
            "col_received",
            "col_yr_ok",
        )
    ]
    groups = [(w.t("contracts"), 3), (w.t("col_ra"), 2), ("", 1), (w.t("col_yr"), 2)]
    tot = r.totals
    stages = (
        "contracts_isv",
        "risk_analysis_received",
        "risk_analysis_on_time",
        "plan_agreed",
        "yearly_report_due",
        "yearly_report_received",
        "yearly_report_sufficient",
    )
    return [
        heading(w, w.t("contracts_section")),
        _category_table(w, codes, groups, heads, keep="contracts_active"),
        *(
            [
                chart_block(
                    w,
                    w.t("chart_dd"),
                    bar_chart(
                        w,
                        [w.name(c) for c in stages],
                        [[tot[c] for c in stages]],
                        [""],
                        SERIES_COLOURS[:1],
                        bar_height=11,
                    ),
                )
            ]
            if tot["contracts_isv"]
            else []
        ),
        *_steps_table(w),
        PageBreak(),
    ]


def _steps_table(w: Writer) -> list[Flowable]:
    s = w.styles
    states = ("not_started", "in_progress", "done", "overdue", "not_applicable")
    rows: list[list[Any]] = [
        [para(w.t("step_col"), s["Th"])] + [para(w.t(f"state_{x}"), s["ThRight"]) for x in states]
    ]
    for step in w.reference.oecd_steps:
        counts = w.report.step_states.get(step.code, {})
        rows.append(
            [
                [
                    para(f"{step.number}. {step.text(w.lang)}", s["Td"]),
                    para(step.isv(w.lang), s["Mono"]),
                ]
            ]
            + [w.n(counts.get(x, 0)) for x in states]
        )
    return [
        KeepTogether(
            [
                para(w.t("oecd_heading"), s["Heading2"]),
                grid_table(rows, [WIDTH - 4 * 22 * mm] + [22 * mm] * 4),
                para(w.t("definition_steps"), s["Small"]),
            ]
        )
    ]


def risks_section(w: Writer) -> list[Flowable]:
    r, s = w.report, w.styles
    flow: list[Flowable] = [heading(w, w.t("risks_section"))]
    priorities = ("high", "medium", "low")
    themes = [t for t in w.reference.themes if t.code in r.risk_matrix]
    rows: list[list[Any]] = [
        [para(w.t("theme"), s["Th"])]
        + [para(w.t(f"priority_{p}"), s["ThRight"]) for p in priorities]
        + [para(w.t("total"), s["ThRight"])]
    ]
    for theme in themes:
        counts = r.risk_matrix.get(theme.code, {})
        rows.append(
            [para(theme.text(w.lang), s["Td"])]
            + [w.n(counts.get(p, 0)) for p in priorities]
            + [w.n(sum(counts.values()))]
        )
    known = {t.code for t in w.reference.themes}
    for code in sorted(set(r.risk_matrix) - known):
        counts = r.risk_matrix[code]
        rows.append(
            [para(code, s["Td"])]
            + [w.n(counts.get(p, 0)) for p in priorities]
            + [w.n(sum(counts.values()))]
        )
    totals = [sum(r.risk_matrix.get(t, {}).get(p, 0) for t in r.risk_matrix) for p in priorities]
    rows.append([para(w.t("total"), s["TdBold"])] + [w.n(v) for v in totals] + [w.n(sum(totals))])
    if r.risk_matrix:
        table = grid_table(rows, [WIDTH - 4 * 24 * mm] + [24 * mm] * 4, total_row=True)
        table.setStyle(TableStyle([("FONTNAME", (-1, 1), (-1, -1), BOLD)]))
        flow.append(table)
        labels = [t.text(w.lang) for t in themes]
        series = [[r.risk_matrix.get(t.code, {}).get(p, 0) for t in themes] for p in priorities]
        flow.append(
            chart_block(
                w,
                w.t("chart_risks"),
                bar_chart(
                    w,
                    labels,
                    series,
                    [w.t(f"priority_{p}") for p in priorities],
                    [PRIORITY_COLOURS[p] for p in priorities],
                    stacked=True,
                    bar_height=10,
                ),
            )
        )
    else:
        flow.append(para(w.t("no_risks"), s["Body"]))
    follow = (
        "measures",
        "measures_completed",
        "measures_overdue",
        "signals_received",
        "signals_closed",
        "signals_open",
        "evidence_expiring",
    )
    rows = [[para(w.t("figure"), s["Th"]), para(w.t("number"), s["ThRight"])]]
    rows += [[para(w.name(c), s["Td"]), w.n(r.totals.get(c, 0))] for c in follow]
    steps = [[para(w.t("step"), s["Th"]), para(w.t("number"), s["ThRight"])]]
    steps += [
        [para(w.reference.label("escalation_steps", code, w.lang), s["Td"]), w.n(count)]
        for code, count in r.escalation_by_step.items()
    ]
    steps.append([para(w.t("total"), s["TdBold"]), w.n(r.totals.get("escalation_steps", 0))])
    half = (WIDTH - 8 * mm) / 2
    left = [para(w.t("follow_up"), s["Heading2"]), grid_table(rows, [half - 20 * mm, 20 * mm])]
    right = [
        para(w.t("escalation"), s["Heading2"]),
        grid_table(steps, [half - 20 * mm, 20 * mm], total_row=True),
    ]
    side_by_side = Table([[left, right]], colWidths=[half + 8 * mm, half], hAlign="LEFT")
    side_by_side.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FAMILY),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    flow += [side_by_side, PageBreak()]
    return flow
