"""The supplier workbook version 2 (spec/supplier-workbook.md, "Version 2"): the grievance
mechanism, its description and the stakeholders consulted on the supplier sheet; a country
and a product for a risk without a site. Written, filled in and read back in both
languages; a version 1 workbook still imports; every refusal names sheet, row and column.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from openpyxl import load_workbook

from app import locator
from app.persistence.integrity import verify
from app.services import submissions
from workbook.samples import (
    MEASURES_EN,
    RISK_ROWS,
    RISKS_EN,
    RISKS_NL,
    SITES_EN,
    SUPPLIER_NL,
)
from workbook.test_languages import NAMES, SUPPLIER_EN

V1_RISKS = RISKS_NL[:7]  # without Land and Product of dienst
V1_SUPPLIER = {
    k: v
    for k, v in SUPPLIER_NL.items()
    if k
    not in ("Klachtenmechanisme", "Toelichting klachtenmechanisme", "Betrokken belanghebbenden")
}


def _problems(result: Any, code: str) -> list[Any]:
    return [p for p in result.problems if p.code == code]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_template_offers_the_new_fields(ctx: Any, contract: str, lang: str) -> None:
    wb = load_workbook(io.BytesIO(submissions.template_bytes(ctx, contract, lang=lang)))
    assert wb.properties.version == "ISV-WB 2"
    supplier = wb[NAMES[lang][0]]
    labels = {supplier.cell(row=r, column=1).value: r for r in range(2, supplier.max_row + 1)}
    wanted = {
        "nl": (
            "Klachtenmechanisme *",
            "Toelichting klachtenmechanisme",
            "Betrokken belanghebbenden",
        ),
        "en": (
            "Grievance mechanism *",
            "Grievance mechanism description",
            "Stakeholders consulted",
        ),
    }[lang]
    for label in wanted:
        assert label in labels, label
    row = labels[wanted[0]]
    checks = [v for v in supplier.data_validations.dataValidation if f"B{row}" in str(v.sqref)]
    assert len(checks) == 1 and checks[0].type == "list"
    lists = wb[{"nl": "Lijsten", "en": "Lists"}[lang]]
    offered = {str(c.value) for col in lists.iter_cols() for c in col if c.value}
    yes_no = {"nl": {"Ja", "Nee", "In voorbereiding"}, "en": {"Yes", "No", "In preparation"}}
    assert yes_no[lang] <= offered
    risks = wb[NAMES[lang][2]]
    headers = [c.value for c in risks[1]]
    country, product = {
        "nl": ("Land (*)", "Product of dienst (*)"),
        "en": ("Country (*)", "Product or service (*)"),
    }[lang]
    assert country in headers and product in headers
    instructions = "\n".join(str(r[0].value) for r in wb.worksheets[0].iter_rows())
    words = {
        "nl": ("klachtenmechanisme", "belanghebbenden", "zonder Locatie-ID"),
        "en": ("grievance mechanism", "stakeholders", "without a Site ID"),
    }[lang]
    for word in words:
        assert word in instructions, word


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_filled_in_and_read_back(ctx: Any, contract: str, filler: Any, lang: str) -> None:
    content = submissions.template_bytes(ctx, contract, lang=lang)
    supplier = dict(SUPPLIER_NL if lang == "nl" else SUPPLIER_EN)
    supplier.pop("Contractreferentie", None)
    risks = [list(r) for r in RISK_ROWS]
    if lang == "en":
        risks[2][7:9] = ["Uzbekistan", "Cotton"]
    path = filler.workbook(
        template=content,
        supplier=supplier,
        risks=risks,
        names=NAMES[lang],
        headers=None if lang == "nl" else (SITES_EN, RISKS_EN, MEASURES_EN),
    )
    result = submissions.check(ctx, path, contract)
    assert not result.errors and not result.warnings, result.problems[:3]
    assert submissions.import_workbook(ctx, path, contract).status == "imported"
    rows = submissions.submission_rows(ctx, contract)
    expected = {
        "nl": (
            "yes",
            "Meldpunt bij Fair Wear, ook anoniem",
            "Vakbond in Dhaka en een ngo, in twee gesprekken",
            "Katoen",
        ),
        "en": (
            "in_preparation",
            "A hotline run with the union, from June",
            "Two unions and an NGO, in meetings on site",
            "Cotton",
        ),
    }[lang]
    assert (rows.grievance_mechanism, rows.grievance_description, rows.stakeholders) == (
        expected[:3]
    )
    by_key = {r.risk_key: r for r in rows.risks}
    assert (by_key["R3"].site_key, by_key["R3"].country, by_key["R3"].product) == (
        None,
        "UZ",
        expected[3],
    )
    # a risk with a site takes the site's country and product when it leaves them empty
    assert (by_key["R1"].country, by_key["R1"].product) == (None, None)
    assert rows.place_of(by_key["R1"]) == ("BD", "Werkkleding")
    assert rows.place_of(by_key["R3"]) == ("UZ", expected[3])
    assert verify(ctx.db).ok


def test_a_version_1_workbook_still_imports(ctx: Any, contract: str, filler: Any) -> None:
    risks = [r[:7] for r in RISK_ROWS]  # R3 names no site, and there is no Land column
    path = filler.workbook(supplier=V1_SUPPLIER, risks=risks, headers=None)
    wb = load_workbook(path)
    ws = wb["Risico's"]
    for col in (9, 8):
        ws.delete_cols(col)
    wb.save(path)
    result = submissions.check(ctx, path, contract)
    assert not result.errors, result.errors[:3]
    assert {p.code for p in result.warnings} == {
        "wb_label_missing_older",
        "wb_risk_place_missing_older",
    }
    missing = _problems(result, "wb_label_missing_older")[0]
    assert (missing.sheet, missing.column) == ("Leverancier", "Klachtenmechanisme")
    assert submissions.import_workbook(ctx, path, contract).status == "needs_consent"
    imported = submissions.import_workbook(ctx, path, contract, allow_warnings=True)
    assert imported.status == "imported"
    rows = submissions.submission_rows(ctx, contract)
    assert rows.grievance_mechanism is None and rows.stakeholders is None
    assert all(r.country is None and r.product is None for r in rows.risks)
    assert verify(ctx.db).ok


def test_a_version_1_workbook_with_every_risk_at_a_site_has_one_warning(
    ctx: Any, contract: str, filler: Any
) -> None:
    risks = [r[:7] for r in RISK_ROWS[:2]]
    path = filler.workbook(
        supplier=V1_SUPPLIER,
        risks=risks,
        measures=[],
        headers=None,
    )
    wb = load_workbook(path)
    for col in (9, 8):
        wb["Risico's"].delete_cols(col)
    wb.save(path)
    result = submissions.check(ctx, path, contract)
    assert [p.code for p in result.warnings if p.code.endswith("_older")] == [
        "wb_label_missing_older"
    ]


def _message(problem: Any, lang: str) -> str:
    return locator.catalog().text(problem.code, lang, **dict(problem.params))


@pytest.mark.parametrize(
    ("value", "code"),
    [("misschien", "wb_unknown_grievance"), (None, "wb_required")],
)
def test_a_wrong_or_empty_grievance_mechanism_is_refused(
    ctx: Any, contract: str, filler: Any, dump: Any, value: Any, code: str
) -> None:
    before = dump()
    supplier = dict(SUPPLIER_NL, Klachtenmechanisme=value)
    path = filler.workbook(supplier=supplier)
    result = submissions.check(ctx, path, contract)
    (problem,) = list(result.errors)
    assert (problem.sheet, problem.column, problem.code, problem.col) == (
        "Leverancier",
        "Klachtenmechanisme",
        code,
        2,
    )
    assert problem.row == 1 + list(supplier).index("Klachtenmechanisme") + 1
    assert submissions.import_workbook(ctx, path, contract).status == "invalid"
    assert dump() == before
    if code == "wb_unknown_grievance":
        assert "ja, nee of in voorbereiding" in _message(problem, "nl")
        assert "yes, no or in preparation" in _message(problem, "en")


@pytest.mark.parametrize(("index", "column"), [(7, "Land"), (8, "Product of dienst")])
def test_a_risk_without_a_site_needs_its_country_and_product(
    ctx: Any, contract: str, filler: Any, dump: Any, index: int, column: str
) -> None:
    before = dump()
    risks = [list(r) for r in RISK_ROWS]
    risks[2][index] = None  # R3, on row 4, names no site
    path = filler.workbook(risks=risks)
    result = submissions.check(ctx, path, contract)
    (problem,) = result.errors
    assert (problem.sheet, problem.row, problem.column, problem.col) == (
        "Risico's",
        4,
        column,
        index + 1,
    )
    assert problem.code == "wb_required_without_site"
    assert "per product en per land" in _message(problem, "nl")
    assert "per product and per country" in _message(problem, "en")
    assert submissions.import_workbook(ctx, path, contract, allow_warnings=True).status == (
        "invalid"
    )
    assert dump() == before


def test_a_risk_at_a_site_that_names_another_place_is_a_warning(
    ctx: Any, contract: str, filler: Any
) -> None:
    risks = [list(r) for r in RISK_ROWS]
    risks[0][7:9] = ["China", "werkkleding"]  # S1 is in Bangladesh; product as the site's
    path = filler.workbook(risks=risks)
    result = submissions.check(ctx, path, contract)
    assert not result.errors
    (warning,) = result.warnings
    assert (warning.sheet, warning.row, warning.column, warning.code) == (
        "Risico's",
        2,
        "Land",
        "wb_risk_differs_from_site",
    )
    assert warning.value == "CN" and "S1" in _message(warning, "en")
    assert "BD" in _message(warning, "nl")


def test_the_command_line_shows_what_the_supplier_said(
    cli: Any, contract: str, filler: Any
) -> None:
    path = filler.workbook()
    result = cli("import", str(path), "--contract", contract)
    assert result.status == 0, result.err
    assert "Klachtenmechanisme: Ja (Meldpunt bij Fair Wear, ook anoniem)" in result.out
    assert "Vakbond in Dhaka en een ngo" in result.out
    english = cli("--lang", "en", "import", str(path), "--contract", contract, "--dry-run")
    assert "Grievance mechanism: Yes" in english.out, english.out


def test_stored_digests_of_earlier_submissions_still_verify(
    ctx: Any, contract: str, filler: Any
) -> None:
    """Digests stored before the risk's country and product existed cover only the
    columns of then; a value put in those columns afterwards is found by verify."""
    from sqlalchemy import update

    from app.persistence import models as m
    from app.persistence.integrity import RISK_COLUMNS, table_digest

    rows = [
        dict.fromkeys(RISK_COLUMNS) | {"risk_key": "R1", "severity": 2},
    ]
    older = RISK_COLUMNS[: RISK_COLUMNS.index("source") + 1]
    assert table_digest(rows, "risk_key", RISK_COLUMNS) == table_digest(rows, "risk_key", older)
    risks = [[*r[:7], None, None] for r in RISK_ROWS[:2]]
    path = filler.workbook(risks=risks, measures=[])
    assert submissions.import_workbook(ctx, path, contract, allow_warnings=True).status == (
        "imported"
    )
    assert verify(ctx.db).ok
    with ctx.db.begin() as session:
        session.execute(update(m.Risk).where(m.Risk.risk_key == "R1").values(country="CN"))
    assert not verify(ctx.db).ok


@pytest.mark.parametrize(
    ("today", "period"),
    [
        (dt.date(2026, 12, 6), (dt.date(2026, 1, 1), dt.date(2026, 12, 31))),
        (dt.date(2027, 3, 31), (dt.date(2026, 1, 1), dt.date(2026, 12, 31))),
        (dt.date(2027, 4, 1), (dt.date(2027, 1, 1), dt.date(2027, 12, 31))),
        (dt.date(2035, 1, 1), (dt.date(2029, 1, 1), dt.date(2029, 12, 31))),
    ],
)
def test_the_template_covers_the_contract_year_whose_report_falls_due_next(
    ctx: Any, contract: str, today: dt.date, period: tuple[dt.date, dt.date]
) -> None:
    """The contract runs 2026–2029; each year's report is due at the end of March."""
    content = submissions.template_bytes(ctx, contract, today=today)
    sheet = load_workbook(io.BytesIO(content))["Leverancier"]
    values = {
        str(sheet.cell(row=r, column=1).value).removesuffix(" *"): sheet.cell(row=r, column=2).value
        for r in range(2, sheet.max_row + 1)
    }
    shown = (values["Rapportageperiode van"].date(), values["Rapportageperiode tot"].date())
    assert shown == period
