"""A year of known records for the report tests, built the way a buyer builds it.

Tenders and contracts go in through the command line (``tender add``, ``contract add``);
decisions, plan agreements, evidence, assessments, signals and escalation through the
services. Workbook submissions are written the way the import writes them (rows,
content digest, audit entry), since the import service is another area's.

The dataset (report year 2025, European threshold 143,000 for supplies and services):

==== ======================= ========== ========== ================================
ref  category                value      published  ISV
==== ======================= ========== ========== ================================
T1   ict-werkomgeving        250,000    2025-03-01 mandatory, applied (contract cond.)
T2   bedrijfskleding         500,000    2025-12-31 mandatory, applied (min. requirement)
T3   catering (ten-set code) 300,000    2025-06-01 mandatory, not applied (reason)
T4   laboratorium            50,000     2025-05-05 below threshold, applied voluntarily
T5   overig (services)       80,000     2025-02-02 outside, applied, old text version
T6   energie                 1,000,000  2025-08-08 mandatory, no decision
T7   datacenters             200,000    2024-12-31 mandatory, applied (contract of 3 years)
T8   dataverbindingen        400,000    2026-01-01 mandatory, applied
T9   werkplekomgeving        100,000    2025-04-04 below threshold, not applied
T0   energie                 900,000    2023-03-03 mandatory, applied (contract ended 2024)
==== ======================= ========== ========== ================================

Contracts: C1 (T1, 2025-04-01..2027-03-31), C2 (T2, 2026-02-01..2027-01-31),
C3 (T3, 2025-07-01..2026-06-30), C4 (T4, 2025-06-01..2025-11-30), C7 (T7,
2024-11-01..2026-10-31: three calendar years), C0 (T0, 2023-06-01..2024-12-31).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.domain.rubric import ElementRating
from app.services import assessments, evidence, registry, signals
from app.services.context import Context, open_context
from tests.dossier.conftest import add_submission as write_submission

ORG_A = "Ministerie van Infrastructuur en Waterstaat"
ORG_B = "Ministerie van Financiën"
D = dt.date

_counter = itertools.count(1)

TENDERS: dict[str, dict[str, Any]] = {
    "T1": {
        "category": "ict-werkomgeving",
        "kind": "supplies",
        "value": "250000",
        "published": "2025-03-01",
        "organisation": ORG_A,
        "isv": "applied",
        "form": "contract-condition",
        "text_source": "generated",
    },
    "T2": {
        "category": "bedrijfskleding",
        "kind": "supplies",
        "value": "500000",
        "published": "2025-12-31",
        "organisation": ORG_A,
        "isv": "applied",
        "form": "minimum-requirement",
        "text_source": "official",
    },
    "T3": {
        "category": "catering",
        "kind": "services",
        "value": "300000",
        "published": "2025-06-01",
        "organisation": ORG_A,
        "isv": "not-applied",
        "reason": "Spoedopdracht na faillissement van de vorige leverancier.",
        "not_applied_reason": "urgency",
    },
    "T4": {
        "category": "laboratorium",
        "kind": "supplies",
        "value": "50000",
        "published": "2025-05-05",
        "organisation": ORG_B,
        "isv": "applied",
        "form": "award-criterion",
        "text_source": "own",
    },
    "T5": {
        "category": "overig",
        "kind": "services",
        "value": "80000",
        "published": "2025-02-02",
        "isv": "applied",
        "form": "contract-condition",
    },
    "T6": {
        "category": "energie",
        "kind": "supplies",
        "value": "1000000",
        "published": "2025-08-08",
        "organisation": ORG_B,
    },
    "T7": {
        "category": "datacenters",
        "kind": "supplies",
        "value": "200000",
        "published": "2024-12-31",
        "organisation": ORG_A,
        "isv": "applied",
        "form": "contract-condition",
    },
    "T8": {
        "category": "dataverbindingen",
        "kind": "services",
        "value": "400000",
        "published": "2026-01-01",
        "organisation": ORG_B,
        "isv": "applied",
        "form": "contract-condition",
    },
    "T9": {
        "category": "werkplekomgeving",
        "kind": "supplies",
        "value": "100000",
        "published": "2025-04-04",
        "isv": "not-applied",
    },
    "T0": {
        "category": "energie",
        "kind": "supplies",
        "value": "900000",
        "published": "2023-03-03",
        "organisation": ORG_A,
        "isv": "applied",
        "form": "contract-condition",
    },
}

CONTRACTS: dict[str, dict[str, Any]] = {
    "C1": {"tender": "T1", "start": "2025-04-01", "end": "2027-03-31", "value": "240000"},
    "C2": {"tender": "T2", "start": "2026-02-01", "end": "2027-01-31", "value": "480000"},
    "C3": {"tender": "T3", "start": "2025-07-01", "end": "2026-06-30", "value": "290000"},
    "C4": {
        "tender": "T4",
        "start": "2025-06-01",
        "end": "2025-11-30",
        "value": "45000",
        "plan_months": "2",
    },
    "C7": {
        "tender": "T7",
        "start": "2024-11-01",
        "end": "2026-10-31",
        "value": "600000",
        "report_month": "12",
        # starts before its tender's publication: implausible, accepted with a reason
        "accept_warning": "gegund op een vooraankondiging",
    },
    "C0": {"tender": "T0", "start": "2023-06-01", "end": "2024-12-31", "value": "850000"},
}

PART_A = ("T1", "T2", "T3", "T7", "T0", "C1", "C2", "C3", "C7", "C0")
"""What laptop A holds in the merge tests; laptop B holds the rest."""


def cli_args(ref: str) -> list[str]:
    if ref in TENDERS:
        t = TENDERS[ref]
        args = [
            "tender",
            "add",
            "--ref",
            ref,
            "--title",
            f"Aanbesteding {ref}",
            "--category",
            t["category"],
            "--kind",
            t["kind"],
            "--value",
            t["value"],
            "--published",
            t["published"],
            # awarded on the day of publication: both counting bases give the same year
            "--awarded",
            t["published"],
        ]
        for key in ("organisation", "isv", "reason", "form", "not_applied_reason", "text_source"):
            if key in t:
                args += [f"--{key.replace('_', '-')}", t[key]]
        return args
    c = CONTRACTS[ref]
    args = [
        "contract",
        "add",
        "--ref",
        ref,
        "--tender",
        c["tender"],
        "--supplier",
        f"Leverancier {ref}",
        "--supplier-country",
        "NL",
        "--start",
        c["start"],
        "--end",
        c["end"],
        "--value",
        c["value"],
    ]
    for key in ("plan_months", "report_month", "accept_warning"):
        if key in c:
            args += [f"--{key.replace('_', '-')}", c[key]]
    return args


def add_submission(
    ctx: Context,
    contract_ref: str,
    received_on: dt.date,
    risks: list[tuple[str, str, str]],
    measures: list[tuple[str, dt.date, str]],
) -> int:
    """A workbook submission written as the import writes it (the dossier tests' builder).
    ``risks`` are (key, theme, priority), ``measures`` (key, due, status)."""
    severity = {"high": 4, "medium": 3, "low": 1}
    return write_submission(
        ctx,
        contract_ref,
        received_on,
        risks=[
            {
                "risk_key": key,
                "theme": theme,
                "description": f"Risico {key}",
                "severity": severity[priority],
                "likelihood": 2,
                "priority": priority,
            }
            for key, theme, priority in risks
        ],
        measures=[
            {
                "measure_key": key,
                "risk_key": risks[0][0],
                "description": f"Maatregel {key}",
                "due": due,
                "status": status,
            }
            for key, due, status in measures
        ],
    )


def _document(folder: Path, text: str) -> Path:
    path = folder / f"doc-{next(_counter)}.pdf"
    path.write_text(f"document {text} {path.name}", encoding="utf-8")
    return path


def all_sufficient(subject: str) -> list[ElementRating]:
    chosen = assessments.rubric().subject(subject)
    return [ElementRating(e.code, "sufficient") for e in chosen.elements]


def populate(
    ctx: Context, run_cli: Callable[..., Any], folder: Path, refs: tuple[str, ...] | None = None
) -> None:
    """Build the dataset (or only the records named in ``refs``) in ``ctx``'s database."""
    wanted = set(refs) if refs is not None else set(TENDERS) | set(CONTRACTS)
    for ref in list(TENDERS) + list(CONTRACTS):
        if ref in wanted:
            result = run_cli(*cli_args(ref))
            assert result.status == 0, result.err
    if "T5" in wanted:  # an applied tender on an older text version
        registry.set_clause_version(ctx, "T5", "2013", expected_version=None)
    if "C1" in wanted:
        # two workbooks: the first (on time) and a newer one whose rows count
        add_submission(
            ctx,
            "C1",
            D(2025, 6, 15),
            [("R1", "working_hours", "medium"), ("R2", "living_wage", "low")],
            [],
        )
        add_submission(
            ctx,
            "C1",
            D(2025, 11, 1),
            [
                ("R1", "child_labour", "high"),
                ("R2", "forced_labour", "high"),
                ("R3", "environment", "low"),
            ],
            [
                ("M1", D(2025, 9, 1), "completed"),
                ("M2", D(2025, 10, 1), "planned"),
                ("M3", D(2026, 6, 1), "in_progress"),
                ("M4", D(2025, 5, 1), "cancelled"),
            ],
        )
        registry.mark_plan_agreed(ctx, "C1", D(2025, 7, 15), expected_version=None)
        signal = signals.log_signal(
            ctx,
            contract_ref="C1",
            received_on=D(2025, 9, 9),
            source="Vakbond",
            theme="child_labour",
            description="Melding over kinderarbeid bij een toeleverancier.",
        )
        signals.record_escalation_step(
            ctx, contract_ref="C1", step="dialogue", taken_on=D(2025, 9, 20), signal_id=signal.id
        )
        evidence.add_evidence(
            ctx,
            contract_ref="C1",
            path=_document(folder, "cert"),
            type_code="certificate",
            received_on=D(2025, 5, 1),
            issued_on=D(2025, 2, 15),
            valid_until=D(2026, 2, 15),
        )
    if "C7" in wanted:
        evidence.add_evidence(
            ctx,
            contract_ref="C7",
            path=_document(folder, "ra"),
            type_code="risk-analysis",
            received_on=D(2025, 3, 10),
        )
        old = evidence.add_evidence(
            ctx,
            contract_ref="C7",
            path=_document(folder, "c1"),
            type_code="certificate",
            received_on=D(2024, 11, 1),
            valid_until=D(2025, 6, 30),
        )
        evidence.add_evidence(
            ctx,
            contract_ref="C7",
            path=_document(folder, "c2"),
            type_code="certificate",
            received_on=D(2025, 6, 1),
            valid_until=D(2026, 12, 31),
            supersedes_id=old.id,
        )
        report = evidence.add_evidence(
            ctx,
            contract_ref="C7",
            path=_document(folder, "yr"),
            type_code="yearly-report",
            received_on=D(2025, 12, 20),
        )
        assessments.assess(
            ctx,
            contract_ref="C7",
            subject="yearly-report",
            ratings=all_sufficient("yearly-report"),
            assessed_on=D(2025, 12, 22),
            evidence_id=report.id,
            contract_year=1,
        )


@pytest.fixture
def year_db(ctx: Context, cli: Callable[..., Any], tmp_path: Path) -> Context:
    """The test database holding the whole dataset."""
    populate(ctx, cli, tmp_path)
    return ctx


@pytest.fixture
def other_db(tmp_path: Path, cli: Callable[..., Any]) -> Callable[..., tuple[Context, str]]:
    """A second (third…) installation: an SQLite file of its own, filled with ``refs``."""
    opened: list[Context] = []

    def make(name: str, refs: tuple[str, ...] | None) -> tuple[Context, str]:
        location = str(tmp_path / f"{name}.sqlite")
        context = open_context(location, lang="nl", actor=f"tester-{name}")
        opened.append(context)
        folder = tmp_path / f"{name}-docs"
        folder.mkdir()

        def run(*args: str) -> Any:
            return cli(*args, db=location)

        populate(context, run, folder, refs)
        return context, location

    yield make  # type: ignore[misc]
    for context in opened:
        context.db.dispose()
