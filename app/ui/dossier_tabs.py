"""Dossier tabs over the dossier and submission services: the six OECD steps as a
timeline, submissions by version with their changes, signals with the escalation
ladder, assessments with the rubric as a form, and the follow-up intensity."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import locator
from app.domain.followup import SIGNAL_STATUSES
from app.domain.intensity import INTENSITIES, FollowUpRecord
from app.domain.rubric import ElementRating
from app.domain.submission import SubmissionRows
from app.domain.values import from_cents
from app.services import assessments, follow_up, signals, submissions
from app.services import dossier as dossier_service
from app.services.context import Context
from app.ui import record_actions
from app.ui.forms import DateField, OptionalDate, add_row, amount_refusal, typed_amount
from app.ui.i18n import tr
from app.ui.labels import intensity_label
from app.ui.models import Column, RowTableModel, show_value
from app.ui.widgets import DataTable, SimpleDialog, a11y, ask_save_path, button, note

if TYPE_CHECKING:
    from app.ui.dossier import DossierView

T = TypeVar("T")


def state_label(state: str) -> str:
    return {
        "not_started": tr("Nog niet begonnen"),
        "in_progress": tr("Bezig"),
        "done": tr("Gedaan"),
        "overdue": tr("Te laat"),
        "not_applicable": tr("Niet van toepassing"),
    }.get(state, state)


STATE_COLOUR = {"overdue": "overdue", "done": "done", "in_progress": "soon"}


def signal_status_label(status: str) -> str:
    return {
        "open": tr("Open"),
        "in_progress": tr("In behandeling"),
        "closed": tr("Afgehandeld"),
    }.get(status, status)


class Tab(QWidget):
    def __init__(self, dossier: DossierView) -> None:
        super().__init__()
        self.dossier = dossier
        self.layout_ = QVBoxLayout(self)

    def tab_title(self) -> str:
        raise NotImplementedError

    def run(
        self,
        fn: Callable[[], T],
        done: Callable[[T], None],
        write: bool = False,
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """``fn()`` (a typed service call) off the GUI thread, its result to ``done``."""
        self.dossier.shell.tasks.run(fn, done=done, write=write, failed=failed)

    def reload(self) -> None:
        raise NotImplementedError


class StepsTab(Tab):
    """The six OECD steps, in order, each with its state, deadline and reason."""

    def __init__(self, dossier: DossierView) -> None:
        super().__init__(dossier)
        self.model: RowTableModel[Any] = RowTableModel(
            [
                Column("number", lambda: tr("Stap"), lambda s: s.number, width=50),
                Column(
                    "step",
                    lambda: tr("OESO-stap"),
                    lambda s: _step_name(s.number, dossier.lang),
                    width=330,  # the Dutch names whole at 1366×768
                ),
                Column(
                    "state",
                    lambda: tr("Stand"),
                    lambda s: state_label(str(s.state)),
                    width=130,
                    colour=lambda s: STATE_COLOUR.get(str(s.state)),
                ),
                Column("due", lambda: tr("Termijn"), lambda s: s.due, width=140),
                Column(
                    "reason",
                    lambda: tr("Toelichting"),
                    lambda s: locator.catalog().text(s.reason, dossier.lang, **dict(s.params)),
                ),
            ],
            dossier.lang,
        )
        self.table = DataTable(
            self.model,
            "dossier-steps",
            tr("OESO-stappen"),
            tr("De zes stappen van gepaste zorgvuldigheid met hun stand en termijn"),
        )
        self.table.setSortingEnabled(False)
        self.agree = button(
            tr("Plan van aanpak &afgesproken…"),
            tr("De datum vastleggen waarop het plan van aanpak is afgesproken"),
            self._agree,
        )
        bar = QHBoxLayout()
        bar.addWidget(self.agree)
        bar.addStretch(1)
        self.layout_.addLayout(bar)
        self.layout_.addWidget(self.table, 1)

    def tab_title(self) -> str:
        return tr("OESO-&stappen")

    def reload(self) -> None:
        ctx, ref = self.dossier.ctx, self.dossier.ref
        self.run(lambda: dossier_service.step_states(ctx, ref).steps, self.model.set_rows)

    def _agree(self) -> None:
        dialog = SimpleDialog(self, tr("Plan van aanpak afgesproken"), tr("&Vastleggen"))
        form = QFormLayout()
        dialog.body.addLayout(form)
        day = DateField(tr("Afgesproken op"), tr("De datum van de afspraak"))
        add_row(form, tr("&Afgesproken op:"), day)
        if not dialog.exec():
            return
        ctx, ref, agreed = self.dossier.ctx, self.dossier.ref, day.value()
        shown = self.dossier.contract
        version = shown.version if shown is not None else None
        self.run(
            lambda: dossier_service.agree_plan(ctx, ref, agreed, version),
            lambda _r: self.dossier.changed(),
            write=True,
        )


def _step_name(number: int, lang: str) -> str:
    for step in locator.reference().oecd_steps:
        if step.number == number:
            return step.text(lang)
    return str(number)


class SubmissionsTab(Tab):
    """Each imported workbook as a version, with what changed since the one before."""

    def __init__(self, dossier: DossierView) -> None:
        super().__init__(dossier)
        self.model: RowTableModel[Any] = RowTableModel(
            [
                Column("version", lambda: tr("Versie"), lambda s: s.version_no, width=70),
                Column("received", lambda: tr("Ontvangen"), lambda s: s.received_on, width=140),
                Column(
                    "period",
                    lambda: tr("Periode"),
                    lambda s: (
                        f"{show_value(s.period_from, dossier.lang)} – "
                        f"{show_value(s.period_to, dossier.lang)}"
                    ),
                    width=260,
                ),
                Column("file", lambda: tr("Bestand"), lambda s: s.file_name, width=220),
                Column("sites", lambda: tr("Locaties"), lambda s: s.sites, align_right=True),
                Column("risks", lambda: tr("Risico’s"), lambda s: s.risks, align_right=True),
                Column(
                    "measures", lambda: tr("Maatregelen"), lambda s: s.measures, align_right=True
                ),
                Column(
                    "state",
                    lambda: tr("Stand"),
                    lambda s: (
                        tr("Geldend")
                        if s.version_no == self.newest
                        else tr("Vervangen door versie {n}").format(n=s.version_no + 1)
                    ),
                    colour=lambda s: None if s.version_no == self.newest else "muted",
                    width=200,
                ),
            ],
            dossier.lang,
        )
        self.newest = 0  # the version in force: a newer import supersedes the one before
        self.table = DataTable(
            self.model,
            "dossier-submissions",
            tr("Inzendingen"),
            tr("De ingelezen werkmappen per versie"),
        )
        self.changes = QTextBrowser()
        a11y(
            self.changes,
            tr("Wijzigingen"),
            tr("Wat er veranderde ten opzichte van de vorige versie"),
        )
        bar = QHBoxLayout()
        self.workbook_lang = QComboBox()
        self.workbook_lang.addItem("Nederlands", "nl")
        self.workbook_lang.addItem("English", "en")
        language_label = QLabel(tr("&Taal van de werkmap:"))
        language_label.setBuddy(self.workbook_lang)
        a11y(
            self.workbook_lang,
            tr("Taal van de werkmap"),
            tr("De taal van de leverancier, ook voor de bladnamen; wordt per contract onthouden"),
        )
        bar.addWidget(language_label)
        bar.addWidget(self.workbook_lang)
        bar.addWidget(
            button(
                tr("&Werkmap voor de leverancier…"),
                tr("De vooraf ingevulde werkmap voor dit contract opslaan"),
                self._template,
            )
        )
        bar.addStretch(1)
        self.layout_.addLayout(bar)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.changes)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.layout_.addWidget(splitter, 1)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_changes())

    def tab_title(self) -> str:
        return tr("I&nzendingen")

    def reload(self) -> None:
        ctx, ref = self.dossier.ctx, self.dossier.ref
        self.run(lambda: submissions.list_submissions(ctx, ref), self._loaded)
        self.run(
            lambda: submissions.workbook_language(ctx, ref),
            lambda lang: self.workbook_lang.setCurrentIndex(self.workbook_lang.findData(lang)),
        )

    def _loaded(self, rows: list[Any]) -> None:
        self.newest = max((r.version_no for r in rows), default=0)
        self.model.set_rows(rows)
        if rows:
            self.table.selectRow(0)

    def _show_changes(self) -> None:
        item = self.table.selected()
        if item is None:
            self.changes.clear()
            return
        ctx, ref, version = self.dossier.ctx, self.dossier.ref, item.version_no
        self.run(lambda: submissions.changes(ctx, ref, version), self._changes_loaded)

    def _changes_loaded(self, changes: Any) -> None:
        esc = html.escape
        if changes.previous_version is None:
            self.changes.setHtml(f"<p>{esc(tr('Dit is de eerste versie.'))}</p>")
            return
        parts = [
            f"<p>{esc(tr('Ten opzichte van versie {n}:').format(n=changes.previous_version))}</p>"
        ]
        for title, kind in (
            (tr("Locaties"), changes.sites),
            (tr("Risico’s"), changes.risks),
            (tr("Maatregelen"), changes.measures),
        ):
            if not kind.any:
                parts.append(f"<p><b>{esc(title)}</b>: {esc(tr('geen wijzigingen'))}</p>")
                continue
            parts.append(f"<p><b>{esc(title)}</b></p><ul>")
            for label, keys in (
                (tr("nieuw"), kind.added),
                (tr("vervallen"), kind.removed),
                (tr("gewijzigd"), kind.changed),
            ):
                if keys:
                    parts.append(f"<li>{esc(label)}: {esc(', '.join(keys))}</li>")
            parts.append("</ul>")
        self.changes.setHtml("".join(parts))

    def _template(self) -> None:
        path = ask_save_path(
            self,
            tr("Werkmap voor de leverancier opslaan"),
            str(Path.home() / f"ISV-werkmap-{self.dossier.ref}.xlsx"),
            tr("Excel-werkmap (*.xlsx)"),
        )
        if not path:
            return
        ctx, ref, lang = self.dossier.ctx, self.dossier.ref, self.workbook_lang.currentData()
        self.run(
            lambda: submissions.write_template_file(ctx, ref, Path(path), lang),
            self.dossier.shell.saved,
            write=True,
        )


class SignalsTab(Tab):
    """Signals of possible abuses, and the buyer's escalation ladder."""

    def __init__(self, dossier: DossierView) -> None:
        super().__init__(dossier)
        lang = dossier.lang
        reference = locator.reference()
        self.signals: RowTableModel[Any] = RowTableModel(
            [
                Column("received", lambda: tr("Ontvangen"), lambda s: s.received_on, width=130),
                Column("source", lambda: tr("Bron"), lambda s: s.source, width=160),
                Column("theme", lambda: tr("Thema"), lambda s: _theme(s.theme, lang), width=200),
                Column(
                    "status",
                    lambda: tr("Status"),
                    lambda s: signal_status_label(s.status),
                    width=120,
                    colour=lambda s: None if s.status == "closed" else "soon",
                ),
                Column("description", lambda: tr("Omschrijving"), lambda s: s.description),
            ],
            lang,
        )
        self.ladder: RowTableModel[Any] = RowTableModel(
            [
                Column("taken", lambda: tr("Datum"), lambda e: e.taken_on, width=130),
                Column(
                    "step",
                    lambda: tr("Stap"),
                    lambda e: reference.label("escalation_steps", e.step, lang),
                    width=240,
                ),
                Column("due", lambda: tr("Reactie uiterlijk"), lambda e: e.response_due, width=140),
                Column(
                    "responded",
                    lambda: tr("Reactie ontvangen"),
                    lambda e: e.responded_on,
                    width=140,
                ),
                Column(
                    "amount",
                    lambda: tr("Bedrag"),
                    lambda e: (
                        show_value(from_cents(e.amount_cents), lang)
                        if e.amount_cents is not None
                        else ""
                    ),
                    align_right=True,
                    width=110,
                ),
                Column("note", lambda: tr("Notitie"), lambda e: e.note),
            ],
            lang,
        )
        self.signal_table = DataTable(
            self.signals,
            "dossier-signals",
            tr("Signalen"),
            tr("Signalen van mogelijke misstanden in de keten"),
        )
        self.ladder_table = DataTable(
            self.ladder,
            "dossier-ladder",
            tr("Escalatieladder"),
            tr("De genomen escalatiestappen, oudste eerst"),
        )
        self.ladder_table.setSortingEnabled(False)
        signal_box = QGroupBox(tr("Signalen"))
        signal_layout = QVBoxLayout(signal_box)
        bar = QHBoxLayout()
        bar.addWidget(
            button(
                tr("Signaal &vastleggen…"),
                tr("Een signaal van een mogelijke misstand vastleggen"),
                self._log_signal,
            )
        )
        bar.addWidget(
            button(
                tr("Signaal af&handelen…"),
                tr("De status van het gekozen signaal wijzigen"),
                self._signal_status,
            )
        )
        bar.addStretch(1)
        signal_layout.addLayout(bar)
        self.signal_bar = record_actions.RecordBar(
            tr("signaal"),
            lambda: self._act("correct", "signal"),
            lambda: self._act("withdraw", "signal"),
            lambda: self._act("history", "signal"),
            lambda _on: self.reload(),
        )
        signal_layout.addWidget(self.signal_bar)
        signal_layout.addWidget(self.signal_table)
        self.signal_table.selectionModel().currentRowChanged.connect(
            lambda *_: self.signal_bar.set_record(self.signal_table.selected())
        )
        ladder_box = QGroupBox(
            tr("Escalatieladder: dialoog, extern advies, ingebrekestelling, boete, ontbinding")
        )
        ladder_layout = QVBoxLayout(ladder_box)
        bar = QHBoxLayout()
        self.step_button = button(
            tr("Escalatiestap vast&leggen…"),
            tr("Een stap op de escalatieladder vastleggen"),
            self.record_step,
        )
        bar.addWidget(self.step_button)
        bar.addWidget(
            button(
                tr("Reactie &ontvangen…"),
                tr("De datum vastleggen waarop de leverancier op de gekozen stap reageerde"),
                self._response,
            )
        )
        bar.addStretch(1)
        ladder_layout.addLayout(bar)
        self.ladder_bar = record_actions.RecordBar(
            tr("escalatiestap"),
            lambda: self._act("correct", "escalation"),
            lambda: self._act("withdraw", "escalation"),
            lambda: self._act("history", "escalation"),
        )
        ladder_layout.addWidget(self.ladder_bar)
        ladder_layout.addWidget(self.ladder_table)
        self.ladder_table.selectionModel().currentRowChanged.connect(
            lambda *_: self.ladder_bar.set_record(self.ladder_table.selected())
        )
        self.layout_.addWidget(signal_box, 1)
        self.layout_.addWidget(ladder_box, 1)

    def tab_title(self) -> str:
        return tr("Signalen en &escalatie")

    def reload(self) -> None:
        ctx, ref = self.dossier.ctx, self.dossier.ref
        withdrawn = self.signal_bar.show_withdrawn.isChecked()
        self.run(
            lambda: signals.list_signals(ctx, ref, withdrawn=withdrawn),
            lambda rows: self._rows(self.signals, self.signal_bar, self.signal_table, rows),
        )
        self.run(
            lambda: signals.list_escalation(ctx, ref, withdrawn=withdrawn),
            lambda rows: self._rows(self.ladder, self.ladder_bar, self.ladder_table, rows),
        )

    @staticmethod
    def _rows(model: Any, bar: Any, table: DataTable, rows: list[Any]) -> None:
        model.set_rows(rows)
        bar.set_record(table.selected())

    def _act(self, what: str, kind: str) -> None:
        table = self.signal_table if kind == "signal" else self.ladder_table
        record = table.selected()
        if record is None:
            return
        shell = self.dossier.shell
        if what == "correct":
            if kind == "signal":
                record_actions.correct_signal(shell, self, record)
            else:
                record_actions.correct_escalation(shell, self, record)
        elif what == "withdraw":
            record_actions.withdraw(shell, self, kind, record.id, str(record.id), record.version)
        else:
            record_actions.show_history(shell, self, kind, record.id, str(record.id))

    def _log_signal(self) -> None:
        lang = self.dossier.lang
        dialog = SimpleDialog(self, tr("Signaal vastleggen"), tr("&Vastleggen"))
        form = QFormLayout()
        dialog.body.addLayout(form)
        received = DateField(tr("Ontvangen op"))
        add_row(form, tr("&Ontvangen op:"), received)
        source = QLineEdit()
        add_row(
            form,
            tr("&Bron:"),
            source,
            description=tr("Van wie of waar het signaal komt, bijvoorbeeld een ngo of vakbond"),
        )
        theme = QComboBox()
        for item in locator.reference().themes:
            theme.addItem(item.text(lang), item.code)
        add_row(form, tr("&Thema:"), theme)
        description = QLineEdit()
        add_row(form, tr("O&mschrijving:"), description)
        dialog.resize(560, dialog.sizeHint().height())
        if not dialog.exec():
            return
        ctx, ref = self.dossier.ctx, self.dossier.ref
        values = {
            "contract_ref": ref,
            "received_on": received.value(),
            "source": source.text(),
            "theme": theme.currentData(),
            "description": description.text(),
        }
        self.run(
            lambda: signals.log_signal(ctx, **values),
            lambda _r: self.dossier.changed(),
            write=True,
        )

    def _signal_status(self) -> None:
        signal = self.signal_table.selected()
        if signal is None:
            return
        dialog = SimpleDialog(self, tr("Signaal afhandelen"), tr("&Opslaan"))
        form = QFormLayout()
        dialog.body.addLayout(form)
        status = QComboBox()
        for code in SIGNAL_STATUSES:
            status.addItem(signal_status_label(code), code)
        status.setCurrentIndex(max(0, status.findData(signal.status)))
        add_row(form, tr("&Status:"), status)
        closed = DateField(tr("Afgehandeld op"))
        add_row(form, tr("&Afgehandeld op:"), closed)
        if not dialog.exec():
            return
        ctx = self.dossier.ctx
        code = status.currentData()
        day = closed.value() if code == "closed" else None
        self.run(
            lambda: signals.set_signal_status(
                ctx,
                signal.id,
                code,
                day,
                expected_version=signal.version,
            ),
            lambda _r: self.dossier.changed(),
            write=True,
        )

    def _response(self) -> None:
        step = self.ladder_table.selected()
        if step is None:
            return
        dialog = SimpleDialog(self, tr("Reactie ontvangen"), tr("&Vastleggen"))
        form = QFormLayout()
        dialog.body.addLayout(form)
        day = DateField(tr("Reactie ontvangen op"))
        add_row(form, tr("Reactie ontvangen &op:"), day)
        if not dialog.exec():
            return
        ctx, responded = self.dossier.ctx, day.value()
        self.run(
            lambda: signals.record_escalation_response(
                ctx, step.id, responded, expected_version=step.version
            ),
            lambda _r: self.dossier.changed(),
            write=True,
        )

    def record_step(self) -> None:
        dialog = EscalationDialog(self, self.dossier.lang, self.signals.rows())
        if not dialog.exec():
            return
        ctx = self.dossier.ctx
        values = dialog.values(self.dossier.ref)
        self.run(
            lambda: signals.record_escalation_step(ctx, **values),
            lambda _r: self.dossier.changed(),
            write=True,
        )


