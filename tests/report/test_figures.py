"""Every figure of ``report --json`` against the count this test makes itself from the
dataset in conftest.py (built through the command line and the services)."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from typing import Any

from app import locator
from app.services import dossier, reporting
from tests.report.conftest import ORG_B

# The 2025 figures, counted by hand from the dataset table in conftest.py.
EXPECTED_2025: dict[str, Any] = {
    # T1 T2 T3 T4 T5 T6 T9 (T7 was published on 31 December 2024, T8 on 1 January 2026)
    "tenders": 7,
    "tenders_value": 250_000 + 500_000 + 300_000 + 50_000 + 80_000 + 1_000_000 + 100_000,
    "tenders_isv_mandatory": 4,  # T1 T2 T3 T6
    "tenders_isv_applied_mandatory": 2,  # T1 T2
    "tenders_isv_not_applied_mandatory": 1,  # T3
    "tenders_isv_undecided_mandatory": 1,  # T6
    "tenders_isv_applied_voluntary": 2,  # T4 below the threshold, T5 outside the categories
    "tenders_threshold_unknown": 0,
    "tenders_form_contract_condition": 2,  # T1 T5
    "tenders_form_minimum_requirement": 1,  # T2
    "tenders_form_award_criterion": 1,  # T4
    "tenders_value_mandatory": 250_000 + 500_000 + 300_000 + 1_000_000,  # T1 T2 T3 T6
    "tenders_value_applied_mandatory": 250_000 + 500_000,  # T1 T2
    "tenders_clause_current": 1,  # T1: generated here, current version
    "tenders_text_generated_older": 1,  # T5 used the 2013 text
    "tenders_text_official": 1,  # T2
    "tenders_text_own": 1,  # T4
    "tenders_text_unknown": 0,
    # C1 C3 C4 and C7 (the three-year contract); C2 starts 2026, C0 ended 2024
    "contracts_active": 4,
    "contracts_value": 240_000 + 290_000 + 45_000 + 600_000,
    "contracts_isv": 3,  # C1 C4 C7 (C3's tender did not apply the ISV)
    "risk_analysis_received": 2,  # C1 (workbook 15 June) and C7 (document 10 March)
    "risk_analysis_on_time": 1,  # C1: due 1 July
    "risk_analysis_late": 1,  # C7: due 1 February
    "risk_analysis_overdue": 1,  # C4: due 1 August, nothing received
    "plan_agreed": 1,  # C1
    "plan_overdue": 2,  # C4 and C7
    "yearly_report_due": 1,  # C7: report month December, first contract year ends 31 Oct
    "yearly_report_received": 1,  # C7
    "yearly_report_sufficient": 1,  # C7
    "risks": 3,  # C1's newest workbook (not the first one's two)
    "risks_high": 2,
    "measures": 4,
    "measures_completed": 1,  # M1
    "measures_overdue": 1,  # M2 (M3 due 2026, M4 cancelled)
    "signals_received": 1,
    "signals_closed": 0,
    "signals_open": 1,
    "escalation_steps": 1,
    "escalation_dialogue": 1,
    "escalation_external-advice": 0,
    "escalation_notice-of-default": 0,
    "escalation_penalty": 0,
    "escalation_termination": 0,
    # C1's certificate ends 15 Feb 2026 (within 90 days, before the contract ends); C7's
    # old certificate is superseded and its new one outlives the contract
    "evidence_expiring": 1,
}

# (set, code) -> tenders, mandatory, applied mandatory, applied voluntarily, contracts active
# One set per table: 2025's set of eight; T3, registered with the ten-set code catering,
# is counted under its counterpart.
EXPECTED_CATEGORIES_2025 = {
    ("acht", "ict-werkomgeving"): (1, 1, 1, 0, 1),
    ("acht", "bedrijfskleding"): (1, 1, 1, 0, 0),
    ("acht", "consumptieve-dienstverlening"): (1, 1, 0, 0, 1),
    ("acht", "laboratorium"): (1, 0, 0, 1, 1),
    (None, "overig"): (1, 0, 0, 1, 0),
    ("acht", "energie"): (1, 1, 0, 0, 0),
    ("acht", "werkplekomgeving"): (1, 0, 0, 0, 0),
    ("acht", "datacenters"): (0, 0, 0, 0, 1),
}
SPEC_KEYS = (
    "tenders",
    "tenders_isv_mandatory",
    "tenders_isv_applied_mandatory",
    "tenders_isv_applied_voluntary",
    "contracts_active",
)


def report_json(cli: Any, *args: str) -> dict[str, Any]:
    result = cli("report", *args, "--json")
    assert result.status == 0, result.err
    data: dict[str, Any] = json.loads(result.out)
    return data


def test_every_figure_of_report_json_equals_the_own_count(year_db: Any, cli: Any) -> None:
    data = report_json(cli, "--year", "2025")
    assert data["year"] == 2025
    assert data["organisation"] is None
    assert data["as_of"] == "2025-12-31"
    assert data["totals"] == EXPECTED_2025
    categories = {(c["set"], c["code"]): tuple(c[k] for k in SPEC_KEYS) for c in data["categories"]}
    assert categories == EXPECTED_CATEGORIES_2025
    for key in SPEC_KEYS:  # the categories add up to the totals
        assert sum(c[key] for c in data["categories"]) == data["totals"][key]
    assert data["forms"] == {
        "contract-condition": 2,
        "minimum-requirement": 1,
        "award-criterion": 1,
    }
    assert data["not_applied_reasons"] == [{"code": "urgency", "tenders": 1}]  # T3
    assert data["basis"] == "awarded" and data["grouping"] == "acht"
    assert data["share_mandatory_applied"] == 0.5  # T1 T2 of T1 T2 T3 T6
    assert data["share_mandatory_applied_by_value"] == round(750_000 / 2_050_000, 4)
    assert data["award_date_unknown"] == 0
    assert data["previous_year"]["year"] == 2024
    assert data["risks_by_theme"] == {
        "child_labour": {"high": 1},
        "forced_labour": {"high": 1},
        "environment": {"low": 1},
    }
    assert data["escalation_by_step"]["dialogue"] == 1
    assert len(data["fingerprint"]) == 64


def test_sdg_targets_follow_the_theme_map(year_db: Any, cli: Any) -> None:
    data = report_json(cli, "--year", "2025")
    themes = {t.code: t.sdg for t in locator.reference().themes}
    risk_themes = ["child_labour", "forced_labour", "environment"]  # C1's newest workbook
    risks = Counter(target for theme in risk_themes for target in themes[theme])
    signals = Counter(themes["child_labour"])
    for row in data["sdg"]:
        target = row["target"]
        assert row["risks"] == risks[target], target
        assert row["contracts"] == (1 if risks[target] else 0), target
        assert row["signals"] == signals[target], target
    assert {row["target"] for row in data["sdg"]} == set(locator.reference().sdg_targets)


def test_year_edges_31_december_and_a_three_year_contract(year_db: Any, cli: Any) -> None:
    """A tender counts in the year of its publication date, 31 December included; a
    contract counts in every year its period touches."""
    y2024 = report_json(cli, "--year", "2024")["totals"]
    y2026 = report_json(cli, "--year", "2026")["totals"]
    assert y2024["tenders"] == 1  # T7, published 31 December 2024
    assert y2026["tenders"] == 1  # T8, published 1 January 2026 (T2 stays in 2025)
    assert y2024["contracts_active"] == 2  # C7 (from 1 November) and C0 (to 31 December)
    assert y2026["contracts_active"] == 4  # C1 C2 C3 C7
    for year in ("2024", "2025", "2026"):
        data = report_json(cli, "--year", year)
        datacentres = [c for c in data["categories"] if c["code"] == "datacenters"]
        assert datacentres and datacentres[0]["contracts_active"] == 1, year
    assert report_json(cli, "--year", "2027")["totals"]["contracts_active"] == 2  # C1, C2


def test_step_states_are_the_dossiers(year_db: Any) -> None:
    """The report takes the OECD step states from the dossier's rules: the same state per
    contract as the dossier shows on the reference date."""
    report = reporting.year_report(year_db, 2025)
    mine = {row.fact.ref: dict(row.steps) for row in report.contract_rows if row.isv}
    assert set(mine) == {"C1", "C4", "C7"}
    theirs = {
        c.contract_ref: {s.code: s.state.value for s in c.steps}
        for c in dossier.step_states_for_all(year_db, dt.date(2025, 12, 31))
    }
    for ref, states in mine.items():
        assert states == theirs[ref], ref
    counted = Counter((code, state) for states in mine.values() for code, state in states.items())
    for code, states in report.step_states.items():
        for state, count in states.items():
            assert count == counted[(code, state)]


def test_one_organisation(year_db: Any, cli: Any) -> None:
    data = report_json(cli, "--year", "2025", "--organisation", "ministerie van financiën")
    assert data["organisation"] == ORG_B
    totals = data["totals"]
    assert totals["tenders"] == 2  # T4 T6
    assert totals["tenders_isv_mandatory"] == 1  # T6
    assert totals["tenders_isv_applied_voluntary"] == 1  # T4
    assert totals["contracts_active"] == 1  # C4
    assert totals["risk_analysis_overdue"] == 1
    everything = report_json(cli, "--year", "2025")
    assert data["fingerprint"] != everything["fingerprint"]


def test_an_organisation_without_tenders_in_the_year_gives_zeros(year_db: Any, cli: Any) -> None:
    data = report_json(cli, "--year", "2022", "--organisation", ORG_B)
    assert data["organisation"] == ORG_B
    assert all(value == 0 for value in data["totals"].values())


def test_unknown_organisation_is_one_sentence(year_db: Any, cli: Any) -> None:
    result = cli("report", "--year", "2025", "--organisation", "Ministerie van Niets", "--json")
    assert result.status == 1
    assert result.out == ""
    assert "Ministerie van Niets" in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert "Traceback" not in result.err


def test_grouping_into_the_other_set(year_db: Any) -> None:
    into_eight = reporting.year_report(year_db, 2025, group_into="acht")
    codes = {(c.key.set_id, c.key.code): c.figures for c in into_eight.categories}
    assert ("tien-2017", "catering") not in codes
    assert codes[("acht", "consumptieve-dienstverlening")]["tenders_isv_not_applied_mandatory"] == 1
    into_ten = reporting.year_report(year_db, 2025, group_into="tien-2017")
    codes_ten = {(c.key.set_id, c.key.code): c for c in into_ten.categories}
    combined = codes_ten[("tien-2017", "kantoorartikelen+papier-print")]
    assert combined.figures["tenders"] == 1  # T9 (werkplekomgeving maps to two of the ten)
    assert "Kantoorartikelen" in combined.name_nl and "Papier" in combined.name_nl
    for grouped in (into_eight, into_ten):
        assert grouped.totals == reporting.year_report(year_db, 2025).totals
        for code in SPEC_KEYS:
            assert sum(c.figures[code] for c in grouped.categories) == grouped.totals[code]


def test_an_empty_year_is_all_zero(ctx: Any, cli: Any) -> None:
    data = report_json(cli, "--year", "2031")
    assert all(value == 0 for value in data["totals"].values())
    assert data["categories"] == []


def test_the_text_summary_names_the_figures(year_db: Any, cli: Any) -> None:
    result = cli("report", "--year", "2025")
    assert result.status == 0
    assert "7 aanbestedingen" in result.out
    assert "4 lopende contracten" in result.out
