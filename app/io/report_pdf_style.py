"""The look of the yearly report's PDF: page width and colours, the report's own words
in Dutch and English, the writer that formats numbers, money, dates and figure names in
the report's language, the paragraph styles, and the building blocks every section uses
(tables, bar charts, captions, headings).

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
from app.io.report_words import SHARED_WORDS, word

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

PLURAL_WORDS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "tender_word": (("aanbesteding", "aanbestedingen"), ("tender", "tenders")),
}
_T: dict[str, tuple[str, str]] = {
    **SHARED_WORDS,
    "subtitle": (
        "Internationale Sociale Voorwaarden in de inkoop van het Rijk: cijfers voor "
        "de Jaarrapportage Bedrijfsvoering Rijk",
        "International Social Conditions in central-government procurement: "
        "figures for the Jaarrapportage Bedrijfsvoering Rijk",
    ),
    "cover_note": (
        "Er bestaat geen officiële indicatorenset voor de ISV. De cijfers in dit "
        "rapport zijn daarom elk in woorden gedefinieerd (zie de bijlage) en terug "
        "te voeren op de records waaruit ze zijn geteld: de Excel-versie van dit "
        "rapport bevat per aanbesteding en per contract de vlaggen achter elk "
        "cijfer.",
        "No official ISV indicator set exists. Each figure in this report is "
        "therefore defined in words (see the annex) and can be traced to the "
        "records it was counted from: the Excel version of this report holds, "
        "per tender and per contract, the flags behind every figure.",
    ),
    "year": ("Verslagjaar", "Report year"),
    "database": ("eigen database", "own database"),
    "export": ("export", "export"),
    "records": ("records", "records"),
    "records_col": ("Records", "Records"),
    "see_cover": ("zie voorblad", "see cover"),
    "grouping": ("Categorieën gegroepeerd naar", "Categories grouped into"),
    "tenders_section": ("Aanbestedingen per categorie", "Tenders per category"),
    "contracts_section": (
        "Contracten en gepaste zorgvuldigheid per categorie",
        "Contracts and due diligence per category",
    ),
    "risks_section": ("Risico's, maatregelen en opvolging", "Risks, measures and follow-up"),
    "sources_section": ("Bronnen en samenvoeging", "Sources and merge"),
    "annex": ("Bijlage: definities van de cijfers", "Annex: definitions of the figures"),
    "forms": ("Toepassingsvorm", "Form of application"),
    "priority_high": ("Hoog", "High"),
    "priority_medium": ("Middel", "Medium"),
    "priority_low": ("Laag", "Low"),
    "no_risks": (
        "In de ontvangen risicoanalyses van lopende contracten met ISV staan geen risico's.",
        "The risk analyses received for active contracts with ISV list no risks.",
    ),
    "value": ("Waarde", "Value"),
    "escalation": ("Escalatiestappen in het jaar", "Escalation steps in the year"),
    "step": ("Stap", "Step"),
    "number": ("Aantal", "Number"),
    "sdg_target": ("SDG-subdoel", "SDG target"),
    "sdg_themes": ("Via thema's", "Through themes"),
    "signals": ("Signalen", "Signals"),
    "sdg_intro": (
        "Het kabinet maakt in de Jaarrapportage Bedrijfsvoering Rijk zichtbaar aan "
        "welke SDG's de inkoopstrategie bijdraagt. Dit deel telt op welke SDG-subdoelen "
        "de risico's en signalen betrekking hebben die leveranciers en inkopers hebben "
        "vastgelegd (via hun thema's); het meet geen bijdrage.",
        "The cabinet makes visible in the Jaarrapportage Bedrijfsvoering Rijk "
        "which SDGs its procurement strategy contributes to. This part counts which SDG "
        "targets the risks and signals recorded by suppliers and buyers relate to "
        "(through their themes); it does not measure a contribution.",
    ),
    "duplicates": ("Dubbele records (één keer geteld)", "Duplicate records (counted once)"),
    "no_conflicts": (
        "Er zijn geen conflicterende kopieën gevonden.",
        "No conflicting copies were found.",
    ),
    "conflict_line": (
        "{kind} {ref}: verschilt tussen {kept} en {other} in {fields}; geteld "
        "is de kopie uit {kept}.",
        "{kind} {ref}: differs between {kept} and {other} in {fields}; the copy "
        "from {kept} was counted.",
    ),
    "source": ("Bron", "Source"),
    "installation": ("Installatie", "Installation"),
    "general": ("Algemeen", "General"),
    "chart_tenders": (
        "Aanbestedingen met verplichte ISV en toepassing, per categorie",
        "Tenders with mandatory ISV and application, per category",
    ),
    "oecd_heading": (
        "De zes OESO-stappen op de peildatum",
        "The six OECD steps on the reference date",
    ),
    "state_not_started": ("Niet begonnen", "Not started"),
    "state_in_progress": ("Bezig", "In progress"),
    "state_done": ("Gereed", "Done"),
    "state_overdue": ("Te laat", "Overdue"),
    "state_not_applicable": ("N.v.t.", "N/a"),
    "step_col": ("OESO-stap", "OECD step"),
    "chart_dd": (
        "Gepaste zorgvuldigheid bij lopende contracten met ISV",
        "Due diligence on active contracts with ISV",
    ),
    "chart_risks": (
        "Risico's per thema en prioriteit (laatste risicoanalyse)",
        "Risks per theme and priority (latest risk analysis)",
    ),
    "chart_sdg": ("Contracten met ISV per SDG-subdoel", "Contracts with ISV per SDG target"),
    "col_tenders": ("Gepubliceerd", "Published"),
    "col_mandatory": ("ISV verplicht", "ISV mandatory"),
    "col_total": ("Totaal", "Total"),
    "col_applied": ("Toegepast", "Applied"),
    "col_not_applied": ("Niet toegepast", "Not applied"),
    "col_voluntary": ("Vrijwillig toegepast", "Applied voluntarily"),
    "col_current": ("Tekst ISV-assistent, actuele versie", "ISV-assistent text, current"),
    "col_value": ("Geraamde waarde (€)", "Estimated value (€)"),
    "col_active": ("Lopend", "Active"),
    "col_isv": ("Met ISV", "With ISV"),
    "col_contract_value": ("Waarde (€)", "Value (€)"),
    "col_received": ("Ontvangen", "Received"),
    "col_ra": ("Risicoanalyse", "Risk analysis"),
    "col_ra_on_time": ("Op tijd", "On time"),
    "col_plan": ("Plan van aanpak afgesproken", "Plan of action agreed"),
    "col_yr": ("Jaarrapportage", "Yearly report"),
    "col_yr_ok": ("Voldoende", "Sufficient"),
    "outside_set": ("Buiten de risicocategorieën", "Outside the risk categories"),
    "follow_up": ("Maatregelen, signalen en bewijsstukken", "Measures, signals and evidence"),
    "series_mandatory": ("ISV verplicht", "ISV mandatory"),
    "series_applied": ("Verplicht en toegepast", "Mandatory and applied"),
    "series_voluntary": ("Vrijwillig toegepast", "Applied voluntarily"),
    "footer": (
        "ISV-jaarrapportage {year} · {organisation} · peildatum {as_of}",
        "ISV yearly report {year} · {organisation} · reference date {as_of}",
    ),
    "award_unknown_intro": (
        "Deze aanbestedingen zijn in het jaar gepubliceerd maar hebben geen gunningsdatum; "
        "bij telling naar gunningsdatum staan zij niet in de cijfers.",
        "These tenders were published in the year but have no award date; counted by award "
        "date, they are not in the figures.",
    ),
    "basis_awarded": (
        "Geteld naar gunningsdatum (gegunde aanbestedingen, zoals de JBR telt).",
        "Counted by award date (awarded tenders, as the JBR counts).",
    ),
    "basis_published": ("Geteld naar publicatiedatum.", "Counted by publication date."),
    "previous_year": ("Vorig jaar", "Previous year"),
    "basis": ("Telling", "Counting"),
    "share_value": ("Aandeel naar waarde", "Share by value"),
    "clause_version": (
        "Actuele tekstversie van ISV-assistent: {version} (een eigen tekst, niet de officiële "
        "bestekteksten; de tabel ‘Gebruikte ISV-teksten’ telt de teksten per soort).",
        "Current ISV-assistent text version: {version} (our own text, not the official "
        "standard tender texts; the table ‘ISV texts used’ counts the texts per kind).",
    ),
}


def pdf_text(key: str, lang: str, **params: Any) -> str:
    return word(_T, key, lang, **params)


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

    def pl(self, count: int, one: str, many: str) -> str:
        """``1 contract`` / ``3 contracten``."""
        return f"{self.n(count)} {one if count == 1 else many}"

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
        figure = FIGURE_BY_CODE.get(code)
        if figure is not None:
            return figure.name(self.lang)
        if code.startswith("escalation_"):
            return self.reference.label(
                "escalation_steps", code.removeprefix("escalation_"), self.lang
            )
        return code

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
