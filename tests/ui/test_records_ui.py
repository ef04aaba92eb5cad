"""Correct, withdraw, history and Ctrl+Z in the window (issue 13 point 3), the warning
to accept (point 8), and views that follow a change (point 6)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

from app.domain.errors import ConflictError
from app.services import records, registry
from app.ui import record_actions


def _fill_correction(qtbot: Any, monkeypatch: pytest.MonkeyPatch, edit: Any, reason: str) -> None:
    """Replaces the dialog's exec(): ``edit(dialog)`` changes fields, then the reason is
    typed and OK pressed the way a user does (the real dialog, its real checks)."""

    def run(dialog: record_actions.CorrectDialog) -> int:
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled()  # no reason, no save
        edit(dialog)
        qtbot.keyClicks(dialog.reason, reason)
        assert ok.isEnabled()
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(record_actions.CorrectDialog, "exec", run)


def test_correction_dialog_shows_current_values_and_needs_a_change(qtbot: Any) -> None:
    fields = [
        record_actions.FieldSpec("title", "&Titel:", "text", "Laptops"),
        record_actions.FieldSpec("value", "&Waarde (€):", "amount", Decimal(250000)),
        record_actions.FieldSpec("published", "&Publicatie:", "date", dt.date(2026, 3, 1)),
    ]
    dialog = record_actions.CorrectDialog(None, "Corrigeren", fields, "nl")
    qtbot.addWidget(dialog)
    title = dialog.widgets["title"]
    value = dialog.widgets["value"]
    assert isinstance(title, QLineEdit) and isinstance(value, QLineEdit)
    assert title.text() == "Laptops" and value.text() == "250.000"
    assert dialog.widgets["published"].value() == dt.date(2026, 3, 1)  # type: ignore[attr-defined]
    assert dialog.changes() == {}
    qtbot.keyClicks(dialog.reason, "typfout")
    dialog.accept()
    assert dialog.result() == 0 and "niets veranderd" in dialog.problem.text()
    value.setText("25.000,5")
    assert dialog.changes() == {"value": Decimal("25000.5")}
    value.setText("veel")
    dialog.accept()
    assert dialog.result() == 0 and "geen bedrag" in dialog.problem.text()


def test_a_field_the_service_keeps_cannot_be_emptied_in_the_form(qtbot: Any) -> None:
    fields = [
        record_actions.FieldSpec("value", "&Waarde (€):", "amount", Decimal(9), can_clear=False),
        record_actions.FieldSpec("note", "&Notitie:", "text", "oud"),
    ]
    dialog = record_actions.CorrectDialog(None, "Corrigeren", fields, "nl")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.reason, "leeg")
    dialog.widgets["value"].setText("")  # type: ignore[attr-defined]
    dialog.accept()  # refused in the form: the reason typed stays
    assert dialog.result() == 0 and "‘Waarde (€)’ kan niet leeg" in dialog.problem.text()
    assert dialog.reason_text() == "leeg"
    dialog.widgets["value"].setText("9")  # type: ignore[attr-defined]
    dialog.widgets["note"].setText("")  # type: ignore[attr-defined]
    dialog.accept()  # a note can be emptied
    assert dialog.result() == 1


def test_correcting_a_contract_from_its_dossier_then_undo(
    window: Any, contract: str, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def edit(dialog: record_actions.CorrectDialog) -> None:
        dialog.widgets["end"].set_value(dt.date(2029, 6, 30))  # type: ignore[attr-defined]

    _fill_correction(qtbot, monkeypatch, edit, "verlengd met een half jaar")
    window.open_contract(contract)
    dossier = window.page("contracts").dossier
    assert dossier.correct_button.isEnabled()
    dossier.correct_button.click()
    assert registry.get_contract(window.ctx, contract).end == dt.date(2029, 6, 30)
    assert "01-01-2026 – 30-06-2029" in dossier.overview.toPlainText()  # it followed
    assert window.last_change is not None and window.last_change.label == contract
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert registry.get_contract(window.ctx, contract).end == dt.date(2028, 12, 31)
    assert window.last_change is None
    text = dossier.overview.toPlainText()
    assert "01-01-2026 – 31-12-2028" in text and "30-06-2029" not in text


def test_history_shows_old_new_and_reason(
    window: Any, contract: str, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    records.correct_contract(
        window.ctx, contract, reason="boete afgesproken", penalty="5000", expected_version=None
    )
    shown: list[record_actions.HistoryDialog] = []
    monkeypatch.setattr(record_actions.HistoryDialog, "exec", lambda d: shown.append(d) or 0)
    page = window.show_page("contracts")
    page.table.selectRow(0)
    assert page.records.history.isEnabled()
    page.records.history.click()
    (dialog,) = shown
    model = dialog.model
    rows = [
        [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    penalty = next(r for r in rows if r[4] == "boete")
    assert penalty[5:] == ["–", "€\u00a05.000", "boete afgesproken"]
    assert penalty[3] == "gecorrigeerd" and penalty[2] == f"Contract {contract}"
    assert not any(r[2] == "Aanbesteding T-1" for r in rows)  # the contract's own history
    assert rows[0][3] == "aangemaakt"


def test_withdrawing_a_contract_leaves_the_list_and_shows_behind_the_filter(
    window: Any, contract: str, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(record_actions, "ask_reason", lambda *_a: "dubbel ingevoerd")
    page = window.show_page("contracts")
    page.table.selectRow(0)
    page.records.withdraw.click()
    assert page.model.rowCount() == 0
    assert window.last_change is not None and window.last_change.action == "withdraw"
    page.records.show_withdrawn.setChecked(True)
    assert [c.ref for c in page.model.rows()] == [contract]
    page.table.selectRow(0)
    assert not page.records.correct.isEnabled() and page.records.history.isEnabled()
    from app.ui.models import COLOURS

    brush = page.model.data(page.model.index(0, 0), Qt.ItemDataRole.BackgroundRole)
    assert brush is not None and brush.color() == COLOURS["muted"]


def test_cancelling_a_withdrawal_changes_nothing(
    window: Any, contract: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(record_actions, "ask_reason", lambda *_a: "")
    page = window.show_page("contracts")
    page.table.selectRow(0)
    page.records.withdraw.click()
    assert registry.get_contract(window.ctx, contract).withdrawn_reason is None
    assert window.last_change is None


def test_a_stale_window_does_not_overwrite_a_colleagues_change(
    window: Any, contract: str, qtbot: Any, monkeypatch: pytest.MonkeyPatch, dialogs: Any
) -> None:
    page = window.show_page("contracts")
    page.table.selectRow(0)
    # a colleague corrects the contract on the shared database after this list loaded
    records.correct_contract(
        window.ctx, contract, reason="collega", value="1000", expected_version=None
    )

    def edit(dialog: record_actions.CorrectDialog) -> None:
        dialog.widgets["value"].setText("2.000")  # type: ignore[attr-defined]

    _fill_correction(qtbot, monkeypatch, edit, "mijn correctie")
    page.records.correct.click()
    assert [type(e) for e in dialogs.errors] == [ConflictError]
    dialogs.errors.clear()
    assert registry.get_contract(window.ctx, contract).value == Decimal(1000)


def test_a_warning_is_shown_and_needs_a_reason_to_go_on(
    window: Any, contract: str, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[list[str]] = []
    answers = ["", "gegund op een vooraankondiging"]

    def answer(_parent: Any, warnings: list[str]) -> str:
        asked.append(list(warnings))
        return answers.pop(0)

    monkeypatch.setattr(record_actions, "ask_accept_warnings", answer)

    def edit(dialog: record_actions.CorrectDialog) -> None:
        dialog.widgets["start"].set_value(dt.date(2025, 8, 1))  # type: ignore[attr-defined]

    _fill_correction(qtbot, monkeypatch, edit, "eerder begonnen")
    page = window.show_page("contracts")
    page.table.selectRow(0)
    page.records.correct.click()  # the user declines
    assert registry.get_contract(window.ctx, contract).start == dt.date(2026, 1, 1)
    assert "vóór de publicatie van aanbesteding T-1" in asked[0][0]
    page.table.selectRow(0)
    page.records.correct.click()  # the user goes on, with a reason
    assert registry.get_contract(window.ctx, contract).start == dt.date(2025, 8, 1)
    from app.services.history import history

    assert "gegund op een vooraankondiging" in (history(window.ctx, contract)[-1].reason or "")


def test_correcting_a_tender_value_from_the_tenders_page(
    window: Any, contract: str, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def edit(dialog: record_actions.CorrectDialog) -> None:
        line = dialog.widgets["value"]
        line.setFocus()
        line.selectAll()  # type: ignore[attr-defined]
        qtbot.keyClicks(line, "600.000")

    _fill_correction(qtbot, monkeypatch, edit, "offerte herzien")
    page = window.show_page("tenders")
    page.table.selectRow(0)
    page.records.correct.click()
    assert registry.get_tender(window.ctx, "T-1").value == Decimal(600000)
    assert page.model.rows()[0].value == Decimal(600000)  # the list followed


def test_a_new_submission_supersedes_the_previous_and_the_open_dossier_follows(
    window: Any, contract: str, qtbot: Any, tmp_path: Any
) -> None:
    from openpyxl import load_workbook

    from app.services import evidence, submissions
    from app.ui.dossier_tabs import ChainTab
    from ui.conftest import filled_workbook

    window.open_contract(contract)
    dossier = window.page("contracts").dossier
    chain = next(t for t in dossier.extra_tabs if isinstance(t, ChainTab))
    dossier.tabs.setCurrentWidget(chain)
    first = filled_workbook(window, contract, tmp_path / "v1.xlsx", bad=False)
    result = submissions.import_workbook(window.ctx, first, contract)
    assert result.status == "imported"
    window.data_changed()  # what the import dialog does when it is done
    qtbot.waitUntil(lambda: chain.risks.rowCount() == 1)  # no F5 needed
    second = tmp_path / "v2.xlsx"
    book = load_workbook(first)
    book.properties.title = "tweede versie"  # the same content in another file
    book.save(second)
    assert submissions.import_workbook(window.ctx, second, contract).status == "imported"
    window.data_changed()
    by_version = sorted(evidence.list_evidence(window.ctx, contract), key=lambda d: d.id)
    assert [d.type for d in by_version] == ["risk-analysis", "risk-analysis"]
    assert by_version[0].superseded_by_id == by_version[1].id  # counted once
    assert by_version[1].superseded_by_id is None
    tab = next(t for t in dossier.extra_tabs if t.tab_title() == "I&nzendingen")
    model = tab.model
    states = [model.data(model.index(r, model.columnCount() - 1)) for r in range(2)]
    assert states == ["Vervangen door versie 2", "Geldend"]
    window.show_page("evidence")
    page = window.page("evidence")
    shown = {r.id: r for r in page.model.rows()}
    assert shown[by_version[0].id].superseded_by_id == by_version[1].id


def test_a_typed_date_that_is_no_date_is_named_and_not_saved(qtbot: Any) -> None:
    fields = [record_actions.FieldSpec("end", "&Einddatum:", "date", dt.date(2028, 12, 31))]
    dialog = record_actions.CorrectDialog(None, "Corrigeren", fields, "nl")
    qtbot.addWidget(dialog)
    dialog.show()
    end = dialog.widgets["end"]
    end.edit.clear()  # type: ignore[attr-defined]
    qtbot.keyClicks(end.edit, "31-13-2028")  # type: ignore[attr-defined]
    qtbot.keyClicks(dialog.reason, "verlengd")
    dialog.accept()
    assert dialog.result() == 0
    assert "geen datum" in end.problem.text()  # type: ignore[attr-defined]
    end.edit.clear()  # type: ignore[attr-defined]
    qtbot.keyClicks(end.edit, "30062029")  # type: ignore[attr-defined]
    dialog.accept()
    assert dialog.result() == 1 and dialog.changes() == {"end": dt.date(2029, 6, 30)}


def test_history_shows_words_not_codes(window: Any, contract: str) -> None:
    from app.services.history import history

    records.correct_tender(
        window.ctx, "T-1", reason="lager geraamd", value="100000", expected_version=None
    )
    rows = record_actions.history_rows(history(window.ctx, "T-1"), "nl")
    verdict = next(r for r in rows if r.field == "oordeel")
    assert (verdict.old, verdict.new) == ("Verplicht", "Vrijwillig: onder de drempel")
    created = next(r for r in rows if r.action == "aangemaakt")
    assert created.record == "Aanbesteding T-1" and created.field == ""


def test_a_numbered_record_in_the_history_says_what_it_is(window: Any) -> None:
    """Regression: the history named records by number only ("Bewijsstuk 3")."""
    import datetime as dt

    from app.services.history import FieldChange, HistoryEntry
    from app.ui import record_actions

    at = dt.datetime(2026, 5, 1, 9, 0)
    created = HistoryEntry(
        1,
        at,
        "anna",
        "create",
        "evidence",
        "3",
        (FieldChange("type", None, "policy"), FieldChange("file_name", None, "beleid.pdf")),
        None,
    )
    changed = HistoryEntry(
        2, at, "anna", "update", "evidence", "3", (FieldChange("issuer", "A", "B"),), "typo"
    )
    rows = record_actions.history_rows([created, changed], "nl")
    assert [row.record for row in rows] == ["Bewijsstuk 3 (ISV-beleid, beleid.pdf)"] * 2


def test_the_risk_analysis_term_is_corrected_in_the_window(
    window: Any, contract: str, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 14 point 13: the contract's correction form offers the risk analysis's own
    term, and "with the plan of action" to drop it again."""
    from PySide6.QtWidgets import QComboBox

    def choose(months: int) -> Any:
        def edit(dialog: record_actions.CorrectDialog) -> None:
            box = dialog.widgets["risk_months"]
            assert isinstance(box, QComboBox)
            box.setCurrentIndex(box.findData(months))

        return edit

    window.open_contract(contract)
    dossier = window.page("contracts").dossier
    _fill_correction(qtbot, monkeypatch, choose(2), "eigen termijn voor de risicoanalyse")
    dossier.correct_button.click()
    assert registry.get_contract(window.ctx, contract).risk_months == 2
    assert "Risicoanalyse uiterlijk" in dossier.overview.toPlainText()
    _fill_correction(qtbot, monkeypatch, choose(0), "weer met het plan van aanpak")
    dossier.correct_button.click()
    assert registry.get_contract(window.ctx, contract).risk_months is None


