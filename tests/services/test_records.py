"""Correcting, withdrawing, undoing and the history (issue 13 point 3), and the
consistency checks between records (point 8), against a real database."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from app.domain.errors import ConflictError, ImplausibleError, UsageError, ValidationError
from app.domain.values import IsvDecision
from app.persistence import models as m
from app.persistence.integrity import verify
from app.services import evidence, records, registry, reporting
from app.services.context import Context
from app.services.history import history, record_history

D = dt.date
MARCH_2025 = D(2025, 3, 1)


def _tender(ctx: Context, ref: str = "T1", published: dt.date = MARCH_2025) -> None:
    registry.register_tender(
        ctx,
        ref=ref,
        title="Laptops",
        category="ict-werkomgeving",
        kind="supplies",
        value="250000",
        published=published,
        decision=IsvDecision(True, None, "contract-condition", "implicit"),
    )


def _contract(ctx: Context, ref: str = "C1", tender: str = "T1", **kw: object) -> None:
    registry.add_contract(
        ctx,
        ref=ref,
        tender_ref=tender,
        supplier="Voorbeeld B.V.",
        supplier_country="NL",
        start=kw.pop("start", D(2025, 4, 1)),  # type: ignore[arg-type]
        end=kw.pop("end", D(2026, 3, 31)),  # type: ignore[arg-type]
        **kw,  # type: ignore[arg-type]
    )


def _audit_count(ctx: Context) -> int:
    with ctx.db.read() as session:
        return len(session.scalars(select(m.AuditEntry.id)).all())


# -- corrections -------------------------------------------------------------------------


def test_correcting_a_tender_value_keeps_old_and_new_with_the_reason(ctx: Context) -> None:
    _tender(ctx)
    before = registry.get_tender(ctx, "T1")
    change = records.correct_tender(
        ctx, "T1", reason="typfout in de waarde", expected_version=before.version, value="100000"
    )
    after = registry.get_tender(ctx, "T1")
    assert after.value == Decimal(100000) and after.version == before.version + 1
    assert after.verdict == "voluntary_below_threshold"  # worked out again
    assert change.version == after.version
    entries = history(ctx, "T1")
    last = entries[-1]
    assert last.action == "update" and last.reason == "typfout in de waarde"
    assert last.user == "tester"
    values = {c.field: (c.old, c.new) for c in last.changes}
    assert values["value"] == (Decimal(250000), Decimal(100000))
    assert values["verdict"] == ("mandatory", "voluntary_below_threshold")
    assert verify(ctx.db).ok


def test_a_correction_needs_a_reason_and_a_change(ctx: Context) -> None:
    _tender(ctx)
    count = _audit_count(ctx)
    with pytest.raises(ValidationError) as no_reason:
        records.correct_tender(ctx, "T1", reason="  ", title="Andere titel", expected_version=None)
    assert no_reason.value.code == "required_field"
    with pytest.raises(ValidationError) as nothing:
        records.correct_tender(ctx, "T1", reason="geen", title="Laptops", expected_version=None)
    assert nothing.value.code == "correction_nothing_changed"
    assert _audit_count(ctx) == count
    assert registry.get_tender(ctx, "T1").title == "Laptops"


def test_a_stale_version_never_overwrites_a_colleagues_change(ctx: Context) -> None:
    _tender(ctx)
    _contract(ctx)
    seen = registry.get_contract(ctx, "C1").version
    records.correct_contract(ctx, "C1", reason="collega", expected_version=seen, end=D(2026, 6, 30))
    with pytest.raises(ConflictError):
        records.correct_contract(
            ctx, "C1", reason="oud venster", expected_version=seen, end=D(2026, 9, 30)
        )
    with pytest.raises(ConflictError):
        records.withdraw(ctx, "contract", "C1", reason="oud venster", expected_version=seen)
    contract = registry.get_contract(ctx, "C1")
    assert contract.end == D(2026, 6, 30) and contract.withdrawn_reason is None


def test_a_tender_decision_that_no_longer_fits_is_refused(ctx: Context) -> None:
    _tender(ctx)
    with pytest.raises(ValidationError):
        records.correct_tender(
            ctx,
            "T1",
            reason="r",
            decision=IsvDecision(False, None, None, None),
            expected_version=None,
        )  # not applying mandatory ISV needs an explanation
    change = records.correct_tender(
        ctx,
        "T1",
        reason="r",
        decision=IsvDecision(False, "maatwerk", None, None),
        expected_version=None,
    )
    tender = registry.get_tender(ctx, "T1")
    assert change.version == tender.version
    assert tender.decision is not None and tender.decision.applied is False
    assert tender.decision.reason == "maatwerk" and tender.clause_version is None


def test_every_kind_under_a_contract_can_be_corrected(ctx: Context, tmp_path: Path) -> None:
    from app.services import signals as dossier

    _tender(ctx)
    _contract(ctx)
    doc = tmp_path / "plan.pdf"
    doc.write_bytes(b"%PDF-1.4 plan")
    plan = evidence.add_evidence(
        ctx, contract_ref="C1", path=doc, type_code="plan-of-action", issued_on=D(2025, 5, 1)
    )
    records.correct_evidence(
        ctx, plan.id, reason="datum", expected_version=1, issued_on=D(2025, 5, 2), issuer="X"
    )
    signal = dossier.log_signal(
        ctx,
        contract_ref="C1",
        received_on=D(2025, 6, 1),
        source="NGO",
        theme=ctx.reference.themes[0].code,
        description="melding",
    )
    records.correct_signal(
        ctx,
        signal.id,
        reason="gesloten",
        expected_version=signal.version,
        status="closed",
        closed_on=D(2025, 7, 1),
    )
    step = dossier.record_escalation_step(
        ctx, contract_ref="C1", step="dialogue", taken_on=D(2025, 6, 2)
    )
    records.correct_escalation(
        ctx, step.id, reason="datum", expected_version=1, response_due=D(2025, 7, 2)
    )
    records.correct_follow_up(ctx, "C1", reason="keuze", choice="site-visit", expected_version=None)
    entries = history(ctx, "C1")
    kinds = [(e.record, e.action) for e in entries if e.action == "update"]
    assert ("evidence", "update") in kinds and ("signal", "update") in kinds
    assert ("escalation", "update") in kinds and ("contract", "update") in kinds
    assert [e.reason for e in record_history(ctx, "evidence", plan.id)][-1] == "datum"
    assert verify(ctx.db).ok


def test_impossible_corrections_are_refused_and_change_nothing(ctx: Context) -> None:
    _tender(ctx)
    _contract(ctx)
    count = _audit_count(ctx)
    with pytest.raises(ValidationError) as ended:
        records.correct_contract(ctx, "C1", reason="r", end=D(2025, 1, 1), expected_version=None)
    assert ended.value.code == "end_before_start"
    with pytest.raises(ValidationError) as months:
        records.correct_contract(ctx, "C1", reason="r", plan_months=30, expected_version=None)
    assert months.value.code == "out_of_range"
    assert _audit_count(ctx) == count


# -- point 8: consistency ------------------------------------------------------------


def test_a_contract_ending_before_it_starts_is_refused(ctx: Context) -> None:
    _tender(ctx)
    with pytest.raises(ValidationError) as refused:
        _contract(ctx, start=D(2025, 6, 1), end=D(2025, 5, 31))
    assert refused.value.code == "end_before_start"
    with pytest.raises(ValidationError):  # accepting a warning does not pass the impossible
        _contract(ctx, start=D(2025, 6, 1), end=D(2025, 5, 31), accept_warning="toch")
    assert registry.list_contracts(ctx) == []


def test_a_contract_starting_before_its_tender_is_warned(ctx: Context) -> None:
    _tender(ctx, published=D(2025, 3, 1))
    with pytest.raises(ImplausibleError) as warned:
        _contract(ctx, start=D(2025, 2, 1))
    assert [code for code, _ in warned.value.warnings] == ["warning_contract_before_tender"]
    assert registry.list_contracts(ctx) == []
    _contract(ctx, start=D(2025, 2, 1), accept_warning="gegund na vooraankondiging")
    reason = history(ctx, "C1")[-1].reason or ""
    assert "gegund na vooraankondiging" in reason and "1 maart 2025" in reason


def test_correcting_into_an_implausible_state_needs_acceptance(ctx: Context) -> None:
    _tender(ctx, published=D(2025, 3, 1))
    _contract(ctx, start=D(2025, 4, 1))
    with pytest.raises(ImplausibleError):
        records.correct_contract(ctx, "C1", reason="r", start=D(2025, 1, 1), expected_version=None)
    with pytest.raises(ImplausibleError):  # the tender moved after its contract's start
        records.correct_tender(
            ctx, "T1", reason="r", published=D(2025, 5, 1), expected_version=None
        )
    records.correct_tender(
        ctx,
        "T1",
        reason="r",
        published=D(2025, 5, 1),
        accept_warning="later gepubliceerd",
        expected_version=None,
    )
    assert "later gepubliceerd" in (history(ctx, "T1", "tender")[-1].reason or "")
    # a correction of something else keeps the accepted state as it is
    records.correct_contract(ctx, "C1", reason="waarde", value="1000", expected_version=None)


def test_evidence_dated_before_its_contract_is_warned(ctx: Context, tmp_path: Path) -> None:
    _tender(ctx)
    _contract(ctx, start=D(2025, 4, 1))
    doc = tmp_path / "jaar.pdf"
    doc.write_bytes(b"%PDF-1.4 report")
    with pytest.raises(ImplausibleError) as warned:
        evidence.add_evidence(
            ctx, contract_ref="C1", path=doc, type_code="yearly-report", issued_on=D(2025, 1, 1)
        )
    assert warned.value.warnings[0][0] == "warning_evidence_before_contract"
    assert evidence.list_evidence(ctx, "C1") == []
    # a certificate is usually older than the contract: no warning
    evidence.add_evidence(
        ctx, contract_ref="C1", path=doc, type_code="certificate", issued_on=D(2024, 1, 1)
    )
    added = evidence.add_evidence(
        ctx,
        contract_ref="C1",
        path=doc,
        type_code="yearly-report",
        issued_on=D(2025, 1, 1),
        accept_warning="conceptversie van vóór de start",
    )
    with pytest.raises(ValidationError) as impossible:
        records.correct_evidence(
            ctx, added.id, reason="r", valid_until=D(2024, 12, 1), expected_version=None
        )
    assert impossible.value.code == "end_before_start"


def test_a_signal_closed_before_it_came_in_is_refused(ctx: Context) -> None:
    from app.services import signals as dossier

    _tender(ctx)
    _contract(ctx)
    signal = dossier.log_signal(
        ctx,
        contract_ref="C1",
        received_on=D(2025, 6, 1),
        source="NGO",
        theme=ctx.reference.themes[0].code,
        description="melding",
    )
    with pytest.raises(ValidationError) as refused:
        records.correct_signal(
            ctx,
            signal.id,
            reason="r",
            status="closed",
            closed_on=D(2025, 5, 1),
            expected_version=None,
        )
    assert refused.value.code == "end_before_start"


# -- withdrawing ---------------------------------------------------------------------------


def test_a_withdrawn_contract_leaves_the_figures_and_the_lists(ctx: Context) -> None:
    _tender(ctx)
    _contract(ctx, "C1")
    _contract(ctx, "C2")
    figures = reporting.year_report(ctx, 2025).totals
    assert figures["contracts_active"] == 2
    records.withdraw(ctx, "contract", "C2", reason="dubbel ingevoerd", expected_version=None)
    assert reporting.year_report(ctx, 2025).totals["contracts_active"] == 1
    assert [c.ref for c in registry.list_contracts(ctx)] == ["C1"]
    shown = registry.list_contracts(ctx, withdrawn=True)
    assert [(c.ref, c.withdrawn_reason) for c in shown] == [
        ("C1", None),
        ("C2", "dubbel ingevoerd"),
    ]
    with pytest.raises(ValidationError) as again:
        records.withdraw(ctx, "contract", "C2", reason="nog eens", expected_version=None)
    assert again.value.code == "record_is_withdrawn"
    with pytest.raises(ValidationError) as tender_first:
        records.withdraw(ctx, "tender", "T1", reason="r", expected_version=None)
    assert tender_first.value.code == "withdraw_tender_has_contracts"
    records.withdraw(ctx, "contract", "C1", reason="r", expected_version=None)
    records.withdraw(ctx, "tender", "T1", reason="verkeerd ingevoerd", expected_version=None)
    assert reporting.year_report(ctx, 2025).totals["tenders"] == 0
    assert registry.list_tenders(ctx) == []
    with ctx.db.read() as session:  # never deleted
        assert len(session.scalars(select(m.Contract.id)).all()) == 2
    assert verify(ctx.db).ok


def test_a_withdrawn_record_cannot_be_corrected_or_named_wrongly(ctx: Context) -> None:
    _tender(ctx)
    _contract(ctx)
    records.withdraw(ctx, "contract", "C1", reason="weg", expected_version=None)
    with pytest.raises(ValidationError):
        records.correct_contract(ctx, "C1", reason="r", value="5", expected_version=None)
    with pytest.raises(ValidationError) as missing:
        records.withdraw(ctx, "signal", "999", reason="r", expected_version=None)
    assert missing.value.code == "record_not_found"
    with pytest.raises(UsageError):
        records.withdraw(ctx, "supplier", "1", reason="r", expected_version=None)


# -- undo ---------------------------------------------------------------------------------


def test_undo_restores_the_old_values_as_a_correction(ctx: Context) -> None:
    _tender(ctx)
    _contract(ctx)
    change = records.correct_contract(
        ctx, "C1", reason="r", end=D(2027, 3, 31), value="9", expected_version=None
    )
    back = records.undo(ctx, change)
    contract = registry.get_contract(ctx, "C1")
    assert contract.end == D(2026, 3, 31) and contract.value is None
    assert back.version == contract.version == change.version + 1
    last = history(ctx, "C1")[-1]
    assert last.action == "update" and str(change.seq) in (last.reason or "")
    withdrawn = records.withdraw(ctx, "contract", "C1", reason="per ongeluk", expected_version=None)
    records.undo(ctx, withdrawn)
    assert registry.get_contract(ctx, "C1").withdrawn_reason is None
    assert verify(ctx.db).ok


def test_a_correction_of_the_cpv_codes_alone_is_in_the_history_and_undone(
    ctx: Context,
) -> None:
    _tender(ctx)
    change = records.correct_tender(
        ctx, "T1", reason="codes aangevuld", cpv=["30213100-6", "30231300-0"], expected_version=None
    )
    [entry] = [e for e in history(ctx, "T1") if e.changes and e.changes[0].field == "cpv"]
    assert (entry.record, entry.ref, entry.reason) == ("tender", "T1", "codes aangevuld")
    assert (entry.changes[0].old, entry.changes[0].new) == (None, "30213100-6, 30231300-0")
    assert entry in record_history(ctx, "tender", "T1")
    records.undo(ctx, change)
    assert registry.tender_cpv(ctx, ["T1"]) == {}
    assert history(ctx, "T1")[-1].changes[0].new is None  # the undo, a correction itself
    assert verify(ctx.db).ok


def test_undo_is_refused_after_someone_else_changed_the_record(ctx: Context) -> None:
    _tender(ctx)
    _contract(ctx)
    change = records.correct_contract(ctx, "C1", reason="r", value="9", expected_version=None)
    records.correct_contract(ctx, "C1", reason="collega", value="10", expected_version=None)
    with pytest.raises(ConflictError):
        records.undo(ctx, change)
    assert registry.get_contract(ctx, "C1").value == Decimal(10)


# -- history ---------------------------------------------------------------------------


def test_history_of_a_tender_holds_everything_under_it_in_order(ctx: Context) -> None:
    _tender(ctx)
    _contract(ctx)
    records.correct_contract(ctx, "C1", reason="r", value="5", expected_version=None)
    entries = history(ctx, "T1")
    assert [e.seq for e in entries] == sorted(e.seq for e in entries)
    assert {e.record for e in entries} >= {"tender", "contract"}
    created = next(e for e in entries if e.record == "contract" and e.action == "create")
    assert ("tender", None, "T1") in [(c.field, c.old, c.new) for c in created.changes]
    document = entries[-1].as_json()
    assert set(document) == {"seq", "at", "user", "action", "record", "ref", "changes", "reason"}
    assert document["changes"] == [{"field": "value", "old": None, "new": Decimal(5)}]
    json.dumps(document, default=str)


def test_history_needs_a_scope_when_a_reference_names_both(ctx: Context) -> None:
    _tender(ctx, "X1")
    _contract(ctx, "X1", tender="X1")
    with pytest.raises(UsageError) as ambiguous:
        history(ctx, "X1")
    assert ambiguous.value.code == "history_ambiguous"
    assert {e.record for e in history(ctx, "X1", "contract")} == {"contract"}


def test_withdrawn_records_leave_the_dossier_states_and_the_due_list(
    ctx: Context, tmp_path: Path
) -> None:
    from app.services import dossier, signals

    today = dt.date.today()
    _tender(ctx, published=today - dt.timedelta(days=400))
    _contract(ctx, "C1", start=today - dt.timedelta(days=300), end=today + dt.timedelta(days=400))
    _contract(ctx, "C2", start=today - dt.timedelta(days=300), end=today + dt.timedelta(days=400))
    step = signals.record_escalation_step(
        ctx,
        contract_ref="C1",
        step="dialogue",
        taken_on=today - dt.timedelta(days=5),
        response_due=today + dt.timedelta(days=3),
    )
    due = dossier.due_items(ctx, within=30)
    assert {i.contract_ref for i in due} == {"C1", "C2"}
    assert any(i.kind == "escalation-response" for i in due)
    records.withdraw(ctx, "escalation", step.id, reason="verkeerd contract", expected_version=None)
    assert not any(i.kind == "escalation-response" for i in dossier.due_items(ctx, within=30))
    records.withdraw(ctx, "contract", "C2", reason="dubbel", expected_version=None)
    assert [s.contract_ref for s in dossier.step_states_for_all(ctx)] == ["C1"]
    assert {i.contract_ref for i in dossier.due_items(ctx, within=30)} == {"C1"}
    fresh = dossier.step_states_for_all(ctx)
    assert [s.contract_ref for s in fresh] == ["C1"]
    assert [e.id for e in signals.list_escalation(ctx, "C1", withdrawn=True)] == [step.id]
    assert signals.list_escalation(ctx, "C1") == []


def test_withdrawing_a_correction_makes_the_older_document_current(
    ctx: Context, tmp_path: Path
) -> None:
    _tender(ctx)
    _contract(ctx)
    first = tmp_path / "beleid-1.pdf"
    first.write_bytes(b"%PDF-1.4 one")
    second = tmp_path / "beleid-2.pdf"
    second.write_bytes(b"%PDF-1.4 two")
    old = evidence.add_evidence(ctx, contract_ref="C1", path=first, type_code="policy")
    new = evidence.supersede_evidence(ctx, old.id, second)
    listed = {d.id: d for d in evidence.list_evidence(ctx, "C1")}
    assert listed[old.id].superseded_by_id == new.id
    records.withdraw(ctx, "evidence", new.id, reason="verkeerd bestand", expected_version=None)
    again = {d.id: d for d in evidence.list_evidence(ctx, "C1")}
    assert set(again) == {old.id} and again[old.id].superseded_by_id is None
    # and it can be superseded again, now by the right file
    evidence.supersede_evidence(ctx, old.id, second)


def test_an_escalation_response_before_the_step_is_refused(ctx: Context) -> None:
    from app.services import signals

    _tender(ctx)
    _contract(ctx)
    step = signals.record_escalation_step(
        ctx, contract_ref="C1", step="dialogue", taken_on=D(2025, 6, 2)
    )
    count = _audit_count(ctx)
    for kwargs in ({"response_due": D(2025, 6, 1)}, {"responded_on": D(2025, 5, 1)}):
        with pytest.raises(ValidationError) as refused:
            records.correct_escalation(ctx, step.id, reason="r", **kwargs, expected_version=None)  # type: ignore[arg-type]
        assert refused.value.code == "end_before_start"
    assert _audit_count(ctx) == count
    # a withdrawn notice of default no longer allows the step that needs it
    notice = signals.record_escalation_step(
        ctx, contract_ref="C1", step="notice-of-default", taken_on=D(2025, 7, 1)
    )
    records.withdraw(ctx, "escalation", notice.id, reason="niet verstuurd", expected_version=None)
    with pytest.raises(ValidationError):
        signals.record_escalation_step(
            ctx, contract_ref="C1", step="termination", taken_on=D(2025, 8, 1)
        )


def test_a_corrected_escalation_step_still_keeps_the_ladders_rules(ctx: Context) -> None:
    from app.services import signals

    _tender(ctx)
    _contract(ctx, penalty="5000")
    dialogue = signals.record_escalation_step(
        ctx, contract_ref="C1", step="dialogue", taken_on=D(2025, 6, 2)
    )
    notice = signals.record_escalation_step(
        ctx, contract_ref="C1", step="notice-of-default", taken_on=D(2025, 7, 1)
    )
    penalty = signals.record_escalation_step(
        ctx,
        contract_ref="C1",
        step="penalty",
        taken_on=D(2025, 8, 1),
        skip_reason="extern advies voegt niets toe",
    )
    count = _audit_count(ctx)
    refusals = (
        (dialogue.id, {"amount": "500"}, "dossier_amount_only_for_penalty"),
        (penalty.id, {"taken_on": D(2025, 6, 15)}, "dossier_penalty_before_notice"),
        (
            notice.id,
            {"taken_on": dt.date.today() + dt.timedelta(days=30)},
            "dossier_date_in_future",
        ),
    )
    for step_id, kwargs, code in refusals:
        with pytest.raises(ValidationError) as refused:
            records.correct_escalation(
                ctx,
                step_id,
                reason="r",
                expected_version=None,
                **kwargs,  # type: ignore[arg-type]
            )
        assert refused.value.code == code, (kwargs, refused.value.code)
    assert _audit_count(ctx) == count
    # a correction that fits the ladder is saved: the penalty a week later
    records.correct_escalation(
        ctx, penalty.id, reason="datum", taken_on=D(2025, 8, 8), expected_version=None
    )


def test_a_corrected_signal_is_not_dated_in_the_future(ctx: Context) -> None:
    from app.services import signals

    _tender(ctx)
    _contract(ctx)
    signal = signals.log_signal(
        ctx,
        contract_ref="C1",
        received_on=D(2025, 6, 1),
        source="vakbond",
        theme=ctx.reference.themes[0].code,
        description="melding",
    )
    later = dt.date.today() + dt.timedelta(days=10)
    for kwargs in ({"received_on": later}, {"status": "closed", "closed_on": later}):
        with pytest.raises(ValidationError) as refused:
            records.correct_signal(
                ctx,
                signal.id,
                reason="r",
                expected_version=None,
                **kwargs,  # type: ignore[arg-type]
            )
        assert refused.value.code == "dossier_date_in_future"


def test_a_withdrawn_tender_and_contract_leave_the_ocds_export(ctx: Context) -> None:
    from app.services.ocds import year_facts

    _tender(ctx, "T1")
    _tender(ctx, "T2")
    _contract(ctx, "C1", tender="T1")
    _contract(ctx, "C2", tender="T1")
    records.withdraw(ctx, "contract", "C2", reason="dubbel", expected_version=None)
    records.withdraw(ctx, "tender", "T2", reason="dubbel", expected_version=None)
    facts = year_facts(ctx, 2025)
    assert [t.ref for t in facts] == ["T1"]
    assert [c.ref for c in facts[0].contracts] == ["C1"]
