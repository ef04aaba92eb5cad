"""The reading rules of one cell of the supplier workbook: one validator per kind of cell.

:func:`validator` gives, for a column of :mod:`app.io.workbook_layout`, the function that
turns a non-empty cell's value into what is stored, or raises :class:`CellError` with a
message code. Ranges are the column's own, clamped to what the storage can hold.
Text a spreadsheet would take for a formula is found by the one rule of
:mod:`app.io.xlsx_safe`.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from app.domain.characters import NOT_XML
from app.domain.countries import CountryTable, fold
from app.domain.reference import Reference
from app.domain.values import STORED_INT_MAX, STORED_INT_MIN
from app.io.workbook_layout import Column

SHOWN_VALUE = 200  # characters of a found value kept in a problem
KEY_LIMIT = 100
TEXT_LIMIT = 32_767  # what one spreadsheet cell can hold
EXCEL_EPOCH = dt.date(1899, 12, 30)

_DATE_DMY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_DATE_YMD = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DUTCH_NUMBER = re.compile(r"[+-]?\d{1,3}(?:\.\d{3})*(?:,\d+)?|[+-]?\d+,\d+")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_THOUSANDS_ONLY = re.compile(r"[+-]?\d{1,3}(?:\.\d{3})+")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
_KVK = re.compile(r"\d{8}")

Validator = Callable[[Any], Any]


class CellError(Exception):
    """A cell that does not pass; carries the message code and its parameters."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def is_empty(value: Any) -> bool:
    return value == "" or value is None or (type(value) is str and not value.strip())


