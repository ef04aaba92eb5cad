"""The risk analysis's own term (issue 14 point 13): a contract may give the risk analysis
a term of its own (``risk_months``); without one it is due with the plan of action, as
before. The dossier state, the due list, the report's "on time" and the year export
follow it; it is set with ``contract add/correct --risk-months`` and in the window."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from app.domain.deadlines import risk_analysis_due
from app.domain.followup import (
    ContractFacts,
    DeadlineKind,
    StepState,
    contract_deadlines,
    derive_steps,
)
from app.domain.values import IsvDecision
from app.services import dossier, registry

D = dt.date
START, END = D(2025, 1, 15), D(2027, 1, 14)  # plan due 2025-04-15


def facts(**kw: Any) -> ContractFacts:
    return ContractFacts(contract_id=1, ref="C", start=START, end=END, **kw)


def risk_state(f: ContractFacts, as_of: dt.date) -> StepState:
    return {s.code: s for s in derive_steps(f, as_of)}["risk_analysis"].state


def test_without_a_term_of_its_own_it_is_due_with_the_plan() -> None:
    assert risk_analysis_due(START, 3, None) == D(2025, 4, 15)
    assert risk_state(facts(), D(2025, 4, 15)) is StepState.NOT_STARTED
    assert risk_state(facts(), D(2025, 4, 16)) is StepState.OVERDUE
    kinds = [d.kind for d in contract_deadlines(facts(), D(2025, 2, 1))]
    assert DeadlineKind.RISK_ANALYSIS not in kinds  # listed as the plan of action, as before


def test_a_term_of_its_own_moves_the_state_and_the_due_list() -> None:
    own = facts(risk_months=1, plan_months=3)
    assert risk_analysis_due(START, 3, 1) == D(2025, 2, 15)
    assert risk_state(own, D(2025, 2, 15)) is StepState.NOT_STARTED
    assert risk_state(own, D(2025, 2, 16)) is StepState.OVERDUE
    steps = {s.code: s for s in derive_steps(own, D(2025, 2, 16))}
    assert steps["risk_analysis"].due == D(2025, 2, 15)
    assert steps["plan_of_action"].state is StepState.NOT_STARTED  # still 2025-04-15
    listed = [(d.kind, d.due) for d in contract_deadlines(own, D(2025, 2, 1))]
    assert listed[0] == (DeadlineKind.RISK_ANALYSIS, D(2025, 2, 15))
    assert (DeadlineKind.PLAN_OF_ACTION, D(2025, 4, 15)) in listed
    received = facts(risk_months=1, risk_analysis_received=D(2025, 2, 10))
    assert risk_state(received, D(2025, 3, 1)) is StepState.DONE
    assert DeadlineKind.RISK_ANALYSIS not in [
        d.kind for d in contract_deadlines(received, D(2025, 3, 1))
    ]
    longer = facts(risk_months=6)  # later than the plan: overdue only after its own date
    assert risk_state(longer, D(2025, 5, 1)) is StepState.NOT_STARTED
    assert risk_state(longer, D(2025, 7, 16)) is StepState.OVERDUE


@pytest.fixture
def contract(ctx: Any) -> str:
    today = dt.date.today()
    registry.register_tender(
        ctx,
        ref="T-RA",
        title="Laptops",
        category="ict-werkomgeving",
        kind="supplies",
        value=500_000,
        published=today - dt.timedelta(days=200),
        decision=IsvDecision(True, form="contract-condition"),
    )
    return "T-RA"


def test_the_command_line_sets_and_clears_the_term(cli: Any, ctx: Any, contract: str) -> None:
    today = dt.date.today()
    start = today - dt.timedelta(days=45)
    added = cli(
        "contract", "add", "--ref", "C-RA", "--tender", contract, "--supplier", "Laptop BV",
        "--supplier-country", "NL", "--start", start.isoformat(),
        "--end", (start + dt.timedelta(days=800)).isoformat(), "--risk-months", "1",
    )  # fmt: skip
    assert added.status == 0, added.err
    steps = dossier.step_states(ctx, "C-RA")
    assert steps.state("risk_analysis") is StepState.OVERDUE  # one month has passed
    assert steps.state("plan_of_action") is not StepState.OVERDUE  # three have not
    due = json.loads(cli("due", "--within", "400", "--json").out)
    kinds = [i["kind"] for i in due if i["contract"] == "C-RA"]
    assert kinds[0] == "risk-analysis" and "plan-of-action" in kinds
    text = cli("due", "--within", "400").out
    assert "Risicoanalyse" in text
    cleared = cli(
        "contract", "correct", "C-RA", "--reason", "Termijn zoals het plan",
        "--risk-with-plan",
    )  # fmt: skip
    assert cleared.status == 0, cleared.err
    assert dossier.step_states(ctx, "C-RA").state("risk_analysis") is not StepState.OVERDUE
    history = json.loads(cli("history", "C-RA", "--json").out)
    changed = [c for e in history for c in e["changes"] if c["field"] == "risk_months"]
    assert changed and changed[-1]["old"] == 1 and changed[-1]["new"] is None
    wrong = cli("contract", "correct", "C-RA", "--reason", "x", "--risk-months", "25")
    assert wrong.status == 1 and "risk-months" in wrong.err


def test_the_report_counts_on_time_by_the_term_and_the_export_keeps_it(
    ctx: Any, contract: str, tmp_path: Any
) -> None:
    from app.io.year_export import read_export
    from app.services import reporting

    today = dt.date.today()
    start = today - dt.timedelta(days=60)
    registry.add_contract(
        ctx,
        ref="C-EX",
        tender_ref=contract,
        supplier="Laptop BV",
        supplier_country="NL",
        start=start,
        end=start + dt.timedelta(days=800),
        risk_months=2,
    )
    from app.io.year_export import _checksum

    data = reporting.export_year(ctx, today.year)
    _header, facts_read = read_export(data, "export.json")
    (fact,) = [c for c in facts_read.contracts if c.ref == "C-EX"]
    assert fact.risk_months == 2
    body = json.loads(data)
    assert body["format_version"] == 3
    # an export of version 2 (before the term existed) is read with the term unknown
    del body["checksum"]
    body["format_version"] = 2
    for item in body["records"]["contracts"]:
        del item["risk_months"]
    body["checksum"] = {"algorithm": "sha256", "value": _checksum(body)}
    _header, older = read_export(json.dumps(body).encode(), "older.json")
    assert [c.risk_months for c in older.contracts if c.ref == "C-EX"] == [None]


def _figure(document: Any, name: str) -> list[Any]:
    """Every value of ``name`` anywhere in the report's JSON."""
    if isinstance(document, dict):
        found = [document[name]] if name in document else []
        return found + [v for x in document.values() for v in _figure(x, name)]
    if isinstance(document, list):
        return [v for x in document for v in _figure(x, name)]
    return []


def test_the_report_counts_on_time_by_the_term(
    cli: Any, ctx: Any, contract: str, tmp_path: Any
) -> None:
    from app.services import evidence

    today = dt.date.today()
    start = today - dt.timedelta(days=120)
    for ref, months in (("C-OWN", 1), ("C-PLAN", None)):
        registry.add_contract(
            ctx,
            ref=ref,
            tender_ref=contract,
            supplier="Laptop BV",
            supplier_country="NL",
            start=start,
            end=start + dt.timedelta(days=800),
            risk_months=months,
        )
        document = tmp_path / f"{ref}.pdf"
        document.write_bytes(b"%PDF-1.4 risicoanalyse " + ref.encode())
        evidence.add_evidence(  # after one month, within the plan's three
            ctx,
            contract_ref=ref,
            path=document,
            type_code="risk-analysis",
            received_on=start + dt.timedelta(days=50),
        )
    report = json.loads(cli("report", "--year", str(today.year), "--json").out)
    assert _figure(report, "risk_analysis_late")[0] == 1
    assert _figure(report, "risk_analysis_on_time")[0] == 1
