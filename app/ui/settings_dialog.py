"""Instellingen: language, user name for the audit trail, database location, backup folder."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QLineEdit, QWidget

from app import settings
from app.ui.forms import add_row
from app.ui.i18n import tr
from app.ui.widgets import SimpleDialog, a11y, button

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


class SettingsDialog(SimpleDialog):
    def __init__(self, shell: MainWindow) -> None:
        super().__init__(shell, tr("Instellingen"), tr("&Opslaan"))
        self.shell = shell
        self.current = settings.load()
        form = QFormLayout()
        self.body.addLayout(form)
        self.language = QComboBox()
        self.language.addItem("Nederlands", "nl")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(shell.lang)))
        add_row(
            form,
            tr("&Taal:"),
            self.language,
            description=tr("De taal van het venster en van meldingen; wordt direct toegepast"),
        )
        self.user = QLineEdit(self.current.user_name)
        self.user.setPlaceholderText(settings.actor(self.current))
        add_row(
            form,
            tr("&Uw naam:"),
            self.user,
            description=tr("Staat bij elke wijziging in de audittrail"),
        )
        self.database = QLineEdit(self.current.database)
        self.database.setPlaceholderText(settings.default_database())
        a11y(
            self.database, tr("Database"), tr("Het databasebestand dat bij de start wordt geopend")
        )
        add_row(
            form,
            tr("&Database:"),
            self._with_chooser(self.database, self._choose_db),
            tr("Database"),
            tr("Het databasebestand dat bij de start wordt geopend"),
        )
        self.backup = QLineEdit(self.current.backup_dir)
        a11y(self.backup, tr("Back-upmap"), tr("De map die bij Back-up maken wordt voorgesteld"))
        add_row(
            form,
            tr("&Back-upmap:"),
            self._with_chooser(self.backup, self._choose_backup),
            tr("Back-upmap"),
            tr("De map die bij Back-up maken wordt voorgesteld"),
        )
        self.minister = QLineEdit(self.current.party_minister)
        self.minister.setPlaceholderText(
            tr("bijvoorbeeld Binnenlandse Zaken en Koninkrijksrelaties")
        )
        add_row(
            form,
            tr("&Minister van:"),
            self.minister,
            description=tr(
                "De ISV-teksten noemen als partij: de Staat der Nederlanden, vertegenwoordigd "
                "door de Minister van …"
            ),
        )
        self.mandate = QLineEdit(self.current.party_mandate)
        add_row(
            form,
            tr("&Mandaatregel:"),
            self.mandate,
            description=tr("Namens wie wordt getekend, bijvoorbeeld: de directeur Inkoop"),
        )
        self.resize(760, self.sizeHint().height())  # the English example shown whole

    def _with_chooser(self, field: QLineEdit, slot: object) -> QWidget:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(field, 1)
        choose = button(tr("Kiezen…"), tr("Bladeren naar een bestand of map"), slot)  # type: ignore[arg-type]
        row.addWidget(choose)
        holder.setFocusProxy(field)
        a11y(holder, field.accessibleName())
        return holder

    def _choose_db(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            tr("Database kiezen"),
            self.database.text() or str(settings.data_dir()),
            tr("ISV-database (*.sqlite)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.database.setText(path)

    def _choose_backup(self) -> None:
        path = QFileDialog.getExistingDirectory(self, tr("Back-upmap kiezen"), self.backup.text())
        if path:
            self.backup.setText(path)

    def apply(self) -> None:
        """Save the preferences and apply them: language and user name at once, a new
        database location on the next start (or via Bestand > Andere database openen)."""
        lang = self.language.currentData()
        self.current.language = lang
        self.current.user_name = self.user.text().strip()
        self.current.database = self.database.text().strip()
        self.current.backup_dir = self.backup.text().strip()
        self.current.party_minister = self.minister.text().strip()
        self.current.party_mandate = self.mandate.text().strip()
        settings.save(self.current)
        if self.shell.ctx is not None:
            self.shell.ctx.actor = settings.actor(self.current)
        self.shell.apply_language(lang)
        self.shell._update_status()
