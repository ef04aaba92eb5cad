"""The supplier workbook from the window in the supplier's language, remembered per
contract."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


def test_the_workbook_language_is_chosen_and_remembered(
    window: Any, contract: str, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl import load_workbook

    from app.ui import dossier_tabs

    target = tmp_path / "werkmap.xlsx"
    monkeypatch.setattr(dossier_tabs, "ask_save_path", lambda *_a: str(target))
    window.open_contract(contract)
    dossier = window.page("contracts").dossier
    tab = next(t for t in dossier.extra_tabs if isinstance(t, dossier_tabs.SubmissionsTab))
    dossier.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.workbook_lang.currentData() == "nl")
    tab.workbook_lang.setCurrentIndex(tab.workbook_lang.findData("en"))
    tab._template()
    qtbot.waitUntil(target.exists)
    assert load_workbook(target).sheetnames[:2] == ["Instructions", "Supplier"]
    tab.workbook_lang.setCurrentIndex(tab.workbook_lang.findData("nl"))
    tab.reload()  # as when the dossier is opened again
    qtbot.waitUntil(lambda: tab.workbook_lang.currentData() == "en")
