"""The main window: navigation on the left, one screen at a time on the right.

The window is shown before any database library is loaded, so the shell's own actions
(open, back-up, demo data) import their service functions when they run. The screens
and dialogs exist only while a database is open: their modules import the services they
call at the top, and are first imported on the worker that opens the database.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QRect, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import settings
from app.ui import widgets
from app.ui.i18n import Language, tr
from app.ui.tasks import Tasks
from app.ui.widgets import ProgressPanel, a11y, error_sentence, note, window_settings

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent

    from app.services.context import Context
    from app.services.records import Change
    from app.ui.pages.base import Page

log = logging.getLogger(__name__)

RECENT_KEPT = 8


def recent_databases() -> list[str]:
    """The databases this window opened, the last one first (the window's own memory:
    the command line's default stays the configured or the default database)."""
    value = window_settings().value("database/recent")
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in value if v] if isinstance(value, list) else []


def remember_database(location: str) -> None:
    recent = [location, *(r for r in recent_databases() if r != location)][:RECENT_KEPT]
    store = window_settings()
    store.setValue("database/recent", recent)
    store.sync()


def shown_location(location: str) -> str:
    """A location as the user may see it: a server URL without its password."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", location)


class MainWindow(QMainWindow):
    """The shell every screen talks to: the open context, the task helper, navigation."""

    def __init__(
        self,
        db_location: str | None = None,
        language: Language | None = None,
        tasks: Tasks | None = None,
        offer_demo: bool = True,
    ) -> None:
        super().__init__()
        self.db_location = db_location
        # no database named: the one this window had open last time (if it is gone,
        # that is said, rather than an empty one made in its place)
        self.remembered = db_location is None and bool(recent_databases())
        if self.remembered:
            self.db_location = recent_databases()[0]
        self.language = language or Language()
        self.tasks = tasks or Tasks()
        self.tasks.set_error_handler(self.show_error)
        self.offer_demo = offer_demo
        self.ctx: Context | None = None
        self.last_change: Change | None = None  # the own last correction, for Ctrl+Z
        self.pages: list[Page] = []
        self._page_classes: list[type[Page]] = []
        self.setObjectName("main-window")
        self.setMinimumSize(QSize(960, 600))
        self._build()
        self._restore_geometry()

    # -- language ----------------------------------------------------------------------
    @property
    def lang(self) -> str:
        return self.language.code

    # -- building ----------------------------------------------------------------------
    def _build(self) -> None:
        self.setWindowTitle("ISV-assistent")
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setSpacing(2)
        self.navigation.setMinimumWidth(150)
        self.navigation.setMaximumWidth(230)
        self.stack = QStackedWidget()
        self.loading = QWidget()
        loading_layout = QVBoxLayout(self.loading)
        self.loading_label = note()
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        loading_layout.addStretch(1)
        loading_layout.addWidget(self.loading_label)
        self.loading_buttons = QWidget()
        buttons = QHBoxLayout(self.loading_buttons)
        buttons.addStretch(1)
        self.choose_button = QPushButton()
        self.choose_button.clicked.connect(self.choose_database)
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_database)
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        self.loading_buttons.hide()
        loading_layout.addWidget(self.loading_buttons)
        loading_layout.addStretch(1)
        self.stack.addWidget(self.loading)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.stack, 1)
        # Long work shows its progress in the status bar, which has room for it: the
        # screen above keeps its size, so nothing is laid out again when work starts.
        self.progress = ProgressPanel()
        self.progress.cancel_requested.connect(self._cancel_long)
        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.navigation)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([170, 1100])
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)
        self.setCentralWidget(central)
        self.navigation.currentRowChanged.connect(self._on_navigation_changed)
        self.status_database = QLabel()
        self.status_user = QLabel()
        self.saved_label = QLabel()
        self.saved_label.setObjectName("saved")
        self.saved_folder: Path | None = None
        self.open_folder_button = QPushButton()
        self.open_folder_button.clicked.connect(self.open_saved_folder)
        self.saved_label.hide()
        self.open_folder_button.hide()
        self.statusBar().addWidget(self.saved_label, 1)
        self.statusBar().addWidget(self.open_folder_button)
        self.statusBar().addPermanentWidget(self.status_database, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.status_user)
        self._texts()

    def _texts(self) -> None:
        """(Re)write every text of the shell in the current language."""
        a11y(
            self.navigation,
            tr("Onderdelen"),
            tr("Kies een onderdeel; Ctrl+1 tot en met Ctrl+7 springen er direct heen"),
        )
        self.loading_label.setText(tr("De database wordt geopend…"))
        self.choose_button.setText(tr("Database &kiezen…"))
        self.open_folder_button.setText(tr("&Map openen"))
        a11y(self.open_folder_button, tr("Map openen"), tr("De map openen waarin is opgeslagen"))
        self.new_button.setText(tr("&Nieuwe database…"))
        self._build_menus()
        self._update_status()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.clear()
        self.menu_actions: dict[str, QAction] = {}

        def action(
            key: str, text: str, slot: Callable[[], Any], keys: Any = None, tip: str = ""
        ) -> QAction:
            item = QAction(text, self)
            if keys is not None:
                item.setShortcut(QKeySequence(keys))
            if tip:
                item.setStatusTip(tip)
                item.setToolTip(tip)
            item.triggered.connect(lambda _checked=False: slot())
            self.menu_actions[key] = item
            return item

        file_menu = bar.addMenu(tr("&Bestand"))
        file_menu.addAction(
            action(
                "new-db",
                tr("&Nieuwe database…"),
                self.new_database,
                tip=tr("Een nieuwe, lege database maken en openen"),
            )
        )
        file_menu.addAction(
            action(
                "open-db",
                tr("Andere database &openen…"),
                self.choose_database,
                QKeySequence.StandardKey.Open,
                tr("Een bestaande database openen"),
            )
        )
        self.recent_menu = file_menu.addMenu(tr("&Recente databases"))
        self._fill_recent_menu()
        file_menu.addSeparator()
        file_menu.addAction(
            action(
                "backup",
                tr("&Back-up maken…"),
                self.make_backup,
                "Ctrl+Shift+B",
                tr("Een volledige kopie van database en bijlagen maken"),
            )
        )
        file_menu.addAction(
            action(
                "restore",
                tr("Back-up &terugzetten…"),
                self.restore_backup,
                tip=tr("Een back-up terugzetten in een nieuwe database"),
            )
        )
        file_menu.addSeparator()
        file_menu.addAction(
            action(
                "settings",
                tr("&Instellingen…"),
                self.open_settings,
                QKeySequence.StandardKey.Preferences,
                tr("Taal, gebruikersnaam, database en back-upmap"),
            )
        )
        file_menu.addSeparator()
        file_menu.addAction(
            action("quit", tr("&Afsluiten"), self.close, QKeySequence.StandardKey.Quit)
        )

        edit = bar.addMenu(tr("Be&werken"))
        edit.addAction(
            action(
                "undo",
                tr("&Ongedaan maken"),
                self.undo_last_change,
                QKeySequence.StandardKey.Undo,
                tr("Uw laatste correctie of intrekking terugdraaien (als een nieuwe correctie)"),
            )
        )

        work = bar.addMenu(tr("&Werk"))
        work.addAction(
            action(
                "new-tender",
                tr("Nieuwe &aanbesteding…"),
                self.new_tender,
                QKeySequence.StandardKey.New,
                tr("Een aanbesteding registreren en de ISV-teksten maken"),
            )
        )
        work.addAction(
            action(
                "import",
                tr("Werkmap van leverancier &importeren…"),
                self.import_workbook,
                "Ctrl+I",
                tr("Een ingevulde leverancierswerkmap controleren en inlezen"),
            )
        )
        work.addAction(
            action(
                "country-risk",
                tr("&Landenrisico’s…"),
                self.open_country_risk,
                tip=tr("Uw tabel met landenrisico’s bekijken of een nieuwe inlezen"),
            )
        )
        work.addAction(
            action("refresh", tr("&Vernieuwen"), self.refresh_all, QKeySequence.StandardKey.Refresh)
        )
        self.pages_menu = bar.addMenu(tr("&Ga naar"))

        help_menu = bar.addMenu(tr("&Help"))
        help_menu.addAction(
            action(
                "manual",
                tr("&Handleiding"),
                self.show_manual,
                QKeySequence.StandardKey.HelpContents,
            )
        )
        help_menu.addAction(action("about", tr("&Over ISV-assistent"), self.show_about))
        self._fill_pages_menu()
        self._enable_actions()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for number, location in enumerate(recent_databases(), 1):
            item = QAction(f"&{number} {shown_location(location)}", self)
            item.setToolTip(shown_location(location))
            item.triggered.connect(
                lambda _checked=False, loc=location: self.open_database(loc, must_exist=True)
            )
            self.recent_menu.addAction(item)
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))

    def _fill_pages_menu(self) -> None:
        self.pages_menu.clear()
        for number, page in enumerate(self.pages):
            item = QAction(page.title(), self)
            item.setShortcut(QKeySequence(f"Ctrl+{number + 1}"))
            item.triggered.connect(lambda _c=False, n=number: self.go_to(n))
            self.pages_menu.addAction(item)

    def _enable_actions(self) -> None:
        ready = self.ctx is not None
        for key in ("backup", "new-tender", "import", "country-risk", "refresh", "undo"):
            if key in self.menu_actions:
                self.menu_actions[key].setEnabled(ready)

    def _update_status(self) -> None:
        if self.ctx is None:
            self.status_database.setText(tr("Geen database geopend"))
            self.status_user.setText("")
        else:
            self.status_database.setText(
                tr("Database: {location}").format(location=shown_location(self.ctx.db.location))
            )
            self.status_user.setText(tr("Gebruiker: {name}").format(name=self.ctx.actor))
        self.status_database.setAccessibleName(self.status_database.text())
        self.status_user.setAccessibleName(self.status_user.text())

    def _build_pages(self, current: int = 0) -> None:
        for page in self.pages:
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages = [cls(self) for cls in self._page_classes]
        self.navigation.blockSignals(True)
        self.navigation.clear()
        for page in self.pages:
            self.stack.addWidget(page)
            item = QListWidgetItem(page.title())
            item.setToolTip(page.description())
            self.navigation.addItem(item)
        self.navigation.blockSignals(False)
        self._fill_pages_menu()
        self.go_to(current)

    # -- navigation --------------------------------------------------------------------
    def go_to(self, number: int) -> None:
        if not self.pages:
            return
        number = max(0, min(number, len(self.pages) - 1))
        if self.navigation.currentRow() != number:
            self.navigation.setCurrentRow(number)
        else:
            self._on_navigation_changed(number)

    @property
    def context(self) -> Context:
        """The open database's context. Screens that reach the services exist only while
        a database is open (their actions are disabled before), so none is a bug."""
        if self.ctx is None:
            raise RuntimeError("no database is open")
        return self.ctx

    def page(self, key: str) -> Page:
        for page in self.pages:
            if page.key == key:
                return page
        raise KeyError(key)

    def show_page(self, key: str) -> Page:
        page = self.page(key)
        self.go_to(self.pages.index(page))
        return page

    def _on_navigation_changed(self, number: int) -> None:
        if 0 <= number < len(self.pages):
            page = self.pages[number]
            self.stack.setCurrentWidget(page)
            page.shown()

    def refresh_all(self) -> None:
        for page in self.pages:
            page.stale = True
        current = self.stack.currentWidget()
        for page in self.pages:
            if page is current:
                page.shown()

    def data_changed(self) -> None:
        """Something was written: every screen reloads when it is next shown."""
        self.refresh_all()

    # -- database ----------------------------------------------------------------------
    _open_when_painted = False

    def open_database_when_painted(self) -> None:
        """Open the database once the window has painted itself (the start). The worker
        that opens it imports the database libraries at once, which would compete with
        that first paint for the interpreter; a timer of the event loop's first turn
        still runs before the paint."""
        self._open_when_painted = True
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._open_when_painted:
            self._open_when_painted = False
            QTimer.singleShot(0, self.open_database)  # once this paint is on the screen

    def open_database(self, location: str | None = None, *, must_exist: bool = False) -> None:
        """Open the database on a worker thread; the screens appear when it is ready.

        ``must_exist``: a remembered database (the last one, or one of the recent list)
        that is gone is named, not made again, empty."""
        if location is not None:
            self.db_location = location
        else:
            must_exist = must_exist or self.remembered
        self.stack.setCurrentWidget(self.loading)
        self.loading_label.setText(tr("De database wordt geopend…"))
        self.loading_buttons.hide()
        chosen, lang = self.db_location, self.lang
        self.tasks.run(
            lambda: _open_with_screens(chosen, lang, must_exist),
            done=self._on_context_opened,
            failed=self._on_open_failed,
            write=True,
        )

    def _on_context_opened(self, opened: tuple[Context, list[type[Page]]]) -> None:
        ctx, self._page_classes = opened
        old = self.ctx
        self.ctx = ctx
        self.last_change = None  # Ctrl+Z undoes changes made in this database only
        if old is not None and old is not ctx:
            old.db.dispose()
        remember_database(ctx.db.location)
        self._fill_recent_menu()
        self._update_status()
        self._enable_actions()
        self._build_pages(int(str(window_settings().value("window/page", 0) or 0)))
        if not self.tasks.inline:
            QTimer.singleShot(1500, self._warm_up)
        if self.offer_demo:
            QTimer.singleShot(0, self._maybe_offer_demo)

    def _warm_up(self) -> None:
        """Import the services and file-format libraries once the window is idle, off the
        GUI thread: the first import of the workbook reader holds the interpreter for a
        while, which is better spent now than in the middle of the user's first import."""
        self.tasks.run(
            lambda _progress, _cancelled: _warm_up(),
            long=True,
            done=lambda _r: setattr(self, "warmed", True),
        )

    warmed = False

    def _on_open_failed(self, error: BaseException) -> None:
        gone = getattr(error, "code", "") == "database_gone"
        self.loading_label.setText(
            ("" if gone else tr("De database kon niet worden geopend.") + "\n\n")
            + error_sentence(error, self.lang)
            + "\n\n"
            + tr("Kies een andere database of maak een nieuwe (ook via het menu Bestand).")
        )
        self.loading_label.setWordWrap(True)
        self.loading_buttons.show()
        self.choose_button.setFocus()
        self._enable_actions()

    def _maybe_offer_demo(self) -> None:
        from app.services.registry import count_tenders

        if self.ctx is None:
            return
        ctx = self.ctx
        self.tasks.run(lambda: count_tenders(ctx), done=self._offer_demo_if_empty)

    def _offer_demo_if_empty(self, count: int) -> None:
        if count or self.ctx is None:
            return
        store = window_settings()
        key = f"demo-offered/{self.ctx.db.location}"
        if store.value(key):
            return
        store.setValue(key, True)
        if widgets.ask(
            self,
            tr("Voorbeeldgegevens laden?"),
            tr(
                "Deze database is nog leeg. Wilt u voorbeeldgegevens laden om de "
                "applicatie te verkennen? Gebruik ze niet voor echt werk: maak daarvoor "
                "later een nieuwe database."
            ),
            tr("&Voorbeeldgegevens laden"),
            tr("&Leeg beginnen"),
        ):
            self.load_demo()

    def load_demo(self, seed: int = 1, tenders: int = 200) -> None:
        from app.services.demo import load_demo

        ctx = self.ctx
        if ctx is None:
            return
        self.run_long(
            lambda progress, cancelled: load_demo(
                ctx, seed=seed, tenders=tenders, progress=progress, cancelled=cancelled
            ),
            tr("Voorbeeldgegevens laden…"),
            lambda _result: self.data_changed(),
            write=True,
        )

    def run_long(
        self, fn: Callable[..., Any], text: str, done: Callable[[Any], None], write: bool = False
    ) -> None:
        """Long work with the progress panel in the status bar and a cancel button."""
        self.progress.start(text)
        task = self.tasks.run(
            fn,
            long=True,
            write=write,
            progress=self.progress.step,
            done=lambda result: self._long_done(done, result),
            failed=self._long_failed,
        )
        self._long_task = task

    def _long_done(self, done: Callable[[Any], None], result: Any) -> None:
        self.progress.finish()
        done(result)

    def _cancel_long(self) -> None:
        task = getattr(self, "_long_task", None)
        if task is not None:
            task.cancel()

    def _long_failed(self, error: BaseException) -> None:
        from app.ui.tasks import TaskCancelled

        self.progress.finish()
        if isinstance(error, TaskCancelled):
            self.statusBar().showMessage(tr("Afgebroken; er is niets gewijzigd."), 8000)
            return
        self.show_error(error)

    def new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Nieuwe database"), str(settings.data_dir()), tr("ISV-database (*.sqlite)")
        )
        if path:
            if not path.endswith(".sqlite"):
                path += ".sqlite"
            self.open_database(path)

    def choose_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            tr("Database openen"),
            str(settings.data_dir()),
            tr("ISV-database (*.sqlite);;Alle bestanden (*)"),
        )
        if path:
            self.open_database(path)

    def make_backup(self) -> None:
        from app.services.maintenance import backup_file_name, make_backup

        if self.ctx is None:
            return
        folder = settings.load().backup_dir or str(Path.home())
        suggested = str(Path(folder) / backup_file_name())
        path = widgets.ask_save_path(self, tr("Back-up maken"), suggested, tr("Back-up (*.zip)"))
        if not path:
            return
        ctx = self.ctx
        self.run_long(
            lambda progress, _cancelled: make_backup(ctx, Path(path), progress),
            tr("Back-up maken…"),
            self.saved,
        )

    def restore_backup(self) -> None:
        from app.services.maintenance import restore_backup

        source, _ = QFileDialog.getOpenFileName(
            self, tr("Back-up terugzetten"), "", tr("Back-up (*.zip)")
        )
        if not source:
            return
        target, _ = QFileDialog.getSaveFileName(
            self,
            tr("Nieuwe database voor de teruggezette gegevens"),
            str(settings.data_dir() / "teruggezet.sqlite"),
            tr("ISV-database (*.sqlite)"),
        )
        if not target:
            return
        self.run_long(
            lambda progress, _c: restore_backup(Path(source), target, progress),
            tr("Back-up terugzetten…"),
            lambda _r: self.open_database(target),
            write=True,
        )

    # -- actions of the screens --------------------------------------------------------
    def new_tender(self) -> None:
        if self.ctx is None:
            return
        from app.ui.wizard import TenderWizard

        wizard = TenderWizard(self)
        if wizard.exec():
            self.data_changed()
            self.show_page("tenders")

    def undo_last_change(self) -> None:
        """Ctrl+Z: the own last correction or withdrawal of this session, undone."""
        if self.ctx is None:
            return
        from app.ui.record_actions import undo_last

        undo_last(self)

    def open_country_risk(self) -> None:
        if self.ctx is None:
            return
        from app.ui.country_risk_dialog import CountryRiskDialog

        CountryRiskDialog(self).exec()

    def import_workbook(self, contract_ref: str | None = None) -> None:
        if self.ctx is None:
            return
        from app.ui.import_dialog import ImportDialog

        dialog = ImportDialog(self, contract_ref)
        dialog.exec()
        if dialog.imported:
            self.data_changed()

    def open_contract(self, ref: str) -> None:
        page = self.show_page("contracts")
        page.open_dossier(ref)  # type: ignore[attr-defined]

    def open_settings(self) -> None:
        from app.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self)
        if dialog.exec():
            dialog.apply()

    def apply_language(self, lang: str) -> None:
        """Switch language without losing anything: screens are rebuilt from the database
        (unsaved input only lives in dialogs, which are closed when this runs)."""
        if lang == self.lang:
            return
        current = max(0, self.navigation.currentRow())
        self.language.install(lang)
        if self.ctx is not None:
            self.ctx.lang = lang
        self._texts()
        if self.ctx is not None:
            self._build_pages(current)

    def show_manual(self) -> None:
        from app.ui.help import ManualDialog

        ManualDialog(self).exec()

    def show_about(self) -> None:
        from app import __version__

        QMessageBox.about(
            self,
            tr("Over ISV-assistent"),
            tr(
                "ISV-assistent {version}\n\nHelpt inkopers en contractmanagers van het Rijk bij "
                "de Internationale Sociale Voorwaarden: van de vraag of ze verplicht zijn tot de "
                "jaarcijfers. Werkt zonder internet; alle gegevens blijven op deze computer."
            ).format(version=__version__),
        )

    def open_file(self, path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def show_error(self, error: BaseException) -> None:
        widgets.show_error(self, error, self.lang)

    def say(self, text: str) -> None:
        self.statusBar().showMessage(text, 10000)

    def saved(self, *paths: Path | str, extra: str = "") -> None:
        """After writing files: "Opgeslagen in <folder>: <names>" in the status bar with
        a button that opens the folder (until the next message of this kind)."""
        files = [Path(p) for p in paths]
        if not files:
            return
        folder = files[0].parent
        text = tr("Opgeslagen in {folder}: {names}").format(
            folder=folder, names=", ".join(f.name for f in files)
        ) + (f" ({extra})" if extra else "")
        self.saved_label.setText(text)
        self.saved_label.setToolTip(text)
        self.saved_folder = folder
        self.saved_label.show()
        self.open_folder_button.show()
        self.statusBar().clearMessage()

    def open_saved_folder(self) -> None:
        if self.saved_folder is not None:
            self.open_file(self.saved_folder)

    # -- window state ------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        """The size and place of last time; the first time, 1280×800 or less, so the
        whole window (title and status bar included) fits the screen's available area."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768)
        # room for the frame the window manager adds (title bar, borders); a screen
        # smaller than the minimum size lowers it
        width, height = min(1280, area.width() - 16), min(800, area.height() - 48)
        self.setMinimumSize(min(self.minimumWidth(), width), min(self.minimumHeight(), height))
        geometry = window_settings().value("window/geometry")
        if isinstance(geometry, QByteArray | bytes) and self.restoreGeometry(QByteArray(geometry)):
            return
        self.resize(width, height)
        self.move(
            area.x() + (area.width() - width) // 2,
            area.y() + max(0, (area.height() - height - 32) // 2),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.tasks.busy and not widgets.ask(
            self,
            tr("Werk loopt nog"),
            tr(
                "Er loopt nog werk op de achtergrond. Toch afsluiten? Wat nog niet klaar "
                "is, wordt niet opgeslagen."
            ),
            tr("&Toch afsluiten"),
            tr("&Wachten"),
        ):
            event.ignore()
            return
        state = window_settings()
        state.setValue("window/geometry", self.saveGeometry())
        state.setValue("window/page", max(0, self.navigation.currentRow()))
        state.sync()
        if self.tasks.busy:
            log.info("closing while work runs: cancelled; what was not done is not saved")
        self.tasks.shutdown()
        if self.ctx is not None:
            self.ctx.db.dispose()
        event.accept()

    def report_shown_and_quit(self, wait_for_data: bool = False) -> None:
        """For the start-up benchmark: say when the window is shown (and, with
        ``wait_for_data``, when the first screen has its data), then quit."""
        from PySide6.QtWidgets import QApplication

        print("shown", flush=True)

        said: list[bool] = []

        def check() -> None:
            if wait_for_data and not said and self.pages and self.pages[0].data_shown:
                said.append(True)
                print("ready", flush=True)  # the first screen shows its data
            # quit only when no work is left in flight (a worker that outlives the
            # application would wait for the interpreter at exit)
            if self.pages and not self.tasks.busy and not self.pages[0].stale:
                QApplication.quit()
            else:
                QTimer.singleShot(10, check)

        QTimer.singleShot(10, check)


def _open_with_screens(
    location: str | None, lang: str, must_exist: bool
) -> tuple[Context, list[type[Page]]]:
    """Runs on the worker that opens the database: the context, and the screens' classes,
    whose modules (and the services they call) are imported here rather than on the GUI
    thread."""
    from app.services.context import open_context
    from app.ui.pages import all_pages

    return open_context(location, lang=lang, must_exist=must_exist), all_pages()


def _warm_up() -> None:
    """Import the dialogs (and the services and file-format libraries they use), off the
    GUI thread (see MainWindow._warm_up)."""
    import importlib

    for name in (
        "app.ui.wizard",
        "app.ui.import_dialog",
        "app.ui.country_risk_dialog",
        "app.io.workbook_reader",
        "python_calamine",
        "openpyxl",
    ):
        importlib.import_module(name)
