"""The PDF and the Excel workbook show the same figures as ``report --json``, and the
workbook's data sheets recount to them."""

from __future__ import annotations

import io
import json
import subprocess
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pypdf import PdfReader

from app.domain.formatting import format_money, format_number
from app.domain.report_figures import FIGURE_BY_CODE, TENDER_FIGURES


def run_report(cli: Any, tmp_path: Path, lang: str = "nl") -> tuple[dict[str, Any], Path, Path]:
    pdf, xlsx = tmp_path / f"jaar-{lang}.pdf", tmp_path / f"jaar-{lang}.xlsx"
    result = cli(
        "--lang", lang, "report", "--year", "2025", "--pdf", str(pdf), "--xlsx", str(xlsx), "--json"
    )
    assert result.status == 0, result.err
    return json.loads(result.out), pdf, xlsx


def pdf_tokens(path: Path) -> list[str]:
    """The words of the PDF's text (a non-breaking space counts as a space)."""
    reader = PdfReader(str(path))
    text = " ".join(page.extract_text() for page in reader.pages)
    return text.replace("\u00a0", " ").split()


def has_sequence(tokens: list[str], sequence: list[str]) -> bool:
    n = len(sequence)
    return any(tokens[i : i + n] == sequence for i in range(len(tokens) - n + 1))


def plain_money(euros: int, lang: str) -> str:
    return format_number(euros, lang)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_pdf_shows_the_json_figures(year_db: Any, cli: Any, tmp_path: Path, lang: str) -> None:
    data, pdf, _ = run_report(cli, tmp_path, lang)
    tokens = pdf_tokens(pdf)
    totals = data["totals"]
    # a reason for not applying the ISV in words, without its code (that is in the Excel)
    urgency = "Urgency" if lang == "en" else "Spoed"
    assert urgency in tokens and "(urgency)" not in tokens
    # the key-figure table of the summary: name, then value
    for code in (
        "tenders",
        "tenders_isv_mandatory",
        "tenders_isv_applied_mandatory",
        "tenders_isv_not_applied_mandatory",
        "tenders_isv_applied_voluntary",
        "contracts_active",
        "contracts_isv",
        "risk_analysis_received",
        "plan_agreed",
        "yearly_report_received",
        "yearly_report_sufficient",
        "measures_overdue",
        "signals_received",
    ):
        name = FIGURE_BY_CODE[code].name(lang).split()
        assert has_sequence(tokens, [*name, str(totals[code])]), code
    # the tenders table: each category row, then the total row
    total_word = "Total" if lang == "en" else "Totaal"
    tender_codes = (
        "tenders",
        "tenders_isv_mandatory",
        "tenders_isv_applied_mandatory",
        "tenders_isv_not_applied_mandatory",
        "tenders_isv_applied_voluntary",
        "tenders_clause_current",
    )
    for category in data["categories"]:
        if category["tenders"]:
            name = category[f"name_{lang}"].split()
            values = [str(category[c]) for c in tender_codes]
            values.append(plain_money(category["tenders_value"], lang))
            assert has_sequence(tokens, name + values), category["code"]
    assert has_sequence(
        tokens,
        [total_word]
        + [str(totals[c]) for c in tender_codes]
        + [plain_money(totals["tenders_value"], lang)],
    )
    # the contracts table's total row
    contract_codes = ("contracts_active", "contracts_isv")
    assert has_sequence(
        tokens,
        [total_word]
        + [str(totals[c]) for c in contract_codes]
        + [plain_money(totals["contracts_value"], lang)]
        + [
            str(totals[c])
            for c in (
                "risk_analysis_received",
                "risk_analysis_on_time",
                "plan_agreed",
                "yearly_report_received",
                "yearly_report_sufficient",
            )
        ],
    )
    # the escalation table and the SDG rows
    for sdg in data["sdg"]:
        assert has_sequence(
            tokens, [str(sdg["contracts"]), str(sdg["risks"]), str(sdg["signals"])]
        ), sdg["target"]
    # money and dates in the language's own format
    text = " ".join(tokens)
    shown = format_money(Decimal(totals["tenders_value"]), lang)
    assert shown.replace("\u00a0", " ") in text  # the tokens read a no-break space as one
    if lang == "nl":
        assert "€ 2.280.000" in text
        assert "31 december 2025" in text
        assert "Pagina 1 van" in text
    else:
        assert "€2,280,000" in text
        assert "31 December 2025" in text
        assert "Page 1 of" in text
    assert data["fingerprint"] in text
    # every figure is defined in the annex in words, by its name (no code names)
    annex = text.split(ANNEX[lang])[-1]
    for figure in FIGURE_BY_CODE.values():
        assert " ".join(figure.name(lang).split()) in annex, figure.code
        assert " ".join(figure.definition(lang).split())[:60] in annex, figure.code
        if "_" in figure.code:
            assert figure.code not in annex, figure.code


