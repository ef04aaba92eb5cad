"""Start of the desktop window: ``run(db_location, lang)`` (called by ``isv-assistent gui``).

The window is shown before the database is opened: opening (and, for an older file,
upgrading) starts once the window has painted itself, on a worker thread, so the window
appears as fast as a bare Qt window and stays responsive while the data loads.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from app import settings
from app.ui.i18n import Language


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName("isv-assistent")
    QCoreApplication.setApplicationName("ISV-assistent")
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationDisplayName("ISV-assistent")
    # The system palette and style stay as they are: high-contrast themes keep working.
    return app


def run(db_location: str | None, lang: str) -> int:
    """Open the window on ``db_location`` (or the configured database) in ``lang``."""
    app = make_application()
    language = Language()
    language.install(lang or settings.load().language)
    from app.ui.main_window import MainWindow

    window = MainWindow(db_location=db_location, language=language)
    window.show()
    window.open_database_when_painted()
    mode = os.environ.get("ISV_ASSISTENT_EXIT_WHEN_SHOWN")
    if mode:  # the start-up benchmark only
        QTimer.singleShot(0, lambda: window.report_shown_and_quit(mode == "ready"))
    status = app.exec()
    window.tasks.shutdown()  # no worker may outlive the window (see Tasks.shutdown)
    return status
