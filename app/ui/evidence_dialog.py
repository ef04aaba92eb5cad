"""Add a document as evidence: type, dates, issuer, and what it replaces."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QLineEdit, QWidget

from app import locator
from app.domain.values import EvidenceRecord
from app.ui.forms import DateField, OptionalDate, add_row
from app.ui.i18n import tr
from app.ui.labels import evidence_type_label
from app.ui.widgets import SimpleDialog, a11y, button


class EvidenceDialog(SimpleDialog):
    """Returns the keyword arguments for ``add_evidence`` through :meth:`values`."""

    def __init__(
        self,
        parent: QWidget | None,
        lang: str,
        contract_ref: str,
        current: list[EvidenceRecord],
        path: Path | None = None,
    ) -> None:
        super().__init__(
            parent, tr("Bewijsstuk toevoegen aan {ref}").format(ref=contract_ref), tr("&Toevoegen")
        )
        self.contract_ref = contract_ref
        form = QFormLayout()
        self.body.addLayout(form)
        self.path = QLineEdit(str(path) if path else "")
        a11y(self.path, tr("Bestand"), tr("Het document dat u als bewijs bewaart"))
        choose = button(tr("&Kiezen…"), tr("Een bestand kiezen"), self._choose)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(choose)
        holder = QWidget()
        holder.setLayout(row)
        holder.setFocusProxy(self.path)
        row.setContentsMargins(0, 0, 0, 0)
        add_row(form, tr("&Bestand:"), holder, tr("Bestand"))
        self.type = QComboBox()
        for item in locator.reference().evidence_types:
            self.type.addItem(evidence_type_label(item.code, lang), item.code)
        add_row(form, tr("&Soort document:"), self.type, description=tr("Wat voor document dit is"))
        self.issuer = QLineEdit()
        add_row(
            form,
            tr("&Uitgegeven door:"),
            self.issuer,
            description=tr("Bijvoorbeeld de leverancier, een auditbureau of een initiatief"),
        )
        self.issued = OptionalDate(
            tr("Datum van het document"), tr("&Gedateerd"), tr("De datum op het document")
        )
        add_row(form, tr("Datum:"), self.issued)
        self.valid = OptionalDate(
            tr("Geldig tot"),
            tr("&Verloopt"),
            tr("Tot wanneer een certificaat of lidmaatschap geldt"),
        )
        add_row(form, tr("Geldig tot:"), self.valid)
        self.received = DateField(
            tr("Ontvangen op"), tr("Wanneer u het document ontving"), dt.date.today()
        )
        add_row(form, tr("&Ontvangen op:"), self.received)
        self.supersedes = QComboBox()
        self.supersedes.addItem(tr("Niets: dit is een nieuw document"), None)
        for record in current:
            if record.superseded_by_id is None:
                self.supersedes.addItem(
                    f"{evidence_type_label(record.type, lang)}: {record.file_name}", record.id
                )
        add_row(
            form,
            tr("&Vervangt:"),
            self.supersedes,
            description=tr("Het oude document blijft bewaard en wordt als vervangen getoond"),
        )
        self.note = QLineEdit()
        add_row(form, tr("&Notitie:"), self.note)
        self.resize(560, self.sizeHint().height())

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Bewijsstuk kiezen"))
        if path:
            self.path.setText(path)

    def values(self) -> dict[str, Any]:
        return {
            "contract_ref": self.contract_ref,
            "path": Path(self.path.text().strip()),
            "type_code": self.type.currentData(),
            "issuer": self.issuer.text(),
            "issued_on": self.issued.value(),
            "valid_until": self.valid.value(),
            "received_on": self.received.value(),
            "note": self.note.text(),
            "supersedes_id": self.supersedes.currentData(),
        }
