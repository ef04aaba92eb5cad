"""Generating through the service: parameters merged from tender, contracts and choices;
each document recorded with its parameters, hash and audit entry; same input, same bytes."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.domain.errors import NotFoundError, ValidationError
from app.domain.values import IsvDecision
from app.persistence import models as m
from app.persistence.integrity import verify
from app.services import clauses, registry
from app.services.context import Context
from tests.clauses.conftest import TITLE, docx_text, normalise

DAY = dt.date(2026, 11, 25)


def add_tender(
    ctx: Context,
    ref: str = "T-1",
    *,
    form: str | None = "contract-condition",
    acceptance: str | None = "implicit",
    organisation: str | None = "Ministerie van EZ",
    category: str = "ict-werkomgeving",
    applied: bool = True,
) -> None:
    decision = (
        IsvDecision(applied, None if applied else "proportionaliteit", form, acceptance)
        if form or not applied
        else None
    )
    registry.register_tender(
        ctx,
        ref=ref,
        title=TITLE,
        category=category,
        kind="supplies",
        value=500_000,
        published=dt.date(2026, 3, 1),
        organisation=organisation,
        decision=decision,
    )


def add_contract(ctx: Context, ref: str, tender: str = "T-1", **kwargs: object) -> None:
    registry.add_contract(
        ctx,
        ref=ref,
        tender_ref=tender,
        supplier=f"Leverancier {ref}",
        supplier_country="NL",
        start=dt.date(2026, 6, 1),
        end=dt.date(2028, 5, 31),
        **kwargs,
    )  # type: ignore[arg-type]


def test_generation_is_recorded_with_its_audit_entry(ctx: Context) -> None:
    add_tender(ctx)
    result = clauses.generate(
        ctx, "T-1", fmt="docx", choices=clauses.ClauseChoices(generated_on=DAY, penalty="2500")
    )
    assert result.sha256 == hashlib.sha256(result.data).hexdigest()
    with ctx.db.read() as session:
        row = session.scalars(select(m.GeneratedDocument)).one()
        entry = session.scalars(
            select(m.AuditEntry).where(m.AuditEntry.entity == "generated_document")
        ).one()
        assert (row.format, row.language, row.template_version, row.kind) == (
            "docx",
            "nl",
            registry.CURRENT_CLAUSE_VERSION,
            "all",
        )
        assert row.sha256 == result.sha256 and row.generated_by == "tester"
        assert entry.entity_id == str(row.id) and entry.action == "create"
        recorded = json.loads(row.parameters_json)
    assert recorded["penalty"] == "2500"
    assert recorded["generated_on"] == "2026-11-25"
    assert recorded["texts"] == ["contract", "guide", "annex"]
    assert set(recorded["defaults"]) == {
        "plan_months",
        "report_month",
        "independent_check",
        "contact_role",
        "general_terms",
        "penalty_cap",
        "penalty_with_damages",
        "notice_days",
        "electronics_watch",
        "party",
    }
    assert verify(ctx.db).ok


def test_same_tender_and_date_give_the_same_document(ctx: Context) -> None:
    add_tender(ctx)
    choices = clauses.ClauseChoices(generated_on=DAY)
    for fmt in ("docx", "pdf", "md"):
        first = clauses.generate(ctx, "T-1", fmt=fmt, choices=choices)
        second = clauses.generate(ctx, "T-1", fmt=fmt, choices=choices)
        assert first.data == second.data, fmt
    assert len(clauses.history(ctx, "T-1")) == 6


def test_contract_values_are_used_and_choices_win(ctx: Context) -> None:
    add_tender(ctx)
    add_contract(ctx, "C-1", plan_months=6, report_month=4, penalty=Decimal(9000))
    result = clauses.generate(
        ctx,
        "T-1",
        fmt="md",
        lang="en",
        choices=clauses.ClauseChoices(generated_on=DAY, report_month=9),
    )
    params = result.parameters
    assert (params.plan_months, params.report_month, params.penalty) == (6, 9, Decimal(9000))
    assert params.contract_refs == ("C-1",)
    assert "plan_months" not in params.defaults and "contact_role" in params.defaults
    text = normalise(result.data.decode())
    assert "Within 6 months of the commencement date" in text
    assert "September" in text and "€9,000" in text
    assert "contract manager (default)" in text  # marked in the summary only
    with ctx.db.read() as session:
        row = session.scalars(select(m.GeneratedDocument)).one()
        assert row.contract_id is not None and row.language == "en"


def test_contracts_that_differ_need_a_choice(ctx: Context) -> None:
    add_tender(ctx)
    add_contract(ctx, "C-1", plan_months=3)
    add_contract(ctx, "C-2", plan_months=6)
    with pytest.raises(ValidationError) as caught:
        clauses.generate(ctx, "T-1", fmt="md")
    assert caught.value.code == "clauses_contracts_differ"
    assert caught.value.params["name"] == "plan-months"
    result = clauses.generate(ctx, "T-1", fmt="md", choices=clauses.ClauseChoices(plan_months=4))
    assert result.parameters.contract_refs == ("C-1", "C-2")


def test_a_tender_keeps_its_text_version(ctx: Context) -> None:
    """Older tenders keep the version they got: a version whose templates are absent is
    an error, never a silent switch to the current texts."""
    add_tender(ctx)
    # no text is claimed until one is made (or the buyer names the one used)
    assert registry.get_tender(ctx, "T-1").clause_version is None
    clauses.generate(ctx, "T-1", fmt="md")
    made = registry.get_tender(ctx, "T-1")
    assert made.clause_version == registry.CURRENT_CLAUSE_VERSION
    assert made.decision is not None and made.decision.text_source == "generated"
    registry.set_clause_version(ctx, "T-1", "2013", expected_version=None)
    with pytest.raises(ValidationError) as caught:
        clauses.generate(ctx, "T-1", fmt="md")
    assert caught.value.code == "clauses_unknown_version"
    registry.set_clause_version(ctx, "T-1", "2017", expected_version=None)
    assert clauses.generate(ctx, "T-1", fmt="md").version == "2017"
    assert verify(ctx.db).ok


def test_award_criterion_needs_its_three_parameters(ctx: Context) -> None:
    add_tender(ctx, form="award-criterion", acceptance=None)
    with pytest.raises(ValidationError) as caught:
        clauses.generate(
            ctx,
            "T-1",
            fmt="docx",
            choices=clauses.ClauseChoices(award_method="0-10", award_subject="plan"),
        )
    assert caught.value.params["name"] == "award-assessor"
    result = clauses.generate(
        ctx,
        "T-1",
        fmt="docx",
        choices=clauses.ClauseChoices(
            award_method="0-10 punten", award_subject="het plan", award_assessor="de commissie"
        ),
    )
    text = docx_text(result.data)
    assert "Door wie wordt beoordeeld de commissie" in text


@pytest.mark.parametrize(
    ("setup", "code"),
    [
        ({"applied": False, "form": None, "acceptance": None}, "clauses_isv_not_applied"),
        ({"form": None, "acceptance": None}, "clauses_isv_not_applied"),
        ({"organisation": None}, "clauses_missing_parameter"),
    ],
)
def test_a_tender_that_cannot_get_texts_is_refused(
    ctx: Context, setup: dict[str, object], code: str
) -> None:
    add_tender(ctx, **setup)  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as caught:
        clauses.generate(ctx, "T-1", fmt="pdf")
    assert caught.value.code == code
    with ctx.db.read() as session:
        assert session.scalars(select(m.GeneratedDocument)).all() == []


def test_authority_can_be_given_when_the_tender_has_none(ctx: Context) -> None:
    add_tender(ctx, organisation=None)
    result = clauses.generate(
        ctx, "T-1", fmt="md", choices=clauses.ClauseChoices(authority="Rijkswaterstaat")
    )
    assert "Rijkswaterstaat" in result.data.decode()


def test_outside_the_categories_there_is_no_annex(ctx: Context) -> None:
    add_tender(ctx, category="overig")
    result = clauses.generate(ctx, "T-1", fmt="md")
    assert result.texts == ("contract", "guide")
    with pytest.raises(ValidationError) as caught:
        clauses.generate(ctx, "T-1", fmt="md", text="annex")
    assert caught.value.code == "clauses_annex_outside_categories"


def test_unknown_tender(ctx: Context) -> None:
    with pytest.raises(NotFoundError):
        clauses.generate(ctx, "NOPE", fmt="md")


def test_preview_records_nothing(ctx: Context) -> None:
    add_tender(ctx, acceptance="explicit")
    document = clauses.preview(ctx, "T-1", text="statement")
    assert [s.kind for s in document.sections] == ["statement", "summary"]
    assert clauses.history(ctx, "T-1") == []
