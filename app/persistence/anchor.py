"""The audit chain's head kept outside the database: what a consistent cut cannot undo.

The chain proves each entry follows the one before; it cannot prove that nothing was cut
off the end. Someone who removes the newest entries, the rows they made and sets the
head back (rows, entries and head together) leaves a consistent, shorter chain. So the
head (sequence number and hash) is also written, after every writing transaction, to a
file in the user's state folder, and into every backup and every export. ``verify``
compares the database with the last head it knows: a chain that no longer reaches that
sequence number, or holds another entry there, went backwards. ``verify --against FILE``
does the same for the head a backup or export recorded. A restore records the restored
head as the new anchor.

Which anchor belongs to which database. A database copied as a file (a colleague's copy,
a test copy, a copy on a stick) has the same installation id as its original, and from
the first write on the two histories part: an anchor kept per installation id would make
the copy look cut short after each write to the original, and the original rewritten
after each write to the copy. An anchor is therefore kept per database *place*: the
installation id together with where the database lives, the file's resolved path (case
folded where the file system is) for SQLite, the server, port and database name for
PostgreSQL. Two copies at two places each have their own anchor and never alarm each
other, while everything that turns the history *at one place* back is still seen:

- an older copy restored over the file (by hand, or by a disk restore) has the place's
  installation id and path, so it meets the anchor its newer history left;
- a consistent cut made in the file itself, likewise.

An anchor never moves backwards by itself: after a writing transaction the new head
replaces the kept anchor only when the chain still extends that anchor. Otherwise the
history at this place went backwards before this write, and the older, longer head stays
as the evidence ``verify`` reports (an ordinary write after a cut would else hide it).
Only a restore through the application sets an anchor back, on purpose.

What this does not see: a database moved or renamed to another place starts a new anchor
(the first check there has nothing to compare with), so a cut made together with a move
goes unnoticed; and it does not stop someone who can also rewrite the anchor files (the
same user account), nor prove anything about changes made before the first anchor was
written.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from app.persistence import models as m

GENESIS = "0" * 64


@dataclass(frozen=True)
class Anchor:
    seq: int
    hash: str

    def as_json(self) -> dict[str, Any]:
        return {"seq": self.seq, "hash": self.hash}

    @classmethod
    def from_json(cls, data: Any) -> Anchor | None:
        """The anchor a file recorded, or None when it holds none that is well formed."""
        if not isinstance(data, dict):
            return None
        seq, digest = data.get("seq"), data.get("hash")
        if type(seq) is not int or seq < 0 or not isinstance(digest, str) or len(digest) != 64:
            return None
        return cls(seq, digest)


def head_of(session: Session) -> Anchor:
    row = session.get(m.AuditHead, 1)
    if row is None:
        return Anchor(0, GENESIS)
    return Anchor(int(row.seq), str(row.hash))


def folder() -> Path:
    from app.settings import platform_folders

    return platform_folders()["state"] / "anchors"


def sqlite_place(path: Path) -> str:
    """Where an SQLite database lives: its resolved path, case folded where the file
    system folds case (so one file has one place however its path is spelled)."""
    return "sqlite:" + os.path.normcase(str(path.expanduser().resolve()))


def place_of(url: URL) -> str:
    """Where the database at ``url`` lives: the SQLite file, or the server, port and
    database name (never the user or password)."""
    if url.get_backend_name() == "sqlite":
        if not url.database or url.database == ":memory:":
            return "sqlite:memory"
        return sqlite_place(Path(url.database))
    return f"{url.get_backend_name()}://{url.host or ''}:{url.port or ''}/{url.database or ''}"


def anchor_file(installation_id: str, place: str) -> Path:
    """The anchor of one database: its installation id and a digest of its place."""
    digest = hashlib.sha256(place.encode("utf-8")).hexdigest()[:20]
    return folder() / f"{installation_id or 'unknown'}-{digest}.json"


def load(installation_id: str, place: str) -> Anchor | None:
    try:
        text = anchor_file(installation_id, place).read_text("utf-8")
        return Anchor.from_json(json.loads(text))
    except (OSError, ValueError):
        return None


def record(installation_id: str, place: str, anchor: Anchor) -> None:
    """Write the anchor (atomically: a crash leaves the old one)."""
    target = anchor_file(installation_id, place)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(dir=target.parent, prefix=".anchor-", suffix=".part")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump({**anchor.as_json(), "database": place}, stream, ensure_ascii=False)
        Path(partial).replace(target)
    finally:
        Path(partial).unlink(missing_ok=True)


def may_advance(session: Session, installation_id: str, place: str) -> bool:
    """Whether this writing transaction may move the anchor to its head: only when the
    chain (as this transaction sees it) still extends the kept anchor. A chain that went
    backwards keeps the older, longer head as the evidence ``verify`` reports."""
    kept = load(installation_id, place)
    return kept is None or compare(session, kept) is None


def compare(session: Session, anchor: Anchor) -> str | None:
    """``None`` when the chain still extends ``anchor``; else the message code."""
    if anchor.seq == 0:
        return None
    head = head_of(session)
    if head.seq < anchor.seq:
        return "verify_history_backwards"
    found = session.scalar(select(m.AuditEntry.hash).where(m.AuditEntry.seq == anchor.seq))
    if found != anchor.hash:
        return "verify_history_rewritten"
    return None