ANNEX = {"nl": "Bijlage: definities van de cijfers", "en": "Annex: definitions of the figures"}


def test_pdf_fonts_embedded_and_metadata(year_db: Any, cli: Any, tmp_path: Path) -> None:
    _, pdf, _ = run_report(cli, tmp_path)
    fonts = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert fonts
    for line in fonts:
        assert line.split()[-5] == "yes", line  # the "emb" column
    reader = PdfReader(str(pdf))
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "ISV-jaarrapportage 2025"
    assert meta.author == "Alle organisaties"
    assert "Jaarrapportage Bedrijfsvoering Rijk" in (meta.subject or "")
    assert reader.trailer["/Root"]["/Lang"] == "nl-NL"
    pages = len(reader.pages)
    assert f"Pagina {pages} van {pages}" in reader.pages[-1].extract_text()


def summary_rows(path: Path) -> dict[str, list[Any]]:
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Samenvatting"]
    rows = list(sheet.iter_rows(values_only=True))
    header = next(i for i, r in enumerate(rows) if r[1] == "Code")
    found = {}
    for row in rows[header + 1 :]:
        if row[1] in FIGURE_BY_CODE or (
            isinstance(row[1], str) and row[1].startswith("escalation_")
        ):
            found[row[1]] = list(row)
    found["_header"] = list(rows[header])
    return found


def euros_or_count(code: str, value: Any) -> Any:
    if code in FIGURE_BY_CODE and FIGURE_BY_CODE[code].money:
        return round(value)
    return value


def test_excel_summary_shows_the_json_figures(year_db: Any, cli: Any, tmp_path: Path) -> None:
    data, _, xlsx = run_report(cli, tmp_path)
    rows = summary_rows(xlsx)
    header = rows.pop("_header")
    assert set(rows) == set(data["totals"])
    for code, row in rows.items():
        assert euros_or_count(code, row[2]) == data["totals"][code], code
    names = header[3 : 3 + len(data["categories"])]
    assert names == [c["name_nl"] for c in data["categories"]]
    for index, category in enumerate(data["categories"]):
        for code, row in rows.items():
            assert euros_or_count(code, row[3 + index]) == category[code], (category, code)


