"""Fixtures for the window tests: a main window on a fresh database, tasks inline."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture(scope="session", autouse=True)
def built_translations() -> None:
    """The .qm files the package build makes, made again here when a .ts is newer than
    its .qm (a checkout installed before the .ts changed); the wheel's own are checked
    in tests/test_packaging.py."""
    from app import locator
    from app.ui.build_qm import compile_translations

    folder = locator.resources_dir() / "i18n"
    for source in folder.glob("*.ts"):
        built = source.with_suffix(".qm")
        if not built.is_file() or built.stat().st_mtime < source.stat().st_mtime:
            compile_translations(folder)
            return


class Dialogs:
    """Stands in for the message boxes: errors are collected, questions answered."""

    def __init__(self) -> None:
        self.errors: list[BaseException] = []
        self.answers: list[bool] = []
        self.questions: list[str] = []
        self.texts: list[str] = []

    def show_error(
        self, _parent: Any, error: BaseException, _lang: str, _title: str | None = None
    ) -> None:
        self.errors.append(error)

    def ask(self, _parent: Any, title: str, text: str, _yes: str, _no: str) -> bool:
        self.questions.append(title)
        self.texts.append(text)
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
    lang.uninstall()


@pytest.fixture
def window(qtbot: Any, db_location: str, language: Any) -> Iterator[Any]:
    """The main window, opened on the test's database; background work runs inline."""
    from app.ui.main_window import MainWindow
    from app.ui.tasks import Tasks

    win = MainWindow(
        db_location=db_location, language=language, tasks=Tasks(inline=True), offer_demo=False
    )
    qtbot.addWidget(win)
    win.show()
    win.open_database()
    assert win.ctx is not None
    yield win
    if win.ctx is not None:
        win.ctx.db.dispose()


@pytest.fixture
def contract(window: Any) -> str:
    """A tender and an awarded contract, registered through the registry service."""
    import datetime as dt

    from app.domain.values import IsvDecision
    from app.services import registry

    ctx = window.ctx
    registry.register_tender(
        ctx,
        ref="T-1",
        title="Bedrijfskleding Rijk",
        category="bedrijfskleding",
        kind="supplies",
        value=500_000,
        published=dt.date(2025, 9, 1),
        decision=IsvDecision(True, None, "contract-condition"),
        awarded=dt.date(2025, 11, 1),
    )
    registry.add_contract(
        ctx,
        ref="C-1",
        tender_ref="T-1",
        supplier="Textiel B.V.",
        supplier_country="NL",
        start=dt.date(2026, 1, 1),
        end=dt.date(2028, 12, 31),
        kvk="12345678",
    )
    window.data_changed()
    return "C-1"


def filled_workbook(window: Any, contract_ref: str, path: Any, *, bad: bool) -> Any:
    """The application's own template for the contract, filled in as a supplier would;
    ``bad`` puts two mistakes in it (an unknown severity, a measure for a missing risk)."""
    import datetime as dt
    import io

    from openpyxl import load_workbook

    from app.services.submissions import template_bytes

    wb = load_workbook(io.BytesIO(template_bytes(window.ctx, contract_ref)))
    supplier = {
        "Naam leverancier": "Textiel B.V.",
        "KvK-nummer": "12345678",
        "Land van vestiging": "Nederland",
        "Contractreferentie": contract_ref,
        "Rapportageperiode van": dt.date(2026, 1, 1),
        "Rapportageperiode tot": dt.date(2026, 12, 31),
        "Contactpersoon": "Anna",
        "E-mail": "anna@textiel.example",
        "Datum ondertekening": dt.date(2026, 2, 1),
        "Ondertekend door": "B. Jansen",
        "Klachtenmechanisme": "Ja",
        "Betrokken belanghebbenden": "Vakbond in Dhaka",
    }
    ws = wb["Leverancier"]
    for row in range(2, ws.max_row + 1):
        label = str(ws.cell(row=row, column=1).value).removesuffix(" *")  # marked required
        if label in supplier:
            ws.cell(row=row, column=2).value = supplier[label]
    rows = {
        "Keten": [
            ["S1", "Dhaka Garments", "Bangladesh", "Dhaka", 1, "Werkkleding", 850, None, None, None]
        ],
        "Risico's": [
            [
                "R1",
                "S1",
                "Leefbaar loon",
                "Lonen te laag",
                "hoog-ish" if bad else "Ernstig",
                "Waarschijnlijk",
                "Audit",
            ]
        ],
        "Maatregelen": [
            [
                "M1",
                "R9" if bad else "R1",
                "Loonanalyse",
                "Inkoop",
                dt.date(2026, 1, 15),
                dt.date(2026, 6, 30),
                "In uitvoering",
                40,
                None,
            ]
        ],
    }
    for sheet, values in rows.items():
        target = wb[sheet]
        for r, line in enumerate(values, start=2):
            for c, value in enumerate(line, start=1):
                target.cell(row=r, column=c).value = value
    wb.save(path)
    return path
