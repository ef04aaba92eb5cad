"""Every reading rule of spec/supplier-workbook.md, with the exact sheet, row and column."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from app.services import submissions
from workbook.samples import (
    MEASURE_ROWS,
    MEASURES_EN,
    MEASURES_NL,
    RISK_ROWS,
    RISKS_EN,
    RISKS_NL,
    SITE_ROWS,
    SITES_EN,
    SITES_NL,
    SUPPLIER_NL,
)


def found(result: Any, severity: str = "error") -> list[tuple[str, int, str, str, str]]:
    return [
        (p.sheet, p.row, p.column, p.value, p.code)
        for p in result.problems
        if p.severity == severity
    ]


def test_clean_workbook_has_no_errors_and_reads_every_row(
    ctx: Any, contract: str, filler: Any
) -> None:
    result = submissions.check(ctx, filler.workbook(), contract)
    assert found(result) == []
    assert result.counts == {"sites": 2, "risks": 3, "measures": 3}
    site = result.submission.sites[0]
    assert (site.site_key, site.country, site.tier, site.workers, site.last_audit) == (
        "S1",
        "BD",
        1,
        850,
        dt.date(2025, 11, 3),
    )
    risks = {r.risk_key: r for r in result.submission.risks}
    assert (
        risks["R1"].theme,
        risks["R1"].severity,
        risks["R1"].likelihood,
        risks["R1"].priority,
    ) == ("living_wage", 3, 3, "high")
    assert (risks["R2"].theme, risks["R2"].severity, risks["R2"].priority) == (
        "child_labour",
        4,
        "high",
    )
    assert (risks["R3"].theme, risks["R3"].likelihood, risks["R3"].site_key) == (
        "forced_labour",
        2,
        None,
    )
    measures = {x.measure_key: x for x in result.submission.measures}
    assert measures["M1"].status == "in_progress" and measures["M1"].progress == 40.0
    assert measures["M3"].status == "planned" and measures["M2"].start is None


def test_headers_in_english_any_order_any_case_with_extra_column(
    ctx: Any, contract: str, filler: Any
) -> None:
    order = [2, 0, 4, 3, 1, 6, 5, 9, 8, 7]
    heads = [f"  {SITES_EN[i].upper().replace(' ', '   ')} " for i in order] + ["Remarks"]
    rows = [[r[i] for i in order] + ["extra"] for r in SITE_ROWS]
    path = filler.workbook(
        sites=rows,
        headers=(heads, RISKS_EN, MEASURES_EN),
        names=("supplier", " SUPPLY CHAIN ", "Risk", "Measure"),
    )
    result = submissions.check(ctx, path, contract)
    assert found(result) == []
    assert "Remarks" in [p.column for p in result.problems if p.code == "wb_column_ignored"]
    note = next(p for p in result.problems if p.code == "wb_column_ignored")
    assert (note.sheet, note.row, note.col, note.severity) == (" SUPPLY CHAIN ", 1, 11, "note")
    assert result.submission.sites[1].country == "IN"


@pytest.mark.parametrize(
    "names",
    [
        ("Leveranciers", "keten", "Risicos", "maatregelen"),
        ("Suppliers", "Supply chains", "Risks", "Measures"),
        ("LEVERANCIER", "Keten ", "risico’s", "Maatregelen"),
    ],
)
def test_sheet_name_variants(
    ctx: Any, contract: str, filler: Any, names: tuple[str, str, str, str]
) -> None:
    result = submissions.check(ctx, filler.workbook(names=names), contract)
    assert found(result) == []
    assert result.counts["measures"] == 3


def test_unknown_sheet_is_a_note_and_missing_sheet_an_error(
    ctx: Any, contract: str, filler: Any
) -> None:
    def extra(wb: Any) -> None:
        wb.create_sheet("Mijn notities")
        del wb["Maatregelen"]

    result = submissions.check(ctx, filler.workbook(extra=extra), contract)
    assert ("Mijn notities", 0, "", "", "wb_sheet_ignored") in found(result, "note")
    assert ("Maatregelen", 0, "", "", "wb_sheet_missing") in found(result)


def test_missing_required_column_is_reported_on_row_1(ctx: Any, contract: str, filler: Any) -> None:
    heads = ["Risico-ID", "Locatie-ID", "Thema", "Omschrijving", "Ernst", "Bron"]
    rows = [["R1", "S1", "Milieu", "Afvalwater", 2, None]]
    path = filler.workbook(risks=rows, measures=[], headers=(SITES_NL, heads, MEASURES_NL))
    result = submissions.check(ctx, path, contract)
    assert ("Risico's", 1, "Waarschijnlijkheid", "", "wb_column_missing") in found(result)


def test_empty_rows_skipped_partial_row_checked(ctx: Any, contract: str, filler: Any) -> None:
    rows = [
        SITE_ROWS[0],
        [None] * 10,
        [None] * 10,
        SITE_ROWS[1],
        [None, None, None, "Dhaka", None, None, None, None, None, None],
    ]
    result = submissions.check(ctx, filler.workbook(sites=rows), contract)
    assert result.counts["sites"] == 0  # a row with an error blocks the import
    errors = found(result)
    assert ("Keten", 6, "Locatie-ID", "", "wb_required") in errors
    assert ("Keten", 6, "Naam locatie", "", "wb_required") in errors
    assert all(e[1] == 6 for e in errors)  # rows 3 and 4 are empty: skipped silently


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (dt.date(2026, 12, 31), dt.date(2026, 12, 31)),
        (dt.datetime(2026, 12, 31, 14, 30), dt.date(2026, 12, 31)),
        (46387, dt.date(2026, 12, 31)),
        ("31-12-2026", dt.date(2026, 12, 31)),
        ("31/12/2026", dt.date(2026, 12, 31)),
        ("2026-12-31", dt.date(2026, 12, 31)),
        (" 1-2-2026 ", dt.date(2026, 2, 1)),
    ],
)
def test_dates(ctx: Any, contract: str, filler: Any, given: Any, expected: dt.date) -> None:
    measures = [
        ["M1", "R1", "Loonanalyse", "CSR", None, given, "Gepland", None, None],
        ["M2", "R2", "Audit", "CSR", None, dt.date(2026, 1, 1), "Gepland", None, None],
        ["M3", "R3", "Traceren", "CSR", None, dt.date(2026, 1, 1), "Gepland", None, None],
    ]
    result = submissions.check(ctx, filler.workbook(measures=measures), contract)
    assert found(result) == []
    assert result.submission.measures[0].due == expected


@pytest.mark.parametrize(
    "given", ["31-13-2026", "morgen", "2026/12/31", "31.12.26", True, "30-02-2026"]
)
def test_bad_dates_are_errors_on_that_cell(
    ctx: Any, contract: str, filler: Any, given: Any
) -> None:
    sites = [[*SITE_ROWS[0][:8], given, None], SITE_ROWS[1]]
    result = submissions.check(ctx, filler.workbook(sites=sites), contract)
    problem = next(p for p in result.problems if p.severity == "error")
    assert (problem.sheet, problem.row, problem.column, problem.col, problem.code) == (
        "Keten",
        2,
        "Laatste audit",
        9,
        "wb_invalid_date",
    )


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (1234, 1234),
        ("1.234", 1234),
        ("1234", 1234),
        ("1.234,0", 1234),
        (" 12 ", 12),
        (850.0, 850),
    ],
)
def test_whole_numbers(ctx: Any, contract: str, filler: Any, given: Any, expected: int) -> None:
    sites = [[*SITE_ROWS[0][:6], given, *SITE_ROWS[0][7:]], SITE_ROWS[1]]
    result = submissions.check(ctx, filler.workbook(sites=sites), contract)
    assert found(result) == []
    assert result.submission.sites[0].workers == expected


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (12.5, 12.5),
        ("12,5", 12.5),
        ("12.5", 12.5),
        ("1.0,5", None),
        ("100", 100.0),
        (0, 0.0),
    ],
)
def test_decimal_numbers(
    ctx: Any, contract: str, filler: Any, given: Any, expected: float | None
) -> None:
    measures = [
        ["M1", "R1", "Loonanalyse", "CSR", None, dt.date(2026, 6, 1), "Gepland", given, None],
        *MEASURE_ROWS[1:],
    ]
    result = submissions.check(ctx, filler.workbook(measures=measures), contract)
    if expected is None:
        assert found(result) == [("Maatregelen", 2, "Voortgang (%)", "1.0,5", "wb_invalid_number")]
    else:
        assert found(result) == []
        assert result.submission.measures[0].progress == expected


@pytest.mark.parametrize(
    ("column", "given", "code"),
    [
        (4, 0, "wb_out_of_range"),
        (4, 11, "wb_out_of_range"),
        (4, 2.5, "wb_not_whole_number"),
        (4, "twee", "wb_invalid_number"),
        (6, -1, "wb_out_of_range"),
    ],
)
def test_number_errors(
    ctx: Any, contract: str, filler: Any, column: int, given: Any, code: str
) -> None:
    row = list(SITE_ROWS[0])
    row[column] = given
    result = submissions.check(ctx, filler.workbook(sites=[row, SITE_ROWS[1]]), contract)
    problem = next(p for p in result.problems if p.severity == "error")
    assert (problem.sheet, problem.row, problem.col, problem.code) == ("Keten", 2, column + 1, code)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("CN", "CN"),
        ("chn", "CN"),
        ("China", "CN"),
        ("Verenigde Staten", "US"),
        ("united states", "US"),
        ("  BANGLADESH ", "BD"),
        ("Côte d'Ivoire", "CI"),
    ],
)
def test_countries(ctx: Any, contract: str, filler: Any, given: str, expected: str) -> None:
    row = list(SITE_ROWS[0])
    row[2] = given
    result = submissions.check(ctx, filler.workbook(sites=[row, SITE_ROWS[1]]), contract)
    assert found(result) == []
    assert result.submission.sites[0].country == expected


def test_unknown_country(ctx: Any, contract: str, filler: Any) -> None:
    row = list(SITE_ROWS[1])
    row[2] = "Atlantis"
    result = submissions.check(ctx, filler.workbook(sites=[SITE_ROWS[0], row]), contract)
    assert found(result) == [("Keten", 3, "Land", "Atlantis", "wb_unknown_country")]


@pytest.mark.parametrize(
    ("theme", "severity", "likelihood", "expected"),
    [
        ("environment", 1, 1, ("environment", 1, 1)),
        ("8", "1", "1", ("environment", 1, 1)),
        ("MILIEU", "beperkt", "onwaarschijnlijk", ("environment", 1, 1)),
        ("Environment", "Very serious", "(almost) certain", ("environment", 4, 4)),
        ("Gezondheid en veiligheid", "Zeer ernstig", "(Vrijwel) zeker", ("health_safety", 4, 4)),
    ],
)
def test_labels(
    ctx: Any,
    contract: str,
    filler: Any,
    theme: Any,
    severity: Any,
    likelihood: Any,
    expected: tuple[str, int, int],
) -> None:
    risks = [
        ["R1", "S1", theme, "Risico", severity, likelihood, None],
        ["R2", None, "Milieu", "x", 1, 1, None, "CN", "Stof"],
        ["R3", None, "Milieu", "y", 1, 1, None, "CN", "Stof"],
    ]
    result = submissions.check(ctx, filler.workbook(risks=risks), contract)
    assert found(result) == []
    risk = result.submission.risks[0]
    assert (risk.theme, risk.severity, risk.likelihood) == expected


def test_unknown_labels_each_reported(ctx: Any, contract: str, filler: Any) -> None:
    risks = [
        ["R1", "S1", "Klimaat", "Risico", "hoog-ish", 5, None],
        ["R2", None, "Milieu", "x", 1, 1, None, "CN", "Stof"],
        ["R3", None, "Milieu", "y", 1, 1, None, "CN", "Stof"],
    ]
    measures = [["M1", "R1", "x", "y", None, dt.date(2026, 1, 1), "Bezig", None, None]]
    result = submissions.check(ctx, filler.workbook(risks=risks, measures=measures), contract)
    errors = found(result)
    assert ("Risico's", 2, "Thema", "Klimaat", "wb_unknown_theme") in errors
    assert ("Risico's", 2, "Ernst", "hoog-ish", "wb_unknown_severity") in errors
    assert ("Risico's", 2, "Waarschijnlijkheid", "5", "wb_unknown_likelihood") in errors
    assert ("Maatregelen", 2, "Status", "Bezig", "wb_unknown_status") in errors


def test_ids_unique_and_references_exist(ctx: Any, contract: str, filler: Any) -> None:
    sites = [SITE_ROWS[0], SITE_ROWS[1], ["S1", *SITE_ROWS[1][1:]]]
    risks = [["R1", "S7", "Milieu", "x", 1, 1, None], ["R1", "S2", "Milieu", "y", 1, 1, None]]
    measures = [["M1", "R9", "x", "y", None, dt.date(2026, 1, 1), "Gepland", None, None]]
    result = submissions.check(
        ctx, filler.workbook(sites=sites, risks=risks, measures=measures), contract
    )
    errors = found(result)
    assert ("Keten", 4, "Locatie-ID", "S1", "wb_duplicate_id") in errors
    assert ("Risico's", 3, "Risico-ID", "R1", "wb_duplicate_id") in errors
    assert ("Risico's", 2, "Locatie-ID", "S7", "wb_unknown_site") in errors
    assert ("Maatregelen", 2, "Risico-ID", "R9", "wb_unknown_risk") in errors
    duplicate = next(p for p in result.problems if p.code == "wb_duplicate_id")
    assert duplicate.params["first"] == 2


def test_due_date_before_start(ctx: Any, contract: str, filler: Any) -> None:
    measures = [
        ["M1", "R1", "x", "y", dt.date(2026, 5, 1), dt.date(2026, 4, 1), "Gepland", None, None],
        *MEASURE_ROWS[1:],
    ]
    result = submissions.check(ctx, filler.workbook(measures=measures), contract)
    assert found(result) == [("Maatregelen", 2, "Einddatum", "2026-04-01", "wb_end_before_start")]


def test_supplier_sheet_rules(ctx: Any, contract: str, filler: Any) -> None:
    supplier = dict(SUPPLIER_NL)
    supplier["KvK-nummer"] = "1234"
    supplier["E-mail"] = "anna at textiel"
    supplier["Rapportageperiode tot"] = dt.date(2025, 12, 31)
    supplier["Contractreferentie"] = "C-ANDERS"
    del supplier["Contactpersoon"]
    result = submissions.check(ctx, filler.workbook(supplier=supplier), contract)
    errors = found(result)
    assert ("Leverancier", 3, "KvK-nummer", "1234", "wb_invalid_kvk") in errors
    assert ("Leverancier", 8, "E-mail", "anna at textiel", "wb_invalid_email") in errors
    assert (
        "Leverancier",
        7,
        "Rapportageperiode tot",
        "2025-12-31",
        "wb_end_before_start",
    ) in errors
    assert ("Leverancier", 5, "Contractreferentie", "C-ANDERS", "wb_contract_mismatch") in errors
    assert ("Leverancier", 0, "Contactpersoon", "", "wb_label_missing") in errors
    assert result.submission.supplier is None


def test_dutch_supplier_needs_kvk_foreign_does_not(ctx: Any, contract: str, filler: Any) -> None:
    supplier = dict(SUPPLIER_NL)
    supplier["KvK-nummer"] = None
    result = submissions.check(ctx, filler.workbook(supplier=supplier), contract)
    assert found(result) == [("Leverancier", 3, "KvK-nummer", "", "wb_kvk_required")]
    supplier["Land van vestiging"] = "Duitsland"
    result = submissions.check(ctx, filler.workbook(supplier=supplier), contract)
    assert found(result) == []
    assert result.submission.supplier is not None
    assert result.submission.supplier.country == "DE"


def test_kvk_typed_as_a_number_keeps_its_leading_zero(ctx: Any, contract: str, filler: Any) -> None:
    supplier = dict(SUPPLIER_NL)
    supplier["KvK-nummer"] = 1234567
    result = submissions.check(ctx, filler.workbook(supplier=supplier), contract)
    assert result.submission.supplier is not None
    assert result.submission.supplier.kvk == "01234567"


def test_supplier_labels_in_english(ctx: Any, contract: str, filler: Any) -> None:
    english = dict(
        zip(
            [
                "Supplier name",
                "Chamber of Commerce number",
                "Country of establishment",
                "Contract reference",
                "Reporting period from",
                "Reporting period to",
                "Contact person",
                "E-mail",
                "Date signed",
                "Signed by",
                "Grievance mechanism",
                "Grievance mechanism description",
                "Stakeholders consulted",
            ],
            SUPPLIER_NL.values(),
            strict=True,
        )
    )
    result = submissions.check(ctx, filler.workbook(supplier=english), contract)
    assert found(result) == []
    assert result.submission.supplier is not None
    assert result.submission.supplier.signed_by == "B. Jansen"
    assert result.submission.supplier.grievance_mechanism == "yes"


def _patched(source_path: Any, target: Any, replacements: list[tuple[str, str]]) -> Any:
    """A copy of the workbook with cells of the Keten sheet XML replaced by hand
    (openpyxl cannot write a formula's cached value)."""
    import zipfile

    source = zipfile.ZipFile(source_path)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet2.xml":
                text = data.decode()
                for old, new in replacements:
                    assert old in text
                    text = text.replace(old, new)
                data = text.encode()
            out.writestr(info, data)
    return target


def test_formula_cells_by_cached_value_and_without_one(
    ctx: Any, contract: str, filler: Any, tmp_path: Any
) -> None:
    """A formula with a cached value counts as that value; one without is an error."""
    path = filler.workbook()
    cached = [
        (
            '<c r="B2" t="inlineStr"><is><t>Dhaka Garments Ltd</t></is></c>',
            '<c r="B2" t="str"><f>"Dhaka "&amp;"Garments"</f><v>Dhaka Garments</v></c>',
        ),
        ('<c r="E2" t="n"><v>1</v></c>', '<c r="E2"><f>0+1</f><v>1</v></c>'),
    ]
    result = submissions.check(ctx, _patched(path, tmp_path / "a.xlsx", cached), contract)
    assert found(result) == []
    assert result.submission.sites[0].name == "Dhaka Garments"
    assert result.submission.sites[0].tier == 1
    missing = [
        ('<c r="F3" t="inlineStr"><is><t>Garen</t></is></c>', '<c r="F3"><f>A1&amp;B1</f></c>'),
        (
            '<c r="D3" t="inlineStr"><is><t>Coimbatore</t></is></c>',
            '<c r="D3"><f>A1</f><v></v></c>',
        ),
    ]
    result = submissions.check(ctx, _patched(path, tmp_path / "b.xlsx", missing), contract)
    assert found(result) == [
        ("Keten", 3, "Plaats", "", "wb_formula_no_value"),
        ("Keten", 3, "Product of dienst", "", "wb_formula_no_value"),
    ]
    assert result.submission.sites == ()


def test_text_that_looks_like_a_formula_is_kept_as_text(
    ctx: Any, contract: str, filler: Any
) -> None:
    risks = [
        ["R1", "S1", "Milieu", "=1+1", 1, 1, "+31 20 123"],
        ["R2", None, "Milieu", "-lonen te laag", 1, 1, "@bron", "CN", "=Stof"],
        ["R3", None, "Milieu", '=HYPERLINK("http://x")', 1, 1, None, "CN", "Stof"],
    ]

    def as_text(wb: Any) -> None:  # openpyxl would write these as formulas otherwise
        ws = wb["Risico's"]
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"

    result = submissions.check(ctx, filler.workbook(risks=risks, extra=as_text), contract)
    assert found(result) == []
    by_key = {r.risk_key: r for r in result.submission.risks}
    assert by_key["R1"].description == "=1+1" and by_key["R1"].source == "+31 20 123"
    assert by_key["R2"].description == "-lonen te laag" and by_key["R2"].source == "@bron"
    assert by_key["R3"].description == '=HYPERLINK("http://x")'
    notes = [
        (p.sheet, p.row, p.column) for p in result.problems if p.code == "wb_formula_text_kept"
    ]
    assert ("Risico's", 2, "Omschrijving") in notes and ("Risico's", 3, "Bron") in notes


def test_warnings(ctx: Any, contract: str, filler: Any) -> None:
    sites = [[*SITE_ROWS[0][:8], dt.date.today() + dt.timedelta(days=30), None], SITE_ROWS[1]]
    measures = [["M1", "R1", "x", "y", None, dt.date(2026, 6, 1), "Afgerond", 80, None]]
    result = submissions.check(ctx, filler.workbook(sites=sites, measures=measures), contract)
    assert found(result) == []
    warnings = found(result, "warning")
    assert ("Keten", 2, "Laatste audit", sites[0][8].isoformat(), "wb_audit_in_future") in warnings
    assert ("Maatregelen", 2, "Voortgang (%)", "80", "wb_completed_not_full") in warnings
    assert ("Risico's", 3, "Risico-ID", "R2", "wb_high_risk_without_measure") in warnings


def test_period_outside_contract_is_a_warning(ctx: Any, contract: str, filler: Any) -> None:
    supplier = dict(SUPPLIER_NL)
    supplier["Rapportageperiode van"] = dt.date(2025, 6, 1)
    result = submissions.check(ctx, filler.workbook(supplier=supplier), contract)
    assert found(result) == []
    assert (
        "Leverancier",
        6,
        "Rapportageperiode van",
        "2025-06-01",
        "wb_period_outside_contract",
    ) in found(result, "warning")


def test_too_long_id(ctx: Any, contract: str, filler: Any) -> None:
    row = list(SITE_ROWS[1])
    row[0] = "S" * 101
    result = submissions.check(ctx, filler.workbook(sites=[SITE_ROWS[0], row]), contract)
    problem = next(p for p in result.problems if p.severity == "error")
    assert (problem.sheet, problem.row, problem.column, problem.code) == (
        "Keten",
        3,
        "Locatie-ID",
        "wb_too_long",
    )


def test_all_problems_collected_and_messages_in_both_languages(
    ctx: Any, contract: str, filler: Any
) -> None:
    risks = [["R1", "S1", "?", "x", "?", "?", None], ["R2", "S1", "?", "x", "?", "?", None]]
    result = submissions.check(ctx, filler.workbook(risks=risks, measures=[]), contract)
    assert len([p for p in result.problems if p.severity == "error"]) == 6
    for problem in result.problems:
        for lang in ("nl", "en"):
            text = ctx.catalog.text(problem.code, lang, **problem.params)
            assert problem.code not in text and "{" not in text


def test_reading_stops_after_a_long_run_of_empty_rows(ctx: Any, contract: str, filler: Any) -> None:
    def stray(wb: Any) -> None:
        ws = wb["Keten"]
        for col, value in enumerate(["S9", "Ver weg", "CN", None, 1, "x"], start=1):
            ws.cell(row=10_004, column=col, value=value)

    result = submissions.check(ctx, filler.workbook(extra=stray), contract)
    assert found(result) == []
    assert ("Keten", 10_004, "", "", "wb_rows_after_gap_ignored") in found(result, "warning")
    assert [s.site_key for s in result.submission.sites] == ["S1", "S2"]


def test_instruction_and_list_sheets_are_not_noted(ctx: Any, contract: str, filler: Any) -> None:
    template = submissions.template_bytes(ctx, contract)
    result = submissions.check(ctx, filler.workbook(template=template), contract)
    assert found(result) == []
    assert [p for p in result.problems if p.code in ("wb_sheet_ignored", "wb_label_ignored")] == []


def test_a_column_twice_a_label_twice_a_sheet_twice(ctx: Any, contract: str, filler: Any) -> None:
    heads = [*RISKS_NL, "ernst"]
    risks = [[*row, 1] for row in RISK_ROWS]
    supplier = dict(SUPPLIER_NL)

    def extra(wb: Any) -> None:
        wb["Leverancier"].append(["E-mail", "tweede@textiel.example"])
        copy = wb.copy_worksheet(wb["Keten"])
        copy.title = "Supply chain"

    path = filler.workbook(
        risks=risks, supplier=supplier, headers=(SITES_NL, heads, MEASURES_NL), extra=extra
    )
    result = submissions.check(ctx, path, contract)
    errors = found(result)
    assert ("Risico's", 1, "ernst", "ernst", "wb_column_twice") in errors
    assert ("Leverancier", 15, "E-mail", "tweede@textiel.example", "wb_label_twice") in errors
    assert ("Supply chain", 0, "", "", "wb_sheet_twice") in errors
    twice = next(p for p in result.problems if p.code == "wb_column_twice")
    assert (twice.col, twice.params["first"]) == (10, "E")


def test_too_long_text(ctx: Any, contract: str, filler: Any) -> None:
    supplier = dict(SUPPLIER_NL)
    supplier["Naam leverancier"] = "N" * 301
    result = submissions.check(ctx, filler.workbook(supplier=supplier), contract)
    assert [(p.sheet, p.row, p.column, p.code, p.params["limit"]) for p in result.errors] == [
        ("Leverancier", 2, "Naam leverancier", "wb_too_long", 300)
    ]


def test_a_wide_sheet_is_measured_precisely_and_read(ctx: Any, contract: str, filler: Any) -> None:
    """Columns beyond P take the precise scan; the extra column is only noted."""

    def wide(wb: Any) -> None:
        wb["Keten"].cell(row=1, column=30, value="Opmerking")
        wb["Keten"].cell(row=3, column=30, value="nagaan")

    result = submissions.check(ctx, filler.workbook(extra=wide), contract)
    assert found(result) == []
    assert ("Keten", 1, "Opmerking", "Opmerking", "wb_column_ignored") in found(result, "note")
    assert result.counts["sites"] == 2


def test_characters_xml_cannot_hold_are_refused_where_they_are() -> None:
    """The text rule skips its search for printable text: that is only right while no
    character XML cannot hold is printable, so every code point is walked here."""
    import sys

    from app.domain.characters import NOT_XML
    from app.io.workbook_cells import CellError, validator
    from app.io.workbook_layout import SITES

    printable = [
        hex(cp)
        for cp in range(sys.maxunicode + 1)
        if NOT_XML.match(chr(cp)) and chr(cp).isprintable()
    ]
    assert printable == []
    name = next(c for c in SITES.columns if c.kind == "text")
    check = validator(None, name)  # type: ignore[arg-type]  # text needs no reference
    assert check("  Fabriek Zoë 工厂 ") == "Fabriek Zoë 工厂"
    for odd in ("\x01", "\ud800", "\ufdd0", "\ufffe", "\U0010ffff"):
        with pytest.raises(CellError) as refused:
            check(f"Fab{odd}riek")
        assert (refused.value.code, refused.value.params) == ("wb_invalid_character", {"at": 4})
