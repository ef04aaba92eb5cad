"""The audit chain's head kept outside the database: what a consistent cut cannot undo.

The chain proves each entry follows the one before; it cannot prove that nothing was cut
off the end. Someone who removes the newest entries, the rows they made and sets the
head back (rows, entries and head together) leaves a consistent, shorter chain. So the
head (sequence number and hash) is also written, after every writing transaction, to a
file in the user's state folder, one per database (by its installation id), and into
every backup and every export. ``verify`` compares the database with the last head it
knows: a chain that no longer reaches that sequence number, or holds another entry
there, went backwards. ``verify --against FILE`` does the same for the head a backup or
export recorded. A restore records the restored head as the new anchor.

It does not stop someone who can also rewrite the anchor file (the same user account),
nor prove anything about changes made before the first anchor was written.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
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


def anchor_file(installation_id: str) -> Path:
    return folder() / f"{installation_id or 'unknown'}.json"


def load(installation_id: str) -> Anchor | None:
    try:
        return Anchor.from_json(json.loads(anchor_file(installation_id).read_text("utf-8")))
    except (OSError, ValueError):
        return None


def record(installation_id: str, anchor: Anchor) -> None:
    """Write the anchor (atomically: a crash leaves the old one)."""
    target = anchor_file(installation_id)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(dir=target.parent, prefix=".anchor-", suffix=".part")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(anchor.as_json(), stream)
        Path(partial).replace(target)
    finally:
        Path(partial).unlink(missing_ok=True)


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
