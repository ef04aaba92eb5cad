"""The new-tender wizard, driven by the keyboard from the first field to saved documents."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard


def _type(qtbot: Any, text: str) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClicks(widget, text)


def _tab(qtbot: Any, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)


def _enter(qtbot: Any, wizard: Any) -> None:
    qtbot.keyClick(QApplication.focusWidget() or wizard, Qt.Key.Key_Return)


@pytest.fixture
def saved_to(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """The save dialog answers with a path in the test folder, and records the title."""
    from app.ui import widgets

    asked: list[str] = []

    def answer(_parent: Any, title: str, suggested: str, _filters: str) -> str:
        asked.append(title)
        return str(tmp_path / Path(suggested).name)

    monkeypatch.setattr(widgets, "ask_save_path", answer)
    return asked


def test_wizard_by_keyboard_from_first_field_to_saved_documents(
    window: Any, qtbot: Any, saved_to: list[str], tmp_path: Path
) -> None:
    from app.services.registry import get_tender
    from app.ui.wizard import TenderWizard

    wizard = TenderWizard(window)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is wizard.data.ref)
    _type(qtbot, "2026-ICT-001")
    _tab(qtbot)
    _type(qtbot, "Laptops voor de rijksdienst")
    _tab(qtbot)
    _type(qtbot, "Ministerie van BZK")
    _tab(qtbot)  # kind: supplies is the first choice
    _tab(qtbot)
    assert QApplication.focusWidget() is wizard.data.value
    _type(qtbot, "250.000")
    wizard.data.cpv.setText("30213100-6, 30231300-0")
    _enter(qtbot, wizard)
    assert wizard.currentId() == 1
    # the category list has focus; type-ahead picks "ICT werkomgeving Rijk"
    qtbot.keyClick(wizard.category.list, Qt.Key.Key_Home)
    while wizard.category.code() != "ict-werkomgeving":
        qtbot.keyClick(wizard.category.list, Qt.Key.Key_Down)
    assert (
        "conflict" in wizard.category.guidance.toPlainText().lower()
        or wizard.category.guidance.toPlainText()
    )
    qtbot.keyClick(wizard.category.list, Qt.Key.Key_Return)
    assert wizard.currentId() == 2
    assert wizard.verdict.verdict.text() == "Verplicht"
    assert "140.000" in wizard.verdict.reasons.toPlainText()
    _enter(qtbot, wizard)
    assert wizard.currentId() == 3
    assert wizard.decision.apply.isChecked()
    _enter(qtbot, wizard)  # Vastleggen: registers the tender
    qtbot.waitUntil(lambda: wizard.currentId() == 4)
    tender = get_tender(window.ctx, "2026-ICT-001")
    assert tender.verdict == "mandatory"
    assert tender.decision is not None and tender.decision.form == "contract-condition"
    assert tender.organisation == "Ministerie van BZK"
    from app.services.registry import tender_cpv

    assert tender_cpv(window.ctx) == {"2026-ICT-001": ("30213100-6", "30231300-0")}
    # parameters: the authority comes from the organisation; plan within 6 months
    assert QApplication.focusWidget() is wizard.parameters.authority
    assert wizard.parameters.authority.text() == "Ministerie van BZK"
    _tab(qtbot)
    assert QApplication.focusWidget() is wizard.parameters.plan_months
    qtbot.keyClick(wizard.parameters.plan_months, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    _type(qtbot, "6")
    _enter(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentId() == 5)
    qtbot.waitUntil(
        lambda: (
            "6 maanden" in wizard.documents.preview.toPlainText()
            or "zes maanden" in wizard.documents.preview.toPlainText()
        ),
        timeout=10000,
    )
    # beside the texts: the eForms values, BT-70 with the contract condition to paste
    eforms_text = wizard.documents.eforms.toPlainText()
    for expected in ("BT-06", "soc-obj", "BT-775", "hum-right", "work-cond", "BT-70"):
        assert expected in eforms_text
    assert "2026-ICT-001" in eforms_text.split("BT-70", 1)[1]
    # save as Word by its shortcut, then as PDF and Markdown
    qtbot.keyClick(wizard, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(wizard, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(wizard, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(wizard.documents.saved) == 3, timeout=20000)
    docx = tmp_path / "ISV-2026-ICT-001.docx"
    pdf = tmp_path / "ISV-2026-ICT-001.pdf"
    md = tmp_path / "ISV-2026-ICT-001.md"
    import docx as python_docx
    from pypdf import PdfReader

    words = "\n".join(p.text for p in python_docx.Document(str(docx)).paragraphs)
    assert "2026-ICT-001" in words
    assert "2026-ICT-001" in "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "2026-ICT-001" in md.read_text(encoding="utf-8")
    qtbot.keyClick(wizard, Qt.Key.Key_Return)
    assert wizard.result() == QWizard.DialogCode.Accepted
    from app.services.clauses import history

    assert {r.format for r in history(window.ctx, "2026-ICT-001")} == {"docx", "pdf", "md"}


def test_wizard_asks_before_throwing_input_away(window: Any, qtbot: Any, dialogs: Any) -> None:
    from app.services.registry import count_tenders
    from app.ui.wizard import TenderWizard

    wizard = TenderWizard(window)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClicks(wizard.data.ref, "2026-X")
    dialogs.answers.append(False)  # "Doorgaan met invullen"
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert wizard.isVisible()
    assert dialogs.questions == ["Invoer weggooien?"]
    dialogs.answers.append(True)
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert not wizard.isVisible()
    assert count_tenders(window.ctx) == 0


def test_not_applying_mandatory_isv_needs_a_reason(window: Any, qtbot: Any) -> None:
    from app.services.registry import get_tender
    from app.ui.wizard import TenderWizard

    wizard = TenderWizard(window)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClicks(wizard.data.ref, "2026-K-9")
    qtbot.keyClicks(wizard.data.title_, "Bedrijfskleding")
    qtbot.keyClicks(wizard.data.value, "900.000")
    wizard.next()
    wizard.category.list.setCurrentRow(0)  # Bedrijfskleding
    wizard.next()
    wizard.next()
    wizard.decision.skip.setChecked(True)
    assert not wizard.decision.isComplete()
    qtbot.keyClicks(wizard.decision.reason, "Geen alternatief op de markt")
    assert wizard.decision.isComplete()
    assert wizard.decision.nextId() == -1
    wizard.button(QWizard.WizardButton.CommitButton).click() if wizard.button(
        QWizard.WizardButton.CommitButton
    ).isVisible() else wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: not wizard.isVisible())
    tender = get_tender(window.ctx, "2026-K-9")
    assert tender.decision is not None and not tender.decision.applied
    assert tender.decision.reason == "Geen alternatief op de markt"


def test_texts_for_a_registered_tender_from_the_list(
    window: Any, qtbot: Any, saved_to: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as dt

    from app.domain.values import IsvDecision
    from app.services import registry
    from app.ui.wizard import TenderWizard

    registry.register_tender(
        window.ctx,
        ref="T-7",
        title="Servers",
        category="datacenters",
        kind="supplies",
        value=900_000,
        published=dt.date(2026, 3, 1),
        decision=IsvDecision(True, None, "award-criterion"),
    )
    opened: list[TenderWizard] = []

    def run(wizard: TenderWizard) -> int:
        wizard.show()
        opened.append(wizard)
        assert wizard.currentId() == 4  # the parameters page first
        assert wizard.parameters.award_method.isEnabled()  # award criterion: how, on what
        wizard.next()
        assert wizard.currentId() == 4  # refused: how, on what and by whom are needed
        assert "gunningscriterium" in wizard.parameters.problem.text()
        wizard.parameters.award_method.setText("Punten 0-10 op het plan van aanpak")
        wizard.parameters.award_subject.setText("Het plan van aanpak voor de keten")
        wizard.parameters.award_assessor.setText("Een commissie van drie inkopers")
        wizard.next()
        assert wizard.currentId() == 4  # no organisation known: the authority is asked for
        wizard.parameters.authority.setText("Rijkswaterstaat")
        wizard.next()
        wizard.documents.save("md")
        return 1

    monkeypatch.setattr(TenderWizard, "exec", run)
    page = window.show_page("tenders")
    page.table.selectRow(0)
    assert page.documents.isEnabled()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened and (tmp_path / "ISV-T-7.md").exists()


def test_wizard_explains_the_annex_xiv_regime_and_the_category_page_its_unconfirmed_points(
    window: Any, qtbot: Any
) -> None:
    """A catering service of € 200.000: under the general threshold the wizard says it may
    be an Annex XIV service; with that kind the € 750.000 threshold applies and is named."""
    from app.ui.pages.categories import category_html
    from app.ui.wizard import TenderWizard

    wizard = TenderWizard(window)
    qtbot.addWidget(wizard)
    wizard.data.ref.setText("2026-CAT-001")
    wizard.data.title_.setText("Bedrijfsrestaurant")
    wizard.data.kind.setCurrentIndex(wizard.data.kind.findData("services"))
    wizard.data.value.setText("200.000")
    wizard.show()
    wizard.next()
    wizard.category.list.setCurrentRow(
        next(
            row
            for row in range(wizard.category.list.count())
            if wizard.category.list.item(row).data(Qt.ItemDataRole.UserRole)
            == "consumptieve-dienstverlening"
        )
    )
    guidance = wizard.category.guidance.toPlainText()
    assert "bijlage XIV" in guidance and "niet bevestigd" in guidance
    wizard.next()
    assert wizard.verdict.verdict.text() == "Verplicht"
    assert "sociale en andere specifieke diensten" in wizard.verdict.reasons.toPlainText()
    wizard.back()
    wizard.back()
    wizard.data.kind.setCurrentIndex(wizard.data.kind.findData("social-services"))
    wizard.next()
    wizard.next()
    assert wizard.verdict.verdict.text() == "Vrijwillig: onder de drempel"
    reasons = wizard.verdict.reasons.toPlainText()
    assert "750.000" in reasons and "bijlage XIV" in reasons

    from app import locator

    ict = locator.reference().find_category("ict-werkomgeving", set_id="acht")
    assert ict is not None
    page = category_html(ict, "nl")
    assert "2022-01-01" in page and "niet bevestigd" in page
    assert "Defensie en veiligheid" in page  # the regime whose use is unconfirmed
