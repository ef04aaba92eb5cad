"""The pure rules of the dossier: step states, deadlines, escalation order, rubric,
follow-up intensity. Dates are computed by hand in the expectations."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.deadlines import plan_due, yearly_reports
from app.domain.errors import ValidationError
from app.domain.followup import (
    ContractFacts,
    DeadlineKind,
    StepState,
    check_escalation_step,
    contract_deadlines,
    derive_steps,
    falls_due,
)
from app.domain.intensity import IntensityInputs, risky_by_table, suggest_intensity
from app.domain.rubric import ElementRating, load_rubric, rubric_verdict
from app.locator import resources_dir

D = dt.date
START, END = D(2025, 1, 15), D(2027, 1, 14)  # plan due 2025-04-15


def facts(**kw: object) -> ContractFacts:
    base: dict[str, object] = {"contract_id": 1, "ref": "C", "start": START, "end": END}
    base.update(kw)
    return ContractFacts(**base)  # type: ignore[arg-type]


def state(f: ContractFacts, code: str, as_of: dt.date) -> StepState:
    return {s.code: s.state for s in derive_steps(f, as_of)}[code]


# -- each derived state ------------------------------------------------------------------


def test_policy_states() -> None:
    assert state(facts(), "policy", D(2025, 4, 15)) is StepState.NOT_STARTED
    assert state(facts(), "policy", D(2025, 4, 16)) is StepState.OVERDUE
    assert state(facts(policy_received=D(2025, 5, 1)), "policy", D(2025, 6, 1)) is StepState.DONE


def test_risk_analysis_states() -> None:
    assert state(facts(), "risk_analysis", D(2025, 3, 1)) is StepState.NOT_STARTED
    assert state(facts(), "risk_analysis", D(2025, 5, 1)) is StepState.OVERDUE
    received = facts(risk_analysis_received=D(2025, 3, 1))
    assert state(received, "risk_analysis", D(2025, 5, 1)) is StepState.DONE
    rejected = facts(
        risk_analysis_received=D(2025, 3, 1),
        risk_analysis_assessed=(D(2025, 3, 10), "insufficient"),
    )
    assert state(rejected, "risk_analysis", D(2025, 5, 1)) is StepState.IN_PROGRESS
    improved = facts(
        risk_analysis_received=D(2025, 3, 20),
        risk_analysis_assessed=(D(2025, 3, 10), "insufficient"),
    )
    assert state(improved, "risk_analysis", D(2025, 5, 1)) is StepState.DONE


def test_plan_states() -> None:
    assert state(facts(), "plan_of_action", D(2025, 4, 15)) is StepState.NOT_STARTED
    assert (
        state(facts(plan_received=D(2025, 3, 1)), "plan_of_action", D(2025, 4, 1))
        is StepState.IN_PROGRESS
    )
    assert (
        state(facts(plan_received=D(2025, 3, 1)), "plan_of_action", D(2025, 4, 16))
        is StepState.OVERDUE
    )
    assert (
        state(facts(plan_agreed_on=D(2025, 5, 2)), "plan_of_action", D(2025, 6, 1))
        is StepState.DONE
    )


def test_monitoring_states() -> None:
    assert state(facts(), "monitoring", D(2025, 6, 1)) is StepState.NOT_STARTED
    running = facts(measures_total=3, measures_open=2, first_open_measure_due=D(2025, 9, 1))
    assert state(running, "monitoring", D(2025, 9, 1)) is StepState.IN_PROGRESS
    assert state(running, "monitoring", D(2025, 9, 2)) is StepState.OVERDUE
    assert state(facts(measures_total=3), "monitoring", D(2025, 9, 2)) is StepState.DONE


def test_reporting_states() -> None:
    # contract years end 2026-01-14 and 2027-01-14: reports due 2026-03-31, 2027-03-31
    assert state(facts(), "reporting", D(2026, 3, 31)) is StepState.NOT_STARTED
    assert state(facts(), "reporting", D(2026, 4, 1)) is StepState.OVERDUE
    one = facts(yearly_reports_received=1)
    assert state(one, "reporting", D(2026, 4, 1)) is StepState.IN_PROGRESS
    assert state(one, "reporting", D(2027, 4, 1)) is StepState.OVERDUE
    both = facts(yearly_reports_received=2)
    assert state(both, "reporting", D(2027, 4, 1)) is StepState.IN_PROGRESS  # not assessed
    assessed = facts(yearly_reports_received=2, yearly_years_assessed=frozenset({1, 2}))
    assert state(assessed, "reporting", D(2027, 4, 1)) is StepState.DONE


def test_remediation_states() -> None:
    # no harm or signal on record: nothing to remedy
    assert state(facts(), "remediation", D(2025, 6, 1)) is StepState.NOT_APPLICABLE
    open_ = facts(signals_total=2, signals_open=1)
    assert state(open_, "remediation", D(2025, 6, 1)) is StepState.IN_PROGRESS
    assert state(facts(signals_total=2), "remediation", D(2025, 6, 1)) is StepState.DONE
    waiting = facts(signals_total=1, signals_open=1, first_pending_response=D(2025, 6, 1))
    assert state(waiting, "remediation", D(2025, 6, 1)) is StepState.IN_PROGRESS
    assert state(waiting, "remediation", D(2025, 6, 2)) is StepState.OVERDUE


def test_six_steps_in_order_with_reasons() -> None:
    steps = derive_steps(facts(), D(2025, 2, 1))
    assert [s.number for s in steps] == [1, 2, 3, 4, 5, 6]
    assert all(s.reason.startswith("dossier_step_") for s in steps)


# -- deadline rules ------------------------------------------------------------------------


def test_plan_due_in_months_with_short_months_and_leap_days() -> None:
    assert plan_due(D(2025, 1, 15), 3) == D(2025, 4, 15)
    assert plan_due(D(2023, 11, 30), 3) == D(2024, 2, 29)  # into a leap February
    assert plan_due(D(2024, 11, 30), 3) == D(2025, 2, 28)
    assert plan_due(D(2024, 2, 29), 12) == D(2025, 2, 28)
    assert plan_due(D(2025, 10, 31), 6) == D(2026, 4, 30)  # crosses the year end


def test_yearly_reports_for_contract_years_crossing_the_year_end() -> None:
    reports = yearly_reports(D(2025, 11, 1), D(2027, 10, 31), 3)
    assert [(r.contract_year, r.period_from, r.period_to, r.due) for r in reports] == [
        (1, D(2025, 11, 1), D(2026, 10, 31), D(2027, 3, 31)),
        (2, D(2026, 11, 1), D(2027, 10, 31), D(2028, 3, 31)),
    ]
    december = yearly_reports(D(2025, 11, 1), D(2027, 10, 31), 12)
    assert [r.due for r in december] == [D(2026, 12, 31), D(2027, 12, 31)]


def test_yearly_reports_from_a_leap_day_start() -> None:
    reports = yearly_reports(D(2024, 2, 29), D(2028, 3, 15), 3)
    assert [(r.period_from, r.period_to, r.due) for r in reports] == [
        (D(2024, 2, 29), D(2025, 2, 27), D(2025, 3, 31)),
        (D(2025, 2, 28), D(2026, 2, 27), D(2026, 3, 31)),
        (D(2026, 2, 28), D(2027, 2, 27), D(2027, 3, 31)),
        (D(2027, 2, 28), D(2028, 2, 28), D(2028, 3, 31)),
        (D(2028, 2, 29), D(2028, 3, 15), D(2028, 3, 31)),
    ]


def test_short_contract_reports_once_at_completion() -> None:
    reports = yearly_reports(D(2026, 1, 15), D(2026, 6, 30), 3)
    assert [(r.period_from, r.period_to, r.due) for r in reports] == [
        (D(2026, 1, 15), D(2026, 6, 30), D(2027, 3, 31))
    ]


def test_contract_deadlines_close_when_the_records_say_so() -> None:
    items = contract_deadlines(facts(), D(2025, 2, 1))
    assert [(d.kind, d.due, d.key) for d in items] == [
        (DeadlineKind.PLAN_OF_ACTION, D(2025, 4, 15), None),
        (DeadlineKind.YEARLY_REPORT, D(2026, 3, 31), 1),
        (DeadlineKind.YEARLY_REPORT, D(2027, 3, 31), 2),
    ]
    done = contract_deadlines(
        facts(plan_agreed_on=D(2025, 3, 1), yearly_reports_received=1), D(2025, 2, 1)
    )
    assert [(d.kind, d.key) for d in done] == [(DeadlineKind.YEARLY_REPORT, 2)]
    after_end = contract_deadlines(facts(), D(2027, 2, 1))
    assert DeadlineKind.PLAN_OF_ACTION not in [d.kind for d in after_end]


def test_falls_due_keeps_overdue_and_the_window() -> None:
    items = contract_deadlines(facts(), D(2026, 3, 10))
    chosen = falls_due(items, D(2026, 3, 10), 30)
    assert [(d.kind, d.days_left) for d in chosen] == [
        (DeadlineKind.PLAN_OF_ACTION, -329),
        (DeadlineKind.YEARLY_REPORT, 21),
    ]
    assert [d.key for d in falls_due(items, D(2026, 3, 10), 20)] == [None]


# -- escalation -----------------------------------------------------------------------------


def test_termination_needs_an_earlier_notice_of_default() -> None:
    with pytest.raises(ValidationError) as err:
        check_escalation_step([("dialogue", D(2026, 1, 1))], "termination", D(2026, 3, 1), None)
    assert err.value.code == "dossier_termination_needs_notice"
    with pytest.raises(ValidationError) as err:
        check_escalation_step(
            [("notice-of-default", D(2026, 3, 1))], "termination", D(2026, 3, 1), None
        )
    assert err.value.code == "dossier_termination_before_notice"
    check_escalation_step(
        [("notice-of-default", D(2026, 2, 1))],
        "termination",
        D(2026, 3, 1),
        None,
        "spoed: de leverancier weigert elke medewerking",
    )


LADDER = [
    ("dialogue", D(2026, 1, 5)),
    ("external-advice", D(2026, 1, 20)),
    ("notice-of-default", D(2026, 2, 1)),
]


def test_the_ladder_in_its_order_or_a_reason_for_skipping() -> None:
    """A penalty or termination only after the earlier rungs, or with a recorded reason
    for skipping them; a notice of default before it whatever the reason."""
    check_escalation_step(LADDER, "penalty", D(2026, 3, 1), 500_00)
    with pytest.raises(ValidationError) as err:
        check_escalation_step(LADDER, "termination", D(2026, 3, 1), None)  # no penalty yet
    assert err.value.code == "dossier_step_skips_rungs"
    assert err.value.params["missing"] == "penalty"
    check_escalation_step([*LADDER, ("penalty", D(2026, 3, 1))], "termination", D(2026, 4, 1), None)
    check_escalation_step(LADDER, "termination", D(2026, 4, 1), None, "ernstige misstand")
    notice_only = [("notice-of-default", D(2026, 2, 1))]
    with pytest.raises(ValidationError) as err:
        check_escalation_step(notice_only, "penalty", D(2026, 3, 1), 500_00)
    assert err.value.code == "dossier_step_skips_rungs"
    assert err.value.params["missing"] == "dialogue, external-advice"
    check_escalation_step(notice_only, "penalty", D(2026, 3, 1), 500_00, "  advies niet nodig ")
    # a step taken later does not count for an earlier one
    with pytest.raises(ValidationError) as err:
        check_escalation_step(
            [*LADDER[:2], ("notice-of-default", D(2026, 5, 1))], "penalty", D(2026, 3, 1), 1
        )
    assert err.value.code == "dossier_penalty_before_notice"
    # a skip reason never stands in for the notice of default
    with pytest.raises(ValidationError) as err:
        check_escalation_step(LADDER[:2], "penalty", D(2026, 3, 1), 1, "geen tijd")
    assert err.value.code == "dossier_penalty_needs_notice"


def test_penalty_amount_rules() -> None:
    with pytest.raises(ValidationError) as err:
        check_escalation_step([], "penalty", D(2026, 3, 1), None)
    assert err.value.code == "dossier_penalty_amount_required"
    with pytest.raises(ValidationError) as err:
        check_escalation_step([], "dialogue", D(2026, 3, 1), 100)
    assert err.value.code == "dossier_amount_only_for_penalty"
    with pytest.raises(ValidationError) as err:
        check_escalation_step([], "threat", D(2026, 3, 1), None)
    assert err.value.code == "dossier_unknown_escalation_step"
    check_escalation_step(LADDER, "penalty", D(2026, 3, 1), 500_00)


# -- rubric ---------------------------------------------------------------------------------


@pytest.fixture
def rubric_2017():  # type: ignore[no-untyped-def]
    path = resources_dir() / "rubric" / "2017.json"
    return load_rubric(path.read_text(encoding="utf-8"), path.name)


def test_rubric_has_the_elements_of_the_domain(rubric_2017) -> None:  # type: ignore[no-untyped-def]
    codes = {
        s: [e.code for e in rubric_2017.subject(s).elements]
        for s in ("risk-analysis", "plan-of-action", "yearly-report")
    }
    assert len(codes["risk-analysis"]) == 5
    assert codes["plan-of-action"] == ["measure_per_high_risk", "owner_and_date", "monitoring"]
    assert codes["yearly-report"] == ["progress_against_plan", "public_accountability"]
    for subject in rubric_2017.subjects.values():
        for element in subject.elements:
            assert element.nl.strip() and element.en.strip() and element.nl != element.en


def test_rubric_verdicts(rubric_2017) -> None:  # type: ignore[no-untyped-def]
    report = rubric_2017.subject("yearly-report")
    good = [
        ElementRating("progress_against_plan", "sufficient"),
        ElementRating("public_accountability", "sufficient"),
    ]
    assert rubric_verdict(report, good) == "sufficient"
    bad = [good[0], ElementRating("public_accountability", "insufficient", "geen jaarverslag")]
    assert rubric_verdict(report, bad) == "insufficient"
    cases = [
        ([good[0]], "dossier_elements_missing"),
        ([*good, good[0]], "dossier_element_twice"),
        (
            [good[0], ElementRating("public_accountability", "insufficient")],
            "dossier_comment_required",
        ),
        (
            [good[0], ElementRating("public_accountability", "not_applicable")],
            "dossier_element_always_applies",
        ),
        ([*good, ElementRating("colour", "sufficient")], "dossier_unknown_element"),
        ([good[0], ElementRating("public_accountability", "meh")], "dossier_unknown_rating"),
    ]
    for ratings, code in cases:
        with pytest.raises(ValidationError) as err:
            rubric_verdict(report, ratings)
        assert err.value.code == code
    plan = rubric_2017.subject("plan-of-action")
    assert (
        rubric_verdict(
            plan,
            [
                ElementRating("measure_per_high_risk", "not_applicable"),
                ElementRating("owner_and_date", "sufficient"),
                ElementRating("monitoring", "sufficient"),
            ],
        )
        == "sufficient"
    )


# -- where to look first ---------------------------------------------------------------------


def test_intensity_grows_with_each_factor() -> None:
    calm = suggest_intensity(
        IntensityInputs(
            value_cents=5_000_000,
            category_code="catering",
            category_weight=1,
            highest_priority="low",
        )
    )
    assert calm.level == "self-report" and calm.points == 0
    busy = suggest_intensity(
        IntensityInputs(
            value_cents=200_000_000,
            category_code="bedrijfskleding",
            category_weight=3,
            highest_priority="high",
            risky_countries={"BD": "ITUC 2024: 5"},
            open_signals=1,
            countries_known=True,
        )
    )
    assert busy.level == "site-visit" and busy.points == 10
    codes = [r.code for r in busy.reasons]
    assert "dossier_intensity_risky_countries" in codes
    assert "dossier_intensity_open_signals" in codes
    middle = suggest_intensity(
        IntensityInputs(
            value_cents=30_000_000,
            category_code="ict-werkomgeving",
            category_weight=2,
            highest_priority=None,
        )
    )
    assert middle.level == "document-review" and middle.points == 2


def test_risky_countries_from_flags_and_the_top_third_of_newest_scores() -> None:
    rows = [
        ("NL", 1.0, None, "ITUC", 2024),
        ("DE", 1.0, None, "ITUC", 2024),
        ("BD", 5.0, None, "ITUC", 2024),
        ("FR", 2.0, None, "ITUC", 2024),
        ("CN", 5.0, None, "ITUC", 2024),
        ("IT", 2.0, None, "ITUC", 2024),
        ("NL", 5.0, None, "ITUC", 2020),  # older year of the same source: ignored
        ("MY", None, True, "US DoL", 2024),
        ("TH", None, False, "US DoL", 2024),
    ]
    assert set(risky_by_table(rows)) == {"BD", "CN", "MY"}


def test_rubric_sources_are_known_and_a_broken_rubric_names_the_field(  # type: ignore[no-untyped-def]
    rubric_2017,
) -> None:
    from app.domain.errors import ReferenceDataError
    from app.locator import reference

    assert rubric_2017.version == "2017"
    assert set(rubric_2017.sources) <= set(reference().sources)
    broken = (resources_dir() / "rubric" / "2017.json").read_text(encoding="utf-8")
    broken = broken.replace('"code": "yearly-report"', '"code": "annual-thing"')
    with pytest.raises(ReferenceDataError) as err:
        load_rubric(broken, "2099.json")
    assert err.value.params["file"] == "2099.json"
    assert err.value.params["field"] == "subjects[2].code"
