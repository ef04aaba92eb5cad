"""The one atomic file writer: complete or untouched, a refusal as a typed error."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.errors import UsageError
from app.io.files import write_atomically


def test_writes_and_replaces_leaving_no_partial_file(tmp_path: Path) -> None:
    folder = tmp_path / "uit"
    folder.mkdir()
    target = folder / "rapport.pdf"
    target.write_bytes(b"oud")
    write_atomically(target, b"nieuw")
    assert target.read_bytes() == b"nieuw"
    assert [p.name for p in folder.iterdir()] == ["rapport.pdf"]


def test_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as caught:
        write_atomically(tmp_path / "nope" / "x.xlsx", b"data")
    assert caught.value.code == "file_not_writable"


def test_failed_rename_keeps_the_old_file(tmp_path: Path) -> None:
    folder = tmp_path / "uit"
    folder.mkdir()
    target = folder / "map"
    target.mkdir()  # a folder cannot be replaced by a file
    (target / "inhoud").write_text("blijft", encoding="utf-8")
    with pytest.raises(UsageError):
        write_atomically(target, b"data")
    assert (target / "inhoud").read_text(encoding="utf-8") == "blijft"
    assert sorted(p.name for p in folder.iterdir()) == ["map"]
