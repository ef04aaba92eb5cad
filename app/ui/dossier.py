"""The contract dossier: overview, the OECD steps, submissions, chain, evidence, follow-up."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QTextBrowser, QVBoxLayout, QWidget

from app.domain.deadlines import plan_due, risk_analysis_due, yearly_reports
from app.domain.values import ContractRecord, EvidenceRecord
from app.services import evidence as evidence_service
from app.services import registry
from app.services.context import Context
from app.ui import record_actions
from app.ui.i18n import tr
from app.ui.labels import country_label
from app.ui.models import RowTableModel, show_value
from app.ui.pages.evidence import evidence_columns
from app.ui.widgets import DataTable, a11y, button, shortcut

if TYPE_CHECKING:
    from app.ui.pages.contracts import ContractsPage


class DossierView(QWidget):
    def __init__(self, page: ContractsPage, ref: str) -> None:
        super().__init__()
        self.page = page
        self.shell = page.shell
        self.ref = ref
        self.contract: ContractRecord | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.back = button(
            tr("← &Terug naar de lijst"), tr("Terug naar alle contracten (Esc)"), page.close_dossier
        )
        bar.addWidget(self.back)
        bar.addStretch(1)
        self.import_button = button(
            tr("Werkmap &importeren…"),
            tr("Een ingevulde werkmap van de leverancier inlezen"),
            lambda: self.shell.import_workbook(self.ref),
        )
        bar.addWidget(self.import_button)
        self.correct_button = button(
            tr("Contract &corrigeren…"),
            tr("Gegevens van dit contract corrigeren, met een reden"),
            self.correct_contract,
        )
        self.withdraw_button = button(
            tr("Contract &intrekken…"),
            tr("Dit contract intrekken (niet verwijderen), met een reden"),
            self.withdraw_contract,
        )
        self.history_button = button(
            tr("&Geschiedenis…"),
            tr("De geschiedenis van dit contract en alles wat eronder valt"),
            lambda: record_actions.show_history(self.shell, self, "contract", self.ref, self.ref),
        )
        for item in (self.correct_button, self.withdraw_button, self.history_button):
            bar.addWidget(item)
            item.setEnabled(False)
        layout.addLayout(bar)
        self.tabs = QTabWidget()
        a11y(
            self.tabs,
            tr("Onderdelen van het dossier"),
            tr("Ctrl+Tab gaat naar het volgende onderdeel"),
        )
        layout.addWidget(self.tabs, 1)
        self.overview = QTextBrowser()
        a11y(
            self.overview,
            tr("Overzicht van het contract"),
            tr("Gegevens, termijnen en afspraken van het contract"),
        )
        self.tabs.addTab(self.overview, tr("&Overzicht"))
        self.evidence = EvidenceTab(self)
        self.extra_tabs: list[Any] = []
        self._add_service_tabs()
        self.tabs.addTab(self.evidence, tr("&Bewijsstukken"))
        shortcut(self, QKeySequence(Qt.Key.Key_Escape), page.close_dossier)
        self.setFocusProxy(self.tabs)
        self.reload()

    def _add_service_tabs(self) -> None:
        """Tabs over the dossier service."""
        from app.ui import dossier_tabs

        for tab in dossier_tabs.make_tabs(self):
            self.extra_tabs.append(tab)
            self.tabs.addTab(tab, tab.tab_title())

    @property
    def ctx(self) -> Context:
        return self.shell.context

    @property
    def lang(self) -> str:
        return self.shell.lang

    def reload(self) -> None:
        ctx, ref = self.ctx, self.ref
        self.shell.tasks.run(lambda: registry.get_contract(ctx, ref), done=self._contract_loaded)
        self.evidence.reload()
        for tab in self.extra_tabs:
            tab.reload()

    def changed(self) -> None:
        """A write happened in this dossier: other screens reload when next shown."""
        self.shell.data_changed()
        self.page.stale = False
        self.reload()

    def _contract_loaded(self, contract: ContractRecord) -> None:
        self.contract = contract
        self.overview.setHtml(contract_html(contract, self.lang))
        current = contract.withdrawn_reason is None
        self.correct_button.setEnabled(current)
        self.withdraw_button.setEnabled(current)
        self.history_button.setEnabled(True)

    def correct_contract(self) -> None:
        if self.contract is not None:
            record_actions.correct_contract(self.shell, self, self.contract)

    def withdraw_contract(self) -> None:
        if self.contract is not None:
            record_actions.withdraw(
                self.shell, self, "contract", self.ref, self.ref, self.contract.version
            )


def contract_html(contract: ContractRecord, lang: str) -> str:
    esc = html.escape

    def line(label: str, value: object) -> str:
        shown = value if isinstance(value, str) else show_value(value, lang)
        return f"<tr><td><b>{esc(label)}</b></td><td>{esc(shown)}</td></tr>"

    supplier = contract.supplier
    rows = [
        line(tr("Aanbesteding"), contract.tender_ref),
        line(tr("Leverancier"), supplier.name),
        line(tr("Land van vestiging"), country_label(supplier.country, lang)),
        line(tr("KvK-nummer"), supplier.kvk or "–"),
        line(
            tr("Looptijd"), f"{show_value(contract.start, lang)} – {show_value(contract.end, lang)}"
        ),
        line(tr("Waarde"), contract.value if contract.value is not None else "–"),
        line(
            tr("Risicoanalyse uiterlijk"),
            risk_analysis_due(contract.start, contract.plan_months, contract.risk_months),
        ),
        line(tr("Plan van aanpak uiterlijk"), plan_due(contract.start, contract.plan_months)),
        line(tr("Plan van aanpak afgesproken op"), contract.plan_agreed_on or tr("nog niet")),
        line(
            tr("Boete bij tekortschieten"),
            contract.penalty if contract.penalty is not None else "–",
        ),
        line(tr("Onafhankelijke toetsing"), contract.independent_check),
    ]
    reports = yearly_reports(contract.start, contract.end, contract.report_month)
    report_rows = "".join(
        f"<tr><td>{r.contract_year}</td><td>{esc(show_value(r.period_from, lang))} – "
        f"{esc(show_value(r.period_to, lang))}</td><td>{esc(show_value(r.due, lang))}</td></tr>"
        for r in reports
    )
    withdrawn = (
        f"<p><b>{esc(tr('Ingetrokken'))}</b>: {esc(contract.withdrawn_reason)}</p>"
        if contract.withdrawn_reason is not None
        else ""
    )
    return (
        f"<h3>{esc(contract.ref)}</h3>{withdrawn}<table cellpadding='3'>{''.join(rows)}</table>"
        f"<h4>{esc(tr('Jaarrapportages'))}</h4><table cellpadding='3'>"
        f"<tr><th>{esc(tr('Contractjaar'))}</th><th>{esc(tr('Periode'))}</th>"
        f"<th>{esc(tr('Uiterlijk'))}</th></tr>{report_rows}</table>"
    )


class EvidenceTab(QWidget):
    """The contract's documents: add (button or drop a file here), open, superseded."""

    def __init__(self, dossier: DossierView) -> None:
        super().__init__()
        self.dossier = dossier
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        self.model: RowTableModel[EvidenceRecord] = RowTableModel(
            evidence_columns(dossier.lang, with_contract=False), dossier.lang
        )
        self.table = DataTable(
            self.model,
            "dossier-evidence",
            tr("Bewijsstukken"),
            tr("De documenten van dit contract; Enter opent het document"),
        )
        bar = QHBoxLayout()
        self.add_button = button(
            tr("Toe&voegen…"),
            tr("Een document als bewijsstuk bewaren (of sleep een bestand hierheen)"),
            self.add,
            "Ctrl+Shift+A",
        )
        self.open_button = button(
            tr("&Document openen"), tr("Het gekozen document openen"), self._open_selected
        )
        bar.addWidget(self.add_button)
        bar.addWidget(self.open_button)
        hint = QLabel(tr("Tip: sleep een bestand naar deze lijst om het toe te voegen."))
        bar.addWidget(hint, 1)
        layout.addLayout(bar)
        self.record_bar = record_actions.RecordBar(
            tr("bewijsstuk"),
            self._correct_selected,
            self._withdraw_selected,
            self._history_of_selected,
            lambda _on: self.reload(),
        )
        layout.addWidget(self.record_bar)
        layout.addWidget(self.table, 1)
        self.table.row_activated.connect(self._open)
        self.table.selectionModel().currentRowChanged.connect(
            lambda *_: self.record_bar.set_record(self.table.selected())
        )
        self.records: list[EvidenceRecord] = []

    def reload(self) -> None:
        ctx, ref = self.dossier.ctx, self.dossier.ref
        withdrawn = self.record_bar.show_withdrawn.isChecked()
        self.dossier.shell.tasks.run(
            lambda: evidence_service.list_evidence(ctx, ref, withdrawn=withdrawn),
            done=self._loaded,
        )

    def _loaded(self, records: list[EvidenceRecord]) -> None:
        self.records = records
        self.model.set_rows(records)
        self.record_bar.set_record(self.table.selected())

    def _correct_selected(self) -> None:
        record = self.table.selected()
        if record is not None:
            record_actions.correct_evidence(self.dossier.shell, self, record)

    def _withdraw_selected(self) -> None:
        record = self.table.selected()
        if record is not None:
            record_actions.withdraw(
                self.dossier.shell, self, "evidence", record.id, str(record.id), record.version
            )

    def _history_of_selected(self) -> None:
        record = self.table.selected()
        if record is not None:
            record_actions.show_history(
                self.dossier.shell, self, "evidence", record.id, str(record.id)
            )

    def add(self, path: Path | None = None) -> None:
        from app.ui.evidence_dialog import EvidenceDialog

        dialog = EvidenceDialog(self, self.dossier.lang, self.dossier.ref, self.records, path)
        if path is None:
            dialog.path.setFocus()
        if not dialog.exec():
            return
        values = dialog.values()
        ctx = self.dossier.ctx
        record_actions.write_with_warnings(
            self.dossier.shell,
            self,
            lambda accept: evidence_service.add_evidence(ctx, **values, accept_warning=accept),
            self._added,
        )

    def _added(self, record: EvidenceRecord) -> None:
        self.dossier.shell.say(tr("Bewijsstuk bewaard: {name}").format(name=record.file_name))
        self.dossier.changed()

    def _open(self, record: EvidenceRecord) -> None:
        self.dossier.shell.open_file(
            evidence_service.evidence_path(self.dossier.ctx, record.sha256)
        )

    def _open_selected(self) -> None:
        record = self.table.selected()
        if record is not None:
            self._open(record)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            event.acceptProposedAction()
            self.add(Path(urls[0].toLocalFile()))
