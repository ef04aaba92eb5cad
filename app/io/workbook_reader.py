"""Reading a filled-in supplier workbook: refuse what is not safe, forgive what the spec forgives.

Three stages, each bounded whatever the file declares:

1. :func:`precheck` looks at the raw bytes and the zip directory only (milliseconds):
   not a zip (CSV, HTML, an encrypted workbook or a legacy ``.xls``, which are both OLE
   files), a truncated archive, too many entries, too much uncompressed data, a
   compression ratio of a zip bomb, names with path tricks, XML with a DOCTYPE.
2. Each sheet that will be read is streamed once through ``zipfile`` (which stops at the
   declared size and checks the CRC) to bound its rows and columns before any parser
   allocates a grid for it, and to find formula cells without a cached value. A cell at
   ``XFD1048576`` would make the spreadsheet parser allocate the whole grid at once.
3. python-calamine reads the values; every reading rule of the spec is applied and every
   problem is collected with its sheet, row, column and the value found.

The result is a :class:`~app.domain.submission.Submission` and a list of
:class:`~app.domain.submission.Problem`. An unreadable file raises
:class:`~app.domain.errors.UsageError` with one message code.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import io
import itertools
import math
import operator
import posixpath
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from app.domain.countries import CountryTable, fold
from app.domain.errors import UsageError, ValidationError
from app.domain.reference import Reference
from app.domain.risk import priority
from app.domain.submission import (
    MeasureRow,
    Problem,
    RiskRow,
    RowTable,
    SiteRow,
    Submission,
    SupplierBlock,
)
from app.io.workbook_layout import (
    MEASURES,
    RISKS,
    SHEETS,
    SITES,
    SUPPLIER,
    Column,
    SheetLayout,
    header_key,
    sheet_name_key,
)

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_ENTRIES = 2_000
MAX_TOTAL_UNCOMPRESSED = 512 * 1024 * 1024
MAX_ENTRY_RATIO = 200
MAX_TOTAL_RATIO = 100
RATIO_FLOOR = 1024 * 1024  # smaller entries may compress as well as they like
MAX_ROWS = 250_000
NARROW = 16  # columns A..P pass the fast scan; wider sheets are measured precisely
MAX_CELLS = MAX_ROWS * NARROW  # rows x columns of one sheet's grid
EMPTY_RUN = 10_000  # this many empty rows in a row end a sheet
PARSERS = 2  # sheets parsed at the same time
MAX_XML_HEAD = 64 * 1024
MAX_SMALL_PART = 16 * 1024 * 1024
SHOWN_VALUE = 200  # characters of a found value kept in a problem
KEY_LIMIT = 100
TEXT_LIMIT = 32_767  # what one spreadsheet cell can hold

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")
EXCEL_EPOCH = dt.date(1899, 12, 30)

_DATE_DMY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_DATE_YMD = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DUTCH_NUMBER = re.compile(r"[+-]?\d{1,3}(?:\.\d{3})*(?:,\d+)?|[+-]?\d+,\d+")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_THOUSANDS_ONLY = re.compile(r"[+-]?\d{1,3}(?:\.\d{3})+")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
_KVK = re.compile(r"\d{8}")
_ROOT_PREFIX = re.compile(rb"<(\w+:)?worksheet[\s>]")
_FORMULA_START = ("=", "+", "-", "@")

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


# ---------------------------------------------------------------------------------------
# Stage 1: the container
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SheetPart:
    name: str  # as the workbook names it
    part: str  # the zip entry of its XML


def _refuse(code: str, name: str, **params: Any) -> UsageError:
    return UsageError(code, name=name, **params)


def _sniff_not_zip(data: bytes, name: str) -> UsageError:
    """The one sentence for a file that is not a zip archive at all."""
    if not data:
        return _refuse("wb_empty_file", name)
    if data.startswith(OLE_MAGIC):
        if ENCRYPTION_STREAM in data:
            return _refuse("wb_encrypted", name)
        return _refuse("wb_legacy_xls", name)
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if (
        head.startswith((b"<!doctype html", b"<html", b"<table", b"<head", b"<body", b"<meta"))
        or b"<html" in head[:1024]
    ):
        return _refuse("wb_html", name)
    if head.startswith(b"<?xml") or head.startswith(b"<"):
        return _refuse("wb_not_workbook", name)
    sample = data[:4096]
    if sample and b"\x00" not in sample:
        try:
            text = sample.decode("utf-8")
        except UnicodeDecodeError:
            text = sample.decode("latin-1")
        lines = [line for line in text.splitlines() if line.strip()]
        if lines and any(sep in lines[0] for sep in (",", ";", "\t")):
            return _refuse("wb_csv", name)
    return _refuse("wb_not_workbook", name)


def _safe_entry_name(entry: str) -> bool:
    if not entry or "\x00" in entry or "\\" in entry or entry.startswith("/"):
        return False
    if re.match(r"^[A-Za-z]:", entry):
        return False
    return ".." not in entry.split("/")


def precheck(data: bytes, name: str) -> zipfile.ZipFile:
    """Refuse a file that is not a safe .xlsx, looking only at bytes and the zip directory."""
    if len(data) > MAX_FILE_BYTES:
        raise _refuse("wb_too_large", name, limit=MAX_FILE_BYTES // (1024 * 1024))
    if not data.startswith(b"PK"):
        raise _sniff_not_zip(data, name)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise _refuse("wb_truncated", name) from None
    if len(infos) > MAX_ENTRIES:
        raise _refuse("wb_zip_entries", name, limit=MAX_ENTRIES)
    names = set()
    total = 0
    for info in infos:
        if not _safe_entry_name(info.filename) or info.filename in names:
            raise _refuse("wb_zip_path", name, entry=info.filename[:100])
        names.add(info.filename)
        if info.flag_bits & 0x1:
            raise _refuse("wb_encrypted", name)
        total += info.file_size
        if info.file_size > RATIO_FLOOR and (
            info.compress_size == 0 or info.file_size / info.compress_size > MAX_ENTRY_RATIO
        ):
            raise _refuse("wb_zip_bomb", name)
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise _refuse("wb_too_large", name, limit=MAX_FILE_BYTES // (1024 * 1024))
    if total > RATIO_FLOOR and total / max(len(data), 1) > MAX_TOTAL_RATIO:
        raise _refuse("wb_zip_bomb", name)
    if "mimetype" in names and "xl/workbook.xml" not in names:
        mimetype = _read_small(archive, "mimetype", name, limit=200)
        if b"opendocument" in mimetype:
            raise _refuse("wb_ods", name)
    return archive


def _read_small(
    archive: zipfile.ZipFile, entry: str, name: str, limit: int = MAX_SMALL_PART
) -> bytes:
    """A small part, read whole (its declared size is bounded, and zipfile checks it)."""
    try:
        info = archive.getinfo(entry)
        if info.file_size > limit:
            raise _refuse("wb_too_large", name, limit=MAX_FILE_BYTES // (1024 * 1024))
        with archive.open(info) as handle:
            return handle.read(limit + 1)[:limit]
    except KeyError:
        raise _refuse("wb_not_workbook", name) from None
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError):
        raise _refuse("wb_truncated", name) from None


def _check_xml_head(chunk: bytes, name: str) -> None:
    head = chunk[:MAX_XML_HEAD]
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head or b"<!doctype" in head:
        raise _refuse("wb_xml_entities", name)


def _parse_xml(data: bytes, name: str) -> Any:
    import defusedxml.ElementTree as safe_et
    from defusedxml import DefusedXmlException

    _check_xml_head(data, name)
    try:
        return safe_et.fromstring(data)
    except DefusedXmlException:
        raise _refuse("wb_xml_entities", name) from None
    except Exception:  # any parse error of a damaged part
        raise _refuse("wb_damaged", name) from None


def _workbook_sheets(archive: zipfile.ZipFile, name: str) -> list[SheetPart]:
    """The worksheets in workbook order, with the zip entry of each."""
    names = set(archive.namelist())
    workbook_part = "xl/workbook.xml"
    if "_rels/.rels" in names:
        rels = _parse_xml(_read_small(archive, "_rels/.rels", name), name)
        for rel in rels.iter(f"{{{NS_PKG}}}Relationship"):
            if rel.get("Type", "").endswith("/officeDocument"):
                workbook_part = posixpath.normpath(rel.get("Target", "").lstrip("/"))
    if workbook_part not in names:
        raise _refuse("wb_not_workbook", name)
    folder = posixpath.dirname(workbook_part)
    rels_part = posixpath.join(folder, "_rels", posixpath.basename(workbook_part) + ".rels")
    targets: dict[str, str] = {}
    if rels_part in names:
        rels = _parse_xml(_read_small(archive, rels_part, name), name)
        for rel in rels.iter(f"{{{NS_PKG}}}Relationship"):
            target = rel.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            targets[rel.get("Id", "")] = posixpath.normpath(path)
    book = _parse_xml(_read_small(archive, workbook_part, name), name)
    sheets = []
    for sheet in book.iter(f"{{{NS_MAIN}}}sheet"):
        rel_id = sheet.get(f"{{{NS_REL}}}id", "")
        part = targets.get(rel_id, "")
        sheets.append(SheetPart(sheet.get("name", ""), part))
    for part_name in names:  # every small part calamine opens must be plain XML
        if part_name.endswith((".xml", ".rels")) and not part_name.startswith("xl/worksheets/"):
            _check_xml_head(_read_head(archive, part_name, name), name)
    return sheets


def _read_head(archive: zipfile.ZipFile, entry: str, name: str) -> bytes:
    try:
        with archive.open(entry) as handle:
            return handle.read(MAX_XML_HEAD)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError):
        raise _refuse("wb_truncated", name) from None


# ---------------------------------------------------------------------------------------
# Stage 2: bounding a sheet before it is parsed
# ---------------------------------------------------------------------------------------


@dataclass
class SheetScan:
    max_row: int = 0
    max_col: int = 0
    formulas_without_value: set[tuple[int, int]] = field(default_factory=set)


def _column_number(letters: bytes) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + (ch - 64)
    return number


def scan_sheet(archive: zipfile.ZipFile, part: str, sheet: str, name: str) -> SheetScan:
    """Stream the sheet's XML once: bound its grid, and find formulas without a value.

    Cheap byte counts and one literal-led regular expression find
    the rare cell references that need a closer look (two-letter columns, six-digit
    rows); only the blocks holding them are searched precisely.
    """
    scan = SheetScan()
    try:
        info = archive.getinfo(part)
    except KeyError:
        raise _refuse("wb_not_workbook", name) from None
    prefix = b""
    odd_cell = _odd_cell_pattern(b"")
    formulas = False
    first = True
    carry = b""
    try:
        with archive.open(info) as handle:
            while True:
                chunk = handle.read(1 << 20)
                block = carry + chunk
                if chunk:
                    cut = block.rfind(b">") + 1
                    if cut == 0 and len(block) < (4 << 20):
                        carry = block
                        continue
                    if cut == 0:
                        cut = len(block)
                    block, carry = block[:cut], block[cut:]
                else:
                    carry = b""
                if first:
                    _check_xml_head(block, name)
                    found = _ROOT_PREFIX.search(block[:MAX_XML_HEAD])
                    prefix = (found.group(1) or b"") if found else b""
                    odd_cell = _odd_cell_pattern(prefix)
                    first = False
                if odd_cell.search(block) is not None or (not prefix and block.find(b":c") >= 0):
                    _scan_block_precisely(block, scan, sheet=sheet, name=name)
                if not formulas and block.find(b"</" + prefix + b"f>") >= 0:
                    formulas = True
                if not chunk:
                    break
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError):
        raise _refuse("wb_truncated", name) from None
    # Blocks without a flagged reference hold rows below 100,000 and columns up to P.
    rows = max(scan.max_row, 99_999)
    columns = max(scan.max_col, NARROW)
    if scan.max_row > MAX_ROWS:
        raise _refuse("wb_too_many_rows", name, sheet=sheet, rows=scan.max_row, limit=MAX_ROWS)
    if rows * columns > MAX_CELLS:
        raise _refuse("wb_too_many_columns", name, sheet=sheet, columns=scan.max_col)
    if formulas:
        scan.formulas_without_value = _formulas_without_value(archive, info, name)
    return scan


def _odd_cell_pattern(prefix: bytes) -> re.Pattern[bytes]:
    """Any cell tag not written the usual way: ``<c r="A1"`` with a column up to P and a
    row below 100,000. Usual files never match; it starts with a literal, so it is fast."""
    return re.compile(rb"<" + re.escape(prefix) + rb'c(?! r="[A-P]\d{1,5}")[\s>/]')


_ANY_CELL = re.compile(rb"<(?:[\w.-]+:)?c[\s>/]([^>]*)>")
_POSITION = re.compile(rb"""\sr=["']([A-Z]{1,4})(\d{1,8})["']""")


def _scan_block_precisely(block: bytes, scan: SheetScan, *, sheet: str, name: str) -> None:
    """Every cell tag of the block must carry its position; the largest row and column
    are noted."""
    for match in _ANY_CELL.finditer(block):
        position = _POSITION.search(b" " + match.group(1))
        if position is None:
            raise _refuse("wb_cells_without_position", name, sheet=sheet)
        scan.max_col = max(scan.max_col, _column_number(position.group(1)))
        scan.max_row = max(scan.max_row, int(position.group(2)))


def _formulas_without_value(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str
) -> set[tuple[int, int]]:
    """(row, column) of formula cells whose cached value is missing or empty."""
    import defusedxml.ElementTree as safe_et

    cell_tag, f_tag, v_tag = f"{{{NS_MAIN}}}c", f"{{{NS_MAIN}}}f", f"{{{NS_MAIN}}}v"
    row_tag = f"{{{NS_MAIN}}}row"
    found: set[tuple[int, int]] = set()
    try:
        with archive.open(info) as handle:
            for _event, element in safe_et.iterparse(handle, events=("end",)):
                if element.tag == cell_tag:
                    formula = element.find(f_tag)
                    if formula is not None:
                        value = element.find(v_tag)
                        if (value is None or not value.text) and element.get("t") != "str":
                            match = re.fullmatch(r"([A-Z]{1,3})(\d+)", element.get("r", ""))
                            if match and len(found) < 100_000:
                                found.add(
                                    (int(match.group(2)), _column_number(match.group(1).encode()))
                                )
                    element.clear()
                elif element.tag == row_tag:
                    element.clear()
    except Exception:  # a damaged part: the grid parser will say the same
        raise _refuse("wb_damaged", name) from None
    return found


# ---------------------------------------------------------------------------------------
# Stage 3: values and the reading rules
# ---------------------------------------------------------------------------------------


class _Bad(Exception):
    """A cell that does not pass; carries the message code and its parameters."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


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
        raise _Bad("wb_invalid_date")
    if isinstance(value, int | float):
        if not (1 <= value < 2_958_466) or value != int(value):
            raise _Bad("wb_invalid_date")
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
            raise _Bad("wb_invalid_date") from None
    raise _Bad("wb_invalid_date")


def parse_number(value: Any, whole: bool = False) -> float:
    """Real numbers, and text in Dutch (``1.234,5``) or plain (``1234.5``) notation.

    Text with a comma is Dutch (dots group thousands). Text with dots only is plain,
    except that a whole-number field reads ``1.234`` as 1234 (Dutch grouping).
    """
    if isinstance(value, bool):
        raise _Bad("wb_invalid_number")
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        text = value.strip().replace("\u00a0", "").replace(" ", "")
        if text.endswith("%"):
            text = text[:-1]
        if "," in text:
            if not _DUTCH_NUMBER.fullmatch(text):
                raise _Bad("wb_invalid_number")
            number = float(text.replace(".", "").replace(",", "."))
        elif whole and _THOUSANDS_ONLY.fullmatch(text):
            number = float(text.replace(".", ""))
        elif _PLAIN_NUMBER.fullmatch(text):
            number = float(text)
        else:
            raise _Bad("wb_invalid_number")
    else:
        raise _Bad("wb_invalid_number")
    if math.isnan(number) or math.isinf(number):
        raise _Bad("wb_invalid_number")
    return number


@dataclass
class _Rules:
    """Lookups built once per read: countries and labels, each cached by raw value."""

    countries: CountryTable
    labels: dict[str, dict[str, str | int]]
    allowed: dict[str, str]
    country_cache: dict[str, str | None] = field(default_factory=dict)
    label_cache: dict[tuple[str, Any], str | int | None] = field(default_factory=dict)

    @classmethod
    def from_reference(cls, reference: Reference, countries: CountryTable) -> _Rules:
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
        }
        labels: dict[str, dict[str, str | int]] = {}
        allowed: dict[str, str] = {}
        for group, entries in groups.items():
            table: dict[str, str | int] = {}
            for code, names in entries:
                for text in names:
                    table.setdefault(fold(text), code)
            labels[group] = table
        allowed["theme"] = ", ".join(t.nl for t in reference.themes)
        allowed["severity"] = ", ".join(f"{x.code} {x.nl}" for x in reference.severity.values)
        allowed["likelihood"] = ", ".join(f"{x.code} {x.nl}" for x in reference.likelihood.values)
        allowed["status"] = ", ".join(x.nl for x in reference.measure_statuses)
        return cls(countries, labels, allowed)

    def country(self, value: Any) -> str:
        key = value if isinstance(value, str) else as_text(value)
        try:
            code = self.country_cache[key]
        except KeyError:
            code = self.countries.normalise(key)
            self.country_cache[key] = code
        if code is None:
            raise _Bad("wb_unknown_country")
        return code

    def label(self, group: str, value: Any) -> str | int:
        cache_key = (group, value if isinstance(value, str) else as_text(value))
        try:
            code = self.label_cache[cache_key]
        except KeyError:
            code = self.labels[group].get(fold(cache_key[1]))
            self.label_cache[cache_key] = code
        if code is None:
            raise _Bad(f"wb_unknown_{group}", allowed=self.allowed[group])
        return code


def _parse_cell(rules: _Rules, column: Column, value: Any) -> Any:
    """The stored value of a non-empty cell, or :class:`_Bad`."""
    kind = column.kind
    if kind in {"text", "key"}:
        text = value.strip() if type(value) is str else as_text(value)
        limit = column.limit or (KEY_LIMIT if kind == "key" else TEXT_LIMIT)
        if len(text) > limit:
            raise _Bad("wb_too_long", limit=limit)
        return text
    if kind == "date":
        return parse_date(value)
    if kind == "country":
        return rules.country(value)
    if kind == "int":
        number = parse_number(value, whole=True)
        if not number.is_integer():
            raise _Bad("wb_not_whole_number")
        result = int(number)
        _check_range(column, result)
        return result
    if kind == "number":
        number = parse_number(value)
        _check_range(column, number)
        return number
    if kind == "email":
        text = as_text(value)
        if len(text) > (column.limit or TEXT_LIMIT) or not _EMAIL.fullmatch(text):
            raise _Bad("wb_invalid_email")
        return text
    if kind == "kvk":
        if isinstance(value, float) and value.is_integer() and 0 < value < 1e8:
            text = str(int(value)).zfill(8)
        else:
            text = as_text(value).replace(" ", "")
        if not _KVK.fullmatch(text):
            raise _Bad("wb_invalid_kvk")
        return text
    return rules.label(kind, value)


def _check_range(column: Column, number: float) -> None:
    if (column.low is not None and number < column.low) or (
        column.high is not None and number > column.high
    ):
        low = "" if column.low is None else _plain(column.low)
        high = "∞" if column.high is None else _plain(column.high)
        raise _Bad("wb_out_of_range", low=low, high=high)


def _plain(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)


def _is_empty(value: Any) -> bool:
    return value == "" or (type(value) is str and not value.strip())


class _Collector:
    """Problems of one read, in the order found."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(
        self,
        sheet: str,
        row: int,
        column: str,
        value: Any,
        code: str,
        *,
        severity: str = "error",
        col: int = 0,
        **params: Any,
    ) -> None:
        self.problems.append(
            Problem(
                sheet=sheet,
                row=row,
                column=column,
                value=shown(value),
                code=code,
                params=params,
                severity=severity,
                col=col,
            )
        )