def _theme(code: str, lang: str) -> str:
    try:
        return locator.reference().theme(code).text(lang)
    except KeyError:
        return code


class EscalationDialog(SimpleDialog):
    def __init__(self, parent: QWidget, lang: str, signals: list[Any]) -> None:
        super().__init__(parent, tr("Escalatiestap vastleggen"), tr("&Vastleggen"))
        self.lang = lang
        form = QFormLayout()
        self.body.addLayout(form)
        self.step = QComboBox()
        for item in locator.reference().escalation_steps:
            self.step.addItem(item.text(lang), item.code)
        add_row(
            form,
            tr("&Stap:"),
            self.step,
            description=tr(
                "Naar verhouding: begin met dialoog; ontbinden kan pas na een ingebrekestelling"
            ),
        )
        self.taken = DateField(tr("Genomen op"))
        add_row(form, tr("&Genomen op:"), self.taken)
        self.response = OptionalDate(
            tr("Reactie uiterlijk"),
            tr("&Reactie vragen"),
            tr("De datum waarop u een reactie van de leverancier verwacht"),
        )
        add_row(form, tr("Reactie uiterlijk:"), self.response)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(tr("leeg: de boete uit het contract"))
        add_row(form, tr("&Bedrag (€):"), self.amount, description=tr("Alleen bij een boete"))
        self.signal = QComboBox()
        self.signal.addItem(tr("Geen bepaald signaal"), None)
        for item in signals:
            self.signal.addItem(
                f"{show_value(item.received_on, lang)}: {item.description[:60]}", item.id
            )
        add_row(form, tr("Naar aanleiding &van:"), self.signal)
        self.note = QLineEdit()
        add_row(form, tr("&Notitie:"), self.note)
        self.skip_reason = QLineEdit()
        add_row(
            form,
            tr("Reden om stappen &over te slaan:"),
            self.skip_reason,
            description=tr(
                "Een boete of ontbinding volgt op de eerdere stappen; sloeg u er een over, "
                "zeg dan waarom. Een ingebrekestelling gaat altijd voor"
            ),
        )
        self.problem = note()
        form.addRow(self.problem)
        self.step.currentIndexChanged.connect(self._update)
        self._update()
        self.resize(560, self.sizeHint().height())

    def accept(self) -> None:
        """Not while the amount is text that is no amount (named below)."""
        refusal = amount_refusal(self.lang, self.amount)
        if refusal is not None:
            self.problem.setText(refusal)
            return
        super().accept()

    def _update(self) -> None:
        step = self.step.currentData()
        self.amount.setEnabled(step == "penalty")
        self.skip_reason.setEnabled(step in ("penalty", "termination"))

    def values(self, contract_ref: str) -> dict[str, Any]:
        amount = typed_amount(self.amount, self.lang) if self.amount.isEnabled() else None
        return {
            "contract_ref": contract_ref,
            "step": self.step.currentData(),
            "taken_on": self.taken.value(),
            "response_due": self.response.value(),
            "amount": amount,
            "signal_id": self.signal.currentData(),
            "note": self.note.text(),
            "skip_reason": self.skip_reason.text() if self.skip_reason.isEnabled() else None,
        }


