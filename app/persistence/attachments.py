"""Content-addressed attachment store: a file's name is its SHA-256, nothing else.

Files are written atomically (temporary file, fsync, rename) and never modified; the
name the supplier chose is metadata in the database, never a path here.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from app.domain.errors import StorageError

CHUNK = 1 << 20


class AttachmentStore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path_for(self, sha256: str) -> Path:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
        return self.folder / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def put_bytes(self, data: bytes) -> tuple[str, int]:
        from io import BytesIO

        return self.put_stream(BytesIO(data))

    def put_file(self, path: Path) -> tuple[str, int]:
        with path.open("rb") as handle:
            return self.put_stream(handle)

    def put_stream(self, stream: IO[bytes]) -> tuple[str, int]:
        """Store the stream's bytes; returns ``(sha256, size)``. Storing the same
        content twice keeps one file."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp_name = tempfile.mkstemp(dir=self.folder, prefix=".incoming-")
        except OSError as exc:
            raise StorageError(
                "database_unavailable", location=str(self.folder), problem=exc.strerror or str(exc)
            ) from exc
        tmp = Path(tmp_name)
        digest = hashlib.sha256()
        size = 0
        try:
            with os.fdopen(fd, "wb") as out:
                while chunk := stream.read(CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            target = self.path_for(sha)
            if target.is_file() and self.hash_of(target) == sha:
                tmp.unlink()
            else:
                target.parent.mkdir(exist_ok=True)
                tmp.replace(target)
                _fsync_dir(target.parent)
            return sha, size
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise StorageError(
                "database_unavailable", location=str(self.folder), problem=exc.strerror or str(exc)
            ) from exc
        finally:
            tmp.unlink(missing_ok=True)

    def read_bytes(self, sha256: str) -> bytes:
        return self.path_for(sha256).read_bytes()

    @staticmethod
    def hash_of(path: Path) -> str:
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
        return digest.hexdigest()

    def check(self, sha256: str) -> str | None:
        """``None`` when the file is there and intact, else ``missing`` or ``changed``."""
        path = self.path_for(sha256)
        if not path.is_file():
            return "missing"
        return None if self.hash_of(path) == sha256 else "changed"

    def all_files(self) -> Iterator[Path]:
        if self.folder.is_dir():
            yield from (p for p in self.folder.glob("??/*") if p.is_file())


def _fsync_dir(folder: Path, os_name: str = os.name) -> None:
    """Make a rename in ``folder`` durable. POSIX wants the folder itself synced; Windows
    cannot open a folder as a file and makes the rename durable on its own."""
    if os_name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
