"""The screens of the main window, in navigation order."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.ui.pages.base import Page


def all_pages() -> list[type[Page]]:
    from app.ui.pages.categories import CategoriesPage
    from app.ui.pages.contracts import ContractsPage
    from app.ui.pages.evidence import EvidencePage
    from app.ui.pages.overview import OverviewPage
    from app.ui.pages.reporting import ReportingPage
    from app.ui.pages.suppliers import SuppliersPage
    from app.ui.pages.tenderned import TenderNedPage
    from app.ui.pages.tenders import TendersPage

    return [
        OverviewPage,
        TendersPage,
        ContractsPage,
        SuppliersPage,
        EvidencePage,
        ReportingPage,
        CategoriesPage,
        TenderNedPage,
    ]
