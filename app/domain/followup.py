"""Following a contract after award: the six OECD steps, their deadlines, and the
buyer's escalation ladder. Standard library only; every input is a plain value. The
assessment rubric is in :mod:`app.domain.rubric`, where to look first in
:mod:`app.domain.intensity`.

The step states are *derived* from record facts (documents received, the dated plan
agreement, measures, assessments, signals, escalation steps), never ticked by hand:

1. ``policy``: done once an ISV policy document is received; overdue when none has
   arrived by the plan-of-action due date; else not started.
2. ``risk_analysis``: done once a risk analysis (document or imported workbook) is
   received; in progress when the newest assessment of it is *insufficient* and nothing
   newer has arrived since; overdue when none has arrived by its own due date
   (``risk_months`` after the start), or by the plan due date when the contract sets no
   term of its own for it.
3. ``plan_of_action``: done on the dated agreement (``plan_agreed_on``); overdue when not
   agreed by its due date; in progress when a plan (document, or a workbook with
   measures) was received but not yet agreed; else not started.
4. ``monitoring``: over the measures of the newest workbook. None: not started; an
   open measure (not completed, not cancelled) past its due date: overdue; all
   completed or cancelled: done; else in progress.
5. ``reporting``: one yearly report per contract year (see ``app.domain.deadlines``),
   the k-th current yearly-report document covering contract year k. A report past its
   due date and not received: overdue; every report of the contract received and its
   newest assessment sufficient: done; none due and none received: not started; else in
   progress.
6. ``remediation``: no signals: not started; an escalation step whose response date
   has passed without a response: overdue; signals still open: in progress; all
   signals closed: done.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import NamedTuple

from app.domain.clauses import DEFAULT_PLAN_MONTHS, DEFAULT_REPORT_MONTH
from app.domain.deadlines import ReportDue, plan_due, report_schedule, risk_analysis_due
from app.domain.errors import ValidationError

# ---------------------------------------------------------------------------------------
# Step states
# ---------------------------------------------------------------------------------------


class StepState(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    OVERDUE = "overdue"
    NOT_APPLICABLE = "not_applicable"
    """Remediation when no harm or signal is on record: nothing to remedy."""


STEP_CODES = ("policy", "risk_analysis", "plan_of_action", "monitoring", "reporting", "remediation")
"""The six OECD steps in order, as coded in ``resources/scales.json``."""

OPEN_MEASURE_STATUSES = frozenset({"planned", "in_progress", "delayed"})
SIGNAL_STATUSES = ("open", "in_progress", "closed")


class ContractFacts(NamedTuple):
    """What the records say about one contract, gathered by the dossier service.

    Dates are the relevant ``received_on``/``assessed_on`` values; counts are of rows.
    ``yearly_reports_received`` counts current (not superseded) yearly-report documents.
    A named tuple, not a frozen dataclass: as immutable and cheaper to make, and the
    dashboard makes one per contract.
    """

    contract_id: int
    ref: str
    start: dt.date
    end: dt.date
    plan_months: int = DEFAULT_PLAN_MONTHS
    report_month: int = DEFAULT_REPORT_MONTH
    plan_agreed_on: dt.date | None = None
    policy_received: dt.date | None = None
    risk_analysis_received: dt.date | None = None  # the newest, document or workbook
    risk_analysis_assessed: tuple[dt.date, str] | None = None  # newest (date, verdict)
    plan_received: dt.date | None = None
    measures_total: int = 0
    measures_open: int = 0
    first_open_measure_due: dt.date | None = None
    yearly_reports_received: int = 0
    yearly_years_assessed: frozenset[int] = frozenset()
    signals_total: int = 0
    signals_open: int = 0
    first_pending_response: dt.date | None = None
    risk_months: int | None = None
    """The risk analysis's own term; ``None``: due with the plan of action."""


