"""Aanbestedingen: every tender with its verdict and ISV decision; the wizard starts here."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QTextBrowser

from app import locator
from app.domain.errors import IsvError
from app.domain.values import TenderRecord
from app.services import registry
from app.ui import record_actions
from app.ui.i18n import tr
from app.ui.labels import category_label, decision_label, kind_label, verdict_label
from app.ui.models import Column, RowTableModel
from app.ui.pages.base import Page
from app.ui.record_actions import RecordBar, withdrawn_colour
from app.ui.widgets import DataTable, a11y, button, filter_box

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def tender_columns(lang: str) -> list[Column[TenderRecord]]:
    return [
        Column(
            "ref", lambda: tr("Referentie"), lambda t: t.ref, width=120, colour=withdrawn_colour
        ),
        Column(
            "title",
            lambda: tr("Titel"),
            lambda t: t.title,
            width=220,
            stretch=True,
            colour=withdrawn_colour,
        ),
        Column(
            "category",
            lambda: tr("Categorie"),
            lambda t: category_label(t.category_code, t.category_set, lang),
            width=170,
        ),
        Column(
            "verdict",
            lambda: tr("ISV"),
            lambda t: verdict_label(t.verdict),
            width=200,
            colour=lambda t: (
                "high"
                if t.verdict == "mandatory" and t.decision is not None and not t.decision.applied
                else None
            ),
        ),
        Column(
            "decision", lambda: tr("Besluit"), lambda t: decision_label(t.decision, lang), width=230
        ),
        Column("value", lambda: tr("Waarde"), lambda t: t.value, align_right=True, width=110),
        Column("published", lambda: tr("Publicatie"), lambda t: t.published, width=95),
        Column("kind", lambda: tr("Soort"), lambda t: kind_label(t.kind), width=85),
        Column("organisation", lambda: tr("Organisatie"), lambda t: t.organisation, width=200),
    ]


class TendersPage(Page):
    key = "tenders"

    @classmethod
    def title(cls) -> str:
        return tr("Aanbestedingen")

    @classmethod
    def description(cls) -> str:
        return tr(
            "Alle geregistreerde aanbestedingen, met het oordeel over de ISV en uw "
            "besluit. Een nieuwe aanbesteding begint u met Ctrl+N."
        )

    def __init__(self, shell: MainWindow) -> None:
        super().__init__(shell)
        self.model: RowTableModel[TenderRecord] = RowTableModel(
            tender_columns(self.lang), self.lang
        )
        self.table = DataTable(
            self.model,
            "tenders",
            tr("Aanbestedingen"),
            tr("Tabel met aanbestedingen; kies een rij voor de details"),
        )
        self.search = filter_box(
            tr("Zoeken op referentie, titel of organisatie"),
            tr("Zoeken in aanbestedingen"),
            lambda _t: self._filter(),
        )
        self.year = QComboBox()
        a11y(self.year, tr("Jaar"), tr("Alleen aanbestedingen gepubliceerd in dit jaar"))
        self.year.currentIndexChanged.connect(lambda _i: self._filter())
        year_label = QLabel(tr("&Jaar:"))
        year_label.setBuddy(self.year)
        self.new = button(
            tr("&Nieuwe aanbesteding…"),
            tr("Een aanbesteding registreren, de ISV beoordelen en de teksten maken (Ctrl+N)"),
            shell.new_tender,
        )
        self.count = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(year_label)
        bar.addWidget(self.year)
        bar.addWidget(self.count, 1)
        self.documents = button(
            tr("&Teksten maken…"),
            tr(
                "De ISV-teksten voor de gekozen aanbesteding maken en "
                "opslaan (alleen als de ISV worden toegepast)"
            ),
            self.make_documents,
        )
        self.documents.setEnabled(False)
        bar.addWidget(self.documents)
        bar.addWidget(self.new)
        self.layout_.addLayout(bar)
        self.records = RecordBar(
            tr("aanbesteding"),
            self.correct_selected,
            self.withdraw_selected,
            self.history_of_selected,
            lambda _on: self.load(),
        )
        self.layout_.addWidget(self.records)
        self.details = QTextBrowser()
        a11y(
            self.details,
            tr("Details van de aanbesteding"),
            tr("Het oordeel met de redenen en het besluit over de gekozen aanbesteding"),
        )
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self.layout_.addWidget(splitter, 1)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_details())
        self.table.row_activated.connect(lambda _t: self.make_documents())

    def load(self) -> None:
        ctx = self.ctx
        self.count.setText(tr("Laden…"))
        withdrawn = self.records.show_withdrawn.isChecked()
        self.run(lambda: registry.list_tenders(ctx, withdrawn=withdrawn), self._loaded)

    def _loaded(self, tenders: list[TenderRecord]) -> None:
        years = sorted({t.published.year for t in tenders}, reverse=True)
        current = self.year.currentData()
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem(tr("Alle jaren"), None)
        for year in years:
            self.year.addItem(str(year), year)
        index = self.year.findData(current)
        self.year.setCurrentIndex(max(index, 0))
        self.year.blockSignals(False)
        self.model.set_rows(tenders)
        self._filter()

    def _filter(self) -> None:
        text = self.search.text().strip().casefold()
        year = self.year.currentData()

        def accept(t: TenderRecord) -> bool:
            if year is not None and t.published.year != year:
                return False
            return not text or text in f"{t.ref} {t.title} {t.organisation or ''}".casefold()

        self.model.set_filter(accept if text or year is not None else None)
        self.count.setText(
            tr("{shown} van {total}").format(shown=self.model.rowCount(), total=self.model.total)
        )

    def make_documents(self) -> None:
        tender = self.table.selected()
        if tender is None or not self._can_document(tender):
            return
        from app.ui.wizard import TenderWizard

        TenderWizard.for_documents(self.shell, tender).exec()

    @staticmethod
    def _can_document(tender: TenderRecord) -> bool:
        return tender.decision is not None and tender.decision.applied

    def _show_details(self) -> None:
        tender = self.table.selected()
        self.records.set_record(tender)
        self.documents.setEnabled(
            tender is not None and self._can_document(tender) and tender.withdrawn_reason is None
        )
        if tender is None:
            self.details.clear()
            return
        self.details.setHtml(tender_html(tender, self.lang))
        ctx, ref = self.ctx, tender.ref
        self.run(lambda: registry.tender_cpv(ctx, [ref]), lambda found: self._show_cpv(ref, found))

    def _show_cpv(self, ref: str, found: dict[str, tuple[str, ...]]) -> None:
        """The tender's CPV codes below its details (when it is still the chosen one)."""
        tender = self.table.selected()
        if tender is None or tender.ref != ref or not found.get(ref):
            return
        codes = ", ".join(found[ref])
        self.details.append(f"<p><b>{html.escape(tr('CPV-codes'))}:</b> {html.escape(codes)}</p>")

    def correct_selected(self) -> None:
        tender = self.table.selected()
        if tender is not None:
            record_actions.correct_tender(self.shell, self, tender)

    def withdraw_selected(self) -> None:
        tender = self.table.selected()
        if tender is not None:
            record_actions.withdraw(
                self.shell, self, "tender", tender.ref, tender.ref, tender.version
            )

    def history_of_selected(self) -> None:
        tender = self.table.selected()
        if tender is not None:
            record_actions.show_history(self.shell, self, "tender", tender.ref, tender.ref)

    def select(self, ref: str) -> None:
        row = self.model.row_of(lambda t: t.ref == ref)
        if row >= 0:
            self.table.selectRow(row)