@dataclass
class _Sheet:
    layout: SheetLayout
    name: str
    rows: list[list[Any]]
    scan: SheetScan


class WorkbookReader:
    """One read of one workbook. Use :func:`read_workbook`."""

    def __init__(
        self,
        reference: Reference,
        countries: CountryTable,
        *,
        expected_contract: str | None,
        contract_period: tuple[dt.date, dt.date] | None,
        progress: Progress | None,
        cancelled: Cancelled | None,
    ) -> None:
        self.rules = _Rules.from_reference(reference, countries)
        self.expected_contract = expected_contract
        self.contract_period = contract_period
        self.progress = progress
        self.cancelled = cancelled
        self.out = _Collector()
        self.done = 0
        self.total = 0

    # -- the sheets ----------------------------------------------------------------------
    def match_sheets(self, parts: list[SheetPart]) -> dict[str, SheetPart]:
        by_key: dict[str, SheetLayout] = {}
        for layout in SHEETS:
            by_key[sheet_name_key(layout.nl)] = layout
            by_key[sheet_name_key(layout.en)] = layout
        found: dict[str, SheetPart] = {}
        for part in parts:
            match = by_key.get(sheet_name_key(part.name))
            if match is None:
                self.out.add(part.name, 0, "", "", "wb_sheet_ignored", severity="note")
            elif match.key in found:
                self.out.add(part.name, 0, "", "", "wb_sheet_twice", other=found[match.key].name)
            else:
                found[match.key] = part
        for layout in (SUPPLIER, SITES, RISKS, MEASURES):
            if layout.key not in found:
                self.out.add(layout.nl, 0, "", "", "wb_sheet_missing", english=layout.en)
        return found

    def _tick(self, rows: int) -> None:
        self.done += rows
        if self.cancelled is not None and self.cancelled():
            raise ValidationError("cancelled")
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)

    # -- Leverancier -----------------------------------------------------------------------
    def read_supplier(self, sheet: _Sheet) -> SupplierBlock | None:
        labels: dict[str, Column] = {}
        for column in SUPPLIER.columns:
            labels[header_key(column.nl)] = column
            labels[header_key(column.en)] = column
        values: dict[str, Any] = {}
        places: dict[str, tuple[int, str]] = {}
        ok = True
        for index, cells in enumerate(sheet.rows):
            label = cells[0] if cells else ""
            value = cells[1] if len(cells) > 1 else ""
            if _is_empty(label):
                continue
            known = labels.get(header_key(as_text(label)))
            number = index + 1
            if known is None:
                if index > 0 and not _is_empty(value):
                    self.out.add(
                        sheet.name,
                        number,
                        as_text(label),
                        value,
                        "wb_label_ignored",
                        severity="note",
                        col=1,
                    )
                continue
            if known.field in places:
                self.out.add(
                    sheet.name,
                    number,
                    as_text(label),
                    value,
                    "wb_label_twice",
                    col=2,
                    first=places[known.field][0],
                )
                ok = False
                continue
            places[known.field] = (number, as_text(label))
            ok = (
                self._supplier_value(
                    sheet, number, as_text(label), known, value=value, values=values
                )
                and ok
            )
        for column in SUPPLIER.columns:
            if column.field not in places and column.required:
                self.out.add(sheet.name, 0, column.nl, "", "wb_label_missing", english=column.en)
                ok = False
        invalid_kvk = any(
            p.code == "wb_invalid_kvk" and p.sheet == sheet.name for p in self.out.problems
        )
        values.setdefault("kvk", None)
        if values.get("country") == "NL" and values["kvk"] is None and not invalid_kvk:
            row, label = places.get("kvk", (0, SUPPLIER.columns[1].nl))
            self.out.add(sheet.name, row, label, "", "wb_kvk_required", col=2 if row else 0)
            ok = False
        start, end = values.get("period_from"), values.get("period_to")
        if start is not None and end is not None and end < start:
            row, label = places["period_to"]
            self.out.add(sheet.name, row, label, end, "wb_end_before_start", col=2, start=start)
            ok = False
        if start is not None and end is not None and self.contract_period is not None:
            first, last = self.contract_period
            if start < first or end > last:
                row, label = places["period_from"]
                self.out.add(
                    sheet.name,
                    row,
                    label,
                    start,
                    "wb_period_outside_contract",
                    severity="warning",
                    col=2,
                    start=first,
                    end=last,
                )
        if not ok or any(c.field not in values for c in SUPPLIER.columns):
            return None
        return SupplierBlock(**values)

    def _supplier_value(
        self,
        sheet: _Sheet,
        number: int,
        label: str,
        column: Column,
        *,
        value: Any,
        values: dict[str, Any],
    ) -> bool:
        if _is_empty(value):
            if (number, 2) in sheet.scan.formulas_without_value:
                self.out.add(sheet.name, number, label, "", "wb_formula_no_value", col=2)
                return False
            if column.required:
                self.out.add(sheet.name, number, label, "", "wb_required", col=2)
                return False
            values[column.field] = None
            return True
        try:
            parsed = _parse_cell(self.rules, column, value)
        except _Bad as bad:
            self.out.add(sheet.name, number, label, value, bad.code, col=2, **bad.params)
            return False
        if (
            column.field == "contract_ref"
            and self.expected_contract is not None
            and (header_key(parsed) != header_key(self.expected_contract))
        ):
            self.out.add(
                sheet.name,
                number,
                label,
                value,
                "wb_contract_mismatch",
                col=2,
                expected=self.expected_contract,
            )
            return False
        if column.kind == "text":
            self._note_formula_like(sheet.name, number, label, 2, parsed)
        values[column.field] = parsed
        return True

    def _note_formula_like(self, sheet: str, row: int, label: str, col: int, text: str) -> None:
        if text.startswith(_FORMULA_START):
            self.out.add(sheet, row, label, text, "wb_formula_text_kept", severity="note", col=col)

    # -- the tables ------------------------------------------------------------------------
    def _header(self, sheet: _Sheet) -> list[tuple[int, Column, str]] | None:
        """``(index, column, header as found)`` for each known column; problems noted."""
        layout = sheet.layout
        wanted: dict[str, Column] = {}
        for column in layout.columns:
            wanted[header_key(column.nl)] = column
            wanted[header_key(column.en)] = column
        header = sheet.rows[0] if sheet.rows else []
        mapped: list[tuple[int, Column, str]] = []
        seen: dict[str, int] = {}
        ok = True
        for index, cell in enumerate(header):
            if _is_empty(cell):
                continue
            text = as_text(cell)
            known = wanted.get(header_key(text))
            if known is None:
                self.out.add(
                    sheet.name, 1, text, text, "wb_column_ignored", severity="note", col=index + 1
                )
                continue
            if known.field in seen:
                self.out.add(
                    sheet.name,
                    1,
                    text,
                    text,
                    "wb_column_twice",
                    col=index + 1,
                    first=_column_letter(seen[known.field] + 1),
                )
                ok = False
                continue
            seen[known.field] = index
            mapped.append((index, known, text))
        for column in layout.columns:
            if column.field not in seen and column.required:
                self.out.add(sheet.name, 1, column.nl, "", "wb_column_missing", english=column.en)
                ok = False
        return mapped if ok else None

    def read_table(self, sheet: _Sheet) -> _Table:
        """A table sheet read column by column (tight loops; slow paths only for odd cells)."""
        table = _Table(sheet.name)
        mapped = self._header(sheet)
        if mapped is None:
            return table
        table.header_ok = True
        data = sheet.rows
        kept = [i for i in range(1, len(data)) if _has_content(data[i])]
        previous = 0
        for position, index in enumerate(kept):
            if index - previous - 1 >= EMPTY_RUN:
                self.out.add(
                    sheet.name,
                    index + 1,
                    "",
                    "",
                    "wb_rows_after_gap_ignored",
                    severity="warning",
                    gap=EMPTY_RUN,
                )
                kept = kept[:position]
                break
            previous = index
        rows = list(map(data.__getitem__, kept))
        table.numbers = [i + 1 for i in kept]
        self._tick(len(rows))
        for index, column, header in mapped:
            table.places[column.field] = (header, index + 1)
            values = list(map(operator.itemgetter(index), rows))
            table.columns[column.field] = self._convert(
                sheet, table, column, values, header=header, col=index + 1
            )
            if self.cancelled is not None and self.cancelled():
                raise ValidationError("cancelled")
        count = len(rows)
        for column in sheet.layout.columns:
            if column.field not in table.columns:
                table.columns[column.field] = [None] * count
        key_field = sheet.layout.columns[0].field
        header, col = table.places.get(key_field, (sheet.layout.columns[0].nl, 0))
        first: dict[str, int] = {}
        for position, key in enumerate(table.columns[key_field]):
            if key is None:
                continue
            seen = first.get(key)
            if seen is None:
                first[key] = table.numbers[position]
            else:
                self.out.add(
                    sheet.name,
                    table.numbers[position],
                    header,
                    key,
                    "wb_duplicate_id",
                    col=col,
                    first=seen,
                )
                table.invalid.add(position)
        return table

    def _convert(
        self,
        sheet: _Sheet,
        table: _Table,
        column: Column,
        values: list[Any],
        *,
        header: str,
        col: int,
    ) -> list[Any]:
        """Stored values of one column; bad and missing cells are reported and marked."""
        kind = column.kind
        # Each kind first tries a fast path of C-level passes (map, set, min, max) that
        # proves every cell ordinary; only otherwise are the cells looked at one by one.
        types = set(map(type, values))
        out: list[Any]
        if kind in {"text", "key"}:
            limit = column.limit or (KEY_LIMIT if kind == "key" else TEXT_LIMIT)
            if types == {str}:
                out = list(map(str.strip, values))
                odd = [k for k, v in enumerate(out) if not v] if "" in out else []
                if out and (
                    max(map(len, out)) > limit
                    or not _FORMULA_SIGNS.isdisjoint(map(_first_character, out))
                ):
                    odd = [
                        k for k, v in enumerate(out) if not v or v[0] in "=+-@" or len(v) > limit
                    ]
            else:
                out = [v.strip() if type(v) is str else v for v in values]
                odd = [
                    k
                    for k, v in enumerate(out)
                    if type(v) is not str or not v or v[0] in "=+-@" or len(v) > limit
                ]
        elif kind == "date":
            out = list(values)
            odd = (
                []
                if types == {dt.date}
                else [k for k, v in enumerate(values) if type(v) is not dt.date]
            )
        elif kind == "int":
            low, high = column.low, column.high
            if (
                types == {float}
                and all(map(float.is_integer, values))
                and (low is None or min(values) >= low)
                and (high is None or max(values) <= high)
            ):
                out, odd = list(map(int, values)), []
            else:
                out = [int(v) if type(v) is float and v.is_integer() else v for v in values]
                odd = [
                    k
                    for k, v in enumerate(values)
                    if type(v) is not float
                    or not v.is_integer()
                    or (low is not None and v < low)
                    or (high is not None and v > high)
                ]
        elif kind == "number":
            low, high = column.low, column.high
            out = list(values)
            if (
                types == {float}
                and (low is None or min(values) >= low)
                and (high is None or max(values) <= high)
            ):
                odd = []
            else:
                odd = [
                    k
                    for k, v in enumerate(values)
                    if type(v) is not float
                    or (low is not None and v < low)
                    or (high is not None and v > high)
                ]
        else:  # countries and labels: each distinct value is looked up once
            known: dict[Any, Any] = {}
            for value in set(values):
                if type(value) is not bool and not _is_empty(value):
                    with contextlib.suppress(_Bad):
                        known[value] = _parse_cell(self.rules, column, value)
            out = list(map(known.get, values, itertools.repeat(_MISSING)))
            odd = [k for k, v in enumerate(out) if v is _MISSING] if _MISSING in out else []
            if True in known or False in known:  # 1.0 and TRUE hash alike: check cell types
                odd = sorted({*odd, *(k for k, v in enumerate(values) if type(v) is bool)})
        name = sheet.name
        rules = self.rules
        formula_cells = sheet.scan.formulas_without_value
        for k in odd:
            value = values[k]
            number = table.numbers[k]
            if _is_empty(value):
                out[k] = None
                if formula_cells and (number, col) in formula_cells:
                    self.out.add(name, number, header, "", "wb_formula_no_value", col=col)
                    table.invalid.add(k)
                elif column.required:
                    self.out.add(name, number, header, "", "wb_required", col=col)
                    table.invalid.add(k)
                continue
            try:
                parsed = _parse_cell(rules, column, value)
            except _Bad as bad:
                self.out.add(name, number, header, value, bad.code, col=col, **bad.params)
                table.invalid.add(k)
                out[k] = None
                continue
            out[k] = parsed
            if kind == "text" and parsed.startswith(_FORMULA_START):
                self._note_formula_like(name, number, header, col, parsed)
        return out

    # -- the whole workbook ----------------------------------------------------------------
    def read(self, data: bytes, file_name: str) -> Submission:
        archive = precheck(data, file_name)
        parts = _workbook_sheets(archive, file_name)
        found = self.match_sheets(parts)
        keys = [k for k in ("supplier", "sites", "risks", "measures") if k in found]
        layouts = {"supplier": SUPPLIER, "sites": SITES, "risks": RISKS, "measures": MEASURES}
        supplier = None
        tables: dict[str, _Table] = {}
        if not keys:
            return self._assemble(supplier, tables)
        # Sheets are parsed in worker threads (the parser releases the GIL), two at a time,
        # each worker with its own workbook object: a sheet only after its scan passed,
        # while the rules run here on the sheet parsed before. On two cores the parsing,
        # most of the work, takes about half as long. At most three grids are in memory.
        books = [self._open(data, file_name) for _ in range(min(PARSERS, len(keys)))]
        loading: dict[str, Future[list[list[Any]]]] = {}
        with ThreadPoolExecutor(max_workers=len(books), thread_name_prefix="workbook") as pool:

            def load(position: int) -> None:
                # a book is used again only by the sheet ``len(books)`` later, submitted
                # once the earlier one's grid was taken: never by two threads at once
                key = keys[position]
                loading[key] = pool.submit(
                    self._grid, books[position % len(books)], found[key].name, file_name
                )

            scans: dict[str, SheetScan] = {}
            try:
                for position, key in enumerate(keys):
                    scans[key] = scan_sheet(archive, found[key].part, found[key].name, file_name)
                    if position < len(books):
                        load(position)
                for position, key in enumerate(keys):
                    if self.cancelled is not None and self.cancelled():
                        raise ValidationError("cancelled")
                    grid = loading.pop(key).result()
                    if position + len(books) < len(keys):
                        load(position + len(books))
                    sheet = _Sheet(layouts[key], found[key].name, grid, scans[key])
                    if key == "supplier":
                        supplier = self.read_supplier(sheet)
                    else:
                        self.total += len(grid)
                        tables[key] = self.read_table(sheet)
                    del grid, sheet
            finally:
                for pending in loading.values():
                    pending.cancel()
        return self._assemble(supplier, tables)

    def _open(self, data: bytes, file_name: str) -> Any:
        from python_calamine import CalamineWorkbook

        try:
            return CalamineWorkbook.from_filelike(io.BytesIO(data))
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:  # calamine's errors, and a Rust panic (BaseException)
            if "password" in type(exc).__name__.lower():
                raise _refuse("wb_encrypted", file_name) from None
            raise _refuse("wb_damaged", file_name) from None

    @staticmethod
    def _grid(book: Any, sheet_name: str, file_name: str) -> list[list[Any]]:
        """The sheet's cells from A1 on, as ``to_python(skip_empty_area=False)`` gives them.

        Parsing (``get_sheet_by_name``) releases the GIL; ``to_python`` then builds every
        Python value in one call that holds it, 60–130 ms for a 40,000-row sheet, during
        which no other thread runs: the window froze. Row by row, the interpreter can
        switch threads between rows. ``iter_rows`` starts at column ``start[1]`` (rows
        before ``start[0]`` come as empty rows), so the empty columns in front are added.
        """
        try:
            sheet = book.get_sheet_by_name(sheet_name)
            start = sheet.start
            if start is None:
                return []
            grid: list[list[Any]]
            if start[1]:
                padding = [""] * start[1]
                grid = [padding + row for row in sheet.iter_rows()]
            else:
                grid = [row for row in sheet.iter_rows()]  # noqa: C416 - see the docstring
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException:  # calamine's errors, and a Rust panic (BaseException)
            raise _refuse("wb_damaged", file_name) from None
        return grid

    def _assemble(self, supplier: SupplierBlock | None, tables: dict[str, _Table]) -> Submission:
        out = self.out
        empty = _Table("")
        sites_t = tables.get("sites", empty)
        risks_t = tables.get("risks", empty)
        measures_t = tables.get("measures", empty)
        site_keys = {k for k in sites_t.columns.get("site_key", ()) if k is not None}
        risk_keys = {k for k in risks_t.columns.get("risk_key", ()) if k is not None}

        today = dt.date.today()
        header, col = sites_t.places.get("last_audit", ("", 0))
        for k, audit in enumerate(sites_t.columns.get("last_audit", ())):
            if audit is not None and audit > today:
                out.add(
                    sites_t.name,
                    sites_t.numbers[k],
                    header,
                    audit,
                    "wb_audit_in_future",
                    severity="warning",
                    col=col,
                )

        if "sites" in tables:
            header, col = risks_t.places.get("site_key", ("", 0))
            for k, site in enumerate(risks_t.columns.get("site_key", ())):
                if site is not None and site not in site_keys:
                    out.add(
                        risks_t.name, risks_t.numbers[k], header, site, "wb_unknown_site", col=col
                    )
                    risks_t.invalid.add(k)
        risk_columns = risks_t.columns
        if risk_columns:
            table = _PRIORITY
            risk_columns["priority"] = [
                table.get((s, li))
                for s, li in zip(risk_columns["severity"], risk_columns["likelihood"], strict=True)
            ]

        if "risks" in tables:
            header, col = measures_t.places.get("risk_key", ("", 0))
            for k, risk in enumerate(measures_t.columns.get("risk_key", ())):
                if risk is not None and risk not in risk_keys:
                    out.add(
                        measures_t.name,
                        measures_t.numbers[k],
                        header,
                        risk,
                        "wb_unknown_risk",
                        col=col,
                    )
                    measures_t.invalid.add(k)
        measure_columns = measures_t.columns
        if measure_columns:
            header, col = measures_t.places.get("due", ("", 0))
            for k, (start, due) in enumerate(
                zip(measure_columns["start"], measure_columns["due"], strict=True)
            ):
                if start is not None and due is not None and due < start:
                    out.add(
                        measures_t.name,
                        measures_t.numbers[k],
                        header,
                        due,
                        "wb_end_before_start",
                        col=col,
                        start=start,
                    )
                    measures_t.invalid.add(k)
            header, col = measures_t.places.get("progress", ("", 0))
            for k, (status, progress) in enumerate(
                zip(measure_columns["status"], measure_columns["progress"], strict=True)
            ):
                if status == "completed" and progress is not None and progress < 100:
                    out.add(
                        measures_t.name,
                        measures_t.numbers[k],
                        header,
                        progress,
                        "wb_completed_not_full",
                        severity="warning",
                        col=col,
                    )

        if "measures" in tables and risk_columns:
            measured = set(measure_columns.get("risk_key", ()))
            header, col = risks_t.places.get("risk_key", ("", 0))
            for k, (key, level) in enumerate(
                zip(risk_columns["risk_key"], risk_columns["priority"], strict=True)
            ):
                if level == "high" and key not in measured and k not in risks_t.invalid:
                    out.add(
                        risks_t.name,
                        risks_t.numbers[k],
                        header,
                        key,
                        "wb_high_risk_without_measure",
                        severity="warning",
                        col=col,
                    )
        for table_value in tables.values():
            if table_value.header_ok and not table_value.numbers:
                out.add(table_value.name, 0, "", "", "wb_sheet_empty", severity="warning")
        return Submission(
            supplier, sites_t.valid(SiteRow), risks_t.valid(RiskRow), measures_t.valid(MeasureRow)
        )


