"""The yearly ISV report: gather a year's records, merge other installations' exports,
count the figures, and hand the renderers a finished :class:`YearReport`.

Reading is set-based: one query per kind of record for the whole year (filtered and
joined by ids in SQL, names and uids mapped afterwards in Python), never a query per
tender or contract. Counting is the pure :func:`app.domain.report.count_year`, the same
for the local database and for merged exports, so a merge of two laptops' exports gives
the same figures as one database holding both.

In reading order: :func:`gather_year_facts` (the database to
:class:`~app.domain.report_facts.YearFacts`), the export (:func:`export_year`, read back
by :mod:`app.io.year_export`), then :func:`year_report`, which merges and counts. The
renderers are :mod:`app.io.report_pdf` and :mod:`app.io.report_xlsx`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, aliased

from app import __version__, locator
from app.domain.errors import NotFoundError, UsageError
from app.domain.reference import OUTSIDE_CATEGORIES, Reference
from app.domain.report import (
    BASES,
    CategoryFigures,
    CategoryKey,
    Conflict,
    SdgFigure,
    Source,
    TenderRow,
    YearReport,
    as_of_date,
    count_year,
)
from app.domain.report_facts import (
    FACT_KINDS,
    AssessmentFact,
    ContractFact,
    EscalationFact,
    EvidenceFact,
    MeasureFact,
    RiskFact,
    SignalFact,
    SubmissionFact,
    TenderFact,
    YearFacts,
    fingerprint,
)
from app.domain.report_figures import FIGURES, TENDER_FIGURES
from app.domain.values import from_cents
from app.io.year_export import ExportHeader, read_export, write_export
from app.persistence import models as m
from app.services.context import Context
from app.services.registry import CURRENT_CLAUSE_VERSION

_F = TypeVar("_F", bound=NamedTuple)

# ---------------------------------------------------------------------------------------
# Gathering the facts of a year from the database
# ---------------------------------------------------------------------------------------


def _year_bounds(year: int) -> tuple[dt.date, dt.date]:
    if not 1900 <= year <= 9999:
        raise UsageError("report_year_invalid", year=str(year))
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def gather_year_facts(session: Session, year: int) -> YearFacts:
    """Every record the figures of ``year`` need: tenders published or awarded in the
    year, contracts active in it (with their tenders), and those contracts' submissions,
    evidence, assessments, signals and escalation steps.

    Rows are read as plain Core rows (no ORM loading: a year of a large database holds
    tens of thousands of records). Each select names its columns as the fields of its
    fact, in their order (uids of the records a row points to joined in), so a fact is
    made from its row with ``_make``."""
    first, last = _year_bounds(year)
    connection = session.connection()
    # withdrawn records leave the figures (a withdrawn tender has no contract left in them)
    active = and_(
        m.Contract.start <= last, m.Contract.end >= first, m.Contract.withdrawn_at.is_(None)
    )
    active_ids = select(m.Contract.id).where(active).scalar_subquery()

    def facts(fact: type[_F], query: Any) -> list[_F]:
        result = connection.execute(query)
        if tuple(result.keys()) != fact._fields:  # a select out of step with its fact
            raise AssertionError(f"{fact.__name__}: {tuple(result.keys())}")
        return list(map(fact._make, result))

    def of_active(query: Any, table: Any) -> Any:
        """``query`` joined to the contract its rows belong to (for the contract's uid),
        for the active contracts only."""
        return query.join(m.Contract, m.Contract.id == table.contract_id).where(active)

    t, c = m.Tender, m.Contract
    tenders = facts(
        TenderFact,
        select(
            t.uid,
            t.ref,
            t.title,
            m.Organisation.name.label("organisation"),
            t.kind,
            t.value_cents,
            t.published,
            t.category_code,
            t.category_set,
            t.verdict,
            t.isv_applied,
            t.not_applied_reason,
            t.form,
            t.clause_version,
            t.awarded,
            t.not_applied_code,
            t.text_source,
        )
        .outerjoin(m.Organisation, m.Organisation.id == t.organisation_id)
        .where(
            t.withdrawn_at.is_(None),
            or_(
                and_(t.published >= first, t.published <= last),
                and_(t.awarded >= first, t.awarded <= last),
                t.id.in_(select(c.tender_id).where(active)),
            ),
        ),
    )
    contracts = facts(
        ContractFact,
        select(
            c.uid,
            c.ref,
            t.uid.label("tender_uid"),
            m.Supplier.name.label("supplier"),
            m.Supplier.country.label("supplier_country"),
            c.start,
            c.end,
            c.value_cents,
            c.plan_months,
            c.report_month,
            c.plan_agreed_on,
            c.risk_months,
        )
        .join(t, t.id == c.tender_id)
        .join(m.Supplier, m.Supplier.id == c.supplier_id)
        .where(active),
    )
    assert {x.tender_uid for x in contracts} <= {x.uid for x in tenders}

    submission_ids = (
        select(m.Submission.id).where(m.Submission.contract_id.in_(active_ids)).scalar_subquery()
    )
    # risks and measures are many: each row is taken as it comes and dropped, not all
    # held at once (their collection would keep a window waiting)
    risks: dict[int, list[RiskFact]] = {}
    for r in connection.execute(
        select(m.Risk.submission_id, m.Risk.risk_key, m.Risk.theme, m.Risk.priority).where(
            m.Risk.submission_id.in_(submission_ids)
        )
    ):
        risks.setdefault(r.submission_id, []).append(RiskFact._make(r[1:]))
    measures: dict[int, list[MeasureFact]] = {}
    for w in connection.execute(
        select(
            m.Measure.submission_id,
            m.Measure.measure_key,
            m.Measure.risk_key,
            m.Measure.due,
            m.Measure.status,
        ).where(m.Measure.submission_id.in_(submission_ids))
    ):
        measures.setdefault(w.submission_id, []).append(MeasureFact._make(w[1:]))
    s = m.Submission
    submissions = [
        SubmissionFact(
            uid=r.uid,
            contract_uid=r.contract_uid,
            version_no=r.version_no,
            received_on=r.received_on,
            content_sha256=r.content_sha256,
            risks=tuple(sorted(risks.get(r.id, ()), key=_risk_key)),
            measures=tuple(sorted(measures.get(r.id, ()), key=_measure_key)),
        )
        for r in connection.execute(
            of_active(
                select(
                    s.id,
                    s.uid,
                    c.uid.label("contract_uid"),
                    s.version_no,
                    s.received_on,
                    s.content_sha256,
                ),
                s,
            )
        )
    ]
    e = m.Evidence
    superseded = aliased(m.Evidence)
    evidence = facts(
        EvidenceFact,
        of_active(
            select(
                e.uid,
                c.uid.label("contract_uid"),
                e.type,
                e.received_on,
                e.issued_on,
                e.valid_until,
                superseded.uid.label("supersedes_uid"),
            )
            .outerjoin(
                superseded,
                and_(superseded.id == e.supersedes_id, superseded.withdrawn_at.is_(None)),
            )
            .where(e.withdrawn_at.is_(None)),
            e,
        ),
    )
    a = m.Assessment
    assessments = facts(
        AssessmentFact,
        of_active(
            select(
                a.uid,
                c.uid.label("contract_uid"),
                a.subject,
                a.verdict,
                a.assessed_on,
                a.contract_year,
            ).where(a.withdrawn_at.is_(None)),
            a,
        ),
    )
    g = m.Signal
    signals = facts(
        SignalFact,
        of_active(
            select(
                g.uid,
                c.uid.label("contract_uid"),
                g.received_on,
                g.theme,
                g.status,
                g.closed_on,
            ).where(g.withdrawn_at.is_(None)),
            g,
        ),
    )
    x = m.EscalationStep
    escalations = facts(
        EscalationFact,
        of_active(
            select(
                x.uid,
                c.uid.label("contract_uid"),
                x.step,
                x.taken_on,
                x.response_due,
                x.responded_on,
            ).where(x.withdrawn_at.is_(None)),
            x,
        ),
    )
    return YearFacts(
        tenders=tuple(tenders),
        contracts=tuple(contracts),
        submissions=tuple(submissions),
        evidence=tuple(evidence),
        assessments=tuple(assessments),
        signals=tuple(signals),
        escalation_steps=tuple(escalations),
    )


def _risk_key(risk: RiskFact) -> str:
    return risk.risk_key


def _measure_key(measure: MeasureFact) -> str:
    return measure.measure_key


def _organisations(facts: YearFacts) -> tuple[str, ...]:
    return tuple(sorted({t.organisation for t in facts.tenders if t.organisation}))


# ---------------------------------------------------------------------------------------
# Export
# ---------------------------------------------------------------------------------------


def export_year(ctx: Context, year: int, now: dt.datetime | None = None) -> bytes:
    """The year's records as an export file (see :mod:`app.io.year_export`)."""
    from app.persistence.anchor import head_of

    with ctx.db.read() as session:
        facts = gather_year_facts(session, year)
        head = head_of(session)
    moment = now or dt.datetime.now(dt.UTC)
    header = ExportHeader(
        installation_id=ctx.db.installation_id(),
        year=year,
        organisations=_organisations(facts),
        exported_at=moment.replace(microsecond=0).isoformat(),
        application_version=__version__,
        audit_head=head.as_json(),
    )
    return write_export(header, facts)


def save_export(ctx: Context, year: int, target: Path) -> Path:
    """Write the year's export file to ``target`` atomically (a partial file never takes
    the place of a good one)."""
    from app.io.files import write_atomically

    return write_atomically(target, export_year(ctx, year))


# ---------------------------------------------------------------------------------------
# Merge
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MergeInput:
    """One source of facts: the local database or a read export file."""

    source: Source
    facts: YearFacts


@dataclass(frozen=True)
class Merged:
    facts: YearFacts
    duplicates: int
    conflicts: tuple[Conflict, ...]


def _differing_fields(a: Any, b: Any) -> tuple[str, ...]:
    return tuple(name for name, x, y in zip(a._fields, a, b, strict=True) if x != y)


def merge_facts(inputs: Sequence[MergeInput]) -> Merged:
    """Union of the sources' facts: a record (by uid) counts once; when two copies of
    it differ, the first source's copy is kept and the difference listed."""
    if len(inputs) == 1:  # one database: uids are unique in it, nothing to merge
        return Merged(inputs[0].facts, 0, ())
    kept: dict[str, dict[str, tuple[Any, str]]] = {name: {} for name, _ in FACT_KINDS}
    duplicates = 0
    conflicts: list[Conflict] = []
    for item in inputs:
        for name, _ in FACT_KINDS:
            table = kept[name]
            for fact in item.facts.kind(name):
                found = table.get(fact.uid)
                if found is None:
                    table[fact.uid] = (fact, item.source.label)
                elif found[0] == fact:  # frozen values: equal in every field
                    duplicates += 1
                else:
                    conflicts.append(
                        Conflict(
                            kind=name,
                            uid=fact.uid,
                            ref=str(getattr(fact, "ref", "") or ""),
                            kept_from=found[1],
                            other_from=item.source.label,
                            fields=_differing_fields(found[0], fact),
                        )
                    )
    facts = YearFacts(**{name: tuple(v[0] for v in kept[name].values()) for name, _ in FACT_KINDS})
    return Merged(facts, duplicates, tuple(conflicts))


def read_export_file(path: Path, year: int, reference: Reference | None = None) -> MergeInput:
    """Read an export for merging; a file for another year is refused."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UsageError(
            "report_file_not_readable", path=str(path), problem=exc.strerror or str(exc)
        ) from None
    header, facts = read_export(data, path.name, reference)
    if header.year != year:
        raise UsageError("export_other_year", file=path.name, found=header.year, year=year)
    source = Source(
        kind="export",
        installation_id=header.installation_id,
        label=path.name,
        organisations=header.organisations,
        records=facts.count(),
        exported_at=header.exported_at,
    )
    return MergeInput(source, facts)


# ---------------------------------------------------------------------------------------
# The report
# ---------------------------------------------------------------------------------------


def _for_organisation(facts: YearFacts, organisation: str) -> YearFacts:
    """Only the tenders of ``organisation`` and what hangs from them: the fingerprint is
    over the records actually used."""
    tenders = tuple(t for t in facts.tenders if t.organisation == organisation)
    tender_uids = {t.uid for t in tenders}
    contracts = tuple(c for c in facts.contracts if c.tender_uid in tender_uids)
    contract_uids = {c.uid for c in contracts}

    def keep(name: str) -> tuple[Any, ...]:
        return tuple(f for f in facts.kind(name) if f.contract_uid in contract_uids)

    return YearFacts(
        tenders=tenders,
        contracts=contracts,
        submissions=keep("submissions"),
        evidence=keep("evidence"),
        assessments=keep("assessments"),
        signals=keep("signals"),
        escalation_steps=keep("escalation_steps"),
    )


def _resolve_organisation(requested: str, known: Iterable[str]) -> str:
    wanted = " ".join(requested.split()).casefold()
    names = sorted(set(known))
    for name in names:
        if " ".join(name.split()).casefold() == wanted:
            return name
    raise NotFoundError(
        "report_organisation_unknown", organisation=requested, known=", ".join(names) or "-"
    )


def category_grouping(
    reference: Reference, into: str | None
) -> Callable[[CategoryKey], CategoryKey] | None:
    """A function that reports each category under its counterpart in the set ``into``
    (via the reference mapping); a category that maps to several becomes one combined
    group (``a+b``) so that nothing is split by guesswork."""
    if into is None:
        return None
    try:
        target = reference.category_set(into)
    except KeyError:
        raise UsageError(
            "report_unknown_set", set=into, allowed=", ".join(s.id for s in reference.category_sets)
        ) from None

    def group(key: CategoryKey) -> CategoryKey:
        if key.set_id is None or key.set_id == target.id:
            return key
        try:
            category = reference.category_set(key.set_id).get(key.code)
        except KeyError:
            category = None
        if category is None:
            return key
        numbers = {c.code: c.number for c in reference.mapped(category) if c.set_id == target.id}
        codes = sorted(numbers, key=lambda c: (numbers[c], c))
        if not codes:
            return key
        return CategoryKey(target.id, "+".join(codes))

    return group


def _category_names(reference: Reference, key: CategoryKey) -> tuple[str, str, int, int]:
    """Dutch and English name, and the sort position (set order, category number)."""
    if key.code == OUTSIDE_CATEGORIES or key.set_id is None:
        outside = "report_text_outside"
        return locator.message(outside, "nl"), locator.message(outside, "en"), 99, 99
    set_ids = [s.id for s in reference.category_sets]
    set_index = set_ids.index(key.set_id) if key.set_id in set_ids else 98
    try:
        cat_set = reference.category_set(key.set_id)
    except KeyError:
        return key.code, key.code, set_index, 99
    parts = [cat_set.get(code) for code in key.code.split("+")]
    found = [p for p in parts if p is not None]
    if not found:
        return key.code, key.code, set_index, 99
    return (
        " / ".join(p.name_nl for p in found),
        " / ".join(p.name_en for p in found),
        set_index,
        found[0].number,
    )


def build_report(
    reference: Reference,
    inputs: Sequence[MergeInput],
    year: int,
    *,
    organisation: str | None = None,
    group_into: str | None = None,
    today: dt.date | None = None,
    now: dt.datetime | None = None,
    known_organisations: Iterable[str] = (),
    basis: str = "awarded",
    previous: YearFacts | None = None,
) -> YearReport:
    """Merge the sources, count the year and attach names: the finished report.
    ``organisation`` must be one the sources or ``known_organisations`` name (an
    organisation without tenders in the year gives zeros, a typo an error).

    Categories are counted in one category set: ``group_into``, else the set in force
    at the end of the year (a tender registered under the other set is grouped under
    its counterpart). ``previous`` are the facts of the year before, counted the same
    way for the comparison column (the local database's; an export holds one year)."""
    _year_bounds(year)
    if basis not in BASES:
        raise UsageError("report_unknown_basis", basis=basis, allowed=", ".join(BASES))
    if group_into is None:
        group_into = reference.set_in_force(dt.date(year, 12, 31)).id
    merged = merge_facts(inputs)
    facts = merged.facts
    if organisation is not None:
        known = {o for i in inputs for o in i.source.organisations}
        known |= {t.organisation for t in facts.tenders if t.organisation}
        known |= set(known_organisations)
        organisation = _resolve_organisation(organisation, known)
        facts = _for_organisation(facts, organisation)
    moment = now or dt.datetime.now(dt.UTC).replace(microsecond=0)
    as_of = as_of_date(year, today or moment.date())
    escalation_codes = [s.code for s in reference.escalation_steps]
    theme_sdg = {t.code: t.sdg for t in reference.themes}
    counted = count_year(
        facts,
        year,
        as_of,
        organisation=organisation,
        current_clause_version=CURRENT_CLAUSE_VERSION,
        escalation_codes=escalation_codes,
        theme_sdg=theme_sdg,
        group=category_grouping(reference, group_into),
        basis=basis,
    )
    previous_totals: dict[str, int] = {}
    if previous is not None:
        if organisation is not None:
            previous = _for_organisation(previous, organisation)
        previous_totals = dict(
            count_year(
                previous,
                year - 1,
                as_of_date(year - 1, today or moment.date()),
                organisation=organisation,
                current_clause_version=CURRENT_CLAUSE_VERSION,
                escalation_codes=escalation_codes,
                theme_sdg=theme_sdg,
                basis=basis,
            ).totals
        )
    categories = []
    for key, figures in counted.by_category.items():
        nl, en, set_index, number = _category_names(reference, key)
        categories.append(((set_index, number, key.code), CategoryFigures(key, nl, en, figures)))
    categories.sort(key=lambda x: x[0])
    sdg = tuple(
        SdgFigure(
            target=code,
            name_nl=label.nl,
            name_en=label.en,
            themes=tuple(t.code for t in reference.themes if code in t.sdg),
            contracts=counted.sdg_counts.get(code, (0, 0, 0))[0],
            risks=counted.sdg_counts.get(code, (0, 0, 0))[1],
            signals=counted.sdg_counts.get(code, (0, 0, 0))[2],
        )
        for code, label in reference.sdg_targets.items()
    )
    return YearReport(
        year=year,
        organisation=organisation,
        as_of=as_of,
        generated_at=moment,
        fingerprint=fingerprint(facts),
        current_clause_version=CURRENT_CLAUSE_VERSION,
        grouping=group_into,
        totals=counted.totals,
        categories=tuple(c for _, c in categories),
        forms=counted.forms,
        not_applied_reasons=counted.not_applied_reasons,
        risk_matrix=counted.risk_matrix,
        escalation_by_step=counted.escalation_by_step,
        step_states=counted.step_states,
        sdg=sdg,
        tender_rows=counted.tender_rows,
        contract_rows=counted.contract_rows,
        sources=tuple(i.source for i in inputs),
        conflicts=merged.conflicts,
        duplicates=merged.duplicates,
        basis=basis,
        award_date_unknown=counted.award_date_unknown,
        previous_totals=previous_totals,
        organisations=_per_organisation(counted.tender_rows) if organisation is None else (),
    )


def _per_organisation(rows: Sequence[TenderRow]) -> tuple[tuple[str, Mapping[str, int]], ...]:
    """The tender figures per organisation, when the rows name more than one."""
    by_org: dict[str, list[Mapping[str, int]]] = defaultdict(list)
    for row in rows:
        by_org[row.fact.organisation or "-"].append(row.flags)
    if len(by_org) < 2:
        return ()
    return tuple(
        (name, {code: sum(f[code] for f in flags) for code in TENDER_FIGURES})
        for name, flags in sorted(by_org.items())
    )


def local_input(ctx: Context, year: int) -> MergeInput:
    with ctx.db.read() as session:
        facts = gather_year_facts(session, year)
    source = Source(
        kind="database",
        installation_id=ctx.db.installation_id(),
        label=Path(ctx.db.location).name
        if "://" not in ctx.db.location
        else ctx.db.location.split("@")[-1],
        organisations=_organisations(facts),
        records=facts.count(),
    )
    return MergeInput(source, facts)


def year_report(
    ctx: Context,
    year: int,
    *,
    organisation: str | None = None,
    merge: Sequence[Path] = (),
    group_into: str | None = None,
    today: dt.date | None = None,
    now: dt.datetime | None = None,
    basis: str = "awarded",
) -> YearReport:
    """The report of ``year`` from the local database plus the given export files. The
    previous year's totals stand beside the year's when no export is merged (an export
    holds one year only)."""
    _year_bounds(year)
    exports = [read_export_file(path, year, ctx.reference) for path in merge]
    with ctx.db.read() as session:
        names = list(session.scalars(select(m.Organisation.name)))
        previous = gather_year_facts(session, year - 1) if not exports and year > 1900 else None
    return build_report(
        ctx.reference,
        [local_input(ctx, year), *exports],
        year,
        organisation=organisation,
        group_into=group_into,
        today=today,
        now=now,
        known_organisations=names,
        basis=basis,
        previous=previous,
    )


# ---------------------------------------------------------------------------------------
# The JSON document of ``report --json``
# ---------------------------------------------------------------------------------------

MONEY = {f.code for f in FIGURES if f.money}


def _figures_json(figures: Mapping[str, int]) -> dict[str, Any]:
    return {
        code: (from_cents(value) if code in MONEY else value) for code, value in figures.items()
    }


def _share(figures: Mapping[str, int], part: str, whole: str) -> float | None:
    """``part / whole`` rounded to four decimals; ``None`` when there is no whole."""
    total = figures.get(whole, 0)
    return round(figures.get(part, 0) / total, 4) if total else None


def report_document(report: YearReport) -> dict[str, Any]:
    """``report --json`` (spec/cli.md): the spec's fields and every further figure.
    Money in euros; counts as whole numbers."""
    return {
        "year": report.year,
        "organisation": report.organisation,
        "as_of": report.as_of.isoformat(),
        "generated_at": report.generated_at.isoformat(),
        "fingerprint": report.fingerprint,
        "current_clause_version": report.current_clause_version,
        "grouping": report.grouping,
        "basis": report.basis,
        "totals": _figures_json(report.totals),
        "share_mandatory_applied": _share(
            report.totals, "tenders_isv_applied_mandatory", "tenders_isv_mandatory"
        ),
        "share_mandatory_applied_by_value": _share(
            report.totals, "tenders_value_applied_mandatory", "tenders_value_mandatory"
        ),
        "award_date_unknown": len(report.award_date_unknown),
        "award_date_unknown_tenders": [
            {"ref": t.ref, "title": t.title, "published": t.published.isoformat()}
            for t in report.award_date_unknown
        ],
        "previous_year": (
            {"year": report.year - 1, "totals": _figures_json(report.previous_totals)}
            if report.previous_totals
            else None
        ),
        "organisations": [
            {"organisation": name, **_figures_json(figures)}
            for name, figures in report.organisations
        ],
        "categories": [
            {
                "code": c.key.code,
                "set": c.key.set_id,
                "name_nl": c.name_nl,
                "name_en": c.name_en,
                **_figures_json(c.figures),
            }
            for c in report.categories
        ],
        "forms": dict(report.forms),
        "not_applied_reasons": [{"code": r, "tenders": n} for r, n in report.not_applied_reasons],
        "risks_by_theme": {theme: dict(p) for theme, p in sorted(report.risk_matrix.items())},
        "escalation_by_step": dict(report.escalation_by_step),
        "oecd_steps": {code: dict(states) for code, states in report.step_states.items()},
        "sdg": [
            {
                "target": s.target,
                "name_nl": s.name_nl,
                "name_en": s.name_en,
                "themes": list(s.themes),
                "contracts": s.contracts,
                "risks": s.risks,
                "signals": s.signals,
            }
            for s in report.sdg
        ],
        "sources": [
            {
                "kind": s.kind,
                "installation_id": s.installation_id,
                "label": s.label,
                "organisations": list(s.organisations),
                "records": s.records,
                "exported_at": s.exported_at,
            }
            for s in report.sources
        ],
        "duplicates": report.duplicates,
        "conflicts": [
            {
                "kind": c.kind,
                "uid": c.uid,
                "ref": c.ref,
                "kept_from": c.kept_from,
                "other_from": c.other_from,
                "fields": list(c.fields),
            }
            for c in report.conflicts
        ],
    }
