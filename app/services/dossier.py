"""The contract manager's dossier: the six step states and the deadlines of every
contract, the due list, and the plan agreement. Signals and escalation are in
:mod:`app.services.signals`, assessments in :mod:`app.services.assessments`, follow-up
intensity and the country-risk table in :mod:`app.services.follow_up`.

Step states and deadlines for every contract come from six plain queries whatever the
number of contracts (see :func:`gather_contract_facts`), never a query per contract, then the
pure rules in :mod:`app.domain.followup`; they are worked out afresh on each call. Only
contracts whose tender applied the ISV are followed.
"""

from __future__ import annotations

import datetime as dt
import itertools
import operator
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Date, and_, case, func, or_, select, type_coerce
from sqlalchemy.orm import Session, aliased

from app.domain.errors import ValidationError
from app.domain.followup import (
    ContractFacts,
    ContractSteps,
    Deadline,
    DeadlineKind,
    DueItem,
    contract_steps,
    evidence_expiry_matters,
    falls_due,
)
from app.domain.values import ContractRecord, not_in_future
from app.persistence import models as m
from app.services.context import Context
from app.services.registry import find_contract, mark_plan_agreed

DOCUMENT_TYPES = ("policy", "risk-analysis", "plan-of-action", "yearly-report")
OPEN_STATUSES = ("planned", "in_progress", "delayed")


# =======================================================================================
# Step states and deadlines, for all contracts at once
# =======================================================================================


def _superseded_ids(as_of: dt.date) -> Any:
    """The ids of documents superseded by one received on or before ``as_of``: an
    uncorrelated subquery, evaluated once, along the partial index of the few documents
    that correct another."""
    newer = aliased(m.Evidence)
    return select(newer.supersedes_id).where(
        newer.supersedes_id.is_not(None), newer.received_on <= as_of, newer.withdrawn_at.is_(None)
    )


def _fold_workbooks(rows: Iterable[Any]) -> dict[int, list[Any]]:
    """Per contract, from one row per workbook (contract, version, received, measures,
    open measures, first open due date): [the newest receipt, the first receipt that
    carried measures, the newest version, (its measures, open, first open due)]."""
    books: dict[int, list[Any]] = {}
    for cid, version, received, total, open_, first_due in rows:
        counts = (total, open_ or 0, first_due)
        carried = received if total else None
        book = books.get(cid)
        if book is None:
            books[cid] = [received, carried, version, counts]
            continue
        book[0] = max(book[0], received)
        if carried is not None and (book[1] is None or carried < book[1]):
            book[1] = carried
        if version > book[2]:
            book[2], book[3] = version, counts
    return books


def _fold_assessments(
    rows: Iterable[Any],
) -> tuple[dict[int, tuple[dt.date, int, str]], dict[int, frozenset[int]]]:
    """Per contract, from assessment rows (contract, subject, date, id, verdict, contract
    year): the newest risk-analysis verdict as (date, id, verdict), and the contract years
    whose newest yearly-report assessment is sufficient."""
    risk_verdict: dict[int, tuple[dt.date, int, str]] = {}
    yearly: dict[int, dict[int, tuple[dt.date, int, str]]] = {}
    for cid, subject, on, aid, verdict, year in rows:
        if subject == "risk-analysis":
            if cid not in risk_verdict or (on, aid) > risk_verdict[cid][:2]:
                risk_verdict[cid] = (on, aid, verdict)
        elif year is not None:
            per_year = yearly.setdefault(cid, {})
            if year not in per_year or (on, aid) > per_year[year][:2]:
                per_year[year] = (on, aid, verdict)
    sufficient = {
        cid: frozenset([y for y, row in years.items() if row[2] == "sufficient"])
        for cid, years in yearly.items()
    }
    return risk_verdict, sufficient


