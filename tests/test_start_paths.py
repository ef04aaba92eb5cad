"""What each way in loads: the window is shown, and commands without a database run,
without loading the storage layer (SQLAlchemy, ``app.persistence``, ``app.services``).

Each case runs in a fresh interpreter and lists the modules it loaded; the speed itself
is measured in ``tests/benchmarks/bench_cli.py`` and ``bench_ui_startup.py``.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STORAGE = ("sqlalchemy", "alembic", "app.persistence", "app.services")
# What a command without a database does not use either: the record classes the storage
# layer returns, and the dataclass machinery (defining dataclasses, and importing it, was
# most of these commands' start; their own values are NamedTuples or plain classes).
NOT_USED = ("app.domain.values", "dataclasses", "importlib.resources", "inspect")

LOADED = """
import json, sys
{body}
print(json.dumps(sorted(sys.modules)))
"""


def loaded(body: str, tmp_path: Path) -> list[str]:
    env = {"ISV_ASSISTENT_HOME": str(tmp_path / "home"), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", LOADED.format(body=body)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**_base_env(), **env},
        check=True,
    )
    names: list[str] = json.loads(result.stdout.strip().splitlines()[-1])
    return names


def _base_env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "PYTHONPATH")}


def storage(names: list[str], layers: tuple[str, ...] = STORAGE) -> list[str]:
    return [n for n in names if n.startswith(layers)]


def test_the_window_module_loads_no_storage(tmp_path: Path) -> None:
    """The window is shown before the database opens: building it needs no storage."""
    names = loaded("import app.ui.application\nfrom app.ui.main_window import MainWindow", tmp_path)
    assert "app.ui.main_window" in names
    assert storage(names) == []


@pytest.mark.parametrize(
    "argv",
    [
        ["--version"],
        ["categories"],
        [
            "check",
            "--category",
            "bedrijfskleding",
            "--kind",
            "supplies",
            "--value",
            "500000",
            "--date",
            "2026-03-01",
        ],
        [
            "--lang",
            "en",
            "check",
            "--category",
            "x",
            "--kind",
            "supplies",
            "--value",
            "1",
            "--date",
            "2026-03-01",
        ],
    ],
)
def test_commands_without_a_database_load_no_storage(argv: list[str], tmp_path: Path) -> None:
    body = f"from app.cli import main\ntry:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
    names = loaded(body, tmp_path)
    assert "app.cli" in names
    assert storage(names) == []
    assert [n for n in NOT_USED if n in names] == []


def test_every_command_module_is_found_by_its_command() -> None:
    """``build_parser`` imports only the module of the command named; every command is
    registered by the module it resolves to (else it would still work, but load all)."""
    import importlib
    import pkgutil

    from app.cli import build_parser, commands

    class Recorder:
        def __init__(self) -> None:
            self.names: list[str] = []

        def add_parser(self, name: str, **_kwargs: object) -> argparse.ArgumentParser:
            self.names.append(name)
            return argparse.ArgumentParser()

    for info in pkgutil.iter_modules(commands.__path__):
        recorder = Recorder()
        importlib.import_module(f"app.cli.commands.{info.name}").register(recorder)
        for command in recorder.names:
            usage = build_parser([command]).format_usage()
            chosen = re.findall(r"\{([^}]*)\}", usage)[-1]  # the last choice: commands
            assert chosen.split(",") == recorder.names, (command, usage)


def test_the_check_can_fail(tmp_path: Path) -> None:
    """Guards the guard: a command that opens the database is seen loading storage."""
    names = loaded("import app.services.context", tmp_path)
    assert "sqlalchemy" in storage(names)
