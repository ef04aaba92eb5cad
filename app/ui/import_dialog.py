"""Import a supplier workbook: choose → check in the background (progress, cancel) → the
problems (filter by sheet and kind, jump to the row) → import, or write feedback."""

from __future__ import annotations

import html
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import locator
from app.domain.formatting import format_number
from app.domain.progress import Cancelled, Progress, Stage, StagedProgress
from app.services import registry, submissions
from app.ui import widgets
from app.ui.forms import add_row
from app.ui.i18n import tr
from app.ui.labels import counted, country_label
from app.ui.models import Column, RowTableModel, show_value
from app.ui.tasks import Task, TaskCancelled
from app.ui.widgets import DataTable, ProgressPanel, a11y, button, error_sentence, note

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

RowsAt = dict[tuple[str, int], dict[str, Any]]


def severity_label(severity: str) -> str:
    return {"error": tr("Fout"), "warning": tr("Waarschuwing"), "note": tr("Opmerking")}.get(
        severity, severity
    )


class ImportDialog(QDialog):
    def __init__(self, shell: MainWindow, contract_ref: str | None = None) -> None:
        super().__init__(shell)
        self.shell = shell
        self.lang = shell.lang
        self.check_result: submissions.CheckResult | None = None
        self.rows_at: RowsAt = {}
        self.imported = False
        self.task: Task | None = None
        self.setWindowTitle(tr("Werkmap van leverancier importeren"))
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.contract = QComboBox()
        self.contract.setEditable(True)
        add_row(
            form,
            tr("&Contract:"),
            self.contract,
            description=tr("Het contract waarvoor de leverancier de werkmap invulde"),
        )
        if contract_ref:
            self.contract.setEditText(contract_ref)
        self.path = QLineEdit()
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.path, 1)
        row.addWidget(button(tr("&Kiezen…"), tr("De ingevulde werkmap kiezen"), self._choose))
        holder.setFocusProxy(self.path)
        add_row(
            form,
            tr("&Werkmap:"),
            holder,
            tr("Werkmap"),
            tr("Het Excel-bestand dat de leverancier terugstuurde"),
        )
        a11y(self.path, tr("Werkmap"), tr("Het Excel-bestand dat de leverancier terugstuurde"))
        layout.addLayout(form)
        actions = QHBoxLayout()
        self.check_button = button(
            tr("C&ontroleren"),
            tr("De werkmap controleren; er wordt nog niets opgeslagen"),
            self.check,
        )
        self.import_button = button(
            tr("&Importeren"),
            tr("De gecontroleerde werkmap opslaan als nieuwe versie"),
            self.do_import,
        )
        self.feedback_button = button(
            tr("&Terugkoppeling opslaan…"),
            tr(
                "De werkmap met alle opmerkingen gemarkeerd opslaan, "
                "om terug te sturen naar de leverancier"
            ),
            self.write_feedback,
        )
        for item in (self.check_button, self.import_button, self.feedback_button):
            actions.addWidget(item)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.progress = ProgressPanel()
        self.progress.cancel_requested.connect(self._cancel)
        layout.addWidget(self.progress)
        self.summary = note()
        layout.addWidget(self.summary)
        filters = QHBoxLayout()
        self.sheet_filter = QComboBox()
        self.kind_filter = QComboBox()
        for combo in (self.sheet_filter, self.kind_filter):  # "Alle bladen" whole, any language
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        a11y(self.sheet_filter, tr("Blad"), tr("Alleen problemen op dit blad tonen"))
        a11y(
            self.kind_filter,
            tr("Soort melding"),
            tr("Alleen fouten, waarschuwingen of opmerkingen tonen"),
        )
        sheet_label = QLabel(tr("&Blad:"))
        sheet_label.setBuddy(self.sheet_filter)
        kind_label = QLabel(tr("&Soort:"))
        kind_label.setBuddy(self.kind_filter)
        filters.addWidget(sheet_label)
        filters.addWidget(self.sheet_filter)
        filters.addWidget(kind_label)
        filters.addWidget(self.kind_filter)
        filters.addStretch(1)
        layout.addLayout(filters)
        catalog = locator.catalog()
        self.model: RowTableModel[Any] = RowTableModel(
            [
                Column(
                    "severity",
                    lambda: tr("Soort"),
                    lambda p: severity_label(p.severity),
                    width=110,
                    colour=lambda p: {"error": "overdue", "warning": "soon"}.get(p.severity),
                ),
                Column("sheet", lambda: tr("Blad"), lambda p: p.sheet, width=120),
                Column(
                    "row", lambda: tr("Rij"), lambda p: p.row or None, align_right=True, width=60
                ),
                Column(
                    "column",
                    lambda: tr("Kolom"),
                    lambda p: header_key_shown(p.column),
                    width=150,
                ),
                Column("value", lambda: tr("Waarde"), lambda p: p.value, width=140),
                Column(
                    "message",
                    lambda: tr("Melding"),
                    lambda p: catalog.text(p.code, self.lang, **dict(p.params)),
                    width=420,
                ),
            ],
            self.lang,
        )
        self.table = DataTable(
            self.model,
            "import-problems",
            tr("Problemen in de werkmap"),
            tr("Elke fout, waarschuwing en opmerking met blad en rij; Enter toont de rij"),
        )
        self.row_view = QTextBrowser()
        a11y(
            self.row_view,
            tr("De rij in de werkmap"),
            tr("Wat er in de gekozen rij van de werkmap staat"),
        )
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.row_view)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        close = button(tr("Sl&uiten"), tr("Het venster sluiten"), self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        self.sheet_filter.currentIndexChanged.connect(lambda _i: self._filter())
        self.kind_filter.currentIndexChanged.connect(lambda _i: self._filter())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_row())
        self.table.row_activated.connect(lambda _p: self.row_view.setFocus())
        self._update_buttons()
        # as wide as the screen allows (up to 1280), so the messages show beside the pane
        screen = shell.screen()
        area = screen.availableGeometry() if screen is not None else None
        width = min(1280, area.width() - 40) if area is not None else 1000
        height = min(720, area.height() - 60) if area is not None else 680
        self.resize(max(width, 640), max(height, 480))
        ctx = shell.context
        shell.tasks.run(lambda: [c.ref for c in registry.list_contracts(ctx)], done=self._contracts)

    def _contracts(self, refs: list[str]) -> None:
        current = self.contract.currentText()
        self.contract.clear()
        self.contract.addItems(refs)
        self.contract.setEditText(current)

    def _choose(self) -> None:
        path = widgets.ask_open_path(
            self, tr("Werkmap kiezen"), str(Path.home()), tr("Excel-werkmap (*.xlsx)")
        )
        if path:
            self.path.setText(path)

    def _settle(self) -> None:
        """A task that already ended (tasks run inline in tests) is no longer running."""
        if self.task is not None and not self.task.running:
            self.task = None
        self._update_buttons()

    def _update_buttons(self) -> None:
        running = self.task is not None
        self.check_button.setEnabled(not running)
        ok = self.check_result is not None and not self.check_result.errors and not self.imported
        self.import_button.setEnabled(ok and not running)
        self.feedback_button.setEnabled(
            self.check_result is not None and bool(self.check_result.problems) and not running
        )

    # -- check ---------------------------------------------------------------------------
    def check(self) -> None:
        path = Path(self.path.text().strip())
        ref = self.contract.currentText().strip()
        ctx = self.shell.context
        self.check_result = None
        self.rows_at = {}
        self.imported = False
        self.model.set_rows([])
        self.row_view.clear()
        self.summary.setText("")
        self.progress.start(tr("Controleren…"))
        stages = StagedProgress()

        def work(
            progress: Progress, cancelled: Cancelled
        ) -> tuple[submissions.CheckResult, RowsAt]:
            stages.progress = progress
            result = submissions.check(ctx, path, ref, stages, cancelled)
            return result, problem_rows(result)

        self.task = self.shell.tasks.run(
            work,
            long=True,
            progress=self.progress.follow(stages, self._stage_sentence),
            done=self._checked,
            failed=self._failed,
        )
        self._settle()

    def _stage_sentence(self, stage: Stage) -> str:
        """What the check or import is doing, with its counts."""
        done, total = format_number(stage.done, self.lang), format_number(stage.total, self.lang)
        if stage.key == "reading":
            return tr("Bestand lezen: blad {n} van {total} (‘{sheet}’)…").format(
                n=stage.done + 1, total=stage.total, sheet=stage.part
            )
        if stage.key == "checking":
            return tr("Rijen controleren (‘{sheet}’): {done} van {total}…").format(
                sheet=stage.part, done=done, total=total
            )
        return tr("Opslaan: {done} van {total} rijen…").format(done=done, total=total)

    def _cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _failed(self, error: BaseException) -> None:
        self.task = None
        self.progress.finish()
        if isinstance(error, TaskCancelled) or getattr(error, "code", "") == "cancelled":
            self.summary.setText(tr("Afgebroken; er is niets gewijzigd."))
        else:
            self.summary.setText(error_sentence(error, self.lang))
        self._update_buttons()
        if not self.isVisible():  # closed meanwhile: the window says what happened
            self.shell.say(self.summary.text())

    def _checked(self, outcome: tuple[submissions.CheckResult, RowsAt]) -> None:
        self.task = None
        self.progress.finish()
        result, self.rows_at = outcome
        self.check_result = result
        counts = result.counts
        found = Counter(p.severity for p in result.problems)  # one pass, however many
        self.summary.setText(
            counted(
                tr(
                    "{sites} {sites|locatie|locaties}, {risks} {risks|risico|risico’s} en "
                    "{measures} {measures|maatregel|maatregelen} gelezen. {errors} "
                    "{errors|fout|fouten}, {warnings} {warnings|waarschuwing|waarschuwingen}, "
                    "{notes} {notes|opmerking|opmerkingen}."
                ),
                sites=counts["sites"],
                risks=counts["risks"],
                measures=counts["measures"],
                errors=found["error"],
                warnings=found["warning"],
                notes=found["note"],
            )
            + (
                " "
                + tr(
                    "Met fouten kan de werkmap niet worden geïmporteerd; stuur de "
                    "leverancier de terugkoppeling."
                )
                if found["error"]
                else ""
            )
        )
        self.model.set_rows(result.problems)
        self._fill_filters(result.problems, found)
        self._update_buttons()
        self.row_view.clear()  # nothing of an earlier check stays in the detail pane
        if result.problems:
            self.table.setFocus()
            self.table.selectRow(0)
            self.show_row()

    def _fill_filters(self, problems: Any, found: Counter[str]) -> None:
        for combo in (self.sheet_filter, self.kind_filter):
            combo.blockSignals(True)
            combo.clear()
        self.sheet_filter.addItem(tr("Alle bladen"), None)
        for sheet in sorted({p.sheet for p in problems}):
            self.sheet_filter.addItem(sheet, sheet)
        self.kind_filter.addItem(tr("Alle soorten"), None)
        for severity in ("error", "warning", "note"):
            if found[severity]:
                self.kind_filter.addItem(severity_label(severity), severity)
        for combo in (self.sheet_filter, self.kind_filter):
            combo.blockSignals(False)

    def _filter(self) -> None:
        sheet = self.sheet_filter.currentData()
        kind = self.kind_filter.currentData()
        if sheet is None and kind is None:
            self.model.set_filter(None)
            return
        self.model.set_filter(
            lambda p: (sheet is None or p.sheet == sheet) and (kind is None or p.severity == kind)
        )

    def show_row(self) -> None:
        """Show what the workbook holds in the problem's row (the 'jump to the row')."""
        problem = self.table.selected()
        if problem is None or self.check_result is None:
            self.row_view.clear()
            return
        esc = html.escape
        key = _sheet_key(problem.sheet)
        found = self.rows_at.get((key, problem.row))
        sheet = f"<b>{esc(problem.sheet)}</b>"
        place = [problem.sheet]
        if problem.row:
            place.append(tr("rij {row}").format(row=problem.row))
        if problem.column:
            place.append(tr("kolom {column}").format(column=header_key_shown(problem.column)))
        lines = [
            f"<p><b>{esc(severity_label(problem.severity))}</b> ({esc(', '.join(place))})</p>",
            f"<p>{esc(self._message(problem))}</p>",
        ]
        if problem.value not in (None, ""):
            lines.append(f"<p><b>{esc(tr('Gevonden waarde'))}</b>: {esc(str(problem.value))}</p>")
        lines.append(
            f"<hr><p>{sheet}, " + esc(tr("rij {row}").format(row=problem.row)) + "</p>"
            if problem.row
            else f"<hr><p>{sheet}</p>"
        )
        if found is not None:
            lines.append("<table cellpadding='2'>")
            for header, text in row_in_words(key, found, self.lang):
                lines.append(f"<tr><td><b>{esc(header)}</b></td><td>{esc(text)}</td></tr>")
            lines.append("</table>")
        else:
            lines.append("<p>" + esc(tr("Deze rij kon niet als geheel worden gelezen.")) + "</p>")
        self.row_view.setHtml("".join(lines))

    # -- import and feedback -------------------------------------------------------------
    def do_import(self, allow_warnings: bool = False) -> None:
        if self.check_result is None:
            return
        if self.check_result.warnings and not allow_warnings:
            if not widgets.ask(
                self,
                tr("Importeren met waarschuwingen?"),
                self._warnings_question(self.check_result.warnings),
                tr("&Toch importeren"),
                tr("&Niet importeren"),
            ):
                return
            allow_warnings = True
        path = Path(self.path.text().strip())
        ref = self.contract.currentText().strip()
        ctx = self.shell.context
        self.progress.start(tr("Importeren…"))
        stages = StagedProgress()

        def work(progress: Progress, cancelled: Cancelled) -> submissions.ImportResult:
            stages.progress = progress
            return submissions.import_workbook(
                ctx, path, ref, stages, cancelled, allow_warnings=allow_warnings
            )

        self.task = self.shell.tasks.run(
            work,
            long=True,
            write=True,
            progress=self.progress.follow(stages, self._stage_sentence),
            done=self._imported,
            failed=self._failed,
        )
        self._settle()

    def _message(self, problem: Any) -> str:
        return locator.catalog().text(problem.code, self.lang, **dict(problem.params))

    def _warnings_question(self, warnings: Any, shown: int = 8) -> str:
        """The question names the warnings it asks about (the first ``shown``)."""
        lines = [
            counted(tr("De werkmap heeft {n} {n|waarschuwing|waarschuwingen}:"), n=len(warnings))
        ]
        for problem in warnings[:shown]:
            place = problem.sheet + (
                ", " + tr("rij {row}").format(row=problem.row) if problem.row else ""
            )
            lines.append(f"• {place}: {self._message(problem)}")
        if len(warnings) > shown:
            rest = len(warnings) - shown
            lines.append(tr("… en nog {n}; zie de lijst.").format(n=rest))
        lines.append(tr("Toch importeren?"))
        return "\n".join(lines)

    def _imported(self, outcome: submissions.ImportResult) -> None:
        self.task = None
        self.progress.finish()
        if outcome.status == "imported":
            self.imported = True
            self.summary.setText(
                tr("Geïmporteerd als versie {version}.").format(version=outcome.version_no)
            )
        elif outcome.status == "duplicate":
            self.summary.setText(
                tr(
                    "Deze werkmap was al geïmporteerd als versie {version}; er is niets toegevoegd."
                ).format(version=outcome.version_no)
            )
        else:
            self.summary.setText(tr("Niet geïmporteerd: de werkmap heeft fouten."))
        self._update_buttons()

    def write_feedback(self) -> None:
        if self.check_result is None:
            return
        source = Path(self.path.text().strip())
        suggested = source.with_name(source.stem + "-terugkoppeling.xlsx")
        target = widgets.ask_save_path(
            self, tr("Terugkoppeling opslaan"), str(suggested), tr("Excel-werkmap (*.xlsx)")
        )
        if not target:
            return
        ctx, result = self.shell.context, self.check_result
        self.shell.tasks.run(
            lambda: submissions.write_feedback(ctx, source, result, Path(target)),
            write=True,
            done=self._feedback_saved,
            failed=self._failed,
        )

    def _feedback_saved(self, path: Path) -> None:
        self.summary.setText(
            tr("Terugkoppeling opgeslagen in {folder}: {name}").format(
                folder=path.parent, name=path.name
            )
        )
        self.shell.saved(path)

    def reject(self) -> None:
        """Closing while a check or an import runs asks: wait, or stop it (and say so)."""
        if self.task is not None:
            if not widgets.ask(
                self,
                tr("Werk loopt nog"),
                tr(
                    "De werkmap wordt nog gecontroleerd of ingelezen. Afbreken? Er wordt "
                    "dan niets opgeslagen."
                ),
                tr("&Afbreken"),
                tr("&Wachten"),
            ):
                return
            self.task.cancel()
            self.shell.say(tr("Het controleren of inlezen is afgebroken; er is niets gewijzigd."))
        super().reject()


