"""Form fields the dialogs share: an optional date, labelled rows with buddies."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from app.domain.amounts import parse_amount
from app.domain.calendar import parse_typed_date
from app.domain.errors import ValidationError
from app.ui.i18n import tr
from app.ui.widgets import a11y, error_sentence


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def show_date(day: dt.date) -> str:
    return f"{day.day:02d}-{day.month:02d}-{day.year:04d}"


class DateField(QWidget):
    """A date typed as the buyer writes it (``dd-mm-jjjj``, ``d-m-jjjj``, ``ddmmjjjj``
    or ``jjjj-mm-dd``, read by the domain's one parser) with a calendar beside it. What
    is not a date is named under the field; :func:`invalid_date_in` lets a form refuse
    to go on while one is."""

    changed = Signal()

    def __init__(self, name: str, description: str = "", day: dt.date | None = None) -> None:
        super().__init__()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(tr("dd-mm-jjjj"))
        self.edit.setMaxLength(10)
        a11y(self.edit, name, description or tr("Typ een datum als 31-12-2026 of 31122026"))
        self.calendar_button = QToolButton()
        self.calendar_button.setText(tr("Kalender"))
        self.calendar_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        a11y(self.calendar_button, tr("Kalender openen"), tr("Een datum kiezen in de kalender"))
        menu = QMenu(self.calendar_button)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        picker = QWidgetAction(menu)
        picker.setDefaultWidget(self.calendar)
        menu.addAction(picker)
        menu.aboutToShow.connect(self._calendar_to_text)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        self.calendar.clicked.connect(menu.close)
        self.calendar.activated.connect(menu.close)
        self.calendar_button.setMenu(menu)
        row.addWidget(self.edit, 1)
        row.addWidget(self.calendar_button)
        outer.addLayout(row)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #B3261E;")
        self.problem.hide()
        outer.addWidget(self.problem)
        self.setFocusProxy(self.edit)
        self.setAccessibleName(name)
        self.edit.textEdited.connect(self._edited)
        self.edit.editingFinished.connect(self._finished)
        self._day: dt.date | None = None
        self.set_value(day or dt.date.today())

    def is_valid(self) -> bool:
        return self._day is not None

    def value(self) -> dt.date:
        """The date shown; a form asks :meth:`is_valid` (or :func:`invalid_date_in`)
        first, so an invalid text never passes as the date it replaced."""
        if self._day is None:
            raise ValueError(self.edit.text())
        return self._day

    def set_value(self, day: dt.date) -> None:
        self._day = day
        self.edit.setText(show_date(day))
        self._show_problem(False)
        self.changed.emit()

    def _parse(self) -> dt.date | None:
        try:
            return parse_typed_date(self.edit.text())
        except ValueError:
            return None

    def _edited(self) -> None:
        self._day = self._parse()
        if self._day is not None:
            self._show_problem(False)  # named again only when the typing is done
        self.changed.emit()

    def _finished(self) -> None:
        self._day = self._parse()
        if self._day is not None:
            self.edit.setText(show_date(self._day))
        self._show_problem(self._day is None)

    def _show_problem(self, shown: bool) -> None:
        if shown:
            self.problem.setText(
                tr("‘{text}’ is geen datum; typ bijvoorbeeld 31-12-2026 of 31122026.").format(
                    text=self.edit.text().strip()
                )
            )
        self.problem.setVisible(shown)
        self.edit.setAccessibleDescription(self.problem.text() if shown else "")

    def _calendar_to_text(self) -> None:
        day = self._day or dt.date.today()
        self.calendar.setSelectedDate(to_qdate(day))

    def _picked(self, day: QDate) -> None:
        self.set_value(from_qdate(day))
        self.edit.setFocus()


def invalid_date_in(widget: QWidget) -> DateField | None:
    """The first enabled date field under ``widget`` whose text is not a date (named
    under it, and focused), or None."""
    for field in widget.findChildren(DateField):
        if field.isEnabled() and not field.is_valid():
            field._show_problem(True)
            field.edit.setFocus()
            return field
    return None


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


def typed_amount(field: QLineEdit, lang: str) -> Decimal | None:
    """The amount typed in ``field`` as ``lang`` writes amounts (the one rule for typed
    amounts, :func:`app.domain.amounts.parse_amount`), ``None`` when the field is empty.
    Text that is no amount raises its ``ValidationError``, naming the value and the
    field (its accessible name: its label)."""
    text = field.text()
    if not text.strip():
        return None
    return parse_amount(text, field.accessibleName(), lang)


def amount_refusal(lang: str, *fields: QLineEdit) -> str | None:
    """The sentence refusing the first enabled field of ``fields`` whose text is no
    amount (the field gets the focus), or None when each is an amount or empty."""
    for field in fields:
        if not field.isEnabled():
            continue
        try:
            typed_amount(field, lang)
        except ValidationError as refused:
            field.setFocus()
            return error_sentence(refused, lang)
    return None
