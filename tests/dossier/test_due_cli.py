"""``due`` and ``evidence add`` on the command line. ``due --within 30 --json`` must
list exactly what this test computes, row by row, from the same records."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.domain.deadlines import plan_due, yearly_reports
from app.persistence import models as m
from app.services import dossier, evidence, signals
from app.services.context import Context

TODAY = dt.date.today()


def independent_due(ctx: Context, within: int, today: dt.date) -> list[dict[str, Any]]:
    """The due list from plain per-row loops over the tables (no service code)."""
    horizon = today + dt.timedelta(days=within)
    with ctx.db.read() as session:
        contracts = session.scalars(
            select(m.Contract).join(m.Tender).where(m.Tender.isv_applied.is_(True))
        ).all()
        docs = session.scalars(select(m.Evidence)).all()
        steps = session.scalars(select(m.EscalationStep)).all()
        superseded = {
            d.supersedes_id for d in docs if d.supersedes_id is not None and d.received_on <= today
        }
        items = []
        for c in contracts:
            if (c.plan_agreed_on is None or c.plan_agreed_on > today) and today <= c.end:
                items.append((c.ref, "plan-of-action", plan_due(c.start, c.plan_months), None))
            received = sum(
                1
                for d in docs
                if d.contract_id == c.id
                and d.type == "yearly-report"
                and d.received_on <= today
                and d.id not in superseded
            )
            for report in yearly_reports(c.start, c.end, c.report_month)[received:]:
                items.append((c.ref, "yearly-report", report.due, report.contract_year))
            for d in docs:
                if (
                    d.contract_id == c.id
                    and d.valid_until is not None
                    and d.received_on <= today
                    and d.id not in superseded
                    and d.valid_until < c.end
                    and c.end >= today
                ):
                    items.append((c.ref, "evidence-expiry", d.valid_until, d.id))
            for s in steps:
                if (
                    s.contract_id == c.id
                    and s.response_due is not None
                    and s.taken_on <= today
                    and (s.responded_on is None or s.responded_on > today)
                ):
                    items.append((c.ref, "escalation-response", s.response_due, s.id))
    return sorted(
        (
            {
                "contract": ref,
                "kind": kind,
                "due": due.isoformat(),
                "days_left": (due - today).days,
                "overdue": due < today,
                "key": key,
            }
            for ref, kind, due, key in items
            if due <= horizon
        ),
        key=lambda i: (i["due"], i["contract"], i["kind"], i["key"] or 0),
    )


def build_dossiers(
    ctx: Context, make_contract: Callable[..., str], document: Callable[[], Path]
) -> None:
    t = TODAY
    days = dt.timedelta
    soon = make_contract(t - days(80), t + days(700))  # plan due in about ten days
    late = make_contract(t - days(3 * 365), t + days(365), report_month=t.month)
    agreed = make_contract(t - days(400), t + days(400))
    outside = make_contract(t - days(200), t + days(400), applied=False)  # owes nothing
    evidence.add_evidence(
        ctx,
        contract_ref=outside,
        path=document(),
        type_code="certificate",
        valid_until=t + days(5),
        received_on=t - days(30),
    )
    signals.record_escalation_step(
        ctx, contract_ref=outside, step="dialogue", taken_on=t - days(9), response_due=t + days(2)
    )
    dossier.agree_plan(ctx, agreed, t - days(300), expected_version=None)
    for ref in (soon, late):
        evidence.add_evidence(
            ctx,
            contract_ref=ref,
            path=document(),
            type_code="certificate",
            valid_until=t + days(12),
            received_on=t - days(30),
        )
    old = evidence.add_evidence(
        ctx,
        contract_ref=agreed,
        path=document(),
        type_code="certificate",
        valid_until=t + days(3),
        received_on=t - days(200),
    )
    evidence.supersede_evidence(
        ctx, old.id, document(), valid_until=t + days(600), received_on=t - days(2)
    )
    evidence.add_evidence(
        ctx,
        contract_ref=late,
        path=document(),
        type_code="yearly-report",
        received_on=t - days(500),
    )
    evidence.add_evidence(
        ctx,
        contract_ref=late,
        path=document(),
        type_code="audit-report",
        valid_until=t - days(4),
        received_on=t - days(300),
    )
    evidence.add_evidence(
        ctx,
        contract_ref=soon,
        path=document(),
        type_code="certificate",
        valid_until=t + days(45),
        received_on=t - days(3),
    )  # beyond 30
    signal = signals.log_signal(
        ctx,
        contract_ref=late,
        received_on=t - days(20),
        source="NGO",
        theme="forced_labour",
        description="Melding",
    )
    signals.record_escalation_step(
        ctx,
        contract_ref=late,
        step="dialogue",
        taken_on=t - days(20),
        response_due=t - days(3),
        signal_id=signal.id,
    )
    signals.record_escalation_step(
        ctx,
        contract_ref=late,
        step="notice-of-default",
        taken_on=t - days(2),
        response_due=t + days(5),
    )
    answered = signals.record_escalation_step(
        ctx, contract_ref=agreed, step="dialogue", taken_on=t - days(10), response_due=t + days(1)
    )
    signals.record_escalation_response(ctx, answered.id, t - days(1), expected_version=None)


def test_due_json_equals_the_independent_list(
    ctx: Context, cli: Any, make_contract: Callable[..., str], document: Callable[[], Path]
) -> None:
    build_dossiers(ctx, make_contract, document)
    result = cli("due", "--within", "30", "--json")
    assert result.status == 0, result.err
    listed = json.loads(result.out)
    expected = independent_due(ctx, 30, TODAY)
    assert listed == expected
    kinds = {item["kind"] for item in listed}
    assert kinds == {"plan-of-action", "yearly-report", "evidence-expiry", "escalation-response"}
    assert any(item["days_left"] < 0 for item in listed)
    assert any(item["days_left"] > 0 for item in listed)
    narrow = json.loads(cli("due", "--within", "0", "--json").out)
    assert narrow == independent_due(ctx, 0, TODAY)
    assert len(narrow) < len(listed)


def test_due_in_words(
    ctx: Context, cli: Any, make_contract: Callable[..., str], document: Callable[[], Path]
) -> None:
    empty = cli("--lang", "en", "due")
    assert empty.status == 0 and "Nothing overdue" in empty.out
    build_dossiers(ctx, make_contract, document)
    words = cli("--lang", "en", "due", "--within", "30")
    assert "days overdue" in words.out and "Plan of action" in words.out
    assert cli("due", "--within", "-3").status == 2


@pytest.mark.skipif(
    importlib.util.find_spec("app.services.demo") is None, reason="demo data not part of this build"
)
def test_due_on_the_demo_database(ctx: Context, cli: Any) -> None:
    from app.services import demo

    demo.load_demo(ctx, seed=11, tenders=150)
    listed = json.loads(cli("due", "--within", "30", "--json").out)
    assert listed == independent_due(ctx, 30, TODAY)
    assert listed, "the demo data should owe something"


def test_evidence_add_on_the_command_line(
    ctx: Context, cli: Any, make_contract: Callable[..., str], document: Callable[[], Path]
) -> None:
    ref = make_contract(TODAY - dt.timedelta(days=10), TODAY + dt.timedelta(days=700))
    first = cli(
        "evidence",
        "add",
        str(document()),
        "--contract",
        ref,
        "--type",
        "certificate",
        "--issued",
        "2026-01-05",
        "--valid-until",
        "2027-01-05",
        "--issuer",
        "amfori BSCI",
        "--json",
    )
    assert first.status == 0, first.err
    record = json.loads(first.out)
    assert (record["type"], record["issuer"], record["valid_until"]) == (
        "certificate",
        "amfori BSCI",
        "2027-01-05",
    )
    second = cli(
        "--lang",
        "en",
        "evidence",
        "add",
        str(document()),
        "--contract",
        ref,
        "--type",
        "certificate",
        "--supersedes",
        str(record["id"]),
        "--note",
        "renewed",
    )
    assert second.status == 0 and "supersedes evidence" in second.out
    assert "not proof" in second.out  # a certificate never proves compliance
    again = cli(
        "--lang",
        "en",
        "evidence",
        "add",
        str(document()),
        "--contract",
        ref,
        "--type",
        "certificate",
        "--supersedes",
        str(record["id"]),
    )
    assert again.status == 1 and "already superseded" in again.err
    assert "Traceback" not in again.err
    bad_type = cli("evidence", "add", str(document()), "--contract", ref, "--type", "selfie")
    assert bad_type.status == 1
    missing = cli("evidence", "add", "/nonexistent/x.pdf", "--contract", ref, "--type", "other")
    assert missing.status == 2
    unknown = cli("evidence", "add", str(document()), "--contract", "NOPE", "--type", "other")
    assert unknown.status == 1
    bad_date = cli(
        "evidence",
        "add",
        str(document()),
        "--contract",
        ref,
        "--type",
        "other",
        "--valid-until",
        "31-02-2026",
    )
    assert bad_date.status == 1
    assert len(evidence.list_evidence(ctx, ref)) == 2
    assert cli("verify").status == 0


def test_escalation_add_keeps_the_ladder_in_order(cli: Any, make_contract: Any) -> None:
    """On the command line too: a penalty only after the earlier steps, or with the
    reason for skipping them, and never before a notice of default."""
    ref = make_contract(dt.date(2025, 1, 15), dt.date(2027, 1, 14))

    def add(step: str, day: str, *extra: str) -> Any:
        return cli("escalation", "add", "--contract", ref, "--step", step, "--date", day, *extra)

    refused = add("penalty", "2025-03-01", "--amount", "1000")
    assert refused.status == 1 and "ingebrekestelling" in refused.err
    assert add("notice-of-default", "2025-03-01").status == 0
    skipped = add("penalty", "2025-04-01", "--amount", "1000")
    assert skipped.status == 1 and "(Dialoog, Extern advies of nader onderzoek)" in skipped.err
    taken = add("penalty", "2025-04-01", "--amount", "1000", "--skip-reason", "ernstig", "--json")
    assert taken.status == 0, taken.err
    assert json.loads(taken.out)["step"] == "penalty"
