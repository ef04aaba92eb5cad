"""The main window opens, navigates and remembers itself."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt


def test_window_opens_with_all_screens(window: Any) -> None:
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert titles == [
        "Overzicht",
        "Aanbestedingen",
        "Contracten",
        "Leveranciers",
        "Bewijsstukken",
        "Rapportage",
        "Categorieën",
        "TenderNed",
    ]
    assert window.ctx.db.location in window.status_database.text()


def test_keyboard_navigation_between_screens(window: Any, qtbot: Any) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget().key == "categories"
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget().key == "tenders"


def test_first_start_offers_demo_data(
    qtbot: Any, db_location: str, language: Any, dialogs: Any
) -> None:
    from app.services.registry import count_tenders
    from app.ui.main_window import MainWindow
    from app.ui.tasks import Tasks

    dialogs.answers.append(True)
    win = MainWindow(db_location=db_location, language=language, tasks=Tasks(inline=True))
    qtbot.addWidget(win)
    win.show()
    win.open_database()
    qtbot.waitUntil(lambda: dialogs.questions == ["Voorbeeldgegevens laden?"], timeout=5000)
    qtbot.waitUntil(lambda: count_tenders(win.ctx) > 0, timeout=60_000)
    win.ctx.db.dispose()


def test_settings_change_user_and_language(window: Any, monkeypatch: Any) -> None:
    from app import settings
    from app.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window)
    dialog.user.setText("J. de Inkoper")
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.apply()
    assert settings.load().user_name == "J. de Inkoper"
    assert window.ctx.actor == "J. de Inkoper"
    assert "J. de Inkoper" in window.status_user.text()
    assert window.navigation.item(0).text() == "Overview"
    window.apply_language("nl")


def test_backup_from_the_menu(
    window: Any, monkeypatch: Any, tmp_path: Any, db_location: str
) -> None:
    import zipfile

    import pytest

    if "://" in db_location:
        pytest.skip("backups are made of SQLite databases")

    from app.ui import widgets

    target = tmp_path / "kopie.zip"
    monkeypatch.setattr(widgets, "ask_save_path", lambda *_a: str(target))
    window.menu_actions["backup"].trigger()
    with zipfile.ZipFile(target) as archive:
        assert "manifest.json" in archive.namelist()
