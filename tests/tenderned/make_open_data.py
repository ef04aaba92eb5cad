"""Make TenderNed open-data files for tests: OCDS release packages and XLSX workbooks.

No real TenderNed file is at hand; these are built from the documented structures: an
OCDS 1.1 release package (``uri``, ``publishedDate``, ``publisher``, ``version``,
``releases``; each release with ``ocid``, ``id``, ``date``, ``tag``, ``buyer``,
``parties``, ``tender``, ``awards``, ``contracts``) under TenderNed's OCID prefix, and the
workbook's data sheet with Dutch column names beside a "Mapping OCDS" sheet.

The made-up year (:func:`ministry_year`) has two contracting authorities; for the
ministry: a laptop tender corrected once (the estimate raised) and then awarded; a
workwear tender below the threshold; a catering service (Annex XIV); a notice without
CPV codes; an award notice that gives only the awarded value; a works contract. The
municipality has a laptop tender of its own, which a filter on the ministry leaves out.

Run as a script to write ``package.json`` and ``workbook.xlsx`` into a folder:
``python tests/tenderned/make_open_data.py FOLDER [--releases N]``.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PREFIX = "ocds-1l04xe-"
MINISTRY = "Ministerie van Proefzaken"
MINISTRY_ID = "NL-OIN-00000001003214345000"
MUNICIPALITY = "Gemeente Voorbeeldstad"
MUNICIPALITY_ID = "NL-OIN-00000001002220647000"


@dataclass
class Procedure:
    """One procedure with its notices: (date, tag, changes to the tender/award)."""

    reference: str
    buyer: str
    buyer_id: str
    title: str
    category: str  # goods, services, works
    cpv: Sequence[str]
    notices: list[dict[str, Any]] = field(default_factory=list)


def _party(pid: str, name: str, roles: list[str], **extra: Any) -> dict[str, Any]:
    return {"id": pid, "name": name, "roles": roles, **extra}


def release(proc: Procedure, number: int, notice: dict[str, Any]) -> dict[str, Any]:
    """One release of the procedure, as TenderNed's package gives a notice."""
    day: dt.date = notice["date"]
    tags: list[str] = notice["tag"]
    tender: dict[str, Any] = {
        "id": proc.reference,
        "title": proc.title,
        "mainProcurementCategory": proc.category,
        "status": "active",
    }
    if proc.cpv:
        tender["items"] = [
            {
                "id": "1",
                "classification": {"scheme": "CPV", "id": proc.cpv[0]},
                "additionalClassifications": [{"scheme": "CPV", "id": c} for c in proc.cpv[1:]],
            }
        ]
    if notice.get("estimate") is not None:
        tender["value"] = {"amount": notice["estimate"], "currency": "EUR"}
    parties = [
        _party(
            proc.buyer_id,
            proc.buyer,
            ["buyer"],
            identifier={"scheme": "NL-OIN", "id": proc.buyer_id.removeprefix("NL-OIN-")},
        )
    ]
    result: dict[str, Any] = {
        "ocid": PREFIX + proc.reference,
        "id": str(number),
        "date": f"{day.isoformat()}T09:00:00+01:00",
        "tag": tags,
        "initiationType": "tender",
        "language": "nl",
        "buyer": {"id": proc.buyer_id, "name": proc.buyer},
        "parties": parties,
        "tender": tender,
    }
    if "award" in tags:
        winner = notice["winner"]
        parties.append(
            _party(
                f"NL-KVK-{winner['kvk']}" if winner.get("kvk") else "ORG-" + winner["name"],
                winner["name"],
                ["supplier"],
                identifier={"scheme": "NL-KVK", "id": winner["kvk"]} if winner.get("kvk") else {},
                address={"countryName": winner.get("country", "")},
            )
        )
        award: dict[str, Any] = {
            "id": f"{proc.reference}-1",
            "status": "active",
            "date": f"{notice['awarded'].isoformat()}T00:00:00+01:00",
            "suppliers": [{"id": parties[-1]["id"], "name": winner["name"]}],
        }
        if notice.get("awarded_value") is not None:
            award["value"] = {"amount": notice["awarded_value"], "currency": "EUR"}
        result["awards"] = [award]
        if notice.get("period"):
            start, end = notice["period"]
            result["contracts"] = [
                {
                    "id": f"{proc.reference}-1",
                    "awardID": award["id"],
                    "period": {
                        "startDate": f"{start.isoformat()}T00:00:00+01:00",
                        "endDate": f"{end.isoformat()}T00:00:00+01:00",
                    },
                }
            ]
    return result


