"""A supplier workbook's read sheets put together: the problems of one read, the
tables read column-wise, and step 4 of :mod:`app.io.workbook_reader`: the sheets
checked against each other (unknown sites and risks, dates in order, a risk's country
and product) and assembled into a :class:`~app.domain.submission.Submission`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from app.domain.risk import priority
from app.domain.submission import (
    MeasureRow,
    Problem,
    RiskRow,
    RowTable,
    SiteRow,
    Submission,
    SupplierBlock,
)
from app.io.workbook_cells import shown
from app.io.workbook_layout import (
    RISKS,
    header_key,
)

KEPT_PER_COLUMN = 200  # problems kept in full per sheet and column; the rest are counted


class Collector:
    """Problems of one read, in the order found: the first :data:`KEPT_PER_COLUMN` of each
    sheet and column in full, the rest counted (:meth:`finish` adds one line for them)."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.kept: Counter[tuple[str, str]] = Counter()
        self.more: dict[tuple[str, str], tuple[int, str]] = {}

    def add(
        self,
        sheet: str,
        row: int,
        column: str,
        value: Any,
        code: str,
        *,
        severity: str = "error",
        col: int = 0,
        **params: Any,
    ) -> None:
        key = (sheet, column)
        if self.kept[key] >= KEPT_PER_COLUMN:
            count, worst = self.more.get(key, (0, "note"))
            if _RANK[severity] > _RANK[worst]:
                worst = severity
            self.more[key] = (count + 1, worst)
            return
        self.kept[key] += 1
        self.problems.append(
            Problem(
                sheet=sheet,
                row=row,
                column=column,
                value=shown(value),
                code=code,
                params=params,
                severity=severity,
                col=col,
            )
        )

    def finish(self) -> list[Problem]:
        for (sheet, column), (count, worst) in self.more.items():
            self.problems.append(
                Problem(
                    sheet=sheet,
                    row=0,
                    column=column,
                    value="",
                    code="wb_more_problems",
                    params={"count": count, "kept": KEPT_PER_COLUMN, "sheet": sheet},
                    severity=worst,
                )
            )
        self.more = {}
        return self.problems


_RANK = {"note": 0, "warning": 1, "error": 2}


@dataclass
class Table:
    """A table sheet read column-wise: ``columns[field][k]`` is row ``numbers[k]``."""

    name: str
    header_ok: bool = False
    numbers: list[int] = field(default_factory=list)
    columns: dict[str, Sequence[Any]] = field(default_factory=dict)
    places: dict[str, tuple[str, int]] = field(default_factory=dict)
    invalid: set[int] = field(default_factory=set)

    def valid(self, cls: type[Any]) -> RowTable:
        """The rows as a column-wise table with ``cls``'s fields (none when any is bad:
        a workbook with an error is not imported)."""
        names = tuple(f.name for f in dataclasses.fields(cls) if f.name != "row")
        if self.invalid or not self.numbers:
            return RowTable(("row", *names), tuple(() for _ in range(len(names) + 1)))
        return RowTable(
            ("row", *names), (tuple(self.numbers), *(tuple(self.columns[n]) for n in names))
        )


_PRIORITY = {(s, li): priority(s, li) for s in range(1, 5) for li in range(1, 5)}


def assemble(
    out: Collector, supplier: SupplierBlock | None, tables: dict[str, Table]
) -> Submission:
    """The sheets checked against each other (unknown sites and risks, dates in order,
    a risk's place) and put together as the submission."""
    empty = Table("")
    sites_t = tables.get("sites", empty)
    risks_t = tables.get("risks", empty)
    measures_t = tables.get("measures", empty)
    site_keys = {k for k in sites_t.columns.get("site_key", ()) if k is not None}
    risk_keys = {k for k in risks_t.columns.get("risk_key", ()) if k is not None}

    _audits_in_future(out, sites_t)

    if "sites" in tables:
        header, col = risks_t.places.get("site_key", ("", 0))
        for k, site in enumerate(risks_t.columns.get("site_key", ())):
            if site is not None and site not in site_keys:
                out.add(risks_t.name, risks_t.numbers[k], header, site, "wb_unknown_site", col=col)
                risks_t.invalid.add(k)
    risk_columns = risks_t.columns
    if risk_columns:
        _risk_places(out, risks_t, sites_t if "sites" in tables else None)
        table = _PRIORITY
        risk_columns["priority"] = [
            table.get((s, li))
            for s, li in zip(risk_columns["severity"], risk_columns["likelihood"], strict=True)
        ]

    if "risks" in tables:
        header, col = measures_t.places.get("risk_key", ("", 0))
        for k, risk in enumerate(measures_t.columns.get("risk_key", ())):
            if risk is not None and risk not in risk_keys:
                out.add(
                    measures_t.name,
                    measures_t.numbers[k],
                    header,
                    risk,
                    "wb_unknown_risk",
                    col=col,
                )
                measures_t.invalid.add(k)
    measure_columns = measures_t.columns
    if measure_columns:
        _measure_dates(out, measures_t)

    if "measures" in tables and risk_columns:
        measured = set(measure_columns.get("risk_key", ()))
        header, col = risks_t.places.get("risk_key", ("", 0))
        for k, (key, level) in enumerate(
            zip(risk_columns["risk_key"], risk_columns["priority"], strict=True)
        ):
            if level == "high" and key not in measured and k not in risks_t.invalid:
                out.add(
                    risks_t.name,
                    risks_t.numbers[k],
                    header,
                    key,
                    "wb_high_risk_without_measure",
                    severity="warning",
                    col=col,
                )
    for table_value in tables.values():
        if table_value.header_ok and not table_value.numbers:
            out.add(table_value.name, 0, "", "", "wb_sheet_empty", severity="warning")
    return Submission(
        supplier, sites_t.valid(SiteRow), risks_t.valid(RiskRow), measures_t.valid(MeasureRow)
    )


