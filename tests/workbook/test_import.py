"""The import service, the command line, the feedback workbook and the template."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.domain.errors import NotFoundError
from app.persistence import models as m
from app.persistence.integrity import verify
from app.services import submissions
from workbook.samples import MEASURE_ROWS, RISK_ROWS, SITE_ROWS, SUPPLIER_NL


def test_import_stores_a_version_with_evidence_and_audit(
    ctx: Any, contract: str, filler: Any
) -> None:
    path = filler.workbook()
    result = submissions.import_workbook(ctx, path, contract, allow_warnings=True)
    assert (result.status, result.version_no) == ("imported", 1)
    with ctx.db.read() as session:
        sub = session.scalars(select(m.Submission)).one()
        assert (sub.version_no, sub.supplier_name, sub.supplier_kvk, sub.email) == (
            1,
            "Textiel B.V.",
            "12345678",
            "anna@textiel.example",
        )
        assert sub.file_sha256 == result.check.file_sha256
        evidence = session.scalars(select(m.Evidence)).one()
        assert (evidence.type, evidence.submission_id, evidence.sha256) == (
            "risk-analysis",
            sub.id,
            sub.file_sha256,
        )
        entities = [
            e.entity for e in session.scalars(select(m.AuditEntry).order_by(m.AuditEntry.seq))
        ]
        assert entities[-2:] == ["submission", "evidence"]
        assert session.query(m.Site).count() == 2 and session.query(m.Measure).count() == 3
        sha = sub.file_sha256
    assert ctx.store.read_bytes(sha) == path.read_bytes()
    assert verify(ctx.db).ok


def test_rows_go_in_batch_by_batch_all_of_them(
    ctx: Any, contract: str, filler: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    sites = [[f"S{n}", *SITE_ROWS[0][1:]] for n in range(1, 24)]
    monkeypatch.setattr(submissions, "INSERT_BATCH", 5)  # 23 sites: four full batches and 3
    result = submissions.import_workbook(
        ctx, filler.workbook(sites=sites), contract, allow_warnings=True
    )
    assert result.status == "imported"
    with ctx.db.read() as session:
        stored = session.scalars(select(m.Site.site_key).order_by(m.Site.id)).all()
    assert stored == [row[0] for row in sites]
    assert verify(ctx.db).ok  # the content digest of the stored rows is the imported one


def test_second_version_and_changes(ctx: Any, contract: str, filler: Any) -> None:
    submissions.import_workbook(ctx, filler.workbook(), contract, allow_warnings=True)
    sites = [
        [*SITE_ROWS[0][:6], 900, *SITE_ROWS[0][7:]],
        ["S3", "Nieuwe fabriek", "VN", None, 1, "Schoenen", None, None, None, None],
    ]
    risks = [RISK_ROWS[0], ["R2", "S3", "Werktijden", "Overwerk", 2, 3, None], RISK_ROWS[2]]
    measures = [
        MEASURE_ROWS[0],
        MEASURE_ROWS[2],
        ["M4", "R2", "Roosters", "HR", None, dt.date(2026, 8, 1), "Gepland", None, None],
    ]
    result = submissions.import_workbook(
        ctx,
        filler.workbook(sites=sites, risks=risks, measures=measures),
        contract,
        allow_warnings=True,
    )
    assert (result.status, result.version_no) == ("imported", 2)
    changes = submissions.changes(ctx, contract)
    assert (changes.version, changes.previous_version) == (2, 1)
    assert (changes.sites.added, changes.sites.removed, changes.sites.changed) == (
        ("S3",),
        ("S2",),
        ("S1",),
    )
    assert (changes.risks.added, changes.risks.removed, changes.risks.changed) == ((), (), ("R2",))
    assert (changes.measures.added, changes.measures.removed, changes.measures.changed) == (
        ("M4",),
        ("M2",),
        (),
    )
    first = submissions.changes(ctx, contract, 1)
    assert first.previous_version is None and first.sites.added == ("S1", "S2")
    with pytest.raises(NotFoundError):
        submissions.changes(ctx, contract, 7)
    assert [s.version_no for s in submissions.list_submissions(ctx, contract)] == [1, 2]
    assert verify(ctx.db).ok


def test_same_file_twice_is_recognised(
    ctx: Any, contract: str, filler: Any, dump: Any, cli: Any
) -> None:
    path = filler.workbook()
    submissions.import_workbook(ctx, path, contract, allow_warnings=True)
    before = dump()
    again = submissions.import_workbook(ctx, path, contract, allow_warnings=True)
    assert (again.status, again.version_no) == ("duplicate", 1)
    assert dump() == before
    run = cli("import", str(path), "--contract", contract)
    assert run.status == 0 and "al ingelezen als versie 1" in run.out
    assert dump() == before


def test_errors_write_nothing(
    ctx: Any, contract: str, filler: Any, dump: Any, sqlite_dump: Any
) -> None:
    before, before_sql = dump(), sqlite_dump()
    path = filler.workbook(risks=[["R1", "S1", "Milieu", "x", "hoog", 1, None]])
    result = submissions.import_workbook(ctx, path, contract, allow_warnings=True)
    assert result.status == "invalid" and result.check.errors
    assert dump() == before and sqlite_dump() == before_sql
    assert not any(ctx.store.all_files())


def test_warnings_need_consent(ctx: Any, contract: str, filler: Any, dump: Any) -> None:
    measures = [
        ["M1", "R1", "x", "y", None, dt.date(2026, 6, 1), "Afgerond", 80, None],
        *MEASURE_ROWS[1:],
    ]
    path = filler.workbook(measures=measures)
    before = dump()
    result = submissions.import_workbook(ctx, path, contract)
    assert result.status == "needs_consent" and result.check.warnings
    assert dump() == before
    assert (
        submissions.import_workbook(ctx, path, contract, allow_warnings=True).status == "imported"
    )


def test_failure_inside_the_transaction_rolls_everything_back(
    ctx: Any, contract: str, filler: Any, dump: Any, monkeypatch: Any
) -> None:
    import app.services.submissions as service

    def failing(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError("disk full")

    monkeypatch.setattr(service, "store_evidence_in", failing)
    before = dump()
    with pytest.raises(RuntimeError):
        submissions.import_workbook(ctx, filler.workbook(), contract, allow_warnings=True)
    assert dump() == before
    assert not any(ctx.store.all_files())


def test_contract_must_match_and_exist(ctx: Any, contract: str, filler: Any) -> None:
    supplier = dict(SUPPLIER_NL, Contractreferentie="C-2025-999")
    result = submissions.import_workbook(ctx, filler.workbook(supplier=supplier), contract)
    assert result.status == "invalid"
    assert [p.code for p in result.check.errors] == ["wb_contract_mismatch"]
    with pytest.raises(NotFoundError):
        submissions.check(ctx, filler.workbook(), "GEEN-CONTRACT")


def test_progress_and_cancel(ctx: Any, contract: str, filler: Any, dump: Any) -> None:
    seen: list[tuple[int, int]] = []
    submissions.check(ctx, filler.workbook(), contract, progress=lambda d, t: seen.append((d, t)))
    assert seen and seen[-1][0] <= seen[-1][1]
    from app.domain.errors import ValidationError

    before = dump()
    with pytest.raises(ValidationError) as info:
        submissions.import_workbook(ctx, filler.workbook(), contract, cancelled=lambda: True)
    assert info.value.code == "cancelled"
    assert dump() == before


def test_cli_json_shape(cli: Any, contract: str, filler: Any) -> None:
    bad = filler.workbook(risks=[["R1", "S1", "Milieu", "x", "hoog-ish", 1, None]], measures=[])
    run = cli("--lang", "en", "import", str(bad), "--contract", contract, "--json")
    assert run.status == 1
    document = json.loads(run.out)
    assert document["status"] == "invalid"
    assert document["counts"] == {"sites": 2, "risks": 0, "measures": 0}
    assert document["errors"] == [
        {
            "sheet": "Risico's",
            "row": 2,
            "column": "Ernst",
            "value": "hoog-ish",
            "message": document["errors"][0]["message"],
        }
    ]
    assert document["errors"][0]["message"].startswith("This severity does not exist")
    good = filler.workbook()
    run = cli("import", str(good), "--contract", contract, "--json", "--dry-run")
    assert (run.status, json.loads(run.out)["status"]) == (0, "dry-run")
    run = cli("import", str(good), "--contract", contract, "--json")
    document = json.loads(run.out)
    assert (run.status, document["status"], document["counts"]["measures"]) == (0, "imported", 3)
    assert run.err == ""
    run = cli("import", str(good), "--contract", "ONBEKEND", "--json")
    assert run.status == 1 and json.loads(run.out)["status"] == "invalid"
    run = cli("import", str(good))
    assert run.status == 2


def test_cli_text_output(cli: Any, contract: str, filler: Any) -> None:
    run = cli("import", str(filler.workbook()), "--contract", contract, "--dry-run")
    assert run.status == 0 and "Proef geslaagd" in run.out
    run = cli("import", str(filler.workbook()), "--contract", contract)
    assert run.status == 0 and "Ingelezen als versie 1" in run.out


def test_feedback_marks_every_problem_cell(
    cli: Any, contract: str, filler: Any, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    risks = [
        ["R1", "S1", "Klimaat", "=SUM(A1:A3)", "hoog-ish", 1, None],
        ["R2", "S9", "Milieu", "x", 1, 1, None],
    ]
    bad = filler.workbook(
        risks=risks, measures=[], extra=lambda wb: setattr(wb["Risico's"]["D2"], "data_type", "s")
    )
    target = tmp_path / "terug.xlsx"
    run = cli("import", str(bad), "--contract", contract, "--feedback", str(target))
    assert run.status == 1
    wb = load_workbook(target)
    assert wb.sheetnames[0] == "Problemen"
    listing = wb["Problemen"]
    rows = [[c.value for c in row] for row in listing.iter_rows(min_row=2)]
    assert {(r[1], r[2], r[3]) for r in rows} >= {
        ("Risico's", 2, "Thema"),
        ("Risico's", 2, "Ernst"),
        ("Risico's", 3, "Locatie-ID"),
    }
    assert all(r[5] and r[6] for r in rows)  # Dutch and English message
    sheet = wb["Risico's"]
    for ref in ("C2", "E2", "B3"):
        assert sheet[ref].comment is not None
        assert sheet[ref].fill.fgColor.rgb.endswith("FFC7CE")
    assert sheet["A2"].comment is None
    assert sheet["D2"].value == "=SUM(A1:A3)" and sheet["D2"].data_type == "s"
    import zipfile

    with zipfile.ZipFile(target) as z:
        assert not any(
            "<f>" in z.read(n).decode("utf-8", "replace")
            for n in z.namelist()
            if n.startswith("xl/worksheets/")
        )


def test_template_layout(ctx: Any, contract: str, cli: Any, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "sjabloon.xlsx"
    run = cli("template", "--contract", contract, "-o", str(target))
    assert run.status == 0
    wb = load_workbook(target)
    assert wb.sheetnames == [
        "Toelichting",
        "Leverancier",
        "Keten",
        "Risico's",
        "Maatregelen",
        "Lijsten",
    ]
    assert wb["Lijsten"].sheet_state == "hidden" and wb["Lijsten"].protection.sheet
    assert wb.properties.version == "ISV-WB 2" and wb.properties.identifier == contract
    custom = {p.name: p.value for p in wb.custom_doc_props.props}
    assert custom["ISV template version"] == "ISV-WB 2"
    assert custom["ISV contract reference"] == contract
    supplier = wb["Leverancier"]
    values = {
        supplier.cell(row=r, column=1).value: supplier.cell(row=r, column=2).value
        for r in range(2, 12)
    }
    assert "KvK-nummer" in values and "E-mail *" in values and "Datum ondertekening *" in values
    values = {str(label).removesuffix(" *"): value for label, value in values.items()}
    assert values["Contractreferentie"] == contract
    assert values["Naam leverancier"] == "Textiel B.V."
    assert values["Land van vestiging"] == "Nederland"
    assert values["Rapportageperiode van"].date() == dt.date(2026, 1, 1)
    risks = wb["Risico's"]
    assert [c.value for c in risks[1]] == [
        "Risico-ID *",
        "Locatie-ID",
        "Thema *",
        "Omschrijving *",
        "Ernst *",
        "Waarschijnlijkheid *",
        "Bron",
        "Land (*)",
        "Product of dienst (*)",
    ]
    assert risks.freeze_panes == "A2" and risks.protection.sheet
    assert risks["A1"].protection.locked
    assert risks.column_dimensions["C"].protection.locked is False
    formulas = {
        next(iter(dv.sqref.ranges)).coord.split(":")[0]: dv.formula1
        for dv in risks.data_validations.dataValidation
    }
    assert formulas["C2"].startswith("=Lijsten!$A$2")
    assert formulas["E2"].startswith("=Lijsten!$E$2")
    assert formulas["H2"].startswith("=Lijsten!$U$2")  # a risk's country
    measures = wb["Maatregelen"]
    assert measures.column_dimensions["F"].number_format == "DD-MM-YYYY"
    sites_dv = {
        next(iter(dv.sqref.ranges)).coord.split(":")[0]: dv
        for dv in wb["Keten"].data_validations.dataValidation
    }
    assert sites_dv["C2"].formula1.startswith("=Lijsten!$U$2")
    assert (sites_dv["E2"].type, sites_dv["E2"].formula1, sites_dv["E2"].formula2) == (
        "whole",
        "1",
        "10",
    )
    lists = wb["Lijsten"]
    assert [lists.cell(row=r, column=1).value for r in range(2, 4)] == [
        "Vrijheid van vakvereniging en collectief onderhandelen",
        "Dwangarbeid",
    ]
    instructions = [row[0].value for row in wb["Toelichting"].iter_rows()]
    assert instructions[0] == "ISV-werkmap voor leveranciers"
    assert "• Leverancier: Naam leverancier, Land van vestiging" in "\n".join(instructions)
    assert "E-mail, Datum ondertekening, Ondertekend door" in "\n".join(instructions)


def test_template_in_english_and_supplier_text_never_a_formula(ctx: Any) -> None:
    from openpyxl import load_workbook

    from app.services import registry

    registry.register_tender(
        ctx,
        ref="T-X",
        title="ICT",
        category="ict-werkomgeving",
        kind="supplies",
        value=300_000,
        published=dt.date(2025, 5, 1),
    )
    registry.add_contract(
        ctx,
        ref='=HYPERLINK("x")',
        tender_ref="T-X",
        supplier="=1+1 Trading",
        supplier_country="CN",
        start=dt.date(2026, 1, 1),
        end=dt.date(2026, 12, 31),
    )
    content = submissions.template_bytes(ctx, '=HYPERLINK("x")', lang="en")
    wb = load_workbook(io.BytesIO(content))
    assert wb.sheetnames == [
        "Instructions",
        "Supplier",
        "Supply chain",
        "Risks",
        "Measures",
        "Lists",
    ]
    supplier = wb["Supplier"]
    assert supplier["A2"].value == "Supplier name *"
    assert (supplier["B2"].value, supplier["B2"].data_type) == ("=1+1 Trading", "s")
    assert supplier["B4"].value == "China"
    assert wb["Supply chain"]["A1"].value == "Site ID *"
    import zipfile

    with zipfile.ZipFile(io.BytesIO(content)) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert "<f>" not in z.read(name).decode()


def test_feedback_is_rebuilt_from_values(
    ctx: Any, contract: str, filler: Any, tmp_path: Path
) -> None:
    """The feedback is rebuilt in write-only mode from the checked sheets: marked, and
    safe (formula-looking text stays text)."""
    from openpyxl import load_workbook

    risks = [["R1", "S1", "Klimaat", "=SUM(A1:A3)", 2, 1, None], *RISK_ROWS[1:]]
    path = filler.workbook(
        risks=risks, extra=lambda wb: setattr(wb["Risico's"]["D2"], "data_type", "s")
    )
    result = submissions.check(ctx, path, contract)
    target = submissions.write_feedback(ctx, path, result, tmp_path / "terug-groot.xlsx")
    wb = load_workbook(target)
    assert wb.sheetnames == ["Problemen", "Leverancier", "Keten", "Risico's", "Maatregelen"]
    sheet = wb["Risico's"]
    assert sheet["C2"].comment is not None and sheet["C2"].value == "Klimaat"
    assert sheet["C2"].fill.fgColor.rgb.endswith("FFC7CE")
    assert (sheet["D2"].value, sheet["D2"].data_type) == ("=SUM(A1:A3)", "s")
    assert wb["Keten"]["B2"].value == "Dhaka Garments Ltd"
    listing = [[c.value for c in row] for row in wb["Problemen"].iter_rows(min_row=2)]
    assert any(r[1] == "Risico's" and r[2] == 2 and r[3] == "Thema" for r in listing)
