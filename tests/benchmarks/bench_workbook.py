"""Benchmark: importing supplier workbooks against python-calamine merely reading them.

Run: ``.venv/bin/python tests/benchmarks/bench_workbook.py`` (not collected by pytest).

Two scales, each against its baseline measured in the same run:

* stress: a workbook of 20,000 sites, 40,000 risks and 40,000 measures (100,000 rows),
  written once with openpyxl ``write_only``. Timed: (1) python-calamine reading the four
  data sheets into Python lists (the baseline), and (2) the full import: the guard's
  container check and streaming count of every sheet, every reading rule, and the one
  transaction with bulk inserts into a fresh SQLite database.
  Targets: import at most 2.5x the raw read; peak memory under 500 MB. Printed beside
  them, against the same raw read: the guard's own pass, and the floor of any such pass
  (the guard's XML parser calling a handler that does nothing for each element).
* ministry: a submission of 1,000 rows imported through the command line, the whole
  process, against a process that imports SQLAlchemy and python-calamine and reads the
  same file. Target: at most 2x.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

SITES, RISKS, MEASURES = 20_000, 40_000, 40_000
THEMES = ("Leefbaar loon", "Dwangarbeid", "Kinderarbeid", "Werktijden", "Milieu")
STATUSES = ("Gepland", "In uitvoering", "Afgerond", "Vertraagd")
COUNTRIES = ("Bangladesh", "IN", "China", "Vietnam", "TR")


def write_workbook(
    path: Path, contract: str, sites: int = SITES, risks: int = RISKS, measures: int = MEASURES
) -> None:
    """The workbook of ``sites``, ``risks`` and ``measures`` rows (also used by bench_cli)."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Leverancier")
    ws.append(["Gegeven", "Waarde"])
    for row in (
        ["Naam leverancier", "Textiel B.V."],
        ["KvK-nummer", "12345678"],
        ["Land van vestiging", "NL"],
        ["Contractreferentie", contract],
        ["Rapportageperiode van", dt.date(2026, 1, 1)],
        ["Rapportageperiode tot", dt.date(2026, 12, 31)],
        ["Contactpersoon", "Anna de Vries"],
        ["E-mail", "anna@textiel.example"],
        ["Datum ondertekening", dt.date(2026, 2, 1)],
        ["Ondertekend door", "B. Jansen"],
        ["Klachtenmechanisme", "Ja"],
    ):
        ws.append(row)
    ws = wb.create_sheet("Keten")
    ws.append(
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
    for i in range(sites):
        ws.append(
            [
                f"S{i}",
                f"Fabriek {i}",
                COUNTRIES[i % 5],
                "Dhaka",
                1 + i % 4,
                "Werkkleding",
                100 + i,
                "SA8000; BSCI",
                dt.date(2025, 1 + i % 12, 1 + i % 28),
                f"OSH{i}",
            ]
        )
    ws = wb.create_sheet("Risico's")
    ws.append(
        ["Risico-ID", "Locatie-ID", "Thema", "Omschrijving", "Ernst", "Waarschijnlijkheid", "Bron"]
    )
    for i in range(risks):
        ws.append(
            [
                f"R{i}",
                f"S{i % sites}",
                THEMES[i % 5],
                f"Risico nummer {i} in de keten",
                1 + i % 4,
                1 + (i // 4) % 4,
                "Audit 2025",
            ]
        )
    ws = wb.create_sheet("Maatregelen")
    ws.append(
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
        ws.append(
            [
                f"M{i}",
                f"R{i % risks}",
                f"Maatregel {i} tegen het risico",
                "CSR-team",
                dt.date(2026, 1, 1),
                dt.date(2026, 12, 31),
                STATUSES[i % 4],
                100 if i % 4 == 2 else (i % 10) * 10,
                "rapport.pdf",
            ]
        )
    wb.save(path)


def write_small(path: Path, contract: str) -> None:
    """The ministry-scale submission: 334 sites, 333 risks, 333 measures."""
    write_workbook(path, contract, sites=334, risks=333, measures=333)


BASELINE_PROCESS = (
    "import sys, sqlalchemy, python_calamine\n"
    "book = python_calamine.CalamineWorkbook.from_path(sys.argv[1])\n"
    "for name in book.sheet_names:\n"
    "    book.get_sheet_by_name(name).to_python()\n"
)


def ministry(root: Path, contract: str, make_database: Any) -> None:
    """The 1,000-row submission through the command line, against the baseline process."""
    import shutil
    import subprocess

    path = root / "klein.xlsx"
    write_small(path, contract)
    template = root / "ministry.sqlite"
    make_database(template)
    env = {**os.environ, "ISV_ASSISTENT_HOME": str(root / "home")}
    cwd = Path(__file__).resolve().parents[2]
    pairs = []
    for attempt in range(5):
        db = root / f"ministry-{attempt}.sqlite"
        shutil.copyfile(template, db)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", BASELINE_PROCESS, str(path)], check=True, env=env)
        base = time.perf_counter() - started
        started = time.perf_counter()
        done = subprocess.run(
            [
                *(sys.executable, "-m", "app", "--db", str(db)),
                "import",
                str(path),
                "--contract",
                contract,
            ],
            env=env,
            cwd=cwd,
            capture_output=True,
            text=True,
            check=False,
        )
        full = time.perf_counter() - started
        if done.returncode != 0:
            print("ministry import failed:", done.stdout[-500:], done.stderr[-500:])
            return
        pairs.append((base, full))
        print(f"ministry round {attempt + 1}: baseline process {base:.2f} s, import {full:.2f} s")
    ratio = statistics.median(full / base for base, full in pairs)
    print(
        f"ministry: 1,000-row import through the command line {ratio:.2f}x the baseline "
        "process (target <= 2x)"
    )


def make_contract_database(location: Path, contract: str) -> Any:
    """A database holding one tender and its contract ``contract`` (also used by
    bench_cli); returns its open context."""
    from app.services import registry
    from app.services.context import open_context

    ctx = open_context(str(location), lang="nl", actor="bench")
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
        start=dt.date(2026, 1, 1),
        end=dt.date(2029, 12, 31),
        kvk="12345678",
    )
    return ctx


def raw_read(path: Path) -> int:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    cells = 0
    for name in ("Leverancier", "Keten", "Risico's", "Maatregelen"):
        rows = book.get_sheet_by_name(name).to_python()
        cells += sum(len(r) for r in rows)
    return cells


def guard_pass(path: Path) -> None:
    """The guard's own pass: the container, the small parts and the count of every sheet."""
    from app.io.xlsx_guard import open_workbook

    book = open_workbook(path.read_bytes(), path.name, "supplier")
    for sheet in book.sheets:
        book.scan(sheet)


def parse_floor(path: Path) -> None:
    """The XML parser the guard uses reading every sheet with a handler that does nothing
    for each element: what any count that looks at each element costs at the least."""
    import zipfile
    from xml.parsers import expat

    with zipfile.ZipFile(path) as archive:
        for entry in archive.namelist():
            if entry.startswith("xl/worksheets/"):
                parser = expat.ParserCreate(namespace_separator="}")
                parser.StartElementHandler = lambda _tag, _attrs: None
                with archive.open(entry) as handle:
                    parser.ParseFile(handle)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bench-wb-") as folder:
        root = Path(folder)
        os.environ["ISV_ASSISTENT_HOME"] = str(root / "home")
        from app.services import submissions

        contract = "BENCH-1"

        # Rounds interleave the baseline and the import, so a busy shared machine slows
        # both alike; wall and CPU time (all threads) are both reported.
        def make_database(location: Path) -> Any:
            return make_contract_database(location, contract)

        if "--stress-only" not in sys.argv:
            ministry(root, contract, lambda location: make_database(location).db.dispose())
        if "--ministry-only" in sys.argv:
            return 0
        path = root / "groot.xlsx"
        started = time.perf_counter()
        write_workbook(path, contract)
        print(
            f"workbook written: {SITES} sites, {RISKS} risks, {MEASURES} measures, "
            f"{path.stat().st_size / 2**20:.1f} MB in {time.perf_counter() - started:.1f} s"
        )

        rounds = []
        for attempt in range(3):
            ctx = make_database(root / f"bench-{attempt}.sqlite")
            wall, cpu = time.perf_counter(), time.process_time()
            raw_read(path)
            raw = (time.perf_counter() - wall, time.process_time() - cpu)
            wall, cpu = time.perf_counter(), time.process_time()
            parse_floor(path)
            floor = (time.perf_counter() - wall, time.process_time() - cpu)
            wall, cpu = time.perf_counter(), time.process_time()
            guard_pass(path)
            guard = (time.perf_counter() - wall, time.process_time() - cpu)
            wall, cpu = time.perf_counter(), time.process_time()
            checked = submissions.check(ctx, path, contract)
            check = (time.perf_counter() - wall, time.process_time() - cpu)
            wall, cpu = time.perf_counter(), time.process_time()
            result = submissions.import_workbook(ctx, path, contract, allow_warnings=True)
            full = (time.perf_counter() - wall, time.process_time() - cpu)
            if result.status != "imported" or checked.errors:
                print("import failed:", result.status, checked.errors[:3])
                return 1
            ctx.db.dispose()
            del checked, result, ctx
            gc.collect()  # each round starts from the same heap
            rounds.append((raw, check, full, guard, floor))
            print(
                f"round {attempt + 1}: raw read {raw[0]:.2f} s (cpu {raw[1]:.2f}), "
                f"parse floor {floor[0]:.2f} s (cpu {floor[1]:.2f}), "
                f"guard {guard[0]:.2f} s (cpu {guard[1]:.2f}), "
                f"check {check[0]:.2f} s (cpu {check[1]:.2f}), "
                f"import {full[0]:.2f} s (cpu {full[1]:.2f})"
            )

        def median_ratio(index: int, kind: int) -> float:
            return statistics.median(r[index][kind] / r[0][kind] for r in rounds)

        raw_wall = statistics.median(r[0][0] for r in rounds)
        print(f"python-calamine raw read (median): {raw_wall:.2f} s")
        print(
            f"XML parse floor (expat, a handler doing nothing): {median_ratio(4, 0):.2f}x raw "
            f"read (cpu {median_ratio(4, 1):.2f}x)"
        )
        print(
            f"guard's own pass: {median_ratio(3, 0):.2f}x raw read (cpu {median_ratio(3, 1):.2f}x)"
        )
        print(f"check only: {median_ratio(1, 0):.2f}x raw read (cpu {median_ratio(1, 1):.2f}x)")
        print(
            f"full import, check + write: {median_ratio(2, 0):.2f}x raw read "
            f"(cpu {median_ratio(2, 1):.2f}x) (target <= 2.5x)"
        )
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak memory (ru_maxrss): {peak:.0f} MB (target < 500 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
