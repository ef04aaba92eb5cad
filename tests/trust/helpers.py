"""Plain functions shared by the trust tests (no fixtures here)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, select

from app.persistence import models as m
from app.persistence.engine import database_url


def dump_tables(location: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of the schema, in primary-key order."""
    engine = create_engine(database_url(location))
    try:
        with engine.connect() as connection:
            return {
                table.name: [
                    tuple(row)
                    for row in connection.execute(
                        select(table).order_by(*table.primary_key.columns)
                    )
                ]
                for table in m.Base.metadata.sorted_tables
            }
    finally:
        engine.dispose()


def dump_files(folder: Path) -> dict[str, bytes]:
    """Every attachment file below ``folder`` by its relative path, with its bytes."""
    if not folder.is_dir():
        return {}
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def integrity_check(path: Path | str) -> list[str]:
    connection = sqlite3.connect(str(path))
    try:
        return [row[0] for row in connection.execute("PRAGMA integrity_check")]
    finally:
        connection.close()


def scalar(path: Path | str, sql: str) -> Any:
    connection = sqlite3.connect(str(path))
    try:
        return connection.execute(sql).fetchone()[0]
    finally:
        connection.close()


SUPPLIER_LABELS = (
    "Naam leverancier",
    "KvK-nummer",
    "Land van vestiging",
    "Contractreferentie",
    "Rapportageperiode van",
    "Rapportageperiode tot",
    "Contactpersoon",
    "E-mail",
    "Datum ondertekening",
    "Ondertekend door",
    "Klachtenmechanisme",
)


