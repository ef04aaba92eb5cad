"""The window exits cleanly (status 0) when Ctrl+Q is pressed while a workbook check and
the yearly report run in the background: three real sessions under Xvfb, each its own
process (``tests/ui/quit_driver.py``), as a user ends a working day. Regression for the
exit with a segmentation fault (139) after a long session with background work."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROUNDS = 3
DRIVER = Path(__file__).with_name("quit_driver.py")


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed")
def test_ctrl_q_during_background_work_exits_with_status_0(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="xcb")
    for number in range(ROUNDS):
        home = tmp_path / f"home-{number}"
        home.mkdir()
        done = subprocess.run(
            [
                "xvfb-run",
                "-a",
                "-s",
                "-screen 0 1366x768x24",
                sys.executable,
                str(DRIVER),
                str(home),
                "20000",
            ],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        output = done.stdout + done.stderr
        assert done.returncode == 0, f"round {number + 1}: exit {done.returncode}\n{output}"
        assert "ctrl+q pressed while busy=True, window closed=True" in output, output
        assert "error shown" not in output, output
