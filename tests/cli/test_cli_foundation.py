"""The foundation commands of spec/cli.md: output, exit statuses, one-sentence errors."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from app.persistence import models as m

Cli = Callable[..., object]


def test_check_json_shape(cli: Cli) -> None:
    result = cli(
        "check",
        "--category",
        "ict-werkomgeving",
        "--kind",
        "supplies",
        "--value",
        "140000",
        "--date",
        "2026-03-01",
        "--json",
    )
    assert result.status == 0, result.err
    data = json.loads(result.out)
    assert data["verdict"] == "mandatory" and data["mandatory"] is True
    assert data["threshold"] == 140000 and data["threshold_period"] == "2026-2027"
    assert set(data) == {
        "mandatory",
        "verdict",
        "category",
        "kind",
        "value",
        "date",
        "threshold",
        "threshold_period",
        "reasons",
    }
    assert all(isinstance(r, str) and r for r in data["reasons"])


@pytest.mark.parametrize(
    ("value", "date", "category", "verdict"),
    [
        ("139999", "2026-03-01", "ict-werkomgeving", "voluntary_below_threshold"),
        ("500000", "2028-02-01", "ict-werkomgeving", "threshold_unknown"),
        ("500000", "2026-02-01", "overig", "voluntary_outside_categories"),
    ],
)
def test_check_verdicts(cli: Cli, value: str, date: str, category: str, verdict: str) -> None:
    result = cli(
        "check",
        "--category",
        category,
        "--kind",
        "supplies",
        "--value",
        value,
        "--date",
        date,
        "--json",
    )
    assert json.loads(result.out)["verdict"] == verdict


@pytest.mark.parametrize(
    ("args", "status", "words"),
    [
        (
            [
                "check",
                "--category",
                "meubels",
                "--kind",
                "supplies",
                "--value",
                "1",
                "--date",
                "2026-01-01",
            ],
            1,
            "meubels",
        ),
        (
            [
                "check",
                "--category",
                "energie",
                "--kind",
                "supplies",
                "--value",
                "1",
                "--date",
                "31-02-2026",
            ],
            1,
            "31-02-2026",
        ),
        (
            [
                "check",
                "--category",
                "energie",
                "--kind",
                "supplies",
                "--value",
                "-5",
                "--date",
                "2026-01-01",
            ],
            1,
            "negatief",
        ),
        (
            [
                "check",
                "--category",
                "energie",
                "--kind",
                "supplies",
                "--value",
                "250.000",  # a Dutch thousands mark: the command line refuses, never 250
                "--date",
                "2026-01-01",
            ],
            1,
            "‘250.000’ bij --value is geen bedrag",
        ),
        (
            [
                "tender",
                "add",
                "--ref",
                "T-BIG",
                "--title",
                "Te groot",
                "--category",
                "energie",
                "--kind",
                "supplies",
                "--value",
                "99999999999999999999999",  # more cents than storage holds: no OverflowError
                "--published",
                "2026-01-01",
            ],
            1,
            "‘99999999999999999999999’ bij --value is te groot",
        ),
        (["check", "--category", "energie"], 2, "Onjuist gebruik"),
        (["frobnicate"], 2, "Onjuist gebruik"),
    ],
)
def test_bad_input_is_one_sentence(cli: Cli, args: list[str], status: int, words: str) -> None:
    result = cli(*args)
    assert result.status == status
    assert words in result.err
    assert "Traceback" not in result.err and result.err.count("\n") == 1
    assert result.out == ""


def test_database_in_missing_folder(cli: Cli, tmp_path: Path) -> None:
    result = cli("verify", db=str(tmp_path / "nope" / "x.sqlite"))
    assert result.status == 3
    assert "bestaat niet" in result.err and "Traceback" not in result.err


def test_english_messages(cli: Cli) -> None:
    result = cli(
        "--lang",
        "en",
        "check",
        "--category",
        "meubels",
        "--kind",
        "supplies",
        "--value",
        "1",
        "--date",
        "2026-01-01",
    )
    assert result.status == 1 and "does not exist" in result.err


def test_categories_json(cli: Cli) -> None:
    rows = json.loads(cli("categories", "--json").out)
    assert len(rows) == 18
    assert set(rows[0]) == {"code", "name_nl", "name_en", "set", "valid_from", "maps_to"}
    codes = {(r["set"], r["code"]) for r in rows}
    for row in rows:
        other = "acht" if row["set"] == "tien-2017" else "tien-2017"
        assert all((other, code) in codes for code in row["maps_to"])


def test_tender_and_contract_add(cli: Cli) -> None:
    added = cli(
        "tender",
        "add",
        "--ref",
        "T-9",
        "--title",
        "Werkkleding & schoenen",
        "--category",
        "bedrijfskleding",
        "--kind",
        "supplies",
        "--value",
        "200000",
        "--published",
        "2026-02-02",
        "--isv",
        "not-applied",
    )
    assert added.status == 1 and "reden" in added.err  # mandatory needs a reason
    added = cli(
        "tender",
        "add",
        "--ref",
        "T-9",
        "--title",
        "Werkkleding & schoenen",
        "--category",
        "bedrijfskleding",
        "--kind",
        "supplies",
        "--value",
        "200000",
        "--published",
        "2026-02-02",
        "--isv",
        "applied",
        "--form",
        "contract-condition",
        "--organisation",
        "Defensie",
    )
    assert added.status == 0, added.err
    again = cli(
        "tender",
        "add",
        "--ref",
        "T-9",
        "--title",
        "x",
        "--category",
        "bedrijfskleding",
        "--kind",
        "supplies",
        "--value",
        "1",
        "--published",
        "2026-02-02",
    )
    assert again.status == 1 and "T-9" in again.err
    contract = cli(
        "contract",
        "add",
        "--ref",
        "C-9",
        "--tender",
        "T-9",
        "--supplier",
        "Stof B.V.",
        "--supplier-country",
        "Nederland",
        "--start",
        "2026-04-01",
        "--end",
        "2028-03-31",
        "--kvk",
        "12345678",
    )
    assert contract.status == 0, contract.err
    missing = cli(
        "contract",
        "add",
        "--ref",
        "C-10",
        "--tender",
        "T-404",
        "--supplier",
        "X",
        "--supplier-country",
        "NL",
        "--start",
        "2026-04-01",
        "--end",
        "2026-05-01",
    )
    assert missing.status == 1 and "T-404" in missing.err
    assert cli("verify").status == 0


@pytest.mark.sqlite_only
def test_demo_verify_then_tamper(cli: Cli, sqlite_location: str) -> None:
    assert cli("demo", "--tenders", "60", "--seed", "7", db=sqlite_location).status == 0
    ok = cli("verify", "--json", "--orphans", db=sqlite_location)
    assert ok.status == 0 and json.loads(ok.out)["ok"] is True
    assert json.loads(ok.out)["orphans"] == []  # every demo document is used by a record
    again = cli("demo", "--tenders", "10", db=sqlite_location)
    assert again.status == 1  # demo only into an empty database
    import sqlite3

    connection = sqlite3.connect(sqlite_location)
    connection.execute("UPDATE audit_entry SET entity_id = '999' WHERE seq = 5")
    connection.commit()
    connection.close()
    bad = cli("verify", "--json", db=sqlite_location)
    assert bad.status == 1
    problems = json.loads(bad.out)["problems"]
    assert problems[0]["location"] == "audit_entry seq 5"
    assert problems[0]["kind"] == "audit" and problems[0]["message"]


@pytest.mark.sqlite_only
def test_backup_and_restore_give_the_same_records(
    cli: Cli, sqlite_location: str, tmp_path: Path
) -> None:
    assert cli("demo", "--tenders", "40", db=sqlite_location).status == 0
    archive = tmp_path / "backup.zip"
    saved = cli("backup", "-o", str(archive), db=sqlite_location)
    assert saved.status == 0 and saved.out.strip() == f"Back-up opgeslagen in {archive}."
    target = tmp_path / "elders" / "hersteld.sqlite"
    target.parent.mkdir()
    restored = cli("restore", str(archive), db=str(target))
    assert restored.status == 0, restored.err
    assert restored.out.strip() == f"Back-up teruggezet in {target}."
    assert cli("verify", db=str(target)).status == 0
    from sqlalchemy import create_engine, select

    def dump(path: str) -> dict[str, list[tuple[object, ...]]]:
        engine = create_engine(f"sqlite:///{path}")
        with engine.connect() as connection:
            result = {
                t.name: sorted(connection.execute(select(t)).all(), key=repr)
                for t in m.Base.metadata.sorted_tables
            }
        engine.dispose()
        return result

    assert dump(sqlite_location) == dump(str(target))
    original = {
        p.name: p.read_bytes()
        for p in Path(sqlite_location).with_name("isv.attachments").glob("??/*")
    }
    copied = {p.name: p.read_bytes() for p in target.with_name("hersteld.attachments").glob("??/*")}
    assert original == copied and original
    # restoring over a database with data is refused
    again = cli("restore", str(archive), db=str(target))
    assert again.status == 1 and "Traceback" not in again.err


@pytest.mark.parametrize(
    ("kind", "value", "date", "verdict", "threshold"),
    [
        ("supplies", "10000000", "2017-03-31", "not_in_force", None),
        ("supplies", "135000", "2017-04-01", "mandatory", 135000),
        ("social-services", "749999", "2026-03-01", "voluntary_below_threshold", 750000),
        ("social-services", "750000", "2026-03-01", "mandatory", 750000),
        ("defence-supplies", "443000", "2024-06-01", "mandatory", 443000),
        ("defence-supplies", "443000", "2026-06-01", "threshold_unknown", None),
    ],
)
def test_check_regimes_and_the_start(
    cli: Cli, kind: str, value: str, date: str, verdict: str, threshold: int | None
) -> None:
    result = cli(
        "--lang",
        "en",
        "check",
        "--category",
        "catering",
        "--kind",
        kind,
        "--value",
        value,
        "--date",
        date,
        "--json",
    )
    assert result.status == 0, result.err
    data = json.loads(result.out)
    assert (data["verdict"], data["threshold"]) == (verdict, threshold)
    text = " ".join(data["reasons"])
    if verdict == "not_in_force":
        assert "1 April 2017" in text
    if kind.startswith("defence"):
        assert "Not confirmed" in text and "2009/81/EC" in text
    plain = cli("check", "--category", "catering", "--kind", kind, "--value", value, "--date", date)
    assert plain.status == 0 and plain.out.strip()
