"""The counting rules and the export format on plain values (no database)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random

import pytest

from app import locator
from app.domain.errors import UsageError
from app.domain.report import Source, as_of_date, count_year
from app.domain.report_facts import (
    ContractFact,
    EvidenceFact,
    MeasureFact,
    RiskFact,
    SignalFact,
    SubmissionFact,
    TenderFact,
    YearFacts,
    fingerprint,
)
from app.domain.report_figures import FIGURES
from app.io.year_export import ExportHeader, read_export, write_export
from app.services.reporting import MergeInput, build_report, merge_facts

D = dt.date


def tender(uid: str, **changes: object) -> TenderFact:
    base = TenderFact(
        uid=uid,
        ref=uid.upper(),
        title="Titel",
        organisation="Org",
        kind="supplies",
        value_cents=30_000_000,
        published=D(2026, 3, 1),
        category_code="bedrijfskleding",
        category_set="acht",
        verdict="mandatory",
        isv_applied=True,
        not_applied_reason=None,
        form="contract-condition",
        clause_version="2017",
    )
    changed = base._replace(**changes)
    if "awarded" not in changes:  # awarded on the day of publication unless said otherwise
        changed = changed._replace(awarded=changed.published)
    return changed


def contract(uid: str, tender_uid: str, **changes: object) -> ContractFact:
    base = ContractFact(
        uid=uid,
        ref=uid.upper(),
        tender_uid=tender_uid,
        supplier="Lev",
        supplier_country="NL",
        start=D(2026, 1, 1),
        end=D(2027, 12, 31),
        value_cents=None,
        plan_months=3,
        report_month=3,
        plan_agreed_on=None,
    )
    return base._replace(**changes)


def counted(facts: YearFacts, year: int, as_of: dt.date) -> dict[str, int]:
    reference = locator.reference()
    result = count_year(
        facts,
        year,
        as_of,
        organisation=None,
        current_clause_version="2017",
        escalation_codes=[s.code for s in reference.escalation_steps],
        theme_sdg={t.code: t.sdg for t in reference.themes},
    )
    return dict(result.totals)


def test_as_of_is_year_end_or_today() -> None:
    assert as_of_date(2025, D(2026, 11, 25)) == D(2025, 12, 31)
    assert as_of_date(2026, D(2026, 11, 25)) == D(2026, 11, 25)
    assert as_of_date(2031, D(2026, 11, 25)) == D(2031, 1, 1)


def test_the_current_year_counts_up_to_today() -> None:
    """A measure due after the reference date is not overdue yet; a document received
    after it does not count; a signal received after it is not in the year's figures."""
    facts = YearFacts(
        tenders=(tender("t1"),),
        contracts=(contract("c1", "t1"),),
        submissions=(
            SubmissionFact(
                "s1",
                "c1",
                1,
                D(2026, 3, 15),
                "x",
                (RiskFact("R1", "child_labour", "high"),),
                (
                    MeasureFact("M1", "R1", D(2026, 6, 1), "planned"),
                    MeasureFact("M2", "R1", D(2026, 9, 1), "planned"),
                ),
            ),
        ),
        evidence=(EvidenceFact("e1", "c1", "yearly-report", D(2026, 10, 1), None, None, None),),
        signals=(SignalFact("g1", "c1", D(2026, 8, 1), "child_labour", "open", None),),
    )
    in_july = counted(facts, 2026, D(2026, 7, 1))
    assert in_july["measures_overdue"] == 1
    assert in_july["yearly_report_received"] == 0
    assert in_july["signals_received"] == 0
    assert in_july["risk_analysis_on_time"] == 1
    in_november = counted(facts, 2026, D(2026, 11, 25))
    assert in_november["measures_overdue"] == 2
    assert in_november["yearly_report_received"] == 1
    assert in_november["signals_received"] == 1
    assert in_november["signals_open"] == 1


