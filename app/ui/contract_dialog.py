"""Register an awarded contract: tender, supplier, period and the ISV terms."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLineEdit, QWidget

from app.ui.forms import DateField, add_row, amount_refusal, typed_amount
from app.ui.i18n import tr
from app.ui.widgets import SimpleDialog, a11y, note, plan_months_box, report_month_box


class ContractDialog(SimpleDialog):
    """``values()`` gives the keyword arguments of ``registry.add_contract``."""

    def __init__(self, parent: QWidget | None, lang: str, tender_refs: list[str]) -> None:
        super().__init__(parent, tr("Contract registreren"), tr("Re&gistreren"))
        self.lang = lang
        form = QFormLayout()
        self.body.addLayout(form)
        self.ref = QLineEdit()
        add_row(form, tr("&Referentie:"), self.ref, description=tr("Het kenmerk van het contract"))
        self.tender = QComboBox()
        self.tender.setEditable(True)
        self.tender.addItems(tender_refs)
        self.tender.setCurrentIndex(-1)
        add_row(
            form,
            tr("&Aanbesteding:"),
            self.tender,
            description=tr("De aanbesteding waaruit het contract voortkomt"),
        )
        self.supplier = QLineEdit()
        add_row(form, tr("&Leverancier:"), self.supplier)
        self.country = QLineEdit("NL")
        add_row(
            form,
            tr("Land van &vestiging:"),
            self.country,
            description=tr("Landcode of naam, bijvoorbeeld NL of Duitsland"),
        )
        self.kvk = QLineEdit()
        self.kvk.setMaxLength(8)
        add_row(
            form,
            tr("&KvK-nummer:"),
            self.kvk,
            description=tr("Acht cijfers; voor Nederlandse leveranciers"),
        )
        today = dt.date.today()
        self.start = DateField(tr("Begindatum"), day=today)
        add_row(form, tr("&Begindatum:"), self.start)
        self.end = DateField(tr("Einddatum"), day=today.replace(year=today.year + 2))
        add_row(form, tr("&Einddatum:"), self.end)
        self.value = QLineEdit()
        add_row(
            form,
            tr("&Waarde (€):"),
            self.value,
            description=tr("De waarde van het contract; mag leeg blijven"),
        )
        self.plan_months = plan_months_box()
        add_row(form, tr("&Plan van aanpak binnen:"), self.plan_months)
        self.risk_months = plan_months_box()
        self.risk_months.setMinimum(0)
        self.risk_months.setSpecialValueText(tr("met het plan van aanpak"))
        self.risk_months.setValue(0)
        add_row(
            form,
            tr("&Risicoanalyse binnen:"),
            self.risk_months,
            description=tr("Een eigen termijn voor de risicoanalyse, of met het plan van aanpak"),
        )
        self.report_month = report_month_box(lang)
        add_row(form, tr("&Jaarrapportage uiterlijk eind:"), self.report_month)
        self.penalty = QLineEdit()
        add_row(
            form,
            tr("Boe&te (€):"),
            self.penalty,
            description=tr("Het bedrag van de boete na een ingebrekestelling"),
        )
        self.check = QCheckBox(tr("&Onafhankelijke toetsing van de rapportage vragen"))
        a11y(self.check, tr("Onafhankelijke toetsing"))
        form.addRow("", self.check)
        self.problem = note()
        form.addRow(self.problem)
        self.resize(560, self.sizeHint().height())

    def accept(self) -> None:
        """Not while an amount field holds text that is no amount (named below)."""
        refusal = amount_refusal(self.lang, self.value, self.penalty)
        if refusal is not None:
            self.problem.setText(refusal)
            return
        super().accept()

    def values(self) -> dict[str, Any]:
        value = typed_amount(self.value, self.lang)
        penalty = typed_amount(self.penalty, self.lang)
        return {
            "ref": self.ref.text(),
            "tender_ref": self.tender.currentText().strip(),
            "supplier": self.supplier.text(),
            "supplier_country": self.country.text(),
            "kvk": self.kvk.text().strip() or None,
            "start": self.start.value(),
            "end": self.end.value(),
            "value": value,
            "plan_months": self.plan_months.value(),
            "risk_months": self.risk_months.value() or None,
            "report_month": self.report_month.currentData(),
            "penalty": penalty,
            "independent_check": self.check.isChecked(),
        }