@dataclass(frozen=True)
class StepStatus:
    """One OECD step of one contract: its state, the deadline that applies, and why."""

    number: int
    code: str
    state: StepState
    due: dt.date | None
    reason: str  # message code
    params: Mapping[str, object] = field(default_factory=dict)


_Raw = tuple[StepState, "dt.date | None", str, Mapping[str, object]]
_NONE: Mapping[str, object] = MappingProxyType({})  # shared, so read-only
NOT_STARTED, IN_PROGRESS, DONE, OVERDUE, NOT_APPLICABLE = (
    StepState.NOT_STARTED,
    StepState.IN_PROGRESS,
    StepState.DONE,
    StepState.OVERDUE,
    StepState.NOT_APPLICABLE,
)


def _policy(f: ContractFacts, as_of: dt.date, due: dt.date) -> _Raw:
    if f.policy_received is not None:
        return (DONE, due, "dossier_step_policy_received", {"date": f.policy_received})
    if as_of > due:
        return (OVERDUE, due, "dossier_step_policy_missing_overdue", {"date": due})
    return (NOT_STARTED, due, "dossier_step_policy_awaited", {"date": due})


def _risk_analysis(f: ContractFacts, as_of: dt.date, due: dt.date) -> _Raw:
    received = f.risk_analysis_received
    if received is not None:
        assessed = f.risk_analysis_assessed
        if assessed is not None and assessed[1] == "insufficient" and received <= assessed[0]:
            return (
                IN_PROGRESS,
                due,
                "dossier_step_risk_analysis_insufficient",
                {"date": assessed[0]},
            )
        return (DONE, due, "dossier_step_risk_analysis_received", {"date": received})
    if as_of > due:
        return (OVERDUE, due, "dossier_step_risk_analysis_missing_overdue", {"date": due})
    return (NOT_STARTED, due, "dossier_step_risk_analysis_awaited", {"date": due})


def _plan(f: ContractFacts, as_of: dt.date, due: dt.date) -> _Raw:
    if f.plan_agreed_on is not None:
        return (DONE, due, "dossier_step_plan_agreed", {"date": f.plan_agreed_on})
    if as_of > due:
        return (OVERDUE, due, "dossier_step_plan_not_agreed_overdue", {"date": due})
    if f.plan_received is not None:
        return (
            IN_PROGRESS,
            due,
            "dossier_step_plan_received_not_agreed",
            {"date": f.plan_received},
        )
    return (NOT_STARTED, due, "dossier_step_plan_awaited", {"date": due})


def _monitoring(f: ContractFacts, as_of: dt.date) -> _Raw:
    if f.measures_total == 0:
        return (NOT_STARTED, None, "dossier_step_monitoring_none", _NONE)
    first = f.first_open_measure_due
    if f.measures_open and first is not None and first < as_of:
        return (OVERDUE, first, "dossier_step_monitoring_measure_overdue", {"date": first})
    if f.measures_open == 0:
        return (DONE, None, "dossier_step_monitoring_all_done", {"count": f.measures_total})
    return (
        IN_PROGRESS,
        first,
        "dossier_step_monitoring_in_progress",
        {"open": f.measures_open, "count": f.measures_total},
    )


def _reporting(f: ContractFacts, as_of: dt.date, reports: tuple[ReportDue, ...]) -> _Raw:
    received = f.yearly_reports_received
    total = len(reports)
    for report in reports[received:]:
        if report.due < as_of:
            return (
                OVERDUE,
                report.due,
                "dossier_step_reporting_overdue",
                {"year": report.contract_year, "date": report.due},
            )
        break  # reports are in date order: the first one still owed decides
    next_due = reports[received].due if received < total else None
    if received >= total:
        if all(r.contract_year in f.yearly_years_assessed for r in reports):
            return (DONE, None, "dossier_step_reporting_all_done", {"count": total})
        return (IN_PROGRESS, None, "dossier_step_reporting_to_assess", {"count": received})
    if received == 0:
        return (NOT_STARTED, next_due, "dossier_step_reporting_first_due", {"date": next_due})
    return (
        IN_PROGRESS,
        next_due,
        "dossier_step_reporting_next_due",
        {"count": received, "total": total, "date": next_due},
    )


