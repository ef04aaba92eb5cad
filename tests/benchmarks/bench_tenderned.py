"""Benchmark: reading a 100,000-release TenderNed package against Python's json reading it.

Run: ``.venv/bin/python tests/benchmarks/bench_tenderned.py [RELEASES]`` (not collected
by pytest).

A release package of RELEASES (default 100,000) releases of 200 buyers is written once
into a temporary folder by ``tests/tenderned/make_open_data.py``. In the same run, each
in a fresh child process (so one's memory does not count for the other):

1. the baseline: ``json.load`` of the whole file, then a walk over its releases picking
   one buyer's (what a program that can afford the memory would do);
2. ``app.io.tenderned.read_release_package`` for one buyer: streamed, one release at a
   time, with the fold of its procedures.

Printed: the seconds of each (best of three), the ratio (target at most 2x) and each
child's peak resident memory (target for the reader: under 500 MB).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

BASELINE = """
import json, resource, sys, time
start = time.perf_counter()
with open(sys.argv[1], encoding="utf-8") as handle:
    package = json.load(handle)
found = [r for r in package["releases"] if r["buyer"]["name"] == "Organisatie 007"]
took = time.perf_counter() - start
print(json.dumps({"seconds": took, "found": len(found),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

READER = """
import json, resource, sys, time
from pathlib import Path
from app.domain.tenderned import OrganisationFilter, fold
from app.io.tenderned import read_release_package
start = time.perf_counter()
result = read_release_package(Path(sys.argv[1]), OrganisationFilter(("Organisatie 007",)))
notices = fold(result.parts)
took = time.perf_counter() - start
print(json.dumps({"seconds": took, "found": len(result.parts), "read": result.read,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _child(code: str, path: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return result


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    sys.path.insert(0, str(ROOT))
    from tests.tenderned.make_open_data import large_package

    with tempfile.TemporaryDirectory() as folder:
        path = large_package(Path(folder) / "large.json", count)
        size_mb = path.stat().st_size / 1e6
        print(f"package: {count:,} releases, {size_mb:.0f} MB")
        baseline = [_child(BASELINE, path) for _ in range(3)]
        reader = [_child(READER, path) for _ in range(3)]
    best_base = min(b["seconds"] for b in baseline)
    best_read = min(r["seconds"] for r in reader)
    assert reader[0]["found"] == baseline[0]["found"], (reader[0], baseline[0])
    assert reader[0]["read"] == count
    print(f"json.load + pick one buyer : {best_base:6.2f} s, peak {baseline[0]['peak_mb']:.0f} MB")
    print(f"streamed reader + fold     : {best_read:6.2f} s, peak {reader[0]['peak_mb']:.0f} MB")
    ratio = best_read / best_base
    print(f"ratio reader / json        : {ratio:.2f}x (target <= 2x)")
    print(f"reader peak memory         : {reader[0]['peak_mb']:.0f} MB (target < 500 MB)")
    return 0 if ratio <= 2 and reader[0]["peak_mb"] < 500 else 1


if __name__ == "__main__":
    raise SystemExit(main())
