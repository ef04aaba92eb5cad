"""Screenshots of every main screen, in Dutch and English, at 1366×768 and 1920×1080.

``python -m app.ui.screenshots OUTDIR`` starts the window under Xvfb (``xvfb-run``; the
real X11 platform plugin, not offscreen) on a fresh database with demo data, and saves
``OUTDIR/<lang>-<width>x<height>-<nn>-<screen>.png`` (with ``--all``: every dossier tab
too). It runs in a throw-away home
folder, so the user's own data and settings are never touched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
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
    """Take every screenshot; returns the files written."""
    home = Path(tempfile.mkdtemp(prefix="isv-shots-"))
    os.environ["ISV_ASSISTENT_HOME"] = str(home)
    from app import locator

    locator.reset_caches()
    from app.ui.application import make_application

    app = make_application()
    app.setFont(app.font())  # the system font, as a user would see it
    from app.ui.i18n import Language
    from app.ui.main_window import MainWindow
    from app.ui.tasks import Tasks

    language = Language()
    language.install("nl")
    window = MainWindow(
        db_location=str(home / "demo.sqlite"),
        language=language,
        tasks=Tasks(inline=True),
        offer_demo=False,
    )
    window.show()
    window.open_database()
    assert window.ctx is not None
    from app.services.demo import load_demo

    load_demo(window.ctx, seed=2026, tenders=400)
    window.data_changed()
    written: list[Path] = []
    out.mkdir(parents=True, exist_ok=True)
    contract_ref = _a_busy_contract(window)
    for lang in LANGUAGES:
        window.apply_language(lang)
        for width, height in SIZES:
            window.resize(width, height)
            _settle(app)
            number = 0
            pages: list[Any] = list(window.pages)  # each page class has its own widgets
            for page in pages:
                number += 1
                window.show_page(page.key)
                if page.key == "tenders":
                    page.table.selectRow(0)
                if page.key == "reporting" and getattr(page, "view", None) is not None:
                    page.view.year.setValue(2025)
                    page.view.compute()
                if page.key == "categories":
                    page.list.setCurrentRow(7)
                _settle(app)
                written.append(_save(window, out, lang, width, height, number, page.key))
            window.open_contract(contract_ref)
            contracts: Any = window.page("contracts")
            dossier = contracts.dossier
            for index in range(dossier.tabs.count()):
                tab = dossier.tabs.widget(index)
                key = DOSSIER_TABS.get(type(tab).__name__)
                if key is None and not every_tab:
                    continue
                dossier.tabs.setCurrentIndex(index)
                _settle(app)
                number += 1
                written.append(
                    _save(window, out, lang, width, height, number, key or f"dossier-{index + 1}")
                )
            contracts.close_dossier()
            number += 1
            written.append(_wizard_shot(window, app, out, lang, width, height, number))
    window.close()
    shutil.rmtree(home, ignore_errors=True)
    return written


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


def _wizard_shot(
    window: object, app: object, out: Path, lang: str, width: int, height: int, number: int
) -> Path:
    from app.ui.wizard import TenderWizard

    wizard = TenderWizard(window)  # type: ignore[arg-type]
    wizard.show()
    wizard.data.ref.setText("2026-ICT-014")
    wizard.data.title_.setText(
        choose(lang, {"nl": "Laptops en beeldschermen", "en": "Laptops and monitors"})
    )
    wizard.data.value.setText(format_number(250_000, lang))
    wizard.next()
    for row in range(wizard.category.list.count()):
        if wizard.category.list.item(row).data(256) == "ict-werkomgeving":
            wizard.category.list.setCurrentRow(row)
    _settle(app)
    path = _save(wizard, out, lang, width, height, number, "wizard-category")
    wizard.next()
    _settle(app)
    _save(wizard, out, lang, width, height, number, "wizard-verdict")
    wizard._touched = False
    wizard.reject()
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
