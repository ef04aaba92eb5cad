"""The yearly ISV report's count: one row of flags per tender and per contract, and the
figures summed from them.

What each figure means is in :mod:`app.domain.report_figures`; the facts it is counted
from (:class:`~app.domain.report_facts.YearFacts`) in :mod:`app.domain.report_facts`.
Every figure is a plain sum of flags on one row per tender or per contract. The Excel data
sheets show exactly those rows, so anyone can recount a figure with a filter. Counting is
a pure function of the facts, the year and the reference date (``as_of``): the same facts
always give the same figures.

Standard library only.
"""

from __future__ import annotations

import datetime as dt
import operator
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from app.domain.calendar import overlaps_year
from app.domain.deadlines import plan_due, report_schedule, risk_analysis_due
from app.domain.followup import (
    OPEN_MEASURE_STATUSES,
    STEP_CODES,
    ContractFacts,
    StepState,
    derive_states,
    evidence_expiry_matters,
)
from app.domain.languages import choose
from app.domain.report_facts import (
    AssessmentFact,
    ContractFact,
    EscalationFact,
    EvidenceFact,
    RiskFact,
    SignalFact,
    SubmissionFact,
    TenderFact,
    YearFacts,
)
from app.domain.report_figures import (
    CONTRACT_FIGURES,
    FORM_FIGURES,
    NO_REASON_CODE,
    TENDER_FIGURES,
    TEXT_FIGURES,
)

BASES = ("awarded", "published")
"""How tenders are counted in a year: by award date (the default, as the JBR counts) or
by publication date."""

EXPIRY_WINDOW_DAYS = 90
"""Evidence counts as expiring when its validity ends up to this many days after ``as_of``."""

CLOSED_MEASURE_STATUSES = ("completed", "cancelled")


# ---------------------------------------------------------------------------------------
# Rows with flags, and the figures summed from them
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TenderRow:
    """One tender published in the year with the flags that put it in each figure."""

    fact: TenderFact
    flags: Mapping[str, int]


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


@dataclass(frozen=True)
class CategoryKey:
    """A category in a set (``set_id`` is ``None`` for purchases outside the categories)."""

    set_id: str | None
    code: str


@dataclass(frozen=True)
class CategoryFigures:
    key: CategoryKey
    name_nl: str
    name_en: str
    figures: Mapping[str, int]

    def name(self, lang: str) -> str:
        return choose(lang, {"nl": self.name_nl, "en": self.name_en})


@dataclass(frozen=True)
class SdgFigure:
    target: str
    name_nl: str
    name_en: str
    themes: tuple[str, ...]
    contracts: int
    risks: int
    signals: int

    def name(self, lang: str) -> str:
        return choose(lang, {"nl": self.name_nl, "en": self.name_en})


@dataclass(frozen=True)
class Source:
    """Where facts came from: the local database or an export file."""

    kind: str  # database, export
    installation_id: str
    label: str  # a file name or the database location
    organisations: tuple[str, ...]
    records: int
    exported_at: str | None = None


