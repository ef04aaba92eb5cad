"""First use on a fresh home: the README's command-line examples run as written, without
``--db``; the folders and the default database in the data folder are made on the way."""

from __future__ import annotations

import contextlib
import io
import shlex
from pathlib import Path

import pytest

from app import settings

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_examples() -> list[list[str]]:
    """The commands of the README's command-line block (continuations joined, comments
    dropped), as argument lists without the program name."""
    text = README.read_text(encoding="utf-8")
    block = text.split("## The command line", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = []
    for line in block.replace("\\\n", " ").splitlines():
        words = shlex.split(line, comments=True)
        if words and words[0] == "isv-assistent":
            commands.append(words[1:])
    return commands


def run(*args: str) -> tuple[int, str, str]:
    from app.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(args))
    return status, out.getvalue(), err.getvalue()


@pytest.mark.sqlite_only
@pytest.mark.slow
def test_readme_examples_run_as_written_on_a_fresh_home(
    isolated_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert not (isolated_home / "data").exists()
    examples = readme_examples()
    assert [c[0] for c in examples] == [
        "check",
        "tender",
        "contract",
        "verify",
        "backup",
        "verify",
        "contract",
        "withdraw",
        "history",
        "--db",
    ]
    for example in examples:
        args = example
        if args[:3] == ["--db", "demo.sqlite", "demo"]:  # its own database, on a smaller scale
            args = [*args[:3], "--tenders", "20"]
        else:
            assert "--db" not in args
        status, _out, err = run(*args)
        assert status == 0, (args, err)
    for folder in ("data", "config", "state"):
        assert (isolated_home / folder).is_dir(), folder
    database = Path(settings.default_database())
    assert database.parent == isolated_home / "data"
    assert database.is_file()
    assert (tmp_path / "backup.zip").is_file()


def test_check_opens_no_database(isolated_home: Path) -> None:
    status, _out, err = run(
        "check",
        "--category",
        "ict-werkomgeving",
        "--kind",
        "supplies",
        "--value",
        "1000",
        "--date",
        "2026-03-01",
    )
    assert status == 0, err
    assert not (isolated_home / "data" / "isv-assistent.sqlite").exists()


def test_a_named_database_in_a_missing_folder_is_still_refused(
    isolated_home: Path, tmp_path: Path
) -> None:
    """Only the application's own folders are made; a typing error in --db is named."""
    missing = tmp_path / "nergens" / "isv.sqlite"
    status, _out, err = run("--db", str(missing), "verify")
    assert status == 3
    assert str(missing.parent) in err
    assert not missing.parent.exists()


@pytest.mark.parametrize("typed", ["2026-03-01", "01-03-2026", "1-3-2026", "01032026"])
def test_the_command_line_takes_the_same_date_forms_as_the_window(typed: str) -> None:
    import json

    status, out, err = run(
        "check",
        "--category",
        "ict-werkomgeving",
        "--kind",
        "supplies",
        "--value",
        "140000",
        "--date",
        typed,
        "--json",
    )
    assert status == 0, err
    assert json.loads(out)["date"] == "2026-03-01"


def test_a_date_that_is_no_date_is_named() -> None:
    status, _out, err = run(
        "check",
        "--category",
        "ict-werkomgeving",
        "--kind",
        "supplies",
        "--value",
        "1",
        "--date",
        "31-02-2026",
    )
    assert status == 1
    assert "31-02-2026" in err and "--date" in err