class AssessmentsTab(Tab):
    """Assessments of the supplier's documents against the rubric ("reasonable effort")."""

    def __init__(self, dossier: DossierView) -> None:
        super().__init__(dossier)
        lang = dossier.lang
        self.model: RowTableModel[Any] = RowTableModel(
            [
                Column("date", lambda: tr("Datum"), lambda a: a.assessed_on, width=130),
                Column(
                    "subject",
                    lambda: tr("Onderwerp"),
                    lambda a: _subject(a.subject, lang),
                    width=180,
                ),
                Column("year", lambda: tr("Contractjaar"), lambda a: a.contract_year, width=100),
                Column(
                    "verdict",
                    lambda: tr("Oordeel"),
                    lambda a: tr("Voldoende") if a.verdict == "sufficient" else tr("Onvoldoende"),
                    width=120,
                    colour=lambda a: "done" if a.verdict == "sufficient" else "overdue",
                ),
                Column("assessor", lambda: tr("Beoordelaar"), lambda a: a.assessor, width=150),
                Column("note", lambda: tr("Notitie"), lambda a: a.note),
            ],
            lang,
        )
        self.table = DataTable(
            self.model,
            "dossier-assessments",
            tr("Beoordelingen"),
            tr("Beoordelingen van risicoanalyse, plan van aanpak en jaarrapportages"),
        )
        bar = QHBoxLayout()
        bar.addWidget(
            button(
                tr("Beoordeling &maken…"),
                tr("Een document beoordelen met de rubriek"),
                self._assess,
            )
        )
        bar.addStretch(1)
        self.layout_.addLayout(bar)
        self.record_bar = record_actions.RecordBar(
            tr("beoordeling"),
            self._correct,
            self._withdraw,
            self._history,
            lambda _on: self.reload(),
        )
        self.layout_.addWidget(self.record_bar)
        self.layout_.addWidget(self.table, 1)
        self.table.selectionModel().currentRowChanged.connect(
            lambda *_: self.record_bar.set_record(self.table.selected())
        )

    def tab_title(self) -> str:
        return tr("Beoo&rdelingen")

    def reload(self) -> None:
        ctx, ref = self.dossier.ctx, self.dossier.ref
        withdrawn = self.record_bar.show_withdrawn.isChecked()
        self.run(lambda: assessments.list_assessments(ctx, ref, withdrawn=withdrawn), self._loaded)

    def _loaded(self, rows: list[Any]) -> None:
        self.model.set_rows(rows)
        self.record_bar.set_record(self.table.selected())

    def _correct(self) -> None:
        record = self.table.selected()
        if record is not None:
            record_actions.correct_assessment(self.dossier.shell, self, record)

    def _withdraw(self) -> None:
        record = self.table.selected()
        if record is not None:
            record_actions.withdraw(
                self.dossier.shell, self, "assessment", record.id, str(record.id), record.version
            )

    def _history(self) -> None:
        record = self.table.selected()
        if record is not None:
            record_actions.show_history(
                self.dossier.shell, self, "assessment", record.id, str(record.id)
            )

    def _assess(self) -> None:
        dialog = AssessmentDialog(self, self.dossier.lang)
        if not dialog.exec():
            return
        ctx = self.dossier.ctx
        values = dialog.values(self.dossier.ref)
        self.run(
            lambda: assessments.assess(ctx, **values),
            lambda _r: self.dossier.changed(),
            write=True,
        )


