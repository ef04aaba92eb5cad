"""One session for the clean-exit test: ``python tests/ui/quit_driver.py HOME``.

Starts the window the way ``isv-assistent`` does (``app.ui.application.run``), and once
the database is open starts a workbook check in the import dialog and the yearly report
in the background, then presses Ctrl+Q while they run and answers "Toch afsluiten".
The process's exit status is the application's: 0 when it ends cleanly.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    home = Path(sys.argv[1])
    os.environ["ISV_ASSISTENT_HOME"] = str(home)
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 20_000
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from app.ui import widgets
    from app.ui.application import make_application, run
    from app.ui.main_window import MainWindow

    app = make_application()
    # "Toch afsluiten" when work still runs; no to anything else (the demo data offer)
    widgets.ask = lambda _parent, title, *_a, **_kw: title == "Werk loopt nog"
    widgets.show_error = lambda _p, error, *_a: print(f"error shown: {error!r}", flush=True)
    steps: list[str] = []

    def window() -> MainWindow | None:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        return found[0] if found else None

    def drive() -> None:
        win = window()
        if win is None or win.ctx is None or not win.pages:
            QTimer.singleShot(50, drive)
            return
        from app.domain.values import IsvDecision
        from app.services import registry
        from app.ui.import_dialog import ImportDialog
        from ui.stall import big_workbook

        registry.register_tender(
            win.ctx,
            ref="T-1",
            title="Kleding",
            category="bedrijfskleding",
            kind="supplies",
            value=500_000,
            published=dt.date(2025, 9, 1),
            decision=IsvDecision(True, None, "contract-condition"),
        )
        registry.add_contract(
            win.ctx,
            ref="C-1",
            tender_ref="T-1",
            supplier="Textiel B.V.",
            supplier_country="NL",
            start=dt.date(2026, 1, 1),
            end=dt.date(2028, 12, 31),
        )
        source = big_workbook(home / "groot.xlsx", "C-1", rows, warnings=True)
        dialog = ImportDialog(win, "C-1")
        dialog.show()
        dialog.path.setText(str(source))
        dialog.check()
        view = win.show_page("reporting").view
        view.compute()
        steps.append("started")
        QTimer.singleShot(400, quit_now)

    def quit_now() -> None:
        win = window()
        assert win is not None
        win.activateWindow()  # the import dialog is not modal here: back to the window
        if not win.isActiveWindow():
            QTimer.singleShot(20, quit_now)
            return
        busy = win.tasks.busy
        QTest.keyClick(win, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
        print(f"ctrl+q pressed while busy={busy}, window closed={not win.isVisible()}", flush=True)

    QTimer.singleShot(0, drive)
    status = run(str(home / "isv.sqlite"), "nl")
    del app
    return status


if __name__ == "__main__":
    raise SystemExit(main())