_MISSING = object()
_FORMULA_SIGNS = frozenset(_FORMULA_START)
_first_character = operator.itemgetter(slice(0, 1))
_PRIORITY = {(s, li): priority(s, li) for s in range(1, 5) for li in range(1, 5)}


@dataclass
class _Table:
    """A table sheet read column-wise: ``columns[field][k]`` is row ``numbers[k]``."""

    name: str
    header_ok: bool = False
    numbers: list[int] = field(default_factory=list)
    columns: dict[str, list[Any]] = field(default_factory=dict)
    places: dict[str, tuple[str, int]] = field(default_factory=dict)
    invalid: set[int] = field(default_factory=set)

    def valid(self, cls: type[Any]) -> RowTable:
        """The rows as a column-wise table with ``cls``'s fields (none when any is bad:
        a workbook with an error is not imported)."""
        names = tuple(f.name for f in dataclasses.fields(cls) if f.name != "row")
        if self.invalid or not self.numbers:
            return RowTable(("row", *names), tuple(() for _ in range(len(names) + 1)))
        return RowTable(
            ("row", *names), (tuple(self.numbers), *(tuple(self.columns[n]) for n in names))
        )


def _has_content(row: list[Any]) -> bool:
    for value in row:  # noqa: SIM110  (a plain loop beats any() over a generator here)
        if value != "" and (type(value) is not str or value.strip()):
            return True
    return False


