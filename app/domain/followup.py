"""Following a contract after award: the six OECD steps, deadlines, escalation, rubric,
and where to look first. Standard library only; every input is a plain value.

The step states are *derived* from record facts (documents received, the dated plan
agreement, measures, assessments, signals, escalation steps), never ticked by hand:

1. ``policy``: done once an ISV policy document is received; overdue when none has
   arrived by the plan-of-action due date; else not started.
2. ``risk_analysis``: done once a risk analysis (document or imported workbook) is
   received; in progress when the newest assessment of it is *insufficient* and nothing
   newer has arrived since; overdue when none has arrived by the plan due date.
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
import json
import operator
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import NamedTuple

from app.domain.clauses import DEFAULT_PLAN_MONTHS, DEFAULT_REPORT_MONTH
from app.domain.deadlines import ReportDue, plan_due, report_schedule
from app.domain.errors import ReferenceDataError, ValidationError

# ---------------------------------------------------------------------------------------
# Step states
# ---------------------------------------------------------------------------------------


class StepState(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    OVERDUE = "overdue"


STEP_CODES = ("policy", "risk_analysis", "plan_of_action", "monitoring", "reporting", "remediation")
"""The six OECD steps in order, as coded in ``resources/scales.json``."""

OPEN_MEASURE_STATUSES = frozenset({"planned", "in_progress", "delayed"})
SIGNAL_STATUSES = ("open", "in_progress", "closed")


class ContractFacts(NamedTuple):
    """What the records say about one contract, gathered by the dossier service.

    Dates are the relevant ``received_on``/``assessed_on`` values; counts are of rows.
    ``yearly_reports_received`` counts current (not superseded) yearly-report documents.
    The dossier service builds these positionally for speed: add new fields at the end.
    A named tuple, not a frozen dataclass: as immutable, and five times cheaper to make
    (the dashboard makes one per contract, 20,000 at a time).
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
NOT_STARTED, IN_PROGRESS, DONE, OVERDUE = (
    StepState.NOT_STARTED,
    StepState.IN_PROGRESS,
    StepState.DONE,
    StepState.OVERDUE,
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
        return (NOT_STARTED, pending, "dossier_step_remediation_no_signals", _NONE)
    if f.signals_open:
        return (
            IN_PROGRESS,
            pending,
            "dossier_step_remediation_open",
            {"open": f.signals_open, "count": f.signals_total},
        )
    return (DONE, pending, "dossier_step_remediation_closed", {"count": f.signals_total})


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
        _risk_analysis(facts, as_of, due),
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
    """The plan of action (``due``) while not agreed and the contract runs, and every
    yearly report of ``reports`` (the schedule) not yet received."""
    items: list[tuple[DeadlineKind, dt.date, int | None]] = [
        (_REPORT, report.due, report.contract_year)
        for report in reports[facts.yearly_reports_received :]
    ]
    if facts.plan_agreed_on is None and as_of <= facts.end:
        items.insert(0, (_PLAN, due, None))
    return items


def contract_deadlines(
    facts: ContractFacts, as_of: dt.date, horizon: dt.date | None = None
) -> list[Deadline]:
    """The open deadlines that follow from the contract itself (those due by
    ``horizon`` when given).

    - The plan of action, while not agreed and while the contract runs (after the end
      nothing can be agreed any more; the step stays overdue in the dossier).
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
    listed: Sequence[DueItem] = (),
) -> list[DueItem]:
    """The due list: of ``items`` (deadlines, or any ``(contract, kind, due date, key)``),
    those overdue or due within ``within`` days, soonest first, with their days left.

    ``listed``: items of a due list made before for the same day and window, put in
    their place among the new ones (a sort that finds them already in order).
    """
    horizon = as_of + dt.timedelta(days=within)
    first = as_of.toordinal()  # days left by ordinals: no timedelta per item
    make = tuple.__new__  # a DueItem without its Python-level constructor: 23,000 a call
    chosen = list(listed)
    chosen.extend(
        [
            make(DueItem, (ref, str(kind), due, due.toordinal() - first, key))
            for ref, kind, due, key in items
            if due <= horizon
        ]
    )
    chosen.sort(key=_SOONEST_FIRST)
    return chosen


_SOONEST_FIRST = operator.itemgetter(2, 0, 1, 4)
"""The due list's order: due date, contract, kind, key. Made in C, not per item in Python
(the dashboard sorts some 23,000 at 20,000 contracts). Within one contract and kind the
keys are all numbers or, for the one plan of action, None, so two keys of different types
are never compared."""


# ---------------------------------------------------------------------------------------
# Escalation: the buyer's ladder
# ---------------------------------------------------------------------------------------

ESCALATION_ORDER = ("dialogue", "external-advice", "notice-of-default", "penalty", "termination")


def check_escalation_step(
    existing: Sequence[tuple[str, dt.date]], step: str, taken_on: dt.date, amount_cents: int | None
) -> None:
    """Refuse a step that breaks the ladder's rules.

    Termination only after a notice of default dated before it (the supplier must have
    been given the chance to remedy); a penalty needs an amount; only a penalty has one.
    Earlier rungs may be skipped, agreement is preferred but not a precondition.
    """
    if step not in ESCALATION_ORDER:
        raise ValidationError(
            "dossier_unknown_escalation_step", value=step, allowed=", ".join(ESCALATION_ORDER)
        )
    if step == "termination":
        notices = [day for code, day in existing if code == "notice-of-default"]
        if not notices:
            raise ValidationError("dossier_termination_needs_notice")
        if min(notices) >= taken_on:
            raise ValidationError(
                "dossier_termination_before_notice", notice=min(notices), date=taken_on
            )
    if step == "penalty":
        if amount_cents is None or amount_cents <= 0:
            raise ValidationError("dossier_penalty_amount_required")
    elif amount_cents is not None:
        raise ValidationError("dossier_amount_only_for_penalty", step=step)


# ---------------------------------------------------------------------------------------
# The assessment rubric ("reasonable effort")
# ---------------------------------------------------------------------------------------

RATINGS = ("sufficient", "insufficient", "not_applicable")
SUBJECTS = ("risk-analysis", "plan-of-action", "yearly-report")


@dataclass(frozen=True)
class RubricElement:
    code: str
    nl: str
    en: str
    may_be_not_applicable: bool

    def text(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl


@dataclass(frozen=True)
class RubricSubject:
    code: str
    nl: str
    en: str
    elements: tuple[RubricElement, ...]

    def text(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl


@dataclass(frozen=True)
class Rubric:
    version: str
    valid_from: dt.date
    subjects: Mapping[str, RubricSubject]
    sources: tuple[str, ...]

    def subject(self, code: str) -> RubricSubject:
        found = self.subjects.get(code)
        if found is None:
            raise ValidationError(
                "dossier_unknown_subject", value=code, allowed=", ".join(SUBJECTS)
            )
        return found


@dataclass(frozen=True)
class ElementRating:
    code: str
    rating: str
    comment: str = ""


def load_rubric(text: str, filename: str) -> Rubric:
    """Parse and validate one rubric file; a broken file names the file and the field."""

    def fail(where: str, problem: str) -> ReferenceDataError:
        return ReferenceDataError(
            "reference_data_invalid", file=filename, field=where, problem=problem
        )

    def label(item: object, where: str) -> tuple[str, str, str]:
        if not isinstance(item, dict):
            raise fail(where, "expected an object")
        values = []
        for key in ("code", "nl", "en"):
            value = item.get(key)
            if not isinstance(value, str) or not value.strip():
                raise fail(f"{where}.{key}", "expected a non-empty text")
            values.append(value)
        return values[0], values[1], values[2]

    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise fail(f"line {exc.lineno}", f"not valid JSON: {exc.msg}") from None
    if not isinstance(data, dict):
        raise fail("(top)", "expected an object")
    version = data.get("version")
    if not isinstance(version, str) or not version:
        raise fail("version", "expected a text")
    try:
        valid_from = dt.date.fromisoformat(str(data.get("valid_from")))
    except ValueError:
        raise fail("valid_from", "expected a date as YYYY-MM-DD") from None
    raw_subjects = data.get("subjects")
    if not isinstance(raw_subjects, list):
        raise fail("subjects", "expected a list")
    subjects: dict[str, RubricSubject] = {}
    for i, raw in enumerate(raw_subjects):
        where = f"subjects[{i}]"
        code, nl, en = label(raw, where)
        if code not in SUBJECTS:
            raise fail(f"{where}.code", f"expected one of {', '.join(SUBJECTS)}")
        elements = []
        raw_elements = raw.get("elements")
        if not isinstance(raw_elements, list) or not raw_elements:
            raise fail(f"{where}.elements", "expected a non-empty list")
        for j, item in enumerate(raw_elements):
            e_code, e_nl, e_en = label(item, f"{where}.elements[{j}]")
            optional = item.get("may_be_not_applicable", False)
            if not isinstance(optional, bool):
                raise fail(f"{where}.elements[{j}].may_be_not_applicable", "expected true/false")
            elements.append(RubricElement(e_code, e_nl, e_en, optional))
        if len({e.code for e in elements}) != len(elements):
            raise fail(f"{where}.elements", "element codes are not unique")
        subjects[code] = RubricSubject(code, nl, en, tuple(elements))
    missing = [s for s in SUBJECTS if s not in subjects]
    if missing:
        raise fail("subjects", f"missing {', '.join(missing)}")
    sources = data.get("sources", [])
    if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
        raise fail("sources", "expected a list of texts")
    return Rubric(version, valid_from, subjects, tuple(sources))


def rubric_verdict(subject: RubricSubject, ratings: Sequence[ElementRating]) -> str:
    """Check the ratings against the rubric and return the overall verdict.

    Every element is rated exactly once with sufficient, insufficient or not applicable
    (the latter only where the rubric allows it); an insufficient element needs a
    comment saying what is missing. Verdict: ``insufficient`` when any element is
    insufficient, else ``sufficient`` (at least one element must be applicable).
    """
    known = {e.code: e for e in subject.elements}
    seen: dict[str, ElementRating] = {}
    for rating in ratings:
        element = known.get(rating.code)
        if element is None:
            raise ValidationError(
                "dossier_unknown_element", element=rating.code, subject=subject.code
            )
        if rating.code in seen:
            raise ValidationError("dossier_element_twice", element=rating.code)
        if rating.rating not in RATINGS:
            raise ValidationError(
                "dossier_unknown_rating",
                element=rating.code,
                value=rating.rating,
                allowed=", ".join(RATINGS),
            )
        if rating.rating == "not_applicable" and not element.may_be_not_applicable:
            raise ValidationError("dossier_element_always_applies", element=rating.code)
        if rating.rating == "insufficient" and not rating.comment.strip():
            raise ValidationError("dossier_comment_required", element=rating.code)
        seen[rating.code] = rating
    missing = [e.code for e in subject.elements if e.code not in seen]
    if missing:
        raise ValidationError("dossier_elements_missing", elements=", ".join(missing))
    values = [r.rating for r in seen.values()]
    if all(v == "not_applicable" for v in values):
        raise ValidationError("dossier_nothing_assessed")
    return "insufficient" if "insufficient" in values else "sufficient"


@dataclass(frozen=True)
class RubricHint:
    """What the imported workbook suggests for one element; the assessor decides."""

    element: str
    suggested: str  # sufficient, insufficient, not_applicable
    reason: str  # message code
    params: Mapping[str, object] = field(default_factory=dict)


def plan_hints(
    risks: Sequence[tuple[str, str]], measures: Sequence[tuple[str, str, dt.date | None]]
) -> tuple[RubricHint, ...]:
    """Hints for a plan of action from the newest workbook.

    ``risks``: (risk key, priority); ``measures``: (risk key, owner, due date). Every
    high-priority risk needs a measure; every measure an owner and a date.
    """
    high = sorted({key for key, level in risks if level == "high"})
    covered = {key for key, _owner, _due in measures}
    missing = [key for key in high if key not in covered]
    hints = []
    if not high:
        hints.append(
            RubricHint("measure_per_high_risk", "not_applicable", "dossier_hint_no_high_risks")
        )
    elif missing:
        hints.append(
            RubricHint(
                "measure_per_high_risk",
                "insufficient",
                "dossier_hint_high_risks_uncovered",
                {"risks": ", ".join(missing)},
            )
        )
    else:
        hints.append(
            RubricHint(
                "measure_per_high_risk",
                "sufficient",
                "dossier_hint_high_risks_covered",
                {"count": len(high)},
            )
        )
    incomplete = sum(1 for _key, owner, due in measures if not owner.strip() or due is None)
    if not measures:
        hints.append(RubricHint("owner_and_date", "insufficient", "dossier_hint_no_measures"))
    elif incomplete:
        hints.append(
            RubricHint(
                "owner_and_date",
                "insufficient",
                "dossier_hint_measures_incomplete",
                {"count": incomplete, "total": len(measures)},
            )
        )
    else:
        hints.append(
            RubricHint(
                "owner_and_date",
                "sufficient",
                "dossier_hint_measures_complete",
                {"total": len(measures)},
            )
        )
    return tuple(hints)


def risk_analysis_hints(
    site_countries: Sequence[str], deepest_tier: int, risks: int
) -> tuple[RubricHint, ...]:
    """Hints for a risk analysis from the newest workbook: sites with their countries
    beyond the first tier, and risks scored for severity and likelihood."""
    hints = []
    if not site_countries:
        hints.append(RubricHint("countries_suppliers", "insufficient", "dossier_hint_no_sites"))
    else:
        hints.append(
            RubricHint(
                "countries_suppliers",
                "sufficient" if deepest_tier > 1 else "insufficient",
                "dossier_hint_sites",
                {
                    "count": len(site_countries),
                    "countries": len(set(site_countries)),
                    "tier": deepest_tier,
                },
            )
        )
    hints.append(
        RubricHint(
            "risk_assessment",
            "sufficient" if risks else "insufficient",
            "dossier_hint_risks",
            {"count": risks},
        )
    )
    return tuple(hints)


def rubric_in_force(rubrics: Iterable[Rubric], day: dt.date) -> Rubric:
    """The newest rubric whose ``valid_from`` has passed on ``day`` (else the oldest)."""
    ordered = sorted(rubrics, key=lambda r: r.valid_from)
    if not ordered:
        raise ReferenceDataError(
            "reference_data_invalid", file="rubric", field="(files)", problem="no rubric file found"
        )
    started = [r for r in ordered if r.valid_from <= day]
    return started[-1] if started else ordered[0]


# ---------------------------------------------------------------------------------------
# Where to look first: follow-up intensity
# ---------------------------------------------------------------------------------------

INTENSITIES = ("self-report", "document-review", "independent-audit", "site-visit")


@dataclass(frozen=True)
class IntensityRules:
    """The points behind the suggestion; the defaults are ours, shown as such."""

    value_large_cents: int = 100_000_000  # € 1,000,000
    value_medium_cents: int = 25_000_000  # € 250,000
    bands: tuple[int, int, int] = (2, 5, 8)  # points from which: review, audit, visit


@dataclass(frozen=True)
class IntensityReason:
    code: str  # message code
    points: int
    params: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class IntensityInputs:
    value_cents: int | None
    category_code: str
    category_weight: int | None  # 1–3 from the reference data; None outside categories
    highest_priority: str | None  # high, medium, low; None without risks
    risky_countries: Mapping[str, str] = field(default_factory=dict)  # country -> why
    open_signals: int = 0
    countries_known: bool = False  # a country-risk table was imported


@dataclass(frozen=True)
class IntensitySuggestion:
    level: str
    points: int
    reasons: tuple[IntensityReason, ...]


def suggest_intensity(
    inputs: IntensityInputs, rules: IntensityRules = IntensityRules()
) -> IntensitySuggestion:
    """Add points per factor and map the total onto the four levels of follow-up.

    value ≥ large: 2, ≥ medium: 1; category risk weight 1–3: weight − 1; highest risk
    priority high: 2, medium: 1; a site in a country the imported table marks as risky:
    2; open signals: 2. From ``bands``: document review, independent audit, site visit.
    """
    reasons: list[IntensityReason] = []
    value = inputs.value_cents
    if value is not None and value >= rules.value_large_cents:
        reasons.append(IntensityReason("dossier_intensity_value_large", 2, {"value": value // 100}))
    elif value is not None and value >= rules.value_medium_cents:
        reasons.append(
            IntensityReason("dossier_intensity_value_medium", 1, {"value": value // 100})
        )
    else:
        reasons.append(IntensityReason("dossier_intensity_value_small", 0))
    if inputs.category_weight is None:
        reasons.append(IntensityReason("dossier_intensity_outside_categories", 0))
    else:
        reasons.append(
            IntensityReason(
                "dossier_intensity_category_weight",
                inputs.category_weight - 1,
                {"category": inputs.category_code, "weight": inputs.category_weight},
            )
        )
    points_by_priority = {"high": 2, "medium": 1, "low": 0}
    if inputs.highest_priority is None:
        reasons.append(IntensityReason("dossier_intensity_no_risks", 0))
    else:
        reasons.append(
            IntensityReason(
                f"dossier_intensity_priority_{inputs.highest_priority}",
                points_by_priority.get(inputs.highest_priority, 0),
            )
        )
    if not inputs.countries_known:
        reasons.append(IntensityReason("dossier_intensity_no_country_table", 0))
    elif inputs.risky_countries:
        shown = ", ".join(f"{c} ({why})" for c, why in sorted(inputs.risky_countries.items()))
        reasons.append(
            IntensityReason("dossier_intensity_risky_countries", 2, {"countries": shown})
        )
    else:
        reasons.append(IntensityReason("dossier_intensity_no_risky_countries", 0))
    if inputs.open_signals:
        reasons.append(
            IntensityReason("dossier_intensity_open_signals", 2, {"count": inputs.open_signals})
        )
    total = sum(r.points for r in reasons)
    level = INTENSITIES[sum(1 for band in rules.bands if total >= band)]
    return IntensitySuggestion(level, total, tuple(reasons))


def risky_by_table(
    rows: Iterable[tuple[str, float | None, bool | None, str, int]],
) -> dict[str, str]:
    """Countries an imported table marks as risky, with a short why.

    ``rows``: (country, score, flag, source, year). Only the newest year of each source
    counts. A country is risky when flagged, or when its score is in the top third of
    that source's scores (higher means riskier; sources use different scales, so the
    rule is relative to each source).
    """
    newest: dict[str, int] = {}
    materialised = list(rows)
    for _country, _score, _flag, source, year in materialised:
        newest[source] = max(year, newest.get(source, year))
    current = [r for r in materialised if r[4] == newest[r[3]]]
    cut: dict[str, float] = {}
    by_source: dict[str, list[float]] = {}
    for _country, score, _flag, source, _year in current:
        if score is not None:
            by_source.setdefault(source, []).append(score)
    for source, scores in by_source.items():
        ordered = sorted(scores)
        cut[source] = ordered[(2 * len(ordered)) // 3] if len(ordered) >= 3 else ordered[-1]
    risky: dict[str, str] = {}
    for country, score, flag, source, year in current:
        if flag:
            risky.setdefault(country, f"{source} {year}")
        elif score is not None and score >= cut[source]:
            risky.setdefault(country, f"{source} {year}: {score:g}")
    return risky


# ---------------------------------------------------------------------------------------
# Country-risk table rows (parsed by app.io.country_risk, stored by the dossier service)
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CountryRiskRow:
    row: int  # the row number in the file (the header is row 1)
    country: str  # ISO 3166 alpha-2
    score: float | None
    flag: bool | None
    source: str
    year: int


@dataclass(frozen=True)
class TableProblem:
    """One refusal in an imported table: where, what was found, and why (message code)."""

    row: int
    column: str
    value: str
    code: str


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
    # tuple.__new__: a ContractSteps without the named tuple's Python-level constructor
    # (the dashboard makes 20,000 at a time)
    return tuple.__new__(
        ContractSteps,
        (
            facts.contract_id,
            facts.ref,
            (policy[0], analysis[0], plan[0], monitoring[0], reporting[0], remediation[0]),
            first,
            overdue,
            facts,
            as_of,
            tuple(opened),
        ),
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


@dataclass(frozen=True)
class AssessmentRecord:
    id: int
    uid: str
    contract_ref: str
    subject: str
    evidence_id: int | None
    submission_id: int | None
    rubric_version: str
    ratings: tuple[ElementRating, ...]
    verdict: str
    assessor: str
    assessed_on: dt.date
    contract_year: int | None
    note: str | None


@dataclass(frozen=True)
class FollowUpRecord:
    """The suggested intensity with its reasons, beside the user's own recorded choice."""

    contract_ref: str
    suggestion: IntensitySuggestion
    choice: str | None
    note: str | None
    version: int


@dataclass(frozen=True)
class CountryRiskEntry:
    country: str
    score: float | None
    flag: bool | None
    source: str
    year: int


@dataclass(frozen=True)
class CountryRiskImport:
    file_name: str
    rows: int
    replaced: int
    sources: tuple[tuple[str, int], ...]
