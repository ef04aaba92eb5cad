"""The yearly ISV report's count: one row of flags per tender and per contract, and the
figures summed from them.

What each figure means is in :mod:`app.domain.report_figures`; a contract's row is made
in :mod:`app.domain.report_contract`; the facts it is counted from
(:class:`~app.domain.report_facts.YearFacts`) in :mod:`app.domain.report_facts`.
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
from app.domain.followup import (
    STEP_CODES,
    StepState,
)
from app.domain.languages import choose
from app.domain.report_contract import (
    ContractRecords,
    ContractRow,
    between,
    blank_contract_flags,
    contract_flags,
)
from app.domain.report_facts import (
    ContractFact,
    SignalFact,
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


# ---------------------------------------------------------------------------------------
# Rows with flags, and the figures summed from them
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TenderRow:
    """One tender published in the year with the flags that put it in each figure."""

    fact: TenderFact
    flags: Mapping[str, int]


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


def _per_contract(facts: YearFacts) -> dict[str, ContractRecords]:
    """The records of each contract, by the contract's uid."""
    per_contract: dict[str, ContractRecords] = defaultdict(ContractRecords)
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
    empty = ContractRecords()
    blank = blank_contract_flags(escalation_codes)
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
        if g.contract_uid in isv_contracts and between(g.received_on, first, as_of):
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
    in_year = [t for t in tenders.values() if between(counting_day(t, basis), first, last)]
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
