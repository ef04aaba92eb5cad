"""Import for review, adopt, dismiss, re-import; the command line's answers."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.domain.errors import NotFoundError, ValidationError
from app.domain.reference import KINDS
from app.persistence import models as m
from app.services import registry, tenderned
from app.services.context import Context
from tests.tenderned import make_open_data as mk

LAPTOPS = "ocds-1l04xe-2025-100001"
WORKWEAR = "ocds-1l04xe-2025-100002"
CATERING = "ocds-1l04xe-2025-100003"
NO_CPV = "ocds-1l04xe-2025-100004"
ENERGY = "ocds-1l04xe-2025-100005"


@pytest.fixture
def package(tmp_path: Path) -> Path:
    return mk.write_package(tmp_path / "package.json", mk.releases_of(mk.ministry_year()))


def _count(ctx: Context, model: type[Any]) -> int:
    with ctx.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_import_keeps_every_notice_and_lists_the_mandatory_ones(
    ctx: Context, package: Path
) -> None:
    result = tenderned.import_open_data(ctx, package, [mk.MINISTRY])
    assert result.counts() == {
        "read": 9,
        "for_organisation": 6,
        "new": 6,
        "known": 0,
        "review": len(result.review),
    }
    assert _count(ctx, m.TenderNedNotice) == 6
    listed = {row.ocid: row for row in result.review}
    assert LAPTOPS in listed and ENERGY in listed  # ICT and energy above the threshold
    assert WORKWEAR not in listed  # 90,000: below
    assert NO_CPV not in listed  # no CPV: no category suggested, outside the categories
    laptops = listed[LAPTOPS]
    assert laptops.category_suggested == "ict-werkomgeving"
    assert not laptops.category_confirmed  # our inference, not confirmed
    assert laptops.value == Decimal(400000) and laptops.awarded_value == Decimal(380000)
    assert laptops.on_record == "unknown" and laptops.status == "review"
    assert listed[ENERGY].value == Decimal(2000000)  # awarded value where no estimate
    everything = {r.ocid: r for r in tenderned.review_list(ctx, only_mandatory=False)}
    assert everything[NO_CPV].verdict == "voluntary_outside_categories"
    assert everything[WORKWEAR].verdict == "voluntary_below_threshold"
    catering = everything[CATERING]
    assert catering.annex_xiv
    if "social-services" in KINDS:  # the Annex XIV regime: 500,000 is below 750,000
        assert catering.kind == "social-services" and not catering.mandatory


def test_a_dry_run_writes_nothing(ctx: Context, package: Path) -> None:
    result = tenderned.import_open_data(ctx, package, [mk.MINISTRY], dry_run=True)
    assert result.new == 6 and result.review
    assert _count(ctx, m.TenderNedNotice) == 0


def test_adopt_registers_tender_and_contract_and_reimport_adds_nothing(
    ctx: Context, package: Path, tmp_path: Path
) -> None:
    tenderned.import_open_data(ctx, package, [mk.MINISTRY])
    [adopted] = tenderned.adopt(ctx, [LAPTOPS], expected_versions=None)
    assert adopted.tender_ref == "2025-100001" and adopted.contract_ref == "2025-100001-1"
    tender = registry.get_tender(ctx, "2025-100001")
    assert tender.category_code == "ict-werkomgeving" and tender.kind == "supplies"
    assert tender.value == Decimal(400000) and tender.verdict == "mandatory"
    assert tender.organisation == mk.MINISTRY
    assert tender.awarded == mk.dt.date(2025, 5, 10)  # TenderNed's award date
    assert registry.tender_cpv(ctx, ["2025-100001"]) == {
        "2025-100001": ("30213100-6", "30231300-0")
    }
    contract = registry.get_contract(ctx, "2025-100001-1")
    assert contract.supplier.name == "Laptop Leverancier B.V."
    assert (contract.supplier.kvk, contract.supplier.country) == ("12345678", "NL")
    assert contract.value == Decimal(380000)
    # an adopted tender without an ISV decision is on record as such, not as "not applied"
    row = next(r for r in tenderned.review_list(ctx) if r.ocid == LAPTOPS)
    assert (row.status, row.on_record, row.tender_ref) == ("adopted", "no-decision", "2025-100001")
    with pytest.raises(ValidationError) as caught:
        tenderned.adopt(ctx, [LAPTOPS], expected_versions=None)
    assert caught.value.code == "tn_already_adopted"
    from app.services import records

    records.withdraw(
        ctx, "contract", "2025-100001-1", reason="per ongeluk overgenomen", expected_version=None
    )
    records.withdraw(
        ctx, "tender", "2025-100001", reason="per ongeluk overgenomen", expected_version=None
    )
    row = next(r for r in tenderned.review_list(ctx) if r.ocid == LAPTOPS)
    assert row.on_record == "withdrawn"
    tenders = _count(ctx, m.Tender)
    # the same file again, and a newer one with one more procedure: only the new is added
    again = tenderned.import_open_data(ctx, package, [mk.MINISTRY])
    assert (again.new, again.known) == (0, 6)
    procedures = mk.ministry_year()
    extra = mk.Procedure(
        "2025-100099", mk.MINISTRY, mk.MINISTRY_ID, "Toner", "goods", ["30125100-2"]
    )
    extra.notices = [{"date": mk.dt.date(2025, 9, 1), "tag": ["tender"], "estimate": 150000}]
    newer = mk.write_package(tmp_path / "newer.json", mk.releases_of([*procedures, extra]))
    third = tenderned.import_open_data(ctx, newer, [mk.MINISTRY])
    assert (third.new, third.known) == (1, 6)
    assert _count(ctx, m.Tender) == tenders
    assert _count(ctx, m.TenderNedNotice) == 7


def test_an_end_date_tenderned_does_not_give_is_assumed_and_said(
    ctx: Context, package: Path
) -> None:
    tenderned.import_open_data(ctx, package, [mk.MINISTRY])
    laptops, energy = tenderned.adopt(ctx, [LAPTOPS, ENERGY], expected_versions=None)
    assert laptops.end_assumed is None  # TenderNed gives the contract period
    assert "aangenomen" not in tenderned.adopted_text(ctx, laptops)
    # no period: four years after the award date, and the buyer is told so
    assert energy.end_assumed == mk.dt.date(2029, 6, 28)
    assert registry.get_contract(ctx, energy.contract_ref or "").end == energy.end_assumed
    said = tenderned.adopted_text(ctx, energy)
    assert "28 juni 2029" in said and "aangenomen" in said and "Corrigeer" in said
    english = Context(ctx.db, ctx.actor, "en")
    assert "assumed to end on" in tenderned.adopted_text(english, energy)


def test_adopt_is_all_or_nothing_and_remembers_the_category(ctx: Context, package: Path) -> None:
    tenderned.import_open_data(ctx, package, [mk.MINISTRY])
    tenders = _count(ctx, m.Tender)
    with pytest.raises(ValidationError) as caught:  # no CPV: no suggestion
        tenderned.adopt(ctx, [LAPTOPS, NO_CPV], expected_versions=None)
    assert caught.value.code == "tn_category_needed"
    assert _count(ctx, m.Tender) == tenders  # the laptops were not taken either
    with pytest.raises(NotFoundError):
        tenderned.adopt(ctx, ["ocds-1l04xe-nothing"], expected_versions=None)
    # the buyer changes the suggestion for workwear: remembered for the next import
    tenderned.adopt(ctx, [WORKWEAR], category="laboratorium", expected_versions=None)
    assert registry.get_tender(ctx, "2025-100002").category_code == "laboratorium"
    tenderned.import_open_data(ctx, package, [mk.MINISTRY])
    row = next(r for r in tenderned.review_list(ctx, only_mandatory=False) if r.ocid == WORKWEAR)
    assert row.category_suggested == "laboratorium" and row.category_confirmed


def test_a_confirmed_category_changes_the_next_suggestion(ctx: Context, package: Path) -> None:
    tenderned.remember_category(ctx, "30213100-6", "datacenters")
    result = tenderned.import_open_data(ctx, package, [mk.MINISTRY])
    laptops = next(r for r in result.review if r.ocid == LAPTOPS)
    assert laptops.category_suggested == "datacenters" and laptops.category_confirmed
    with pytest.raises(ValidationError):
        tenderned.remember_category(ctx, "30213100-6", "no-such-category")


def test_dismiss_with_a_reason(ctx: Context, package: Path) -> None:
    tenderned.import_open_data(ctx, package, [mk.MINISTRY])
    assert (
        tenderned.dismiss(
            ctx, [ENERGY], "Raamovereenkomst van een andere dienst", expected_versions=None
        )
        == 1
    )
    row = next(r for r in tenderned.review_list(ctx) if r.ocid == ENERGY)
    assert row.status == "dismissed" and row.reason == "Raamovereenkomst van een andere dienst"
    with pytest.raises(ValidationError):
        tenderned.dismiss(ctx, [ENERGY], "  ", expected_versions=None)
    tenderned.adopt(ctx, [LAPTOPS], expected_versions=None)
    with pytest.raises(ValidationError) as caught:
        tenderned.dismiss(ctx, [LAPTOPS], "toch niet", expected_versions=None)
    assert caught.value.code == "tn_dismiss_adopted"
    assert tenderned.notice_counts(ctx) == {"review": 4, "adopted": 1, "dismissed": 1}


def test_a_tender_registered_by_hand_is_linked_not_duplicated(ctx: Context, package: Path) -> None:
    registry.register_tender(
        ctx,
        ref="2025-100001",
        title="Laptops",
        category="ict-werkomgeving",
        kind="supplies",
        value=400000,
        published=mk.dt.date(2025, 2, 3),
        cpv=["30213100-6"],
    )
    result = tenderned.import_open_data(ctx, package, [mk.MINISTRY])
    laptops = next(r for r in result.review if r.ocid == LAPTOPS)
    assert laptops.on_record == "no-decision" and laptops.tender_ref == "2025-100001"
    [adopted] = tenderned.adopt(ctx, [LAPTOPS], expected_versions=None)
    assert adopted.linked and adopted.contract_ref is None
    assert _count(ctx, m.Tender) == 1


# -- the command line ---------------------------------------------------------------------------


def test_cli_import_json_as_the_spec_shows(cli: Any, package: Path) -> None:
    result = cli("tenderned", "import", str(package), "--organisation", mk.MINISTRY, "--json")
    assert result.status == 0, result.err
    data = json.loads(result.out)
    assert set(data["counts"]) == {"read", "for_organisation", "new", "known", "review"}
    assert data["counts"]["new"] == 6
    first = data["review"][0]
    assert {
        "ocid",
        "title",
        "cpv",
        "category_suggested",
        "kind",
        "value",
        "published",
        "awarded",
        "verdict",
        "mandatory",
        "on_record",
    } <= set(first)
    laptops = next(r for r in data["review"] if r["ocid"] == LAPTOPS)
    assert laptops["value"] == 400000 and laptops["published"] == "2025-02-03"
    assert laptops["awarded"] == "2025-05-10" and laptops["cpv"][0] == "30213100-6"
    again = json.loads(cli("tenderned", "import", str(package), "--json").out)
    assert again["counts"]["known"] == 6 and again["counts"]["new"] == 1  # the municipality


def test_cli_adopt_dismiss_and_their_refusals(cli: Any, package: Path) -> None:
    imported = cli("tenderned", "import", str(package), "--organisation", mk.MINISTRY)
    assert imported.status == 0
    # the review lines in words: a date, the category's name, an amount, what is on record
    line = next(x for x in imported.out.splitlines() if LAPTOPS in x)
    assert "3 februari 2025  ICT werkomgeving Rijk  €\u00a0400.000  niets bekend" in line
    assert "ict-werkomgeving" not in imported.out and "unknown" not in imported.out
    adopted = cli("tenderned", "adopt", LAPTOPS)
    assert adopted.status == 0 and "2025-100001-1" in adopted.out
    assert "aangenomen" not in adopted.out
    twice = cli("tenderned", "adopt", LAPTOPS)
    assert twice.status == 1 and "al in het register" in twice.err
    assert cli("--lang", "en", "tenderned", "adopt", LAPTOPS).err.startswith("The notice")
    assert cli("tenderned", "dismiss", ENERGY).status == 2  # --reason is required
    dismissed = cli("tenderned", "dismiss", ENERGY, "--reason", "niet van ons")
    assert dismissed.status == 0 and "1 aankondiging" in dismissed.out
    missing = cli("tenderned", "import", str(package.with_name("nothing.json")))
    assert missing.status == 2
    broken = package.with_name("broken.json")
    broken.write_text('{"releases": [', encoding="utf-8")
    refused = cli("tenderned", "import", str(broken))
    assert refused.status == 2 and "broken.json" in refused.err and "Traceback" not in refused.err


def test_cli_says_an_assumed_end_date(cli: Any, package: Path) -> None:
    assert cli("tenderned", "import", str(package), "--organisation", mk.MINISTRY).status == 0
    assumed = cli("tenderned", "adopt", ENERGY)
    assert assumed.status == 0 and "2025-100005-1" in assumed.out
    assert "28 juni 2029 aangenomen" in assumed.out
    listed = cli("contract", "list", "--json")
    [contract] = [c for c in json.loads(listed.out) if c["ref"] == "2025-100005-1"]
    assert contract["end"] == "2029-06-28"


def test_cli_tender_add_with_cpv_codes(cli: Any) -> None:
    result = cli(
        "tender", "add", "--ref", "T-1", "--title", "Laptops", "--category", "ict-werkomgeving",
        "--kind", "supplies", "--value", "200000", "--published", "2025-03-01",
        "--cpv", "30213100-6", "--cpv", "30231300", "--json",
    )  # fmt: skip
    assert result.status == 0, result.err
    assert json.loads(result.out)["cpv"] == ["30213100-6", "30231300"]
    bad = cli(
        "tender", "add", "--ref", "T-2", "--title", "x", "--category", "overig",
        "--kind", "supplies", "--value", "1", "--published", "2025-03-01", "--cpv", "12AB",
    )  # fmt: skip
    assert bad.status == 1 and "CPV" in bad.err


def test_the_workbook_then_the_package_of_the_same_year_adds_nothing_new(
    ctx: Context, package: Path, tmp_path: Path
) -> None:
    book = mk.write_workbook(tmp_path / "book.xlsx", mk.ministry_year())
    first = tenderned.import_open_data(ctx, book, [mk.MINISTRY])
    assert (first.new, first.known) == (6, 0)
    tenderned.adopt(ctx, [LAPTOPS], expected_versions=None)
    second = tenderned.import_open_data(ctx, package, [mk.MINISTRY])
    assert (second.new, second.known) == (0, 6)  # the same procedures under the same OCIDs
    assert _count(ctx, m.Tender) == 1


def test_an_adopted_tender_without_a_decision_is_its_own_figure_in_the_report(
    cli: Any, package: Path
) -> None:
    cli("tenderned", "import", str(package), "--organisation", mk.MINISTRY)
    assert cli("tenderned", "adopt", LAPTOPS).status == 0
    result = cli("report", "--year", "2025", "--json")  # counted by award date: TenderNed's
    assert result.status == 0, result.err
    totals = json.loads(result.out)["totals"]
    assert totals["tenders_isv_mandatory"] == 1
    assert totals["tenders_isv_undecided_mandatory"] == 1  # no decision: its own figure
    assert totals["tenders_isv_not_applied_mandatory"] == 0  # never counted as not applied


def test_cli_tender_correct_replaces_the_cpv_codes(cli: Any, ctx: Context) -> None:
    add = "tender add --ref T-9 --title Laptops --category ict-werkomgeving --kind supplies"
    assert (
        cli(*add.split(), "--value", "1", "--published", "2025-03-01", "--cpv", "30213100").status
        == 0
    )
    changed = cli(
        "tender",
        "correct",
        "T-9",
        "--reason",
        "hoofdcode",
        "--cpv",
        "30213000",
        "--cpv",
        "30213100",
    )
    assert changed.status == 0, changed.err
    assert registry.tender_cpv(ctx, ["T-9"]) == {"T-9": ("30213000", "30213100")}
    same = cli(
        "tender", "correct", "T-9", "--reason", "nogmaals", "--cpv", "30213000", "--cpv", "30213100"
    )
    assert same.status == 1  # nothing changed
    both = cli(
        "tender",
        "correct",
        "T-9",
        "--reason",
        "titel en code",
        "--title",
        "Pc's",
        "--cpv",
        "30213100",
    )
    assert both.status == 0 and registry.get_tender(ctx, "T-9").title == "Pc's"
    assert registry.tender_cpv(ctx, ["T-9"]) == {"T-9": ("30213100",)}
    assert cli("verify").status == 0
