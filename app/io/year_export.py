"""The year export: one installation's records of a year, for a coordinator to merge.

Format ``isv-assistent-year-export``, version 1: a UTF-8 JSON object with

- ``format``, ``format_version``: what this file is; a reader refuses other names and
  versions rather than guess;
- ``about``: one sentence saying what the file is, for a person who opens it;
- ``installation_id``: the database it came from (``Database.installation_id()``);
- ``organisations``: the organisations whose tenders are in it; ``organisation``: that
  name when there is exactly one, else ``null``;
- ``year``, ``exported_at`` (UTC, ISO 8601), ``application_version``;
- ``fields``: for each kind of record, its field names with a short description
  (:data:`FIELDS`, the same table this module checks a file against);
- ``records``: per kind (``tenders``, ``contracts``, ``submissions``, ``evidence``,
  ``assessments``, ``signals``, ``escalation_steps``) a list of objects with exactly
  those fields; dates as ``YYYY-MM-DD``, money in whole cents; each record has the
  ``uid`` that identifies it across installations, and refers to its contract or tender
  by that ``uid``;
- ``audit_head``: ``{"seq", "hash"}`` of the exporting database's audit chain at the
  time (``verify --against FILE`` proves a database's trail still extends it);
- ``checksum``: ``{"algorithm": "sha256", "value": …}`` over the canonical JSON (sorted
  keys, no spaces, UTF-8) of every other member of the object.

A file whose checksum does not match was changed after export and is refused. The
checksum has no key: it finds damage and a careless edit, not a deliberate one (whoever
edits the file can compute it again); see the README.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from app.domain.canonical import canonical_text
from app.domain.characters import NOT_XML
from app.domain.decision import FORMS
from app.domain.errors import UsageError
from app.domain.followup import SIGNAL_STATUSES
from app.domain.reference import KINDS, OUTSIDE_CATEGORIES, Reference
from app.domain.report_facts import (
    FACT_KINDS,
    MeasureFact,
    RiskFact,
    SubmissionFact,
    YearFacts,
    plain,
)
from app.domain.rubric import SUBJECTS

FORMAT = "isv-assistent-year-export"
FORMAT_VERSION = 3
READABLE_VERSIONS = (1, 2, 3)
"""Version 2 added the tenders' ``awarded``, ``not_applied_code`` and ``text_source``,
version 3 the contracts' ``risk_months``; an older file is read with the fields added
after it unknown (null)."""
_ADDED_IN: dict[int, dict[str, tuple[str, ...]]] = {
    2: {"tenders": ("awarded", "not_applied_code", "text_source")},
    3: {"contracts": ("risk_months",)},
}
ABOUT = (
    "Records of one ISV-assistent installation for one year, to be merged into the "
    "yearly ISV report with 'isv-assistent report --merge'. Do not edit: the checksum "
    "refuses a changed file."
)

FIELDS: Mapping[str, Mapping[str, str]] = {
    "tenders": {
        "uid": "identity across installations",
        "ref": "the buyer's tender reference",
        "title": "title of the tender",
        "organisation": "organisation that published it, or null",
        "kind": "supplies, services, works, social-services, defence-supplies, "
        "defence-services or defence-works",
        "value_cents": "estimated value excluding VAT, in cents",
        "published": "publication date",
        "category_code": "ISV category code as registered ('overig' outside the categories)",
        "category_set": "category set the code belongs to, or null",
        "verdict": "mandatory, voluntary_below_threshold, voluntary_outside_categories, "
        "threshold_unknown or not_in_force",
        "isv_applied": "true, false, or null when no decision is recorded",
        "not_applied_reason": "the buyer's reason for not applying the ISV, or null",
        "form": "contract-condition, minimum-requirement, award-criterion, or null",
        "clause_version": "version of the ISV texts generated with ISV-assistent, or null",
        "awarded": "award date, or null when not known",
        "not_applied_code": "reason code for not applying the ISV (fixed list), or null",
        "text_source": "which ISV text was used: generated, official, own, or null",
    },
    "contracts": {
        "uid": "identity across installations",
        "ref": "contract reference",
        "tender_uid": "uid of the tender it came from",
        "supplier": "supplier name",
        "supplier_country": "ISO 3166 alpha-2 country of the supplier",
        "start": "first day of the contract",
        "end": "last day of the contract",
        "value_cents": "contract value in cents, or null",
        "plan_months": "months after the start within which the plan of action is due",
        "report_month": "month (1-12) whose end is the yearly report's due date",
        "plan_agreed_on": "date the plan of action was agreed, or null",
        "risk_months": "months after the start within which the risk analysis is due, or "
        "null: with the plan of action",
    },
    "submissions": {
        "uid": "identity across installations",
        "contract_uid": "uid of the contract",
        "version_no": "version of the supplier workbook for that contract",
        "received_on": "date the workbook was received",
        "content_sha256": "SHA-256 of the workbook's rows",
        "risks": "list of {risk_key, theme, priority}",
        "measures": "list of {measure_key, risk_key, due, status}",
    },
    "evidence": {
        "uid": "identity across installations",
        "contract_uid": "uid of the contract",
        "type": "evidence type code (policy, risk-analysis, yearly-report, ...)",
        "received_on": "date received",
        "issued_on": "date issued, or null",
        "valid_until": "last day of validity, or null",
        "supersedes_uid": "uid of the document this one replaces, or null",
    },
    "assessments": {
        "uid": "identity across installations",
        "contract_uid": "uid of the contract",
        "subject": "risk-analysis, plan-of-action or yearly-report",
        "verdict": "sufficient or insufficient",
        "assessed_on": "date of the assessment",
        "contract_year": "contract year assessed, or null",
    },
    "signals": {
        "uid": "identity across installations",
        "contract_uid": "uid of the contract",
        "received_on": "date the signal was received",
        "theme": "theme code",
        "status": "open, in_progress or closed",
        "closed_on": "date closed, or null",
    },
    "escalation_steps": {
        "uid": "identity across installations",
        "contract_uid": "uid of the contract",
        "step": "escalation step code",
        "taken_on": "date the step was taken",
        "response_due": "date by which the supplier must respond, or null",
        "responded_on": "date the supplier responded, or null",
    },
}


@dataclass(frozen=True)
class ExportHeader:
    installation_id: str
    year: int
    organisations: tuple[str, ...]
    exported_at: str
    application_version: str
    audit_head: Mapping[str, Any] | None = None  # the audit chain's head when exported


def _checksum(body: Mapping[str, Any]) -> str:
    """SHA-256 of the canonical JSON of ``body``. The body is plain JSON data already
    (written from :func:`plain` records, or read by ``json.loads``), so it is encoded as
    it is: the same text as :func:`canonical_json`, without walking every record first."""
    return hashlib.sha256(canonical_text(body).encode("utf-8")).hexdigest()


def write_export(header: ExportHeader, facts: YearFacts) -> bytes:
    """The export file's bytes (UTF-8 JSON without indentation: Python's JSON writer
    falls back to its slower pure-Python path when it indents, and a year holds many
    records; any JSON viewer lays it out)."""
    records = {
        name: [plain(f) for f in sorted(facts.kind(name), key=lambda f: f.uid)]
        for name, _ in FACT_KINDS
    }
    organisations = sorted(header.organisations)
    body: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "about": ABOUT,
        "installation_id": header.installation_id,
        "organisation": organisations[0] if len(organisations) == 1 else None,
        "organisations": organisations,
        "year": header.year,
        "exported_at": header.exported_at,
        "application_version": header.application_version,
        "fields": FIELDS,
        "records": records,
    }
    if header.audit_head is not None:
        body["audit_head"] = dict(header.audit_head)
    body["checksum"] = {"algorithm": "sha256", "value": _checksum(body)}
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _refuse(name: str, problem: str, **params: Any) -> UsageError:
    return UsageError(f"export_{problem}", file=name, **params)


def _date(value: Any) -> dt.date:
    if not isinstance(value, str):
        raise ValueError(value)
    return dt.date.fromisoformat(value)


def _optional_date(value: Any) -> dt.date | None:
    return None if value is None else _date(value)


_DATE_FIELDS = {
    "published",
    "awarded",
    "start",
    "end",
    "plan_agreed_on",
    "received_on",
    "issued_on",
    "valid_until",
    "assessed_on",
    "closed_on",
    "taken_on",
    "due",
    "response_due",
    "responded_on",
}
_OPTIONAL = {
    "organisation",
    "risk_months",
    "awarded",
    "not_applied_code",
    "text_source",
    "category_set",
    "isv_applied",
    "not_applied_reason",
    "form",
    "clause_version",
    "value_cents",
    "plan_agreed_on",
    "issued_on",
    "valid_until",
    "supersedes_uid",
    "contract_year",
    "closed_on",
    "response_due",
    "responded_on",
}
_TYPES: Mapping[str, type | tuple[type, ...]] = {
    "value_cents": int,
    "plan_months": int,
    "risk_months": int,
    "report_month": int,
    "version_no": int,
    "contract_year": int,
    "isv_applied": bool,
}


def _value(key: str, value: Any) -> Any:
    if value is None:
        if key not in _OPTIONAL:
            raise ValueError(key)
        return None
    if key in _DATE_FIELDS:
        return _date(value)
    expected = _TYPES.get(key, str)
    if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
        raise ValueError(key)
    return value


@dataclass(frozen=True)
class _FactShape:
    """How to read one fact class: its field names (in order) and, per field, the JSON
    types :func:`_value` accepts, so a record is checked in one pass (``isinstance``
    over all values at once) and only a failing record goes through the per-field checks
    that say what is wrong."""

    names: tuple[str, ...]
    name_set: frozenset[str]
    values: Callable[[Mapping[str, Any]], tuple[Any, ...]]
    types: tuple[type | tuple[type, ...], ...]
    whole_numbers: tuple[int, ...]  # positions of int fields (a JSON true is no number)
    dates: tuple[int, ...]
    nested: tuple[tuple[int, type[Any]], ...]  # a submission's risks and measures
    checks: tuple[Callable[[Any], Any], ...]


_SHAPES: dict[type[Any], _FactShape] = {}


def _shape(cls: type[Any]) -> _FactShape:
    found = _SHAPES.get(cls)
    if found is not None:
        return found
    names: tuple[str, ...] = cls._fields
    types: list[type | tuple[type, ...]] = []
    checks: list[Callable[[Any], Any]] = []
    whole_numbers: list[int] = []
    dates: list[int] = []
    nested: list[tuple[int, type[Any]]] = []
    for index, name in enumerate(names):
        if cls is SubmissionFact and name in ("risks", "measures"):
            inner = RiskFact if name == "risks" else MeasureFact
            nested.append((index, inner))
            types.append(list)
            checks.append(functools.partial(_facts, inner))
            continue
        expected = str if name in _DATE_FIELDS else _TYPES.get(name, str)
        accepted = expected if isinstance(expected, tuple) else (expected,)
        types.append((*accepted, type(None)) if name in _OPTIONAL else accepted)
        checks.append(functools.partial(_value, name))
        if name in _DATE_FIELDS:
            dates.append(index)
        elif expected is int:
            whole_numbers.append(index)
    shape = _SHAPES[cls] = _FactShape(
        names,
        frozenset(names),
        operator.itemgetter(*names),
        tuple(types),
        tuple(whole_numbers),
        tuple(dates),
        tuple(nested),
        tuple(checks),
    )
    return shape


def _fact(cls: type[Any], data: Any) -> Any:
    if not isinstance(data, dict):
        raise ValueError(cls.__name__)
    shape = _shape(cls)
    if data.keys() != shape.name_set:
        raise ValueError(cls.__name__)
    found = shape.values(data)
    if not all(map(isinstance, found, shape.types)) or any(
        type(found[i]) is bool for i in shape.whole_numbers
    ):
        # something is off: the checks of each field raise the error
        return cls(*[check(v) for v, check in zip(found, shape.checks, strict=True)])
    values = list(found)
    for i in shape.dates:
        if values[i] is not None:
            values[i] = dt.date.fromisoformat(values[i])
    for i, inner in shape.nested:
        values[i] = _facts(inner, values[i])
    return cls(*values)


def _facts(cls: type[Any], items: Any) -> tuple[Any, ...]:
    return tuple([_fact(cls, item) for item in _list(items)])


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise ValueError("list")
    return value


def _upgrade(records: dict[str, Any], version: int) -> dict[str, Any]:
    """An older file's records with the fields later versions added, as unknown."""
    upgraded = dict(records)
    for added_in, kinds in _ADDED_IN.items():
        if added_in <= version:
            continue
        for kind, names in kinds.items():
            items = _list(upgraded[kind])
            upgraded[kind] = [
                {**item, **dict.fromkeys(names)} if isinstance(item, dict) else item
                for item in items
            ]
    return upgraded


