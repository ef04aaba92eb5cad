"""No string without its English text; every interactive widget has an accessible name;
every table model passes qtmodeltester."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QTextEdit,
    QWidget,
)

from app.ui import i18n


def test_every_translated_string_in_the_code_has_its_english_text() -> None:
    in_code = i18n.strings_in_code()
    in_ts = i18n.read_ts(i18n.ts_path("en"))
    missing = [s for s in in_code if s not in in_ts or not in_ts[s][1]]
    assert not missing, f"no English text for: {missing[:10]}"
    stale = [s for s in in_ts if s not in in_code]
    assert not stale, f"in the .ts but not in the code: {stale[:10]}"


def test_tr_is_only_called_with_literal_text() -> None:
    """A tr() of a variable would escape the .ts check above."""
    offenders = []
    for path in i18n.ui_source_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "tr"
                and path.name != "i18n.py"
                and not (node.args and isinstance(node.args[0], ast.Constant))
            ):
                offenders.append(f"{path.name}:{node.lineno}")
    assert not offenders


def test_placeholders_survive_translation() -> None:
    import re

    for source, (text, _done) in i18n.read_ts(i18n.ts_path("en")).items():
        assert set(re.findall(r"{\w+}", source)) == set(re.findall(r"{\w+}", text)), source


def test_the_compiled_translation_is_used(qapp: Any) -> None:
    language = i18n.Language()
    language.install("en")
    try:
        assert i18n.tr("Aanbestedingen") == "Tenders"
    finally:
        language.uninstall()
    assert i18n.tr("Aanbestedingen") == "Aanbestedingen"


def test_the_built_translation_matches_the_ts(qapp: Any) -> None:
    """The .qm the package build made says what the .ts says (after editing the .ts,
    ``python -m app.ui.i18n`` or ``pip install -e .`` compiles it again)."""
    from PySide6.QtCore import QTranslator

    compiled = QTranslator()
    assert compiled.load(str(i18n.qm_path("en"))), "no .qm: build the package"
    different = [
        source
        for source, (text, done) in i18n.read_ts(i18n.ts_path("en")).items()
        if done and compiled.translate(i18n.CONTEXT, source) != text
    ]
    assert not different, f"the .qm is older than the .ts: {different[:5]}"


@pytest.mark.parametrize(
    ("lang", "look_in", "yes"), [("nl", "&Zoeken in:", "&Ja"), ("en", "&Look in:", "&Yes")]
)
def test_qt_own_dialogs_speak_the_window_language(
    qapp: Any, lang: str, look_in: str, yes: str
) -> None:
    """Qt's file dialog and message box buttons come from Qt's own translations."""
    from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

    language = i18n.Language()
    language.install(lang)
    try:
        dialog = QFileDialog()
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        labels = [label.text() for label in dialog.findChildren(QLabel)]
        assert look_in in labels, labels
        box = QMessageBox()
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        assert box.button(QMessageBox.StandardButton.Yes).text() == yes
        dialog.deleteLater()
        box.deleteLater()
    finally:
        language.uninstall()


INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QTextEdit,
)


def unnamed_widgets(root: QWidget) -> list[str]:
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) or not widget.isVisibleTo(root):
            continue
        if isinstance(widget.parent(), QComboBox | QAbstractSpinBox):  # their inner parts
            continue
        if type(widget).__name__ in ("QLineEdit",) and isinstance(
            widget.parent(), QAbstractSpinBox
        ):
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface is not None else ""
        if not (name or "").strip():
            found.append(
                f"{type(widget).__name__} {widget.objectName()!r} in "
                f"{type(widget.parent()).__name__}"
            )
    return found


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_screen_names_its_widgets(window: Any, contract: str, lang: str) -> None:
    window.apply_language(lang)
    problems = []
    for page in window.pages:
        window.show_page(page.key)
        problems += [f"{page.key}: {p}" for p in unnamed_widgets(window)]
    window.open_contract(contract)
    dossier = window.page("contracts").dossier
    for number in range(dossier.tabs.count()):
        dossier.tabs.setCurrentIndex(number)
        problems += [f"dossier tab {number}: {p}" for p in unnamed_widgets(window)]
    assert not problems


def test_dialogs_name_their_widgets(window: Any, contract: str) -> None:
    from app.ui.contract_dialog import ContractDialog
    from app.ui.country_risk_dialog import CountryRiskDialog
    from app.ui.dossier_tabs import AssessmentDialog, EscalationDialog
    from app.ui.evidence_dialog import EvidenceDialog
    from app.ui.import_dialog import ImportDialog
    from app.ui.settings_dialog import SettingsDialog
    from app.ui.wizard import TenderWizard

    problems = []
    wizard = TenderWizard(window)
    wizard.show()
    for _ in range(4):
        problems += [f"wizard page {wizard.currentId()}: {p}" for p in unnamed_widgets(wizard)]
        if wizard.currentId() == 0:
            wizard.data.ref.setText("X-1")
            wizard.data.title_.setText("Iets")
            wizard.data.value.setText("1000")
        if wizard.currentId() == 1:
            wizard.category.list.setCurrentRow(0)
        wizard.next()
    wizard.close()
    for dialog in (
        ImportDialog(window, contract),
        SettingsDialog(window),
        EvidenceDialog(window, "nl", contract, []),
        EscalationDialog(window, "nl", []),
        AssessmentDialog(window, "nl"),
        ContractDialog(window, "nl", ["T-1"]),
        CountryRiskDialog(window),
    ):
        dialog.show()
        problems += [f"{type(dialog).__name__}: {p}" for p in unnamed_widgets(dialog)]
        dialog.close()
    assert not problems


def test_table_models_pass_qtmodeltester(window: Any, contract: str, qtmodeltester: Any) -> None:
    from app.ui.models import RowTableModel

    window.open_contract(contract)
    from PySide6.QtWidgets import QTableView

    models = {
        id(v.model()): v.model()
        for v in window.findChildren(QTableView)
        if isinstance(v.model(), RowTableModel)
    }
    assert len(models) >= 8
    for model in models.values():
        qtmodeltester.check(model, force_py=True)
        if model.columnCount():
            model.sort(0)
            qtmodeltester.check(model, force_py=True)


def test_sorting_happens_in_the_model_on_the_list(qapp: Any) -> None:
    from PySide6.QtCore import Qt

    from app.ui.models import Column, RowTableModel

    model: RowTableModel[tuple[str, int | None]] = RowTableModel(
        [
            Column("name", lambda: "Naam", lambda r: r[0]),
            Column("n", lambda: "Aantal", lambda r: r[1]),
        ]
    )
    model.set_rows([("beta", 2), ("Alfa", None), ("gamma", 1)])
    model.sort(0)
    assert [r[0] for r in model.rows()] == ["Alfa", "beta", "gamma"]
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert [r[1] for r in model.rows()] == [1, 2, None]  # empty values last
    model.set_filter(lambda r: r[0] != "beta")
    assert [r[0] for r in model.rows()] == ["gamma", "Alfa"]
    assert model.total == 3


def test_source_language_is_dutch_everywhere() -> None:
    """Regression guard: English must come from the .ts, never from the code."""
    text = Path(i18n.__file__).with_name("main_window.py").read_text(encoding="utf-8")
    assert 'tr("&File")' not in text
