"""The audit chain's head anchored outside the database: a consistent cut of the newest
history (rows, entries and head together) is noticed by ``verify``, ``verify --against``
proves the trail extends what a backup or export saw, and a restore moves the anchor."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.persistence.audit import AUDITED
from app.services import registry
from app.services.context import open_context


def _tender(location: str, ref: str) -> None:
    ctx = open_context(location, actor="tester")
    try:
        registry.register_tender(
            ctx,
            ref=ref,
            title="Kleding",
            category="bedrijfskleding",
            kind="supplies",
            value=500_000,
            published=dt.date(2025, 9, 1),
            organisation=f"Dienst {ref}",
        )
    finally:
        ctx.db.dispose()


def _head(location: str) -> tuple[int, str]:
    connection = sqlite3.connect(location)
    try:
        seq, digest = connection.execute("SELECT seq, hash FROM audit_head").fetchone()
        return int(seq), str(digest)
    finally:
        connection.close()


def _cut(location: str, keep: int) -> None:
    """Remove every entry after ``keep``, the rows they made, and set the head back: a
    chain that is consistent in itself, only shorter."""
    tables = {entity: model.__tablename__ for entity, model in AUDITED.items()}
    connection = sqlite3.connect(location)
    with connection:
        later = connection.execute(
            "SELECT entity, entity_id, action FROM audit_entry WHERE seq > ? ORDER BY seq DESC",
            (keep,),
        ).fetchall()
        for entity, entity_id, action in later:
            assert action == "create"
            connection.execute(f"DELETE FROM {tables[entity]} WHERE id = ?", (int(entity_id),))
        connection.execute("DELETE FROM audit_entry WHERE seq > ?", (keep,))
        digest = connection.execute(
            "SELECT hash FROM audit_entry WHERE seq = ?", (keep,)
        ).fetchone()[0]
        connection.execute("UPDATE audit_head SET seq = ?, hash = ?", (keep, digest))
    connection.close()


def _verify(run_app: Callable[..., Any], location: str, *args: str) -> tuple[int, list[str]]:
    done = run_app(location, "verify", "--json", *args)
    assert "Traceback" not in done.stderr, done.stderr
    report = json.loads(done.stdout) if done.stdout.strip() else {"problems": []}
    return done.returncode, [p["code"] for p in report["problems"]]


@pytest.mark.sqlite_only
def test_a_consistent_cut_is_noticed_against_the_anchor(
    sqlite_location: str, tmp_path: Path, run_app: Callable[..., Any], isolated_home: Path
) -> None:
    _tender(sqlite_location, "T-1")
    kept, _ = _head(sqlite_location)
    backup = tmp_path / "backup.zip"
    assert run_app(sqlite_location, "backup", "-o", str(backup)).returncode == 0
    export = tmp_path / "export.json"
    assert run_app(sqlite_location, "export", "--year", "2025", "-o", str(export)).returncode == 0
    _tender(sqlite_location, "T-2")
    assert _verify(run_app, sqlite_location) == (0, [])
    assert _verify(run_app, sqlite_location, "--against", str(backup)) == (0, [])
    assert _verify(run_app, sqlite_location, "--against", str(export)) == (0, [])

    _cut(sqlite_location, kept)
    anchors = isolated_home / "state" / "anchors"
    saved = {p: p.read_bytes() for p in anchors.iterdir()}
    for path in saved:  # without an anchor the cut chain is consistent in itself
        path.unlink()
    assert _verify(run_app, sqlite_location) == (0, [])
    for path, data in saved.items():
        path.write_bytes(data)
    assert _verify(run_app, sqlite_location) == (1, ["verify_history_backwards"])
    # what the backup saw is still there: against it alone the trail holds
    _status, codes = _verify(run_app, sqlite_location, "--against", str(backup))
    assert codes == ["verify_history_backwards"]  # from the anchor, not from the backup


@pytest.mark.sqlite_only
def test_a_rewritten_entry_is_noticed_against_a_backup(
    sqlite_location: str, tmp_path: Path, run_app: Callable[..., Any]
) -> None:
    _tender(sqlite_location, "T-1")
    backup = tmp_path / "backup.zip"
    assert run_app(sqlite_location, "backup", "-o", str(backup)).returncode == 0
    seq, _ = _head(sqlite_location)
    connection = sqlite3.connect(sqlite_location)
    with connection:
        connection.execute("UPDATE audit_entry SET hash = ? WHERE seq = ?", ("f" * 64, seq))
        connection.execute("UPDATE audit_head SET hash = ?", ("f" * 64,))
    connection.close()
    status, codes = _verify(run_app, sqlite_location, "--against", str(backup))
    assert status == 1 and "verify_history_rewritten" in codes


@pytest.mark.sqlite_only
def test_a_restore_records_the_restored_head(
    sqlite_location: str, tmp_path: Path, run_app: Callable[..., Any]
) -> None:
    _tender(sqlite_location, "T-1")
    backup = tmp_path / "backup.zip"
    assert run_app(sqlite_location, "backup", "-o", str(backup)).returncode == 0
    _tender(sqlite_location, "T-2")  # the anchor moves past the backup
    target = tmp_path / "elders" / "hersteld.sqlite"
    target.parent.mkdir()
    assert run_app(str(target), "restore", str(backup)).returncode == 0
    assert _verify(run_app, str(target)) == (0, [])
    assert _verify(run_app, str(target), "--against", str(backup)) == (0, [])


@pytest.mark.sqlite_only
def test_against_a_file_without_a_head_is_a_sentence(
    sqlite_location: str, tmp_path: Path, run_app: Callable[..., Any]
) -> None:
    _tender(sqlite_location, "T-1")
    other = tmp_path / "notities.json"
    other.write_text("{}", encoding="utf-8")
    done = run_app(sqlite_location, "verify", "--against", str(other))
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1


@pytest.mark.sqlite_only
def test_a_change_to_the_country_risk_table_is_found(
    sqlite_location: str, tmp_path: Path, run_app: Callable[..., Any]
) -> None:
    table = tmp_path / "landen.csv"
    table.write_text("land;score;bron;jaar\nCN;7;Index;2025\nMY;5;Index;2025\n", encoding="utf-8")
    assert run_app(sqlite_location, "country-risk", "import", str(table)).returncode == 0
    assert _verify(run_app, sqlite_location) == (0, [])
    connection = sqlite3.connect(sqlite_location)
    with connection:
        connection.execute("UPDATE country_risk SET score = 1 WHERE country = 'CN'")
    connection.close()
    status, codes = _verify(run_app, sqlite_location)
    assert (status, codes) == (1, ["verify_record_changed"])


def _copy(source: str, target: Path) -> None:
    """The database copied as a file, as a user copies it (after its last writer closed:
    the write-ahead log is folded into the file then)."""
    assert not Path(source + "-wal").exists() or Path(source + "-wal").stat().st_size == 0
    target.write_bytes(Path(source).read_bytes())


@pytest.mark.sqlite_only
def test_a_copy_of_the_file_keeps_its_own_anchor(
    sqlite_location: str, tmp_path: Path, run_app: Callable[..., Any], isolated_home: Path
) -> None:
    """Original and copy share the installation id; writing to one never makes the
    other look cut short or rewritten."""
    _tender(sqlite_location, "T-1")
    copy = tmp_path / "kopie" / "isv.sqlite"
    copy.parent.mkdir()
    _copy(sqlite_location, copy)
    _tender(str(copy), "K-1")  # the copy moves on
    assert _verify(run_app, sqlite_location) == (0, [])
    _tender(sqlite_location, "T-2")  # the original moves on, another way
    _tender(sqlite_location, "T-3")
    assert _verify(run_app, str(copy)) == (0, [])
    assert _verify(run_app, sqlite_location) == (0, [])
    # each has an anchor of its own, naming its file
    kept = [json.loads(p.read_text("utf-8")) for p in (isolated_home / "state/anchors").iterdir()]
    assert sorted(k["seq"] for k in kept) == sorted(
        [_head(str(copy))[0], _head(sqlite_location)[0]]
    )


@pytest.mark.sqlite_only
def test_an_older_copy_put_back_over_the_file_is_noticed(
    sqlite_location: str, tmp_path: Path, run_app: Callable[..., Any]
) -> None:
    _tender(sqlite_location, "T-1")
    older = tmp_path / "gisteren.sqlite"
    _copy(sqlite_location, older)
    _tender(sqlite_location, "T-2")
    seq, _ = _head(sqlite_location)
    _copy(str(older), Path(sqlite_location))  # yesterday's file back in its place
    assert _verify(run_app, sqlite_location) == (1, ["verify_history_backwards"])
    # the same path spelled another way is the same place
    detour = str(
        Path(sqlite_location).parent / ".." / Path(sqlite_location).parent.name / "isv.sqlite"
    )
    assert _verify(run_app, detour) == (1, ["verify_history_backwards"])
    # writing on over the older history does not hide it: the anchor stays where it was
    _tender(sqlite_location, "T-9")
    _tender(sqlite_location, "T-10")
    assert _head(sqlite_location)[0] >= seq
    assert _verify(run_app, sqlite_location) == (1, ["verify_history_rewritten"])


@pytest.mark.sqlite_only
def test_a_cut_stays_noticed_after_later_writes(
    sqlite_location: str, run_app: Callable[..., Any]
) -> None:
    _tender(sqlite_location, "T-1")
    kept, _ = _head(sqlite_location)
    _tender(sqlite_location, "T-2")
    _cut(sqlite_location, kept)
    _tender(sqlite_location, "T-3")  # a write after the cut: the head is another one now
    status, codes = _verify(run_app, sqlite_location)
    assert status == 1
    assert codes in (["verify_history_backwards"], ["verify_history_rewritten"])


def test_a_server_database_is_placed_by_server_and_name_only() -> None:
    from sqlalchemy.engine import make_url

    from app.persistence.anchor import anchor_file, place_of

    one = make_url("postgresql+psycopg://anna:geheim@db.example:5432/isv")
    again = make_url("postgresql+psycopg://bert:anders@db.example:5432/isv")
    other = make_url("postgresql+psycopg://anna:geheim@db.example:5432/isv_kopie")
    assert place_of(one) == place_of(again)  # who connects does not matter
    assert "geheim" not in place_of(one) and "anna" not in place_of(one)
    assert place_of(one) != place_of(other)
    assert anchor_file("id-1", place_of(one)) != anchor_file("id-1", place_of(other))
    assert anchor_file("id-1", place_of(one)) != anchor_file("id-2", place_of(one))
