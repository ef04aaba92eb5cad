"""Leveranciers: the suppliers of the registered contracts, with their contracts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel

from app.domain.values import ContractRecord
from app.services import registry
from app.ui.i18n import tr
from app.ui.labels import country_label
from app.ui.models import Column, RowTableModel
from app.ui.pages.base import Page
from app.ui.widgets import DataTable, button, filter_box

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


@dataclass(frozen=True)
class SupplierRow:
    name: str
    country: str
    kvk: str | None
    contracts: tuple[str, ...]
    active: int


def supplier_rows(contracts: list[ContractRecord]) -> list[SupplierRow]:
    import datetime as dt

    today = dt.date.today()
    grouped: dict[int, list[ContractRecord]] = {}
    for contract in contracts:
        grouped.setdefault(contract.supplier.id, []).append(contract)
    rows = []
    for items in grouped.values():
        supplier = items[0].supplier
        rows.append(
            SupplierRow(
                supplier.name,
                supplier.country,
                supplier.kvk,
                tuple(sorted(c.ref for c in items)),
                sum(1 for c in items if c.start <= today <= c.end),
            )
        )
    return sorted(rows, key=lambda r: r.name.casefold())


class SuppliersPage(Page):
    key = "suppliers"

    @classmethod
    def title(cls) -> str:
        return tr("Leveranciers")

    @classmethod
    def description(cls) -> str:
        return tr(
            "De leveranciers van uw contracten. Dubbelklik of Enter opent het "
            "dossier van hun eerste contract."
        )

    def __init__(self, shell: MainWindow) -> None:
        super().__init__(shell)
        lang = self.lang
        self.model: RowTableModel[SupplierRow] = RowTableModel(
            [
                Column("name", lambda: tr("Naam"), lambda s: s.name, width=260),
                Column(
                    "country",
                    lambda: tr("Land"),
                    lambda s: country_label(s.country, lang),
                    width=160,
                ),
                Column("kvk", lambda: tr("KvK-nummer"), lambda s: s.kvk, width=110),
                Column(
                    "contracts",
                    lambda: tr("Contracten"),
                    lambda s: len(s.contracts),
                    align_right=True,
                    width=90,
                ),
                Column(
                    "active", lambda: tr("Lopend"), lambda s: s.active, align_right=True, width=80
                ),
                Column("refs", lambda: tr("Contractreferenties"), lambda s: ", ".join(s.contracts)),
            ],
            lang,
        )
        self.table = DataTable(
            self.model,
            "suppliers",
            tr("Leveranciers"),
            tr("Tabel met leveranciers en hun contracten"),
        )
        self.search = filter_box(
            tr("Zoeken op naam of KvK-nummer"), tr("Zoeken in leveranciers"), self._filter
        )
        self.count = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.count, 1)
        bar.addWidget(
            button(
                tr("&Landenrisico’s…"),
                tr(
                    "Uw tabel met landenrisico’s bekijken of een nieuwe inlezen; "
                    "die telt mee in het voorstel voor de opvolging"
                ),
                shell.open_country_risk,
            )
        )
        self.layout_.addLayout(bar)
        self.layout_.addWidget(self.table, 1)
        self.table.row_activated.connect(lambda s: shell.open_contract(s.contracts[0]))

    def load(self) -> None:
        ctx = self.ctx
        self.run(lambda: supplier_rows(registry.list_contracts(ctx)), self._loaded)

    def _loaded(self, rows: list[SupplierRow]) -> None:
        self.model.set_rows(rows)
        self._filter(self.search.text())

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        self.model.set_filter(
            (lambda s: needle in f"{s.name} {s.kvk or ''}".casefold()) if needle else None
        )
        self.count.setText(
            tr("{shown} van {total}").format(shown=self.model.rowCount(), total=self.model.total)
        )