def ministry_year(year: int = 2025) -> list[Procedure]:
    d = dt.date
    laptops = Procedure(
        f"{year}-100001",
        MINISTRY,
        MINISTRY_ID,
        "Laptops en monitoren",
        "goods",
        ["30213100-6", "30231300-0"],
    )
    laptops.notices = [
        {"date": d(year, 2, 3), "tag": ["tender"], "estimate": 250000},
        {"date": d(year, 2, 20), "tag": ["tenderUpdate"], "estimate": 400000},
        {
            "date": d(year, 5, 12),
            "tag": ["award", "contract"],
            "estimate": 400000,
            "awarded": d(year, 5, 10),
            "awarded_value": 380000,
            "winner": {
                "name": "Laptop Leverancier B.V.",
                "kvk": "12345678",
                "country": "Nederland",
            },
            "period": (d(year, 6, 1), d(year + 3, 5, 31)),
        },
    ]
    workwear = Procedure(
        f"{year}-100002",
        MINISTRY,
        MINISTRY_ID,
        "Bedrijfskleding beveiliging",
        "goods",
        ["18110000-3"],
    )
    workwear.notices = [{"date": d(year, 3, 1), "tag": ["tender"], "estimate": 90000}]
    catering = Procedure(
        f"{year}-100003",
        MINISTRY,
        MINISTRY_ID,
        "Catering kantoorlocaties",
        "services",
        ["55520000-1"],
    )
    catering.notices = [{"date": d(year, 4, 1), "tag": ["tender"], "estimate": 500000}]
    no_cpv = Procedure(f"{year}-100004", MINISTRY, MINISTRY_ID, "Advies zonder CPV", "services", [])
    no_cpv.notices = [{"date": d(year, 4, 15), "tag": ["tender"], "estimate": 1000000}]
    energy = Procedure(
        f"{year}-100005",
        MINISTRY,
        MINISTRY_ID,
        "Levering elektriciteit",
        "goods",
        ["09310000-5"],
    )
    energy.notices = [
        {
            "date": d(year, 7, 1),
            "tag": ["award"],
            "awarded": d(year, 6, 28),
            "awarded_value": 2000000,
            "winner": {"name": "Stroom Europa GmbH", "kvk": "", "country": "Duitsland"},
        }
    ]
    works = Procedure(
        f"{year}-100006", MINISTRY, MINISTRY_ID, "Renovatie kantoor", "works", ["45000000-7"]
    )
    works.notices = [{"date": d(year, 8, 1), "tag": ["tender"], "estimate": 10000000}]
    other = Procedure(
        f"{year}-200001",
        MUNICIPALITY,
        MUNICIPALITY_ID,
        "Laptops gemeente",
        "goods",
        ["30213100-6"],
    )
    other.notices = [{"date": d(year, 2, 5), "tag": ["tender"], "estimate": 300000}]
    return [laptops, workwear, catering, no_cpv, energy, works, other]


def releases_of(procedures: Sequence[Procedure], start: int = 1) -> list[dict[str, Any]]:
    out = []
    number = start
    for proc in procedures:
        for notice in proc.notices:
            out.append(release(proc, number, notice))
            number += 1
    return out


def package(releases: Sequence[dict[str, Any]]) -> dict[str, Any]:
    return {
        "uri": "https://www.tenderned.nl/papi/tenderned-rs-tns/v2/ocds/example.json",
        "version": "1.1",
        "publishedDate": "2026-01-15T00:00:00Z",
        "publisher": {"name": "TenderNed", "scheme": "NL-OIN"},
        "license": "https://creativecommons.org/publicdomain/zero/1.0/",
        "releases": list(releases),
    }


def write_package(path: Path, releases: Sequence[dict[str, Any]]) -> Path:
    path.write_text(json.dumps(package(releases), ensure_ascii=False, indent=1), encoding="utf-8")
    return path


# -- the workbook -----------------------------------------------------------------------------

