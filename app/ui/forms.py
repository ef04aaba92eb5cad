"""Form fields the dialogs share: an optional date, labelled rows with buddies."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QDateEdit, QFormLayout, QHBoxLayout, QLabel, QWidget

from app.ui.widgets import a11y


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class DateField(QDateEdit):
    def __init__(self, name: str, description: str = "", day: dt.date | None = None) -> None:
        super().__init__()
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd-MM-yyyy")
        self.setDate(to_qdate(day or dt.date.today()))
        a11y(self, name, description)

    def value(self) -> dt.date:
        return from_qdate(self.date())

    def set_value(self, day: dt.date) -> None:
        self.setDate(to_qdate(day))


class OptionalDate(QWidget):
    """A date that may be left out: a check box switches the date field on."""

    def __init__(self, name: str, check_text: str, description: str = "") -> None:
        super().__init__()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(check_text)
        a11y(self.check, check_text.replace("&", ""), description)
        self.date = DateField(name, description)
        self.date.setEnabled(False)
        self.check.toggled.connect(self.date.setEnabled)
        layout.addWidget(self.check)
        layout.addWidget(self.date, 1)
        self.setFocusProxy(self.check)

    def value(self) -> dt.date | None:
        return self.date.value() if self.check.isChecked() else None

    def set_value(self, day: dt.date | None) -> None:
        self.check.setChecked(day is not None)
        if day is not None:
            self.date.set_value(day)


def add_row(
    form: QFormLayout, text: str, field: QWidget, name: str = "", description: str = ""
) -> QLabel:
    """A labelled row; the label is the field's buddy (Alt+letter focuses it) and its
    accessible name unless one is given."""
    label = QLabel(text)
    label.setBuddy(field)
    plain = text.replace("&", "").rstrip(":")
    if not field.accessibleName():
        field.setAccessibleName(name or plain)
    if description and not field.accessibleDescription():
        field.setAccessibleDescription(description)
        field.setToolTip(description)
    form.addRow(label, field)
    return label


def parse_amount(text: str, lang: str) -> Decimal | None:
    """An amount as a buyer types it: ``250.000`` or ``250.000,50`` in Dutch,
    ``250,000.50`` in English; a plain ``250000`` in both. ``None`` if it is no amount."""
    cleaned = text.replace("€", "").replace(" ", "").replace("\u00a0", "").strip()
    if not cleaned:
        return None
    thousands, decimal_mark = (".", ",") if lang == "nl" else (",", ".")
    cleaned = cleaned.replace(thousands, "").replace(decimal_mark, ".")
    try:
        amount = Decimal(cleaned)
    except ArithmeticError:
        return None
    if not amount.is_finite() or amount < 0:
        return None
    return amount