def shown(value: Any) -> str:
    """A found value as text for a problem report."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        text = str(int(value))
    elif isinstance(value, dt.datetime):
        text = value.isoformat(sep=" ")
    elif isinstance(value, dt.date):
        text = value.isoformat()
    else:
        text = str(value)
    return text if len(text) <= SHOWN_VALUE else text[:SHOWN_VALUE] + "…"


def as_text(value: Any) -> str:
    """A cell's value as trimmed text (numbers without a trailing ``.0``)."""
    if type(value) is str:
        return value.strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def parse_date(value: Any) -> dt.date:
    """Real dates, Excel serial numbers, and 31-12-2026, 31/12/2026 or 2026-12-31."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise CellError("wb_invalid_date")
    if isinstance(value, int | float):
        if not (1 <= value < 2_958_466) or value != int(value):
            raise CellError("wb_invalid_date")
        return EXCEL_EPOCH + dt.timedelta(days=int(value))
    if isinstance(value, str):
        text = value.strip()
        try:
            match = _DATE_DMY.fullmatch(text)
            if match:
                return dt.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
            match = _DATE_YMD.fullmatch(text)
            if match:
                return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            raise CellError("wb_invalid_date") from None
    raise CellError("wb_invalid_date")


def parse_number(value: Any, whole: bool = False) -> float:
    """Real numbers, and text in Dutch (``1.234,5``) or plain (``1234.5``) notation.

    Text with a comma is Dutch (dots group thousands). Text with dots only is plain,
    except that a whole-number field reads ``1.234`` as 1234 (Dutch grouping).
    """
    if isinstance(value, bool):
        raise CellError("wb_invalid_number")
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        text = value.strip().replace("\u00a0", "").replace(" ", "")
        if text.endswith("%"):
            text = text[:-1]
        if len(text) > 40:  # no number a workbook holds is written this long
            raise CellError("wb_invalid_number")
        if "," in text:
            if not _DUTCH_NUMBER.fullmatch(text):
                raise CellError("wb_invalid_number")
            number = float(text.replace(".", "").replace(",", "."))
        elif whole and _THOUSANDS_ONLY.fullmatch(text):
            number = float(text.replace(".", ""))
        elif _PLAIN_NUMBER.fullmatch(text):
            number = float(text)
        else:
            raise CellError("wb_invalid_number")
    else:
        raise CellError("wb_invalid_number")
    if math.isnan(number) or math.isinf(number):
        raise CellError("wb_invalid_number")
    return number


@dataclass
class Rules:
    """Lookups built once per read: countries and labels, each cached by raw value."""

    countries: CountryTable
    labels: dict[str, dict[str, str | int]]
    allowed: dict[str, tuple[str, str]]  # per group: the choices in Dutch, in English
    country_cache: dict[str, str | None] = field(default_factory=dict)
    label_cache: dict[tuple[str, str], str | int | None] = field(default_factory=dict)

    @classmethod
    def from_reference(cls, reference: Reference, countries: CountryTable) -> Rules:
        groups: dict[str, list[tuple[str | int, Iterable[str]]]] = {
            "theme": [
                (t.code, (t.code, str(i), t.nl, t.en)) for i, t in enumerate(reference.themes, 1)
            ],
            "severity": [(int(x.code), (x.code, x.nl, x.en)) for x in reference.severity.values],
            "likelihood": [
                (int(x.code), (x.code, x.nl, x.en)) for x in reference.likelihood.values
            ],
            "status": [
                (x.code, (x.code, str(i), x.nl, x.en))
                for i, x in enumerate(reference.measure_statuses, 1)
            ],
            "grievance": [(x.code, (x.code, x.nl, x.en)) for x in reference.grievance_mechanisms],
        }
        labels: dict[str, dict[str, str | int]] = {}
        for group, entries in groups.items():
            table: dict[str, str | int] = {}
            for code, names in entries:
                for text in names:
                    table.setdefault(fold(text), code)
            labels[group] = table

        def choices(named: Iterable[Any], numbered: bool) -> tuple[str, str]:
            listed = list(named)
            dutch = (f"{x.code} {x.nl}" if numbered else x.nl for x in listed)
            english = (f"{x.code} {x.en}" if numbered else x.en for x in listed)
            return ", ".join(dutch), ", ".join(english)

        allowed = {
            "theme": choices(reference.themes, False),
            "severity": choices(reference.severity.values, True),
            "likelihood": choices(reference.likelihood.values, True),
            "status": choices(reference.measure_statuses, False),
            "grievance": choices(reference.grievance_mechanisms, False),
        }
        return cls(countries, labels, allowed)

    def country(self, value: Any) -> str:
        key = value if type(value) is str else as_text(value)
        try:
            code = self.country_cache[key]
        except KeyError:
            code = self.countries.normalise(key)
            self.country_cache[key] = code
        if code is None:
            raise CellError("wb_unknown_country")
        return code

    def label(self, group: str, value: Any) -> str | int:
        cache_key = (group, value if type(value) is str else as_text(value))
        try:
            code = self.label_cache[cache_key]
        except KeyError:
            code = self.labels[group].get(fold(cache_key[1]))
            self.label_cache[cache_key] = code
        if code is None:
            dutch, english = self.allowed[group]
            raise CellError(f"wb_unknown_{group}", allowed=dutch, allowed_en=english)
        return code


def _range(column: Column, *, whole: bool) -> tuple[float | None, float | None, str, str]:
    """The column's range, clamped to the storage's for whole numbers; and its words."""
    low, high = column.low, column.high
    if whole:
        low = STORED_INT_MIN if low is None else max(low, STORED_INT_MIN)
        high = STORED_INT_MAX if high is None else min(high, STORED_INT_MAX)
    low_text = "" if low is None else _plain(low)
    high_text = "∞" if high is None else _plain(high)
    return low, high, low_text, high_text


def _plain(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)


def validator(rules: Rules, column: Column) -> Validator:
    """The function that reads one non-empty cell of ``column``."""
    kind = column.kind
    if kind in {"text", "key"}:
        limit = column.limit or (KEY_LIMIT if kind == "key" else TEXT_LIMIT)

        def text(value: Any) -> str:
            result = value.strip() if type(value) is str else as_text(value)
            if len(result) > limit:
                raise CellError("wb_too_long", limit=limit)
            # every character XML cannot hold is a control, surrogate or unassigned code
            # point, none of which is printable: most text needs no search
            odd = None if result.isprintable() else NOT_XML.search(result)
            if odd is not None:
                raise CellError("wb_invalid_character", at=odd.start() + 1)
            return result

        return text
    if kind == "date":
        return parse_date
    if kind == "country":
        return rules.country
    if kind in {"int", "number"}:
        whole = kind == "int"
        low, high, low_text, high_text = _range(column, whole=whole)

        def number(value: Any) -> float | int:
            parsed = parse_number(value, whole=whole)
            if whole and not parsed.is_integer():
                raise CellError("wb_not_whole_number")
            if (low is not None and parsed < low) or (high is not None and parsed > high):
                raise CellError("wb_out_of_range", low=low_text, high=high_text)
            return int(parsed) if whole else parsed

        return number
    if kind == "email":
        limit = column.limit or TEXT_LIMIT

        def email(value: Any) -> str:
            result = as_text(value)
            if len(result) > limit or not _EMAIL.fullmatch(result) or NOT_XML.search(result):
                raise CellError("wb_invalid_email")
            return result

        return email
    if kind == "kvk":

        def kvk(value: Any) -> str:
            if isinstance(value, float) and value.is_integer() and 0 < value < 1e8:
                result = str(int(value)).zfill(8)
            else:
                result = as_text(value).replace(" ", "")
            if not _KVK.fullmatch(result):
                raise CellError("wb_invalid_kvk")
            return result

        return kvk

    def label(value: Any) -> str | int:
        return rules.label(kind, value)

    return label
