"""A contract's row in the yearly report: the contract figures it counts in (or the
items it counts, where a figure counts items) and its OECD steps' states on the
report's date, from the contract's own facts. :mod:`app.domain.report` sums the rows.

Standard library only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from app.domain.deadlines import plan_due, report_schedule, risk_analysis_due
from app.domain.followup import (
    OPEN_MEASURE_STATUSES,
    STEP_CODES,
    ContractFacts,
    StepState,
    derive_states,
    evidence_expiry_matters,
)
from app.domain.report_facts import (
    AssessmentFact,
    ContractFact,
    EscalationFact,
    EvidenceFact,
    RiskFact,
    SignalFact,
    SubmissionFact,
    TenderFact,
)
from app.domain.report_figures import (
    CONTRACT_FIGURES,
)

EXPIRY_WINDOW_DAYS = 90
"""Evidence counts as expiring when its validity ends up to this many days after ``as_of``."""

CLOSED_MEASURE_STATUSES = ("completed", "cancelled")


@dataclass(frozen=True)
class ContractRow:
    """One contract active in the year with its deadlines and the flags (or counts) that
    put it in each figure."""

    fact: ContractFact
    tender_ref: str
    category_code: str
    category_set: str | None
    isv: bool
    plan_due: dt.date
    risk_analysis_first: dt.date | None
    latest_submission: int | None
    flags: Mapping[str, int]
    steps: Mapping[str, str] = field(default_factory=dict)
    risk_counts: Mapping[tuple[str, str], int] = field(default_factory=dict)
    """The risks of the latest workbook (contracts with ISV) by (theme, priority): the
    rows behind the figure ``risks`` split by theme and priority, and behind the SDG
    counts. In risk-key order of first appearance."""


@dataclass
class ContractRecords:
    """The records of one contract that a report counts, by kind."""

    submissions: list[SubmissionFact] = field(default_factory=list)
    evidence: list[EvidenceFact] = field(default_factory=list)
    assessments: list[AssessmentFact] = field(default_factory=list)
    signals: list[SignalFact] = field(default_factory=list)
    escalations: list[EscalationFact] = field(default_factory=list)


def between(day: dt.date | None, first: dt.date, last: dt.date) -> bool:
    """Whether ``day`` is known and lies from ``first`` to ``last``, both included."""
    return day is not None and first <= day <= last


def contract_flags(
    contract: ContractFact,
    tender: TenderFact | None,
    facts: ContractRecords,
    *,
    year: int,
    as_of: dt.date,
    escalation_codes: Sequence[str],
    blank: Mapping[str, int] | None = None,
) -> ContractRow:
    """The contract figures this contract counts in; counts where a figure counts items.
    ``blank`` is the flags dict with every code at 0 (built once by :func:`count_year`)."""
    year_start = dt.date(year, 1, 1)
    isv = tender is not None and tender.isv_applied is True
    flags = dict(blank) if blank is not None else blank_contract_flags(escalation_codes)
    flags["contracts_active"] = 1
    flags["contracts_value"] = contract.value_cents or 0
    flags["contracts_isv"] = int(isv)
    due = plan_due(contract.start, contract.plan_months)
    risk_due = risk_analysis_due(contract.start, contract.plan_months, contract.risk_months)
    workbooks = [s for s in facts.submissions if s.received_on <= as_of]
    received = [s.received_on for s in workbooks]
    received += [
        e.received_on
        for e in facts.evidence
        if e.type == "risk-analysis" and e.received_on <= as_of
    ]
    first = min(received) if received else None
    latest = max(workbooks, key=_newest_workbook) if workbooks else None
    category = tender.category_code if tender else ""
    category_set = tender.category_set if tender else None
    steps: dict[str, str] = {}
    risk_counts: dict[tuple[str, str], int] = {}
    if isv:
        states = derive_states(step_facts(contract, facts, as_of), as_of)
        steps = {code: state.value for code, state in zip(STEP_CODES, states, strict=True)}
        flags["risk_analysis_received"] = int(first is not None)
        flags["risk_analysis_on_time"] = int(first is not None and first <= risk_due)
        flags["risk_analysis_late"] = int(first is not None and first > risk_due)
        flags["risk_analysis_overdue"] = int(states[_RISK_ANALYSIS] is StepState.OVERDUE)
        flags["plan_agreed"] = int(states[_PLAN_OF_ACTION] is StepState.DONE)
        flags["plan_overdue"] = int(states[_PLAN_OF_ACTION] is StepState.OVERDUE)
        flags["yearly_report_due"] = int(
            any(
                year_start <= r.due <= as_of
                for r in report_schedule(contract.start, contract.end, contract.report_month)
            )
        )
        flags["yearly_report_received"] = int(
            any(
                e.type == "yearly-report" and year_start <= e.received_on <= as_of
                for e in facts.evidence
            )
        )
        flags["yearly_report_sufficient"] = int(
            any(
                a.subject == "yearly-report"
                and a.verdict == "sufficient"
                and year_start <= a.assessed_on <= as_of
                for a in facts.assessments
            )
        )
        if latest is not None:
            flags["risks"] = len(latest.risks)
            flags["risks_high"] = sum(1 for r in latest.risks if r.priority == "high")
            flags["measures"] = len(latest.measures)
            flags["measures_completed"] = sum(1 for x in latest.measures if x.status == "completed")
            flags["measures_overdue"] = sum(
                1
                for x in latest.measures
                if x.due < as_of and x.status not in CLOSED_MEASURE_STATUSES
            )
            for r in sorted(latest.risks, key=_risk_key):
                pair = (r.theme, r.priority)
                risk_counts[pair] = risk_counts.get(pair, 0) + 1
        if facts.signals:
            flags["signals_received"] = sum(
                1 for s in facts.signals if year_start <= s.received_on <= as_of
            )
            flags["signals_closed"] = sum(
                1 for s in facts.signals if between(s.closed_on, year_start, as_of)
            )
            flags["signals_open"] = sum(
                1 for s in facts.signals if s.received_on <= as_of and _open_on(s, as_of)
            )
        for taken in facts.escalations:
            if year_start <= taken.taken_on <= as_of:
                flags["escalation_steps"] += 1
                key = f"escalation_{taken.step}"
                flags[key] = flags.get(key, 0) + 1
        if facts.evidence:
            superseded = _superseded(facts.evidence, as_of)
            window_end = as_of + dt.timedelta(days=EXPIRY_WINDOW_DAYS)
            flags["evidence_expiring"] = sum(
                1
                for e in facts.evidence
                if e.received_on <= as_of
                and e.valid_until is not None
                and year_start <= e.valid_until <= window_end
                and evidence_expiry_matters(e.valid_until, contract.end, e.uid in superseded)
            )
    return ContractRow(
        fact=contract,
        tender_ref=tender.ref if tender else "",
        category_code=category,
        category_set=category_set,
        isv=isv,
        plan_due=due,
        risk_analysis_first=first,
        latest_submission=latest.version_no if latest else None,
        flags=flags,
        steps=steps,
        risk_counts=risk_counts,
    )


_RISK_ANALYSIS = STEP_CODES.index("risk_analysis")
_PLAN_OF_ACTION = STEP_CODES.index("plan_of_action")


def _newest_workbook(submission: SubmissionFact) -> tuple[int, dt.date]:
    return submission.version_no, submission.received_on


def _risk_key(risk: RiskFact) -> str:
    return risk.risk_key


def blank_contract_flags(escalation_codes: Sequence[str]) -> dict[str, int]:
    flags = dict.fromkeys(CONTRACT_FIGURES, 0)
    for step in escalation_codes:
        flags[f"escalation_{step}"] = 0
    return flags


def _superseded(evidence: Iterable[EvidenceFact], as_of: dt.date) -> set[str]:
    """Uids of documents replaced by a newer one received by ``as_of``."""
    return {e.supersedes_uid for e in evidence if e.supersedes_uid and e.received_on <= as_of}


def _open_on(signal: SignalFact, as_of: dt.date) -> bool:
    return signal.status != "closed" or signal.closed_on is None or signal.closed_on > as_of


def step_facts(contract: ContractFact, facts: ContractRecords, as_of: dt.date) -> ContractFacts:
    """What the records say about one contract on ``as_of``, in the shape the dossier's
    step rules (:func:`app.domain.followup.derive_steps`) take; records dated after
    ``as_of`` are left out, as the dossier does."""
    docs = [e for e in facts.evidence if e.received_on <= as_of]
    superseded = _superseded(docs, as_of)

    def received(kind: str) -> list[dt.date]:
        return [e.received_on for e in docs if e.type == kind]

    workbooks = [s for s in facts.submissions if s.received_on <= as_of]
    analysis = received("risk-analysis") + [s.received_on for s in workbooks]
    plans = received("plan-of-action") + [s.received_on for s in workbooks if s.measures]
    latest = max(workbooks, key=lambda s: (s.version_no, s.received_on), default=None)
    open_measures = [
        x for x in (latest.measures if latest else ()) if x.status in OPEN_MEASURE_STATUSES
    ]
    assessed = sorted(
        (a for a in facts.assessments if a.assessed_on <= as_of),
        key=lambda a: (a.assessed_on, a.uid),
    )
    risk_verdicts = [a for a in assessed if a.subject == "risk-analysis"]
    yearly: dict[int, str] = {}
    for a in assessed:
        if a.subject == "yearly-report" and a.contract_year is not None:
            yearly[a.contract_year] = a.verdict  # the newest per year wins
    signals = [g for g in facts.signals if g.received_on <= as_of]
    pending = [
        x.response_due
        for x in facts.escalations
        if x.taken_on <= as_of
        and x.response_due is not None
        and (x.responded_on is None or x.responded_on > as_of)
    ]
    policy = received("policy")
    return ContractFacts(
        contract_id=0,
        ref=contract.ref,
        start=contract.start,
        end=contract.end,
        plan_months=contract.plan_months,
        report_month=contract.report_month,
        risk_months=contract.risk_months,
        plan_agreed_on=(
            contract.plan_agreed_on
            if contract.plan_agreed_on is not None and contract.plan_agreed_on <= as_of
            else None
        ),
        policy_received=min(policy) if policy else None,
        risk_analysis_received=max(analysis) if analysis else None,
        risk_analysis_assessed=(
            (risk_verdicts[-1].assessed_on, risk_verdicts[-1].verdict) if risk_verdicts else None
        ),
        plan_received=min(plans) if plans else None,
        measures_total=len(latest.measures) if latest else 0,
        measures_open=len(open_measures),
        first_open_measure_due=min((x.due for x in open_measures), default=None),
        yearly_reports_received=sum(
            1 for e in docs if e.type == "yearly-report" and e.uid not in superseded
        ),
        yearly_years_assessed=frozenset(y for y, v in yearly.items() if v == "sufficient"),
        signals_total=len(signals),
        signals_open=sum(1 for g in signals if _open_on(g, as_of)),
        first_pending_response=min(pending) if pending else None,
    )
