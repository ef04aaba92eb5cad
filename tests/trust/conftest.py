"""Helpers for the trust tests: the application as a separate process, table and file
dumps for comparing databases, and a supplier workbook of any size."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).with_name("worker.py")


def app_env(home: Path) -> dict[str, str]:
    """The environment of a child process: the test's own home folder, no display."""
    env = dict(os.environ)
    env["ISV_ASSISTENT_HOME"] = str(home)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = str(ROOT)
    env.pop("ISV_ASSISTENT_DB", None)
    return env


def app_command(db: str, *args: str) -> list[str]:
    return [sys.executable, "-m", "app", "--db", db, "--lang", "en", *args]


@pytest.fixture
def run_app(isolated_home: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run ``python -m app --db DB ARGS…`` as a real process; returns the finished run."""

    def run(db: str, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            app_command(db, *args),
            env=app_env(isolated_home),
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    return run
