"""``report --group-into SET``: the command line counts per category of the other set,
as the service and the window do; an unknown set is one sentence with status 2."""

from __future__ import annotations

import json
from typing import Any

from app.services import reporting


def test_report_json_grouped_into_the_eight(year_db: Any, cli: Any) -> None:
    result = cli("report", "--year", "2025", "--group-into", "acht", "--json")
    assert result.status == 0, result.err
    data = json.loads(result.out)
    assert data["grouping"] == "acht"
    expected = reporting.report_document(reporting.year_report(year_db, 2025, group_into="acht"))
    assert data["categories"] == expected["categories"]
    assert data["totals"] == expected["totals"]
    # every category of the eight, besides tenders outside the risk categories
    assert {c["set"] for c in data["categories"]} == {"acht", None}


def test_unknown_category_set_is_refused_with_a_sentence(year_db: Any, cli: Any) -> None:
    result = cli("report", "--year", "2025", "--group-into", "negen", "--json")
    assert result.status == 2
    assert result.out == ""
    assert "negen" in result.err and "acht" in result.err
    assert "Traceback" not in result.err
