"""Landenrisico’s: the organisation's own country-risk table, shown and imported.

The table (a CSV or Excel file with country, score and/or flag, source, year) feeds the
follow-up suggestion: a site in a country the table marks as risky weighs in. Importing
replaces the rows of the same source and year; a file with any problem is refused as a
whole, and the dialog says which row and column.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog, QHBoxLayout, QVBoxLayout

from app.services import follow_up
from app.ui import widgets
from app.ui.i18n import tr
from app.ui.labels import counted, country_label
from app.ui.models import Column, RowTableModel
from app.ui.widgets import DataTable, a11y, button, error_sentence, note

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


class CountryRiskDialog(QDialog):
    def __init__(self, shell: MainWindow) -> None:
        super().__init__(shell)
        self.shell = shell
        self.imported: Any = None
        lang = shell.lang
        self.setWindowTitle(tr("Landenrisico’s"))
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        layout.addWidget(
            note(
                tr(
                    "Uw eigen tabel met landenrisico’s. Een locatie in een land dat de tabel als "
                    "risicovol aanmerkt, telt mee in het voorstel voor de opvolging. Een nieuwe "
                    "tabel vervangt de rijen van dezelfde bron en hetzelfde jaar."
                )
            )
        )
        self.model: RowTableModel[Any] = RowTableModel(
            [
                Column(
                    "country",
                    lambda: tr("Land"),
                    lambda r: country_label(r.country, lang),
                    width=200,
                ),
                Column("score", lambda: tr("Score"), lambda r: r.score, align_right=True, width=80),
                Column("flag", lambda: tr("Risicovol"), lambda r: r.flag, width=90),
                Column("source", lambda: tr("Bron"), lambda r: r.source, width=200),
                Column(
                    "year",
                    lambda: tr("Jaar"),
                    lambda r: r.year,
                    text=lambda r: str(r.year),
                    align_right=True,
                    width=70,
                ),
            ],
            lang,
        )
        self.table = DataTable(
            self.model,
            "country-risk",
            tr("Landenrisico’s"),
            tr("De ingelezen landenrisico’s per bron, jaar en land"),
        )
        layout.addWidget(self.table, 1)
        self.summary = note()
        a11y(self.summary, tr("Uitkomst"), tr("Wat het inlezen opleverde"))
        layout.addWidget(self.summary)
        bar = QHBoxLayout()
        self.import_button = button(
            tr("Tabel &inlezen…"), tr("Een landenrisicotabel (CSV of Excel) inlezen"), self.choose
        )
        bar.addWidget(self.import_button)
        bar.addStretch(1)
        bar.addWidget(button(tr("Sl&uiten"), tr("Het venster sluiten"), self.reject))
        layout.addLayout(bar)
        self.resize(760, 520)
        self.load()

    def load(self) -> None:
        ctx = self.shell.context
        self.shell.tasks.run(lambda: follow_up.list_country_risk(ctx), done=self._listed)

    def _listed(self, entries: list[Any]) -> None:
        self.model.set_rows(entries)
        if not entries and self.imported is None:
            self.summary.setText(tr("Nog geen tabel ingelezen."))

    def choose(self) -> None:
        path = widgets.ask_open_path(
            self,
            tr("Landenrisicotabel kiezen"),
            str(Path.home()),
            tr("Tabel (*.csv *.xlsx);;Alle bestanden (*)"),
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        ctx = self.shell.context
        self.import_button.setEnabled(False)
        self.summary.setText(tr("Bezig met inlezen…"))
        self.shell.tasks.run(
            lambda: follow_up.import_country_risk(ctx, path),
            write=True,
            done=self._imported,
            failed=self._failed,
        )

    def _imported(self, outcome: Any) -> None:
        self.imported = outcome
        self.import_button.setEnabled(True)
        self.summary.setText(
            counted(
                tr(
                    "{rows} {rows|rij|rijen} ingelezen uit {name}; {replaced} "
                    "{replaced|eerdere rij|eerdere rijen} van dezelfde bron en hetzelfde jaar "
                    "vervangen."
                ),
                rows=outcome.rows,
                name=outcome.file_name,
                replaced=outcome.replaced,
            )
        )
        self.shell.data_changed()
        self.load()

    def _failed(self, error: BaseException) -> None:
        self.import_button.setEnabled(True)
        self.summary.setText(error_sentence(error, self.shell.lang))