def test_a_tender_not_applied_is_corrected_to_applied_in_the_window(
    window: Any, contract: str, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.domain.values import IsvDecision

    tender = registry.get_tender(window.ctx, "T-1")
    records.correct_tender(
        window.ctx,
        "T-1",
        reason="eerst niet toegepast",
        expected_version=tender.version,
        decision=IsvDecision(False, "spoedopdracht", None, None, "urgency", None),
    )
    errors: list[BaseException] = []
    monkeypatch.setattr(window, "show_error", errors.append)

    def edit(dialog: record_actions.CorrectDialog) -> None:
        for name, value in (("isv", True), ("form", "contract-condition")):
            box = dialog.widgets[name]
            box.setCurrentIndex(box.findData(value))  # type: ignore[attr-defined]

    _fill_correction(qtbot, monkeypatch, edit, "toch toegepast")
    page = window.show_page("tenders")
    page.select("T-1")
    page.records.correct.click()
    qtbot.waitUntil(lambda: bool(errors) or registry.get_tender(window.ctx, "T-1").decision.applied)
    assert errors == []
    decision = registry.get_tender(window.ctx, "T-1").decision
    # the reason for not applying goes with the switch, as on the command line
    assert decision.applied and decision.form == "contract-condition"
    assert decision.reason_code is None and decision.reason is None
