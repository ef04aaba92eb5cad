"""The standalone bundle: its size unpacked, and its start-to-window against the wheel's.

Run after ``bash .ci/bundle``:
``.venv/bin/python tests/benchmarks/bench_bundle.py [--bundle DIR] [--wheel-python PY] [--runs N]``.

- size: every file in the bundle's folder (the limit is 300 MB);
- start: the median wall time from spawning the process to the line the window prints
  once it is shown (``ISV_ASSISTENT_EXIT_WHEN_SHOWN``), for the bundle's ``isv-assistent``
  and for the ``isv-assistent`` script of the wheel installed in a venv (the baseline),
  interleaved in the same run, on the same small demo database (the limit is 1.5×).

Without ``--wheel-python`` a wheel is built and installed in a temporary venv first.
Offscreen platform, so it runs without a display; the ratio is what counts.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_ui_startup import timed  # noqa: E402

from tools.bundle import folder_size  # noqa: E402

SIZE_LIMIT_MB = 300
RATIO_LIMIT = 1.5


def _argument(name: str, default: str) -> str:
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def installed_wheel(folder: Path) -> Path:
    """A venv holding the wheel built from this checkout; its ``isv-assistent`` script."""
    dist = folder / "wheel"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    venv = folder / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    wheel = next(dist.glob("*.whl"))
    subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)], check=True)
    return python


def main() -> int:
    bundle = Path(_argument("--bundle", str(ROOT / "dist" / "isv-assistent")))
    runs = int(_argument("--runs", "5"))
    program = bundle / "isv-assistent"
    if not program.is_file():
        print(f"no bundle at {bundle}: run bash .ci/bundle first", file=sys.stderr)
        return 2
    size_mb = folder_size(bundle) / 1e6
    print(
        f"size         {size_mb:7.0f} MB unpacked (limit {SIZE_LIMIT_MB} MB): "
        + ("ok" if size_mb <= SIZE_LIMIT_MB else "OVER")
    )
    with tempfile.TemporaryDirectory(prefix="isv-bench-bundle-") as work:
        folder = Path(work)
        given = _argument("--wheel-python", "")
        python = Path(given) if given else installed_wheel(folder)
        wheel_script = python.parent / "isv-assistent"
        env = dict(
            os.environ,
            QT_QPA_PLATFORM="offscreen",
            ISV_ASSISTENT_HOME=str(folder / "home"),
            ISV_ASSISTENT_EXIT_WHEN_SHOWN="1",
        )
        database = str(folder / "bench.sqlite")
        subprocess.run(
            [str(bundle / "isv-assistent-cli"), "--db", database, "demo", "--tenders", "200"],
            check=True,
            capture_output=True,
            env=env,
        )
        cases = {
            "wheel": [str(wheel_script), "--db", database],
            "bundle": [str(program), "--db", database],
        }
        for command in cases.values():  # once each to warm the disk cache
            timed(command, env, "shown")
        results: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(runs):
            for name, command in cases.items():  # interleaved: noise hits both alike
                results[name].append(timed(command, env, "shown"))
    base = statistics.median(results["wheel"])
    for name, values in results.items():
        median = statistics.median(values)
        print(
            f"{name:12s} median {median * 1000:7.0f} ms to the window "
            f"(min {min(values) * 1000:.0f}, max {max(values) * 1000:.0f})  "
            f"ratio to the wheel {median / base:.2f}x"
        )
    ratio = statistics.median(results["bundle"]) / base
    print(
        f"start ratio  {ratio:.2f}x (limit {RATIO_LIMIT}x): "
        + ("ok" if ratio <= RATIO_LIMIT else "OVER")
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
