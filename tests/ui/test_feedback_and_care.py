"""Messages a person can read, and care around files and long work: problems shown in
full, the "import anyway?" question naming its warnings, counts that agree, "Opgeslagen
in …" with the folder a click away, and no result arriving in a window that closed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ui.conftest import filled_workbook


def checked_dialog(window: Any, contract: str, qtbot: Any, source: Path) -> Any:
    from app.ui.import_dialog import ImportDialog

    dialog = ImportDialog(window, contract)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path.setText(str(source))
    dialog.check()
    qtbot.waitUntil(lambda: dialog.check_result is not None)
    return dialog


def test_the_detail_pane_shows_the_whole_problem_and_is_cleared_on_a_new_check(
    window: Any, contract: str, qtbot: Any, tmp_path: Path
) -> None:
    bad = filled_workbook(window, contract, tmp_path / "fout.xlsx", bad=True)
    dialog = checked_dialog(window, contract, qtbot, bad)
    problem = dialog.table.selected()
    shown = dialog.row_view.toPlainText()
    assert dialog._message(problem) in shown  # the message itself, not "see the message"
    if problem.value:
        assert f"Gevonden waarde: {problem.value}" in shown
    assert "zie de melding" not in shown
    dialog.table.selectRow(dialog.model.rowCount() - 1)
    assert dialog._message(dialog.table.selected()) in dialog.row_view.toPlainText()
    good = filled_workbook(window, contract, tmp_path / "goed.xlsx", bad=False)
    dialog.path.setText(str(good))
    dialog.check()
    qtbot.waitUntil(lambda: dialog.check_result is not None)
    if not dialog.check_result.problems:
        assert dialog.row_view.toPlainText() == ""
    assert "1 locatie," in dialog.summary.text() and "0 fouten" in dialog.summary.text()
    assert "1 risico " in dialog.summary.text() and "1 maatregel " in dialog.summary.text()


def test_import_anyway_names_the_warnings(
    window: Any, contract: str, qtbot: Any, tmp_path: Path, dialogs: Any
) -> None:
    from ui.stall import big_workbook

    source = big_workbook(tmp_path / "waarschuwingen.xlsx", contract, 40, warnings=True)
    dialog = checked_dialog(window, contract, qtbot, source)
    warnings = dialog.check_result.warnings
    assert warnings
    dialog.do_import()  # the stand-in answers "Niet importeren"
    assert dialogs.questions == ["Importeren met waarschuwingen?"]
    text = dialogs.texts[0]
    noun = "waarschuwing:" if len(warnings) == 1 else "waarschuwingen:"
    assert text.startswith(f"De werkmap heeft {len(warnings)} {noun}")
    assert dialog._message(warnings[0]) in text
    assert text.endswith("Toch importeren?")
    assert not dialog.imported


def test_closing_the_import_dialog_during_work_asks(
    window: Any, contract: str, qtbot: Any, tmp_path: Path, dialogs: Any
) -> None:
    from app.ui.import_dialog import ImportDialog

    dialog = ImportDialog(window, contract)
    qtbot.addWidget(dialog)
    dialog.show()

    class Running:
        running = True
        cancelled = False

        def cancel(self) -> None:
            self.cancelled = True

    work = Running()
    dialog.task = work  # as while a check runs on a worker
    dialog.reject()  # the stand-in answers "Wachten"
    assert dialogs.questions == ["Werk loopt nog"] and dialog.isVisible()
    assert not work.cancelled
    dialogs.answers.append(True)  # "Afbreken"
    dialog.reject()
    assert work.cancelled and not dialog.isVisible()
    assert "afgebroken" in window.statusBar().currentMessage()


def test_saved_files_name_their_folder_with_a_way_to_open_it(
    window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(window, "open_file", opened.append)
    target = tmp_path / "rapport.pdf"
    window.saved(target)
    assert window.saved_label.text() == f"Opgeslagen in {tmp_path}: rapport.pdf"
    assert window.open_folder_button.isVisibleTo(window)
    window.open_folder_button.click()
    assert opened == [tmp_path]


def test_file_dialogs_start_in_the_folder_last_used_for_that_kind(
    window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from app.ui import widgets

    asked: list[str] = []
    chosen = tmp_path / "rapporten"
    chosen.mkdir()

    def dialog(_parent: Any, _title: str, start: str, _filters: str) -> tuple[str, str]:
        asked.append(start)
        return str(chosen / Path(start).name), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", dialog)
    plain = (
        widgets.ask_save_path.__wrapped__ if hasattr(widgets.ask_save_path, "__wrapped__") else None
    )
    assert plain is None
    from app.ui.widgets import ask_open_path, ask_save_path

    ask_save_path(window, "x", str(Path.home() / "a.pdf"), "PDF (*.pdf)")
    ask_save_path(window, "x", str(Path.home() / "b.pdf"), "PDF (*.pdf)")
    ask_save_path(window, "x", str(Path.home() / "c.xlsx"), "Excel (*.xlsx)")
    ask_open_path(window, "x", str(Path.home()), "PDF (*.pdf)")
    assert asked == [
        str(Path.home() / "a.pdf"),
        str(chosen / "b.pdf"),  # the PDF folder of last time
        str(Path.home() / "c.xlsx"),  # another kind of file: its own folder
        str(chosen),
    ]


def test_no_result_reaches_a_window_that_is_closing(qapp: Any) -> None:
    from app.ui.tasks import Tasks

    tasks = Tasks(inline=False)
    seen: list[object] = []
    import threading

    release = threading.Event()
    task = tasks.run(
        lambda progress, cancelled: release.wait(5) and cancelled(),
        long=True,
        done=seen.append,
        failed=seen.append,
    )
    release.set()
    assert tasks.shutdown(10_000)
    assert task.cancelled()
    qapp.processEvents()
    assert seen == []  # dropped: the window that asked is gone


def test_a_large_check_and_import_show_progress_that_moves_with_the_work(
    window: Any,
    contract: str,
    qtbot: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    dialogs: Any,
) -> None:
    """Regression: on a 60,000-row workbook the bar jumped to 99 % at once (the total grew
    sheet by sheet as each was read). Now it moves through reading each sheet, checking
    its rows and storing them, with the stage and its counts beside the bar."""
    from app.ui import tasks
    from app.ui.import_dialog import ImportDialog
    from ui.stall import big_workbook

    monkeypatch.setattr(tasks, "PROGRESS_INTERVAL", 0.0)  # every report reaches the bar
    source = big_workbook(tmp_path / "groot.xlsx", contract, 12_000)
    dialog = ImportDialog(window, contract)
    qtbot.addWidget(dialog)
    dialog.show()
    seen: list[tuple[int, int, str]] = []
    shown = dialog.progress.step

    def step(done: int, total: int) -> None:
        seen.append((done, total, dialog.progress.label.text()))
        shown(done, total)

    monkeypatch.setattr(dialog.progress, "step", step)
    dialog.path.setText(str(source))
    dialog.check()
    qtbot.waitUntil(lambda: dialog.check_result is not None)
    values = [done for done, _total, _text in seen]
    assert values == sorted(values)  # forward only
    assert len(set(values)) >= 6  # several steps, not one jump
    assert values[0] < seen[0][1] // 10 and values[-1] == seen[-1][1]
    texts = [text for *_n, text in seen]
    assert "Bestand lezen: blad 2 van 4 (‘Keten’)…" in texts
    assert "Rijen controleren (‘Keten’): 4.800 van 4.800…" in texts
    assert any(text.startswith("Rijen controleren (‘Risico's’): ") for text in texts)
    # half way through the rows, the bar is past its start and short of its end
    middle = [done for done, total, text in seen if "Risico's" in text]
    assert all(seen[0][1] // 5 < done < seen[0][1] for done in middle)

    seen.clear()
    dialogs.answers.append(True)  # import with its warnings
    dialog.do_import()
    qtbot.waitUntil(lambda: dialog.task is None)
    assert dialog.imported, dialog.summary.text()
    values = [done for done, _total, _text in seen]
    assert values == sorted(values) and len(set(values)) >= 6
    assert "Opslaan: 12.000 van 12.000 rijen…" in [text for *_n, text in seen]
