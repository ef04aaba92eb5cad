"""Small shared pieces of the window: tables, errors, progress, accessibility, a chart."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, QRectF, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QPainter, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from app import settings
from app.domain.errors import IsvError
from app.domain.formatting import month_names
from app.domain.progress import Stage, StagedProgress
from app.ui.i18n import tr

if TYPE_CHECKING:  # the table models load with the first screen, after the window shows
    from app.ui.models import RowTableModel

log = logging.getLogger(__name__)


def window_settings() -> QSettings:
    """Window state (geometry, table layouts): kept apart from user preferences."""
    path = settings.config_dir() / "window.ini"
    return QSettings(str(path), QSettings.Format.IniFormat)


def a11y(widget: QWidget, name: str, description: str = "") -> QWidget:
    """Give a widget its accessible name and description (the description doubles as
    the tooltip, so sighted users get the same hint)."""
    widget.setAccessibleName(name)
    if description:
        widget.setAccessibleDescription(description)
        widget.setToolTip(description)
    return widget


def button(
    text: str,
    description: str,
    slot: Callable[[], Any] | None = None,
    shortcut: str | QKeySequence | None = None,
) -> QPushButton:
    widget = QPushButton(text)
    a11y(widget, text.replace("&", ""), description)
    if slot is not None:
        widget.clicked.connect(lambda _checked=False: slot())
    if shortcut is not None:
        widget.setShortcut(QKeySequence(shortcut))
    return widget


def heading(text: str, level: int = 1) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * (1.45 if level == 1 else 1.15))
    font.setBold(True)
    label.setFont(font)
    label.setAccessibleName(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def note(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class DataTable(QTableView):
    """A table over a :class:`RowTableModel`: sortable by header click (in the model),
    whole rows selected, Enter or double-click activates, layout remembered."""

    row_activated = Signal(object)

    def __init__(
        self,
        model: RowTableModel[Any],
        key: str,
        name: str,
        description: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.key = key
        self.setModel(model)
        # No sort until the user asks: the rows keep the order the service gave them
        # (setSortingEnabled sorts at once by the indicator, which defaults to column 0).
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for number, column in enumerate(model.columns):
            if column.width:
                self.setColumnWidth(number, column.width)
            if column.stretch:
                header.setStretchLastSection(False)
                self._stretch = number
        a11y(self, name, description)
        a11y(
            header,
            tr("Kolomkoppen van {table}").format(table=name),
            tr("Klik op een kolomkop om op die kolom te sorteren"),
        )
        self.doubleClicked.connect(lambda index: self._activate(index.row()))
        self._restore()
        self._fit_titles()
        header.sectionResized.connect(lambda *_: self.save_layout())
        header.sectionMoved.connect(lambda *_: self.save_layout())

    _stretch = -1

    def _title_width(self, number: int) -> int:
        return int(self.horizontalHeader().sectionSizeFromContents(number).width())

    def _fit_titles(self) -> None:
        """No column narrower than its title in the language shown (widths saved in
        another language, or declared for the Dutch titles, would cut it)."""
        header = self.horizontalHeader()
        for number in range(header.count()):
            if header.sectionSize(number) < self._title_width(number):
                self.setColumnWidth(number, self._title_width(number))

    def resizeEvent(self, event: Any) -> None:
        """The stretching column takes the extra width, but never shrinks below its own
        width (a small screen scrolls sideways instead of hiding the title)."""
        super().resizeEvent(event)
        header = self.horizontalHeader()
        if self._stretch < 0:
            self._keep_last_title(header)
            return
        others = sum(
            header.sectionSize(n)
            for n in range(header.count())
            if n != self._stretch and not header.isSectionHidden(n)
        )
        base = self.table_model().columns[self._stretch].width or 150
        self.setColumnWidth(self._stretch, max(base, self.viewport().width() - others))

    def _keep_last_title(self, header: QHeaderView) -> None:
        """The last column fills the rest of the row, unless the rest is narrower than
        its title: then it keeps its title's width and the table scrolls sideways."""
        visible = [n for n in range(header.count()) if not header.isSectionHidden(n)]
        if not visible:
            return
        last = max(visible, key=header.visualIndex)
        others = sum(header.sectionSize(n) for n in visible if n != last)
        fits = self.viewport().width() - others >= self._title_width(last)
        if header.stretchLastSection() != fits:
            header.setStretchLastSection(fits)
            if not fits:
                self.setColumnWidth(last, self._title_width(last))

    def table_model(self) -> RowTableModel[Any]:
        from app.ui.models import RowTableModel  # with the first table, not at start-up

        model = self.model()
        assert isinstance(model, RowTableModel)
        return model

    def _activate(self, row: int) -> None:
        if 0 <= row < self.table_model().rowCount():
            self.row_activated.emit(self.table_model().row(row))

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._activate(self.currentIndex().row())
            return
        super().keyPressEvent(event)

    def selected(self) -> Any | None:
        index = self.currentIndex()
        if not index.isValid():
            return None
        return self.table_model().row(index.row())

    def save_layout(self) -> None:
        window_settings().setValue(f"tables/{self.key}", self.horizontalHeader().saveState())

    def _restore(self) -> None:
        state = window_settings().value(f"tables/{self.key}")
        if isinstance(state, QByteArray | bytes):
            self.horizontalHeader().restoreState(QByteArray(state))
            self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)


