"""Reference data loads, is complete, and a broken file names file and field."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from app import locator
from app.domain.errors import ReferenceDataError
from app.domain.reference import FILES, load_reference
from app.domain.risk import priority


def test_both_category_sets_and_their_mapping() -> None:
    ref = locator.reference()
    ten = ref.category_set("tien-2017")
    eight = ref.category_set("acht")
    assert len(ten.categories) == 10 and len(eight.categories) == 8
    for category in ten.categories:
        targets = ref.mapped(category)
        assert targets, category.code
        assert all(category.code in t.maps_to for t in targets)
        assert category.risks_nl and category.countries and category.sources
    papier = ten.get("papier-print")
    assert papier is not None and papier.mapping_confirmed is False


def test_themes_conventions_and_sdg() -> None:
    ref = locator.reference()
    conventions = {c for t in ref.themes for c in t.ilo}
    assert conventions == {
        "C29",
        "C87",
        "C98",
        "C100",
        "C105",
        "C111",
        "C138",
        "C155",
        "C182",
        "C187",
    }
    assert len(ref.themes) == 10
    assert all(t.sdg for t in ref.themes)
    assert [s.number for s in ref.oecd_steps] == [1, 2, 3, 4, 5, 6]


def test_priority_is_severity_first_and_monotone() -> None:
    rank = {"low": 1, "medium": 2, "high": 3}
    for likelihood in range(1, 5):
        assert priority(4, likelihood) == "high"
    for s in range(1, 5):
        for lk in range(1, 5):
            if s < 4:
                assert rank[priority(s + 1, lk)] >= rank[priority(s, lk)]
            if lk < 4:
                assert rank[priority(s, lk + 1)] >= rank[priority(s, lk)]


def _files() -> dict[str, str]:
    folder = locator.resources_dir()
    return {name: (folder / name).read_text(encoding="utf-8") for name in FILES}


def test_broken_file_names_file_and_field() -> None:
    files = _files()
    data = json.loads(files["thresholds.json"])
    data["periods"][2]["works"] = "veel"
    files["thresholds.json"] = json.dumps(data)
    with pytest.raises(ReferenceDataError) as caught:
        load_reference(files.__getitem__)
    assert caught.value.params["file"] == "thresholds.json"
    assert caught.value.params["field"] == "periods[2].works"
    message = locator.catalog().error(caught.value, "nl")
    assert "thresholds.json" in message and "periods[2].works" in message


def test_invalid_json_is_named() -> None:
    files = _files()
    files["categories.json"] = "{ not json"
    with pytest.raises(ReferenceDataError) as caught:
        load_reference(files.__getitem__)
    assert caught.value.params["file"] == "categories.json"


def test_threshold_table_extension_and_overlap(isolated_home: Path) -> None:
    files = _files()
    extra = {
        "periods": [
            {
                "period": "2028-2029",
                "from": "2028-01-01",
                "to": "2029-12-31",
                "supplies_services": 150000,
                "works": 5600000,
                "source": "test",
            }
        ]
    }
    ref = load_reference(files.__getitem__, extra_thresholds=("extra.json", json.dumps(extra)))
    period = ref.threshold_period(dt.date(2028, 6, 1))
    assert period is not None and period.supplies_services == 150000
    extra["periods"][0]["from"] = "2027-06-01"
    with pytest.raises(ReferenceDataError) as caught:
        load_reference(files.__getitem__, extra_thresholds=("extra.json", json.dumps(extra)))
    assert caught.value.params["file"] == "extra.json"


def test_countries() -> None:
    table = locator.countries()
    for text, code in [
        ("CN", "CN"),
        ("chn", "CN"),
        ("China", "CN"),
        ("Verenigde Staten", "US"),
        ("united states", "US"),
        ("  Ivoorkust ", "CI"),
        ("CÔTE D'IVOIRE", "CI"),
        ("Democratische Republiek Congo", "CD"),
        ("Duitsland", "DE"),
    ]:
        assert table.normalise(text) == code, text
    assert table.normalise("Atlantis") is None
    assert table.normalise("") is None


def test_countries_file_is_what_pycountry_gives() -> None:
    """Guards that resources/countries.json stays the maintained library's table."""
    script = locator.resources_dir() / "make_countries.py"
    if not script.exists():
        pytest.skip("generator not shipped in this installation")
    generated = subprocess.run(
        [
            sys.executable,
            "-c",
            "import runpy,sys;m=runpy.run_path(sys.argv[1]);sys.stdout.write(m['render']())",
            str(script),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert json.loads(generated) == json.loads(
        (locator.resources_dir() / "countries.json").read_text(encoding="utf-8")
    )
