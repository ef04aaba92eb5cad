"""The attachment store keeps to its own folder, and verify says what it finds there:
a shard folder linked elsewhere, a malformed digest in the database, files no record
points to (and removes them when asked)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.domain.errors import StorageError
from app.persistence.attachments import AttachmentStore
from app.services import evidence
from app.services.context import open_context

from .helpers import tender_and_contract


def _with_evidence(location: str, tmp_path: Path) -> tuple[Path, str]:
    ctx = open_context(location, actor="tester")
    try:
        tender_and_contract(ctx)
        source = tmp_path / "certificaat.pdf"
        source.write_bytes(b"%PDF-1.4 certificaat")
        record = evidence.add_evidence(
            ctx, contract_ref="C-1", path=source, type_code="certificate"
        )
        return ctx.db.attachments_dir, record.sha256
    finally:
        ctx.db.dispose()


def _verify(run_app: Callable[..., Any], location: str, *args: str) -> tuple[int, Any]:
    done = run_app(location, "verify", "--json", *args)
    assert "Traceback" not in done.stderr and "unexpected" not in done.stderr.lower()
    return done.returncode, json.loads(done.stdout)


@pytest.mark.sqlite_only
def test_a_symlinked_shard_is_refused_and_reported(
    sqlite_location: str, tmp_path: Path, run_app: Callable[..., Any]
) -> None:
    store_folder, sha = _with_evidence(sqlite_location, tmp_path)
    shard = store_folder / sha[:2]
    elsewhere = tmp_path / "elders"
    shard.rename(elsewhere)
    shard.symlink_to(elsewhere, target_is_directory=True)
    store = AttachmentStore(store_folder)
    with pytest.raises(StorageError):
        store.read_bytes(sha)
    with pytest.raises(StorageError):
        store.put_bytes(b"%PDF-1.4 certificaat")  # never written through the link
    assert store.check(sha) == "outside"
    status, report = _verify(run_app, sqlite_location)
    assert status == 1
    assert [p["code"] for p in report["problems"]] == ["verify_file_outside"]


@pytest.mark.sqlite_only
def test_a_malformed_digest_is_a_finding(
    sqlite_location: str, tmp_path: Path, run_app: Callable[..., Any]
) -> None:
    _with_evidence(sqlite_location, tmp_path)
    connection = sqlite3.connect(sqlite_location)
    with connection:
        connection.execute("UPDATE evidence SET sha256 = '../x'")
    connection.close()
    status, report = _verify(run_app, sqlite_location)
    assert status == 1
    assert "verify_file_malformed" in [p["code"] for p in report["problems"]]


@pytest.mark.sqlite_only
def test_orphans_are_listed_and_removed_on_request(
    sqlite_location: str, tmp_path: Path, run_app: Callable[..., Any]
) -> None:
    store_folder, sha = _with_evidence(sqlite_location, tmp_path)
    store = AttachmentStore(store_folder)
    orphan, _ = store.put_bytes(b"left behind by a killed import")
    partial = store_folder / ".incoming-abc123"
    partial.write_bytes(b"half")
    status, report = _verify(run_app, sqlite_location, "--orphans")
    assert status == 0
    assert sorted(Path(p).name for p in report["orphans"]) == sorted([orphan, partial.name])
    status, report = _verify(run_app, sqlite_location, "--orphans", "--remove")
    assert status == 0 and report["orphans_removed"]
    assert not store.path_for(orphan).exists() and not partial.exists()
    assert store.check(sha) is None
    status, report = _verify(run_app, sqlite_location, "--orphans")
    assert report["orphans"] == []
