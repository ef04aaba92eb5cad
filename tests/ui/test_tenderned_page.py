"""The TenderNed page: import a made-up ministry's year, filter, adopt, dismiss."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.services import registry
from tests.tenderned import make_open_data as mk

LAPTOPS = "ocds-1l04xe-2025-100001"
ENERGY = "ocds-1l04xe-2025-100005"


@pytest.fixture
def page(window: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    from app.ui.pages import tenderned as page_module

    package = mk.write_package(tmp_path / "tn.json", mk.releases_of(mk.ministry_year()))
    monkeypatch.setattr(page_module, "ask_open_path", lambda *_a: str(package))
    found = window.show_page("tenderned")
    found.organisation.setText(mk.MINISTRY)
    qtbot.mouseClick(found.import_button, Qt.MouseButton.LeftButton)
    return found


def test_import_lists_the_mandatory_tenders(page: Any) -> None:
    shown = {page.model.row(i).ocid for i in range(page.model.rowCount())}
    assert LAPTOPS in shown and ENERGY in shown
    assert "6 aanbestedingen van uw dienst" in page.last_message
    page.only_mandatory.setChecked(False)
    assert page.model.total == 6
    page.search.setText("kleding")
    assert page.model.rowCount() == 1


def test_adopt_and_dismiss_from_the_page(page: Any, window: Any, qtbot: Any) -> None:
    page.select(LAPTOPS)
    assert "Laptops en monitoren" in page.details.toPlainText()
    assert page.category.currentData() == "ict-werkomgeving"  # the suggestion, preset
    qtbot.mouseClick(page.adopt_button, Qt.MouseButton.LeftButton)
    assert registry.get_tender(window.ctx, "2025-100001").category_code == "ict-werkomgeving"
    page.select(LAPTOPS)
    assert page.table.selected().status == "adopted"
    assert not page.adopt_button.isEnabled()  # never adopted twice
    page.dismiss_with(ENERGY, "Raamovereenkomst van een andere dienst")
    page.status.setCurrentIndex(page.status.findData("dismissed"))
    assert [page.model.row(i).ocid for i in range(page.model.rowCount())] == [ENERGY]


def test_an_assumed_end_date_is_said_after_adopting(page: Any) -> None:
    page.select(ENERGY)  # TenderNed names the winner but not the contract period
    page.adopt()
    assert "aangenomen" in page.last_message and "28 juni 2029" in page.last_message
    assert page.assumed_end_box is not None and page.assumed_end_box.isVisible()
    page.assumed_end_box.close()


def test_the_page_in_english(page: Any, window: Any) -> None:
    window.apply_language("en")
    fresh = window.show_page("tenderned")
    assert fresh.title() == "TenderNed"
    assert fresh.organisation.text() == mk.MINISTRY  # remembered from the import
    assert "Adopt" in fresh.adopt_button.text()


def test_ocds_export_from_the_reporting_screen_and_cpv_on_the_tender_screen(
    page: Any, window: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    from app.io.ocds_export import problems
    from app.ui import widgets

    page.select(LAPTOPS)
    page.adopt()
    tenders = window.show_page("tenders")
    tenders.select("2025-100001")
    assert "30213100-6, 30231300-0" in tenders.details.toPlainText()
    target = tmp_path / "ocds.json"
    monkeypatch.setattr(widgets, "ask_save_path", lambda *_a: str(target))
    reporting = window.show_page("reporting")
    reporting.view.year.setValue(2025)
    qtbot.mouseClick(reporting.view.save_ocds, Qt.MouseButton.LeftButton)
    package = json.loads(target.read_text(encoding="utf-8"))
    assert problems(package) == []
    assert [r["ocid"] for r in package["releases"]] == [LAPTOPS]