def gather_contract_facts(
    session: Session, as_of: dt.date, contract_ids: Sequence[int] | None = None
) -> list[ContractFacts]:
    """The record facts of every contract (or of ``contract_ids``) whose tender applies
    the ISV, as known on ``as_of``. (A contract from a tender that did not apply them, or
    whose decision is not recorded yet, owes no plan of action or yearly report.)

    Six plain queries whatever the number of contracts, each one grouped along an index
    or a straight scan, put together per contract here: the contracts, their documents,
    their workbooks with their measures counted, signals, escalation responses awaited,
    and the assessments. (One query joining them all made SQLite build five temporary
    indexes on every call.) Records dated after ``as_of`` are left out, so a past date
    shows the dossier as it stood then (measure statuses are the only exception: they
    are kept as they are now).
    """

    def only(query: Any, column: Any) -> Any:
        return query if contract_ids is None else query.where(column.in_(contract_ids))

    def day(expression: Any, label: str) -> Any:
        return type_coerce(expression, Date).label(label)

    # Core rows, not the ORM: these are plain columns, and the ORM's per-row machinery
    # would cost more than the queries themselves. Fetched whole: one call, not one a row.
    def run(query: Any) -> Sequence[Any]:
        return session.connection().execute(query).all()

    # documents: first policy, newest risk analysis, first plan, current yearly reports
    e = m.Evidence
    docs = {
        row[0]: row
        for row in run(
            only(
                select(
                    e.contract_id,
                    day(func.min(case((e.type == "policy", e.received_on))), "policy"),
                    day(func.max(case((e.type == "risk-analysis", e.received_on))), "analysis"),
                    day(func.min(case((e.type == "plan-of-action", e.received_on))), "plan"),
                    func.sum(
                        case(
                            (
                                and_(
                                    e.type == "yearly-report", e.id.not_in(_superseded_ids(as_of))
                                ),
                                1,
                            ),
                            else_=0,
                        )
                    ),
                )
                .where(e.type.in_(DOCUMENT_TYPES), e.received_on <= as_of, e.withdrawn_at.is_(None))
                .group_by(e.contract_id),
                e.contract_id,
            )
        )
    }

    # imported workbooks, each with its measures counted along the (submission, status,
    # due) index: the newest receipt, the first that carried measures, and how many
    # measures the newest version has, how many are open, the first open one's due date
    s, mx = m.Submission, m.Measure
    is_open = mx.status.in_(OPEN_STATUSES)
    books = _fold_workbooks(
        run(
            only(
                select(
                    s.contract_id,
                    s.version_no,
                    s.received_on,
                    func.count(mx.id),
                    func.sum(case((is_open, 1), else_=0)),
                    day(func.min(case((is_open, mx.due))), "first_due"),
                )
                .outerjoin(mx, mx.submission_id == s.id)
                .where(s.received_on <= as_of)
                .group_by(s.id),
                s.contract_id,
            )
        )
    )

    # signals (open on as_of) and escalation responses still awaited on as_of
    g = m.Signal
    still_open = or_(g.status != "closed", g.closed_on.is_(None), g.closed_on > as_of)
    signals = {
        cid: (total, open_)
        for cid, total, open_ in run(
            only(
                select(g.contract_id, func.count(g.id), func.sum(case((still_open, 1), else_=0)))
                .where(g.received_on <= as_of, g.withdrawn_at.is_(None))
                .group_by(g.contract_id),
                g.contract_id,
            )
        )
    }
    x = m.EscalationStep
    pending = dict(
        run(
            only(
                select(x.contract_id, day(func.min(x.response_due), "first"))
                .where(
                    x.taken_on <= as_of,
                    x.response_due.is_not(None),
                    or_(x.responded_on.is_(None), x.responded_on > as_of),
                    x.withdrawn_at.is_(None),
                )
                .group_by(x.contract_id),
                x.contract_id,
            )
        )
    )

    # assessments: the newest of each risk analysis; per contract year of a yearly report
    a = m.Assessment
    risk_verdict, sufficient = _fold_assessments(
        run(
            only(
                select(
                    a.contract_id, a.subject, a.assessed_on, a.id, a.verdict, a.contract_year
                ).where(
                    a.assessed_on <= as_of,
                    a.subject.in_(("risk-analysis", "yearly-report")),
                    a.withdrawn_at.is_(None),
                ),
                a.contract_id,
            )
        )
    )

    nothing: frozenset[int] = frozenset()
    no_docs = (None, None, None, None, 0)
    no_book = (None, None, 0, (0, 0, None))
    no_signals = (0, 0)
    c = m.Contract
    facts = []
    for cid, ref, start, end, plan_months, report_month, agreed, risk_months in run(
        only(
            select(
                c.id,
                c.ref,
                c.start,
                c.end,
                c.plan_months,
                c.report_month,
                c.plan_agreed_on,
                c.risk_months,
            )
            .join(m.Tender, and_(m.Tender.id == c.tender_id, m.Tender.isv_applied.is_(True)))
            .where(c.withdrawn_at.is_(None))  # a withdrawn contract leaves the dossier
            .order_by(c.ref),
            c.id,
        )
    ):
        _, policy, analysis, plan, reports = docs.get(cid, no_docs)
        book_last, book_plan, _, (m_total, m_open, m_first) = books.get(cid, no_book)
        s_total, s_open = signals.get(cid, no_signals)
        verdict = risk_verdict.get(cid)
        if book_last is not None and (analysis is None or book_last > analysis):
            analysis = book_last  # the newest risk analysis, document or workbook
        if book_plan is not None and (plan is None or book_plan < plan):
            plan = book_plan  # the first plan, document or workbook with measures
        facts.append(
            ContractFacts(
                contract_id=cid,
                ref=ref,
                start=start,
                end=end,
                plan_months=plan_months,
                report_month=report_month,
                risk_months=risk_months,
                plan_agreed_on=agreed if agreed is not None and agreed <= as_of else None,
                policy_received=policy,
                risk_analysis_received=analysis,
                risk_analysis_assessed=(verdict[0], verdict[2]) if verdict else None,
                plan_received=plan,
                measures_total=m_total,
                measures_open=m_open,
                first_open_measure_due=m_first,
                yearly_reports_received=reports or 0,
                yearly_years_assessed=sufficient.get(cid, nothing),
                signals_total=s_total,
                signals_open=s_open or 0,
                first_pending_response=pending.get(cid),
            )
        )
    return facts


