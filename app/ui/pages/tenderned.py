"""TenderNed: read the open data, review which tenders needed the ISV, adopt or dismiss."""

from __future__ import annotations

import datetime as dt
import html
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QTextBrowser,
)

from app import locator
from app.domain.formatting import format_date, format_money
from app.services import tenderned
from app.services.tenderned import ImportResult, ReviewRow
from app.ui.i18n import tr
from app.ui.labels import category_label, kind_label, verdict_label
from app.ui.models import Column, RowTableModel
from app.ui.pages.base import Page
from app.ui.widgets import DataTable, a11y, ask_open_path, button, filter_box, window_settings

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

ORGANISATION_KEY = "tenderned/organisation"
"""The authorities named at the last import (the window's own setting)."""


def on_record_label(code: str) -> str:
    return {
        "applied": tr("ISV toegepast"),
        "not-applied": tr("ISV niet toegepast"),
        "no-decision": tr("In het register, nog geen besluit"),
        "withdrawn": tr("In het register ingetrokken"),
        "unknown": tr("Niets bekend"),
    }.get(code, code)


def status_label(code: str) -> str:
    return {
        "review": tr("Te beoordelen"),
        "adopted": tr("Overgenomen"),
        "dismissed": tr("Niet relevant"),
    }.get(code, code)


def suggestion_text(row: ReviewRow, lang: str) -> str:
    if row.category_suggested is None:
        return tr("Geen voorstel")
    name = category_label(row.category_suggested, None, lang)
    return name if row.category_confirmed else tr("{name} (voorstel)").format(name=name)


def review_columns(lang: str) -> list[Column[ReviewRow]]:
    return [
        Column("published", lambda: tr("Publicatie"), lambda r: r.published, width=95),
        Column("reference", lambda: tr("Kenmerk"), lambda r: r.reference or r.ocid, width=120),
        Column("title", lambda: tr("Titel"), lambda r: r.title, width=220, stretch=True),
        Column("cpv", lambda: tr("CPV"), lambda r: r.cpv[0] if r.cpv else "", width=95),
        Column(
            "category",
            lambda: tr("Categorie"),
            lambda r: suggestion_text(r, lang),
            width=190,
            colour=lambda r: None if r.category_confirmed else "muted",
        ),
        Column("kind", lambda: tr("Soort"), lambda r: kind_label(r.kind or ""), width=85),
        Column(
            "estimated", lambda: tr("Geraamd"), lambda r: r.estimated, align_right=True, width=110
        ),
        Column(
            "awarded",
            lambda: tr("Gegund"),
            lambda r: r.awarded_value,
            align_right=True,
            width=110,
        ),
        Column(
            "verdict",
            lambda: tr("Oordeel"),
            lambda r: verdict_label(r.verdict) if r.verdict != "incomplete" else tr("Onvolledig"),
            width=170,
        ),
        Column(
            "on_record",
            lambda: tr("In het register"),
            lambda r: on_record_label(r.on_record),
            width=190,
            colour=lambda r: "high" if r.mandatory and r.on_record == "unknown" else None,
        ),
        Column("status", lambda: tr("Status"), lambda r: status_label(r.status), width=110),
    ]