def plan_months_box() -> QSpinBox:
    """Months after the contract start within which the plan of action is due, with the
    clause's own range and default."""
    from app.domain.clauses import DEFAULT_PLAN_MONTHS, PLAN_MONTHS_RANGE  # not at start-up

    box = QSpinBox()
    box.setRange(*PLAN_MONTHS_RANGE)
    box.setValue(DEFAULT_PLAN_MONTHS)
    box.setSuffix(" " + tr("maanden"))
    return box


def report_month_box(lang: str) -> QComboBox:
    """The month by whose end each yearly report is due (its number as the item data)."""
    from app.domain.clauses import DEFAULT_REPORT_MONTH  # the clause rules: not at start-up

    box = QComboBox()
    for number, name in enumerate(month_names(lang), start=1):
        box.addItem(name, number)
    box.setCurrentIndex(DEFAULT_REPORT_MONTH - 1)
    return box


def filter_box(placeholder: str, name: str, on_change: Callable[[str], None]) -> QLineEdit:
    box = QLineEdit()
    box.setPlaceholderText(placeholder)
    box.setClearButtonEnabled(True)
    a11y(box, name, placeholder)
    box.textChanged.connect(on_change)
    return box


def error_sentence(error: BaseException, lang: str) -> str:
    """A typed error in words; anything else as 'unexpected', the details to the log."""
    from app import locator

    if isinstance(error, IsvError):
        return locator.catalog().error(error, lang)
    log.error("unexpected error in the window", exc_info=error)
    from app.settings import log_dir

    return locator.message(
        "unexpected_error",
        lang,
        problem=type(error).__name__,
        log=str(log_dir() / "isv-assistent.log"),
    )


def show_error(
    parent: QWidget | None, error: BaseException, lang: str, title: str | None = None
) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or tr("Dat lukte niet"))
    box.setText(error_sentence(error, lang))
    box.setAccessibleName(tr("Foutmelding"))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


