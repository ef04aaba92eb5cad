"""Reading an organisation's country-risk table (CSV or xlsx) into plain rows.

Columns (the header row, in any order, Dutch or English names): ``country`` (a code or
a name), ``score`` and/or ``flag``, ``source``, ``year``. Higher scores mean higher
risk. Every problem is named with its row (the header is row 1) and column; the caller
refuses the whole table when there is any. An xlsx goes through the one guarded reader
of spreadsheets (:mod:`app.io.xlsx_guard`, the limits of a country-risk table).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from app.domain.countries import CountryTable, fold
from app.domain.errors import UsageError
from app.domain.intensity import CountryRiskRow, TableProblem

MAX_FILE_BYTES = 20_000_000

COLUMNS: dict[str, tuple[str, ...]] = {
    "country": ("country", "land", "landcode", "country code", "iso"),
    "score": ("score", "waarde", "rating"),
    "flag": ("flag", "vlag", "markering", "gemarkeerd", "flagged"),
    "source": ("source", "bron"),
    "year": ("year", "jaar"),
}
TRUE_WORDS = frozenset({"1", "ja", "yes", "y", "j", "true", "waar", "x"})
FALSE_WORDS = frozenset({"0", "nee", "no", "n", "false", "onwaar"})


def _unreadable(path: Path, problem: str) -> UsageError:
    return UsageError("dossier_country_risk_unreadable", path=str(path), problem=problem)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _read_xlsx(path: Path) -> list[list[object]]:
    """The first sheet, through the one guarded reader of spreadsheets."""
    from app.io.xlsx_guard import open_workbook

    try:
        data = path.read_bytes()
    except OSError:
        raise _unreadable(path, "cannot be read") from None
    book = open_workbook(data, path.name, "country_risk")
    if not book.sheets:
        return []
    rows, _scan = book.rows(book.sheets[0])
    return [list(r) for r in rows]


def _read_csv(path: Path) -> list[list[object]]:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes nearly everything
        raise _unreadable(path, "unknown text encoding")
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = max((";", ",", "\t"), key=first.count)
    return [list(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter)]


def read_table(path: Path) -> list[list[object]]:
    """The cells of the file's first sheet (or the CSV), as read."""
    if not path.is_file():
        raise UsageError("file_not_found", path=str(path))
    if path.stat().st_size > MAX_FILE_BYTES:
        raise _unreadable(path, "larger than 20 MB")
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _read_xlsx(path)
    if suffix in (".csv", ".txt"):
        return _read_csv(path)
    raise _unreadable(path, "expected a .csv or .xlsx file")


def parse_rows(
    cells: Sequence[Sequence[object]], countries: CountryTable
) -> tuple[list[CountryRiskRow], list[TableProblem]]:
    """Check every row; returns the rows and the problems (refuse when there are any)."""
    problems: list[TableProblem] = []
    if not cells:
        return [], [TableProblem(1, "country", "", "dossier_table_empty")]
    header = [fold(_cell_text(c)) for c in cells[0]]
    shown = [_cell_text(c) for c in cells[0]]
    where: dict[str, int] = {}
    for name, aliases in COLUMNS.items():
        for index, title in enumerate(header):
            if title in aliases and name not in where:
                where[name] = index
    for name in ("country", "source", "year"):
        if name not in where:
            problems.append(TableProblem(1, name, "", "dossier_column_missing"))
    if "score" not in where and "flag" not in where:
        problems.append(TableProblem(1, "score", "", "dossier_column_missing"))
    if problems:
        return [], problems

    def cell(row: Sequence[object], name: str) -> tuple[str, str, object]:
        index = where.get(name)
        if index is None:
            return "", name, None
        value = row[index] if index < len(row) else None
        return _cell_text(value), shown[index], value

    rows: list[CountryRiskRow] = []
    seen: dict[tuple[str, str, int], int] = {}
    for number, row in enumerate(cells[1:], start=2):
        if not any(_cell_text(v) for v in row):
            continue
        country_text, country_col, _ = cell(row, "country")
        code = countries.normalise(country_text) if country_text else None
        if code is None:
            problems.append(
                TableProblem(number, country_col, country_text, "dossier_table_unknown_country")
            )
        score_text, score_col, score_raw = cell(row, "score")
        score: float | None = None
        if score_text:
            if isinstance(score_raw, int | float) and not isinstance(score_raw, bool):
                score = float(score_raw)
            else:
                try:
                    score = float(score_text.replace(",", "."))
                except ValueError:
                    problems.append(
                        TableProblem(
                            number, score_col, score_text, "dossier_table_score_not_numeric"
                        )
                    )
        flag_text, flag_col, _ = cell(row, "flag")
        flag: bool | None = None
        if flag_text:
            word = fold(flag_text)
            if word in TRUE_WORDS:
                flag = True
            elif word in FALSE_WORDS:
                flag = False
            else:
                problems.append(
                    TableProblem(number, flag_col, flag_text, "dossier_table_flag_invalid")
                )
        if not score_text and not flag_text:
            column = score_col if "score" in where else flag_col
            problems.append(TableProblem(number, column, "", "dossier_table_score_or_flag"))
        source, source_col, _ = cell(row, "source")
        if not source:
            problems.append(TableProblem(number, source_col, "", "dossier_table_source_missing"))
        elif len(source) > 300:
            problems.append(
                TableProblem(number, source_col, source[:40], "dossier_table_source_too_long")
            )
        year_text, year_col, _ = cell(row, "year")
        year = int(year_text) if year_text.isdigit() else 0
        if not 1900 <= year <= 2200:
            problems.append(TableProblem(number, year_col, year_text, "dossier_table_year_invalid"))
        if code is not None and source and year:
            key = (code, source, year)
            if key in seen:
                problems.append(
                    TableProblem(number, country_col, country_text, "dossier_table_duplicate")
                )
            seen[key] = number
            rows.append(CountryRiskRow(number, code, score, flag, source, year))
    return rows, problems
