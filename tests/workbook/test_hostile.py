"""Hostile and broken files: each answered with one clear sentence or a clean import.

Every refusal must leave the database exactly as it was (a full dump compared), come
within seconds, and show no traceback on the command line.
"""

from __future__ import annotations

import json
import resource
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest

from app.domain.errors import UsageError
from app.services import submissions
from workbook.samples import MEASURE_ROWS, RISK_ROWS

CT = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
    '"application/xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
    'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
    'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
BOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.'
    'org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships"><sheets><sheet name="Keten" sheetId="1" '
    'r:id="rId1"/></sheets></workbook>'
)
BOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
    'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type='
    '"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>'
)
SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
    'openxmlformats.org/spreadsheetml/2006/main">'
)


def raw_workbook(path: Path, sheet_xml: str, extra: dict[str, str] | None = None) -> Path:
    """A minimal .xlsx with one sheet ``Keten`` whose XML is given."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("_rels/.rels", RELS)
        z.writestr("xl/workbook.xml", BOOK)
        z.writestr("xl/_rels/workbook.xml.rels", BOOK_RELS)
        z.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        for name, text in (extra or {}).items():
            z.writestr(name, text)
    return path


def refused(ctx: Any, contract: str, path: Path, code: str, dump: Any, cli: Any) -> None:
    """The file is refused with ``code`` quickly, nothing is written, the CLI says one
    sentence with exit status 2 and its JSON says ``unreadable``."""
    before = dump()
    started = time.perf_counter()
    with pytest.raises(UsageError) as info:
        submissions.import_workbook(ctx, path, contract, allow_warnings=True)
    assert time.perf_counter() - started < 5
    assert info.value.code == code
    assert dump() == before
    run = cli("import", str(path), "--contract", contract)
    assert run.status == 2
    assert run.out == ""
    lines = run.err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in run.err
    assert path.name in lines[0]
    run = cli("--lang", "en", "import", str(path), "--contract", contract, "--json")
    document = json.loads(run.out)
    assert document["status"] == "unreadable" and run.status == 2
    assert document["errors"][0]["message"]
    assert dump() == before


def test_billion_laughs_in_shared_strings(
    ctx: Any, contract: str, filler: Any, dump: Any, cli: Any, tmp_path: Path
) -> None:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    ).replace("&lol0;", "&lol;")
    shared = (
        f'<?xml version="1.0"?><!DOCTYPE sst [{entities}]><sst xmlns="http://schemas.'
        'openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol9;</t></si></sst>'
    )
    path = filler.workbook()
    target = tmp_path / "lol.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w") as out:
        for info in source.infolist():
            out.writestr(info, source.read(info.filename))
        out.writestr("xl/sharedStrings.xml", shared)
    refused(ctx, contract, target, "wb_xml_entities", dump, cli)


def test_external_entity_in_a_sheet(
    ctx: Any, contract: str, dump: Any, cli: Any, tmp_path: Path
) -> None:
    sheet = (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        + SHEET_HEAD[SHEET_HEAD.index("<worksheet") :]
        + '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c></row>'
        "</sheetData></worksheet>"
    )
    refused(ctx, contract, raw_workbook(tmp_path / "xxe.xlsx", sheet), "wb_xml_entities", dump, cli)


def test_zip_bomb(ctx: Any, contract: str, dump: Any, cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("xl/workbook.xml", BOOK)
        z.writestr("xl/worksheets/sheet1.xml", SHEET_HEAD + " " * (300 * 1024 * 1024))
    assert path.stat().st_size < 2 * 1024 * 1024
    refused(ctx, contract, path, "wb_zip_bomb", dump, cli)


def test_too_many_entries(ctx: Any, contract: str, dump: Any, cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "veel.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        for i in range(2_100):
            z.writestr(f"xl/media/{i}.txt", "x")
    refused(ctx, contract, path, "wb_zip_entries", dump, cli)


def test_path_tricks(ctx: Any, contract: str, dump: Any, cli: Any, tmp_path: Path) -> None:
    path = raw_workbook(
        tmp_path / "pad.xlsx", SHEET_HEAD + "<sheetData/></worksheet>", {"../../evil.xml": "<x/>"}
    )
    refused(ctx, contract, path, "wb_zip_path", dump, cli)


def test_truncated_archive(ctx: Any, contract: str, filler: Any, dump: Any, cli: Any) -> None:
    path = filler.workbook()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    refused(ctx, contract, path, "wb_truncated", dump, cli)


def test_csv_renamed(ctx: Any, contract: str, dump: Any, cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "lijst.xlsx"
    path.write_text("Locatie-ID;Naam locatie;Land\nS1;Fabriek;CN\n", encoding="utf-8")
    refused(ctx, contract, path, "wb_csv", dump, cli)


def test_html_renamed(ctx: Any, contract: str, dump: Any, cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "export.xlsx"
    path.write_text(
        "<!DOCTYPE html><html><body><table><tr><td>S1</td></tr></table></body></html>",
        encoding="utf-8",
    )
    refused(ctx, contract, path, "wb_html", dump, cli)


def _ole_file(streams: list[str]) -> bytes:
    """A minimal OLE compound file header with directory entries naming ``streams``."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    entries = b""
    for name in ["Root Entry", *streams]:
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        entries += encoded.ljust(64, b"\x00") + len(encoded).to_bytes(2, "little") + b"\x00" * 62
    return header + entries.ljust(4096, b"\x00")


