"""Whole command-line processes against the plainest process that could do their work.

Run: ``.venv/bin/python tests/benchmarks/bench_cli.py [--runs N]`` (not collected by
pytest). Each figure is the median wall time of a whole process, from spawning it to its
exit, measured in the same run and interleaved with its baseline:

- ``--version``, ``check``, ``categories`` (commands that need no database) against
  ``python -c pass``; target at most 3x;
- ``import`` of a 1,000-row submission (200 sites, 400 risks, 400 measures) into a
  database holding its contract, against a process that imports SQLAlchemy and
  python-calamine and reads the same file's sheets; target at most 2x. Every run imports
  into a fresh copy of the same database, so each one really writes.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_workbook import make_contract_database, write_workbook  # noqa: E402

RAW_READ = """
import sys
import sqlalchemy
from python_calamine import CalamineWorkbook
book = CalamineWorkbook.from_path(sys.argv[1])
cells = sum(len(r) for n in book.sheet_names for r in book.get_sheet_by_name(n).to_python())
"""


def timed(command: list[str], env: dict[str, str], before: list[str] | None = None) -> float:
    if before:
        shutil.copyfile(before[0], before[1])
    started = time.perf_counter()
    result = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"{command} failed: {result.stderr.decode()[-500:]}")
    return elapsed


def make_database(folder: Path, contract: str) -> Path:
    location = folder / "template.sqlite"
    make_contract_database(location, contract).db.dispose()
    return location


def main() -> int:
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 7
    python = sys.executable
    script = str(Path(python).with_name("isv-assistent"))
    command = [script] if Path(script).exists() else [python, "-m", "app"]
    with tempfile.TemporaryDirectory(prefix="isv-bench-cli-") as work:
        folder = Path(work)
        os.environ["ISV_ASSISTENT_HOME"] = str(folder / "home")
        # An installed application runs from compiled bytecode (pip compiles it when it
        # installs); the warm-up runs below write it here, also in a session that sets
        # PYTHONDONTWRITEBYTECODE, so no figure includes compiling the source.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        contract = "BENCH-1"
        workbook = folder / "submission.xlsx"
        write_workbook(workbook, contract, sites=200, risks=400, measures=400)
        template = make_database(folder, contract)
        database = folder / "run.sqlite"
        no_database = {
            "python -c pass": [python, "-c", "pass"],
            "--version": [*command, "--version"],
            "check": [
                *command,
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
            "categories": [*command, "categories"],
        }
        importing = {
            "sqlalchemy + calamine read": ([python, "-c", RAW_READ, str(workbook)], None),
            "import 1,000 rows": (
                [*command, "--db", str(database), "import", str(workbook), "--contract", contract],
                [str(template), str(database)],
            ),
        }
        for case in no_database.values():  # warm the disk cache and the .pyc files
            timed(case, env)
        for case, before in importing.values():
            timed(case, env, before)
        results: dict[str, list[float]] = {name: [] for name in [*no_database, *importing]}
        for _ in range(runs):  # interleaved: noise on a shared machine hits every case alike
            for name, case in no_database.items():
                results[name].append(timed(case, env))
            for name, (case, before) in importing.items():
                results[name].append(timed(case, env, before))

        def show(name: str, base: str, target: float) -> None:
            values = results[name]
            median = statistics.median(values)
            ratio = median / statistics.median(results[base])
            print(
                f"{name:28s} median {median * 1000:6.0f} ms (min {min(values) * 1000:.0f}, "
                f"max {max(values) * 1000:.0f})  {ratio:5.2f}x {base} (target <= {target}x)"
            )

        for name in no_database:
            show(name, "python -c pass", 3)
        for name in importing:
            show(name, "sqlalchemy + calamine read", 2)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
