"""Command line version 2: list, correct, withdraw, history and --accept-warning."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

Cli = Callable[..., Any]


def _setup(cli: Cli) -> None:
    result = cli(
        "tender",
        "add",
        "--ref",
        "T1",
        "--title",
        "Laptops",
        "--category",
        "ict-werkomgeving",
        "--kind",
        "supplies",
        "--value",
        "250000",
        "--published",
        "2026-03-01",
        "--isv",
        "applied",
        "--form",
        "contract-condition",
    )
    assert result.status == 0, result.err
    # the verdict in words, not its code (a regression: "T1: mandatory" in a Dutch line)
    assert result.out.splitlines()[0] == "T1: De ISV zijn verplicht."
    for ref in ("C1", "C2"):
        result = cli(
            "contract",
            "add",
            "--ref",
            ref,
            "--tender",
            "T1",
            "--supplier",
            "Voorbeeld B.V.",
            "--supplier-country",
            "NL",
            "--start",
            "2026-06-01",
            "--end",
            "2028-05-31",
        )
        assert result.status == 0, result.err


def _one_sentence(text: str) -> None:
    assert text.strip() and text.count("\n") == 1 and "Traceback" not in text


def test_tender_correct_and_history_json(cli: Cli) -> None:
    _setup(cli)
    result = cli("tender", "correct", "T1", "--value", "300000", "--reason", "offerte herzien")
    assert result.status == 0, result.err
    _one_sentence(result.out)
    assert "T1" in result.out and "versie 2" in result.out
    history = cli("history", "T1", "--json")
    assert history.status == 0 and history.err == ""
    entries = json.loads(history.out)
    assert [e["seq"] for e in entries] == sorted(e["seq"] for e in entries)
    for entry in entries:
        assert set(entry) == {"seq", "at", "user", "action", "record", "ref", "changes", "reason"}
        for change in entry["changes"]:
            assert set(change) == {"field", "old", "new"}
    last = entries[-1]
    assert last["action"] == "update" and last["record"] == "tender" and last["ref"] == "T1"
    assert last["reason"] == "offerte herzien"
    assert {"field": "value", "old": 250000, "new": 300000} in last["changes"]
    human = cli("history", "T1")
    assert "offerte herzien" in human.out and "€\u00a0250.000 → €\u00a0300.000" in human.out


def test_tender_correct_isv_explanation_is_its_own_option(cli: Cli) -> None:
    _setup(cli)
    result = cli(
        "tender",
        "correct",
        "T1",
        "--isv",
        "not-applied",
        "--explanation",
        "geen ketenrisico",
        "--reason",
        "besluit herzien",
    )
    assert result.status == 0, result.err
    data = json.loads(cli("history", "T1", "--tender", "--json").out)[-1]
    fields = {c["field"]: c for c in data["changes"]}
    assert fields["isv_applied"]["old"] is True and fields["isv_applied"]["new"] is False
    assert fields["not_applied_reason"]["new"] == "geen ketenrisico"
    assert data["reason"] == "besluit herzien"


def test_correct_without_reason_is_wrong_usage(cli: Cli) -> None:
    _setup(cli)
    result = cli("contract", "correct", "C1", "--value", "5")
    assert result.status == 2
    assert "--reason" in result.err


def test_contract_correct_refusal_writes_nothing(cli: Cli) -> None:
    _setup(cli)
    before = cli("history", "C1", "--json").out
    result = cli("contract", "correct", "C1", "--end", "2026-01-01", "--reason", "r")
    assert result.status == 1 and result.out == ""
    _one_sentence(result.err)
    assert "vóór de begindatum" in result.err
    assert cli("history", "C1", "--json").out == before


def test_accept_warning_on_add_and_correct(cli: Cli) -> None:
    _setup(cli)
    args = [
        "contract",
        "add",
        "--ref",
        "C9",
        "--tender",
        "T1",
        "--supplier",
        "X",
        "--supplier-country",
        "NL",
        "--start",
        "2026-01-15",
        "--end",
        "2026-12-31",
    ]
    refused = cli(*args)
    assert refused.status == 1 and refused.out == ""
    _one_sentence(refused.err)
    assert "--accept-warning" in refused.err and "C9" in refused.err
    assert json.loads(cli("contract", "list", "--json").out)[-1]["ref"] == "C2"
    accepted = cli(*args, "--accept-warning", "gunning vooraf gemeld")
    assert accepted.status == 0, accepted.err
    entry = json.loads(cli("history", "C9", "--json").out)[0]
    assert "gunning vooraf gemeld" in entry["reason"]
    moved = cli("contract", "correct", "C1", "--start", "2026-02-01", "--reason", "r")
    assert moved.status == 1 and "--accept-warning" in moved.err
    moved = cli(
        "contract",
        "correct",
        "C1",
        "--start",
        "2026-02-01",
        "--reason",
        "r",
        "--accept-warning",
        "zo afgesproken",
    )
    assert moved.status == 0, moved.err


def test_evidence_accept_warning_and_list(cli: Cli, tmp_path: Path) -> None:
    _setup(cli)
    doc = tmp_path / "plan.pdf"
    doc.write_bytes(b"%PDF-1.4 plan")
    args = ["evidence", "add", str(doc), "--contract", "C1", "--type", "plan-of-action"]
    refused = cli(*args, "--issued", "2026-01-01")
    assert refused.status == 1 and "--accept-warning" in refused.err
    assert json.loads(cli("evidence", "list", "--contract", "C1", "--json").out) == []
    added = cli(*args, "--issued", "2026-01-01", "--accept-warning", "concept", "--json")
    assert added.status == 0, added.err
    number = json.loads(added.out)["id"]
    listed = json.loads(cli("evidence", "list", "--contract", "C1", "--json").out)
    assert [(d["id"], d["withdrawn"]) for d in listed] == [(number, False)]
    gone = cli("withdraw", "evidence", str(number), "--reason", "verkeerd bestand")
    assert gone.status == 0, gone.err
    assert json.loads(cli("evidence", "list", "--contract", "C1", "--json").out) == []
    shown = cli("evidence", "list", "--contract", "C1", "--withdrawn")
    assert "verkeerd bestand" in shown.out
    # the history says which document the number is, in words, not its type code
    lines = cli("history", "C1").out.splitlines()
    said = [x for x in lines if f"Bewijsstuk {number} (" in x]
    assert said and all("Plan van aanpak, plan.pdf)" in x for x in said), lines
    assert not any("plan-of-action" in x for x in lines)


def test_withdraw_contract_leaves_report_and_list(cli: Cli) -> None:
    _setup(cli)
    report = json.loads(cli("report", "--year", "2026", "--json").out)
    assert report["totals"]["contracts_active"] == 2
    result = cli("withdraw", "contract", "C2", "--reason", "dubbel ingevoerd")
    assert result.status == 0, result.err
    _one_sentence(result.out)
    report = json.loads(cli("report", "--year", "2026", "--json").out)
    assert report["totals"]["contracts_active"] == 1
    listed = cli("contract", "list")
    assert "C1" in listed.out and "C2" not in listed.out
    everything = json.loads(cli("contract", "list", "--withdrawn", "--json").out)
    assert [(c["ref"], c["withdrawn_reason"]) for c in everything] == [
        ("C1", None),
        ("C2", "dubbel ingevoerd"),
    ]
    history = json.loads(cli("history", "C2", "--json").out)
    assert history[-1]["action"] == "withdraw" and history[-1]["reason"] == "dubbel ingevoerd"
    human = cli("history", "C2").out.splitlines()
    assert human[-1].strip() == "reden: dubbel ingevoerd"  # said once, not also as a field
    assert "ingetrokken" in human[-2] and human.count(human[-1]) == 1
    assert sum("dubbel ingevoerd" in line for line in human) == 1
    refused = cli("withdraw", "tender", "T1", "--reason", "r")
    assert refused.status == 1 and "C1" in refused.err


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (("withdraw", "signal", "12", "--reason", "r"), 1),
        (("withdraw", "supplier", "1", "--reason", "r"), 2),
        (("withdraw", "contract", "C1"), 2),
        (("history", "NOPE"), 1),
        (("tender", "correct", "NOPE", "--title", "x", "--reason", "r"), 1),
    ],
)
def test_refusals_are_one_sentence_with_the_right_status(
    cli: Cli, args: tuple[str, ...], status: int
) -> None:
    _setup(cli)
    result = cli(*args)
    assert result.status == status
    _one_sentence(result.err)
    assert result.out == ""


def test_history_of_a_name_that_is_both_needs_a_scope(cli: Cli) -> None:
    _setup(cli)
    result = cli(
        "contract",
        "add",
        "--ref",
        "T1",
        "--tender",
        "T1",
        "--supplier",
        "X",
        "--supplier-country",
        "NL",
        "--start",
        "2026-06-01",
        "--end",
        "2027-05-31",
    )
    assert result.status == 0, result.err
    ambiguous = cli("history", "T1")
    assert ambiguous.status == 2 and "--tender" in ambiguous.err
    only = json.loads(cli("history", "T1", "--contract", "--json").out)
    assert {e["record"] for e in only} == {"contract"}


def test_lists_in_english(cli: Cli) -> None:
    _setup(cli)
    cli("withdraw", "contract", "C2", "--reason", "duplicate")
    out = cli("--lang", "en", "contract", "list", "--withdrawn").out
    assert "withdrawn: duplicate" in out
    out = cli("--lang", "en", "tender", "list", "--year", "2026").out
    assert out.startswith("T1  1 March 2026")


def test_human_history_names_codes_in_words(cli: Cli) -> None:
    _setup(cli)
    result = cli("tender", "correct", "T1", "--value", "100000", "--reason", "lager")
    assert result.status == 0, result.err
    human = cli("history", "T1", "--tender").out
    assert "oordeel: verplicht → vrijwillig: onder de drempel" in human
    assert "mandatory" not in human and "voluntary" not in human
    english = cli("--lang", "en", "history", "T1", "--tender").out
    assert "verdict: mandatory → voluntary: below the threshold" in english
