"""The set-based gathering of facts equals a plain per-record computation, on seeded
random records and several dates (superseding, late records, newest workbooks)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from sqlalchemy import insert, select

from app.domain.followup import ContractFacts
from app.persistence import models as m
from app.services import dossier
from app.services.context import Context

D = dt.date
OPEN = ("planned", "in_progress", "delayed")


def plain_facts(ctx: Context, as_of: dt.date) -> list[ContractFacts]:
    with ctx.db.read() as session:
        contracts = session.scalars(
            select(m.Contract)
            .join(m.Tender)
            .where(m.Tender.isv_applied.is_(True))
            .order_by(m.Contract.ref)
        ).all()
        docs = [d for d in session.scalars(select(m.Evidence)) if d.received_on <= as_of]
        books = [s for s in session.scalars(select(m.Submission)) if s.received_on <= as_of]
        measures = session.scalars(select(m.Measure)).all()
        verdicts = [a for a in session.scalars(select(m.Assessment)) if a.assessed_on <= as_of]
        signals = [g for g in session.scalars(select(m.Signal)) if g.received_on <= as_of]
        steps = session.scalars(select(m.EscalationStep)).all()
        replaced = {d.supersedes_id for d in docs if d.supersedes_id is not None}
        result = []
        for c in contracts:
            mine = [d for d in docs if d.contract_id == c.id]
            wbs = [s for s in books if s.contract_id == c.id]

            def dates(kind: str, mine: list[Any] = mine) -> list[dt.date]:
                return [d.received_on for d in mine if d.type == kind]

            with_measures = [
                s.received_on for s in wbs if any(x.submission_id == s.id for x in measures)
            ]
            newest = max(wbs, key=lambda s: s.version_no, default=None)
            ms = [x for x in measures if newest is not None and x.submission_id == newest.id]
            open_ms = [x for x in ms if x.status in OPEN]
            risk = sorted(
                (a for a in verdicts if a.contract_id == c.id and a.subject == "risk-analysis"),
                key=lambda a: (a.assessed_on, a.id),
            )
            yearly: dict[int, Any] = {}
            for a in sorted(
                (
                    a
                    for a in verdicts
                    if a.contract_id == c.id and a.subject == "yearly-report" and a.contract_year
                ),
                key=lambda a: (a.assessed_on, a.id),
            ):
                yearly[a.contract_year] = a.verdict
            sig = [g for g in signals if g.contract_id == c.id]
            pending = [
                x.response_due
                for x in steps
                if x.contract_id == c.id
                and x.taken_on <= as_of
                and x.response_due is not None
                and (x.responded_on is None or x.responded_on > as_of)
            ]
            analysis = dates("risk-analysis") + [s.received_on for s in wbs]
            plans = dates("plan-of-action") + with_measures
            result.append(
                ContractFacts(
                    contract_id=c.id,
                    ref=c.ref,
                    start=c.start,
                    end=c.end,
                    plan_months=c.plan_months,
                    report_month=c.report_month,
                    plan_agreed_on=c.plan_agreed_on
                    if c.plan_agreed_on and c.plan_agreed_on <= as_of
                    else None,
                    policy_received=min(dates("policy"), default=None),
                    risk_analysis_received=max(analysis, default=None),
                    risk_analysis_assessed=(risk[-1].assessed_on, risk[-1].verdict)
                    if risk
                    else None,
                    plan_received=min(plans, default=None),
                    measures_total=len(ms),
                    measures_open=len(open_ms),
                    first_open_measure_due=min((x.due for x in open_ms), default=None),
                    yearly_reports_received=sum(
                        1 for d in mine if d.type == "yearly-report" and d.id not in replaced
                    ),
                    yearly_years_assessed=frozenset(
                        y for y, v in yearly.items() if v == "sufficient"
                    ),
                    signals_total=len(sig),
                    signals_open=sum(
                        1
                        for g in sig
                        if g.status != "closed" or g.closed_on is None or g.closed_on > as_of
                    ),
                    first_pending_response=min(pending, default=None),
                )
            )
        return result


def fill(ctx: Context, make_contract: Callable[..., str], rng: random.Random) -> None:
    refs = [
        make_contract(
            D(2022, 1, 1) + dt.timedelta(days=rng.randrange(0, 900)),
            D(2026, 6, 30),
            applied=rng.random() < 0.85,
        )
        for _ in range(14)
    ]
    base = D(2022, 1, 1)
    with ctx.db.begin() as session:
        ids = dict(session.execute(select(m.Contract.ref, m.Contract.id)).all())
        evidence_id = submission_id = 0
        for ref in refs:
            cid = ids[ref]
            if rng.random() < 0.5:
                session.execute(
                    m.Contract.__table__.update()
                    .where(m.Contract.id == cid)
                    .values(plan_agreed_on=base + dt.timedelta(days=rng.randrange(0, 1500)))
                )
            previous: dict[str, int] = {}
            for _ in range(rng.randrange(0, 7)):
                evidence_id += 1
                kind = rng.choice(
                    (
                        "policy",
                        "risk-analysis",
                        "plan-of-action",
                        "yearly-report",
                        "yearly-report",
                        "certificate",
                    )
                )
                supersedes = previous.get(kind) if rng.random() < 0.4 else None
                session.execute(
                    insert(m.Evidence),
                    [
                        {
                            "id": evidence_id,
                            "contract_id": cid,
                            "type": kind,
                            "sha256": "0" * 64,
                            "file_name": "x",
                            "size": 1,
                            "added_by": "t",
                            "received_on": base + dt.timedelta(days=rng.randrange(0, 1500)),
                            "supersedes_id": supersedes,
                        }
                    ],
                )
                previous[kind] = evidence_id
            for version in range(1, rng.randrange(1, 4)):
                submission_id += 1
                session.execute(
                    insert(m.Submission),
                    [
                        {
                            "id": submission_id,
                            "contract_id": cid,
                            "version_no": version,
                            "file_sha256": f"{submission_id:064d}",
                            "file_name": "w",
                            "supplier_name": "s",
                            "supplier_country": "NL",
                            "period_from": base,
                            "period_to": base,
                            "contact_person": "p",
                            "email": "e",
                            "signed_on": base,
                            "signed_by": "b",
                            "content_sha256": "0",
                            "imported_by": "t",
                            "received_on": base + dt.timedelta(days=rng.randrange(0, 1500)),
                        }
                    ],
                )
                rows = [
                    {
                        "submission_id": submission_id,
                        "measure_key": f"M{k}",
                        "risk_key": "R",
                        "description": "d",
                        "owner": "o",
                        "status": rng.choice(
                            ("planned", "in_progress", "completed", "delayed", "cancelled")
                        ),
                        "due": base + dt.timedelta(days=rng.randrange(0, 1800)),
                    }
                    for k in range(rng.randrange(0, 4))
                ]
                if rows:
                    session.execute(insert(m.Measure), rows)
            for _ in range(rng.randrange(1, 5)):
                session.execute(
                    insert(m.Assessment),
                    [
                        {
                            "contract_id": cid,
                            "rubric_version": "2017",
                            "elements_json": "[]",
                            "subject": (subject := rng.choice(("risk-analysis", "yearly-report"))),
                            "verdict": rng.choice(("sufficient", "insufficient")),
                            "assessor": "a",
                            "assessed_on": base + dt.timedelta(days=rng.randrange(0, 1500)),
                            "contract_year": rng.randrange(1, 4)
                            if subject == "yearly-report"
                            else None,
                        }
                    ],
                )
            for _ in range(rng.randrange(0, 3)):
                received = base + dt.timedelta(days=rng.randrange(0, 1400))
                closed = rng.random() < 0.5
                session.execute(
                    insert(m.Signal),
                    [
                        {
                            "contract_id": cid,
                            "received_on": received,
                            "source": "s",
                            "theme": "child_labour",
                            "description": "d",
                            "status": "closed" if closed else rng.choice(("open", "in_progress")),
                            "closed_on": received + dt.timedelta(days=40) if closed else None,
                        }
                    ],
                )
                session.execute(
                    insert(m.EscalationStep),
                    [
                        {
                            "contract_id": cid,
                            "step": "dialogue",
                            "taken_on": received,
                            "response_due": received + dt.timedelta(days=rng.randrange(5, 60)),
                            "responded_on": received + dt.timedelta(days=30)
                            if rng.random() < 0.5
                            else None,
                        }
                    ],
                )


def test_gathered_facts_equal_a_plain_computation(
    ctx: Context, make_contract: Callable[..., str]
) -> None:
    fill(ctx, make_contract, random.Random(20261125))
    for as_of in (D(2022, 6, 1), D(2023, 3, 31), D(2024, 2, 29), D(2025, 7, 1), D(2026, 11, 25)):
        with ctx.db.read() as session:
            gathered = dossier.gather_contract_facts(session, as_of)
        expected = plain_facts(ctx, as_of)
        assert gathered == expected, as_of
        assert [s.facts for s in dossier.step_states_for_all(ctx, as_of)] == expected
    # the records exercise every kind of fact (so the comparison can tell a difference)
    with ctx.db.read() as session:
        replaced_reports = session.scalar(
            select(m.Evidence.id).where(
                m.Evidence.type == "yearly-report", m.Evidence.supersedes_id.is_not(None)
            )
        )
    assert replaced_reports is not None
    last = plain_facts(ctx, D(2026, 11, 25))
    assert len(last) < 14  # some tenders did not apply the ISV
    for name in (
        "policy_received",
        "risk_analysis_assessed",
        "plan_received",
        "first_open_measure_due",
        "first_pending_response",
        "plan_agreed_on",
    ):
        assert any(getattr(f, name) is not None for f in last), name
    for name in ("measures_open", "yearly_reports_received", "signals_open"):
        assert any(getattr(f, name) for f in last), name
    assert any(f.yearly_years_assessed for f in last)