def sheet_table(workbook: Any, name: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    rows = list(workbook[name].iter_rows(values_only=True))
    return [str(h) for h in rows[0]], rows[1:]


def column_code(header: str) -> str:
    return header.rsplit("[", 1)[1].rstrip("]") if header.endswith("]") else ""


def test_excel_data_sheets_recount_to_the_figures(year_db: Any, cli: Any, tmp_path: Path) -> None:
    data, _, xlsx = run_report(cli, tmp_path)
    totals = data["totals"]
    workbook = openpyxl.load_workbook(xlsx)
    header, rows = sheet_table(workbook, "Aanbestedingen")
    assert len(rows) == totals["tenders"]
    recounted = {}
    for index, title in enumerate(header):
        code = column_code(title)
        if code:
            recounted[code] = euros_or_count(code, sum(r[index] for r in rows))
    assert set(recounted) == set(TENDER_FIGURES)
    for code, value in recounted.items():
        assert value == totals[code], code
    # a filter a reader would use: mandatory tenders not applied, by the text columns
    verdict, applied = header.index("Oordeel verplichting"), header.index("ISV toegepast")
    assert (
        sum(1 for r in rows if r[verdict] == "verplicht" and r[applied] == "nee")
        == totals["tenders_isv_not_applied_mandatory"]
    )

    header, rows = sheet_table(workbook, "Contracten")
    assert len(rows) == totals["contracts_active"]
    steps: dict[str, Counter[str]] = {}
    recount: dict[str, dict[str, int]] = {}
    for index, title in enumerate(header):
        code = column_code(title)
        if code.startswith("step_"):
            steps[code.removeprefix("step_")] = Counter(r[index] for r in rows if r[index])
        elif code.startswith("risks:"):  # risks per theme and priority; blank is zero
            _, theme, priority = code.split(":")
            found = sum(r[index] or 0 for r in rows)
            if found:
                recount.setdefault(theme, {})[priority] = found
        elif code:  # blank (not applicable) on contracts without ISV; SUM skips blanks
            assert euros_or_count(code, sum(r[index] or 0 for r in rows)) == totals[code], code
    state_words = {  # the states in words, as the PDF shows them; the codes are in JSON
        "not_started": "Niet begonnen",
        "in_progress": "Bezig",
        "done": "Gereed",
        "overdue": "Te laat",
        "not_applicable": "N.v.t.",
    }
    for code, states in data["oecd_steps"].items():
        for state, count in states.items():
            assert steps[code][state_words[state]] == count, (code, state)
    tender_header, tender_rows = sheet_table(workbook, "Aanbestedingen")
    kinds = {r[tender_header.index("Soort")] for r in tender_rows}
    assert kinds <= {"leveringen", "diensten", "werken"}, kinds
    assert recount == data["risks_by_theme"]
    assert sum(sum(p.values()) for p in recount.values()) == totals["risks"] > 0
    assert "Risico's" not in workbook.sheetnames  # counted per contract, not a row per risk


def test_renderers_return_bytes_in_both_languages(year_db: Any) -> None:
    from app.io.report_pdf import render_report_pdf
    from app.io.report_xlsx import render_report_xlsx
    from app.services import reporting

    report = reporting.year_report(year_db, 2025)
    for lang in ("nl", "en"):
        pdf = render_report_pdf(report, year_db.reference, lang)
        assert pdf.startswith(b"%PDF")
        book = openpyxl.load_workbook(
            io.BytesIO(render_report_xlsx(report, year_db.reference, lang))
        )
        assert book.sheetnames[0] == ("Summary" if lang == "en" else "Samenvatting")


def test_rendering_leaves_reportlabs_settings_alone(year_db: Any) -> None:
    """reportlab's settings are process-wide: the report is rendered with them as they are
    and changes none of them (another PDF of the process, in another thread, sees the
    same settings throughout)."""
    from reportlab import rl_config

    from app.io.report_pdf import render_report_pdf
    from app.services import reporting

    def settings() -> dict[str, Any]:
        return {k: v for k, v in vars(rl_config).items() if not k.startswith("_")}

    before = settings()
    pdf = render_report_pdf(reporting.year_report(year_db, 2025), year_db.reference, "nl")
    assert pdf.startswith(b"%PDF")
    assert settings() == before


def test_files_go_where_asked_or_the_command_says_why(ctx: Any, cli: Any, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder" / "jaar.pdf"
    result = cli("report", "--year", "2025", "--pdf", str(missing))
    assert result.status == 2
    assert str(missing) in result.err and len(result.err.strip().splitlines()) == 1
    target = tmp_path / "out" / "export.json"
    target.parent.mkdir()
    result = cli("export", "--year", "2025", "-o", str(target))
    assert result.status == 0
    assert str(target) in result.out
    assert [p.name for p in target.parent.iterdir()] == ["export.json"]  # no partial left
    result = cli("report", "--year", "2025", "--xlsx", str(tmp_path / "out" / "j.xlsx"))
    assert result.status == 0
    assert sorted(p.name for p in target.parent.iterdir()) == ["export.json", "j.xlsx"]
