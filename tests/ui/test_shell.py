"""The main window opens, navigates and remembers itself."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt


def test_window_opens_with_all_screens(window: Any) -> None:
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert titles == ["Overzicht", "Aanbestedingen", "Contracten", "Leveranciers",
                      "Bewijsstukken", "Rapportage", "Categorieën"]
    assert window.ctx.db.location in window.status_database.text()


def test_keyboard_navigation_between_screens(window: Any, qtbot: Any) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget().key == "categories"
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget().key == "tenders"
