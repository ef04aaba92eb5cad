"""Benchmark of the foundation: the demo load and the dashboard aggregates.

Builds a large database (20,000 tenders, about 1,000,000 risks by default) and prints:
- the demo load, against a bare sqlite3 ``executemany`` of the same number of risk rows
  into an equally shaped table, in the same run;
- the dashboard aggregates (tenders per category and decision, risks per theme and
  priority, measures per status and overdue ones), against the same queries on a copy
  of the database without its secondary indexes.

Run: ``.venv/bin/python tests/benchmarks/bench_foundation.py [--tenders N] [--risks N]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

QUERIES = {
    "tenders per category and decision": "SELECT category_code, isv_applied, COUNT(*) FROM tender "
    "GROUP BY category_code, isv_applied",
    "risks per theme and priority": "SELECT submission_id, theme, priority, COUNT(*) FROM risk "
    "GROUP BY submission_id, theme, priority",
    "measures per status": "SELECT submission_id, status, COUNT(*) FROM measure "
    "GROUP BY submission_id, status",
    "overdue measures": "SELECT submission_id, COUNT(*) FROM measure WHERE due < :today "
    "AND status NOT IN ('completed', 'cancelled') GROUP BY submission_id",
    "contracts active today": "SELECT COUNT(*) FROM contract "
    'WHERE start <= :today AND "end" >= :today',
}


def _median_time(connection: sqlite3.Connection, sql: str, runs: int = 5) -> float:
    params = {"today": dt.date.today().isoformat()}
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        connection.execute(sql, params).fetchall()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tenders", type=int, default=20_000)
    parser.add_argument("--risks", type=int, default=1_000_000, help="risks wanted (about)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="isv-bench-"))
    os.environ["ISV_ASSISTENT_HOME"] = str(work / "home")
    try:
        from app.services.context import open_context
        from app.services.demo import load_demo

        location = work / "bench.sqlite"
        ctx = open_context(str(location), actor="bench")
        # about 56 % of tenders get a contract and about 62 % of those a submission
        per_submission = max(1, round(args.risks / max(1, args.tenders * 0.35)))
        start = time.perf_counter()
        summary = load_demo(ctx, seed=1, tenders=args.tenders, risks_per_submission=per_submission)
        demo_seconds = time.perf_counter() - start
        ctx.db.dispose()

        baseline = sqlite3.connect(work / "baseline.sqlite")
        baseline.execute("PRAGMA journal_mode=WAL")
        baseline.execute(
            "CREATE TABLE risk (id INTEGER PRIMARY KEY, submission_id INT, "
            "risk_key TEXT, site_key TEXT, theme TEXT, description TEXT, "
            "severity INT, likelihood INT, priority TEXT, source TEXT)"
        )
        rows = [
            (
                i,
                i // 50,
                f"R{i}",
                "L1",
                "forced_labour",
                "Risico in de keten",
                3,
                2,
                "medium",
                "eigen analyse",
            )
            for i in range(summary.risks)
        ]
        start = time.perf_counter()
        with baseline:
            baseline.executemany("INSERT INTO risk VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
        baseline_seconds = time.perf_counter() - start
        baseline.close()

        print(
            f"database: {summary.tenders:,} tenders, {summary.contracts:,} contracts, "
            f"{summary.submissions:,} submissions, {summary.risks:,} risks"
        )
        print(
            f"demo load: {demo_seconds:.2f} s; bare executemany of the risk rows "
            f"{baseline_seconds:.2f} s; ratio {demo_seconds / baseline_seconds:.1f}x"
        )

        plain = work / "unindexed.sqlite"
        shutil.copy(location, plain)
        connection = sqlite3.connect(plain)
        for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='index' AND sql IS NOT NULL"
        ).fetchall():
            connection.execute(f'DROP INDEX "{name}"')
        connection.commit()
        indexed = sqlite3.connect(location)
        for label, sql in QUERIES.items():
            with_index = _median_time(indexed, sql)
            without = _median_time(connection, sql)
            print(
                f"{label}: {with_index * 1000:.1f} ms; without indexes "
                f"{without * 1000:.1f} ms; ratio {with_index / without:.2f}x"
            )
        indexed.close()
        connection.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
