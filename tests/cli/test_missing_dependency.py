"""An installation whose environment lacks a library (made before the dependency was
added) answers with one sentence naming it and exit 2, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Runs the real entry point with a finder in front that refuses platformdirs, as an
# environment without the package would.
PROGRAM = """
import sys
from importlib.abc import MetaPathFinder

class Missing(MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] == "platformdirs":
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None

sys.meta_path.insert(0, Missing())
sys.argv = ["isv-assistent", *sys.argv[1:]]
from app.__main__ import main
main()
"""


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["tender", "list"], "ontbreekt"),
        (["--lang", "en", "tender", "list"], "is missing"),
    ],
)
def test_a_missing_library_is_named_in_one_sentence(
    tmp_path: Path, args: list[str], words: str
) -> None:
    # A fresh home, without ISV_ASSISTENT_HOME: the folders then come from platformdirs.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ISV_", "XDG_"))}
    env["HOME"] = str(tmp_path)
    run = subprocess.run(
        [sys.executable, "-c", PROGRAM, *args],
        check=False,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "platformdirs" in lines[0] and words in lines[0]
