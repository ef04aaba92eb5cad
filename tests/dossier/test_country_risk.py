"""Importing an organisation's country-risk table: refusals name row and column, and
nothing is imported; a good table replaces earlier rows of its source and year."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from app.domain.errors import UsageError, ValidationError
from app.persistence import models as m
from app.persistence.integrity import verify
from app.services import follow_up
from app.services.context import Context


def count_rows(ctx: Context) -> int:
    with ctx.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(m.CountryRisk)) or 0)


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


GOOD = [
    ["Land", "Score", "Bron", "Jaar"],
    ["Bangladesh", 5, "ITUC", 2025],
    ["NL", 1, "ITUC", 2025],
    ["Côte d'Ivoire", 4.5, "ITUC", 2025],
]


def refused(ctx: Context, path: Path) -> ValidationError:
    with pytest.raises(ValidationError) as err:
        follow_up.import_country_risk(ctx, path)
    assert err.value.code == "dossier_country_risk_refused"
    assert count_rows(ctx) == 0
    return err.value


def test_unknown_country_is_refused_with_row_and_column(ctx: Context, tmp_path: Path) -> None:
    rows = [*GOOD, ["Atlantis", 3, "ITUC", 2025]]
    err = refused(ctx, write_xlsx(tmp_path / "t.xlsx", rows))
    assert (err.params["row"], err.params["column"], err.params["value"]) == (5, "Land", "Atlantis")
    sentence = ctx.catalog.error(err, "en")
    assert "row 5" in sentence and "Land" in sentence and "nothing was imported" in sentence


def test_non_numeric_score_is_refused(ctx: Context, tmp_path: Path) -> None:
    rows = [GOOD[0], GOOD[1], ["China", "5+", "ITUC", 2025]]
    err = refused(ctx, write_xlsx(tmp_path / "t.xlsx", rows))
    assert (err.params["row"], err.params["column"], err.params["value"]) == (3, "Score", "5+")
    csv_file = tmp_path / "t.csv"
    csv_file.write_text(
        "country,score,source,year\nNL,1,ITUC,2025\nBD,hoog,ITUC,2025\n", encoding="utf-8"
    )
    err = refused(ctx, csv_file)
    assert (err.params["row"], err.params["column"]) == (3, "score")


def test_missing_column_is_refused(ctx: Context, tmp_path: Path) -> None:
    csv_file = tmp_path / "t.csv"
    csv_file.write_text("country;score;year\nNL;1;2025\n", encoding="utf-8")
    err = refused(ctx, csv_file)
    assert (err.params["row"], err.params["column"]) == (1, "source")
    no_score = tmp_path / "u.csv"
    no_score.write_text("country;source;year\nNL;ITUC;2025\n", encoding="utf-8")
    err = refused(ctx, no_score)
    assert (err.params["row"], err.params["column"]) == (1, "score")


def test_every_problem_is_listed(ctx: Context, tmp_path: Path) -> None:
    rows = [GOOD[0], ["Atlantis", "x", "", "twenty"], ["NL", 1, "ITUC", 2025]]
    err = refused(ctx, write_xlsx(tmp_path / "t.xlsx", rows))
    assert [(row, column) for row, column, _value, _code in err.params["problems"]] == [
        (2, "Land"),
        (2, "Score"),
        (2, "Bron"),
        (2, "Jaar"),
    ]


def test_a_bad_file_changes_nothing_already_imported(ctx: Context, tmp_path: Path) -> None:
    first = follow_up.import_country_risk(ctx, write_xlsx(tmp_path / "a.xlsx", GOOD))
    assert (first.rows, first.replaced, first.sources) == (3, 0, (("ITUC", 2025),))
    refusal = [*GOOD, ["Nowhere", 1, "ITUC", 2025]]
    with pytest.raises(ValidationError):
        follow_up.import_country_risk(ctx, write_xlsx(tmp_path / "b.xlsx", refusal))
    assert count_rows(ctx) == 3
    again = follow_up.import_country_risk(ctx, write_xlsx(tmp_path / "c.xlsx", GOOD[:3]))
    assert (again.rows, again.replaced) == (2, 3)
    entries = follow_up.list_country_risk(ctx)
    assert [(e.country, e.score) for e in entries] == [("BD", 5.0), ("NL", 1.0)]
    with ctx.db.read() as session:
        actions = session.scalars(
            select(m.AuditEntry.action).where(m.AuditEntry.entity == "country_risk_import")
        ).all()
    assert actions == ["import", "import"]
    assert verify(ctx.db).ok


def test_flags_and_dutch_words(ctx: Context, tmp_path: Path) -> None:
    csv_file = tmp_path / "dol.csv"
    csv_file.write_text(
        "land;vlag;bron;jaar\nMaleisië;ja;US DoL;2024\nthailand;nee;US DoL;2024\n", encoding="utf-8"
    )
    result = follow_up.import_country_risk(ctx, csv_file)
    assert result.rows == 2
    assert [(e.country, e.flag) for e in follow_up.list_country_risk(ctx)] == [
        ("MY", True),
        ("TH", False),
    ]


def test_unreadable_files_are_usage_errors(ctx: Context, tmp_path: Path) -> None:
    fake = tmp_path / "t.xlsx"
    fake.write_text("not a workbook", encoding="utf-8")
    with pytest.raises(UsageError) as err:
        follow_up.import_country_risk(ctx, fake)
    assert err.value.code == "wb_not_workbook"  # the one guarded reader's sentence
    other = tmp_path / "t.ods"
    other.write_text("x", encoding="utf-8")
    with pytest.raises(UsageError):
        follow_up.import_country_risk(ctx, other)
