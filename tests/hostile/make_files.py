"""Generate the hostile spreadsheets of each class the reader must refuse or read safely.

Run: ``python tests/hostile/make_files.py FOLDER`` (the tests call :func:`make_all`).
Every file is small (at most a few hundred KB) but asks, in its own way, for far more
than a workbook may hold: the guard must count what it says, whatever XML shape it takes.

Each entry of :data:`CASES` names a file, the command that reads it, and what must come
out: the exit status and, for a refusal, the message code's words.
"""

from __future__ import annotations

import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

CONTRACT = "C-2026-001"
NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
    '"application/xml"/></Types>'
)
RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{NS_PKG}"><Relationship '
    'Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>'
)

SUPPLIER = [
    ("Naam leverancier", "Textiel B.V."),
    ("KvK-nummer", "12345678"),
    ("Land van vestiging", "NL"),
    ("Contractreferentie", CONTRACT),
    ("Rapportageperiode van", "01-01-2026"),
    ("Rapportageperiode tot", "31-12-2026"),
    ("Contactpersoon", "Anna de Vries"),
    ("E-mail", "anna@textiel.example"),
    ("Datum ondertekening", "01-02-2026"),
    ("Ondertekend door", "B. Jansen"),
    ("Klachtenmechanisme", "Ja"),
]
SITES = [
    "Locatie-ID",
    "Naam locatie",
    "Land",
    "Plaats",
    "Schakel",
    "Product of dienst",
    "Aantal werknemers",
    "Certificeringen",
    "Laatste audit",
    "Open Supply Hub-ID",
]
RISKS = ["Risico-ID", "Locatie-ID", "Thema", "Omschrijving", "Ernst", "Waarschijnlijkheid"]
MEASURES = ["Maatregel-ID", "Risico-ID", "Omschrijving", "Verantwoordelijke", "Einddatum"]
MEASURES += ["Status"]


