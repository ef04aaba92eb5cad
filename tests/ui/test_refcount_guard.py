"""Regression: PySide6 void calls lower None's reference count (PySide6 6.12, Python
3.11); without the guard in ``app/ui/__init__.py`` a long session crashes the process."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def _run(code: str) -> subprocess.CompletedProcess[str]:
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


LOOP = """
    from PySide6.QtWidgets import QApplication, QLabel
    app = QApplication([])
    label = QLabel()
    for _ in range(200_000):
        label.update()
    print("survived")
"""


def test_many_void_calls_survive_with_the_guard() -> None:
    result = _run("import app.ui\n" + textwrap.dedent(LOOP))
    assert result.returncode == 0, result.stderr[-500:]
    assert "survived" in result.stdout


def test_the_bug_is_still_there_without_the_guard() -> None:
    """When this starts passing unguarded, PySide6 fixed it and the guard can go."""
    if sys.version_info >= (3, 12):
        return
    result = _run(LOOP)
    assert result.returncode != 0 and "none_dealloc" in result.stderr