def _remediation(f: ContractFacts, as_of: dt.date) -> _Raw:
    pending = f.first_pending_response
    if pending is not None and pending < as_of:
        return (OVERDUE, pending, "dossier_step_remediation_response_overdue", {"date": pending})
    if f.signals_total == 0:
        return (NOT_APPLICABLE, pending, "dossier_step_remediation_no_signals", _NONE)
    if f.signals_open:
        return (
            IN_PROGRESS,
            pending,
            "dossier_step_remediation_open",
            {"open": f.signals_open, "count": f.signals_total},
        )
    return (DONE, pending, "dossier_step_remediation_closed", {"count": f.signals_total})


def _risk_due(facts: ContractFacts) -> dt.date:
    return risk_analysis_due(facts.start, facts.plan_months, facts.risk_months)


def _dates(facts: ContractFacts) -> tuple[dt.date, tuple[ReportDue, ...]]:
    """The plan of action's due date and the yearly reports' schedule (both remembered)."""
    return (
        plan_due(facts.start, facts.plan_months),
        report_schedule(facts.start, facts.end, facts.report_month),
    )


def _raw_steps(
    facts: ContractFacts, as_of: dt.date, due: dt.date, reports: tuple[ReportDue, ...]
) -> tuple[_Raw, ...]:
    """The six rules, given the plan's ``due`` date and the ``reports`` (see _dates)."""
    return (
        _policy(facts, as_of, due),
        _risk_analysis(facts, as_of, _risk_due(facts)),
        _plan(facts, as_of, due),
        _monitoring(facts, as_of),
        _reporting(facts, as_of, reports),
        _remediation(facts, as_of),
    )


def derive_steps(facts: ContractFacts, as_of: dt.date) -> tuple[StepStatus, ...]:
    """The six step states of one contract on ``as_of``, with due dates and reasons."""
    return tuple(
        StepStatus(number, code, *raw)
        for number, code, raw in zip(
            range(1, 7), STEP_CODES, _raw_steps(facts, as_of, *_dates(facts)), strict=True
        )
    )


def derive_states(facts: ContractFacts, as_of: dt.date) -> tuple[StepState, ...]:
    """Only the six states (the same rules as :func:`derive_steps`, without building the
    reasons): what a dashboard over every contract needs."""
    return tuple([raw[0] for raw in _raw_steps(facts, as_of, *_dates(facts))])


# ---------------------------------------------------------------------------------------
# Deadlines
# ---------------------------------------------------------------------------------------


class DeadlineKind(StrEnum):
    RISK_ANALYSIS = "risk-analysis"
    """Only for a contract that gives the risk analysis a term of its own; otherwise it
    is due with the plan of action, and listed as that."""
    PLAN_OF_ACTION = "plan-of-action"
    YEARLY_REPORT = "yearly-report"
    EVIDENCE_EXPIRY = "evidence-expiry"
    ESCALATION_RESPONSE = "escalation-response"


_PLAN, _REPORT = DeadlineKind.PLAN_OF_ACTION, DeadlineKind.YEARLY_REPORT


class Deadline(NamedTuple):
    """Something a contract owes by a date and that has not happened yet.

    ``key`` identifies it within its kind: the contract year of a yearly report, the
    evidence id of an expiring document, the escalation step id of a response.
    """

    contract_ref: str
    kind: DeadlineKind
    due: dt.date
    key: int | None = None