def column_letters(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell(ref: str, value: object, prefix: str = "") -> str:
    if isinstance(value, int | float):
        return f'<{prefix}c r="{ref}"><{prefix}v>{value}</{prefix}v></{prefix}c>'
    text = escape(str(value))
    return (
        f'<{prefix}c r="{ref}" t="inlineStr"><{prefix}is><{prefix}t>{text}</{prefix}t>'
        f"</{prefix}is></{prefix}c>"
    )


def rows_xml(rows: list[list[object]], first: int = 1, prefix: str = "") -> str:
    out = []
    for number, values in enumerate(rows, start=first):
        cells = "".join(
            cell(f"{column_letters(col)}{number}", v, prefix)
            for col, v in enumerate(values, start=1)
            if v is not None
        )
        out.append(f'<{prefix}row r="{number}">{cells}</{prefix}row>')
    return "".join(out)


def sheet_xml(body: str, head: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{head}<worksheet xmlns="{NS}">'
        f"<sheetData>{body}</sheetData></worksheet>"
    )


def workbook(path: Path, sheets: dict[str, str], extra: dict[str, str] | None = None) -> Path:
    """A minimal .xlsx with the given sheets (name: XML), in order."""
    names = list(sheets)
    book = (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{NS}" xmlns:r="{NS_R}"><sheets>'
        + "".join(
            f'<sheet name="{escape(n)}" sheetId="{i}" r:id="rId{i}"/>'
            for i, n in enumerate(names, 1)
        )
        + "</sheets></workbook>"
    )
    book_rels = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{NS_PKG}">'
        + "".join(
            f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/'
            f'2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, len(names) + 1)
        )
        + "</Relationships>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("_rels/.rels", RELS)
        z.writestr("xl/workbook.xml", book)
        z.writestr("xl/_rels/workbook.xml.rels", book_rels)
        for i, name in enumerate(names, 1):
            z.writestr(f"xl/worksheets/sheet{i}.xml", sheets[name])
        for name, text in (extra or {}).items():
            z.writestr(name, text)
    return path


def supplier_workbook(
    path: Path,
    *,
    sites: str | None = None,
    sites_rows: list[list[object]] | None = None,
    extra_sheets: dict[str, str] | None = None,
    extra: dict[str, str] | None = None,
) -> Path:
    """A supplier workbook whose sheet ``Keten`` is ``sites`` (XML) or holds ``sites_rows``."""
    supplier = sheet_xml(rows_xml([["Gegeven", "Waarde"], *[list(p) for p in SUPPLIER]]))
    body = sites if sites is not None else sheet_xml(rows_xml([SITES, *(sites_rows or [])]))
    sheets = {
        "Leverancier": supplier,
        "Keten": body,
        "Risico's": sheet_xml(rows_xml([RISKS])),
        "Maatregelen": sheet_xml(rows_xml([MEASURES])),
        **(extra_sheets or {}),
    }
    return workbook(path, sheets, extra)


SITE = ["S1", "Fabriek", "CN", "Dhaka", 1, "Kleding", 10, None, None, None]
FAR = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'


def _header_then(body: str, head: str = "", prefix: str = "") -> str:
    return sheet_xml(rows_xml([SITES, SITE], prefix=prefix) + body, head)


# -- the classes ---------------------------------------------------------------------------


def comment_before_root(path: Path) -> Path:
    """A long comment before the root element, then a value at the far corner."""
    head = "<!--" + "x" * 70_000 + "-->"
    return supplier_workbook(path, sites=_header_then(FAR, head))


def second_prefix(path: Path) -> Path:
    """The cells under a second prefix bound to the same namespace."""
    body = (
        f'<?xml version="1.0"?><worksheet xmlns="{NS}" xmlns:x="{NS}"><sheetData>'
        + rows_xml([SITES, SITE])
        + '<x:row r="1048576"><x:c r="XFD1048576"><x:v>1</x:v></x:c></x:row>'
        + "</sheetData></worksheet>"
    )
    return supplier_workbook(path, sites=body)


def other_namespace(path: Path) -> Path:
    """A far cell under a namespace that is not the spreadsheet's at all."""
    body = (
        f'<?xml version="1.0"?><worksheet xmlns="{NS}" xmlns:o="urn:other"><sheetData>'
        + rows_xml([SITES, SITE])
        + '<row r="1048576"><o:c r="XFD1048576"><o:v>1</o:v></o:c></row>'
        + "</sheetData></worksheet>"
    )
    return supplier_workbook(path, sites=body)


def duplicated_position(path: Path) -> Path:
    """A cell with two ``r`` attributes: a small one first, the far corner second."""
    body = '<row r="3"><c r="A3" r="XFD1048576"><v>1</v></c></row>'
    return supplier_workbook(path, sites=_header_then(body))


def many_values_one_place(path: Path) -> Path:
    """A country-risk table with 60,000 values all at A3: a tiny extent, a long list."""
    body = '<row r="3">' + "".join(
        f'<c r="A3"><v>{i * 7919 % 100_003}</v></c>' for i in range(60_000)
    )
    return workbook(path, {"Landen": sheet_xml(body + "</row>")})


def formula_at_far_corner(path: Path) -> Path:
    """A formula without a cached value at the far corner (no ``<v>`` at all)."""
    body = '<row r="1048576"><c r="XFD1048576"><f>1+1</f></c></row>'
    return supplier_workbook(path, sites=_header_then(body))


def row_beyond_excel(path: Path) -> Path:
    """A cell at row 4,294,967,295 (the largest 32-bit number)."""
    body = '<row r="4294967295"><c r="A4294967295"><v>1</v></c></row>'
    return supplier_workbook(path, sites=_header_then(body))


def shared_strings_expansion(path: Path) -> Path:
    """One shared string of 32,000 characters referenced by 20,000 cells: 640 million
    characters once expanded, from a file of a few hundred KB."""
    shared = (
        f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{NS}" count="1" uniqueCount="1">'
        f"<si><t>{'x' * 32_000}</t></si></sst>"
    )
    cells = "".join(f'<row r="{r}"><c r="B{r}" t="s"><v>0</v></c></row>' for r in range(3, 20_003))
    return supplier_workbook(
        path, sites=_header_then(cells), extra={"xl/sharedStrings.xml": shared}
    )


def shared_strings_too_many(path: Path) -> Path:
    """A shared-strings table of 60 million characters (within the ratio limits)."""
    item = "<si><t>" + "abcdefghij" * 3_000 + "</t></si>"
    shared = f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{NS}">' + item * 2_000 + "</sst>"
    return supplier_workbook(path, extra={"xl/sharedStrings.xml": shared})


def doctype_after_padding(path: Path) -> Path:
    """An entity declaration hidden after 70 KB of comment in the styles part."""
    styles = (
        '<?xml version="1.0"?>'
        + "<!--"
        + "y" * 70_000
        + '--><!DOCTYPE s [<!ENTITY a "aaaaaaaaaa">]>'
        + f'<styleSheet xmlns="{NS}"/>'
    )
    return supplier_workbook(path, extra={"xl/styles.xml": styles})


def styled_whole_column(path: Path) -> Path:
    """A real workbook whose formatting reaches row 1,048,576: read, not refused."""
    styled = '<row r="1048576"><c r="P1048576" s="1"/></row>'
    return supplier_workbook(path, sites=_header_then(styled))


def bit_flip(path: Path) -> Path:
    """One byte changed inside the compressed data of a sheet."""
    supplier_workbook(path, sites_rows=[SITE])
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet2.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start + info.compress_size // 2] ^= 0x40
    path.write_bytes(bytes(data))
    return path


def workers_beyond_storage(path: Path) -> Path:
    """``Aantal werknemers`` 1e19: a number the storage cannot hold."""
    return supplier_workbook(path, sites_rows=[[*SITE[:6], 1e19, None, None, None]])


def endless_problems(path: Path) -> Path:
    """20,000 rows, each wrong in three columns: 60,000 problems asked for."""
    rows: list[list[object]] = [
        [f"S{i}", "Fabriek", "Atlantis", None, "nul", "Kleding", -5, None, None, None]
        for i in range(20_000)
    ]
    return supplier_workbook(path, sites_rows=rows)


def ignored_sheet_far_cell(path: Path) -> Path:
    """An ignored sheet with one value at XFD1048576 beside a wrong value: the feedback
    workbook must not walk it."""
    return supplier_workbook(
        path,
        sites_rows=[[*SITE[:2], "Atlantis", *SITE[3:]]],
        extra_sheets={"Notities": sheet_xml(FAR)},
    )


def noncharacter_text(path: Path) -> Path:
    """Site names holding a non-character the XML parser lets through (U+FDD0), and a
    control character written as the spreadsheet escape ``_x0001_``."""
    rows = [[SITE[0], "Fab\ufdd0riek", *SITE[2:]], ["S2", "Fab_x0001_riek", *SITE[2:]]]
    return supplier_workbook(path, sites_rows=rows)


def noncharacter_literal(path: Path) -> Path:
    """U+FFFF written straight into the sheet's XML (not well-formed XML)."""
    return supplier_workbook(path, sites_rows=[[SITE[0], "Fab\uffffriek", *SITE[2:]]])


def country_risk_far_corner(path: Path) -> Path:
    """A country-risk table whose first sheet hides a value at the far corner."""
    head = "<!--" + "x" * 70_000 + "-->"
    table = rows_xml([["Land", "Score", "Bron", "Jaar"], ["CN", 7, "Index", 2025]])
    return workbook(path, {"Landen": sheet_xml(table + FAR, head)})


def country_risk_expansion(path: Path) -> Path:
    """A country-risk table whose cells expand one long shared string 2,000 times."""
    shared = (
        f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{NS}" count="1" uniqueCount="1">'
        f"<si><t>{'x' * 32_000}</t></si></sst>"
    )
    table = rows_xml([["Land", "Score", "Bron", "Jaar"]])
    cells = "".join(f'<row r="{r}"><c r="C{r}" t="s"><v>0</v></c></row>' for r in range(2, 2_002))
    return workbook(
        path, {"Landen": sheet_xml(table + cells)}, extra={"xl/sharedStrings.xml": shared}
    )


@dataclass(frozen=True)
class Case:
    make: Callable[[Path], Path]
    command: str  # "import", "import-feedback", "country-risk"
    status: int  # the exit status expected
    code: str  # the message code (a refusal), or "" for a finding


CASES: dict[str, Case] = {
    "comment_before_root": Case(comment_before_root, "import", 2, "wb_too_many_rows"),
    "second_prefix": Case(second_prefix, "import", 2, "wb_too_many_rows"),
    "other_namespace": Case(other_namespace, "import", 2, "wb_too_many_rows"),
    "duplicated_position": Case(duplicated_position, "import", 2, "wb_damaged"),
    "many_values_one_place": Case(many_values_one_place, "country-risk", 2, "wb_too_many_cells"),
    "formula_at_far_corner": Case(formula_at_far_corner, "import", 2, "wb_too_many_rows"),
    "row_beyond_excel": Case(row_beyond_excel, "import", 2, "wb_cells_without_position"),
    "shared_strings_expansion": Case(shared_strings_expansion, "import", 2, "wb_too_large"),
    "shared_strings_too_many": Case(shared_strings_too_many, "import", 2, "wb_too_large"),
    "doctype_after_padding": Case(doctype_after_padding, "import", 2, "wb_xml_entities"),
    "country_risk_far_corner": Case(country_risk_far_corner, "country-risk", 2, "wb_too_many_rows"),
    "country_risk_expansion": Case(country_risk_expansion, "country-risk", 2, "wb_too_large"),
    "styled_whole_column": Case(styled_whole_column, "import", 0, ""),
    "bit_flip": Case(bit_flip, "import", 2, "wb_truncated"),
    "workers_beyond_storage": Case(workers_beyond_storage, "import", 1, "wb_out_of_range"),
    "endless_problems": Case(endless_problems, "import", 1, "wb_more_problems"),
    "feedback_ignored_sheet": Case(ignored_sheet_far_cell, "import-feedback", 1, ""),
    "noncharacter_text": Case(noncharacter_text, "import", 1, "wb_invalid_character"),
    "noncharacter_literal": Case(noncharacter_literal, "import", 2, "wb_damaged"),
}


def make_all(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return {name: case.make(folder / f"{name}.xlsx") for name, case in CASES.items()}


if __name__ == "__main__":
    for name, made in make_all(Path(sys.argv[1])).items():
        print(f"{name}: {made.stat().st_size} bytes")
