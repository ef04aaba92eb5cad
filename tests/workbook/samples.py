"""Sample workbook content and helpers for the supplier workbook tests."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

CONTRACT = "C-2026-001"

SUPPLIER_NL = {
    "Naam leverancier": "Textiel B.V.",
    "KvK-nummer": "12345678",
    "Land van vestiging": "Nederland",
    "Contractreferentie": CONTRACT,
    "Rapportageperiode van": dt.date(2026, 1, 1),
    "Rapportageperiode tot": dt.date(2026, 12, 31),
    "Contactpersoon": "Anna de Vries",
    "E-mail": "anna@textiel.example",
    "Datum ondertekening": dt.date(2026, 2, 1),
    "Ondertekend door": "B. Jansen",
    "Klachtenmechanisme": "Ja",
    "Toelichting klachtenmechanisme": "Meldpunt bij Fair Wear, ook anoniem",
    "Betrokken belanghebbenden": "Vakbond in Dhaka en een ngo, in twee gesprekken",
}

SITES_NL = [
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
RISKS_NL = [
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
MEASURES_NL = [
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

SITES_EN = [
    "Site ID",
    "Site name",
    "Country",
    "City",
    "Tier",
    "Product or service",
    "Number of workers",
    "Certifications",
    "Last audit",
    "Open Supply Hub ID",
]
RISKS_EN = [
    "Risk ID",
    "Site ID",
    "Theme",
    "Description",
    "Severity",
    "Likelihood",
    "Source",
    "Country",
    "Product or service",
]
MEASURES_EN = [
    "Measure ID",
    "Risk ID",
    "Description",
    "Owner",
    "Start date",
    "Due date",
    "Status",
    "Progress (%)",
    "Evidence",
]

SITE_ROWS = [
    [
        "S1",
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
    ["S2", "Cotton Spinning Co", "IN", "Coimbatore", 2, "Garen", None, None, None, None],
]
RISK_ROWS = [
    [
        "R1",
        "S1",
        "Leefbaar loon",
        "Lonen onder leefbaar niveau",
        "Ernstig",
        "Waarschijnlijk",
        "Audit 2025",
        None,
        None,
    ],
    ["R2", "S2", "child_labour", "Kinderarbeid in spinnerij", 4, 2, None, None, None],
    [
        "R3",
        None,
        "Forced labour",
        "Dwangarbeid in katoenteelt",
        "Zeer ernstig",
        "Possible",
        "NGO-rapport",
        "Oezbekistan",
        "Katoen",
    ],
]
MEASURE_ROWS = [
    [
        "M1",
        "R1",
        "Loonkloofanalyse met vakbond",
        "Inkoopmanager",
        dt.date(2026, 1, 15),
        dt.date(2026, 6, 30),
        "In uitvoering",
        40,
        "loonanalyse.pdf",
    ],
    [
        "M2",
        "R2",
        "Onaangekondigde audit",
        "CSR-team",
        None,
        dt.date(2026, 9, 1),
        "Gepland",
        None,
        None,
    ],
    [
        "M3",
        "R3",
        "Herkomst katoen traceren",
        "CSR-team",
        dt.date(2026, 2, 1),
        dt.date(2026, 12, 31),
        "Planned",
        0,
        None,
    ],
]


class Filler:
    """Writes supplier workbooks for tests."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.count = 0

    def workbook(
        self,
        *,
        supplier: dict[str, Any] | None = None,
        sites: list[list[Any]] | None = None,
        risks: list[list[Any]] | None = None,
        measures: list[list[Any]] | None = None,
        headers: tuple[list[str], list[str], list[str]] | None = None,
        names: tuple[str, str, str, str] = ("Leverancier", "Keten", "Risico's", "Maatregelen"),
        template: bytes | None = None,
        extra: Callable[[Any], None] | None = None,
        name: str | None = None,
    ) -> Path:
        """A filled-in workbook file. ``template`` is filled in place when given."""
        from openpyxl import Workbook, load_workbook

        if template is not None:
            wb = load_workbook(io.BytesIO(template))
        else:
            wb = Workbook()
            wb.remove(wb.active)
        supplier = SUPPLIER_NL if supplier is None else supplier
        site_head, risk_head, measure_head = headers or (SITES_NL, RISKS_NL, MEASURES_NL)
        tables = (
            (names[1], site_head, SITE_ROWS if sites is None else sites),
            (names[2], risk_head, RISK_ROWS if risks is None else risks),
            (names[3], measure_head, MEASURE_ROWS if measures is None else measures),
        )
        if template is not None:
            ws = wb[names[0]]
            for row in range(2, ws.max_row + 1):
                label = str(ws.cell(row=row, column=1).value).removesuffix(" *")  # required
                if label in supplier:
                    ws.cell(row=row, column=2).value = supplier[label]
            for sheet, head, rows in tables:
                ws = wb[sheet]
                for col, text in enumerate(head, start=1):
                    ws.cell(row=1, column=col).value = text
                for r, values in enumerate(rows, start=2):
                    for c, value in enumerate(values, start=1):
                        ws.cell(row=r, column=c).value = value
        else:
            ws = wb.create_sheet(names[0])
            ws.append(["Gegeven", "Waarde"])
            for label, value in supplier.items():
                ws.append([label, value])
            for sheet, head, rows in tables:
                ws = wb.create_sheet(sheet)
                ws.append(head)
                for values in rows:
                    ws.append(values)
        if extra is not None:
            extra(wb)
        self.count += 1
        path = self.folder / (name or f"werkmap-{self.count}.xlsx")
        wb.save(path)
        return path


def dump_database(ctx: Any) -> list[str]:
    """Every row of every table, as text, for comparing before and after."""
    from sqlalchemy import inspect, select

    lines: list[str] = []
    with ctx.db.read() as session:
        inspector = inspect(session.get_bind())
        from app.persistence.models import Base

        for name in sorted(inspector.get_table_names()):
            table = Base.metadata.tables.get(name)
            if table is None:
                continue
            for row in session.execute(select(table).order_by(*table.primary_key.columns)):
                lines.append(f"{name}: {tuple(row)!r}")
    return lines
