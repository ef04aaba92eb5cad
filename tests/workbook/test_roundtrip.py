"""Round trip: template -> filled in (openpyxl, and re-saved by LibreOffice) -> import ->
the stored values equal what was written, for every column type and both header languages."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.persistence import models as m
from app.persistence.integrity import verify
from app.services import submissions
from workbook.samples import MEASURES_EN, MEASURES_NL, RISKS_EN, RISKS_NL, SITES_EN, SITES_NL

SITES = [
    [
        "S-01",
        "Dhaka Garments Ltd",
        "Bangladesh",
        "Dhaka",
        1,
        "Werkkleding",
        850,
        "SA8000; BSCI",
        dt.date(2025, 11, 3),
        "BD2019123ABC",
    ],
    ["S-02", "广州纺织厂", "CN", "广州", 3, "Stof", 12000, None, None, None],
    ["103", "=Fabriek met formuleteken", "vietnam", None, 2, "+Knopen", 0, "-", None, "@x"],
]
RISKS = [
    [
        "R-01",
        "S-01",
        "Leefbaar loon",
        "Lonen onder leefbaar niveau",
        "Ernstig",
        "Waarschijnlijk",
        "Audit 2025",
    ],
    [
        "R-02",
        None,
        "Forced labour",
        "Dwangarbeid in katoenteelt",
        "Very serious",
        "Possible",
        None,
        "uzb",
        "=Katoen",
    ],
    ["R-03", "103", "milieu", "Afvalwater <zonder> zuivering & meer", 1, 4, "NGO", "VN"],
]
MEASURES = [
    [
        "M-01",
        "R-01",
        "Loonkloofanalyse",
        "Inkoop",
        dt.date(2026, 1, 15),
        dt.date(2026, 6, 30),
        "In uitvoering",
        37.5,
        "loon.pdf",
    ],
    [
        "M-02",
        "R-02",
        "Herkomst traceren",
        "CSR",
        None,
        dt.date(2026, 12, 31),
        "Planned",
        None,
        None,
    ],
    [
        "M-03",
        "R-03",
        "Zuivering plaatsen",
        "Fabriek",
        dt.date(2026, 2, 1),
        dt.date(2026, 3, 1),
        "Afgerond",
        100,
        None,
    ],
]
EXPECTED_SITES = {
    (
        "S-01",
        "Dhaka Garments Ltd",
        "BD",
        "Dhaka",
        1,
        "Werkkleding",
        850,
        "SA8000; BSCI",
        dt.date(2025, 11, 3),
        "BD2019123ABC",
    ),
    ("S-02", "广州纺织厂", "CN", "广州", 3, "Stof", 12000, None, None, None),
    ("103", "=Fabriek met formuleteken", "VN", None, 2, "+Knopen", 0, "-", None, "@x"),
}
EXPECTED_RISKS = {
    (
        "R-01",
        "S-01",
        "living_wage",
        "Lonen onder leefbaar niveau",
        3,
        3,
        "high",
        "Audit 2025",
        None,
        None,
    ),
    (
        "R-02",
        None,
        "forced_labour",
        "Dwangarbeid in katoenteelt",
        4,
        2,
        "high",
        None,
        "UZ",
        "=Katoen",
    ),
    (
        "R-03",
        "103",
        "environment",
        "Afvalwater <zonder> zuivering & meer",
        1,
        4,
        "low",
        "NGO",
        "VN",
        None,
    ),
}
EXPECTED_MEASURES = {
    (
        "M-01",
        "R-01",
        "Loonkloofanalyse",
        "Inkoop",
        dt.date(2026, 1, 15),
        dt.date(2026, 6, 30),
        "in_progress",
        37.5,
        "loon.pdf",
    ),
    (
        "M-02",
        "R-02",
        "Herkomst traceren",
        "CSR",
        None,
        dt.date(2026, 12, 31),
        "planned",
        None,
        None,
    ),
    (
        "M-03",
        "R-03",
        "Zuivering plaatsen",
        "Fabriek",
        dt.date(2026, 2, 1),
        dt.date(2026, 3, 1),
        "completed",
        100.0,
        None,
    ),
}


def _text_cells(wb: Any) -> None:
    """What a supplier types is text: keep openpyxl from turning '=…' into formulas."""
    for sheet in wb.sheetnames[2:5]:  # the three tables, in the workbook's language
        for row in wb[sheet].iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"


def stored(ctx: Any) -> tuple[set[tuple[Any, ...]], set[tuple[Any, ...]], set[tuple[Any, ...]]]:
    with ctx.db.read() as session:
        site = m.Site.__table__.c
        risk = m.Risk.__table__.c
        measure = m.Measure.__table__.c
        sites = {
            tuple(r)
            for r in session.execute(
                select(
                    site.site_key,
                    site.name,
                    site.country,
                    site.city,
                    site.tier,
                    site.product,
                    site.workers,
                    site.certifications,
                    site.last_audit,
                    site.osh_id,
                )
            )
        }
        risks = {
            tuple(r)
            for r in session.execute(
                select(
                    risk.risk_key,
                    risk.site_key,
                    risk.theme,
                    risk.description,
                    risk.severity,
                    risk.likelihood,
                    risk.priority,
                    risk.source,
                    risk.country,
                    risk.product,
                )
            )
        }
        measures = {
            tuple(r)
            for r in session.execute(
                select(
                    measure.measure_key,
                    measure.risk_key,
                    measure.description,
                    measure.owner,
                    measure.start,
                    measure.due,
                    measure.status,
                    measure.progress,
                    measure.evidence_name,
                )
            )
        }
    return sites, risks, measures


def _fill(ctx: Any, contract: str, filler: Any, lang: str) -> Path:
    template = submissions.template_bytes(ctx, contract, lang=lang)
    supplier_values = {
        "Contactpersoon": "Anna de Vries",
        "E-mail": "anna@textiel.example",
        "Datum ondertekening": dt.date(2026, 2, 1),
        "Ondertekend door": "B. Jansen",
        "Klachtenmechanisme": "in voorbereiding",
        "Betrokken belanghebbenden": "-Vakbond, via @gesprekken",
        "Grievance mechanism": "In Preparation",
        "Stakeholders consulted": "-Vakbond, via @gesprekken",
        "Contact person": "Anna de Vries",
        "Date signed": dt.date(2026, 2, 1),
        "Signed by": "B. Jansen",
        "Rapportageperiode tot": dt.date(2026, 12, 31),
        "Reporting period to": dt.date(2026, 12, 31),
    }
    headers = (
        (SITES_EN, RISKS_EN, MEASURES_EN) if lang == "en" else (SITES_NL, RISKS_NL, MEASURES_NL)
    )
    return filler.workbook(
        template=template,
        supplier=supplier_values,
        sites=SITES,
        risks=RISKS,
        measures=MEASURES,
        headers=headers,
        extra=_text_cells,
        name=f"ingevuld-{lang}.xlsx",
        names=("Supplier", "Supply chain", "Risks", "Measures")
        if lang == "en"
        else ("Leverancier", "Keten", "Risico's", "Maatregelen"),
    )


def _check_stored(ctx: Any, path: Path, contract: str) -> None:
    result = submissions.import_workbook(ctx, path, contract, allow_warnings=True)
    assert result.status == "imported", [
        (p.sheet, p.row, p.column, p.code) for p in result.check.errors
    ]
    assert stored(ctx) == (EXPECTED_SITES, EXPECTED_RISKS, EXPECTED_MEASURES)
    with ctx.db.read() as session:
        sub = session.scalars(select(m.Submission)).one()
        assert (
            sub.supplier_name,
            sub.supplier_kvk,
            sub.supplier_country,
            sub.period_from,
            sub.period_to,
            sub.contact_person,
            sub.email,
            sub.signed_on,
            sub.signed_by,
            sub.grievance_mechanism,
            sub.grievance_description,
            sub.stakeholders,
        ) == (
            "Textiel B.V.",
            "12345678",
            "NL",
            dt.date(2026, 1, 1),
            dt.date(2026, 12, 31),
            "Anna de Vries",
            "anna@textiel.example",
            dt.date(2026, 2, 1),
            "B. Jansen",
            "in_preparation",
            None,
            "-Vakbond, via @gesprekken",
        )
    assert verify(ctx.db).ok


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_round_trip_through_openpyxl(ctx: Any, contract: str, filler: Any, lang: str) -> None:
    _check_stored(ctx, _fill(ctx, contract, filler, lang), contract)


def _libreoffice_resave(path: Path, folder: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    profile = Path("/tmp") / f"lo-isv-wb-{uuid.uuid4().hex[:10]}"
    folder.mkdir()
    try:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "xlsx:Calc MS Excel 2007 XML",
                "--outdir",
                str(folder),
                str(path),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    resaved = folder / path.name
    assert resaved.is_file()
    assert resaved.read_bytes() != path.read_bytes()
    return resaved


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_round_trip_through_libreoffice(
    ctx: Any, contract: str, filler: Any, lang: str, tmp_path: Path
) -> None:
    path = _fill(ctx, contract, filler, lang)
    resaved = _libreoffice_resave(path, tmp_path / "lo")
    _check_stored(ctx, resaved, contract)


@pytest.mark.slow
def test_libreoffice_opens_the_template_and_keeps_its_lists(
    ctx: Any, contract: str, tmp_path: Path
) -> None:
    """The template survives a LibreOffice re-save with its sheets and drop-downs."""
    from openpyxl import load_workbook

    path = tmp_path / "sjabloon.xlsx"
    submissions.write_template_file(ctx, contract, path)
    resaved = _libreoffice_resave(path, tmp_path / "lo")
    wb = load_workbook(resaved)
    assert wb.sheetnames == [
        "Toelichting",
        "Leverancier",
        "Keten",
        "Risico's",
        "Maatregelen",
        "Lijsten",
    ]
    assert wb["Lijsten"].sheet_state == "hidden"
    assert wb["Risico's"].data_validations.dataValidation
    result = submissions.check(ctx, resaved, contract)
    assert {p.code for p in result.errors} <= {"wb_label_missing", "wb_required"}
