"""Helpers for the dossier tests: tenders and contracts through the registry, workbook
submissions written the way an import writes them (rows, content digest, audit entry)."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert

from app.domain.values import IsvDecision
from app.persistence import models as m
from app.persistence.audit import AuditWriter
from app.persistence.integrity import submission_digest
from app.services import registry
from app.services.context import Context

_counter = itertools.count(1)


@pytest.fixture
def make_contract(ctx: Context) -> Callable[..., str]:
    """Register a tender and a contract; returns the contract reference."""

    def make(
        start: dt.date,
        end: dt.date,
        *,
        plan_months: int = 3,
        report_month: int = 3,
        value: int | None = 400_000,
        category: str = "bedrijfskleding",
        penalty: int | None = None,
        ref: str | None = None,
        applied: bool = True,
    ) -> str:
        n = next(_counter)
        tender_ref = f"T-{n}"
        registry.register_tender(
            ctx,
            ref=tender_ref,
            title="Werkkleding",
            category=category,
            kind="supplies",
            value=500_000,
            published=start - dt.timedelta(days=90),
            decision=IsvDecision(
                applied, None if applied else "Klein", "contract-condition" if applied else None
            ),
        )
        contract_ref = ref or f"C-{n}"
        registry.add_contract(
            ctx,
            ref=contract_ref,
            tender_ref=tender_ref,
            supplier=f"Leverancier {n}",
            supplier_country="NL",
            start=start,
            end=end,
            value=value,
            plan_months=plan_months,
            report_month=report_month,
            penalty=penalty,
        )
        return contract_ref

    return make


@pytest.fixture
def document(tmp_path: Path) -> Callable[[str], Path]:
    """A small file with unique content (so each is its own attachment)."""

    def make(text: str = "") -> Path:
        n = next(_counter)
        path = tmp_path / f"doc-{n}.pdf"
        path.write_text(f"document {n} {text}", encoding="utf-8")
        return path

    return make


def add_submission(
    ctx: Context,
    contract_ref: str,
    received_on: dt.date,
    *,
    measures: list[dict[str, Any]] = (),  # type: ignore[assignment]
    risks: list[dict[str, Any]] = (),  # type: ignore[assignment]
    sites: list[dict[str, Any]] = (),
) -> int:  # type: ignore[assignment]
    """Write a workbook submission as the import does; returns its id."""
    with ctx.db.begin() as session:
        contract = registry.find_contract(session, contract_ref)
        count = session.query(m.Submission).filter_by(contract_id=contract.id).count()
        site_rows = [
            {
                "site_key": f"L{i}",
                "name": "Fabriek",
                "country": "BD",
                "city": None,
                "tier": 1,
                "product": "Shirts",
                "workers": 100,
                "certifications": None,
                "last_audit": None,
                "osh_id": None,
            }
            | s
            for i, s in enumerate(sites, 1)
        ]
        risk_rows = [
            {
                "risk_key": f"R{i}",
                "site_key": None,
                "theme": "child_labour",
                "description": "Risico",
                "severity": 3,
                "likelihood": 3,
                "priority": "high",
                "source": None,
            }
            | r
            for i, r in enumerate(risks, 1)
        ]
        measure_rows = [
            {
                "measure_key": f"M{i}",
                "risk_key": "R1",
                "description": "Maatregel",
                "owner": "Inkoop",
                "start": None,
                "due": received_on,
                "status": "planned",
                "progress": None,
                "evidence_name": None,
            }
            | x
            for i, x in enumerate(measures, 1)
        ]
        digest = submission_digest(site_rows, risk_rows, measure_rows)
        submission = m.Submission(
            contract_id=contract.id,
            version_no=count + 1,
            file_sha256=hashlib.sha256(f"{contract_ref}{count}{digest}".encode()).hexdigest(),
            file_name="werkmap.xlsx",
            supplier_name="Leverancier",
            supplier_kvk=None,
            supplier_country="NL",
            period_from=contract.start,
            period_to=contract.end,
            contact_person="A. Jansen",
            email="a@example.org",
            signed_on=received_on,
            signed_by="Directie",
            received_on=received_on,
            content_sha256=digest,
            imported_by=ctx.actor,
        )
        session.add(submission)
        AuditWriter(session, ctx.actor).created("submission", submission)
        for model, rows in ((m.Site, site_rows), (m.Risk, risk_rows), (m.Measure, measure_rows)):
            if rows:
                session.execute(insert(model), [r | {"submission_id": submission.id} for r in rows])
        return submission.id