_BY_REF = operator.attrgetter("contract_ref")


def _all_steps(session: Session, day: dt.date) -> list[ContractSteps]:
    """Every followed contract's step states on ``day``, in references' code-point order
    (the database's own order can follow a language's collation on a server)."""
    return sorted(
        (contract_steps(f, day) for f in gather_contract_facts(session, day)), key=_BY_REF
    )


def step_states_for_all(ctx: Context, as_of: dt.date | None = None) -> list[ContractSteps]:
    """Every contract's six step states and deadline summary on ``as_of`` (default
    today), ordered by contract reference. Plain values; the yearly report reads these."""
    with ctx.db.read() as session:
        return _all_steps(session, as_of or dt.date.today())


def step_states(ctx: Context, contract_ref: str, as_of: dt.date | None = None) -> ContractSteps:
    """One contract's step states and open deadlines."""
    day = as_of or dt.date.today()
    with ctx.db.read() as session:
        contract = find_contract(session, contract_ref)
        facts = gather_contract_facts(session, day, [contract.id])
        if not facts:
            tender = session.get_one(m.Tender, contract.tender_id)
            raise ValidationError("dossier_isv_not_applied", ref=contract.ref, tender=tender.ref)
    return contract_steps(facts[0], day)


def _document_deadlines(
    session: Session, as_of: dt.date, horizon: dt.date, contract_ids: Sequence[int] | None = None
) -> list[Deadline]:
    """Expiring evidence (while the contract runs) and escalation responses awaited, for
    contracts whose tender applies the ISV."""
    items: list[Deadline] = []
    run: Any = session.connection().execute  # Core rows: plain columns, no ORM loading
    e = m.Evidence
    isv = and_(
        m.Tender.id == m.Contract.tender_id,
        m.Tender.isv_applied.is_(True),
        m.Contract.withdrawn_at.is_(None),
    )
    query = (
        select(e.id, m.Contract.ref, e.valid_until, m.Contract.end)
        .join(m.Contract, m.Contract.id == e.contract_id)
        .join(m.Tender, isv)
        .where(
            e.received_on <= as_of,
            e.withdrawn_at.is_(None),
            e.id.not_in(_superseded_ids(as_of)),
            e.valid_until.is_not(None),
            e.valid_until <= horizon,
            e.valid_until < m.Contract.end,
            m.Contract.end >= as_of,
        )
    )
    if contract_ids is not None:
        query = query.where(e.contract_id.in_(contract_ids))
    expiry = DeadlineKind.EVIDENCE_EXPIRY
    items.extend(
        Deadline(ref, expiry, valid_until, evidence_id)
        for evidence_id, ref, valid_until, end in run(query).all()
        if evidence_expiry_matters(valid_until, end, superseded=False)
    )
    x = m.EscalationStep
    steps = (
        select(x.id, m.Contract.ref, x.response_due)
        .join(m.Contract, m.Contract.id == x.contract_id)
        .join(m.Tender, isv)
        .where(
            x.response_due.is_not(None),
            x.response_due <= horizon,
            x.taken_on <= as_of,
            or_(x.responded_on.is_(None), x.responded_on > as_of),
            x.withdrawn_at.is_(None),
        )
    )
    if contract_ids is not None:
        steps = steps.where(x.contract_id.in_(contract_ids))
    response = DeadlineKind.ESCALATION_RESPONSE
    items.extend(Deadline(ref, response, due, step_id) for step_id, ref, due in run(steps).all())
    return items