def test_expiring_evidence_window_and_superseding() -> None:
    facts = YearFacts(
        tenders=(tender("t1"),),
        contracts=(contract("c1", "t1", start=D(2025, 1, 1), end=D(2027, 12, 31)),),
        evidence=(
            EvidenceFact("a", "c1", "certificate", D(2025, 1, 5), None, D(2025, 3, 1), None),
            EvidenceFact("b", "c1", "certificate", D(2025, 1, 5), None, D(2026, 3, 31), None),
            EvidenceFact("c", "c1", "certificate", D(2025, 1, 5), None, D(2026, 4, 1), None),
            EvidenceFact("d", "c1", "certificate", D(2025, 1, 5), None, D(2025, 6, 1), None),
            EvidenceFact("e", "c1", "certificate", D(2025, 5, 1), None, D(2028, 1, 1), "d"),
            EvidenceFact("f", "c1", "certificate", D(2025, 1, 5), None, D(2024, 12, 31), None),
        ),
    )
    # a: within the year; b: 31 Dec + 90 days = 31 March; c: one day later; d: superseded;
    # e: valid past the contract's end; f: expired before the year
    assert counted(facts, 2025, D(2025, 12, 31))["evidence_expiring"] == 2


def test_a_contract_without_isv_has_no_due_diligence_figures() -> None:
    facts = YearFacts(
        tenders=(
            tender(
                "t1", isv_applied=False, form=None, clause_version=None, not_applied_reason="Reden"
            ),
        ),
        contracts=(contract("c1", "t1"),),
    )
    totals = counted(facts, 2026, D(2026, 12, 31))
    assert totals["contracts_active"] == 1
    assert totals["contracts_isv"] == 0
    assert totals["plan_overdue"] == 0
    assert totals["risk_analysis_overdue"] == 0
    assert totals["tenders_isv_not_applied_mandatory"] == 1


def test_fingerprint_ignores_order_and_sees_every_change() -> None:
    tenders = [tender(f"t{i}", value_cents=i * 100) for i in range(20)]
    shuffled = tenders[:]
    random.Random(7).shuffle(shuffled)
    assert fingerprint(YearFacts(tenders=tuple(tenders))) == fingerprint(
        YearFacts(tenders=tuple(shuffled))
    )
    changed = [*tenders[:-1], tenders[-1]._replace(title="Titel!")]
    assert fingerprint(YearFacts(tenders=tuple(tenders))) != fingerprint(
        YearFacts(tenders=tuple(changed))
    )


def sample_facts() -> YearFacts:
    return YearFacts(
        tenders=(
            tender("t1", title="=SOM(1) & <b>x</b> 中文"),
            tender("t2", isv_applied=None, form=None, clause_version=None),
        ),
        contracts=(contract("c1", "t1", plan_agreed_on=D(2026, 2, 2), value_cents=5),),
        submissions=(
            SubmissionFact(
                "s1",
                "c1",
                1,
                D(2026, 3, 15),
                "abc",
                (RiskFact("R1", "child_labour", "high"),),
                (MeasureFact("M1", "R1", D(2026, 6, 1), "planned"),),
            ),
        ),
        evidence=(EvidenceFact("e1", "c1", "policy", D(2026, 1, 1), None, None, None),),
    )


def test_fingerprint_is_the_documented_digest() -> None:
    """SHA-256 over one line per fact (kind, unit separator, the JSON list of its field
    values with dates as ISO text), sorted by kind then uid: written out here the slow,
    obvious way, so a faster encoder can never change a report's fingerprint."""
    import hashlib

    def plain(value: object) -> object:
        if isinstance(value, dt.date):
            return value.isoformat()
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return [plain(getattr(value, f.name)) for f in dataclasses.fields(value)]
        if isinstance(value, tuple):
            return [plain(v) for v in value]
        return value

    facts = sample_facts()
    lines = ""
    for name in (
        "tenders",
        "contracts",
        "submissions",
        "evidence",
        "assessments",
        "signals",
        "escalation_steps",
    ):
        for fact in sorted(facts.kind(name), key=lambda f: f.uid):
            text = json.dumps(plain(fact), ensure_ascii=False, separators=(",", ":"))
            lines += f"{name}\x1f{text}\n"
    assert fingerprint(facts) == hashlib.sha256(lines.encode()).hexdigest()