def _open_deadlines(
    facts: ContractFacts, as_of: dt.date, due: dt.date, reports: tuple[ReportDue, ...]
) -> list[tuple[DeadlineKind, dt.date, int | None]]:
    """The plan of action (``due``) while not agreed and the contract runs, the risk
    analysis with a term of its own while none is received and the contract runs, and
    every yearly report of ``reports`` (the schedule) not yet received."""
    items: list[tuple[DeadlineKind, dt.date, int | None]] = [
        (_REPORT, report.due, report.contract_year)
        for report in reports[facts.yearly_reports_received :]
    ]
    if facts.plan_agreed_on is None and as_of <= facts.end:
        items.insert(0, (_PLAN, due, None))
    if (
        facts.risk_months is not None
        and facts.risk_analysis_received is None
        and as_of <= facts.end
    ):
        items.insert(0, (DeadlineKind.RISK_ANALYSIS, _risk_due(facts), None))
    return items


def contract_deadlines(
    facts: ContractFacts, as_of: dt.date, horizon: dt.date | None = None
) -> list[Deadline]:
    """The open deadlines that follow from the contract itself (those due by
    ``horizon`` when given).

    - The plan of action, while not agreed and while the contract runs (after the end
      nothing can be agreed any more; the step stays overdue in the dossier).
    - The risk analysis, when the contract gives it a term of its own, while none is
      received and the contract runs.
    - Each yearly report not yet received (the k-th received covers contract year k).
    """
    ref = facts.ref
    return [
        Deadline(ref, kind, due, key)
        for kind, due, key in _open_deadlines(facts, as_of, *_dates(facts))
        if horizon is None or due <= horizon
    ]


def evidence_expiry_matters(valid_until: dt.date, contract_end: dt.date, superseded: bool) -> bool:
    """An expiry date is a deadline only for a current document whose validity ends
    before the contract does (a certificate valid past the end covers the contract)."""
    return not superseded and valid_until < contract_end


def falls_due(
    items: Iterable[tuple[str, str, dt.date, int | None]],
    as_of: dt.date,
    within: int,
) -> list[DueItem]:
    """The due list: of ``items`` (deadlines, or any ``(contract, kind, due date, key)``),
    those overdue or due within ``within`` days, soonest first, with their days left."""
    horizon = as_of + dt.timedelta(days=within)
    first = as_of.toordinal()  # days left by ordinals: no timedelta per item
    chosen = [
        DueItem(
            contract_ref=ref, kind=str(kind), due=due, days_left=due.toordinal() - first, key=key
        )
        for ref, kind, due, key in items
        if due <= horizon
    ]
    chosen.sort(key=_SOONEST_FIRST)
    return chosen


_SOONEST_FIRST = operator.itemgetter(2, 0, 1, 4)
"""The due list's order: due date, contract, kind, key. An ``itemgetter``, not a Python
function called per item: the dashboard sorts every contract's deadlines. Within one
contract and kind the keys are all numbers or, for the one plan of action, None, so two
keys of different types are never compared."""


# ---------------------------------------------------------------------------------------
# Escalation: the buyer's ladder
# ---------------------------------------------------------------------------------------

ESCALATION_ORDER = ("dialogue", "external-advice", "notice-of-default", "penalty", "termination")


def check_escalation_step(
    existing: Sequence[tuple[str, dt.date]],
    step: str,
    taken_on: dt.date,
    amount_cents: int | None,
    skip_reason: str | None = None,
) -> None:
    """Refuse a step that breaks the ladder's rules.

    The ladder runs in its order: a penalty or termination only after the earlier rungs
    were taken (on or before its date), unless a reason for skipping them is recorded;
    never without a notice of default dated before it (the supplier must have been given
    the chance to remedy), whatever the reason. A penalty needs an amount; only a penalty
    has one. Dialogue, advice and a notice of default may be taken in any order.
    """
    if step not in ESCALATION_ORDER:
        raise ValidationError(
            "dossier_unknown_escalation_step", value=step, allowed=", ".join(ESCALATION_ORDER)
        )
    if step == "penalty":
        if amount_cents is None or amount_cents <= 0:
            raise ValidationError("dossier_penalty_amount_required")
    elif amount_cents is not None:
        raise ValidationError("dossier_amount_only_for_penalty", step=step)
    if step in ("penalty", "termination"):
        notices = [day for code, day in existing if code == "notice-of-default"]
        if not notices:
            raise ValidationError(f"dossier_{step}_needs_notice")
        if min(notices) >= taken_on:
            raise ValidationError(
                f"dossier_{step}_before_notice", notice=min(notices), date=taken_on
            )
        earlier = ESCALATION_ORDER[: ESCALATION_ORDER.index(step)]
        taken = {code for code, day in existing if day <= taken_on}
        missing = [code for code in earlier if code not in taken]
        if missing and not (skip_reason or "").strip():
            raise ValidationError("dossier_step_skips_rungs", step=step, missing=", ".join(missing))


