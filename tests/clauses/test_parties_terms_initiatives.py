"""The 2026 texts' parties, general terms, penalty, initiatives and Electronics Watch:
what the buyer chooses comes back from DOCX and PDF, and an initiative is only offered in
the years it was active."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from app import locator
from app.domain.errors import ValidationError
from app.services import clauses
from app.services.context import Context
from tests.clauses.conftest import (
    Rendered,
    docx_text,
    make_document,
    make_params,
    needs_poppler,
    normalise,
    pdftotext_text,
)
from tests.clauses.test_service import add_tender

TEXTILE = {"nl": "Convenant Duurzame Kleding en Textiel (2016–2021)", "en": "Garments and Textile"}


def _texts(rendered: Rendered, tmp_path: Path) -> dict[str, str]:
    path = tmp_path / "clauses.pdf"
    path.write_bytes(rendered.pdf)
    return {
        "docx": docx_text(rendered.docx),
        "pdf": pdftotext_text(path, rendered.document.footer),
    }


@needs_poppler
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_textile_covenant_only_in_its_years(
    lang: str, render_all: object, tmp_path: Path
) -> None:
    for day, offered in ((dt.date(2019, 6, 1), True), (dt.date(2022, 1, 1), False)):
        document = make_document(make_params(generated_on=day), lang)
        for name, text in _texts(render_all(document), tmp_path).items():  # type: ignore[operator]
            assert (TEXTILE[lang] in text) is offered, (name, day)


@needs_poppler
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_electronics_watch_described_as_an_affiliation_with_optional_conditions(
    lang: str, render_all: object, tmp_path: Path
) -> None:
    ict = make_params(category_code="ict-werkomgeving", category_set="acht")
    without = _texts(render_all(make_document(ict, lang)), tmp_path)  # type: ignore[operator]
    with_ew = _texts(
        render_all(make_document(make_params(**{**_ict(), "electronics_watch": True}), lang)),  # type: ignore[operator]
        tmp_path,
    )
    about = locator.reference().initiatives["Electronics Watch"].about(lang)
    article = {
        "nl": "Onafhankelijke monitoring (Electronics Watch)",
        "en": "Independent monitoring (Electronics Watch)",
    }
    disclosure = {"nl": "in welke fabrieken", "en": "in which factories"}
    for name in ("docx", "pdf"):
        assert normalise(about) in without[name]
        assert article[lang] not in without[name]
        assert article[lang] in with_ew[name] and disclosure[lang] in with_ew[name]
        # never listed among the initiatives a supplier may refer to
        heading = {"nl": "Initiatieven waarnaar", "en": "Initiatives a supplier"}[lang]
        listed = without[name].split(heading)[1].split(about[:20])[0]
        assert "Electronics Watch:" not in listed


def _ict() -> dict[str, object]:
    return {"category_code": "ict-werkomgeving", "category_set": "acht"}


def test_penalty_in_place_of_damages_and_no_general_terms() -> None:
    for lang, replaces, none in (
        ("nl", "treedt de boete in de plaats van de schadevergoeding", "geen algemene voorwaarden"),
        ("en", "the penalty replaces the statutory damages", "No general terms apply"),
    ):
        text = make_document(
            make_params(penalty_with_damages=False, general_terms="none"), lang
        ).plain_text()
        assert replaces in normalise(text) and none in text
        assert "6:92" in text


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"penalty_cap": Decimal(1000)}, "clauses_penalty_cap_below_penalty"),
        ({"electronics_watch": True}, "clauses_electronics_watch_not_ict"),
        ({"mandate": "de directeur"}, "clauses_mandate_without_minister"),
        ({"notice_days": 0}, "clauses_number_out_of_range"),
        (
            {
                "form": "award-criterion",
                "acceptance": None,
                "award_weight": 101,
                "award_method": "x",
                "award_subject": "y",
                "award_assessor": "z",
            },
            "clauses_number_out_of_range",
        ),
        ({"award_weight": 10}, "clauses_award_parameter_unused"),
    ],
)
def test_bad_parameters_are_refused(changes: dict[str, object], code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        make_params(**changes)
    assert caught.value.code == code
    assert locator.catalog().has(code)


def test_service_suggests_terms_and_takes_the_party_from_the_settings(
    ctx: Context, isolated_home: Path
) -> None:
    from app import settings

    add_tender(ctx)  # ICT workplace supplies: ARBIT-2018 is suggested
    result = clauses.generate(ctx, "T-1", fmt="md", choices=clauses.ClauseChoices())
    assert result.parameters.general_terms == "arbit-2018"
    assert {"general_terms", "party"} <= result.parameters.defaults
    text = result.data.decode("utf-8")
    assert "(voorgesteld bij deze soort opdracht: bevestig)" in text
    assert "geen minister ingesteld" in text
    current = settings.load()
    current.party_minister = "Economische Zaken"
    current.party_mandate = "de directeur Bedrijfsvoering"
    settings.save(current)
    chosen = clauses.generate(
        ctx, "T-1", fmt="md", choices=clauses.ClauseChoices(general_terms="ARIV-2018")
    )
    text = chosen.data.decode("utf-8")
    assert (
        "vertegenwoordigd door de Minister van Economische Zaken, namens deze: de directeur" in text
    )
    assert "ARIV-2018" in text and "party" not in chosen.parameters.defaults
    with pytest.raises(ValidationError) as caught:
        clauses.generate(ctx, "T-1", fmt="md", choices=clauses.ClauseChoices(general_terms="x"))
    assert caught.value.code == "clauses_unknown_general_terms"
