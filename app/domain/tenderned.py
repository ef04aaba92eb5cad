"""TenderNed's notices as the register sees them: folded per procedure, checked, suggested.

TenderNed publishes every notice (contract notice, correction, award notice, …) as one
OCDS release, and as one or more rows of its XLSX workbook. The readers in
``app.io.tenderned`` turn either into :class:`NoticePart` values; :func:`fold` puts the
parts of one procedure (one OCID) together into one :class:`Notice`:

- the publication date is the date of the *first* publication;
- the estimated value is the *latest* one given (a correction may change it), with the
  awarded value beside it;
- title, reference, CPV codes and kind are the latest non-empty ones;
- the award date and the winner come from the latest award notice.

CPV codes are Common Procurement Vocabulary codes (Regulation (EC) No 213/2008): eight
digits and a check digit (``30213100-6``). Which ISV category a CPV code belongs to is
nowhere official: :class:`CpvTable` holds our suggestions, each marked as confirmed or
not, and the buyer's own choices, which win over every suggestion.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from app.domain.applicability import applicability
from app.domain.errors import ReferenceDataError, ValidationError
from app.domain.reference import KINDS, OUTSIDE_CATEGORIES, Reference

SOCIAL_SERVICES = "social-services"
"""The kind of Annex XIV services, where the reference data has that regime."""

TENDERNED_OCID_PREFIX = "ocds-1l04xe-"
"""The OCID prefix TenderNed publishes its releases under."""

KIND_FROM_OCDS = {"goods": "supplies", "services": "services", "works": "works"}
"""``tender.mainProcurementCategory`` → the register's kind."""

_CPV = re.compile(r"^(\d{8})(?:-(\d))?$")


def normalise_cpv(text: str, field_name: str = "--cpv") -> str:
    """A CPV code as stored: ``NNNNNNNN`` or ``NNNNNNNN-C`` (spaces and dots dropped)."""
    cleaned = re.sub(r"[\s.]", "", str(text))
    if not _CPV.match(cleaned):
        raise ValidationError("invalid_cpv", value=str(text)[:40], field=field_name)
    return cleaned


def cpv_digits(code: str) -> str:
    """The eight digits of a CPV code (the check digit left off)."""
    return code[:8]


def normalise_cpv_list(codes: Iterable[str], field_name: str = "--cpv") -> tuple[str, ...]:
    """Codes in the given order (the main code first), each once."""
    seen: dict[str, str] = {}
    for code in codes:
        clean = normalise_cpv(code, field_name)
        seen.setdefault(cpv_digits(clean), clean)
    return tuple(seen.values())


def cpv_from_text(text: str) -> tuple[str, ...]:
    """CPV codes from a free cell such as ``'30213100-6 (Draagbare computers); 30231300-0'``;
    anything that is not a code is left out."""
    found = re.findall(r"(?<!\d)(\d{8}(?:-\d)?)(?!\d)", text or "")
    return normalise_cpv_list(found)


# -- what a reader gives ----------------------------------------------------------------


@dataclass(frozen=True)
class NoticePart:
    """One release of the package, or one row of the workbook, as read."""

    ocid: str
    date: dt.date | None  # the release's (or row's) publication date
    publication_id: str = ""
    reference: str = ""  # TenderNed kenmerk
    title: str = ""
    buyer_name: str = ""
    buyer_id: str = ""
    cpv: tuple[str, ...] = ()
    kind: str | None = None
    estimated: Decimal | None = None
    awarded_value: Decimal | None = None
    award_date: dt.date | None = None
    winner_name: str = ""
    winner_kvk: str = ""
    winner_country: str = ""
    contract_start: dt.date | None = None
    contract_end: dt.date | None = None
    url: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Notice:
    """One procedure, folded from all its notices."""

    ocid: str
    publication_ids: tuple[str, ...]
    reference: str
    title: str
    buyer_name: str
    buyer_id: str
    cpv: tuple[str, ...]
    kind: str | None
    estimated: Decimal | None
    awarded_value: Decimal | None
    published: dt.date | None
    award_date: dt.date | None
    winner_name: str
    winner_kvk: str
    winner_country: str
    contract_start: dt.date | None
    contract_end: dt.date | None
    url: str

    @property
    def value(self) -> Decimal | None:
        """The value the rule is applied to: the latest estimate, else the awarded value."""
        return self.estimated if self.estimated is not None else self.awarded_value

    def fingerprint(self) -> str:
        """A digest of every fact: a newer file with the same facts changes nothing."""
        data = {k: _plain(v) for k, v in self.__dict__.items()}
        text = json.dumps(data, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date | Decimal):
        return str(value)
    if isinstance(value, tuple):
        return list(value)
    return value


