"""Rapportage: year, organisation, exports to merge → the figures → PDF and Excel."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import locator
from app.domain.progress import Cancelled, Progress
from app.domain.report import YearReport
from app.domain.report_figures import FIGURES
from app.services import registry, reporting
from app.services.context import Context
from app.services.maintenance import save_report_files
from app.ui import widgets
from app.ui.forms import add_row
from app.ui.i18n import tr
from app.ui.labels import counted
from app.ui.models import show_value
from app.ui.tasks import TaskCancelled
from app.ui.widgets import BarChart, a11y, button

if TYPE_CHECKING:
    from app.ui.pages.reporting import ReportingPage

SHOWN = (
    "tenders",
    "tenders_isv_mandatory",
    "tenders_isv_applied_mandatory",
    "tenders_isv_not_applied_mandatory",
    "tenders_isv_applied_voluntary",
    "contracts_active",
    "contracts_isv",
    "plan_agreed",
    "yearly_report_received",
    "risks_high",
    "signals_received",
    "escalation_steps",
)


class ReportView(QWidget):
    def __init__(self, page: ReportingPage) -> None:
        super().__init__()
        self.page = page
        self.shell = page.shell
        self.report: YearReport | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.year = QSpinBox()
        self.year.setRange(2017, 2100)
        self.year.setValue(
            dt.date.today().year - 1 if dt.date.today().month < 4 else dt.date.today().year
        )
        add_row(form, tr("&Jaar:"), self.year, description=tr("Het verslagjaar"))
        self.organisation = QComboBox()
        self.organisation.addItem(tr("Alle organisaties"), None)
        add_row(
            form,
            tr("&Organisatie:"),
            self.organisation,
            description=tr("Alleen de cijfers van één organisatie, of van allemaal"),
        )
        self.grouping = QComboBox()
        self.grouping.addItem(tr("De indeling van het verslagjaar"), None)
        for cat_set in locator.reference().category_sets:
            self.grouping.addItem(
                tr("Ingedeeld als: {name}").format(name=cat_set.name(self.shell.lang)), cat_set.id
            )
        add_row(
            form,
            tr("&Indeling:"),
            self.grouping,
            description=tr("Eén indeling per tabel: die van het jaar, of de andere"),
        )
        self.basis = QComboBox()
        self.basis.addItem(tr("Naar gunningsdatum (zoals de JBR)"), "awarded")
        self.basis.addItem(tr("Naar publicatiedatum"), "published")
        add_row(
            form,
            tr("Te&lling:"),
            self.basis,
            description=tr(
                "In welk jaar een aanbesteding telt; zonder gunningsdatum wordt zij bij naam "
                "genoemd"
            ),
        )
        left_layout.addLayout(form)
        merge_label = QLabel(tr("E&xports van collega’s om mee te tellen (mag leeg blijven):"))
        merge_label.setWordWrap(True)
        left_layout.addWidget(merge_label)
        self.merge = QListWidget()
        merge_label.setBuddy(self.merge)
        self.merge.setMaximumHeight(160)
        a11y(
            self.merge,
            tr("Exports om samen te voegen"),
            tr("Jaarexports van collega’s die in dit rapport meetellen"),
        )
        left_layout.addWidget(self.merge)
        merge_bar = QHBoxLayout()
        merge_bar.addWidget(
            button(
                tr("Export &toevoegen…"),
                tr("Een jaarexport van een andere laptop toevoegen"),
                self._add_export,
            )
        )
        merge_bar.addWidget(
            button(tr("&Weghalen"), tr("De gekozen export weghalen"), self._remove_export)
        )
        left_layout.addLayout(merge_bar)
        self.make = button(
            tr("Cijfers &berekenen"), tr("De jaarcijfers berekenen en tonen"), self.compute
        )
        left_layout.addWidget(self.make)
        save_bar = QHBoxLayout()
        self.save_pdf = button(
            tr("Opslaan als P&DF…"), tr("Het jaarrapport als PDF opslaan"), lambda: self.save("pdf")
        )
        self.save_xlsx = button(
            tr("Opslaan als &Excel…"),
            tr("De cijfers als Excel-werkmap opslaan"),
            lambda: self.save("xlsx"),
        )
        self.save_docx = button(
            tr("Opslaan als &Word…"),
            tr("Het jaarrapport als Word-document opslaan, om in de JBR-tekst te plakken"),
            lambda: self.save("docx"),
        )
        save_bar.addWidget(self.save_pdf)
        save_bar.addWidget(self.save_xlsx)
        save_bar.addWidget(self.save_docx)
        left_layout.addLayout(save_bar)
        self.save_ocds = button(
            tr("Opslaan als &OCDS…"),
            tr(
                "De aanbestedingen, gunningen en contracten van het jaar als OCDS-releasepakket "
                "(open standaard), met de ISV als duurzaamheidsvelden"
            ),
            self.export_ocds,
        )
        left_layout.addWidget(self.save_ocds)
        left_layout.addStretch(1)
        self.preview = QTextBrowser()
        a11y(
            self.preview,
            tr("Voorbeeld van de cijfers"),
            tr("De belangrijkste jaarcijfers, per categorie"),
        )
        self.chart = BarChart(
            tr("ISV toegepast per categorie"),
            tr("Staafdiagram: aanbestedingen met ISV toegepast per categorie"),
        )
        right = QSplitter()
        right.setOrientation(right.orientation().Vertical)
        right.addWidget(self.preview)
        chart_room = QScrollArea()  # every bar within reach when the chart is short of room
        chart_room.setWidget(self.chart)
        chart_room.setWidgetResizable(True)
        chart_room.setFrameShape(QFrame.Shape.NoFrame)
        right.addWidget(chart_room)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([330, 800])
        layout.addWidget(splitter)
        self._update_buttons()

    def load(self) -> None:
        ctx = self.shell.context
        self.shell.tasks.run(lambda: registry.list_organisations(ctx), done=self._organisations)

    def _organisations(self, names: list[str]) -> None:
        current = self.organisation.currentData()
        while self.organisation.count() > 1:
            self.organisation.removeItem(1)
        for name in names:
            self.organisation.addItem(name, name)
        self.organisation.setCurrentIndex(max(0, self.organisation.findData(current)))

    def _add_export(self) -> None:
        path = widgets.ask_open_path(
            self,
            tr("Jaarexport kiezen"),
            str(Path.home()),
            tr("Jaarexport (*.json *.isvexport);;Alle bestanden (*)"),
        )
        if path:
            self.merge.addItem(path)

    def _remove_export(self) -> None:
        row = self.merge.currentRow()
        if row >= 0:
            self.merge.takeItem(row)

    def _update_buttons(self) -> None:
        self.save_pdf.setEnabled(self.report is not None)
        self.save_xlsx.setEnabled(self.report is not None)
        self.save_docx.setEnabled(self.report is not None)

    def compute(self) -> None:
        ctx = self.shell.context
        year = self.year.value()
        organisation = self.organisation.currentData()
        grouping = self.grouping.currentData()
        basis = self.basis.currentData()
        merge = [Path(self.merge.item(i).text()) for i in range(self.merge.count())]
        self.preview.setPlainText(tr("De cijfers worden berekend…"))
        self.shell.run_long(
            lambda progress, cancelled: year_report(
                ctx, year, organisation, merge, grouping, progress, cancelled, basis
            ),
            tr("Jaarcijfers berekenen…"),
            self._computed,
        )

    def _computed(self, report: YearReport) -> None:
        self.report = report
        lang = self.shell.lang
        esc = html.escape
        names = {f.code: f.name(lang) for f in FIGURES}
        parts = [f"<h2>{esc(tr('Jaarcijfers {year}').format(year=report.year))}</h2>"]
        if report.organisation:
            parts.append(f"<p>{esc(report.organisation)}</p>")
        parts.append("<table cellpadding='3'>")
        for code in SHOWN:
            if code in report.totals:
                parts.append(
                    f"<tr><td>{esc(names.get(code, code))}</td>"
                    f"<td align='right'>{esc(show_value(report.totals[code], lang))}"
                    "</td></tr>"
                )
        parts.append("</table>")
        parts.append(
            f"<h3>{esc(tr('Per categorie'))}</h3><table cellpadding='3'>"
            f"<tr><th align='left'>{esc(tr('Categorie'))}</th>"
            f"<th>{esc(names.get('tenders', 'tenders'))}</th>"
            f"<th>{esc(names.get('tenders_isv_mandatory', ''))}</th>"
            f"<th>{esc(names.get('contracts_active', ''))}</th></tr>"
        )
        shown = [
            c
            for c in report.categories
            if any(
                c.figures.get(code, 0)
                for code in ("tenders", "tenders_isv_mandatory", "contracts_active")
            )
        ]
        for category in shown:
            figures = category.figures
            parts.append(
                f"<tr><td>{esc(category.name(lang))}</td>"
                f"<td align='right'>{figures.get('tenders', 0)}</td>"
                f"<td align='right'>{figures.get('tenders_isv_mandatory', 0)}</td>"
                f"<td align='right'>{figures.get('contracts_active', 0)}</td></tr>"
            )
        parts.append("</table>")
        if report.sdg:
            parts.append(f"<h3>{esc(tr('Bijdrage aan de SDG’s'))}</h3><ul>")
            for figure in report.sdg:
                label = locator.reference().sdg_targets.get(figure.target)
                parts.append(f"<li>{esc(label.text(lang) if label else figure.target)}</li>")
            parts.append("</ul>")
        for warning in report.warnings:
            parts.append(f"<p><i>{esc(str(warning))}</i></p>")
        self.preview.setHtml("".join(parts))
        bars = [
            (
                category.name(lang),
                category.figures.get("tenders_isv_applied_mandatory", 0)
                + category.figures.get("tenders_isv_applied_voluntary", 0),
            )
            for category in shown
        ]
        self.chart.set_bars([bar for bar in bars if bar[1]])
        self._update_buttons()

    def save(self, kind: str) -> None:
        if self.report is None:
            return
        suffix, filters = {
            "pdf": ("pdf", tr("PDF (*.pdf)")),
            "xlsx": ("xlsx", tr("Excel-werkmap (*.xlsx)")),
            "docx": ("docx", tr("Word-document (*.docx)")),
        }[kind]
        name = f"ISV-jaarrapport-{self.report.year}.{suffix}"
        path = widgets.ask_save_path(
            self, tr("Jaarrapport opslaan"), str(Path.home() / name), filters
        )
        if not path:
            return
        target = Path(path)
        ctx, report, lang = self.shell.context, self.report, self.shell.lang
        self.shell.run_long(
            lambda progress, _cancelled: save_report_files(
                ctx,
                report,
                pdf=target if kind == "pdf" else None,
                xlsx=target if kind == "xlsx" else None,
                docx=target if kind == "docx" else None,
                lang=lang,
                progress=progress,
            ),
            tr("Jaarrapport opslaan…"),
            lambda written: self.shell.saved(*written),
        )

    def export_ocds(self) -> None:
        year = self.year.value()
        path = widgets.ask_save_path(
            self,
            tr("OCDS-releasepakket opslaan"),
            str(Path.home() / f"ISV-OCDS-{year}.json"),
            tr("OCDS-releasepakket (*.json)"),
        )
        if not path:
            return
        from app.services import ocds

        ctx, target = self.shell.context, Path(path)
        self.shell.run_long(
            lambda _progress, _cancelled: ocds.save_package(ctx, year, target),
            tr("OCDS-releasepakket opslaan…"),
            lambda saved: self.shell.saved(
                saved[0],
                extra=counted(tr("{count} {count|aanbesteding|aanbestedingen}"), count=saved[1]),
            ),
        )


def year_report(
    ctx: Context,
    year: int,
    organisation: str | None,
    merge: list[Path],
    grouping: str | None,
    progress: Progress,
    cancelled: Cancelled,
    basis: str = "awarded",
) -> YearReport:
    """Runs on a worker thread: the year report. The service has no progress of its own,
    so two steps are shown."""
    progress(0, 2)
    report = reporting.year_report(
        ctx, year, organisation=organisation, merge=merge, group_into=grouping, basis=basis
    )
    if cancelled():
        raise TaskCancelled
    progress(2, 2)
    return report
