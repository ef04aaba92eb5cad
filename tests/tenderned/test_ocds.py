"""The OCDS export: validates against the bundled schema, and its ISV fields read back."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from app import settings
from app.domain.errors import ValidationError
from app.io.ocds_export import problems, write_package
from app.services import ocds, tenderned
from app.services.context import Context
from tests.tenderned import make_open_data as mk

LAPTOPS = "ocds-1l04xe-2025-100001"


OWN = (
    "tender add --ref EIG-1 --title Werkkleding --category bedrijfskleding --kind supplies"
    " --value 250000 --published 2025-03-01 --isv applied --form contract-condition"
    " --cpv 18110000-3 --cpv 18130000",
    "contract add --ref EIG-1-C --tender EIG-1 --supplier Kleding --supplier-country NL"
    " --start 2025-05-01 --end 2027-04-30 --value 240000 --kvk 87654321",
    "tender add --ref EIG-2 --title Koffie --category catering --kind supplies --value 50000"
    " --published 2025-04-01 --isv not-applied --reason onder-de-drempel",
)


def _register_own(cli: Any) -> None:
    for line in OWN:
        extra = (
            ["--organisation", mk.MINISTRY] if line.startswith("tender add --ref EIG-1 ") else []
        )
        result = cli(*line.split(), *extra)
        assert result.status == 0, (line, result.err)


def _release(package: dict[str, Any], tender_ref: str) -> dict[str, Any]:
    return next(r for r in package["releases"] if r["tender"]["id"] == tender_ref)


def test_export_validates_and_its_isv_fields_read_back(
    cli: Any, ctx: Context, tmp_path: Path
) -> None:
    current = settings.load()
    current.ocid_prefix = "ocds-test01-"
    settings.save(current)
    _register_own(cli)
    package_file = mk.write_package(tmp_path / "tn.json", mk.releases_of(mk.ministry_year()))
    tenderned.import_open_data(ctx, package_file, [mk.MINISTRY])
    tenderned.adopt(ctx, [LAPTOPS], expected_versions=None)
    out = tmp_path / "ocds-2025.json"
    result = cli("ocds", "export", "--year", "2025", "-o", str(out))
    assert result.status == 0, result.err
    package = json.loads(out.read_text(encoding="utf-8"))
    assert problems(package) == []
    assert package["version"] == "1.1" and package["publisher"]["name"] == mk.MINISTRY
    assert len(package["releases"]) == 3
    own = _release(package, "EIG-1")
    assert own["ocid"].startswith("ocds-test01-")
    assert own["tender"]["hasSustainability"] is True
    assert own["tender"]["sustainability"] == [
        {
            "goal": "social.humanRightsInSupplyChains",
            "strategies": ["contractPerformanceConditions"],
        },
        {"goal": "social.laborRightsPromotion", "strategies": ["contractPerformanceConditions"]},
    ]
    assert own["tender"]["items"][0]["classification"] == {"scheme": "CPV", "id": "18110000-3"}
    assert own["tender"]["items"][0]["additionalClassifications"][0]["id"] == "18130000"
    [contract] = own["contracts"]
    [award] = own["awards"]
    assert contract["awardID"] == award["id"] and contract["value"]["amount"] == 240000
    supplier = next(p for p in own["parties"] if "supplier" in p["roles"])
    assert supplier["identifier"] == {"scheme": "NL-KVK", "id": "87654321"}
    assert award["suppliers"][0]["id"] == supplier["id"]
    assert own["buyer"]["name"] == mk.MINISTRY
    not_applied = _release(package, "EIG-2")
    assert "hasSustainability" not in not_applied["tender"]  # ISV not applied: no claim
    adopted = _release(package, "2025-100001")
    assert adopted["ocid"] == LAPTOPS  # TenderNed's OCID: both publications join
    assert adopted["awards"][0]["date"].startswith("2025-05-10")
    assert adopted["tender"]["mainProcurementCategory"] == "goods"
    assert "hasSustainability" not in adopted["tender"]  # adopted, no ISV decision yet


def test_the_schema_refuses_what_the_standard_does_not_allow(
    cli: Any, ctx: Context, tmp_path: Path
) -> None:
    _register_own(cli)
    package = ocds.export_package(ctx, 2025)
    assert problems(package) == []
    broken = copy.deepcopy(package)
    del broken["releases"][0]["ocid"]
    broken["releases"][1]["tender"]["value"]["amount"] = "veel"
    broken["releases"][0]["tender"]["sustainability"] = [{"strategies": ["bribery"]}]
    found = problems(broken)
    assert len(found) >= 3
    assert any("ocid" in p for p in found) and any("bribery" in p for p in found)
    target = tmp_path / "out.json"
    target.write_text("earlier", encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        write_package(broken, target)
    assert caught.value.code == "ocds_invalid"
    assert target.read_text(encoding="utf-8") == "earlier"  # nothing written


def test_an_empty_year_is_a_valid_empty_package(cli: Any, tmp_path: Path) -> None:
    out = tmp_path / "empty.json"
    result = cli("--lang", "en", "ocds", "export", "--year", "2019", "-o", str(out))
    assert result.status == 0 and "0 tenders in" in result.out
    package = json.loads(out.read_text(encoding="utf-8"))
    assert package["releases"] == [] and problems(package) == []
    assert package["uri"].startswith("urn:isv-assistent:" + settings.DEFAULT_OCID_PREFIX)
