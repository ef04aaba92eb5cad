"""Assessments of a supplier's documents against the rubric ("reasonable effort"):
the rubric files shipped with the application, recording an assessment with its
ratings and verdict, the hints an imported workbook gives, and the list per contract.
The rubric's rules are in :mod:`app.domain.rubric`.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import func, select

from app import locator
from app.domain.errors import NotFoundError, ValidationError
from app.domain.rubric import (
    AssessmentRecord,
    ElementRating,
    Rubric,
    RubricHint,
    load_rubric,
    plan_hints,
    risk_analysis_hints,
    rubric_in_force,
    rubric_verdict,
)
from app.domain.values import clean_text, not_in_future
from app.persistence import models as m
from app.persistence.audit import AuditWriter
from app.services.context import Context
from app.services.evidence import evidence_type
from app.services.registry import find_contract

DOCUMENT_TYPES = ("policy", "risk-analysis", "plan-of-action", "yearly-report")
OPEN_STATUSES = ("planned", "in_progress", "delayed")


# =======================================================================================
# Assessments against the rubric
# =======================================================================================


@functools.cache
def _rubrics_in(folder: str) -> tuple[Rubric, ...]:
    return tuple(
        load_rubric(p.read_text(encoding="utf-8"), p.name)
        for p in sorted(Path(folder).glob("*.json"))
    )


def rubrics() -> tuple[Rubric, ...]:
    """Every rubric version shipped under ``resources/rubric``."""
    return _rubrics_in(str(locator.resources_dir() / "rubric"))


def rubric(version: str | None = None, day: dt.date | None = None) -> Rubric:
    """The rubric ``version``, else the one in force on ``day`` (default today)."""
    available = rubrics()
    if version is not None:
        for item in available:
            if item.version == version:
                return item
        raise ValidationError(
            "dossier_unknown_rubric", value=version, allowed=", ".join(r.version for r in available)
        )
    return rubric_in_force(available, day or dt.date.today())


def _assessment_record(row: m.Assessment, ref: str) -> AssessmentRecord:
    elements = json.loads(row.elements_json or "[]")
    ratings = tuple(
        ElementRating(str(e["code"]), str(e["rating"]), str(e.get("comment", "")))
        for e in (elements if isinstance(elements, list) else [])
        if isinstance(e, dict) and "code" in e and "rating" in e
    )
    return AssessmentRecord(
        row.id,
        row.uid,
        ref,
        row.subject,
        row.evidence_id,
        row.submission_id,
        row.rubric_version,
        ratings,
        row.verdict,
        row.assessor,
        row.assessed_on,
        row.contract_year,
        row.note,
        row.version,
        row.withdrawn_reason,
    )


def assess(
    ctx: Context,
    *,
    contract_ref: str,
    subject: str,
    ratings: Sequence[ElementRating],
    assessed_on: dt.date | None = None,
    evidence_id: int | None = None,
    submission_id: int | None = None,
    contract_year: int | None = None,
    note: str | None = None,
    rubric_version: str | None = None,
) -> AssessmentRecord:
    """Judge a risk analysis, plan of action or yearly report against the rubric.

    Every element rated; the overall verdict follows the rubric's rule. A yearly report
    names its contract year; a document named must be of the contract and the subject's
    type, a workbook only backs a risk analysis or a plan.
    """
    day = assessed_on or dt.date.today()
    not_in_future(day, "assessed-on")
    note = clean_text(note, "note", required=False, limit=5000) or None
    used = rubric(rubric_version, day)
    chosen = used.subject(subject)
    cleaned = [
        ElementRating(
            r.code, r.rating, clean_text(r.comment, "comment", required=False, limit=5000)
        )
        for r in ratings
    ]
    verdict = rubric_verdict(chosen, cleaned)
    with ctx.db.begin() as session:
        contract = find_contract(session, contract_ref)
        if evidence_id is not None:
            doc = session.get(m.Evidence, evidence_id)
            if doc is None or doc.contract_id != contract.id:
                raise NotFoundError("evidence_not_found", id=evidence_id)
            if doc.type != subject:
                raise ValidationError(
                    "dossier_evidence_wrong_type",
                    id=evidence_id,
                    found=evidence_type(doc.type),
                    expected=evidence_type(subject),
                )
        if submission_id is not None:
            owner = session.scalar(
                select(m.Submission.contract_id).where(m.Submission.id == submission_id)
            )
            if owner != contract.id:
                raise NotFoundError("dossier_submission_not_found", id=submission_id)
            if subject == "yearly-report":
                raise ValidationError("dossier_submission_not_a_report")
        if subject == "yearly-report":
            years = _contract_year_count(contract)
            if contract_year is None or not 1 <= contract_year <= years:
                raise ValidationError(
                    "out_of_range", field="contract-year", low=1, high=years, value=contract_year
                )
        elif contract_year is not None:
            raise ValidationError("dossier_year_only_for_reports")
        row = m.Assessment(
            contract_id=contract.id,
            subject=subject,
            evidence_id=evidence_id,
            submission_id=submission_id,
            rubric_version=used.version,
            elements_json=json.dumps(
                [{"code": r.code, "rating": r.rating, "comment": r.comment} for r in cleaned],
                ensure_ascii=False,
            ),
            verdict=verdict,
            assessor=ctx.actor,
            assessed_on=day,
            contract_year=contract_year,
            note=note,
        )
        session.add(row)
        AuditWriter(session, ctx.actor).created("assessment", row)
        return _assessment_record(row, contract.ref)


def rubric_hints(ctx: Context, contract_ref: str, subject: str) -> tuple[RubricHint, ...]:
    """What the newest imported workbook suggests for the rubric's elements (none for a
    yearly report, which is judged from its document). Suggestions, never a verdict."""
    with ctx.db.read() as session:
        contract = find_contract(session, contract_ref)
        newest = session.scalar(
            select(m.Submission.id)
            .where(m.Submission.contract_id == contract.id)
            .order_by(m.Submission.version_no.desc())
            .limit(1)
        )
        if newest is None or subject == "yearly-report":
            return ()
        if subject == "plan-of-action":
            risks = session.execute(
                select(m.Risk.risk_key, m.Risk.priority).where(m.Risk.submission_id == newest)
            ).all()
            measures = session.execute(
                select(m.Measure.risk_key, m.Measure.owner, m.Measure.due).where(
                    m.Measure.submission_id == newest
                )
            ).all()
            return plan_hints([(k, p) for k, p in risks], [(k, o, d) for k, o, d in measures])
        sites = session.execute(
            select(m.Site.country, m.Site.tier).where(m.Site.submission_id == newest)
        ).all()
        risk_count = (
            session.scalar(select(func.count(m.Risk.id)).where(m.Risk.submission_id == newest)) or 0
        )
        return risk_analysis_hints(
            [c for c, _t in sites], max((t for _c, t in sites), default=0), int(risk_count)
        )


def _contract_year_count(contract: m.Contract) -> int:
    from app.domain.calendar import contract_years

    return sum(1 for _ in contract_years(contract.start, contract.end))


def list_assessments(
    ctx: Context, contract_ref: str, withdrawn: bool = False
) -> list[AssessmentRecord]:
    """The contract's assessments, oldest first; withdrawn ones only with ``withdrawn``."""
    with ctx.db.read() as session:
        contract = find_contract(session, contract_ref)
        query = (
            select(m.Assessment)
            .where(m.Assessment.contract_id == contract.id)
            .order_by(m.Assessment.assessed_on, m.Assessment.id)
        )
        if not withdrawn:
            query = query.where(m.Assessment.withdrawn_at.is_(None))
        rows = session.scalars(query)
        return [_assessment_record(r, contract.ref) for r in rows]
