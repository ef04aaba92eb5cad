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


def _is_digest(name: str) -> bool:
    return len(name) == 64 and all(c in "0123456789abcdef" for c in name)


class AttachmentStore:
    """The files of one database. Every path is resolved and must stay inside the store's
    folder: a shard folder or file that is a link to elsewhere is refused, never followed."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path_for(self, sha256: str) -> Path:
        if not _is_digest(sha256):
            raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
        path = self.folder / sha256[:2] / sha256
        if not self.inside(path):
            raise StorageError("attachment_outside_store", path=str(path))
        return path

    def inside(self, path: Path) -> bool:
        """Whether ``path``, with every link resolved, is in the store's own folder."""
        try:
            return path.resolve().is_relative_to(self.folder.resolve())
        except (OSError, RuntimeError):  # a link loop
            return False

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
        """``None`` when the file is there and intact, else ``malformed`` (not a digest),
        ``outside`` (a link out of the store), ``missing`` or ``changed``."""
        try:
            path = self.path_for(sha256)
        except ValueError:
            return "malformed"
        except StorageError:
            return "outside"
        if not path.is_file():
            return "missing"
        try:
            return None if self.hash_of(path) == sha256 else "changed"
        except OSError:
            return "missing"

    def all_files(self) -> Iterator[Path]:
        """The stored files: regular files in real shard folders inside the store."""
        if not self.folder.is_dir():
            return
        for shard in sorted(self.folder.iterdir()):
            if len(shard.name) != 2 or shard.is_symlink() or not shard.is_dir():
                continue
            for path in sorted(shard.iterdir()):
                if path.is_file() and not path.is_symlink():
                    yield path

    def orphans(self, referenced: set[str]) -> list[Path]:
        """Files no record points to: stored files whose digest is not ``referenced``,
        and the partial files of a write that was killed."""
        found = [p for p in self.all_files() if p.name not in referenced]
        if self.folder.is_dir():
            found += sorted(
                p for p in self.folder.glob(".incoming-*") if p.is_file() and not p.is_symlink()
            )
        return found


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
