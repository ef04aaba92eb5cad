"""Benchmark: every contract's six step states and deadlines for the dashboard.

Contracts with documents, workbooks with measures, assessments, signals and escalation
steps, bulk-inserted into a fresh SQLite file. Prints the median time of
``step_states_for_all``, ``due_items`` and the overview's ``dashboard`` from cold (as in
a process that has just started: no remembered contract schedules), and their ratio
against a plain count and a plain fetch of the same rows (the tables those functions
read), measured in the same run. Target: step states of every contract, cold, at the
ministry scale, under 0.3 s.

Run: ``.venv/bin/python tests/benchmarks/bench_dossier.py [ministry|stress|CONTRACTS]``
(ministry: 6,000 contracts; stress: 20,000, the default).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def median_time(
    run: Callable[[], Any], repeat: int = 5, setup: Callable[[], Any] | None = None
) -> tuple[float, Any]:
    """Median wall-clock seconds of ``repeat`` runs, and the last result; ``setup`` runs
    before each one, outside the time."""
    times, result = [], None
    for _ in range(repeat):
        if setup is not None:
            setup()
        began = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - began)
    return statistics.median(times), result


def median_cpu(
    run: Callable[[], Any], repeat: int = 5, setup: Callable[[], Any] | None = None
) -> float:
    """Median CPU seconds of this process: on a machine shared with other work, the
    figure that says what the code itself costs."""
    times = []
    for _ in range(repeat):
        if setup is not None:
            setup()
        began = time.process_time()
        run()
        times.append(time.process_time() - began)
    return statistics.median(times)


def build(ctx: Any, contracts: int, rng: random.Random, today: dt.date) -> None:
    from sqlalchemy import insert

    from app.persistence import models as m

    rows: dict[Any, list[dict[str, Any]]] = {}

    def add(model: Any, row: dict[str, Any]) -> None:
        rows.setdefault(model, []).append(row)

    add(
        m.Supplier,
        {
            "id": 1,
            "uid": m.new_uid(),
            "version": 1,
            "name": "Bench BV",
            "country": "NL",
            "kvk": None,
        },
    )
    evidence_id = submission_id = measure_id = 0
    for n in range(1, contracts + 1):
        start = today - dt.timedelta(days=rng.randrange(0, 5 * 365))
        end = start + dt.timedelta(days=365 * rng.choice((1, 2, 3, 4)) - 1)
        add(
            m.Tender,
            {
                "id": n,
                "uid": m.new_uid(),
                "version": 1,
                "ref": f"T{n}",
                "title": "Bench",
                "organisation_id": None,
                "kind": "supplies",
                "value_cents": 50_000_000,
                "published": start,
                "verdict": "mandatory",
                "category_code": "bedrijfskleding",
                "category_set": None,
                "threshold_cents": None,
                "threshold_period": None,
                "isv_applied": True,
                "not_applied_reason": None,
                "form": None,
                "acceptance": None,
                "clause_version": None,
                "created_at": m.utcnow(),
            },
        )
        agreed = start + dt.timedelta(days=80) if rng.random() < 0.6 else None
        add(
            m.Contract,
            {
                "id": n,
                "uid": m.new_uid(),
                "version": 1,
                "ref": f"C{n:06d}",
                "tender_id": n,
                "supplier_id": 1,
                "start": start,
                "end": end,
                "value_cents": 40_000_000,
                "plan_months": 3,
                "report_month": 3,
                "penalty_cents": None,
                "independent_check": False,
                "plan_agreed_on": agreed,
                "follow_up_choice": None,
                "follow_up_note": None,
                "created_at": m.utcnow(),
            },
        )
        for kind in ("policy", "risk-analysis", "yearly-report", "certificate"):
            if rng.random() < 0.7:
                evidence_id += 1
                received = start + dt.timedelta(days=rng.randrange(0, 400))
                add(
                    m.Evidence,
                    {
                        "id": evidence_id,
                        "uid": m.new_uid(),
                        "contract_id": n,
                        "submission_id": None,
                        "site_id": None,
                        "risk_id": None,
                        "measure_id": None,
                        "type": kind,
                        "sha256": "0" * 64,
                        "file_name": "x",
                        "size": 1,
                        "issuer": None,
                        "issued_on": None,
                        "valid_until": received + dt.timedelta(days=365)
                        if kind == "certificate"
                        else None,
                        "received_on": received,
                        "note": None,
                        "supersedes_id": None,
                        "added_at": m.utcnow(),
                        "added_by": "bench",
                    },
                )
        if rng.random() < 0.8:
            submission_id += 1
            add(
                m.Submission,
                {
                    "id": submission_id,
                    "uid": m.new_uid(),
                    "contract_id": n,
                    "version_no": 1,
                    "file_sha256": f"{submission_id:064d}",
                    "file_name": "w.xlsx",
                    "supplier_name": "Bench BV",
                    "supplier_kvk": None,
                    "supplier_country": "NL",
                    "period_from": start,
                    "period_to": end,
                    "contact_person": "A",
                    "email": "a@example.org",
                    "signed_on": start,
                    "signed_by": "B",
                    "received_on": start + dt.timedelta(days=60),
                    "content_sha256": "0" * 64,
                    "imported_at": m.utcnow(),
                    "imported_by": "bench",
                },
            )
            for k in range(rng.randrange(1, 6)):
                measure_id += 1
                add(
                    m.Measure,
                    {
                        "id": measure_id,
                        "submission_id": submission_id,
                        "measure_key": f"M{k}",
                        "risk_key": "R1",
                        "description": "x",
                        "owner": "y",
                        "start": None,
                        "due": start + dt.timedelta(days=rng.randrange(30, 700)),
                        "status": rng.choice(("planned", "in_progress", "completed", "delayed")),
                        "progress": None,
                        "evidence_name": None,
                    },
                )
        if rng.random() < 0.5:
            add(
                m.Assessment,
                {
                    "uid": m.new_uid(),
                    "contract_id": n,
                    "subject": "yearly-report",
                    "evidence_id": None,
                    "submission_id": None,
                    "rubric_version": "2017",
                    "elements_json": "[]",
                    "verdict": "sufficient",
                    "assessor": "bench",
                    "assessed_on": start + dt.timedelta(days=420),
                    "contract_year": 1,
                    "note": None,
                },
            )
        if rng.random() < 0.1:
            add(
                m.Signal,
                {
                    "id": n,
                    "uid": m.new_uid(),
                    "version": 1,
                    "contract_id": n,
                    "received_on": start + dt.timedelta(days=100),
                    "source": "NGO",
                    "theme": "child_labour",
                    "site_id": None,
                    "description": "x",
                    "status": rng.choice(("open", "closed")),
                    "closed_on": None,
                },
            )
            add(
                m.EscalationStep,
                {
                    "uid": m.new_uid(),
                    "contract_id": n,
                    "signal_id": n,
                    "step": "dialogue",
                    "taken_on": start + dt.timedelta(days=101),
                    "response_due": start + dt.timedelta(days=131),
                    "responded_on": None,
                    "amount_cents": None,
                    "evidence_ids": None,
                    "note": None,
                },
            )
    for row in rows.get(m.Signal, []):
        if row["status"] == "closed":
            row["closed_on"] = row["received_on"] + dt.timedelta(days=30)
    with ctx.db.begin() as session:
        for model in (
            m.Supplier,
            m.Tender,
            m.Contract,
            m.Evidence,
            m.Submission,
            m.Measure,
            m.Assessment,
            m.Signal,
            m.EscalationStep,
        ):
            data = rows.get(model, [])
            for first in range(0, len(data), 20_000):
                session.execute(insert(model), data[first : first + 20_000])


SCALES = {"ministry": 6_000, "stress": 20_000}
"""Contracts in the database at each scale."""


def main() -> None:
    scale = sys.argv[1] if len(sys.argv) > 1 else "stress"
    contracts = SCALES[scale] if scale in SCALES else int(scale)
    folder = Path(tempfile.mkdtemp(prefix="bench-dossier-"))
    os.environ["ISV_ASSISTENT_HOME"] = str(folder / "home")
    from sqlalchemy import func, select

    from app.domain.deadlines import plan_due, report_schedule
    from app.persistence import models as m
    from app.services import dossier
    from app.services.context import open_context

    ctx = open_context(str(folder / "bench.sqlite"), lang="nl", actor="bench")
    today = dt.date(2026, 11, 25)
    began = time.perf_counter()
    build(ctx, contracts, random.Random(5), today)
    print(f"built {contracts} contracts in {time.perf_counter() - began:.1f} s")

    tables = (
        m.Contract,
        m.Evidence,
        m.Submission,
        m.Measure,
        m.Assessment,
        m.Signal,
        m.EscalationStep,
    )

    def plain_count() -> int:
        with ctx.db.read() as session:
            return sum(
                int(session.scalar(select(func.count()).select_from(t)) or 0) for t in tables
            )

    def plain_rows() -> int:
        with ctx.db.read() as session:
            return sum(len(session.execute(select(t.__table__)).all()) for t in tables)

    def as_started() -> None:
        # as in a process that has just started: no remembered contract schedules
        report_schedule.cache_clear()
        plan_due.cache_clear()

    def cold_steps() -> Any:
        return dossier.step_states_for_all(ctx, today)

    dossier.step_states_for_all(ctx, today)  # SQLite's page cache warm, as after start-up
    count_time, rows = median_time(plain_count)
    fetch_time, _ = median_time(plain_rows)
    steps_time, states = median_time(cold_steps, setup=as_started)
    assert len(states) == contracts
    due_time, due = median_time(lambda: dossier.due_items(ctx, 30, today), setup=as_started)
    board_time, _ = median_time(lambda: dossier.dashboard(ctx, 30, today), setup=as_started)
    steps_cpu = median_cpu(cold_steps, setup=as_started)
    count_cpu = median_cpu(plain_count)
    print(f"rows read by the dossier: {rows}")
    print(f"plain count of those rows:          {count_time * 1000:8.1f} ms")
    print(f"plain fetch of every one of them:   {fetch_time * 1000:8.1f} ms")
    print(
        f"step states + deadlines, all:       {steps_time * 1000:8.1f} ms "
        f"(ratio to count {steps_time / count_time:.1f}x, to fetch "
        f"{steps_time / fetch_time:.2f}x)"
    )
    print(
        f"  the same in CPU time of this process: {steps_cpu * 1000:8.1f} ms "
        f"(count {count_cpu * 1000:.1f} ms, ratio {steps_cpu / max(count_cpu, 1e-9):.1f}x)"
    )
    print(
        f"due items within 30 days ({len(due)}): {due_time * 1000:8.1f} ms "
        f"(ratio to count {due_time / count_time:.1f}x)"
    )
    print(
        f"the overview's dossier work (due list + step states, one read): "
        f"{board_time * 1000:8.1f} ms (ratio to count {board_time / count_time:.1f}x)"
    )
    print(
        f"target: step states of every contract, cold, under 0.3 s at the ministry scale "
        f"({SCALES['ministry']:,} contracts); here {contracts:,}: wall "
        f"{steps_time:.3f} s, CPU {steps_cpu:.3f} s"
    )
    ctx.db.dispose()


if __name__ == "__main__":
    main()
