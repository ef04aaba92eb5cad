"""The one rule for text that goes into a workbook: it never becomes a formula.

OWASP CSV/formula injection: a cell whose text starts with ``=``, ``+``, ``-``, ``@``,
a tab, CR or LF may be evaluated by a spreadsheet. openpyxl turns a string starting
with ``=`` into a formula; so every writer passes user and supplier text through
:func:`set_text` (or :func:`text_cell`, :func:`literal_value` on write-only sheets),
which keeps the text exactly and marks the cell as a string.
"""

from __future__ import annotations

from typing import Any

from app.domain.characters import NOT_XML

DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def is_formula_like(text: str) -> bool:
    """The one rule for text a spreadsheet would take for a formula."""
    return text.startswith(DANGEROUS_START)


def clean_xml_text(text: str) -> str:
    """Characters that XML cannot hold are dropped (a writer would refuse the document).

    Input is refused at the edge (the workbook reader, the command line, a merged
    export); this keeps every writer safe for whatever got past anyway."""
    return NOT_XML.sub("", text)


def set_text(cell: Any, value: str | None) -> None:
    """Write ``value`` into an openpyxl cell as literal text, never as a formula."""
    if value is None:
        cell.value = None
        return
    text = clean_xml_text(str(value))
    cell.value = text
    cell.data_type = "s"


def literal_value(sheet: Any, value: str) -> Any:
    """``value`` for a row of a write-only sheet, always literal text: the plain string
    where openpyxl writes it as text anyway (the cheap case, by far the most common),
    else a text cell."""
    if is_formula_like(value):
        return text_cell(sheet, value)
    return clean_xml_text(value)


def text_cell(sheet: Any, value: str | None) -> Any:
    """A write-only cell holding ``value`` as literal text (for ``write_only`` sheets)."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=None)
    set_text(cell, value)
    return cell
