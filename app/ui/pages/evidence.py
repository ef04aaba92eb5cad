"""Bewijsstukken: every stored document of every contract; superseded ones marked."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel

from app.domain.values import EvidenceRecord
from app.services import evidence as evidence_service
from app.ui.i18n import tr
from app.ui.labels import evidence_type_label
from app.ui.models import Column, RowTableModel
from app.ui.pages.base import Page
from app.ui.widgets import DataTable, a11y, button, filter_box

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def validity_colour(record: EvidenceRecord) -> str | None:
    if record.superseded_by_id is not None:
        return "muted"
    if record.valid_until is None:
        return None
    today = dt.date.today()
    if record.valid_until < today:
        return "overdue"
    if record.valid_until <= today + dt.timedelta(days=30):
        return "soon"
    return None


def evidence_columns(lang: str, with_contract: bool) -> list[Column[EvidenceRecord]]:
    columns: list[Column[EvidenceRecord]] = []
    if with_contract:
        columns.append(
            Column("contract", lambda: tr("Contract"), lambda e: e.contract_ref, width=140)
        )
    columns += [
        Column("number", lambda: tr("Nr."), lambda e: e.id, width=50, align_right=True),
        Column("type", lambda: tr("Soort"), lambda e: evidence_type_label(e.type, lang), width=180),
        Column("file", lambda: tr("Bestand"), lambda e: e.file_name, width=200, stretch=True),
        Column("issuer", lambda: tr("Uitgegeven door"), lambda e: e.issuer, width=150),
        Column("issued", lambda: tr("Datum"), lambda e: e.issued_on, width=95),
        Column(
            "valid",
            lambda: tr("Geldig tot"),
            lambda e: e.valid_until,
            width=95,
            colour=validity_colour,
        ),
        Column("received", lambda: tr("Ontvangen"), lambda e: e.received_on, width=95),
        Column(
            "state",
            lambda: tr("Status"),
            lambda e: (
                tr("Ingetrokken: {reason}").format(reason=e.withdrawn_reason)
                if e.withdrawn_reason is not None
                else tr("Vervangen door een nieuwere versie")
                if e.superseded_by_id is not None
                else tr("Geldend")
            ),
            colour=lambda e: (
                "muted" if e.superseded_by_id is not None or e.withdrawn_reason else None
            ),
            width=230,
        ),
    ]
    return columns


class EvidencePage(Page):
    key = "evidence"

    @classmethod
    def title(cls) -> str:
        return tr("Bewijsstukken")

    @classmethod
    def description(cls) -> str:
        return tr(
            "Alle bewijsstukken van alle contracten. Enter opent het document; "
            "vervangen documenten blijven bewaard en staan grijs."
        )

    def __init__(self, shell: MainWindow) -> None:
        super().__init__(shell)
        self.model: RowTableModel[EvidenceRecord] = RowTableModel(
            evidence_columns(self.lang, with_contract=True), self.lang
        )
        self.table = DataTable(
            self.model,
            "evidence",
            tr("Bewijsstukken"),
            tr("Tabel met bewijsstukken; Enter opent het document"),
        )
        self.search = filter_box(
            tr("Zoeken op contract, bestand of uitgever"),
            tr("Zoeken in bewijsstukken"),
            lambda _t: self._filter(),
        )
        self.current_only = QCheckBox(tr("Alleen &geldende documenten"))
        a11y(
            self.current_only,
            tr("Alleen geldende documenten"),
            tr("Vervangen documenten verbergen"),
        )
        self.current_only.toggled.connect(lambda _c: self._filter())
        self.open_button = button(
            tr("&Openen"),
            tr("Het gekozen document openen met het standaardprogramma"),
            self._open_selected,
        )
        self.dossier_button = button(
            tr("&Dossier"), tr("Het contractdossier van dit document openen"), self._open_dossier
        )
        self.count = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.current_only)
        bar.addWidget(self.count, 1)
        bar.addWidget(self.open_button)
        bar.addWidget(self.dossier_button)
        self.layout_.addLayout(bar)
        self.layout_.addWidget(self.table, 1)
        self.table.row_activated.connect(self._open)

    def load(self) -> None:
        ctx = self.ctx
        self.run(lambda: evidence_service.list_evidence(ctx), self._loaded)

    def _loaded(self, rows: list[EvidenceRecord]) -> None:
        self.model.set_rows(rows)
        self._filter()

    def _filter(self) -> None:
        needle = self.search.text().strip().casefold()
        current = self.current_only.isChecked()

        def accept(e: EvidenceRecord) -> bool:
            if current and e.superseded_by_id is not None:
                return False
            return not needle or needle in (
                f"{e.contract_ref} {e.file_name} {e.issuer or ''}".casefold()
            )

        self.model.set_filter(accept if needle or current else None)
        self.count.setText(
            tr("{shown} van {total}").format(shown=self.model.rowCount(), total=self.model.total)
        )

    def _open(self, record: EvidenceRecord) -> None:
        self.shell.open_file(evidence_service.evidence_path(self.ctx, record.sha256))

    def _open_selected(self) -> None:
        record = self.table.selected()
        if record is not None:
            self._open(record)

    def _open_dossier(self) -> None:
        record = self.table.selected()
        if record is not None:
            self.shell.open_contract(record.contract_ref)
