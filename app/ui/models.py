"""The one table model: a list of row values shown through declared columns.

Sorting and filtering happen here, on the Python list: a ``QSortFilterProxyModel`` calls
back into Python for every comparison, which is far slower on large tables than sorting
the list and resetting the model.
Column titles are functions, so a language switch only needs ``retranslate()``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.domain.formatting import (
    format_money,
    format_number,
    format_short_date,
    format_yes_no,
)

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[Row]):
    """How one column shows a row: ``value`` gives the raw value (used for sorting),
    ``text`` the shown text (default: formatted by type), ``title`` the header."""

    key: str
    title: Callable[[], str]
    value: Callable[[Row], Any]
    text: Callable[[Row], str] | None = None
    tooltip: Callable[[Row], str | None] | None = None
    colour: Callable[[Row], str | None] | None = None  # a role name, see COLOURS
    align_right: bool = False
    width: int = 0
    stretch: bool = False  # this column takes the window's extra width


# Colours by meaning; each keeps readable contrast on light and dark palettes because it
# is only ever a background tint under the palette's own text colour.
COLOURS = {
    "high": QColor(220, 60, 50, 70),
    "medium": QColor(235, 160, 40, 70),
    "low": QColor(60, 160, 80, 55),
    "overdue": QColor(220, 60, 50, 70),
    "soon": QColor(235, 160, 40, 70),
    "done": QColor(60, 160, 80, 55),
    "muted": QColor(128, 128, 128, 50),
}


# Roles and flags as plain values, made once: Qt asks ``data()`` seven times per visible
# cell on every repaint (text, icon, font, alignment, colours, check state), and building
# a Qt enum or comparing against one costs more than the answer. Roles this model never
# answers are turned away first.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_USER = int(Qt.ItemDataRole.UserRole)
_ANSWERED = frozenset((_DISPLAY, _ACCESSIBLE, _TOOLTIP, _BACKGROUND, _ALIGNMENT, _USER))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_NO_FLAGS = Qt.ItemFlag.NoItemFlags


def show_value(value: Any, lang: str) -> str:
    """A value as text in the window's language."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return format_yes_no(value, lang)
    if isinstance(value, dt.date):
        return short_date(value, lang)
    if isinstance(value, Decimal):
        return format_money(value, lang)
    if isinstance(value, int):
        return format_number(value, lang)
    if isinstance(value, float):  # as few decimals as it has, at most two: 7, 7,5, 7,25
        places = next(n for n in (0, 1, 2) if n == 2 or round(value, n) == value)
        return format_number(value, lang, places)
    return str(value)


def short_date(day: dt.date, lang: str) -> str:
    """Dates in tables: ``20-11-2026`` in Dutch, ``20 Nov 2026`` in English."""
    return format_short_date(day, lang)


def _sort_key(value: Any) -> tuple[int, Any]:
    """Empty values last; otherwise by the natural order of the type (text case-blind)."""
    if value is None or value == "":
        return (1, "")
    if isinstance(value, str):
        return (0, value.casefold())
    if isinstance(value, bool):
        return (0, int(value))
    return (0, value)


class RowTableModel(QAbstractTableModel, Generic[Row]):
    """Rows of any frozen value, columns declared once; sorting and filtering in here."""

    def __init__(
        self, columns: Sequence[Column[Row]], lang: str = "nl", parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.lang = lang
        self._all: list[Row] = []
        self._rows: list[Row] = []
        self._filter: Callable[[Row], bool] | None = None
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # -- data in -------------------------------------------------------------------------
    def set_rows(self, rows: Iterable[Row]) -> None:
        self.beginResetModel()
        self._all = list(rows)
        self._apply()
        self.endResetModel()

    def set_filter(self, accept: Callable[[Row], bool] | None) -> None:
        self.beginResetModel()
        self._filter = accept
        self._apply()
        self.endResetModel()

    def _apply(self) -> None:
        rows = self._all if self._filter is None else [r for r in self._all if self._filter(r)]
        if self._sort is not None:
            column, order = self._sort
            getter = self.columns[column].value
            rows = sorted(
                rows,
                key=lambda r: _sort_key(getter(r)),
                reverse=order == Qt.SortOrder.DescendingOrder,
            )
        elif rows is self._all:
            rows = list(rows)
        self._rows = rows

    def retranslate(self, lang: str) -> None:
        self.lang = lang
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(self.columns) - 1)
            )

    # -- data out ------------------------------------------------------------------------
    def row(self, index: Index | int) -> Row:
        number = index if isinstance(index, int) else index.row()
        return self._rows[number]

    def rows(self) -> list[Row]:
        return list(self._rows)

    @property
    def total(self) -> int:
        return len(self._all)

    def row_of(self, accept: Callable[[Row], bool]) -> int:
        for number, row in enumerate(self._rows):
            if accept(row):
                return number
        return -1

    # -- Qt ------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if role not in _ANSWERED or not index.isValid():
            return None
        number = index.row()
        if number >= len(self._rows):
            return None
        row = self._rows[number]
        column = self.columns[index.column()]
        if role in (_DISPLAY, _ACCESSIBLE):
            if column.text is not None:
                return column.text(row)
            return show_value(column.value(row), self.lang)
        if role == _BACKGROUND:
            if column.colour is None:
                return None
            name = column.colour(row)
            return QBrush(COLOURS[name]) if name in COLOURS else None
        if role == _ALIGNMENT:
            return _RIGHT if column.align_right else None
        if role == _TOOLTIP:
            return column.tooltip(row) if column.tooltip is not None else None
        return column.value(row)  # _USER

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.columns):
                return self.columns[section].title()
            return None
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else _NO_FLAGS

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        rows_before = [self._rows[i.row()] for i in old]
        self._sort = (column, order)
        self._apply()
        position = {id(r): n for n, r in enumerate(self._rows)}
        self.changePersistentIndexList(
            old,
            [
                self.index(position[id(r)], i.column()) if id(r) in position else QModelIndex()
                for r, i in zip(rows_before, old, strict=True)
            ],
        )
        self.layoutChanged.emit()
