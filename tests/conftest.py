"""Shared fixtures: an isolated home folder per test, a real database, the command line.

Set ``ISV_TEST_POSTGRES_URL`` (e.g. ``postgresql+psycopg://isv@127.0.0.1/postgres``) to
run every test that uses ``db_location`` against a fresh PostgreSQL database instead of
an SQLite file; ``.ci/run`` does both.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

import contextlib
import io
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app import locator

POSTGRES_URL = os.environ.get("ISV_TEST_POSTGRES_URL", "")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("ISV_ASSISTENT_HOME", str(home))
    monkeypatch.delenv("ISV_ASSISTENT_DB", raising=False)
    locator.reset_caches()
    yield home
    locator.reset_caches()


def _fresh_postgres_database() -> Iterator[str]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"isv_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(POSTGRES_URL).set(database=name)
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"),
                {"n": name},
            )
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


@pytest.fixture
def db_location(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Where the test's database lives: an SQLite path, or a fresh PostgreSQL URL."""
    if POSTGRES_URL:
        monkeypatch.setenv("ISV_ASSISTENT_HOME", str(tmp_path / "home"))
        yield from _fresh_postgres_database()
    else:
        yield str(tmp_path / "isv.sqlite")


@pytest.fixture
def sqlite_location(tmp_path: Path) -> str:
    """An SQLite file, for tests of SQLite-only behaviour (backup, integrity_check)."""
    return str(tmp_path / "isv.sqlite")


@pytest.fixture
def ctx(db_location: str) -> Iterator[object]:
    from app.services.context import open_context

    context = open_context(db_location, lang="nl", actor="tester")
    yield context
    context.db.dispose()


@dataclass
class CliResult:
    status: int
    out: str
    err: str


@pytest.fixture
def cli(db_location: str) -> Callable[..., CliResult]:
    """Run the command line in-process against the test's database."""
    from app.cli import main

    def run(*args: str, db: str | None = None) -> CliResult:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(["--db", db or db_location, *args])
        return CliResult(status, out.getvalue(), err.getvalue())

    return run
