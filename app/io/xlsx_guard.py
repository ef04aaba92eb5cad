"""The one guarded way into a spreadsheet: every .xlsx the application reads comes in here.

A workbook is a zip of XML parts; its declared sizes, its names and its XML can all lie.
Before python-calamine (a native parser that allocates whatever a file asks for, and
aborts the whole process when it cannot) sees a file, this module:

1. checks the container from the raw bytes and the zip directory: not a zip (CSV, HTML,
   an encrypted workbook or a legacy ``.xls``), a truncated archive, too many entries, too
   much unpacked data, the compression ratio of a zip bomb, names with path tricks;
2. parses every XML part calamine will read with a real, namespace-aware streaming parser
   (expat: no DTD, no entities), counting as it reads: rows, cells holding a value, the
   extent those cells span (the last row and column holding a value: styled empty cells
   count for nothing), the shared strings' characters and what the cells expand them to;
3. only then lets calamine read the sheet, and turns anything it raises (a Rust panic
   included) into the one sentence for a damaged file.

The limits of each kind of file are stated once, in :data:`LIMITS`. A refusal is a
:class:`~app.domain.errors.UsageError` with one message code (parameter ``name``).
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from xml.parsers import expat

from app.domain.errors import UsageError


@dataclass(frozen=True)
class Limits:
    """What one kind of spreadsheet may hold."""

    file_bytes: int  # the file itself
    entries: int  # parts in the zip
    unpacked_bytes: int  # all parts together, unpacked
    part_bytes: int  # any part other than a sheet, unpacked
    rows: int  # the last row holding a value, per sheet
    columns: int  # the last column holding a value, per sheet
    area: int  # rows x columns of the extent of one sheet's values
    shared_chars: int  # characters of the shared-strings table
    sheet_chars: int  # characters one sheet's shared-string cells expand to


MB = 1024 * 1024

LIMITS: dict[str, Limits] = {
    "supplier": Limits(
        file_bytes=100 * MB,
        entries=2_000,
        unpacked_bytes=400 * MB,
        part_bytes=16 * MB,
        rows=250_000,
        columns=200,
        area=250_000 * 16,
        shared_chars=50_000_000,
        sheet_chars=100_000_000,
    ),
    "country_risk": Limits(
        file_bytes=20 * MB,
        entries=500,
        unpacked_bytes=100 * MB,
        part_bytes=8 * MB,
        rows=5_000,
        columns=30,
        area=50_000,
        shared_chars=5_000_000,
        sheet_chars=10_000_000,
    ),
    "tenderned": Limits(
        file_bytes=100 * MB,
        entries=500,
        unpacked_bytes=600 * MB,
        part_bytes=16 * MB,
        rows=500_000,
        columns=300,
        area=500_000 * 40,
        shared_chars=100_000_000,
        sheet_chars=150_000_000,
    ),
}

MAX_ENTRY_RATIO = 200
MAX_TOTAL_RATIO = 100
RATIO_FLOOR = 1024 * 1024  # smaller entries may compress as well as they like
EXCEL_ROWS = 1_048_576
EXCEL_COLUMNS = 16_384

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")
NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_POSITION = re.compile(r"([A-Z]{1,3})([1-9][0-9]{0,6})")
_CHUNK = 1 << 20


def refuse(code: str, name: str, **params: Any) -> UsageError:
    return UsageError(code, name=name, **params)


# ---------------------------------------------------------------------------------------
# The container
# ---------------------------------------------------------------------------------------


def _sniff_not_zip(data: bytes, name: str) -> UsageError:
    """The one sentence for a file that is not a zip archive at all."""
    if not data:
        return refuse("wb_empty_file", name)
    if data.startswith(OLE_MAGIC):
        if ENCRYPTION_STREAM in data:
            return refuse("wb_encrypted", name)
        return refuse("wb_legacy_xls", name)
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if (
        head.startswith((b"<!doctype html", b"<html", b"<table", b"<head", b"<body", b"<meta"))
        or b"<html" in head[:1024]
    ):
        return refuse("wb_html", name)
    if head.startswith(b"<"):
        return refuse("wb_not_workbook", name)
    sample = data[:4096]
    if sample and b"\x00" not in sample:
        try:
            text = sample.decode("utf-8")
        except UnicodeDecodeError:
            text = sample.decode("latin-1")
        lines = [line for line in text.splitlines() if line.strip()]
        if lines and any(sep in lines[0] for sep in (",", ";", "\t")):
            return refuse("wb_csv", name)
    return refuse("wb_not_workbook", name)


def _safe_entry_name(entry: str) -> bool:
    if not entry or "\x00" in entry or "\\" in entry or entry.startswith("/"):
        return False
    if re.match(r"^[A-Za-z]:", entry):
        return False
    return ".." not in entry.split("/")


def open_container(data: bytes, name: str, limits: Limits) -> zipfile.ZipFile:
    """The zip archive, once its directory passed; nothing unpacked yet."""
    too_large = {"limit": limits.file_bytes // MB}
    if len(data) > limits.file_bytes:
        raise refuse("wb_too_large", name, **too_large)
    if not data.startswith(b"PK"):
        raise _sniff_not_zip(data, name)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise refuse("wb_truncated", name) from None
    if len(infos) > limits.entries:
        raise refuse("wb_zip_entries", name, limit=limits.entries)
    names = set()
    total = 0
    for info in infos:
        if not _safe_entry_name(info.filename) or info.filename in names:
            raise refuse("wb_zip_path", name, entry=info.filename[:100])
        names.add(info.filename)
        if info.flag_bits & 0x1:
            raise refuse("wb_encrypted", name)
        total += info.file_size
        if info.file_size > RATIO_FLOOR and (
            info.compress_size == 0 or info.file_size / info.compress_size > MAX_ENTRY_RATIO
        ):
            raise refuse("wb_zip_bomb", name)
    if total > limits.unpacked_bytes:
        raise refuse("wb_too_large", name, **too_large)
    if total > RATIO_FLOOR and total / max(len(data), 1) > MAX_TOTAL_RATIO:
        raise refuse("wb_zip_bomb", name)
    if "mimetype" in names and "xl/workbook.xml" not in names:
        with archive.open("mimetype") as handle:
            if b"opendocument" in handle.read(200):
                raise refuse("wb_ods", name)
    return archive


# ---------------------------------------------------------------------------------------
# Streaming XML: one parser for every part
# ---------------------------------------------------------------------------------------


class _Refused(Exception):
    """Raised from inside a parser's handler; carries the refusal out of expat."""

    def __init__(self, error: UsageError) -> None:
        super().__init__(error.code)
        self.error = error


