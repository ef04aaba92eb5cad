"""The look of the yearly report's PDF: page width and colours, the report's words (from
the message catalogue, see :mod:`app.io.report_words`), the writer that formats numbers,
money, dates and figure names in the report's language, the paragraph styles, and the
building blocks every section uses (tables, bar charts, captions, headings).

Built on the shared base :mod:`app.io.pdf`; the sections are in
:mod:`app.io.report_pdf_sections`, the whole document in :mod:`app.io.report_pdf`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.domain.formatting import format_date, format_money, format_number, format_percent
from app.domain.reference import Reference
from app.domain.report import YearReport
from app.domain.report_figures import FIGURE_BY_CODE
from app.io.pdf import ACCENT, BOLD, FAMILY, MUTED, escape, outline, para
from app.io.pdf import stylesheet as base_stylesheet
from app.io.report_words import figure_name, report_word

WIDTH = 166 * mm  # A4 minus the base's left and right margins
GRID = colors.HexColor("#C8CFD8")
HEADER_BACKGROUND = colors.HexColor("#E4EAF2")
TOTAL_BACKGROUND = colors.HexColor("#F3F5F8")
SERIES_COLOURS = (
    colors.HexColor("#154273"),
    colors.HexColor("#5B8DC9"),
    colors.HexColor("#A7C4E5"),
    colors.HexColor("#E17000"),
)
PRIORITY_COLOURS = {
    "high": colors.HexColor("#B3261E"),
    "medium": colors.HexColor("#E17000"),
    "low": colors.HexColor("#8FB3D9"),
}


def pdf_text(key: str, lang: str, **params: Any) -> str:
    return report_word("pdf", key, lang, **params)


class Writer:
    """Helpers that format figures in the report's language."""

    def __init__(self, report: YearReport, reference: Reference, lang: str) -> None:
        self.report = report
        self.reference = reference
        self.lang = lang
        self.styles = _styles()

    def n(self, value: int) -> str:
        return format_number(value, self.lang)

    def euros(self, cents: int) -> str:
        text = format_money(Decimal(cents).scaleb(-2).quantize(Decimal(1)), self.lang)
        return text.replace(" ", "\u00a0")  # never break between € and the amount

    def pct(self, part: int, whole: int) -> str:
        if whole == 0:
            return "–"
        return format_percent(100 * part / whole, self.lang)

    def date(self, day: Any) -> str:
        return format_date(day, self.lang)

    def value(self, code: str, value: int) -> str:
        figure = FIGURE_BY_CODE.get(code)
        return self.euros(value) if figure is not None and figure.money else self.n(value)

    def plain(self, code: str, value: int) -> str:
        """Like :meth:`value`, without the euro sign (for table columns headed ``(€)``)."""
        figure = FIGURE_BY_CODE.get(code)
        if figure is not None and figure.money:
            return format_number(Decimal(value).scaleb(-2).quantize(Decimal(1)), self.lang)
        return self.n(value)

    def name(self, code: str) -> str:
        return figure_name(code, self.reference, self.lang)

    def t(self, key: str, **params: Any) -> str:
        return pdf_text(key, self.lang, **params)


def _styles() -> StyleSheet1:
    sheet = base_stylesheet()
    body = sheet["Body"]
    sheet.add(ParagraphStyle("Th", parent=body, fontName=BOLD, fontSize=7, leading=9, spaceAfter=0))
    sheet.add(ParagraphStyle("ThRight", parent=sheet["Th"], alignment=2))
    sheet.add(ParagraphStyle("ThCenter", parent=sheet["Th"], alignment=1))
    sheet.add(ParagraphStyle("Td", parent=body, fontSize=8, leading=10, spaceAfter=0))
    sheet.add(ParagraphStyle("TdRight", parent=sheet["Td"], alignment=2))
    sheet.add(ParagraphStyle("TdBold", parent=sheet["Td"], fontName=BOLD))
    sheet.add(ParagraphStyle("TdBoldRight", parent=sheet["TdBold"], alignment=2))
    sheet.add(ParagraphStyle("Lead", parent=body, fontSize=10.5, leading=15, spaceAfter=8))
    sheet.add(
        ParagraphStyle(
            "Caption",
            parent=body,
            fontName=BOLD,
            fontSize=8.5,
            leading=11,
            spaceBefore=6,
            spaceAfter=2,
            textColor=MUTED,
            keepWithNext=1,
        )
    )
    sheet.add(
        ParagraphStyle(
            "Bullet",
            parent=body,
            leftIndent=12,
            bulletIndent=2,
            bulletFontName=FAMILY,
            spaceAfter=3,
        )
    )
    sheet.add(
        ParagraphStyle("CoverTitle", parent=sheet["Title"], fontSize=28, leading=34, spaceAfter=10)
    )
    sheet.add(ParagraphStyle("Mono", parent=sheet["Td"], fontSize=7, leading=9, textColor=MUTED))
    return sheet


