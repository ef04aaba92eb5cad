"""Counting as the JBR counts (by award date, or by publication date on request), reason
codes that add up, the share by value, one category set per table, and the DOCX report
read back with python-docx showing the JSON's figures; the summary's sentences made from
the same figures.

The dataset (report year 2025, threshold 143,000; Annex XIV 750,000):

==== ===================== ========= ========== ========== =================================
ref  category              value     published  awarded    ISV
==== ===================== ========= ========== ========== =================================
A    ict-werkomgeving      200,000   2024-11-01 2025-02-01 mandatory, applied (generated text)
B    consumptieve-d. (svc) 300,000   2025-03-01 2025-05-01 mandatory, not applied: urgency
C    bedrijfskleding       500,000   2025-06-01 2026-01-15 mandatory, applied (official text)
D    energie               600,000   2025-07-01 –          mandatory, no decision
E    catering (ten-set)    400,000   2025-08-01 2025-09-01 mandatory, not applied: other
F    overig                 90,000   2025-09-01 2025-10-01 outside, not applied
==== ===================== ========= ========== ========== =================================
"""

from __future__ import annotations

import io
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from app.domain.formatting import format_money, format_number
from app.io.report_summary import sentence_figures

ROWS = [
    ("A", "ict-werkomgeving", "supplies", "200000", "2024-11-01", "2025-02-01",
     ["--isv", "applied", "--form", "contract-condition", "--text-source", "generated"]),
    ("B", "consumptieve-dienstverlening", "services", "300000", "2025-03-01", "2025-05-01",
     ["--isv", "not-applied", "--reason", "Spoed na faillissement", "--not-applied-reason",
      "urgency"]),
    ("C", "bedrijfskleding", "supplies", "500000", "2025-06-01", "2026-01-15",
     ["--isv", "applied", "--form", "minimum-requirement", "--text-source", "official"]),
    ("D", "energie", "supplies", "600000", "2025-07-01", None, []),
    ("E", "catering", "supplies", "400000", "2025-08-01", "2025-09-01",
     ["--isv", "not-applied", "--reason", "Markt kon niet leveren", "--not-applied-reason",
      "other"]),
    ("F", "overig", "services", "90000", "2025-09-01", "2025-10-01", ["--isv", "not-applied"]),
]  # fmt: skip


@pytest.fixture
def basis_db(cli: Any) -> None:
    for ref, category, kind, value, published, awarded, extra in ROWS:
        args = ["tender", "add", "--ref", ref, "--title", f"Aanbesteding {ref}"]
        args += ["--category", category, "--kind", kind, "--value", value]
        args += [
            "--published",
            published,
            "--organisation",
            "Ministerie van EZK" if ref in "AB" else "Ministerie van BZK",
        ]
        if awarded:
            args += ["--awarded", awarded]
        result = cli(*args, *extra)
        assert result.status == 0, result.err


def _json(cli: Any, *args: str) -> dict[str, Any]:
    result = cli("report", "--year", "2025", "--json", *args)
    assert result.status == 0, result.err
    return json.loads(result.out)  # type: ignore[no-any-return]


def test_counted_by_award_date_and_by_publication_date(basis_db: None, cli: Any) -> None:
    awarded = _json(cli)
    assert awarded["basis"] == "awarded"
    assert awarded["totals"]["tenders"] == 4  # A B E F (awarded in 2025)
    assert awarded["totals"]["tenders_isv_mandatory"] == 3  # A B E
    assert awarded["award_date_unknown"] == 1  # D, published 2025, never awarded
    assert [t["ref"] for t in awarded["award_date_unknown_tenders"]] == ["D"]
    published = _json(cli, "--basis", "published")
    assert published["basis"] == "published"
    assert published["totals"]["tenders"] == 5  # B C D E F (published in 2025)
    assert published["award_date_unknown"] == 0
    # the text output names the tenders without an award date
    text = cli("report", "--year", "2025")
    assert text.status == 0 and "D" in text.out.split(":")[-1]


