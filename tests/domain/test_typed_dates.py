"""One parser for dates as people type them, used by the window and the command line."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.calendar import parse_typed_date

MARCH_1 = dt.date(2027, 3, 1)


@pytest.mark.parametrize(
    "text",
    ["01-03-2027", "1-3-2027", "01032027", "2027-03-01", " 1-3-2027 ", "1/3/2027", "01.03.2027"],
)
def test_every_form_gives_the_same_day(text: str) -> None:
    assert parse_typed_date(text) == MARCH_1


@pytest.mark.parametrize(
    "text",
    [
        "",
        "06-03--",
        "31-02-2027",  # no such day
        "2027-13-01",
        "1-3-27",  # a two-digit year is ambiguous
        "0103202",
        "010320277",
        "2027/3/1/1",
        "tomorrow",
        "١-٣-٢٠٢٧",  # digits of another script
    ],
)
def test_what_is_no_date_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_typed_date(text)


def test_a_leap_day_only_in_a_leap_year() -> None:
    assert parse_typed_date("29022028") == dt.date(2028, 2, 29)
    with pytest.raises(ValueError):
        parse_typed_date("29-02-2027")


def test_counts_agree_with_their_noun() -> None:
    from app.domain.messages import Catalog, apply_plurals

    template = "{n} {n|waarschuwing|waarschuwingen}"
    assert apply_plurals(template, {"n": 1}).format(n=1) == "1 waarschuwing"
    assert apply_plurals(template, {"n": 0}).format(n=0) == "0 waarschuwingen"
    assert apply_plurals(template, {"n": 2}).format(n=2) == "2 waarschuwingen"
    catalog = Catalog(
        {"x": {"nl": "{t} {t|aanbesteding|aanbestedingen}", "en": "{t} {t|tender|tenders}"}}
    )
    assert catalog.text("x", "nl", t=1) == "1 aanbesteding"
    assert catalog.text("x", "en", t=2) == "2 tenders"
