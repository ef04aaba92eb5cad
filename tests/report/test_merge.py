"""Export and merge: two laptops' exports give the figures of one database holding both;
a duplicate counts once; a conflict is listed; a changed or foreign file is refused."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from app.io.year_export import FIELDS, FORMAT, FORMAT_VERSION
from app.services import registry
from tests.report.conftest import CONTRACTS, PART_A, TENDERS

PART_B = tuple(r for r in list(TENDERS) + list(CONTRACTS) if r not in PART_A)

FIGURE_KEYS = (
    "totals",
    "categories",
    "forms",
    "not_applied_reasons",
    "risks_by_theme",
    "escalation_by_step",
    "oecd_steps",
    "sdg",
)


def figures(data: dict[str, Any]) -> dict[str, Any]:
    return {key: data[key] for key in FIGURE_KEYS}


def report(cli: Any, db: str, *args: str) -> tuple[dict[str, Any], str]:
    result = cli("report", "--year", "2025", *args, "--json", db=db)
    assert result.status == 0, result.err
    return json.loads(result.out), result.err


def export(cli: Any, db: str, path: Path, year: str = "2025") -> Path:
    result = cli("export", "--year", year, "-o", str(path), db=db)
    assert result.status == 0, result.err
    assert result.out.strip()
    return path


def test_two_laptops_merged_equal_one_database_holding_both(
    other_db: Any, cli: Any, tmp_path: Path
) -> None:
    _, laptop_a = other_db("a", PART_A)
    _, laptop_b = other_db("b", PART_B)
    _, both = other_db("both", None)
    from_b = export(cli, laptop_b, tmp_path / "b.json")
    merged, err = report(cli, laptop_a, "--merge", str(from_b))
    single, _ = report(cli, both)
    assert figures(merged) == figures(single)
    assert merged["totals"]["tenders"] == 7
    assert merged["duplicates"] == 0
    assert merged["conflicts"] == []
    assert err == ""
    assert [s["kind"] for s in merged["sources"]] == ["database", "export"]
    # the coordinator's own (empty) database with both laptops' exports gives the same
    _, coordinator = other_db("coordinator", ())
    from_a = export(cli, laptop_a, tmp_path / "a.json")
    gathered, _ = report(cli, coordinator, "--merge", str(from_a), str(from_b))
    assert figures(gathered) == figures(single)
    # one organisation across the merge
    only_b, _ = report(
        cli,
        coordinator,
        "--merge",
        str(from_a),
        str(from_b),
        "--organisation",
        "Ministerie van Financiën",
    )
    assert only_b["totals"]["tenders"] == 2
    assert only_b["totals"]["contracts_active"] == 1


def test_the_same_record_counts_once(
    year_db: Any, cli: Any, db_location: str, tmp_path: Path
) -> None:
    alone, _ = report(cli, db_location)
    own = export(cli, db_location, tmp_path / "own.json")
    copy = tmp_path / "copy.json"
    copy.write_bytes(own.read_bytes())
    merged, err = report(cli, db_location, "--merge", str(own), str(copy))
    assert figures(merged) == figures(alone)
    assert merged["fingerprint"] == alone["fingerprint"]
    records = sum(len(v) for v in json.loads(own.read_text("utf-8"))["records"].values())
    assert merged["duplicates"] == 2 * records
    assert merged["conflicts"] == []
    assert err == ""


def test_a_conflicting_copy_is_listed_not_chosen_silently(
    year_db: Any, cli: Any, db_location: str, tmp_path: Path
) -> None:
    before = export(cli, db_location, tmp_path / "before.json")
    registry.mark_plan_agreed(
        year_db, "C7", dt.date(2025, 11, 30), expected_version=None
    )  # changed afterwards
    merged, err = report(cli, db_location, "--merge", str(before))
    assert len(merged["conflicts"]) == 1
    conflict = merged["conflicts"][0]
    assert conflict["kind"] == "contracts"
    assert conflict["ref"] == "C7"
    assert conflict["fields"] == ["plan_agreed_on"]
    # a file by its name; a server database by host and database, never its password
    server = "://" in db_location
    local = db_location.rsplit("@", maxsplit=1)[-1] if server else Path(db_location).name
    assert conflict["kept_from"] == local and "isv:isv" not in conflict["kept_from"]
    assert conflict["other_from"] == "before.json"
    assert "C7" in err and "plan_agreed_on" in err and "before.json" in err
    # the local copy (plan agreed) counted, as stated
    assert merged["totals"]["plan_agreed"] == 2
    pdf = tmp_path / "merged.pdf"
    assert (
        cli(
            "report", "--year", "2025", "--merge", str(before), "--pdf", str(pdf), db=db_location
        ).status
        == 0
    )
    from pypdf import PdfReader

    text = " ".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
    assert "before.json" in text and "plan_agreed_on" in text


def test_the_export_file_is_versioned_documented_and_checksummed(
    year_db: Any, cli: Any, db_location: str, tmp_path: Path
) -> None:
    path = export(cli, db_location, tmp_path / "export.json")
    body = json.loads(path.read_text("utf-8"))
    assert body["format"] == FORMAT
    assert body["format_version"] == FORMAT_VERSION
    assert body["installation_id"] == year_db.db.installation_id()
    assert body["year"] == 2025
    assert body["organisations"] == sorted(
        ["Ministerie van Financiën", "Ministerie van Infrastructuur en Waterstaat"]
    )
    assert body["fields"] == json.loads(json.dumps(FIELDS))
    assert body["checksum"]["algorithm"] == "sha256"
    assert len(body["checksum"]["value"]) == 64
    refs = {t["ref"] for t in body["records"]["tenders"]}
    assert refs == {"T1", "T2", "T3", "T4", "T5", "T6", "T9", "T7"}  # T7: contract C7
    assert {c["ref"] for c in body["records"]["contracts"]} == {"C1", "C3", "C4", "C7"}
    for kind, records in body["records"].items():
        for record in records:
            assert set(record) == set(FIELDS[kind]), kind


def refused(cli: Any, db: str, path: Path) -> str:
    result = cli("report", "--year", "2025", "--merge", str(path), "--json", db=db)
    assert result.status == 2
    assert result.out == ""
    assert len(result.err.strip().splitlines()) == 1
    assert "Traceback" not in result.err
    assert path.name in result.err
    return result.err


def rewrite(path: Path, change: Any, *, fix_checksum: bool) -> Path:
    from app.io.year_export import _checksum

    body = json.loads(path.read_text("utf-8"))
    change(body)
    if fix_checksum:
        body.pop("checksum")
        body["checksum"] = {"algorithm": "sha256", "value": _checksum(body)}
    target = path.with_name(f"changed-{path.name}")
    target.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    return target


def test_a_tampered_or_foreign_file_is_refused(
    year_db: Any, cli: Any, db_location: str, tmp_path: Path
) -> None:
    path = export(cli, db_location, tmp_path / "export.json")

    def more_value(body: dict[str, Any]) -> None:
        body["records"]["tenders"][0]["value_cents"] += 100

    assert "gewijzigd" in refused(cli, db_location, rewrite(path, more_value, fix_checksum=False))

    def newer_version(body: dict[str, Any]) -> None:
        body["format_version"] = FORMAT_VERSION + 1

    assert f"versie {FORMAT_VERSION + 1}" in refused(
        cli, db_location, rewrite(path, newer_version, fix_checksum=True)
    )

    def other_format(body: dict[str, Any]) -> None:
        body["format"] = "something-else"

    assert "geen jaarexport" in refused(
        cli, db_location, rewrite(path, other_format, fix_checksum=True)
    )
    garbage = tmp_path / "garbage.json"
    garbage.write_bytes(b"\x00\x01 not json")
    refused(cli, db_location, garbage)
    other_year = export(cli, db_location, tmp_path / "y2024.json", year="2024")
    assert "2024" in refused(cli, db_location, other_year)

    def missing_field(body: dict[str, Any]) -> None:
        del body["records"]["contracts"][0]["end"]

    refused(cli, db_location, rewrite(path, missing_field, fix_checksum=True))
    missing = tmp_path / "does-not-exist.json"
    result = cli("report", "--year", "2025", "--merge", str(missing), db=db_location)
    assert result.status == 2


def test_english_refusal(year_db: Any, cli: Any, db_location: str, tmp_path: Path) -> None:
    path = export(cli, db_location, tmp_path / "export.json")
    body = json.loads(path.read_text("utf-8"))
    body["year"] = 2026
    path.write_text(json.dumps(body), encoding="utf-8")
    result = cli("--lang", "en", "report", "--year", "2025", "--merge", str(path), db=db_location)
    assert result.status == 2
    assert result.err.strip() == (
        "The file export.json was changed after it was exported "
        "(the checksum does not match) and is refused."
    )