@dataclass(frozen=True)
class Conflict:
    """Two copies of the same record (uid) with different content."""

    kind: str
    uid: str
    ref: str
    kept_from: str
    other_from: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class YearReport:
    year: int
    organisation: str | None
    as_of: dt.date
    generated_at: dt.datetime
    fingerprint: str
    current_clause_version: str
    grouping: str | None
    totals: Mapping[str, int]
    categories: tuple[CategoryFigures, ...]
    forms: Mapping[str, int]
    not_applied_reasons: tuple[tuple[str, int], ...]
    risk_matrix: Mapping[str, Mapping[str, int]]
    escalation_by_step: Mapping[str, int]
    step_states: Mapping[str, Mapping[str, int]]
    sdg: tuple[SdgFigure, ...]
    tender_rows: tuple[TenderRow, ...]
    contract_rows: tuple[ContractRow, ...]
    sources: tuple[Source, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    duplicates: int = 0
    warnings: tuple[str, ...] = field(default_factory=tuple)
    basis: str = "awarded"
    award_date_unknown: tuple[TenderFact, ...] = ()
    """Tenders published in the year without an award date (counted by award date only):
    not in the figures, named in the report."""
    previous_totals: Mapping[str, int] = field(default_factory=dict)
    """The previous year's totals, counted the same way, for the comparison column."""
    organisations: tuple[tuple[str, Mapping[str, int]], ...] = ()
    """The totals per organisation when the facts name more than one."""


def as_of_date(year: int, today: dt.date) -> dt.date:
    """31 December of ``year``, or ``today`` when that comes first; never before
    1 January of ``year`` (a year still to come is looked at on its first day)."""
    return max(min(dt.date(year, 12, 31), today), dt.date(year, 1, 1))


def tender_flags(tender: TenderFact, current_clause_version: str) -> dict[str, int]:
    """The tender figures this tender counts in (1) or not (0); ``tenders_value`` in cents."""
    mandatory = tender.verdict == "mandatory"
    voluntary = tender.verdict in ("voluntary_below_threshold", "voluntary_outside_categories")
    applied = tender.isv_applied is True
    flags = dict.fromkeys(TENDER_FIGURES, 0)
    flags["tenders"] = 1
    flags["tenders_value"] = tender.value_cents
    flags["tenders_value_mandatory"] = tender.value_cents if mandatory else 0
    flags["tenders_value_applied_mandatory"] = tender.value_cents if mandatory and applied else 0
    flags["tenders_isv_mandatory"] = int(mandatory)
    flags["tenders_isv_applied_mandatory"] = int(mandatory and applied)
    flags["tenders_isv_not_applied_mandatory"] = int(mandatory and tender.isv_applied is False)
    flags["tenders_isv_undecided_mandatory"] = int(mandatory and tender.isv_applied is None)
    flags["tenders_isv_applied_voluntary"] = int(voluntary and applied)
    flags["tenders_threshold_unknown"] = int(tender.verdict == "threshold_unknown")
    if applied and tender.form in FORM_FIGURES:
        flags[FORM_FIGURES[tender.form]] = 1
    if applied:
        source = tender.text_source
        if source in TEXT_FIGURES:
            flags[TEXT_FIGURES[source]] = 1
        elif source == "generated" or (source is None and tender.clause_version):
            # a text made here (older records name only the version they were made with)
            current = tender.clause_version == current_clause_version
            flags["tenders_clause_current" if current else "tenders_text_generated_older"] = 1
        else:
            flags["tenders_text_unknown"] = 1
    return flags


def counting_day(tender: TenderFact, basis: str) -> dt.date | None:
    """The date that puts a tender in a year: its award date, or its publication date."""
    return tender.published if basis == "published" else tender.awarded


@dataclass
class _ContractFacts:
    submissions: list[SubmissionFact] = field(default_factory=list)
    evidence: list[EvidenceFact] = field(default_factory=list)
    assessments: list[AssessmentFact] = field(default_factory=list)
    signals: list[SignalFact] = field(default_factory=list)
    escalations: list[EscalationFact] = field(default_factory=list)


def _between(day: dt.date | None, first: dt.date, last: dt.date) -> bool:
    return day is not None and first <= day <= last


def contract_flags(
    contract: ContractFact,
    tender: TenderFact | None,
    facts: _ContractFacts,
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
    flags = dict(blank) if blank is not None else _blank_contract_flags(escalation_codes)
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
                1 for s in facts.signals if _between(s.closed_on, year_start, as_of)
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


def _blank_contract_flags(escalation_codes: Sequence[str]) -> dict[str, int]:
    flags = dict.fromkeys(CONTRACT_FIGURES, 0)
    for step in escalation_codes:
        flags[f"escalation_{step}"] = 0
    return flags


def _superseded(evidence: Iterable[EvidenceFact], as_of: dt.date) -> set[str]:
    """Uids of documents replaced by a newer one received by ``as_of``."""
    return {e.supersedes_uid for e in evidence if e.supersedes_uid and e.received_on <= as_of}


def _open_on(signal: SignalFact, as_of: dt.date) -> bool:
    return signal.status != "closed" or signal.closed_on is None or signal.closed_on > as_of


def step_facts(contract: ContractFact, facts: _ContractFacts, as_of: dt.date) -> ContractFacts:
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


def _sum(rows: Sequence[Mapping[str, int]], codes: Sequence[str]) -> dict[str, int]:
    """Column sums of flag rows: every code in ``codes`` (0 when no row has it), then any
    further code a row carries, in the order they first appear."""
    totals = dict(zip(codes, _column_sums(rows, codes), strict=True))
    for code in dict.fromkeys(chain.from_iterable(rows)):
        if code not in totals:
            totals[code] = sum([flags.get(code, 0) for flags in rows])
    return totals


def _column_sums(rows: Sequence[Mapping[str, int]], codes: Sequence[str]) -> list[int]:
    """The sum of each code over ``rows``: one ``itemgetter`` lookup of every code per row
    and a transpose, where every row carries every code (the rows counted here do); a flag
    missing from a row counts 0."""
    if not codes:
        return []
    if not rows:
        return [0] * len(codes)
    if len(codes) > 1:
        try:
            values = list(map(operator.itemgetter(*codes), rows))
        except KeyError:
            pass
        else:
            return [sum(column) for column in zip(*values, strict=True)]
    return [sum([flags.get(code, 0) for flags in rows]) for code in codes]


def _tender_order(tender: TenderFact) -> tuple[dt.date, str, str]:
    return tender.published, tender.ref, tender.uid


def _contract_order(contract: ContractFact) -> tuple[str, str]:
    return contract.ref, contract.uid


@dataclass(frozen=True)
class Counted:
    """The rows of one year and what they add up to (before names are attached)."""

    tender_rows: tuple[TenderRow, ...]
    contract_rows: tuple[ContractRow, ...]
    totals: Mapping[str, int]
    by_category: Mapping[CategoryKey, Mapping[str, int]]
    forms: Mapping[str, int]
    not_applied_reasons: tuple[tuple[str, int], ...]
    risk_matrix: Mapping[str, Mapping[str, int]]
    escalation_by_step: Mapping[str, int]
    step_states: Mapping[str, Mapping[str, int]]
    sdg_counts: Mapping[str, tuple[int, int, int]]
    award_date_unknown: tuple[TenderFact, ...] = ()


def _per_contract(facts: YearFacts) -> dict[str, _ContractFacts]:
    """The records of each contract, by the contract's uid."""
    per_contract: dict[str, _ContractFacts] = defaultdict(_ContractFacts)
    for s in facts.submissions:
        per_contract[s.contract_uid].submissions.append(s)
    for e in facts.evidence:
        per_contract[e.contract_uid].evidence.append(e)
    for a in facts.assessments:
        per_contract[a.contract_uid].assessments.append(a)
    for g in facts.signals:
        per_contract[g.contract_uid].signals.append(g)
    for x in facts.escalation_steps:
        per_contract[x.contract_uid].escalations.append(x)
    return per_contract


def _contract_rows(
    facts: YearFacts,
    tenders: Mapping[str, TenderFact],
    year: int,
    as_of: dt.date,
    escalation_codes: Sequence[str],
) -> list[ContractRow]:
    """One row of flags per contract active in ``year`` whose tender is counted."""
    per_contract = _per_contract(facts)
    rows: list[ContractRow] = []
    empty = _ContractFacts()
    blank = _blank_contract_flags(escalation_codes)
    for contract in sorted(facts.contracts, key=_contract_order):
        tender = tenders.get(contract.tender_uid)
        if tender is None or not overlaps_year(contract.start, contract.end, year):
            continue
        rows.append(
            contract_flags(
                contract,
                tender,
                per_contract.get(contract.uid, empty),
                year=year,
                as_of=as_of,
                escalation_codes=escalation_codes,
                blank=blank,
            )
        )
    return rows


def _by_category(
    tender_rows: Sequence[TenderRow],
    contract_rows: Sequence[ContractRow],
    tenders: Mapping[str, TenderFact],
    codes: tuple[list[str], list[str]],
    group: Any,
) -> dict[CategoryKey, dict[str, int]]:
    """The figures per category (``group`` maps a category to the key it is reported
    under), categories in the order they first appear (tenders, then contracts)."""
    tender_codes, contract_codes = codes
    keys: dict[tuple[str | None, str], CategoryKey] = {}

    def key_of(tender: TenderFact) -> CategoryKey:
        pair = (tender.category_set, tender.category_code)
        found = keys.get(pair)
        if found is None:
            found = CategoryKey(*pair)
            found = keys[pair] = group(found) if group is not None else found
        return found

    grouped: dict[CategoryKey, tuple[list[Mapping[str, int]], list[Mapping[str, int]]]] = {}
    for trow in tender_rows:
        grouped.setdefault(key_of(trow.fact), ([], []))[0].append(trow.flags)
    for crow in contract_rows:
        grouped.setdefault(key_of(tenders[crow.fact.tender_uid]), ([], []))[1].append(crow.flags)
    return {
        k: dict(
            zip(
                tender_codes + contract_codes,
                _column_sums(t_rows, tender_codes) + _column_sums(c_rows, contract_codes),
                strict=True,
            )
        )
        for k, (t_rows, c_rows) in grouped.items()
    }


def _step_states(contract_rows: Sequence[ContractRow]) -> dict[str, dict[str, int]]:
    """How many contracts are in each state, per step."""
    states = {code: dict.fromkeys((state.value for state in StepState), 0) for code in STEP_CODES}
    for crow in contract_rows:
        for code, state in crow.steps.items():
            states[code][state] += 1
    return states


def _risk_matrix(contract_rows: Sequence[ContractRow]) -> dict[str, dict[str, int]]:
    """Risks per theme and priority."""
    matrix: dict[str, dict[str, int]] = {}
    for crow in contract_rows:
        for (theme, priority), n in crow.risk_counts.items():
            bucket = matrix.setdefault(theme, {})
            bucket[priority] = bucket.get(priority, 0) + n
    return matrix


def _sdg_counts(
    contract_rows: Sequence[ContractRow],
    signals: Iterable[SignalFact],
    theme_sdg: Mapping[str, Sequence[str]],
    first: dt.date,
    as_of: dt.date,
) -> dict[str, tuple[int, int, int]]:
    """Per SDG target: the contracts with a risk on a theme that serves it, those risks,
    and the signals on such a theme received in the year up to ``as_of``."""
    sdg_contracts: dict[str, set[str]] = defaultdict(set)
    sdg_risks: Counter[str] = Counter()
    for crow in contract_rows:
        for (theme, _priority), n in crow.risk_counts.items():
            for target in theme_sdg.get(theme, ()):
                sdg_contracts[target].add(crow.fact.ref)
                sdg_risks[target] += n
    sdg_signals: Counter[str] = Counter()
    isv_contracts = {r.fact.uid for r in contract_rows if r.isv}
    for g in signals:
        if g.contract_uid in isv_contracts and _between(g.received_on, first, as_of):
            for target in theme_sdg.get(g.theme, ()):
                sdg_signals[target] += 1
    targets = {t for ts in theme_sdg.values() for t in ts}
    return {t: (len(sdg_contracts[t]), sdg_risks[t], sdg_signals[t]) for t in targets}


def count_year(
    facts: YearFacts,
    year: int,
    as_of: dt.date,
    *,
    organisation: str | None,
    current_clause_version: str,
    escalation_codes: Sequence[str],
    theme_sdg: Mapping[str, Sequence[str]],
    group: Any = None,
    basis: str = "awarded",
) -> Counted:
    """Count the figures of ``year`` from ``facts``.

    ``organisation`` limits tenders (and the contracts from them) to one organisation.
    ``group`` maps a tender's :class:`CategoryKey` to the key it is reported under (the
    identity when ``None``). ``basis`` puts a tender in the year of its award date
    (``awarded``) or of its publication date (``published``); by award date, a tender
    published in the year without an award date is listed in ``award_date_unknown``.
    """
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    tenders = {
        t.uid: t for t in facts.tenders if organisation is None or t.organisation == organisation
    }
    in_year = [t for t in tenders.values() if _between(counting_day(t, basis), first, last)]
    in_year.sort(key=_tender_order)
    unknown = tuple(
        sorted(
            (
                t
                for t in tenders.values()
                if basis == "awarded" and t.awarded is None and first <= t.published <= last
            ),
            key=_tender_order,
        )
    )
    tender_rows = tuple(TenderRow(t, tender_flags(t, current_clause_version)) for t in in_year)
    contract_rows = _contract_rows(facts, tenders, year, as_of, escalation_codes)

    tender_codes = list(TENDER_FIGURES)
    contract_codes = list(CONTRACT_FIGURES) + [f"escalation_{s}" for s in escalation_codes]
    totals = _sum([r.flags for r in tender_rows], tender_codes)
    totals.update(_sum([r.flags for r in contract_rows], contract_codes))
    reasons = Counter(
        r.fact.not_applied_code or NO_REASON_CODE
        for r in tender_rows
        if r.flags["tenders_isv_not_applied_mandatory"]
    )
    return Counted(
        tender_rows=tender_rows,
        contract_rows=tuple(contract_rows),
        totals=totals,
        by_category=_by_category(
            tender_rows, contract_rows, tenders, (tender_codes, contract_codes), group
        ),
        forms={form: totals[code] for form, code in FORM_FIGURES.items()},
        not_applied_reasons=tuple(sorted(reasons.items(), key=lambda x: (-x[1], x[0]))),
        risk_matrix=_risk_matrix(contract_rows),
        escalation_by_step={s: totals.get(f"escalation_{s}", 0) for s in escalation_codes},
        step_states=_step_states(contract_rows),
        sdg_counts=_sdg_counts(contract_rows, facts.signals, theme_sdg, first, as_of),
        award_date_unknown=unknown,
    )
