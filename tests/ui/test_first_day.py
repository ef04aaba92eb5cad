"""A buyer's first day (issue 13, "Done when"): from an empty home, start; no error;
a tender through the wizard by keyboard with typed dates; two contracts with typed
dates; the tender's value corrected with a reason; a contract withdrawn; the window
restarted on the same database; the history shows the correction (old value, new
value, reason); the report no longer counts the withdrawn contract."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard

from app.ui import record_actions

pytestmark = pytest.mark.sqlite_only


def _type(qtbot: Any, text: str) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClicks(widget, text)


def _key(qtbot: Any, key: Qt.Key, modifier: Any = Qt.KeyboardModifier.NoModifier) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, key, modifier)


@pytest.fixture
def start(qtbot: Any, language: Any) -> Callable[[], Any]:
    """Start the window as ``isv-assistent`` does without arguments."""
    from app.ui.main_window import MainWindow
    from app.ui.tasks import Tasks

    def make() -> Any:
        win = MainWindow(language=language, tasks=Tasks(inline=True), offer_demo=False)
        qtbot.addWidget(win)
        win.show()
        win.open_database()
        return win

    return make


def _wizard_by_keyboard(window: Any, qtbot: Any) -> None:
    from app.ui.wizard import TenderWizard

    wizard = TenderWizard(window)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is wizard.data.ref)
    _type(qtbot, "2026-ICT-001")
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "Laptops voor de rijksdienst")
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "Ministerie van BZK")
    _key(qtbot, Qt.Key.Key_Tab)  # kind: supplies, the first choice
    _key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is wizard.data.value
    _type(qtbot, "250.000")
    _key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is wizard.data.published.edit
    _key(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    _type(qtbot, "01032026")  # typed, without dashes
    _key(qtbot, Qt.Key.Key_Return)
    assert wizard.currentId() == 1
    qtbot.keyClick(wizard.category.list, Qt.Key.Key_Home)
    while wizard.category.code() != "ict-werkomgeving":
        qtbot.keyClick(wizard.category.list, Qt.Key.Key_Down)
    qtbot.keyClick(wizard.category.list, Qt.Key.Key_Return)
    assert wizard.currentId() == 2
    assert wizard.verdict.verdict.text() == "Verplicht"
    _key(qtbot, Qt.Key.Key_Return)
    assert wizard.currentId() == 3 and wizard.decision.apply.isChecked()
    _key(qtbot, Qt.Key.Key_Return)  # Vastleggen: the tender is registered
    qtbot.waitUntil(lambda: wizard.currentId() == 4)
    _key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.currentId() == 5)
    qtbot.keyClick(wizard, Qt.Key.Key_Return)
    assert wizard.result() == QWizard.DialogCode.Accepted
    window.data_changed()  # what the Werk menu does when the wizard closes


def _register_contract(
    window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch, ref: str, start: str, end: str
) -> None:
    from app.ui.contract_dialog import ContractDialog

    def fill_in(dialog: ContractDialog) -> int:
        dialog.tender.setEditText("2026-ICT-001")
        qtbot.keyClicks(dialog.ref, ref)
        qtbot.keyClicks(dialog.supplier, "Voorbeeld B.V.")
        for field, typed in ((dialog.start, start), (dialog.end, end)):
            field.edit.clear()
            qtbot.keyClicks(field.edit, typed)
            field.edit.editingFinished.emit()
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(ContractDialog, "exec", fill_in)
    window.show_page("contracts").new_button.click()
    window.page("contracts").close_dossier()


def test_a_buyers_first_day(
    start: Callable[[], Any],
    isolated_home: Path,
    qtbot: Any,
    dialogs: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.services import registry
    from app.services.reporting import year_report

    assert not (isolated_home / "data").exists()
    window = start()
    assert window.ctx is not None and not dialogs.errors  # started, no error
    location = window.ctx.db.location

    _wizard_by_keyboard(window, qtbot)
    tender = registry.get_tender(window.ctx, "2026-ICT-001")
    assert tender.published.isoformat() == "2026-03-01" and tender.value == 250000

    _register_contract(window, qtbot, monkeypatch, "C-1", "1-6-2026", "2028-05-31")
    _register_contract(window, qtbot, monkeypatch, "C-2", "01-06-2026", "31052027")
    assert [c.ref for c in registry.list_contracts(window.ctx)] == ["C-1", "C-2"]
    assert year_report(window.ctx, 2026).totals["contracts_active"] == 2

    # the tender's value corrected, with a reason, in the form with its current values
    def correct_value(dialog: record_actions.CorrectDialog) -> int:
        dialog.show()  # what exec() does, without its own event loop
        value = dialog.widgets["value"]
        assert value.text() == "250.000"  # type: ignore[attr-defined]
        value.setFocus()
        qtbot.keyClick(value, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(value, "300.000")
        qtbot.keyClicks(dialog.reason, "raming na marktverkenning bijgesteld")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
        return int(dialog.result())

    monkeypatch.setattr(record_actions.CorrectDialog, "exec", correct_value)
    tenders = window.show_page("tenders")
    tenders.table.selectRow(0)
    tenders.records.correct.click()
    assert registry.get_tender(window.ctx, "2026-ICT-001").value == 300000

    # a contract withdrawn, with the reason typed in the dialog
    def withdraw_reason(dialog: record_actions.ReasonDialog) -> int:
        dialog.show()
        qtbot.keyClicks(dialog.reason, "dubbel ingevoerd")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
        return int(dialog.result())

    monkeypatch.setattr(record_actions.ReasonDialog, "exec", withdraw_reason)
    contracts = window.show_page("contracts")
    contracts.table.selectRow(contracts.model.row_of(lambda c: c.ref == "C-2"))
    contracts.records.withdraw.click()
    assert [c.ref for c in contracts.model.rows()] == ["C-1"]
    assert not dialogs.errors
    window.close()

    # the next start: the same database, the history, the report
    again = start()
    assert again.ctx is not None and again.ctx.db.location == location
    shown: list[record_actions.HistoryDialog] = []
    monkeypatch.setattr(record_actions.HistoryDialog, "exec", lambda d: shown.append(d) or 0)
    tenders = again.show_page("tenders")
    tenders.table.selectRow(0)
    tenders.records.history.click()
    model = shown[0].model
    rows = [
        [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    value = next(r for r in rows if r[4] == "waarde")
    assert value[5:] == ["€\u00a0250.000", "€\u00a0300.000", "raming na marktverkenning bijgesteld"]
    withdrawn = next(r for r in rows if r[2] == "Contract C-2" and r[3] == "ingetrokken")
    assert withdrawn[7] == "dubbel ingevoerd"
    reporting = again.show_page("reporting")
    reporting.view.year.setValue(2026)
    reporting.view.make.click()
    assert reporting.view.report is not None
    assert reporting.view.report.totals["contracts_active"] == 1
    # counted by award date the tender has none yet: named, not counted; by publication
    # date it counts
    assert reporting.view.report.totals["tenders"] == 0
    assert [t.ref for t in reporting.view.report.award_date_unknown] == ["2026-ICT-001"]
    reporting.view.basis.setCurrentIndex(reporting.view.basis.findData("published"))
    reporting.view.make.click()
    assert reporting.view.report.basis == "published"
    assert reporting.view.report.totals["tenders"] == 1
    assert not dialogs.errors
    again.close()