def header_key_shown(header: str) -> str:
    """A column's header as the problem list shows it: without the required mark (" *",
    which the written workbook puts after a required header, or " (*)" after one required
    in some rows)."""
    return header.removesuffix(" (*)").removesuffix(" *")


def _sheet_key(name: str) -> str:
    layout = submissions.table_layout(name)
    return layout.key if layout is not None else name.strip().casefold()


def row_in_words(sheet_key: str, values: dict[str, Any], lang: str) -> list[tuple[str, str]]:
    """A row as the supplier filled it in: each column under its header in the workbook,
    codes in words (theme, severity, likelihood, status, country), then the priority the
    check gave a risk."""
    reference = locator.reference()
    layout = submissions.table_layout(sheet_key)
    out: list[tuple[str, str]] = []
    for column in layout.columns if layout is not None else ():
        value = values.get(column.field)
        try:
            if value is None or value == "":
                text = ""
            elif column.kind == "theme":
                text = reference.theme(value).text(lang)
            elif column.kind in ("severity", "likelihood"):
                scale = reference.severity if column.kind == "severity" else reference.likelihood
                text = scale.label(value, lang)
            elif column.kind == "status":
                text = reference.label("measure_statuses", value, lang)
            elif column.kind == "country":
                text = country_label(value, lang)
            else:  # a percentage (a float) shows as 40 or 37,5
                text = show_value(value, lang)
        except (KeyError, ValueError, IndexError):  # a code without words: shown as it is
            text = str(value)
        out.append((column.header(lang), text))
    if values.get("priority"):
        out.append((tr("Prioriteit"), reference.label("priorities", values["priority"], lang)))
    return out


def problem_rows(result: submissions.CheckResult) -> RowsAt:
    """The workbook's values of each row a problem points at, by (sheet key, row number).

    Runs on the worker thread with the check: a submission can be large, and searching
    its rows when the user selects a problem (on the GUI thread) would freeze the window.
    Only rows with a problem are kept.
    """
    wanted: dict[str, set[int]] = {}
    for problem in result.problems:
        if problem.row:
            wanted.setdefault(_sheet_key(problem.sheet), set()).add(problem.row)
    submission = result.submission
    found: RowsAt = {}
    for key, table in (
        ("sites", submission.site_table),
        ("risks", submission.risk_table),
        ("measures", submission.measure_table),
    ):
        numbers = wanted.get(key)
        if not numbers:
            continue
        shown = [
            (name, column)
            for name, column in zip(table.fields, table.columns, strict=True)
            if name != "row"
        ]
        for k, number in enumerate(table.column("row")):
            if number in numbers:
                found[(key, number)] = {name: column[k] for name, column in shown}
    return found
