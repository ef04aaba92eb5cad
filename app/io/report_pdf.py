"""The yearly ISV report as a PDF a ministry can publish (reportlab; returns bytes).

Built on the shared base :mod:`app.io.pdf` (bundled fonts embedded, one stylesheet,
"page x of y", metadata). Contents: a cover; a one-page summary in plain sentences; the
tenders and the contracts per category with bar charts; risks and follow-up; the SDG
targets served; the sources of a merged report; and an annex that defines every figure.
Numbers, money and dates in Dutch (``1.234,5``, ``€ 140.000``, ``31 december 2026``) or
English. Every text from a user or supplier goes through :func:`app.io.pdf.para`, so
markup shows literally.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

from reportlab import rl_config
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
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

from app.domain.formatting import format_date, format_money, format_number, format_percent
from app.domain.reference import Reference
from app.domain.report import (
    AS_OF_DEFINITION,
    FIGURE_BY_CODE,
    FIGURES,
    GROUPS,
    MERGE_DEFINITION,
    SDG_DEFINITION,
    STEPS_DEFINITION,
    YearReport,
    kind_label,
)
from app.io.pdf import ACCENT, BOLD, FAMILY, MUTED, PdfMeta, build_pdf, escape, outline, para
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

_T_PLURAL: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
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
    "generated": ("Aangemaakt op", "Generated on"),
    "fingerprint": ("Vingerafdruk van de gegevens (SHA-256)", "Fingerprint of the data (SHA-256)"),
    "database": ("eigen database", "own database"),
    "export": ("export", "export"),
    "records": ("records", "records"),
    "records_col": ("Records", "Records"),
    "see_cover": ("zie voorblad", "see cover"),
    "grouping": ("Categorieën gegroepeerd naar", "Categories grouped into"),
    "key_figures": ("Kerncijfers", "Key figures"),
    "tenders_section": ("Aanbestedingen per categorie", "Tenders per category"),
    "contracts_section": (
        "Contracten en gepaste zorgvuldigheid per categorie",
        "Contracts and due diligence per category",
    ),
    "risks_section": ("Risico's, maatregelen en opvolging", "Risks, measures and follow-up"),
    "sdg_section": (
        "Bijdrage aan de duurzame-ontwikkelingsdoelen (SDG's)",
        "Contribution to the Sustainable Development Goals (SDGs)",
    ),
    "sources_section": ("Bronnen en samenvoeging", "Sources and merge"),
    "annex": ("Bijlage: definities van de cijfers", "Annex: definitions of the figures"),
    "forms": ("Toepassingsvorm", "Form of application"),
    "no_reasons": (
        "Er zijn geen aanbestedingen waarin verplichte ISV niet zijn toegepast.",
        "There are no tenders in which mandatory ISV were not applied.",
    ),
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
        "welke SDG's de inkoopstrategie bijdraagt. Werk aan de ISV draagt bij via "
        "de thema's waarop leveranciers risico's vinden en maatregelen nemen.",
        "The cabinet makes visible in the Jaarrapportage Bedrijfsvoering Rijk "
        "which SDGs its procurement strategy contributes to. ISV work contributes "
        "through the themes on which suppliers find risks and take measures.",
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
    "col_current": ("Actuele tekstversie", "Current text version"),
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
    "clause_version": (
        "Actuele versie van de ISV-bestekteksten: {version}.",
        "Current version of the ISV standard tender texts: {version}.",
    ),
}


def _t(key: str, lang: str, **params: Any) -> str:
    return word(_T, key, lang, **params)


class _Writer:
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
        return _t(key, self.lang, **params)


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


def _table(
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


def _bar_chart(
    w: _Writer,
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
    # reportlab draws the first category at the bottom; reverse to read top-down.
    chart.data = [list(reversed(s)) for s in series]
    chart.categoryAxis.categoryNames = [_short(x, 46) for x in reversed(labels)]
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
    for index, colour in enumerate(palette):
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


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _chart_block(w: _Writer, caption: str, drawing: Drawing) -> Flowable:
    return KeepTogether([Paragraph(escape(caption), w.styles["Caption"]), drawing, Spacer(1, 4)])


def _heading(w: _Writer, text: str, level: int = 0) -> Flowable:
    style = w.styles["Heading1" if level == 0 else "Heading2"]
    return outline(para(text, style), text, level)


# ---------------------------------------------------------------------------------------
# Sections
# ---------------------------------------------------------------------------------------


def _cover(w: _Writer) -> list[Flowable]:
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


def _summary_sentences(w: _Writer) -> list[str]:
    """The year in plain sentences, singular and plural as the numbers need."""
    r, tot = w.report, w.report.totals
    n, pct, pl = w.n, w.pct, w.pl
    current = ("aanbesteding gebruikte", "aanbestedingen gebruikten")
    mandatory = tot["tenders_isv_mandatory"]
    if w.lang == "en":
        return [
            f"In {r.year}, {pl(tot['tenders'], 'tender was', 'tenders were')} published "
            f"with a total estimated value of {w.euros(tot['tenders_value'])}. For "
            f"{n(mandatory)} of them the ISV were mandatory: "
            f"{n(tot['tenders_isv_applied_mandatory'])} applied them "
            f"({pct(tot['tenders_isv_applied_mandatory'], mandatory)}), "
            f"{n(tot['tenders_isv_not_applied_mandatory'])} did not, with a recorded "
            f"reason, and {n(tot['tenders_isv_undecided_mandatory'])} "
            f"{'has' if tot['tenders_isv_undecided_mandatory'] == 1 else 'have'} no "
            f"decision recorded.",
            f"In {pl(tot['tenders_isv_applied_voluntary'], 'further tender', 'further tenders')}"
            f" the ISV were applied voluntarily, below the threshold or outside the risk "
            f"categories. {pl(tot['tenders_clause_current'], 'tender', 'tenders')} used the "
            f"current version ({r.current_clause_version}) of the standard tender texts.",
            f"{pl(tot['contracts_active'], 'contract was', 'contracts were')} active in the "
            f"year ({w.euros(tot['contracts_value'])}), {n(tot['contracts_isv'])} of them "
            f"with ISV. Of those, {n(tot['risk_analysis_received'])} had delivered a risk "
            f"analysis ({n(tot['risk_analysis_on_time'])} on time) and "
            f"{n(tot['risk_analysis_overdue'])} had not by the deadline; a plan of action "
            f"was agreed for {n(tot['plan_agreed'])} "
            f"({pct(tot['plan_agreed'], tot['contracts_isv'])}).",
            f"Yearly reports: {n(tot['yearly_report_due'])} due in the year, "
            f"{n(tot['yearly_report_received'])} received, "
            f"{n(tot['yearly_report_sufficient'])} assessed as sufficient. The suppliers' "
            f"latest risk analyses name {pl(tot['risks'], 'risk', 'risks')}, "
            f"{n(tot['risks_high'])} of high priority. Measures: {n(tot['measures'])} in "
            f"all, {n(tot['measures_completed'])} completed, {n(tot['measures_overdue'])} "
            f"past their due date.",
            f"Signals of possible abuses received: {n(tot['signals_received'])}; escalation "
            f"steps taken: {n(tot['escalation_steps'])}.",
        ]
    return [
        f"In {r.year} {'is' if tot['tenders'] == 1 else 'zijn'} "
        f"{pl(tot['tenders'], 'aanbesteding', 'aanbestedingen')} gepubliceerd met een "
        f"geraamde waarde van samen {w.euros(tot['tenders_value'])}. Bij {n(mandatory)} "
        f"daarvan waren de ISV verplicht: in {n(tot['tenders_isv_applied_mandatory'])} zijn ze "
        f"toegepast ({pct(tot['tenders_isv_applied_mandatory'], mandatory)}), in "
        f"{n(tot['tenders_isv_not_applied_mandatory'])} met een vastgelegde reden niet, en "
        f"bij {n(tot['tenders_isv_undecided_mandatory'])} is geen besluit vastgelegd.",
        f"In nog {pl(tot['tenders_isv_applied_voluntary'], 'aanbesteding', 'aanbestedingen')}"
        f" zijn de ISV vrijwillig toegepast, onder de drempel of buiten de "
        f"risicocategorieën. "
        f"{pl(tot['tenders_clause_current'], *current)}"
        f" de actuele versie ({r.current_clause_version}) van de bestekteksten.",
        f"In het jaar {'liep' if tot['contracts_active'] == 1 else 'liepen'} "
        f"{pl(tot['contracts_active'], 'contract', 'contracten')} "
        f"({w.euros(tot['contracts_value'])}), waarvan {n(tot['contracts_isv'])} met ISV. "
        f"Daarvan had{'' if tot['risk_analysis_received'] == 1 else 'den'} "
        f"{n(tot['risk_analysis_received'])} een risicoanalyse geleverd "
        f"({n(tot['risk_analysis_on_time'])} op tijd) en {n(tot['risk_analysis_overdue'])} "
        f"niet binnen de termijn; voor {n(tot['plan_agreed'])} "
        f"({pct(tot['plan_agreed'], tot['contracts_isv'])}) is een plan van aanpak "
        f"afgesproken.",
        f"Jaarrapportages: {n(tot['yearly_report_due'])} verschuldigd in het jaar, "
        f"{n(tot['yearly_report_received'])} ontvangen, {n(tot['yearly_report_sufficient'])} "
        f"als voldoende beoordeeld. De laatste risicoanalyses van leveranciers noemen "
        f"{pl(tot['risks'], 'risico', 'risico’s')}, waarvan {n(tot['risks_high'])} met hoge "
        f"prioriteit. Maatregelen: {n(tot['measures'])} in totaal, "
        f"{n(tot['measures_completed'])} afgerond, {n(tot['measures_overdue'])} over de "
        f"einddatum.",
        f"Signalen van mogelijke misstanden ontvangen: {n(tot['signals_received'])}; "
        f"escalatiestappen gezet: {n(tot['escalation_steps'])}.",
    ]


def _summary(w: _Writer) -> list[Flowable]:
    s, tot = w.styles, w.report.totals
    sentences = _summary_sentences(w)
    flow: list[Flowable] = [_heading(w, w.t("summary"))]
    flow += [para(text, s["Lead"] if i == 0 else s["Body"]) for i, text in enumerate(sentences)]
    key_codes = (
        "tenders",
        "tenders_isv_mandatory",
        "tenders_isv_applied_mandatory",
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
    rows: list[list[Any]] = [[para(w.t("figure"), s["Th"]), para(w.t("value"), s["ThRight"])]]
    for code in key_codes:
        rows.append([para(w.name(code), s["Td"]), w.value(code, tot[code])])
    flow += [
        Spacer(1, 3 * mm),
        para(w.t("key_figures"), s["Heading2"]),
        _table(rows, [WIDTH - 40 * mm, 40 * mm]),
        PageBreak(),
    ]
    return flow


def _word_width(text: str, size: float) -> float:
    """The width of the longest word of a header (headers wrap only between words)."""
    return max((stringWidth(word, BOLD, size) for word in text.split()), default=0)


def _category_table(
    w: _Writer,
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
    table = _table(rows, [first, *widths], header_rows=2, total_row=True)
    extra = [*spans, ("VALIGN", (0, 0), (-1, 1), "BOTTOM")]
    for index in set_rows:
        extra += [
            ("SPAN", (0, index), (-1, index)),
            ("BACKGROUND", (0, index), (-1, index), TOTAL_BACKGROUND),
        ]
    table.setStyle(TableStyle(extra))
    return table


def _set_name(w: _Writer, set_id: str | None) -> str:
    if set_id is None:
        return w.t("outside_set")
    try:
        return w.reference.category_set(set_id).name(w.lang)
    except KeyError:
        return set_id


def _tenders_section(w: _Writer) -> list[Flowable]:
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
        _heading(w, w.t("tenders_section")),
        _category_table(w, codes, groups, heads, keep="tenders"),
        para(w.t("clause_version", version=r.current_clause_version), s["Small"]),
    ]
    with_tenders = [c for c in r.categories if c.figures.get("tenders", 0)]
    if with_tenders:
        flow.append(
            _chart_block(
                w,
                w.t("chart_tenders"),
                _bar_chart(
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
        _table(forms, [WIDTH - 40 * mm, 40 * mm]),
    ]
    flow.append(para(w.t("reasons"), s["Heading2"]))
    if not r.not_applied_reasons:
        flow.append(para(w.t("no_reasons"), s["Body"]))
    for reason, count in r.not_applied_reasons:
        # Paragraphs, not table cells: a very long reason must be able to cross a page.
        tenders = w.pl(count, *_T_PLURAL["tender_word"][1 if w.lang == "en" else 0])
        flow.append(
            Paragraph(f"<b>{escape(tenders)}</b>: {escape(reason)}", s["Bullet"], bulletText="•")
        )
    flow.append(PageBreak())
    return flow


def _contracts_section(w: _Writer) -> list[Flowable]:
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
        _heading(w, w.t("contracts_section")),
        _category_table(w, codes, groups, heads, keep="contracts_active"),
        *(
            [
                _chart_block(
                    w,
                    w.t("chart_dd"),
                    _bar_chart(
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


def _steps_table(w: _Writer) -> list[Flowable]:
    s = w.styles
    states = ("not_started", "in_progress", "done", "overdue")
    rows: list[list[Any]] = [
        [para(w.t("step_col"), s["Th"])] + [para(w.t(f"state_{x}"), s["ThRight"]) for x in states]
    ]
    for step in w.reference.oecd_steps:
        counts = w.report.step_states.get(step.code, {})
        rows.append(
            [
                [
                    para(f"{step.number}. {step.text(w.lang)}", s["Td"]),
                    para(step.isv_en if w.lang == "en" else step.isv_nl, s["Mono"]),
                ]
            ]
            + [w.n(counts.get(x, 0)) for x in states]
        )
    return [
        KeepTogether(
            [
                para(w.t("oecd_heading"), s["Heading2"]),
                _table(rows, [WIDTH - 4 * 22 * mm] + [22 * mm] * 4),
                para(STEPS_DEFINITION[1 if w.lang == "en" else 0], s["Small"]),
            ]
        )
    ]


def _risks_section(w: _Writer) -> list[Flowable]:
    r, s = w.report, w.styles
    flow: list[Flowable] = [_heading(w, w.t("risks_section"))]
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
        table = _table(rows, [WIDTH - 4 * 24 * mm] + [24 * mm] * 4, total_row=True)
        table.setStyle(TableStyle([("FONTNAME", (-1, 1), (-1, -1), BOLD)]))
        flow.append(table)
        labels = [t.text(w.lang) for t in themes]
        series = [[r.risk_matrix.get(t.code, {}).get(p, 0) for t in themes] for p in priorities]
        flow.append(
            _chart_block(
                w,
                w.t("chart_risks"),
                _bar_chart(
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
    left = [para(w.t("follow_up"), s["Heading2"]), _table(rows, [half - 20 * mm, 20 * mm])]
    right = [
        para(w.t("escalation"), s["Heading2"]),
        _table(steps, [half - 20 * mm, 20 * mm], total_row=True),
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


def _sdg_section(w: _Writer) -> list[Flowable]:
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
        _heading(w, w.t("sdg_section")),
        para(w.t("sdg_intro"), s["Body"]),
        _table(rows, [62 * mm, WIDTH - 62 * mm - 3 * 19 * mm] + [19 * mm] * 3),
        para(SDG_DEFINITION[1 if w.lang == "en" else 0], s["Small"]),
    ]
    served = [x for x in r.sdg if x.contracts]
    if served:
        flow.append(
            _chart_block(
                w,
                w.t("chart_sdg"),
                _bar_chart(
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


def _sources_section(w: _Writer) -> list[Flowable]:
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
        _heading(w, w.t("sources_section")),
        _table(rows, [38 * mm, 18 * mm, 44 * mm, WIDTH - 118 * mm, 18 * mm]),
        Spacer(1, 3 * mm),
        para(f"{w.t('duplicates')}: {w.n(r.duplicates)}", s["Body"]),
        para(MERGE_DEFINITION[1 if w.lang == "en" else 0], s["Small"]),
        para(w.t("conflicts"), s["Heading2"]),
    ]
    if not r.conflicts:
        flow.append(para(w.t("no_conflicts"), s["Body"]))
    for conflict in r.conflicts:
        text = w.t(
            "conflict_line",
            kind=kind_label(conflict.kind, w.lang).capitalize(),
            ref=conflict.ref or conflict.uid,
            kept=conflict.kept_from,
            other=conflict.other_from,
            fields=", ".join(conflict.fields),
        )
        flow.append(Paragraph(escape(text), s["Bullet"], bulletText="•"))
    flow.append(PageBreak())
    return flow


def _annex(w: _Writer) -> list[Flowable]:
    s = w.styles
    flow: list[Flowable] = [_heading(w, w.t("annex"))]
    general = [
        (w.t("as_of"), AS_OF_DEFINITION[1 if w.lang == "en" else 0]),
        ("SDG", SDG_DEFINITION[1 if w.lang == "en" else 0]),
        (w.t("step_col"), STEPS_DEFINITION[1 if w.lang == "en" else 0]),
        (w.t("sources"), MERGE_DEFINITION[1 if w.lang == "en" else 0]),
    ]
    flow.append(para(w.t("general"), s["Heading2"]))
    for label, text in general:
        flow.append(Paragraph(f"<b>{escape(label)}</b>: {escape(text)}", s["Body"]))
    for group, nl, en in GROUPS:
        rows: list[list[Any]] = [[para(w.t("figure"), s["Th"]), para(w.t("definition"), s["Th"])]]
        for figure in FIGURES:
            if figure.group == group:
                rows.append(
                    [
                        [para(figure.name(w.lang), s["TdBold"]), para(figure.code, s["Mono"])],
                        para(figure.definition(w.lang), s["Td"]),
                    ]
                )
        flow.append(para(en if w.lang == "en" else nl, s["Heading2"]))
        flow.append(_table(rows, [56 * mm, WIDTH - 56 * mm]))
    return flow


def _footer(report: YearReport, lang: str) -> str:
    """The running footer. The base draws it on the canvas in DejaVu Sans only, so an
    organisation name with characters that font lacks (CJK) is left out of the footer;
    the cover shows it in full."""
    organisation = report.organisation or _t("all", lang)
    if not _in_base_font(organisation):
        organisation = _t("organisation", lang).lower() + " " + _t("see_cover", lang)
    return _t(
        "footer",
        lang,
        year=report.year,
        organisation=_short(organisation, 60),
        as_of=format_date(report.as_of, lang),
    )


def _in_base_font(text: str) -> bool:
    from reportlab.pdfbase import pdfmetrics

    from app.io.pdf import register_fonts

    covered = pdfmetrics.getFont(register_fonts()).face.charToGlyph
    return all(ord(char) in covered for char in text if not char.isspace())


def report_story(report: YearReport, reference: Reference, lang: str) -> list[Flowable]:
    """The flowables of the report (exposed for the benchmark and for tests)."""
    w = _Writer(report, reference, lang)
    story: list[Flowable] = []
    story += _cover(w)
    story += _summary(w)
    story += _tenders_section(w)
    story += _contracts_section(w)
    story += _risks_section(w)
    story += _sdg_section(w)
    if len(report.sources) > 1 or report.conflicts or report.duplicates:
        story += _sources_section(w)
    story += _annex(w)
    return story


_SETTINGS_LOCK = threading.Lock()
_renders = [0]  # reports rendering now (in any thread)
_saved_settings: dict[str, Any] = {}
QUICK_SETTINGS = {"shapeChecking": 0, "useA85": 0}
"""reportlab's own speed settings, in force while a report renders: no attribute checks
on the chart shapes (this module builds them from fixed, valid values; the checks cost a
quarter of drawing the charts) and page streams compressed without the extra ASCII85
armour (a PDF is a binary file; pure-Python ASCII85 costs more than the compression)."""


@contextmanager
def _quick_settings() -> Iterator[None]:
    """:data:`QUICK_SETTINGS` for the length of a render. They are process-wide, so they
    are set when the first of any overlapping renders starts and put back when the last
    one ends."""
    with _SETTINGS_LOCK:
        if _renders[0] == 0:
            _saved_settings.update({k: getattr(rl_config, k) for k in QUICK_SETTINGS})
            for key, value in QUICK_SETTINGS.items():
                setattr(rl_config, key, value)
        _renders[0] += 1
    try:
        yield
    finally:
        with _SETTINGS_LOCK:
            _renders[0] -= 1
            if _renders[0] == 0:
                for key, value in _saved_settings.items():
                    setattr(rl_config, key, value)


def render_report_pdf(report: YearReport, reference: Reference, lang: str = "nl") -> bytes:
    """The report as PDF bytes, in ``lang`` (``nl`` or ``en``)."""
    title = _t("title", lang, year=report.year)
    organisation = report.organisation or _t("all", lang)
    meta = PdfMeta(
        title=title,
        author=organisation,
        subject=_t("subtitle", lang),
        lang=lang,
        keywords=("ISV", "JBR", str(report.year), f"sha256:{report.fingerprint}"),
        footer=_footer(report, lang),
    )
    with _quick_settings():
        return build_pdf(report_story(report, reference, lang), meta)
