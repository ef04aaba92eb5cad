"""A supplier's submission as read from its workbook, and the problems found on the way.

These are the values that cross from the workbook reader (``app.io``) to the import
service and the window: frozen, standard library only. Field names of the row values
equal the database columns, so a row's :meth:`columns` is what gets stored.

Rows are built with :func:`build` (one dictionary update instead of one frozen
``__setattr__`` per field): an import creates a hundred thousand of them.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

SEVERITIES = ("error", "warning", "note")

T = TypeVar("T")


def build(cls: type[T], values: Mapping[str, Any]) -> T:
    """An instance of the row class ``cls`` with exactly ``values`` as its fields."""
    return cls(**values)


@dataclass(frozen=True)
class SupplierBlock:
    """The ``Leverancier`` sheet: who submits, for which contract and period."""

    name: str
    kvk: str | None
    country: str
    contract_ref: str
    period_from: dt.date
    period_to: dt.date
    contact_person: str
    email: str
    signed_on: dt.date
    signed_by: str
    grievance_mechanism: str | None = None
    """``yes``, ``no`` or ``in_preparation``; ``None`` from a version 1 workbook."""
    grievance_description: str | None = None
    stakeholders: str | None = None
    """Who was consulted for the risk analysis, and how."""


@dataclass(frozen=True)
class SiteRow:
    """One production site of the ``Keten`` sheet; ``row`` is its row in the workbook."""

    row: int
    site_key: str
    name: str
    country: str
    city: str | None
    tier: int
    product: str
    workers: int | None
    certifications: str | None
    last_audit: dt.date | None
    osh_id: str | None

    def columns(self) -> dict[str, Any]:
        values = dict(self.__dict__)
        del values["row"]
        return values


@dataclass(frozen=True)
class RiskRow:
    """One risk of the ``Risico's`` sheet, with its priority (severity first)."""

    row: int
    risk_key: str
    site_key: str | None
    theme: str
    description: str
    severity: int
    likelihood: int
    priority: str
    source: str | None
    country: str | None = None
    """The country and product the risk is about (workbook version 2): required when it
    names no site, else as the supplier gave them (the site's apply when left empty)."""
    product: str | None = None

    def columns(self) -> dict[str, Any]:
        values = dict(self.__dict__)
        del values["row"]
        return values


@dataclass(frozen=True)
class MeasureRow:
    """One measure of the ``Maatregelen`` sheet (the plan of action)."""

    row: int
    measure_key: str
    risk_key: str
    description: str
    owner: str
    start: dt.date | None
    due: dt.date
    status: str
    progress: float | None
    evidence_name: str | None

    def columns(self) -> dict[str, Any]:
        values = dict(self.__dict__)
        del values["row"]
        return values


@dataclass(frozen=True)
class Problem:
    """One finding of the check, at a place in the workbook.

    ``row`` 0 means the sheet as a whole (a missing sheet or column); ``col`` is the
    1-based column of the cell (0 when there is no cell). The sentence shown to a user
    comes from the message catalog: ``catalog.text(code, lang, **params)``.
    """

    sheet: str
    row: int
    column: str
    value: str
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)
    severity: str = "error"  # error, warning, note
    col: int = 0


@dataclass(frozen=True)
class RowTable:
    """The valid rows of one sheet, stored column by column.

    ``fields`` names the columns (``row`` first: the workbook row); ``columns[i][k]`` is
    field ``i`` of row ``k``. Columns are what an import needs (bulk inserts); the row
    values are built from them on demand.
    """

    fields: tuple[str, ...] = ("row",)
    columns: tuple[tuple[Any, ...], ...] = ((),)

    def __len__(self) -> int:
        return len(self.columns[0])

    def column(self, name: str) -> tuple[Any, ...]:
        return self.columns[self.fields.index(name)]

    def as_columns(self) -> dict[str, tuple[Any, ...]]:
        """Each field name with its column."""
        return dict(zip(self.fields, self.columns, strict=True))

    def records(self) -> list[dict[str, Any]]:
        """One dictionary per row, keyed by field name."""
        fields = self.fields
        return [
            dict(zip(fields, values, strict=False)) for values in zip(*self.columns, strict=False)
        ]

    def rows(self, cls: type[T]) -> tuple[T, ...]:
        return tuple([build(cls, record) for record in self.records()])


@dataclass(frozen=True)
class Submission:
    """What a workbook holds; ``supplier`` is ``None`` when that sheet could not be read.

    ``sites``, ``risks`` and ``measures`` are frozen row values, made (once) when first
    asked for; ``site_table`` and friends hold the same rows column by column.
    """

    supplier: SupplierBlock | None
    site_table: RowTable = field(default_factory=RowTable)
    risk_table: RowTable = field(default_factory=RowTable)
    measure_table: RowTable = field(default_factory=RowTable)

    @functools.cached_property
    def sites(self) -> tuple[SiteRow, ...]:
        return self.site_table.rows(SiteRow)

    @functools.cached_property
    def risks(self) -> tuple[RiskRow, ...]:
        return self.risk_table.rows(RiskRow)

    @functools.cached_property
    def measures(self) -> tuple[MeasureRow, ...]:
        return self.measure_table.rows(MeasureRow)


@dataclass(frozen=True)
class KindChanges:
    """Keys added, removed and changed between two versions, for one kind of row."""

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()

    @property
    def any(self) -> bool:
        return bool(self.added or self.removed or self.changed)


@dataclass(frozen=True)
class SubmissionChanges:
    """What changed from ``previous_version`` (``None`` for the first) to ``version``."""

    contract_ref: str
    version: int
    previous_version: int | None
    sites: KindChanges
    risks: KindChanges
    measures: KindChanges


@dataclass(frozen=True)
class SubmissionInfo:
    """A stored submission version (without its rows)."""

    id: int
    contract_ref: str
    version_no: int
    file_name: str
    file_sha256: str
    content_sha256: str
    supplier_name: str
    period_from: dt.date
    period_to: dt.date
    received_on: dt.date
    sites: int
    risks: int
    measures: int


@dataclass(frozen=True)
class SubmissionRows:
    """The stored rows of one submission version (``version`` 0: there is none yet)."""

    contract_ref: str
    version: int
    sites: tuple[SiteRow, ...] = ()
    risks: tuple[RiskRow, ...] = ()
    measures: tuple[MeasureRow, ...] = ()
    grievance_mechanism: str | None = None
    grievance_description: str | None = None
    stakeholders: str | None = None

    @functools.cached_property
    def _site_by_key(self) -> dict[str, SiteRow]:
        return {s.site_key: s for s in self.sites}

    def place_of(self, risk: RiskRow) -> tuple[str | None, str | None]:
        """The country and product of a risk: its own, else those of its site."""
        site = self._site_by_key.get(risk.site_key) if risk.site_key else None
        country = risk.country or (site.country if site is not None else None)
        product = risk.product or (site.product if site is not None else None)
        return country, product