def test_encrypted_workbook(ctx: Any, contract: str, dump: Any, cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "geheim.xlsx"
    path.write_bytes(_ole_file(["EncryptionInfo", "EncryptedPackage"]))
    refused(ctx, contract, path, "wb_encrypted", dump, cli)


def test_legacy_xls_renamed(ctx: Any, contract: str, dump: Any, cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "oud.xlsx"
    path.write_bytes(_ole_file(["Workbook", "SummaryInformation"]))
    refused(ctx, contract, path, "wb_legacy_xls", dump, cli)


def test_empty_file_and_word_document(
    ctx: Any, contract: str, dump: Any, cli: Any, tmp_path: Path
) -> None:
    empty = tmp_path / "leeg.xlsx"
    empty.write_bytes(b"")
    refused(ctx, contract, empty, "wb_empty_file", dump, cli)
    word = tmp_path / "brief.xlsx"
    with zipfile.ZipFile(word, "w") as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("word/document.xml", "<w:document/>")
    refused(ctx, contract, word, "wb_not_workbook", dump, cli)


def test_declared_million_rows_costs_nothing(ctx: Any, contract: str, filler: Any) -> None:
    """A sheet declaring A1:XFD1048576 is read by its real cells."""
    path = filler.workbook()
    source = zipfile.ZipFile(path)
    target = path.with_name("groot-gedeclareerd.xlsx")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                text = data.decode()
                start = text.index("<dimension")
                end = text.index("/>", start) + 2
                data = (text[:start] + '<dimension ref="A1:XFD1048576"/>' + text[end:]).encode()
            out.writestr(info, data)
    started = time.perf_counter()
    result = submissions.check(ctx, target, contract)
    assert time.perf_counter() - started < 5
    assert result.errors == () and result.counts["sites"] == 2


def test_a_real_cell_at_the_far_corner_is_refused_before_parsing(
    ctx: Any, contract: str, dump: Any, cli: Any, tmp_path: Path
) -> None:
    """One value at XFD1048576 would make the grid parser allocate the whole sheet."""
    sheet = (
        SHEET_HEAD + '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c>'
        '</row><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>y</t></is></c>'
        "</row></sheetData></worksheet>"
    )
    refused(
        ctx, contract, raw_workbook(tmp_path / "ver.xlsx", sheet), "wb_too_many_rows", dump, cli
    )
    wide = (
        SHEET_HEAD + '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c>'
        '<c r="XFD1" t="inlineStr"><is><t>y</t></is></c></row><row r="90000"><c '
        'r="B90000" t="inlineStr"><is><t>z</t></is></c></row></sheetData></worksheet>'
    )
    refused(
        ctx, contract, raw_workbook(tmp_path / "breed.xlsx", wide), "wb_too_many_columns", dump, cli
    )
    unordered = (
        SHEET_HEAD + '<sheetData><row r="1"><c t="inlineStr" r="XFD1"><is><t>y</t>'
        '</is></c></row><row r="200000"><c r="A200000"><v>1</v></c></row>'
        "</sheetData></worksheet>"
    )
    refused(
        ctx,
        contract,
        raw_workbook(tmp_path / "volgorde.xlsx", unordered),
        "wb_too_many_columns",
        dump,
        cli,
    )
    no_position = (
        SHEET_HEAD + '<sheetData><row r="1">' + "<c/>" * 20_000 + "<c><v>1</v></c>"
        "</row></sheetData></worksheet>"
    )
    refused(
        ctx,
        contract,
        raw_workbook(tmp_path / "zonder.xlsx", no_position),
        "wb_cells_without_position",
        dump,
        cli,
    )


def test_markup_long_and_non_latin_text_imports_cleanly(
    ctx: Any, contract: str, filler: Any, dump: Any
) -> None:
    long_text = "Zoë’s ő Ł 工厂 مصنع " * 1500
    sites = [
        [
            "S1",
            "<script>alert(1)</script> & <b>Fabriek</b>",
            "CN",
            "广州",
            1,
            "Kleding ]]> <![CDATA[",
            10,
            "SA8000",
            None,
            None,
        ],
        ["S2", "Фабрика «Север»", "Rusland", "Санкт-Петербург", 2, "Ткань", None, None, None, None],
    ]
    risks = [["R1", "S1", "Milieu", long_text, 2, 2, "عربي"], *RISK_ROWS[2:]]
    path = filler.workbook(sites=sites, risks=risks, measures=MEASURE_ROWS[2:])
    result = submissions.import_workbook(ctx, path, contract, allow_warnings=True)
    assert result.status == "imported", result.check.errors
    from app.persistence import models as m

    with ctx.db.read() as session:
        names = sorted(s.name for s in session.query(m.Site))
        descriptions = {r.risk_key: r.description for r in session.query(m.Risk)}
    assert names == sorted([sites[0][1], sites[1][1]])
    assert descriptions["R1"] == long_text.strip()
    from app.persistence.integrity import verify

    assert verify(ctx.db).ok


@pytest.mark.slow
def test_200000_real_rows_within_bounds(ctx: Any, contract: str, tmp_path: Path) -> None:
    """200,000 sites: read within seconds and a few hundred MB, cleanly."""
    from openpyxl import Workbook

    from workbook.samples import SITES_NL, SUPPLIER_NL

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Leverancier")
    for label, value in SUPPLIER_NL.items():
        ws.append([label, value])
    ws = wb.create_sheet("Keten")
    ws.append(SITES_NL)
    for i in range(200_000):
        ws.append([f"S{i}", "Fabriek", "CN", None, 1, "Kleding", None, None, None, None])
    for name, head in (
        (
            "Risico's",
            ["Risico-ID", "Locatie-ID", "Thema", "Omschrijving", "Ernst", "Waarschijnlijkheid"],
        ),
        (
            "Maatregelen",
            [
                "Maatregel-ID",
                "Risico-ID",
                "Omschrijving",
                "Verantwoordelijke",
                "Einddatum",
                "Status",
            ],
        ),
    ):
        ws = wb.create_sheet(name)
        ws.append(head)
    path = tmp_path / "200k.xlsx"
    wb.save(path)
    started = time.perf_counter()
    result = submissions.check(ctx, path, contract)
    elapsed = time.perf_counter() - started
    assert result.errors == ()
    assert result.counts["sites"] == 200_000
    assert elapsed < 60
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    assert peak_mb < 1500  # the whole test process, including openpyxl writing the file


def test_unexpected_reader_failure_is_one_sentence(
    ctx: Any, contract: str, filler: Any, cli: Any, monkeypatch: Any
) -> None:
    """Even a bug in the reader reaches the user as a sentence, never a traceback."""
    import app.io.workbook_reader as reader

    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr(reader, "read_workbook", broken)
    run = cli("import", str(filler.workbook()), "--contract", contract)
    assert run.status == 1 and "Traceback" not in run.err and run.err.strip()


def test_no_sheet_grid_for_unused_sheets(ctx: Any, contract: str, filler: Any) -> None:
    """An extra sheet with a far cell is not read (and not refused): it is ignored."""

    def extra(wb: Any) -> None:
        wb.create_sheet("Notities")["XFD1048576"] = "ver weg"

    result = submissions.check(ctx, filler.workbook(extra=extra), contract)
    assert result.errors == ()
    assert [p.code for p in result.notes] == ["wb_sheet_ignored"]


def test_opendocument_spreadsheet_renamed(
    ctx: Any, contract: str, dump: Any, cli: Any, tmp_path: Path
) -> None:
    path = tmp_path / "rekenblad.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content/>")
    refused(ctx, contract, path, "wb_ods", dump, cli)


def test_template_for_an_unknown_contract(cli: Any, tmp_path: Path) -> None:
    run = cli("template", "--contract", "ONBEKEND", "-o", str(tmp_path / "t.xlsx"))
    assert run.status == 1 and "ONBEKEND" in run.err and "Traceback" not in run.err
    assert not (tmp_path / "t.xlsx").exists()
    run = cli("template", "--contract", "X", "-o", str(tmp_path / "geen-map" / "t.xlsx"))
    assert run.status == 2