def _subject(code: str, lang: str) -> str:
    return locator.reference().label("evidence_types", code, lang)


class AssessmentDialog(SimpleDialog):
    """The rubric as a form: one rating per element, with a comment."""

    def __init__(self, parent: QWidget, lang: str) -> None:
        super().__init__(parent, tr("Beoordelen"), tr("&Vastleggen"))
        self.lang = lang
        self.rubric = assessments.rubric()
        top = QFormLayout()
        self.body.addLayout(top)
        self.subject = QComboBox()
        for code, subject in self.rubric.subjects.items():
            self.subject.addItem(subject.text(lang), code)
        add_row(top, tr("&Onderwerp:"), self.subject)
        self.year = QLineEdit()
        add_row(
            top,
            tr("Contract&jaar:"),
            self.year,
            description=tr("Alleen bij een jaarrapportage: het hoeveelste contractjaar"),
        )
        self.day = DateField(tr("Beoordeeld op"))
        add_row(top, tr("Beoordeeld &op:"), self.day)
        self.elements_box = QGroupBox(tr("Onderdelen van de rubriek"))
        self.elements = QFormLayout(self.elements_box)
        self.body.addWidget(self.elements_box)
        self.note = QLineEdit()
        bottom = QFormLayout()
        add_row(bottom, tr("&Notitie:"), self.note)
        self.body.addLayout(bottom)
        self.ratings: list[tuple[str, QComboBox, QLineEdit]] = []
        self.subject.currentIndexChanged.connect(self._fill)
        self._fill()
        self.resize(720, self.sizeHint().height())

    def _fill(self) -> None:
        while self.elements.rowCount():
            self.elements.removeRow(0)
        self.ratings = []
        subject = self.rubric.subject(self.subject.currentData())
        for element in subject.elements:
            rating = QComboBox()
            rating.addItem(tr("Voldoende"), "sufficient")
            rating.addItem(tr("Onvoldoende"), "insufficient")
            if element.may_be_not_applicable:
                rating.addItem(tr("Niet van toepassing"), "not_applicable")
            comment = QLineEdit()
            comment.setPlaceholderText(tr("toelichting"))
            a11y(rating, element.text(self.lang), tr("Het oordeel over dit onderdeel"))
            a11y(comment, tr("Toelichting bij {element}").format(element=element.text(self.lang)))
            row = QWidget()
            layout = QHBoxLayout(row)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(rating)
            layout.addWidget(comment, 1)
            label = QLabel(element.text(self.lang))
            label.setWordWrap(True)
            label.setBuddy(rating)
            self.elements.addRow(label, row)
            self.ratings.append((element.code, rating, comment))

    def values(self, contract_ref: str) -> dict[str, Any]:
        year = self.year.text().strip()
        return {
            "contract_ref": contract_ref,
            "subject": self.subject.currentData(),
            "ratings": [
                ElementRating(code, rating.currentData(), comment.text())
                for code, rating, comment in self.ratings
            ],
            "assessed_on": self.day.value(),
            "contract_year": int(year) if year.isdigit() else None,
            "note": self.note.text() or None,
        }


