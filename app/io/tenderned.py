"""Reading TenderNed's open data: the OCDS release package (JSON) or the XLSX workbook.

The release package of a year is large (hundreds of megabytes), so it is never read
whole: :func:`iter_releases` walks the top-level object and decodes the ``releases``
array one release at a time with the standard library's C decoder, holding at most a
chunk of text and one release. A file that is not a release package, or is cut off or
damaged, is refused with one sentence naming the file and where it went wrong.

The workbook is read through the supplier-workbook reader's guard (container, zip bomb,
grid bounds: :func:`app.io.xlsx_guard.guarded_rows`); its data sheet has Dutch column
names; extra columns are ignored, missing optional ones are reported, a missing required
one refuses the file.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from app.domain.errors import CancelledError, UsageError
from app.domain.tenderned import (
    KIND_FROM_OCDS,
    TENDERNED_OCID_PREFIX,
    NoticePart,
    OrganisationFilter,
    cpv_from_text,
    normalise_cpv_list,
)

CHUNK = 1 << 20  # characters read at a time
NOTICE_URL = "https://www.tenderned.nl/aankondigingen/overzicht/{}"

Progress = Callable[[int], None]
Cancelled = Callable[[], bool]


@dataclass
class ReadResult:
    """What a reader found: the parts for the organisations, and how much was read."""

    parts: list[NoticePart] = field(default_factory=list)
    read: int = 0  # releases or rows read
    missing_columns: tuple[str, ...] = ()


def _unreadable(path: Path, problem: str, where: str = "") -> UsageError:
    return UsageError("tn_unreadable", path=path.name, problem=problem, where=where or "-")


# -- the JSON release package --------------------------------------------------------------


class _Stream:
    """Text read in chunks, with a position; decodes one JSON value at a time."""

    def __init__(self, handle: Any, path: Path) -> None:
        self.handle = handle
        self.path = path
        self.buffer = ""
        self.pos = 0
        self.eof = False
        self.consumed = 0  # characters dropped from the front of the buffer
        self.decoder = json.JSONDecoder(parse_float=Decimal)

    def _more(self) -> bool:
        if self.eof:
            return False
        chunk = self.handle.read(CHUNK)
        if not chunk:
            self.eof = True
            return False
        self.consumed += self.pos
        self.buffer = self.buffer[self.pos :] + chunk
        self.pos = 0
        return True

    def where(self) -> str:
        return f"character {self.consumed + self.pos}"

    def skip_space(self) -> str:
        """The next character that is not white space ('' at the end of the file)."""
        while True:
            buffer, pos, size = self.buffer, self.pos, len(self.buffer)
            while pos < size and buffer[pos] in " \t\r\n":
                pos += 1
            self.pos = pos
            if pos < size:
                return buffer[pos]
            if not self._more():
                return ""

    def expect(self, char: str) -> None:
        if self.skip_space() != char:
            found = self.skip_space() or "the end of the file"
            raise _unreadable(self.path, f"expected '{char}', found {found[:1]!r}", self.where())
        self.pos += 1

    def value(self) -> Any:
        """The next JSON value (white space before it skipped)."""
        self.skip_space()
        while True:
            try:
                result, end = self.decoder.raw_decode(self.buffer, self.pos)
            except json.JSONDecodeError as exc:
                if self._more():
                    continue
                where = f"character {self.consumed + exc.pos}"
                raise _unreadable(self.path, exc.msg, where) from None
            if end == len(self.buffer) and self._more():  # a number may go on in the next chunk
                continue
            self.pos = end
            return result


def iter_releases(
    path: Path, top: dict[str, Any] | None = None, cancelled: Cancelled | None = None
) -> Iterator[Mapping[str, Any]]:
    """Each release of the package in order; the other top-level fields go into ``top``."""
    try:
        handle = path.open(encoding="utf-8-sig")
    except OSError as exc:
        raise _unreadable(path, exc.strerror or type(exc).__name__) from None
    with handle:
        stream = _Stream(handle, path)
        seen_releases = False
        try:
            stream.expect("{")
            if stream.skip_space() == "}":
                stream.pos += 1
            else:
                while True:
                    key = stream.value()
                    if not isinstance(key, str):
                        raise _unreadable(path, "expected a field name", stream.where())
                    stream.expect(":")
                    if key == "releases":
                        seen_releases = True
                        yield from _array(stream, cancelled)
                    else:
                        found = stream.value()
                        if top is not None:
                            top[key] = found
                    following = stream.skip_space()
                    stream.pos += 1
                    if following == "}":
                        break
                    if following != ",":
                        raise _unreadable(path, "expected ',' or '}'", stream.where())
        except UnicodeDecodeError:
            raise _unreadable(path, "not UTF-8 text") from None
        if stream.skip_space() != "":
            raise _unreadable(path, "more after the package's end", stream.where())
        if not seen_releases:
            raise _unreadable(path, "no 'releases' list: not an OCDS release package")


def _array(stream: _Stream, cancelled: Cancelled | None) -> Iterator[Mapping[str, Any]]:
    stream.expect("[")
    if stream.skip_space() == "]":
        stream.pos += 1
        return
    count = 0
    while True:
        release = stream.value()
        if not isinstance(release, dict):
            raise _unreadable(stream.path, "a release is not an object", stream.where())
        yield release
        count += 1
        if cancelled is not None and count % 1000 == 0 and cancelled():
            raise CancelledError()
        following = stream.skip_space()
        stream.pos += 1
        if following == "]":
            return
        if following != ",":
            raise _unreadable(stream.path, "expected ',' or ']'", stream.where())


def _date(text: Any) -> dt.date | None:
    if not isinstance(text, str) or len(text) < 10:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _amount(value: Any) -> Decimal | None:
    if not isinstance(value, dict):
        return None
    amount = value.get("amount")
    if isinstance(amount, bool) or not isinstance(amount, int | Decimal | float | str):
        return None
    try:
        result = Decimal(str(amount))
    except InvalidOperation:
        return None
    return result if result.is_finite() and result >= 0 else None


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _party_with_role(release: Mapping[str, Any], role: str) -> Mapping[str, Any]:
    for party in release.get("parties") or ():
        if isinstance(party, dict) and role in (party.get("roles") or ()):
            return party
    return {}


def _kvk(party: Mapping[str, Any]) -> str:
    identifiers = [party.get("identifier"), *(party.get("additionalIdentifiers") or ())]
    for ident in identifiers:
        if isinstance(ident, dict) and "KVK" in _text(ident.get("scheme")).upper():
            digits = _text(str(ident.get("id", "")))
            if digits.isdigit() and len(digits) == 8:
                return digits
    return ""


def _cpv_codes(tender: Mapping[str, Any]) -> tuple[str, ...]:
    codes: list[str] = []
    classifications: list[Any] = []
    for item in tender.get("items") or ():
        if isinstance(item, dict):
            classifications.append(item.get("classification"))
            classifications.extend(item.get("additionalClassifications") or ())
    for cls in classifications:
        if isinstance(cls, dict) and _text(cls.get("scheme")).upper() == "CPV":
            codes.extend(cpv_from_text(str(cls.get("id", ""))))
    return normalise_cpv_list(codes)


def release_part(release: Mapping[str, Any]) -> NoticePart | None:
    """The facts of one release, or None when it has no OCID."""
    ocid = _text(release.get("ocid"))
    if not ocid:
        return None
    tender = release.get("tender") if isinstance(release.get("tender"), dict) else {}
    assert isinstance(tender, dict)
    buyer = release.get("buyer") if isinstance(release.get("buyer"), dict) else {}
    assert isinstance(buyer, dict)
    buyer_party = _party_with_role(release, "buyer")
    buyer_ident = buyer_party.get("identifier") if isinstance(buyer_party, dict) else None
    awards = [a for a in release.get("awards") or () if isinstance(a, dict)]
    award = awards[-1] if awards else {}
    contracts = [c for c in release.get("contracts") or () if isinstance(c, dict)]
    period = (contracts[-1].get("period") if contracts else None) or award.get("contractPeriod")
    period = period if isinstance(period, dict) else {}
    winner: Mapping[str, Any] = {}
    suppliers = [s for s in award.get("suppliers") or () if isinstance(s, dict)]
    if suppliers:
        wanted = suppliers[0].get("id")
        winner = next(
            (
                p
                for p in release.get("parties") or ()
                if isinstance(p, dict) and wanted is not None and p.get("id") == wanted
            ),
            suppliers[0],
        )
    address = winner.get("address") if isinstance(winner.get("address"), dict) else {}
    assert isinstance(address, dict)
    publication_id = _text(str(release.get("id", "")))
    url = ""
    for doc in tender.get("documents") or ():
        if isinstance(doc, dict) and _text(doc.get("url")).startswith("https://"):
            url = _text(doc.get("url"))
            break
    if not url and publication_id.isdigit():
        url = NOTICE_URL.format(publication_id)
    tags = tuple(t for t in release.get("tag") or () if isinstance(t, str))
    return NoticePart(
        ocid=ocid,
        date=_date(release.get("date")),
        publication_id=publication_id,
        reference=_text(str(tender.get("id", ""))),
        title=_text(tender.get("title")),
        buyer_name=_text(buyer.get("name")) or _text(buyer_party.get("name")),
        buyer_id=_text(str(buyer.get("id", "")))
        or (_text(str(buyer_ident.get("id", ""))) if isinstance(buyer_ident, dict) else ""),
        cpv=_cpv_codes(tender),
        kind=KIND_FROM_OCDS.get(_text(tender.get("mainProcurementCategory"))),
        estimated=_amount(tender.get("value")),
        awarded_value=_amount(award.get("value")),
        award_date=_date(award.get("date")),
        winner_name=_text(winner.get("name")),
        winner_kvk=_kvk(winner),
        winner_country=_text(address.get("countryName")),
        contract_start=_date(period.get("startDate")),
        contract_end=_date(period.get("endDate")),
        url=url,
        tags=tags,
    )


def _buyer_keys(release: Mapping[str, Any]) -> tuple[str, str]:
    buyer = release.get("buyer")
    name = ident = ""
    if isinstance(buyer, dict):
        name, ident = _text(buyer.get("name")), _text(str(buyer.get("id", "")))
    party = _party_with_role(release, "buyer")
    if not name:
        name = _text(party.get("name"))
    if not ident and isinstance(party.get("identifier"), dict):
        ident = _text(str(party["identifier"].get("id", "")))
    return name, ident


def read_release_package(
    path: Path,
    organisations: OrganisationFilter,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ReadResult:
    """The notices of the named contracting authorities in an OCDS release package."""
    result = ReadResult()
    for release in iter_releases(path, cancelled=cancelled):
        result.read += 1
        if progress is not None and result.read % 5000 == 0:
            progress(result.read)
        name, ident = _buyer_keys(release)
        if not organisations.matches(name, ident):
            continue
        part = release_part(release)
        if part is not None:
            result.parts.append(part)
    return result


# -- the XLSX workbook -----------------------------------------------------------------------

# Column names as TenderNed's data sheet spells them (case and spacing do not count), per
# field; several spellings where the workbook's years differ.
XLSX_COLUMNS: dict[str, tuple[str, ...]] = {
    "publication_id": ("ID publicatie", "Publicatie ID"),
    "reference": ("TenderNed kenmerk", "Kenmerk"),
    "date": ("Publicatiedatum", "Datum publicatie"),
    "buyer_name": ("Naam aanbestedende dienst", "Aanbestedende dienst"),
    "buyer_id": (
        "AD kvknummer",
        "KvK-nummer aanbestedende dienst",
        "Nationaal ID aanbestedende dienst",
    ),
    "title": ("Naam aanbesteding", "Titel", "Omschrijving opdracht"),
    "cpv": ("CPV-codes", "CPV codes", "Hoofd CPV-code"),
    "kind": ("Type opdracht", "Soort opdracht"),
    "estimated": ("Geraamde waarde", "Geschatte waarde", "Geraamde totale waarde"),
    "awarded_value": ("Waarde gegunde opdracht", "Definitieve waarde", "Gegunde waarde"),
    "award_date": ("Datum gunning", "Gunningsdatum"),
    "winner_name": ("Naam gegunde onderneming",),
    "winner_kvk": ("ON kvknummer", "KvK-nummer gegunde onderneming"),
    "winner_country": ("Land gegunde onderneming", "ON land"),
    "url": ("Link TenderNed", "URL TenderNed", "Publicatie link"),
    "notice_type": ("Type publicatie", "Publicatietype"),
}
REQUIRED = ("publication_id", "date", "buyer_name")
KIND_WORDS = {
    "leveringen": "supplies",
    "levering": "supplies",
    "diensten": "services",
    "dienst": "services",
    "werken": "works",
    "werk": "works",
    "supplies": "supplies",
    "goods": "supplies",
    "services": "services",
    "works": "works",
}
DATA_SHEETS = ("data", "dataset", "aankondigingen", "publicaties", "gegevens")


def _header_key(text: Any) -> str:
    return " ".join(str(text or "").replace("-", " ").replace("_", " ").casefold().split())


def _cell_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value or "").strip()
    if not text:
        return None
    from app.domain.calendar import parse_iso_date

    try:
        return parse_iso_date(text[:10])
    except ValueError:
        return None


def _cell_amount(value: Any) -> Decimal | None:
    if isinstance(value, bool) or value is None or value == "":
        return None
    if isinstance(value, int | float):
        result = Decimal(str(value))
    else:
        text = str(value).replace("€", "").replace("EUR", "").strip()
        if "," in text:  # Dutch notation: 1.234.567,89
            text = text.replace(".", "").replace(",", ".")
        try:
            result = Decimal(text.replace(" ", ""))
        except InvalidOperation:
            return None
    return result if result.is_finite() and result >= 0 else None


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_workbook(
    path: Path,
    organisations: OrganisationFilter,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ReadResult:
    """The notices of the named contracting authorities in TenderNed's XLSX workbook."""
    from app.io.xlsx_guard import guarded_rows

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _unreadable(path, exc.strerror or type(exc).__name__) from None
    rows = guarded_rows(data, path.name, _pick_sheet)
    header_row = next(rows, None)
    if header_row is None:
        raise _unreadable(path, "the data sheet is empty")
    keys = [_header_key(h) for h in header_row]
    where: dict[str, int] = {}
    for name, spellings in XLSX_COLUMNS.items():
        for spelling in spellings:
            key = _header_key(spelling)
            if key in keys:
                where[name] = keys.index(key)
                break
    missing = [XLSX_COLUMNS[n][0] for n in REQUIRED if n not in where]
    if missing:
        raise UsageError("tn_columns_missing", path=path.name, columns=", ".join(missing))
    result = ReadResult(
        missing_columns=tuple(XLSX_COLUMNS[n][0] for n in XLSX_COLUMNS if n not in where)
    )

    def cell(row: list[Any], name: str) -> Any:
        index = where.get(name)
        return row[index] if index is not None and index < len(row) else None

    for row in rows:
        if not any(_cell_text(v) for v in row):
            continue
        result.read += 1
        if cancelled is not None and result.read % 1000 == 0 and cancelled():
            raise CancelledError()
        if progress is not None and result.read % 5000 == 0:
            progress(result.read)
        buyer_name = _cell_text(cell(row, "buyer_name"))
        buyer_id = _cell_text(cell(row, "buyer_id"))
        if not organisations.matches(buyer_name, buyer_id):
            continue
        reference = _cell_text(cell(row, "reference"))
        publication_id = _cell_text(cell(row, "publication_id"))
        if not (reference or publication_id):
            continue
        # TenderNed's OCID is its prefix and the procedure's TenderNed reference
        ocid = TENDERNED_OCID_PREFIX + (reference or publication_id)
        kvk = _cell_text(cell(row, "winner_kvk"))
        url = _cell_text(cell(row, "url"))
        if not url.startswith("https://") and publication_id.isdigit():
            url = NOTICE_URL.format(publication_id)
        result.parts.append(
            NoticePart(
                ocid=ocid,
                date=_cell_date(cell(row, "date")),
                publication_id=publication_id,
                reference=reference,
                title=_cell_text(cell(row, "title")),
                buyer_name=buyer_name,
                buyer_id=buyer_id,
                cpv=cpv_from_text(_cell_text(cell(row, "cpv"))),
                kind=KIND_WORDS.get(_cell_text(cell(row, "kind")).casefold()),
                estimated=_cell_amount(cell(row, "estimated")),
                awarded_value=_cell_amount(cell(row, "awarded_value")),
                award_date=_cell_date(cell(row, "award_date")),
                winner_name=_cell_text(cell(row, "winner_name")),
                winner_kvk=kvk if kvk.isdigit() and len(kvk) == 8 else "",
                winner_country=_cell_text(cell(row, "winner_country")),
                url=url if url.startswith("https://") else "",
            )
        )
    return result


def _pick_sheet(names: list[str]) -> str | None:
    """The data sheet: one named as such, else the first that is not the OCDS mapping."""
    for name in names:
        if _header_key(name) in DATA_SHEETS:
            return name
    for name in names:
        if "ocds" not in name.casefold() and "toelichting" not in name.casefold():
            return name
    return None


def read_open_data(
    path: Path,
    organisations: OrganisationFilter,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ReadResult:
    """Either kind of file, told apart by its first bytes (a zip is the workbook)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4)
    except OSError as exc:
        raise _unreadable(path, exc.strerror or type(exc).__name__) from None
    if head.startswith(b"PK"):
        return read_workbook(path, organisations, progress=progress, cancelled=cancelled)
    return read_release_package(path, organisations, progress=progress, cancelled=cancelled)
