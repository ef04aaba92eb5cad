"""What every screen shares: its shell, lazy loading when shown, a title and a hint."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.ui.widgets import heading, note

if TYPE_CHECKING:
    from app.services.context import Context
    from app.ui.main_window import MainWindow

T = TypeVar("T")


class Page(QWidget):
    """A screen of the main window. ``load()`` runs when the screen is shown while its
    data is stale; it starts background work through ``self.run``."""

    key = ""
    data_shown = False  # the screen has shown (the first part of) its data

    def __init__(self, shell: MainWindow) -> None:
        super().__init__()
        self.shell = shell
        self.stale = True
        self.setObjectName(f"page-{self.key}")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(12, 6, 12, 6)
        self.header = heading(self.title())
        self.intro = note(self.description())
        self.layout_.addWidget(self.header)
        self.layout_.addWidget(self.intro)
        self.setAccessibleName(self.title())
        self.setAccessibleDescription(self.description())

    @classmethod
    def title(cls) -> str:
        raise NotImplementedError

    @classmethod
    def description(cls) -> str:
        return ""

    @property
    def ctx(self) -> Context:
        context: Context = self.shell.context
        return context

    @property
    def lang(self) -> str:
        return self.shell.lang

    def shown(self) -> None:
        if self.stale and self.shell.ctx is not None:
            self.stale = False
            self.load()

    def load(self) -> None:
        """Fetch the screen's data (in the background)."""

    def run(self, fn: Callable[[], T], done: Callable[[T], None], write: bool = False) -> None:
        """``fn()`` (a typed service call) off the GUI thread, its result to ``done``."""
        self.shell.tasks.run(fn, done=done, write=write)