@dataclass(frozen=True)
class FollowUpWords:
    """The follow-up of one contract as the tab shows it: the suggested level and its
    reasons in words, the user's own choice (a level code, or ``None``: no choice of
    their own) with its note, and the contract's version for a safe save."""

    level: str
    reasons: tuple[str, ...]
    choice: str | None
    note: str | None
    version: int


def _follow_up_words(ctx: Context, record: FollowUpRecord) -> FollowUpWords:
    return FollowUpWords(
        intensity_label(record.suggestion.level, ctx.lang),
        tuple(follow_up.reasons_text(ctx, record)),
        record.choice,
        record.note,
        record.version,
    )


def follow_up_words(ctx: Context, contract_ref: str) -> FollowUpWords:
    """Runs on a worker thread: the follow-up and its reasons, in words."""
    return _follow_up_words(ctx, follow_up.follow_up(ctx, contract_ref))


def choose_follow_up(
    ctx: Context, contract_ref: str, choice: str | None, note: str, version: int
) -> FollowUpWords:
    """Runs on a worker thread: record the user's own follow-up beside the suggestion
    (``None``: none of their own), and the follow-up as it now reads."""
    record = follow_up.choose_follow_up(
        ctx, contract_ref, choice, note or None, expected_version=version
    )
    return _follow_up_words(ctx, record)


