"""Every user-editable table is audited and checked by ``verify``: the schema's tables are
held against the audited ones and a short, reasoned list of tables that hold no user
record (a new table cannot slip past), and a row changed, added or removed directly in
the database is named by ``verify`` with its table and record, exit code 1."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, inspect, text

from app.persistence import models as m
from app.persistence.audit import AUDITED, AUDITED_LISTS, COVERED_BY_DIGEST, NOT_USER_TABLES
from app.persistence.engine import database_url
from app.persistence.integrity import verify
from app.services.context import open_context

from .helpers import fill_every_table


def _execute(location: str, sql: str) -> None:
    """Change the database behind the application's back (SQLite file or server)."""
    engine = create_engine(database_url(location))
    try:
        with engine.begin() as connection:
            assert connection.execute(text(sql)).rowcount == 1, sql  # type: ignore[attr-defined]
    finally:
        engine.dispose()


@pytest.fixture
def filled(db_location: str, tmp_path: Path) -> str:
    ctx = open_context(db_location, lang="nl", actor="tester")
    try:
        fill_every_table(ctx, tmp_path, tenders=2)
        result = verify(ctx.db)
        assert result.ok, [(p.code, p.location) for p in result.problems]
    finally:
        ctx.db.dispose()
    return db_location


def _problems(location: str) -> list[tuple[str, str]]:
    ctx = open_context(location, lang="nl", actor="tester")
    try:
        return [(p.code, p.location) for p in verify(ctx.db).problems]
    finally:
        ctx.db.dispose()


def test_every_table_is_audited_or_named_with_a_reason(db_location: str) -> None:
    ctx = open_context(db_location, lang="nl", actor="tester")
    try:
        found = set(inspect(ctx.db.engine).get_table_names())
    finally:
        ctx.db.dispose()
    audited = {model.__tablename__ for model in AUDITED.values()}
    lists = {model.__tablename__ for model, *_ in AUDITED_LISTS.values()}
    groups = [audited, lists, set(COVERED_BY_DIGEST), set(NOT_USER_TABLES)]
    assert sum(len(g) for g in groups) == len(set().union(*groups)), "a table in two lists"
    assert found == set().union(*groups), {
        "neither audited nor named": sorted(found - set().union(*groups)),
        "named but not in the schema": sorted(set().union(*groups) - found),
    }
    assert set(m.Base.metadata.tables) | {"alembic_version"} == found
    assert all(len(reason) > 20 for reason in NOT_USER_TABLES.values())
    # the entity names are the table names, so a finding names the table
    assert all(model.__tablename__ == entity for entity, model in AUDITED.items())
    assert all(model.__tablename__ == entity for entity, (model, *_) in AUDITED_LISTS.items())


FIRST = "(SELECT MIN(id) FROM {table})"
TAMPERING = {
    "country_risk": (
        f"UPDATE country_risk SET score = 1 WHERE id = {FIRST.format(table='country_risk')}",
        "verify_record_changed",
    ),
    "cpv_choice": (
        f"UPDATE cpv_choice SET category_code = 'overig' "
        f"WHERE id = {FIRST.format(table='cpv_choice')}",
        "verify_record_changed",
    ),
    "tenderned_notice": (
        f"UPDATE tenderned_notice SET title = 'Iets anders' "
        f"WHERE id = {FIRST.format(table='tenderned_notice')}",
        "verify_record_changed",
    ),
    "tender_cpv": (
        f"UPDATE tender_cpv SET code = '03000000-1' WHERE id = {FIRST.format(table='tender_cpv')}",
        "verify_record_changed",
    ),
    "country_risk added": (
        "INSERT INTO country_risk (country, score, flag, source, year, imported_at) "
        "VALUES ('KP', 9, NULL, 'Eigen analyse', 2026, '2026-01-01 00:00:00')",
        "verify_record_unaudited",
    ),
    "country_risk removed": (
        f"DELETE FROM country_risk WHERE id = {FIRST.format(table='country_risk')}",
        "verify_record_missing",
    ),
    "cpv_choice added": (
        "INSERT INTO cpv_choice (code, category_code, chosen_by, chosen_at) "
        "VALUES ('18100000', 'bedrijfskleding', 'x', '2026-01-01 00:00:00')",
        "verify_record_unaudited",
    ),
    "tender_cpv removed": (  # the adopted notice's tender has one code: its list is gone
        f"DELETE FROM tender_cpv WHERE id = {FIRST.format(table='tender_cpv')}",
        "verify_record_missing",
    ),
    "tender_cpv added": (
        "INSERT INTO tender_cpv (tender_id, position, code) "
        "SELECT MIN(id), 0, '18100000-0' FROM tender "
        "WHERE id NOT IN (SELECT tender_id FROM tender_cpv)",
        "verify_record_unaudited",
    ),
    "tenderned_notice removed": (
        f"DELETE FROM tenderned_notice WHERE id = {FIRST.format(table='tenderned_notice')}",
        "verify_record_missing",
    ),
}


@pytest.mark.parametrize("case", sorted(TAMPERING))
def test_a_row_changed_behind_the_back_is_named(filled: str, case: str) -> None:
    sql, code = TAMPERING[case]
    table = case.split(maxsplit=1)[0]
    _execute(filled, sql)
    problems = _problems(filled)
    assert len(problems) == 1, problems
    found_code, location = problems[0]
    assert found_code == code
    assert location.startswith(f"{table} ")