def _column_letter(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def read_workbook(
    data: bytes,
    *,
    file_name: str,
    reference: Reference,
    countries: CountryTable,
    expected_contract: str | None = None,
    contract_period: tuple[dt.date, dt.date] | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> tuple[Submission, list[Problem]]:
    """Read a supplier workbook's bytes: its submission and every problem found.

    Raises :class:`UsageError` (one message code, parameter ``name``) for a file that is
    not a readable, safe .xlsx; ``ValidationError("cancelled")`` when ``cancelled()``
    turns true. ``expected_contract`` is the contract the workbook is imported into, and
    ``contract_period`` its start and end (a reporting period outside it is a warning).
    """
    reader = WorkbookReader(
        reference,
        countries,
        expected_contract=expected_contract,
        contract_period=contract_period,
        progress=progress,
        cancelled=cancelled,
    )
    submission = reader.read(data, file_name)
    return submission, reader.out.problems


def guarded_rows(
    data: bytes, file_name: str, pick: Callable[[list[str]], str | None]
) -> Iterator[list[Any]]:
    """The rows of one sheet of any workbook (``pick`` chooses it from the sheet names),
    after the same container and grid guard as a supplier workbook: for other readers of
    .xlsx files (TenderNed's open data). Raises :class:`UsageError` like :func:`read_workbook`."""
    archive = precheck(data, file_name)
    parts = _workbook_sheets(archive, file_name)
    chosen = pick([part.name for part in parts])
    part = next((p for p in parts if p.name == chosen), None)
    if part is None:
        raise _refuse("wb_not_workbook", file_name)
    scan_sheet(archive, part.part, part.name, file_name)
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:  # calamine's errors, and a Rust panic (BaseException)
        raise _refuse("wb_damaged", file_name) from None
    return iter(WorkbookReader._grid(book, part.name, file_name))