# ---------------------------------------------------------------------------------------
# Building blocks
# ---------------------------------------------------------------------------------------


def grid_table(
    rows: list[list[Any]], widths: Sequence[float], *, header_rows: int = 1, total_row: bool = False
) -> Table:
    table = Table(rows, colWidths=list(widths), repeatRows=header_rows, hAlign="LEFT")
    style: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FAMILY),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("LEADING", (0, 0), (-1, -1), 10),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        # numbers are plain strings (no paragraph layout each), set right
        ("ALIGN", (1, header_rows), (-1, -1), "RIGHT"),
        ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, ACCENT),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_BACKGROUND),
        ("LINEBELOW", (0, header_rows), (-1, -1), 0.25, GRID),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if total_row:
        style += [
            ("BACKGROUND", (0, -1), (-1, -1), TOTAL_BACKGROUND),
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, ACCENT),
            ("FONTNAME", (0, -1), (-1, -1), BOLD),
        ]
    table.setStyle(TableStyle(style))
    return table


def bar_chart(
    w: Writer,
    labels: Sequence[str],
    series: Sequence[Sequence[int]],
    names: Sequence[str],
    palette: Sequence[Any],
    *,
    stacked: bool = False,
    bar_height: float = 9,
) -> Drawing:
    """A horizontal bar chart (one group per label) with a legend beneath."""
    count = max(len(labels), 1)
    per_group = bar_height * (1 if stacked else len(series)) + 6
    plot_height = count * per_group
    legend_height = 14 if len(series) > 1 else 0
    label_width = 62 * mm
    height = plot_height + 24 + legend_height
    drawing = Drawing(WIDTH, height, initialFontName=FAMILY, initialFontSize=7)
    chart = HorizontalBarChart()
    chart.x = label_width
    chart.y = 14
    chart.width = WIDTH - label_width - 12
    chart.height = plot_height
    # reportlab draws the first category at the bottom, and in a group the first series
    # at the bottom: reverse both, so categories and bars read top-down in the order of
    # the labels and of the legend.
    ordered = list(series) if stacked else list(reversed(series))  # stacks run left to right
    chart.data = [list(reversed(s)) for s in ordered]
    chart.categoryAxis.categoryNames = [shorten(x, 46) for x in reversed(labels)]
    chart.categoryAxis.labels.fontName = FAMILY
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = MUTED
    chart.valueAxis.labels.fontName = FAMILY
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    top = max(
        [sum(v) for v in zip(*series, strict=True)]
        if stacked
        else [v for s in series for v in s] or [0]
    )
    step = _step(max(top, 1))
    chart.valueAxis.valueStep = step
    chart.valueAxis.valueMax = math.ceil(max(top, 1) * 1.06 / step) * step
    chart.valueAxis.labelTextFormat = lambda v: format_number(v, w.lang)
    chart.valueAxis.strokeColor = MUTED
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#E3E7ED")
    chart.barSpacing = 1
    chart.groupSpacing = 5
    chart.bars.strokeColor = None
    if stacked:
        chart.categoryAxis.style = "stacked"
    colours = list(palette[: len(series)])
    for index, colour in enumerate(colours if stacked else reversed(colours)):
        chart.bars[index].fillColor = colour
    if not stacked:  # stacked segments are too narrow for labels; the table has them
        chart.barLabelFormat = lambda v: format_number(v, w.lang) if v else ""
        chart.barLabels.fontName = FAMILY
        chart.barLabels.fontSize = 6.5
        chart.barLabels.boxAnchor = "w"
        chart.barLabels.dx = 3
    drawing.add(chart)
    if len(series) > 1:
        legend = Legend()
        legend.x = label_width
        legend.y = height - 2
        legend.fontName = FAMILY
        legend.fontSize = 7
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.deltax = max(stringWidth(str(n), FAMILY, 7) for n in names) + 24
        legend.dxTextSpace = 4
        legend.boxAnchor = "nw"
        legend.colorNamePairs = list(zip(palette, names, strict=False))
        legend.strokeColor = None
        drawing.add(legend)
    return drawing


def _step(top: int) -> float:
    for step in (
        1,
        2,
        5,
        10,
        20,
        25,
        50,
        100,
        200,
        250,
        500,
        1000,
        2000,
        5000,
        10000,
        20000,
        50000,
        100000,
    ):
        if top / step <= 8:
            return step
    return float(top) / 8


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def chart_block(w: Writer, caption: str, drawing: Drawing) -> Flowable:
    return KeepTogether([Paragraph(escape(caption), w.styles["Caption"]), drawing, Spacer(1, 4)])


def heading(w: Writer, text: str, level: int = 0) -> Flowable:
    style = w.styles["Heading1" if level == 0 else "Heading2"]
    return outline(para(text, style), text, level)
