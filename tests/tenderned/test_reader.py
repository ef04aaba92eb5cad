"""Reading TenderNed's release package and workbook, folding notices per procedure."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from app.domain.errors import UsageError, ValidationError
from app.domain.tenderned import OrganisationFilter, cpv_from_text, fold, normalise_cpv
from app.io.tenderned import iter_releases, read_open_data, read_release_package
from tests.tenderned import make_open_data as mk

MINISTRY = OrganisationFilter((mk.MINISTRY,))


@pytest.fixture
def package(tmp_path: Path) -> Path:
    return mk.write_package(tmp_path / "package.json", mk.releases_of(mk.ministry_year()))


def _by_ref(notices: list) -> dict:  # type: ignore[type-arg]
    return {n.reference: n for n in notices}


def test_the_package_gives_the_ministrys_procedures_folded(package: Path) -> None:
    result = read_release_package(package, MINISTRY)
    assert result.read == 9  # every release was read, the municipality's too
    notices = _by_ref(fold(result.parts))
    assert sorted(notices) == [f"2025-10000{i}" for i in range(1, 7)]  # not 2025-200001
    laptops = notices["2025-100001"]
    assert laptops.ocid == "ocds-1l04xe-2025-100001"
    assert laptops.publication_ids == ("1", "2", "3")  # notice, correction, award: one tender
    assert laptops.published == dt.date(2025, 2, 3)  # the first publication
    assert laptops.estimated == Decimal(400000)  # the correction's, the latest estimate
    assert laptops.awarded_value == Decimal(380000)
    assert laptops.award_date == dt.date(2025, 5, 10)
    assert laptops.cpv == ("30213100-6", "30231300-0")  # main code first
    assert laptops.kind == "supplies"
    assert (laptops.winner_name, laptops.winner_kvk, laptops.winner_country) == (
        "Laptop Leverancier B.V.",
        "12345678",
        "Nederland",
    )
    assert (laptops.contract_start, laptops.contract_end) == (
        dt.date(2025, 6, 1),
        dt.date(2028, 5, 31),
    )
    assert laptops.url == "https://www.tenderned.nl/aankondigingen/overzicht/3"
    assert notices["2025-100004"].cpv == ()  # a notice without CPV codes
    energy = notices["2025-100005"]  # an award notice only: no estimate, the awarded value
    assert energy.estimated is None and energy.value == Decimal(2000000)
    assert notices["2025-100006"].kind == "works"


def test_filter_by_identifier_and_by_several_names(package: Path) -> None:
    by_id = fold(read_release_package(package, OrganisationFilter((mk.MUNICIPALITY_ID,))).parts)
    assert [n.reference for n in by_id] == ["2025-200001"]
    both = OrganisationFilter(("ministerie van proefzaken ", "GEMEENTE VOORBEELDSTAD"))
    assert len(fold(read_release_package(package, both).parts)) == 7
    assert len(fold(read_release_package(package, OrganisationFilter()).parts)) == 7


def test_a_package_read_in_small_chunks_gives_the_same(
    package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = list(iter_releases(package))
    monkeypatch.setattr("app.io.tenderned.CHUNK", 7)  # values split across every boundary
    top: dict[str, object] = {}
    assert list(iter_releases(package, top)) == whole
    assert top["version"] == "1.1" and "releases" not in top
    assert whole == json.loads(package.read_text(encoding="utf-8"), parse_float=Decimal)["releases"]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('{"uri": "x", "releases": [{"ocid": "a"}, {"ocid": "b"', "Expecting"),
        ('{"releases": [1, 2]}', "not an object"),
        ('{"records": []}', "no 'releases'"),
        ("[]", "expected '{'"),
        ('{"releases": []} extra', "more after"),
        ("", "expected '{'"),
        ('{"releases": [{"ocid": "a"} {"ocid": "b"}]}', "expected ','"),
    ],
)
def test_a_malformed_package_is_refused_naming_the_place(
    tmp_path: Path, text: str, problem: str
) -> None:
    path = tmp_path / "broken.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        read_release_package(path, OrganisationFilter())
    assert caught.value.code == "tn_unreadable"
    assert problem in caught.value.params["problem"]
    assert caught.value.params["path"] == "broken.json"


def test_a_truncated_package_names_the_character(tmp_path: Path, package: Path) -> None:
    cut = tmp_path / "cut.json"
    cut.write_bytes(package.read_bytes()[:3000])
    with pytest.raises(UsageError) as caught:
        read_release_package(cut, MINISTRY)
    assert caught.value.params["where"].startswith("character ")


def test_the_workbook_gives_the_same_tenders_as_the_package(tmp_path: Path, package: Path) -> None:
    book = mk.write_workbook(tmp_path / "book.xlsx", mk.ministry_year())
    from_book = _by_ref(fold(read_open_data(book, MINISTRY).parts))
    from_json = _by_ref(fold(read_release_package(package, MINISTRY).parts))
    assert sorted(from_book) == sorted(from_json)
    for ref, notice in from_json.items():
        other = from_book[ref]
        assert other.ocid == notice.ocid
        assert (other.published, other.estimated, other.awarded_value, other.award_date) == (
            notice.published,
            notice.estimated,
            notice.awarded_value,
            notice.award_date,
        )
        assert (other.cpv, other.kind, other.winner_name, other.winner_kvk) == (
            notice.cpv,
            notice.kind,
            notice.winner_name,
            notice.winner_kvk,
        )


def test_a_workbook_with_extra_and_missing_columns(tmp_path: Path) -> None:
    columns = [c for c in mk.COLUMNS if c not in ("CPV-codes", "Geraamde waarde")]
    book = mk.write_workbook(
        tmp_path / "book.xlsx", mk.ministry_year(), columns, extra=["Nieuwe kolom", "NUTS-code"]
    )
    result = read_open_data(book, MINISTRY)
    assert "CPV-codes" in result.missing_columns and "Geraamde waarde" in result.missing_columns
    notices = _by_ref(fold(result.parts))
    assert len(notices) == 6
    assert notices["2025-100001"].cpv == () and notices["2025-100001"].estimated is None
    assert notices["2025-100001"].awarded_value == Decimal(380000)


def test_a_workbook_without_a_required_column_is_refused(tmp_path: Path) -> None:
    columns = [c for c in mk.COLUMNS if c != "Naam aanbestedende dienst"]
    book = mk.write_workbook(tmp_path / "book.xlsx", mk.ministry_year(), columns)
    with pytest.raises(UsageError) as caught:
        read_open_data(book, MINISTRY)
    assert caught.value.code == "tn_columns_missing"
    assert caught.value.params["columns"] == "Naam aanbestedende dienst"


def test_a_file_that_is_neither_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(UsageError):
        read_open_data(fake, MINISTRY)
    csv = tmp_path / "data.csv"
    csv.write_text("ID publicatie;Naam\n1;x\n", encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        read_open_data(csv, MINISTRY)
    assert caught.value.code == "tn_unreadable"


def test_cpv_codes_are_normalised_and_checked() -> None:
    assert normalise_cpv(" 30213100-6 ") == "30213100-6"
    assert normalise_cpv("30.21.31.00") == "30213100"
    for bad in ("3021310", "30213100-", "abc", "302131006-1"):
        with pytest.raises(ValidationError):
            normalise_cpv(bad)
    assert cpv_from_text("30213100-6 (Draagbare computers); 30231300-0, 123") == (
        "30213100-6",
        "30231300-0",
    )
