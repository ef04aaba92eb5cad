"""Our tenders, awards and contracts as an OCDS 1.1 release package.

One release per tender: its ``tender`` (reference, title, value, kind as
``mainProcurementCategory``, CPV codes as items), its buyer, and per contract an award
and a contract with the supplier as a party. A tender with the ISV applied carries the
sustainability extension's fields: ``hasSustainability`` and two ``sustainability``
entries, the goals ``social.humanRightsInSupplyChains`` and ``social.laborRightsPromotion``,
each with the strategy that matches the ISV's form of application. A
tender adopted from TenderNed keeps TenderNed's OCID, so both publications join; our
own tenders get an OCID under the prefix from the settings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

OCDS_VERSION = "1.1"
SUSTAINABILITY_EXTENSION = (
    "https://raw.githubusercontent.com/open-contracting-extensions/"
    "ocds_sustainability_extension/master/extension.json"
)
ISV_GOALS = ("social.humanRightsInSupplyChains", "social.laborRightsPromotion")
"""The extension's goals of the ISV: human rights in supply chains and labour rights (the
eForms notice's BT-775 ``hum-right`` and ``work-cond``)."""
STRATEGY_OF_FORM = {
    "contract-condition": "contractPerformanceConditions",
    "minimum-requirement": "technicalSpecifications",
    "award-criterion": "awardCriteria",
}
CATEGORY_OF_KIND = {
    "supplies": "goods",
    "services": "services",
    "social-services": "services",
    "defence-supplies": "goods",
    "defence-services": "services",
    "works": "works",
    "defence-works": "works",
}


@dataclass(frozen=True)
class ContractFact:
    ref: str
    uid: str
    supplier_uid: str
    supplier_name: str
    supplier_country: str  # ISO 3166-1 alpha-2
    supplier_kvk: str | None
    start: dt.date
    end: dt.date
    value: Decimal | None


@dataclass(frozen=True)
class TenderFact:
    ref: str
    uid: str
    version: int
    title: str
    organisation: str | None
    kind: str
    value: Decimal
    published: dt.date
    cpv: tuple[str, ...]
    isv_applied: bool | None
    form: str | None
    tenderned_ocid: str | None
    award_date: dt.date | None
    contracts: tuple[ContractFact, ...]


def _amount(value: Decimal) -> dict[str, Any]:
    number: int | float = int(value) if value == value.to_integral_value() else float(value)
    return {"amount": number, "currency": "EUR"}


def _day(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in text.casefold()).strip("-")[:60]


def ocid_of(tender: TenderFact, prefix: str) -> str:
    return tender.tenderned_ocid or f"{prefix}{tender.uid}"


def release(tender: TenderFact, prefix: str, at: dt.datetime, lang: str) -> dict[str, Any]:
    """The tender's release."""
    ocid = ocid_of(tender, prefix)
    parties: list[dict[str, Any]] = []
    body: dict[str, Any] = {
        "id": tender.ref,
        "title": tender.title,
        "value": _amount(tender.value),
        "tenderPeriod": {"startDate": _day(tender.published)},
    }
    category = CATEGORY_OF_KIND.get(tender.kind)
    if category:
        body["mainProcurementCategory"] = category
    if tender.cpv:
        item: dict[str, Any] = {
            "id": "1",
            "classification": {"scheme": "CPV", "id": tender.cpv[0]},
        }
        if tender.cpv[1:]:
            item["additionalClassifications"] = [
                {"scheme": "CPV", "id": code} for code in tender.cpv[1:]
            ]
        body["items"] = [item]
    if tender.isv_applied:
        strategy = STRATEGY_OF_FORM.get(tender.form or "")
        entries = []
        for goal in ISV_GOALS:
            entry: dict[str, Any] = {"goal": goal}
            if strategy:
                entry["strategies"] = [strategy]
            entries.append(entry)
        body["hasSustainability"] = True
        body["sustainability"] = entries
    result: dict[str, Any] = {
        "ocid": ocid,
        "id": f"{ocid}-isv-{tender.version}",
        "date": at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "tag": ["tender"],
        "initiationType": "tender",
        "language": lang,
        "parties": parties,
    }
    if tender.organisation:
        buyer = {"id": f"buyer-{_slug(tender.organisation)}", "name": tender.organisation}
        parties.append({**buyer, "roles": ["buyer"]})
        result["buyer"] = buyer
    result["tender"] = body
    awards, contracts = [], []
    for contract in tender.contracts:
        supplier = {"id": f"supplier-{contract.supplier_uid}", "name": contract.supplier_name}
        if not any(p["id"] == supplier["id"] for p in parties):
            party: dict[str, Any] = {
                **supplier,
                "address": {"countryName": contract.supplier_country},
                "roles": ["supplier"],
            }
            if contract.supplier_kvk:
                party["identifier"] = {"scheme": "NL-KVK", "id": contract.supplier_kvk}
            parties.append(party)
        award: dict[str, Any] = {"id": f"award-{contract.uid}", "status": "active"}
        if tender.award_date:
            award["date"] = _day(tender.award_date)
        if contract.value is not None:
            award["value"] = _amount(contract.value)
        award["suppliers"] = [supplier]
        awards.append(award)
        entry_contract: dict[str, Any] = {
            "id": contract.ref,
            "awardID": award["id"],
            "status": "active",
            "period": {"startDate": _day(contract.start), "endDate": _day(contract.end)},
        }
        if contract.value is not None:
            entry_contract["value"] = _amount(contract.value)
        contracts.append(entry_contract)
    if awards:
        result["tag"] = ["tender", "award", "contract"]
        result["awards"] = awards
        result["contracts"] = contracts
    return result


def release_package(
    tenders: Sequence[TenderFact],
    *,
    year: int,
    prefix: str,
    publisher: str,
    at: dt.datetime,
    lang: str,
) -> dict[str, Any]:
    """The package of the year's releases, in the order of the tenders given."""
    return {
        "uri": f"urn:isv-assistent:{prefix}{year}",
        "version": OCDS_VERSION,
        "publishedDate": at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "publisher": {"name": publisher},
        "extensions": [SUSTAINABILITY_EXTENSION],
        "releases": [release(t, prefix, at, lang) for t in tenders],
    }