MAX_EXPORT_BYTES = 256 * 1024 * 1024
MAX_TEXT = 10_000  # characters of any text field
MAX_WHOLE = 2**63 - 1  # the storage's BigInteger
VERDICTS = (
    "mandatory",
    "voluntary_below_threshold",
    "voluntary_outside_categories",
    "threshold_unknown",
    "not_in_force",
)


class _Refused(ValueError):
    """A value the JSON parser hands over that no export holds (``key``: a key that
    appears twice in one object)."""

    def __init__(self, value: str, key: str | None = None) -> None:
        super().__init__(value)
        self.key = key


def _whole(text: str) -> int:
    if len(text.lstrip("-")) > 19:  # beyond any whole number the storage holds
        raise _Refused(text[:40])
    number = int(text)
    if abs(number) > MAX_WHOLE:
        raise _Refused(text)
    return number


def _no_float(text: str) -> float:
    raise _Refused(text[:40])  # every number of an export is a whole number


def _no_constant(text: str) -> float:
    raise _Refused(text)  # NaN, Infinity


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        seen: set[str] = set()
        twice = next(k for k, _ in pairs if k in seen or seen.add(k))  # type: ignore[func-returns-value]
        raise _Refused(twice, key=twice)
    return found


def _parse(data: bytes, name: str) -> Any:
    """The JSON, with sizes, numbers, duplicate keys and nesting bounded."""
    if len(data) > MAX_EXPORT_BYTES:
        raise _refuse(name, "too_large", limit=MAX_EXPORT_BYTES // 2**20)
    try:
        return json.loads(
            data.decode("utf-8"),
            parse_int=_whole,
            parse_float=_no_float,
            parse_constant=_no_constant,
            object_pairs_hook=_unique,
        )
    except _Refused as exc:
        if exc.key is not None:
            raise _refuse(name, "duplicate_key", key=exc.key) from None
        raise _refuse(name, "invalid_value", value=str(exc)) from None
    except RecursionError:  # nested deeper than any export
        raise _refuse(name, "not_an_export") from None
    except (UnicodeDecodeError, ValueError):
        raise _refuse(name, "not_an_export") from None


def export_domains(reference: Reference) -> dict[tuple[str, str], frozenset[str]]:
    """The codes each coded field of an export may hold, from the reference data."""
    categories = {c.code for s in reference.category_sets for c in s.categories}
    themes = frozenset(t.code for t in reference.themes)
    return {
        ("tenders", "kind"): frozenset(KINDS),
        ("tenders", "category_code"): frozenset({*categories, OUTSIDE_CATEGORIES}),
        ("tenders", "category_set"): frozenset(s.id for s in reference.category_sets),
        ("tenders", "verdict"): frozenset(VERDICTS),
        ("tenders", "form"): frozenset(FORMS),
        ("evidence", "type"): frozenset(x.code for x in reference.evidence_types),
        ("assessments", "subject"): frozenset(SUBJECTS),
        ("assessments", "verdict"): frozenset({"sufficient", "insufficient"}),
        ("signals", "theme"): themes,
        ("signals", "status"): frozenset(SIGNAL_STATUSES),
        ("escalation_steps", "step"): frozenset(x.code for x in reference.escalation_steps),
        ("risks", "theme"): themes,
        ("risks", "priority"): frozenset(x.code for x in reference.priorities),
        ("measures", "status"): frozenset(x.code for x in reference.measure_statuses),
    }


_RANGES: dict[str, tuple[int, int]] = {
    "value_cents": (0, MAX_WHOLE),
    "plan_months": (1, 120),
    "risk_months": (1, 120),
    "report_month": (1, 12),
    "version_no": (1, 1_000_000),
    "contract_year": (1, 100),
}


def _check_domains(
    name: str,
    kinds: Mapping[str, tuple[Any, ...]],
    domains: Mapping[tuple[str, str], frozenset[str]],
) -> None:
    """Every field within its domain: codes known, numbers in range, text storable."""

    def bad(kind: str, field_name: str, value: Any) -> UsageError:
        return _refuse(name, "invalid_field", kind=kind, field=field_name, value=str(value)[:80])

    def check(kind: str, fact: Any) -> None:
        for field_name, value in zip(fact._fields, fact, strict=True):
            if value is None or isinstance(value, dt.date):
                continue
            if isinstance(value, tuple):
                inner = "risks" if field_name == "risks" else "measures"
                for nested in value:
                    check(inner, nested)
                continue
            allowed = domains.get((kind, field_name))
            if allowed is not None and value not in allowed:
                raise bad(kind, field_name, value)
            if isinstance(value, int) and not isinstance(value, bool):
                low, high = _RANGES.get(field_name, (-MAX_WHOLE, MAX_WHOLE))
                if not low <= value <= high:
                    raise bad(kind, field_name, value)
            if isinstance(value, str) and (len(value) > MAX_TEXT or NOT_XML.search(value)):
                raise bad(kind, field_name, value)
            if (
                kind == "contracts"
                and field_name == "supplier_country"
                and not (len(value) == 2 and value.isascii() and value.isupper())
            ):
                raise bad(kind, field_name, value)

    for kind, facts in kinds.items():
        for fact in facts:
            check(kind, fact)


def read_export(
    data: bytes, name: str, reference: Reference | None = None
) -> tuple[ExportHeader, YearFacts]:
    """Read an export file; a file that is not one, of another format version, changed
    after export, or holding a value outside its field's domain (checked against
    ``reference`` when given) is refused with :class:`UsageError` (one sentence, naming
    the file). Size, nesting, numbers and duplicate keys are bounded before any use."""
    body = _parse(data, name)
    if not isinstance(body, dict) or body.get("format") != FORMAT:
        raise _refuse(name, "not_an_export")
    version = body.get("format_version")
    if type(version) is not int or version not in READABLE_VERSIONS:
        raise _refuse(name, "foreign_version", version=str(version), supported=FORMAT_VERSION)
    checksum = body.pop("checksum", None)
    if (
        not isinstance(checksum, dict)
        or checksum.get("algorithm") != "sha256"
        or checksum.get("value") != _checksum(body)
    ):
        raise _refuse(name, "tampered")
    try:
        records = body["records"]
        if not isinstance(records, dict) or set(records) != {k for k, _ in FACT_KINDS}:
            raise ValueError("records")
        if version < FORMAT_VERSION:
            records = _upgrade(records, version)
        kinds = {kind: _facts(cls, records[kind]) for kind, cls in FACT_KINDS}
        organisations = tuple(str(o) for o in _list(body["organisations"]))
        year = body["year"]
        if not isinstance(year, int) or isinstance(year, bool):
            raise ValueError("year")
        header = ExportHeader(
            installation_id=str(body["installation_id"]),
            year=year,
            organisations=organisations,
            exported_at=str(body["exported_at"]),
            application_version=str(body["application_version"]),
            audit_head=body.get("audit_head"),
        )
    except (KeyError, ValueError, TypeError):
        raise _refuse(name, "malformed") from None
    if not 1900 <= year <= 2200:
        raise _refuse(name, "invalid_field", kind="export", field="year", value=str(year))
    _check_domains(name, kinds, export_domains(reference) if reference is not None else {})
    return header, YearFacts(**kinds)
