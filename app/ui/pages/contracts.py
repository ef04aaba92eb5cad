"""Contracten: the list of contracts and, opened from it, a contract's dossier."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from app.domain.values import ContractRecord
from app.services import registry
from app.ui import record_actions
from app.ui.i18n import tr
from app.ui.labels import country_label
from app.ui.models import Column, RowTableModel
from app.ui.pages.base import Page
from app.ui.record_actions import RecordBar, withdrawn_colour
from app.ui.widgets import DataTable, button, filter_box

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def contract_state(contract: ContractRecord, today: dt.date | None = None) -> str:
    today = today or dt.date.today()
    if contract.withdrawn_reason is not None:
        return tr("Ingetrokken")
    if today < contract.start:
        return tr("Nog niet begonnen")
    if today > contract.end:
        return tr("Afgelopen")
    return tr("Lopend")


class ContractsPage(Page):
    key = "contracts"

    @classmethod
    def title(cls) -> str:
        return tr("Contracten")

    @classmethod
    def description(cls) -> str:
        return tr(
            "Gegunde contracten met ISV. Enter of dubbelklik opent het dossier: de "
            "zes OESO-stappen, inzendingen, risico’s, bewijsstukken en escalatie."
        )

    def __init__(self, shell: MainWindow) -> None:
        super().__init__(shell)
        lang = self.lang
        self.model: RowTableModel[ContractRecord] = RowTableModel(
            [
                Column(
                    "ref",
                    lambda: tr("Referentie"),
                    lambda c: c.ref,
                    width=130,
                    colour=withdrawn_colour,
                ),
                Column("tender", lambda: tr("Aanbesteding"), lambda c: c.tender_ref, width=130),
                Column(
                    "supplier",
                    lambda: tr("Leverancier"),
                    lambda c: c.supplier.name,
                    width=230,
                    stretch=True,
                ),
                Column(
                    "country",
                    lambda: tr("Land"),
                    lambda c: country_label(c.supplier.country, lang),
                    width=110,
                ),
                Column("start", lambda: tr("Begin"), lambda c: c.start, width=95),
                Column("end", lambda: tr("Einde"), lambda c: c.end, width=95),
                Column(
                    "value", lambda: tr("Waarde"), lambda c: c.value, align_right=True, width=120
                ),
                Column(
                    "state", lambda: tr("Stand"), contract_state, width=120, colour=withdrawn_colour
                ),
                Column("plan", lambda: tr("Plan afgesproken"), lambda c: c.plan_agreed_on),
            ],
            lang,
        )
        self.stack = QStackedWidget()
        self.list_view = QWidget()
        list_layout = QVBoxLayout(self.list_view)
        list_layout.setContentsMargins(0, 0, 0, 0)
        self.search = filter_box(
            tr("Zoeken op referentie of leverancier"), tr("Zoeken in contracten"), self._filter
        )
        self.count = QLabel()
        self.open_button = button(
            tr("&Dossier openen"),
            tr("Het dossier van het gekozen contract openen (Enter)"),
            self._open_selected,
        )
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.count, 1)
        self.new_button = button(
            tr("Contract &registreren…"),
            tr("Een gegund contract met zijn leverancier vastleggen"),
            self.register_contract,
        )
        bar.addWidget(self.new_button)
        bar.addWidget(self.open_button)
        list_layout.addLayout(bar)
        self.records = RecordBar(
            tr("contract"),
            self.correct_selected,
            self.withdraw_selected,
            self.history_of_selected,
            lambda _on: self.load(),
        )
        list_layout.addWidget(self.records)
        self.table = DataTable(
            self.model,
            "contracts",
            tr("Contracten"),
            tr("Tabel met contracten; Enter opent het dossier"),
        )
        list_layout.addWidget(self.table, 1)
        self.stack.addWidget(self.list_view)
        self.dossier: Any = None
        self.layout_.addWidget(self.stack, 1)
        self.table.row_activated.connect(lambda c: self.open_dossier(c.ref))
        self.table.selectionModel().currentRowChanged.connect(
            lambda *_: self.records.set_record(self.table.selected())
        )

    def load(self) -> None:
        ctx = self.ctx
        withdrawn = self.records.show_withdrawn.isChecked()
        self.run(lambda: registry.list_contracts(ctx, withdrawn=withdrawn), self._loaded)
        dossier: Any = self.dossier
        if dossier is not None and self.stack.currentIndex() == self.stack.indexOf(dossier):
            dossier.reload()

    def _loaded(self, rows: list[ContractRecord]) -> None:
        self.model.set_rows(rows)
        self._filter(self.search.text())
        self.records.set_record(self.table.selected())

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        self.model.set_filter(
            (lambda c: needle in f"{c.ref} {c.tender_ref} {c.supplier.name}".casefold())
            if needle
            else None
        )
        self.count.setText(
            tr("{shown} van {total}").format(shown=self.model.rowCount(), total=self.model.total)
        )

    def register_contract(self) -> None:
        ctx = self.ctx
        self.run(lambda: [t.ref for t in registry.list_tenders(ctx)], self._ask_contract)

    def _ask_contract(self, tender_refs: list[str]) -> None:
        from app.ui.contract_dialog import ContractDialog

        dialog = ContractDialog(self, self.lang, tender_refs)
        if not dialog.exec():
            return
        ctx, values = self.ctx, dialog.values()
        record_actions.write_with_warnings(
            self.shell,
            self,
            lambda accept: registry.add_contract(ctx, **values, accept_warning=accept),
            self._registered,
        )

    def _registered(self, contract: ContractRecord) -> None:
        self.shell.say(tr("Contract {ref} geregistreerd.").format(ref=contract.ref))
        self.shell.data_changed()
        self.shown()
        self.open_dossier(contract.ref)

    def correct_selected(self) -> None:
        contract = self.table.selected()
        if contract is not None:
            record_actions.correct_contract(self.shell, self, contract)

    def withdraw_selected(self) -> None:
        contract = self.table.selected()
        if contract is not None:
            record_actions.withdraw(
                self.shell, self, "contract", contract.ref, contract.ref, contract.version
            )

    def history_of_selected(self) -> None:
        contract = self.table.selected()
        if contract is not None:
            record_actions.show_history(self.shell, self, "contract", contract.ref, contract.ref)

    def _open_selected(self) -> None:
        contract = self.table.selected()
        if contract is not None:
            self.open_dossier(contract.ref)

    def open_dossier(self, ref: str) -> None:
        from app.ui.dossier import DossierView

        if self.dossier is not None:
            self.stack.removeWidget(self.dossier)
            self.dossier.deleteLater()
        self.dossier = DossierView(self, ref)
        self.stack.addWidget(self.dossier)
        self.stack.setCurrentWidget(self.dossier)
        self.header.setText(tr("Contractdossier {ref}").format(ref=ref))
        self.intro.hide()
        self.dossier.setFocus()

    def close_dossier(self) -> None:
        self.stack.setCurrentWidget(self.list_view)
        self.header.setText(self.title())
        self.intro.show()
        self.table.setFocus()
        if self.stale:
            self.shown()
