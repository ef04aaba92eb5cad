"""Rapportage: the yearly ISV figures, previewed, saved as PDF and Excel."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.ui.i18n import tr
from app.ui.pages.base import Page

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


class ReportingPage(Page):
    key = "reporting"

    @classmethod
    def title(cls) -> str:
        return tr("Rapportage")

    @classmethod
    def description(cls) -> str:
        return tr(
            "De jaarcijfers over de ISV voor de Jaarrapportage Bedrijfsvoering Rijk, "
            "per categorie en met de SDG’s; op te slaan als PDF en Excel."
        )

    def __init__(self, shell: MainWindow) -> None:
        super().__init__(shell)
        from app.ui.report_view import ReportView

        self.view = ReportView(self)
        self.layout_.addWidget(self.view, 1)

    def load(self) -> None:
        self.view.load()
