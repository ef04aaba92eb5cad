"""The IMVO covenants' years are not confirmed in the reference data (DOMAIN.md): the
user sets them in the settings (``initiative_years``), as the ISV's start and the set
of eight's start are set. The texts and the category pages follow the setting: a
covenant outside its years is not offered, and its years show."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from app import locator, settings
from app.domain.errors import ReferenceDataError
from app.domain.reference import FILES, load_reference
from app.services import clauses
from tests.clauses.test_service import add_tender

ENERGY = "IMVO covenant renewable energy"
NAME = {"nl": "IMVO-convenant duurzame energie", "en": "Responsible business agreement"}


def _files() -> dict[str, str]:
    return {name: locator.resource_text(name) for name in FILES}


def _set_years(first: int | None, last: int | None) -> None:
    current = settings.load()
    current.initiative_years = {ENERGY: (first, last)}
    settings.save(current)
    assert settings.load().initiative_years == {ENERGY: (first, last)}
    locator.reset_caches()  # as the window does after a change of the settings


def test_the_data_leaves_the_covenants_years_open_and_unconfirmed() -> None:
    item = load_reference(_files().__getitem__).initiatives[ENERGY]
    assert (item.first, item.last, item.years_confirmed, item.years_set) == (
        None,
        None,
        False,
        False,
    )


def test_the_setting_gives_the_years_and_refuses_what_it_cannot_set() -> None:
    read = _files().__getitem__
    item = load_reference(read, initiative_years={ENERGY: (2018, 2023)}).initiatives[ENERGY]
    assert (item.first, item.last, item.years_set, item.years()) == (2018, 2023, True, "2018–2023")
    assert not item.active_in(2026) and item.active_in(2020)
    for years, code in (
        ({"No such covenant": (2018, 2020)}, "settings_initiative_not_settable"),
        ({"Textile covenant": (2016, 2030)}, "settings_initiative_not_settable"),
        ({ENERGY: (2023, 2018)}, "settings_initiative_years_reversed"),
    ):
        with pytest.raises(ReferenceDataError) as caught:
            load_reference(read, initiative_years=years)
        assert caught.value.code == code
        said = locator.message(code, "nl", **caught.value.params)
        assert "settings.json" in said and f"initiative_years.{next(iter(years))}" in said
        if code.endswith("not_settable"):
            assert ENERGY in said  # names what can be set
        english = locator.message(code, "en", **caught.value.params)
        assert "Change or remove the setting" in english


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_texts_follow_the_setting(ctx: Any, isolated_home: Path, lang: str) -> None:
    add_tender(ctx, category="energie")
    choices = clauses.ClauseChoices(generated_on=dt.date(2026, 3, 1))

    def text() -> str:
        ctx.reference = locator.reference()  # a command started after the change
        generated = clauses.generate(ctx, "T-1", fmt="md", lang=lang, choices=choices)
        return generated.data.decode("utf-8")

    unset = text()
    assert NAME[lang] in unset  # years unknown: offered, with the warning to check it
    assert "niet bevestigd" in unset or "not confirmed" in unset
    _set_years(2018, 2023)
    ended = text()
    assert NAME[lang] not in ended  # ended before the text's year: never offered
    _set_years(2018, 2030)
    running = text()
    assert NAME[lang] in running and "2018–2030" in running


def test_the_category_page_follows_the_setting(qtbot: Any, isolated_home: Path) -> None:
    from app.ui.pages.categories import category_html

    def page() -> str:
        reference = locator.reference()
        energy = reference.find_category("energie", set_id="tien-2017")
        assert energy is not None
        return category_html(energy, "nl")

    assert "looptijd niet bevestigd" in page()
    _set_years(2018, 2023)
    assert "(2018–2023)" in page() and "beëindigd" in page()
    _set_years(2018, 2040)
    assert "(2018–2040)" in page() and "looptijd volgens de instellingen" in page()
