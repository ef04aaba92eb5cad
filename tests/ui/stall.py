"""A probe of the event loop: a 10 ms timer whose largest gap says how long the window
would have been frozen. Shared by the responsiveness test and the benchmark."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer


class StallProbe:
    def __init__(self, interval_ms: int = 10) -> None:
        self.timer = QTimer()
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self.gaps: list[float] = []
        self.at: list[float] = []  # when each gap ended, seconds after start()
        self._last = 0.0
        self._start = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        if self._last:
            self.gaps.append(now - self._last)
            self.at.append(now - self._start)
        self._last = now

    def start(self) -> None:
        self._last = self._start = time.perf_counter()
        self.timer.start()

    def worst(self, count: int = 3) -> list[tuple[float, float]]:
        """The largest gaps (ms) with when they ended (s after start)."""
        pairs = sorted(zip(self.gaps, self.at, strict=True), reverse=True)[:count]
        return [(round(gap * 1000), round(at, 2)) for gap, at in pairs]

    def stop(self) -> float:
        """Stops the probe and returns the largest gap in milliseconds.

        The time since the last tick counts as a gap too: work that ends by blocking the
        event loop (a result handler filling a table) delays the tick that would have
        recorded it until after the caller saw the work finished and stopped the probe.
        """
        self.timer.stop()
        self._tick()
        return max(self.gaps, default=0.0) * 1000


def big_workbook(path: Path, contract_ref: str, rows: int, *, warnings: bool = False) -> Path:
    """A filled-in supplier workbook with ``rows`` rows over the three tables, written
    with openpyxl's write-only mode (as a large supplier's export would be).

    With ``warnings`` most rows earn a warning: 80 % of the rows are serious, likely
    risks and only one in eight of them has a measure, so 10,000 rows give 7,000
    warnings (as many as the 100,000-row benchmark), every one a row of the problems
    table with a message, and a place in the workbook to show.
    """
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    supplier = wb.create_sheet("Leverancier")
    supplier.append(["Gegeven", "Waarde"])
    for label, value in (
        ("Naam leverancier", "Textiel B.V."),
        ("KvK-nummer", "12345678"),
        ("Land van vestiging", "NL"),
        ("Contractreferentie", contract_ref),
        ("Rapportageperiode van", dt.date(2026, 1, 1)),
        ("Rapportageperiode tot", dt.date(2026, 12, 31)),
        ("Contactpersoon", "Anna"),
        ("E-mail", "anna@textiel.example"),
        ("Datum ondertekening", dt.date(2026, 2, 1)),
        ("Ondertekend door", "B. Jansen"),
        ("Klachtenmechanisme", "Ja"),
    ):
        supplier.append([label, value])
    sites_n = rows // 10 if warnings else rows * 2 // 5
    risks_n = rows * 8 // 10 if warnings else rows * 2 // 5
    measures_n = rows - sites_n - risks_n
    sites = wb.create_sheet("Keten")
    sites.append(
        [
            "Locatie-ID",
            "Naam locatie",
            "Land",
            "Plaats",
            "Schakel",
            "Product of dienst",
            "Aantal werknemers",
        ]
    )
    for n in range(sites_n):
        sites.append(
            [f"S{n}", f"Fabriek {n}", "BD", "Dhaka", 1 + n % 3, "Werkkleding", 100 + n % 900]
        )
    risks = wb.create_sheet("Risico's")
    risks.append(
        ["Risico-ID", "Locatie-ID", "Thema", "Omschrijving", "Ernst", "Waarschijnlijkheid"]
    )
    for n in range(risks_n):
        severity, likelihood = (4, 4) if warnings else (1 + n % 4, 1 + (n // 4) % 4)
        risks.append(
            [
                f"R{n}",
                f"S{n % max(sites_n, 1)}",
                "Leefbaar loon",
                "Lonen te laag",
                severity,
                likelihood,
            ]
        )
    measures = wb.create_sheet("Maatregelen")
    measures.append(
        ["Maatregel-ID", "Risico-ID", "Omschrijving", "Verantwoordelijke", "Einddatum", "Status"]
    )
    for n in range(measures_n):
        measures.append(
            [
                f"M{n}",
                f"R{n % max(risks_n, 1)}",
                "Loonanalyse",
                "Inkoop",
                dt.date(2026, 6, 30),
                "Gepland",
            ]
        )
    wb.save(path)
    return path


def run_with_probe(qtbot: Any, start: Any, finished: Any, timeout_ms: int) -> float:
    """Start work, wait until ``finished()``, return the largest event-loop gap (ms)."""
    probe = StallProbe()
    probe.start()
    start()
    qtbot.waitUntil(finished, timeout=timeout_ms)
    return probe.stop()
