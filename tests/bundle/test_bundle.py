"""The standalone bundle, run as a buyer runs it: from a fresh folder, with an environment
holding no Python and no virtual environment (``env -i`` with ``PATH=/usr/bin:/bin``).

``.ci/bundle`` builds the bundle (``python -m tools.bundle``) and runs these tests with
``ISV_BUNDLE`` naming the built folder; without it they are skipped (the test venv does
not hold PyInstaller). A ``python3`` and ``python`` that record being called stand first
on ``PATH``: the bundle must not reach for any interpreter on the machine.
"""

from __future__ import annotations

import datetime as dt
import gzip
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import __version__

BUNDLE = os.environ.get("ISV_BUNDLE", "")
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
EXE = ".exe" if sys.platform == "win32" else ""

pytestmark = [
    pytest.mark.skipif(not BUNDLE, reason="ISV_BUNDLE not set: .ci/bundle builds and tests it"),
    pytest.mark.skipif(sys.platform == "win32", reason="the POSIX env -i setting"),
]


@pytest.fixture
def place(tmp_path: Path) -> Path:
    """A fresh folder that is also the user's home, with trap interpreters on PATH."""
    trap = tmp_path / "trap"
    trap.mkdir()
    for name in ("python3", "python"):
        script = trap / name
        script.write_text(f'#!/bin/sh\necho "$0 $*" >> "{tmp_path}/trap.log"\nexit 99\n')
        script.chmod(0o755)
    return tmp_path


