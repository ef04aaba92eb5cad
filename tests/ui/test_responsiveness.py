"""The window keeps breathing during long work: the import's check, the import and the
yearly report run on the real thread pool, never on the GUI thread, and what the window
does with a checked workbook's rows happens off the GUI thread too.

These are behavioural guards. How long the event loop is held (the largest gap of a 10 ms
timer probe, against an idle baseline) is measured in ``tests/benchmarks/bench_ui_stall.py``:
a millisecond limit in the suite fails on a loaded machine for reasons of its own. Regression
guard: the result handler once searched every row of the submission on the GUI thread and
froze the window for 700 ms.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ui.stall import big_workbook

ROWS = 2_000  # the 100,000-row run is tests/benchmarks/bench_ui_stall.py


def _spy_threads(
    monkeypatch: pytest.MonkeyPatch, module: Any, names: tuple[str, ...]
) -> dict[str, list[bool]]:
    """Replace ``module.<name>`` by a spy recording, per call, whether it ran on this
    (the GUI) thread."""
    gui = threading.get_ident()
    seen: dict[str, list[bool]] = {name: [] for name in names}
    for name in names:
        original = getattr(module, name)

        def spy(*args: Any, _original: Any = original, _name: str = name, **kwargs: Any) -> Any:
            seen[_name].append(threading.get_ident() == gui)
            return _original(*args, **kwargs)

        monkeypatch.setattr(module, name, spy)
    return seen


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
            awarded=dt.date(2025, 11, 1),
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


def test_import_check_and_import_run_off_the_gui_thread(
    live_window: Any, qtbot: Any, tmp_path: Path, dialogs: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services import submissions
    from app.ui.import_dialog import ImportDialog

    seen = _spy_threads(monkeypatch, submissions, ("check", "import_workbook"))
    ref = _contract(live_window)
    source = big_workbook(tmp_path / "groot.xlsx", ref, ROWS, warnings=True)
    dialog = ImportDialog(live_window, ref)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path.setText(str(source))
    dialog.check()
    assert dialog.check_result is None  # the check was handed to a worker, not done here
    qtbot.waitUntil(lambda: dialog.check_result is not None, timeout=120_000)
    assert not dialog.check_result.errors, dialog.check_result.errors[:3]
    warnings = dialog.check_result.warnings
    # 80 % of the rows are high risks, 7 in 8 without a measure: 1,400 warnings at 2,000
    # rows, of which the reader lists the first 200 in full and counts the rest
    without_measure = ROWS * 8 // 10 * 7 // 8
    codes = [w.code for w in warnings]
    assert codes.count("wb_high_risk_without_measure") == 200
    [more] = [w for w in warnings if w.code == "wb_more_problems"]
    assert more.params["count"] == without_measure - 200 and len(warnings) == 201
    assert dialog.model.rowCount() == len(dialog.check_result.problems)
    before = dialog.summary.text()
    dialogs.answers.append(True)  # import despite warnings
    dialog.do_import()
    assert not dialog.imported
    qtbot.waitUntil(
        lambda: dialog.task is None and dialog.summary.text() != before, timeout=120_000
    )
    assert dialog.imported, dialog.summary.text()
    assert seen == {"check": [False], "import_workbook": [False]}


def test_report_runs_off_the_gui_thread(
    live_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services import reporting

    seen = _spy_threads(monkeypatch, reporting, ("year_report",))
    _contract(live_window)
    view = live_window.show_page("reporting").view
    view.year.setValue(2025)
    view.report = None
    view.compute()
    assert view.report is None
    qtbot.waitUntil(lambda: view.report is not None, timeout=60_000)
    assert view.report.totals["tenders"] == 1
    assert seen == {"year_report": [False]}


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
    qtbot.waitUntil(lambda: dialog.check_result is not None, timeout=60_000)
    assert "Lonen te laag" in dialog.row_view.toPlainText()
    dialog.table.selectRow(dialog.model.rowCount() - 1)
    dialog.kind_filter.setCurrentIndex(dialog.kind_filter.findData("warning"))
    dialog.table.selectRow(1)
    assert "Lonen te laag" in dialog.row_view.toPlainText()
    assert on_gui == []