def _latest_text(parts: Sequence[NoticePart], name: str) -> str:
    for part in reversed(parts):
        value = getattr(part, name)
        if value:
            return str(value)
    return ""


def _latest(parts: Sequence[NoticePart], name: str) -> Any:
    for part in reversed(parts):
        value = getattr(part, name)
        if value is not None and value != ():
            return value
    return None


def _order(part: NoticePart) -> tuple[dt.date, str]:
    return (part.date or dt.date.min, part.publication_id)


def fold(parts: Iterable[NoticePart]) -> list[Notice]:
    """The procedures in the parts, one :class:`Notice` each, in order of first publication."""
    groups: dict[str, list[NoticePart]] = {}
    for part in parts:
        groups.setdefault(part.ocid, []).append(part)
    notices = []
    for ocid, group in groups.items():
        group.sort(key=_order)
        dates = [p.date for p in group if p.date is not None]
        notices.append(
            Notice(
                ocid=ocid,
                publication_ids=tuple(
                    dict.fromkeys(p.publication_id for p in group if p.publication_id)
                ),
                reference=_latest_text(group, "reference"),
                title=_latest_text(group, "title"),
                buyer_name=_latest_text(group, "buyer_name"),
                buyer_id=_latest_text(group, "buyer_id"),
                cpv=_latest(group, "cpv") or (),
                kind=_latest(group, "kind"),
                estimated=_latest(group, "estimated"),
                awarded_value=_latest(group, "awarded_value"),
                published=min(dates) if dates else None,
                award_date=_latest(group, "award_date"),
                winner_name=_latest_text(group, "winner_name"),
                winner_kvk=_latest_text(group, "winner_kvk"),
                winner_country=_latest_text(group, "winner_country"),
                contract_start=_latest(group, "contract_start"),
                contract_end=_latest(group, "contract_end"),
                url=_latest_text(group, "url"),
            )
        )
    notices.sort(key=lambda n: (n.published or dt.date.min, n.ocid))
    return notices


def fold_name(text: str) -> str:
    """A name for comparing: case, spaces and punctuation do not count."""
    return re.sub(r"[^0-9a-z]+", " ", text.casefold()).strip()


@dataclass(frozen=True)
class OrganisationFilter:
    """The contracting authorities asked for, by name or identifier; empty takes all."""

    wanted: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "wanted", tuple(fold_name(w) for w in self.wanted if w.strip()))

    def matches(self, name: str, identifier: str) -> bool:
        if not self.wanted:
            return True
        keys = {fold_name(name), fold_name(identifier)} - {""}
        return any(w in keys for w in self.wanted)


# -- CPV → category suggestions and Annex XIV ----------------------------------------------


@dataclass(frozen=True)
class CpvRow:
    """One row of the suggestion table: a CPV prefix and the category per category set."""

    prefix: str
    categories: Mapping[str, str]  # set id → category code
    confirmed: bool
    source: str
    note: str = ""


@dataclass(frozen=True)
class Suggestion:
    category: str | None
    confirmed: bool  # confirmed by a source, or by the buyer
    by_buyer: bool
    prefix: str = ""
    source: str = ""


@dataclass(frozen=True)
class CpvTable:
    """The suggestion table (reference data) and the Annex XIV list."""

    rows: tuple[CpvRow, ...]
    sources: Mapping[str, str]
    annex_xiv: tuple[tuple[str, str], ...]  # (first, last) eight-digit codes, inclusive
    _by_prefix: dict[str, CpvRow] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_prefix.update({row.prefix: row for row in self.rows})

    def suggest(
        self, cpv: Sequence[str], set_id: str, choices: Mapping[str, str] | None = None
    ) -> Suggestion:
        """The category for a notice's codes: the buyer's remembered choice for the main
        code first (longest prefix), else the table's longest matching prefix of the main
        code, then of the other codes in order."""
        choices = choices or {}
        for code in cpv[:1]:
            digits = cpv_digits(code)
            for length in range(8, 1, -1):
                chosen = choices.get(digits[:length])
                if chosen:
                    return Suggestion(chosen, True, True, digits[:length], "buyer")
        for code in cpv:
            digits = cpv_digits(code)
            for length in range(8, 1, -1):
                row = self._by_prefix.get(digits[:length])
                if row is not None and set_id in row.categories:
                    return Suggestion(
                        row.categories[set_id], row.confirmed, False, row.prefix, row.source
                    )
        return Suggestion(None, False, False)

    def is_annex_xiv(self, cpv: Sequence[str]) -> bool:
        """Whether the main CPV code is a social or other specific service (Annex XIV)."""
        if not cpv:
            return False
        digits = cpv_digits(cpv[0])
        return any(first <= digits <= last for first, last in self.annex_xiv)