class ProgressPanel(QFrame):
    """A progress bar with a sentence and a cancel button, shown inline during long work."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setTextVisible(True)
        self.bar.setMinimumWidth(220)  # room for the percentage, also in a status bar
        a11y(self.bar, tr("Voortgang"), tr("Hoe ver het werk op de achtergrond is"))
        self.cancel = button(
            tr("Afbreken"),
            tr("Het werk stoppen; er wordt niets gewijzigd"),
            self.cancel_requested.emit,
        )
        layout.addWidget(self.label)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancel)
        # Hidden, the panel keeps its place: showing it must not lay out the screen again.
        # A new layout repaints the tables beside it, and a repaint asks the Python model
        # for every visible cell while the work holds the interpreter lock most of the
        # time, and the window would freeze at the start of each import.
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        self.hide()

    def start(self, text: str, cancellable: bool = True) -> None:
        self.label.setText(text)
        self.bar.setRange(0, 0)
        self.cancel.setVisible(cancellable)
        self.cancel.setEnabled(True)
        self.show()

    def step(self, done: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))

    def follow(
        self, stages: StagedProgress, describe: Callable[[Stage], str]
    ) -> Callable[[int, int], None]:
        """A progress callback for work in stages: the bar, and beside it the stage the
        work reached, in words (``describe``)."""

        def step(done: int, total: int) -> None:
            if stages.current is not None:
                self.label.setText(describe(stages.current))
            self.step(done, total)

        return step

    def finish(self) -> None:
        self.hide()


class BarChart(QWidget):
    """A horizontal bar chart painted with the palette's own colours (QtCharts is not in
    PySide6-Essentials). Bars are (label, value); clicking a bar reports its index."""

    bar_activated = Signal(int)

    def __init__(self, name: str, description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[tuple[str, int]] = []
        # no fixed minimum height: minimumSizeHint() reserves room for every bar
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        a11y(self, name, description)

    def set_bars(self, bars: Sequence[tuple[str, int]]) -> None:
        self._bars = list(bars)
        self.setAccessibleDescription("; ".join(f"{label}: {value}" for label, value in bars))
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        _label_width, rows = self._rows(max(self.width(), 320))
        return QSize(320, max(120, sum(rows) + 8))

    def minimumSizeHint(self) -> QSize:
        """Room for every bar: a layout never squeezes them (a scroll area scrolls)."""
        return QSize(160, self.heightForWidth(max(self.width(), 320)))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(120, sum(self._rows(width)[1]) + 8)

    def _rows(self, width: int) -> tuple[int, list[int]]:
        """The labels' column width and each bar's height: a label too long for its
        column wraps onto a second line (the OESO steps' long names at 1366×768)."""
        metrics = self.fontMetrics()
        line = metrics.height() + 8
        label_width = (
            max((metrics.horizontalAdvance(label) for label, _ in self._bars), default=0) + 12
        )
        number_width = metrics.horizontalAdvance("00000") + 8
        # whole labels where the bars keep a fair share; a narrow chart wraps them
        label_width = min(label_width, max(int(width * 0.55), width - number_width - 70))
        flags = Qt.AlignmentFlag.AlignRight | Qt.TextFlag.TextWordWrap
        rows = []
        for label, _value in self._bars:
            needed = metrics.boundingRect(0, 0, label_width - 8, 10 * line, flags, label).height()
            rows.append(line if needed <= metrics.height() else min(needed, 2 * line) + 8)
        return label_width, rows

    def _label_at(self, y: int) -> tuple[str, int] | None:
        top = 4
        for bar, height in zip(self._bars, self._rows(self.width())[1], strict=True):
            if top <= y < top + height:
                return bar
            top += height
        return None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:  # the whole label and its number
            found = self._label_at(int(event.pos().y()))  # type: ignore[attr-defined]
            if found is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), f"{found[0]}: {found[1]}", self)  # type: ignore[attr-defined]
            return True
        return super().event(event)

    def paintEvent(self, _event: Any) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        metrics = self.fontMetrics()
        line = metrics.height() + 8
        label_width, rows = self._rows(self.width())
        number_width = metrics.horizontalAdvance("00000") + 8
        top = 4
        most = max((value for _, value in self._bars), default=0) or 1
        room = max(10, self.width() - label_width - number_width - 8)
        bar_colour = palette.color(QPalette.ColorRole.Highlight)
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        for (label, value), height in zip(self._bars, rows, strict=True):
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(0, top + 4, label_width - 8, height - 8),
                Qt.AlignmentFlag.AlignRight
                | Qt.AlignmentFlag.AlignVCenter
                | Qt.TextFlag.TextWordWrap,
                label,
            )
            middle = top + (height - line) / 2
            width = room * value / most
            painter.fillRect(
                QRectF(label_width, middle + 4, max(width, 1 if value else 0), line - 8),
                bar_colour,
            )
            painter.drawText(
                QRectF(label_width + width + 6, middle, number_width, line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                str(value),
            )
            top += height
        if self.hasFocus():
            painter.setPen(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()


def ask(parent: QWidget | None, title: str, text: str, yes: str, no: str) -> bool:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    a11y(yes_button, yes.replace("&", ""))
    a11y(no_button, no.replace("&", ""))
    box.setDefaultButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button


def shortcut(parent: QWidget, keys: str | QKeySequence, slot: Callable[[], Any]) -> QShortcut:
    item = QShortcut(QKeySequence(keys), parent)
    item.activated.connect(slot)
    return item


class SimpleDialog(QDialog):
    """A dialog with a vertical layout and OK/Cancel; ``body`` is where fields go."""

    def __init__(self, parent: QWidget | None, title: str, ok_text: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        self.body = QVBoxLayout()
        layout.addLayout(self.body)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        ok.setText(ok_text or tr("OK"))
        cancel.setText(tr("Annuleren"))
        a11y(ok, ok.text().replace("&", ""))
        a11y(cancel, tr("Annuleren"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.changed = False
        self._watching = False

    def showEvent(self, event: Any) -> None:
        """Once shown (its fields are in place): every edit marks the form changed."""
        if not self._watching:
            self._watching = True
            for signal in _edit_signals(self):
                signal.connect(self._mark_changed)
        super().showEvent(event)

    def _mark_changed(self, *_args: Any) -> None:
        self.changed = True

    def accept(self) -> None:
        """Not while a date field holds text that is no date (it is named there)."""
        from app.ui.forms import invalid_date_in

        if invalid_date_in(self) is not None:
            return
        super().accept()

    def reject(self) -> None:
        """Escape, Annuleren or closing: a changed form asks before its input goes."""
        if self.changed and not ask(
            self,
            tr("Invoer weggooien?"),
            tr("U hebt in dit venster iets ingevuld of gewijzigd. Wilt u dat weggooien?"),
            tr("&Weggooien"),
            tr("&Doorgaan met invullen"),
        ):
            return
        super().reject()


def _edit_signals(dialog: QWidget) -> list[Any]:
    """The signals by which a person changes the fields of ``dialog``."""
    from PySide6.QtWidgets import QAbstractButton, QPlainTextEdit, QTextEdit

    from app.ui.forms import DateField

    found: list[Any] = []
    for child in dialog.findChildren(QWidget):
        if isinstance(child, QLineEdit):
            found.append(child.textEdited)
        elif isinstance(child, QPlainTextEdit | QTextEdit) and not child.isReadOnly():
            found.append(child.textChanged)
        elif isinstance(child, QComboBox):
            found.append(child.activated)
            if child.isEditable():
                found.append(child.editTextChanged)
        elif isinstance(child, QSpinBox):
            found.append(child.valueChanged)
        elif isinstance(child, QAbstractButton) and child.isCheckable():
            found.append(child.clicked)
        elif isinstance(child, DateField):
            found.append(child.calendar.clicked)
    return found


def file_kind(filters: str) -> str:
    """The kind of file a dialog is for, from its filter: ``*.xlsx`` gives ``xlsx``."""
    found = re.search(r"\*\.(\w+)", filters)
    return found.group(1).lower() if found else "other"


def last_folder(kind: str) -> Path | None:
    """The folder last used for this kind of file, if it still exists."""
    value = window_settings().value(f"folders/{kind}")
    folder = Path(str(value)) if value else None
    return folder if folder is not None and folder.is_dir() else None


def remember_folder(kind: str, path: str) -> None:
    store = window_settings()
    store.setValue(f"folders/{kind}", str(Path(path).parent))
    store.sync()


def ask_save_path(parent: QWidget | None, title: str, suggested: str, filters: str) -> str:
    """Where to save a file, starting in the folder last used for this kind of file
    (tests replace this one function)."""
    from PySide6.QtWidgets import QFileDialog

    kind = file_kind(filters)
    name = Path(suggested).name
    folder = last_folder(kind) or (
        Path(suggested).parent if Path(suggested).parent != Path() else Path.home()
    )
    path, _ = QFileDialog.getSaveFileName(parent, title, str(folder / name), filters)
    if path:
        remember_folder(kind, path)
    return path


def ask_open_path(parent: QWidget | None, title: str, folder: str, filters: str) -> str:
    """Which file to open, starting in the folder last used for this kind of file
    (tests replace this one function)."""
    from PySide6.QtWidgets import QFileDialog

    kind = file_kind(filters)
    start = last_folder(kind) or folder
    path, _ = QFileDialog.getOpenFileName(parent, title, str(start), filters)
    if path:
        remember_folder(kind, path)
    return path
