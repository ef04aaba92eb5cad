"""Two people on one database: a stale save is refused, never silently overwritten;
two processes on one SQLite file both get their work done (or are told plainly that the
database is in use) and nothing is corrupted. Runs on SQLite and, in the PostgreSQL
pass of ``.ci/test``, on PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import settings
from app.domain.errors import ConflictError, StorageError
from app.domain.values import IsvDecision
from app.persistence import engine as engine_module
from app.persistence import models as m
from app.persistence.integrity import verify
from app.services import registry
from app.services.context import Context, open_context
from app.services.evidence import add_evidence

from .conftest import ROOT, WORKER, app_command, app_env
from .helpers import integrity_check, scalar

APPLIED = IsvDecision(True, form="contract-condition")
NOT_APPLIED = IsvDecision(False, reason="Spoedopdracht; ISV volgen in de vervolgopdracht.")


@pytest.fixture
def two(db_location: str) -> Iterator[tuple[Context, Context]]:
    """Two windows on the same database, each with its own engine and actor."""
    first = open_context(db_location, lang="en", actor="anna")
    second = open_context(db_location, lang="en", actor="bram")
    yield first, second
    first.db.dispose()
    second.db.dispose()


def _tender(ctx: Context, ref: str = "T-1") -> None:
    registry.register_tender(
        ctx,
        ref=ref,
        title="Laptops",
        category="ict-werkomgeving",
        kind="supplies",
        value=250_000,
        published=dt.date(2026, 3, 1),
    )


def test_second_save_of_the_same_tender_is_refused(two: tuple[Context, Context]) -> None:
    anna, bram = two
    _tender(anna)
    seen_by_anna = registry.get_tender(anna, "T-1")
    seen_by_bram = registry.get_tender(bram, "T-1")
    assert seen_by_anna.version == seen_by_bram.version == 1
    saved = registry.record_decision(anna, "T-1", APPLIED, expected_version=seen_by_anna.version)
    assert saved.version == 2
    with pytest.raises(ConflictError) as refused:
        registry.record_decision(bram, "T-1", NOT_APPLIED, expected_version=seen_by_bram.version)
    assert refused.value.code == "changed_by_someone_else"
    sentence = bram.catalog.error(refused.value, "en")
    assert "changed by someone else since you opened it" in sentence and "T-1" in sentence
    stored = registry.get_tender(bram, "T-1")  # anna's save stands, nothing overwritten
    assert stored.version == 2 and stored.decision is not None and stored.decision.applied
    again = registry.record_decision(bram, "T-1", NOT_APPLIED, expected_version=stored.version)
    assert again.version == 3 and again.decision is not None and not again.decision.applied
    assert verify(anna.db).ok


def test_second_save_of_the_same_contract_is_refused(two: tuple[Context, Context]) -> None:
    anna, bram = two
    _tender(anna)
    registry.add_contract(
        anna,
        ref="C-1",
        tender_ref="T-1",
        supplier="Acme B.V.",
        supplier_country="NL",
        start=dt.date(2026, 5, 1),
        end=dt.date(2028, 4, 30),
    )
    version = registry.get_contract(bram, "C-1").version
    registry.mark_plan_agreed(anna, "C-1", dt.date(2026, 8, 1), expected_version=version)
    with pytest.raises(ConflictError):
        registry.mark_plan_agreed(bram, "C-1", dt.date(2026, 9, 1), expected_version=version)
    assert registry.get_contract(bram, "C-1").plan_agreed_on == dt.date(2026, 8, 1)
    assert verify(bram.db).ok


def test_compare_and_set_refuses_a_version_raised_in_between(two: tuple[Context, Context]) -> None:
    """The version check and the write are one step: even when the check was passed
    with a version that is stale by the time of writing, the write is refused."""
    anna, bram = two
    _tender(anna)
    registry.record_decision(bram, "T-1", APPLIED, expected_version=None)  # version 2 now
    with pytest.raises(ConflictError) as refused, anna.db.begin() as session:
        tender = session.get_one(m.Tender, 1)
        registry.bump_version(anna, session, m.Tender, tender, 1)  # as if it read version 1
    said = anna.text(refused.value.code, **refused.value.params)
    assert said.startswith(anna.text("history_record_tender") + " T-1 "), said  # in words
    assert registry.get_tender(anna, "T-1").version == 2
    assert verify(anna.db).ok


def test_racing_saves_one_wins_the_others_are_refused(db_location: str) -> None:
    """Four windows press save at the same moment with the version they all read."""
    contexts = [open_context(db_location, lang="en", actor=f"user{i}") for i in range(4)]
    try:
        _tender(contexts[0])
        barrier = threading.Barrier(len(contexts))
        outcomes: list[str] = []

        def save(ctx: Context, decision: IsvDecision) -> None:
            barrier.wait()
            try:
                registry.record_decision(ctx, "T-1", decision, expected_version=1)
                outcomes.append("saved")
            except ConflictError:
                outcomes.append("refused")
            except StorageError as exc:
                outcomes.append(exc.code)

        threads = [
            threading.Thread(target=save, args=(c, APPLIED if i % 2 else NOT_APPLIED))
            for i, c in enumerate(contexts)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert sorted(outcomes) == ["refused", "refused", "refused", "saved"]
        assert registry.get_tender(contexts[0], "T-1").version == 2
        result = verify(contexts[0].db)
        assert result.ok, result.problems
    finally:
        for ctx in contexts:
            ctx.db.dispose()


def test_server_database_keeps_attachments_in_the_shared_folder(
    db_location: str, tmp_path: Path
) -> None:
    shared = tmp_path / "gedeelde-map" / "bijlagen"
    settings.save(settings.Settings(attachments_dir=str(shared)))
    ctx = open_context(db_location, lang="en", actor="anna")
    try:
        _tender(ctx)
        registry.add_contract(
            ctx,
            ref="C-1",
            tender_ref="T-1",
            supplier="Acme B.V.",
            supplier_country="NL",
            start=dt.date(2026, 5, 1),
            end=dt.date(2028, 4, 30),
        )
        document = tmp_path / "beleid.pdf"
        document.write_bytes(b"%PDF-1.4 beleid van Acme")
        record = add_evidence(ctx, contract_ref="C-1", path=document, type_code="policy")
        if "://" in db_location:  # a server database: the configured shared folder
            assert ctx.db.attachments_dir == shared
        else:  # an SQLite file keeps its attachments beside it, whatever is configured
            assert ctx.db.attachments_dir == Path(db_location).with_name("isv.attachments")
        stored = ctx.db.attachments_dir / record.sha256[:2] / record.sha256
        assert stored.read_bytes() == document.read_bytes()
        assert verify(ctx.db).ok
    finally:
        ctx.db.dispose()


# -- SQLite: two windows are two processes on one file ------------------------------------


def _worker(db: str, name: str, count: int, home: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WORKER), db, name, str(count)],
        cwd=ROOT,
        env=app_env(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.sqlite_only
def test_two_processes_write_the_same_file_at_once(
    sqlite_location: str, isolated_home: Path
) -> None:
    open_context(sqlite_location, actor="setup").db.dispose()  # created and migrated
    count = 25
    workers = [_worker(sqlite_location, name, count, isolated_home) for name in ("A", "B")]
    tallies = []
    for worker in workers:
        out, err = worker.communicate(timeout=300)
        assert worker.returncode == 0, err
        tallies.append(json.loads(out.strip().splitlines()[-1]))
    for tally in tallies:
        # short transactions wait for each other (busy timeout): all of them get through
        assert tally["other"] == [] and tally["conflict"] == 0, tally
        assert tally["ok"] == count and tally["in_use"] == 0, tally
    assert integrity_check(sqlite_location) == ["ok"]
    assert scalar(sqlite_location, "SELECT COUNT(*) FROM tender") == 2 * count
    assert scalar(sqlite_location, "SELECT COUNT(DISTINCT actor) FROM audit_entry") == 2
    ctx = open_context(sqlite_location, actor="check")
    try:
        result = verify(ctx.db)
        assert result.ok, result.problems
        # each tender: created, organisation once, decision changed
        assert result.entries == 2 * count * 2 + 1
    finally:
        ctx.db.dispose()


@pytest.mark.sqlite_only
def test_a_window_that_holds_the_file_too_long_is_named_plainly(
    sqlite_location: str, cli: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_context(sqlite_location, actor="setup").db.dispose()
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 300)
    holder = sqlite3.connect(sqlite_location, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program writes and does not let go
    try:
        result = cli(
            "tender",
            "add",
            "--ref",
            "T-9",
            "--title",
            "Papier",  # type: ignore[operator]
            "--category",
            "papier-print",
            "--kind",
            "supplies",
            "--value",
            "90000",
            "--published",
            "2026-02-01",
            db=sqlite_location,
        )
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.status == 3
    assert "in gebruik" in result.err and "Traceback" not in result.err
    assert result.err.count("\n") == 1
    assert integrity_check(sqlite_location) == ["ok"]
    assert scalar(sqlite_location, "SELECT COUNT(*) FROM tender") == 0


@pytest.mark.sqlite_only
@pytest.mark.parametrize("round_", range(3))
def test_windows_opening_a_new_file_at_once(
    round_: int, tmp_path: Path, isolated_home: Path
) -> None:
    """The first creates the schema; the others wait for it and find it done."""
    location = str(tmp_path / f"nieuw-{round_}.sqlite")
    runs = [
        subprocess.Popen(
            app_command(location, "verify"),
            cwd=ROOT,
            env=app_env(isolated_home),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    for run in runs:
        _out, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
    assert integrity_check(location) == ["ok"]
    assert scalar(location, "SELECT COUNT(*) FROM alembic_version") == 1
    assert scalar(location, "SELECT COUNT(*) FROM meta WHERE key = 'installation_id'") == 1
    assert scalar(location, "SELECT COUNT(*) FROM audit_head") == 1
