"""Date fields take typing in every form the domain's parser reads, with the calendar
beside; what is no date is named under the field and stops the form; a changed form
asks before Escape throws it away."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog


@pytest.fixture
def contract_dialog(qtbot: Any, language: Any) -> Any:
    from app.ui.contract_dialog import ContractDialog

    dialog = ContractDialog(None, "nl", ["T-1"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def type_into(qtbot: Any, field: Any, text: str) -> None:
    """Into the field and on with Tab, as a person does."""
    field.edit.setFocus()
    qtbot.waitUntil(field.edit.hasFocus)
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, text)
    qtbot.keyClick(field.edit, Qt.Key.Key_Tab)


@pytest.mark.parametrize("typed", ["01-03-2027", "1-3-2027", "01032027", "2027-03-01"])
def test_a_typed_date_is_read_and_shown_in_one_form(
    contract_dialog: Any, qtbot: Any, typed: str
) -> None:
    field = contract_dialog.start
    type_into(qtbot, field, typed)
    assert field.is_valid()
    assert field.value() == dt.date(2027, 3, 1)
    assert field.edit.text() == "01-03-2027"
    assert not field.problem.isVisible()
    assert contract_dialog.values()["start"] == dt.date(2027, 3, 1)


def test_what_is_no_date_is_named_inline_and_stops_the_form(
    contract_dialog: Any, qtbot: Any
) -> None:
    field = contract_dialog.end
    type_into(qtbot, field, "06-03--")
    assert not field.is_valid()
    assert field.problem.isVisible()
    assert "‘06-03--’ is geen datum" in field.problem.text()
    with pytest.raises(ValueError):
        field.value()  # never the date it replaced
    contract_dialog.accept()
    assert contract_dialog.isVisible() and contract_dialog.result() != QDialog.DialogCode.Accepted
    type_into(qtbot, field, "31122028")
    assert not field.problem.isVisible()
    assert field.value() == dt.date(2028, 12, 31)


def test_the_calendar_beside_sets_the_field(contract_dialog: Any) -> None:
    from PySide6.QtCore import QDate

    field = contract_dialog.start
    field.calendar.clicked.emit(QDate(2026, 7, 15))
    assert field.value() == dt.date(2026, 7, 15)
    assert field.edit.text() == "15-07-2026"


def test_escape_on_a_changed_form_asks(contract_dialog: Any, qtbot: Any, dialogs: Any) -> None:
    qtbot.keyClicks(contract_dialog.supplier, "Textiel B.V.")
    qtbot.keyClick(contract_dialog, Qt.Key.Key_Escape)
    assert dialogs.questions == ["Invoer weggooien?"]
    assert contract_dialog.isVisible()  # the stand-in answered "go on filling in"
    dialogs.answers.append(True)
    qtbot.keyClick(contract_dialog, Qt.Key.Key_Escape)
    assert not contract_dialog.isVisible()


def test_escape_on_an_untouched_form_just_closes(
    contract_dialog: Any, qtbot: Any, dialogs: Any
) -> None:
    qtbot.keyClick(contract_dialog, Qt.Key.Key_Escape)
    assert dialogs.questions == []
    assert not contract_dialog.isVisible()


def test_the_wizard_does_not_go_on_with_a_publication_date_that_is_no_date(
    window: Any, qtbot: Any
) -> None:
    from app.ui.wizard import TenderWizard

    wizard = TenderWizard(window)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow)
    page = wizard.currentPage()
    qtbot.keyClicks(page.ref, "2027-001")
    qtbot.keyClicks(page.title_, "Laptops")
    qtbot.keyClicks(page.value, "250.000")
    type_into(qtbot, page.published, "1-3-2027")
    assert page.isComplete()
    type_into(qtbot, page.published, "1-3-")
    assert not page.isComplete()
    assert page.published.problem.isVisible()
    type_into(qtbot, page.published, "01032027")
    assert page.isComplete()
    assert page.published.value() == dt.date(2027, 3, 1)
    wizard.done(0)
