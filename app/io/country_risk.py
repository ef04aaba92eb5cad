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


def _find_columns(header: Sequence[str]) -> tuple[dict[str, int], list[TableProblem]]:
    """Where each known column is (the first header that names it), and a problem for
    each column the table must have and lacks."""
    where: dict[str, int] = {}
    for name, aliases in COLUMNS.items():
        for index, title in enumerate(header):
            if title in aliases and name not in where:
                where[name] = index
    problems = [
        TableProblem(1, name, "", "dossier_column_missing")
        for name in ("country", "source", "year")
        if name not in where
    ]
    if "score" not in where and "flag" not in where:
        problems.append(TableProblem(1, "score", "", "dossier_column_missing"))
    return where, problems


def _score(
    number: int, text: str, column: str, raw: object, problems: list[TableProblem]
) -> float | None:
    if not text:
        return None
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return float(raw)
    try:
        return float(text.replace(",", "."))
    except ValueError:
        problems.append(TableProblem(number, column, text, "dossier_table_score_not_numeric"))
        return None


def _flag(number: int, text: str, column: str, problems: list[TableProblem]) -> bool | None:
    if not text:
        return None
    word = fold(text)
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    problems.append(TableProblem(number, column, text, "dossier_table_flag_invalid"))
    return None


def _source_and_year(
    number: int, source: tuple[str, str], year: tuple[str, str], problems: list[TableProblem]
) -> tuple[str, int]:
    """The row's source (its text, column) and year (its text, column) checked; the
    year is 0 when it is no year."""
    (text, column), (year_text, year_column) = source, year
    if not text:
        problems.append(TableProblem(number, column, "", "dossier_table_source_missing"))
    elif len(text) > 300:
        problems.append(TableProblem(number, column, text[:40], "dossier_table_source_too_long"))
    value = int(year_text) if year_text.isdigit() else 0
    if not 1900 <= value <= 2200:
        problems.append(TableProblem(number, year_column, year_text, "dossier_table_year_invalid"))
    return text, value


def parse_rows(
    cells: Sequence[Sequence[object]], countries: CountryTable
) -> tuple[list[CountryRiskRow], list[TableProblem]]:
    """Check every row; returns the rows and the problems (refuse when there are any)."""
    if not cells:
        return [], [TableProblem(1, "country", "", "dossier_table_empty")]
    shown = [_cell_text(c) for c in cells[0]]
    where, problems = _find_columns([fold(title) for title in shown])
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
        score = _score(number, score_text, score_col, score_raw, problems)
        flag_text, flag_col, _ = cell(row, "flag")
        flag = _flag(number, flag_text, flag_col, problems)
        if not score_text and not flag_text:
            column = score_col if "score" in where else flag_col
            problems.append(TableProblem(number, column, "", "dossier_table_score_or_flag"))
        source, year = _source_and_year(
            number, cell(row, "source")[:2], cell(row, "year")[:2], problems
        )
        if code is not None and source and year:
            if (code, source, year) in seen:
                problems.append(
                    TableProblem(number, country_col, country_text, "dossier_table_duplicate")
                )
            seen[(code, source, year)] = number
            rows.append(CountryRiskRow(number, code, score, flag, source, year))
    return rows, problems
