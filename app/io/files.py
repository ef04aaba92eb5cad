"""The one way to write an output file: beside the target, flushed, then renamed.

A crash or a full disk leaves the old file (or none), never a half-written one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from app.domain.errors import UsageError


def write_atomically(target: Path, data: bytes) -> Path:
    """Write ``data`` to ``target``; an unwritable place is a :class:`UsageError`."""
    folder = target.resolve().parent
    try:
        handle, partial = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise UsageError(
            "file_not_writable", path=str(target), problem=exc.strerror or str(exc)
        ) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        Path(partial).replace(target)
    except OSError as exc:
        Path(partial).unlink(missing_ok=True)
        raise UsageError(
            "file_not_writable", path=str(target), problem=exc.strerror or str(exc)
        ) from None
    return target
