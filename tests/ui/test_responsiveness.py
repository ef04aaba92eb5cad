"""The window keeps breathing during long work: a timer probe measures the largest gap
in the event loop while an import and the yearly report run on the real thread pool.

The workbook is small (10,000 rows, so the run stays short) but earns 7,000 warnings,
as many as the 100,000-row benchmark: what the window does per problem when the check's
result arrives (filling the problems table, the filters, the first problem's row) is
measured at full size. Regression guard: the result handler once searched every row
of the submission on the GUI thread and froze the window for 700 ms.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ui.stall import big_workbook, run_with_probe

ROWS = 10_000  # the 100,000-row run is tests/benchmarks/bench_ui_stall.py
WARNINGS = 7_000
LIMIT_MS = 100
TRIES = 3  # best of three: other processes on this shared machine also delay the timer


@pytest.fixture
def live_window(qtbot: Any, db_location: str, language: Any) -> Iterator[Any]:
    """The main window with the real task helper (worker threads, queued results)."""
    from app.ui.main_window import MainWindow

    win = MainWindow(db_location=db_location, language=language, offer_demo=False)
    qtbot.addWidget(win)
    win.show()
    win.open_database()
    qtbot.waitUntil(lambda: win.ctx is not None and bool(win.pages), timeout=20_000)
    qtbot.waitUntil(lambda: win.warmed, timeout=30_000)  # as a user who starts after a second
    yield win
    win.tasks.wait()
    if win.ctx is not None:
        win.ctx.db.dispose()


def _contract(win: Any, number: int = 1) -> str:
    import datetime as dt

    from app.domain.values import IsvDecision
    from app.services import registry

    if number == 1:
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
        ref=f"C-{number}",
        tender_ref="T-1",
        supplier="Textiel B.V.",
        supplier_country="NL",
        start=dt.date(2026, 1, 1),
        end=dt.date(2028, 12, 31),
        kvk="12345678",
    )
    return f"C-{number}"


def test_import_check_and_import_do_not_stall_the_window(
    live_window: Any, qtbot: Any, tmp_path: Path, dialogs: Any
) -> None:
    from app.ui.import_dialog import ImportDialog

    checks, imports = [], []
    for number in range(1, TRIES + 1):
        ref = _contract(live_window, number)
        source = big_workbook(tmp_path / f"groot-{number}.xlsx", ref, ROWS, warnings=True)
        dialog = ImportDialog(live_window, ref)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.path.setText(str(source))
        checks.append(
            run_with_probe(qtbot, dialog.check, lambda d=dialog: d.result is not None, 120_000)
        )
        assert not dialog.result.errors, dialog.result.errors[:3]
        assert len(dialog.result.warnings) == WARNINGS
        assert dialog.model.rowCount() == WARNINGS
        qtbot.wait(300)  # the user reads the result (its layout and paint are done)
        before = dialog.summary.text()
        dialogs.answers.append(True)  # import despite warnings, if any
        imports.append(
            run_with_probe(
                qtbot,
                dialog.do_import,
                lambda d=dialog, b=before: d.task is None and d.summary.text() != b,
                120_000,
            )
        )
        assert dialog.imported, dialog.summary.text()
    assert min(checks) < LIMIT_MS, f"event loop stalled {checks} ms during the checks"
    assert min(imports) < LIMIT_MS, f"event loop stalled {imports} ms during the imports"


def test_report_does_not_stall_the_window(live_window: Any, qtbot: Any) -> None:
    _contract(live_window)
    view = live_window.show_page("reporting").view
    view.year.setValue(2025)
    gaps = []
    for _ in range(TRIES):
        view.report = None
        gaps.append(run_with_probe(qtbot, view.compute, lambda: view.report is not None, 60_000))
    assert view.report.totals["tenders"] == 1
    assert min(gaps) < LIMIT_MS, f"event loop stalled {gaps} ms during the report"


def test_the_rows_of_a_checked_workbook_are_handled_off_the_gui_thread(
    live_window: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression guard: when the check's result arrived, the window built a value for
    every row of the submission and searched them on the GUI thread to show the first
    problem's row (700 ms for 100,000 rows). Row values are made from ``RowTable``; none
    may be made on the GUI thread, whether a problem is shown or the filters change."""
    from app.domain.submission import RowTable
    from app.ui.import_dialog import ImportDialog

    gui = threading.get_ident()
    on_gui: list[str] = []
    for name in ("records", "rows"):
        original = getattr(RowTable, name)

        def spy(table: Any, *args: Any, _original: Any = original, _name: str = name) -> Any:
            if threading.get_ident() == gui:
                on_gui.append(_name)
            return _original(table, *args)

        monkeypatch.setattr(RowTable, name, spy)
    ref = _contract(live_window)
    source = big_workbook(tmp_path / "klein.xlsx", ref, 500, warnings=True)
    dialog = ImportDialog(live_window, ref)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path.setText(str(source))
    dialog.check()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=60_000)
    assert "Lonen te laag" in dialog.row_view.toPlainText()
    dialog.table.selectRow(dialog.model.rowCount() - 1)
    dialog.kind_filter.setCurrentIndex(dialog.kind_filter.findData("warning"))
    dialog.table.selectRow(1)
    assert "Lonen te laag" in dialog.row_view.toPlainText()
    assert on_gui == []