def _upper(code: str) -> str:
    """The last code under ``code``'s branch: trailing zeros become nines."""
    stripped = code.rstrip("0")
    return stripped + "9" * (8 - len(stripped))


def load_cpv_table(text: str, filename: str = "cpv_categories.json") -> CpvTable:
    """Read the table; a broken file names the file and the field."""

    def fail(where: str, problem: str) -> ReferenceDataError:
        return ReferenceDataError(
            "reference_data_invalid", file=filename, field=where, problem=problem
        )

    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise fail(f"line {exc.lineno}", exc.msg) from None
    if not isinstance(data, dict):
        raise fail("(top)", "expected an object")
    sources = data.get("sources")
    if not isinstance(sources, dict):
        raise fail("sources", "expected an object")
    rows = []
    for i, raw in enumerate(data.get("suggestions") or []):
        where = f"suggestions[{i}]"
        if not isinstance(raw, dict):
            raise fail(where, "expected an object")
        prefix = str(raw.get("prefix", ""))
        if not re.fullmatch(r"\d{2,8}", prefix):
            raise fail(f"{where}.prefix", "two to eight digits")
        categories = raw.get("categories")
        if not isinstance(categories, dict) or not categories:
            raise fail(f"{where}.categories", "expected an object of set → category")
        source = str(raw.get("source", ""))
        if source not in sources:
            raise fail(f"{where}.source", f"unknown source {source!r}")
        if not isinstance(raw.get("confirmed"), bool):
            raise fail(f"{where}.confirmed", "expected true or false")
        rows.append(
            CpvRow(
                prefix,
                {str(k): str(v) for k, v in categories.items()},
                raw["confirmed"],
                source,
                str(raw.get("note", "")),
            )
        )
    annex = []
    for i, raw in enumerate(data.get("annex_xiv") or []):
        where = f"annex_xiv[{i}]"
        if not isinstance(raw, dict):
            raise fail(where, "expected an object")
        first = str(raw.get("from", raw.get("code", "")))[:8]
        last = str(raw.get("to", first))[:8]
        if not (re.fullmatch(r"\d{8}", first) and re.fullmatch(r"\d{8}", last)):
            raise fail(where, "eight-digit codes expected")
        annex.append((first, _upper(last)))
    return CpvTable(
        tuple(rows), {k: str(v.get("title", k)) for k, v in sources.items()}, tuple(annex)
    )


# -- the review ---------------------------------------------------------------------------

INCOMPLETE = "incomplete"
"""The verdict of a notice without a kind, a value or a publication date."""


@dataclass(frozen=True)
class Check:
    """A notice through the applicability rule."""

    category: str | None  # the suggested (or chosen) category, None when none fits
    category_confirmed: bool
    kind: str | None  # the kind the rule was applied with (Annex XIV: social-services)
    annex_xiv: bool
    value: Decimal | None
    verdict: str
    mandatory: bool
    threshold: int | None
    missing: tuple[str, ...]  # what the notice lacks for a verdict


def check_notice(
    notice: Notice,
    table: CpvTable,
    reference: Reference,
    choices: Mapping[str, str] | None = None,
    category: str | None = None,
) -> Check:
    """The rule applied to a notice: its kind from ``mainProcurementCategory`` (a service
    whose main CPV code is in Annex XIV as ``social-services`` where the reference data
    knows that regime), the category suggested for its CPV codes in the set in force on
    its first publication (or ``category`` when the buyer chose one), the latest
    estimated value (else the awarded value)."""
    annex = table.is_annex_xiv(notice.cpv)
    kind = notice.kind
    if kind == "services" and annex and SOCIAL_SERVICES in KINDS:
        kind = SOCIAL_SERVICES
    missing = tuple(
        name
        for name, value in (
            ("kind", kind),
            ("value", notice.value),
            ("published", notice.published),
        )
        if value is None
    )
    suggestion = Suggestion(category, True, True) if category else None
    if notice.published is not None and suggestion is None:
        set_id = reference.set_in_force(notice.published).id
        suggestion = table.suggest(notice.cpv, set_id, choices)
    chosen = suggestion.category if suggestion else None
    confirmed = suggestion.confirmed if suggestion else False
    if missing:
        return Check(chosen, confirmed, kind, annex, notice.value, INCOMPLETE, False, None, missing)
    assert kind is not None and notice.value is not None and notice.published is not None
    try:
        result = applicability(
            reference, chosen or OUTSIDE_CATEGORIES, kind, notice.value, notice.published
        )
    except ValidationError:  # a remembered category no longer in the reference data
        result = applicability(reference, OUTSIDE_CATEGORIES, kind, notice.value, notice.published)
    return Check(
        chosen,
        confirmed,
        kind,
        annex,
        notice.value,
        result.verdict.value,
        result.mandatory,
        result.threshold,
        (),
    )