def _audits_in_future(out: Collector, sites_t: Table) -> None:
    """A site's last audit dated after today is a warning."""
    today = dt.date.today()
    header, col = sites_t.places.get("last_audit", ("", 0))
    for k, audit in enumerate(sites_t.columns.get("last_audit", ())):
        if audit is not None and audit > today:
            out.add(
                sites_t.name,
                sites_t.numbers[k],
                header,
                audit,
                "wb_audit_in_future",
                severity="warning",
                col=col,
            )


def _measure_dates(out: Collector, measures_t: Table) -> None:
    """A measure due before it starts is an error; one completed below 100 % a warning."""
    measure_columns = measures_t.columns
    header, col = measures_t.places.get("due", ("", 0))
    for k, (start, due) in enumerate(
        zip(measure_columns["start"], measure_columns["due"], strict=True)
    ):
        if start is not None and due is not None and due < start:
            out.add(
                measures_t.name,
                measures_t.numbers[k],
                header,
                due,
                "wb_end_before_start",
                col=col,
                start=start,
            )
            measures_t.invalid.add(k)
    header, col = measures_t.places.get("progress", ("", 0))
    for k, (status, progress) in enumerate(
        zip(measure_columns["status"], measure_columns["progress"], strict=True)
    ):
        if status == "completed" and progress is not None and progress < 100:
            out.add(
                measures_t.name,
                measures_t.numbers[k],
                header,
                progress,
                "wb_completed_not_full",
                severity="warning",
                col=col,
            )


def _risk_places(out: Collector, risks_t: Table, sites_t: Table | None) -> None:
    """A risk without a site needs its own country and product (the analysis is per
    product and per country); a risk with a site that gives them must agree with it."""
    columns, places = risks_t.columns, risks_t.places
    fields = [c for c in RISKS.columns if c.required_without == "site_key"]
    # each site's row by its key: whole numbers, not a tuple per site (a dict of a
    # hundred thousand tuples is walked by every collection while it is young)
    site_rows: dict[str, int] = {}
    if sites_t is not None and sites_t.columns:
        site_rows = {
            key: row for row, key in enumerate(sites_t.columns["site_key"]) if key is not None
        }
    without_place = 0
    for k, site in enumerate(columns["site_key"]):
        if site is None:
            for column in fields:
                if columns[column.field][k] is not None:
                    continue
                if column.field not in places:  # an older workbook without the column
                    without_place += 1
                    continue
                header, col = places[column.field]
                out.add(
                    risks_t.name,
                    risks_t.numbers[k],
                    header,
                    "",
                    "wb_required_without_site",
                    col=col,
                )
                risks_t.invalid.add(k)
            continue
        row = site_rows.get(site)
        if row is None or sites_t is None:
            continue
        for column in fields:
            expected = sites_t.columns[column.field][row]
            value = columns[column.field][k]
            if value is None or header_key(str(value)) == header_key(str(expected)):
                continue
            header, col = places[column.field]
            out.add(
                risks_t.name,
                risks_t.numbers[k],
                header,
                value,
                "wb_risk_differs_from_site",
                severity="warning",
                col=col,
                site=site,
                expected=expected,
            )
    if without_place:
        for column in fields:
            if column.field not in places:
                out.add(
                    risks_t.name,
                    1,
                    column.nl,
                    "",
                    "wb_risk_place_missing_older",
                    severity="warning",
                    english=column.en,
                )
