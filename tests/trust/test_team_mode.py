"""Team mode: the whole command line on one database — SQLite in the first pass of
``.ci/test`` and a PostgreSQL server in the second (``ISV_TEST_POSTGRES_URL``): demo
data, registering, clause texts, the supplier workbook out and back in, evidence, what
is due, the yearly report and export, and verify. A server database refuses a file
backup in one sentence (the server's own backups cover it)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .helpers import supplier_workbook

Cli = Callable[..., Any]


def _ok(result: Any) -> Any:
    assert result.status == 0, result.err
    assert "Traceback" not in result.err
    return result


def test_every_command_on_this_database(cli: Cli, db_location: str, tmp_path: Path) -> None:
    _ok(cli("demo", "--tenders", "25", "--seed", "3"))
    _ok(
        cli(
            "tender",
            "add",
            "--ref",
            "T-TEAM",
            "--title",
            "Werkkleding team",
            "--category",
            "bedrijfskleding",
            "--kind",
            "supplies",
            "--value",
            "500000",
            "--published",
            "2025-09-01",
            "--organisation",
            "Ministerie van Defensie",
            "--isv",
            "applied",
            "--form",
            "contract-condition",
        )
    )
    _ok(
        cli(
            "contract",
            "add",
            "--ref",
            "C-1",
            "--tender",
            "T-TEAM",
            "--supplier",
            "Textiel B.V.",
            "--supplier-country",
            "NL",
            "--start",
            "2026-01-01",
            "--end",
            "2029-12-31",
            "--kvk",
            "12345678",
        )
    )
    for fmt in ("docx", "pdf", "md"):
        target = tmp_path / f"isv.{fmt}"
        _ok(cli("clauses", "--tender", "T-TEAM", "--format", fmt, "-o", str(target)))
        assert target.stat().st_size > 0
    template = tmp_path / "werkmap-leeg.xlsx"
    _ok(cli("template", "--contract", "C-1", "-o", str(template)))
    workbook = supplier_workbook(tmp_path / "werkmap.xlsx", "C-1", sites=4, risks=6, measures=5)
    imported = json.loads(_ok(cli("import", str(workbook), "--contract", "C-1", "--json")).out)
    assert imported["status"] == "imported"
    assert imported["counts"] == {"sites": 4, "risks": 6, "measures": 5}
    again = json.loads(_ok(cli("import", str(workbook), "--contract", "C-1", "--json")).out)
    assert again.get("duplicate") is True
    document = tmp_path / "certificaat.pdf"
    document.write_bytes(b"%PDF-1.4 certificaat")
    _ok(
        cli(
            "evidence",
            "add",
            str(document),
            "--contract",
            "C-1",
            "--type",
            "certificate",
            "--issued",
            "2026-01-10",
            "--valid-until",
            "2027-01-09",
        )
    )
    json.loads(_ok(cli("due", "--within", "60", "--json")).out)
    pdf, xlsx = tmp_path / "rapport.pdf", tmp_path / "rapport.xlsx"
    figures = json.loads(
        _ok(cli("report", "--year", "2025", "--json", "--pdf", str(pdf), "--xlsx", str(xlsx))).out
    )
    assert figures["totals"]["tenders"] >= 1
    assert pdf.read_bytes().startswith(b"%PDF") and xlsx.stat().st_size > 0
    _ok(cli("export", "--year", "2025", "-o", str(tmp_path / "export.json")))
    checked = json.loads(_ok(cli("verify", "--json")).out)
    assert checked["ok"] is True and checked["attachments"] >= 2
    backup = cli("backup", "-o", str(tmp_path / "b.zip"))
    if "://" in db_location:
        assert backup.status == 3 and backup.err.count("\n") == 1
        assert "Traceback" not in backup.err and not (tmp_path / "b.zip").exists()
    else:
        assert backup.status == 0, backup.err