def test_export_round_trip() -> None:
    facts = sample_facts()
    header = ExportHeader("inst-1", 2026, ("Org",), "2026-11-25T10:00:00+00:00", "0.1.0")
    read_header, read_facts = read_export(write_export(header, facts), "x.json")
    assert read_header == header
    for name in ("tenders", "contracts", "submissions", "evidence"):
        assert sorted(read_facts.kind(name), key=lambda f: f.uid) == sorted(
            facts.kind(name), key=lambda f: f.uid
        )
    assert fingerprint(read_facts) == fingerprint(facts)


@pytest.mark.parametrize(
    "change",
    [
        lambda b: b["records"]["tenders"][0].update(value_cents=1),
        lambda b: b.update(installation_id="someone-else"),
        lambda b: b["records"]["evidence"].clear(),
    ],
)
def test_any_change_breaks_the_checksum(change: object) -> None:
    header = ExportHeader("inst-1", 2026, ("Org",), "2026-11-25T10:00:00+00:00", "0.1.0")
    body = json.loads(write_export(header, sample_facts()))
    change(body)  # type: ignore[operator]
    with pytest.raises(UsageError) as raised:
        read_export(json.dumps(body).encode(), "x.json")
    assert raised.value.code == "export_tampered"


@pytest.mark.parametrize(
    "change",
    [
        lambda r: r["tenders"][0].update(value_cents=True),  # a JSON true is no amount
        lambda r: r["tenders"][0].update(value_cents="300000"),
        lambda r: r["tenders"][0].update(isv_applied=1),
        lambda r: r["tenders"][0].update(title=None),  # only optional fields may be null
        lambda r: r["tenders"][0].update(published="1 maart 2026"),
        lambda r: r["tenders"][0].update(published=20260301),
        lambda r: r["tenders"][0].pop("form"),
        lambda r: r["tenders"][0].update(extra=1),
        lambda r: r["contracts"][0].update(plan_months=None),
        lambda r: r["submissions"][0]["risks"][0].update(priority=3),
        lambda r: r["submissions"][0].update(measures={}),
    ],
)
def test_a_wrong_record_is_refused_even_with_a_valid_checksum(change: object) -> None:
    from app.io import year_export

    header = ExportHeader("inst-1", 2026, ("Org",), "2026-11-25T10:00:00+00:00", "0.1.0")
    body = json.loads(write_export(header, sample_facts()))
    body.pop("checksum")
    change(body["records"])  # type: ignore[operator]
    body["checksum"] = {"algorithm": "sha256", "value": year_export._checksum(body)}
    with pytest.raises(UsageError) as raised:
        read_export(json.dumps(body).encode(), "x.json")
    assert raised.value.code == "export_malformed"


def test_merge_rules_on_plain_values() -> None:
    facts = sample_facts()
    other = YearFacts(tenders=(facts.tenders[1]._replace(title="Anders"), tender("t3")))
    first = MergeInput(Source("database", "i1", "eigen.sqlite", (), facts.count()), facts)
    copy = MergeInput(Source("export", "i1", "kopie.json", (), facts.count()), facts)
    second = MergeInput(Source("export", "i2", "ander.json", (), other.count()), other)
    merged = merge_facts([first, copy, second])
    assert merged.duplicates == facts.count()
    assert len(merged.facts.tenders) == 3
    assert [(c.uid, c.fields, c.kept_from, c.other_from) for c in merged.conflicts] == [
        ("t2", ("title",), "eigen.sqlite", "ander.json")
    ]
    kept = {t.uid: t for t in merged.facts.tenders}
    assert kept["t2"].title == "Titel"  # the first source's copy, as the annex says
    report = build_report(locator.reference(), [first, copy, second], 2026, today=D(2026, 12, 31))
    assert report.duplicates == facts.count()
    assert report.totals["tenders"] == 3


def test_every_figure_has_words_in_both_languages() -> None:
    codes = [f.code for f in FIGURES]
    assert len(codes) == len(set(codes))
    for figure in FIGURES:
        for text in (figure.nl, figure.en, figure.definition_nl, figure.definition_en):
            assert text.strip() and len(text) < 400, figure.code
        assert figure.definition_nl != figure.definition_en
