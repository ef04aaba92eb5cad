"""The contract manager's dossier: the six step states and the deadlines of every
contract, the due list, and the plan agreement. Signals and escalation are in
:mod:`app.services.signals`, assessments in :mod:`app.services.assessments`, follow-up
intensity and the country-risk table in :mod:`app.services.follow_up`.

Step states and deadlines for every contract come from two queries (one row per
contract with every aggregate joined in, and the assessments), never a query per
contract, then the pure rules in ``app.domain.followup``; the answer is kept until the
audit head moves. Only contracts whose tender applied the ISV are followed. Every
change is one transaction with its audit entries.
"""

from __future__ import annotations

import datetime as dt
import itertools
import operator
import threading
from collections.abc import Sequence
from typing import Any, NamedTuple

from sqlalchemy import Date, and_, case, func, or_, select, type_coerce
from sqlalchemy.orm import Session, aliased

from app.domain.errors import ValidationError
from app.domain.followup import (
    ContractFacts,
    ContractSteps,
    Deadline,
    DeadlineKind,
    DueItem,
    contract_deadlines,
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
        newer.supersedes_id.is_not(None), newer.received_on <= as_of
    )


def gather_facts(
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
    # would cost more than the queries themselves at 20,000 contracts. Fetched whole:
    # one call, not one a row.
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
                .where(e.type.in_(DOCUMENT_TYPES), e.received_on <= as_of)
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
    books: dict[int, list[Any]] = {}  # cid -> [newest receipt, first plan, v, counts]
    for cid, version, received, total, open_, first_due in run(
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
    ):
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

    # signals (open on as_of) and escalation responses still awaited on as_of
    g = m.Signal
    still_open = or_(g.status != "closed", g.closed_on.is_(None), g.closed_on > as_of)
    signals = {
        cid: (total, open_)
        for cid, total, open_ in run(
            only(
                select(g.contract_id, func.count(g.id), func.sum(case((still_open, 1), else_=0)))
                .where(g.received_on <= as_of)
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
                )
                .group_by(x.contract_id),
                x.contract_id,
            )
        )
    )

    # assessments: the newest of each risk analysis; per contract year of a yearly report
    a = m.Assessment
    risk_verdict: dict[int, tuple[dt.date, int, str]] = {}
    yearly: dict[int, dict[int, tuple[dt.date, int, str]]] = {}
    for cid, subject, on, aid, verdict, year in run(
        only(
            select(a.contract_id, a.subject, a.assessed_on, a.id, a.verdict, a.contract_year).where(
                a.assessed_on <= as_of, a.subject.in_(("risk-analysis", "yearly-report"))
            ),
            a.contract_id,
        )
    ):
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

    nothing: frozenset[int] = frozenset()
    no_docs = (None, None, None, None, 0)
    no_book = (None, None, 0, (0, 0, None))
    no_signals = (0, 0)
    make = tuple.__new__  # ContractFacts without its Python-level __new__: 20,000 a call
    c = m.Contract
    facts = []
    for cid, ref, start, end, plan_months, report_month, agreed in run(
        only(
            select(c.id, c.ref, c.start, c.end, c.plan_months, c.report_month, c.plan_agreed_on)
            .join(m.Tender, and_(m.Tender.id == c.tender_id, m.Tender.isv_applied.is_(True)))
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
            make(
                ContractFacts,
                (
                    cid,
                    ref,
                    start,
                    end,
                    plan_months,
                    report_month,
                    agreed if agreed is not None and agreed <= as_of else None,
                    policy,
                    analysis,
                    (verdict[0], verdict[2]) if verdict else None,
                    plan,
                    m_total,
                    m_open,
                    m_first,
                    reports or 0,
                    sufficient.get(cid, nothing),
                    s_total,
                    s_open or 0,
                    pending.get(cid),
                ),
            )
        )
    return facts


class _Kept(NamedTuple):
    """One database's answer for one day: the audit head it holds for, each contract's
    step states by contract id, and the same in reference order."""

    seq: int
    hash: str
    by_id: dict[int, ContractSteps]
    ordered: tuple[ContractSteps, ...]
    due: dict[int, tuple[DueItem, ...]]  # the due lists asked for, by window in days


_kept: dict[tuple[str, dt.date], _Kept] = {}
"""The kept answers, by database and day (at most ``_KEPT_DAYS`` days per database)."""
_KEPT_DAYS = 2  # the dashboard's day and one other (the yearly report's)
_REFRESH_LIMIT = 2_000
"""More audited changes than this since the kept answer: work everything out anew."""
_OWNED: dict[str, Any] = {
    "evidence": m.Evidence,
    "submission": m.Submission,
    "assessment": m.Assessment,
    "signal": m.Signal,
    "escalation_step": m.EscalationStep,
}
"""Audited records that belong to one contract (measures come with their workbook)."""
_NO_FACTS = frozenset({"organisation", "supplier", "generated_document", "country_risk_import"})
"""Audited records no contract's facts are made of."""
_BY_REF = operator.attrgetter("contract_ref")  # steps in references' code-point order
_KEPT_LOCK = threading.Lock()
"""Held while the kept answers or a kept answer's due lists change (the window asks from
several threads)."""
_last_refresh = ["none"]


def forget_kept_answers() -> None:
    """Drop the kept answers (benchmarks; a test that edits rows directly)."""
    with _KEPT_LOCK:
        _kept.clear()


def last_refresh() -> str:
    """How the last answer for all contracts came about: ``kept`` (nothing changed),
    ``changed N`` (N contracts worked out again) or ``full`` (all of them)."""
    return _last_refresh[0]


def _head(session: Session) -> tuple[int, str]:
    head = session.execute(
        select(m.AuditHead.seq, m.AuditHead.hash).where(m.AuditHead.id == 1)
    ).one_or_none()
    return (int(head[0]), str(head[1])) if head is not None else (-1, "")


def _touched_contracts(session: Session, seq: int, chain_hash: str) -> set[int] | None:
    """The contracts whose facts the audited changes after entry ``seq`` (the one with
    hash ``chain_hash``) can have changed. None when that cannot be told for certain: too
    many changes, a kind of record not known here, a changed record no longer there, or
    a history that does not go on from that entry (another database file, a restored
    backup)."""
    e = m.AuditEntry
    rows = session.execute(
        select(e.seq, e.prev_hash, e.entity, e.entity_id)
        .where(e.seq > seq)
        .order_by(e.seq)
        .limit(_REFRESH_LIMIT + 1)
    ).all()
    if not rows or len(rows) > _REFRESH_LIMIT or rows[0][0] != seq + 1 or rows[0][1] != chain_hash:
        return None
    wanted: dict[str, set[int]] = {}
    for _seq, _prev, entity, entity_id in rows:
        if entity in _NO_FACTS:
            continue
        if entity not in _OWNED and entity not in ("contract", "tender"):
            return None
        if not entity_id.isdigit():
            return None
        wanted.setdefault(entity, set()).add(int(entity_id))
    touched = wanted.pop("contract", set())
    tenders = wanted.pop("tender", None)
    if tenders:
        touched.update(
            session.scalars(select(m.Contract.id).where(m.Contract.tender_id.in_(tenders)))
        )
    for entity, ids in wanted.items():
        model = _OWNED[entity]
        found = session.execute(select(model.id, model.contract_id).where(model.id.in_(ids))).all()
        if len(found) != len(ids):
            return None
        touched.update(cid for _id, cid in found)
    return touched


def _refreshed_due(
    session: Session,
    day: dt.date,
    within: int,
    listed: Sequence[DueItem],
    before: dict[int, ContractSteps],
    now: dict[int, ContractSteps],
    touched: set[int],
) -> tuple[DueItem, ...]:
    """A kept due list with the items of the ``touched`` contracts made again (under
    their reference before and now, should it have changed)."""
    refs = {before[c].contract_ref for c in touched if c in before} | {
        now[c].contract_ref for c in touched if c in now
    }
    horizon = day + dt.timedelta(days=within)
    fresh: list[tuple[str, str, dt.date, int | None]] = list(
        _document_deadlines(session, day, horizon, sorted(touched)) if touched else ()
    )
    for cid in touched:
        steps = now.get(cid)
        if steps is not None:
            fresh.extend(
                (steps.contract_ref, kind, due, key)
                for kind, due, key in steps.open_deadlines
                if due <= horizon
            )
    return tuple(
        falls_due(fresh, day, within, listed=[d for d in listed if d.contract_ref not in refs])
    )


def _all_steps(ctx: Context, day: dt.date, use_cache: bool) -> tuple[ContractSteps, ...]:
    """Every contract's step states on ``day``, in reference order.

    Kept per database and day. Each change to the records they come from writes an audit
    entry and so moves the audit head, read in the same transaction as the records: an
    unmoved head gives the kept answer back; a moved one, the contracts named by the new
    entries worked out again (see ``_touched_contracts``); anything else, all of them.
    """
    place = (ctx.db.location, day)
    kept = _kept.get(place) if use_cache else None
    with ctx.db.read() as session:
        seq, chain_hash = _head(session)
        if kept is not None and (kept.seq, kept.hash) == (seq, chain_hash):
            _last_refresh[0] = "kept"
            return kept.ordered
        touched = (
            None
            if kept is None or seq < kept.seq
            else _touched_contracts(session, kept.seq, chain_hash=kept.hash)
        )
        if touched is None:
            by_id = {f.contract_id: contract_steps(f, day) for f in gather_facts(session, day)}
            # in references' code-point order, as a refresh sorts them (the database's
            # own order can follow a language's collation on a server); the rows come
            # in order already on SQLite, so the sort only checks them there
            ordered = tuple(sorted(by_id.values(), key=_BY_REF))
            due = {}
            _last_refresh[0] = "full"
        else:
            assert kept is not None
            changed = gather_facts(session, day, sorted(touched)) if touched else []
            by_id = dict(kept.by_id)
            for cid in touched:
                by_id.pop(cid, None)
            for facts in changed:
                by_id[facts.contract_id] = contract_steps(facts, day)
            same_order = len(by_id) == len(kept.by_id) and all(
                f.contract_id in kept.by_id and kept.by_id[f.contract_id].contract_ref == f.ref
                for f in changed
            )
            ordered = (
                tuple([by_id[s.contract_id] for s in kept.ordered])
                if same_order
                else tuple(sorted(by_id.values(), key=_BY_REF))
            )
            with _KEPT_LOCK:  # another thread may be adding a window's list
                windows = list(kept.due.items())
            due = {
                within: _refreshed_due(session, day, within, listed, kept.by_id, by_id, touched)
                for within, listed in windows
            }
            _last_refresh[0] = f"changed {len(touched)}"
    with _KEPT_LOCK:
        _kept.pop(place, None)
        _kept[place] = _Kept(seq, chain_hash, by_id, ordered, due)
        days = [key for key in _kept if key[0] == place[0]]
        for key in days[:-_KEPT_DAYS]:
            del _kept[key]
    return ordered


def step_states_for_all(
    ctx: Context, as_of: dt.date | None = None, *, use_cache: bool = True
) -> list[ContractSteps]:
    """Every contract's six step states and deadline summary on ``as_of`` (default
    today), ordered by contract reference. Plain values; the yearly report reads these.

    The answer is kept per database and day and brought up to date from the audit
    trail (see ``_all_steps``); ``use_cache=False`` works it all out afresh.
    """
    return list(_all_steps(ctx, as_of or dt.date.today(), use_cache))


def step_states(ctx: Context, contract_ref: str, as_of: dt.date | None = None) -> ContractSteps:
    """One contract's step states and open deadlines."""
    day = as_of or dt.date.today()
    with ctx.db.read() as session:
        contract = find_contract(session, contract_ref)
        facts = gather_facts(session, day, [contract.id])
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
    isv = and_(m.Tender.id == m.Contract.tender_id, m.Tender.isv_applied.is_(True))
    query = (
        select(e.id, m.Contract.ref, e.valid_until, m.Contract.end)
        .join(m.Contract, m.Contract.id == e.contract_id)
        .join(m.Tender, isv)
        .where(
            e.received_on <= as_of,
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
    reports, expiring evidence, escalation steps' response dates; soonest first.

    The list of every contract is kept with the step states it comes from, and brought
    up to date with them after a change (see ``_all_steps``).
    """
    if within < 0:
        raise ValidationError("out_of_range", field="within", low=0, high=36500, value=within)
    day = as_of or dt.date.today()
    horizon = day + dt.timedelta(days=within)
    if contract_ref is not None:
        with ctx.db.read() as session:
            ids = [find_contract(session, contract_ref).id]
            items: list[Deadline] = _document_deadlines(session, day, horizon, ids)
            for facts in gather_facts(session, day, ids):
                items.extend(contract_deadlines(facts, day, horizon))
        return falls_due(items, day, within)
    # every contract: the kept step states hold their open deadlines, and the list is kept
    # with them (brought up to date with them after a change)
    ordered = _all_steps(ctx, day, use_cache=True)
    kept = _kept.get((ctx.db.location, day))
    if kept is None or kept.ordered is not ordered:
        kept = None  # another thread has just brought the answer further along
    listed = kept.due.get(within) if kept is not None else None
    if listed is None:
        with ctx.db.read() as session:
            documents = _document_deadlines(session, day, horizon)
        listed = tuple(
            falls_due(
                itertools.chain(
                    documents,
                    (
                        (steps.contract_ref, kind, due, key)
                        for steps in ordered
                        for kind, due, key in steps.open_deadlines
                        if due <= horizon
                    ),
                ),
                day,
                within,
            )
        )
        if kept is not None:
            with _KEPT_LOCK:
                kept.due[within] = listed
    return list(listed)


# =======================================================================================
# The plan of action: the dated agreement on reasonable effort
# =======================================================================================


def agree_plan(
    ctx: Context, contract_ref: str, agreed_on: dt.date | None, expected_version: int | None = None
) -> ContractRecord:
    """Record (or, with ``None``, withdraw) the agreement on the plan of action."""
    not_in_future(agreed_on, "agreed-on")
    return mark_plan_agreed(ctx, contract_ref, agreed_on, expected_version)