@pytest.mark.parametrize("case", ["country_risk", "tender_cpv"])
def test_verify_on_the_command_line_names_table_and_record(
    filled: str, case: str, run_app: Callable[..., Any]
) -> None:
    _execute(filled, TAMPERING[case][0])
    done = run_app(filled, "verify", "--json")
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    assert [(p["code"], p["location"].split()[0]) for p in report["problems"]] == [
        ("verify_record_changed", case)
    ]
    plain = run_app(filled, "--lang", "en", "verify")
    assert plain.returncode == 1 and case in plain.stdout + plain.stderr


def test_a_country_risk_import_audits_each_row_it_replaces_and_adds(
    db_location: str, tmp_path: Path
) -> None:
    from app.services import follow_up

    ctx = open_context(db_location, lang="nl", actor="tester")
    try:
        first = tmp_path / "landen.csv"
        first.write_text("land;score;bron;jaar\nCN;7;Index;2025\nMY;5;Index;2025\n", "utf-8")
        follow_up.import_country_risk(ctx, first)
        second = tmp_path / "landen2.csv"
        second.write_text("land;score;bron;jaar\nCN;6.5;Index;2025\n", "utf-8")
        follow_up.import_country_risk(ctx, second)
        with ctx.db.read() as session:
            entries = session.execute(
                text(
                    "SELECT action, before_json, after_json FROM audit_entry "
                    "WHERE entity = 'country_risk' ORDER BY seq"
                )
            ).all()
        actions = [e.action for e in entries]
        assert actions == ["create", "create", "delete", "delete", "create"]
        removed = [json.loads(e.before_json) for e in entries if e.action == "delete"]
        assert sorted((r["country"], r["score"]) for r in removed) == [("CN", 7), ("MY", 5)]
        assert json.loads(entries[-1].after_json)["score"] == 6.5
        assert verify(ctx.db).ok
    finally:
        ctx.db.dispose()


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


REVISION = "0008"
"""The revision that audits every row of these tables; its fixture of the revision
before is a database written before them."""
BEFORE = "0007"


def _fixture_before(folder: Path) -> Path:
    import gzip

    target = folder / f"schema_{BEFORE}.sqlite"
    target.write_bytes(gzip.decompress((FIXTURES / f"schema_{BEFORE}.sqlite.gz").read_bytes()))
    shutil.copytree(FIXTURES / f"schema_{BEFORE}.attachments", target.with_suffix(".attachments"))
    return target


@pytest.mark.sqlite_only
def test_the_upgrade_audits_the_rows_written_before(tmp_path: Path) -> None:
    """The revision gives every row of the newly audited tables an entry (unless it has
    one already: an adopted notice's adoption)."""
    path = _fixture_before(tmp_path)
    ctx = open_context(str(path), lang="nl", actor="tester")
    try:
        result = verify(ctx.db)
        assert result.ok, result.problems
        with ctx.db.read() as session:
            taken = dict(
                session.execute(
                    text(
                        "SELECT entity, COUNT(*) FROM audit_entry "
                        "WHERE actor = :actor GROUP BY entity"
                    ),
                    {"actor": f"isv-assistent (upgrade {REVISION})"},
                ).all()
            )
            counts = {
                table: session.scalar(text(f"SELECT COUNT(*) FROM {table}"))
                for table in ("country_risk", "cpv_choice")
            }
        assert {t: taken.get(t) for t in counts} == counts
        assert taken.get("tender_cpv", 0) >= 1
    finally:
        ctx.db.dispose()


def _legacy_import_entry(path: Path) -> None:
    """An import entry as the code before the revision wrote it: with the digest of
    the whole table (so the test does not depend on the fixture's own import)."""
    import importlib.util

    from app.persistence.audit import AuditWriter
    from app.persistence.engine import open_database

    found = sorted(
        (Path(__file__).resolve().parents[2] / "db" / "versions").glob(f"{REVISION}_*.py")
    )
    spec = importlib.util.spec_from_file_location("revision_audit_rows", found[0])
    assert spec is not None and spec.loader is not None
    revision = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(revision)
    db = open_database(str(path), upgrade=False)
    try:
        with db.begin() as session:
            digest = revision.table_digest(session.connection())
            AuditWriter(session, "tester").append(
                "country_risk_import", "legacy", "import", None, {"table_sha256": digest}
            )
    finally:
        db.dispose()


@pytest.mark.sqlite_only
@pytest.mark.parametrize("changed", [False, True])
def test_the_upgrade_takes_in_the_country_risk_table_only_as_imported(
    tmp_path: Path, changed: bool
) -> None:
    """A table that is no longer what its import left (by the digest that import
    recorded) is not taken in: verify names each of its rows as unaudited."""
    import sqlite3

    path = _fixture_before(tmp_path)
    _legacy_import_entry(path)
    connection = sqlite3.connect(path)
    if changed:
        with connection:
            connection.execute("UPDATE country_risk SET score = 0.5")
    count = connection.execute("SELECT COUNT(*) FROM country_risk").fetchone()[0]
    connection.close()
    problems = _problems(str(path))
    if not changed:
        assert problems == []
        return
    assert len(problems) == count
    assert {code for code, _ in problems} == {"verify_record_unaudited"}
    assert all(location.startswith("country_risk id ") for _, location in problems)
