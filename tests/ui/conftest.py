"""Fixtures for the window tests: a main window on a fresh database, tasks inline."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest


class Dialogs:
    """Stands in for the message boxes: errors are collected, questions answered."""

    def __init__(self) -> None:
        self.errors: list[BaseException] = []
        self.answers: list[bool] = []
        self.questions: list[str] = []

    def show_error(self, _parent: Any, error: BaseException, _lang: str,
                   _title: str | None = None) -> None:
        self.errors.append(error)

    def ask(self, _parent: Any, title: str, _text: str, _yes: str, _no: str) -> bool:
        self.questions.append(title)
        return self.answers.pop(0) if self.answers else False


@pytest.fixture(autouse=True)
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Iterator[Dialogs]:
    """No modal message box ever blocks a test; an unexpected error fails it."""
    from app.ui import widgets

    stand_in = Dialogs()
    monkeypatch.setattr(widgets, "show_error", stand_in.show_error)
    monkeypatch.setattr(widgets, "ask", stand_in.ask)
    yield stand_in
    assert not stand_in.errors, f"unexpected errors shown: {stand_in.errors!r}"


@pytest.fixture
def language(qapp: Any) -> Iterator[Any]:
    from app.ui.i18n import Language

    lang = Language()
    lang.install("nl")
    yield lang
    lang.install("nl")


@pytest.fixture
def window(qtbot: Any, db_location: str, language: Any) -> Iterator[Any]:
    """The main window, opened on the test's database; background work runs inline."""
    from app.ui.main_window import MainWindow
    from app.ui.tasks import Tasks

    win = MainWindow(db_location=db_location, language=language, tasks=Tasks(inline=True),
                     offer_demo=False)
    qtbot.addWidget(win)
    win.show()
    win.open_database()
    assert win.ctx is not None
    yield win
    if win.ctx is not None:
        win.ctx.db.dispose()