def _local(name: str) -> str:
    return name.rpartition("}")[2]


def stream_xml(
    archive: zipfile.ZipFile,
    entry: str,
    name: str,
    limit: int,
    start: Callable[[str, dict[str, str]], object] | None = None,
    text: Callable[[str], object] | None = None,
    end: Callable[[str], object] | None = None,
) -> None:
    """Parse one part as it is unpacked (at most ``limit`` bytes), namespace-aware, with
    no DTD and no entity declarations allowed. Handlers receive ``{uri}local`` names."""
    try:
        info = archive.getinfo(entry)
    except KeyError:
        raise refuse("wb_not_workbook", name) from None
    if info.file_size > limit:
        raise refuse("wb_too_large", name, limit=limit // MB or 1)
    parser = expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True

    def no_dtd(*_args: Any) -> Any:
        raise _Refused(refuse("wb_xml_entities", name))

    parser.StartDoctypeDeclHandler = no_dtd
    parser.EntityDeclHandler = no_dtd
    parser.ExternalEntityRefHandler = no_dtd
    if start is not None:
        parser.StartElementHandler = start
    if text is not None:
        parser.CharacterDataHandler = text
    if end is not None:
        parser.EndElementHandler = end
    read = 0
    try:
        with archive.open(info) as handle:
            while True:
                chunk = handle.read(_CHUNK)
                read += len(chunk)
                if read > limit:  # a size the directory understated
                    raise refuse("wb_too_large", name, limit=limit // MB or 1)
                parser.Parse(chunk, not chunk)
                if not chunk:
                    break
    except _Refused as refused:
        raise refused.error from None
    except expat.ExpatError:
        raise refuse("wb_damaged", name) from None
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError):
        raise refuse("wb_truncated", name) from None


def _parse_small(archive: zipfile.ZipFile, entry: str, name: str, limits: Limits) -> Any:
    """A small part as an element tree (through the same guarded parser)."""
    import xml.etree.ElementTree as ET

    builder = ET.TreeBuilder()

    def clark(tag: str) -> str:  # expat's ``uri}local`` as ElementTree's ``{uri}local``
        return "{" + tag if "}" in tag else tag

    stream_xml(
        archive,
        entry,
        name,
        limits.part_bytes,
        start=lambda tag, attrs: builder.start(clark(tag), {clark(k): v for k, v in attrs.items()}),
        text=builder.data,
        end=lambda tag: builder.end(clark(tag)),
    )
    try:
        return builder.close()
    except AssertionError:  # an empty part
        raise refuse("wb_damaged", name) from None


# ---------------------------------------------------------------------------------------
# The workbook's parts
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SheetPart:
    name: str  # as the workbook names it
    part: str  # the zip entry of its XML


@dataclass
class SheetScan:
    """What the guard counted in one sheet."""

    rows: int = 0  # row elements
    cells: int = 0  # cells holding a value
    last_row: int = 0  # of a cell holding a value
    last_col: int = 0
    shared_cells: int = 0
    # (row, column) of formula cells: one of these read as empty has no cached value
    formulas_without_value: set[tuple[int, int]] = field(default_factory=set)


_CELL, _VALUE, _FORMULA, _ROW = 1, 2, 3, 4
_KINDS = {"c": _CELL, "v": _VALUE, "is": _VALUE, "f": _FORMULA, "row": _ROW}


class _SheetCounter:
    """The handlers of one sheet's parse: every cell is counted as it is read.

    Names are compared by their local part: a cell under any namespace or prefix is a cell
    here, as it is to the spreadsheet parser. A cell is counted when its first value
    (``v``, ``is``) or formula (``f``) starts; its position must then be given. With
    ``shared`` (the length of each shared string), the shared-string cells' indexes are
    read too and what they expand to is added up. The parser calls :meth:`start` for
    every element of the sheet, so it does as little as it can for the others.
    """

    def __init__(
        self, limits: Limits, sheet: str, name: str, shared: list[int] | None = None
    ) -> None:
        self.limits = limits
        self.sheet = sheet
        self.name = name
        self.shared = shared
        self.scan = SheetScan()
        self.kinds: dict[str, int] = {}  # expat interns names: each is looked up once
        self.columns: dict[str, int] = {}  # column letters and their number
        self.cell: dict[str, str] | None = None  # the attributes of the open cell
        self.valued = False  # the open cell is counted
        self.row = 0  # the open cell's position, once counted
        self.col = 0
        self.index: list[str] | None = None  # a shared-string cell's value, being read
        self.expanded = 0

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        kind = self.kinds.get(tag)
        if kind is None:
            kind = self.kinds[tag] = _KINDS.get(tag.rpartition("}")[2], 0)
        if not kind:
            return
        if kind == _CELL:
            self.cell = attrs
            self.valued = False
        elif kind == _ROW:
            self.cell = None
            self.scan.rows += 1
            if self.scan.rows > EXCEL_ROWS:
                raise self._refused("wb_too_many_rows", rows=self.scan.rows)
        elif self.cell is not None:
            if not self.valued:
                self._count(self.cell)
            if kind == _FORMULA:
                found = self.scan.formulas_without_value
                if len(found) < 100_000:  # read as empty, it has no cached value
                    found.add((self.row, self.col))
            elif "t" in self.cell:
                self._typed_value(self.cell["t"], tag)

    def _typed_value(self, kind: str, tag: str) -> None:
        if kind == "str":  # a formula whose text result is cached (maybe empty)
            self.scan.formulas_without_value.discard((self.row, self.col))
        elif kind == "s" and self.shared is not None and tag[-1] == "v":
            self.index = []

    def _count(self, cell: dict[str, str]) -> None:
        """The open cell's first value or formula: where it is, and is that too far."""
        self.valued = True
        position = cell.get("r")
        match = _POSITION.fullmatch(position) if position is not None else None
        if match is None:
            raise self._refused("wb_cells_without_position")
        letters, digits = match.groups()
        col = self.columns.get(letters, 0)
        if not col:
            for ch in letters:
                col = col * 26 + ord(ch) - 64
            self.columns[letters] = col
        row = self.row = int(digits)
        self.col = col
        scan, limits = self.scan, self.limits
        scan.cells += 1
        if scan.cells > limits.area:  # the same place given a value over and over
            raise self._refused("wb_too_many_cells", limit=limits.area)
        if cell.get("t") == "s":
            scan.shared_cells += 1
        if row > scan.last_row or col > scan.last_col:
            scan.last_row = max(row, scan.last_row)
            scan.last_col = max(col, scan.last_col)
            if scan.last_row > limits.rows:
                raise self._refused("wb_too_many_rows", rows=scan.last_row)
            if (
                scan.last_col > min(limits.columns, EXCEL_COLUMNS)
                or scan.last_row * scan.last_col > limits.area
            ):
                raise self._refused("wb_too_many_columns", columns=scan.last_col)

    def text(self, data: str) -> None:
        if self.index is not None:
            self.index.append(data[:12])

    def end(self, _tag: str) -> None:
        if self.index is None:
            return
        position = "".join(self.index).strip()
        self.index = None
        lengths = self.shared or []
        if not position.isdigit() or int(position) >= len(lengths):
            raise _Refused(refuse("wb_damaged", self.name))
        self.expanded += lengths[int(position)]
        if self.expanded > self.limits.sheet_chars:
            raise _Refused(refuse("wb_too_large", self.name, limit=self.limits.file_bytes // MB))

    def _refused(self, code: str, **params: Any) -> _Refused:
        if code == "wb_too_many_rows":
            params["limit"] = self.limits.rows
        return _Refused(refuse(code, self.name, sheet=self.sheet, **params))


class GuardedWorkbook:
    """A workbook whose container passed; each sheet is counted before it is parsed."""

    def __init__(self, data: bytes, name: str, kind: str) -> None:
        self.limits = LIMITS[kind]
        self.name = name
        self.data = data
        self.archive = open_container(data, name, self.limits)
        self.sheets = self._sheets()
        self._shared = self._shared_strings()
        self._book: Any = None

    def _sheets(self) -> list[SheetPart]:
        """The worksheets in workbook order, with the zip entry of each; every small part
        the spreadsheet parser may open is parsed once here, under the same rules."""
        archive, name, limits = self.archive, self.name, self.limits
        names = set(archive.namelist())
        workbook_part = "xl/workbook.xml"
        if "_rels/.rels" in names:
            rels = _parse_small(archive, "_rels/.rels", name, limits)
            for rel in rels.iter(f"{{{NS_PKG}}}Relationship"):
                if rel.get("Type", "").endswith("/officeDocument"):
                    workbook_part = posixpath.normpath(rel.get("Target", "").lstrip("/"))
        if workbook_part not in names:
            raise refuse("wb_not_workbook", name)
        folder = posixpath.dirname(workbook_part)
        rels_part = posixpath.join(folder, "_rels", posixpath.basename(workbook_part) + ".rels")
        targets: dict[str, str] = {}
        if rels_part in names:
            rels = _parse_small(archive, rels_part, name, limits)
            for rel in rels.iter(f"{{{NS_PKG}}}Relationship"):
                target = rel.get("Target", "")
                path = (
                    target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
                )
                targets[rel.get("Id", "")] = posixpath.normpath(path)
        book = _parse_small(archive, workbook_part, name, limits)
        sheets = [
            SheetPart(sheet.get("name", ""), targets.get(sheet.get(f"{{{NS_REL}}}id", ""), ""))
            for sheet in book.iter(f"{{{NS_MAIN}}}sheet")
        ]
        sheet_parts = {s.part for s in sheets}
        for part in sorted(names):
            if part.endswith((".xml", ".rels")) and part not in sheet_parts:
                if part.endswith("sharedStrings.xml"):
                    continue  # counted by _shared_strings
                stream_xml(archive, part, name, limits.part_bytes)
        return sheets

    def _shared_strings(self) -> list[int]:
        """The length of each shared string, counted as read (rich text runs summed)."""
        entries = [e for e in self.archive.namelist() if e.endswith("sharedStrings.xml")]
        lengths: list[int] = []
        limits, name = self.limits, self.name
        state = {"in_item": False, "in_text": False, "total": 0}

        def start(tag: str, _attrs: dict[str, str]) -> None:
            local = _local(tag)
            if local == "si":
                lengths.append(0)
                state["in_item"] = True
            elif local == "t" and state["in_item"]:
                state["in_text"] = True

        def text(data: str) -> None:
            if state["in_text"]:
                lengths[-1] += len(data)
                state["total"] += len(data)
                if state["total"] > limits.shared_chars:
                    raise _Refused(refuse("wb_too_large", name, limit=limits.file_bytes // MB))

        def end(tag: str) -> None:
            local = _local(tag)
            if local == "t":
                state["in_text"] = False
            elif local == "si":
                state["in_item"] = False

        for entry in entries:
            stream_xml(self.archive, entry, name, limits.part_bytes, start, text, end)
        return lengths

    def scan(self, sheet: SheetPart) -> SheetScan:
        """Count one sheet; refuse it when it exceeds the limits."""
        counter = _SheetCounter(self.limits, sheet.name, self.name)
        limit = self.limits.unpacked_bytes
        stream_xml(self.archive, sheet.part, self.name, limit, counter.start)
        longest = max(self._shared, default=0)
        if counter.scan.shared_cells * longest > self.limits.sheet_chars:
            # the cells might expand the shared strings beyond the limit: count exactly
            exact = _SheetCounter(self.limits, sheet.name, self.name, self._shared)
            stream_xml(
                self.archive, sheet.part, self.name, limit, exact.start, exact.text, exact.end
            )
        return counter.scan

    def rows(self, sheet: SheetPart) -> tuple[Iterator[list[Any]], SheetScan]:
        """The sheet's rows from row 1, each from column A to the last column holding a
        value, once the guard counted them; with what it counted. The rows are made one
        at a time as the caller takes them: a sheet of 100,000 rows never exists as
        100,000 lists at once, which would keep the interpreter busy collecting them
        while a window waits for its turn."""
        scan = self.scan(sheet)
        if scan.cells == 0:
            return iter(()), scan
        try:
            if self._book is None:
                from python_calamine import CalamineWorkbook

                self._book = CalamineWorkbook.from_filelike(io.BytesIO(self.data))
            found = self._book.get_sheet_by_name(sheet.name)
            start = found.start
            rows = found.iter_rows() if start is not None else iter(())
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:  # calamine's errors, and a Rust panic (BaseException)
            raise self._unreadable(exc) from None
        return self._each_row(rows, start[1] if start is not None else 0), scan

    def _each_row(self, rows: Iterator[list[Any]], skipped: int) -> Iterator[list[Any]]:
        padding = [""] * skipped  # iter_rows starts at the first column holding a value
        while True:
            try:
                row = next(rows)
            except StopIteration:
                return
            except (KeyboardInterrupt, SystemExit):
                raise
            except BaseException as exc:
                raise self._unreadable(exc) from None
            yield padding + row if skipped else row

    def _unreadable(self, exc: BaseException) -> UsageError:
        if "password" in type(exc).__name__.lower():
            return refuse("wb_encrypted", self.name)
        return refuse("wb_damaged", self.name)


def open_workbook(data: bytes, name: str, kind: str) -> GuardedWorkbook:
    """The guarded workbook of ``kind`` (a key of :data:`LIMITS`), or a refusal."""
    return GuardedWorkbook(data, name, kind)


def guarded_rows(
    data: bytes, file_name: str, pick: Callable[[list[str]], str | None], kind: str = "tenderned"
) -> Iterator[list[Any]]:
    """The rows of one sheet of a workbook of ``kind`` (``pick`` chooses it from the sheet
    names), through the same guard: for readers of other .xlsx files (TenderNed's open
    data). Raises :class:`UsageError` like the supplier workbook's reader."""
    book = open_workbook(data, file_name, kind)
    chosen = pick([sheet.name for sheet in book.sheets])
    part = next((sheet for sheet in book.sheets if sheet.name == chosen), None)
    if part is None:
        raise refuse("wb_not_workbook", file_name)
    rows, _scan = book.rows(part)
    return rows
