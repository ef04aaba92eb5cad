"""Text from users and suppliers shows literally in the PDF and the workbook: formula-like
text never becomes a formula, markup is not interpreted, long and non-Latin text survive."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
from pypdf import PdfReader

FORMULA = "=cmd|' /C calc'!A0"
HOSTILE = [FORMULA, "+1", "-1", "@SUM(1)", "<b>markup</b> & ampersands", "中文 العربية"]
LONG = ("Lange reden " + "abcdefghij " * 600).strip()  # over 5,000 characters
CHINESE = "中文"
ARABIC = "العربية"


def words(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def test_hostile_text_is_literal_in_pdf_and_excel(ctx: Any, cli: Any, tmp_path: Path) -> None:
    assert len(LONG) > 5000
    reasons = [*HOSTILE, LONG]
    for n, reason in enumerate(reasons, 1):
        result = cli(
            "tender",
            "add",
            "--ref",
            f"H{n}",
            "--title",
            HOSTILE[n % len(HOSTILE)],
            "--category",
            "bedrijfskleding",
            "--kind",
            "supplies",
            "--value",
            "300000",
            "--published",
            "2025-05-01",
            "--awarded",
            "2025-06-01",
            "--organisation",
            '=HYPERLINK("http://x")' if n == 1 else "<i>Org</i>",
            "--isv",
            "not-applied",
            "--reason",
            reason,
        )
        assert result.status == 0, result.err
    result = cli(
        "contract",
        "add",
        "--ref",
        "@C1",
        "--tender",
        "H1",
        "--supplier",
        FORMULA,
        "--supplier-country",
        "CN",
        "--start",
        "2025-06-01",
        "--end",
        "2026-05-31",
    )
    assert result.status == 0, result.err
    pdf, xlsx = tmp_path / "h.pdf", tmp_path / "h.xlsx"
    result = cli("report", "--year", "2025", "--pdf", str(pdf), "--xlsx", str(xlsx), "--json")
    assert result.status == 0, result.err
    data = json.loads(result.out)
    # counted per reason code (none given: the 'no code' row), the explanations shown
    assert data["not_applied_reasons"] == [{"code": "no-code", "tenders": len(reasons)}]

    # the page text without each page's footer lines, so a reason crossing a page reads on
    bodies = [page.extract_text().splitlines() for page in PdfReader(str(pdf)).pages]
    assert all(lines[-1].startswith("Pagina ") for lines in bodies)
    text = words(" ".join(" ".join(lines[:-2]) for lines in bodies))
    for reason in [*HOSTILE[:-1], LONG]:
        assert words(reason) in text, reason[:40]
    assert CHINESE in text  # drawn in the CJK fallback font, not dropped
    # reportlab draws Arabic unshaped; its letters are all there
    assert set(ARABIC) <= set(text)
    # every font is embedded (a subset): no reader needs a language pack or a system font
    fonts = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert any("DroidSansFallback" in line for line in fonts), fonts
    # columns: name, type, encoding, emb, sub, uni, object ID
    assert all(line.split()[-5:-3] == ["yes", "yes"] for line in fonts), fonts

    book = openpyxl.load_workbook(xlsx)
    cells = [
        cell
        for sheet in book
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ]
    assert not [c for c in cells if c.data_type == "f"]  # no formula anywhere
    values = {c.value for c in cells}
    for value in [*reasons, FORMULA, "@C1", '=HYPERLINK("http://x")']:
        assert value in values, value[:40]
    for cell in cells:
        if isinstance(cell.value, str) and cell.value[:1] in ("=", "+", "-", "@"):
            assert cell.data_type == "s", cell.value
