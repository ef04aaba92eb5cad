"""The facts a yearly report is made from: the canonical records (tenders, contracts,
risks, measures, submissions, evidence, assessments, signals, escalation steps) whether
they come from the local database or from other installations' exports, each with the
``uid`` that identifies it across installations; their canonical JSON and the
fingerprint of a set of facts. Standard library only.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
import operator
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

from app.domain.canonical import canonical_text

# ---------------------------------------------------------------------------------------
# Facts: the canonical records a report is made from
# ---------------------------------------------------------------------------------------
# Named tuples: immutable like the records they copy, and a year of a large database
# holds tens of thousands of them, which tuples build several times faster than frozen
# dataclasses.


class TenderFact(NamedTuple):
    uid: str
    ref: str
    title: str
    organisation: str | None
    kind: str
    value_cents: int
    published: dt.date
    category_code: str
    category_set: str | None
    verdict: str
    isv_applied: bool | None
    not_applied_reason: str | None
    form: str | None
    clause_version: str | None
    awarded: dt.date | None = None
    not_applied_code: str | None = None
    text_source: str | None = None


class ContractFact(NamedTuple):
    uid: str
    ref: str
    tender_uid: str
    supplier: str
    supplier_country: str
    start: dt.date
    end: dt.date
    value_cents: int | None
    plan_months: int
    report_month: int
    plan_agreed_on: dt.date | None
    risk_months: int | None = None
    """The risk analysis's own term; ``None``: due with the plan of action."""


class RiskFact(NamedTuple):
    risk_key: str
    theme: str
    priority: str


class MeasureFact(NamedTuple):
    measure_key: str
    risk_key: str
    due: dt.date
    status: str


class SubmissionFact(NamedTuple):
    """One imported supplier workbook (never changed after import) with its risks and
    measures."""

    uid: str
    contract_uid: str
    version_no: int
    received_on: dt.date
    content_sha256: str
    risks: tuple[RiskFact, ...]
    measures: tuple[MeasureFact, ...]


class EvidenceFact(NamedTuple):
    uid: str
    contract_uid: str
    type: str
    received_on: dt.date
    issued_on: dt.date | None
    valid_until: dt.date | None
    supersedes_uid: str | None


class AssessmentFact(NamedTuple):
    uid: str
    contract_uid: str
    subject: str
    verdict: str
    assessed_on: dt.date
    contract_year: int | None


class SignalFact(NamedTuple):
    uid: str
    contract_uid: str
    received_on: dt.date
    theme: str
    status: str
    closed_on: dt.date | None


class EscalationFact(NamedTuple):
    uid: str
    contract_uid: str
    step: str
    taken_on: dt.date
    response_due: dt.date | None
    responded_on: dt.date | None


FACT_KINDS: tuple[tuple[str, type[Any]], ...] = (
    ("tenders", TenderFact),
    ("contracts", ContractFact),
    ("submissions", SubmissionFact),
    ("evidence", EvidenceFact),
    ("assessments", AssessmentFact),
    ("signals", SignalFact),
    ("escalation_steps", EscalationFact),
)
"""Every kind of fact, in the order of the export file and of the fingerprint."""


@dataclass(frozen=True)
class YearFacts:
    """Everything the figures of one year are counted from."""

    tenders: tuple[TenderFact, ...] = ()
    contracts: tuple[ContractFact, ...] = ()
    submissions: tuple[SubmissionFact, ...] = ()
    evidence: tuple[EvidenceFact, ...] = ()
    assessments: tuple[AssessmentFact, ...] = ()
    signals: tuple[SignalFact, ...] = ()
    escalation_steps: tuple[EscalationFact, ...] = ()

    def kind(self, name: str) -> tuple[Any, ...]:
        value: tuple[Any, ...] = getattr(self, name)
        return value

    def count(self) -> int:
        return sum(len(self.kind(name)) for name, _ in FACT_KINDS)


@functools.cache
def field_names(cls: type[Any]) -> tuple[str, ...]:
    """The field names of a fact class (or of any dataclass), in declaration order."""
    if dataclasses.is_dataclass(cls):
        return tuple(f.name for f in dataclasses.fields(cls))
    names: tuple[str, ...] = cls._fields
    return names


_SCALARS = (str, int, bool, float, type(None))
_FACT_CLASSES: tuple[type[Any], ...] = (*(c for _, c in FACT_KINDS), RiskFact, MeasureFact)
_SHAPES: dict[type[Any], tuple[tuple[str, ...], Callable[[Any], tuple[Any, ...]]]] = {
    cls: (cls._fields, operator.attrgetter(*cls._fields)) for cls in _FACT_CLASSES
}
"""Each fact class's field names (declaration order) and a getter of their values."""


def plain(value: Any) -> Any:
    """A fact (or any value inside one) as plain JSON data: dates as ISO text."""
    shape = _SHAPES.get(type(value))
    if shape is not None:  # a fact: its fields by one getter, most of them plain already
        names, values = shape
        return {
            name: item
            if type(item) in _SCALARS
            else item.isoformat()
            if type(item) is dt.date
            else plain(item)
            for name, item in zip(names, values(value), strict=True)
        }
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        result = {}
        for name in field_names(type(value)):
            item = getattr(value, name)
            # most fields are plain already: no call per value (exports hold many facts)
            result[name] = item if type(item) in _SCALARS else plain(item)
        return result
    return value


def canonical_json(data: Any) -> str:
    """The canonical JSON text of ``data`` (facts and all) used for checksums."""
    return canonical_text(plain(data))


def _values(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    shape = _SHAPES.get(type(value))
    if shape is not None:  # a fact inside a fact (the risks and measures of a workbook)
        return shape[1](value)  # its field values in declaration order (JSON: a list)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [getattr(value, name) for name in field_names(type(value))]
    raise TypeError(type(value).__name__)


_COMPACT = json.JSONEncoder(default=_values, ensure_ascii=False, separators=(",", ":"))


def fingerprint(facts: YearFacts) -> str:
    """SHA-256 over every fact, sorted by kind and uid, each as the JSON list of its field
    values in declaration order (dates as ISO text): the same records always give the
    same fingerprint, whatever their source or order."""
    digest = hashlib.sha256()
    encode = _COMPACT.encode
    for name, cls in FACT_KINDS:
        values = _SHAPES[cls][1]
        digest.update(
            "".join(
                [
                    f"{name}\x1f{encode(values(fact))}\n"
                    for fact in sorted(facts.kind(name), key=_uid)
                ]
            ).encode()
        )
    return digest.hexdigest()


def _uid(fact: Any) -> str:
    uid: str = fact.uid
    return uid
