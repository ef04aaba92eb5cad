"""The year's facts are built from plain rows by position (fast at tens of thousands of
records): every field must still hold the record's value of the same name, so that a
field added or moved in a fact class cannot shift values silently."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from app.domain.report_facts import FACT_KINDS, field_names
from app.persistence import models as m
from app.services.context import Context
from app.services.reporting import gather_year_facts

MODELS: dict[str, Any] = {
    "tenders": m.Tender,
    "contracts": m.Contract,
    "submissions": m.Submission,
    "evidence": m.Evidence,
    "assessments": m.Assessment,
    "signals": m.Signal,
    "escalation_steps": m.EscalationStep,
}
# fields named after what they point to, not after a column: (name, how to read the row)
LINKED: dict[str, Any] = {
    "tender_uid": lambda s, r: s.get(m.Tender, r.tender_id).uid,
    "contract_uid": lambda s, r: s.get(m.Contract, r.contract_id).uid,
    "supplier": lambda s, r: s.get(m.Supplier, r.supplier_id).name,
    "supplier_country": lambda s, r: s.get(m.Supplier, r.supplier_id).country,
    "organisation": lambda s, r: (
        s.get(m.Organisation, r.organisation_id).name if r.organisation_id else None
    ),
    "supersedes_uid": lambda s, r: (
        s.get(m.Evidence, r.supersedes_id).uid if r.supersedes_id else None
    ),
}


def test_every_fact_field_holds_the_records_value_of_that_name(year_db: Context) -> None:
    ctx = year_db
    with ctx.db.read() as session:
        facts = gather_year_facts(session, 2025)
        for kind, cls in FACT_KINDS:
            model = MODELS[kind]
            columns = set(model.__table__.columns.keys())
            gathered = facts.kind(kind)
            assert gathered, kind  # the dataset has records of every kind
            for fact in gathered:
                row = session.scalar(select(model).where(model.uid == fact.uid))
                assert row is not None, (kind, fact.uid)
                for name in field_names(cls):
                    if name in ("risks", "measures"):  # the workbook's rows, below
                        continue
                    if name in LINKED:
                        expected = LINKED[name](session, row)
                    else:
                        assert name in columns, (kind, name)
                        expected = getattr(row, name)
                    assert getattr(fact, name) == expected, (kind, fact.uid, name)
        for submission in facts.submissions:
            row = session.scalar(select(m.Submission).where(m.Submission.uid == submission.uid))
            assert row is not None
            risks = session.execute(
                select(m.Risk.risk_key, m.Risk.theme, m.Risk.priority).where(
                    m.Risk.submission_id == row.id
                )
            ).all()
            assert sorted((r.risk_key, r.theme, r.priority) for r in submission.risks) == sorted(
                tuple(r) for r in risks
            )
            measures = session.execute(
                select(
                    m.Measure.measure_key, m.Measure.risk_key, m.Measure.due, m.Measure.status
                ).where(m.Measure.submission_id == row.id)
            ).all()
            assert sorted(
                (x.measure_key, x.risk_key, x.due, x.status) for x in submission.measures
            ) == sorted(tuple(x) for x in measures)