class FollowUpTab(Tab):
    """How closely to follow this contract: the suggestion with its reasons, and beside it
    the user's own choice with a note (recorded in the dossier and its audit trail)."""

    def __init__(self, dossier: DossierView) -> None:
        super().__init__(dossier)
        self.loaded: FollowUpWords | None = None
        self.text = QTextBrowser()
        a11y(
            self.text, tr("Opvolging"), tr("De voorgestelde intensiteit van de opvolging en waarom")
        )
        own = QGroupBox(tr("Uw eigen keuze"))
        form = QFormLayout(own)
        self.choice = QComboBox()
        self.choice.addItem(tr("Geen eigen keuze: het voorstel volgen"), None)
        for code in INTENSITIES:
            self.choice.addItem(intensity_label(code, dossier.lang), code)
        add_row(
            form,
            tr("&Mate van opvolging:"),
            self.choice,
            description=tr("Hoe u dit contract zelf opvolgt, naast het voorstel"),
        )
        self.note = QLineEdit()
        self.note.setPlaceholderText(tr("waarom (mag leeg blijven)"))
        add_row(
            form,
            tr("Toe&lichting:"),
            self.note,
            description=tr("Waarom u voor deze opvolging kiest"),
        )
        self.save = button(
            tr("Keuze &vastleggen"),
            tr("Uw keuze en toelichting vastleggen in het dossier"),
            self._save,
        )
        self.save.setEnabled(False)
        self.correct_button = button(
            tr("Keuze &corrigeren…"),
            tr("De vastgelegde keuze corrigeren, met een reden"),
            self._correct,
        )
        self.correct_button.setEnabled(False)
        bar = QHBoxLayout()
        bar.addWidget(self.save)
        bar.addWidget(self.correct_button)
        bar.addStretch(1)
        form.addRow(bar)
        self.layout_.addWidget(self.text, 1)
        self.layout_.addWidget(own)
        QWidget.setTabOrder(self.text, self.choice)
        QWidget.setTabOrder(self.choice, self.note)
        QWidget.setTabOrder(self.note, self.save)

    def tab_title(self) -> str:
        return tr("O&pvolging")

    def reload(self) -> None:
        ctx, ref = self.dossier.ctx, self.dossier.ref
        self.run(lambda: follow_up_words(ctx, ref), self._loaded)

    def _loaded(self, words: FollowUpWords) -> None:
        self.loaded = words
        esc = html.escape
        parts = [f"<h3>{esc(tr('Voorstel'))}: {esc(words.level)}</h3><ul>"]
        parts += [f"<li>{esc(r)}</li>" for r in words.reasons]
        parts.append("</ul>")
        if words.choice:
            chosen = self.choice.itemText(max(0, self.choice.findData(words.choice)))
            parts.append(
                f"<p><b>{esc(tr('Uw keuze'))}: {esc(chosen)}</b>"
                + (f" ({esc(words.note)})" if words.note else "")
                + "</p>"
            )
        caveat = tr("Een voorstel, geen oordeel: u kiest zelf hoe u opvolgt.")
        parts.append(f"<p><small>{esc(caveat)}</small></p>")
        self.text.setHtml("".join(parts))
        self.choice.setCurrentIndex(max(0, self.choice.findData(words.choice)))
        self.note.setText(words.note or "")
        self.save.setEnabled(True)
        # a recorded choice can also be corrected with a reason (kept in its history)
        self.correct_button.setEnabled(words.choice is not None)

    def _correct(self) -> None:
        words = self.loaded
        if words is not None:
            record_actions.correct_follow_up(
                self.dossier.shell, self, self.dossier.ref, words.choice, words.note, words.version
            )

    def _save(self) -> None:
        if self.loaded is None:
            return
        ctx, ref, version = self.dossier.ctx, self.dossier.ref, self.loaded.version
        choice, note = self.choice.currentData(), self.note.text().strip()
        self.save.setEnabled(False)
        self.run(
            lambda: choose_follow_up(ctx, ref, choice, note, version),
            self._saved,
            write=True,
            failed=self._not_saved,
        )

    def _not_saved(self, error: BaseException) -> None:
        """Shown as a sentence; the tab reloads, so a choice saved meanwhile by a
        colleague (a stale version) is what the user sees before trying again."""
        self.dossier.shell.show_error(error)
        self.reload()

    def _saved(self, words: FollowUpWords) -> None:
        self._loaded(words)
        self.dossier.shell.say(tr("Uw keuze voor de opvolging is vastgelegd."))
        self.dossier.changed()