def test_reason_codes_sum_and_the_share_by_value(basis_db: None, cli: Any) -> None:
    data = _json(cli)
    assert data["not_applied_reasons"] == [
        {"code": "other", "tenders": 1},
        {"code": "urgency", "tenders": 1},
    ]
    assert (
        sum(r["tenders"] for r in data["not_applied_reasons"])
        == (data["totals"]["tenders_isv_not_applied_mandatory"])
    )
    assert data["totals"]["tenders_value_mandatory"] == 900_000  # A B E
    assert data["totals"]["tenders_value_applied_mandatory"] == 200_000  # A
    assert data["share_mandatory_applied_by_value"] == round(200_000 / 900_000, 4)
    assert data["share_mandatory_applied"] == round(1 / 3, 4)
    assert data["totals"]["tenders_clause_current"] == 1  # A: generated here
    published = _json(cli, "--basis", "published")
    assert published["totals"]["tenders_text_official"] == 1  # C
    reasons = cli("categories", "--reasons", "--json")
    codes = [r["code"] for r in json.loads(reasons.out)]
    assert codes == [
        "below-threshold-after-all",
        "outside-categories-after-all",
        "call-off-under-agreement-with-isv",
        "no-chain-risk-by-analysis",
        "urgency",
        "other",
    ]


def test_one_category_set_per_table_never_a_category_twice(basis_db: None, cli: Any) -> None:
    for args in ((), ("--group-into", "tien-2017")):
        data = _json(cli, *args)
        sets = {c["set"] for c in data["categories"]} - {None}
        assert len(sets) == 1, sets
        names = [c["name_nl"] for c in data["categories"]]
        assert len(names) == len(set(names)), names
    # E was registered under the ten-set code catering: counted with B under the eight
    eight = _json(cli)
    food = [c for c in eight["categories"] if c["code"] == "consumptieve-dienstverlening"]
    assert food and food[0]["tenders"] == 2


def test_per_organisation_and_the_previous_year(basis_db: None, cli: Any) -> None:
    data = _json(cli)
    by_org = {o["organisation"]: o["tenders"] for o in data["organisations"]}
    assert by_org == {"Ministerie van BZK": 2, "Ministerie van EZK": 2}
    assert data["previous_year"]["year"] == 2024
    assert data["previous_year"]["totals"]["tenders"] == 0  # A was awarded in 2025


def _docx(path: Path) -> tuple[list[tuple[str, str]], list[list[list[str]]]]:
    import docx

    document = docx.Document(str(path))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    return paragraphs, tables


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_docx_report_has_headings_tables_and_the_json_figures(
    basis_db: None, cli: Any, tmp_path: Path, lang: str
) -> None:
    target = tmp_path / f"jaar-{lang}.docx"
    result = cli("--lang", lang, "report", "--year", "2025", "--docx", str(target), "--json")
    assert result.status == 0, result.err
    data = json.loads(result.out)
    paragraphs, tables = _docx(target)
    styles = {style for style, _ in paragraphs}
    assert {"Title", "Heading 1", "Heading 2"} <= styles
    import docx
    from docx.oxml.ns import qn

    tagged = docx.Document(str(target)).styles.element.find(qn("w:docDefaults"))
    language = tagged.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert language.get(qn("w:val")) == {"nl": "nl-NL", "en": "en-GB"}[lang]  # spelling
    totals = data["totals"]
    key = {row[0]: row[1] for row in tables[0][1:]}
    from app.domain.report_figures import FIGURE_BY_CODE

    for code in ("tenders", "tenders_isv_mandatory", "tenders_isv_applied_mandatory",
                 "contracts_active", "risk_analysis_late"):  # fmt: skip
        assert key[FIGURE_BY_CODE[code].name(lang)] == format_number(totals[code], lang), code
    value = format_money(Decimal(str(totals["tenders_value"])), lang)
    assert key[FIGURE_BY_CODE["tenders_value"].name(lang)] == value
    # the category table: every category once, its figures the JSON's
    category_table = next(t for t in tables if len(t[0]) == 6)
    names = [row[0] for row in category_table[1:-1]]
    assert len(names) == len(set(names))
    for category in data["categories"]:
        row = next(r for r in category_table if r[0] == category[f"name_{lang}"])
        assert row[1] == format_number(category["tenders"], lang)
    # the reason codes with their words, and the tender without an award date by name
    flat = " ".join(cell for t in tables for row in t for cell in row)
    assert "(urgency)" in flat and "(other)" in flat and "Aanbesteding D" in flat
    # the summary: the same sentences, with the JSON's figures
    body = [text for style, text in paragraphs if style == "Normal"]
    _summary_matches(body, totals, lang)