# ---------------------------------------------------------------------------------------
# Values the dossier service returns
# ---------------------------------------------------------------------------------------


class ContractSteps(NamedTuple):
    """A contract's six step states (in OECD order) on ``as_of``, with its soonest open
    deadline and how many are overdue (plan of action, yearly reports).

    ``steps`` (due dates and reasons) and ``deadlines`` (each open one) are worked out
    when asked for, so a dashboard over every contract pays only for what it shows.
    A named tuple for the same reason as :class:`ContractFacts`.
    """

    contract_id: int
    contract_ref: str
    states: tuple[StepState, ...]
    next_due: dt.date | None
    overdue: int
    facts: ContractFacts
    as_of: dt.date
    open_deadlines: tuple[tuple[DeadlineKind, dt.date, int | None], ...] = ()

    @property
    def steps(self) -> tuple[StepStatus, ...]:
        return derive_steps(self.facts, self.as_of)

    @property
    def deadlines(self) -> tuple[Deadline, ...]:
        """The open deadlines from the contract itself (see :func:`contract_deadlines`)."""
        ref = self.contract_ref
        return tuple(Deadline(ref, kind, due, key) for kind, due, key in self.open_deadlines)

    def state(self, code: str) -> StepState:
        return self.states[STEP_CODES.index(code)]


def contract_steps(facts: ContractFacts, as_of: dt.date) -> ContractSteps:
    due, reports = _dates(facts)
    policy, analysis, plan, monitoring, reporting, remediation = _raw_steps(
        facts, as_of, due, reports
    )
    opened = _open_deadlines(facts, as_of, due, reports)
    first: dt.date | None = None
    overdue = 0
    for _kind, when, _key in opened:
        if first is None or when < first:
            first = when
        if when < as_of:
            overdue += 1
    return ContractSteps(
        contract_id=facts.contract_id,
        contract_ref=facts.ref,
        states=(policy[0], analysis[0], plan[0], monitoring[0], reporting[0], remediation[0]),
        next_due=first,
        overdue=overdue,
        facts=facts,
        as_of=as_of,
        open_deadlines=tuple(opened),
    )


class DueItem(NamedTuple):
    contract_ref: str
    kind: str
    due: dt.date
    days_left: int  # negative: overdue
    key: int | None  # contract year, evidence id or escalation step id

    @property
    def overdue(self) -> bool:
        return self.days_left < 0


@dataclass(frozen=True)
class SignalRecord:
    id: int
    uid: str
    contract_ref: str
    received_on: dt.date
    source: str
    theme: str
    site_id: int | None
    description: str
    status: str
    closed_on: dt.date | None
    version: int
    withdrawn_reason: str | None = None  # set when the signal was withdrawn


@dataclass(frozen=True)
class EscalationRecord:
    id: int
    uid: str
    contract_ref: str
    signal_id: int | None
    step: str
    taken_on: dt.date
    response_due: dt.date | None
    responded_on: dt.date | None
    amount_cents: int | None
    evidence_ids: tuple[int, ...]
    note: str | None
    version: int = 1
    withdrawn_reason: str | None = None  # set when the step was withdrawn