def tender_html(tender: TenderRecord, lang: str) -> str:
    from app.domain.applicability import applicability

    esc = html.escape
    parts = [f"<h3>{esc(tender.ref)} – {esc(tender.title)}</h3>"]
    if tender.withdrawn_reason is not None:
        parts.append(f"<p><b>{esc(tr('Ingetrokken'))}</b>: {esc(tender.withdrawn_reason)}</p>")
    try:
        verdict = applicability(
            locator.reference(), tender.category_code, tender.kind, tender.value, tender.published
        )
        reasons = [locator.catalog().text(r.code, lang, **r.as_dict()) for r in verdict.reasons]
    except IsvError:  # a code or date the rules cannot judge: the verdict line says so
        reasons = []
    parts.append(f"<p><b>{esc(verdict_label(tender.verdict))}</b></p><ul>")
    parts += [f"<li>{esc(r)}</li>" for r in reasons]
    parts.append("</ul>")
    parts.append(f"<p>{esc(tr('Besluit'))}: {esc(decision_label(tender.decision, lang))}")
    if tender.decision is not None and tender.decision.reason:
        parts.append(f" – {esc(tender.decision.reason)}")
    parts.append("</p>")
    if tender.clause_version:
        parts.append(f"<p>{esc(tr('Versie van de ISV-teksten'))}: {esc(tender.clause_version)}</p>")
    return "".join(parts)
