"""Screenshots of every main screen, in Dutch and English, at 1366×768 and 1920×1080.

``python -m app.ui.screenshots OUTDIR`` starts the window under Xvfb (``xvfb-run``; the
real X11 platform plugin, not offscreen) on a fresh database with demo data, and saves
``OUTDIR/<lang>-<width>x<height>-<nn>-<screen>.png`` (the README's pictures, in
``docs/screenshots``). With ``--all`` it also takes every dossier tab, every step of the
tender wizard, the dialogs (import with long messages, history, correction, withdrawal,
settings, contract, evidence, country risks, manual) and every page on an empty database
(``empty-…``), and lists in ``OUTDIR/clipped.txt`` each text that does not fit its place
(:func:`clipped_texts`). It runs in a throw-away home folder, so the user's own data and
settings are never touched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from app.domain.formatting import format_number
from app.domain.languages import choose

SIZES = ((1366, 768), (1920, 1080))
LANGUAGES = ("nl", "en")


def _relaunch_under_xvfb(argv: list[str]) -> int:
    tool = shutil.which("xvfb-run")
    if tool is None:
        print("xvfb-run is not installed (apt-get install xvfb xauth)", file=sys.stderr)
        return 3
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", ISV_SCREENSHOTS_UNDER_XVFB="1")
    command = [
        tool,
        "-a",
        "-s",
        "-screen 0 1920x1080x24",
        sys.executable,
        "-m",
        "app.ui.screenshots",
        *argv,
    ]
    return subprocess.run(command, env=env, check=False).returncode


def _settle(app: object, rounds: int = 30) -> None:
    import time

    from PySide6.QtCore import QCoreApplication, QEventLoop

    for _ in range(rounds):
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.01)
    del app


DOSSIER_TABS = {
    "StepsTab": "dossier-steps",
    "SignalsTab": "dossier-signals",
    "EvidenceTab": "dossier-evidence",
}


def take(out: Path, every_tab: bool = False) -> list[Path]:
    """Take every screenshot; returns the files written. ``every_tab``: everything
    ``--all`` takes (see the module's docstring)."""
    home = Path(tempfile.mkdtemp(prefix="isv-shots-"))
    os.environ["ISV_ASSISTENT_HOME"] = str(home)
    from app import locator

    locator.reset_caches()
    from app.ui.application import make_application

    app = make_application()
    app.setFont(app.font())  # the system font, as a user would see it
    out.mkdir(parents=True, exist_ok=True)
    shots = Shots(out, app)
    if every_tab:
        _empty_pages(shots, home)
    window = _window(home / "demo.sqlite")
    assert window.ctx is not None
    from app.services.demo import load_demo

    load_demo(window.ctx, seed=2026, tenders=400)
    window.data_changed()
    contract_ref = _a_busy_contract(window)
    for lang in LANGUAGES:
        window.apply_language(lang)
        for size in SIZES:
            shots.begin(lang, size)
            window.resize(*size)
            _settle(app)
            pages: list[Any] = list(window.pages)  # each page class has its own widgets
            for page in pages:
                window.show_page(page.key)
                if page.key == "tenders":
                    page.table.selectRow(0)
                if page.key == "reporting" and getattr(page, "view", None) is not None:
                    page.view.year.setValue(2025)
                    page.view.compute()
                if page.key == "categories":
                    page.list.setCurrentRow(7)
                shots.save(window, page.key)
            window.open_contract(contract_ref)
            contracts: Any = window.page("contracts")
            dossier = contracts.dossier
            for index in range(dossier.tabs.count()):
                tab = dossier.tabs.widget(index)
                key = DOSSIER_TABS.get(type(tab).__name__)
                if key is None and not every_tab:
                    continue
                dossier.tabs.setCurrentIndex(index)
                shots.save(window, key or f"dossier-{index + 1}")
            contracts.close_dossier()
            _wizard_shots(window, shots, lang, every_step=every_tab)
            if every_tab:
                _dialog_shots(window, shots, contract_ref, home)
    window.close()
    if every_tab:
        shots.write_clipped()
    for found in shots.clipped:  # the README's pictures: said, not written beside them
        print(f"clipped: {found}", file=sys.stderr)
    shutil.rmtree(home, ignore_errors=True)
    return shots.written


def _empty_pages(shots: Shots, home: Path) -> None:
    """Every page on an empty database, as on the first day."""
    window = _window(home / "empty.sqlite")
    for lang in LANGUAGES:
        window.apply_language(lang)
        for size in SIZES:
            shots.begin(lang, size, "empty-")
            window.resize(*size)
            for page in list(window.pages):
                window.show_page(page.key)
                shots.save(window, page.key)
    window.apply_language("nl")  # its translator leaves with it
    window.close()


def _window(location: Path) -> Any:
    from app.ui.i18n import Language
    from app.ui.main_window import MainWindow
    from app.ui.tasks import Tasks

    language = Language()
    language.install("nl")
    window = MainWindow(
        db_location=str(location),
        language=language,
        tasks=Tasks(inline=True),
        offer_demo=False,
    )
    window.show()
    window.open_database()
    return window


class Shots:
    """Numbered screenshots of one language and size, and the texts found clipped."""

    def __init__(self, out: Path, app: object) -> None:
        self.out = out
        self.app = app
        self.written: list[Path] = []
        self.clipped: list[str] = []
        self.lang, self.size, self.prefix, self.number = "nl", SIZES[0], "", 0

    def begin(self, lang: str, size: tuple[int, int], prefix: str = "") -> None:
        self.lang, self.size, self.prefix, self.number = lang, size, prefix, 0

    def save(self, widget: Any, key: str, number: int | None = None) -> Path:
        """Settle, look for clipped texts, save; ``number``: the same number again (the
        wizard's steps share one)."""
        _settle(self.app)
        if number is None:
            self.number += 1
        name = f"{self.prefix}{key}"
        width, height = self.size
        path = _save(widget, self.out, self.lang, width, height, number or self.number, name)
        self.written.append(path)
        self.clipped.extend(f"{path.name}: {found}" for found in clipped_texts(widget))
        return path

    def write_clipped(self) -> None:
        listed = "\n".join(self.clipped)
        (self.out / "clipped.txt").write_text(listed + "\n" if listed else "", encoding="utf-8")


def clipped_texts(root: Any) -> list[str]:
    """Each visible label, button or column header under ``root`` whose text does not
    fit the room it has: narrower than its one-line text, or (wrapping) lower than its
    lines. A text elided on purpose keeps its whole text in a tooltip and is not named."""
    from PySide6.QtWidgets import QAbstractButton, QHeaderView, QLabel

    found: list[str] = []
    for label in root.findChildren(QLabel):
        text = label.text()
        if not label.isVisible() or not text:
            continue
        if label.wordWrap():
            short = label.height() + 1 < label.heightForWidth(label.width())
        else:
            short = label.width() + 1 < label.minimumSizeHint().width()
        if short and not label.toolTip():
            found.append(f"label ‘{_plain(text)}’ {label.width()}×{label.height()}")
    for button in root.findChildren(QAbstractButton):
        if button.isVisible() and button.text() and button.width() + 1 < _needed(button):
            found.append(f"button ‘{_plain(button.text())}’ {button.width()}")
    from app.ui.widgets import BarChart

    for chart in root.findChildren(BarChart):  # painted: its bars need their height
        if chart.isVisible() and chart.height() + 1 < chart.heightForWidth(chart.width()):
            found.append(f"chart ‘{chart.accessibleName()}’ {chart.height()}")
    for header in root.findChildren(QHeaderView):
        if not header.isVisible() or header.orientation() != header.orientation().Horizontal:
            continue
        model = header.model()
        if model is None:
            continue
        for section in range(header.count()):
            if header.isSectionHidden(section):
                continue
            text = str(model.headerData(section, header.orientation()) or "")
            room = header.sectionSize(section)
            if text and room + 1 < header.sectionSizeFromContents(section).width():
                found.append(f"column ‘{_plain(text)}’ {room}")
    return found


def _needed(button: Any) -> int:
    from PySide6.QtWidgets import QCheckBox, QRadioButton

    if isinstance(button, QCheckBox | QRadioButton):
        return int(button.sizeHint().width())
    return int(button.minimumSizeHint().width())


def _plain(text: str) -> str:
    import re

    return re.sub(r"<[^>]+>", "", text).replace("&", "").replace("\n", " ")[:60]


def _a_busy_contract(window: object) -> str:
    from app.services import dossier, registry, signals

    ctx = window.ctx  # type: ignore[attr-defined]
    logged = signals.list_signals(ctx)
    if logged:  # a dossier with signals shows the escalation screen with content
        return logged[0].contract_ref
    steps = dossier.step_states_for_all(ctx)
    busiest = max(steps, key=lambda s: (s.overdue, s.contract_ref), default=None)
    if busiest is not None:
        return busiest.contract_ref
    return registry.list_contracts(ctx)[0].ref


def _save(
    widget: object, out: Path, lang: str, width: int, height: int, number: int, key: str
) -> Path:
    path = out / f"{lang}-{width}x{height}-{number:02d}-{key}.png"
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    image = widget.grab().toImage()  # type: ignore[attr-defined]
    # A 256-colour palette keeps a window's flat colours and text crisp at a quarter of
    # the size (these files live in the repository).
    image = image.convertToFormat(
        QImage.Format.Format_Indexed8,
        Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither,
    )
    image.save(str(path), "PNG", 0)
    return path


def _wizard_shots(window: Any, shots: Shots, lang: str, *, every_step: bool) -> None:
    """The tender wizard, filled in as a buyer would: the category and verdict steps, or
    (``every_step``) every step."""
    from app.ui.wizard import TenderWizard

    wizard = TenderWizard(window)
    wizard.show()
    wizard.data.ref.setText("2026-ICT-014")
    wizard.data.title_.setText(
        choose(lang, {"nl": "Laptops en beeldschermen", "en": "Laptops and monitors"})
    )
    wizard.data.value.setText(format_number(250_000, lang))
    if every_step:
        shots.save(wizard, "wizard-data")
    wizard.next()
    for row in range(wizard.category.list.count()):
        if wizard.category.list.item(row).data(256) == "ict-werkomgeving":
            wizard.category.list.setCurrentRow(row)
    number = shots.number + 1
    shots.save(wizard, "wizard-category")
    wizard.next()
    shots.save(wizard, "wizard-verdict", number)
    if every_step:
        wizard.next()
        shots.save(wizard, "wizard-decision")
        wizard.decision.apply.setChecked(True)
        for key in ("wizard-parameters", "wizard-documents"):
            before = wizard.currentId()
            wizard.next()
            if wizard.currentId() == before:
                break
            shots.save(wizard, key)
    wizard._touched = False
    wizard.reject()


@contextmanager
def _exec_shown(
    shots: Shots, key: str, also: Callable[[Any], None] | None = None
) -> Iterator[None]:
    """While inside, a modal dialog opened by ``exec()`` is shown, photographed (after
    ``also`` ran on it) and closed as cancelled, so an action can be played to its form."""
    from PySide6.QtWidgets import QDialog

    original = QDialog.exec

    def shown(dialog: Any) -> int:
        dialog.show()
        if also is not None:
            also(dialog)
        shots.save(dialog, key)
        dialog.hide()
        return 0

    QDialog.exec = shown  # type: ignore[method-assign]
    try:
        yield
    finally:
        QDialog.exec = original  # type: ignore[method-assign]


def _dialog_shots(window: Any, shots: Shots, contract_ref: str, home: Path) -> None:
    """Each dialog a buyer meets, opened the way the window opens it."""
    from app.ui import record_actions
    from app.ui.import_dialog import ImportDialog

    tenders: Any = window.show_page("tenders")
    tenders.table.selectRow(0)
    with _exec_shown(shots, "correct-tender"):
        tenders.records.correct.click()
    with _exec_shown(shots, "withdraw-tender"):
        tenders.records.withdraw.click()
    with _exec_shown(shots, "history-contract"):
        record_actions.show_history(window, window, "contract", contract_ref, contract_ref)
    with _exec_shown(shots, "settings"):
        window.open_settings()
    with _exec_shown(shots, "country-risk"):
        window.open_country_risk()
    with _exec_shown(shots, "manual"):
        window.show_manual()
    contracts: Any = window.show_page("contracts")
    with _exec_shown(shots, "contract-new"):
        contracts.register_contract()
    window.open_contract(contract_ref)
    with _exec_shown(shots, "evidence-add"):
        contracts.dossier.evidence.add()
    contracts.close_dossier()
    dialog = ImportDialog(window, contract_ref)
    dialog.show()
    dialog.path.setText(str(_workbook_with_problems(window, contract_ref, home)))
    dialog.check()
    dialog.table.selectRow(0)
    shots.save(dialog, "import-problems")
    dialog.hide()
    dialog.deleteLater()


def _workbook_with_problems(window: Any, contract_ref: str, home: Path) -> Path:
    """The contract's own template with rows a supplier got wrong: long messages (a
    theme not in the list names every theme) and values that do not fit their column."""
    import io

    from openpyxl import load_workbook

    from app.services.submissions import template_bytes

    wb = load_workbook(io.BytesIO(template_bytes(window.ctx, contract_ref)))
    sites, risks, measures = wb.worksheets[2:5]
    sites.append(["L1", "Fabriek Noord", "Atlantis", "Dhaka", "eerste", "Werkkleding"])
    long_text = "Lonen onder het leefbaar loon in de hele keten, vooral bij de naaiateliers " * 3
    risks.append(["R1", "L9", "Kinderarbeid-achtig", long_text, "hoog-ish", "Waarschijnlijk"])
    risks.append(["R1", "L1", "Leefbaar loon", "Te lage lonen", "Ernstig", "misschien"])
    measures.append(["M1", "R9", "Gesprek", "Inkoop", "31-02-2026", "morgen", "Klaar", 150])
    path = home / "werkmap-met-fouten.xlsx"
    wb.save(path)
    return path


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        print("usage: python -m app.ui.screenshots OUTDIR", file=sys.stderr)
        return 2
    if not os.environ.get("ISV_SCREENSHOTS_UNDER_XVFB"):
        return _relaunch_under_xvfb(args)
    for path in take(Path(args[0]), every_tab="--all" in args):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
