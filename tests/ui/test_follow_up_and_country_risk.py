"""The user's own follow-up beside the suggestion (dossier, Opvolging) and the
organisation's country-risk table (Werk menu and Leveranciers page), as a user does them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt


def _follow_up_tab(window: Any, contract: str) -> Any:
    from app.ui.dossier_tabs import FollowUpTab

    window.open_contract(contract)
    dossier = window.page("contracts").dossier
    tab = next(t for t in dossier.extra_tabs if isinstance(t, FollowUpTab))
    dossier.tabs.setCurrentWidget(tab)
    return tab


def _next_tab_stop(widget: Any) -> Any:
    following = widget.nextInFocusChain()
    while not (
        following.focusPolicy() & Qt.FocusPolicy.TabFocus
        and following.isVisible()
        and following.isEnabled()
    ):
        following = following.nextInFocusChain()
    return following


def test_recording_my_own_follow_up_beside_the_suggestion(
    window: Any, contract: str, qtbot: Any
) -> None:
    from app.services.follow_up import follow_up

    tab = _follow_up_tab(window, contract)
    assert tab.save.isEnabled()
    assert tab.choice.currentData() is None  # nothing chosen yet: the suggestion stands
    assert "Voorstel" in tab.text.toPlainText()
    suggested = follow_up(window.ctx, contract)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    tab.choice.setFocus()
    tab.choice.setCurrentIndex(tab.choice.findData("site-visit"))
    qtbot.keyClicks(tab.note, "Bezoek aan de fabriek in maart")
    assert _next_tab_stop(tab.choice) is tab.note  # Tab order: level, note, save
    assert _next_tab_stop(tab.note) is tab.save
    tab.save.setFocus()
    qtbot.keyClick(tab.save, Qt.Key.Key_Space)
    record = follow_up(window.ctx, contract)
    assert (record.choice, record.note) == ("site-visit", "Bezoek aan de fabriek in maart")
    assert record.version == suggested.version + 1
    assert record.suggestion == suggested.suggestion  # the suggestion itself is untouched
    tab = _follow_up_tab(window, contract)  # the dossier shows the choice when reopened
    assert tab.choice.currentData() == "site-visit"
    assert tab.note.text() == "Bezoek aan de fabriek in maart"
    assert "Uw keuze: Bezoek ter plaatse (Bezoek aan de fabriek in maart)" in (
        tab.text.toPlainText()
    )
    tab.choice.setCurrentIndex(0)  # back to following the suggestion
    tab.note.clear()
    tab.save.click()
    record = follow_up(window.ctx, contract)
    assert (record.choice, record.note) == (None, None)
    assert "Uw keuze" not in tab.text.toPlainText()


def test_a_stale_follow_up_choice_is_refused_and_the_tab_reloads(
    window: Any, contract: str, dialogs: Any
) -> None:
    from app.services.follow_up import choose_follow_up, follow_up

    tab = _follow_up_tab(window, contract)
    choose_follow_up(
        window.ctx, contract, "independent-audit", "door een collega", expected_version=None
    )
    tab.choice.setCurrentIndex(tab.choice.findData("document-review"))
    tab.save.click()
    assert [getattr(e, "code", "") for e in dialogs.errors] == ["changed_by_someone_else"]
    dialogs.errors.clear()
    assert follow_up(window.ctx, contract).choice == "independent-audit"
    assert tab.choice.currentData() == "independent-audit"  # what the colleague chose
    assert tab.note.text() == "door een collega"


GOOD = (
    "land;score;markering;bron;jaar\nBangladesh;7,5;ja;Eigen lijst;2026\nNL;1;nee;"
    "Eigen lijst;2026\nMM;;ja;Eigen lijst;2026\n"
)


def _answer_open(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    from app.ui import widgets

    asked: list[str] = []

    def answer(_parent: Any, title: str, _folder: str, _filters: str) -> str:
        asked.append(title)
        return str(path)

    monkeypatch.setattr(widgets, "ask_open_path", answer)
    return asked


def test_importing_a_country_risk_table_from_the_menu(
    window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services.follow_up import list_country_risk
    from app.ui.country_risk_dialog import CountryRiskDialog

    table = tmp_path / "landen.csv"
    table.write_text(GOOD, encoding="utf-8")
    asked = _answer_open(monkeypatch, table)
    seen: dict[str, Any] = {}

    def use(dialog: CountryRiskDialog) -> int:
        seen["before"] = (dialog.model.rowCount(), dialog.summary.text())
        dialog.import_button.click()
        seen["after"] = dialog.summary.text()
        seen["rows"] = [
            (
                dialog.model.data(dialog.model.index(r, 0)),
                dialog.model.data(dialog.model.index(r, 1)),
                dialog.model.data(dialog.model.index(r, 2)),
            )
            for r in range(dialog.model.rowCount())
        ]
        return 0

    monkeypatch.setattr(CountryRiskDialog, "exec", use)
    window.menu_actions["country-risk"].trigger()
    assert seen["before"] == (0, "Nog geen tabel ingelezen.")
    assert asked == ["Landenrisicotabel kiezen"]
    assert seen["after"].startswith("3 rijen ingelezen uit landen.csv; 0 eerdere rijen")
    assert sorted(seen["rows"]) == [
        ("Bangladesh", "7,5", "ja"),
        ("Myanmar", "", "ja"),
        ("Nederland", "1", "nee"),
    ]
    stored = {(e.country, e.score, e.flag) for e in list_country_risk(window.ctx)}
    assert stored == {("BD", 7.5, True), ("NL", 1.0, False), ("MM", None, True)}


def test_a_refused_country_risk_table_says_where_and_keeps_the_old_one(
    window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services.follow_up import import_country_risk, list_country_risk
    from app.ui.country_risk_dialog import CountryRiskDialog

    good = tmp_path / "goed.csv"
    good.write_text(GOOD, encoding="utf-8")
    import_country_risk(window.ctx, good)
    bad = tmp_path / "fout.csv"
    bad.write_text("land;score;bron;jaar\nAtlantis;5;Eigen lijst;2026\n", encoding="utf-8")
    _answer_open(monkeypatch, bad)
    seen: dict[str, Any] = {}

    def use(dialog: CountryRiskDialog) -> int:
        seen["shown"] = dialog.model.rowCount()
        dialog.choose()
        seen["after"] = dialog.summary.text()
        seen["enabled"] = dialog.import_button.isEnabled()
        return 0

    monkeypatch.setattr(CountryRiskDialog, "exec", use)
    window.show_page("suppliers")
    page = window.page("suppliers")
    from PySide6.QtWidgets import QPushButton

    opener = next(b for b in page.findChildren(QPushButton) if "Landenrisico" in b.text())
    opener.click()
    assert seen["shown"] == 3
    assert "geweigerd" in seen["after"] and "rij 2" in seen["after"]
    assert "Atlantis" in seen["after"]
    assert seen["enabled"]
    assert len(list_country_risk(window.ctx)) == 3