class TenderNedPage(Page):
    key = "tenderned"

    @classmethod
    def title(cls) -> str:
        return tr("TenderNed")

    @classmethod
    def description(cls) -> str:
        return tr(
            "Lees de open data van TenderNed in (het OCDS-bestand of de Excel-werkmap) voor "
            "uw aanbestedende dienst, en zie welke gepubliceerde aanbestedingen in een "
            "risicocategorie boven de drempel vielen en wat daarover in het register staat. "
            "Neem een aanbesteding over in het register of markeer haar als niet relevant."
        )

    def __init__(self, shell: MainWindow) -> None:
        super().__init__(shell)
        self.rows: list[ReviewRow] = []
        self.organisation = QLineEdit()
        self.organisation.setPlaceholderText(tr("Naam of nummer; meerdere met ; ertussen"))
        a11y(
            self.organisation,
            tr("Aanbestedende dienst"),
            tr("Alleen aankondigingen van deze dienst(en) worden ingelezen"),
        )
        self.organisation.setText(str(window_settings().value(ORGANISATION_KEY, "") or ""))
        organisation_label = QLabel(tr("&Aanbestedende dienst:"))
        organisation_label.setBuddy(self.organisation)
        self.import_button = button(
            tr("Bestand &inlezen…"),
            tr("Een OCDS-releasepakket (.json) of de werkmap (.xlsx) van TenderNed inlezen"),
            self.choose_file,
        )
        top = QHBoxLayout()
        top.addWidget(organisation_label)
        top.addWidget(self.organisation, 2)
        top.addWidget(self.import_button)
        self.layout_.addLayout(top)

        self.search = filter_box(
            tr("Zoeken op kenmerk, titel of CPV"),
            tr("Zoeken in de aankondigingen"),
            lambda _t: self._filter(),
        )
        self.status = QComboBox()
        for code, text in (
            (None, tr("Alle")),
            ("review", tr("Te beoordelen")),
            ("adopted", tr("Overgenomen")),
            ("dismissed", tr("Niet relevant")),
        ):
            self.status.addItem(text, code)
        a11y(self.status, tr("Status"), tr("Alleen aankondigingen met deze status"))
        self.status.currentIndexChanged.connect(lambda _i: self._filter())
        self.only_mandatory = QCheckBox(tr("Alleen risicocategorie boven de drempel"))
        self.only_mandatory.setChecked(True)
        self.only_mandatory.toggled.connect(lambda _c: self.load())
        self.count = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.status)
        bar.addWidget(self.only_mandatory)
        bar.addWidget(self.count, 1)
        self.layout_.addLayout(bar)

        self.model: RowTableModel[ReviewRow] = RowTableModel(review_columns(self.lang), self.lang)
        self.table = DataTable(
            self.model,
            "tenderned",
            tr("Aankondigingen van TenderNed"),
            tr("Tabel met de ingelezen aanbestedingen; kies een rij voor de details"),
        )
        self.details = QTextBrowser()
        self.details.setOpenExternalLinks(True)
        a11y(self.details, tr("Details van de aankondiging"))
        self.category = QComboBox()
        a11y(
            self.category,
            tr("Categorie bij overnemen"),
            tr("Bevestig de voorgestelde categorie of kies een andere; onthouden voor de CPV-code"),
        )
        category_label_widget = QLabel(tr("&Categorie:"))
        category_label_widget.setBuddy(self.category)
        self.adopt_button = button(
            tr("&Overnemen in het register"),
            tr("De gekozen aankondiging als aanbesteding (met contract) registreren"),
            self.adopt,
        )
        self.dismiss_button = button(
            tr("&Niet relevant…"),
            tr("De gekozen aankondiging markeren als niet relevant, met een reden"),
            self.dismiss,
        )
        actions = QHBoxLayout()
        actions.addWidget(category_label_widget)
        actions.addWidget(self.category, 1)
        actions.addWidget(self.adopt_button)
        actions.addWidget(self.dismiss_button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self.layout_.addWidget(splitter, 1)
        self.layout_.addLayout(actions)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selected())
        self._fill_categories()
        self._selected()

    # -- data -----------------------------------------------------------------------------

    def _fill_categories(self) -> None:
        self.category.clear()
        seen: set[str] = set()
        for category in locator.reference().all_categories():
            if category.code not in seen:
                seen.add(category.code)
                label = category_label(category.code, category.set_id, self.lang)
                self.category.addItem(label, category.code)
        self.category.addItem(tr("Buiten de risicocategorieën"), "overig")

    def load(self) -> None:
        ctx = self.ctx
        only = self.only_mandatory.isChecked()
        self.count.setText(tr("Laden…"))
        self.run(lambda: tenderned.review_list(ctx, only_mandatory=only), self._loaded)

    def _loaded(self, rows: list[ReviewRow]) -> None:
        self.rows = rows
        self.model.set_rows(rows)
        self._filter()
        self.data_shown = True

    def _filter(self) -> None:
        text = self.search.text().strip().casefold()
        status = self.status.currentData()

        def accept(r: ReviewRow) -> bool:
            if status is not None and r.status != status:
                return False
            return not text or text in f"{r.reference} {r.title} {' '.join(r.cpv)}".casefold()

        self.model.set_filter(accept if text or status is not None else None)
        self.count.setText(
            tr("{shown} van {total}").format(shown=self.model.rowCount(), total=self.model.total)
        )

    def _selected(self) -> None:
        row = self.table.selected()
        open_for_action = row is not None and row.status != "adopted"
        self.adopt_button.setEnabled(open_for_action)
        self.dismiss_button.setEnabled(open_for_action)
        self.category.setEnabled(open_for_action)
        if row is None:
            self.details.clear()
            return
        if row.category_suggested is not None:
            index = self.category.findData(row.category_suggested)
            if index >= 0:
                self.category.setCurrentIndex(index)
        self.details.setHtml(notice_html(row, self.lang))

    # -- actions ---------------------------------------------------------------------------

    def organisations(self) -> list[str]:
        return [part.strip() for part in self.organisation.text().split(";") if part.strip()]

    def choose_file(self) -> None:
        path = ask_open_path(
            self,
            tr("Open data van TenderNed inlezen"),
            "",
            tr("Open data van TenderNed (*.json *.xlsx);;Alle bestanden (*)"),
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        ctx = self.ctx
        names = self.organisations()
        window_settings().setValue(ORGANISATION_KEY, self.organisation.text().strip())
        self.shell.run_long(
            lambda progress, cancelled: tenderned.import_open_data(
                ctx,
                path,
                names,
                progress=lambda done: progress(done, 0),
                cancelled=cancelled,
            ),
            tr("TenderNed-gegevens inlezen…"),
            self._imported,
            write=True,
        )

    def _imported(self, result: ImportResult) -> None:
        counts = result.counts()
        message = tr(
            "{read} aankondigingen gelezen; {procedures} aanbestedingen van uw dienst: "
            "{new} nieuw, {known} al bekend; {review} in een risicocategorie boven de drempel."
        ).format(
            read=counts["read"],
            procedures=counts["for_organisation"],
            new=counts["new"],
            known=counts["known"],
            review=counts["review"],
        )
        self.shell.statusBar().showMessage(message, 15000)
        self.last_message = message
        self.load()

    last_message = ""
    assumed_end_box: QMessageBox | None = None

    def adopt(self) -> None:
        row = self.table.selected()
        if row is None or row.status == "adopted":
            return
        ctx = self.ctx
        category = self.category.currentData()
        self.shell.tasks.run(
            lambda: tenderned.adopt(
                ctx, [row.ocid], category, expected_versions={row.ocid: row.version}
            ),
            done=self._adopted,
            failed=self.shell.show_error,
            write=True,
        )

    def _adopted(self, adopted: list[tenderned.Adopted]) -> None:
        """Say what adopting did; an assumed end date asks to be checked, so it is shown
        in a message the buyer has to acknowledge rather than in the status bar."""
        self._changed()
        message = " ".join(tenderned.adopted_text(self.ctx, a) for a in adopted)
        self.shell.say(message)
        self.last_message = message
        if any(a.end_assumed is not None for a in adopted):
            box = QMessageBox(QMessageBox.Icon.Information, tr("Overgenomen"), message, parent=self)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            self.assumed_end_box = box

    def dismiss(self) -> None:
        row = self.table.selected()
        if row is None or row.status == "adopted":
            return
        reason, ok = QInputDialog.getText(
            self,
            tr("Niet relevant"),
            tr("Waarom is deze aanbesteding niet relevant voor de ISV?"),
        )
        if not ok:
            return
        self.dismiss_with(row.ocid, reason)

    def dismiss_with(self, ocid: str, reason: str) -> None:
        ctx = self.ctx
        shown = {row.ocid: row.version for row in self.rows if row.ocid == ocid}
        self.shell.tasks.run(
            lambda: tenderned.dismiss(ctx, [ocid], reason, expected_versions=shown),
            done=lambda _count: self._changed(),
            failed=self.shell.show_error,
            write=True,
        )

    def _changed(self) -> None:
        self.shell.data_changed()
        self.load()

    def select(self, ocid: str) -> None:
        index = self.model.row_of(lambda r: r.ocid == ocid)
        if index >= 0:
            self.table.selectRow(index)


def notice_html(row: ReviewRow, lang: str) -> str:
    esc = html.escape

    def money(value: Decimal | None) -> str:
        return format_money(value, lang) if value is not None else "-"

    def day(value: dt.date | None) -> str:
        return format_date(value, lang) if value is not None else "-"

    parts = [f"<h3>{esc(row.reference or row.ocid)} – {esc(row.title)}</h3>"]
    facts = [
        (tr("OCID"), row.ocid),
        (tr("Aanbestedende dienst"), row.buyer),
        (tr("CPV-codes"), ", ".join(row.cpv) or tr("geen")),
        (tr("Categorie"), suggestion_text(row, lang)),
        (tr("Soort"), kind_label(row.kind or "")),
        (tr("Eerste publicatie"), day(row.published)),
        (tr("Geraamde waarde (laatste)"), money(row.estimated)),
        (tr("Gegunde waarde"), money(row.awarded_value)),
        (tr("Gunningsdatum"), day(row.awarded)),
        (tr("Winnaar"), row.winner or "-"),
        (tr("Oordeel"), verdict_label(row.verdict)),
        (tr("In het register"), on_record_label(row.on_record)),
        (tr("Status"), status_label(row.status)),
    ]
    if row.annex_xiv:
        facts.append((tr("Bijlage XIV"), tr("sociale of andere specifieke dienst")))
    if row.reason:
        facts.append((tr("Reden"), row.reason))
    if row.tender_ref:
        facts.append((tr("Aanbesteding in het register"), row.tender_ref))
    parts.append("<table>")
    parts += [f"<tr><td><b>{esc(k)}</b></td><td>{esc(v)}</td></tr>" for k, v in facts]
    parts.append("</table>")
    if row.url.startswith("https://"):
        parts.append(
            f'<p><a href="{esc(row.url)}">{esc(tr("De aankondiging op TenderNed"))}</a></p>'
        )
    return "".join(parts)