def supplier_workbook(
    path: Path,
    contract: str,
    *,
    supplier: str = "Textiel B.V.",
    kvk: str = "12345678",
    sites: int = 3,
    risks: int = 3,
    measures: int = 3,
    text: str = "",
) -> Path:
    """A filled-in supplier workbook in the layout of spec/supplier-workbook.md (Dutch
    headers), with ``sites``/``risks``/``measures`` rows; ``text`` goes into free-text
    cells (descriptions, names), so hostile strings can be fed through the import."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    info = wb.create_sheet("Leverancier")
    info.append(["Gegeven", "Waarde"])
    values = (
        supplier,
        kvk,
        "Nederland",
        contract,
        dt.date(2026, 1, 1),
        dt.date(2026, 12, 31),
        "Anna de Vries",
        "anna@textiel.example",
        dt.date(2026, 2, 1),
        "B. Jansen",
        "Ja",
    )
    for label, value in zip(SUPPLIER_LABELS, values, strict=True):
        info.append([label, value])
    keten = wb.create_sheet("Keten")
    keten.append(
        [
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
    )
    countries = ("BD", "IN", "CN", "VN", "TR")
    for i in range(sites):
        keten.append(
            [
                f"S{i + 1}",
                f"Fabriek {i + 1} {text}".strip(),
                countries[i % 5],
                "Stad",
                1 + i % 3,
                f"Werkkleding {text}".strip(),
                100 + i,
                None,
                dt.date(2025, 11, 3),
                None,
            ]
        )
    risico = wb.create_sheet("Risico's")
    risico.append(
        [
            "Risico-ID",
            "Locatie-ID",
            "Thema",
            "Omschrijving",
            "Ernst",
            "Waarschijnlijkheid",
            "Bron",
            "Land",
            "Product of dienst",
        ]
    )
    themes = ("living_wage", "child_labour", "forced_labour", "health_safety")
    for i in range(risks):
        risico.append(
            [
                f"R{i + 1}",
                f"S{i % max(sites, 1) + 1}" if sites else None,
                themes[i % 4],
                f"Risico {i + 1} {text}".strip(),
                1 + i % 4,
                1 + (i // 4) % 4,
                "Audit 2025",
                None if sites else "BD",  # a risk without a site names its place
                None if sites else "Werkkleding",
            ]
        )
    maatregel = wb.create_sheet("Maatregelen")
    maatregel.append(
        [
            "Maatregel-ID",
            "Risico-ID",
            "Omschrijving",
            "Verantwoordelijke",
            "Startdatum",
            "Einddatum",
            "Status",
            "Voortgang (%)",
            "Bewijsstuk",
        ]
    )
    for i in range(measures):
        maatregel.append(
            [
                f"M{i + 1}",
                f"R{i % max(risks, 1) + 1}",
                f"Maatregel {i + 1} {text}".strip(),
                "Inkoopmanager",
                dt.date(2026, 1, 15),
                dt.date(2026, 6, 30),
                "Gepland",
                10,
                None,
            ]
        )
    wb.save(path)
    return path


def fill_every_table(ctx: Any, folder: Path, *, tenders: int = 30) -> None:
    """Demo data plus the rows the demo leaves out: a generated clause document and a
    country-risk table, so every table of the schema holds something."""
    from app.services import clauses, follow_up, signals
    from app.services.demo import load_demo

    load_demo(ctx, seed=5, tenders=tenders, today=dt.date(2026, 11, 25))
    with ctx.db.read() as session:
        ref = session.scalar(
            select(m.Tender.ref)
            .where(m.Tender.isv_applied.is_(True))
            .order_by(m.Tender.id)
            .limit(1)
        )
    clauses.generate(ctx, ref, fmt="md", lang="nl")
    table = folder / "landenrisico.csv"
    table.write_text(
        "country,score,flag,source,year\nBD,7.5,ja,Eigen analyse,2026\n"
        "IN,6.1,nee,Eigen analyse,2026\nCN,8.2,ja,Eigen analyse,2026\n",
        encoding="utf-8",
    )
    follow_up.import_country_risk(ctx, table)
    _adopt_a_tenderned_notice(ctx, folder)
    with ctx.db.read() as session:
        contract = session.scalar(select(m.Contract.ref).order_by(m.Contract.id).limit(1))
    from app.services import records

    records.correct_contract(  # a risk analysis with a term of its own (revision 0007)
        ctx, contract, reason="Eigen termijn", expected_version=None, risk_months=2
    )
    signal = signals.log_signal(
        ctx,
        contract_ref=contract,
        received_on=dt.date(2026, 3, 2),
        source="Vakbond",
        theme=ctx.reference.themes[0].code,
        description="Melding van verplicht overwerk",
    )
    signals.record_escalation_step(
        ctx,
        contract_ref=contract,
        step="dialogue",
        taken_on=dt.date(2026, 3, 9),
        response_due=dt.date(2026, 4, 9),
        signal_id=signal.id,
        note="Gesprek met de leverancier",
    )


def _adopt_a_tenderned_notice(ctx: Any, folder: Path) -> None:
    """A TenderNed notice kept and adopted: a tender with CPV codes and a remembered
    category (revision 0003's tables)."""
    from app.services import tenderned

    release = {
        "ocid": "ocds-1l04xe-2026-900001",
        "id": "900001",
        "date": "2026-02-02T09:00:00+01:00",
        "tag": ["tender"],
        "buyer": {"id": "NL-OIN-1", "name": "Ministerie van Proefzaken"},
        "tender": {
            "id": "2026-900001",
            "title": "Laptops",
            "mainProcurementCategory": "goods",
            "value": {"amount": 300000, "currency": "EUR"},
            "items": [{"id": "1", "classification": {"scheme": "CPV", "id": "30213100-6"}}],
        },
    }
    package = folder / "tenderned.json"
    package.write_text(json.dumps({"version": "1.1", "releases": [release]}), encoding="utf-8")
    tenderned.import_open_data(ctx, package)
    tenderned.adopt(ctx, [release["ocid"]], expected_versions=None)


def tender_and_contract(
    ctx: Any, contract: str = "C-1", *, start: dt.date = dt.date(2026, 1, 1)
) -> None:
    """A tender ``T-1`` and its contract ``contract``, through the registry service."""
    from app.services import registry

    registry.register_tender(
        ctx,
        ref="T-1",
        title="Kleding",
        category="bedrijfskleding",
        kind="supplies",
        value=500_000,
        published=dt.date(2025, 9, 1),
    )
    registry.add_contract(
        ctx,
        ref=contract,
        tender_ref="T-1",
        supplier="Textiel B.V.",
        supplier_country="NL",
        start=start,
        end=dt.date(2029, 12, 31),
        kvk="12345678",
    )
