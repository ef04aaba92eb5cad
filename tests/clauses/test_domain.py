"""The clause parameters: defaults, checks with a code naming the parameter, and which
texts a tender gets for its form."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from app.domain.clauses import (
    DEFAULT_PENALTY,
    ClauseParameters,
    parse_penalty,
    select_texts,
    texts_for,
    validate_parameters,
)
from app.domain.errors import ValidationError
from tests.clauses.conftest import make_params


def test_defaults_are_the_documented_choices() -> None:
    params = ClauseParameters(
        "Min",
        "T",
        "Titel",
        "catering",
        "tien-2017",
        "contract-condition",
        None,
        generated_on=dt.date(2026, 1, 1),
    )
    checked = validate_parameters(params)
    assert (checked.plan_months, checked.report_month, checked.penalty) == (3, 3, DEFAULT_PENALTY)
    assert checked.independent_check is False
    assert checked.acceptance == "implicit"  # a contract condition without a route


@pytest.mark.parametrize(
    ("changes", "code", "name"),
    [
        ({"plan_months": 0}, "clauses_plan_months_invalid", None),
        ({"plan_months": 25}, "clauses_plan_months_invalid", None),
        ({"report_month": 13}, "clauses_report_month_invalid", None),
        ({"penalty": Decimal(-1)}, "clauses_penalty_not_positive", None),
        ({"penalty": Decimal(0)}, "clauses_penalty_not_positive", None),
        ({"penalty": "12,5x"}, "clauses_invalid_penalty", None),
        ({"penalty": "0.001"}, "clauses_invalid_penalty", None),
        ({"form": "gunning"}, "unknown_form", None),
        ({"form": ""}, "clauses_missing_parameter", "form"),
        ({"acceptance": "maybe"}, "clauses_unknown_acceptance", None),
        ({"authority": "  "}, "clauses_missing_parameter", "authority"),
        ({"contact_role": ""}, "clauses_missing_parameter", "contact-role"),
        ({"tender_title": "a\x00b"}, "clauses_invalid_text", "tender-title"),
        ({"tender_title": "x\ue000y"}, "clauses_invalid_text", "tender-title"),
        ({"tender_title": "x" * 301}, "clauses_text_too_long", "tender-title"),
        ({"award_method": "punten"}, "clauses_award_parameter_unused", "award-method"),
        (
            {"form": "award-criterion", "award_method": "0-10", "award_subject": "plan"},
            "clauses_missing_parameter",
            "award-assessor",
        ),
    ],
)
def test_invalid_parameters_are_refused_by_name(
    changes: dict[str, object], code: str, name: str | None
) -> None:
    with pytest.raises(ValidationError) as caught:
        make_params(**changes)
    assert caught.value.code == code
    if name is not None:
        assert caught.value.params["name"] == name


def test_user_text_is_put_on_one_line() -> None:
    params = make_params(tender_title="Eerste\nregel\n::section Tweede")
    assert params.tender_title == "Eerste regel ::section Tweede"


def test_penalty_is_normalised() -> None:
    assert parse_penalty("€ 2500") == Decimal(2500)
    assert parse_penalty("1234.50") == Decimal("1234.50")


def test_texts_per_form() -> None:
    assert texts_for("contract-condition", "explicit") == (
        "contract",
        "guide",
        "statement",
        "annex",
    )
    for form, acceptance in (
        ("contract-condition", "implicit"),
        ("minimum-requirement", None),
        ("award-criterion", None),
    ):
        assert texts_for(form, acceptance) == ("contract", "guide", "annex")
    assert texts_for("minimum-requirement", None, in_category=False) == ("contract", "guide")


def test_select_texts_refuses_what_the_tender_does_not_get() -> None:
    assert select_texts("all", "contract-condition", "implicit") == ("contract", "guide", "annex")
    assert select_texts("Statement", "contract-condition", "explicit") == ("statement",)
    with pytest.raises(ValidationError) as caught:
        select_texts("statement", "contract-condition", "implicit")
    assert caught.value.code == "clauses_statement_not_applicable"
    with pytest.raises(ValidationError) as caught:
        select_texts("annex", "award-criterion", None, in_category=False)
    assert caught.value.code == "clauses_annex_outside_categories"
    with pytest.raises(ValidationError) as caught:
        select_texts("poem", "award-criterion", None)
    assert caught.value.code == "clauses_unknown_text"
