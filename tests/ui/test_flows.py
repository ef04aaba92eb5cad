"""The main flows as a user does them: import (with errors, then clean), evidence,
an escalation step, the yearly report, switching language."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from ui.conftest import filled_workbook


@pytest.fixture
def save_answers(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    from app.ui import widgets

    asked: list[str] = []

    def answer(_parent: Any, title: str, suggested: str, _filters: str) -> str:
        asked.append(title)
        return str(tmp_path / Path(suggested).name)

    monkeypatch.setattr(widgets, "ask_save_path", answer)
    return asked


def test_import_with_errors_shows_them_and_writes_feedback(
    window: Any, contract: str, qtbot: Any, tmp_path: Path, save_answers: list[str]
) -> None:
    from openpyxl import load_workbook

    from app.ui.import_dialog import ImportDialog

    source = filled_workbook(window, contract, tmp_path / "ingevuld.xlsx", bad=True)
    dialog = ImportDialog(window, contract)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClicks(dialog.path, str(source))
    qtbot.keyClick(dialog, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)  # Controleren
    qtbot.waitUntil(lambda: dialog.check_result is not None or dialog.summary.text() != "")
    assert dialog.check_result is not None, dialog.summary.text()
    errors = dialog.check_result.errors
    assert {(p.sheet, p.row) for p in errors} >= {("Risico's", 2), ("Maatregelen", 2)}
    assert not dialog.import_button.isEnabled()
    assert dialog.feedback_button.isEnabled()
    assert "fouten" in dialog.summary.text()
    # filter on one sheet: only its problems stay
    dialog.sheet_filter.setCurrentIndex(dialog.sheet_filter.findData("Maatregelen"))
    shown = dialog.model.rows()
    assert shown and all(p.sheet == "Maatregelen" for p in shown)
    dialog.table.selectRow(0)
    assert "Maatregelen" in dialog.row_view.toPlainText()
    qtbot.keyClick(dialog, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # Terugkoppeling
    feedback = tmp_path / "ingevuld-terugkoppeling.xlsx"
    qtbot.waitUntil(feedback.exists)
    book = load_workbook(feedback)
    assert "Risico's" in book.sheetnames
    assert book["Risico's"]["E2"].comment is not None or any(
        "hoog-ish" in str(c.value) for row in book["Risico's"].iter_rows() for c in row
    )
    from app.services.submissions import list_submissions

    assert list_submissions(window.ctx, contract) == []


def test_selecting_a_problem_shows_that_row_of_the_workbook(
    window: Any, contract: str, qtbot: Any, tmp_path: Path
) -> None:
    """The values beside a problem: gathered by the check's worker (``problem_rows``) for
    the rows with a problem, found by sheet and row when the user selects one."""
    from app.ui.import_dialog import ImportDialog
    from ui.stall import big_workbook

    source = big_workbook(tmp_path / "veel.xlsx", contract, 200, warnings=True)
    dialog = ImportDialog(window, contract)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(source))
    dialog.check()
    qtbot.waitUntil(lambda: dialog.check_result is not None)
    assert len(dialog.check_result.warnings) == 140
    first = dialog.check_result.problems[0]  # selected when the result arrived, and shown
    assert first.value == "R20" and "R20" in dialog.row_view.toPlainText()
    problem = dialog.check_result.warnings[-1]
    dialog.table.selectRow(dialog.model.row_of(lambda p: p is problem))
    shown = dialog.row_view.toPlainText()
    assert f"rij {problem.row}" in shown
    assert problem.value in shown and "Lonen te laag" in shown
    # the workbook's own column headers, and codes in words
    assert "Omschrijving" in shown and "Leefbaar loon" in shown and "Prioriteit" in shown
    assert "Hoog" in shown and "living_wage" not in shown and "risk_key" not in shown
    dialog.kind_filter.setCurrentIndex(dialog.kind_filter.findData("warning"))
    dialog.table.selectRow(0)
    assert "Lonen te laag" in dialog.row_view.toPlainText()


def test_clean_import_becomes_version_one(
    window: Any, contract: str, qtbot: Any, tmp_path: Path
) -> None:
    from app.ui.import_dialog import ImportDialog

    source = filled_workbook(window, contract, tmp_path / "goed.xlsx", bad=False)
    dialog = ImportDialog(window, contract)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(source))
    dialog.check()
    qtbot.waitUntil(lambda: dialog.check_result is not None)
    assert not dialog.check_result.errors
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.imported)
    assert "versie 1" in dialog.summary.text()
    window.open_contract(contract)
    dossier = window.page("contracts").dossier
    submissions = next(t for t in dossier.extra_tabs if t.tab_title() == "I&nzendingen")
    assert [s.version_no for s in submissions.model.rows()] == [1]
    assert "eerste versie" in submissions.changes.toPlainText()
    from app.ui.dossier_tabs import ChainTab

    chain = next(t for t in dossier.extra_tabs if isinstance(t, ChainTab))
    dossier.tabs.setCurrentWidget(chain)
    qtbot.waitUntil(lambda: chain.risks.rowCount() == 1)
    assert "versie 1" in chain.heading.text()
    assert [r.site_key for r in chain.sites.rows()] == ["S1"]
    risk = chain.risks.rows()[0]
    assert (risk.risk_key, risk.priority) == ("R1", "high")  # serious and likely
    # what the supplier said of its grievance mechanism, and the risk's place from its site
    assert "Klachtenmechanisme: Ja" in chain.grievance.text()
    assert "Vakbond in Dhaka" in chain.grievance.text()
    country = next(i for i, c in enumerate(chain.risks.columns) if c.key == "country")
    assert chain.risks.index(0, country).data() == "Bangladesh"
    assert [m.measure_key for m in chain.measures.rows()] == ["M1"]


def test_adding_evidence_in_the_dossier(
    window: Any, contract: str, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.ui.evidence_dialog import EvidenceDialog

    document = tmp_path / "beleid.pdf"
    document.write_bytes(b"%PDF-1.4 ISV-beleid van Textiel B.V.")

    def fill_in(dialog: EvidenceDialog) -> int:
        dialog.type.setCurrentIndex(dialog.type.findData("policy"))
        qtbot.keyClicks(dialog.issuer, "Textiel B.V.")
        dialog.valid.set_value(dt.date(2027, 1, 31))
        return 1

    monkeypatch.setattr(EvidenceDialog, "exec", fill_in)
    window.open_contract(contract)
    dossier = window.page("contracts").dossier
    dossier.evidence.add(document)  # what a drop of the file on the list does
    rows = dossier.evidence.model.rows()
    assert [(r.type, r.file_name, r.issuer, r.valid_until) for r in rows] == [
        ("policy", "beleid.pdf", "Textiel B.V.", dt.date(2027, 1, 31))
    ]
    window.show_page("evidence")
    assert window.page("evidence").model.rows()[0].file_name == "beleid.pdf"


def test_recording_an_escalation_step(
    window: Any, contract: str, qtbot: Any, dialogs: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.ui.dossier_tabs import EscalationDialog, SignalsTab

    def fill_in(dialog: EscalationDialog) -> int:
        dialog.step.setCurrentIndex(dialog.step.findData("dialogue"))
        dialog.taken.set_value(dt.date(2026, 3, 2))
        dialog.response.set_value(dt.date(2026, 3, 30))
        qtbot.keyClicks(dialog.note, "Gesprek over lonen")
        return 1

    monkeypatch.setattr(EscalationDialog, "exec", fill_in)
    window.open_contract(contract)
    dossier = window.page("contracts").dossier
    tab = next(t for t in dossier.extra_tabs if isinstance(t, SignalsTab))
    dossier.tabs.setCurrentWidget(tab)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    tab.step_button.setFocus()
    qtbot.keyClick(tab.step_button, Qt.Key.Key_Space)
    steps = tab.ladder.rows()
    assert not dialogs.errors, dialogs.errors
    assert [(s.step, s.taken_on, s.response_due, s.note) for s in steps] == [
        ("dialogue", dt.date(2026, 3, 2), dt.date(2026, 3, 30), "Gesprek over lonen")
    ]
    assert tab.ladder.data(tab.ladder.index(0, 1)) == "Dialoog"
    from app.ui.widgets import SimpleDialog

    def responded(dialog: SimpleDialog) -> int:
        from app.ui.forms import DateField

        dialog.findChildren(DateField)[0].set_value(dt.date(2026, 3, 20))
        return 1

    monkeypatch.setattr(SimpleDialog, "exec", responded)
    tab.ladder_table.selectRow(0)
    tab._response()
    assert tab.ladder.rows()[0].responded_on == dt.date(2026, 3, 20)


def test_switching_language_keeps_the_place_and_translates(
    window: Any, contract: str, qtbot: Any
) -> None:
    window.show_page("contracts")
    window.apply_language("en")
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert titles == [
        "Overview",
        "Tenders",
        "Contracts",
        "Suppliers",
        "Evidence",
        "Reporting",
        "Categories",
        "TenderNed",
    ]
    assert window.stack.currentWidget().key == "contracts"
    assert window.menuBar().actions()[0].text() == "&File"
    page = window.page("contracts")
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "Reference"
    assert page.model.rows()[0].ref == contract
    window.apply_language("nl")
    assert window.navigation.item(0).text() == "Overzicht"


def test_producing_the_yearly_report(
    window: Any, contract: str, qtbot: Any, save_answers: list[str], tmp_path: Path
) -> None:
    from openpyxl import load_workbook
    from pypdf import PdfReader

    page = window.show_page("reporting")
    view = page.view
    view.year.setValue(2025)
    view.make.click()
    assert view.report is not None
    assert view.report.totals["tenders"] == 1
    assert "Bedrijfskleding" in view.preview.toPlainText()
    view.save_pdf.click()
    view.save_xlsx.click()
    pdf = tmp_path / "ISV-jaarrapport-2025.pdf"
    xlsx = tmp_path / "ISV-jaarrapport-2025.xlsx"
    assert "2025" in "".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert load_workbook(xlsx).sheetnames


def test_registering_a_contract_opens_its_dossier(
    window: Any, contract: str, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services.registry import get_contract
    from app.ui.contract_dialog import ContractDialog

    def fill_in(dialog: ContractDialog) -> int:
        assert dialog.tender.findText("T-1") >= 0
        dialog.tender.setEditText("T-1")
        qtbot.keyClicks(dialog.ref, "C-2")
        qtbot.keyClicks(dialog.supplier, "Kleding International Ltd")
        dialog.country.setText("Bangladesh")
        dialog.start.set_value(dt.date(2026, 2, 1))
        dialog.end.set_value(dt.date(2027, 1, 31))
        qtbot.keyClicks(dialog.penalty, "10.000")
        return 1

    monkeypatch.setattr(ContractDialog, "exec", fill_in)
    page = window.show_page("contracts")
    page.new_button.click()
    record = get_contract(window.ctx, "C-2")
    assert (record.supplier.country, record.penalty, record.end) == (
        "BD",
        10000,
        dt.date(2027, 1, 31),
    )
    assert page.dossier is not None and page.dossier.ref == "C-2"
