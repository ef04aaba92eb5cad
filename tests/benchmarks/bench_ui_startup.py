"""Start-up of the window on a ministry database against a bare PySide6 window.

Run: ``.venv/bin/python tests/benchmarks/bench_ui_startup.py [--runs N] [--scale S]``.
The scale is ``ministry`` (10,000 tenders: 2,000 a year over five years; the default) or
``stress`` (20,000 tenders). Each figure is
the median wall time from spawning the process to the line it prints once its window is
shown (the event loop's first turn after ``show()``), measured in the same run for:

- bare: a QApplication with an empty QMainWindow (the baseline);
- window: ``app.ui.application.run`` on that database;
- first data: the same, until the first screen (Overzicht) shows its deadlines;
- cli gui: ``python -m app gui`` (the command line's start path, which also builds
  every command's parser).

The database is made once with the demo service in a temporary folder. Offscreen
platform, so it runs without a display; the ratio is what counts (target for ``cli gui``:
at most 2x bare).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCALES = {"ministry": 10_000, "stress": 20_000}

BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 800)
window.show()
def shown():
    print("shown", flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""

WINDOW = """
import sys
from app.ui.application import run
sys.exit(run(sys.argv[1], "nl"))
"""


def make_database(folder: Path, tenders: int) -> str:
    os.environ["ISV_ASSISTENT_HOME"] = str(folder / "home")
    from app.services.context import open_context
    from app.services.demo import load_demo

    location = str(folder / "bench.sqlite")
    ctx = open_context(location, lang="nl", actor="bench")
    started = time.perf_counter()
    made = load_demo(ctx, seed=7, tenders=tenders)
    print(
        f"database with {made.tenders} tenders and {made.contracts} contracts made in "
        f"{time.perf_counter() - started:.1f} s"
    )
    ctx.db.dispose()
    return location


def timed(command: list[str], env: dict[str, str], wait_for: str) -> float:
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT
    )
    assert process.stdout is not None
    elapsed = None
    for line in process.stdout:
        if line.strip() == wait_for:
            elapsed = time.perf_counter() - started
            if wait_for == "shown" and "ready" not in env.get("ISV_ASSISTENT_EXIT_WHEN_SHOWN", ""):
                break
            break
    process.wait(timeout=120)
    if elapsed is None:
        raise RuntimeError(f"{command} never printed {wait_for!r}")
    return elapsed


def main() -> int:
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 5
    scale = sys.argv[sys.argv.index("--scale") + 1] if "--scale" in sys.argv else "ministry"
    with tempfile.TemporaryDirectory(prefix="isv-bench-ui-") as work:
        folder = Path(work)
        location = make_database(folder, SCALES[scale])
        # An installed application runs from compiled bytecode (pip compiles it when it
        # installs); the warm-up runs below write it here, also in a session that sets
        # PYTHONDONTWRITEBYTECODE, so no figure includes compiling the source.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update(QT_QPA_PLATFORM="offscreen", ISV_ASSISTENT_HOME=str(folder / "home"))
        python = sys.executable
        cases = {
            "bare": ([python, "-c", BARE], env, "shown"),
            "window": (
                [python, "-c", WINDOW, location],
                dict(env, ISV_ASSISTENT_EXIT_WHEN_SHOWN="1"),
                "shown",
            ),
            "first data": (
                [python, "-c", WINDOW, location],
                dict(env, ISV_ASSISTENT_EXIT_WHEN_SHOWN="ready"),
                "ready",
            ),
            "cli gui": (
                [python, "-m", "app", "--db", location, "gui"],
                dict(env, ISV_ASSISTENT_EXIT_WHEN_SHOWN="1"),
                "shown",
            ),
        }
        for case in cases.values():  # once each: the disk cache and the bytecode warm
            timed(*case)
        results: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(runs):
            for name, case in cases.items():  # interleaved: noise hits every case alike
                results[name].append(timed(*case))
        base = statistics.median(results["bare"])
        for name, values in results.items():
            median = statistics.median(values)
            print(
                f"{name:12s} median {median * 1000:7.0f} ms  "
                f"(min {min(values) * 1000:.0f}, max {max(values) * 1000:.0f})  "
                f"ratio to bare {median / base:.2f}x"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
