"""The all-contracts answer the dashboard reads is kept and brought up to date from the
audit trail: after each kind of change only the contracts it touches are worked out
again, and the result equals working everything out afresh. Where the trail cannot say
which contracts changed, everything is worked out again."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import delete

from app.domain.followup import ContractSteps, StepState
from app.domain.rubric import ElementRating
from app.domain.values import IsvDecision
from app.persistence import models as m
from app.persistence.audit import AuditWriter
from app.services import assessments, dossier, evidence, follow_up, registry, signals
from app.services.context import Context

from .conftest import add_submission

D = dt.date
AS_OF = D(2025, 11, 1)


def afresh(ctx: Context) -> list[ContractSteps]:
    dossier.forget_kept_answers()
    answer = dossier.step_states_for_all(ctx, AS_OF)
    assert dossier.last_refresh() == "full"
    return answer


def test_each_kind_of_change_refreshes_only_its_contracts(
    ctx: Context, make_contract: Callable[..., str], document: Callable[[], Path]
) -> None:
    refs = [
        make_contract(D(2024, 1, 1) + dt.timedelta(days=40 * n), D(2026, 12, 31)) for n in range(6)
    ]
    first = afresh(ctx)
    assert len(first) == 6
    assert dossier.step_states_for_all(ctx, AS_OF) == first
    assert dossier.last_refresh() == "kept"

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
            lambda: signals.set_signal_status(ctx, signal.id, "closed", closed_on=D(2025, 6, 1)),
            {refs[3]},
        ),
        ("an escalation step", escalate, {refs[3]}),
        (
            "a response",
            lambda: signals.record_escalation_response(ctx, step_id, D(2025, 5, 20)),
            {refs[3]},
        ),
        ("a plan agreed", lambda: dossier.agree_plan(ctx, refs[4], D(2024, 9, 1)), {refs[4]}),
        (
            "the ISV no longer applied",
            lambda: registry.record_decision(
                ctx, "T-" + refs[5].removeprefix("C-"), IsvDecision(False, "Klein")
            ),
            {refs[5]},
        ),
        ("a new contract", lambda: make_contract(D(2025, 1, 1), D(2025, 12, 31)), set()),
        (
            "a choice of follow-up (no fact changes)",
            lambda: follow_up.choose_follow_up(ctx, refs[1], "site-visit"),
            {refs[1]},
        ),
    ]
    windows = (30, 3650)  # the dashboard's window, and one that takes in every deadline
    for what, change, touched in changes:
        before = {s.contract_ref: s for s in dossier.step_states_for_all(ctx, AS_OF)}
        for within in windows:  # due lists kept beside the states
            dossier.due_items(ctx, within, AS_OF)
        change()
        refreshed = dossier.step_states_for_all(ctx, AS_OF)
        how = dossier.last_refresh()
        assert how.startswith("changed "), (what, how)
        due = [dossier.due_items(ctx, within, AS_OF) for within in windows]
        assert dossier.last_refresh() == "kept"  # the lists came with the refresh
        assert refreshed == afresh(ctx), what
        assert due == [dossier.due_items(ctx, within, AS_OF) for within in windows], what
        # the contracts it did not touch are the very same values as before
        for steps in refreshed:
            if steps.contract_ref not in touched and steps.contract_ref in before:
                assert steps is before[steps.contract_ref], what
        dossier.step_states_for_all(ctx, AS_OF)  # the fresh answer is the kept one now
    kinds = {d.kind for d in dossier.due_items(ctx, 3650, AS_OF)}
    assert kinds == {"plan-of-action", "yearly-report", "evidence-expiry"}  # response given
    last = {s.contract_ref: s for s in dossier.step_states_for_all(ctx, AS_OF)}
    assert refs[5] not in last  # no longer followed
    assert last[refs[3]].state("remediation") is StepState.DONE
    assert len(last) == 6


def test_what_the_trail_cannot_tell_works_everything_out(
    ctx: Context, make_contract: Callable[..., str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    ref = make_contract(D(2024, 1, 1), D(2026, 12, 31))
    afresh(ctx)

    # a kind of record this does not know
    with ctx.db.begin() as session:
        AuditWriter(session, ctx.actor).append("something_new", 1, "create", None, {"a": 1})
    dossier.step_states_for_all(ctx, AS_OF)
    assert dossier.last_refresh() == "full"

    # a changed record that is no longer there
    signal = signals.log_signal(
        ctx,
        contract_ref=ref,
        received_on=D(2025, 5, 1),
        source="NGO",
        theme="child_labour",
        description="Melding",
    )
    dossier.step_states_for_all(ctx, AS_OF)
    with ctx.db.begin() as session:
        session.execute(delete(m.Signal).where(m.Signal.id == signal.id))
        AuditWriter(session, ctx.actor).append("signal", signal.id, "delete", None, None)
    gone = dossier.step_states_for_all(ctx, AS_OF)
    assert dossier.last_refresh() == "full"
    assert gone == afresh(ctx)

    # more changes than are worth following one by one
    monkeypatch.setattr(dossier, "_REFRESH_LIMIT", 2)
    dossier.step_states_for_all(ctx, AS_OF)
    for n in range(3):
        signals.log_signal(
            ctx,
            contract_ref=ref,
            received_on=D(2025, 5, 1 + n),
            source="NGO",
            theme="child_labour",
            description="Melding",
        )
    dossier.step_states_for_all(ctx, AS_OF)
    assert dossier.last_refresh() == "full"

    # another day is another answer, and the day's own is still kept
    other = dossier.step_states_for_all(ctx, D(2025, 1, 1))
    assert dossier.last_refresh() == "full"
    assert dossier.step_states_for_all(ctx, AS_OF) and dossier.last_refresh() == "kept"
    assert dossier.step_states_for_all(ctx, D(2025, 1, 1)) == other


@pytest.mark.sqlite_only  # a file put back; a server's database is restored otherwise
def test_a_database_with_another_history_is_worked_out_anew(
    ctx: Context, make_contract: Callable[..., str], tmp_path: Path
) -> None:
    """The same file put back from a copy (a restored backup) whose trail went another
    way after the kept answer: the entry after the kept one does not follow on from it."""
    ref = make_contract(D(2024, 1, 1), D(2026, 12, 31))
    location = Path(ctx.db.location)
    ctx.db.dispose()
    shutil.copyfile(location, tmp_path / "copy.sqlite")
    signals.log_signal(
        ctx,
        contract_ref=ref,
        received_on=D(2025, 5, 1),
        source="NGO",
        theme="child_labour",
        description="Melding een",
    )
    kept = afresh(ctx)
    assert kept[0].state("remediation") is StepState.IN_PROGRESS
    ctx.db.dispose()
    for suffix in ("-wal", "-shm"):
        Path(f"{location}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(tmp_path / "copy.sqlite", location)
    # the copy goes on differently: two entries, so its head is past the kept one
    dossier.agree_plan(ctx, ref, D(2024, 3, 1))
    dossier.agree_plan(ctx, ref, D(2024, 3, 2))
    now = dossier.step_states_for_all(ctx, AS_OF)
    assert dossier.last_refresh() == "full"
    assert now[0].state("remediation") is StepState.NOT_STARTED
    assert now == afresh(ctx)


def test_references_are_in_the_same_order_fresh_and_refreshed(
    ctx: Context, make_contract: Callable[..., str]
) -> None:
    """Code-point order on both paths (a server database may order text by a language's
    collation, so the fresh answer is not left in the database's order)."""
    for ref in ("a-2", "B-1"):
        make_contract(D(2024, 1, 1), D(2026, 12, 31), ref=ref)
    assert [s.contract_ref for s in afresh(ctx)] == ["B-1", "a-2"]
    make_contract(D(2024, 1, 1), D(2026, 12, 31), ref="b-3")
    refreshed = [s.contract_ref for s in dossier.step_states_for_all(ctx, AS_OF)]
    assert dossier.last_refresh() == "changed 1"
    assert refreshed == [s.contract_ref for s in afresh(ctx)] == ["B-1", "a-2", "b-3"]


def test_a_due_list_kept_while_a_refresh_runs_does_not_break_it(
    ctx: Context,
    make_contract: Callable[..., str],
    monkeypatch: pytest.MonkeyPatch,
    document: Callable[[], Path],
) -> None:
    """Another thread may keep a due list for a new window in the very answer a refresh
    is bringing up to date."""
    ref = make_contract(D(2024, 1, 1), D(2026, 12, 31))
    dossier.due_items(ctx, 30, AS_OF)
    dossier.due_items(ctx, 60, AS_OF)
    original = dossier._refreshed_due
    added: list[int] = []

    def meanwhile(*args: object, **kwargs: object) -> object:
        if not added:  # "another thread" keeps one more window's list just now
            kept = dossier._kept[(ctx.db.location, AS_OF)]
            kept.due[90] = ()
            added.append(90)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(dossier, "_refreshed_due", meanwhile)
    evidence.add_evidence(
        ctx, contract_ref=ref, path=document(), type_code="policy", received_on=D(2024, 2, 1)
    )
    refreshed = dossier.due_items(ctx, 30, AS_OF)
    assert added and dossier.last_refresh() == "changed 1"
    monkeypatch.undo()
    assert refreshed == dossier.due_items(ctx, 30, AS_OF)