def _summary_matches(body: list[str], totals: dict[str, Any], lang: str) -> None:
    """Each summary sentence shows, in order, each figure it names with the JSON's value."""
    for figures in sentence_figures(lang):
        expected = []
        for code, _whole, fmt in figures:
            if fmt == "pct":
                continue  # a share: checked through its two figures elsewhere
            value = totals[code]
            if fmt == "eur":
                expected.append(format_money(Decimal(str(value)), lang).replace(" ", "\u00a0"))
            else:
                expected.append(format_number(value, lang))
        found = [
            text for text in body if all(e in text for e in expected) and _in_order(text, expected)
        ]
        assert found, (figures, expected)


def _in_order(text: str, parts: list[str]) -> bool:
    position = 0
    for part in parts:
        # a whole number, not part of a longer one (a sentence may end right after it)
        pattern = r"(?<!\d)(?<!\d[.,])" + re.escape(part) + r"(?!\d|[.,]\d)"
        match = re.search(pattern, text[position:])
        if match is None:
            return False
        position += match.end()
    return True


def test_the_summary_says_what_the_json_says_about_risk_analyses(
    year_db: Any, cli: Any, tmp_path: Path
) -> None:
    """The issue's case: one risk analysis, delivered late. The summary said '1 delivered
    (0 on time) and 0 not within the deadline'; now on time, late and missing are each
    the JSON's figure."""
    target = tmp_path / "jaar.docx"
    result = cli("report", "--year", "2025", "--docx", str(target), "--json")
    data = json.loads(result.out)
    totals = data["totals"]
    paragraphs, _ = _docx(target)
    sentence = next(t for _, t in paragraphs if "risicoanalyse geleverd" in t)
    assert (
        f"{totals['risk_analysis_received']} een risicoanalyse geleverd "
        f"({totals['risk_analysis_on_time']} op tijd, {totals['risk_analysis_late']} te laat)"
    ) in sentence
    assert f"bij {totals['risk_analysis_overdue']} ontbrak de risicoanalyse" in sentence
    _summary_matches([t for _, t in paragraphs], totals, "nl")


def test_excel_reason_columns_and_print_setup(basis_db: None, cli: Any, tmp_path: Path) -> None:
    target = tmp_path / "jaar.xlsx"
    assert cli("report", "--year", "2025", "--xlsx", str(target)).status == 0
    book = openpyxl.load_workbook(io.BytesIO(target.read_bytes()))
    for sheet in book:
        assert sheet.page_setup.orientation == "landscape", sheet.title
        assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == "$1:$1", sheet.title
        assert sheet.freeze_panes, sheet.title
    tenders = book["Aanbestedingen"]
    header = [c.value for c in tenders[1]]
    rows = {
        r[0]: dict(zip(header, r, strict=False))
        for r in tenders.iter_rows(min_row=2, values_only=True)
    }
    code, words = "Reden niet toegepast (code)", "Reden niet toegepast"
    assert (rows["B"][code], rows["B"][words]) == ("urgency", "Spoed")
    assert rows["B"]["Toelichting bij het besluit"] == "Spoed na faillissement"
    assert rows["A"][code] is None and rows["A"][words] is None  # applied: no reason
    assert rows["A"]["Gunningsdatum"] is not None
