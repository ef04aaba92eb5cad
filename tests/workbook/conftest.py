"""Fixtures for the supplier workbook: a contract to import into, and a workbook filler.

The filler starts from the application's own template (or a bare workbook) and fills it
through openpyxl the way a supplier would, so tests state only what differs.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from workbook.samples import CONTRACT, Filler, dump_database


@pytest.fixture
def filler(tmp_path: Path) -> Filler:
    folder = tmp_path / "files"
    folder.mkdir()
    return Filler(folder)


@pytest.fixture
def contract(ctx: Any) -> str:
    """A contract (and its tender) registered through the registry service."""
    from app.services import registry

    registry.register_tender(
        ctx,
        ref="T-2026-001",
        title="Bedrijfskleding Rijk",
        category="bedrijfskleding",
        kind="supplies",
        value=500_000,
        published=dt.date(2025, 9, 1),
    )
    registry.add_contract(
        ctx,
        ref=CONTRACT,
        tender_ref="T-2026-001",
        supplier="Textiel B.V.",
        supplier_country="NL",
        start=dt.date(2026, 1, 1),
        end=dt.date(2029, 12, 31),
        kvk="12345678",
    )
    return CONTRACT


@pytest.fixture
def dump(ctx: Any) -> Callable[[], list[str]]:
    return lambda: dump_database(ctx)


@pytest.fixture
def sqlite_dump(db_location: str) -> Iterator[Callable[[], list[str]]]:
    """``iterdump`` of the SQLite file itself (skipped on PostgreSQL)."""
    if "://" in db_location:
        pytest.skip("SQLite only")

    def run() -> list[str]:
        connection = sqlite3.connect(db_location)
        try:
            return list(connection.iterdump())
        finally:
            connection.close()

    yield run
