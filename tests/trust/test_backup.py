"""Backups: consistent while another connection writes, identical after restore (every
table, every file), made automatically once a day with rotation, and not at all for a
server database (the server's own backups cover it)."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app import settings
from app.persistence.backup import restore_backup, write_backup
from app.persistence.engine import open_database
from app.persistence.integrity import verify
from app.services import maintenance
from app.services.context import Context, open_context

from .conftest import ROOT, WORKER, app_env
from .helpers import dump_files, dump_tables, fill_every_table, integrity_check, scalar


def _restored(archive: Path, folder: Path) -> Path:
    folder.mkdir(parents=True)
    target = folder / "hersteld.sqlite"
    restore_backup(archive, target)
    open_database(str(target)).dispose()
    return target


@pytest.mark.sqlite_only
def test_restore_gives_identical_records_and_files(
    sqlite_location: str, tmp_path: Path, run_app: object
) -> None:
    ctx = open_context(sqlite_location, actor="tester")
    try:
        fill_every_table(ctx, tmp_path)
    finally:
        ctx.db.dispose()
    original = dump_tables(sqlite_location)
    assert all(original.values()), [name for name, rows in original.items() if not rows]
    archive = tmp_path / "backup.zip"
    done = run_app(sqlite_location, "backup", "-o", str(archive))  # type: ignore[operator]
    assert done.returncode == 0, done.stderr
    target = tmp_path / "elders" / "hersteld.sqlite"
    target.parent.mkdir()
    back = run_app(str(target), "restore", str(archive))  # type: ignore[operator]
    assert back.returncode == 0, back.stderr
    assert dump_tables(str(target)) == original
    files = dump_files(Path(sqlite_location).with_name("isv.attachments"))
    assert files and dump_files(target.with_name("hersteld.attachments")) == files
    assert run_app(str(target), "verify").returncode == 0  # type: ignore[operator]


@pytest.mark.sqlite_only
def test_backup_is_consistent_while_another_window_writes(
    sqlite_location: str, tmp_path: Path, isolated_home: Path
) -> None:
    ctx = open_context(sqlite_location, actor="tester")
    try:
        fill_every_table(ctx, tmp_path, tenders=20)
        filled = scalar(sqlite_location, "SELECT COUNT(*) FROM tender")
        writer = subprocess.Popen(
            [sys.executable, str(WORKER), sqlite_location, "W", "60"],
            cwd=ROOT,
            env=app_env(isolated_home),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        archives: list[Path] = []
        bounds: list[tuple[int, int]] = []  # tenders committed before and after each backup
        try:
            while writer.poll() is None or len(archives) < 2:
                before = scalar(sqlite_location, "SELECT COUNT(*) FROM tender")
                archives.append(write_backup(ctx.db, tmp_path / f"b{len(archives)}.zip"))
                bounds.append((before, scalar(sqlite_location, "SELECT COUNT(*) FROM tender")))
                time.sleep(0.05)
        finally:
            out, err = writer.communicate(timeout=300)
        assert writer.returncode == 0, err
        tally = json.loads(out.strip().splitlines()[-1])
        assert tally["ok"] == 60 and tally["other"] == [], tally
    finally:
        ctx.db.dispose()
    counts = []
    for i, archive in enumerate(archives):
        target = _restored(archive, tmp_path / f"r{i}")
        assert integrity_check(target) == ["ok"]
        restored = open_database(str(target))
        try:
            result = verify(restored)  # audit chain and records agree: one moment in time
            assert result.ok, (archive, result.problems)
        finally:
            restored.dispose()
        counts.append(scalar(target, "SELECT COUNT(*) FROM tender"))
        low, high = bounds[i]  # all that was committed when it began, nothing invented
        assert low <= counts[-1] <= high, (archive, low, counts[-1], high)
    assert counts == sorted(counts)  # later backups never hold less
    assert counts[-1] == filled + 60 and len(set(counts)) > 1, counts  # some while writing


@pytest.mark.sqlite_only
def test_daily_backup_once_a_day_kept_with_rotation(sqlite_location: str, tmp_path: Path) -> None:
    empty = open_context(sqlite_location, actor="tester")
    folder = Path(sqlite_location).with_name("isv.backups")
    try:
        assert not folder.exists()  # an empty database needs no backup
        fill_every_table(empty, tmp_path, tenders=10)
    finally:
        empty.db.dispose()
    first = open_context(sqlite_location, actor="tester")  # first start of the day
    try:
        made = sorted(folder.glob("*.zip"))
        assert len(made) == 1 and made[0].name.endswith(f"daily-{dt.date.today()}.zip")
    finally:
        first.db.dispose()
    second = open_context(sqlite_location, actor="tester")  # same day: nothing new
    try:
        assert sorted(folder.glob("*.zip")) == made
        for offset in range(1, 15):  # two weeks of first starts, ten kept
            day = dt.date.today() + dt.timedelta(days=offset)
            assert maintenance.daily_backup(second.db, today=day, keep=10) is not None
        kept = sorted(p.name for p in folder.glob("*.zip"))
        assert len(kept) == 10
        last = dt.date.today() + dt.timedelta(days=14)
        assert kept[-1].endswith(f"daily-{last}.zip")
        assert kept[0].endswith(f"daily-{last - dt.timedelta(days=9)}.zip")
        assert not list(folder.glob(".backup-*"))  # no temporary leftovers
        stale, fresh = folder / ".backup-cut-off", folder / ".backup-running"
        for work in (stale, fresh):  # what a killed backup leaves, and one in progress
            work.mkdir()
            (work / "database.sqlite").write_bytes(b"half")
        old = time.time() - 2 * 3600
        os.utime(stale, (old, old))
        maintenance.daily_backup(second.db, today=last + dt.timedelta(days=1), keep=10)
        assert not stale.exists() and fresh.is_dir()
        original = dump_tables(sqlite_location)
    finally:
        second.db.dispose()
    target = _restored(folder / kept[-1], tmp_path / "terug")
    assert dump_tables(str(target)) == original


@pytest.mark.sqlite_only
def test_daily_backup_goes_to_the_configured_folder(sqlite_location: str, tmp_path: Path) -> None:
    chosen = tmp_path / "back-ups" / "isv"
    settings.save(settings.Settings(backup_dir=str(chosen), backups_kept=3))
    ctx = open_context(sqlite_location, actor="tester")
    try:
        fill_every_table(ctx, tmp_path, tenders=10)
        made = maintenance.daily_backup(ctx.db)
        assert made is not None and made.parent == chosen
        for offset in range(1, 6):
            maintenance.daily_backup(ctx.db, today=dt.date.today() + dt.timedelta(days=offset))
        assert len(list(chosen.glob("*.zip"))) == 3  # backups_kept from the settings
    finally:
        ctx.db.dispose()
    assert not Path(sqlite_location).with_name("isv.backups").exists()


def test_a_failing_daily_backup_does_not_stop_the_start(db_location: str, tmp_path: Path) -> None:
    blocker = tmp_path / "geen-map"
    blocker.write_text("a file where the backup folder should be")
    settings.save(settings.Settings(backup_dir=str(blocker / "sub")))
    ctx = open_context(db_location, actor="tester")
    try:
        fill_every_table(ctx, tmp_path, tenders=5)
    finally:
        ctx.db.dispose()
    again: Context = open_context(db_location, actor="tester")  # opens regardless
    try:
        assert maintenance.daily_backup_quietly(again.db) is None
        if "://" in db_location:  # a server database: its own backups, none of ours
            assert maintenance.backup_folder(again.db, str(tmp_path)) is None
            assert maintenance.daily_backup(again.db) is None
        assert verify(again.db).ok
    finally:
        again.db.dispose()
