"""The dossier on a real database: states derived from records, superseding, expiring
evidence, signals and escalation, assessments, follow-up; every change audited."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from app import locator
from app.domain.errors import ConflictError, ValidationError
from app.domain.followup import StepState
from app.domain.rubric import ElementRating
from app.persistence import models as m
from app.persistence.integrity import verify
from app.services import assessments, dossier, evidence, follow_up, signals
from app.services.context import Context

from .conftest import add_submission

D = dt.date


def states(ctx: Context, ref: str, as_of: dt.date) -> dict[str, StepState]:
    return {s.code: s.state for s in dossier.step_states(ctx, ref, as_of).steps}


def audit_actions(ctx: Context, entity: str) -> list[str]:
    with ctx.db.read() as session:
        return list(
            session.scalars(
                select(m.AuditEntry.action)
                .where(m.AuditEntry.entity == entity)
                .order_by(m.AuditEntry.seq)
            )
        )


def assert_verified(ctx: Context) -> None:
    result = verify(ctx.db)
    assert result.ok, result.problems


def test_states_follow_the_records(
    ctx: Context, make_contract: Callable[..., str], document: Callable[[], Path]
) -> None:
    ref = make_contract(D(2023, 1, 15), D(2025, 1, 14))
    before = states(ctx, ref, D(2023, 2, 1))
    # remediation is not applicable while no harm or signal is on record
    assert before.pop("remediation") is StepState.NOT_APPLICABLE
    assert set(before.values()) == {StepState.NOT_STARTED}
    late = states(ctx, ref, D(2023, 4, 16))
    assert late["policy"] is late["risk_analysis"] is late["plan_of_action"] is StepState.OVERDUE

    evidence.add_evidence(
        ctx, contract_ref=ref, path=document(), type_code="policy", received_on=D(2023, 2, 10)
    )
    plan = evidence.add_evidence(
        ctx,
        contract_ref=ref,
        path=document(),
        type_code="plan-of-action",
        received_on=D(2023, 3, 1),
    )
    add_submission(
        ctx,
        ref,
        D(2023, 3, 1),
        risks=[{}],
        measures=[
            {"due": D(2023, 9, 1), "status": "in_progress"},
            {"due": D(2023, 6, 1), "status": "completed"},
        ],
    )
    now = states(ctx, ref, D(2023, 4, 1))
    assert now["policy"] is StepState.DONE
    assert now["risk_analysis"] is StepState.DONE  # the workbook is a risk analysis
    assert now["plan_of_action"] is StepState.IN_PROGRESS
    assert now["monitoring"] is StepState.IN_PROGRESS
    assert states(ctx, ref, D(2023, 9, 2))["monitoring"] is StepState.OVERDUE
    # records dated after as_of do not count yet
    assert states(ctx, ref, D(2023, 2, 9))["policy"] is StepState.NOT_STARTED

    dossier.agree_plan(ctx, ref, D(2023, 4, 10), expected_version=None)
    assert states(ctx, ref, D(2023, 4, 20))["plan_of_action"] is StepState.DONE

    ratings = [
        ElementRating("products", "sufficient"),
        ElementRating("countries_suppliers", "insufficient", "tier 2 ontbreekt"),
        ElementRating("risk_assessment", "sufficient"),
        ElementRating("independent_research", "not_applicable"),
        ElementRating("stakeholders", "sufficient"),
    ]
    assessed = assessments.assess(
        ctx, contract_ref=ref, subject="risk-analysis", ratings=ratings, assessed_on=D(2023, 4, 20)
    )
    assert assessed.verdict == "insufficient" and assessed.rubric_version == "2017"
    assert states(ctx, ref, D(2023, 4, 21))["risk_analysis"] is StepState.IN_PROGRESS
    evidence.add_evidence(
        ctx, contract_ref=ref, path=document(), type_code="risk-analysis", received_on=D(2023, 5, 1)
    )
    assert states(ctx, ref, D(2023, 5, 2))["risk_analysis"] is StepState.DONE

    assert states(ctx, ref, D(2024, 4, 1))["reporting"] is StepState.OVERDUE
    report = evidence.add_evidence(
        ctx, contract_ref=ref, path=document(), type_code="yearly-report", received_on=D(2024, 3, 1)
    )
    assert states(ctx, ref, D(2024, 4, 1))["reporting"] is StepState.IN_PROGRESS
    good = [
        ElementRating("progress_against_plan", "sufficient"),
        ElementRating("public_accountability", "sufficient"),
    ]
    assessments.assess(
        ctx,
        contract_ref=ref,
        subject="yearly-report",
        ratings=good,
        evidence_id=report.id,
        contract_year=1,
        assessed_on=D(2024, 3, 5),
    )
    evidence.add_evidence(
        ctx, contract_ref=ref, path=document(), type_code="yearly-report", received_on=D(2025, 2, 1)
    )
    assert states(ctx, ref, D(2025, 4, 1))["reporting"] is StepState.IN_PROGRESS
    assessments.assess(
        ctx,
        contract_ref=ref,
        subject="yearly-report",
        ratings=good,
        contract_year=2,
        assessed_on=D(2025, 2, 5),
    )
    assert states(ctx, ref, D(2025, 4, 1))["reporting"] is StepState.DONE
    assert plan.type == "plan-of-action"
    assert_verified(ctx)


def test_all_contracts_at_once_equal_one_by_one(
    ctx: Context, make_contract: Callable[..., str], document: Callable[[], Path]
) -> None:
    refs = [
        make_contract(D(2024, 2, 29), D(2026, 2, 27)),
        make_contract(D(2025, 6, 1), D(2025, 12, 31)),
        make_contract(D(2023, 11, 30), D(2027, 11, 29)),
    ]
    evidence.add_evidence(
        ctx, contract_ref=refs[0], path=document(), type_code="policy", received_on=D(2024, 3, 1)
    )
    add_submission(ctx, refs[2], D(2024, 1, 10), measures=[{"due": D(2024, 6, 1)}])
    signals.log_signal(
        ctx,
        contract_ref=refs[1],
        received_on=D(2025, 7, 1),
        source="NGO",
        theme="forced_labour",
        description="Melding",
    )
    as_of = D(2025, 8, 1)
    everything = dossier.step_states_for_all(ctx, as_of)
    assert [c.contract_ref for c in everything] == sorted(refs)
    for item in everything:
        assert item == dossier.step_states(ctx, item.contract_ref, as_of)


def test_superseding_keeps_both_and_refuses_a_second_branch(
    ctx: Context, make_contract: Callable[..., str], document: Callable[[], Path]
) -> None:
    ref = make_contract(D(2025, 1, 1), D(2027, 12, 31))
    first = evidence.add_evidence(
        ctx,
        contract_ref=ref,
        path=document(),
        type_code="certificate",
        issuer="Fair Wear",
        valid_until=D(2026, 1, 31),
        received_on=D(2025, 1, 10),
    )
    second = evidence.supersede_evidence(
        ctx,
        first.id,
        document(),
        issuer="Fair Wear",
        valid_until=D(2027, 1, 31),
        received_on=D(2026, 1, 5),
    )
    assert second.supersedes_id == first.id and second.type == "certificate"
    listed = {e.id: e for e in evidence.list_evidence(ctx, ref)}
    assert set(listed) == {first.id, second.id}
    assert listed[first.id].superseded_by_id == second.id
    assert [e.id for e in evidence.evidence_history(ctx, first.id)] == [first.id, second.id]
    with pytest.raises(ValidationError) as err:
        evidence.add_evidence(
            ctx, contract_ref=ref, path=document(), type_code="certificate", supersedes_id=first.id
        )
    assert err.value.code == "evidence_already_superseded"
    with pytest.raises(ValidationError) as err:
        evidence.add_evidence(
            ctx, contract_ref=ref, path=document(), type_code="policy", supersedes_id=second.id
        )
    assert err.value.code == "evidence_supersede_other_type"
    sentence = locator.catalog().error(err.value, "nl")  # the types in words, not codes
    assert "‘ISV-beleid’" in sentence and "policy" not in sentence
    assert "certificate" not in sentence
    # the superseded certificate no longer falls due; the current one does
    due = dossier.due_items(ctx, within=30, as_of=D(2026, 1, 20))
    expiries = [(i.key, i.due) for i in due if i.kind == "evidence-expiry"]
    assert expiries == []
    due = dossier.due_items(ctx, within=30, as_of=D(2027, 1, 10))
    assert [(i.key, i.due, i.days_left) for i in due if i.kind == "evidence-expiry"] == [
        (second.id, D(2027, 1, 31), 21)
    ]
    assert audit_actions(ctx, "evidence") == ["create", "create"]
    assert_verified(ctx)


def test_expiring_evidence(
    ctx: Context, make_contract: Callable[..., str], document: Callable[[], Path]
) -> None:
    ref = make_contract(D(2025, 1, 1), D(2026, 12, 31))
    soon = evidence.add_evidence(
        ctx,
        contract_ref=ref,
        path=document(),
        type_code="certificate",
        valid_until=D(2026, 3, 15),
        received_on=D(2025, 1, 5),
    )
    expired = evidence.add_evidence(
        ctx,
        contract_ref=ref,
        path=document(),
        type_code="audit-report",
        valid_until=D(2026, 2, 1),
        received_on=D(2025, 1, 5),
    )
    evidence.add_evidence(
        ctx,
        contract_ref=ref,
        path=document(),
        type_code="certificate",
        valid_until=D(2026, 9, 1),
        received_on=D(2025, 1, 5),
    )  # later
    evidence.add_evidence(
        ctx,
        contract_ref=ref,
        path=document(),
        type_code="certificate",
        valid_until=D(2027, 6, 1),
        received_on=D(2025, 1, 5),
    )  # past end
    as_of = D(2026, 3, 1)
    assert [e.id for e in evidence.expiring_evidence(ctx, 30, as_of)] == [expired.id, soon.id]
    due = [
        (i.key, i.days_left)
        for i in dossier.due_items(ctx, 30, as_of)
        if i.kind == "evidence-expiry"
    ]
    assert due == [(expired.id, -28), (soon.id, 14)]
    # once the contract has ended, an expired certificate is no longer a to-do
    assert evidence.expiring_evidence(ctx, 30, D(2027, 1, 5)) == []


def test_signals_and_escalation_are_audited_and_ordered(
    ctx: Context, make_contract: Callable[..., str], document: Callable[[], Path]
) -> None:
    ref = make_contract(D(2025, 1, 1), D(2027, 12, 31), penalty=25_000)
    signal = signals.log_signal(
        ctx,
        contract_ref=ref,
        received_on=D(2025, 5, 1),
        source="Vakbond",
        theme="freedom_of_association",
        description="Vakbondsleden ontslagen",
    )
    assert signal.status == "open" and signal.version == 1
    letter = evidence.add_evidence(
        ctx,
        contract_ref=ref,
        path=document(),
        type_code="correspondence",
        received_on=D(2025, 5, 2),
    )
    dialogue = signals.record_escalation_step(
        ctx,
        contract_ref=ref,
        step="dialogue",
        taken_on=D(2025, 5, 3),
        response_due=D(2025, 6, 3),
        evidence_ids=[letter.id],
        signal_id=signal.id,
    )
    assert dialogue.evidence_ids == (letter.id,)
    with pytest.raises(ValidationError) as err:
        signals.record_escalation_step(
            ctx, contract_ref=ref, step="termination", taken_on=D(2025, 7, 1)
        )
    assert err.value.code == "dossier_termination_needs_notice"
    assert states(ctx, ref, D(2025, 6, 4))["remediation"] is StepState.OVERDUE
    answered = signals.record_escalation_response(
        ctx, dialogue.id, D(2025, 6, 1), expected_version=None
    )
    assert answered.responded_on == D(2025, 6, 1)
    assert states(ctx, ref, D(2025, 6, 4))["remediation"] is StepState.IN_PROGRESS
    signals.record_escalation_step(
        ctx,
        contract_ref=ref,
        step="notice-of-default",
        taken_on=D(2025, 7, 1),
        response_due=D(2025, 7, 15),
    )
    with pytest.raises(ValidationError) as err:  # external advice was skipped
        signals.record_escalation_step(
            ctx, contract_ref=ref, step="penalty", taken_on=D(2025, 7, 20)
        )
    assert err.value.code == "dossier_step_skips_rungs"
    said = ctx.text(err.value.code, **err.value.params)  # the steps in words, not codes
    assert "external-advice" not in said and "penalty" not in said
    assert ctx.reference.label("escalation_steps", "external-advice", "nl") in said
    penalty = signals.record_escalation_step(
        ctx,
        contract_ref=ref,
        step="penalty",
        taken_on=D(2025, 7, 20),
        skip_reason="het feit staat vast; extern advies voegt niets toe",
    )
    assert penalty.amount_cents == 2_500_000  # the contract's penalty amount
    assert penalty.note is not None and "extern advies voegt niets toe" in penalty.note
    with pytest.raises(ValidationError) as err:
        signals.record_escalation_step(
            ctx, contract_ref=ref, step="termination", taken_on=D(2025, 7, 1)
        )
    assert err.value.code == "dossier_termination_before_notice"
    signals.record_escalation_step(
        ctx,
        contract_ref=ref,
        step="termination",
        taken_on=D(2025, 8, 1),
        skip_reason="extern advies overgeslagen, zie de boete",
    )
    assert [s.step for s in signals.list_escalation(ctx, ref)] == [
        "dialogue",
        "notice-of-default",
        "penalty",
        "termination",
    ]
    with pytest.raises(ConflictError):
        signals.set_signal_status(ctx, signal.id, "closed", D(2025, 8, 2), expected_version=7)
    closed = signals.set_signal_status(ctx, signal.id, "closed", D(2025, 8, 2), expected_version=1)
    assert closed.version == 2 and closed.closed_on == D(2025, 8, 2)
    with pytest.raises(ValidationError):
        signals.set_signal_status(ctx, signal.id, "closed", None, expected_version=None)
    assert states(ctx, ref, D(2025, 8, 3))["remediation"] is StepState.OVERDUE  # notice
    signals.record_escalation_response(
        ctx, signals.list_escalation(ctx, ref)[1].id, D(2025, 7, 14), expected_version=None
    )
    assert states(ctx, ref, D(2025, 8, 3))["remediation"] is StepState.DONE
    assert audit_actions(ctx, "signal") == ["create", "update"]
    assert audit_actions(ctx, "escalation_step") == [
        "create",
        "update",
        "create",
        "create",
        "create",
        "update",
    ]
    assert [s.id for s in signals.list_signals(ctx, ref)] == [signal.id]
    assert signals.list_signals(ctx, ref, open_only=True) == []
    assert_verified(ctx)


def test_assessment_checks_and_audit(
    ctx: Context, make_contract: Callable[..., str], document: Callable[[], Path]
) -> None:
    ref = make_contract(D(2025, 1, 1), D(2026, 12, 31))
    policy = evidence.add_evidence(ctx, contract_ref=ref, path=document(), type_code="policy")
    good = [
        ElementRating("measure_per_high_risk", "sufficient"),
        ElementRating("owner_and_date", "sufficient"),
        ElementRating("monitoring", "sufficient"),
    ]
    with pytest.raises(ValidationError) as err:
        assessments.assess(
            ctx, contract_ref=ref, subject="plan-of-action", ratings=good, evidence_id=policy.id
        )
    assert err.value.code == "dossier_evidence_wrong_type"
    sentence = locator.catalog().error(err.value, "nl")
    assert "plan-of-action" not in sentence and "policy" not in sentence
    with pytest.raises(ValidationError) as err:
        assessments.assess(
            ctx,
            contract_ref=ref,
            subject="yearly-report",
            ratings=[
                ElementRating("progress_against_plan", "sufficient"),
                ElementRating("public_accountability", "sufficient"),
            ],
            contract_year=3,
        )
    assert err.value.code == "out_of_range"
    made = assessments.assess(
        ctx,
        contract_ref=ref,
        subject="plan-of-action",
        ratings=good,
        assessed_on=D(2025, 4, 1),
        note="Redelijke inspanning",
    )
    assert made.verdict == "sufficient" and made.assessor == "tester"
    assert assessments.list_assessments(ctx, ref) == [made]
    with ctx.db.read() as session:
        stored = json.loads(session.get_one(m.Assessment, made.id).elements_json)
    assert [e["code"] for e in stored] == ["measure_per_high_risk", "owner_and_date", "monitoring"]
    assert audit_actions(ctx, "assessment") == ["create"]
    assert_verified(ctx)


def test_follow_up_suggestion_and_own_choice(
    ctx: Context, make_contract: Callable[..., str], tmp_path: Path
) -> None:
    ref = make_contract(D(2025, 1, 1), D(2027, 12, 31), value=2_000_000)
    add_submission(
        ctx,
        ref,
        D(2025, 3, 1),
        sites=[{"country": "BD"}, {"country": "NL"}],
        risks=[{"priority": "high"}],
    )
    first = follow_up.follow_up(ctx, ref)
    codes = [r.code for r in first.suggestion.reasons]
    assert "dossier_intensity_no_country_table" in codes
    assert first.suggestion.level == "independent-audit"  # 2 value + 2 weight + 2 high = 6
    table = tmp_path / "landen.csv"
    table.write_text(
        "country;score;source;year\nBangladesh;5;ITUC;2025\nNL;1;ITUC;2025\nDE;1;ITUC;2025\n",
        encoding="utf-8",
    )
    follow_up.import_country_risk(ctx, table)
    signals.log_signal(
        ctx,
        contract_ref=ref,
        received_on=D(2025, 5, 1),
        source="Media",
        theme="child_labour",
        description="Kinderarbeid gemeld",
    )
    second = follow_up.follow_up(ctx, ref)
    assert second.suggestion.level == "site-visit"
    risky = [r for r in second.suggestion.reasons if r.code == "dossier_intensity_risky_countries"]
    assert risky and "BD" in str(risky[0].params["countries"])
    assert all(
        not ctx.text(r.code, **dict(r.params)).startswith("dossier_")
        for r in second.suggestion.reasons
    )
    chosen = follow_up.choose_follow_up(
        ctx, ref, "document-review", "Eerst documenten", expected_version=second.version
    )
    assert chosen.choice == "document-review" and chosen.version == second.version + 1
    assert chosen.suggestion.level == "site-visit"  # the suggestion stays beside it
    with pytest.raises(ConflictError):
        follow_up.choose_follow_up(ctx, ref, "site-visit", expected_version=second.version)
    with pytest.raises(ValidationError) as err:
        follow_up.choose_follow_up(ctx, ref, "telepathy", expected_version=None)
    assert err.value.code == "dossier_unknown_intensity"
    assert audit_actions(ctx, "contract")[-1] == "update"
    assert_verified(ctx)


def test_plan_agreement_is_audited_with_a_version(
    ctx: Context, make_contract: Callable[..., str]
) -> None:
    ref = make_contract(D(2025, 1, 1), D(2026, 12, 31))
    agreed = dossier.agree_plan(ctx, ref, D(2025, 3, 20), expected_version=1)
    assert agreed.plan_agreed_on == D(2025, 3, 20) and agreed.version == 2
    assert audit_actions(ctx, "contract") == ["create", "update"]
    assert_verified(ctx)


def test_the_all_contracts_answer_follows_every_change(
    ctx: Context, make_contract: Callable[..., str], document: Callable[[], Path]
) -> None:
    ref = make_contract(D(2025, 1, 15), D(2027, 1, 14))
    as_of = D(2025, 6, 1)
    first = dossier.step_states_for_all(ctx, as_of)
    assert first[0].state("remediation") is StepState.NOT_APPLICABLE
    assert (first[0].next_due, first[0].overdue) == (D(2025, 4, 15), 1)  # the plan
    assert dossier.step_states_for_all(ctx, as_of) == first
    signals.log_signal(
        ctx,
        contract_ref=ref,
        received_on=D(2025, 5, 1),
        source="NGO",
        theme="child_labour",
        description="Melding",
    )
    second = dossier.step_states_for_all(ctx, as_of)
    assert second[0].state("remediation") is StepState.IN_PROGRESS
    dossier.agree_plan(ctx, ref, D(2025, 5, 20), expected_version=None)
    third = dossier.step_states_for_all(ctx, as_of)
    assert (third[0].next_due, third[0].overdue) == (D(2026, 3, 31), 0)
    assert [d.kind.value for d in third[0].deadlines] == ["yearly-report", "yearly-report"]
    assert dossier.step_states_for_all(ctx, D(2026, 4, 1))[0].overdue == 1


def test_evidence_links_only_to_the_contracts_own_rows(
    ctx: Context, make_contract: Callable[..., str], document: Callable[[], Path]
) -> None:
    mine = make_contract(D(2025, 1, 1), D(2026, 12, 31))
    other = make_contract(D(2025, 1, 1), D(2026, 12, 31))
    add_submission(ctx, mine, D(2025, 2, 1), sites=[{}], risks=[{}], measures=[{}])
    add_submission(ctx, other, D(2025, 2, 1), sites=[{}])
    with ctx.db.read() as session:
        my_site = session.scalar(
            select(m.Site.id).join(m.Submission).join(m.Contract).where(m.Contract.ref == mine)
        )
        their_site = session.scalar(
            select(m.Site.id).join(m.Submission).join(m.Contract).where(m.Contract.ref == other)
        )
        my_measure = session.scalar(select(m.Measure.id))
    linked = evidence.add_evidence(
        ctx,
        contract_ref=mine,
        path=document(),
        type_code="audit-report",
        site_id=my_site,
        measure_id=my_measure,
    )
    assert (linked.site_id, linked.measure_id) == (my_site, my_measure)
    with pytest.raises(ValidationError) as err:
        evidence.add_evidence(
            ctx, contract_ref=mine, path=document(), type_code="audit-report", site_id=their_site
        )
    assert err.value.code == "evidence_link_not_found"
    with pytest.raises(ValidationError):
        signals.log_signal(
            ctx,
            contract_ref=mine,
            received_on=D(2025, 3, 1),
            source="NGO",
            theme="child_labour",
            description="x",
            site_id=their_site,
        )
    assert_verified(ctx)


def test_rubric_hints_from_the_newest_workbook(
    ctx: Context, make_contract: Callable[..., str]
) -> None:
    ref = make_contract(D(2025, 1, 1), D(2026, 12, 31))
    assert assessments.rubric_hints(ctx, ref, "plan-of-action") == ()
    add_submission(
        ctx,
        ref,
        D(2025, 2, 1),
        sites=[{"tier": 1}, {"tier": 3, "country": "IN"}],
        risks=[{"priority": "high"}, {"priority": "high"}, {"priority": "low"}],
        measures=[{"risk_key": "R1"}, {"risk_key": "R3", "owner": " "}],
    )
    plan = {h.element: h for h in assessments.rubric_hints(ctx, ref, "plan-of-action")}
    assert plan["measure_per_high_risk"].suggested == "insufficient"
    assert plan["measure_per_high_risk"].params["risks"] == "R2"
    assert plan["owner_and_date"].suggested == "insufficient"
    analysis = {h.element: h for h in assessments.rubric_hints(ctx, ref, "risk-analysis")}
    assert analysis["countries_suppliers"].suggested == "sufficient"
    assert analysis["countries_suppliers"].params == {"count": 2, "countries": 2, "tier": 3}
    assert analysis["risk_assessment"].params == {"count": 3}
    add_submission(
        ctx, ref, D(2025, 3, 1), risks=[{"priority": "high"}], measures=[{"risk_key": "R1"}]
    )
    plan = {h.element: h for h in assessments.rubric_hints(ctx, ref, "plan-of-action")}
    assert plan["measure_per_high_risk"].suggested == "sufficient"
    assert plan["owner_and_date"].suggested == "sufficient"


def test_deadlines_of_a_contract_starting_on_a_leap_day(
    ctx: Context, make_contract: Callable[..., str]
) -> None:
    ref = make_contract(D(2024, 2, 29), D(2026, 2, 27), plan_months=12, report_month=3)
    items = dossier.due_items(ctx, within=3000, as_of=D(2024, 3, 1), contract_ref=ref)
    assert [(i.kind, i.due, i.key) for i in items] == [
        ("plan-of-action", D(2025, 2, 28), None),
        ("yearly-report", D(2025, 3, 31), 1),
        ("yearly-report", D(2026, 3, 31), 2),
    ]
    assert [i.days_left for i in items] == [364, 395, 760]


def test_a_contract_without_the_isv_owes_nothing(
    ctx: Context, make_contract: Callable[..., str]
) -> None:
    ref = make_contract(D(2025, 1, 1), D(2026, 12, 31), applied=False)
    followed = make_contract(D(2025, 1, 1), D(2026, 12, 31))
    assert [c.contract_ref for c in dossier.step_states_for_all(ctx, D(2025, 6, 1))] == [followed]
    with pytest.raises(ValidationError) as err:
        dossier.step_states(ctx, ref, D(2025, 6, 1))
    assert err.value.code == "dossier_isv_not_applied"
    assert {i.contract_ref for i in dossier.due_items(ctx, 400, D(2025, 6, 1))} == {followed}


def test_what_happened_cannot_be_dated_ahead(
    ctx: Context, make_contract: Callable[..., str]
) -> None:
    ref = make_contract(D(2025, 1, 1), D(2030, 12, 31))
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    with pytest.raises(ValidationError) as err:
        dossier.agree_plan(ctx, ref, tomorrow, expected_version=None)
    assert err.value.code == "dossier_date_in_future"
    with pytest.raises(ValidationError):
        signals.log_signal(
            ctx,
            contract_ref=ref,
            received_on=tomorrow,
            source="NGO",
            theme="child_labour",
            description="x",
        )
    with pytest.raises(ValidationError):
        signals.record_escalation_step(ctx, contract_ref=ref, step="dialogue", taken_on=tomorrow)
    step = signals.record_escalation_step(
        ctx, contract_ref=ref, step="dialogue", taken_on=dt.date.today(), response_due=tomorrow
    )
    assert step.response_due == tomorrow  # a response date ahead is the point of it
    assert audit_actions(ctx, "escalation_step") == ["create"]
