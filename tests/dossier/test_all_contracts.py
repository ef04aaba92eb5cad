"""The all-contracts answer the dashboard reads (every contract's step states and the due
list) is worked out afresh on each call: after each kind of change it shows the change,
and it agrees with the answer for each contract on its own."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from app.domain.followup import StepState
from app.domain.rubric import ElementRating
from app.domain.values import IsvDecision
from app.services import assessments, dossier, evidence, follow_up, registry, signals
from app.services.context import Context

from .conftest import add_submission

D = dt.date
AS_OF = D(2025, 11, 1)


def test_each_kind_of_change_shows_in_the_next_answer(
    ctx: Context, make_contract: Callable[..., str], document: Callable[[], Path]
) -> None:
    refs = [
        make_contract(D(2024, 1, 1) + dt.timedelta(days=40 * n), D(2026, 12, 31)) for n in range(6)
    ]
    first = dossier.step_states_for_all(ctx, AS_OF)
    assert len(first) == 6
    assert dossier.step_states_for_all(ctx, AS_OF) == first

    ref = refs[2]
    policy = evidence.add_evidence(
        ctx, contract_ref=ref, path=document(), type_code="policy", received_on=D(2024, 4, 1)
    )
    report = evidence.add_evidence(
        ctx,
        contract_ref=refs[0],
        path=document(),
        type_code="yearly-report",
        received_on=D(2025, 2, 1),
    )
    good = [
        ElementRating("progress_against_plan", "sufficient"),
        ElementRating("public_accountability", "sufficient"),
    ]
    signal = signals.log_signal(
        ctx,
        contract_ref=refs[3],
        received_on=D(2025, 5, 1),
        source="NGO",
        theme="child_labour",
        description="Melding",
    )
    step_id = 0

    def escalate() -> None:
        nonlocal step_id
        step_id = signals.record_escalation_step(
            ctx,
            contract_ref=refs[3],
            step="dialogue",
            taken_on=D(2025, 5, 2),
            response_due=D(2025, 6, 1),
            signal_id=signal.id,
        ).id

    changes: list[tuple[str, Callable[[], object], set[str]]] = [
        (
            "a document",
            lambda: evidence.add_evidence(
                ctx,
                contract_ref=ref,
                path=document(),
                type_code="risk-analysis",
                received_on=D(2024, 5, 1),
            ),
            {ref},
        ),
        (
            "a certificate that expires soon",
            lambda: evidence.add_evidence(
                ctx,
                contract_ref=refs[4],
                path=document(),
                type_code="certificate",
                received_on=D(2024, 5, 1),
                valid_until=D(2025, 11, 20),
            ),
            {refs[4]},
        ),
        (
            "a correction of a document",
            lambda: evidence.supersede_evidence(
                ctx, policy.id, document(), received_on=D(2024, 6, 1)
            ),
            {ref},
        ),
        (
            "a workbook with measures",
            lambda: add_submission(
                ctx,
                refs[1],
                D(2024, 5, 1),
                risks=[{}],
                measures=[{"due": D(2025, 1, 1), "status": "in_progress"}],
            ),
            {refs[1]},
        ),
        (
            "an assessment",
            lambda: assessments.assess(
                ctx,
                contract_ref=refs[0],
                subject="yearly-report",
                ratings=good,
                evidence_id=report.id,
                contract_year=1,
                assessed_on=D(2025, 2, 5),
            ),
            {refs[0]},
        ),
        (
            "a signal closed",
            lambda: signals.set_signal_status(
                ctx, signal.id, "closed", closed_on=D(2025, 6, 1), expected_version=None
            ),
            {refs[3]},
        ),
        ("an escalation step", escalate, {refs[3]}),
        (
            "a response",
            lambda: signals.record_escalation_response(
                ctx, step_id, D(2025, 5, 20), expected_version=None
            ),
            {refs[3]},
        ),
        (
            "a plan agreed",
            lambda: dossier.agree_plan(ctx, refs[4], D(2024, 9, 1), expected_version=None),
            {refs[4]},
        ),
        (
            "the ISV no longer applied",
            lambda: registry.record_decision(
                ctx,
                "T-" + refs[5].removeprefix("C-"),
                IsvDecision(False, "Klein"),
                expected_version=None,
            ),
            {refs[5]},
        ),
        ("a new contract", lambda: make_contract(D(2025, 1, 1), D(2025, 12, 31)), set()),
        (
            "a choice of follow-up (no fact changes)",
            lambda: follow_up.choose_follow_up(ctx, refs[1], "site-visit", expected_version=None),
            {refs[1]},
        ),
    ]
    windows = (30, 3650)  # the dashboard's window, and one that takes in every deadline
    for what, change, touched in changes:
        before = {s.contract_ref: s for s in dossier.step_states_for_all(ctx, AS_OF)}
        change()
        now = dossier.step_states_for_all(ctx, AS_OF)
        assert now == [dossier.step_states(ctx, s.contract_ref, AS_OF) for s in now], what
        changed = {s.contract_ref for s in now if s.contract_ref in before} - {
            s.contract_ref for s in now if before.get(s.contract_ref) == s
        }
        assert changed <= touched, what
        for within in windows:
            due = dossier.due_items(ctx, within, AS_OF)
            one_by_one = [
                item
                for s in now
                for item in dossier.due_items(ctx, within, AS_OF, contract_ref=s.contract_ref)
            ]
            assert sorted(due) == sorted(one_by_one), what
    kinds = {d.kind for d in dossier.due_items(ctx, 3650, AS_OF)}
    assert kinds == {"plan-of-action", "yearly-report", "evidence-expiry"}  # response given
    last = {s.contract_ref: s for s in dossier.step_states_for_all(ctx, AS_OF)}
    assert refs[5] not in last  # no longer followed
    assert last[refs[3]].state("remediation") is StepState.DONE
    assert len(last) == 6


def test_references_are_in_code_point_order(
    ctx: Context, make_contract: Callable[..., str]
) -> None:
    """A server database may order text by a language's collation, so the answer is not
    left in the database's order."""
    for ref in ("a-2", "B-1", "b-3"):
        make_contract(D(2024, 1, 1), D(2026, 12, 31), ref=ref)
    assert [s.contract_ref for s in dossier.step_states_for_all(ctx, AS_OF)] == [
        "B-1",
        "a-2",
        "b-3",
    ]