COLUMNS = [
    "ID publicatie",
    "TenderNed kenmerk",
    "Publicatiedatum",
    "Type publicatie",
    "Naam aanbestedende dienst",
    "Naam aanbesteding",
    "Type opdracht",
    "CPV-codes",
    "Geraamde waarde",
    "Waarde gegunde opdracht",
    "Datum gunning",
    "Naam gegunde onderneming",
    "ON kvknummer",
    "Land gegunde onderneming",
]
KIND_WORD = {"goods": "Leveringen", "services": "Diensten", "works": "Werken"}
NOTICE_TYPE = {"tender": "Aankondiging van een opdracht", "tenderUpdate": "Rectificatie"}


def workbook_rows(procedures: Sequence[Procedure]) -> Iterator[dict[str, Any]]:
    number = 500000
    for proc in procedures:
        for notice in proc.notices:
            number += 1
            tags = notice["tag"]
            winner = notice.get("winner") or {}
            yield {
                "ID publicatie": number,
                "TenderNed kenmerk": proc.reference,
                "Publicatiedatum": notice["date"],
                "Type publicatie": NOTICE_TYPE.get(tags[0], "Aankondiging gegunde opdracht"),
                "Naam aanbestedende dienst": proc.buyer,
                "Naam aanbesteding": proc.title,
                "Type opdracht": KIND_WORD[proc.category],
                "CPV-codes": "; ".join(f"{c} (omschrijving)" for c in proc.cpv),
                "Geraamde waarde": notice.get("estimate"),
                "Waarde gegunde opdracht": notice.get("awarded_value"),
                "Datum gunning": notice.get("awarded"),
                "Naam gegunde onderneming": winner.get("name"),
                "ON kvknummer": winner.get("kvk") or None,
                "Land gegunde onderneming": winner.get("country"),
            }


def write_workbook(
    path: Path,
    procedures: Sequence[Procedure],
    columns: Sequence[str] = COLUMNS,
    extra: Sequence[str] = (),
) -> Path:
    """The data sheet with ``columns`` (leave some out to test missing ones) and ``extra``
    columns TenderNed may add, and the "Mapping OCDS" sheet."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Aankondigingen"
    header = [*columns, *extra]
    sheet.append(header)
    for row in workbook_rows(procedures):
        sheet.append([row.get(c, f"extra {c}") for c in header])
    mapping = book.create_sheet("Mapping OCDS")
    mapping.append(["Kolom", "Omschrijving", "OCDS path"])
    mapping.append(["ID publicatie", "publication", "id"])
    mapping.append(["TenderNed kenmerk", "reference", "tender/id"])
    mapping.append(["CPV-codes", "CPV", "tender/items/classification/id"])
    book.save(path)
    return path


def large_package(path: Path, count: int) -> Path:
    """A package of ``count`` releases of many buyers (for the benchmark), written in pieces."""
    buyers = [(f"Organisatie {i:03d}", f"NL-OIN-{i:020d}") for i in range(200)]
    with path.open("w", encoding="utf-8") as handle:
        head = package([])
        del head["releases"]
        handle.write(json.dumps(head)[:-1] + ', "releases": [\n')
        for i in range(count):
            name, ident = buyers[i % len(buyers)]
            proc = Procedure(f"2025-{i:06d}", name, ident, f"Opdracht {i}", "goods", ["30213100-6"])
            notice = {
                "date": dt.date(2025, 1 + i % 12, 1 + i % 28),
                "tag": ["tender"],
                "estimate": 1000 * (i % 997),
            }
            if i % 3 == 0:
                notice = {
                    **notice,
                    "tag": ["award"],
                    "awarded": notice["date"],
                    "awarded_value": 5000 * (i % 89),
                    "winner": {
                        "name": f"Leverancier {i % 500}",
                        "kvk": f"{10000000 + i % 500}",
                        "country": "Nederland",
                    },
                }
            handle.write(("," if i else "") + json.dumps(release(proc, i + 1, notice)) + "\n")
        handle.write("]}\n")
    return path


def main(argv: Sequence[str]) -> int:
    folder = Path(argv[0])
    folder.mkdir(parents=True, exist_ok=True)
    if "--releases" in argv:
        count = int(argv[argv.index("--releases") + 1])
        large_package(folder / "large.json", count)
    procedures = ministry_year()
    write_package(folder / "package.json", releases_of(procedures))
    write_workbook(folder / "workbook.xlsx", procedures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