def run(
    place: Path, *args: str, window: bool = False, extra: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    program = Path(BUNDLE) / (("isv-assistent" if window else "isv-assistent-cli") + EXE)
    env = {"PATH": f"{place / 'trap'}:/usr/bin:/bin", "HOME": str(place), **(extra or {})}
    result = subprocess.run(
        [str(program), *args],
        cwd=place,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert not (place / "trap.log").exists(), (place / "trap.log").read_text()
    return result


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, (result.args, result.stdout, result.stderr)
    return result.stdout


def test_the_commands_run_without_python(place: Path) -> None:
    assert ok(run(place, "--version")).strip() == f"isv-assistent {__version__}"
    assert "30" in ok(run(place, "--db", "demo.sqlite", "demo", "--tenders", "30"))
    assert ok(run(place, "--db", "demo.sqlite", "verify"))
    year = str(dt.date.today().year)
    said = ok(run(place, "--db", "demo.sqlite", "report", "--year", year, "--pdf", "report.pdf"))
    assert year in said
    assert (place / "report.pdf").read_bytes().startswith(b"%PDF")
    ok(run(place, "--db", "demo.sqlite", "tender", "add", "--ref", "2026-001",
           "--title", "Laptops", "--category", "ict-werkomgeving", "--kind", "supplies",
           "--value", "250000", "--published", "2026-03-01", "--isv", "applied",
           "--form", "contract-condition"))  # fmt: skip
    ok(run(place, "--db", "demo.sqlite", "clauses", "--tender", "2026-001",
           "--authority", "Ministerie van Voorbeeld", "-o", "isv.docx"))  # fmt: skip
    import docx

    text = "\n".join(p.text for p in docx.Document(str(place / "isv.docx")).paragraphs)
    assert "2026-001" in text or "Laptops" in text
    # English beside Dutch, from the bundled catalogues
    english = ok(run(place, "--lang", "en", "--db", "demo.sqlite", "verify"))
    dutch = ok(run(place, "--db", "demo.sqlite", "verify"))
    assert english != dutch


def test_the_command_line_loads_no_qt(place: Path) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("the dynamic loader's trace is glibc's")
    traced = run(place, "--db", "q.sqlite", "demo", "--tenders", "5", extra={"LD_DEBUG": "files"})
    ok(traced)
    assert "libQt6Core" not in traced.stderr
    assert (
        "libQt6Core"
        in run(
            place,
            "--db",
            "q.sqlite",
            "gui",
            extra={
                "LD_DEBUG": "files",
                "QT_QPA_PLATFORM": "offscreen",
                "ISV_ASSISTENT_EXIT_WHEN_SHOWN": "1",
            },
        ).stderr
    )


def test_an_ordinary_user_without_a_network_runs_a_copy(tmp_path: Path) -> None:
    """The folder copied elsewhere, run by a user without any rights (nobody) in a
    network namespace of its own (no interface but loopback, and that one down)."""
    tools = [shutil.which(name) for name in ("unshare", "setpriv")]
    if os.geteuid() != 0 or None in tools:
        pytest.skip("needs root here to become nobody and leave the network")
    if subprocess.run(["unshare", "-n", "true"], capture_output=True, check=False).returncode:
        pytest.skip("no network namespace here")
    folder = Path(tempfile.mkdtemp(prefix="isv-bundle-copy-", dir="/tmp"))
    try:
        copy = folder / "isv-assistent"
        shutil.copytree(BUNDLE, copy, symlinks=True)
        home = folder / "home"
        home.mkdir()
        os.chown(home, 65534, 65534)
        folder.chmod(0o755)
        nobody = ["unshare", "-n", "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        env = {"PATH": "/usr/bin:/bin", "HOME": str(home)}
        for args in (["demo", "--tenders", "10"], ["verify"], ["report", "--year", "2026"]):
            result = subprocess.run(
                [*nobody, str(copy / "isv-assistent-cli"), "--db", "offline.sqlite", *args],
                cwd=home,
                env=env,
                capture_output=True,
                text=True,
                timeout=300,
                check=False,
            )
            assert result.returncode == 0, (args, result.stderr)
        assert (home / "offline.sqlite").stat().st_uid == 65534
    finally:
        shutil.rmtree(folder)


def _copy_fixture(place: Path, revision: str) -> Path:
    target = place / f"schema_{revision}.sqlite"
    target.write_bytes(gzip.decompress((FIXTURES / f"{target.name}.gz").read_bytes()))
    shutil.copytree(FIXTURES / f"schema_{revision}.attachments", target.with_suffix(".attachments"))
    return target


def _revision(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return str(connection.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        connection.close()


def test_the_first_revision_database_opens_with_the_bundled_migrations(place: Path) -> None:
    copy = _copy_fixture(place, "0001")
    bundled = sorted(p.name for p in (Path(BUNDLE) / "_internal" / "db" / "versions").glob("0*.py"))
    head = bundled[-1].split("_")[0]
    ok(run(place, "--db", str(copy), "verify"))
    assert _revision(copy) == head
    copies = sorted(place.glob("schema_0001.before-upgrade-0001-*.sqlite"))
    assert len(copies) == (0 if head == "0001" else 1)
    if copies:
        assert _revision(copies[0]) == "0001"


def test_a_newer_database_is_refused_in_one_sentence(place: Path) -> None:
    copy = _copy_fixture(place, "0001")
    connection = sqlite3.connect(copy)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    before = copy.read_bytes()
    result = run(place, "--db", str(copy), "verify")
    assert result.returncode == 3
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "nieuwere versie" in lines[0] and "9999" in lines[0]
    assert copy.read_bytes() == before
    assert not list(place.glob("*.before-upgrade-*"))


@pytest.fixture
def display() -> Iterator[str]:
    if shutil.which("Xvfb") is None:
        pytest.skip("no Xvfb")
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as stream:
        number = stream.readline().strip()
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_window_opens_on_a_real_display(place: Path, display: str) -> None:
    result = run(
        place,
        "--db",
        "window.sqlite",
        window=True,
        extra={"DISPLAY": display, "ISV_ASSISTENT_EXIT_WHEN_SHOWN": "ready"},
    )
    assert ok(result).split() == ["shown", "ready"], result.stderr
    assert (place / "window.sqlite").is_file()
    english = run(
        place,
        "--lang",
        "en",
        "--db",
        "window.sqlite",
        window=True,
        extra={"DISPLAY": display, "ISV_ASSISTENT_EXIT_WHEN_SHOWN": "1"},
    )
    assert ok(english).split() == ["shown"]
    logs = list(place.rglob("isv-assistent.log"))  # the user's log folder, under HOME
    assert logs and not [f for f in logs if "is missing" in f.read_text(encoding="utf-8")]


def test_the_translations_are_inside() -> None:
    """The window's own (English) and the supplement to Qt's Dutch, compiled; Qt's own."""
    i18n = Path(BUNDLE) / "_internal" / "resources" / "i18n"
    for source in i18n.glob("*.ts"):
        assert source.with_suffix(".qm").stat().st_size > 0, source
    assert (i18n / "isv_en.qm").is_file()
    qt = {p.name for p in (Path(BUNDLE) / "_internal").rglob("translations/*.qm")}
    assert qt == {"qtbase_nl.qm", "qtbase_en.qm"}


def test_only_the_qt_parts_the_window_loads_are_inside() -> None:
    inside = Path(BUNDLE) / "_internal"
    names = {p.name for p in inside.rglob("*")}
    for unused in ("QtNetwork", "QtQml", "QtQuick", "QtPdf", "QtSvg", "QtOpenGL", "QtWayland"):
        assert not [n for n in names if unused in n], unused
    plugins = {p.parent.name for p in inside.rglob("plugins/*/*")}
    assert "platforms" in plugins
    assert plugins <= {
        "platforms", "platformthemes", "platforminputcontexts", "xcbglintegrations", "styles"
    }  # fmt: skip
    assert not [p for p in inside.rglob("*") if p.is_symlink() and not p.exists()]