def due_items(
    ctx: Context, within: int = 30, as_of: dt.date | None = None, contract_ref: str | None = None
) -> list[DueItem]:
    """What is overdue or falls due within ``within`` days: plans of action, yearly
    reports, expiring evidence, escalation steps' response dates; soonest first. Of one
    contract (``contract_ref``) or of all."""
    return dashboard(ctx, within, as_of, contract_ref)[0]


def dashboard(
    ctx: Context, within: int = 30, as_of: dt.date | None = None, contract_ref: str | None = None
) -> tuple[list[DueItem], list[ContractSteps]]:
    """The due list of :func:`due_items` together with the step states it comes from (of
    one contract or of all), from one read: the overview shows both."""
    if within < 0:
        raise ValidationError("out_of_range", field="within", low=0, high=36500, value=within)
    day = as_of or dt.date.today()
    horizon = day + dt.timedelta(days=within)
    with ctx.db.read() as session:
        ids = None if contract_ref is None else [find_contract(session, contract_ref).id]
        documents = _document_deadlines(session, day, horizon, ids)
        if ids is None:
            steps = _all_steps(session, day)
        else:
            steps = [contract_steps(f, day) for f in gather_contract_facts(session, day, ids)]
    listed = falls_due(
        itertools.chain(
            documents,
            (
                (s.contract_ref, kind, due, key)
                for s in steps
                for kind, due, key in s.open_deadlines
                if due <= horizon
            ),
        ),
        day,
        within,
    )
    return listed, steps


# =======================================================================================
# The plan of action: the dated agreement on reasonable effort
# =======================================================================================
def agree_plan(
    ctx: Context, contract_ref: str, agreed_on: dt.date | None, expected_version: int | None
) -> ContractRecord:
    """Record (or, with ``None``, withdraw) the agreement on the plan of action."""
    not_in_future(agreed_on, "agreed-on")
    return mark_plan_agreed(ctx, contract_ref, agreed_on, expected_version)