class ChainTab(Tab):
    """The newest submission's sites, risks (coloured by priority) and measures."""

    def __init__(self, dossier: DossierView) -> None:
        super().__init__(dossier)
        lang = dossier.lang
        reference = locator.reference()
        countries = locator.countries()

        def label(group: str, code: str) -> str:
            return reference.label(group, code, lang)

        self.heading = QLabel()
        self.layout_.addWidget(self.heading)
        self.grievance = QLabel()
        self.grievance.setWordWrap(True)
        self.grievance.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        a11y(
            self.grievance,
            tr("Klachtenmechanisme en belanghebbenden"),
            tr("Wat de leverancier opgaf over zijn klachtenmechanisme en wie hij raadpleegde"),
        )
        self.layout_.addWidget(self.grievance)
        self.rows = SubmissionRows("", 0)
        self.sites: RowTableModel[Any] = RowTableModel(
            [
                Column("site", lambda: tr("Locatie-ID"), lambda r: r.site_key, width=90),
                Column("name", lambda: tr("Naam locatie"), lambda r: r.name, width=220),
                Column(
                    "country",
                    lambda: tr("Land"),
                    lambda r: countries.name(r.country, lang),
                    width=150,
                ),
                Column("tier", lambda: tr("Schakel"), lambda r: r.tier, align_right=True),
                Column("product", lambda: tr("Product of dienst"), lambda r: r.product, width=200),
                Column("workers", lambda: tr("Werknemers"), lambda r: r.workers, align_right=True),
                Column("audit", lambda: tr("Laatste audit"), lambda r: r.last_audit, width=110),
            ],
            lang,
        )
        self.risks: RowTableModel[Any] = RowTableModel(
            [
                Column("risk", lambda: tr("Risico-ID"), lambda r: r.risk_key, width=80),
                Column(
                    "priority",
                    lambda: tr("Prioriteit"),
                    lambda r: label("priorities", r.priority),
                    width=90,
                    colour=lambda r: r.priority,
                ),
                Column(
                    "theme",
                    lambda: tr("Thema"),
                    lambda r: reference.theme(r.theme).text(lang),
                    width=200,
                ),
                Column(
                    "severity",
                    lambda: tr("Ernst"),
                    lambda r: reference.severity.label(r.severity, lang),
                    width=110,
                ),
                Column(
                    "likelihood",
                    lambda: tr("Waarschijnlijkheid"),
                    lambda r: reference.likelihood.label(r.likelihood, lang),
                    width=130,
                ),
                Column("site", lambda: tr("Locatie-ID"), lambda r: r.site_key, width=80),
                Column(
                    "country",
                    lambda: tr("Land"),
                    lambda r: countries.name(self.rows.place_of(r)[0] or "", lang),
                    width=130,
                ),
                Column(
                    "product",
                    lambda: tr("Product of dienst"),
                    lambda r: self.rows.place_of(r)[1],
                    width=150,
                ),
                Column("description", lambda: tr("Omschrijving"), lambda r: r.description),
            ],
            lang,
        )
        self.measures: RowTableModel[Any] = RowTableModel(
            [
                Column("measure", lambda: tr("Maatregel-ID"), lambda r: r.measure_key, width=90),
                Column("risk", lambda: tr("Risico-ID"), lambda r: r.risk_key, width=80),
                Column(
                    "status",
                    lambda: tr("Status"),
                    lambda r: label("measure_statuses", r.status),
                    width=110,
                ),
                Column("due", lambda: tr("Einddatum"), lambda r: r.due, width=100),
                Column(
                    "progress", lambda: tr("Voortgang (%)"), lambda r: r.progress, align_right=True
                ),
                Column("owner", lambda: tr("Verantwoordelijke"), lambda r: r.owner, width=140),
                Column("description", lambda: tr("Omschrijving"), lambda r: r.description),
            ],
            lang,
        )
        splitter = QSplitter(Qt.Orientation.Vertical)
        for model, key, name, description in (
            (
                self.sites,
                "dossier-sites",
                tr("Locaties in de keten"),
                tr("De productielocaties uit de nieuwste inzending"),
            ),
            (
                self.risks,
                "dossier-risks",
                tr("Risico’s"),
                tr("De risico’s uit de nieuwste inzending, hoogste prioriteit eerst"),
            ),
            (
                self.measures,
                "dossier-measures",
                tr("Maatregelen"),
                tr("Het plan van aanpak: maatregelen uit de nieuwste inzending"),
            ),
        ):
            splitter.addWidget(DataTable(model, key, name, description))
        self.layout_.addWidget(splitter, 1)

    def tab_title(self) -> str:
        return tr("&Keten en risico’s")

    def reload(self) -> None:
        ctx, ref = self.dossier.ctx, self.dossier.ref
        self.run(lambda: submissions.submission_rows(ctx, ref), self._loaded)

    def _loaded(self, rows: Any) -> None:
        self.heading.setText(
            tr("Nog geen inzending ingelezen.")
            if rows.version == 0
            else tr("Uit inzending versie {n}.").format(n=rows.version)
        )
        self.rows = rows
        self.grievance.setText(grievance_text(rows, self.dossier.lang) if rows.version else "")
        self.sites.set_rows(list(rows.sites))
        self.risks.set_rows(list(rows.risks))
        self.measures.set_rows(list(rows.measures))


def grievance_text(rows: SubmissionRows, lang: str) -> str:
    """The supplier's grievance mechanism and stakeholder consultation, in two lines."""
    reference = locator.reference()
    if rows.grievance_mechanism is None:
        state = tr("niet opgegeven (werkmap van een oudere versie)")
    else:
        state = reference.label("grievance_mechanisms", rows.grievance_mechanism, lang)
    if rows.grievance_description:
        state = f"{state}: {rows.grievance_description}"
    consulted = rows.stakeholders or tr("niet opgegeven")
    return "\n".join(
        (
            tr("Klachtenmechanisme: {state}").format(state=state),
            tr("Geraadpleegde belanghebbenden: {who}").format(who=consulted),
        )
    )


def make_tabs(dossier: DossierView) -> list[Tab]:
    return [
        StepsTab(dossier),
        SubmissionsTab(dossier),
        ChainTab(dossier),
        AssessmentsTab(dossier),
        SignalsTab(dossier),
        FollowUpTab(dossier),
    ]
