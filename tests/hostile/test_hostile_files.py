"""Each class of hostile spreadsheet, through the command line in its own process.

The files come from ``tests/hostile/make_files.py``. Each runs under a 2 GB address-space
limit (``RLIMIT_AS``): a reader that asked for more would die or fail here. Each must be
answered with its exit status and one sentence (never "unexpected", never a traceback),
and ``verify`` must pass afterwards.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from trust.helpers import tender_and_contract

from hostile.make_files import CASES, CONTRACT

LIMIT = 2 * 1024**3
ROOT = Path(__file__).resolve().parents[2]
CATALOG: dict[str, Any] = {}
for part in (ROOT / "resources" / "messages").glob("*.json"):
    CATALOG.update(json.loads(part.read_text(encoding="utf-8")))


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))


def run_cli(home: Path, db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ISV_ASSISTENT_HOME": str(home), "PYTHONUTF8": "1"}
    env.pop("ISV_ASSISTENT_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "app", "--db", str(db), "--lang", "en", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        preexec_fn=_limited,
        timeout=120,
        check=False,
    )


def words(code: str) -> str:
    """The fixed words of a message (its English text up to the first parameter)."""
    return str(CATALOG[code]["en"]).split("{")[0].strip()


@pytest.fixture
def database(tmp_path: Path, isolated_home: Path) -> Path:
    from app.services.context import open_context

    db = tmp_path / "register.sqlite"
    ctx = open_context(str(db), lang="nl", actor="test")
    tender_and_contract(ctx, CONTRACT)
    ctx.db.dispose()
    return db


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_file_is_answered_in_one_sentence(
    name: str, database: Path, tmp_path: Path, isolated_home: Path
) -> None:
    case = CASES[name]
    path = case.make(tmp_path / f"{name}.xlsx")
    assert path.stat().st_size < 600_000
    if case.command == "country-risk":
        args = ["country-risk", "import", str(path)]
    else:
        args = ["import", str(path), "--contract", CONTRACT, "--json"]
        if case.command == "import-feedback":
            args += ["--feedback", str(tmp_path / "terug.xlsx")]
    run = run_cli(isolated_home, database, *args)
    everything = run.stdout + run.stderr
    assert run.returncode == case.status, everything[-2000:]
    assert "Traceback" not in everything and "unexpected" not in everything.lower()
    if case.status == 2:
        lines = run.stderr.strip().splitlines()
        assert len(lines) == 1, run.stderr
        assert words(case.code) in lines[0], lines[0]
        if "--json" in args:
            document = json.loads(run.stdout)
            assert document["status"] == "unreadable"
    elif case.status == 1:
        document = json.loads(run.stdout)
        assert document["status"] == "invalid"
        problems = document["errors"] + document["warnings"] + document["notes"]
        assert len(problems) <= 2_000  # bounded, however many the file asks for
        if case.code:
            assert any(words(case.code) in p["message"] for p in problems), problems[:5]
        assert len(run.stdout) < 1_000_000
    if case.command == "import-feedback":
        from openpyxl import load_workbook

        book = load_workbook(tmp_path / "terug.xlsx", read_only=True)
        assert "Notities" not in book.sheetnames
    check = run_cli(isolated_home, database, "verify")
    assert check.returncode == 0, check.stdout + check.stderr


@pytest.mark.parametrize(
    "title",
    [b"Kleding \xff\xfe", "Kleding \ufffe".encode(errors="surrogatepass"), b"Kleding \x01"],
    ids=["invalid-utf8", "noncharacter", "control"],
)
def test_an_argument_no_document_can_hold_is_one_sentence(
    title: bytes, database: Path, isolated_home: Path
) -> None:
    env = {**os.environ, "ISV_ASSISTENT_HOME": str(isolated_home)}
    command = [sys.executable.encode(), b"-m", b"app", b"--db", str(database).encode()]
    command += [b"tender", b"add", b"--ref", b"T-9", b"--title", title]
    run = subprocess.run(
        command, capture_output=True, env=env, cwd=ROOT, preexec_fn=_limited, check=False
    )
    err = run.stderr.decode("utf-8", "replace")
    assert run.returncode == 2, err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "onverwacht" not in err and "unexpected" not in err.lower()
    assert run_cli(isolated_home, database, "verify").returncode == 0


def test_a_fault_of_the_environment_is_a_sentence_with_exit_3(
    cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk (or any refusal of the operating system) where no service turned it
    into a sentence of its own, and running out of memory: exit 3, never 'unexpected'."""
    import errno

    from app.services import follow_up

    def full_disk(*_args: Any, **_kwargs: Any) -> Any:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(follow_up, "import_country_risk", full_disk)
    run = cli("--lang", "en", "country-risk", "import", __file__)
    assert run.status == 3 and "No space left on device" in run.err
    assert "unexpected" not in run.err.lower()

    def no_memory(*_args: Any, **_kwargs: Any) -> Any:
        raise MemoryError

    monkeypatch.setattr(follow_up, "import_country_risk", no_memory)
    run = cli("--lang", "en", "country-risk", "import", __file__)
    assert run.status == 3 and "memory" in run.err and "unexpected" not in run.err.lower()
